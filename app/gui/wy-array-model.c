/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "wy-array-model.h"

struct _WyArrayModel
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WyArrayModel, wy_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
wy_array_model_get_item_type (GListModel *model)
{
  return WY_ARRAY_MODEL (model)->item_type;
}

static guint
wy_array_model_get_n_items (GListModel *model)
{
  return WY_ARRAY_MODEL (model)->items->len;
}

static gpointer
wy_array_model_get_item (GListModel *model,
                         guint       position)
{
  WyArrayModel *self = WY_ARRAY_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = wy_array_model_get_item_type;
  iface->get_n_items = wy_array_model_get_n_items;
  iface->get_item = wy_array_model_get_item;
}

WyArrayModel *
wy_array_model_new (GType item_type)
{
  WyArrayModel *self = g_object_new (WY_TYPE_ARRAY_MODEL, NULL);

  self->item_type = item_type;
  return self;
}

void
wy_array_model_splice (WyArrayModel *self,
                       guint         position,
                       guint         n_removals,
                       gpointer     *additions,
                       guint         n_additions)
{
  g_return_if_fail (WY_IS_ARRAY_MODEL (self));
  g_return_if_fail (position + n_removals <= self->items->len);

  if (n_removals > 0)
    g_ptr_array_remove_range (self->items, position, n_removals);

  if (n_additions > 0)
    {
      guint old_len = self->items->len;

      /* Grow once, move the tail once, then fill the gap. */
      g_ptr_array_set_size (self->items, old_len + n_additions);
      memmove (self->items->pdata + position + n_additions,
               self->items->pdata + position,
               (old_len - position) * sizeof (gpointer));
      for (guint i = 0; i < n_additions; i++)
        self->items->pdata[position + i] = g_object_ref (additions[i]);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}

void
wy_array_model_append (WyArrayModel *self,
                       gpointer      item)
{
  wy_array_model_splice (self, self->items->len, 0, &item, 1);
}

void
wy_array_model_remove (WyArrayModel *self,
                       guint         position)
{
  wy_array_model_splice (self, position, 1, NULL, 0);
}

gboolean
wy_array_model_find (WyArrayModel *self,
                     gpointer      item,
                     guint        *position)
{
  g_return_val_if_fail (WY_IS_ARRAY_MODEL (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}

static void
wy_array_model_finalize (GObject *object)
{
  WyArrayModel *self = (WyArrayModel *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (wy_array_model_parent_class)->finalize (object);
}

static void
wy_array_model_class_init (WyArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wy_array_model_finalize;
}

static void
wy_array_model_init (WyArrayModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->item_type = G_TYPE_OBJECT;
}
