/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wy-chart-private.h"

/* The bar charts: ranking, lights and the attainment matrix. Rows are
 * horizontal so long Chinese names read left to right. */

/* A horizontal value axis under the rows: grid lines from top to bottom,
 * tick labels and a caption below bottom. */
static void
add_value_axis (WyChart    *chart,
                double      bar_x,
                double      bar_w,
                double      top,
                double      bottom,
                double      max,
                double      step,
                gboolean    as_rate,
                const char *caption,
                double      caption_x,
                double      caption_w)
{
  double axis_line = wy_chart_line_height (chart, WY_CHART_FONT_AXIS);
  guint n_ticks = (guint) floor (max / step + 0.5);

  for (guint t = 0; t <= n_ticks; t++)
    {
      double value = t * step;
      double tx = bar_x + bar_w * value / max;
      g_autofree char *text = as_rate ? g_strdup_printf ("%.0f%%", value * 100)
                                      : wy_chart_format_count ((guint) value);
      PangoLayout *label = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, text, -1, 0);
      double w;

      wy_chart_add_line (chart, t == 0 ? WY_CHART_COLOR_AXIS : WY_CHART_COLOR_GRID,
                         tx, top, tx, bottom, 1, FALSE);
      wy_chart_text_size (label, &w, NULL);
      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, label, tx - w / 2, bottom + 3);
    }

  if (caption != NULL)
    {
      PangoLayout *layout = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, caption, caption_w,
                                                  WY_CHART_TEXT_ELLIPSIZE | WY_CHART_TEXT_CENTER);

      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, layout, caption_x, bottom + 3 + axis_line + 2);
    }
}

/* Scale for counts: a round maximum with about five ticks. */
static double
count_scale (guint   max_count,
             double *step)
{
  double max = MAX (max_count, 1);

  *step = wy_chart_nice_step (max, 5);
  if (*step < 1)
    *step = 1;
  return ceil (max / *step) * *step;
}

/* --- Ranking ---------------------------------------------------------------- */

static const char *
rank_unit_caption (const WyChartQuery *q)
{
  switch (q->rank_what)
    {
    case WY_RANK_STREETS:           return _("Street office");
    case WY_RANK_RESPONSIBLE_UNITS: return _("Responsible unit");
    case WY_RANK_COMMUNITIES:
    default:                        return _("Community");
    }
}

static char *
rank_more_text (const WyChartQuery *q,
                guint               n)
{
  g_autofree char *count = wy_chart_format_count (n);

  switch (q->rank_what)
    {
    case WY_RANK_STREETS:
      /* Translators: %s is a number; the row stands for those not drawn */
      return g_strdup_printf (ngettext ("⋯ %s more street office ⋯", "⋯ %s more street offices ⋯", n), count);
    case WY_RANK_RESPONSIBLE_UNITS:
      /* Translators: %s is a number; the row stands for those not drawn */
      return g_strdup_printf (ngettext ("⋯ %s more unit ⋯", "⋯ %s more units ⋯", n), count);
    case WY_RANK_COMMUNITIES:
    default:
      /* Translators: %s is a number; the row stands for those not drawn */
      return g_strdup_printf (ngettext ("⋯ %s more community ⋯", "⋯ %s more communities ⋯", n), count);
    }
}

static char *
rank_label (const WyChartData *data,
            const WyChartRank *rank)
{
  /* Across streets a community's name alone can be ambiguous (and a
   * street's across districts). */
  if (data->query.rank_what != WY_RANK_RESPONSIBLE_UNITS && data->several_parents && rank->parent != NULL)
    return g_strdup_printf (C_("chart scope", "%s (%s)"), rank->name, rank->parent);
  return g_strdup (rank->name);
}

static char *
rank_value_text (const WyChartData *data,
                 const WyChartRank *rank)
{
  if (data->query.rank_by == WY_RANK_BY_ATTAINMENT_RATE)
    {
      g_autofree char *rate = wy_chart_format_rate ((double) rank->count / rank->total);

      return g_strdup_printf ("%s  (%u/%u)", rate, rank->count, rank->total);
    }
  return wy_chart_format_count (rank->count);
}

static char *
rank_tooltip (const WyChartData *data,
              const WyChartRank *rank,
              const char        *label)
{
  g_autofree char *count = wy_chart_format_count (rank->count);
  g_autofree char *total = wy_chart_format_count (rank->total);

  if (data->query.rank_by == WY_RANK_BY_ATTAINMENT_RATE)
    {
      g_autofree char *rate = wy_chart_format_rate ((double) rank->count / rank->total);

      /* Translators: a name, a place (1, 2 …), compounds attained, all
       * compounds, the rate */
      return g_strdup_printf (_("%s — No. %u: %s of %s compounds attained (%s)"),
                              label, rank->rank, count, total, rate);
    }
  /* Translators: a name, a place (1, 2 …), overdue and open problems */
  return g_strdup_printf (_("%s — No. %u: %s overdue of %s open problems"),
                          label, rank->rank, count, total);
}

void
wy_chart_layout_ranking (WyChart           *chart,
                         const WyChartData *data,
                         double             x,
                         double             y,
                         double             width,
                         double             height)
{
  GPtrArray *ranks = data->ranks;
  gboolean by_rate = data->query.rank_by == WY_RANK_BY_ATTAINMENT_RATE;
  double em = wy_chart_em (chart);
  double line = wy_chart_line_height (chart, WY_CHART_FONT_LABEL);
  double axis_line = wy_chart_line_height (chart, WY_CHART_FONT_AXIS);
  double header_h = axis_line + em * 0.4;
  double axis_h = 2 * axis_line + em * 0.5;
  double rows_top = y + header_h;
  double rows_h = height - header_h - axis_h;
  double row_h, rank_w = 0, name_w = 0, value_w = 0, bar_x, bar_w, max, step;
  guint capacity, top, bottom, n_rows, max_count = 0;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *widest_rank = NULL;
  PangoLayout *layout;

  if (rows_h < line)
    return;

  /* Which rows: all that fit, else the head and the tail of the list
   * around a row saying how many are left out (a briefing names the best
   * and the worst). By overdue only the head matters. */
  capacity = (guint) floor (rows_h / (line * 1.2));
  if (ranks->len <= capacity)
    {
      top = ranks->len;
      bottom = 0;
    }
  else if (capacity < 3)
    {
      top = capacity;
      bottom = 0;
    }
  else if (by_rate)
    {
      top = capacity / 2;
      bottom = capacity - 1 - top;
    }
  else
    {
      top = capacity - 1;
      bottom = 0;
    }
  for (guint i = 0; i < top; i++)
    g_ptr_array_add (shown, g_ptr_array_index (ranks, i));
  if (top + bottom < ranks->len && capacity >= 3)
    g_ptr_array_add (shown, NULL);   /* the gap */
  for (guint i = ranks->len - bottom; i < ranks->len; i++)
    g_ptr_array_add (shown, g_ptr_array_index (ranks, i));
  n_rows = shown->len;
  row_h = MIN (line * 2.6, rows_h / MAX (n_rows, 1));

  /* Column widths from the rows drawn. */
  widest_rank = wy_chart_format_count (ranks->len);
  layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, widest_rank, -1, 0);
  wy_chart_text_size (layout, &rank_w, NULL);
  layout = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, C_("chart rank", "No."), -1, 0);
  {
    double w;

    wy_chart_text_size (layout, &w, NULL);
    rank_w = MAX (rank_w, w) + em * 0.6;
  }
  for (guint i = 0; i < n_rows; i++)
    {
      const WyChartRank *rank = g_ptr_array_index (shown, i);
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;
      double w;

      if (rank == NULL)
        continue;
      label = rank_label (data, rank);
      wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_LABEL, label, -1, 0), &w, NULL);
      name_w = MAX (name_w, w);
      value = rank_value_text (data, rank);
      wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_VALUE, value, -1, 0), &w, NULL);
      value_w = MAX (value_w, w);
      max_count = MAX (max_count, rank->count);
    }
  name_w = CLAMP (name_w, em * 4, width * 0.3) + em * 0.8;
  value_w += em * 0.6;
  bar_x = x + rank_w + name_w;
  bar_w = width - rank_w - name_w - value_w;
  if (bar_w < em * 2)
    return;

  if (by_rate)
    {
      double top_rate = 0;

      /* Zoomed to the best rate rounded up to the next 10%: differences
       * between units are what a ranking is read for; the axis says
       * where 100% would be. */
      for (guint i = 0; i < ranks->len; i++)
        {
          const WyChartRank *rank = g_ptr_array_index (ranks, i);

          top_rate = MAX (top_rate, (double) rank->count / MAX (rank->total, 1));
        }
      max = CLAMP (ceil (top_rate * 10 - 1e-9) / 10, 0.1, 1);
      step = max <= 0.3 ? 0.05 : max <= 0.6 ? 0.1 : 0.2;
    }
  else
    max = count_scale (max_count, &step);

  /* Column captions stand in for the vertical axis. */
  layout = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, C_("chart rank", "No."), rank_w - em * 0.6, WY_CHART_TEXT_RIGHT);
  wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, layout, x, y);
  layout = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, rank_unit_caption (&data->query), name_w,
                                 WY_CHART_TEXT_ELLIPSIZE);
  wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, layout, x + rank_w, y);

  add_value_axis (chart, bar_x, bar_w, rows_top, rows_top + n_rows * row_h, max, step, by_rate,
                  by_rate ? _("Attainment rate: compounds meeting all five haves")
                          : _("Overdue problems: open, deadline passed"),
                  bar_x, bar_w);

  for (guint i = 0; i < n_rows; i++)
    {
      const WyChartRank *rank = g_ptr_array_index (shown, i);
      double row_y = rows_top + i * row_h;
      double bar_h = MIN (row_h * 0.62, em * 1.6);
      double bar_y = row_y + (row_h - bar_h) / 2;
      double value;
      g_autofree char *label = NULL;
      g_autofree char *rank_text = NULL;
      g_autofree char *value_text = NULL;
      double w, h, length;
      guint index;

      if (rank == NULL)
        {
          /* All that are not drawn, also those max_items left out. */
          g_autofree char *more = rank_more_text (&data->query, data->n_ranked - top - bottom);

          layout = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, more, width - rank_w,
                                         WY_CHART_TEXT_CENTER | WY_CHART_TEXT_ELLIPSIZE);
          wy_chart_text_size (layout, NULL, &h);
          wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, layout, x + rank_w, row_y + (row_h - h) / 2);
          continue;
        }

      value = by_rate ? (double) rank->count / MAX (rank->total, 1) : rank->count;
      length = bar_w * value / max;

      rank_text = g_strdup_printf ("%u", rank->rank);
      layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, rank_text, rank_w - em * 0.6,
                                     WY_CHART_TEXT_RIGHT);
      wy_chart_text_size (layout, NULL, &h);
      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, layout, x, row_y + (row_h - h) / 2);

      label = rank_label (data, rank);
      layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL, label, name_w - em * 0.8,
                                     WY_CHART_TEXT_ELLIPSIZE);
      wy_chart_text_size (layout, NULL, &h);
      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, layout, x + rank_w, row_y + (row_h - h) / 2);

      if (by_rate)
        wy_chart_add_rect (chart, WY_CHART_COLOR_BAR, bar_x, bar_y, length, bar_h);
      else
        {
          wy_chart_add_rect (chart, WY_CHART_COLOR_RED, bar_x, bar_y, length, bar_h);
          wy_chart_add_hatch (chart, WY_CHART_COLOR_WHITE, bar_x, bar_y, length, bar_h);
        }

      value_text = rank_value_text (data, rank);
      layout = wy_chart_text_layout (chart, WY_CHART_FONT_VALUE, value_text, -1, 0);
      wy_chart_text_size (layout, &w, &h);
      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, layout, bar_x + length + em * 0.3,
                         row_y + (row_h - h) / 2);

      index = wy_chart_add_item (chart,
                                 data->query.rank_what == WY_RANK_STREETS ? WY_CHART_TARGET_STREET
                                 : data->query.rank_what == WY_RANK_RESPONSIBLE_UNITS ? WY_CHART_TARGET_UNIT
                                 : WY_CHART_TARGET_COMMUNITY,
                                 rank->id, WY_LIGHT_NONE, g_strdup (rank->name), NULL,
                                 value, rank->count, by_rate ? rank->total : 0,
                                 rank_tooltip (data, rank, label),
                                 bar_x, bar_y, MAX (length, 1), bar_h);
      wy_chart_set_item_rank (chart, index, rank->rank);
      wy_chart_set_item_hit (chart, index, x, row_y, width, row_h);
    }

  /* The bars drawn, not those loaded: a short chart draws fewer than
   * max_items ("the first 10 of 18" over 7 bars, issue 12, point 4). A
   * head-and-tail ranking says what it leaves out in its gap row. */
  if (bottom == 0 && data->n_ranked > top)
    {
      g_autofree char *shown_n = wy_chart_format_count (top);
      g_autofree char *all_n = wy_chart_format_count (data->n_ranked);
      g_autofree char *note = NULL;

      /* Translators: two counts */
      note = g_strdup_printf (_("The first %s of %s"), shown_n, all_n);
      wy_chart_add_footnote (chart, note);
    }
}

/* --- Lights -------------------------------------------------------------------- */

static char *
light_explanation (WyLight light,
                   guint   warning_days)
{
  switch (light)
    {
    case WY_LIGHT_RED:
      return g_strdup (_("deadline passed"));
    case WY_LIGHT_YELLOW:
      /* Translators: %u is the warning window in days */
      return g_strdup_printf (ngettext ("due today or within %u day", "due today or within %u days",
                                        warning_days), warning_days);
    case WY_LIGHT_GREEN:
      return g_strdup (_("due later"));
    case WY_LIGHT_NONE:
    case WY_LIGHT_DONE:
    default:
      return g_strdup (_("no deadline set"));
    }
}

void
wy_chart_layout_lights (WyChart           *chart,
                        const WyChartData *data,
                        double             x,
                        double             y,
                        double             width,
                        double             height)
{
  WyLight lights[4] = { WY_LIGHT_RED, WY_LIGHT_YELLOW, WY_LIGHT_GREEN, WY_LIGHT_NONE };
  guint n = data->lights[WY_LIGHT_NONE] > 0 ? 4 : 3;
  double em = wy_chart_em (chart);
  double line = wy_chart_line_height (chart, WY_CHART_FONT_LABEL_BOLD);
  double small = wy_chart_line_height (chart, WY_CHART_FONT_AXIS);
  double axis_line = wy_chart_line_height (chart, WY_CHART_FONT_AXIS);
  double axis_h = 2 * axis_line + em * 0.5;
  double rows_h = height - axis_h;
  double badge = MAX (line * 0.42, 5);
  double row_h, label_w = 0, value_w = 0, bar_x, bar_w, max, step;
  guint max_count = 0;

  if (rows_h < line)
    return;
  row_h = rows_h / n;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *explanation = light_explanation (lights[i], data->query.warning_days);
      g_autofree char *count = wy_chart_format_count (data->lights[lights[i]]);
      g_autofree char *rate = wy_chart_format_rate ((double) data->lights[lights[i]] / MAX (data->open, 1));
      g_autofree char *value = g_strdup_printf ("%s  (%s)", count, rate);
      double w;

      wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD,
                                                wy_light_to_label (lights[i]), -1, 0), &w, NULL);
      label_w = MAX (label_w, w);
      wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, explanation, -1, 0), &w, NULL);
      label_w = MAX (label_w, w);
      wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, value, -1, 0), &w, NULL);
      value_w = MAX (value_w, w);
      max_count = MAX (max_count, data->lights[lights[i]]);
    }
  label_w = MIN (label_w, width * 0.35) + 2 * badge + em * 1.2;
  value_w += em * 0.6;
  bar_x = x + label_w;
  bar_w = width - label_w - value_w;
  if (bar_w < em * 2)
    return;
  max = count_scale (max_count, &step);

  add_value_axis (chart, bar_x, bar_w, y, y + n * row_h, max, step, FALSE,
                  _("Open problems"), bar_x, bar_w);

  for (guint i = 0; i < n; i++)
    {
      WyLight light = lights[i];
      guint count = data->lights[light];
      double row_y = y + i * row_h;
      double cy = row_y + row_h / 2;
      double bar_h = MIN (row_h * 0.55, em * 4.5);
      double length = bar_w * count / max;
      g_autofree char *explanation = light_explanation (light, data->query.warning_days);
      g_autofree char *count_text = wy_chart_format_count (count);
      g_autofree char *rate = wy_chart_format_rate ((double) count / MAX (data->open, 1));
      g_autofree char *value = g_strdup_printf ("%s  (%s)", count_text, rate);
      g_autofree char *tooltip = NULL;
      PangoLayout *layout;
      double h, text_x = x + 2 * badge + em * 0.5;
      guint index;

      /* The mark and the word carry the light, the colour only repeats it. */
      wy_chart_add_mark (chart, wy_chart_light_mark (light), wy_chart_light_color (light),
                         x + badge, cy, badge);
      layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, wy_light_to_label (light),
                                     label_w - (text_x - x) - em * 0.5, WY_CHART_TEXT_ELLIPSIZE);
      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, layout, text_x, cy - (line + small) / 2);
      layout = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, explanation,
                                     label_w - (text_x - x) - em * 0.5, WY_CHART_TEXT_ELLIPSIZE);
      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, layout, text_x, cy - (line + small) / 2 + line);

      wy_chart_add_rect (chart, wy_chart_light_color (light), bar_x, cy - bar_h / 2, length, bar_h);
      if (light == WY_LIGHT_RED)
        wy_chart_add_hatch (chart, WY_CHART_COLOR_WHITE, bar_x, cy - bar_h / 2, length, bar_h);

      layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, value, -1, 0);
      wy_chart_text_size (layout, NULL, &h);
      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, layout, bar_x + length + em * 0.3, cy - h / 2);

      /* Translators: a light ("Overdue"), a count and a share of the open problems */
      tooltip = g_strdup_printf (_("%s: %s open problems (%s)"), wy_light_to_label (light), count_text, rate);
      index = wy_chart_add_item (chart, WY_CHART_TARGET_LIGHT, 0, light,
                                 g_strdup (wy_light_to_label (light)), NULL,
                                 count, count, data->open, g_steal_pointer (&tooltip),
                                 bar_x, cy - bar_h / 2, MAX (length, 1), bar_h);
      wy_chart_set_item_hit (chart, index, x, row_y, width, row_h);
    }
}

/* --- Attainment ------------------------------------------------------------------- */

static char *
unit_label (const WyChartData *data,
            const WyChartUnit *unit)
{
  if (data->query.level != WY_LEVEL_DISTRICT && data->several_parents && unit->parent != NULL)
    return g_strdup_printf (C_("chart scope", "%s (%s)"), unit->name, unit->parent);
  return g_strdup (unit->name);
}

static const char *
level_caption (WyLevel level)
{
  switch (level)
    {
    case WY_LEVEL_STREET:   return _("Street office");
    case WY_LEVEL_DISTRICT: return _("District");
    case WY_LEVEL_COMMUNITY:
    default:                return _("Community");
    }
}

static WyChartTargetKind
unit_target (WyLevel level)
{
  switch (level)
    {
    case WY_LEVEL_COMMUNITY: return WY_CHART_TARGET_COMMUNITY;
    case WY_LEVEL_STREET:    return WY_CHART_TARGET_STREET;
    case WY_LEVEL_DISTRICT:
    default:                 return WY_CHART_TARGET_NONE;
    }
}

/* One cell: the rate and count above a thin bar. */
static void
add_cell (WyChart           *chart,
          const WyChartData *data,
          const WyChartUnit *unit,
          const char        *label,
          WyChartTargetKind  target,
          gint64             id,
          guint              column,
          double             cell_x,
          double             cell_w,
          double             row_y,
          double             row_h)
{
  gboolean overall = column == data->n_targets;
  guint met = overall ? unit->attained : unit->met[column];
  double em = wy_chart_em (chart);
  double inner_x = cell_x + em * 0.4;
  double inner_w = cell_w - em * 0.8;
  double bar_h = MAX (4, em * 0.42);
  double line = wy_chart_line_height (chart, WY_CHART_FONT_LABEL);
  double text_y = row_y + (row_h - line - bar_h - 3) / 2;
  double bar_y = text_y + line + 3;
  double rate = unit->compounds > 0 ? (double) met / unit->compounds : 0;
  WyChartFont font = overall ? WY_CHART_FONT_LABEL_BOLD : WY_CHART_FONT_LABEL;
  const char *series = overall ? NULL : data->target_names[column];
  g_autofree char *tooltip = NULL;
  guint index;

  if (unit->compounds == 0)
    {
      PangoLayout *layout = wy_chart_text_layout (chart, font, "—", inner_w, WY_CHART_TEXT_CENTER);

      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, layout, inner_x, text_y);
      /* Translators: a community or street office */
      tooltip = g_strdup_printf (_("%s: no compounds recorded"), label);
      index = wy_chart_add_item (chart, target, id, WY_LIGHT_NONE, g_strdup (unit->name), g_strdup (series),
                                 0, 0, 0, g_steal_pointer (&tooltip), inner_x, bar_y, inner_w, bar_h);
      wy_chart_set_item_hit (chart, index, cell_x, row_y, cell_w, row_h);
      return;
    }

  {
    g_autofree char *rate_text = wy_chart_format_rate (rate);
    g_autofree char *full = g_strdup_printf ("%s  %u/%u", rate_text, met, unit->compounds);
    g_autofree char *met_text = wy_chart_format_count (met);
    g_autofree char *all_text = wy_chart_format_count (unit->compounds);
    PangoLayout *layout = wy_chart_text_layout (chart, font, full, -1, 0);
    double w;

    /* The count goes when the column is too narrow for it; the rate stays. */
    wy_chart_text_size (layout, &w, NULL);
    if (w > inner_w)
      layout = wy_chart_text_layout (chart, font, rate_text, inner_w, WY_CHART_TEXT_ELLIPSIZE);
    wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, layout, inner_x, text_y);

    wy_chart_add_rect (chart, WY_CHART_COLOR_TRACK, inner_x, bar_y, inner_w, bar_h);
    wy_chart_add_rect (chart, overall ? WY_CHART_COLOR_BAR_STRONG : WY_CHART_COLOR_BAR,
                       inner_x, bar_y, inner_w * rate, bar_h);

    if (overall)
      /* Translators: a unit, compounds attained, all compounds, a rate */
      tooltip = g_strdup_printf (_("%s: %s of %s compounds attained (%s)"), label, met_text, all_text, rate_text);
    else
      /* Translators: a unit, a target, compounds meeting it, all compounds, a rate */
      tooltip = g_strdup_printf (_("%s, %s: met by %s of %s compounds (%s)"), label, series,
                                 met_text, all_text, rate_text);
  }

  index = wy_chart_add_item (chart, target, id, WY_LIGHT_NONE, g_strdup (unit->name), g_strdup (series),
                             rate, met, unit->compounds, g_steal_pointer (&tooltip),
                             inner_x, bar_y, MAX (inner_w * rate, 1), bar_h);
  wy_chart_set_item_hit (chart, index, cell_x, row_y, cell_w, row_h);
}

void
wy_chart_layout_attainment (WyChart           *chart,
                            const WyChartData *data,
                            double             x,
                            double             y,
                            double             width,
                            double             height)
{
  GPtrArray *units = data->units;
  guint n_columns = data->n_targets + 1;
  double em = wy_chart_em (chart);
  double line = wy_chart_line_height (chart, WY_CHART_FONT_LABEL);
  double header_h = 2 * wy_chart_line_height (chart, WY_CHART_FONT_AXIS) + em * 0.5;
  double row_min = line + MAX (4, em * 0.42) + em * 0.55;
  double rows_top = y + header_h;
  double rows_h = height - header_h;
  double name_w = 0, col_w, row_h;
  guint capacity, n_units;
  WyChartTargetKind all_target = WY_CHART_TARGET_NONE;
  gint64 all_id = 0;
  PangoLayout *layout;

  if (rows_h < row_min)
    return;

  capacity = (guint) floor (rows_h / row_min);
  n_units = MIN (units->len, capacity > 0 ? capacity - 1 : 0);
  row_h = MIN (row_min * 1.35, rows_h / (n_units + 1));

  layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, C_("chart row", "All"), -1, 0);
  wy_chart_text_size (layout, &name_w, NULL);
  for (guint i = 0; i < n_units; i++)
    {
      g_autofree char *label = unit_label (data, g_ptr_array_index (units, i));
      double w;

      wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_LABEL, label, -1, 0), &w, NULL);
      name_w = MAX (name_w, w);
    }
  {
    double w;

    wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, level_caption (data->query.level), -1, 0),
                        &w, NULL);
    name_w = MAX (name_w, w);
  }
  name_w = CLAMP (name_w, em * 4, width * 0.26) + em * 0.8;
  col_w = (width - name_w) / n_columns;
  if (col_w < em * 2.5)
    return;

  /* Column headers: the targets' names on up to two lines, then the
   * attained column, set apart with a stronger rule. */
  for (guint c = 0; c < n_columns; c++)
    {
      const char *caption = c < data->n_targets ? data->target_names[c] : _("Attained (all met)");

      layout = wy_chart_text_layout (chart, c < data->n_targets ? WY_CHART_FONT_AXIS : WY_CHART_FONT_LABEL_BOLD,
                                     caption, col_w - em * 0.4, WY_CHART_TEXT_WRAP | WY_CHART_TEXT_CENTER);
      wy_chart_add_text (chart, c < data->n_targets ? WY_CHART_COLOR_TEXT_DIM : WY_CHART_COLOR_TEXT,
                         layout, x + name_w + c * col_w + em * 0.2, y);
    }
  layout = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, level_caption (data->query.level),
                                 name_w - em * 0.8, WY_CHART_TEXT_ELLIPSIZE);
  wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, layout, x, y);

  wy_chart_add_line (chart, WY_CHART_COLOR_AXIS, x, rows_top - 1, x + width, rows_top - 1, 1, FALSE);
  wy_chart_add_line (chart, WY_CHART_COLOR_GRID, x + name_w + data->n_targets * col_w, y,
                     x + name_w + data->n_targets * col_w, rows_top + (n_units + 1) * row_h, 1, FALSE);

  if (data->query.community_id != 0)
    {
      all_target = WY_CHART_TARGET_COMMUNITY;
      all_id = data->query.community_id;
    }
  else if (data->query.street_id != 0)
    {
      all_target = WY_CHART_TARGET_STREET;
      all_id = data->query.street_id;
    }

  for (guint r = 0; r <= n_units; r++)
    {
      const WyChartUnit *unit = r == 0 ? &data->all : g_ptr_array_index (units, r - 1);
      g_autofree char *label = r == 0 ? g_strdup (data->scope != NULL ? data->scope : C_("chart row", "All"))
                                      : unit_label (data, unit);
      double row_y = rows_top + r * row_h;
      double h;

      if (r == 1)
        wy_chart_add_line (chart, WY_CHART_COLOR_AXIS, x, row_y, x + width, row_y, 1, FALSE);
      else if (r > 1)
        wy_chart_add_line (chart, WY_CHART_COLOR_GRID, x, row_y, x + width, row_y, 1, FALSE);

      layout = wy_chart_text_layout (chart, r == 0 ? WY_CHART_FONT_LABEL_BOLD : WY_CHART_FONT_LABEL,
                                     r == 0 ? C_("chart row", "All") : label, name_w - em * 0.8,
                                     WY_CHART_TEXT_ELLIPSIZE);
      wy_chart_text_size (layout, NULL, &h);
      wy_chart_add_text (chart, unit->compounds > 0 ? WY_CHART_COLOR_TEXT : WY_CHART_COLOR_TEXT_DIM,
                         layout, x, row_y + (row_h - h) / 2);

      for (guint c = 0; c < n_columns; c++)
        add_cell (chart, data, unit, label,
                  r == 0 ? all_target : unit_target (data->query.level),
                  r == 0 ? all_id : unit->id,
                  c, x + name_w + c * col_w, col_w, row_y, row_h);
    }

  wy_chart_add_footnote (chart, _("Each cell: share of compounds meeting the target, compounds meeting it / all compounds"));
  if (n_units < units->len)
    {
      g_autofree char *shown_n = wy_chart_format_count (n_units);
      g_autofree char *all_n = wy_chart_format_count (units->len);
      g_autofree char *note = NULL;

      if (data->query.street_id == 0 && data->query.community_id == 0)
        /* Translators: two counts */
        note = g_strdup_printf (_("The first %s of %s are shown; choose a street office to see the others"),
                                shown_n, all_n);
      else
        /* Translators: two counts */
        note = g_strdup_printf (_("The first %s of %s are shown; a taller chart shows more"), shown_n, all_n);
      wy_chart_add_footnote (chart, note);
    }
}
