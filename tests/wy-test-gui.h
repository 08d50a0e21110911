/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "wy-record-form.h"

G_BEGIN_DECLS

/* What the display tests share: running the main loop, a window to show a
 * page in, and typing into a form's field as a user does. */

/* Runs the main loop until cond holds; fails the test, naming the
 * condition and the line, when it still does not after ten seconds. */
#define wy_test_spin_until(cond, data) \
  wy_test_spin_until_at ((cond), (data), #cond, __FILE__, __LINE__)
void       wy_test_spin_until_at  (gboolean    (*cond) (gpointer),
                                   gpointer      data,
                                   const char   *what,
                                   const char   *file,
                                   int           line);
/* The same, for a test that probes: FALSE when cond still does not hold
 * after ten seconds, and the test goes on. */
gboolean   wy_test_try_spin_until (gboolean    (*cond) (gpointer),
                                   gpointer      data);
gboolean   wy_test_is_mapped      (gpointer      widget);
/* Runs the main loop for ms milliseconds. */
void       wy_test_spin_for       (guint         ms);
/* Runs what is pending now, without waiting. */
void       wy_test_spin           (void);
/* A 1024×700 window with child, presented and mapped. */
GtkWindow *wy_test_show_in_window (GtkWidget    *child);
void       wy_test_type_into      (WyRecordForm *form,
                                   const char   *field,
                                   const char   *text);
/* A key press as GTK delivers it to the shortcuts of the focus widget
 * and its ancestors (capture, then bubble); GTK 4 cannot synthesise a
 * key event. TRUE when a shortcut took it. */
gboolean   wy_test_press_key      (GtkWindow       *window,
                                   guint            keyval,
                                   GdkModifierType  modifiers);

G_END_DECLS
