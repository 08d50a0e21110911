/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every entity of the ledger, in an order where a table only refers to
 * tables before it (so inserting in this order never breaks a reference). */
typedef enum {
  WY_TABLE_DISTRICT,
  WY_TABLE_STREET,
  WY_TABLE_COMMUNITY,
  WY_TABLE_GOVERNANCE_MODE,
  WY_TABLE_TARGET,
  WY_TABLE_ASSISTANCE_UNIT,
  WY_TABLE_COMPOUND,
  WY_TABLE_COMPOUND_TARGET,
  WY_TABLE_MEETING,
  WY_TABLE_MEETING_COMPOUND,
  WY_TABLE_INSPECTION,
  WY_TABLE_PROBLEM,
  WY_TABLE_PROBLEM_UPDATE,
  WY_TABLE_TASK,
  WY_TABLE_TASK_NOTE,
  WY_TABLE_TASK_COMPOUND,
  WY_TABLE_PHASE,
  WY_TABLE_MILESTONE,
  WY_TABLE_ASSISTANCE_ACTIVITY,
  WY_TABLE_FUNDING,
  WY_N_TABLES
} WyTable;

typedef enum {
  WY_FIELD_TEXT,
  WY_FIELD_INT,
  WY_FIELD_REAL,
  WY_FIELD_DATE,    /* ISO YYYY-MM-DD */
  WY_FIELD_BOOL,    /* stored 0/1 */
  WY_FIELD_REF,     /* id of a row of ref_table */
  WY_FIELD_ENUM,    /* one of codes[] */
} WyFieldKind;

typedef enum {
  WY_FIELD_FLAG_NONE         = 0,
  WY_FIELD_FLAG_REQUIRED     = 1 << 0,
  WY_FIELD_FLAG_NON_NEGATIVE = 1 << 1,
  WY_FIELD_FLAG_PERCENT      = 1 << 2,  /* 0..100 */
  WY_FIELD_FLAG_PLAN_DATE    = 1 << 3,  /* moved by "shift the plan" */
  WY_FIELD_FLAG_PLAN_TEXT    = 1 << 4,  /* read through wy_plan_text_localize() */
  WY_FIELD_FLAG_NEW_REQUIRED = 1 << 5,  /* every new write needs it; old rows may lack it */
  WY_FIELD_FLAG_UNTIL_TODAY  = 1 << 6,  /* a year: at most the year of "today" */
  WY_FIELD_FLAG_MONEY        = 1 << 7,  /* REAL yuan in records, INTEGER fen in the ledger (wy-money.h) */
} WyFieldFlags;

typedef struct {
  const char         *name;       /* column name */
  WyFieldKind         kind;
  WyFieldFlags        flags;
  const char         *label;      /* N_() msgid, translate with _() */
  WyTable             ref_table;  /* for WY_FIELD_REF */
  const char * const *codes;      /* for WY_FIELD_ENUM, NULL-terminated */
  const char * const *code_labels;/* N_() msgids matching codes */
  guint               max_chars;  /* WY_FIELD_TEXT: 0 for no limit */
  gint64              min_value;  /* WY_FIELD_INT when max_value > 0 */
  gint64              max_value;
} WyFieldInfo;

typedef struct {
  WyTable            table;
  const char        *name;        /* SQL table name */
  const char        *label;       /* N_() msgid */
  const char        *parent_field;/* the field that owns the row, or NULL */
  const char        *title_field; /* what names a row in messages */
  const WyFieldInfo *fields;
  guint              n_fields;
} WyTableInfo;

const WyTableInfo *wy_schema_table            (WyTable             table);
const WyTableInfo *wy_schema_table_by_name    (const char         *name);
const WyFieldInfo *wy_schema_field            (const WyTableInfo  *info,
                                               const char         *field);
int                wy_schema_field_index      (const WyTableInfo  *info,
                                               const char         *field);
const char        *wy_schema_code_label       (const WyFieldInfo  *field,
                                               const char         *code);
gboolean           wy_schema_validate_value   (const WyFieldInfo  *field,
                                               const char         *value,
                                               GError            **error);
/* Whether two valid values of a REAL field are the same number ("12" and
 * "12.0"; for money, the same fen: "0.3" and "0.30000000000000004"). */
gboolean           wy_schema_same_number      (const WyFieldInfo  *field,
                                               const char         *a,
                                               const char         *b);
/* The limits a new value must keep (length, range, "needed from now on"),
 * checked after wy_schema_validate_value() accepted it. Rows written before the limits
 * existed keep their values: only new writes are checked. today bounds a
 * year (WY_FIELD_FLAG_UNTIL_TODAY); NULL leaves that bound out. */
gboolean           wy_schema_check_limits     (const WyFieldInfo  *field,
                                               const char         *value,
                                               const GDate        *today,
                                               GError            **error);
/* The limits told next to the field ("At most 60 characters", "1900 to
 * 2026", "Required"), translated; NULL when there are none. */
char              *wy_schema_limit_hint       (const WyFieldInfo  *field,
                                               const GDate        *today);

/* Codes shared by the rules */
#define WY_CATEGORY_SELF_MANAGED "self_managed"
#define WY_CATEGORY_THREE_NONE   "three_none"
#define WY_PROBLEM_PENDING       "pending"
#define WY_PROBLEM_IN_PROGRESS   "in_progress"
#define WY_PROBLEM_FIXED         "fixed"
#define WY_PROBLEM_SIGNED_OFF    "signed_off"
#define WY_TARGET_NOT_MET        "not_met"
#define WY_TARGET_IN_PROGRESS    "in_progress"
#define WY_TARGET_MET            "met"
#define WY_TASK_NOT_STARTED      "not_started"
#define WY_TASK_IN_PROGRESS      "in_progress"
#define WY_TASK_DONE             "done"
#define WY_MEETING_LEADERSHIP    "leadership"
#define WY_MEETING_JOINT         "joint"
#define WY_MEETING_CONSULTATION  "consultation"

G_END_DECLS
