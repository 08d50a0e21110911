/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "wy-compound-detail.h"
#include "wy-compound-item.h"
#include "wy-compounds-page.h"
#include "wy-record-form.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"
#include "wy-window.h"

/* A window open on a ledger while other programs read it (issue 11).
 *
 * The window runs in a child process (this binary with --window-child),
 * because the test ends by killing it with SIGKILL, as a crash or a
 * power cut would. The test process tells it what to type over a pipe,
 * runs `wuyou --export-ledger` between the edits, and reads the file with
 * the sqlite3 shell. Every edit must be in the file and in the exported
 * workbook, also after the kill: nothing may stay behind in a
 * write-ahead log another program deleted. */

#define DEMO_SIZE 12

/* ------------------------------------------------------------------ */
/* The window's side                                                    */

typedef struct {
  WyStore *store;
  gint64   id;
  const char *field;
  gint64   want;
} Written;

static gboolean
field_written (gpointer data)
{
  Written *w = data;
  g_autoptr(WyRecord) record = wy_store_get (w->store, WY_TABLE_COMPOUND, w->id, NULL);

  return record != NULL && wy_record_get_int (record, w->field, -1) == w->want;
}

static int
run_window_child (const char *ledger)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autoptr(WyCompoundItem) item = NULL;
  WyWindow *window;
  WyCompoundsPage *page;
  WyCompoundDetail *detail;
  char line[256];
  gint64 id;

  gtk_init ();
  store = wy_store_open (ledger, &error);
  g_assert_no_error (error);
  wy_store_set_operator (store, "测试员");

  window = wy_window_new (NULL, store);
  wy_window_show_page (window, "compounds");
  gtk_window_present (GTK_WINDOW (window));
  wy_test_spin_until (wy_test_is_mapped, window);
  page = wy_window_get_compounds_page (window);

  /* The list loads in a thread: wait for its rows. */
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       g_list_model_get_n_items (wy_compounds_page_get_model (page)) == 0 &&
       g_get_monotonic_time () < end;)
    wy_test_spin_for (20);
  item = g_list_model_get_item (wy_compounds_page_get_model (page), 0);
  g_assert_nonnull (item);
  id = wy_compound_item_get_id (item);
  g_assert_true (wy_compounds_page_select_compound (page, id));
  wy_test_spin_for (100);
  detail = wy_compounds_page_get_detail (page);

  printf ("ready %" G_GINT64_FORMAT "\n", id);
  fflush (stdout);

  /* "FIELD VALUE": type the value into the detail's field and press
   * Return, as a user does; answer "done" once the store has it. */
  while (fgets (line, sizeof line, stdin) != NULL)
    {
      g_auto(GStrv) words = g_strsplit (g_strstrip (line), " ", 2);
      WyRecordForm *form;
      GtkWidget *entry;
      Written w;

      if (g_strv_length (words) != 2)
        break;
      form = wy_compound_detail_get_form_for (detail, words[0]);
      g_assert_nonnull (form);
      entry = wy_record_form_get_field_widget (form, words[0]);
      g_assert_true (GTK_IS_EDITABLE (entry));
      gtk_widget_grab_focus (entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), words[1]);
      g_signal_emit_by_name (entry, "activate");

      w = (Written) { store, id, words[0], g_ascii_strtoll (words[1], NULL, 10) };
      wy_test_spin_until (field_written, &w);
      printf ("%s\n", field_written (&w) ? "done" : "failed");
      fflush (stdout);
      wy_test_spin_for (50);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

/* ------------------------------------------------------------------ */
/* The test's side                                                      */

typedef struct {
  GPid  pid;
  FILE *to_child;
  FILE *from_child;
} Child;

static void
child_start (Child      *child,
             const char *ledger)
{
  const char *argv[] = { "/proc/self/exe", "--window-child", ledger, NULL };
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GError) error = NULL;
  int in_fd, out_fd;

  argv[0] = self;
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &child->pid, &in_fd, &out_fd, NULL, &error));
  g_assert_no_error (error);
  child->to_child = fdopen (in_fd, "w");
  child->from_child = fdopen (out_fd, "r");
}

static char *
child_read_line (Child *child)
{
  char line[256];

  if (fgets (line, sizeof line, child->from_child) == NULL)
    g_error ("the window process ended early");
  return g_strdup (g_strstrip (line));
}

static void
child_type (Child      *child,
            const char *field,
            const char *value)
{
  g_autofree char *answer = NULL;

  fprintf (child->to_child, "%s %s\n", field, value);
  fflush (child->to_child);
  answer = child_read_line (child);
  g_assert_cmpstr (answer, ==, "done");
}

static void
child_kill (Child *child)
{
  int status = 0;

  kill (child->pid, SIGKILL);
  waitpid (child->pid, &status, 0);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (child->pid);
  fclose (child->to_child);
  fclose (child->from_child);
}

static char *
sqlite3_shell (const char *path,
               const char *sql)
{
  const char *argv[] = { "sqlite3", "-batch", path, sql, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sqlite3 %s: %s", sql, err);
  return g_strstrip (g_steal_pointer (&out));
}

static void
export_ledger (const char *ledger,
               const char *out)
{
  const char *argv[] = { g_getenv ("WUYOU_EXE"), "--export-ledger", out, "--as-of", "2026-12-01",
                         ledger, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("wuyou --export-ledger: %s", err);
}

/* The compound sheet of workbook holds a row for name with these cells
 * (checked by openpyxl, as another program reads it). */
static void
assert_workbook_row (const char *workbook,
                     const char *name,
                     const char *households,
                     const char *buildings)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-xlsx.py", NULL);
  g_autofree char *spec_path = g_strconcat (workbook, ".json", NULL);
  g_autofree char *spec = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", script, workbook, spec_path, NULL };
  int status = 0;

  if (buildings != NULL)
    spec = g_strdup_printf ("{\"find\": [{\"sheet\": \"小区基本情况台账\", \"where\": {\"小区名称\": \"%s\"},"
                            " \"expect\": {\"户数\": \"%s\", \"楼栋数\": \"%s\"}, \"count\": 1}]}",
                            name, households, buildings);
  else
    spec = g_strdup_printf ("{\"find\": [{\"sheet\": \"小区基本情况台账\", \"where\": {\"小区名称\": \"%s\"},"
                            " \"expect\": {\"户数\": \"%s\"}, \"count\": 1}]}",
                            name, households);
  g_assert_true (g_file_set_contents (spec_path, spec, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-xlsx.py %s: %s%s", workbook, out, err);
  g_unlink (spec_path);
}

static void
test_edits_survive_other_readers_and_a_kill (void)
{
  g_autofree char *ledger = wy_test_tmp_path ("shared.wuyou");
  g_autofree char *first_xlsx = wy_test_tmp_path ("after-first-edit.xlsx");
  g_autofree char *second_xlsx = wy_test_tmp_path ("after-second-edit.xlsx");
  g_autofree char *ready = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *values = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GError) error = NULL;
  Child child = { 0, };
  GDate today;
  gint64 id;

  if (g_getenv ("WUYOU_EXE") == NULL || !g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs WUYOU_EXE (set by meson) and /usr/bin/python3");
      return;
    }

  wy_test_date (&today, "2026-11-20");
  g_assert_true (wy_demo_write (ledger, DEMO_SIZE, &today, &error));
  g_assert_no_error (error);

  child_start (&child, ledger);
  ready = child_read_line (&child);
  g_assert_true (g_str_has_prefix (ready, "ready "));
  id = g_ascii_strtoll (ready + 6, NULL, 10);
  sql = g_strdup_printf ("SELECT name FROM compound WHERE id = %" G_GINT64_FORMAT, id);
  name = sqlite3_shell (ledger, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT households || '|' || buildings FROM compound WHERE id = %" G_GINT64_FORMAT, id);

  /* An edit, then another program reads the whole ledger. */
  child_type (&child, "households", "111");
  export_ledger (ledger, first_xlsx);
  assert_workbook_row (first_xlsx, name, "111", NULL);
  values = sqlite3_shell (ledger, sql);
  g_assert_true (g_str_has_prefix (values, "111|"));

  /* The window goes on editing: the next reader must see both edits. */
  child_type (&child, "buildings", "22");
  export_ledger (ledger, second_xlsx);
  assert_workbook_row (second_xlsx, name, "111", "22");
  g_clear_pointer (&values, g_free);
  values = sqlite3_shell (ledger, sql);
  g_assert_cmpstr (values, ==, "111|22");

  /* A crash of the window loses nothing that was saved. */
  child_kill (&child);
  g_clear_pointer (&values, g_free);
  values = sqlite3_shell (ledger, sql);
  g_assert_cmpstr (values, ==, "111|22");
  check = sqlite3_shell (ledger, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_strcmp0 (argv[1], "--window-child") == 0)
    return run_window_child (argv[2]);

  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ledger-sharing/edits-survive-other-readers-and-a-kill",
                   test_edits_survive_other_readers_and_a_kill);
  return g_test_run ();
}
