/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>
#include <wuyou/wy-chart.h>
#include <wuyou/wy-overview.h>

#include "wy-chart-view.h"

G_BEGIN_DECLS

/* The headline figures, in the order they are shown. */
typedef enum {
  WY_OVERVIEW_FIGURE_COMPOUNDS,
  WY_OVERVIEW_FIGURE_PILOTS,
  WY_OVERVIEW_FIGURE_ATTAINED,
  WY_OVERVIEW_FIGURE_OPEN,
  WY_OVERVIEW_FIGURE_OVERDUE,
  WY_OVERVIEW_FIGURE_DUE_SOON,
  WY_OVERVIEW_FIGURE_SIGNED_OFF,
  WY_OVERVIEW_FIGURE_PHASE,
  WY_OVERVIEW_N_FIGURES
} WyOverviewFigure;

/* Which compounds a figure stands for ("open-compounds"). */
typedef enum {
  WY_OVERVIEW_COMPOUNDS_ALL,
  WY_OVERVIEW_COMPOUNDS_PILOTS,
  WY_OVERVIEW_COMPOUNDS_ATTAINED,
} WyOverviewCompounds;

/* Everything the page and meeting mode show, read together. */
typedef struct {
  WyOverview    figures;
  WyChartData  *charts[WY_N_CHARTS];
} WyOverviewData;

void             wy_overview_data_free             (WyOverviewData   *data);

/* A figure as text: the large value ("1,234", "37.5%"), its caption and a
 * smaller line beneath (or NULL). */
char            *wy_overview_figure_value          (const WyOverview *overview,
                                                    WyOverviewFigure  figure);
char            *wy_overview_figure_caption        (const WyOverview *overview,
                                                    WyOverviewFigure  figure,
                                                    guint             warning_days);
char            *wy_overview_figure_detail         (const WyOverview *overview,
                                                    WyOverviewFigure  figure);

/* The charts in the order the page and meeting mode show them. */
WyChartKind      wy_overview_chart_at              (guint             position);

#define WY_TYPE_OVERVIEW_PAGE (wy_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (WyOverviewPage, wy_overview_page, WY, OVERVIEW_PAGE, GtkWidget)

/* The default page: headline figures (each a button opening the list
 * behind it), a street office / community filter, and the five charts,
 * each with "Export Chart". Loads in a worker thread on a second
 * connection to the ledger, so a 50,000-compound ledger never holds up
 * the window. */
WyOverviewPage  *wy_overview_page_new              (WyStore          *store);
/* Reads everything again (the page does so itself when first shown and
 * after edits). */
void             wy_overview_page_reload           (WyOverviewPage   *self);
/* "Today" (default: the clock), for tests. */
void             wy_overview_page_set_today        (WyOverviewPage   *self,
                                                    const GDate      *today);
/* Whether a load is under way; "loaded" is emitted when one ends. */
gboolean         wy_overview_page_is_loading       (WyOverviewPage   *self);
/* The figures shown, or NULL before the first load. */
const WyOverview *wy_overview_page_get_figures     (WyOverviewPage   *self);

/* "As of 2026-03-15 · 青松街道", and the warning window the figures use. */
const char      *wy_overview_page_get_as_of_text   (WyOverviewPage   *self);
guint            wy_overview_page_get_warning_days (WyOverviewPage   *self);

/* The place filter (0 = all), as the drop-downs set it. */
void             wy_overview_page_set_place        (WyOverviewPage   *self,
                                                    gint64            street_id,
                                                    gint64            community_id);
gint64           wy_overview_page_get_street       (WyOverviewPage   *self);
gint64           wy_overview_page_get_community    (WyOverviewPage   *self);
/* What a chart shows with the page's today and filter. */
void             wy_overview_page_get_query        (WyOverviewPage   *self,
                                                    WyChartKind       kind,
                                                    WyChartQuery     *out);

GtkWidget       *wy_overview_page_get_figure_button (WyOverviewPage  *self,
                                                    WyOverviewFigure  figure);
WyChartView     *wy_overview_page_get_chart_view   (WyOverviewPage   *self,
                                                    WyChartKind       kind);

/* What "Export Chart" does once a file is chosen: PNG, SVG or PDF by the
 * extension, with the page's query. */
gboolean         wy_overview_page_export_chart     (WyOverviewPage   *self,
                                                    WyChartKind       kind,
                                                    const char       *path,
                                                    GError          **error);
/* Opens meeting mode full screen over the page's window (returned for
 * tests). */
GtkWindow       *wy_overview_page_open_meeting_mode (WyOverviewPage  *self);

/* The figures and the charts' data with the page's query, read off the
 * main thread (meeting mode takes its own copy this way). */
void             wy_overview_page_load_async       (WyOverviewPage   *self,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
WyOverviewData  *wy_overview_page_load_finish      (WyOverviewPage   *self,
                                                    GAsyncResult     *result,
                                                    GError          **error);

/* Signals:
 *   "open-list" (int kind, gint64 id, int light, const char *label): a
 *     bar or a figure points at a list; kind is a WyChartTargetKind, light
 *     a WyLight, label the full name (a responsible unit, a month).
 *   "open-compounds" (gint64 street_id, gint64 community_id, int which):
 *     the compounds of a place (0 = all), which a WyOverviewCompounds.
 *   "loaded": a load ended (figures and charts are shown).
 */

G_END_DECLS
