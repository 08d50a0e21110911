/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "wy-light.h"
#include "wy-stats.h"
#include "wy-store.h"

G_BEGIN_DECLS

/* Charts of the Overview, of meeting mode and of `wuyou --render-chart`.
 *
 * Two steps, so the window can load in a thread and draw on the main one:
 *   1. wy_chart_data_load() reads what one chart needs from the store, as
 *      SQL aggregates (never one row per compound);
 *   2. a WyChart draws that data onto any cairo_t at any size and scale
 *      with pango, keeping its layouts between frames, and remembers where
 *      it put each bar so a click or a hover can be mapped back to data.
 * Nothing here needs GTK. */

#define WY_CHART_ERROR (wy_chart_error_quark ())

typedef enum {
  WY_CHART_ERROR_FORMAT,    /* the file name ends in neither .png, .svg nor .pdf */
  WY_CHART_ERROR_SIZE,      /* width or height out of range */
  WY_CHART_ERROR_INVALID,   /* a query the chart cannot answer */
  WY_CHART_ERROR_FAILED,    /* cairo could not draw or write */
} WyChartError;

/* render_to_file accepts sizes in this range, in pixels (points for PDF
 * are 3/4 of them, as at 96 dpi). */
#define WY_CHART_MIN_SIZE 120
#define WY_CHART_MAX_SIZE 10000

typedef enum {
  WY_CHART_ATTAINMENT,   /* attainment by community or street, per target */
  WY_CHART_SIGNOFF,      /* problems raised vs signed off over time */
  WY_CHART_TIMELINE,     /* phases, milestones and tasks (Gantt) */
  WY_CHART_LIGHTS,       /* open problems: overdue / due soon / on schedule */
  WY_CHART_RANKING,      /* communities or units ranked, as briefings do */
  WY_N_CHARTS,
} WyChartKind;

typedef enum {
  WY_RANK_BY_ATTAINMENT_RATE,  /* highest rate first */
  WY_RANK_BY_OVERDUE,          /* most overdue problems first */
} WyRankBy;

typedef enum {
  WY_RANK_COMMUNITIES,
  WY_RANK_STREETS,
  WY_RANK_RESPONSIBLE_UNITS,   /* only with WY_RANK_BY_OVERDUE */
} WyRankWhat;

/* What a chart shows. Zero-initialise, then set today (required).
 * warning_days 0 means the ledger's own setting (wy_store_get_warning_days),
 * as in WyExportOptions. */
typedef struct {
  GDate       today;           /* the as-of date printed on the chart */
  guint       warning_days;    /* the yellow window, as in Preferences */
  gint64      street_id;       /* only this street office; 0 = all */
  gint64      community_id;    /* only this community; 0 = all */
  WyLevel     level;           /* attainment: WY_LEVEL_COMMUNITY or _STREET */
  WyRankBy    rank_by;
  WyRankWhat  rank_what;
  guint       max_items;       /* ranking/attainment: keep the first N; 0 = all */
} WyChartQuery;

/* What a click or a hover on a chart points at: enough for the window to
 * open the matching filtered list. */
typedef enum {
  WY_CHART_TARGET_NONE,
  WY_CHART_TARGET_COMMUNITY,   /* id = community id */
  WY_CHART_TARGET_STREET,      /* id = street id */
  WY_CHART_TARGET_LIGHT,       /* light = the open problems with that light */
  WY_CHART_TARGET_PHASE,       /* id = phase id */
  WY_CHART_TARGET_MILESTONE,   /* id = milestone id */
  WY_CHART_TARGET_TASK,        /* id = task id */
  WY_CHART_TARGET_UNIT,        /* label = responsible unit */
  WY_CHART_TARGET_MONTH,       /* label = "YYYY-MM" of the sign-off curve */
} WyChartTargetKind;

/* One drawn element (a bar, a segment, a milestone, a point). The numbers
 * are the ones the renderer computed; tests read them back.
 *
 * Per chart:
 *   attainment  one item per cell: label = unit, series = target name, or
 *               NULL for the "attained" column; value = rate, count = met
 *               (or attained), total = compounds. The first row is the
 *               whole scope: target NONE (or the street/community filtered
 *               on), label "All".
 *   signoff     one point per month and series: target MONTH, label
 *               "YYYY-MM", series "raised" or "signed-off" (codes, not
 *               translated); value = cumulative count up to that month,
 *               count = the month's own.
 *   timeline    phases (value = share of the phase elapsed on today),
 *               milestones and tasks (value = progress 0..1, count = %),
 *               each with its light.
 *   lights      one bar per light: value = count = open problems with that
 *               light, total = all open problems in scope.
 *   ranking     one bar per unit in rank order: rank = place (equal for
 *               ties); by rate value = rate, count = attained, total =
 *               compounds; by overdue value = count = overdue problems,
 *               total = 0. */
typedef struct {
  WyChartTargetKind  target;
  gint64             id;
  WyLight            light;
  char              *label;       /* full name, never shortened */
  char              *series;      /* e.g. target name, "raised"; or NULL */
  double             value;       /* a rate in 0..1, or a count */
  guint              count;       /* numerator (e.g. compounds attained) */
  guint              total;       /* denominator, 0 when not a rate */
  char              *tooltip;     /* exact values, translated, for hovering */
  /* Where it was drawn in the last wy_chart_draw(), in user units. */
  double             x, y, width, height;
  guint              rank;        /* ranking: 1-based place; else 0 */
} WyChartItem;

typedef struct _WyChartData WyChartData;

GQuark        wy_chart_error_quark      (void);

/* Names used on the command line: "attainment", "signoff", "timeline",
 * "lights", "ranking". */
const char   *wy_chart_kind_to_name     (WyChartKind          kind);
gboolean      wy_chart_kind_from_name   (const char          *name,
                                         WyChartKind         *kind);
/* Translated title, e.g. "Attainment by community". */
const char   *wy_chart_kind_to_title    (WyChartKind          kind);

WyChartData  *wy_chart_data_load        (WyStore             *store,
                                         WyChartKind          kind,
                                         const WyChartQuery  *query,
                                         GError             **error);
void          wy_chart_data_free        (WyChartData         *data);
WyChartKind   wy_chart_data_get_kind    (const WyChartData   *data);
gboolean      wy_chart_data_is_empty    (const WyChartData   *data);
/* The title drawn on the chart: more precise than the kind's title
 * (e.g. "Communities ranked by overdue problems"). Translated. */
const char   *wy_chart_data_get_title   (const WyChartData   *data);

typedef struct _WyChart WyChart;

WyChart      *wy_chart_new              (void);
void          wy_chart_free             (WyChart             *chart);
/* Takes ownership of data (may be NULL: nothing to draw yet). The data
 * the chart already holds may be passed again: it is kept, and the next
 * draw lays everything out anew. */
void          wy_chart_set_data         (WyChart             *chart,
                                         WyChartData         *data);
const WyChartData *wy_chart_get_data    (WyChart             *chart);
/* Base font size in points at scale 1; meeting mode raises it. */
void          wy_chart_set_font_scale   (WyChart             *chart,
                                         double               factor);
/* Draws the whole chart (title, as-of date, axes, values) into the
 * rectangle 0,0 width×height of cr's user space. Device scale (HiDPI) is
 * taken from cr. Empty data draws a sentence saying so. */
void          wy_chart_draw             (WyChart             *chart,
                                         cairo_t             *cr,
                                         double               width,
                                         double               height);
/* Items of the last draw, in drawing order. */
guint         wy_chart_get_n_items      (WyChart             *chart);
const WyChartItem *wy_chart_get_item    (WyChart             *chart,
                                         guint                index);
/* The item under x,y of the last draw, or NULL. */
const WyChartItem *wy_chart_hit         (WyChart             *chart,
                                         double               x,
                                         double               y);
/* The notes drawn under the chart in the last draw ("" if none). */
const char   *wy_chart_get_footnotes    (WyChart             *chart);
/* Timeline only: x of the today line in the last draw, or -1. */
double        wy_chart_get_today_x      (WyChart             *chart);

/* PNG, SVG or PDF by the file's extension; written to a temporary file
 * then renamed, so a failure leaves nothing behind. */
gboolean      wy_chart_render_to_file   (WyStore             *store,
                                         WyChartKind          kind,
                                         const WyChartQuery  *query,
                                         const char          *path,
                                         int                  width,
                                         int                  height,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyChartData, wy_chart_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyChart, wy_chart_free)

G_END_DECLS
