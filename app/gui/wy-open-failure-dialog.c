/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-open-failure-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-gui.h"
#include "wy-open-failure-dialog.h"

struct _WyOpenFailureDialog
{
  GtkWindow  parent_instance;

  /* Template widgets */
  GtkLabel  *heading_label;
  GtkLabel  *file_label;
  GtkLabel  *folder_label;
  GtkLabel  *message_label;
  GtkButton *open_button;

  char      *path;
  gboolean   responded;
};

G_DEFINE_FINAL_TYPE (WyOpenFailureDialog, wy_open_failure_dialog, GTK_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_response (WyOpenFailureDialog   *self,
               WyOpenFailureResponse  response)
{
  g_signal_emit (self, signals[RESPONSE], 0, (int)response);
}

static void
on_open_button_clicked_cb (WyOpenFailureDialog *self,
                           GtkButton           *button)
{
  emit_response (self, WY_OPEN_FAILURE_RESPONSE_OPEN_OTHER);
}

static void
on_create_button_clicked_cb (WyOpenFailureDialog *self,
                             GtkButton           *button)
{
  emit_response (self, WY_OPEN_FAILURE_RESPONSE_CREATE_NEW);
}

static void
on_close_button_clicked_cb (WyOpenFailureDialog *self,
                            GtkButton           *button)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
wy_open_failure_dialog_close_request (GtkWindow *window)
{
  WyOpenFailureDialog *self = WY_OPEN_FAILURE_DIALOG (window);

  /* Closing by the title bar or Escape is the same as "Close"; tell the
   * owner once, then let the window go. */
  if (!self->responded)
    {
      self->responded = TRUE;
      emit_response (self, WY_OPEN_FAILURE_RESPONSE_CLOSE);
    }

  return GTK_WINDOW_CLASS (wy_open_failure_dialog_parent_class)->close_request (window);
}

static void
wy_open_failure_dialog_finalize (GObject *object)
{
  WyOpenFailureDialog *self = (WyOpenFailureDialog *)object;

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (wy_open_failure_dialog_parent_class)->finalize (object);
}

static void
wy_open_failure_dialog_class_init (WyOpenFailureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = wy_open_failure_dialog_finalize;
  window_class->close_request = wy_open_failure_dialog_close_request;

  /**
   * WyOpenFailureDialog::response:
   * @response: a #WyOpenFailureResponse
   */
  signals[RESPONSE] =
    g_signal_new ("response",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               WY_GUI_RESOURCE_PATH "/ui/wy-open-failure-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WyOpenFailureDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, WyOpenFailureDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, WyOpenFailureDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, WyOpenFailureDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, WyOpenFailureDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_open_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wy_open_failure_dialog_init (WyOpenFailureDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wy_open_failure_dialog_new (const char   *path,
                            const GError *error)
{
  WyOpenFailureDialog *self;
  g_autofree char *basename = NULL;
  g_autofree char *dirname = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *display_folder = NULL;
  g_autofree char *folder_text = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (WY_TYPE_OPEN_FAILURE_DIALOG, NULL);
  self->path = g_strdup (path);

  basename = g_path_get_basename (path);
  dirname = g_path_get_dirname (path);
  display_name = g_filename_display_name (basename);
  display_folder = g_filename_display_name (dirname);
  /* Translators: %s is the folder that holds the ledger file */
  folder_text = g_strdup_printf (_("in %s"), display_folder);

  gtk_label_set_text (self->file_label, display_name);
  gtk_label_set_text (self->folder_label, folder_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), path);
  gtk_label_set_text (self->message_label,
                      error != NULL && error->message != NULL
                        ? error->message
                        : _("The file could not be read."));

  return GTK_WIDGET (self);
}

void
wy_open_failure_dialog_set_heading (WyOpenFailureDialog *self,
                                    const char          *heading)
{
  g_return_if_fail (WY_IS_OPEN_FAILURE_DIALOG (self));
  g_return_if_fail (heading != NULL);

  gtk_label_set_text (self->heading_label, heading);
  gtk_window_set_title (GTK_WINDOW (self), heading);
}

const char *
wy_open_failure_dialog_get_path (WyOpenFailureDialog *self)
{
  g_return_val_if_fail (WY_IS_OPEN_FAILURE_DIALOG (self), NULL);

  return self->path;
}

const char *
wy_open_failure_dialog_get_heading (WyOpenFailureDialog *self)
{
  g_return_val_if_fail (WY_IS_OPEN_FAILURE_DIALOG (self), NULL);

  return gtk_label_get_text (self->heading_label);
}

const char *
wy_open_failure_dialog_get_message (WyOpenFailureDialog *self)
{
  g_return_val_if_fail (WY_IS_OPEN_FAILURE_DIALOG (self), NULL);

  return gtk_label_get_text (self->message_label);
}

const char *
wy_open_failure_dialog_get_file (WyOpenFailureDialog *self)
{
  g_return_val_if_fail (WY_IS_OPEN_FAILURE_DIALOG (self), NULL);

  return gtk_label_get_text (self->file_label);
}
