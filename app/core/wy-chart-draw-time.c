/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wy-chart-private.h"

/* The charts over time: the sign-off curve and the timeline (Gantt). */

/* --- Sign-off curve ---------------------------------------------------------- */

static void
add_legend_entry (WyChart      *chart,
                  double       *x,
                  double        y,
                  double        line,
                  WyChartColor  color,
                  gboolean      dashed,
                  gboolean      square,
                  const char   *text)
{
  double em = wy_chart_em (chart);
  double cy = y + line / 2;
  PangoLayout *layout = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, text, -1, 0);
  double w;

  if (color == WY_CHART_COLOR_RAISED_FILL)
    wy_chart_add_rect (chart, color, *x, cy - em * 0.4, em * 1.8, em * 0.8);
  else
    {
      wy_chart_add_line (chart, color, *x, cy, *x + em * 1.8, cy, 2.5, dashed);
      if (square)
        wy_chart_add_square (chart, color, *x + em * 0.9, cy, em * 0.28, TRUE);
      else
        wy_chart_add_circle (chart, color, *x + em * 0.9, cy, em * 0.3, TRUE);
    }
  wy_chart_text_size (layout, &w, NULL);
  wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, layout, *x + em * 2.2, y);
  *x += em * 2.2 + w + em * 1.2;
}

void
wy_chart_layout_signoff (WyChart           *chart,
                         const WyChartData *data,
                         double             x,
                         double             y,
                         double             width,
                         double             height)
{
  GArray *months = data->months;
  guint n = months->len;
  const WyChartMonth *last = &g_array_index (months, WyChartMonth, n - 1);
  double em = wy_chart_em (chart);
  double axis_line = wy_chart_line_height (chart, WY_CHART_FONT_AXIS);
  double value_line = wy_chart_line_height (chart, WY_CHART_FONT_VALUE);
  double legend_h = axis_line + em * 0.6;
  double plot_top = y + legend_h + value_line;
  double plot_bottom = y + height - 2 * axis_line - em * 0.6;
  double max, step, left_w = 0, right_w = 0, px0, px1, spacing, marker;
  g_autofree char *raised_end = NULL;
  g_autofree char *signed_end = NULL;
  g_autofree double *raised_xy = g_new (double, 2 * n);
  g_autofree double *signed_xy = g_new (double, 2 * n);
  g_autofree double *gap_xy = g_new (double, 4 * n);
  guint n_ticks, label_every = 1;
  PangoLayout *layout;
  double legend_x;

  if (plot_bottom - plot_top < axis_line * 3)
    return;

  max = MAX (last->raised_total, last->signed_off_total);
  step = wy_chart_nice_step (MAX (max, 1), 5);
  if (step < 1)
    step = 1;
  max = ceil (MAX (max, 1) / step) * step;
  n_ticks = (guint) floor (max / step + 0.5);

  /* The y axis: its caption above, tick labels on the left. */
  for (guint t = 0; t <= n_ticks; t++)
    {
      g_autofree char *text = wy_chart_format_count ((guint) (t * step));
      double w;

      wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, text, -1, 0), &w, NULL);
      left_w = MAX (left_w, w);
    }
  left_w += em * 0.5;

  {
    g_autofree char *raised_n = wy_chart_format_count (last->raised_total);
    g_autofree char *signed_n = wy_chart_format_count (last->signed_off_total);
    double w;

    /* Translators: the end of a curve, %s is a count */
    raised_end = g_strdup_printf (_("Raised %s"), raised_n);
    /* Translators: the end of a curve, %s is a count */
    signed_end = g_strdup_printf (_("Signed off %s"), signed_n);
    wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, raised_end, -1, 0), &w, NULL);
    right_w = w;
    wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, signed_end, -1, 0), &w, NULL);
    right_w = MAX (right_w, w) + em * 0.8;
  }
  right_w = MIN (right_w, width * 0.3);

  px0 = x + left_w + em * 0.5;
  px1 = x + width - right_w;
  if (px1 - px0 < em * 4)
    return;
  spacing = n > 1 ? (px1 - px0) / (n - 1) : 0;

  /* Legend and y caption on one row above the plot. */
  layout = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, _("Problems, cumulative"), width * 0.3,
                                 WY_CHART_TEXT_ELLIPSIZE);
  wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, layout, x, y);
  legend_x = x + width * 0.3 + em;
  add_legend_entry (chart, &legend_x, y, axis_line, WY_CHART_COLOR_RAISED, FALSE, FALSE, _("Raised"));
  add_legend_entry (chart, &legend_x, y, axis_line, WY_CHART_COLOR_SIGNED_OFF, TRUE, TRUE, _("Signed off"));
  add_legend_entry (chart, &legend_x, y, axis_line, WY_CHART_COLOR_RAISED_FILL, FALSE, FALSE,
                    _("Still open"));

  for (guint t = 0; t <= n_ticks; t++)
    {
      double ty = plot_bottom - (plot_bottom - plot_top) * t * step / max;
      g_autofree char *text = wy_chart_format_count ((guint) (t * step));
      PangoLayout *label = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, text, left_w - em * 0.5,
                                                 WY_CHART_TEXT_RIGHT);

      wy_chart_add_line (chart, t == 0 ? WY_CHART_COLOR_AXIS : WY_CHART_COLOR_GRID,
                         px0 - em * 0.3, ty, px1, ty, 1, FALSE);
      wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, label, x, ty - axis_line / 2);
    }

  /* Month labels: every k-th so they never overlap. */
  {
    double w;

    wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, "0000-00", -1, 0), &w, NULL);
    if (n > 1)
      while (label_every * spacing < w + em * 0.8 && label_every < n)
        label_every = label_every < 3 ? label_every + 1 : label_every < 6 ? 6 : label_every + 6;
  }

  for (guint i = 0; i < n; i++)
    {
      const WyChartMonth *m = &g_array_index (months, WyChartMonth, i);
      double mx = n > 1 ? px0 + i * spacing : (px0 + px1) / 2;

      raised_xy[2 * i] = mx;
      raised_xy[2 * i + 1] = plot_bottom - (plot_bottom - plot_top) * m->raised_total / max;
      signed_xy[2 * i] = mx;
      signed_xy[2 * i + 1] = plot_bottom - (plot_bottom - plot_top) * m->signed_off_total / max;
    }

  /* From the latest month back, each label where it does not touch the
   * one after it; never left of the y axis, where the tick labels are. */
  {
    double room = x + width;

    for (guint i = n; i > 0; i--)
      {
        const WyChartMonth *m = &g_array_index (months, WyChartMonth, i - 1);
        double mx = raised_xy[2 * (i - 1)];
        PangoLayout *label;
        double w, lx;

        if ((n - i) % label_every != 0)
          continue;
        label = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, m->month, -1, 0);
        wy_chart_text_size (label, &w, NULL);
        lx = CLAMP (mx - w / 2, px0 - em * 0.3, x + width - w);
        if (lx + w + em * 0.5 > room)
          continue;
        wy_chart_add_line (chart, WY_CHART_COLOR_AXIS, mx, plot_bottom, mx, plot_bottom + 3, 1, FALSE);
        wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, label, lx, plot_bottom + 4);
        room = lx;
      }
  }
  layout = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, _("Month"), px1 - px0, WY_CHART_TEXT_CENTER);
  wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, layout, px0, plot_bottom + 4 + axis_line + 2);

  /* The open gap between the curves, then the curves. */
  memcpy (gap_xy, raised_xy, 2 * n * sizeof (double));
  for (guint i = 0; i < n; i++)
    {
      gap_xy[2 * (n + i)] = signed_xy[2 * (n - 1 - i)];
      gap_xy[2 * (n + i) + 1] = signed_xy[2 * (n - 1 - i) + 1];
    }
  if (n > 1)
    wy_chart_add_polygon (chart, WY_CHART_COLOR_RAISED_FILL, gap_xy, 2 * n);
  wy_chart_add_polyline (chart, WY_CHART_COLOR_RAISED, raised_xy, n, 2.5, FALSE);
  wy_chart_add_polyline (chart, WY_CHART_COLOR_SIGNED_OFF, signed_xy, n, 2.5, TRUE);

  /* Markers where there is room for them; items always. */
  marker = MAX (2.5, MIN (em * 0.32, spacing * 0.3));
  for (guint i = 0; i < n; i++)
    {
      const WyChartMonth *m = &g_array_index (months, WyChartMonth, i);
      double mx = raised_xy[2 * i];
      double ry = raised_xy[2 * i + 1], sy = signed_xy[2 * i + 1];
      double split = (ry + sy) / 2 + marker;
      double hit_x = n > 1 ? mx - spacing / 2 : px0;
      double hit_w = n > 1 ? spacing : px1 - px0;
      g_autofree char *raised_n = wy_chart_format_count (m->raised_total);
      g_autofree char *signed_n = wy_chart_format_count (m->signed_off_total);
      g_autofree char *raised_new = wy_chart_format_count (m->raised);
      g_autofree char *signed_new = wy_chart_format_count (m->signed_off);
      guint index;

      if (n == 1 || spacing >= marker * 3)
        {
          wy_chart_add_circle (chart, WY_CHART_COLOR_RAISED, mx, ry, marker, TRUE);
          wy_chart_add_square (chart, WY_CHART_COLOR_SIGNED_OFF, mx, sy, marker * 0.9, TRUE);
        }

      /* Values over the points when each fits in its month's width. */
      if (n <= 18 && i != n - 1)
        {
          PangoLayout *value = wy_chart_text_layout (chart, WY_CHART_FONT_VALUE, raised_n, -1, 0);
          double w;

          wy_chart_text_size (value, &w, NULL);
          if (w < spacing - em * 0.3)
            {
              wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, value, mx - w / 2, ry - marker - value_line);
              if ((sy - ry > value_line + 2 * marker || sy - ry < 0) &&
                  sy + marker + 1 + value_line <= plot_bottom)
                {
                  value = wy_chart_text_layout (chart, WY_CHART_FONT_VALUE, signed_n, -1, 0);
                  wy_chart_text_size (value, &w, NULL);
                  wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, value, mx - w / 2, sy + marker + 1);
                }
            }
        }

      index = wy_chart_add_item (chart, WY_CHART_TARGET_MONTH, 0, WY_LIGHT_NONE,
                                 g_strdup (m->month), g_strdup ("raised"),
                                 m->raised_total, m->raised, 0,
                                 /* Translators: a month, problems raised by then, raised in it */
                                 g_strdup_printf (_("%s: %s raised in all, %s in this month"),
                                                  m->month, raised_n, raised_new),
                                 mx - marker, ry - marker, 2 * marker, 2 * marker);
      wy_chart_set_item_hit (chart, index, hit_x, plot_top - value_line, hit_w,
                             MAX (split - (plot_top - value_line), 1));
      index = wy_chart_add_item (chart, WY_CHART_TARGET_MONTH, 0, WY_LIGHT_NONE,
                                 g_strdup (m->month), g_strdup ("signed-off"),
                                 m->signed_off_total, m->signed_off, 0,
                                 /* Translators: a month, problems signed off by then, in it */
                                 g_strdup_printf (_("%s: %s signed off in all, %s in this month"),
                                                  m->month, signed_n, signed_new),
                                 mx - marker, sy - marker, 2 * marker, 2 * marker);
      wy_chart_set_item_hit (chart, index, hit_x, split, hit_w, MAX (plot_bottom + 3 - split, 1));
    }

  /* End labels, pushed apart when the curves end close together. */
  {
    double line = wy_chart_line_height (chart, WY_CHART_FONT_LABEL_BOLD);
    double ry = raised_xy[2 * n - 1] - line / 2;
    double sy = signed_xy[2 * n - 1] - line / 2;
    double end_x = raised_xy[2 * n - 2] + em * 0.6;

    if (fabs (sy - ry) < line)
      {
        double mid = (ry + sy) / 2;

        ry = mid - line / 2 - 1;
        sy = mid + line / 2 + 1;
      }
    layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, raised_end, right_w - em * 0.6,
                                   WY_CHART_TEXT_ELLIPSIZE);
    wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, layout, end_x, ry);
    layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, signed_end, right_w - em * 0.6,
                                   WY_CHART_TEXT_ELLIPSIZE);
    wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, layout, end_x, sy);
  }

  if (data->undated > 0)
    {
      g_autofree char *count = wy_chart_format_count (data->undated);
      g_autofree char *note = NULL;

      /* Translators: %s is a count of problems */
      note = g_strdup_printf (ngettext ("%s open problem has no date raised and is not on the curve",
                                        "%s open problems have no date raised and are not on the curve",
                                        data->undated), count);
      wy_chart_add_footnote (chart, note);
    }
}

/* --- Timeline ------------------------------------------------------------------ */

typedef enum {
  ROW_PHASE,
  ROW_MILESTONE,
  ROW_TASK,
} RowKind;

typedef struct {
  RowKind       kind;
  gconstpointer what;
  guint         phase_index;
} Row;

typedef struct {
  guint32 first;
  guint32 last;       /* the day after the range */
  double  x0;
  double  x1;
} TimeAxis;

static double
day_x (const TimeAxis *axis,
       guint32         day)
{
  return axis->x0 + (axis->x1 - axis->x0) * ((double) day - axis->first) / (axis->last - axis->first);
}

/* Late first, then the open ones by deadline, then the done ones most
 * recent first: what a meeting must see when not everything fits. */
static int
task_priority (const WyChartTask *task)
{
  switch (task->light)
    {
    case WY_LIGHT_RED:    return 0;
    case WY_LIGHT_YELLOW: return 1;
    case WY_LIGHT_GREEN:
    case WY_LIGHT_NONE:   return 2;
    case WY_LIGHT_DONE:
    default:              return 3;
    }
}

static int
compare_task_priority (gconstpointer a,
                       gconstpointer b)
{
  const WyChartTask *x = *(WyChartTask * const *) a;
  const WyChartTask *y = *(WyChartTask * const *) b;
  int cmp = task_priority (x) - task_priority (y);

  if (cmp != 0)
    return cmp;
  if (x->done)
    return (x->deadline < y->deadline) - (x->deadline > y->deadline);
  return (x->deadline > y->deadline) - (x->deadline < y->deadline);
}

static int
compare_task_deadline (gconstpointer a,
                       gconstpointer b)
{
  const WyChartTask *x = *(WyChartTask * const *) a;
  const WyChartTask *y = *(WyChartTask * const *) b;

  if (x->deadline != y->deadline)
    return (x->deadline > y->deadline) - (x->deadline < y->deadline);
  return (x->id > y->id) - (x->id < y->id);
}

static void
add_light_mark (WyChart *chart,
                WyLight  light,
                double   cx,
                double   cy,
                double   radius)
{
  if (light == WY_LIGHT_RED || light == WY_LIGHT_YELLOW || light == WY_LIGHT_DONE)
    wy_chart_add_mark (chart, wy_chart_light_mark (light),
                       light == WY_LIGHT_DONE ? WY_CHART_COLOR_GREEN : wy_chart_light_color (light),
                       cx, cy, radius);
}

static char *
light_words (WyLight light)
{
  return g_strdup (wy_light_to_label (light));
}

/* Month labels keep clear of keep_x0…keep_x1, where today's date is. */
static void
add_time_axis (WyChart        *chart,
               const TimeAxis *axis,
               double          top,
               double          bottom,
               double          label_y,
               double          keep_x0,
               double          keep_x1)
{
  double em = wy_chart_em (chart);
  double w;
  guint every = 1;
  GDate date;
  guint month_width;

  /* Month boundaries, every n-th labelled so labels keep apart. */
  wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, "0000-00", -1, 0), &w, NULL);
  month_width = (guint) MAX (1, (axis->x1 - axis->x0) * 30.4 / (axis->last - axis->first));
  while (every < 12 && every * month_width < w + em * 0.8)
    every = every < 3 ? every + 1 : every < 6 ? 6 : 12;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, axis->first);
  g_date_set_day (&date, 1);
  if (g_date_get_julian (&date) < axis->first)
    g_date_add_months (&date, 1);

  for (; g_date_get_julian (&date) < axis->last; g_date_add_months (&date, 1))
    {
      double mx = day_x (axis, g_date_get_julian (&date));
      guint month = g_date_get_month (&date);
      char text[16];

      if ((month - 1) % every != 0)
        continue;
      wy_chart_add_line (chart, month == 1 ? WY_CHART_COLOR_AXIS : WY_CHART_COLOR_GRID,
                         mx, top, mx, bottom, 1, FALSE);
      g_snprintf (text, sizeof text, "%04u-%02u", (guint) g_date_get_year (&date), month);
      {
        PangoLayout *label = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, text, -1, 0);

        wy_chart_text_size (label, &w, NULL);
        if (mx + 2 + w <= axis->x1 + em && (mx + 2 + w < keep_x0 || mx + 2 > keep_x1))
          wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, label, mx + 2, label_y);
      }
    }
}

void
wy_chart_layout_timeline (WyChart           *chart,
                          const WyChartData *data,
                          double             x,
                          double             y,
                          double             width,
                          double             height)
{
  double em = wy_chart_em (chart);
  double line = wy_chart_line_height (chart, WY_CHART_FONT_LABEL);
  double axis_line = wy_chart_line_height (chart, WY_CHART_FONT_AXIS);
  double header_h = axis_line + em * 0.5;
  double rows_top = y + header_h;
  double rows_h = height - header_h;
  double row_min = line * 1.25;
  double label_w = 0, right_w, row_h, badge;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();
  g_autoptr(GPtrArray) hidden = g_ptr_array_new ();
  guint capacity, n_fixed = 0, n_milestones_hidden = 0;
  TimeAxis axis = { G_MAXUINT32, 0, 0, 0 };
  g_autofree char *today_text = NULL;
  PangoLayout *layout, *today_layout;
  double today_x, today_label_x;

  if (rows_h < row_min)
    return;
  capacity = (guint) floor (rows_h / row_min);

  /* Phases with their milestones, then as many tasks as fit. When even
   * the milestones do not fit, the done ones give way first, then all
   * but the late and due-soon ones. */
  {
    gboolean skip_done;

    skip_done = data->phases->len + data->milestones->len > capacity;

    for (guint p = 0; p < data->phases->len; p++)
      {
        WyChartPhase *phase = g_ptr_array_index (data->phases, p);
        Row row = { ROW_PHASE, phase, p };

        g_array_append_val (rows, row);
        for (guint m = 0; m < data->milestones->len; m++)
          {
            WyChartMilestone *milestone = g_ptr_array_index (data->milestones, m);
            Row mrow = { ROW_MILESTONE, milestone, p };

            if (milestone->phase_id != phase->id)
              continue;
            if (milestone->due == 0 || (skip_done && milestone->done))
              {
                n_milestones_hidden++;
                continue;
              }
            g_array_append_val (rows, mrow);
          }
      }
    /* Still too many: only late and due-soon milestones stay. */
    if (rows->len > capacity)
      for (guint r = rows->len; r > 0; r--)
        {
          const Row *row = &g_array_index (rows, Row, r - 1);
          const WyChartMilestone *milestone = row->what;

          if (row->kind == ROW_MILESTONE &&
              milestone->light != WY_LIGHT_RED && milestone->light != WY_LIGHT_YELLOW)
            {
              g_array_remove_index (rows, r - 1);
              n_milestones_hidden++;
            }
        }
    n_fixed = rows->len;
  }

  for (guint t = 0; t < data->tasks->len; t++)
    g_ptr_array_add (tasks, g_ptr_array_index (data->tasks, t));
  if (n_fixed + tasks->len > capacity)
    {
      guint keep = capacity > n_fixed ? capacity - n_fixed : 0;

      g_ptr_array_sort (tasks, compare_task_priority);
      for (guint t = keep; t < tasks->len; t++)
        g_ptr_array_add (hidden, g_ptr_array_index (tasks, t));
      g_ptr_array_set_size (tasks, keep);
    }
  g_ptr_array_sort (tasks, compare_task_deadline);
  for (guint t = 0; t < tasks->len; t++)
    {
      Row row = { ROW_TASK, g_ptr_array_index (tasks, t), 0 };

      g_array_append_val (rows, row);
    }
  if (rows->len == 0)
    return;
  row_h = MIN (line * 1.9, rows_h / rows->len);
  badge = MAX (3.5, MIN (row_h * 0.3, line * 0.4));

  /* The time range: everything drawn, and today. */
  axis.first = data->today;
  axis.last = data->today + 1;
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      const char *label = NULL;
      double w;

      switch (row->kind)
        {
        case ROW_PHASE:
          {
            const WyChartPhase *phase = row->what;

            axis.first = MIN (axis.first, phase->start);
            axis.last = MAX (axis.last, phase->end + 1);
            label = phase->name;
          }
          break;
        case ROW_MILESTONE:
          {
            const WyChartMilestone *milestone = row->what;

            axis.first = MIN (axis.first, milestone->due);
            axis.last = MAX (axis.last, milestone->due + 1);
            label = milestone->name;
          }
          break;
        case ROW_TASK:
        default:
          {
            const WyChartTask *task = row->what;

            axis.first = MIN (axis.first, task->start);
            axis.last = MAX (axis.last, task->deadline + 1);
            label = task->title;
          }
          break;
        }
      wy_chart_text_size (wy_chart_text_layout (chart, row->kind == ROW_PHASE ? WY_CHART_FONT_LABEL_BOLD
                                                                              : WY_CHART_FONT_LABEL,
                                                label, -1, 0), &w, NULL);
      label_w = MAX (label_w, w + (row->kind == ROW_MILESTONE ? em : 0));
    }
  {
    /* A little air at both ends, at least three days. */
    guint32 margin = MAX (3, (axis.last - axis.first) / 50);

    axis.first = axis.first > margin ? axis.first - margin : 1;
    axis.last += margin;
  }

  label_w = CLAMP (label_w, em * 6, width * 0.32) + em * 0.8;
  {
    double w;

    wy_chart_text_size (wy_chart_text_layout (chart, WY_CHART_FONT_VALUE, "100%", -1, 0), &w, NULL);
    right_w = w + 2 * badge + em * 1.2;
  }
  axis.x0 = x + label_w;
  axis.x1 = x + width - right_w;
  if (axis.x1 - axis.x0 < em * 6)
    return;

  /* Today's date goes above its line; month labels make room for it. */
  {
    double w;

    today_x = day_x (&axis, data->today) + (day_x (&axis, data->today + 1) - day_x (&axis, data->today)) / 2;
    today_text = wy_chart_format_day (data->today);
    today_layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, today_text, -1, 0);
    wy_chart_text_size (today_layout, &w, NULL);
    today_label_x = CLAMP (today_x - w / 2, axis.x0, x + width - w);
    add_time_axis (chart, &axis, rows_top, rows_top + rows->len * row_h, y,
                   today_label_x - em * 0.4, today_label_x + w + em * 0.4);
    /* Under the bars and names, so it never crosses out a word. */
    wy_chart_add_line (chart, WY_CHART_COLOR_TODAY, today_x, rows_top - 2, today_x,
                       rows_top + rows->len * row_h, 2, TRUE);
  }

  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      double row_y = rows_top + r * row_h;
      double cy = row_y + row_h / 2;
      double h;
      guint index;

      if (r > 0 && row->kind == ROW_TASK && g_array_index (rows, Row, r - 1).kind != ROW_TASK)
        wy_chart_add_line (chart, WY_CHART_COLOR_AXIS, x, row_y, x + width, row_y, 1, FALSE);

      switch (row->kind)
        {
        case ROW_PHASE:
          {
            const WyChartPhase *phase = row->what;
            double x0 = day_x (&axis, phase->start), x1 = day_x (&axis, phase->end + 1);
            double bar_h = row_h * 0.56;
            double elapsed = CLAMP (((double) data->today - phase->start + 1) / (phase->end + 1 - phase->start), 0, 1);
            g_autofree char *from = wy_chart_format_day (phase->start);
            g_autofree char *to = wy_chart_format_day (phase->end);

            layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL_BOLD, phase->name, label_w - em * 0.8,
                                           WY_CHART_TEXT_ELLIPSIZE);
            wy_chart_text_size (layout, NULL, &h);
            wy_chart_add_text (chart, WY_CHART_COLOR_TEXT, layout, x, cy - h / 2);
            wy_chart_add_rect (chart, row->phase_index % 2 ? WY_CHART_COLOR_PHASE_B : WY_CHART_COLOR_PHASE_A,
                               x0, cy - bar_h / 2, x1 - x0, bar_h);
            wy_chart_add_frame (chart, WY_CHART_COLOR_AXIS, x0, cy - bar_h / 2, x1 - x0, bar_h, 1);

            index = wy_chart_add_item (chart, WY_CHART_TARGET_PHASE, phase->id, WY_LIGHT_NONE,
                                       g_strdup (phase->name), NULL, elapsed, 0, 0,
                                       /* Translators: a phase, its first and last day */
                                       g_strdup_printf (_("%s: %s to %s"), phase->name, from, to),
                                       x0, cy - bar_h / 2, x1 - x0, bar_h);
            wy_chart_set_item_hit (chart, index, x, row_y, width, row_h);
          }
          break;

        case ROW_MILESTONE:
          {
            const WyChartMilestone *milestone = row->what;
            double mx = day_x (&axis, milestone->due) + (day_x (&axis, milestone->due + 1) - day_x (&axis, milestone->due)) / 2;
            double half = MIN (row_h * 0.34, line * 0.5);
            g_autofree char *due = wy_chart_format_day (milestone->due);
            g_autofree char *words = light_words (milestone->light);
            PangoLayout *date;
            double w;

            layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL, milestone->name, label_w - em * 1.8,
                                           WY_CHART_TEXT_ELLIPSIZE);
            wy_chart_text_size (layout, NULL, &h);
            wy_chart_add_text (chart, milestone->light == WY_LIGHT_RED ? WY_CHART_COLOR_RED : WY_CHART_COLOR_TEXT,
                               layout, x + em, cy - h / 2);

            if (milestone->light == WY_LIGHT_RED)
              wy_chart_add_diamond (chart, WY_CHART_COLOR_RED, mx, cy, half, TRUE);
            else if (milestone->done)
              wy_chart_add_diamond (chart, WY_CHART_COLOR_DONE, mx, cy, half, TRUE);
            else
              wy_chart_add_diamond (chart, WY_CHART_COLOR_TEXT, mx, cy, half, FALSE);

            /* The mark and the due date beside the diamond, on whichever
             * side has room. */
            date = wy_chart_text_layout (chart, WY_CHART_FONT_AXIS, due, -1, 0);
            wy_chart_text_size (date, &w, &h);
            if (mx + half + 2 * badge + w + em < x + width)
              {
                double tx = mx + half + em * 0.3;

                if (milestone->light == WY_LIGHT_RED || milestone->light == WY_LIGHT_YELLOW || milestone->done)
                  {
                    add_light_mark (chart, milestone->light, tx + badge, cy, badge);
                    tx += 2 * badge + em * 0.3;
                  }
                wy_chart_add_text (chart, milestone->light == WY_LIGHT_RED ? WY_CHART_COLOR_RED : WY_CHART_COLOR_TEXT_DIM,
                                   date, tx, cy - h / 2);
              }
            else
              {
                double tx = mx - half - em * 0.3 - w;

                wy_chart_add_text (chart, WY_CHART_COLOR_TEXT_DIM, date, tx, cy - h / 2);
                if (milestone->light == WY_LIGHT_RED || milestone->light == WY_LIGHT_YELLOW || milestone->done)
                  add_light_mark (chart, milestone->light, tx - em * 0.3 - badge, cy, badge);
              }

            index = wy_chart_add_item (chart, WY_CHART_TARGET_MILESTONE, milestone->id, milestone->light,
                                       g_strdup (milestone->name), NULL, milestone->done ? 1 : 0, 0, 0,
                                       /* Translators: a milestone, its date, its light ("Overdue") */
                                       g_strdup_printf (_("%s: due %s, %s"), milestone->name, due, words),
                                       mx - half, cy - half, 2 * half, 2 * half);
            wy_chart_set_item_hit (chart, index, x, row_y, width, row_h);
          }
          break;

        case ROW_TASK:
        default:
          {
            const WyChartTask *task = row->what;
            double x0 = day_x (&axis, task->start), x1 = day_x (&axis, task->deadline + 1);
            double bar_h = row_h * 0.5;
            double by = cy - bar_h / 2;
            double done_w = (x1 - x0) * task->progress / 100.0;
            gboolean late = task->light == WY_LIGHT_RED;
            g_autofree char *percent = g_strdup_printf ("%u%%", task->progress);
            g_autofree char *deadline = wy_chart_format_day (task->deadline);
            g_autofree char *words = light_words (task->light);
            PangoLayout *value;
            double tx = x1 + em * 0.3, w;

            layout = wy_chart_text_layout (chart, WY_CHART_FONT_LABEL, task->title, label_w - em * 0.8,
                                           WY_CHART_TEXT_ELLIPSIZE);
            wy_chart_text_size (layout, NULL, &h);
            wy_chart_add_text (chart, late ? WY_CHART_COLOR_RED : WY_CHART_COLOR_TEXT, layout, x, cy - h / 2);

            wy_chart_add_rect (chart, WY_CHART_COLOR_TRACK, x0, by, x1 - x0, bar_h);
            wy_chart_add_rect (chart, task->done ? WY_CHART_COLOR_DONE : WY_CHART_COLOR_BAR,
                               x0, by, done_w, bar_h);
            if (late)
              {
                /* The part still to do is hatched and the bar framed in red. */
                wy_chart_add_hatch (chart, WY_CHART_COLOR_RED, x0 + done_w, by, x1 - x0 - done_w, bar_h);
                wy_chart_add_frame (chart, WY_CHART_COLOR_RED, x0, by, x1 - x0, bar_h, 2);
              }

            if (task->light == WY_LIGHT_RED || task->light == WY_LIGHT_YELLOW || task->done)
              {
                add_light_mark (chart, task->light, tx + badge, cy, badge);
                tx += 2 * badge + em * 0.3;
              }
            value = wy_chart_text_layout (chart, WY_CHART_FONT_VALUE, percent, -1, 0);
            wy_chart_text_size (value, &w, &h);
            wy_chart_add_text (chart, late ? WY_CHART_COLOR_RED : WY_CHART_COLOR_TEXT, value, tx, cy - h / 2);

            index = wy_chart_add_item (chart, WY_CHART_TARGET_TASK, task->id, task->light,
                                       g_strdup (task->title), NULL, task->progress / 100.0, task->progress, 0,
                                       /* Translators: a task, its deadline, progress in percent, its light */
                                       g_strdup_printf (_("%s: due %s, %u%% done, %s"), task->title, deadline,
                                                        task->progress, words),
                                       x0, by, MAX (x1 - x0, 1), bar_h);
            wy_chart_set_item_hit (chart, index, x, row_y, width, row_h);
          }
          break;
        }
    }

  /* Today's date, above its line. */
  {
    double h;

    wy_chart_text_size (today_layout, NULL, &h);
    wy_chart_add_text (chart, WY_CHART_COLOR_TODAY, today_layout, today_label_x, y + (axis_line - h) / 2);
    wy_chart_set_today_x (chart, today_x);
  }

  if (hidden->len > 0)
    {
      guint late = 0;
      g_autofree char *count = wy_chart_format_count (hidden->len);
      g_autofree char *late_text = NULL;
      g_autofree char *note = NULL;

      for (guint t = 0; t < hidden->len; t++)
        if (((WyChartTask *) g_ptr_array_index (hidden, t))->light == WY_LIGHT_RED)
          late++;
      late_text = wy_chart_format_count (late);
      if (late > 0)
        /* Translators: counts of tasks */
        note = g_strdup_printf (ngettext ("%s more task not shown (%s overdue)",
                                          "%s more tasks not shown (%s overdue)", hidden->len),
                                count, late_text);
      else
        /* Translators: a count of tasks */
        note = g_strdup_printf (ngettext ("%s more task not shown (none overdue)",
                                          "%s more tasks not shown (none overdue)", hidden->len),
                                count);
      wy_chart_add_footnote (chart, note);
    }
  if (n_milestones_hidden > 0)
    {
      g_autofree char *count = wy_chart_format_count (n_milestones_hidden);
      g_autofree char *note = NULL;

      /* Translators: %s is a count of milestones */
      note = g_strdup_printf (ngettext ("%s milestone not shown", "%s milestones not shown",
                                        n_milestones_hidden),
                              count);
      wy_chart_add_footnote (chart, note);
    }
  if (data->tasks_undated > 0)
    {
      g_autofree char *count = wy_chart_format_count (data->tasks_undated);
      g_autofree char *note = NULL;

      /* Translators: %s is a count of tasks */
      note = g_strdup_printf (ngettext ("%s task without a deadline not shown",
                                        "%s tasks without a deadline not shown", data->tasks_undated),
                              count);
      wy_chart_add_footnote (chart, note);
    }
}
