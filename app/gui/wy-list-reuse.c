/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-list-reuse.h"

/* The model holds its items: comparing pointers needs no reference. */
static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item;
}

void
wy_list_reuse_unchanged (GListModel *shown,
                         GPtrArray  *fresh,
                         GHashFunc   identity_hash,
                         GEqualFunc  identity_equal,
                         GEqualFunc  reads_the_same)
{
  g_autoptr(GHashTable) by_identity = NULL;
  guint n_shown;

  g_return_if_fail (G_IS_LIST_MODEL (shown));
  g_return_if_fail (fresh != NULL);

  n_shown = g_list_model_get_n_items (shown);
  if (n_shown == 0)
    return;

  by_identity = g_hash_table_new_full (identity_hash, identity_equal, g_object_unref, NULL);
  for (guint i = 0; i < n_shown; i++)
    g_hash_table_add (by_identity, g_list_model_get_item (shown, i));

  for (guint i = 0; i < fresh->len; i++)
    {
      gpointer item = g_ptr_array_index (fresh, i);
      gpointer old = g_hash_table_lookup (by_identity, item);

      if (old != NULL && reads_the_same (old, item))
        {
          g_ptr_array_index (fresh, i) = g_object_ref (old);
          g_object_unref (item);
        }
    }
}

gboolean
wy_list_changed_stretch (GListModel *shown,
                         GPtrArray  *fresh,
                         guint      *position,
                         guint      *n_removed,
                         guint      *n_added)
{
  guint n_shown;
  guint prefix = 0;
  guint suffix = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (shown), FALSE);
  g_return_val_if_fail (fresh != NULL, FALSE);

  n_shown = g_list_model_get_n_items (shown);
  while (prefix < n_shown && prefix < fresh->len &&
         item_at (shown, prefix) == g_ptr_array_index (fresh, prefix))
    prefix++;
  while (suffix < n_shown - prefix && suffix < fresh->len - prefix &&
         item_at (shown, n_shown - 1 - suffix) == g_ptr_array_index (fresh, fresh->len - 1 - suffix))
    suffix++;

  *position = prefix;
  *n_removed = n_shown - prefix - suffix;
  *n_added = fresh->len - prefix - suffix;
  return *n_removed > 0 || *n_added > 0;
}

gboolean
wy_list_texts_equal (char * const *a,
                     char * const *b,
                     guint         n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}
