/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-application"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <wuyou/wuyou.h>

#include "wy-application.h"
#include "wy-gui.h"
#include "wy-open-failure-dialog.h"
#include "wy-preferences-window.h"
#include "wy-window.h"

struct _WyApplication
{
  GtkApplication  parent_instance;

  GtkCssProvider *css_provider;
};

G_DEFINE_FINAL_TYPE (WyApplication, wy_application, GTK_TYPE_APPLICATION)

typedef struct {
  WyApplication        *app;
  GtkWindow            *parent;   /* owned; may be NULL */
  GtkFileChooserNative *native;   /* owned */
  gboolean              create;
} ChooserData;

static const GOptionEntry main_entries[] = {
  { "create-demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a demonstration ledger to FILE and exit"), N_("FILE") },
  /* A string, not G_OPTION_ARG_INT: GApplication drops an integer option
   * whose value is 0, and "--demo-size 0" must be refused, not ignored. */
  { "demo-size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Number of compounds in the demonstration ledger (with --create-demo)"), N_("N") },
  /* Handled in main() by wy_command_line_export(), listed here so --help
   * shows it; "--export-ledger OUT --help" lists its own options. */
  { "export-ledger", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the Excel ledger (.xlsx) or the problem ledger as CSV (.csv) to OUT and exit"), N_("OUT") },
  /* Likewise wy_command_line_chart(): "--render-chart NAME --help". */
  { "render-chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Draw the chart NAME of a ledger to a PNG, SVG or PDF file and exit"), N_("NAME") },
  { "list-charts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the charts --render-chart can draw"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static void
chooser_data_free (ChooserData *data)
{
  g_clear_object (&data->native);
  g_clear_object (&data->parent);
  g_clear_object (&data->app);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChooserData, chooser_data_free)

/* Two names of the same file give the same key (symbolic links, "..",
 * relative paths), so one ledger never gets two windows. */
static char *
path_key (const char *path)
{
  char *resolved = realpath (path, NULL);

  if (resolved != NULL)
    {
      char *key = g_strdup (resolved);

      free (resolved);
      return key;
    }

  return g_canonicalize_filename (path, NULL);
}

static WyWindow *
find_window (WyApplication *self,
             const char    *path)
{
  g_autofree char *key = path_key (path);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (WY_IS_WINDOW (l->data))
        {
          WyStore *store = wy_window_get_store (l->data);
          g_autofree char *other = NULL;

          if (store == NULL)
            continue;

          other = path_key (wy_store_get_path (store));
          if (g_strcmp0 (key, other) == 0)
            return l->data;
        }
    }

  return NULL;
}

static GtkWindow *
show_window (WyApplication *self,
             WyStore       *store)
{
  g_autofree char *operator_name = wy_preferences_dup_operator_name ();
  WyWindow *window;

  /* The preference, or the account's real name. */
  wy_store_set_operator (store, operator_name);

  if (wy_store_get_backup_path (store) != NULL)
    g_message ("The ledger was upgraded; the old version was kept as %s",
               wy_store_get_backup_path (store));

  window = wy_window_new (GTK_APPLICATION (self), store);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

static void
on_failure_dialog_response_cb (WyOpenFailureDialog *dialog,
                               int                  response,
                               WyApplication       *self)
{
  switch ((WyOpenFailureResponse)response)
    {
    case WY_OPEN_FAILURE_RESPONSE_OPEN_OTHER:
      wy_application_choose_ledger (self, GTK_WINDOW (dialog));
      break;

    case WY_OPEN_FAILURE_RESPONSE_CREATE_NEW:
      wy_application_choose_new_ledger (self, GTK_WINDOW (dialog));
      break;

    case WY_OPEN_FAILURE_RESPONSE_CLOSE:
    default:
      /* The dialog closes itself. */
      break;
    }
}

static GtkWindow *
show_failure (WyApplication *self,
              const char    *path,
              const GError  *error,
              const char    *heading,
              GtkWindow     *parent)
{
  GtkWidget *dialog;

  g_debug ("%s: %s", path, error != NULL ? error->message : "");

  dialog = wy_open_failure_dialog_new (path, error);
  wy_open_failure_dialog_set_heading (WY_OPEN_FAILURE_DIALOG (dialog), heading);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_failure_dialog_response_cb),
                           self, 0);

  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

GtkWindow *
wy_application_open_ledger (WyApplication *self,
                            const char    *path,
                            GtkWindow     *parent)
{
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  WyWindow *existing;

  g_return_val_if_fail (WY_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if ((existing = find_window (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (existing));
      return GTK_WINDOW (existing);
    }

  /* The store checks the file before writing anything to it: a refused
   * file is left exactly as it was. */
  store = wy_store_open (path, &error);
  if (store == NULL)
    return show_failure (self, path, error, _("Could not open the ledger"), parent);

  return show_window (self, store);
}

GtkWindow *
wy_application_create_ledger (WyApplication *self,
                              const char    *path,
                              GtkWindow     *parent)
{
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WY_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* Refuses a file that holds data, so choosing an existing ledger in the
   * save dialog cannot wipe it. */
  store = wy_store_create (path, NULL, &error);
  if (store == NULL)
    return show_failure (self, path, error, _("Could not create the ledger"), parent);

  return show_window (self, store);
}

char *
wy_application_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "wuyou", "ledger" WY_LEDGER_EXTENSION, NULL);
}

static GtkWindow *
open_default_ledger (WyApplication *self)
{
  g_autofree char *path = wy_application_get_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autoptr(GError) error = NULL;
      g_autofree char *display_folder = g_filename_display_name (folder);

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a folder, the second why it failed */
                   _("Could not create the folder %s: %s"),
                   display_folder, g_strerror (saved_errno));
      return show_failure (self, path, error, _("Could not create the ledger"), NULL);
    }

  /* First run: a new ledger with the plan template. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return wy_application_create_ledger (self, path, NULL);

  return wy_application_open_ledger (self, path, NULL);
}

static GFile *
chooser_folder_for (GtkWindow *parent)
{
  const char *path = NULL;

  if (WY_IS_WINDOW (parent) && wy_window_get_store (WY_WINDOW (parent)) != NULL)
    path = wy_store_get_path (wy_window_get_store (WY_WINDOW (parent)));
  else if (WY_IS_OPEN_FAILURE_DIALOG (parent))
    path = wy_open_failure_dialog_get_path (WY_OPEN_FAILURE_DIALOG (parent));

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      return g_file_get_parent (file);
    }

  return NULL;
}

static char *
ensure_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, WY_LEDGER_EXTENSION))
    return g_strdup (path);

  return g_strconcat (path, WY_LEDGER_EXTENSION, NULL);
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        ChooserData     *data)
{
  g_autoptr(ChooserData) owned = data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkWindow *shown;
  GtkWindow *parent = data->parent;
  gboolean from_failure;

  g_application_release (G_APPLICATION (data->app));

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;

  /* Chosen from a failure dialog: what comes next replaces it. */
  from_failure = WY_IS_OPEN_FAILURE_DIALOG (parent);
  if (from_failure)
    parent = gtk_window_get_transient_for (parent);

  if (data->create)
    {
      g_autofree char *full = ensure_extension (path);

      shown = wy_application_create_ledger (data->app, full, parent);
    }
  else
    {
      shown = wy_application_open_ledger (data->app, path, parent);
    }

  if (from_failure && shown != data->parent)
    gtk_window_destroy (data->parent);
}

static void
run_chooser (WyApplication *self,
             GtkWindow     *parent,
             gboolean       create)
{
  ChooserData *data;
  g_autoptr(GtkFileFilter) ledgers = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GFile) folder = chooser_folder_for (parent);

  data = g_new0 (ChooserData, 1);
  data->app = g_object_ref (self);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->create = create;

  if (create)
    data->native = gtk_file_chooser_native_new (_("New Ledger"), parent,
                                                GTK_FILE_CHOOSER_ACTION_SAVE,
                                                _("_Create"), _("_Cancel"));
  else
    data->native = gtk_file_chooser_native_new (_("Open Ledger"), parent,
                                                GTK_FILE_CHOOSER_ACTION_OPEN,
                                                _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->native), TRUE);

  gtk_file_filter_set_name (ledgers, _("Wuyou Ledgers"));
  gtk_file_filter_add_pattern (ledgers, "*" WY_LEDGER_EXTENSION);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->native), ledgers);
  if (!create)
    {
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->native), all);
    }
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (data->native), ledgers);

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (data->native), folder, NULL);

  if (create)
    {
      /* Translators: the proposed file name of a new ledger, without the extension */
      g_autofree char *name = g_strconcat (_("New Ledger"), WY_LEDGER_EXTENSION, NULL);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (data->native), name);
    }

  g_signal_connect (data->native, "response", G_CALLBACK (on_chooser_response_cb), data);

  /* Keep running even if the last window goes while the chooser is up. */
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->native));
}

void
wy_application_choose_ledger (WyApplication *self,
                              GtkWindow     *parent)
{
  g_return_if_fail (WY_IS_APPLICATION (self));

  run_chooser (self, parent, FALSE);
}

void
wy_application_choose_new_ledger (WyApplication *self,
                                  GtkWindow     *parent)
{
  g_return_if_fail (WY_IS_APPLICATION (self));

  run_chooser (self, parent, TRUE);
}

static void
wy_application_about (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  WyApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Wuyou developers", NULL };

  gtk_show_about_dialog (parent,
                         "program-name", _("Wuyou"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("The work ledger of self-managed and three-none compounds: "
                                       "the five haves, problem lists and their deadlines."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
wy_application_quit (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  WyApplication *self = user_data;
  GList *windows;

  /* Closing each window lets it save its size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = wy_application_about },
  { .name = "quit", .activate = wy_application_quit },
};

static int
create_demo (const char *path,
             guint       size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *full = g_canonicalize_filename (path, NULL);
  g_autofree char *display = g_filename_display_name (full);
  g_autofree char *message = NULL;
  GDate today;

  /* The only place that asks the clock: the demo is dated around today. */
  g_date_clear (&today, 1);
  wy_clock_get_today (&today);

  if (!wy_demo_write (full, size, &today, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Translators: %s is the file that was written */
  message = g_strdup_printf (_("Wrote a demonstration ledger to %s"), display);
  g_print ("%s\n", message);

  return 0;
}

static int
wy_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  g_autofree char *demo_path = NULL;
  g_autofree char *size_text = NULL;
  gboolean has_size;
  gint64 demo_size = 0;

  /* Runs before GTK is initialised: nothing here may need a display. */

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("wuyou %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "create-demo", "^ay", &demo_path);
  has_size = g_variant_dict_lookup (options, "demo-size", "s", &size_text);

  if (has_size && demo_path == NULL)
    {
      g_printerr ("%s\n", _("--demo-size can only be used with --create-demo"));
      return 2;
    }

  if (has_size &&
      (!g_ascii_string_to_signed (size_text, 10, G_MININT64, G_MAXINT64, &demo_size, NULL) ||
       demo_size <= 0 || demo_size > WY_DEMO_MAX_SIZE))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The demonstration ledger must have between 1 and %d compounds"),
                                 WY_DEMO_MAX_SIZE);
      g_printerr ("%s\n", message);
      return 2;
    }

  if (demo_path != NULL)
    {
      if (*demo_path == '\0')
        {
          g_printerr ("%s\n", _("--create-demo needs the name of the file to write"));
          return 2;
        }

      return create_demo (demo_path, has_size ? (guint)demo_size : 0);
    }

  return G_APPLICATION_CLASS (wy_application_parent_class)->handle_local_options (application, options);
}

static void
wy_application_startup (GApplication *application)
{
  WyApplication *self = WY_APPLICATION (application);
  static const char *open_accels[] = { "<Primary>o", NULL };
  static const char *copy_accels[] = { "<Primary><Shift>s", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };
  static const char *search_accels[] = { "<Primary>f", NULL };
  static const char *new_compound_accels[] = { "<Primary>n", NULL };
  static const char *new_problem_accels[] = { "<Primary><Shift>n", NULL };
  static const char *close_accels[] = { "<Primary>w", NULL };
  static const char *export_accels[] = { "<Primary>e", NULL };
  static const char *quit_accels[] = { "<Primary>q", NULL };

  G_APPLICATION_CLASS (wy_application_parent_class)->startup (application);

  g_set_application_name (_("Wuyou"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-ledger", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.save-copy", copy_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-compound", new_compound_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-problem", new_problem_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  self->css_provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->css_provider, WY_GUI_RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->css_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
wy_application_activate (GApplication *application)
{
  WyApplication *self = WY_APPLICATION (application);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Started again without files: bring up what is already open. */
  if (windows != NULL)
    {
      gtk_window_present (windows->data);
      return;
    }

  open_default_ledger (self);
}

static void
wy_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  WyApplication *self = WY_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *uri = g_file_get_uri (files[i]);

          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only ledgers stored on this computer can be opened."));
          show_failure (self, uri, error, _("Could not open the ledger"), NULL);
          continue;
        }

      wy_application_open_ledger (self, path, NULL);
    }
}

static void
wy_application_shutdown (GApplication *application)
{
  WyApplication *self = WY_APPLICATION (application);

  if (self->css_provider != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->css_provider));
  g_clear_object (&self->css_provider);

  G_APPLICATION_CLASS (wy_application_parent_class)->shutdown (application);
}

static void
wy_application_class_init (WyApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->handle_local_options = wy_application_handle_local_options;
  application_class->startup = wy_application_startup;
  application_class->activate = wy_application_activate;
  application_class->open = wy_application_open;
  application_class->shutdown = wy_application_shutdown;

  /* Before startup: GtkApplication looks for gtk/help-overlay.ui there. */
  wy_gui_ensure_resources ();
}

static void
wy_application_init (WyApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open Wuyou ledgers, or write a demonstration ledger."));
}

WyApplication *
wy_application_new (void)
{
  return g_object_new (WY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", WY_GUI_RESOURCE_PATH,
                       NULL);
}
