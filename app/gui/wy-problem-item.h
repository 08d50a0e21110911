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

#define WY_TYPE_PROBLEM_ITEM (wy_problem_item_get_type ())
G_DECLARE_FINAL_TYPE (WyProblemItem, wy_problem_item, WY, PROBLEM_ITEM, GObject)

/* One line of the problem list. Takes ownership of row. The light, the
 * labels and the search key are computed here, once; collation keys on
 * first use. */
WyProblemItem      *wy_problem_item_new                (WyProblemRow  *row,
                                                        const GDate   *today,
                                                        guint          warning_days);

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

G_END_DECLS
