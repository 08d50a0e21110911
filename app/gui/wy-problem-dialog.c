/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-problem-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-problem-dialog.h"

#define STATE_KEY "wy-problem-dialog-state"

typedef struct
{
  GtkWindow       *window;        /* not owned */
  WyStore         *store;
  gint64           compound_id;
  gint64           problem_id;
  WyRecordForm    *form;          /* the draft, until Add */
  WyProblemEditor *editor;        /* after Add, or of an existing item */
  GtkWidget       *header;
  GtkWidget       *cancel_button;
  GtkWidget       *add_button;
  GtkWidget       *content;
  GtkWidget       *error_label;
  GtkWindow       *confirmation;
} DialogState;

static const char * const new_fields[] = {
  "category", "target_id", "description", "measure", "responsible_unit",
  "responsible_person", "raised_date", "deadline", "status", NULL
};

static void
dialog_state_free (gpointer data)
{
  DialogState *state = data;

  /* The question, if open, goes with its parent (destroy-with-parent). */
  g_clear_object (&state->store);
  g_free (state);
}

static DialogState *
get_state (GtkWindow *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), STATE_KEY);
}

static void
set_error (DialogState *state,
           const char  *message)
{
  gtk_label_set_text (GTK_LABEL (state->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (state->error_label, message != NULL);
}

static void
show_editor (DialogState *state,
             gint64       problem_id)
{
  GtkWidget *child;

  state->problem_id = problem_id;
  state->form = NULL;

  while ((child = gtk_widget_get_first_child (state->content)) != NULL)
    gtk_box_remove (GTK_BOX (state->content), child);

  state->editor = wy_problem_editor_new (state->store);
  gtk_widget_set_vexpand (GTK_WIDGET (state->editor), TRUE);
  wy_problem_editor_set_problem_id (state->editor, problem_id);
  gtk_box_append (GTK_BOX (state->content), GTK_WIDGET (state->editor));

  gtk_window_set_title (state->window, _("Rectification Item"));
  if (state->add_button != NULL)
    {
      gtk_header_bar_remove (GTK_HEADER_BAR (state->header), state->add_button);
      gtk_header_bar_remove (GTK_HEADER_BAR (state->header), state->cancel_button);
      state->add_button = NULL;
      state->cancel_button = NULL;
    }
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (state->header), TRUE);
}

static gboolean
insert_problem (DialogState *state)
{
  g_autoptr(WyRecord) record = wy_record_new (WY_TABLE_PROBLEM);
  g_autoptr(GError) error = NULL;
  gint64 id;

  wy_record_set_int (record, "compound_id", state->compound_id);
  for (guint i = 0; new_fields[i] != NULL; i++)
    {
      g_autofree char *value = wy_record_form_get_value (state->form, new_fields[i]);

      wy_record_set (record, new_fields[i], value);
    }

  id = wy_store_insert (state->store, record, &error);
  if (id <= 0)
    {
      set_error (state, error != NULL ? error->message : NULL);
      return FALSE;
    }

  show_editor (state, id);
  return TRUE;
}

static void
on_confirmation_response_cb (GtkDialog   *dialog,
                             int          response,
                             DialogState *state)
{
  state->confirmation = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    insert_problem (state);
}

gboolean
wy_problem_dialog_add (GtkWindow *dialog)
{
  DialogState *state;
  g_autofree char *raised = NULL;
  g_autofree char *deadline = NULL;
  GtkWidget *first_invalid = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (dialog), FALSE);

  state = get_state (dialog);
  g_return_val_if_fail (state != NULL, FALSE);

  if (state->form == NULL || state->confirmation != NULL)
    return FALSE;

  set_error (state, NULL);

  /* Every field is checked, so every message shows at once. */
  for (guint i = 0; new_fields[i] != NULL; i++)
    {
      if (!wy_record_form_commit_field (state->form, new_fields[i]) && first_invalid == NULL)
        first_invalid = wy_record_form_get_field_widget (state->form, new_fields[i]);
    }

  if (first_invalid != NULL)
    {
      gtk_widget_grab_focus (first_invalid);
      return FALSE;
    }

  raised = wy_record_form_get_value (state->form, "raised_date");
  deadline = wy_record_form_get_value (state->form, "deadline");
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
      g_signal_connect (question, "response", G_CALLBACK (on_confirmation_response_cb), state);
      state->confirmation = GTK_WINDOW (question);
      gtk_window_present (GTK_WINDOW (question));
      return FALSE;
    }

  return insert_problem (state);
}

static void
on_add_clicked_cb (GtkButton *button,
                   GtkWindow *dialog)
{
  wy_problem_dialog_add (dialog);
}

static void
on_cancel_clicked_cb (GtkButton *button,
                      GtkWindow *dialog)
{
  gtk_window_close (dialog);
}

GtkWindow *
wy_problem_dialog_new (GtkWindow *parent,
                       WyStore   *store,
                       gint64     compound_id,
                       gint64     problem_id)
{
  DialogState *state;
  GtkWidget *window;
  GtkWidget *box;
  GtkEventController *shortcuts;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);
  g_return_val_if_fail (problem_id > 0 || compound_id > 0, NULL);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);

  state = g_new0 (DialogState, 1);
  state->window = GTK_WINDOW (window);
  state->store = g_object_ref (store);
  state->compound_id = compound_id;
  g_object_set_data_full (G_OBJECT (window), STATE_KEY, state, dialog_state_free);

  state->header = gtk_header_bar_new ();
  gtk_window_set_titlebar (GTK_WINDOW (window), state->header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  state->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_vexpand (state->content, TRUE);
  gtk_box_append (GTK_BOX (box), state->content);
  gtk_window_set_child (GTK_WINDOW (window), box);

  /* Escape closes: the window's own close action. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  if (problem_id > 0)
    {
      show_editor (state, problem_id);
      return GTK_WINDOW (window);
    }

  /* A new item: a draft form, written only by Add. */
  {
    g_autoptr(WyRecord) compound = wy_store_get (store, WY_TABLE_COMPOUND, compound_id, NULL);
    g_autofree char *today_iso = NULL;
    g_autofree char *subtitle = NULL;
    GtkWidget *scrolled;
    GtkWidget *inner;
    GtkWidget *compound_label;
    GDate today;

    gtk_window_set_title (GTK_WINDOW (window), _("New Rectification Item"));
    gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (state->header), FALSE);

    state->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
    g_signal_connect (state->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), window);
    gtk_header_bar_pack_start (GTK_HEADER_BAR (state->header), state->cancel_button);

    state->add_button = gtk_button_new_with_mnemonic (_("_Add"));
    gtk_widget_add_css_class (state->add_button, "suggested-action");
    g_signal_connect (state->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), window);
    gtk_header_bar_pack_end (GTK_HEADER_BAR (state->header), state->add_button);

    inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    gtk_widget_set_margin_top (inner, 12);
    gtk_widget_set_margin_bottom (inner, 12);
    gtk_widget_set_margin_start (inner, 12);
    gtk_widget_set_margin_end (inner, 12);

    /* TRANSLATORS: %s is the name of a compound */
    subtitle = g_strdup_printf (_("Compound: %s"),
                                compound != NULL ? wy_record_get (compound, "name") : "");
    compound_label = gtk_label_new (subtitle);
    gtk_label_set_xalign (GTK_LABEL (compound_label), 0.0f);
    gtk_label_set_wrap (GTK_LABEL (compound_label), TRUE);
    gtk_widget_add_css_class (compound_label, "heading");
    gtk_box_append (GTK_BOX (inner), compound_label);

    state->form = wy_record_form_new (store, WY_TABLE_PROBLEM, new_fields);
    gtk_box_append (GTK_BOX (inner), GTK_WIDGET (state->form));

    g_date_clear (&today, 1);
    wy_date_set_today (&today);
    today_iso = wy_date_to_iso (&today);
    wy_record_form_set_value (state->form, "category", "other");
    wy_record_form_set_value (state->form, "status", WY_PROBLEM_PENDING);
    wy_record_form_set_value (state->form, "raised_date", today_iso);

    state->error_label = gtk_label_new (NULL);
    gtk_label_set_xalign (GTK_LABEL (state->error_label), 0.0f);
    gtk_label_set_wrap (GTK_LABEL (state->error_label), TRUE);
    gtk_widget_add_css_class (state->error_label, "error");
    gtk_widget_set_visible (state->error_label, FALSE);
    gtk_box_append (GTK_BOX (inner), state->error_label);

    scrolled = gtk_scrolled_window_new ();
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), inner);
    gtk_widget_set_vexpand (scrolled, TRUE);
    gtk_box_append (GTK_BOX (state->content), scrolled);

    gtk_window_set_focus (GTK_WINDOW (window),
                          wy_record_form_get_field_widget (state->form, "description"));
  }

  return GTK_WINDOW (window);
}

WyRecordForm *
wy_problem_dialog_get_form (GtkWindow *dialog)
{
  DialogState *state = get_state (dialog);

  g_return_val_if_fail (state != NULL, NULL);
  return state->form;
}

gint64
wy_problem_dialog_get_problem_id (GtkWindow *dialog)
{
  DialogState *state = get_state (dialog);

  g_return_val_if_fail (state != NULL, 0);
  return state->problem_id;
}

WyProblemEditor *
wy_problem_dialog_get_editor (GtkWindow *dialog)
{
  DialogState *state = get_state (dialog);

  g_return_val_if_fail (state != NULL, NULL);
  return state->editor;
}
