/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-sheet-xls"

#include "config.h"

#include <freexl.h>
#include <glib/gi18n.h>
#include <string.h>

#include "wy-sheet-private.h"

/* .xls (Excel 97–2003, BIFF8, and older BIFF) through libfreexl 1.0.6.
 * freexl reads the whole workbook into memory when it opens it (an .xls
 * holds at most 65,536 rows of 256 columns) and converts text to UTF-8.
 * It reports neither hidden sheets nor merged ranges: every sheet is
 * "visible" and wy_sheet_reader_get_merged_ranges() is empty. Dates come
 * from freexl as "YYYY-MM-DD" (or with a time, which is dropped). */

typedef struct
{
  const void *handle;
} XlsBackend;

static void
xls_backend_free (gpointer data)
{
  XlsBackend *backend = data;

  if (backend->handle != NULL)
    freexl_close (backend->handle);
  g_free (backend);
}

static void
set_xls_error (WySheetReader  *reader,
               int             code,
               GError        **error)
{
  g_autofree char *detail = g_strdup_printf ("freexl error %d", code);

  g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_DAMAGED,
               /* Translators: %s are a file's name and a technical detail (in English) */
               _("“%s” is damaged or not an Excel 97–2003 workbook. Open it in Excel or WPS "
                 "and save it again (as .xlsx is best). Detail: %s"),
               reader->display_name, detail);
}

gboolean
wy_sheet_xls_open (WySheetReader  *reader,
                   GError        **error)
{
  XlsBackend *backend = g_new0 (XlsBackend, 1);
  unsigned int info = 0;
  int ret;

  reader->backend = backend;
  reader->backend_free = xls_backend_free;

  ret = freexl_open (reader->path, &backend->handle);
  if (ret != FREEXL_OK)
    {
      set_xls_error (reader, ret, error);
      return FALSE;
    }

  if (freexl_get_info (backend->handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK
      && info == FREEXL_BIFF_OBFUSCATED)
    {
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file's name */
                   _("“%s” is protected by a password. Open it in Excel or WPS, remove the "
                     "password and save it again."),
                   reader->display_name);
      return FALSE;
    }

  ret = freexl_get_info (backend->handle, FREEXL_BIFF_SHEET_COUNT, &info);
  if (ret != FREEXL_OK)
    {
      set_xls_error (reader, ret, error);
      return FALSE;
    }
  for (unsigned int i = 0; i < info && i < G_MAXUSHORT; i++)
    {
      const char *name = NULL;
      WySheetInfo *sheet;

      ret = freexl_get_worksheet_name (backend->handle, (unsigned short) i, &name);
      if (ret != FREEXL_OK)
        {
          set_xls_error (reader, ret, error);
          return FALSE;
        }
      sheet = g_new0 (WySheetInfo, 1);
      sheet->name = name != NULL && g_utf8_validate (name, -1, NULL) ? g_strdup (name)
                    : g_strdup_printf ("%u", i + 1);
      g_ptr_array_add (reader->sheets, sheet);
    }
  if (reader->sheets->len == 0)
    {
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_DAMAGED,
                   _("“%s” has no worksheet to read."), reader->display_name);
      return FALSE;
    }
  return TRUE;
}

gboolean
wy_sheet_xls_read (WySheetReader   *reader,
                   guint            index,
                   WySheetRowFunc   func,
                   gpointer         user_data,
                   GError         **error)
{
  XlsBackend *backend = reader->backend;
  const char *sheet_name = wy_sheet_reader_get_sheet_name (reader, index);
  WySheetRowBuilder row;
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;
  gboolean ok = TRUE;
  int ret;

  ret = freexl_select_active_worksheet (backend->handle, (unsigned short) index);
  if (ret == FREEXL_OK)
    ret = freexl_worksheet_dimensions (backend->handle, &n_rows, &n_columns);
  if (ret != FREEXL_OK)
    {
      set_xls_error (reader, ret, error);
      return FALSE;
    }

  wy_sheet_row_builder_init (&row);
  for (unsigned int r = 0; r < n_rows && ok; r++)
    {
      gboolean stopped = FALSE;

      wy_sheet_row_builder_reset (&row, r + 1);
      for (unsigned short c = 0; c < n_columns; c++)
        {
          FreeXL_CellValue value;
          g_autofree char *owned = NULL;
          const char *text = "";
          WySheetCellKind kind = WY_SHEET_CELL_TEXT;

          ret = freexl_get_cell_value (backend->handle, r, c, &value);
          if (ret != FREEXL_OK)
            {
              set_xls_error (reader, ret, error);
              ok = FALSE;
              break;
            }
          switch (value.type)
            {
            case FREEXL_CELL_INT:
              kind = WY_SHEET_CELL_NUMBER;
              text = owned = g_strdup_printf ("%d", value.value.int_value);
              break;
            case FREEXL_CELL_DOUBLE:
              kind = WY_SHEET_CELL_NUMBER;
              text = owned = wy_sheet_format_number (value.value.double_value);
              break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_TIME:
              text = value.value.text_value != NULL ? value.value.text_value : "";
              break;
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
              text = value.value.text_value != NULL ? value.value.text_value : "";
              if (strlen (text) >= 10)
                {
                  kind = WY_SHEET_CELL_DATE;
                  text = owned = g_strndup (text, 10);
                }
              break;
            case FREEXL_CELL_NULL:
            default:
              kind = WY_SHEET_CELL_EMPTY;
              break;
            }
          if (kind == WY_SHEET_CELL_EMPTY || text[0] == '\0')
            continue;
          if (!g_utf8_validate (text, -1, NULL))
            {
              g_autofree char *row_text = g_strdup_printf ("%u", r + 1);
              g_autofree char *col = wy_sheet_column_name (c);

              g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_ENCODING,
                           /* Translators: %s are a file's name, a sheet's name, a row number and a column (A, B …) */
                           _("“%s”, sheet “%s”, row %s, column %s holds text that cannot be read. "
                             "Open the file in Excel or WPS and save it again as .xlsx."),
                           reader->display_name, sheet_name, row_text, col);
              ok = FALSE;
              break;
            }
          if (!wy_sheet_row_builder_set (&row, sheet_name, c, kind, text, -1, error))
            {
              ok = FALSE;
              break;
            }
        }
      if (ok && !wy_sheet_row_builder_emit (&row, func, user_data, &stopped, error))
        {
          if (stopped)
            break;
          ok = FALSE;
        }
    }
  wy_sheet_row_builder_clear (&row);
  return ok;
}
