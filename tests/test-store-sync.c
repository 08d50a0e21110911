/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-test-util.h"

/* Two windows on one ledger (issue 12, point 3), played by two stores
 * on the same file: each learns of the other's commits, never saves over
 * a value it has not seen, and a rectification item's status and
 * sign-off always move together. */

typedef struct {
  char    *path;
  WyStore *mine;    /* this window */
  WyStore *theirs;  /* the other window */
  gint64   compound;
  gint64   problem;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) compound = wy_record_new (WY_TABLE_COMPOUND);
  g_autoptr(WyRecord) problem = wy_record_new (WY_TABLE_PROBLEM);
  static guint n_ledgers;
  g_autofree char *name = g_strdup_printf ("sync-%u.wuyou", n_ledgers++);
  gint64 district, street, community;

  f->path = wy_test_tmp_path (name);
  f->mine = wy_store_create (f->path, NULL, &error);
  g_assert_no_error (error);
  wy_store_set_operator (f->mine, "王芳");

  district = wy_test_add_named (f->mine, WY_TABLE_DISTRICT, NULL, 0, "示范区");
  street = wy_test_add_named (f->mine, WY_TABLE_STREET, "district_id", district, "青松街道");
  community = wy_test_add_named (f->mine, WY_TABLE_COMMUNITY, "street_id", street, "东门社区");

  wy_record_set_int (compound, "community_id", community);
  wy_record_set (compound, "name", "纺织厂宿舍");
  wy_record_set (compound, "category", WY_CATEGORY_THREE_NONE);
  wy_record_set (compound, "households", "96");
  f->compound = wy_test_insert (f->mine, g_steal_pointer (&compound));

  wy_record_set_int (problem, "compound_id", f->compound);
  wy_record_set (problem, "category", "safety");
  wy_record_set (problem, "description", "3栋楼道照明损坏");
  wy_record_set (problem, "responsible_unit", "东门社区居委会");
  wy_record_set (problem, "raised_date", "2026-03-01");
  wy_record_set (problem, "deadline", "2026-03-31");
  wy_record_set (problem, "status", WY_PROBLEM_PENDING);
  f->problem = wy_test_insert (f->mine, g_steal_pointer (&problem));

  f->theirs = wy_store_open (f->path, &error);
  g_assert_no_error (error);
  wy_store_set_operator (f->theirs, "李强");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->theirs);
  g_clear_object (&f->mine);
  g_free (f->path);
}

static char *
field_of (WyStore    *store,
          WyTable     table,
          gint64      id,
          const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) record = wy_store_get (store, table, id, &error);

  g_assert_no_error (error);
  return g_strdup (wy_record_get (record, field));
}

static void
count_cb (WyStore *store,
          guint   *count)
{
  (*count)++;
}

static void
test_poll_sees_other_connections_only (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint emitted = 0;

  g_signal_connect (f->mine, WY_STORE_SIGNAL_EXTERNAL_CHANGE, G_CALLBACK (count_cb), &emitted);

  /* The first poll learns where the ledger stands. */
  wy_store_poll_external_change (f->mine);
  g_assert_false (wy_store_poll_external_change (f->mine));

  /* The window's own saves are not news to it ... */
  g_assert_true (wy_store_update_field (f->mine, WY_TABLE_COMPOUND, f->compound, "notes", "自己改的", &error));
  g_assert_no_error (error);
  g_assert_false (wy_store_poll_external_change (f->mine));
  g_assert_cmpuint (emitted, ==, 0);

  /* ... the other window's are, once. */
  g_assert_true (wy_store_update_field (f->theirs, WY_TABLE_COMPOUND, f->compound, "households", "88", &error));
  g_assert_no_error (error);
  g_assert_true (wy_store_poll_external_change (f->mine));
  g_assert_cmpuint (emitted, ==, 1);
  g_assert_false (wy_store_poll_external_change (f->mine));
  g_assert_cmpuint (emitted, ==, 1);

  /* Reading is not changing. */
  g_free (field_of (f->theirs, WY_TABLE_COMPOUND, f->compound, "households"));
  g_assert_false (wy_store_poll_external_change (f->mine));
}

static void
test_save_over_unseen_value_is_refused (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  /* This window showed 96; the other saved 88 meanwhile. */
  g_assert_true (wy_store_update_field (f->theirs, WY_TABLE_COMPOUND, f->compound, "households", "88", &error));
  g_assert_no_error (error);

  g_assert_false (wy_store_update_field_if_unchanged (f->mine, WY_TABLE_COMPOUND, f->compound, "households",
                                                      "96", "111", &current, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED);
  g_assert_cmpstr (current, ==, "88");
  stored = field_of (f->theirs, WY_TABLE_COMPOUND, f->compound, "households");
  g_assert_cmpstr (stored, ==, "88");
  g_clear_error (&error);
  g_clear_pointer (&current, g_free);

  /* Told, the user chooses theirs over it: saved over 88, audited. */
  g_assert_true (wy_store_update_field_if_unchanged (f->mine, WY_TABLE_COMPOUND, f->compound, "households",
                                                     "88", "111", &current, &error));
  g_assert_no_error (error);
  g_assert_null (current);
  g_clear_pointer (&stored, g_free);
  stored = field_of (f->theirs, WY_TABLE_COMPOUND, f->compound, "households");
  g_assert_cmpstr (stored, ==, "111");

  audit = wy_store_list_audit (f->mine, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((WyAuditEntry *) g_ptr_array_index (audit, 0))->field, ==, "households");
  g_assert_cmpstr (((WyAuditEntry *) g_ptr_array_index (audit, 0))->old_value, ==, "88");
  g_assert_cmpstr (((WyAuditEntry *) g_ptr_array_index (audit, 0))->new_value, ==, "111");

  /* Empty and missing read the same: a field nobody filled saves. */
  g_assert_true (wy_store_update_field_if_unchanged (f->mine, WY_TABLE_COMPOUND, f->compound, "notes",
                                                     "", "临街", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (wy_store_update_field_if_unchanged (f->mine, WY_TABLE_COMPOUND, f->compound, "notes",
                                                      NULL, "又改", &current, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED);
  g_assert_cmpstr (current, ==, "临街");
  g_clear_error (&error);

  /* A row the other window deleted is not written to. */
  g_assert_true (wy_store_delete (f->theirs, WY_TABLE_PROBLEM, f->problem, &error));
  g_assert_no_error (error);
  g_assert_false (wy_store_update_field_if_unchanged (f->mine, WY_TABLE_PROBLEM, f->problem, "measure",
                                                      NULL, "更换灯具", NULL, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_NOT_FOUND);
}

static void
test_status_and_sign_off_move_together (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *current = NULL;
  GDate today;
  gboolean kept_date = FALSE, kept_verifier = FALSE;

  wy_test_date (&today, "2026-03-25");

  /* Not by the status field alone: sign-off has its own dialog. */
  g_assert_false (wy_store_update_field (f->mine, WY_TABLE_PROBLEM, f->problem, "status",
                                         WY_PROBLEM_SIGNED_OFF, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wy_store_update_field (f->mine, WY_TABLE_PROBLEM, f->problem, "signed_off_date",
                                         "2026-03-20", &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wy_store_update_field (f->mine, WY_TABLE_PROBLEM, f->problem, "verifier", "李强", &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The other window signs it off; this one, still showing 待整改,
   * sets the status to 整改中: refused, both values told. */
  g_assert_true (wy_problem_sign_off (f->theirs, f->problem, "2026-03-20", "李强", &today, &error));
  g_assert_no_error (error);
  g_assert_false (wy_store_update_field_if_unchanged (f->mine, WY_TABLE_PROBLEM, f->problem, "status",
                                                      WY_PROBLEM_PENDING, WY_PROBLEM_IN_PROGRESS,
                                                      &current, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED);
  g_assert_cmpstr (current, ==, WY_PROBLEM_SIGNED_OFF);
  g_clear_error (&error);

  /* A second sign-off from the stale window keeps the first one's date
   * and verifier. */
  g_assert_false (wy_problem_sign_off (f->mine, f->problem, "2026-03-24", "王芳", &today, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_clear_pointer (&current, g_free);
  current = field_of (f->mine, WY_TABLE_PROBLEM, f->problem, "verifier");
  g_assert_cmpstr (current, ==, "李强");

  /* Leaving the signed-off status takes the sign-off with it; the audit
   * keeps what it was. */
  g_assert_true (wy_store_update_field (f->mine, WY_TABLE_PROBLEM, f->problem, "status",
                                        WY_PROBLEM_IN_PROGRESS, &error));
  g_assert_no_error (error);
  g_clear_pointer (&current, g_free);
  current = field_of (f->theirs, WY_TABLE_PROBLEM, f->problem, "signed_off_date");
  g_assert_null (current);
  current = field_of (f->theirs, WY_TABLE_PROBLEM, f->problem, "verifier");
  g_assert_null (current);

  audit = wy_store_list_audit (f->mine, 10, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      WyAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_strcmp0 (entry->field, "signed_off_date") == 0 && g_strcmp0 (entry->old_value, "2026-03-20") == 0 &&
          entry->new_value == NULL)
        kept_date = TRUE;
      if (g_strcmp0 (entry->field, "verifier") == 0 && g_strcmp0 (entry->old_value, "李强") == 0)
        kept_verifier = TRUE;
    }
  g_assert_true (kept_date);
  g_assert_true (kept_verifier);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/sync/poll-sees-other-connections-only", test_poll_sees_other_connections_only);
  ADD ("/store/sync/save-over-unseen-value-is-refused", test_save_over_unseen_value_is_refused);
  ADD ("/store/sync/status-and-sign-off-move-together", test_status_and_sign_off_move_together);
#undef ADD

  return g_test_run ();
}
