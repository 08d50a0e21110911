/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A filter drop-down over a GtkStringList that may shrink: its button
 * ellipsizes the chosen text past max_chars (the full text in a tooltip),
 * while its popup still lists every choice in full. Seven filters then
 * fit on two lines beside the detail at 1024 pixels. */
void  wy_drop_down_set_compact  (GtkDropDown *drop_down,
                                 int          max_chars);

G_END_DECLS
