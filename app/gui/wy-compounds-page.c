/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-compounds-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-array-model.h"
#include "wy-compound-item.h"
#include "wy-compounds-page.h"
#include "wy-drop-down.h"
#include "wy-gui.h"

struct _WyCompoundsPage
{
  GtkWidget           parent_instance;

  WyStore            *store;
  WyArrayModel       *compounds;    /* of WyCompoundItem, in store order */
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  WyCompoundDetail   *detail;
  GtkColumnViewColumn *columns[WY_COMPOUNDS_N_COLUMNS];
  GtkDropDown        *filters[WY_COMPOUNDS_N_FILTERS];
  GArray             *street_ids;      /* gint64 per drop-down position; 0 = all */
  GArray             *community_ids;
  GArray             *mode_ids;
  char               *count_text;
  GDate               today;
  guint               warning_days;
  gboolean            timing;
  gint64              sort_started;
  gboolean            updating_filters;

  /* The filter's state, read by filter_func for every row. */
  gint64              street_id;
  gint64              community_id;
  const char         *category;        /* code, NULL: any */
  guint               pilot;           /* 0 any, 1 pilots, 2 others */
  gint64              mode_id;         /* -1 any, 0 none chosen */
  guint               attained;        /* 0 any, 1 attained, 2 not */
  guint               light;           /* 0 any, 1 red, 2 yellow, 3 green, 4 none */
  char               *needle;          /* casefolded, NULL: no search */

  /* Compounds to re-read after the store changed them, coalesced. */
  GHashTable         *pending;
  guint               pending_idle;

  /* Template widgets */
  GtkPaned           *paned;
  GtkFlowBox         *filter_bar;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  GtkBox             *detail_box;
};

G_DEFINE_FINAL_TYPE (WyCompoundsPage, wy_compounds_page, GTK_TYPE_WIDGET)

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

typedef enum {
  SORT_STRING,
  SORT_NUMERIC,
  SORT_DEADLINE,
} SortKind;

static const struct {
  const char *title;      /* N_() */
  const char *property;   /* of WyCompoundItem, for a numeric sorter */
  int         key;        /* WyCompoundKey, for a text sorter */
  SortKind    sort;
  float       xalign;
  guint       min_chars;
  guint       nat_chars;
  gboolean    expand;
} columns[WY_COMPOUNDS_N_COLUMNS] = {
  [WY_COMPOUNDS_COLUMN_NAME]             = { N_("Name"), NULL, WY_COMPOUND_KEY_NAME, SORT_STRING, 0.0f, 14, 20, TRUE },
  [WY_COMPOUNDS_COLUMN_COMMUNITY]        = { N_("Community"), NULL, WY_COMPOUND_KEY_COMMUNITY, SORT_STRING, 0.0f, 8, 10, TRUE },
  [WY_COMPOUNDS_COLUMN_CATEGORY]         = { N_("Category"), NULL, WY_COMPOUND_KEY_CATEGORY, SORT_STRING, 0.0f, 6, 10, FALSE },
  [WY_COMPOUNDS_COLUMN_PILOT]            = { N_("Pilot"), "pilot", -1, SORT_NUMERIC, 0.5f, 2, 2, FALSE },
  [WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE]  = { N_("Governance Mode"), NULL, WY_COMPOUND_KEY_GOVERNANCE_MODE, SORT_STRING, 0.0f, 12, 14, TRUE },
  [WY_COMPOUNDS_COLUMN_HOUSEHOLDS]       = { N_("Households"), "households", -1, SORT_NUMERIC, 1.0f, 4, 5, FALSE },
  [WY_COMPOUNDS_COLUMN_TARGETS]          = { N_("Targets"), "targets-ratio", -1, SORT_NUMERIC, 0.0f, 13, 13, FALSE },
  [WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS]    = { N_("Open Problems"), "open-problems", -1, SORT_NUMERIC, 1.0f, 3, 3, FALSE },
  [WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE] = { N_("Next Deadline"), NULL, -1, SORT_DEADLINE, 0.0f, 10, 10, FALSE },
};

static const char *
cell_text (WyCompoundItem   *item,
           WyCompoundsColumn column)
{
  const char *text = NULL;

  switch (column)
    {
    case WY_COMPOUNDS_COLUMN_NAME:
      text = wy_compound_item_get_name (item);
      break;

    case WY_COMPOUNDS_COLUMN_COMMUNITY:
      text = wy_compound_item_get_community (item);
      break;

    case WY_COMPOUNDS_COLUMN_CATEGORY:
      text = wy_compound_item_get_category_label (item);
      break;

    case WY_COMPOUNDS_COLUMN_PILOT:
      text = wy_compound_item_get_pilot (item) ? "✓" : "";
      break;

    case WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE:
      text = wy_compound_item_get_governance_mode (item);
      break;

    case WY_COMPOUNDS_COLUMN_HOUSEHOLDS:
      text = wy_compound_item_get_households_text (item);
      break;

    case WY_COMPOUNDS_COLUMN_TARGETS:
      text = wy_compound_item_get_target_marks_text (item);
      break;

    case WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS:
      text = wy_compound_item_get_open_problems_text (item);
      break;

    case WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE:
      text = wy_compound_item_get_nearest_deadline (item);
      break;

    case WY_COMPOUNDS_N_COLUMNS:
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
  WyCompoundsColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *inscription;

  inscription = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), columns[column].xalign);
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
                 gpointer                  user_data)
{
  WyCompoundsColumn column = GPOINTER_TO_UINT (user_data);
  WyCompoundItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), cell_text (item, column));

  if (column == WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE)
    {
      WyLight light = wy_compound_item_get_deadline_light (item);

      gtk_widget_remove_css_class (inscription, "wy-light-red");
      gtk_widget_remove_css_class (inscription, "wy-light-yellow");
      if (light == WY_LIGHT_RED)
        gtk_widget_add_css_class (inscription, "wy-light-red");
      else if (light == WY_LIGHT_YELLOW)
        gtk_widget_add_css_class (inscription, "wy-light-yellow");
    }
}

/* Compounds without an open deadline sort after the dated ones. */
static int
compare_deadline_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const char *da = wy_compound_item_get_nearest_deadline ((WyCompoundItem *)a);
  const char *db = wy_compound_item_get_nearest_deadline ((WyCompoundItem *)b);
  int cmp;

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);

  cmp = strcmp (da, db);  /* ISO dates sort as text */
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Text columns compare cached collation keys: a GtkStringSorter would
 * make a new key per row on every click (about a second for 50,000). */
static int
compare_text_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  WyCompoundKey key = GPOINTER_TO_UINT (user_data);
  int cmp = strcmp (wy_compound_item_get_sort_key ((WyCompoundItem *)a, key),
                    wy_compound_item_get_sort_key ((WyCompoundItem *)b, key));

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkSorter *
create_sorter (WyCompoundsColumn column)
{
  switch (columns[column].sort)
    {
    case SORT_STRING:
      return GTK_SORTER (gtk_custom_sorter_new (compare_text_cb,
                                                GUINT_TO_POINTER (columns[column].key),
                                                NULL));

    case SORT_NUMERIC:
      return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (WY_TYPE_COMPOUND_ITEM, NULL,
                                                                              columns[column].property)));

    case SORT_DEADLINE:
    default:
      return GTK_SORTER (gtk_custom_sorter_new (compare_deadline_cb, NULL, NULL));
    }
}

/* What a supervisor looks for first comes first: on a narrow screen the
 * list scrolls sideways, and the lights should not be what scrolls away. */
static const WyCompoundsColumn display_order[WY_COMPOUNDS_N_COLUMNS] = {
  WY_COMPOUNDS_COLUMN_NAME,
  WY_COMPOUNDS_COLUMN_COMMUNITY,
  WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE,
  WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS,
  WY_COMPOUNDS_COLUMN_TARGETS,
  WY_COMPOUNDS_COLUMN_CATEGORY,
  WY_COMPOUNDS_COLUMN_PILOT,
  WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE,
  WY_COMPOUNDS_COLUMN_HOUSEHOLDS,
};

static void
setup_columns (WyCompoundsPage *self)
{
  for (guint position = 0; position < WY_COMPOUNDS_N_COLUMNS; position++)
    {
      WyCompoundsColumn i = display_order[position];
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;
      GtkListItemFactory *factory;

      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);

      sorter = create_sorter (i);
      gtk_column_view_column_set_sorter (column, sorter);

      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
    }
}

/* Filtering ---------------------------------------------------------- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  WyCompoundsPage *self = user_data;
  WyCompoundItem *compound = item;

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

  if (self->needle != NULL && strstr (wy_compound_item_get_search_key (compound), self->needle) == NULL)
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
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->compounds));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

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

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_count (self);

  if (self->timing)
    g_printerr ("wuyou-timing: filter %u of %u compounds: %.1f ms\n",
                g_list_model_get_n_items (G_LIST_MODEL (self->filtered)),
                g_list_model_get_n_items (G_LIST_MODEL (self->compounds)),
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
on_sorter_changed_before_cb (GtkSorter       *sorter,
                             GtkSorterChange  change,
                             WyCompoundsPage *self)
{
  self->sort_started = g_get_monotonic_time ();
}

static void
on_sorter_changed_after_cb (GtkSorter       *sorter,
                            GtkSorterChange  change,
                            WyCompoundsPage *self)
{
  if (self->timing && self->sort_started > 0)
    g_printerr ("wuyou-timing: sort %u compounds: %.1f ms\n",
                g_list_model_get_n_items (G_LIST_MODEL (self->compounds)),
                (g_get_monotonic_time () - self->sort_started) / 1000.0);
  self->sort_started = 0;
}

void
wy_compounds_page_sort_by (WyCompoundsPage  *self,
                           WyCompoundsColumn column,
                           GtkSortType       order)
{
  g_return_if_fail (WY_IS_COMPOUNDS_PAGE (self));
  g_return_if_fail (column < WY_COMPOUNDS_N_COLUMNS);

  gtk_column_view_sort_by_column (self->column_view, self->columns[column], order);
}

/* Loading ------------------------------------------------------------ */

void
wy_compounds_page_reload (WyCompoundsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 selected_id, start = g_get_monotonic_time ();

  g_return_if_fail (WY_IS_COMPOUNDS_PAGE (self));

  selected_id = wy_compounds_page_get_selected_id (self);

  g_date_clear (&self->today, 1);
  wy_date_set_today (&self->today);
  self->warning_days = wy_store_get_warning_days (self->store);

  rows = wy_store_list_compound_rows (self->store, &error);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->timing)
    g_printerr ("wuyou-timing: read compound rows: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  if (rows == NULL)
    g_warning ("Could not list the compounds of %s: %s",
               wy_store_get_path (self->store), error->message);
  else
    {
      gsize n_rows = 0;
      gpointer *data;

      /* The items take the rows over. */
      g_ptr_array_set_free_func (rows, NULL);
      data = g_ptr_array_steal (rows, &n_rows);
      for (gsize i = 0; i < n_rows; i++)
        g_ptr_array_add (items, wy_compound_item_new (data[i], &self->today, self->warning_days));
      g_free (data);
    }

  if (self->timing)
    g_printerr ("wuyou-timing: made items: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  /* One splice: appending 50,000 items one by one takes half a minute. */
  wy_array_model_splice (self->compounds, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->compounds)),
                         items->pdata, items->len);
  update_count (self);

  if (selected_id <= 0 || !wy_compounds_page_select_compound (self, selected_id))
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
        gtk_single_selection_set_selected (self->selection, 0);
    }

  if (self->timing)
    g_printerr ("wuyou-timing: load %u compounds: %.1f ms\n", items->len,
                (g_get_monotonic_time () - start) / 1000.0);
}

static gboolean
find_in_store (WyCompoundsPage *self,
               gint64           id,
               guint           *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->compounds));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WyCompoundItem) item = g_list_model_get_item (G_LIST_MODEL (self->compounds), i);

      if (wy_compound_item_get_id (item) == id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
wy_compounds_page_refresh_compound (WyCompoundsPage *self,
                                    gint64           compound_id)
{
  g_autoptr(GError) error = NULL;
  WyCompoundRow *row;
  guint position = 0;
  gboolean found;

  g_return_if_fail (WY_IS_COMPOUNDS_PAGE (self));

  found = find_in_store (self, compound_id, &position);
  row = wy_store_get_compound_row (self->store, compound_id, &error);

  if (row == NULL)
    {
      if (found)
        wy_array_model_remove (self->compounds, position);
    }
  else if (found)
    {
      g_autoptr(WyCompoundItem) item = g_list_model_get_item (G_LIST_MODEL (self->compounds), position);

      /* Same object, new row: the selection of it is kept while the sort
       * and filter models look at it again. */
      wy_compound_item_update (item, row, &self->today, self->warning_days);
      g_list_model_items_changed (G_LIST_MODEL (self->compounds), position, 1, 1);
    }
  else
    {
      g_autoptr(WyCompoundItem) item = wy_compound_item_new (row, &self->today, self->warning_days);

      wy_array_model_append (self->compounds, item);
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

  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    wy_compounds_page_refresh_compound (self, *(gint64 *)key);

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

  item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? wy_compound_item_get_id (item) : 0;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

static gboolean
find_shown (WyCompoundsPage *self,
            gint64           id,
            guint           *position)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WyCompoundItem) item = g_list_model_get_item (model, i);

      if (wy_compound_item_get_id (item) == id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
wy_compounds_page_select_compound (WyCompoundsPage *self,
                                   gint64           compound_id)
{
  GtkWidget *list_view;
  guint position = 0;

  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), FALSE);

  if (!find_shown (self, compound_id, &position))
    {
      guint in_store;

      if (!find_in_store (self, compound_id, &in_store))
        return FALSE;
      wy_compounds_page_reset_filters (self);
      if (!find_shown (self, compound_id, &position))
        return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, position);

  list_view = find_list_view (GTK_WIDGET (self->column_view));
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);

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

  return G_LIST_MODEL (self->filtered);
}

guint
wy_compounds_page_get_n_shown (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

guint
wy_compounds_page_get_n_total (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->compounds));
}

const char *
wy_compounds_page_get_count_text (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), NULL);

  return self->count_text;
}

gboolean
wy_compounds_page_is_showing_empty (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0;
}

GtkWidget *
wy_compounds_page_get_list_widget (WyCompoundsPage *self)
{
  g_return_val_if_fail (WY_IS_COMPOUNDS_PAGE (self), NULL);

  return GTK_WIDGET (self->column_view);
}

/* Life cycle --------------------------------------------------------- */

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
  wy_compounds_page_reload (self);
}

static void
wy_compounds_page_dispose (GObject *object)
{
  WyCompoundsPage *self = (WyCompoundsPage *)object;

  g_clear_handle_id (&self->pending_idle, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_COMPOUNDS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorted);
  g_clear_object (&self->compounds);
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
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-compounds-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, WyCompoundsPage, detail_box);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wy_compounds_page_init (WyCompoundsPage *self)
{
  GtkSorter *sorter;

  self->street_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->community_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->mode_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->mode_id = -1;
  self->timing = g_getenv ("WUYOU_TIMING") != NULL;
  g_date_clear (&self->today, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_columns (self);
  setup_filters (self);

  self->compounds = wy_array_model_new (WY_TYPE_COMPOUND_ITEM);

  /* Sort, then filter: a keystroke only filters the sorted rows again,
   * a click on a header only sorts. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  if (sorter != NULL)
    g_signal_connect_object (sorter, "changed", G_CALLBACK (on_sorter_changed_before_cb), self, 0);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->compounds)),
                                          sorter != NULL ? g_object_ref (sorter) : NULL);
  if (sorter != NULL)
    g_signal_connect_object (sorter, "changed", G_CALLBACK (on_sorter_changed_after_cb), self, 0);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, 0);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

WyCompoundsPage *
wy_compounds_page_new (WyStore *store)
{
  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  return g_object_new (WY_TYPE_COMPOUNDS_PAGE, "store", store, NULL);
}
