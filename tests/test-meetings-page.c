/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "wy-funding-view.h"
#include "wy-meetings-page.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"

#define TODAY "2023-03-15"

static gint64
insert_consultation (WyStore    *store,
                     gint64      community_id,
                     const char *date)
{
  g_autoptr(WyRecord) meeting = wy_record_new (WY_TABLE_MEETING);
  g_autoptr(GError) error = NULL;
  gint64 id;

  wy_record_set (meeting, "kind", WY_MEETING_CONSULTATION);
  wy_record_set (meeting, "date", date);
  wy_record_set (meeting, "title", "共建议事会");
  wy_record_set_int (meeting, "community_id", community_id);
  id = wy_store_insert (store, meeting, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_consultation_flag (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("gaps.wuyou", 24, TODAY);
  g_autoptr(GPtrArray) gaps = NULL;
  WyMeetingsPage *page = wy_meetings_page_new (store);
  GtkWindow *window = wy_test_show_in_window (GTK_WIDGET (page));
  WyConsultationGap *gap;
  g_autofree char *community = NULL;
  gint64 community_id;
  guint n;
  GDate today;

  wy_test_date (&today, TODAY);
  wy_meetings_page_set_today (page, &today);
  gaps = wy_store_consultation_gaps (store, &today, NULL);
  n = gaps->len;
  g_assert_cmpuint (wy_meetings_page_get_n_consultation_gaps (page), ==, n);
  g_assert_nonnull (wy_meetings_page_get_gaps_text (page));

  /* Make sure there is a community to test with: one whose last
   * consultation is well inside the six months gets none newer. */
  if (n == 0)
    {
      g_test_skip ("the demo ledger has no community without consultation");
      gtk_window_destroy (window);
      return;
    }

  gap = g_ptr_array_index (gaps, 0);
  community = g_strdup (gap->community);
  community_id = gap->community_id;
  g_assert_nonnull (strstr (wy_meetings_page_get_gaps_text (page), community));

  /* A consultation one day more than six months back does not count
   * (the rule's boundary is unit-tested in test-stats); one today does. */
  insert_consultation (store, community_id, "2022-09-14");
  wy_meetings_page_reload (page);
  g_assert_cmpuint (wy_meetings_page_get_n_consultation_gaps (page), ==, n);
  insert_consultation (store, community_id, TODAY);
  wy_meetings_page_reload (page);
  g_assert_cmpuint (wy_meetings_page_get_n_consultation_gaps (page), ==, n - 1);

  /* Six months later the same community is flagged again. */
  wy_test_date (&today, "2023-09-16");
  wy_meetings_page_set_today (page, &today);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  gaps = wy_store_consultation_gaps (store, &today, NULL);
  g_assert_cmpuint (wy_meetings_page_get_n_consultation_gaps (page), ==, gaps->len);
  g_assert_nonnull (strstr (wy_meetings_page_get_gaps_text (page), community));

  gtk_window_destroy (window);
}

static void
test_filters (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("filters.wuyou", 24, TODAY);
  g_autoptr(GPtrArray) meetings = wy_store_list (store, WY_TABLE_MEETING, 0, NULL);
  WyMeetingsPage *page = wy_meetings_page_new (store);
  GtkWindow *window = wy_test_show_in_window (GTK_WIDGET (page));
  guint consultations = 0;
  gint64 n_inspections = wy_store_count (store, WY_TABLE_INSPECTION);
  gint64 community_id = 0;
  guint in_community = 0;

  for (guint i = 0; i < meetings->len; i++)
    if (g_strcmp0 (wy_record_get (g_ptr_array_index (meetings, i), "kind"), WY_MEETING_CONSULTATION) == 0)
      {
        consultations++;
        community_id = wy_record_get_int (g_ptr_array_index (meetings, i), "community_id", 0);
      }
  g_assert_cmpuint (wy_meetings_page_get_n_total (page), ==, meetings->len + n_inspections);

  wy_meetings_page_set_kind_filter (page, WY_MEETINGS_KIND_CONSULTATION);
  g_assert_cmpuint (wy_meetings_page_get_n_shown (page), ==, consultations);
  wy_meetings_page_set_kind_filter (page, WY_MEETINGS_KIND_INSPECTION);
  g_assert_cmpuint (wy_meetings_page_get_n_shown (page), ==, n_inspections);
  wy_meetings_page_set_kind_filter (page, WY_MEETINGS_KIND_ALL);

  g_assert_cmpint (community_id, >, 0);
  for (guint i = 0; i < meetings->len; i++)
    if (wy_record_get_int (g_ptr_array_index (meetings, i), "community_id", 0) == community_id)
      in_community++;
  {
    g_autoptr(GPtrArray) inspections = wy_store_list (store, WY_TABLE_INSPECTION, 0, NULL);

    for (guint i = 0; i < inspections->len; i++)
      if (wy_record_get_int (g_ptr_array_index (inspections, i), "community_id", 0) == community_id)
        in_community++;
  }
  wy_meetings_page_set_community_filter (page, community_id);
  g_assert_cmpuint (wy_meetings_page_get_n_shown (page), ==, in_community);
  wy_meetings_page_set_community_filter (page, 0);
  g_assert_cmpuint (wy_meetings_page_get_n_shown (page), ==, wy_meetings_page_get_n_total (page));

  gtk_window_destroy (window);
}

static void
test_meeting_to_task (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("tasks.wuyou", 24, TODAY);
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) task = NULL;
  g_autoptr(WyRecord) meeting = NULL;
  WyMeetingsPage *page = wy_meetings_page_new (store);
  GtkWindow *window = wy_test_show_in_window (GTK_WIDGET (page));
  GtkWindow *dialog;
  GtkWindow *question;
  WyRecordForm *form;
  gint64 n_meetings = wy_store_count (store, WY_TABLE_MEETING);
  gint64 n_tasks = wy_store_count (store, WY_TABLE_TASK);
  gint64 meeting_id, task_id;
  GDate today;

  wy_test_date (&today, TODAY);
  wy_meetings_page_set_today (page, &today);

  /* New meeting: kind and date default, the date must be a real one. */
  dialog = wy_meetings_page_new_meeting (page);
  form = wy_row_dialog_get_form (dialog);
  wy_test_type_into (form, "title", "领导小组调度会");
  wy_test_type_into (form, "date", "2023-02-30");
  g_assert_cmpint (wy_row_dialog_add (dialog), ==, 0);
  g_assert_nonnull (wy_record_form_get_field_error (form, "date"));
  g_assert_cmpint (wy_store_count (store, WY_TABLE_MEETING), ==, n_meetings);
  wy_test_type_into (form, "date", "2023-03-10");
  meeting_id = wy_row_dialog_add (dialog);
  g_assert_cmpint (meeting_id, >, 0);
  wy_test_spin ();
  g_assert_cmpint (wy_meetings_page_get_selected_table (page), ==, WY_TABLE_MEETING);
  g_assert_cmpint (wy_meetings_page_get_selected_id (page), ==, meeting_id);
  g_assert_cmpuint (wy_meetings_page_get_n_follow_ups (page), ==, 0);

  /* Edit in place */
  form = wy_meetings_page_get_form (page);
  wy_test_type_into (form, "attendees", "住建局、民政局");
  g_assert_true (wy_record_form_commit_field (form, "attendees"));
  meeting = wy_store_get (store, WY_TABLE_MEETING, meeting_id, NULL);
  g_assert_cmpstr (wy_record_get (meeting, "attendees"), ==, "住建局、民政局");

  /* A decision becomes a task, linked back to the meeting. */
  dialog = wy_meetings_page_make_task (page);
  g_assert_cmpint (wy_row_dialog_add (dialog), ==, 0);  /* title required */
  form = wy_row_dialog_get_form (dialog);
  wy_test_type_into (form, "title", "督办：月底前完成门禁安装");
  wy_test_type_into (form, "deadline", "2023-03-31");
  wy_test_type_into (form, "lead_units", "某某街道办事处");
  task_id = wy_row_dialog_add (dialog);
  g_assert_cmpint (task_id, >, 0);
  wy_test_spin ();
  g_assert_cmpint (wy_store_count (store, WY_TABLE_TASK), ==, n_tasks + 1);
  task = wy_store_get (store, WY_TABLE_TASK, task_id, NULL);
  g_assert_cmpint (wy_record_get_int (task, "meeting_id", 0), ==, meeting_id);
  g_assert_false (wy_record_get_bool (task, "from_plan"));
  g_assert_cmpstr (wy_record_get (task, "status"), ==, WY_TASK_NOT_STARTED);
  g_assert_cmpstr (wy_record_get (task, "deadline"), ==, "2023-03-31");
  g_assert_cmpuint (wy_meetings_page_get_n_follow_ups (page), ==, 1);

  /* Delete the meeting (asked first), then undo. */
  question = wy_meetings_page_delete_selected (page);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  wy_test_spin ();
  g_assert_cmpint (wy_store_count (store, WY_TABLE_MEETING), ==, n_meetings);
  g_assert_cmpint (wy_meetings_page_get_selected_id (page), ==, 0);
  g_assert_nonnull (wy_meetings_page_get_undo_text (page));
  g_assert_true (wy_meetings_page_undo (page, &error));
  g_assert_no_error (error);
  wy_test_spin ();
  g_assert_cmpint (wy_store_count (store, WY_TABLE_MEETING), ==, n_meetings + 1);
  g_assert_cmpint (wy_meetings_page_get_selected_id (page), ==, meeting_id);
  g_clear_pointer (&task, wy_record_unref);
  task = wy_store_get (store, WY_TABLE_TASK, task_id, NULL);
  g_assert_cmpint (wy_record_get_int (task, "meeting_id", 0), ==, meeting_id);
  g_assert_cmpuint (wy_meetings_page_get_n_follow_ups (page), ==, 1);

  gtk_window_destroy (window);
}

static void
test_inspection_to_problem (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("problems.wuyou", 24, TODAY);
  g_autoptr(GPtrArray) inspections = wy_store_list (store, WY_TABLE_INSPECTION, 0, NULL);
  g_autoptr(WyRecord) problem = NULL;
  g_autoptr(GError) error = NULL;
  WyMeetingsPage *page = wy_meetings_page_new (store);
  GtkWindow *window = wy_test_show_in_window (GTK_WIDGET (page));
  WyRecord *inspection;
  GtkWindow *dialog;
  GtkWindow *question;
  WyRecordForm *form;
  gint64 inspection_id, problem_id;
  gint64 n_problems = wy_store_count (store, WY_TABLE_PROBLEM);
  gint64 n_inspections = wy_store_count (store, WY_TABLE_INSPECTION);
  guint follow_ups;
  GDate today;

  wy_test_date (&today, TODAY);
  wy_meetings_page_set_today (page, &today);
  g_assert_cmpuint (inspections->len, >, 0);
  inspection = g_ptr_array_index (inspections, 0);
  inspection_id = wy_record_get_id (inspection);

  wy_meetings_page_select (page, WY_TABLE_INSPECTION, inspection_id);
  g_assert_cmpint (wy_meetings_page_get_selected_table (page), ==, WY_TABLE_INSPECTION);
  follow_ups = wy_meetings_page_get_n_follow_ups (page);

  /* A finding becomes a rectification item: compound defaults to the
   * inspection's, raised on the inspection's day, linked back. */
  dialog = wy_meetings_page_make_problem (page);
  form = wy_row_dialog_get_form (dialog);
  {
    g_autofree char *compound = wy_record_form_get_value (form, "compound_id");

    g_assert_cmpstr (compound, ==, wy_record_get (inspection, "compound_id"));
  }
  g_assert_cmpint (wy_row_dialog_add (dialog), ==, 0);   /* description required */
  g_assert_nonnull (wy_record_form_get_field_error (form, "description"));
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, n_problems);
  wy_test_type_into (form, "description", "消防通道被占用");
  wy_test_type_into (form, "deadline", "2023-04-15");
  wy_test_type_into (form, "responsible_unit", "物业服务企业");
  problem_id = wy_row_dialog_add (dialog);
  g_assert_cmpint (problem_id, >, 0);
  wy_test_spin ();
  problem = wy_store_get (store, WY_TABLE_PROBLEM, problem_id, NULL);
  g_assert_cmpint (wy_record_get_int (problem, "inspection_id", 0), ==, inspection_id);
  g_assert_cmpstr (wy_record_get (problem, "status"), ==, WY_PROBLEM_PENDING);
  g_assert_cmpstr (wy_record_get (problem, "raised_date"), ==, wy_record_get (inspection, "date"));
  g_assert_cmpstr (wy_record_get (problem, "compound_id"), ==, wy_record_get (inspection, "compound_id"));
  g_assert_cmpuint (wy_meetings_page_get_n_follow_ups (page), ==, follow_ups + 1);

  /* New inspection, then delete and undo it. */
  dialog = wy_meetings_page_new_inspection (page);
  form = wy_row_dialog_get_form (dialog);
  wy_test_type_into (form, "inspector", "区住建局督查组");
  wy_test_type_into (form, "findings", "楼道堆放杂物");
  inspection_id = wy_row_dialog_add (dialog);
  g_assert_cmpint (inspection_id, >, 0);
  wy_test_spin ();
  g_assert_cmpint (wy_meetings_page_get_selected_id (page), ==, inspection_id);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_INSPECTION), ==, n_inspections + 1);

  question = wy_meetings_page_delete_selected (page);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  wy_test_spin ();
  g_assert_cmpint (wy_store_count (store, WY_TABLE_INSPECTION), ==, n_inspections);
  g_assert_nonnull (strstr (wy_meetings_page_get_undo_text (page), "楼道堆放杂物"));
  g_assert_true (wy_meetings_page_undo (page, &error));
  g_assert_no_error (error);
  wy_test_spin ();
  g_assert_cmpint (wy_store_count (store, WY_TABLE_INSPECTION), ==, n_inspections + 1);
  g_assert_cmpint (wy_meetings_page_get_selected_table (page), ==, WY_TABLE_INSPECTION);
  g_assert_cmpint (wy_meetings_page_get_selected_id (page), ==, inspection_id);

  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meetings-page/consultation-flag", test_consultation_flag);
  g_test_add_func ("/meetings-page/filters", test_filters);
  g_test_add_func ("/meetings-page/meeting-to-task", test_meeting_to_task);
  g_test_add_func ("/meetings-page/inspection-to-problem", test_inspection_to_problem);

  return g_test_run ();
}
