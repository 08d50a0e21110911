/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wuyou/wy-overview.h"
#include "wy-test-util.h"

/* A small ledger whose every figure was counted by hand:
 *
 *   示范区
 *   ├─ 青松街道: 东门社区 (K0 attained, pilot; K1 4 of 5),
 *   │            西城社区 (K2 attained, pilot)
 *   └─ 翠柏街道: 南苑社区 (K3 nothing met; K4 attained), 北湖社区 (empty)
 *
 * Today is 2026-03-15 unless a test says otherwise, with a 7-day window.
 * The plan's four phases are re-dated to 2026 with a gap of four days
 * between the second and the third.
 */
typedef struct {
  WyStore *store;
  gint64   street[2];
  gint64   community[4];
  gint64   compound[5];
  gint64   target[5];
  gint64   phase[4];
} Fixture;

static gint64
add_compound (Fixture    *f,
              guint       community,
              const char *name,
              gboolean    pilot,
              guint       n_met)
{
  WyRecord *record = wy_record_new (WY_TABLE_COMPOUND);
  gint64 id;

  wy_record_set_int (record, "community_id", f->community[community]);
  wy_record_set (record, "name", name);
  wy_record_set (record, "category", WY_CATEGORY_THREE_NONE);
  wy_record_set_bool (record, "pilot", pilot);
  id = wy_test_insert (f->store, record);

  for (guint t = 0; t < 5; t++)
    {
      WyRecord *status = wy_record_new (WY_TABLE_COMPOUND_TARGET);

      wy_record_set_int (status, "compound_id", id);
      wy_record_set_int (status, "target_id", f->target[t]);
      wy_record_set (status, "status", t < n_met ? WY_TARGET_MET : WY_TARGET_IN_PROGRESS);
      wy_test_insert (f->store, status);
    }
  return id;
}

static void
add_problem (Fixture    *f,
             guint       compound,
             const char *deadline,
             const char *status,
             const char *signed_off)
{
  WyRecord *record = wy_record_new (WY_TABLE_PROBLEM);

  wy_record_set_int (record, "compound_id", f->compound[compound]);
  wy_record_set (record, "category", "other");
  wy_record_set (record, "description", "楼道堆物");
  wy_record_set (record, "deadline", deadline);
  wy_record_set (record, "status", status);
  if (signed_off != NULL)
    {
      wy_record_set (record, "signed_off_date", signed_off);
      wy_record_set (record, "verifier", "李强");
    }
  wy_test_insert (f->store, record);
}

static void
date_phase (Fixture    *f,
            guint       phase,
            const char *start,
            const char *end)
{
  g_autoptr(GError) error = NULL;

  /* End first when moving later, so start <= end holds at every step. */
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_PHASE, f->phase[phase], "start_date", "2000-01-01", &error));
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_PHASE, f->phase[phase], "end_date", end, &error));
  g_assert_true (wy_store_update_field (f->store, WY_TABLE_PHASE, f->phase[phase], "start_date", start, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = wy_test_tmp_path (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) phases = NULL;
  gint64 district;

  f->store = wy_store_create (path, NULL, &error);
  g_assert_no_error (error);

  targets = wy_store_list (f->store, WY_TABLE_TARGET, 0, &error);
  g_assert_cmpuint (targets->len, ==, 5);
  for (guint t = 0; t < 5; t++)
    f->target[t] = wy_record_get_id (g_ptr_array_index (targets, t));

  phases = wy_store_list (f->store, WY_TABLE_PHASE, 0, &error);
  g_assert_cmpuint (phases->len, ==, 4);
  for (guint p = 0; p < 4; p++)
    f->phase[p] = wy_record_get_id (g_ptr_array_index (phases, p));
  date_phase (f, 0, "2026-01-01", "2026-02-28");
  date_phase (f, 1, "2026-03-01", "2026-03-31");
  date_phase (f, 2, "2026-04-05", "2026-06-30");
  date_phase (f, 3, "2026-07-01", "2026-12-31");

  district = wy_test_add_named (f->store, WY_TABLE_DISTRICT, NULL, 0, "示范区");
  f->street[0] = wy_test_add_named (f->store, WY_TABLE_STREET, "district_id", district, "青松街道");
  f->street[1] = wy_test_add_named (f->store, WY_TABLE_STREET, "district_id", district, "翠柏街道");
  f->community[0] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[0], "东门社区");
  f->community[1] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[0], "西城社区");
  f->community[2] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[1], "南苑社区");
  f->community[3] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[1], "北湖社区");

  f->compound[0] = add_compound (f, 0, "纺织厂宿舍", TRUE, 5);
  f->compound[1] = add_compound (f, 0, "粮站家属院", FALSE, 4);
  f->compound[2] = add_compound (f, 1, "和平巷3号院", TRUE, 5);
  f->compound[3] = add_compound (f, 2, "机械厂小区", FALSE, 0);
  f->compound[4] = add_compound (f, 2, "老税务局宿舍", FALSE, 5);

  add_problem (f, 0, "2026-03-14", WY_PROBLEM_PENDING, NULL);       /* red: a day late */
  add_problem (f, 0, "2026-03-15", WY_PROBLEM_IN_PROGRESS, NULL);   /* yellow: due today */
  add_problem (f, 1, "2026-03-22", WY_PROBLEM_FIXED, NULL);         /* yellow: window edge */
  add_problem (f, 1, "2026-03-23", WY_PROBLEM_PENDING, NULL);       /* green */
  add_problem (f, 3, NULL, WY_PROBLEM_PENDING, NULL);               /* no deadline */
  add_problem (f, 3, "2026-02-01", WY_PROBLEM_PENDING, NULL);       /* red */
  add_problem (f, 0, "2026-02-01", WY_PROBLEM_SIGNED_OFF, "2026-02-28"); /* last month */
  add_problem (f, 2, "2026-02-01", WY_PROBLEM_SIGNED_OFF, "2026-03-01"); /* month start */
  add_problem (f, 3, "2026-02-01", WY_PROBLEM_SIGNED_OFF, "2026-03-15"); /* today */
  add_problem (f, 4, "2026-02-01", WY_PROBLEM_SIGNED_OFF, "2026-03-16"); /* not yet */
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static void
get_overview (Fixture    *f,
              const char *today,
              gint64      street_id,
              gint64      community_id,
              WyOverview *out)
{
  g_autoptr(GError) error = NULL;
  GDate day;

  wy_test_date (&day, today);
  g_assert_true (wy_store_get_overview (f->store, &day, 7, street_id, community_id, out, &error));
  g_assert_no_error (error);
}

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  WyOverview o;

  get_overview (f, "2026-03-15", 0, 0, &o);
  g_assert_cmpuint (o.compounds, ==, 5);
  g_assert_cmpuint (o.pilots, ==, 2);
  g_assert_cmpuint (o.attained, ==, 3);
  g_assert_cmpfloat_with_epsilon (o.attained_rate, 0.6, 1e-9);
  g_assert_cmpuint (o.problems_open, ==, 6);
  g_assert_cmpuint (o.problems_overdue, ==, 2);
  g_assert_cmpuint (o.problems_due_soon, ==, 2);
  /* An open item with no deadline is counted apart (issue 12). */
  g_assert_cmpuint (o.problems_no_deadline, ==, 1);
  /* The 1st and today count; the last day of February and tomorrow not. */
  g_assert_cmpuint (o.signed_off_this_month, ==, 2);
  wy_overview_clear (&o);

  /* On the first of the month only that day's sign-off counts. */
  get_overview (f, "2026-03-01", 0, 0, &o);
  g_assert_cmpuint (o.signed_off_this_month, ==, 1);
  wy_overview_clear (&o);

  /* On the last of February the month is February. */
  get_overview (f, "2026-02-28", 0, 0, &o);
  g_assert_cmpuint (o.signed_off_this_month, ==, 1);
  wy_overview_clear (&o);

  /* Next month: the sign-off dated the 16th is now in the past month. */
  get_overview (f, "2026-04-01", 0, 0, &o);
  g_assert_cmpuint (o.signed_off_this_month, ==, 0);
  wy_overview_clear (&o);
}

static void
test_agrees_with_dashboard (Fixture       *f,
                            gconstpointer  data)
{
  const char *days[] = { "2026-02-01", "2026-03-14", "2026-03-15", "2026-03-16", "2026-03-23", "2026-12-31" };

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    for (guint window = 0; window <= 14; window += 7)
      {
        g_autoptr(GError) error = NULL;
        WyDashboard dash;
        WyOverview o;
        GDate day;

        wy_test_date (&day, days[d]);
        g_assert_true (wy_store_get_dashboard (f->store, &day, window, &dash, &error));
        g_assert_true (wy_store_get_overview (f->store, &day, window, 0, 0, &o, &error));
        g_assert_no_error (error);

        g_assert_cmpuint (o.compounds, ==, dash.compounds);
        g_assert_cmpuint (o.pilots, ==, dash.pilots);
        g_assert_cmpuint (o.attained, ==, dash.attained);
        g_assert_cmpuint (o.problems_open, ==, dash.problems_open);
        g_assert_cmpuint (o.problems_overdue, ==, dash.problems_overdue);
        g_assert_cmpuint (o.problems_due_soon, ==, dash.problems_due_soon);
        wy_overview_clear (&o);
      }
}

/* Counted from the rows with wy_light_compute(), per place. */
static void
test_place_filters (Fixture       *f,
                    gconstpointer  data)
{
  struct {
    gint64 street, community;
    guint compounds, pilots, attained, open, overdue, due_soon, signed_off;
  } cases[] = {
    { f->street[0], 0, 3, 2, 2, 4, 1, 2, 1 },
    { f->street[1], 0, 2, 0, 1, 2, 1, 0, 1 },
    { 0, f->community[0], 2, 1, 1, 4, 1, 2, 0 },
    { 0, f->community[1], 1, 1, 1, 0, 0, 0, 1 },
    { 0, f->community[2], 2, 0, 1, 2, 1, 0, 1 },
    { 0, f->community[3], 0, 0, 0, 0, 0, 0, 0 },
    { f->street[0], f->community[0], 2, 1, 1, 4, 1, 2, 0 },
    /* A community of another street: nothing. */
    { f->street[1], f->community[0], 0, 0, 0, 0, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WyOverview o;

      g_test_message ("case %u", i);
      get_overview (f, "2026-03-15", cases[i].street, cases[i].community, &o);
      g_assert_cmpuint (o.compounds, ==, cases[i].compounds);
      g_assert_cmpuint (o.pilots, ==, cases[i].pilots);
      g_assert_cmpuint (o.attained, ==, cases[i].attained);
      g_assert_cmpuint (o.problems_open, ==, cases[i].open);
      g_assert_cmpuint (o.problems_overdue, ==, cases[i].overdue);
      g_assert_cmpuint (o.problems_due_soon, ==, cases[i].due_soon);
      g_assert_cmpuint (o.signed_off_this_month, ==, cases[i].signed_off);
      /* The item with no deadline is in 机械厂小区 (南苑社区, 翠柏街道). */
      g_assert_cmpuint (o.problems_no_deadline, ==,
                        (cases[i].community == f->community[2] ||
                         (cases[i].community == 0 && cases[i].street == f->street[1])) ? 1 : 0);
      if (cases[i].compounds == 0)
        g_assert_cmpfloat (o.attained_rate, ==, 0.0);
      /* The plan is the ledger's, whatever the place. */
      g_assert_cmpint (o.plan_position, ==, WY_PLAN_IN_PHASE);
      g_assert_cmpint (o.phase_id, ==, f->phase[1]);
      wy_overview_clear (&o);
    }
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *iso = wy_date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected);
}

static void
test_plan_position (Fixture       *f,
                    gconstpointer  data)
{
  WyOverview o;

  get_overview (f, "2026-03-15", 0, 0, &o);
  g_assert_cmpint (o.plan_position, ==, WY_PLAN_IN_PHASE);
  g_assert_cmpint (o.phase_id, ==, f->phase[1]);
  g_assert_cmpuint (o.phase_number, ==, 2);
  g_assert_cmpstr (o.phase_name, ==, "Pilots first");
  assert_date (&o.phase_end, "2026-03-31");
  g_assert_cmpint (o.phase_days_left, ==, 16);
  wy_overview_clear (&o);
  g_assert_null (o.phase_name);

  /* The phase's last day is still in it, with no day left. */
  get_overview (f, "2026-03-31", 0, 0, &o);
  g_assert_cmpint (o.plan_position, ==, WY_PLAN_IN_PHASE);
  g_assert_cmpint (o.phase_id, ==, f->phase[1]);
  g_assert_cmpint (o.phase_days_left, ==, 0);
  wy_overview_clear (&o);

  /* The first day of a phase. */
  get_overview (f, "2026-03-01", 0, 0, &o);
  g_assert_cmpint (o.phase_id, ==, f->phase[1]);
  g_assert_cmpint (o.phase_days_left, ==, 30);
  wy_overview_clear (&o);

  /* The gap between the second and the third. */
  get_overview (f, "2026-04-01", 0, 0, &o);
  g_assert_cmpint (o.plan_position, ==, WY_PLAN_BETWEEN);
  g_assert_cmpint (o.phase_id, ==, 0);
  g_assert_null (o.phase_name);
  wy_overview_clear (&o);

  get_overview (f, "2026-04-05", 0, 0, &o);
  g_assert_cmpint (o.plan_position, ==, WY_PLAN_IN_PHASE);
  g_assert_cmpuint (o.phase_number, ==, 3);
  g_assert_cmpint (o.phase_days_left, ==, 86);
  wy_overview_clear (&o);

  /* The day before the plan, and the day after it. */
  get_overview (f, "2025-12-31", 0, 0, &o);
  g_assert_cmpint (o.plan_position, ==, WY_PLAN_BEFORE);
  g_assert_cmpint (o.plan_days, ==, 1);
  assert_date (&o.plan_date, "2026-01-01");
  wy_overview_clear (&o);

  get_overview (f, "2027-01-01", 0, 0, &o);
  g_assert_cmpint (o.plan_position, ==, WY_PLAN_AFTER);
  g_assert_cmpint (o.plan_days, ==, 1);
  assert_date (&o.plan_date, "2026-12-31");
  wy_overview_clear (&o);

  /* Overlapping phases: the first by number wins. */
  date_phase (f, 3, "2026-06-01", "2026-12-31");
  get_overview (f, "2026-06-30", 0, 0, &o);
  g_assert_cmpint (o.phase_id, ==, f->phase[2]);
  g_assert_cmpint (o.phase_days_left, ==, 0);
  wy_overview_clear (&o);
}

static void
test_no_phases (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  WyOverview o;

  for (guint p = 0; p < 4; p++)
    g_assert_true (wy_store_delete (f->store, WY_TABLE_PHASE, f->phase[p], &error));
  g_assert_no_error (error);

  get_overview (f, "2026-03-15", 0, 0, &o);
  g_assert_cmpint (o.plan_position, ==, WY_PLAN_NO_PHASES);
  g_assert_cmpint (o.phase_id, ==, 0);
  g_assert_cmpuint (o.compounds, ==, 5);
  wy_overview_clear (&o);
}

static void
test_empty_ledger (void)
{
  g_autofree char *path = wy_test_tmp_path ("empty.wuyou");
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  WyOverview o;
  GDate day;

  store = wy_store_create_empty (path, &error);
  g_assert_no_error (error);

  wy_test_date (&day, "2024-02-29");
  g_assert_true (wy_store_get_overview (store, &day, 7, 0, 0, &o, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (o.compounds, ==, 0);
  g_assert_cmpfloat (o.attained_rate, ==, 0.0);
  g_assert_cmpuint (o.problems_open, ==, 0);
  g_assert_cmpint (o.plan_position, ==, WY_PLAN_NO_PHASES);
  wy_overview_clear (&o);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/overview/" name, Fixture, name ".wuyou", fixture_set_up, func, fixture_tear_down)
  ADD ("figures", test_figures);
  ADD ("agrees-with-dashboard", test_agrees_with_dashboard);
  ADD ("place-filters", test_place_filters);
  ADD ("plan-position", test_plan_position);
  ADD ("no-phases", test_no_phases);
#undef ADD
  g_test_add_func ("/overview/empty-ledger", test_empty_ledger);

  return g_test_run ();
}
