/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reading an office's spreadsheet (issue 14): .xlsx (Excel, WPS,
 * LibreOffice), .xls (Excel 97–2003) and .csv/.txt text, one sheet at a
 * time, row by row, without holding the sheet in memory.
 *
 *   reader = wy_sheet_reader_open (path, WY_TEXT_ENCODING_AUTO, &error);
 *   for (i = 0; i < wy_sheet_reader_get_n_sheets (reader); i++) …
 *   wy_sheet_reader_read_sheet (reader, i, on_row, data, &error);
 *
 * The kind of file is found from its first bytes (a zip is an .xlsx, an
 * OLE2 compound file an .xls, anything else text); the extension only
 * makes the message clearer when the bytes do not fit it.
 *
 * Rows are numbered as in the file (1 is the first row of the sheet, or
 * the first line of a CSV file, blank lines counted). A row whose cells
 * are all empty is not reported: a gap in the numbers is a blank row.
 * Cells are numbered from 0 (column A); empty cells between filled ones
 * are reported as WY_SHEET_CELL_EMPTY with "" as text, and trailing empty
 * cells are left out.
 *
 * Every refusal (a damaged or renamed file, a zip bomb, a DTD, invalid
 * text, NUL bytes, more than 16,384 columns, a cell or row over 1 MiB …)
 * is a WY_SHEET_ERROR with a translated message a clerk can act on. */

#define WY_SHEET_ERROR (wy_sheet_error_quark ())

typedef enum
{
  WY_SHEET_ERROR_UNSUPPORTED,   /* not a spreadsheet or text file we read */
  WY_SHEET_ERROR_DAMAGED,       /* truncated, renamed, malformed */
  WY_SHEET_ERROR_TOO_LARGE,     /* over one of the caps */
  WY_SHEET_ERROR_UNSAFE,        /* zip bomb, DTD or entities */
  WY_SHEET_ERROR_ENCODING,      /* invalid text, NUL bytes */
  WY_SHEET_ERROR_NO_SUCH_SHEET,
  WY_SHEET_ERROR_IO,            /* cannot open or read the file */
} WySheetError;

GQuark wy_sheet_error_quark (void);

/* The caps (the format's own limits, or far above any real survey). */
#define WY_SHEET_MAX_COLUMNS          16384              /* Excel's XFD */
#define WY_SHEET_MAX_ROWS             1048576            /* Excel's last row */
#define WY_SHEET_MAX_ROW_BYTES        (1024 * 1024)      /* a row, or a cell */
#define WY_SHEET_MAX_CELLS            (20 * 1000 * 1000) /* per sheet */
#define WY_SHEET_MAX_UNPACKED_BYTES   ((gint64) 512 * 1024 * 1024)
#define WY_SHEET_MAX_PACKING_RATIO    200  /* unpacked / packed, per part */

typedef enum
{
  WY_SHEET_FORMAT_XLSX,
  WY_SHEET_FORMAT_XLS,
  WY_SHEET_FORMAT_CSV,
} WySheetFormat;

/* How a text file is encoded: AUTO detects it (byte-order mark, strict
 * UTF-8, then uchardet, else GB18030); the others are the user's choice.
 * GBK and GB2312 files are read as GB18030, which contains them. */
typedef enum
{
  WY_TEXT_ENCODING_AUTO,
  WY_TEXT_ENCODING_UTF8,
  WY_TEXT_ENCODING_GB18030,
  WY_TEXT_ENCODING_UTF16,
} WyTextEncoding;

typedef enum
{
  WY_SHEET_CELL_EMPTY,
  WY_SHEET_CELL_TEXT,
  WY_SHEET_CELL_NUMBER,   /* text as Excel's "General" shows it: "96", "0.5" */
  WY_SHEET_CELL_DATE,     /* ISO "YYYY-MM-DD" (a time of day is dropped) */
  WY_SHEET_CELL_BOOLEAN,  /* "TRUE" or "FALSE" */
} WySheetCellKind;

typedef struct
{
  WySheetCellKind  kind;
  const char      *text;  /* valid UTF-8 without NUL; "" when empty */
} WySheetCell;

typedef struct
{
  guint              number;   /* as in the file, from 1 */
  guint              n_cells;
  const WySheetCell *cells;    /* cells[0] is column A */
} WySheetRow;

/* A merged range, rows as in the file (from 1), columns from 0, both
 * ends included: A1:D2 is {1, 0, 2, 3}. */
typedef struct
{
  guint first_row;
  guint first_column;
  guint last_row;
  guint last_column;
} WySheetRange;

/* Called for each row that has a filled cell. The row and its strings are
 * only valid during the call. Return TRUE to go on, FALSE to stop: with
 * @error set the read fails with it, without it the read ends early and
 * succeeds (a preview of the first rows). Rows are handed on as they are
 * read: when the read fails later (a damaged part, a cap), the rows seen
 * so far came from a file now known to be bad, and a caller that imports
 * drops them (all or nothing). */
typedef gboolean (*WySheetRowFunc) (const WySheetRow  *row,
                                    gpointer           user_data,
                                    GError           **error);

typedef struct _WySheetReader WySheetReader;

WySheetReader *wy_sheet_reader_open             (const char      *path,
                                                 WyTextEncoding   encoding,
                                                 GError         **error);
void           wy_sheet_reader_free             (WySheetReader   *reader);

WySheetFormat  wy_sheet_reader_get_format       (WySheetReader   *reader);
guint          wy_sheet_reader_get_n_sheets     (WySheetReader   *reader);
const char    *wy_sheet_reader_get_sheet_name   (WySheetReader   *reader,
                                                 guint            index);
gboolean       wy_sheet_reader_get_sheet_hidden (WySheetReader   *reader,
                                                 guint            index);
/* Text files only (NULL / 0 for workbooks): the encoding read (an iconv
 * name: "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE" …) and the separator
 * found (',', '\t', ';' or U+FF0C FULLWIDTH COMMA). */
const char    *wy_sheet_reader_get_encoding     (WySheetReader   *reader);
gunichar       wy_sheet_reader_get_separator    (WySheetReader   *reader);

gboolean       wy_sheet_reader_read_sheet       (WySheetReader   *reader,
                                                 guint            index,
                                                 WySheetRowFunc   func,
                                                 gpointer         user_data,
                                                 GError         **error);
/* The merged ranges of a sheet (an array of WySheetRange; empty for text
 * files and .xls, whose reader does not report them). An .xlsx lists
 * them after its rows: this reads the sheet once more, skipping the
 * rows' content. */
GArray        *wy_sheet_reader_get_merged_ranges (WySheetReader  *reader,
                                                  guint           index,
                                                  GError        **error);

/* "auto", "utf-8", "gb18030", "utf-16" (the --encoding values, any case;
 * "gbk" and "utf8" too). FALSE for anything else. */
gboolean       wy_text_encoding_from_string     (const char      *text,
                                                 WyTextEncoding  *out);

/* Which encoding a text file's first bytes are in (an iconv name), and
 * how long its byte-order mark is. @sample may end inside a character. */
const char    *wy_text_encoding_detect          (const guint8    *sample,
                                                 gsize            length,
                                                 gsize           *bom_length);

/* A cell's number as Excel's "General" shows it ("%.15g"), and a serial
 * date of the 1900 system (or, @date1904, the 1904 one) as ISO text: NULL
 * for a serial that names no day (below 1, past 9999-12-31, and 60 in the
 * 1900 system, Lotus's 29 February 1900 that Excel kept). */
char          *wy_sheet_format_number           (double           value);
char          *wy_sheet_serial_to_iso           (double           serial,
                                                 gboolean         date1904);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WySheetReader, wy_sheet_reader_free)

G_END_DECLS
