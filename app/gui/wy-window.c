/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-compound-item.h"
#include "wy-gui.h"
#include "wy-window-private.h"

struct _WyWindow
{
  GtkApplicationWindow  parent_instance;

  WyStore              *store;
  GSettings            *settings;     /* NULL when the schema is not installed */
  GListStore           *compounds;    /* of WyCompoundItem, in store order */
  GtkSortListModel     *sorted;
  GtkSingleSelection   *selection;
  char                 *ledger_title;

  /* Template widgets */
  GtkWidget            *title_box;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkMenuButton        *menu_button;
  GtkStack             *content_stack;
  GtkColumnView        *column_view;
  GtkLabel             *empty_description;
  GtkLabel             *count_label;
};

G_DEFINE_FINAL_TYPE (WyWindow, wy_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The compound list's columns, in display order. */
typedef enum {
  COLUMN_NAME,
  COLUMN_COMMUNITY,
  COLUMN_CATEGORY,
  COLUMN_PILOT,
  COLUMN_GOVERNANCE_MODE,
  COLUMN_HOUSEHOLDS,
  COLUMN_TARGETS,
  COLUMN_OPEN_PROBLEMS,
  COLUMN_NEAREST_DEADLINE,
  N_COLUMNS
} Column;

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
  guint       min_chars;  /* what the column keeps at 1024 pixels */
  guint       nat_chars;
  gboolean    expand;     /* takes a share of a wider window */
} columns[N_COLUMNS] = {
  [COLUMN_NAME]             = { N_("Name"), NULL, WY_COMPOUND_KEY_NAME, SORT_STRING, 0.0f, 11, 22, TRUE },
  [COLUMN_COMMUNITY]        = { N_("Community"), NULL, WY_COMPOUND_KEY_COMMUNITY, SORT_STRING, 0.0f, 6, 12, TRUE },
  [COLUMN_CATEGORY]         = { N_("Category"), NULL, WY_COMPOUND_KEY_CATEGORY, SORT_STRING, 0.0f, 8, 12, FALSE },
  [COLUMN_PILOT]            = { N_("Pilot"), "pilot", -1, SORT_NUMERIC, 0.5f, 2, 2, FALSE },
  [COLUMN_GOVERNANCE_MODE]  = { N_("Governance Mode"), NULL, WY_COMPOUND_KEY_GOVERNANCE_MODE, SORT_STRING, 0.0f, 10, 22, TRUE },
  [COLUMN_HOUSEHOLDS]       = { N_("Households"), "households", -1, SORT_NUMERIC, 1.0f, 6, 6, FALSE },
  [COLUMN_TARGETS]          = { N_("Targets"), "targets-ratio", -1, SORT_NUMERIC, 0.5f, 4, 4, FALSE },
  [COLUMN_OPEN_PROBLEMS]    = { N_("Open Problems"), "open-problems", -1, SORT_NUMERIC, 1.0f, 4, 4, FALSE },
  [COLUMN_NEAREST_DEADLINE] = { N_("Next Deadline"), NULL, -1, SORT_DEADLINE, 0.0f, 10, 10, FALSE },
};

static const char *
cell_text (WyCompoundItem *item,
           Column          column)
{
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      text = wy_compound_item_get_name (item);
      break;

    case COLUMN_COMMUNITY:
      text = wy_compound_item_get_community (item);
      break;

    case COLUMN_CATEGORY:
      text = wy_compound_item_get_category_label (item);
      break;

    case COLUMN_PILOT:
      text = wy_compound_item_get_pilot (item) ? "✓" : "";
      break;

    case COLUMN_GOVERNANCE_MODE:
      text = wy_compound_item_get_governance_mode (item);
      break;

    case COLUMN_HOUSEHOLDS:
      text = wy_compound_item_get_households_text (item);
      break;

    case COLUMN_TARGETS:
      text = wy_compound_item_get_targets_text (item);
      break;

    case COLUMN_OPEN_PROBLEMS:
      text = wy_compound_item_get_open_problems_text (item);
      break;

    case COLUMN_NEAREST_DEADLINE:
      text = wy_compound_item_get_nearest_deadline (item);
      break;

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
  Column column = GPOINTER_TO_UINT (user_data);
  WyCompoundItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), cell_text (item, column));

  if (column == COLUMN_NEAREST_DEADLINE)
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
create_sorter (Column column)
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

static void
setup_columns (WyWindow *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
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
    }
}

static void
update_count (WyWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->compounds));
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("%u compound", "%u compounds", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
}

void
wy_window_reload (WyWindow *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  guint warning_days;

  g_return_if_fail (WY_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  g_date_clear (&today, 1);
  wy_date_set_today (&today);
  warning_days = wy_store_get_warning_days (self->store);

  rows = wy_store_list_compound_rows (self->store, &error);
  items = g_ptr_array_new_with_free_func (g_object_unref);

  if (rows == NULL)
    {
      g_warning ("Could not list the compounds of %s: %s",
                 wy_store_get_path (self->store), error->message);
      gtk_label_set_text (self->empty_description, error->message);
    }
  else
    {
      gsize n_rows = 0;
      gpointer *data;

      /* The items take the rows over: steal them out of the array so its
       * free function (if any) does not free them too. */
      data = g_ptr_array_steal (rows, &n_rows);
      for (gsize i = 0; i < n_rows; i++)
        g_ptr_array_add (items, wy_compound_item_new (data[i], &today, warning_days));
      g_free (data);
    }

  /* One splice: appending 50,000 items one by one takes half a minute. */
  g_list_store_splice (self->compounds,
                       0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->compounds)),
                       items->pdata,
                       items->len);

  update_count (self);
}

static void
update_title (WyWindow *self)
{
  const char *path = wy_store_get_path (self->store);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *display_dir = g_filename_display_name (dirname);
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *name = g_filename_display_name (basename);
  size_t len = strlen (name);
  size_t ext_len = strlen (WY_LEDGER_EXTENSION);

  if (len > ext_len && g_ascii_strcasecmp (name + len - ext_len, WY_LEDGER_EXTENSION) == 0)
    name[len - ext_len] = '\0';

  g_free (self->ledger_title);
  self->ledger_title = g_steal_pointer (&name);

  gtk_window_set_title (GTK_WINDOW (self), self->ledger_title);
  gtk_label_set_text (self->title_label, self->ledger_title);
  gtk_label_set_text (self->subtitle_label, display_dir);
  gtk_widget_set_tooltip_text (self->title_box, display_path);
}

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Not installed (an uninstalled build without GSETTINGS_SCHEMA_DIR):
   * the window size is simply not remembered. */
  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
load_window_state (WyWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width >= 400 && height >= 300)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (WyWindow *self)
{
  gboolean maximized;
  int width = 0, height = 0;

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The default size follows the size the user gave the window, but not
   * maximizing, so it is the size to come back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
wy_window_close_request (GtkWindow *window)
{
  save_window_state (WY_WINDOW (window));

  return GTK_WINDOW_CLASS (wy_window_parent_class)->close_request (window);
}

static void
wy_window_realize (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (widget);
  GdkSurface *surface;
  GdkMonitor *monitor;
  GdkRectangle area;
  int width = 0, height = 0;

  GTK_WIDGET_CLASS (wy_window_parent_class)->realize (widget);

  /* A remembered or default size larger than the screen (1100x720 on a
   * 1024x700 screen) would put the list's bottom and the header bar's
   * menu button off screen: shrink to fit before the first map. */
  surface = gtk_native_get_surface (GTK_NATIVE (widget));
  monitor = surface != NULL
    ? gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget), surface)
    : NULL;
  if (monitor == NULL)
    return;

  gdk_monitor_get_geometry (monitor, &area);
  gtk_window_get_default_size (window, &width, &height);
  if (area.width > 0 && area.height > 0 && (width > area.width || height > area.height))
    gtk_window_set_default_size (window, MIN (width, area.width), MIN (height, area.height));
}

static void
wy_window_map (GtkWidget *widget)
{
  WyWindow *self = WY_WINDOW (widget);

  GTK_WIDGET_CLASS (wy_window_parent_class)->map (widget);

  /* Arrow keys move in the list straight away. */
  if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->compounds)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
wy_window_constructed (GObject *object)
{
  WyWindow *self = (WyWindow *)object;

  G_OBJECT_CLASS (wy_window_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("A WyWindow needs a store");
      return;
    }

  update_title (self);
  wy_window_reload (self);
}

static void
wy_window_dispose (GObject *object)
{
  WyWindow *self = (WyWindow *)object;

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->compounds);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wy_window_parent_class)->dispose (object);
}

static void
wy_window_finalize (GObject *object)
{
  WyWindow *self = (WyWindow *)object;

  g_clear_pointer (&self->ledger_title, g_free);

  G_OBJECT_CLASS (wy_window_parent_class)->finalize (object);
}

static void
wy_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WyWindow *self = WY_WINDOW (object);

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
wy_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WyWindow *self = WY_WINDOW (object);

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
wy_window_class_init (WyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = wy_window_constructed;
  object_class->dispose = wy_window_dispose;
  object_class->finalize = wy_window_finalize;
  object_class->get_property = wy_window_get_property;
  object_class->set_property = wy_window_set_property;

  widget_class->realize = wy_window_realize;
  widget_class->map = wy_window_map;
  window_class->close_request = wy_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         WY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WyWindow, title_box);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, empty_description);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, count_label);
}

static void
wy_window_init (WyWindow *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  _wy_window_actions_init (self);

  self->compounds = g_list_store_new (WY_TYPE_COMPOUND_ITEM);
  setup_columns (self);

  /* Clicking a column header sorts; with no sort column the list keeps
   * the store's order. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->compounds)),
                                          sorter != NULL ? g_object_ref (sorter) : NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->settings = create_settings ();
  load_window_state (self);
}

WyWindow *
wy_window_new (GtkApplication *application,
               WyStore        *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  return g_object_new (WY_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

WyStore *
wy_window_get_store (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return self->store;
}

const char *
wy_window_get_ledger_title (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return self->ledger_title;
}

GListModel *
wy_window_get_compound_model (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
}

const char *
wy_window_get_count_text (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->count_label);
}

gboolean
wy_window_is_showing_empty (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0;
}
