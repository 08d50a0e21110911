/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-locations-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-delete-question.h"
#include "wy-gui.h"
#include "wy-locations-dialog.h"

struct _WyLocationsDialog
{
  GtkWindow   parent_instance;

  WyStore    *store;
  gulong      row_changed_id;
  guint       reload_id;
  WyTable     selected_table;
  gint64      selected_id;
  gboolean    filling;

  /* Template widgets */
  GtkWidget  *list;
  GtkWidget  *name_entry;
  GtkWidget  *rename_button;
  GtkWidget  *hint_label;
  GtkWidget  *error_label;
  GtkWidget  *delete_button;
  GtkWidget  *close_button;
};

G_DEFINE_FINAL_TYPE (WyLocationsDialog, wy_locations_dialog, GTK_TYPE_WINDOW)

/* --- Auxiliary methods --------------------------------------------------- */

static void
set_error (WyLocationsDialog *self,
           const char        *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (self->name_entry, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->name_entry, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      gtk_label_get_text (GTK_LABEL (self->hint_label)),
                                      -1);
    }
}

static char *
row_text (const char *name,
          guint       n_compounds)
{
  /* Translators: a street office or community and how many compounds it has */
  return g_strdup_printf (ngettext ("%s  (%u compound)", "%s  (%u compounds)", n_compounds),
                          name, n_compounds);
}

static GtkWidget *
add_row (WyLocationsDialog *self,
         WyTable            table,
         WyRecord          *record)
{
  const char *name = wy_record_get (record, "name");
  gint64 id = wy_record_get_id (record);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  if (table == WY_TABLE_DISTRICT)
    {
      label = gtk_label_new (name);
      gtk_widget_add_css_class (label, "heading");
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_margin_top (label, 6);
    }
  else
    {
      guint n = wy_locations_count_compounds (self->store, table, id);

      text = row_text (name, n);
      label = gtk_label_new (text);
      gtk_widget_set_margin_start (label, table == WY_TABLE_STREET ? 12 : 30);
      /* Translators: how a screen reader reads a row: "Street office:
       * 青松街道 (2 compounds)" */
      spoken = g_strdup_printf (_("%s: %s"),
                                table == WY_TABLE_STREET ? _("Street office") : _("Community"),
                                text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                      -1);
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_widget_set_margin_end (label, 6);
  if (table == WY_TABLE_DISTRICT)
    gtk_widget_set_margin_start (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);

  g_object_set_data (G_OBJECT (row), "wy-table", GINT_TO_POINTER (table));
  g_object_set_data_full (G_OBJECT (row), "wy-id", g_memdup2 (&id, sizeof id), g_free);
  gtk_list_box_append (GTK_LIST_BOX (self->list), row);

  return row;
}

static GtkListBoxRow *
find_row (WyLocationsDialog *self,
          WyTable            table,
          gint64             id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i)) != NULL; i++)
    {
      gint64 *row_id = g_object_get_data (G_OBJECT (row), "wy-id");

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "wy-table")) == (int) table &&
          row_id != NULL && *row_id == id)
        return row;
    }

  return NULL;
}

static void
update_buttons (WyLocationsDialog *self)
{
  gboolean chosen = self->selected_id > 0;

  gtk_widget_set_sensitive (self->name_entry, chosen);
  gtk_widget_set_sensitive (self->rename_button, chosen);
  gtk_widget_set_sensitive (self->delete_button, chosen);
}

static void
reload (WyLocationsDialog *self)
{
  g_autoptr(GPtrArray) districts = wy_store_list (self->store, WY_TABLE_DISTRICT, 0, NULL);
  GtkListBoxRow *row;
  WyTable table = self->selected_table;
  gint64 id = self->selected_id;

  self->filling = TRUE;
  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), GTK_WIDGET (row));

  for (guint d = 0; districts != NULL && d < districts->len; d++)
    {
      WyRecord *district = g_ptr_array_index (districts, d);
      g_autoptr(GPtrArray) streets = wy_store_list (self->store, WY_TABLE_STREET,
                                                    wy_record_get_id (district), NULL);

      add_row (self, WY_TABLE_DISTRICT, district);
      for (guint s = 0; streets != NULL && s < streets->len; s++)
        {
          WyRecord *street = g_ptr_array_index (streets, s);
          g_autoptr(GPtrArray) communities = wy_store_list (self->store, WY_TABLE_COMMUNITY,
                                                            wy_record_get_id (street), NULL);

          add_row (self, WY_TABLE_STREET, street);
          for (guint c = 0; communities != NULL && c < communities->len; c++)
            add_row (self, WY_TABLE_COMMUNITY, g_ptr_array_index (communities, c));
        }
    }
  self->filling = FALSE;

  /* The chosen row stays chosen while it is there. */
  row = id > 0 ? find_row (self, table, id) : NULL;
  if (row != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->list), row);
  else
    {
      self->selected_id = 0;
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
      update_buttons (self);
    }
}

static void
rename_selected (WyLocationsDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->selected_id <= 0)
    return;

  if (!wy_locations_rename (self->store, self->selected_table, self->selected_id,
                            gtk_editable_get_text (GTK_EDITABLE (self->name_entry)), &error))
    {
      set_error (self, error->message);
      gtk_widget_grab_focus (self->name_entry);
      return;
    }

  set_error (self, NULL);
}

static void
delete_selected (WyLocationsDialog *self)
{
  if (self->selected_id > 0)
    wy_delete_question_ask (GTK_WIDGET (self), self->store, self->selected_table, self->selected_id);
}

/* --- Callbacks ----------------------------------------------------------- */

static gboolean
on_reload_idle_cb (gpointer user_data)
{
  WyLocationsDialog *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_row_changed_cb (WyStore           *store,
                         int                table,
                         gint64             id,
                         WyLocationsDialog *self)
{
  if (table != WY_TABLE_DISTRICT && table != WY_TABLE_STREET &&
      table != WY_TABLE_COMMUNITY && table != WY_TABLE_COMPOUND)
    return;

  /* One reload for a burst of changes (an undo brings back many rows). */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (on_reload_idle_cb, self);
}

static void
on_list_row_selected_cb (GtkListBox        *list,
                         GtkListBoxRow     *row,
                         WyLocationsDialog *self)
{
  g_autoptr(WyRecord) record = NULL;
  gint64 *id;

  if (self->filling)
    return;

  set_error (self, NULL);
  id = row != NULL ? g_object_get_data (G_OBJECT (row), "wy-id") : NULL;
  if (id == NULL)
    {
      self->selected_id = 0;
      update_buttons (self);
      return;
    }

  self->selected_table = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "wy-table"));
  self->selected_id = *id;
  record = wy_store_get (self->store, self->selected_table, self->selected_id, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry),
                         record != NULL ? wy_record_get (record, "name") : "");
  update_buttons (self);
}

static void
on_name_entry_activate_cb (GtkEntry          *entry,
                           WyLocationsDialog *self)
{
  rename_selected (self);
}

static void
on_rename_clicked_cb (GtkButton         *button,
                      WyLocationsDialog *self)
{
  rename_selected (self);
}

static void
on_delete_clicked_cb (GtkButton         *button,
                      WyLocationsDialog *self)
{
  delete_selected (self);
}

static void
on_close_clicked_cb (GtkButton         *button,
                     WyLocationsDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
on_delete_key_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  delete_selected (WY_LOCATIONS_DIALOG (user_data));
  return TRUE;
}

static gboolean
on_undo_key_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (user_data));

  /* The main window's undo: the ledger has one history. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.undo", NULL);
  return TRUE;
}

/* --- GObject ------------------------------------------------------------- */

static void
wy_locations_dialog_dispose (GObject *object)
{
  WyLocationsDialog *self = (WyLocationsDialog *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->row_changed_id, self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), WY_TYPE_LOCATIONS_DIALOG);

  G_OBJECT_CLASS (wy_locations_dialog_parent_class)->dispose (object);
}

static void
wy_locations_dialog_class_init (WyLocationsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wy_locations_dialog_dispose;

  wy_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WY_GUI_RESOURCE_PATH "/ui/wy-locations-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WyLocationsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, WyLocationsDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, WyLocationsDialog, rename_button);
  gtk_widget_class_bind_template_child (widget_class, WyLocationsDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, WyLocationsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, WyLocationsDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, WyLocationsDialog, close_button);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rename_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked_cb);

  /* Escape closes, as in every dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wy_locations_dialog_init (WyLocationsDialog *self)
{
  GtkEventController *keys;
  GtkShortcutAction *undo;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Delete in the list deletes the chosen row (in the entry it deletes
   * a character: the shortcut is on the list only). */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                                                          gtk_callback_action_new (on_delete_key_cb, self, NULL)));
  gtk_widget_add_controller (self->list, keys);

  keys = gtk_shortcut_controller_new ();
  undo = gtk_callback_action_new (on_undo_key_cb, self, NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK), undo));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* --- Public API ---------------------------------------------------------- */

GtkWindow *
wy_locations_dialog_new (GtkWindow *parent,
                         WyStore   *store)
{
  WyLocationsDialog *self;
  g_autofree char *hint = NULL;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);

  self = g_object_new (WY_TYPE_LOCATIONS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->row_changed_id = g_signal_connect (store, WY_STORE_SIGNAL_ROW_CHANGED,
                                           G_CALLBACK (on_store_row_changed_cb), self);

  hint = wy_schema_limit_hint (wy_schema_field (wy_schema_table (WY_TABLE_COMMUNITY), "name"), NULL);
  gtk_label_set_text (GTK_LABEL (self->hint_label), hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                  -1);

  reload (self);
  update_buttons (self);

  return GTK_WINDOW (self);
}

gboolean
wy_locations_dialog_select (WyLocationsDialog *self,
                            WyTable            table,
                            gint64             id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (WY_IS_LOCATIONS_DIALOG (self), FALSE);

  row = find_row (self, table, id);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (GTK_LIST_BOX (self->list), row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

GtkWidget *
wy_locations_dialog_get_list (WyLocationsDialog *self)
{
  g_return_val_if_fail (WY_IS_LOCATIONS_DIALOG (self), NULL);

  return self->list;
}

GtkWidget *
wy_locations_dialog_get_name_entry (WyLocationsDialog *self)
{
  g_return_val_if_fail (WY_IS_LOCATIONS_DIALOG (self), NULL);

  return self->name_entry;
}

GtkWidget *
wy_locations_dialog_get_rename_button (WyLocationsDialog *self)
{
  g_return_val_if_fail (WY_IS_LOCATIONS_DIALOG (self), NULL);

  return self->rename_button;
}

GtkWidget *
wy_locations_dialog_get_delete_button (WyLocationsDialog *self)
{
  g_return_val_if_fail (WY_IS_LOCATIONS_DIALOG (self), NULL);

  return self->delete_button;
}

const char *
wy_locations_dialog_get_error (WyLocationsDialog *self)
{
  g_return_val_if_fail (WY_IS_LOCATIONS_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->error_label));
}

char *
wy_locations_dialog_get_row_text (WyLocationsDialog *self,
                                  WyTable            table,
                                  gint64             id)
{
  GtkListBoxRow *row;
  GtkWidget *label;

  g_return_val_if_fail (WY_IS_LOCATIONS_DIALOG (self), NULL);

  row = find_row (self, table, id);
  if (row == NULL)
    return NULL;
  label = gtk_list_box_row_get_child (row);
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}
