/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "wy-gui.h"
#include "wy-problems-page.h"
#include "wy-window.h"

/* The Problems page on a large ledger, as a person meets it: the first
 * visit (switching to the page until the list is filled, and the longest
 * time the main loop could not run meanwhile), a search typed a key at a
 * time, and sorting by each kind of column. Each figure is wall time from
 * the action to the end of the frame that shows its result.
 *
 *   bench-problems [LEDGER]  (default: a 50,000-compound demo, made once
 *                             into $TMPDIR and reused)
 */

static gint64   painted_at;
static gint64   changed_at;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  changed_at = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

/* Runs every 5 ms: a longer gap between two runs is time the main loop
 * was busy (and the window could neither draw nor take input). A timer,
 * not a redraw on every frame, so measuring takes no time from the load. */
static gint64 last_tick;
static gint64 longest_stall;

static gboolean
tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick > 0 && now - last_tick > longest_stall)
    longest_stall = now - last_tick;
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until a frame has been painted after `since`. */
static double
wait_for_frame (gint64 since)
{
  gint64 deadline = since + 20 * G_USEC_PER_SEC;

  while (painted_at <= since && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return (painted_at - since) / 1000.0;
}

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *ms)
{
  double sum = 0;

  g_array_sort (ms, compare_doubles);
  for (guint i = 0; i < ms->len; i++)
    sum += g_array_index (ms, double, i);
  g_print ("%-38s n=%-3u median %7.1f ms   max %7.1f ms   mean %7.1f ms\n", what, ms->len,
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len - 1),
           sum / ms->len);
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sorts = g_array_new (FALSE, FALSE, sizeof (double));
  /* Compound names hold 路 and numbers; 隐患 is in descriptions. */
  const char *typed[] = { "路", "路1", "路12", "路1", "路", "", "隐患", "" };
  const guint columns[] = { 1, 6, 0, 7, 4 };   /* compound, deadline, light, status, description */
  WyWindow *window;
  WyProblemsPage *page;
  GdkFrameClock *clock;
  gint64 start, returned, filled;
  guint n_problems;
  guint tick_id;
  double ms;

  gtk_init ();
  wy_gui_ensure_resources ();

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      path = g_build_filename (g_get_tmp_dir (), "wuyou-bench-50k.wuyou", NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          GDate today;

          g_date_clear (&today, 1);
          g_date_set_dmy (&today, 22, 11, 2026);
          g_print ("writing %s …\n", path);
          if (!wy_demo_write (path, 50000, &today, &error))
            g_error ("%s", error->message);
        }
    }

  store = wy_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  n_problems = wy_store_count (store, WY_TABLE_PROBLEM);

  window = wy_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wy_window_show_page (window, "compounds");
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_frame (g_get_monotonic_time ());
  spin_for (500);

  page = WY_PROBLEMS_PAGE (wy_window_get_problems_page (window));

  /* The first visit, watched by a timer. */
  tick_id = g_timeout_add (5, tick_cb, NULL);
  spin_for (50);
  longest_stall = 0;
  start = g_get_monotonic_time ();
  wy_window_show_page (window, "problems");
  returned = g_get_monotonic_time ();
  wait_for_frame (returned);
  g_print ("%-38s %7.1f ms  (the switch itself returned after %.1f ms)\n",
           "switch to Problems, first frame", (painted_at - start) / 1000.0,
           (returned - start) / 1000.0);
  while (wy_problems_page_get_n_total (page) < n_problems &&
         g_get_monotonic_time () < start + 60 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  filled = g_get_monotonic_time ();
  gtk_widget_queue_draw (GTK_WIDGET (window));
  wait_for_frame (filled);
  g_source_remove (tick_id);
  g_print ("%-38s %7.1f ms  (%u items)\n", "switch to Problems, list filled",
           (painted_at - start) / 1000.0, wy_problems_page_get_n_total (page));
  g_print ("%-38s %7.1f ms\n", "longest main-loop stall in the visit", longest_stall / 1000.0);
  spin_for (300);
  g_signal_connect (wy_problems_page_get_model (page), "items-changed",
                    G_CALLBACK (on_items_changed_cb), NULL);

  /* Typing: the page waits for a pause (150 ms) before it filters; the
   * figures include it. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        gint64 changed_before = changed_at;

        start = g_get_monotonic_time ();
        wy_problems_page_set_search_text (page, typed[i]);
        /* Done when the list changed, then one frame. */
        while (changed_at == changed_before &&
               g_get_monotonic_time () < start + 3 * G_USEC_PER_SEC)
          g_main_context_iteration (NULL, TRUE);
        gtk_widget_queue_draw (GTK_WIDGET (window));
        wait_for_frame (changed_at);
        ms = (painted_at - start) / 1000.0;
        g_array_append_val (keys, ms);
        if (round == 0)
          g_print ("  search “%s”: %u shown, %.1f ms\n", typed[i],
                   wy_problems_page_get_n_shown (page), ms);
      }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    for (guint order = 0; order < 2; order++)
      {
        start = g_get_monotonic_time ();
        wy_problems_page_sort_by_column (page, columns[i], order ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        gtk_widget_queue_draw (GTK_WIDGET (window));
        ms = wait_for_frame (start);
        g_array_append_val (sorts, ms);
        g_print ("  sort by column %u %s: %.1f ms\n", columns[i], order ? "desc" : "asc", ms);
      }

  report ("search keystroke to frame (incl. 150)", keys);
  report ("sort to frame", sorts);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
