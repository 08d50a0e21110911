/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "wy-compound-item.h"
#include "wy-compounds-page.h"
#include "wy-gui.h"
#include "wy-window.h"

/* The window on a large ledger, as a person meets it: the first frame
 * with the list filled, a search typed a key at a time, sorting by each
 * kind of column, and scrolling from top to bottom. Each figure is wall
 * time from the action to the end of the frame that shows its result.
 *
 *   bench-window [LEDGER]    (default: a 50,000-compound demo, made once
 *                             into $TMPDIR and reused)
 */

static gint64 painted_at;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

/* Runs the main loop until a frame has been painted after `since`. */
static double
wait_for_frame (gint64 since)
{
  gint64 deadline = since + 10 * G_USEC_PER_SEC;

  while (painted_at <= since && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return (painted_at - since) / 1000.0;
}

/* Turns the entry's text into text as keys do: a backspace or one
 * character typed at the end (gtk_editable_set_text would empty the
 * entry first, which a search sees as a keystroke of its own). */
static void
type_into (GtkEditable *editable,
           const char  *text)
{
  const char *current = gtk_editable_get_text (editable);
  int n_current = (int) g_utf8_strlen (current, -1);
  int position;

  if (g_str_has_prefix (text, current))
    {
      position = n_current;
      gtk_editable_insert_text (editable, text + strlen (current), -1, &position);
    }
  else
    gtk_editable_delete_text (editable, (int) g_utf8_strlen (text, -1), n_current);
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
  g_print ("%-34s n=%-3u median %7.1f ms   max %7.1f ms   mean %7.1f ms\n", what, ms->len,
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len - 1),
           sum / ms->len);
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) entry_keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sorts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) selects = g_array_new (FALSE, FALSE, sizeof (double));
  const char *typed[] = { "路", "路1", "路12", "路1", "路", "" };
  guint shown_after[G_N_ELEMENTS (typed)];
  const WyCompoundsColumn columns[] = {
    WY_COMPOUNDS_COLUMN_NAME, WY_COMPOUNDS_COLUMN_HOUSEHOLDS,
    WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE, WY_COMPOUNDS_COLUMN_COMMUNITY,
  };
  WyWindow *window;
  WyCompoundsPage *page;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  gint64 start;
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

  /* First frame: from creating the window to its first paint. */
  start = g_get_monotonic_time ();
  window = wy_window_new (NULL, store);
  /* The list, whichever page the window would open on. */
  wy_window_show_page (window, "compounds");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  ms = wait_for_frame (start);
  g_array_append_val (first, ms);

  page = wy_window_get_compounds_page (window);
  g_print ("%u compounds\n", wy_compounds_page_get_n_total (page));

  /* Selecting a compound: the detail beside the list fills in. */
  for (guint i = 0; i < 10; i++)
    {
      GListModel *shown = wy_compounds_page_get_model (page);
      g_autoptr(GObject) item = g_list_model_get_item (shown, i * 997 % g_list_model_get_n_items (shown));

      start = g_get_monotonic_time ();
      wy_compounds_page_select_compound (page, wy_compound_item_get_id (WY_COMPOUND_ITEM (item)));
      ms = wait_for_frame (start);
      g_array_append_val (selects, ms);
    }

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        start = g_get_monotonic_time ();
        wy_compounds_page_set_search_text (page, typed[i]);
        gtk_widget_queue_draw (GTK_WIDGET (window));
        ms = wait_for_frame (start);
        g_array_append_val (keys, ms);
        shown_after[i] = wy_compounds_page_get_n_shown (page);
      }

  /* The same keys typed into the header bar's search entry, as a person
   * does: with whatever delay the entry waits before it searches. Timed
   * to the first frame painted after the list changed. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gint64 deadline, changed;

      start = g_get_monotonic_time ();
      deadline = start + 10 * G_USEC_PER_SEC;
      type_into (wy_window_get_search_entry (window), typed[i]);
      while (wy_compounds_page_get_n_shown (page) != shown_after[i] && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      changed = g_get_monotonic_time ();
      wait_for_frame (changed);
      ms = (painted_at - start) / 1000.0;
      g_array_append_val (entry_keys, ms);
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    for (guint order = 0; order < 2; order++)
      {
        start = g_get_monotonic_time ();
        wy_compounds_page_sort_by (page, columns[i], order ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        gtk_widget_queue_draw (GTK_WIDGET (window));
        ms = wait_for_frame (start);
        g_array_append_val (sorts, ms);
      }

  /* Scrolling top to bottom in 200 steps, as dragging the scroll bar
   * does, one frame each. */
  wy_compounds_page_sort_by (page, WY_COMPOUNDS_COLUMN_NAME, GTK_SORT_ASCENDING);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (wy_compounds_page_get_list_widget (page)));
  for (guint step = 1; step <= 200; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, upper * step / 200.0);
      ms = wait_for_frame (start);
      g_array_append_val (scroll, ms);
    }

  report ("first frame, list filled", first);
  report ("select a compound to frame", selects);
  report ("search keystroke to frame", keys);
  report ("key in the search entry to frame", entry_keys);
  report ("sort to frame", sorts);
  report ("scroll step (1/200 of list) to frame", scroll);

  if (g_getenv ("WY_BENCH_FATAL_ON_CLOSE"))
    g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
