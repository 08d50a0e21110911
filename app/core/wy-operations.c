/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-operations"

#include "config.h"

#include <glib/gi18n.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-operations.h"

gint64
wy_compound_add_with_targets (WyStore     *store,
                              const char  *name,
                              gint64       community_id,
                              const char  *category,
                              GError     **error)
{
  g_autoptr(WyRecord) record = wy_record_new (WY_TABLE_COMPOUND);
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  gint64 id;

  g_return_val_if_fail (WY_IS_STORE (store), 0);

  wy_record_set (record, "name", stripped);
  if (community_id > 0)
    wy_record_set_int (record, "community_id", community_id);
  wy_record_set (record, "category", category);

  targets = wy_store_list (store, WY_TABLE_TARGET, 0, error);
  if (targets == NULL)
    return 0;

  /* No title: the step is named after its first write, "Addition of “…”". */
  if (!wy_store_change_begin (store, NULL, error))
    return 0;

  id = wy_store_insert (store, record, error);
  for (guint i = 0; id > 0 && i < targets->len; i++)
    {
      WyRecord *target = g_ptr_array_index (targets, i);
      g_autoptr(WyRecord) status = NULL;

      if (wy_record_get (target, "active") != NULL && !wy_record_get_bool (target, "active"))
        continue;

      status = wy_record_new (WY_TABLE_COMPOUND_TARGET);
      wy_record_set_int (status, "compound_id", id);
      wy_record_set_int (status, "target_id", wy_record_get_id (target));
      wy_record_set (status, "status", WY_TARGET_NOT_MET);
      if (wy_store_insert (store, status, error) <= 0)
        id = 0;
    }

  if (id <= 0 || !wy_store_change_end (store, error))
    {
      wy_store_change_cancel (store);
      return 0;
    }

  return id;
}

gint64
wy_task_record_progress (WyStore      *store,
                         gint64        task_id,
                         const char   *text,
                         int           percent,
                         const GDate  *today,
                         GError      **error)
{
  g_autoptr(WyRecord) note = wy_record_new (WY_TABLE_TASK_NOTE);
  g_autoptr(WyRecord) task = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *today_iso = NULL;
  g_autofree char *percent_text = NULL;
  gint64 id;

  g_return_val_if_fail (WY_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL, 0);

  if (task_id <= 0)
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                           _("Select a task first."));
      return 0;
    }
  if (clean[0] == '\0')
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                           _("Write what progress was made."));
      return 0;
    }
  if (percent < 0 || percent > 100)
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                           _("Progress is a percentage from 0 to 100."));
      return 0;
    }

  task = wy_store_get (store, WY_TABLE_TASK, task_id, error);
  if (task == NULL)
    return 0;

  today_iso = wy_date_to_iso (today);
  percent_text = g_strdup_printf ("%d", percent);

  wy_record_set_int (note, "task_id", task_id);
  wy_record_set (note, "date", today_iso);
  wy_record_set (note, "text", clean);
  wy_record_set_int (note, "progress", percent);
  wy_record_set (note, "author", wy_store_get_operator (store));

  /* The note and the task's new progress together, or neither. */
  if (!wy_store_change_begin (store, NULL, error))
    return 0;
  id = wy_store_insert (store, note, error);
  if (id <= 0 ||
      !wy_store_update_field (store, WY_TABLE_TASK, task_id, "progress", percent_text, error) ||
      (percent > 0 && g_strcmp0 (wy_record_get (task, "status"), WY_TASK_NOT_STARTED) == 0 &&
       !wy_store_update_field (store, WY_TABLE_TASK, task_id, "status", WY_TASK_IN_PROGRESS, error)) ||
      !wy_store_change_end (store, error))
    {
      wy_store_change_cancel (store);
      return 0;
    }

  return id;
}
