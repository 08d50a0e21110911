/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wy-record.h"

G_BEGIN_DECLS

#define WY_SCHEMA_VERSION     5
#define WY_APPLICATION_ID     0x57597531  /* "WYu1" in PRAGMA application_id */
#define WY_LEDGER_EXTENSION   ".wuyou"

#define WY_STORE_ERROR (wy_store_error_quark ())

typedef enum {
  WY_STORE_ERROR_NOT_FOUND,     /* no such file, or no such row */
  WY_STORE_ERROR_UNREADABLE,    /* no permission to read */
  WY_STORE_ERROR_READ_ONLY,     /* file or folder cannot be written */
  WY_STORE_ERROR_NOT_SQLITE,    /* not a database at all */
  WY_STORE_ERROR_NOT_LEDGER,    /* a database, but not a Wuyou ledger */
  WY_STORE_ERROR_NEWER_SCHEMA,  /* written by a newer Wuyou */
  WY_STORE_ERROR_CORRUPT,       /* damaged or truncated */
  WY_STORE_ERROR_EXISTS,        /* refusing to overwrite data */
  WY_STORE_ERROR_INVALID,       /* a value that breaks a rule */
  WY_STORE_ERROR_CONSTRAINT,    /* duplicate, or a row still in use */
  WY_STORE_ERROR_FAILED,        /* anything else SQLite reported */
  WY_STORE_ERROR_CHANGED,       /* undo refused: the row was changed since */
} WyStoreError;

#define WY_TYPE_STORE (wy_store_get_type ())
G_DECLARE_FINAL_TYPE (WyStore, wy_store, WY, STORE, GObject)

GQuark      wy_store_error_quark        (void);

/* Opening checks the file before anything is written to it: a file that
 * is refused is left byte for byte as it was. */
WyStore    *wy_store_open               (const char     *path,
                                         GError        **error);
/* A second connection to a ledger that is open, for reading in another
 * thread (a WyStore is used by one thread at a time). It never writes;
 * in WAL mode it reads while the other connection writes, and sees the
 * ledger as it was when each of its reads began. */
WyStore    *wy_store_open_readonly      (const char     *path,
                                         GError        **error);
/* While cancellable is set and cancelled, every statement of the store
 * stops with an error: a long read in a thread ends at once. */
void        wy_store_set_cancellable    (WyStore        *self,
                                         GCancellable   *cancellable);
/* A new ledger with the plan template, starting the plan on plan_start
 * (NULL: the source plan's own dates). Refuses a file that holds data. */
WyStore    *wy_store_create             (const char     *path,
                                         const GDate    *plan_start,
                                         GError        **error);
/* A new ledger with the schema and nothing in it (the demo fills it). */
WyStore    *wy_store_create_empty       (const char     *path,
                                         GError        **error);

/* Emitted after a row was inserted, updated or deleted: (table, id).
 * Like row-committed, once the write is committed, and never for one
 * that was rolled back. */
#define WY_STORE_SIGNAL_ROW_CHANGED "row-changed"

typedef enum {
  WY_ROW_INSERTED,
  WY_ROW_UPDATED,
  WY_ROW_DELETED,
} WyRowChange;

/* Emitted once a write to a row is committed (after COMMIT, or the
 * release of the outermost savepoint or change; a write outside them at
 * once), in the order of the writes, never for what was rolled back:
 * (table, id, WyRowChange, parent_id). parent_id is the row's value of
 * its table's parent field (wy_schema_table()->parent_field; for a
 * delete, what it was), 0 for a table without one or when unknown (a
 * reference cleared by a delete, put back by its undo, is an update).
 * Detailed with the table's name: "row-committed::compound". */
#define WY_STORE_SIGNAL_ROW_COMMITTED "row-committed"

/* Whether the file's tables have every column the schema descriptors name
 * (run on every open, so a tampered file is refused before a write). */
gboolean    wy_store_verify_schema      (WyStore        *self,
                                         GError        **error);

const char *wy_store_get_path           (WyStore        *self);
int         wy_store_get_schema_version (WyStore        *self);
const char *wy_store_get_backup_path    (WyStore        *self);  /* made by a migration, or NULL */

const char *wy_store_get_operator       (WyStore        *self);
void        wy_store_set_operator       (WyStore        *self,
                                         const char     *operator_name);
/* Bulk jobs (the demo, imports) are not worth an audit row per insert. */
void        wy_store_set_audit_enabled  (WyStore        *self,
                                         gboolean        enabled);

gboolean    wy_store_begin              (WyStore        *self,
                                         GError        **error);
gboolean    wy_store_commit             (WyStore        *self,
                                         GError        **error);
void        wy_store_rollback           (WyStore        *self);

/* Filling a ledger that was just created (the demo, a first import):
 * one transaction with the rollback journal in memory and no syncing until
 * the end, which halves the bytes written. A crash part-way leaves a file
 * to throw away, so never use it on a ledger that already holds data. */
gboolean    wy_store_begin_fill         (WyStore        *self,
                                         GError        **error);
gboolean    wy_store_end_fill           (WyStore        *self,
                                         gboolean        commit,
                                         GError        **error);

/* Rows. Every write is validated against the schema first and audit-logged;
 * nothing invalid reaches the file. */
gint64      wy_store_insert             (WyStore        *self,
                                         WyRecord       *record,
                                         GError        **error);
WyRecord   *wy_store_get                (WyStore        *self,
                                         WyTable         table,
                                         gint64          id,
                                         GError        **error);
WyRecord   *wy_store_get_by_uuid        (WyStore        *self,
                                         WyTable         table,
                                         const char     *uuid,
                                         GError        **error);
gboolean    wy_store_update_field       (WyStore        *self,
                                         WyTable         table,
                                         gint64          id,
                                         const char     *field,
                                         const char     *value,
                                         GError        **error);
gboolean    wy_store_update             (WyStore        *self,
                                         WyRecord       *record,
                                         GError        **error);
gboolean    wy_store_delete             (WyStore        *self,
                                         WyTable         table,
                                         gint64          id,
                                         GError        **error);
/* All rows of a table, or only those whose parent_field is parent_id
 * (parent_id <= 0: all), in insertion order. */
GPtrArray  *wy_store_list               (WyStore        *self,
                                         WyTable         table,
                                         gint64          parent_id,
                                         GError        **error);
gint64      wy_store_count              (WyStore        *self,
                                         WyTable         table);

/* Deleting with a way back: every row the delete takes with it (a
 * compound's problems, their updates, target statuses, funding, links) and
 * every reference it clears are kept in the WyUndo, and wy_store_undo()
 * puts them all back with their ids and UUIDs. */
typedef struct _WyUndo WyUndo;

gboolean    wy_store_delete_with_undo   (WyStore        *self,
                                         WyTable         table,
                                         gint64          id,
                                         WyUndo        **undo,
                                         GError        **error);
gboolean    wy_store_undo               (WyStore        *self,
                                         WyUndo         *undo,
                                         GError        **error);
/* What was deleted, for "Deleted … Undo": the title of the main row. */
const char *wy_undo_get_title           (WyUndo         *undo);
WyTable     wy_undo_get_table           (WyUndo         *undo);
void        wy_undo_free                (WyUndo         *undo);

/* Undo and redo of everything users change, for the session. A change is
 * what one user action wrote; open one around the action, with a title
 * that names it for the menu ("Sign-off of “…”", "Plan Shift"): every
 * insert, update and delete until the matching end goes into it (changes
 * nest; each is a SAVEPOINT, so one opens inside a transaction too).
 * A write outside any change is a change of its own, and a transaction
 * (wy_store_begin … commit) is one change. Undo and redo go through the
 * store like any write: audited, emitting row-changed, in one savepoint;
 * they refuse (WY_STORE_ERROR_CHANGED) rather than overwrite a row that
 * was changed since. A new change empties the redo history; the last
 * 100 changes are kept. "undo-changed" is emitted when either history
 * changes. Bulk jobs with the audit off are not recorded. */
#define WY_STORE_SIGNAL_UNDO_CHANGED "undo-changed"

gboolean    wy_store_change_begin       (WyStore        *self,
                                         const char     *title,
                                         GError        **error);
gboolean    wy_store_change_end         (WyStore        *self,
                                         GError        **error);
/* Takes back what was written since the matching begin. */
void        wy_store_change_cancel      (WyStore        *self);
/* What undo or redo would do ("Edit of Households"), or NULL: nothing. */
const char *wy_store_get_undo_title     (WyStore        *self);
const char *wy_store_get_redo_title     (WyStore        *self);
/* table and id (may be NULL) tell the main row of the change. */
gboolean    wy_store_undo_last          (WyStore        *self,
                                         WyTable        *table,
                                         gint64         *id,
                                         GError        **error);
gboolean    wy_store_redo_last          (WyStore        *self,
                                         WyTable        *table,
                                         gint64         *id,
                                         GError        **error);
void        wy_store_clear_undo         (WyStore        *self);

/* Another program (a second window, the command line) on the same
 * ledger. Polling tells whether anything was committed through another
 * connection since the last poll, and emits "external-change" if so:
 * whatever is shown may be stale and should be read again. */
#define WY_STORE_SIGNAL_EXTERNAL_CHANGE "external-change"
gboolean    wy_store_poll_external_change (WyStore      *self);
/* Saves value into field only if the field still holds expected (what
 * the user saw when they began to edit, NULL and "" alike); otherwise
 * fails with WY_STORE_ERROR_CHANGED and, in current_out, what the ledger
 * holds now, so both can be shown and the user chooses. Never a silent
 * overwrite of someone else's edit. */
gboolean    wy_store_update_field_if_unchanged (WyStore     *self,
                                                WyTable      table,
                                                gint64       id,
                                                const char  *field,
                                                const char  *expected,
                                                const char  *value,
                                                char       **current_out,
                                                GError     **error);

/* "Save a copy": a consistent copy of the open ledger at path, through
 * SQLite's online backup. Refuses a path that holds data. */
gboolean    wy_store_save_copy          (WyStore        *self,
                                         const char     *path,
                                         GError        **error);

/* Settings kept in the ledger itself. */
char       *wy_store_get_setting        (WyStore        *self,
                                         const char     *key);
gboolean    wy_store_set_setting        (WyStore        *self,
                                         const char     *key,
                                         const char     *value,
                                         GError        **error);
guint       wy_store_get_warning_days   (WyStore        *self);
#define WY_SETTING_WARNING_DAYS  "warning_days"
#define WY_SETTING_OFFICE_NAME   "office_name"

/* The audit log, newest first; each entry is a WyAuditEntry. */
typedef struct {
  gint64  id;
  char   *at;
  char   *operator_name;
  char   *action;      /* insert, update, delete */
  char   *table_name;
  char   *row_uuid;
  char   *field;
  char   *old_value;
  char   *new_value;
} WyAuditEntry;
void        wy_audit_entry_free         (WyAuditEntry   *entry);
GPtrArray  *wy_store_list_audit         (WyStore        *self,
                                         guint           limit,
                                         GError        **error);

/* The plan: every date flagged WY_FIELD_FLAG_PLAN_DATE moves by the same
 * number of days, so the spacing between them is kept. */
gboolean    wy_store_get_plan_start     (WyStore        *self,
                                         GDate          *out);
gboolean    wy_store_shift_plan         (WyStore        *self,
                                         const GDate    *new_start,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyAuditEntry, wy_audit_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyUndo, wy_undo_free)

G_END_DECLS
