/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <wuyou/wuyou.h>

G_BEGIN_DECLS

/* Text columns the problem list sorts by. */
typedef enum {
  WY_PROBLEM_KEY_COMPOUND,
  WY_PROBLEM_KEY_COMMUNITY,
  WY_PROBLEM_KEY_CATEGORY,
  WY_PROBLEM_KEY_DESCRIPTION,
  WY_PROBLEM_KEY_RESPONSIBLE_UNIT,
  WY_PROBLEM_N_KEYS
} WyProblemKey;

/* The columns the problem list sorts by, in the list's order. */
typedef enum {
  WY_PROBLEM_SORT_LIGHT,
  WY_PROBLEM_SORT_COMPOUND,
  WY_PROBLEM_SORT_COMMUNITY,
  WY_PROBLEM_SORT_CATEGORY,
  WY_PROBLEM_SORT_DESCRIPTION,
  WY_PROBLEM_SORT_RESPONSIBLE_UNIT,
  WY_PROBLEM_SORT_DEADLINE,
  WY_PROBLEM_SORT_STATUS,
  WY_PROBLEM_N_SORTS
} WyProblemSort;

/* Collation keys and casefolded texts shared between items: a large
 * ledger repeats the same community, unit, category and description
 * thousands of times, so each is computed and stored once. Used by one
 * thread at a time. */
typedef struct _WyProblemKeyCache WyProblemKeyCache;

WyProblemKeyCache  *wy_problem_key_cache_new           (void);
void                wy_problem_key_cache_free          (WyProblemKeyCache *cache);

#define WY_TYPE_PROBLEM_ITEM (wy_problem_item_get_type ())
G_DECLARE_FINAL_TYPE (WyProblemItem, wy_problem_item, WY, PROBLEM_ITEM, GObject)

/* One line of the problem list. Takes ownership of row. The light, the
 * labels and the search key are computed here, once; collation keys on
 * first use. */
WyProblemItem      *wy_problem_item_new                (WyProblemRow  *row,
                                                        const GDate   *today,
                                                        guint          warning_days);
/* The same with every sort key computed now, through cache. Touches
 * nothing of GTK: a loading thread makes its items with it. */
WyProblemItem      *wy_problem_item_new_with_keys      (WyProblemRow      *row,
                                                        const GDate       *today,
                                                        guint              warning_days,
                                                        WyProblemKeyCache *cache);

const WyProblemRow *wy_problem_item_get_row            (WyProblemItem *self);
gint64              wy_problem_item_get_id             (WyProblemItem *self);
WyLight             wy_problem_item_get_light          (WyProblemItem *self);
const char         *wy_problem_item_get_light_label    (WyProblemItem *self);
const char         *wy_problem_item_get_category_label (WyProblemItem *self);
const char         *wy_problem_item_get_status_label   (WyProblemItem *self);
/* Position of the status in the workflow (pending 0 … signed off 3). */
guint               wy_problem_item_get_status_rank    (WyProblemItem *self);
/* Casefolded description, compound, responsible unit and person. */
const char         *wy_problem_item_get_search_key     (WyProblemItem *self);
const char         *wy_problem_item_get_sort_key       (WyProblemItem *self,
                                                        WyProblemKey   key);
/* Orders two items by one column (< 0, 0, > 0), ascending: lights from
 * the most urgent, items without a deadline after the dated ones,
 * statuses in workflow order, texts by collation. */
int                 wy_problem_item_compare            (WyProblemItem *a,
                                                        WyProblemItem *b,
                                                        WyProblemSort  by);

/* Sorts items (of WyProblemItem) by n_columns columns, the first the
 * most significant, each ascending or descending, and the rest by id: the
 * order wy_problem_item_compare() gives, column by column. Each item's
 * place in a column is first reduced to a number, so the sort compares
 * numbers in one array instead of following pointers to strings: on
 * 200,000 items that is several times faster. Any thread. */
void                wy_problem_items_sort              (GPtrArray           *items,
                                                        const WyProblemSort *columns,
                                                        const gboolean      *descending,
                                                        guint                n_columns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyProblemKeyCache, wy_problem_key_cache_free)

G_END_DECLS
