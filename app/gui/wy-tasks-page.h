/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-record-form.h"

G_BEGIN_DECLS

#define WY_TYPE_TASKS_PAGE (wy_tasks_page_get_type ())
G_DECLARE_FINAL_TYPE (WyTasksPage, wy_tasks_page, WY, TASKS_PAGE, GtkWidget)

typedef enum {
  WY_TASKS_LIGHT_ALL,
  WY_TASKS_LIGHT_OVERDUE,
  WY_TASKS_LIGHT_DUE_SOON,
  WY_TASKS_LIGHT_ON_SCHEDULE,
  WY_TASKS_LIGHT_DONE,
} WyTasksLightFilter;

typedef enum {
  WY_TASKS_ORIGIN_ALL,
  WY_TASKS_ORIGIN_PLAN,   /* the plan's own tasks */
  WY_TASKS_ORIGIN_OWN,    /* added by the users (e.g. 督办事项) */
} WyTasksOrigin;

/* The work tasks (工作任务) of the plan and the users' own: list with
 * sort, filters and search, the selected task's fields, progress notes
 * and linked compounds beside it. */
WyTasksPage  *wy_tasks_page_new               (WyStore            *store);
void          wy_tasks_page_set_search_text   (WyTasksPage        *self,
                                               const char         *text);
/* "Today" for the lights and new notes (default: the clock), for tests. */
void          wy_tasks_page_set_today         (WyTasksPage        *self,
                                               const GDate        *today);
/* Loads the rows now (the page loads itself when first shown). */
void          wy_tasks_page_reload            (WyTasksPage        *self);

guint         wy_tasks_page_get_n_shown       (WyTasksPage        *self);
guint         wy_tasks_page_get_n_total       (WyTasksPage        *self);
const char   *wy_tasks_page_get_status_text   (WyTasksPage        *self);
/* The list as shown (filtered and sorted), of WyTaskItem. */
GListModel   *wy_tasks_page_get_model         (WyTasksPage        *self);
/* Sorts by a column: 0 light, 1 No., 2 task, 3 lead unit, 4 deadline,
 * 5 progress, 6 status. */
void          wy_tasks_page_sort_by_column    (WyTasksPage        *self,
                                               guint               column,
                                               GtkSortType         order);

/* The filters the drop-downs set: status code (NULL: all), light, origin. */
void          wy_tasks_page_set_status_filter (WyTasksPage        *self,
                                               const char         *status);
void          wy_tasks_page_set_light_filter  (WyTasksPage        *self,
                                               WyTasksLightFilter  light);
void          wy_tasks_page_set_origin_filter (WyTasksPage        *self,
                                               WyTasksOrigin       origin);

/* Selects the task and shows it beside the list (0: none). */
void          wy_tasks_page_select_task       (WyTasksPage        *self,
                                               gint64              task_id);
gint64        wy_tasks_page_get_selected_task (WyTasksPage        *self);

/* What "New Task…" does: title required, lead unit and deadline
 * (YYYY-MM-DD) optional. A task of the users' own (not from the plan),
 * not started. Returns its id, or 0 with error set. */
gint64        wy_tasks_page_add_task          (WyTasksPage        *self,
                                               const char         *title,
                                               const char         *lead_units,
                                               const char         *deadline,
                                               GError            **error);
/* Opens the "New Task" dialog (returned for tests). */
GtkWindow    *wy_tasks_page_open_new_task_dialog (WyTasksPage     *self);

/* What "Add Note" does for the selected task: a dated progress note
 * (today), and the task's progress set to percent. */
gboolean      wy_tasks_page_add_note          (WyTasksPage        *self,
                                               const char         *text,
                                               int                 percent,
                                               GError            **error);
/* Links a compound to the selected task, or removes a link. */
gboolean      wy_tasks_page_link_compound     (WyTasksPage        *self,
                                               gint64              compound_id,
                                               GError            **error);
gboolean      wy_tasks_page_unlink_compound   (WyTasksPage        *self,
                                               gint64              compound_id,
                                               GError            **error);
/* Deletes a task with its notes and links, keeping a way back (what
 * "Delete…" does after its confirmation); undo restores the last one. */
gboolean      wy_tasks_page_delete_task       (WyTasksPage        *self,
                                               gint64              task_id,
                                               GError            **error);
gboolean      wy_tasks_page_undo              (WyTasksPage        *self,
                                               GError            **error);
/* "Deleted “X”" while the Undo notice shows, else NULL. */
const char   *wy_tasks_page_get_undo_notice   (WyTasksPage        *self);

/* The detail's parts, for tests. */
WyRecordForm *wy_tasks_page_get_form          (WyTasksPage        *self);
GtkWidget    *wy_tasks_page_get_note_entry    (WyTasksPage        *self);
GtkWidget    *wy_tasks_page_get_note_percent  (WyTasksPage        *self);
GtkWidget    *wy_tasks_page_get_add_note_button (WyTasksPage      *self);
guint         wy_tasks_page_get_n_notes       (WyTasksPage        *self);
guint         wy_tasks_page_get_n_links       (WyTasksPage        *self);

G_END_DECLS
