/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gtk/gtk.h>

#include "wy-due-page.h"
#include "wy-gui.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"

#define DEMO_SIZE 24
#define TODAY "2023-03-15"

/* The header texts of the list, in order. */
static GPtrArray *
group_headers (WyDuePage *page)
{
  GListModel *rows = wy_due_page_get_rows (page);
  GPtrArray *headers = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (wy_due_page_row_get_kind (row) == WY_DUE_ROW_GROUP)
        g_ptr_array_add (headers, (gpointer) wy_due_page_row_get_text (row));
    }
  return headers;
}

static guint
count_rows (WyDuePage    *page,
            WyDueRowKind  kind)
{
  GListModel *rows = wy_due_page_get_rows (page);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      n += wy_due_page_row_get_kind (row) == kind;
    }
  return n;
}

/* The position of the header starting with prefix. */
static guint
find_header (WyDuePage  *page,
             const char *prefix)
{
  GListModel *rows = wy_due_page_get_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (wy_due_page_row_get_kind (row) == WY_DUE_ROW_GROUP &&
          g_str_has_prefix (wy_due_page_row_get_text (row), prefix))
        return i;
    }
  g_assert_not_reached ();
}

/* What the headers must say, from the core's grouping (tested by hand in
 * test-due.c). */
static void
assert_headers_match (WyDuePage     *page,
                      WyStore       *store,
                      WyDueGrouping  grouping)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) headers = group_headers (page);
  GDate today;

  wy_test_date (&today, TODAY);
  items = wy_store_list_due (store, &today, wy_store_get_warning_days (store), 7, NULL);
  groups = wy_due_group_items (items, grouping);

  g_assert_cmpuint (headers->len, ==, groups->len);
  for (guint i = 0; i < groups->len; i++)
    {
      WyDueGroup *group = groups->pdata[i];
      const char *name = group->name[0] != '\0' ? group->name
                         : grouping == WY_DUE_BY_COMMUNITY ? "No community" : "No responsible unit";
      g_autofree char *expected = g_strdup_printf ("%s (%u): %u overdue, %u due today, %u due this week",
                                                   name, group->total, group->counts[WY_DUE_OVERDUE],
                                                   group->counts[WY_DUE_TODAY], group->counts[WY_DUE_THIS_WEEK]);

      g_assert_cmpstr (headers->pdata[i], ==, expected);
    }
}

static gboolean
header_present (WyDuePage  *page,
                const char *text)
{
  g_autoptr(GPtrArray) headers = group_headers (page);

  for (guint i = 0; i < headers->len; i++)
    if (g_str_equal (headers->pdata[i], text))
      return TRUE;
  return FALSE;
}

typedef struct {
  int    kind;
  gint64 id;
  guint  n_emitted;
} Opened;

static void
on_open_item_cb (WyDuePage *page,
                 int        kind,
                 gint64     id,
                 Opened    *opened)
{
  opened->kind = kind;
  opened->id = id;
  opened->n_emitted++;
}

static gboolean
overdue_is (gpointer data)
{
  WyDuePage *page = data;
  guint *expected = g_object_get_data (G_OBJECT (page), "expected");

  return wy_due_page_get_count (page, WY_DUE_OVERDUE) == *expected;
}

static void
test_due_page (void)
{
  g_autoptr(WyStore) store = wy_test_open_demo ("due-page.wuyou", DEMO_SIZE, TODAY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  WyDuePage *page;
  GtkWindow *window;
  guint position;
  WyRecord *task;
  gint64 task_id;
  guint counts[WY_DUE_N_BUCKETS];
  guint expected_overdue;
  Opened opened = { -1, 0, 0 };
  GDate today;
  const char *figure_names[] = { "Overdue", "Due today", "Due this week" };

  /* A task of our own, due today, with a unit of its own: one group. */
  task = wy_record_new (WY_TABLE_TASK);
  wy_record_set (task, "title", "督办：补齐网格员");
  wy_record_set (task, "lead_units", "测试督办组");
  wy_record_set (task, "deadline", TODAY);
  wy_record_set (task, "status", WY_TASK_IN_PROGRESS);
  task_id = wy_store_insert (store, task, &error);
  g_assert_no_error (error);
  wy_record_unref (task);

  wy_test_date (&today, TODAY);
  items = wy_store_list_due (store, &today, wy_store_get_warning_days (store), 7, &error);
  g_assert_no_error (error);
  wy_due_count_buckets (items, counts);
  /* The demo ledger has something in every bucket on this day. */
  for (guint b = 0; b < WY_DUE_N_BUCKETS; b++)
    g_assert_cmpuint (counts[b], >, 0);

  page = wy_due_page_new (store);
  g_signal_connect (page, "open-item", G_CALLBACK (on_open_item_cb), &opened);
  wy_due_page_set_today (page, &today);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1024, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  wy_test_spin_until (wy_test_is_mapped, window);

  /* The three figures, as numbers and as accessible names. */
  for (guint b = 0; b < WY_DUE_N_BUCKETS; b++)
    g_assert_cmpuint (wy_due_page_get_count (page, b), ==, counts[b]);
  {
    GtkWidget *figures = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (page)));
    guint b = 0;

    for (GtkWidget *figure = gtk_widget_get_first_child (figures); figure != NULL;
         figure = gtk_widget_get_next_sibling (figure), b++)
      {
        g_autofree char *number = g_strdup_printf ("%u", counts[b]);

        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (figure))), ==, number);
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (figure))), ==, figure_names[b]);
      }
    g_assert_cmpuint (b, ==, WY_DUE_N_BUCKETS);
  }

  /* Grouped by responsible unit, then by community. */
  g_assert_cmpint (wy_due_page_get_grouping (page), ==, WY_DUE_BY_UNIT);
  assert_headers_match (page, store, WY_DUE_BY_UNIT);
  g_assert_true (header_present (page, "测试督办组 (1): 0 overdue, 1 due today, 0 due this week"));
  g_assert_cmpuint (count_rows (page, WY_DUE_ROW_ITEM), ==, items->len);

  wy_due_page_set_grouping (page, WY_DUE_BY_COMMUNITY);
  assert_headers_match (page, store, WY_DUE_BY_COMMUNITY);
  g_assert_false (header_present (page, "测试督办组 (1): 0 overdue, 1 due today, 0 due this week"));
  g_assert_cmpuint (count_rows (page, WY_DUE_ROW_ITEM), ==, items->len);

  wy_due_page_set_grouping (page, WY_DUE_BY_UNIT);
  assert_headers_match (page, store, WY_DUE_BY_UNIT);

  /* Activating the row of our task (as Enter or a click does) opens it;
   * a header opens nothing. */
  position = find_header (page, "测试督办组");
  gtk_widget_activate_action (GTK_WIDGET (wy_due_page_get_list_view (page)), "list.activate-item", "u", position);
  g_assert_cmpuint (opened.n_emitted, ==, 0);
  {
    g_autoptr(GObject) row = g_list_model_get_item (wy_due_page_get_rows (page), position + 1);

    g_assert_cmpint (wy_due_page_row_get_kind (row), ==, WY_DUE_ROW_ITEM);
    g_assert_cmpint (wy_due_page_row_get_item (row)->id, ==, task_id);
  }
  gtk_widget_activate_action (GTK_WIDGET (wy_due_page_get_list_view (page)), "list.activate-item", "u", position + 1);
  g_assert_cmpuint (opened.n_emitted, ==, 1);
  g_assert_cmpint (opened.kind, ==, WY_DUE_KIND_TASK);
  g_assert_cmpint (opened.id, ==, task_id);

  /* An edit elsewhere reaches the page: our task, done, leaves; a task
   * overdue since yesterday arrives. */
  g_assert_true (wy_store_update_field (store, WY_TABLE_TASK, task_id, "status", WY_TASK_DONE, &error));
  g_assert_true (wy_store_update_field (store, WY_TABLE_TASK, task_id, "deadline", "2023-03-14", &error));
  g_assert_true (wy_store_update_field (store, WY_TABLE_TASK, task_id, "status", WY_TASK_IN_PROGRESS, &error));
  g_assert_no_error (error);
  expected_overdue = counts[WY_DUE_OVERDUE] + 1;
  g_object_set_data (G_OBJECT (page), "expected", &expected_overdue);
  wy_test_spin_until (overdue_is, page);
  g_assert_cmpuint (wy_due_page_get_count (page, WY_DUE_OVERDUE), ==, expected_overdue);
  g_assert_cmpuint (wy_due_page_get_count (page, WY_DUE_TODAY), ==, counts[WY_DUE_TODAY] - 1);
  g_assert_true (header_present (page, "测试督办组 (1): 1 overdue, 0 due today, 0 due this week"));

  if (g_getenv ("WY_TEST_SCREENSHOT_PAUSE") != NULL)
    wy_test_spin_for (atoi (g_getenv ("WY_TEST_SCREENSHOT_PAUSE")));

  gtk_window_destroy (window);
  wy_test_spin_for (20);
}

static void
test_due_page_empty (void)
{
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = wy_test_tmp_path ("due-empty.wuyou");
  WyDuePage *page;
  GDate today;

  store = wy_store_create_empty (path, &error);
  g_assert_no_error (error);

  page = g_object_ref_sink (wy_due_page_new (store));
  wy_test_date (&today, TODAY);
  wy_due_page_set_today (page, &today);
  for (guint b = 0; b < WY_DUE_N_BUCKETS; b++)
    g_assert_cmpuint (wy_due_page_get_count (page, b), ==, 0);
  g_assert_cmpuint (count_rows (page, WY_DUE_ROW_ITEM), ==, 0);
  g_object_unref (page);
}

static gboolean
not_loading (gpointer data)
{
  return !wy_due_page_is_loading (data);
}

static gboolean
is_loading (gpointer data)
{
  return wy_due_page_is_loading (data);
}

static const char *
shown_child (WyDuePage *page)
{
  GtkWidget *stack = gtk_widget_get_last_child (gtk_widget_get_first_child (GTK_WIDGET (page)));

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* What the page must show for today: its counts and its items. */
static void
assert_counts_match (WyDuePage *page,
                     WyStore   *store)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[WY_DUE_N_BUCKETS];
  GDate today;

  /* The page's day: the clock, fixed by the test. */
  wy_test_date (&today, TODAY);
  items = wy_store_list_due (store, &today, wy_store_get_warning_days (store), 7, &error);
  g_assert_no_error (error);
  wy_due_count_buckets (items, counts);
  for (guint b = 0; b < WY_DUE_N_BUCKETS; b++)
    g_assert_cmpuint (wy_due_page_get_count (page, b), ==, counts[b]);
  g_assert_cmpuint (count_rows (page, WY_DUE_ROW_ITEM), ==, items->len);
  g_assert_cmpstr (shown_child (page), ==, items->len > 0 ? "list" : "empty");
}

static gint64
add_task_due (WyStore    *store,
              const char *deadline)
{
  g_autoptr(GError) error = NULL;
  WyRecord *task = wy_record_new (WY_TABLE_TASK);
  gint64 id;

  wy_record_set (task, "title", "督办：补齐台账");
  wy_record_set (task, "lead_units", "测试督办组");
  wy_record_set (task, "deadline", deadline);
  wy_record_set (task, "status", WY_TASK_IN_PROGRESS);
  id = wy_store_insert (store, task, &error);
  g_assert_no_error (error);
  wy_record_unref (task);
  return id;
}

/* Shown, the page reads in a thread on a connection of its own and says
 * "Loading…" meanwhile; a later read replaces one still running. The
 * page follows the clock here (no set_today, which reads at once): the
 * test fixes the clock's day, so the suite answers the same on any day. */
static void
test_due_page_thread (void)
{
  g_autofree char *today_iso = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  WyDuePage *page;
  GtkWindow *window;
  gint64 task_id;
  GDate today;

  wy_test_date (&today, TODAY);
  wy_clock_set_fixed (&today);
  today_iso = g_strdup (TODAY);
  store = wy_test_open_demo ("due-thread.wuyou", DEMO_SIZE, today_iso);

  /* A page that goes away while it reads drops what it read. */
  page = wy_due_page_new (store);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (wy_due_page_is_loading (page));
  gtk_window_destroy (window);
  wy_test_spin_for (200);

  /* Not read before it is seen; then read in the thread, "Loading…"
   * meanwhile (the read ends in a later turn of the main loop). */
  page = wy_due_page_new (store);
  g_assert_false (wy_due_page_is_loading (page));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1024, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (wy_due_page_is_loading (page));
  g_assert_cmpstr (shown_child (page), ==, "loading");
  g_assert_cmpuint (count_rows (page, WY_DUE_ROW_ITEM), ==, 0);
  wy_test_spin_until (not_loading, page);
  g_assert_false (wy_due_page_is_loading (page));
  assert_counts_match (page, store);
  g_assert_cmpuint (wy_due_page_get_count (page, WY_DUE_OVERDUE), >, 0);

  /* An edit reads again in the thread, keeping the list meanwhile; an
   * edit made while that read runs is read once it is in. */
  task_id = add_task_due (store, today_iso);
  wy_test_spin_until (is_loading, page);
  g_assert_true (wy_due_page_is_loading (page));
  g_assert_cmpstr (shown_child (page), ==, "list");
  g_assert_true (wy_store_update_field (store, WY_TABLE_TASK, task_id, "deadline", "2000-01-01", &error));
  g_assert_no_error (error);
  wy_test_spin_until (not_loading, page);
  g_assert_false (wy_due_page_is_loading (page));
  assert_counts_match (page, store);

  /* A read now (the warning window changed) replaces the one running. */
  add_task_due (store, today_iso);
  wy_test_spin_until (is_loading, page);
  g_assert_true (wy_due_page_is_loading (page));
  wy_due_page_reload (page);
  g_assert_false (wy_due_page_is_loading (page));
  assert_counts_match (page, store);
  wy_test_spin_for (300);
  assert_counts_match (page, store);

  gtk_window_destroy (window);
  wy_test_spin_for (20);
  wy_clock_set_fixed (NULL);
}

/* The helpers the lists size and label their cells with. */
static void
test_cell_helpers (void)
{
  g_autoptr(GtkWidget) cell = g_object_ref_sink (gtk_label_new ("东门社区居民委员会"));

  g_assert_cmpuint (wy_gui_text_chars ("东门社区"), ==, 8);
  g_assert_cmpuint (wy_gui_text_chars ("Overdue 5"), ==, 9);
  g_assert_cmpuint (wy_gui_text_chars (NULL), ==, 0);
  /* "● On schedule": the dot, a space and the longest light word. */
  g_assert_cmpuint (wy_gui_light_column_chars (), ==, 2 + strlen (wy_light_to_label (WY_LIGHT_GREEN)));

  wy_gui_set_cell_tooltip (cell, "东门社区居民委员会");
  g_assert_true (gtk_widget_get_has_tooltip (cell));
  wy_gui_set_cell_tooltip (cell, "");
  g_assert_false (gtk_widget_get_has_tooltip (cell));
  wy_gui_set_cell_tooltip (cell, "北湖社区");
  g_assert_true (gtk_widget_get_has_tooltip (cell));
  wy_gui_set_cell_tooltip (cell, NULL);
  g_assert_false (gtk_widget_get_has_tooltip (cell));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/due-page/figures-groups-open", test_due_page);
  g_test_add_func ("/due-page/empty", test_due_page_empty);
  g_test_add_func ("/due-page/thread", test_due_page_thread);
  g_test_add_func ("/gui/cell-helpers", test_cell_helpers);

  return g_test_run ();
}
