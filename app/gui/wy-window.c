/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-compound-item.h"
#include "wy-assistance-page.h"
#include "wy-compounds-page.h"
#include "wy-due-page.h"
#include "wy-gui.h"
#include "wy-meetings-page.h"
#include "wy-overview-page.h"
#include "wy-page.h"
#include "wy-phases-page.h"
#include "wy-problems-page.h"
#include "wy-tasks-page.h"
#include "wy-window-private.h"

#define UNDO_NOTICE_SECONDS 10
#define FILE_NOTICE_SECONDS 15

struct _WyWindow
{
  GtkApplicationWindow  parent_instance;

  WyStore              *store;
  GSettings            *settings;     /* NULL when the schema is not installed */
  char                 *ledger_title;
  WyOverviewPage       *overview_page;
  WyCompoundsPage      *compounds_page;
  WyProblemsPage       *problems_page;
  WyTasksPage          *tasks_page;
  WyPhasesPage         *phases_page;
  WyAssistancePage     *assistance_page;
  WyMeetingsPage       *meetings_page;
  WyDuePage            *due_page;
  GPtrArray            *pages;        /* WyPage, in the sidebar's order (the stack owns them) */
  GHashTable           *searches;     /* page name → its search text */
  GMenu                *undo_section; /* "Undo …" and "Redo …" in the main menu */
  guint                 undo_timeout;
  guint                 file_timeout;
  char                 *file_uri;     /* of the "Exported … Open" notice */
  gboolean              setting_search;
  gint64                built_at;     /* for WUYOU_TIMING */

  /* Template widgets */
  GtkWidget            *title_box;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *menu_button;
  GtkStack             *page_stack;
  GtkWidget            *sidebar;
  GtkRevealer          *undo_revealer;
  GtkLabel             *undo_label;
  GtkWidget            *undo_button;
  GMenu                *primary_menu;
  GtkRevealer          *file_revealer;
  GtkRevealer          *due_revealer;
  GtkLabel             *due_label;
  GtkButton            *due_show_button;
  GtkLabel             *file_label;
};

G_DEFINE_FINAL_TYPE (WyWindow, wy_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void hide_file_notice (WyWindow *self);

void
wy_window_reload (WyWindow *self)
{
  g_return_if_fail (WY_IS_WINDOW (self));

  /* The lights on every page depend on today and the warning window. */
  for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
    wy_page_reload (g_ptr_array_index (self->pages, i));
}

/* Search: one entry in the header bar, one search per page ------------ */

/* The page shown, when it has a search (each page says what the entry
 * reads on it and how long the entry waits after a key); NULL hides the
 * entry. */
static WyPage *
find_page (WyWindow   *self,
           const char *name)
{
  for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
    {
      WyPage *page = g_ptr_array_index (self->pages, i);

      if (g_strcmp0 (wy_page_get_name (page), name) == 0)
        return page;
    }
  return NULL;
}

static WyPage *
find_search_page (WyWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);

  if (child == NULL || !WY_IS_PAGE (child) || !wy_page_has_search (WY_PAGE (child)))
    return NULL;
  return WY_PAGE (child);
}

static gboolean
showing_compounds (WyWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "compounds") == 0;
}

static void
on_search_entry_search_changed_cb (GtkSearchEntry *entry,
                                   WyWindow       *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  WyPage *page;

  if (self->setting_search || (page = find_search_page (self)) == NULL)
    return;

  g_hash_table_replace (self->searches, g_strdup (wy_page_get_name (page)), g_strdup (text));
  wy_page_set_search_text (page, text);
}

static void
on_search_entry_stop_search_cb (GtkSearchEntry *entry,
                                WyWindow       *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  if (self->compounds_page != NULL && showing_compounds (self))
    gtk_widget_grab_focus (wy_compounds_page_get_list_widget (self->compounds_page));
}

static void
set_search_text_quietly (WyWindow   *self,
                         const char *text)
{
  self->setting_search = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  self->setting_search = FALSE;
}

static void
on_compounds_search_reset_cb (WyCompoundsPage *page,
                              WyWindow        *self)
{
  g_hash_table_remove (self->searches, "compounds");
  if (showing_compounds (self))
    set_search_text_quietly (self, "");
}

static void
on_page_stack_visible_child_name_cb (GtkStack   *stack,
                                     GParamSpec *pspec,
                                     WyWindow   *self)
{
  const char *name = gtk_stack_get_visible_child_name (stack);
  WyPage *page;

  if (name == NULL)
    return;

  /* Each page keeps its own search. */
  page = find_search_page (self);
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), page != NULL);
  if (page != NULL)
    {
      set_search_text_quietly (self, g_hash_table_lookup (self->searches, name));
      g_object_set (self->search_entry, "placeholder-text",
                    wy_page_get_search_placeholder (page), NULL);
      gtk_search_entry_set_search_delay (self->search_entry, wy_page_get_search_delay (page));
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "page", name);

  _wy_window_update_actions (self);
}

void
wy_window_show_page (WyWindow   *self,
                     const char *name)
{
  g_return_if_fail (WY_IS_WINDOW (self));

  if (name != NULL && gtk_stack_get_child_by_name (self->page_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->page_stack, name);
}

/* Shows the page of that name and the row of that id on it. */
void
wy_window_show_item (WyWindow   *self,
                     const char *name,
                     gint64      id)
{
  WyPage *page;

  g_return_if_fail (WY_IS_WINDOW (self));

  if ((page = find_page (self, name)) == NULL)
    return;
  wy_window_show_page (self, name);
  wy_page_select_by_id (page, id);
}

const char *
wy_window_get_page (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

GtkEditable *
wy_window_get_search_entry (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/* Delete and undo ---------------------------------------------------- */

static void
hide_undo_notice (WyWindow *self)
{
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
}

static gboolean
on_undo_timeout_cb (gpointer user_data)
{
  WyWindow *self = user_data;

  self->undo_timeout = 0;
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);

  return G_SOURCE_REMOVE;
}

static void
on_undo_dismiss_clicked_cb (GtkButton *button,
                            WyWindow  *self)
{
  hide_undo_notice (self);
}

static void
show_undo_notice (WyWindow   *self,
                  const char *text,
                  gboolean    with_undo)
{
  gtk_label_set_text (self->undo_label, text);
  gtk_widget_set_visible (self->undo_button, with_undo);
  hide_file_notice (self);
  gtk_revealer_set_reveal_child (self->undo_revealer, TRUE);
  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  self->undo_timeout = g_timeout_add_seconds (UNDO_NOTICE_SECONDS, on_undo_timeout_cb, self);
}

gboolean
_wy_window_can_undo (WyWindow *self)
{
  return self->store != NULL && wy_store_get_undo_title (self->store) != NULL;
}

gboolean
_wy_window_can_redo (WyWindow *self)
{
  return self->store != NULL && wy_store_get_redo_title (self->store) != NULL;
}

/* A long item's description would make a menu as wide as the screen. */
static char *
shorten (const char *title)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (title, -1) <= 40)
    return g_strdup (title);
  start = g_utf8_substring (title, 0, 39);
  return g_strconcat (start, "…", NULL);
}

static void
update_undo_menu (WyWindow *self)
{
  const char *undo = wy_store_get_undo_title (self->store);
  const char *redo = wy_store_get_redo_title (self->store);
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  g_autoptr(GMenuItem) undo_item = NULL;
  g_autoptr(GMenuItem) redo_item = NULL;

  if (undo != NULL)
    {
      g_autofree char *title = shorten (undo);

      /* Translators: a menu item; %s names the step, such as
       * "Edit of Households" or "Sign-off of “…”" */
      undo_label = g_strdup_printf (_("Undo %s"), title);
    }
  else
    undo_label = g_strdup (_("Nothing to Undo"));

  if (redo != NULL)
    {
      g_autofree char *title = shorten (redo);

      /* Translators: a menu item; %s names the step, such as
       * "Edit of Households" or "Sign-off of “…”" */
      redo_label = g_strdup_printf (_("Redo %s"), title);
    }
  else
    redo_label = g_strdup (_("Nothing to Redo"));

  undo_item = g_menu_item_new (undo_label, "win.undo");
  g_menu_item_set_attribute (undo_item, "accel", "s", "<Primary>z");
  redo_item = g_menu_item_new (redo_label, "win.redo");
  g_menu_item_set_attribute (redo_item, "accel", "s", "<Primary><Shift>z");

  g_menu_remove_all (self->undo_section);
  g_menu_append_item (self->undo_section, undo_item);
  g_menu_append_item (self->undo_section, redo_item);

  _wy_window_update_actions (self);
}

static void
on_store_undo_changed_cb (WyStore  *store,
                          WyWindow *self)
{
  update_undo_menu (self);
}

/* What an undo or redo brought back or took away: a compound that is
 * back is shown and selected. */
static void
show_replayed (WyWindow *self,
               WyTable   table,
               gint64    id)
{
  g_autoptr(WyRecord) record = NULL;

  if (table != WY_TABLE_COMPOUND || id <= 0)
    return;

  wy_compounds_page_refresh_compound (self->compounds_page, id);
  record = wy_store_get (self->store, table, id, NULL);
  if (record == NULL || wy_compounds_page_get_selected_id (self->compounds_page) == id)
    return;

  wy_window_show_page (self, "compounds");
  wy_compounds_page_select_compound (self->compounds_page, id);
}

gboolean
wy_window_delete_with_undo (WyWindow  *self,
                            WyTable    table,
                            gint64     id,
                            GError   **error)
{
  const WyTableInfo *info;
  g_autoptr(WyRecord) record = NULL;
  g_autofree char *notice = NULL;
  const char *title = NULL;

  g_return_val_if_fail (WY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (table < WY_N_TABLES, FALSE);

  info = wy_schema_table (table);
  record = wy_store_get (self->store, table, id, error);
  if (record == NULL)
    return FALSE;
  if (info->title_field != NULL &&
      wy_schema_field (info, info->title_field)->kind != WY_FIELD_REF)
    title = wy_record_get (record, info->title_field);

  if (!wy_store_delete (self->store, table, id, error))
    return FALSE;

  /* Translators: the notice after a delete, with an Undo button beside it */
  notice = g_strdup_printf (_("Deleted “%s”"), title != NULL ? title : _(info->label));
  show_undo_notice (self, notice, TRUE);
  _wy_window_update_actions (self);

  return TRUE;
}

gboolean
wy_window_delete_compound (WyWindow  *self,
                           gint64     compound_id,
                           GError   **error)
{
  GListModel *model;
  guint position = 0, n;
  gboolean was_selected;

  g_return_val_if_fail (WY_IS_WINDOW (self), FALSE);

  model = wy_compounds_page_get_model (self->compounds_page);
  was_selected = wy_compounds_page_get_selected_id (self->compounds_page) == compound_id;
  if (was_selected)
    position = wy_compounds_page_get_selected_position (self->compounds_page);

  if (!wy_window_delete_with_undo (self, WY_TABLE_COMPOUND, compound_id, error))
    return FALSE;

  wy_compounds_page_refresh_compound (self->compounds_page, compound_id);

  /* The next compound takes the deleted one's place in the selection. */
  n = g_list_model_get_n_items (model);
  if (was_selected && n > 0)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, MIN (position, n - 1));

      if (item != NULL)
        wy_compounds_page_select_compound (self->compounds_page,
                                           wy_compound_item_get_id ((WyCompoundItem *)item));
    }

  return TRUE;
}

static gboolean
replay (WyWindow  *self,
        gboolean   redo,
        GError   **error)
{
  WyTable table = WY_N_TABLES;
  gint64 id = 0;
  gboolean ok;

  if ((redo ? wy_store_get_redo_title (self->store) : wy_store_get_undo_title (self->store)) == NULL)
    {
      show_undo_notice (self, redo ? _("Nothing to redo") : _("Nothing to undo"), FALSE);
      return TRUE;
    }

  ok = redo ? wy_store_redo_last (self->store, &table, &id, error)
            : wy_store_undo_last (self->store, &table, &id, error);
  if (!ok)
    return FALSE;

  hide_undo_notice (self);
  show_replayed (self, table, id);
  _wy_window_update_actions (self);
  return TRUE;
}

gboolean
wy_window_undo (WyWindow  *self,
                GError   **error)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), FALSE);

  return replay (self, FALSE, error);
}

gboolean
wy_window_redo (WyWindow  *self,
                GError   **error)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), FALSE);

  return replay (self, TRUE, error);
}

void
_wy_window_replay_or_report (WyWindow *self,
                             gboolean  redo)
{
  g_autoptr(GError) error = NULL;

  if (!replay (self, redo, &error))
    wy_gui_show_error (GTK_WINDOW (self),
                       redo ? _("Could not redo the change") : _("Could not undo the change"),
                       error);
}

/* Ctrl+Z and Ctrl+Shift+Z. In a text field they are the field's own:
 * GtkText took them while it had typing to undo, and with none left they
 * must not reach into the ledger from there either. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  WyWindow *self = WY_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return TRUE;

  _wy_window_replay_or_report (self, g_variant_get_boolean (args));
  return TRUE;
}

const char *
wy_window_get_undo_notice (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->undo_revealer))
    return NULL;

  return gtk_label_get_text (self->undo_label);
}

gint64
wy_window_add_compound (WyWindow    *self,
                        const char  *name,
                        gint64       community_id,
                        const char  *category,
                        GError     **error)
{
  gint64 id;

  g_return_val_if_fail (WY_IS_WINDOW (self), 0);

  id = wy_compound_add_with_targets (self->store, name, community_id, category, error);
  if (id <= 0)
    return 0;

  wy_window_show_page (self, "compounds");
  wy_compounds_page_refresh_compound (self->compounds_page, id);
  wy_compounds_page_select_compound (self->compounds_page, id);

  return id;
}

/* "Exported … Open": a file the window made ----------------------------- */

static void
hide_file_notice (WyWindow *self)
{
  g_clear_handle_id (&self->file_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->file_revealer, FALSE);
}

static gboolean
on_file_timeout_cb (gpointer user_data)
{
  WyWindow *self = user_data;

  self->file_timeout = 0;
  gtk_revealer_set_reveal_child (self->file_revealer, FALSE);

  return G_SOURCE_REMOVE;
}

static void
on_file_dismiss_clicked_cb (GtkButton *button,
                            WyWindow  *self)
{
  hide_file_notice (self);
}

static void
on_file_open_clicked_cb (GtkButton *button,
                         WyWindow  *self)
{
  if (self->file_uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), self->file_uri, GDK_CURRENT_TIME);
  hide_file_notice (self);
}

void
wy_window_show_file_notice (WyWindow   *self,
                            const char *text,
                            const char *uri)
{
  g_return_if_fail (WY_IS_WINDOW (self));

  hide_undo_notice (self);
  g_free (self->file_uri);
  self->file_uri = g_strdup (uri);
  gtk_label_set_text (self->file_label, text);
  gtk_revealer_set_reveal_child (self->file_revealer, TRUE);
  g_clear_handle_id (&self->file_timeout, g_source_remove);
  self->file_timeout = g_timeout_add_seconds (FILE_NOTICE_SECONDS, on_file_timeout_cb, self);
}

const char *
wy_window_get_file_notice (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->file_revealer))
    return NULL;

  return gtk_label_get_text (self->file_label);
}

static void
on_compounds_selection_changed_cb (WyCompoundsPage *page,
                                   gint64           id,
                                   WyWindow        *self)
{
  _wy_window_update_actions (self);
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

  /* A remembered or default size larger than the screen (1400x880 on a
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
on_first_frame_cb (GdkFrameClock *clock,
                   WyWindow      *self)
{
  g_printerr ("wuyou-timing: first frame %.1f ms after the window was made\n",
              (g_get_monotonic_time () - self->built_at) / 1000.0);
  g_signal_handlers_disconnect_matched (clock, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  self->built_at = 0;
}

static void
wy_window_map (GtkWidget *widget)
{
  WyWindow *self = WY_WINDOW (widget);

  GTK_WIDGET_CLASS (wy_window_parent_class)->map (widget);

  if (self->built_at > 0)
    g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                      G_CALLBACK (on_first_frame_cb), self);

  /* Arrow keys move in the list straight away. */
  if (gtk_window_get_focus (GTK_WINDOW (self)) == NULL && self->compounds_page != NULL &&
      showing_compounds (self) &&
      wy_compounds_page_get_n_total (self->compounds_page) > 0)
    gtk_widget_grab_focus (wy_compounds_page_get_list_widget (self->compounds_page));
}

static void
on_due_page_open_item_cb (WyDuePage *page,
                          int        kind,
                          gint64     id,
                          WyWindow  *self)
{
  /* The page that lists each kind of row. */
  static const char *pages[] = {
    [WY_DUE_KIND_PROBLEM] = "problems",
    [WY_DUE_KIND_TASK] = "tasks",
    [WY_DUE_KIND_MILESTONE] = "phases",
    [WY_DUE_KIND_TERM] = "assistance",
  };

  g_return_if_fail (kind >= 0 && kind < (int) G_N_ELEMENTS (pages) && pages[kind] != NULL);

  wy_window_show_item (self, pages[kind], id);
}

/* Overdue since last time ---------------------------------------------- */

static void
on_due_show_clicked_cb (GtkButton *button,
                        WyWindow  *self)
{
  gtk_revealer_set_reveal_child (self->due_revealer, FALSE);
  wy_window_show_page (self, "due");
}

static void
on_due_dismiss_clicked_cb (GtkButton *button,
                           WyWindow  *self)
{
  gtk_revealer_set_reveal_child (self->due_revealer, FALSE);
}

/* Runs once when the window opens: the count is remembered in the ledger,
 * so the notice shows on whichever machine opens it next. */
static void
check_newly_overdue (WyWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint newly_overdue = 0;
  GDate today;

  g_date_clear (&today, 1);
  wy_clock_get_today (&today);
  if (!wy_due_check_new_overdue (self->store, &today, &newly_overdue, &error))
    {
      /* A read-only ledger cannot remember the date; nothing is lost. */
      g_debug ("Could not check for newly overdue items: %s", error->message);
      return;
    }
  if (newly_overdue == 0)
    return;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u item became overdue since the ledger was last opened.",
                                       "%u items became overdue since the ledger was last opened.",
                                       newly_overdue),
                          newly_overdue);
  gtk_label_set_text (self->due_label, text);
  gtk_revealer_set_reveal_child (self->due_revealer, TRUE);
}

/* The Overview: its bars and figures open the list behind them ------- */

static void
on_overview_open_list_cb (WyOverviewPage *page,
                          int             kind,
                          gint64          id,
                          int             light,
                          const char     *label,
                          WyWindow       *self)
{
  static const WyProblemsLightFilter light_filters[] = {
    [WY_LIGHT_NONE]   = WY_PROBLEMS_LIGHT_ALL,
    [WY_LIGHT_GREEN]  = WY_PROBLEMS_LIGHT_ON_SCHEDULE,
    [WY_LIGHT_YELLOW] = WY_PROBLEMS_LIGHT_DUE_SOON,
    [WY_LIGHT_RED]    = WY_PROBLEMS_LIGHT_OVERDUE,
    [WY_LIGHT_DONE]   = WY_PROBLEMS_LIGHT_DONE,
  };

  switch ((WyChartTargetKind) kind)
    {
    case WY_CHART_TARGET_COMMUNITY:
    case WY_CHART_TARGET_STREET:
      wy_window_show_page (self, "compounds");
      if (kind == WY_CHART_TARGET_COMMUNITY)
        wy_compounds_page_filter_to_place (self->compounds_page, 0, id);
      else
        wy_compounds_page_filter_to_place (self->compounds_page, id, 0);
      break;

    case WY_CHART_TARGET_LIGHT:
    case WY_CHART_TARGET_UNIT:
    case WY_CHART_TARGET_MONTH:
      /* Only the filter the bar stands for: the others are cleared so the
       * list's count is the bar's. */
      wy_problems_page_show_compound (self->problems_page, 0);
      /* The Overview's own street / community filter carries over. */
      wy_problems_page_set_area_filter (self->problems_page,
                                        wy_overview_page_get_street (page),
                                        wy_overview_page_get_community (page));
      wy_problems_page_set_unit_filter (self->problems_page,
                                        kind == WY_CHART_TARGET_UNIT ? label : NULL);
      /* Open problems (未销号) without signed-off ones; a month's
       * sign-offs only those of the month. */
      wy_problems_page_set_status_filter (self->problems_page,
                                          kind == WY_CHART_TARGET_MONTH && light == WY_LIGHT_DONE
                                          ? WY_PROBLEM_SIGNED_OFF
                                          : kind == WY_CHART_TARGET_LIGHT && light == WY_LIGHT_NONE
                                          ? WY_PROBLEMS_STATUS_OPEN : NULL);
      wy_problems_page_set_signed_off_month (self->problems_page,
                                             kind == WY_CHART_TARGET_MONTH && light == WY_LIGHT_DONE
                                             ? label : NULL);
      wy_problems_page_set_light_filter (self->problems_page,
                                         kind == WY_CHART_TARGET_LIGHT && light >= 0 &&
                                         light < (int) G_N_ELEMENTS (light_filters)
                                         ? light_filters[light] : WY_PROBLEMS_LIGHT_ALL);
      wy_window_show_page (self, "problems");
      break;

    case WY_CHART_TARGET_TASK:
      wy_window_show_page (self, "tasks");
      wy_tasks_page_select_task (self->tasks_page, id);
      break;

    case WY_CHART_TARGET_PHASE:
      wy_window_show_page (self, "phases");
      break;

    case WY_CHART_TARGET_MILESTONE:
      wy_window_show_page (self, "phases");
      wy_phases_page_focus_milestone (self->phases_page, id);
      break;

    case WY_CHART_TARGET_NONE:
    default:
      break;
    }
}

static void
on_overview_open_compounds_cb (WyOverviewPage *page,
                               gint64          street_id,
                               gint64          community_id,
                               int             which,
                               WyWindow       *self)
{
  wy_window_show_page (self, "compounds");
  wy_compounds_page_filter_to_place (self->compounds_page, street_id, community_id);

  /* The second choice of each drop-down: "Pilots", "Attained". */
  if (which == WY_OVERVIEW_COMPOUNDS_PILOTS)
    gtk_drop_down_set_selected (wy_compounds_page_get_filter_widget (self->compounds_page,
                                                                     WY_COMPOUNDS_FILTER_PILOT), 1);
  else if (which == WY_OVERVIEW_COMPOUNDS_ATTAINED)
    gtk_drop_down_set_selected (wy_compounds_page_get_filter_widget (self->compounds_page,
                                                                     WY_COMPOUNDS_FILTER_ATTAINED), 1);
}

static void
on_meeting_mode_activate_cb (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  WyWindow *self = user_data;

  wy_window_show_page (self, "overview");
  wy_overview_page_open_meeting_mode (self->overview_page);
}

/* First in the stack: the picture a supervisor or a meeting starts from. */
/* Puts a page in the stack and the sidebar, under its own name, title
 * and icon; returns it. */
static gpointer
add_page (WyWindow *self,
          gpointer  page)
{
  GtkStackPage *stack_page;

  g_return_val_if_fail (WY_IS_PAGE (page), page);

  stack_page = gtk_stack_add_titled (self->page_stack, GTK_WIDGET (page),
                                     wy_page_get_name (page), wy_page_get_title (page));
  gtk_stack_page_set_icon_name (stack_page, wy_page_get_icon_name (page));
  g_ptr_array_add (self->pages, page);
  return page;
}

static void
connect_overview_page (WyWindow *self)
{
  static const GActionEntry actions[] = {
    { "meeting-mode", on_meeting_mode_activate_cb, NULL, NULL, NULL, { 0 } },
  };
  GtkEventController *shortcuts;

  g_signal_connect_object (self->overview_page, "open-list",
                           G_CALLBACK (on_overview_open_list_cb), self, 0);
  g_signal_connect_object (self->overview_page, "open-compounds",
                           G_CALLBACK (on_overview_open_compounds_cb), self, 0);

  /* F5, as presentation programs start a show; on the window itself so it
   * also works in a window made without an application (the tests). */
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_named_action_new ("win.meeting-mode")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

static void
add_pages (WyWindow *self)
{
  GtkEventController *shortcuts;
  g_autofree char *remembered = NULL;

  /* Read before adding: the first page added becomes visible, and showing
   * a page remembers it. */
  if (self->settings != NULL)
    remembered = g_settings_get_string (self->settings, "page");

  /* The sidebar's order: first the picture a supervisor or a meeting
   * starts from, then the morning question, then the lists. A new page
   * is one line here. */
  self->overview_page = add_page (self, wy_overview_page_new (self->store));
  self->due_page = add_page (self, wy_due_page_new (self->store));
  self->compounds_page = add_page (self, wy_compounds_page_new (self->store));
  self->problems_page = add_page (self, wy_problems_page_new (self->store));
  self->tasks_page = add_page (self, wy_tasks_page_new (self->store));
  self->phases_page = add_page (self, wy_phases_page_new (self->store));
  self->assistance_page = add_page (self, wy_assistance_page_new (self->store));
  self->meetings_page = add_page (self, wy_meetings_page_new (self->store));

  /* What the window does for the pages that send it elsewhere. */
  connect_overview_page (self);
  g_signal_connect_object (self->due_page, "open-item",
                           G_CALLBACK (on_due_page_open_item_cb), self, 0);

  g_signal_connect_object (self->compounds_page, "selection-changed",
                           G_CALLBACK (on_compounds_selection_changed_cb), self, 0);
  g_signal_connect_object (self->compounds_page, "search-reset",
                           G_CALLBACK (on_compounds_search_reset_cb), self, 0);

  /* Delete in the list deletes the compound; in a text field it deletes
   * text, so the shortcut lives on the list only. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("win.delete-compound")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("win.delete-compound")));
  gtk_widget_add_controller (wy_compounds_page_get_list_widget (self->compounds_page), shortcuts);

  if (remembered != NULL && gtk_stack_get_child_by_name (self->page_stack, remembered) != NULL)
    gtk_stack_set_visible_child_name (self->page_stack, remembered);
  else
    gtk_stack_set_visible_child_name (self->page_stack, "overview");
}

static void
wy_window_constructed (GObject *object)
{
  WyWindow *self = (WyWindow *)object;
  gint64 start = g_get_monotonic_time ();

  G_OBJECT_CLASS (wy_window_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("A WyWindow needs a store");
      return;
    }

  update_title (self);
  add_pages (self);
  g_menu_insert_section (self->primary_menu, 0, NULL, G_MENU_MODEL (self->undo_section));
  g_signal_connect_object (self->store, WY_STORE_SIGNAL_UNDO_CHANGED,
                           G_CALLBACK (on_store_undo_changed_cb), self, 0);
  update_undo_menu (self);
  _wy_window_update_actions (self);
  check_newly_overdue (self);
  _wy_window_sync_start (self);

  if (g_getenv ("WUYOU_TIMING") != NULL)
    self->built_at = start;
  if (g_getenv ("WUYOU_TIMING") != NULL)
    g_printerr ("wuyou-timing: window built: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
}

static void
wy_window_dispose (GObject *object)
{
  WyWindow *self = (WyWindow *)object;

  g_clear_handle_id (&self->undo_timeout, g_source_remove);
  g_clear_handle_id (&self->file_timeout, g_source_remove);
  g_clear_object (&self->settings);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_WINDOW);
  self->overview_page = NULL;
  self->compounds_page = NULL;
  self->problems_page = NULL;
  self->tasks_page = NULL;
  self->phases_page = NULL;
  self->assistance_page = NULL;
  self->meetings_page = NULL;
  self->due_page = NULL;

  G_OBJECT_CLASS (wy_window_parent_class)->dispose (object);
}

static void
wy_window_finalize (GObject *object)
{
  WyWindow *self = (WyWindow *)object;

  g_clear_pointer (&self->ledger_title, g_free);
  g_clear_pointer (&self->searches, g_hash_table_unref);
  g_clear_pointer (&self->file_uri, g_free);
  g_clear_object (&self->undo_section);
  g_clear_object (&self->store);

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

  /* Bubbling shortcuts: a focused text field keeps its own Ctrl+Z. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                undo_shortcut_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                undo_shortcut_cb, "b", TRUE);

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WyWindow, title_box);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, undo_revealer);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, undo_label);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, file_revealer);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, file_label);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, due_revealer);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, due_label);
  gtk_widget_class_bind_template_child (widget_class, WyWindow, due_show_button);
  gtk_widget_class_bind_template_callback (widget_class, on_due_show_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_dismiss_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_stack_visible_child_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_undo_dismiss_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_file_dismiss_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_file_open_clicked_cb);
}

/* GTK 4.8 names the sidebar's list "Sidebar", in English whatever the
 * language; a screen reader says what it is for instead. */
static void
name_sidebar_list (WyWindow *self)
{
  GtkWidget *list = wy_gui_find_descendant (self->sidebar, GTK_TYPE_LIST_BOX);

  if (list != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"),
                                    -1);
}

static void
wy_window_init (WyWindow *self)
{
  self->undo_section = g_menu_new ();
  self->searches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pages = g_ptr_array_new ();
  self->settings = create_settings ();

  gtk_widget_init_template (GTK_WIDGET (self));
  name_sidebar_list (self);

  /* Typing in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  _wy_window_actions_init (self);
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

GSettings *
_wy_window_get_settings (WyWindow *self)
{
  return self->settings;
}

WyCompoundsPage *
wy_window_get_compounds_page (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return self->compounds_page;
}

GtkWidget *
wy_window_get_problems_page (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->problems_page);
}

GListModel *
wy_window_get_compound_model (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return wy_compounds_page_get_model (self->compounds_page);
}

const char *
wy_window_get_count_text (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return wy_compounds_page_get_count_text (self->compounds_page);
}

gboolean
wy_window_is_showing_empty (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), FALSE);

  return wy_compounds_page_is_showing_empty (self->compounds_page);
}

const char *
wy_window_get_due_notice_text (WyWindow *self)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->due_revealer))
    return NULL;
  return gtk_label_get_text (self->due_label);
}

void
wy_window_activate_due_notice (WyWindow *self)
{
  g_return_if_fail (WY_IS_WINDOW (self));

  g_signal_emit_by_name (self->due_show_button, "clicked");
}

GtkWidget *
wy_window_get_page_widget (WyWindow   *self,
                           const char *name)
{
  g_return_val_if_fail (WY_IS_WINDOW (self), NULL);

  return GTK_WIDGET (find_page (self, name));
}
