/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wy-test-util.h"

/* The charts on a ledger whose every figure was counted by hand. Today is
 * 2026-03-15 with a 7-day window; the plan starts on 2026-01-01.
 *
 *   示范区
 *   ├─ 青松街道: 西城社区 (C0 attained, C1 3 met)            1 of 2 = 50%
 *   │            东门社区 (C2, C3 attained, C4 none, C5 4 met) 2 of 4 = 50%
 *   └─ 翠柏街道: 南苑社区 (C6, C7 attained)                  2 of 2 = 100%
 *                北湖社区 (no compounds)
 *
 * 西城 and 东门 tie at 50% (1/2 against 2/4): both are second, 东门 listed
 * first by name although 西城 was entered first.
 *
 *   problem  compound raised      deadline    status       unit          light
 *   P1       C0       2026-01-10  2026-03-14  pending      街道城管中队  red
 *   P2       C2       2026-01-20  2026-03-15  in progress  区住建局      yellow (today)
 *   P3       C2       2026-02-05  2026-03-22  fixed                      yellow (edge)
 *   P4       C4       2026-02-28  2026-03-23  pending      "  "          green
 *   P5       C6       2026-01-05  —           signed off 2026-02-10      done
 *   P6       C6       2026-02-01  —           signed off 2026-03-01      done
 *   P7       C5       2026-03-02  (none)      pending                    no deadline
 *   P8       C3       (none)      —           signed off 2026-02-20      done, raised = Feb
 *   P9       C1       (none)      2026-03-01  pending      街道城管中队  red, not on the curve
 *   P10      C7       2026-04-01  2026-05-01  pending                    green, raised later
 *   P11      C4       2026-01-15  2026-02-01  pending      区住建局      red
 *
 * Curve (raised / signed off, cumulative): Jan 4/0, Feb 8/2, Mar 9/3. */

typedef struct {
  WyStore *store;
  gint64   street[2];
  gint64   community[4];
  gint64   compound[8];
  gint64   target[5];
  gint64   problem[11];
} Fixture;

enum { XICHENG, DONGMEN, NANYUAN, BEIHU };

static gint64
add_compound (Fixture    *f,
              guint       community,
              const char *name,
              guint       n_met)
{
  WyRecord *record = wy_record_new (WY_TABLE_COMPOUND);
  gint64 id;

  wy_record_set_int (record, "community_id", f->community[community]);
  wy_record_set (record, "name", name);
  wy_record_set (record, "category", WY_CATEGORY_THREE_NONE);
  id = wy_test_insert (f->store, record);

  for (guint t = 0; t < 5; t++)
    {
      WyRecord *status = wy_record_new (WY_TABLE_COMPOUND_TARGET);

      wy_record_set_int (status, "compound_id", id);
      wy_record_set_int (status, "target_id", f->target[t]);
      wy_record_set (status, "status", t < n_met ? WY_TARGET_MET
                                     : t == n_met ? WY_TARGET_IN_PROGRESS : WY_TARGET_NOT_MET);
      wy_test_insert (f->store, status);
    }
  return id;
}

static gint64
add_problem (Fixture    *f,
             guint       compound,
             const char *raised,
             const char *deadline,
             const char *status,
             const char *signed_off,
             const char *unit)
{
  WyRecord *record = wy_record_new (WY_TABLE_PROBLEM);

  wy_record_set_int (record, "compound_id", f->compound[compound]);
  wy_record_set (record, "category", "other");
  wy_record_set (record, "description", "楼道堆物");
  wy_record_set (record, "raised_date", raised);
  wy_record_set (record, "deadline", deadline);
  wy_record_set (record, "status", status);
  wy_record_set (record, "responsible_unit", unit);
  if (signed_off != NULL)
    {
      wy_record_set (record, "signed_off_date", signed_off);
      wy_record_set (record, "verifier", "李强");
    }
  return wy_test_insert (f->store, record);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = wy_test_tmp_path (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  GDate plan_start;
  gint64 district;

  wy_test_date (&plan_start, "2026-01-01");
  f->store = wy_store_create (path, &plan_start, &error);
  g_assert_no_error (error);

  targets = wy_store_list (f->store, WY_TABLE_TARGET, 0, &error);
  for (guint t = 0; t < 5; t++)
    f->target[t] = wy_record_get_id (g_ptr_array_index (targets, t));

  district = wy_test_add_named (f->store, WY_TABLE_DISTRICT, NULL, 0, "示范区");
  f->street[0] = wy_test_add_named (f->store, WY_TABLE_STREET, "district_id", district, "青松街道");
  f->street[1] = wy_test_add_named (f->store, WY_TABLE_STREET, "district_id", district, "翠柏街道");
  f->community[XICHENG] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[0], "西城社区");
  f->community[DONGMEN] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[0], "东门社区");
  f->community[NANYUAN] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[1], "南苑社区");
  f->community[BEIHU] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[1], "北湖社区");

  f->compound[0] = add_compound (f, XICHENG, "纺织厂宿舍", 5);
  f->compound[1] = add_compound (f, XICHENG, "粮站家属院", 3);
  f->compound[2] = add_compound (f, DONGMEN, "和平巷3号院", 5);
  f->compound[3] = add_compound (f, DONGMEN, "机械厂小区", 5);
  f->compound[4] = add_compound (f, DONGMEN, "老税务局宿舍", 0);
  f->compound[5] = add_compound (f, DONGMEN, "供销社家属楼", 4);
  f->compound[6] = add_compound (f, NANYUAN, "自来水公司宿舍", 5);
  f->compound[7] = add_compound (f, NANYUAN, "第二中学教工楼", 5);

  f->problem[0] = add_problem (f, 0, "2026-01-10", "2026-03-14", WY_PROBLEM_PENDING, NULL, "街道城管中队");
  f->problem[1] = add_problem (f, 2, "2026-01-20", "2026-03-15", WY_PROBLEM_IN_PROGRESS, NULL, "区住建局");
  f->problem[2] = add_problem (f, 2, "2026-02-05", "2026-03-22", WY_PROBLEM_FIXED, NULL, NULL);
  f->problem[3] = add_problem (f, 4, "2026-02-28", "2026-03-23", WY_PROBLEM_PENDING, NULL, "  ");
  f->problem[4] = add_problem (f, 6, "2026-01-05", NULL, WY_PROBLEM_SIGNED_OFF, "2026-02-10", NULL);
  f->problem[5] = add_problem (f, 6, "2026-02-01", NULL, WY_PROBLEM_SIGNED_OFF, "2026-03-01", NULL);
  f->problem[6] = add_problem (f, 5, "2026-03-02", NULL, WY_PROBLEM_PENDING, NULL, NULL);
  f->problem[7] = add_problem (f, 3, NULL, NULL, WY_PROBLEM_SIGNED_OFF, "2026-02-20", NULL);
  f->problem[8] = add_problem (f, 1, NULL, "2026-03-01", WY_PROBLEM_PENDING, NULL, "街道城管中队");
  f->problem[9] = add_problem (f, 7, "2026-04-01", "2026-05-01", WY_PROBLEM_PENDING, NULL, NULL);
  f->problem[10] = add_problem (f, 4, "2026-01-15", "2026-02-01", WY_PROBLEM_PENDING, NULL, "区住建局");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static void
init_query (WyChartQuery *query)
{
  memset (query, 0, sizeof *query);
  wy_test_date (&query->today, "2026-03-15");
  query->warning_days = 7;
}

/* Pixels that are not the white background, in rows first_row up to
 * (not including) last_row; last_row -1: to the bottom. */
static guint
count_ink_rows (cairo_surface_t *surface,
                int              first_row,
                int              last_row)
{
  const guchar *pixels;
  int stride, width, height;
  guint ink = 0;

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  if (last_row >= 0)
    height = MIN (height, last_row);
  for (int y = first_row; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (pixels + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] & 0xffffff) != 0xffffff)
          ink++;
    }
  return ink;
}

static guint
count_ink (cairo_surface_t *surface)
{
  return count_ink_rows (surface, 0, -1);
}

/* Draws at width×height user units on a surface of scale × that many
 * pixels; returns the pixels that are not background. */
static guint
draw_rows (WyChart *chart,
           int      width,
           int      height,
           double   scale,
           int      first_row,
           int      last_row)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) (width * scale), (int) (height * scale));
  cairo_t *cr;
  guint ink;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  wy_chart_draw (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  ink = count_ink_rows (surface, (int) (first_row * scale), last_row < 0 ? -1 : (int) (last_row * scale));
  cairo_surface_destroy (surface);
  return ink;
}

static guint
draw (WyChart *chart,
      int      width,
      int      height,
      double   scale)
{
  return draw_rows (chart, width, height, scale, 0, -1);
}

static WyChart *
load_chart (WyStore            *store,
            WyChartKind         kind,
            const WyChartQuery *query)
{
  g_autoptr(GError) error = NULL;
  WyChartData *data = wy_chart_data_load (store, kind, query, &error);
  WyChart *chart;

  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_assert_cmpint (wy_chart_data_get_kind (data), ==, kind);
  g_assert_nonnull (wy_chart_data_get_title (data));
  chart = wy_chart_new ();
  wy_chart_set_data (chart, data);
  return chart;
}

/* Every item can be found at the centre of its rectangle, and carries a
 * label and a tooltip. */
static void
assert_hits (WyChart *chart)
{
  for (guint i = 0; i < wy_chart_get_n_items (chart); i++)
    {
      const WyChartItem *item = wy_chart_get_item (chart, i);

      g_assert_nonnull (item->label);
      g_assert_nonnull (item->tooltip);
      g_assert_cmpfloat (item->width, >, 0);
      g_assert_cmpfloat (item->height, >, 0);
      g_assert_true (wy_chart_hit (chart, item->x + item->width / 2, item->y + item->height / 2) == item);
    }
  g_assert_null (wy_chart_hit (chart, -10, -10));
}

/* The same layout at device scale 1 and 2: items sit at the same user
 * coordinates (HiDPI only adds pixels), and both draws leave ink. */
static void
assert_scales_agree (WyChart *chart,
                     int      width,
                     int      height)
{
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  guint ink1, ink2;

  ink1 = draw (chart, width, height, 1);
  for (guint i = 0; i < wy_chart_get_n_items (chart); i++)
    {
      const WyChartItem *item = wy_chart_get_item (chart, i);
      double rect[4] = { item->x, item->y, item->width, item->height };

      g_array_append_vals (first, rect, 1);
    }

  ink2 = draw (chart, width, height, 2);
  g_assert_cmpuint (first->len, ==, wy_chart_get_n_items (chart));
  for (guint i = 0; i < first->len; i++)
    {
      const WyChartItem *item = wy_chart_get_item (chart, i);
      const double *rect = (const double *) (gconstpointer) (first->data + i * sizeof (double) * 4);

      g_assert_cmpfloat_with_epsilon (item->x, rect[0], 0.01);
      g_assert_cmpfloat_with_epsilon (item->y, rect[1], 0.01);
      g_assert_cmpfloat_with_epsilon (item->width, rect[2], 0.01);
      g_assert_cmpfloat_with_epsilon (item->height, rect[3], 0.01);
    }

  g_assert_cmpuint (ink1, >, (guint) (width * height / 200));
  g_assert_cmpuint (ink2, >, 3 * ink1);   /* four times the pixels */
  assert_hits (chart);
}

static void
assert_all_sizes (WyChart *chart)
{
  assert_scales_agree (chart, 1200, 700);
  assert_scales_agree (chart, 640, 420);
}

static const WyChartItem *
item (WyChart *chart,
      guint    index)
{
  g_assert_cmpuint (index, <, wy_chart_get_n_items (chart));
  return wy_chart_get_item (chart, index);
}

/* --- Attainment ----------------------------------------------------------- */

static void
assert_cell (WyChart      *chart,
             guint         row,
             guint         column,
             gint64        id,
             guint         count,
             guint         total)
{
  const WyChartItem *cell = item (chart, row * 6 + column);

  g_assert_cmpint (cell->id, ==, id);
  g_assert_cmpuint (cell->count, ==, count);
  g_assert_cmpuint (cell->total, ==, total);
  g_assert_cmpfloat_with_epsilon (cell->value, total > 0 ? (double) count / total : 0, 1e-9);
  if (column < 5)
    g_assert_nonnull (cell->series);
  else
    g_assert_null (cell->series);
}

static void
test_attainment (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(WyChart) chart = NULL;
  WyChartQuery query;
  /* Rows in register order: the whole scope, then 翠柏街道 (北湖, 南苑)
   * and 青松街道 (东门, 西城); met per target t0…t4, then attained. */
  const struct { gint64 id; guint total; guint met[6]; } rows[] = {
    { 0, 8, { 7, 7, 7, 6, 5, 5 } },
    { f->community[BEIHU], 0, { 0, 0, 0, 0, 0, 0 } },
    { f->community[NANYUAN], 2, { 2, 2, 2, 2, 2, 2 } },
    { f->community[DONGMEN], 4, { 3, 3, 3, 3, 2, 2 } },
    { f->community[XICHENG], 2, { 2, 2, 2, 1, 1, 1 } },
  };

  init_query (&query);
  query.level = WY_LEVEL_COMMUNITY;
  chart = load_chart (f->store, WY_CHART_ATTAINMENT, &query);
  g_assert_false (wy_chart_data_is_empty (wy_chart_get_data (chart)));
  assert_all_sizes (chart);

  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, G_N_ELEMENTS (rows) * 6);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint c = 0; c < 6; c++)
      assert_cell (chart, r, c, rows[r].id, rows[r].met[c], rows[r].total);
  g_assert_cmpint (item (chart, 6)->target, ==, WY_CHART_TARGET_COMMUNITY);
  g_assert_cmpint (item (chart, 0)->target, ==, WY_CHART_TARGET_NONE);
  g_assert_cmpstr (item (chart, 12)->label, ==, "南苑社区");

  /* A bar is as long as its rate: 南苑's attained bar is the full track,
   * 东门's half of it. */
  g_assert_cmpfloat_with_epsilon (item (chart, 3 * 6 + 5)->width * 2, item (chart, 2 * 6 + 5)->width, 0.01);

  /* By street office. */
  wy_chart_free (g_steal_pointer (&chart));
  query.level = WY_LEVEL_STREET;
  chart = load_chart (f->store, WY_CHART_ATTAINMENT, &query);
  draw (chart, 1200, 700, 1);
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 3 * 6);
  assert_cell (chart, 1, 5, f->street[1], 2, 2);   /* 翠柏街道 first by name */
  assert_cell (chart, 2, 5, f->street[0], 3, 6);
  g_assert_cmpint (item (chart, 6)->target, ==, WY_CHART_TARGET_STREET);

  /* One street: its communities only, the whole row is the street. */
  wy_chart_free (g_steal_pointer (&chart));
  query.level = WY_LEVEL_COMMUNITY;
  query.street_id = f->street[0];
  chart = load_chart (f->store, WY_CHART_ATTAINMENT, &query);
  draw (chart, 1200, 700, 1);
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 3 * 6);
  assert_cell (chart, 0, 5, f->street[0], 3, 6);
  g_assert_cmpint (item (chart, 0)->target, ==, WY_CHART_TARGET_STREET);
  assert_cell (chart, 1, 5, f->community[DONGMEN], 2, 4);
  assert_cell (chart, 2, 5, f->community[XICHENG], 1, 2);

  /* max_items keeps the first units. */
  wy_chart_free (g_steal_pointer (&chart));
  query.street_id = 0;
  query.max_items = 2;
  chart = load_chart (f->store, WY_CHART_ATTAINMENT, &query);
  draw (chart, 1200, 700, 1);
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 3 * 6);
}

/* --- Ranking --------------------------------------------------------------- */

static void
assert_rank (WyChart    *chart,
             guint       index,
             guint       rank,
             const char *label,
             guint       count,
             guint       total)
{
  const WyChartItem *bar = item (chart, index);

  g_assert_cmpuint (bar->rank, ==, rank);
  g_assert_cmpstr (bar->label, ==, label);
  g_assert_cmpuint (bar->count, ==, count);
  g_assert_cmpuint (bar->total, ==, total);
}

static guint
count_target (WyChart           *chart,
              WyChartTargetKind  target)
{
  guint n = 0;

  for (guint i = 0; i < wy_chart_get_n_items (chart); i++)
    if (wy_chart_get_item (chart, i)->target == target)
      n++;
  return n;
}

static void
test_ranking_by_rate (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WyChart) chart = NULL;
  WyChartQuery query;

  init_query (&query);
  query.rank_by = WY_RANK_BY_ATTAINMENT_RATE;
  query.rank_what = WY_RANK_COMMUNITIES;
  chart = load_chart (f->store, WY_CHART_RANKING, &query);
  assert_all_sizes (chart);

  /* 北湖 has no compounds and no rate: not ranked. The tie shares second
   * place and is listed by name; the next place would be 4. */
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 3);
  assert_rank (chart, 0, 1, "南苑社区", 2, 2);
  assert_rank (chart, 1, 2, "东门社区", 2, 4);
  assert_rank (chart, 2, 2, "西城社区", 1, 2);
  g_assert_cmpfloat_with_epsilon (item (chart, 1)->value, 0.5, 1e-9);
  g_assert_cmpint (item (chart, 1)->id, ==, f->community[DONGMEN]);
  g_assert_cmpint (item (chart, 1)->target, ==, WY_CHART_TARGET_COMMUNITY);
  /* Equal rates, equal bars; the first twice as long. */
  g_assert_cmpfloat_with_epsilon (item (chart, 1)->width, item (chart, 2)->width, 0.01);
  g_assert_cmpfloat_with_epsilon (item (chart, 0)->width, 2 * item (chart, 1)->width, 0.01);
  g_assert_cmpfloat (item (chart, 0)->y, <, item (chart, 1)->y);

  /* The first N only. */
  wy_chart_free (g_steal_pointer (&chart));
  query.max_items = 1;
  chart = load_chart (f->store, WY_CHART_RANKING, &query);
  draw (chart, 800, 500, 1);
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 1);

  /* Streets: 翠柏 2/2, 青松 3/6. */
  wy_chart_free (g_steal_pointer (&chart));
  query.max_items = 0;
  query.rank_what = WY_RANK_STREETS;
  chart = load_chart (f->store, WY_CHART_RANKING, &query);
  draw (chart, 800, 500, 1);
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 2);
  assert_rank (chart, 0, 1, "翠柏街道", 2, 2);
  assert_rank (chart, 1, 2, "青松街道", 3, 6);
  g_assert_cmpint (item (chart, 0)->target, ==, WY_CHART_TARGET_STREET);
}

static void
test_ranking_by_overdue (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WyChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WyChartData) refused = NULL;
  WyChartQuery query;

  init_query (&query);
  query.rank_by = WY_RANK_BY_OVERDUE;
  query.rank_what = WY_RANK_COMMUNITIES;
  chart = load_chart (f->store, WY_CHART_RANKING, &query);
  assert_all_sizes (chart);

  /* 西城 P1 + P9, 东门 P11, 南苑 none (and 北湖 has no compounds). */
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 3);
  assert_rank (chart, 0, 1, "西城社区", 2, 0);
  assert_rank (chart, 1, 2, "东门社区", 1, 0);
  assert_rank (chart, 2, 3, "南苑社区", 0, 0);
  g_assert_cmpfloat (item (chart, 0)->value, ==, 2);

  /* Responsible units: blank names do not count. */
  wy_chart_free (g_steal_pointer (&chart));
  query.rank_what = WY_RANK_RESPONSIBLE_UNITS;
  chart = load_chart (f->store, WY_CHART_RANKING, &query);
  assert_all_sizes (chart);
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 2);
  assert_rank (chart, 0, 1, "街道城管中队", 2, 0);
  assert_rank (chart, 1, 2, "区住建局", 1, 0);
  g_assert_cmpint (item (chart, 0)->target, ==, WY_CHART_TARGET_UNIT);

  /* A tie a day earlier: on 2026-03-14 P1 is not late yet (1 each). */
  wy_chart_free (g_steal_pointer (&chart));
  wy_test_date (&query.today, "2026-03-14");
  chart = load_chart (f->store, WY_CHART_RANKING, &query);
  draw (chart, 800, 500, 1);
  assert_rank (chart, 0, 1, "区住建局", 1, 0);
  assert_rank (chart, 1, 1, "街道城管中队", 1, 0);

  /* Eighteen units, the first ten asked for, on a chart with room for
   * fewer: the note counts the bars drawn (issue 12, point 4). */
  wy_chart_free (g_steal_pointer (&chart));
  wy_test_date (&query.today, "2026-03-15");
  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *unit = g_strdup_printf ("单位%02u", i);

      add_problem (f, 0, "2026-02-01", "2026-03-01", WY_PROBLEM_PENDING, NULL, unit);
    }
  query.max_items = 10;
  chart = load_chart (f->store, WY_CHART_RANKING, &query);
  draw (chart, 800, 1000, 1);
  g_assert_cmpuint (count_target (chart, WY_CHART_TARGET_UNIT), ==, 10);
  g_assert_cmpstr (wy_chart_get_footnotes (chart), ==, "The first 10 of 18");
  draw (chart, 800, 300, 1);
  {
    guint bars = count_target (chart, WY_CHART_TARGET_UNIT);
    g_autofree char *note = g_strdup_printf ("The first %u of 18", bars);

    g_assert_cmpuint (bars, <, 10);
    g_assert_cmpstr (wy_chart_get_footnotes (chart), ==, note);
  }
  query.max_items = 0;

  /* Units have no attainment rate. */
  query.rank_by = WY_RANK_BY_ATTAINMENT_RATE;
  refused = wy_chart_data_load (f->store, WY_CHART_RANKING, &query, &error);
  g_assert_null (refused);
  g_assert_error (error, WY_CHART_ERROR, WY_CHART_ERROR_INVALID);
}

/* --- Lights ---------------------------------------------------------------- */

static void
test_lights (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WyChart) chart = NULL;
  WyChartQuery query;
  const struct { WyLight light; guint count; } expected[] = {
    { WY_LIGHT_RED, 3 },
    { WY_LIGHT_YELLOW, 2 },
    { WY_LIGHT_GREEN, 2 },
    { WY_LIGHT_NONE, 1 },
  };

  init_query (&query);
  chart = load_chart (f->store, WY_CHART_LIGHTS, &query);
  assert_all_sizes (chart);

  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const WyChartItem *bar = item (chart, i);

      g_assert_cmpint (bar->target, ==, WY_CHART_TARGET_LIGHT);
      g_assert_cmpint (bar->light, ==, expected[i].light);
      g_assert_cmpuint (bar->count, ==, expected[i].count);
      g_assert_cmpfloat (bar->value, ==, expected[i].count);
      g_assert_cmpuint (bar->total, ==, 8);
      g_assert_cmpstr (bar->label, ==, wy_light_to_label (expected[i].light));
    }
  /* Bars to scale: three against two. */
  g_assert_cmpfloat_with_epsilon (item (chart, 0)->width * 2, item (chart, 1)->width * 3, 0.01);

  /* A day later the item due today is late too, and the green one on
   * the new window edge turns yellow. */
  wy_chart_free (g_steal_pointer (&chart));
  wy_test_date (&query.today, "2026-03-16");
  chart = load_chart (f->store, WY_CHART_LIGHTS, &query);
  draw (chart, 800, 500, 1);
  g_assert_cmpuint (item (chart, 0)->count, ==, 4);
  g_assert_cmpuint (item (chart, 1)->count, ==, 2);
  g_assert_cmpuint (item (chart, 2)->count, ==, 1);

  /* 翠柏街道: only P10, green. No "no deadline" bar when there is none. */
  wy_chart_free (g_steal_pointer (&chart));
  init_query (&query);
  query.street_id = f->street[1];
  chart = load_chart (f->store, WY_CHART_LIGHTS, &query);
  draw (chart, 800, 500, 1);
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 3);
  g_assert_cmpuint (item (chart, 0)->count, ==, 0);
  g_assert_cmpuint (item (chart, 2)->count, ==, 1);
  g_assert_cmpuint (item (chart, 2)->total, ==, 1);

  /* One community. */
  wy_chart_free (g_steal_pointer (&chart));
  init_query (&query);
  query.community_id = f->community[DONGMEN];
  chart = load_chart (f->store, WY_CHART_LIGHTS, &query);
  draw (chart, 800, 500, 1);
  g_assert_cmpuint (item (chart, 0)->count, ==, 1);   /* P11 */
  g_assert_cmpuint (item (chart, 1)->count, ==, 2);   /* P2, P3 */
  g_assert_cmpuint (item (chart, 2)->count, ==, 1);   /* P4 */
  g_assert_cmpuint (item (chart, 3)->count, ==, 1);   /* P7 */
}

/* --- Sign-off curve -------------------------------------------------------- */

static void
test_signoff (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WyChart) chart = NULL;
  WyChartQuery query;
  const struct { const char *month; guint raised, raised_new, signed_off, signed_new; } expected[] = {
    { "2026-01", 4, 4, 0, 0 },
    { "2026-02", 8, 4, 2, 2 },
    { "2026-03", 9, 1, 3, 1 },
  };

  init_query (&query);
  chart = load_chart (f->store, WY_CHART_SIGNOFF, &query);
  assert_all_sizes (chart);

  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 2 * G_N_ELEMENTS (expected));
  for (guint m = 0; m < G_N_ELEMENTS (expected); m++)
    {
      const WyChartItem *raised = item (chart, 2 * m);
      const WyChartItem *signed_off = item (chart, 2 * m + 1);

      g_assert_cmpint (raised->target, ==, WY_CHART_TARGET_MONTH);
      g_assert_cmpstr (raised->label, ==, expected[m].month);
      g_assert_cmpstr (raised->series, ==, "raised");
      g_assert_cmpfloat (raised->value, ==, expected[m].raised);
      g_assert_cmpuint (raised->count, ==, expected[m].raised_new);
      g_assert_cmpstr (signed_off->label, ==, expected[m].month);
      g_assert_cmpstr (signed_off->series, ==, "signed-off");
      g_assert_cmpfloat (signed_off->value, ==, expected[m].signed_off);
      g_assert_cmpuint (signed_off->count, ==, expected[m].signed_new);
      /* Higher counts are drawn higher; months run left to right. */
      if (expected[m].raised > expected[m].signed_off)
        g_assert_cmpfloat (raised->y, <, signed_off->y);
      if (m > 0)
        g_assert_cmpfloat (raised->x, >, item (chart, 2 * (m - 1))->x);
    }

  /* As of the end of January: one month, nothing signed off yet. */
  wy_chart_free (g_steal_pointer (&chart));
  wy_test_date (&query.today, "2026-01-31");
  chart = load_chart (f->store, WY_CHART_SIGNOFF, &query);
  draw (chart, 800, 500, 1);
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 2);
  g_assert_cmpfloat (item (chart, 0)->value, ==, 4);
  g_assert_cmpfloat (item (chart, 1)->value, ==, 0);
  assert_hits (chart);

  /* Before anything was raised: nothing to draw. */
  wy_chart_free (g_steal_pointer (&chart));
  wy_test_date (&query.today, "2025-12-31");
  chart = load_chart (f->store, WY_CHART_SIGNOFF, &query);
  g_assert_true (wy_chart_data_is_empty (wy_chart_get_data (chart)));
  g_assert_cmpuint (draw (chart, 800, 500, 1), >, 100);
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 0);
}

/* --- Timeline ------------------------------------------------------------- */

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(WyChart) chart = NULL;
  g_autoptr(GPtrArray) phases = wy_store_list (f->store, WY_TABLE_PHASE, 0, NULL);
  g_autoptr(GPtrArray) tasks = wy_store_list (f->store, WY_TABLE_TASK, 0, NULL);
  g_autoptr(GError) error = NULL;
  WyChartQuery query;
  const WyChartItem *current = NULL;
  guint n_phases = 0, n_milestones = 0, n_tasks = 0, n_late_tasks = 0;
  GDate start, end, today;
  double expected_x, today_x;

  /* The first task of the plan is late; the second is done. */
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_TASK, wy_record_get_id (g_ptr_array_index (tasks, 1)),
                                        "status", WY_TASK_DONE, &error));
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_TASK, wy_record_get_id (g_ptr_array_index (tasks, 1)),
                                        "progress", "100", &error));
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_TASK, wy_record_get_id (g_ptr_array_index (tasks, 0)),
                                        "progress", "40", &error));
  g_assert_no_error (error);

  init_query (&query);
  chart = load_chart (f->store, WY_CHART_TIMELINE, &query);
  assert_all_sizes (chart);
  draw (chart, 1200, 700, 1);

  for (guint i = 0; i < wy_chart_get_n_items (chart); i++)
    {
      const WyChartItem *it = item (chart, i);

      switch (it->target)
        {
        case WY_CHART_TARGET_PHASE:
          n_phases++;
          if (it->id == wy_record_get_id (g_ptr_array_index (phases, 0)))
            current = it;
          break;
        case WY_CHART_TARGET_MILESTONE:
          n_milestones++;
          break;
        case WY_CHART_TARGET_TASK:
          n_tasks++;
          if (it->light == WY_LIGHT_RED)
            n_late_tasks++;
          if (it->id == wy_record_get_id (g_ptr_array_index (tasks, 0)))
            {
              g_assert_cmpint (it->light, ==, WY_LIGHT_RED);
              g_assert_cmpuint (it->count, ==, 40);
              g_assert_cmpfloat_with_epsilon (it->value, 0.4, 1e-9);
            }
          if (it->id == wy_record_get_id (g_ptr_array_index (tasks, 1)))
            g_assert_cmpint (it->light, ==, WY_LIGHT_DONE);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpuint (n_phases, ==, 4);
  g_assert_cmpuint (n_milestones, ==, 8);
  g_assert_cmpuint (n_tasks, ==, tasks->len);
  g_assert_cmpuint (n_late_tasks, >=, 1);

  /* Today (2026-03-15) lies in the first phase: the line crosses its bar
   * at the share of the phase's days that have passed. */
  g_assert_nonnull (current);
  g_assert_true (wy_date_parse (wy_record_get (g_ptr_array_index (phases, 0), "start_date"), &start));
  g_assert_true (wy_date_parse (wy_record_get (g_ptr_array_index (phases, 0), "end_date"), &end));
  wy_test_date (&today, "2026-03-15");
  expected_x = current->x + current->width * (g_date_days_between (&start, &today) + 0.5)
                                           / (g_date_days_between (&start, &end) + 1);
  today_x = wy_chart_get_today_x (chart);
  g_assert_cmpfloat (today_x, >, current->x);
  g_assert_cmpfloat (today_x, <, current->x + current->width);
  g_assert_cmpfloat_with_epsilon (today_x, expected_x, 0.01);
  g_assert_cmpfloat_with_epsilon (current->value, (g_date_days_between (&start, &today) + 1.0)
                                                  / (g_date_days_between (&start, &end) + 1), 1e-9);

  /* A small chart keeps the phases and drops tasks, keeping late ones
   * longest. */
  draw (chart, 640, 260, 1);
  n_tasks = n_late_tasks = n_phases = 0;
  for (guint i = 0; i < wy_chart_get_n_items (chart); i++)
    {
      if (item (chart, i)->target == WY_CHART_TARGET_PHASE)
        n_phases++;
      if (item (chart, i)->target == WY_CHART_TARGET_TASK)
        n_tasks++;
      if (item (chart, i)->target == WY_CHART_TARGET_TASK && item (chart, i)->light == WY_LIGHT_RED)
        n_late_tasks++;
    }
  g_assert_cmpuint (n_phases, ==, 4);
  g_assert_cmpuint (n_tasks, <, tasks->len);
  g_assert_cmpuint (n_late_tasks, ==, MIN (n_tasks, 1));
  assert_hits (chart);
}

/* --- Caching and the empty ledger -------------------------------------------------- */

static void
test_cached_frames (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WyChart) chart = NULL;
  WyChartQuery query;
  double first_x;
  guint ink;

  init_query (&query);
  chart = load_chart (f->store, WY_CHART_RANKING, &query);
  ink = draw (chart, 800, 500, 1);
  first_x = item (chart, 0)->x;

  /* The same frame again gives the same picture. */
  g_assert_cmpuint (draw (chart, 800, 500, 1), ==, ink);
  g_assert_cmpfloat (item (chart, 0)->x, ==, first_x);

  /* Bigger type: the layout follows (the name column widens). */
  wy_chart_set_font_scale (chart, 1.6);
  draw (chart, 800, 500, 1);
  g_assert_cmpfloat (item (chart, 0)->x, >, first_x);
  wy_chart_set_font_scale (chart, 1.0);
  draw (chart, 800, 500, 1);
  g_assert_cmpfloat_with_epsilon (item (chart, 0)->x, first_x, 0.01);

  /* No data: only the background, no items. */
  wy_chart_set_data (chart, NULL);
  g_assert_null (wy_chart_get_data (chart));
  g_assert_cmpuint (draw (chart, 800, 500, 1), ==, 0);
  g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 0);
  g_assert_null (wy_chart_hit (chart, 10, 10));
  g_assert_cmpfloat (wy_chart_get_today_x (chart), ==, -1);
}

static void
test_empty_ledger (void)
{
  g_autofree char *path = wy_test_tmp_path ("empty.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_create_empty (path, &error);
  WyChartQuery query;

  g_assert_no_error (error);
  init_query (&query);

  for (guint kind = 0; kind < WY_N_CHARTS; kind++)
    for (guint what = 0; what < 2; what++)
      {
        g_autoptr(WyChart) chart = NULL;

        query.rank_by = what == 0 ? WY_RANK_BY_ATTAINMENT_RATE : WY_RANK_BY_OVERDUE;
        query.rank_what = what == 0 ? WY_RANK_COMMUNITIES : WY_RANK_RESPONSIBLE_UNITS;
        chart = load_chart (store, kind, &query);
        g_assert_true (wy_chart_data_is_empty (wy_chart_get_data (chart)));
        for (double scale = 1; scale <= 2; scale++)
          {
            /* Title and date above, and in the middle (below the
             * header, which ends at about 90 units) the sentence saying
             * there is nothing yet. */
            g_assert_cmpuint (draw (chart, 800, 500, scale), >, 500);
            g_assert_cmpuint (draw_rows (chart, 800, 500, scale, 150, 350), >, 100);
            g_assert_cmpuint (wy_chart_get_n_items (chart), ==, 0);
            g_assert_cmpfloat (wy_chart_get_today_x (chart), ==, -1);
          }
        /* Too small to hold anything: no crash. */
        draw (chart, 30, 20, 1);
      }
}

static void
test_kind_names (void)
{
  WyChartKind kind;

  for (guint k = 0; k < WY_N_CHARTS; k++)
    {
      g_assert_true (wy_chart_kind_from_name (wy_chart_kind_to_name (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_nonnull (wy_chart_kind_to_title (k));
    }
  g_assert_cmpstr (wy_chart_kind_to_name (WY_CHART_SIGNOFF), ==, "signoff");
  g_assert_false (wy_chart_kind_from_name ("pie", &kind));
  g_assert_false (wy_chart_kind_from_name (NULL, &kind));
}

/* --- Files ------------------------------------------------------------------ */

static guint
count_temp_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ".~wuyou-"))
      n++;
  return n;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *png = wy_test_tmp_path ("ranking.png");
  g_autofree char *svg = wy_test_tmp_path ("signoff.svg");
  g_autofree char *pdf = wy_test_tmp_path ("timeline.pdf");
  g_autofree char *dir = g_path_get_dirname (png);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg_bytes = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL;
  cairo_surface_t *surface;
  WyChartQuery query;
  const char *text;

  init_query (&query);

  g_assert_true (wy_chart_render_to_file (f->store, WY_CHART_RANKING, &query, png, 900, 500, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 500);
  g_assert_cmpuint (count_ink (surface), >, 2000);
  cairo_surface_destroy (surface);

  g_assert_true (wy_chart_render_to_file (f->store, WY_CHART_SIGNOFF, &query, svg, 800, 450, &error));
  g_assert_no_error (error);
  svg_bytes = wy_test_read_file (svg);
  text = g_bytes_get_data (svg_bytes, NULL);
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (strstr (text, "<svg"));
  g_assert_nonnull (strstr (text, "width=\"800"));

  /* A file already there is replaced. */
  g_assert_true (wy_chart_render_to_file (f->store, WY_CHART_LIGHTS, &query, pdf, 800, 450, &error));
  g_assert_true (wy_chart_render_to_file (f->store, WY_CHART_TIMELINE, &query, pdf, 1000, 600, &error));
  g_assert_no_error (error);
  pdf_bytes = wy_test_read_file (pdf);
  g_assert_cmpuint (g_bytes_get_size (pdf_bytes), >, 1000);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf_bytes, NULL), "%PDF"));

  g_assert_cmpuint (count_temp_files (dir), ==, 0);
}

static void
test_export_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *bad = wy_test_tmp_path ("chart.jpg");
  g_autofree char *none = wy_test_tmp_path ("chart");
  g_autofree char *missing_dir = wy_test_tmp_path ("no-such-folder");
  g_autofree char *missing = g_build_filename (missing_dir, "chart.png", NULL);
  g_autofree char *fine = wy_test_tmp_path ("fine.PNG");
  g_autofree char *dir = g_path_get_dirname (bad);
  g_autoptr(GError) error = NULL;
  WyChartQuery query;

  init_query (&query);

  g_assert_false (wy_chart_render_to_file (f->store, WY_CHART_LIGHTS, &query, bad, 800, 450, &error));
  g_assert_error (error, WY_CHART_ERROR, WY_CHART_ERROR_FORMAT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (wy_chart_render_to_file (f->store, WY_CHART_LIGHTS, &query, none, 800, 450, &error));
  g_assert_error (error, WY_CHART_ERROR, WY_CHART_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_false (wy_chart_render_to_file (f->store, WY_CHART_LIGHTS, &query, missing, 800, 450, &error));
  g_assert_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_NO_FOLDER);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (wy_chart_render_to_file (f->store, WY_CHART_LIGHTS, &query, fine, 10, 450, &error));
  g_assert_error (error, WY_CHART_ERROR, WY_CHART_ERROR_SIZE);
  g_assert_false (g_file_test (fine, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A community that does not exist. */
  query.community_id = 999999;
  g_assert_false (wy_chart_render_to_file (f->store, WY_CHART_LIGHTS, &query, fine, 800, 450, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fine, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A community outside the street asked for. */
  query.community_id = f->community[NANYUAN];
  query.street_id = f->street[0];
  g_assert_false (wy_chart_render_to_file (f->store, WY_CHART_LIGHTS, &query, fine, 800, 450, &error));
  g_assert_error (error, WY_CHART_ERROR, WY_CHART_ERROR_INVALID);
  g_clear_error (&error);

  query.street_id = 0;
  g_assert_true (wy_chart_render_to_file (f->store, WY_CHART_LIGHTS, &query, fine, 800, 450, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_temp_files (dir), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/chart/" name, Fixture, name ".wuyou", fixture_set_up, func, fixture_tear_down)

  ADD ("attainment", test_attainment);
  ADD ("ranking-by-rate", test_ranking_by_rate);
  ADD ("ranking-by-overdue", test_ranking_by_overdue);
  ADD ("lights", test_lights);
  ADD ("signoff", test_signoff);
  ADD ("timeline", test_timeline);
  ADD ("cached-frames", test_cached_frames);
  ADD ("export", test_export);
  ADD ("export-errors", test_export_errors);
  g_test_add_func ("/chart/empty-ledger", test_empty_ledger);
  g_test_add_func ("/chart/kind-names", test_kind_names);

#undef ADD

  return g_test_run ();
}
