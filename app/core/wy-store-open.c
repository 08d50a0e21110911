/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wuyou/wy-money.h"
#include "wuyou/wy-plan-template.h"
#include "wy-store-private.h"

/* Opening a ledger: the file is judged through a read-only connection
 * first, so a file that is refused is never written to. */

#define SQLITE_HEADER_MAGIC "SQLite format 3"
#define SQLITE_HEADER_SIZE  100
#define QUICK_CHECK_MAX_BYTES (64 * 1024 * 1024)

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

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (goffset) st.st_size : 0;
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

/* The first bytes of the file, read through SQLite's own file layer.
 *
 * Never with fopen()/open() and close(): POSIX locks belong to the
 * process, and closing any descriptor on the file drops every lock the
 * process holds on it, the open ledger's connection's included. Another
 * program closing the ledger then believes it is the last user and
 * deletes the write-ahead log this process still writes into (issue 11).
 * SQLite's unix layer knows the locks it holds per file and keeps such a
 * descriptor open until they are released. Returns an SQLite code:
 * SQLITE_CANTOPEN (errno set), SQLITE_IOERR_SHORT_READ for a file shorter
 * than the header. */
static int
read_header_through_sqlite (const char *path,
                            guint8      header[SQLITE_HEADER_SIZE],
                            int        *open_errno)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree char *full_path = NULL;
  g_autofree sqlite3_file *file = NULL;
  int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB;
  int out_flags = 0;
  int rc;

  if (vfs == NULL)
    return SQLITE_ERROR;

  full_path = g_malloc0 ((gsize) vfs->mxPathname + 1);
  rc = vfs->xFullPathname (vfs, path, vfs->mxPathname + 1, full_path);
  /* SQLITE_OK_SYMLINK is success too: the path went through a link. */
  if ((rc & 0xff) != SQLITE_OK)
    {
      *open_errno = ENAMETOOLONG;
      return SQLITE_CANTOPEN;
    }

  file = g_malloc0 ((gsize) vfs->szOsFile);
  errno = 0;
  rc = vfs->xOpen (vfs, full_path, file, flags, &out_flags);
  if (rc != SQLITE_OK)
    {
      *open_errno = errno != 0 ? errno : EACCES;
      /* The VFS contract: a failed xOpen that set pMethods still needs
       * its xClose. */
      if (file->pMethods != NULL)
        file->pMethods->xClose (file);
      return SQLITE_CANTOPEN;
    }

  rc = file->pMethods->xRead (file, header, SQLITE_HEADER_SIZE, 0);
  file->pMethods->xClose (file);
  return rc;
}

static gboolean
check_sqlite_header (const char  *path,
                     GError     **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  guint8 header[SQLITE_HEADER_SIZE];
  GStatBuf st;
  int rc, open_errno = 0;
  guint32 page_size, page_count, change_counter, valid_for;
  gboolean wal_has_data;

  rc = read_header_through_sqlite (path, header, &open_errno);
  if (rc == SQLITE_CANTOPEN)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_UNREADABLE,
                   _("The ledger “%s” cannot be read: %s."), basename, g_strerror (open_errno));
      return FALSE;
    }

  if (rc != SQLITE_OK || memcmp (header, SQLITE_HEADER_MAGIC, sizeof SQLITE_HEADER_MAGIC) != 0)
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
      g_autofree char *have = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) st.st_size);
      g_autofree char *want = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) page_count * page_size);

      /* Numbers as strings: a G_GUINT64_FORMAT would split the msgid. */
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CORRUPT,
                   _("The ledger “%s” is incomplete: the file was cut short (%s of %s bytes)."),
                   basename, have, want);
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
                  gboolean     quick_check,
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

  /* quick_check reads every page: ~30 ms for a street office's ledger,
   * but most of a second for a 50,000-compound one, where it would hold up
   * the window. Past the limit SQLite's own checks on each page it reads
   * still turn damage into an error, never into wrong data. */
  if (quick_check && file_size (path) <= QUICK_CHECK_MAX_BYTES &&
      (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK ||
       sqlite3_step (stmt) != SQLITE_ROW ||
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0))
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

/* Function pointers cannot travel as SQLite's void * in ISO C: they ride
 * in a struct. */
typedef struct {
  const char *(*map) (const char *stored);
} PlanTextMap;

static const PlanTextMap localize_map = { wy_plan_text_localize };
static const PlanTextMap official_map = { wy_plan_text_official };

/* wy_plan_text(x): the plan's texts in the reader's language
 * (wy_plan_text_localize()); wy_plan_text_zh(x): in the plan's Chinese
 * words, for the official forms (wy_plan_text_official()). For the
 * queries that read them in bulk. */
static void
plan_text_sql_func (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  const PlanTextMap *map = sqlite3_user_data (context);
  const char *stored = (const char *) sqlite3_value_text (argv[0]);
  const char *shown = map->map (stored);

  if (shown == stored)
    sqlite3_result_value (context, argv[0]);
  else
    sqlite3_result_text (context, shown, -1, SQLITE_STATIC);
}

/* wy_yuan_to_fen(x): a REAL (or text) of yuan as whole fen, for the
 * migration to money in fen; NULL for what is not an amount. */
static void
yuan_to_fen_sql_func (sqlite3_context  *context,
                      int               argc,
                      sqlite3_value   **argv)
{
  gint64 fen;

  if (sqlite3_value_type (argv[0]) != SQLITE_NULL &&
      wy_money_parse_fen ((const char *) sqlite3_value_text (argv[0]), &fen))
    sqlite3_result_int64 (context, fen);
  else
    sqlite3_result_null (context);
}

static void
register_functions (WyStore *self)
{
  sqlite3_create_function (self->db, "wy_yuan_to_fen", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, yuan_to_fen_sql_func, NULL, NULL);
  sqlite3_create_function (self->db, "wy_plan_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           (void *) &localize_map, plan_text_sql_func, NULL, NULL);
  sqlite3_create_function (self->db, "wy_plan_text_zh", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           (void *) &official_map, plan_text_sql_func, NULL, NULL);
}

static gboolean
configure_connection (WyStore  *self,
                      GError  **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  register_functions (self);

  return wy_store_exec (self,
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = NORMAL;"
                   /* 64 MiB of page cache: bulk jobs and 50,000-row lists stay in memory. */
                   "PRAGMA cache_size = -65536;"
                   /* Reading through a memory map saves copying every page
                    * of a large list out of the kernel. */
                   "PRAGMA mmap_size = 268435456;",
                   _("Opening the ledger"), error);
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

/* A consistent copy of the open ledger through SQLite's online backup,
 * removed again if it could not be completed. */
static gboolean
copy_database_to (WyStore     *self,
                  const char  *path,
                  GError     **error)
{
  sqlite3 *copy_db = NULL;
  sqlite3_backup *backup;
  int rc;

  if (sqlite3_open_v2 (path, &copy_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_READ_ONLY,
                   _("Could not write “%s”: %s."), path, sqlite3_errmsg (copy_db));
      sqlite3_close (copy_db);
      return FALSE;
    }

  backup = sqlite3_backup_init (copy_db, "main", self->db, "main");
  rc = backup != NULL ? sqlite3_backup_step (backup, -1) : SQLITE_ERROR;
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_FAILED,
                   _("Could not write “%s”: %s."), path, sqlite3_errmsg (copy_db));
      sqlite3_close (copy_db);
      remove_ledger_files (path);
      return FALSE;
    }

  sqlite3_close (copy_db);
  return TRUE;
}

static gboolean
backup_before_migration (WyStore  *self,
                         int       from_version,
                         GError  **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.v%d.bak", self->path, from_version);

  for (guint n = 2; g_file_test (backup_path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (backup_path);
      backup_path = g_strdup_printf ("%s.v%d.%u.bak", self->path, from_version, n);
    }

  if (!copy_database_to (self, backup_path, error))
    {
      g_prefix_error (error, _("Could not write a backup copy before updating the ledger format: "));
      return FALSE;
    }

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&backup_path);
  return TRUE;
}

gboolean
wy_store_save_copy (WyStore     *self,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  basename = g_path_get_basename (path);
  if (!file_is_empty_or_missing (path))
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_EXISTS,
                   _("“%s” already exists and holds data; it was left as it was. Choose a new file name."),
                   basename);
      return FALSE;
    }

  return copy_database_to (self, path, error);
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

      if (!wy_store_exec (self, "BEGIN IMMEDIATE", _("Updating the ledger format"), error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                     WY_APPLICATION_ID, migrations[i].version);
      if (!wy_store_exec (self, migrations[i].sql, _("Updating the ledger format"), error) ||
          !wy_store_exec (self, set_version, _("Updating the ledger format"), error) ||
          !wy_store_exec (self, "COMMIT", _("Updating the ledger format"), error))
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
      !inspect_database (path, TRUE, &version, &empty, error))
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


/* ------------------------------------------------------------------ */
/* A second connection for reading in another thread                    */

static gboolean
configure_reader (WyStore  *self,
                  GError  **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  register_functions (self);

  /* No journal_mode here: the mode belongs to the file (WAL, set by the
   * connection that writes), and a reader may not change it. */
  return wy_store_exec (self,
                        "PRAGMA query_only = ON;"
                        "PRAGMA cache_size = -65536;"
                        "PRAGMA mmap_size = 268435456;",
                        _("Opening the ledger"), error);
}

WyStore *
wy_store_open_readonly (const char  *path,
                        GError     **error)
{
  g_autoptr(WyStore) self = NULL;
  g_autofree char *basename = NULL;
  int version = 0;
  gboolean empty = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  basename = g_path_get_basename (path);

  if (!check_file_access (path, FALSE, error))
    return NULL;

  if (file_is_empty_or_missing (path))
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is an empty file, not a Wuyou ledger."), basename);
      return NULL;
    }

  /* No quick_check: nothing is written through this connection, and
   * SQLite still turns a damaged page it reads into an error. */
  if (!check_sqlite_header (path, error) ||
      !inspect_database (path, FALSE, &version, &empty, error))
    return NULL;

  if (empty)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_LEDGER,
                   _("“%s” is an empty database, not a Wuyou ledger."), basename);
      return NULL;
    }

  /* The queries are written for the current tables; only a connection
   * that may write can bring an older ledger up to date. */
  if (version < WY_SCHEMA_VERSION)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_READ_ONLY,
                   _("The ledger “%s” is in an older format. Open it in Wuyou once to update it."),
                   basename);
      return NULL;
    }

  self = store_new (path);
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      set_open_error (self->db, basename, error);
      return NULL;
    }
  self->schema_version = version;

  if (!configure_reader (self, error) ||
      !wy_store_verify_schema (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* SQLite calls this every few thousand steps of a statement; non-zero
 * interrupts it (SQLITE_INTERRUPT). */
static int
on_progress_cb (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data));
}

void
wy_store_set_cancellable (WyStore      *self,
                          GCancellable *cancellable)
{
  g_return_if_fail (WY_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The reference lives in the object's data, which GObject frees after
   * wy_store_finalize() has closed the connection that uses it. */
  if (cancellable != NULL)
    {
      g_object_set_data_full (G_OBJECT (self), "wy-store-cancellable",
                              g_object_ref (cancellable), g_object_unref);
      sqlite3_progress_handler (self->db, 1000, on_progress_cb, cancellable);
    }
  else
    {
      sqlite3_progress_handler (self->db, 0, NULL, NULL);
      g_object_set_data (G_OBJECT (self), "wy-store-cancellable", NULL);
    }
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

  /* The plan came with the file: nothing a user did, nothing to undo. */
  wy_store_clear_undo (self);
  return g_steal_pointer (&self);
}
