/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are kept as ISO "YYYY-MM-DD" text in the ledger and as GDate in
 * memory. Nothing in the core asks the clock: callers pass "today". */

gboolean  wy_date_parse           (const char  *iso,
                                   GDate       *out);
gboolean  wy_date_is_valid_iso    (const char  *iso);
char     *wy_date_to_iso          (const GDate *date);
void      wy_date_set_month_end   (GDate       *out,
                                   int          year,
                                   int          month);
int       wy_date_days_between    (const GDate *from,
                                   const GDate *to);
char     *wy_date_iso_add_days    (const char  *iso,
                                   int          days);
/* The application's today: wy_clock_get_today() (wy-clock.h). */
void      wy_date_set_today       (GDate       *out);
char     *wy_date_now_timestamp   (void);

G_END_DECLS
