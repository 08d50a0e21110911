/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-test-util.h"
#include "wy-test-sheet.h"

/* The .xls reader (libfreexl, in a child process): the survey saved by
 * LibreOffice as Excel 97–2003 reads as the .xlsx does, dates included.
 * freexl reports no merged ranges and no hidden sheets. */

static void
test_survey_libreoffice (void)
{
  g_autofree char *path = wy_test_sheet_fixture ("survey-libreoffice.xls");
  g_autoptr (GError) error = NULL;
  g_autoptr (WySheetReader) reader = NULL;
  g_autoptr (GArray) merges = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *notes = NULL;

  reader = wy_sheet_reader_open (path, WY_TEXT_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wy_sheet_reader_get_format (reader), ==, WY_SHEET_FORMAT_XLS);
  g_assert_cmpuint (wy_sheet_reader_get_n_sheets (reader), ==, 2);
  g_assert_cmpstr (wy_sheet_reader_get_sheet_name (reader, 0), ==, "摸底表");
  g_assert_cmpstr (wy_sheet_reader_get_sheet_name (reader, 1), ==, "说明");
  g_assert_false (wy_sheet_reader_get_sheet_hidden (reader, 0));

  dump = wy_test_sheet_dump (reader, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dump, ==,
    "1: A=t:幸福街道老旧小区基本情况摸底表\n"
    "2: A=t:填报单位：幸福街道办事处 E=t:填报时间： F=d:2026-03-02\n"
    "3: A=t:序号 B=t:社区 C=t:小区名称 D=t:建成年代 E=t:户数（户） F=t:是否试点 G=t:主要问题\n"
    "4: A=n:1 B=t:东风社区 C=t:纺织厂宿舍 D=t:1998年 E=t:96户 F=t:是 G=t:屋顶漏水；管道老化\n"
    "5: A=n:2 B=t:东风社区 C=t:机械厂家属院 D=n:1990 E=t:１２０ F=t:否 G=t:无物业,\\n停车难\n"
    "7: A=n:3 B=t:红旗社区 C=t:粮食局小区 D=t:1990年代 E=n:80 F=t:√\n"
    "9: A=t:合计 E=n:296\n");

  notes = wy_test_sheet_dump (reader, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notes, ==, "1: A=t:本表由社区填报\n");

  merges = wy_sheet_reader_get_merged_ranges (reader, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merges->len, ==, 0);
}

static gboolean
stop_after_two_rows (const WySheetRow  *row,
                     gpointer           user_data,
                     GError           **error)
{
  guint *seen = user_data;

  return ++*seen < 2;
}

/* freexl runs in a child process: stopping early ends it, and the next
 * read starts another. */
static void
test_stop_early (void)
{
  g_autofree char *path = wy_test_sheet_fixture ("survey-libreoffice.xls");
  g_autoptr (GError) error = NULL;
  g_autoptr (WySheetReader) reader = NULL;
  guint seen = 0;

  reader = wy_sheet_reader_open (path, WY_TEXT_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      seen = 0;
      g_assert_true (wy_sheet_reader_read_sheet (reader, 0, stop_after_two_rows, &seen, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (seen, ==, 2);
    }
  g_assert_false (wy_sheet_reader_read_sheet (reader, 2, stop_after_two_rows, &seen, &error));
  g_assert_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_NO_SUCH_SHEET);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet-xls/survey-libreoffice", test_survey_libreoffice);
  g_test_add_func ("/sheet-xls/stop-early", test_stop_early);

  return g_test_run ();
}
