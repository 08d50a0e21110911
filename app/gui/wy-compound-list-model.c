/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-compound-list-model"

#include "config.h"

#include <string.h>

#include "wy-compound-list-model.h"

struct _WyCompoundListModel
{
  GObject              parent_instance;

  GPtrArray           *all;          /* of WyCompoundItem, store order, owns them */
  GPtrArray           *sorted;       /* all of them in sort order, unowned; NULL: store order */
  GPtrArray           *shown;        /* those of sorted that match, unowned */
  WyCompoundsColumn    sort_column;  /* WY_COMPOUNDS_N_COLUMNS: none */
  GtkSortType          sort_order;
  WyCompoundMatchFunc  match;
  gpointer             match_data;
  guint                keys_done;    /* items of all with collation keys made */
  guint                updating;     /* begin_update() depth */
  gboolean             dirty;        /* changed while updating */
  GPtrArray           *removed;      /* removed while updating, still shown until the rebuild */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WyCompoundListModel, wy_compound_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

typedef enum {
  KEY_TEXT,       /* a collation key */
  KEY_NUMBER,
  KEY_RATIO,
  KEY_DEADLINE,   /* ISO date or NULL; NULL sorts after the dates */
} KeyKind;

typedef struct {
  WyCompoundItem *item;
  guint           index;   /* in store order: ties keep it */
  union {
    const char   *text;
    gint64        number;
    double        ratio;
  } key;
} SortEntry;

typedef struct {
  KeyKind  kind;
  gboolean descending;
} SortSpec;

/* Auxiliary methods ----------------------------------------------------- */

static KeyKind
key_kind (WyCompoundsColumn column)
{
  switch (column)
    {
    case WY_COMPOUNDS_COLUMN_NAME:
    case WY_COMPOUNDS_COLUMN_COMMUNITY:
    case WY_COMPOUNDS_COLUMN_CATEGORY:
    case WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE:
      return KEY_TEXT;

    case WY_COMPOUNDS_COLUMN_TARGETS:
      return KEY_RATIO;

    case WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE:
      return KEY_DEADLINE;

    case WY_COMPOUNDS_COLUMN_PILOT:
    case WY_COMPOUNDS_COLUMN_HOUSEHOLDS:
    case WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS:
    case WY_COMPOUNDS_N_COLUMNS:
    default:
      return KEY_NUMBER;
    }
}

static WyCompoundKey
text_key (WyCompoundsColumn column)
{
  switch (column)
    {
    case WY_COMPOUNDS_COLUMN_COMMUNITY:
      return WY_COMPOUND_KEY_COMMUNITY;
    case WY_COMPOUNDS_COLUMN_CATEGORY:
      return WY_COMPOUND_KEY_CATEGORY;
    case WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE:
      return WY_COMPOUND_KEY_GOVERNANCE_MODE;
    case WY_COMPOUNDS_COLUMN_NAME:
    default:
      return WY_COMPOUND_KEY_NAME;
    }
}

static void
read_key (SortEntry         *entry,
          WyCompoundsColumn  column)
{
  WyCompoundItem *item = entry->item;

  switch (column)
    {
    case WY_COMPOUNDS_COLUMN_NAME:
    case WY_COMPOUNDS_COLUMN_COMMUNITY:
    case WY_COMPOUNDS_COLUMN_CATEGORY:
    case WY_COMPOUNDS_COLUMN_GOVERNANCE_MODE:
      entry->key.text = wy_compound_item_get_sort_key (item, text_key (column));
      break;

    case WY_COMPOUNDS_COLUMN_PILOT:
      entry->key.number = wy_compound_item_get_pilot (item) ? 1 : 0;
      break;

    case WY_COMPOUNDS_COLUMN_HOUSEHOLDS:
      entry->key.number = wy_compound_item_get_households (item);
      break;

    case WY_COMPOUNDS_COLUMN_OPEN_PROBLEMS:
      entry->key.number = wy_compound_item_get_open_problems (item);
      break;

    case WY_COMPOUNDS_COLUMN_TARGETS:
      entry->key.ratio = wy_compound_item_get_targets_ratio (item);
      break;

    case WY_COMPOUNDS_COLUMN_NEAREST_DEADLINE:
      entry->key.text = wy_compound_item_get_nearest_deadline (item);
      break;

    case WY_COMPOUNDS_N_COLUMNS:
    default:
      entry->key.number = 0;
      break;
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const SortEntry *x = a, *y = b;
  const SortSpec *spec = user_data;
  int cmp = 0;

  switch (spec->kind)
    {
    case KEY_TEXT:
      cmp = strcmp (x->key.text, y->key.text);
      break;

    case KEY_NUMBER:
      cmp = (x->key.number > y->key.number) - (x->key.number < y->key.number);
      break;

    case KEY_RATIO:
      cmp = (x->key.ratio > y->key.ratio) - (x->key.ratio < y->key.ratio);
      break;

    case KEY_DEADLINE:
      if (x->key.text == NULL || y->key.text == NULL)
        cmp = (x->key.text == NULL) - (y->key.text == NULL);
      else
        cmp = strcmp (x->key.text, y->key.text);  /* ISO dates sort as text */
      break;

    default:
      g_assert_not_reached ();
    }

  if (spec->descending)
    cmp = -cmp;
  if (cmp == 0)
    cmp = (x->index > y->index) - (x->index < y->index);

  return cmp;
}

/* Announces the step from the shown list to new_shown, which it takes:
 * only the positions between the common start and the common end. */
static void
replace_shown (WyCompoundListModel *self,
               GPtrArray           *new_shown)
{
  g_autoptr(GPtrArray) old = self->shown;
  guint prefix = 0, suffix = 0;

  self->shown = new_shown;

  while (prefix < old->len && prefix < new_shown->len &&
         old->pdata[prefix] == new_shown->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < new_shown->len - prefix &&
         old->pdata[old->len - 1 - suffix] == new_shown->pdata[new_shown->len - 1 - suffix])
    suffix++;

  if (old->len != new_shown->len || prefix < old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix,
                                new_shown->len - prefix - suffix);
}

static GPtrArray *
filter_items (WyCompoundListModel *self,
              GPtrArray           *source)
{
  GPtrArray *result = g_ptr_array_sized_new (source->len);

  for (guint i = 0; i < source->len; i++)
    {
      WyCompoundItem *item = source->pdata[i];

      if (self->match == NULL || self->match (item, self->match_data))
        result->pdata[result->len++] = item;
    }

  return result;
}

static void
sort_all (WyCompoundListModel *self)
{
  g_autofree SortEntry *entries = NULL;
  SortSpec spec;
  guint n = self->all->len;

  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  if (self->sort_column >= WY_COMPOUNDS_N_COLUMNS)
    return;

  entries = g_new (SortEntry, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      entries[i].item = self->all->pdata[i];
      entries[i].index = i;
      read_key (&entries[i], self->sort_column);
    }

  spec.kind = key_kind (self->sort_column);
  spec.descending = self->sort_order == GTK_SORT_DESCENDING;
  g_qsort_with_data (entries, n, sizeof (SortEntry), compare_entries, &spec);

  self->sorted = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    self->sorted->pdata[i] = entries[i].item;
  self->sorted->len = n;
}

static GPtrArray *
sorted_items (WyCompoundListModel *self)
{
  return self->sorted != NULL ? self->sorted : self->all;
}

/* Sorts and filters everything again, announcing only what moved; once
 * at the end of an update. */
static void
rebuild (WyCompoundListModel *self)
{
  if (self->updating > 0)
    {
      self->dirty = TRUE;
      return;
    }

  self->dirty = FALSE;
  sort_all (self);
  replace_shown (self, filter_items (self, sorted_items (self)));
  g_ptr_array_set_size (self->removed, 0);
}

/* GListModel ------------------------------------------------------------ */

static GType
wy_compound_list_model_get_item_type (GListModel *model)
{
  return WY_TYPE_COMPOUND_ITEM;
}

static guint
wy_compound_list_model_get_n_items (GListModel *model)
{
  return WY_COMPOUND_LIST_MODEL (model)->shown->len;
}

static gpointer
wy_compound_list_model_get_item (GListModel *model,
                                 guint       position)
{
  WyCompoundListModel *self = WY_COMPOUND_LIST_MODEL (model);

  if (position >= self->shown->len)
    return NULL;

  return g_object_ref (self->shown->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = wy_compound_list_model_get_item_type;
  iface->get_n_items = wy_compound_list_model_get_n_items;
  iface->get_item = wy_compound_list_model_get_item;
}

/* GObject --------------------------------------------------------------- */

static void
wy_compound_list_model_finalize (GObject *object)
{
  WyCompoundListModel *self = (WyCompoundListModel *)object;

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);

  G_OBJECT_CLASS (wy_compound_list_model_parent_class)->finalize (object);
}

static void
wy_compound_list_model_class_init (WyCompoundListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wy_compound_list_model_finalize;
}

static void
wy_compound_list_model_init (WyCompoundListModel *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
  self->removed = g_ptr_array_new_with_free_func (g_object_unref);
  self->sort_column = WY_COMPOUNDS_N_COLUMNS;
  self->sort_order = GTK_SORT_ASCENDING;
}

/* Public API ------------------------------------------------------------ */

WyCompoundListModel *
wy_compound_list_model_new (void)
{
  return g_object_new (WY_TYPE_COMPOUND_LIST_MODEL, NULL);
}

void
wy_compound_list_model_set_match_func (WyCompoundListModel *self,
                                       WyCompoundMatchFunc  func,
                                       gpointer             user_data)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST_MODEL (self));

  self->match = func;
  self->match_data = user_data;
}

void
wy_compound_list_model_set_items (WyCompoundListModel *self,
                                  gpointer            *items,
                                  guint                n_items)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST_MODEL (self));

  /* The old items stay alive until the list has let go of them. */
  g_ptr_array_extend_and_steal (self->removed, g_steal_pointer (&self->all));
  self->all = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (self->all, g_object_ref (items[i]));
  self->keys_done = 0;

  rebuild (self);
}

void
wy_compound_list_model_add (WyCompoundListModel *self,
                            WyCompoundItem      *item)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST_MODEL (self));
  g_return_if_fail (WY_IS_COMPOUND_ITEM (item));

  g_ptr_array_add (self->all, g_object_ref (item));
  rebuild (self);
}

void
wy_compound_list_model_remove (WyCompoundListModel *self,
                               WyCompoundItem      *item)
{
  g_autoptr(WyCompoundItem) keep = NULL;
  guint index;

  g_return_if_fail (WY_IS_COMPOUND_LIST_MODEL (self));

  if (!g_ptr_array_find (self->all, item, &index))
    return;

  keep = g_ptr_array_steal_index (self->all, index);
  if (index < self->keys_done)
    self->keys_done--;
  /* The list may show it until the rebuild. */
  g_ptr_array_add (self->removed, g_steal_pointer (&keep));
  rebuild (self);
}

void
wy_compound_list_model_item_changed (WyCompoundListModel *self,
                                     WyCompoundItem      *item)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST_MODEL (self));

  rebuild (self);
}

void
wy_compound_list_model_refilter (WyCompoundListModel *self,
                                 GtkFilterChange      change)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST_MODEL (self));

  /* Stricter: only what is shown can still match, and in the same order. */
  replace_shown (self, filter_items (self, change == GTK_FILTER_CHANGE_MORE_STRICT
                                           ? self->shown : sorted_items (self)));
}

void
wy_compound_list_model_sort (WyCompoundListModel *self,
                             WyCompoundsColumn    column,
                             GtkSortType          order)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST_MODEL (self));
  g_return_if_fail (column <= WY_COMPOUNDS_N_COLUMNS);

  if (column == self->sort_column && order == self->sort_order)
    return;

  self->sort_column = column;
  self->sort_order = order;
  rebuild (self);
}

WyCompoundsColumn
wy_compound_list_model_get_sort_column (WyCompoundListModel *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST_MODEL (self), WY_COMPOUNDS_N_COLUMNS);

  return self->sort_column;
}

GtkSortType
wy_compound_list_model_get_sort_order (WyCompoundListModel *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST_MODEL (self), GTK_SORT_ASCENDING);

  return self->sort_order;
}

guint
wy_compound_list_model_get_n_total (WyCompoundListModel *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST_MODEL (self), 0);

  return self->all->len;
}

WyCompoundItem *
wy_compound_list_model_lookup (WyCompoundListModel *self,
                               gint64               compound_id)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST_MODEL (self), NULL);

  for (guint i = 0; i < self->all->len; i++)
    if (wy_compound_item_get_id (self->all->pdata[i]) == compound_id)
      return self->all->pdata[i];

  return NULL;
}

gboolean
wy_compound_list_model_find (WyCompoundListModel *self,
                             WyCompoundItem      *item,
                             guint               *position)
{
  g_return_val_if_fail (WY_IS_COMPOUND_LIST_MODEL (self), FALSE);

  return g_ptr_array_find (self->shown, item, position);
}

void
wy_compound_list_model_begin_update (WyCompoundListModel *self)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST_MODEL (self));

  self->updating++;
}

void
wy_compound_list_model_end_update (WyCompoundListModel *self)
{
  g_return_if_fail (WY_IS_COMPOUND_LIST_MODEL (self));
  g_return_if_fail (self->updating > 0);

  if (--self->updating == 0 && self->dirty)
    rebuild (self);
}

gboolean
wy_compound_list_model_prepare_sort_keys (WyCompoundListModel *self,
                                          guint                max_items)
{
  guint end;

  g_return_val_if_fail (WY_IS_COMPOUND_LIST_MODEL (self), FALSE);

  end = MIN (self->all->len, self->keys_done + max_items);
  for (guint i = self->keys_done; i < end; i++)
    {
      wy_compound_item_get_sort_key (self->all->pdata[i], WY_COMPOUND_KEY_NAME);
      wy_compound_item_get_sort_key (self->all->pdata[i], WY_COMPOUND_KEY_COMMUNITY);
    }
  self->keys_done = end;

  return self->keys_done < self->all->len;
}
