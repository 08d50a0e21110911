/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "wuyou/wy-date.h"
#include "wy-chart-private.h"
#include "wy-store-private.h"

/* The SQL of the charts: aggregates only, never one row per compound, so
 * a 50,000-compound ledger answers in a fraction of a second.
 *
 * Every statement takes the same first parameters: ?1 the street id and
 * ?2 the community id of the scope (0 = no limit), then ?3 today and
 * ?4 today + warning_days where it needs them. Light boundaries are those
 * of wy_light_compute(), as in wy-store-stats.c. */

#define ACTIVE_TARGETS \
  "active AS (SELECT id FROM target WHERE active = 1), " \
  "n_active AS (SELECT count(*) AS n FROM active), " \
  "met AS (SELECT ct.compound_id, count(*) AS n FROM compound_target ct" \
  "        JOIN active a ON a.id = ct.target_id WHERE ct.status = 'met'" \
  "        GROUP BY ct.compound_id) "

#define IS_ATTAINED "(n_active.n > 0 AND coalesce(met.n, 0) = n_active.n)"

#define IN_SCOPE "(?1 = 0 OR co.street_id = ?1) AND (?2 = 0 OR co.id = ?2)"

/* Problems of the scope. Without a scope the joins are left out: they
 * would cost a lookup per problem for nothing. */
#define PROBLEMS_SCOPED \
  " FROM problem p JOIN compound c ON c.id = p.compound_id" \
  " JOIN community co ON co.id = c.community_id WHERE " IN_SCOPE
#define PROBLEMS_ALL \
  " FROM problem p WHERE ?1 = 0 AND ?2 = 0"

static gboolean
is_scoped (const WyChartData *data)
{
  return data->query.street_id != 0 || data->query.community_id != 0;
}

static void
bind_scope (sqlite3_stmt      *stmt,
            const WyChartData *data)
{
  GDate limit = data->query.today;

  sqlite3_bind_int64 (stmt, 1, data->query.street_id);
  sqlite3_bind_int64 (stmt, 2, data->query.community_id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    wy_store_bind_date (stmt, 3, &data->query.today);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    {
      g_date_add_days (&limit, data->query.warning_days);
      wy_store_bind_date (stmt, 4, &limit);
    }
}

static sqlite3_stmt *
prepare_problems (WyStore            *self,
                  const WyChartData  *data,
                  const char         *select,
                  const char         *tail,
                  GError            **error)
{
  g_autofree char *sql = g_strconcat (select,
                                      is_scoped (data) ? PROBLEMS_SCOPED : PROBLEMS_ALL,
                                      tail, NULL);
  sqlite3_stmt *stmt = wy_store_prepare_cached (self, sql, error);

  if (stmt != NULL)
    bind_scope (stmt, data);
  return stmt;
}

static guint
column_count (sqlite3_stmt *stmt,
              int           column)
{
  /* total() gives a real; counts never exceed what a guint holds. */
  return (guint) sqlite3_column_double (stmt, column);
}

gboolean
wy_store_chart_scope (WyStore      *self,
                      WyChartData  *data,
                      GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  if (data->query.community_id != 0)
    {
      stmt = wy_store_prepare_cached (self,
                                      "SELECT co.name, s.name, s.id FROM community co"
                                      " JOIN street s ON s.id = co.street_id WHERE co.id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->query.community_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_autofree char *community = wy_store_column_text_dup (stmt, 0);
          g_autofree char *street = wy_store_column_text_dup (stmt, 1);
          gint64 street_id = sqlite3_column_int64 (stmt, 2);

          sqlite3_reset (stmt);
          if (data->query.street_id != 0 && data->query.street_id != street_id)
            {
              g_set_error (error, WY_CHART_ERROR, WY_CHART_ERROR_INVALID,
                           /* Translators: %s is a community's name */
                           _("The community “%s” does not belong to that street office."), community);
              return FALSE;
            }
          /* Translators: a community and, in brackets, its street office */
          data->scope = g_strdup_printf (C_("chart scope", "%s (%s)"), community, street);
          return TRUE;
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                               _("The community was not found; it may have been deleted."));
          return FALSE;
        }
      return wy_store_finish_read (self, stmt, rc, error);
    }

  if (data->query.street_id != 0)
    {
      stmt = wy_store_prepare_cached (self, "SELECT name FROM street WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->query.street_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          data->scope = wy_store_column_text_dup (stmt, 0);
          sqlite3_reset (stmt);
          return TRUE;
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                               _("The street office was not found; it may have been deleted."));
          return FALSE;
        }
      return wy_store_finish_read (self, stmt, rc, error);
    }

  return TRUE;
}

/* --- Attainment ---------------------------------------------------------- */

typedef struct {
  const char *units;      /* id, name, parent name of the units in scope */
  const char *key;        /* the unit of a compound, over co (community) */
} UnitSql;

static const UnitSql unit_sql[] = {
  [WY_LEVEL_COMMUNITY] = {
    "SELECT co.id, co.name, s.name FROM community co JOIN street s ON s.id = co.street_id"
    " WHERE " IN_SCOPE " ORDER BY s.name, co.name, co.id",
    "co.id" },
  [WY_LEVEL_STREET] = {
    "SELECT s.id, s.name, d.name FROM street s JOIN district d ON d.id = s.district_id"
    " WHERE (?1 = 0 OR s.id = ?1)"
    " AND (?2 = 0 OR s.id = (SELECT street_id FROM community WHERE id = ?2))"
    " ORDER BY d.name, s.name, s.id",
    "co.street_id" },
  [WY_LEVEL_DISTRICT] = {
    "SELECT d.id, d.name, NULL FROM district d"
    " WHERE (?1 = 0 OR d.id = (SELECT district_id FROM street WHERE id = ?1))"
    " AND (?2 = 0 OR d.id = (SELECT s.district_id FROM community co"
    "                        JOIN street s ON s.id = co.street_id WHERE co.id = ?2))"
    " ORDER BY d.name, d.id",
    "(SELECT district_id FROM street WHERE id = co.street_id)" },
};

gboolean
wy_store_chart_units (WyStore      *self,
                      WyChartData  *data,
                      WyLevel       level,
                      GError      **error)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) target_index = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *count_sql = NULL;
  g_autofree char *met_sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (level <= WY_LEVEL_DISTRICT, FALSE);

  /* Active targets, in their order, so the columns line up. */
  stmt = wy_store_prepare_cached (self, "SELECT id, wy_plan_text(name) FROM target WHERE active = 1 ORDER BY ordinal, id", error);
  if (stmt == NULL)
    return FALSE;
  target_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  names = g_ptr_array_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_ptr_array_add (names, wy_store_column_text_dup (stmt, 1));
      g_hash_table_insert (target_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (names->len));
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    {
      g_ptr_array_foreach (names, (GFunc) g_free, NULL);
      return FALSE;
    }
  data->n_targets = names->len;
  g_ptr_array_add (names, NULL);
  data->target_names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);

  data->units = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_chart_unit_free);
  data->all.met = g_new0 (guint, MAX (data->n_targets, 1));
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  stmt = wy_store_prepare_cached (self, unit_sql[level].units, error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, data);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyChartUnit *unit = g_new0 (WyChartUnit, 1);

      unit->id = sqlite3_column_int64 (stmt, 0);
      unit->name = wy_store_column_text_dup (stmt, 1);
      unit->parent = wy_store_column_text_dup (stmt, 2);
      unit->met = g_new0 (guint, MAX (data->n_targets, 1));
      g_ptr_array_add (data->units, unit);
      g_hash_table_insert (by_id, &unit->id, unit);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return FALSE;

  count_sql = g_strdup_printf ("WITH " ACTIVE_TARGETS
                               "SELECT %s, count(*), total(" IS_ATTAINED ")"
                               " FROM compound c JOIN community co ON co.id = c.community_id"
                               " CROSS JOIN n_active LEFT JOIN met ON met.compound_id = c.id"
                               " WHERE " IN_SCOPE " GROUP BY 1", unit_sql[level].key);
  stmt = wy_store_prepare_cached (self, count_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, data);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      WyChartUnit *unit = g_hash_table_lookup (by_id, &id);
      guint compounds = (guint) sqlite3_column_int64 (stmt, 1);
      guint attained = column_count (stmt, 2);

      if (unit != NULL)
        {
          unit->compounds = compounds;
          unit->attained = attained;
        }
      data->all.compounds += compounds;
      data->all.attained += attained;
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return FALSE;

  met_sql = g_strdup_printf ("SELECT %s, ct.target_id, count(*) FROM compound_target ct"
                             " JOIN compound c ON c.id = ct.compound_id"
                             " JOIN community co ON co.id = c.community_id"
                             " WHERE ct.status = 'met' AND " IN_SCOPE " GROUP BY 1, 2",
                             unit_sql[level].key);
  stmt = wy_store_prepare_cached (self, met_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, data);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 target_id = sqlite3_column_int64 (stmt, 1);
      guint count = (guint) sqlite3_column_int64 (stmt, 2);
      WyChartUnit *unit = g_hash_table_lookup (by_id, &id);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (target_index, &target_id));

      if (index == 0)
        continue;   /* an inactive target */
      if (unit != NULL)
        unit->met[index - 1] = count;
      data->all.met[index - 1] += count;
    }
  return wy_store_finish_read (self, stmt, rc, error);
}

/* --- Ranking by overdue problems ----------------------------------------- */

static const char * const overdue_rank_sql[] = {
  [WY_RANK_COMMUNITIES] =
    "SELECT co.id, co.name, s.name,"
    " total(" WY_SQL_PROBLEM_OPEN ("p.") " AND " WY_SQL_LIGHT_RED ("p.deadline", "?3") "), total(" WY_SQL_PROBLEM_OPEN ("p.") ")"
    " FROM community co JOIN street s ON s.id = co.street_id"
    " JOIN compound c ON c.community_id = co.id"
    " LEFT JOIN problem p ON p.compound_id = c.id"
    " WHERE " IN_SCOPE " GROUP BY co.id",
  [WY_RANK_STREETS] =
    "SELECT s.id, s.name, d.name,"
    " total(" WY_SQL_PROBLEM_OPEN ("p.") " AND " WY_SQL_LIGHT_RED ("p.deadline", "?3") "), total(" WY_SQL_PROBLEM_OPEN ("p.") ")"
    " FROM street s JOIN district d ON d.id = s.district_id"
    " JOIN community co ON co.street_id = s.id"
    " JOIN compound c ON c.community_id = co.id"
    " LEFT JOIN problem p ON p.compound_id = c.id"
    " WHERE " IN_SCOPE " GROUP BY s.id",
  /* Units are free text: the same spelling is the same unit. */
  [WY_RANK_RESPONSIBLE_UNITS] =
    "SELECT 0, trim(p.responsible_unit) AS unit, NULL, total(" WY_SQL_LIGHT_RED ("p.deadline", "?3") "), count(*)"
    " FROM problem p JOIN compound c ON c.id = p.compound_id"
    " JOIN community co ON co.id = c.community_id"
    " WHERE " WY_SQL_PROBLEM_OPEN ("p.") " AND trim(coalesce(p.responsible_unit, '')) <> ''"
    " AND " IN_SCOPE " GROUP BY unit",
};

gboolean
wy_store_chart_overdue_ranks (WyStore      *self,
                              WyChartData  *data,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (data->query.rank_what <= WY_RANK_RESPONSIBLE_UNITS, FALSE);

  stmt = wy_store_prepare_cached (self, overdue_rank_sql[data->query.rank_what], error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, data);

  data->ranks = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_chart_rank_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyChartRank *rank = g_new0 (WyChartRank, 1);

      rank->id = sqlite3_column_int64 (stmt, 0);
      rank->name = wy_store_column_text_dup (stmt, 1);
      rank->parent = wy_store_column_text_dup (stmt, 2);
      rank->count = column_count (stmt, 3);
      rank->total = column_count (stmt, 4);
      g_ptr_array_add (data->ranks, rank);
    }
  return wy_store_finish_read (self, stmt, rc, error);
}

/* --- Lights ---------------------------------------------------------------- */

gboolean
wy_store_chart_lights (WyStore      *self,
                       WyChartData  *data,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  stmt = prepare_problems (self, data,
                           "SELECT count(*),"
                           " total(" WY_SQL_PROBLEM_OPEN ("p.") "),"
                           " total(" WY_SQL_PROBLEM_OPEN ("p.") " AND " WY_SQL_LIGHT_RED ("p.deadline", "?3") "),"
                           " total(" WY_SQL_PROBLEM_OPEN ("p.") " AND " WY_SQL_LIGHT_YELLOW ("p.deadline", "?3", "?4") "),"
                           " total(" WY_SQL_PROBLEM_OPEN ("p.") " AND " WY_SQL_LIGHT_GREEN ("p.deadline", "?4") "),"
                           " total(" WY_SQL_PROBLEM_OPEN ("p.") " AND " WY_SQL_LIGHT_NONE ("p.deadline") ")",
                           "", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->problems = (guint) sqlite3_column_int64 (stmt, 0);
      data->open = column_count (stmt, 1);
      data->lights[WY_LIGHT_RED] = column_count (stmt, 2);
      data->lights[WY_LIGHT_YELLOW] = column_count (stmt, 3);
      data->lights[WY_LIGHT_GREEN] = column_count (stmt, 4);
      data->lights[WY_LIGHT_NONE] = column_count (stmt, 5);
      data->lights[WY_LIGHT_DONE] = data->problems - data->open;
      rc = sqlite3_step (stmt);
    }
  return wy_store_finish_read (self, stmt, rc, error);
}

/* --- Sign-off curve -------------------------------------------------------- */

static gboolean
read_month_counts (WyStore      *self,
                   sqlite3_stmt *stmt,
                   GHashTable   *counts,
                   GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = (const char *) sqlite3_column_text (stmt, 0);

      if (month != NULL && strlen (month) == 7)
        g_hash_table_insert (counts, g_strdup (month),
                             GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
    }
  return wy_store_finish_read (self, stmt, rc, error);
}

static void
find_first_month (gpointer key,
                  gpointer value,
                  gpointer user_data)
{
  char *first = user_data;

  if (first[0] == '\0' || strcmp (key, first) < 0)
    g_strlcpy (first, key, 8);
}

gboolean
wy_store_chart_signoff (WyStore      *self,
                        WyChartData  *data,
                        GError      **error)
{
  g_autoptr(GHashTable) raised = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) signed_off = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  char first[8] = "";
  guint year, month, last_year, last_month;
  guint raised_total = 0, signed_off_total = 0;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  /* A signed-off item with no date raised was raised at the latest when
   * it was signed off; open ones without a date are left off the curve
   * and counted in data->undated. Nothing after the as-of date counts. */
  stmt = prepare_problems (self, data,
                           "SELECT substr(coalesce(p.raised_date, p.signed_off_date), 1, 7) AS month, count(*)",
                           " AND coalesce(p.raised_date, p.signed_off_date) <= ?3 GROUP BY month", error);
  if (stmt == NULL || !read_month_counts (self, stmt, raised, error))
    return FALSE;

  stmt = prepare_problems (self, data,
                           "SELECT substr(p.signed_off_date, 1, 7) AS month, count(*)",
                           " AND " WY_SQL_PROBLEM_SIGNED_OFF ("p.") " AND p.signed_off_date <= ?3 GROUP BY month", error);
  if (stmt == NULL || !read_month_counts (self, stmt, signed_off, error))
    return FALSE;

  stmt = prepare_problems (self, data,
                           "SELECT count(*), total(" WY_SQL_PROBLEM_OPEN ("p.") "),"
                           " total(" WY_SQL_PROBLEM_OPEN ("p.") " AND " WY_SQL_LIGHT_RED ("p.deadline", "?3") "),"
                           " total(" WY_SQL_PROBLEM_OPEN ("p.") " AND p.raised_date IS NULL)",
                           "", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->problems = (guint) sqlite3_column_int64 (stmt, 0);
      data->open = column_count (stmt, 1);
      data->overdue = column_count (stmt, 2);
      data->undated = column_count (stmt, 3);
      rc = sqlite3_step (stmt);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return FALSE;

  data->months = g_array_new (FALSE, TRUE, sizeof (WyChartMonth));
  g_hash_table_foreach (raised, find_first_month, first);
  g_hash_table_foreach (signed_off, find_first_month, first);
  if (first[0] == '\0' || sscanf (first, "%4u-%2u", &year, &month) != 2 || month < 1 || month > 12)
    return TRUE;

  last_year = g_date_get_year (&data->query.today);
  last_month = g_date_get_month (&data->query.today);
  /* Every month from the first event to the as-of month, empty ones too:
   * the x axis is time. */
  while (year < last_year || (year == last_year && month <= last_month))
    {
      WyChartMonth m = { 0, };

      g_snprintf (m.month, sizeof m.month, "%04u-%02u", year, month);
      m.raised = GPOINTER_TO_UINT (g_hash_table_lookup (raised, m.month));
      m.signed_off = GPOINTER_TO_UINT (g_hash_table_lookup (signed_off, m.month));
      raised_total += m.raised;
      signed_off_total += m.signed_off;
      m.raised_total = raised_total;
      m.signed_off_total = signed_off_total;
      g_array_append_val (data->months, m);

      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
  return TRUE;
}

/* --- Timeline -------------------------------------------------------------- */

static guint32
phase_start_of (GPtrArray *phases,
                guint32    day)
{
  for (guint i = 0; i < phases->len; i++)
    {
      WyChartPhase *phase = g_ptr_array_index (phases, i);

      if (day >= phase->start && day <= phase->end)
        return phase->start;
    }
  return 0;
}

gboolean
wy_store_chart_timeline (WyStore      *self,
                         WyChartData  *data,
                         GError      **error)
{
  sqlite3_stmt *stmt;
  guint32 plan_start = 0;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  data->phases = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_chart_phase_free);
  data->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_chart_milestone_free);
  data->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_chart_task_free);

  stmt = wy_store_prepare_cached (self,
                                  "SELECT id, wy_plan_text(name), start_date, end_date FROM phase"
                                  " ORDER BY ordinal, start_date, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyChartPhase *phase = g_new0 (WyChartPhase, 1);

      phase->id = sqlite3_column_int64 (stmt, 0);
      phase->name = wy_store_column_text_dup (stmt, 1);
      phase->start = wy_chart_day_from_iso ((const char *) sqlite3_column_text (stmt, 2));
      phase->end = wy_chart_day_from_iso ((const char *) sqlite3_column_text (stmt, 3));
      if (phase->start == 0 || phase->end < phase->start)
        {
          wy_chart_phase_free (phase);
          continue;
        }
      if (plan_start == 0 || phase->start < plan_start)
        plan_start = phase->start;
      g_ptr_array_add (data->phases, phase);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return FALSE;

  stmt = wy_store_prepare_cached (self,
                                  "SELECT m.id, m.phase_id, wy_plan_text(m.name), m.due_date, m.done"
                                  " FROM milestone m JOIN phase ph ON ph.id = m.phase_id"
                                  " ORDER BY ph.ordinal, ph.start_date, ph.id,"
                                  " m.due_date IS NULL, m.due_date, m.ordinal, m.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyChartMilestone *milestone = g_new0 (WyChartMilestone, 1);
      const char *due = (const char *) sqlite3_column_text (stmt, 3);

      milestone->id = sqlite3_column_int64 (stmt, 0);
      milestone->phase_id = sqlite3_column_int64 (stmt, 1);
      milestone->name = wy_store_column_text_dup (stmt, 2);
      milestone->due = wy_chart_day_from_iso (due);
      milestone->done = sqlite3_column_int (stmt, 4) != 0;
      milestone->light = wy_light_compute_iso (due, milestone->done, &data->query.today,
                                               data->query.warning_days);
      g_ptr_array_add (data->milestones, milestone);
    }
  if (!wy_store_finish_read (self, stmt, rc, error))
    return FALSE;

  /* A scope keeps the ledger-wide tasks (no compound linked) and those
   * linked to a compound of the scope. */
  stmt = wy_store_prepare_cached (self,
                                  "SELECT t.id, wy_plan_text(t.title), t.deadline, coalesce(t.progress, 0),"
                                  " t.status = 'done', t.from_plan, mt.date"
                                  " FROM task t LEFT JOIN meeting mt ON mt.id = t.meeting_id"
                                  " WHERE (?1 = 0 AND ?2 = 0)"
                                  " OR NOT EXISTS (SELECT 1 FROM task_compound tc WHERE tc.task_id = t.id)"
                                  " OR EXISTS (SELECT 1 FROM task_compound tc"
                                  "   JOIN compound c ON c.id = tc.compound_id"
                                  "   JOIN community co ON co.id = c.community_id"
                                  "   WHERE tc.task_id = t.id AND " IN_SCOPE ")"
                                  " ORDER BY t.deadline IS NULL, t.deadline, t.ordinal, t.id", error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, data);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *deadline_iso = (const char *) sqlite3_column_text (stmt, 2);
      guint32 deadline = wy_chart_day_from_iso (deadline_iso);
      guint32 meeting = wy_chart_day_from_iso ((const char *) sqlite3_column_text (stmt, 6));
      gboolean from_plan = sqlite3_column_int (stmt, 5) != 0;
      WyChartTask *task;

      if (deadline == 0)
        {
          data->tasks_undated++;
          continue;
        }

      task = g_new0 (WyChartTask, 1);
      task->id = sqlite3_column_int64 (stmt, 0);
      task->title = wy_store_column_text_dup (stmt, 1);
      task->deadline = deadline;
      task->done = sqlite3_column_int (stmt, 4) != 0;
      task->progress = task->done ? 100 : (guint) CLAMP (sqlite3_column_int (stmt, 3), 0, 100);
      task->light = wy_light_compute_iso (deadline_iso, task->done, &data->query.today,
                                          data->query.warning_days);

      /* Tasks keep no start date: the plan's own run from the plan's
       * start, a meeting's decisions from the meeting, the rest from the
       * start of the phase their deadline falls in. */
      if (!from_plan && meeting != 0 && meeting <= deadline)
        task->start = meeting;
      else if (!from_plan && phase_start_of (data->phases, deadline) != 0)
        task->start = phase_start_of (data->phases, deadline);
      else if (plan_start != 0 && plan_start <= deadline)
        task->start = plan_start;
      else
        task->start = deadline;
      g_ptr_array_add (data->tasks, task);
    }
  return wy_store_finish_read (self, stmt, rc, error);
}
