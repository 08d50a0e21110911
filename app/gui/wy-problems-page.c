/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-problems-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-array-model.h"
#include "wy-gui.h"
#include "wy-list-reuse.h"
#include "wy-problem-item.h"
#include "wy-background-read.h"
#include "wy-problems-page.h"
#include "wy-page.h"

#define SEARCH_DELAY_MS 150

typedef enum {
  AREA_ALL,
  AREA_STREET,
  AREA_COMMUNITY,
} AreaKind;

typedef struct {
  AreaKind kind;
  gint64   id;
} Area;

/* One column of the sort: the column view's headers set a chain of them
 * (the column clicked last first; the others break its ties). */
typedef struct {
  WyProblemSort column;
  gboolean      descending;
} SortSpec;

#define N_SORT_MAX WY_PROBLEM_N_SORTS

struct _WyProblemsPage
{
  GtkWidget           parent_instance;

  WyStore            *store;
  gulong              row_changed_id;
  gboolean            loaded;       /* rows were put in the list at least once */
  guint               reload_id;
  GDate               today;
  gboolean            today_fixed;
  guint               warning_days;
  gboolean            timing;       /* WUYOU_TIMING: times on stderr */
  gboolean            disposed;

  /* Loading in a thread */
  GCancellable       *load_cancellable;  /* while a load runs */
  GHashTable         *changed_ids;       /* problems changed while it runs */
  gboolean            reload_again;      /* names changed while it runs */
  gint64              load_started;
  WyProblemsPageLoadHook load_hook;
  gpointer            load_hook_data;

  /* The list: all items in the order of the sort, and those the
   * filters let through, in the same order. Both are filled by our own
   * passes over arrays: GTK 4.8's filter and sort models reach an item
   * through a bitset or a sequence, which on 200,000 items made every
   * keystroke and every sort take half a second or more. */
  GPtrArray          *all;          /* of WyProblemItem */
  GHashTable         *by_id;        /* &id → WyProblemItem (owned by all) */
  WyProblemKeyCache  *key_cache;    /* shared keys of the items in all */
  WyArrayModel       *shown;        /* of WyProblemItem */
  GtkSingleSelection *selection;
  GArray             *sort_chain;   /* of SortSpec, primary first */
  gboolean            probing;
  int                 probe_column;

  /* Filters */
  gint64              compound_id;
  GArray             *areas;        /* of Area, by area drop-down position */
  Area                area;
  const char         *status;       /* a static code, or NULL */
  gboolean            open_only;    /* any status but signed off */
  char               *signed_off_month;  /* "YYYY-MM", or NULL */
  GPtrArray          *units;        /* by unit drop-down position (NULL: all) */
  char               *unit;
  WyProblemsLightFilter light;
  char               *search;       /* casefolded, or NULL */
  char               *pending_search;
  guint               search_id;
  char               *status_text;
  guint               updating_filters;

  /* Template widgets */
  GtkWidget          *paned;
  GtkWidget          *compound_button;
  GtkWidget          *area_drop_down;
  GtkWidget          *status_drop_down;
  GtkWidget          *unit_drop_down;
  GtkWidget          *light_drop_down;
  GtkWidget          *list_stack;
  GtkWidget          *spinner;
  GtkWidget          *column_view;
  GtkWidget          *status_label;
  GtkWidget          *detail_stack;

  WyProblemEditor    *editor;
};

static void wy_problems_page_page_iface_init (WyPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WyProblemsPage, wy_problems_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WY_TYPE_PAGE, wy_problems_page_page_iface_init))

/* The columns, in the order of WyProblemSort (and of the public
 * wy_problems_page_sort_by_column()). */
typedef enum {
  COLUMN_LIGHT            = WY_PROBLEM_SORT_LIGHT,
  COLUMN_COMPOUND         = WY_PROBLEM_SORT_COMPOUND,
  COLUMN_COMMUNITY        = WY_PROBLEM_SORT_COMMUNITY,
  COLUMN_CATEGORY         = WY_PROBLEM_SORT_CATEGORY,
  COLUMN_DESCRIPTION      = WY_PROBLEM_SORT_DESCRIPTION,
  COLUMN_RESPONSIBLE_UNIT = WY_PROBLEM_SORT_RESPONSIBLE_UNIT,
  COLUMN_DEADLINE         = WY_PROBLEM_SORT_DEADLINE,
  COLUMN_STATUS           = WY_PROBLEM_SORT_STATUS,
  N_COLUMNS               = WY_PROBLEM_N_SORTS
} Column;

/* Widths are in GtkInscription characters, about half a Han glyph: the
 * names in these cells are Chinese whatever the interface language. */
static const struct {
  const char *title;     /* N_() */
  guint       min_chars;
  guint       nat_chars;
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_LIGHT]            = { N_("Light"), 0, 0, FALSE },  /* the light words */
  [COLUMN_COMPOUND]         = { N_("Compound"), 12, 18, TRUE },
  [COLUMN_COMMUNITY]        = { N_("Community"), 8, 10, FALSE },
  [COLUMN_CATEGORY]         = { N_("Category"), 8, 14, FALSE },
  [COLUMN_DESCRIPTION]      = { N_("Problem"), 16, 36, TRUE },
  [COLUMN_RESPONSIBLE_UNIT] = { N_("Responsible Unit"), 12, 18, FALSE },
  [COLUMN_DEADLINE]         = { N_("Deadline"), 10, 10, FALSE },
  [COLUMN_STATUS]           = { N_("Status"), 8, 12, FALSE },
};

/* What is read first comes first: on a narrow window the list scrolls
 * sideways, and the item, where and by when should not scroll away. */
static const Column display_order[N_COLUMNS] = {
  COLUMN_LIGHT,
  COLUMN_DESCRIPTION,
  COLUMN_COMPOUND,
  COLUMN_DEADLINE,
  COLUMN_RESPONSIBLE_UNIT,
  COLUMN_COMMUNITY,
  COLUMN_STATUS,
  COLUMN_CATEGORY,
};

/* What a load reads the rows with, copied: the thread never touches the
 * page. */
typedef struct {
  char                  *path;
  GDate                  today;
  guint                  warning_days;
  GArray                *sort_chain;
  WyProblemsPageLoadHook hook;
  gpointer               hook_data;
} LoadRequest;

typedef struct {
  GPtrArray         *items;       /* sorted by the request's chain */
  GHashTable        *by_id;
  WyProblemKeyCache *key_cache;
  GPtrArray         *units;       /* distinct responsible units, collated */
  GArray            *sort_chain;  /* the chain items are sorted by */
  double             read_ms;
  double             build_ms;
} LoadResult;

static void select_id     (WyProblemsPage *self,
                           gint64          problem_id,
                           gboolean        scroll);
static void start_loading (WyProblemsPage *self);
static void refresh_item  (WyProblemsPage *self,
                           gint64          problem_id);

/* --- Auxiliary methods --------------------------------------------------- */

static void
get_today (WyProblemsPage *self,
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

static WyLight
light_of_filter (WyProblemsLightFilter light)
{
  switch (light)
    {
    case WY_PROBLEMS_LIGHT_OVERDUE:     return WY_LIGHT_RED;
    case WY_PROBLEMS_LIGHT_DUE_SOON:    return WY_LIGHT_YELLOW;
    case WY_PROBLEMS_LIGHT_ON_SCHEDULE: return WY_LIGHT_GREEN;
    case WY_PROBLEMS_LIGHT_DONE:        return WY_LIGHT_DONE;
    case WY_PROBLEMS_LIGHT_ALL:
    default:                            return WY_LIGHT_NONE;
    }
}

/* One pass over precomputed fields: no allocation per row. */
static gboolean
item_is_shown (WyProblemsPage *self,
               WyProblemItem  *problem)
{
  const WyProblemRow *row = wy_problem_item_get_row (problem);

  if (self->compound_id > 0 && row->compound_id != self->compound_id)
    return FALSE;
  if (self->area.kind == AREA_STREET && row->street_id != self->area.id)
    return FALSE;
  if (self->area.kind == AREA_COMMUNITY && row->community_id != self->area.id)
    return FALSE;
  if (self->status != NULL && g_strcmp0 (row->status, self->status) != 0)
    return FALSE;
  if (self->open_only && g_strcmp0 (row->status, WY_PROBLEM_SIGNED_OFF) == 0)
    return FALSE;
  if (self->signed_off_month != NULL &&
      (row->signed_off_date == NULL || !g_str_has_prefix (row->signed_off_date, self->signed_off_month)))
    return FALSE;
  if (self->unit != NULL && g_strcmp0 (row->responsible_unit, self->unit) != 0)
    return FALSE;
  if (self->light != WY_PROBLEMS_LIGHT_ALL &&
      wy_problem_item_get_light (problem) != light_of_filter (self->light))
    return FALSE;
  if (self->search != NULL && strstr (wy_problem_item_get_search_key (problem), self->search) == NULL)
    return FALSE;

  return TRUE;
}

/* The chain of sort columns, then the order the items were raised in
 * (their ids), so equal rows keep a stable order. Runs in the loading
 * thread as well: items and the chain only. */
static int
compare_by_chain (WyProblemItem *a,
                  WyProblemItem *b,
                  GArray        *chain)
{
  gint64 ida, idb;

  for (guint i = 0; chain != NULL && i < chain->len; i++)
    {
      const SortSpec *spec = &g_array_index (chain, SortSpec, i);
      int cmp = wy_problem_item_compare (a, b, spec->column);

      if (cmp != 0)
        return spec->descending ? -cmp : cmp;
    }

  ida = wy_problem_item_get_row (a)->id;
  idb = wy_problem_item_get_row (b)->id;
  return (ida > idb) - (ida < idb);
}

/* The whole list in the order of the chain (see wy_problem_items_sort). */
static void
sort_items (GPtrArray *items,
            GArray    *chain)
{
  WyProblemSort by[N_SORT_MAX];
  gboolean descending[N_SORT_MAX];
  guint n = MIN (chain->len, N_SORT_MAX);

  for (guint i = 0; i < n; i++)
    {
      by[i] = g_array_index (chain, SortSpec, i).column;
      descending[i] = g_array_index (chain, SortSpec, i).descending;
    }

  wy_problem_items_sort (items, by, descending, n);
}

static gboolean
same_chain (GArray *a,
            GArray *b)
{
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (SortSpec)) == 0);
}

static GArray *
copy_chain (GArray *chain)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (SortSpec), chain->len);

  g_array_append_vals (copy, chain->data, chain->len);
  return copy;
}

static void
update_status_line (WyProblemsPage *self)
{
  guint shown = wy_problems_page_get_n_shown (self);
  guint total = wy_problems_page_get_n_total (self);

  g_free (self->status_text);
  /* TRANSLATORS: "12 of 345 items" in the problem list's status line */
  self->status_text = g_strdup_printf (ngettext ("%u of %u item", "%u of %u items", total),
                                       shown, total);
  gtk_label_set_text (GTK_LABEL (self->status_label), self->status_text);
}

/* The shown list becomes `matches` in one splice, of only the part that
 * differs: rows above and below it keep their widgets (and the
 * selection). */
static void
replace_shown (WyProblemsPage *self,
               GPtrArray      *matches)
{
  guint position, n_removed, n_added;

  if (wy_list_changed_stretch (G_LIST_MODEL (self->shown), matches, &position, &n_removed, &n_added))
    wy_array_model_splice (self->shown, position, n_removed, matches->pdata + position, n_added);
}

static void
rebuild_shown (WyProblemsPage *self)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_sized_new (self->all->len);

  for (guint i = 0; i < self->all->len; i++)
    {
      WyProblemItem *item = g_ptr_array_index (self->all, i);

      if (item_is_shown (self, item))
        g_ptr_array_add (matches, item);
    }

  replace_shown (self, matches);
}

static void
refilter (WyProblemsPage *self)
{
  gint64 shown_id = self->editor != NULL ? wy_problem_editor_get_problem_id (self->editor) : 0;
  gint64 start = g_get_monotonic_time ();

  rebuild_shown (self);
  update_status_line (self);

  /* The item in the editor stays selected when it is still listed. */
  if (shown_id > 0)
    select_id (self, shown_id, TRUE);

  if (self->timing)
    g_printerr ("wuyou-timing: filter %u problems: %.1f ms\n",
                self->all->len, (g_get_monotonic_time () - start) / 1000.0);
}

/* Where item goes in a list sorted by the current chain. */
static guint
sorted_position (WyProblemsPage *self,
                 GListModel     *model,
                 WyProblemItem  *item)
{
  guint low = 0, high = g_list_model_get_n_items (model);

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      g_autoptr(WyProblemItem) other = g_list_model_get_item (model, mid);

      if (compare_by_chain (other, item, self->sort_chain) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static guint
sorted_index (WyProblemsPage *self,
              WyProblemItem  *item)
{
  guint low = 0, high = self->all->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_by_chain (g_ptr_array_index (self->all, mid), item, self->sort_chain) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* --- Loading ------------------------------------------------------------- */

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_free (request->path);
  g_array_unref (request->sort_chain);
  g_free (request);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->by_id, g_hash_table_unref);
  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_clear_pointer (&result->key_cache, wy_problem_key_cache_free);
  g_clear_pointer (&result->units, g_ptr_array_unref);
  g_clear_pointer (&result->sort_chain, g_array_unref);
  g_free (result);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

/* Items for a run of rows, which it takes; in the thread that reads or in
 * a helper beside it. */
typedef struct {
  gpointer          *rows;
  gsize              n_rows;
  const GDate       *today;
  guint              warning_days;
  GCancellable      *cancellable;
  WyProblemKeyCache *key_cache;
  GPtrArray         *items;
} ItemRun;

static gpointer
build_items (gpointer data)
{
  ItemRun *run = data;

  run->key_cache = wy_problem_key_cache_new ();
  run->items = g_ptr_array_new_full (run->n_rows, g_object_unref);
  for (gsize i = 0; i < run->n_rows; i++)
    {
      if (i % 4096 == 0 && g_cancellable_is_cancelled (run->cancellable))
        {
          for (gsize j = i; j < run->n_rows; j++)
            wy_problem_row_free (run->rows[j]);
          break;
        }
      g_ptr_array_add (run->items, wy_problem_item_new_with_keys (run->rows[i], run->today,
                                                                  run->warning_days, run->key_cache));
    }

  return NULL;
}

/* Past this many rows the items are made by two threads, half each: the
 * main thread waits idle meanwhile, so the second core is free. */
#define SPLIT_ROWS 2048

/* Everything a load needs that is not the page: the rows made into items
 * with their keys, the index by id, the units, the sort. In the loading
 * thread on its own connection, or on the page's for a reload now. */
static LoadResult *
read_rows (WyStore       *store,
           const GDate   *today,
           guint          warning_days,
           GArray        *sort_chain,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree gpointer *data = NULL;
  ItemRun runs[2] = { { 0 }, { 0 } };
  GThread *helper = NULL;
  LoadResult *result;
  gsize n_rows = 0;
  gint64 start = g_get_monotonic_time ();
  gint64 read_at;

  rows = wy_store_list_problem_rows (store, 0, error);
  if (rows == NULL)
    return NULL;
  read_at = g_get_monotonic_time ();

  data = g_ptr_array_steal (rows, &n_rows);
  for (guint r = 0; r < 2; r++)
    {
      runs[r].today = today;
      runs[r].warning_days = warning_days;
      runs[r].cancellable = cancellable;
    }
  runs[0].rows = data;
  runs[0].n_rows = n_rows > SPLIT_ROWS ? n_rows / 2 : n_rows;
  runs[1].rows = data + runs[0].n_rows;
  runs[1].n_rows = n_rows - runs[0].n_rows;

  if (runs[1].n_rows > 0)
    helper = g_thread_new ("wy-problem-items", build_items, &runs[1]);
  build_items (&runs[0]);
  if (helper != NULL)
    g_thread_join (helper);

  result = g_new0 (LoadResult, 1);
  result->sort_chain = copy_chain (sort_chain);
  /* The first run's cache serves the items made later; the second's keys
   * live on in its items (they are shared by reference). */
  result->key_cache = g_steal_pointer (&runs[0].key_cache);
  g_clear_pointer (&runs[1].key_cache, wy_problem_key_cache_free);
  result->items = g_steal_pointer (&runs[0].items);
  if (runs[1].items != NULL)
    g_ptr_array_extend_and_steal (result->items, g_steal_pointer (&runs[1].items));

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      load_result_free (result);
      return NULL;
    }

  result->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  result->units = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < result->items->len; i++)
    {
      WyProblemItem *item = g_ptr_array_index (result->items, i);
      const WyProblemRow *row = wy_problem_item_get_row (item);

      /* The key is the row's own id: no copy per item. */
      g_hash_table_insert (result->by_id, (gpointer) &row->id, item);

      /* The rows outlive this function: the units array keeps copies. */
      if (row->responsible_unit != NULL && row->responsible_unit[0] != '\0' &&
          g_hash_table_add (seen, row->responsible_unit))
        g_ptr_array_add (result->units, g_strdup (row->responsible_unit));
    }
  g_ptr_array_sort (result->units, compare_collated);

  /* Rows come in the order they were raised; any other order is sorted
   * here, off the main thread too. */
  if (result->sort_chain->len > 0)
    sort_items (result->items, result->sort_chain);

  result->read_ms = (read_at - start) / 1000.0;
  result->build_ms = (g_get_monotonic_time () - read_at) / 1000.0;
  return result;
}

/* In the worker thread, on a connection of its own. */
static gpointer
read_in_thread (WyStore       *reader,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  LoadRequest *request = data;
  LoadResult *result;

  result = read_rows (reader, &request->today, request->warning_days,
                      request->sort_chain, cancellable, error);
  if (result != NULL && request->hook != NULL)
    request->hook (request->hook_data);
  return result;
}

static guint
find_area (WyProblemsPage *self,
           Area            area)
{
  for (guint i = 0; i < self->areas->len; i++)
    {
      Area *candidate = &g_array_index (self->areas, Area, i);

      if (candidate->kind == area.kind && candidate->id == area.id)
        return i;
    }
  return 0;
}

static void
fill_areas (WyProblemsPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) streets = wy_store_list (self->store, WY_TABLE_STREET, 0, NULL);
  g_autoptr(GPtrArray) communities = wy_store_list (self->store, WY_TABLE_COMMUNITY, 0, NULL);
  Area all = { AREA_ALL, 0 };

  g_array_set_size (self->areas, 0);
  gtk_string_list_append (strings, _("All streets and communities"));
  g_array_append_val (self->areas, all);

  for (guint s = 0; streets != NULL && s < streets->len; s++)
    {
      WyRecord *street = g_ptr_array_index (streets, s);
      Area area = { AREA_STREET, wy_record_get_id (street) };

      gtk_string_list_append (strings, wy_record_get (street, "name"));
      g_array_append_val (self->areas, area);

      for (guint c = 0; communities != NULL && c < communities->len; c++)
        {
          WyRecord *community = g_ptr_array_index (communities, c);
          Area sub = { AREA_COMMUNITY, wy_record_get_id (community) };
          g_autofree char *title = NULL;

          if (wy_record_get_int (community, "street_id", 0) != area.id)
            continue;

          /* TRANSLATORS: a community shown with its street office */
          title = g_strdup_printf (_("%s · %s"), wy_record_get (street, "name"),
                                   wy_record_get (community, "name"));
          gtk_string_list_append (strings, title);
          g_array_append_val (self->areas, sub);
        }
    }

  /* Keep the area chosen before the rows were read (the Overview's "open
   * the list" may come first) or before a reload, if it still exists. */
  self->updating_filters++;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->area_drop_down), G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->area_drop_down), find_area (self, self->area));
  self->area = g_array_index (self->areas, Area, gtk_drop_down_get_selected (GTK_DROP_DOWN (self->area_drop_down)));
  self->updating_filters--;
}

static void
fill_units (WyProblemsPage *self,
            GPtrArray      *units)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->units, 0);
  gtk_string_list_append (strings, _("All responsible units"));
  g_ptr_array_add (self->units, NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      gtk_string_list_append (strings, g_ptr_array_index (units, i));
      g_ptr_array_add (self->units, g_strdup (g_ptr_array_index (units, i)));
      if (g_strcmp0 (self->unit, g_ptr_array_index (units, i)) == 0)
        selected = self->units->len - 1;
    }

  self->updating_filters++;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->unit_drop_down), G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->unit_drop_down), selected);
  if (selected == 0)
    g_clear_pointer (&self->unit, g_free);
  self->updating_filters--;
}

static void
show_loading (WyProblemsPage *self,
              gboolean        loading)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->list_stack), loading ? "loading" : "list");
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
  if (loading)
    {
      /* No "0 of 0 items" while the count is not known yet. */
      g_clear_pointer (&self->status_text, g_free);
      gtk_label_set_text (GTK_LABEL (self->status_label), "");
    }
}

/* The rows of a finished load replace the list's, in one splice. */
static void
take_rows (WyProblemsPage *self,
           LoadResult     *result)
{
  gint64 start = g_get_monotonic_time ();
  gint64 editor_id = wy_problem_editor_get_problem_id (self->editor);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  self->by_id = g_steal_pointer (&result->by_id);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  self->all = g_steal_pointer (&result->items);
  g_clear_pointer (&self->key_cache, wy_problem_key_cache_free);
  self->key_cache = g_steal_pointer (&result->key_cache);

  /* A header clicked while the rows were read. */
  if (!same_chain (result->sort_chain, self->sort_chain))
    sort_items (self->all, self->sort_chain);

  self->loaded = TRUE;
  fill_areas (self);
  fill_units (self, result->units);
  rebuild_shown (self);
  update_status_line (self);
  show_loading (self, FALSE);

  if (editor_id > 0)
    select_id (self, editor_id, TRUE);

  if (self->timing)
    g_printerr ("wuyou-timing: problems: read %.1f ms, items and keys %.1f ms (off the main thread); "
                "into the list %.1f ms; %.1f ms since the load began\n",
                result->read_ms, result->build_ms,
                (g_get_monotonic_time () - start) / 1000.0,
                (g_get_monotonic_time () - self->load_started) / 1000.0);
}

static void
reload_now (WyProblemsPage *self)
{
  g_autoptr(GError) error = NULL;
  LoadResult *result;
  GDate today;

  if (self->load_cancellable != NULL)
    {
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
    }
  g_clear_handle_id (&self->reload_id, g_source_remove);

  get_today (self, &today);
  self->warning_days = wy_store_get_warning_days (self->store);
  self->load_started = g_get_monotonic_time ();

  result = read_rows (self->store, &today, self->warning_days, self->sort_chain, NULL, &error);
  if (result == NULL)
    {
      g_warning ("Could not list the problems of %s: %s",
                 wy_store_get_path (self->store), error->message);
      result = g_new0 (LoadResult, 1);
      result->items = g_ptr_array_new_with_free_func (g_object_unref);
      result->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
      result->key_cache = wy_problem_key_cache_new ();
      result->sort_chain = copy_chain (self->sort_chain);
    }

  take_rows (self, result);
  load_result_free (result);
}

static void
on_load_done_cb (gpointer      owner,
                 gpointer      data,
                 const GError *error)
{
  WyProblemsPage *self = owner;
  LoadResult *result = data;
  g_autoptr(GArray) changed = NULL;
  GHashTableIter iter;
  gpointer key;

  g_clear_object (&self->load_cancellable);

  if (result == NULL)
    {
      /* A second connection could not be had: read on the page's own,
       * as before there was a thread. */
      g_debug ("Reading the problems in a thread failed (%s); reading them now", error->message);
      reload_now (self);
      return;
    }

  take_rows (self, result);
  load_result_free (result);

  /* Edits made while the rows were read: the thread may have read them
   * before or after, so read them again on the page's connection. */
  changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, self->changed_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (changed, *(gint64 *) key);
  g_hash_table_remove_all (self->changed_ids);
  for (guint i = 0; i < changed->len; i++)
    refresh_item (self, g_array_index (changed, gint64, i));

  if (self->reload_again)
    start_loading (self);
}

static void
start_loading (WyProblemsPage *self)
{
  LoadRequest *request;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);

  self->reload_again = FALSE;
  g_hash_table_remove_all (self->changed_ids);
  self->warning_days = wy_store_get_warning_days (self->store);
  self->load_started = g_get_monotonic_time ();

  request = g_new0 (LoadRequest, 1);
  request->path = g_strdup (wy_store_get_path (self->store));
  get_today (self, &request->today);
  request->warning_days = self->warning_days;
  request->sort_chain = copy_chain (self->sort_chain);
  request->hook = self->load_hook;
  request->hook_data = self->load_hook_data;
  self->load_cancellable = wy_background_read (request->path, read_in_thread,
                                               request, load_request_free, load_result_free,
                                               self, on_load_done_cb);

  /* A reload keeps the list it has until the new rows are in. The
   * filters are there from the start (the units only with "all"), so
   * they can be set while the rows are read. */
  if (!self->loaded)
    {
      fill_areas (self);
      fill_units (self, NULL);
      show_loading (self, TRUE);
    }
}

/* --- Cells --------------------------------------------------------------- */

static const char *
cell_text (WyProblemItem *item,
           Column         column)
{
  const WyProblemRow *row = wy_problem_item_get_row (item);
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_LIGHT:            text = wy_problem_item_get_light_label (item); break;
    case COLUMN_COMPOUND:         text = row->compound; break;
    case COLUMN_COMMUNITY:        text = row->community; break;
    case COLUMN_CATEGORY:         text = wy_problem_item_get_category_label (item); break;
    case COLUMN_DESCRIPTION:      text = row->description; break;
    case COLUMN_RESPONSIBLE_UNIT: text = row->responsible_unit; break;
    case COLUMN_DEADLINE:         text = row->deadline; break;
    case COLUMN_STATUS:           text = wy_problem_item_get_status_label (item); break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return text != NULL ? text : "";
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 WyProblemsPage           *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "wy-column"));
  WyProblemItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);

  if (column == COLUMN_LIGHT || column == COLUMN_DEADLINE)
    {
      WyLight light = wy_problem_item_get_light (item);

      /* An open item with no deadline says so ("No deadline"): it can
       * never turn red, and that is worth seeing (issue 12). */
      if (column == COLUMN_LIGHT)
        wy_gui_show_light (inscription, light, TRUE);
      else
        {
          gtk_inscription_set_text (GTK_INSCRIPTION (inscription), cell_text (item, column));
          wy_gui_mark_urgent (inscription, light);
        }
      return;
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), cell_text (item, column));
  if (column == COLUMN_DESCRIPTION)
    wy_gui_set_cell_tooltip (inscription, cell_text (item, column));
}

/* --- Sorting ------------------------------------------------------------- */

typedef struct {
  WyProblemsPage *page;   /* not owned: the page owns the column */
  Column          column;
} ColumnSorter;

/* A column's sorter. The list is sorted by our own pass (see sort_all);
 * GTK calls this only through read_sort_chain()'s probe. */
static int
compare_column_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  ColumnSorter *sorter = user_data;
  WyProblemsPage *self = sorter->page;
  int cmp;

  if (self->probing)
    {
      for (guint i = 0; i < self->sort_chain->len; i++)
        if (g_array_index (self->sort_chain, SortSpec, i).column == (WyProblemSort) sorter->column)
          return GTK_ORDERING_EQUAL;

      if (self->probe_column < 0)
        self->probe_column = sorter->column;
      return GTK_ORDERING_SMALLER;
    }

  cmp = wy_problem_item_compare ((WyProblemItem *) a, (WyProblemItem *) b, (WyProblemSort) sorter->column);
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* GTK 4.8 does not say which columns the view sorts by (that came in
 * 4.10), but its sorter asks the columns' sorters in that order and
 * stops at the first that finds a difference, inverting it for a
 * descending column. So it is asked to compare two dummies while every
 * column not yet found answers "smaller": the one asked is the next in
 * the chain, and the sign of the answer its direction. */
static void
read_sort_chain (WyProblemsPage *self)
{
  static int dummies[2];
  GtkSorter *sorter = gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view));

  g_array_set_size (self->sort_chain, 0);
  for (guint i = 0; sorter != NULL && i < N_COLUMNS; i++)
    {
      SortSpec spec;
      GtkOrdering result;

      self->probing = TRUE;
      self->probe_column = -1;
      result = gtk_sorter_compare (sorter, &dummies[0], &dummies[1]);
      self->probing = FALSE;

      if (self->probe_column < 0)
        break;

      spec.column = self->probe_column;
      spec.descending = result == GTK_ORDERING_LARGER;
      g_array_append_val (self->sort_chain, spec);
    }
}

static void
on_sorter_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      WyProblemsPage  *self)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GArray) before = NULL;
  gint64 editor_id;

  /* The columns leave the sorter as the page goes away. */
  if (self->disposed)
    return;

  editor_id = wy_problem_editor_get_problem_id (self->editor);
  before = copy_chain (self->sort_chain);
  read_sort_chain (self);
  if (same_chain (before, self->sort_chain))
    return;

  sort_items (self->all, self->sort_chain);
  rebuild_shown (self);
  if (editor_id > 0)
    select_id (self, editor_id, TRUE);

  if (self->timing)
    g_printerr ("wuyou-timing: sort %u problems: %.1f ms\n",
                self->all->len, (g_get_monotonic_time () - start) / 1000.0);
}

static void
setup_columns (WyProblemsPage *self)
{
  GtkSorter *view_sorter;
  guint light_chars = wy_gui_light_column_chars ();

  for (guint position = 0; position < N_COLUMNS; position++)
    {
      Column i = display_order[position];
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkCustomSorter) sorter = NULL;
      GtkListItemFactory *factory;
      ColumnSorter *data;

      factory = i == COLUMN_LIGHT ? wy_gui_cell_factory_new (light_chars, light_chars)
                                  : wy_gui_cell_factory_new (columns[i].min_chars, columns[i].nat_chars);
      g_object_set_data (G_OBJECT (factory), "wy-column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), self);

      data = g_new0 (ColumnSorter, 1);
      data->page = self;
      data->column = i;
      sorter = gtk_custom_sorter_new (compare_column_cb, data, g_free);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
    }

  view_sorter = gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view));
  g_signal_connect_object (view_sorter, "changed", G_CALLBACK (on_sorter_changed_cb), self, 0);
}

/* --- Rows ---------------------------------------------------------------- */

/* GTK 4.8 has no gtk_column_view_scroll_to(): the inner list view's
 * action does it. */
static void
scroll_to (WyProblemsPage *self,
           guint           position)
{
  GtkWidget *list = wy_gui_find_descendant (self->column_view, GTK_TYPE_LIST_VIEW);

  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

static void
select_id (WyProblemsPage *self,
           gint64          problem_id,
           gboolean        scroll)
{
  WyProblemItem *item = g_hash_table_lookup (self->by_id, &problem_id);
  guint position;

  if (item == NULL || !wy_array_model_find (self->shown, item, &position))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  if (scroll)
    scroll_to (self, position);
}

/* After an edit: the one item replaced (or added, or removed) in place. */
static void
refresh_item (WyProblemsPage *self,
              gint64          problem_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyProblemItem) old = NULL;
  g_autoptr(WyProblemItem) item = NULL;
  WyProblemRow *row;
  guint old_index = 0, old_pos = 0, new_pos = 0;
  gboolean was_shown = FALSE, is_shown = FALSE;
  GDate today;

  old = g_hash_table_lookup (self->by_id, &problem_id);
  if (old != NULL)
    g_object_ref (old);
  row = wy_store_get_problem_row (self->store, problem_id, &error);
  if (row == NULL && old == NULL)
    return;

  if (row != NULL)
    {
      if (self->key_cache == NULL)
        self->key_cache = wy_problem_key_cache_new ();
      get_today (self, &today);
      item = wy_problem_item_new_with_keys (row, &today, self->warning_days, self->key_cache);
    }

  /* All items, in the order of the sort */
  if (old != NULL)
    {
      g_hash_table_remove (self->by_id, &problem_id);
      if (g_ptr_array_find (self->all, old, &old_index))
        g_ptr_array_remove_index (self->all, old_index);
      was_shown = wy_array_model_find (self->shown, old, &old_pos);
    }
  if (item != NULL)
    {
      g_ptr_array_insert (self->all, sorted_index (self, item), g_object_ref (item));
      g_hash_table_insert (self->by_id, (gpointer) &wy_problem_item_get_row (item)->id, item);
      is_shown = item_is_shown (self, item);
    }

  /* The shown list. p counts the rows before the new one while the old
   * one is still there: p is old_pos or old_pos + 1 exactly when the row
   * stays where it was, which is one splice (its cells are bound again). */
  if (is_shown)
    new_pos = sorted_position (self, G_LIST_MODEL (self->shown), item);
  if (was_shown && is_shown && (new_pos == old_pos || new_pos == old_pos + 1))
    wy_array_model_splice (self->shown, old_pos, 1, (gpointer *) &item, 1);
  else
    {
      if (was_shown)
        {
          wy_array_model_remove (self->shown, old_pos);
          if (is_shown && new_pos > old_pos)
            new_pos--;
        }
      if (is_shown)
        wy_array_model_splice (self->shown, new_pos, 0, (gpointer *) &item, 1);
    }

  if (wy_problem_editor_get_problem_id (self->editor) == problem_id && item != NULL)
    select_id (self, problem_id, TRUE);

  update_status_line (self);
}

/* --- Callbacks ----------------------------------------------------------- */

static void
on_area_selected_cb (GtkDropDown    *drop_down,
                     GParamSpec     *pspec,
                     WyProblemsPage *self)
{
  guint pos = gtk_drop_down_get_selected (drop_down);

  if (self->updating_filters > 0 || pos >= self->areas->len)
    return;

  self->area = g_array_index (self->areas, Area, pos);
  refilter (self);
}

static void
on_status_selected_cb (GtkDropDown    *drop_down,
                       GParamSpec     *pspec,
                       WyProblemsPage *self)
{
  const WyFieldInfo *info = wy_schema_field (wy_schema_table (WY_TABLE_PROBLEM), "status");
  guint pos = gtk_drop_down_get_selected (drop_down);

  if (self->updating_filters > 0)
    return;

  /* 0: all statuses, 1: open (未销号), then the statuses. */
  self->open_only = pos == 1;
  self->status = (pos <= 1 || pos == GTK_INVALID_LIST_POSITION) ? NULL : info->codes[pos - 2];
  g_clear_pointer (&self->signed_off_month, g_free);
  refilter (self);
}

static void
on_unit_selected_cb (GtkDropDown    *drop_down,
                     GParamSpec     *pspec,
                     WyProblemsPage *self)
{
  guint pos = gtk_drop_down_get_selected (drop_down);

  if (self->updating_filters > 0)
    return;

  g_free (self->unit);
  self->unit = pos < self->units->len ? g_strdup (g_ptr_array_index (self->units, pos)) : NULL;
  refilter (self);
}

static void
on_light_selected_cb (GtkDropDown    *drop_down,
                      GParamSpec     *pspec,
                      WyProblemsPage *self)
{
  guint pos = gtk_drop_down_get_selected (drop_down);

  if (self->updating_filters > 0)
    return;

  self->light = pos <= WY_PROBLEMS_LIGHT_DONE ? (WyProblemsLightFilter)pos : WY_PROBLEMS_LIGHT_ALL;
  refilter (self);
}

static void
on_compound_button_clicked_cb (GtkButton      *button,
                               WyProblemsPage *self)
{
  wy_problems_page_show_compound (self, 0);
}

static gboolean
apply_search_cb (gpointer user_data)
{
  WyProblemsPage *self = user_data;
  g_autofree char *text = g_steal_pointer (&self->pending_search);

  self->search_id = 0;
  g_clear_pointer (&self->search, g_free);
  if (text != NULL)
    {
      g_strstrip (text);
      if (text[0] != '\0')
        self->search = g_utf8_casefold (text, -1);
    }

  refilter (self);
  return G_SOURCE_REMOVE;
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  WyProblemsPage *self = user_data;

  self->reload_id = 0;
  start_loading (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_row_changed_cb (WyStore        *store,
                         int             table,
                         gint64          id,
                         WyProblemsPage *self)
{
  gboolean loading = self->load_cancellable != NULL;

  if (!self->loaded && !loading)
    return;

  switch (table)
    {
    case WY_TABLE_PROBLEM:
      /* Read again once the rows being read are in; the list shown
       * until then (on a reload) is kept right meanwhile. */
      if (loading)
        g_hash_table_add (self->changed_ids, g_memdup2 (&id, sizeof id));
      if (self->loaded)
        refresh_item (self, id);
      break;

    case WY_TABLE_COMPOUND:
    case WY_TABLE_COMMUNITY:
    case WY_TABLE_STREET:
      /* Names shown in many rows, or rows gone with their compound. */
      if (loading)
        self->reload_again = TRUE;
      else if (self->reload_id == 0)
        self->reload_id = g_idle_add (reload_idle_cb, self);
      break;

    default:
      break;
    }
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         WyProblemsPage     *self)
{
  WyProblemItem *item = gtk_single_selection_get_selected_item (selection);

  if (self->disposed)
    return;

  /* Nothing selected (the row was just replaced, or filtered away): the
   * editor keeps its item, so typing there is never interrupted. */
  if (item == NULL)
    return;

  wy_problem_editor_set_problem_id (self->editor, wy_problem_item_get_id (item));
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), "editor");
}

static void
on_map_cb (GtkWidget      *widget,
           WyProblemsPage *self)
{
  /* 200,000 rows on a big ledger: read them only when the page is seen,
   * and in a thread, so the window draws meanwhile. */
  if (!self->loaded && self->load_cancellable == NULL)
    start_loading (self);
}

/* --- GObject ------------------------------------------------------------- */

static gboolean
on_delete_key_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  WyProblemsPage *self = user_data;

  if (self->editor == NULL || wy_problem_editor_get_problem_id (self->editor) <= 0)
    return FALSE;

  wy_problem_editor_ask_delete (self->editor);
  return TRUE;
}

/* WyPage ------------------------------------------------------------- */

static gboolean
page_select_by_id (WyPage *page,
                   gint64  id)
{
  wy_problems_page_select_problem (WY_PROBLEMS_PAGE (page), id);
  return TRUE;
}

static void
wy_problems_page_page_iface_init (WyPageInterface *iface)
{
  iface->name = "problems";
  iface->title = N_("Problems");
  iface->icon_name = "dialog-warning-symbolic";
  iface->reload = (void (*) (WyPage *)) wy_problems_page_reload;
  iface->search_placeholder = N_("Search problems");
  iface->search_delay_ms = 150;
  iface->set_search_text = (void (*) (WyPage *, const char *)) wy_problems_page_set_search_text;
  iface->select_by_id = page_select_by_id;
}

static void
wy_problems_page_dispose (GObject *object)
{
  WyProblemsPage *self = (WyProblemsPage *)object;

  self->disposed = TRUE;

  /* A load still running stops at its next step; its result is dropped. */
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->search_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_PROBLEMS_PAGE);
  self->editor = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_problems_page_parent_class)->dispose (object);
}

static void
wy_problems_page_finalize (GObject *object)
{
  WyProblemsPage *self = (WyProblemsPage *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_pointer (&self->key_cache, wy_problem_key_cache_free);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->changed_ids, g_hash_table_unref);
  g_clear_pointer (&self->sort_chain, g_array_unref);
  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->signed_off_month, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->pending_search, g_free);
  g_clear_pointer (&self->status_text, g_free);

  G_OBJECT_CLASS (wy_problems_page_parent_class)->finalize (object);
}

static void
wy_problems_page_class_init (WyProblemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_problems_page_dispose;
  object_class->finalize = wy_problems_page_finalize;

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-problems-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, compound_button);
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, area_drop_down);
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, unit_drop_down);
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, light_drop_down);
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, WyProblemsPage, detail_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_area_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_light_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_compound_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-problems-page");
}

static void
wy_problems_page_init (WyProblemsPage *self)
{
  GtkEventController *keys;
  g_date_clear (&self->today, 1);
  self->timing = g_getenv ("WUYOU_TIMING") != NULL;
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->shown = wy_array_model_new (WY_TYPE_PROBLEM_ITEM);
  self->changed_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->sort_chain = g_array_new (FALSE, FALSE, sizeof (SortSpec));
  self->areas = g_array_new (FALSE, TRUE, sizeof (Area));
  self->units = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Delete in the list deletes the item shown beside it, after asking. */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                                                          gtk_callback_action_new (on_delete_key_cb, self, NULL)));
  gtk_widget_add_controller (self->column_view, keys);

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
}

/* --- Public API ---------------------------------------------------------- */

WyProblemsPage *
wy_problems_page_new (WyStore *store)
{
  WyProblemsPage *self;
  const WyFieldInfo *status_info;
  g_autoptr(GPtrArray) status_labels = g_ptr_array_new ();
  const char *light_labels[6];
  const char *none[] = { NULL };

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_PROBLEMS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->warning_days = wy_store_get_warning_days (store);

  /* The drop-downs' choices come from the schema and the ledger. */
  status_info = wy_schema_field (wy_schema_table (WY_TABLE_PROBLEM), "status");
  g_ptr_array_add (status_labels, (gpointer)_("All statuses"));
  g_ptr_array_add (status_labels, (gpointer)_("Open (not signed off)"));
  for (guint i = 0; status_info->codes[i] != NULL; i++)
    g_ptr_array_add (status_labels, (gpointer)wy_schema_code_label (status_info, status_info->codes[i]));
  g_ptr_array_add (status_labels, NULL);

  light_labels[WY_PROBLEMS_LIGHT_ALL] = _("All lights");
  light_labels[WY_PROBLEMS_LIGHT_OVERDUE] = wy_light_to_label (WY_LIGHT_RED);
  light_labels[WY_PROBLEMS_LIGHT_DUE_SOON] = wy_light_to_label (WY_LIGHT_YELLOW);
  light_labels[WY_PROBLEMS_LIGHT_ON_SCHEDULE] = wy_light_to_label (WY_LIGHT_GREEN);
  light_labels[WY_PROBLEMS_LIGHT_DONE] = wy_light_to_label (WY_LIGHT_DONE);
  light_labels[5] = NULL;

  self->updating_filters++;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->area_drop_down),
                           G_LIST_MODEL (gtk_string_list_new (none)));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->unit_drop_down),
                           G_LIST_MODEL (gtk_string_list_new (none)));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->status_drop_down),
                           G_LIST_MODEL (gtk_string_list_new ((const char * const *)status_labels->pdata)));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->light_drop_down),
                           G_LIST_MODEL (gtk_string_list_new (light_labels)));
  self->updating_filters--;

  /* The list: shown items → selection → column view */
  setup_columns (self);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb), self);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (self->selection));

  /* Detail */
  self->editor = wy_problem_editor_new (store);
  gtk_stack_add_named (GTK_STACK (self->detail_stack), GTK_WIDGET (self->editor), "editor");
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), "empty");

  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);

  update_status_line (self);

  return self;
}

void
wy_problems_page_reload (WyProblemsPage *self)
{
  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  reload_now (self);
}

void
wy_problems_page_set_search_text (WyProblemsPage *self,
                                  const char     *text)
{
  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  /* Typing fast filters once, after a pause. */
  g_free (self->pending_search);
  self->pending_search = g_strdup (text);
  g_clear_handle_id (&self->search_id, g_source_remove);
  self->search_id = g_timeout_add (SEARCH_DELAY_MS, apply_search_cb, self);
}

void
wy_problems_page_show_compound (WyProblemsPage *self,
                                gint64          compound_id)
{
  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  self->compound_id = compound_id;
  if (compound_id > 0)
    {
      g_autoptr(WyRecord) compound = wy_store_get (self->store, WY_TABLE_COMPOUND, compound_id, NULL);
      g_autofree char *label = NULL;

      /* TRANSLATORS: a filter button; %s is a compound. Clicking it shows all again. */
      label = g_strdup_printf (_("Only %s ✕"), compound != NULL ? wy_record_get (compound, "name") : "");
      gtk_button_set_label (GTK_BUTTON (self->compound_button), label);
      gtk_widget_set_tooltip_text (self->compound_button, _("Show the items of every compound"));
    }
  gtk_widget_set_visible (self->compound_button, compound_id > 0);

  /* Not read yet: the filter applies when the rows are in. */
  if (!self->loaded)
    {
      if (self->load_cancellable == NULL)
        start_loading (self);
    }
  else
    refilter (self);
}

guint
wy_problems_page_get_n_shown (WyProblemsPage *self)
{
  g_return_val_if_fail (WY_IS_PROBLEMS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->shown));
}

guint
wy_problems_page_get_n_total (WyProblemsPage *self)
{
  g_return_val_if_fail (WY_IS_PROBLEMS_PAGE (self), 0);

  return self->all->len;
}

void
wy_problems_page_select_problem (WyProblemsPage *self,
                                 gint64          problem_id)
{
  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  /* Not read yet: the row is selected when the rows are in. */
  if (!self->loaded && self->load_cancellable == NULL)
    start_loading (self);

  wy_problem_editor_set_problem_id (self->editor, problem_id);
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), problem_id > 0 ? "editor" : "empty");
  select_id (self, problem_id, TRUE);
}

void
wy_problems_page_set_today (WyProblemsPage *self,
                            const GDate    *today)
{
  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  self->today_fixed = today != NULL && g_date_valid (today);
  if (self->today_fixed)
    self->today = *today;
  wy_problem_editor_set_today (self->editor, today);

  /* The lights depend on the day: rows read with another one go. */
  if (self->load_cancellable != NULL)
    start_loading (self);
  else if (self->loaded)
    reload_now (self);
}

void
wy_problems_page_set_status_filter (WyProblemsPage *self,
                                    const char     *status)
{
  const WyFieldInfo *info = wy_schema_field (wy_schema_table (WY_TABLE_PROBLEM), "status");
  guint pos = 0;

  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  if (g_strcmp0 (status, WY_PROBLEMS_STATUS_OPEN) == 0)
    pos = 1;
  for (guint i = 0; pos == 0 && status != NULL && info->codes[i] != NULL; i++)
    if (g_str_equal (info->codes[i], status))
      pos = i + 2;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_drop_down), pos);
}

void
wy_problems_page_set_signed_off_month (WyProblemsPage *self,
                                       const char     *month)
{
  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  if (g_strcmp0 (month, self->signed_off_month) == 0)
    return;

  g_free (self->signed_off_month);
  self->signed_off_month = g_strdup (month);
  if (self->loaded)
    refilter (self);
}

void
wy_problems_page_set_light_filter (WyProblemsPage        *self,
                                   WyProblemsLightFilter  light)
{
  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->light_drop_down), light);
}

void
wy_problems_page_set_area_filter (WyProblemsPage *self,
                                  gint64          street_id,
                                  gint64          community_id)
{
  Area area = { AREA_ALL, 0 };

  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  if (community_id > 0)
    area = (Area) { AREA_COMMUNITY, community_id };
  else if (street_id > 0)
    area = (Area) { AREA_STREET, street_id };

  self->area = area;
  if (self->areas->len > 1)
    {
      self->updating_filters++;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->area_drop_down), find_area (self, area));
      self->updating_filters--;
      self->area = g_array_index (self->areas, Area, gtk_drop_down_get_selected (GTK_DROP_DOWN (self->area_drop_down)));
    }
  if (self->loaded)
    refilter (self);
}

void
wy_problems_page_set_unit_filter (WyProblemsPage *self,
                                  const char     *unit)
{
  guint pos = 0;

  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  for (guint i = 1; unit != NULL && i < self->units->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->units, i), unit) == 0)
      pos = i;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->unit_drop_down), pos);
}

GListModel *
wy_problems_page_get_model (WyProblemsPage *self)
{
  g_return_val_if_fail (WY_IS_PROBLEMS_PAGE (self), NULL);

  return G_LIST_MODEL (self->shown);
}

void
wy_problems_page_sort_by_column (WyProblemsPage *self,
                                 guint           column,
                                 GtkSortType     order)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  GListModel *view_columns;
  guint position = 0;

  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));
  g_return_if_fail (column < N_COLUMNS);

  while (display_order[position] != column)
    position++;
  view_columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view));
  view_column = g_list_model_get_item (view_columns, position);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), view_column, order);
}

const char *
wy_problems_page_get_status_text (WyProblemsPage *self)
{
  g_return_val_if_fail (WY_IS_PROBLEMS_PAGE (self), NULL);

  return self->status_text;
}

WyProblemEditor *
wy_problems_page_get_editor (WyProblemsPage *self)
{
  g_return_val_if_fail (WY_IS_PROBLEMS_PAGE (self), NULL);

  return self->editor;
}

gboolean
wy_problems_page_is_loading (WyProblemsPage *self)
{
  g_return_val_if_fail (WY_IS_PROBLEMS_PAGE (self), FALSE);

  return self->load_cancellable != NULL;
}

void
wy_problems_page_set_load_hook (WyProblemsPage         *self,
                                WyProblemsPageLoadHook  hook,
                                gpointer                user_data)
{
  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  self->load_hook = hook;
  self->load_hook_data = user_data;
}
