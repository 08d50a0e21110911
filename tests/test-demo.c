/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "wy-test-util.h"

/* The demo ledger (wuyou --create-demo): what it holds, that it is the
 * same every time for the same (size, today), and that it never writes
 * over data. Every check passes a fixed "today". */

static GPtrArray *
list_all (WyStore *store,
          WyTable  table)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = wy_store_list (store, table, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static WyStore *
write_and_open (const char  *name,
                guint        n,
                const char  *today_iso,
                GDate       *today)
{
  g_autofree char *path = wy_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  WyStore *store;

  wy_test_date (today, today_iso);
  g_assert_true (wy_demo_write (path, n, today, &error));
  g_assert_no_error (error);

  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static guint32
julian (const char *iso)
{
  GDate date;

  g_assert_true (wy_date_parse (iso, &date));
  return g_date_get_julian (&date);
}

static void
check_problems (WyStore     *store,
                const GDate *today)
{
  g_autoptr(GPtrArray) problems = list_all (store, WY_TABLE_PROBLEM);
  g_autoptr(GPtrArray) updates = list_all (store, WY_TABLE_PROBLEM_UPDATE);
  g_autoptr(GPtrArray) inspections = list_all (store, WY_TABLE_INSPECTION);
  g_autoptr(GHashTable) updated = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) inspection_compound = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint lights[WY_LIGHT_DONE + 1] = { 0, };
  guint pending = 0, in_progress = 0, fixed = 0, signed_off = 0, found = 0;
  guint overdue_open = 0, due_soon_open = 0;
  guint32 today_j = g_date_get_julian (today);
  WyDashboard dashboard;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (inspections->len, >, 0);
  for (guint i = 0; i < inspections->len; i++)
    {
      WyRecord *inspection = g_ptr_array_index (inspections, i);
      gint64 *key = g_new (gint64, 1);
      gint64 *value = g_new (gint64, 1);

      *key = wy_record_get_id (inspection);
      *value = wy_record_get_int (inspection, "compound_id", 0);
      g_assert_cmpint (*value, >, 0);
      g_assert_nonnull (wy_record_get (inspection, "findings"));
      g_assert_cmpuint (julian (wy_record_get (inspection, "date")), <=, today_j);
      g_hash_table_insert (inspection_compound, key, value);
    }

  for (guint i = 0; i < updates->len; i++)
    {
      WyRecord *update = g_ptr_array_index (updates, i);
      gint64 *key = g_new (gint64, 1);

      *key = wy_record_get_int (update, "problem_id", 0);
      g_hash_table_add (updated, key);
      g_assert_cmpuint (julian (wy_record_get (update, "date")), <=, today_j);
    }

  for (guint i = 0; i < problems->len; i++)
    {
      WyRecord *problem = g_ptr_array_index (problems, i);
      const char *status = wy_record_get (problem, "status");
      const char *deadline = wy_record_get (problem, "deadline");
      gboolean done = g_str_equal (status, WY_PROBLEM_SIGNED_OFF);
      gint64 id = wy_record_get_id (problem);
      gint64 inspection_id = wy_record_get_int (problem, "inspection_id", 0);
      WyLight light = wy_light_compute_iso (deadline, done, today, WY_DEFAULT_WARNING_DAYS);

      lights[light]++;
      g_assert_nonnull (deadline);
      g_assert_nonnull (wy_record_get (problem, "description"));
      g_assert_nonnull (wy_record_get (problem, "responsible_unit"));
      g_assert_nonnull (wy_record_get (problem, "responsible_person"));
      g_assert_cmpuint (julian (wy_record_get (problem, "raised_date")), <=, today_j);
      g_assert_cmpuint (julian (wy_record_get (problem, "raised_date")), <=, julian (deadline));

      if (light == WY_LIGHT_RED)
        overdue_open++;
      else if (light == WY_LIGHT_YELLOW)
        due_soon_open++;

      if (g_str_equal (status, WY_PROBLEM_PENDING))
        pending++;
      else if (g_str_equal (status, WY_PROBLEM_IN_PROGRESS))
        {
          in_progress++;
          /* dated progress for work under way */
          g_assert_true (g_hash_table_contains (updated, &id));
        }
      else if (g_str_equal (status, WY_PROBLEM_FIXED))
        fixed++;
      else if (g_str_equal (status, WY_PROBLEM_SIGNED_OFF))
        {
          signed_off++;
          g_assert_nonnull (wy_record_get (problem, "verifier"));
          g_assert_cmpuint (julian (wy_record_get (problem, "signed_off_date")), <=, today_j);
          g_assert_cmpuint (julian (wy_record_get (problem, "signed_off_date")), >=,
                            julian (wy_record_get (problem, "raised_date")));
        }
      else
        g_assert_not_reached ();

      if (inspection_id > 0)
        {
          gint64 *compound = g_hash_table_lookup (inspection_compound, &inspection_id);

          found++;
          g_assert_nonnull (compound);
          g_assert_cmpint (*compound, ==, wy_record_get_int (problem, "compound_id", 0));
          g_assert_cmpstr (wy_record_get (problem, "raised_date"), !=, NULL);
        }
    }

  g_assert_cmpuint (pending, >, 0);
  g_assert_cmpuint (in_progress, >, 0);
  g_assert_cmpuint (fixed, >, 0);
  g_assert_cmpuint (signed_off, >, 0);
  g_assert_cmpuint (lights[WY_LIGHT_RED], >, 0);
  g_assert_cmpuint (lights[WY_LIGHT_YELLOW], >, 0);
  g_assert_cmpuint (lights[WY_LIGHT_GREEN], >, 0);
  g_assert_cmpuint (lights[WY_LIGHT_DONE], >, 0);
  g_assert_cmpuint (lights[WY_LIGHT_NONE], ==, 0);
  g_assert_cmpuint (found, >, 0);

  /* The briefing numbers agree with the lights computed here. */
  g_assert_true (wy_store_get_dashboard (store, today, WY_DEFAULT_WARNING_DAYS, &dashboard, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dashboard.problems, ==, problems->len);
  g_assert_cmpuint (dashboard.problems_signed_off, ==, signed_off);
  g_assert_cmpuint (dashboard.problems_open, ==, problems->len - signed_off);
  g_assert_cmpuint (dashboard.problems_overdue, ==, overdue_open);
  g_assert_cmpuint (dashboard.problems_due_soon, ==, due_soon_open);
}

static void
check_plan (WyStore     *store,
            const GDate *today)
{
  g_autoptr(GPtrArray) phases = list_all (store, WY_TABLE_PHASE);
  g_autoptr(GPtrArray) milestones = list_all (store, WY_TABLE_MILESTONE);
  g_autoptr(GPtrArray) tasks = list_all (store, WY_TABLE_TASK);
  g_autoptr(GPtrArray) notes = list_all (store, WY_TABLE_TASK_NOTE);
  guint task_lights[WY_LIGHT_DONE + 1] = { 0, };
  guint milestone_lights[WY_LIGHT_DONE + 1] = { 0, };
  guint current = 0, from_plan = 0, from_meeting = 0;
  guint32 today_j = g_date_get_julian (today);

  g_assert_cmpuint (phases->len, ==, 4);
  for (guint i = 0; i < phases->len; i++)
    {
      WyRecord *phase = g_ptr_array_index (phases, i);

      if (julian (wy_record_get (phase, "start_date")) <= today_j &&
          today_j <= julian (wy_record_get (phase, "end_date")))
        current++;
    }
  /* today falls inside the plan */
  g_assert_cmpuint (current, ==, 1);

  g_assert_cmpuint (tasks->len, >=, 7);
  for (guint i = 0; i < tasks->len; i++)
    {
      WyRecord *task = g_ptr_array_index (tasks, i);
      gboolean done = g_str_equal (wy_record_get (task, "status"), WY_TASK_DONE);

      task_lights[wy_light_compute_iso (wy_record_get (task, "deadline"), done, today,
                                        WY_DEFAULT_WARNING_DAYS)]++;
      if (wy_record_get_bool (task, "from_plan"))
        from_plan++;
      if (wy_record_get_int (task, "meeting_id", 0) > 0)
        from_meeting++;
      if (done)
        {
          g_assert_cmpint (wy_record_get_int (task, "progress", -1), ==, 100);
          g_assert_cmpuint (julian (wy_record_get (task, "done_date")), <=, today_j);
        }
    }
  g_assert_cmpuint (from_plan, ==, 7);
  g_assert_cmpuint (from_meeting, >, 0);
  g_assert_cmpuint (notes->len, >, 0);
  g_assert_cmpuint (task_lights[WY_LIGHT_RED], >, 0);
  g_assert_cmpuint (task_lights[WY_LIGHT_YELLOW], >, 0);
  g_assert_cmpuint (task_lights[WY_LIGHT_GREEN], >, 0);
  g_assert_cmpuint (task_lights[WY_LIGHT_DONE], >, 0);

  for (guint i = 0; i < milestones->len; i++)
    {
      WyRecord *milestone = g_ptr_array_index (milestones, i);

      milestone_lights[wy_light_compute_iso (wy_record_get (milestone, "due_date"),
                                             wy_record_get_bool (milestone, "done"), today,
                                             WY_DEFAULT_WARNING_DAYS)]++;
    }
  g_assert_cmpuint (milestone_lights[WY_LIGHT_DONE], >, 0);
  g_assert_cmpuint (milestone_lights[WY_LIGHT_RED], >, 0);
  g_assert_cmpuint (milestone_lights[WY_LIGHT_YELLOW], >, 0);
  g_assert_cmpuint (milestone_lights[WY_LIGHT_GREEN], >, 0);
}

static void
check_compounds (WyStore *store,
                 guint    expected)
{
  g_autoptr(GPtrArray) compounds = list_all (store, WY_TABLE_COMPOUND);
  g_autoptr(GPtrArray) modes = list_all (store, WY_TABLE_GOVERNANCE_MODE);
  g_autoptr(GPtrArray) targets = list_all (store, WY_TABLE_TARGET);
  g_autoptr(GPtrArray) statuses = list_all (store, WY_TABLE_COMPOUND_TARGET);
  g_autoptr(GHashTable) modes_used = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) met_per_compound = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree gint64 *mode_ids = g_new0 (gint64, modes->len);
  guint self_managed = 0, three_none = 0, pilots = 0, attained = 0;
  guint met = 0, in_progress = 0, not_met = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (compounds->len, ==, expected);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, expected);

  for (guint i = 0; i < modes->len; i++)
    mode_ids[i] = wy_record_get_id (g_ptr_array_index (modes, i));

  for (guint i = 0; i < compounds->len; i++)
    {
      WyRecord *compound = g_ptr_array_index (compounds, i);
      const char *category = wy_record_get (compound, "category");
      gint64 mode = wy_record_get_int (compound, "governance_mode_id", 0);
      gint64 year = wy_record_get_int (compound, "year_built", 0);

      if (g_str_equal (category, WY_CATEGORY_SELF_MANAGED))
        self_managed++;
      else if (g_str_equal (category, WY_CATEGORY_THREE_NONE))
        three_none++;
      if (wy_record_get_bool (compound, "pilot"))
        pilots++;
      for (guint m = 0; m < modes->len; m++)
        if (mode_ids[m] == mode)
          g_hash_table_add (modes_used, &mode_ids[m]);

      g_assert_cmpint (year, >=, 1975);
      g_assert_cmpint (year, <=, 2005);
      g_assert_cmpint (wy_record_get_int (compound, "households", 0), >, 0);
      g_assert_cmpint (wy_record_get_int (compound, "residents", 0), >, 0);
      g_assert_cmpint (wy_record_get_int (compound, "assistance_unit_id", 0), >, 0);
      g_assert_nonnull (wy_record_get (compound, "address"));
      g_assert_nonnull (wy_record_get (compound, "grid"));
      g_assert_true (g_str_has_prefix (wy_record_get (compound, "contact_phone"), "13"));
    }

  g_assert_cmpuint (self_managed, >, 0);
  g_assert_cmpuint (three_none, >, 0);
  g_assert_cmpuint (pilots, >=, 3);
  g_assert_cmpuint (g_hash_table_size (modes_used), ==, modes->len);
  g_assert_cmpuint (modes->len, ==, 3);

  /* One status row per compound and target */
  g_assert_cmpuint (statuses->len, ==, compounds->len * targets->len);
  for (guint i = 0; i < statuses->len; i++)
    {
      WyRecord *row = g_ptr_array_index (statuses, i);
      const char *status = wy_record_get (row, "status");

      if (g_str_equal (status, WY_TARGET_MET))
        {
          gint64 compound = wy_record_get_int (row, "compound_id", 0);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (met_per_compound, &compound));
          gint64 *key = g_new (gint64, 1);

          met++;
          g_assert_nonnull (wy_record_get (row, "met_date"));
          g_assert_nonnull (wy_record_get (row, "evidence"));
          g_assert_nonnull (wy_record_get (row, "verifier"));
          *key = compound;
          g_hash_table_replace (met_per_compound, key, GUINT_TO_POINTER (count + 1));
          if (count + 1 == targets->len)
            attained++;
        }
      else if (g_str_equal (status, WY_TARGET_IN_PROGRESS))
        in_progress++;
      else
        not_met++;
    }
  g_assert_cmpuint (met, >, 0);
  g_assert_cmpuint (in_progress, >, 0);
  g_assert_cmpuint (not_met, >, 0);
  g_assert_cmpuint (attained, >, 0);
  g_assert_cmpuint (attained, <, compounds->len);

  {
    WyDashboard dashboard;
    GDate any_day;

    wy_test_date (&any_day, "2026-03-15");
    g_assert_true (wy_store_get_dashboard (store, &any_day, WY_DEFAULT_WARNING_DAYS, &dashboard, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (dashboard.compounds, ==, compounds->len);
    g_assert_cmpuint (dashboard.self_managed, ==, self_managed);
    g_assert_cmpuint (dashboard.three_none, ==, three_none);
    g_assert_cmpuint (dashboard.pilots, ==, pilots);
    g_assert_cmpuint (dashboard.attained, ==, attained);
  }
}

static void
check_community_life (WyStore     *store,
                      const GDate *today)
{
  g_autoptr(GPtrArray) communities = list_all (store, WY_TABLE_COMMUNITY);
  g_autoptr(GPtrArray) units = list_all (store, WY_TABLE_ASSISTANCE_UNIT);
  g_autoptr(GPtrArray) activities = list_all (store, WY_TABLE_ASSISTANCE_ACTIVITY);
  g_autoptr(GPtrArray) meetings = list_all (store, WY_TABLE_MEETING);
  g_autoptr(GPtrArray) funding = list_all (store, WY_TABLE_FUNDING);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(GArray) ending = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  guint leadership = 0, joint = 0, consultation = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (communities->len, >=, 3);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_DISTRICT), >=, 1);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_STREET), >=, 1);

  /* one assistance unit per community, each with activities */
  g_assert_cmpuint (units->len, ==, communities->len);
  for (guint i = 0; i < units->len; i++)
    {
      WyRecord *unit = g_ptr_array_index (units, i);
      g_autoptr(GPtrArray) own = NULL;

      own = wy_store_list (store, WY_TABLE_ASSISTANCE_ACTIVITY, wy_record_get_id (unit), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (own->len, >, 0);
      g_assert_nonnull (wy_record_get (unit, "start_date"));
      g_assert_nonnull (wy_record_get (unit, "end_date"));
    }
  g_assert_cmpuint (activities->len, >=, units->len);

  /* one term ends within the window, one has ended */
  ending = wy_store_terms_ending (store, today, WY_DEFAULT_WARNING_DAYS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ending->len, >=, 2);
  g_assert_cmpuint (ending->len, <, units->len);

  for (guint i = 0; i < meetings->len; i++)
    {
      const char *kind = wy_record_get (g_ptr_array_index (meetings, i), "kind");

      if (g_str_equal (kind, WY_MEETING_LEADERSHIP))
        leadership++;
      else if (g_str_equal (kind, WY_MEETING_JOINT))
        joint++;
      else if (g_str_equal (kind, WY_MEETING_CONSULTATION))
        consultation++;
    }
  g_assert_cmpuint (leadership, >, 0);
  g_assert_cmpuint (joint, >, 0);
  g_assert_cmpuint (consultation, >, 0);

  /* some communities have not consulted for half a year, most have */
  gaps = wy_store_consultation_gaps (store, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, >=, 1);
  g_assert_cmpuint (gaps->len, <, communities->len);

  for (guint i = 0; i < funding->len; i++)
    g_hash_table_add (sources, (gpointer) wy_record_get (g_ptr_array_index (funding, i), "source"));
  g_assert_cmpuint (g_hash_table_size (sources), ==, 5);
}

static void
check_full_demo (const char *today_iso)
{
  g_autofree char *name = g_strdup_printf ("full-%s.wuyou", today_iso);
  g_autoptr(WyStore) store = NULL;
  GDate today;

  store = write_and_open (name, 0, today_iso, &today);
  check_compounds (store, WY_DEMO_DEFAULT_SIZE);
  check_problems (store, &today);
  check_plan (store, &today);
  check_community_life (store, &today);

  {
    g_autofree char *office = wy_store_get_setting (store, WY_SETTING_OFFICE_NAME);

    g_assert_nonnull (office);
    g_test_message ("office: %s", office);
  }
}

static void
test_default_size (void)
{
  g_assert_cmpuint (WY_DEMO_DEFAULT_SIZE, >=, 20);
  g_assert_cmpuint (WY_DEMO_DEFAULT_SIZE, <=, 40);
  check_full_demo ("2026-03-15");
}

static void
test_leap_day (void)
{
  check_full_demo ("2028-02-29");
}

static void
test_year_end (void)
{
  check_full_demo ("2026-12-31");
}

static GPtrArray *
compound_names (WyStore *store)
{
  g_autoptr(GPtrArray) compounds = list_all (store, WY_TABLE_COMPOUND);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < compounds->len; i++)
    {
      WyRecord *compound = g_ptr_array_index (compounds, i);

      g_ptr_array_add (names, g_strdup_printf ("%" G_GINT64_FORMAT "/%s/%s",
                                               wy_record_get_int (compound, "community_id", 0),
                                               wy_record_get (compound, "name"),
                                               wy_record_get (compound, "category")));
    }
  return names;
}

static void
test_deterministic (void)
{
  g_autoptr(WyStore) a = NULL;
  g_autoptr(WyStore) b = NULL;
  g_autoptr(WyStore) c = NULL;
  g_autoptr(GPtrArray) names_a = NULL;
  g_autoptr(GPtrArray) names_b = NULL;
  g_autoptr(GPtrArray) names_c = NULL;
  gboolean all_same = TRUE;
  GDate today;

  a = write_and_open ("same-a.wuyou", 0, "2026-03-15", &today);
  b = write_and_open ("same-b.wuyou", 0, "2026-03-15", &today);
  c = write_and_open ("other-day.wuyou", 0, "2026-03-16", &today);

  for (WyTable t = 0; t < WY_N_TABLES; t++)
    g_assert_cmpint (wy_store_count (a, t), ==, wy_store_count (b, t));

  names_a = compound_names (a);
  names_b = compound_names (b);
  g_assert_cmpuint (names_a->len, ==, names_b->len);
  for (guint i = 0; i < names_a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names_a, i), ==, g_ptr_array_index (names_b, i));

  /* the same problems with the same deadlines, in the same order */
  {
    g_autoptr(GPtrArray) pa = list_all (a, WY_TABLE_PROBLEM);
    g_autoptr(GPtrArray) pb = list_all (b, WY_TABLE_PROBLEM);

    g_assert_cmpuint (pa->len, ==, pb->len);
    for (guint i = 0; i < pa->len; i++)
      {
        WyRecord *ra = g_ptr_array_index (pa, i);
        WyRecord *rb = g_ptr_array_index (pb, i);

        g_assert_cmpstr (wy_record_get (ra, "description"), ==, wy_record_get (rb, "description"));
        g_assert_cmpstr (wy_record_get (ra, "deadline"), ==, wy_record_get (rb, "deadline"));
        g_assert_cmpstr (wy_record_get (ra, "status"), ==, wy_record_get (rb, "status"));
      }
  }

  /* another day gives another ledger (the seed includes today) */
  names_c = compound_names (c);
  if (names_c->len != names_a->len)
    all_same = FALSE;
  else
    for (guint i = 0; i < names_a->len; i++)
      if (g_strcmp0 (g_ptr_array_index (names_a, i), g_ptr_array_index (names_c, i)) != 0)
        all_same = FALSE;
  g_assert_false (all_same);
}

static void
test_refuses_existing_ledger (void)
{
  g_autofree char *path = wy_test_tmp_path ("taken.wuyou");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  wy_test_date (&today, "2026-03-15");
  g_assert_true (wy_demo_write (path, 0, &today, &error));
  g_assert_no_error (error);

  before = wy_test_read_file (path);
  g_assert_false (wy_demo_write (path, 0, &today, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_EXISTS);
  g_test_message ("refused: %s", error->message);
  after = wy_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));

  /* a plain file with data is not touched either */
  {
    g_autofree char *notes = wy_test_tmp_path ("notes.txt");
    g_autoptr(GBytes) notes_before = NULL;
    g_autoptr(GBytes) notes_after = NULL;

    g_assert_true (g_file_set_contents (notes, "会议记录\n", -1, NULL));
    notes_before = wy_test_read_file (notes);
    g_clear_error (&error);
    g_assert_false (wy_demo_write (notes, 0, &today, &error));
    g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_EXISTS);
    notes_after = wy_test_read_file (notes);
    g_assert_true (g_bytes_equal (notes_before, notes_after));
  }
}

static void
test_empty_file_accepted (void)
{
  g_autofree char *path = wy_test_tmp_path ("empty.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) store = NULL;
  GDate today;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  wy_test_date (&today, "2026-03-15");
  g_assert_true (wy_demo_write (path, 5, &today, &error));
  g_assert_no_error (error);

  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, 5);
}

static void
test_tiny (void)
{
  /* the smallest ledger still has its places and a full problem list */
  g_autoptr(WyStore) store = NULL;
  GDate today;

  store = write_and_open ("one.wuyou", 1, "2026-03-15", &today);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, 1);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMMUNITY), >=, 3);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), >=, 2);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND_TARGET), ==,
                   wy_store_count (store, WY_TABLE_TARGET));
}

static void
test_medium_size (void)
{
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GPtrArray) compounds = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_district = NULL;
  gint64 problems;
  double per_compound;
  GDate today;

  store = write_and_open ("medium.wuyou", 2000, "2028-02-29", &today);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, 2000);

  problems = wy_store_count (store, WY_TABLE_PROBLEM);
  per_compound = (double) problems / 2000.0;
  g_test_message ("%" G_GINT64_FORMAT " problems, %.2f per compound", problems, per_compound);
  g_assert_cmpfloat (per_compound, >=, 3.0);
  g_assert_cmpfloat (per_compound, <=, 5.0);

  /* ~40 compounds per community, names unique within each */
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMMUNITY), >=, 2000 / 40);
  compounds = list_all (store, WY_TABLE_COMPOUND);
  for (guint i = 0; i < compounds->len; i++)
    {
      WyRecord *compound = g_ptr_array_index (compounds, i);
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s",
                                   wy_record_get_int (compound, "community_id", 0),
                                   wy_record_get (compound, "name"));

      g_assert_false (g_hash_table_contains (names, key));
      g_hash_table_add (names, key);
    }

  /* 3 to 5 pilots in every district */
  by_district = wy_store_attainment_by (store, WY_LEVEL_DISTRICT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_district->len, >=, 1);
  {
    WyDashboard dashboard;

    g_assert_true (wy_store_get_dashboard (store, &today, WY_DEFAULT_WARNING_DAYS, &dashboard, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (dashboard.pilots, >=, 3 * by_district->len);
    g_assert_cmpuint (dashboard.pilots, <=, 5 * by_district->len);
    g_assert_cmpuint (dashboard.problems_overdue, >, 0);
    g_assert_cmpuint (dashboard.problems_due_soon, >, 0);
    g_assert_cmpuint (dashboard.attained, >, 0);
  }
}

static void
test_bad_path (void)
{
  g_autofree char *dir = wy_test_tmp_path ("no-such-folder");
  g_autofree char *path = g_build_filename (dir, "demo.wuyou", NULL);
  g_autoptr(GError) error = NULL;
  GDate today;

  wy_test_date (&today, "2026-03-15");
  g_assert_false (wy_demo_write (path, 0, &today, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == WY_STORE_ERROR);
  g_test_message ("refused: %s", error->message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/default-size", test_default_size);
  g_test_add_func ("/demo/leap-day", test_leap_day);
  g_test_add_func ("/demo/year-end", test_year_end);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/refuses-existing-ledger", test_refuses_existing_ledger);
  g_test_add_func ("/demo/empty-file-accepted", test_empty_file_accepted);
  g_test_add_func ("/demo/tiny", test_tiny);
  g_test_add_func ("/demo/medium-size", test_medium_size);
  g_test_add_func ("/demo/bad-path", test_bad_path);

  return g_test_run ();
}
