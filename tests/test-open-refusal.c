/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wy-test-util.h"

/* Every refusal must leave the file byte for byte as it was, and leave
 * no journal beside it. */
static void
assert_refused_untouched (const char  *path,
                          WyStoreError code)
{
  g_autoptr(GBytes) before = wy_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *basename = g_path_get_basename (path);

  store = wy_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, WY_STORE_ERROR, (int) code);
  g_test_message ("refused: %s", error->message);
  /* The message names the file, so the user knows which one. */
  g_assert_nonnull (strstr (error->message, basename));

  after = wy_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static char *
make_ledger (const char *name)
{
  g_autofree char *path = wy_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_create (path, NULL, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  return g_steal_pointer (&path);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_not_sqlite (void)
{
  g_autofree char *path = wy_test_tmp_path ("notes.wuyou");

  g_assert_true (g_file_set_contents (path, "小区名称,户数\n纺织厂宿舍,120\n", -1, NULL));
  assert_refused_untouched (path, WY_STORE_ERROR_NOT_SQLITE);
}

static void
test_empty_file (void)
{
  g_autofree char *path = wy_test_tmp_path ("empty.wuyou");

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused_untouched (path, WY_STORE_ERROR_NOT_SQLITE);
}

static void
test_missing_file (void)
{
  g_autofree char *path = wy_test_tmp_path ("missing.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_other_database (void)
{
  g_autofree char *path = wy_test_tmp_path ("other.db");

  run_sql (path, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);"
                 "INSERT INTO accounts (name) VALUES ('x');");
  assert_refused_untouched (path, WY_STORE_ERROR_NOT_LEDGER);
}

static void
test_newer_schema (void)
{
  g_autofree char *path = make_ledger ("newer.wuyou");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", WY_SCHEMA_VERSION + 1);

  run_sql (path, "PRAGMA journal_mode = DELETE");
  run_sql (path, sql);
  assert_refused_untouched (path, WY_STORE_ERROR_NEWER_SCHEMA);
}

static void
test_truncated (void)
{
  g_autofree char *path = make_ledger ("truncated.wuyou");
  g_autoptr(GBytes) whole = NULL;

  run_sql (path, "PRAGMA journal_mode = DELETE");
  whole = wy_test_read_file (path);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 8192);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (whole, NULL),
                                      (gssize) g_bytes_get_size (whole) / 2, NULL));
  assert_refused_untouched (path, WY_STORE_ERROR_CORRUPT);
}

static void
test_corrupt (void)
{
  g_autofree char *path = make_ledger ("corrupt.wuyou");
  g_autoptr(GBytes) whole = NULL;
  guint8 *bytes;
  gsize size;

  run_sql (path, "PRAGMA journal_mode = DELETE");
  whole = wy_test_read_file (path);
  bytes = g_bytes_unref_to_data (g_steal_pointer (&whole), &size);
  /* Scribble over every page but the first: the b-trees are garbage now,
   * while the header still looks like a ledger. */
  for (gsize i = 4096; i < size; i++)
    bytes[i] = (guint8) (i * 7 + 13);
  g_assert_true (g_file_set_contents (path, (char *) bytes, (gssize) size, NULL));
  g_free (bytes);

  assert_refused_untouched (path, WY_STORE_ERROR_CORRUPT);
}

/* As root every file is readable and writable, so the permission cases
 * run in a child that has dropped to an ordinary user. */
static void
drop_root_if_needed (void)
{
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
}

static void
test_read_only (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("WY_TEST_LEDGER");

      drop_root_if_needed ();
      assert_refused_untouched (path, WY_STORE_ERROR_READ_ONLY);
      return;
    }
  else
    {
      g_autofree char *path = make_ledger ("read-only.wuyou");
      g_autofree char *dir = g_path_get_dirname (path);
      run_sql (path, "PRAGMA journal_mode = DELETE");
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_setenv ("WY_TEST_LEDGER", path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
}

static void
test_unreadable (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("WY_TEST_LEDGER");
      g_autoptr(GError) error = NULL;
      g_autoptr(WyStore) store = NULL;

      drop_root_if_needed ();
      store = wy_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_UNREADABLE);
      return;
    }
  else
    {
      g_autofree char *path = make_ledger ("unreadable.wuyou");
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(GBytes) before = wy_test_read_file (path);
      g_autoptr(GBytes) after = NULL;

      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (path, 0000), ==, 0);
      g_setenv ("WY_TEST_LEDGER", path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
      after = wy_test_read_file (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_good_ledger_opens (void)
{
  g_autofree char *path = make_ledger ("good.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_TASK), ==, 7);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/open/good-ledger-opens", test_good_ledger_opens);
  g_test_add_func ("/open/not-sqlite", test_not_sqlite);
  g_test_add_func ("/open/empty-file", test_empty_file);
  g_test_add_func ("/open/missing-file", test_missing_file);
  g_test_add_func ("/open/other-database", test_other_database);
  g_test_add_func ("/open/newer-schema", test_newer_schema);
  g_test_add_func ("/open/truncated", test_truncated);
  g_test_add_func ("/open/corrupt", test_corrupt);
  g_test_add_func ("/open/read-only", test_read_only);
  g_test_add_func ("/open/unreadable", test_unreadable);

  return g_test_run ();
}
