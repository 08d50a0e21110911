/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-store.h"

G_BEGIN_DECLS

/* The source plan's own start (the plan was issued in July 2022). */
#define WY_PLAN_DEFAULT_START_YEAR  2022
#define WY_PLAN_DEFAULT_START_MONTH 7
#define WY_PLAN_DEFAULT_START_DAY   1

void      wy_plan_default_start     (GDate        *out);
/* Seven tasks, four phases with milestones, the five targets and three
 * governance modes, dated from plan_start (NULL: the default start). */
gboolean  wy_plan_template_apply    (WyStore      *store,
                                     const GDate  *plan_start,
                                     GError      **error);

G_END_DECLS
