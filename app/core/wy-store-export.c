/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-light.h"
#include "wy-export-private.h"
#include "wy-store-private.h"

/* The export's reads: one query per sheet, each over the whole ledger (or
 * one street/community), so a 50,000-compound ledger is read in a few
 * queries and no query per row. Everything read is checked to be UTF-8
 * before it reaches the snapshot. */

#define SCOPE_WHERE " WHERE (?1 <= 0 OR s.id = ?1) AND (?2 <= 0 OR co.id = ?2)"

static gint64
column_int_or (sqlite3_stmt *stmt,
               int           column,
               gint64        fallback)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int64 (stmt, column);
}

/* The title of a row for an error message, even when it is not UTF-8. */
static char *
row_title (sqlite3_stmt *stmt,
           int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_utf8_make_valid (text, -1) : g_strdup ("");
}

#define TAKE(out, col, table_label, title, field_label) \
  wy_export_take_text (snapshot, (out), sqlite3_column_text (stmt, (col)), \
                       (table_label), (title), (field_label), error)

gboolean
wy_store_export_read_targets (WyStore           *store,
                              WyExportSnapshot  *snapshot,
                              GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = wy_store_prepare_cached (store, "SELECT wy_plan_text_zh(name) FROM target WHERE active = 1 ORDER BY ordinal, id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *title = row_title (stmt, 0);
      const char *name = NULL;

      if (!TAKE (&name, 0, _("Target"), title, _("Name")))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      g_ptr_array_add (snapshot->target_names, (gpointer) (name != NULL ? name : ""));
    }
  return wy_store_finish_read (store, stmt, rc, error);
}

gboolean
wy_store_export_read_compounds (WyStore           *store,
                                WyExportSnapshot  *snapshot,
                                gint64             street_id,
                                gint64             community_id,
                                GHashTable        *keep,
                                GError           **error)
{
  g_autoptr(GHashTable) target_position = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_targets = snapshot->target_names->len;
  sqlite3_stmt *stmt;
  int rc;

  stmt = wy_store_prepare_cached (store,
                                  "SELECT c.id, co.id, s.id, d.name, s.name, co.name, c.name, c.category,"
                                  " c.year_built, c.buildings, c.households, wy_plan_text_zh(gm.name), c.pilot, au.name,"
                                  " c.grid_staff, c.grid_staff_phone, c.service_provider, c.notes"
                                  " FROM compound c JOIN community co ON co.id = c.community_id"
                                  " JOIN street s ON s.id = co.street_id"
                                  " JOIN district d ON d.id = s.district_id"
                                  " LEFT JOIN governance_mode gm ON gm.id = c.governance_mode_id"
                                  " LEFT JOIN assistance_unit au ON au.id = c.assistance_unit_id"
                                  SCOPE_WHERE
                                  " ORDER BY s.name, co.name, c.name, c.id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, street_id);
  sqlite3_bind_int64 (stmt, 2, community_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyExportCompound row = { 0, };
      g_autofree char *title = NULL;
      const char *staff = NULL, *phone = NULL;
      const char *label = _("Compound");

      row.id = sqlite3_column_int64 (stmt, 0);
      if (keep != NULL && !g_hash_table_contains (keep, &row.id))
        continue;

      title = row_title (stmt, 6);
      row.community_id = sqlite3_column_int64 (stmt, 1);
      row.street_id = sqlite3_column_int64 (stmt, 2);
      row.year_built = column_int_or (stmt, 8, -1);
      row.buildings = column_int_or (stmt, 9, -1);
      row.households = column_int_or (stmt, 10, -1);
      row.pilot = sqlite3_column_int (stmt, 12) != 0;
      if (!TAKE (&row.district, 3, label, title, _("District")) ||
          !TAKE (&row.street, 4, label, title, _("Street office")) ||
          !TAKE (&row.community, 5, label, title, _("Community")) ||
          !TAKE (&row.name, 6, label, title, _("Name")) ||
          !TAKE (&row.category, 7, label, title, _("Category")) ||
          !TAKE (&row.mode, 11, label, title, _("Governance mode")) ||
          !TAKE (&row.assistance_unit, 13, label, title, _("Assistance unit")) ||
          !TAKE (&staff, 14, label, title, _("Grid staff")) ||
          !TAKE (&phone, 15, label, title, _("Grid staff phone")) ||
          !TAKE (&row.service_provider, 16, label, title, _("Property service provider")) ||
          !TAKE (&row.notes, 17, label, title, _("Notes")))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (staff != NULL && phone != NULL && phone[0] != '\0')
        {
          g_autofree char *both = g_strconcat (staff, " ", phone, NULL);

          row.grid_staff = g_string_chunk_insert_const (snapshot->strings, both);
        }
      else
        row.grid_staff = staff != NULL ? staff : phone;

      {
        g_autofree char *marks = g_strnfill (n_targets, 'N');

        row.marks = g_string_chunk_insert_len (snapshot->strings, marks, n_targets);
      }
      g_array_append_val (snapshot->compounds, row);
    }
  if (!wy_store_finish_read (store, stmt, rc, error))
    return FALSE;

  /* The index is built after the array stopped growing. */
  for (guint i = 0; i < snapshot->compounds->len; i++)
    {
      WyExportCompound *row = &g_array_index (snapshot->compounds, WyExportCompound, i);

      g_hash_table_insert (by_id, &row->id, row);
    }

  stmt = wy_store_prepare_cached (store, "SELECT id FROM target WHERE active = 1 ORDER BY ordinal, id", error);
  if (stmt == NULL)
    return FALSE;
  for (guint position = 1; (rc = sqlite3_step (stmt)) == SQLITE_ROW; position++)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (target_position, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (position));
    }
  if (!wy_store_finish_read (store, stmt, rc, error))
    return FALSE;

  stmt = wy_store_prepare_cached (store, "SELECT compound_id, target_id, status FROM compound_target", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 compound_id = sqlite3_column_int64 (stmt, 0);
      gint64 target_id = sqlite3_column_int64 (stmt, 1);
      const char *status = (const char *) sqlite3_column_text (stmt, 2);
      WyExportCompound *row = g_hash_table_lookup (by_id, &compound_id);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (target_position, &target_id));

      if (row == NULL || position == 0 || position > n_targets)
        continue;
      if (g_strcmp0 (status, WY_TARGET_MET) == 0)
        {
          row->marks[position - 1] = 'M';
          row->met++;
        }
      else if (g_strcmp0 (status, WY_TARGET_IN_PROGRESS) == 0)
        row->marks[position - 1] = 'P';
    }
  if (!wy_store_finish_read (store, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < snapshot->compounds->len; i++)
    {
      WyExportCompound *row = &g_array_index (snapshot->compounds, WyExportCompound, i);

      row->attained = n_targets > 0 && row->met == n_targets;
    }
  return TRUE;
}

/* Dated entries as "YYYY-MM-DD text" lines, oldest first (newest last),
 * attached to the rows of `index` (id -> const char ** to fill). */
static gboolean
read_dated_lines (WyStore           *store,
                  WyExportSnapshot  *snapshot,
                  const char        *sql,
                  GHashTable        *index,
                  const char        *table_label,
                  const char        *field_label,
                  GError           **error)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  const char **target = NULL;
  gint64 current = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = wy_store_prepare_cached (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  while (TRUE)
    {
      gint64 owner;
      const char *date, *text;

      rc = sqlite3_step (stmt);
      owner = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      if (owner != current || rc != SQLITE_ROW)
        {
          if (target != NULL && lines->len > 0)
            *target = g_string_chunk_insert_len (snapshot->strings, lines->str, lines->len);
          g_string_truncate (lines, 0);
          current = owner;
          target = rc == SQLITE_ROW ? g_hash_table_lookup (index, &owner) : NULL;
        }
      if (rc != SQLITE_ROW)
        break;
      if (target == NULL)
        continue;

      date = (const char *) sqlite3_column_text (stmt, 1);
      text = (const char *) sqlite3_column_text (stmt, 2);
      if ((date != NULL && !g_utf8_validate (date, -1, NULL)) ||
          (text != NULL && !g_utf8_validate (text, -1, NULL)))
        {
          g_autofree char *shown = g_utf8_make_valid (text != NULL ? text : "", -1);
          const char *dummy = NULL;

          sqlite3_reset (stmt);
          /* Reports the problem through the common message. */
          return wy_export_take_text (snapshot, &dummy, (const unsigned char *) "\xff",
                                      table_label, shown, field_label, error);
        }
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      if (date != NULL)
        g_string_append_printf (lines, "%s ", date);
      g_string_append (lines, text != NULL ? text : "");
    }
  return wy_store_finish_read (store, stmt, rc, error);
}

gboolean
wy_store_export_read_problems (WyStore           *store,
                               WyExportSnapshot  *snapshot,
                               gint64             street_id,
                               gint64             community_id,
                               GHashTable        *keep,
                               GError           **error)
{
  g_autoptr(GHashTable) index = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = wy_store_prepare_cached (store,
                                  "SELECT p.id, p.compound_id, s.name, co.name, c.name, p.category, wy_plan_text_zh(t.name),"
                                  " p.description, p.measure, p.responsible_unit, p.responsible_person,"
                                  " p.raised_date, p.deadline, p.status, p.signed_off_date, p.verifier, p.notes"
                                  " FROM problem p JOIN compound c ON c.id = p.compound_id"
                                  " JOIN community co ON co.id = c.community_id"
                                  " JOIN street s ON s.id = co.street_id"
                                  " LEFT JOIN target t ON t.id = p.target_id"
                                  SCOPE_WHERE
                                  " ORDER BY s.name, co.name, c.name, c.id,"
                                  " p.deadline IS NULL, p.deadline, p.id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, street_id);
  sqlite3_bind_int64 (stmt, 2, community_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyExportProblem row = { 0, };
      g_autofree char *title = NULL;
      const char *label = _("Compound");
      const char *category = NULL, *target = NULL;

      row.compound_id = sqlite3_column_int64 (stmt, 1);
      if (keep != NULL && !g_hash_table_contains (keep, &row.compound_id))
        continue;

      row.id = sqlite3_column_int64 (stmt, 0);
      title = row_title (stmt, 4);
      if (!TAKE (&row.street, 2, label, title, _("Street office")) ||
          !TAKE (&row.community, 3, label, title, _("Community")) ||
          !TAKE (&row.compound, 4, label, title, _("Name")) ||
          !TAKE (&category, 5, label, title, _("Category")) ||
          !TAKE (&target, 6, label, title, _("Target")) ||
          !TAKE (&row.description, 7, label, title, _("Problem description")) ||
          !TAKE (&row.measure, 8, label, title, _("Rectification measure")) ||
          !TAKE (&row.responsible_unit, 9, label, title, _("Responsible unit")) ||
          !TAKE (&row.responsible_person, 10, label, title, _("Responsible person")) ||
          !TAKE (&row.status, 13, label, title, _("Status")) ||
          !TAKE (&row.verifier, 15, label, title, _("Verifier")) ||
          !TAKE (&row.notes, 16, label, title, _("Notes")))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      row.raised = wy_export_julian (sqlite3_column_text (stmt, 11));
      row.deadline = wy_export_julian (sqlite3_column_text (stmt, 12));
      row.signed_off = wy_export_julian (sqlite3_column_text (stmt, 14));
      if (g_strcmp0 (category, "target") == 0 && target != NULL)
        row.category = target;
      else
        row.category = wy_export_category_words (category);
      {
        GDate deadline;

        if (row.deadline != 0)
          g_date_set_julian (&deadline, row.deadline);
        row.light = wy_light_compute (row.deadline != 0 ? &deadline : NULL,
                                      g_strcmp0 (row.status, WY_PROBLEM_SIGNED_OFF) == 0,
                                      &snapshot->as_of, snapshot->warning_days);
      }
      g_array_append_val (snapshot->problems, row);
    }
  if (!wy_store_finish_read (store, stmt, rc, error))
    return FALSE;

  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < snapshot->problems->len; i++)
    {
      WyExportProblem *row = &g_array_index (snapshot->problems, WyExportProblem, i);

      g_hash_table_insert (index, &row->id, &row->progress);
    }
  return read_dated_lines (store, snapshot,
                           "SELECT problem_id, date, text FROM problem_update ORDER BY problem_id, date, id",
                           index, _("Progress update"), _("Rectification progress"), error);
}

gboolean
wy_store_export_read_tasks (WyStore           *store,
                            WyExportSnapshot  *snapshot,
                            GError           **error)
{
  g_autoptr(GHashTable) index = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = wy_store_prepare_cached (store,
                                  "SELECT id, ordinal, wy_plan_text_zh(title), wy_plan_text_zh(lead_units), wy_plan_text_zh(co_units),"
                                  " deadline, progress, status, notes"
                                  " FROM task ORDER BY ordinal IS NULL, ordinal, id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyExportTask row = { 0, };
      g_autofree char *title = row_title (stmt, 2);
      const char *label = _("Work task");

      row.id = sqlite3_column_int64 (stmt, 0);
      row.ordinal = column_int_or (stmt, 1, -1);
      row.deadline = wy_export_julian (sqlite3_column_text (stmt, 5));
      row.progress = column_int_or (stmt, 6, -1);
      if (!TAKE (&row.title, 2, label, title, _("Task")) ||
          !TAKE (&row.lead_units, 3, label, title, _("Lead unit")) ||
          !TAKE (&row.co_units, 4, label, title, _("Co-units")) ||
          !TAKE (&row.status, 7, label, title, _("Status")) ||
          !TAKE (&row.remarks, 8, label, title, _("Notes")))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      {
        GDate deadline;

        if (row.deadline != 0)
          g_date_set_julian (&deadline, row.deadline);
        row.light = wy_light_compute (row.deadline != 0 ? &deadline : NULL,
                                      g_strcmp0 (row.status, WY_TASK_DONE) == 0,
                                      &snapshot->as_of, snapshot->warning_days);
      }
      g_array_append_val (snapshot->tasks, row);
    }
  if (!wy_store_finish_read (store, stmt, rc, error))
    return FALSE;

  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < snapshot->tasks->len; i++)
    {
      WyExportTask *row = &g_array_index (snapshot->tasks, WyExportTask, i);

      g_hash_table_insert (index, &row->id, &row->notes);
    }
  return read_dated_lines (store, snapshot,
                           "SELECT task_id, date, text FROM task_note ORDER BY task_id, date, id",
                           index, _("Progress note"), _("Progress made"), error);
}

gboolean
wy_store_export_read_nodes (WyStore           *store,
                            WyExportSnapshot  *snapshot,
                            GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* A phase row (milestone columns NULL) comes before its milestones. */
  stmt = wy_store_prepare_cached (store,
                                  "SELECT ph.id, ph.ordinal, wy_plan_text_zh(ph.name), ph.start_date, ph.end_date,"
                                  " NULL, NULL, NULL, NULL, NULL, 0 AS is_ms, 0"
                                  " FROM phase ph"
                                  " UNION ALL "
                                  "SELECT ph.id, ph.ordinal, wy_plan_text_zh(ph.name), NULL, NULL,"
                                  " m.ordinal, wy_plan_text_zh(m.name), m.due_date, m.done, m.done_date, 1, m.id"
                                  " FROM milestone m JOIN phase ph ON ph.id = m.phase_id"
                                  " ORDER BY 2, 1, 11, 6, 12", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyExportNode row = { 0, };
      g_autofree char *title = NULL;

      row.is_phase = sqlite3_column_int (stmt, 10) == 0;
      title = row_title (stmt, row.is_phase ? 2 : 6);
      if (!TAKE (&row.phase, 2, _("Phase"), title, _("Phase")))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (row.is_phase)
        {
          row.id = sqlite3_column_int64 (stmt, 0);
          row.ordinal = column_int_or (stmt, 1, -1);
          row.start = wy_export_julian (sqlite3_column_text (stmt, 3));
          row.due = wy_export_julian (sqlite3_column_text (stmt, 4));
        }
      else
        {
          row.id = sqlite3_column_int64 (stmt, 11);
          row.ordinal = column_int_or (stmt, 5, -1);
          if (!TAKE (&row.milestone, 6, _("Milestone"), title, _("Milestone")))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          row.due = wy_export_julian (sqlite3_column_text (stmt, 7));
          row.done = sqlite3_column_int (stmt, 8) != 0;
          row.done_date = wy_export_julian (sqlite3_column_text (stmt, 9));
        }
      g_array_append_val (snapshot->nodes, row);
    }
  if (!wy_store_finish_read (store, stmt, rc, error))
    return FALSE;

  /* A phase is done when every milestone in it is; its light is that of
   * its end date. */
  for (guint i = 0; i < snapshot->nodes->len; i++)
    {
      WyExportNode *row = &g_array_index (snapshot->nodes, WyExportNode, i);
      GDate due;

      if (row->is_phase)
        {
          gboolean all_done = TRUE;

          for (guint j = i + 1; j < snapshot->nodes->len; j++)
            {
              WyExportNode *child = &g_array_index (snapshot->nodes, WyExportNode, j);

              if (child->is_phase)
                break;
              all_done = all_done && child->done;
            }
          row->done = all_done;
        }
      if (row->due != 0)
        g_date_set_julian (&due, row->due);
      row->light = wy_light_compute (row->due != 0 ? &due : NULL, row->done,
                                     &snapshot->as_of, snapshot->warning_days);
    }
  return TRUE;
}

char *
wy_store_export_scope_street (WyStore       *store,
                              WyExportScope  scope,
                              gint64         scope_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (scope == WY_EXPORT_SCOPE_STREET)
    stmt = wy_store_prepare_cached (store, "SELECT name FROM street WHERE id = ?", NULL);
  else if (scope == WY_EXPORT_SCOPE_COMMUNITY)
    stmt = wy_store_prepare_cached (store,
                                    "SELECT s.name FROM community co JOIN street s ON s.id = co.street_id"
                                    " WHERE co.id = ?", NULL);
  else
    return NULL;
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, scope_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = wy_store_column_text_dup (stmt, 0);
  sqlite3_reset (stmt);

  if (name != NULL && !g_utf8_validate (name, -1, NULL))
    g_clear_pointer (&name, g_free);
  return name;
}
