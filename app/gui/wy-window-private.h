/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-window.h"

G_BEGIN_DECLS

/* wy-window-actions.c: every win.* action of the ledger window. */
void _wy_window_actions_init (WyWindow *self);

G_END_DECLS
