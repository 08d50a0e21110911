/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "wy-schema.h"

G_BEGIN_DECLS

/* One row of one table. Values are kept as text exactly as SQLite gives
 * them back (NULL = not set); the typed getters parse on demand. */
typedef struct _WyRecord WyRecord;

WyRecord          *wy_record_new          (WyTable          table);
WyRecord          *wy_record_ref          (WyRecord        *record);
void               wy_record_unref        (WyRecord        *record);
WyRecord          *wy_record_copy         (const WyRecord  *record);

const WyTableInfo *wy_record_get_info     (const WyRecord  *record);
WyTable            wy_record_get_table    (const WyRecord  *record);
gint64             wy_record_get_id       (const WyRecord  *record);
const char        *wy_record_get_uuid     (const WyRecord  *record);
const char        *wy_record_get_created  (const WyRecord  *record);
const char        *wy_record_get_updated  (const WyRecord  *record);

const char        *wy_record_get          (const WyRecord  *record,
                                           const char      *field);
const char        *wy_record_get_nth      (const WyRecord  *record,
                                           guint            index);
gint64             wy_record_get_int      (const WyRecord  *record,
                                           const char      *field,
                                           gint64           fallback);
double             wy_record_get_double   (const WyRecord  *record,
                                           const char      *field,
                                           double           fallback);
gboolean           wy_record_get_bool     (const WyRecord  *record,
                                           const char      *field);

void               wy_record_set          (WyRecord        *record,
                                           const char      *field,
                                           const char      *value);
void               wy_record_set_int      (WyRecord        *record,
                                           const char      *field,
                                           gint64           value);
void               wy_record_set_double   (WyRecord        *record,
                                           const char      *field,
                                           double           value);
void               wy_record_set_bool     (WyRecord        *record,
                                           const char      *field,
                                           gboolean         value);
void               wy_record_set_date     (WyRecord        *record,
                                           const char      *field,
                                           const GDate     *value);

/* Used by the store only: identity columns. */
void               wy_record_set_identity (WyRecord        *record,
                                           gint64           id,
                                           const char      *uuid,
                                           const char      *created,
                                           const char      *updated);
void               wy_record_take_nth     (WyRecord        *record,
                                           guint            index,
                                           char            *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyRecord, wy_record_unref)

G_END_DECLS
