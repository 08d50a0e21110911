/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

G_BEGIN_DECLS

#define WY_TYPE_WINDOW (wy_window_get_type ())
G_DECLARE_FINAL_TYPE (WyWindow, wy_window, WY, WINDOW, GtkApplicationWindow)

/* One window per open ledger. application may be NULL (tests). */
WyWindow   *wy_window_new                (GtkApplication *application,
                                          WyStore        *store);
WyStore    *wy_window_get_store          (WyWindow       *self);
/* The ledger file's name without ".wuyou", as shown in the header bar. */
const char *wy_window_get_ledger_title   (WyWindow       *self);
/* Reads the compound list from the store again. */
void        wy_window_reload             (WyWindow       *self);

/* What the list shows: the column view's model, and the "N compounds"
 * line. Used by the tests and by later views. */
GListModel *wy_window_get_compound_model (WyWindow       *self);
const char *wy_window_get_count_text     (WyWindow       *self);
gboolean    wy_window_is_showing_empty   (WyWindow       *self);

G_END_DECLS
