/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "wuyou/wy-store.h"
#include "wy-store-sql.h"

G_BEGIN_DECLS

/* Shared between the files of the store layer only. */

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
  gint64      data_version;  /* PRAGMA data_version when last polled */
  guint       audit_enabled : 1;
  GArray     *pending_rows;   /* PendingRow: written, not yet committed */
  GArray     *pending_marks;  /* guint: pending_rows->len at each open savepoint */
};

extern guint wy_store_row_changed_signal;

/* Rows written are told (row-changed, row-committed) once committed:
 * queued while a transaction or savepoint is open, dropped with what a
 * rollback takes back. Every SAVEPOINT, BEGIN of the store marks the
 * queue, and its release, commit or rollback ends the mark. */
void               wy_store_notify_row          (WyStore      *self,
                                                 WyTable       table,
                                                 gint64        id,
                                                 WyRowChange   kind,
                                                 gint64        parent_id);
gint64             wy_store_parent_of           (const WyRecord *record);
void               wy_store_pending_mark        (WyStore      *self);
void               wy_store_pending_release     (WyStore      *self);
void               wy_store_pending_rollback    (WyStore      *self);
void               wy_store_pending_drop_all    (WyStore      *self);
extern guint wy_store_external_change_signal;

gboolean           wy_store_exec                (WyStore      *self,
                                                 const char   *sql,
                                                 const char   *what,
                                                 GError      **error);
gboolean           wy_store_savepoint_begin     (WyStore      *self,
                                                 GError      **error);
gboolean           wy_store_savepoint_release   (WyStore      *self,
                                                 GError      **error);
void               wy_store_savepoint_rollback  (WyStore      *self);
void               wy_store_build_table_sql     (WyStore      *self);
char              *wy_store_new_uuid            (void);
void               wy_store_bind_value          (sqlite3_stmt      *stmt,
                                                 int                index,
                                                 const WyFieldInfo *field,
                                                 const char        *value);
gboolean           wy_store_audit               (WyStore      *self,
                                                 const char   *action,
                                                 const char   *table_name,
                                                 const char   *row_uuid,
                                                 const char   *field,
                                                 const char   *old_value,
                                                 const char   *new_value,
                                                 GError      **error);

/* wy-store-undo.c: the history of changes. The write functions tell it
 * what they wrote (images are copied); a delete is captured before it. */
gboolean           wy_store_is_recording        (WyStore        *self);
void               wy_store_note_insert         (WyStore        *self,
                                                 const WyRecord *after);
void               wy_store_note_update         (WyStore        *self,
                                                 const WyRecord *before,
                                                 const WyRecord *after);
WyUndo            *wy_store_capture_delete      (WyStore        *self,
                                                 WyTable         table,
                                                 gint64          id,
                                                 GError        **error);
void               wy_store_note_delete         (WyStore        *self,
                                                 WyUndo         *deleted);
guint64            wy_store_get_last_change_serial (WyStore     *self);
/* A transaction (wy_store_begin … commit) is one change. */
void               wy_store_changes_transaction_begun (WyStore  *self);
void               wy_store_changes_transaction_ended (WyStore  *self,
                                                       gboolean  committed);

typedef struct {
  int         version;      /* user_version after this step */
  const char *description;
  const char *sql;
} WyMigration;

const WyMigration *wy_store_migrations          (guint        *n_migrations);

sqlite3           *wy_store_get_db              (WyStore      *self);
sqlite3_stmt      *wy_store_prepare_cached      (WyStore      *self,
                                                 const char   *sql,
                                                 GError      **error);
void               wy_store_set_sqlite_error    (WyStore      *self,
                                                 GError      **error,
                                                 const char   *what);
char              *wy_store_column_text_dup     (sqlite3_stmt *stmt,
                                                 int           column);
/* Resets a statement whose rows were read to the end: FALSE with the
 * error set unless rc (the last sqlite3_step) was SQLITE_DONE. */
gboolean           wy_store_finish_read         (WyStore      *self,
                                                 sqlite3_stmt *stmt,
                                                 int           rc,
                                                 GError      **error);
void               wy_store_bind_date           (sqlite3_stmt *stmt,
                                                 int           index,
                                                 const GDate  *date);

G_END_DECLS
