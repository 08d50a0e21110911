/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <wuyou/wuyou.h>

#include "wy-application.h"
#include "wy-command-line.h"

/* wuyou --render-chart NAME --output OUT.png|svg|pdf [--width W]
 *       [--height H] [--as-of YYYY-MM-DD] [[--district NAME] --street NAME]
 *       [--community NAME] [--by community|street|unit]
 *       [--rank-by rate|overdue] [--top N] [FILE]
 * wuyou --list-charts
 *
 * Everything that can be checked before the ledger is read is checked
 * first, so a wrong command line never costs a query. */

#define DEFAULT_WIDTH  1200
#define DEFAULT_HEIGHT 700

gboolean
wy_command_line_is_chart (int    argc,
                          char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--render-chart") || g_str_has_prefix (argv[i], "--render-chart=") ||
        g_str_equal (argv[i], "--list-charts"))
      return TRUE;

  return FALSE;
}

static int
usage_error (const char *message)
{
  g_printerr ("%s\n", message);
  return 2;
}

static char *
chart_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint k = 0; k < WY_N_CHARTS; k++)
    {
      if (k > 0)
        g_string_append (names, ", ");
      g_string_append (names, wy_chart_kind_to_name (k));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static int
list_charts (void)
{
  for (guint k = 0; k < WY_N_CHARTS; k++)
    g_print ("%-12s %s\n", wy_chart_kind_to_name (k), wy_chart_kind_to_title (k));
  return 0;
}

static gboolean
parse_size (const char *text,
            int        *out)
{
  gint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, WY_CHART_MIN_SIZE, WY_CHART_MAX_SIZE, &value, NULL))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

/* The folder must exist and take a new file; checked before the ledger is
 * read. The chart itself still goes through a temporary file. */
static gboolean
check_output (const char  *out,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (out);
  g_autofree char *shown = g_filename_display_name (out);
  g_autofree char *shown_dir = g_filename_display_name (dir);

  if (g_file_test (out, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is a folder. Choose a file name."), shown);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The folder “%s” does not exist. Choose another folder."), shown_dir);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0 ||
      (g_file_test (out, G_FILE_TEST_EXISTS) && g_access (out, W_OK) != 0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("You have no permission to write “%s” in the folder “%s”. "
                     "Choose another folder, for example your Documents folder."),
                   shown, shown_dir);
      return FALSE;
    }
  return TRUE;
}

/* The id of the row of table named name; with parent_id, only among its
 * children. A name found twice is an error: the user must say which. */
static gint64
find_named (WyStore     *store,
            WyTable      table,
            gint64       parent_id,
            const char  *name,
            GError     **error)
{
  g_autoptr(GPtrArray) rows = wy_store_list (store, table, parent_id, error);
  gint64 found = 0;
  guint n_found = 0;

  if (rows == NULL)
    return 0;

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (wy_record_get (g_ptr_array_index (rows, i), "name"), name) == 0)
      {
        found = wy_record_get_id (g_ptr_array_index (rows, i));
        n_found++;
      }

  if (n_found == 1)
    return found;

  if (n_found == 0)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 table == WY_TABLE_DISTRICT ? _("The ledger has no district named “%s”.")
                 : table == WY_TABLE_STREET ? _("The ledger has no street office named “%s”.")
                                            : _("The ledger has no community named “%s”."),
                 name);
  else if (table == WY_TABLE_STREET)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 /* Translators: %s is a street office's name */
                 _("Several districts have a street office named “%s”: add --district NAME."), name);
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 /* Translators: %s is a community's name */
                 _("Several street offices have a community named “%s”: add --street NAME."), name);
  return 0;
}

int
wy_command_line_chart (int    argc,
                       char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *out = NULL;
  g_autofree char *width_text = NULL;
  g_autofree char *height_text = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *district = NULL;
  g_autofree char *street = NULL;
  g_autofree char *community = NULL;
  g_autofree char *by = NULL;
  g_autofree char *rank_by = NULL;
  g_autofree char *top_text = NULL;
  g_auto(GStrv) files = NULL;
  gboolean list = FALSE;
  const GOptionEntry entries[] = {
    { "render-chart", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("Draw the chart NAME of a ledger to a PNG, SVG or PDF file and exit"), N_("NAME") },
    { "list-charts", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the charts --render-chart can draw"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write (.png, .svg or .pdf)"), N_("OUT") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_text, N_("Width in pixels (default 1200)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height_text, N_("Height in pixels (default 700)"), N_("H") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("The as-of date (default: today)"), N_("YYYY-MM-DD") },
    { "district", 0, 0, G_OPTION_ARG_STRING, &district,
      N_("The district of --street, where several have a street office of that name"), N_("NAME") },
    { "street", 0, 0, G_OPTION_ARG_STRING, &street, N_("Only this street office"), N_("NAME") },
    { "community", 0, 0, G_OPTION_ARG_STRING, &community, N_("Only this community"), N_("NAME") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Attainment and ranking: community, street or unit (responsible units, ranking by overdue only)"),
      N_("LEVEL") },
    { "rank-by", 0, 0, G_OPTION_ARG_STRING, &rank_by, N_("Ranking: rate (default) or overdue"), N_("WHAT") },
    { "top", 0, 0, G_OPTION_ARG_STRING, &top_text, N_("Ranking and attainment: only the first N"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE] — draw a chart of a ledger"));
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autofree char *ledger = NULL;
  g_autofree char *display = NULL;
  g_autofree char *names = chart_names ();
  WyChartQuery query = { 0, };
  WyChartKind kind;
  int width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT;
  gint64 district_id = 0;
  gboolean level_given = FALSE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (list)
    return list_charts ();

  if (name == NULL || !wy_chart_kind_from_name (name, &kind))
    {
      g_autofree char *message = NULL;

      /* Translators: the name given, then the list of valid names */
      message = g_strdup_printf (_("Unknown chart “%s”: use one of %s."), name != NULL ? name : "", names);
      return usage_error (message);
    }
  if (out == NULL || *out == '\0')
    return usage_error (_("--render-chart needs --output and the name of the file to write"));
  if (!g_str_has_suffix (out, ".png") && !g_str_has_suffix (out, ".PNG") &&
      !g_str_has_suffix (out, ".svg") && !g_str_has_suffix (out, ".SVG") &&
      !g_str_has_suffix (out, ".pdf") && !g_str_has_suffix (out, ".PDF"))
    return usage_error (_("The file to write must end in .png, .svg or .pdf."));
  if (!parse_size (width_text, &width) || !parse_size (height_text, &height))
    {
      g_autofree char *message = NULL;

      /* Translators: the smallest and the largest size in pixels */
      message = g_strdup_printf (_("--width and --height must be whole numbers from %d to %d."),
                                 WY_CHART_MIN_SIZE, WY_CHART_MAX_SIZE);
      return usage_error (message);
    }
  if (files != NULL && g_strv_length (files) > 1)
    return usage_error (_("Draw from one ledger at a time."));

  g_date_clear (&query.today, 1);
  if (as_of != NULL)
    {
      if (!wy_date_parse (as_of, &query.today))
        return usage_error (_("--as-of must be a real date (YYYY-MM-DD)."));
    }
  else
    wy_clock_get_today (&query.today);

  query.level = WY_LEVEL_COMMUNITY;
  query.rank_what = WY_RANK_COMMUNITIES;
  query.rank_by = WY_RANK_BY_ATTAINMENT_RATE;
  if (by != NULL)
    {
      level_given = TRUE;
      if (g_str_equal (by, "community"))
        ;
      else if (g_str_equal (by, "street"))
        {
          query.level = WY_LEVEL_STREET;
          query.rank_what = WY_RANK_STREETS;
        }
      else if (g_str_equal (by, "unit") && kind == WY_CHART_RANKING)
        {
          query.rank_what = WY_RANK_RESPONSIBLE_UNITS;
          query.rank_by = WY_RANK_BY_OVERDUE;
        }
      else
        return usage_error (kind == WY_CHART_RANKING ? _("--by must be community, street or unit.")
                                                     : _("--by must be community or street."));
    }
  if (rank_by != NULL)
    {
      if (g_str_equal (rank_by, "overdue"))
        query.rank_by = WY_RANK_BY_OVERDUE;
      else if (g_str_equal (rank_by, "rate") && query.rank_what != WY_RANK_RESPONSIBLE_UNITS)
        query.rank_by = WY_RANK_BY_ATTAINMENT_RATE;
      else
        return usage_error (_("--rank-by must be rate or overdue (responsible units: overdue only)."));
    }
  if (top_text != NULL)
    {
      guint64 top;

      if (!g_ascii_string_to_unsigned (top_text, 10, 1, G_MAXUINT, &top, NULL))
        return usage_error (_("--top must be a whole number greater than 0."));
      query.max_items = (guint) top;
    }

  if (!check_output (out, &error))
    return usage_error (error->message);

  ledger = files != NULL && files[0] != NULL ? g_strdup (files[0]) : wy_application_get_default_path ();
  store = wy_store_open (ledger, &error);
  if (store == NULL)
    return usage_error (error->message);

  if (district != NULL)
    {
      if (street == NULL)
        return usage_error (_("--district only picks the street office named by --street."));
      district_id = find_named (store, WY_TABLE_DISTRICT, 0, district, &error);
      if (district_id == 0)
        return usage_error (error->message);
    }
  if (street != NULL)
    {
      query.street_id = find_named (store, WY_TABLE_STREET, district_id, street, &error);
      if (query.street_id == 0)
        return usage_error (error->message);
    }
  if (community != NULL)
    {
      query.community_id = find_named (store, WY_TABLE_COMMUNITY, query.street_id, community, &error);
      if (query.community_id == 0)
        return usage_error (error->message);
    }

  /* Without --by: communities within one street office, street offices
   * when the ledger holds several and none was chosen. */
  if (!level_given && query.street_id == 0 && query.community_id == 0 &&
      wy_store_count (store, WY_TABLE_STREET) > 1)
    {
      query.level = WY_LEVEL_STREET;
      query.rank_what = WY_RANK_STREETS;
    }

  if (!wy_chart_render_to_file (store, kind, &query, out, width, height, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  display = g_filename_display_name (out);
  /* Translators: %s is the file that was written */
  g_print (_("Wrote %s\n"), display);
  return 0;
}
