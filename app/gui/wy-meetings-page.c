/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-meetings-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-funding-view.h"
#include "wy-gui.h"
#include "wy-list-reuse.h"
#include "wy-meetings-page.h"
#include "wy-page.h"

#define UNDO_NOTICE_SECONDS 10

typedef enum {
  COLUMN_DATE,
  COLUMN_KIND,
  COLUMN_TITLE,
  COLUMN_COMMUNITY,
  N_COLUMNS
} Column;

/* Widths in characters, a Han glyph counting two (titles and names are
 * Chinese whatever the interface language); the kind's natural width is
 * that of its longest word, computed in kind_chars(). */
static const struct {
  const char *title;   /* N_() */
  guint       min_chars;
  guint       nat_chars;
  gboolean    expand;
} columns[N_COLUMNS] = {
  [COLUMN_DATE]      = { N_("Date"), 10, 10, FALSE },
  [COLUMN_KIND]      = { N_("Kind"), 8, 0, FALSE },
  [COLUMN_TITLE]     = { N_("Title or Findings"), 16, 40, TRUE },
  [COLUMN_COMMUNITY] = { N_("Community"), 8, 10, FALSE },
};

static const char * const meeting_fields[] = { "kind", "date", "title", "attendees", "community_id", "minutes", NULL };
static const char * const inspection_fields[] = { "date", "inspector", "community_id", "compound_id", "findings", NULL };
static const char * const task_fields[] = { "title", "deadline", "lead_units", NULL };
static const char * const problem_fields[] = { "compound_id", "category", "description", "deadline", "responsible_unit", NULL };

/* --- One line of the list ------------------------------------------------ */

#define WY_TYPE_MEETING_ITEM (wy_meeting_item_get_type ())
G_DECLARE_FINAL_TYPE (WyMeetingItem, wy_meeting_item, WY, MEETING_ITEM, GObject)

struct _WyMeetingItem
{
  GObject         parent_instance;
  WyTable         table;
  gint64          id;
  WyMeetingsKind  kind;
  gint64          community_id;
  char           *search_key;
  char           *text[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (WyMeetingItem, wy_meeting_item, G_TYPE_OBJECT)

static void
wy_meeting_item_finalize (GObject *object)
{
  WyMeetingItem *self = (WyMeetingItem *)object;

  g_free (self->search_key);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (wy_meeting_item_parent_class)->finalize (object);
}

static void
wy_meeting_item_class_init (WyMeetingItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wy_meeting_item_finalize;
}

static void
wy_meeting_item_init (WyMeetingItem *self)
{
}

static guint
wy_meeting_item_identity_hash (gconstpointer item)
{
  const WyMeetingItem *self = item;

  return g_int64_hash (&self->id) ^ (guint) self->table;
}

static gboolean
wy_meeting_item_identity_equal (gconstpointer item_a,
                                gconstpointer item_b)
{
  const WyMeetingItem *a = item_a;
  const WyMeetingItem *b = item_b;

  return a->id == b->id && a->table == b->table;
}

static gboolean
wy_meeting_item_reads_the_same (gconstpointer item_a,
                                gconstpointer item_b)
{
  const WyMeetingItem *a = item_a;
  const WyMeetingItem *b = item_b;

  return a->kind == b->kind && a->community_id == b->community_id &&
         g_strcmp0 (a->search_key, b->search_key) == 0 &&
         wy_list_texts_equal (a->text, b->text, N_COLUMNS);
}

/* --- The page ------------------------------------------------------------ */

struct _WyMeetingsPage
{
  GtkWidget           parent_instance;

  WyStore            *store;
  gulong              row_changed_id;
  guint               reload_id;
  GDate               today;
  gboolean            today_fixed;

  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *search;
  WyMeetingsKind      kind;
  gint64              community_id;
  GArray             *community_ids;  /* by community drop-down position */
  guint               n_gaps;
  char               *gaps_text;
  WyTable             selected_table;
  gint64              selected_id;
  guint               n_follow_ups;
  guint               updating;

  WyUndo             *undo;
  WyTable             undo_table;
  gint64              undo_id;
  char               *undo_text;
  guint               undo_timeout;

  GtkWidget          *box;
  GtkWidget          *gaps_label;
  GtkWidget          *undo_revealer;
  GtkWidget          *undo_label;
  GtkWidget          *kind_drop_down;
  GtkWidget          *community_drop_down;
  GtkWidget          *delete_button;
  GtkWidget          *column_view;
  GtkWidget          *status_label;
  GtkWidget          *detail_stack;
  WyRecordForm       *meeting_form;
  WyRecordForm       *inspection_form;  /* NULL until an inspection is shown */
  GtkWidget          *detail_box;
  GtkWidget          *follow_up_heading;
  GtkWidget          *follow_up_list;
  GtkWidget          *make_task_button;
  GtkWidget          *make_problem_button;
};

static void wy_meetings_page_page_iface_init (WyPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WyMeetingsPage, wy_meetings_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WY_TYPE_PAGE, wy_meetings_page_page_iface_init))

static void
get_today (WyMeetingsPage *self,
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

static GtkWindow *
parent_window (WyMeetingsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  WyMeetingsPage *self = user_data;
  WyMeetingItem *meeting = item;

  if (self->kind != WY_MEETINGS_KIND_ALL && meeting->kind != self->kind)
    return FALSE;
  if (self->community_id > 0 && meeting->community_id != self->community_id)
    return FALSE;
  return self->search == NULL || strstr (meeting->search_key, self->search) != NULL;
}

static void
update_status_line (WyMeetingsPage *self)
{
  g_autofree char *text = NULL;
  guint total = wy_meetings_page_get_n_total (self);

  /* TRANSLATORS: the status line of the meetings and inspections list */
  text = g_strdup_printf (ngettext ("%u of %u meeting or inspection", "%u of %u meetings and inspections", total),
                          wy_meetings_page_get_n_shown (self), total);
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
}

static void
refilter (WyMeetingsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_status_line (self);
}

/* --- Cells --------------------------------------------------------------- */

static guint
kind_chars (void)
{
  return MAX (wy_gui_text_chars (_("Inspection")),
              wy_gui_code_labels_chars (wy_schema_field (wy_schema_table (WY_TABLE_MEETING), "kind")));
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  WyMeetingItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), item->text[column]);
  wy_gui_set_cell_tooltip (inscription, column == COLUMN_TITLE ? item->text[column] : NULL);
}

static void
setup_columns (WyMeetingsPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;
      guint nat_chars = i == COLUMN_KIND ? kind_chars () : columns[i].nat_chars;
      GtkListItemFactory *factory = wy_gui_cell_factory_new (columns[i].min_chars, nat_chars);

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
  const WyMeetingItem *ia = *(WyMeetingItem * const *)a;
  const WyMeetingItem *ib = *(WyMeetingItem * const *)b;
  int cmp = g_strcmp0 (ib->text[COLUMN_DATE], ia->text[COLUMN_DATE]);  /* newest first */

  if (cmp != 0)
    return cmp;
  if (ia->table != ib->table)
    return ia->table < ib->table ? -1 : 1;
  return (ib->id > ia->id) - (ib->id < ia->id);
}

static char *
first_line (const char *text)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  end = strchr (text, '\n');
  return end != NULL ? g_strndup (text, end - text) : g_strdup (text);
}

static WyMeetingItem *
create_item (WyRecord   *record,
             GHashTable *community_names)
{
  const WyTableInfo *info = wy_record_get_info (record);
  WyMeetingItem *item = g_object_new (WY_TYPE_MEETING_ITEM, NULL);
  g_autofree char *joined = NULL;
  const char *community;

  item->table = wy_record_get_table (record);
  item->id = wy_record_get_id (record);
  item->community_id = wy_record_get_int (record, "community_id", 0);
  community = g_hash_table_lookup (community_names, &item->community_id);
  item->text[COLUMN_DATE] = g_strdup (wy_record_get (record, "date"));
  item->text[COLUMN_COMMUNITY] = g_strdup (community);

  if (item->table == WY_TABLE_INSPECTION)
    {
      item->kind = WY_MEETINGS_KIND_INSPECTION;
      item->text[COLUMN_KIND] = g_strdup (_("Inspection"));
      item->text[COLUMN_TITLE] = first_line (wy_record_get (record, "findings"));
      joined = g_strjoin (" ", item->text[COLUMN_TITLE],
                          wy_record_get (record, "inspector") != NULL ? wy_record_get (record, "inspector") : "",
                          community != NULL ? community : "", NULL);
    }
  else
    {
      const char *kind = wy_record_get (record, "kind");

      item->kind = g_strcmp0 (kind, WY_MEETING_LEADERSHIP) == 0 ? WY_MEETINGS_KIND_LEADERSHIP :
                   g_strcmp0 (kind, WY_MEETING_JOINT) == 0 ? WY_MEETINGS_KIND_JOINT :
                   WY_MEETINGS_KIND_CONSULTATION;
      item->text[COLUMN_KIND] = g_strdup (wy_schema_code_label (wy_schema_field (info, "kind"), kind));
      item->text[COLUMN_TITLE] = first_line (wy_record_get (record, "title") != NULL ?
                                             wy_record_get (record, "title") : wy_record_get (record, "minutes"));
      joined = g_strjoin (" ", item->text[COLUMN_TITLE],
                          wy_record_get (record, "attendees") != NULL ? wy_record_get (record, "attendees") : "",
                          community != NULL ? community : "", NULL);
    }

  item->search_key = g_utf8_casefold (joined, -1);
  return item;
}

static void
fill_communities (WyMeetingsPage *self,
                  GPtrArray      *communities)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->community_ids, 0);
  gtk_string_list_append (strings, _("All communities"));
  g_array_append_val (self->community_ids, (gint64) { 0 });
  for (guint i = 0; communities != NULL && i < communities->len; i++)
    {
      WyRecord *community = g_ptr_array_index (communities, i);
      gint64 id = wy_record_get_id (community);

      gtk_string_list_append (strings, wy_record_get (community, "name"));
      g_array_append_val (self->community_ids, id);
      if (id == self->community_id)
        selected = self->community_ids->len - 1;
    }

  self->updating++;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->community_drop_down), G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->community_drop_down), selected);
  if (selected == 0)
    self->community_id = 0;
  self->updating--;
}

static void
update_gaps (WyMeetingsPage *self,
             const GDate    *today)
{
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  gaps = wy_store_consultation_gaps (self->store, today, &error);
  if (gaps == NULL)
    g_warning ("Could not check the consultation meetings: %s", error->message);
  self->n_gaps = gaps != NULL ? gaps->len : 0;

  for (guint i = 0; gaps != NULL && i < gaps->len; i++)
    {
      WyConsultationGap *gap = g_ptr_array_index (gaps, i);

      if (i > 0)
        /* TRANSLATORS: separator of a list of names */
        g_string_append (names, _(", "));
      g_string_append (names, gap->community);
    }

  g_free (self->gaps_text);
  if (self->n_gaps == 0)
    self->gaps_text = g_strdup (_("Every community has had a consultation meeting in the last six months"));
  else
    /* TRANSLATORS: %u is a count, %s the names of the communities */
    self->gaps_text = g_strdup_printf (ngettext ("%u community has had no consultation meeting for six months: %s",
                                                 "%u communities have had no consultation meeting for six months: %s",
                                                 self->n_gaps),
                                       self->n_gaps, names->str);
  gtk_label_set_text (GTK_LABEL (self->gaps_label), self->gaps_text);
  gtk_widget_set_tooltip_text (self->gaps_label, self->gaps_text);
  if (self->n_gaps > 0)
    gtk_widget_add_css_class (self->gaps_label, "wy-light-red");
  else
    gtk_widget_remove_css_class (self->gaps_label, "wy-light-red");
}

static void show_record (WyMeetingsPage *self,
                         WyTable         table,
                         gint64          id);
static void select_in_list (WyMeetingsPage *self,
                            WyTable         table,
                            gint64          id);

void
wy_meetings_page_reload (WyMeetingsPage *self)
{
  g_autoptr(GPtrArray) communities = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) community_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const WyTable tables[] = { WY_TABLE_MEETING, WY_TABLE_INSPECTION };
  guint position, n_removed, n_added;
  GDate today;

  g_return_if_fail (WY_IS_MEETINGS_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  get_today (self, &today);

  communities = wy_store_list (self->store, WY_TABLE_COMMUNITY, 0, NULL);
  for (guint i = 0; communities != NULL && i < communities->len; i++)
    {
      WyRecord *community = g_ptr_array_index (communities, i);
      gint64 id = wy_record_get_id (community);

      g_hash_table_insert (community_names, g_memdup2 (&id, sizeof id),
                           (gpointer) wy_record_get (community, "name"));
    }

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = wy_store_list (self->store, tables[t], 0, &error);

      if (rows == NULL)
        g_warning ("Could not list %s: %s", wy_schema_table (tables[t])->name, error->message);
      for (guint i = 0; rows != NULL && i < rows->len; i++)
        g_ptr_array_add (items, create_item (g_ptr_array_index (rows, i), community_names));
    }

  g_ptr_array_sort (items, compare_items);
  /* A reload after one edit redraws that row, not the list (the whole
   * list took about half a second with 11,000 meetings and inspections). */
  wy_list_reuse_unchanged (G_LIST_MODEL (self->items), items,
                           wy_meeting_item_identity_hash, wy_meeting_item_identity_equal,
                           wy_meeting_item_reads_the_same);
  if (wy_list_changed_stretch (G_LIST_MODEL (self->items), items, &position, &n_removed, &n_added))
    g_list_store_splice (self->items, position, n_removed, items->pdata + position, n_added);

  fill_communities (self, communities);
  update_gaps (self, &today);
  refilter (self);

  if (self->selected_id > 0)
    {
      g_autoptr(WyRecord) still = wy_store_get (self->store, self->selected_table, self->selected_id, NULL);

      show_record (self, self->selected_table, still != NULL ? self->selected_id : 0);
      select_in_list (self, self->selected_table, self->selected_id);
    }
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  WyMeetingsPage *self = user_data;

  self->reload_id = 0;
  wy_meetings_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_row_changed_cb (WyStore        *store,
                         int             table,
                         gint64          id,
                         WyMeetingsPage *self)
{
  switch (table)
    {
    case WY_TABLE_MEETING:
    case WY_TABLE_INSPECTION:
    case WY_TABLE_COMMUNITY:
    case WY_TABLE_COMPOUND:
    case WY_TABLE_TASK:
    case WY_TABLE_PROBLEM:
      if (self->reload_id == 0)
        self->reload_id = g_idle_add (reload_idle_cb, self);
      break;
    default:
      break;
    }
}

/* --- Detail -------------------------------------------------------------- */

static void
fill_follow_ups (WyMeetingsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  WyTable table = self->selected_table == WY_TABLE_INSPECTION ? WY_TABLE_PROBLEM : WY_TABLE_TASK;
  const char *link = table == WY_TABLE_PROBLEM ? "inspection_id" : "meeting_id";
  const char *deadline_field = "deadline";
  const WyFieldInfo *status_info = wy_schema_field (wy_schema_table (table), "status");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->follow_up_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->follow_up_list), child);
  self->n_follow_ups = 0;

  /* Tasks and problems name their meeting or inspection: a scan of the
   * table, which holds thousands of rows at most per street office. */
  if (self->selected_id > 0)
    rows = wy_store_list (self->store, table, 0, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      WyRecord *row = g_ptr_array_index (rows, i);
      g_autofree char *line = NULL;
      const char *deadline;
      GtkWidget *label;

      if (wy_record_get_int (row, link, 0) != self->selected_id)
        continue;

      deadline = wy_record_get (row, deadline_field);
      /* TRANSLATORS: a follow-up line: title or problem, deadline, status */
      line = g_strdup_printf (_("%s — due %s — %s"),
                              wy_record_get (row, wy_schema_table (table)->title_field),
                              deadline != NULL ? deadline : _("no deadline"),
                              wy_schema_code_label (status_info, wy_record_get (row, "status")));
      label = gtk_label_new (line);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_list_box_append (GTK_LIST_BOX (self->follow_up_list), label);
      self->n_follow_ups++;
    }

  if (self->n_follow_ups == 0)
    {
      child = gtk_label_new (table == WY_TABLE_PROBLEM ? _("No rectification items from this inspection yet.")
                                                       : _("No tasks from this meeting yet."));
      gtk_widget_add_css_class (child, "dim-label");
      gtk_widget_set_margin_top (child, 6);
      gtk_widget_set_margin_bottom (child, 6);
      gtk_list_box_append (GTK_LIST_BOX (self->follow_up_list), child);
    }
}

/* The inspection form names a compound, and its drop-down holds every
 * compound of the ledger: 50,000 of them take a third of a second to
 * list, so the form is made when an inspection is first shown rather
 * than with the window. */
static WyRecordForm *
ensure_inspection_form (WyMeetingsPage *self)
{
  if (self->inspection_form == NULL)
    {
      self->inspection_form = wy_record_form_new (self->store, WY_TABLE_INSPECTION, inspection_fields);
      gtk_widget_set_visible (GTK_WIDGET (self->inspection_form), FALSE);
      gtk_box_insert_child_after (GTK_BOX (self->detail_box), GTK_WIDGET (self->inspection_form),
                                  GTK_WIDGET (self->meeting_form));
    }
  return self->inspection_form;
}

static void
show_record (WyMeetingsPage *self,
             WyTable         table,
             gint64          id)
{
  gboolean inspection = table == WY_TABLE_INSPECTION;
  WyRecordForm *form = inspection ? ensure_inspection_form (self) : self->meeting_form;

  self->selected_table = table;
  self->selected_id = id;
  gtk_widget_set_sensitive (self->delete_button, id > 0);

  if (id <= 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), "empty");
      return;
    }

  if (wy_record_form_get_record_id (form) != id)
    wy_record_form_set_record_id (form, id);
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_form), !inspection);
  if (self->inspection_form != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->inspection_form), inspection);
  gtk_widget_set_visible (self->make_task_button, !inspection);
  gtk_widget_set_visible (self->make_problem_button, inspection);
  gtk_label_set_text (GTK_LABEL (self->follow_up_heading),
                      inspection ? _("Rectification Items from This Inspection") : _("Tasks Decided at This Meeting"));
  fill_follow_ups (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), "record");
}

static void
select_in_list (WyMeetingsPage *self,
                WyTable         table,
                gint64          id)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WyMeetingItem) item = g_list_model_get_item (model, i);

      if (item->table == table && item->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_selection_changed_cb (GtkSingleSelection *selection,
                         GParamSpec         *pspec,
                         WyMeetingsPage     *self)
{
  WyMeetingItem *item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL && (item->id != self->selected_id || item->table != self->selected_table))
    show_record (self, item->table, item->id);
}

/* --- Filters ------------------------------------------------------------- */

static void
on_kind_selected_cb (GtkDropDown    *drop_down,
                     GParamSpec     *pspec,
                     WyMeetingsPage *self)
{
  guint pos = gtk_drop_down_get_selected (drop_down);

  self->kind = pos <= WY_MEETINGS_KIND_INSPECTION ? (WyMeetingsKind) pos : WY_MEETINGS_KIND_ALL;
  refilter (self);
}

static void
on_community_selected_cb (GtkDropDown    *drop_down,
                          GParamSpec     *pspec,
                          WyMeetingsPage *self)
{
  guint pos = gtk_drop_down_get_selected (drop_down);

  if (self->updating > 0)
    return;
  self->community_id = pos < self->community_ids->len ? g_array_index (self->community_ids, gint64, pos) : 0;
  refilter (self);
}

/* --- New rows ------------------------------------------------------------ */

static void
on_row_added_cb (gint64   id,
                 gpointer user_data)
{
  WyMeetingsPage *self = user_data;
  WyTable table = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "wy-adding-table"));

  wy_meetings_page_reload (self);
  wy_meetings_page_select (self, table, id);
}

static void
on_follow_up_added_cb (gint64   id,
                       gpointer user_data)
{
  fill_follow_ups (WY_MEETINGS_PAGE (user_data));
}

static GtkWindow *
open_new (WyMeetingsPage     *self,
          WyTable             table,
          const char         *title,
          const char * const *fields,
          const char * const *defaults)
{
  GtkWindow *dialog;

  g_object_set_data (G_OBJECT (self), "wy-adding-table", GUINT_TO_POINTER (table));
  dialog = wy_row_dialog_new (GTK_WIDGET (self), self->store, table, title, fields, defaults, NULL,
                              NULL, on_row_added_cb, self);
  gtk_window_present (dialog);
  return dialog;
}

GtkWindow *
wy_meetings_page_new_meeting (WyMeetingsPage *self)
{
  g_autofree char *today_iso = NULL;
  g_autofree char *community = NULL;
  GDate today;

  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), NULL);

  get_today (self, &today);
  today_iso = wy_date_to_iso (&today);
  community = self->community_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, self->community_id) : NULL;
  {
    const char *defaults[] = { "kind", WY_MEETING_CONSULTATION, "date", today_iso,
                               community != NULL ? "community_id" : NULL, community, NULL };

    return open_new (self, WY_TABLE_MEETING, _("New Meeting"), meeting_fields, defaults);
  }
}

GtkWindow *
wy_meetings_page_new_inspection (WyMeetingsPage *self)
{
  g_autofree char *today_iso = NULL;
  g_autofree char *community = NULL;
  GDate today;

  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), NULL);

  get_today (self, &today);
  today_iso = wy_date_to_iso (&today);
  community = self->community_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, self->community_id) : NULL;
  {
    const char *defaults[] = { "date", today_iso,
                               community != NULL ? "community_id" : NULL, community, NULL };

    return open_new (self, WY_TABLE_INSPECTION, _("New Inspection"), inspection_fields, defaults);
  }
}

GtkWindow *
wy_meetings_page_make_task (WyMeetingsPage *self)
{
  g_autofree char *meeting = NULL;
  GtkWindow *dialog;

  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), NULL);
  g_return_val_if_fail (self->selected_table == WY_TABLE_MEETING && self->selected_id > 0, NULL);

  meeting = g_strdup_printf ("%" G_GINT64_FORMAT, self->selected_id);
  {
    const char *fixed[] = { "meeting_id", meeting, "from_plan", "0",
                            "status", WY_TASK_NOT_STARTED, "progress", "0", NULL };

    dialog = wy_row_dialog_new (GTK_WIDGET (self), self->store, WY_TABLE_TASK,
                                _("Make a Task from a Decision"), task_fields, NULL, fixed,
                                NULL, on_follow_up_added_cb, self);
  }
  gtk_window_present (dialog);
  return dialog;
}

GtkWindow *
wy_meetings_page_make_problem (WyMeetingsPage *self)
{
  g_autoptr(WyRecord) inspection = NULL;
  g_autofree char *inspection_id = NULL;
  GtkWindow *dialog;

  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), NULL);
  g_return_val_if_fail (self->selected_table == WY_TABLE_INSPECTION && self->selected_id > 0, NULL);

  inspection = wy_store_get (self->store, WY_TABLE_INSPECTION, self->selected_id, NULL);
  g_return_val_if_fail (inspection != NULL, NULL);
  inspection_id = g_strdup_printf ("%" G_GINT64_FORMAT, self->selected_id);
  {
    /* 限期整改: raised on the day of the inspection that found it. */
    const char *fixed[] = { "inspection_id", inspection_id, "status", WY_PROBLEM_PENDING,
                            "raised_date", wy_record_get (inspection, "date"), NULL };
    const char *defaults[] = { "category", "other",
                               wy_record_get (inspection, "compound_id") != NULL ? "compound_id" : NULL,
                               wy_record_get (inspection, "compound_id"), NULL };

    dialog = wy_row_dialog_new (GTK_WIDGET (self), self->store, WY_TABLE_PROBLEM,
                                _("Make a Rectification Item from a Finding"), problem_fields, defaults, fixed,
                                NULL, on_follow_up_added_cb, self);
  }
  gtk_window_present (dialog);
  return dialog;
}

static void
on_new_meeting_clicked_cb (GtkButton      *button,
                           WyMeetingsPage *self)
{
  wy_meetings_page_new_meeting (self);
}

static void
on_new_inspection_clicked_cb (GtkButton      *button,
                              WyMeetingsPage *self)
{
  wy_meetings_page_new_inspection (self);
}

static void
on_make_task_clicked_cb (GtkButton      *button,
                         WyMeetingsPage *self)
{
  wy_meetings_page_make_task (self);
}

static void
on_make_problem_clicked_cb (GtkButton      *button,
                            WyMeetingsPage *self)
{
  wy_meetings_page_make_problem (self);
}

/* --- Delete and undo ----------------------------------------------------- */

static void
hide_undo (WyMeetingsPage *self)
{
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  g_clear_pointer (&self->undo, wy_undo_free);
  g_clear_pointer (&self->undo_text, g_free);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->undo_revealer), FALSE);
}

static gboolean
on_undo_timeout_cb (gpointer user_data)
{
  WyMeetingsPage *self = user_data;

  self->undo_timeout = 0;
  hide_undo (self);
  return G_SOURCE_REMOVE;
}

static void
do_delete_cb (gpointer user_data)
{
  WyMeetingsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) record = NULL;
  WyUndo *undo = NULL;
  WyTable table = self->selected_table;
  gint64 id = self->selected_id;

  if (id <= 0)
    return;

  record = wy_store_get (self->store, table, id, NULL);
  if (!wy_store_delete_with_undo (self->store, table, id, &undo, &error))
    {
      wy_gui_show_error (parent_window (self), _("Could not delete"), error);
      return;
    }

  hide_undo (self);
  self->undo = undo;
  self->undo_table = table;
  self->undo_id = id;
  {
    g_autofree char *title = record != NULL ? first_line (wy_record_get (record, table == WY_TABLE_INSPECTION ? "findings" : "title")) : NULL;

    self->undo_text = g_strdup_printf (_("Deleted “%s”"), title != NULL ? title : "");
  }
  gtk_label_set_text (GTK_LABEL (self->undo_label), self->undo_text);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->undo_revealer), TRUE);
  self->undo_timeout = g_timeout_add_seconds (UNDO_NOTICE_SECONDS, on_undo_timeout_cb, self);

  show_record (self, table, 0);
  wy_meetings_page_reload (self);
}

GtkWindow *
wy_meetings_page_delete_selected (WyMeetingsPage *self)
{
  g_autofree char *question = NULL;

  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), NULL);

  if (self->selected_id <= 0)
    return NULL;

  question = g_strdup (self->selected_table == WY_TABLE_INSPECTION ?
                       _("Delete this inspection? Its rectification items are kept.") :
                       _("Delete this meeting? Its tasks are kept."));
  return wy_confirm_delete (GTK_WIDGET (self), question, do_delete_cb, self);
}

static void
on_delete_clicked_cb (GtkButton      *button,
                      WyMeetingsPage *self)
{
  wy_meetings_page_delete_selected (self);
}

gboolean
wy_meetings_page_undo (WyMeetingsPage  *self,
                       GError         **error)
{
  WyTable table;
  gint64 id;

  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), FALSE);

  if (self->undo == NULL)
    return TRUE;
  if (!wy_store_undo (self->store, self->undo, error))
    return FALSE;

  table = self->undo_table;
  id = self->undo_id;
  hide_undo (self);
  wy_meetings_page_reload (self);
  wy_meetings_page_select (self, table, id);
  return TRUE;
}

static void
on_undo_clicked_cb (GtkButton      *button,
                    WyMeetingsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!wy_meetings_page_undo (self, &error))
    wy_gui_show_error (parent_window (self), _("Could not undo the delete"), error);
}

/* --- The widget ---------------------------------------------------------- */

static void
on_map_cb (GtkWidget      *widget,
           WyMeetingsPage *self)
{
  wy_meetings_page_reload (self);
}

/* WyPage ------------------------------------------------------------- */

static void
wy_meetings_page_page_iface_init (WyPageInterface *iface)
{
  iface->name = "meetings";
  iface->title = N_("Meetings");
  iface->icon_name = "user-available-symbolic";
  iface->reload = (void (*) (WyPage *)) wy_meetings_page_reload;
  iface->search_placeholder = N_("Search meetings");
  iface->search_delay_ms = 150;
  iface->set_search_text = (void (*) (WyPage *, const char *)) wy_meetings_page_set_search_text;
}

static void
wy_meetings_page_dispose (GObject *object)
{
  WyMeetingsPage *self = (WyMeetingsPage *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_pointer (&self->undo, wy_undo_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_meetings_page_parent_class)->dispose (object);
}

static void
wy_meetings_page_finalize (GObject *object)
{
  WyMeetingsPage *self = (WyMeetingsPage *)object;

  g_free (self->search);
  g_free (self->gaps_text);
  g_free (self->undo_text);
  g_clear_pointer (&self->community_ids, g_array_unref);

  G_OBJECT_CLASS (wy_meetings_page_parent_class)->finalize (object);
}

static void
wy_meetings_page_class_init (WyMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_meetings_page_dispose;
  object_class->finalize = wy_meetings_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-meetings-page");
}

static void
wy_meetings_page_init (WyMeetingsPage *self)
{
  g_date_clear (&self->today, 1);
  self->items = g_list_store_new (WY_TYPE_MEETING_ITEM);
  self->community_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->selected_table = WY_TABLE_MEETING;
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
}

static GtkWidget *
labelled_drop_down (GtkWidget  *drop_down,
                    const char *name)
{
  gtk_widget_set_tooltip_text (drop_down, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return drop_down;
}

WyMeetingsPage *
wy_meetings_page_new (WyStore *store)
{
  WyMeetingsPage *self;
  GtkWidget *toolbar;
  GtkWidget *button;
  GtkWidget *paned;
  GtkWidget *detail;
  GtkWidget *spacer;
  const WyFieldInfo *kind_info = wy_schema_field (wy_schema_table (WY_TABLE_MEETING), "kind");
  const char *kinds[6];

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_MEETINGS_PAGE, NULL);
  self->store = g_object_ref (store);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->gaps_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->gaps_label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->gaps_label), TRUE);
  gtk_label_set_lines (GTK_LABEL (self->gaps_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (self->gaps_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (self->gaps_label, 6);
  gtk_widget_set_margin_start (self->gaps_label, 6);
  gtk_widget_set_margin_end (self->gaps_label, 6);
  gtk_box_append (GTK_BOX (self->box), self->gaps_label);

  self->undo_revealer = wy_gui_undo_notice_new (&self->undo_label,
                                                G_CALLBACK (on_undo_clicked_cb), self);
  gtk_label_set_ellipsize (GTK_LABEL (self->undo_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (self->box), self->undo_revealer);

  /* Toolbar: filters, then the buttons */
  toolbar = wy_gui_toolbar_new ();

  kinds[WY_MEETINGS_KIND_ALL] = _("All kinds");
  kinds[WY_MEETINGS_KIND_LEADERSHIP] = wy_schema_code_label (kind_info, WY_MEETING_LEADERSHIP);
  kinds[WY_MEETINGS_KIND_JOINT] = wy_schema_code_label (kind_info, WY_MEETING_JOINT);
  kinds[WY_MEETINGS_KIND_CONSULTATION] = wy_schema_code_label (kind_info, WY_MEETING_CONSULTATION);
  kinds[WY_MEETINGS_KIND_INSPECTION] = _("Inspection");
  kinds[5] = NULL;
  self->kind_drop_down = labelled_drop_down (gtk_drop_down_new_from_strings (kinds), _("Kind"));
  g_signal_connect (self->kind_drop_down, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  gtk_box_append (GTK_BOX (toolbar), self->kind_drop_down);

  self->community_drop_down = labelled_drop_down (gtk_drop_down_new (NULL, NULL), _("Community"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->community_drop_down), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->community_drop_down),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  g_signal_connect (self->community_drop_down, "notify::selected", G_CALLBACK (on_community_selected_cb), self);
  gtk_box_append (GTK_BOX (toolbar), self->community_drop_down);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);

  button = gtk_button_new_with_mnemonic (_("New _Meeting…"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_new_meeting_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), button);
  button = gtk_button_new_with_mnemonic (_("New _Inspection…"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_new_inspection_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), button);
  self->delete_button = gtk_button_new_with_mnemonic (_("_Delete…"));
  gtk_widget_set_sensitive (self->delete_button, FALSE);
  g_signal_connect (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), self->delete_button);
  gtk_box_append (GTK_BOX (self->box), toolbar);

  paned = wy_gui_list_detail_paned_new ();
  gtk_box_append (GTK_BOX (self->box), paned);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->selection = wy_gui_filtered_selection_new (G_LIST_MODEL (self->items),
                                                   GTK_FILTER (self->filter), &self->filtered);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb), self);
  self->column_view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meetings and inspections"), -1);
  setup_columns (self);
  gtk_paned_set_start_child (GTK_PANED (paned),
                             wy_gui_list_pane_new (self->column_view, &self->status_label));

  self->detail_stack = wy_gui_detail_stack_new (_("Select a meeting or inspection to see it and follow it up."));
  detail = wy_gui_detail_box_new ();
  self->meeting_form = wy_record_form_new (store, WY_TABLE_MEETING, meeting_fields);
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->meeting_form));
  self->detail_box = detail;
  self->follow_up_heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->follow_up_heading), 0.0f);
  gtk_widget_add_css_class (self->follow_up_heading, "heading");
  gtk_box_append (GTK_BOX (detail), self->follow_up_heading);
  self->follow_up_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->follow_up_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->follow_up_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_up_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Follow-ups"), -1);
  gtk_box_append (GTK_BOX (detail), self->follow_up_list);
  self->make_task_button = gtk_button_new_with_mnemonic (_("Make a _Task from a Decision…"));
  gtk_widget_set_halign (self->make_task_button, GTK_ALIGN_START);
  g_signal_connect (self->make_task_button, "clicked", G_CALLBACK (on_make_task_clicked_cb), self);
  gtk_box_append (GTK_BOX (detail), self->make_task_button);
  self->make_problem_button = gtk_button_new_with_mnemonic (_("Make a _Rectification Item from a Finding…"));
  gtk_widget_set_halign (self->make_problem_button, GTK_ALIGN_START);
  g_signal_connect (self->make_problem_button, "clicked", G_CALLBACK (on_make_problem_clicked_cb), self);
  gtk_box_append (GTK_BOX (detail), self->make_problem_button);

  wy_gui_detail_stack_add (self->detail_stack, detail, "record");
  gtk_paned_set_end_child (GTK_PANED (paned), self->detail_stack);

  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);
  /* Read when first shown (on "map"): the window builds every page at
   * start-up, and the first frame must not wait for pages nobody opened. */
  return self;
}

void
wy_meetings_page_set_search_text (WyMeetingsPage *self,
                                  const char     *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_if_fail (WY_IS_MEETINGS_PAGE (self));

  g_clear_pointer (&self->search, g_free);
  if (stripped[0] != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  refilter (self);
}

void
wy_meetings_page_set_today (WyMeetingsPage *self,
                            const GDate    *today)
{
  g_return_if_fail (WY_IS_MEETINGS_PAGE (self));

  self->today_fixed = today != NULL && g_date_valid (today);
  if (self->today_fixed)
    self->today = *today;
  wy_meetings_page_reload (self);
}

guint
wy_meetings_page_get_n_total (WyMeetingsPage *self)
{
  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

guint
wy_meetings_page_get_n_shown (WyMeetingsPage *self)
{
  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

void
wy_meetings_page_set_kind_filter (WyMeetingsPage *self,
                                  WyMeetingsKind  kind)
{
  g_return_if_fail (WY_IS_MEETINGS_PAGE (self));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind_drop_down), kind);
}

void
wy_meetings_page_set_community_filter (WyMeetingsPage *self,
                                       gint64          community_id)
{
  guint pos = 0;

  g_return_if_fail (WY_IS_MEETINGS_PAGE (self));

  for (guint i = 1; community_id > 0 && i < self->community_ids->len; i++)
    if (g_array_index (self->community_ids, gint64, i) == community_id)
      pos = i;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->community_drop_down), pos);
}

guint
wy_meetings_page_get_n_consultation_gaps (WyMeetingsPage *self)
{
  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), 0);
  return self->n_gaps;
}

const char *
wy_meetings_page_get_gaps_text (WyMeetingsPage *self)
{
  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), NULL);
  return self->gaps_text;
}

void
wy_meetings_page_select (WyMeetingsPage *self,
                         WyTable         table,
                         gint64          id)
{
  g_return_if_fail (WY_IS_MEETINGS_PAGE (self));
  g_return_if_fail (table == WY_TABLE_MEETING || table == WY_TABLE_INSPECTION);

  show_record (self, table, id);
  select_in_list (self, table, id);
}

WyTable
wy_meetings_page_get_selected_table (WyMeetingsPage *self)
{
  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), WY_TABLE_MEETING);
  return self->selected_table;
}

gint64
wy_meetings_page_get_selected_id (WyMeetingsPage *self)
{
  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), 0);
  return self->selected_id;
}

WyRecordForm *
wy_meetings_page_get_form (WyMeetingsPage *self)
{
  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), NULL);
  return self->selected_table == WY_TABLE_INSPECTION ? ensure_inspection_form (self) : self->meeting_form;
}

guint
wy_meetings_page_get_n_follow_ups (WyMeetingsPage *self)
{
  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), 0);
  return self->n_follow_ups;
}

const char *
wy_meetings_page_get_undo_text (WyMeetingsPage *self)
{
  g_return_val_if_fail (WY_IS_MEETINGS_PAGE (self), NULL);
  return self->undo != NULL ? self->undo_text : NULL;
}
