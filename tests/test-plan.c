/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "wy-test-util.h"

static const char * const plan_deadlines[] = {
  "2022-08-31", "2022-08-31", "2022-09-30", "2023-12-31",
  "2022-12-31", "2023-06-30", "2023-12-31",
};

/* Every plan date of the ledger, in a fixed order. */
static GPtrArray *
collect_plan_dates (WyStore *store)
{
  GPtrArray *dates = g_ptr_array_new_with_free_func (g_free);
  struct { WyTable table; const char *fields[2]; } where[] = {
    { WY_TABLE_PHASE, { "start_date", "end_date" } },
    { WY_TABLE_MILESTONE, { "due_date", NULL } },
    { WY_TABLE_TASK, { "deadline", NULL } },
  };

  for (guint w = 0; w < G_N_ELEMENTS (where); w++)
    {
      g_autoptr(GPtrArray) records = wy_store_list (store, where[w].table, 0, NULL);

      for (guint r = 0; r < records->len; r++)
        if (where[w].table != WY_TABLE_TASK || wy_record_get_bool (g_ptr_array_index (records, r), "from_plan"))
          for (guint f = 0; f < 2 && where[w].fields[f] != NULL; f++)
          g_ptr_array_add (dates, g_strdup (wy_record_get (g_ptr_array_index (records, r), where[w].fields[f])));
    }
  return dates;
}

static void
test_template_contents (void)
{
  g_autofree char *path = wy_test_tmp_path ("template.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_create (path, NULL, &error);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) modes = NULL;
  GDate start;

  g_assert_no_error (error);

  tasks = wy_store_list (store, WY_TABLE_TASK, 0, &error);
  g_assert_cmpuint (tasks->len, ==, G_N_ELEMENTS (plan_deadlines));
  for (guint i = 0; i < tasks->len; i++)
    {
      WyRecord *task = g_ptr_array_index (tasks, i);

      g_assert_cmpstr (wy_record_get (task, "deadline"), ==, plan_deadlines[i]);
      g_assert_true (wy_record_get_bool (task, "from_plan"));
      g_assert_nonnull (wy_record_get (task, "lead_units"));
      g_assert_nonnull (wy_record_get (task, "co_units"));
      g_assert_cmpstr (wy_record_get (task, "status"), ==, WY_TASK_NOT_STARTED);
    }
  /* The third task is led by the Organization Department. */
  g_assert_nonnull (strstr (wy_record_get (g_ptr_array_index (tasks, 2), "lead_units"), "Organization Department"));

  phases = wy_store_list (store, WY_TABLE_PHASE, 0, &error);
  g_assert_cmpuint (phases->len, ==, 4);
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (phases, 0), "end_date"), ==, "2022-09-30");
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (phases, 1), "end_date"), ==, "2022-12-31");
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (phases, 2), "end_date"), ==, "2023-06-30");
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (phases, 3), "end_date"), ==, "2023-12-31");
  g_assert_cmpint (wy_store_count (store, WY_TABLE_MILESTONE), ==, 8);
  {
    g_autoptr(GPtrArray) first = wy_store_list (store, WY_TABLE_MILESTONE,
                                                wy_record_get_id (g_ptr_array_index (phases, 0)), &error);
    g_assert_cmpuint (first->len, ==, 3);
    g_assert_cmpstr (wy_record_get (g_ptr_array_index (first, 0), "due_date"), ==, "2022-08-31");
  }

  targets = wy_store_list (store, WY_TABLE_TARGET, 0, &error);
  g_assert_cmpuint (targets->len, ==, 5);
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (targets, 0), "name"), ==, "Owners' self-governance organization");
  modes = wy_store_list (store, WY_TABLE_GOVERNANCE_MODE, 0, &error);
  g_assert_cmpuint (modes->len, ==, 3);

  g_assert_true (wy_store_get_plan_start (store, &start));
  {
    g_autofree char *iso = wy_date_to_iso (&start);
    g_assert_cmpstr (iso, ==, "2022-07-01");
  }
  g_assert_cmpuint (wy_store_get_warning_days (store), ==, WY_DEFAULT_WARNING_DAYS);
}

static void
test_create_with_start (void)
{
  g_autofree char *path = wy_test_tmp_path ("started.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  GDate start;

  wy_test_date (&start, "2026-01-01");
  store = wy_store_create (path, &start, &error);
  g_assert_no_error (error);
  phases = wy_store_list (store, WY_TABLE_PHASE, 0, &error);
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (phases, 0), "start_date"), ==, "2026-01-01");
  /* 2022-07-01 to 2022-09-30 is 91 days, and 2026-01-01 + 91 days is 2 April. */
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (phases, 0), "end_date"), ==, "2026-04-02");
}

static void
test_shift_keeps_spacing (void)
{
  g_autofree char *path = wy_test_tmp_path ("shift.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_create (path, NULL, &error);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(WyRecord) own_task = wy_record_new (WY_TABLE_TASK);
  g_autoptr(WyRecord) own_after = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  GDate old_start, new_start, start;
  int delta;

  g_assert_no_error (error);
  wy_record_set (own_task, "title", "领导小组会议督办事项");
  wy_record_set (own_task, "deadline", "2024-05-01");
  wy_record_set (own_task, "status", WY_TASK_IN_PROGRESS);
  g_assert_cmpint (wy_store_insert (store, own_task, &error), >, 0);

  before = collect_plan_dates (store);
  wy_test_date (&old_start, "2022-07-01");
  wy_test_date (&new_start, "2025-03-01");   /* across a 29 February */
  delta = wy_date_days_between (&old_start, &new_start);

  g_assert_true (wy_store_shift_plan (store, &new_start, &error));
  g_assert_no_error (error);

  after = collect_plan_dates (store);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      const char *b = g_ptr_array_index (before, i);
      const char *a = g_ptr_array_index (after, i);
      GDate db, da;

      if (b == NULL)
        continue;
      wy_test_date (&db, b);
      wy_test_date (&da, a);
      g_assert_cmpint (wy_date_days_between (&db, &da), ==, delta);
    }

  /* The user's own task is not part of the plan. */
  own_after = wy_store_get (store, WY_TABLE_TASK, wy_record_get_id (own_task), &error);
  g_assert_cmpstr (wy_record_get (own_after, "deadline"), ==, "2024-05-01");

  g_assert_true (wy_store_get_plan_start (store, &start));
  g_assert_cmpint (g_date_compare (&start, &new_start), ==, 0);

  audit = wy_store_list_audit (store, 1, &error);
  g_assert_cmpstr (((WyAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, "update");

  /* And back again: the very same dates. */
  g_assert_true (wy_store_shift_plan (store, &old_start, &error));
  back = collect_plan_dates (store);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (g_ptr_array_index (back, i), ==, g_ptr_array_index (before, i));
}

static void
test_shift_without_plan (void)
{
  g_autofree char *path = wy_test_tmp_path ("no-plan.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_create_empty (path, &error);
  GDate start;

  wy_test_date (&start, "2025-01-01");
  g_assert_false (wy_store_shift_plan (store, &start, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
}

/* A ledger made under English messages holds the plan's msgids. A
 * Chinese reader reads them in Chinese, the official forms carry the
 * Chinese words whatever the reader's language, a text somebody rewrote
 * is left as written, and reading never rewrites the file. */
static void
test_plan_texts_follow_the_reader (void)
{
  g_autofree char *path = wy_test_tmp_path ("english-made.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) modes = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *raw_name = NULL;
  g_autofree char *raw_second = NULL;
  g_autofree char *previous = g_strdup (setlocale (LC_ALL, NULL));
  const char *locpath = g_getenv ("WUYOU_TEST_LOCPATH");
  const char *localedir = g_getenv ("WUYOU_TEST_LOCALEDIR");
  gint64 first_id, second_id;

  /* Messages in English while the ledger is made. */
  setlocale (LC_ALL, "C.UTF-8");
  store = wy_store_create (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wy_plan_text_official ("Owners' self-governance organization"), ==, "有业主自治组织");
  g_assert_cmpstr (wy_plan_text_official ("自定义目标"), ==, "自定义目标");
  g_assert_null (wy_plan_text_official (NULL));

  if (locpath == NULL || localedir == NULL)
    {
      g_test_skip ("WUYOU_TEST_LOCPATH / WUYOU_TEST_LOCALEDIR not set (build-aux/dev test sets them)");
      return;
    }
  g_setenv ("LOCPATH", locpath, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  textdomain (GETTEXT_PACKAGE);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale in WUYOU_TEST_LOCPATH");
      return;
    }

  targets = wy_store_list (store, WY_TABLE_TARGET, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (targets, 0), "name"), ==, "有业主自治组织");
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (targets, 2), "description"), ==,
                   "基本清扫保洁、基本设施维修、基本秩序维护");
  modes = wy_store_list (store, WY_TABLE_GOVERNANCE_MODE, 0, &error);
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (modes, 0), "name"), ==, "专业物业管理型");
  tasks = wy_store_list (store, WY_TABLE_TASK, 0, &error);
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (tasks, 1), "title"), ==, "划定物业服务区域");
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (tasks, 2), "lead_units"), ==, "市委组织部");

  /* Bulk reads (the compound list) word the mode the same way. */
  {
    WyRecord *compound = wy_record_new (WY_TABLE_COMPOUND);
    gint64 district = wy_test_add_named (store, WY_TABLE_DISTRICT, NULL, 0, "测试区");
    gint64 street = wy_test_add_named (store, WY_TABLE_STREET, "district_id", district, "测试街道");
    gint64 community = wy_test_add_named (store, WY_TABLE_COMMUNITY, "street_id", street, "测试社区");

    wy_record_set_int (compound, "community_id", community);
    wy_record_set (compound, "name", "测试小区");
    wy_record_set (compound, "category", "self_managed");
    wy_record_set_int (compound, "governance_mode_id", wy_record_get_id (g_ptr_array_index (modes, 0)));
    wy_test_insert (store, compound);
    rows = wy_store_list_compound_rows (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (((WyCompoundRow *) g_ptr_array_index (rows, 0))->governance_mode, ==, "专业物业管理型");
  }

  /* An edit of another field leaves the stored name alone; a rewritten
   * name reads as written. */
  first_id = wy_record_get_id (g_ptr_array_index (targets, 0));
  second_id = wy_record_get_id (g_ptr_array_index (targets, 1));
  g_assert_true (wy_store_update_field (store, WY_TABLE_TARGET, first_id, "ordinal", "9", &error));
  g_assert_no_error (error);
  g_assert_true (wy_store_update_field (store, WY_TABLE_TARGET, second_id, "name", "有安全防护设施（含技防）", &error));
  g_assert_no_error (error);
  raw_name = wy_test_sql_text (path, "SELECT name FROM target ORDER BY id LIMIT 1");
  g_assert_cmpstr (raw_name, ==, "Owners' self-governance organization");
  raw_second = wy_test_sql_text (path, "SELECT name FROM target ORDER BY id LIMIT 1 OFFSET 1");
  g_assert_cmpstr (raw_second, ==, "有安全防护设施（含技防）");
  {
    g_autoptr(WyRecord) second = wy_store_get (store, WY_TABLE_TARGET, second_id, &error);

    g_assert_cmpstr (wy_record_get (second, "name"), ==, "有安全防护设施（含技防）");
  }

  setlocale (LC_ALL, previous);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/template-contents", test_template_contents);
  g_test_add_func ("/plan/create-with-start", test_create_with_start);
  g_test_add_func ("/plan/shift-keeps-spacing", test_shift_keeps_spacing);
  g_test_add_func ("/plan/shift-without-plan", test_shift_without_plan);
  g_test_add_func ("/plan/texts-follow-the-reader", test_plan_texts_follow_the_reader);

  return g_test_run ();
}
