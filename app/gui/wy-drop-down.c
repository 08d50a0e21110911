/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-drop-down.h"

static void
on_label_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  int max_chars = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (max_chars > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
      gtk_label_set_width_chars (GTK_LABEL (label), MIN (max_chars, 6));
    }
  gtk_list_item_set_child (list_item, label);
}

static void
on_label_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (item));
}

static GtkListItemFactory *
label_factory (int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_label_setup_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (on_label_bind_cb), NULL);
  return factory;
}

static void
on_selected_item_changed_cb (GtkDropDown *drop_down,
                             GParamSpec  *pspec,
                             gpointer     user_data)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);

  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down),
                               GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL);
}

void
wy_drop_down_set_compact (GtkDropDown *drop_down,
                          int          max_chars)
{
  g_autoptr(GtkListItemFactory) button = label_factory (max_chars);
  g_autoptr(GtkListItemFactory) list = label_factory (0);

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (on_selected_item_changed_cb), NULL);
  on_selected_item_changed_cb (drop_down, NULL, NULL);
}
