/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-page"

#include "config.h"

#include <glib/gi18n.h>

#include "wy-page.h"

G_DEFINE_INTERFACE (WyPage, wy_page, GTK_TYPE_WIDGET)

static void
wy_page_default_init (WyPageInterface *iface)
{
}

const char *
wy_page_get_name (WyPage *self)
{
  g_return_val_if_fail (WY_IS_PAGE (self), NULL);

  return WY_PAGE_GET_IFACE (self)->name;
}

const char *
wy_page_get_title (WyPage *self)
{
  const char *title;

  g_return_val_if_fail (WY_IS_PAGE (self), NULL);

  title = WY_PAGE_GET_IFACE (self)->title;
  return title != NULL ? _(title) : NULL;
}

const char *
wy_page_get_icon_name (WyPage *self)
{
  g_return_val_if_fail (WY_IS_PAGE (self), NULL);

  return WY_PAGE_GET_IFACE (self)->icon_name;
}

void
wy_page_reload (WyPage *self)
{
  g_return_if_fail (WY_IS_PAGE (self));

  if (WY_PAGE_GET_IFACE (self)->reload != NULL)
    WY_PAGE_GET_IFACE (self)->reload (self);
}

gboolean
wy_page_has_search (WyPage *self)
{
  g_return_val_if_fail (WY_IS_PAGE (self), FALSE);

  return WY_PAGE_GET_IFACE (self)->set_search_text != NULL;
}

const char *
wy_page_get_search_placeholder (WyPage *self)
{
  const char *placeholder;

  g_return_val_if_fail (WY_IS_PAGE (self), NULL);

  placeholder = WY_PAGE_GET_IFACE (self)->search_placeholder;
  return placeholder != NULL ? _(placeholder) : NULL;
}

guint
wy_page_get_search_delay (WyPage *self)
{
  g_return_val_if_fail (WY_IS_PAGE (self), 0);

  return WY_PAGE_GET_IFACE (self)->search_delay_ms;
}

void
wy_page_set_search_text (WyPage     *self,
                         const char *text)
{
  g_return_if_fail (WY_IS_PAGE (self));

  if (WY_PAGE_GET_IFACE (self)->set_search_text != NULL)
    WY_PAGE_GET_IFACE (self)->set_search_text (self, text != NULL ? text : "");
}

gboolean
wy_page_select_by_id (WyPage *self,
                      gint64  id)
{
  g_return_val_if_fail (WY_IS_PAGE (self), FALSE);

  if (WY_PAGE_GET_IFACE (self)->select_by_id == NULL)
    return FALSE;
  return WY_PAGE_GET_IFACE (self)->select_by_id (self, id);
}

gboolean
wy_page_can_export (WyPage *self)
{
  g_return_val_if_fail (WY_IS_PAGE (self), FALSE);

  return WY_PAGE_GET_IFACE (self)->export_to_file != NULL;
}

gboolean
wy_page_export_to_file (WyPage      *self,
                        const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (WY_IS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (WY_PAGE_GET_IFACE (self)->export_to_file == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This page cannot be exported to a file."));
      return FALSE;
    }
  return WY_PAGE_GET_IFACE (self)->export_to_file (self, path, error);
}

gboolean
wy_page_can_print (WyPage *self)
{
  g_return_val_if_fail (WY_IS_PAGE (self), FALSE);

  return WY_PAGE_GET_IFACE (self)->print != NULL;
}

gboolean
wy_page_print (WyPage    *self,
               GtkWindow *parent)
{
  g_return_val_if_fail (WY_IS_PAGE (self), FALSE);

  if (WY_PAGE_GET_IFACE (self)->print == NULL)
    return FALSE;
  return WY_PAGE_GET_IFACE (self)->print (self, parent);
}
