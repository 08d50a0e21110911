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

static gboolean
is_real_today (const GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate before, after;

  /* Either side of a midnight passing while the test runs. */
  g_date_clear (&before, 1);
  g_date_set_dmy (&before, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  after = before;
  g_date_subtract_days (&before, 1);
  return g_date_compare (date, &before) >= 0 && g_date_compare (date, &after) <= 0;
}

/* The application's clock: real by default, fixed by a test in the
 * process (over the variable), or by WUYOU_TEST_TODAY for a child. */
static void
test_clock (void)
{
  g_autofree char *iso = NULL;
  GDate fixed, today;

  g_unsetenv (WY_CLOCK_TEST_TODAY_ENV);
  g_assert_false (wy_clock_is_fixed ());
  wy_clock_get_today (&today);
  g_assert_true (is_real_today (&today));

  wy_test_date (&fixed, "2028-02-29");
  wy_clock_set_fixed (&fixed);
  g_assert_true (wy_clock_is_fixed ());
  wy_clock_get_today (&today);
  g_assert_cmpint (g_date_compare (&today, &fixed), ==, 0);
  /* Every older caller asks the same clock. */
  wy_date_set_today (&today);
  g_assert_cmpint (g_date_compare (&today, &fixed), ==, 0);
  iso = wy_clock_get_today_iso ();
  g_assert_cmpstr (iso, ==, "2028-02-29");
  g_clear_pointer (&iso, g_free);

  g_setenv (WY_CLOCK_TEST_TODAY_ENV, "2026-12-31", TRUE);
  iso = wy_clock_get_today_iso ();
  g_assert_cmpstr (iso, ==, "2028-02-29");
  g_clear_pointer (&iso, g_free);

  wy_clock_set_fixed (NULL);
  g_assert_false (wy_clock_is_fixed ());
  iso = wy_clock_get_today_iso ();
  g_assert_cmpstr (iso, ==, "2026-12-31");
  g_clear_pointer (&iso, g_free);

  g_unsetenv (WY_CLOCK_TEST_TODAY_ENV);
  wy_clock_get_today (&today);
  g_assert_true (is_real_today (&today));
}

/* A variable that names no date is not followed, and says so. */
static void
test_clock_bad_variable (void)
{
  if (g_test_subprocess ())
    {
      GDate today;

      g_log_set_always_fatal (G_LOG_FATAL_MASK);   /* the warning is expected */
      g_setenv (WY_CLOCK_TEST_TODAY_ENV, "2026-02-30", TRUE);
      wy_clock_get_today (&today);
      g_assert_true (is_real_today (&today));
      wy_clock_get_today (&today);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*WUYOU_TEST_TODAY=2026-02-30 is not a date*");
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
  g_test_add_func ("/date/clock", test_clock);
  g_test_add_func ("/date/clock-bad-variable", test_clock_bad_variable);

  return g_test_run ();
}
