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
 * cells show and the sorters compare is computed here, once (the texts of
 * the cells when first asked for), so that scrolling and sorting 50,000
 * rows does no work per frame. Emits "changed" after
 * wy_compound_item_update(). */
WyCompoundItem *wy_compound_item_new                  (WyCompoundRow  *row,
                                                       const GDate    *today,
                                                       guint           warning_days);
/* Takes the place of the item's row (after an edit): the item object stays
 * the same, so a selection of it is kept. Takes ownership of row. */
void            wy_compound_item_update               (WyCompoundItem *self,
                                                       WyCompoundRow  *row,
                                                       const GDate    *today,
                                                       guint           warning_days);

gint64          wy_compound_item_get_id               (WyCompoundItem *self);
/* The row the item was made from (owned by the item). */
const WyCompoundRow *wy_compound_item_get_row         (WyCompoundItem *self);
gint64          wy_compound_item_get_community_id     (WyCompoundItem *self);
gint64          wy_compound_item_get_street_id        (WyCompoundItem *self);
gint64          wy_compound_item_get_governance_mode_id (WyCompoundItem *self);
/* WY_CATEGORY_SELF_MANAGED or WY_CATEGORY_THREE_NONE */
const char     *wy_compound_item_get_category         (WyCompoundItem *self);
/* Every active target met. */
gboolean        wy_compound_item_get_attained         (WyCompoundItem *self);
/* Casefolded "name\naddress". */
const char     *wy_compound_item_get_search_key       (WyCompoundItem *self);
/* What search-as-you-type asks: whether the casefolded needle occurs in
 * the casefolded name or address (NULL matches everything). */
gboolean        wy_compound_item_matches              (WyCompoundItem *self,
                                                       const char     *needle);
/* "●●◐○○ 3/5": met, in progress, not met, then the count met. */
const char     *wy_compound_item_get_target_marks_text (WyCompoundItem *self);
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
