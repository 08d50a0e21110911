/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-light.h"
#include "wy-store-private.h"

/* The ledger object: its connection, shared SQL helpers, transactions,
 * settings and the plan. Opening is in wy-store-open.c, rows and the
 * audit log in wy-store-rows.c. */

G_DEFINE_FINAL_TYPE (WyStore, wy_store, G_TYPE_OBJECT)

guint wy_store_row_changed_signal;
static guint row_committed_signal;
static GQuark table_quarks[WY_N_TABLES];   /* row-committed's details */

typedef struct {
  WyTable     table;
  gint64      id;
  WyRowChange kind;
  gint64      parent_id;
} PendingRow;

G_DEFINE_QUARK (wy-store-error-quark, wy_store_error)

/* A time-ordered (version 7) UUID: new rows land at the end of the uuid
 * index instead of at random places in it, which keeps a bulk job of a
 * million rows inside the page cache. */
char *
wy_store_new_uuid (void)
{
  static gint64 last_ms;
  static guint counter;
  gint64 ms = g_get_real_time () / 1000;
  guint8 b[16];

  if (ms <= last_ms)
    {
      ms = last_ms;
      counter++;
      if (counter > 0xfff)
        {
          ms = ++last_ms;
          counter = 0;
        }
    }
  else
    counter = 0;
  last_ms = ms;

  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (8 * (5 - i)));
  b[6] = (guint8) (0x70 | ((counter >> 8) & 0x0f));
  b[7] = (guint8) (counter & 0xff);
  for (guint i = 8; i < 16; i++)
    b[i] = (guint8) g_random_int_range (0, 256);
  b[8] = (guint8) (0x80 | (b[8] & 0x3f));

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* ------------------------------------------------------------------ */
/* SQL helpers shared with the other files of the store layer          */

sqlite3 *
wy_store_get_db (WyStore *self)
{
  return self->db;
}

void
wy_store_set_sqlite_error (WyStore     *self,
                           GError     **error,
                           const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);
  const char *message = sqlite3_errmsg (self->db);

  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT,
                     _("%s: an entry with the same name already exists here."), what);
      else if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT,
                     _("%s: it refers to an entry that does not exist, or other entries still refer to it."), what);
      else
        g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                     _("%s: a value breaks a rule of the ledger (%s)."), what, message);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_READ_ONLY,
                   _("%s: the ledger cannot be written (%s)."), what, message);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_SQLITE,
                   _("%s: the file is not a ledger database."), what);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CORRUPT,
                   _("%s: the ledger file is damaged."), what);
      break;

    case SQLITE_FULL:
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_FAILED,
                   _("%s: the disk is full."), what);
      break;

    default:
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_FAILED,
                   "%s: %s", what, message);
      break;
    }
}

sqlite3_stmt *
wy_store_prepare_cached (WyStore     *self,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      wy_store_set_sqlite_error (self, error, _("Reading the ledger"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

char *
wy_store_column_text_dup (sqlite3_stmt *stmt,
                          int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
wy_store_bind_date (sqlite3_stmt *stmt,
                    int           index,
                    const GDate  *date)
{
  g_autofree char *iso = wy_date_to_iso (date);

  sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT);
}

gboolean
wy_store_exec (WyStore     *self,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      wy_store_set_sqlite_error (self, error, what);
      return FALSE;
    }
  return TRUE;
}

/* Savepoints nest, so a single edit is atomic inside a bulk transaction
 * as well as on its own. */
gboolean
wy_store_finish_read (WyStore       *self,
                      sqlite3_stmt  *stmt,
                      int            rc,
                      GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Reading the ledger"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_cached (WyStore     *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = wy_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Saving"));
      return FALSE;
    }
  return TRUE;
}

/* Prepared once: a bulk job takes a savepoint per row. */
gboolean
wy_store_savepoint_begin (WyStore  *self,
                          GError  **error)
{
  if (!step_cached (self, "SAVEPOINT wy_edit", error))
    return FALSE;
  wy_store_pending_mark (self);
  return TRUE;
}

gboolean
wy_store_savepoint_release (WyStore  *self,
                            GError  **error)
{
  if (!step_cached (self, "RELEASE wy_edit", error))
    return FALSE;
  wy_store_pending_release (self);
  return TRUE;
}

void
wy_store_savepoint_rollback (WyStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK TO wy_edit; RELEASE wy_edit", NULL, NULL, NULL);
  wy_store_pending_rollback (self);
}

/* ------------------------------------------------------------------ */
/* Rows written, told once committed                                    */

static void
emit_row (WyStore          *self,
          const PendingRow *row)
{
  g_signal_emit (self, wy_store_row_changed_signal, 0, (int) row->table, row->id);
  g_signal_emit (self, row_committed_signal,
                 table_quarks[row->table],
                 (int) row->table, row->id, (int) row->kind, row->parent_id);
}

/* Outside every transaction now: tell what was queued, in order. A
 * handler may write again; what it writes is told on its own. */
static void
flush_if_committed (WyStore *self)
{
  g_autoptr(GArray) rows = NULL;

  if (self->db == NULL || !sqlite3_get_autocommit (self->db))
    return;

  g_array_set_size (self->pending_marks, 0);
  if (self->pending_rows->len == 0)
    return;

  rows = g_steal_pointer (&self->pending_rows);
  self->pending_rows = g_array_new (FALSE, FALSE, sizeof (PendingRow));
  for (guint i = 0; i < rows->len; i++)
    emit_row (self, &g_array_index (rows, PendingRow, i));
}

gint64
wy_store_parent_of (const WyRecord *record)
{
  const WyTableInfo *info = wy_record_get_info (record);

  if (info->parent_field == NULL)
    return 0;
  return wy_record_get_int (record, info->parent_field, 0);
}

void
wy_store_notify_row (WyStore     *self,
                     WyTable      table,
                     gint64       id,
                     WyRowChange  kind,
                     gint64       parent_id)
{
  PendingRow row = { table, id, kind, parent_id };

  if (sqlite3_get_autocommit (self->db))
    {
      emit_row (self, &row);
      return;
    }

  /* A bulk job nobody listens to queues nothing. */
  if (!g_signal_has_handler_pending (self, wy_store_row_changed_signal, 0, FALSE) &&
      !g_signal_has_handler_pending (self, row_committed_signal,
                                     table_quarks[table], FALSE))
    return;

  g_array_append_val (self->pending_rows, row);
}

void
wy_store_pending_mark (WyStore *self)
{
  guint mark = self->pending_rows->len;

  g_array_append_val (self->pending_marks, mark);
}

void
wy_store_pending_release (WyStore *self)
{
  if (self->pending_marks->len > 0)
    g_array_set_size (self->pending_marks, self->pending_marks->len - 1);
  flush_if_committed (self);
}

void
wy_store_pending_rollback (WyStore *self)
{
  if (self->pending_marks->len > 0)
    {
      guint mark = g_array_index (self->pending_marks, guint, self->pending_marks->len - 1);

      g_array_set_size (self->pending_marks, self->pending_marks->len - 1);
      if (mark < self->pending_rows->len)
        g_array_set_size (self->pending_rows, mark);
    }
  flush_if_committed (self);
}

void
wy_store_pending_drop_all (WyStore *self)
{
  g_array_set_size (self->pending_rows, 0);
  g_array_set_size (self->pending_marks, 0);
}

/* ------------------------------------------------------------------ */
/* Properties and transactions                                          */

const char *
wy_store_get_path (WyStore *self)
{
  g_return_val_if_fail (WY_IS_STORE (self), NULL);
  return self->path;
}

int
wy_store_get_schema_version (WyStore *self)
{
  g_return_val_if_fail (WY_IS_STORE (self), 0);
  return self->schema_version;
}

const char *
wy_store_get_backup_path (WyStore *self)
{
  g_return_val_if_fail (WY_IS_STORE (self), NULL);
  return self->backup_path;
}

const char *
wy_store_get_operator (WyStore *self)
{
  g_return_val_if_fail (WY_IS_STORE (self), NULL);
  return self->operator_name;
}

void
wy_store_set_operator (WyStore    *self,
                       const char *operator_name)
{
  g_return_if_fail (WY_IS_STORE (self));

  g_free (self->operator_name);
  self->operator_name = g_strdup (operator_name);
}

void
wy_store_set_audit_enabled (WyStore  *self,
                            gboolean  enabled)
{
  g_return_if_fail (WY_IS_STORE (self));
  self->audit_enabled = !!enabled;
}

gboolean
wy_store_begin (WyStore  *self,
                GError  **error)
{
  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  if (!wy_store_exec (self, "BEGIN IMMEDIATE", _("Starting a change"), error))
    return FALSE;
  wy_store_pending_mark (self);
  wy_store_changes_transaction_begun (self);
  return TRUE;
}

gboolean
wy_store_commit (WyStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  if (!wy_store_exec (self, "COMMIT", _("Saving"), error))
    return FALSE;
  wy_store_changes_transaction_ended (self, TRUE);
  wy_store_pending_release (self);
  return TRUE;
}

gboolean
wy_store_begin_fill (WyStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  return wy_store_exec (self,
                        "PRAGMA journal_mode = MEMORY;"
                        "PRAGMA synchronous = OFF;"
                        "BEGIN IMMEDIATE;",
                        _("Starting a change"), error);
}

gboolean
wy_store_end_fill (WyStore   *self,
                   gboolean   commit,
                   GError   **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  if (commit)
    ok = wy_store_exec (self, "COMMIT", _("Saving"), error);
  if (!commit || !ok)
    wy_store_rollback (self);
  else
    wy_store_pending_release (self);

  /* Back to the journal every other change relies on. */
  return wy_store_exec (self,
                        "PRAGMA journal_mode = WAL;"
                        "PRAGMA synchronous = NORMAL;",
                        _("Saving"), ok ? error : NULL) && ok;
}

void
wy_store_rollback (WyStore *self)
{
  g_return_if_fail (WY_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  wy_store_pending_drop_all (self);
  wy_store_changes_transaction_ended (self, FALSE);
}

/* ------------------------------------------------------------------ */
/* Settings                                                             */

char *
wy_store_get_setting (WyStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);

  stmt = wy_store_prepare_cached (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = wy_store_column_text_dup (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

gboolean
wy_store_set_setting (WyStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  stmt = wy_store_prepare_cached (self, "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Saving a setting"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

guint
wy_store_get_warning_days (WyStore *self)
{
  g_autofree char *value = wy_store_get_setting (self, WY_SETTING_WARNING_DAYS);
  gint64 days;

  if (value == NULL)
    return WY_DEFAULT_WARNING_DAYS;

  days = g_ascii_strtoll (value, NULL, 10);
  return (days >= 0 && days <= 365) ? (guint) days : WY_DEFAULT_WARNING_DAYS;
}

/* ------------------------------------------------------------------ */
/* The plan                                                             */

gboolean
wy_store_get_plan_start (WyStore *self,
                         GDate   *out)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  stmt = wy_store_prepare_cached (self, "SELECT min(start_date) FROM phase", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = wy_date_parse ((const char *) sqlite3_column_text (stmt, 0), out);
  sqlite3_reset (stmt);

  return found;
}

static gboolean
shift_dates_of (WyStore  *self,
                WyTable   table,
                int       days,
                GError  **error)
{
  const WyTableInfo *info = wy_schema_table (table);
  g_autoptr(GPtrArray) records = wy_store_list (self, table, 0, error);

  if (records == NULL)
    return FALSE;

  for (guint r = 0; r < records->len; r++)
    {
      WyRecord *record = g_ptr_array_index (records, r);

      /* The user's own tasks keep their deadlines; only the plan's move. */
      if (table == WY_TABLE_TASK && !wy_record_get_bool (record, "from_plan"))
        continue;

      for (guint i = 0; i < info->n_fields; i++)
        {
          gboolean plan_date = (info->fields[i].flags & WY_FIELD_FLAG_PLAN_DATE) ||
                               (table == WY_TABLE_TASK && g_str_equal (info->fields[i].name, "deadline"));
          const char *value = wy_record_get_nth (record, i);

          if (plan_date && value != NULL)
            wy_record_take_nth (record, i, wy_date_iso_add_days (value, days));
        }

      if (!wy_store_update (self, record, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
wy_store_shift_plan (WyStore      *self,
                     const GDate  *new_start,
                     GError      **error)
{
  GDate old_start;
  int days;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (new_start != NULL && g_date_valid (new_start), FALSE);

  if (!wy_store_get_plan_start (self, &old_start))
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                           _("The ledger has no phases, so there is no plan to shift."));
      return FALSE;
    }

  days = g_date_days_between (&old_start, new_start);
  if (days == 0)
    return TRUE;

  /* Translators: names an undo step, "Undo Plan Shift" */
  if (!wy_store_change_begin (self, _("Plan Shift"), error))
    return FALSE;

  if (!shift_dates_of (self, WY_TABLE_PHASE, days, error) ||
      !shift_dates_of (self, WY_TABLE_MILESTONE, days, error) ||
      !shift_dates_of (self, WY_TABLE_TASK, days, error) ||
      !wy_store_change_end (self, error))
    {
      wy_store_change_cancel (self);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
wy_store_finalize (GObject *object)
{
  WyStore *self = (WyStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_destroy);
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }

  for (guint t = 0; t < WY_N_TABLES; t++)
    {
      g_free (self->sql[t].insert);
      g_free (self->sql[t].select_by_id);
      g_free (self->sql[t].select_by_uuid);
      g_free (self->sql[t].select_all);
      g_free (self->sql[t].select_children);
      g_free (self->sql[t].count);
    }

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->pending_rows, g_array_unref);
  g_clear_pointer (&self->pending_marks, g_array_unref);

  G_OBJECT_CLASS (wy_store_parent_class)->finalize (object);
}

static void
wy_store_class_init (WyStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wy_store_finalize;

  /**
   * WyStore::row-changed:
   * @table: the WyTable of the row
   * @id: the row's id
   */
  wy_store_row_changed_signal =
    g_signal_new ("row-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  /**
   * WyStore::row-committed:
   * @table: the WyTable of the row
   * @id: the row's id
   * @kind: a WyRowChange
   * @parent_id: the row's parent (its table's parent field), or 0
   *
   * A write to the row was committed (wy-store.h). Detailed with the
   * table's name.
   */
  row_committed_signal =
    g_signal_new (WY_STORE_SIGNAL_ROW_COMMITTED,
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT64);
  for (guint t = 0; t < WY_N_TABLES; t++)
    table_quarks[t] = g_quark_from_static_string (wy_schema_table (t)->name);

  /**
   * WyStore::undo-changed:
   *
   * What undo or redo would do changed (wy_store_get_undo_title()).
   */
  /**
   * WyStore::external-change:
   *
   * Another connection committed to the ledger since the last
   * wy_store_poll_external_change(): read what is shown again.
   */
  wy_store_external_change_signal =
    g_signal_new (WY_STORE_SIGNAL_EXTERNAL_CHANGE,
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_signal_new (WY_STORE_SIGNAL_UNDO_CHANGED,
                G_TYPE_FROM_CLASS (klass),
                G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL,
                G_TYPE_NONE, 0);
}

static void
wy_store_init (WyStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->audit_enabled = TRUE;
  self->operator_name = g_strdup (g_get_real_name ());
  self->pending_rows = g_array_new (FALSE, FALSE, sizeof (PendingRow));
  self->pending_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  wy_store_build_table_sql (self);
}
