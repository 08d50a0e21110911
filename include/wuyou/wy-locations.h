/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-store.h"

G_BEGIN_DECLS

/* The community a compound belongs to, found by the names a clerk types
 * (县(市、区) → 街道 → 社区) and created where it does not exist yet, so a
 * new ledger can take its first compound. Returns the community id, or 0
 * with error set (a name missing, or the store refused). */
gint64  wy_locations_ensure_community  (WyStore     *store,
                                        const char  *district,
                                        const char  *street,
                                        const char  *community,
                                        GError     **error);

G_END_DECLS
