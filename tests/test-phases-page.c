/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "wy-phases-page.h"
#include "wy-shift-plan-dialog.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"

#define TODAY "2023-03-15"

/* A new ledger on the source plan's own dates (2022-07-01 … 2023-12-31),
 * with one task of the users' own. */
static WyStore *
create_ledger (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = wy_test_tmp_path (name);
  g_autoptr(WyRecord) own = wy_record_new (WY_TABLE_TASK);
  WyStore *store = wy_store_create (path, NULL, &error);

  g_assert_no_error (error);
  wy_store_set_operator (store, "测试员");
  wy_record_set (own, "title", "督办事项");
  wy_record_set (own, "deadline", "2023-04-30");
  wy_record_set (own, "status", WY_TASK_NOT_STARTED);
  wy_record_set_bool (own, "from_plan", FALSE);
  g_assert_cmpint (wy_store_insert (store, own, &error), >, 0);
  g_assert_no_error (error);
  return store;
}

static WyPhasesPage *
show_page (WyStore    *store,
           const char *today_iso,
           GtkWindow **window)
{
  WyPhasesPage *page = wy_phases_page_new (store);
  GDate today;

  wy_test_date (&today, today_iso);
  wy_phases_page_set_today (page, &today);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1024, 700);
  gtk_window_set_child (*window, GTK_WIDGET (page));
  gtk_window_present (*window);
  wy_test_spin_until (wy_test_is_mapped, *window);
  return page;
}

static gint64
nth_id (WyStore *store,
        WyTable  table,
        gint64   parent_id,
        guint    n)
{
  g_autoptr(GPtrArray) rows = wy_store_list (store, table, parent_id, NULL);

  g_assert_cmpuint (rows->len, >, n);
  return wy_record_get_id (g_ptr_array_index (rows, n));
}

/* Every plan date, as "table:id:field=value" lines, to compare states. */
static char *
snapshot (WyStore *store)
{
  static const struct { WyTable table; const char *field; } dates[] = {
    { WY_TABLE_PHASE, "start_date" }, { WY_TABLE_PHASE, "end_date" },
    { WY_TABLE_MILESTONE, "due_date" }, { WY_TABLE_TASK, "deadline" },
  };
  GString *out = g_string_new (NULL);

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr(GPtrArray) rows = wy_store_list (store, dates[d].table, 0, NULL);

      for (guint i = 0; i < rows->len; i++)
        {
          WyRecord *row = g_ptr_array_index (rows, i);

          g_string_append_printf (out, "%d:%" G_GINT64_FORMAT ":%s=%s\n", dates[d].table,
                                  wy_record_get_id (row), dates[d].field,
                                  wy_record_get (row, dates[d].field));
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
due_text_mentions_problems (gpointer page)
{
  const char *text = wy_phases_page_get_due_text (page);

  return text != NULL && strstr (text, "rectification") != NULL;
}

static void
test_position (void)
{
  g_autoptr(WyStore) store = create_ledger ("position.wuyou");
  GtkWindow *window;
  WyPhasesPage *page = show_page (store, TODAY, &window);
  GDate today;

  g_assert_cmpstr (wy_phases_page_get_position_text (page), ==,
                   "Phase 3 · Full roll-out by category — 107 days left");
  g_assert_cmpint (wy_phases_page_get_current_phase (page), ==, nth_id (store, WY_TABLE_PHASE, 0, 2));

  /* Due by the phase's end (2023-06-30), overdue included: milestones of
   * 2022-08-31, 09-30, 09-30, 12-31 and 2023-06-30; the plan's tasks of
   * 2022-08-31 (two), 09-30, 12-31 and 2023-06-30, and the own task of
   * 2023-04-30. Nothing later, nothing done. */
  g_assert_cmpstr (wy_phases_page_get_due_text (page), ==,
                   "Still to do by the end of this phase (2023-06-30), overdue included: 5 milestones, 6 tasks");
  g_assert_true (wy_phases_page_set_milestone_done (page, nth_id (store, WY_TABLE_MILESTONE, 0, 0), TRUE, NULL));
  {
    WyRecord *problem = wy_record_new (WY_TABLE_PROBLEM);
    gint64 district = wy_test_add_named (store, WY_TABLE_DISTRICT, NULL, 0, "示范区");
    gint64 street = wy_test_add_named (store, WY_TABLE_STREET, "district_id", district, "青松街道");
    gint64 community = wy_test_add_named (store, WY_TABLE_COMMUNITY, "street_id", street, "东门社区");
    WyRecord *compound = wy_record_new (WY_TABLE_COMPOUND);

    wy_record_set_int (compound, "community_id", community);
    wy_record_set (compound, "name", "纺织厂宿舍");
    wy_record_set (compound, "category", WY_CATEGORY_SELF_MANAGED);
    wy_record_set_int (problem, "compound_id", wy_test_insert (store, compound));
    wy_record_set (problem, "category", "other");
    wy_record_set (problem, "description", "楼道堆放杂物");
    wy_record_set (problem, "raised_date", "2023-03-01");
    wy_record_set (problem, "deadline", "2023-06-30");
    wy_record_set (problem, "status", WY_PROBLEM_PENDING);
    wy_test_insert (store, problem);
  }
  /* The page counts again once the burst of changes is over. */
  wy_test_spin_until (due_text_mentions_problems, page);
  g_assert_cmpstr (wy_phases_page_get_due_text (page), ==,
                   "Still to do by the end of this phase (2023-06-30), overdue included: 4 milestones, 6 tasks, 1 rectification item");

  wy_test_date (&today, "2022-06-01");
  wy_phases_page_set_today (page, &today);
  g_assert_cmpstr (wy_phases_page_get_position_text (page), ==,
                   "Before the plan: it starts on 2022-07-01, in 30 days");
  g_assert_cmpint (wy_phases_page_get_current_phase (page), ==, 0);
  g_assert_null (wy_phases_page_get_due_text (page));

  wy_test_date (&today, "2022-09-30");
  wy_phases_page_set_today (page, &today);
  g_assert_cmpstr (wy_phases_page_get_position_text (page), ==,
                   "Phase 1 · Mobilisation and assistance pairing — its last day");

  wy_test_date (&today, "2024-01-02");
  wy_phases_page_set_today (page, &today);
  g_assert_cmpstr (wy_phases_page_get_position_text (page), ==,
                   "The plan ended on 2023-12-31, 2 days ago");

  /* A phase's end edited elsewhere moves the count at once. */
  wy_test_date (&today, TODAY);
  wy_phases_page_set_today (page, &today);
  g_assert_true (wy_store_update_field (store, WY_TABLE_PHASE, nth_id (store, WY_TABLE_PHASE, 0, 2),
                                        "end_date", "2023-03-25", NULL));
  g_assert_cmpstr (wy_phases_page_get_position_text (page), ==,
                   "Phase 3 · Full roll-out by category — 10 days left");

  gtk_window_destroy (window);
  wy_test_spin_for (20);
}

static void
test_milestones (void)
{
  g_autoptr(WyStore) store = create_ledger ("milestones.wuyou");
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  WyPhasesPage *page = show_page (store, TODAY, &window);
  gint64 phase_id = nth_id (store, WY_TABLE_PHASE, 0, 2);
  gint64 id = nth_id (store, WY_TABLE_MILESTONE, phase_id, 0);
  gint64 n_milestones = wy_store_count (store, WY_TABLE_MILESTONE);
  GtkWidget *done;
  GtkWidget *due;
  gint64 added;

  g_assert_cmpuint (wy_phases_page_get_n_milestones (page), ==, n_milestones);
  g_assert_cmpint (wy_phases_page_get_milestone_light (page, id), ==, WY_LIGHT_GREEN);
  /* Phase 1's milestones are past and not done: red. */
  g_assert_cmpint (wy_phases_page_get_milestone_light (page, nth_id (store, WY_TABLE_MILESTONE,
                                                                     nth_id (store, WY_TABLE_PHASE, 0, 0), 0)),
                   ==, WY_LIGHT_RED);

  /* Done: written with today's date; the light says done. */
  done = wy_phases_page_get_milestone_widget (page, id, "done");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (done), TRUE);
  {
    g_autoptr(WyRecord) milestone = wy_store_get (store, WY_TABLE_MILESTONE, id, NULL);

    g_assert_true (wy_record_get_bool (milestone, "done"));
    g_assert_cmpstr (wy_record_get (milestone, "done_date"), ==, TODAY);
  }
  g_assert_cmpint (wy_phases_page_get_milestone_light (page, id), ==, WY_LIGHT_DONE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (done), FALSE);
  {
    g_autoptr(WyRecord) milestone = wy_store_get (store, WY_TABLE_MILESTONE, id, NULL);

    g_assert_false (wy_record_get_bool (milestone, "done"));
    g_assert_null (wy_record_get (milestone, "done_date"));
  }

  /* A due date five days ahead: yellow. An impossible one: refused. */
  due = wy_phases_page_get_milestone_widget (page, id, "due_date");
  gtk_editable_set_text (GTK_EDITABLE (due), "2023-03-20");
  g_signal_emit_by_name (due, "activate");
  {
    g_autoptr(WyRecord) milestone = wy_store_get (store, WY_TABLE_MILESTONE, id, NULL);

    g_assert_cmpstr (wy_record_get (milestone, "due_date"), ==, "2023-03-20");
  }
  g_assert_cmpint (wy_phases_page_get_milestone_light (page, id), ==, WY_LIGHT_YELLOW);
  gtk_editable_set_text (GTK_EDITABLE (due), "2023-02-30");
  g_signal_emit_by_name (due, "activate");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  {
    g_autoptr(WyRecord) milestone = wy_store_get (store, WY_TABLE_MILESTONE, id, NULL);

    g_assert_cmpstr (wy_record_get (milestone, "due_date"), ==, "2023-03-20");
  }

  /* Add and remove. */
  added = wy_phases_page_add_milestone (page, phase_id, "分类施策方案印发", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_MILESTONE), ==, n_milestones + 1);
  g_assert_cmpuint (wy_phases_page_get_n_milestones (page), ==, n_milestones + 1);
  {
    g_autoptr(WyRecord) milestone = wy_store_get (store, WY_TABLE_MILESTONE, added, NULL);
    g_autoptr(WyRecord) phase = wy_store_get (store, WY_TABLE_PHASE, phase_id, NULL);

    g_assert_cmpstr (wy_record_get (milestone, "due_date"), ==, wy_record_get (phase, "end_date"));
  }
  g_assert_nonnull (wy_phases_page_get_milestone_widget (page, added, "name"));
  g_assert_true (wy_phases_page_remove_milestone (page, added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_MILESTONE), ==, n_milestones);
  g_assert_cmpuint (wy_phases_page_get_n_milestones (page), ==, n_milestones);
  g_assert_null (wy_phases_page_get_milestone_widget (page, added, "name"));

  gtk_window_destroy (window);
  wy_test_spin_for (20);
}

static void
test_shift (void)
{
  g_autoptr(WyStore) store = create_ledger ("shift.wuyou");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (store);
  GtkWindow *window;
  WyPhasesPage *page = show_page (store, TODAY, &window);
  WyShiftPlanDialog *dialog;
  GPtrArray *preview;
  guint n_dates = 0;

  /* Phases (start and end), milestones, the plan's tasks; not our own. */
  n_dates = 2 * wy_store_count (store, WY_TABLE_PHASE) + wy_store_count (store, WY_TABLE_MILESTONE) +
            (wy_store_count (store, WY_TABLE_TASK) - 1);

  dialog = wy_phases_page_open_shift_dialog (page);
  wy_test_spin_until (wy_test_is_mapped, dialog);
  g_assert_cmpint (wy_shift_plan_dialog_get_days (dialog), ==, 0);

  /* An impossible date: the message, no preview, nothing to apply. */
  wy_shift_plan_dialog_set_start_text (dialog, "2023-13-01");
  g_assert_nonnull (wy_shift_plan_dialog_get_error (dialog));
  g_assert_cmpuint (wy_shift_plan_dialog_get_preview (dialog)->len, ==, 0);

  wy_shift_plan_dialog_set_start_text (dialog, "2023-01-01");
  g_assert_null (wy_shift_plan_dialog_get_error (dialog));
  g_assert_cmpint (wy_shift_plan_dialog_get_days (dialog), ==, 184);
  preview = wy_shift_plan_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->len, ==, n_dates);
  for (guint i = 0; i < preview->len; i++)
    {
      WyShiftPreviewEntry *entry = g_ptr_array_index (preview, i);
      g_autofree char *expected = wy_date_iso_add_days (entry->old_date, 184);

      g_assert_cmpstr (entry->new_date, ==, expected);
      g_assert_cmpstr (strstr (entry->what, "督办事项"), ==, NULL);
    }
  {
    WyShiftPreviewEntry *first = g_ptr_array_index (preview, 0);

    g_assert_cmpstr (first->old_date, ==, "2022-07-01");
    g_assert_cmpstr (first->new_date, ==, "2023-01-01");
  }

  /* Nothing written before Apply; Cancel writes nothing. */
  {
    g_autofree char *now = snapshot (store);

    g_assert_cmpstr (now, ==, before);
  }
  wy_shift_plan_dialog_cancel (dialog);
  wy_test_spin_for (20);
  {
    g_autofree char *now = snapshot (store);

    g_assert_cmpstr (now, ==, before);
  }

  /* Apply moves every plan date by 184 days, keeps our own task's. */
  dialog = wy_phases_page_open_shift_dialog (page);
  wy_shift_plan_dialog_set_start_text (dialog, "2023-01-01");
  g_assert_true (wy_shift_plan_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  wy_test_spin_for (50);
  {
    g_autoptr(GPtrArray) phases = wy_store_list (store, WY_TABLE_PHASE, 0, NULL);
    g_autoptr(GPtrArray) tasks = wy_store_list (store, WY_TABLE_TASK, 0, NULL);

    g_assert_cmpstr (wy_record_get (g_ptr_array_index (phases, 0), "start_date"), ==, "2023-01-01");
    g_assert_cmpstr (wy_record_get (g_ptr_array_index (phases, 3), "end_date"), ==, "2024-07-02");
    for (guint i = 0; i < tasks->len; i++)
      if (!wy_record_get_bool (g_ptr_array_index (tasks, i), "from_plan"))
        g_assert_cmpstr (wy_record_get (g_ptr_array_index (tasks, i), "deadline"), ==, "2023-04-30");
  }
  {
    g_autofree char *now = snapshot (store);

    g_assert_cmpstr (now, !=, before);
  }
  /* 2023-03-15 is now in phase 1 (2023-01-01 … 2023-03-31 + 184 days). */
  g_assert_cmpint (wy_phases_page_get_current_phase (page), ==, nth_id (store, WY_TABLE_PHASE, 0, 0));
  g_assert_nonnull (strstr (wy_phases_page_get_position_text (page), "Phase 1"));

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

  g_test_add_func ("/phases/position", test_position);
  g_test_add_func ("/phases/milestones", test_milestones);
  g_test_add_func ("/phases/shift", test_shift);

  return g_test_run ();
}
