/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "wy-store.h"

G_BEGIN_DECLS

/* The Excel ledgers (台账) clerks print and send upward, and a CSV of the
 * problem ledger.
 *
 * Threads: exporting is two steps. wy_export_snapshot_new() reads every
 * row the export needs from the store, on the thread that owns the store
 * (the GUI's main thread), into memory of its own; the snapshot is then
 * written with wy_export_snapshot_write_xlsx() / _write_problems_csv(),
 * which touch neither the store nor GTK and may run in a GTask worker
 * thread. wy_export_ledger_xlsx() and wy_export_problems_csv() do both
 * steps on the calling thread (the command line).
 *
 * Files: the output is written to a temporary file in the same folder and
 * renamed over path at the end; on any failure or cancellation nothing is
 * left behind and an existing file at path is untouched. */

#define WY_EXPORT_ERROR (wy_export_error_quark ())

typedef enum {
  WY_EXPORT_ERROR_NO_PERMISSION,  /* the folder or file cannot be written */
  WY_EXPORT_ERROR_NO_FOLDER,      /* the folder does not exist */
  WY_EXPORT_ERROR_DISK_FULL,      /* ENOSPC / EDQUOT */
  WY_EXPORT_ERROR_BUSY,           /* the file is open in another program */
  WY_EXPORT_ERROR_BAD_TEXT,       /* the ledger holds text that is not UTF-8 */
  WY_EXPORT_ERROR_EMPTY,          /* no sheet chosen */
  WY_EXPORT_ERROR_FAILED,         /* anything else */
} WyExportError;

/* Which sheets go out. */
typedef enum {
  WY_EXPORT_SHEET_COMPOUNDS  = 1 << 0,  /* 小区基本情况台账 */
  WY_EXPORT_SHEET_PROBLEMS   = 1 << 1,  /* 问题整改销号台账 (or the three lists) */
  WY_EXPORT_SHEET_TASKS      = 1 << 2,  /* 工作任务推进表 */
  WY_EXPORT_SHEET_PHASES     = 1 << 3,  /* 阶段节点 */
  WY_EXPORT_SHEET_ATTAINMENT = 1 << 4,  /* 五有达标统计 */
  WY_EXPORT_SHEET_ALL        = 0x1f,
} WyExportSheets;

/* Which compounds (and so which problems and which attainment rows) go
 * out. Tasks and phases belong to the whole ledger and always go out
 * whole when their sheet is chosen. */
typedef enum {
  WY_EXPORT_SCOPE_ALL,
  WY_EXPORT_SCOPE_STREET,     /* scope_id: a street id */
  WY_EXPORT_SCOPE_COMMUNITY,  /* scope_id: a community id */
  WY_EXPORT_SCOPE_COMPOUNDS,  /* compound_ids: exactly what a list shows */
} WyExportScope;

typedef enum {
  WY_EXPORT_PAPER_A4 = 9,     /* Excel paper codes */
  WY_EXPORT_PAPER_A3 = 8,
} WyExportPaper;

typedef struct {
  GDate          as_of;          /* 截至日期: lights and the 新增 window */
  GDate          report_date;    /* 填报日期 */
  WyExportPaper  paper;          /* always landscape, one page wide */
  WyExportSheets sheets;
  WyExportScope  scope;
  gint64         scope_id;
  GArray        *compound_ids;   /* of gint64, for WY_EXPORT_SCOPE_COMPOUNDS;
                                    owned by the caller, copied by the snapshot */
  /* The three lists clerks keep, as three sheets instead of one problem
   * ledger. Every problem is in exactly one of them:
   *   新增问题   raised in the new_days days up to and including as_of
   *              (as_of - new_days < raised <= as_of) and not signed off;
   *   推进中问题 every other problem that is not signed off;
   *   已销号问题 signed off. */
  gboolean       three_lists;
  guint          new_days;       /* default 30 */
  const char    *reporting_unit; /* 填报单位; NULL: see below */
  const char    *title;          /* NULL: "<unit>“自管小区”“三无小区”治理工作台账" */
  guint          warning_days;   /* 0: the ledger's setting */
  gboolean       constant_memory;/* libxlsxwriter's streaming mode (default TRUE) */
} WyExportOptions;

/* Everything out, A4, as of today (today and report date both = today:
 * the core never asks the clock), three_lists off, constant memory on.
 * The default reporting unit is the street of a street/community scope
 * unless the ledger's office name (setting "office_name") already names
 * that street; otherwise the office name. */
void        wy_export_options_init_defaults  (WyExportOptions *options,
                                              const GDate     *today);

/* Called with 0.0 … 1.0 from the thread that writes. */
typedef void (*WyExportProgressFunc) (double   fraction,
                                      gpointer user_data);

typedef struct _WyExportSnapshot WyExportSnapshot;

GQuark             wy_export_error_quark          (void);

/* Reads what the options select (and checks that all of it is valid
 * UTF-8: WY_EXPORT_ERROR_BAD_TEXT names the row and field otherwise).
 * Call on the store's thread. Memory: about 0.3 KB per problem. */
WyExportSnapshot  *wy_export_snapshot_new         (WyStore                *store,
                                                   const WyExportOptions  *options,
                                                   GError                **error);
void               wy_export_snapshot_free        (WyExportSnapshot       *snapshot);
guint              wy_export_snapshot_get_n_compounds (WyExportSnapshot   *snapshot);
guint              wy_export_snapshot_get_n_problems  (WyExportSnapshot   *snapshot);
const char        *wy_export_snapshot_get_title   (WyExportSnapshot       *snapshot);
const char        *wy_export_snapshot_get_reporting_unit (WyExportSnapshot *snapshot);

/* Any thread; each snapshot by one thread at a time. */
gboolean           wy_export_snapshot_write_xlsx  (WyExportSnapshot       *snapshot,
                                                   const char             *path,
                                                   WyExportProgressFunc    progress,
                                                   gpointer                user_data,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
/* The problem ledger's columns, UTF-8 with a BOM, RFC 4180 quoting, CRLF;
 * a cell starting with = + - @ tab or CR gets a leading apostrophe so a
 * spreadsheet does not run it as a formula. Dates as YYYY-MM-DD. */
gboolean           wy_export_snapshot_write_problems_csv (WyExportSnapshot *snapshot,
                                                   const char             *path,
                                                   GCancellable           *cancellable,
                                                   GError                **error);

/* Snapshot + write on the calling thread. */
gboolean           wy_export_ledger_xlsx          (WyStore                *store,
                                                   const WyExportOptions  *options,
                                                   const char             *path,
                                                   WyExportProgressFunc    progress,
                                                   gpointer                user_data,
                                                   GCancellable           *cancellable,
                                                   GError                **error);
gboolean           wy_export_problems_csv         (WyStore                *store,
                                                   const WyExportOptions  *options,
                                                   const char             *path,
                                                   GCancellable           *cancellable,
                                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WyExportSnapshot, wy_export_snapshot_free)

G_END_DECLS
