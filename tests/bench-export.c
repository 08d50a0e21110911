/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include <wuyou/wuyou.h>

/* The Excel ledger of a 50,000-compound ledger, side by side in one run:
 *   1. Wuyou's export (snapshot + workbook), all sheets and problems only,
 *      in constant_memory mode and in normal mode;
 *   2. the floor: the same problem rows written by a bare libxlsxwriter
 *      loop (one format, no widths, no lights);
 *   3. LibreOffice converting Wuyou's CSV of the same rows to xlsx.
 * Usage: bench-export [LEDGER]  (default /tmp/big50k.wuyou when present,
 * else a 50,000-compound demo written into a temporary folder).
 * "Today" is 2026-11-22, as in bench-demo. See docs/BENCHMARKS.md. */

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static long
rss_anon_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "RssAnon:");
  return line != NULL ? strtol (line + 8, NULL, 10) : -1;
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / 1e6 : 0;
}

static double
wuyou_export (WyStore         *store,
              const GDate     *today,
              WyExportSheets   sheets,
              gboolean         constant_memory,
              const char      *path,
              double          *snapshot_s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyExportSnapshot) snapshot = NULL;
  WyExportOptions options;
  double t0 = now (), t1;

  wy_export_options_init_defaults (&options, today);
  options.sheets = sheets;
  options.constant_memory = constant_memory;
  snapshot = wy_export_snapshot_new (store, &options, &error);
  if (snapshot == NULL)
    g_error ("%s", error->message);
  t1 = now ();
  if (!wy_export_snapshot_write_xlsx (snapshot, path, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  *snapshot_s = t1 - t0;
  return now () - t0;
}

static lxw_datetime
to_datetime (const char *iso)
{
  lxw_datetime dt = { 0, };

  sscanf (iso, "%d-%d-%d", &dt.year, &dt.month, &dt.day);
  return dt;
}

/* The floor: problem rows straight into libxlsxwriter. */
static double
raw_loop (GPtrArray  *rows,
          const char *path)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *date;
  double t0 = now ();

  setlocale (LC_NUMERIC, "C");
  workbook = workbook_new_opt (path, &options);
  sheet = workbook_add_worksheet (workbook, "问题整改销号台账");
  date = workbook_add_format (workbook);
  format_set_num_format (date, "yyyy-mm-dd");
  for (guint i = 0; i < rows->len; i++)
    {
      WyProblemRow *p = g_ptr_array_index (rows, i);
      lxw_row_t r = i + 1;

      worksheet_write_number (sheet, r, 0, i + 1, NULL);
      worksheet_write_string (sheet, r, 1, p->street, NULL);
      worksheet_write_string (sheet, r, 2, p->community, NULL);
      worksheet_write_string (sheet, r, 3, p->compound, NULL);
      worksheet_write_string (sheet, r, 4, p->target != NULL ? p->target : p->category, NULL);
      worksheet_write_string (sheet, r, 5, p->description, NULL);
      worksheet_write_string (sheet, r, 6, p->responsible_unit, NULL);
      worksheet_write_string (sheet, r, 7, p->responsible_person, NULL);
      if (p->deadline != NULL)
        {
          lxw_datetime dt = to_datetime (p->deadline);

          worksheet_write_datetime (sheet, r, 8, &dt, date);
        }
      worksheet_write_string (sheet, r, 9, p->status, NULL);
      if (p->signed_off_date != NULL)
        {
          lxw_datetime dt = to_datetime (p->signed_off_date);

          worksheet_write_datetime (sheet, r, 10, &dt, date);
        }
      if (p->raised_date != NULL)
        worksheet_write_string (sheet, r, 11, p->raised_date, NULL);
    }
  if (workbook_close (workbook) != LXW_NO_ERROR)
    g_error ("raw loop: could not write %s", path);
  return now () - t0;
}

static double
libreoffice_convert (const char *csv,
                     const char *dir,
                     gboolean   *ok)
{
  g_autofree char *office = g_find_program_in_path ("soffice");
  g_autofree char *profile_dir = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", profile_dir, NULL);
  int status = 1;
  double t0 = now ();
  /* 44 = comma, 34 = quote, 76 = UTF-8, start at line 1 */
  const char *argv[] = { office, profile, "--headless", "--infilter=CSV:44,34,76,1",
                         "--convert-to", "xlsx", "--outdir", dir, csv, NULL };

  *ok = FALSE;
  if (office == NULL)
    return 0;
  *ok = g_spawn_sync (NULL, (char **) argv, NULL,
                      G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, NULL, NULL, &status, NULL) &&
        g_spawn_check_wait_status (status, NULL);
  return now () - t0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *dir = g_dir_make_tmp ("wuyou-bench-export-XXXXXX", &error);
  g_autofree char *ledger = NULL;
  g_autofree char *all_cm = g_build_filename (dir, "all-cm.xlsx", NULL);
  g_autofree char *all_mem = g_build_filename (dir, "all-mem.xlsx", NULL);
  g_autofree char *prob_cm = g_build_filename (dir, "problems-cm.xlsx", NULL);
  g_autofree char *raw = g_build_filename (dir, "raw.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "problems.csv", NULL);
  g_autofree char *lo_xlsx = g_build_filename (dir, "problems.xlsx", NULL);
  WyExportOptions options;
  GDate today;
  double snap, t_all_cm, t_all_mem, t_prob, t_raw, t_csv, t_lo, t0;
  long anon_before, anon_after;
  gboolean lo_ok;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, G_DATE_NOVEMBER, 2026);

  if (argc > 1)
    ledger = g_strdup (argv[1]);
  else if (g_file_test ("/tmp/big50k.wuyou", G_FILE_TEST_IS_REGULAR))
    ledger = g_strdup ("/tmp/big50k.wuyou");
  else
    {
      ledger = g_build_filename (dir, "big50k.wuyou", NULL);
      g_print ("writing a 50,000-compound demo ledger …\n");
      if (!wy_demo_write (ledger, 50000, &today, &error))
        g_error ("%s", error->message);
    }
  store = wy_store_open (ledger, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  g_print ("ledger %s: %" G_GINT64_FORMAT " compounds, %" G_GINT64_FORMAT " problems\n", ledger,
           wy_store_count (store, WY_TABLE_COMPOUND), wy_store_count (store, WY_TABLE_PROBLEM));

  anon_before = rss_anon_kb ();
  t_all_cm = wuyou_export (store, &today, WY_EXPORT_SHEET_ALL, TRUE, all_cm, &snap);
  anon_after = rss_anon_kb ();
  g_print ("wuyou, all sheets, constant_memory   %6.2f s (snapshot %.2f s)  %6.1f MB  anon RSS +%ld MB\n",
           t_all_cm, snap, file_mb (all_cm), (anon_after - anon_before) / 1024);
  t_all_mem = wuyou_export (store, &today, WY_EXPORT_SHEET_ALL, FALSE, all_mem, &snap);
  g_print ("wuyou, all sheets, normal mode       %6.2f s (snapshot %.2f s)  %6.1f MB  anon RSS now %ld MB\n",
           t_all_mem, snap, file_mb (all_mem), rss_anon_kb () / 1024);
  t_prob = wuyou_export (store, &today, WY_EXPORT_SHEET_PROBLEMS, TRUE, prob_cm, &snap);
  g_print ("wuyou, problem ledger only           %6.2f s (snapshot %.2f s)  %6.1f MB\n",
           t_prob, snap, file_mb (prob_cm));

  t0 = now ();
  rows = wy_store_list_problem_rows (store, 0, &error);
  g_assert_no_error (error);
  g_print ("  (reading the problem rows for the floor: %.2f s, not counted)\n", now () - t0);
  t_raw = raw_loop (rows, raw);
  g_print ("raw libxlsxwriter loop, problems     %6.2f s                   %6.1f MB\n",
           t_raw, file_mb (raw));

  t0 = now ();
  wy_export_options_init_defaults (&options, &today);
  if (!wy_export_problems_csv (store, &options, csv, NULL, &error))
    g_error ("%s", error->message);
  t_csv = now () - t0;
  g_print ("wuyou CSV of the problem ledger      %6.2f s                   %6.1f MB\n",
           t_csv, file_mb (csv));
  t_lo = libreoffice_convert (csv, dir, &lo_ok);
  if (lo_ok && g_file_test (lo_xlsx, G_FILE_TEST_IS_REGULAR))
    g_print ("LibreOffice CSV -> xlsx, problems    %6.2f s                   %6.1f MB\n",
             t_lo, file_mb (lo_xlsx));
  else
    g_print ("LibreOffice CSV -> xlsx: not available\n");

  g_unlink (all_cm);
  g_unlink (all_mem);
  g_unlink (prob_cm);
  g_unlink (raw);
  g_unlink (csv);
  g_unlink (lo_xlsx);
  if (!g_str_has_prefix (ledger, "/tmp/big50k"))
    {
      g_autofree char *wal = g_strconcat (ledger, "-wal", NULL);
      g_autofree char *shm = g_strconcat (ledger, "-shm", NULL);

      g_clear_object (&store);
      g_unlink (ledger);
      g_unlink (wal);
      g_unlink (shm);
    }
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
