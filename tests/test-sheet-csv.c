/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "wy-test-util.h"
#include "wy-test-sheet.h"

/* Text files (issue 14): the survey as Excel and WPS save it on a Chinese
 * Windows (GB18030, CRLF), as "Unicode text" (UTF-16LE, tabs), as UTF-8
 * with a byte-order mark and semicolons, with full-width commas; the
 * encoding chosen by hand; libcsv's quoting. Every cell is text. */

static const char survey_dump[] =
  "1: A=t:幸福街道老旧小区基本情况摸底表\n"
  "2: A=t:填报单位：幸福街道办事处 E=t:填报时间： F=t:2026-03-02\n"
  "3: A=t:序号 B=t:社区 C=t:小区名称 D=t:建成年代 E=t:户数（户） F=t:是否试点 G=t:主要问题\n"
  "4: A=t:1 B=t:东风社区 C=t:纺织厂宿舍 D=t:1998年 E=t:96户 F=t:是 G=t:屋顶漏水；管道老化\n"
  "5: A=t:2 B=t:东风社区 C=t:机械厂家属院 D=t:1990 E=t:１２０ F=t:否 G=t:无物业,\\n停车难\n"
  "7: A=t:3 B=t:红旗社区 C=t:粮食局小区 D=t:1990年代 E=t:80 F=t:√\n"
  "9: A=t:合计 E=t:296\n";

static WySheetReader *
open_path (const char     *path,
           WyTextEncoding  encoding)
{
  g_autoptr (GError) error = NULL;
  WySheetReader *reader = wy_sheet_reader_open (path, encoding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpint (wy_sheet_reader_get_format (reader), ==, WY_SHEET_FORMAT_CSV);
  g_assert_cmpuint (wy_sheet_reader_get_n_sheets (reader), ==, 1);
  g_assert_false (wy_sheet_reader_get_sheet_hidden (reader, 0));
  return reader;
}

static void
check_fixture (const char     *name,
               WyTextEncoding  encoding,
               const char     *sheet_name,
               const char     *expected_encoding,
               gunichar        expected_separator,
               const char     *expected_dump)
{
  g_autofree char *path = wy_test_sheet_fixture (name);
  g_autoptr (WySheetReader) reader = open_path (path, encoding);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) merges = NULL;
  g_autofree char *dump = NULL;

  g_assert_cmpstr (wy_sheet_reader_get_sheet_name (reader, 0), ==, sheet_name);
  g_assert_cmpstr (wy_sheet_reader_get_encoding (reader), ==, expected_encoding);
  g_assert_cmpuint (wy_sheet_reader_get_separator (reader), ==, expected_separator);
  dump = wy_test_sheet_dump (reader, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dump, ==, expected_dump);

  merges = wy_sheet_reader_get_merged_ranges (reader, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merges->len, ==, 0);
}

static void
test_survey_gb18030 (void)
{
  check_fixture ("survey-gb18030.csv", WY_TEXT_ENCODING_AUTO, "survey-gb18030",
                 "GB18030", ',', survey_dump);
  check_fixture ("survey-gb18030.csv", WY_TEXT_ENCODING_GB18030, "survey-gb18030",
                 "GB18030", ',', survey_dump);
}

static void
test_survey_utf16 (void)
{
  check_fixture ("survey-utf16.txt", WY_TEXT_ENCODING_AUTO, "survey-utf16",
                 "UTF-16LE", '\t', survey_dump);
  check_fixture ("survey-utf16.txt", WY_TEXT_ENCODING_UTF16, "survey-utf16",
                 "UTF-16LE", '\t', survey_dump);
}

static void
test_survey_utf8_semicolon (void)
{
  /* The byte-order mark is not part of the first cell. */
  check_fixture ("survey-utf8-semicolon.csv", WY_TEXT_ENCODING_AUTO, "survey-utf8-semicolon",
                 "UTF-8", ';', survey_dump);
  check_fixture ("survey-utf8-semicolon.csv", WY_TEXT_ENCODING_UTF8, "survey-utf8-semicolon",
                 "UTF-8", ';', survey_dump);
}

static void
test_fullwidth_comma (void)
{
  check_fixture ("survey-fullwidth-comma.csv", WY_TEXT_ENCODING_AUTO, "survey-fullwidth-comma",
                 "UTF-8", 0xFF0C,
                 "1: A=t:序号 B=t:社区 C=t:小区名称 D=t:建成年代 E=t:户数（户） F=t:是否试点 G=t:主要问题\n"
                 "2: A=t:1 B=t:东风社区 C=t:纺织厂宿舍 D=t:1998年 E=t:96户 F=t:是 G=t:屋顶漏水；管道老化\n"
                 "3: A=t:2 B=t:东风社区 C=t:机械厂家属院 D=t:1990 E=t:１２０ F=t:否\n");
}

static void
test_wrong_encoding_chosen (void)
{
  g_autofree char *path = wy_test_sheet_fixture ("survey-gb18030.csv");
  g_autoptr (WySheetReader) reader = open_path (path, WY_TEXT_ENCODING_UTF8);
  g_autoptr (GError) error = NULL;
  g_autofree char *dump = wy_test_sheet_dump (reader, 0, &error);

  g_assert_null (dump);
  g_assert_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "survey-gb18030.csv"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static char *
write_tmp (const char *name,
           const char *data,
           gssize      length)
{
  g_autoptr (GError) error = NULL;
  char *path = wy_test_tmp_path (name);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_quoting_and_line_ends (void)
{
  /* LF, CR and CRLF ends; doubled quotes; a quote inside an unquoted
   * field; spaces kept; CRLF inside quotes; a blank line; no last end. */
  static const char text[] =
    "a,\"b \"\"引\"\" c\",5\" tall\n"
    "  lead,trail  ,\"x\r\ny\"\r"
    "\r\n"
    ",,\r\n"
    "last,\"\"";
  g_autofree char *path = write_tmp ("quoting.csv", text, sizeof text - 1);
  g_autoptr (WySheetReader) reader = open_path (path, WY_TEXT_ENCODING_AUTO);
  g_autoptr (GError) error = NULL;
  g_autofree char *dump = wy_test_sheet_dump (reader, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (wy_sheet_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpstr (dump, ==,
                   "1: A=t:a B=t:b \"引\" c C=t:5\" tall\n"
                   "2: A=t:  lead B=t:trail   C=t:x\\r\\ny\n"
                   "5: A=t:last\n");
}

static void
test_utf16be_without_bom (void)
{
  gsize length = 0;
  g_autofree char *text = g_convert ("社区\t小区\r\n东风\t96户\r\n", -1, "UTF-16BE", "UTF-8",
                                     NULL, &length, NULL);
  g_autofree char *path = write_tmp ("utf16be.txt", text, (gssize) length);
  g_autoptr (WySheetReader) reader = open_path (path, WY_TEXT_ENCODING_AUTO);
  g_autoptr (GError) error = NULL;
  g_autofree char *dump = wy_test_sheet_dump (reader, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (wy_sheet_reader_get_encoding (reader), ==, "UTF-16BE");
  g_assert_cmpuint (wy_sheet_reader_get_separator (reader), ==, '\t');
  g_assert_cmpstr (dump, ==, "1: A=t:社区 B=t:小区\n2: A=t:东风 B=t:96户\n");
}

static void
test_detect (void)
{
  g_autofree char *gbk = g_convert ("幸福街道老旧小区基本情况摸底表，填报单位：幸福街道办事处", -1,
                                    "GB18030", "UTF-8", NULL, NULL, NULL);
  const char *utf8 = "幸福街道老旧小区";
  gsize bom = 99;

  g_assert_cmpstr (wy_text_encoding_detect ((const guint8 *) "\xEF\xBB\xBF" "a,b", 6, &bom), ==, "UTF-8");
  g_assert_cmpuint (bom, ==, 3);
  g_assert_cmpstr (wy_text_encoding_detect ((const guint8 *) "\xFF\xFE" "a\0,\0", 6, &bom), ==, "UTF-16LE");
  g_assert_cmpuint (bom, ==, 2);
  g_assert_cmpstr (wy_text_encoding_detect ((const guint8 *) "\xFE\xFF\0a\0,", 6, &bom), ==, "UTF-16BE");
  g_assert_cmpuint (bom, ==, 2);
  g_assert_cmpstr (wy_text_encoding_detect ((const guint8 *) utf8, strlen (utf8), &bom), ==, "UTF-8");
  g_assert_cmpuint (bom, ==, 0);
  /* A sample that ends inside a character is still UTF-8. */
  g_assert_cmpstr (wy_text_encoding_detect ((const guint8 *) utf8, strlen (utf8) - 1, &bom), ==, "UTF-8");
  g_assert_cmpstr (wy_text_encoding_detect ((const guint8 *) gbk, strlen (gbk), &bom), ==, "GB18030");
  g_assert_cmpstr (wy_text_encoding_detect ((const guint8 *) "plain,ascii\n", 12, &bom), ==, "UTF-8");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet-csv/survey-gb18030", test_survey_gb18030);
  g_test_add_func ("/sheet-csv/survey-utf16", test_survey_utf16);
  g_test_add_func ("/sheet-csv/survey-utf8-semicolon", test_survey_utf8_semicolon);
  g_test_add_func ("/sheet-csv/fullwidth-comma", test_fullwidth_comma);
  g_test_add_func ("/sheet-csv/wrong-encoding-chosen", test_wrong_encoding_chosen);
  g_test_add_func ("/sheet-csv/quoting-and-line-ends", test_quoting_and_line_ends);
  g_test_add_func ("/sheet-csv/utf16be-without-bom", test_utf16be_without_bom);
  g_test_add_func ("/sheet-csv/detect", test_detect);

  return g_test_run ();
}
