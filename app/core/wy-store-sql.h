/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wuyou/wy-schema.h"

/* The domain's rules as SQL, in one place: what "open" and "signed off"
 * mean for a rectification item, what "not done" means for a task, and
 * the boundaries of the status light. Every query of the store pastes
 * these fragments (they are string literals, joined at compile time), so
 * the text SQLite sees is the same in every query: the partial indexes
 * problem_open_deadline and problem_open_by_compound (WHERE status <>
 * 'signed_off') are used only when a query repeats their WHERE clause.
 *
 * The light (wy_light_compute() in wy-light.c, tested against these in
 * test-stats and test-light): for a deadline d, today t and limit l =
 * today + warning_days,
 *   red     d < t
 *   yellow  t <= d <= l
 *   green   d > l
 *   none    d IS NULL
 * and an item that is done (signed off) has no light of these.
 *
 * p is the table's alias with its dot ("p.") or "" for none; d a column;
 * t and l parameters (?1, :today). */

#define WY_SQL_PROBLEM_OPEN(p)        p "status <> '" WY_PROBLEM_SIGNED_OFF "'"
#define WY_SQL_PROBLEM_SIGNED_OFF(p)  p "status = '" WY_PROBLEM_SIGNED_OFF "'"
#define WY_SQL_TASK_OPEN(p)           p "status <> '" WY_TASK_DONE "'"

#define WY_SQL_LIGHT_RED(d, t)        d " < " t
#define WY_SQL_LIGHT_YELLOW(d, t, l)  d " >= " t " AND " d " <= " l
#define WY_SQL_LIGHT_GREEN(d, l)      d " > " l
#define WY_SQL_LIGHT_NONE(d)          d " IS NULL"
