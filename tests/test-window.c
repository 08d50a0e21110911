/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gtk/gtk.h>

#include "wy-application.h"
#include "wy-assistance-page.h"
#include "wy-compound-item.h"
#include "wy-due-page.h"
#include "wy-problems-page.h"
#include "wy-tasks-page.h"
#include "wy-open-failure-dialog.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"
#include "wy-window.h"

#define DEMO_SIZE 40

/* Runs the main loop until cond holds, for at most five seconds. */

static void
spin_a_little (void)
{
  for (int i = 0; i < 20; i++)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static char *
make_demo_ledger (const char *name,
                  guint       size)
{
  g_autoptr(GError) error = NULL;
  char *path = wy_test_tmp_path (name);
  GDate today;

  wy_test_date (&today, "2023-03-15");
  g_assert_true (wy_demo_write (path, size, &today, &error));
  g_assert_no_error (error);

  return path;
}

static void
test_window_lists_compounds (void)
{
  g_autofree char *path = make_demo_ledger ("Street Office.wuyou", DEMO_SIZE);
  g_autofree char *expected_count = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WyCompoundItem) first = NULL;
  WyWindow *window;
  GListModel *model;
  gint64 n_compounds;
  int width = 0, height = 0;

  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  n_compounds = wy_store_count (store, WY_TABLE_COMPOUND);
  g_assert_cmpint (n_compounds, >, 0);

  window = wy_window_new (NULL, store);

  /* The default size (no remembered size: GSETTINGS_BACKEND=memory and no
   * installed schema), checked before mapping shrinks it to a small screen. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1400);
  g_assert_cmpint (height, ==, 880);

  gtk_window_present (GTK_WINDOW (window));
  wy_test_spin_until (wy_test_is_mapped, window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* The title is the file name without the extension. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Street Office");
  g_assert_cmpstr (wy_window_get_ledger_title (window), ==, "Street Office");

  /* One row per compound, and the count line says so. */
  model = wy_window_get_compound_model (window);
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, (guint)n_compounds);
  expected_count = g_strdup_printf ("%" G_GINT64_FORMAT " compounds", n_compounds);
  g_assert_cmpstr (wy_window_get_count_text (window), ==, expected_count);
  g_assert_false (wy_window_is_showing_empty (window));

  first = g_list_model_get_item (model, 0);
  g_assert_true (WY_IS_COMPOUND_ITEM (first));
  g_assert_cmpstr (wy_compound_item_get_name (first), !=, "");
  g_assert_nonnull (wy_compound_item_get_category_label (first));

  /* The list has the keyboard focus, so arrows move at once. */
  spin_a_little ();
  g_assert_nonnull (gtk_window_get_focus (GTK_WINDOW (window)));

  /* Reloading replaces the rows rather than adding to them. */
  wy_window_reload (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, (guint)n_compounds);

  gtk_window_destroy (GTK_WINDOW (window));
  spin_a_little ();
}

static void
test_window_empty_ledger (void)
{
  g_autofree char *path = wy_test_tmp_path ("empty.wuyou");
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  WyWindow *window;

  store = wy_store_create_empty (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, 0);

  window = wy_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  wy_test_spin_until (wy_test_is_mapped, window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (wy_window_get_compound_model (window)), ==, 0);
  g_assert_cmpstr (wy_window_get_count_text (window), ==, "0 compounds");
  g_assert_true (wy_window_is_showing_empty (window));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_a_little ();
}

static void
on_response_cb (WyOpenFailureDialog *dialog,
                int                  response,
                int                 *out)
{
  *out = response;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every GtkEntry under widget, in the order a Tab would reach them. */
static void
collect_entries (GtkWidget *widget,
                 GPtrArray *entries)
{
  if (GTK_IS_ENTRY (widget))
    g_ptr_array_add (entries, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, entries);
}

static GtkWindow *
find_dialog_of (WyWindow *window)
{
  GtkWindow *found = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *it = toplevels; it != NULL; it = it->next)
    if (it->data != (gpointer) window && gtk_window_get_transient_for (it->data) == GTK_WINDOW (window))
      found = it->data;
  g_list_free (toplevels);
  return found;
}

/* A new ledger has no community yet: the first compound brings its
 * district, street office and community with it. */
static void
test_window_first_compound (void)
{
  g_autofree char *path = wy_test_tmp_path ("first.wuyou");
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) communities = NULL;
  const char *texts[] = { "纺织厂宿舍", "示范区", "青松街道", "东门社区" };
  GtkWidget *add;
  GtkWindow *dialog;
  WyWindow *window;

  store = wy_store_create (path, NULL, &error);
  g_assert_no_error (error);
  window = wy_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  wy_test_spin_until (wy_test_is_mapped, window);

  g_action_group_activate_action (G_ACTION_GROUP (window), "new-compound", NULL);
  spin_a_little ();
  dialog = find_dialog_of (window);
  g_assert_nonnull (dialog);

  collect_entries (GTK_WIDGET (dialog), entries);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (texts));
  add = find_button (gtk_window_get_titlebar (dialog), "_Add");
  g_assert_nonnull (add);

  /* Without the community's names nothing is written. */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), texts[0]);
  g_signal_emit_by_name (add, "clicked");
  spin_a_little ();
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, 0);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_DISTRICT), ==, 0);
  g_assert_true (find_dialog_of (window) == dialog);
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (entries, 0), "error"));

  for (guint i = 1; i < G_N_ELEMENTS (texts); i++)
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, i)), texts[i]);
  g_signal_emit_by_name (add, "clicked");
  spin_a_little ();

  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, 1);
  communities = wy_store_list (store, WY_TABLE_COMMUNITY, 0, &error);
  g_assert_cmpuint (communities->len, ==, 1);
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (communities, 0), "name"), ==, "东门社区");
  g_assert_cmpuint (g_list_model_get_n_items (wy_window_get_compound_model (window)), ==, 1);
  g_assert_null (find_dialog_of (window));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_a_little ();
}

static void
test_window_open_failure (void)
{
  static const char junk[] = "This is a note, not a ledger.\n"
                             "Opening it must leave it exactly as it is.\n";
  g_autofree char *bad_path = wy_test_tmp_path ("not-a-ledger.wuyou");
  g_autofree char *good_path = make_demo_ledger ("good.wuyou", 5);
  g_autofree char *good_other_name = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autoptr(WyStore) refused = NULL;
  g_autoptr(WyApplication) app = NULL;
  WyOpenFailureDialog *dialog;
  GtkWindow *shown;
  GtkWindow *again;
  int response = -1;

  g_assert_true (g_file_set_contents (bad_path, junk, -1, &error));
  g_assert_no_error (error);
  before = wy_test_read_file (bad_path);

  /* What the store says about the file is what the dialog must show. */
  refused = wy_store_open (bad_path, &store_error);
  g_assert_null (refused);
  g_assert_nonnull (store_error);

  app = wy_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  shown = wy_application_open_ledger (app, bad_path, NULL);
  g_assert_true (WY_IS_OPEN_FAILURE_DIALOG (shown));
  dialog = WY_OPEN_FAILURE_DIALOG (shown);
  wy_test_spin_until (wy_test_is_mapped, dialog);

  g_assert_cmpstr (gtk_window_get_title (shown), ==, "Could not open the ledger");
  g_assert_cmpstr (wy_open_failure_dialog_get_heading (dialog), ==, "Could not open the ledger");
  g_assert_cmpstr (wy_open_failure_dialog_get_file (dialog), ==, "not-a-ledger.wuyou");
  g_assert_cmpstr (wy_open_failure_dialog_get_message (dialog), ==, store_error->message);
  g_assert_cmpstr (wy_open_failure_dialog_get_path (dialog), ==, bad_path);

  /* Closing the dialog answers "close" and leaves the file alone. */
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), &response);
  gtk_window_close (shown);
  spin_a_little ();
  g_assert_cmpint (response, ==, WY_OPEN_FAILURE_RESPONSE_CLOSE);

  after = wy_test_read_file (bad_path);
  g_assert_true (g_bytes_equal (before, after));

  /* A good ledger opens in a window; the same file under another name
   * brings that window back instead of a second one. */
  shown = wy_application_open_ledger (app, good_path, NULL);
  g_assert_true (WY_IS_WINDOW (shown));
  g_assert_cmpstr (gtk_window_get_title (shown), ==, "good");
  wy_test_spin_until (wy_test_is_mapped, shown);

  {
    g_autofree char *dir = g_path_get_dirname (good_path);

    good_other_name = g_build_filename (dir, ".", "good.wuyou", NULL);
  }
  again = wy_application_open_ledger (app, good_other_name, NULL);
  g_assert_true (again == shown);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  gtk_window_destroy (shown);
  spin_a_little ();
}

/* Every page, the last ones added included, opens again where the user
 * left it: adding the first page must not overwrite what was remembered. */
static void
test_window_remembers_page (void)
{
  g_autofree char *path = make_demo_ledger ("remember.wuyou", DEMO_SIZE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.wuyou.Wuyou");
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char * const pages[] = { "problems", "tasks", "meetings", "compounds" };

  store = wy_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      WyWindow *window;

      g_settings_set_string (settings, "page", pages[i]);
      window = wy_window_new (NULL, store);
      g_assert_cmpstr (wy_window_get_page (window), ==, pages[i]);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  /* Showing a page remembers it. */
  {
    WyWindow *window = wy_window_new (NULL, store);
    g_autofree char *remembered = NULL;

    wy_window_show_page (window, "assistance");
    g_assert_cmpstr (wy_window_get_page (window), ==, "assistance");
    remembered = g_settings_get_string (settings, "page");
    g_assert_cmpstr (remembered, ==, "assistance");
    gtk_window_destroy (GTK_WINDOW (window));
  }
  spin_a_little ();
}

/* Opening a ledger in which items passed their deadline since it was
 * last opened says how many, and leads to the Due page. */
static void
test_window_newly_overdue_notice (void)
{
  g_autofree char *path = make_demo_ledger ("overdue.wuyou", DEMO_SIZE);
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  WyWindow *window;
  const char *text;

  store = wy_store_open (path, &error);
  g_assert_no_error (error);

  /* The first opening only takes note. */
  window = wy_window_new (NULL, store);
  g_assert_null (wy_window_get_due_notice_text (window));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Last opened on the demo's own date: its items fell due since. */
  g_assert_true (wy_store_set_setting (store, WY_SETTING_LAST_SEEN_DATE, "2023-03-15", &error));
  g_assert_no_error (error);
  window = wy_window_new (NULL, store);
  text = wy_window_get_due_notice_text (window);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "overdue since"));
  g_assert_cmpint (atoi (text), >, 0);

  wy_window_activate_due_notice (window);
  g_assert_cmpstr (wy_window_get_page (window), ==, "due");
  g_assert_null (wy_window_get_due_notice_text (window));

  /* Opening an item of the Due list shows it on its own page. */
  {
    WyDuePage *due = WY_DUE_PAGE (wy_window_get_page_widget (window, "due"));
    GListModel *rows;
    gboolean seen[WY_DUE_N_KINDS] = { FALSE, };

    wy_due_page_reload (due);
    rows = wy_due_page_get_rows (due);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(GObject) row = g_list_model_get_item (rows, i);
        const WyDueItem *item = wy_due_page_row_get_item (row);
        const char *expected[] = { "problems", "tasks", "phases", "assistance" };

        if (item == NULL || seen[item->kind])
          continue;
        seen[item->kind] = TRUE;
        g_signal_emit_by_name (due, "open-item", (int) item->kind, item->id);
        g_assert_cmpstr (wy_window_get_page (window), ==, expected[item->kind]);
        if (item->kind == WY_DUE_KIND_PROBLEM)
          g_assert_cmpint (wy_problem_editor_get_problem_id (wy_problems_page_get_editor (
                             WY_PROBLEMS_PAGE (wy_window_get_page_widget (window, "problems")))),
                           ==, item->id);
        if (item->kind == WY_DUE_KIND_TASK)
          g_assert_cmpint (wy_tasks_page_get_selected_task (
                             WY_TASKS_PAGE (wy_window_get_page_widget (window, "tasks"))),
                           ==, item->id);
        if (item->kind == WY_DUE_KIND_TERM)
          g_assert_cmpint (wy_assistance_page_get_selected_unit (
                             WY_ASSISTANCE_PAGE (wy_window_get_page_widget (window, "assistance"))),
                           ==, item->id);
      }
    g_assert_true (seen[WY_DUE_KIND_PROBLEM]);
    g_assert_true (seen[WY_DUE_KIND_TASK]);
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* Opened again the same day: nothing new. */
  window = wy_window_new (NULL, store);
  g_assert_null (wy_window_get_due_notice_text (window));
  gtk_window_destroy (GTK_WINDOW (window));
  spin_a_little ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *schema_dir = NULL;

  /* Runs under Xvfb and a private session bus (build-aux/dev test). */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  /* The schema compiled in the build tree, so the window remembers. */
  schema_dir = g_test_build_filename (G_TEST_BUILT, "..", "resources", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  gtk_init ();

  g_test_add_func ("/window/lists-compounds", test_window_lists_compounds);
  g_test_add_func ("/window/empty-ledger", test_window_empty_ledger);
  g_test_add_func ("/window/open-failure", test_window_open_failure);
  g_test_add_func ("/window/first-compound", test_window_first_compound);
  g_test_add_func ("/window/remembers-page", test_window_remembers_page);
  g_test_add_func ("/window/newly-overdue-notice", test_window_newly_overdue_notice);

  return g_test_run ();
}
