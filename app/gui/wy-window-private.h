/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-window.h"

G_BEGIN_DECLS

/* wy-window-actions.c: every win.* action of the ledger window. */
void       _wy_window_actions_init      (WyWindow *self);
/* Enables the actions that need a selected compound or something to undo. */
void       _wy_window_update_actions    (WyWindow *self);
gboolean   _wy_window_can_undo          (WyWindow *self);
/* The window's GSettings, or NULL when the schema is not installed. */
GSettings *_wy_window_get_settings      (WyWindow *self);

G_END_DECLS
