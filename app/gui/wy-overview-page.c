/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-overview-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-drop-down.h"
#include "wy-gui.h"
#include "wy-meeting-mode.h"
#include "wy-overview-page.h"
#include "wy-page.h"
#include "wy-window.h"

/* Edits come in bursts (a form saves field by field): wait for the end. */
#define RELOAD_DELAY_MS 400

/* Sizes of the exported files: a PNG sharp on a projector, a PDF page of
 * A4 landscape (in points), an SVG of the same proportions. */
#define EXPORT_PNG_WIDTH   1600
#define EXPORT_PNG_HEIGHT  1000
#define EXPORT_PDF_WIDTH   842
#define EXPORT_PDF_HEIGHT  595
#define EXPORT_SVG_WIDTH   960
#define EXPORT_SVG_HEIGHT  600

/* The order of the charts on the page and in meeting mode: the rates
 * first, as every briefing starts with them. */
static const WyChartKind chart_order[WY_N_CHARTS] = {
  WY_CHART_ATTAINMENT,
  WY_CHART_LIGHTS,
  WY_CHART_SIGNOFF,
  WY_CHART_RANKING,
  WY_CHART_TIMELINE,
};

struct _WyOverviewPage
{
  GtkWidget       parent_instance;

  WyStore        *store;
  char           *path;
  gulong          row_changed_id;
  GDate           today;
  gboolean        today_fixed;
  gint64          street_id;
  gint64          community_id;
  GArray         *street_ids;       /* gint64 per drop-down position; 0 = all */
  GArray         *community_ids;
  gboolean        updating_places;

  /* Loading: the workers read through a second connection of their own,
   * one at a time (a WyStore is not thread-safe). */
  GMutex          reader_lock;
  WyStore        *reader;
  gboolean        reader_failed;
  GCancellable   *cancellable;
  guint           generation;
  guint           reload_id;
  gboolean        loading;
  gboolean        loaded;           /* at least once */
  gboolean        dirty;            /* edited while not shown */
  gboolean        places_dirty;     /* a street or community changed */
  guint           warning_days;
  WyOverview      figures;
  gboolean        have_figures;
  gint64          load_started;     /* for WUYOU_TIMING */

  GtkWidget      *figure_buttons[WY_OVERVIEW_N_FIGURES];
  GtkWidget      *figure_values[WY_OVERVIEW_N_FIGURES];
  GtkWidget      *figure_captions[WY_OVERVIEW_N_FIGURES];
  GtkWidget      *figure_details[WY_OVERVIEW_N_FIGURES];
  WyChartView    *charts[WY_N_CHARTS];
  GtkWindow      *meeting;          /* weak */

  /* Template widgets */
  GtkWidget      *scrolled;
  GtkLabel       *heading_label;
  GtkLabel       *as_of_label;
  GtkDropDown    *street_drop_down;
  GtkDropDown    *community_drop_down;
  GtkWidget      *meeting_button;
  GtkFlowBox     *figures_box;
  GtkWidget      *wide_chart_box;
  GtkFlowBox     *charts_box;
};

static void wy_overview_page_page_iface_init (WyPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WyOverviewPage, wy_overview_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WY_TYPE_PAGE, wy_overview_page_page_iface_init))

enum {
  SIGNAL_OPEN_LIST,
  SIGNAL_OPEN_COMPOUNDS,
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_reload (WyOverviewPage *self,
                             guint           delay_ms);
static void fill_places     (WyOverviewPage *self);

/* --- Data ----------------------------------------------------------------- */

void
wy_overview_data_free (WyOverviewData *data)
{
  if (data == NULL)
    return;

  wy_overview_clear (&data->figures);
  for (guint i = 0; i < WY_N_CHARTS; i++)
    g_clear_pointer (&data->charts[i], wy_chart_data_free);
  g_free (data);
}

typedef struct {
  WyChartQuery  query[WY_N_CHARTS];
  GDate         today;
  guint         warning_days;
  gint64        street_id;
  gint64        community_id;
  guint         generation;       /* the page's load it is, or 0 */
} LoadJob;

typedef void (*FiguresReadyFunc) (const WyOverview *figures,
                                  gpointer          user_data);

static WyOverviewData *
load_data (WyStore           *store,
           const LoadJob     *job,
           GCancellable      *cancellable,
           FiguresReadyFunc   figures_ready,
           gpointer           user_data,
           GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  WyOverviewData *data = g_new0 (WyOverviewData, 1);
  gboolean timing = g_getenv ("WUYOU_TIMING") != NULL;
  gint64 start = g_get_monotonic_time ();

  if (!wy_store_get_overview (store, &job->today, job->warning_days,
                              job->street_id, job->community_id, &data->figures, &local_error))
    {
      /* Stopped by the cancellable, SQLite only says "interrupted". */
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_propagate_error (error, g_steal_pointer (&local_error));
      wy_overview_data_free (data);
      return NULL;
    }
  if (timing)
    g_printerr ("wuyou-timing: overview figures: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  if (figures_ready != NULL)
    figures_ready (&data->figures, user_data);

  for (guint i = 0; i < WY_N_CHARTS; i++)
    {
      WyChartKind kind = chart_order[i];

      start = g_get_monotonic_time ();

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          wy_overview_data_free (data);
          return NULL;
        }

      data->charts[kind] = wy_chart_data_load (store, kind, &job->query[kind], &local_error);
      if (data->charts[kind] == NULL &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          wy_overview_data_free (data);
          return NULL;
        }
      if (data->charts[kind] == NULL)
        {
          /* One chart that cannot be read is no reason to show nothing. */
          g_warning ("Could not read the chart “%s”: %s",
                     wy_chart_kind_to_name (kind), local_error->message);
          g_clear_error (&local_error);
        }
      if (timing)
        g_printerr ("wuyou-timing: chart %s: %.1f ms\n", wy_chart_kind_to_name (kind),
                    (g_get_monotonic_time () - start) / 1000.0);
    }

  return data;
}

/* The figures take a fraction of the charts' time on a large ledger:
 * they are shown as soon as they are read. */
typedef struct {
  WyOverviewPage *page;
  guint           generation;
  WyOverview      figures;
} EarlyFigures;

static void
early_figures_free (EarlyFigures *early)
{
  g_object_unref (early->page);
  wy_overview_clear (&early->figures);
  g_free (early);
}

static void update_figures (WyOverviewPage *self);

static gboolean
on_early_figures_cb (gpointer user_data)
{
  EarlyFigures *early = user_data;
  WyOverviewPage *self = early->page;

  if (early->generation == self->generation && self->loading)
    {
      wy_overview_clear (&self->figures);
      self->figures = early->figures;
      memset (&early->figures, 0, sizeof early->figures);
      self->have_figures = TRUE;
      update_figures (self);
    }

  return G_SOURCE_REMOVE;
}

static void
post_figures (const WyOverview *figures,
              gpointer          user_data)
{
  GTask *task = user_data;
  const LoadJob *job = g_task_get_task_data (task);
  EarlyFigures *early;

  if (job->generation == 0)
    return;

  early = g_new0 (EarlyFigures, 1);
  early->page = g_object_ref (g_task_get_source_object (task));
  early->generation = job->generation;
  early->figures = *figures;
  early->figures.phase_name = g_strdup (figures->phase_name);
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              on_early_figures_cb, early, (GDestroyNotify) early_figures_free);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  WyOverviewPage *self = source_object;
  const LoadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  WyOverviewData *data = NULL;

  g_mutex_lock (&self->reader_lock);

  if (self->reader == NULL && !self->reader_failed)
    {
      self->reader = wy_store_open_readonly (self->path, &error);
      if (self->reader == NULL)
        {
          g_debug ("No second connection to %s (%s): reading on the main thread",
                   self->path, error->message);
          self->reader_failed = TRUE;
          g_clear_error (&error);
        }
    }

  if (self->reader != NULL)
    {
      /* A newer load (a filter changed again) stops this one mid-query. */
      wy_store_set_cancellable (self->reader, cancellable);
      data = load_data (self->reader, job, cancellable, post_figures, task, &error);
      wy_store_set_cancellable (self->reader, NULL);
    }

  g_mutex_unlock (&self->reader_lock);

  if (data != NULL)
    g_task_return_pointer (task, data, (GDestroyNotify) wy_overview_data_free);
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    /* No reader: the finish function reads on the main thread. */
    g_task_return_pointer (task, NULL, NULL);
}

/* --- Figures as text ------------------------------------------------------- */

/* 50,000: digits in groups of three with a comma, as both English and
 * Chinese briefings write them (the C locale would not group at all). */
static char *
format_count (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *out = g_string_new (NULL);
  size_t len = strlen (digits);

  for (size_t i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

char *
wy_overview_figure_value (const WyOverview *o,
                          WyOverviewFigure  figure)
{
  g_return_val_if_fail (o != NULL, NULL);

  switch (figure)
    {
    case WY_OVERVIEW_FIGURE_COMPOUNDS:  return format_count (o->compounds);
    case WY_OVERVIEW_FIGURE_PILOTS:     return format_count (o->pilots);
    case WY_OVERVIEW_FIGURE_ATTAINED:
      /* No compounds: no rate, rather than a misleading 0%. */
      if (o->compounds == 0)
        return g_strdup ("—");
      /* TRANSLATORS: a rate in percent, e.g. "37.5%" */
      return g_strdup_printf (_("%.1f%%"), o->attained_rate * 100.0);
    case WY_OVERVIEW_FIGURE_OPEN:       return format_count (o->problems_open);
    case WY_OVERVIEW_FIGURE_OVERDUE:    return format_count (o->problems_overdue);
    case WY_OVERVIEW_FIGURE_DUE_SOON:   return format_count (o->problems_due_soon);
    case WY_OVERVIEW_FIGURE_SIGNED_OFF: return format_count (o->signed_off_this_month);
    case WY_OVERVIEW_FIGURE_PHASE:
      switch (o->plan_position)
        {
        case WY_PLAN_IN_PHASE: return g_strdup_printf ("%d", o->phase_days_left);
        case WY_PLAN_BEFORE:   return g_strdup_printf ("%d", o->plan_days);
        default:               return g_strdup ("—");
        }
    case WY_OVERVIEW_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
wy_overview_figure_caption (const WyOverview *o,
                            WyOverviewFigure  figure,
                            guint             warning_days)
{
  g_return_val_if_fail (o != NULL, NULL);

  switch (figure)
    {
    case WY_OVERVIEW_FIGURE_COMPOUNDS:  return g_strdup (_("Compounds"));
    case WY_OVERVIEW_FIGURE_PILOTS:     return g_strdup (_("Pilot compounds"));
    case WY_OVERVIEW_FIGURE_ATTAINED:   return g_strdup (_("Attainment rate"));
    case WY_OVERVIEW_FIGURE_OPEN:       return g_strdup (_("Open problems"));
    /* Problems only, and said so: the Due page counts tasks and
     * milestones as well. */
    case WY_OVERVIEW_FIGURE_OVERDUE:    return g_strdup (_("Overdue problems"));
    case WY_OVERVIEW_FIGURE_DUE_SOON:
      /* TRANSLATORS: under the number of open problems due from today to
       * today + %u days (the warning window of Preferences) */
      return g_strdup_printf (ngettext ("Problems due within %u day", "Problems due within %u days", warning_days),
                              warning_days);
    case WY_OVERVIEW_FIGURE_SIGNED_OFF: return g_strdup (_("Signed off this month"));
    case WY_OVERVIEW_FIGURE_PHASE:
      switch (o->plan_position)
        {
        case WY_PLAN_IN_PHASE:
          /* TRANSLATORS: under a number of days; %u is the phase's number */
          return g_strdup_printf (ngettext ("Day left in phase %u", "Days left in phase %u",
                                            (gulong) MAX (o->phase_days_left, 0)),
                                  o->phase_number);
        case WY_PLAN_BEFORE:
          return g_strdup (ngettext ("Day until the plan starts", "Days until the plan starts",
                                     (gulong) MAX (o->plan_days, 0)));
        case WY_PLAN_AFTER:
          return g_strdup (_("The plan has ended"));
        case WY_PLAN_BETWEEN:
          return g_strdup (_("Between phases"));
        case WY_PLAN_NO_PHASES:
        default:
          return g_strdup (_("No phases dated"));
        }
    case WY_OVERVIEW_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
wy_overview_figure_detail (const WyOverview *o,
                           WyOverviewFigure  figure)
{
  g_autofree char *count = NULL;
  g_autofree char *total = NULL;

  g_return_val_if_fail (o != NULL, NULL);

  switch (figure)
    {
    case WY_OVERVIEW_FIGURE_ATTAINED:
      count = format_count (o->attained);
      total = format_count (o->compounds);
      /* TRANSLATORS: under the attainment rate: "9,242 of 50,000 attained" */
      return g_strdup_printf (_("%s of %s attained"), count, total);
    case WY_OVERVIEW_FIGURE_OPEN:
      /* Items of an older ledger with no deadline never turn red: they
       * are counted apart, as in the Problems list ("No deadline"). */
      if (o->problems_no_deadline == 0)
        return NULL;
      count = format_count (o->problems_no_deadline);
      /* TRANSLATORS: under the number of open problems: how many of them
       * have no deadline, e.g. "3 without a deadline" */
      return g_strdup_printf (_("%s without a deadline"), count);
    case WY_OVERVIEW_FIGURE_PHASE:
      if (o->plan_position == WY_PLAN_IN_PHASE)
        return g_strdup (o->phase_name);
      if (o->plan_position == WY_PLAN_BEFORE || o->plan_position == WY_PLAN_AFTER)
        return wy_date_to_iso (&o->plan_date);
      return NULL;
    default:
      return NULL;
    }
}

WyChartKind
wy_overview_chart_at (guint position)
{
  g_return_val_if_fail (position < WY_N_CHARTS, WY_CHART_ATTAINMENT);

  return chart_order[position];
}

/* --- Auxiliary methods ---------------------------------------------------- */

static void
get_today (WyOverviewPage *self,
           GDate          *out)
{
  if (self->today_fixed)
    *out = self->today;
  else
    {
      g_date_clear (out, 1);
      wy_clock_get_today (out);
    }
}

static void
fill_query (WyOverviewPage *self,
            WyChartKind     kind,
            const GDate    *today,
            guint           warning_days,
            WyChartQuery   *q)
{
  memset (q, 0, sizeof *q);
  q->today = *today;
  q->warning_days = warning_days;
  q->street_id = self->street_id;
  q->community_id = self->community_id;

  switch (kind)
    {
    case WY_CHART_ATTAINMENT:
      /* The whole ledger by street office; one street office (or a ledger
       * of only one) by community. */
      q->level = self->street_id > 0 || self->community_id > 0 || self->street_ids->len <= 2
                 ? WY_LEVEL_COMMUNITY : WY_LEVEL_STREET;
      break;

    case WY_CHART_RANKING:
      /* Who has the most overdue items: what a briefing names. */
      q->rank_by = WY_RANK_BY_OVERDUE;
      q->rank_what = WY_RANK_RESPONSIBLE_UNITS;
      q->max_items = 10;
      break;

    case WY_CHART_SIGNOFF:
    case WY_CHART_TIMELINE:
    case WY_CHART_LIGHTS:
    case WY_N_CHARTS:
    default:
      break;
    }
}

static void
fill_job (WyOverviewPage *self,
          LoadJob        *job)
{
  memset (job, 0, sizeof *job);
  get_today (self, &job->today);
  job->warning_days = self->warning_days;
  job->street_id = self->street_id;
  job->community_id = self->community_id;
  for (guint k = 0; k < WY_N_CHARTS; k++)
    fill_query (self, k, &job->today, job->warning_days, &job->query[k]);
}

static const char *
drop_down_text (GtkDropDown *drop_down)
{
  GObject *item = gtk_drop_down_get_selected_item (drop_down);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "";
}

static void
update_as_of (WyOverviewPage *self)
{
  g_autofree char *iso = NULL;
  g_autofree char *place = NULL;
  g_autofree char *text = NULL;
  GDate today;

  get_today (self, &today);
  iso = wy_date_to_iso (&today);

  if (self->community_id > 0)
    place = g_strdup (drop_down_text (self->community_drop_down));
  else if (self->street_id > 0)
    place = g_strdup (drop_down_text (self->street_drop_down));
  else
    place = g_strdup (_("the whole ledger"));

  /* TRANSLATORS: under the page's heading: "As of 2026-03-15 · 青松街道" */
  text = g_strdup_printf (_("As of %s · %s"), iso, place);
  gtk_label_set_text (self->as_of_label, text);
}

static void
update_figures (WyOverviewPage *self)
{
  for (guint f = 0; f < WY_OVERVIEW_N_FIGURES; f++)
    {
      g_autofree char *value = NULL;
      g_autofree char *caption = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *accessible = NULL;

      if (!self->have_figures)
        {
          gtk_label_set_text (GTK_LABEL (self->figure_values[f]), "…");
          continue;
        }

      value = wy_overview_figure_value (&self->figures, f);
      caption = wy_overview_figure_caption (&self->figures, f, self->warning_days);
      detail = wy_overview_figure_detail (&self->figures, f);

      gtk_label_set_text (GTK_LABEL (self->figure_values[f]), value);
      gtk_label_set_text (GTK_LABEL (self->figure_captions[f]), caption);
      gtk_label_set_text (GTK_LABEL (self->figure_details[f]), detail != NULL ? detail : "");
      gtk_widget_set_visible (self->figure_details[f], detail != NULL);

      /* A button whose child is a box has no name of its own. */
      accessible = detail != NULL ? g_strdup_printf ("%s: %s (%s)", caption, value, detail)
                                  : g_strdup_printf ("%s: %s", caption, value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_buttons[f]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }

  /* Red and yellow only when there is something to worry about. */
  if (self->have_figures)
    {
      gtk_widget_set_css_classes (self->figure_values[WY_OVERVIEW_FIGURE_OVERDUE],
                                  self->figures.problems_overdue > 0
                                  ? (const char *[]) { "wy-figure-value", "wy-light-red", NULL }
                                  : (const char *[]) { "wy-figure-value", NULL });
      gtk_widget_set_css_classes (self->figure_values[WY_OVERVIEW_FIGURE_DUE_SOON],
                                  self->figures.problems_due_soon > 0
                                  ? (const char *[]) { "wy-figure-value", "wy-light-yellow", NULL }
                                  : (const char *[]) { "wy-figure-value", NULL });
    }
}

/* The attainment table gets a row per unit, up to a limit: a ledger of
 * one street office shows every community, a city's 84 street offices the
 * first ones and a footnote (choosing a street office shows its own). */
#define ATTAINMENT_FRAME_HEIGHT  170
#define ATTAINMENT_ROW_HEIGHT    36
#define ATTAINMENT_MAX_ROWS      11

static void
update_attainment_height (WyOverviewPage *self)
{
  guint units;

  if (self->community_id > 0)
    units = 1;
  else if (self->street_id > 0 || self->street_ids->len <= 2)
    units = self->community_ids->len - 1;
  else
    units = self->street_ids->len - 1;

  /* One more row for "All". */
  units = CLAMP (units + 1, 3, ATTAINMENT_MAX_ROWS);
  gtk_widget_set_size_request (GTK_WIDGET (self->charts[WY_CHART_ATTAINMENT]), -1,
                               ATTAINMENT_FRAME_HEIGHT + ATTAINMENT_ROW_HEIGHT * units);
}

static void
apply_data (WyOverviewPage *self,
            WyOverviewData *data)
{
  wy_overview_clear (&self->figures);
  self->figures = data->figures;
  memset (&data->figures, 0, sizeof data->figures);
  self->have_figures = TRUE;
  update_figures (self);
  update_as_of (self);
  update_attainment_height (self);

  for (guint k = 0; k < WY_N_CHARTS; k++)
    wy_chart_view_set_data (self->charts[k], g_steal_pointer (&data->charts[k]));
}

static void
on_load_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  WyOverviewPage *self = WY_OVERVIEW_PAGE (object);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  WyOverviewData *data;

  data = wy_overview_page_load_finish (self, result, &error);

  /* A newer load was started meanwhile: this one's answer is stale. */
  if (generation != self->generation)
    {
      wy_overview_data_free (data);
      return;
    }

  self->loading = FALSE;
  g_clear_object (&self->cancellable);

  if (data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the overview: %s", error != NULL ? error->message : "?");
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }

  apply_data (self, data);
  wy_overview_data_free (data);

  if (self->load_started > 0)
    {
      g_printerr ("wuyou-timing: overview loaded %.1f ms after it was asked for\n",
                  (g_get_monotonic_time () - self->load_started) / 1000.0);
      self->load_started = 0;
    }

  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

/* generation: the page's own load, whose figures are shown as soon as
 * they are read; 0 for a copy (meeting mode). */
static void
load_async (WyOverviewPage      *self,
            guint                generation,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job = g_new0 (LoadJob, 1);

  fill_job (self, job);
  job->generation = generation;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_task_data (task, job, g_free);
  g_task_run_in_thread (task, load_in_thread);
}

static void
start_load (WyOverviewPage *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->places_dirty)
    {
      self->places_dirty = FALSE;
      fill_places (self);
    }

  self->generation++;
  self->loading = TRUE;
  self->loaded = TRUE;
  self->dirty = FALSE;
  self->warning_days = wy_store_get_warning_days (self->store);
  if (g_getenv ("WUYOU_TIMING") != NULL)
    self->load_started = g_get_monotonic_time ();

  update_as_of (self);
  load_async (self, self->generation, self->cancellable, on_load_ready_cb,
              GUINT_TO_POINTER (self->generation));
}

static gboolean
on_reload_timeout_cb (gpointer user_data)
{
  WyOverviewPage *self = user_data;

  self->reload_id = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_load (self);
  else
    self->dirty = TRUE;

  return G_SOURCE_REMOVE;
}

static void
schedule_reload (WyOverviewPage *self,
                 guint           delay_ms)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_id = g_timeout_add (delay_ms, on_reload_timeout_cb, self);
}

/* --- Place filter ----------------------------------------------------------- */

static void
fill_communities (WyOverviewPage *self)
{
  g_autoptr(GPtrArray) communities = NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 zero = 0;

  /* With no street office chosen every community is offered: a street
   * office's own ledger has only its own. */
  communities = wy_store_list (self->store, WY_TABLE_COMMUNITY, self->street_id, NULL);

  g_array_set_size (self->community_ids, 0);
  g_array_append_val (self->community_ids, zero);
  gtk_string_list_append (strings, _("All communities"));
  for (guint i = 0; communities != NULL && i < communities->len; i++)
    {
      WyRecord *community = g_ptr_array_index (communities, i);
      gint64 id = wy_record_get_id (community);

      if (id == self->community_id)
        selected = self->community_ids->len;
      g_array_append_val (self->community_ids, id);
      gtk_string_list_append (strings, wy_record_get (community, "name"));
    }
  if (selected == 0)
    self->community_id = 0;

  self->updating_places = TRUE;
  gtk_drop_down_set_model (self->community_drop_down, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->community_drop_down, selected);
  self->updating_places = FALSE;
}

static void
fill_places (WyOverviewPage *self)
{
  g_autoptr(GPtrArray) streets = NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 zero = 0;

  streets = wy_store_list (self->store, WY_TABLE_STREET, 0, NULL);

  g_array_set_size (self->street_ids, 0);
  g_array_append_val (self->street_ids, zero);
  gtk_string_list_append (strings, _("All street offices"));
  for (guint i = 0; streets != NULL && i < streets->len; i++)
    {
      WyRecord *street = g_ptr_array_index (streets, i);
      gint64 id = wy_record_get_id (street);

      if (id == self->street_id)
        selected = self->street_ids->len;
      g_array_append_val (self->street_ids, id);
      gtk_string_list_append (strings, wy_record_get (street, "name"));
    }
  if (selected == 0)
    self->street_id = 0;

  self->updating_places = TRUE;
  gtk_drop_down_set_model (self->street_drop_down, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->street_drop_down, selected);
  self->updating_places = FALSE;

  fill_communities (self);
}

static void
on_street_selected_cb (GtkDropDown    *drop_down,
                       GParamSpec     *pspec,
                       WyOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->updating_places)
    return;

  self->street_id = selected < self->street_ids->len ? g_array_index (self->street_ids, gint64, selected) : 0;
  self->community_id = 0;
  fill_communities (self);
  start_load (self);
}

static void
on_community_selected_cb (GtkDropDown    *drop_down,
                          GParamSpec     *pspec,
                          WyOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->updating_places)
    return;

  self->community_id = selected < self->community_ids->len ? g_array_index (self->community_ids, gint64, selected) : 0;
  start_load (self);
}

/* --- Callbacks ------------------------------------------------------------ */

static void
on_store_row_changed_cb (WyStore        *store,
                         int             table,
                         gint64          id,
                         WyOverviewPage *self)
{
  if (!self->loaded)
    return;

  switch (table)
    {
    case WY_TABLE_STREET:
    case WY_TABLE_COMMUNITY:
      /* Refilled once with the next load, not once per row of an import. */
      self->places_dirty = TRUE;
      G_GNUC_FALLTHROUGH;
    case WY_TABLE_COMPOUND:
    case WY_TABLE_COMPOUND_TARGET:
    case WY_TABLE_TARGET:
    case WY_TABLE_PROBLEM:
    case WY_TABLE_TASK:
    case WY_TABLE_PHASE:
    case WY_TABLE_MILESTONE:
      schedule_reload (self, RELOAD_DELAY_MS);
      break;

    default:
      break;
    }
}

static void
on_map_cb (GtkWidget      *widget,
           WyOverviewPage *self)
{
  if (!self->loaded || self->dirty)
    start_load (self);
}

static void
on_figure_clicked_cb (GtkButton      *button,
                      WyOverviewPage *self)
{
  WyOverviewFigure figure = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "wy-figure"));
  g_autofree char *month = NULL;
  GDate today;

  switch (figure)
    {
    case WY_OVERVIEW_FIGURE_COMPOUNDS:
      g_signal_emit (self, signals[SIGNAL_OPEN_COMPOUNDS], 0,
                     self->street_id, self->community_id, (int) WY_OVERVIEW_COMPOUNDS_ALL);
      break;

    case WY_OVERVIEW_FIGURE_PILOTS:
      g_signal_emit (self, signals[SIGNAL_OPEN_COMPOUNDS], 0,
                     self->street_id, self->community_id, (int) WY_OVERVIEW_COMPOUNDS_PILOTS);
      break;

    case WY_OVERVIEW_FIGURE_ATTAINED:
      g_signal_emit (self, signals[SIGNAL_OPEN_COMPOUNDS], 0,
                     self->street_id, self->community_id, (int) WY_OVERVIEW_COMPOUNDS_ATTAINED);
      break;

    case WY_OVERVIEW_FIGURE_OPEN:
      g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0,
                     (int) WY_CHART_TARGET_LIGHT, (gint64) 0, (int) WY_LIGHT_NONE, NULL);
      break;

    case WY_OVERVIEW_FIGURE_OVERDUE:
      g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0,
                     (int) WY_CHART_TARGET_LIGHT, (gint64) 0, (int) WY_LIGHT_RED, NULL);
      break;

    case WY_OVERVIEW_FIGURE_DUE_SOON:
      g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0,
                     (int) WY_CHART_TARGET_LIGHT, (gint64) 0, (int) WY_LIGHT_YELLOW, NULL);
      break;

    case WY_OVERVIEW_FIGURE_SIGNED_OFF:
      get_today (self, &today);
      month = g_strdup_printf ("%04d-%02d", g_date_get_year (&today), g_date_get_month (&today));
      g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0,
                     (int) WY_CHART_TARGET_MONTH, (gint64) 0, (int) WY_LIGHT_DONE, month);
      break;

    case WY_OVERVIEW_FIGURE_PHASE:
      g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0,
                     (int) WY_CHART_TARGET_PHASE, self->figures.phase_id, (int) WY_LIGHT_NONE, NULL);
      break;

    case WY_OVERVIEW_N_FIGURES:
    default:
      g_return_if_reached ();
    }
}

static void
on_chart_item_activated_cb (WyChartView    *view,
                            int             kind,
                            gint64          id,
                            int             light,
                            const char     *label,
                            WyOverviewPage *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0, kind, id, light, label);
}

/* --- Export ----------------------------------------------------------------- */

typedef struct {
  WyOverviewPage *page;
  WyChartKind     kind;
  char           *extension;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->page);
  g_free (request->extension);
  g_free (request);
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       ExportRequest   *request)
{
  WyOverviewPage *self = request->page;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *full = NULL;
  g_autofree char *lower = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL)
    {
      /* A name typed without the extension gets the chosen format's. */
      lower = g_ascii_strdown (path, -1);
      full = g_str_has_suffix (lower, request->extension)
             ? g_strdup (path) : g_strconcat (path, request->extension, NULL);

      if (!wy_overview_page_export_chart (self, request->kind, full, &error))
        wy_gui_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           _("Could not export the chart"), error);
      else if (WY_IS_WINDOW (root))
        {
          g_autofree char *basename = g_path_get_basename (full);
          g_autofree char *display = g_filename_display_name (basename);
          g_autofree char *uri = g_filename_to_uri (full, NULL, NULL);
          /* TRANSLATORS: a notice after an export; %s is a file name */
          g_autofree char *notice = g_strdup_printf (_("Exported the chart to “%s”"), display);

          wy_window_show_file_notice (WY_WINDOW (root), notice, uri);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  export_request_free (request);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  WyOverviewPage *self = WY_OVERVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  g_autofree char *iso = NULL;
  const char *kind_name = NULL;
  const char *format = NULL;
  GtkFileChooserNative *native;
  ExportRequest *request;
  WyChartKind kind;
  GDate today;

  g_variant_get (param, "(&s&s)", &kind_name, &format);
  if (!wy_chart_kind_from_name (kind_name, &kind))
    g_return_if_reached ();

  request = g_new0 (ExportRequest, 1);
  request->page = g_object_ref (self);
  request->kind = kind;
  request->extension = g_strconcat (".", format, NULL);

  if (g_str_equal (format, "png"))
    {
      gtk_file_filter_set_name (filter, _("PNG image"));
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  else if (g_str_equal (format, "svg"))
    {
      gtk_file_filter_set_name (filter, _("SVG image"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PDF document"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  gtk_file_filter_add_suffix (filter, format);

  native = gtk_file_chooser_native_new (_("Export Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  get_today (self, &today);
  iso = wy_date_to_iso (&today);
  /* "attainment-2026-03-15.png": the chart and the day it shows. */
  suggested = g_strdup_printf ("%s-%s.%s", kind_name, iso, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);

  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
meeting_mode_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  wy_overview_page_open_meeting_mode (WY_OVERVIEW_PAGE (widget));
}

/* --- Building the page ------------------------------------------------------ */

static const struct {
  const char *tooltip;
} figure_info[WY_OVERVIEW_N_FIGURES] = {
  [WY_OVERVIEW_FIGURE_COMPOUNDS]  = { N_("Show these compounds") },
  [WY_OVERVIEW_FIGURE_PILOTS]     = { N_("Show the pilot compounds") },
  [WY_OVERVIEW_FIGURE_ATTAINED]   = { N_("Show the compounds that have met all five") },
  [WY_OVERVIEW_FIGURE_OPEN]       = { N_("Show the problem list") },
  [WY_OVERVIEW_FIGURE_OVERDUE]    = { N_("Show the overdue problems") },
  [WY_OVERVIEW_FIGURE_DUE_SOON]   = { N_("Show the problems due soon") },
  [WY_OVERVIEW_FIGURE_SIGNED_OFF] = { N_("Show the signed-off problems") },
  [WY_OVERVIEW_FIGURE_PHASE]      = { N_("Show the phases and milestones") },
};

static void
add_figures (WyOverviewPage *self)
{
  GtkWidget *halves[2];

  /* Two rows of four, side by side when both fit (eight across at 1600
   * pixels), one above the other otherwise (1024): never five and three. */
  for (guint h = 0; h < 2; h++)
    {
      halves[h] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      gtk_box_set_homogeneous (GTK_BOX (halves[h]), TRUE);
      gtk_flow_box_append (self->figures_box, halves[h]);
      /* The flow box's own child would take the focus on its way to the
       * buttons. */
      gtk_widget_set_focusable (gtk_widget_get_parent (halves[h]), FALSE);
    }

  for (guint f = 0; f < WY_OVERVIEW_N_FIGURES; f++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("…");
      GtkWidget *caption = gtk_label_new (NULL);
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_widget_add_css_class (value, "wy-figure-value");
      gtk_label_set_xalign (GTK_LABEL (value), 0.0f);
      gtk_widget_add_css_class (caption, "wy-figure-caption");
      gtk_label_set_xalign (GTK_LABEL (caption), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
      /* Keeps the natural width small: the figures decide where the rows
       * of four break, and a long caption takes a second line instead. */
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 12);
      gtk_label_set_width_chars (GTK_LABEL (caption), 10);
      gtk_widget_add_css_class (detail, "wy-figure-detail");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (detail), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (detail), 12);
      gtk_widget_set_visible (detail, FALSE);

      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_box_append (GTK_BOX (box), detail);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "wy-figure");
      gtk_widget_set_tooltip_text (button, _(figure_info[f].tooltip));
      g_object_set_data (G_OBJECT (button), "wy-figure", GUINT_TO_POINTER (f));
      g_signal_connect (button, "clicked", G_CALLBACK (on_figure_clicked_cb), self);

      self->figure_buttons[f] = button;
      self->figure_values[f] = value;
      self->figure_captions[f] = caption;
      self->figure_details[f] = detail;
      gtk_box_append (GTK_BOX (halves[f / 4]), button);
    }

  /* Captions before the first load, so the layout does not jump. */
  {
    WyOverview empty = { 0 };

    for (guint f = 0; f < WY_OVERVIEW_N_FIGURES; f++)
      {
        g_autofree char *caption = wy_overview_figure_caption (&empty, f, WY_DEFAULT_WARNING_DAYS);

        gtk_label_set_text (GTK_LABEL (self->figure_captions[f]), caption);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_buttons[f]),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                        -1);
      }
  }
}

static GMenuModel *
export_menu (WyChartKind kind)
{
  static const struct {
    const char *format;
    const char *label;
  } formats[] = {
    { "png", N_("PNG Image…") },
    { "svg", N_("SVG Image…") },
    { "pdf", N_("PDF Document…") },
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(formats[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "overview.export-chart",
                                               g_variant_new ("(ss)", wy_chart_kind_to_name (kind),
                                                              formats[i].format));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static void
add_charts (WyOverviewPage *self)
{
  for (guint i = 0; i < WY_N_CHARTS; i++)
    {
      WyChartKind kind = chart_order[i];
      g_autoptr(GMenuModel) menu = export_menu (kind);
      g_autofree char *button_label = NULL;
      WyChartView *view = wy_chart_view_new (kind);
      GtkWidget *overlay = gtk_overlay_new ();
      GtkWidget *button = gtk_menu_button_new ();

      /* Room for ten ranked units or a plan's phases with their milestones. */
      gtk_widget_set_size_request (GTK_WIDGET (view), -1, 380);
      gtk_widget_set_hexpand (GTK_WIDGET (view), TRUE);
      g_signal_connect_object (view, "item-activated",
                               G_CALLBACK (on_chart_item_activated_cb), self, 0);

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
      gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      gtk_widget_set_margin_top (button, 4);
      gtk_widget_set_margin_end (button, 4);
      gtk_widget_set_tooltip_text (button, _("Export Chart…"));
      /* TRANSLATORS: the button of one chart; %s is its title */
      button_label = g_strdup_printf (_("Export the chart “%s”"), wy_chart_kind_to_title (kind));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                      -1);

      gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (view));
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), button);
      gtk_widget_add_css_class (overlay, "wy-chart-card");
      /* Two columns when both fit at this width, one otherwise (1024
       * pixels with the sidebar). */
      gtk_widget_set_size_request (overlay, 520, -1);

      self->charts[kind] = view;
      /* The attainment table has a column per target: the whole width. */
      if (kind == WY_CHART_ATTAINMENT)
        gtk_box_append (GTK_BOX (self->wide_chart_box), overlay);
      else
        {
          gtk_flow_box_append (self->charts_box, overlay);
          gtk_widget_set_focusable (gtk_widget_get_parent (overlay), FALSE);
        }
    }
}

/* --- GObject ---------------------------------------------------------------- */

/* WyPage ------------------------------------------------------------- */

static void
wy_overview_page_page_iface_init (WyPageInterface *iface)
{
  iface->name = "overview";
  iface->title = N_("Overview");
  iface->icon_name = "x-office-presentation-symbolic";
  iface->reload = (void (*) (WyPage *)) wy_overview_page_reload;
}

static void
wy_overview_page_dispose (GObject *object)
{
  WyOverviewPage *self = (WyOverviewPage *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* A read still under way finds its answer stale. */
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->row_changed_id, self->store);
  if (self->meeting != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->meeting), (gpointer *) &self->meeting);
      gtk_window_destroy (self->meeting);
      self->meeting = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (wy_overview_page_parent_class)->dispose (object);
}

static void
wy_overview_page_finalize (GObject *object)
{
  WyOverviewPage *self = (WyOverviewPage *)object;

  /* Every worker holds a reference on the page: none is running now. */
  g_clear_object (&self->reader);
  g_mutex_clear (&self->reader_lock);
  wy_overview_clear (&self->figures);
  g_clear_pointer (&self->street_ids, g_array_unref);
  g_clear_pointer (&self->community_ids, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_overview_page_parent_class)->finalize (object);
}

static void
wy_overview_page_class_init (WyOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_overview_page_dispose;
  object_class->finalize = wy_overview_page_finalize;

  signals[SIGNAL_OPEN_LIST] =
    g_signal_new ("open-list",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT, G_TYPE_INT64, G_TYPE_INT, G_TYPE_STRING);

  signals[SIGNAL_OPEN_COMPOUNDS] =
    g_signal_new ("open-compounds",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT);

  signals[SIGNAL_LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "overview.export-chart", "(ss)", export_chart_action);
  gtk_widget_class_install_action (widget_class, "overview.meeting-mode", NULL, meeting_mode_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-overview-page");

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WyOverviewPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, WyOverviewPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, WyOverviewPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, WyOverviewPage, street_drop_down);
  gtk_widget_class_bind_template_child (widget_class, WyOverviewPage, community_drop_down);
  gtk_widget_class_bind_template_child (widget_class, WyOverviewPage, meeting_button);
  gtk_widget_class_bind_template_child (widget_class, WyOverviewPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, WyOverviewPage, wide_chart_box);
  gtk_widget_class_bind_template_child (widget_class, WyOverviewPage, charts_box);
}

static void
wy_overview_page_init (WyOverviewPage *self)
{
  g_mutex_init (&self->reader_lock);
  g_date_clear (&self->today, 1);
  self->street_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->community_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->warning_days = WY_DEFAULT_WARNING_DAYS;

  gtk_widget_init_template (GTK_WIDGET (self));

  wy_drop_down_set_compact (self->street_drop_down, 14);
  wy_drop_down_set_compact (self->community_drop_down, 14);
  g_signal_connect (self->street_drop_down, "notify::selected", G_CALLBACK (on_street_selected_cb), self);
  g_signal_connect (self->community_drop_down, "notify::selected", G_CALLBACK (on_community_selected_cb), self);

  add_figures (self);
  add_charts (self);

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
}

/* --- Public API ------------------------------------------------------------- */

WyOverviewPage *
wy_overview_page_new (WyStore *store)
{
  WyOverviewPage *self;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_OVERVIEW_PAGE, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (wy_store_get_path (store));
  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);
  fill_places (self);
  update_as_of (self);

  if (g_getenv ("WUYOU_TIMING") != NULL)
    g_printerr ("wuyou-timing: overview page built: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  return self;
}

void
wy_overview_page_reload (WyOverviewPage *self)
{
  g_return_if_fail (WY_IS_OVERVIEW_PAGE (self));

  self->places_dirty = TRUE;
  /* A page not shown reads when it is (a 50,000-compound ledger takes a
   * second of a worker's time). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_load (self);
  else
    self->dirty = TRUE;
}

void
wy_overview_page_set_today (WyOverviewPage *self,
                            const GDate    *today)
{
  g_return_if_fail (WY_IS_OVERVIEW_PAGE (self));

  self->today_fixed = today != NULL && g_date_valid (today);
  if (self->today_fixed)
    self->today = *today;
  if (self->loaded)
    start_load (self);
  else
    update_as_of (self);
}

gboolean
wy_overview_page_is_loading (WyOverviewPage *self)
{
  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), FALSE);

  return self->loading;
}

const WyOverview *
wy_overview_page_get_figures (WyOverviewPage *self)
{
  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), NULL);

  return self->have_figures ? &self->figures : NULL;
}

const char *
wy_overview_page_get_as_of_text (WyOverviewPage *self)
{
  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), NULL);

  return gtk_label_get_text (self->as_of_label);
}

guint
wy_overview_page_get_warning_days (WyOverviewPage *self)
{
  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), WY_DEFAULT_WARNING_DAYS);

  return wy_store_get_warning_days (self->store);
}

void
wy_overview_page_set_place (WyOverviewPage *self,
                            gint64          street_id,
                            gint64          community_id)
{
  g_return_if_fail (WY_IS_OVERVIEW_PAGE (self));

  self->street_id = street_id;
  self->community_id = community_id;
  /* Keeps the ids the drop-downs offer, else falls back to all. */
  fill_places (self);
  start_load (self);
}

gint64
wy_overview_page_get_street (WyOverviewPage *self)
{
  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), 0);

  return self->street_id;
}

gint64
wy_overview_page_get_community (WyOverviewPage *self)
{
  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), 0);

  return self->community_id;
}

void
wy_overview_page_get_query (WyOverviewPage *self,
                            WyChartKind     kind,
                            WyChartQuery   *out)
{
  GDate today;

  g_return_if_fail (WY_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (kind < WY_N_CHARTS && out != NULL);

  get_today (self, &today);
  fill_query (self, kind, &today, wy_store_get_warning_days (self->store), out);
}

GtkWidget *
wy_overview_page_get_figure_button (WyOverviewPage   *self,
                                    WyOverviewFigure  figure)
{
  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (figure < WY_OVERVIEW_N_FIGURES, NULL);

  return self->figure_buttons[figure];
}

WyChartView *
wy_overview_page_get_chart_view (WyOverviewPage *self,
                                 WyChartKind     kind)
{
  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (kind < WY_N_CHARTS, NULL);

  return self->charts[kind];
}

gboolean
wy_overview_page_export_chart (WyOverviewPage  *self,
                               WyChartKind      kind,
                               const char      *path,
                               GError         **error)
{
  g_autofree char *lower = NULL;
  WyChartQuery query;
  int width = EXPORT_SVG_WIDTH, height = EXPORT_SVG_HEIGHT;

  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (kind < WY_N_CHARTS && path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    width = EXPORT_PNG_WIDTH, height = EXPORT_PNG_HEIGHT;
  else if (g_str_has_suffix (lower, ".pdf"))
    width = EXPORT_PDF_WIDTH, height = EXPORT_PDF_HEIGHT;

  wy_overview_page_get_query (self, kind, &query);
  return wy_chart_render_to_file (self->store, kind, &query, path, width, height, error);
}

GtkWindow *
wy_overview_page_open_meeting_mode (WyOverviewPage *self)
{
  GtkRoot *root;

  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), NULL);

  if (self->meeting != NULL)
    {
      gtk_window_present (self->meeting);
      return self->meeting;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->meeting = GTK_WINDOW (wy_meeting_mode_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self));
  g_object_add_weak_pointer (G_OBJECT (self->meeting), (gpointer *) &self->meeting);
  gtk_window_present (self->meeting);

  return self->meeting;
}

void
wy_overview_page_load_async (WyOverviewPage      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (WY_IS_OVERVIEW_PAGE (self));

  load_async (self, 0, cancellable, callback, user_data);
}

WyOverviewData *
wy_overview_page_load_finish (WyOverviewPage  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  const LoadJob *job;
  WyOverviewData *data;
  GError *local_error = NULL;

  g_return_val_if_fail (WY_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* No second connection could be opened: read here, on the main
   * thread's own connection. */
  if (data == NULL)
    {
      job = g_task_get_task_data (G_TASK (result));
      data = load_data (self->store, job, g_task_get_cancellable (G_TASK (result)), NULL, NULL, error);
    }

  return data;
}
