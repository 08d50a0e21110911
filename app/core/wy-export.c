/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-schema.h"
#include "wy-export-private.h"

/* Options, the snapshot, and the safe way to put a file on disk (a
 * temporary name in the same folder, renamed at the end). The workbook
 * itself is wy-export-xlsx.c, the CSV wy-export-csv.c, the SQL
 * wy-store-export.c. */

G_DEFINE_QUARK (wy-export-error-quark, wy_export_error)

#define DEFAULT_NEW_DAYS 30

void
wy_export_options_init_defaults (WyExportOptions *options,
                                 const GDate     *today)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  memset (options, 0, sizeof *options);
  options->as_of = *today;
  options->report_date = *today;
  options->paper = WY_EXPORT_PAPER_A4;
  options->sheets = WY_EXPORT_SHEET_ALL;
  options->scope = WY_EXPORT_SCOPE_ALL;
  options->new_days = DEFAULT_NEW_DAYS;
  options->constant_memory = TRUE;
}

/* --- The words of the official form ------------------------------------
 * Sheet texts are data of the form the district expects, in Chinese
 * whatever the UI language: not UI strings, so not wrapped in _(). */

const char *
wy_export_category_words (const char *code)
{
  if (g_strcmp0 (code, "safety") == 0)
    return "安全隐患";
  if (g_strcmp0 (code, "target") == 0)
    return "五有达标";
  return "其他";
}

const char *
wy_export_problem_status_words (const char *code)
{
  if (g_strcmp0 (code, WY_PROBLEM_PENDING) == 0)
    return "待整改";
  if (g_strcmp0 (code, WY_PROBLEM_IN_PROGRESS) == 0)
    return "整改中";
  if (g_strcmp0 (code, WY_PROBLEM_FIXED) == 0)
    return "已整改待验收";
  if (g_strcmp0 (code, WY_PROBLEM_SIGNED_OFF) == 0)
    return "已销号";
  return "";
}

const char *
wy_export_task_status_words (const char *code)
{
  if (g_strcmp0 (code, WY_TASK_NOT_STARTED) == 0)
    return "未启动";
  if (g_strcmp0 (code, WY_TASK_IN_PROGRESS) == 0)
    return "推进中";
  if (g_strcmp0 (code, WY_TASK_DONE) == 0)
    return "已完成";
  return "";
}

const char *
wy_export_light_words (WyLight light)
{
  switch (light)
    {
    case WY_LIGHT_RED:    return "逾期";
    case WY_LIGHT_YELLOW: return "临期";
    case WY_LIGHT_GREEN:  return "正常";
    case WY_LIGHT_DONE:   return "已完成";
    case WY_LIGHT_NONE:
    default:              return "";
    }
}

/* --- Reading -------------------------------------------------------------- */

gboolean
wy_export_take_text (WyExportSnapshot     *snapshot,
                     const char          **out,
                     const unsigned char  *text,
                     const char           *table_label,
                     const char           *row_title,
                     const char           *field_label,
                     GError              **error)
{
  if (text == NULL)
    {
      *out = NULL;
      return TRUE;
    }
  if (!g_utf8_validate ((const char *) text, -1, NULL))
    {
      /* TRANSLATORS: the first %s is a kind of row (“Compound”), the
       * second its name, the third a field (“Notes”). */
      g_set_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_BAD_TEXT,
                   _("The ledger holds text that is not valid UTF-8 (%s “%s”, field “%s”). "
                     "Excel cannot open a workbook with such text, so nothing was written. "
                     "Correct the text in Wuyou and export again."),
                   table_label, row_title, field_label);
      return FALSE;
    }
  *out = g_string_chunk_insert_const (snapshot->strings, (const char *) text);
  return TRUE;
}

guint32
wy_export_julian (const unsigned char *iso)
{
  GDate date;

  if (iso == NULL || !wy_date_parse ((const char *) iso, &date))
    return 0;
  return g_date_get_julian (&date);
}

static char *
default_reporting_unit (WyStore               *store,
                        const WyExportOptions *options)
{
  g_autofree char *office = wy_store_get_setting (store, WY_SETTING_OFFICE_NAME);
  g_autofree char *street = wy_store_export_scope_street (store, options->scope, options->scope_id);

  if (office != NULL && !g_utf8_validate (office, -1, NULL))
    g_clear_pointer (&office, g_free);

  if (street != NULL && (office == NULL || strstr (office, street) == NULL))
    return g_steal_pointer (&street);
  return office != NULL ? g_steal_pointer (&office) : g_strdup ("");
}

WyExportSnapshot *
wy_export_snapshot_new (WyStore                *store,
                        const WyExportOptions  *options,
                        GError                **error)
{
  g_autoptr(WyExportSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) keep = NULL;
  gint64 street_id = 0, community_id = 0;

  g_return_val_if_fail (WY_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (g_date_valid (&options->as_of), NULL);

  if ((options->sheets & WY_EXPORT_SHEET_ALL) == 0)
    {
      g_set_error_literal (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_EMPTY,
                           _("Choose at least one sheet to export."));
      return NULL;
    }
  if ((options->reporting_unit != NULL && !g_utf8_validate (options->reporting_unit, -1, NULL)) ||
      (options->title != NULL && !g_utf8_validate (options->title, -1, NULL)))
    {
      g_set_error_literal (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_BAD_TEXT,
                           _("The title or the reporting unit is not valid text."));
      return NULL;
    }

  snapshot = g_new0 (WyExportSnapshot, 1);
  snapshot->strings = g_string_chunk_new (256 * 1024);
  snapshot->as_of = options->as_of;
  snapshot->report_date = g_date_valid (&options->report_date) ? options->report_date : options->as_of;
  snapshot->paper = options->paper == WY_EXPORT_PAPER_A3 ? WY_EXPORT_PAPER_A3 : WY_EXPORT_PAPER_A4;
  snapshot->sheets = options->sheets & WY_EXPORT_SHEET_ALL;
  snapshot->three_lists = options->three_lists;
  snapshot->new_days = options->new_days > 0 ? options->new_days : DEFAULT_NEW_DAYS;
  snapshot->constant_memory = options->constant_memory;
  snapshot->warning_days = options->warning_days > 0 ? options->warning_days : wy_store_get_warning_days (store);
  snapshot->target_names = g_ptr_array_new ();
  snapshot->compounds = g_array_new (FALSE, FALSE, sizeof (WyExportCompound));
  snapshot->problems = g_array_new (FALSE, FALSE, sizeof (WyExportProblem));
  snapshot->tasks = g_array_new (FALSE, FALSE, sizeof (WyExportTask));
  snapshot->nodes = g_array_new (FALSE, FALSE, sizeof (WyExportNode));

  snapshot->reporting_unit = options->reporting_unit != NULL
                             ? g_strdup (options->reporting_unit)
                             : default_reporting_unit (store, options);
  snapshot->title = options->title != NULL
                    ? g_strdup (options->title)
                    : g_strconcat (snapshot->reporting_unit, "“自管小区”“三无小区”治理工作台账", NULL);

  switch (options->scope)
    {
    case WY_EXPORT_SCOPE_STREET:
      street_id = MAX (options->scope_id, 1);
      break;
    case WY_EXPORT_SCOPE_COMMUNITY:
      community_id = MAX (options->scope_id, 1);
      break;
    case WY_EXPORT_SCOPE_COMPOUNDS:
      keep = g_hash_table_new (g_int64_hash, g_int64_equal);
      if (options->compound_ids != NULL)
        for (guint i = 0; i < options->compound_ids->len; i++)
          g_hash_table_add (keep, &g_array_index (options->compound_ids, gint64, i));
      break;
    case WY_EXPORT_SCOPE_ALL:
    default:
      break;
    }

  if (!wy_store_export_read_targets (store, snapshot, error) ||
      !wy_store_export_read_compounds (store, snapshot, street_id, community_id, keep, error))
    return NULL;
  if ((snapshot->sheets & WY_EXPORT_SHEET_PROBLEMS) &&
      !wy_store_export_read_problems (store, snapshot, street_id, community_id, keep, error))
    return NULL;
  if ((snapshot->sheets & WY_EXPORT_SHEET_TASKS) &&
      !wy_store_export_read_tasks (store, snapshot, error))
    return NULL;
  if ((snapshot->sheets & WY_EXPORT_SHEET_PHASES) &&
      !wy_store_export_read_nodes (store, snapshot, error))
    return NULL;

  return g_steal_pointer (&snapshot);
}

void
wy_export_snapshot_free (WyExportSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_pointer (&snapshot->strings, g_string_chunk_free);
  g_clear_pointer (&snapshot->target_names, g_ptr_array_unref);
  g_clear_pointer (&snapshot->compounds, g_array_unref);
  g_clear_pointer (&snapshot->problems, g_array_unref);
  g_clear_pointer (&snapshot->tasks, g_array_unref);
  g_clear_pointer (&snapshot->nodes, g_array_unref);
  g_free (snapshot->title);
  g_free (snapshot->reporting_unit);
  g_free (snapshot);
}

guint
wy_export_snapshot_get_n_compounds (WyExportSnapshot *snapshot)
{
  return snapshot->compounds->len;
}

guint
wy_export_snapshot_get_n_problems (WyExportSnapshot *snapshot)
{
  return snapshot->problems->len;
}

const char *
wy_export_snapshot_get_title (WyExportSnapshot *snapshot)
{
  return snapshot->title;
}

const char *
wy_export_snapshot_get_reporting_unit (WyExportSnapshot *snapshot)
{
  return snapshot->reporting_unit;
}

/* --- Files ----------------------------------------------------------------- */

void
wy_export_set_io_error (GError     **error,
                        int          saved_errno,
                        const char  *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *shown = g_filename_display_name (path);
  g_autofree char *shown_dir = g_filename_display_name (dir);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_NO_PERMISSION,
                   _("You have no permission to write “%s” in the folder “%s”. "
                     "Choose another folder, for example your Documents folder."),
                   shown, shown_dir);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_NO_FOLDER,
                   _("The folder “%s” does not exist. Choose another folder."), shown_dir);
      break;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_DISK_FULL,
                   _("The disk is full: “%s” could not be written. "
                     "Free some space or choose another disk, then export again."),
                   shown);
      break;
    case EBUSY:
    case ETXTBSY:
      g_set_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_BUSY,
                   _("“%s” is in use by another program. Close it there and export again."),
                   shown);
      break;
    default:
      g_set_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_FAILED,
                   _("“%s” could not be written: %s."), shown, g_strerror (saved_errno));
      break;
    }
}

/* Lock files spreadsheets leave next to a file they have open:
 * LibreOffice “.~lock.NAME#”, Excel and WPS “~$NAME”. */
static gboolean
is_open_elsewhere (const char *dir,
                   const char *base)
{
  g_autofree char *lo_name = g_strdup_printf (".~lock.%s#", base);
  g_autofree char *ms_name = g_strconcat ("~$", base, NULL);
  g_autofree char *lo = g_build_filename (dir, lo_name, NULL);
  g_autofree char *ms = g_build_filename (dir, ms_name, NULL);

  return g_file_test (lo, G_FILE_TEST_EXISTS) || g_file_test (ms, G_FILE_TEST_EXISTS);
}

char *
wy_export_temp_begin (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp_name = NULL;
  g_autofree char *temp = NULL;
  GStatBuf st;
  int fd;

  if (g_stat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      wy_export_set_io_error (error, g_stat (dir, &st) != 0 ? errno : ENOTDIR, path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_FAILED,
                   _("“%s” is a folder. Choose a file name."), shown);
      return NULL;
    }
  if (is_open_elsewhere (dir, base))
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, WY_EXPORT_ERROR, WY_EXPORT_ERROR_BUSY,
                   _("“%s” is open in another program (LibreOffice, WPS or Excel). "
                     "Close it there and export again."), shown);
      return NULL;
    }

  temp_name = g_strconcat (".~wuyou-", base, ".XXXXXX", NULL);
  temp = g_build_filename (dir, temp_name, NULL);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      wy_export_set_io_error (error, errno, path);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temp);
}

gboolean
wy_export_temp_commit (const char  *temp_path,
                       const char  *path,
                       GError     **error)
{
  int fd = g_open (temp_path, O_RDONLY | O_CLOEXEC, 0);

  /* Data first, then the name: a crash never leaves a half workbook
   * under the real name. */
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (temp_path);
      wy_export_set_io_error (error, saved_errno, path);
      return FALSE;
    }
  close (fd);

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      wy_export_set_io_error (error, saved_errno, path);
      return FALSE;
    }
  return TRUE;
}

/* --- One step ------------------------------------------------------------- */

gboolean
wy_export_ledger_xlsx (WyStore                *store,
                       const WyExportOptions  *options,
                       const char             *path,
                       WyExportProgressFunc    progress,
                       gpointer                user_data,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_autoptr(WyExportSnapshot) snapshot = wy_export_snapshot_new (store, options, error);

  return snapshot != NULL &&
         wy_export_snapshot_write_xlsx (snapshot, path, progress, user_data, cancellable, error);
}

gboolean
wy_export_problems_csv (WyStore                *store,
                        const WyExportOptions  *options,
                        const char             *path,
                        GCancellable           *cancellable,
                        GError                **error)
{
  WyExportOptions only_problems = *options;
  g_autoptr(WyExportSnapshot) snapshot = NULL;

  only_problems.sheets = WY_EXPORT_SHEET_PROBLEMS;
  snapshot = wy_export_snapshot_new (store, &only_problems, error);
  return snapshot != NULL &&
         wy_export_snapshot_write_problems_csv (snapshot, path, cancellable, error);
}
