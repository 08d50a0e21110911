/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wy-compounds-page.h"

G_BEGIN_DECLS

#define WY_TYPE_COMPOUND_LIST (wy_compound_list_get_type ())
G_DECLARE_FINAL_TYPE (WyCompoundList, wy_compound_list, WY, COMPOUND_LIST, GtkWidget)

/* The compound list: a header of sort buttons over a GtkListView whose
 * rows are one WyCompoundListRow each, drawing all nine cells itself.
 * GTK 4.8's GtkColumnView makes a widget per cell and builds new ones
 * for every row whose item changed, which cost about 100 ms per search
 * keystroke on nine columns; one widget per row costs a fifth of that.
 * It scrolls like a GtkColumnView (GtkScrollable: vertically through the
 * list view, sideways by moving header and rows together). */
WyCompoundList    *wy_compound_list_new                  (void);
void               wy_compound_list_set_model            (WyCompoundList    *self,
                                                          GtkSelectionModel *model);
GtkSelectionModel *wy_compound_list_get_model            (WyCompoundList    *self);
GtkListView       *wy_compound_list_get_list_view        (WyCompoundList    *self);
/* Shows the sort indicator (N_COLUMNS: none). Does not emit sort-changed. */
void               wy_compound_list_set_sort             (WyCompoundList    *self,
                                                          WyCompoundsColumn  column,
                                                          GtkSortType        order);
WyCompoundsColumn  wy_compound_list_get_sort_column      (WyCompoundList    *self);
GtkSortType        wy_compound_list_get_sort_order       (WyCompoundList    *self);
GtkWidget         *wy_compound_list_get_header_button    (WyCompoundList    *self,
                                                          WyCompoundsColumn  column);
void               wy_compound_list_scroll_to            (WyCompoundList    *self,
                                                          guint              position);

/* For the rows: the columns in display order, where they are. */
WyCompoundsColumn  wy_compound_list_get_column_at        (WyCompoundList    *self,
                                                          guint              display_position,
                                                          int               *x,
                                                          int               *width,
                                                          float             *xalign);
int                wy_compound_list_get_row_height       (WyCompoundList    *self);
int                wy_compound_list_get_baseline         (WyCompoundList    *self);
int                wy_compound_list_get_content_width    (WyCompoundList    *self);
/* The translated title of a column. */
const char        *wy_compound_list_get_column_title     (WyCompoundsColumn  column);

/* Signals:
 *   "sort-changed" (WyCompoundsColumn column, GtkSortType order): a header
 *   button was clicked; the indicator already shows the new order.
 */

G_END_DECLS
