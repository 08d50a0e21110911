/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-record-form.h"

G_BEGIN_DECLS

#define WY_TYPE_PROBLEM_EDITOR (wy_problem_editor_get_type ())
G_DECLARE_FINAL_TYPE (WyProblemEditor, wy_problem_editor, WY, PROBLEM_EDITOR, GtkWidget)

/* One rectification item: its fields (a WyRecordForm), its light, the
 * dated progress updates with a way to add one, and Sign Off… / Reopen…. */
WyProblemEditor *wy_problem_editor_new            (WyStore         *store);
void             wy_problem_editor_set_problem_id (WyProblemEditor *self,
                                                   gint64           problem_id);
gint64           wy_problem_editor_get_problem_id (WyProblemEditor *self);

/* "Today" for the light and new dates (default: the clock), for tests. */
void             wy_problem_editor_set_today      (WyProblemEditor *self,
                                                   const GDate     *today);

/* For tests and focus: the parts the user works with. */
WyRecordForm    *wy_problem_editor_get_form             (WyProblemEditor *self);
WyLight          wy_problem_editor_get_light            (WyProblemEditor *self);
guint            wy_problem_editor_get_n_updates        (WyProblemEditor *self);
GtkWidget       *wy_problem_editor_get_progress_entry   (WyProblemEditor *self);
GtkWidget       *wy_problem_editor_get_add_progress_button (WyProblemEditor *self);
GtkWidget       *wy_problem_editor_get_sign_off_button  (WyProblemEditor *self);
GtkWidget       *wy_problem_editor_get_reopen_button    (WyProblemEditor *self);
GtkWidget       *wy_problem_editor_get_delete_button    (WyProblemEditor *self);
/* "Delete the rectification item …?", then the window's delete with undo
 * (the Delete… button; the Delete key of the Problems page's list). */
void             wy_problem_editor_ask_delete           (WyProblemEditor *self);
/* The message under the progress entry, or NULL. */
const char      *wy_problem_editor_get_progress_error   (WyProblemEditor *self);

/* The Sign Off… or Reopen… dialog while it is open, or NULL; its fields
 * ("date", "verifier" or "reason") can be filled and its main button
 * pressed from here. accept returns FALSE (and the dialog stays, with the
 * message) when the store refused. */
GtkWindow       *wy_problem_editor_get_dialog           (WyProblemEditor *self);
void             wy_problem_editor_dialog_set_text      (WyProblemEditor *self,
                                                         const char      *field,
                                                         const char      *text);
gboolean         wy_problem_editor_dialog_accept        (WyProblemEditor *self);
const char      *wy_problem_editor_dialog_get_error     (WyProblemEditor *self);

G_END_DECLS
