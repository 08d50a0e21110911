/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <wuyou/wuyou.h>

/* The charts on a 50,000-compound ledger:
 *   1. wy_chart_data_load() of each chart, whole ledger and one street;
 *   2. wy_chart_draw() of each chart at 1200×700, device scale 1 and 2,
 *      first frame (layout pass + paint) and cached frames (paint only);
 *   3. a ranking of 300 labelled bars (the first 300 of 1,250
 *      communities) on a surface tall enough to show every label: first
 *      frame of a new chart, a frame after a resize (layouts reused from
 *      the cache), and cached frames.
 * Usage: bench-chart [LEDGER]  (default: a 50,000-compound demo written
 * into a temporary folder and removed afterwards). "Today" is
 * 2026-11-22, as in bench-demo. See docs/BENCHMARKS.md. */

#define RUNS 15

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static cairo_t *
new_target (int    width,
            int    height,
            double scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) (width * scale), (int) (height * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  return cr;
}

static double
time_draw (WyChart *chart,
           cairo_t *cr,
           int      width,
           int      height)
{
  double t0 = now_ms ();

  wy_chart_draw (chart, cr, width, height);
  cairo_surface_flush (cairo_get_target (cr));
  return now_ms () - t0;
}

static WyChartData *
load (WyStore            *store,
      WyChartKind         kind,
      const WyChartQuery *query,
      double             *best_ms,
      double             *median_ms)
{
  double times[3];
  WyChartData *data = NULL;

  for (guint run = 0; run < G_N_ELEMENTS (times); run++)
    {
      g_autoptr(GError) error = NULL;
      double t0 = now_ms ();

      g_clear_pointer (&data, wy_chart_data_free);
      data = wy_chart_data_load (store, kind, query, &error);
      if (data == NULL)
        g_error ("%s", error->message);
      times[run] = now_ms () - t0;
    }
  *median_ms = median (times, G_N_ELEMENTS (times));
  *best_ms = times[0];
  return data;
}

/* First frames (data set again: every layout made anew), then cached
 * frames. The chart takes data. */
static void
time_frames (WyChartData *data,
             int          width,
             int          height,
             double       scale,
             double      *first_ms,
             double      *cached_ms,
             guint       *n_items)
{
  g_autoptr(WyChart) chart = wy_chart_new ();
  cairo_t *cr = new_target (width, height, scale);
  double firsts[9], cached[RUNS];

  wy_chart_set_data (chart, data);
  for (guint run = 0; run < G_N_ELEMENTS (firsts); run++)
    {
      /* The same data again: kept, but the chart starts from scratch. */
      wy_chart_set_data (chart, (WyChartData *) wy_chart_get_data (chart));
      firsts[run] = time_draw (chart, cr, width, height);
    }
  for (guint i = 0; i < RUNS; i++)
    cached[i] = time_draw (chart, cr, width, height);
  *n_items = wy_chart_get_n_items (chart);
  cairo_destroy (cr);

  *first_ms = median (firsts, G_N_ELEMENTS (firsts));
  *cached_ms = median (cached, RUNS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *ledger = NULL;
  g_autoptr(GPtrArray) streets = NULL;
  WyChartQuery query = { 0, };
  double t0;

  setlocale (LC_ALL, "");

  g_date_clear (&query.today, 1);
  g_date_set_dmy (&query.today, 22, G_DATE_NOVEMBER, 2026);

  if (argc > 1)
    ledger = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("wuyou-bench-chart-XXXXXX", &error);
      g_assert_no_error (error);
      ledger = g_build_filename (dir, "big50k.wuyou", NULL);
      g_print ("writing a 50,000-compound demo ledger …\n");
      t0 = now_ms ();
      if (!wy_demo_write (ledger, 50000, &query.today, &error))
        g_error ("%s", error->message);
      g_print ("  %.1f s\n", (now_ms () - t0) / 1000);
    }

  store = wy_store_open (ledger, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  streets = wy_store_list (store, WY_TABLE_STREET, 0, &error);
  g_assert_no_error (error);
  g_print ("ledger: %" G_GINT64_FORMAT " compounds, %" G_GINT64_FORMAT " problems, %u streets, "
           "%" G_GINT64_FORMAT " communities, %" G_GINT64_FORMAT " tasks\n",
           wy_store_count (store, WY_TABLE_COMPOUND), wy_store_count (store, WY_TABLE_PROBLEM),
           streets->len, wy_store_count (store, WY_TABLE_COMMUNITY), wy_store_count (store, WY_TABLE_TASK));

  g_print ("\nwy_chart_data_load (first run / median of 3), ms\n");
  g_print ("%-12s %20s %20s\n", "chart", "whole ledger", "one street");
  for (guint kind = 0; kind < WY_N_CHARTS; kind++)
    {
      WyChartQuery street_query;
      double all_first, all_median, street_first, street_median;
      g_autoptr(WyChartData) all = NULL;
      g_autoptr(WyChartData) one = NULL;

      query.level = WY_LEVEL_COMMUNITY;
      query.rank_what = WY_RANK_COMMUNITIES;
      street_query = query;
      street_query.street_id = wy_record_get_id (g_ptr_array_index (streets, 0));
      all = load (store, kind, &query, &all_first, &all_median);
      one = load (store, kind, &street_query, &street_first, &street_median);
      g_print ("%-12s %9.1f / %7.1f %9.1f / %7.1f\n", wy_chart_kind_to_name (kind),
               all_first, all_median, street_first, street_median);
    }

  /* The very first frame of the process pays for fontconfig and the
   * glyph caches; every later chart finds them warm. */
  {
    g_autoptr(WyChart) chart = wy_chart_new ();
    cairo_t *cr = new_target (1200, 700, 1);
    double unused;

    wy_chart_set_data (chart, load (store, WY_CHART_LIGHTS, &query, &unused, &unused));
    g_print ("\nfirst frame of the process (lights, 1200×700): %.1f ms\n", time_draw (chart, cr, 1200, 700));
    cairo_destroy (cr);
  }

  g_print ("\nwy_chart_draw at 1200×700 (whole ledger), ms: first frame of new data / cached frame "
           "(medians of 9 / %d)\n", RUNS);
  g_print ("%-12s %6s %22s %22s\n", "chart", "items", "scale 1", "scale 2");
  for (guint kind = 0; kind < WY_N_CHARTS; kind++)
    {
      double first1, cached1, first2, cached2, unused;
      guint n_items;

      query.level = WY_LEVEL_STREET;
      query.rank_what = WY_RANK_STREETS;
      time_frames (load (store, kind, &query, &unused, &unused), 1200, 700, 1, &first1, &cached1, &n_items);
      time_frames (load (store, kind, &query, &unused, &unused), 1200, 700, 2, &first2, &cached2, &n_items);
      g_print ("%-12s %6u %10.2f / %9.2f %10.2f / %9.2f\n", wy_chart_kind_to_name (kind), n_items,
               first1, cached1, first2, cached2);
    }

  /* 300 labelled bars, each row tall enough for its label. */
  {
    g_autoptr(WyChart) chart = wy_chart_new ();
    double first, cached, relayout[RUNS], frames[RUNS], unused;
    const int width = 1200, height = 300 * 24 + 200;
    cairo_t *cr = new_target (width, height, 1);
    guint n_items;

    query.level = WY_LEVEL_COMMUNITY;
    query.rank_what = WY_RANK_COMMUNITIES;
    query.rank_by = WY_RANK_BY_ATTAINMENT_RATE;
    query.max_items = 300;
    time_frames (load (store, WY_CHART_RANKING, &query, &unused, &unused), width, height, 1,
                 &first, &cached, &n_items);
    g_print ("\nranking, %u labelled bars on %d×%d: first frame %.2f ms, cached frame %.2f ms\n",
             n_items, width, height, first, cached);

    /* A resize: every frame a new layout pass, the labels from the cache. */
    wy_chart_set_data (chart, load (store, WY_CHART_RANKING, &query, &unused, &unused));
    time_draw (chart, cr, width, height);
    for (guint i = 0; i < RUNS; i++)
      relayout[i] = time_draw (chart, cr, width - (i % 2), height);
    for (guint i = 0; i < RUNS; i++)
      frames[i] = time_draw (chart, cr, width, height);
    g_print ("  resize frames (layout pass, cached text): %.2f ms; cached frames %.2f ms\n",
             median (relayout, RUNS), median (frames, RUNS));
    cairo_destroy (cr);

    /* The same chart seen through a 1200×700 window scrolled to the
     * middle, as a scrolled view draws it: only what shows is painted. */
    cr = new_target (width, 700, 1);
    cairo_translate (cr, 0, -height / 2);
    for (guint i = 0; i < RUNS; i++)
      frames[i] = time_draw (chart, cr, width, height);
    g_print ("  through a 1200×700 viewport: %.2f ms per frame\n", median (frames, RUNS));
    cairo_destroy (cr);
  }

  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (ledger, "-wal", NULL);
      g_autofree char *shm = g_strconcat (ledger, "-shm", NULL);

      g_clear_object (&store);
      g_unlink (ledger);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
