/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <wuyou/wuyou.h>

G_BEGIN_DECLS

/* Text columns the list sorts by. */
typedef enum {
  WY_COMPOUND_KEY_NAME,
  WY_COMPOUND_KEY_COMMUNITY,
  WY_COMPOUND_KEY_CATEGORY,
  WY_COMPOUND_KEY_GOVERNANCE_MODE,
  WY_COMPOUND_N_KEYS
} WyCompoundKey;

#define WY_TYPE_COMPOUND_ITEM (wy_compound_item_get_type ())
G_DECLARE_FINAL_TYPE (WyCompoundItem, wy_compound_item, WY, COMPOUND_ITEM, GObject)

/* One line of the compound list. Takes ownership of row. Everything the
 * cells show and the sorters compare is computed here, once, so that
 * scrolling and sorting 50,000 rows does no work per frame. */
WyCompoundItem *wy_compound_item_new                  (WyCompoundRow  *row,
                                                       const GDate    *today,
                                                       guint           warning_days);

gint64          wy_compound_item_get_id               (WyCompoundItem *self);
const char     *wy_compound_item_get_name             (WyCompoundItem *self);
const char     *wy_compound_item_get_community        (WyCompoundItem *self);
const char     *wy_compound_item_get_category_label   (WyCompoundItem *self);
gboolean        wy_compound_item_get_pilot            (WyCompoundItem *self);
const char     *wy_compound_item_get_governance_mode  (WyCompoundItem *self);
gint64          wy_compound_item_get_households       (WyCompoundItem *self);
const char     *wy_compound_item_get_households_text  (WyCompoundItem *self);
const char     *wy_compound_item_get_targets_text     (WyCompoundItem *self);
double          wy_compound_item_get_targets_ratio    (WyCompoundItem *self);
guint           wy_compound_item_get_open_problems    (WyCompoundItem *self);
const char     *wy_compound_item_get_open_problems_text (WyCompoundItem *self);
const char     *wy_compound_item_get_nearest_deadline (WyCompoundItem *self);
WyLight         wy_compound_item_get_deadline_light   (WyCompoundItem *self);
/* The collation key (g_utf8_collate_key: pinyin order under zh_CN) of a
 * text column, made on first use and kept, so sorting 50,000 rows again
 * only compares bytes. */
const char     *wy_compound_item_get_sort_key         (WyCompoundItem *self,
                                                       WyCompoundKey   key);

G_END_DECLS
