/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "wy-store.h"

G_BEGIN_DECLS

/* The headline figures of the Overview page and of meeting mode's first
 * screen. Computed with SQL aggregates (a 50,000-compound ledger answers
 * without loading its rows), with the light boundaries of
 * wy_light_compute(): overdue before today, due soon from today up to and
 * including today + warning_days. */

/* Where today falls in the plan's phases (实施步骤). */
typedef enum {
  WY_PLAN_NO_PHASES,    /* no phase has both dates */
  WY_PLAN_BEFORE,       /* before the first phase starts */
  WY_PLAN_IN_PHASE,     /* inside a phase (the first by number when they overlap) */
  WY_PLAN_BETWEEN,      /* after the start, before the end, in no phase */
  WY_PLAN_AFTER,        /* after the last phase ended */
} WyPlanPosition;

typedef struct {
  guint           compounds;
  guint           pilots;
  guint           attained;               /* every active target met */
  double          attained_rate;          /* attained / compounds; 0 without compounds */
  guint           problems_open;          /* not signed off */
  guint           problems_overdue;       /* red */
  guint           problems_due_soon;      /* yellow */
  guint           problems_no_deadline;   /* open with no deadline (an older ledger's): never red */
  guint           signed_off_this_month;  /* sign-off date from the 1st of today's month to today */

  /* The plan is the whole ledger's: the place filters do not apply. */
  WyPlanPosition  plan_position;
  gint64          phase_id;               /* WY_PLAN_IN_PHASE: the phase; else 0 */
  guint           phase_number;           /* its position by ordinal, from 1 */
  char           *phase_name;
  GDate           phase_end;
  int             phase_days_left;        /* to its end day: 0 on the end day */
  GDate           plan_date;              /* BEFORE: the first start; AFTER: the last end */
  int             plan_days;              /* BEFORE: days until it; AFTER: days since it */
} WyOverview;

/* Fills out (clear it afterwards with wy_overview_clear()). street_id and
 * community_id narrow the compound and problem figures to one street
 * office or community; 0 = all. */
gboolean  wy_store_get_overview  (WyStore       *self,
                                  const GDate   *today,
                                  guint          warning_days,
                                  gint64         street_id,
                                  gint64         community_id,
                                  WyOverview    *out,
                                  GError       **error);
void      wy_overview_clear      (WyOverview    *overview);

G_END_DECLS
