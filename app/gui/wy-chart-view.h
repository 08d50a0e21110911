/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>
#include <wuyou/wy-chart.h>

G_BEGIN_DECLS

#define WY_TYPE_CHART_VIEW (wy_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (WyChartView, wy_chart_view, WY, CHART_VIEW, GtkWidget)

/* One chart of the core (WyChart) as a widget: drawn at the widget's size
 * (HiDPI through the snapshot's scale), a tooltip with the exact values of
 * the bar under the pointer, arrow keys moving between bars, and
 * "item-activated" on a click or Enter. The data is loaded by whoever owns
 * the view (the Overview page loads in a thread). */
WyChartView       *wy_chart_view_new             (WyChartKind   kind);
WyChartKind        wy_chart_view_get_kind        (WyChartView  *self);

/* Takes ownership of data (NULL: not loaded yet, "Loading…" is shown). */
void               wy_chart_view_set_data        (WyChartView  *self,
                                                  WyChartData  *data);
gboolean           wy_chart_view_has_data        (WyChartView  *self);
/* Meeting mode draws with larger type. */
void               wy_chart_view_set_font_scale  (WyChartView  *self,
                                                  double        factor);
/* The chart, with the items of its last draw (for tests). */
WyChart           *wy_chart_view_get_chart       (WyChartView  *self);

/* The item the arrow keys are on: its index in the chart's items, or -1. */
int                wy_chart_view_get_focus_item  (WyChartView  *self);
void               wy_chart_view_set_focus_item  (WyChartView  *self,
                                                  int           index);
/* What a click at x,y (widget coordinates) does: activates the item there.
 * Returns whether there was one to activate. */
gboolean           wy_chart_view_activate_at     (WyChartView  *self,
                                                  double        x,
                                                  double        y);
/* What Enter does: activates the focused item. */
gboolean           wy_chart_view_activate_focus  (WyChartView  *self);
/* The text read out for the focused item (its tooltip), or NULL. */
const char        *wy_chart_view_get_focus_text  (WyChartView  *self);

/* Signals:
 *   "item-activated" (int kind, gint64 id, int light, const char *label):
 *     a WyChartTargetKind, with the item's id, WyLight and full label.
 */

G_END_DECLS
