/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-problems-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-array-model.h"
#include "wy-problem-item.h"
#include "wy-problems-page.h"

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

struct _WyProblemsPage
{
  GtkWidget           parent_instance;

  WyStore            *store;
  gulong              row_changed_id;
  gboolean            loaded;
  guint               reload_id;
  GDate               today;
  gboolean            today_fixed;
  guint               warning_days;

  WyArrayModel       *items;        /* of WyProblemItem, in store order */
  GHashTable         *by_id;        /* id → WyProblemItem (owned by items) */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;

  /* Filters */
  gint64              compound_id;
  GArray             *areas;        /* of Area, by area drop-down position */
  Area                area;
  const char         *status;       /* a static code, or NULL */
  GPtrArray          *units;        /* by unit drop-down position (NULL: all) */
  char               *unit;
  WyProblemsLightFilter light;
  char               *search;       /* casefolded, or NULL */
  char               *pending_search;
  guint               search_id;
  char               *status_text;
  char               *light_markup[WY_LIGHT_DONE + 1];

  /* Widgets */
  GtkWidget          *paned;
  GtkWidget          *compound_button;
  GtkWidget          *area_drop_down;
  GtkWidget          *status_drop_down;
  GtkWidget          *unit_drop_down;
  GtkWidget          *light_drop_down;
  GtkWidget          *column_view;
  GtkWidget          *status_label;
  GtkWidget          *detail_stack;
  WyProblemEditor    *editor;
  guint               updating_filters;
};

G_DEFINE_FINAL_TYPE (WyProblemsPage, wy_problems_page, GTK_TYPE_WIDGET)

typedef enum {
  COLUMN_LIGHT,
  COLUMN_COMPOUND,
  COLUMN_COMMUNITY,
  COLUMN_CATEGORY,
  COLUMN_DESCRIPTION,
  COLUMN_RESPONSIBLE_UNIT,
  COLUMN_DEADLINE,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

static const struct {
  const char *title;     /* N_() */
  int         key;       /* WyProblemKey for a text sorter, or -1 */
  guint       min_chars;
  guint       nat_chars;
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_LIGHT]            = { N_("Light"), -1, 11, 12, FALSE },
  [COLUMN_COMPOUND]         = { N_("Compound"), WY_PROBLEM_KEY_COMPOUND, 6, 12, TRUE },
  [COLUMN_COMMUNITY]        = { N_("Community"), WY_PROBLEM_KEY_COMMUNITY, 5, 8, FALSE },
  [COLUMN_CATEGORY]         = { N_("Category"), WY_PROBLEM_KEY_CATEGORY, 4, 6, FALSE },
  [COLUMN_DESCRIPTION]      = { N_("Problem"), WY_PROBLEM_KEY_DESCRIPTION, 8, 20, TRUE },
  [COLUMN_RESPONSIBLE_UNIT] = { N_("Responsible Unit"), WY_PROBLEM_KEY_RESPONSIBLE_UNIT, 6, 10, FALSE },
  [COLUMN_DEADLINE]         = { N_("Deadline"), -1, 10, 10, FALSE },
  [COLUMN_STATUS]           = { N_("Status"), -1, 5, 8, FALSE },
};

static void
get_today (WyProblemsPage *self,
           GDate          *out)
{
  if (self->today_fixed)
    *out = self->today;
  else
    {
      g_date_clear (out, 1);
      wy_date_set_today (out);
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
filter_func (gpointer item,
             gpointer user_data)
{
  WyProblemsPage *self = user_data;
  WyProblemItem *problem = item;
  const WyProblemRow *row = wy_problem_item_get_row (problem);

  if (self->compound_id > 0 && row->compound_id != self->compound_id)
    return FALSE;
  if (self->area.kind == AREA_STREET && row->street_id != self->area.id)
    return FALSE;
  if (self->area.kind == AREA_COMMUNITY && row->community_id != self->area.id)
    return FALSE;
  if (self->status != NULL && g_strcmp0 (row->status, self->status) != 0)
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

static void select_id (WyProblemsPage *self,
                       gint64          problem_id);

static void
refilter (WyProblemsPage *self)
{
  gint64 shown_id = self->editor != NULL ? wy_problem_editor_get_problem_id (self->editor) : 0;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_status_line (self);

  /* The item in the editor stays selected when it is still listed. */
  if (shown_id > 0)
    select_id (self, shown_id);
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
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), columns[column].nat_chars);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), columns[column].min_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_margin_start (inscription, 4);
  gtk_widget_set_margin_end (inscription, 4);
  gtk_list_item_set_child (list_item, inscription);
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

      if (column == COLUMN_LIGHT)
        gtk_inscription_set_markup (GTK_INSCRIPTION (inscription), self->light_markup[light]);
      else
        gtk_inscription_set_text (GTK_INSCRIPTION (inscription), cell_text (item, column));

      gtk_widget_remove_css_class (inscription, "wy-light-red");
      gtk_widget_remove_css_class (inscription, "wy-light-yellow");
      if (light == WY_LIGHT_RED)
        gtk_widget_add_css_class (inscription, "wy-light-red");
      else if (light == WY_LIGHT_YELLOW)
        gtk_widget_add_css_class (inscription, "wy-light-yellow");
      return;
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), cell_text (item, column));
  if (column == COLUMN_DESCRIPTION)
    gtk_widget_set_tooltip_text (inscription, cell_text (item, column));
}

static int
ordering (int cmp)
{
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_text_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  WyProblemKey key = GPOINTER_TO_UINT (user_data);

  return ordering (strcmp (wy_problem_item_get_sort_key ((WyProblemItem *)a, key),
                           wy_problem_item_get_sort_key ((WyProblemItem *)b, key)));
}

/* Items without a deadline sort after the dated ones. */
static int
compare_deadline_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const char *da = wy_problem_item_get_row ((WyProblemItem *)a)->deadline;
  const char *db = wy_problem_item_get_row ((WyProblemItem *)b)->deadline;

  if (da == NULL || db == NULL)
    return ordering ((da == NULL) - (db == NULL));

  return ordering (strcmp (da, db));  /* ISO dates sort as text */
}

/* The most urgent first: red, yellow, green, no deadline, done. */
static int
light_rank (WyLight light)
{
  switch (light)
    {
    case WY_LIGHT_RED:    return 0;
    case WY_LIGHT_YELLOW: return 1;
    case WY_LIGHT_GREEN:  return 2;
    case WY_LIGHT_NONE:   return 3;
    case WY_LIGHT_DONE:
    default:              return 4;
    }
}

static int
compare_light_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return ordering (light_rank (wy_problem_item_get_light ((WyProblemItem *)a)) -
                   light_rank (wy_problem_item_get_light ((WyProblemItem *)b)));
}

static int
compare_status_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  guint ra = wy_problem_item_get_status_rank ((WyProblemItem *)a);
  guint rb = wy_problem_item_get_status_rank ((WyProblemItem *)b);

  return ordering ((ra > rb) - (ra < rb));
}

static GtkSorter *
create_sorter (Column column)
{
  switch (column)
    {
    case COLUMN_LIGHT:
      return GTK_SORTER (gtk_custom_sorter_new (compare_light_cb, NULL, NULL));
    case COLUMN_DEADLINE:
      return GTK_SORTER (gtk_custom_sorter_new (compare_deadline_cb, NULL, NULL));
    case COLUMN_STATUS:
      return GTK_SORTER (gtk_custom_sorter_new (compare_status_cb, NULL, NULL));
    case COLUMN_COMPOUND:
    case COLUMN_COMMUNITY:
    case COLUMN_CATEGORY:
    case COLUMN_DESCRIPTION:
    case COLUMN_RESPONSIBLE_UNIT:
    case N_COLUMNS:
    default:
      return GTK_SORTER (gtk_custom_sorter_new (compare_text_cb,
                                                GUINT_TO_POINTER (columns[column].key),
                                                NULL));
    }
}

static void
setup_columns (WyProblemsPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;
      GtkListItemFactory *factory;

      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "wy-column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), self);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      sorter = create_sorter (i);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
    }
}

/* --- Filters ------------------------------------------------------------- */

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

  self->updating_filters++;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->area_drop_down), G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->area_drop_down), 0);
  self->area = all;
  self->updating_filters--;
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

static void
fill_units (WyProblemsPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WyProblemItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char *unit = wy_problem_item_get_row (item)->responsible_unit;

      /* The rows outlive this function: the units array keeps copies. */
      if (unit != NULL && unit[0] != '\0' && g_hash_table_add (seen, (gpointer)unit))
        g_ptr_array_add (units, (gpointer)unit);
    }
  g_ptr_array_sort (units, compare_collated);

  g_ptr_array_set_size (self->units, 0);
  gtk_string_list_append (strings, _("All responsible units"));
  g_ptr_array_add (self->units, NULL);
  for (guint i = 0; i < units->len; i++)
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

  self->status = (pos == 0 || pos == GTK_INVALID_LIST_POSITION) ? NULL : info->codes[pos - 1];
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

/* --- Rows ---------------------------------------------------------------- */

/* GTK 4.8 has no gtk_column_view_scroll_to(): the inner list view's
 * action does it. */
static void
scroll_to (WyProblemsPage *self,
           guint           position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->column_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

static void
select_id (WyProblemsPage *self,
           gint64          problem_id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WyProblemItem) item = g_list_model_get_item (model, i);

      if (wy_problem_item_get_id (item) == problem_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return;
        }
    }
}

/* After an edit: one item replaced (or added, or removed), one splice. */
static void
refresh_item (WyProblemsPage *self,
              gint64          problem_id)
{
  g_autoptr(GError) error = NULL;
  WyProblemItem *old = g_hash_table_lookup (self->by_id, &problem_id);
  WyProblemRow *row = wy_store_get_problem_row (self->store, problem_id, &error);
  WyProblemItem *item = NULL;
  gpointer additions[1] = { NULL };
  guint pos = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  GDate today;

  if (old != NULL && !wy_array_model_find (self->items, old, &pos))
    old = NULL;

  if (row == NULL && old == NULL)
    return;

  if (row != NULL)
    {
      get_today (self, &today);
      item = wy_problem_item_new (row, &today, self->warning_days);
      additions[0] = item;
    }

  if (old != NULL)
    g_hash_table_remove (self->by_id, &problem_id);
  if (item != NULL)
    g_hash_table_insert (self->by_id, g_memdup2 (&problem_id, sizeof problem_id), item);

  wy_array_model_splice (self->items, pos, old != NULL ? 1 : 0, additions, item != NULL ? 1 : 0);
  g_clear_object (&item);

  if (wy_problem_editor_get_problem_id (self->editor) == problem_id && row != NULL)
    select_id (self, problem_id);

  update_status_line (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  WyProblemsPage *self = user_data;

  self->reload_id = 0;
  wy_problems_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_row_changed_cb (WyStore        *store,
                         int             table,
                         gint64          id,
                         WyProblemsPage *self)
{
  if (!self->loaded)
    return;

  switch (table)
    {
    case WY_TABLE_PROBLEM:
      refresh_item (self, id);
      break;

    case WY_TABLE_COMPOUND:
    case WY_TABLE_COMMUNITY:
    case WY_TABLE_STREET:
      /* Names shown in many rows, or rows gone with their compound. */
      if (self->reload_id == 0)
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
  /* 200,000 rows on a big ledger: read them only when the page is seen. */
  if (!self->loaded)
    wy_problems_page_reload (self);
}

/* --- The widget ---------------------------------------------------------- */

static GtkWidget *
create_filter_drop_down (const char * const *labels,
                         const char         *name)
{
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (labels);

  gtk_widget_set_tooltip_text (drop_down, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return drop_down;
}

static void
wy_problems_page_dispose (GObject *object)
{
  WyProblemsPage *self = (WyProblemsPage *)object;

  g_clear_handle_id (&self->search_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_problems_page_parent_class)->dispose (object);
}

static void
wy_problems_page_finalize (GObject *object)
{
  WyProblemsPage *self = (WyProblemsPage *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->pending_search, g_free);
  g_clear_pointer (&self->status_text, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->light_markup); i++)
    g_clear_pointer (&self->light_markup[i], g_free);

  G_OBJECT_CLASS (wy_problems_page_parent_class)->finalize (object);
}

static void
wy_problems_page_class_init (WyProblemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_problems_page_dispose;
  object_class->finalize = wy_problems_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-problems-page");
}

static void
wy_problems_page_init (WyProblemsPage *self)
{
  static const char *light_colors[] = {
    [WY_LIGHT_NONE] = "#77767b", [WY_LIGHT_GREEN] = "#26a269",
    [WY_LIGHT_YELLOW] = "#e5a50a", [WY_LIGHT_RED] = "#c01c28", [WY_LIGHT_DONE] = "#3584e4",
  };

  g_date_clear (&self->today, 1);
  self->items = wy_array_model_new (WY_TYPE_PROBLEM_ITEM);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->areas = g_array_new (FALSE, TRUE, sizeof (Area));
  self->units = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (self->light_markup); i++)
    self->light_markup[i] = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s",
                                                     light_colors[i],
                                                     i == WY_LIGHT_NONE ? "" : wy_light_to_label (i));

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
}

WyProblemsPage *
wy_problems_page_new (WyStore *store)
{
  WyProblemsPage *self;
  GtkWidget *list_box;
  GtkWidget *filters;
  GtkWidget *scrolled;
  GtkWidget *empty;
  const WyFieldInfo *status_info;
  g_autoptr(GPtrArray) status_labels = g_ptr_array_new ();
  const char *light_labels[6];

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_PROBLEMS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->warning_days = wy_store_get_warning_days (store);

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_resize_end_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Filters, in two rows so the list keeps its width beside the editor */
  filters = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (filters), 6);
  gtk_grid_set_column_spacing (GTK_GRID (filters), 6);
  gtk_widget_set_margin_top (filters, 6);
  gtk_widget_set_margin_bottom (filters, 6);
  gtk_widget_set_margin_start (filters, 6);
  gtk_widget_set_margin_end (filters, 6);

  self->compound_button = gtk_button_new ();
  gtk_widget_set_visible (self->compound_button, FALSE);
  g_signal_connect (self->compound_button, "clicked", G_CALLBACK (on_compound_button_clicked_cb), self);

  {
    const char *none[] = { NULL };

    self->area_drop_down = create_filter_drop_down (none, _("Street or community"));
    gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->area_drop_down), TRUE);
    gtk_drop_down_set_expression (GTK_DROP_DOWN (self->area_drop_down),
                                  gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
    self->unit_drop_down = create_filter_drop_down (none, _("Responsible unit"));
    gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->unit_drop_down), TRUE);
    gtk_drop_down_set_expression (GTK_DROP_DOWN (self->unit_drop_down),
                                  gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  }

  status_info = wy_schema_field (wy_schema_table (WY_TABLE_PROBLEM), "status");
  g_ptr_array_add (status_labels, (gpointer)_("All statuses"));
  for (guint i = 0; status_info->codes[i] != NULL; i++)
    g_ptr_array_add (status_labels, (gpointer)wy_schema_code_label (status_info, status_info->codes[i]));
  g_ptr_array_add (status_labels, NULL);
  self->status_drop_down = create_filter_drop_down ((const char * const *)status_labels->pdata, _("Status"));

  light_labels[WY_PROBLEMS_LIGHT_ALL] = _("All lights");
  light_labels[WY_PROBLEMS_LIGHT_OVERDUE] = wy_light_to_label (WY_LIGHT_RED);
  light_labels[WY_PROBLEMS_LIGHT_DUE_SOON] = wy_light_to_label (WY_LIGHT_YELLOW);
  light_labels[WY_PROBLEMS_LIGHT_ON_SCHEDULE] = wy_light_to_label (WY_LIGHT_GREEN);
  light_labels[WY_PROBLEMS_LIGHT_DONE] = wy_light_to_label (WY_LIGHT_DONE);
  light_labels[5] = NULL;
  self->light_drop_down = create_filter_drop_down (light_labels, _("Light"));

  g_signal_connect (self->area_drop_down, "notify::selected", G_CALLBACK (on_area_selected_cb), self);
  g_signal_connect (self->status_drop_down, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
  g_signal_connect (self->unit_drop_down, "notify::selected", G_CALLBACK (on_unit_selected_cb), self);
  g_signal_connect (self->light_drop_down, "notify::selected", G_CALLBACK (on_light_selected_cb), self);

  gtk_grid_attach (GTK_GRID (filters), self->area_drop_down, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (filters), self->unit_drop_down, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (filters), self->status_drop_down, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (filters), self->light_drop_down, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (filters), self->compound_button, 2, 0, 1, 1);
  gtk_box_append (GTK_BOX (list_box), filters);

  /* The list: items → filter → sort → selection */
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (self->filter));
  self->column_view = gtk_column_view_new (NULL);
  gtk_widget_add_css_class (self->column_view, "wy-compound-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rectification items"),
                                  -1);
  setup_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view))));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb), self);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (self->selection));

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->column_view);
  gtk_box_append (GTK_BOX (list_box), scrolled);

  self->status_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0.0f);
  gtk_widget_add_css_class (self->status_label, "wy-count-bar");
  gtk_box_append (GTK_BOX (list_box), self->status_label);

  gtk_paned_set_start_child (GTK_PANED (self->paned), list_box);

  /* Detail */
  self->detail_stack = gtk_stack_new ();
  gtk_widget_set_size_request (self->detail_stack, 420, -1);
  empty = gtk_label_new (_("Select an item to see its progress and edit it."));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_stack_add_named (GTK_STACK (self->detail_stack), empty, "empty");
  self->editor = wy_problem_editor_new (store);
  gtk_stack_add_named (GTK_STACK (self->detail_stack), GTK_WIDGET (self->editor), "editor");
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), "empty");
  gtk_paned_set_end_child (GTK_PANED (self->paned), self->detail_stack);

  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);

  update_status_line (self);

  return self;
}

void
wy_problems_page_reload (WyProblemsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->loaded = TRUE;
  get_today (self, &today);
  self->warning_days = wy_store_get_warning_days (self->store);

  rows = wy_store_list_problem_rows (self->store, 0, &error);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_remove_all (self->by_id);

  if (rows == NULL)
    g_warning ("Could not list the problems of %s: %s",
               wy_store_get_path (self->store), error->message);
  else
    {
      gsize n_rows = 0;
      gpointer *data = g_ptr_array_steal (rows, &n_rows);

      for (gsize i = 0; i < n_rows; i++)
        {
          WyProblemItem *item = wy_problem_item_new (data[i], &today, self->warning_days);
          gint64 id = wy_problem_item_get_id (item);

          g_ptr_array_add (items, item);
          g_hash_table_insert (self->by_id, g_memdup2 (&id, sizeof id), item);
        }
      g_free (data);
    }

  /* One splice: appending 200,000 items one by one takes minutes. */
  wy_array_model_splice (self->items, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                         items->pdata, items->len);

  fill_areas (self);
  fill_units (self);
  refilter (self);

  if (wy_problem_editor_get_problem_id (self->editor) > 0)
    select_id (self, wy_problem_editor_get_problem_id (self->editor));
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

  if (!self->loaded)
    wy_problems_page_reload (self);
  else
    refilter (self);
}

guint
wy_problems_page_get_n_shown (WyProblemsPage *self)
{
  g_return_val_if_fail (WY_IS_PROBLEMS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

guint
wy_problems_page_get_n_total (WyProblemsPage *self)
{
  g_return_val_if_fail (WY_IS_PROBLEMS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

void
wy_problems_page_select_problem (WyProblemsPage *self,
                                 gint64          problem_id)
{
  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  if (!self->loaded)
    wy_problems_page_reload (self);

  wy_problem_editor_set_problem_id (self->editor, problem_id);
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), problem_id > 0 ? "editor" : "empty");
  select_id (self, problem_id);
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
  if (self->loaded)
    wy_problems_page_reload (self);
}

void
wy_problems_page_set_status_filter (WyProblemsPage *self,
                                    const char     *status)
{
  const WyFieldInfo *info = wy_schema_field (wy_schema_table (WY_TABLE_PROBLEM), "status");
  guint pos = 0;

  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  for (guint i = 0; status != NULL && info->codes[i] != NULL; i++)
    if (g_str_equal (info->codes[i], status))
      pos = i + 1;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_drop_down), pos);
}

void
wy_problems_page_set_light_filter (WyProblemsPage        *self,
                                   WyProblemsLightFilter  light)
{
  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->light_drop_down), light);
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

  return G_LIST_MODEL (self->sorted);
}

void
wy_problems_page_sort_by_column (WyProblemsPage *self,
                                 guint           column,
                                 GtkSortType     order)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  GListModel *view_columns;

  g_return_if_fail (WY_IS_PROBLEMS_PAGE (self));
  g_return_if_fail (column < N_COLUMNS);

  view_columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view));
  view_column = g_list_model_get_item (view_columns, column);
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
