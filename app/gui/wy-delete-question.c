/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-delete-question"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-delete-question.h"
#include "wy-gui.h"
#include "wy-window.h"

/* One question at a time: it is modal. */
static GtkWindow *open_question;

static void
forget_question (gpointer  data,
                 GObject  *where_the_object_was)
{
  if ((GObject *) open_question == where_the_object_was)
    open_question = NULL;
}

static void
remember_question (GtkWindow *question)
{
  open_question = question;
  g_object_weak_ref (G_OBJECT (question), forget_question, NULL);
}

/* The main window of a ledger, from a page in it or a dialog over it. */
static WyWindow *
find_main_window (GtkWidget *from)
{
  GtkRoot *root = gtk_widget_get_root (from);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  while (window != NULL && !WY_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  return window != NULL ? WY_WINDOW (window) : NULL;
}

/* A long description would make the question as wide as the screen. */
static char *
shorten (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);
  return g_strconcat (g_utf8_substring (text, 0, 39), "…", NULL);
}

static void
on_response_cb (GtkDialog *dialog,
                int        response,
                GtkWidget *from)
{
  WyTable table = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "wy-table"));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "wy-id");
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  WyWindow *window = find_main_window (from);

  /* Unlinked first: the parent may be closed below while the dialog,
   * still held by the click that answered it, is not yet finalized. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response != GTK_RESPONSE_ACCEPT || window == NULL)
    return;

  if (!wy_window_delete_with_undo (window, table, id, &error))
    {
      wy_gui_show_error (parent, _("Could not delete it"), error);
      return;
    }

  /* A dialog that showed only what was deleted (an item's own window)
   * has nothing left to show. */
  if (parent != NULL && parent != GTK_WINDOW (window) && table == WY_TABLE_PROBLEM)
    gtk_window_close (parent);
}

void
wy_delete_question_ask (GtkWidget *from,
                        WyStore   *store,
                        WyTable    table,
                        gint64     id)
{
  g_autoptr(WyRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *question = NULL;
  g_autofree char *detail = NULL;
  GtkRoot *root;
  GtkWidget *dialog, *button;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (WY_IS_STORE (store));
  g_return_if_fail (table == WY_TABLE_PROBLEM || table == WY_TABLE_STREET ||
                    table == WY_TABLE_COMMUNITY);

  if (open_question != NULL || id <= 0)
    return;

  root = gtk_widget_get_root (from);
  record = wy_store_get (store, table, id, NULL);
  if (record == NULL)
    return;

  if (table != WY_TABLE_PROBLEM && !wy_locations_check_delete (store, table, id, &error))
    {
      dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE,
                                       /* Translators: %s is a street office or community */
                                       _("“%s” cannot be deleted"), wy_record_get (record, "name"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      remember_question (GTK_WINDOW (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (table == WY_TABLE_PROBLEM)
    {
      g_autoptr(GPtrArray) updates = wy_store_list (store, WY_TABLE_PROBLEM_UPDATE, id, NULL);
      guint n = updates != NULL ? updates->len : 0;

      name = shorten (wy_record_get (record, "description"));
      /* Translators: %s is the description of a rectification item */
      question = g_strdup_printf (_("Delete the rectification item “%s”?"), name);
      if (n > 0)
        detail = g_strdup_printf (ngettext ("Its %u progress update is deleted with it. Undo (Ctrl+Z) brings it all back.",
                                            "Its %u progress updates are deleted with it. Undo (Ctrl+Z) brings it all back.",
                                            n), n);
      else
        detail = g_strdup (_("Undo (Ctrl+Z) brings it back."));
    }
  else
    {
      name = shorten (wy_record_get (record, "name"));
      question = g_strdup_printf (table == WY_TABLE_STREET
                                  /* Translators: %s is the name of a street office */
                                  ? _("Delete the street office “%s”?")
                                  /* Translators: %s is the name of a community */
                                  : _("Delete the community “%s”?"), name);
      detail = g_strdup (_("It has no compounds. Undo (Ctrl+Z) brings it back."));
    }

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   "%s", question);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);

  g_object_set_data (G_OBJECT (dialog), "wy-table", GINT_TO_POINTER (table));
  g_object_set_data_full (G_OBJECT (dialog), "wy-id", g_memdup2 (&id, sizeof id), g_free);
  /* from may go with what it showed; the dialog keeps it until it answers. */
  g_object_set_data_full (G_OBJECT (dialog), "wy-from", g_object_ref (from), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), from);
  remember_question (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWindow *
wy_delete_question_get_open (void)
{
  return open_question;
}
