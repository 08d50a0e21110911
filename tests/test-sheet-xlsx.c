/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-test-util.h"
#include "wy-test-sheet.h"

/* The .xlsx reader (issue 14): a survey saved by LibreOffice, and a
 * hand-written workbook with what Excel and WPS write (a two-row merged
 * header, shared and inline strings, rich text, phonetic runs, hidden
 * sheets, dates around the 1900 leap-year bug, numbers as text, a
 * <dimension> that lies). The fixtures are described in
 * tests/fixtures/README. */

static WySheetReader *
open_fixture (const char *name)
{
  g_autofree char *path = wy_test_sheet_fixture (name);
  g_autoptr (GError) error = NULL;
  WySheetReader *reader;

  reader = wy_sheet_reader_open (path, WY_TEXT_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

static char *
dump_sheet (WySheetReader *reader,
            guint          index)
{
  g_autoptr (GError) error = NULL;
  char *dump = wy_test_sheet_dump (reader, index, &error);

  g_assert_no_error (error);
  return dump;
}

static void
assert_merges (WySheetReader      *reader,
               guint               index,
               const WySheetRange *expected,
               guint               n_expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) merges = wy_sheet_reader_get_merged_ranges (reader, index, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (merges->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      WySheetRange *range = &g_array_index (merges, WySheetRange, i);

      g_assert_cmpuint (range->first_row, ==, expected[i].first_row);
      g_assert_cmpuint (range->first_column, ==, expected[i].first_column);
      g_assert_cmpuint (range->last_row, ==, expected[i].last_row);
      g_assert_cmpuint (range->last_column, ==, expected[i].last_column);
    }
}

static void
test_survey_libreoffice (void)
{
  g_autoptr (WySheetReader) reader = open_fixture ("survey-libreoffice.xlsx");
  g_autofree char *dump = NULL;
  g_autofree char *notes = NULL;
  const WySheetRange title = { 1, 0, 1, 6 };

  g_assert_cmpint (wy_sheet_reader_get_format (reader), ==, WY_SHEET_FORMAT_XLSX);
  g_assert_null (wy_sheet_reader_get_encoding (reader));
  g_assert_cmpuint (wy_sheet_reader_get_n_sheets (reader), ==, 2);
  g_assert_cmpstr (wy_sheet_reader_get_sheet_name (reader, 0), ==, "摸底表");
  g_assert_cmpstr (wy_sheet_reader_get_sheet_name (reader, 1), ==, "说明");
  g_assert_false (wy_sheet_reader_get_sheet_hidden (reader, 0));
  g_assert_false (wy_sheet_reader_get_sheet_hidden (reader, 1));

  dump = dump_sheet (reader, 0);
  g_assert_cmpstr (dump, ==,
    "1: A=t:幸福街道老旧小区基本情况摸底表\n"
    "2: A=t:填报单位：幸福街道办事处 E=t:填报时间： F=d:2026-03-02\n"
    "3: A=t:序号 B=t:社区 C=t:小区名称 D=t:建成年代 E=t:户数（户） F=t:是否试点 G=t:主要问题\n"
    "4: A=n:1 B=t:东风社区 C=t:纺织厂宿舍 D=t:1998年 E=t:96户 F=t:是 G=t:屋顶漏水；管道老化\n"
    "5: A=n:2 B=t:东风社区 C=t:机械厂家属院 D=n:1990 E=t:１２０ F=t:否 G=t:无物业,\\n停车难\n"
    "7: A=n:3 B=t:红旗社区 C=t:粮食局小区 D=t:1990年代 E=n:80 F=t:√\n"
    "9: A=t:合计 E=n:296\n");
  assert_merges (reader, 0, &title, 1);

  notes = dump_sheet (reader, 1);
  g_assert_cmpstr (notes, ==, "1: A=t:本表由社区填报\n");
  assert_merges (reader, 1, NULL, 0);
}

static void
test_merged_header (void)
{
  g_autoptr (WySheetReader) reader = open_fixture ("merged-header.xlsx");
  g_autofree char *dump = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *very_hidden = NULL;
  const WySheetRange merges[] = { { 1, 0, 1, 4 }, { 2, 0, 3, 0 }, { 2, 1, 2, 2 } };

  g_assert_cmpuint (wy_sheet_reader_get_n_sheets (reader), ==, 3);
  g_assert_cmpstr (wy_sheet_reader_get_sheet_name (reader, 0), ==, "摸底表");
  g_assert_cmpstr (wy_sheet_reader_get_sheet_name (reader, 1), ==, "下拉选项");
  g_assert_cmpstr (wy_sheet_reader_get_sheet_name (reader, 2), ==, "内部");
  g_assert_false (wy_sheet_reader_get_sheet_hidden (reader, 0));
  g_assert_true (wy_sheet_reader_get_sheet_hidden (reader, 1));
  g_assert_true (wy_sheet_reader_get_sheet_hidden (reader, 2));

  /* Merged ranges first, as a caller looking for the header would. */
  assert_merges (reader, 0, merges, G_N_ELEMENTS (merges));

  dump = dump_sheet (reader, 0);
  g_assert_cmpstr (dump, ==,
    "1: A=t:幸福街道老旧小区摸底表\n"
    "2: A=t:序号 B=t:位置 D=t:户数（户）\n"
    "3: B=t:社区 C=t:小区名称\n"
    /* Rich text runs joined, the trailing space kept; the phonetic run
     * left out; "0123" stays text. */
    "4: A=n:1 B=t:东风社区  C=t:纺织厂宿舍 D=t:96户 F=t:内联文本 G=t:0123\n"
    /* Cells without r follow each other; 1 as a boolean; an error value
     * and a formula's string as text; a decimal in a 元 format. */
    "5: A=n:2 B=t:红旗社区 C=t:粮局 D=t:１２０ E=b:TRUE F=t:#N/A G=n:1234.5 H=n:0.1\n"
    /* 1 and 59 are before the fake 29 February 1900, 60 is that day
     * (text: it never was), 61 is 1 March 1900; a time of day dropped;
     * a time alone stays a number; t="d" as ISO. */
    "7: A=d:1900-01-01 B=d:1900-02-28 C=t:1900-02-29 D=d:1900-03-01 E=d:2025-02-28 F=n:0.5 G=n:0.5 H=d:2024-02-29\n"
    /* Row 8 has only empty cells; row 12 lies outside <dimension>. */
    "12: A=n:-3 AB=n:1e+20\n");

  hidden = dump_sheet (reader, 1);
  g_assert_cmpstr (hidden, ==, "1: A=t:选项\n");
  very_hidden = dump_sheet (reader, 2);
  g_assert_cmpstr (very_hidden, ==, "2: B=n:7\n");
}

static void
test_date1904 (void)
{
  g_autoptr (WySheetReader) reader = open_fixture ("date1904.xlsx");
  g_autofree char *dump = dump_sheet (reader, 0);

  g_assert_cmpstr (dump, ==, "1: A=d:1904-01-01 B=d:1904-01-02 C=d:2027-03-16\n");
}

static void
test_serials (void)
{
  static const struct { double serial; gboolean date1904; const char *iso; } cases[] = {
    { 1, FALSE, "1900-01-01" },
    { 59, FALSE, "1900-02-28" },
    { 59.99, FALSE, "1900-02-28" },
    { 60, FALSE, NULL },
    { 61, FALSE, "1900-03-01" },
    { 0, FALSE, NULL },
    { -1, FALSE, NULL },
    { 36526, FALSE, "2000-01-01" },
    { 45351, FALSE, "2024-02-29" },
    { 2958465, FALSE, "9999-12-31" },
    { 2958466, FALSE, NULL },
    { 0, TRUE, "1904-01-01" },
    { 59, TRUE, "1904-02-29" },
    { 60, TRUE, "1904-03-01" },
    { -1, TRUE, NULL },
  };
  static const struct { double value; const char *text; } numbers[] = {
    { 96, "96" }, { 0, "0" }, { -3, "-3" }, { 0.1, "0.1" }, { 0.1 + 0.2, "0.3" },
    { 1234.5, "1234.5" }, { 1e20, "1e+20" }, { 123456789012345.0, "123456789012345" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = wy_sheet_serial_to_iso (cases[i].serial, cases[i].date1904);

      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = wy_sheet_format_number (numbers[i].value);

      g_assert_cmpstr (text, ==, numbers[i].text);
    }
}

static gboolean
stop_after_two_rows (const WySheetRow  *row,
                     gpointer           user_data,
                     GError           **error)
{
  guint *seen = user_data;

  return ++*seen < 2;
}

static gboolean
refuse_row_four (const WySheetRow  *row,
                 gpointer           user_data,
                 GError           **error)
{
  if (row->number < 4)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "refused row %u", row->number);
  return FALSE;
}

static void
test_stop_and_fail (void)
{
  g_autoptr (WySheetReader) reader = open_fixture ("survey-libreoffice.xlsx");
  g_autoptr (GError) error = NULL;
  guint seen = 0;

  g_assert_true (wy_sheet_reader_read_sheet (reader, 0, stop_after_two_rows, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, 2);

  g_assert_false (wy_sheet_reader_read_sheet (reader, 0, refuse_row_four, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, ==, "refused row 4");
  g_clear_error (&error);

  g_assert_false (wy_sheet_reader_read_sheet (reader, 2, stop_after_two_rows, &seen, &error));
  g_assert_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_NO_SUCH_SHEET);
  g_clear_error (&error);

  /* The reader reads again after all that. */
  seen = 0;
  g_assert_true (wy_sheet_reader_read_sheet (reader, 1, stop_after_two_rows, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, 1);
}

static void
test_encoding_names (void)
{
  WyTextEncoding encoding = WY_TEXT_ENCODING_AUTO;

  g_assert_true (wy_text_encoding_from_string ("GBK", &encoding));
  g_assert_cmpint (encoding, ==, WY_TEXT_ENCODING_GB18030);
  g_assert_true (wy_text_encoding_from_string ("utf-16", &encoding));
  g_assert_cmpint (encoding, ==, WY_TEXT_ENCODING_UTF16);
  g_assert_true (wy_text_encoding_from_string ("UTF-8", &encoding));
  g_assert_cmpint (encoding, ==, WY_TEXT_ENCODING_UTF8);
  g_assert_true (wy_text_encoding_from_string ("auto", &encoding));
  g_assert_cmpint (encoding, ==, WY_TEXT_ENCODING_AUTO);
  g_assert_false (wy_text_encoding_from_string ("latin1", &encoding));
  g_assert_false (wy_text_encoding_from_string (NULL, &encoding));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet-xlsx/survey-libreoffice", test_survey_libreoffice);
  g_test_add_func ("/sheet-xlsx/merged-header", test_merged_header);
  g_test_add_func ("/sheet-xlsx/date1904", test_date1904);
  g_test_add_func ("/sheet-xlsx/serials", test_serials);
  g_test_add_func ("/sheet-xlsx/stop-and-fail", test_stop_and_fail);
  g_test_add_func ("/sheet-xlsx/encoding-names", test_encoding_names);

  return g_test_run ();
}
