/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the GResource (templates, style sheet, icon) once. Every
 * widget with a template calls it from its class_init, so the tests need
 * no set-up of their own. */
void wy_gui_ensure_resources (void);

#define WY_GUI_RESOURCE_PATH "/io/github/wuyou/Wuyou"

G_END_DECLS
