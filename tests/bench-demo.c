/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include <wuyou/wuyou.h>

/* meson test --benchmark: writes a large demo ledger (50,000 compounds
 * unless a size is given) into a temporary file and prints the wall time,
 * the file size and the row counts. "today" is fixed so every run writes
 * the same ledger. Options: SIZE [KEEP_PATH] — with a path the ledger is
 * written there and kept. */

#define BENCH_TODAY "2026-11-22"
#define BENCH_SIZE  50000

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;
  GDate today;
  guint n = BENCH_SIZE;
  gint64 start, elapsed;
  gint64 total_rows = 0;

  if (argc > 1)
    n = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  if (argc > 2)
    path = g_strdup (argv[2]);
  else
    {
      dir = g_dir_make_tmp ("wuyou-bench-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      path = g_build_filename (dir, "demo.wuyou", NULL);
    }

  g_assert_true (wy_date_parse (BENCH_TODAY, &today));

  start = g_get_monotonic_time ();
  if (!wy_demo_write (path, n, &today, &error))
    {
      g_printerr ("wy_demo_write failed: %s\n", error->message);
      return EXIT_FAILURE;
    }
  elapsed = g_get_monotonic_time () - start;

  if (g_stat (path, &st) != 0)
    {
      g_printerr ("cannot stat %s\n", path);
      return EXIT_FAILURE;
    }

  g_print ("demo: %u compounds, today %s\n", n, BENCH_TODAY);
  g_print ("wall time: %.2f s\n", elapsed / 1e6);
  g_print ("file size: %.1f MB (%" G_GINT64_FORMAT " bytes)\n",
           (double) st.st_size / (1024.0 * 1024.0), (gint64) st.st_size);

  store = wy_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("cannot reopen: %s\n", error->message);
      return EXIT_FAILURE;
    }
  for (WyTable t = 0; t < WY_N_TABLES; t++)
    {
      gint64 count = wy_store_count (store, t);

      total_rows += count;
      g_print ("  %-20s %9" G_GINT64_FORMAT "\n", wy_schema_table (t)->name, count);
    }
  g_print ("  %-20s %9" G_GINT64_FORMAT "\n", "(all rows)", total_rows);
  g_print ("rows per second: %.0f\n", total_rows / (elapsed / 1e6));
  g_clear_object (&store);

  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (dir);
    }

  return EXIT_SUCCESS;
}
