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

/* Issue 12, point 5: limits at their edges, told in a hint. */
static void
test_limits (void)
{
  const WyTableInfo *compound = wy_schema_table (WY_TABLE_COMPOUND);
  const WyTableInfo *problem = wy_schema_table (WY_TABLE_PROBLEM);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *hint = NULL;
  GDate today;
  struct {
    const WyTableInfo *info;
    const char        *field;
    const char        *value;
    gboolean           ok;
  } cases[] = {
    { compound, "year_built", "1900", TRUE },
    { compound, "year_built", "1899", FALSE },
    { compound, "year_built", "2026", TRUE },
    { compound, "year_built", "2027", FALSE },
    { compound, "buildings", "0", TRUE },
    { compound, "buildings", "500", TRUE },
    { compound, "buildings", "501", FALSE },
    { compound, "households", "20000", TRUE },
    { compound, "households", "20001", FALSE },
    { compound, "name", "", TRUE },           /* "required" is the validation's */
    { problem, "deadline", "", FALSE },       /* needed by every new item */
    { problem, "responsible_unit", "", FALSE },
    { problem, "responsible_unit", "街道城管科", TRUE },
    { problem, "deadline", "2026-12-31", TRUE },
  };

  wy_test_date (&today, "2026-12-31");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const WyFieldInfo *field = wy_schema_field (cases[i].info, cases[i].field);
      gboolean ok = wy_schema_check_limits (field, cases[i].value, &today, &error);

      if (ok != cases[i].ok)
        g_error ("case %u (%s = %s): expected %s", i, cases[i].field, cases[i].value,
                 cases[i].ok ? "within limits" : "refused");
      if (!ok)
        {
          g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].field[0] == 'y' ? "2026" : field->label));
        }
      g_clear_error (&error);
    }

  /* Without today, a year has no ceiling but still a floor. */
  g_assert_true (wy_schema_check_limits (wy_schema_field (compound, "year_built"), "2030", NULL, NULL));
  g_assert_false (wy_schema_check_limits (wy_schema_field (compound, "year_built"), "1899", NULL, NULL));

  /* 60 characters, counted as glyphs: 60 Han glyphs pass, 61 do not. */
  for (guint i = 0; i < 60; i++)
    g_string_append (name, "楼");
  g_assert_true (wy_schema_check_limits (wy_schema_field (compound, "name"), name->str, &today, &error));
  g_assert_no_error (error);
  g_string_append (name, "楼");
  g_assert_false (wy_schema_check_limits (wy_schema_field (compound, "name"), name->str, &today, &error));
  g_assert_nonnull (strstr (error->message, "60"));
  g_assert_nonnull (strstr (error->message, "61"));
  g_clear_error (&error);

  /* Every limit has a hint; the year's follows today. */
  hint = wy_schema_limit_hint (wy_schema_field (compound, "year_built"), &today);
  g_assert_nonnull (strstr (hint, "1900"));
  g_assert_nonnull (strstr (hint, "2026"));
  g_clear_pointer (&hint, g_free);
  hint = wy_schema_limit_hint (wy_schema_field (compound, "address"), &today);
  g_assert_nonnull (strstr (hint, "120"));
  g_clear_pointer (&hint, g_free);
  hint = wy_schema_limit_hint (wy_schema_field (problem, "deadline"), &today);
  g_assert_cmpstr (hint, ==, "Required");
  g_clear_pointer (&hint, g_free);
  g_assert_null (wy_schema_limit_hint (wy_schema_field (compound, "pilot"), &today));
}

/* Only new writes keep the limits: an old ledger's long name reads, and
 * its other fields still change; a new name past the limit is refused. */
static void
test_limits_apply_to_new_writes (void)
{
  g_autofree char *path = wy_test_tmp_path ("limits.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_create_empty (path, &error);
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(WyRecord) compound = wy_record_new (WY_TABLE_COMPOUND);
  g_autoptr(WyRecord) stored = NULL;
  g_autofree char *sql = NULL;
  gint64 district, street, community, id;
  sqlite3 *db;

  g_assert_no_error (error);
  district = wy_test_add_named (store, WY_TABLE_DISTRICT, NULL, 0, "示范区");
  street = wy_test_add_named (store, WY_TABLE_STREET, "district_id", district, "青松街道");
  community = wy_test_add_named (store, WY_TABLE_COMMUNITY, "street_id", street, "东门社区");

  for (guint i = 0; i < 490; i++)
    g_string_append_c (long_name, 'x');

  wy_record_set_int (compound, "community_id", community);
  wy_record_set (compound, "name", long_name->str);
  wy_record_set (compound, "category", WY_CATEGORY_THREE_NONE);
  g_assert_cmpint (wy_store_insert (store, compound, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  wy_record_set (compound, "name", "纺织厂宿舍");
  wy_record_set (compound, "buildings", "501");
  g_assert_cmpint (wy_store_insert (store, compound, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  wy_record_set (compound, "buildings", "12");
  id = wy_store_insert (store, compound, &error);
  g_assert_no_error (error);

  /* An old ledger wrote what it liked. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE compound SET name = '%s', year_built = 1850 WHERE id = %" G_GINT64_FORMAT,
                         long_name->str, id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  stored = wy_store_get (store, WY_TABLE_COMPOUND, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wy_record_get (stored, "name"), ==, long_name->str);
  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, id, "households", "300", &error));
  g_assert_no_error (error);
  g_assert_false (wy_store_update_field (store, WY_TABLE_COMPOUND, id, "year_built", "1851", &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wy_store_update_field (store, WY_TABLE_COMPOUND, id, "households", "20001", &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The long name shortened, then undone: the old value comes back. */
  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, id, "name", "纺织厂宿舍", &error));
  g_assert_no_error (error);
  {
    WyTable table;
    gint64 undone;
    g_autoptr(WyRecord) back = NULL;

    g_assert_true (wy_store_undo_last (store, &table, &undone, &error));
    g_assert_no_error (error);
    back = wy_store_get (store, WY_TABLE_COMPOUND, id, &error);
    g_assert_cmpstr (wy_record_get (back, "name"), ==, long_name->str);
  }
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
  g_test_add_func ("/schema/limits", test_limits);
  g_test_add_func ("/schema/limits-apply-to-new-writes", test_limits_apply_to_new_writes);

  return g_test_run ();
}
