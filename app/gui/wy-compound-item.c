/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-compound-item"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wy-compound-item.h"

struct _WyCompoundItem
{
  GObject        parent_instance;

  WyCompoundRow *row;
  const char    *category_label;   /* translated, static */
  /* The texts below are made when first asked for: a list shows a few
   * dozen of 50,000 items, and the first frame should not wait for the
   * rest. */
  char          *households_text;
  char          *targets_text;
  char          *open_problems_text;
  char          *search_key;
  char          *name_key;         /* casefolded name, NULL: the name itself */
  char          *address_key;      /* casefolded address, NULL: the address itself */
  WyLight        deadline_light;
  char          *sort_keys[WY_COMPOUND_N_KEYS];
};

G_DEFINE_FINAL_TYPE (WyCompoundItem, wy_compound_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_NAME,
  PROP_COMMUNITY,
  PROP_CATEGORY_LABEL,
  PROP_PILOT,
  PROP_GOVERNANCE_MODE,
  PROP_HOUSEHOLDS,
  PROP_TARGETS_RATIO,
  PROP_OPEN_PROBLEMS,
  PROP_NEAREST_DEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
category_label (const char *code)
{
  const WyTableInfo *table;
  const WyFieldInfo *field;
  const char *label;

  if (code == NULL || *code == '\0')
    return "";

  table = wy_schema_table (WY_TABLE_COMPOUND);
  field = table != NULL ? wy_schema_field (table, "category") : NULL;
  label = field != NULL ? wy_schema_code_label (field, code) : NULL;

  /* An unknown code is shown as it is rather than hidden. */
  return label != NULL ? _(label) : code;
}

/* Whether g_utf8_casefold() would return text unchanged, for the text a
 * street office writes: ASCII other than capitals, CJK and its
 * punctuation, full-width digits and punctuation. Anything else is
 * casefolded. */
static gboolean
casefold_is_identity (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guchar byte = (guchar) *p;
      gunichar c;

      if (byte < 0x80)
        {
          if (byte >= 'A' && byte <= 'Z')
            return FALSE;
          continue;
        }

      c = g_utf8_get_char (p);
      if (!((c >= 0x3000 && c <= 0x9FFF) ||
            (c >= 0xFF01 && c <= 0xFF20) ||
            (c >= 0xFF3B && c <= 0xFF5F)))
        return FALSE;
    }

  return TRUE;
}

static char *
search_key_for (const char *text)
{
  if (text == NULL || casefold_is_identity (text))
    return NULL;

  return g_utf8_casefold (text, -1);
}

static void
clear_texts (WyCompoundItem *self)
{
  g_clear_pointer (&self->households_text, g_free);
  g_clear_pointer (&self->targets_text, g_free);
  g_clear_pointer (&self->open_problems_text, g_free);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->address_key, g_free);
  for (guint i = 0; i < WY_COMPOUND_N_KEYS; i++)
    g_clear_pointer (&self->sort_keys[i], g_free);
}

static void
wy_compound_item_finalize (GObject *object)
{
  WyCompoundItem *self = (WyCompoundItem *)object;

  g_clear_pointer (&self->row, wy_compound_row_free);
  clear_texts (self);

  G_OBJECT_CLASS (wy_compound_item_parent_class)->finalize (object);
}

static void
wy_compound_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WyCompoundItem *self = WY_COMPOUND_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, wy_compound_item_get_name (self));
      break;

    case PROP_COMMUNITY:
      g_value_set_string (value, wy_compound_item_get_community (self));
      break;

    case PROP_CATEGORY_LABEL:
      g_value_set_string (value, wy_compound_item_get_category_label (self));
      break;

    case PROP_PILOT:
      g_value_set_boolean (value, wy_compound_item_get_pilot (self));
      break;

    case PROP_GOVERNANCE_MODE:
      g_value_set_string (value, wy_compound_item_get_governance_mode (self));
      break;

    case PROP_HOUSEHOLDS:
      g_value_set_int64 (value, wy_compound_item_get_households (self));
      break;

    case PROP_TARGETS_RATIO:
      g_value_set_double (value, wy_compound_item_get_targets_ratio (self));
      break;

    case PROP_OPEN_PROBLEMS:
      g_value_set_uint (value, wy_compound_item_get_open_problems (self));
      break;

    case PROP_NEAREST_DEADLINE:
      g_value_set_string (value, wy_compound_item_get_nearest_deadline (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wy_compound_item_class_init (WyCompoundItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = wy_compound_item_finalize;
  object_class->get_property = wy_compound_item_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COMMUNITY] =
    g_param_spec_string ("community", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_LABEL] =
    g_param_spec_string ("category-label", NULL, NULL, NULL, flags);
  properties[PROP_PILOT] =
    g_param_spec_boolean ("pilot", NULL, NULL, FALSE, flags);
  properties[PROP_GOVERNANCE_MODE] =
    g_param_spec_string ("governance-mode", NULL, NULL, NULL, flags);
  properties[PROP_HOUSEHOLDS] =
    g_param_spec_int64 ("households", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_TARGETS_RATIO] =
    g_param_spec_double ("targets-ratio", NULL, NULL, 0.0, 1.0, 0.0, flags);
  properties[PROP_OPEN_PROBLEMS] =
    g_param_spec_uint ("open-problems", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NEAREST_DEADLINE] =
    g_param_spec_string ("nearest-deadline", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After wy_compound_item_update(): whatever shows the item draws it
   * again (a list row bound to it stays bound). */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wy_compound_item_init (WyCompoundItem *self)
{
  self->deadline_light = WY_LIGHT_NONE;
}

static void
apply_row (WyCompoundItem *self,
           WyCompoundRow  *row,
           const GDate    *today,
           guint           warning_days)
{
  g_clear_pointer (&self->row, wy_compound_row_free);
  clear_texts (self);

  self->row = row;
  self->category_label = category_label (row->category);

  /* What search-as-you-type compares, made now (it is cheap: a Chinese
   * name casefolds to itself) so the first keystroke does not pay for
   * 50,000 of them. */
  self->name_key = search_key_for (row->name);
  self->address_key = search_key_for (row->address);

  self->deadline_light = WY_LIGHT_NONE;
  if (row->nearest_deadline != NULL && today != NULL && g_date_valid (today))
    self->deadline_light = wy_light_compute_iso (row->nearest_deadline, FALSE,
                                                 today, warning_days);
}

WyCompoundItem *
wy_compound_item_new (WyCompoundRow *row,
                      const GDate   *today,
                      guint          warning_days)
{
  WyCompoundItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (WY_TYPE_COMPOUND_ITEM, NULL);
  apply_row (self, row, today, warning_days);

  return self;
}

void
wy_compound_item_update (WyCompoundItem *self,
                         WyCompoundRow  *row,
                         const GDate    *today,
                         guint           warning_days)
{
  g_return_if_fail (WY_IS_COMPOUND_ITEM (self));
  g_return_if_fail (row != NULL);

  apply_row (self, row, today, warning_days);
  g_signal_emit (self, signals[CHANGED], 0);
}

gint64
wy_compound_item_get_id (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), 0);

  return self->row->id;
}

const WyCompoundRow *
wy_compound_item_get_row (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  return self->row;
}

gint64
wy_compound_item_get_community_id (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), 0);

  return self->row->community_id;
}

gint64
wy_compound_item_get_street_id (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), 0);

  return self->row->street_id;
}

gint64
wy_compound_item_get_governance_mode_id (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), 0);

  return self->row->governance_mode_id;
}

const char *
wy_compound_item_get_category (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  return self->row->category != NULL ? self->row->category : "";
}

gboolean
wy_compound_item_get_attained (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), FALSE);

  return self->row->targets_total > 0 && self->row->targets_met >= self->row->targets_total;
}

const char *
wy_compound_item_get_search_key (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  if (self->search_key == NULL)
    {
      g_autofree char *joined = g_strconcat (self->row->name != NULL ? self->row->name : "", "\n",
                                             self->row->address != NULL ? self->row->address : "", NULL);

      self->search_key = g_utf8_casefold (joined, -1);
    }

  return self->search_key;
}

gboolean
wy_compound_item_matches (WyCompoundItem *self,
                          const char     *needle)
{
  const char *name, *address;

  /* No type check: this runs for every item on every keystroke. */
  if (needle == NULL)
    return TRUE;

  name = self->name_key != NULL ? self->name_key : self->row->name;
  address = self->address_key != NULL ? self->address_key : self->row->address;

  return (name != NULL && strstr (name, needle) != NULL) ||
         (address != NULL && strstr (address, needle) != NULL);
}

const char *
wy_compound_item_get_target_marks_text (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  if (self->targets_text == NULL)
    {
      const WyCompoundRow *row = self->row;

      if (row->targets_total > 0)
        {
          GString *marks = g_string_new (NULL);

          for (const char *m = row->target_marks; m != NULL && *m != '\0'; m++)
            g_string_append (marks, *m == 'M' ? "●" : *m == 'P' ? "◐" : "○");
          if (marks->len > 0)
            g_string_append_c (marks, ' ');
          g_string_append_printf (marks, "%u/%u", row->targets_met, row->targets_total);
          self->targets_text = g_string_free (marks, FALSE);
        }
      else
        self->targets_text = g_strdup ("");
    }

  return self->targets_text;
}

const char *
wy_compound_item_get_name (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  return self->row->name != NULL ? self->row->name : "";
}

const char *
wy_compound_item_get_community (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  return self->row->community != NULL ? self->row->community : "";
}

const char *
wy_compound_item_get_category_label (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  return self->category_label;
}

gboolean
wy_compound_item_get_pilot (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), FALSE);

  return self->row->pilot;
}

const char *
wy_compound_item_get_governance_mode (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  return self->row->governance_mode != NULL ? self->row->governance_mode : "";
}

gint64
wy_compound_item_get_households (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), -1);

  return self->row->households;
}

const char *
wy_compound_item_get_households_text (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  if (self->households_text == NULL)
    {
      if (self->row->households >= 0)
        self->households_text = g_strdup_printf ("%" G_GINT64_FORMAT, self->row->households);
      else
        self->households_text = g_strdup ("");
    }

  return self->households_text;
}

const char *
wy_compound_item_get_targets_text (WyCompoundItem *self)
{
  return wy_compound_item_get_target_marks_text (self);
}

double
wy_compound_item_get_targets_ratio (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), 0.0);

  if (self->row->targets_total == 0)
    return 0.0;

  return CLAMP ((double)self->row->targets_met / (double)self->row->targets_total, 0.0, 1.0);
}

guint
wy_compound_item_get_open_problems (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), 0);

  return self->row->open_problems;
}

const char *
wy_compound_item_get_open_problems_text (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  if (self->open_problems_text == NULL)
    self->open_problems_text = g_strdup_printf ("%u", self->row->open_problems);

  return self->open_problems_text;
}

/* ISO date, or NULL when no open problem has a deadline. */
const char *
wy_compound_item_get_nearest_deadline (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);

  return self->row->nearest_deadline;
}

WyLight
wy_compound_item_get_deadline_light (WyCompoundItem *self)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), WY_LIGHT_NONE);

  return self->deadline_light;
}

const char *
wy_compound_item_get_sort_key (WyCompoundItem *self,
                               WyCompoundKey   key)
{
  g_return_val_if_fail (WY_IS_COMPOUND_ITEM (self), NULL);
  g_return_val_if_fail (key < WY_COMPOUND_N_KEYS, NULL);

  if (self->sort_keys[key] == NULL)
    {
      const char *text = NULL;

      switch (key)
        {
        case WY_COMPOUND_KEY_NAME:
          text = wy_compound_item_get_name (self);
          break;

        case WY_COMPOUND_KEY_COMMUNITY:
          text = wy_compound_item_get_community (self);
          break;

        case WY_COMPOUND_KEY_CATEGORY:
          text = wy_compound_item_get_category_label (self);
          break;

        case WY_COMPOUND_KEY_GOVERNANCE_MODE:
          text = wy_compound_item_get_governance_mode (self);
          break;

        case WY_COMPOUND_N_KEYS:
        default:
          g_assert_not_reached ();
        }

      self->sort_keys[key] = g_utf8_collate_key (text, -1);
    }

  return self->sort_keys[key];
}
