/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "wy-compound-item.h"
#include "wy-compounds-page.h"
#include "wy-export-dialog.h"
#include "wy-test-util.h"
#include "wy-window.h"

#define DEMO_SIZE 40

typedef struct {
  char     *path;
  WyStore  *store;
  WyWindow *window;
  WyCompoundsPage *page;
} Fixture;

static void
spin_a_little (void)
{
  for (int i = 0; i < 30; i++)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
spin_until_done (WyExportDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 8 * G_USEC_PER_SEC;

  while (wy_export_dialog_is_running (dialog) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (wy_export_dialog_is_running (dialog));
  spin_a_little ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  fixture->path = wy_test_tmp_path ("export.wuyou");
  wy_test_date (&today, "2023-03-15");
  g_assert_true (wy_demo_write (fixture->path, DEMO_SIZE, &today, &error));
  g_assert_no_error (error);

  fixture->store = wy_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->window = wy_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin_a_little ();
  fixture->page = wy_window_get_compounds_page (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin_a_little ();
  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_free (fixture->path);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static WyExportDialog *
open_dialog (Fixture *fixture)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "export", NULL);
  spin_a_little ();
  dialog = find_toplevel (WY_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (dialog));

  return g_object_ref (WY_EXPORT_DIALOG (dialog));
}

/* Records of a CSV with quoted fields, after its header. */
static guint
count_csv_records (const char *path)
{
  g_autoptr(GBytes) bytes = wy_test_read_file (path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gboolean quoted = FALSE;
  guint lines = 0;

  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == '\n')
        lines++;
    }

  g_assert_cmpuint (lines, >=, 1);
  return lines - 1;
}

static void
test_list_scope_csv (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *csv = wy_test_tmp_path ("three-none.csv");
  g_autoptr(WyExportDialog) dialog = NULL;
  GListModel *model = wy_compounds_page_get_model (fixture->page);
  guint n_shown, expected = 0, n_all = 0;

  /* Filter the list: three-none compounds only. */
  gtk_drop_down_set_selected (wy_compounds_page_get_filter_widget (fixture->page, WY_COMPOUNDS_FILTER_CATEGORY), 2);
  n_shown = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_shown, >, 0);
  g_assert_cmpuint (n_shown, <, DEMO_SIZE);

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(WyCompoundItem) item = g_list_model_get_item (model, i);
      g_autoptr(GPtrArray) problems = wy_store_list_problem_rows (fixture->store, wy_compound_item_get_id (item), NULL);

      expected += problems->len;
    }
  {
    g_autoptr(GPtrArray) problems = wy_store_list_problem_rows (fixture->store, 0, NULL);

    n_all = problems->len;
  }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, n_all);

  dialog = open_dialog (fixture);
  wy_export_dialog_set_scope (dialog, WY_EXPORT_DIALOG_SCOPE_LIST);
  wy_export_dialog_set_csv (dialog, TRUE);
  gtk_editable_set_text (wy_export_dialog_get_as_of_entry (dialog), "2023-03-15");

  g_assert_true (wy_export_dialog_export_to (dialog, csv));
  spin_until_done (dialog);

  g_assert_null (wy_export_dialog_get_last_error (dialog));
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_csv_records (csv), ==, expected);

  /* The dialog went; the window says so and offers to open the file. */
  g_assert_null (find_toplevel (WY_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (wy_window_get_file_notice (fixture->window));
  g_assert_nonnull (strstr (wy_window_get_file_notice (fixture->window), "three-none.csv"));
  g_unlink (csv);
}

static void
test_everything_xlsx (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *xlsx = wy_test_tmp_path ("all.xlsx");
  g_autoptr(WyExportDialog) dialog = open_dialog (fixture);

  g_assert_true (wy_export_dialog_export_to (dialog, xlsx));
  g_assert_true (wy_export_dialog_is_running (dialog));
  spin_until_done (dialog);

  g_assert_null (wy_export_dialog_get_last_error (dialog));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_unlink (xlsx);
}

static void
test_failures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *dir = wy_test_tmp_path ("no-such-folder");
  g_autofree char *path = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autoptr(WyExportDialog) dialog = open_dialog (fixture);
  GtkWindow *message;

  /* A date that does not exist: nothing starts, the reason is shown. */
  gtk_editable_set_text (wy_export_dialog_get_as_of_entry (dialog), "2023-02-30");
  g_assert_false (wy_export_dialog_export_to (dialog, path));
  g_assert_false (wy_export_dialog_is_running (dialog));
  g_assert_nonnull (wy_export_dialog_get_last_error (dialog));
  gtk_editable_set_text (wy_export_dialog_get_as_of_entry (dialog), "2023-03-15");

  /* A folder that does not exist: the worker fails, says why, and
   * leaves nothing behind; the dialog stays for another try. */
  g_assert_true (wy_export_dialog_export_to (dialog, path));
  spin_until_done (dialog);
  g_assert_error (wy_export_dialog_get_last_error (dialog), WY_EXPORT_ERROR, WY_EXPORT_ERROR_NO_FOLDER);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_null (wy_window_get_file_notice (fixture->window));

  message = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (message) == GTK_WINDOW (dialog));
  gtk_window_destroy (message);
  g_assert_nonnull (find_toplevel (WY_TYPE_EXPORT_DIALOG));

  gtk_window_close (GTK_WINDOW (dialog));
  spin_a_little ();
  g_assert_null (find_toplevel (WY_TYPE_EXPORT_DIALOG));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/export-dialog/list-scope-csv", test_list_scope_csv);
  ADD ("/export-dialog/everything-xlsx", test_everything_xlsx);
  ADD ("/export-dialog/failures", test_failures);

  return g_test_run ();
}
