/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wuyou/wy-date.h"
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
  guint64    serial;   /* of the change the delete went into, or 0 */
};

static gboolean undo_change_of (WyStore  *self,
                                guint64   serial,
                                gboolean *handled,
                                GError  **error);
static WyUndo  *undo_new       (WyTable   table,
                                WyRecord *main_record);

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

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo_out != NULL, FALSE);

  main_record = wy_store_get (self, table, id, error);
  if (main_record == NULL)
    return FALSE;

  undo = undo_new (table, main_record);
  if (!collect (self, undo, error) ||
      !wy_store_delete (self, table, id, error))
    return FALSE;

  /* The store's history has the delete too: undone there or here, once. */
  if (wy_store_is_recording (self))
    undo->serial = wy_store_get_last_change_serial (self);

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
  gboolean handled = FALSE;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL && undo->records->len > 0, FALSE);

  if (!undo_change_of (self, undo->serial, &handled, error))
    return FALSE;
  if (handled)
    return TRUE;

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

  wy_store_notify_row (self, undo->table, wy_record_get_id (main_record), WY_ROW_INSERTED,
                       wy_store_parent_of (main_record));
  return TRUE;

failed:
  wy_store_savepoint_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Undo and redo of every change a user makes                          */

/* A change is what one user action wrote: the rows it inserted (their
 * after images), the fields it changed (before and after images) and
 * the rows it deleted (everything the delete took, as above). Undo puts
 * the before images back, redo the after images, each in one savepoint,
 * and either refuses when a row no longer looks as the change left it:
 * someone changed it since, and that is not overwritten. */

#define MAX_UNDO_DEPTH    100
#define MAX_CHANGE_ROWS 20000   /* larger changes (imports) end the history */

typedef enum {
  OP_INSERT,
  OP_UPDATE,
  OP_DELETE,
} OpKind;

typedef struct {
  OpKind    kind;
  WyRecord *before;    /* update: the row before */
  WyRecord *after;     /* insert, update: the row after */
  WyUndo   *deleted;   /* delete: the rows it took, main row first */
} Op;

typedef struct {
  char      *title;
  GPtrArray *ops;      /* of Op */
  guint64    serial;
  gboolean   too_large;
} Change;

typedef struct {
  Change    *open;         /* being recorded, or NULL */
  GArray    *marks;        /* ops->len when each level began */
  GArray    *savepoints;   /* gboolean: whether each level took a savepoint */
  GPtrArray *undo;         /* of Change, newest last */
  GPtrArray *redo;         /* of Change, newest last */
  guint64    next_serial;
  guint64    last_serial;  /* of the change the last write went into */
  gboolean   replaying;
} Changes;

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_pointer (&op->before, wy_record_unref);
  g_clear_pointer (&op->after, wy_record_unref);
  g_clear_pointer (&op->deleted, wy_undo_free);
  g_free (op);
}

static void
change_free (gpointer data)
{
  Change *change = data;

  if (change == NULL)
    return;
  g_free (change->title);
  g_clear_pointer (&change->ops, g_ptr_array_unref);
  g_free (change);
}

static GQuark
changes_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("wy-store-changes");
  return quark;
}

static void     changes_free  (gpointer        data);
static gboolean changed_field (const WyRecord *before,
                               const WyRecord *after,
                               guint           i);

static Changes *
get_changes (WyStore *self)
{
  Changes *changes = g_object_get_qdata (G_OBJECT (self), changes_quark ());

  if (changes == NULL)
    {
      changes = g_new0 (Changes, 1);
      changes->marks = g_array_new (FALSE, FALSE, sizeof (guint));
      changes->savepoints = g_array_new (FALSE, FALSE, sizeof (gboolean));
      changes->undo = g_ptr_array_new_with_free_func (change_free);
      changes->redo = g_ptr_array_new_with_free_func (change_free);
      changes->next_serial = 1;
      g_object_set_qdata_full (G_OBJECT (self), changes_quark (), changes, changes_free);
    }
  return changes;
}

static void
changes_free (gpointer data)
{
  Changes *changes = data;

  change_free (changes->open);
  g_array_unref (changes->marks);
  g_array_unref (changes->savepoints);
  g_ptr_array_unref (changes->undo);
  g_ptr_array_unref (changes->redo);
  g_free (changes);
}

static void
emit_undo_changed (WyStore *self)
{
  g_signal_emit_by_name (self, WY_STORE_SIGNAL_UNDO_CHANGED);
}

static Change *
change_new (Changes    *changes,
            const char *title)
{
  Change *change = g_new0 (Change, 1);

  change->title = g_strdup (title);
  change->ops = g_ptr_array_new_with_free_func (op_free);
  change->serial = changes->next_serial++;
  return change;
}

static const char *
title_of (const WyRecord *record)
{
  const WyTableInfo *info = wy_record_get_info (record);
  const char *title = info->title_field != NULL ? wy_record_get (record, info->title_field) : NULL;

  /* A reference names nothing a reader knows. */
  if (title != NULL && info->title_field != NULL &&
      wy_schema_field (info, info->title_field)->kind == WY_FIELD_REF)
    title = NULL;
  return title;
}

/* "Edit of Households", "Addition of “…”": what the menu names. */
static char *
describe (const Change *change)
{
  Op *op;

  if (change->title != NULL)
    return g_strdup (change->title);
  if (change->ops->len == 0)
    return g_strdup (_("Change"));

  op = g_ptr_array_index (change->ops, 0);
  switch (op->kind)
    {
    case OP_INSERT:
      if (title_of (op->after) != NULL)
        /* Translators: names an undo step, "Undo Addition of “…”" */
        return g_strdup_printf (_("Addition of “%s”"), title_of (op->after));
      /* Translators: names an undo step; %s is a kind of entry */
      return g_strdup_printf (_("Addition of a %s"), _(wy_record_get_info (op->after)->label));

    case OP_UPDATE:
      {
        const WyTableInfo *info = wy_record_get_info (op->after);
        const WyFieldInfo *only = NULL;
        guint n = 0;

        for (guint i = 0; i < info->n_fields; i++)
          if (changed_field (op->before, op->after, i))
            {
              only = &info->fields[i];
              n++;
            }
        if (change->ops->len == 1 && n == 1)
          /* Translators: names an undo step, "Undo Edit of Households";
           * %s is the field's label */
          return g_strdup_printf (_("Edit of %s"), _(only->label));
        if (title_of (op->before) != NULL)
          /* Translators: names an undo step; %s is an entry's name */
          return g_strdup_printf (_("Edit of “%s”"), title_of (op->before));
        /* Translators: names an undo step; %s is a kind of entry */
        return g_strdup_printf (_("Edit of a %s"), _(info->label));
      }

    case OP_DELETE:
    default:
      if (wy_undo_get_title (op->deleted) != NULL)
        /* Translators: names an undo step, "Undo Deletion of “…”" */
        return g_strdup_printf (_("Deletion of “%s”"), wy_undo_get_title (op->deleted));
      /* Translators: names an undo step; %s is a kind of entry */
      return g_strdup_printf (_("Deletion of a %s"),
                              _(wy_schema_table (wy_undo_get_table (op->deleted))->label));
    }
}

/* A finished change goes on the undo stack, and what was undone before
 * can no longer be redone. */
static void
push_change (WyStore *self,
             Change  *change)
{
  Changes *changes = get_changes (self);

  if (change->too_large)
    {
      g_ptr_array_set_size (changes->undo, 0);
      g_ptr_array_set_size (changes->redo, 0);
      change_free (change);
      emit_undo_changed (self);
      return;
    }

  if (change->ops->len == 0)
    {
      change_free (change);
      return;
    }

  if (change->title == NULL)
    change->title = describe (change);

  g_ptr_array_set_size (changes->redo, 0);
  g_ptr_array_add (changes->undo, change);
  if (changes->undo->len > MAX_UNDO_DEPTH)
    g_ptr_array_remove_index (changes->undo, 0);
  emit_undo_changed (self);
}

gboolean
wy_store_is_recording (WyStore *self)
{
  return self->audit_enabled && !get_changes (self)->replaying;
}

static void
add_op (WyStore *self,
        Op      *op)
{
  Changes *changes = get_changes (self);

  if (changes->open == NULL)
    {
      Change *change = change_new (changes, NULL);

      g_ptr_array_add (change->ops, op);
      changes->last_serial = change->serial;
      push_change (self, change);
      return;
    }

  changes->last_serial = changes->open->serial;
  if (changes->open->too_large)
    {
      op_free (op);
      return;
    }
  g_ptr_array_add (changes->open->ops, op);
  if (changes->open->ops->len > MAX_CHANGE_ROWS)
    {
      changes->open->too_large = TRUE;
      g_ptr_array_set_size (changes->open->ops, 0);
    }
}

void
wy_store_note_insert (WyStore        *self,
                      const WyRecord *after)
{
  Op *op;

  if (!wy_store_is_recording (self))
    return;

  op = g_new0 (Op, 1);
  op->kind = OP_INSERT;
  op->after = wy_record_copy (after);
  add_op (self, op);
}

void
wy_store_note_update (WyStore        *self,
                      const WyRecord *before,
                      const WyRecord *after)
{
  Op *op;

  if (!wy_store_is_recording (self))
    return;

  op = g_new0 (Op, 1);
  op->kind = OP_UPDATE;
  op->before = wy_record_copy (before);
  op->after = wy_record_copy (after);
  add_op (self, op);
}

static WyUndo *
undo_new (WyTable   table,
          WyRecord *main_record)
{
  WyUndo *undo = g_new0 (WyUndo, 1);
  const char *title_field = wy_schema_table (table)->title_field;

  undo->table = table;
  undo->records = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_record_unref);
  undo->links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (undo->links, link_clear);
  g_ptr_array_add (undo->records, main_record);
  undo->title = g_strdup (title_field != NULL ? wy_record_get (main_record, title_field) : NULL);
  return undo;
}

WyUndo *
wy_store_capture_delete (WyStore  *self,
                         WyTable   table,
                         gint64    id,
                         GError  **error)
{
  g_autoptr(WyUndo) undo = NULL;
  WyRecord *main_record;

  main_record = wy_store_get (self, table, id, error);
  if (main_record == NULL)
    return NULL;

  undo = undo_new (table, main_record);
  if (!collect (self, undo, error))
    return NULL;

  return g_steal_pointer (&undo);
}

void
wy_store_note_delete (WyStore *self,
                      WyUndo  *deleted)
{
  Op *op;

  if (deleted == NULL)
    return;
  if (!wy_store_is_recording (self))
    {
      wy_undo_free (deleted);
      return;
    }

  op = g_new0 (Op, 1);
  op->kind = OP_DELETE;
  op->deleted = deleted;
  add_op (self, op);
}

guint64
wy_store_get_last_change_serial (WyStore *self)
{
  return get_changes (self)->last_serial;
}

/* --- Opening and closing a change ----------------------------------- */

static void
open_level (WyStore    *self,
            const char *title,
            gboolean    savepoint)
{
  Changes *changes = get_changes (self);
  guint mark;

  if (changes->open == NULL)
    changes->open = change_new (changes, title);
  else if (changes->open->title == NULL && title != NULL)
    changes->open->title = g_strdup (title);

  mark = changes->open->ops->len;
  g_array_append_val (changes->marks, mark);
  g_array_append_val (changes->savepoints, savepoint);
}

/* The last level closes: the change is complete. */
static void
close_level (WyStore  *self,
             gboolean  keep)
{
  Changes *changes = get_changes (self);
  guint mark;

  if (changes->marks->len == 0)
    return;

  mark = g_array_index (changes->marks, guint, changes->marks->len - 1);
  g_array_set_size (changes->marks, changes->marks->len - 1);
  g_array_set_size (changes->savepoints, changes->savepoints->len - 1);

  if (!keep && mark <= changes->open->ops->len)
    g_ptr_array_set_size (changes->open->ops, mark);

  if (changes->marks->len == 0)
    {
      Change *change = g_steal_pointer (&changes->open);

      if (keep)
        push_change (self, change);
      else
        change_free (change);
    }
}

gboolean
wy_store_change_begin (WyStore     *self,
                       const char  *title,
                       GError     **error)
{
  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  if (!wy_store_exec (self, "SAVEPOINT wy_change", _("Starting a change"), error))
    return FALSE;

  wy_store_pending_mark (self);
  open_level (self, title, TRUE);
  return TRUE;
}

gboolean
wy_store_change_end (WyStore  *self,
                     GError  **error)
{
  Changes *changes;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  changes = get_changes (self);
  if (changes->savepoints->len == 0 ||
      !g_array_index (changes->savepoints, gboolean, changes->savepoints->len - 1))
    return TRUE;   /* a rollback of the whole transaction ended it already */

  if (!wy_store_exec (self, "RELEASE wy_change", _("Saving"), error))
    return FALSE;

  close_level (self, TRUE);
  wy_store_pending_release (self);
  return TRUE;
}

void
wy_store_change_cancel (WyStore *self)
{
  Changes *changes;

  g_return_if_fail (WY_IS_STORE (self));

  changes = get_changes (self);
  if (changes->savepoints->len == 0 ||
      !g_array_index (changes->savepoints, gboolean, changes->savepoints->len - 1))
    return;

  sqlite3_exec (self->db, "ROLLBACK TO wy_change; RELEASE wy_change", NULL, NULL, NULL);
  close_level (self, FALSE);
  wy_store_pending_rollback (self);
}

void
wy_store_changes_transaction_begun (WyStore *self)
{
  open_level (self, NULL, FALSE);
}

void
wy_store_changes_transaction_ended (WyStore  *self,
                                    gboolean  committed)
{
  Changes *changes = get_changes (self);

  if (committed)
    {
      /* Levels a failed caller left open end with the transaction. */
      while (changes->marks->len > 0)
        close_level (self, TRUE);
    }
  else
    {
      if (changes->open != NULL)
        g_ptr_array_set_size (changes->open->ops, 0);
      while (changes->marks->len > 0)
        close_level (self, FALSE);
    }
}

/* --- Undo and redo ---------------------------------------------------- */

static gboolean
values_equal (const WyFieldInfo *field,
              const char        *a,
              const char        *b)
{
  if (a != NULL && a[0] == '\0')
    a = NULL;
  if (b != NULL && b[0] == '\0')
    b = NULL;

  switch (field->kind)
    {
    case WY_FIELD_BOOL:
      return (a != NULL && g_ascii_strtoll (a, NULL, 10) != 0) ==
             (b != NULL && g_ascii_strtoll (b, NULL, 10) != 0);

    case WY_FIELD_INT:
    case WY_FIELD_REF:
      if (a == NULL || b == NULL)
        return a == b;
      return g_ascii_strtoll (a, NULL, 10) == g_ascii_strtoll (b, NULL, 10);

    case WY_FIELD_REAL:
      if (a == NULL || b == NULL)
        return a == b;
      return wy_schema_same_number (field, a, b);

    case WY_FIELD_TEXT:
    case WY_FIELD_DATE:
    case WY_FIELD_ENUM:
    default:
      /* Plan texts are read in the reader's language: compared as read. */
      return g_strcmp0 (a, b) == 0;
    }
}

static gboolean
changed_field (const WyRecord *before,
               const WyRecord *after,
               guint           i)
{
  const WyTableInfo *info = wy_record_get_info (after);

  return !values_equal (&info->fields[i], wy_record_get_nth (before, i), wy_record_get_nth (after, i));
}

static void
set_changed_error (GError         **error,
                   const WyRecord  *record)
{
  const char *title = title_of (record);

  if (title != NULL)
    g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED,
                 /* Translators: %s names an entry */
                 _("“%s” was changed since, by you or on another computer; "
                   "undoing would overwrite that, so nothing was changed."), title);
  else
    g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED,
                 /* Translators: %s is a kind of entry */
                 _("A %s was changed since, by you or on another computer; "
                   "undoing would overwrite that, so nothing was changed."),
                 _(wy_record_get_info (record)->label));
}

/* Whether the row is in the file as image shows it (only the fields
 * that matter: all of them, or those that differ from other). */
static gboolean
row_is (WyStore         *self,
        const WyRecord  *image,
        const WyRecord  *other,
        GError         **error)
{
  const WyTableInfo *info = wy_record_get_info (image);
  g_autoptr(WyRecord) current = NULL;
  g_autoptr(GError) local_error = NULL;

  current = wy_store_get_by_uuid (self, info->table, wy_record_get_uuid (image), &local_error);
  if (current == NULL)
    {
      if (g_error_matches (local_error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND))
        set_changed_error (error, image);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (other != NULL && !changed_field (other, image, i))
        continue;
      if (!values_equal (&info->fields[i], wy_record_get_nth (current, i), wy_record_get_nth (image, i)))
        {
          set_changed_error (error, image);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
row_is_absent (WyStore         *self,
               const WyRecord  *image,
               GError         **error)
{
  g_autoptr(WyRecord) current = NULL;
  g_autoptr(GError) local_error = NULL;

  current = wy_store_get_by_uuid (self, wy_record_get_table (image), wy_record_get_uuid (image), &local_error);
  if (current != NULL)
    {
      set_changed_error (error, image);
      return FALSE;
    }
  if (!g_error_matches (local_error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  WyTable     table;
  gint64      id;
  WyRowChange kind;
  gint64      parent_id;
} Touched;

static void
touch (GArray         *touched,
       const WyRecord *record,
       WyRowChange     kind)
{
  Touched t = { wy_record_get_table (record), wy_record_get_id (record), kind, wy_store_parent_of (record) };

  g_array_append_val (touched, t);
}

/* Sets the fields where from and to differ to the values of to. */
static gboolean
write_fields (WyStore         *self,
              const WyRecord  *from,
              const WyRecord  *to,
              GError         **error)
{
  const WyTableInfo *info = wy_record_get_info (to);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *now = wy_date_now_timestamp ();
  sqlite3_stmt *stmt = NULL;
  int n = 0, rc;

  g_string_printf (sql, "UPDATE %s SET updated_at = ?", info->name);
  for (guint i = 0; i < info->n_fields; i++)
    if (changed_field (from, to, i))
      g_string_append_printf (sql, ", %s = ?", info->fields[i].name);
  g_string_append (sql, " WHERE uuid = ?");

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      wy_store_set_sqlite_error (self, error, _("Undoing a change"));
      return FALSE;
    }

  sqlite3_bind_text (stmt, ++n, now, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < info->n_fields; i++)
    if (changed_field (from, to, i))
      wy_store_bind_value (stmt, ++n, &info->fields[i], wy_record_get_nth (to, i));
  sqlite3_bind_text (stmt, ++n, wy_record_get_uuid (to), -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Undoing a change"));
      return FALSE;
    }

  for (guint i = 0; i < info->n_fields; i++)
    if (changed_field (from, to, i) &&
        !wy_store_audit (self, "update", info->name, wy_record_get_uuid (to), info->fields[i].name,
                         wy_record_get_nth (from, i), wy_record_get_nth (to, i), error))
      return FALSE;

  return TRUE;
}

/* Deletes a row the change inserted; refused when rows hang off it now. */
static gboolean
remove_row (WyStore         *self,
            const WyRecord  *image,
            GError         **error)
{
  const WyTableInfo *info = wy_record_get_info (image);
  g_autoptr(WyUndo) takes = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  takes = wy_store_capture_delete (self, info->table, wy_record_get_id (image), error);
  if (takes == NULL)
    return FALSE;
  if (takes->records->len > 1 || takes->links->len > 0)
    {
      set_changed_error (error, image);
      return FALSE;
    }

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", info->name);
  stmt = wy_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, wy_record_get_id (image));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Undoing a change"));
      return FALSE;
    }

  return wy_store_audit (self, "delete", info->name, wy_record_get_uuid (image), NULL,
                         title_of (image), NULL, error);
}

static gboolean
put_back (WyStore   *self,
          WyUndo    *deleted,
          GArray    *touched,
          GError   **error)
{
  WyRecord *main_record = g_ptr_array_index (deleted->records, 0);

  for (guint r = 0; r < deleted->records->len; r++)
    {
      WyRecord *record = g_ptr_array_index (deleted->records, r);

      if (!row_is_absent (self, record, error) ||
          !restore_record (self, record, error))
        return FALSE;
    }
  for (guint l = 0; l < deleted->links->len; l++)
    {
      const Link *link = &g_array_index (deleted->links, Link, l);
      Touched t = { link->table, link->id, WY_ROW_UPDATED, 0 };

      if (!restore_link (self, link, error))
        return FALSE;
      g_array_append_val (touched, t);
    }

  for (guint r = deleted->records->len; r > 0; r--)
    touch (touched, g_ptr_array_index (deleted->records, r - 1), WY_ROW_INSERTED);

  return wy_store_audit (self, "insert", wy_schema_table (deleted->table)->name,
                         wy_record_get_uuid (main_record), NULL, NULL, deleted->title, error);
}

static gboolean
take_again (WyStore  *self,
            WyUndo   *deleted,
            GArray   *touched,
            GError  **error)
{
  WyRecord *main_record = g_ptr_array_index (deleted->records, 0);
  const WyTableInfo *info = wy_record_get_info (main_record);
  g_autoptr(WyUndo) now = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  for (guint r = 0; r < deleted->records->len; r++)
    if (!row_is (self, g_ptr_array_index (deleted->records, r), NULL, error))
      return FALSE;

  /* Rows added under it since would go with it unseen. */
  now = wy_store_capture_delete (self, info->table, wy_record_get_id (main_record), error);
  if (now == NULL)
    return FALSE;
  if (now->records->len != deleted->records->len || now->links->len != deleted->links->len)
    {
      set_changed_error (error, main_record);
      return FALSE;
    }

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", info->name);
  stmt = wy_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, wy_record_get_id (main_record));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      wy_store_set_sqlite_error (self, error, _("Redoing a change"));
      return FALSE;
    }

  touch (touched, main_record, WY_ROW_DELETED);
  for (guint l = 0; l < deleted->links->len; l++)
    {
      const Link *link = &g_array_index (deleted->links, Link, l);
      Touched t = { link->table, link->id, WY_ROW_UPDATED, 0 };

      g_array_append_val (touched, t);
    }

  return wy_store_audit (self, "delete", info->name, wy_record_get_uuid (main_record), NULL,
                         deleted->title, NULL, error);
}

static gboolean
apply_op (WyStore   *self,
          Op        *op,
          gboolean   undo,
          GArray    *touched,
          GError   **error)
{
  switch (op->kind)
    {
    case OP_INSERT:
      if (undo)
        {
          if (!row_is (self, op->after, NULL, error) || !remove_row (self, op->after, error))
            return FALSE;
        }
      else
        {
          if (!row_is_absent (self, op->after, error) ||
              !restore_record (self, op->after, error) ||
              !wy_store_audit (self, "insert", wy_record_get_info (op->after)->name,
                               wy_record_get_uuid (op->after), NULL, NULL, title_of (op->after), error))
            return FALSE;
        }
      touch (touched, op->after, undo ? WY_ROW_DELETED : WY_ROW_INSERTED);
      return TRUE;

    case OP_UPDATE:
      if (undo)
        {
          if (!row_is (self, op->after, op->before, error) ||
              !write_fields (self, op->after, op->before, error))
            return FALSE;
        }
      else
        {
          if (!row_is (self, op->before, op->after, error) ||
              !write_fields (self, op->before, op->after, error))
            return FALSE;
        }
      touch (touched, undo ? op->before : op->after, WY_ROW_UPDATED);
      return TRUE;

    case OP_DELETE:
    default:
      return undo ? put_back (self, op->deleted, touched, error)
                  : take_again (self, op->deleted, touched, error);
    }
}

static gboolean
replay (WyStore   *self,
        Change    *change,
        gboolean   undo,
        GError   **error)
{
  Changes *changes = get_changes (self);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (Touched));
  gboolean ok = TRUE;

  if (changes->open != NULL)
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_FAILED,
                           _("Another change is being saved; try again when it is done."));
      return FALSE;
    }

  if (!wy_store_savepoint_begin (self, error))
    return FALSE;

  changes->replaying = TRUE;
  if (undo)
    {
      for (guint i = change->ops->len; ok && i > 0; i--)
        ok = apply_op (self, g_ptr_array_index (change->ops, i - 1), TRUE, touched, error);
    }
  else
    {
      for (guint i = 0; ok && i < change->ops->len; i++)
        ok = apply_op (self, g_ptr_array_index (change->ops, i), FALSE, touched, error);
    }
  changes->replaying = FALSE;

  if (!ok || !wy_store_savepoint_release (self, error))
    {
      wy_store_savepoint_rollback (self);
      return FALSE;
    }

  for (guint i = 0; i < touched->len; i++)
    {
      const Touched *t = &g_array_index (touched, Touched, i);

      wy_store_notify_row (self, t->table, t->id, t->kind, t->parent_id);
    }
  return TRUE;
}

static void
main_row_of (Change  *change,
             WyTable *table,
             gint64  *id)
{
  Op *op = change->ops->len > 0 ? g_ptr_array_index (change->ops, 0) : NULL;
  const WyRecord *record = NULL;

  if (op != NULL)
    record = op->kind == OP_DELETE ? g_ptr_array_index (op->deleted->records, 0) : op->after;
  if (table != NULL)
    *table = record != NULL ? wy_record_get_table (record) : WY_N_TABLES;
  if (id != NULL)
    *id = record != NULL ? wy_record_get_id (record) : 0;
}

static gboolean
move_top (WyStore   *self,
          gboolean   undo,
          WyTable   *table,
          gint64    *id,
          GError   **error)
{
  Changes *changes = get_changes (self);
  GPtrArray *from = undo ? changes->undo : changes->redo;
  GPtrArray *to = undo ? changes->redo : changes->undo;
  Change *change;

  if (from->len == 0)
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                           undo ? _("Nothing to undo.") : _("Nothing to redo."));
      return FALSE;
    }

  change = g_ptr_array_index (from, from->len - 1);
  if (!replay (self, change, undo, error))
    return FALSE;

  main_row_of (change, table, id);
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  emit_undo_changed (self);
  return TRUE;
}

gboolean
wy_store_undo_last (WyStore  *self,
                    WyTable  *table,
                    gint64   *id,
                    GError  **error)
{
  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  return move_top (self, TRUE, table, id, error);
}

gboolean
wy_store_redo_last (WyStore  *self,
                    WyTable  *table,
                    gint64   *id,
                    GError  **error)
{
  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  return move_top (self, FALSE, table, id, error);
}

const char *
wy_store_get_undo_title (WyStore *self)
{
  Changes *changes;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);

  changes = get_changes (self);
  if (changes->undo->len == 0)
    return NULL;
  return ((Change *) g_ptr_array_index (changes->undo, changes->undo->len - 1))->title;
}

const char *
wy_store_get_redo_title (WyStore *self)
{
  Changes *changes;

  g_return_val_if_fail (WY_IS_STORE (self), NULL);

  changes = get_changes (self);
  if (changes->redo->len == 0)
    return NULL;
  return ((Change *) g_ptr_array_index (changes->redo, changes->redo->len - 1))->title;
}

void
wy_store_clear_undo (WyStore *self)
{
  Changes *changes;

  g_return_if_fail (WY_IS_STORE (self));

  changes = get_changes (self);
  g_ptr_array_set_size (changes->undo, 0);
  g_ptr_array_set_size (changes->redo, 0);
  emit_undo_changed (self);
}

/* The old way (a page keeping the WyUndo of its delete): the change that
 * delete went into is undone through the history when it is the last
 * one; a change made after it is left alone and the delete alone is put
 * back, out of the history. */
static gboolean
undo_change_of (WyStore  *self,
                          guint64   serial,
                          gboolean *handled,
                          GError  **error)
{
  Changes *changes = get_changes (self);

  *handled = FALSE;
  if (serial == 0)
    return TRUE;

  for (guint i = 0; i < changes->redo->len; i++)
    if (((Change *) g_ptr_array_index (changes->redo, i))->serial == serial)
      {
        *handled = TRUE;   /* undone already */
        return TRUE;
      }

  for (guint i = changes->undo->len; i > 0; i--)
    {
      Change *change = g_ptr_array_index (changes->undo, i - 1);

      if (change->serial != serial)
        continue;

      *handled = TRUE;
      if (i == changes->undo->len)
        return move_top (self, TRUE, NULL, NULL, error);

      if (!replay (self, change, TRUE, error))
        return FALSE;
      g_ptr_array_remove_index (changes->undo, i - 1);
      emit_undo_changed (self);
      return TRUE;
    }

  return TRUE;
}
