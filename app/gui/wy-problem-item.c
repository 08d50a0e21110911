/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-problem-item"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "wy-problem-item.h"

struct _WyProblemItem
{
  GObject        parent_instance;

  WyProblemRow  *row;
  WyLight        light;
  const char    *category_label;   /* translated, static */
  const char    *status_label;     /* translated, static */
  guint          status_rank;
  char          *search_key;
  char          *sort_keys[WY_PROBLEM_N_KEYS];  /* GRefStrings, shared */
};

G_DEFINE_FINAL_TYPE (WyProblemItem, wy_problem_item, G_TYPE_OBJECT)

struct _WyProblemKeyCache
{
  GHashTable *collated;   /* text → collation key (GRefString) */
  GHashTable *folded;     /* text → casefolded text */
};

static const WyFieldInfo *
problem_field (const char *name)
{
  return wy_schema_field (wy_schema_table (WY_TABLE_PROBLEM), name);
}

/* An unknown code is shown as it is rather than hidden. */
static const char *
code_label (const char *field,
            const char *code)
{
  const WyFieldInfo *info;

  if (code == NULL || *code == '\0')
    return "";

  info = problem_field (field);
  return info != NULL ? wy_schema_code_label (info, code) : code;
}

static guint
status_rank (const char *code)
{
  const WyFieldInfo *info = problem_field ("status");

  for (guint i = 0; code != NULL && info->codes[i] != NULL; i++)
    if (g_str_equal (info->codes[i], code))
      return i;

  return G_MAXUINT;
}

static void
append_folded (GString           *key,
               const char        *text,
               WyProblemKeyCache *cache)
{
  g_autofree char *folded = NULL;
  const char *shared;

  if (text == NULL || *text == '\0')
    return;

  if (cache == NULL)
    {
      folded = g_utf8_casefold (text, -1);
      shared = folded;
    }
  else if ((shared = g_hash_table_lookup (cache->folded, text)) == NULL)
    {
      shared = g_utf8_casefold (text, -1);
      g_hash_table_insert (cache->folded, g_strdup (text), (gpointer) shared);
    }

  g_string_append (key, shared);
  g_string_append_c (key, '\n');
}

static const char *
key_text (WyProblemItem *self,
          WyProblemKey   key)
{
  switch (key)
    {
    case WY_PROBLEM_KEY_COMPOUND:         return self->row->compound;
    case WY_PROBLEM_KEY_COMMUNITY:        return self->row->community;
    case WY_PROBLEM_KEY_CATEGORY:         return self->category_label;
    case WY_PROBLEM_KEY_DESCRIPTION:      return self->row->description;
    case WY_PROBLEM_KEY_RESPONSIBLE_UNIT: return self->row->responsible_unit;
    case WY_PROBLEM_N_KEYS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static char *
collation_key (const char        *text,
               WyProblemKeyCache *cache)
{
  char *shared;

  if (text == NULL)
    text = "";

  if (cache == NULL)
    {
      g_autofree char *key = g_utf8_collate_key (text, -1);

      return g_ref_string_new (key);
    }

  shared = g_hash_table_lookup (cache->collated, text);
  if (shared == NULL)
    {
      g_autofree char *key = g_utf8_collate_key (text, -1);

      shared = g_ref_string_new (key);
      g_hash_table_insert (cache->collated, g_strdup (text), shared);
    }

  return g_ref_string_acquire (shared);
}

/* The most urgent first: red, yellow, green, no deadline, done. */
static int
light_rank (WyLight light)
{
  switch (light)
    {
    case WY_LIGHT_RED:    return 0;
    case WY_LIGHT_YELLOW: return 1;
    case WY_LIGHT_GREEN:  return 2;
    case WY_LIGHT_NONE:   return 3;
    case WY_LIGHT_DONE:
    default:              return 4;
    }
}

static void
wy_problem_item_finalize (GObject *object)
{
  WyProblemItem *self = (WyProblemItem *)object;

  g_clear_pointer (&self->row, wy_problem_row_free);
  g_clear_pointer (&self->search_key, g_free);
  for (guint i = 0; i < WY_PROBLEM_N_KEYS; i++)
    g_clear_pointer (&self->sort_keys[i], g_ref_string_release);

  G_OBJECT_CLASS (wy_problem_item_parent_class)->finalize (object);
}

static void
wy_problem_item_class_init (WyProblemItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wy_problem_item_finalize;
}

static void
wy_problem_item_init (WyProblemItem *self)
{
  self->light = WY_LIGHT_NONE;
}

static WyProblemItem *
create_item (WyProblemRow      *row,
             const GDate       *today,
             guint              warning_days,
             WyProblemKeyCache *cache)
{
  WyProblemItem *self;
  g_autoptr(GString) key = NULL;

  self = g_object_new (WY_TYPE_PROBLEM_ITEM, NULL);
  self->row = row;
  self->category_label = code_label ("category", row->category);
  self->status_label = code_label ("status", row->status);
  self->status_rank = status_rank (row->status);

  if (today != NULL && g_date_valid (today))
    self->light = wy_light_compute_iso (row->deadline,
                                        g_strcmp0 (row->status, WY_PROBLEM_SIGNED_OFF) == 0,
                                        today, warning_days);

  key = g_string_new (NULL);
  append_folded (key, row->description, cache);
  append_folded (key, row->compound, cache);
  append_folded (key, row->responsible_unit, cache);
  append_folded (key, row->responsible_person, cache);
  self->search_key = g_string_free (g_steal_pointer (&key), FALSE);

  return self;
}

WyProblemItem *
wy_problem_item_new (WyProblemRow *row,
                     const GDate  *today,
                     guint         warning_days)
{
  g_return_val_if_fail (row != NULL, NULL);

  return create_item (row, today, warning_days, NULL);
}

WyProblemItem *
wy_problem_item_new_with_keys (WyProblemRow      *row,
                               const GDate       *today,
                               guint              warning_days,
                               WyProblemKeyCache *cache)
{
  WyProblemItem *self;

  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (cache != NULL, NULL);

  self = create_item (row, today, warning_days, cache);
  for (guint i = 0; i < WY_PROBLEM_N_KEYS; i++)
    self->sort_keys[i] = collation_key (key_text (self, i), cache);

  return self;
}

const WyProblemRow *
wy_problem_item_get_row (WyProblemItem *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (self), NULL);

  return self->row;
}

gint64
wy_problem_item_get_id (WyProblemItem *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (self), 0);

  return self->row->id;
}

WyLight
wy_problem_item_get_light (WyProblemItem *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (self), WY_LIGHT_NONE);

  return self->light;
}

const char *
wy_problem_item_get_light_label (WyProblemItem *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (self), NULL);

  /* "No deadline" too: an open item that can never turn red says so. */
  return wy_light_to_label (self->light);  /* translated there */
}

const char *
wy_problem_item_get_category_label (WyProblemItem *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (self), NULL);

  return self->category_label;
}

const char *
wy_problem_item_get_status_label (WyProblemItem *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (self), NULL);

  return self->status_label;
}

guint
wy_problem_item_get_status_rank (WyProblemItem *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (self), G_MAXUINT);

  return self->status_rank;
}

const char *
wy_problem_item_get_search_key (WyProblemItem *self)
{
  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (self), NULL);

  return self->search_key;
}

const char *
wy_problem_item_get_sort_key (WyProblemItem *self,
                              WyProblemKey   key)
{
  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (self), NULL);
  g_return_val_if_fail (key < WY_PROBLEM_N_KEYS, NULL);

  if (self->sort_keys[key] == NULL)
    self->sort_keys[key] = collation_key (key_text (self, key), NULL);

  return self->sort_keys[key];
}

static int
compare_text (WyProblemItem *a,
              WyProblemItem *b,
              WyProblemKey   key)
{
  const char *ka = wy_problem_item_get_sort_key (a, key);
  const char *kb = wy_problem_item_get_sort_key (b, key);

  /* Shared keys: the same text is the same pointer. */
  return ka == kb ? 0 : strcmp (ka, kb);
}

int
wy_problem_item_compare (WyProblemItem *a,
                         WyProblemItem *b,
                         WyProblemSort  by)
{
  const char *da, *db;

  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (a), 0);
  g_return_val_if_fail (WY_IS_PROBLEM_ITEM (b), 0);

  switch (by)
    {
    case WY_PROBLEM_SORT_LIGHT:
      return light_rank (a->light) - light_rank (b->light);

    case WY_PROBLEM_SORT_COMPOUND:
      return compare_text (a, b, WY_PROBLEM_KEY_COMPOUND);

    case WY_PROBLEM_SORT_COMMUNITY:
      return compare_text (a, b, WY_PROBLEM_KEY_COMMUNITY);

    case WY_PROBLEM_SORT_CATEGORY:
      return compare_text (a, b, WY_PROBLEM_KEY_CATEGORY);

    case WY_PROBLEM_SORT_DESCRIPTION:
      return compare_text (a, b, WY_PROBLEM_KEY_DESCRIPTION);

    case WY_PROBLEM_SORT_RESPONSIBLE_UNIT:
      return compare_text (a, b, WY_PROBLEM_KEY_RESPONSIBLE_UNIT);

    case WY_PROBLEM_SORT_DEADLINE:
      /* Items without a deadline sort after the dated ones. */
      da = a->row->deadline;
      db = b->row->deadline;
      if (da == NULL || db == NULL)
        return (da == NULL) - (db == NULL);
      return strcmp (da, db);  /* ISO dates sort as text */

    case WY_PROBLEM_SORT_STATUS:
      return (a->status_rank > b->status_rank) - (a->status_rank < b->status_rank);

    case WY_PROBLEM_N_SORTS:
    default:
      g_return_val_if_reached (0);
    }
}

/* --- Sorting many items ------------------------------------------------- */

typedef struct {
  guint64        key;    /* the item's place in the column */
  guint64        tie;    /* its place before this pass (or its id) */
  WyProblemItem *item;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *ea = a, *eb = b;

  if (ea->key != eb->key)
    return ea->key < eb->key ? -1 : 1;
  return (ea->tie > eb->tie) - (ea->tie < eb->tie);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static const char *
text_of (WyProblemItem *item,
         WyProblemSort  by)
{
  switch (by)
    {
    case WY_PROBLEM_SORT_COMPOUND:         return wy_problem_item_get_sort_key (item, WY_PROBLEM_KEY_COMPOUND);
    case WY_PROBLEM_SORT_COMMUNITY:        return wy_problem_item_get_sort_key (item, WY_PROBLEM_KEY_COMMUNITY);
    case WY_PROBLEM_SORT_CATEGORY:         return wy_problem_item_get_sort_key (item, WY_PROBLEM_KEY_CATEGORY);
    case WY_PROBLEM_SORT_DESCRIPTION:      return wy_problem_item_get_sort_key (item, WY_PROBLEM_KEY_DESCRIPTION);
    case WY_PROBLEM_SORT_RESPONSIBLE_UNIT: return wy_problem_item_get_sort_key (item, WY_PROBLEM_KEY_RESPONSIBLE_UNIT);
    case WY_PROBLEM_SORT_DEADLINE:         return item->row->deadline;
    case WY_PROBLEM_SORT_LIGHT:
    case WY_PROBLEM_SORT_STATUS:
    case WY_PROBLEM_N_SORTS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* Texts become their rank among the distinct texts of the column (equal
 * texts, equal rank); no text (a deadline not set) sorts last. */
static void
rank_texts (SortEntry     *entries,
            guint          n,
            WyProblemSort  by)
{
  /* Sort keys are shared strings, so most are told apart by pointer;
   * deadlines are each row's own copy and go by content. */
  g_autoptr(GHashTable) ranks = by == WY_PROBLEM_SORT_DEADLINE
                                ? g_hash_table_new (g_str_hash, g_str_equal)
                                : g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) distinct = g_ptr_array_new ();
  guint64 rank = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *text = text_of (entries[i].item, by);

      if (text != NULL && g_hash_table_add (ranks, (gpointer) text))
        g_ptr_array_add (distinct, (gpointer) text);
    }

  g_ptr_array_sort (distinct, compare_strings);
  for (guint i = 0; i < distinct->len; i++)
    {
      if (i > 0 && strcmp (g_ptr_array_index (distinct, i - 1), g_ptr_array_index (distinct, i)) != 0)
        rank++;
      g_hash_table_insert (ranks, g_ptr_array_index (distinct, i), GSIZE_TO_POINTER (rank));
    }

  for (guint i = 0; i < n; i++)
    {
      const char *text = text_of (entries[i].item, by);

      entries[i].key = text != NULL ? GPOINTER_TO_SIZE (g_hash_table_lookup (ranks, text))
                                    : G_MAXUINT32;
    }
}

/* ISO dates compare as text the way YYYYMMDD compares as a number, so
 * deadlines need no ranking unless one is not such a date. */
static gboolean
number_deadlines (SortEntry *entries,
                  guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *d = entries[i].item->row->deadline;
      guint64 number = 0;

      if (d == NULL)
        {
          entries[i].key = G_MAXUINT32;
          continue;
        }

      for (guint j = 0; j < 10; j++)
        {
          if (j == 4 || j == 7)
            {
              if (d[j] != '-')
                return FALSE;
            }
          else if (g_ascii_isdigit (d[j]))
            number = number * 10 + (d[j] - '0');
          else
            return FALSE;
        }
      if (d[10] != '\0')
        return FALSE;

      entries[i].key = number;
    }

  return TRUE;
}

void
wy_problem_items_sort (GPtrArray           *items,
                       const WyProblemSort *columns,
                       const gboolean      *descending,
                       guint                n_columns)
{
  g_autofree SortEntry *entries = NULL;
  guint n;

  g_return_if_fail (items != NULL);
  g_return_if_fail (n_columns == 0 || (columns != NULL && descending != NULL));

  n = items->len;
  entries = g_new (SortEntry, n);
  for (guint i = 0; i < n; i++)
    {
      entries[i].item = g_ptr_array_index (items, i);
      entries[i].tie = entries[i].item->row->id;
      entries[i].key = 0;
    }

  /* One stable pass per column, the least significant first: the tie of
   * each pass is the order the passes before it left. */
  for (guint c = n_columns; c > 0; c--)
    {
      WyProblemSort by = columns[c - 1];

      switch (by)
        {
        case WY_PROBLEM_SORT_LIGHT:
          for (guint i = 0; i < n; i++)
            entries[i].key = light_rank (entries[i].item->light);
          break;

        case WY_PROBLEM_SORT_STATUS:
          for (guint i = 0; i < n; i++)
            entries[i].key = entries[i].item->status_rank;
          break;

        case WY_PROBLEM_SORT_DEADLINE:
          if (!number_deadlines (entries, n))
            rank_texts (entries, n, by);
          break;

        case WY_PROBLEM_SORT_COMPOUND:
        case WY_PROBLEM_SORT_COMMUNITY:
        case WY_PROBLEM_SORT_CATEGORY:
        case WY_PROBLEM_SORT_DESCRIPTION:
        case WY_PROBLEM_SORT_RESPONSIBLE_UNIT:
          rank_texts (entries, n, by);
          break;

        case WY_PROBLEM_N_SORTS:
        default:
          g_return_if_reached ();
        }

      if (descending[c - 1])
        for (guint i = 0; i < n; i++)
          entries[i].key = G_MAXUINT64 - entries[i].key;

      if (c < n_columns)
        for (guint i = 0; i < n; i++)
          entries[i].tie = i;

      qsort (entries, n, sizeof (SortEntry), compare_entries);
    }

  if (n_columns == 0)
    qsort (entries, n, sizeof (SortEntry), compare_entries);

  for (guint i = 0; i < n; i++)
    items->pdata[i] = entries[i].item;
}

WyProblemKeyCache *
wy_problem_key_cache_new (void)
{
  WyProblemKeyCache *cache = g_new0 (WyProblemKeyCache, 1);

  cache->collated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ref_string_release);
  cache->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return cache;
}

void
wy_problem_key_cache_free (WyProblemKeyCache *cache)
{
  if (cache == NULL)
    return;

  g_hash_table_unref (cache->collated);
  g_hash_table_unref (cache->folded);
  g_free (cache);
}
