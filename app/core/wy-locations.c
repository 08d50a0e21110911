/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wuyou/wy-locations.h"

/* The id of the row of table named name under parent (0: no parent),
 * inserting it when there is none. */
static gint64
ensure_named (WyStore     *store,
              WyTable      table,
              gint64       parent_id,
              const char  *name,
              GError     **error)
{
  const WyTableInfo *info = wy_schema_table (table);
  g_autoptr(GPtrArray) rows = wy_store_list (store, table, parent_id, error);
  g_autoptr(WyRecord) record = NULL;

  if (rows == NULL)
    return 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (wy_record_get (g_ptr_array_index (rows, i), "name"), name) == 0)
      return wy_record_get_id (g_ptr_array_index (rows, i));

  record = wy_record_new (table);
  if (info->parent_field != NULL)
    wy_record_set_int (record, info->parent_field, parent_id);
  wy_record_set (record, "name", name);

  return wy_store_insert (store, record, error);
}

gint64
wy_locations_ensure_community (WyStore     *store,
                               const char  *district,
                               const char  *street,
                               const char  *community,
                               GError     **error)
{
  g_autofree char *district_name = g_strstrip (g_strdup (district != NULL ? district : ""));
  g_autofree char *street_name = g_strstrip (g_strdup (street != NULL ? street : ""));
  g_autofree char *community_name = g_strstrip (g_strdup (community != NULL ? community : ""));
  gint64 district_id, street_id;

  g_return_val_if_fail (WY_IS_STORE (store), 0);

  if (*district_name == '\0' || *street_name == '\0' || *community_name == '\0')
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                           _("A new community needs its district, its street office and its own name."));
      return 0;
    }

  district_id = ensure_named (store, WY_TABLE_DISTRICT, 0, district_name, error);
  if (district_id == 0)
    return 0;
  street_id = ensure_named (store, WY_TABLE_STREET, district_id, street_name, error);
  if (street_id == 0)
    return 0;

  return ensure_named (store, WY_TABLE_COMMUNITY, street_id, community_name, error);
}
