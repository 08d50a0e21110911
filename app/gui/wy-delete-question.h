/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

G_BEGIN_DECLS

/* "Delete …?" for a rectification item, a street office or a community,
 * asked over the window of from. On "Delete" the row goes through the
 * main window's delete with undo ("Deleted … Undo", Ctrl+Z). A street
 * office or community that still has compounds is not deleted: the
 * message says how many (wy_locations_check_delete). */
void       wy_delete_question_ask      (GtkWidget *from,
                                        WyStore   *store,
                                        WyTable    table,
                                        gint64     id);
/* The question or refusal while it is open, else NULL (for tests). */
GtkWindow *wy_delete_question_get_open (void);

G_END_DECLS
