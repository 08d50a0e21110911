/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "wuyou/wy-sheet.h"

/* Reading a 50,000-row × 15-column survey (issue 14), one run side by side:
 *   1. wy_sheet_reader on the .xlsx (shared strings, as Excel and WPS
 *      write them; written here with libxlsxwriter in normal mode);
 *   2. the floor: a bare libzip + xmlTextReader pass over the same
 *      workbook's shared strings and sheet (every node visited, nothing
 *      kept);
 *   3. wy_sheet_reader on the same rows as a GB18030 CSV (detection,
 *      conversion, libcsv);
 *   4. for comparison, LibreOffice (when installed) opening the .xlsx and
 *      saving it as CSV, headless, with a throw-away profile.
 * Each read runs in a child process (this program with --read or
 * --floor), so its peak RSS is its own and not the generator's. The files
 * are generated at run time into a temporary folder and removed.
 * Targets (issue 14): CSV ≤ 1.5 s, xlsx ≤ 3 s, peak RSS ≤ 150 MB.
 * Usage: bench-sheet [ROWS]. See docs/BENCHMARKS.md. */

#define N_COLUMNS 15

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* VmHWM: getrusage's ru_maxrss would keep the parent's peak across
 * fork and exec, VmHWM starts again with the new program. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10) / 1024.0;
}

static const char *communities[] = { "东风社区", "红旗社区", "胜利社区", "建设社区", "和平社区",
                                     "光明社区", "新华社区", "前进社区" };
static const char *problems[] = { "屋顶漏水；管道老化", "无物业，停车难", "路面破损、照明不足",
                                  "消防通道堵塞", "", "绿化缺失；外墙脱落" };

/* Row r's 15 cells as text; *numbers tells which are numbers. */
static void
survey_row (guint   r,
            char  **cells,
            guint  *numbers)
{
  *numbers = (1u << 0) | (1u << 4) | (1u << 5) | (1u << 6);
  cells[0] = g_strdup_printf ("%u", r + 1);
  cells[1] = g_strdup ("幸福街道");
  cells[2] = g_strdup (communities[r % G_N_ELEMENTS (communities)]);
  cells[3] = g_strdup_printf ("第%u小区", r + 1);
  cells[4] = g_strdup_printf ("%u", 1980 + r % 40);
  cells[5] = g_strdup_printf ("%u", 1 + r % 30);
  cells[6] = g_strdup_printf ("%u", 20 + r % 400);
  cells[7] = g_strdup_printf ("幸福路%u号", r % 900 + 1);
  cells[8] = g_strdup (r % 3 == 0 ? "三无小区" : "自管小区");
  cells[9] = g_strdup (r % 10 == 0 ? "是" : "否");
  cells[10] = g_strdup_printf ("网格员%u", r % 200);
  cells[11] = g_strdup_printf ("1380000%04u", r % 10000);
  cells[12] = g_strdup_printf ("帮扶单位%u", r % 50);
  cells[13] = g_strdup (problems[r % G_N_ELEMENTS (problems)]);
  cells[14] = g_strdup_printf ("备注%u", r % 7);
}

static void
generate (const char *dir,
          guint       n_rows)
{
  g_autofree char *xlsx_path = g_build_filename (dir, "survey.xlsx", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "survey.csv", NULL);
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autofree char *gb = NULL;
  g_autoptr (GError) error = NULL;
  lxw_workbook *workbook = workbook_new (xlsx_path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "摸底表");
  gsize gb_length = 0;

  worksheet_write_string (sheet, 0, 0, "幸福街道老旧小区摸底表", NULL);
  g_string_append (csv, "幸福街道老旧小区摸底表,,,,,,,,,,,,,,\r\n");
  for (guint r = 0; r < n_rows; r++)
    {
      char *cells[N_COLUMNS];
      guint numbers;

      survey_row (r, cells, &numbers);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (numbers & (1u << c))
            worksheet_write_number (sheet, r + 1, c, g_ascii_strtod (cells[c], NULL), NULL);
          else if (cells[c][0] != '\0')
            worksheet_write_string (sheet, r + 1, c, cells[c], NULL);
          if (c > 0)
            g_string_append_c (csv, ',');
          if (strchr (cells[c], ',') != NULL)
            g_string_append_printf (csv, "\"%s\"", cells[c]);
          else
            g_string_append (csv, cells[c]);
          g_free (cells[c]);
        }
      g_string_append (csv, "\r\n");
    }
  if (workbook_close (workbook) != LXW_NO_ERROR)
    g_error ("libxlsxwriter failed");

  gb = g_convert (csv->str, (gssize) csv->len, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);
  g_file_set_contents (csv_path, gb, (gssize) gb_length, &error);
  g_assert_no_error (error);
}

typedef struct
{
  guint64 rows;
  guint64 cells;
  guint64 bytes;
} Count;

static gboolean
count_row (const WySheetRow  *row,
           gpointer           user_data,
           GError           **error)
{
  Count *count = user_data;

  count->rows++;
  for (guint i = 0; i < row->n_cells; i++)
    if (row->cells[i].kind != WY_SHEET_CELL_EMPTY)
      {
        count->cells++;
        count->bytes += strlen (row->cells[i].text);
      }
  return TRUE;
}

static int
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WySheetReader) reader = NULL;
  Count count = { 0 };
  double t0 = now ();

  reader = wy_sheet_reader_open (path, WY_TEXT_ENCODING_AUTO, &error);
  if (reader == NULL || !wy_sheet_reader_read_sheet (reader, 0, count_row, &count, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("%.2f s, peak RSS %.1f MB, %" G_GUINT64_FORMAT " rows, %" G_GUINT64_FORMAT
          " cells, %.1f MB of text%s%s\n",
          now () - t0, peak_rss_mb (), count.rows, count.cells, count.bytes / 1e6,
          wy_sheet_reader_get_encoding (reader) != NULL ? ", read as " : "",
          wy_sheet_reader_get_encoding (reader) != NULL ? wy_sheet_reader_get_encoding (reader) : "");
  return 0;
}

static int
read_part (void       *context,
           char       *buffer,
           int         length)
{
  zip_int64_t n = zip_fread (context, buffer, (zip_uint64_t) length);

  return n < 0 ? -1 : (int) n;
}

/* The floor: every node of the shared strings and the sheet visited. */
static int
floor_pass (const char *path)
{
  const char *parts[] = { "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml" };
  double t0 = now ();
  guint64 nodes = 0;
  zip_t *zip;
  int code = 0;

  zip = zip_open (path, ZIP_RDONLY, &code);
  if (zip == NULL)
    return 1;
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      zip_file_t *file = zip_fopen (zip, parts[i], 0);
      xmlTextReaderPtr xml;

      if (file == NULL)
        return 1;
      xml = xmlReaderForIO (read_part, NULL, file, parts[i], NULL, XML_PARSE_NONET);
      while (xmlTextReaderRead (xml) == 1)
        {
          nodes++;
          if (xmlTextReaderNodeType (xml) == XML_READER_TYPE_TEXT)
            (void) xmlTextReaderConstValue (xml);
        }
      xmlFreeTextReader (xml);
      zip_fclose (file);
    }
  zip_discard (zip);
  printf ("%.2f s, peak RSS %.1f MB, %" G_GUINT64_FORMAT " XML nodes\n",
          now () - t0, peak_rss_mb (), nodes);
  return 0;
}

static void
run_child (const char *label,
           const char *mode,
           const char *path)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { self, mode, path, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error))
    g_error ("%s", error->message);
  printf ("%-44s %s", label, out != NULL && out[0] != '\0' ? out : "FAILED\n");
  fflush (stdout);
}

static void
libreoffice_pass (const char *dir,
                  const char *xlsx_path)
{
  g_autofree char *program = g_find_program_in_path ("libreoffice");
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_strconcat ("-env:UserInstallation=file://", profile, NULL);
  g_autofree char *out_dir = g_build_filename (dir, "lo-out", NULL);
  g_autofree char *out_csv = g_build_filename (out_dir, "survey.csv", NULL);
  g_autofree char *rm = NULL;
  const char *argv[] = { program, profile_uri, "--headless", "--convert-to", "csv",
                         "--outdir", out_dir, xlsx_path, NULL };
  int status = 0;
  double t0;

  if (program == NULL)
    {
      printf ("%-44s not installed\n", "LibreOffice, open .xlsx + save CSV:");
      return;
    }
  t0 = now ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL)
      || !g_file_test (out_csv, G_FILE_TEST_EXISTS))
    printf ("%-44s FAILED\n", "LibreOffice, open .xlsx + save CSV:");
  else
    printf ("%-44s %.2f s (start-up included)\n", "LibreOffice, open .xlsx + save CSV:", now () - t0);
  /* The profile and the output: a folder tree of LibreOffice's own. */
  rm = g_strdup_printf ("rm -rf '%s' '%s'", profile, out_dir);
  g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr (GError) error = NULL;
  guint n_rows = 50000;
  double t0;
  GStatBuf st;

  setlocale (LC_ALL, "");
  if (argc == 3 && strcmp (argv[1], "--read") == 0)
    return read_file (argv[2]);
  if (argc == 3 && strcmp (argv[1], "--floor") == 0)
    return floor_pass (argv[2]);
  if (argc == 2)
    n_rows = (guint) strtoul (argv[1], NULL, 10);

  dir = g_dir_make_tmp ("wuyou-bench-sheet-XXXXXX", &error);
  g_assert_no_error (error);
  xlsx_path = g_build_filename (dir, "survey.xlsx", NULL);
  csv_path = g_build_filename (dir, "survey.csv", NULL);

  t0 = now ();
  generate (dir, n_rows);
  printf ("generated %u rows × %d columns in %.1f s:", n_rows, N_COLUMNS, now () - t0);
  if (g_stat (xlsx_path, &st) == 0)
    printf (" xlsx %.1f MB,", st.st_size / 1e6);
  if (g_stat (csv_path, &st) == 0)
    printf (" GB18030 CSV %.1f MB", st.st_size / 1e6);
  printf ("\n");
  fflush (stdout);

  run_child ("xlsx, wy_sheet_reader:", "--read", xlsx_path);
  run_child ("xlsx, floor (bare libzip + xmlTextReader):", "--floor", xlsx_path);
  run_child ("GB18030 CSV, wy_sheet_reader:", "--read", csv_path);

  libreoffice_pass (dir, xlsx_path);

  g_unlink (xlsx_path);
  g_unlink (csv_path);
  g_rmdir (dir);
  return 0;
}
