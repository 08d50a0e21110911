/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The application's clock: the one place that asks what day it is. The
 * core's rules take "today" as a parameter; the application asks
 * wy_clock_get_today() and passes the answer on.
 *
 * Tests fix the day: wy_clock_set_fixed() in the test's own process, or
 * the environment variable WUYOU_TEST_TODAY=YYYY-MM-DD for a program the
 * test starts (the command line, a second window). A day fixed in the
 * process wins over the variable; an invalid variable is ignored with a
 * warning. Safe to call from any thread. */

#define WY_CLOCK_TEST_TODAY_ENV "WUYOU_TEST_TODAY"

void      wy_clock_get_today      (GDate       *out);
char     *wy_clock_get_today_iso  (void);
/* NULL: follow the real clock (or the variable) again. */
void      wy_clock_set_fixed      (const GDate *today);
gboolean  wy_clock_is_fixed       (void);

G_END_DECLS
