/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wuyou/wy-due.h"
#include "wy-test-util.h"

/* A small ledger whose due items were counted by hand. Today is
 * 2026-03-15, the warning window 7 days, the horizon 7 days.
 *
 *   东门社区: K0 纺织厂宿舍      西城社区: K1 粮站家属院
 *
 *   item                     deadline    state        bucket
 *   P1 K0 住建局              03-14       pending      overdue   (yesterday)
 *   P2 K0 住建局              03-15       in progress  today
 *   P3 K1 城管局              03-16       fixed        this week (tomorrow)
 *   P4 K1 城管局              03-22       pending      this week (today + 7)
 *   P5 K0 住建局              03-23       pending      —         (today + 8)
 *   P6 K1 城管局              03-01       signed off   —
 *   P7 K0 住建局              none        pending      —
 *   T1 市委政法委             03-15       not started  today
 *   T2 市委政法委             03-10       done         —
 *   M1 phase 试点先行         03-01       open         overdue
 *   M2 phase 试点先行         03-02       done         —
 *   U1 市民政局 (西城)        03-18       open         this week
 *   U2 市财政局 (东门)        03-10       closed       —
 *   U3 市公安局 (东门)        03-12       open         overdue
 *
 * Overdue 3 (M1 U3 P1), today 2 (P2 T1), this week 3 (P3 U1 P4). */
#define TODAY "2026-03-15"

typedef struct {
  WyStore *store;
  gint64   community[2];
  gint64   compound[2];
  gint64   problem[8];
  gint64   task[3];
  gint64   milestone[3];
  gint64   unit[4];
} Fixture;

static gint64
add_problem (Fixture    *f,
             guint       compound,
             const char *unit,
             const char *deadline,
             const char *status)
{
  WyRecord *record = wy_record_new (WY_TABLE_PROBLEM);

  wy_record_set_int (record, "compound_id", f->compound[compound]);
  wy_record_set (record, "category", "other");
  wy_record_set (record, "description", "楼道堆物");
  wy_record_set (record, "responsible_unit", unit);
  wy_record_set (record, "deadline", deadline);
  wy_record_set (record, "status", status);
  if (g_str_equal (status, WY_PROBLEM_SIGNED_OFF))
    {
      wy_record_set (record, "signed_off_date", "2026-03-01");
      wy_record_set (record, "verifier", "李强");
    }
  return wy_test_insert (f->store, record);
}

static gint64
add_task (Fixture    *f,
          const char *deadline,
          const char *status)
{
  WyRecord *record = wy_record_new (WY_TABLE_TASK);

  wy_record_set (record, "title", "配备小区网格管理人员");
  wy_record_set (record, "lead_units", "市委政法委");
  wy_record_set (record, "deadline", deadline);
  wy_record_set (record, "status", status);
  return wy_test_insert (f->store, record);
}

static gint64
add_milestone (Fixture    *f,
               gint64      phase,
               const char *due,
               gboolean    done)
{
  WyRecord *record = wy_record_new (WY_TABLE_MILESTONE);

  wy_record_set_int (record, "phase_id", phase);
  wy_record_set (record, "name", "选定试点小区");
  wy_record_set (record, "due_date", due);
  wy_record_set_bool (record, "done", done);
  return wy_test_insert (f->store, record);
}

static gint64
add_unit (Fixture    *f,
          const char *name,
          guint       community,
          const char *end_date,
          gboolean    closed)
{
  WyRecord *record = wy_record_new (WY_TABLE_ASSISTANCE_UNIT);

  wy_record_set (record, "name", name);
  wy_record_set (record, "level", "city");
  wy_record_set_int (record, "community_id", f->community[community]);
  wy_record_set (record, "end_date", end_date);
  wy_record_set_bool (record, "closed", closed);
  return wy_test_insert (f->store, record);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = wy_test_tmp_path (data);
  g_autoptr(GError) error = NULL;
  WyRecord *phase;
  gint64 district, street, phase_id;

  /* Empty: the plan template's own tasks would all be overdue in 2026. */
  f->store = wy_store_create_empty (path, &error);
  g_assert_no_error (error);

  district = wy_test_add_named (f->store, WY_TABLE_DISTRICT, NULL, 0, "示范区");
  street = wy_test_add_named (f->store, WY_TABLE_STREET, "district_id", district, "青松街道");
  f->community[0] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", street, "东门社区");
  f->community[1] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", street, "西城社区");
  for (guint i = 0; i < 2; i++)
    {
      WyRecord *record = wy_record_new (WY_TABLE_COMPOUND);

      wy_record_set_int (record, "community_id", f->community[i]);
      wy_record_set (record, "name", i == 0 ? "纺织厂宿舍" : "粮站家属院");
      wy_record_set (record, "category", WY_CATEGORY_THREE_NONE);
      f->compound[i] = wy_test_insert (f->store, record);
    }

  f->problem[1] = add_problem (f, 0, "住建局", "2026-03-14", WY_PROBLEM_PENDING);
  f->problem[2] = add_problem (f, 0, "住建局", "2026-03-15", WY_PROBLEM_IN_PROGRESS);
  f->problem[3] = add_problem (f, 1, "城管局", "2026-03-16", WY_PROBLEM_FIXED);
  f->problem[4] = add_problem (f, 1, "城管局", "2026-03-22", WY_PROBLEM_PENDING);
  f->problem[5] = add_problem (f, 0, "住建局", "2026-03-23", WY_PROBLEM_PENDING);
  f->problem[6] = add_problem (f, 1, "城管局", "2026-03-01", WY_PROBLEM_SIGNED_OFF);
  f->problem[7] = add_problem (f, 0, "住建局", NULL, WY_PROBLEM_PENDING);

  f->task[1] = add_task (f, "2026-03-15", WY_TASK_NOT_STARTED);
  f->task[2] = add_task (f, "2026-03-10", WY_TASK_DONE);

  phase = wy_record_new (WY_TABLE_PHASE);
  wy_record_set_int (phase, "ordinal", 2);
  wy_record_set (phase, "name", "试点先行");
  wy_record_set (phase, "start_date", "2026-01-01");
  wy_record_set (phase, "end_date", "2026-06-30");
  phase_id = wy_test_insert (f->store, phase);
  f->milestone[1] = add_milestone (f, phase_id, "2026-03-01", FALSE);
  f->milestone[2] = add_milestone (f, phase_id, "2026-03-02", TRUE);

  f->unit[1] = add_unit (f, "市民政局", 1, "2026-03-18", FALSE);
  f->unit[2] = add_unit (f, "市财政局", 0, "2026-03-10", TRUE);
  f->unit[3] = add_unit (f, "市公安局", 0, "2026-03-12", FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static GPtrArray *
list_due (Fixture    *f,
          const char *today_iso,
          guint       warning_days,
          guint       horizon_days)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  GDate today;

  wy_test_date (&today, today_iso);
  items = wy_store_list_due (f->store, &today, warning_days, horizon_days, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static void
assert_item (WyDueItem   *item,
             WyDueKind    kind,
             gint64       id,
             const char  *deadline,
             WyDueBucket  bucket,
             const char  *responsible,
             const char  *community)
{
  g_assert_cmpint (item->kind, ==, kind);
  g_assert_cmpint (item->id, ==, id);
  g_assert_cmpstr (item->deadline, ==, deadline);
  g_assert_cmpint (item->bucket, ==, bucket);
  g_assert_cmpstr (item->responsible, ==, responsible);
  g_assert_cmpstr (item->community, ==, community);
}

static void
test_list_due (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) items = list_due (f, TODAY, 7, 7);
  guint counts[WY_DUE_N_BUCKETS];
  WyDueItem *item;

  g_assert_cmpuint (items->len, ==, 8);

  /* By deadline, then kind: the problem due today before the task. */
  assert_item (items->pdata[0], WY_DUE_KIND_MILESTONE, f->milestone[1], "2026-03-01", WY_DUE_OVERDUE, "试点先行", "");
  assert_item (items->pdata[1], WY_DUE_KIND_TERM, f->unit[3], "2026-03-12", WY_DUE_OVERDUE, "市公安局", "东门社区");
  assert_item (items->pdata[2], WY_DUE_KIND_PROBLEM, f->problem[1], "2026-03-14", WY_DUE_OVERDUE, "住建局", "东门社区");
  assert_item (items->pdata[3], WY_DUE_KIND_PROBLEM, f->problem[2], "2026-03-15", WY_DUE_TODAY, "住建局", "东门社区");
  assert_item (items->pdata[4], WY_DUE_KIND_TASK, f->task[1], "2026-03-15", WY_DUE_TODAY, "市委政法委", "");
  assert_item (items->pdata[5], WY_DUE_KIND_PROBLEM, f->problem[3], "2026-03-16", WY_DUE_THIS_WEEK, "城管局", "西城社区");
  assert_item (items->pdata[6], WY_DUE_KIND_TERM, f->unit[1], "2026-03-18", WY_DUE_THIS_WEEK, "市民政局", "西城社区");
  assert_item (items->pdata[7], WY_DUE_KIND_PROBLEM, f->problem[4], "2026-03-22", WY_DUE_THIS_WEEK, "城管局", "西城社区");

  item = items->pdata[2];
  g_assert_cmpstr (item->title, ==, "楼道堆物");
  g_assert_cmpstr (item->compound, ==, "纺织厂宿舍");
  item = items->pdata[4];
  g_assert_cmpstr (item->title, ==, "配备小区网格管理人员");
  g_assert_cmpstr (item->compound, ==, "");
  item = items->pdata[0];
  g_assert_cmpstr (item->title, ==, "选定试点小区");
  item = items->pdata[6];
  g_assert_cmpstr (item->title, ==, "市民政局");

  wy_due_count_buckets (items, counts);
  g_assert_cmpuint (counts[WY_DUE_OVERDUE], ==, 3);
  g_assert_cmpuint (counts[WY_DUE_TODAY], ==, 2);
  g_assert_cmpuint (counts[WY_DUE_THIS_WEEK], ==, 3);
}

static void
test_lights_and_horizon (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) week = list_due (f, TODAY, 3, 7);
  g_autoptr(GPtrArray) today_only = list_due (f, TODAY, 7, 0);
  g_autoptr(GPtrArray) eight = list_due (f, TODAY, 7, 8);
  guint counts[WY_DUE_N_BUCKETS];
  GDate today;

  /* The light is the one rule's, with the window given: 03-22 is past a
   * 3-day window (green) though it is within the week. */
  wy_test_date (&today, TODAY);
  for (guint i = 0; i < week->len; i++)
    {
      WyDueItem *item = week->pdata[i];

      g_assert_cmpint (item->light, ==, wy_light_compute_iso (item->deadline, FALSE, &today, 3));
      g_assert_cmpint (item->light, ==,
                       item->bucket == WY_DUE_OVERDUE ? WY_LIGHT_RED :
                       g_strcmp0 (item->deadline, "2026-03-18") > 0 ? WY_LIGHT_GREEN : WY_LIGHT_YELLOW);
    }

  wy_due_count_buckets (today_only, counts);
  g_assert_cmpuint (today_only->len, ==, 5);
  g_assert_cmpuint (counts[WY_DUE_OVERDUE], ==, 3);
  g_assert_cmpuint (counts[WY_DUE_TODAY], ==, 2);
  g_assert_cmpuint (counts[WY_DUE_THIS_WEEK], ==, 0);

  /* today + 8 comes in with an 8-day horizon. */
  g_assert_cmpuint (eight->len, ==, 9);
  g_assert_cmpint (((WyDueItem *) eight->pdata[8])->id, ==, f->problem[5]);
  g_assert_cmpint (((WyDueItem *) eight->pdata[8])->bucket, ==, WY_DUE_THIS_WEEK);
}

static void
test_count_overdue (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *days[] = { "2026-02-01", "2026-03-02", "2026-03-15", "2026-03-16", "2026-03-23", "2026-04-30" };
  const guint expected[] = { 0, 1, 3, 5, 8, 9 };
  GDate day;

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      g_autoptr(GPtrArray) items = list_due (f, days[d], 7, 7);
      guint counts[WY_DUE_N_BUCKETS];

      wy_test_date (&day, days[d]);
      wy_due_count_buckets (items, counts);
      g_assert_cmpuint (wy_store_count_overdue (f->store, &day, &error), ==, expected[d]);
      g_assert_no_error (error);
      /* The count and the list agree on every day. */
      g_assert_cmpuint (counts[WY_DUE_OVERDUE], ==, expected[d]);
    }

  /* Signing off, finishing and closing take items out. */
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_MILESTONE, f->milestone[1], "done", "1", &error));
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_ASSISTANCE_UNIT, f->unit[3], "closed", "1", &error));
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_TASK, f->task[1], "status", WY_TASK_DONE, &error));
  g_assert_no_error (error);
  wy_test_date (&day, "2026-03-16");
  g_assert_cmpuint (wy_store_count_overdue (f->store, &day, &error), ==, 2);  /* P1, P2 */
}

/* An open item with no deadline is never due: counted apart (issue 12). */
static void
test_without_deadline (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = 99;

  g_assert_true (wy_store_count_without_deadline (f->store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);  /* P7 */

  /* Given a deadline, it is due like the others. */
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_PROBLEM, f->problem[7], "deadline", "2026-04-30", &error));
  g_assert_no_error (error);
  g_assert_true (wy_store_count_without_deadline (f->store, &n, &error));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_grouping (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) items = list_due (f, TODAY, 7, 7);
  g_autoptr(GPtrArray) by_unit = wy_due_group_items (items, WY_DUE_BY_UNIT);
  g_autoptr(GPtrArray) by_community = wy_due_group_items (items, WY_DUE_BY_COMMUNITY);
  /* Most overdue first, then most items, then by name (code points in
   * the C locale of the tests); the group without a name last. */
  const struct {
    const char *name;
    guint overdue, today, week;
  } units[] = {
    { "住建局", 1, 1, 0 },
    { "市公安局", 1, 0, 0 },
    { "试点先行", 1, 0, 0 },
    { "城管局", 0, 0, 2 },
    { "市委政法委", 0, 1, 0 },
    { "市民政局", 0, 0, 1 },
  }, communities[] = {
    { "东门社区", 2, 1, 0 },
    { "西城社区", 0, 0, 3 },
    { "", 1, 1, 0 },
  };
  WyDueGroup *group;

  g_assert_cmpuint (by_unit->len, ==, G_N_ELEMENTS (units));
  for (guint i = 0; i < by_unit->len; i++)
    {
      group = by_unit->pdata[i];
      g_assert_cmpstr (group->name, ==, units[i].name);
      g_assert_cmpuint (group->counts[WY_DUE_OVERDUE], ==, units[i].overdue);
      g_assert_cmpuint (group->counts[WY_DUE_TODAY], ==, units[i].today);
      g_assert_cmpuint (group->counts[WY_DUE_THIS_WEEK], ==, units[i].week);
      g_assert_cmpuint (group->total, ==, units[i].overdue + units[i].today + units[i].week);
      g_assert_cmpuint (group->items->len, ==, group->total);
    }

  g_assert_cmpuint (by_community->len, ==, G_N_ELEMENTS (communities));
  for (guint i = 0; i < by_community->len; i++)
    {
      group = by_community->pdata[i];
      g_assert_cmpstr (group->name, ==, communities[i].name);
      g_assert_cmpuint (group->counts[WY_DUE_OVERDUE], ==, communities[i].overdue);
      g_assert_cmpuint (group->counts[WY_DUE_TODAY], ==, communities[i].today);
      g_assert_cmpuint (group->counts[WY_DUE_THIS_WEEK], ==, communities[i].week);
      g_assert_cmpuint (group->items->len, ==, group->total);
    }

  /* Items keep the deadline order inside a group: 东门 has U3, P1, P2. */
  group = by_community->pdata[0];
  g_assert_cmpint (((WyDueItem *) group->items->pdata[0])->id, ==, f->unit[3]);
  g_assert_cmpint (((WyDueItem *) group->items->pdata[1])->id, ==, f->problem[1]);
  g_assert_cmpint (((WyDueItem *) group->items->pdata[2])->id, ==, f->problem[2]);
}

static void
test_grouping_same_names (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  WyRecord *compound = wy_record_new (WY_TABLE_COMPOUND);
  gint64 district, street, community, problem;
  const char *names[] = { "青松街道 · 东门社区", "西城社区", "翠柏街道 · 东门社区", "" };
  const guint totals[] = { 3, 3, 1, 2 };

  /* Another street has a 东门社区 too: the groups are communities, not
   * names, and the street tells the two apart. */
  district = wy_test_add_named (f->store, WY_TABLE_DISTRICT, NULL, 0, "另一区");
  street = wy_test_add_named (f->store, WY_TABLE_STREET, "district_id", district, "翠柏街道");
  community = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", street, "东门社区");
  wy_record_set_int (compound, "community_id", community);
  wy_record_set (compound, "name", "机械厂小区");
  wy_record_set (compound, "category", WY_CATEGORY_SELF_MANAGED);
  f->compound[0] = wy_test_insert (f->store, compound);
  problem = add_problem (f, 0, "城管局", "2026-03-16", WY_PROBLEM_PENDING);

  items = list_due (f, TODAY, 7, 7);
  g_assert_cmpuint (items->len, ==, 9);
  g_assert_cmpint (((WyDueItem *) items->pdata[6])->id, ==, problem);
  g_assert_cmpint (((WyDueItem *) items->pdata[6])->community_id, ==, community);
  g_assert_cmpstr (((WyDueItem *) items->pdata[6])->street, ==, "翠柏街道");

  groups = wy_due_group_items (items, WY_DUE_BY_COMMUNITY);
  g_assert_cmpuint (groups->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < groups->len; i++)
    {
      WyDueGroup *group = groups->pdata[i];

      g_assert_cmpstr (group->name, ==, names[i]);
      g_assert_cmpuint (group->total, ==, totals[i]);
    }
}

static guint
check_new (Fixture    *f,
           const char *day_iso)
{
  g_autoptr(GError) error = NULL;
  guint newly = 99;
  GDate day;

  wy_test_date (&day, day_iso);
  g_assert_true (wy_due_check_new_overdue (f->store, &day, &newly, &error));
  g_assert_no_error (error);
  return newly;
}

static void
assert_setting (Fixture    *f,
                const char *key,
                const char *expected)
{
  g_autofree char *value = wy_store_get_setting (f->store, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_new_overdue (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate sign_off_day;

  /* First run: nothing to compare with, but remembered. */
  g_assert_cmpuint (check_new (f, TODAY), ==, 0);
  assert_setting (f, WY_SETTING_LAST_SEEN_DATE, TODAY);
  assert_setting (f, WY_SETTING_LAST_OVERDUE_COUNT, "3");

  /* Again the same day: nothing new. */
  g_assert_cmpuint (check_new (f, TODAY), ==, 0);

  /* The next day, P2 and T1 (due 03-15) have become overdue. */
  g_assert_cmpuint (check_new (f, "2026-03-16"), ==, 2);
  assert_setting (f, WY_SETTING_LAST_SEEN_DATE, "2026-03-16");
  assert_setting (f, WY_SETTING_LAST_OVERDUE_COUNT, "5");
  g_assert_cmpuint (check_new (f, "2026-03-16"), ==, 0);

  /* A week away: P3, U1, P4 passed in between; P3 signed off meanwhile
   * does not count, and nothing already overdue counts twice. */
  /* Signed off as users do it: status, date and verifier together. */
  wy_test_date (&sign_off_day, "2026-03-23");
  g_assert_true (wy_problem_sign_off (f->store, f->problem[3], "2026-03-17", "李强", &sign_off_day, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check_new (f, "2026-03-23"), ==, 2);
  assert_setting (f, WY_SETTING_LAST_OVERDUE_COUNT, "7");

  /* A last look "in the future" (the clock was wrong) counts nothing. */
  g_assert_cmpuint (check_new (f, "2026-03-20"), ==, 0);
  assert_setting (f, WY_SETTING_LAST_SEEN_DATE, "2026-03-20");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/due/" path, Fixture, "due-" path ".wuyou", fixture_set_up, func, fixture_tear_down)

  ADD ("list", test_list_due);
  ADD ("lights-horizon", test_lights_and_horizon);
  ADD ("count-overdue", test_count_overdue);
  ADD ("grouping", test_grouping);
  ADD ("grouping-same-names", test_grouping_same_names);
  ADD ("new-overdue", test_new_overdue);
  ADD ("without-deadline", test_without_deadline);

#undef ADD

  return g_test_run ();
}
