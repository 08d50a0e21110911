/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "wuyou/wy-sheet.h"

/* Helpers of tests/test-sheet-*.c: a sheet read into one line per row,
 *   "4: A=n:1 B=t:东风社区 E=t:96户"
 * (t text, n number, d date, b boolean; a line break in a cell as \n),
 * so a test states a whole sheet in one string it can compare. */

static inline char *
wy_test_sheet_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "sheets", name, NULL);
}

static inline gboolean
wy_test_sheet_dump_row (const WySheetRow  *row,
                        gpointer           user_data,
                        GError           **error)
{
  GString *out = user_data;
  static const char kinds[] = { 'e', 't', 'n', 'd', 'b' };

  g_string_append_printf (out, "%u:", row->number);
  for (guint i = 0; i < row->n_cells; i++)
    {
      const WySheetCell *cell = &row->cells[i];
      g_autofree char *column = NULL;
      g_autoptr (GString) text = NULL;

      if (cell->kind == WY_SHEET_CELL_EMPTY)
        {
          g_assert_cmpstr (cell->text, ==, "");
          continue;
        }
      g_assert_true (g_utf8_validate (cell->text, -1, NULL));
      text = g_string_new (cell->text);
      g_string_replace (text, "\r", "\\r", 0);
      g_string_replace (text, "\n", "\\n", 0);
      /* Column letters, as wy_sheet_column_name does. */
      {
        char buffer[8];
        int k = 7;
        guint c = i + 1;

        buffer[k] = '\0';
        while (c > 0)
          {
            c--;
            buffer[--k] = 'A' + c % 26;
            c /= 26;
          }
        column = g_strdup (buffer + k);
      }
      g_string_append_printf (out, " %s=%c:%s", column, kinds[cell->kind], text->str);
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

/* The whole sheet, or NULL with @error set. */
static inline char *
wy_test_sheet_dump (WySheetReader  *reader,
                    guint           index,
                    GError        **error)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (!wy_sheet_reader_read_sheet (reader, index, wy_test_sheet_dump_row, out, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
