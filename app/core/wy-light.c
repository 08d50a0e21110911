/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-light.h"

/* The boundaries, which the SQL fragments of wy-store-sql.h repeat for
 * every query of the store (the SQL twins in test-stats and test-light):
 * red when the deadline is before today; yellow from today up to and
 * including today + warning_days; green after that. */
WyLight
wy_light_compute (const GDate *deadline,
                  gboolean     done,
                  const GDate *today,
                  guint        warning_days)
{
  int days_left;

  if (done)
    return WY_LIGHT_DONE;
  if (deadline == NULL || !g_date_valid (deadline))
    return WY_LIGHT_NONE;

  days_left = g_date_days_between (today, deadline);
  if (days_left < 0)
    return WY_LIGHT_RED;
  if (days_left <= (int) warning_days)
    return WY_LIGHT_YELLOW;
  return WY_LIGHT_GREEN;
}

WyLight
wy_light_compute_iso (const char  *deadline_iso,
                      gboolean     done,
                      const GDate *today,
                      guint        warning_days)
{
  GDate deadline;

  if (!wy_date_parse (deadline_iso, &deadline))
    return wy_light_compute (NULL, done, today, warning_days);

  return wy_light_compute (&deadline, done, today, warning_days);
}

const char *
wy_light_to_code (WyLight light)
{
  switch (light)
    {
    case WY_LIGHT_NONE:   return "none";
    case WY_LIGHT_GREEN:  return "green";
    case WY_LIGHT_YELLOW: return "yellow";
    case WY_LIGHT_RED:    return "red";
    case WY_LIGHT_DONE:   return "done";
    default:              g_return_val_if_reached ("none");
    }
}

const char *
wy_light_to_label (WyLight light)
{
  switch (light)
    {
    case WY_LIGHT_NONE:   return _("No deadline");
    case WY_LIGHT_GREEN:  return _("On schedule");
    case WY_LIGHT_YELLOW: return _("Due soon");
    case WY_LIGHT_RED:    return _("Overdue");
    case WY_LIGHT_DONE:   return _("Done");
    default:              g_return_val_if_reached ("");
    }
}
