/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "wuyou/wy-clock.h"
#include "wuyou/wy-date.h"

gboolean
wy_date_parse (const char *iso,
               GDate      *out)
{
  unsigned year, month, day;
  int consumed = 0;

  g_date_clear (out, 1);

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  if (sscanf (iso, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3 || consumed != 10)
    return FALSE;
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
wy_date_is_valid_iso (const char *iso)
{
  GDate date;

  return wy_date_parse (iso, &date);
}

char *
wy_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (unsigned) g_date_get_year (date),
                          (unsigned) g_date_get_month (date),
                          (unsigned) g_date_get_day (date));
}

void
wy_date_set_month_end (GDate *out,
                       int    year,
                       int    month)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year),
                  (GDateMonth) month, (GDateYear) year);
}

int
wy_date_days_between (const GDate *from,
                      const GDate *to)
{
  return g_date_days_between (from, to);
}

char *
wy_date_iso_add_days (const char *iso,
                      int         days)
{
  GDate date;

  if (!wy_date_parse (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);

  return wy_date_to_iso (&date);
}

void
wy_date_set_today (GDate *out)
{
  wy_clock_get_today (out);
}

char *
wy_date_now_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
