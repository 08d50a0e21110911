/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-test-util.h"

/* A small ledger whose every figure was counted by hand:
 *
 *   示范区
 *   ├─ 青松街道: 东门社区 (K1 attained, K2 4 of 5), 西城社区 (K3 attained)
 *   └─ 翠柏街道: 南苑社区 (K4 nothing met, K5 attained), 北湖社区 (no compounds)
 */
typedef struct {
  WyStore *store;
  gint64   street[2];
  gint64   community[4];
  gint64   compound[5];
  gint64   target[5];
  gint64   unit[4];
} Fixture;

static gint64
add_compound (Fixture    *f,
              guint       community,
              const char *name,
              const char *category,
              gboolean    pilot,
              gint64      households,
              guint       n_met,
              gboolean    last_in_progress)
{
  WyRecord *record = wy_record_new (WY_TABLE_COMPOUND);
  gint64 id;

  wy_record_set_int (record, "community_id", f->community[community]);
  wy_record_set (record, "name", name);
  wy_record_set (record, "category", category);
  wy_record_set_bool (record, "pilot", pilot);
  if (households >= 0)
    wy_record_set_int (record, "households", households);
  id = wy_test_insert (f->store, record);

  for (guint t = 0; t < 5; t++)
    {
      WyRecord *status;

      if (t >= n_met && !(last_in_progress && t == n_met))
        continue;
      status = wy_record_new (WY_TABLE_COMPOUND_TARGET);
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
             const char *status)
{
  WyRecord *record = wy_record_new (WY_TABLE_PROBLEM);

  wy_record_set_int (record, "compound_id", f->compound[compound]);
  wy_record_set (record, "category", "other");
  wy_record_set (record, "description", "楼道堆物");
  wy_record_set (record, "deadline", deadline);
  wy_record_set (record, "status", status);
  if (g_str_equal (status, WY_PROBLEM_SIGNED_OFF))
    {
      wy_record_set (record, "signed_off_date", "2025-12-30");
      wy_record_set (record, "verifier", "李强");
    }
  wy_test_insert (f->store, record);
}

static void
add_meeting (Fixture    *f,
             guint       community,
             const char *kind,
             const char *date)
{
  WyRecord *record = wy_record_new (WY_TABLE_MEETING);

  wy_record_set_int (record, "community_id", f->community[community]);
  wy_record_set (record, "kind", kind);
  wy_record_set (record, "date", date);
  wy_test_insert (f->store, record);
}

static gint64
add_unit (Fixture    *f,
          guint       community,
          const char *end_date,
          gboolean    closed)
{
  WyRecord *record = wy_record_new (WY_TABLE_ASSISTANCE_UNIT);

  wy_record_set (record, "name", "市住房城乡建设局");
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
  g_autoptr(GPtrArray) targets = NULL;
  gint64 district;

  f->store = wy_store_create (path, NULL, &error);
  g_assert_no_error (error);

  targets = wy_store_list (f->store, WY_TABLE_TARGET, 0, &error);
  for (guint t = 0; t < 5; t++)
    f->target[t] = wy_record_get_id (g_ptr_array_index (targets, t));

  district = wy_test_add_named (f->store, WY_TABLE_DISTRICT, NULL, 0, "示范区");
  f->street[0] = wy_test_add_named (f->store, WY_TABLE_STREET, "district_id", district, "青松街道");
  f->street[1] = wy_test_add_named (f->store, WY_TABLE_STREET, "district_id", district, "翠柏街道");
  f->community[0] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[0], "东门社区");
  f->community[1] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[0], "西城社区");
  f->community[2] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[1], "南苑社区");
  f->community[3] = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street[1], "北湖社区");

  f->compound[0] = add_compound (f, 0, "纺织厂宿舍", WY_CATEGORY_SELF_MANAGED, TRUE, 120, 5, FALSE);
  f->compound[1] = add_compound (f, 0, "粮站家属院", WY_CATEGORY_THREE_NONE, FALSE, 48, 4, TRUE);
  f->compound[2] = add_compound (f, 1, "和平巷3号院", WY_CATEGORY_THREE_NONE, TRUE, 36, 5, FALSE);
  f->compound[3] = add_compound (f, 2, "机械厂小区", WY_CATEGORY_SELF_MANAGED, FALSE, -1, 0, FALSE);
  f->compound[4] = add_compound (f, 2, "老税务局宿舍", WY_CATEGORY_THREE_NONE, FALSE, 64, 5, FALSE);

  /* Today is 2026-03-15 in these tests, with a 7-day window. */
  add_problem (f, 0, "2026-03-14", WY_PROBLEM_PENDING);      /* red */
  add_problem (f, 0, "2026-03-15", WY_PROBLEM_IN_PROGRESS);  /* yellow: due today */
  add_problem (f, 1, "2026-03-22", WY_PROBLEM_FIXED);        /* yellow: window edge */
  add_problem (f, 1, "2026-03-23", WY_PROBLEM_PENDING);      /* green */
  add_problem (f, 2, "2026-01-01", WY_PROBLEM_SIGNED_OFF);   /* done */
  add_problem (f, 3, NULL, WY_PROBLEM_PENDING);              /* no deadline */

  add_meeting (f, 0, WY_MEETING_CONSULTATION, "2025-09-15"); /* six months to the day */
  add_meeting (f, 1, WY_MEETING_CONSULTATION, "2025-09-14"); /* a day too old */
  add_meeting (f, 2, WY_MEETING_LEADERSHIP, "2026-03-01");   /* not a consultation */
  add_meeting (f, 2, WY_MEETING_CONSULTATION, "2026-04-01"); /* planned, not held */

  f->unit[0] = add_unit (f, 0, "2026-03-22", FALSE);  /* ends on the window edge */
  f->unit[1] = add_unit (f, 1, "2026-03-23", FALSE);  /* just outside */
  f->unit[2] = add_unit (f, 2, "2026-03-10", FALSE);  /* already ended */
  f->unit[3] = add_unit (f, 3, "2026-03-16", TRUE);   /* closed */
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static void
today (GDate *date)
{
  wy_test_date (date, "2026-03-15");
}

static void
test_dashboard (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  WyDashboard d;
  GDate day;

  today (&day);
  g_assert_true (wy_store_get_dashboard (f->store, &day, 7, &d, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (d.compounds, ==, 5);
  g_assert_cmpuint (d.self_managed, ==, 2);
  g_assert_cmpuint (d.three_none, ==, 3);
  g_assert_cmpuint (d.pilots, ==, 2);
  g_assert_cmpuint (d.attained, ==, 3);
  g_assert_cmpuint (d.problems, ==, 6);
  g_assert_cmpuint (d.problems_open, ==, 5);
  g_assert_cmpuint (d.problems_overdue, ==, 1);
  g_assert_cmpuint (d.problems_due_soon, ==, 2);
  g_assert_cmpuint (d.problems_signed_off, ==, 1);

  /* A day later the item due today is late too. */
  g_date_add_days (&day, 1);
  g_assert_true (wy_store_get_dashboard (f->store, &day, 7, &d, &error));
  g_assert_cmpuint (d.problems_overdue, ==, 2);
  g_assert_cmpuint (d.problems_due_soon, ==, 2);
}

static void
test_sql_agrees_with_light_rule (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = wy_store_list (f->store, WY_TABLE_PROBLEM, 0, NULL);
  const char *days[] = { "2026-03-01", "2026-03-14", "2026-03-15", "2026-03-16", "2026-03-23", "2026-04-30" };

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    for (guint window = 0; window <= 14; window += 7)
      {
        guint counted[WY_LIGHT_DONE + 1] = { 0 };
        WyDashboard dash;
        GDate day;

        wy_test_date (&day, days[d]);
        for (guint i = 0; i < problems->len; i++)
          {
            WyRecord *p = g_ptr_array_index (problems, i);
            gboolean done = g_strcmp0 (wy_record_get (p, "status"), WY_PROBLEM_SIGNED_OFF) == 0;

            counted[wy_light_compute_iso (wy_record_get (p, "deadline"), done, &day, window)]++;
          }
        g_assert_true (wy_store_get_dashboard (f->store, &day, window, &dash, NULL));
        g_assert_cmpuint (dash.problems_overdue, ==, counted[WY_LIGHT_RED]);
        g_assert_cmpuint (dash.problems_due_soon, ==, counted[WY_LIGHT_YELLOW]);
        g_assert_cmpuint (dash.problems_signed_off, ==, counted[WY_LIGHT_DONE]);
      }
}

static void
test_attainment_levels (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) communities = wy_store_attainment_by (f->store, WY_LEVEL_COMMUNITY, &error);
  g_autoptr(GPtrArray) streets = wy_store_attainment_by (f->store, WY_LEVEL_STREET, &error);
  g_autoptr(GPtrArray) districts = wy_store_attainment_by (f->store, WY_LEVEL_DISTRICT, &error);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  WyAttainmentRow *row;
  const struct { guint community; guint compounds; guint attained; double rate; guint met[5]; } expected[] = {
    { 0, 2, 1, 0.5, { 2, 2, 2, 2, 1 } },
    { 1, 1, 1, 1.0, { 1, 1, 1, 1, 1 } },
    { 2, 2, 1, 0.5, { 1, 1, 1, 1, 1 } },
    { 3, 0, 0, 0.0, { 0, 0, 0, 0, 0 } },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (communities->len, ==, 4);
  for (guint i = 0; i < communities->len; i++)
    {
      row = g_ptr_array_index (communities, i);
      g_hash_table_insert (by_id, &row->id, row);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      row = g_hash_table_lookup (by_id, &f->community[expected[i].community]);
      g_assert_nonnull (row);
      g_assert_cmpuint (row->compounds, ==, expected[i].compounds);
      g_assert_cmpuint (row->attained, ==, expected[i].attained);
      g_assert_cmpfloat_with_epsilon (row->rate, expected[i].rate, 1e-9);
      g_assert_cmpuint (row->n_targets, ==, 5);
      for (guint t = 0; t < 5; t++)
        g_assert_cmpuint (row->met_per_target[t], ==, expected[i].met[t]);
      g_assert_nonnull (row->parent_name);
    }

  g_assert_cmpuint (streets->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      row = g_ptr_array_index (streets, i);
      if (row->id == f->street[0])
        {
          g_assert_cmpuint (row->compounds, ==, 3);
          g_assert_cmpuint (row->attained, ==, 2);
        }
      else
        {
          g_assert_cmpint (row->id, ==, f->street[1]);
          g_assert_cmpuint (row->compounds, ==, 2);
          g_assert_cmpuint (row->attained, ==, 1);
        }
      g_assert_cmpstr (row->parent_name, ==, "示范区");
    }

  g_assert_cmpuint (districts->len, ==, 1);
  row = g_ptr_array_index (districts, 0);
  g_assert_cmpuint (row->compounds, ==, 5);
  g_assert_cmpuint (row->attained, ==, 3);
  g_assert_cmpfloat_with_epsilon (row->rate, 0.6, 1e-9);
}

static void
test_targets_are_data (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) sixth = wy_record_new (WY_TABLE_TARGET);
  g_autoptr(GPtrArray) districts = NULL;
  gboolean attained = FALSE;
  WyDashboard d;
  GDate day;

  today (&day);
  g_assert_true (wy_store_compound_is_attained (f->store, f->compound[0], &attained, &error));
  g_assert_true (attained);
  g_assert_true (wy_store_compound_is_attained (f->store, f->compound[1], &attained, &error));
  g_assert_false (attained);

  /* A city that tracks a sixth target: nobody has met it yet. */
  wy_record_set_int (sixth, "ordinal", 6);
  wy_record_set (sixth, "name", "有文化活动阵地");
  wy_record_set_bool (sixth, "active", TRUE);
  wy_test_insert (f->store, g_steal_pointer (&sixth));

  g_assert_true (wy_store_get_dashboard (f->store, &day, 7, &d, &error));
  g_assert_cmpuint (d.attained, ==, 0);
  districts = wy_store_attainment_by (f->store, WY_LEVEL_DISTRICT, &error);
  g_assert_cmpuint (((WyAttainmentRow *) g_ptr_array_index (districts, 0))->n_targets, ==, 6);
  g_assert_true (wy_store_compound_is_attained (f->store, f->compound[0], &attained, &error));
  g_assert_false (attained);

  g_assert_false (wy_store_compound_is_attained (f->store, 9999, &attained, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
}

static gboolean
gaps_contain (GPtrArray *gaps,
              gint64     community_id)
{
  for (guint i = 0; i < gaps->len; i++)
    if (((WyConsultationGap *) g_ptr_array_index (gaps, i))->community_id == community_id)
      return TRUE;
  return FALSE;
}

static void
test_consultation_gaps (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) month_end = NULL;
  g_autoptr(GPtrArray) day_after = NULL;
  GDate day;

  today (&day);
  gaps = wy_store_consultation_gaps (f->store, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, 3);
  g_assert_false (gaps_contain (gaps, f->community[0]));
  g_assert_true (gaps_contain (gaps, f->community[1]));
  g_assert_true (gaps_contain (gaps, f->community[2]));
  g_assert_true (gaps_contain (gaps, f->community[3]));
  for (guint i = 0; i < gaps->len; i++)
    {
      WyConsultationGap *gap = g_ptr_array_index (gaps, i);

      if (gap->community_id == f->community[1])
        g_assert_cmpstr (gap->last_meeting, ==, "2025-09-14");
      else
        g_assert_null (gap->last_meeting);
    }

  /* The next day 东门社区's meeting is more than six months old. */
  g_date_add_days (&day, 1);
  later = wy_store_consultation_gaps (f->store, &day, &error);
  g_assert_true (gaps_contain (later, f->community[0]));

  /* 31 August minus six months is the last day of February. */
  add_meeting (f, 3, WY_MEETING_CONSULTATION, "2026-02-28");
  wy_test_date (&day, "2026-08-31");
  month_end = wy_store_consultation_gaps (f->store, &day, &error);
  g_assert_false (gaps_contain (month_end, f->community[3]));
  wy_test_date (&day, "2026-09-01");
  day_after = wy_store_consultation_gaps (f->store, &day, &error);
  g_assert_true (gaps_contain (day_after, f->community[3]));
}

static void
test_terms_ending (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) wider = NULL;
  GDate day;

  today (&day);
  ids = wy_store_terms_ending (f->store, &day, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->unit[2]);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, f->unit[0]);

  wider = wy_store_terms_ending (f->store, &day, 8, &error);
  g_assert_cmpuint (wider->len, ==, 3);
}

static void
test_compound_rows (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = wy_store_list_compound_rows (f->store, &error);
  gboolean seen_first = FALSE, seen_fourth = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  for (guint i = 0; i < rows->len; i++)
    {
      WyCompoundRow *row = g_ptr_array_index (rows, i);

      if (row->id == f->compound[0])
        {
          seen_first = TRUE;
          g_assert_cmpstr (row->name, ==, "纺织厂宿舍");
          g_assert_cmpstr (row->community, ==, "东门社区");
          g_assert_cmpstr (row->street, ==, "青松街道");
          g_assert_cmpstr (row->category, ==, WY_CATEGORY_SELF_MANAGED);
          g_assert_true (row->pilot);
          g_assert_cmpint (row->households, ==, 120);
          g_assert_cmpuint (row->targets_met, ==, 5);
          g_assert_cmpuint (row->targets_total, ==, 5);
          g_assert_cmpuint (row->open_problems, ==, 2);
          g_assert_cmpstr (row->nearest_deadline, ==, "2026-03-14");
          g_assert_cmpstr (row->target_marks, ==, "MMMMM");
          g_assert_cmpint (row->community_id, ==, f->community[0]);
          g_assert_cmpint (row->street_id, ==, f->street[0]);
        }
      else if (row->id == f->compound[1])
        g_assert_cmpstr (row->target_marks, ==, "MMMMP");
      else if (row->id == f->compound[3])
        {
          seen_fourth = TRUE;
          g_assert_cmpint (row->households, ==, -1);
          g_assert_cmpuint (row->targets_met, ==, 0);
          g_assert_cmpuint (row->open_problems, ==, 1);
          g_assert_null (row->nearest_deadline);
          g_assert_cmpstr (row->target_marks, ==, "NNNNN");
        }
      else if (row->id == f->compound[2])
        {
          g_assert_cmpuint (row->open_problems, ==, 0);
          g_assert_null (row->nearest_deadline);
        }
    }
  g_assert_true (seen_first && seen_fourth);

  /* One row read alone is the same as in the list. */
  for (guint i = 0; i < rows->len; i++)
    {
      WyCompoundRow *row = g_ptr_array_index (rows, i);
      g_autoptr(WyCompoundRow) single = wy_store_get_compound_row (f->store, row->id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (single->name, ==, row->name);
      g_assert_cmpstr (single->target_marks, ==, row->target_marks);
      g_assert_cmpuint (single->targets_met, ==, row->targets_met);
      g_assert_cmpuint (single->open_problems, ==, row->open_problems);
      g_assert_cmpstr (single->nearest_deadline, ==, row->nearest_deadline);
      g_assert_cmpint (single->households, ==, row->households);
    }
  g_assert_null (wy_store_get_compound_row (f->store, 9999, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
}

static void
test_problem_rows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = wy_store_list_problem_rows (f->store, 0, &error);
  g_autoptr(GPtrArray) first = wy_store_list_problem_rows (f->store, f->compound[0], &error);
  WyProblemRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 6);
  g_assert_cmpuint (first->len, ==, 2);
  /* Earliest deadline first within a compound. */
  row = g_ptr_array_index (first, 0);
  g_assert_cmpstr (row->deadline, ==, "2026-03-14");
  g_assert_cmpstr (row->compound, ==, "纺织厂宿舍");
  g_assert_cmpstr (row->community, ==, "东门社区");
  g_assert_cmpstr (row->street, ==, "青松街道");
  g_assert_cmpint (row->community_id, ==, f->community[0]);
  g_assert_cmpstr (row->status, ==, WY_PROBLEM_PENDING);
  g_assert_cmpuint (row->n_updates, ==, 0);

  {
    g_autoptr(WyProblemRow) single = wy_store_get_problem_row (f->store, row->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (single->description, ==, row->description);
  }
  g_assert_null (wy_store_get_problem_row (f->store, 99999, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
}

static void
test_empty_ledger (void)
{
  g_autofree char *path = wy_test_tmp_path ("empty-stats.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = wy_store_create_empty (path, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  WyDashboard d;
  GDate day;

  today (&day);
  g_assert_true (wy_store_get_dashboard (store, &day, 7, &d, &error));
  g_assert_cmpuint (d.compounds, ==, 0);
  g_assert_cmpuint (d.attained, ==, 0);
  rows = wy_store_list_compound_rows (store, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  levels = wy_store_attainment_by (store, WY_LEVEL_COMMUNITY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (levels->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/stats/" name, Fixture, name ".wuyou", fixture_set_up, func, fixture_tear_down)

  ADD ("dashboard", test_dashboard);
  ADD ("sql-agrees-with-light-rule", test_sql_agrees_with_light_rule);
  ADD ("attainment-levels", test_attainment_levels);
  ADD ("targets-are-data", test_targets_are_data);
  ADD ("consultation-gaps", test_consultation_gaps);
  ADD ("terms-ending", test_terms_ending);
  ADD ("compound-rows", test_compound_rows);
  ADD ("problem-rows", test_problem_rows);
  g_test_add_func ("/stats/empty-ledger", test_empty_ledger);

#undef ADD

  return g_test_run ();
}
