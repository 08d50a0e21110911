/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-money.h"
#include "wuyou/wy-plan-template.h"
#include "wy-store-private.h"

/* Rows of any table through the schema descriptors, and the audit log
 * every write leaves behind. */

typedef enum {
  ROW_INSERT,
  ROW_UPDATE,
  ROW_DELETE,
} RowAction;

static gboolean record_rules_hold (const WyRecord *record, GError **error);

/* Says which kind of entry a failed write was about; composed only on
 * failure, as translating on every row costs a bulk job dearly. */
static void
set_row_error (WyStore           *self,
               GError           **error,
               RowAction          action,
               const WyTableInfo *info)
{
  g_autofree char *what = NULL;

  switch (action)
    {
    case ROW_INSERT:
      what = g_strdup_printf (_("Adding a %s"), _(info->label));
      break;
    case ROW_UPDATE:
      what = g_strdup_printf (_("Changing a %s"), _(info->label));
      break;
    case ROW_DELETE:
    default:
      what = g_strdup_printf (_("Deleting a %s"), _(info->label));
      break;
    }

  wy_store_set_sqlite_error (self, error, what);
}

/* ------------------------------------------------------------------ */
/* Per-table SQL, built once from the schema descriptors               */

void
wy_store_build_table_sql (WyStore *self)
{
  for (guint t = 0; t < WY_N_TABLES; t++)
    {
      const WyTableInfo *info = wy_schema_table (t);
      g_autoptr(GString) columns = g_string_new ("id, uuid, created_at, updated_at");
      g_autoptr(GString) names = g_string_new ("uuid, created_at, updated_at");
      g_autoptr(GString) marks = g_string_new ("?, ?, ?");
      TableSql *sql = &self->sql[t];

      for (guint i = 0; i < info->n_fields; i++)
        {
          g_string_append_printf (columns, ", %s", info->fields[i].name);
          g_string_append_printf (names, ", %s", info->fields[i].name);
          g_string_append (marks, ", ?");
        }

      sql->insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)",
                                     info->name, names->str, marks->str);
      sql->select_by_id = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?",
                                           columns->str, info->name);
      sql->select_by_uuid = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?",
                                             columns->str, info->name);
      sql->select_all = g_strdup_printf ("SELECT %s FROM %s ORDER BY id",
                                         columns->str, info->name);
      if (info->parent_field != NULL)
        sql->select_children = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ? ORDER BY id",
                                                columns->str, info->name, info->parent_field);
      sql->count = g_strdup_printf ("SELECT count(*) FROM %s", info->name);
    }
}

static WyRecord *
record_from_row (WyTable       table,
                 sqlite3_stmt *stmt)
{
  WyRecord *record = wy_record_new (table);
  const WyTableInfo *info = wy_record_get_info (record);

  wy_record_set_identity (record,
                          sqlite3_column_int64 (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2),
                          (const char *) sqlite3_column_text (stmt, 3));
  for (guint i = 0; i < info->n_fields; i++)
    {
      if (info->fields[i].flags & WY_FIELD_FLAG_PLAN_TEXT)
        wy_record_take_nth (record, i, g_strdup (wy_plan_text_localize ((const char *) sqlite3_column_text (stmt, (int) i + 4))));
      else if ((info->fields[i].flags & WY_FIELD_FLAG_MONEY) &&
               sqlite3_column_type (stmt, (int) i + 4) != SQLITE_NULL)
        wy_record_take_nth (record, i, wy_money_fen_to_text (sqlite3_column_int64 (stmt, (int) i + 4)));
      else
        wy_record_take_nth (record, i, wy_store_column_text_dup (stmt, (int) i + 4));
    }

  return record;
}

void
wy_store_bind_value (sqlite3_stmt      *stmt,
            int                index,
            const WyFieldInfo *field,
            const char        *value)
{
  if (value == NULL || value[0] == '\0')
    {
      /* An unset yes/no is a no: the columns are NOT NULL. */
      if (field->kind == WY_FIELD_BOOL)
        sqlite3_bind_int (stmt, index, 0);
      else
        sqlite3_bind_null (stmt, index);
      return;
    }

  switch (field->kind)
    {
    case WY_FIELD_INT:
    case WY_FIELD_REF:
    case WY_FIELD_BOOL:
      sqlite3_bind_int64 (stmt, index, g_ascii_strtoll (value, NULL, 10));
      break;

    case WY_FIELD_REAL:
      {
        gint64 fen;

        /* Checked by wy_schema_validate_value() before any write. */
        if ((field->flags & WY_FIELD_FLAG_MONEY) && wy_money_parse_fen (value, &fen))
          sqlite3_bind_int64 (stmt, index, fen);
        else
          sqlite3_bind_double (stmt, index, g_ascii_strtod (value, NULL));
      }
      break;

    case WY_FIELD_TEXT:
    case WY_FIELD_DATE:
    case WY_FIELD_ENUM:
    default:
      sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
      break;
    }
}

/* ------------------------------------------------------------------ */
/* The audit log                                                       */

gboolean
wy_store_audit (WyStore     *self,
       const char  *action,
       const char  *table_name,
       const char  *row_uuid,
       const char  *field,
       const char  *old_value,
       const char  *new_value,
       GError     **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  if (!self->audit_enabled)
    return TRUE;

  stmt = wy_store_prepare_cached (self,
                                  "INSERT INTO audit_log (uuid, at, operator, action, table_name,"
                                  " row_uuid, field, old_value, new_value)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  uuid = wy_store_new_uuid ();
  now = wy_date_now_timestamp ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, self->operator_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, table_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, field, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, old_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, new_value, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Writing the audit log"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
wy_audit_entry_free (WyAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->operator_name);
  g_free (entry->action);
  g_free (entry->table_name);
  g_free (entry->row_uuid);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

GPtrArray *
wy_store_list_audit (WyStore  *self,
                     guint     limit,
                     GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);

  stmt = wy_store_prepare_cached (self,
                                  "SELECT id, at, operator, action, table_name, row_uuid,"
                                  " field, old_value, new_value FROM audit_log"
                                  " ORDER BY id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (sqlite3_int64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WyAuditEntry *entry = g_new0 (WyAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = wy_store_column_text_dup (stmt, 1);
      entry->operator_name = wy_store_column_text_dup (stmt, 2);
      entry->action = wy_store_column_text_dup (stmt, 3);
      entry->table_name = wy_store_column_text_dup (stmt, 4);
      entry->row_uuid = wy_store_column_text_dup (stmt, 5);
      entry->field = wy_store_column_text_dup (stmt, 6);
      entry->old_value = wy_store_column_text_dup (stmt, 7);
      entry->new_value = wy_store_column_text_dup (stmt, 8);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Reading the audit log"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                 */

static gboolean
record_values_valid (const WyRecord  *record,
                     GError         **error)
{
  const WyTableInfo *info = wy_record_get_info (record);

  for (guint i = 0; i < info->n_fields; i++)
    if (!wy_schema_validate_value (&info->fields[i], wy_record_get_nth (record, i), error))
      return FALSE;

  return record_rules_hold (record, error);
}

/* Rules across fields, checked before SQLite's own CHECKs so the user
 * reads a sentence rather than a constraint name. */
static gboolean
record_rules_hold (const WyRecord  *record,
                   GError         **error)
{
  switch (wy_record_get_table (record))
    {
    case WY_TABLE_PROBLEM:
      if (g_strcmp0 (wy_record_get (record, "status"), WY_PROBLEM_SIGNED_OFF) == 0 &&
          (wy_record_get (record, "signed_off_date") == NULL ||
           wy_record_get (record, "verifier") == NULL ||
           wy_record_get (record, "verifier")[0] == '\0'))
        {
          g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                               _("Signing off an item needs a sign-off date and a verifier."));
          return FALSE;
        }
      return TRUE;

    case WY_TABLE_PHASE:
      if (g_strcmp0 (wy_record_get (record, "end_date"), wy_record_get (record, "start_date")) < 0)
        {
          g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                               _("A phase cannot end before it starts."));
          return FALSE;
        }
      return TRUE;

    case WY_TABLE_DISTRICT:
    case WY_TABLE_STREET:
    case WY_TABLE_COMMUNITY:
    case WY_TABLE_GOVERNANCE_MODE:
    case WY_TABLE_TARGET:
    case WY_TABLE_ASSISTANCE_UNIT:
    case WY_TABLE_COMPOUND:
    case WY_TABLE_COMPOUND_TARGET:
    case WY_TABLE_MEETING:
    case WY_TABLE_MEETING_COMPOUND:
    case WY_TABLE_INSPECTION:
    case WY_TABLE_PROBLEM_UPDATE:
    case WY_TABLE_TASK:
    case WY_TABLE_TASK_NOTE:
    case WY_TABLE_TASK_COMPOUND:
    case WY_TABLE_MILESTONE:
    case WY_TABLE_ASSISTANCE_ACTIVITY:
    case WY_TABLE_FUNDING:
    case WY_N_TABLES:
    default:
      return TRUE;
    }
}

/* Length and range (an empty value breaks neither). */
static gboolean
value_keeps_limits (const WyFieldInfo  *field,
                    const char         *value,
                    GError            **error)
{
  if (value == NULL || value[0] == '\0')
    return TRUE;

  return wy_schema_check_limits (field, value, NULL, error);
}

static const char *
record_title (const WyRecord *record)
{
  const WyTableInfo *info = wy_record_get_info (record);

  return info->title_field != NULL ? wy_record_get (record, info->title_field) : NULL;
}

gint64
wy_store_insert (WyStore   *self,
                 WyRecord  *record,
                 GError   **error)
{
  const WyTableInfo *info;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (WY_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  info = wy_record_get_info (record);

  if (!record_values_valid (record, error))
    return 0;

  /* A new row keeps the limits of length and range; one that comes back
   * (an undo, a merge: it carries its UUID) keeps what it had. What a new
   * item must have (WY_FIELD_FLAG_NEW_REQUIRED) is asked by the forms. */
  if (wy_record_get_uuid (record) == NULL)
    for (guint i = 0; i < info->n_fields; i++)
      if (!value_keeps_limits (&info->fields[i], wy_record_get_nth (record, i), error))
        return 0;

  stmt = wy_store_prepare_cached (self, self->sql[info->table].insert, error);
  if (stmt == NULL)
    return 0;

  /* A record that already carries a UUID (a merge, an undo) keeps it. */
  uuid = wy_record_get_uuid (record) != NULL ? g_strdup (wy_record_get_uuid (record))
                                              : wy_store_new_uuid ();
  now = wy_date_now_timestamp ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < info->n_fields; i++)
    wy_store_bind_value (stmt, (int) i + 4, &info->fields[i], wy_record_get_nth (record, i));

  if (!wy_store_savepoint_begin (self, error))
    return 0;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_row_error (self, error, ROW_INSERT, info);
      sqlite3_reset (stmt);
      wy_store_savepoint_rollback (self);
      return 0;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (self->db);

  if (!wy_store_audit (self, "insert", info->name, uuid, NULL, NULL, record_title (record), error) ||
      !wy_store_savepoint_release (self, error))
    {
      wy_store_savepoint_rollback (self);
      return 0;
    }

  wy_record_set_identity (record, id, uuid, now, now);
  wy_store_note_insert (self, record);
  wy_store_notify_row (self, info->table, id, WY_ROW_INSERTED, wy_store_parent_of (record));
  return id;
}

static WyRecord *
fetch_one (WyStore     *self,
           WyTable      table,
           const char  *sql,
           gint64       id,
           const char  *uuid,
           GError     **error)
{
  sqlite3_stmt *stmt = wy_store_prepare_cached (self, sql, error);
  WyRecord *record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = record_from_row (table, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                 _("The %s was not found; it may have been deleted."),
                 _(wy_schema_table (table)->label));
  else
    wy_store_set_sqlite_error (self, error, _("Reading the ledger"));

  sqlite3_reset (stmt);
  return record;
}

WyRecord *
wy_store_get (WyStore  *self,
              WyTable   table,
              gint64    id,
              GError  **error)
{
  g_return_val_if_fail (WY_IS_STORE (self), NULL);
  g_return_val_if_fail (table < WY_N_TABLES, NULL);

  return fetch_one (self, table, self->sql[table].select_by_id, id, NULL, error);
}

WyRecord *
wy_store_get_by_uuid (WyStore     *self,
                      WyTable      table,
                      const char  *uuid,
                      GError     **error)
{
  g_return_val_if_fail (WY_IS_STORE (self), NULL);
  g_return_val_if_fail (table < WY_N_TABLES, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return fetch_one (self, table, self->sql[table].select_by_uuid, 0, uuid, error);
}

gboolean
wy_store_update (WyStore   *self,
                 WyRecord  *record,
                 GError   **error)
{
  const WyTableInfo *info;
  g_autoptr(WyRecord) stored = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GArray) changed = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  info = wy_record_get_info (record);

  if (!record_values_valid (record, error))
    return FALSE;

  stored = wy_store_get (self, info->table, wy_record_get_id (record), error);
  if (stored == NULL)
    return FALSE;

  changed = g_array_new (FALSE, FALSE, sizeof (guint));
  sql = g_string_new (NULL);
  g_string_printf (sql, "UPDATE %s SET updated_at = ?", info->name);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const char *old_value = wy_record_get_nth (stored, i);
      const char *new_value = wy_record_get_nth (record, i);

      if (new_value != NULL && new_value[0] == '\0')
        new_value = NULL;
      if (g_strcmp0 (old_value, new_value) == 0)
        continue;

      /* "12" and "12.0" are the same number */
      if (info->fields[i].kind == WY_FIELD_REAL && old_value != NULL && new_value != NULL &&
          wy_schema_same_number (&info->fields[i], old_value, new_value))
        continue;

      /* Only what changes keeps the limits: an old ledger's values that
       * break them still allow every other edit. */
      if (!value_keeps_limits (&info->fields[i], new_value, error))
        return FALSE;

      g_array_append_val (changed, i);
      g_string_append_printf (sql, ", %s = ?", info->fields[i].name);
    }
  g_string_append (sql, " WHERE id = ?");

  if (changed->len == 0)
    return TRUE;

  if (!wy_store_savepoint_begin (self, error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_row_error (self, error, ROW_UPDATE, info);
      wy_store_savepoint_rollback (self);
      return FALSE;
    }

  now = wy_date_now_timestamp ();
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  for (guint c = 0; c < changed->len; c++)
    {
      guint i = g_array_index (changed, guint, c);

      wy_store_bind_value (stmt, (int) c + 2, &info->fields[i], wy_record_get_nth (record, i));
    }
  sqlite3_bind_int64 (stmt, (int) changed->len + 2, wy_record_get_id (record));

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_row_error (self, error, ROW_UPDATE, info);
      wy_store_savepoint_rollback (self);
      return FALSE;
    }

  for (guint c = 0; c < changed->len; c++)
    {
      guint i = g_array_index (changed, guint, c);

      if (!wy_store_audit (self, "update", info->name, wy_record_get_uuid (stored),
                  info->fields[i].name, wy_record_get_nth (stored, i),
                  wy_record_get_nth (record, i), error))
        {
          wy_store_savepoint_rollback (self);
          return FALSE;
        }
    }

  if (!wy_store_savepoint_release (self, error))
    {
      wy_store_savepoint_rollback (self);
      return FALSE;
    }

  wy_record_set_identity (record, wy_record_get_id (stored), wy_record_get_uuid (stored),
                          wy_record_get_created (stored), now);
  wy_store_note_update (self, stored, record);
  wy_store_notify_row (self, info->table, wy_record_get_id (record), WY_ROW_UPDATED,
                       wy_store_parent_of (record));
  return TRUE;
}

/* A rectification item's status and its sign-off (date, verifier) change
 * together: one field at a time, an item is neither signed off without a
 * date and verifier nor left open still carrying them (what two windows
 * writing over each other once produced). Leaving the signed-off status
 * clears both; the audit log keeps the old values. Signing off and
 * reopening go through wy_problem_sign_off() / wy_problem_reopen(). */
static gboolean
problem_sign_off_moves_together (WyRecord    *record,
                                 const char  *field,
                                 const char  *value,
                                 GError     **error)
{
  gboolean signed_off = g_strcmp0 (wy_record_get (record, "status"), WY_PROBLEM_SIGNED_OFF) == 0;

  if (g_strcmp0 (field, "status") == 0)
    {
      if (g_strcmp0 (value, WY_PROBLEM_SIGNED_OFF) == 0 && !signed_off)
        {
          g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                               _("Use Sign Off… to sign an item off: it records the date and the verifier."));
          return FALSE;
        }
      if (g_strcmp0 (value, WY_PROBLEM_SIGNED_OFF) != 0)
        {
          wy_record_set (record, "signed_off_date", NULL);
          wy_record_set (record, "verifier", NULL);
        }
      return TRUE;
    }

  if ((g_strcmp0 (field, "signed_off_date") == 0 || g_strcmp0 (field, "verifier") == 0) &&
      !signed_off && value != NULL && value[0] != '\0')
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                           _("Only a signed-off item has a sign-off date and a verifier: use Sign Off…."));
      return FALSE;
    }
  return TRUE;
}

gboolean
wy_store_update_field (WyStore     *self,
                       WyTable      table,
                       gint64       id,
                       const char  *field,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(WyRecord) record = NULL;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (table < WY_N_TABLES, FALSE);

  if (wy_schema_field (wy_schema_table (table), field) == NULL)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                   "%s has no field %s", wy_schema_table (table)->name, field);
      return FALSE;
    }

  record = wy_store_get (self, table, id, error);
  if (record == NULL)
    return FALSE;

  if (table == WY_TABLE_PROBLEM && !problem_sign_off_moves_together (record, field, value, error))
    return FALSE;

  wy_record_set (record, field, value);
  return wy_store_update (self, record, error);
}

gboolean
wy_store_delete (WyStore  *self,
                 WyTable   table,
                 gint64    id,
                 GError  **error)
{
  const WyTableInfo *info;
  g_autoptr(WyRecord) stored = NULL;
  g_autoptr(WyUndo) taken = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (table < WY_N_TABLES, FALSE);

  info = wy_schema_table (table);

  stored = wy_store_get (self, table, id, error);
  if (stored == NULL)
    return FALSE;

  /* What the delete takes with it, for undo. */
  if (wy_store_is_recording (self))
    {
      taken = wy_store_capture_delete (self, table, id, error);
      if (taken == NULL)
        return FALSE;
    }

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", info->name);
  stmt = wy_store_prepare_cached (self, sql, error);
  if (stmt == NULL || !wy_store_savepoint_begin (self, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT,
                     _("“%s” is still in use by other entries and cannot be deleted."),
                     record_title (stored) != NULL ? record_title (stored) : _(info->label));
      else
        set_row_error (self, error, ROW_DELETE, info);
      sqlite3_reset (stmt);
      wy_store_savepoint_rollback (self);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (!wy_store_audit (self, "delete", info->name, wy_record_get_uuid (stored), NULL,
              record_title (stored), NULL, error) ||
      !wy_store_savepoint_release (self, error))
    {
      wy_store_savepoint_rollback (self);
      return FALSE;
    }

  wy_store_note_delete (self, g_steal_pointer (&taken));
  wy_store_notify_row (self, table, id, WY_ROW_DELETED, wy_store_parent_of (stored));
  return TRUE;
}

GPtrArray *
wy_store_list (WyStore  *self,
               WyTable   table,
               gint64    parent_id,
               GError  **error)
{
  g_autoptr(GPtrArray) records = NULL;
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);
  g_return_val_if_fail (table < WY_N_TABLES, NULL);

  sql = self->sql[table].select_all;
  if (parent_id > 0)
    {
      g_return_val_if_fail (self->sql[table].select_children != NULL, NULL);
      sql = self->sql[table].select_children;
    }

  stmt = wy_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_record_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (table, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Reading the ledger"));
      return NULL;
    }

  return g_steal_pointer (&records);
}

gint64
wy_store_count (WyStore *self,
                WyTable  table)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (WY_IS_STORE (self), -1);
  g_return_val_if_fail (table < WY_N_TABLES, -1);

  stmt = wy_store_prepare_cached (self, self->sql[table].count, NULL);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}
