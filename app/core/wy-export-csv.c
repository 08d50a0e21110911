/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "wuyou/wy-date.h"
#include "wy-export-private.h"

/* The problem ledger as CSV: UTF-8 with a byte-order mark (without it
 * Excel and WPS on Chinese Windows read the file as GBK), RFC 4180
 * quoting, CRLF line ends. A cell that a spreadsheet would run as a
 * formula (it starts with = + - @, tab or CR) gets a leading apostrophe. */

static void
append_cell (GString    *line,
             const char *text,
             gboolean    first)
{
  gboolean quote;

  if (!first)
    g_string_append_c (line, ',');
  if (text == NULL || text[0] == '\0')
    return;

  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (line, '"');
  if (strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (line, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}

static void
append_date (GString *line,
             guint32  julian)
{
  g_string_append_c (line, ',');
  if (julian != 0)
    {
      GDate date;
      g_autofree char *iso = NULL;

      g_date_set_julian (&date, julian);
      iso = wy_date_to_iso (&date);
      g_string_append (line, iso);
    }
}

gboolean
wy_export_snapshot_write_problems_csv (WyExportSnapshot  *snapshot,
                                       const char        *path,
                                       GCancellable      *cancellable,
                                       GError           **error)
{
  g_autofree char *temp = NULL;
  g_autoptr(GString) line = g_string_sized_new (1024);
  FILE *file;
  int saved_errno = 0;
  gboolean failed = FALSE;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  temp = wy_export_temp_begin (path, error);
  if (temp == NULL)
    return FALSE;

  file = g_fopen (temp, "wb");
  if (file == NULL)
    {
      saved_errno = errno;
      g_unlink (temp);
      wy_export_set_io_error (error, saved_errno, path);
      return FALSE;
    }

  g_string_append (line, "\xEF\xBB\xBF");
  for (guint c = 0; c < WY_EXPORT_N_PROBLEM_COLUMNS; c++)
    append_cell (line, wy_export_problem_headers[c], c == 0);
  g_string_append (line, "\r\n");

  for (guint i = 0; i < snapshot->problems->len && !failed; i++)
    {
      const WyExportProblem *p = &g_array_index (snapshot->problems, WyExportProblem, i);
      char number[16];

      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          fclose (file);
          g_unlink (temp);
          return FALSE;
        }

      g_snprintf (number, sizeof number, "%u", i + 1);
      append_cell (line, number, TRUE);
      append_cell (line, p->street, FALSE);
      append_cell (line, p->community, FALSE);
      append_cell (line, p->compound, FALSE);
      append_cell (line, p->category, FALSE);
      append_cell (line, p->description, FALSE);
      append_cell (line, p->measure, FALSE);
      append_cell (line, p->responsible_unit, FALSE);
      append_cell (line, p->responsible_person, FALSE);
      append_date (line, p->deadline);
      append_cell (line, p->progress, FALSE);
      append_cell (line, wy_export_problem_status_words (p->status), FALSE);
      append_cell (line, wy_export_light_words (p->light), FALSE);
      append_date (line, p->signed_off);
      append_cell (line, p->verifier, FALSE);
      append_cell (line, p->notes, FALSE);
      g_string_append (line, "\r\n");

      if (line->len > 256 * 1024)
        {
          if (fwrite (line->str, 1, line->len, file) != line->len)
            {
              saved_errno = errno;
              failed = TRUE;
            }
          g_string_truncate (line, 0);
        }
    }

  if (!failed && line->len > 0 && fwrite (line->str, 1, line->len, file) != line->len)
    {
      saved_errno = errno;
      failed = TRUE;
    }
  if (!failed && fflush (file) != 0)
    {
      saved_errno = errno;
      failed = TRUE;
    }
  if (fclose (file) != 0 && !failed)
    {
      saved_errno = errno;
      failed = TRUE;
    }
  if (failed)
    {
      g_unlink (temp);
      wy_export_set_io_error (error, saved_errno != 0 ? saved_errno : EIO, path);
      return FALSE;
    }

  return wy_export_temp_commit (temp, path, error);
}
