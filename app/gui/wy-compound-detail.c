/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-compound-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-compound-detail.h"
#include "wy-delete-question.h"
#include "wy-funding-view.h"
#include "wy-gui.h"
#include "wy-problem-dialog.h"

struct _WyCompoundDetail
{
  GtkWidget     parent_instance;

  WyStore      *store;
  gint64        compound_id;
  GPtrArray    *forms;          /* of WyRecordForm, the compound's sections */
  GArray       *target_ids;     /* gint64, the targets the checklist shows */
  GPtrArray    *target_rows;    /* of TargetRow */
  guint         n_problems;

  /* Template widgets */
  GtkStack     *stack;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkBox       *sections_box;
  GtkBox       *targets_box;
  GtkListBox   *problems_list;
  GtkLabel     *problems_heading;
  GtkBox       *funding_box;
  WyFundingView *funding_view;
};

/* One line of the targets checklist: its form, or a button when the
 * compound has no status recorded for that target yet. */
typedef struct {
  gint64        target_id;
  WyRecordForm *form;
  GtkWidget    *track_button;
} TargetRow;

G_DEFINE_FINAL_TYPE (WyCompoundDetail, wy_compound_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  COMPOUND_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The compound's facts in the order of the issue, one form per section. */
static const char * const basic_fields[] = {
  "name", "address", "community_id", "category", "year_built", "buildings",
  "households", "residents", "floor_area", "original_unit", NULL
};
static const char * const contact_fields[] = {
  "contact_name", "contact_phone", "grid", "grid_staff", "grid_staff_phone",
  "building_leaders", NULL
};
static const char * const governance_fields[] = {
  "pilot", "governance_mode_id", "mode_plan", NULL
};
static const char * const owners_fields[] = {
  "owners_org_kind", "owners_org_name", "owners_org_date",
  "rule_covenant", "rule_assembly", "rule_committee", NULL
};
static const char * const service_fields[] = {
  "service_provider", "service_cleaning", "service_repair", "service_order", NULL
};
static const char * const other_fields[] = {
  "assistance_unit_id", "notes", NULL
};
static const char * const target_fields[] = {
  "status", "met_date", "evidence", "verifier", NULL
};

static const struct {
  const char         *title;   /* N_() */
  const char * const *fields;
} sections[] = {
  { N_("Basic Facts"), basic_fields },
  { N_("Contact and Grid"), contact_fields },
  { N_("Governance Mode"), governance_fields },
  { N_("Owners’ Organization"), owners_fields },
  { N_("Property Service"), service_fields },
  { N_("Assistance and Notes"), other_fields },
};

static void
target_row_free (TargetRow *row)
{
  g_free (row);
}

static void
get_today (GDate *today)
{
  g_date_clear (today, 1);
  wy_clock_get_today (today);
}

static void
update_title (WyCompoundDetail *self)
{
  g_autoptr(WyCompoundRow) row = NULL;
  g_autofree char *subtitle = NULL;

  if (self->compound_id <= 0)
    return;

  row = wy_store_get_compound_row (self->store, self->compound_id, NULL);
  if (row == NULL)
    return;

  gtk_label_set_text (self->title_label, row->name != NULL ? row->name : "");
  /* Translators: street office · community, under the compound's name */
  subtitle = g_strdup_printf (_("%s · %s"),
                              row->street != NULL ? row->street : "",
                              row->community != NULL ? row->community : "");
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
on_form_saved_cb (WyRecordForm     *form,
                  const char       *field,
                  WyCompoundDetail *self)
{
  if (g_strcmp0 (field, "name") == 0 || g_strcmp0 (field, "community_id") == 0)
    update_title (self);

  g_signal_emit (self, signals[COMPOUND_CHANGED], 0, self->compound_id);
}

static void
build_sections (WyCompoundDetail *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *heading;
      WyRecordForm *form;

      heading = gtk_label_new (_(sections[i].title));
      gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_add_css_class (heading, "wy-section-heading");
      if (i > 0)
        gtk_widget_set_margin_top (heading, 6);
      gtk_box_append (self->sections_box, heading);

      form = wy_record_form_new (self->store, WY_TABLE_COMPOUND, sections[i].fields);
      gtk_accessible_update_property (GTK_ACCESSIBLE (form),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(sections[i].title),
                                      -1);
      g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved_cb), self, 0);
      gtk_box_append (self->sections_box, GTK_WIDGET (form));
      g_ptr_array_add (self->forms, form);
    }
}

static void
on_track_button_clicked_cb (GtkButton        *button,
                            WyCompoundDetail *self)
{
  gint64 target_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "wy-target-id"));
  g_autoptr(WyRecord) record = wy_record_new (WY_TABLE_COMPOUND_TARGET);
  g_autoptr(GError) error = NULL;

  wy_record_set_int (record, "compound_id", self->compound_id);
  wy_record_set_int (record, "target_id", target_id);
  wy_record_set (record, "status", WY_TARGET_NOT_MET);

  if (wy_store_insert (self->store, record, &error) <= 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), error != NULL ? error->message : NULL);
      return;
    }

  wy_compound_detail_reload (self);
}

/* The checklist's lines follow the ledger's active targets; they are
 * built again only when those change. */
static void
ensure_target_rows (WyCompoundDetail *self,
                    GPtrArray        *targets)
{
  gboolean same = targets->len == self->target_ids->len;
  GtkWidget *child;

  for (guint i = 0; same && i < targets->len; i++)
    same = wy_record_get_id (g_ptr_array_index (targets, i)) == g_array_index (self->target_ids, gint64, i);
  if (same)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_box))) != NULL)
    gtk_box_remove (self->targets_box, child);
  g_array_set_size (self->target_ids, 0);
  g_ptr_array_set_size (self->target_rows, 0);

  for (guint i = 0; i < targets->len; i++)
    {
      WyRecord *target = g_ptr_array_index (targets, i);
      gint64 id = wy_record_get_id (target);
      TargetRow *row = g_new0 (TargetRow, 1);
      GtkWidget *box, *label, *header;
      g_autofree char *title = NULL;

      /* Translators: a target of the five haves with its number, e.g. "1. 有业主自治组织" */
      title = g_strdup_printf (_("%u. %s"), i + 1, wy_record_get (target, "name"));

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_add_css_class (box, "wy-target-row");

      header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "wy-target-title");
      gtk_box_append (GTK_BOX (header), label);

      row->track_button = gtk_button_new_with_label (_("Track This Target"));
      gtk_widget_set_tooltip_text (row->track_button,
                                   _("No status is recorded for this target yet: record it as not met"));
      g_object_set_data (G_OBJECT (row->track_button), "wy-target-id", GSIZE_TO_POINTER ((gsize)id));
      g_signal_connect_object (row->track_button, "clicked",
                               G_CALLBACK (on_track_button_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (header), row->track_button);
      gtk_box_append (GTK_BOX (box), header);

      row->form = wy_record_form_new (self->store, WY_TABLE_COMPOUND_TARGET, target_fields);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->form),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      g_signal_connect_object (row->form, "saved", G_CALLBACK (on_form_saved_cb), self, 0);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->form));

      gtk_box_append (self->targets_box, box);

      row->target_id = id;
      g_array_append_val (self->target_ids, id);
      g_ptr_array_add (self->target_rows, row);
    }
}

static void
reload_targets (WyCompoundDetail *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;

  all = wy_store_list (self->store, WY_TABLE_TARGET, 0, &error);
  if (all == NULL)
    {
      g_warning ("Could not list the targets: %s", error->message);
      return;
    }

  for (guint i = 0; i < all->len; i++)
    {
      WyRecord *target = g_ptr_array_index (all, i);

      if (wy_record_get (target, "active") == NULL || wy_record_get_bool (target, "active"))
        g_ptr_array_add (active, target);
    }

  ensure_target_rows (self, active);

  statuses = wy_store_list (self->store, WY_TABLE_COMPOUND_TARGET, self->compound_id, NULL);

  for (guint i = 0; i < self->target_rows->len; i++)
    {
      TargetRow *row = g_ptr_array_index (self->target_rows, i);
      gint64 status_id = 0;

      for (guint j = 0; statuses != NULL && j < statuses->len; j++)
        {
          WyRecord *status = g_ptr_array_index (statuses, j);

          if (wy_record_get_int (status, "target_id", 0) == row->target_id)
            {
              status_id = wy_record_get_id (status);
              break;
            }
        }

      if (status_id > 0)
        wy_record_form_set_record_id (row->form, status_id);
      gtk_widget_set_visible (GTK_WIDGET (row->form), status_id > 0);
      gtk_widget_set_visible (row->track_button, status_id <= 0);
    }
}

static GtkWidget *
create_problem_row (WyProblemRow *problem,
                    const GDate  *today,
                    guint         warning_days)
{
  const WyTableInfo *info = wy_schema_table (WY_TABLE_PROBLEM);
  const WyFieldInfo *status_field = wy_schema_field (info, "status");
  gboolean done = g_strcmp0 (problem->status, WY_PROBLEM_SIGNED_OFF) == 0;
  WyLight light = wy_light_compute_iso (problem->deadline, done, today, warning_days);
  const char *status = wy_schema_code_label (status_field, problem->status);
  GtkWidget *row, *box, *dot, *description, *meta;
  g_autofree char *light_class = g_strconcat ("wy-light-", wy_light_to_code (light), NULL);
  g_autofree char *meta_text = NULL;
  g_autofree char *accessible = NULL;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "wy-problem-id", GSIZE_TO_POINTER ((gsize)problem->id));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  dot = gtk_label_new ("●");
  gtk_widget_add_css_class (dot, "wy-light-dot");
  gtk_widget_add_css_class (dot, light_class);
  gtk_widget_set_tooltip_text (dot, wy_light_to_label (light));
  gtk_box_append (GTK_BOX (box), dot);

  description = gtk_label_new (problem->description);
  gtk_label_set_xalign (GTK_LABEL (description), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (description), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (description, TRUE);
  gtk_box_append (GTK_BOX (box), description);

  if (problem->deadline != NULL && !done)
    /* Translators: status of a problem, then its deadline */
    meta_text = g_strdup_printf (_("%s · due %s"), status, problem->deadline);
  else if (done && problem->signed_off_date != NULL)
    /* Translators: "Signed off", then the date it was signed off */
    meta_text = g_strdup_printf (_("%s %s"), status, problem->signed_off_date);
  else if (!done)
    /* Translators: status of a problem that has no deadline (an old one) */
    meta_text = g_strdup_printf (_("%s · no deadline"), status);
  else
    meta_text = g_strdup (status);
  meta = gtk_label_new (meta_text);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (box), meta);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: how a screen reader reads a problem: description, status and deadline, light */
  accessible = g_strdup_printf (_("%s, %s, %s"), problem->description, meta_text,
                                wy_light_to_label (light));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

void
wy_compound_detail_reload_problems (WyCompoundDetail *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *child;
  GDate today;
  guint warning_days;
  guint n_open = 0;

  g_return_if_fail (WY_IS_COMPOUND_DETAIL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  self->n_problems = 0;

  if (self->compound_id <= 0)
    return;

  get_today (&today);
  warning_days = wy_store_get_warning_days (self->store);

  problems = wy_store_list_problem_rows (self->store, self->compound_id, &error);
  if (problems == NULL)
    {
      g_warning ("Could not list the problems: %s", error->message);
      return;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      WyProblemRow *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->status, WY_PROBLEM_SIGNED_OFF) != 0)
        n_open++;
      gtk_list_box_append (self->problems_list, create_problem_row (problem, &today, warning_days));
    }
  self->n_problems = problems->len;

  /* Translators: the heading of a compound's problem list: all, then the open ones */
  heading = g_strdup_printf (_("Problems (%u, %u open)"), problems->len, n_open);
  gtk_label_set_text (self->problems_heading, heading);
}

/* The Delete key on the focused problem. */
static gboolean
on_problems_list_delete_cb (GtkWidget *widget,
                            GVariant  *args,
                            gpointer   user_data)
{
  WyCompoundDetail *self = user_data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  gint64 problem_id;

  if (row == NULL || gtk_widget_get_parent (row) != widget)
    return FALSE;

  problem_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "wy-problem-id"));
  if (problem_id <= 0)
    return FALSE;

  wy_delete_question_ask (widget, self->store, WY_TABLE_PROBLEM, problem_id);
  return TRUE;
}

static void
on_problems_list_row_activated_cb (GtkListBox       *list,
                                   GtkListBoxRow    *row,
                                   WyCompoundDetail *self)
{
  gint64 problem_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "wy-problem-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *dialog;

  if (problem_id <= 0)
    return;

  dialog = wy_problem_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->store, self->compound_id, problem_id);
  if (dialog != NULL)
    gtk_window_present (dialog);
}

void
wy_compound_detail_reload (WyCompoundDetail *self)
{
  g_return_if_fail (WY_IS_COMPOUND_DETAIL (self));

  if (self->compound_id <= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      wy_compound_detail_reload_problems (self);
      return;
    }

  for (guint i = 0; i < self->forms->len; i++)
    wy_record_form_set_record_id (g_ptr_array_index (self->forms, i), self->compound_id);

  update_title (self);
  reload_targets (self);
  wy_compound_detail_reload_problems (self);
  wy_funding_view_set_compound (self->funding_view, self->compound_id);
  gtk_stack_set_visible_child_name (self->stack, "compound");
}

void
wy_compound_detail_set_compound_id (WyCompoundDetail *self,
                                    gint64            compound_id)
{
  g_return_if_fail (WY_IS_COMPOUND_DETAIL (self));

  if (compound_id == self->compound_id)
    return;

  self->compound_id = MAX (compound_id, 0);
  wy_compound_detail_reload (self);
}

gint64
wy_compound_detail_get_compound_id (WyCompoundDetail *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_DETAIL (self), 0);

  return self->compound_id;
}

const char *
wy_compound_detail_get_title (WyCompoundDetail *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_DETAIL (self), NULL);

  return gtk_label_get_text (self->title_label);
}

WyRecordForm *
wy_compound_detail_get_form_for (WyCompoundDetail *self,
                                 const char       *field)
{
  g_return_val_if_fail (WY_IS_COMPOUND_DETAIL (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sections) && i < self->forms->len; i++)
    for (guint j = 0; sections[i].fields[j] != NULL; j++)
      if (g_strcmp0 (sections[i].fields[j], field) == 0)
        return g_ptr_array_index (self->forms, i);

  return NULL;
}

guint
wy_compound_detail_get_n_problems (WyCompoundDetail *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_DETAIL (self), 0);

  return self->n_problems;
}

guint
wy_compound_detail_get_n_targets (WyCompoundDetail *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_DETAIL (self), 0);

  return self->target_rows->len;
}

static void
wy_compound_detail_constructed (GObject *object)
{
  WyCompoundDetail *self = (WyCompoundDetail *)object;

  G_OBJECT_CLASS (wy_compound_detail_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);

  build_sections (self);
  self->funding_view = wy_funding_view_new (self->store);
  gtk_box_append (self->funding_box, GTK_WIDGET (self->funding_view));
  gtk_stack_set_visible_child_name (self->stack, "none");
}

static void
wy_compound_detail_dispose (GObject *object)
{
  WyCompoundDetail *self = (WyCompoundDetail *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_COMPOUND_DETAIL);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->target_rows, g_ptr_array_unref);
  g_clear_pointer (&self->target_ids, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_compound_detail_parent_class)->dispose (object);
}

static void
wy_compound_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WyCompoundDetail *self = WY_COMPOUND_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wy_compound_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WyCompoundDetail *self = WY_COMPOUND_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wy_compound_detail_class_init (WyCompoundDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wy_compound_detail_constructed;
  object_class->dispose = wy_compound_detail_dispose;
  object_class->get_property = wy_compound_detail_get_property;
  object_class->set_property = wy_compound_detail_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         WY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[COMPOUND_CHANGED] =
    g_signal_new ("compound-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-compound-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, WyCompoundDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundDetail, sections_box);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundDetail, targets_box);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundDetail, problems_list);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundDetail, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundDetail, funding_box);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_list_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wy_compound_detail_init (WyCompoundDetail *self)
{
  GtkEventController *keys;

  self->forms = g_ptr_array_new ();
  self->target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->target_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) target_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Delete on a problem deletes it, after asking (Enter opens it). */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                                                          gtk_callback_action_new (on_problems_list_delete_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->problems_list), keys);
}

WyCompoundDetail *
wy_compound_detail_new (WyStore *store)
{
  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  return g_object_new (WY_TYPE_COMPOUND_DETAIL, "store", store, NULL);
}

WyFundingView *
wy_compound_detail_get_funding_view (WyCompoundDetail *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_DETAIL (self), NULL);

  return self->funding_view;
}
