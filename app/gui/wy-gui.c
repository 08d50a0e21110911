/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "wy-gui.h"
#include "wy-gui-resources.h"

void
wy_gui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      wy_gui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
