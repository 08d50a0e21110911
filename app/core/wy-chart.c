/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "wuyou/wy-date.h"
#include "wy-chart-private.h"
#include "wy-export-private.h"

/* Han text must take the Simplified Chinese face: listing it first makes
 * pango use it for Latin too, which keeps digits and names in one style. */
#define FONT_FAMILY "Noto Sans CJK SC, Noto Sans, sans"
#define BASE_POINTS 10.0
/* Layouts are measured at 96 dpi: one user unit is one pixel at scale 1. */
#define RESOLUTION 96.0

typedef enum {
  OP_RECT,
  OP_HATCH,
  OP_FRAME,
  OP_LINE,
  OP_DASHED_LINE,
  OP_POLYLINE,
  OP_DASHED_POLYLINE,
  OP_POLYGON,
  OP_CIRCLE,
  OP_CIRCLE_OUTLINE,
  OP_SQUARE,
  OP_SQUARE_OUTLINE,
  OP_DIAMOND,
  OP_DIAMOND_OUTLINE,
  OP_MARK,
  OP_TEXT,
} OpKind;

typedef struct {
  guint8       kind;
  guint8       color;
  guint8       mark;
  double       line_width;
  double       x, y, w, h;    /* a rectangle; a line's two ends; a shape's centre and size */
  guint        first;         /* polylines: first point in chart->points */
  guint        n;
  PangoLayout *layout;        /* owned by the layout cache */
  double       bounds[4];     /* x0 y0 x1 y1 of what it paints */
} Op;

typedef struct {
  PangoLayout *layout;
  guint        pass;          /* the last layout pass that used it */
} CachedLayout;

struct _WyChart
{
  WyChartData          *data;
  double                font_scale;

  PangoContext         *context;
  PangoFontDescription *fonts[WY_CHART_N_FONTS];
  double                line_heights[WY_CHART_N_FONTS];
  /* What the context was last set up for (pango_cairo_update_context
   * bumps the context's serial on every call with a scaled matrix, so
   * the chart decides itself when the target really changed). */
  cairo_matrix_t        matrix;
  cairo_font_options_t *target_options;
  gboolean              context_ready;

  GHashTable           *layouts;      /* key -> CachedLayout */
  GString              *key;
  guint                 pass;

  /* The last layout pass */
  gboolean              valid;
  double                width;
  double                height;
  GArray               *ops;          /* of Op */
  GArray               *points;       /* of double, x y pairs */
  GArray               *items;        /* of WyChartItem */
  GArray               *hits;         /* of cairo_rectangle_t, one per item */
  GString              *footnotes;
  double                today_x;
};

static const struct { double r, g, b; } palette[WY_CHART_N_COLORS] = {
  [WY_CHART_COLOR_BACKGROUND]  = { 1.000, 1.000, 1.000 },
  [WY_CHART_COLOR_TEXT]        = { 0.102, 0.110, 0.122 },  /* #1a1c1f */
  [WY_CHART_COLOR_TEXT_DIM]    = { 0.353, 0.384, 0.420 },  /* #5a626b */
  [WY_CHART_COLOR_GRID]        = { 0.890, 0.906, 0.922 },  /* #e3e7eb */
  [WY_CHART_COLOR_AXIS]        = { 0.541, 0.584, 0.631 },  /* #8a95a1 */
  [WY_CHART_COLOR_TRACK]       = { 0.914, 0.929, 0.945 },  /* #e9edf1 */
  [WY_CHART_COLOR_BAR]         = { 0.000, 0.447, 0.698 },  /* #0072b2, Okabe-Ito blue */
  [WY_CHART_COLOR_BAR_STRONG]  = { 0.063, 0.212, 0.376 },  /* #103660, navy */
  [WY_CHART_COLOR_RAISED]      = { 0.902, 0.624, 0.000 },  /* #e69f00, Okabe-Ito orange */
  [WY_CHART_COLOR_RAISED_FILL] = { 0.992, 0.941, 0.847 },  /* #fdf0d8 */
  [WY_CHART_COLOR_SIGNED_OFF]  = { 0.000, 0.447, 0.698 },  /* #0072b2 */
  [WY_CHART_COLOR_RED]         = { 0.698, 0.094, 0.169 },  /* #b2182b, gray 28% */
  [WY_CHART_COLOR_YELLOW]      = { 0.949, 0.718, 0.004 },  /* #f2b701, gray 71% */
  [WY_CHART_COLOR_GREEN]       = { 0.102, 0.596, 0.314 },  /* #1a9850, gray 42% */
  [WY_CHART_COLOR_NONE]        = { 0.651, 0.675, 0.702 },  /* #a6acb3 */
  [WY_CHART_COLOR_DONE]        = { 0.420, 0.447, 0.478 },  /* #6b727a */
  [WY_CHART_COLOR_PHASE_A]     = { 0.780, 0.835, 0.894 },  /* #c7d5e4 */
  [WY_CHART_COLOR_PHASE_B]     = { 0.863, 0.898, 0.937 },  /* #dce5ef */
  [WY_CHART_COLOR_TODAY]       = { 0.416, 0.239, 0.604 },  /* #6a3d9a, purple: not a light */
  [WY_CHART_COLOR_WHITE]       = { 1.000, 1.000, 1.000 },
};

static const struct {
  double   size;      /* times the base size */
  gboolean bold;
} font_roles[WY_CHART_N_FONTS] = {
  [WY_CHART_FONT_TITLE]      = { 1.5, TRUE },
  [WY_CHART_FONT_SUBTITLE]   = { 1.0, FALSE },
  [WY_CHART_FONT_LABEL]      = { 1.0, FALSE },
  [WY_CHART_FONT_LABEL_BOLD] = { 1.0, TRUE },
  [WY_CHART_FONT_VALUE]      = { 0.92, FALSE },
  [WY_CHART_FONT_AXIS]       = { 0.85, FALSE },
  [WY_CHART_FONT_EMPTY]      = { 1.3, FALSE },
};

static const char * const kind_names[WY_N_CHARTS] = {
  [WY_CHART_ATTAINMENT] = "attainment",
  [WY_CHART_SIGNOFF]    = "signoff",
  [WY_CHART_TIMELINE]   = "timeline",
  [WY_CHART_LIGHTS]     = "lights",
  [WY_CHART_RANKING]    = "ranking",
};

static const char * const kind_titles[WY_N_CHARTS] = {
  [WY_CHART_ATTAINMENT] = N_("Attainment by community"),
  [WY_CHART_SIGNOFF]    = N_("Problems raised and signed off"),
  [WY_CHART_TIMELINE]   = N_("Phases, milestones and tasks"),
  [WY_CHART_LIGHTS]     = N_("Open problems by light"),
  [WY_CHART_RANKING]    = N_("Ranking"),
};

G_DEFINE_QUARK (wy-chart-error-quark, wy_chart_error)

/* --- Data ------------------------------------------------------------------ */

void
wy_chart_unit_free (WyChartUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit->parent);
  g_free (unit->met);
  g_free (unit);
}

void
wy_chart_rank_free (WyChartRank *rank)
{
  if (rank == NULL)
    return;
  g_free (rank->name);
  g_free (rank->parent);
  g_free (rank);
}

void
wy_chart_phase_free (WyChartPhase *phase)
{
  if (phase == NULL)
    return;
  g_free (phase->name);
  g_free (phase);
}

void
wy_chart_milestone_free (WyChartMilestone *milestone)
{
  if (milestone == NULL)
    return;
  g_free (milestone->name);
  g_free (milestone);
}

void
wy_chart_task_free (WyChartTask *task)
{
  if (task == NULL)
    return;
  g_free (task->title);
  g_free (task);
}

guint32
wy_chart_day_from_iso (const char *iso)
{
  GDate date;

  return wy_date_parse (iso, &date) ? g_date_get_julian (&date) : 0;
}

/* Higher rate first; equal rates compared exactly (41/48 against 82/96),
 * not as doubles. */
static int
compare_by_rate (gconstpointer a,
                 gconstpointer b)
{
  const WyChartRank *x = *(WyChartRank * const *) a;
  const WyChartRank *y = *(WyChartRank * const *) b;
  guint64 left = (guint64) x->count * y->total;
  guint64 right = (guint64) y->count * x->total;

  return (left < right) - (left > right);
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b)
{
  const WyChartRank *x = *(WyChartRank * const *) a;
  const WyChartRank *y = *(WyChartRank * const *) b;

  return (x->count < y->count) - (x->count > y->count);
}

/* Ties are listed by name (then parent, then id) so the same ledger
 * always gives the same list; they share their place, as briefings do:
 * 1, 2, 2, 4. */
typedef struct {
  GCompareFunc by_value;
} RankOrder;

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const RankOrder *order = user_data;
  GCompareFunc by_value = order->by_value;
  const WyChartRank *x = *(WyChartRank * const *) a;
  const WyChartRank *y = *(WyChartRank * const *) b;
  int cmp = by_value (a, b);

  if (cmp == 0)
    cmp = g_strcmp0 (x->name, y->name);
  if (cmp == 0)
    cmp = g_strcmp0 (x->parent, y->parent);
  if (cmp == 0)
    cmp = (x->id > y->id) - (x->id < y->id);
  return cmp;
}

static void
rank_rows (WyChartData *data,
           GCompareFunc by_value)
{
  GPtrArray *ranks = data->ranks;
  RankOrder order = { by_value };

  g_ptr_array_sort_with_data (ranks, compare_ranks, &order);
  for (guint i = 0; i < ranks->len; i++)
    {
      WyChartRank *rank = g_ptr_array_index (ranks, i);

      if (i > 0 && by_value (&g_ptr_array_index (ranks, i - 1), &g_ptr_array_index (ranks, i)) == 0)
        rank->rank = ((WyChartRank *) g_ptr_array_index (ranks, i - 1))->rank;
      else
        rank->rank = i + 1;
    }

  data->n_ranked = ranks->len;
  if (data->query.max_items > 0 && ranks->len > data->query.max_items)
    g_ptr_array_set_size (ranks, data->query.max_items);
}

static const char *
make_title (const WyChartData *data)
{
  const WyChartQuery *q = &data->query;

  switch (data->kind)
    {
    case WY_CHART_ATTAINMENT:
      switch (q->level)
        {
        case WY_LEVEL_STREET:   return _("Attainment of the five haves by street office");
        case WY_LEVEL_DISTRICT: return _("Attainment of the five haves by district");
        case WY_LEVEL_COMMUNITY:
        default:                return _("Attainment of the five haves by community");
        }
    case WY_CHART_RANKING:
      if (q->rank_by == WY_RANK_BY_ATTAINMENT_RATE)
        return q->rank_what == WY_RANK_STREETS ? _("Street offices ranked by attainment rate")
                                               : _("Communities ranked by attainment rate");
      switch (q->rank_what)
        {
        case WY_RANK_STREETS:           return _("Street offices ranked by overdue problems");
        case WY_RANK_RESPONSIBLE_UNITS: return _("Responsible units ranked by overdue problems");
        case WY_RANK_COMMUNITIES:
        default:                        return _("Communities ranked by overdue problems");
        }
    case WY_CHART_SIGNOFF:
    case WY_CHART_TIMELINE:
    case WY_CHART_LIGHTS:
    case WY_N_CHARTS:
    default:
      return wy_chart_kind_to_title (data->kind);
    }
}

static gboolean
has_several_parents (const WyChartData *data)
{
  const char *first = NULL;

  if (data->units != NULL)
    for (guint i = 0; i < data->units->len; i++)
      {
        const WyChartUnit *unit = g_ptr_array_index (data->units, i);

        if (first == NULL)
          first = unit->parent;
        else if (g_strcmp0 (first, unit->parent) != 0)
          return TRUE;
      }
  if (data->ranks != NULL)
    for (guint i = 0; i < data->ranks->len; i++)
      {
        const WyChartRank *rank = g_ptr_array_index (data->ranks, i);

        if (first == NULL)
          first = rank->parent;
        else if (g_strcmp0 (first, rank->parent) != 0)
          return TRUE;
      }
  return FALSE;
}

static gboolean
load_ranking (WyStore      *store,
              WyChartData  *data,
              GError      **error)
{
  const WyChartQuery *q = &data->query;

  if (q->rank_by == WY_RANK_BY_OVERDUE)
    {
      if (!wy_store_chart_overdue_ranks (store, data, error))
        return FALSE;
      rank_rows (data, compare_by_count);
      data->empty = data->ranks->len == 0;
      data->empty_text = g_strdup (q->rank_what == WY_RANK_RESPONSIBLE_UNITS
                                   ? _("No open problems name a responsible unit")
                                   : _("No compounds recorded yet"));
      return TRUE;
    }

  if (q->rank_what == WY_RANK_RESPONSIBLE_UNITS)
    {
      g_set_error_literal (error, WY_CHART_ERROR, WY_CHART_ERROR_INVALID,
                           _("Responsible units can only be ranked by overdue problems."));
      return FALSE;
    }

  if (!wy_store_chart_units (store, data,
                             q->rank_what == WY_RANK_STREETS ? WY_LEVEL_STREET : WY_LEVEL_COMMUNITY,
                             error))
    return FALSE;

  /* A unit without compounds has no rate to rank. */
  data->ranks = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_chart_rank_free);
  for (guint i = 0; i < data->units->len; i++)
    {
      WyChartUnit *unit = g_ptr_array_index (data->units, i);
      WyChartRank *rank;

      if (unit->compounds == 0)
        continue;
      rank = g_new0 (WyChartRank, 1);
      rank->id = unit->id;
      rank->name = g_strdup (unit->name);
      rank->parent = g_strdup (unit->parent);
      rank->count = unit->attained;
      rank->total = unit->compounds;
      g_ptr_array_add (data->ranks, rank);
    }
  rank_rows (data, compare_by_rate);
  data->empty = data->ranks->len == 0;
  data->empty_text = g_strdup (_("No compounds recorded yet"));
  return TRUE;
}

/* --- The layout cache -------------------------------------------------------- */

static void
cached_layout_free (CachedLayout *cached)
{
  g_object_unref (cached->layout);
  g_free (cached);
}

static void
item_clear (WyChartItem *item)
{
  g_free (item->label);
  g_free (item->series);
  g_free (item->tooltip);
}

static void
set_up_fonts (WyChart *chart)
{
  double base = BASE_POINTS * chart->font_scale;

  for (guint i = 0; i < WY_CHART_N_FONTS; i++)
    {
      PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

      pango_font_description_set_size (desc, (int) (base * font_roles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (desc, font_roles[i].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      g_clear_pointer (&chart->fonts[i], pango_font_description_free);
      chart->fonts[i] = desc;
      chart->line_heights[i] = 0;
    }
}

/* Throws away every layout and the last layout pass: the text would not
 * measure the same any more. */
static void
invalidate (WyChart *chart)
{
  g_hash_table_remove_all (chart->layouts);
  for (guint i = 0; i < WY_CHART_N_FONTS; i++)
    chart->line_heights[i] = 0;
  g_array_set_size (chart->ops, 0);
  chart->valid = FALSE;
}

static gboolean
remove_unused_layout (gpointer key,
                      gpointer value,
                      gpointer user_data)
{
  const CachedLayout *cached = value;
  const WyChart *chart = user_data;

  return cached->pass != chart->pass;
}

/* The target decides hinting and the glyph transform. Only a real change
 * (another surface type or scale) costs a new layout pass. */
static void
update_context (WyChart *chart,
                cairo_t *cr)
{
  cairo_matrix_t matrix;
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_get_matrix (cr, &matrix);
  matrix.x0 = matrix.y0 = 0;
  cairo_surface_get_font_options (cairo_get_target (cr), options);

  if (chart->context_ready &&
      memcmp (&matrix, &chart->matrix, sizeof matrix) == 0 &&
      cairo_font_options_equal (options, chart->target_options))
    {
      cairo_font_options_destroy (options);
      return;
    }

  chart->matrix = matrix;
  g_clear_pointer (&chart->target_options, cairo_font_options_destroy);
  chart->target_options = options;
  chart->context_ready = TRUE;
  pango_cairo_update_context (cr, chart->context);
  invalidate (chart);
}

PangoLayout *
wy_chart_text_layout (WyChart     *chart,
                      WyChartFont  font,
                      const char  *text,
                      double       max_width,
                      guint        flags)
{
  CachedLayout *cached;
  PangoLayout *layout;
  /* Half a unit of slack: a width measured from a text must not make
   * that same text ellipsize through rounding. */
  int width = max_width > 0 ? (int) ceil ((max_width + 0.5) * PANGO_SCALE) : -1;

  g_return_val_if_fail (font < WY_CHART_N_FONTS, NULL);

  if (text == NULL)
    text = "";

  /* Reused key buffer: a cached frame allocates nothing to look up. */
  g_string_truncate (chart->key, 0);
  g_string_append_printf (chart->key, "%u:%d:%u:", font, width, flags);
  g_string_append (chart->key, text);

  cached = g_hash_table_lookup (chart->layouts, chart->key->str);
  if (cached != NULL)
    {
      cached->pass = chart->pass;
      return cached->layout;
    }

  layout = pango_layout_new (chart->context);
  pango_layout_set_font_description (layout, chart->fonts[font]);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, width);
      if (flags & WY_CHART_TEXT_WRAP)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -2);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      else if (flags & WY_CHART_TEXT_ELLIPSIZE)
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      else
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (flags & WY_CHART_TEXT_RIGHT)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      else if (flags & WY_CHART_TEXT_CENTER)
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }

  cached = g_new0 (CachedLayout, 1);
  cached->layout = layout;
  cached->pass = chart->pass;
  g_hash_table_insert (chart->layouts, g_strdup (chart->key->str), cached);
  return layout;
}

void
wy_chart_text_size (PangoLayout *layout,
                    double      *width,
                    double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
wy_chart_line_height (WyChart     *chart,
                      WyChartFont  font)
{
  /* Han and Latin together, so the height covers both. Looked up every
   * time so the sweep keeps the layout. */
  PangoLayout *layout = wy_chart_text_layout (chart, font, "Ag汉", -1, 0);

  if (chart->line_heights[font] <= 0)
    wy_chart_text_size (layout, NULL, &chart->line_heights[font]);
  return chart->line_heights[font];
}

double
wy_chart_em (WyChart *chart)
{
  return BASE_POINTS * chart->font_scale * RESOLUTION / 72.0;
}

/* --- Operations ------------------------------------------------------------ */

static Op *
push_op (WyChart *chart,
         OpKind   kind,
         WyChartColor color)
{
  Op op = { 0, };

  op.kind = kind;
  op.color = color;
  op.line_width = 1;
  g_array_append_val (chart->ops, op);
  return &g_array_index (chart->ops, Op, chart->ops->len - 1);
}

void
wy_chart_add_text (WyChart      *chart,
                   WyChartColor  color,
                   PangoLayout  *layout,
                   double        x,
                   double        y)
{
  Op *op = push_op (chart, OP_TEXT, color);

  op->layout = layout;
  op->x = x;
  op->y = y;
}

static void
add_box (WyChart      *chart,
         OpKind        kind,
         WyChartColor  color,
         double        x,
         double        y,
         double        w,
         double        h,
         double        line_width)
{
  Op *op;

  if (w <= 0 || h <= 0)
    return;
  op = push_op (chart, kind, color);
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->line_width = line_width;
}

void
wy_chart_add_rect (WyChart      *chart,
                   WyChartColor  color,
                   double        x,
                   double        y,
                   double        width,
                   double        height)
{
  add_box (chart, OP_RECT, color, x, y, width, height, 1);
}

void
wy_chart_add_hatch (WyChart      *chart,
                    WyChartColor  color,
                    double        x,
                    double        y,
                    double        width,
                    double        height)
{
  add_box (chart, OP_HATCH, color, x, y, width, height, 1.5);
}

void
wy_chart_add_frame (WyChart      *chart,
                    WyChartColor  color,
                    double        x,
                    double        y,
                    double        width,
                    double        height,
                    double        line_width)
{
  add_box (chart, OP_FRAME, color, x, y, width, height, line_width);
}

void
wy_chart_add_line (WyChart      *chart,
                   WyChartColor  color,
                   double        x1,
                   double        y1,
                   double        x2,
                   double        y2,
                   double        line_width,
                   gboolean      dashed)
{
  Op *op = push_op (chart, dashed ? OP_DASHED_LINE : OP_LINE, color);

  op->x = x1;
  op->y = y1;
  op->w = x2;
  op->h = y2;
  op->line_width = line_width;
}

static void
add_points (WyChart      *chart,
            OpKind        kind,
            WyChartColor  color,
            const double *xy,
            guint         n,
            double        line_width)
{
  Op *op;

  if (n == 0)
    return;
  op = push_op (chart, kind, color);
  op->first = chart->points->len / 2;
  op->n = n;
  op->line_width = line_width;
  g_array_append_vals (chart->points, xy, 2 * n);
}

void
wy_chart_add_polyline (WyChart      *chart,
                       WyChartColor  color,
                       const double *xy,
                       guint         n,
                       double        line_width,
                       gboolean      dashed)
{
  add_points (chart, dashed ? OP_DASHED_POLYLINE : OP_POLYLINE, color, xy, n, line_width);
}

void
wy_chart_add_polygon (WyChart      *chart,
                      WyChartColor  color,
                      const double *xy,
                      guint         n)
{
  add_points (chart, OP_POLYGON, color, xy, n, 1);
}

static void
add_shape (WyChart      *chart,
           OpKind        kind,
           WyChartColor  color,
           double        cx,
           double        cy,
           double        size)
{
  Op *op = push_op (chart, kind, color);

  op->x = cx;
  op->y = cy;
  op->w = size;
  op->line_width = MAX (1.0, size / 3.5);
}

void
wy_chart_add_circle (WyChart      *chart,
                     WyChartColor  color,
                     double        cx,
                     double        cy,
                     double        radius,
                     gboolean      filled)
{
  add_shape (chart, filled ? OP_CIRCLE : OP_CIRCLE_OUTLINE, color, cx, cy, radius);
}

void
wy_chart_add_square (WyChart      *chart,
                     WyChartColor  color,
                     double        cx,
                     double        cy,
                     double        half,
                     gboolean      filled)
{
  add_shape (chart, filled ? OP_SQUARE : OP_SQUARE_OUTLINE, color, cx, cy, half);
}

void
wy_chart_add_diamond (WyChart      *chart,
                      WyChartColor  color,
                      double        cx,
                      double        cy,
                      double        half,
                      gboolean      filled)
{
  add_shape (chart, filled ? OP_DIAMOND : OP_DIAMOND_OUTLINE, color, cx, cy, half);
}

void
wy_chart_add_mark (WyChart      *chart,
                   WyChartMark   mark,
                   WyChartColor  color,
                   double        cx,
                   double        cy,
                   double        radius)
{
  Op *op = push_op (chart, OP_MARK, color);

  op->mark = mark;
  op->x = cx;
  op->y = cy;
  op->w = radius;
}

guint
wy_chart_add_item (WyChart           *chart,
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
                   double             height)
{
  WyChartItem item = { 0, };
  cairo_rectangle_t hit = { x, y, width, height };

  item.target = target;
  item.id = id;
  item.light = light;
  item.label = label;
  item.series = series;
  item.value = value;
  item.count = count;
  item.total = total;
  item.tooltip = tooltip;
  item.x = x;
  item.y = y;
  item.width = width;
  item.height = height;
  g_array_append_val (chart->items, item);
  g_array_append_val (chart->hits, hit);
  return chart->items->len - 1;
}

void
wy_chart_set_item_rank (WyChart *chart,
                        guint    index,
                        guint    rank)
{
  g_return_if_fail (index < chart->items->len);

  g_array_index (chart->items, WyChartItem, index).rank = rank;
}

void
wy_chart_set_item_hit (WyChart *chart,
                       guint    index,
                       double   x,
                       double   y,
                       double   width,
                       double   height)
{
  cairo_rectangle_t *hit;

  g_return_if_fail (index < chart->hits->len);

  hit = &g_array_index (chart->hits, cairo_rectangle_t, index);
  hit->x = x;
  hit->y = y;
  hit->width = width;
  hit->height = height;
}

void
wy_chart_set_today_x (WyChart *chart,
                      double   x)
{
  chart->today_x = x;
}

void
wy_chart_add_footnote (WyChart    *chart,
                       const char *text)
{
  if (chart->footnotes->len > 0)
    g_string_append (chart->footnotes, "  ·  ");
  g_string_append (chart->footnotes, text);
}

/* --- Helpers for the layouts ------------------------------------------------- */

WyChartColor
wy_chart_light_color (WyLight light)
{
  switch (light)
    {
    case WY_LIGHT_RED:    return WY_CHART_COLOR_RED;
    case WY_LIGHT_YELLOW: return WY_CHART_COLOR_YELLOW;
    case WY_LIGHT_GREEN:  return WY_CHART_COLOR_GREEN;
    case WY_LIGHT_DONE:   return WY_CHART_COLOR_DONE;
    case WY_LIGHT_NONE:
    default:              return WY_CHART_COLOR_NONE;
    }
}

WyChartMark
wy_chart_light_mark (WyLight light)
{
  switch (light)
    {
    case WY_LIGHT_RED:    return WY_CHART_MARK_CROSS;
    case WY_LIGHT_YELLOW: return WY_CHART_MARK_BANG;
    case WY_LIGHT_GREEN:
    case WY_LIGHT_DONE:   return WY_CHART_MARK_CHECK;
    case WY_LIGHT_NONE:
    default:              return WY_CHART_MARK_DASH;
    }
}

char *
wy_chart_format_count (guint n)
{
  const struct lconv *conv = localeconv ();
  const char *separator = conv->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *text;
  size_t len = strlen (digits);

  /* Groups of three with the locale's separator (50,000 in English and
   * in Chinese); the C locale has none, and 200171 is hard to read on a
   * wall screen, so it gets a comma too. */
  if (separator == NULL || *separator == '\0')
    separator = ",";
  if (len <= 3)
    return g_steal_pointer (&digits);

  text = g_string_sized_new (len + len / 3 * strlen (separator));
  for (size_t i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

char *
wy_chart_format_rate (double rate)
{
  if (rate <= 0)
    return g_strdup ("0%");
  if (rate >= 1)
    return g_strdup ("100%");
  return g_strdup_printf ("%.1f%%", rate * 100);
}

char *
wy_chart_format_day (guint32 julian)
{
  GDate date;
  char buffer[64];

  g_date_clear (&date, 1);
  if (julian == 0 || !g_date_valid_julian (julian))
    return g_strdup ("");
  g_date_set_julian (&date, julian);
  /* Translators: strftime format of the dates printed on charts, e.g.
   * "%Y年%-m月%-d日" */
  if (g_date_strftime (buffer, sizeof buffer, C_("chart date", "%Y-%m-%d"), &date) == 0)
    return wy_date_to_iso (&date);
  return g_strdup (buffer);
}

double
wy_chart_nice_step (double max,
                    guint  n)
{
  double raw, magnitude, residual;

  if (max <= 0 || n == 0)
    return 1;
  raw = max / n;
  magnitude = pow (10, floor (log10 (raw)));
  residual = raw / magnitude;
  if (residual > 5)
    return 10 * magnitude;
  if (residual > 2)
    return 5 * magnitude;
  if (residual > 1)
    return 2 * magnitude;
  return magnitude;
}

/* --- Painting --------------------------------------------------------------- */

/* What each operation covers, found once per layout pass, so a frame
 * that shows part of the chart (a scrolled view, a damaged region)
 * skips the rest without touching it. */
static void
compute_bounds (WyChart *chart)
{
  for (guint i = 0; i < chart->ops->len; i++)
    {
      Op *op = &g_array_index (chart->ops, Op, i);
      double *b = op->bounds;
      double pad = op->line_width + 1;

      switch (op->kind)
        {
        case OP_RECT:
        case OP_HATCH:
        case OP_FRAME:
          b[0] = op->x - 1;
          b[1] = op->y - 1;
          b[2] = op->x + op->w + 1;
          b[3] = op->y + op->h + 1;
          break;
        case OP_LINE:
        case OP_DASHED_LINE:
          b[0] = MIN (op->x, op->w) - pad;
          b[1] = MIN (op->y, op->h) - pad;
          b[2] = MAX (op->x, op->w) + pad;
          b[3] = MAX (op->y, op->h) + pad;
          break;
        case OP_POLYLINE:
        case OP_DASHED_POLYLINE:
        case OP_POLYGON:
          {
            const double *xy = &g_array_index (chart->points, double, 2 * op->first);

            b[0] = b[2] = xy[0];
            b[1] = b[3] = xy[1];
            for (guint p = 1; p < op->n; p++)
              {
                b[0] = MIN (b[0], xy[2 * p]);
                b[1] = MIN (b[1], xy[2 * p + 1]);
                b[2] = MAX (b[2], xy[2 * p]);
                b[3] = MAX (b[3], xy[2 * p + 1]);
              }
            b[0] -= pad;
            b[1] -= pad;
            b[2] += pad;
            b[3] += pad;
          }
          break;
        case OP_TEXT:
          {
            PangoRectangle ink, logical;

            pango_layout_get_extents (op->layout, &ink, &logical);
            b[0] = op->x + (double) MIN (ink.x, logical.x) / PANGO_SCALE - 1;
            b[1] = op->y + (double) MIN (ink.y, logical.y) / PANGO_SCALE - 1;
            b[2] = op->x + (double) MAX (ink.x + ink.width, logical.x + logical.width) / PANGO_SCALE + 1;
            b[3] = op->y + (double) MAX (ink.y + ink.height, logical.y + logical.height) / PANGO_SCALE + 1;
          }
          break;
        default:
          /* shapes and marks: centre and size */
          b[0] = op->x - op->w - pad;
          b[1] = op->y - op->w - pad;
          b[2] = op->x + op->w + pad;
          b[3] = op->y + op->w + pad;
          break;
        }
    }
}

static void
set_color (cairo_t      *cr,
           WyChartColor  color,
           double        alpha)
{
  cairo_set_source_rgba (cr, palette[color].r, palette[color].g, palette[color].b, alpha);
}

/* Edges on whole device pixels: sharp bars at any device scale. */
static void
snap_rect (cairo_t *cr,
           double  *x,
           double  *y,
           double  *w,
           double  *h)
{
  double x1 = *x, y1 = *y, x2 = *x + *w, y2 = *y + *h;

  cairo_user_to_device (cr, &x1, &y1);
  cairo_user_to_device (cr, &x2, &y2);
  x1 = round (x1);
  y1 = round (y1);
  x2 = round (x2);
  y2 = round (y2);
  cairo_device_to_user (cr, &x1, &y1);
  cairo_device_to_user (cr, &x2, &y2);
  *x = x1;
  *y = y1;
  *w = x2 - x1;
  *h = y2 - y1;
}

/* Horizontal and vertical lines of odd width sit on pixel centres. */
static void
snap_line (cairo_t *cr,
           Op      *op,
           double  *x1,
           double  *y1,
           double  *x2,
           double  *y2)
{
  double ax = op->x, ay = op->y, bx = op->w, by = op->h;
  double offset = fmod (round (op->line_width), 2) == 1 ? 0.5 : 0;

  cairo_user_to_device (cr, &ax, &ay);
  cairo_user_to_device (cr, &bx, &by);
  if (fabs (ay - by) < 0.01)
    ay = by = floor (ay) + offset;
  else if (fabs (ax - bx) < 0.01)
    ax = bx = floor (ax) + offset;
  cairo_device_to_user (cr, &ax, &ay);
  cairo_device_to_user (cr, &bx, &by);
  *x1 = ax;
  *y1 = ay;
  *x2 = bx;
  *y2 = by;
}

static void
paint_points (WyChart *chart,
              cairo_t *cr,
              Op      *op)
{
  const double *xy = &g_array_index (chart->points, double, 2 * op->first);

  cairo_move_to (cr, xy[0], xy[1]);
  for (guint i = 1; i < op->n; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
}

static void
paint_mark (cairo_t *cr,
            Op      *op)
{
  double r = op->w;
  double cx = op->x, cy = op->y;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  set_color (cr, op->color, 1);
  cairo_fill (cr);

  /* Dark on amber, white on the darker colours: both read in grayscale. */
  set_color (cr, op->color == WY_CHART_COLOR_YELLOW ? WY_CHART_COLOR_TEXT : WY_CHART_COLOR_WHITE, 1);
  cairo_set_line_width (cr, MAX (1.0, r * 0.3));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (op->mark)
    {
    case WY_CHART_MARK_CROSS:
      cairo_move_to (cr, cx - 0.42 * r, cy - 0.42 * r);
      cairo_line_to (cr, cx + 0.42 * r, cy + 0.42 * r);
      cairo_move_to (cr, cx + 0.42 * r, cy - 0.42 * r);
      cairo_line_to (cr, cx - 0.42 * r, cy + 0.42 * r);
      cairo_stroke (cr);
      break;
    case WY_CHART_MARK_BANG:
      cairo_move_to (cr, cx, cy - 0.55 * r);
      cairo_line_to (cr, cx, cy + 0.12 * r);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy + 0.5 * r, MAX (0.6, r * 0.17), 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case WY_CHART_MARK_CHECK:
      cairo_move_to (cr, cx - 0.48 * r, cy + 0.02 * r);
      cairo_line_to (cr, cx - 0.12 * r, cy + 0.38 * r);
      cairo_line_to (cr, cx + 0.5 * r, cy - 0.38 * r);
      cairo_stroke (cr);
      break;
    case WY_CHART_MARK_DASH:
    default:
      cairo_move_to (cr, cx - 0.45 * r, cy);
      cairo_line_to (cr, cx + 0.45 * r, cy);
      cairo_stroke (cr);
      break;
    }
}

static void
paint_shape (cairo_t  *cr,
             const Op *op)
{
  double x = op->x, y = op->y, w = op->w;
  gboolean filled = op->kind == OP_CIRCLE || op->kind == OP_SQUARE || op->kind == OP_DIAMOND;

  cairo_new_path (cr);
  switch (op->kind)
    {
    case OP_CIRCLE:
    case OP_CIRCLE_OUTLINE:
      cairo_arc (cr, x, y, w, 0, 2 * G_PI);
      break;
    case OP_SQUARE:
    case OP_SQUARE_OUTLINE:
      cairo_rectangle (cr, x - w, y - w, 2 * w, 2 * w);
      break;
    default:
      cairo_move_to (cr, x, y - w);
      cairo_line_to (cr, x + w, y);
      cairo_line_to (cr, x, y + w);
      cairo_line_to (cr, x - w, y);
      cairo_close_path (cr);
      break;
    }

  if (filled)
    {
      set_color (cr, op->color, 1);
      cairo_fill (cr);
      return;
    }
  /* Outlined shapes stay white inside, over grid lines. */
  set_color (cr, WY_CHART_COLOR_WHITE, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, op->line_width);
  set_color (cr, op->color, 1);
  cairo_stroke (cr);
}

static void
paint (WyChart *chart,
       cairo_t *cr)
{
  static const double dash[] = { 4, 3 };

  double clip[4];

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);

  for (guint i = 0; i < chart->ops->len; i++)
    {
      Op *op = &g_array_index (chart->ops, Op, i);
      double x = op->x, y = op->y, w = op->w, h = op->h;
      double x1, y1, x2, y2;

      if (op->bounds[2] < clip[0] || op->bounds[0] > clip[2] ||
          op->bounds[3] < clip[1] || op->bounds[1] > clip[3])
        continue;

      switch (op->kind)
        {
        case OP_RECT:
          snap_rect (cr, &x, &y, &w, &h);
          cairo_rectangle (cr, x, y, w, h);
          set_color (cr, op->color, 1);
          cairo_fill (cr);
          break;

        case OP_HATCH:
          cairo_save (cr);
          snap_rect (cr, &x, &y, &w, &h);
          cairo_rectangle (cr, x, y, w, h);
          cairo_clip (cr);
          for (double d = -h; d < w; d += 6)
            {
              cairo_move_to (cr, x + d, y + h);
              cairo_line_to (cr, x + d + h, y);
            }
          cairo_set_line_width (cr, op->line_width);
          set_color (cr, op->color, 0.55);
          cairo_stroke (cr);
          cairo_restore (cr);
          break;

        case OP_FRAME:
          snap_rect (cr, &x, &y, &w, &h);
          cairo_rectangle (cr, x + op->line_width / 2, y + op->line_width / 2,
                           w - op->line_width, h - op->line_width);
          cairo_set_line_width (cr, op->line_width);
          set_color (cr, op->color, 1);
          cairo_stroke (cr);
          break;

        case OP_LINE:
        case OP_DASHED_LINE:
          snap_line (cr, op, &x1, &y1, &x2, &y2);
          cairo_move_to (cr, x1, y1);
          cairo_line_to (cr, x2, y2);
          cairo_set_line_width (cr, op->line_width);
          if (op->kind == OP_DASHED_LINE)
            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          set_color (cr, op->color, 1);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;

        case OP_POLYLINE:
        case OP_DASHED_POLYLINE:
          paint_points (chart, cr, op);
          cairo_set_line_width (cr, op->line_width);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          if (op->kind == OP_DASHED_POLYLINE)
            {
              double long_dash[] = { 3 * op->line_width, 2 * op->line_width };

              cairo_set_dash (cr, long_dash, G_N_ELEMENTS (long_dash), 0);
            }
          set_color (cr, op->color, 1);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
          break;

        case OP_POLYGON:
          paint_points (chart, cr, op);
          cairo_close_path (cr);
          set_color (cr, op->color, 1);
          cairo_fill (cr);
          break;

        case OP_CIRCLE:
        case OP_CIRCLE_OUTLINE:
        case OP_SQUARE:
        case OP_SQUARE_OUTLINE:
        case OP_DIAMOND:
        case OP_DIAMOND_OUTLINE:
          paint_shape (cr, op);
          break;

        case OP_MARK:
          cairo_save (cr);
          paint_mark (cr, op);
          cairo_restore (cr);
          break;

        case OP_TEXT:
          cairo_move_to (cr, x, y);
          set_color (cr, op->color, 1);
          pango_cairo_show_layout (cr, op->layout);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
}

/* --- The layout pass --------------------------------------------------------- */

static char *
make_subtitle (const WyChartData *data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *day = wy_chart_format_day (data->today);

  /* Translators: %s is a date, formatted by the "chart date" format */
  g_string_printf (text, _("As of %s"), day);
  if (data->scope != NULL)
    g_string_append_printf (text, "  ·  %s", data->scope);

  if (data->empty)
    return g_string_free (g_steal_pointer (&text), FALSE);

  switch (data->kind)
    {
    case WY_CHART_ATTAINMENT:
      {
        g_autofree char *compounds = wy_chart_format_count (data->all.compounds);
        g_autofree char *attained = wy_chart_format_count (data->all.attained);
        g_autofree char *rate = wy_chart_format_rate ((double) data->all.attained / data->all.compounds);

        g_string_append (text, "  ·  ");
        /* Translators: counts of compounds, then a rate such as 85.4% */
        g_string_append_printf (text, _("%s of %s compounds attained (%s)"), attained, compounds, rate);
      }
      break;

    case WY_CHART_SIGNOFF:
    case WY_CHART_LIGHTS:
      {
        g_autofree char *open = wy_chart_format_count (data->open);
        g_autofree char *overdue = wy_chart_format_count (data->kind == WY_CHART_LIGHTS
                                                          ? data->lights[WY_LIGHT_RED] : data->overdue);

        g_string_append (text, "  ·  ");
        /* Translators: two counts of problems */
        g_string_append_printf (text, _("%s open, %s of them overdue"), open, overdue);
      }
      break;

    case WY_CHART_RANKING:
    case WY_CHART_TIMELINE:
    case WY_N_CHARTS:
    default:
      break;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
layout_empty (WyChart           *chart,
              const WyChartData *data,
              double             x,
              double             y,
              double             width,
              double             height)
{
  PangoLayout *layout = wy_chart_text_layout (chart, WY_CHART_FONT_EMPTY, data->empty_text,
                                              width, WY_CHART_TEXT_WRAP | WY_CHART_TEXT_CENTER);
  double h;

  wy_chart_text_size (layout, NULL, &h);
  wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, layout, x, y + MAX (0, (height - h) / 2));
}

static void
relayout (WyChart *chart,
          double   width,
          double   height)
{
  const WyChartData *data = chart->data;
  double pad, title_h, subtitle_h, foot_h, body_y, body_h;
  PangoLayout *title, *subtitle;
  g_autofree char *subtitle_text = NULL;

  chart->pass++;
  g_array_set_size (chart->ops, 0);
  g_array_set_size (chart->points, 0);
  g_array_set_size (chart->items, 0);
  g_array_set_size (chart->hits, 0);
  g_string_truncate (chart->footnotes, 0);
  chart->today_x = -1;
  chart->width = width;
  chart->height = height;
  chart->valid = TRUE;

  wy_chart_add_rect (chart, WY_CHART_COLOR_BACKGROUND, 0, 0, width, height);

  pad = wy_chart_em (chart) * 1.2;
  if (data == NULL || width < 4 * pad || height < 4 * pad)
    goto sweep;

  title = wy_chart_text_layout (chart, WY_CHART_FONT_TITLE, data->title, width - 2 * pad,
                                WY_CHART_TEXT_ELLIPSIZE);
  wy_chart_text_size (title, NULL, &title_h);
  wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, title, pad, pad);

  subtitle_text = make_subtitle (data);
  subtitle = wy_chart_text_layout (chart, WY_CHART_FONT_SUBTITLE, subtitle_text, width - 2 * pad,
                                   WY_CHART_TEXT_ELLIPSIZE);
  wy_chart_text_size (subtitle, NULL, &subtitle_h);
  wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, subtitle, pad, pad + title_h + 2);

  foot_h = wy_chart_line_height (chart, WY_CHART_FONT_AXIS) + pad / 2;
  body_y = pad + title_h + 2 + subtitle_h + pad;
  body_h = height - body_y - pad - foot_h;
  if (body_h <= 0)
    goto sweep;

  if (data->empty)
    layout_empty (chart, data, pad, body_y, width - 2 * pad, body_h);
  else
    switch (data->kind)
      {
      case WY_CHART_ATTAINMENT:
        wy_chart_layout_attainment (chart, data, pad, body_y, width - 2 * pad, body_h);
        break;
      case WY_CHART_SIGNOFF:
        wy_chart_layout_signoff (chart, data, pad, body_y, width - 2 * pad, body_h);
        break;
      case WY_CHART_TIMELINE:
        wy_chart_layout_timeline (chart, data, pad, body_y, width - 2 * pad, body_h);
        break;
      case WY_CHART_LIGHTS:
        wy_chart_layout_lights (chart, data, pad, body_y, width - 2 * pad, body_h);
        break;
      case WY_CHART_RANKING:
        wy_chart_layout_ranking (chart, data, pad, body_y, width - 2 * pad, body_h);
        break;
      case WY_N_CHARTS:
      default:
        g_assert_not_reached ();
      }

  if (chart->footnotes->len > 0)
    {
      PangoLayout *notes = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, chart->footnotes->str,
                                                 width - 2 * pad, WY_CHART_TEXT_ELLIPSIZE);

      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, notes, pad,
                         height - pad - wy_chart_line_height (chart, WY_CHART_FONT_AXIS));
    }

sweep:
  compute_bounds (chart);
  /* Keep what this pass used, drop the rest: a resize reuses the labels
   * whose width did not change, and the cache never grows past one
   * chart's worth of text. */
  g_hash_table_foreach_remove (chart->layouts, remove_unused_layout, chart);
}

/* --- Public API ---------------------------------------------------------------- */

const char *
wy_chart_kind_to_name (WyChartKind kind)
{
  g_return_val_if_fail (kind < WY_N_CHARTS, NULL);

  return kind_names[kind];
}

gboolean
wy_chart_kind_from_name (const char  *name,
                         WyChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < WY_N_CHARTS; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
wy_chart_kind_to_title (WyChartKind kind)
{
  g_return_val_if_fail (kind < WY_N_CHARTS, NULL);

  return _(kind_titles[kind]);
}

WyChartData *
wy_chart_data_load (WyStore             *store,
                    WyChartKind          kind,
                    const WyChartQuery  *query,
                    GError             **error)
{
  g_autoptr(WyChartData) data = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < WY_N_CHARTS, NULL);
  g_return_val_if_fail (query != NULL && g_date_valid (&query->today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_new0 (WyChartData, 1);
  data->kind = kind;
  data->query = *query;
  if (data->query.warning_days == 0)
    data->query.warning_days = wy_store_get_warning_days (store);
  data->today = g_date_get_julian (&query->today);

  if (query->level > WY_LEVEL_DISTRICT || query->rank_by > WY_RANK_BY_OVERDUE ||
      query->rank_what > WY_RANK_RESPONSIBLE_UNITS)
    {
      g_set_error_literal (error, WY_CHART_ERROR, WY_CHART_ERROR_INVALID,
                           _("The chart was asked for something it does not know."));
      return NULL;
    }

  if (!wy_store_chart_scope (store, data, error))
    return NULL;

  switch (kind)
    {
    case WY_CHART_ATTAINMENT:
      ok = wy_store_chart_units (store, data, query->level, error);
      if (ok)
        {
          if (query->max_items > 0 && data->units->len > query->max_items)
            g_ptr_array_set_size (data->units, query->max_items);
          data->empty = data->all.compounds == 0;
          data->empty_text = g_strdup (_("No compounds recorded yet"));
        }
      break;

    case WY_CHART_SIGNOFF:
      ok = wy_store_chart_signoff (store, data, error);
      if (ok)
        {
          data->empty = data->months->len == 0;
          data->empty_text = g_strdup (data->problems == 0 ? _("No problems recorded yet")
                                                           : _("No problem was raised by this date"));
        }
      break;

    case WY_CHART_TIMELINE:
      ok = wy_store_chart_timeline (store, data, error);
      if (ok)
        {
          data->empty = data->phases->len == 0 && data->milestones->len == 0 && data->tasks->len == 0;
          data->empty_text = g_strdup (_("No phases or tasks recorded yet"));
        }
      break;

    case WY_CHART_LIGHTS:
      ok = wy_store_chart_lights (store, data, error);
      if (ok)
        {
          data->empty = data->open == 0;
          data->empty_text = g_strdup (data->problems == 0 ? _("No problems recorded yet")
                                                           : _("No open problems: every problem is signed off"));
        }
      break;

    case WY_CHART_RANKING:
      ok = load_ranking (store, data, error);
      break;

    case WY_N_CHARTS:
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    return NULL;

  if (data->units != NULL)
    data->all.name = g_strdup (data->scope != NULL ? data->scope : C_("chart row", "All"));
  data->several_parents = has_several_parents (data);
  data->title = g_strdup (make_title (data));
  return g_steal_pointer (&data);
}

void
wy_chart_data_free (WyChartData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data->scope);
  g_free (data->empty_text);
  g_strfreev (data->target_names);
  g_clear_pointer (&data->units, g_ptr_array_unref);
  g_free (data->all.name);
  g_free (data->all.met);
  g_clear_pointer (&data->ranks, g_ptr_array_unref);
  g_clear_pointer (&data->months, g_array_unref);
  g_clear_pointer (&data->phases, g_ptr_array_unref);
  g_clear_pointer (&data->milestones, g_ptr_array_unref);
  g_clear_pointer (&data->tasks, g_ptr_array_unref);
  g_free (data);
}

WyChartKind
wy_chart_data_get_kind (const WyChartData *data)
{
  g_return_val_if_fail (data != NULL, WY_CHART_ATTAINMENT);

  return data->kind;
}

gboolean
wy_chart_data_is_empty (const WyChartData *data)
{
  g_return_val_if_fail (data != NULL, TRUE);

  return data->empty;
}

const char *
wy_chart_data_get_title (const WyChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return data->title;
}

WyChart *
wy_chart_new (void)
{
  WyChart *chart = g_new0 (WyChart, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  chart->font_scale = 1.0;
  chart->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_language (chart->context, pango_language_from_string ("zh-cn"));
  /* Unhinted metrics: text measures the same at every device scale and
   * in PNG, SVG and PDF, so a layout pass is valid for all of them. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (chart->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (chart->context, RESOLUTION);
  pango_context_set_round_glyph_positions (chart->context, FALSE);

  chart->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) cached_layout_free);
  chart->key = g_string_new (NULL);
  chart->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  chart->points = g_array_new (FALSE, FALSE, sizeof (double));
  chart->items = g_array_new (FALSE, TRUE, sizeof (WyChartItem));
  g_array_set_clear_func (chart->items, (GDestroyNotify) item_clear);
  chart->hits = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  chart->footnotes = g_string_new (NULL);
  chart->today_x = -1;
  set_up_fonts (chart);
  return chart;
}

void
wy_chart_free (WyChart *chart)
{
  if (chart == NULL)
    return;

  wy_chart_data_free (chart->data);
  g_hash_table_unref (chart->layouts);
  g_string_free (chart->key, TRUE);
  g_array_unref (chart->ops);
  g_array_unref (chart->points);
  g_array_unref (chart->items);
  g_array_unref (chart->hits);
  g_string_free (chart->footnotes, TRUE);
  for (guint i = 0; i < WY_CHART_N_FONTS; i++)
    g_clear_pointer (&chart->fonts[i], pango_font_description_free);
  g_clear_pointer (&chart->target_options, cairo_font_options_destroy);
  g_object_unref (chart->context);
  g_free (chart);
}

void
wy_chart_set_data (WyChart     *chart,
                   WyChartData *data)
{
  g_return_if_fail (chart != NULL);

  if (chart->data != data)
    wy_chart_data_free (chart->data);
  chart->data = data;
  /* New names and numbers: nothing of the old text is worth keeping. */
  invalidate (chart);
  g_array_set_size (chart->items, 0);
  g_array_set_size (chart->hits, 0);
  chart->today_x = -1;
}

const WyChartData *
wy_chart_get_data (WyChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->data;
}

void
wy_chart_set_font_scale (WyChart *chart,
                         double   factor)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (factor > 0);

  if (factor == chart->font_scale)
    return;
  chart->font_scale = factor;
  set_up_fonts (chart);
  invalidate (chart);
}

void
wy_chart_draw (WyChart *chart,
               cairo_t *cr,
               double   width,
               double   height)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  update_context (chart, cr);
  if (!chart->valid || width != chart->width || height != chart->height)
    relayout (chart, width, height);
  paint (chart, cr);
}

guint
wy_chart_get_n_items (WyChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->items->len;
}

const WyChartItem *
wy_chart_get_item (WyChart *chart,
                   guint    index)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (index < chart->items->len, NULL);

  return &g_array_index (chart->items, WyChartItem, index);
}

const WyChartItem *
wy_chart_hit (WyChart *chart,
              double   x,
              double   y)
{
  g_return_val_if_fail (chart != NULL, NULL);

  /* Last drawn is on top. */
  for (guint i = chart->hits->len; i > 0; i--)
    {
      const cairo_rectangle_t *hit = &g_array_index (chart->hits, cairo_rectangle_t, i - 1);

      if (x >= hit->x && x < hit->x + hit->width && y >= hit->y && y < hit->y + hit->height)
        return &g_array_index (chart->items, WyChartItem, i - 1);
    }
  return NULL;
}

const char *
wy_chart_get_footnotes (WyChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->footnotes->str;
}

double
wy_chart_get_today_x (WyChart *chart)
{
  g_return_val_if_fail (chart != NULL, -1);

  return chart->today_x;
}

typedef enum {
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} FileFormat;

static gboolean
format_from_path (const char *path,
                  FileFormat *format)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  if (dot == NULL || (slash != NULL && dot < slash))
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = FORMAT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = FORMAT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static gboolean
cairo_ok (cairo_status_t   status,
          const char      *path,
          GError         **error)
{
  g_autofree char *shown = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (status == CAIRO_STATUS_WRITE_ERROR)
    {
      /* cairo keeps no errno; a full disk is the usual cause. */
      wy_export_set_io_error (error, ENOSPC, path);
      return FALSE;
    }
  shown = g_filename_display_name (path);
  g_set_error (error, WY_CHART_ERROR, WY_CHART_ERROR_FAILED,
               /* Translators: %s is a file, then cairo's own message */
               _("The chart “%s” could not be drawn: %s."), shown, cairo_status_to_string (status));
  return FALSE;
}

gboolean
wy_chart_render_to_file (WyStore             *store,
                         WyChartKind          kind,
                         const WyChartQuery  *query,
                         const char          *path,
                         int                  width,
                         int                  height,
                         GError             **error)
{
  g_autoptr(WyChartData) data = NULL;
  g_autoptr(WyChart) chart = NULL;
  g_autofree char *temp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  FileFormat format;
  gboolean ok;

  g_return_val_if_fail (WY_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < WY_N_CHARTS, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!format_from_path (path, &format))
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, WY_CHART_ERROR, WY_CHART_ERROR_FORMAT,
                   /* Translators: %s is the file name given */
                   _("“%s” must end in .png, .svg or .pdf."), shown);
      return FALSE;
    }
  if (width < WY_CHART_MIN_SIZE || width > WY_CHART_MAX_SIZE ||
      height < WY_CHART_MIN_SIZE || height > WY_CHART_MAX_SIZE)
    {
      g_set_error (error, WY_CHART_ERROR, WY_CHART_ERROR_SIZE,
                   /* Translators: the smallest and the largest size */
                   _("A chart must be between %d and %d pixels wide and high."),
                   WY_CHART_MIN_SIZE, WY_CHART_MAX_SIZE);
      return FALSE;
    }

  data = wy_chart_data_load (store, kind, query, error);
  if (data == NULL)
    return FALSE;

  temp = wy_export_temp_begin (path, error);
  if (temp == NULL)
    return FALSE;

  switch (format)
    {
    case FORMAT_SVG:
      surface = cairo_svg_surface_create (temp, width, height);
      /* Pixels, so the file opens at the size asked for. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case FORMAT_PDF:
      /* A page in points, at 96 dpi like the screen. */
      surface = cairo_pdf_surface_create (temp, width * 0.75, height * 0.75);
      break;
    case FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      break;
    }

  chart = wy_chart_new ();
  wy_chart_set_data (chart, g_steal_pointer (&data));

  cr = cairo_create (surface);
  if (format == FORMAT_PDF)
    cairo_scale (cr, 0.75, 0.75);
  wy_chart_draw (chart, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, temp);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  ok = cairo_ok (status, path, error);
  if (!ok)
    {
      g_unlink (temp);
      return FALSE;
    }
  return wy_export_temp_commit (temp, path, error);
}
