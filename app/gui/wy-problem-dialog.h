/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-problem-editor.h"
#include "wy-record-form.h"

G_BEGIN_DECLS

#define WY_TYPE_PROBLEM_DIALOG (wy_problem_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WyProblemDialog, wy_problem_dialog, WY, PROBLEM_DIALOG, GtkWindow)

/* A window for one rectification item: problem_id 0 asks for a new item
 * of compound_id (nothing is written until the user presses Add and every
 * field is valid); otherwise it shows the WyProblemEditor of that item. */
GtkWindow *wy_problem_dialog_new (GtkWindow *parent,
                                  WyStore   *store,
                                  gint64     compound_id,
                                  gint64     problem_id);

/* dialog is a WyProblemDialog (as made above), taken as a GtkWindow.
 * For tests: the draft form of a new item (NULL once it was added), what
 * Add does (FALSE when a field was refused or a confirmation is asked),
 * the item shown (0 before Add) and its editor (NULL before Add). */
WyRecordForm    *wy_problem_dialog_get_form       (GtkWindow *dialog);
gboolean         wy_problem_dialog_add            (GtkWindow *dialog);
gint64           wy_problem_dialog_get_problem_id (GtkWindow *dialog);
WyProblemEditor *wy_problem_dialog_get_editor     (GtkWindow *dialog);

G_END_DECLS
