/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-window-actions"

#include "config.h"

#include "wy-application.h"
#include "wy-window-private.h"

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

static const GActionEntry window_actions[] = {
  { .name = "open-ledger", .activate = wy_window_actions_open_ledger },
  { .name = "new-ledger", .activate = wy_window_actions_new_ledger },
};

void
_wy_window_actions_init (WyWindow *self)
{
  g_return_if_fail (WY_IS_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   window_actions,
                                   G_N_ELEMENTS (window_actions),
                                   self);
}
