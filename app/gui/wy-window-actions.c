/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-application.h"
#include "wy-export-dialog.h"
#include "wy-locations-dialog.h"
#include "wy-preferences-window.h"
#include "wy-problem-dialog.h"
#include "wy-window-private.h"
#include "wy-gui.h"

static WyApplication *
get_application (WyWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* A window made without an application (the tests) has no one to ask
   * for file choosers; the actions then do nothing. */
  return WY_IS_APPLICATION (app) ? WY_APPLICATION (app) : NULL;
}

static void
wy_window_actions_open_ledger (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  WyWindow *self = user_data;
  WyApplication *app = get_application (self);

  if (app != NULL)
    wy_application_choose_ledger (app, GTK_WINDOW (self));
}

static void
wy_window_actions_new_ledger (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  WyWindow *self = user_data;
  WyApplication *app = get_application (self);

  if (app != NULL)
    wy_application_choose_new_ledger (app, GTK_WINDOW (self));
}

/* Save a copy -------------------------------------------------------- */

static void
on_save_copy_response_cb (GtkNativeDialog *native,
                          int              response,
                          WyWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }

  if (path != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);
      g_autofree char *full = g_str_has_suffix (lower, WY_LEDGER_EXTENSION)
                              ? g_strdup (path) : g_strconcat (path, WY_LEDGER_EXTENSION, NULL);

      if (!wy_store_save_copy (wy_window_get_store (self), full, &error))
        wy_gui_show_error (GTK_WINDOW (self), _("Could not save a copy of the ledger"), error);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
wy_window_actions_save_copy (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  WyWindow *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GFile) file = g_file_new_for_path (wy_store_get_path (wy_window_get_store (self)));
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  /* Translators: the proposed name of a copy; %s is the ledger's name */
  name = g_strdup_printf (_("%s (copy)"), wy_window_get_ledger_title (self));
  {
    g_autofree char *file_name = g_strconcat (name, WY_LEDGER_EXTENSION, NULL);

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  }

  g_signal_connect (native, "response", G_CALLBACK (on_save_copy_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
wy_window_actions_export (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  WyWindow *self = user_data;

  gtk_window_present (GTK_WINDOW (wy_export_dialog_new (self)));
}

static void
wy_window_actions_preferences (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  WyWindow *self = user_data;
  GtkWindow *preferences;

  preferences = wy_preferences_window_new (GTK_WINDOW (self), wy_window_get_store (self));
  gtk_window_present (preferences);
}

static void
wy_window_actions_search (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  WyWindow *self = user_data;
  GtkEditable *entry = wy_window_get_search_entry (self);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_select_region (entry, 0, -1);
}

/* New compound: name, community and category, the required fields ----- */

typedef struct {
  WyWindow    *window;
  GtkWindow   *dialog;
  GtkEntry    *name;
  GtkDropDown *community;
  GtkDropDown *category;
  GtkWidget   *new_place;       /* district, street and community entries */
  GtkEntry    *district;
  GtkEntry    *street;
  GtkEntry    *new_community;
  GtkLabel    *error;
  GArray      *community_ids;   /* per drop-down position; the last one is "New community…" */
} NewCompound;

static void
new_compound_free (NewCompound *data)
{
  g_clear_pointer (&data->community_ids, g_array_unref);
  g_free (data);
}

static void
new_compound_show_error (NewCompound *data,
                         const char  *message)
{
  gtk_label_set_text (data->error, message);
  gtk_widget_set_visible (GTK_WIDGET (data->error), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (data->name), "error");
  gtk_widget_grab_focus (GTK_WIDGET (data->name));
}

static void
on_new_compound_add_cb (GtkWidget   *widget,
                        NewCompound *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->name))));
  guint community = gtk_drop_down_get_selected (data->community);
  const char *category = gtk_drop_down_get_selected (data->category) == 1
                         ? WY_CATEGORY_THREE_NONE : WY_CATEGORY_SELF_MANAGED;
  gint64 community_id;

  if (*name == '\0')
    {
      new_compound_show_error (data, _("The compound needs a name."));
      return;
    }
  if (community == GTK_INVALID_LIST_POSITION || community > data->community_ids->len)
    {
      new_compound_show_error (data, _("Choose the compound’s community."));
      return;
    }

  if (community == data->community_ids->len)
    {
      /* A community the ledger does not have yet (a new ledger has none). */
      community_id = wy_locations_ensure_community (wy_window_get_store (data->window),
                                                    gtk_editable_get_text (GTK_EDITABLE (data->district)),
                                                    gtk_editable_get_text (GTK_EDITABLE (data->street)),
                                                    gtk_editable_get_text (GTK_EDITABLE (data->new_community)),
                                                    &error);
      if (community_id <= 0)
        {
          new_compound_show_error (data, error->message);
          return;
        }
    }
  else
    community_id = g_array_index (data->community_ids, gint64, community);

  if (wy_window_add_compound (data->window, name, community_id, category, &error) <= 0)
    {
      new_compound_show_error (data, error != NULL ? error->message : _("The compound could not be added."));
      return;
    }

  gtk_window_destroy (data->dialog);
}

static void
on_new_compound_name_changed_cb (GtkEditable *editable,
                                 NewCompound *data)
{
  gtk_widget_remove_css_class (GTK_WIDGET (data->name), "error");
  gtk_widget_set_visible (GTK_WIDGET (data->error), FALSE);
}

static void
on_new_compound_community_selected_cb (GtkDropDown *drop_down,
                                       GParamSpec  *pspec,
                                       NewCompound *data)
{
  gtk_widget_set_visible (data->new_place,
                          gtk_drop_down_get_selected (drop_down) == data->community_ids->len);
}

static GtkWidget *
labelled (GtkGrid    *grid,
          int         row,
          const char *text,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  return widget;
}

/* The limits of a name (wy_schema_limit_hint), shown in the empty entry
 * and read with it; the store refuses what breaks them. */
static void
tell_limits (GtkEntry *entry,
             WyTable   table)
{
  g_autofree char *hint = wy_schema_limit_hint (wy_schema_field (wy_schema_table (table), "name"), NULL);

  gtk_entry_set_placeholder_text (entry, hint);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                  -1);
}

static void
wy_window_actions_new_compound (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  WyWindow *self = user_data;
  WyStore *store = wy_window_get_store (self);
  g_autoptr(GPtrArray) communities = wy_store_list (store, WY_TABLE_COMMUNITY, 0, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const categories[] = { _("Self-managed"), _("Three-none"), NULL };
  g_autoptr(GtkStringList) category_names = gtk_string_list_new (categories);
  GtkWidget *box, *grid, *buttons, *cancel, *add, *header;
  NewCompound *data;

  data = g_new0 (NewCompound, 1);
  data->window = self;
  data->community_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; communities != NULL && i < communities->len; i++)
    {
      WyRecord *community = g_ptr_array_index (communities, i);
      gint64 id = wy_record_get_id (community);

      g_array_append_val (data->community_ids, id);
      gtk_string_list_append (names, wy_record_get (community, "name"));
    }
  gtk_string_list_append (names, _("New community…"));

  data->dialog = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (data->dialog, _("New Compound"));
  gtk_window_set_modal (data->dialog, TRUE);
  gtk_window_set_transient_for (data->dialog, GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (data->dialog, TRUE);
  gtk_window_set_default_size (data->dialog, 420, -1);
  g_object_set_data_full (G_OBJECT (data->dialog), "wy-new-compound", data,
                          (GDestroyNotify) new_compound_free);

  header = gtk_header_bar_new ();
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), data->dialog);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  add = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (add, "suggested-action");
  g_signal_connect (add, "clicked", G_CALLBACK (on_new_compound_add_cb), data);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), add);
  gtk_window_set_titlebar (data->dialog, header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  data->name = GTK_ENTRY (labelled (GTK_GRID (grid), 0, _("_Name"), gtk_entry_new ()));
  gtk_entry_set_activates_default (data->name, TRUE);
  g_signal_connect (data->name, "changed", G_CALLBACK (on_new_compound_name_changed_cb), data);

  data->community = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_drop_down_set_expression (data->community,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (data->community, TRUE);
  labelled (GTK_GRID (grid), 1, _("C_ommunity"), GTK_WIDGET (data->community));

  data->category = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (category_names)), NULL));
  labelled (GTK_GRID (grid), 2, _("C_ategory"), GTK_WIDGET (data->category));
  gtk_box_append (GTK_BOX (box), grid);

  /* Where the new community sits: found by name, or created. */
  data->new_place = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (data->new_place), 8);
  gtk_grid_set_column_spacing (GTK_GRID (data->new_place), 12);
  data->district = GTK_ENTRY (labelled (GTK_GRID (data->new_place), 0, _("_District"), gtk_entry_new ()));
  data->street = GTK_ENTRY (labelled (GTK_GRID (data->new_place), 1, _("_Street office"), gtk_entry_new ()));
  data->new_community = GTK_ENTRY (labelled (GTK_GRID (data->new_place), 2, _("New co_mmunity"), gtk_entry_new ()));
  gtk_entry_set_activates_default (data->new_community, TRUE);
  tell_limits (data->name, WY_TABLE_COMPOUND);
  tell_limits (data->district, WY_TABLE_DISTRICT);
  tell_limits (data->street, WY_TABLE_STREET);
  tell_limits (data->new_community, WY_TABLE_COMMUNITY);
  gtk_box_append (GTK_BOX (box), data->new_place);
  {
    /* Both grids' labels as one column. */
    g_autoptr(GtkSizeGroup) labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

    for (int row = 0; row < 3; row++)
      {
        gtk_size_group_add_widget (labels, gtk_grid_get_child_at (GTK_GRID (grid), 0, row));
        gtk_size_group_add_widget (labels, gtk_grid_get_child_at (GTK_GRID (data->new_place), 0, row));
      }
  }
  g_signal_connect (data->community, "notify::selected",
                    G_CALLBACK (on_new_compound_community_selected_cb), data);
  on_new_compound_community_selected_cb (data->community, NULL, data);

  data->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->error, TRUE);
  gtk_label_set_xalign (data->error, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (data->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (data->error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->error));

  buttons = gtk_label_new (_("The other facts are filled in beside the list once it is added."));
  gtk_label_set_wrap (GTK_LABEL (buttons), TRUE);
  gtk_label_set_xalign (GTK_LABEL (buttons), 0.0f);
  gtk_widget_add_css_class (buttons, "dim-label");
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_window_set_child (data->dialog, box);
  gtk_window_set_default_widget (data->dialog, add);
  gtk_widget_grab_focus (GTK_WIDGET (data->name));
  gtk_window_present (data->dialog);
}

static void
wy_window_actions_new_problem (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  WyWindow *self = user_data;
  gint64 compound_id = wy_compounds_page_get_selected_id (wy_window_get_compounds_page (self));
  GtkWindow *dialog;

  if (compound_id <= 0)
    return;

  dialog = wy_problem_dialog_new (GTK_WINDOW (self), wy_window_get_store (self), compound_id, 0);
  if (dialog != NULL)
    gtk_window_present (dialog);
}

/* Delete, after asking ------------------------------------------------ */

static void
on_delete_response_cb (GtkDialog *dialog,
                       int        response,
                       WyWindow  *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "wy-compound-id"));
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  if (!wy_window_delete_compound (self, id, &error))
    wy_gui_show_error (GTK_WINDOW (self), _("Could not delete the compound"), error);
}

static void
wy_window_actions_delete_compound (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data)
{
  WyWindow *self = user_data;
  WyStore *store = wy_window_get_store (self);
  gint64 id = wy_compounds_page_get_selected_id (wy_window_get_compounds_page (self));
  g_autoptr(WyCompoundRow) row = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GtkWidget *dialog, *button;
  guint n_problems;

  if (id <= 0)
    return;

  row = wy_store_get_compound_row (store, id, NULL);
  if (row == NULL)
    return;
  problems = wy_store_list_problem_rows (store, id, NULL);
  n_problems = problems != NULL ? problems->len : 0;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Translators: %s is a compound's name */
                                   _("Delete “%s”?"), row->name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            ngettext ("Its %u problem, with its progress, is deleted with it. "
                                                      "Undo (Ctrl+Z) brings everything back.",
                                                      "Its %u problems, with their progress, are deleted with it. "
                                                      "Undo (Ctrl+Z) brings everything back.",
                                                      n_problems),
                                            n_problems);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_object_set_data (G_OBJECT (dialog), "wy-compound-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
wy_window_actions_undo (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  _wy_window_replay_or_report (WY_WINDOW (user_data), FALSE);
}

static void
wy_window_actions_redo (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  _wy_window_replay_or_report (WY_WINDOW (user_data), TRUE);
}

static void
wy_window_actions_manage_locations (GSimpleAction *action,
                                    GVariant      *param,
                                    gpointer       user_data)
{
  WyWindow *self = user_data;

  gtk_window_present (wy_locations_dialog_new (GTK_WINDOW (self), wy_window_get_store (self)));
}

static const GActionEntry window_actions[] = {
  { .name = "open-ledger", .activate = wy_window_actions_open_ledger },
  { .name = "new-ledger", .activate = wy_window_actions_new_ledger },
  { .name = "save-copy", .activate = wy_window_actions_save_copy },
  { .name = "export", .activate = wy_window_actions_export },
  { .name = "preferences", .activate = wy_window_actions_preferences },
  { .name = "manage-locations", .activate = wy_window_actions_manage_locations },
  { .name = "search", .activate = wy_window_actions_search },
  { .name = "new-compound", .activate = wy_window_actions_new_compound },
  { .name = "new-problem", .activate = wy_window_actions_new_problem },
  { .name = "delete-compound", .activate = wy_window_actions_delete_compound },
  { .name = "undo", .activate = wy_window_actions_undo },
  { .name = "redo", .activate = wy_window_actions_redo },
};

static void
set_enabled (WyWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_wy_window_update_actions (WyWindow *self)
{
  WyCompoundsPage *page = wy_window_get_compounds_page (self);
  gint64 selected = page != NULL ? wy_compounds_page_get_selected_id (page) : 0;
  gboolean on_compounds = g_strcmp0 (wy_window_get_page (self), "compounds") == 0;

  set_enabled (self, "new-problem", selected > 0);
  set_enabled (self, "delete-compound", selected > 0 && on_compounds);
  set_enabled (self, "undo", _wy_window_can_undo (self));
  set_enabled (self, "redo", _wy_window_can_redo (self));
}

void
_wy_window_actions_init (WyWindow *self)
{
  g_return_if_fail (WY_IS_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   window_actions,
                                   G_N_ELEMENTS (window_actions),
                                   self);
}
