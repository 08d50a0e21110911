/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-clock"

#include "config.h"

#include "wuyou/wy-clock.h"
#include "wuyou/wy-date.h"

static GMutex   clock_lock;
static GDate    fixed_today;
static gboolean fixed;

/* The day WUYOU_TEST_TODAY names, if it names one. */
static gboolean
read_test_today (GDate *out)
{
  static gint warned;
  const char *value = g_getenv (WY_CLOCK_TEST_TODAY_ENV);

  if (value == NULL || value[0] == '\0')
    return FALSE;
  if (wy_date_parse (value, out))
    return TRUE;

  if (g_atomic_int_compare_and_exchange (&warned, FALSE, TRUE))
    g_warning ("%s=%s is not a date (YYYY-MM-DD); following the real clock",
               WY_CLOCK_TEST_TODAY_ENV, value);
  return FALSE;
}

static void
read_real_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

void
wy_clock_get_today (GDate *out)
{
  gboolean is_fixed;

  g_return_if_fail (out != NULL);

  g_mutex_lock (&clock_lock);
  is_fixed = fixed;
  if (is_fixed)
    *out = fixed_today;
  g_mutex_unlock (&clock_lock);

  if (!is_fixed && !read_test_today (out))
    read_real_today (out);
}

char *
wy_clock_get_today_iso (void)
{
  GDate today;

  wy_clock_get_today (&today);
  return wy_date_to_iso (&today);
}

void
wy_clock_set_fixed (const GDate *today)
{
  g_return_if_fail (today == NULL || g_date_valid (today));

  g_mutex_lock (&clock_lock);
  fixed = today != NULL;
  if (today != NULL)
    fixed_today = *today;
  g_mutex_unlock (&clock_lock);
}

gboolean
wy_clock_is_fixed (void)
{
  gboolean is_fixed;

  g_mutex_lock (&clock_lock);
  is_fixed = fixed;
  g_mutex_unlock (&clock_lock);

  return is_fixed;
}
