/* SPDX-License-Identifier: GPL-3.0-or-later */
/* With no operator name set, the first progress note asks for one, once,
 * instead of recording the login name (issue 12, point 7). */
#include "config.h"

#include <gtk/gtk.h>

#include "wy-preferences-window.h"
#include "wy-problem-editor.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"

#define TODAY "2023-03-15"

static gint64
find_open_problem (WyStore *store)
{
  g_autoptr(GPtrArray) problems = wy_store_list (store, WY_TABLE_PROBLEM, 0, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      WyRecord *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (wy_record_get (problem, "status"), WY_PROBLEM_SIGNED_OFF) != 0)
        return wy_record_get_id (problem);
    }
  g_assert_not_reached ();
}

/* The question's window, if one is open. */
static GtkWindow *
find_question (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_has_css_class (GTK_WIDGET (window), "wy-operator-question") &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
question_is_shown (gpointer data)
{
  return find_question () != NULL;
}

static gboolean
question_is_gone (gpointer data)
{
  return find_question () == NULL;
}

static guint
n_updates (WyStore *store,
           gint64   id)
{
  g_autoptr(GPtrArray) updates = wy_store_list (store, WY_TABLE_PROBLEM_UPDATE, id, NULL);

  return updates->len;
}

static char *
last_author (WyStore *store,
             gint64   id)
{
  g_autoptr(GPtrArray) updates = wy_store_list (store, WY_TABLE_PROBLEM_UPDATE, id, NULL);

  return g_strdup (wy_record_get (g_ptr_array_index (updates, updates->len - 1), "author"));
}

/* Types a note and presses Enter in the progress entry. */
static void
add_note (WyProblemEditor *editor,
          const char      *text)
{
  GtkWidget *entry = wy_problem_editor_get_progress_entry (editor);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  wy_test_spin ();
}

typedef struct {
  WyStore         *store;
  WyProblemEditor *editor;
  GtkWindow       *window;
  GSettings       *settings;
  gint64           id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GDate today;

  f->settings = g_settings_new ("io.github.wuyou.Wuyou");
  g_settings_reset (f->settings, "operator-name");
  g_settings_reset (f->settings, "operator-name-asked");

  f->store = wy_test_open_demo (data, 20, TODAY);
  f->id = find_open_problem (f->store);
  wy_test_date (&today, TODAY);
  f->editor = wy_problem_editor_new (f->store);
  wy_problem_editor_set_today (f->editor, &today);
  wy_problem_editor_set_problem_id (f->editor, f->id);
  f->window = wy_test_show_in_window (GTK_WIDGET (f->editor));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wy_test_spin ();
  g_clear_object (&f->store);
  g_clear_object (&f->settings);
}

static void
test_asks_once (Fixture       *f,
                gconstpointer  data)
{
  guint before = n_updates (f->store, f->id);
  g_autofree char *author = NULL;
  g_autofree char *second = NULL;
  g_autofree char *setting = NULL;
  GtkWindow *question;
  GtkWidget *entry;

  add_note (f->editor, "已联系施工队进场");

  /* Asked first: nothing written yet. */
  wy_test_spin_until (question_is_shown, NULL);
  question = find_question ();
  g_assert_nonnull (question);
  g_assert_cmpuint (n_updates (f->store, f->id), ==, before);

  /* The name typed, Enter. */
  entry = gtk_window_get_focus (question);
  g_assert_true (GTK_IS_TEXT (entry) || GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "王芳");
  g_signal_emit_by_name (entry, "activate");
  wy_test_spin_until (question_is_gone, NULL);
  g_assert_null (find_question ());

  g_assert_cmpuint (n_updates (f->store, f->id), ==, before + 1);
  author = last_author (f->store, f->id);
  g_assert_cmpstr (author, ==, "王芳");
  setting = g_settings_get_string (f->settings, "operator-name");
  g_assert_cmpstr (setting, ==, "王芳");
  g_assert_true (g_settings_get_boolean (f->settings, "operator-name-asked"));

  /* Once: the next note is written at once. */
  add_note (f->editor, "材料已到场");
  g_assert_null (find_question ());
  g_assert_cmpuint (n_updates (f->store, f->id), ==, before + 2);
  second = last_author (f->store, f->id);
  g_assert_cmpstr (second, ==, "王芳");
}

static void
test_not_now (Fixture       *f,
              gconstpointer  data)
{
  guint before = n_updates (f->store, f->id);
  g_autofree char *setting = NULL;
  GtkWindow *question;

  add_note (f->editor, "已联系施工队进场");
  wy_test_spin_until (question_is_shown, NULL);
  question = find_question ();
  g_assert_nonnull (question);

  /* Closed without a name: the note is written all the same, and the
   * question is not asked again. */
  gtk_window_close (question);
  wy_test_spin_until (question_is_gone, NULL);
  g_assert_cmpuint (n_updates (f->store, f->id), ==, before + 1);
  setting = g_settings_get_string (f->settings, "operator-name");
  g_assert_cmpstr (setting, ==, "");
  g_assert_true (g_settings_get_boolean (f->settings, "operator-name-asked"));

  add_note (f->editor, "材料已到场");
  g_assert_null (find_question ());
  g_assert_cmpuint (n_updates (f->store, f->id), ==, before + 2);
}

static void
test_name_set (Fixture       *f,
               gconstpointer  data)
{
  guint before = n_updates (f->store, f->id);

  /* A name in Preferences: nothing to ask. */
  g_settings_set_string (f->settings, "operator-name", "李强");
  add_note (f->editor, "已联系施工队进场");
  g_assert_null (find_question ());
  g_assert_cmpuint (n_updates (f->store, f->id), ==, before + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *schema_dir = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  schema_dir = g_test_build_filename (G_TEST_BUILT, "..", "resources", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  gtk_init ();

  g_test_add ("/operator-name/asks-once", Fixture, "asks-once.wuyou", fixture_set_up, test_asks_once, fixture_tear_down);
  g_test_add ("/operator-name/not-now", Fixture, "not-now.wuyou", fixture_set_up, test_not_now, fixture_tear_down);
  g_test_add ("/operator-name/name-set", Fixture, "name-set.wuyou", fixture_set_up, test_name_set, fixture_tear_down);

  return g_test_run ();
}
