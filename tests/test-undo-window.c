/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "wy-compound-detail.h"
#include "wy-compound-item.h"
#include "wy-compounds-page.h"
#include "wy-gui.h"
#include "wy-phases-page.h"
#include "wy-record-form.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"
#include "wy-window.h"

/* Undo as a user meets it: Ctrl+Z in a field undoes the typing there and
 * saves nothing; Ctrl+Z elsewhere undoes the last change to the ledger,
 * Ctrl+Shift+Z redoes it, and the menu says which. */

typedef struct {
  WyStore         *store;
  WyWindow        *window;
  WyCompoundsPage *page;
  gint64           id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("undo-window-%u.wuyou", n++);
  g_autofree char *path = wy_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(WyCompoundItem) item = NULL;
  GDate today;

  wy_test_date (&today, "2026-03-15");
  g_assert_true (wy_demo_write (path, 20, &today, &error));
  g_assert_no_error (error);
  f->store = wy_store_open (path, &error);
  g_assert_no_error (error);

  f->window = wy_window_new (NULL, f->store);
  wy_window_show_page (f->window, "compounds");
  gtk_window_present (GTK_WINDOW (f->window));
  wy_test_spin_until (wy_test_is_mapped, f->window);
  wy_test_spin_for (50);

  f->page = wy_window_get_compounds_page (f->window);
  item = g_list_model_get_item (wy_compounds_page_get_model (f->page), 0);
  f->id = wy_compound_item_get_id (item);
  g_assert_true (wy_compounds_page_select_compound (f->page, f->id));
  wy_test_spin_for (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  wy_test_spin_for (20);
  g_clear_object (&f->store);
}

static char *
stored_households (Fixture *f)
{
  g_autoptr(WyRecord) record = wy_store_get (f->store, WY_TABLE_COMPOUND, f->id, NULL);

  g_assert_nonnull (record);
  return g_strdup (wy_record_get (record, "households"));
}

static guint
n_audit_rows (Fixture *f)
{
  g_autoptr(GPtrArray) audit = wy_store_list_audit (f->store, 0, NULL);

  return audit->len;
}

/* The label of the main menu's item for action, as the menu shows it. */
static char *
menu_label (GMenuModel *model,
            const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *link_name;
      GMenuModel *child;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0 &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return g_steal_pointer (&label);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &link_name, &child))
        {
          g_autoptr(GMenuModel) owned = child;
          char *found = menu_label (child, action);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static char *
window_menu_label (Fixture    *f,
                   const char *action)
{
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (f->window));
  GtkWidget *button = wy_gui_find_descendant (titlebar, GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return menu_label (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), action);
}

static void
type_at_end (GtkWidget  *entry,
             const char *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (entry));

  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  g_signal_emit_by_name (delegate, "insert-at-cursor", text);
  wy_test_spin ();
}

static gboolean
action_enabled (Fixture    *f,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), name);
}

static void
test_undo_in_field_and_window (Fixture       *f,
                               gconstpointer  data)
{
  WyCompoundDetail *detail = wy_compounds_page_get_detail (f->page);
  WyRecordForm *form = wy_compound_detail_get_form_for (detail, "households");
  GtkWidget *entry = wy_record_form_get_field_widget (form, "households");
  g_autofree char *original = stored_households (f);
  g_autofree char *typed = NULL;
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;
  const char *edited;
  guint audited;

  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_nonnull (original);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, original);
  audited = n_audit_rows (f);

  /* Typing, then Ctrl+Z inside the field: the typing goes, the value the
   * field showed stays, and nothing reaches the ledger. */
  gtk_widget_grab_focus (entry);
  wy_test_spin ();
  type_at_end (entry, "6");
  typed = g_strconcat (original, "6", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, typed);

  wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, original);

  /* Again: the field has nothing more to undo, and the ledger is not
   * touched from inside a field either. */
  wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, original);

  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  wy_test_spin ();
  value = stored_households (f);
  g_assert_cmpstr (value, ==, original);
  g_assert_cmpuint (n_audit_rows (f), ==, audited);

  /* An edit committed with Enter is a change of the ledger. */
  edited = g_strcmp0 (original, "6") == 0 ? "7" : "6";
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), edited);
  g_signal_emit_by_name (entry, "activate");
  wy_test_spin ();
  g_clear_pointer (&value, g_free);
  value = stored_households (f);
  g_assert_cmpstr (value, ==, edited);

  label = window_menu_label (f, "win.undo");
  g_assert_cmpstr (label, ==, "Undo Edit of Households");
  g_assert_true (action_enabled (f, "undo"));
  g_assert_false (action_enabled (f, "redo"));

  /* Ctrl+Z in the field again: the field has nothing to undo, and the
   * ledger's last change is not undone from inside a field. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))));
  wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, edited);
  g_clear_pointer (&value, g_free);
  value = stored_households (f);
  g_assert_cmpstr (value, ==, edited);

  /* Ctrl+Z outside the field undoes it, through the store. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  wy_test_spin ();
  g_assert_true (wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_clear_pointer (&value, g_free);
  value = stored_households (f);
  g_assert_cmpstr (value, ==, original);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, original);
  g_clear_pointer (&label, g_free);
  label = window_menu_label (f, "win.redo");
  g_assert_cmpstr (label, ==, "Redo Edit of Households");

  /* Ctrl+Shift+Z redoes it. */
  g_assert_true (wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_clear_pointer (&value, g_free);
  value = stored_households (f);
  g_assert_cmpstr (value, ==, edited);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, edited);

  /* Back to the start: the menu says there is nothing to undo, and
   * Ctrl+Z says so too. */
  g_assert_true (wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_false (action_enabled (f, "undo"));
  g_clear_pointer (&label, g_free);
  label = window_menu_label (f, "win.undo");
  g_assert_cmpstr (label, ==, "Nothing to Undo");
  g_assert_true (wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpstr (wy_window_get_undo_notice (f->window), ==, "Nothing to undo");
}

static void
test_undo_delete_notice (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(WyRecord) compound = wy_store_get (f->store, WY_TABLE_COMPOUND, f->id, NULL);
  gint64 n = wy_store_count (f->store, WY_TABLE_COMPOUND);

  /* The "Deleted … Undo" notice and the menu name the same step. */
  g_assert_true (wy_window_delete_compound (f->window, f->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (f->store, WY_TABLE_COMPOUND), ==, n - 1);
  expected = g_strdup_printf ("Deleted “%s”", wy_record_get (compound, "name"));
  g_assert_cmpstr (wy_window_get_undo_notice (f->window), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Undo Deletion of “%s”", wy_record_get (compound, "name"));
  label = window_menu_label (f, "win.undo");
  g_assert_cmpstr (label, ==, expected);

  g_assert_true (wy_window_undo (f->window, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (f->store, WY_TABLE_COMPOUND), ==, n);
  g_assert_cmpint (wy_compounds_page_get_selected_id (f->page), ==, f->id);
  g_assert_null (wy_window_get_undo_notice (f->window));

  /* Any row the same way: a rectification item, back with Ctrl+Z. */
  {
    g_autoptr(GPtrArray) problems = wy_store_list (f->store, WY_TABLE_PROBLEM, 0, NULL);
    WyRecord *problem = g_ptr_array_index (problems, 0);
    gint64 n_problems = wy_store_count (f->store, WY_TABLE_PROBLEM);
    g_autofree char *notice = g_strdup_printf ("Deleted “%s”", wy_record_get (problem, "description"));

    g_assert_true (wy_window_delete_with_undo (f->window, WY_TABLE_PROBLEM, wy_record_get_id (problem), &error));
    g_assert_no_error (error);
    g_assert_cmpint (wy_store_count (f->store, WY_TABLE_PROBLEM), ==, n_problems - 1);
    g_assert_cmpstr (wy_window_get_undo_notice (f->window), ==, notice);

    gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
    g_assert_true (wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK));
    g_assert_cmpint (wy_store_count (f->store, WY_TABLE_PROBLEM), ==, n_problems);
  }
}

/* A long text (a text view) the same way. */
static void
test_undo_in_long_text (Fixture       *f,
                        gconstpointer  data)
{
  WyCompoundDetail *detail = wy_compounds_page_get_detail (f->page);
  WyRecordForm *form = wy_compound_detail_get_form_for (detail, "notes");
  GtkWidget *view = wy_record_form_get_field_widget (form, "notes");
  GtkTextBuffer *buffer;
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) after = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_assert_true (GTK_IS_TEXT_VIEW (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_COMPOUND, f->id, "notes", "东门常闭", &error));
  wy_store_clear_undo (f->store);
  wy_test_spin_for (20);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "东门常闭");

  gtk_widget_grab_focus (view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "，西门敞开", -1, TRUE);
  wy_test_spin ();

  wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "东门常闭");

  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  wy_test_spin ();
  after = wy_store_get (f->store, WY_TABLE_COMPOUND, f->id, NULL);
  g_assert_cmpstr (wy_record_get (after, "notes"), ==, "东门常闭");
  g_assert_null (wy_store_get_undo_title (f->store));
}

/* The milestones of the Phases page save on leaving a field too. */
static void
test_undo_in_milestone_field (Fixture       *f,
                              gconstpointer  data)
{
  WyPhasesPage *page = WY_PHASES_PAGE (wy_window_get_page_widget (f->window, "phases"));
  g_autoptr(GPtrArray) milestones = wy_store_list (f->store, WY_TABLE_MILESTONE, 0, NULL);
  g_autoptr(WyRecord) after = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *typed = NULL;
  WyRecord *milestone;
  GtkWidget *entry;

  g_assert_nonnull (milestones);
  g_assert_cmpuint (milestones->len, >, 0);
  milestone = g_ptr_array_index (milestones, 0);

  wy_window_show_page (f->window, "phases");
  wy_test_spin_for (50);
  entry = wy_phases_page_get_milestone_widget (page, wy_record_get_id (milestone), "name");
  g_assert_true (GTK_IS_EDITABLE (entry));
  shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_assert_cmpstr (shown, !=, "");

  gtk_widget_grab_focus (entry);
  wy_test_spin ();
  type_at_end (entry, "X");
  typed = g_strconcat (shown, "X", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, typed);

  wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, shown);
  wy_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, shown);

  /* Leaving the field saves nothing: nothing changed. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  wy_test_spin ();
  after = wy_store_get (f->store, WY_TABLE_MILESTONE, wy_record_get_id (milestone), NULL);
  g_assert_cmpstr (wy_record_get (after, "name"), ==, wy_record_get (milestone, "name"));
  g_assert_null (wy_store_get_undo_title (f->store));
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add ("/undo-window/field-and-window", Fixture, NULL,
              fixture_set_up, test_undo_in_field_and_window, fixture_tear_down);
  g_test_add ("/undo-window/long-text", Fixture, NULL,
              fixture_set_up, test_undo_in_long_text, fixture_tear_down);
  g_test_add ("/undo-window/milestone-field", Fixture, NULL,
              fixture_set_up, test_undo_in_milestone_field, fixture_tear_down);
  g_test_add ("/undo-window/delete-notice", Fixture, NULL,
              fixture_set_up, test_undo_delete_notice, fixture_tear_down);

  return g_test_run ();
}
