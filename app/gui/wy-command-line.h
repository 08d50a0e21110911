/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The commands that run without a window (and without a display):
 *
 *   wuyou --export-ledger OUT.xlsx|OUT.csv [--scope SCOPE] [--sheets LIST]
 *         [--paper A4|A3] [--as-of YYYY-MM-DD] [--three-lists] [FILE]
 *   wuyou --render-chart NAME --output OUT.png|OUT.svg|OUT.pdf [--width W]
 *         [--height H] [--as-of YYYY-MM-DD] [--street NAME]
 *         [--community NAME] [FILE]            (wy-command-line-chart.c)
 *   wuyou --list-charts
 *
 * They are recognised in main() before GApplication sees the arguments,
 * because they take a ledger FILE that GApplication would open in a
 * window. Exit status: 0 done, 1 the work failed (message on stderr, no
 * file written), 2 the command line is wrong. */
gboolean  wy_command_line_is_export  (int    argc,
                                      char **argv);
int       wy_command_line_export     (int    argc,
                                      char **argv);
/* Charts also take 2 for a ledger that cannot be opened or a file that
 * cannot be written there: both are checked before anything is drawn. */
gboolean  wy_command_line_is_chart   (int    argc,
                                      char **argv);
int       wy_command_line_chart      (int    argc,
                                      char **argv);

G_END_DECLS
