/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-problem-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-delete-question.h"
#include "wy-gui.h"
#include "wy-preferences-window.h"
#include "wy-problem-editor.h"

struct _WyProblemEditor
{
  GtkWidget      parent_instance;

  WyStore       *store;
  gint64         problem_id;
  gulong         row_changed_id;
  GDate          today;
  gboolean       today_fixed;
  WyLight        light;
  guint          n_updates;
  gboolean       signed_off;
  char          *progress_error;

  /* Template widgets */
  GtkWidget     *scrolled;
  GtkWidget     *content_box;
  GtkWidget     *header_box;
  GtkWidget     *title_label;
  GtkWidget     *light_label;
  WyRecordForm  *form;
  GtkWidget     *sign_off_label;
  GtkWidget     *sign_off_button;
  GtkWidget     *reopen_button;
  GtkWidget     *delete_button;
  GtkWidget     *updates_list;
  GtkWidget     *progress_entry;
  GtkWidget     *add_progress_button;
  GtkWidget     *progress_error_label;

  /* The Sign Off… or Reopen… dialog while it is open. */
  GtkWindow     *dialog;
  gboolean       dialog_is_sign_off;
  GtkWidget     *dialog_date;
  GtkWidget     *dialog_verifier;
  GtkWidget     *dialog_reason;
  GtkWidget     *dialog_error;
  char          *dialog_error_text;
};

G_DEFINE_FINAL_TYPE (WyProblemEditor, wy_problem_editor, GTK_TYPE_WIDGET)

static const char * const form_fields[] = {
  "category", "target_id", "description", "measure", "responsible_unit",
  "responsible_person", "raised_date", "deadline", "status", NULL
};

static void
get_today (WyProblemEditor *self,
           GDate           *out)
{
  if (self->today_fixed)
    *out = self->today;
  else
    {
      g_date_clear (out, 1);
      wy_clock_get_today (out);
    }
}

static void
set_light (WyProblemEditor *self,
           WyLight          light)
{
  self->light = light;

  /* The word, not only the colour: the light must read in grey too. */
  wy_gui_show_light (self->light_label, light, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->light_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, wy_light_to_label (light),
                                  -1);
}

static int
compare_updates (gconstpointer a,
                 gconstpointer b)
{
  WyRecord *ra = *(WyRecord **)a;
  WyRecord *rb = *(WyRecord **)b;
  int cmp = g_strcmp0 (wy_record_get (ra, "date"), wy_record_get (rb, "date"));

  if (cmp != 0)
    return cmp;

  return (wy_record_get_id (ra) > wy_record_get_id (rb)) - (wy_record_get_id (ra) < wy_record_get_id (rb));
}

static GtkWidget *
create_update_row (WyRecord *update)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *meta;
  GtkWidget *text;
  const char *author = wy_record_get (update, "author");
  g_autofree char *meta_text = NULL;

  if (author != NULL && author[0] != '\0')
    /* TRANSLATORS: a progress update's date and who recorded it */
    meta_text = g_strdup_printf (_("%s · %s"), wy_record_get (update, "date"), author);
  else
    meta_text = g_strdup (wy_record_get (update, "date"));

  meta = gtk_label_new (meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0.0f);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");

  text = gtk_label_new (wy_record_get (update, "text"));
  gtk_label_set_xalign (GTK_LABEL (text), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);

  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);

  return box;
}

static void
reload_updates (WyProblemEditor *self)
{
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *old_row;

  /* Rows only: the placeholder is a child too, and removing it would
   * leave an empty list with nothing saying so. */
  while ((old_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->updates_list), 0)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->updates_list), GTK_WIDGET (old_row));

  self->n_updates = 0;
  if (self->problem_id <= 0)
    return;

  updates = wy_store_list (self->store, WY_TABLE_PROBLEM_UPDATE, self->problem_id, &error);
  if (updates == NULL)
    {
      g_warning ("Could not list the progress of item %" G_GINT64_FORMAT ": %s",
                 self->problem_id, error->message);
      return;
    }

  /* Newest last: the ledger reads from top to bottom. */
  g_ptr_array_sort (updates, compare_updates);
  for (guint i = 0; i < updates->len; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                                  create_update_row (g_ptr_array_index (updates, i)));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->updates_list), row);
    }
  self->n_updates = updates->len;
}

static void
reload_state (WyProblemEditor *self)
{
  g_autoptr(WyRecord) problem = NULL;
  g_autoptr(WyRecord) compound = NULL;
  GtkWidget *status;
  GDate today;

  if (self->store != NULL && self->problem_id > 0)
    problem = wy_store_get (self->store, WY_TABLE_PROBLEM, self->problem_id, NULL);

  gtk_widget_set_sensitive (self->scrolled, problem != NULL);

  if (problem == NULL)
    {
      self->signed_off = FALSE;
      gtk_label_set_text (GTK_LABEL (self->title_label), "");
      set_light (self, WY_LIGHT_NONE);
      gtk_widget_set_visible (self->sign_off_label, FALSE);
      gtk_widget_set_visible (self->reopen_button, FALSE);
      gtk_widget_set_visible (self->sign_off_button, TRUE);
      return;
    }

  compound = wy_store_get (self->store, WY_TABLE_COMPOUND,
                           wy_record_get_int (problem, "compound_id", 0), NULL);
  gtk_label_set_text (GTK_LABEL (self->title_label),
                      compound != NULL ? wy_record_get (compound, "name") : "");

  self->signed_off = g_strcmp0 (wy_record_get (problem, "status"), WY_PROBLEM_SIGNED_OFF) == 0;

  get_today (self, &today);
  set_light (self, wy_light_compute_iso (wy_record_get (problem, "deadline"), self->signed_off,
                                         &today, wy_store_get_warning_days (self->store)));

  if (self->signed_off)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Signed off on %s, verified by %s"),
                              wy_record_get (problem, "signed_off_date"),
                              wy_record_get (problem, "verifier"));
      gtk_label_set_text (GTK_LABEL (self->sign_off_label), text);
    }
  gtk_widget_set_visible (self->sign_off_label, self->signed_off);
  gtk_widget_set_visible (self->sign_off_button, !self->signed_off);
  gtk_widget_set_visible (self->reopen_button, self->signed_off);

  /* A signed-off item changes status only through Reopen…, so the
   * reopening is recorded. */
  status = wy_record_form_get_field_widget (self->form, "status");
  gtk_widget_set_sensitive (status, !self->signed_off);
  gtk_widget_set_tooltip_text (status, self->signed_off ? _("Use Reopen… to change the status of a signed-off item") : NULL);
}

static void
on_store_external_change_cb (WyProblemEditor *self)
{
  if (self->problem_id <= 0)
    return;
  reload_state (self);
  reload_updates (self);
}

static void
on_store_row_changed_cb (WyStore         *store,
                         int              table,
                         gint64           id,
                         WyProblemEditor *self)
{
  if (self->problem_id <= 0)
    return;

  if (table == WY_TABLE_PROBLEM && id == self->problem_id)
    reload_state (self);
  else if (table == WY_TABLE_PROBLEM_UPDATE)
    reload_updates (self);
}

/* The form asks before it writes a deadline before the raised date (or a
 * raised date after the deadline). */
static char *
confirm_field_cb (WyRecordForm *form,
                  const char   *field,
                  const char   *value,
                  gpointer      user_data)
{
  g_autofree char *raised = NULL;
  g_autofree char *deadline = NULL;

  if (g_strcmp0 (field, "deadline") == 0)
    {
      raised = wy_record_form_get_value (form, "raised_date");
      deadline = g_strdup (value);
    }
  else if (g_strcmp0 (field, "raised_date") == 0)
    {
      raised = g_strdup (value);
      deadline = wy_record_form_get_value (form, "deadline");
    }
  else
    return NULL;

  if (!wy_problem_deadline_before_raised (raised, deadline))
    return NULL;

  return g_strdup (_("The deadline is before the day the item was raised. Keep it?"));
}

static void
set_progress_error (WyProblemEditor *self,
                    const char      *message)
{
  g_free (self->progress_error);
  self->progress_error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->progress_error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->progress_error_label, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->progress_entry, "error");
  else
    gtk_widget_remove_css_class (self->progress_entry, "error");
}

static void
add_progress_now (gpointer user_data)
{
  WyProblemEditor *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_iso = NULL;
  const char *text;
  GDate today;

  if (self->problem_id <= 0)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->progress_entry));
  get_today (self, &today);
  today_iso = wy_date_to_iso (&today);

  if (wy_problem_add_update (self->store, self->problem_id, today_iso, text, &error) == 0)
    {
      set_progress_error (self, error->message);
      return;
    }

  set_progress_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->progress_entry), "");
  reload_updates (self);
}

static void
on_add_progress_clicked_cb (GtkButton       *button,
                            WyProblemEditor *self)
{
  if (self->problem_id <= 0)
    return;

  /* The note records its author: not the login name (root) for want of
   * an operator name, asked for once (issue 12, point 7). */
  wy_preferences_ask_operator_name (GTK_WIDGET (self), self->store, add_progress_now,
                                    g_object_ref (self), g_object_unref);
}

static void
on_progress_entry_activate_cb (GtkEntry        *entry,
                               WyProblemEditor *self)
{
  if (gtk_widget_get_sensitive (self->add_progress_button))
    on_add_progress_clicked_cb (GTK_BUTTON (self->add_progress_button), self);
}

static void
on_progress_entry_changed_cb (GtkEditable     *editable,
                              WyProblemEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_sensitive (self->add_progress_button, text[0] != '\0');
}

/* --- Sign Off… and Reopen… ---------------------------------------------- */

static void
set_dialog_error (WyProblemEditor *self,
                  const char      *message)
{
  g_free (self->dialog_error_text);
  self->dialog_error_text = g_strdup (message);
  if (self->dialog_error != NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->dialog_error), message != NULL ? message : "");
      gtk_widget_set_visible (self->dialog_error, message != NULL);
    }
}

static void
close_dialog (WyProblemEditor *self)
{
  GtkWindow *dialog = g_steal_pointer (&self->dialog);

  self->dialog_date = NULL;
  self->dialog_verifier = NULL;
  self->dialog_reason = NULL;
  self->dialog_error = NULL;
  g_clear_pointer (&self->dialog_error_text, g_free);
  if (dialog != NULL)
    gtk_window_destroy (dialog);
}

static gboolean
on_dialog_close_request_cb (GtkWindow       *window,
                            WyProblemEditor *self)
{
  if (window == self->dialog)
    {
      self->dialog = NULL;
      close_dialog (self);
    }
  return FALSE;
}

static void
on_dialog_cancel_clicked_cb (GtkButton       *button,
                             WyProblemEditor *self)
{
  close_dialog (self);
}

static void
on_dialog_accept_clicked_cb (GtkButton       *button,
                             WyProblemEditor *self)
{
  wy_problem_editor_dialog_accept (self);
}

static GtkWidget *
add_dialog_entry (GtkGrid    *grid,
                  int         row,
                  const char *label_text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *name = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  name = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);

  return entry;
}

/* Under the sign-off date: the days it may take
 * (wy_problem_check_sign_off_date). */
static void
add_sign_off_hint (WyProblemEditor *self,
                   GtkGrid         *grid,
                   int              row)
{
  g_autoptr(WyRecord) problem = wy_store_get (self->store, WY_TABLE_PROBLEM, self->problem_id, NULL);
  const char *raised = problem != NULL ? wy_record_get (problem, "raised_date") : NULL;
  g_autofree char *text = NULL;
  GtkWidget *hint;

  if (raised != NULL && wy_date_is_valid_iso (raised))
    /* Translators: the days a sign-off date may take; %s is the day the
     * item was raised, YYYY-MM-DD */
    text = g_strdup_printf (_("From %s (raised) to today"), raised);
  else
    text = g_strdup (_("Not after today"));

  hint = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0f);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_grid_attach (grid, hint, 1, row, 1, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dialog_date),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
open_dialog (WyProblemEditor *self,
             gboolean         sign_off)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *grid;
  GtkWidget *buttons;
  GtkWidget *cancel;
  GtkWidget *accept;
  GtkWidget *intro;
  GtkEventController *shortcuts;

  close_dialog (self);

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), sign_off ? _("Sign Off Item") : _("Reopen Item"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  intro = gtk_label_new (sign_off
                         ? _("Signing off closes the item. It needs the date of the verification and who verified it.")
                         : _("Reopening puts the item back in progress and records it with today’s date."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 40);
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0f);
  gtk_box_append (GTK_BOX (box), intro);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_box_append (GTK_BOX (box), grid);

  if (sign_off)
    {
      g_autofree char *today_iso = NULL;
      GDate today;

      get_today (self, &today);
      today_iso = wy_date_to_iso (&today);
      self->dialog_date = add_dialog_entry (GTK_GRID (grid), 0, _("Sign-off _date"));
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->dialog_date), _("YYYY-MM-DD"));
      gtk_editable_set_text (GTK_EDITABLE (self->dialog_date), today_iso);
      add_sign_off_hint (self, GTK_GRID (grid), 1);
      self->dialog_verifier = add_dialog_entry (GTK_GRID (grid), 2, _("_Verifier"));
    }
  else
    self->dialog_reason = add_dialog_entry (GTK_GRID (grid), 0, _("_Reason"));

  self->dialog_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->dialog_error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->dialog_error), 0.0f);
  gtk_widget_add_css_class (self->dialog_error, "error");
  gtk_widget_set_visible (self->dialog_error, FALSE);
  gtk_box_append (GTK_BOX (box), self->dialog_error);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  accept = gtk_button_new_with_mnemonic (sign_off ? _("_Sign Off") : _("_Reopen"));
  gtk_widget_add_css_class (accept, "suggested-action");
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_dialog_cancel_clicked_cb), self);
  g_signal_connect (accept, "clicked", G_CALLBACK (on_dialog_accept_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), accept);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), accept);

  /* Escape closes, as in every dialog. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  g_signal_connect (window, "close-request", G_CALLBACK (on_dialog_close_request_cb), self);

  self->dialog = GTK_WINDOW (window);
  self->dialog_is_sign_off = sign_off;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (sign_off ? self->dialog_verifier : self->dialog_reason);
}

static void
on_sign_off_clicked_cb (GtkButton       *button,
                        WyProblemEditor *self)
{
  open_dialog (self, TRUE);
}

static void
on_reopen_clicked_cb (GtkButton       *button,
                      WyProblemEditor *self)
{
  open_dialog (self, FALSE);
}

static void
on_delete_clicked_cb (GtkButton       *button,
                      WyProblemEditor *self)
{
  wy_problem_editor_ask_delete (self);
}

/* --- The widget ---------------------------------------------------------- */

static void
wy_problem_editor_dispose (GObject *object)
{
  WyProblemEditor *self = (WyProblemEditor *)object;

  close_dialog (self);
  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_PROBLEM_EDITOR);
  self->form = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_problem_editor_parent_class)->dispose (object);
}

static void
wy_problem_editor_finalize (GObject *object)
{
  WyProblemEditor *self = (WyProblemEditor *)object;

  g_clear_pointer (&self->progress_error, g_free);

  G_OBJECT_CLASS (wy_problem_editor_parent_class)->finalize (object);
}

static void
wy_problem_editor_class_init (WyProblemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_problem_editor_dispose;
  object_class->finalize = wy_problem_editor_finalize;

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-problem-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, scrolled);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, content_box);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, header_box);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, light_label);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, sign_off_label);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, sign_off_button);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, updates_list);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, progress_entry);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, add_progress_button);
  gtk_widget_class_bind_template_child (widget_class, WyProblemEditor, progress_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_off_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reopen_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_progress_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_progress_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_progress_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-problem-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wy_problem_editor_init (WyProblemEditor *self)
{
  g_date_clear (&self->today, 1);
  self->light = WY_LIGHT_NONE;

  gtk_widget_init_template (GTK_WIDGET (self));
}

WyProblemEditor *
wy_problem_editor_new (WyStore *store)
{
  WyProblemEditor *self;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_PROBLEM_EDITOR, NULL);
  self->store = g_object_ref (store);

  /* The fields come from the schema, so the form is made here. */
  self->form = wy_record_form_new (store, WY_TABLE_PROBLEM, form_fields);
  wy_record_form_set_confirm_func (self->form, confirm_field_cb, self, NULL);
  /* Signing off has its own dialog (date, verifier): the status drop-down
   * shows 已销号 only for an item signed off (issue 12, point 7). */
  wy_record_form_set_unoffered_choice (self->form, "status", WY_PROBLEM_SIGNED_OFF);
  gtk_box_insert_child_after (GTK_BOX (self->content_box), GTK_WIDGET (self->form), self->header_box);

  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);
  /* Another program may have signed the item off or reopened it. */
  g_signal_connect_object (store, WY_STORE_SIGNAL_EXTERNAL_CHANGE,
                           G_CALLBACK (on_store_external_change_cb), self, G_CONNECT_SWAPPED);

  reload_state (self);

  return self;
}

void
wy_problem_editor_set_problem_id (WyProblemEditor *self,
                                  gint64           problem_id)
{
  g_return_if_fail (WY_IS_PROBLEM_EDITOR (self));

  if (problem_id == self->problem_id)
    return;

  close_dialog (self);
  self->problem_id = problem_id;
  gtk_editable_set_text (GTK_EDITABLE (self->progress_entry), "");
  set_progress_error (self, NULL);
  wy_record_form_set_record_id (self->form, problem_id);
  reload_state (self);
  reload_updates (self);
}

gint64
wy_problem_editor_get_problem_id (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), 0);

  return self->problem_id;
}

void
wy_problem_editor_set_today (WyProblemEditor *self,
                             const GDate     *today)
{
  g_return_if_fail (WY_IS_PROBLEM_EDITOR (self));

  self->today_fixed = today != NULL && g_date_valid (today);
  if (self->today_fixed)
    self->today = *today;
  reload_state (self);
}

WyRecordForm *
wy_problem_editor_get_form (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), NULL);

  return self->form;
}

WyLight
wy_problem_editor_get_light (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), WY_LIGHT_NONE);

  return self->light;
}

guint
wy_problem_editor_get_n_updates (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), 0);

  return self->n_updates;
}

GtkWidget *
wy_problem_editor_get_progress_entry (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), NULL);

  return self->progress_entry;
}

GtkWidget *
wy_problem_editor_get_add_progress_button (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), NULL);

  return self->add_progress_button;
}

GtkWidget *
wy_problem_editor_get_sign_off_button (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), NULL);

  return self->sign_off_button;
}

GtkWidget *
wy_problem_editor_get_reopen_button (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), NULL);

  return self->reopen_button;
}

GtkWidget *
wy_problem_editor_get_delete_button (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), NULL);

  return self->delete_button;
}

void
wy_problem_editor_ask_delete (WyProblemEditor *self)
{
  g_return_if_fail (WY_IS_PROBLEM_EDITOR (self));

  if (self->store == NULL || self->problem_id <= 0)
    return;

  wy_delete_question_ask (GTK_WIDGET (self), self->store, WY_TABLE_PROBLEM, self->problem_id);
}

const char *
wy_problem_editor_get_progress_error (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), NULL);

  return self->progress_error;
}

GtkWindow *
wy_problem_editor_get_dialog (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), NULL);

  return self->dialog;
}

void
wy_problem_editor_dialog_set_text (WyProblemEditor *self,
                                   const char      *field,
                                   const char      *text)
{
  GtkWidget *entry = NULL;

  g_return_if_fail (WY_IS_PROBLEM_EDITOR (self));
  g_return_if_fail (self->dialog != NULL);

  if (g_strcmp0 (field, "date") == 0)
    entry = self->dialog_date;
  else if (g_strcmp0 (field, "verifier") == 0)
    entry = self->dialog_verifier;
  else if (g_strcmp0 (field, "reason") == 0)
    entry = self->dialog_reason;

  g_return_if_fail (entry != NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

gboolean
wy_problem_editor_dialog_accept (WyProblemEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), FALSE);

  if (self->dialog == NULL || self->problem_id <= 0)
    return FALSE;

  if (self->dialog_is_sign_off)
    {
      g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->dialog_date))));
      g_autofree char *verifier = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->dialog_verifier))));

      /* Both are required: say so here rather than leave it to the store. */
      if (!wy_date_is_valid_iso (date))
        {
          set_dialog_error (self, _("Enter the sign-off date as a real date (YYYY-MM-DD)."));
          gtk_widget_grab_focus (self->dialog_date);
          return FALSE;
        }
      if (verifier[0] == '\0')
        {
          set_dialog_error (self, _("Enter who verified the rectification."));
          gtk_widget_grab_focus (self->dialog_verifier);
          return FALSE;
        }
      GDate today;

      get_today (self, &today);
      ok = wy_problem_sign_off (self->store, self->problem_id, date, verifier, &today, &error);
    }
  else
    {
      const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->dialog_reason));
      GDate today;

      get_today (self, &today);
      ok = wy_problem_reopen (self->store, self->problem_id, &today, reason, &error);
    }

  if (!ok)
    {
      set_dialog_error (self, error->message);
      return FALSE;
    }

  close_dialog (self);
  reload_state (self);
  reload_updates (self);
  return TRUE;
}

const char *
wy_problem_editor_dialog_get_error (WyProblemEditor *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_EDITOR (self), NULL);

  return self->dialog_error_text;
}
