/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <sqlite3.h>

#include "wy-test-util.h"

static char *
ledger_from_fixture (const char *name)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "ledger-v1.sql", NULL);
  g_autofree char *path = wy_test_tmp_path (name);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return g_steal_pointer (&path);
}

static int
read_user_version (const char *path)
{
  g_autofree char *version = wy_test_sql_text (path, "PRAGMA user_version");

  return version != NULL ? atoi (version) : -1;
}

static void
test_v1_upgrades_with_backup (void)
{
  g_autofree char *path = ledger_from_fixture ("old.wuyou");
  g_autoptr(GBytes) original = wy_test_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GPtrArray) compounds = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) backup = NULL;
  WyRecord *compound;
  const char *backup_path;

  g_assert_cmpint (read_user_version (path), ==, 1);

  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_get_schema_version (store), ==, WY_SCHEMA_VERSION);

  /* The copy taken before the change is the old file, as it was. */
  backup_path = wy_store_get_backup_path (store);
  g_assert_nonnull (backup_path);
  g_assert_true (g_str_has_suffix (backup_path, "old.wuyou.v1.bak"));
  g_assert_cmpint (read_user_version (backup_path), ==, 1);
  backup = wy_test_read_file (backup_path);
  g_assert_cmpuint (g_bytes_get_size (backup), ==, g_bytes_get_size (original));

  /* The data came through. */
  compounds = wy_store_list (store, WY_TABLE_COMPOUND, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (compounds->len, ==, 1);
  compound = g_ptr_array_index (compounds, 0);
  g_assert_cmpstr (wy_record_get (compound, "name"), ==, "纺织厂宿舍");
  g_assert_cmpint (wy_record_get_int (compound, "households", 0), ==, 96);
  updates = wy_store_list (store, WY_TABLE_PROBLEM_UPDATE, 0, &error);
  g_assert_cmpuint (updates->len, ==, 1);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_TASK), ==, 7);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_MILESTONE), ==, 8);

  rows = wy_store_list_compound_rows (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);

  /* Writable after the upgrade. */
  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, wy_record_get_id (compound),
                                        "households", "98", &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  g_assert_cmpint (read_user_version (path), ==, WY_SCHEMA_VERSION);
}

static void
test_second_backup_does_not_overwrite (void)
{
  g_autofree char *path = ledger_from_fixture ("twice.wuyou");
  g_autofree char *first = g_strconcat (path, ".v1.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;

  g_assert_true (g_file_set_contents (first, "an older backup", -1, NULL));
  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wy_store_get_backup_path (store), !=, first);
  g_assert_true (g_str_has_suffix (wy_store_get_backup_path (store), ".v1.2.bak"));
  {
    g_autofree char *kept = NULL;
    g_file_get_contents (first, &kept, NULL, NULL);
    g_assert_cmpstr (kept, ==, "an older backup");
  }
}

static void
test_current_ledger_needs_no_backup (void)
{
  g_autofree char *path = wy_test_tmp_path ("current.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) created = wy_store_create (path, NULL, &error);
  g_autoptr(WyStore) opened = NULL;

  g_assert_no_error (error);
  g_clear_object (&created);
  opened = wy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (wy_store_get_backup_path (opened));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migration/v1-upgrades-with-backup", test_v1_upgrades_with_backup);
  g_test_add_func ("/migration/second-backup-does-not-overwrite", test_second_backup_does_not_overwrite);
  g_test_add_func ("/migration/current-ledger-needs-no-backup", test_current_ledger_needs_no_backup);

  return g_test_run ();
}
