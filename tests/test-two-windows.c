/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "wy-compound-detail.h"
#include "wy-compound-item.h"
#include "wy-compounds-page.h"
#include "wy-phases-page.h"
#include "wy-record-form.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"
#include "wy-window-private.h"

/* Two windows on one ledger (issue 12, point 3): the window under test,
 * and "the other window" played by a second connection to the same
 * file, which SQLite treats exactly as another program. What the other
 * one saves shows up here by itself; typing over a value the other one
 * changed meanwhile asks, with both values, and saves only the one the
 * user picks. */

#define DEMO_SIZE 12

typedef struct {
  char             *path;
  WyStore          *store;
  WyStore          *other;
  WyWindow         *window;
  WyCompoundDetail *detail;
  gint64            compound;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n_ledgers;
  g_autofree char *name = g_strdup_printf ("two-windows-%u.wuyou", n_ledgers++);
  g_autoptr(GError) error = NULL;
  g_autoptr(WyCompoundItem) item = NULL;
  WyCompoundsPage *page;
  GDate today;

  f->path = wy_test_tmp_path (name);
  wy_test_date (&today, "2026-11-20");
  g_assert_true (wy_demo_write (f->path, DEMO_SIZE, &today, &error));
  g_assert_no_error (error);

  f->store = wy_store_open (f->path, &error);
  g_assert_no_error (error);
  wy_store_set_operator (f->store, "王芳");
  f->other = wy_store_open (f->path, &error);
  g_assert_no_error (error);
  wy_store_set_operator (f->other, "李强");

  f->window = wy_window_new (NULL, f->store);
  wy_window_show_page (f->window, "compounds");
  gtk_window_present (GTK_WINDOW (f->window));
  wy_test_spin_until (wy_test_is_mapped, f->window);
  page = wy_window_get_compounds_page (f->window);
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       g_list_model_get_n_items (wy_compounds_page_get_model (page)) == 0 &&
       g_get_monotonic_time () < end;)
    wy_test_spin_for (20);

  item = g_list_model_get_item (wy_compounds_page_get_model (page), 0);
  g_assert_nonnull (item);
  f->compound = wy_compound_item_get_id (item);
  g_assert_true (wy_compounds_page_select_compound (page, f->compound));
  wy_test_spin_for (50);
  f->detail = wy_compounds_page_get_detail (page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  wy_test_spin_for (20);
  g_clear_object (&f->other);
  g_clear_object (&f->store);
  g_free (f->path);
}

static GtkEditable *
entry_for (Fixture    *f,
           const char *field)
{
  WyRecordForm *form = wy_compound_detail_get_form_for (f->detail, field);
  GtkWidget *widget;

  g_assert_nonnull (form);
  g_assert_cmpint (wy_record_form_get_record_id (form), ==, f->compound);
  widget = wy_record_form_get_field_widget (form, field);
  g_assert_true (GTK_IS_EDITABLE (widget));
  return GTK_EDITABLE (widget);
}

static void
other_saves (Fixture    *f,
             const char *field,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wy_store_update_field (f->other, WY_TABLE_COMPOUND, f->compound, field, value, &error));
  g_assert_no_error (error);
}

static char *
stored (Fixture    *f,
        const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) record = wy_store_get (f->other, WY_TABLE_COMPOUND, f->compound, &error);

  g_assert_no_error (error);
  return g_strdup (wy_record_get (record, field));
}

typedef struct {
  GtkEditable *entry;
  const char  *text;
} ShowsText;

static gboolean
shows_text (gpointer data)
{
  ShowsText *s = data;

  return g_strcmp0 (gtk_editable_get_text (s->entry), s->text) == 0;
}

static void
test_other_windows_saves_show_up (Fixture       *f,
                                  gconstpointer  data)
{
  ShowsText s = { entry_for (f, "households"), "88" };

  g_assert_cmpstr (gtk_editable_get_text (s.entry), !=, "88");
  other_saves (f, "households", "88");

  /* Nothing but the window's own polling brings it in. */
  wy_test_spin_until (shows_text, &s);
  g_assert_cmpstr (gtk_editable_get_text (s.entry), ==, "88");
}

/* The user typed into field, the other window saved other_value there
 * meanwhile, and the user presses Return: the question must name both. */
static GtkWindow *
type_over_other_save (Fixture    *f,
                      const char *field,
                      const char *typed,
                      const char *other_value)
{
  WyRecordForm *form = wy_compound_detail_get_form_for (f->detail, field);
  GtkEditable *entry = entry_for (f, field);
  GtkWindow *question;
  g_autofree char *secondary = NULL;
  g_autofree char *kept = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, typed);
  other_saves (f, field, other_value);
  _wy_window_sync_now (f->window);
  wy_test_spin ();
  /* What the user typed stays while the form reloads. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, typed);

  g_signal_emit_by_name (entry, "activate");
  wy_test_spin ();
  question = wy_record_form_get_confirmation (form);
  g_assert_nonnull (question);
  g_assert_true (GTK_IS_MESSAGE_DIALOG (question));
  g_object_get (question, "secondary-text", &secondary, NULL);
  g_assert_nonnull (strstr (secondary, other_value));
  g_assert_nonnull (strstr (secondary, typed));

  /* Nothing saved before the answer. */
  kept = stored (f, field);
  g_assert_cmpstr (kept, ==, other_value);
  return question;
}

static void
test_typing_over_other_save_asks (Fixture       *f,
                                  gconstpointer  data)
{
  WyRecordForm *form = wy_compound_detail_get_form_for (f->detail, "buildings");
  g_autofree char *value = NULL;

  /* Keep the ledger's: the other window's value stays and shows. */
  type_over_other_save (f, "buildings", "7", "15");
  gtk_dialog_response (GTK_DIALOG (wy_record_form_get_confirmation (form)), GTK_RESPONSE_REJECT);
  wy_test_spin ();
  g_assert_null (wy_record_form_get_confirmation (form));
  value = stored (f, "buildings");
  g_assert_cmpstr (value, ==, "15");
  g_assert_cmpstr (gtk_editable_get_text (entry_for (f, "buildings")), ==, "15");
  g_clear_pointer (&value, g_free);

  /* Use mine: saved over the other window's value, knowingly. */
  type_over_other_save (f, "buildings", "9", "16");
  gtk_dialog_response (GTK_DIALOG (wy_record_form_get_confirmation (form)), GTK_RESPONSE_ACCEPT);
  wy_test_spin ();
  value = stored (f, "buildings");
  g_assert_cmpstr (value, ==, "9");
  g_assert_null (wy_record_form_get_field_error (form, "buildings"));
}

/* The milestones of the Phases page save from their own entries. */
static void
test_milestone_over_other_save (Fixture       *f,
                                gconstpointer  data)
{
  WyPhasesPage *page = WY_PHASES_PAGE (wy_window_get_page_widget (f->window, "phases"));
  g_autoptr(GPtrArray) milestones = wy_store_list (f->other, WY_TABLE_MILESTONE, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) after = NULL;
  GtkWidget *entry;
  gint64 id;

  g_assert_nonnull (milestones);
  id = wy_record_get_id (g_ptr_array_index (milestones, 0));
  wy_window_show_page (f->window, "phases");
  wy_test_spin_for (50);
  entry = wy_phases_page_get_milestone_widget (page, id, "name");
  g_assert_true (GTK_IS_EDITABLE (entry));

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "本窗口的节点");
  g_assert_true (wy_store_update_field (f->other, WY_TABLE_MILESTONE, id, "name", "另一窗口的节点", &error));
  g_assert_no_error (error);
  _wy_window_sync_now (f->window);
  wy_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "本窗口的节点");

  /* Return: refused, the other value told beside the field. */
  g_signal_emit_by_name (entry, "activate");
  wy_test_spin ();
  after = wy_store_get (f->other, WY_TABLE_MILESTONE, id, &error);
  g_assert_cmpstr (wy_record_get (after, "name"), ==, "另一窗口的节点");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_clear_pointer (&after, wy_record_unref);

  /* Return again: saved over it, knowingly. */
  g_signal_emit_by_name (entry, "activate");
  wy_test_spin ();
  after = wy_store_get (f->other, WY_TABLE_MILESTONE, id, &error);
  g_assert_cmpstr (wy_record_get (after, "name"), ==, "本窗口的节点");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/two-windows/other-windows-saves-show-up", test_other_windows_saves_show_up);
  ADD ("/two-windows/typing-over-other-save-asks", test_typing_over_other_save_asks);
  ADD ("/two-windows/milestone-over-other-save", test_milestone_over_other_save);
#undef ADD

  return g_test_run ();
}
