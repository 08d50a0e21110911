/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <wuyou/wuyou.h>

G_BEGIN_DECLS

/* Reads on a connection of its own, in a worker thread: what a page
 * shows from thousands of rows is read there (WAL lets it read while the
 * window's connection writes), and only the finished result comes back to
 * the main thread.
 *
 * read runs in the thread on a read-only WyStore of the ledger, with the
 * request; it returns the result (freed with result_free when nobody
 * takes it) or NULL and an error. done runs on the main thread with the
 * result, which it then owns, or NULL and the error (a second connection
 * could not be had, or the read failed: read on the page's own store
 * instead). done is not called once the cancellable was cancelled: a
 * page cancels on dispose and before it starts a newer read.
 *
 * The owner is kept alive until done would run and released on the main
 * thread only. Returns the cancellable of the read (the caller owns it). */
typedef gpointer (*WyBackgroundReadFunc) (WyStore       *reader,
                                          gpointer       request,
                                          GCancellable  *cancellable,
                                          GError       **error);
typedef void     (*WyBackgroundDoneFunc) (gpointer       owner,
                                          gpointer       result,
                                          const GError  *error);

GCancellable *wy_background_read (const char           *path,
                                  WyBackgroundReadFunc  read,
                                  gpointer              request,
                                  GDestroyNotify        request_free,
                                  GDestroyNotify        result_free,
                                  gpointer              owner,
                                  WyBackgroundDoneFunc  done);

G_END_DECLS
