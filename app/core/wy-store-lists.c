/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wuyou/wy-stats.h"
#include "wy-store-private.h"

/* The rows behind the window's lists: everything a list cell, a filter or
 * a sort needs, read in one query so 50,000 compounds or 200,000 problems
 * load without a query per row. */

#define COMPOUND_COLUMNS \
  "SELECT c.id, co.id, s.id, c.governance_mode_id, c.name, c.address, co.name, s.name," \
  " c.category, c.pilot, wy_plan_text(gm.name), c.households "

#define COMPOUND_JOINS \
  " FROM compound c JOIN community co ON co.id = c.community_id" \
  " JOIN street s ON s.id = co.street_id" \
  " LEFT JOIN governance_mode gm ON gm.id = c.governance_mode_id"

/* The texts a row is read with (name, address, community, street,
 * category, governance mode) live in the row's own allocation, after the
 * struct; target_marks and nearest_deadline are filled in later and have
 * their own. One allocation instead of seven per row: 50,000 compounds
 * are 300,000 fewer. */
void
wy_compound_row_free (WyCompoundRow *row)
{
  if (row == NULL)
    return;

  g_free (row->target_marks);
  g_free (row->nearest_deadline);
  g_free (row);
}

static WyCompoundRow *
compound_row_from_stmt (sqlite3_stmt *stmt)
{
  static const int text_columns[] = { 4, 5, 6, 7, 8, 10 };
  const char *texts[G_N_ELEMENTS (text_columns)];
  gsize lengths[G_N_ELEMENTS (text_columns)];
  gsize size = sizeof (WyCompoundRow);
  char **fields[G_N_ELEMENTS (text_columns)];
  WyCompoundRow *row;
  char *pool;

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    {
      texts[i] = (const char *) sqlite3_column_text (stmt, text_columns[i]);
      lengths[i] = texts[i] != NULL ? (gsize) sqlite3_column_bytes (stmt, text_columns[i]) : 0;
      size += texts[i] != NULL ? lengths[i] + 1 : 0;
    }

  row = g_malloc0 (size);
  fields[0] = &row->name;
  fields[1] = &row->address;
  fields[2] = &row->community;
  fields[3] = &row->street;
  fields[4] = &row->category;
  fields[5] = &row->governance_mode;
  pool = (char *) (row + 1);
  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    if (texts[i] != NULL)
      {
        memcpy (pool, texts[i], lengths[i]);
        pool[lengths[i]] = '\0';
        *fields[i] = pool;
        pool += lengths[i] + 1;
      }

  row->id = sqlite3_column_int64 (stmt, 0);
  row->community_id = sqlite3_column_int64 (stmt, 1);
  row->street_id = sqlite3_column_int64 (stmt, 2);
  row->governance_mode_id = sqlite3_column_int64 (stmt, 3);
  row->pilot = sqlite3_column_int (stmt, 9) != 0;
  row->households = sqlite3_column_type (stmt, 11) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 11);
  row->open_problems = (guint) sqlite3_column_int64 (stmt, 12);
  row->nearest_deadline = wy_store_column_text_dup (stmt, 13);

  return row;
}

/* The active targets in their order: id -> position + 1. */
static GHashTable *
active_target_positions (WyStore  *self,
                         guint    *n_targets,
                         GError  **error)
{
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = wy_store_prepare_cached (self, "SELECT id FROM target WHERE active = 1 ORDER BY ordinal, id", error);
  if (stmt == NULL)
    return NULL;

  *n_targets = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (positions, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (++*n_targets));
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&positions);
}

/* Fills targets_met/total and the marks of the rows in by_id from the
 * target statuses: one pass over compound_target (or one compound's). */
static gboolean
fill_target_marks (WyStore     *self,
                   GHashTable  *by_id,
                   gint64       only_compound,
                   GError     **error)
{
  g_autoptr(GHashTable) positions = NULL;
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;
  guint n_targets = 0;
  int rc;

  positions = active_target_positions (self, &n_targets, error);
  if (positions == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      WyCompoundRow *row = value;

      row->targets_total = n_targets;
      row->targets_met = 0;
      g_free (row->target_marks);
      row->target_marks = g_strnfill (n_targets, 'N');
    }

  if (only_compound > 0)
    {
      stmt = wy_store_prepare_cached (self,
                                      "SELECT compound_id, target_id, status FROM compound_target"
                                      " WHERE compound_id = ? AND status <> 'not_met'", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, only_compound);
    }
  else
    stmt = wy_store_prepare_cached (self,
                                    "SELECT compound_id, target_id, status FROM compound_target"
                                    " WHERE status <> 'not_met'", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 compound_id = sqlite3_column_int64 (stmt, 0);
      gint64 target_id = sqlite3_column_int64 (stmt, 1);
      const char *status = (const char *) sqlite3_column_text (stmt, 2);
      WyCompoundRow *row = g_hash_table_lookup (by_id, &compound_id);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, &target_id));

      if (row == NULL || position == 0)
        continue;

      if (g_strcmp0 (status, WY_TARGET_MET) == 0)
        {
          row->target_marks[position - 1] = 'M';
          row->targets_met++;
        }
      else if (g_strcmp0 (status, WY_TARGET_IN_PROGRESS) == 0)
        row->target_marks[position - 1] = 'P';
    }

  return wy_store_finish_read (self, stmt, rc, error);
}

/* Open items per compound: count and nearest deadline, from the partial
 * index problem_open_by_compound. */
static gboolean
fill_open_problems (WyStore     *self,
                    GHashTable  *by_id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = wy_store_prepare_cached (self,
                                  "SELECT compound_id, count(*), min(deadline) FROM problem"
                                  " WHERE " WY_SQL_PROBLEM_OPEN ("") " GROUP BY compound_id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 compound_id = sqlite3_column_int64 (stmt, 0);
      WyCompoundRow *row = g_hash_table_lookup (by_id, &compound_id);

      if (row == NULL)
        continue;
      row->open_problems = (guint) sqlite3_column_int64 (stmt, 1);
      row->nearest_deadline = wy_store_column_text_dup (stmt, 2);
    }

  return wy_store_finish_read (self, stmt, rc, error);
}

/* Community, then id: the order of the list before it is sorted. */
static int
compare_compound_rows (gconstpointer a,
                       gconstpointer b)
{
  const WyCompoundRow *x = *(WyCompoundRow * const *) a;
  const WyCompoundRow *y = *(WyCompoundRow * const *) b;

  if (x->community_id != y->community_id)
    return x->community_id < y->community_id ? -1 : 1;

  return (x->id > y->id) - (x->id < y->id);
}

/* Three plain scans joined in memory: the compounds, their open items and
 * their target statuses. One query joining them all sorted and grouped
 * 50,000 rows in SQL and took twice as long. The compounds are read in
 * the table's own order and sorted here: ORDER BY community_id walked
 * the index compound_community and looked every row up from it, which
 * took 200-290 ms for 50,000 compounds against 85 ms for the scan (the
 * sort takes a few). */
GPtrArray *
wy_store_list_compound_rows (WyStore  *self,
                             GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);

  stmt = wy_store_prepare_cached (self,
                                  COMPOUND_COLUMNS ", 0, NULL"
                                  COMPOUND_JOINS, error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_compound_row_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyCompoundRow *row = compound_row_from_stmt (stmt);

      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_id, &row->id, row);
    }
  if (!wy_store_finish_read (self, stmt, rc, error) ||
      !fill_open_problems (self, by_id, error) ||
      !fill_target_marks (self, by_id, 0, error))
    return NULL;

  g_ptr_array_sort (rows, compare_compound_rows);

  return g_steal_pointer (&rows);
}

WyCompoundRow *
wy_store_get_compound_row (WyStore  *self,
                           gint64    compound_id,
                           GError  **error)
{
  g_autoptr(WyCompoundRow) row = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);

  stmt = wy_store_prepare_cached (self,
                                  COMPOUND_COLUMNS ","
                                  " (SELECT count(*) FROM problem p WHERE p.compound_id = c.id AND " WY_SQL_PROBLEM_OPEN ("p.") "),"
                                  " (SELECT min(deadline) FROM problem p WHERE p.compound_id = c.id AND " WY_SQL_PROBLEM_OPEN ("p.") ")"
                                  COMPOUND_JOINS
                                  " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, compound_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = compound_row_from_stmt (stmt);
      rc = sqlite3_step (stmt);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return NULL;

  if (row == NULL)
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                           _("The compound was not found; it may have been deleted."));
      return NULL;
    }

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_hash_table_insert (by_id, &row->id, row);
  if (!fill_target_marks (self, by_id, compound_id, error))
    return NULL;

  return g_steal_pointer (&row);
}

void
wy_problem_row_free (WyProblemRow *row)
{
  if (row == NULL)
    return;

  g_free (row->compound);
  g_free (row->community);
  g_free (row->street);
  g_free (row->category);
  g_free (row->target);
  g_free (row->description);
  g_free (row->responsible_unit);
  g_free (row->responsible_person);
  g_free (row->raised_date);
  g_free (row->deadline);
  g_free (row->status);
  g_free (row->signed_off_date);
  g_free (row);
}

#define PROBLEM_SELECT \
  "SELECT p.id, p.compound_id, co.id, s.id, c.name, co.name, s.name, p.category, wy_plan_text(t.name)," \
  " p.description, p.responsible_unit, p.responsible_person, p.raised_date, p.deadline," \
  " p.status, p.signed_off_date," \
  " (SELECT count(*) FROM problem_update u WHERE u.problem_id = p.id)" \
  " FROM problem p JOIN compound c ON c.id = p.compound_id" \
  " JOIN community co ON co.id = c.community_id" \
  " JOIN street s ON s.id = co.street_id" \
  " LEFT JOIN target t ON t.id = p.target_id"

static WyProblemRow *
problem_row_from_stmt (sqlite3_stmt *stmt)
{
  WyProblemRow *row = g_new0 (WyProblemRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->compound_id = sqlite3_column_int64 (stmt, 1);
  row->community_id = sqlite3_column_int64 (stmt, 2);
  row->street_id = sqlite3_column_int64 (stmt, 3);
  row->compound = wy_store_column_text_dup (stmt, 4);
  row->community = wy_store_column_text_dup (stmt, 5);
  row->street = wy_store_column_text_dup (stmt, 6);
  row->category = wy_store_column_text_dup (stmt, 7);
  row->target = wy_store_column_text_dup (stmt, 8);
  row->description = wy_store_column_text_dup (stmt, 9);
  row->responsible_unit = wy_store_column_text_dup (stmt, 10);
  row->responsible_person = wy_store_column_text_dup (stmt, 11);
  row->raised_date = wy_store_column_text_dup (stmt, 12);
  row->deadline = wy_store_column_text_dup (stmt, 13);
  row->status = wy_store_column_text_dup (stmt, 14);
  row->signed_off_date = wy_store_column_text_dup (stmt, 15);
  row->n_updates = (guint) sqlite3_column_int64 (stmt, 16);

  return row;
}

GPtrArray *
wy_store_list_problem_rows (WyStore  *self,
                            gint64    compound_id,
                            GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);

  if (compound_id > 0)
    {
      stmt = wy_store_prepare_cached (self, PROBLEM_SELECT " WHERE p.compound_id = ?"
                                      " ORDER BY p.deadline IS NULL, p.deadline, p.id", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, compound_id);
    }
  else
    /* In the order they were raised: the page sorts as the user asks,
     * and sorting 200,000 rows by names here cost a third of the load. */
    stmt = wy_store_prepare_cached (self, PROBLEM_SELECT " ORDER BY p.id", error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_problem_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, problem_row_from_stmt (stmt));
  if (!wy_store_finish_read (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}

WyProblemRow *
wy_store_get_problem_row (WyStore  *self,
                          gint64    problem_id,
                          GError  **error)
{
  WyProblemRow *row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);

  stmt = wy_store_prepare_cached (self, PROBLEM_SELECT " WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, problem_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = problem_row_from_stmt (stmt);
      rc = sqlite3_step (stmt);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    {
      wy_problem_row_free (row);
      return NULL;
    }

  if (row == NULL)
    g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                         _("The rectification item was not found; it may have been deleted."));
  return row;
}
