/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wy-compound-item.h"
#include "wy-compounds-page.h"

G_BEGIN_DECLS

/* Whether an item passes the page's filters and search. */
typedef gboolean (*WyCompoundMatchFunc) (WyCompoundItem *item,
                                         gpointer        user_data);

#define WY_TYPE_COMPOUND_LIST_MODEL (wy_compound_list_model_get_type ())
G_DECLARE_FINAL_TYPE (WyCompoundListModel, wy_compound_list_model, WY, COMPOUND_LIST_MODEL, GObject)

/* The compounds the list shows: a GListModel of WyCompoundItem, sorted by
 * one column and filtered by a match function. It takes the place of a
 * GtkSortListModel under a GtkFilterListModel: both live in plain arrays,
 * a sort is one pass of a merge sort over keys read once, a filter one
 * pass over the sorted items, and a change is announced as one
 * items-changed covering only the positions between the unchanged start
 * and end of the list (so rows that stay in place keep their widgets). */
WyCompoundListModel *wy_compound_list_model_new            (void);
void            wy_compound_list_model_set_match_func      (WyCompoundListModel *self,
                                                            WyCompoundMatchFunc  func,
                                                            gpointer             user_data);
/* Replaces every item (in store order; the model takes a reference). */
void            wy_compound_list_model_set_items           (WyCompoundListModel *self,
                                                            gpointer            *items,
                                                            guint                n_items);
void            wy_compound_list_model_add                 (WyCompoundListModel *self,
                                                            WyCompoundItem      *item);
void            wy_compound_list_model_remove              (WyCompoundListModel *self,
                                                            WyCompoundItem      *item);
/* After wy_compound_item_update(): the item may sort or filter elsewhere. */
void            wy_compound_list_model_item_changed        (WyCompoundListModel *self,
                                                            WyCompoundItem      *item);
/* The match function answers differently now. MORE_STRICT only looks at
 * the items shown. */
void            wy_compound_list_model_refilter            (WyCompoundListModel *self,
                                                            GtkFilterChange      change);
/* WY_COMPOUNDS_N_COLUMNS: store order. Ties keep store order. */
void            wy_compound_list_model_sort                (WyCompoundListModel *self,
                                                            WyCompoundsColumn    column,
                                                            GtkSortType          order);
WyCompoundsColumn wy_compound_list_model_get_sort_column   (WyCompoundListModel *self);
GtkSortType     wy_compound_list_model_get_sort_order      (WyCompoundListModel *self);

guint           wy_compound_list_model_get_n_total         (WyCompoundListModel *self);
/* Any item, shown or not (borrowed), or NULL. */
WyCompoundItem *wy_compound_list_model_lookup              (WyCompoundListModel *self,
                                                            gint64               compound_id);
/* The position of a shown item. */
gboolean        wy_compound_list_model_find                (WyCompoundListModel *self,
                                                            WyCompoundItem      *item,
                                                            guint               *position);
/* Between these, adding, removing and changing items only marks the
 * model: it sorts and filters once at the end (many compounds changed by
 * one edit elsewhere cost one sort, not one each). Nestable. */
void            wy_compound_list_model_begin_update        (WyCompoundListModel *self);
void            wy_compound_list_model_end_update          (WyCompoundListModel *self);
/* Makes the collation keys of the text columns for up to max_items items
 * that have none yet; FALSE when every item has them. For an idle
 * callback after the first frame, so the first click on Name does not
 * make 50,000 keys. */
gboolean        wy_compound_list_model_prepare_sort_keys   (WyCompoundListModel *self,
                                                            guint                max_items);

G_END_DECLS
