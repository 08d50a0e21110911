/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-test-util.h"

typedef struct {
  WyStore *store;
  gint64   community;
  gint64   targets[3];   /* the last one inactive */
} Ledger;

static void
ledger_open (Ledger     *ledger,
             const char *basename)
{
  g_autofree char *path = wy_test_tmp_path (basename);
  g_autoptr(GError) error = NULL;
  gint64 district, street;

  ledger->store = wy_store_create_empty (path, &error);
  g_assert_no_error (error);
  wy_store_set_operator (ledger->store, "测试员");

  district = wy_test_add_named (ledger->store, WY_TABLE_DISTRICT, NULL, 0, "城区");
  street = wy_test_add_named (ledger->store, WY_TABLE_STREET, "district_id", district, "东街道");
  ledger->community = wy_test_add_named (ledger->store, WY_TABLE_COMMUNITY, "street_id", street, "一社区");
  for (guint i = 0; i < G_N_ELEMENTS (ledger->targets); i++)
    {
      WyRecord *target = wy_record_new (WY_TABLE_TARGET);
      g_autofree char *name = g_strdup_printf ("目标 %u", i + 1);

      wy_record_set_int (target, "ordinal", i + 1);
      wy_record_set (target, "name", name);
      wy_record_set_int (target, "active", i + 1 < G_N_ELEMENTS (ledger->targets));
      ledger->targets[i] = wy_test_insert (ledger->store, target);
    }
  wy_store_clear_undo (ledger->store);
}

static void
ledger_close (Ledger *ledger)
{
  g_clear_object (&ledger->store);
}

static void
assert_statuses_not_met (WyStore *store,
                         gint64   compound,
                         guint    n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = wy_store_list (store, WY_TABLE_COMPOUND_TARGET, compound, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, ==, n_expected);
  for (guint i = 0; i < statuses->len; i++)
    g_assert_cmpstr (wy_record_get (g_ptr_array_index (statuses, i), "status"), ==, WY_TARGET_NOT_MET);
}

/* The compound, trimmed, with "not met" for each active target only;
 * one undo step takes all of it back, one redo brings it again. */
static void
test_add_compound_with_targets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) compound = NULL;
  Ledger ledger;
  gint64 id;

  ledger_open (&ledger, "add-compound.wuyou");

  id = wy_compound_add_with_targets (ledger.store, "  幸福小区  ", ledger.community,
                                     WY_CATEGORY_THREE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  compound = wy_store_get (ledger.store, WY_TABLE_COMPOUND, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wy_record_get (compound, "name"), ==, "幸福小区");
  g_assert_cmpint (wy_record_get_int (compound, "community_id", 0), ==, ledger.community);
  assert_statuses_not_met (ledger.store, id, 2);

  g_assert_cmpstr (wy_store_get_undo_title (ledger.store), ==, "Addition of “幸福小区”");
  g_assert_true (wy_store_undo_last (ledger.store, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND), ==, 0);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND_TARGET), ==, 0);

  g_assert_true (wy_store_redo_last (ledger.store, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND), ==, 1);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND_TARGET), ==, 2);

  ledger_close (&ledger);
}

/* A refused compound leaves nothing behind, alone or inside a larger
 * change, and the larger change goes on. */
static void
test_add_compound_refused (void)
{
  g_autoptr(GError) error = NULL;
  Ledger ledger;

  ledger_open (&ledger, "add-compound-refused.wuyou");

  g_assert_cmpint (wy_compound_add_with_targets (ledger.store, "   ", ledger.community,
                                                 WY_CATEGORY_THREE_NONE, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (wy_compound_add_with_targets (ledger.store, "无社区", 0,
                                                 WY_CATEGORY_THREE_NONE, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND), ==, 0);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND_TARGET), ==, 0);
  g_assert_null (wy_store_get_undo_title (ledger.store));

  g_assert_true (wy_store_change_begin (ledger.store, "Import", &error));
  g_assert_cmpint (wy_compound_add_with_targets (ledger.store, "甲", ledger.community,
                                                 WY_CATEGORY_SELF_MANAGED, &error), >, 0);
  /* The same name in the same community: refused by UNIQUE. */
  g_assert_cmpint (wy_compound_add_with_targets (ledger.store, "甲", ledger.community,
                                                 WY_CATEGORY_SELF_MANAGED, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (wy_compound_add_with_targets (ledger.store, "乙", ledger.community,
                                                 WY_CATEGORY_SELF_MANAGED, &error), >, 0);
  g_assert_true (wy_store_change_end (ledger.store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND), ==, 2);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND_TARGET), ==, 4);
  ledger_close (&ledger);
}

/* An import: many calls inside one transaction and one change, undone as
 * one step. */
static void
test_add_compounds_nested (void)
{
  g_autoptr(GError) error = NULL;
  Ledger ledger;

  ledger_open (&ledger, "add-compounds-nested.wuyou");

  g_assert_true (wy_store_begin (ledger.store, &error));
  g_assert_true (wy_store_change_begin (ledger.store, "Import", &error));
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("小区 %u", i);

      g_assert_cmpint (wy_compound_add_with_targets (ledger.store, name, ledger.community,
                                                     WY_CATEGORY_THREE_NONE, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (wy_store_change_end (ledger.store, &error));
  g_assert_true (wy_store_commit (ledger.store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND), ==, 500);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND_TARGET), ==, 1000);
  g_assert_cmpstr (wy_store_get_undo_title (ledger.store), ==, "Import");

  g_assert_true (wy_store_undo_last (ledger.store, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND), ==, 0);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND_TARGET), ==, 0);
  g_assert_null (wy_store_get_undo_title (ledger.store));

  /* A rolled-back transaction leaves nothing either. */
  g_assert_true (wy_store_begin (ledger.store, &error));
  g_assert_cmpint (wy_compound_add_with_targets (ledger.store, "丙", ledger.community,
                                                 WY_CATEGORY_THREE_NONE, &error), >, 0);
  wy_store_rollback (ledger.store);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND), ==, 0);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_COMPOUND_TARGET), ==, 0);

  ledger_close (&ledger);
}

static gint64
add_task (WyStore    *store,
          const char *status)
{
  WyRecord *task = wy_record_new (WY_TABLE_TASK);

  wy_record_set (task, "title", "建立业主委员会");
  wy_record_set (task, "status", status);
  wy_record_set_int (task, "progress", 0);
  return wy_test_insert (store, task);
}

static void
assert_task (WyStore    *store,
             gint64      id,
             const char *status,
             gint64      progress)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) task = wy_store_get (store, WY_TABLE_TASK, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (wy_record_get (task, "status"), ==, status);
  g_assert_cmpint (wy_record_get_int (task, "progress", -1), ==, progress);
}

/* The progress-note-to-status rule: a note above 0 % starts a task not
 * started; 0 % leaves it; a task in progress or done keeps its status. */
static void
test_record_progress (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) note = NULL;
  Ledger ledger;
  gint64 not_started, zero, done, note_id;
  GDate today;

  ledger_open (&ledger, "task-progress.wuyou");
  wy_test_date (&today, "2024-02-29");
  not_started = add_task (ledger.store, WY_TASK_NOT_STARTED);
  zero = add_task (ledger.store, WY_TASK_NOT_STARTED);
  done = add_task (ledger.store, WY_TASK_DONE);
  wy_store_clear_undo (ledger.store);

  note_id = wy_task_record_progress (ledger.store, not_started, "  召开动员会  ", 30, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (note_id, >, 0);
  assert_task (ledger.store, not_started, WY_TASK_IN_PROGRESS, 30);
  note = wy_store_get (ledger.store, WY_TABLE_TASK_NOTE, note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wy_record_get (note, "text"), ==, "召开动员会");
  g_assert_cmpstr (wy_record_get (note, "date"), ==, "2024-02-29");
  g_assert_cmpstr (wy_record_get (note, "author"), ==, "测试员");
  g_assert_cmpint (wy_record_get_int (note, "progress", -1), ==, 30);
  g_assert_cmpint (wy_record_get_int (note, "task_id", 0), ==, not_started);

  /* One step: the note, the progress and the status go back together. */
  g_assert_true (wy_store_undo_last (ledger.store, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_task (ledger.store, not_started, WY_TASK_NOT_STARTED, 0);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_TASK_NOTE), ==, 0);

  g_assert_cmpint (wy_task_record_progress (ledger.store, zero, "调研", 0, &today, &error), >, 0);
  g_assert_no_error (error);
  assert_task (ledger.store, zero, WY_TASK_NOT_STARTED, 0);

  g_assert_cmpint (wy_task_record_progress (ledger.store, done, "补充材料", 60, &today, &error), >, 0);
  g_assert_no_error (error);
  assert_task (ledger.store, done, WY_TASK_DONE, 60);

  g_assert_cmpint (wy_task_record_progress (ledger.store, zero, "   ", 10, &today, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (wy_task_record_progress (ledger.store, zero, "过头", 101, &today, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (wy_task_record_progress (ledger.store, zero, "负数", -1, &today, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (wy_task_record_progress (ledger.store, 0, "无任务", 10, &today, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (wy_task_record_progress (ledger.store, 9999, "不存在", 10, &today, &error), ==, 0);
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  assert_task (ledger.store, zero, WY_TASK_NOT_STARTED, 0);
  g_assert_cmpint (wy_store_count (ledger.store, WY_TABLE_TASK_NOTE), ==, 2);

  /* Inside a larger change: part of its one step. */
  g_assert_true (wy_store_change_begin (ledger.store, "Batch", &error));
  g_assert_cmpint (wy_task_record_progress (ledger.store, zero, "一", 20, &today, &error), >, 0);
  g_assert_cmpint (wy_task_record_progress (ledger.store, zero, "二", 40, &today, &error), >, 0);
  g_assert_true (wy_store_change_end (ledger.store, &error));
  g_assert_no_error (error);
  assert_task (ledger.store, zero, WY_TASK_IN_PROGRESS, 40);
  g_assert_cmpstr (wy_store_get_undo_title (ledger.store), ==, "Batch");
  g_assert_true (wy_store_undo_last (ledger.store, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_task (ledger.store, zero, WY_TASK_NOT_STARTED, 0);

  ledger_close (&ledger);
}

typedef struct {
  WyTable     table;
  gint64      id;
  WyRowChange kind;
  gint64      parent_id;
} Told;

static void
on_row_committed_cb (WyStore *store,
                     int      table,
                     gint64   id,
                     int      kind,
                     gint64   parent_id,
                     GArray  *told)
{
  Told t = { table, id, kind, parent_id };

  g_array_append_val (told, t);
}

static void
on_row_changed_cb (WyStore *store,
                   int      table,
                   gint64   id,
                   guint   *count)
{
  (*count)++;
}

static void
assert_told (GArray      *told,
             guint        index,
             WyTable      table,
             gint64       id,
             WyRowChange  kind,
             gint64       parent_id)
{
  const Told *t;

  g_assert_cmpuint (index, <, told->len);
  t = &g_array_index (told, Told, index);
  g_assert_cmpint (t->table, ==, table);
  if (id != 0)
    g_assert_cmpint (t->id, ==, id);
  g_assert_cmpint (t->kind, ==, kind);
  g_assert_cmpint (t->parent_id, ==, parent_id);
}

/* Rows written are told once committed, with what happened and under
 * which parent; nothing of what a rollback or a cancelled change took
 * back; "row-committed::compound" hears compounds only. */
static void
test_row_committed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) told = g_array_new (FALSE, FALSE, sizeof (Told));
  g_autoptr(GArray) compounds = g_array_new (FALSE, FALSE, sizeof (Told));
  guint changed = 0;
  Ledger ledger;
  gint64 id, kept;

  ledger_open (&ledger, "row-committed.wuyou");
  g_signal_connect (ledger.store, "row-committed", G_CALLBACK (on_row_committed_cb), told);
  g_signal_connect (ledger.store, "row-committed::compound", G_CALLBACK (on_row_committed_cb), compounds);
  g_signal_connect (ledger.store, "row-changed", G_CALLBACK (on_row_changed_cb), &changed);

  /* A write alone: told at once. */
  id = wy_test_add_named (ledger.store, WY_TABLE_STREET, "district_id", 1, "西街道");
  g_assert_cmpuint (told->len, ==, 1);
  assert_told (told, 0, WY_TABLE_STREET, id, WY_ROW_INSERTED, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (compounds->len, ==, 0);
  g_array_set_size (told, 0);

  /* In a transaction: nothing until the commit, then each row in order. */
  g_assert_true (wy_store_begin (ledger.store, &error));
  id = wy_compound_add_with_targets (ledger.store, "甲", ledger.community, WY_CATEGORY_THREE_NONE, &error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (told->len, ==, 0);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (wy_store_commit (ledger.store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told->len, ==, 3);
  assert_told (told, 0, WY_TABLE_COMPOUND, id, WY_ROW_INSERTED, ledger.community);
  assert_told (told, 1, WY_TABLE_COMPOUND_TARGET, 0, WY_ROW_INSERTED, id);
  assert_told (told, 2, WY_TABLE_COMPOUND_TARGET, 0, WY_ROW_INSERTED, id);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpuint (compounds->len, ==, 1);
  g_array_set_size (told, 0);

  /* Rolled back: never told. */
  g_assert_true (wy_store_begin (ledger.store, &error));
  g_assert_cmpint (wy_compound_add_with_targets (ledger.store, "乙", ledger.community,
                                                 WY_CATEGORY_THREE_NONE, &error), >, 0);
  wy_store_rollback (ledger.store);
  g_assert_cmpuint (told->len, ==, 0);
  g_assert_cmpuint (changed, ==, 4);

  /* A change cancelled inside another: only what the outer one kept. */
  g_assert_true (wy_store_change_begin (ledger.store, "Outer", &error));
  g_assert_true (wy_store_change_begin (ledger.store, "Inner", &error));
  g_assert_cmpint (wy_compound_add_with_targets (ledger.store, "丙", ledger.community,
                                                 WY_CATEGORY_THREE_NONE, &error), >, 0);
  wy_store_change_cancel (ledger.store);
  kept = wy_compound_add_with_targets (ledger.store, "丁", ledger.community, WY_CATEGORY_THREE_NONE, &error);
  g_assert_cmpint (kept, >, 0);
  g_assert_cmpuint (told->len, ==, 0);
  g_assert_true (wy_store_change_end (ledger.store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told->len, ==, 3);
  assert_told (told, 0, WY_TABLE_COMPOUND, kept, WY_ROW_INSERTED, ledger.community);
  g_array_set_size (told, 0);

  /* An edit, a delete (the parent it had), and the undo of the delete. */
  g_assert_true (wy_store_update_field (ledger.store, WY_TABLE_COMPOUND, kept, "households", "120", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told->len, ==, 1);
  assert_told (told, 0, WY_TABLE_COMPOUND, kept, WY_ROW_UPDATED, ledger.community);
  g_array_set_size (told, 0);

  g_assert_true (wy_store_delete (ledger.store, WY_TABLE_COMPOUND, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told->len, ==, 1);
  assert_told (told, 0, WY_TABLE_COMPOUND, kept, WY_ROW_DELETED, ledger.community);
  g_array_set_size (told, 0);

  g_assert_true (wy_store_undo_last (ledger.store, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The compound and what went with it, each put back. */
  g_assert_cmpuint (told->len, ==, 3);
  for (guint i = 0; i < told->len; i++)
    if (g_array_index (told, Told, i).table == WY_TABLE_COMPOUND)
      assert_told (told, i, WY_TABLE_COMPOUND, kept, WY_ROW_INSERTED, ledger.community);
    else
      assert_told (told, i, WY_TABLE_COMPOUND_TARGET, 0, WY_ROW_INSERTED, kept);

  g_assert_cmpuint (compounds->len, ==, 5);
  for (guint i = 0; i < compounds->len; i++)
    g_assert_cmpint (g_array_index (compounds, Told, i).table, ==, WY_TABLE_COMPOUND);

  ledger_close (&ledger);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/operations/add-compound-with-targets", test_add_compound_with_targets);
  g_test_add_func ("/operations/add-compound-refused", test_add_compound_refused);
  g_test_add_func ("/operations/add-compounds-nested", test_add_compounds_nested);
  g_test_add_func ("/operations/record-progress", test_record_progress);
  g_test_add_func ("/operations/row-committed", test_row_committed);

  return g_test_run ();
}
