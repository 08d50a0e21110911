/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-light.h"
#include "wuyou/wy-plan-template.h"
#include "wy-store-private.h"

#define SQLITE_HEADER_MAGIC "SQLite format 3"
#define SQLITE_HEADER_SIZE  100

typedef struct {
  char *insert;
  char *select_by_id;
  char *select_by_uuid;
  char *select_all;
  char *select_children;
  char *count;
} TableSql;

struct _WyStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *operator_name;
  char       *backup_path;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt*, prepared once */
  TableSql    sql[WY_N_TABLES];
  int         schema_version;
  guint       audit_enabled : 1;
};

G_DEFINE_FINAL_TYPE (WyStore, wy_store, G_TYPE_OBJECT)

enum {
  ROW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (wy-store-error-quark, wy_store_error)

static gboolean record_rules_hold (const WyRecord *record, GError **error);

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

static gboolean
exec_sql (WyStore     *self,
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
static gboolean
savepoint_begin (WyStore  *self,
                 GError  **error)
{
  return exec_sql (self, "SAVEPOINT wy_edit", _("Saving"), error);
}

static gboolean
savepoint_release (WyStore  *self,
                   GError  **error)
{
  return exec_sql (self, "RELEASE wy_edit", _("Saving"), error);
}

static void
savepoint_rollback (WyStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK TO wy_edit; RELEASE wy_edit", NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Per-table SQL, built once from the schema descriptors               */

static void
build_table_sql (WyStore *self)
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
    wy_record_take_nth (record, i, wy_store_column_text_dup (stmt, (int) i + 4));

  return record;
}

static void
bind_value (sqlite3_stmt      *stmt,
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
      sqlite3_bind_double (stmt, index, g_ascii_strtod (value, NULL));
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

static gboolean
audit (WyStore     *self,
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

  uuid = g_uuid_string_random ();
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
/* Checking a file before it is opened: nothing here writes to it      */

static gboolean
file_is_empty_or_missing (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return errno == ENOENT;

  return S_ISREG (st.st_mode) && st.st_size == 0;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

static gboolean
check_file_access (const char  *path,
                   gboolean     need_write,
                   GError     **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                     _("The ledger “%s” does not exist."), basename);
      else
        g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_UNREADABLE,
                     _("The ledger “%s” cannot be read: %s."), basename, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a ledger file."), basename);
      return FALSE;
    }

  if (g_access (path, R_OK) != 0)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_UNREADABLE,
                   _("You have no permission to read the ledger “%s”."), basename);
      return FALSE;
    }

  /* SQLite writes its journal next to the file, so the folder must be
   * writable as well as the file itself. */
  if (need_write && (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0))
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_READ_ONLY,
                   _("The ledger “%s” is read-only: Wuyou saves every change at once and needs to write to the file and its folder. Copy it to a folder of yours to work on it."),
                   basename);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_sqlite_header (const char  *path,
                     GError     **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  guint8 header[SQLITE_HEADER_SIZE];
  GStatBuf st;
  FILE *file;
  size_t got;
  guint32 page_size, page_count, change_counter, valid_for;
  gboolean wal_has_data;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_UNREADABLE,
                   _("The ledger “%s” cannot be read: %s."), basename, g_strerror (errno));
      return FALSE;
    }
  got = fread (header, 1, sizeof header, file);
  fclose (file);

  if (got < sizeof header || memcmp (header, SQLITE_HEADER_MAGIC, sizeof SQLITE_HEADER_MAGIC) != 0)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a Wuyou ledger: it is not a database file at all."), basename);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  change_counter = read_be32 (header + 24);
  valid_for = read_be32 (header + 92);

  if (g_stat (path, &st) != 0 || page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CORRUPT,
                   _("The ledger “%s” is damaged: its header is not valid."), basename);
      return FALSE;
    }

  /* A file cut short (an interrupted copy, a full disk) has fewer pages
   * than its header promises. With a write-ahead log beside it the file
   * may legitimately lag behind, so only judge it alone. */
  wal_has_data = g_stat (wal_path, &st) == 0 && st.st_size > 0;
  g_stat (path, &st);
  if (!wal_has_data && change_counter == valid_for && page_count > 0 &&
      ((guint64) st.st_size < (guint64) page_count * page_size || st.st_size % page_size != 0))
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CORRUPT,
                   _("The ledger “%s” is incomplete: the file was cut short (%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " bytes)."),
                   basename, (guint64) st.st_size, (guint64) page_count * page_size);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *out)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static void
set_open_error (sqlite3     *db,
                const char  *basename,
                GError     **error)
{
  int code = sqlite3_errcode (db);

  if (code == SQLITE_NOTADB)
    g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_SQLITE,
                 _("“%s” is not a Wuyou ledger: it is not a database file at all."), basename);
  else if (code == SQLITE_CORRUPT)
    g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CORRUPT,
                 _("The ledger “%s” is damaged and cannot be opened safely."), basename);
  else
    g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_FAILED,
                 _("The ledger “%s” cannot be opened: %s."), basename, sqlite3_errmsg (db));
}

/* Reads what the file says about itself through a read-only connection.
 * Returns the schema version, 0 for a database with nothing in it. */
static gboolean
inspect_database (const char  *path,
                  int         *version_out,
                  gboolean    *empty_out,
                  GError     **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int app_id = 0, version = 0, n_tables = 0;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      set_open_error (db, basename, error);
      goto out;
    }

  if (!query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables) ||
      !query_int (db, "PRAGMA application_id", &app_id) ||
      !query_int (db, "PRAGMA user_version", &version))
    {
      set_open_error (db, basename, error);
      goto out;
    }

  *empty_out = (n_tables == 0 && app_id == 0 && version == 0);
  *version_out = version;
  if (*empty_out)
    {
      ok = TRUE;
      goto out;
    }

  if (app_id != WY_APPLICATION_ID)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_LEDGER,
                   _("“%s” is a database, but not a Wuyou ledger."), basename);
      goto out;
    }

  if (version > WY_SCHEMA_VERSION)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NEWER_SCHEMA,
                   _("The ledger “%s” was saved by a newer version of Wuyou (ledger format %d; this version reads up to %d). Update Wuyou to open it."),
                   basename, version, WY_SCHEMA_VERSION);
      goto out;
    }

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CORRUPT,
                   _("The ledger “%s” is damaged and cannot be opened safely. Open a backup copy instead."),
                   basename);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Opening, migrating, creating                                         */

static gboolean
configure_connection (WyStore  *self,
                      GError  **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  return exec_sql (self,
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = NORMAL;",
                   _("Opening the ledger"), error);
}

static gboolean
backup_before_migration (WyStore  *self,
                         int       from_version,
                         GError  **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.v%d.bak", self->path, from_version);
  sqlite3 *backup_db = NULL;
  sqlite3_backup *backup;
  int rc;

  for (guint n = 2; g_file_test (backup_path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (backup_path);
      backup_path = g_strdup_printf ("%s.v%d.%u.bak", self->path, from_version, n);
    }

  if (sqlite3_open_v2 (backup_path, &backup_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_READ_ONLY,
                   _("Could not write a backup copy before updating the ledger format: %s."),
                   sqlite3_errmsg (backup_db));
      sqlite3_close (backup_db);
      return FALSE;
    }

  backup = sqlite3_backup_init (backup_db, "main", self->db, "main");
  rc = backup != NULL ? sqlite3_backup_step (backup, -1) : SQLITE_ERROR;
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_FAILED,
                   _("Could not write a backup copy before updating the ledger format: %s."),
                   sqlite3_errmsg (backup_db));
      sqlite3_close (backup_db);
      g_unlink (backup_path);
      return FALSE;
    }

  sqlite3_close (backup_db);
  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&backup_path);
  return TRUE;
}

static gboolean
migrate (WyStore  *self,
         int       from_version,
         GError  **error)
{
  const WyMigration *migrations;
  guint n_migrations;

  migrations = wy_store_migrations (&n_migrations);

  for (guint i = 0; i < n_migrations; i++)
    {
      g_autofree char *set_version = NULL;

      if (migrations[i].version <= from_version)
        continue;

      if (!exec_sql (self, "BEGIN IMMEDIATE", _("Updating the ledger format"), error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                     WY_APPLICATION_ID, migrations[i].version);
      if (!exec_sql (self, migrations[i].sql, _("Updating the ledger format"), error) ||
          !exec_sql (self, set_version, _("Updating the ledger format"), error) ||
          !exec_sql (self, "COMMIT", _("Updating the ledger format"), error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      self->schema_version = migrations[i].version;
    }

  return TRUE;
}

gboolean
wy_store_verify_schema (WyStore  *self,
                        GError  **error)
{
  g_autofree char *basename = g_path_get_basename (self->path);

  for (guint t = 0; t < WY_N_TABLES; t++)
    {
      const WyTableInfo *info = wy_schema_table (t);
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", info->name);
      g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      sqlite3_stmt *stmt = wy_store_prepare_cached (self, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);

      for (guint i = 0; i < info->n_fields; i++)
        if (!g_hash_table_contains (columns, info->fields[i].name))
          {
            g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CORRUPT,
                         _("The ledger “%s” is damaged: the table “%s” lacks the column “%s”."),
                         basename, info->name, info->fields[i].name);
            return FALSE;
          }
    }

  return TRUE;
}

static WyStore *
store_new (const char *path)
{
  WyStore *self = g_object_new (WY_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  return self;
}

static gboolean
connect_read_write (WyStore   *self,
                    gboolean   create,
                    GError   **error)
{
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_autofree char *basename = g_path_get_basename (self->path);

      set_open_error (self->db, basename, error);
      return FALSE;
    }

  return configure_connection (self, error);
}

WyStore *
wy_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(WyStore) self = NULL;
  g_autofree char *basename = NULL;
  int version = 0;
  gboolean empty = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  basename = g_path_get_basename (path);

  if (!check_file_access (path, TRUE, error))
    return NULL;

  if (file_is_empty_or_missing (path))
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is an empty file, not a Wuyou ledger."), basename);
      return NULL;
    }

  if (!check_sqlite_header (path, error) ||
      !inspect_database (path, &version, &empty, error))
    return NULL;

  if (empty)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_LEDGER,
                   _("“%s” is an empty database, not a Wuyou ledger."), basename);
      return NULL;
    }

  self = store_new (path);
  if (!connect_read_write (self, FALSE, error))
    return NULL;

  self->schema_version = version;
  if (version < WY_SCHEMA_VERSION)
    {
      if (!backup_before_migration (self, version, error) ||
          !migrate (self, version, error))
        return NULL;
    }

  if (!wy_store_verify_schema (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
remove_ledger_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

WyStore *
wy_store_create_empty (const char  *path,
                       GError     **error)
{
  g_autoptr(WyStore) self = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *dir = NULL;
  gboolean existed;

  g_return_val_if_fail (path != NULL, NULL);

  basename = g_path_get_basename (path);
  dir = g_path_get_dirname (path);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  if (existed && !file_is_empty_or_missing (path))
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_EXISTS,
                   _("“%s” already exists and holds data; it was left as it was. Choose a new file name."),
                   basename);
      return NULL;
    }

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist."), dir);
      return NULL;
    }

  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_READ_ONLY,
                   _("The folder “%s” cannot be written to."), dir);
      return NULL;
    }

  self = store_new (path);
  if (!connect_read_write (self, TRUE, error) ||
      !migrate (self, 0, error) ||
      !wy_store_set_setting (self, WY_SETTING_WARNING_DAYS, "7", error))
    {
      g_clear_object (&self);
      if (!existed)
        remove_ledger_files (path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

WyStore *
wy_store_create (const char   *path,
                 const GDate  *plan_start,
                 GError      **error)
{
  g_autoptr(WyStore) self = wy_store_create_empty (path, error);

  if (self == NULL)
    return NULL;

  if (!wy_store_begin (self, error))
    return NULL;

  if (!wy_plan_template_apply (self, plan_start, error) ||
      !wy_store_commit (self, error))
    {
      wy_store_rollback (self);
      g_clear_object (&self);
      remove_ledger_files (path);
      return NULL;
    }

  return g_steal_pointer (&self);
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
  return exec_sql (self, "BEGIN IMMEDIATE", _("Starting a change"), error);
}

gboolean
wy_store_commit (WyStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  return exec_sql (self, "COMMIT", _("Saving"), error);
}

void
wy_store_rollback (WyStore *self)
{
  g_return_if_fail (WY_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
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
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (WY_IS_STORE (self), 0);
  g_return_val_if_fail (record != NULL, 0);

  info = wy_record_get_info (record);
  what = g_strdup_printf (_("Adding a %s"), _(info->label));

  if (!record_values_valid (record, error))
    return 0;

  stmt = wy_store_prepare_cached (self, self->sql[info->table].insert, error);
  if (stmt == NULL)
    return 0;

  /* A record that already carries a UUID (a merge, an undo) keeps it. */
  uuid = wy_record_get_uuid (record) != NULL ? g_strdup (wy_record_get_uuid (record))
                                              : g_uuid_string_random ();
  now = wy_date_now_timestamp ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < info->n_fields; i++)
    bind_value (stmt, (int) i + 4, &info->fields[i], wy_record_get_nth (record, i));

  if (!savepoint_begin (self, error))
    return 0;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, what);
      sqlite3_reset (stmt);
      savepoint_rollback (self);
      return 0;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (self->db);

  if (!audit (self, "insert", info->name, uuid, NULL, NULL, record_title (record), error) ||
      !savepoint_release (self, error))
    {
      savepoint_rollback (self);
      return 0;
    }

  wy_record_set_identity (record, id, uuid, now, now);
  g_signal_emit (self, signals[ROW_CHANGED], 0, (int) info->table, id);
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
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  info = wy_record_get_info (record);
  what = g_strdup_printf (_("Changing a %s"), _(info->label));

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
          g_ascii_strtod (old_value, NULL) == g_ascii_strtod (new_value, NULL))
        continue;

      g_array_append_val (changed, i);
      g_string_append_printf (sql, ", %s = ?", info->fields[i].name);
    }
  g_string_append (sql, " WHERE id = ?");

  if (changed->len == 0)
    return TRUE;

  if (!savepoint_begin (self, error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      wy_store_set_sqlite_error (self, error, what);
      savepoint_rollback (self);
      return FALSE;
    }

  now = wy_date_now_timestamp ();
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  for (guint c = 0; c < changed->len; c++)
    {
      guint i = g_array_index (changed, guint, c);

      bind_value (stmt, (int) c + 2, &info->fields[i], wy_record_get_nth (record, i));
    }
  sqlite3_bind_int64 (stmt, (int) changed->len + 2, wy_record_get_id (record));

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, what);
      savepoint_rollback (self);
      return FALSE;
    }

  for (guint c = 0; c < changed->len; c++)
    {
      guint i = g_array_index (changed, guint, c);

      if (!audit (self, "update", info->name, wy_record_get_uuid (stored),
                  info->fields[i].name, wy_record_get_nth (stored, i),
                  wy_record_get_nth (record, i), error))
        {
          savepoint_rollback (self);
          return FALSE;
        }
    }

  if (!savepoint_release (self, error))
    {
      savepoint_rollback (self);
      return FALSE;
    }

  wy_record_set_identity (record, wy_record_get_id (stored), wy_record_get_uuid (stored),
                          wy_record_get_created (stored), now);
  g_signal_emit (self, signals[ROW_CHANGED], 0, (int) info->table, wy_record_get_id (record));
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
  g_autofree char *sql = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (table < WY_N_TABLES, FALSE);

  info = wy_schema_table (table);
  what = g_strdup_printf (_("Deleting a %s"), _(info->label));

  stored = wy_store_get (self, table, id, error);
  if (stored == NULL)
    return FALSE;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", info->name);
  stmt = wy_store_prepare_cached (self, sql, error);
  if (stmt == NULL || !savepoint_begin (self, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT,
                     _("“%s” is still in use by other entries and cannot be deleted."),
                     record_title (stored) != NULL ? record_title (stored) : _(info->label));
      else
        wy_store_set_sqlite_error (self, error, what);
      sqlite3_reset (stmt);
      savepoint_rollback (self);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (!audit (self, "delete", info->name, wy_record_get_uuid (stored), NULL,
              record_title (stored), NULL, error) ||
      !savepoint_release (self, error))
    {
      savepoint_rollback (self);
      return FALSE;
    }

  g_signal_emit (self, signals[ROW_CHANGED], 0, (int) table, id);
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

  if (!savepoint_begin (self, error))
    return FALSE;

  if (!shift_dates_of (self, WY_TABLE_PHASE, days, error) ||
      !shift_dates_of (self, WY_TABLE_MILESTONE, days, error) ||
      !shift_dates_of (self, WY_TABLE_TASK, days, error) ||
      !savepoint_release (self, error))
    {
      savepoint_rollback (self);
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
  signals[ROW_CHANGED] =
    g_signal_new ("row-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);
}

static void
wy_store_init (WyStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->audit_enabled = TRUE;
  self->operator_name = g_strdup (g_get_real_name ());
  build_table_sql (self);
}
