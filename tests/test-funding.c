/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <wuyou/wuyou.h>
#include <wuyou/wy-funding.h>

#include <sqlite3.h>

#include "wy-test-util.h"
#include "../app/core/wy-store-private.h"

static WyStore *
open_demo (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = wy_test_tmp_path (name);
  WyStore *store;
  GDate today;

  wy_test_date (&today, "2023-03-15");
  g_assert_true (wy_demo_write (path, 24, &today, &error));
  g_assert_no_error (error);
  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_totals_by_community (void)
{
  g_autoptr(WyStore) store = open_demo ("totals.wuyou");
  g_autoptr(GPtrArray) funding = wy_store_list (store, WY_TABLE_FUNDING, 0, NULL);
  g_autoptr(GPtrArray) communities = wy_store_list (store, WY_TABLE_COMMUNITY, 0, NULL);
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GError) error = NULL;
  const WyFieldInfo *source = wy_schema_field (wy_schema_table (WY_TABLE_FUNDING), "source");
  double expected = 0, sum = 0;
  double expected_source[WY_FUNDING_N_SOURCES] = { 0 };
  double sum_source[WY_FUNDING_N_SOURCES] = { 0 };
  guint count = 0;

  g_assert_cmpuint (funding->len, >, 0);
  for (guint i = 0; i < funding->len; i++)
    {
      WyRecord *row = g_ptr_array_index (funding, i);
      double amount = wy_record_get_double (row, "amount", 0);

      expected += amount;
      for (guint s = 0; s < WY_FUNDING_N_SOURCES; s++)
        if (g_strcmp0 (source->codes[s], wy_record_get (row, "source")) == 0)
          expected_source[s] += amount;
    }

  totals = wy_store_funding_totals_by_community (store, &error);
  g_assert_no_error (error);
  /* Every community, with or without funding. */
  g_assert_cmpuint (totals->len, ==, communities->len);
  for (guint i = 0; i < totals->len; i++)
    {
      WyFundingTotals *row = g_ptr_array_index (totals, i);
      double of_sources = 0;

      g_assert_nonnull (row->community);
      g_assert_nonnull (row->street);
      for (guint s = 0; s < WY_FUNDING_N_SOURCES; s++)
        {
          of_sources += row->per_source[s];
          sum_source[s] += row->per_source[s];
        }
      g_assert_cmpfloat_with_epsilon (of_sources, row->total, 0.001);

      /* The one-community figure the compound detail shows agrees. */
      {
        double one_total = -1;
        guint one_count = 0;

        g_assert_true (wy_store_funding_total_for_community (store, row->community_id,
                                                             &one_total, &one_count, &error));
        g_assert_no_error (error);
        g_assert_cmpfloat_with_epsilon (one_total, row->total, 0.001);
        g_assert_cmpuint (one_count, ==, row->count);
      }
      sum += row->total;
      count += row->count;
    }
  g_assert_cmpuint (count, ==, funding->len);
  g_assert_cmpfloat_with_epsilon (sum, expected, 0.001);
  for (guint s = 0; s < WY_FUNDING_N_SOURCES; s++)
    g_assert_cmpfloat_with_epsilon (sum_source[s], expected_source[s], 0.001);
}

static void
test_total_for_compound (void)
{
  g_autoptr(WyStore) store = open_demo ("compound.wuyou");
  g_autoptr(GPtrArray) compounds = wy_store_list (store, WY_TABLE_COMPOUND, 0, NULL);
  g_autoptr(WyRecord) record = wy_record_new (WY_TABLE_FUNDING);
  g_autoptr(GError) error = NULL;
  gint64 compound_id = wy_record_get_id (g_ptr_array_index (compounds, 0));
  double total = -1, after = -1;
  guint count = 0, count_after = 0;

  g_assert_true (wy_store_funding_total_for_compound (store, compound_id, &total, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (total, >=, 0);

  wy_record_set_int (record, "compound_id", compound_id);
  wy_record_set (record, "source", "donation");
  wy_record_set (record, "amount", "1234.5");
  wy_record_set (record, "date", "2023-03-01");
  g_assert_cmpint (wy_store_insert (store, record, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (wy_store_funding_total_for_compound (store, compound_id, &after, &count_after, &error));
  g_assert_cmpuint (count_after, ==, count + 1);
  g_assert_cmpfloat_with_epsilon (after, total + 1234.5, 0.001);

  /* A compound without funding: zero, not an error. */
  g_assert_true (wy_store_funding_total_for_compound (store, 999999, &after, &count_after, &error));
  g_assert_cmpuint (count_after, ==, 0);
  g_assert_cmpfloat (after, ==, 0);
}

/* Yuan as written to fen, half away from zero on the digits as written,
 * and fen back to the text a REAL of yuan read as. */
static void
test_fen_rounding (void)
{
  static const struct { const char *text; gint64 fen; } parsed[] = {
    { "0", 0 }, { "0.1", 10 }, { "0.2", 20 }, { "0.30000000000000004", 30 },
    { "1200", 120000 }, { "1200.0", 120000 }, { "1234.5", 123450 },
    { "1234.56", 123456 }, { "1.005", 101 }, { "0.125", 13 }, { "0.135", 14 },
    { "0.1249", 12 }, { "99.995", 10000 }, { ".5", 50 }, { "7.", 700 },
    { " 3.14 ", 314 }, { "-0.125", -13 }, { "-1.004", -100 }, { "1e3", 100000 },
    { "1.5E+2", 15000 },
  };
  static const char * const refused[] = { "", " ", ".", "abc", "1.2.3", "1,5", "1e300", "nan", "inf",
                                          "99999999999999999999" };
  static const struct { gint64 fen; const char *text; } shown[] = {
    { 0, "0.0" }, { 10, "0.1" }, { 30, "0.3" }, { 101, "1.01" }, { 120000, "1200.0" },
    { 123450, "1234.5" }, { 123456, "1234.56" }, { 5, "0.05" }, { -13, "-0.13" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parsed); i++)
    {
      gint64 fen = -1;

      if (!wy_money_parse_fen (parsed[i].text, &fen))
        g_error ("“%s” refused", parsed[i].text);
      if (fen != parsed[i].fen)
        g_error ("“%s”: %" G_GINT64_FORMAT " fen, expected %" G_GINT64_FORMAT,
                 parsed[i].text, fen, parsed[i].fen);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gint64 fen = -1;

      if (wy_money_parse_fen (refused[i], &fen))
        g_error ("“%s” taken as %" G_GINT64_FORMAT " fen", refused[i], fen);
    }
  g_assert_false (wy_money_parse_fen (NULL, &(gint64) { 0 }));

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_autofree char *text = wy_money_fen_to_text (shown[i].fen);

      g_assert_cmpstr (text, ==, shown[i].text);
    }
  g_assert_cmpfloat (wy_money_fen_to_yuan (30), ==, 0.3);
}

static gint64
add_funding (WyStore    *store,
             gint64      compound_id,
             const char *amount)
{
  WyRecord *record = wy_record_new (WY_TABLE_FUNDING);

  wy_record_set_int (record, "compound_id", compound_id);
  wy_record_set (record, "source", "residents");
  wy_record_set (record, "amount", amount);
  return wy_test_insert (store, record);
}

static gint64
add_compound (WyStore *store)
{
  gint64 district = wy_test_add_named (store, WY_TABLE_DISTRICT, NULL, 0, "城区");
  gint64 street = wy_test_add_named (store, WY_TABLE_STREET, "district_id", district, "东街道");
  gint64 community = wy_test_add_named (store, WY_TABLE_COMMUNITY, "street_id", street, "一社区");
  WyRecord *compound = wy_record_new (WY_TABLE_COMPOUND);

  wy_record_set_int (compound, "community_id", community);
  wy_record_set (compound, "name", "幸福小区");
  wy_record_set (compound, "category", WY_CATEGORY_THREE_NONE);
  return wy_test_insert (store, compound);
}

static char *
stored_amount (const char *path,
               gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT typeof(amount) || ' ' || amount FROM funding WHERE id = %"
                                          G_GINT64_FORMAT, id);

  return wy_test_sql_text (path, sql);
}

/* The ledger keeps whole fen; records and totals read in yuan as before,
 * and sums are exact. */
static void
test_fen_in_the_ledger (void)
{
  g_autofree char *path = wy_test_tmp_path ("fen.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_create_empty (path, &error);
  g_autoptr(WyRecord) record = wy_record_new (WY_TABLE_FUNDING);
  g_autoptr(WyRecord) read = NULL;
  g_autofree char *stored = NULL;
  gint64 compound, a, b, c;
  double total = -1;
  guint count = 0;

  g_assert_no_error (error);
  compound = add_compound (store);
  a = add_funding (store, compound, "0.1");
  b = add_funding (store, compound, "0.2");

  g_assert_true (wy_store_funding_total_for_compound (store, compound, &total, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpfloat (total, ==, 0.3);   /* not 0.30000000000000004 */

  stored = stored_amount (path, a);
  g_assert_cmpstr (stored, ==, "integer 10");
  read = wy_store_get (store, WY_TABLE_FUNDING, b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wy_record_get (read, "amount"), ==, "0.2");
  g_clear_pointer (&read, wy_record_unref);

  c = add_funding (store, compound, "1.005");
  read = wy_store_get (store, WY_TABLE_FUNDING, c, &error);
  g_assert_cmpstr (wy_record_get (read, "amount"), ==, "1.01");
  g_clear_pointer (&read, wy_record_unref);
  g_clear_pointer (&stored, g_free);
  stored = stored_amount (path, c);
  g_assert_cmpstr (stored, ==, "integer 101");

  /* The same number of fen is no change: nothing is written or audited. */
  g_assert_true (wy_store_update_field (store, WY_TABLE_FUNDING, a, "amount", "0.10000000000000001", &error));
  g_assert_no_error (error);
  g_assert_true (wy_store_update_field (store, WY_TABLE_FUNDING, a, "amount", "1200", &error));
  g_assert_no_error (error);
  read = wy_store_get (store, WY_TABLE_FUNDING, a, &error);
  g_assert_cmpstr (wy_record_get (read, "amount"), ==, "1200.0");
  g_clear_pointer (&read, wy_record_unref);

  /* Undo puts the fen back. */
  g_assert_true (wy_store_undo_last (store, NULL, NULL, &error));
  g_assert_no_error (error);
  read = wy_store_get (store, WY_TABLE_FUNDING, a, &error);
  g_assert_cmpstr (wy_record_get (read, "amount"), ==, "0.1");
  g_clear_pointer (&read, wy_record_unref);

  /* Beyond what fen can count: refused, as a number too large. */
  wy_record_set_int (record, "compound_id", compound);
  wy_record_set (record, "source", "donation");
  wy_record_set (record, "amount", "1e300");
  g_assert_cmpint (wy_store_insert (store, record, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  wy_record_set (record, "amount", "-0.01");
  g_assert_cmpint (wy_store_insert (store, record, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
}

/* A ledger of version 4 kept REAL yuan: opening it converts each amount
 * to fen, half away from zero on the digits SQLite shows. */
static void
test_migration_to_fen (void)
{
  static const struct { double yuan; gint64 fen; const char *shown; } amounts[] = {
    { 0.1, 10, "0.1" }, { 0.2, 20, "0.2" }, { 0.1 + 0.2, 30, "0.3" }, { 1.005, 101, "1.01" },
    { 0.125, 13, "0.13" }, { 1234.5, 123450, "1234.5" }, { 0, 0, "0.0" }, { 88000, 8800000, "88000.0" },
  };
  g_autofree char *path = wy_test_tmp_path ("v4.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  const WyMigration *migrations;
  guint n_migrations;
  sqlite3 *db = NULL;
  double total = -1;
  guint count = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  migrations = wy_store_migrations (&n_migrations);
  for (guint i = 0; i < n_migrations && migrations[i].version <= 4; i++)
    g_assert_cmpint (sqlite3_exec (db, migrations[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA application_id = 1465480497; PRAGMA user_version = 4;"
                                 "INSERT INTO district VALUES (1, 'd1', '2024-01-01', '2024-01-01', '城区');"
                                 "INSERT INTO street VALUES (1, 's1', '2024-01-01', '2024-01-01', 1, '东街道');"
                                 "INSERT INTO community VALUES (1, 'c1', '2024-01-01', '2024-01-01', 1, '一社区');"
                                 "INSERT INTO compound (id, uuid, created_at, updated_at, community_id, name, category)"
                                 " VALUES (1, 'p1', '2024-01-01', '2024-01-01', 1, '幸福小区', 'three_none');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db,
                                           "INSERT INTO funding (id, uuid, created_at, updated_at, compound_id, source, amount)"
                                           " VALUES (?1, 'f' || ?1, '2024-01-01', '2024-01-01', 1, 'fiscal', ?2)",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_int (stmt, 1, (int) i + 1);
      sqlite3_bind_double (stmt, 2, amounts[i].yuan);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  g_assert_cmpint (WY_APPLICATION_ID, ==, 1465480497);

  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_get_schema_version (store), ==, WY_SCHEMA_VERSION);
  g_assert_nonnull (wy_store_get_backup_path (store));

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *stored = stored_amount (path, i + 1);
      g_autofree char *expected = g_strdup_printf ("integer %" G_GINT64_FORMAT, amounts[i].fen);
      g_autoptr(WyRecord) read = wy_store_get (store, WY_TABLE_FUNDING, i + 1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, expected);
      g_assert_cmpstr (wy_record_get (read, "amount"), ==, amounts[i].shown);
    }

  g_assert_true (wy_store_funding_total_for_compound (store, 1, &total, &count, &error));
  g_assert_cmpuint (count, ==, G_N_ELEMENTS (amounts));
  g_assert_cmpfloat (total, ==, 89236.24);

  /* The table is whole again: its index, its foreign key, its checks. */
  {
    g_autofree char *index = wy_test_sql_text (path, "SELECT name FROM pragma_index_list('funding') WHERE name = 'funding_compound'");
    g_autofree char *fk = wy_test_sql_text (path, "SELECT \"table\" FROM pragma_foreign_key_list('funding')");

    g_assert_cmpstr (index, ==, "funding_compound");
    g_assert_cmpstr (fk, ==, "compound");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/funding/totals-by-community", test_totals_by_community);
  g_test_add_func ("/funding/total-for-compound", test_total_for_compound);
  g_test_add_func ("/funding/fen-rounding", test_fen_rounding);
  g_test_add_func ("/funding/fen-in-the-ledger", test_fen_in_the_ledger);
  g_test_add_func ("/funding/migration-to-fen", test_migration_to_fen);

  return g_test_run ();
}
