/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "wy-test-util.h"

/* The Excel ledger and the CSV of the problem ledger: each workbook is read
 * back with openpyxl (tests/check-xlsx.py, /usr/bin/python3) the way
 * another program reads it, and compared with the store. Every case passes
 * a fixed "today". */

#define TODAY "2026-11-22"

/* --- Helpers ---------------------------------------------------------------- */

static WyStore *
demo_store (const char *name,
            GDate      *today)
{
  g_autofree char *path = wy_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  WyStore *store;

  wy_test_date (today, TODAY);
  g_assert_true (wy_demo_write (path, 0, today, &error));
  g_assert_no_error (error);
  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A small JSON writer for the spec: key/value pairs separated by the
 * caller. */
static void
json_pair (GString    *out,
           const char *key,
           const char *value)
{
  json_string (out, key);
  g_string_append_c (out, ':');
  json_string (out, value);
}

static char *
python (void)
{
  return g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? g_strdup ("/usr/bin/python3") : NULL;
}

static gboolean
have_openpyxl (void)
{
  g_autofree char *py = python ();
  int status = 1;
  const char *argv[] = { py, "-c", "import openpyxl", NULL };

  if (py == NULL)
    return FALSE;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, NULL);
  return g_spawn_check_wait_status (status, NULL);
}

/* Runs check-xlsx.py on path with spec; fails the test with its output. */
static void
check_workbook (const char *path,
                GString    *spec)
{
  g_autofree char *py = python ();
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-xlsx.py", NULL);
  g_autofree char *spec_path = g_strconcat (path, ".json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { py, script, path, spec_path, NULL };

  g_assert_true (g_file_set_contents (spec_path, spec->str, (gssize) spec->len, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("check-xlsx.py:\n%s%s", out, err);
      g_test_fail ();
    }
  g_unlink (spec_path);
}

/* Nothing in the folder but what was there: no output, no temporary. */
static void
assert_nothing_written (const char *dir,
                        const char *output)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, ".~wuyou-"));
      g_assert_false (g_str_has_suffix (name, ".xlsx"));
      g_assert_false (g_str_has_suffix (name, ".csv"));
    }
}

static guint
count_status (GPtrArray  *problems,
              const char *status)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += g_strcmp0 (((WyProblemRow *) g_ptr_array_index (problems, i))->status, status) == 0;
  return n;
}

/* A problem whose (compound, description) no other problem has, chosen
 * by pick. */
static WyProblemRow *
find_unique (GPtrArray *problems,
             gboolean (*pick) (WyProblemRow *row, const GDate *today),
             const GDate *today)
{
  for (guint i = 0; i < problems->len; i++)
    {
      WyProblemRow *row = g_ptr_array_index (problems, i);
      gboolean unique = TRUE;

      if (!pick (row, today))
        continue;
      for (guint j = 0; j < problems->len && unique; j++)
        {
          WyProblemRow *other = g_ptr_array_index (problems, j);

          unique = j == i || other->compound_id != row->compound_id ||
                   g_strcmp0 (other->description, row->description) != 0;
        }
      if (unique)
        return row;
    }
  g_assert_not_reached ();
}

static gboolean
pick_signed_off (WyProblemRow *row,
                 const GDate  *today)
{
  return g_strcmp0 (row->status, WY_PROBLEM_SIGNED_OFF) == 0;
}

static gboolean
pick_overdue (WyProblemRow *row,
              const GDate  *today)
{
  return wy_light_compute_iso (row->deadline, g_strcmp0 (row->status, WY_PROBLEM_SIGNED_OFF) == 0,
                               today, WY_DEFAULT_WARNING_DAYS) == WY_LIGHT_RED;
}

static const char * const problem_headers[] = {
  "序号", "街道", "社区", "小区名称", "问题类别", "问题描述", "整改措施",
  "责任单位", "责任人", "整改时限", "整改进展", "状态", "亮灯", "销号时间",
  "验收人", "备注", NULL,
};

static void
spec_headers (GString                 *spec,
              const char              *sheet,
              const char * const      *headers)
{
  json_string (spec, sheet);
  g_string_append (spec, ":[");
  for (guint i = 0; headers[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (spec, ',');
      json_string (spec, headers[i]);
    }
  g_string_append (spec, "]");
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

typedef struct {
  WyExportSnapshot *snapshot;
  const char       *path;
  GError           *error;
  gboolean          ok;
} Job;

static gpointer
write_in_thread (gpointer data)
{
  Job *job = data;

  job->ok = wy_export_snapshot_write_xlsx (job->snapshot, job->path, NULL, NULL, NULL, &job->error);
  return NULL;
}

/* --- The whole ledger -------------------------------------------------------- */

static void
test_workbook (void)
{
  g_autoptr(WyStore) store = NULL;
  g_autofree char *path = wy_test_tmp_path ("ledger.xlsx");
  g_autofree char *office = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) spec = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  WyExportOptions options;
  WyProblemRow *signed_off, *overdue;
  WyDashboard dashboard;
  GDate today;
  double last_fraction = -1;

  if (!have_openpyxl ())
    {
      g_test_skip ("/usr/bin/python3 with openpyxl is not installed");
      return;
    }

  store = demo_store ("ledger.wuyou", &today);
  office = wy_store_get_setting (store, WY_SETTING_OFFICE_NAME);
  problems = wy_store_list_problem_rows (store, 0, &error);
  g_assert_no_error (error);
  g_assert_true (wy_store_get_dashboard (store, &today, WY_DEFAULT_WARNING_DAYS, &dashboard, &error));

  wy_export_options_init_defaults (&options, &today);
  g_assert_true (wy_export_ledger_xlsx (store, &options, path, on_progress, &last_fraction, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpfloat (last_fraction, ==, 1.0);

  signed_off = find_unique (problems, pick_signed_off, &today);
  overdue = find_unique (problems, pick_overdue, &today);

  g_string_append (spec, "\"sheets\":[\"小区基本情况台账\",\"问题整改销号台账\",\"工作任务推进表\",\"阶段节点\",\"五有达标统计\",\"五有达标率图\"],");
  json_pair (spec, "title", office);
  g_string_append (spec, ",\"headers\":{");
  spec_headers (spec, "问题整改销号台账", problem_headers);
  g_string_append (spec, "},");
  g_string_append_printf (spec, "\"rows\":{\"小区基本情况台账\":%" G_GINT64_FORMAT
                          ",\"问题整改销号台账\":%" G_GINT64_FORMAT
                          ",\"工作任务推进表\":%" G_GINT64_FORMAT
                          ",\"阶段节点\":%" G_GINT64_FORMAT "},",
                          wy_store_count (store, WY_TABLE_COMPOUND),
                          wy_store_count (store, WY_TABLE_PROBLEM),
                          wy_store_count (store, WY_TABLE_TASK),
                          wy_store_count (store, WY_TABLE_PHASE) + wy_store_count (store, WY_TABLE_MILESTONE));
  g_assert_cmpuint (problems->len, ==, wy_store_count (store, WY_TABLE_PROBLEM));

  g_string_append (spec, "\"find\":[{\"sheet\":\"问题整改销号台账\",\"where\":{");
  json_pair (spec, "小区名称", signed_off->compound);
  g_string_append_c (spec, ',');
  json_pair (spec, "问题描述", signed_off->description);
  g_string_append (spec, "},\"expect\":{");
  json_pair (spec, "销号时间", signed_off->signed_off_date);
  g_string_append (spec, ",\"状态\":\"已销号\",\"亮灯\":\"已完成\"},\"date\":[\"销号时间\",\"整改时限\"]},");

  g_string_append (spec, "{\"sheet\":\"问题整改销号台账\",\"where\":{");
  json_pair (spec, "小区名称", overdue->compound);
  g_string_append_c (spec, ',');
  json_pair (spec, "问题描述", overdue->description);
  g_string_append (spec, "},\"expect\":{\"亮灯\":\"逾期\",");
  json_pair (spec, "整改时限", overdue->deadline);
  g_string_append (spec, ",\"销号时间\":\"\"},\"fill\":{\"亮灯\":\"FF7C80\"}},");

  g_string_append (spec, "{\"sheet\":\"问题整改销号台账\",\"where\":{\"状态\":\"已销号\"}");
  g_string_append_printf (spec, ",\"count\":%u},", count_status (problems, WY_PROBLEM_SIGNED_OFF));
  g_string_append (spec, "{\"sheet\":\"问题整改销号台账\",\"where\":{\"亮灯\":\"逾期\"}");
  g_string_append_printf (spec, ",\"count\":%u},", dashboard.problems_overdue);

  g_string_append_printf (spec, "{\"sheet\":\"五有达标统计\",\"where\":{\"街道\":\"合计\"},"
                          "\"expect\":{\"小区数\":\"%u\",\"达标小区数\":\"%u\"},"
                          "\"approx\":{\"达标率\":%.17g}}",
                          dashboard.compounds, dashboard.attained,
                          dashboard.compounds > 0 ? (double) dashboard.attained / dashboard.compounds : 0.0);
  g_string_append (spec, "],\"chart\":\"五有达标率图\",\"paper\":9}");

  check_workbook (path, spec);
}

/* --- Three lists, A3 ---------------------------------------------------------- */

static void
test_three_lists (void)
{
  g_autoptr(WyStore) store = NULL;
  g_autofree char *path = wy_test_tmp_path ("three-lists.xlsx");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) spec = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  WyExportOptions options;
  guint fresh = 0, open = 0, closed = 0;
  GDate today;
  guint32 today_j;

  if (!have_openpyxl ())
    {
      g_test_skip ("/usr/bin/python3 with openpyxl is not installed");
      return;
    }

  store = demo_store ("three-lists.wuyou", &today);
  today_j = g_date_get_julian (&today);
  problems = wy_store_list_problem_rows (store, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      WyProblemRow *row = g_ptr_array_index (problems, i);
      GDate raised;

      if (g_strcmp0 (row->status, WY_PROBLEM_SIGNED_OFF) == 0)
        closed++;
      else if (row->raised_date != NULL && wy_date_parse (row->raised_date, &raised) &&
               g_date_get_julian (&raised) <= today_j && g_date_get_julian (&raised) + 30 > today_j)
        fresh++;
      else
        open++;
    }
  g_assert_cmpuint (fresh + open + closed, ==, problems->len);

  wy_export_options_init_defaults (&options, &today);
  options.sheets = WY_EXPORT_SHEET_PROBLEMS;
  options.three_lists = TRUE;
  options.paper = WY_EXPORT_PAPER_A3;
  g_assert_true (wy_export_ledger_xlsx (store, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_string_append_printf (spec, "\"sheets\":[\"新增问题台账\",\"推进中问题台账\",\"已销号问题台账\"],"
                          "\"rows\":{\"新增问题台账\":%u,\"推进中问题台账\":%u,\"已销号问题台账\":%u},"
                          "\"paper\":8}", fresh, open, closed);
  check_workbook (path, spec);
}

/* --- Scope ----------------------------------------------------------------- */

static void
test_scope (void)
{
  g_autoptr(WyStore) store = NULL;
  g_autofree char *path = wy_test_tmp_path ("community.xlsx");
  g_autofree char *path2 = wy_test_tmp_path ("picked.xlsx");
  g_autoptr(GPtrArray) compounds = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) spec = g_string_new ("{");
  g_autoptr(GString) spec2 = g_string_new ("{");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(WyExportSnapshot) snapshot = NULL;
  WyExportOptions options;
  WyCompoundRow *first;
  guint n_compounds = 0, n_problems = 0, n_picked_problems = 0;
  GDate today;

  store = demo_store ("scope.wuyou", &today);
  compounds = wy_store_list_compound_rows (store, &error);
  g_assert_no_error (error);
  problems = wy_store_list_problem_rows (store, 0, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (compounds, 0);
  for (guint i = 0; i < compounds->len; i++)
    n_compounds += ((WyCompoundRow *) g_ptr_array_index (compounds, i))->community_id == first->community_id;
  for (guint i = 0; i < problems->len; i++)
    n_problems += ((WyProblemRow *) g_ptr_array_index (problems, i))->community_id == first->community_id;
  g_assert_cmpuint (n_compounds, <, compounds->len);

  wy_export_options_init_defaults (&options, &today);
  options.scope = WY_EXPORT_SCOPE_COMMUNITY;
  options.scope_id = first->community_id;
  snapshot = wy_export_snapshot_new (store, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wy_export_snapshot_get_n_compounds (snapshot), ==, n_compounds);
  g_assert_cmpuint (wy_export_snapshot_get_n_problems (snapshot), ==, n_problems);
  /* The reporting unit names the street of the community. */
  g_assert_nonnull (strstr (wy_export_snapshot_get_reporting_unit (snapshot), first->street));

  /* Written from the snapshot in another thread, as the GUI will. */
  {
    Job job = { snapshot, path, NULL, FALSE };

    g_thread_join (g_thread_new ("export", write_in_thread, &job));
    g_assert_no_error (job.error);
    g_assert_true (job.ok);
  }

  /* An explicit list: what a filtered list shows. */
  for (guint i = 0; i < compounds->len && ids->len < 3; i += 7)
    g_array_append_val (ids, ((WyCompoundRow *) g_ptr_array_index (compounds, i))->id);
  for (guint i = 0; i < problems->len; i++)
    for (guint k = 0; k < ids->len; k++)
      n_picked_problems += ((WyProblemRow *) g_ptr_array_index (problems, i))->compound_id == g_array_index (ids, gint64, k);
  options.scope = WY_EXPORT_SCOPE_COMPOUNDS;
  options.compound_ids = ids;
  g_assert_true (wy_export_ledger_xlsx (store, &options, path2, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  if (!have_openpyxl ())
    {
      g_test_skip ("/usr/bin/python3 with openpyxl is not installed");
      return;
    }

  g_string_append_printf (spec, "\"rows\":{\"小区基本情况台账\":%u,\"问题整改销号台账\":%u},"
                          "\"find\":[{\"sheet\":\"小区基本情况台账\",\"where\":{",
                          n_compounds, n_problems);
  json_pair (spec, "社区", first->community);
  g_string_append_printf (spec, "},\"count\":%u},{\"sheet\":\"问题整改销号台账\",\"where\":{", n_compounds);
  json_pair (spec, "社区", first->community);
  g_string_append_printf (spec, "},\"count\":%u}]}", n_problems);
  check_workbook (path, spec);

  g_string_append_printf (spec2, "\"rows\":{\"小区基本情况台账\":%u,\"问题整改销号台账\":%u}}",
                          ids->len, n_picked_problems);
  check_workbook (path2, spec2);
}

/* --- CSV --------------------------------------------------------------------- */

static void
test_csv (void)
{
  g_autoptr(WyStore) store = NULL;
  g_autofree char *path = wy_test_tmp_path ("problems.csv");
  g_autoptr(WyRecord) record = wy_record_new (WY_TABLE_PROBLEM);
  g_autoptr(GPtrArray) compounds = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WyExportOptions options;
  const char *data;
  gsize size;
  GDate today;

  store = demo_store ("csv.wuyou", &today);
  compounds = wy_store_list_compound_rows (store, &error);
  g_assert_no_error (error);
  wy_record_set_int (record, "compound_id", ((WyCompoundRow *) g_ptr_array_index (compounds, 0))->id);
  wy_record_set (record, "category", "other");
  wy_record_set (record, "description", "=HYPERLINK(\"http://x\",\"点\")");
  wy_record_set (record, "measure", "-1, then \"quote\"");
  wy_record_set (record, "responsible_unit", "@unit");
  wy_record_set (record, "status", WY_PROBLEM_PENDING);
  g_assert_cmpint (wy_store_insert (store, record, &error), >, 0);
  g_assert_no_error (error);

  wy_export_options_init_defaults (&options, &today);
  g_assert_true (wy_export_problems_csv (store, &options, path, NULL, &error));
  g_assert_no_error (error);

  bytes = wy_test_read_file (path);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (size > 3 && memcmp (data, "\xEF\xBB\xBF序号,街道,社区,小区名称,", strlen ("\xEF\xBB\xBF序号,街道,社区,小区名称,")) == 0);
  g_assert_true (g_utf8_validate (data, (gssize) size, NULL));
  g_assert_nonnull (g_strstr_len (data, (gssize) size, "\"'=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\""));
  g_assert_nonnull (g_strstr_len (data, (gssize) size, "\"'-1, then \"\"quote\"\"\""));
  g_assert_nonnull (g_strstr_len (data, (gssize) size, ",'@unit,"));
  g_assert_nonnull (g_strstr_len (data, (gssize) size, "\r\n"));
}

/* --- Failures ---------------------------------------------------------------- */

static void
test_missing_folder (void)
{
  g_autoptr(WyStore) store = NULL;
  g_autofree char *dir = wy_test_tmp_path ("no-such-folder");
  g_autofree char *path = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  WyExportOptions options;
  GDate today;

  store = demo_store ("missing-folder.wuyou", &today);
  wy_export_options_init_defaults (&options, &today);
  g_assert_false (wy_export_ledger_xlsx (store, &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_NO_FOLDER);
  g_clear_error (&error);
  g_assert_false (wy_export_problems_csv (store, &options, path, NULL, &error));
  g_assert_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_NO_FOLDER);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_read_only_folder (void)
{
  if (g_test_subprocess ())
    {
      const char *ledger = g_getenv ("WY_TEST_LEDGER");
      const char *dir = g_getenv ("WY_TEST_DIR");
      g_autofree char *path = g_build_filename (dir, "ledger.xlsx", NULL);
      g_autoptr(WyStore) store = NULL;
      g_autoptr(WyExportSnapshot) snapshot = NULL;
      g_autoptr(GError) error = NULL;
      WyExportOptions options;
      GDate today;

      /* The snapshot is read as root, the file written as nobody. */
      store = wy_store_open (ledger, &error);
      g_assert_no_error (error);
      wy_test_date (&today, TODAY);
      wy_export_options_init_defaults (&options, &today);
      snapshot = wy_export_snapshot_new (store, &options, &error);
      g_assert_no_error (error);
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      g_assert_false (wy_export_snapshot_write_xlsx (snapshot, path, NULL, NULL, NULL, &error));
      g_assert_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_NO_PERMISSION);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_false (wy_export_snapshot_write_problems_csv (snapshot, path, NULL, &error));
      g_assert_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_NO_PERMISSION);
      assert_nothing_written (dir, path);
      return;
    }
  else
    {
      g_autofree char *ledger = wy_test_tmp_path ("read-only.wuyou");
      g_autofree char *dir = wy_test_tmp_path ("read-only-folder");
      g_autofree char *path = g_build_filename (dir, "ledger.xlsx", NULL);
      g_autofree char *parent = g_path_get_dirname (dir);
      g_autoptr(GError) error = NULL;
      GDate today;

      wy_test_date (&today, TODAY);
      g_assert_true (wy_demo_write (ledger, 0, &today, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (parent, 0755), ==, 0);
      g_setenv ("WY_TEST_LEDGER", ledger, TRUE);
      g_setenv ("WY_TEST_DIR", dir, TRUE);
      if (geteuid () != 0)
        g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_chmod (dir, 0755);
      assert_nothing_written (dir, path);
    }
}

static void
test_bad_text (void)
{
  g_autofree char *ledger = wy_test_tmp_path ("bad-text.wuyou");
  g_autofree char *dir = wy_test_tmp_path ("bad-text-out");
  g_autofree char *path = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "problems.csv", NULL);
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  WyExportOptions options;
  sqlite3 *db = NULL;
  GDate today;

  wy_test_date (&today, TODAY);
  g_assert_true (wy_demo_write (ledger, 0, &today, &error));
  g_assert_no_error (error);

  /* GBK bytes (“小区” in GB2312) where UTF-8 belongs, as an import from
   * a Windows file gone wrong would leave them. */
  g_assert_cmpint (sqlite3_open (ledger, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE compound SET notes = CAST(x'D0A1C7F8' AS TEXT)"
                                 " WHERE id = (SELECT min(id) FROM compound);"
                                 "UPDATE problem SET measure = CAST(x'D0A1C7F8' AS TEXT)"
                                 " WHERE id = (SELECT min(id) FROM problem)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  store = wy_store_open (ledger, &error);
  g_assert_no_error (error);
  wy_export_options_init_defaults (&options, &today);
  g_assert_false (wy_export_ledger_xlsx (store, &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_BAD_TEXT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (wy_export_problems_csv (store, &options, csv, NULL, &error));
  g_assert_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_BAD_TEXT);
  assert_nothing_written (dir, path);
  assert_nothing_written (dir, csv);
}

static void
test_busy_and_cancel (void)
{
  g_autoptr(WyStore) store = NULL;
  g_autofree char *dir = wy_test_tmp_path ("busy");
  g_autofree char *path = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autofree char *lock = g_build_filename (dir, ".~lock.ledger.xlsx#", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  WyExportOptions options;
  GDate today;

  store = demo_store ("busy.wuyou", &today);
  wy_export_options_init_defaults (&options, &today);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", 3, NULL));
  g_assert_true (g_file_set_contents (lock, "", 0, NULL));
  before = wy_test_read_file (path);

  g_assert_false (wy_export_ledger_xlsx (store, &options, path, NULL, NULL, NULL, &error));
  g_assert_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_BUSY);
  g_clear_error (&error);
  g_unlink (lock);

  g_cancellable_cancel (cancellable);
  g_assert_false (wy_export_ledger_xlsx (store, &options, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = wy_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_unlink (path);
  assert_nothing_written (dir, path);
}

/* --- Decimal comma --------------------------------------------------------------
 * glibc has no decimal-comma locale built in; the test compiles de_DE.UTF-8
 * with localedef into its temporary folder when the system has none, and
 * skips when that is impossible. */

/* Called from main() before any thread exists: LOCPATH is set with
 * setenv, which is not thread-safe. */
static void
prepare_decimal_comma_locale (void)
{
  locale_t loc = newlocale (LC_ALL_MASK, "de_DE.UTF-8", (locale_t) 0);
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  int status = 1;

  if (loc != (locale_t) 0)
    {
      freelocale (loc);
      return;
    }
  dir = wy_test_tmp_path ("locale");
  target = g_build_filename (dir, "de_DE.UTF-8", NULL);
  g_mkdir_with_parents (dir, 0755);
  {
    const char *argv[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", target, NULL };

    if (g_spawn_sync (NULL, (char **) argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, NULL, NULL, &status, NULL) &&
        g_file_test (target, G_FILE_TEST_IS_DIR))
      g_setenv ("LOCPATH", dir, TRUE);
  }
}

static locale_t
decimal_comma_locale (void)
{
  return newlocale (LC_ALL_MASK, "de_DE.UTF-8", (locale_t) 0);
}

static void
test_decimal_comma (void)
{
  g_autoptr(WyStore) store = NULL;
  g_autofree char *path = wy_test_tmp_path ("komma.xlsx");
  g_autoptr(GString) spec = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  WyExportOptions options;
  WyDashboard dashboard;
  locale_t comma, previous;
  char probe[16];
  GDate today;
  gboolean ok;

  if (!have_openpyxl ())
    {
      g_test_skip ("/usr/bin/python3 with openpyxl is not installed");
      return;
    }
  comma = decimal_comma_locale ();
  if (comma == (locale_t) 0)
    {
      g_test_skip ("no decimal-comma locale (de_DE.UTF-8) and localedef could not make one");
      return;
    }

  store = demo_store ("komma.wuyou", &today);
  g_assert_true (wy_store_get_dashboard (store, &today, WY_DEFAULT_WARNING_DAYS, &dashboard, &error));
  wy_export_options_init_defaults (&options, &today);

  previous = uselocale (comma);
  snprintf (probe, sizeof probe, "%.1f", 0.5);
  ok = wy_export_ledger_xlsx (store, &options, path, NULL, NULL, NULL, &error);
  uselocale (previous);
  freelocale (comma);
  g_assert_cmpstr (probe, ==, "0,5");   /* the locale really was in force */
  g_assert_no_error (error);
  g_assert_true (ok);

  g_string_append_printf (spec, "\"find\":[{\"sheet\":\"五有达标统计\",\"where\":{\"街道\":\"合计\"},"
                          "\"approx\":{\"达标率\":%.17g}}]}",
                          dashboard.compounds > 0 ? (double) dashboard.attained / dashboard.compounds : 0.0);
  check_workbook (path, spec);
}

/* --- LibreOffice prints it --------------------------------------------------------- */

static void
test_libreoffice_pdf (void)
{
  g_autoptr(WyStore) store = NULL;
  g_autofree char *dir = wy_test_tmp_path ("pdf");
  g_autofree char *path = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "ledger.pdf", NULL);
  g_autofree char *profile_dir = wy_test_tmp_path ("lo-profile");
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", profile_dir, NULL);
  g_autofree char *office = g_find_program_in_path ("libreoffice");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  WyExportOptions options;
  GDate today;
  int status = 1;
  guint pages = 0;

  if (office == NULL)
    office = g_find_program_in_path ("soffice");
  if (office == NULL || g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("LibreOffice or pdfinfo is not installed");
      return;
    }

  store = demo_store ("pdf.wuyou", &today);
  wy_export_options_init_defaults (&options, &today);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (wy_export_ledger_xlsx (store, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { office, profile, "--headless", "--convert-to", "pdf", "--outdir", dir, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  {
    const char *argv[] = { "pdfinfo", pdf, NULL };
    g_auto(GStrv) lines = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    lines = g_strsplit (out, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (lines[i] + 6, NULL, 10);
  }
  g_test_message ("LibreOffice printed %u pages", pages);
  /* Five sheets, one page wide each, the problem ledger over several. */
  g_assert_cmpuint (pages, >=, 5);
  g_assert_cmpuint (pages, <=, 40);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  if (!g_test_subprocess ())
    prepare_decimal_comma_locale ();

  g_test_add_func ("/export/workbook", test_workbook);
  g_test_add_func ("/export/three-lists", test_three_lists);
  g_test_add_func ("/export/scope", test_scope);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/missing-folder", test_missing_folder);
  g_test_add_func ("/export/read-only-folder", test_read_only_folder);
  g_test_add_func ("/export/bad-text", test_bad_text);
  g_test_add_func ("/export/busy-and-cancel", test_busy_and_cancel);
  g_test_add_func ("/export/decimal-comma", test_decimal_comma);
  g_test_add_func ("/export/libreoffice-pdf", test_libreoffice_pdf);

  return g_test_run ();
}
