/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-test-util.h"

static void
test_parse_valid (void)
{
  GDate date;

  g_assert_true (wy_date_parse ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
}

static void
test_parse_invalid (void)
{
  const char *bad[] = {
    NULL, "", "2023-02-29", "2022-13-01", "2022-00-10", "2022-01-32",
    "2022-1-01", "22-01-01", "2022/01/01", "2022-01-01x", " 2022-01-01",
    "abcd-ef-gh", "2022-01-0a", "0000-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (wy_date_is_valid_iso (bad[i]));
}

static void
test_round_trip (void)
{
  GDate date;
  g_autofree char *iso = NULL;

  wy_test_date (&date, "2022-08-31");
  iso = wy_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2022-08-31");
}

static void
test_month_end (void)
{
  GDate date;
  g_autofree char *feb_leap = NULL;
  g_autofree char *feb = NULL;
  g_autofree char *dec = NULL;

  wy_date_set_month_end (&date, 2024, 2);
  feb_leap = wy_date_to_iso (&date);
  wy_date_set_month_end (&date, 2023, 2);
  feb = wy_date_to_iso (&date);
  wy_date_set_month_end (&date, 2022, 12);
  dec = wy_date_to_iso (&date);

  g_assert_cmpstr (feb_leap, ==, "2024-02-29");
  g_assert_cmpstr (feb, ==, "2023-02-28");
  g_assert_cmpstr (dec, ==, "2022-12-31");
}

static void
test_add_days (void)
{
  g_autofree char *next_year = wy_date_iso_add_days ("2022-12-31", 1);
  g_autofree char *leap = wy_date_iso_add_days ("2024-03-01", -1);
  g_autofree char *bad = wy_date_iso_add_days ("2022-02-30", 1);
  GDate a, b;

  g_assert_cmpstr (next_year, ==, "2023-01-01");
  g_assert_cmpstr (leap, ==, "2024-02-29");
  g_assert_null (bad);

  wy_test_date (&a, "2022-07-01");
  wy_test_date (&b, "2023-07-01");
  g_assert_cmpint (wy_date_days_between (&a, &b), ==, 365);
  g_assert_cmpint (wy_date_days_between (&b, &a), ==, -365);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse-valid", test_parse_valid);
  g_test_add_func ("/date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/date/round-trip", test_round_trip);
  g_test_add_func ("/date/month-end", test_month_end);
  g_test_add_func ("/date/add-days", test_add_days);

  return g_test_run ();
}
