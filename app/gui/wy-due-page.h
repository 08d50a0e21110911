/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>
#include <wuyou/wy-due.h>

G_BEGIN_DECLS

#define WY_TYPE_DUE_PAGE (wy_due_page_get_type ())
G_DECLARE_FINAL_TYPE (WyDuePage, wy_due_page, WY, DUE_PAGE, GtkWidget)

/* "Due": everything overdue, due today and due this week — problems,
 * tasks, milestones, assistance terms — as three figures and a list
 * grouped by responsible unit or by community.
 *
 * Signals:
 *   "open-item" (int kind, gint64 id): a row was activated; kind is a
 *   WyDueKind, id the problem, task, milestone or assistance_unit id. */
WyDuePage     *wy_due_page_new            (WyStore       *store);

/* Reads the ledger now (the page reads it itself when shown, and again
 * after edits; call it after the warning window changed). */
void           wy_due_page_reload         (WyDuePage     *self);
/* "Today" (default: the clock), for tests. Reloads. */
void           wy_due_page_set_today      (WyDuePage     *self,
                                           const GDate   *today);
void           wy_due_page_set_grouping   (WyDuePage     *self,
                                           WyDueGrouping  grouping);
WyDueGrouping  wy_due_page_get_grouping   (WyDuePage     *self);

/* The figures at the top: items in a bucket, all of them counted. */
guint          wy_due_page_get_count      (WyDuePage     *self,
                                           WyDueBucket    bucket);
/* The lines of the list, for tests: group headers and items, in order. */
typedef enum {
  WY_DUE_ROW_GROUP,
  WY_DUE_ROW_ITEM,
} WyDueRowKind;

GListModel    *wy_due_page_get_rows       (WyDuePage     *self);
/* Whether the items are being read (in a thread: when the page is first
 * shown it says "Loading…" meanwhile, after an edit it keeps the list it
 * has until the new items are in). */
gboolean       wy_due_page_is_loading     (WyDuePage     *self);
/* "N open rectification items have no deadline…" beside the grouping
 * switch, or NULL when every open item has one. */
const char    *wy_due_page_get_no_deadline_text (WyDuePage *self);
GtkListView   *wy_due_page_get_list_view  (WyDuePage     *self);
WyDueRowKind   wy_due_page_row_get_kind   (gpointer       row);
/* A header's text: "name (total): N overdue, N due today, N due this week". */
const char    *wy_due_page_row_get_text   (gpointer       row);
/* An item row's item (NULL for headers). */
const WyDueItem *wy_due_page_row_get_item (gpointer       row);

G_END_DECLS
