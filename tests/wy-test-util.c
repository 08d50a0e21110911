/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "wy-test-util.h"

static char *tmp_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
remove_tmp_dir (void)
{
  if (tmp_dir != NULL)
    remove_tree (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

char *
wy_test_tmp_path (const char *basename)
{
  if (tmp_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmp_dir = g_dir_make_tmp ("wuyou-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_tmp_dir);
    }

  return g_build_filename (tmp_dir, basename, NULL);
}

GBytes *
wy_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
wy_test_date (GDate      *out,
              const char *iso)
{
  g_assert_true (wy_date_parse (iso, out));
}

WyStore *
wy_test_open_demo (const char *basename,
                   guint       size,
                   const char *today_iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = wy_test_tmp_path (basename);
  WyStore *store;
  GDate today;

  wy_test_date (&today, today_iso);
  g_assert_true (wy_demo_write (path, size, &today, &error));
  g_assert_no_error (error);
  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  wy_store_set_operator (store, "测试员");
  return store;
}

gint64
wy_test_insert (WyStore  *store,
                WyRecord *record)
{
  g_autoptr(WyRecord) owned = record;
  g_autoptr(GError) error = NULL;
  gint64 id = wy_store_insert (store, owned, &error);

  g_assert_no_error (error);
  return id;
}

gint64
wy_test_add_named (WyStore    *store,
                   WyTable     table,
                   const char *parent_field,
                   gint64      parent_id,
                   const char *name)
{
  WyRecord *record = wy_record_new (table);

  if (parent_field != NULL)
    wy_record_set_int (record, parent_field, parent_id);
  wy_record_set (record, "name", name);
  return wy_test_insert (store, record);
}

char *
wy_test_sql_text (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}
