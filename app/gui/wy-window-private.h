/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-window.h"

G_BEGIN_DECLS

/* wy-window-actions.c: every win.* action of the ledger window. */
void       _wy_window_actions_init      (WyWindow *self);
/* Enables the actions that need a selected compound or something to undo. */
void       _wy_window_update_actions    (WyWindow *self);
gboolean   _wy_window_can_undo          (WyWindow *self);
gboolean   _wy_window_can_redo          (WyWindow *self);
/* Undo or redo the last change; an error is shown in a dialog. */
void       _wy_window_replay_or_report  (WyWindow *self,
                                         gboolean  redo);
/* wy-window-sync.c: reloads what the window shows when another program
 * saved to the ledger (polled every second and on activation);
 * _now polls at once (tests, and after a save was refused). */
void       _wy_window_sync_start        (WyWindow *self);
void       _wy_window_sync_now          (WyWindow *self);
/* The window's GSettings, or NULL when the schema is not installed. */
GSettings *_wy_window_get_settings      (WyWindow *self);

G_END_DECLS
