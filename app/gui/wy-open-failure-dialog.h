/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  WY_OPEN_FAILURE_RESPONSE_CLOSE,
  WY_OPEN_FAILURE_RESPONSE_OPEN_OTHER,
  WY_OPEN_FAILURE_RESPONSE_CREATE_NEW,
} WyOpenFailureResponse;

#define WY_TYPE_OPEN_FAILURE_DIALOG (wy_open_failure_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WyOpenFailureDialog, wy_open_failure_dialog, WY, OPEN_FAILURE_DIALOG, GtkWindow)

/* Tells why a ledger could not be opened (or created) and offers to open
 * another one, create a new one, or close. Emits ::response with a
 * WyOpenFailureResponse; closing the window counts as CLOSE. It only shows
 * the failure: it never touches the refused file. */
GtkWidget  *wy_open_failure_dialog_new         (const char          *path,
                                                const GError        *error);
void        wy_open_failure_dialog_set_heading (WyOpenFailureDialog *self,
                                                const char          *heading);
const char *wy_open_failure_dialog_get_path    (WyOpenFailureDialog *self);
/* The texts as shown, for tests and screen readers. */
const char *wy_open_failure_dialog_get_heading (WyOpenFailureDialog *self);
const char *wy_open_failure_dialog_get_message (WyOpenFailureDialog *self);
const char *wy_open_failure_dialog_get_file    (WyOpenFailureDialog *self);

G_END_DECLS
