/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The commands that run without a window (and without a display):
 *
 *   wuyou --export-ledger OUT.xlsx|OUT.csv [--scope SCOPE] [--sheets LIST]
 *         [--paper A4|A3] [--as-of YYYY-MM-DD] [--three-lists] [FILE]
 *
 * They are recognised in main() before GApplication sees the arguments,
 * because they take a ledger FILE that GApplication would open in a
 * window. Exit status: 0 done, 1 the work failed (message on stderr, no
 * file written), 2 the command line is wrong. */
gboolean  wy_command_line_is_export  (int    argc,
                                      char **argv);
int       wy_command_line_export     (int    argc,
                                      char **argv);

G_END_DECLS
