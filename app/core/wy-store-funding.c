/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-store-funding"

#include "config.h"

#include "wuyou/wy-funding.h"
#include "wuyou/wy-money.h"
#include "wy-store-private.h"

void
wy_funding_totals_free (WyFundingTotals *totals)
{
  if (totals == NULL)
    return;

  g_free (totals->community);
  g_free (totals->street);
  g_free (totals);
}

static int
source_index (const char *code)
{
  const WyFieldInfo *info = wy_schema_field (wy_schema_table (WY_TABLE_FUNDING), "source");

  for (int i = 0; code != NULL && info->codes[i] != NULL && i < WY_FUNDING_N_SOURCES; i++)
    if (g_str_equal (info->codes[i], code))
      return i;

  return -1;
}

GPtrArray *
wy_store_funding_totals_by_community (WyStore  *self,
                                      GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_funding_totals_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  stmt = wy_store_prepare_cached (self,
                                  "SELECT c.id, c.name, s.name FROM community c"
                                  " JOIN street s ON s.id = c.street_id"
                                  " ORDER BY s.name, s.id, c.name, c.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyFundingTotals *totals = g_new0 (WyFundingTotals, 1);

      totals->community_id = sqlite3_column_int64 (stmt, 0);
      totals->community = wy_store_column_text_dup (stmt, 1);
      totals->street = wy_store_column_text_dup (stmt, 2);
      g_ptr_array_add (rows, totals);
      g_hash_table_insert (by_id, &totals->community_id, totals);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return NULL;

  stmt = wy_store_prepare_cached (self,
                                  "SELECT co.community_id, f.source, COUNT(*), coalesce(SUM(f.amount), 0)"
                                  " FROM funding f JOIN compound co ON co.id = f.compound_id"
                                  " GROUP BY co.community_id, f.source", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 community_id = sqlite3_column_int64 (stmt, 0);
      WyFundingTotals *totals = g_hash_table_lookup (by_id, &community_id);
      int index = source_index ((const char *) sqlite3_column_text (stmt, 1));
      double amount = wy_money_fen_to_yuan (sqlite3_column_int64 (stmt, 3));

      if (totals == NULL)
        continue;

      totals->count += (guint) sqlite3_column_int64 (stmt, 2);
      totals->total += amount;
      if (index >= 0)
        totals->per_source[index] += amount;
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}

gboolean
wy_store_funding_total_for_compound (WyStore  *self,
                                     gint64    compound_id,
                                     double   *total,
                                     guint    *count,
                                     GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  stmt = wy_store_prepare_cached (self,
                                  "SELECT COUNT(*), coalesce(SUM(amount), 0) FROM funding WHERE compound_id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, compound_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (count != NULL)
        *count = (guint) sqlite3_column_int64 (stmt, 0);
      if (total != NULL)
        *total = wy_money_fen_to_yuan (sqlite3_column_int64 (stmt, 1));
      rc = sqlite3_step (stmt);
    }

  return wy_store_finish_read (self, stmt, rc, error);
}

gboolean
wy_store_funding_total_for_community (WyStore  *self,
                                      gint64    community_id,
                                      double   *total,
                                      guint    *count,
                                      GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  stmt = wy_store_prepare_cached (self,
                                  "SELECT COUNT(*), coalesce(SUM(f.amount), 0) FROM funding f"
                                  " JOIN compound co ON co.id = f.compound_id"
                                  " WHERE co.community_id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, community_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (count != NULL)
        *count = (guint) sqlite3_column_int64 (stmt, 0);
      if (total != NULL)
        *total = wy_money_fen_to_yuan (sqlite3_column_int64 (stmt, 1));
      rc = sqlite3_step (stmt);
    }

  return wy_store_finish_read (self, stmt, rc, error);
}
