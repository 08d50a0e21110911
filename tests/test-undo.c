/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "wy-test-util.h"

static const WyTable counted[] = {
  WY_TABLE_COMPOUND, WY_TABLE_COMPOUND_TARGET, WY_TABLE_PROBLEM, WY_TABLE_PROBLEM_UPDATE,
  WY_TABLE_FUNDING, WY_TABLE_MEETING_COMPOUND, WY_TABLE_TASK_COMPOUND, WY_TABLE_INSPECTION,
  WY_TABLE_ASSISTANCE_ACTIVITY, WY_TABLE_MEETING, WY_TABLE_TASK,
};

static void
count_rows (WyStore *store,
            gint64  *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    out[i] = wy_store_count (store, counted[i]);
}

static WyStore *
demo_store (const char *name)
{
  g_autofree char *path = wy_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  WyStore *store;
  GDate today;

  wy_test_date (&today, "2026-03-15");
  g_assert_true (wy_demo_write (path, 0, &today, &error));
  g_assert_no_error (error);
  store = wy_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

/* The demo compound with the most rows hanging off it. */
static gint64
busiest_compound (WyStore *store)
{
  g_autoptr(GPtrArray) rows = wy_store_list_compound_rows (store, NULL);
  gint64 best = 0;
  guint most = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      WyCompoundRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) problems = wy_store_list (store, WY_TABLE_PROBLEM, row->id, NULL);

      if (problems->len > most)
        {
          most = problems->len;
          best = row->id;
        }
    }
  return best;
}

static void
test_delete_and_undo_compound (void)
{
  g_autoptr(WyStore) store = demo_store ("undo.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyUndo) undo = NULL;
  g_autoptr(WyRecord) before = NULL;
  g_autoptr(WyRecord) after = NULL;
  g_autoptr(WyRecord) inspection = wy_record_new (WY_TABLE_INSPECTION);
  g_autoptr(WyRecord) activity = wy_record_new (WY_TABLE_ASSISTANCE_ACTIVITY);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) problems_before = NULL;
  g_autoptr(GPtrArray) problems_after = NULL;
  gint64 counts_before[G_N_ELEMENTS (counted)];
  gint64 counts_deleted[G_N_ELEMENTS (counted)];
  gint64 counts_after[G_N_ELEMENTS (counted)];
  gint64 compound;

  compound = busiest_compound (store);
  g_assert_cmpint (compound, >, 0);

  /* Rows that only point at the compound: the delete unlinks them. */
  wy_record_set (inspection, "date", "2026-03-01");
  wy_record_set_int (inspection, "compound_id", compound);
  wy_record_set (inspection, "findings", "消防通道堵塞");
  g_assert_cmpint (wy_store_insert (store, inspection, &error), >, 0);
  units = wy_store_list (store, WY_TABLE_ASSISTANCE_UNIT, 0, &error);
  wy_record_set_int (activity, "unit_id", wy_record_get_id (g_ptr_array_index (units, 0)));
  wy_record_set (activity, "date", "2026-03-02");
  wy_record_set (activity, "description", "走访");
  wy_record_set_int (activity, "compound_id", compound);
  g_assert_cmpint (wy_store_insert (store, activity, &error), >, 0);

  before = wy_store_get (store, WY_TABLE_COMPOUND, compound, &error);
  problems_before = wy_store_list (store, WY_TABLE_PROBLEM, compound, &error);
  g_assert_cmpuint (problems_before->len, >, 0);
  count_rows (store, counts_before);

  g_assert_true (wy_store_delete_with_undo (store, WY_TABLE_COMPOUND, compound, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wy_undo_get_title (undo), ==, wy_record_get (before, "name"));
  g_assert_cmpint (wy_undo_get_table (undo), ==, WY_TABLE_COMPOUND);
  count_rows (store, counts_deleted);
  g_assert_cmpint (counts_deleted[0], ==, counts_before[0] - 1);
  g_assert_cmpint (counts_deleted[2], ==, counts_before[2] - (gint64) problems_before->len);
  g_assert_cmpint (counts_deleted[7], ==, counts_before[7]);  /* inspections stay */

  g_assert_true (wy_store_undo (store, undo, &error));
  g_assert_no_error (error);
  count_rows (store, counts_after);
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    g_assert_cmpint (counts_after[i], ==, counts_before[i]);

  after = wy_store_get (store, WY_TABLE_COMPOUND, compound, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wy_record_get_uuid (after), ==, wy_record_get_uuid (before));
  g_assert_cmpstr (wy_record_get (after, "name"), ==, wy_record_get (before, "name"));
  problems_after = wy_store_list (store, WY_TABLE_PROBLEM, compound, &error);
  g_assert_cmpuint (problems_after->len, ==, problems_before->len);
  for (guint i = 0; i < problems_after->len; i++)
    g_assert_cmpstr (wy_record_get_uuid (g_ptr_array_index (problems_after, i)), ==,
                     wy_record_get_uuid (g_ptr_array_index (problems_before, i)));

  /* The links the delete cleared point at the compound again. */
  {
    g_autoptr(WyRecord) i2 = wy_store_get (store, WY_TABLE_INSPECTION, wy_record_get_id (inspection), &error);
    g_autoptr(WyRecord) a2 = wy_store_get (store, WY_TABLE_ASSISTANCE_ACTIVITY, wy_record_get_id (activity), &error);

    g_assert_cmpint (wy_record_get_int (i2, "compound_id", 0), ==, compound);
    g_assert_cmpint (wy_record_get_int (a2, "compound_id", 0), ==, compound);
  }
}

static void
test_undo_after_name_taken_fails_cleanly (void)
{
  g_autoptr(WyStore) store = demo_store ("undo-clash.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyUndo) undo = NULL;
  g_autoptr(WyRecord) before = NULL;
  g_autoptr(WyRecord) twin = NULL;
  gint64 compound = busiest_compound (store);
  gint64 problems;

  before = wy_store_get (store, WY_TABLE_COMPOUND, compound, &error);
  g_assert_true (wy_store_delete_with_undo (store, WY_TABLE_COMPOUND, compound, &undo, &error));
  problems = wy_store_count (store, WY_TABLE_PROBLEM);

  /* Someone made a compound of the same name meanwhile. */
  twin = wy_record_new (WY_TABLE_COMPOUND);
  wy_record_set (twin, "community_id", wy_record_get (before, "community_id"));
  wy_record_set (twin, "name", wy_record_get (before, "name"));
  wy_record_set (twin, "category", WY_CATEGORY_SELF_MANAGED);
  g_assert_cmpint (wy_store_insert (store, twin, &error), >, 0);

  g_assert_false (wy_store_undo (store, undo, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT);
  /* Nothing half-restored. */
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, problems);
}

static void
test_save_copy (void)
{
  g_autoptr(WyStore) store = demo_store ("original.wuyou");
  g_autofree char *copy_path = wy_test_tmp_path ("copy.wuyou");
  g_autofree char *taken = wy_test_tmp_path ("taken.wuyou");
  g_autofree char *nowhere = wy_test_tmp_path ("no-such-folder/copy.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyStore) copy = NULL;
  g_autoptr(GBytes) taken_before = NULL;
  g_autoptr(GBytes) taken_after = NULL;

  g_assert_true (wy_store_save_copy (store, copy_path, &error));
  g_assert_no_error (error);
  copy = wy_store_open (copy_path, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < WY_N_TABLES; t++)
    g_assert_cmpint (wy_store_count (copy, t), ==, wy_store_count (store, t));

  g_assert_true (g_file_set_contents (taken, "keep me", -1, NULL));
  taken_before = wy_test_read_file (taken);
  g_assert_false (wy_store_save_copy (store, taken, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  taken_after = wy_test_read_file (taken);
  g_assert_true (g_bytes_equal (taken_before, taken_after));

  g_assert_false (wy_store_save_copy (store, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

/* --- The history of changes: undo and redo of every kind of write ------- */

static gint64
first_problem (WyStore *store,
               gint64   compound)
{
  g_autoptr(GPtrArray) problems = wy_store_list (store, WY_TABLE_PROBLEM, compound, NULL);

  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);
  return wy_record_get_id (g_ptr_array_index (problems, 0));
}

static char *
field_of (WyStore    *store,
          WyTable     table,
          gint64      id,
          const char *field)
{
  g_autoptr(WyRecord) record = wy_store_get (store, table, id, NULL);

  g_assert_nonnull (record);
  return g_strdup (wy_record_get (record, field));
}

static void
undo_ok (WyStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wy_store_undo_last (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
redo_ok (WyStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wy_store_redo_last (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static guint signals_seen;

static void
on_undo_changed_cb (WyStore  *store,
                    gpointer  data)
{
  signals_seen++;
}

static void
test_history_field_edit (void)
{
  g_autoptr(WyStore) store = demo_store ("history-edit.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *before = NULL;
  g_autofree char *value = NULL;
  gint64 compound = busiest_compound (store);
  WyAuditEntry *entry;

  /* A ledger just opened has nothing to undo, and says so. */
  g_assert_null (wy_store_get_undo_title (store));
  g_assert_null (wy_store_get_redo_title (store));
  g_assert_false (wy_store_undo_last (store, NULL, NULL, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  signals_seen = 0;
  g_signal_connect (store, WY_STORE_SIGNAL_UNDO_CHANGED, G_CALLBACK (on_undo_changed_cb), NULL);

  before = field_of (store, WY_TABLE_COMPOUND, compound, "households");
  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, compound, "households", "6", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wy_store_get_undo_title (store), ==, "Edit of Households");
  g_assert_cmpuint (signals_seen, ==, 1);

  undo_ok (store);
  value = field_of (store, WY_TABLE_COMPOUND, compound, "households");
  g_assert_cmpstr (value, ==, before);
  g_assert_null (wy_store_get_undo_title (store));
  g_assert_cmpstr (wy_store_get_redo_title (store), ==, "Edit of Households");

  /* The undo is audited like any write: back from 6 to what it was. */
  audit = wy_store_list_audit (store, 1, &error);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->field, ==, "households");
  g_assert_cmpstr (entry->old_value, ==, "6");
  g_assert_cmpstr (entry->new_value, ==, before);

  redo_ok (store);
  g_clear_pointer (&value, g_free);
  value = field_of (store, WY_TABLE_COMPOUND, compound, "households");
  g_assert_cmpstr (value, ==, "6");
  g_assert_cmpstr (wy_store_get_undo_title (store), ==, "Edit of Households");
  g_assert_null (wy_store_get_redo_title (store));

  /* A new change after an undo: nothing left to redo. */
  undo_ok (store);
  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, compound, "residents", "20", &error));
  g_assert_null (wy_store_get_redo_title (store));
  g_assert_cmpstr (wy_store_get_undo_title (store), ==, "Edit of Residents");
}

static void
test_history_insert_and_delete (void)
{
  g_autoptr(WyStore) store = demo_store ("history-rows.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) problem = wy_record_new (WY_TABLE_PROBLEM);
  g_autoptr(WyRecord) deleted = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  gint64 compound = busiest_compound (store);
  gint64 problems = wy_store_count (store, WY_TABLE_PROBLEM);
  gint64 n_updates = wy_store_count (store, WY_TABLE_PROBLEM_UPDATE);
  gint64 id, victim;
  WyTable table;

  wy_record_set_int (problem, "compound_id", compound);
  wy_record_set (problem, "category", "other");
  wy_record_set (problem, "description", "路灯不亮");
  wy_record_set (problem, "status", WY_PROBLEM_PENDING);
  wy_record_set (problem, "responsible_unit", "社区居委会");
  wy_record_set (problem, "deadline", "2026-06-30");
  id = wy_store_insert (store, problem, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wy_store_get_undo_title (store), ==, "Addition of “路灯不亮”");

  undo_ok (store);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, problems);
  redo_ok (store);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, problems + 1);
  g_clear_pointer (&deleted, wy_record_unref);
  deleted = wy_store_get (store, WY_TABLE_PROBLEM, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wy_record_get_uuid (deleted), ==, wy_record_get_uuid (problem));

  /* A plain delete takes the item's progress with it, and undo brings
   * all of it back. */
  victim = first_problem (store, compound);
  updates = wy_store_list (store, WY_TABLE_PROBLEM_UPDATE, victim, &error);
  g_clear_pointer (&deleted, wy_record_unref);
  deleted = wy_store_get (store, WY_TABLE_PROBLEM, victim, &error);
  g_assert_true (wy_store_delete (store, WY_TABLE_PROBLEM, victim, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM_UPDATE), ==, n_updates - (gint64) updates->len);
  {
    g_autofree char *expected = g_strdup_printf ("Deletion of “%s”", wy_record_get (deleted, "description"));

    g_assert_cmpstr (wy_store_get_undo_title (store), ==, expected);
  }

  g_assert_true (wy_store_undo_last (store, &table, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (table, ==, WY_TABLE_PROBLEM);
  g_assert_cmpint (id, ==, victim);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM_UPDATE), ==, n_updates);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, problems + 1);

  redo_ok (store);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, problems);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM_UPDATE), ==, n_updates - (gint64) updates->len);

  /* In order: undo the delete, then the addition. */
  undo_ok (store);
  undo_ok (store);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, problems);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM_UPDATE), ==, n_updates);
  g_assert_null (wy_store_get_undo_title (store));
}

static void
test_history_sign_off_and_notes (void)
{
  g_autoptr(WyStore) store = demo_store ("history-sign-off.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) problem = NULL;
  g_autoptr(WyRecord) now = NULL;
  g_autofree char *expected = NULL;
  gint64 compound = busiest_compound (store);
  gint64 id = first_problem (store, compound);
  gint64 n_updates = wy_store_count (store, WY_TABLE_PROBLEM_UPDATE);
  GDate today;

  wy_test_date (&today, "2026-03-15");
  problem = wy_store_get (store, WY_TABLE_PROBLEM, id, &error);
  if (g_strcmp0 (wy_record_get (problem, "status"), WY_PROBLEM_SIGNED_OFF) == 0)
    {
      g_assert_true (wy_problem_reopen (store, id, &today, NULL, &error));
      wy_store_clear_undo (store);
      g_clear_pointer (&problem, wy_record_unref);
      problem = wy_store_get (store, WY_TABLE_PROBLEM, id, &error);
      n_updates = wy_store_count (store, WY_TABLE_PROBLEM_UPDATE);
    }

  /* Progress note */
  g_assert_cmpint (wy_problem_add_update (store, id, "2026-03-15", "已联系施工队", &error), >, 0);
  expected = g_strdup_printf ("Progress Note on “%s”", wy_record_get (problem, "description"));
  g_assert_cmpstr (wy_store_get_undo_title (store), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* Sign-off */
  g_assert_true (wy_problem_sign_off (store, id, "2026-03-15", "王工", &today, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("Sign-off of “%s”", wy_record_get (problem, "description"));
  g_assert_cmpstr (wy_store_get_undo_title (store), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* Reopen: the status and the note it leaves are one step. */
  g_assert_true (wy_problem_reopen (store, id, &today, "返工", &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("Reopening of “%s”", wy_record_get (problem, "description"));
  g_assert_cmpstr (wy_store_get_undo_title (store), ==, expected);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM_UPDATE), ==, n_updates + 2);

  undo_ok (store);
  now = wy_store_get (store, WY_TABLE_PROBLEM, id, &error);
  g_assert_cmpstr (wy_record_get (now, "status"), ==, WY_PROBLEM_SIGNED_OFF);
  g_assert_cmpstr (wy_record_get (now, "verifier"), ==, "王工");
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM_UPDATE), ==, n_updates + 1);

  undo_ok (store);
  g_clear_pointer (&now, wy_record_unref);
  now = wy_store_get (store, WY_TABLE_PROBLEM, id, &error);
  g_assert_cmpstr (wy_record_get (now, "status"), ==, wy_record_get (problem, "status"));
  g_assert_null (wy_record_get (now, "verifier"));

  undo_ok (store);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM_UPDATE), ==, n_updates);
  g_assert_null (wy_store_get_undo_title (store));

  /* and all three again, in order */
  redo_ok (store);
  redo_ok (store);
  redo_ok (store);
  g_clear_pointer (&now, wy_record_unref);
  now = wy_store_get (store, WY_TABLE_PROBLEM, id, &error);
  g_assert_cmpstr (wy_record_get (now, "status"), ==, WY_PROBLEM_IN_PROGRESS);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM_UPDATE), ==, n_updates + 2);
}

static void
test_history_plan_shift (void)
{
  g_autofree char *path = wy_test_tmp_path ("history-plan.wuyou");
  g_autoptr(WyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GDate start, new_start, back;

  wy_test_date (&start, "2026-01-01");
  store = wy_store_create (path, &start, &error);
  g_assert_no_error (error);
  /* The plan a new ledger comes with is not the user's to undo. */
  g_assert_null (wy_store_get_undo_title (store));

  wy_test_date (&new_start, "2026-03-01");
  g_assert_true (wy_store_shift_plan (store, &new_start, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wy_store_get_undo_title (store), ==, "Plan Shift");

  undo_ok (store);
  g_assert_true (wy_store_get_plan_start (store, &back));
  g_assert_cmpint (g_date_compare (&back, &start), ==, 0);

  redo_ok (store);
  g_assert_true (wy_store_get_plan_start (store, &back));
  g_assert_cmpint (g_date_compare (&back, &new_start), ==, 0);
}

static void
test_history_nested_in_transaction (void)
{
  g_autoptr(WyStore) store = demo_store ("history-nested.wuyou");
  g_autoptr(GError) error = NULL;
  g_autofree char *households = NULL;
  g_autofree char *residents = NULL;
  g_autofree char *value = NULL;
  gint64 compound = busiest_compound (store);

  households = field_of (store, WY_TABLE_COMPOUND, compound, "households");
  residents = field_of (store, WY_TABLE_COMPOUND, compound, "residents");

  /* A transaction with a titled change inside, and a nested one that is
   * cancelled: one step, named by its title, without the cancelled part. */
  g_assert_true (wy_store_begin (store, &error));
  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, compound, "households", "7", &error));
  g_assert_true (wy_store_change_begin (store, "Survey", &error));
  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, compound, "residents", "21", &error));
  g_assert_true (wy_store_change_begin (store, NULL, &error));
  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, compound, "notes", "cancelled", &error));
  wy_store_change_cancel (store);
  g_assert_true (wy_store_change_end (store, &error));
  g_assert_true (wy_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (wy_store_get_undo_title (store), ==, "Survey");
  value = field_of (store, WY_TABLE_COMPOUND, compound, "notes");
  g_assert_cmpstr (value, !=, "cancelled");

  undo_ok (store);
  g_clear_pointer (&value, g_free);
  value = field_of (store, WY_TABLE_COMPOUND, compound, "households");
  g_assert_cmpstr (value, ==, households);
  g_clear_pointer (&value, g_free);
  value = field_of (store, WY_TABLE_COMPOUND, compound, "residents");
  g_assert_cmpstr (value, ==, residents);
  g_assert_null (wy_store_get_undo_title (store));

  /* A transaction rolled back leaves nothing to undo. */
  g_assert_true (wy_store_begin (store, &error));
  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, compound, "households", "8", &error));
  wy_store_rollback (store);
  g_assert_cmpstr (wy_store_get_undo_title (store), ==, NULL);
  g_assert_cmpstr (wy_store_get_redo_title (store), ==, "Survey");
}

static void
test_history_refuses_to_overwrite (void)
{
  g_autoptr(WyStore) store = demo_store ("history-conflict.wuyou");
  g_autofree char *path = g_strdup (wy_store_get_path (store));
  g_autoptr(WyStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit_before = NULL;
  g_autoptr(GPtrArray) audit_after = NULL;
  g_autofree char *value = NULL;
  gint64 compound = busiest_compound (store);

  g_assert_true (wy_store_update_field (store, WY_TABLE_COMPOUND, compound, "households", "6", &error));

  /* Someone else changes the same field afterwards. */
  other = wy_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (wy_store_update_field (other, WY_TABLE_COMPOUND, compound, "households", "9", &error));

  audit_before = wy_store_list_audit (store, 0, &error);
  g_assert_false (wy_store_undo_last (store, NULL, NULL, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "changed since"));
  g_clear_error (&error);

  /* Nothing written, and the step stays to be undone. */
  value = field_of (store, WY_TABLE_COMPOUND, compound, "households");
  g_assert_cmpstr (value, ==, "9");
  audit_after = wy_store_list_audit (store, 0, &error);
  g_assert_cmpuint (audit_after->len, ==, audit_before->len);
  g_assert_cmpstr (wy_store_get_undo_title (store), ==, "Edit of Households");

  /* A change to another field of the row is no obstacle. */
  g_assert_true (wy_store_update_field (other, WY_TABLE_COMPOUND, compound, "households", "6", &error));
  g_assert_true (wy_store_update_field (other, WY_TABLE_COMPOUND, compound, "residents", "22", &error));
  undo_ok (store);
}

static void
test_history_legacy_undo_once (void)
{
  g_autoptr(WyStore) store = demo_store ("history-legacy.wuyou");
  g_autoptr(GError) error = NULL;
  g_autoptr(WyUndo) undo = NULL;
  gint64 compound = busiest_compound (store);
  gint64 compounds = wy_store_count (store, WY_TABLE_COMPOUND);

  /* A page's own "Undo" of its delete and the window's undo are one. */
  g_assert_true (wy_store_delete_with_undo (store, WY_TABLE_COMPOUND, compound, &undo, &error));
  g_assert_nonnull (wy_store_get_undo_title (store));
  g_assert_true (wy_store_undo (store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, compounds);
  g_assert_null (wy_store_get_undo_title (store));
  g_assert_nonnull (wy_store_get_redo_title (store));

  redo_ok (store);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, compounds - 1);
  undo_ok (store);
  g_assert_cmpint (wy_store_count (store, WY_TABLE_COMPOUND), ==, compounds);

  /* Redoing the delete would now take a note added since: refused. */
  {
    g_autoptr(WyStore) other = wy_store_open (wy_store_get_path (store), &error);
    gint64 problem = first_problem (store, compound);
    gint64 problems = wy_store_count (store, WY_TABLE_PROBLEM);

    g_assert_no_error (error);
    g_assert_cmpint (wy_problem_add_update (other, problem, "2026-03-15", "又漏水了", &error), >, 0);
    g_assert_false (wy_store_redo_last (store, NULL, NULL, &error));
    g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED);
    g_assert_cmpint (wy_store_count (store, WY_TABLE_PROBLEM), ==, problems);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/delete-and-undo-compound", test_delete_and_undo_compound);
  g_test_add_func ("/undo/undo-after-name-taken-fails-cleanly", test_undo_after_name_taken_fails_cleanly);
  g_test_add_func ("/undo/save-copy", test_save_copy);
  g_test_add_func ("/undo/history/field-edit", test_history_field_edit);
  g_test_add_func ("/undo/history/insert-and-delete", test_history_insert_and_delete);
  g_test_add_func ("/undo/history/sign-off-and-notes", test_history_sign_off_and_notes);
  g_test_add_func ("/undo/history/plan-shift", test_history_plan_shift);
  g_test_add_func ("/undo/history/nested-in-transaction", test_history_nested_in_transaction);
  g_test_add_func ("/undo/history/refuses-to-overwrite", test_history_refuses_to_overwrite);
  g_test_add_func ("/undo/history/legacy-undo-once", test_history_legacy_undo_once);

  return g_test_run ();
}
