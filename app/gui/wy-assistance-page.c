/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-assistance-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-assistance-page.h"
#include "wy-page.h"
#include "wy-funding-view.h"
#include "wy-gui.h"
#include "wy-list-reuse.h"

#define UNDO_NOTICE_SECONDS 10

/* In the order shown: on a narrow window the list scrolls sideways, and
 * the term and its light should not be what scrolls away. */
typedef enum {
  COLUMN_NAME,
  COLUMN_TERM,
  COLUMN_LIGHT,
  COLUMN_COMMUNITY,
  COLUMN_LEVEL,
  COLUMN_ACTIVITIES,
  N_COLUMNS
} Column;

/* Widths in characters, a Han glyph counting two (names are Chinese
 * whatever the interface language); 0: as wide as the column's words
 * (levels, lights), computed in create_cell_factory(). The term's two dates
 * always show whole: the end is what the light is about. */
static const struct {
  const char *title;   /* N_() */
  guint       min_chars;
  guint       nat_chars;
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_NAME]       = { N_("Unit"), 12, 24, TRUE },
  [COLUMN_LEVEL]      = { N_("Level"), 0, 0, FALSE },
  [COLUMN_COMMUNITY]  = { N_("Community"), 8, 12, TRUE },
  [COLUMN_TERM]       = { N_("Term"), 23, 23, FALSE },
  [COLUMN_LIGHT]      = { N_("Light"), 0, 0, FALSE },
  [COLUMN_ACTIVITIES] = { N_("Activities"), 4, 4, FALSE },
};

/* --- One line of the list ------------------------------------------------ */

#define WY_TYPE_ASSISTANCE_ITEM (wy_assistance_item_get_type ())
G_DECLARE_FINAL_TYPE (WyAssistanceItem, wy_assistance_item, WY, ASSISTANCE_ITEM, GObject)

struct _WyAssistanceItem
{
  GObject  parent_instance;
  gint64   id;
  WyLight  light;
  char    *end_date;
  char    *search_key;
  char    *text[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (WyAssistanceItem, wy_assistance_item, G_TYPE_OBJECT)

static void
wy_assistance_item_finalize (GObject *object)
{
  WyAssistanceItem *self = (WyAssistanceItem *)object;

  g_free (self->end_date);
  g_free (self->search_key);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (wy_assistance_item_parent_class)->finalize (object);
}

static void
wy_assistance_item_class_init (WyAssistanceItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wy_assistance_item_finalize;
}

static void
wy_assistance_item_init (WyAssistanceItem *self)
{
}

static gboolean
wy_assistance_item_reads_the_same (gconstpointer item_a,
                                   gconstpointer item_b)
{
  const WyAssistanceItem *a = item_a;
  const WyAssistanceItem *b = item_b;

  return a->id == b->id && a->light == b->light &&
         g_strcmp0 (a->end_date, b->end_date) == 0 &&
         g_strcmp0 (a->search_key, b->search_key) == 0 &&
         wy_list_texts_equal (a->text, b->text, N_COLUMNS);
}

/* --- The page ------------------------------------------------------------ */

struct _WyAssistancePage
{
  GtkWidget           parent_instance;

  WyStore            *store;
  gulong              row_changed_id;
  guint               reload_id;
  GDate               today;
  gboolean            today_fixed;
  guint               warning_days;

  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *search;
  guint               n_terms_ending;
  guint               n_terms_this_quarter; /* ending by quarter_end, or ended */
  GDate               quarter_end;
  guint               n_without_unit;
  char               *terms_text;
  char               *without_text;
  gint64              selected_id;
  guint               n_activities;

  WyUndo             *undo;
  char               *undo_text;
  guint               undo_timeout;

  GtkWidget          *box;
  GtkWidget          *terms_label;
  GtkWidget          *without_label;
  GtkWidget          *undo_revealer;
  GtkWidget          *undo_label;
  GtkWidget          *delete_button;
  GtkWidget          *column_view;
  GtkWidget          *status_label;
  GtkWidget          *detail_stack;
  WyRecordForm       *form;
  GtkWidget          *activity_list;
};

static void wy_assistance_page_page_iface_init (WyPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WyAssistancePage, wy_assistance_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WY_TYPE_PAGE, wy_assistance_page_page_iface_init))

static const char * const unit_fields[] = {
  "name", "level", "community_id", "start_date", "end_date",
  "contact_name", "contact_phone", "closed", "notes", NULL
};

static const char * const new_unit_fields[] = {
  "name", "level", "community_id", "start_date", "end_date",
  "contact_name", "contact_phone", NULL
};

static const char * const activity_fields[] = { "date", "description", "compound_id", NULL };

char *
wy_assistance_term_end (const char *start_iso)
{
  GDate date;

  if (!wy_date_parse (start_iso, &date))
    return NULL;

  /* GDate keeps 29 February on 28 February of a common year. */
  g_date_add_years (&date, 2);
  return wy_date_to_iso (&date);
}

static void
get_today (WyAssistancePage *self,
           GDate            *out)
{
  if (self->today_fixed)
    *out = self->today;
  else
    {
      g_date_clear (out, 1);
      wy_clock_get_today (out);
    }
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  WyAssistancePage *self = user_data;
  WyAssistanceItem *unit = item;

  return self->search == NULL || strstr (unit->search_key, self->search) != NULL;
}

static void
update_status_line (WyAssistancePage *self)
{
  g_autofree char *text = NULL;
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  /* TRANSLATORS: the status line of the assistance unit list */
  text = g_strdup_printf (ngettext ("%u of %u unit", "%u of %u units", total),
                          wy_assistance_page_get_n_shown (self), total);
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
}

/* --- Cells --------------------------------------------------------------- */

static GtkListItemFactory *
create_cell_factory (Column column)
{
  guint words;

  if (column == COLUMN_LEVEL)
    words = wy_gui_code_labels_chars (wy_schema_field (wy_schema_table (WY_TABLE_ASSISTANCE_UNIT), "level"));
  else if (column == COLUMN_LIGHT)
    words = wy_gui_light_column_chars () - 2;  /* the word, without its dot */
  else
    return wy_gui_cell_factory_new (columns[column].min_chars, columns[column].nat_chars);

  return wy_gui_cell_factory_new (words, words);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  WyAssistanceItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), item->text[column]);
  wy_gui_set_cell_tooltip (inscription, column == COLUMN_NAME ? item->text[column] : NULL);
  if (column == COLUMN_LIGHT || column == COLUMN_TERM)
    {
      gtk_widget_remove_css_class (inscription, "wy-light-red");
      gtk_widget_remove_css_class (inscription, "wy-light-yellow");
      if (item->light == WY_LIGHT_RED)
        gtk_widget_add_css_class (inscription, "wy-light-red");
      else if (item->light == WY_LIGHT_YELLOW)
        gtk_widget_add_css_class (inscription, "wy-light-yellow");
    }
}

static void
setup_columns (WyAssistancePage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkListItemFactory *factory = create_cell_factory (i);

      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
    }
}

/* --- Loading ------------------------------------------------------------- */

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const WyAssistanceItem *ia = *(WyAssistanceItem * const *)a;
  const WyAssistanceItem *ib = *(WyAssistanceItem * const *)b;

  /* The soonest term end first; units without an end date last. */
  if (ia->end_date == NULL || ib->end_date == NULL)
    {
      int cmp = (ia->end_date == NULL) - (ib->end_date == NULL);
      return cmp != 0 ? cmp : (ia->id > ib->id) - (ia->id < ib->id);
    }
  if (strcmp (ia->end_date, ib->end_date) != 0)
    return strcmp (ia->end_date, ib->end_date);
  return (ia->id > ib->id) - (ia->id < ib->id);
}

/* Terms are renewed at quarterly review meetings, so the page also says
 * how many (not closed) end by the last day of the current quarter. */
static void
count_terms_this_quarter (WyAssistancePage *self,
                          const GDate      *today)
{
  g_autoptr(GArray) ending = NULL;
  g_autoptr(GError) error = NULL;
  guint quarter_last_month = ((g_date_get_month (today) - 1) / 3) * 3 + 3;
  GDate quarter_end;

  g_date_clear (&quarter_end, 1);
  g_date_set_dmy (&quarter_end,
                  g_date_get_days_in_month ((GDateMonth) quarter_last_month, g_date_get_year (today)),
                  (GDateMonth) quarter_last_month, g_date_get_year (today));
  self->quarter_end = quarter_end;

  ending = wy_store_terms_ending (self->store, today,
                                  (guint) g_date_days_between (today, &quarter_end), &error);
  if (ending == NULL)
    g_warning ("Could not list the terms ending this quarter: %s", error->message);
  self->n_terms_this_quarter = ending != NULL ? ending->len : 0;
}

static void
update_flags (WyAssistancePage *self,
              const GDate      *today,
              GPtrArray        *units,
              GPtrArray        *communities)
{
  g_autoptr(GArray) ending = NULL;
  g_autoptr(GHashTable) assisted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  ending = wy_store_terms_ending (self->store, today, self->warning_days, &error);
  if (ending == NULL)
    g_warning ("Could not list the ending terms: %s", error->message);
  self->n_terms_ending = ending != NULL ? ending->len : 0;
  count_terms_this_quarter (self, today);

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      WyRecord *unit = g_ptr_array_index (units, i);
      gint64 *community_id = g_new (gint64, 1);

      if (wy_record_get_bool (unit, "closed"))
        {
          g_free (community_id);
          continue;
        }
      *community_id = wy_record_get_int (unit, "community_id", 0);
      g_hash_table_add (assisted, community_id);
    }

  self->n_without_unit = 0;
  for (guint i = 0; communities != NULL && i < communities->len; i++)
    {
      WyRecord *community = g_ptr_array_index (communities, i);
      gint64 id = wy_record_get_id (community);

      if (g_hash_table_contains (assisted, &id))
        continue;
      self->n_without_unit++;
      if (self->n_without_unit <= 8)
        {
          if (names->len > 0)
            /* TRANSLATORS: separator of a list of names */
            g_string_append (names, _(", "));
          g_string_append (names, wy_record_get (community, "name"));
        }
    }
  if (self->n_without_unit > 8)
    g_string_append (names, _("…"));

  g_free (self->terms_text);
  {
    g_autofree char *soon = NULL;
    g_autofree char *quarter = NULL;
    char quarter_end[16];

    soon = g_strdup_printf (ngettext ("%u assistance term ends within %u days or has ended",
                                      "%u assistance terms end within %u days or have ended",
                                      self->n_terms_ending),
                            self->n_terms_ending, self->warning_days);
    g_date_strftime (quarter_end, sizeof quarter_end, "%Y-%m-%d", &self->quarter_end);
    /* TRANSLATORS: %u terms, %s the last day of the quarter (YYYY-MM-DD) */
    quarter = g_strdup_printf (ngettext ("%u by the end of this quarter (%s)",
                                         "%u by the end of this quarter (%s)",
                                         self->n_terms_this_quarter),
                               self->n_terms_this_quarter, quarter_end);
    /* TRANSLATORS: two sentences about assistance terms, joined */
    self->terms_text = g_strdup_printf (_("%s; %s"), soon, quarter);
  }
  g_free (self->without_text);
  if (self->n_without_unit == 0)
    self->without_text = g_strdup (_("Every community has an assistance unit"));
  else
    /* TRANSLATORS: %u is a count, %s the names of the communities */
    self->without_text = g_strdup_printf (ngettext ("%u community has no assistance unit: %s",
                                                    "%u communities have no assistance unit: %s",
                                                    self->n_without_unit),
                                          self->n_without_unit, names->str);

  gtk_label_set_text (GTK_LABEL (self->terms_label), self->terms_text);
  gtk_label_set_text (GTK_LABEL (self->without_label), self->without_text);
  gtk_widget_set_tooltip_text (self->without_label, self->without_text);
  if (self->n_terms_ending > 0)
    gtk_widget_add_css_class (self->terms_label, "wy-light-yellow");
  else
    gtk_widget_remove_css_class (self->terms_label, "wy-light-yellow");
  if (self->n_without_unit > 0)
    gtk_widget_add_css_class (self->without_label, "wy-light-red");
  else
    gtk_widget_remove_css_class (self->without_label, "wy-light-red");
}

static void show_unit (WyAssistancePage *self,
                       gint64            unit_id);

static void
select_in_list (WyAssistancePage *self,
                gint64            unit_id)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WyAssistanceItem) item = g_list_model_get_item (model, i);

      if (item->id == unit_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static guint
unit_identity_hash (gconstpointer item)
{
  return g_int64_hash (&((const WyAssistanceItem *)item)->id);
}

static gboolean
unit_identity_equal (gconstpointer a,
                     gconstpointer b)
{
  return ((const WyAssistanceItem *)a)->id == ((const WyAssistanceItem *)b)->id;
}

/* A reload after one edit redraws that unit's row, not the list (the
 * whole list took 0.2–0.5 s with 1,250 units). */
static void
replace_items (WyAssistancePage *self,
               GPtrArray        *items)
{
  guint position, n_removed, n_added;

  wy_list_reuse_unchanged (G_LIST_MODEL (self->items), items,
                           unit_identity_hash, unit_identity_equal,
                           wy_assistance_item_reads_the_same);
  if (wy_list_changed_stretch (G_LIST_MODEL (self->items), items, &position, &n_removed, &n_added))
    g_list_store_splice (self->items, position, n_removed, items->pdata + position, n_added);
}

void
wy_assistance_page_reload (WyAssistancePage *self)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) communities = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GHashTable) community_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const WyFieldInfo *level_info = wy_schema_field (wy_schema_table (WY_TABLE_ASSISTANCE_UNIT), "level");
  gint64 keep = self->selected_id;
  GDate today;

  g_return_if_fail (WY_IS_ASSISTANCE_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  get_today (self, &today);
  self->warning_days = wy_store_get_warning_days (self->store);

  units = wy_store_list (self->store, WY_TABLE_ASSISTANCE_UNIT, 0, NULL);
  communities = wy_store_list (self->store, WY_TABLE_COMMUNITY, 0, NULL);
  activities = wy_store_list (self->store, WY_TABLE_ASSISTANCE_ACTIVITY, 0, NULL);

  for (guint i = 0; communities != NULL && i < communities->len; i++)
    {
      WyRecord *community = g_ptr_array_index (communities, i);

      g_hash_table_insert (community_names, g_memdup2 (&(gint64) { wy_record_get_id (community) }, sizeof (gint64)),
                           (gpointer) wy_record_get (community, "name"));
    }
  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      gint64 unit_id = wy_record_get_int (g_ptr_array_index (activities, i), "unit_id", 0);
      gpointer count = g_hash_table_lookup (counts, &unit_id);

      g_hash_table_replace (counts, g_memdup2 (&unit_id, sizeof unit_id),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      WyRecord *unit = g_ptr_array_index (units, i);
      WyAssistanceItem *item = g_object_new (WY_TYPE_ASSISTANCE_ITEM, NULL);
      gint64 community_id = wy_record_get_int (unit, "community_id", 0);
      const char *start = wy_record_get (unit, "start_date");
      const char *end = wy_record_get (unit, "end_date");
      const char *community = g_hash_table_lookup (community_names, &community_id);
      gint64 id = wy_record_get_id (unit);

      item->id = id;
      item->end_date = g_strdup (end);
      item->light = wy_light_compute_iso (end, wy_record_get_bool (unit, "closed"), &today, self->warning_days);
      item->text[COLUMN_NAME] = g_strdup (wy_record_get (unit, "name"));
      item->text[COLUMN_LEVEL] = g_strdup (wy_schema_code_label (level_info, wy_record_get (unit, "level")));
      item->text[COLUMN_COMMUNITY] = g_strdup (community);
      /* TRANSLATORS: a term from its start date to its end date */
      item->text[COLUMN_TERM] = g_strdup_printf (_("%s – %s"), start != NULL ? start : "…", end != NULL ? end : "…");
      item->text[COLUMN_LIGHT] = g_strdup (item->light == WY_LIGHT_NONE ? "" : wy_light_to_label (item->light));
      item->text[COLUMN_ACTIVITIES] = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id)));
      {
        g_autofree char *joined = g_strjoin (" ", item->text[COLUMN_NAME] != NULL ? item->text[COLUMN_NAME] : "",
                                             community != NULL ? community : "",
                                             wy_record_get (unit, "contact_name") != NULL ? wy_record_get (unit, "contact_name") : "",
                                             NULL);
        item->search_key = g_utf8_casefold (joined, -1);
      }
      g_ptr_array_add (items, item);
    }

  g_ptr_array_sort (items, compare_items);
  replace_items (self, items);

  update_flags (self, &today, units, communities);
  update_status_line (self);

  /* The shown unit stays shown, or the detail empties when it is gone. */
  if (keep > 0)
    {
      g_autoptr(WyRecord) still = wy_store_get (self->store, WY_TABLE_ASSISTANCE_UNIT, keep, NULL);

      show_unit (self, still != NULL ? keep : 0);
      select_in_list (self, self->selected_id);
    }
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  WyAssistancePage *self = user_data;

  self->reload_id = 0;
  wy_assistance_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_row_changed_cb (WyStore          *store,
                         int               table,
                         gint64            id,
                         WyAssistancePage *self)
{
  switch (table)
    {
    case WY_TABLE_ASSISTANCE_UNIT:
    case WY_TABLE_ASSISTANCE_ACTIVITY:
    case WY_TABLE_COMMUNITY:
    case WY_TABLE_COMPOUND:
      if (self->reload_id == 0)
        self->reload_id = g_idle_add (reload_idle_cb, self);
      break;
    default:
      break;
    }
}

/* --- Detail -------------------------------------------------------------- */

static void
on_delete_activity_clicked_cb (GtkButton        *button,
                               WyAssistancePage *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "wy-activity-id"));
  g_autoptr(GError) error = NULL;

  if (!wy_store_delete (self->store, WY_TABLE_ASSISTANCE_ACTIVITY, id, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      wy_gui_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                         _("Could not delete the activity"), error);
    }
}

static void
fill_activities (WyAssistancePage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->activity_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->activity_list), child);
  self->n_activities = 0;

  if (self->selected_id > 0)
    rows = wy_store_list (self->store, WY_TABLE_ASSISTANCE_ACTIVITY, self->selected_id, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      WyRecord *activity = g_ptr_array_index (rows, i);
      g_autoptr(WyRecord) compound = NULL;
      g_autofree char *line = NULL;
      g_autofree char *delete_name = NULL;
      gint64 compound_id = wy_record_get_int (activity, "compound_id", 0);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label;
      GtkWidget *button;

      if (compound_id > 0)
        compound = wy_store_get (self->store, WY_TABLE_COMPOUND, compound_id, NULL);

      gtk_widget_set_margin_top (row, 4);
      gtk_widget_set_margin_bottom (row, 4);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);

      label = gtk_label_new (wy_record_get (activity, "date"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (row), label);

      if (compound != NULL)
        /* TRANSLATORS: an activity and the compound it was in */
        line = g_strdup_printf (_("%s (%s)"), wy_record_get (activity, "description"),
                                wy_record_get (compound, "name"));
      else
        line = g_strdup (wy_record_get (activity, "description"));
      label = gtk_label_new (line);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), label);

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* TRANSLATORS: accessible name of a delete button; %s is an activity */
      delete_name = g_strdup_printf (_("Delete activity: %s"), line);
      gtk_widget_set_tooltip_text (button, delete_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
      g_object_set_data (G_OBJECT (button), "wy-activity-id", GSIZE_TO_POINTER ((gsize) wy_record_get_id (activity)));
      g_signal_connect (button, "clicked", G_CALLBACK (on_delete_activity_clicked_cb), self);
      gtk_box_append (GTK_BOX (row), button);

      gtk_list_box_append (GTK_LIST_BOX (self->activity_list), row);
      self->n_activities++;
    }

  if (self->n_activities == 0)
    {
      child = gtk_label_new (_("No assistance activities recorded yet."));
      gtk_widget_add_css_class (child, "dim-label");
      gtk_widget_set_margin_top (child, 6);
      gtk_widget_set_margin_bottom (child, 6);
      gtk_list_box_append (GTK_LIST_BOX (self->activity_list), child);
    }
}

static void
show_unit (WyAssistancePage *self,
           gint64            unit_id)
{
  self->selected_id = unit_id;
  gtk_widget_set_sensitive (self->delete_button, unit_id > 0);
  if (wy_record_form_get_record_id (self->form) != unit_id)
    wy_record_form_set_record_id (self->form, unit_id);
  fill_activities (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), unit_id > 0 ? "unit" : "empty");
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         WyAssistancePage   *self)
{
  WyAssistanceItem *item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL && item->id != self->selected_id)
    show_unit (self, item->id);
}

/* --- New, delete, undo --------------------------------------------------- */

static char *
check_unit_cb (WyRecord *record,
               gpointer  user_data)
{
  const char *start = wy_record_get (record, "start_date");
  const char *end = wy_record_get (record, "end_date");

  /* "One unit, two years": an empty end is the start plus two years. */
  if (start != NULL && (end == NULL || end[0] == '\0'))
    {
      g_autofree char *default_end = wy_assistance_term_end (start);

      wy_record_set (record, "end_date", default_end);
      end = wy_record_get (record, "end_date");
    }

  if (start != NULL && end != NULL && strcmp (end, start) < 0)
    return g_strdup (_("The term cannot end before it starts."));

  return NULL;
}

static void
on_unit_added_cb (gint64   id,
                  gpointer user_data)
{
  WyAssistancePage *self = user_data;

  wy_assistance_page_reload (self);
  wy_assistance_page_select_unit (self, id);
}

GtkWindow *
wy_assistance_page_new_unit (WyAssistancePage *self)
{
  g_autofree char *start = NULL;
  GtkWindow *dialog;
  GtkWidget *end_entry;
  GDate today;

  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), NULL);

  get_today (self, &today);
  start = wy_date_to_iso (&today);
  {
    const char *defaults[] = { "level", "city", "start_date", start, NULL };

    dialog = wy_row_dialog_new (GTK_WIDGET (self), self->store, WY_TABLE_ASSISTANCE_UNIT,
                                _("New Assistance Unit"), new_unit_fields, defaults, NULL,
                                check_unit_cb, on_unit_added_cb, self);
  }
  end_entry = wy_record_form_get_field_widget (wy_row_dialog_get_form (dialog), "end_date");
  if (GTK_IS_ENTRY (end_entry))
    /* TRANSLATORS: placeholder of the term's end date in a new unit */
    gtk_entry_set_placeholder_text (GTK_ENTRY (end_entry), _("Two years after the start"));
  gtk_window_present (dialog);
  return dialog;
}

static void
on_new_unit_clicked_cb (GtkButton        *button,
                        WyAssistancePage *self)
{
  wy_assistance_page_new_unit (self);
}

static void
on_activity_added_cb (gint64   id,
                      gpointer user_data)
{
  fill_activities (WY_ASSISTANCE_PAGE (user_data));
}

GtkWindow *
wy_assistance_page_add_activity (WyAssistancePage *self)
{
  g_autofree char *today_iso = NULL;
  g_autofree char *unit = NULL;
  GtkWindow *dialog;
  GDate today;

  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), NULL);
  g_return_val_if_fail (self->selected_id > 0, NULL);

  get_today (self, &today);
  today_iso = wy_date_to_iso (&today);
  unit = g_strdup_printf ("%" G_GINT64_FORMAT, self->selected_id);
  {
    const char *defaults[] = { "date", today_iso, NULL };
    const char *fixed[] = { "unit_id", unit, NULL };

    dialog = wy_row_dialog_new (GTK_WIDGET (self), self->store, WY_TABLE_ASSISTANCE_ACTIVITY,
                                _("Add Assistance Activity"), activity_fields, defaults, fixed,
                                NULL, on_activity_added_cb, self);
  }
  gtk_window_present (dialog);
  return dialog;
}

static void
on_add_activity_clicked_cb (GtkButton        *button,
                            WyAssistancePage *self)
{
  wy_assistance_page_add_activity (self);
}

static void
hide_undo (WyAssistancePage *self)
{
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  g_clear_pointer (&self->undo, wy_undo_free);
  g_clear_pointer (&self->undo_text, g_free);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->undo_revealer), FALSE);
}

static gboolean
on_undo_timeout_cb (gpointer user_data)
{
  WyAssistancePage *self = user_data;

  self->undo_timeout = 0;
  hide_undo (self);
  return G_SOURCE_REMOVE;
}

static void
do_delete_cb (gpointer user_data)
{
  WyAssistancePage *self = user_data;
  g_autoptr(GError) error = NULL;
  WyUndo *undo = NULL;

  if (self->selected_id <= 0)
    return;

  if (!wy_store_delete_with_undo (self->store, WY_TABLE_ASSISTANCE_UNIT, self->selected_id, &undo, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      wy_gui_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                         _("Could not delete the assistance unit"), error);
      return;
    }

  hide_undo (self);
  self->undo = undo;
  self->undo_text = g_strdup_printf (_("Deleted “%s”"), wy_undo_get_title (undo) != NULL ? wy_undo_get_title (undo) : "");
  gtk_label_set_text (GTK_LABEL (self->undo_label), self->undo_text);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->undo_revealer), TRUE);
  self->undo_timeout = g_timeout_add_seconds (UNDO_NOTICE_SECONDS, on_undo_timeout_cb, self);

  show_unit (self, 0);
  wy_assistance_page_reload (self);
}

GtkWindow *
wy_assistance_page_delete_unit (WyAssistancePage *self)
{
  g_autofree char *question = NULL;
  g_autoptr(WyRecord) unit = NULL;

  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), NULL);

  if (self->selected_id <= 0)
    return NULL;

  unit = wy_store_get (self->store, WY_TABLE_ASSISTANCE_UNIT, self->selected_id, NULL);
  question = g_strdup_printf (_("Delete the assistance unit “%s” and its activities?"),
                              unit != NULL ? wy_record_get (unit, "name") : "");
  return wy_confirm_delete (GTK_WIDGET (self), question, do_delete_cb, self);
}

static void
on_delete_clicked_cb (GtkButton        *button,
                      WyAssistancePage *self)
{
  wy_assistance_page_delete_unit (self);
}

gboolean
wy_assistance_page_undo (WyAssistancePage  *self,
                         GError           **error)
{
  gint64 id = 0;

  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), FALSE);

  if (self->undo == NULL)
    return TRUE;

  if (!wy_store_undo (self->store, self->undo, error))
    return FALSE;

  {
    g_autoptr(GPtrArray) units = wy_store_list (self->store, WY_TABLE_ASSISTANCE_UNIT, 0, NULL);

    /* The unit is back with its id: the newest match of the title. */
    for (guint i = 0; units != NULL && i < units->len; i++)
      if (g_strcmp0 (wy_record_get (g_ptr_array_index (units, i), "name"), wy_undo_get_title (self->undo)) == 0)
        id = wy_record_get_id (g_ptr_array_index (units, i));
  }

  hide_undo (self);
  wy_assistance_page_reload (self);
  if (id > 0)
    wy_assistance_page_select_unit (self, id);
  return TRUE;
}

static void
on_undo_clicked_cb (GtkButton        *button,
                    WyAssistancePage *self)
{
  g_autoptr(GError) error = NULL;

  if (!wy_assistance_page_undo (self, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      wy_gui_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                         _("Could not undo the delete"), error);
    }
}

/* --- The widget ---------------------------------------------------------- */

static void
on_map_cb (GtkWidget        *widget,
           WyAssistancePage *self)
{
  wy_assistance_page_reload (self);
}

/* WyPage ------------------------------------------------------------- */

static gboolean
page_select_by_id (WyPage *page,
                   gint64  id)
{
  wy_assistance_page_select_unit (WY_ASSISTANCE_PAGE (page), id);
  return TRUE;
}

static void
wy_assistance_page_page_iface_init (WyPageInterface *iface)
{
  iface->name = "assistance";
  iface->title = N_("Assistance Units");
  iface->icon_name = "system-users-symbolic";
  iface->reload = (void (*) (WyPage *)) wy_assistance_page_reload;
  iface->search_placeholder = N_("Search assistance units");
  iface->search_delay_ms = 150;
  iface->set_search_text = (void (*) (WyPage *, const char *)) wy_assistance_page_set_search_text;
  iface->select_by_id = page_select_by_id;
}

static void
wy_assistance_page_dispose (GObject *object)
{
  WyAssistancePage *self = (WyAssistancePage *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_pointer (&self->undo, wy_undo_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_assistance_page_parent_class)->dispose (object);
}

static void
wy_assistance_page_finalize (GObject *object)
{
  WyAssistancePage *self = (WyAssistancePage *)object;

  g_free (self->search);
  g_free (self->terms_text);
  g_free (self->without_text);
  g_free (self->undo_text);

  G_OBJECT_CLASS (wy_assistance_page_parent_class)->finalize (object);
}

static void
wy_assistance_page_class_init (WyAssistancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_assistance_page_dispose;
  object_class->finalize = wy_assistance_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-assistance-page");
}

static void
wy_assistance_page_init (WyAssistancePage *self)
{
  g_date_clear (&self->today, 1);
  self->items = g_list_store_new (WY_TYPE_ASSISTANCE_ITEM);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
}

static GtkWidget *
flag_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

WyAssistancePage *
wy_assistance_page_new (WyStore *store)
{
  WyAssistancePage *self;
  GtkWidget *flags;
  GtkWidget *toolbar;
  GtkWidget *button;
  GtkWidget *paned;
  GtkWidget *detail;
  GtkWidget *heading;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_ASSISTANCE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->warning_days = wy_store_get_warning_days (store);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* The flag bar */
  flags = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (flags, 6);
  gtk_widget_set_margin_start (flags, 6);
  gtk_widget_set_margin_end (flags, 6);
  self->terms_label = flag_label ();
  self->without_label = flag_label ();
  gtk_box_append (GTK_BOX (flags), self->terms_label);
  gtk_box_append (GTK_BOX (flags), self->without_label);
  gtk_box_append (GTK_BOX (self->box), flags);

  /* The undo notice */
  self->undo_revealer = wy_gui_undo_notice_new (&self->undo_label,
                                                G_CALLBACK (on_undo_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->undo_revealer);

  /* Toolbar */
  toolbar = wy_gui_toolbar_new ();
  button = gtk_button_new_with_mnemonic (_("_New Unit…"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_new_unit_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), button);
  self->delete_button = gtk_button_new_with_mnemonic (_("_Delete Unit…"));
  gtk_widget_set_sensitive (self->delete_button, FALSE);
  g_signal_connect (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), self->delete_button);
  gtk_box_append (GTK_BOX (self->box), toolbar);

  /* List | detail */
  paned = wy_gui_list_detail_paned_new ();
  gtk_box_append (GTK_BOX (self->box), paned);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->selection = wy_gui_filtered_selection_new (G_LIST_MODEL (self->items),
                                                   GTK_FILTER (self->filter), &self->filtered);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb), self);
  self->column_view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assistance units"), -1);
  setup_columns (self);
  gtk_paned_set_start_child (GTK_PANED (paned),
                             wy_gui_list_pane_new (self->column_view, &self->status_label));

  self->detail_stack = wy_gui_detail_stack_new (_("Select a unit to see its term and activities."));
  detail = wy_gui_detail_box_new ();
  self->form = wy_record_form_new (store, WY_TABLE_ASSISTANCE_UNIT, unit_fields);
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->form));
  heading = gtk_label_new (_("Assistance Activities"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (detail), heading);
  self->activity_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->activity_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->activity_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->activity_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assistance activities"), -1);
  gtk_box_append (GTK_BOX (detail), self->activity_list);
  button = gtk_button_new_with_mnemonic (_("Add _Activity…"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_activity_clicked_cb), self);
  gtk_box_append (GTK_BOX (detail), button);

  wy_gui_detail_stack_add (self->detail_stack, detail, "unit");
  gtk_paned_set_end_child (GTK_PANED (paned), self->detail_stack);

  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);
  /* Read when first shown (on "map"): the window builds every page at
   * start-up, and the first frame must not wait for pages nobody opened. */
  return self;
}

void
wy_assistance_page_set_search_text (WyAssistancePage *self,
                                    const char       *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_if_fail (WY_IS_ASSISTANCE_PAGE (self));

  g_clear_pointer (&self->search, g_free);
  if (stripped[0] != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_status_line (self);
}

void
wy_assistance_page_set_today (WyAssistancePage *self,
                              const GDate      *today)
{
  g_return_if_fail (WY_IS_ASSISTANCE_PAGE (self));

  self->today_fixed = today != NULL && g_date_valid (today);
  if (self->today_fixed)
    self->today = *today;
  wy_assistance_page_reload (self);
}

guint
wy_assistance_page_get_n_units (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

guint
wy_assistance_page_get_n_shown (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

guint
wy_assistance_page_get_n_terms_this_quarter (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), 0);
  return self->n_terms_this_quarter;
}

guint
wy_assistance_page_get_n_terms_ending (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), 0);
  return self->n_terms_ending;
}

guint
wy_assistance_page_get_n_without_unit (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), 0);
  return self->n_without_unit;
}

const char *
wy_assistance_page_get_terms_text (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), NULL);
  return self->terms_text;
}

const char *
wy_assistance_page_get_without_text (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), NULL);
  return self->without_text;
}

WyLight
wy_assistance_page_get_light (WyAssistancePage *self,
                              gint64            unit_id)
{
  guint n;

  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), WY_LIGHT_NONE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WyAssistanceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->id == unit_id)
        return item->light;
    }
  return WY_LIGHT_NONE;
}

void
wy_assistance_page_select_unit (WyAssistancePage *self,
                                gint64            unit_id)
{
  g_return_if_fail (WY_IS_ASSISTANCE_PAGE (self));

  show_unit (self, unit_id);
  select_in_list (self, unit_id);
}

gint64
wy_assistance_page_get_selected_unit (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), 0);
  return self->selected_id;
}

WyRecordForm *
wy_assistance_page_get_form (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), NULL);
  return self->form;
}

guint
wy_assistance_page_get_n_activities (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), 0);
  return self->n_activities;
}

const char *
wy_assistance_page_get_undo_text (WyAssistancePage *self)
{
  g_return_val_if_fail (WY_IS_ASSISTANCE_PAGE (self), NULL);
  return self->undo != NULL ? self->undo_text : NULL;
}
