/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-tasks-page"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "wy-array-model.h"
#include "wy-drop-down.h"
#include "wy-gui.h"
#include "wy-task-item.h"
#include "wy-tasks-page.h"
#include "wy-page.h"

#define SEARCH_DELAY_MS      150
#define UNDO_NOTICE_SECONDS  15

struct _WyTasksPage
{
  GtkWidget           parent_instance;

  WyStore            *store;
  gulong              row_changed_id;
  gboolean            loaded;
  GDate               today;
  gboolean            today_fixed;
  guint               warning_days;

  WyArrayModel       *items;        /* of WyTaskItem, in store order */
  GHashTable         *by_id;        /* id → WyTaskItem (owned by items) */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;

  /* Filters */
  const char         *status;       /* a static code, or NULL */
  WyTasksLightFilter  light;
  WyTasksOrigin       origin;
  char               *search;       /* casefolded, or NULL */
  char               *pending_search;
  guint               search_id;
  char               *status_text;

  /* Undo */
  GPtrArray          *undo_stack;   /* of WyUndo */
  GArray             *undo_ids;     /* the task id of each */
  guint               undo_timeout;

  /* Detail */
  gint64              task_id;
  guint               detail_id;    /* idle rebuild of notes and links */
  guint               fill_id;      /* idle fill of the compound drop-down */
  GArray             *compound_ids; /* by compound drop-down position */
  gboolean            compounds_dirty;
  guint               n_notes;
  guint               n_links;

  /* Widgets */
  GtkWidget          *paned;
  GtkWidget          *status_drop_down;
  GtkWidget          *light_drop_down;
  GtkWidget          *origin_drop_down;
  GtkWidget          *column_view;
  GtkWidget          *status_label;
  GtkWidget          *undo_revealer;
  GtkWidget          *undo_label;
  GtkWidget          *detail_stack;
  GtkWidget          *title_label;
  GtkWidget          *light_label;
  WyRecordForm       *form;
  GtkWidget          *notes_box;
  GtkWidget          *note_entry;
  GtkWidget          *note_percent;
  GtkWidget          *add_note_button;
  GtkWidget          *note_error;
  GtkWidget          *links_box;
  GtkWidget          *compound_drop_down;
  GtkWidget          *link_button;
  GtkWidget          *link_error;
  guint               updating_filters;
};

static void wy_tasks_page_page_iface_init (WyPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WyTasksPage, wy_tasks_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WY_TYPE_PAGE, wy_tasks_page_page_iface_init))

typedef enum {
  COLUMN_LIGHT,
  COLUMN_NUMBER,
  COLUMN_TITLE,
  COLUMN_LEAD_UNITS,
  COLUMN_DEADLINE,
  COLUMN_PROGRESS,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

/* Widths are in GtkInscription characters, about half a Han glyph: task
 * titles and units are Chinese whatever the interface language. */
static const struct {
  const char *title;     /* N_() */
  guint       min_chars;
  guint       nat_chars;
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_LIGHT]      = { N_("Light"), 0, 0, FALSE },  /* the light words */
  [COLUMN_NUMBER]     = { N_("No."), 3, 3, FALSE },
  [COLUMN_TITLE]      = { N_("Task"), 20, 48, TRUE },
  [COLUMN_LEAD_UNITS] = { N_("Lead Unit"), 12, 20, FALSE },
  /* TRANSLATORS: the column of a task's completion deadline (完成时限) */
  [COLUMN_DEADLINE]   = { N_("Due by"), 10, 10, FALSE },
  [COLUMN_PROGRESS]   = { N_("Progress"), 4, 5, FALSE },
  [COLUMN_STATUS]     = { N_("Status"), 6, 8, FALSE },
};

/* On a narrow window the list scrolls sideways; what a task is and when
 * it is due come before who leads it. */
static const Column display_order[N_COLUMNS] = {
  COLUMN_LIGHT,
  COLUMN_NUMBER,
  COLUMN_TITLE,
  COLUMN_DEADLINE,
  COLUMN_PROGRESS,
  COLUMN_LEAD_UNITS,
  COLUMN_STATUS,
};

static const char * const detail_fields[] = {
  "title", "description", "lead_units", "co_units", "deadline", "progress",
  "status", "done_date", "meeting_id", "notes", NULL
};

static void rebuild_detail (WyTasksPage *self);

static void
get_today (WyTasksPage *self,
           GDate       *out)
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
light_of_filter (WyTasksLightFilter light)
{
  switch (light)
    {
    case WY_TASKS_LIGHT_OVERDUE:     return WY_LIGHT_RED;
    case WY_TASKS_LIGHT_DUE_SOON:    return WY_LIGHT_YELLOW;
    case WY_TASKS_LIGHT_ON_SCHEDULE: return WY_LIGHT_GREEN;
    case WY_TASKS_LIGHT_DONE:        return WY_LIGHT_DONE;
    case WY_TASKS_LIGHT_ALL:
    default:                         return WY_LIGHT_NONE;
    }
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  WyTasksPage *self = user_data;
  WyTaskItem *task = item;

  if (self->status != NULL &&
      g_strcmp0 (wy_record_get (wy_task_item_get_record (task), "status"), self->status) != 0)
    return FALSE;
  if (self->light != WY_TASKS_LIGHT_ALL &&
      wy_task_item_get_light (task) != light_of_filter (self->light))
    return FALSE;
  if (self->origin == WY_TASKS_ORIGIN_PLAN && !wy_task_item_is_from_plan (task))
    return FALSE;
  if (self->origin == WY_TASKS_ORIGIN_OWN && wy_task_item_is_from_plan (task))
    return FALSE;
  if (self->search != NULL && strstr (wy_task_item_get_search_key (task), self->search) == NULL)
    return FALSE;

  return TRUE;
}

static void
update_status_line (WyTasksPage *self)
{
  guint shown = wy_tasks_page_get_n_shown (self);
  guint total = wy_tasks_page_get_n_total (self);

  g_free (self->status_text);
  /* TRANSLATORS: "3 of 9 tasks" in the task list's status line */
  self->status_text = g_strdup_printf (ngettext ("%u of %u task", "%u of %u tasks", total),
                                       shown, total);
  gtk_label_set_text (GTK_LABEL (self->status_label), self->status_text);
}

static void select_id (WyTasksPage *self,
                       gint64       task_id);

static void
refilter (WyTasksPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_status_line (self);

  if (self->task_id > 0)
    select_id (self, self->task_id);
}

/* --- Cells --------------------------------------------------------------- */

static const char *
cell_text (WyTaskItem *item,
           Column      column)
{
  WyRecord *record = wy_task_item_get_record (item);
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_LIGHT:      text = wy_task_item_get_light_label (item); break;
    case COLUMN_NUMBER:     text = wy_task_item_get_number (item); break;
    case COLUMN_TITLE:      text = wy_record_get (record, "title"); break;
    case COLUMN_LEAD_UNITS: text = wy_record_get (record, "lead_units"); break;
    case COLUMN_DEADLINE:   text = wy_record_get (record, "deadline"); break;
    case COLUMN_PROGRESS:   text = wy_task_item_get_progress_text (item); break;
    case COLUMN_STATUS:     text = wy_task_item_get_status_label (item); break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return text != NULL ? text : "";
}

/* Numbers line up on the right. */
static void
on_number_cell_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         gpointer                  user_data)
{
  gtk_inscription_set_xalign (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), 1.0f);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 WyTasksPage              *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "wy-column"));
  WyTaskItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);

  if (column == COLUMN_LIGHT || column == COLUMN_DEADLINE)
    {
      WyLight light = wy_task_item_get_light (item);

      if (column == COLUMN_LIGHT)
        wy_gui_show_light (inscription, light, FALSE);
      else
        {
          gtk_inscription_set_text (GTK_INSCRIPTION (inscription), cell_text (item, column));
          wy_gui_mark_urgent (inscription, light);
        }
      return;
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), cell_text (item, column));
  if (column == COLUMN_TITLE || column == COLUMN_LEAD_UNITS)
    wy_gui_set_cell_tooltip (inscription, cell_text (item, column));
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
  WyTaskKey key = GPOINTER_TO_UINT (user_data);

  return ordering (strcmp (wy_task_item_get_sort_key ((WyTaskItem *)a, key),
                           wy_task_item_get_sort_key ((WyTaskItem *)b, key)));
}

/* Values missing (no deadline, no number) sort after the others. */
static int
compare_field_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const char *field = user_data;
  WyRecord *ra = wy_task_item_get_record ((WyTaskItem *)a);
  WyRecord *rb = wy_task_item_get_record ((WyTaskItem *)b);

  if (g_str_equal (field, "deadline"))
    {
      const char *da = wy_record_get (ra, field);
      const char *db = wy_record_get (rb, field);

      if (da == NULL || db == NULL)
        return ordering ((da == NULL) - (db == NULL));
      return ordering (strcmp (da, db));  /* ISO dates sort as text */
    }
  else
    {
      gint64 ia = wy_record_get_int (ra, field, G_MAXINT64);
      gint64 ib = wy_record_get_int (rb, field, G_MAXINT64);

      return ordering ((ia > ib) - (ia < ib));
    }
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
  return ordering (light_rank (wy_task_item_get_light ((WyTaskItem *)a)) -
                   light_rank (wy_task_item_get_light ((WyTaskItem *)b)));
}

static int
compare_status_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  guint ra = wy_task_item_get_status_rank ((WyTaskItem *)a);
  guint rb = wy_task_item_get_status_rank ((WyTaskItem *)b);

  return ordering ((ra > rb) - (ra < rb));
}

static GtkSorter *
create_sorter (Column column)
{
  switch (column)
    {
    case COLUMN_LIGHT:
      return GTK_SORTER (gtk_custom_sorter_new (compare_light_cb, NULL, NULL));
    case COLUMN_NUMBER:
      return GTK_SORTER (gtk_custom_sorter_new (compare_field_cb, (gpointer)"ordinal", NULL));
    case COLUMN_TITLE:
      return GTK_SORTER (gtk_custom_sorter_new (compare_text_cb, GUINT_TO_POINTER (WY_TASK_KEY_TITLE), NULL));
    case COLUMN_LEAD_UNITS:
      return GTK_SORTER (gtk_custom_sorter_new (compare_text_cb, GUINT_TO_POINTER (WY_TASK_KEY_LEAD_UNITS), NULL));
    case COLUMN_DEADLINE:
      return GTK_SORTER (gtk_custom_sorter_new (compare_field_cb, (gpointer)"deadline", NULL));
    case COLUMN_PROGRESS:
      return GTK_SORTER (gtk_custom_sorter_new (compare_field_cb, (gpointer)"progress", NULL));
    case COLUMN_STATUS:
    case N_COLUMNS:
    default:
      return GTK_SORTER (gtk_custom_sorter_new (compare_status_cb, NULL, NULL));
    }
}

static void
setup_columns (WyTasksPage *self)
{
  guint light_chars = wy_gui_light_column_chars ();

  for (guint position = 0; position < N_COLUMNS; position++)
    {
      Column i = display_order[position];
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkListItemFactory *factory;

      factory = i == COLUMN_LIGHT ? wy_gui_cell_factory_new (light_chars, light_chars)
                                  : wy_gui_cell_factory_new (columns[i].min_chars, columns[i].nat_chars);
      g_object_set_data (G_OBJECT (factory), "wy-column", GUINT_TO_POINTER (i));
      if (i == COLUMN_NUMBER || i == COLUMN_PROGRESS)
        g_signal_connect_after (factory, "setup", G_CALLBACK (on_number_cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), self);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_sorter (column, create_sorter (i));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), column);
    }
}

/* --- Rows ---------------------------------------------------------------- */

static void
scroll_to (WyTasksPage *self,
           guint        position)
{
  GtkWidget *list = wy_gui_find_descendant (self->column_view, GTK_TYPE_LIST_VIEW);

  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

static void
select_id (WyTasksPage *self,
           gint64       task_id)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WyTaskItem) item = g_list_model_get_item (model, i);

      if (wy_task_item_get_id (item) == task_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return;
        }
    }
}

static void
update_detail_header (WyTasksPage *self)
{
  WyTaskItem *item = g_hash_table_lookup (self->by_id, &self->task_id);

  if (item == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (self->title_label),
                      wy_record_get (wy_task_item_get_record (item), "title"));
  wy_gui_show_light (self->light_label, wy_task_item_get_light (item), FALSE);
}

/* After an edit: one item replaced (or added, or removed), one splice. */
static void
refresh_item (WyTasksPage *self,
              gint64       task_id)
{
  WyTaskItem *old = g_hash_table_lookup (self->by_id, &task_id);
  g_autoptr(WyRecord) record = wy_store_get (self->store, WY_TABLE_TASK, task_id, NULL);
  WyTaskItem *item = NULL;
  gpointer additions[1] = { NULL };
  guint pos = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  GDate today;

  if (old != NULL && !wy_array_model_find (self->items, old, &pos))
    old = NULL;

  if (record == NULL && old == NULL)
    return;

  if (record != NULL)
    {
      get_today (self, &today);
      item = wy_task_item_new (record, &today, self->warning_days);
      additions[0] = item;
    }

  if (old != NULL)
    g_hash_table_remove (self->by_id, &task_id);
  if (item != NULL)
    g_hash_table_insert (self->by_id, g_memdup2 (&task_id, sizeof task_id), item);

  wy_array_model_splice (self->items, pos, old != NULL ? 1 : 0, additions, item != NULL ? 1 : 0);
  g_clear_object (&item);

  if (self->task_id == task_id)
    {
      if (record != NULL)
        {
          select_id (self, task_id);
          update_detail_header (self);
        }
      else
        wy_tasks_page_select_task (self, 0);
    }

  update_status_line (self);
}

static gboolean
rebuild_detail_cb (gpointer user_data)
{
  WyTasksPage *self = user_data;

  self->detail_id = 0;
  rebuild_detail (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_row_changed_cb (WyStore     *store,
                         int          table,
                         gint64       id,
                         WyTasksPage *self)
{
  if (table == WY_TABLE_COMPOUND)
    self->compounds_dirty = TRUE;

  if (!self->loaded)
    return;

  switch (table)
    {
    case WY_TABLE_TASK:
      refresh_item (self, id);
      break;

    case WY_TABLE_TASK_NOTE:
    case WY_TABLE_TASK_COMPOUND:
    case WY_TABLE_COMPOUND:
      if (self->task_id > 0 && self->detail_id == 0)
        self->detail_id = g_idle_add (rebuild_detail_cb, self);
      break;

    default:
      break;
    }
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         WyTasksPage        *self)
{
  WyTaskItem *item = gtk_single_selection_get_selected_item (selection);

  /* Nothing selected (replaced, or filtered away): the detail stays. */
  if (item == NULL || wy_task_item_get_id (item) == self->task_id)
    return;

  wy_tasks_page_select_task (self, wy_task_item_get_id (item));
}

static void
on_map_cb (GtkWidget   *widget,
           WyTasksPage *self)
{
  if (!self->loaded)
    wy_tasks_page_reload (self);
}

/* --- Filters ------------------------------------------------------------- */

static void
on_status_selected_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       WyTasksPage *self)
{
  const WyFieldInfo *info = wy_schema_field (wy_schema_table (WY_TABLE_TASK), "status");
  guint pos = gtk_drop_down_get_selected (drop_down);

  if (self->updating_filters > 0)
    return;

  self->status = (pos == 0 || pos == GTK_INVALID_LIST_POSITION) ? NULL : info->codes[pos - 1];
  refilter (self);
}

static void
on_light_selected_cb (GtkDropDown *drop_down,
                      GParamSpec  *pspec,
                      WyTasksPage *self)
{
  guint pos = gtk_drop_down_get_selected (drop_down);

  self->light = pos <= WY_TASKS_LIGHT_DONE ? (WyTasksLightFilter)pos : WY_TASKS_LIGHT_ALL;
  refilter (self);
}

static void
on_origin_selected_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       WyTasksPage *self)
{
  guint pos = gtk_drop_down_get_selected (drop_down);

  self->origin = pos <= WY_TASKS_ORIGIN_OWN ? (WyTasksOrigin)pos : WY_TASKS_ORIGIN_ALL;
  refilter (self);
}

static gboolean
apply_search_cb (gpointer user_data)
{
  WyTasksPage *self = user_data;
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

static GtkWidget *
create_filter_drop_down (const char * const *labels,
                         const char         *name)
{
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (labels);

  wy_drop_down_set_compact (GTK_DROP_DOWN (drop_down), 16);
  gtk_widget_set_tooltip_text (drop_down, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return drop_down;
}

/* --- Detail: notes and links --------------------------------------------- */

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
fill_compounds (WyTasksPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) compounds = wy_store_list (self->store, WY_TABLE_COMPOUND, 0, NULL);

  g_array_set_size (self->compound_ids, 0);
  for (guint i = 0; compounds != NULL && i < compounds->len; i++)
    {
      WyRecord *compound = g_ptr_array_index (compounds, i);
      gint64 id = wy_record_get_id (compound);
      const char *name = wy_record_get (compound, "name");

      gtk_string_list_append (strings, name != NULL ? name : "");
      g_array_append_val (self->compound_ids, id);
    }

  gtk_drop_down_set_model (GTK_DROP_DOWN (self->compound_drop_down), G_LIST_MODEL (strings));
  self->compounds_dirty = FALSE;
}

static gboolean
fill_compounds_cb (gpointer data)
{
  WyTasksPage *self = data;

  self->fill_id = 0;
  if (self->compounds_dirty)
    fill_compounds (self);
  return G_SOURCE_REMOVE;
}

static void
on_unlink_clicked_cb (GtkButton   *button,
                      WyTasksPage *self)
{
  gint64 compound_id = *(gint64 *)g_object_get_data (G_OBJECT (button), "wy-compound-id");
  g_autoptr(GError) error = NULL;

  if (!wy_tasks_page_unlink_compound (self, compound_id, &error))
    wy_gui_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                       _("Could not remove the link"), error);
}

static void
rebuild_detail (WyTasksPage *self)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) links = NULL;

  g_clear_handle_id (&self->detail_id, g_source_remove);
  clear_box (self->notes_box);
  clear_box (self->links_box);
  self->n_notes = 0;
  self->n_links = 0;

  if (self->task_id <= 0)
    return;

  update_detail_header (self);

  /* Progress notes: dated, never edited, the newest last. */
  notes = wy_store_list (self->store, WY_TABLE_TASK_NOTE, self->task_id, NULL);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      WyRecord *note = g_ptr_array_index (notes, i);
      const char *progress = wy_record_get (note, "progress");
      const char *author = wy_record_get (note, "author");
      g_autoptr(GString) head = g_string_new (wy_record_get (note, "date"));
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *text = gtk_label_new (wy_record_get (note, "text"));

      if (progress != NULL)
        g_string_append_printf (head, " · %s%%", progress);
      if (author != NULL && *author != '\0')
        g_string_append_printf (head, " · %s", author);

      gtk_box_append (GTK_BOX (row), dim_label (head->str));
      gtk_label_set_xalign (GTK_LABEL (text), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_box_append (GTK_BOX (row), text);
      gtk_box_append (GTK_BOX (self->notes_box), row);
      self->n_notes++;
    }
  if (self->n_notes == 0)
    gtk_box_append (GTK_BOX (self->notes_box), dim_label (_("No progress recorded yet.")));

  /* Linked compounds, each with its remove button. */
  links = wy_store_list (self->store, WY_TABLE_TASK_COMPOUND, self->task_id, NULL);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      WyRecord *link = g_ptr_array_index (links, i);
      gint64 compound_id = wy_record_get_int (link, "compound_id", 0);
      g_autoptr(WyRecord) compound = wy_store_get (self->store, WY_TABLE_COMPOUND, compound_id, NULL);
      const char *name = compound != NULL ? wy_record_get (compound, "name") : NULL;
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (name != NULL ? name : "");
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *remove_name = NULL;

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      /* TRANSLATORS: a button's name; %s is a compound */
      remove_name = g_strdup_printf (_("Remove the link to %s"), name != NULL ? name : "");
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name,
                                      -1);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "wy-compound-id",
                              g_memdup2 (&compound_id, sizeof compound_id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_unlink_clicked_cb), self);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_box_append (GTK_BOX (self->links_box), row);
      self->n_links++;
    }
  if (self->n_links == 0)
    gtk_box_append (GTK_BOX (self->links_box), dim_label (_("No compounds linked.")));
}

static void
on_add_note_clicked_cb (GtkButton   *button,
                        WyTasksPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  int percent = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->note_percent));

  if (!wy_tasks_page_add_note (self, text, percent, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->note_error), error->message);
      gtk_widget_set_visible (self->note_error, TRUE);
      return;
    }

  gtk_widget_set_visible (self->note_error, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

static void
on_note_entry_changed_cb (GtkEditable *editable,
                          WyTasksPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_sensitive (self->add_note_button, text[0] != '\0');
}

static void
on_link_clicked_cb (GtkButton   *button,
                    WyTasksPage *self)
{
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->compound_drop_down));
  g_autoptr(GError) error = NULL;

  if (pos >= self->compound_ids->len)
    return;

  if (!wy_tasks_page_link_compound (self, g_array_index (self->compound_ids, gint64, pos), &error))
    {
      gtk_label_set_text (GTK_LABEL (self->link_error), error->message);
      gtk_widget_set_visible (self->link_error, TRUE);
      return;
    }
  gtk_widget_set_visible (self->link_error, FALSE);
}

/* A task marked done gets its done date (today) unless one was given. */
static void
on_form_saved_cb (WyRecordForm *form,
                  const char   *field,
                  WyTasksPage  *self)
{
  g_autoptr(WyRecord) task = NULL;
  g_autofree char *today_iso = NULL;
  GDate today;

  if (g_strcmp0 (field, "status") != 0 || self->task_id <= 0)
    return;

  task = wy_store_get (self->store, WY_TABLE_TASK, self->task_id, NULL);
  if (task == NULL || g_strcmp0 (wy_record_get (task, "status"), WY_TASK_DONE) != 0 ||
      wy_record_get (task, "done_date") != NULL)
    return;

  get_today (self, &today);
  today_iso = wy_date_to_iso (&today);
  wy_store_update_field (self->store, WY_TABLE_TASK, self->task_id, "done_date", today_iso, NULL);
}

/* --- Delete and undo ----------------------------------------------------- */

static void
hide_undo_notice (WyTasksPage *self)
{
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->undo_revealer), FALSE);
}

static gboolean
on_undo_timeout_cb (gpointer user_data)
{
  WyTasksPage *self = user_data;

  self->undo_timeout = 0;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->undo_revealer), FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_undo_clicked_cb (GtkButton   *button,
                    WyTasksPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!wy_tasks_page_undo (self, &error))
    wy_gui_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                       _("Could not undo the delete"), error);
}

static void
on_undo_close_clicked_cb (GtkButton   *button,
                          WyTasksPage *self)
{
  hide_undo_notice (self);
}

static void
on_delete_response_cb (GtkDialog   *dialog,
                       int          response,
                       WyTasksPage *self)
{
  gint64 task_id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "wy-task-id");

  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GError) error = NULL;

      if (!wy_tasks_page_delete_task (self, task_id, &error))
        wy_gui_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                           _("Could not delete the task"), error);
    }
}

static void
on_delete_clicked_cb (GtkButton   *button,
                      WyTasksPage *self)
{
  g_autoptr(WyRecord) task = NULL;
  GtkWidget *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->task_id <= 0)
    return;

  task = wy_store_get (self->store, WY_TABLE_TASK, self->task_id, NULL);
  if (task == NULL)
    return;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* TRANSLATORS: %s is a work task */
                                   _("Delete the task “%s”?"), wy_record_get (task, "title"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Its progress notes and compound links go with it. "
                                              "You can undo this right after."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "wy-task-id",
                          g_memdup2 (&self->task_id, sizeof self->task_id), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- New task dialog ----------------------------------------------------- */

typedef struct {
  WyTasksPage *page;
  GtkWidget   *title;
  GtkWidget   *lead;
  GtkWidget   *deadline;
  GtkWidget   *error;
} NewTask;

static void
on_new_task_add_cb (GtkWidget *widget,
                    GtkWindow *window)
{
  NewTask *data = g_object_get_data (G_OBJECT (window), "wy-new-task");
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = wy_tasks_page_add_task (data->page,
                               gtk_editable_get_text (GTK_EDITABLE (data->title)),
                               gtk_editable_get_text (GTK_EDITABLE (data->lead)),
                               gtk_editable_get_text (GTK_EDITABLE (data->deadline)),
                               &error);
  if (id <= 0)
    {
      gtk_label_set_text (GTK_LABEL (data->error), error->message);
      gtk_widget_set_visible (data->error, TRUE);
      return;
    }

  gtk_window_destroy (window);
}

static void
on_new_task_cancel_cb (GtkButton *button,
                       GtkWindow *window)
{
  gtk_window_destroy (window);
}

static GtkWidget *
add_labelled_entry (GtkGrid    *grid,
                    int         row,
                    const char *label_text,
                    const char *placeholder)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_set_hexpand (entry, TRUE);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (label)),
                                  -1);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  return entry;
}

GtkWindow *
wy_tasks_page_open_new_task_dialog (WyTasksPage *self)
{
  GtkRoot *root;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *grid;
  GtkWidget *buttons;
  GtkWidget *cancel;
  GtkWidget *add;
  NewTask *data;

  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("New Task"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 440, -1);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  data = g_new0 (NewTask, 1);
  data->page = self;
  g_object_set_data_full (G_OBJECT (window), "wy-new-task", data, g_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  data->title = add_labelled_entry (GTK_GRID (grid), 0, _("_Task"), NULL);
  data->lead = add_labelled_entry (GTK_GRID (grid), 1, _("_Lead unit"), NULL);
  /* TRANSLATORS: the form of a date the user types */
  data->deadline = add_labelled_entry (GTK_GRID (grid), 2, _("_Deadline"), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (data->deadline), 11);
  gtk_widget_set_hexpand (data->deadline, FALSE);
  gtk_widget_set_halign (data->deadline, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), grid);

  data->error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (data->error), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (data->error), TRUE);
  gtk_widget_add_css_class (data->error, "error");
  gtk_widget_set_visible (data->error, FALSE);
  gtk_box_append (GTK_BOX (box), data->error);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  add = gtk_button_new_with_mnemonic (_("_Add Task"));
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (box), buttons);

  g_signal_connect (cancel, "clicked", G_CALLBACK (on_new_task_cancel_cb), window);
  g_signal_connect (add, "clicked", G_CALLBACK (on_new_task_add_cb), window);
  g_signal_connect (data->title, "activate", G_CALLBACK (on_new_task_add_cb), window);
  g_signal_connect (data->lead, "activate", G_CALLBACK (on_new_task_add_cb), window);
  g_signal_connect (data->deadline, "activate", G_CALLBACK (on_new_task_add_cb), window);

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), add);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (data->title);

  return GTK_WINDOW (window);
}

static void
on_new_task_clicked_cb (GtkButton   *button,
                        WyTasksPage *self)
{
  wy_tasks_page_open_new_task_dialog (self);
}

/* --- The widget ---------------------------------------------------------- */

static GtkWidget *
section_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "wy-section-heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static GtkWidget *
build_detail (WyTasksPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *delete_button;
  GtkWidget *note_row;
  GtkWidget *link_row;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_widget_add_css_class (self->title_label, "wy-detail-title");
  self->light_label = gtk_label_new (NULL);
  delete_button = gtk_button_new_with_mnemonic (_("_Delete…"));
  gtk_widget_set_valign (delete_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (delete_button, _("Delete this task, its notes and links"));
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), self->title_label);
  gtk_box_append (GTK_BOX (header), self->light_label);
  gtk_box_append (GTK_BOX (header), delete_button);
  gtk_box_append (GTK_BOX (box), header);

  self->form = wy_record_form_new (self->store, WY_TABLE_TASK, detail_fields);
  g_signal_connect (self->form, "saved", G_CALLBACK (on_form_saved_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form));

  /* Progress notes */
  gtk_box_append (GTK_BOX (box), section_heading (_("Progress Notes")));
  self->notes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->notes_box);

  note_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->note_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->note_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->note_entry), _("Progress made…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New progress note"),
                                  -1);
  self->note_percent = gtk_spin_button_new_with_range (0, 100, 5);
  gtk_widget_set_tooltip_text (self->note_percent, _("Progress (%) after this note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_percent),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress (%) after this note"),
                                  -1);
  self->add_note_button = gtk_button_new_with_mnemonic (_("Add _Note"));
  gtk_widget_set_sensitive (self->add_note_button, FALSE);
  g_signal_connect (self->note_entry, "changed", G_CALLBACK (on_note_entry_changed_cb), self);
  g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (gtk_widget_activate), self->add_note_button);
  g_signal_connect (self->add_note_button, "clicked", G_CALLBACK (on_add_note_clicked_cb), self);
  gtk_box_append (GTK_BOX (note_row), self->note_entry);
  gtk_box_append (GTK_BOX (note_row), self->note_percent);
  gtk_box_append (GTK_BOX (note_row), gtk_label_new ("%"));
  gtk_box_append (GTK_BOX (note_row), self->add_note_button);
  gtk_box_append (GTK_BOX (box), note_row);
  self->note_error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->note_error), 0.0f);
  gtk_widget_add_css_class (self->note_error, "error");
  gtk_widget_set_visible (self->note_error, FALSE);
  gtk_box_append (GTK_BOX (box), self->note_error);

  /* Linked compounds */
  gtk_box_append (GTK_BOX (box), section_heading (_("Linked Compounds")));
  self->links_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), self->links_box);

  link_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->compound_drop_down = gtk_drop_down_new (NULL, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->compound_drop_down), TRUE);
  gtk_widget_set_hexpand (self->compound_drop_down, TRUE);
  wy_drop_down_set_compact (GTK_DROP_DOWN (self->compound_drop_down), 24);
  gtk_widget_set_tooltip_text (self->compound_drop_down, _("Compound to link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->compound_drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compound to link"),
                                  -1);
  self->link_button = gtk_button_new_with_mnemonic (_("_Link Compound"));
  g_signal_connect (self->link_button, "clicked", G_CALLBACK (on_link_clicked_cb), self);
  gtk_box_append (GTK_BOX (link_row), self->compound_drop_down);
  gtk_box_append (GTK_BOX (link_row), self->link_button);
  gtk_box_append (GTK_BOX (box), link_row);
  self->link_error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->link_error), 0.0f);
  gtk_widget_add_css_class (self->link_error, "error");
  gtk_widget_set_visible (self->link_error, FALSE);
  gtk_box_append (GTK_BOX (box), self->link_error);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  return scrolled;
}

/* The filters of the toolbar: status, light, origin. */
static void
add_filters (WyTasksPage *self,
             GtkWidget   *toolbar)
{
  const WyFieldInfo *status_info;
  g_autoptr(GPtrArray) status_labels = g_ptr_array_new ();
  const char *light_labels[6];
  const char *origin_labels[4];

  status_info = wy_schema_field (wy_schema_table (WY_TABLE_TASK), "status");
  g_ptr_array_add (status_labels, (gpointer)_("All statuses"));
  for (guint i = 0; status_info->codes[i] != NULL; i++)
    g_ptr_array_add (status_labels, (gpointer)wy_schema_code_label (status_info, status_info->codes[i]));
  g_ptr_array_add (status_labels, NULL);
  self->status_drop_down = create_filter_drop_down ((const char * const *)status_labels->pdata, _("Status"));

  light_labels[WY_TASKS_LIGHT_ALL] = _("All lights");
  light_labels[WY_TASKS_LIGHT_OVERDUE] = wy_light_to_label (WY_LIGHT_RED);
  light_labels[WY_TASKS_LIGHT_DUE_SOON] = wy_light_to_label (WY_LIGHT_YELLOW);
  light_labels[WY_TASKS_LIGHT_ON_SCHEDULE] = wy_light_to_label (WY_LIGHT_GREEN);
  light_labels[WY_TASKS_LIGHT_DONE] = wy_light_to_label (WY_LIGHT_DONE);
  light_labels[5] = NULL;
  self->light_drop_down = create_filter_drop_down (light_labels, _("Light"));

  origin_labels[WY_TASKS_ORIGIN_ALL] = _("All tasks");
  origin_labels[WY_TASKS_ORIGIN_PLAN] = _("From the plan");
  origin_labels[WY_TASKS_ORIGIN_OWN] = _("Own tasks");
  origin_labels[3] = NULL;
  self->origin_drop_down = create_filter_drop_down (origin_labels, _("Origin"));

  g_signal_connect (self->status_drop_down, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
  g_signal_connect (self->light_drop_down, "notify::selected", G_CALLBACK (on_light_selected_cb), self);
  g_signal_connect (self->origin_drop_down, "notify::selected", G_CALLBACK (on_origin_selected_cb), self);
  gtk_box_append (GTK_BOX (toolbar), self->status_drop_down);
  gtk_box_append (GTK_BOX (toolbar), self->light_drop_down);
  gtk_box_append (GTK_BOX (toolbar), self->origin_drop_down);
}

/* WyPage ------------------------------------------------------------- */

static gboolean
page_select_by_id (WyPage *page,
                   gint64  id)
{
  wy_tasks_page_select_task (WY_TASKS_PAGE (page), id);
  return TRUE;
}

static void
wy_tasks_page_page_iface_init (WyPageInterface *iface)
{
  iface->name = "tasks";
  iface->title = N_("Tasks");
  iface->icon_name = "object-select-symbolic";
  iface->reload = (void (*) (WyPage *)) wy_tasks_page_reload;
  iface->search_placeholder = N_("Search tasks");
  iface->search_delay_ms = 150;
  iface->set_search_text = (void (*) (WyPage *, const char *)) wy_tasks_page_set_search_text;
  iface->select_by_id = page_select_by_id;
}

static void
wy_tasks_page_dispose (GObject *object)
{
  WyTasksPage *self = (WyTasksPage *)object;

  g_clear_handle_id (&self->search_id, g_source_remove);
  g_clear_handle_id (&self->detail_id, g_source_remove);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_tasks_page_parent_class)->dispose (object);
}

static void
wy_tasks_page_finalize (GObject *object)
{
  WyTasksPage *self = (WyTasksPage *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->compound_ids, g_array_unref);
  g_clear_pointer (&self->undo_ids, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->pending_search, g_free);
  g_clear_pointer (&self->status_text, g_free);

  G_OBJECT_CLASS (wy_tasks_page_parent_class)->finalize (object);
}

static void
wy_tasks_page_class_init (WyTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_tasks_page_dispose;
  object_class->finalize = wy_tasks_page_finalize;

  /* Ctrl+Z is the window's: its history undoes a task's delete in order
   * with every other change. */

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-tasks-page");
}

static void
wy_tasks_page_init (WyTasksPage *self)
{
  g_date_clear (&self->today, 1);
  self->items = wy_array_model_new (WY_TYPE_TASK_ITEM);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)wy_undo_free);
  self->compound_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->undo_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->compounds_dirty = TRUE;

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
}

WyTasksPage *
wy_tasks_page_new (WyStore *store)
{
  WyTasksPage *self;
  GtkWidget *outer;
  GtkWidget *list_box;
  GtkWidget *toolbar;
  GtkWidget *new_button;
  GtkWidget *scrolled;
  GtkWidget *undo_box;
  GtkWidget *undo_button;
  GtkWidget *close_button;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_TASKS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->warning_days = wy_store_get_warning_days (store);

  self->paned = wy_gui_list_detail_paned_new ();
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));

  outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  list_box = outer;

  /* The Undo notice of the last delete */
  self->undo_revealer = gtk_revealer_new ();
  undo_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (undo_box, "wy-undo-notice");
  gtk_widget_set_margin_start (undo_box, 6);
  gtk_widget_set_margin_end (undo_box, 6);
  gtk_widget_set_margin_top (undo_box, 6);
  self->undo_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->undo_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (self->undo_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->undo_label, TRUE);
  undo_button = gtk_button_new_with_mnemonic (_("_Undo"));
  g_signal_connect (undo_button, "clicked", G_CALLBACK (on_undo_clicked_cb), self);
  close_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (close_button, "flat");
  gtk_widget_set_tooltip_text (close_button, _("Hide this notice"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hide this notice"),
                                  -1);
  g_signal_connect (close_button, "clicked", G_CALLBACK (on_undo_close_clicked_cb), self);
  gtk_box_append (GTK_BOX (undo_box), self->undo_label);
  gtk_box_append (GTK_BOX (undo_box), undo_button);
  gtk_box_append (GTK_BOX (undo_box), close_button);
  gtk_revealer_set_child (GTK_REVEALER (self->undo_revealer), undo_box);
  gtk_box_append (GTK_BOX (list_box), self->undo_revealer);

  /* New task and the filters */
  toolbar = wy_gui_toolbar_new ();
  gtk_widget_add_css_class (toolbar, "wy-filter-bar");

  new_button = gtk_button_new_with_mnemonic (_("_New Task…"));
  gtk_widget_set_tooltip_text (new_button, _("Add a task of your own, such as a decision to supervise"));
  g_signal_connect (new_button, "clicked", G_CALLBACK (on_new_task_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), new_button);

  add_filters (self, toolbar);
  gtk_box_append (GTK_BOX (list_box), toolbar);

  /* The list: items → filter → sort → selection */
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (self->filter));
  self->column_view = gtk_column_view_new (NULL);
  gtk_widget_add_css_class (self->column_view, "wy-compound-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Work tasks"),
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

  gtk_paned_set_start_child (GTK_PANED (self->paned), outer);

  /* Detail */
  self->detail_stack = wy_gui_detail_stack_new (_("Select a task to see its progress and edit it."));
  gtk_stack_add_named (GTK_STACK (self->detail_stack), build_detail (self), "detail");
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), "empty");
  gtk_paned_set_end_child (GTK_PANED (self->paned), self->detail_stack);

  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);

  update_status_line (self);

  return self;
}

void
wy_tasks_page_reload (WyTasksPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_return_if_fail (WY_IS_TASKS_PAGE (self));

  self->loaded = TRUE;
  get_today (self, &today);
  self->warning_days = wy_store_get_warning_days (self->store);

  rows = wy_store_list (self->store, WY_TABLE_TASK, 0, &error);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_remove_all (self->by_id);

  if (rows == NULL)
    g_warning ("Could not list the tasks of %s: %s",
               wy_store_get_path (self->store), error->message);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      WyTaskItem *item = wy_task_item_new (g_ptr_array_index (rows, i), &today, self->warning_days);
      gint64 id = wy_task_item_get_id (item);

      g_ptr_array_add (items, item);
      g_hash_table_insert (self->by_id, g_memdup2 (&id, sizeof id), item);
    }

  wy_array_model_splice (self->items, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                         items->pdata, items->len);
  refilter (self);

  if (self->task_id > 0)
    {
      if (g_hash_table_contains (self->by_id, &self->task_id))
        rebuild_detail (self);
      else
        wy_tasks_page_select_task (self, 0);
    }
}

void
wy_tasks_page_set_search_text (WyTasksPage *self,
                               const char  *text)
{
  g_return_if_fail (WY_IS_TASKS_PAGE (self));

  g_free (self->pending_search);
  self->pending_search = g_strdup (text);
  g_clear_handle_id (&self->search_id, g_source_remove);
  self->search_id = g_timeout_add (SEARCH_DELAY_MS, apply_search_cb, self);
}

void
wy_tasks_page_set_today (WyTasksPage *self,
                         const GDate *today)
{
  g_return_if_fail (WY_IS_TASKS_PAGE (self));

  self->today_fixed = today != NULL && g_date_valid (today);
  if (self->today_fixed)
    self->today = *today;
  if (self->loaded)
    wy_tasks_page_reload (self);
}

guint
wy_tasks_page_get_n_shown (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

guint
wy_tasks_page_get_n_total (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

const char *
wy_tasks_page_get_status_text (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), NULL);

  return self->status_text;
}

GListModel *
wy_tasks_page_get_model (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

void
wy_tasks_page_sort_by_column (WyTasksPage *self,
                              guint        column,
                              GtkSortType  order)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  guint position = 0;

  g_return_if_fail (WY_IS_TASKS_PAGE (self));
  g_return_if_fail (column < N_COLUMNS);

  while (display_order[position] != column)
    position++;
  view_column = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view)), position);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), view_column, order);
}

void
wy_tasks_page_set_status_filter (WyTasksPage *self,
                                 const char  *status)
{
  const WyFieldInfo *info = wy_schema_field (wy_schema_table (WY_TABLE_TASK), "status");
  guint pos = 0;

  g_return_if_fail (WY_IS_TASKS_PAGE (self));

  for (guint i = 0; status != NULL && info->codes[i] != NULL; i++)
    if (g_str_equal (info->codes[i], status))
      pos = i + 1;

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_drop_down), pos);
}

void
wy_tasks_page_set_light_filter (WyTasksPage        *self,
                                WyTasksLightFilter  light)
{
  g_return_if_fail (WY_IS_TASKS_PAGE (self));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->light_drop_down), light);
}

void
wy_tasks_page_set_origin_filter (WyTasksPage   *self,
                                 WyTasksOrigin  origin)
{
  g_return_if_fail (WY_IS_TASKS_PAGE (self));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->origin_drop_down), origin);
}

void
wy_tasks_page_select_task (WyTasksPage *self,
                           gint64       task_id)
{
  g_return_if_fail (WY_IS_TASKS_PAGE (self));

  if (!self->loaded)
    wy_tasks_page_reload (self);

  if (task_id > 0 && !g_hash_table_contains (self->by_id, &task_id))
    task_id = 0;

  self->task_id = task_id;
  wy_record_form_set_record_id (self->form, task_id);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_widget_set_visible (self->note_error, FALSE);
  gtk_widget_set_visible (self->link_error, FALSE);

  if (task_id > 0)
    {
      WyTaskItem *item = g_hash_table_lookup (self->by_id, &task_id);

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->note_percent),
                                 (double) wy_record_get_int (wy_task_item_get_record (item), "progress", 0));
      /* Every compound of the ledger goes into the "link" drop-down: on a
       * 50,000-compound ledger that is a third of a second, so it waits
       * until the task has been drawn. */
      if (self->compounds_dirty && self->fill_id == 0)
        self->fill_id = g_idle_add_full (G_PRIORITY_LOW, fill_compounds_cb, self, NULL);
      select_id (self, task_id);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  rebuild_detail (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), task_id > 0 ? "detail" : "empty");
}

gint64
wy_tasks_page_get_selected_task (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), 0);

  return self->task_id;
}

gint64
wy_tasks_page_add_task (WyTasksPage  *self,
                        const char   *title,
                        const char   *lead_units,
                        const char   *deadline,
                        GError      **error)
{
  g_autoptr(WyRecord) task = wy_record_new (WY_TABLE_TASK);
  g_autofree char *clean_title = g_strstrip (g_strdup (title != NULL ? title : ""));
  g_autofree char *clean_lead = g_strstrip (g_strdup (lead_units != NULL ? lead_units : ""));
  g_autofree char *clean_deadline = g_strstrip (g_strdup (deadline != NULL ? deadline : ""));
  gint64 id;

  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), 0);

  if (clean_title[0] == '\0')
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                           _("A task needs a title."));
      return 0;
    }
  if (clean_deadline[0] != '\0' && !wy_date_is_valid_iso (clean_deadline))
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                           _("The deadline is not a date: write it as YYYY-MM-DD."));
      return 0;
    }

  wy_record_set (task, "title", clean_title);
  wy_record_set (task, "lead_units", clean_lead[0] != '\0' ? clean_lead : NULL);
  wy_record_set (task, "deadline", clean_deadline[0] != '\0' ? clean_deadline : NULL);
  wy_record_set_int (task, "progress", 0);
  wy_record_set (task, "status", WY_TASK_NOT_STARTED);
  wy_record_set_bool (task, "from_plan", FALSE);

  id = wy_store_insert (self->store, task, error);
  if (id <= 0)
    return 0;

  if (!self->loaded)
    wy_tasks_page_reload (self);
  else if (!g_hash_table_contains (self->by_id, &id))
    refresh_item (self, id);

  /* A new task that the filters hide would seem lost: show all. */
  self->updating_filters++;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_drop_down), 0);
  self->updating_filters--;
  self->status = NULL;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->light_drop_down), WY_TASKS_LIGHT_ALL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->origin_drop_down), WY_TASKS_ORIGIN_ALL);
  refilter (self);

  wy_tasks_page_select_task (self, id);
  return id;
}

gboolean
wy_tasks_page_add_note (WyTasksPage  *self,
                        const char   *text,
                        int           percent,
                        GError      **error)
{
  GDate today;

  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), FALSE);

  get_today (self, &today);
  if (wy_task_record_progress (self->store, self->task_id, text, percent, &today, error) <= 0)
    return FALSE;

  rebuild_detail (self);
  return TRUE;
}

gboolean
wy_tasks_page_link_compound (WyTasksPage  *self,
                             gint64        compound_id,
                             GError      **error)
{
  g_autoptr(WyRecord) link = wy_record_new (WY_TABLE_TASK_COMPOUND);
  g_autoptr(GPtrArray) links = NULL;

  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), FALSE);

  if (self->task_id <= 0)
    {
      g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND,
                           _("Select a task first."));
      return FALSE;
    }

  links = wy_store_list (self->store, WY_TABLE_TASK_COMPOUND, self->task_id, error);
  if (links == NULL)
    return FALSE;
  for (guint i = 0; i < links->len; i++)
    if (wy_record_get_int (g_ptr_array_index (links, i), "compound_id", 0) == compound_id)
      {
        g_set_error_literal (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT,
                             _("This compound is already linked to the task."));
        return FALSE;
      }

  wy_record_set_int (link, "task_id", self->task_id);
  wy_record_set_int (link, "compound_id", compound_id);
  if (wy_store_insert (self->store, link, error) <= 0)
    return FALSE;

  rebuild_detail (self);
  return TRUE;
}

gboolean
wy_tasks_page_unlink_compound (WyTasksPage  *self,
                               gint64        compound_id,
                               GError      **error)
{
  g_autoptr(GPtrArray) links = NULL;

  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), FALSE);

  if (self->task_id <= 0)
    return TRUE;

  links = wy_store_list (self->store, WY_TABLE_TASK_COMPOUND, self->task_id, error);
  if (links == NULL)
    return FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      WyRecord *link = g_ptr_array_index (links, i);

      if (wy_record_get_int (link, "compound_id", 0) == compound_id &&
          !wy_store_delete (self->store, WY_TABLE_TASK_COMPOUND, wy_record_get_id (link), error))
        return FALSE;
    }

  rebuild_detail (self);
  return TRUE;
}

gboolean
wy_tasks_page_delete_task (WyTasksPage  *self,
                           gint64        task_id,
                           GError      **error)
{
  WyUndo *undo = NULL;
  g_autofree char *notice = NULL;

  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), FALSE);

  if (!wy_store_delete_with_undo (self->store, WY_TABLE_TASK, task_id, &undo, error))
    return FALSE;

  g_ptr_array_add (self->undo_stack, undo);
  g_array_append_val (self->undo_ids, task_id);
  if (self->loaded)
    refresh_item (self, task_id);
  if (self->task_id == task_id)
    wy_tasks_page_select_task (self, 0);

  /* TRANSLATORS: the notice after a delete, with an Undo button beside it */
  notice = g_strdup_printf (_("Deleted “%s”"), wy_undo_get_title (undo) != NULL ? wy_undo_get_title (undo) : "");
  gtk_label_set_text (GTK_LABEL (self->undo_label), notice);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->undo_revealer), TRUE);
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  self->undo_timeout = g_timeout_add_seconds (UNDO_NOTICE_SECONDS, on_undo_timeout_cb, self);

  return TRUE;
}

gboolean
wy_tasks_page_undo (WyTasksPage  *self,
                    GError      **error)
{
  WyUndo *undo;
  gint64 task_id;

  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), FALSE);

  if (self->undo_stack->len == 0)
    return TRUE;

  undo = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  if (!wy_store_undo (self->store, undo, error))
    return FALSE;

  /* The undo puts the task back with its own id. */
  task_id = g_array_index (self->undo_ids, gint64, self->undo_ids->len - 1);
  g_array_set_size (self->undo_ids, self->undo_ids->len - 1);
  g_ptr_array_remove_index (self->undo_stack, self->undo_stack->len - 1);

  hide_undo_notice (self);
  if (self->loaded)
    {
      if (task_id > 0)
        refresh_item (self, task_id);
      wy_tasks_page_select_task (self, task_id);
    }

  return TRUE;
}

const char *
wy_tasks_page_get_undo_notice (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), NULL);

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (self->undo_revealer)))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->undo_label));
}

WyRecordForm *
wy_tasks_page_get_form (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), NULL);

  return self->form;
}

GtkWidget *
wy_tasks_page_get_note_entry (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), NULL);

  return self->note_entry;
}

GtkWidget *
wy_tasks_page_get_note_percent (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), NULL);

  return self->note_percent;
}

GtkWidget *
wy_tasks_page_get_add_note_button (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), NULL);

  return self->add_note_button;
}

guint
wy_tasks_page_get_n_notes (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), 0);

  return self->n_notes;
}

guint
wy_tasks_page_get_n_links (WyTasksPage *self)
{
  g_return_val_if_fail (WY_IS_TASKS_PAGE (self), 0);

  return self->n_links;
}
