/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

G_BEGIN_DECLS

#define WY_TYPE_PREFERENCES_WINDOW (wy_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (WyPreferencesWindow, wy_preferences_window, WY, PREFERENCES_WINDOW, GtkWindow)

/* The operator's name (GSettings "operator-name", shared by every ledger)
 * and the warning window in days (kept in the ledger of parent's store). */
GtkWindow *wy_preferences_window_new         (GtkWindow *parent,
                                              WyStore   *store);

/* The name the audit log records: the "operator-name" setting, or when it
 * is empty (or the schema is not installed) the account's real name. */
char      *wy_preferences_dup_operator_name  (void);
/* Sets operator-name (NULL or "" = the account's name) and applies it to
 * the stores of every window of the application. */
void       wy_preferences_set_operator_name  (GtkApplication *application,
                                              const char     *name);

typedef void (*WyOperatorReadyFunc) (gpointer user_data);
/* Before a write that records an author (a progress note): when no
 * operator name is set and it was never asked for, asks for it once in a
 * small dialog over widget's window (remembered in GSettings), then calls
 * ready; at once otherwise. The name goes to store and every window's. */
void       wy_preferences_ask_operator_name  (GtkWidget           *widget,
                                              WyStore             *store,
                                              WyOperatorReadyFunc  ready,
                                              gpointer             user_data,
                                              GDestroyNotify       destroy);

G_END_DECLS
