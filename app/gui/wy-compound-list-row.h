/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wy-compound-item.h"
#include "wy-compound-list.h"

G_BEGIN_DECLS

#define WY_TYPE_COMPOUND_LIST_ROW (wy_compound_list_row_get_type ())
G_DECLARE_FINAL_TYPE (WyCompoundListRow, wy_compound_list_row, WY, COMPOUND_LIST_ROW, GtkWidget)

/* One line of the compound list as one widget: it lays out and draws the
 * nine cells itself (a Pango layout each, kept while the row lives and
 * given new text only when the text changed), at the columns the list
 * says, and is as high as every other row. Its accessible label reads
 * the cells: "name, community, Next Deadline: 2026-11-10, Overdue, …". */
GtkWidget      *wy_compound_list_row_new           (WyCompoundList    *list);
/* NULL: shows nothing. Follows the item's "changed" signal. */
void            wy_compound_list_row_set_item      (WyCompoundListRow *self,
                                                    WyCompoundItem    *item);
WyCompoundItem *wy_compound_list_row_get_item      (WyCompoundListRow *self);
/* The text of a cell as shown (not ellipsized), "" when empty. */
const char     *wy_compound_list_row_get_cell_text (WyCompoundListRow *self,
                                                    WyCompoundsColumn  column);
const char     *wy_compound_list_row_get_accessible_label (WyCompoundListRow *self);
/* What a tooltip at x (row coordinates) says: the whole text of an
 * ellipsized cell, the word for a deadline's light. NULL: nothing. */
char           *wy_compound_list_row_dup_tooltip   (WyCompoundListRow *self,
                                                    double             x);
/* The columns moved: lay out again. */
void            wy_compound_list_row_columns_changed (WyCompoundListRow *self);

G_END_DECLS
