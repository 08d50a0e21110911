/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The status light (亮灯) of anything with a deadline: problems, tasks,
 * milestones and assistance terms all use this one rule. */
typedef enum {
  WY_LIGHT_NONE,      /* no deadline set */
  WY_LIGHT_GREEN,     /* on schedule: due later than the warning window */
  WY_LIGHT_YELLOW,    /* due today or within the warning window */
  WY_LIGHT_RED,       /* deadline passed and not done */
  WY_LIGHT_DONE,      /* finished; never coloured as late */
} WyLight;

#define WY_DEFAULT_WARNING_DAYS 7

WyLight      wy_light_compute      (const GDate *deadline,
                                    gboolean     done,
                                    const GDate *today,
                                    guint        warning_days);
WyLight      wy_light_compute_iso  (const char  *deadline_iso,
                                    gboolean     done,
                                    const GDate *today,
                                    guint        warning_days);
const char  *wy_light_to_code      (WyLight      light);
const char  *wy_light_to_label     (WyLight      light);

G_END_DECLS
