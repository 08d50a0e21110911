/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/delete-and-undo-compound", test_delete_and_undo_compound);
  g_test_add_func ("/undo/undo-after-name-taken-fails-cleanly", test_undo_after_name_taken_fails_cleanly);
  g_test_add_func ("/undo/save-copy", test_save_copy);

  return g_test_run ();
}
