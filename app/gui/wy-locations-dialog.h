/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

G_BEGIN_DECLS

#define WY_TYPE_LOCATIONS_DIALOG (wy_locations_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WyLocationsDialog, wy_locations_dialog, WY, LOCATIONS_DIALOG, GtkWindow)

/* "Streets and Communities" (win.manage-locations): every street office
 * and community of the ledger under its district, each with its number
 * of compounds; the chosen one is renamed (an audited update) or deleted
 * (asked, refused while it has compounds, undone by Ctrl+Z). */
GtkWindow  *wy_locations_dialog_new             (GtkWindow         *parent,
                                                 WyStore           *store);
/* Chooses a row as a click does; FALSE when it is not listed. */
gboolean    wy_locations_dialog_select          (WyLocationsDialog *self,
                                                 WyTable            table,
                                                 gint64             id);
GtkWidget  *wy_locations_dialog_get_list        (WyLocationsDialog *self);
GtkWidget  *wy_locations_dialog_get_name_entry  (WyLocationsDialog *self);
GtkWidget  *wy_locations_dialog_get_rename_button (WyLocationsDialog *self);
GtkWidget  *wy_locations_dialog_get_delete_button (WyLocationsDialog *self);
/* The message under the name, or NULL. */
const char *wy_locations_dialog_get_error       (WyLocationsDialog *self);
/* The text a row shows for it ("东门社区  2 compounds"), or NULL. */
char       *wy_locations_dialog_get_row_text    (WyLocationsDialog *self,
                                                 WyTable            table,
                                                 gint64             id);

G_END_DECLS
