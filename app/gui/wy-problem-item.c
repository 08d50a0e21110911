/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-problem-item"

#include "config.h"

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
  char          *sort_keys[WY_PROBLEM_N_KEYS];
};

G_DEFINE_FINAL_TYPE (WyProblemItem, wy_problem_item, G_TYPE_OBJECT)

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
append_folded (GString    *key,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return;

  folded = g_utf8_casefold (text, -1);
  g_string_append (key, folded);
  g_string_append_c (key, '\n');
}

static void
wy_problem_item_finalize (GObject *object)
{
  WyProblemItem *self = (WyProblemItem *)object;

  g_clear_pointer (&self->row, wy_problem_row_free);
  g_clear_pointer (&self->search_key, g_free);
  for (guint i = 0; i < WY_PROBLEM_N_KEYS; i++)
    g_clear_pointer (&self->sort_keys[i], g_free);

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

WyProblemItem *
wy_problem_item_new (WyProblemRow *row,
                     const GDate  *today,
                     guint         warning_days)
{
  WyProblemItem *self;
  g_autoptr(GString) key = NULL;

  g_return_val_if_fail (row != NULL, NULL);

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
  append_folded (key, row->description);
  append_folded (key, row->compound);
  append_folded (key, row->responsible_unit);
  append_folded (key, row->responsible_person);
  self->search_key = g_string_free (g_steal_pointer (&key), FALSE);

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

  if (self->light == WY_LIGHT_NONE)
    return "";

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
    {
      const char *text = NULL;

      switch (key)
        {
        case WY_PROBLEM_KEY_COMPOUND:
          text = self->row->compound;
          break;

        case WY_PROBLEM_KEY_COMMUNITY:
          text = self->row->community;
          break;

        case WY_PROBLEM_KEY_CATEGORY:
          text = self->category_label;
          break;

        case WY_PROBLEM_KEY_DESCRIPTION:
          text = self->row->description;
          break;

        case WY_PROBLEM_KEY_RESPONSIBLE_UNIT:
          text = self->row->responsible_unit;
          break;

        case WY_PROBLEM_N_KEYS:
        default:
          g_assert_not_reached ();
        }

      self->sort_keys[key] = g_utf8_collate_key (text != NULL ? text : "", -1);
    }

  return self->sort_keys[key];
}
