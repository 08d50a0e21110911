/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-compounds-page.h"

G_BEGIN_DECLS

#define WY_TYPE_WINDOW (wy_window_get_type ())
G_DECLARE_FINAL_TYPE (WyWindow, wy_window, WY, WINDOW, GtkApplicationWindow)

/* One window per open ledger. application may be NULL (tests). */
WyWindow        *wy_window_new                (GtkApplication *application,
                                               WyStore        *store);
WyStore         *wy_window_get_store          (WyWindow       *self);
/* The ledger file's name without ".wuyou", as shown in the header bar. */
const char      *wy_window_get_ledger_title   (WyWindow       *self);
/* Reads the compound list from the store again. */
void             wy_window_reload             (WyWindow       *self);

/* What the compound list shows (filtered and sorted), and its "N of M
 * compounds" line. Used by the tests and by later views. */
GListModel      *wy_window_get_compound_model (WyWindow       *self);
const char      *wy_window_get_count_text     (WyWindow       *self);
gboolean         wy_window_is_showing_empty   (WyWindow       *self);

/* The pages: "compounds", "problems". */
WyCompoundsPage *wy_window_get_compounds_page (WyWindow       *self);
GtkWidget       *wy_window_get_problems_page  (WyWindow       *self);
void             wy_window_show_page          (WyWindow       *self,
                                               const char     *name);
/* Shows the page of that name and on it the row of that id (a problem,
 * task, milestone, assistance unit, compound). */
void             wy_window_show_item          (WyWindow       *self,
                                               const char     *name,
                                               gint64          id);
const char      *wy_window_get_page           (WyWindow       *self);
GtkEditable     *wy_window_get_search_entry   (WyWindow       *self);

/* Deletes a row of any table with everything that hangs off it (no
 * question asked: ask first), as one step of the ledger's undo history,
 * and shows "Deleted “…”  [Undo]". Undo (that button, Ctrl+Z outside a
 * text field, the main menu) puts it all back with its ids. */
gboolean         wy_window_delete_with_undo   (WyWindow       *self,
                                               WyTable         table,
                                               gint64          id,
                                               GError        **error);
/* The same for a compound (with all its problems), and the next compound
 * is selected in its place (the win.delete-compound action asks first). */
gboolean         wy_window_delete_compound    (WyWindow       *self,
                                               gint64          compound_id,
                                               GError        **error);
/* Undoes / redoes the last change to the ledger, whatever it was
 * (win.undo, win.redo); a compound brought back is selected. With
 * nothing to undo it says so in a notice. FALSE when the store refused
 * (the rows were changed since). */
gboolean         wy_window_undo               (WyWindow       *self,
                                               GError        **error);
gboolean         wy_window_redo               (WyWindow       *self,
                                               GError        **error);
/* The text of the "Deleted …" notice while it is shown, or NULL. */
const char      *wy_window_get_undo_notice    (WyWindow       *self);
/* "TEXT  [Open]  [×]" at the bottom of the window for a while (after an
 * export); Open shows uri with the desktop's program for it. */
void             wy_window_show_file_notice   (WyWindow       *self,
                                               const char     *text,
                                               const char     *uri);
/* The text of that notice while it is shown, or NULL. */
const char      *wy_window_get_file_notice    (WyWindow       *self);
/* A new compound with its required fields and a "not met" status for each
 * active target; shown and selected. Returns its id, or 0. */
gint64           wy_window_add_compound       (WyWindow       *self,
                                               const char     *name,
                                               gint64          community_id,
                                               const char     *category,
                                               GError        **error);

/* The page of that name ("due", "compounds", "tasks"…), or NULL. */
GtkWidget       *wy_window_get_page_widget      (WyWindow       *self,
                                                 const char     *name);
/* The "N items became overdue since …" notice: its text while it shows
 * (else NULL), and its Show button (goes to the Due page). */
const char      *wy_window_get_due_notice_text  (WyWindow       *self);
void             wy_window_activate_due_notice  (WyWindow       *self);

G_END_DECLS
