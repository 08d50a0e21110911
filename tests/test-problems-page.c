/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gtk/gtk.h>

#include "wy-problem-dialog.h"
#include "wy-problem-editor.h"
#include "wy-problem-item.h"
#include "wy-problems-page.h"
#include "wy-record-form.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"

#define DEMO_SIZE 24
#define TODAY "2023-03-15"

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static WyStore *
open_demo_ledger_of_size (const char *name,
                          guint       size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = wy_test_tmp_path (name);
  WyStore *store;
  GDate today;

  wy_test_date (&today, TODAY);
  g_assert_true (wy_demo_write (path, size, &today, &error));
  g_assert_no_error (error);

  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  wy_store_set_operator (store, "测试员");
  return store;
}

static WyStore *
open_demo_ledger (const char *name)
{
  return open_demo_ledger_of_size (name, DEMO_SIZE);
}

static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1024, 700);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  wy_test_spin_until (wy_test_is_mapped, window);
  return window;
}

static guint
count_audit (WyStore *store)
{
  g_autoptr(GPtrArray) audit = wy_store_list_audit (store, 0, NULL);

  g_assert_nonnull (audit);
  return audit->len;
}

static gint64
first_id (WyStore *store,
          WyTable  table,
          gint64   parent_id)
{
  g_autoptr(GPtrArray) rows = wy_store_list (store, table, parent_id, NULL);

  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, >, 0);
  return wy_record_get_id (g_ptr_array_index (rows, 0));
}

static char *
stored_value (WyStore    *store,
              WyTable     table,
              gint64      id,
              const char *field)
{
  g_autoptr(WyRecord) record = wy_store_get (store, table, id, NULL);

  g_assert_nonnull (record);
  return g_strdup (wy_record_get (record, field));
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* --- The record form ----------------------------------------------------- */

static void
test_record_form_writes_and_refuses (void)
{
  g_autoptr(WyStore) store = open_demo_ledger ("form.wuyou");
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *households = NULL;
  g_autofree char *founded = NULL;
  WyRecordForm *form;
  GtkWindow *window;
  GtkWidget *entry;
  WyAuditEntry *newest;
  gint64 compound_id = first_id (store, WY_TABLE_COMPOUND, 0);
  guint n_audit;

  form = wy_record_form_new (store, WY_TABLE_COMPOUND, NULL);
  wy_record_form_set_record_id (form, compound_id);
  window = show_in_window (GTK_WIDGET (form));

  /* Every field has a widget with the field's label as accessible name;
   * the parent reference (community) is shown too when asked for, not by
   * default. */
  g_assert_nonnull (wy_record_form_get_field_widget (form, "name"));
  g_assert_nonnull (wy_record_form_get_field_widget (form, "pilot"));
  g_assert_true (GTK_IS_TEXT_VIEW (wy_record_form_get_field_widget (form, "notes")));
  g_assert_true (GTK_IS_DROP_DOWN (wy_record_form_get_field_widget (form, "category")));
  g_assert_null (wy_record_form_get_field_widget (form, "community_id"));

  /* A valid value: written at once (Enter), with an audit entry naming
   * the operator. */
  n_audit = count_audit (store);
  entry = wy_record_form_get_field_widget (form, "households");
  gtk_editable_set_text (GTK_EDITABLE (entry), "1234");
  g_signal_emit_by_name (entry, "activate");
  households = stored_value (store, WY_TABLE_COMPOUND, compound_id, "households");
  g_assert_cmpstr (households, ==, "1234");
  g_assert_null (wy_record_form_get_field_error (form, "households"));
  g_assert_cmpuint (count_audit (store), ==, n_audit + 1);
  audit = wy_store_list_audit (store, 1, NULL);
  newest = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (newest->field, ==, "households");
  g_assert_cmpstr (newest->new_value, ==, "1234");
  g_assert_cmpstr (newest->operator_name, ==, "测试员");

  /* The same value again writes nothing. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (count_audit (store), ==, n_audit + 1);

  /* A negative count: refused, typed text kept, marked, store unchanged. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "-5");
  g_assert_false (wy_record_form_commit_field (form, "households"));
  g_assert_nonnull (wy_record_form_get_field_error (form, "households"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "-5");
  g_clear_pointer (&households, g_free);
  households = stored_value (store, WY_TABLE_COMPOUND, compound_id, "households");
  g_assert_cmpstr (households, ==, "1234");
  g_assert_cmpuint (count_audit (store), ==, n_audit + 1);

  /* A date that does not exist. */
  founded = stored_value (store, WY_TABLE_COMPOUND, compound_id, "owners_org_date");
  entry = wy_record_form_get_field_widget (form, "owners_org_date");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2023-02-30");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (wy_record_form_get_field_error (form, "owners_org_date"));
  {
    g_autofree char *after = stored_value (store, WY_TABLE_COMPOUND, compound_id, "owners_org_date");

    g_assert_cmpstr (after, ==, founded);
  }
  g_assert_cmpuint (count_audit (store), ==, n_audit + 1);

  /* Correcting it clears the message. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "2023-02-28");
  g_assert_true (wy_record_form_commit_field (form, "owners_org_date"));
  g_assert_null (wy_record_form_get_field_error (form, "owners_org_date"));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpuint (count_audit (store), ==, n_audit + 2);

  /* A check button writes on toggle. */
  {
    GtkWidget *pilot = wy_record_form_get_field_widget (form, "pilot");
    gboolean was = gtk_check_button_get_active (GTK_CHECK_BUTTON (pilot));
    g_autoptr(WyRecord) record = NULL;

    gtk_check_button_set_active (GTK_CHECK_BUTTON (pilot), !was);
    record = wy_store_get (store, WY_TABLE_COMPOUND, compound_id, NULL);
    g_assert_cmpint (wy_record_get_bool (record, "pilot"), ==, !was);
  }

  /* A change made elsewhere shows in the form. */
  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, compound_id, "address", "幸福路 1 号", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wy_record_form_get_field_widget (form, "address"))),
                   ==, "幸福路 1 号");

  gtk_window_destroy (window);
  spin_for (20);
}

/* --- The new-item dialog ------------------------------------------------- */

static void
test_problem_dialog_adds (void)
{
  g_autoptr(WyStore) store = open_demo_ledger ("dialog.wuyou");
  gint64 compound_id = first_id (store, WY_TABLE_COMPOUND, 0);
  gint64 n_before = wy_store_count (store, WY_TABLE_PROBLEM);
  WyRecordForm *form;
  GtkWindow *dialog;
  gint64 id;

  dialog = wy_problem_dialog_new (NULL, store, compound_id, 0);
  gtk_window_present (dialog);
  wy_test_spin_until (wy_test_is_mapped, dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "New Rectification Item");

  form = wy_problem_dialog_get_form (dialog);
  g_assert_nonnull (form);

  /* No description: refused, with the message next to the field. */
  g_assert_false (wy_problem_dialog_add (dialog));
  g_assert_nonnull (wy_record_form_get_field_error (form, "description"));
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, n_before);
  g_assert_cmpint (wy_problem_dialog_get_problem_id (dialog), ==, 0);

  type_into (wy_record_form_get_field_widget (form, "description"), "3 号楼楼道灯不亮");
  type_into (wy_record_form_get_field_widget (form, "responsible_unit"), "社区居委会");
  type_into (wy_record_form_get_field_widget (form, "deadline"), "2099-12-31");
  g_assert_true (wy_problem_dialog_add (dialog));
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, n_before + 1);

  id = wy_problem_dialog_get_problem_id (dialog);
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (wy_problem_dialog_get_editor (dialog));
  {
    g_autoptr(WyRecord) problem = wy_store_get (store, WY_TABLE_PROBLEM, id, NULL);

    g_assert_cmpstr (wy_record_get (problem, "description"), ==, "3 号楼楼道灯不亮");
    g_assert_cmpstr (wy_record_get (problem, "status"), ==, WY_PROBLEM_PENDING);
    g_assert_cmpint (wy_record_get_int (problem, "compound_id", 0), ==, compound_id);
    g_assert_nonnull (wy_record_get (problem, "raised_date"));
  }

  gtk_window_destroy (dialog);
  spin_for (20);
}

/* --- The editor ---------------------------------------------------------- */

static gint64
find_open_problem (WyStore *store)
{
  g_autoptr(GPtrArray) problems = wy_store_list (store, WY_TABLE_PROBLEM, 0, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      WyRecord *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (wy_record_get (problem, "status"), WY_PROBLEM_SIGNED_OFF) != 0 &&
          wy_record_get (problem, "raised_date") != NULL)
        return wy_record_get_id (problem);
    }

  g_assert_not_reached ();
  return 0;
}

/* The status drop-down offers 已销号 only for an item signed off: signing
 * off is the Sign Off… dialog's (issue 12, point 7). */
static gboolean
status_choices_have (GtkWidget  *drop_down,
                     const char *label)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return TRUE;
  return FALSE;
}

static void
test_problem_editor_status_choices (void)
{
  g_autoptr(WyStore) store = open_demo_ledger ("status-choices.wuyou");
  g_autoptr(GPtrArray) problems = wy_store_list (store, WY_TABLE_PROBLEM, 0, NULL);
  const WyFieldInfo *info = wy_schema_field (wy_schema_table (WY_TABLE_PROBLEM), "status");
  const char *signed_off = wy_schema_code_label (info, WY_PROBLEM_SIGNED_OFF);
  gint64 open_id = find_open_problem (store), signed_id = 0;
  WyProblemEditor *editor;
  GtkWidget *status;
  GtkWindow *window;

  for (guint i = 0; i < problems->len && signed_id == 0; i++)
    if (g_strcmp0 (wy_record_get (g_ptr_array_index (problems, i), "status"), WY_PROBLEM_SIGNED_OFF) == 0)
      signed_id = wy_record_get_id (g_ptr_array_index (problems, i));
  g_assert_cmpint (signed_id, >, 0);

  editor = wy_problem_editor_new (store);
  wy_problem_editor_set_problem_id (editor, open_id);
  window = show_in_window (GTK_WIDGET (editor));
  status = wy_record_form_get_field_widget (wy_problem_editor_get_form (editor), "status");

  g_assert_false (status_choices_have (status, signed_off));
  g_assert_true (status_choices_have (status, wy_schema_code_label (info, WY_PROBLEM_FIXED)));

  /* A signed-off item shows its status. */
  wy_problem_editor_set_problem_id (editor, signed_id);
  g_assert_true (status_choices_have (status, signed_off));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (status))),
                                               gtk_drop_down_get_selected (GTK_DROP_DOWN (status))),
                   ==, signed_off);

  wy_problem_editor_set_problem_id (editor, open_id);
  g_assert_false (status_choices_have (status, signed_off));

  gtk_window_destroy (window);
}

/* A compound put in a community created a moment before shows that
 * community at once, not "(none)" until the next page switch (issue 12,
 * point 7). */
static void
test_record_form_new_community (void)
{
  g_autoptr(WyStore) store = open_demo_ledger ("new-community.wuyou");
  const char * const fields[] = { "name", "community_id", NULL };
  gint64 street_id = first_id (store, WY_TABLE_STREET, 0);
  gint64 community_id, compound_id;
  g_autoptr(WyRecord) compound = wy_record_new (WY_TABLE_COMPOUND);
  WyRecordForm *form;
  GtkWindow *window;
  GtkWidget *drop_down;
  GListModel *model;
  guint pos;

  form = wy_record_form_new (store, WY_TABLE_COMPOUND, fields);
  wy_record_form_set_record_id (form, first_id (store, WY_TABLE_COMPOUND, 0));
  window = show_in_window (GTK_WIDGET (form));

  /* The community and the compound, then the compound shown before the
   * main loop runs again, as the New Compound dialog does. */
  community_id = wy_test_add_named (store, WY_TABLE_COMMUNITY, "street_id", street_id, "和平里社区");
  wy_record_set (compound, "name", "和平里小区");
  wy_record_set (compound, "category", WY_CATEGORY_THREE_NONE);
  wy_record_set_int (compound, "community_id", community_id);
  compound_id = wy_test_insert (store, g_steal_pointer (&compound));
  wy_record_form_set_record_id (form, compound_id);

  drop_down = wy_record_form_get_field_widget (form, "community_id");
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
  pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));
  g_assert_cmpuint (pos, !=, GTK_INVALID_LIST_POSITION);
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), pos), "和平里社区"));

  gtk_window_destroy (window);
}

static void
test_problem_editor_progress_and_sign_off (void)
{
  g_autoptr(WyStore) store = open_demo_ledger ("editor.wuyou");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *status_before = NULL;
  WyProblemEditor *editor;
  GtkWindow *window;
  gint64 id = find_open_problem (store);
  GDate today;

  /* The operator's name was asked for already (test-operator-name asks):
   * the store's operator writes the note. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source != NULL
      ? g_settings_schema_source_lookup (source, "io.github.wuyou.Wuyou", TRUE) : NULL;

    if (schema != NULL && g_settings_schema_has_key (schema, "operator-name-asked"))
      {
        g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

        g_settings_set_boolean (settings, "operator-name-asked", TRUE);
      }
  }

  wy_test_date (&today, TODAY);
  editor = wy_problem_editor_new (store);
  wy_problem_editor_set_today (editor, &today);
  wy_problem_editor_set_problem_id (editor, id);
  window = show_in_window (GTK_WIDGET (editor));

  g_assert_cmpint (wy_problem_editor_get_problem_id (editor), ==, id);
  g_assert_true (gtk_widget_get_visible (wy_problem_editor_get_sign_off_button (editor)));
  g_assert_false (gtk_widget_get_visible (wy_problem_editor_get_reopen_button (editor)));

  /* Progress is added, never overwritten. */
  before = wy_store_list (store, WY_TABLE_PROBLEM_UPDATE, id, NULL);
  g_assert_cmpuint (wy_problem_editor_get_n_updates (editor), ==, before->len);
  gtk_editable_set_text (GTK_EDITABLE (wy_problem_editor_get_progress_entry (editor)), "已联系施工队进场");
  g_assert_true (gtk_widget_get_sensitive (wy_problem_editor_get_add_progress_button (editor)));
  g_signal_emit_by_name (wy_problem_editor_get_add_progress_button (editor), "clicked");
  g_assert_null (wy_problem_editor_get_progress_error (editor));
  after = wy_store_list (store, WY_TABLE_PROBLEM_UPDATE, id, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpuint (wy_problem_editor_get_n_updates (editor), ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      WyRecord *old = g_ptr_array_index (before, i);
      g_autoptr(WyRecord) now = wy_store_get (store, WY_TABLE_PROBLEM_UPDATE, wy_record_get_id (old), NULL);

      g_assert_cmpstr (wy_record_get (now, "text"), ==, wy_record_get (old, "text"));
      g_assert_cmpstr (wy_record_get (now, "date"), ==, wy_record_get (old, "date"));
    }
  {
    WyRecord *added = g_ptr_array_index (after, after->len - 1);

    g_assert_cmpstr (wy_record_get (added, "text"), ==, "已联系施工队进场");
    g_assert_cmpstr (wy_record_get (added, "date"), ==, TODAY);
    g_assert_cmpstr (wy_record_get (added, "author"), ==, "测试员");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wy_problem_editor_get_progress_entry (editor))), ==, "");

  /* A deadline before the raised date is written only when confirmed. */
  {
    WyRecordForm *form = wy_problem_editor_get_form (editor);
    GtkWidget *deadline = wy_record_form_get_field_widget (form, "deadline");
    g_autofree char *old_deadline = stored_value (store, WY_TABLE_PROBLEM, id, "deadline");
    g_autofree char *kept = NULL;

    wy_store_update_field (store, WY_TABLE_PROBLEM, id, "raised_date", "2023-01-10", NULL);
    gtk_editable_set_text (GTK_EDITABLE (deadline), "2023-01-01");
    g_assert_false (wy_record_form_commit_field (form, "deadline"));
    g_assert_nonnull (wy_record_form_get_confirmation (form));
    wy_record_form_answer_confirmation (form, FALSE);
    g_assert_null (wy_record_form_get_confirmation (form));
    kept = stored_value (store, WY_TABLE_PROBLEM, id, "deadline");
    g_assert_cmpstr (kept, ==, old_deadline);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (deadline)), ==, old_deadline != NULL ? old_deadline : "");

    gtk_editable_set_text (GTK_EDITABLE (deadline), "2023-01-01");
    g_assert_false (wy_record_form_commit_field (form, "deadline"));
    wy_record_form_answer_confirmation (form, TRUE);
    g_clear_pointer (&kept, g_free);
    kept = stored_value (store, WY_TABLE_PROBLEM, id, "deadline");
    g_assert_cmpstr (kept, ==, "2023-01-01");
    g_assert_cmpint (wy_problem_editor_get_light (editor), ==, WY_LIGHT_RED);
  }

  /* The status drop-down cannot sign off: the store's message shows. */
  {
    WyRecordForm *form = wy_problem_editor_get_form (editor);
    GtkWidget *status = wy_record_form_get_field_widget (form, "status");
    g_autofree char *unchanged = NULL;

    status_before = stored_value (store, WY_TABLE_PROBLEM, id, "status");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (status), 3);  /* signed off */
    g_assert_nonnull (wy_record_form_get_field_error (form, "status"));
    unchanged = stored_value (store, WY_TABLE_PROBLEM, id, "status");
    g_assert_cmpstr (unchanged, ==, status_before);
    wy_record_form_set_record_id (form, id);
  }

  /* Sign-off without a verifier is refused. */
  g_signal_emit_by_name (wy_problem_editor_get_sign_off_button (editor), "clicked");
  g_assert_nonnull (wy_problem_editor_get_dialog (editor));
  wy_problem_editor_dialog_set_text (editor, "verifier", "  ");
  g_assert_false (wy_problem_editor_dialog_accept (editor));
  g_assert_nonnull (wy_problem_editor_dialog_get_error (editor));
  {
    g_autofree char *status = stored_value (store, WY_TABLE_PROBLEM, id, "status");

    g_assert_cmpstr (status, ==, status_before);
  }

  /* With one, the item is signed off on the day given (today by default). */
  wy_problem_editor_dialog_set_text (editor, "verifier", "王工");
  g_assert_true (wy_problem_editor_dialog_accept (editor));
  g_assert_null (wy_problem_editor_get_dialog (editor));
  {
    g_autoptr(WyRecord) problem = wy_store_get (store, WY_TABLE_PROBLEM, id, NULL);

    g_assert_cmpstr (wy_record_get (problem, "status"), ==, WY_PROBLEM_SIGNED_OFF);
    g_assert_cmpstr (wy_record_get (problem, "signed_off_date"), ==, TODAY);
    g_assert_cmpstr (wy_record_get (problem, "verifier"), ==, "王工");
  }
  g_assert_cmpint (wy_problem_editor_get_light (editor), ==, WY_LIGHT_DONE);
  g_assert_false (gtk_widget_get_visible (wy_problem_editor_get_sign_off_button (editor)));
  g_assert_true (gtk_widget_get_visible (wy_problem_editor_get_reopen_button (editor)));

  /* Reopening: status back, and a dated note saying so. */
  g_signal_emit_by_name (wy_problem_editor_get_reopen_button (editor), "clicked");
  wy_problem_editor_dialog_set_text (editor, "reason", "复查发现灯又坏了");
  g_assert_true (wy_problem_editor_dialog_accept (editor));
  {
    g_autoptr(WyRecord) problem = wy_store_get (store, WY_TABLE_PROBLEM, id, NULL);
    g_autoptr(GPtrArray) updates = wy_store_list (store, WY_TABLE_PROBLEM_UPDATE, id, NULL);
    WyRecord *last = g_ptr_array_index (updates, updates->len - 1);

    g_assert_cmpstr (wy_record_get (problem, "status"), !=, WY_PROBLEM_SIGNED_OFF);
    g_assert_null (wy_record_get (problem, "signed_off_date"));
    g_assert_cmpuint (updates->len, ==, after->len + 1);
    g_assert_cmpstr (wy_record_get (last, "date"), ==, TODAY);
    g_assert_nonnull (strstr (wy_record_get (last, "text"), "Reopened"));
    g_assert_nonnull (strstr (wy_record_get (last, "text"), "复查发现灯又坏了"));
  }
  g_assert_true (gtk_widget_get_visible (wy_problem_editor_get_sign_off_button (editor)));

  gtk_window_destroy (window);
  spin_for (20);
}

/* --- Sorting many items -------------------------------------------------- */

static const WyProblemSort *chain_columns;
static const gboolean *chain_descending;
static guint chain_length;

static int
compare_by_chain_cb (gconstpointer a,
                     gconstpointer b)
{
  WyProblemItem *ia = *(WyProblemItem **) a;
  WyProblemItem *ib = *(WyProblemItem **) b;
  gint64 ida = wy_problem_item_get_id (ia), idb = wy_problem_item_get_id (ib);

  for (guint i = 0; i < chain_length; i++)
    {
      int cmp = wy_problem_item_compare (ia, ib, chain_columns[i]);

      if (cmp != 0)
        return chain_descending[i] ? -cmp : cmp;
    }
  return (ida > idb) - (ida < idb);
}

/* The fast sort gives exactly the order of comparing item by item, for
 * every column, both directions, and a second column breaking ties. */
static void
test_problem_items_sort (void)
{
  g_autoptr(WyStore) store = open_demo_ledger ("sort.wuyou");
  g_autoptr(GPtrArray) rows = wy_store_list_problem_rows (store, 0, NULL);
  g_autoptr(WyProblemKeyCache) cache = wy_problem_key_cache_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gsize n_rows = 0;
  gpointer *data = g_ptr_array_steal (rows, &n_rows);
  GDate today;

  wy_test_date (&today, TODAY);
  for (gsize i = 0; i < n_rows; i++)
    {
      /* Half with shared keys, half computing their own: both sort alike. */
      if (i % 2 == 0)
        g_ptr_array_add (items, wy_problem_item_new_with_keys (data[i], &today, 7, cache));
      else
        g_ptr_array_add (items, wy_problem_item_new (data[i], &today, 7));
    }
  g_free (data);

  for (guint first = 0; first < WY_PROBLEM_N_SORTS; first++)
    for (guint second = 0; second <= WY_PROBLEM_N_SORTS; second++)
      for (guint direction = 0; direction < 4; direction++)
        {
          WyProblemSort columns[2] = { first, second };
          gboolean descending[2] = { direction & 1, (direction >> 1) & 1 };
          guint n = second < WY_PROBLEM_N_SORTS ? 2 : 1;
          /* Copies that do not own the items (g_ptr_array_copy would
           * take the free function along). */
          g_autoptr(GPtrArray) fast = g_ptr_array_new ();
          g_autoptr(GPtrArray) slow = g_ptr_array_new ();

          g_ptr_array_extend (fast, items, NULL, NULL);
          g_ptr_array_extend (slow, items, NULL, NULL);

          chain_columns = columns;
          chain_descending = descending;
          chain_length = n;
          wy_problem_items_sort (fast, columns, descending, n);
          g_ptr_array_sort (slow, compare_by_chain_cb);
          for (guint i = 0; i < items->len; i++)
            g_assert_true (g_ptr_array_index (fast, i) == g_ptr_array_index (slow, i));
        }
}

/* --- The page ------------------------------------------------------------ */

static gboolean
page_loaded (gpointer data)
{
  WyProblemsPage *page = data;

  return !wy_problems_page_is_loading (page) && wy_problems_page_get_n_total (page) > 0;
}

/* Whether a label with this text is on screen in widget. */
static gboolean
label_is_mapped (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return gtk_widget_get_mapped (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_is_mapped (child, text))
      return TRUE;

  return FALSE;
}

/* Holds the loading thread once it has read the rows, until released. */
typedef struct {
  GMutex   mutex;
  GCond    cond;
  gboolean reached;
  gboolean released;
} Gate;

static void
gate_hook (gpointer data)
{
  Gate *gate = data;

  g_mutex_lock (&gate->mutex);
  gate->reached = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->released)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);
}

static gboolean
gate_reached (gpointer data)
{
  Gate *gate = data;
  gboolean reached;

  g_mutex_lock (&gate->mutex);
  reached = gate->reached;
  g_mutex_unlock (&gate->mutex);
  return reached;
}

static void
gate_release (Gate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->released = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

static WyProblemItem *
find_shown (WyProblemsPage *page,
            gint64          id)
{
  GListModel *model = wy_problems_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WyProblemItem) item = g_list_model_get_item (model, i);

      if (wy_problem_item_get_id (item) == id)
        return g_steal_pointer (&item);
    }

  return NULL;
}

/* The first visit reads the rows in a thread: the page says it is loading
 * meanwhile, then shows them all; what is edited while they are read is
 * there afterwards, whether the thread saw it or not. */
static void
test_problems_page_loads_in_thread (void)
{
  /* Big enough for the items to be made by two threads. */
  g_autoptr(WyStore) store = open_demo_ledger_of_size ("async.wuyou", 800);
  g_autoptr(WyRecord) added = wy_record_new (WY_TABLE_PROBLEM);
  g_autoptr(WyProblemItem) edited = NULL;
  g_autoptr(WyProblemItem) gone = NULL;
  g_autoptr(WyProblemItem) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  Gate gate = { 0 };
  WyProblemsPage *page;
  GtkWindow *window;
  gint64 edited_id, deleted_id, added_id;
  guint n_after;
  GDate today;

  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);

  {
    g_autoptr(GPtrArray) problems = wy_store_list (store, WY_TABLE_PROBLEM, 0, NULL);

    g_assert_cmpuint (problems->len, >, 2);
    edited_id = wy_record_get_id (g_ptr_array_index (problems, 0));
    deleted_id = wy_record_get_id (g_ptr_array_index (problems, 1));
  }

  wy_test_date (&today, TODAY);
  page = wy_problems_page_new (store);
  wy_problems_page_set_today (page, &today);
  wy_problems_page_set_load_hook (page, gate_hook, &gate);
  g_assert_false (wy_problems_page_is_loading (page));

  /* Shown: the thread starts, and the page says so. */
  window = show_in_window (GTK_WIDGET (page));
  g_assert_true (wy_problems_page_is_loading (page));
  wy_test_spin_until (gate_reached, &gate);
  g_assert_true (gate_reached (&gate));
  spin_for (50);
  g_assert_true (wy_problems_page_is_loading (page));
  g_assert_true (label_is_mapped (GTK_WIDGET (page), "Loading problems…"));
  g_assert_cmpuint (wy_problems_page_get_n_total (page), ==, 0);

  /* The thread has read the rows: edit, add and delete now. */
  g_assert_true (wy_store_update_field (store, WY_TABLE_PROBLEM, edited_id,
                                        "responsible_unit", "区住建局", &error));
  g_assert_no_error (error);
  g_assert_true (wy_store_delete (store, WY_TABLE_PROBLEM, deleted_id, &error));
  g_assert_no_error (error);
  wy_record_set_int (added, "compound_id", first_id (store, WY_TABLE_COMPOUND, 0));
  wy_record_set (added, "category", "other");
  wy_record_set (added, "description", "加载时新增的问题");
  wy_record_set (added, "status", WY_PROBLEM_PENDING);
  wy_record_set (added, "raised_date", TODAY);
  added_id = wy_store_insert (store, added, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added_id, >, 0);
  n_after = wy_store_count (store, WY_TABLE_PROBLEM);

  gate_release (&gate);
  wy_test_spin_until (page_loaded, page);
  g_assert_false (wy_problems_page_is_loading (page));

  /* All of them, with the edits. */
  g_assert_cmpuint (wy_problems_page_get_n_total (page), ==, n_after);
  g_assert_cmpuint (wy_problems_page_get_n_shown (page), ==, n_after);
  expected = g_strdup_printf ("%u of %u items", n_after, n_after);
  g_assert_cmpstr (wy_problems_page_get_status_text (page), ==, expected);
  edited = find_shown (page, edited_id);
  g_assert_nonnull (edited);
  g_assert_cmpstr (wy_problem_item_get_row (edited)->responsible_unit, ==, "区住建局");
  gone = find_shown (page, deleted_id);
  g_assert_null (gone);
  fresh = find_shown (page, added_id);
  g_assert_nonnull (fresh);
  g_assert_cmpstr (wy_problem_item_get_row (fresh)->description, ==, "加载时新增的问题");

  spin_for (50);
  g_assert_false (label_is_mapped (GTK_WIDGET (page), "Loading problems…"));

  /* Later edits go straight into the list, no reload. */
  g_assert_true (wy_store_update_field (store, WY_TABLE_PROBLEM, added_id,
                                        "responsible_unit", "街道办", NULL));
  g_assert_false (wy_problems_page_is_loading (page));
  g_clear_object (&fresh);
  fresh = find_shown (page, added_id);
  g_assert_cmpstr (wy_problem_item_get_row (fresh)->responsible_unit, ==, "街道办");

  gtk_window_destroy (window);
  spin_for (20);
  g_mutex_clear (&gate.mutex);
  g_cond_clear (&gate.cond);
}

/* The window closes while the rows are read: the thread stops, nothing
 * touches the page afterwards, and the page goes. */
static void
test_problems_page_closed_while_loading (void)
{
  g_autoptr(WyStore) store = open_demo_ledger ("closed.wuyou");
  Gate gate = { 0 };
  WyProblemsPage *page;
  GtkWindow *window;

  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);

  page = wy_problems_page_new (store);
  wy_problems_page_set_load_hook (page, gate_hook, &gate);
  window = show_in_window (GTK_WIDGET (page));
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  wy_test_spin_until (gate_reached, &gate);
  g_assert_true (gate_reached (&gate));

  gtk_window_destroy (window);
  gate_release (&gate);
  spin_for (300);
  g_assert_null (page);

  /* The ledger is still fine to work with. */
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), >, 0);
  g_mutex_clear (&gate.mutex);
  g_cond_clear (&gate.cond);
}

static gboolean
search_applied (gpointer data)
{
  WyProblemsPage *page = data;

  return wy_problems_page_get_n_shown (page) != wy_problems_page_get_n_total (page);
}

static gboolean
search_cleared (gpointer data)
{
  WyProblemsPage *page = data;

  return wy_problems_page_get_n_shown (page) == wy_problems_page_get_n_total (page);
}

static void
test_problems_page_filters_and_sorts (void)
{
  g_autoptr(WyStore) store = open_demo_ledger ("page.wuyou");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(WyProblemItem) first = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *needle = NULL;
  WyProblemsPage *page;
  GtkWindow *window;
  GListModel *model;
  guint n_signed_off = 0, n_red = 0, n_with_needle = 0;
  const char *earliest = NULL;
  guint warning_days = wy_store_get_warning_days (store);
  GDate today;

  wy_test_date (&today, TODAY);
  page = wy_problems_page_new (store);
  wy_problems_page_set_today (page, &today);

  /* Nothing is read before the page is seen; then in a thread. */
  g_assert_cmpuint (wy_problems_page_get_n_total (page), ==, 0);
  window = show_in_window (GTK_WIDGET (page));
  wy_test_spin_until (page_loaded, page);
  g_assert_cmpuint (wy_problems_page_get_n_total (page), ==, wy_store_count (store, WY_TABLE_PROBLEM));
  g_assert_cmpuint (wy_problems_page_get_n_shown (page), ==, wy_problems_page_get_n_total (page));

  rows = wy_store_list_problem_rows (store, 0, NULL);
  g_assert_cmpuint (rows->len, ==, wy_problems_page_get_n_total (page));
  needle = g_strdup (((WyProblemRow *)g_ptr_array_index (rows, 0))->compound);
  for (guint i = 0; i < rows->len; i++)
    {
      WyProblemRow *row = g_ptr_array_index (rows, i);
      gboolean done = g_strcmp0 (row->status, WY_PROBLEM_SIGNED_OFF) == 0;

      n_signed_off += done;
      n_red += wy_light_compute_iso (row->deadline, done, &today, warning_days) == WY_LIGHT_RED;
      if (row->deadline != NULL && (earliest == NULL || strcmp (row->deadline, earliest) < 0))
        earliest = row->deadline;
      if (strstr (row->compound, needle) != NULL || strstr (row->description, needle) != NULL ||
          (row->responsible_unit != NULL && strstr (row->responsible_unit, needle) != NULL) ||
          (row->responsible_person != NULL && strstr (row->responsible_person, needle) != NULL))
        n_with_needle++;
    }
  g_assert_cmpuint (n_signed_off, >, 0);
  g_assert_cmpuint (n_red, >, 0);

  /* Status filter */
  wy_problems_page_set_status_filter (page, WY_PROBLEM_SIGNED_OFF);
  g_assert_cmpuint (wy_problems_page_get_n_shown (page), ==, n_signed_off);
  wy_problems_page_set_status_filter (page, NULL);
  g_assert_cmpuint (wy_problems_page_get_n_shown (page), ==, rows->len);

  /* Light filter */
  wy_problems_page_set_light_filter (page, WY_PROBLEMS_LIGHT_OVERDUE);
  g_assert_cmpuint (wy_problems_page_get_n_shown (page), ==, n_red);
  wy_problems_page_set_light_filter (page, WY_PROBLEMS_LIGHT_ALL);

  /* Search (debounced) narrows "N of M". */
  wy_problems_page_set_search_text (page, needle);
  wy_test_spin_until (search_applied, page);
  g_assert_cmpuint (wy_problems_page_get_n_shown (page), ==, n_with_needle);
  g_assert_cmpuint (wy_problems_page_get_n_shown (page), <, rows->len);
  expected = g_strdup_printf ("%u of %u items", n_with_needle, rows->len);
  g_assert_cmpstr (wy_problems_page_get_status_text (page), ==, expected);
  wy_problems_page_set_search_text (page, "");
  wy_test_spin_until (search_cleared, page);
  g_assert_cmpuint (wy_problems_page_get_n_shown (page), ==, rows->len);

  /* Sort by deadline: descending puts the items without one first (they
   * sort last ascending), then the latest. */
  model = wy_problems_page_get_model (page);
  wy_problems_page_sort_by_column (page, 6, GTK_SORT_DESCENDING);
  {
    g_autoptr(WyProblemItem) top = g_list_model_get_item (model, 0);
    g_autoptr(WyProblemItem) bottom = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);

    g_assert_cmpstr (wy_problem_item_get_row (bottom)->deadline, ==, earliest);
    if (wy_problem_item_get_row (top)->deadline != NULL)
      for (guint i = 0; i < rows->len; i++)
        g_assert_cmpstr (((WyProblemRow *) g_ptr_array_index (rows, i))->deadline, <=,
                         wy_problem_item_get_row (top)->deadline);
  }

  /* Ascending: the earliest first. */
  wy_problems_page_sort_by_column (page, 6, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (wy_problem_item_get_row (first)->deadline, ==, earliest);

  /* Selecting shows the item in the editor; an edit there refreshes its
   * row in the list. */
  {
    gint64 id = wy_problem_item_get_id (first);
    WyProblemEditor *editor = wy_problems_page_get_editor (page);
    WyRecordForm *form = wy_problem_editor_get_form (editor);
    GtkWidget *unit = wy_record_form_get_field_widget (form, "responsible_unit");
    g_autoptr(WyProblemItem) refreshed = NULL;

    wy_problems_page_select_problem (page, id);
    g_assert_cmpint (wy_problem_editor_get_problem_id (editor), ==, id);
    gtk_editable_set_text (GTK_EDITABLE (unit), "区住建局");
    g_assert_true (wy_record_form_commit_field (form, "responsible_unit"));
    refreshed = g_list_model_get_item (model, 0);
    g_assert_cmpint (wy_problem_item_get_id (refreshed), ==, id);
    g_assert_cmpstr (wy_problem_item_get_row (refreshed)->responsible_unit, ==, "区住建局");
    g_assert_cmpuint (wy_problems_page_get_n_total (page), ==, rows->len);
  }

  /* One compound only, from outside. */
  {
    WyProblemRow *row = g_ptr_array_index (rows, 0);
    guint n_compound = 0;

    for (guint i = 0; i < rows->len; i++)
      n_compound += ((WyProblemRow *)g_ptr_array_index (rows, i))->compound_id == row->compound_id;
    wy_problems_page_show_compound (page, row->compound_id);
    g_assert_cmpuint (wy_problems_page_get_n_shown (page), ==, n_compound);
    wy_problems_page_show_compound (page, 0);
    g_assert_cmpuint (wy_problems_page_get_n_shown (page), ==, rows->len);
  }

  if (g_getenv ("WY_TEST_SCREENSHOT_PAUSE") != NULL)
    spin_for (atoi (g_getenv ("WY_TEST_SCREENSHOT_PAUSE")));

  gtk_window_destroy (window);
  spin_for (20);
}

int
main (int   argc,
      char *argv[])
{
  /* Runs under Xvfb and a private session bus (build-aux/dev test). */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/problems/record-form", test_record_form_writes_and_refuses);
  g_test_add_func ("/problems/dialog-add", test_problem_dialog_adds);
  g_test_add_func ("/problems/editor", test_problem_editor_progress_and_sign_off);
  g_test_add_func ("/problems/editor-status-choices", test_problem_editor_status_choices);
  g_test_add_func ("/problems/record-form-new-community", test_record_form_new_community);
  g_test_add_func ("/problems/items-sort", test_problem_items_sort);
  g_test_add_func ("/problems/page", test_problems_page_filters_and_sorts);
  g_test_add_func ("/problems/page-loads-in-thread", test_problems_page_loads_in_thread);
  g_test_add_func ("/problems/page-closed-while-loading", test_problems_page_closed_while_loading);

  return g_test_run ();
}
