/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wy-store-private.h"

/* Two programs on one ledger: two windows (two offices' clerks on a
 * shared folder, or one clerk who opened the file twice), a window and
 * the command line. Each sees what the others committed and never writes
 * over a value it has not seen. */

guint wy_store_external_change_signal;

gboolean
wy_store_poll_external_change (WyStore *self)
{
  sqlite3_stmt *stmt;
  gint64 version;
  gboolean changed;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);

  /* data_version changes when another connection commits; this
   * connection's own writes leave it alone. A single integer read of
   * the shared memory index: cheap enough to ask every second. */
  stmt = wy_store_prepare_cached (self, "PRAGMA data_version", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  changed = self->data_version != 0 && version != self->data_version;
  self->data_version = version;

  if (changed)
    g_signal_emit (self, wy_store_external_change_signal, 0);
  return changed;
}

/* NULL and "" are both "nothing": the form shows either as an empty
 * field. */
static gboolean
same_value (const char *a,
            const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

gboolean
wy_store_update_field_if_unchanged (WyStore     *self,
                                    WyTable      table,
                                    gint64       id,
                                    const char  *field,
                                    const char  *expected,
                                    const char  *value,
                                    char       **current_out,
                                    GError     **error)
{
  g_autoptr(WyRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  const WyFieldInfo *info;
  gboolean own_transaction;
  const char *current;

  g_return_val_if_fail (WY_IS_STORE (self), FALSE);
  g_return_val_if_fail (table < WY_N_TABLES, FALSE);
  g_return_val_if_fail (current_out == NULL || *current_out == NULL, FALSE);

  info = wy_schema_field (wy_schema_table (table), field);
  if (info == NULL)
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                   "%s has no field %s", wy_schema_table (table)->name, field);
      return FALSE;
    }

  /* Read and write under one write lock: a deferred transaction would
   * let another program commit between the comparison and the write. */
  own_transaction = sqlite3_get_autocommit (self->db) != 0;
  if (own_transaction ? !wy_store_begin (self, error) : !wy_store_savepoint_begin (self, error))
    return FALSE;

  record = wy_store_get (self, table, id, &local_error);
  if (record == NULL)
    {
      if (g_error_matches (local_error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND))
        g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                     _("This entry was deleted by someone else since it was shown; the change was not saved."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }

  current = wy_record_get (record, field);
  if (!same_value (current, expected))
    {
      if (current_out != NULL)
        *current_out = g_strdup (current);
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED,
                   /* Translators: %s is a field's label, e.g. Households */
                   _("“%s” was changed by someone else since it was shown."),
                   _(info->label));
      goto fail;
    }

  if (!wy_store_update_field (self, table, id, field, value, error))
    goto fail;

  if (own_transaction ? !wy_store_commit (self, error) : !wy_store_savepoint_release (self, error))
    goto fail;
  return TRUE;

fail:
  if (own_transaction)
    wy_store_rollback (self);
  else
    wy_store_savepoint_rollback (self);
  return FALSE;
}
