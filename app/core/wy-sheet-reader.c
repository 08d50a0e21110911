/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-sheet"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "wy-sheet-private.h"

/* The one entry point of the spreadsheet readers: finds the kind of file
 * from its first bytes and hands it to wy-sheet-xlsx.c, wy-sheet-xls.c or
 * wy-sheet-csv.c; the row builder they all fill. */

G_DEFINE_QUARK (wy-sheet-error-quark, wy_sheet_error)

static const guint8 zip_magic[] = { 'P', 'K', 0x03, 0x04 };
static const guint8 ole2_magic[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static gboolean
has_extension (const char *path,
               const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, extension);
}

static char *
format_count (guint64 count)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, count);
}

void
wy_sheet_info_free (gpointer data)
{
  WySheetInfo *info = data;

  g_free (info->name);
  g_free (info->part);
  g_free (info);
}

char *
wy_sheet_column_name (guint column)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  buffer[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      column--;
      buffer[--i] = 'A' + column % 26;
      column /= 26;
    }
  return g_strdup (buffer + i);
}

void
wy_sheet_row_builder_init (WySheetRowBuilder *builder)
{
  builder->number = 0;
  builder->kinds = g_array_new (FALSE, FALSE, sizeof (WySheetCellKind));
  builder->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  builder->pool = g_string_sized_new (1024);
  builder->cells = g_array_new (FALSE, FALSE, sizeof (WySheetCell));
  wy_sheet_row_builder_reset (builder, 0);
}

void
wy_sheet_row_builder_clear (WySheetRowBuilder *builder)
{
  g_clear_pointer (&builder->kinds, g_array_unref);
  g_clear_pointer (&builder->offsets, g_array_unref);
  g_clear_pointer (&builder->cells, g_array_unref);
  if (builder->pool != NULL)
    g_string_free (g_steal_pointer (&builder->pool), TRUE);
}

void
wy_sheet_row_builder_reset (WySheetRowBuilder *builder,
                            guint              number)
{
  builder->number = number;
  g_array_set_size (builder->kinds, 0);
  g_array_set_size (builder->offsets, 0);
  g_string_truncate (builder->pool, 0);
  g_string_append_c (builder->pool, '\0');
  builder->text_bytes = 0;
}

gboolean
wy_sheet_row_builder_set (WySheetRowBuilder *builder,
                          const char        *sheet_name,
                          guint              column,
                          WySheetCellKind    kind,
                          const char        *text,
                          gssize             length,
                          GError           **error)
{
  gsize offset;
  gsize len;

  if (column >= WY_SHEET_MAX_COLUMNS)
    {
      g_autofree char *row = format_count (builder->number);
      g_autofree char *max = format_count (WY_SHEET_MAX_COLUMNS);

      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_TOO_LARGE,
                   /* Translators: %s are a sheet's name, a row number and 16384 */
                   _("Sheet “%s”, row %s has more than %s columns, the most a spreadsheet can have. "
                     "The file is damaged or was not made by a spreadsheet program."),
                   sheet_name, row, max);
      return FALSE;
    }

  len = length < 0 ? strlen (text) : (gsize) length;
  if (len > WY_SHEET_MAX_ROW_BYTES
      || builder->text_bytes + len > WY_SHEET_MAX_ROW_BYTES)
    {
      g_autofree char *row = format_count (builder->number);
      g_autofree char *col = wy_sheet_column_name (column);

      if (len > WY_SHEET_MAX_ROW_BYTES)
        g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_TOO_LARGE,
                     /* Translators: %s are a sheet's name, a row number and a column (A, B …) */
                     _("Sheet “%s”, row %s, column %s holds more than 1 MB of text. "
                       "No survey has cells this long: check that this is the right file."),
                     sheet_name, row, col);
      else
        g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_TOO_LARGE,
                     /* Translators: %s are a sheet's name and a row number */
                     _("Sheet “%s”, row %s holds more than 1 MB of text. "
                       "No survey has rows this long: check that this is the right file."),
                     sheet_name, row);
      return FALSE;
    }

  if (column >= builder->kinds->len)
    {
      guint old = builder->kinds->len;

      g_array_set_size (builder->kinds, column + 1);
      g_array_set_size (builder->offsets, column + 1);
      for (guint i = old; i <= column; i++)
        {
          g_array_index (builder->kinds, WySheetCellKind, i) = WY_SHEET_CELL_EMPTY;
          g_array_index (builder->offsets, gsize, i) = 0;
        }
    }

  if (kind == WY_SHEET_CELL_EMPTY || len == 0)
    {
      g_array_index (builder->kinds, WySheetCellKind, column) = WY_SHEET_CELL_EMPTY;
      g_array_index (builder->offsets, gsize, column) = 0;
      return TRUE;
    }

  offset = builder->pool->len;
  g_string_append_len (builder->pool, text, len);
  g_string_append_c (builder->pool, '\0');
  builder->text_bytes += len;
  g_array_index (builder->kinds, WySheetCellKind, column) = kind;
  g_array_index (builder->offsets, gsize, column) = offset;
  return TRUE;
}

gboolean
wy_sheet_row_builder_emit (WySheetRowBuilder *builder,
                           WySheetRowFunc     func,
                           gpointer           user_data,
                           gboolean          *stopped,
                           GError           **error)
{
  guint n = builder->kinds->len;
  WySheetRow row;
  GError *local_error = NULL;

  *stopped = FALSE;
  while (n > 0 && g_array_index (builder->kinds, WySheetCellKind, n - 1) == WY_SHEET_CELL_EMPTY)
    n--;
  if (n == 0 || func == NULL)
    return TRUE;

  g_array_set_size (builder->cells, n);
  for (guint i = 0; i < n; i++)
    {
      WySheetCell *cell = &g_array_index (builder->cells, WySheetCell, i);

      cell->kind = g_array_index (builder->kinds, WySheetCellKind, i);
      cell->text = builder->pool->str + g_array_index (builder->offsets, gsize, i);
    }

  row.number = builder->number;
  row.n_cells = n;
  row.cells = (const WySheetCell *) (gpointer) builder->cells->data;
  if (func (&row, user_data, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *stopped = TRUE;
  return FALSE;
}

char *
wy_sheet_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    return g_strdup ("0");
  /* g_ascii_formatd: a dot whatever the locale. */
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  return g_strdup (buffer);
}

char *
wy_sheet_serial_to_iso (double   serial,
                        gboolean date1904)
{
  g_autoptr (GDate) date = NULL;
  double day = floor (serial);

  if (!isfinite (serial))
    return NULL;
  if (date1904)
    {
      if (day < 0 || day > 2957003)
        return NULL;
      date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
    }
  else
    {
      if (day < 1 || day == 60 || day > 2958465)
        return NULL;
      /* Serials up to 59 count from 31 December 1899; from 61 on they
       * count the 29 February 1900 Excel believes in. */
      date = g_date_new_dmy (day < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
    }
  g_date_add_days (date, (guint) day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

gboolean
wy_text_encoding_from_string (const char     *text,
                              WyTextEncoding *out)
{
  static const struct { const char *name; WyTextEncoding encoding; } names[] = {
    { "auto", WY_TEXT_ENCODING_AUTO },
    { "utf-8", WY_TEXT_ENCODING_UTF8 },
    { "utf8", WY_TEXT_ENCODING_UTF8 },
    { "gb18030", WY_TEXT_ENCODING_GB18030 },
    { "gbk", WY_TEXT_ENCODING_GB18030 },
    { "gb2312", WY_TEXT_ENCODING_GB18030 },
    { "utf-16", WY_TEXT_ENCODING_UTF16 },
    { "utf16", WY_TEXT_ENCODING_UTF16 },
  };

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *out = names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

WySheetReader *
wy_sheet_reader_open (const char      *path,
                      WyTextEncoding   encoding,
                      GError         **error)
{
  g_autoptr (WySheetReader) reader = NULL;
  guint8 head[8] = { 0 };
  gsize n_head;
  FILE *file;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = g_new0 (WySheetReader, 1);
  reader->path = g_strdup (path);
  reader->display_name = g_filename_display_basename (path);
  reader->sheets = g_ptr_array_new_with_free_func (wy_sheet_info_free);
  reader->requested_encoding = encoding;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_IO,
                   /* Translators: %s are a file's name and the system's reason */
                   _("Cannot open “%s”: %s"), reader->display_name, g_strerror (saved));
      return NULL;
    }
  n_head = fread (head, 1, sizeof head, file);
  fclose (file);

  if (n_head >= sizeof zip_magic && memcmp (head, zip_magic, sizeof zip_magic) == 0)
    {
      reader->format = WY_SHEET_FORMAT_XLSX;
      ok = wy_sheet_xlsx_open (reader, error);
    }
  else if (n_head == sizeof ole2_magic && memcmp (head, ole2_magic, sizeof ole2_magic) == 0)
    {
      reader->format = WY_SHEET_FORMAT_XLS;
      ok = wy_sheet_xls_open (reader, error);
    }
  else if (has_extension (path, ".xlsx") || has_extension (path, ".xls")
           || has_extension (path, ".xlsm") || has_extension (path, ".et"))
    {
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_DAMAGED,
                   /* Translators: %s is a file's name */
                   _("“%s” is named like an Excel workbook but is not one: it may be damaged, "
                     "or another kind of file that was renamed. Open it in Excel or WPS and "
                     "save it again as a workbook."),
                   reader->display_name);
      ok = FALSE;
    }
  else
    {
      reader->format = WY_SHEET_FORMAT_CSV;
      ok = wy_sheet_csv_open (reader, error);
    }

  if (!ok)
    return NULL;
  return g_steal_pointer (&reader);
}

void
wy_sheet_reader_free (WySheetReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->backend != NULL && reader->backend_free != NULL)
    reader->backend_free (reader->backend);
  g_ptr_array_unref (reader->sheets);
  g_free (reader->encoding);
  g_free (reader->display_name);
  g_free (reader->path);
  g_free (reader);
}

WySheetFormat
wy_sheet_reader_get_format (WySheetReader *reader)
{
  g_return_val_if_fail (reader != NULL, WY_SHEET_FORMAT_CSV);

  return reader->format;
}

guint
wy_sheet_reader_get_n_sheets (WySheetReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->sheets->len;
}

const char *
wy_sheet_reader_get_sheet_name (WySheetReader *reader,
                                guint          index)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (index < reader->sheets->len, NULL);

  return ((WySheetInfo *) g_ptr_array_index (reader->sheets, index))->name;
}

gboolean
wy_sheet_reader_get_sheet_hidden (WySheetReader *reader,
                                  guint          index)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (index < reader->sheets->len, FALSE);

  return ((WySheetInfo *) g_ptr_array_index (reader->sheets, index))->hidden;
}

const char *
wy_sheet_reader_get_encoding (WySheetReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->encoding;
}

gunichar
wy_sheet_reader_get_separator (WySheetReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->separator;
}

static gboolean
check_index (WySheetReader  *reader,
             guint           index,
             GError        **error)
{
  if (index < reader->sheets->len)
    return TRUE;
  g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_NO_SUCH_SHEET,
               /* Translators: %s is a file's name */
               _("“%s” has no such sheet."), reader->display_name);
  return FALSE;
}

gboolean
wy_sheet_reader_read_sheet (WySheetReader   *reader,
                            guint            index,
                            WySheetRowFunc   func,
                            gpointer         user_data,
                            GError         **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_index (reader, index, error))
    return FALSE;
  switch (reader->format)
    {
    case WY_SHEET_FORMAT_XLSX:
      return wy_sheet_xlsx_read (reader, index, func, user_data, NULL, error);
    case WY_SHEET_FORMAT_XLS:
      return wy_sheet_xls_read (reader, index, func, user_data, error);
    case WY_SHEET_FORMAT_CSV:
    default:
      return wy_sheet_csv_read (reader, func, user_data, error);
    }
}

GArray *
wy_sheet_reader_get_merged_ranges (WySheetReader  *reader,
                                   guint           index,
                                   GError        **error)
{
  g_autoptr (GArray) merges = NULL;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_index (reader, index, error))
    return NULL;
  merges = g_array_new (FALSE, FALSE, sizeof (WySheetRange));
  if (reader->format == WY_SHEET_FORMAT_XLSX
      && !wy_sheet_xlsx_read (reader, index, NULL, NULL, merges, error))
    return NULL;
  return g_steal_pointer (&merges);
}
