/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-light.h"
#include "wy-store.h"

G_BEGIN_DECLS

/* The supervisor's morning question: what is overdue, due today and due
 * this week, over problems, tasks, milestones and assistance terms. */

typedef enum {
  WY_DUE_KIND_PROBLEM,
  WY_DUE_KIND_TASK,
  WY_DUE_KIND_MILESTONE,
  WY_DUE_KIND_TERM,       /* an assistance unit's term (its end date) */
} WyDueKind;

#define WY_DUE_N_KINDS 4

typedef enum {
  WY_DUE_OVERDUE,         /* deadline < today */
  WY_DUE_TODAY,           /* deadline = today */
  WY_DUE_THIS_WEEK,       /* today < deadline <= today + horizon_days */
} WyDueBucket;

#define WY_DUE_N_BUCKETS 3
#define WY_DUE_DEFAULT_HORIZON_DAYS 7

typedef struct {
  WyDueKind    kind;
  gint64       id;            /* problem, task, milestone or assistance_unit id */
  char        *title;         /* description / title / name / unit name */
  char        *deadline;      /* ISO */
  WyLight      light;         /* wy_light_compute_iso() with warning_days */
  WyDueBucket  bucket;
  char        *responsible;   /* responsible unit / lead units / phase / unit; "" when none */
  char        *community;     /* problem's compound's, term's paired; "" when none */
  gint64       community_id;  /* 0 when none */
  char        *street;        /* the community's street office; "" when none */
  char        *compound;      /* problems only; "" otherwise */
} WyDueItem;

void        wy_due_item_free            (WyDueItem    *item);

/* Everything not done whose deadline is on or before today + horizon_days
 * (overdue items however old), sorted by deadline, then kind, then id.
 * Done items (signed-off problems, done tasks and milestones, closed
 * terms) are never listed. One query per kind, filtered in SQL. */
GPtrArray  *wy_store_list_due           (WyStore      *store,
                                         const GDate  *today,
                                         guint         warning_days,
                                         guint         horizon_days,
                                         GError      **error);

/* Open rectification items with no deadline (an older ledger's; a new
 * item needs one): never due, so never in the list above, and counted
 * apart where the due items are shown. */
gboolean    wy_store_count_without_deadline (WyStore   *store,
                                             guint     *out,
                                             GError   **error);

/* What is still to do by a date (a phase's end): items not done whose
 * deadline is on or before until, overdue ones included, into
 * counts[WY_DUE_N_KINDS] by WyDueKind. */
gboolean    wy_store_count_due_until    (WyStore      *store,
                                         const GDate  *until,
                                         guint        *counts,
                                         GError      **error);

/* Red items (deadline before today, not done) over all four kinds. */
guint       wy_store_count_overdue      (WyStore      *store,
                                         const GDate  *today,
                                         GError      **error);

/* "Since last time": how many items became overdue since the day the
 * ledger was last looked at — items not done whose deadline is on or after
 * the stored last-seen date and before today (their deadline passed in
 * between). 0 on the first run, or when the last look was today. Stores
 * today's date and overdue count (WY_SETTING_LAST_SEEN_DATE,
 * WY_SETTING_LAST_OVERDUE_COUNT) for next time. */
#define WY_SETTING_LAST_SEEN_DATE     "last_seen_date"
#define WY_SETTING_LAST_OVERDUE_COUNT "last_overdue_count"
gboolean    wy_due_check_new_overdue    (WyStore      *store,
                                         const GDate  *today,
                                         guint        *newly_overdue,
                                         GError      **error);

typedef enum {
  WY_DUE_BY_UNIT,         /* the responsible unit */
  WY_DUE_BY_COMMUNITY,
} WyDueGrouping;

typedef struct {
  char      *name;                       /* "" for items without one; a community
                                            whose name another street's shares
                                            is "street · community" */
  guint      counts[WY_DUE_N_BUCKETS];
  guint      total;
  GPtrArray *items;                      /* borrowed WyDueItem*, by deadline */
} WyDueGroup;

void        wy_due_group_free           (WyDueGroup   *group);
/* The items in groups: most overdue first, then most items, then by name;
 * the group without a name last. Items keep their order. The groups
 * borrow the items: keep the array alive while they are used. */
GPtrArray  *wy_due_group_items          (GPtrArray    *items,
                                         WyDueGrouping grouping);
/* Items per bucket, into counts[WY_DUE_N_BUCKETS]. */
void        wy_due_count_buckets        (GPtrArray    *items,
                                         guint        *counts);

const char *wy_due_kind_to_label        (WyDueKind     kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyDueItem, wy_due_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyDueGroup, wy_due_group_free)

G_END_DECLS
