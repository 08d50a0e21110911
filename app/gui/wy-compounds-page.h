/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-compound-detail.h"

G_BEGIN_DECLS

/* The list's columns, in display order. */
typedef enum {
  WY_COMPOUNDS_COLUMN_NAME,
  WY_COMPOUNDS_COLUMN_COMMUNITY,
  WY_COMPOUNDS_COLUMN_CATEGORY,
  WY_COMPOUNDS_COLUMN_PILOT,
  WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE,
  WY_COMPOUNDS_COLUMN_HOUSEHOLDS,
  WY_COMPOUNDS_COLUMN_TARGETS,
  WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS,
  WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE,
  WY_COMPOUNDS_N_COLUMNS
} WyCompoundsColumn;

/* The drop-downs of the filter bar. */
typedef enum {
  WY_COMPOUNDS_FILTER_STREET,
  WY_COMPOUNDS_FILTER_COMMUNITY,
  WY_COMPOUNDS_FILTER_CATEGORY,     /* all, self-managed, three-none */
  WY_COMPOUNDS_FILTER_PILOT,        /* all, pilots, non-pilots */
  WY_COMPOUNDS_FILTER_MODE,         /* all, the modes…, not chosen */
  WY_COMPOUNDS_FILTER_ATTAINED,     /* all, attained, not attained */
  WY_COMPOUNDS_FILTER_LIGHT,        /* all, overdue, due soon, on schedule, none */
  WY_COMPOUNDS_N_FILTERS
} WyCompoundsFilter;

#define WY_TYPE_COMPOUNDS_PAGE (wy_compounds_page_get_type ())
G_DECLARE_FINAL_TYPE (WyCompoundsPage, wy_compounds_page, WY, COMPOUNDS_PAGE, GtkWidget)

/* The Compounds page: filter bar, the sortable list of compounds,
 * the "N of M compounds" line and the WyCompoundDetail of the selected one.
 * It follows the store's row-changed signal, re-reading only the compounds
 * concerned. */
WyCompoundsPage  *wy_compounds_page_new               (WyStore          *store);
/* Reads every compound from the store again (lights depend on today and
 * the warning window). */
void              wy_compounds_page_reload            (WyCompoundsPage  *self);
/* Re-reads one compound now: updates its item, adds it when it is new,
 * removes it when it is gone. */
void              wy_compounds_page_refresh_compound  (WyCompoundsPage  *self,
                                                       gint64            compound_id);
/* Search-as-you-type on name and address (the header bar's entry). */
void              wy_compounds_page_set_search_text   (WyCompoundsPage  *self,
                                                       const char       *text);
void              wy_compounds_page_reset_filters     (WyCompoundsPage  *self);
GtkDropDown      *wy_compounds_page_get_filter_widget (WyCompoundsPage  *self,
                                                       WyCompoundsFilter filter);
void              wy_compounds_page_sort_by           (WyCompoundsPage  *self,
                                                       WyCompoundsColumn column,
                                                       GtkSortType       order);

/* What the list shows (filtered and sorted) and its status line. */
GListModel       *wy_compounds_page_get_model         (WyCompoundsPage  *self);
guint             wy_compounds_page_get_n_shown       (WyCompoundsPage  *self);
guint             wy_compounds_page_get_n_total       (WyCompoundsPage  *self);
const char       *wy_compounds_page_get_count_text    (WyCompoundsPage  *self);
gboolean          wy_compounds_page_is_showing_empty  (WyCompoundsPage  *self);
/* The list (a GtkScrollable WyCompoundList: header and rows); keyboard
 * shortcuts of the list go on it. */
GtkWidget        *wy_compounds_page_get_list_widget   (WyCompoundsPage  *self);

/* The selection, and the detail showing it. Selecting a compound hidden
 * by the filters clears them first. */
gint64            wy_compounds_page_get_selected_id   (WyCompoundsPage  *self);
/* Its position in wy_compounds_page_get_model(), or GTK_INVALID_LIST_POSITION. */
guint             wy_compounds_page_get_selected_position (WyCompoundsPage *self);
gboolean          wy_compounds_page_select_compound   (WyCompoundsPage  *self,
                                                       gint64            compound_id);
WyCompoundDetail *wy_compounds_page_get_detail        (WyCompoundsPage  *self);

/* Only the compounds of a street office or a community (0 = any), every
 * other filter and the search cleared (the Overview's bars). */
void              wy_compounds_page_filter_to_place   (WyCompoundsPage  *self,
                                                       gint64            street_id,
                                                       gint64            community_id);

/* Signals:
 *   "selection-changed" (gint64 id): another compound (or none, 0) is shown.
 */

G_END_DECLS
