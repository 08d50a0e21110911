/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-store.h"

G_BEGIN_DECLS

#define WY_DEMO_DEFAULT_SIZE 30

/* Writes a fictional street office into a new ledger at path: n_compounds
 * compounds (0: the default) with problems, tasks, phases, assistance
 * units, meetings, inspections and funding, dated around today so that
 * every light occurs. One transaction; refuses a file that holds data. */
gboolean  wy_demo_write   (const char   *path,
                           guint         n_compounds,
                           const GDate  *today,
                           GError      **error);

G_END_DECLS
