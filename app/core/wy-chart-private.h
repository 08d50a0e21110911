/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "wuyou/wy-chart.h"

G_BEGIN_DECLS

/* Shared by the files of the charts only: wy-chart.c (the object, its
 * caches and the drawing primitives), wy-chart-draw-*.c (one layout
 * function per kind) and wy-store-charts.c (the SQL).
 *
 * Drawing is two passes. The layout pass measures text, places every
 * element and records it as a list of operations (WyChartOp) plus the
 * items; it runs again only when the size, the data, the font scale or
 * the target's font setup change. The paint pass replays the list onto
 * any cairo_t, so an unchanged frame costs no text measuring at all. */

/* --- Data (filled by wy-store-charts.c) --------------------------------- */

typedef struct {
  gint64   id;
  char    *name;
  char    *parent;        /* street of a community, district of a street */
  guint    compounds;
  guint    attained;
  guint   *met;           /* per active target, n_targets of them */
} WyChartUnit;

typedef struct {
  gint64   id;
  char    *name;
  char    *parent;
  guint    count;         /* attained compounds, or overdue problems */
  guint    total;         /* compounds, or open problems */
  guint    rank;          /* 1-based; ties share a rank */
} WyChartRank;

typedef struct {
  char     month[8];      /* "YYYY-MM" */
  guint    raised;        /* raised in that month */
  guint    signed_off;    /* signed off in that month */
  guint    raised_total;  /* cumulative, up to the end of that month */
  guint    signed_off_total;
} WyChartMonth;

typedef struct {
  gint64   id;
  char    *name;
  guint32  start;         /* Julian day numbers */
  guint32  end;
} WyChartPhase;

typedef struct {
  gint64   id;
  gint64   phase_id;
  char    *name;
  guint32  due;           /* 0 = no date */
  gboolean done;
  WyLight  light;
} WyChartMilestone;

typedef struct {
  gint64   id;
  char    *title;
  guint32  start;
  guint32  deadline;
  guint    progress;      /* percent */
  gboolean done;
  WyLight  light;
} WyChartTask;

struct _WyChartData
{
  WyChartKind    kind;
  WyChartQuery   query;         /* warning_days resolved */
  guint32        today;         /* Julian day of query.today */
  char          *title;
  char          *scope;         /* "东门社区 (青松街道)", or NULL for everything */
  gboolean       empty;
  char          *empty_text;    /* the sentence drawn when empty */
  gboolean       several_parents; /* units or ranks of more than one street
                                     (district): names get their parent */

  /* attainment, and ranking by rate */
  guint          n_targets;
  char         **target_names;
  GPtrArray     *units;         /* of WyChartUnit, in register order */
  WyChartUnit    all;           /* the whole scope */

  /* ranking */
  GPtrArray     *ranks;         /* of WyChartRank, in rank order */
  guint          n_ranked;      /* before max_items cut the list */

  /* lights: open problems by light, indexed by WyLight */
  guint          lights[WY_LIGHT_DONE + 1];
  guint          open;
  guint          problems;      /* every problem in scope */

  /* signoff */
  GArray        *months;        /* of WyChartMonth, oldest first */
  guint          overdue;
  guint          undated;       /* open, with no date raised: not on the curve */

  /* timeline */
  GPtrArray     *phases;        /* of WyChartPhase, in order */
  GPtrArray     *milestones;    /* of WyChartMilestone, by phase then date */
  GPtrArray     *tasks;         /* of WyChartTask, by deadline */
  guint          tasks_undated; /* tasks without a deadline: not drawn */
};

void      wy_chart_unit_free            (WyChartUnit   *unit);
void      wy_chart_rank_free            (WyChartRank   *rank);
void      wy_chart_phase_free           (WyChartPhase  *phase);
void      wy_chart_milestone_free       (WyChartMilestone *milestone);
void      wy_chart_task_free            (WyChartTask   *task);
guint32   wy_chart_day_from_iso         (const char    *iso);

/* wy-store-charts.c: each fills its part of data, scoped by
 * data->query's street and community. */
gboolean  wy_store_chart_scope          (WyStore       *self,
                                         WyChartData   *data,
                                         GError       **error);
gboolean  wy_store_chart_units          (WyStore       *self,
                                         WyChartData   *data,
                                         WyLevel        level,
                                         GError       **error);
gboolean  wy_store_chart_overdue_ranks  (WyStore       *self,
                                         WyChartData   *data,
                                         GError       **error);
gboolean  wy_store_chart_lights         (WyStore       *self,
                                         WyChartData   *data,
                                         GError       **error);
gboolean  wy_store_chart_signoff        (WyStore       *self,
                                         WyChartData   *data,
                                         GError       **error);
gboolean  wy_store_chart_timeline       (WyStore       *self,
                                         WyChartData   *data,
                                         GError       **error);

/* --- Drawing (wy-chart.c) ---------------------------------------------- */

typedef enum {
  WY_CHART_FONT_TITLE,
  WY_CHART_FONT_SUBTITLE,
  WY_CHART_FONT_LABEL,
  WY_CHART_FONT_LABEL_BOLD,
  WY_CHART_FONT_VALUE,
  WY_CHART_FONT_AXIS,
  WY_CHART_FONT_EMPTY,
  WY_CHART_N_FONTS
} WyChartFont;

/* Chosen to stay apart for the common colour-vision deficiencies and in
 * grayscale (the lights go dark red, mid green, light amber); lights
 * always carry a mark as well. */
typedef enum {
  WY_CHART_COLOR_BACKGROUND,
  WY_CHART_COLOR_TEXT,
  WY_CHART_COLOR_TEXT_DIM,
  WY_CHART_COLOR_GRID,
  WY_CHART_COLOR_AXIS,
  WY_CHART_COLOR_TRACK,       /* the empty part of a bar */
  WY_CHART_COLOR_BAR,         /* rates, progress */
  WY_CHART_COLOR_BAR_STRONG,  /* the "attained" column */
  WY_CHART_COLOR_RAISED,      /* sign-off curve: raised */
  WY_CHART_COLOR_RAISED_FILL, /* the open gap between the curves */
  WY_CHART_COLOR_SIGNED_OFF,
  WY_CHART_COLOR_RED,
  WY_CHART_COLOR_YELLOW,
  WY_CHART_COLOR_GREEN,
  WY_CHART_COLOR_NONE,        /* no deadline */
  WY_CHART_COLOR_DONE,
  WY_CHART_COLOR_PHASE_A,
  WY_CHART_COLOR_PHASE_B,
  WY_CHART_COLOR_TODAY,
  WY_CHART_COLOR_WHITE,
  WY_CHART_N_COLORS
} WyChartColor;

typedef enum {
  WY_CHART_TEXT_ELLIPSIZE = 1 << 0,  /* one line, "…" at the end */
  WY_CHART_TEXT_WRAP      = 1 << 1,  /* up to two lines, then "…" */
  WY_CHART_TEXT_RIGHT     = 1 << 2,  /* aligned in max_width */
  WY_CHART_TEXT_CENTER    = 1 << 3,
} WyChartTextFlags;

typedef enum {
  WY_CHART_MARK_CROSS,        /* overdue / late */
  WY_CHART_MARK_BANG,         /* due soon */
  WY_CHART_MARK_CHECK,        /* on schedule / done */
  WY_CHART_MARK_DASH,         /* no deadline */
} WyChartMark;

/* A layout of the cache (owned by the chart, valid until the end of the
 * next layout pass that does not use it). max_width <= 0: no limit. */
PangoLayout *wy_chart_text_layout      (WyChart        *chart,
                                        WyChartFont     font,
                                        const char     *text,
                                        double          max_width,
                                        guint           flags);
void         wy_chart_text_size        (PangoLayout    *layout,
                                        double         *width,
                                        double         *height);
/* The height of one line of a font. */
double       wy_chart_line_height      (WyChart        *chart,
                                        WyChartFont     font);
/* The size of the base (label) font in user units. */
double       wy_chart_em               (WyChart        *chart);

void         wy_chart_add_text         (WyChart        *chart,
                                        WyChartColor    color,
                                        PangoLayout    *layout,
                                        double          x,
                                        double          y);
void         wy_chart_add_rect         (WyChart        *chart,
                                        WyChartColor    color,
                                        double          x,
                                        double          y,
                                        double          width,
                                        double          height);
/* Diagonal lines over a rectangle: overdue reads as overdue in grayscale. */
void         wy_chart_add_hatch        (WyChart        *chart,
                                        WyChartColor    color,
                                        double          x,
                                        double          y,
                                        double          width,
                                        double          height);
void         wy_chart_add_frame        (WyChart        *chart,
                                        WyChartColor    color,
                                        double          x,
                                        double          y,
                                        double          width,
                                        double          height,
                                        double          line_width);
void         wy_chart_add_line         (WyChart        *chart,
                                        WyChartColor    color,
                                        double          x1,
                                        double          y1,
                                        double          x2,
                                        double          y2,
                                        double          line_width,
                                        gboolean        dashed);
/* xy holds n points as x0, y0, x1, y1, … */
void         wy_chart_add_polyline     (WyChart        *chart,
                                        WyChartColor    color,
                                        const double   *xy,
                                        guint           n,
                                        double          line_width,
                                        gboolean        dashed);
void         wy_chart_add_polygon      (WyChart        *chart,
                                        WyChartColor    color,
                                        const double   *xy,
                                        guint           n);
void         wy_chart_add_circle       (WyChart        *chart,
                                        WyChartColor    color,
                                        double          cx,
                                        double          cy,
                                        double          radius,
                                        gboolean        filled);
void         wy_chart_add_square       (WyChart        *chart,
                                        WyChartColor    color,
                                        double          cx,
                                        double          cy,
                                        double          half,
                                        gboolean        filled);
void         wy_chart_add_diamond      (WyChart        *chart,
                                        WyChartColor    color,
                                        double          cx,
                                        double          cy,
                                        double          half,
                                        gboolean        filled);
/* A round badge in color with a white (or dark, on amber) mark inside. */
void         wy_chart_add_mark         (WyChart        *chart,
                                        WyChartMark     mark,
                                        WyChartColor    color,
                                        double          cx,
                                        double          cy,
                                        double          radius);

/* Appends an item; the strings are taken. The hit rectangle starts as
 * the drawn one. Returns the item's index. */
guint        wy_chart_add_item         (WyChart           *chart,
                                        WyChartTargetKind  target,
                                        gint64             id,
                                        WyLight            light,
                                        char              *label,
                                        char              *series,
                                        double             value,
                                        guint              count,
                                        guint              total,
                                        char              *tooltip,
                                        double             x,
                                        double             y,
                                        double             width,
                                        double             height);
void         wy_chart_set_item_rank    (WyChart           *chart,
                                        guint              index,
                                        guint              rank);
/* Where a pointer finds the item: usually the whole row. */
void         wy_chart_set_item_hit     (WyChart           *chart,
                                        guint              index,
                                        double             x,
                                        double             y,
                                        double             width,
                                        double             height);
void         wy_chart_set_today_x      (WyChart           *chart,
                                        double             x);
/* A line of small print under the chart (what was left out, and why). */
void         wy_chart_add_footnote     (WyChart           *chart,
                                        const char        *text);

/* Helpers shared by the layouts. */
WyChartColor wy_chart_light_color      (WyLight            light);
WyChartMark  wy_chart_light_mark       (WyLight            light);
/* A number with the locale's digit grouping. */
char        *wy_chart_format_count     (guint              n);
/* "85.4%" */
char        *wy_chart_format_rate      (double             rate);
/* A date as the charts print it ("2026-11-22", translated format). */
char        *wy_chart_format_day       (guint32            julian);
/* A round step for an axis from 0 to max with about n ticks. */
double       wy_chart_nice_step        (double             max,
                                        guint              n);

/* One per kind (wy-chart-draw-*.c): lays out the body of the chart in
 * the rectangle x, y, width, height (title and as-of line are drawn). */
void         wy_chart_layout_attainment (WyChart           *chart,
                                         const WyChartData *data,
                                         double             x,
                                         double             y,
                                         double             width,
                                         double             height);
void         wy_chart_layout_ranking    (WyChart           *chart,
                                         const WyChartData *data,
                                         double             x,
                                         double             y,
                                         double             width,
                                         double             height);
void         wy_chart_layout_lights     (WyChart           *chart,
                                         const WyChartData *data,
                                         double             x,
                                         double             y,
                                         double             width,
                                         double             height);
void         wy_chart_layout_signoff    (WyChart           *chart,
                                         const WyChartData *data,
                                         double             x,
                                         double             y,
                                         double             width,
                                         double             height);
void         wy_chart_layout_timeline   (WyChart           *chart,
                                         const WyChartData *data,
                                         double             x,
                                         double             y,
                                         double             width,
                                         double             height);

G_END_DECLS
