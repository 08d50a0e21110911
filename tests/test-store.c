/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "wy-test-util.h"

/* A value of the right kind for any field; references point at the last
 * row inserted into the referred table (tables come in dependency order). */
static char *
sample_value (const WyFieldInfo *field,
              const gint64      *last_ids,
              guint              variant)
{
  switch (field->kind)
    {
    case WY_FIELD_TEXT:
      return g_strdup_printf ("%s 样例 %u", field->name, variant);
    case WY_FIELD_INT:
      /* Within the field's range, when it has one (wy_schema_check_limits) */
      if (field->max_value > 0)
        return g_strdup_printf ("%" G_GINT64_FORMAT, field->min_value + variant);
      return g_strdup_printf ("%u", (field->flags & WY_FIELD_FLAG_PERCENT) ? 40 + variant : 1990 + variant);
    case WY_FIELD_REAL:
      return g_strdup_printf ("%u.5", 1200 + variant);
    case WY_FIELD_DATE:
      return g_strdup_printf ("2024-02-%02u", 20 + variant);
    case WY_FIELD_BOOL:
      return g_strdup ((variant % 2) ? "1" : "0");
    case WY_FIELD_REF:
      return last_ids[field->ref_table] > 0
             ? g_strdup_printf ("%" G_GINT64_FORMAT, last_ids[field->ref_table])
             : NULL;
    case WY_FIELD_ENUM:
      {
        guint n = g_strv_length ((char **) field->codes);
        return g_strdup (field->codes[variant % n]);
      }
    default:
      g_assert_not_reached ();
    }
}

static WyRecord *
sample_record (WyTable       table,
               const gint64 *last_ids,
               guint         variant)
{
  WyRecord *record = wy_record_new (table);
  const WyTableInfo *info = wy_record_get_info (record);

  for (guint i = 0; i < info->n_fields; i++)
    wy_record_take_nth (record, i, sample_value (&info->fields[i], last_ids, variant));

  /* Cross-field rules the samples must respect. */
  if (table == WY_TABLE_PROBLEM)
    wy_record_set (record, "status", WY_PROBLEM_SIGNED_OFF);

  return record;
}

static void
assert_same_values (WyRecord *expected,
                    WyRecord *actual)
{
  const WyTableInfo *info = wy_record_get_info (expected);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const char *a = wy_record_get_nth (expected, i);
      const char *b = wy_record_get_nth (actual, i);

      if (info->fields[i].kind == WY_FIELD_REAL && a != NULL && b != NULL)
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (a, NULL), g_ascii_strtod (b, NULL), 1e-9);
      else if (g_strcmp0 (a, b) != 0)
        g_error ("%s.%s: wrote “%s”, read “%s”", info->name, info->fields[i].name, a, b);
    }
}

static WyStore *
new_empty_store (const char *name)
{
  g_autofree char *path = wy_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  WyStore *store = wy_store_create_empty (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  wy_store_set_operator (store, "测试员");
  return store;
}

static void
test_round_trip_every_entity (void)
{
  g_autoptr(WyStore) store = new_empty_store ("round-trip.wuyou");
  gint64 last_ids[WY_N_TABLES] = { 0 };

  for (guint t = 0; t < WY_N_TABLES; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WyRecord) record = sample_record (t, last_ids, 1);
      g_autoptr(WyRecord) read_back = NULL;
      g_autoptr(WyRecord) by_uuid = NULL;
      g_autoptr(GPtrArray) all = NULL;
      gint64 id;

      id = wy_store_insert (store, record, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      g_assert_cmpint (wy_record_get_id (record), ==, id);
      g_assert_true (g_uuid_string_is_valid (wy_record_get_uuid (record)));
      g_assert_nonnull (wy_record_get_created (record));
      last_ids[t] = id;

      read_back = wy_store_get (store, t, id, &error);
      g_assert_no_error (error);
      assert_same_values (record, read_back);
      g_assert_cmpstr (wy_record_get_uuid (read_back), ==, wy_record_get_uuid (record));
      g_assert_nonnull (wy_record_get_updated (read_back));

      by_uuid = wy_store_get_by_uuid (store, t, wy_record_get_uuid (record), &error);
      g_assert_no_error (error);
      g_assert_cmpint (wy_record_get_id (by_uuid), ==, id);

      all = wy_store_list (store, t, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (all->len, ==, 1);
      g_assert_cmpint (wy_store_count (store, t), ==, 1);
    }

  /* Children are listed by their parent. */
  for (guint t = 0; t < WY_N_TABLES; t++)
    {
      const WyTableInfo *info = wy_schema_table (t);
      const WyFieldInfo *parent;
      g_autoptr(GPtrArray) children = NULL;
      g_autoptr(GError) error = NULL;

      if (info->parent_field == NULL)
        continue;
      parent = wy_schema_field (info, info->parent_field);
      children = wy_store_list (store, t, last_ids[parent->ref_table], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (children->len, ==, 1);
    }
}

static void
test_update_and_audit (void)
{
  g_autoptr(WyStore) store = new_empty_store ("update.wuyou");
  gint64 last_ids[WY_N_TABLES] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) compound = NULL;
  g_autoptr(WyRecord) changed = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  WyAuditEntry *entry;

  for (guint t = WY_TABLE_DISTRICT; t <= WY_TABLE_COMPOUND; t++)
    {
      g_autoptr(WyRecord) record = sample_record (t, last_ids, 1);

      last_ids[t] = wy_store_insert (store, record, &error);
      g_assert_no_error (error);
    }

  compound = wy_store_get (store, WY_TABLE_COMPOUND, last_ids[WY_TABLE_COMPOUND], &error);
  g_assert_no_error (error);

  wy_store_update_field (store, WY_TABLE_COMPOUND, last_ids[WY_TABLE_COMPOUND], "households", "128", &error);
  g_assert_no_error (error);

  changed = wy_store_get (store, WY_TABLE_COMPOUND, last_ids[WY_TABLE_COMPOUND], &error);
  g_assert_no_error (error);
  g_assert_cmpint (wy_record_get_int (changed, "households", -1), ==, 128);

  audit = wy_store_list_audit (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->table_name, ==, "compound");
  g_assert_cmpstr (entry->row_uuid, ==, wy_record_get_uuid (compound));
  g_assert_cmpstr (entry->field, ==, "households");
  g_assert_cmpstr (entry->old_value, ==, wy_record_get (compound, "households"));
  g_assert_cmpstr (entry->new_value, ==, "128");
  g_assert_cmpstr (entry->operator_name, ==, "测试员");

  /* Writing the same value again is not a change and leaves no trace. */
  wy_store_update_field (store, WY_TABLE_COMPOUND, last_ids[WY_TABLE_COMPOUND], "households", "128", &error);
  g_assert_no_error (error);
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = wy_store_list_audit (store, 0, &error);
  g_assert_cmpuint (audit->len, ==, 1 + (WY_TABLE_COMPOUND - WY_TABLE_DISTRICT + 1));
}

static void
test_invalid_values_change_nothing (void)
{
  g_autoptr(WyStore) store = new_empty_store ("invalid.wuyou");
  gint64 last_ids[WY_N_TABLES] = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) after = NULL;
  g_autoptr(WyRecord) duplicate = NULL;
  g_autoptr(WyRecord) problem = NULL;
  gint64 compound_id;
  gint64 audit_rows;
  const struct { const char *field; const char *value; } bad[] = {
    { "households", "-3" },
    { "households", "12a" },
    { "floor_area", "lots" },
    { "category", "palace" },
    { "owners_org_date", "2023-02-30" },
    { "name", "" },
    { "pilot", "2" },
  };

  for (guint t = WY_TABLE_DISTRICT; t <= WY_TABLE_COMPOUND; t++)
    {
      g_autoptr(WyRecord) record = sample_record (t, last_ids, 1);

      last_ids[t] = wy_store_insert (store, record, &error);
      g_assert_no_error (error);
    }
  compound_id = last_ids[WY_TABLE_COMPOUND];
  {
    g_autoptr(GPtrArray) audit = wy_store_list_audit (store, 0, NULL);
    audit_rows = audit->len;
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local_error = NULL;

      g_assert_false (wy_store_update_field (store, WY_TABLE_COMPOUND, compound_id,
                                             bad[i].field, bad[i].value, &local_error));
      g_assert_error (local_error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
    }

  after = wy_store_get (store, WY_TABLE_COMPOUND, compound_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wy_record_get_int (after, "households", -1), ==, 1);  /* sample_value: the range's low end + 1 */
  g_assert_cmpstr (wy_record_get (after, "category"), ==, WY_CATEGORY_THREE_NONE);
  {
    g_autoptr(GPtrArray) audit = wy_store_list_audit (store, 0, NULL);
    g_assert_cmpint (audit->len, ==, audit_rows);
  }

  /* Same name in the same community: refused. */
  duplicate = sample_record (WY_TABLE_COMPOUND, last_ids, 1);
  g_assert_cmpint (wy_store_insert (store, duplicate, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, 1);

  /* Signing off without a verifier: refused with a sentence. */
  problem = sample_record (WY_TABLE_PROBLEM, last_ids, 1);
  wy_record_set (problem, "verifier", NULL);
  g_assert_cmpint (wy_store_insert (store, problem, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, 0);

  /* A reference to nothing. */
  g_assert_false (wy_store_update_field (store, WY_TABLE_COMPOUND, compound_id,
                                         "community_id", "9999", &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A row that is not there. */
  g_assert_false (wy_store_update_field (store, WY_TABLE_COMPOUND, 4242, "name", "x", &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_cascades_and_restricts (void)
{
  g_autoptr(WyStore) store = new_empty_store ("delete.wuyou");
  gint64 last_ids[WY_N_TABLES] = { 0 };
  g_autoptr(GError) error = NULL;

  for (guint t = 0; t < WY_N_TABLES; t++)
    {
      g_autoptr(WyRecord) record = sample_record (t, last_ids, 1);

      last_ids[t] = wy_store_insert (store, record, &error);
      g_assert_no_error (error);
    }

  /* A community with compounds cannot go. */
  g_assert_false (wy_store_delete (store, WY_TABLE_COMMUNITY, last_ids[WY_TABLE_COMMUNITY], &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMMUNITY), ==, 1);

  /* A compound takes its problems, their updates, targets and funding. */
  g_assert_true (wy_store_delete (store, WY_TABLE_COMPOUND, last_ids[WY_TABLE_COMPOUND], &error));
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, 0);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, 0);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM_UPDATE), ==, 0);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND_TARGET), ==, 0);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_FUNDING), ==, 0);
  /* ... but not the inspection that found them. */
  g_assert_cmpint (wy_store_count (store, WY_TABLE_INSPECTION), ==, 1);

  g_assert_false (wy_store_delete (store, WY_TABLE_COMPOUND, last_ids[WY_TABLE_COMPOUND], &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *path = wy_test_tmp_path ("reopen.wuyou");
  g_autoptr(GError) error = NULL;
  gint64 last_ids[WY_N_TABLES] = { 0 };

  {
    g_autoptr(WyStore) store = wy_store_create_empty (path, &error);
    g_assert_no_error (error);
    for (guint t = 0; t < WY_N_TABLES; t++)
      {
        g_autoptr(WyRecord) record = sample_record (t, last_ids, 2);
        last_ids[t] = wy_store_insert (store, record, &error);
        g_assert_no_error (error);
      }
    g_assert_true (wy_store_set_setting (store, WY_SETTING_WARNING_DAYS, "10", &error));
  }

  {
    g_autoptr(WyStore) store = wy_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (wy_store_get_schema_version (store), ==, WY_SCHEMA_VERSION);
    g_assert_null (wy_store_get_backup_path (store));
    g_assert_cmpuint (wy_store_get_warning_days (store), ==, 10);
    for (guint t = 0; t < WY_N_TABLES; t++)
      {
        g_autoptr(WyRecord) expected = sample_record (t, last_ids, 2);
        g_autoptr(WyRecord) actual = wy_store_get (store, t, last_ids[t], &error);

        g_assert_no_error (error);
        assert_same_values (expected, actual);
      }
  }
}

static void
test_transaction_rollback (void)
{
  g_autoptr(WyStore) store = new_empty_store ("rollback.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) district = wy_record_new (WY_TABLE_DISTRICT);

  g_assert_true (wy_store_begin (store, &error));
  wy_record_set (district, "name", "示范区");
  g_assert_cmpint (wy_store_insert (store, district, &error), >, 0);
  wy_store_rollback (store);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_DISTRICT), ==, 0);
}

static void
test_create_refuses_data (void)
{
  g_autofree char *path = wy_test_tmp_path ("refuse-create.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(WyStore) again = NULL;

  g_assert_true (g_file_set_contents (path, "important notes", -1, NULL));
  before = wy_test_read_file (path);

  again = wy_store_create (path, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_EXISTS);
  after = wy_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_ensure_community (void)
{
  g_autoptr(WyStore) store = new_empty_store ("places.wuyou");
  g_autoptr(GError) error = NULL;
  gint64 first, again, sibling, elsewhere;

  first = wy_locations_ensure_community (store, "示范区", " 青松街道 ", "东门社区", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_DISTRICT), ==, 1);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_STREET), ==, 1);

  /* The same names find the same rows; a new name adds only what is new. */
  again = wy_locations_ensure_community (store, "示范区", "青松街道", "东门社区", &error);
  g_assert_cmpint (again, ==, first);
  sibling = wy_locations_ensure_community (store, "示范区", "青松街道", "西城社区", &error);
  g_assert_cmpint (sibling, !=, first);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_STREET), ==, 1);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMMUNITY), ==, 2);
  elsewhere = wy_locations_ensure_community (store, "示范区", "翠柏街道", "东门社区", &error);
  g_assert_cmpint (elsewhere, !=, first);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_STREET), ==, 2);

  /* A missing name writes nothing. */
  g_assert_cmpint (wy_locations_ensure_community (store, "新区", "  ", "南苑社区", &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_DISTRICT), ==, 1);
}

/* Every foreign key has an index whose first column is that key: deletes
 * (ON DELETE CASCADE / SET NULL / RESTRICT) and their undo look referrers
 * up through it instead of scanning the referring table. */
static gboolean
has_index_led_by (sqlite3    *db,
                  const char *table,
                  const char *column)
{
  g_autofree char *list_sql = g_strdup_printf ("SELECT name FROM pragma_index_list('%s')", table);
  sqlite3_stmt *list = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (db, list_sql, -1, &list, NULL), ==, SQLITE_OK);
  while (!found && sqlite3_step (list) == SQLITE_ROW)
    {
      sqlite3_stmt *info = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_index_info(?) WHERE seqno = 0",
                                           -1, &info, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (info, 1, (const char *) sqlite3_column_text (list, 0), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (info) == SQLITE_ROW
          && g_strcmp0 ((const char *) sqlite3_column_text (info, 0), column) == 0)
        found = TRUE;
      sqlite3_finalize (info);
    }
  sqlite3_finalize (list);
  return found;
}

static void
test_every_foreign_key_indexed (void)
{
  g_autofree char *path = wy_test_tmp_path ("fk-indexes.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  guint n_keys = 0;

  {
    g_autoptr(WyStore) store = wy_store_create_empty (path, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *table = g_strdup ((const char *) sqlite3_column_text (tables, 0));
      g_autofree char *fk_sql = g_strdup_printf ("SELECT \"from\" FROM pragma_foreign_key_list('%s')", table);
      sqlite3_stmt *keys = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, fk_sql, -1, &keys, NULL), ==, SQLITE_OK);
      while (sqlite3_step (keys) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (keys, 0);

          n_keys++;
          if (!has_index_led_by (db, table, column))
            g_string_append_printf (missing, " %s.%s", table, column);
        }
      sqlite3_finalize (keys);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  /* The schema has foreign keys at all (the walk read something). */
  g_assert_cmpuint (n_keys, >=, 20);
  g_assert_cmpstr (missing->str, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/round-trip-every-entity", test_round_trip_every_entity);
  g_test_add_func ("/store/update-and-audit", test_update_and_audit);
  g_test_add_func ("/store/invalid-values-change-nothing", test_invalid_values_change_nothing);
  g_test_add_func ("/store/delete-cascades-and-restricts", test_delete_cascades_and_restricts);
  g_test_add_func ("/store/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/store/transaction-rollback", test_transaction_rollback);
  g_test_add_func ("/store/create-refuses-data", test_create_refuses_data);
  g_test_add_func ("/store/ensure-community", test_ensure_community);
  g_test_add_func ("/store/every-foreign-key-indexed", test_every_foreign_key_indexed);

  return g_test_run ();
}
