/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-due-page"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-array-model.h"
#include "wy-background-read.h"
#include "wy-due-page.h"
#include "wy-page.h"
#include "wy-gui.h"

struct _WyDuePage
{
  GtkWidget      parent_instance;

  WyStore       *store;
  gulong         row_changed_id;
  gboolean       loaded;
  gboolean       dirty;         /* edited while not shown */
  guint          reload_id;
  gboolean       timing;        /* WUYOU_TIMING */
  GDate          today;
  gboolean       today_fixed;
  WyDueGrouping  grouping;
  int            light_chars;   /* the cells' widths, worked out once */
  int            kind_chars;

  GPtrArray     *items;         /* of WyDueItem; the rows point into it */
  WyArrayModel  *rows;          /* of WyDueRow: group headers and items */
  guint          counts[WY_DUE_N_BUCKETS];

  /* Loading in a thread */
  GCancellable  *load_cancellable;  /* while a load runs */
  gboolean       reload_again;      /* edited while it runs */
  gint64         load_started;

  /* Widgets */
  GtkWidget     *box;
  GtkWidget     *figures[WY_DUE_N_BUCKETS];
  GtkWidget     *by_unit_button;
  GtkWidget     *by_community_button;
  GtkWidget     *no_deadline_label;
  GtkWidget     *stack;
  GtkWidget     *spinner;
  GtkWidget     *list_view;
};

enum {
  SIGNAL_OPEN_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void wy_due_page_page_iface_init (WyPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WyDuePage, wy_due_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WY_TYPE_PAGE, wy_due_page_page_iface_init))

static void start_loading (WyDuePage *self);

static const char *
bucket_label (WyDueBucket bucket)
{
  switch (bucket)
    {
    case WY_DUE_OVERDUE:   return _("Overdue");
    case WY_DUE_TODAY:     return _("Due today");
    case WY_DUE_THIS_WEEK: return _("Due this week");
    default:               g_return_val_if_reached ("");
    }
}

static void
get_today (WyDuePage *self,
           GDate     *out)
{
  if (self->today_fixed)
    *out = self->today;
  else
    wy_clock_get_today (out);
}

/* --- Rows ---------------------------------------------------------------- */

/* One line of the list: a group's header or an item. A GtkListView draws
 * only the lines on screen, so tens of thousands of due items on a
 * 50,000-compound ledger cost nothing to show. */
struct _WyDueRow
{
  GObject     parent_instance;
  WyDueRowKind kind;
  char       *text;     /* the header's */
  WyDueItem  *item;     /* borrowed from the page's array */
};

G_DECLARE_FINAL_TYPE (WyDueRow, wy_due_row, WY, DUE_ROW, GObject)
G_DEFINE_FINAL_TYPE (WyDueRow, wy_due_row, G_TYPE_OBJECT)

static void
wy_due_row_finalize (GObject *object)
{
  g_free (WY_DUE_ROW (object)->text);
  G_OBJECT_CLASS (wy_due_row_parent_class)->finalize (object);
}

static void
wy_due_row_class_init (WyDueRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wy_due_row_finalize;
}

static void
wy_due_row_init (WyDueRow *self)
{
}

WyDueRowKind
wy_due_page_row_get_kind (gpointer row)
{
  g_return_val_if_fail (WY_IS_DUE_ROW (row), WY_DUE_ROW_GROUP);
  return WY_DUE_ROW (row)->kind;
}

const char *
wy_due_page_row_get_text (gpointer row)
{
  g_return_val_if_fail (WY_IS_DUE_ROW (row), NULL);
  return WY_DUE_ROW (row)->text;
}

const WyDueItem *
wy_due_page_row_get_item (gpointer row)
{
  g_return_val_if_fail (WY_IS_DUE_ROW (row), NULL);
  return WY_DUE_ROW (row)->item;
}

enum {
  CELL_HEADER,
  CELL_LIGHT,
  CELL_KIND,
  CELL_TITLE,
  CELL_DEADLINE,
  CELL_RESPONSIBLE,
  CELL_PLACE,
  N_CELLS
};

/* A cell at least min_chars wide (a Han glyph counts two), as wide as
 * nat_chars when the row has room, ellipsized below that. */
static GtkWidget *
cell_label (GtkWidget *row_box,
            int        min_chars,
            int        nat_chars,
            gboolean   expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (nat_chars > 0)
    {
      gtk_label_set_width_chars (GTK_LABEL (label), min_chars);
      gtk_label_set_max_width_chars (GTK_LABEL (label), nat_chars);
    }
  gtk_widget_set_hexpand (label, expand);
  gtk_box_append (GTK_BOX (row_box), label);
  return label;
}

/* As wide as the widest kind's name, in either language. */
static guint
kind_column_chars (void)
{
  guint widest = 0;

  for (WyDueKind kind = 0; kind < WY_DUE_N_KINDS; kind++)
    widest = MAX (widest, wy_gui_text_chars (wy_due_kind_to_label (kind)));
  return widest;
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     WyDuePage                *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget **cells = g_new0 (GtkWidget *, N_CELLS);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  cells[CELL_HEADER] = cell_label (box, 0, 0, TRUE);
  gtk_widget_add_css_class (cells[CELL_HEADER], "heading");
  /* Every cell but the title has one width, so the columns line up from
   * row to row; the title takes what is left. */
  cells[CELL_LIGHT] = cell_label (box, self->light_chars, self->light_chars, FALSE);
  gtk_widget_set_margin_start (cells[CELL_LIGHT], 12);
  cells[CELL_KIND] = cell_label (box, self->kind_chars, self->kind_chars, FALSE);
  cells[CELL_TITLE] = cell_label (box, 12, 24, TRUE);
  cells[CELL_DEADLINE] = cell_label (box, 10, 10, FALSE);
  cells[CELL_RESPONSIBLE] = cell_label (box, 18, 18, FALSE);
  cells[CELL_PLACE] = cell_label (box, 24, 24, FALSE);

  g_object_set_data_full (G_OBJECT (box), "wy-cells", cells, g_free);
  gtk_list_item_set_child (list_item, box);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    WyDuePage                *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget **cells = g_object_get_data (G_OBJECT (box), "wy-cells");
  WyDueRow *row = gtk_list_item_get_item (list_item);
  WyDueItem *item = row->item;
  gboolean header = row->kind == WY_DUE_ROW_GROUP;
  g_autofree char *place = NULL;
  g_autofree char *accessible = NULL;
  const char *kind;

  gtk_list_item_set_activatable (list_item, !header);
  gtk_widget_set_visible (cells[CELL_HEADER], header);
  for (guint c = CELL_LIGHT; c < N_CELLS; c++)
    gtk_widget_set_visible (cells[c], !header);
  gtk_widget_set_margin_top (box, header ? 12 : 4);

  if (header)
    {
      gtk_label_set_text (GTK_LABEL (cells[CELL_HEADER]), row->text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, row->text,
                                      -1);
      return;
    }

  kind = wy_due_kind_to_label (item->kind);
  if (item->compound[0] != '\0' && item->community[0] != '\0')
    place = g_strdup_printf ("%s · %s", item->community, item->compound);
  else
    place = g_strdup (item->community[0] != '\0' ? item->community : item->compound);

  wy_gui_show_light (cells[CELL_LIGHT], item->light, FALSE);
  gtk_label_set_text (GTK_LABEL (cells[CELL_KIND]), kind);
  gtk_label_set_text (GTK_LABEL (cells[CELL_TITLE]), item->title);
  wy_gui_set_cell_tooltip (cells[CELL_TITLE], item->title);
  gtk_label_set_text (GTK_LABEL (cells[CELL_DEADLINE]), item->deadline);
  gtk_label_set_text (GTK_LABEL (cells[CELL_RESPONSIBLE]), item->responsible);
  wy_gui_set_cell_tooltip (cells[CELL_RESPONSIBLE], item->responsible);
  gtk_label_set_text (GTK_LABEL (cells[CELL_PLACE]), place);
  wy_gui_set_cell_tooltip (cells[CELL_PLACE], place);

  /* One sentence for a screen reader instead of six cells. */
  accessible = g_strdup_printf (_("%s: %s “%s”, due %s, %s, %s"),
                                wy_light_to_label (item->light), kind, item->title,
                                item->deadline, item->responsible, place);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static WyDueRow *
group_row_new (WyDueGroup    *group,
               WyDueGrouping  grouping)
{
  WyDueRow *row = g_object_new (wy_due_row_get_type (), NULL);
  const char *name = group->name;

  if (name[0] == '\0')
    name = grouping == WY_DUE_BY_COMMUNITY ? _("No community") : _("No responsible unit");

  row->kind = WY_DUE_ROW_GROUP;
  /* Translators: a group of the Due list: its name, how many items, then
   * how many are overdue, due today and due this week. */
  row->text = g_strdup_printf (_("%s (%u): %u overdue, %u due today, %u due this week"),
                               name, group->total, group->counts[WY_DUE_OVERDUE],
                               group->counts[WY_DUE_TODAY], group->counts[WY_DUE_THIS_WEEK]);
  return row;
}

/* The lines of the list for items, grouped: in the loading thread or on
 * the main thread. The rows point into items. */
static GPtrArray *
build_rows (GPtrArray     *items,
            WyDueGrouping  grouping)
{
  g_autoptr(GPtrArray) groups = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  groups = wy_due_group_items (items, grouping);
  for (guint g = 0; g < groups->len; g++)
    {
      WyDueGroup *group = g_ptr_array_index (groups, g);

      g_ptr_array_add (rows, group_row_new (group, grouping));
      for (guint i = 0; i < group->items->len; i++)
        {
          WyDueRow *row = g_object_new (wy_due_row_get_type (), NULL);

          row->kind = WY_DUE_ROW_ITEM;
          row->item = g_ptr_array_index (group->items, i);
          g_ptr_array_add (rows, row);
        }
    }

  return rows;
}

static void
set_rows (WyDuePage *self,
          GPtrArray *rows)
{
  wy_array_model_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                         rows != NULL ? rows->pdata : NULL, rows != NULL ? rows->len : 0);
}

static void
fill_list (WyDuePage *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (self->items != NULL)
    rows = build_rows (self->items, self->grouping);
  set_rows (self, rows);
}

/* --- Figures ------------------------------------------------------------- */

static void
update_figures (WyDuePage *self)
{
  for (guint b = 0; b < WY_DUE_N_BUCKETS; b++)
    {
      g_autofree char *number = g_strdup_printf ("%u", self->counts[b]);
      g_autofree char *accessible = g_strdup_printf ("%s: %u", bucket_label (b), self->counts[b]);

      gtk_label_set_text (GTK_LABEL (self->figures[b]), number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (self->figures[b])),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
}

/* --- Reading ------------------------------------------------------------- */

typedef struct {
  char          *path;
  GDate          today;
  guint          warning_days;
  WyDueGrouping  grouping;
} LoadRequest;

/* What a read gives the page: the items, and the lines of the list for
 * the grouping asked for (they point into the items). */
typedef struct {
  GPtrArray     *items;
  GPtrArray     *rows;
  WyDueGrouping  grouping;
  guint          no_deadline;   /* open problems without a deadline */
  double         read_ms;
  double         build_ms;
} LoadResult;

static void
load_request_free (gpointer data)
{
  LoadRequest *request = data;

  g_free (request->path);
  g_free (request);
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  /* The rows first: they point into the items. */
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_free (result);
}

static LoadResult *
read_due (WyStore        *store,
          const GDate    *today,
          guint           warning_days,
          WyDueGrouping   grouping,
          GError        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  LoadResult *result;
  gint64 start = g_get_monotonic_time ();
  gint64 read_at;

  items = wy_store_list_due (store, today, warning_days, WY_DUE_DEFAULT_HORIZON_DAYS, error);
  if (items == NULL)
    return NULL;
  read_at = g_get_monotonic_time ();

  result = g_new0 (LoadResult, 1);
  result->grouping = grouping;
  if (!wy_store_count_without_deadline (store, &result->no_deadline, error))
    {
      g_free (result);
      return NULL;
    }
  result->rows = build_rows (items, grouping);
  result->items = g_steal_pointer (&items);
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

  return read_due (reader, &request->today, request->warning_days, request->grouping, error);
}

/* --- Loading ------------------------------------------------------------- */

static void
show_loading (WyDuePage *self,
              gboolean   loading)
{
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
  if (loading)
    {
      /* No "0 overdue" while the count is not known yet. */
      for (guint b = 0; b < WY_DUE_N_BUCKETS; b++)
        gtk_label_set_text (GTK_LABEL (self->figures[b]), "–");
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
    }
}

/* The items of a finished read replace the page's, in one splice. */
static void
take_result (WyDuePage  *self,
             LoadResult *result)
{
  self->loaded = TRUE;

  /* The rows point into the old array: drop them first. */
  set_rows (self, NULL);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&result->items);
  wy_due_count_buckets (self->items, self->counts);

  update_figures (self);
  /* Never due, so never listed: said apart (issue 12). */
  if (result->no_deadline > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u open rectification item has no deadline and is not listed here",
                                                         "%u open rectification items have no deadline and are not listed here",
                                                         result->no_deadline),
                                               result->no_deadline);

      gtk_label_set_text (GTK_LABEL (self->no_deadline_label), text);
    }
  gtk_widget_set_visible (self->no_deadline_label, result->no_deadline > 0);
  /* The grouping switched while the items were read. */
  if (result->grouping == self->grouping)
    set_rows (self, result->rows);
  else
    fill_list (self);
  g_clear_pointer (&result->rows, g_ptr_array_unref);

  show_loading (self, FALSE);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->items->len > 0 ? "list" : "empty");
}

static void
cancel_loading (WyDuePage *self)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->reload_again = FALSE;
  g_clear_handle_id (&self->reload_id, g_source_remove);
}

static void
on_load_done_cb (gpointer      owner,
                 gpointer      data,
                 const GError *error)
{
  WyDuePage *self = owner;
  LoadResult *result = data;
  gint64 start = g_get_monotonic_time ();

  g_clear_object (&self->load_cancellable);

  if (result == NULL)
    {
      /* A second connection could not be had: read on the page's own,
       * as before there was a thread. */
      g_debug ("Reading the due items in a thread failed (%s); reading them now", error->message);
      wy_due_page_reload (self);
      return;
    }

  take_result (self, result);
  if (self->timing)
    g_printerr ("wuyou-timing: due: read %.1f ms, grouped into rows %.1f ms (off the main thread); "
                "into the list %.1f ms; %.1f ms since the load began\n",
                result->read_ms, result->build_ms,
                (g_get_monotonic_time () - start) / 1000.0,
                (g_get_monotonic_time () - self->load_started) / 1000.0);
  load_result_free (result);

  /* Edits made while the items were read: the thread may have read them
   * before or after, so read again. */
  if (self->reload_again)
    {
      self->reload_again = FALSE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        start_loading (self);
      else
        self->dirty = TRUE;
    }
}

static void
start_loading (WyDuePage *self)
{
  LoadRequest *request;

  cancel_loading (self);
  self->dirty = FALSE;
  self->load_started = g_get_monotonic_time ();

  request = g_new0 (LoadRequest, 1);
  request->path = g_strdup (wy_store_get_path (self->store));
  get_today (self, &request->today);
  request->warning_days = wy_store_get_warning_days (self->store);
  request->grouping = self->grouping;
  self->load_cancellable = wy_background_read (request->path, read_in_thread,
                                               request, load_request_free, load_result_free,
                                               self, on_load_done_cb);

  /* A reload keeps the list it has until the new items are in. */
  if (!self->loaded)
    show_loading (self, TRUE);
}

void
wy_due_page_reload (WyDuePage *self)
{
  g_autoptr(GError) error = NULL;
  LoadResult *result;
  GDate today;

  g_return_if_fail (WY_IS_DUE_PAGE (self));

  /* Now, on the page's connection: a read running in a thread is older. */
  cancel_loading (self);
  self->dirty = FALSE;

  get_today (self, &today);
  result = read_due (self->store, &today, wy_store_get_warning_days (self->store),
                     self->grouping, &error);
  if (result == NULL)
    {
      g_warning ("Could not list the due items: %s", error->message);
      result = g_new0 (LoadResult, 1);
      result->grouping = self->grouping;
      result->items = g_ptr_array_new_with_free_func ((GDestroyNotify) wy_due_item_free);
      result->rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  take_result (self, result);
  load_result_free (result);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  WyDuePage *self = user_data;

  self->reload_id = 0;
  start_loading (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_row_changed_cb (WyStore   *store,
                         int        table,
                         gint64     id,
                         WyDuePage *self)
{
  switch (table)
    {
    case WY_TABLE_PROBLEM:
    case WY_TABLE_TASK:
    case WY_TABLE_MILESTONE:
    case WY_TABLE_PHASE:
    case WY_TABLE_ASSISTANCE_UNIT:
    case WY_TABLE_COMPOUND:
    case WY_TABLE_COMMUNITY:
      /* Read again once the items being read are in: the thread may
       * have read before the edit or after. */
      if (self->load_cancellable != NULL)
        self->reload_again = TRUE;
      else if (!self->loaded)
        break;
      else if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        self->dirty = TRUE;
      else if (self->reload_id == 0)
        self->reload_id = g_idle_add (reload_idle_cb, self);
      break;

    default:
      break;
    }
}

static void
on_map_cb (GtkWidget *widget,
           WyDuePage *self)
{
  /* Read when seen, and again when the ledger changed meanwhile; in a
   * thread, so the window draws meanwhile (tens of thousands of items on
   * a big ledger). */
  if ((!self->loaded || self->dirty) && self->load_cancellable == NULL)
    start_loading (self);
}

static void
on_list_view_activate_cb (GtkListView *list_view,
                          guint        position,
                          WyDuePage   *self)
{
  g_autoptr(WyDueRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (row != NULL && row->item != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_ITEM], 0, (int) row->item->kind, row->item->id);
}

static void
on_grouping_toggled_cb (GtkToggleButton *button,
                        WyDuePage       *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  wy_due_page_set_grouping (self, GTK_WIDGET (button) == self->by_community_button
                                  ? WY_DUE_BY_COMMUNITY : WY_DUE_BY_UNIT);
}

/* --- The widget ---------------------------------------------------------- */

/* WyPage ------------------------------------------------------------- */

static void
wy_due_page_page_iface_init (WyPageInterface *iface)
{
  iface->name = "due";
  iface->title = N_("Due Items");
  iface->icon_name = "alarm-symbolic";
  iface->reload = (void (*) (WyPage *)) wy_due_page_reload;
}

static void
wy_due_page_dispose (GObject *object)
{
  WyDuePage *self = (WyDuePage *)object;

  /* A load still running stops at its next step; its result is dropped. */
  cancel_loading (self);
  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_due_page_parent_class)->dispose (object);
}

static void
wy_due_page_finalize (GObject *object)
{
  WyDuePage *self = (WyDuePage *)object;

  g_clear_object (&self->rows);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (wy_due_page_parent_class)->finalize (object);
}

static void
wy_due_page_class_init (WyDuePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_due_page_dispose;
  object_class->finalize = wy_due_page_finalize;

  signals[SIGNAL_OPEN_ITEM] =
    g_signal_new ("open-item",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "wy-due-page");
}

static void
wy_due_page_init (WyDuePage *self)
{
  g_date_clear (&self->today, 1);
  self->timing = g_getenv ("WUYOU_TIMING") != NULL;
  self->grouping = WY_DUE_BY_UNIT;
  self->rows = wy_array_model_new (wy_due_row_get_type ());

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
}

static GtkWidget *
create_figure (WyDuePage   *self,
               WyDueBucket  bucket)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new ("0");
  GtkWidget *caption = gtk_label_new (bucket_label (bucket));

  gtk_widget_add_css_class (number, "title-1");
  if (bucket == WY_DUE_OVERDUE)
    gtk_widget_add_css_class (number, "wy-light-red");
  else if (bucket == WY_DUE_TODAY)
    gtk_widget_add_css_class (number, "wy-light-yellow");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bucket_label (bucket),
                                  -1);
  self->figures[bucket] = number;
  return box;
}

WyDuePage *
wy_due_page_new (WyStore *store)
{
  WyDuePage *self;
  GtkWidget *figures;
  GtkWidget *bar;
  GtkWidget *group_label;
  GtkWidget *toggles;
  GtkWidget *scrolled;
  GtkWidget *empty;
  GtkWidget *loading;
  GtkWidget *loading_label;
  GtkListItemFactory *factory;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_DUE_PAGE, NULL);
  self->store = g_object_ref (store);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* The three figures. */
  figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (figures), TRUE);
  gtk_widget_set_margin_top (figures, 18);
  gtk_widget_set_margin_bottom (figures, 12);
  for (guint b = 0; b < WY_DUE_N_BUCKETS; b++)
    gtk_box_append (GTK_BOX (figures), create_figure (self, b));
  gtk_box_append (GTK_BOX (self->box), figures);

  /* The grouping switch: two linked toggle buttons. */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (bar, "wy-filter-bar");
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  group_label = gtk_label_new_with_mnemonic (_("_Group by"));
  gtk_box_append (GTK_BOX (bar), group_label);
  toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (toggles, "linked");
  self->by_unit_button = gtk_toggle_button_new_with_label (_("Responsible unit"));
  self->by_community_button = gtk_toggle_button_new_with_label (_("Community"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->by_community_button),
                               GTK_TOGGLE_BUTTON (self->by_unit_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->by_unit_button), TRUE);
  gtk_box_append (GTK_BOX (toggles), self->by_unit_button);
  gtk_box_append (GTK_BOX (toggles), self->by_community_button);
  gtk_box_append (GTK_BOX (bar), toggles);
  gtk_label_set_mnemonic_widget (GTK_LABEL (group_label), self->by_unit_button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->by_unit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Group by responsible unit"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->by_community_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Group by community"),
                                  -1);
  g_signal_connect (self->by_unit_button, "toggled", G_CALLBACK (on_grouping_toggled_cb), self);
  g_signal_connect (self->by_community_button, "toggled", G_CALLBACK (on_grouping_toggled_cb), self);
  self->no_deadline_label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->no_deadline_label, TRUE);
  gtk_widget_set_halign (self->no_deadline_label, GTK_ALIGN_END);
  gtk_label_set_wrap (GTK_LABEL (self->no_deadline_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->no_deadline_label), 1.0f);
  gtk_widget_add_css_class (self->no_deadline_label, "dim-label");
  gtk_widget_set_visible (self->no_deadline_label, FALSE);
  gtk_box_append (GTK_BOX (bar), self->no_deadline_label);
  gtk_box_append (GTK_BOX (self->box), bar);

  /* The list, or a word that there is nothing due. */
  self->light_chars = (int) wy_gui_light_column_chars ();
  self->kind_chars = (int) kind_column_chars ();
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  self->list_view = GTK_WIDGET (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)))),
                                                   factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Items overdue and due soon"),
                                  -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_list_view_activate_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);

  empty = gtk_label_new (_("Nothing is overdue or due this week."));
  gtk_widget_add_css_class (empty, "wy-empty-state");
  gtk_widget_add_css_class (empty, "dim-label");

  /* Shown while the first read runs. */
  loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (loading, GTK_ALIGN_CENTER);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_size_request (self->spinner, 32, 32);
  loading_label = gtk_label_new (_("Loading…"));
  gtk_widget_add_css_class (loading_label, "dim-label");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, loading_label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (loading), self->spinner);
  gtk_box_append (GTK_BOX (loading), loading_label);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), loading, "loading");
  gtk_box_append (GTK_BOX (self->box), self->stack);

  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);
  return self;
}

void
wy_due_page_set_today (WyDuePage   *self,
                       const GDate *today)
{
  g_return_if_fail (WY_IS_DUE_PAGE (self));

  self->today_fixed = today != NULL && g_date_valid (today);
  if (self->today_fixed)
    self->today = *today;
  wy_due_page_reload (self);
}

void
wy_due_page_set_grouping (WyDuePage     *self,
                          WyDueGrouping  grouping)
{
  GtkWidget *button;

  g_return_if_fail (WY_IS_DUE_PAGE (self));
  g_return_if_fail (grouping == WY_DUE_BY_UNIT || grouping == WY_DUE_BY_COMMUNITY);

  button = grouping == WY_DUE_BY_COMMUNITY ? self->by_community_button : self->by_unit_button;
  if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);  /* comes back here */

  if (self->grouping == grouping)
    return;
  self->grouping = grouping;
  if (self->loaded)
    fill_list (self);
}

WyDueGrouping
wy_due_page_get_grouping (WyDuePage *self)
{
  g_return_val_if_fail (WY_IS_DUE_PAGE (self), WY_DUE_BY_UNIT);

  return self->grouping;
}

guint
wy_due_page_get_count (WyDuePage   *self,
                       WyDueBucket  bucket)
{
  g_return_val_if_fail (WY_IS_DUE_PAGE (self), 0);
  g_return_val_if_fail (bucket < WY_DUE_N_BUCKETS, 0);

  return self->counts[bucket];
}

GListModel *
wy_due_page_get_rows (WyDuePage *self)
{
  g_return_val_if_fail (WY_IS_DUE_PAGE (self), NULL);

  return G_LIST_MODEL (self->rows);
}

const char *
wy_due_page_get_no_deadline_text (WyDuePage *self)
{
  g_return_val_if_fail (WY_IS_DUE_PAGE (self), NULL);

  if (!gtk_widget_get_visible (self->no_deadline_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->no_deadline_label));
}

gboolean
wy_due_page_is_loading (WyDuePage *self)
{
  g_return_val_if_fail (WY_IS_DUE_PAGE (self), FALSE);

  return self->load_cancellable != NULL;
}

GtkListView *
wy_due_page_get_list_view (WyDuePage *self)
{
  g_return_val_if_fail (WY_IS_DUE_PAGE (self), NULL);

  return GTK_LIST_VIEW (self->list_view);
}
