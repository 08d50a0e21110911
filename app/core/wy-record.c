/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wuyou/wy-date.h"
#include "wuyou/wy-record.h"

struct _WyRecord
{
  gatomicrefcount    ref_count;
  const WyTableInfo *info;
  gint64             id;
  char              *uuid;
  char              *created;
  char              *updated;
  char             **values;   /* info->n_fields entries, NULL = unset */
};

WyRecord *
wy_record_new (WyTable table)
{
  WyRecord *self = g_new0 (WyRecord, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->info = wy_schema_table (table);
  self->values = g_new0 (char *, self->info->n_fields);

  return self;
}

WyRecord *
wy_record_ref (WyRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
wy_record_unref (WyRecord *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->info->n_fields; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self->uuid);
  g_free (self->created);
  g_free (self->updated);
  g_free (self);
}

WyRecord *
wy_record_copy (const WyRecord *self)
{
  WyRecord *copy = wy_record_new (self->info->table);

  wy_record_set_identity (copy, self->id, self->uuid, self->created, self->updated);
  for (guint i = 0; i < self->info->n_fields; i++)
    copy->values[i] = g_strdup (self->values[i]);

  return copy;
}

const WyTableInfo *
wy_record_get_info (const WyRecord *self)
{
  return self->info;
}

WyTable
wy_record_get_table (const WyRecord *self)
{
  return self->info->table;
}

gint64
wy_record_get_id (const WyRecord *self)
{
  return self->id;
}

const char *
wy_record_get_uuid (const WyRecord *self)
{
  return self->uuid;
}

const char *
wy_record_get_created (const WyRecord *self)
{
  return self->created;
}

const char *
wy_record_get_updated (const WyRecord *self)
{
  return self->updated;
}

static int
field_index_or_warn (const WyRecord *self,
                     const char     *field)
{
  int index = wy_schema_field_index (self->info, field);

  if (index < 0)
    g_critical ("Table %s has no field %s", self->info->name, field);

  return index;
}

const char *
wy_record_get (const WyRecord *self,
               const char     *field)
{
  int index = field_index_or_warn (self, field);

  return index < 0 ? NULL : self->values[index];
}

const char *
wy_record_get_nth (const WyRecord *self,
                   guint           index)
{
  g_return_val_if_fail (index < self->info->n_fields, NULL);

  return self->values[index];
}

gint64
wy_record_get_int (const WyRecord *self,
                   const char     *field,
                   gint64          fallback)
{
  const char *value = wy_record_get (self, field);
  char *end = NULL;
  gint64 number;

  if (value == NULL || value[0] == '\0')
    return fallback;

  number = g_ascii_strtoll (value, &end, 10);
  return (end != NULL && *end == '\0') ? number : fallback;
}

double
wy_record_get_double (const WyRecord *self,
                      const char     *field,
                      double          fallback)
{
  const char *value = wy_record_get (self, field);
  char *end = NULL;
  double number;

  if (value == NULL || value[0] == '\0')
    return fallback;

  number = g_ascii_strtod (value, &end);
  return (end != NULL && *end == '\0') ? number : fallback;
}

gboolean
wy_record_get_bool (const WyRecord *self,
                    const char     *field)
{
  return wy_record_get_int (self, field, 0) != 0;
}

void
wy_record_take_nth (WyRecord *self,
                    guint     index,
                    char     *value)
{
  g_return_if_fail (index < self->info->n_fields);

  g_free (self->values[index]);
  self->values[index] = value;
}

void
wy_record_set (WyRecord   *self,
               const char *field,
               const char *value)
{
  int index = field_index_or_warn (self, field);

  if (index >= 0)
    wy_record_take_nth (self, (guint) index, g_strdup (value));
}

void
wy_record_set_int (WyRecord   *self,
                   const char *field,
                   gint64      value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  wy_record_set (self, field, buffer);
}

void
wy_record_set_double (WyRecord   *self,
                      const char *field,
                      double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* g_ascii_dtostr: never a decimal comma, whatever the locale */
  wy_record_set (self, field, g_ascii_dtostr (buffer, sizeof buffer, value));
}

void
wy_record_set_bool (WyRecord   *self,
                    const char *field,
                    gboolean    value)
{
  wy_record_set (self, field, value ? "1" : "0");
}

void
wy_record_set_date (WyRecord    *self,
                    const char  *field,
                    const GDate *value)
{
  g_autofree char *iso = NULL;

  if (value != NULL && g_date_valid (value))
    iso = wy_date_to_iso (value);

  wy_record_set (self, field, iso);
}

void
wy_record_set_identity (WyRecord   *self,
                        gint64      id,
                        const char *uuid,
                        const char *created,
                        const char *updated)
{
  self->id = id;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  g_free (self->created);
  self->created = g_strdup (created);
  g_free (self->updated);
  self->updated = g_strdup (updated);
}
