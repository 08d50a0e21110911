/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <wuyou/wuyou.h>

G_BEGIN_DECLS

/* Text columns the task list sorts by. */
typedef enum {
  WY_TASK_KEY_TITLE,
  WY_TASK_KEY_LEAD_UNITS,
  WY_TASK_N_KEYS
} WyTaskKey;

#define WY_TYPE_TASK_ITEM (wy_task_item_get_type ())
G_DECLARE_FINAL_TYPE (WyTaskItem, wy_task_item, WY, TASK_ITEM, GObject)

/* One line of the task list, over a task row (a reference is taken).
 * The light, the labels and the search key are computed here, once. */
WyTaskItem  *wy_task_item_new              (WyRecord    *task,
                                            const GDate *today,
                                            guint        warning_days);

WyRecord    *wy_task_item_get_record       (WyTaskItem  *self);
gint64       wy_task_item_get_id           (WyTaskItem  *self);
WyLight      wy_task_item_get_light        (WyTaskItem  *self);
const char  *wy_task_item_get_light_label  (WyTaskItem  *self);
const char  *wy_task_item_get_status_label (WyTaskItem  *self);
/* Position of the status in the workflow (not started 0 … done 2). */
guint        wy_task_item_get_status_rank  (WyTaskItem  *self);
gboolean     wy_task_item_is_from_plan     (WyTaskItem  *self);
/* The number shown in the "No." column: the plan's ordinal, or empty. */
const char  *wy_task_item_get_number       (WyTaskItem  *self);
/* "40%", or empty when no progress was recorded. */
const char  *wy_task_item_get_progress_text (WyTaskItem *self);
/* Casefolded title, lead unit and co-units. */
const char  *wy_task_item_get_search_key   (WyTaskItem  *self);
const char  *wy_task_item_get_sort_key     (WyTaskItem  *self,
                                            WyTaskKey    key);

G_END_DECLS
