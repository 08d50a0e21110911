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

/* Renames a district, street office or community (table says which):
 * the name is trimmed, must not be empty, keeps the name limit and must
 * differ from its siblings'. An ordinary audited update. */
gboolean wy_locations_rename          (WyStore     *store,
                                       WyTable      table,
                                       gint64       id,
                                       const char  *name,
                                       GError     **error);
/* How many compounds lie in a street office or a community. */
guint    wy_locations_count_compounds (WyStore     *store,
                                       WyTable      table,
                                       gint64       id);
/* Whether a street office or community may be deleted: not while it has
 * compounds (nor a street while it has communities); the message says how
 * many. The delete itself goes through wy_store_delete_with_undo(). */
gboolean wy_locations_check_delete    (WyStore     *store,
                                       WyTable      table,
                                       gint64       id,
                                       GError     **error);

G_END_DECLS
