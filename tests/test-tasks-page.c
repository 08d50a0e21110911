/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "wy-record-form.h"
#include "wy-task-item.h"
#include "wy-tasks-page.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"

#define DEMO_SIZE 24
#define TODAY "2023-03-15"

static guint
count_audit (WyStore *store)
{
  g_autoptr(GPtrArray) audit = wy_store_list_audit (store, 0, NULL);

  g_assert_nonnull (audit);
  return audit->len;
}

static WyTasksPage *
show_page (WyStore    *store,
           GtkWindow **window)
{
  WyTasksPage *page = wy_tasks_page_new (store);
  GDate today;

  wy_test_date (&today, TODAY);
  wy_tasks_page_set_today (page, &today);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1024, 700);
  gtk_window_set_child (*window, GTK_WIDGET (page));
  gtk_window_present (*window);
  wy_test_spin_until (wy_test_is_mapped, *window);
  return page;
}

static gint64
task_with_notes (WyStore *store)
{
  g_autoptr(GPtrArray) tasks = wy_store_list (store, WY_TABLE_TASK, 0, NULL);

  for (guint i = 0; i < tasks->len; i++)
    {
      gint64 id = wy_record_get_id (g_ptr_array_index (tasks, i));
      g_autoptr(GPtrArray) notes = wy_store_list (store, WY_TABLE_TASK_NOTE, id, NULL);

      if (notes->len > 0)
        return id;
    }

  g_assert_not_reached ();
  return 0;
}

static void
test_add_task (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("add.wuyou", DEMO_SIZE, TODAY);
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) task = NULL;
  gint64 n_before = wy_store_count (store, WY_TABLE_TASK);
  GtkWindow *window;
  GtkWindow *dialog;
  WyTasksPage *page = show_page (store, &window);
  guint n_audit;
  gint64 id;

  g_assert_cmpuint (wy_tasks_page_get_n_total (page), ==, n_before);
  g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, n_before);

  /* The dialog opens over the page, and closes with Cancel. */
  dialog = wy_tasks_page_open_new_task_dialog (page);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "New Task");
  gtk_window_destroy (dialog);

  /* No title: refused, nothing written. */
  n_audit = count_audit (store);
  g_assert_cmpint (wy_tasks_page_add_task (page, "  ", "街道办", NULL, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (wy_tasks_page_add_task (page, "督办", NULL, "2023-02-30", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_TASK), ==, n_before);
  g_assert_cmpuint (count_audit (store), ==, n_audit);

  id = wy_tasks_page_add_task (page, "落实领导小组会议决定：整治 3 号院停车", "街道城管科", "2023-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_TASK), ==, n_before + 1);
  g_assert_cmpuint (count_audit (store), >, n_audit);
  task = wy_store_get (store, WY_TABLE_TASK, id, NULL);
  g_assert_cmpstr (wy_record_get (task, "lead_units"), ==, "街道城管科");
  g_assert_cmpstr (wy_record_get (task, "status"), ==, WY_TASK_NOT_STARTED);
  g_assert_false (wy_record_get_bool (task, "from_plan"));
  g_assert_cmpint (wy_record_get_int (task, "progress", -1), ==, 0);

  /* Listed, selected and shown beside the list; due in 5 days: yellow. */
  g_assert_cmpuint (wy_tasks_page_get_n_total (page), ==, n_before + 1);
  g_assert_cmpint (wy_tasks_page_get_selected_task (page), ==, id);
  g_assert_cmpint (wy_record_form_get_record_id (wy_tasks_page_get_form (page)), ==, id);
  {
    g_autoptr(GPtrArray) tasks = wy_store_list (store, WY_TABLE_TASK, 0, NULL);
    guint n_own = 0;
    gboolean found = FALSE;

    for (guint i = 0; i < tasks->len; i++)
      n_own += !wy_record_get_bool (g_ptr_array_index (tasks, i), "from_plan");
    wy_tasks_page_set_origin_filter (page, WY_TASKS_ORIGIN_OWN);
    g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, n_own);
    for (guint i = 0; i < n_own; i++)
      {
        g_autoptr(WyTaskItem) item = g_list_model_get_item (wy_tasks_page_get_model (page), i);

        g_assert_false (wy_task_item_is_from_plan (item));
        if (wy_task_item_get_id (item) == id)
          {
            g_assert_cmpint (wy_task_item_get_light (item), ==, WY_LIGHT_YELLOW);
            found = TRUE;
          }
      }
    g_assert_true (found);
    wy_tasks_page_set_origin_filter (page, WY_TASKS_ORIGIN_PLAN);
    g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, tasks->len - n_own);
  }
  wy_tasks_page_set_origin_filter (page, WY_TASKS_ORIGIN_ALL);

  gtk_window_destroy (window);
  wy_test_spin_for (20);
}

static void
test_edit_progress_and_notes (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("notes.wuyou", DEMO_SIZE, TODAY);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  WyTasksPage *page = show_page (store, &window);
  WyRecordForm *form = wy_tasks_page_get_form (page);
  gint64 id = task_with_notes (store);
  GtkWidget *progress;
  guint n_audit;

  wy_tasks_page_select_task (page, id);
  g_assert_cmpint (wy_tasks_page_get_selected_task (page), ==, id);
  before = wy_store_list (store, WY_TABLE_TASK_NOTE, id, NULL);
  g_assert_cmpuint (wy_tasks_page_get_n_notes (page), ==, before->len);

  /* Progress through the form: written, and the list's row follows. */
  progress = wy_record_form_get_field_widget (form, "progress");
  g_assert_nonnull (progress);
  gtk_editable_set_text (GTK_EDITABLE (progress), "60");
  g_assert_true (wy_record_form_commit_field (form, "progress"));
  {
    g_autoptr(WyRecord) task = wy_store_get (store, WY_TABLE_TASK, id, NULL);

    g_assert_cmpint (wy_record_get_int (task, "progress", -1), ==, 60);
  }
  for (guint i = 0; i < g_list_model_get_n_items (wy_tasks_page_get_model (page)); i++)
    {
      g_autoptr(WyTaskItem) item = g_list_model_get_item (wy_tasks_page_get_model (page), i);

      if (wy_task_item_get_id (item) == id)
        g_assert_cmpstr (wy_task_item_get_progress_text (item), ==, "60%");
    }

  /* 150 % is refused: marked, the store keeps 60, no audit entry. */
  n_audit = count_audit (store);
  gtk_editable_set_text (GTK_EDITABLE (progress), "150");
  g_assert_false (wy_record_form_commit_field (form, "progress"));
  g_assert_nonnull (wy_record_form_get_field_error (form, "progress"));
  {
    g_autoptr(WyRecord) task = wy_store_get (store, WY_TABLE_TASK, id, NULL);

    g_assert_cmpint (wy_record_get_int (task, "progress", -1), ==, 60);
  }
  g_assert_cmpuint (count_audit (store), ==, n_audit);
  wy_record_form_set_record_id (form, id);

  /* Add Note: a dated note, and the task's progress set to the percent. */
  g_assert_false (gtk_widget_get_sensitive (wy_tasks_page_get_add_note_button (page)));
  gtk_editable_set_text (GTK_EDITABLE (wy_tasks_page_get_note_entry (page)), "已完成 18 个小区的问题清单");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (wy_tasks_page_get_note_percent (page)), 75);
  g_assert_true (gtk_widget_get_sensitive (wy_tasks_page_get_add_note_button (page)));
  g_signal_emit_by_name (wy_tasks_page_get_add_note_button (page), "clicked");
  after = wy_store_list (store, WY_TABLE_TASK_NOTE, id, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  {
    WyRecord *note = g_ptr_array_index (after, after->len - 1);
    g_autoptr(WyRecord) task = wy_store_get (store, WY_TABLE_TASK, id, NULL);

    g_assert_cmpstr (wy_record_get (note, "text"), ==, "已完成 18 个小区的问题清单");
    g_assert_cmpstr (wy_record_get (note, "date"), ==, TODAY);
    g_assert_cmpint (wy_record_get_int (note, "progress", -1), ==, 75);
    g_assert_cmpstr (wy_record_get (note, "author"), ==, "测试员");
    g_assert_cmpint (wy_record_get_int (task, "progress", -1), ==, 75);
  }
  g_assert_cmpuint (wy_tasks_page_get_n_notes (page), ==, after->len);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wy_tasks_page_get_note_entry (page))), ==, "");

  /* An empty note is refused. */
  g_assert_false (wy_tasks_page_add_note (page, " ", 80, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) again = wy_store_list (store, WY_TABLE_TASK_NOTE, id, NULL);

    g_assert_cmpuint (again->len, ==, after->len);
  }

  gtk_window_destroy (window);
  wy_test_spin_for (20);
}

static void
test_link_compounds (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("links.wuyou", DEMO_SIZE, TODAY);
  g_autoptr(GPtrArray) compounds = wy_store_list (store, WY_TABLE_COMPOUND, 0, NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  WyTasksPage *page = show_page (store, &window);
  gint64 id = wy_tasks_page_add_task (page, "督办：3 号院围栏", NULL, NULL, &error);
  gint64 compound_id = wy_record_get_id (g_ptr_array_index (compounds, 0));

  g_assert_no_error (error);
  g_assert_cmpuint (wy_tasks_page_get_n_links (page), ==, 0);
  g_assert_true (wy_tasks_page_link_compound (page, compound_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wy_tasks_page_get_n_links (page), ==, 1);
  {
    g_autoptr(GPtrArray) links = wy_store_list (store, WY_TABLE_TASK_COMPOUND, id, NULL);

    g_assert_cmpuint (links->len, ==, 1);
    g_assert_cmpint (wy_record_get_int (g_ptr_array_index (links, 0), "compound_id", 0), ==, compound_id);
  }

  /* The same compound twice: refused. */
  g_assert_false (wy_tasks_page_link_compound (page, compound_id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (wy_tasks_page_unlink_compound (page, compound_id, &error));
  g_assert_cmpuint (wy_tasks_page_get_n_links (page), ==, 0);
  {
    g_autoptr(GPtrArray) links = wy_store_list (store, WY_TABLE_TASK_COMPOUND, id, NULL);

    g_assert_cmpuint (links->len, ==, 0);
  }

  gtk_window_destroy (window);
  wy_test_spin_for (20);
}

static void
test_delete_and_undo (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("delete.wuyou", DEMO_SIZE, TODAY);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *expected = NULL;
  GtkWindow *window;
  WyTasksPage *page = show_page (store, &window);
  gint64 id = task_with_notes (store);
  gint64 n_tasks = wy_store_count (store, WY_TABLE_TASK);

  {
    g_autoptr(WyRecord) task = wy_store_get (store, WY_TABLE_TASK, id, NULL);

    title = g_strdup (wy_record_get (task, "title"));
  }
  notes = wy_store_list (store, WY_TABLE_TASK_NOTE, id, NULL);
  wy_tasks_page_select_task (page, id);

  g_assert_null (wy_tasks_page_get_undo_notice (page));
  g_assert_true (wy_tasks_page_delete_task (page, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_TASK), ==, n_tasks - 1);
  g_assert_cmpuint (wy_tasks_page_get_n_total (page), ==, n_tasks - 1);
  g_assert_cmpint (wy_tasks_page_get_selected_task (page), ==, 0);
  {
    g_autoptr(GPtrArray) gone = wy_store_list (store, WY_TABLE_TASK_NOTE, id, NULL);

    g_assert_cmpuint (gone->len, ==, 0);
  }
  expected = g_strdup_printf ("Deleted “%s”", title);
  g_assert_cmpstr (wy_tasks_page_get_undo_notice (page), ==, expected);

  /* Undo: the task with its id and its notes, selected again. */
  g_assert_true (wy_tasks_page_undo (page, &error));
  g_assert_no_error (error);
  g_assert_null (wy_tasks_page_get_undo_notice (page));
  g_assert_cmpint (wy_store_count (store, WY_TABLE_TASK), ==, n_tasks);
  g_assert_cmpuint (wy_tasks_page_get_n_total (page), ==, n_tasks);
  g_assert_cmpint (wy_tasks_page_get_selected_task (page), ==, id);
  {
    g_autoptr(WyRecord) task = wy_store_get (store, WY_TABLE_TASK, id, NULL);
    g_autoptr(GPtrArray) back = wy_store_list (store, WY_TABLE_TASK_NOTE, id, NULL);

    g_assert_nonnull (task);
    g_assert_cmpstr (wy_record_get (task, "title"), ==, title);
    g_assert_cmpuint (back->len, ==, notes->len);
  }
  g_assert_cmpuint (wy_tasks_page_get_n_notes (page), ==, notes->len);

  gtk_window_destroy (window);
  wy_test_spin_for (20);
}

static gboolean
search_applied (gpointer data)
{
  WyTasksPage *page = data;

  return wy_tasks_page_get_n_shown (page) != wy_tasks_page_get_n_total (page);
}

static void
test_filters (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("filters.wuyou", DEMO_SIZE, TODAY);
  g_autoptr(GPtrArray) tasks = wy_store_list (store, WY_TABLE_TASK, 0, NULL);
  g_autofree char *expected = NULL;
  GtkWindow *window;
  WyTasksPage *page = show_page (store, &window);
  guint warning_days = wy_store_get_warning_days (store);
  guint n_light[WY_LIGHT_DONE + 1] = { 0 };
  guint n_done = 0, n_with_needle = 0;
  const char *needle = "住房";
  GDate today;

  wy_test_date (&today, TODAY);
  for (guint i = 0; i < tasks->len; i++)
    {
      WyRecord *task = g_ptr_array_index (tasks, i);
      gboolean done = g_strcmp0 (wy_record_get (task, "status"), WY_TASK_DONE) == 0;
      const char *fields[] = { "title", "lead_units", "co_units" };
      gboolean hit = FALSE;

      n_light[wy_light_compute_iso (wy_record_get (task, "deadline"), done, &today, warning_days)]++;
      n_done += done;
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        hit |= wy_record_get (task, fields[f]) != NULL && strstr (wy_record_get (task, fields[f]), needle) != NULL;
      n_with_needle += hit;
    }
  g_assert_cmpuint (n_light[WY_LIGHT_RED] + n_light[WY_LIGHT_DONE], >, 0);

  wy_tasks_page_set_light_filter (page, WY_TASKS_LIGHT_OVERDUE);
  g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, n_light[WY_LIGHT_RED]);
  wy_tasks_page_set_light_filter (page, WY_TASKS_LIGHT_DONE);
  g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, n_light[WY_LIGHT_DONE]);
  wy_tasks_page_set_light_filter (page, WY_TASKS_LIGHT_ON_SCHEDULE);
  g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, n_light[WY_LIGHT_GREEN]);
  wy_tasks_page_set_light_filter (page, WY_TASKS_LIGHT_DUE_SOON);
  g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, n_light[WY_LIGHT_YELLOW]);
  /* Every row the filter shows has that light. */
  wy_tasks_page_set_light_filter (page, WY_TASKS_LIGHT_OVERDUE);
  for (guint i = 0; i < wy_tasks_page_get_n_shown (page); i++)
    {
      g_autoptr(WyTaskItem) item = g_list_model_get_item (wy_tasks_page_get_model (page), i);

      g_assert_cmpint (wy_task_item_get_light (item), ==, WY_LIGHT_RED);
    }
  wy_tasks_page_set_light_filter (page, WY_TASKS_LIGHT_ALL);
  g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, tasks->len);

  wy_tasks_page_set_status_filter (page, WY_TASK_DONE);
  g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, n_done);
  wy_tasks_page_set_status_filter (page, NULL);

  /* Search on title and units; "N of M tasks". */
  if (n_with_needle > 0 && n_with_needle < tasks->len)
    {
      wy_tasks_page_set_search_text (page, needle);
      wy_test_spin_until (search_applied, page);
      g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, n_with_needle);
      expected = g_strdup_printf ("%u of %u tasks", n_with_needle, tasks->len);
      g_assert_cmpstr (wy_tasks_page_get_status_text (page), ==, expected);
      wy_tasks_page_set_search_text (page, NULL);
      wy_test_spin_for (300);
    }
  g_assert_cmpuint (wy_tasks_page_get_n_shown (page), ==, tasks->len);

  /* Sorted by No.: the plan's task 1 first. */
  wy_tasks_page_sort_by_column (page, 1, GTK_SORT_ASCENDING);
  {
    g_autoptr(WyTaskItem) first = g_list_model_get_item (wy_tasks_page_get_model (page), 0);

    g_assert_cmpstr (wy_task_item_get_number (first), ==, "1");
  }

  gtk_window_destroy (window);
  wy_test_spin_for (20);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/tasks/add", test_add_task);
  g_test_add_func ("/tasks/progress-and-notes", test_edit_progress_and_notes);
  g_test_add_func ("/tasks/links", test_link_compounds);
  g_test_add_func ("/tasks/delete-undo", test_delete_and_undo);
  g_test_add_func ("/tasks/filters", test_filters);

  return g_test_run ();
}
