/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "wy-assistance-page.h"
#include "wy-funding-view.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"

#define TODAY "2023-03-15"

/* Communities without an open unit, counted the slow way. */
static guint
count_without_unit (WyStore *store)
{
  g_autoptr(GPtrArray) communities = wy_store_list (store, WY_TABLE_COMMUNITY, 0, NULL);
  g_autoptr(GPtrArray) units = wy_store_list (store, WY_TABLE_ASSISTANCE_UNIT, 0, NULL);
  guint n = 0;

  for (guint c = 0; c < communities->len; c++)
    {
      gboolean found = FALSE;

      for (guint u = 0; u < units->len; u++)
        {
          WyRecord *unit = g_ptr_array_index (units, u);

          if (!wy_record_get_bool (unit, "closed") &&
              wy_record_get_int (unit, "community_id", 0) == wy_record_get_id (g_ptr_array_index (communities, c)))
            found = TRUE;
        }
      n += found ? 0 : 1;
    }
  return n;
}

static void
test_flags (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("flags.wuyou", 24, TODAY);
  g_autoptr(GArray) ending = NULL;
  g_autoptr(WyRecord) unit = NULL;
  g_autofree char *edge = NULL;
  g_autofree char *past_edge = NULL;
  WyAssistancePage *page = wy_assistance_page_new (store);
  GtkWindow *window = wy_test_show_in_window (GTK_WIDGET (page));
  guint days = wy_store_get_warning_days (store);
  GDate today;
  gint64 unit_id;
  guint before;

  wy_test_date (&today, TODAY);
  wy_assistance_page_set_today (page, &today);
  ending = wy_store_terms_ending (store, &today, days, NULL);
  g_assert_cmpuint (wy_assistance_page_get_n_units (page), ==, wy_store_count (store, WY_TABLE_ASSISTANCE_UNIT));
  g_assert_cmpuint (wy_assistance_page_get_n_terms_ending (page), ==, ending->len);
  g_assert_cmpuint (wy_assistance_page_get_n_without_unit (page), ==, count_without_unit (store));
  g_assert_nonnull (wy_assistance_page_get_terms_text (page));
  g_assert_nonnull (wy_assistance_page_get_without_text (page));

  /* A term ending at the window's edge is flagged (yellow); one day
   * later it is not (green). */
  before = wy_assistance_page_get_n_terms_ending (page);
  {
    g_autoptr(GPtrArray) units = wy_store_list (store, WY_TABLE_ASSISTANCE_UNIT, 0, NULL);

    unit_id = 0;
    for (guint i = 0; i < units->len && unit_id == 0; i++)
      {
        WyRecord *row = g_ptr_array_index (units, i);

        if (!wy_record_get_bool (row, "closed") &&
            wy_light_compute_iso (wy_record_get (row, "end_date"), FALSE, &today, days) == WY_LIGHT_GREEN)
          unit_id = wy_record_get_id (row);
      }
  }
  g_assert_cmpint (unit_id, >, 0);
  edge = wy_date_iso_add_days (TODAY, (int) days);
  past_edge = wy_date_iso_add_days (TODAY, (int) days + 1);

  g_assert_true (wy_store_update_field (store, WY_TABLE_ASSISTANCE_UNIT, unit_id, "end_date", edge, NULL));
  wy_assistance_page_reload (page);
  g_assert_cmpuint (wy_assistance_page_get_n_terms_ending (page), ==, before + 1);
  g_assert_cmpint (wy_assistance_page_get_light (page, unit_id), ==, WY_LIGHT_YELLOW);

  g_assert_true (wy_store_update_field (store, WY_TABLE_ASSISTANCE_UNIT, unit_id, "end_date", past_edge, NULL));
  wy_assistance_page_reload (page);
  g_assert_cmpuint (wy_assistance_page_get_n_terms_ending (page), ==, before);
  g_assert_cmpint (wy_assistance_page_get_light (page, unit_id), ==, WY_LIGHT_GREEN);

  /* "This quarter": TODAY is in the first quarter, which ends on 31
   * March; a term ending then counts, one ending on 1 April does not. */
  {
    guint quarter_before;

    g_assert_true (wy_store_update_field (store, WY_TABLE_ASSISTANCE_UNIT, unit_id, "end_date", "2023-04-01", NULL));
    wy_assistance_page_reload (page);
    quarter_before = wy_assistance_page_get_n_terms_this_quarter (page);
    g_assert_cmpuint (quarter_before, >=, before);
    g_assert_true (wy_store_update_field (store, WY_TABLE_ASSISTANCE_UNIT, unit_id, "end_date", "2023-03-31", NULL));
    wy_assistance_page_reload (page);
    g_assert_cmpuint (wy_assistance_page_get_n_terms_this_quarter (page), ==, quarter_before + 1);
    g_assert_cmpuint (wy_assistance_page_get_n_terms_ending (page), ==, before);
    g_assert_nonnull (strstr (wy_assistance_page_get_terms_text (page), "2023-03-31"));
  }

  /* Closing the term: done, never late, and no longer flagged. */
  g_assert_true (wy_store_update_field (store, WY_TABLE_ASSISTANCE_UNIT, unit_id, "end_date", "2023-01-01", NULL));
  g_assert_true (wy_store_update_field (store, WY_TABLE_ASSISTANCE_UNIT, unit_id, "closed", "1", NULL));
  wy_assistance_page_reload (page);
  g_assert_cmpint (wy_assistance_page_get_light (page, unit_id), ==, WY_LIGHT_DONE);
  g_assert_cmpuint (wy_assistance_page_get_n_terms_ending (page), ==, before);
  g_assert_cmpuint (wy_assistance_page_get_n_without_unit (page), ==, count_without_unit (store));

  /* Search */
  unit = wy_store_get (store, WY_TABLE_ASSISTANCE_UNIT, unit_id, NULL);
  wy_assistance_page_set_search_text (page, wy_record_get (unit, "name"));
  g_assert_cmpuint (wy_assistance_page_get_n_shown (page), >=, 1);
  g_assert_cmpuint (wy_assistance_page_get_n_shown (page), <, wy_assistance_page_get_n_units (page));
  wy_assistance_page_set_search_text (page, "");
  g_assert_cmpuint (wy_assistance_page_get_n_shown (page), ==, wy_assistance_page_get_n_units (page));

  gtk_window_destroy (window);
}

static void
test_term_end (void)
{
  g_autofree char *plain = wy_assistance_term_end ("2022-09-01");
  g_autofree char *leap = wy_assistance_term_end ("2024-02-29");

  g_assert_cmpstr (plain, ==, "2024-09-01");
  g_assert_cmpstr (leap, ==, "2026-02-28");
  g_assert_null (wy_assistance_term_end ("2022-02-30"));
}

static void
test_add_edit_delete_undo (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("units.wuyou", 24, TODAY);
  g_autoptr(WyRecord) added = NULL;
  g_autoptr(GError) error = NULL;
  WyAssistancePage *page = wy_assistance_page_new (store);
  GtkWindow *window = wy_test_show_in_window (GTK_WIDGET (page));
  GtkWindow *dialog;
  GtkWindow *question;
  WyRecordForm *form;
  gint64 n_units = wy_store_count (store, WY_TABLE_ASSISTANCE_UNIT);
  gint64 id;
  GDate today;

  wy_test_date (&today, TODAY);
  wy_assistance_page_set_today (page, &today);

  /* New unit: the name is required; nothing is written without it. */
  dialog = wy_assistance_page_new_unit (page);
  form = wy_row_dialog_get_form (dialog);
  g_assert_cmpint (wy_row_dialog_add (dialog), ==, 0);
  g_assert_nonnull (wy_record_form_get_field_error (form, "name"));
  g_assert_cmpint (wy_store_count (store, WY_TABLE_ASSISTANCE_UNIT), ==, n_units);

  /* An end before the start is refused too. */
  wy_test_type_into (form, "name", "市测试局");
  wy_test_type_into (form, "end_date", "2023-01-01");
  g_assert_cmpint (wy_row_dialog_add (dialog), ==, 0);
  g_assert_nonnull (wy_row_dialog_get_error (dialog));
  g_assert_cmpint (wy_store_count (store, WY_TABLE_ASSISTANCE_UNIT), ==, n_units);

  /* Without an end: two years after the start. */
  wy_test_type_into (form, "end_date", "");
  id = wy_row_dialog_add (dialog);
  g_assert_cmpint (id, >, 0);
  wy_test_spin ();
  added = wy_store_get (store, WY_TABLE_ASSISTANCE_UNIT, id, NULL);
  g_assert_cmpstr (wy_record_get (added, "start_date"), ==, TODAY);
  g_assert_cmpstr (wy_record_get (added, "end_date"), ==, "2025-03-15");
  g_assert_cmpint (wy_assistance_page_get_selected_unit (page), ==, id);
  g_assert_cmpuint (wy_assistance_page_get_n_units (page), ==, n_units + 1);

  /* Editing in the detail form; a bad date is refused in place. */
  form = wy_assistance_page_get_form (page);
  wy_test_type_into (form, "contact_name", "王主任");
  g_assert_true (wy_record_form_commit_field (form, "contact_name"));
  wy_test_type_into (form, "end_date", "2025-02-30");
  g_assert_false (wy_record_form_commit_field (form, "end_date"));
  g_clear_pointer (&added, wy_record_unref);
  added = wy_store_get (store, WY_TABLE_ASSISTANCE_UNIT, id, NULL);
  g_assert_cmpstr (wy_record_get (added, "contact_name"), ==, "王主任");
  g_assert_cmpstr (wy_record_get (added, "end_date"), ==, "2025-03-15");

  /* A dated activity */
  g_assert_cmpuint (wy_assistance_page_get_n_activities (page), ==, 0);
  dialog = wy_assistance_page_add_activity (page);
  g_assert_cmpint (wy_row_dialog_add (dialog), ==, 0);  /* description required */
  wy_test_type_into (wy_row_dialog_get_form (dialog), "description", "走访社区，协调安装门禁");
  g_assert_cmpint (wy_row_dialog_add (dialog), >, 0);
  wy_test_spin ();
  g_assert_cmpuint (wy_assistance_page_get_n_activities (page), ==, 1);

  /* Delete, asked first; Cancel keeps it. */
  question = wy_assistance_page_delete_unit (page);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_ASSISTANCE_UNIT), ==, n_units + 1);
  question = wy_assistance_page_delete_unit (page);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  wy_test_spin ();
  g_assert_cmpint (wy_store_count (store, WY_TABLE_ASSISTANCE_UNIT), ==, n_units);
  g_assert_cmpint (wy_assistance_page_get_selected_unit (page), ==, 0);
  g_assert_nonnull (wy_assistance_page_get_undo_text (page));
  g_assert_nonnull (strstr (wy_assistance_page_get_undo_text (page), "市测试局"));

  /* Undo brings the unit and its activity back. */
  g_assert_true (wy_assistance_page_undo (page, &error));
  g_assert_no_error (error);
  wy_test_spin ();
  g_assert_null (wy_assistance_page_get_undo_text (page));
  g_assert_cmpint (wy_store_count (store, WY_TABLE_ASSISTANCE_UNIT), ==, n_units + 1);
  g_assert_cmpint (wy_assistance_page_get_selected_unit (page), ==, id);
  g_assert_cmpuint (wy_assistance_page_get_n_activities (page), ==, 1);

  gtk_window_destroy (window);
}

static void
test_funding_view (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("funding.wuyou", 24, TODAY);
  g_autoptr(GPtrArray) compounds = wy_store_list (store, WY_TABLE_COMPOUND, 0, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  WyFundingView *view = wy_funding_view_new (store);
  GtkWindow *window = wy_test_show_in_window (GTK_WIDGET (view));
  gint64 compound_id = wy_record_get_id (g_ptr_array_index (compounds, 0));
  GtkWindow *dialog;
  WyRecordForm *form;
  double total;
  guint n;
  gint64 id;

  wy_funding_view_set_compound (view, compound_id);
  rows = wy_store_list (store, WY_TABLE_FUNDING, compound_id, NULL);
  g_assert_cmpuint (wy_funding_view_get_n_records (view), ==, rows->len);
  total = wy_funding_view_get_total (view);
  n = rows->len;

  /* The amount must be more than zero. */
  dialog = wy_funding_view_add_funding (view);
  form = wy_row_dialog_get_form (dialog);
  wy_test_type_into (form, "amount", "0");
  wy_test_type_into (form, "purpose", "安装门禁");
  g_assert_cmpint (wy_row_dialog_add (dialog), ==, 0);
  g_assert_nonnull (wy_row_dialog_get_error (dialog));
  wy_test_type_into (form, "amount", "-3");
  g_assert_cmpint (wy_row_dialog_add (dialog), ==, 0);
  g_assert_nonnull (wy_record_form_get_field_error (form, "amount"));
  g_assert_cmpuint (wy_funding_view_get_n_records (view), ==, n);

  wy_test_type_into (form, "amount", "2500.5");
  id = wy_row_dialog_add (dialog);
  g_assert_cmpint (id, >, 0);
  wy_test_spin ();
  g_assert_cmpuint (wy_funding_view_get_n_records (view), ==, n + 1);
  g_assert_cmpfloat_with_epsilon (wy_funding_view_get_total (view), total + 2500.5, 0.001);
  {
    g_autofree char *expected = g_strdup_printf ("Total: ¥%.2f", total + 2500.5);

    g_assert_cmpstr (wy_funding_view_get_total_text (view), ==, expected);
  }

  g_assert_true (wy_funding_view_delete (view, id, &error));
  g_assert_no_error (error);
  wy_test_spin ();
  g_assert_cmpuint (wy_funding_view_get_n_records (view), ==, n);
  g_assert_cmpfloat_with_epsilon (wy_funding_view_get_total (view), total, 0.001);

  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assistance-page/flags", test_flags);
  g_test_add_func ("/assistance-page/term-end", test_term_end);
  g_test_add_func ("/assistance-page/add-edit-delete-undo", test_add_edit_delete_undo);
  g_test_add_func ("/funding-view/add-validate-delete", test_funding_view);

  return g_test_run ();
}
