/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WY_TYPE_APPLICATION (wy_application_get_type ())
G_DECLARE_FINAL_TYPE (WyApplication, wy_application, WY, APPLICATION, GtkApplication)

/* Largest --demo-size accepted. */
#define WY_DEMO_MAX_SIZE 200000

WyApplication *wy_application_new               (void);

/* The ledger "activate" opens: $XDG_DATA_HOME/wuyou/ledger.wuyou. */
char          *wy_application_get_default_path  (void);

/* Opens the ledger at path in its own window, or presents the window that
 * already shows it. When the store refuses the file, shows the failure
 * dialog instead. Returns (transfer none) the window shown: a WyWindow or
 * a WyOpenFailureDialog. Needs a registered application. */
GtkWindow     *wy_application_open_ledger       (WyApplication *self,
                                                 const char    *path,
                                                 GtkWindow     *parent);
/* Creates a new ledger at path (with the plan template) and opens it, or
 * shows why it could not. */
GtkWindow     *wy_application_create_ledger     (WyApplication *self,
                                                 const char    *path,
                                                 GtkWindow     *parent);

/* File choosers, then open_ledger/create_ledger on what was chosen. */
void           wy_application_choose_ledger     (WyApplication *self,
                                                 GtkWindow     *parent);
void           wy_application_choose_new_ledger (WyApplication *self,
                                                 GtkWindow     *parent);

G_END_DECLS
