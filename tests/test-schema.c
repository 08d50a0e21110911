/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "wy-test-util.h"

static void
test_descriptors_are_consistent (void)
{
  for (guint t = 0; t < WY_N_TABLES; t++)
    {
      const WyTableInfo *info = wy_schema_table (t);

      g_assert_cmpint (info->table, ==, t);
      g_assert_true (wy_schema_table_by_name (info->name) == info);
      g_assert_cmpuint (info->n_fields, >, 0);
      if (info->parent_field != NULL)
        {
          const WyFieldInfo *parent = wy_schema_field (info, info->parent_field);

          g_assert_nonnull (parent);
          g_assert_cmpint (parent->kind, ==, WY_FIELD_REF);
        }
      g_assert_nonnull (wy_schema_field (info, info->title_field));

      for (guint i = 0; i < info->n_fields; i++)
        {
          const WyFieldInfo *field = &info->fields[i];

          g_assert_cmpint (wy_schema_field_index (info, field->name), ==, i);
          g_assert_nonnull (field->label);
          /* References only point backwards, so inserting in table order works. */
          if (field->kind == WY_FIELD_REF)
            g_assert_cmpint (field->ref_table, <, t == WY_TABLE_COMPOUND_TARGET ? WY_N_TABLES : t + 1);
          if (field->kind == WY_FIELD_ENUM)
            g_assert_cmpuint (g_strv_length ((char **) field->codes), ==,
                              g_strv_length ((char **) field->code_labels));
        }
    }
  g_assert_null (wy_schema_table_by_name ("sqlite_schema"));
}

static void
test_file_matches_descriptors (void)
{
  g_autofree char *path = wy_test_tmp_path ("schema.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_create_empty (path, &error);

  g_assert_no_error (error);
  g_assert_true (wy_store_verify_schema (store, &error));
  g_assert_no_error (error);
}

static void
test_missing_column_is_refused (void)
{
  g_autofree char *path = wy_test_tmp_path ("tampered.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_create_empty (path, &error);
  sqlite3 *db = NULL;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE funding DROP COLUMN purpose", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = wy_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "purpose"));
}

static void
test_validation (void)
{
  const WyTableInfo *compound = wy_schema_table (WY_TABLE_COMPOUND);
  const WyTableInfo *task = wy_schema_table (WY_TABLE_TASK);
  const struct { const WyTableInfo *info; const char *field; const char *value; gboolean ok; } cases[] = {
    { compound, "households", "0", TRUE },
    { compound, "households", "-1", FALSE },
    { compound, "households", "1.5", FALSE },
    { compound, "households", " 12", FALSE },
    { compound, "households", NULL, TRUE },
    { compound, "name", NULL, FALSE },
    { compound, "name", "", FALSE },
    { compound, "name", "纺织厂宿舍", TRUE },
    { compound, "name", "\xff\xfe", FALSE },
    { compound, "floor_area", "1234.5", TRUE },
    { compound, "floor_area", "1234,5", FALSE },
    { compound, "floor_area", "nan", FALSE },
    { compound, "floor_area", "inf", FALSE },
    { compound, "category", WY_CATEGORY_THREE_NONE, TRUE },
    { compound, "category", "三无", FALSE },
    { compound, "pilot", "1", TRUE },
    { compound, "pilot", "yes", FALSE },
    { compound, "owners_org_date", "2024-02-29", TRUE },
    { compound, "owners_org_date", "2023-02-29", FALSE },
    { task, "progress", "100", TRUE },
    { task, "progress", "101", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const WyFieldInfo *field = wy_schema_field (cases[i].info, cases[i].field);
      gboolean ok = wy_schema_validate_value (field, cases[i].value, &error);

      if (ok != cases[i].ok)
        g_error ("case %u (%s = %s): expected %s", i, cases[i].field, cases[i].value,
                 cases[i].ok ? "valid" : "invalid");
      if (!ok)
        {
          g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
          /* The message names the field as the user sees it. */
          g_assert_nonnull (strstr (error->message, field->label));
        }
    }
}

static void
test_code_labels (void)
{
  const WyFieldInfo *category = wy_schema_field (wy_schema_table (WY_TABLE_COMPOUND), "category");
  const WyFieldInfo *status = wy_schema_field (wy_schema_table (WY_TABLE_PROBLEM), "status");

  g_assert_cmpstr (wy_schema_code_label (category, WY_CATEGORY_THREE_NONE), ==, "Three-none");
  g_assert_cmpstr (wy_schema_code_label (status, WY_PROBLEM_SIGNED_OFF), ==, "Signed off");
  g_assert_cmpstr (wy_schema_code_label (status, "unknown"), ==, "unknown");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/descriptors-are-consistent", test_descriptors_are_consistent);
  g_test_add_func ("/schema/file-matches-descriptors", test_file_matches_descriptors);
  g_test_add_func ("/schema/missing-column-is-refused", test_missing_column_is_refused);
  g_test_add_func ("/schema/validation", test_validation);
  g_test_add_func ("/schema/code-labels", test_code_labels);

  return g_test_run ();
}
