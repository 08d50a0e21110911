/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-window-sync"

#include "config.h"

#include "wy-window-private.h"

/* Another window or program saved to the ledger this window shows.
 *
 * SQLite's data_version is asked once a second and whenever the window
 * becomes the active one (the clerk switching back from the other
 * window): a change made elsewhere reloads every page and form, so a
 * stale value is never the one a user edits from. Saves themselves are
 * checked against the value the user saw (wy_store_update_field_if_unchanged()),
 * which covers the second between two polls. */

#define POLL_SECONDS 1

static void
poll_store (WyWindow *self)
{
  WyStore *store = wy_window_get_store (self);

  /* Gone while the window closes. */
  if (store != NULL)
    wy_store_poll_external_change (store);
}

static gboolean
on_poll_timeout_cb (gpointer user_data)
{
  poll_store (WY_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_window_is_active_cb (WyWindow   *self,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    poll_store (self);
}

static void
on_store_external_change_cb (WyStore  *store,
                             WyWindow *self)
{
  g_debug ("The ledger was changed by another program: reloading");
  wy_window_reload (self);
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static void
on_window_destroy_cb (WyWindow *self,
                      gpointer  user_data)
{
  g_object_set_data (G_OBJECT (self), "wy-window-sync-source", NULL);
}

void
_wy_window_sync_start (WyWindow *self)
{
  WyStore *store = wy_window_get_store (self);
  guint source;

  g_return_if_fail (WY_IS_WINDOW (self));
  g_return_if_fail (WY_IS_STORE (store));

  /* The first poll only learns the current version. */
  wy_store_poll_external_change (store);

  g_signal_connect_object (store, WY_STORE_SIGNAL_EXTERNAL_CHANGE,
                           G_CALLBACK (on_store_external_change_cb), self, 0);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_window_is_active_cb), NULL);
  g_signal_connect (self, "destroy", G_CALLBACK (on_window_destroy_cb), NULL);

  source = g_timeout_add_seconds (POLL_SECONDS, on_poll_timeout_cb, self);
  g_source_set_name_by_id (source, "[wuyou] poll the ledger for other programs' changes");
  g_object_set_data_full (G_OBJECT (self), "wy-window-sync-source",
                          GUINT_TO_POINTER (source), remove_source);
}

void
_wy_window_sync_now (WyWindow *self)
{
  g_return_if_fail (WY_IS_WINDOW (self));
  poll_store (self);
}
