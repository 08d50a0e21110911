/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <wuyou/wuyou.h>
#include <wuyou/wy-funding.h>

#include "wy-test-util.h"

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/funding/totals-by-community", test_totals_by_community);
  g_test_add_func ("/funding/total-for-compound", test_total_for_compound);

  return g_test_run ();
}
