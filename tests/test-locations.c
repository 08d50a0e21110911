/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "wy-test-util.h"

/* Issue 12, point 6: streets and communities can be renamed, and deleted
 * while they hold no compound. */

typedef struct {
  WyStore *store;
  gint64   district;
  gint64   street;
  gint64   empty_street;
  gint64   community;
  gint64   empty_community;
  gint64   compound;
} Fixture;

static gint64
add_compound (WyStore    *store,
              gint64      community,
              const char *name)
{
  WyRecord *compound = wy_record_new (WY_TABLE_COMPOUND);

  wy_record_set_int (compound, "community_id", community);
  wy_record_set (compound, "name", name);
  wy_record_set (compound, "category", WY_CATEGORY_SELF_MANAGED);
  return wy_test_insert (store, compound);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = wy_test_tmp_path (data);
  g_autoptr(GError) error = NULL;

  f->store = wy_store_create_empty (path, &error);
  g_assert_no_error (error);
  f->district = wy_test_add_named (f->store, WY_TABLE_DISTRICT, NULL, 0, "示范区");
  f->street = wy_test_add_named (f->store, WY_TABLE_STREET, "district_id", f->district, "青松街道");
  f->empty_street = wy_test_add_named (f->store, WY_TABLE_STREET, "district_id", f->district, "清松街道");
  f->community = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street, "东门社区");
  f->empty_community = wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->street, "东们社区");
  f->compound = add_compound (f->store, f->community, "纺织厂宿舍");
  add_compound (f->store, f->community, "粮站宿舍");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) community = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);

  /* A typo fixed; blanks trimmed; the change is in the audit log. */
  g_assert_true (wy_locations_rename (f->store, WY_TABLE_COMMUNITY, f->empty_community, "  西门社区 ", &error));
  g_assert_no_error (error);
  community = wy_store_get (f->store, WY_TABLE_COMMUNITY, f->empty_community, &error);
  g_assert_cmpstr (wy_record_get (community, "name"), ==, "西门社区");
  audit = wy_store_list_audit (f->store, 1, &error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((WyAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, "update");
  g_assert_cmpstr (((WyAuditEntry *) g_ptr_array_index (audit, 0))->old_value, ==, "东们社区");

  /* Empty, a sibling's name, or too long: refused. */
  g_assert_false (wy_locations_rename (f->store, WY_TABLE_COMMUNITY, f->empty_community, "   ", &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wy_locations_rename (f->store, WY_TABLE_COMMUNITY, f->empty_community, "东门社区", &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  for (guint i = 0; i < 61; i++)
    g_string_append (long_name, "街");
  g_assert_false (wy_locations_rename (f->store, WY_TABLE_STREET, f->street, long_name->str, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A street too; the same name under another street is fine. */
  g_assert_true (wy_locations_rename (f->store, WY_TABLE_STREET, f->empty_street, "清水街道", &error));
  g_assert_no_error (error);
}

static void
test_delete_refused_with_compounds (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (wy_locations_count_compounds (f->store, WY_TABLE_COMMUNITY, f->community), ==, 2);
  g_assert_cmpuint (wy_locations_count_compounds (f->store, WY_TABLE_STREET, f->street), ==, 2);
  g_assert_cmpuint (wy_locations_count_compounds (f->store, WY_TABLE_COMMUNITY, f->empty_community), ==, 0);

  g_assert_false (wy_locations_check_delete (f->store, WY_TABLE_COMMUNITY, f->community, &error));
  g_assert_error (error, WY_STORE_ERROR, WY_STORE_ERROR_CONSTRAINT);
  /* The message says how many. */
  g_assert_nonnull (strstr (error->message, "2 compounds"));
  g_assert_nonnull (strstr (error->message, "东门社区"));
  g_clear_error (&error);

  g_assert_false (wy_locations_check_delete (f->store, WY_TABLE_STREET, f->street, &error));
  g_assert_nonnull (strstr (error->message, "2 compounds"));
  g_clear_error (&error);

  /* With one compound, one. */
  g_assert_true (wy_store_delete (f->store, WY_TABLE_COMPOUND, f->compound, &error));
  g_assert_false (wy_locations_check_delete (f->store, WY_TABLE_COMMUNITY, f->community, &error));
  g_assert_nonnull (strstr (error->message, "1 compound."));
  g_clear_error (&error);
}

static void
test_delete_empty_with_undo (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WyRecord) back = NULL;
  WyUndo *undo = NULL;

  g_assert_true (wy_locations_check_delete (f->store, WY_TABLE_COMMUNITY, f->empty_community, &error));
  g_assert_no_error (error);
  g_assert_true (wy_store_delete_with_undo (f->store, WY_TABLE_COMMUNITY, f->empty_community, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wy_undo_get_title (undo), ==, "东们社区");
  g_assert_null (wy_store_get (f->store, WY_TABLE_COMMUNITY, f->empty_community, NULL));

  g_assert_true (wy_store_undo (f->store, undo, &error));
  g_assert_no_error (error);
  back = wy_store_get (f->store, WY_TABLE_COMMUNITY, f->empty_community, &error);
  g_assert_cmpstr (wy_record_get (back, "name"), ==, "东们社区");
  wy_undo_free (undo);

  /* A street with no compound but a community: the community goes first. */
  g_assert_true (wy_locations_check_delete (f->store, WY_TABLE_STREET, f->empty_street, &error));
  g_assert_no_error (error);
  wy_test_add_named (f->store, WY_TABLE_COMMUNITY, "street_id", f->empty_street, "新社区");
  g_assert_false (wy_locations_check_delete (f->store, WY_TABLE_STREET, f->empty_street, &error));
  g_assert_nonnull (strstr (error->message, "1 community"));
  g_clear_error (&error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/locations/rename", Fixture, "rename.wuyou",
              fixture_set_up, test_rename, fixture_tear_down);
  g_test_add ("/locations/delete-refused-with-compounds", Fixture, "refused.wuyou",
              fixture_set_up, test_delete_refused_with_compounds, fixture_tear_down);
  g_test_add ("/locations/delete-empty-with-undo", Fixture, "undo.wuyou",
              fixture_set_up, test_delete_empty_with_undo, fixture_tear_down);

  return g_test_run ();
}
