/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "wy-gui.h"
#include "wy-gui-resources.h"

/* GTK 4.8 gives a screen reader the type name of a widget nobody named.
 * Two of them take the focus inside widgets we do name: a drop-down's
 * button ("GtkToggleButton") and a column view's row list
 * ("GtkColumnListView"). Each is labelled here by what names its parent:
 * the field label the drop-down is the mnemonic target of, else the
 * drop-down or column view itself. */
static gboolean
on_widget_realize_hook (GSignalInvocationHint *hint,
                        guint                  n_values,
                        const GValue          *values,
                        gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkWidget *inner;
  GtkWidget *namer = widget;

  if (GTK_IS_DROP_DOWN (widget))
    inner = wy_gui_find_descendant (widget, GTK_TYPE_TOGGLE_BUTTON);
  else if (GTK_IS_COLUMN_VIEW (widget))
    inner = wy_gui_find_descendant (widget, GTK_TYPE_LIST_VIEW);
  else
    return TRUE;
  if (inner == NULL)
    return TRUE;

  if (GTK_IS_DROP_DOWN (widget))
    {
      GList *labels = gtk_widget_list_mnemonic_labels (widget);

      if (labels != NULL)
        namer = labels->data;
      g_list_free (labels);
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (inner),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, namer, NULL,
                                  -1);
  return TRUE;
}

void
wy_gui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      wy_gui_register_resource ();
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  on_widget_realize_hook, NULL, NULL);
      g_once_init_leave (&registered, 1);
    }
}

void
wy_gui_show_error (GtkWindow    *parent,
                   const char   *heading,
                   const GError *error)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", heading);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            error != NULL ? error->message : "");
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

guint
wy_gui_text_chars (const char *text)
{
  guint chars = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    chars += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return chars;
}

guint
wy_gui_light_column_chars (void)
{
  const WyLight lights[] = { WY_LIGHT_GREEN, WY_LIGHT_YELLOW, WY_LIGHT_RED, WY_LIGHT_DONE };
  guint widest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lights); i++)
    {
      /* the dot and a space, then the word */
      widest = MAX (widest, 2 + wy_gui_text_chars (wy_light_to_label (lights[i])));
    }

  return widest;
}

guint
wy_gui_code_labels_chars (const WyFieldInfo *field)
{
  guint widest = 0;

  g_return_val_if_fail (field != NULL && field->codes != NULL, 0);

  for (guint i = 0; field->codes[i] != NULL; i++)
    widest = MAX (widest, wy_gui_text_chars (wy_schema_code_label (field, field->codes[i])));
  return widest;
}

GtkWidget *
wy_gui_find_descendant (GtkWidget *widget,
                        GType      type)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : wy_gui_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
wy_gui_empty_detail_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (label, 24);
  gtk_widget_set_margin_end (label, 24);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

typedef struct {
  guint min_chars;
  guint nat_chars;
} CellWidths;

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  CellWidths               *widths)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), widths->min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), widths->nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_margin_start (inscription, 4);
  gtk_widget_set_margin_end (inscription, 4);
  gtk_list_item_set_child (list_item, inscription);
}

GtkListItemFactory *
wy_gui_cell_factory_new (guint min_chars,
                         guint nat_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellWidths *widths = g_new (CellWidths, 1);

  widths->min_chars = MIN (min_chars, nat_chars);
  widths->nat_chars = nat_chars;
  g_signal_connect_data (factory, "setup", G_CALLBACK (on_cell_setup_cb), widths,
                         (GClosureNotify) g_free, 0);
  return factory;
}

#define CELL_TOOLTIP_KEY "wy-cell-tooltip"
#define CELL_TOOLTIP_MAX_CHARS 60

static gboolean
on_cell_query_tooltip_cb (GtkWidget  *cell,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (cell), CELL_TOOLTIP_KEY);
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return FALSE;

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), (int) MIN (wy_gui_text_chars (text), CELL_TOOLTIP_MAX_CHARS));
  gtk_label_set_max_width_chars (GTK_LABEL (label), CELL_TOOLTIP_MAX_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

GtkWidget *
wy_gui_undo_notice_new (GtkWidget **label,
                        GCallback   on_undo_clicked,
                        gpointer    data)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  *label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*label), 0.0f);
  gtk_widget_set_hexpand (*label, TRUE);
  gtk_box_append (GTK_BOX (box), *label);
  button = gtk_button_new_with_mnemonic (_("_Undo"));
  g_signal_connect (button, "clicked", on_undo_clicked, data);
  gtk_box_append (GTK_BOX (box), button);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  return revealer;
}

GtkWidget *
wy_gui_toolbar_new (void)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_top (toolbar, 6);
  gtk_widget_set_margin_bottom (toolbar, 6);
  gtk_widget_set_margin_start (toolbar, 6);
  gtk_widget_set_margin_end (toolbar, 6);
  return toolbar;
}

GtkWidget *
wy_gui_list_detail_paned_new (void)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);

  gtk_widget_set_vexpand (paned, TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  return paned;
}

GtkSingleSelection *
wy_gui_filtered_selection_new (GListModel          *items,
                               GtkFilter           *filter,
                               GtkFilterListModel **filtered)
{
  GtkSingleSelection *selection;

  *filtered = gtk_filter_list_model_new (g_object_ref (items), filter);
  selection = gtk_single_selection_new (G_LIST_MODEL (*filtered));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  return selection;
}

GtkWidget *
wy_gui_list_pane_new (GtkWidget  *list,
                      GtkWidget **status_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  *status_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*status_label), 0.0f);
  gtk_widget_add_css_class (*status_label, "wy-count-bar");
  gtk_box_append (GTK_BOX (box), *status_label);
  return box;
}

GtkWidget *
wy_gui_detail_stack_new (const char *empty_text)
{
  GtkWidget *stack = gtk_stack_new ();

  gtk_widget_set_size_request (stack, 340, -1);
  gtk_stack_add_named (GTK_STACK (stack), wy_gui_empty_detail_label (empty_text), "empty");
  return stack;
}

GtkWidget *
wy_gui_detail_box_new (void)
{
  GtkWidget *detail = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_margin_top (detail, 12);
  gtk_widget_set_margin_bottom (detail, 12);
  gtk_widget_set_margin_start (detail, 12);
  gtk_widget_set_margin_end (detail, 12);
  return detail;
}

void
wy_gui_detail_stack_add (GtkWidget  *stack,
                         GtkWidget  *detail,
                         const char *name)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), detail);
  gtk_stack_add_named (GTK_STACK (stack), scrolled, name);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "empty");
}

void
wy_gui_show_light (GtkWidget *widget,
                   WyLight    light,
                   gboolean   say_none)
{
  static const char *classes[] = {
    [WY_LIGHT_NONE] = "wy-light-none", [WY_LIGHT_GREEN] = "wy-light-green",
    [WY_LIGHT_YELLOW] = "wy-light-yellow", [WY_LIGHT_RED] = "wy-light-red",
    [WY_LIGHT_DONE] = "wy-light-done",
  };
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_LABEL (widget) || GTK_IS_INSCRIPTION (widget));
  g_return_if_fail ((guint) light < G_N_ELEMENTS (classes));

  /* The word, not only the colour: the light must read in grey too. */
  text = g_strdup_printf ("● %s", light == WY_LIGHT_NONE && !say_none ? "" : wy_light_to_label (light));
  if (GTK_IS_LABEL (widget))
    gtk_label_set_text (GTK_LABEL (widget), text);
  else
    gtk_inscription_set_text (GTK_INSCRIPTION (widget), text);

  /* Rows are rebound often while scrolling: touch the classes only when
   * the light changed. */
  if (gtk_widget_has_css_class (widget, classes[light]))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  gtk_widget_add_css_class (widget, classes[light]);
}

void
wy_gui_mark_urgent (GtkWidget *widget,
                    WyLight    light)
{
  gtk_widget_remove_css_class (widget, "wy-light-red");
  gtk_widget_remove_css_class (widget, "wy-light-yellow");
  if (light == WY_LIGHT_RED)
    gtk_widget_add_css_class (widget, "wy-light-red");
  else if (light == WY_LIGHT_YELLOW)
    gtk_widget_add_css_class (widget, "wy-light-yellow");
}

void
wy_gui_set_cell_tooltip (GtkWidget  *cell,
                         const char *text)
{
  gboolean has_text = text != NULL && *text != '\0';

  g_return_if_fail (GTK_IS_WIDGET (cell));

  if (g_object_get_data (G_OBJECT (cell), CELL_TOOLTIP_KEY "-connected") == NULL)
    {
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (cell), CELL_TOOLTIP_KEY "-connected", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (cell), CELL_TOOLTIP_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (cell, has_text);
  if (has_text)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
wy_gui_editable_show_text (GtkEditable *editable,
                           const char  *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  /* Turning undo off forgets the history; on again, it starts afresh. */
  gtk_editable_set_enable_undo (editable, FALSE);
  gtk_editable_set_text (editable, text != NULL ? text : "");
  gtk_editable_set_enable_undo (editable, TRUE);
}
