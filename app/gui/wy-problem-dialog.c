/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-problem-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-gui.h"
#include "wy-problem-dialog.h"

struct _WyProblemDialog
{
  GtkWindow        parent_instance;

  WyStore         *store;
  gint64           compound_id;
  gint64           problem_id;
  WyRecordForm    *form;          /* the draft, until Add */
  WyProblemEditor *editor;        /* after Add, or of an existing item */
  GtkWindow       *confirmation;

  /* Template widgets (the header bar is not bound: it is the window's
   * titlebar, which GtkWindow unparents itself) */
  GtkWidget       *cancel_button; /* NULL once the item exists */
  GtkWidget       *add_button;    /* NULL once the item exists */
  GtkWidget       *content;
  GtkWidget       *draft_scroller;
  GtkWidget       *draft_box;
  GtkWidget       *compound_label;
  GtkWidget       *error_label;
};

G_DEFINE_FINAL_TYPE (WyProblemDialog, wy_problem_dialog, GTK_TYPE_WINDOW)

static const char * const new_fields[] = {
  "category", "target_id", "description", "measure", "responsible_unit",
  "responsible_person", "raised_date", "deadline", "status", NULL
};

/* --- Auxiliary methods --------------------------------------------------- */

static void
set_error (WyProblemDialog *self,
           const char      *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
show_editor (WyProblemDialog *self,
             gint64           problem_id)
{
  GtkWidget *header;

  self->problem_id = problem_id;
  self->form = NULL;

  /* The draft goes; the item's editor takes its place. */
  if (self->draft_scroller != NULL)
    {
      gtk_box_remove (GTK_BOX (self->content), self->draft_scroller);
      self->draft_scroller = NULL;
      self->draft_box = NULL;
      self->compound_label = NULL;
      self->error_label = NULL;
    }

  self->editor = wy_problem_editor_new (self->store);
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor), TRUE);
  wy_problem_editor_set_problem_id (self->editor, problem_id);
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->editor));

  gtk_window_set_title (GTK_WINDOW (self), _("Rectification Item"));
  header = gtk_window_get_titlebar (GTK_WINDOW (self));
  if (self->add_button != NULL)
    {
      gtk_header_bar_remove (GTK_HEADER_BAR (header), self->add_button);
      gtk_header_bar_remove (GTK_HEADER_BAR (header), self->cancel_button);
      self->add_button = NULL;
      self->cancel_button = NULL;
    }
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), TRUE);
}

static gboolean
insert_problem (WyProblemDialog *self)
{
  g_autoptr(WyRecord) record = wy_record_new (WY_TABLE_PROBLEM);
  g_autoptr(GError) error = NULL;
  gint64 id;

  wy_record_set_int (record, "compound_id", self->compound_id);
  for (guint i = 0; new_fields[i] != NULL; i++)
    {
      g_autofree char *value = wy_record_form_get_value (self->form, new_fields[i]);

      wy_record_set (record, new_fields[i], value);
    }

  id = wy_store_insert (self->store, record, &error);
  if (id <= 0)
    {
      set_error (self, error != NULL ? error->message : NULL);
      return FALSE;
    }

  show_editor (self, id);
  return TRUE;
}

/* --- Callbacks ----------------------------------------------------------- */

static void
on_confirmation_response_cb (GtkDialog       *dialog,
                             int              response,
                             WyProblemDialog *self)
{
  self->confirmation = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    insert_problem (self);
}

static void
on_add_clicked_cb (GtkButton       *button,
                   WyProblemDialog *self)
{
  wy_problem_dialog_add (GTK_WINDOW (self));
}

static void
on_cancel_clicked_cb (GtkButton       *button,
                      WyProblemDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* --- GObject ------------------------------------------------------------- */

static void
wy_problem_dialog_dispose (GObject *object)
{
  WyProblemDialog *self = (WyProblemDialog *)object;

  /* The question, if open, goes with its parent (destroy-with-parent). */
  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_PROBLEM_DIALOG);
  self->form = NULL;
  self->editor = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_problem_dialog_parent_class)->dispose (object);
}

static void
wy_problem_dialog_class_init (WyProblemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_problem_dialog_dispose;

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-problem-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WyProblemDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, WyProblemDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, WyProblemDialog, content);
  gtk_widget_class_bind_template_child (widget_class, WyProblemDialog, draft_scroller);
  gtk_widget_class_bind_template_child (widget_class, WyProblemDialog, draft_box);
  gtk_widget_class_bind_template_child (widget_class, WyProblemDialog, compound_label);
  gtk_widget_class_bind_template_child (widget_class, WyProblemDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);

  /* Escape closes: the window's own close action. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wy_problem_dialog_init (WyProblemDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- Public API ---------------------------------------------------------- */

GtkWindow *
wy_problem_dialog_new (GtkWindow *parent,
                       WyStore   *store,
                       gint64     compound_id,
                       gint64     problem_id)
{
  WyProblemDialog *self;
  g_autoptr(WyRecord) compound = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *subtitle = NULL;
  GDate today;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);
  g_return_val_if_fail (problem_id > 0 || compound_id > 0, NULL);

  self = g_object_new (WY_TYPE_PROBLEM_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->compound_id = compound_id;

  if (problem_id > 0)
    {
      show_editor (self, problem_id);
      return GTK_WINDOW (self);
    }

  /* A new item: a draft form, written only by Add. */
  compound = wy_store_get (store, WY_TABLE_COMPOUND, compound_id, NULL);
  /* TRANSLATORS: %s is the name of a compound */
  subtitle = g_strdup_printf (_("Compound: %s"),
                              compound != NULL ? wy_record_get (compound, "name") : "");
  gtk_label_set_text (GTK_LABEL (self->compound_label), subtitle);

  self->form = wy_record_form_new (store, WY_TABLE_PROBLEM, new_fields);
  gtk_box_insert_child_after (GTK_BOX (self->draft_box), GTK_WIDGET (self->form), self->compound_label);

  g_date_clear (&today, 1);
  wy_clock_get_today (&today);
  today_iso = wy_date_to_iso (&today);
  wy_record_form_set_value (self->form, "category", "other");
  wy_record_form_set_value (self->form, "status", WY_PROBLEM_PENDING);
  wy_record_form_set_value (self->form, "raised_date", today_iso);

  gtk_window_set_focus (GTK_WINDOW (self),
                        wy_record_form_get_field_widget (self->form, "description"));

  return GTK_WINDOW (self);
}

WyRecordForm *
wy_problem_dialog_get_form (GtkWindow *dialog)
{
  g_return_val_if_fail (WY_IS_PROBLEM_DIALOG (dialog), NULL);

  return WY_PROBLEM_DIALOG (dialog)->form;
}

gboolean
wy_problem_dialog_add (GtkWindow *dialog)
{
  WyProblemDialog *self;
  g_autofree char *raised = NULL;
  g_autofree char *deadline = NULL;
  GtkWidget *first_invalid = NULL;

  g_return_val_if_fail (WY_IS_PROBLEM_DIALOG (dialog), FALSE);

  self = WY_PROBLEM_DIALOG (dialog);
  if (self->form == NULL || self->confirmation != NULL)
    return FALSE;

  set_error (self, NULL);

  /* Every field is checked, so every message shows at once. */
  for (guint i = 0; new_fields[i] != NULL; i++)
    {
      if (!wy_record_form_commit_field (self->form, new_fields[i]) && first_invalid == NULL)
        first_invalid = wy_record_form_get_field_widget (self->form, new_fields[i]);
    }

  if (first_invalid != NULL)
    {
      gtk_widget_grab_focus (first_invalid);
      return FALSE;
    }

  raised = wy_record_form_get_value (self->form, "raised_date");
  deadline = wy_record_form_get_value (self->form, "deadline");
  if (wy_problem_deadline_before_raised (raised, deadline))
    {
      GtkWidget *question;

      question = gtk_message_dialog_new (dialog,
                                         GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                         GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                         "%s", _("The deadline is before the day the item was raised. Keep it?"));
      gtk_dialog_add_buttons (GTK_DIALOG (question),
                              _("_Cancel"), GTK_RESPONSE_CANCEL,
                              _("_Keep"), GTK_RESPONSE_ACCEPT,
                              NULL);
      gtk_dialog_set_default_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
      g_signal_connect_object (question, "response", G_CALLBACK (on_confirmation_response_cb), self, 0);
      self->confirmation = GTK_WINDOW (question);
      gtk_window_present (GTK_WINDOW (question));
      return FALSE;
    }

  return insert_problem (self);
}

gint64
wy_problem_dialog_get_problem_id (GtkWindow *dialog)
{
  g_return_val_if_fail (WY_IS_PROBLEM_DIALOG (dialog), 0);

  return WY_PROBLEM_DIALOG (dialog)->problem_id;
}

WyProblemEditor *
wy_problem_dialog_get_editor (GtkWindow *dialog)
{
  g_return_val_if_fail (WY_IS_PROBLEM_DIALOG (dialog), NULL);

  return WY_PROBLEM_DIALOG (dialog)->editor;
}
