/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "wy-test-util.h"
#include "wy-test-sheet.h"

/* Files that are not what they claim (issue 14, "Guarantees"): each is
 * refused with a WY_SHEET_ERROR whose message names the file (or sheet)
 * and says what is wrong, never a crash. Fixtures in tests/fixtures/
 * sheets, made by make-fixtures.py; the 1 MB CSV row is written here. */

typedef struct
{
  const char     *fixture;
  WyTextEncoding  encoding;
  gboolean        refused_at_open;
  WySheetError    code;
  const char     *in_message;   /* a piece of the English message */
} BadFile;

static const BadFile bad_files[] = {
  { "bad-truncated.xlsx", WY_TEXT_ENCODING_AUTO, TRUE, WY_SHEET_ERROR_DAMAGED, "damaged or incomplete" },
  /* freexl 1.0.6 overflows a stack buffer on this one (found by
   * fuzzing); it runs in a child process, so this is only a refusal. */
  { "bad-freexl-overflow.xls", WY_TEXT_ENCODING_AUTO, TRUE, WY_SHEET_ERROR_DAMAGED, "not an Excel 97–2003 workbook" },
  { "bad-crc.xlsx", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_DAMAGED, "damaged or incomplete" },
  { "bad-renamed.xlsx", WY_TEXT_ENCODING_AUTO, TRUE, WY_SHEET_ERROR_DAMAGED, "named like an Excel workbook" },
  { "bad-not-workbook.xlsx", WY_TEXT_ENCODING_AUTO, TRUE, WY_SHEET_ERROR_UNSUPPORTED, "not an Excel workbook" },
  { "bad-zip-bomb.xlsx", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_UNSAFE, "zip bombs" },
  { "bad-dtd.xlsx", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_UNSAFE, "document type declaration" },
  { "bad-utf8.xlsx", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_ENCODING, "not valid UTF-8, or NUL" },
  { "bad-nul.xlsx", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_ENCODING, "(in its part “xl/sharedStrings.xml”, line 1)" },
  { "bad-columns.xlsx", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_TOO_LARGE, "row 1 has more than 16384 columns" },
  { "bad-big-cell.xlsx", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_TOO_LARGE, "more than 1 MB" },
  { "bad-big-row.xlsx", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_TOO_LARGE, "row 1 holds more than 1 MB" },
  { "bad-columns.csv", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_TOO_LARGE, "row 1 has more than 16384 columns" },
  /* Not UTF-8, so read as GB18030, where line 2 already breaks. */
  { "bad-utf8.csv", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_ENCODING, "Line 2 of “bad-utf8.csv” is not valid GB18030" },
  { "bad-utf8.csv", WY_TEXT_ENCODING_UTF8, FALSE, WY_SHEET_ERROR_ENCODING, "Line 3 of “bad-utf8.csv” is not valid UTF-8" },
  { "bad-nul.csv", WY_TEXT_ENCODING_AUTO, FALSE, WY_SHEET_ERROR_ENCODING, "NUL bytes (line 2)" },
  { "bad-nul.csv", WY_TEXT_ENCODING_UTF8, FALSE, WY_SHEET_ERROR_ENCODING, "NUL bytes (line 2)" },
};

static gboolean
count_row (const WySheetRow  *row,
           gpointer           user_data,
           GError           **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *path = wy_test_sheet_fixture (bad->fixture);
  g_autoptr (GBytes) before = wy_test_read_file (path);
  g_autoptr (GBytes) after = NULL;
  g_autoptr (WySheetReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  guint rows = 0;

  reader = wy_sheet_reader_open (path, bad->encoding, &error);
  if (bad->refused_at_open)
    {
      g_assert_null (reader);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (reader);
      g_assert_false (wy_sheet_reader_read_sheet (reader, 0, count_row, &rows, &error));
    }
  g_assert_error (error, WY_SHEET_ERROR, (gint) bad->code);
  g_test_message ("%s: %s", bad->fixture, error->message);
  if (strstr (error->message, bad->in_message) == NULL)
    g_error ("“%s” not in “%s”", bad->in_message, error->message);
  /* The file (or the sheet, named after it) is named. */
  g_assert_true (strstr (error->message, bad->fixture) != NULL
                 || strstr (error->message, "Sheet1") != NULL
                 || strstr (error->message, "bad-columns") != NULL);

  /* A second try gives the same answer; the file is left as it was. */
  if (reader != NULL)
    {
      g_clear_error (&error);
      g_assert_false (wy_sheet_reader_read_sheet (reader, 0, count_row, &rows, &error));
      g_assert_error (error, WY_SHEET_ERROR, (gint) bad->code);
    }
  after = wy_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_big_csv_row (void)
{
  g_autofree char *path = wy_test_tmp_path ("big-row.csv");
  g_autoptr (GString) text = g_string_new ("社区,小区\r\n东风,纺织厂\r\n");
  g_autoptr (WySheetReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  guint rows = 0;

  /* One quoted cell of 1.1 MB on row 3 (a quote left open does this). */
  g_string_append_c (text, '"');
  while (text->len < 1100 * 1024)
    g_string_append (text, "小区名称,");
  g_string_append (text, "\"\r\n");
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);

  reader = wy_sheet_reader_open (path, WY_TEXT_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_false (wy_sheet_reader_read_sheet (reader, 0, count_row, &rows, &error));
  g_assert_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Row 3 of “big-row.csv” holds more than 1 MB"));
  /* The rows before it were read. */
  g_assert_cmpuint (rows, ==, 2);
}

static void
test_missing_file (void)
{
  g_autofree char *path = wy_test_tmp_path ("nowhere.xlsx");
  g_autoptr (GError) error = NULL;
  WySheetReader *reader = wy_sheet_reader_open (path, WY_TEXT_ENCODING_AUTO, &error);

  g_assert_null (reader);
  g_assert_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "nowhere.xlsx"));
}

static void
test_empty_file (void)
{
  g_autofree char *path = wy_test_tmp_path ("empty.csv");
  g_autoptr (WySheetReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  guint rows = 0;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  reader = wy_sheet_reader_open (path, WY_TEXT_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_true (wy_sheet_reader_read_sheet (reader, 0, count_row, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/sheet-bad/%s-%u", bad_files[i].fixture, i);

      g_test_add_data_func (name, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/sheet-bad/big-csv-row", test_big_csv_row);
  g_test_add_func ("/sheet-bad/missing-file", test_missing_file);
  g_test_add_func ("/sheet-bad/empty-file", test_empty_file);

  return g_test_run ();
}
