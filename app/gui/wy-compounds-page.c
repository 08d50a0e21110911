/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-compounds-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-compound-item.h"
#include "wy-compound-list.h"
#include "wy-compound-list-model.h"
#include "wy-compounds-page.h"
#include "wy-page.h"
#include "wy-drop-down.h"
#include "wy-gui.h"

struct _WyCompoundsPage
{
  GtkWidget           parent_instance;

  WyStore            *store;
  WyCompoundListModel *model;       /* sorted and filtered, of WyCompoundItem */
  GtkSingleSelection *selection;
  WyCompoundDetail   *detail;
  GtkDropDown        *filters[WY_COMPOUNDS_N_FILTERS];
  GArray             *street_ids;      /* gint64 per drop-down position; 0 = all */
  GArray             *community_ids;
  GArray             *mode_ids;
  char               *count_text;
  GDate               today;
  guint               warning_days;
  gboolean            timing;
  gboolean            updating_filters;
  guint               sort_keys_idle;  /* collation keys made after the first frame */

  /* The filter's state, read by filter_func for every row. */
  gint64              street_id;
  gint64              community_id;
  const char         *category;        /* code, NULL: any */
  guint               pilot;           /* 0 any, 1 pilots, 2 others */
  gint64              mode_id;         /* -1 any, 0 none chosen */
  guint               attained;        /* 0 any, 1 attained, 2 not */
  guint               light;           /* 0 any, 1 red, 2 yellow, 3 green, 4 none */
  char               *needle;          /* casefolded, NULL: no search */

  /* The first load, read through a second connection in a thread while
   * the window builds its other pages; joined before anything shows or
   * asks for the compounds. */
  GThread            *loader;
  struct LoadJob     *load_job;

  /* Compounds to re-read after the store changed them, coalesced. */
  GHashTable         *pending;
  guint               pending_idle;

  /* Template widgets */
  GtkPaned           *paned;
  GtkFlowBox         *filter_bar;
  GtkStack           *content_stack;
  WyCompoundList     *list;
  GtkLabel           *count_label;
  GtkBox             *detail_box;
};

static void wy_compounds_page_page_iface_init (WyPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WyCompoundsPage, wy_compounds_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WY_TYPE_PAGE, wy_compounds_page_page_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  SEARCH_RESET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Filtering ---------------------------------------------------------- */

static gboolean
filter_func (WyCompoundItem *compound,
             gpointer        user_data)
{
  WyCompoundsPage *self = user_data;

  if (self->street_id > 0 && wy_compound_item_get_street_id (compound) != self->street_id)
    return FALSE;
  if (self->community_id > 0 && wy_compound_item_get_community_id (compound) != self->community_id)
    return FALSE;
  if (self->category != NULL && strcmp (wy_compound_item_get_category (compound), self->category) != 0)
    return FALSE;
  if (self->pilot != 0 && wy_compound_item_get_pilot (compound) != (self->pilot == 1))
    return FALSE;
  if (self->mode_id >= 0 && wy_compound_item_get_governance_mode_id (compound) != self->mode_id)
    return FALSE;
  if (self->attained != 0 && wy_compound_item_get_attained (compound) != (self->attained == 1))
    return FALSE;

  if (self->light != 0)
    {
      static const WyLight lights[] = { WY_LIGHT_NONE, WY_LIGHT_RED, WY_LIGHT_YELLOW, WY_LIGHT_GREEN, WY_LIGHT_NONE };

      if (wy_compound_item_get_deadline_light (compound) != lights[self->light])
        return FALSE;
    }

  if (self->needle != NULL && !wy_compound_item_matches (compound, self->needle))
    return FALSE;

  return TRUE;
}

static gboolean
filters_active (WyCompoundsPage *self)
{
  return self->street_id > 0 || self->community_id > 0 || self->category != NULL ||
         self->pilot != 0 || self->mode_id >= 0 || self->attained != 0 || self->light != 0 ||
         self->needle != NULL;
}

static void
update_count (WyCompoundsPage *self)
{
  guint total = wy_compound_list_model_get_n_total (self->model);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  g_free (self->count_text);
  if (shown == total && !filters_active (self))
    self->count_text = g_strdup_printf (ngettext ("%u compound", "%u compounds", total), total);
  else
    /* Translators: shown of total, e.g. "12 of 40 compounds" */
    self->count_text = g_strdup_printf (ngettext ("%u of %u compound", "%u of %u compounds", total),
                                        shown, total);
  gtk_label_set_text (self->count_label, self->count_text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");
}

static void
refilter (WyCompoundsPage *self,
          GtkFilterChange  change)
{
  gint64 start = g_get_monotonic_time ();

  wy_compound_list_model_refilter (self->model, change);
  update_count (self);

  if (self->timing)
    g_printerr ("wuyou-timing: filter %u of %u compounds: %.1f ms\n",
                g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                wy_compound_list_model_get_n_total (self->model),
                (g_get_monotonic_time () - start) / 1000.0);
}

void
wy_compounds_page_set_search_text (WyCompoundsPage *self,
                                   const char      *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (WY_IS_COMPOUNDS_PAGE (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped != '\0')
    needle = g_utf8_casefold (stripped, -1);

  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  /* Typing on only narrows the list; deleting only widens it. */
  if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);

  refilter (self, change);
}

static GtkStringList *
string_list_for (GtkDropDown *drop_down)
{
  return GTK_STRING_LIST (gtk_drop_down_get_model (drop_down));
}

static void
fill_communities (WyCompoundsPage *self)
{
  g_autoptr(GPtrArray) communities = NULL;
  g_autoptr(GPtrArray) streets = NULL;
  GtkStringList *strings = string_list_for (self->filters[WY_COMPOUNDS_FILTER_COMMUNITY]);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  gint64 all = 0;

  communities = wy_store_list (self->store, WY_TABLE_COMMUNITY, self->street_id, NULL);

  g_array_set_size (self->community_ids, 0);
  g_array_append_val (self->community_ids, all);
  g_strv_builder_add (builder, _("All communities"));

  for (guint i = 0; communities != NULL && i < communities->len; i++)
    {
      WyRecord *community = g_ptr_array_index (communities, i);
      gint64 id = wy_record_get_id (community);

      g_array_append_val (self->community_ids, id);
      g_strv_builder_add (builder, wy_record_get (community, "name"));
    }

  names = g_strv_builder_end (builder);
  gtk_string_list_splice (strings, 0, g_list_model_get_n_items (G_LIST_MODEL (strings)),
                          (const char * const *) names);
  gtk_drop_down_set_selected (self->filters[WY_COMPOUNDS_FILTER_COMMUNITY], 0);
}

static void
fill_filter_lists (WyCompoundsPage *self)
{
  g_autoptr(GPtrArray) streets = NULL;
  g_autoptr(GPtrArray) modes = NULL;
  g_autoptr(GStrvBuilder) street_names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) mode_names = g_strv_builder_new ();
  g_auto(GStrv) streets_v = NULL;
  g_auto(GStrv) modes_v = NULL;
  GtkStringList *strings;
  gint64 zero = 0, none = -1;

  self->updating_filters = TRUE;

  streets = wy_store_list (self->store, WY_TABLE_STREET, 0, NULL);
  g_array_set_size (self->street_ids, 0);
  g_array_append_val (self->street_ids, zero);
  g_strv_builder_add (street_names, _("All street offices"));
  for (guint i = 0; streets != NULL && i < streets->len; i++)
    {
      WyRecord *street = g_ptr_array_index (streets, i);
      gint64 id = wy_record_get_id (street);

      g_array_append_val (self->street_ids, id);
      g_strv_builder_add (street_names, wy_record_get (street, "name"));
    }
  streets_v = g_strv_builder_end (street_names);
  strings = string_list_for (self->filters[WY_COMPOUNDS_FILTER_STREET]);
  gtk_string_list_splice (strings, 0, g_list_model_get_n_items (G_LIST_MODEL (strings)),
                          (const char * const *) streets_v);
  gtk_drop_down_set_selected (self->filters[WY_COMPOUNDS_FILTER_STREET], 0);
  self->street_id = 0;

  fill_communities (self);
  self->community_id = 0;

  modes = wy_store_list (self->store, WY_TABLE_GOVERNANCE_MODE, 0, NULL);
  g_array_set_size (self->mode_ids, 0);
  g_array_append_val (self->mode_ids, none);
  g_strv_builder_add (mode_names, _("All governance modes"));
  for (guint i = 0; modes != NULL && i < modes->len; i++)
    {
      WyRecord *mode = g_ptr_array_index (modes, i);
      gint64 id = wy_record_get_id (mode);

      g_array_append_val (self->mode_ids, id);
      g_strv_builder_add (mode_names, wy_record_get (mode, "name"));
    }
  g_array_append_val (self->mode_ids, zero);
  g_strv_builder_add (mode_names, _("No mode chosen"));
  modes_v = g_strv_builder_end (mode_names);
  strings = string_list_for (self->filters[WY_COMPOUNDS_FILTER_MODE]);
  gtk_string_list_splice (strings, 0, g_list_model_get_n_items (G_LIST_MODEL (strings)),
                          (const char * const *) modes_v);
  gtk_drop_down_set_selected (self->filters[WY_COMPOUNDS_FILTER_MODE], 0);
  self->mode_id = -1;

  self->updating_filters = FALSE;
}

static void
on_filter_selected_cb (GtkDropDown     *drop_down,
                       GParamSpec      *pspec,
                       WyCompoundsPage *self)
{
  WyCompoundsFilter which = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "wy-filter"));
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->updating_filters)
    return;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;

  switch (which)
    {
    case WY_COMPOUNDS_FILTER_STREET:
      self->street_id = selected < self->street_ids->len ? g_array_index (self->street_ids, gint64, selected) : 0;
      /* The communities offered are those of the chosen street. */
      self->updating_filters = TRUE;
      fill_communities (self);
      self->community_id = 0;
      self->updating_filters = FALSE;
      break;

    case WY_COMPOUNDS_FILTER_COMMUNITY:
      self->community_id = selected < self->community_ids->len ? g_array_index (self->community_ids, gint64, selected) : 0;
      break;

    case WY_COMPOUNDS_FILTER_CATEGORY:
      self->category = selected == 1 ? WY_CATEGORY_SELF_MANAGED : selected == 2 ? WY_CATEGORY_THREE_NONE : NULL;
      break;

    case WY_COMPOUNDS_FILTER_PILOT:
      self->pilot = selected;
      break;

    case WY_COMPOUNDS_FILTER_MODE:
      self->mode_id = selected < self->mode_ids->len ? g_array_index (self->mode_ids, gint64, selected) : -1;
      break;

    case WY_COMPOUNDS_FILTER_ATTAINED:
      self->attained = selected;
      break;

    case WY_COMPOUNDS_FILTER_LIGHT:
      self->light = selected;
      break;

    case WY_COMPOUNDS_N_FILTERS:
    default:
      g_assert_not_reached ();
    }

  refilter (self, selected == 0 ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
}

static void
add_filter (WyCompoundsPage    *self,
            WyCompoundsFilter   which,
            const char         *accessible_name,
            const char * const *choices,
            gboolean            searchable)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (choices);
  GtkWidget *drop_down;
  GtkFlowBoxChild *child;

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (strings)), NULL);
  if (searchable)
    {
      gtk_drop_down_set_expression (GTK_DROP_DOWN (drop_down),
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
    }
  gtk_widget_set_tooltip_text (drop_down, accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  g_object_set_data (G_OBJECT (drop_down), "wy-filter", GUINT_TO_POINTER (which));
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_filter_selected_cb), self, 0);

  gtk_flow_box_append (self->filter_bar, drop_down);
  /* Tab goes straight from one drop-down to the next. */
  child = GTK_FLOW_BOX_CHILD (gtk_widget_get_parent (drop_down));
  gtk_widget_set_focusable (GTK_WIDGET (child), FALSE);

  self->filters[which] = GTK_DROP_DOWN (drop_down);
  wy_drop_down_set_compact (self->filters[which], 12);
}

static void
setup_filters (WyCompoundsPage *self)
{
  const char * const empty[] = { NULL };
  const char * const categories[] = { _("All categories"), _("Self-managed"), _("Three-none"), NULL };
  const char * const pilots[] = { _("Pilots or not"), _("Pilots"), _("Not pilots"), NULL };
  const char * const attained[] = { _("Attained or not"), _("Attained"), _("Not attained"), NULL };
  const char * const lights[] = { _("All deadlines"), _("Overdue"), _("Due soon"), _("On schedule"), _("No open deadline"), NULL };

  add_filter (self, WY_COMPOUNDS_FILTER_STREET, _("Street office"), empty, TRUE);
  add_filter (self, WY_COMPOUNDS_FILTER_COMMUNITY, _("Community"), empty, TRUE);
  add_filter (self, WY_COMPOUNDS_FILTER_CATEGORY, _("Category"), categories, FALSE);
  add_filter (self, WY_COMPOUNDS_FILTER_PILOT, _("Pilot"), pilots, FALSE);
  add_filter (self, WY_COMPOUNDS_FILTER_MODE, _("Governance mode"), empty, FALSE);
  add_filter (self, WY_COMPOUNDS_FILTER_ATTAINED, _("Attained"), attained, FALSE);
  add_filter (self, WY_COMPOUNDS_FILTER_LIGHT, _("Deadline light"), lights, FALSE);
}

void
wy_compounds_page_reset_filters (WyCompoundsPage *self)
{
  g_return_if_fail (WY_IS_COMPOUNDS_PAGE (self));

  self->updating_filters = TRUE;
  for (guint i = 0; i < WY_COMPOUNDS_N_FILTERS; i++)
    gtk_drop_down_set_selected (self->filters[i], 0);
  fill_communities (self);
  self->updating_filters = FALSE;

  self->street_id = 0;
  self->community_id = 0;
  self->category = NULL;
  self->pilot = 0;
  self->mode_id = -1;
  self->attained = 0;
  self->light = 0;
  g_clear_pointer (&self->needle, g_free);

  refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
  g_signal_emit (self, signals[SEARCH_RESET], 0);
}

static void
on_clear_filters_button_clicked_cb (GtkButton       *button,
                                    WyCompoundsPage *self)
{
  wy_compounds_page_reset_filters (self);
}

GtkDropDown *
wy_compounds_page_get_filter_widget (WyCompoundsPage  *self,
                                     WyCompoundsFilter filter)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), NULL);
  g_return_val_if_fail (filter < WY_COMPOUNDS_N_FILTERS, NULL);

  return self->filters[filter];
}

/* Sorting ------------------------------------------------------------ */

static void
sort_model (WyCompoundsPage  *self,
            WyCompoundsColumn column,
            GtkSortType       order)
{
  gint64 start = g_get_monotonic_time ();

  wy_compound_list_model_sort (self->model, column, order);

  if (self->timing)
    g_printerr ("wuyou-timing: sort %u compounds: %.1f ms\n",
                wy_compound_list_model_get_n_total (self->model),
                (g_get_monotonic_time () - start) / 1000.0);
}

static void
on_list_sort_changed_cb (WyCompoundList   *list,
                         guint             column,
                         GtkSortType       order,
                         WyCompoundsPage  *self)
{
  sort_model (self, column, order);
}

void
wy_compounds_page_sort_by (WyCompoundsPage  *self,
                           WyCompoundsColumn column,
                           GtkSortType       order)
{
  g_return_if_fail (WY_IS_COMPOUNDS_PAGE (self));
  g_return_if_fail (column < WY_COMPOUNDS_N_COLUMNS);

  wy_compound_list_set_sort (self->list, column, order);
  sort_model (self, column, order);
}

/* Loading ------------------------------------------------------------ */

/* What the loader thread reads with and leaves behind. The page touches
 * it only before the thread starts and after it was joined. */
typedef struct LoadJob {
  WyCompoundsPage *page;          /* a reference, for the idle that tells it */
  char            *path;
  GDate            today;
  guint            warning_days;
  GPtrArray       *items;         /* the result, of WyCompoundItem */
  GError          *error;
  gint64           started;
  gint64           read_at;
  gint64           made_at;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->page);
  g_free (job->path);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

/* The items take the rows over. */
static GPtrArray *
make_items (GPtrArray   *rows,
            const GDate *today,
            guint        warning_days)
{
  GPtrArray *items;
  gsize n_rows = 0;
  gpointer *data;

  g_ptr_array_set_free_func (rows, NULL);
  data = g_ptr_array_steal (rows, &n_rows);
  items = g_ptr_array_new_full (n_rows, g_object_unref);
  for (gsize i = 0; i < n_rows; i++)
    g_ptr_array_add (items, wy_compound_item_new (data[i], today, warning_days));
  g_free (data);

  return items;
}

static void
apply_items (WyCompoundsPage *self,
             GPtrArray       *items,
             gint64           selected_id)
{
  /* One change: appending 50,000 items one by one takes half a minute. */
  wy_compound_list_model_set_items (self->model, items->pdata, items->len);
  update_count (self);

  if (selected_id <= 0 || !wy_compounds_page_select_compound (self, selected_id))
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
        gtk_single_selection_set_selected (self->selection, 0);
    }
}

static void
set_today (WyCompoundsPage *self)
{
  g_date_clear (&self->today, 1);
  wy_clock_get_today (&self->today);
  self->warning_days = wy_store_get_warning_days (self->store);
}

/* In the loader thread: nothing here touches the page. */
static gpointer
load_in_thread (gpointer data)
{
  LoadJob *job = data;
  g_autoptr(WyStore) reader = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  reader = wy_store_open_readonly (job->path, &job->error);
  if (reader != NULL)
    rows = wy_store_list_compound_rows (reader, &job->error);
  job->read_at = g_get_monotonic_time ();
  if (rows != NULL)
    job->items = make_items (rows, &job->today, job->warning_days);
  job->made_at = g_get_monotonic_time ();

  return NULL;
}

/* Waits for the first load, if it is still under way, and shows it. */
static void
finish_loading (WyCompoundsPage *self)
{
  g_autoptr(GThread) loader = g_steal_pointer (&self->loader);
  LoadJob *job = g_steal_pointer (&self->load_job);
  gint64 waited = g_get_monotonic_time ();

  if (loader == NULL)
    return;

  g_thread_join (g_steal_pointer (&loader));

  if (job->items == NULL)
    {
      /* A second connection could not be had: read through the page's. */
      g_debug ("Reading the compounds in a thread failed: %s", job->error->message);
      load_job_free (job);
      wy_compounds_page_reload (self);
      return;
    }

  apply_items (self, job->items, 0);

  if (self->timing)
    g_printerr ("wuyou-timing: compounds read in a thread %.1f ms, items made %.1f ms,"
                " waited for %.1f ms, shown %.1f ms after the load began\n",
                (job->read_at - job->started) / 1000.0, (job->made_at - job->read_at) / 1000.0,
                (g_get_monotonic_time () - waited) / 1000.0,
                (g_get_monotonic_time () - job->started) / 1000.0);

  load_job_free (job);
}

/* Waits for the loader, if any, and drops what it read. */
static void
abandon_loading (WyCompoundsPage *self)
{
  g_autoptr(GThread) loader = g_steal_pointer (&self->loader);

  if (loader == NULL)
    return;

  g_thread_join (g_steal_pointer (&loader));
  g_clear_pointer (&self->load_job, load_job_free);
}

static gboolean
on_load_done_idle_cb (gpointer user_data)
{
  g_autoptr(WyCompoundsPage) self = user_data;

  /* Nobody needed the compounds yet (another page shows): take them now.
   * The loader has ended, or is about to: joining it does not wait. */
  if (self->loader != NULL)
    finish_loading (self);

  return G_SOURCE_REMOVE;
}

static gpointer
load_and_tell (gpointer data)
{
  LoadJob *job = data;

  load_in_thread (job);
  g_idle_add (on_load_done_idle_cb, g_steal_pointer (&job->page));

  return NULL;
}

static void
start_loading (WyCompoundsPage *self)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  set_today (self);
  job->path = g_strdup (wy_store_get_path (self->store));
  job->today = self->today;
  job->warning_days = self->warning_days;
  job->started = g_get_monotonic_time ();

  job->page = g_object_ref (self);

  self->load_job = job;
  self->loader = g_thread_new ("wy-compounds-load", load_and_tell, job);
}

void
wy_compounds_page_reload (WyCompoundsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 selected_id, start;

  g_return_if_fail (WY_IS_COMPOUNDS_PAGE (self));

  finish_loading (self);

  start = g_get_monotonic_time ();
  selected_id = wy_compounds_page_get_selected_id (self);
  set_today (self);

  rows = wy_store_list_compound_rows (self->store, &error);
  if (self->timing)
    g_printerr ("wuyou-timing: read compound rows: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  if (rows == NULL)
    {
      g_warning ("Could not list the compounds of %s: %s",
                 wy_store_get_path (self->store), error->message);
      items = g_ptr_array_new ();
    }
  else
    items = make_items (rows, &self->today, self->warning_days);

  if (self->timing)
    g_printerr ("wuyou-timing: made items: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  apply_items (self, items, selected_id);

  if (self->timing)
    g_printerr ("wuyou-timing: load %u compounds: %.1f ms\n", items->len,
                (g_get_monotonic_time () - start) / 1000.0);
}

void
wy_compounds_page_refresh_compound (WyCompoundsPage *self,
                                    gint64           compound_id)
{
  g_autoptr(GError) error = NULL;
  WyCompoundItem *item;
  WyCompoundRow *row;

  g_return_if_fail (WY_IS_COMPOUNDS_PAGE (self));

  finish_loading (self);

  item = wy_compound_list_model_lookup (self->model, compound_id);
  row = wy_store_get_compound_row (self->store, compound_id, &error);

  if (row == NULL)
    {
      if (item != NULL)
        wy_compound_list_model_remove (self->model, item);
    }
  else if (item != NULL)
    {
      /* Same object, new row: the selection of it is kept, its row in
       * the list draws itself again, and the model looks at where it
       * sorts and whether it still matches. */
      wy_compound_item_update (item, row, &self->today, self->warning_days);
      wy_compound_list_model_item_changed (self->model, item);
    }
  else
    {
      g_autoptr(WyCompoundItem) added = wy_compound_item_new (row, &self->today, self->warning_days);

      wy_compound_list_model_add (self->model, added);
    }

  update_count (self);

  if (compound_id == wy_compound_detail_get_compound_id (self->detail))
    {
      if (row == NULL)
        wy_compound_detail_set_compound_id (self->detail, 0);
      else
        wy_compound_detail_reload_problems (self->detail);
    }
}

static gboolean
on_pending_idle_cb (gpointer user_data)
{
  WyCompoundsPage *self = user_data;
  g_autoptr(GHashTable) pending = g_steal_pointer (&self->pending);
  GHashTableIter iter;
  gpointer key;

  self->pending_idle = 0;
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* One sort and filter for all of them. */
  finish_loading (self);
  wy_compound_list_model_begin_update (self->model);
  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    wy_compounds_page_refresh_compound (self, *(gint64 *)key);
  wy_compound_list_model_end_update (self->model);
  update_count (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (WyCompoundsPage *self,
               gint64           compound_id)
{
  if (compound_id <= 0)
    return;

  g_hash_table_add (self->pending, g_memdup2 (&compound_id, sizeof compound_id));
  if (self->pending_idle == 0)
    self->pending_idle = g_idle_add (on_pending_idle_cb, self);
}

static void
on_store_row_changed_cb (WyStore         *store,
                         int              table,
                         gint64           id,
                         WyCompoundsPage *self)
{
  switch ((WyTable) table)
    {
    case WY_TABLE_COMPOUND:
      queue_refresh (self, id);
      break;

    case WY_TABLE_PROBLEM:
      {
        g_autoptr(WyProblemRow) problem = wy_store_get_problem_row (store, id, NULL);

        /* A deleted problem cannot say whose it was: the shown compound
         * is the likely one. */
        queue_refresh (self, problem != NULL ? problem->compound_id
                                             : wy_compound_detail_get_compound_id (self->detail));
      }
      break;

    case WY_TABLE_COMPOUND_TARGET:
      {
        g_autoptr(WyRecord) status = wy_store_get (store, WY_TABLE_COMPOUND_TARGET, id, NULL);

        queue_refresh (self, status != NULL ? wy_record_get_int (status, "compound_id", 0)
                                            : wy_compound_detail_get_compound_id (self->detail));
      }
      break;

    default:
      break;
    }
}

/* Selection ---------------------------------------------------------- */

gint64
wy_compounds_page_get_selected_id (WyCompoundsPage *self)
{
  WyCompoundItem *item;

  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), 0);

  /* Nothing can be selected before the first load is shown, and the
   * window asks while it is being built: answering need not wait. */
  if (self->loader != NULL)
    return 0;

  item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? wy_compound_item_get_id (item) : 0;
}

guint
wy_compounds_page_get_selected_position (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), GTK_INVALID_LIST_POSITION);

  finish_loading (self);

  return gtk_single_selection_get_selected (self->selection);
}

gboolean
wy_compounds_page_select_compound (WyCompoundsPage *self,
                                   gint64           compound_id)
{
  WyCompoundItem *item;
  guint position = 0;

  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), FALSE);

  finish_loading (self);

  item = wy_compound_list_model_lookup (self->model, compound_id);
  if (item == NULL)
    return FALSE;

  if (!wy_compound_list_model_find (self->model, item, &position))
    {
      wy_compounds_page_reset_filters (self);
      if (!wy_compound_list_model_find (self->model, item, &position))
        return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, position);
  wy_compound_list_scroll_to (self->list, position);

  return TRUE;
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         WyCompoundsPage    *self)
{
  gint64 id = wy_compounds_page_get_selected_id (self);

  if (id == wy_compound_detail_get_compound_id (self->detail))
    return;

  wy_compound_detail_set_compound_id (self->detail, id);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0, id);
}

WyCompoundDetail *
wy_compounds_page_get_detail (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), NULL);

  return self->detail;
}

GListModel *
wy_compounds_page_get_model (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), NULL);

  finish_loading (self);

  return G_LIST_MODEL (self->model);
}

guint
wy_compounds_page_get_n_shown (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), 0);

  finish_loading (self);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

guint
wy_compounds_page_get_n_total (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), 0);

  finish_loading (self);

  return wy_compound_list_model_get_n_total (self->model);
}

const char *
wy_compounds_page_get_count_text (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), NULL);

  finish_loading (self);

  return self->count_text;
}

gboolean
wy_compounds_page_is_showing_empty (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), FALSE);

  finish_loading (self);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0;
}

GtkWidget *
wy_compounds_page_get_list_widget (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), NULL);

  return GTK_WIDGET (self->list);
}

/* The collation keys of the name and community columns, a slice at a
 * time once the list is on screen: the first click on either header then
 * only sorts. */
static gboolean
on_sort_keys_idle_cb (gpointer user_data)
{
  WyCompoundsPage *self = user_data;

  if (wy_compound_list_model_prepare_sort_keys (self->model, 1000))
    return G_SOURCE_CONTINUE;

  self->sort_keys_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
on_map_cb (GtkWidget *widget,
           gpointer   user_data)
{
  WyCompoundsPage *self = WY_COMPOUNDS_PAGE (widget);

  /* The first frame shows the list filled. */
  finish_loading (self);

  if (self->sort_keys_idle == 0)
    self->sort_keys_idle = g_idle_add_full (G_PRIORITY_LOW, on_sort_keys_idle_cb, self, NULL);
}

/* Life cycle --------------------------------------------------------- */

/* WyPage ------------------------------------------------------------- */

static void
wy_compounds_page_page_iface_init (WyPageInterface *iface)
{
  iface->name = "compounds";
  iface->title = N_("Compounds");
  iface->icon_name = "view-list-symbolic";
  iface->reload = (void (*) (WyPage *)) wy_compounds_page_reload;
  iface->search_placeholder = N_("Search compounds");
  iface->search_delay_ms = 0;
  iface->set_search_text = (void (*) (WyPage *, const char *)) wy_compounds_page_set_search_text;
  iface->select_by_id = (gboolean (*) (WyPage *, gint64)) wy_compounds_page_select_compound;
}

static void
wy_compounds_page_constructed (GObject *object)
{
  WyCompoundsPage *self = (WyCompoundsPage *)object;

  G_OBJECT_CLASS (wy_compounds_page_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);

  self->detail = wy_compound_detail_new (self->store);
  gtk_widget_set_vexpand (GTK_WIDGET (self->detail), TRUE);
  gtk_box_append (self->detail_box, GTK_WIDGET (self->detail));

  g_signal_connect_object (self->store, "row-changed", G_CALLBACK (on_store_row_changed_cb), self, 0);

  fill_filter_lists (self);
  start_loading (self);

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

static void
wy_compounds_page_dispose (GObject *object)
{
  WyCompoundsPage *self = (WyCompoundsPage *)object;

  abandon_loading (self);
  g_clear_handle_id (&self->pending_idle, g_source_remove);
  g_clear_handle_id (&self->sort_keys_idle, g_source_remove);
  if (self->list != NULL)
    wy_compound_list_set_model (self->list, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_COMPOUNDS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_compounds_page_parent_class)->dispose (object);
}

static void
wy_compounds_page_finalize (GObject *object)
{
  WyCompoundsPage *self = (WyCompoundsPage *)object;

  g_clear_pointer (&self->street_ids, g_array_unref);
  g_clear_pointer (&self->community_ids, g_array_unref);
  g_clear_pointer (&self->mode_ids, g_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->count_text, g_free);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (wy_compounds_page_parent_class)->finalize (object);
}

static void
wy_compounds_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WyCompoundsPage *self = WY_COMPOUNDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wy_compounds_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WyCompoundsPage *self = WY_COMPOUNDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wy_compounds_page_class_init (WyCompoundsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wy_compounds_page_constructed;
  object_class->dispose = wy_compounds_page_dispose;
  object_class->finalize = wy_compounds_page_finalize;
  object_class->get_property = wy_compounds_page_get_property;
  object_class->set_property = wy_compounds_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         WY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SEARCH_RESET] =
    g_signal_new ("search-reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  wy_gui_ensure_resources ();
  g_type_ensure (WY_TYPE_COMPOUND_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-compounds-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, list);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, detail_box);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wy_compounds_page_init (WyCompoundsPage *self)
{
  self->street_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->community_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->mode_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->mode_id = -1;
  self->timing = g_getenv ("WUYOU_TIMING") != NULL;
  g_date_clear (&self->today, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_filters (self);

  /* Sorted, then filtered, in one model of plain arrays: a keystroke only
   * filters the sorted rows again, a click on a header only sorts. */
  self->model = wy_compound_list_model_new ();
  wy_compound_list_model_set_match_func (self->model, filter_func, self);
  g_signal_connect_object (self->list, "sort-changed", G_CALLBACK (on_list_sort_changed_cb), self, 0);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, 0);
  wy_compound_list_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
}

WyCompoundsPage *
wy_compounds_page_new (WyStore *store)
{
  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  return g_object_new (WY_TYPE_COMPOUNDS_PAGE, "store", store, NULL);
}

/* The Overview's way in: a bar or a figure of a street office or a
 * community opens the list showing only its compounds. The other filters
 * and the search are cleared, so the count matches the bar. */
void
wy_compounds_page_filter_to_place (WyCompoundsPage *self,
                                   gint64           street_id,
                                   gint64           community_id)
{
  guint street_pos = 0, community_pos = 0;

  g_return_if_fail (WY_IS_COMPOUNDS_PAGE (self));

  if (community_id > 0 && street_id <= 0)
    {
      g_autoptr(WyRecord) community = wy_store_get (self->store, WY_TABLE_COMMUNITY, community_id, NULL);

      if (community != NULL)
        street_id = wy_record_get_int (community, "street_id", 0);
    }

  wy_compounds_page_reset_filters (self);

  /* Selecting the street fills the community drop-down with its own. */
  for (guint i = 1; street_id > 0 && i < self->street_ids->len; i++)
    if (g_array_index (self->street_ids, gint64, i) == street_id)
      street_pos = i;
  gtk_drop_down_set_selected (self->filters[WY_COMPOUNDS_FILTER_STREET], street_pos);

  for (guint i = 1; community_id > 0 && i < self->community_ids->len; i++)
    if (g_array_index (self->community_ids, gint64, i) == community_id)
      community_pos = i;
  gtk_drop_down_set_selected (self->filters[WY_COMPOUNDS_FILTER_COMMUNITY], community_pos);
}
