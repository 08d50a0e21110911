/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "wy-list-reuse.h"

/* Lines of a list: an identity and what the row shows. */
#define TEST_TYPE_LINE (test_line_get_type ())
G_DECLARE_FINAL_TYPE (TestLine, test_line, TEST, LINE, GObject)

struct _TestLine
{
  GObject  parent_instance;
  guint    id;
  char    *text;
};

G_DEFINE_FINAL_TYPE (TestLine, test_line, G_TYPE_OBJECT)

static void
test_line_finalize (GObject *object)
{
  g_free (TEST_LINE (object)->text);
  G_OBJECT_CLASS (test_line_parent_class)->finalize (object);
}

static void
test_line_class_init (TestLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_line_finalize;
}

static void
test_line_init (TestLine *self)
{
}

static TestLine *
line_new (guint       id,
          const char *text)
{
  TestLine *line = g_object_new (TEST_TYPE_LINE, NULL);

  line->id = id;
  line->text = g_strdup (text);
  return line;
}

static guint
line_hash (gconstpointer line)
{
  return ((const TestLine *)line)->id;
}

static gboolean
line_same_id (gconstpointer a,
              gconstpointer b)
{
  return ((const TestLine *)a)->id == ((const TestLine *)b)->id;
}

static gboolean
line_reads_the_same (gconstpointer a,
                     gconstpointer b)
{
  return g_strcmp0 (((const TestLine *)a)->text, ((const TestLine *)b)->text) == 0;
}

/* "1a 2b 3c" → lines 1, 2, 3 reading a, b, c. */
static GPtrArray *
lines (const char *spec)
{
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (out, line_new (words[i][0] - '0', words[i] + 1));
  return out;
}

static GListStore *
store_of (const char *spec)
{
  g_autoptr(GPtrArray) items = lines (spec);
  GListStore *store = g_list_store_new (TEST_TYPE_LINE);

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return store;
}

static gpointer
shown (GListStore *store,
       guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);

  return item;
}

static void
test_reuse_unchanged (void)
{
  g_autoptr(GListStore) store = store_of ("1a 2b 3c 4d");
  g_autoptr(GPtrArray) fresh = lines ("1a 2B 4d 5e");

  wy_list_reuse_unchanged (G_LIST_MODEL (store), fresh, line_hash, line_same_id, line_reads_the_same);

  /* Same identity, same text: the shown object. Changed or new: fresh. */
  g_assert_true (g_ptr_array_index (fresh, 0) == shown (store, 0));
  g_assert_true (g_ptr_array_index (fresh, 1) != shown (store, 1));
  g_assert_cmpstr (((TestLine *)g_ptr_array_index (fresh, 1))->text, ==, "B");
  g_assert_true (g_ptr_array_index (fresh, 2) == shown (store, 3));
  g_assert_cmpuint (((TestLine *)g_ptr_array_index (fresh, 3))->id, ==, 5);
  /* The reused objects are owned by both (no double free at the end). */
  g_assert_cmpuint (G_OBJECT (g_ptr_array_index (fresh, 0))->ref_count, ==, 2);
}

static void
test_reuse_from_empty (void)
{
  g_autoptr(GListStore) store = g_list_store_new (TEST_TYPE_LINE);
  g_autoptr(GPtrArray) fresh = lines ("1a 2b");
  gpointer first = g_ptr_array_index (fresh, 0);

  wy_list_reuse_unchanged (G_LIST_MODEL (store), fresh, line_hash, line_same_id, line_reads_the_same);
  g_assert_true (g_ptr_array_index (fresh, 0) == first);
}

static void
check_stretch (const char *before,
               const char *after,
               gboolean    changed,
               guint       position,
               guint       n_removed,
               guint       n_added)
{
  g_autoptr(GListStore) store = store_of (before);
  g_autoptr(GPtrArray) fresh = lines (after);
  guint got_position = G_MAXUINT, got_removed = G_MAXUINT, got_added = G_MAXUINT;

  wy_list_reuse_unchanged (G_LIST_MODEL (store), fresh, line_hash, line_same_id, line_reads_the_same);
  g_assert_cmpint (wy_list_changed_stretch (G_LIST_MODEL (store), fresh, &got_position, &got_removed, &got_added),
                   ==, changed);
  g_assert_cmpuint (got_position, ==, position);
  g_assert_cmpuint (got_removed, ==, n_removed);
  g_assert_cmpuint (got_added, ==, n_added);

  /* Splicing the stretch gives exactly the fresh list. */
  g_list_store_splice (store, got_position, got_removed, fresh->pdata + got_position, got_added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, fresh->len);
  for (guint i = 0; i < fresh->len; i++)
    g_assert_true (shown (store, i) == g_ptr_array_index (fresh, i));
}

static void
test_changed_stretch (void)
{
  check_stretch ("1a 2b 3c", "1a 2b 3c", FALSE, 3, 0, 0);
  check_stretch ("1a 2b 3c", "1a 2B 3c", TRUE, 1, 1, 1);     /* one edited */
  check_stretch ("1a 2b 3c", "1a 3c", TRUE, 1, 1, 0);        /* one deleted */
  check_stretch ("1a 2b 3c", "1a 2b 3c 4d", TRUE, 3, 0, 1);  /* one added at the end */
  check_stretch ("1a 2b 3c", "4d 1a 2b 3c", TRUE, 0, 0, 1);  /* one added first */
  check_stretch ("1a 2b 3c", "3c 2b 1a", TRUE, 0, 3, 3);     /* resorted */
  check_stretch ("", "1a 2b", TRUE, 0, 0, 2);
  check_stretch ("1a 2b", "", TRUE, 0, 2, 0);
  check_stretch ("1a 1a", "1a", TRUE, 0, 1, 0);              /* a repeated identity: the last kept */
}

static void
test_texts_equal (void)
{
  char name[] = "东门社区", name_again[] = "东门社区", count[] = "3", empty[] = "";
  char *a[] = { name, NULL, count };
  char *b[] = { name_again, NULL, count };
  char *c[] = { name, empty, count };

  g_assert_true (wy_list_texts_equal (a, b, G_N_ELEMENTS (a)));
  g_assert_false (wy_list_texts_equal (a, c, G_N_ELEMENTS (a)));
  g_assert_true (wy_list_texts_equal (a, c, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-reuse/unchanged-objects-kept", test_reuse_unchanged);
  g_test_add_func ("/list-reuse/from-empty", test_reuse_from_empty);
  g_test_add_func ("/list-reuse/changed-stretch", test_changed_stretch);
  g_test_add_func ("/list-reuse/texts-equal", test_texts_equal);

  return g_test_run ();
}
