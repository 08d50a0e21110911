/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-stats.h"
#include "wy-store-private.h"

/* The attainment rule in SQL: a compound attains when the number of
 * active targets it has met equals the number of active targets. */
#define ACTIVE_TARGETS \
  "active AS (SELECT id FROM target WHERE active = 1), " \
  "n_active AS (SELECT count(*) AS n FROM active), " \
  "met AS (SELECT ct.compound_id, count(*) AS n FROM compound_target ct" \
  "        JOIN active a ON a.id = ct.target_id WHERE ct.status = 'met'" \
  "        GROUP BY ct.compound_id) "

#define IS_ATTAINED "(n_active.n > 0 AND coalesce(met.n, 0) = n_active.n)"

static void
bind_window (sqlite3_stmt *stmt,
             int           first_index,
             const GDate  *today,
             guint         warning_days)
{
  GDate limit = *today;

  g_date_add_days (&limit, warning_days);
  wy_store_bind_date (stmt, first_index, today);
  wy_store_bind_date (stmt, first_index + 1, &limit);
}

gboolean
wy_store_get_dashboard (WyStore      *self,
                        const GDate  *today,
                        guint         warning_days,
                        WyDashboard  *out,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  stmt = wy_store_prepare_cached (self,
                                  "WITH " ACTIVE_TARGETS
                                  "SELECT count(*),"
                                  " total(c.category = 'self_managed'),"
                                  " total(c.category = 'three_none'),"
                                  " total(c.pilot),"
                                  " total(" IS_ATTAINED ")"
                                  " FROM compound c CROSS JOIN n_active"
                                  " LEFT JOIN met ON met.compound_id = c.id", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->compounds = (guint) sqlite3_column_int64 (stmt, 0);
      out->self_managed = (guint) sqlite3_column_double (stmt, 1);
      out->three_none = (guint) sqlite3_column_double (stmt, 2);
      out->pilots = (guint) sqlite3_column_double (stmt, 3);
      out->attained = (guint) sqlite3_column_double (stmt, 4);
      rc = sqlite3_step (stmt);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return FALSE;

  /* Same boundaries as wy_light_compute(): red before today, yellow from
   * today to today + warning_days inclusive. */
  stmt = wy_store_prepare_cached (self,
                                  "SELECT count(*),"
                                  " total(" WY_SQL_PROBLEM_OPEN ("") "),"
                                  " total(" WY_SQL_PROBLEM_OPEN ("") " AND " WY_SQL_LIGHT_RED ("deadline", "?1") "),"
                                  " total(" WY_SQL_PROBLEM_OPEN ("") " AND " WY_SQL_LIGHT_YELLOW ("deadline", "?1", "?2") "),"
                                  " total(" WY_SQL_PROBLEM_SIGNED_OFF ("") ")"
                                  " FROM problem", error);
  if (stmt == NULL)
    return FALSE;

  bind_window (stmt, 1, today, warning_days);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->problems = (guint) sqlite3_column_int64 (stmt, 0);
      out->problems_open = (guint) sqlite3_column_double (stmt, 1);
      out->problems_overdue = (guint) sqlite3_column_double (stmt, 2);
      out->problems_due_soon = (guint) sqlite3_column_double (stmt, 3);
      out->problems_signed_off = (guint) sqlite3_column_double (stmt, 4);
      rc = sqlite3_step (stmt);
    }

  return wy_store_finish_read (self, stmt, rc, error);
}

void
wy_attainment_row_free (WyAttainmentRow *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row->parent_name);
  g_free (row->met_per_target);
  g_free (row);
}

typedef struct {
  const char *units;      /* FROM clause naming the units as u, parents as p */
  const char *parent;     /* the parent's name column */
  const char *key;        /* the unit id of a compound, over c, co, s */
} LevelSql;

static const LevelSql level_sql[] = {
  [WY_LEVEL_COMMUNITY] = { "community u JOIN street p ON p.id = u.street_id", "p.name", "co.id" },
  [WY_LEVEL_STREET]    = { "street u JOIN district p ON p.id = u.district_id", "p.name", "s.id" },
  [WY_LEVEL_DISTRICT]  = { "district u", "NULL", "s.district_id" },
};

#define COMPOUND_UNITS \
  "FROM compound c JOIN community co ON co.id = c.community_id" \
  " JOIN street s ON s.id = co.street_id"

GPtrArray *
wy_store_attainment_by (WyStore  *self,
                        WyLevel   level,
                        GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) target_index = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *per_target_sql = NULL;
  const LevelSql *l;
  sqlite3_stmt *stmt;
  guint n_targets = 0;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);
  g_return_val_if_fail (level <= WY_LEVEL_DISTRICT, NULL);

  l = &level_sql[level];

  /* Active targets, in their order, so per-target counts line up. */
  target_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  stmt = wy_store_prepare_cached (self, "SELECT id FROM target WHERE active = 1 ORDER BY ordinal, id", error);
  if (stmt == NULL)
    return NULL;
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
    if (!wy_store_finish_read (self, stmt, rc, error))
      return NULL;

    n_targets = ids->len;
    for (guint i = 0; i < ids->len; i++)
      g_hash_table_insert (target_index,
                           g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)),
                           GUINT_TO_POINTER (i + 1));
  }

  sql = g_strdup_printf ("WITH " ACTIVE_TARGETS ", "
                         "per_compound AS (SELECT %s AS unit_id, " IS_ATTAINED " AS attained "
                         COMPOUND_UNITS " CROSS JOIN n_active LEFT JOIN met ON met.compound_id = c.id) "
                         "SELECT u.id, u.name, %s, count(pc.unit_id), total(pc.attained)"
                         " FROM %s LEFT JOIN per_compound pc ON pc.unit_id = u.id"
                         " GROUP BY u.id ORDER BY %s, u.name",
                         l->key, l->parent, l->units, l->parent);
  stmt = wy_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_attainment_row_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyAttainmentRow *row = g_new0 (WyAttainmentRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->name = wy_store_column_text_dup (stmt, 1);
      row->parent_name = wy_store_column_text_dup (stmt, 2);
      row->compounds = (guint) sqlite3_column_int64 (stmt, 3);
      row->attained = (guint) sqlite3_column_double (stmt, 4);
      row->rate = row->compounds > 0 ? (double) row->attained / row->compounds : 0.0;
      row->n_targets = n_targets;
      row->met_per_target = g_new0 (guint, MAX (n_targets, 1));
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_id, &row->id, row);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return NULL;

  per_target_sql = g_strdup_printf ("SELECT %s, ct.target_id, count(*) FROM compound_target ct"
                                    " JOIN compound c ON c.id = ct.compound_id"
                                    " JOIN community co ON co.id = c.community_id"
                                    " JOIN street s ON s.id = co.street_id"
                                    " WHERE ct.status = 'met' GROUP BY 1, 2", l->key);
  stmt = wy_store_prepare_cached (self, per_target_sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 unit_id = sqlite3_column_int64 (stmt, 0);
      gint64 target_id = sqlite3_column_int64 (stmt, 1);
      WyAttainmentRow *row = g_hash_table_lookup (by_id, &unit_id);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (target_index, &target_id));

      if (row != NULL && index > 0)
        row->met_per_target[index - 1] = (guint) sqlite3_column_int64 (stmt, 2);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&rows);
}

gboolean
wy_store_compound_is_attained (WyStore   *self,
                               gint64     compound_id,
                               gboolean  *attained,
                               GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  stmt = wy_store_prepare_cached (self,
                                  "WITH " ACTIVE_TARGETS
                                  "SELECT " IS_ATTAINED " FROM compound c CROSS JOIN n_active"
                                  " LEFT JOIN met ON met.compound_id = c.id WHERE c.id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, compound_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *attained = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
      return TRUE;
    }

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                           _("The compound was not found; it may have been deleted."));
      return FALSE;
    }
  return wy_store_finish_read (self, stmt, rc, error);
}

void
wy_consultation_gap_free (WyConsultationGap *gap)
{
  if (gap == NULL)
    return;

  g_free (gap->community);
  g_free (gap->street);
  g_free (gap->last_meeting);
  g_free (gap);
}

GPtrArray *
wy_store_consultation_gaps (WyStore      *self,
                            const GDate  *today,
                            GError      **error)
{
  g_autoptr(GPtrArray) gaps = NULL;
  sqlite3_stmt *stmt;
  GDate cutoff;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  /* "At least one every half year": a meeting on the day six months ago
   * still counts. GLib clamps 31 August minus six months to 28/29 February. */
  cutoff = *today;
  g_date_subtract_months (&cutoff, 6);

  stmt = wy_store_prepare_cached (self,
                                  "SELECT co.id, co.name, s.name, max(m.date) AS last"
                                  " FROM community co JOIN street s ON s.id = co.street_id"
                                  " LEFT JOIN meeting m ON m.community_id = co.id"
                                  "  AND m.kind = 'consultation' AND m.date <= ?1"
                                  " GROUP BY co.id"
                                  " HAVING last IS NULL OR last < ?2"
                                  " ORDER BY s.name, co.name", error);
  if (stmt == NULL)
    return NULL;

  wy_store_bind_date (stmt, 1, today);
  wy_store_bind_date (stmt, 2, &cutoff);

  gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_consultation_gap_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyConsultationGap *gap = g_new0 (WyConsultationGap, 1);

      gap->community_id = sqlite3_column_int64 (stmt, 0);
      gap->community = wy_store_column_text_dup (stmt, 1);
      gap->street = wy_store_column_text_dup (stmt, 2);
      gap->last_meeting = wy_store_column_text_dup (stmt, 3);
      g_ptr_array_add (gaps, gap);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&gaps);
}

GArray *
wy_store_terms_ending (WyStore      *self,
                       const GDate  *today,
                       guint         warning_days,
                       GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  stmt = wy_store_prepare_cached (self,
                                  "SELECT id FROM assistance_unit"
                                  " WHERE closed = 0 AND end_date IS NOT NULL AND end_date <= ?2"
                                  " ORDER BY end_date, id", error);
  if (stmt == NULL)
    return NULL;

  bind_window (stmt, 1, today, warning_days);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&ids);
}
