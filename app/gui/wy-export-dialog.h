/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <wuyou/wuyou.h>

#include "wy-window.h"

G_BEGIN_DECLS

#define WY_TYPE_EXPORT_DIALOG (wy_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WyExportDialog, wy_export_dialog, WY, EXPORT_DIALOG, GtkWindow)

/* "Export Ledger": what goes out (everything, what the compound list
 * shows, one street office or community), which sheets, paper, as-of
 * date, format. "Export…" asks for a file, then writes it in a worker
 * thread with a progress bar; when done the window shows "Exported …
 * Open", a failure is shown with the reason. */
WyExportDialog *wy_export_dialog_new        (WyWindow       *window);

typedef enum {
  WY_EXPORT_DIALOG_SCOPE_ALL,
  WY_EXPORT_DIALOG_SCOPE_LIST,
  WY_EXPORT_DIALOG_SCOPE_AREA,
} WyExportDialogScope;

/* For the tests and for scripting the dialog. */
void            wy_export_dialog_set_scope  (WyExportDialog *self,
                                             WyExportDialogScope scope);
void            wy_export_dialog_set_csv    (WyExportDialog *self,
                                             gboolean        csv);
GtkEditable    *wy_export_dialog_get_as_of_entry (WyExportDialog *self);
/* Runs the export with the dialog's choices to path, without the file
 * chooser. FALSE (and nothing started) when a choice is invalid or the
 * snapshot fails; the reason is shown and kept (get_last_error). */
gboolean        wy_export_dialog_export_to  (WyExportDialog *self,
                                             const char     *path);
gboolean        wy_export_dialog_is_running (WyExportDialog *self);
/* The error of the last export, or NULL after a success. */
const GError   *wy_export_dialog_get_last_error (WyExportDialog *self);

G_END_DECLS
