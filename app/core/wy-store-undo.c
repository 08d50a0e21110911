/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wy-store-private.h"

/* Delete with a way back. SQLite's own foreign keys say what a delete
 * takes with it (ON DELETE CASCADE) and what it merely unlinks (ON DELETE
 * SET NULL); both are read from the file, so the undo follows the schema
 * rather than a list kept by hand. */

typedef struct {
  WyTable  table;
  gint64   id;
  char    *field;
  gint64   value;
} Link;

struct _WyUndo
{
  WyTable    table;
  char      *title;
  GPtrArray *records;  /* WyRecord, parents before children */
  GArray    *links;    /* Link: references the delete set to NULL */
};

static void
link_clear (gpointer data)
{
  Link *link = data;

  g_free (link->field);
}

void
wy_undo_free (WyUndo *undo)
{
  if (undo == NULL)
    return;

  g_free (undo->title);
  g_clear_pointer (&undo->records, g_ptr_array_unref);
  g_clear_pointer (&undo->links, g_array_unref);
  g_free (undo);
}

const char *
wy_undo_get_title (WyUndo *undo)
{
  return undo->title;
}

WyTable
wy_undo_get_table (WyUndo *undo)
{
  return undo->table;
}

typedef struct {
  WyTable  table;    /* the referring table */
  char    *field;    /* its column */
  gboolean cascade;  /* else: set null (restrict is left to SQLite) */
} Reference;

static void
reference_clear (gpointer data)
{
  g_free (((Reference *) data)->field);
}

/* Who refers to rows of target, and what a delete does to them. */
static GArray *
references_to (WyStore  *self,
               WyTable   target,
               GError  **error)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, TRUE, sizeof (Reference));

  g_array_set_clear_func (refs, reference_clear);

  for (guint t = 0; t < WY_N_TABLES; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT \"table\", \"from\", on_delete"
                                              " FROM pragma_foreign_key_list('%s')",
                                              wy_schema_table (t)->name);
      sqlite3_stmt *stmt = wy_store_prepare_cached (self, sql, error);
      int rc;

      if (stmt == NULL)
        return NULL;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *parent = (const char *) sqlite3_column_text (stmt, 0);
          const char *action = (const char *) sqlite3_column_text (stmt, 2);
          Reference ref = { t, NULL, FALSE };

          if (g_strcmp0 (parent, wy_schema_table (target)->name) != 0)
            continue;
          if (g_ascii_strcasecmp (action, "CASCADE") == 0)
            ref.cascade = TRUE;
          else if (g_ascii_strcasecmp (action, "SET NULL") != 0)
            continue;

          ref.field = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_array_append_val (refs, ref);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          wy_store_set_sqlite_error (self, error, _("Reading the ledger"));
          return NULL;
        }
    }

  return g_steal_pointer (&refs);
}

static GArray *
ids_referring (WyStore          *self,
               const Reference  *ref,
               gint64            id,
               GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ? ORDER BY id",
                                          wy_schema_table (ref->table)->name, ref->field);
  sqlite3_stmt *stmt = wy_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 child = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, child);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Reading the ledger"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Breadth first, so every row comes after the row it belongs to. */
static gboolean
collect (WyStore  *self,
         WyUndo   *undo,
         GError  **error)
{
  for (guint r = 0; r < undo->records->len; r++)
    {
      WyRecord *record = g_ptr_array_index (undo->records, r);
      g_autoptr(GArray) refs = references_to (self, wy_record_get_table (record), error);

      if (refs == NULL)
        return FALSE;

      for (guint i = 0; i < refs->len; i++)
        {
          const Reference *ref = &g_array_index (refs, Reference, i);
          g_autoptr(GArray) ids = ids_referring (self, ref, wy_record_get_id (record), error);

          if (ids == NULL)
            return FALSE;

          for (guint k = 0; k < ids->len; k++)
            {
              gint64 child_id = g_array_index (ids, gint64, k);

              if (ref->cascade)
                {
                  WyRecord *child = wy_store_get (self, ref->table, child_id, error);

                  if (child == NULL)
                    return FALSE;
                  g_ptr_array_add (undo->records, child);
                }
              else
                {
                  Link link = { ref->table, child_id, g_strdup (ref->field), wy_record_get_id (record) };

                  g_array_append_val (undo->links, link);
                }
            }
        }
    }

  return TRUE;
}

gboolean
wy_store_delete_with_undo (WyStore  *self,
                           WyTable   table,
                           gint64    id,
                           WyUndo  **undo_out,
                           GError  **error)
{
  g_autoptr(WyUndo) undo = NULL;
  WyRecord *main_record;
  const char *title_field;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo_out != NULL, FALSE);

  main_record = wy_store_get (self, table, id, error);
  if (main_record == NULL)
    return FALSE;

  undo = g_new0 (WyUndo, 1);
  undo->table = table;
  undo->records = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_record_unref);
  undo->links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (undo->links, link_clear);
  g_ptr_array_add (undo->records, main_record);
  title_field = wy_schema_table (table)->title_field;
  undo->title = g_strdup (title_field != NULL ? wy_record_get (main_record, title_field) : NULL);

  if (!collect (self, undo, error) ||
      !wy_store_delete (self, table, id, error))
    return FALSE;

  *undo_out = g_steal_pointer (&undo);
  return TRUE;
}

static char *
restore_sql (const WyTableInfo *info)
{
  g_autoptr(GString) names = g_string_new ("id, uuid, created_at, updated_at");
  g_autoptr(GString) marks = g_string_new ("?, ?, ?, ?");

  for (guint i = 0; i < info->n_fields; i++)
    {
      g_string_append_printf (names, ", %s", info->fields[i].name);
      g_string_append (marks, ", ?");
    }

  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", info->name, names->str, marks->str);
}

static gboolean
restore_record (WyStore   *self,
                WyRecord  *record,
                GError   **error)
{
  const WyTableInfo *info = wy_record_get_info (record);
  g_autofree char *sql = restore_sql (info);
  sqlite3_stmt *stmt = wy_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, wy_record_get_id (record));
  sqlite3_bind_text (stmt, 2, wy_record_get_uuid (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, wy_record_get_created (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, wy_record_get_updated (record), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < info->n_fields; i++)
    wy_store_bind_value (stmt, (int) i + 5, &info->fields[i], wy_record_get_nth (record, i));

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Undoing the delete"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
restore_link (WyStore     *self,
              const Link  *link,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE id = ? AND %s IS NULL",
                                          wy_schema_table (link->table)->name, link->field, link->field);
  sqlite3_stmt *stmt = wy_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, link->value);
  sqlite3_bind_int64 (stmt, 2, link->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Undoing the delete"));
      return FALSE;
    }
  return TRUE;
}

gboolean
wy_store_undo (WyStore  *self,
               WyUndo   *undo,
               GError  **error)
{
  WyRecord *main_record;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL && undo->records->len > 0, FALSE);

  main_record = g_ptr_array_index (undo->records, 0);

  if (!wy_store_savepoint_begin (self, error))
    return FALSE;

  for (guint r = 0; r < undo->records->len; r++)
    if (!restore_record (self, g_ptr_array_index (undo->records, r), error))
      goto failed;

  for (guint l = 0; l < undo->links->len; l++)
    if (!restore_link (self, &g_array_index (undo->links, Link, l), error))
      goto failed;

  if (!wy_store_audit (self, "insert", wy_schema_table (undo->table)->name,
                       wy_record_get_uuid (main_record), NULL, NULL, undo->title, error) ||
      !wy_store_savepoint_release (self, error))
    goto failed;

  g_signal_emit (self, wy_store_row_changed_signal, 0, (int) undo->table, wy_record_get_id (main_record));
  return TRUE;

failed:
  wy_store_savepoint_rollback (self);
  return FALSE;
}
