/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WY_TYPE_PAGE (wy_page_get_type ())
G_DECLARE_INTERFACE (WyPage, wy_page, WY, PAGE, GtkWidget)

/* A page of the ledger window, as gnome-calendar's GcalView is a view:
 * the window keeps a list of them and asks each one through this
 * contract (its place in the sidebar, reload, search, "show this row").
 *
 * The static fields are set once in the page's interface init; the
 * methods are called through the wy_page_*() functions below. A page
 * that leaves set_search_text NULL has no search (the window hides the
 * entry on it); the other optional methods say FALSE when left NULL. */
struct _WyPageInterface
{
  GTypeInterface parent_iface;

  /* The stack child's name ("due"), the sidebar's title (marked with
   * N_(), translated by wy_page_get_title()) and its icon. */
  const char *name;
  const char *title;
  const char *icon_name;
  /* Search: what the empty entry says (N_()) and how long the entry
   * waits after a key before it searches. */
  const char *search_placeholder;
  guint       search_delay_ms;

  /* Reads the ledger again (today, the warning window or another
   * program's save changed what the page shows). Required. */
  void      (*reload)          (WyPage      *self);
  void      (*set_search_text) (WyPage      *self,
                                const char  *text);
  /* Shows the row of that id (the page's own table); FALSE when it has
   * no such row. */
  gboolean  (*select_by_id)    (WyPage      *self,
                                gint64       id);
  /* Writes what the page shows to a file (the format follows the
   * extension), or prints it. */
  gboolean  (*export_to_file)  (WyPage      *self,
                                const char  *path,
                                GError     **error);
  gboolean  (*print)           (WyPage      *self,
                                GtkWindow   *parent);
};

const char *wy_page_get_name               (WyPage      *self);
const char *wy_page_get_title              (WyPage      *self);
const char *wy_page_get_icon_name          (WyPage      *self);
void        wy_page_reload                 (WyPage      *self);
gboolean    wy_page_has_search             (WyPage      *self);
const char *wy_page_get_search_placeholder (WyPage      *self);
guint       wy_page_get_search_delay       (WyPage      *self);
void        wy_page_set_search_text        (WyPage      *self,
                                            const char  *text);
gboolean    wy_page_select_by_id           (WyPage      *self,
                                            gint64       id);
gboolean    wy_page_can_export             (WyPage      *self);
gboolean    wy_page_export_to_file         (WyPage      *self,
                                            const char  *path,
                                            GError     **error);
gboolean    wy_page_can_print              (WyPage      *self);
gboolean    wy_page_print                  (WyPage      *self,
                                            GtkWindow   *parent);

G_END_DECLS
