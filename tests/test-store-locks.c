/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wy-test-util.h"

/* The locks a window holds on its ledger while other programs read it.
 *
 * POSIX advisory locks belong to the process: closing any descriptor on
 * the file drops all of them. If the window's process ever opens and
 * closes the ledger by hand while its connection is open, the next
 * program to close the ledger thinks it was the last one, checkpoints and
 * deletes the write-ahead log the window still writes into, and the
 * window's later edits vanish. These tests hold the window's side (a
 * writing store, read-only stores opened and closed beside it as the
 * pages' loaders do) and play the other programs with real child
 * processes: the sqlite3 shell and `wuyou --export-ledger`. */

typedef struct {
  char    *path;
  WyStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = wy_test_tmp_path ("locks.wuyou");
  {
    g_autoptr(WyStore) created = wy_store_create (fixture->path, NULL, &error);

    g_assert_no_error (error);
  }
  /* As the window opens it. */
  fixture->store = wy_store_open (fixture->path, &error);
  g_assert_no_error (error);
  wy_store_set_operator (fixture->store, "测试员");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_free (fixture->path);
}

/* The sqlite3 shell, a program of its own, reading the ledger. */
static char *
other_process_sql (const char *path,
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

static gint64
add_district (WyStore    *store,
              const char *name)
{
  return wy_test_add_named (store, WY_TABLE_DISTRICT, NULL, 0, name);
}

static void
read_through_readonly_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) reader = wy_store_open_readonly (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (reader, WY_TABLE_DISTRICT), >=, 0);
}

/* Whether /proc/locks lists a lock this process holds on path. */
static gboolean
process_holds_lock_on (const char *path)
{
  g_autofree char *locks = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *pid = g_strdup_printf (" %d ", (int) getpid ());
  g_autofree char *inode = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  /* /proc/locks names a file as MAJOR:MINOR:INODE. */
  inode = g_strdup_printf (":%" G_GUINT64_FORMAT " ", (guint64) st.st_ino);
  if (!g_file_get_contents ("/proc/locks", &locks, NULL, NULL))
    {
      g_test_skip ("no /proc/locks on this system");
      return TRUE;
    }
  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], pid) != NULL && strstr (lines[i], inode) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_both_visible_elsewhere (Fixture *fixture)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *names = NULL;

  /* The log the window writes into is the one on disk ... */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  /* ... so another program sees both writes ... */
  names = other_process_sql (fixture->path, "SELECT group_concat(name, '|') FROM "
                                            "(SELECT name FROM district ORDER BY id)");
  g_assert_cmpstr (names, ==, "第一区|第二区");
  /* ... and the window still holds its lock. */
  g_assert_true (process_holds_lock_on (fixture->path));
}

static void
test_readonly_store_keeps_lock (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *count = NULL;

  add_district (fixture->store, "第一区");
  g_assert_true (process_holds_lock_on (fixture->path));

  /* A page's loader: a read-only store opened and closed beside the
   * writer. */
  read_through_readonly_store (fixture->path);
  g_assert_true (process_holds_lock_on (fixture->path));

  /* Another program reads the ledger and closes it. */
  count = other_process_sql (fixture->path, "SELECT count(*) FROM district");
  g_assert_cmpstr (count, ==, "1");

  add_district (fixture->store, "第二区");
  assert_both_visible_elsewhere (fixture);
}

/* Opening the same ledger a second time in the process (a second window
 * on the same file, a Save a Copy check) must not drop the first
 * connection's lock either. */
static void
test_second_open_keeps_lock (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_district (fixture->store, "第一区");
  {
    g_autoptr(WyStore) again = wy_store_open (fixture->path, &error);

    g_assert_no_error (error);
  }
  g_assert_true (process_holds_lock_on (fixture->path));
  g_free (other_process_sql (fixture->path, "SELECT count(*) FROM district"));
  add_district (fixture->store, "第二区");
  assert_both_visible_elsewhere (fixture);
}

static void
run_export (const char *ledger,
            const char *out)
{
  const char *exe = g_getenv ("WUYOU_EXE");
  const char *argv[] = { exe, "--export-ledger", out, "--as-of", "2026-12-01", ledger, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("wuyou --export-ledger: %s", err);
}

static void
test_export_beside_writer (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = g_strconcat (fixture->path, ".xlsx", NULL);

  if (g_getenv ("WUYOU_EXE") == NULL)
    {
      g_test_skip ("WUYOU_EXE is not set (meson sets it)");
      return;
    }

  add_district (fixture->store, "第一区");
  read_through_readonly_store (fixture->path);
  run_export (fixture->path, out);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_true (process_holds_lock_on (fixture->path));

  add_district (fixture->store, "第二区");
  assert_both_visible_elsewhere (fixture);
  g_unlink (out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/locks/readonly-store-beside-writer", test_readonly_store_keeps_lock);
  ADD ("/store/locks/second-open-beside-writer", test_second_open_keeps_lock);
  ADD ("/store/locks/export-in-child-beside-writer", test_export_beside_writer);
#undef ADD

  return g_test_run ();
}
