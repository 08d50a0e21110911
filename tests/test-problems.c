/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "wy-test-util.h"

typedef struct {
  WyStore *store;
  gint64   problem;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = wy_test_tmp_path (data);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "示范区", "青松街道", "东门社区" };
  const WyTable tables[] = { WY_TABLE_DISTRICT, WY_TABLE_STREET, WY_TABLE_COMMUNITY };
  const char *parents[] = { NULL, "district_id", "street_id" };
  gint64 parent = 0;
  g_autoptr(WyRecord) compound = wy_record_new (WY_TABLE_COMPOUND);
  g_autoptr(WyRecord) problem = wy_record_new (WY_TABLE_PROBLEM);

  f->store = wy_store_create (path, NULL, &error);
  g_assert_no_error (error);
  wy_store_set_operator (f->store, "王芳");

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(WyRecord) record = wy_record_new (tables[i]);

      if (parents[i] != NULL)
        wy_record_set_int (record, parents[i], parent);
      wy_record_set (record, "name", names[i]);
      parent = wy_store_insert (f->store, record, &error);
      g_assert_no_error (error);
    }

  wy_record_set_int (compound, "community_id", parent);
  wy_record_set (compound, "name", "纺织厂宿舍");
  wy_record_set (compound, "category", WY_CATEGORY_THREE_NONE);
  wy_store_insert (f->store, compound, &error);
  g_assert_no_error (error);

  wy_record_set_int (problem, "compound_id", wy_record_get_id (compound));
  wy_record_set (problem, "category", "safety");
  wy_record_set (problem, "description", "3栋楼道照明损坏");
  wy_record_set (problem, "raised_date", "2026-03-01");
  wy_record_set (problem, "deadline", "2026-03-31");
  wy_record_set (problem, "status", WY_PROBLEM_IN_PROGRESS);
  f->problem = wy_store_insert (f->store, problem, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static void
test_updates_accumulate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  WyRecord *first;

  g_assert_cmpint (wy_problem_add_update (f->store, f->problem, "2026-03-05", "已联系供电所", &error), >, 0);
  g_assert_cmpint (wy_problem_add_update (f->store, f->problem, "2026-03-09", "  已更换灯具  ", &error), >, 0);
  g_assert_no_error (error);

  updates = wy_store_list (f->store, WY_TABLE_PROBLEM_UPDATE, f->problem, &error);
  g_assert_cmpuint (updates->len, ==, 2);
  first = g_ptr_array_index (updates, 0);
  g_assert_cmpstr (wy_record_get (first, "text"), ==, "已联系供电所");
  g_assert_cmpstr (wy_record_get (first, "author"), ==, "王芳");
  g_assert_cmpstr (wy_record_get (g_ptr_array_index (updates, 1), "text"), ==, "已更换灯具");

  /* Empty text and a bad date are refused, nothing written. */
  g_assert_cmpint (wy_problem_add_update (f->store, f->problem, "2026-03-10", "   ", &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (wy_problem_add_update (f->store, f->problem, "2026-02-30", "x", &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (wy_store_count (f->store, WY_TABLE_PROBLEM_UPDATE), ==, 2);
}

static void
test_sign_off_needs_date_and_verifier (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) problem = NULL;

  GDate today;

  wy_test_date (&today, "2026-04-02");
  g_assert_false (wy_problem_sign_off (f->store, f->problem, "2026-03-20", "  ", &today, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wy_problem_sign_off (f->store, f->problem, "20.3.2026", "李强", &today, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  problem = wy_store_get (f->store, WY_TABLE_PROBLEM, f->problem, &error);
  g_assert_cmpstr (wy_record_get (problem, "status"), ==, WY_PROBLEM_IN_PROGRESS);
  g_clear_pointer (&problem, wy_record_unref);

  g_assert_true (wy_problem_sign_off (f->store, f->problem, "2026-03-20", "李强", &today, &error));
  g_assert_no_error (error);
  problem = wy_store_get (f->store, WY_TABLE_PROBLEM, f->problem, &error);
  g_assert_cmpstr (wy_record_get (problem, "status"), ==, WY_PROBLEM_SIGNED_OFF);
  g_assert_cmpstr (wy_record_get (problem, "signed_off_date"), ==, "2026-03-20");
  g_assert_cmpstr (wy_record_get (problem, "verifier"), ==, "李强");

  /* Setting the status by hand cannot skip the rule either. */
  g_assert_false (wy_store_update_field (f->store, WY_TABLE_PROBLEM, f->problem, "verifier", "", &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
}

static void
test_reopen_is_recorded (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) problem = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  WyRecord *note;
  GDate today;
  gboolean saw_status_change = FALSE;

  wy_test_date (&today, "2026-04-02");
  g_assert_false (wy_problem_reopen (f->store, f->problem, &today, "x", &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (wy_problem_sign_off (f->store, f->problem, "2026-03-20", "李强", &today, &error));
  g_assert_true (wy_problem_reopen (f->store, f->problem, &today, "灯具再次损坏", &error));
  g_assert_no_error (error);

  problem = wy_store_get (f->store, WY_TABLE_PROBLEM, f->problem, &error);
  g_assert_cmpstr (wy_record_get (problem, "status"), ==, WY_PROBLEM_IN_PROGRESS);
  g_assert_null (wy_record_get (problem, "signed_off_date"));
  g_assert_null (wy_record_get (problem, "verifier"));

  updates = wy_store_list (f->store, WY_TABLE_PROBLEM_UPDATE, f->problem, &error);
  g_assert_cmpuint (updates->len, ==, 1);
  note = g_ptr_array_index (updates, 0);
  g_assert_cmpstr (wy_record_get (note, "date"), ==, "2026-04-02");
  g_assert_nonnull (strstr (wy_record_get (note, "text"), "2026-03-20"));
  g_assert_nonnull (strstr (wy_record_get (note, "text"), "李强"));
  g_assert_nonnull (strstr (wy_record_get (note, "text"), "灯具再次损坏"));

  audit = wy_store_list_audit (f->store, 10, &error);
  for (guint i = 0; i < audit->len; i++)
    {
      WyAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_strcmp0 (entry->field, "status") == 0 &&
          g_strcmp0 (entry->old_value, WY_PROBLEM_SIGNED_OFF) == 0)
        saw_status_change = TRUE;
    }
  g_assert_true (saw_status_change);
}

/* The sign-off date lies between the day the item was raised and today,
 * both included (issue 12, point 5). */
static void
test_sign_off_date_bounds (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  wy_test_date (&today, "2026-03-20");

  /* The rule at its edges: raised 2026-03-01 (fixture), today 03-20. */
  g_assert_true (wy_problem_check_sign_off_date ("2026-03-01", "2026-03-20", &today, &error));
  g_assert_no_error (error);
  g_assert_true (wy_problem_check_sign_off_date ("2026-03-01", "2026-03-01", &today, &error));
  g_assert_no_error (error);
  g_assert_false (wy_problem_check_sign_off_date ("2026-03-01", "2026-03-21", &today, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wy_problem_check_sign_off_date ("2026-03-01", "2026-02-28", &today, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-03-01"));
  g_clear_error (&error);
  /* An old item with no raised date: only the future is refused. */
  g_assert_true (wy_problem_check_sign_off_date (NULL, "2020-01-01", &today, &error));
  g_assert_no_error (error);
  /* 29 February of a leap year as today. */
  wy_test_date (&today, "2028-02-29");
  g_assert_true (wy_problem_check_sign_off_date ("2028-02-01", "2028-02-29", &today, &error));
  g_assert_false (wy_problem_check_sign_off_date ("2028-02-01", "2028-03-01", &today, &error));
  g_clear_error (&error);

  /* And signing off keeps it: tomorrow is refused, nothing written. */
  wy_test_date (&today, "2026-03-20");
  g_assert_false (wy_problem_sign_off (f->store, f->problem, "2026-03-21", "李强", &today, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wy_problem_sign_off (f->store, f->problem, "2026-02-28", "李强", &today, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (wy_problem_sign_off (f->store, f->problem, "2026-03-20", "李强", &today, &error));
  g_assert_no_error (error);
}

static void
test_deadline_before_raised (void)
{
  g_assert_true (wy_problem_deadline_before_raised ("2026-03-10", "2026-03-09"));
  g_assert_false (wy_problem_deadline_before_raised ("2026-03-10", "2026-03-10"));
  g_assert_false (wy_problem_deadline_before_raised ("2026-03-10", "2026-03-11"));
  g_assert_false (wy_problem_deadline_before_raised (NULL, "2026-03-11"));
  g_assert_false (wy_problem_deadline_before_raised ("2026-03-10", "soon"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/problems/updates-accumulate", Fixture, "updates.wuyou",
              fixture_set_up, test_updates_accumulate, fixture_tear_down);
  g_test_add ("/problems/sign-off-needs-date-and-verifier", Fixture, "sign-off.wuyou",
              fixture_set_up, test_sign_off_needs_date_and_verifier, fixture_tear_down);
  g_test_add ("/problems/reopen-is-recorded", Fixture, "reopen.wuyou",
              fixture_set_up, test_reopen_is_recorded, fixture_tear_down);
  g_test_add_func ("/problems/deadline-before-raised", test_deadline_before_raised);
  g_test_add ("/problems/sign-off-date-bounds", Fixture, "sign-off-bounds.wuyou",
              fixture_set_up, test_sign_off_date_bounds, fixture_tear_down);

  return g_test_run ();
}
