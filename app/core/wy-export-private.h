/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wuyou/wy-export.h"
#include "wuyou/wy-light.h"

G_BEGIN_DECLS

/* Shared by the files of the export only. Every string points into the
 * snapshot's GStringChunk (repeated names are stored once); dates are
 * Julian day numbers, 0 = not set. */

typedef struct {
  gint64      id;
  gint64      community_id;
  gint64      street_id;
  const char *district;
  const char *street;
  const char *community;
  const char *name;
  const char *category;       /* code */
  gint64      year_built;     /* -1 = not set, same below */
  gint64      buildings;
  gint64      households;
  const char *mode;
  gboolean    pilot;
  const char *assistance_unit;
  const char *grid_staff;     /* name and phone */
  const char *service_provider;
  const char *notes;
  char       *marks;          /* in the chunk: one of N/P/M per active target */
  guint       met;
  gboolean    attained;
} WyExportCompound;

typedef struct {
  gint64      id;
  gint64      compound_id;
  const char *street;
  const char *community;
  const char *compound;
  const char *category;       /* 问题类别 in words */
  const char *description;
  const char *measure;
  const char *responsible_unit;
  const char *responsible_person;
  const char *progress;       /* 整改进展: "date text" lines, newest last */
  const char *status;         /* code */
  const char *verifier;
  const char *notes;
  guint32     raised;
  guint32     deadline;
  guint32     signed_off;
  WyLight     light;
} WyExportProblem;

typedef struct {
  gint64      id;
  gint64      ordinal;
  const char *title;
  const char *lead_units;
  const char *co_units;
  guint32     deadline;
  gint64      progress;       /* percent, -1 = not set */
  const char *status;         /* code */
  const char *notes;          /* 推进情况: dated notes, newest last */
  const char *remarks;        /* the task's own notes (备注) */
  WyLight     light;
} WyExportTask;

typedef struct {
  gboolean    is_phase;
  gint64      id;
  gint64      ordinal;
  const char *phase;
  const char *milestone;      /* NULL for a phase row */
  guint32     start;
  guint32     due;
  gboolean    done;
  guint32     done_date;
  WyLight     light;
} WyExportNode;

struct _WyExportSnapshot
{
  GStringChunk *strings;
  GDate         as_of;
  GDate         report_date;
  WyExportPaper paper;
  WyExportSheets sheets;
  gboolean      three_lists;
  guint         new_days;
  gboolean      constant_memory;
  guint         warning_days;
  char         *title;
  char         *reporting_unit;

  GPtrArray    *target_names;  /* active targets in order (const char *) */
  GArray       *compounds;     /* WyExportCompound */
  GArray       *problems;      /* WyExportProblem, grouped by compound */
  GArray       *tasks;         /* WyExportTask */
  GArray       *nodes;         /* WyExportNode: a phase, then its milestones */
};

/* The ledger's side (wy-store-export.c, the only SQL of the export).
 * Rows are filtered to the compounds in `keep` (compound id set, NULL:
 * all) and to street_id / community_id when > 0. */
gboolean  wy_store_export_read_targets    (WyStore           *store,
                                           WyExportSnapshot  *snapshot,
                                           GError           **error);
gboolean  wy_store_export_read_compounds  (WyStore           *store,
                                           WyExportSnapshot  *snapshot,
                                           gint64             street_id,
                                           gint64             community_id,
                                           GHashTable        *keep,
                                           GError           **error);
gboolean  wy_store_export_read_problems   (WyStore           *store,
                                           WyExportSnapshot  *snapshot,
                                           gint64             street_id,
                                           gint64             community_id,
                                           GHashTable        *keep,
                                           GError           **error);
gboolean  wy_store_export_read_tasks      (WyStore           *store,
                                           WyExportSnapshot  *snapshot,
                                           GError           **error);
gboolean  wy_store_export_read_nodes      (WyStore           *store,
                                           WyExportSnapshot  *snapshot,
                                           GError           **error);
/* The street of a street, community scope (NULL if none). */
char     *wy_store_export_scope_street    (WyStore           *store,
                                           WyExportScope      scope,
                                           gint64             scope_id);

/* Validation while reading: text copied into the snapshot, or FALSE with
 * WY_EXPORT_ERROR_BAD_TEXT naming what and where. */
gboolean  wy_export_take_text             (WyExportSnapshot  *snapshot,
                                           const char       **out,
                                           const unsigned char *text,
                                           const char        *table_label,
                                           const char        *row_title,
                                           const char        *field_label,
                                           GError           **error);
guint32   wy_export_julian                (const unsigned char *iso);

/* Sheet texts: the official form's own words (see wy-export-xlsx.c). */
const char *wy_export_category_words      (const char        *code);
const char *wy_export_problem_status_words(const char        *code);
const char *wy_export_task_status_words   (const char        *code);
const char *wy_export_light_words         (WyLight            light);

/* The columns of the problem ledger (wy-export-xlsx.c), for the CSV too. */
#define WY_EXPORT_N_PROBLEM_COLUMNS 16
extern const char * const wy_export_problem_headers[WY_EXPORT_N_PROBLEM_COLUMNS];

/* Writing to a temporary file next to path, then renaming (wy-export.c). */
char     *wy_export_temp_begin            (const char        *path,
                                           GError           **error);
gboolean  wy_export_temp_commit           (const char        *temp_path,
                                           const char        *path,
                                           GError           **error);
void      wy_export_set_io_error          (GError           **error,
                                           int                saved_errno,
                                           const char        *path);

G_END_DECLS
