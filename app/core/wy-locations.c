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

gboolean
wy_locations_rename (WyStore     *store,
                     WyTable      table,
                     gint64       id,
                     const char  *name,
                     GError     **error)
{
  const WyTableInfo *info;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autoptr(WyRecord) record = NULL;
  g_autoptr(GPtrArray) siblings = NULL;
  gint64 parent_id = 0;

  g_return_val_if_fail (WY_IS_STORE (store), FALSE);
  g_return_val_if_fail (table == WY_TABLE_DISTRICT || table == WY_TABLE_STREET ||
                        table == WY_TABLE_COMMUNITY, FALSE);

  info = wy_schema_table (table);
  record = wy_store_get (store, table, id, error);
  if (record == NULL)
    return FALSE;

  if (info->parent_field != NULL)
    parent_id = wy_record_get_int (record, info->parent_field, 0);

  siblings = wy_store_list (store, table, parent_id, error);
  if (siblings == NULL)
    return FALSE;

  for (guint i = 0; i < siblings->len; i++)
    {
      WyRecord *sibling = g_ptr_array_index (siblings, i);

      if (wy_record_get_id (sibling) != id &&
          g_strcmp0 (wy_record_get (sibling, "name"), trimmed) == 0)
        {
          /* Translators: %s is the name of a street office or community */
          g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT,
                       _("There is already a “%s” here."), trimmed);
          return FALSE;
        }
    }

  /* The store says "required" and "at most … characters". */
  return wy_store_update_field (store, table, id, "name", trimmed, error);
}

guint
wy_locations_count_compounds (WyStore *store,
                              WyTable  table,
                              gint64   id)
{
  g_autoptr(GPtrArray) compounds = NULL;
  guint n = 0;

  g_return_val_if_fail (WY_IS_STORE (store), 0);

  if (table == WY_TABLE_COMMUNITY)
    {
      compounds = wy_store_list (store, WY_TABLE_COMPOUND, id, NULL);
      return compounds != NULL ? compounds->len : 0;
    }

  if (table == WY_TABLE_STREET)
    {
      g_autoptr(GPtrArray) communities = wy_store_list (store, WY_TABLE_COMMUNITY, id, NULL);

      for (guint i = 0; communities != NULL && i < communities->len; i++)
        n += wy_locations_count_compounds (store, WY_TABLE_COMMUNITY,
                                           wy_record_get_id (g_ptr_array_index (communities, i)));
    }

  return n;
}

gboolean
wy_locations_check_delete (WyStore     *store,
                           WyTable      table,
                           gint64       id,
                           GError     **error)
{
  g_autoptr(WyRecord) record = NULL;
  guint n_compounds;

  g_return_val_if_fail (WY_IS_STORE (store), FALSE);
  g_return_val_if_fail (table == WY_TABLE_STREET || table == WY_TABLE_COMMUNITY, FALSE);

  record = wy_store_get (store, table, id, error);
  if (record == NULL)
    return FALSE;

  n_compounds = wy_locations_count_compounds (store, table, id);
  if (n_compounds > 0)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT,
                   /* Translators: %s is a street office or community, %u a number */
                   ngettext ("“%s” still has %u compound. Move it to another community, or delete it, first.",
                             "“%s” still has %u compounds. Move them to another community, or delete them, first.",
                             n_compounds),
                   wy_record_get (record, "name"), n_compounds);
      return FALSE;
    }

  if (table == WY_TABLE_STREET)
    {
      g_autoptr(GPtrArray) communities = wy_store_list (store, WY_TABLE_COMMUNITY, id, error);

      if (communities == NULL)
        return FALSE;
      if (communities->len > 0)
        {
          g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT,
                       /* Translators: %s is a street office, %u a number */
                       ngettext ("“%s” still has %u community. Delete it first.",
                                 "“%s” still has %u communities. Delete them first.",
                                 communities->len),
                       wy_record_get (record, "name"), communities->len);
          return FALSE;
        }
    }

  return TRUE;
}
