/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>

/* What GTK 4.8's GtkColumnView itself costs when its model changes, with
 * none of Wuyou's code in the way: N plain items behind a filter model,
 * C columns of GtkInscription cells, the filter switched between 25 %, 8 %,
 * 1 % and all items, timed from the change to the end of the next frame.
 *
 *   bench-columnview [N [C]]     (default 50000 items, 9 columns)
 *
 * It answers whether a search keystroke on the compound list can fit in
 * one frame: the cost follows the number of visible cells, not of items. */

static int percent = 100;
static gint64 painted_at;

static gboolean
keep_item (gpointer item,
           gpointer user_data)
{
  return GPOINTER_TO_INT (g_object_get_data (item, "n")) % 100 < percent;
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, gtk_inscription_new (NULL));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  char text[32];

  g_snprintf (text, sizeof text, "%d",
              GPOINTER_TO_INT (g_object_get_data (gtk_list_item_get_item (list_item), "n")));
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), text);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

static double
wait_for_frame (gint64 since)
{
  while (painted_at <= since)
    g_main_context_iteration (NULL, TRUE);
  return (painted_at - since) / 1000.0;
}

int
main (int argc, char *argv[])
{
  int n_items = argc > 1 ? atoi (argv[1]) : 50000;
  int n_columns = argc > 2 ? atoi (argv[2]) : 9;
  const int percents[] = { 25, 8, 1, 8, 25, 100 };
  g_autoptr(GListStore) items = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkWidget *window, *scrolled, *view;
  double total = 0;

  gtk_init ();

  items = g_list_store_new (G_TYPE_OBJECT);
  objects = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < n_items; i++)
    {
      GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data (object, "n", GINT_TO_POINTER (i));
      g_ptr_array_add (objects, object);
    }
  g_list_store_splice (items, 0, 0, objects->pdata, objects->len);

  filter = gtk_custom_filter_new (keep_item, NULL, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (items)), GTK_FILTER (filter));
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (filtered))));
  for (int c = 0; c < n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), gtk_column_view_column_new ("column", factory));
    }

  window = gtk_window_new ();
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_frame (g_get_monotonic_time ());

  for (int round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
      {
        gint64 start = g_get_monotonic_time ();

        percent = percents[i];
        gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
        gtk_widget_queue_draw (window);
        total += wait_for_frame (start);
      }

  g_print ("%d items, %d columns: filter change to frame, mean %.1f ms\n",
           n_items, n_columns, total / (2 * G_N_ELEMENTS (percents)));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
