/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-problem-editor.h"

G_BEGIN_DECLS

#define WY_TYPE_PROBLEMS_PAGE (wy_problems_page_get_type ())
G_DECLARE_FINAL_TYPE (WyProblemsPage, wy_problems_page, WY, PROBLEMS_PAGE, GtkWidget)

/* Every rectification item of the ledger: list with sort, filters and
 * search on the left, the WyProblemEditor of the selected one beside it. */
WyProblemsPage *wy_problems_page_new              (WyStore        *store);
/* The header bar's search entry drives the page's search. */
void            wy_problems_page_set_search_text  (WyProblemsPage *self,
                                                   const char     *text);
/* Filters from outside (the compound detail's "show in Problems"). Before
 * the rows are read it starts reading them; the filter applies when they
 * are in. */
void            wy_problems_page_show_compound    (WyProblemsPage *self,
                                                   gint64          compound_id);
/* "N of M items", for tests and the status line. */
guint           wy_problems_page_get_n_shown      (WyProblemsPage *self);
guint           wy_problems_page_get_n_total      (WyProblemsPage *self);
/* Selects the item and shows it in the editor (the row is selected once
 * the rows are read, if they are not yet). */
void            wy_problems_page_select_problem   (WyProblemsPage *self,
                                                   gint64          problem_id);

/* Reads the rows now, on the main thread (the page loads itself in a
 * thread when first shown). */
void            wy_problems_page_reload           (WyProblemsPage *self);
/* "Today" for the lights (default: the clock), for tests. */
void            wy_problems_page_set_today        (WyProblemsPage *self,
                                                   const GDate    *today);

typedef enum {
  WY_PROBLEMS_LIGHT_ALL,
  WY_PROBLEMS_LIGHT_OVERDUE,
  WY_PROBLEMS_LIGHT_DUE_SOON,
  WY_PROBLEMS_LIGHT_ON_SCHEDULE,
  WY_PROBLEMS_LIGHT_DONE,
} WyProblemsLightFilter;

/* The status filter's choice "Open (not signed off)" (未销号): every
 * status but signed off. */
#define WY_PROBLEMS_STATUS_OPEN "open"

/* The filters the drop-downs set, for tests: status code (NULL: all;
 * WY_PROBLEMS_STATUS_OPEN), light, responsible unit (NULL: all). */
void            wy_problems_page_set_status_filter (WyProblemsPage        *self,
                                                    const char            *status);
/* Only the items signed off in month ("YYYY-MM"; NULL: no such limit,
 * the default). Choosing a status in the drop-down clears it. */
void            wy_problems_page_set_signed_off_month (WyProblemsPage     *self,
                                                       const char         *month);
void            wy_problems_page_set_light_filter  (WyProblemsPage        *self,
                                                    WyProblemsLightFilter  light);
/* One street office or community (0, 0: all of them). */
void            wy_problems_page_set_area_filter   (WyProblemsPage        *self,
                                                    gint64                 street_id,
                                                    gint64                 community_id);
void            wy_problems_page_set_unit_filter   (WyProblemsPage        *self,
                                                    const char            *unit);
/* The list as shown (filtered and sorted), of WyProblemItem. */
GListModel     *wy_problems_page_get_model         (WyProblemsPage        *self);
/* Sorts by a column: 0 light, 1 compound, 2 community, 3 category,
 * 4 description, 5 responsible unit, 6 deadline, 7 status. */
void            wy_problems_page_sort_by_column    (WyProblemsPage        *self,
                                                    guint                  column,
                                                    GtkSortType            order);
const char     *wy_problems_page_get_status_text   (WyProblemsPage        *self);
WyProblemEditor *wy_problems_page_get_editor       (WyProblemsPage        *self);

/* Whether the rows are being read (in a thread: on the first visit the
 * page shows "Loading problems…" meanwhile, on a later reload it keeps
 * the list it has until the new rows are in). */
gboolean        wy_problems_page_is_loading        (WyProblemsPage        *self);
/* For tests: called in the loading thread once the rows were read, before
 * they are handed to the page, so a test can change the ledger there
 * (from the main thread) while the page waits for them. */
typedef void  (*WyProblemsPageLoadHook)            (gpointer               user_data);
void            wy_problems_page_set_load_hook     (WyProblemsPage        *self,
                                                    WyProblemsPageLoadHook hook,
                                                    gpointer               user_data);

G_END_DECLS
