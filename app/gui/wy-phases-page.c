/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-phases-page"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-gui.h"
#include "wy-phases-page.h"
#include "wy-page.h"
#include "wy-record-form.h"

typedef struct {
  gint64        id;
  GtkWidget    *frame;
  GtkWidget    *heading;
  GtkWidget    *milestones_box;
  WyRecordForm *form;
} PhaseSection;

typedef struct {
  WyPhasesPage *page;
  gint64        id;
  gint64        phase_id;
  WyLight       light;
  GtkWidget    *box;
  GtkWidget    *light_label;
  GtkWidget    *name;
  GtkWidget    *due;
  GtkWidget    *done;
  GtkWidget    *done_label;
  GtkWidget    *error;
} MilestoneRow;

struct _WyPhasesPage
{
  GtkWidget     parent_instance;

  WyStore      *store;
  gulong        row_changed_id;
  gboolean      loaded;
  GDate         today;
  gboolean      today_fixed;
  guint         warning_days;
  guint         rebuild_id;
  guint         position_id;   /* idle: items elsewhere changed what is due */
  guint         updating;
  guint         scroll_ticks;

  GPtrArray    *sections;     /* of PhaseSection, in plan order */
  GHashTable   *rows;         /* milestone id → MilestoneRow */
  gint64        current_phase;
  char         *position_text;
  char         *due_text;      /* what is left to do by the current phase's end */

  GtkWidget    *scrolled;
  GtkWidget    *position_label;
  GtkWidget    *due_label;
  GtkWidget    *phases_box;
};

static void wy_phases_page_page_iface_init (WyPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WyPhasesPage, wy_phases_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WY_TYPE_PAGE, wy_phases_page_page_iface_init))

static void rebuild (WyPhasesPage *self);

static void
get_today (WyPhasesPage *self,
           GDate        *out)
{
  if (self->today_fixed)
    *out = self->today;
  else
    {
      g_date_clear (out, 1);
      wy_clock_get_today (out);
    }
}

static int
compare_ordinal (gconstpointer a,
                 gconstpointer b)
{
  WyRecord *ra = *(WyRecord **)a;
  WyRecord *rb = *(WyRecord **)b;
  gint64 oa = wy_record_get_int (ra, "ordinal", G_MAXINT64);
  gint64 ob = wy_record_get_int (rb, "ordinal", G_MAXINT64);

  if (oa != ob)
    return oa < ob ? -1 : 1;
  return wy_record_get_id (ra) < wy_record_get_id (rb) ? -1 : wy_record_get_id (ra) > wy_record_get_id (rb);
}

static GPtrArray *
list_sorted (WyPhasesPage *self,
             WyTable       table,
             gint64        parent_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = wy_store_list (self->store, table, parent_id, &error);

  if (rows == NULL)
    {
      g_warning ("Could not list the plan of %s: %s", wy_store_get_path (self->store), error->message);
      return g_ptr_array_new ();
    }

  g_ptr_array_sort (rows, compare_ordinal);
  return rows;
}

/* --- Where today is ------------------------------------------------------ */

static char *
phase_title (WyRecord *phase,
             guint     position)
{
  /* TRANSLATORS: "Phase 3 · Full roll-out by category" */
  return g_strdup_printf (_("Phase %u · %s"), position,
                          wy_record_get (phase, "name") != NULL ? wy_record_get (phase, "name") : "");
}

/* "Still to do by the end of this phase (2027-03-31): 2 milestones, 5
 * tasks, …": the supervisor's second question after "where are we". */
static char *
due_by_phase_end_text (WyPhasesPage *self,
                       const GDate  *end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) parts = g_string_new (NULL);
  g_autofree char *end_iso = wy_date_to_iso (end);
  guint counts[WY_DUE_N_KINDS];
  const WyDueKind order[] = { WY_DUE_KIND_MILESTONE, WY_DUE_KIND_TASK, WY_DUE_KIND_PROBLEM, WY_DUE_KIND_TERM };

  if (!wy_store_count_due_until (self->store, end, counts, &error))
    {
      g_warning ("Could not count what is due by %s: %s", end_iso, error->message);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint n = counts[order[i]];
      g_autofree char *part = NULL;

      if (n == 0)
        continue;
      switch (order[i])
        {
        case WY_DUE_KIND_MILESTONE:
          part = g_strdup_printf (ngettext ("%u milestone", "%u milestones", n), n);
          break;
        case WY_DUE_KIND_TASK:
          part = g_strdup_printf (ngettext ("%u task", "%u tasks", n), n);
          break;
        case WY_DUE_KIND_PROBLEM:
          part = g_strdup_printf (ngettext ("%u rectification item", "%u rectification items", n), n);
          break;
        case WY_DUE_KIND_TERM:
        default:
          part = g_strdup_printf (ngettext ("%u assistance term", "%u assistance terms", n), n);
          break;
        }
      if (parts->len > 0)
        /* TRANSLATORS: separator of a list of names */
        g_string_append (parts, _(", "));
      g_string_append (parts, part);
    }

  if (parts->len == 0)
    /* TRANSLATORS: %s is the phase's last day (YYYY-MM-DD) */
    return g_strdup_printf (_("Nothing left to do by the end of this phase (%s)."), end_iso);
  /* TRANSLATORS: the first %s is the phase's last day (YYYY-MM-DD), the
   * second a list such as "2 milestones, 5 tasks, 73 rectification
   * items"; overdue items are counted too */
  return g_strdup_printf (_("Still to do by the end of this phase (%s), overdue included: %s"),
                          end_iso, parts->str);
}

static void
update_position (WyPhasesPage *self)
{
  g_autoptr(GPtrArray) phases = list_sorted (self, WY_TABLE_PHASE, 0);
  g_autofree char *text = NULL;
  GDate today, first, last;
  gboolean have_first = FALSE, have_last = FALSE;

  get_today (self, &today);
  self->current_phase = 0;
  g_clear_pointer (&self->due_text, g_free);

  for (guint i = 0; i < phases->len; i++)
    {
      WyRecord *phase = g_ptr_array_index (phases, i);
      GDate start, end;

      if (!wy_date_parse (wy_record_get (phase, "start_date"), &start) ||
          !wy_date_parse (wy_record_get (phase, "end_date"), &end))
        continue;

      if (!have_first || g_date_compare (&start, &first) < 0)
        first = start, have_first = TRUE;
      if (!have_last || g_date_compare (&end, &last) > 0)
        last = end, have_last = TRUE;

      if (self->current_phase == 0 &&
          g_date_compare (&start, &today) <= 0 && g_date_compare (&today, &end) <= 0)
        {
          g_autofree char *title = phase_title (phase, i + 1);
          int left = g_date_days_between (&today, &end);

          self->current_phase = wy_record_get_id (phase);
          self->due_text = due_by_phase_end_text (self, &end);
          if (left == 0)
            /* TRANSLATORS: %s is "Phase 3 · Full roll-out by category" */
            text = g_strdup_printf (_("%s — its last day"), title);
          else
            /* TRANSLATORS: %s is "Phase 3 · Full roll-out by category" */
            text = g_strdup_printf (ngettext ("%s — %d day left", "%s — %d days left", left),
                                    title, left);
        }
    }

  if (text != NULL)
    ;
  else if (!have_first)
    text = g_strdup (_("The plan has no phases with dates."));
  else if (g_date_compare (&today, &first) < 0)
    {
      g_autofree char *iso = wy_date_to_iso (&first);
      int days = g_date_days_between (&today, &first);

      /* TRANSLATORS: %s is a date, %d a number of days */
      text = g_strdup_printf (ngettext ("Before the plan: it starts on %s, in %d day",
                                        "Before the plan: it starts on %s, in %d days", days),
                              iso, days);
    }
  else if (g_date_compare (&today, &last) > 0)
    {
      g_autofree char *iso = wy_date_to_iso (&last);
      int days = g_date_days_between (&last, &today);

      /* TRANSLATORS: %s is a date, %d a number of days */
      text = g_strdup_printf (ngettext ("The plan ended on %s, %d day ago",
                                        "The plan ended on %s, %d days ago", days),
                              iso, days);
    }
  else
    text = g_strdup (_("Between phases: today falls in no phase."));

  g_free (self->position_text);
  self->position_text = g_steal_pointer (&text);
  gtk_label_set_text (GTK_LABEL (self->position_label), self->position_text);
  gtk_label_set_text (GTK_LABEL (self->due_label), self->due_text != NULL ? self->due_text : "");
  gtk_widget_set_visible (self->due_label, self->due_text != NULL);

  /* Headings and the highlight of the current phase */
  for (guint i = 0; i < self->sections->len; i++)
    {
      PhaseSection *section = g_ptr_array_index (self->sections, i);
      g_autoptr(WyRecord) phase = wy_store_get (self->store, WY_TABLE_PHASE, section->id, NULL);
      g_autofree char *title = NULL;
      g_autofree char *markup = NULL;
      gboolean current = section->id == self->current_phase;

      if (phase == NULL)
        continue;

      title = phase_title (phase, i + 1);
      if (current)
        /* TRANSLATORS: after the current phase's title */
        markup = g_markup_printf_escaped ("<b>%s</b>  <span foreground=\"#1c71d8\" weight=\"bold\">%s</span>",
                                          title, _("● Today"));
      else
        markup = g_markup_printf_escaped ("<b>%s</b>", title);
      gtk_label_set_markup (GTK_LABEL (section->heading), markup);
      if (current)
        gtk_widget_add_css_class (section->frame, "wy-current-phase");
      else
        gtk_widget_remove_css_class (section->frame, "wy-current-phase");
    }
}

/* --- Milestone rows ------------------------------------------------------ */

static void
row_set_error (MilestoneRow *row,
               GtkWidget    *entry,
               const char   *message)
{
  gtk_label_set_text (GTK_LABEL (row->error), message != NULL ? message : "");
  gtk_widget_set_visible (row->error, message != NULL);
  gtk_widget_remove_css_class (row->name, "error");
  gtk_widget_remove_css_class (row->due, "error");
  if (message != NULL && entry != NULL)
    gtk_widget_add_css_class (entry, "error");
}

#define SHOWN_KEY "wy-phases-shown"

/* What an entry shows from the ledger, and the base a save is checked
 * against: while the user types, a reload (after another window saved)
 * keeps the typing, and the base stays what the user saw. */
static void
show_stored (GtkEditable *entry,
             const char  *stored)
{
  const char *shown = g_object_get_data (G_OBJECT (entry), SHOWN_KEY);
  const char *typed = gtk_editable_get_text (entry);
  gboolean known = g_object_get_data (G_OBJECT (entry), SHOWN_KEY "-known") != NULL;
  gboolean dirty = known && g_strcmp0 (typed, shown != NULL ? shown : "") != 0;

  if (dirty && g_strcmp0 (typed, stored != NULL ? stored : "") != 0)
    return;

  if (g_strcmp0 (typed, stored != NULL ? stored : "") != 0)
    wy_gui_editable_show_text (entry, stored);
  g_object_set_data_full (G_OBJECT (entry), SHOWN_KEY, g_strdup (stored), g_free);
  g_object_set_data (G_OBJECT (entry), SHOWN_KEY "-known", GINT_TO_POINTER (1));
}

static void
refresh_row (MilestoneRow *row,
             WyRecord     *milestone)
{
  WyPhasesPage *self = row->page;
  const char *name = wy_record_get (milestone, "name");
  const char *due = wy_record_get (milestone, "due_date");
  const char *done_date = wy_record_get (milestone, "done_date");
  gboolean done = wy_record_get_bool (milestone, "done");
  g_autofree char *done_text = NULL;
  GDate today;

  get_today (self, &today);
  row->light = wy_light_compute_iso (due, done, &today, self->warning_days);

  self->updating++;
  show_stored (GTK_EDITABLE (row->name), name);
  show_stored (GTK_EDITABLE (row->due), due);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->done), done);
  self->updating--;

  wy_gui_show_light (row->light_label, row->light, FALSE);
  if (done && done_date != NULL)
    /* TRANSLATORS: beside a milestone's Done check; %s is a date */
    done_text = g_strdup_printf (_("on %s"), done_date);
  gtk_label_set_text (GTK_LABEL (row->done_label), done_text != NULL ? done_text : "");
}

static void
commit_entry (MilestoneRow *row,
              GtkWidget    *entry,
              const char   *field)
{
  WyPhasesPage *self = row->page;
  g_autoptr(WyRecord) milestone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *current = NULL;
  const char *value;

  if (self->updating > 0)
    return;

  milestone = wy_store_get (self->store, WY_TABLE_MILESTONE, row->id, NULL);
  if (milestone == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  value = text[0] != '\0' ? text : NULL;
  if (g_strcmp0 (value, wy_record_get (milestone, field)) == 0)
    {
      row_set_error (row, NULL, NULL);
      return;
    }

  /* Saved only over what the user saw. Otherwise both values are told
   * and the base moves to the ledger's: Return again saves the typing
   * over it, knowingly. */
  if (!wy_store_update_field_if_unchanged (self->store, WY_TABLE_MILESTONE, row->id, field,
                                           g_object_get_data (G_OBJECT (entry), SHOWN_KEY),
                                           value, &current, &error))
    {
      if (g_error_matches (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED))
        {
          g_autofree char *message =
            /* Translators: the first %s says which field changed, the second is its value now */
            g_strdup_printf (_("%s In the ledger now: %s. Press Enter again to save yours over it."),
                             error->message, current != NULL ? current : _("(empty)"));

          g_object_set_data_full (G_OBJECT (entry), SHOWN_KEY, g_steal_pointer (&current), g_free);
          row_set_error (row, entry, message);
        }
      else
        row_set_error (row, entry, error->message);
      return;
    }

  g_object_set_data_full (G_OBJECT (entry), SHOWN_KEY, g_strdup (value), g_free);
  row_set_error (row, NULL, NULL);
}

static void
on_name_activate_cb (GtkEntry     *entry,
                     MilestoneRow *row)
{
  commit_entry (row, row->name, "name");
}

static void
on_due_activate_cb (GtkEntry     *entry,
                    MilestoneRow *row)
{
  commit_entry (row, row->due, "due_date");
}

static void
on_name_leave_cb (GtkEventControllerFocus *controller,
                  MilestoneRow            *row)
{
  commit_entry (row, row->name, "name");
}

static void
on_due_leave_cb (GtkEventControllerFocus *controller,
                 MilestoneRow            *row)
{
  commit_entry (row, row->due, "due_date");
}

static void
on_done_toggled_cb (GtkCheckButton *button,
                    MilestoneRow   *row)
{
  g_autoptr(GError) error = NULL;

  if (row->page->updating > 0)
    return;

  if (!wy_phases_page_set_milestone_done (row->page, row->id, gtk_check_button_get_active (button), &error))
    row_set_error (row, NULL, error->message);
}

static void
on_remove_clicked_cb (GtkButton    *button,
                      MilestoneRow *row)
{
  g_autoptr(GError) error = NULL;
  WyPhasesPage *self = row->page;

  if (!wy_phases_page_remove_milestone (self, row->id, &error))
    wy_gui_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                       _("Could not remove the milestone"), error);
}

static void
add_focus_leave (GtkWidget *entry,
                 GCallback  callback,
                 gpointer   data)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", callback, data);
  gtk_widget_add_controller (entry, focus);
}

static void
disconnect_from (GtkWidget *widget,
                 gpointer   data)
{
  g_autoptr(GListModel) controllers = NULL;

  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      g_signal_handlers_disconnect_by_data (controller, data);
    }
  g_signal_handlers_disconnect_by_data (widget, data);
}

/* A row goes while its entries may live on a little (the window keeps
 * its focus widget while it closes): their focus-out must not reach the
 * freed row. Closing the window with a milestone's name being typed
 * crashed here. */
static void
milestone_row_free (gpointer data)
{
  MilestoneRow *row = data;

  disconnect_from (row->name, row);
  disconnect_from (row->due, row);
  disconnect_from (row->done, row);
  /* Held by the row (created with a reference of its own) so they are
   * still there to disconnect from, whatever went first. */
  g_clear_object (&row->name);
  g_clear_object (&row->due);
  g_clear_object (&row->done);
  g_free (row);
}

static GtkWidget *
create_row (WyPhasesPage *self,
            WyRecord     *milestone)
{
  MilestoneRow *row = g_new0 (MilestoneRow, 1);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove;
  g_autofree char *remove_name = NULL;
  const char *name = wy_record_get (milestone, "name");

  row->page = self;
  row->id = wy_record_get_id (milestone);
  row->phase_id = wy_record_get_int (milestone, "phase_id", 0);
  row->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  row->light_label = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (row->light_label), 10);
  gtk_label_set_xalign (GTK_LABEL (row->light_label), 0.0f);

  row->name = g_object_ref_sink (gtk_entry_new ());
  gtk_widget_set_hexpand (row->name, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->name),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Milestone"),
                                  -1);
  row->due = g_object_ref_sink (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (row->due), 11);
  /* TRANSLATORS: the form of a date the user types */
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->due), _("YYYY-MM-DD"));
  gtk_widget_set_tooltip_text (row->due, _("Due"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->due),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Due"),
                                  -1);
  row->done = g_object_ref_sink (gtk_check_button_new_with_label (_("Done")));
  row->done_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->done_label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (row->done_label), 13);
  gtk_label_set_xalign (GTK_LABEL (row->done_label), 0.0f);

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  /* TRANSLATORS: a button's name; %s is a milestone */
  remove_name = g_strdup_printf (_("Remove the milestone “%s”"), name != NULL ? name : "");
  gtk_widget_set_tooltip_text (remove, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name,
                                  -1);

  row->error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->error), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (row->error), TRUE);
  gtk_widget_add_css_class (row->error, "error");
  gtk_widget_set_visible (row->error, FALSE);

  gtk_box_append (GTK_BOX (line), row->light_label);
  gtk_box_append (GTK_BOX (line), row->name);
  gtk_box_append (GTK_BOX (line), row->due);
  gtk_box_append (GTK_BOX (line), row->done);
  gtk_box_append (GTK_BOX (line), row->done_label);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (row->box), line);
  gtk_box_append (GTK_BOX (row->box), row->error);

  refresh_row (row, milestone);

  g_signal_connect (row->name, "activate", G_CALLBACK (on_name_activate_cb), row);
  g_signal_connect (row->due, "activate", G_CALLBACK (on_due_activate_cb), row);
  add_focus_leave (row->name, G_CALLBACK (on_name_leave_cb), row);
  add_focus_leave (row->due, G_CALLBACK (on_due_leave_cb), row);
  g_signal_connect (row->done, "toggled", G_CALLBACK (on_done_toggled_cb), row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), row);

  g_hash_table_insert (self->rows, g_memdup2 (&row->id, sizeof row->id), row);
  return row->box;
}

/* --- Sections ------------------------------------------------------------ */

static void
on_add_milestone_clicked_cb (GtkButton    *button,
                             WyPhasesPage *self)
{
  gint64 phase_id = *(gint64 *)g_object_get_data (G_OBJECT (button), "wy-phase-id");
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = wy_phases_page_add_milestone (self, phase_id, _("New milestone"), NULL, &error);
  if (id <= 0)
    {
      wy_gui_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                         _("Could not add the milestone"), error);
      return;
    }

  /* The name is what the user changes first. */
  {
    MilestoneRow *row = g_hash_table_lookup (self->rows, &id);

    if (row != NULL)
      {
        gtk_widget_grab_focus (row->name);
        gtk_editable_select_region (GTK_EDITABLE (row->name), 0, -1);
      }
  }
}

static GtkWidget *
create_section (WyPhasesPage *self,
                WyRecord     *phase,
                guint         position)
{
  static const char * const fields[] = { "name", "start_date", "end_date", NULL };
  PhaseSection *section = g_new0 (PhaseSection, 1);
  g_autoptr(GPtrArray) milestones = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add;
  GtkWidget *milestones_heading;
  g_autofree char *add_name = NULL;
  g_autofree char *title = phase_title (phase, position);

  section->id = wy_record_get_id (phase);
  section->frame = gtk_frame_new (NULL);
  gtk_widget_set_margin_bottom (section->frame, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  section->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (section->heading), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (section->heading), TRUE);
  gtk_widget_set_hexpand (section->heading, TRUE);
  gtk_widget_add_css_class (section->heading, "wy-detail-title");
  gtk_box_append (GTK_BOX (heading_row), section->heading);
  gtk_box_append (GTK_BOX (box), heading_row);

  section->form = wy_record_form_new (self->store, WY_TABLE_PHASE, fields);
  wy_record_form_set_record_id (section->form, section->id);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (section->form));

  milestones_heading = gtk_label_new (_("Milestones"));
  gtk_label_set_xalign (GTK_LABEL (milestones_heading), 0.0f);
  gtk_widget_add_css_class (milestones_heading, "wy-section-heading");
  gtk_widget_set_margin_top (milestones_heading, 6);
  gtk_box_append (GTK_BOX (box), milestones_heading);

  section->milestones_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  milestones = list_sorted (self, WY_TABLE_MILESTONE, section->id);
  for (guint i = 0; i < milestones->len; i++)
    gtk_box_append (GTK_BOX (section->milestones_box), create_row (self, g_ptr_array_index (milestones, i)));
  gtk_box_append (GTK_BOX (box), section->milestones_box);

  add = gtk_button_new_with_mnemonic (_("Add _Milestone"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  /* TRANSLATORS: a button's name; %s is "Phase 3 · …" */
  add_name = g_strdup_printf (_("Add a milestone to %s"), title);
  gtk_widget_set_tooltip_text (add, add_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_name, -1);
  g_object_set_data_full (G_OBJECT (add), "wy-phase-id", g_memdup2 (&section->id, sizeof section->id), g_free);
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_milestone_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), add);

  gtk_frame_set_child (GTK_FRAME (section->frame), box);
  g_ptr_array_add (self->sections, section);
  return section->frame;
}

static void
rebuild (WyPhasesPage *self)
{
  g_autoptr(GPtrArray) phases = NULL;
  GtkWidget *child;
  double scroll;
  GtkAdjustment *adjustment;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->position_id, g_source_remove);
  self->loaded = TRUE;
  self->warning_days = wy_store_get_warning_days (self->store);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  scroll = gtk_adjustment_get_value (adjustment);

  while ((child = gtk_widget_get_first_child (self->phases_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->phases_box), child);
  g_hash_table_remove_all (self->rows);
  g_ptr_array_set_size (self->sections, 0);

  phases = list_sorted (self, WY_TABLE_PHASE, 0);
  for (guint i = 0; i < phases->len; i++)
    gtk_box_append (GTK_BOX (self->phases_box), create_section (self, g_ptr_array_index (phases, i), i + 1));

  update_position (self);
  gtk_adjustment_set_value (adjustment, scroll);
}

static PhaseSection *
find_section (WyPhasesPage *self,
              gint64        phase_id)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      PhaseSection *section = g_ptr_array_index (self->sections, i);

      if (section->id == phase_id)
        return section;
    }

  return NULL;
}

/* The same phases and milestones as shown (a reload after another
 * window saved a date or a name): every row read again where it is, so
 * what the user is typing in one of them stays. FALSE when rows came,
 * went or moved, which needs a rebuild. */
static gboolean
refresh_in_place (WyPhasesPage *self)
{
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GPtrArray) milestones = NULL;

  if (!self->loaded)
    return FALSE;

  phases = wy_store_list (self->store, WY_TABLE_PHASE, 0, NULL);
  milestones = wy_store_list (self->store, WY_TABLE_MILESTONE, 0, NULL);
  if (phases == NULL || milestones == NULL ||
      phases->len != self->sections->len || milestones->len != g_hash_table_size (self->rows))
    return FALSE;

  for (guint i = 0; i < phases->len; i++)
    if (find_section (self, wy_record_get_id (g_ptr_array_index (phases, i))) == NULL)
      return FALSE;
  for (guint i = 0; i < milestones->len; i++)
    {
      WyRecord *milestone = g_ptr_array_index (milestones, i);
      gint64 id = wy_record_get_id (milestone);
      MilestoneRow *row = g_hash_table_lookup (self->rows, &id);

      if (row == NULL || row->phase_id != wy_record_get_int (milestone, "phase_id", 0))
        return FALSE;
    }

  self->warning_days = wy_store_get_warning_days (self->store);
  for (guint i = 0; i < milestones->len; i++)
    {
      WyRecord *milestone = g_ptr_array_index (milestones, i);
      gint64 id = wy_record_get_id (milestone);

      refresh_row (g_hash_table_lookup (self->rows, &id), milestone);
    }
  update_position (self);
  return TRUE;
}

static gboolean
rebuild_cb (gpointer user_data)
{
  WyPhasesPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (WyPhasesPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static gboolean
update_position_cb (gpointer user_data)
{
  WyPhasesPage *self = user_data;

  self->position_id = 0;
  update_position (self);
  return G_SOURCE_REMOVE;
}

/* Once per burst of changes (an import signals every row). */
static void
queue_update_position (WyPhasesPage *self)
{
  if (self->position_id == 0)
    self->position_id = g_idle_add (update_position_cb, self);
}


static void
on_store_row_changed_cb (WyStore      *store,
                         int           table,
                         gint64        id,
                         WyPhasesPage *self)
{
  if (!self->loaded)
    return;

  if (table == WY_TABLE_MILESTONE)
    {
      MilestoneRow *row = g_hash_table_lookup (self->rows, &id);
      g_autoptr(WyRecord) milestone = wy_store_get (store, WY_TABLE_MILESTONE, id, NULL);

      if (row != NULL && milestone != NULL &&
          wy_record_get_int (milestone, "phase_id", 0) == row->phase_id)
        {
          refresh_row (row, milestone);
          queue_update_position (self);
        }
      else
        queue_rebuild (self);
    }
  else if (table == WY_TABLE_PROBLEM || table == WY_TABLE_TASK ||
           table == WY_TABLE_ASSISTANCE_UNIT)
    queue_update_position (self);
  else if (table == WY_TABLE_PHASE)
    {
      g_autoptr(WyRecord) phase = wy_store_get (store, WY_TABLE_PHASE, id, NULL);

      if (phase == NULL || find_section (self, id) == NULL)
        queue_rebuild (self);
      else
        update_position (self);
    }
}

/* Once laid out, the current phase is brought into view. */
static gboolean
scroll_to_current_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  WyPhasesPage *self = WY_PHASES_PAGE (widget);
  PhaseSection *section = find_section (self, self->current_phase);
  graphene_rect_t bounds;

  /* The first frames may come before the sections have their sizes. */
  if (section != NULL &&
      gtk_widget_compute_bounds (section->frame, self->phases_box, &bounds))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)),
                              bounds.origin.y);

  return ++self->scroll_ticks < 5 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_map_cb (GtkWidget    *widget,
           WyPhasesPage *self)
{
  if (!self->loaded)
    {
      rebuild (self);
      if (self->current_phase > 0)
        gtk_widget_add_tick_callback (widget, scroll_to_current_cb, NULL, NULL);
    }
}

static void
on_shift_clicked_cb (GtkButton    *button,
                     WyPhasesPage *self)
{
  wy_phases_page_open_shift_dialog (self);
}

/* --- The widget ---------------------------------------------------------- */

static void
section_free (gpointer data)
{
  g_free (data);
}

/* WyPage ------------------------------------------------------------- */

static gboolean
page_select_by_id (WyPage *page,
                   gint64  id)
{
  wy_phases_page_focus_milestone (WY_PHASES_PAGE (page), id);
  return TRUE;
}

static void
wy_phases_page_page_iface_init (WyPageInterface *iface)
{
  iface->name = "phases";
  iface->title = N_("Phases");
  iface->icon_name = "x-office-calendar-symbolic";
  iface->reload = (void (*) (WyPage *)) wy_phases_page_reload;
  iface->select_by_id = page_select_by_id;
}

static void
wy_phases_page_dispose (GObject *object)
{
  WyPhasesPage *self = (WyPhasesPage *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->position_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_phases_page_parent_class)->dispose (object);
}

static void
wy_phases_page_finalize (GObject *object)
{
  WyPhasesPage *self = (WyPhasesPage *)object;

  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->position_text, g_free);
  g_clear_pointer (&self->due_text, g_free);

  G_OBJECT_CLASS (wy_phases_page_parent_class)->finalize (object);
}

static void
wy_phases_page_class_init (WyPhasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_phases_page_dispose;
  object_class->finalize = wy_phases_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-phases-page");
}

static void
wy_phases_page_init (WyPhasesPage *self)
{
  g_date_clear (&self->today, 1);
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, milestone_row_free);

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
}

WyPhasesPage *
wy_phases_page_new (WyStore *store)
{
  WyPhasesPage *self;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *shift;
  GtkWidget *clamp;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_PHASES_PAGE, NULL);
  self->store = g_object_ref (store);
  self->warning_days = wy_store_get_warning_days (store);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 12);
  gtk_widget_set_margin_start (header, 18);
  gtk_widget_set_margin_end (header, 18);
  self->position_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->position_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->position_label), TRUE);
  gtk_widget_set_hexpand (self->position_label, TRUE);
  gtk_widget_add_css_class (self->position_label, "title-3");
  gtk_widget_add_css_class (self->position_label, "wy-detail-title");
  shift = gtk_button_new_with_mnemonic (_("_Shift Plan…"));
  gtk_widget_set_valign (shift, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (shift, _("Move every date of the plan to a new start date"));
  g_signal_connect (shift, "clicked", G_CALLBACK (on_shift_clicked_cb), self);
  self->due_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->due_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->due_label), TRUE);
  gtk_widget_set_visible (self->due_label, FALSE);
  {
    GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

    gtk_widget_set_hexpand (texts, TRUE);
    gtk_box_append (GTK_BOX (texts), self->position_label);
    gtk_box_append (GTK_BOX (texts), self->due_label);
    gtk_box_append (GTK_BOX (header), texts);
  }
  gtk_box_append (GTK_BOX (header), shift);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->phases_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  clamp = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 18);
  gtk_widget_set_margin_end (clamp, 18);
  gtk_box_append (GTK_BOX (clamp), self->phases_box);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_box_append (GTK_BOX (box), self->scrolled);

  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);

  return self;
}

void
wy_phases_page_set_today (WyPhasesPage *self,
                          const GDate  *today)
{
  g_return_if_fail (WY_IS_PHASES_PAGE (self));

  self->today_fixed = today != NULL && g_date_valid (today);
  if (self->today_fixed)
    self->today = *today;
  if (self->loaded)
    rebuild (self);
}

void
wy_phases_page_reload (WyPhasesPage *self)
{
  g_return_if_fail (WY_IS_PHASES_PAGE (self));

  if (!refresh_in_place (self))
    rebuild (self);
}

const char *
wy_phases_page_get_due_text (WyPhasesPage *self)
{
  g_return_val_if_fail (WY_IS_PHASES_PAGE (self), NULL);

  if (!self->loaded)
    rebuild (self);

  return self->due_text;
}

const char *
wy_phases_page_get_position_text (WyPhasesPage *self)
{
  g_return_val_if_fail (WY_IS_PHASES_PAGE (self), NULL);

  if (!self->loaded)
    rebuild (self);

  return self->position_text;
}

gint64
wy_phases_page_get_current_phase (WyPhasesPage *self)
{
  g_return_val_if_fail (WY_IS_PHASES_PAGE (self), 0);

  if (!self->loaded)
    rebuild (self);

  return self->current_phase;
}

gint64
wy_phases_page_add_milestone (WyPhasesPage  *self,
                              gint64         phase_id,
                              const char    *name,
                              const char    *due,
                              GError       **error)
{
  g_autoptr(WyRecord) phase = NULL;
  g_autoptr(WyRecord) milestone = wy_record_new (WY_TABLE_MILESTONE);
  g_autoptr(GPtrArray) siblings = NULL;
  gint64 ordinal = 0;
  gint64 id;

  g_return_val_if_fail (WY_IS_PHASES_PAGE (self), 0);

  phase = wy_store_get (self->store, WY_TABLE_PHASE, phase_id, error);
  if (phase == NULL)
    return 0;

  siblings = list_sorted (self, WY_TABLE_MILESTONE, phase_id);
  for (guint i = 0; i < siblings->len; i++)
    ordinal = MAX (ordinal, wy_record_get_int (g_ptr_array_index (siblings, i), "ordinal", 0));

  wy_record_set_int (milestone, "phase_id", phase_id);
  wy_record_set_int (milestone, "ordinal", ordinal + 1);
  wy_record_set (milestone, "name", name);
  wy_record_set (milestone, "due_date", due != NULL ? due : wy_record_get (phase, "end_date"));
  wy_record_set_bool (milestone, "done", FALSE);

  id = wy_store_insert (self->store, milestone, error);
  if (id <= 0)
    return 0;

  rebuild (self);
  return id;
}

gboolean
wy_phases_page_remove_milestone (WyPhasesPage  *self,
                                 gint64         milestone_id,
                                 GError       **error)
{
  g_return_val_if_fail (WY_IS_PHASES_PAGE (self), FALSE);

  if (!wy_store_delete (self->store, WY_TABLE_MILESTONE, milestone_id, error))
    return FALSE;

  rebuild (self);
  return TRUE;
}

gboolean
wy_phases_page_set_milestone_done (WyPhasesPage  *self,
                                   gint64         milestone_id,
                                   gboolean       done,
                                   GError       **error)
{
  g_autoptr(WyRecord) milestone = NULL;
  g_autofree char *today_iso = NULL;
  GDate today;

  g_return_val_if_fail (WY_IS_PHASES_PAGE (self), FALSE);

  milestone = wy_store_get (self->store, WY_TABLE_MILESTONE, milestone_id, error);
  if (milestone == NULL)
    return FALSE;

  get_today (self, &today);
  today_iso = wy_date_to_iso (&today);

  wy_record_set_bool (milestone, "done", done);
  if (done && wy_record_get (milestone, "done_date") == NULL)
    wy_record_set (milestone, "done_date", today_iso);
  else if (!done)
    wy_record_set (milestone, "done_date", NULL);

  return wy_store_update (self->store, milestone, error);
}

guint
wy_phases_page_get_n_milestones (WyPhasesPage *self)
{
  g_return_val_if_fail (WY_IS_PHASES_PAGE (self), 0);

  return g_hash_table_size (self->rows);
}

GtkWidget *
wy_phases_page_get_milestone_widget (WyPhasesPage *self,
                                     gint64        milestone_id,
                                     const char   *field)
{
  MilestoneRow *row;

  g_return_val_if_fail (WY_IS_PHASES_PAGE (self), NULL);

  row = g_hash_table_lookup (self->rows, &milestone_id);
  if (row == NULL)
    return NULL;
  if (g_strcmp0 (field, "name") == 0)
    return row->name;
  if (g_strcmp0 (field, "due_date") == 0)
    return row->due;
  if (g_strcmp0 (field, "done") == 0)
    return row->done;

  return NULL;
}

WyLight
wy_phases_page_get_milestone_light (WyPhasesPage *self,
                                    gint64        milestone_id)
{
  MilestoneRow *row;

  g_return_val_if_fail (WY_IS_PHASES_PAGE (self), WY_LIGHT_NONE);

  row = g_hash_table_lookup (self->rows, &milestone_id);
  return row != NULL ? row->light : WY_LIGHT_NONE;
}

WyShiftPlanDialog *
wy_phases_page_open_shift_dialog (WyPhasesPage *self)
{
  GtkRoot *root;
  WyShiftPlanDialog *dialog;

  g_return_val_if_fail (WY_IS_PHASES_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = wy_shift_plan_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
wy_phases_page_focus_milestone (WyPhasesPage *self,
                                gint64        milestone_id)
{
  GtkWidget *name;

  g_return_if_fail (WY_IS_PHASES_PAGE (self));

  name = wy_phases_page_get_milestone_widget (self, milestone_id, "name");
  if (name == NULL)
    {
      wy_phases_page_reload (self);
      name = wy_phases_page_get_milestone_widget (self, milestone_id, "name");
    }
  /* The page's viewport scrolls the focused row into view. */
  if (name != NULL)
    gtk_widget_grab_focus (name);
}
