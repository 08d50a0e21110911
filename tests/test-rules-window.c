/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>

#include "wy-compound-detail.h"
#include "wy-compounds-page.h"
#include "wy-delete-question.h"
#include "wy-due-page.h"
#include "wy-gui.h"
#include "wy-locations-dialog.h"
#include "wy-overview-page.h"
#include "wy-problem-item.h"
#include "wy-problem-dialog.h"
#include "wy-problem-editor.h"
#include "wy-problems-page.h"
#include "wy-record-form.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"
#include "wy-window.h"

/* Issue 12, points 5 and 6, as a user meets them in the window: limits
 * told beside the fields and refused when broken; rectification items,
 * street offices and communities deleted after a question, with undo. */

#define DEMO_SIZE 12

typedef struct {
  char     *path;
  WyStore  *store;
  WyWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  f->path = wy_test_tmp_path ("rules.wuyou");
  wy_test_date (&today, "2023-03-15");
  g_assert_true (wy_demo_write (f->path, DEMO_SIZE, &today, &error));
  g_assert_no_error (error);
  f->store = wy_store_open (f->path, &error);
  g_assert_no_error (error);
  wy_store_set_operator (f->store, "Tester");

  f->window = wy_window_new (NULL, f->store);
  wy_window_show_page (f->window, "compounds");
  gtk_window_present (GTK_WINDOW (f->window));
  wy_test_spin_for (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  wy_test_spin_for (50);
  g_clear_object (&f->store);
  g_unlink (f->path);
  g_free (f->path);
}

/* The toplevel transient for parent that is of type, or NULL. */
static GtkWindow *
find_toplevel (GtkWindow *parent,
               GType      type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *it = toplevels; it != NULL; it = it->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (it->data, type) &&
        (parent == NULL || gtk_window_get_transient_for (it->data) == parent))
      found = it->data;
  g_list_free (toplevels);
  return found;
}

/* A click on a button, as GtkButton reports it. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wy_test_spin ();
}

/* Clicks the question's button for response. */
static void
answer_question (int response)
{
  GtkWindow *question = wy_delete_question_get_open ();
  GtkWidget *button;

  g_assert_nonnull (question);
  button = gtk_dialog_get_widget_for_response (GTK_DIALOG (question), response);
  g_assert_nonnull (button);
  click (button);
  wy_test_spin_for (50);
  g_assert_null (wy_delete_question_get_open ());
}

static char *
question_text (void)
{
  GtkWindow *question = wy_delete_question_get_open ();
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  g_assert_nonnull (question);
  g_object_get (question, "text", &primary, "secondary-text", &secondary, NULL);
  return g_strconcat (primary, "\n", secondary, NULL);
}

static gint64
first_compound_with_problems (Fixture *f,
                              guint    at_least)
{
  g_autoptr(GPtrArray) rows = wy_store_list_compound_rows (f->store, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = ((WyCompoundRow *) g_ptr_array_index (rows, i))->id;
      g_autoptr(GPtrArray) problems = wy_store_list_problem_rows (f->store, id, NULL);

      if (problems != NULL && problems->len >= at_least)
        return id;
    }
  g_assert_not_reached ();
}

static GtkWidget *find_problem_row (GtkWidget *widget,
                                    gint64     id);

/* --- Point 5 ------------------------------------------------------------- */

static void
test_limits_beside_fields (Fixture       *f,
                           gconstpointer  data)
{
  WyCompoundsPage *page = wy_window_get_compounds_page (f->window);
  WyCompoundDetail *detail = wy_compounds_page_get_detail (page);
  g_autoptr(GPtrArray) rows = wy_store_list_compound_rows (f->store, NULL);
  gint64 id = ((WyCompoundRow *) g_ptr_array_index (rows, 0))->id;
  g_autoptr(WyRecord) before = wy_store_get (f->store, WY_TABLE_COMPOUND, id, NULL);
  g_autoptr(WyRecord) after = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *this_year = NULL;
  g_autofree char *next_year = NULL;
  WyRecordForm *form;
  GtkWidget *entry;
  GDate today;

  g_assert_true (wy_compounds_page_select_compound (page, id));
  wy_test_spin_for (50);

  /* Every limit is told beside its field. */
  g_date_clear (&today, 1);
  wy_date_set_today (&today);
  this_year = g_strdup_printf ("%u", g_date_get_year (&today));
  next_year = g_strdup_printf ("%u", g_date_get_year (&today) + 1);
  form = wy_compound_detail_get_form_for (detail, "name");
  g_assert_cmpstr (wy_record_form_get_field_hint (form, "name"), ==, "Required, at most 60 characters");
  form = wy_compound_detail_get_form_for (detail, "year_built");
  g_assert_nonnull (strstr (wy_record_form_get_field_hint (form, "year_built"), "1900"));
  g_assert_nonnull (strstr (wy_record_form_get_field_hint (form, "year_built"), this_year));
  form = wy_compound_detail_get_form_for (detail, "buildings");
  g_assert_cmpstr (wy_record_form_get_field_hint (form, "buildings"), ==, "0 to 500");
  form = wy_compound_detail_get_form_for (detail, "households");
  g_assert_cmpstr (wy_record_form_get_field_hint (form, "households"), ==, "0 to 20000");
  form = wy_compound_detail_get_form_for (detail, "address");
  g_assert_cmpstr (wy_record_form_get_field_hint (form, "address"), ==, "At most 120 characters");

  /* Typed past a limit and Enter: the message beside it, nothing saved. */
  for (guint i = 0; i < 490; i++)
    g_string_append (name, "名");
  form = wy_compound_detail_get_form_for (detail, "name");
  entry = wy_record_form_get_field_widget (form, "name");
  gtk_widget_grab_focus (entry);
  wy_test_type_into (form, "name", name->str);
  g_signal_emit_by_name (entry, "activate");
  wy_test_spin ();
  g_assert_nonnull (wy_record_form_get_field_error (form, "name"));
  g_assert_nonnull (strstr (wy_record_form_get_field_error (form, "name"), "490"));
  wy_test_type_into (form, "name", wy_record_get (before, "name"));
  g_signal_emit_by_name (entry, "activate");

  form = wy_compound_detail_get_form_for (detail, "year_built");
  entry = wy_record_form_get_field_widget (form, "year_built");
  wy_test_type_into (form, "year_built", next_year);
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (wy_record_form_get_field_error (form, "year_built"));
  wy_test_type_into (form, "year_built", "1899");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (wy_record_form_get_field_error (form, "year_built"));
  wy_test_type_into (form, "year_built", this_year);
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (wy_record_form_get_field_error (form, "year_built"));

  form = wy_compound_detail_get_form_for (detail, "buildings");
  entry = wy_record_form_get_field_widget (form, "buildings");
  wy_test_type_into (form, "buildings", "501");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (wy_record_form_get_field_error (form, "buildings"));
  wy_test_spin ();

  after = wy_store_get (f->store, WY_TABLE_COMPOUND, id, NULL);
  g_assert_cmpstr (wy_record_get (after, "name"), ==, wy_record_get (before, "name"));
  g_assert_cmpstr (wy_record_get (after, "buildings"), ==, wy_record_get (before, "buildings"));
  g_assert_cmpstr (wy_record_get (after, "year_built"), ==, this_year);
}

/* The New Compound dialog tells the name's limit in its entries. */
static void
test_new_compound_tells_limits (Fixture       *f,
                                gconstpointer  data)
{
  GtkWindow *dialog = NULL;
  GList *toplevels;
  GtkWidget *entry;

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-compound", NULL);
  wy_test_spin_for (50);
  toplevels = gtk_window_list_toplevels ();
  for (GList *it = toplevels; it != NULL; it = it->next)
    if (gtk_window_get_transient_for (it->data) == GTK_WINDOW (f->window) &&
        g_strcmp0 (gtk_window_get_title (it->data), "New Compound") == 0)
      dialog = it->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);

  entry = wy_gui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "Required, at most 60 characters");
  gtk_window_destroy (dialog);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A 490-character name from an older ledger reads (three lines, then
 * "…") without pushing the detail's buttons out of the pane. */
static void
test_long_old_name_fits (Fixture       *f,
                         gconstpointer  data)
{
  WyCompoundsPage *page = wy_window_get_compounds_page (f->window);
  WyCompoundDetail *detail = wy_compounds_page_get_detail (page);
  g_autoptr(GPtrArray) rows = wy_store_list_compound_rows (f->store, NULL);
  gint64 id = ((WyCompoundRow *) g_ptr_array_index (rows, 0))->id;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *sql = NULL;
  GtkWidget *button;
  graphene_rect_t bounds;
  sqlite3 *db;

  for (guint i = 0; i < 490; i++)
    g_string_append (name, "长");
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE compound SET name = '%s' WHERE id = %" G_GINT64_FORMAT, name->str, id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  wy_compounds_page_reload (page);
  g_assert_true (wy_compounds_page_select_compound (page, id));
  wy_compound_detail_reload (detail);
  wy_test_spin_for (200);
  g_assert_cmpstr (wy_compound_detail_get_title (detail), ==, name->str);

  button = find_action_button (GTK_WIDGET (detail), "win.delete-compound");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (detail), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (detail)));
  g_assert_cmpfloat (bounds.origin.y, <, 200);
}

static void
test_new_item_needs_deadline_and_unit (Fixture       *f,
                                       gconstpointer  data)
{
  WyCompoundsPage *page = wy_window_get_compounds_page (f->window);
  g_autoptr(GPtrArray) rows = wy_store_list_compound_rows (f->store, NULL);
  gint64 id = ((WyCompoundRow *) g_ptr_array_index (rows, 0))->id;
  gint64 n_before = wy_store_count (f->store, WY_TABLE_PROBLEM);
  GtkWindow *dialog;
  WyRecordForm *form;

  g_assert_true (wy_compounds_page_select_compound (page, id));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-problem", NULL);
  wy_test_spin_for (50);
  dialog = find_toplevel (GTK_WINDOW (f->window), WY_TYPE_PROBLEM_DIALOG);
  g_assert_nonnull (dialog);
  form = wy_problem_dialog_get_form (dialog);

  g_assert_cmpstr (wy_record_form_get_field_hint (form, "deadline"), ==, "Required");
  g_assert_cmpstr (wy_record_form_get_field_hint (form, "responsible_unit"), ==, "Required, at most 60 characters");

  /* Only a description: refused, the two messages beside their fields. */
  wy_test_type_into (form, "description", "Stairwell light broken");
  g_assert_false (wy_problem_dialog_add (dialog));
  g_assert_nonnull (wy_record_form_get_field_error (form, "deadline"));
  g_assert_nonnull (wy_record_form_get_field_error (form, "responsible_unit"));
  g_assert_cmpint (wy_store_count (f->store, WY_TABLE_PROBLEM), ==, n_before);

  wy_test_type_into (form, "responsible_unit", "Street maintenance team");
  wy_test_type_into (form, "deadline", "2099-03-31");
  g_assert_true (wy_problem_dialog_add (dialog));
  g_assert_cmpint (wy_store_count (f->store, WY_TABLE_PROBLEM), ==, n_before + 1);
  gtk_window_destroy (dialog);
}

static void
test_sign_off_date_in_editor (Fixture       *f,
                              gconstpointer  data)
{
  WyProblemsPage *problems = WY_PROBLEMS_PAGE (wy_window_get_problems_page (f->window));
  WyProblemEditor *editor = wy_problems_page_get_editor (problems);
  g_autoptr(WyRecord) problem = NULL;
  g_autoptr(WyRecord) item = wy_record_new (WY_TABLE_PROBLEM);
  g_autoptr(GError) error = NULL;
  GDate today;
  gint64 id;

  wy_record_set_int (item, "compound_id", first_compound_with_problems (f, 0));
  wy_record_set (item, "category", "other");
  wy_record_set (item, "description", "Gate lock broken");
  wy_record_set (item, "responsible_unit", "Community office");
  wy_record_set (item, "raised_date", "2023-03-10");
  wy_record_set (item, "deadline", "2023-03-31");
  wy_record_set (item, "status", WY_PROBLEM_FIXED);
  id = wy_store_insert (f->store, item, &error);
  g_assert_no_error (error);

  wy_window_show_page (f->window, "problems");
  wy_test_date (&today, "2023-03-15");
  wy_problems_page_set_today (problems, &today);
  wy_problems_page_reload (problems);
  wy_problems_page_select_problem (problems, id);
  wy_test_spin_for (50);

  click (wy_problem_editor_get_sign_off_button (editor));
  wy_test_spin ();
  g_assert_nonnull (wy_problem_editor_get_dialog (editor));
  wy_problem_editor_dialog_set_text (editor, "verifier", "Inspector Li");

  wy_problem_editor_dialog_set_text (editor, "date", "2023-03-16");   /* tomorrow */
  g_assert_false (wy_problem_editor_dialog_accept (editor));
  g_assert_nonnull (strstr (wy_problem_editor_dialog_get_error (editor), "future"));
  wy_problem_editor_dialog_set_text (editor, "date", "2023-03-09");   /* before raised */
  g_assert_false (wy_problem_editor_dialog_accept (editor));
  g_assert_nonnull (strstr (wy_problem_editor_dialog_get_error (editor), "2023-03-10"));
  wy_problem_editor_dialog_set_text (editor, "date", "2023-03-15");   /* today */
  g_assert_true (wy_problem_editor_dialog_accept (editor));

  problem = wy_store_get (f->store, WY_TABLE_PROBLEM, id, NULL);
  g_assert_cmpstr (wy_record_get (problem, "signed_off_date"), ==, "2023-03-15");
}

static gboolean
overview_loaded (gpointer page)
{
  return !wy_overview_page_is_loading (page) && wy_overview_page_get_figures (page) != NULL;
}

/* An item of an older ledger with no deadline: "No deadline" in the
 * Problems list and the compound's list, counted apart on the Overview
 * and the Due page. */
static void
test_no_deadline_counted_apart (Fixture       *f,
                                gconstpointer  data)
{
  WyProblemsPage *problems = WY_PROBLEMS_PAGE (wy_window_get_problems_page (f->window));
  WyCompoundsPage *page = wy_window_get_compounds_page (f->window);
  WyDuePage *due = WY_DUE_PAGE (wy_window_get_page_widget (f->window, "due"));
  WyOverviewPage *overview = WY_OVERVIEW_PAGE (wy_window_get_page_widget (f->window, "overview"));
  gint64 compound = first_compound_with_problems (f, 1);
  g_autoptr(GPtrArray) rows = wy_store_list_problem_rows (f->store, compound, NULL);
  WyProblemRow *target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  GListModel *model;
  GtkWidget *row = NULL;
  gboolean seen = FALSE;

  for (guint i = 0; i < rows->len && target == NULL; i++)
    if (g_strcmp0 (((WyProblemRow *) g_ptr_array_index (rows, i))->status, WY_PROBLEM_SIGNED_OFF) != 0)
      target = g_ptr_array_index (rows, i);
  g_assert_nonnull (target);
  /* What an older ledger holds (the forms no longer let it be cleared). */
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_PROBLEM, target->id, "deadline", NULL, &error));
  g_assert_no_error (error);

  wy_window_show_page (f->window, "problems");
  wy_problems_page_reload (problems);
  model = wy_problems_page_get_model (problems);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WyProblemItem) item = g_list_model_get_item (model, i);

      if (wy_problem_item_get_id (item) == target->id)
        {
          g_assert_cmpstr (wy_problem_item_get_light_label (item), ==, "No deadline");
          seen = TRUE;
        }
    }
  g_assert_true (seen);

  wy_window_show_page (f->window, "compounds");
  g_assert_true (wy_compounds_page_select_compound (page, compound));
  /* The compound's problem list is refilled after the store's signal:
   * wait for it rather than for a fixed time (a loaded machine took
   * longer than 50 ms). */
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      wy_test_spin_for (20);
      row = find_problem_row (GTK_WIDGET (wy_compounds_page_get_detail (page)), target->id);
      if (row != NULL &&
          strstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (gtk_widget_get_first_child (row)))),
                  "no deadline") != NULL)
        break;
    }
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (gtk_widget_get_first_child (row)))),
                            "no deadline"));

  wy_due_page_reload (due);
  g_assert_nonnull (wy_due_page_get_no_deadline_text (due));
  g_assert_nonnull (strstr (wy_due_page_get_no_deadline_text (due), "1 open rectification item has no deadline"));

  wy_window_show_page (f->window, "overview");
  wy_overview_page_reload (overview);
  wy_test_spin_until (overview_loaded, overview);
  g_assert_nonnull (wy_overview_page_get_figures (overview));
  g_assert_cmpuint (wy_overview_page_get_figures (overview)->problems_no_deadline, ==, 1);
  detail = wy_overview_figure_detail (wy_overview_page_get_figures (overview), WY_OVERVIEW_FIGURE_OPEN);
  g_assert_cmpstr (detail, ==, "1 without a deadline");
}

/* --- Point 6 ------------------------------------------------------------- */

static void
test_delete_item_from_problems_page (Fixture       *f,
                                     gconstpointer  data)
{
  WyProblemsPage *problems = WY_PROBLEMS_PAGE (wy_window_get_problems_page (f->window));
  WyProblemEditor *editor = wy_problems_page_get_editor (problems);
  gint64 compound = first_compound_with_problems (f, 1);
  g_autoptr(GPtrArray) rows = wy_store_list_problem_rows (f->store, compound, NULL);
  WyProblemRow *target = g_ptr_array_index (rows, 0);
  gint64 id = target->id;
  g_autofree char *description = g_strdup (target->description);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) updates_before = wy_store_list (f->store, WY_TABLE_PROBLEM_UPDATE, id, NULL);
  g_autoptr(GPtrArray) updates_after = NULL;
  g_autoptr(WyRecord) back = NULL;
  GtkWidget *column_view;

  wy_window_show_page (f->window, "problems");
  wy_problems_page_reload (problems);
  wy_problems_page_select_problem (problems, id);
  wy_test_spin_for (50);
  g_assert_cmpint (wy_problem_editor_get_problem_id (editor), ==, id);

  /* Delete in the list: asked first; Cancel keeps it. */
  column_view = wy_gui_find_descendant (GTK_WIDGET (problems), GTK_TYPE_COLUMN_VIEW);
  gtk_widget_grab_focus (column_view);
  g_assert_true (wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Delete, 0));
  text = question_text ();
  g_assert_nonnull (strstr (text, "Delete the rectification item"));
  answer_question (GTK_RESPONSE_CANCEL);
  g_assert_nonnull (wy_store_get (f->store, WY_TABLE_PROBLEM, id, NULL));

  /* The editor's Delete… button, then Delete: gone, with its progress. */
  click (wy_problem_editor_get_delete_button (editor));
  wy_test_spin ();
  answer_question (GTK_RESPONSE_ACCEPT);
  g_assert_null (wy_store_get (f->store, WY_TABLE_PROBLEM, id, NULL));
  g_assert_nonnull (wy_window_get_undo_notice (f->window));
  g_assert_nonnull (strstr (wy_window_get_undo_notice (f->window), description));

  /* Ctrl+Z: back, with its progress. */
  g_assert_true (wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK));
  wy_test_spin_for (50);
  back = wy_store_get (f->store, WY_TABLE_PROBLEM, id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (wy_record_get (back, "description"), ==, description);
  updates_after = wy_store_list (f->store, WY_TABLE_PROBLEM_UPDATE, id, NULL);
  g_assert_cmpuint (updates_after->len, ==, updates_before->len);
}

static GtkWidget *
find_problem_row (GtkWidget *widget,
                  gint64     id)
{
  if (GTK_IS_LIST_BOX_ROW (widget) &&
      (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "wy-problem-id")) == id)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_problem_row (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_delete_item_from_compound (Fixture       *f,
                                gconstpointer  data)
{
  WyCompoundsPage *page = wy_window_get_compounds_page (f->window);
  WyCompoundDetail *detail = wy_compounds_page_get_detail (page);
  gint64 compound = first_compound_with_problems (f, 1);
  g_autoptr(GPtrArray) rows = wy_store_list_problem_rows (f->store, compound, NULL);
  gint64 id = ((WyProblemRow *) g_ptr_array_index (rows, 0))->id;
  guint n_before;
  GtkWidget *row;

  g_assert_true (wy_compounds_page_select_compound (page, compound));
  wy_test_spin_for (50);
  n_before = wy_compound_detail_get_n_problems (detail);
  row = find_problem_row (GTK_WIDGET (detail), id);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_has_focus (row));

  g_assert_true (wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Delete, 0));
  answer_question (GTK_RESPONSE_ACCEPT);
  wy_test_spin_for (50);
  g_assert_null (wy_store_get (f->store, WY_TABLE_PROBLEM, id, NULL));
  g_assert_cmpuint (wy_compound_detail_get_n_problems (detail), ==, n_before - 1);

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  wy_test_spin_for (50);
  g_assert_nonnull (wy_store_get (f->store, WY_TABLE_PROBLEM, id, NULL));
  g_assert_cmpuint (wy_compound_detail_get_n_problems (detail), ==, n_before);
}

/* From the item's own window (opened from a compound's list): deleting
 * closes it, and Undo brings the item back. */
static void
test_delete_item_from_its_window (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 compound = first_compound_with_problems (f, 1);
  g_autoptr(GPtrArray) rows = wy_store_list_problem_rows (f->store, compound, NULL);
  gint64 id = ((WyProblemRow *) g_ptr_array_index (rows, 0))->id;
  GtkWindow *dialog = wy_problem_dialog_new (GTK_WINDOW (f->window), f->store, compound, id);
  WyProblemEditor *editor = wy_problem_dialog_get_editor (dialog);

  gtk_window_present (dialog);
  wy_test_spin_for (50);
  click (wy_problem_editor_get_delete_button (editor));
  g_assert_true (gtk_window_get_transient_for (wy_delete_question_get_open ()) == dialog);
  answer_question (GTK_RESPONSE_ACCEPT);
  wy_test_spin_for (50);
  g_assert_null (wy_store_get (f->store, WY_TABLE_PROBLEM, id, NULL));
  g_assert_null (find_toplevel (GTK_WINDOW (f->window), WY_TYPE_PROBLEM_DIALOG));
  g_assert_nonnull (wy_window_get_undo_notice (f->window));

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "undo", NULL);
  wy_test_spin_for (50);
  g_assert_nonnull (wy_store_get (f->store, WY_TABLE_PROBLEM, id, NULL));
}

static void
test_streets_and_communities (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) compounds = wy_store_list_compound_rows (f->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) full = NULL;
  g_autoptr(WyRecord) renamed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *row_text = NULL;
  WyLocationsDialog *dialog;
  GtkWindow *refusal;
  gint64 full_id, street_id, empty_id;
  guint n;

  full_id = ((WyCompoundRow *) g_ptr_array_index (compounds, 0))->community_id;
  full = wy_store_get (f->store, WY_TABLE_COMMUNITY, full_id, &error);
  g_assert_no_error (error);
  street_id = wy_record_get_int (full, "street_id", 0);
  empty_id = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", street_id, "Typo Comunity");
  n = wy_locations_count_compounds (f->store, WY_TABLE_COMMUNITY, full_id);
  g_assert_cmpuint (n, >, 0);

  /* From the main menu. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "manage-locations", NULL);
  wy_test_spin_for (50);
  dialog = (WyLocationsDialog *) find_toplevel (GTK_WINDOW (f->window), WY_TYPE_LOCATIONS_DIALOG);
  g_assert_nonnull (dialog);
  row_text = wy_locations_dialog_get_row_text (dialog, WY_TABLE_COMMUNITY, empty_id);
  g_assert_cmpstr (row_text, ==, "Typo Comunity  (0 compounds)");

  /* A community with compounds: Delete says how many, and keeps it. */
  g_assert_true (wy_locations_dialog_select (dialog, WY_TABLE_COMMUNITY, full_id));
  g_assert_true (wy_test_press_key (GTK_WINDOW (dialog), GDK_KEY_Delete, 0));
  refusal = wy_delete_question_get_open ();
  g_assert_nonnull (refusal);
  g_object_get (refusal, "secondary-text", &text, NULL);
  expected = g_strdup_printf ("still has %u compound", n);
  g_assert_nonnull (strstr (text, expected));
  answer_question (GTK_RESPONSE_CLOSE);
  g_assert_nonnull (wy_store_get (f->store, WY_TABLE_COMMUNITY, full_id, NULL));

  /* Rename the typo: type and Enter. Too long: the message beside it. */
  g_assert_true (wy_locations_dialog_select (dialog, WY_TABLE_COMMUNITY, empty_id));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wy_locations_dialog_get_name_entry (dialog))), ==, "Typo Comunity");
  gtk_editable_set_text (GTK_EDITABLE (wy_locations_dialog_get_name_entry (dialog)),
                         "A community name far too long to fit the form or the printed ledger at all, really");
  g_signal_emit_by_name (wy_locations_dialog_get_name_entry (dialog), "activate");
  g_assert_nonnull (wy_locations_dialog_get_error (dialog));
  gtk_editable_set_text (GTK_EDITABLE (wy_locations_dialog_get_name_entry (dialog)), "Typo Community");
  click (wy_locations_dialog_get_rename_button (dialog));
  wy_test_spin_for (50);
  g_assert_null (wy_locations_dialog_get_error (dialog));
  renamed = wy_store_get (f->store, WY_TABLE_COMMUNITY, empty_id, NULL);
  g_assert_cmpstr (wy_record_get (renamed, "name"), ==, "Typo Community");

  /* Delete it (no compounds): asked, deleted, then Ctrl+Z brings it back. */
  g_assert_true (wy_locations_dialog_select (dialog, WY_TABLE_COMMUNITY, empty_id));
  click (wy_locations_dialog_get_delete_button (dialog));
  wy_test_spin ();
  g_clear_pointer (&text, g_free);
  text = question_text ();
  g_assert_nonnull (strstr (text, "Typo Community"));
  answer_question (GTK_RESPONSE_ACCEPT);
  wy_test_spin_for (50);
  g_assert_null (wy_store_get (f->store, WY_TABLE_COMMUNITY, empty_id, NULL));
  g_assert_null (wy_locations_dialog_get_row_text (dialog, WY_TABLE_COMMUNITY, empty_id));

  g_assert_true (wy_test_press_key (GTK_WINDOW (dialog), GDK_KEY_z, GDK_CONTROL_MASK));
  wy_test_spin_for (50);
  g_assert_nonnull (wy_store_get (f->store, WY_TABLE_COMMUNITY, empty_id, NULL));
  g_clear_pointer (&row_text, g_free);
  row_text = wy_locations_dialog_get_row_text (dialog, WY_TABLE_COMMUNITY, empty_id);
  g_assert_nonnull (row_text);

  gtk_window_destroy (GTK_WINDOW (dialog));
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

  ADD ("/rules-window/limits-beside-fields", test_limits_beside_fields);
  ADD ("/rules-window/new-compound-tells-limits", test_new_compound_tells_limits);
  ADD ("/rules-window/long-old-name-fits", test_long_old_name_fits);
  ADD ("/rules-window/new-item-needs-deadline-and-unit", test_new_item_needs_deadline_and_unit);
  ADD ("/rules-window/sign-off-date-in-editor", test_sign_off_date_in_editor);
  ADD ("/rules-window/no-deadline-counted-apart", test_no_deadline_counted_apart);
  ADD ("/rules-window/delete-item-from-problems-page", test_delete_item_from_problems_page);
  ADD ("/rules-window/delete-item-from-compound", test_delete_item_from_compound);
  ADD ("/rules-window/delete-item-from-its-window", test_delete_item_from_its_window);
  ADD ("/rules-window/streets-and-communities", test_streets_and_communities);

  return g_test_run ();
}
