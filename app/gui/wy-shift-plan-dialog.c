/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-shift-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-gui.h"
#include "wy-shift-plan-dialog.h"

struct _WyShiftPlanDialog
{
  GtkWindow   parent_instance;

  WyStore    *store;
  GDate       old_start;
  gboolean    has_plan;
  int         days;
  GPtrArray  *preview;      /* of WyShiftPreviewEntry */
  char       *error;

  GtkWidget  *entry;
  GtkWidget  *error_label;
  GtkWidget  *summary;
  GtkWidget  *list;
  GtkWidget  *apply_button;
};

G_DEFINE_FINAL_TYPE (WyShiftPlanDialog, wy_shift_plan_dialog, GTK_TYPE_WINDOW)

static void
preview_entry_free (gpointer data)
{
  WyShiftPreviewEntry *entry = data;

  g_free (entry->what);
  g_free (entry->old_date);
  g_free (entry->new_date);
  g_free (entry);
}

static void
add_entry (WyShiftPlanDialog *self,
           WyRecord          *record,
           const char        *field,
           char              *what)
{
  WyShiftPreviewEntry *entry;
  const char *value = wy_record_get (record, field);

  if (value == NULL || !wy_date_is_valid_iso (value))
    {
      g_free (what);
      return;
    }

  entry = g_new0 (WyShiftPreviewEntry, 1);
  entry->table = wy_record_get_table (record);
  entry->id = wy_record_get_id (record);
  entry->what = what;
  entry->old_date = g_strdup (value);
  entry->new_date = wy_date_iso_add_days (value, self->days);
  g_ptr_array_add (self->preview, entry);
}

/* The same dates wy_store_shift_plan() moves: phase starts and ends,
 * milestone due dates, the deadlines of the plan's own tasks. */
static void
compute_preview (WyShiftPlanDialog *self)
{
  g_autoptr(GPtrArray) phases = wy_store_list (self->store, WY_TABLE_PHASE, 0, NULL);
  g_autoptr(GPtrArray) tasks = wy_store_list (self->store, WY_TABLE_TASK, 0, NULL);

  g_ptr_array_set_size (self->preview, 0);

  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      WyRecord *phase = g_ptr_array_index (phases, i);
      const char *name = wy_record_get (phase, "name");
      g_autoptr(GPtrArray) milestones = wy_store_list (self->store, WY_TABLE_MILESTONE,
                                                       wy_record_get_id (phase), NULL);

      /* TRANSLATORS: a line of the plan shift's preview; %s is a phase */
      add_entry (self, phase, "start_date", g_strdup_printf (_("%s — starts"), name));
      /* TRANSLATORS: a line of the plan shift's preview; %s is a phase */
      add_entry (self, phase, "end_date", g_strdup_printf (_("%s — ends"), name));
      for (guint m = 0; milestones != NULL && m < milestones->len; m++)
        {
          WyRecord *milestone = g_ptr_array_index (milestones, m);

          /* TRANSLATORS: a line of the plan shift's preview; %s is a milestone */
          add_entry (self, milestone, "due_date",
                     g_strdup_printf (_("Milestone: %s"), wy_record_get (milestone, "name")));
        }
    }

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      WyRecord *task = g_ptr_array_index (tasks, i);

      if (!wy_record_get_bool (task, "from_plan"))
        continue;
      /* TRANSLATORS: a line of the plan shift's preview; %s is a work task */
      add_entry (self, task, "deadline", g_strdup_printf (_("Task: %s"), wy_record_get (task, "title")));
    }
}

static void
show_preview (WyShiftPlanDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  for (guint i = 0; i < self->preview->len; i++)
    {
      WyShiftPreviewEntry *entry = g_ptr_array_index (self->preview, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *what = gtk_label_new (entry->what);
      g_autofree char *dates = g_strdup_printf ("%s → %s", entry->old_date, entry->new_date);
      GtkWidget *change = gtk_label_new (dates);

      gtk_label_set_xalign (GTK_LABEL (what), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (what), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (what, entry->what);
      gtk_widget_set_hexpand (what, TRUE);
      gtk_widget_add_css_class (change, "numeric");
      gtk_widget_set_margin_top (row, 3);
      gtk_widget_set_margin_bottom (row, 3);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);
      gtk_box_append (GTK_BOX (row), what);
      gtk_box_append (GTK_BOX (row), change);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

static void
set_error (WyShiftPlanDialog *self,
           const char        *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->entry, "error");
  else
    gtk_widget_remove_css_class (self->entry, "error");
}

static void
update (WyShiftPlanDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *old_iso = NULL;
  g_autofree char *summary = NULL;
  GDate new_start;

  self->days = 0;
  g_ptr_array_set_size (self->preview, 0);

  if (!self->has_plan)
    {
      set_error (self, _("The ledger has no phases, so there is no plan to shift."));
      gtk_label_set_text (GTK_LABEL (self->summary), "");
    }
  else if (text[0] == '\0')
    {
      set_error (self, NULL);
      gtk_label_set_text (GTK_LABEL (self->summary), _("Type the new start date to see every date it moves."));
    }
  else if (!wy_date_parse (text, &new_start))
    {
      set_error (self, _("Not a date: write it as YYYY-MM-DD, for example 2024-07-01."));
      gtk_label_set_text (GTK_LABEL (self->summary), "");
    }
  else
    {
      set_error (self, NULL);
      self->days = g_date_days_between (&self->old_start, &new_start);
      compute_preview (self);
      old_iso = wy_date_to_iso (&self->old_start);
      if (self->days == 0)
        summary = g_strdup_printf (_("The plan already starts on %s: nothing moves."), old_iso);
      else if (self->days > 0)
        /* TRANSLATORS: %s is the plan's start date now, %d a number of days */
        summary = g_strdup_printf (ngettext ("From %s, every date moves %d day later:",
                                             "From %s, every date moves %d days later:", self->days),
                                   old_iso, self->days);
      else
        /* TRANSLATORS: %s is the plan's start date now, %d a number of days */
        summary = g_strdup_printf (ngettext ("From %s, every date moves %d day earlier:",
                                             "From %s, every date moves %d days earlier:", -self->days),
                                   old_iso, -self->days);
      gtk_label_set_text (GTK_LABEL (self->summary), summary);
    }

  show_preview (self);
  gtk_widget_set_sensitive (self->apply_button, self->days != 0);
}

static void
on_entry_changed_cb (GtkEditable       *editable,
                     WyShiftPlanDialog *self)
{
  update (self);
}

static void
on_apply_clicked_cb (GtkWidget         *widget,
                     WyShiftPlanDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->days == 0)
    return;

  if (!wy_shift_plan_dialog_apply (self, &error))
    wy_gui_show_error (GTK_WINDOW (self), _("Could not shift the plan"), error);
}

static void
on_cancel_clicked_cb (GtkButton         *button,
                      WyShiftPlanDialog *self)
{
  wy_shift_plan_dialog_cancel (self);
}

static void
wy_shift_plan_dialog_dispose (GObject *object)
{
  WyShiftPlanDialog *self = (WyShiftPlanDialog *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_shift_plan_dialog_parent_class)->dispose (object);
}

static void
wy_shift_plan_dialog_finalize (GObject *object)
{
  WyShiftPlanDialog *self = (WyShiftPlanDialog *)object;

  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (wy_shift_plan_dialog_parent_class)->finalize (object);
}

static void
wy_shift_plan_dialog_class_init (WyShiftPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_shift_plan_dialog_dispose;
  object_class->finalize = wy_shift_plan_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wy_shift_plan_dialog_init (WyShiftPlanDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  GtkWidget *scrolled;
  GtkWidget *buttons;
  GtkWidget *cancel;

  self->preview = g_ptr_array_new_with_free_func (preview_entry_free);
  g_date_clear (&self->old_start, 1);

  gtk_window_set_title (GTK_WINDOW (self), _("Shift the Plan"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 560);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  label = gtk_label_new_with_mnemonic (_("New _start date"));
  self->entry = gtk_entry_new ();
  /* TRANSLATORS: the form of a date the user types */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 11);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New start date"),
                                  -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), self->entry);
  gtk_box_append (GTK_BOX (box), row);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_label);

  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_box_append (GTK_BOX (box), self->summary);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dates that move"),
                                  -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_box_append (GTK_BOX (box), scrolled);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), self->apply_button);
  gtk_box_append (GTK_BOX (box), buttons);

  g_signal_connect (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_apply_clicked_cb), self);
  g_signal_connect (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked_cb), self);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);

  gtk_window_set_child (GTK_WINDOW (self), box);
}

WyShiftPlanDialog *
wy_shift_plan_dialog_new (GtkWindow *parent,
                          WyStore   *store)
{
  WyShiftPlanDialog *self;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_SHIFT_PLAN_DIALOG, NULL);
  self->store = g_object_ref (store);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);

  self->has_plan = wy_store_get_plan_start (store, &self->old_start);
  if (self->has_plan)
    {
      g_autofree char *old_iso = wy_date_to_iso (&self->old_start);

      gtk_editable_set_text (GTK_EDITABLE (self->entry), old_iso);
    }
  update (self);

  return self;
}

void
wy_shift_plan_dialog_set_start_text (WyShiftPlanDialog *self,
                                     const char        *iso)
{
  g_return_if_fail (WY_IS_SHIFT_PLAN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), iso != NULL ? iso : "");
}

GPtrArray *
wy_shift_plan_dialog_get_preview (WyShiftPlanDialog *self)
{
  g_return_val_if_fail (WY_IS_SHIFT_PLAN_DIALOG (self), NULL);

  return self->preview;
}

int
wy_shift_plan_dialog_get_days (WyShiftPlanDialog *self)
{
  g_return_val_if_fail (WY_IS_SHIFT_PLAN_DIALOG (self), 0);

  return self->days;
}

const char *
wy_shift_plan_dialog_get_error (WyShiftPlanDialog *self)
{
  g_return_val_if_fail (WY_IS_SHIFT_PLAN_DIALOG (self), NULL);

  return self->error;
}

gboolean
wy_shift_plan_dialog_apply (WyShiftPlanDialog  *self,
                            GError            **error)
{
  g_autofree char *text = NULL;
  GDate new_start;

  g_return_val_if_fail (WY_IS_SHIFT_PLAN_DIALOG (self), FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (!wy_date_parse (text, &new_start))
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                           _("Not a date: write it as YYYY-MM-DD, for example 2024-07-01."));
      return FALSE;
    }

  if (!wy_store_shift_plan (self->store, &new_start, error))
    return FALSE;

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

void
wy_shift_plan_dialog_cancel (WyShiftPlanDialog *self)
{
  g_return_if_fail (WY_IS_SHIFT_PLAN_DIALOG (self));

  gtk_window_destroy (GTK_WINDOW (self));
}
