/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-task-item"

#include "config.h"

#include "wy-task-item.h"

struct _WyTaskItem
{
  GObject     parent_instance;

  WyRecord   *record;
  WyLight     light;
  const char *status_label;   /* translated, static */
  guint       status_rank;
  char       *number;
  char       *progress_text;
  char       *search_key;
  char       *sort_keys[WY_TASK_N_KEYS];
};

G_DEFINE_FINAL_TYPE (WyTaskItem, wy_task_item, G_TYPE_OBJECT)

static void
append_folded (GString    *key,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return;

  folded = g_utf8_casefold (text, -1);
  g_string_append (key, folded);
  g_string_append_c (key, '\n');
}

static void
wy_task_item_finalize (GObject *object)
{
  WyTaskItem *self = (WyTaskItem *)object;

  g_clear_pointer (&self->record, wy_record_unref);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->progress_text, g_free);
  g_clear_pointer (&self->search_key, g_free);
  for (guint i = 0; i < WY_TASK_N_KEYS; i++)
    g_clear_pointer (&self->sort_keys[i], g_free);

  G_OBJECT_CLASS (wy_task_item_parent_class)->finalize (object);
}

static void
wy_task_item_class_init (WyTaskItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wy_task_item_finalize;
}

static void
wy_task_item_init (WyTaskItem *self)
{
  self->light = WY_LIGHT_NONE;
  self->status_rank = G_MAXUINT;
}

WyTaskItem *
wy_task_item_new (WyRecord    *task,
                  const GDate *today,
                  guint        warning_days)
{
  const WyFieldInfo *status_info = wy_schema_field (wy_schema_table (WY_TABLE_TASK), "status");
  const char *status;
  const char *progress;
  WyTaskItem *self;
  g_autoptr(GString) key = NULL;

  g_return_val_if_fail (task != NULL, NULL);
  g_return_val_if_fail (wy_record_get_table (task) == WY_TABLE_TASK, NULL);

  self = g_object_new (WY_TYPE_TASK_ITEM, NULL);
  self->record = wy_record_ref (task);

  status = wy_record_get (task, "status");
  self->status_label = (status != NULL && *status != '\0') ? wy_schema_code_label (status_info, status) : "";
  for (guint i = 0; status != NULL && status_info->codes[i] != NULL; i++)
    if (g_str_equal (status_info->codes[i], status))
      self->status_rank = i;

  if (today != NULL && g_date_valid (today))
    self->light = wy_light_compute_iso (wy_record_get (task, "deadline"),
                                        g_strcmp0 (status, WY_TASK_DONE) == 0,
                                        today, warning_days);

  self->number = g_strdup (wy_record_get (task, "ordinal") != NULL ? wy_record_get (task, "ordinal") : "");
  progress = wy_record_get (task, "progress");
  self->progress_text = progress != NULL ? g_strdup_printf ("%s%%", progress) : g_strdup ("");

  key = g_string_new (NULL);
  append_folded (key, wy_record_get (task, "title"));
  append_folded (key, wy_record_get (task, "lead_units"));
  append_folded (key, wy_record_get (task, "co_units"));
  self->search_key = g_string_free (g_steal_pointer (&key), FALSE);

  return self;
}

WyRecord *
wy_task_item_get_record (WyTaskItem *self)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), NULL);

  return self->record;
}

gint64
wy_task_item_get_id (WyTaskItem *self)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), 0);

  return wy_record_get_id (self->record);
}

WyLight
wy_task_item_get_light (WyTaskItem *self)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), WY_LIGHT_NONE);

  return self->light;
}

const char *
wy_task_item_get_light_label (WyTaskItem *self)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), NULL);

  if (self->light == WY_LIGHT_NONE)
    return "";

  return wy_light_to_label (self->light);
}

const char *
wy_task_item_get_status_label (WyTaskItem *self)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), NULL);

  return self->status_label;
}

guint
wy_task_item_get_status_rank (WyTaskItem *self)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), G_MAXUINT);

  return self->status_rank;
}

gboolean
wy_task_item_is_from_plan (WyTaskItem *self)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), FALSE);

  return wy_record_get_bool (self->record, "from_plan");
}

const char *
wy_task_item_get_number (WyTaskItem *self)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), NULL);

  return self->number;
}

const char *
wy_task_item_get_progress_text (WyTaskItem *self)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), NULL);

  return self->progress_text;
}

const char *
wy_task_item_get_search_key (WyTaskItem *self)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), NULL);

  return self->search_key;
}

const char *
wy_task_item_get_sort_key (WyTaskItem *self,
                           WyTaskKey   key)
{
  g_return_val_if_fail (WY_IS_TASK_ITEM (self), NULL);
  g_return_val_if_fail (key < WY_TASK_N_KEYS, NULL);

  if (self->sort_keys[key] == NULL)
    {
      const char *text = wy_record_get (self->record, key == WY_TASK_KEY_TITLE ? "title" : "lead_units");

      self->sort_keys[key] = g_utf8_collate_key (text != NULL ? text : "", -1);
    }

  return self->sort_keys[key];
}
