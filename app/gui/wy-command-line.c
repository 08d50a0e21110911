/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <wuyou/wuyou.h>
#include <wuyou/wy-export.h>

#include "wy-application.h"
#include "wy-command-line.h"

gboolean
wy_command_line_is_export (int    argc,
                           char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--export-ledger") || g_str_has_prefix (argv[i], "--export-ledger="))
      return TRUE;

  return FALSE;
}

static int
usage_error (const char *message)
{
  g_printerr ("%s\n", message);
  return 2;
}

/* "street:青松街道" or "community:东门社区" (also with "="), or "all". */
static gboolean
resolve_scope (WyStore          *store,
               const char       *scope,
               WyExportOptions  *options,
               GError          **error)
{
  const char *name;
  WyTable table;
  g_autoptr(GPtrArray) rows = NULL;

  if (scope == NULL || g_str_equal (scope, "all"))
    return TRUE;

  if (g_str_has_prefix (scope, "street:") || g_str_has_prefix (scope, "street="))
    {
      table = WY_TABLE_STREET;
      options->scope = WY_EXPORT_SCOPE_STREET;
      name = scope + strlen ("street:");
    }
  else if (g_str_has_prefix (scope, "community:") || g_str_has_prefix (scope, "community="))
    {
      table = WY_TABLE_COMMUNITY;
      options->scope = WY_EXPORT_SCOPE_COMMUNITY;
      name = scope + strlen ("community:");
    }
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown scope “%s”: use all, street:NAME or community:NAME."), scope);
      return FALSE;
    }

  rows = wy_store_list (store, table, 0, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (wy_record_get (g_ptr_array_index (rows, i), "name"), name) == 0)
      {
        options->scope_id = wy_record_get_id (g_ptr_array_index (rows, i));
        return TRUE;
      }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               table == WY_TABLE_STREET ? _("The ledger has no street office named “%s”.")
                                        : _("The ledger has no community named “%s”."),
               name);
  return FALSE;
}

static gboolean
parse_sheets (const char       *list,
              WyExportOptions  *options,
              GError          **error)
{
  static const struct { const char *name; WyExportSheets sheet; } names[] = {
    { "compounds", WY_EXPORT_SHEET_COMPOUNDS },
    { "problems", WY_EXPORT_SHEET_PROBLEMS },
    { "tasks", WY_EXPORT_SHEET_TASKS },
    { "phases", WY_EXPORT_SHEET_PHASES },
    { "attainment", WY_EXPORT_SHEET_ATTAINMENT },
  };
  g_auto(GStrv) parts = NULL;

  if (list == NULL)
    return TRUE;

  options->sheets = 0;
  parts = g_strsplit (list, ",", -1);
  for (guint p = 0; parts[p] != NULL; p++)
    {
      gboolean known = FALSE;

      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        if (g_str_equal (g_strstrip (parts[p]), names[n].name))
          {
            options->sheets |= names[n].sheet;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown sheet “%s”: use compounds, problems, tasks, phases or attainment."),
                       parts[p]);
          return FALSE;
        }
    }

  return TRUE;
}

int
wy_command_line_export (int    argc,
                        char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *sheets = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *as_of = NULL;
  g_auto(GStrv) files = NULL;
  gboolean three_lists = FALSE;
  const GOptionEntry entries[] = {
    { "export-ledger", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the Excel ledger (.xlsx) or the problem ledger as CSV (.csv) to OUT and exit"), N_("OUT") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope,
      N_("What goes out: all, street:NAME or community:NAME"), N_("SCOPE") },
    { "sheets", 0, 0, G_OPTION_ARG_STRING, &sheets,
      N_("Comma-separated sheets: compounds, problems, tasks, phases, attainment"), N_("LIST") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size: A4 (default) or A3"), N_("SIZE") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("The as-of date (default: today)"), N_("YYYY-MM-DD") },
    { "three-lists", 0, 0, G_OPTION_ARG_NONE, &three_lists,
      N_("Problems as three sheets: new, in progress, signed off"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE] — export a ledger"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autofree char *ledger = NULL;
  g_autofree char *display = NULL;
  WyExportOptions options;
  GDate today;
  gboolean csv, ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (out == NULL || *out == '\0')
    return usage_error (_("--export-ledger needs the name of the file to write"));
  if (files != NULL && g_strv_length (files) > 1)
    return usage_error (_("Export one ledger at a time."));

  csv = g_str_has_suffix (out, ".csv") || g_str_has_suffix (out, ".CSV");
  if (!csv && !g_str_has_suffix (out, ".xlsx") && !g_str_has_suffix (out, ".XLSX"))
    return usage_error (_("The file to write must end in .xlsx (Excel ledger) or .csv (problem ledger)."));

  g_date_clear (&today, 1);
  wy_clock_get_today (&today);
  wy_export_options_init_defaults (&options, &today);

  if (as_of != NULL && !wy_date_parse (as_of, &options.as_of))
    return usage_error (_("--as-of must be a real date (YYYY-MM-DD)."));
  if (paper != NULL)
    {
      if (g_ascii_strcasecmp (paper, "A4") == 0)
        options.paper = WY_EXPORT_PAPER_A4;
      else if (g_ascii_strcasecmp (paper, "A3") == 0)
        options.paper = WY_EXPORT_PAPER_A3;
      else
        return usage_error (_("--paper must be A4 or A3."));
    }
  options.three_lists = three_lists;
  if (!parse_sheets (sheets, &options, &error))
    return usage_error (error->message);

  ledger = files != NULL && files[0] != NULL ? g_strdup (files[0]) : wy_application_get_default_path ();
  store = wy_store_open (ledger, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!resolve_scope (store, scope, &options, &error))
    return usage_error (error->message);

  if (csv)
    ok = wy_export_problems_csv (store, &options, out, NULL, &error);
  else
    ok = wy_export_ledger_xlsx (store, &options, out, NULL, NULL, NULL, &error);

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  display = g_filename_display_name (out);
  /* Translators: %s is the file that was written */
  g_print (_("Wrote %s\n"), display);
  return 0;
}
