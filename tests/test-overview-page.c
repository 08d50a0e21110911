/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <cairo.h>
#include <gtk/gtk.h>

#include "wy-compounds-page.h"
#include "wy-meeting-mode.h"
#include "wy-overview-page.h"
#include "wy-problem-item.h"
#include "wy-problems-page.h"
#include "wy-test-gui.h"
#include "wy-test-util.h"
#include "wy-window.h"

#define DEMO_SIZE 40
#define TODAY "2023-03-15"

static void
spin_a_little (void)
{
  for (int i = 0; i < 20; i++)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
is_loaded (gpointer page)
{
  return !wy_overview_page_is_loading (page) && wy_overview_page_get_figures (page) != NULL;
}

/* The chart has been drawn at its size: its items have places. */
static gboolean
is_drawn (gpointer view)
{
  return wy_chart_get_n_items (wy_chart_view_get_chart (view)) > 0 &&
         wy_chart_get_item (wy_chart_view_get_chart (view), 0)->width > 0;
}

static gboolean
is_meeting_loaded (gpointer meeting)
{
  return wy_meeting_mode_is_loaded (meeting);
}

typedef struct {
  char            *path;
  WyStore         *store;
  WyWindow        *window;
  WyOverviewPage  *page;
  GDate            today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.wuyou.Wuyou");
  g_autoptr(GError) error = NULL;
  WyProblemsPage *problems;

  f->path = wy_test_tmp_path (data);
  wy_test_date (&f->today, TODAY);
  g_assert_true (wy_demo_write (f->path, DEMO_SIZE, &f->today, &error));
  g_assert_no_error (error);
  f->store = wy_store_open (f->path, &error);
  g_assert_no_error (error);

  /* Nothing remembered: the Overview is the first page. */
  g_settings_reset (settings, "page");
  f->window = wy_window_new (NULL, f->store);
  g_assert_cmpstr (wy_window_get_page (f->window), ==, "overview");
  f->page = WY_OVERVIEW_PAGE (wy_window_get_page_widget (f->window, "overview"));
  g_assert_nonnull (f->page);

  /* The demo's lights are those of its own day, on every page. */
  problems = WY_PROBLEMS_PAGE (wy_window_get_problems_page (f->window));
  wy_problems_page_set_today (problems, &f->today);
  wy_overview_page_set_today (f->page, &f->today);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (f->window));
  wy_test_spin_until (wy_test_is_mapped, f->page);
  wy_test_spin_until (is_loaded, f->page);
  g_assert_true (is_loaded (f->page));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin_a_little ();
  g_clear_object (&f->store);
  g_free (f->path);
}

static const char *
label_text (GtkWidget *button,
            guint      nth)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *child = gtk_widget_get_first_child (box);

  while (nth-- > 0 && child != NULL)
    child = gtk_widget_get_next_sibling (child);
  return gtk_label_get_text (GTK_LABEL (child));
}

/* The figures are the dashboard's, and the buttons show them. */
static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  const WyOverview *o = wy_overview_page_get_figures (f->page);
  WyDashboard dash;

  g_assert_true (wy_store_get_dashboard (f->store, &f->today, wy_store_get_warning_days (f->store),
                                         &dash, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (o->compounds, ==, dash.compounds);
  g_assert_cmpuint (o->pilots, ==, dash.pilots);
  g_assert_cmpuint (o->attained, ==, dash.attained);
  g_assert_cmpuint (o->problems_open, ==, dash.problems_open);
  g_assert_cmpuint (o->problems_overdue, ==, dash.problems_overdue);
  g_assert_cmpuint (o->problems_due_soon, ==, dash.problems_due_soon);
  g_assert_cmpuint (dash.problems_overdue, >, 0);

  count = g_strdup_printf ("%u", dash.compounds);
  g_assert_cmpstr (label_text (wy_overview_page_get_figure_button (f->page, WY_OVERVIEW_FIGURE_COMPOUNDS), 0),
                   ==, count);
  g_free (count);
  count = g_strdup_printf ("%u", dash.problems_overdue);
  g_assert_cmpstr (label_text (wy_overview_page_get_figure_button (f->page, WY_OVERVIEW_FIGURE_OVERDUE), 0),
                   ==, count);
  /* It counts problems only, and says so: the Due page's overdue items
   * are tasks and milestones too (issue 12, point 4). */
  g_assert_cmpstr (label_text (wy_overview_page_get_figure_button (f->page, WY_OVERVIEW_FIGURE_OVERDUE), 1),
                   ==, "Overdue problems");
  g_assert_cmpstr (label_text (wy_overview_page_get_figure_button (f->page, WY_OVERVIEW_FIGURE_DUE_SOON), 1),
                   ==, "Problems due within 7 days");

  /* The demo ledger's plan starts a few months before its day. */
  g_assert_cmpint (o->plan_position, ==, WY_PLAN_IN_PHASE);
  g_assert_cmpint (o->phase_id, >, 0);

  /* Every chart has its data. */
  for (guint k = 0; k < WY_N_CHARTS; k++)
    g_assert_true (wy_chart_view_has_data (wy_overview_page_get_chart_view (f->page, k)));
}

/* "Overdue" opens the problem list at the overdue ones. */
static void
test_figure_opens_list (Fixture       *f,
                        gconstpointer  data)
{
  const WyOverview *o = wy_overview_page_get_figures (f->page);
  guint overdue = o->problems_overdue;
  WyProblemsPage *problems = WY_PROBLEMS_PAGE (wy_window_get_problems_page (f->window));
  WyCompoundsPage *compounds = wy_window_get_compounds_page (f->window);

  g_signal_emit_by_name (wy_overview_page_get_figure_button (f->page, WY_OVERVIEW_FIGURE_OVERDUE), "clicked");
  g_assert_cmpstr (wy_window_get_page (f->window), ==, "problems");
  spin_a_little ();
  g_assert_cmpuint (wy_problems_page_get_n_shown (problems), ==, overdue);

  /* "Compounds" opens the whole list again. */
  wy_window_show_page (f->window, "overview");
  g_signal_emit_by_name (wy_overview_page_get_figure_button (f->page, WY_OVERVIEW_FIGURE_COMPOUNDS), "clicked");
  g_assert_cmpstr (wy_window_get_page (f->window), ==, "compounds");
  g_assert_cmpuint (wy_compounds_page_get_n_shown (compounds), ==, wy_overview_page_get_figures (f->page)->compounds);

  /* "Pilot compounds" the pilots only. */
  wy_window_show_page (f->window, "overview");
  g_signal_emit_by_name (wy_overview_page_get_figure_button (f->page, WY_OVERVIEW_FIGURE_PILOTS), "clicked");
  g_assert_cmpstr (wy_window_get_page (f->window), ==, "compounds");
  g_assert_cmpuint (wy_compounds_page_get_n_shown (compounds), ==, wy_overview_page_get_figures (f->page)->pilots);

  /* An Overview narrowed to one community opens that community's overdue
   * items, not the whole ledger's. */
  {
    g_autoptr(GPtrArray) communities = wy_store_list (f->store, WY_TABLE_COMMUNITY, 0, NULL);
    gint64 community_id = wy_record_get_id (g_ptr_array_index (communities, 0));
    guint community_overdue;

    wy_window_show_page (f->window, "overview");
    wy_overview_page_set_place (f->page, 0, community_id);
    wy_test_spin_until (is_loaded, f->page);
    community_overdue = wy_overview_page_get_figures (f->page)->problems_overdue;
    g_assert_cmpuint (community_overdue, <, overdue);

    g_signal_emit_by_name (wy_overview_page_get_figure_button (f->page, WY_OVERVIEW_FIGURE_OVERDUE), "clicked");
    g_assert_cmpstr (wy_window_get_page (f->window), ==, "problems");
    spin_a_little ();
    g_assert_cmpuint (wy_problems_page_get_n_shown (problems), ==, community_overdue);
  }
}

static gboolean
left_overview (gpointer window)
{
  return g_strcmp0 (wy_window_get_page (window), "overview") != 0;
}

/* Each headline figure counts the rows of the list its card opens
 * (issue 12, point 4), the card pressed as a user presses it. */
static guint
open_card (Fixture          *f,
           WyOverviewFigure  figure,
           const char       *page)
{
  WyProblemsPage *problems = WY_PROBLEMS_PAGE (wy_window_get_problems_page (f->window));
  WyCompoundsPage *compounds = wy_window_get_compounds_page (f->window);

  wy_window_show_page (f->window, "overview");
  spin_a_little ();
  /* Space or Enter on the card: clicked once its press has shown. */
  g_assert_true (gtk_widget_activate (wy_overview_page_get_figure_button (f->page, figure)));
  wy_test_spin_until (left_overview, f->window);
  g_assert_cmpstr (wy_window_get_page (f->window), ==, page);
  spin_a_little ();
  if (g_str_equal (page, "problems"))
    return wy_problems_page_get_n_shown (problems);
  return wy_compounds_page_get_n_shown (compounds);
}

static void
test_card_compounds (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (open_card (f, WY_OVERVIEW_FIGURE_COMPOUNDS, "compounds"), ==,
                    wy_overview_page_get_figures (f->page)->compounds);
}

static void
test_card_pilots (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (open_card (f, WY_OVERVIEW_FIGURE_PILOTS, "compounds"), ==,
                    wy_overview_page_get_figures (f->page)->pilots);
}

static void
test_card_attained (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (open_card (f, WY_OVERVIEW_FIGURE_ATTAINED, "compounds"), ==,
                    wy_overview_page_get_figures (f->page)->attained);
}

static void
test_card_open (Fixture *f, gconstpointer data)
{
  WyProblemsPage *problems = WY_PROBLEMS_PAGE (wy_window_get_problems_page (f->window));
  GListModel *model = wy_problems_page_get_model (problems);

  g_assert_cmpuint (open_card (f, WY_OVERVIEW_FIGURE_OPEN, "problems"), ==,
                    wy_overview_page_get_figures (f->page)->problems_open);
  /* 未销号: no signed-off item among them. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WyProblemItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (wy_problem_item_get_row (item)->status, !=, WY_PROBLEM_SIGNED_OFF);
    }
}

static void
test_card_overdue (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (open_card (f, WY_OVERVIEW_FIGURE_OVERDUE, "problems"), ==,
                    wy_overview_page_get_figures (f->page)->problems_overdue);
}

static void
test_card_due_soon (Fixture *f, gconstpointer data)
{
  g_assert_cmpuint (open_card (f, WY_OVERVIEW_FIGURE_DUE_SOON, "problems"), ==,
                    wy_overview_page_get_figures (f->page)->problems_due_soon);
}

static void
test_card_signed_off (Fixture *f, gconstpointer data)
{
  /* After another card, so that no filter of that one stays behind. */
  open_card (f, WY_OVERVIEW_FIGURE_OPEN, "problems");
  g_assert_cmpuint (open_card (f, WY_OVERVIEW_FIGURE_SIGNED_OFF, "problems"), ==,
                    wy_overview_page_get_figures (f->page)->signed_off_this_month);
}

static const WyChartItem *
find_item (WyChartView       *view,
           WyChartTargetKind  target)
{
  WyChart *chart = wy_chart_view_get_chart (view);

  for (guint i = 0; i < wy_chart_get_n_items (chart); i++)
    {
      const WyChartItem *item = wy_chart_get_item (chart, i);

      if (item->target == target && item->width > 0 && item->height > 0)
        return item;
    }
  return NULL;
}

/* Clicking a community's bar shows its compounds, as many as the bar
 * counts. The click goes through the same function as the gesture's. */
static void
test_bar_opens_community (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) streets = wy_store_list (f->store, WY_TABLE_STREET, 0, NULL);
  g_autoptr(GPtrArray) in_community = NULL;
  WyChartView *view = wy_overview_page_get_chart_view (f->page, WY_CHART_ATTAINMENT);
  WyCompoundsPage *compounds = wy_window_get_compounds_page (f->window);
  const WyChartItem *item;
  g_autofree char *label = NULL;
  gint64 street_id, community_id;
  guint expected;

  /* One street office: its communities are the bars. */
  street_id = wy_record_get_id (g_ptr_array_index (streets, 0));
  wy_overview_page_set_place (f->page, street_id, 0);
  g_assert_cmpint (wy_overview_page_get_street (f->page), ==, street_id);
  wy_test_spin_until (is_loaded, f->page);
  wy_test_spin_until (is_drawn, view);
  g_assert_true (is_drawn (view));

  item = find_item (view, WY_CHART_TARGET_COMMUNITY);
  g_assert_nonnull (item);
  community_id = item->id;
  label = g_strdup (item->label);
  in_community = wy_store_list (f->store, WY_TABLE_COMPOUND, community_id, NULL);
  expected = in_community->len;
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (item->total, ==, expected);
  g_assert_nonnull (item->tooltip);

  g_assert_true (wy_chart_view_activate_at (view, item->x + item->width / 2, item->y + item->height / 2));
  g_assert_cmpstr (wy_window_get_page (f->window), ==, "compounds");
  spin_a_little ();
  g_assert_cmpuint (wy_compounds_page_get_n_shown (compounds), ==, expected);
  g_assert_cmpuint (gtk_drop_down_get_selected (wy_compounds_page_get_filter_widget (compounds,
                                                                                   WY_COMPOUNDS_FILTER_COMMUNITY)), >, 0);

  /* Nothing there: nothing happens. */
  g_assert_false (wy_chart_view_activate_at (view, -10, -10));
}

/* The keyboard: arrows move between the bars, Enter opens one; the
 * focused bar's values are what a screen reader reads. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  WyChartView *view = wy_overview_page_get_chart_view (f->page, WY_CHART_LIGHTS);
  WyProblemsPage *problems = WY_PROBLEMS_PAGE (wy_window_get_problems_page (f->window));
  WyChart *chart = wy_chart_view_get_chart (view);
  const WyChartItem *item = NULL;
  int index = -1;

  wy_test_spin_until (is_drawn, view);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));

  /* Tabbing in lands on the first bar that opens something. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  spin_a_little ();
  index = wy_chart_view_get_focus_item (view);
  g_assert_cmpint (index, >=, 0);

  for (guint i = 0; i < wy_chart_get_n_items (chart); i++)
    if (wy_chart_get_item (chart, i)->target == WY_CHART_TARGET_LIGHT &&
        wy_chart_get_item (chart, i)->light == WY_LIGHT_RED)
      {
        wy_chart_view_set_focus_item (view, i);
        item = wy_chart_get_item (chart, i);
      }
  g_assert_nonnull (item);
  g_assert_cmpstr (wy_chart_view_get_focus_text (view), ==, item->tooltip);

  g_assert_true (wy_chart_view_activate_focus (view));
  g_assert_cmpstr (wy_window_get_page (f->window), ==, "problems");
  spin_a_little ();
  g_assert_cmpuint (wy_problems_page_get_n_shown (problems), ==,
                    wy_overview_page_get_figures (f->page)->problems_overdue);
}

/* The responsible units' ranking opens the problems of the unit. */
static void
test_ranking_opens_unit (Fixture       *f,
                         gconstpointer  data)
{
  WyChartView *view = wy_overview_page_get_chart_view (f->page, WY_CHART_RANKING);
  const WyChartItem *item;

  wy_test_spin_until (is_drawn, view);
  item = find_item (view, WY_CHART_TARGET_UNIT);
  g_assert_nonnull (item);
  g_assert_nonnull (item->label);

  g_assert_true (wy_chart_view_activate_at (view, item->x + item->width / 2, item->y + item->height / 2));
  g_assert_cmpstr (wy_window_get_page (f->window), ==, "problems");
}

static GtkShortcutAction *
find_key (GtkWidget *widget,
          guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          g_strcmp0 (gtk_event_controller_get_name (controller), "wy-meeting-keys") != 0)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_get_action (shortcut);
        }
    }
  return NULL;
}

/* What the key's shortcut does (GTK 4 cannot synthesise a key press).
 * FALSE when its action is disabled (no screen to go to). */
static gboolean
try_press (GtkWidget *widget,
           guint      keyval)
{
  GtkShortcutAction *action = find_key (widget, keyval);
  gboolean done;

  g_assert_nonnull (action);
  done = gtk_shortcut_action_activate (action, 0, widget, NULL);
  spin_a_little ();
  return done;
}

static void
press (GtkWidget *widget,
       guint      keyval)
{
  g_assert_true (try_press (widget, keyval));
}

static void
test_meeting_mode (Fixture       *f,
                   gconstpointer  data)
{
  WyMeetingMode *meeting = NULL;
  GtkWindow *window;

  /* F5 and the page's button both run win.meeting-mode. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->window), "meeting-mode"));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "meeting-mode", NULL);
  window = wy_overview_page_open_meeting_mode (f->page);
  g_assert_true (WY_IS_MEETING_MODE (window));
  meeting = WY_MEETING_MODE (window);
  g_object_add_weak_pointer (G_OBJECT (meeting), (gpointer *) &meeting);
  g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (f->window));

  wy_test_spin_until (wy_test_is_mapped, window);
  wy_test_spin_until (is_meeting_loaded, meeting);
  g_assert_true (wy_meeting_mode_is_loaded (meeting));

  /* The figures first, then one chart per screen. */
  g_assert_cmpuint (wy_meeting_mode_get_n_screens (meeting), ==, 1 + WY_N_CHARTS);
  g_assert_cmpuint (wy_meeting_mode_get_screen (meeting), ==, 0);
  g_assert_cmpstr (wy_meeting_mode_get_indicator (meeting), ==, "1 / 6");
  g_assert_null (wy_meeting_mode_get_chart_view (meeting, 0));
  for (guint s = 1; s < 1 + WY_N_CHARTS; s++)
    g_assert_true (wy_chart_view_has_data (wy_meeting_mode_get_chart_view (meeting, s)));

  press (GTK_WIDGET (window), GDK_KEY_Right);
  g_assert_cmpuint (wy_meeting_mode_get_screen (meeting), ==, 1);
  g_assert_cmpstr (wy_meeting_mode_get_indicator (meeting), ==, "2 / 6");
  press (GTK_WIDGET (window), GDK_KEY_Page_Down);
  press (GTK_WIDGET (window), GDK_KEY_space);
  g_assert_cmpuint (wy_meeting_mode_get_screen (meeting), ==, 3);
  press (GTK_WIDGET (window), GDK_KEY_Page_Up);
  press (GTK_WIDGET (window), GDK_KEY_Left);
  g_assert_cmpuint (wy_meeting_mode_get_screen (meeting), ==, 1);
  press (GTK_WIDGET (window), GDK_KEY_End);
  g_assert_cmpstr (wy_meeting_mode_get_indicator (meeting), ==, "6 / 6");
  /* Past the last screen it stays. */
  g_assert_false (try_press (GTK_WIDGET (window), GDK_KEY_Right));
  g_assert_cmpuint (wy_meeting_mode_get_screen (meeting), ==, 5);

  /* Esc leaves. */
  press (GTK_WIDGET (window), GDK_KEY_Escape);
  spin_a_little ();
  g_assert_null (meeting);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *png = wy_test_tmp_path ("attainment.png");
  g_autofree char *pdf = wy_test_tmp_path ("lights.pdf");
  g_autofree char *bad = wy_test_tmp_path ("lights.bmp");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;

  g_assert_true (wy_overview_page_export_chart (f->page, WY_CHART_ATTAINMENT, png, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1000);
  cairo_surface_destroy (surface);

  g_assert_true (wy_overview_page_export_chart (f->page, WY_CHART_LIGHTS, pdf, &error));
  g_assert_no_error (error);
  bytes = wy_test_read_file (pdf);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 4);
  g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), "%PDF", 4), ==, 0);

  /* A format it cannot write: an error, no file. */
  g_assert_false (wy_overview_page_export_chart (f->page, WY_CHART_LIGHTS, bad, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* An edit elsewhere shows on the Overview without asking. */
static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) communities = wy_store_list (f->store, WY_TABLE_COMMUNITY, 0, NULL);
  g_autoptr(WyRecord) compound = wy_record_new (WY_TABLE_COMPOUND);
  g_autoptr(GError) error = NULL;
  guint before = wy_overview_page_get_figures (f->page)->compounds;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  wy_record_set_int (compound, "community_id", wy_record_get_id (g_ptr_array_index (communities, 0)));
  wy_record_set (compound, "name", "新建小区");
  wy_record_set (compound, "category", WY_CATEGORY_THREE_NONE);
  g_assert_cmpint (wy_store_insert (f->store, compound, &error), >, 0);
  g_assert_no_error (error);

  while (wy_overview_page_get_figures (f->page)->compounds == before && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  g_assert_cmpuint (wy_overview_page_get_figures (f->page)->compounds, ==, before + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *schema_dir = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  /* The schema compiled in the build tree, for the remembered page. */
  schema_dir = g_test_build_filename (G_TEST_BUILT, "..", "resources", NULL);
  g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  gtk_init ();

#define ADD(name, func) \
  g_test_add ("/overview-page/" name, Fixture, name ".wuyou", fixture_set_up, func, fixture_tear_down)
  ADD ("figures", test_figures);
  ADD ("figure-opens-list", test_figure_opens_list);
  /* The phase card counts days, not rows: it opens the Phases page. */
  ADD ("card-compounds", test_card_compounds);
  ADD ("card-pilots", test_card_pilots);
  ADD ("card-attained", test_card_attained);
  ADD ("card-open", test_card_open);
  ADD ("card-overdue", test_card_overdue);
  ADD ("card-due-soon", test_card_due_soon);
  ADD ("card-signed-off", test_card_signed_off);
  ADD ("bar-opens-community", test_bar_opens_community);
  ADD ("keyboard", test_keyboard);
  ADD ("ranking-opens-unit", test_ranking_opens_unit);
  ADD ("meeting-mode", test_meeting_mode);
  ADD ("export", test_export);
  ADD ("follows-edits", test_follows_edits);
#undef ADD

  return g_test_run ();
}
