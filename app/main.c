/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "wy-application.h"
#include "wy-command-line.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WyApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* WUYOU_LOCALEDIR: the build tree's translations, for tests. */
  localedir = g_getenv ("WUYOU_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Exports and charts take a ledger FILE of their own and need no display. */
  if (wy_command_line_is_export (argc, argv))
    return wy_command_line_export (argc, argv);
  if (wy_command_line_is_chart (argc, argv))
    return wy_command_line_chart (argc, argv);

  app = wy_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
