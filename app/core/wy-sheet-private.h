/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wuyou/wy-sheet.h"

G_BEGIN_DECLS

/* What the three readers (wy-sheet-xlsx.c, wy-sheet-xls.c,
 * wy-sheet-csv.c) share with wy-sheet-reader.c. */

typedef struct
{
  char     *name;
  gboolean  hidden;
  char     *part;     /* .xlsx: the sheet's path inside the zip */
} WySheetInfo;

typedef struct _WySheetBackend WySheetBackend;

struct _WySheetReader
{
  char           *path;
  char           *display_name;  /* the file's name, for messages */
  WySheetFormat   format;
  GPtrArray      *sheets;        /* WySheetInfo */
  char           *encoding;      /* text files */
  gunichar        separator;     /* text files */
  WyTextEncoding  requested_encoding;
  gpointer        backend;
  GDestroyNotify  backend_free;
};

/* One row being filled, cell by cell, in any order. */
typedef struct
{
  guint    number;
  GArray  *kinds;     /* WySheetCellKind */
  GArray  *offsets;   /* gsize into pool */
  GString *pool;      /* starts with a NUL: offset 0 is "" */
  gsize    text_bytes;
  GArray  *cells;     /* WySheetCell, built for the callback */
} WySheetRowBuilder;

void      wy_sheet_row_builder_init   (WySheetRowBuilder *builder);
void      wy_sheet_row_builder_clear  (WySheetRowBuilder *builder);
void      wy_sheet_row_builder_reset  (WySheetRowBuilder *builder,
                                       guint              number);
/* Checks the caps (columns, bytes per cell and row); @sheet_name names
 * the sheet in the message. */
gboolean  wy_sheet_row_builder_set    (WySheetRowBuilder *builder,
                                       const char        *sheet_name,
                                       guint              column,
                                       WySheetCellKind    kind,
                                       const char        *text,
                                       gssize             length,
                                       GError           **error);
/* Calls @func when the row has a filled cell. FALSE: stop (*stopped is
 * TRUE when @func stopped without an error). */
gboolean  wy_sheet_row_builder_emit   (WySheetRowBuilder *builder,
                                       WySheetRowFunc     func,
                                       gpointer           user_data,
                                       gboolean          *stopped,
                                       GError           **error);

void      wy_sheet_info_free          (gpointer           info);
/* A column index as letters (0 → "A") for messages. */
char     *wy_sheet_column_name        (guint              column);

gboolean  wy_sheet_xlsx_open          (WySheetReader     *reader,
                                       GError           **error);
gboolean  wy_sheet_xlsx_read          (WySheetReader     *reader,
                                       guint              index,
                                       WySheetRowFunc     func,
                                       gpointer           user_data,
                                       GArray            *merges,
                                       GError           **error);
gboolean  wy_sheet_xls_open           (WySheetReader     *reader,
                                       GError           **error);
gboolean  wy_sheet_xls_read           (WySheetReader     *reader,
                                       guint              index,
                                       WySheetRowFunc     func,
                                       gpointer           user_data,
                                       GError           **error);
gboolean  wy_sheet_csv_open           (WySheetReader     *reader,
                                       GError           **error);
gboolean  wy_sheet_csv_read           (WySheetReader     *reader,
                                       WySheetRowFunc     func,
                                       gpointer           user_data,
                                       GError           **error);

G_END_DECLS
