/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "wy-compound-detail.h"
#include "wy-compound-item.h"
#include "wy-compound-list.h"
#include "wy-compound-list-row.h"
#include "wy-compounds-page.h"
#include "wy-problem-dialog.h"
#include "wy-record-form.h"
#include "wy-test-util.h"
#include "wy-window.h"

#define DEMO_SIZE 40

typedef struct {
  char     *path;
  WyStore  *store;
  WyWindow *window;
  WyCompoundsPage *page;
} Fixture;

static void
spin_a_little (void)
{
  for (int i = 0; i < 30; i++)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  fixture->path = wy_test_tmp_path ("compounds.wuyou");
  wy_test_date (&today, "2023-03-15");
  g_assert_true (wy_demo_write (fixture->path, DEMO_SIZE, &today, &error));
  g_assert_no_error (error);

  fixture->store = wy_store_open (fixture->path, &error);
  g_assert_no_error (error);
  wy_store_set_operator (fixture->store, "Tester");

  fixture->window = wy_window_new (NULL, fixture->store);
  /* The Overview is the first page; these tests are about the list. */
  wy_window_show_page (fixture->window, "compounds");
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin_a_little ();
  fixture->page = wy_window_get_compounds_page (fixture->window);
  g_assert_nonnull (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin_a_little ();
  g_clear_object (&fixture->store);
  g_unlink (fixture->path);
  g_free (fixture->path);
}

static GPtrArray *
store_rows (WyStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = wy_store_list_compound_rows (store, &error);

  g_assert_no_error (error);
  return rows;
}

static void
test_frame (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *problems = wy_window_get_problems_page (fixture->window);

  /* Only pages that exist. */
  g_assert_nonnull (problems);
  g_assert_cmpstr (wy_window_get_page (fixture->window), ==, "compounds");
  wy_window_show_page (fixture->window, "problems");
  g_assert_cmpstr (wy_window_get_page (fixture->window), ==, "problems");
  wy_window_show_page (fixture->window, "no-such-page");
  g_assert_cmpstr (wy_window_get_page (fixture->window), ==, "problems");
  wy_window_show_page (fixture->window, "compounds");

  /* Every action of the menu and the shortcuts exists. */
  for (const char * const *name = (const char * const[]) { "new-ledger", "open-ledger", "save-copy",
                                                           "preferences", "search", "new-compound",
                                                           "new-problem", "delete-compound", "undo",
                                                           NULL };
       *name != NULL; name++)
    g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (fixture->window), *name));
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = store_rows (fixture->store);
  g_autofree char *expected = NULL;
  guint three_none = 0, pilots_three_none = 0;
  GListModel *model = wy_compounds_page_get_model (fixture->page);

  for (guint i = 0; i < rows->len; i++)
    {
      WyCompoundRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->category, WY_CATEGORY_THREE_NONE) == 0)
        {
          three_none++;
          if (row->pilot)
            pilots_three_none++;
        }
    }
  g_assert_cmpuint (three_none, >, 0);

  g_assert_cmpuint (wy_compounds_page_get_n_shown (fixture->page), ==, rows->len);
  expected = g_strdup_printf ("%u compounds", rows->len);
  g_assert_cmpstr (wy_compounds_page_get_count_text (fixture->page), ==, expected);

  gtk_drop_down_set_selected (wy_compounds_page_get_filter_widget (fixture->page, WY_COMPOUNDS_FILTER_CATEGORY), 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, three_none);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WyCompoundItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (wy_compound_item_get_category (item), ==, WY_CATEGORY_THREE_NONE);
    }
  g_free (expected);
  expected = g_strdup_printf ("%u of %u compounds", three_none, rows->len);
  g_assert_cmpstr (wy_compounds_page_get_count_text (fixture->page), ==, expected);

  /* Filters combine. */
  gtk_drop_down_set_selected (wy_compounds_page_get_filter_widget (fixture->page, WY_COMPOUNDS_FILTER_PILOT), 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, pilots_three_none);

  wy_compounds_page_reset_filters (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, rows->len);

  /* The community filter offers the chosen street's communities only. */
  gtk_drop_down_set_selected (wy_compounds_page_get_filter_widget (fixture->page, WY_COMPOUNDS_FILTER_STREET), 1);
  {
    g_autoptr(WyCompoundItem) first = g_list_model_get_item (model, 0);
    gint64 street = wy_compound_item_get_street_id (first);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(WyCompoundItem) item = g_list_model_get_item (model, i);

        g_assert_cmpint (wy_compound_item_get_street_id (item), ==, street);
      }
  }
  wy_compounds_page_reset_filters (fixture->page);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = store_rows (fixture->store);
  GListModel *model = wy_compounds_page_get_model (fixture->page);
  g_autoptr(WyCompoundItem) first = NULL;
  gint64 max = -1;

  for (guint i = 0; i < rows->len; i++)
    max = MAX (max, ((WyCompoundRow *) g_ptr_array_index (rows, i))->households);

  wy_compounds_page_sort_by (fixture->page, WY_COMPOUNDS_COLUMN_HOUSEHOLDS, GTK_SORT_DESCENDING);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpint (wy_compound_item_get_households (first), ==, max);

  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WyCompoundItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr(WyCompoundItem) b = g_list_model_get_item (model, i);

      g_assert_cmpint (wy_compound_item_get_households (a), >=, wy_compound_item_get_households (b));
    }
}

static void
test_search_and_select (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = store_rows (fixture->store);
  WyCompoundRow *target = g_ptr_array_index (rows, 3);
  g_autofree char *fragment = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *expected = NULL;
  guint matches = 0;
  WyCompoundDetail *detail;

  /* A fragment of a name: the first three characters. */
  fragment = g_utf8_substring (target->name, 0, MIN (3, g_utf8_strlen (target->name, -1)));
  folded = g_utf8_casefold (fragment, -1);
  for (guint i = 0; i < rows->len; i++)
    {
      WyCompoundRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = g_strconcat (row->name, "\n", row->address != NULL ? row->address : "", NULL);
      g_autofree char *folded_key = g_utf8_casefold (key, -1);

      if (strstr (folded_key, folded) != NULL)
        matches++;
    }
  g_assert_cmpuint (matches, >=, 1);

  /* Through the header bar's entry, as typing does (after its delay). */
  gtk_editable_set_text (wy_window_get_search_entry (fixture->window), fragment);
  {
    gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    while (wy_compounds_page_get_n_shown (fixture->page) != matches && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (wy_compounds_page_get_n_shown (fixture->page), ==, matches);
  expected = g_strdup_printf ("%u of %u compounds", matches, rows->len);
  g_assert_cmpstr (wy_compounds_page_get_count_text (fixture->page), ==, expected);

  /* Select: the detail shows it. */
  g_assert_true (wy_compounds_page_select_compound (fixture->page, target->id));
  g_assert_cmpint (wy_compounds_page_get_selected_id (fixture->page), ==, target->id);
  detail = wy_compounds_page_get_detail (fixture->page);
  g_assert_cmpint (wy_compound_detail_get_compound_id (detail), ==, target->id);
  g_assert_cmpstr (wy_compound_detail_get_title (detail), ==, target->name);
  g_assert_cmpuint (wy_compound_detail_get_n_targets (detail), ==, target->targets_total);

  /* Selecting a compound the search hides clears the search. */
  {
    WyCompoundRow *other = NULL;

    for (guint i = 0; i < rows->len && other == NULL; i++)
      {
        WyCompoundRow *row = g_ptr_array_index (rows, i);
        g_autofree char *key = g_strconcat (row->name, "\n", row->address != NULL ? row->address : "", NULL);
        g_autofree char *folded_key = g_utf8_casefold (key, -1);

        if (strstr (folded_key, folded) == NULL)
          other = row;
      }
    if (other != NULL)
      {
        g_assert_true (wy_compounds_page_select_compound (fixture->page, other->id));
        g_assert_cmpuint (wy_compounds_page_get_n_shown (fixture->page), ==, rows->len);
        g_assert_cmpstr (gtk_editable_get_text (wy_window_get_search_entry (fixture->window)), ==, "");
      }
  }
}

static gint64
select_first (Fixture *fixture)
{
  g_autoptr(WyCompoundItem) item = g_list_model_get_item (wy_compounds_page_get_model (fixture->page), 0);
  gint64 id = wy_compound_item_get_id (item);

  g_assert_true (wy_compounds_page_select_compound (fixture->page, id));
  return id;
}

static WyCompoundItem *
item_for (Fixture *fixture,
          gint64   id)
{
  GListModel *model = wy_compounds_page_get_model (fixture->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      WyCompoundItem *item = g_list_model_get_item (model, i);

      if (wy_compound_item_get_id (item) == id)
        return item;
      g_object_unref (item);
    }

  return NULL;
}

static void
test_edit_field (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 id = select_first (fixture);
  WyCompoundDetail *detail = wy_compounds_page_get_detail (fixture->page);
  WyRecordForm *form = wy_compound_detail_get_form_for (detail, "households");
  GtkWidget *entry;
  g_autoptr(WyRecord) record = NULL;
  g_autoptr(WyRecord) unchanged = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(WyCompoundItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  g_assert_nonnull (form);
  g_assert_cmpint (wy_record_form_get_record_id (form), ==, id);
  entry = wy_record_form_get_field_widget (form, "households");
  g_assert_true (GTK_IS_EDITABLE (entry));

  /* A valid value is written at once, with the operator in the audit. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "321");
  g_signal_emit_by_name (entry, "activate");
  spin_a_little ();

  record = wy_store_get (fixture->store, WY_TABLE_COMPOUND, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wy_record_get_int (record, "households", -1), ==, 321);

  audit = wy_store_list_audit (fixture->store, 20, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      WyAuditEntry *entry_row = g_ptr_array_index (audit, i);

      if (g_strcmp0 (entry_row->field, "households") == 0 && g_strcmp0 (entry_row->new_value, "321") == 0)
        {
          g_assert_cmpstr (entry_row->operator_name, ==, "Tester");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* The list's item shows it without a reload. */
  item = item_for (fixture, id);
  g_assert_nonnull (item);
  g_assert_cmpint (wy_compound_item_get_households (item), ==, 321);
  g_assert_cmpint (wy_compounds_page_get_selected_id (fixture->page), ==, id);

  /* An invalid value: the message beside the field, the store unchanged. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "-5");
  g_signal_emit_by_name (entry, "activate");
  spin_a_little ();
  g_assert_nonnull (wy_record_form_get_field_error (form, "households"));
  unchanged = wy_store_get (fixture->store, WY_TABLE_COMPOUND, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wy_record_get_int (unchanged, "households", -1), ==, 321);
}

static void
test_add_and_sign_off_problem (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 id = select_first (fixture);
  WyCompoundDetail *detail = wy_compounds_page_get_detail (fixture->page);
  guint before = wy_compound_detail_get_n_problems (detail);
  g_autoptr(WyCompoundItem) item = item_for (fixture, id);
  guint open_before = wy_compound_item_get_open_problems (item);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GList *toplevels;
  WyRecordForm *form;
  gint64 problem_id;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "new-problem", NULL);
  spin_a_little ();
  dialog = NULL;
  toplevels = gtk_window_list_toplevels ();
  for (GList *it = toplevels; it != NULL; it = it->next)
    if (it->data != fixture->window && gtk_window_get_transient_for (it->data) == GTK_WINDOW (fixture->window) &&
        wy_problem_dialog_get_form (it->data) != NULL)
      dialog = it->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);

  form = wy_problem_dialog_get_form (dialog);
  wy_record_form_set_value (form, "description", "Broken stairwell light");
  wy_record_form_set_value (form, "raised_date", "2023-03-01");
  wy_record_form_set_value (form, "deadline", "2030-03-01");
  wy_record_form_set_value (form, "responsible_unit", "Street maintenance team");
  g_assert_true (wy_problem_dialog_add (dialog));
  problem_id = wy_problem_dialog_get_problem_id (dialog);
  g_assert_cmpint (problem_id, >, 0);
  gtk_window_destroy (dialog);
  spin_a_little ();

  g_assert_cmpuint (wy_compound_detail_get_n_problems (detail), ==, before + 1);
  g_assert_cmpuint (wy_compound_item_get_open_problems (item), ==, open_before + 1);

  /* Signed off: still listed, no longer open. */
  /* Signed off the day it was raised (the dialog raises it today). */
  {
    g_autoptr(WyRecord) raised = wy_store_get (fixture->store, WY_TABLE_PROBLEM, problem_id, &error);
    GDate raised_day;

    wy_test_date (&raised_day, wy_record_get (raised, "raised_date"));
    g_assert_true (wy_problem_sign_off (fixture->store, problem_id, wy_record_get (raised, "raised_date"),
                                        "Inspector Li", &raised_day, &error));
  }
  g_assert_no_error (error);
  spin_a_little ();
  g_assert_cmpuint (wy_compound_detail_get_n_problems (detail), ==, before + 1);
  g_assert_cmpuint (wy_compound_item_get_open_problems (item), ==, open_before);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = store_rows (fixture->store);
  g_autoptr(GPtrArray) problems_before = NULL;
  g_autoptr(GPtrArray) problems_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WyCompoundRow) back = NULL;
  WyCompoundRow *target = NULL;
  g_autofree char *name = NULL;
  guint total = rows->len;

  /* A compound with problems. */
  for (guint i = 0; i < rows->len && target == NULL; i++)
    {
      g_autoptr(GPtrArray) problems = wy_store_list_problem_rows (fixture->store,
                                                                  ((WyCompoundRow *) g_ptr_array_index (rows, i))->id,
                                                                  NULL);
      if (problems != NULL && problems->len > 0)
        target = g_ptr_array_index (rows, i);
    }
  g_assert_nonnull (target);
  name = g_strdup (target->name);
  problems_before = wy_store_list_problem_rows (fixture->store, target->id, NULL);

  g_assert_true (wy_compounds_page_select_compound (fixture->page, target->id));
  g_assert_true (wy_window_delete_compound (fixture->window, target->id, &error));
  g_assert_no_error (error);
  spin_a_little ();

  g_assert_cmpuint (wy_compounds_page_get_n_total (fixture->page), ==, total - 1);
  g_assert_null (wy_store_get_compound_row (fixture->store, target->id, NULL));
  g_assert_nonnull (wy_window_get_undo_notice (fixture->window));
  g_assert_nonnull (strstr (wy_window_get_undo_notice (fixture->window), name));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "undo"));

  /* Ctrl+Z's action: everything back, selected. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "undo", NULL);
  spin_a_little ();
  g_assert_cmpuint (wy_compounds_page_get_n_total (fixture->page), ==, total);
  back = wy_store_get_compound_row (fixture->store, target->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, name);
  problems_after = wy_store_list_problem_rows (fixture->store, target->id, NULL);
  g_assert_cmpuint (problems_after->len, ==, problems_before->len);
  g_assert_cmpint (wy_compounds_page_get_selected_id (fixture->page), ==, target->id);
  g_assert_null (wy_window_get_undo_notice (fixture->window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "undo"));
}

static void
test_new_compound (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) communities = wy_store_list (fixture->store, WY_TABLE_COMMUNITY, 0, NULL);
  WyRecord *community = g_ptr_array_index (communities, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  guint total = wy_compounds_page_get_n_total (fixture->page);
  gint64 id;

  id = wy_window_add_compound (fixture->window, "  Test Garden  ", wy_record_get_id (community),
                               WY_CATEGORY_THREE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (wy_compounds_page_get_n_total (fixture->page), ==, total + 1);
  g_assert_cmpint (wy_compounds_page_get_selected_id (fixture->page), ==, id);
  g_assert_cmpstr (wy_compound_detail_get_title (wy_compounds_page_get_detail (fixture->page)), ==, "Test Garden");
  statuses = wy_store_list (fixture->store, WY_TABLE_COMPOUND_TARGET, id, NULL);
  g_assert_cmpuint (statuses->len, >, 0);

  /* The same name in the same community is refused; nothing is added. */
  g_assert_cmpint (wy_window_add_compound (fixture->window, "Test Garden", wy_record_get_id (community),
                                           WY_CATEGORY_THREE_NONE, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_cmpuint (wy_compounds_page_get_n_total (fixture->page), ==, total + 1);
}

static WyCompoundList *
compound_list (Fixture *fixture)
{
  GtkWidget *list = wy_compounds_page_get_list_widget (fixture->page);

  g_assert_true (WY_IS_COMPOUND_LIST (list));
  return WY_COMPOUND_LIST (list);
}

static gint64
households_at (GListModel *model,
               guint       position)
{
  g_autoptr(WyCompoundItem) item = g_list_model_get_item (model, position);

  return wy_compound_item_get_households (item);
}

/* The header's buttons sort, as a click does, and say so. */
static void
test_header_sort (Fixture       *fixture,
                  gconstpointer  data)
{
  WyCompoundList *list = compound_list (fixture);
  GListModel *model = wy_compounds_page_get_model (fixture->page);
  GtkWidget *households = wy_compound_list_get_header_button (list, WY_COMPOUNDS_COLUMN_HOUSEHOLDS);
  GtkWidget *name = wy_compound_list_get_header_button (list, WY_COMPOUNDS_COLUMN_NAME);
  guint n = g_list_model_get_n_items (model);
  g_autofree char *message = NULL;

  g_assert_true (GTK_IS_BUTTON (households));
  g_assert_true (gtk_widget_get_focusable (households));
  g_assert_cmpuint (n, >, 2);
  g_assert_cmpint (wy_compound_list_get_sort_column (list), ==, WY_COMPOUNDS_N_COLUMNS);
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (households), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Sort by Households");
  g_assert_null (message);
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (households), GTK_ACCESSIBLE_PROPERTY_SORT,
                                                GTK_ACCESSIBLE_SORT_NONE);
  g_assert_null (message);

  /* First click: ascending. */
  g_signal_emit_by_name (households, "clicked");
  spin_a_little ();
  g_assert_cmpint (wy_compound_list_get_sort_column (list), ==, WY_COMPOUNDS_COLUMN_HOUSEHOLDS);
  g_assert_cmpint (wy_compound_list_get_sort_order (list), ==, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (households_at (model, i - 1), <=, households_at (model, i));
  g_assert_cmpint (households_at (model, 0), <, households_at (model, n - 1));
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (households), GTK_ACCESSIBLE_PROPERTY_SORT,
                                                GTK_ACCESSIBLE_SORT_ASCENDING);
  g_assert_null (message);

  /* Second click on the same header: descending. */
  g_signal_emit_by_name (households, "clicked");
  spin_a_little ();
  g_assert_cmpint (wy_compound_list_get_sort_order (list), ==, GTK_SORT_DESCENDING);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (households_at (model, i - 1), >=, households_at (model, i));
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (households), GTK_ACCESSIBLE_PROPERTY_SORT,
                                                GTK_ACCESSIBLE_SORT_DESCENDING);
  g_assert_null (message);

  /* Another header: ascending by it, and only it shows an order. */
  g_signal_emit_by_name (name, "clicked");
  spin_a_little ();
  g_assert_cmpint (wy_compound_list_get_sort_column (list), ==, WY_COMPOUNDS_COLUMN_NAME);
  g_assert_cmpint (wy_compound_list_get_sort_order (list), ==, GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(WyCompoundItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr(WyCompoundItem) b = g_list_model_get_item (model, i);

      g_assert_cmpint (g_utf8_collate (wy_compound_item_get_name (a), wy_compound_item_get_name (b)), <=, 0);
    }
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (households), GTK_ACCESSIBLE_PROPERTY_SORT,
                                                GTK_ACCESSIBLE_SORT_NONE);
  g_assert_null (message);

  /* The page's own call shows in the header too. */
  wy_compounds_page_sort_by (fixture->page, WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS, GTK_SORT_DESCENDING);
  g_assert_cmpint (wy_compound_list_get_sort_column (list), ==, WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS);
  g_assert_cmpint (wy_compound_list_get_sort_order (list), ==, GTK_SORT_DESCENDING);
}

/* The rows the list view has made, each one widget. */
static GPtrArray *
visible_rows (WyCompoundList *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (wy_compound_list_get_list_view (list)));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (WY_IS_COMPOUND_LIST_ROW (row) && wy_compound_list_row_get_item (WY_COMPOUND_LIST_ROW (row)) != NULL)
        g_ptr_array_add (rows, row);
    }

  return rows;
}

static WyCompoundListRow *
row_for (WyCompoundList *list,
         gint64          id)
{
  g_autoptr(GPtrArray) rows = visible_rows (list);

  for (guint i = 0; i < rows->len; i++)
    {
      WyCompoundListRow *row = g_ptr_array_index (rows, i);

      if (wy_compound_item_get_id (wy_compound_list_row_get_item (row)) == id)
        return row;
    }

  return NULL;
}

/* Each row reads its cells to a screen reader, lights in words. */
static void
test_row_label (Fixture       *fixture,
                gconstpointer  data)
{
  WyCompoundList *list = compound_list (fixture);
  g_autoptr(GPtrArray) rows = NULL;
  gboolean saw_light = FALSE;

  spin_a_little ();
  rows = visible_rows (list);
  g_assert_cmpuint (rows->len, >, 5);

  for (guint i = 0; i < rows->len; i++)
    {
      WyCompoundListRow *row = g_ptr_array_index (rows, i);
      WyCompoundItem *item = wy_compound_list_row_get_item (row);
      const WyCompoundRow *compound = wy_compound_item_get_row (item);
      const char *label = wy_compound_list_row_get_accessible_label (row);
      g_autofree char *start = g_strdup_printf ("%s, %s, ", compound->name, compound->community);
      g_autofree char *households = g_strdup_printf ("Households: %" G_GINT64_FORMAT, compound->households);
      g_autofree char *message = NULL;

      g_assert_nonnull (label);
      g_assert_true (g_str_has_prefix (label, start));
      g_assert_nonnull (strstr (label, households));
      if (compound->targets_total > 0)
        {
          g_autofree char *targets = g_strdup_printf ("Targets: %u/%u", compound->targets_met, compound->targets_total);

          g_assert_nonnull (strstr (label, targets));
        }
      if (compound->nearest_deadline != NULL)
        {
          WyLight light = wy_compound_item_get_deadline_light (item);
          g_autofree char *deadline = g_strdup_printf ("Next Deadline: %s, %s", compound->nearest_deadline,
                                                       wy_light_to_label (light));

          g_assert_nonnull (strstr (label, deadline));
          saw_light = TRUE;
        }

      /* What AT-SPI reads, on the row and on the list item around it. */
      message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      g_assert_null (message);
      message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (row))),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      g_assert_null (message);

      /* The cells the row draws. */
      g_assert_cmpstr (wy_compound_list_row_get_cell_text (row, WY_COMPOUNDS_COLUMN_NAME), ==, compound->name);
      g_assert_cmpstr (wy_compound_list_row_get_cell_text (row, WY_COMPOUNDS_COLUMN_TARGETS), ==,
                       wy_compound_item_get_target_marks_text (item));
    }
  g_assert_true (saw_light);

  /* The header buttons sit over the cells they sort. */
  for (guint position = 0; position < WY_COMPOUNDS_N_COLUMNS; position++)
    {
      int x, width;
      WyCompoundsColumn column = wy_compound_list_get_column_at (list, position, &x, &width, NULL);
      GtkWidget *button = wy_compound_list_get_header_button (list, column);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (g_ptr_array_index (rows, 0)), &bounds));
      g_assert_cmpfloat_with_epsilon (bounds.origin.x, x, 0.5);
      g_assert_cmpfloat_with_epsilon (bounds.size.width, width, 0.5);
    }
}

/* An edit shows in the compound's row at once, in the same row. */
static void
test_row_follows_edit (Fixture       *fixture,
                       gconstpointer  data)
{
  WyCompoundList *list = compound_list (fixture);
  gint64 id = select_first (fixture);
  WyCompoundListRow *row;
  g_autoptr(GError) error = NULL;

  spin_a_little ();
  row = row_for (list, id);
  g_assert_nonnull (row);

  g_assert_true (wy_store_update_field (fixture->store, WY_TABLE_COMPOUND, id, "households", "4321", &error));
  g_assert_no_error (error);
  spin_a_little ();

  g_assert_true (row_for (list, id) == row);
  g_assert_cmpstr (wy_compound_list_row_get_cell_text (row, WY_COMPOUNDS_COLUMN_HOUSEHOLDS), ==, "4321");
  g_assert_nonnull (strstr (wy_compound_list_row_get_accessible_label (row), "Households: 4321"));
  g_assert_cmpint (wy_compounds_page_get_selected_id (fixture->page), ==, id);
}

/* Several compounds changed and one deleted by edits elsewhere, before
 * the page looks: one sort and filter for all, and the list stays sorted. */
static void
test_many_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *model = wy_compounds_page_get_model (fixture->page);
  guint total = wy_compounds_page_get_n_total (fixture->page);
  g_autoptr(GError) error = NULL;
  gint64 ids[6], deleted;
  guint n;

  wy_compounds_page_sort_by (fixture->page, WY_COMPOUNDS_COLUMN_HOUSEHOLDS, GTK_SORT_ASCENDING);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(WyCompoundItem) item = g_list_model_get_item (model, i * 3);

      ids[i] = wy_compound_item_get_id (item);
    }
  {
    g_autoptr(WyCompoundItem) item = g_list_model_get_item (model, 1);

    deleted = wy_compound_item_get_id (item);
  }

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", 9000 - i);

      g_assert_true (wy_store_update_field (fixture->store, WY_TABLE_COMPOUND, ids[i], "households", value, &error));
      g_assert_no_error (error);
    }
  g_assert_true (wy_store_delete (fixture->store, WY_TABLE_COMPOUND, deleted, &error));
  g_assert_no_error (error);
  spin_a_little ();

  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (wy_compounds_page_get_n_total (fixture->page), ==, total - 1);
  g_assert_cmpuint (n, ==, total - 1);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (households_at (model, i - 1), <=, households_at (model, i));
  /* The largest now, in reverse order of the edits. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(WyCompoundItem) item = g_list_model_get_item (model, n - 1 - i);

      g_assert_cmpint (wy_compound_item_get_id (item), ==, ids[i]);
      g_assert_cmpint (wy_compound_item_get_households (item), ==, 9000 - i);
    }
  g_assert_null (item_for (fixture, deleted));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/compounds-page/frame", test_frame);
  ADD ("/compounds-page/filter", test_filter);
  ADD ("/compounds-page/sort", test_sort);
  ADD ("/compounds-page/search-and-select", test_search_and_select);
  ADD ("/compounds-page/edit-field", test_edit_field);
  ADD ("/compounds-page/add-and-sign-off-problem", test_add_and_sign_off_problem);
  ADD ("/compounds-page/delete-and-undo", test_delete_and_undo);
  ADD ("/compounds-page/new-compound", test_new_compound);
  ADD ("/compounds-page/header-sort", test_header_sort);
  ADD ("/compounds-page/row-label", test_row_label);
  ADD ("/compounds-page/row-follows-edit", test_row_follows_edit);
  ADD ("/compounds-page/many-changed", test_many_changed);

  return g_test_run ();
}
