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

/* The plan's texts (targets, governance modes, tasks, phases, milestones)
 * are stored in the language of whoever created the ledger. A text still
 * as the template wrote it in English (the msgid) reads in the reader's
 * language; anything else, Chinese included, reads as stored. Safe from
 * any thread. */
const char *wy_plan_text_localize   (const char   *stored);
/* The same text in the plan's own Chinese words, for the official forms
 * (台账), which are Chinese whatever the interface language. */
const char *wy_plan_text_official   (const char   *stored);

G_END_DECLS
