/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-due.h"
#include "wy-store-private.h"

/* One query per kind. Each selects (id, title, deadline, responsible,
 * community, compound, community id, street) of the items not done with a deadline on or before
 * ?2 (today + horizon); the bucket boundaries are those of
 * wy_light_compute(): red before today (?1), then today, then later. The
 * problem query is answered from the partial index problem_open_deadline,
 * whose WHERE clause it repeats word for word. */
static const char * const due_sql[WY_DUE_N_KINDS] = {
  [WY_DUE_KIND_PROBLEM] =
    "SELECT p.id, p.description, p.deadline, coalesce(p.responsible_unit, ''),"
    " co.name, c.name, co.id, s.name"
    " FROM problem p JOIN compound c ON c.id = p.compound_id"
    " JOIN community co ON co.id = c.community_id"
    " JOIN street s ON s.id = co.street_id"
    " WHERE " WY_SQL_PROBLEM_OPEN ("p.") " AND p.deadline <= ?2",
  [WY_DUE_KIND_TASK] =
    "SELECT id, wy_plan_text(title), deadline, coalesce(wy_plan_text(lead_units), ''), '', '', 0, ''"
    " FROM task WHERE " WY_SQL_TASK_OPEN ("") " AND deadline <= ?2",
  [WY_DUE_KIND_MILESTONE] =
    "SELECT m.id, wy_plan_text(m.name), m.due_date, coalesce(wy_plan_text(ph.name), ''), '', '', 0, ''"
    " FROM milestone m LEFT JOIN phase ph ON ph.id = m.phase_id"
    " WHERE m.done = 0 AND m.due_date <= ?2",
  [WY_DUE_KIND_TERM] =
    "SELECT u.id, u.name, u.end_date, u.name, coalesce(co.name, ''), '',"
    " coalesce(co.id, 0), coalesce(s.name, '')"
    " FROM assistance_unit u LEFT JOIN community co ON co.id = u.community_id"
    " LEFT JOIN street s ON s.id = co.street_id"
    " WHERE u.closed = 0 AND u.end_date <= ?2",
};

/* The same "not done" conditions, counting red items only (?1 = today,
 * ?2 = the lower bound of the deadline, "" for none). */
#define OVERDUE_COUNT_SQL \
  "SELECT (SELECT count(*) FROM problem WHERE " WY_SQL_PROBLEM_OPEN ("") " AND " WY_SQL_LIGHT_RED ("deadline", "?1") " AND deadline >= ?2)" \
  " + (SELECT count(*) FROM task WHERE " WY_SQL_TASK_OPEN ("") " AND " WY_SQL_LIGHT_RED ("deadline", "?1") " AND deadline >= ?2)" \
  " + (SELECT count(*) FROM milestone WHERE done = 0 AND due_date < ?1 AND due_date >= ?2)" \
  " + (SELECT count(*) FROM assistance_unit WHERE closed = 0 AND end_date < ?1 AND end_date >= ?2)"

void
wy_due_item_free (WyDueItem *item)
{
  if (item == NULL)
    return;

  g_free (item->title);
  g_free (item->deadline);
  g_free (item->responsible);
  g_free (item->community);
  g_free (item->compound);
  g_free (item->street);
  g_free (item);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  char *text = wy_store_column_text_dup (stmt, column);

  return text != NULL ? text : g_strdup ("");
}

static int
compare_due_items (gconstpointer a,
                   gconstpointer b)
{
  const WyDueItem *x = *(WyDueItem * const *)a;
  const WyDueItem *y = *(WyDueItem * const *)b;
  int cmp = strcmp (x->deadline, y->deadline);

  if (cmp != 0)
    return cmp;
  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  return (x->id > y->id) - (x->id < y->id);
}

GPtrArray *
wy_store_list_due (WyStore      *store,
                   const GDate  *today,
                   guint         warning_days,
                   guint         horizon_days,
                   GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today_iso = NULL;
  GDate limit;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  limit = *today;
  g_date_add_days (&limit, horizon_days);
  today_iso = wy_date_to_iso (today);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_due_item_free);
  for (guint kind = 0; kind < WY_DUE_N_KINDS; kind++)
    {
      sqlite3_stmt *stmt = wy_store_prepare_cached (store, due_sql[kind], error);
      int rc;

      if (stmt == NULL)
        return NULL;

      wy_store_bind_date (stmt, 1, today);
      wy_store_bind_date (stmt, 2, &limit);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          WyDueItem *item = g_new0 (WyDueItem, 1);
          int cmp;

          item->kind = kind;
          item->id = sqlite3_column_int64 (stmt, 0);
          item->title = column_text (stmt, 1);
          item->deadline = column_text (stmt, 2);
          item->responsible = column_text (stmt, 3);
          item->community = column_text (stmt, 4);
          item->compound = column_text (stmt, 5);
          item->community_id = sqlite3_column_int64 (stmt, 6);
          item->street = column_text (stmt, 7);
          item->light = wy_light_compute_iso (item->deadline, FALSE, today, warning_days);

          cmp = strcmp (item->deadline, today_iso);
          item->bucket = cmp < 0 ? WY_DUE_OVERDUE : cmp == 0 ? WY_DUE_TODAY : WY_DUE_THIS_WEEK;
          g_ptr_array_add (items, item);
        }
      if (!wy_store_finish_read (store, stmt, rc, error))
        return NULL;
    }

  g_ptr_array_sort (items, compare_due_items);
  return g_steal_pointer (&items);
}

static gboolean
count_overdue_since (WyStore      *store,
                     const GDate  *today,
                     const char   *since_iso,
                     guint        *out,
                     GError      **error)
{
  sqlite3_stmt *stmt = wy_store_prepare_cached (store, OVERDUE_COUNT_SQL, error);
  int rc;

  *out = 0;
  if (stmt == NULL)
    return FALSE;

  wy_store_bind_date (stmt, 1, today);
  sqlite3_bind_text (stmt, 2, since_iso != NULL ? since_iso : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = (guint) sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  return wy_store_finish_read (store, stmt, rc, error);
}

gboolean
wy_store_count_without_deadline (WyStore  *store,
                                 guint    *out,
                                 GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = 0;
  /* Answered by the partial index problem_open_deadline. */
  stmt = wy_store_prepare_cached (store,
                                  "SELECT count(*) FROM problem"
                                  " WHERE " WY_SQL_PROBLEM_OPEN ("") " AND " WY_SQL_LIGHT_NONE ("deadline"), error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = (guint) sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  return wy_store_finish_read (store, stmt, rc, error);
}

/* Not done and due on or before ?1, per kind (the order of WyDueKind). */
#define DUE_UNTIL_COUNT_SQL \
  "SELECT (SELECT count(*) FROM problem WHERE " WY_SQL_PROBLEM_OPEN ("") " AND deadline <= ?1)," \
  " (SELECT count(*) FROM task WHERE " WY_SQL_TASK_OPEN ("") " AND deadline <= ?1)," \
  " (SELECT count(*) FROM milestone WHERE done = 0 AND due_date <= ?1)," \
  " (SELECT count(*) FROM assistance_unit WHERE closed = 0 AND end_date <= ?1)"

gboolean
wy_store_count_due_until (WyStore      *store,
                          const GDate  *until,
                          guint        *counts,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (store), FALSE);
  g_return_val_if_fail (until != NULL && g_date_valid (until), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, WY_DUE_N_KINDS * sizeof *counts);
  stmt = wy_store_prepare_cached (store, DUE_UNTIL_COUNT_SQL, error);
  if (stmt == NULL)
    return FALSE;

  wy_store_bind_date (stmt, 1, until);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint kind = 0; kind < WY_DUE_N_KINDS; kind++)
        counts[kind] = (guint) sqlite3_column_int64 (stmt, (int) kind);
      rc = sqlite3_step (stmt);
    }
  return wy_store_finish_read (store, stmt, rc, error);
}

guint
wy_store_count_overdue (WyStore      *store,
                        const GDate  *today,
                        GError      **error)
{
  guint count = 0;

  g_return_val_if_fail (WY_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  count_overdue_since (store, today, NULL, &count, error);
  return count;
}

gboolean
wy_due_check_new_overdue (WyStore      *store,
                          const GDate  *today,
                          guint        *newly_overdue,
                          GError      **error)
{
  g_autofree char *last_seen = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *count_text = NULL;
  guint newly = 0;
  guint count = 0;

  g_return_val_if_fail (WY_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (newly_overdue != NULL)
    *newly_overdue = 0;

  /* A deadline on or after the last look was not yet passed then; one
   * before today has passed now. A last look in the future (the clock
   * was wrong) gives an empty range. */
  last_seen = wy_store_get_setting (store, WY_SETTING_LAST_SEEN_DATE);
  if (last_seen != NULL && wy_date_is_valid_iso (last_seen) &&
      !count_overdue_since (store, today, last_seen, &newly, error))
    return FALSE;

  if (!count_overdue_since (store, today, NULL, &count, error))
    return FALSE;

  today_iso = wy_date_to_iso (today);
  count_text = g_strdup_printf ("%u", count);
  if (!wy_store_set_setting (store, WY_SETTING_LAST_SEEN_DATE, today_iso, error) ||
      !wy_store_set_setting (store, WY_SETTING_LAST_OVERDUE_COUNT, count_text, error))
    return FALSE;

  if (newly_overdue != NULL)
    *newly_overdue = newly;
  return TRUE;
}

/* --- Grouping (no SQL) ----------------------------------------------- */

void
wy_due_group_free (WyDueGroup *group)
{
  if (group == NULL)
    return;

  g_free (group->name);
  g_clear_pointer (&group->items, g_ptr_array_unref);
  g_free (group);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const WyDueGroup *x = *(WyDueGroup * const *)a;
  const WyDueGroup *y = *(WyDueGroup * const *)b;
  gboolean x_unnamed = x->name[0] == '\0';
  gboolean y_unnamed = y->name[0] == '\0';

  if (x_unnamed != y_unnamed)
    return x_unnamed ? 1 : -1;
  if (x->counts[WY_DUE_OVERDUE] != y->counts[WY_DUE_OVERDUE])
    return x->counts[WY_DUE_OVERDUE] > y->counts[WY_DUE_OVERDUE] ? -1 : 1;
  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

GPtrArray *
wy_due_group_items (GPtrArray     *items,
                    WyDueGrouping  grouping)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) names = NULL;
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_due_group_free);

  g_return_val_if_fail (items != NULL, groups);

  for (guint i = 0; i < items->len; i++)
    {
      WyDueItem *item = g_ptr_array_index (items, i);
      g_autofree char *key = NULL;
      WyDueGroup *group;

      /* Communities by id: two streets may each have a 东门社区. */
      if (grouping == WY_DUE_BY_COMMUNITY)
        key = g_strdup_printf ("%" G_GINT64_FORMAT, item->community_id);
      else
        key = g_strdup (item->responsible);

      group = g_hash_table_lookup (by_key, key);
      if (group == NULL)
        {
          group = g_new0 (WyDueGroup, 1);
          group->name = g_strdup (grouping == WY_DUE_BY_COMMUNITY
                                  ? (item->community_id > 0 ? item->community : "")
                                  : item->responsible);
          group->items = g_ptr_array_new ();
          g_hash_table_insert (by_key, g_steal_pointer (&key), group);
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group->items, item);
      group->counts[item->bucket]++;
      group->total++;
    }

  if (grouping == WY_DUE_BY_COMMUNITY)
    {
      /* Names that more than one community carries get their street. */
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint g = 0; g < groups->len; g++)
        {
          WyDueGroup *group = g_ptr_array_index (groups, g);

          g_hash_table_insert (names, g_strdup (group->name),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (names, group->name)) + 1));
        }
      for (guint g = 0; g < groups->len; g++)
        {
          WyDueGroup *group = g_ptr_array_index (groups, g);
          WyDueItem *first = g_ptr_array_index (group->items, 0);

          if (group->name[0] != '\0' &&
              GPOINTER_TO_UINT (g_hash_table_lookup (names, group->name)) > 1 &&
              first->street[0] != '\0')
            {
              char *name = g_strdup_printf ("%s · %s", first->street, group->name);

              g_free (group->name);
              group->name = name;
            }
        }
    }

  g_ptr_array_sort (groups, compare_groups);
  return groups;
}

void
wy_due_count_buckets (GPtrArray *items,
                      guint     *counts)
{
  g_return_if_fail (items != NULL && counts != NULL);

  memset (counts, 0, WY_DUE_N_BUCKETS * sizeof (guint));
  for (guint i = 0; i < items->len; i++)
    counts[((WyDueItem *) g_ptr_array_index (items, i))->bucket]++;
}

const char *
wy_due_kind_to_label (WyDueKind kind)
{
  switch (kind)
    {
    case WY_DUE_KIND_PROBLEM:   return _("Rectification item");
    case WY_DUE_KIND_TASK:      return _("Work task");
    case WY_DUE_KIND_MILESTONE: return _("Milestone");
    case WY_DUE_KIND_TERM:      return _("Assistance term");
    default:                    g_return_val_if_reached ("");
    }
}
