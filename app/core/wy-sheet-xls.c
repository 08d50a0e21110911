/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-sheet-xls"

#include "config.h"

#include <errno.h>
#include <freexl.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wy-sheet-private.h"

/* .xls (Excel 97–2003, BIFF8, and older BIFF) through libfreexl 1.0.6.
 * freexl reads the whole workbook into memory when it opens it (an .xls
 * holds at most 65,536 rows of 256 columns) and converts text to UTF-8.
 * It reports neither hidden sheets nor merged ranges: every sheet is
 * "visible" and wy_sheet_reader_get_merged_ranges() is empty. Dates come
 * from freexl as "YYYY-MM-DD" (or with a time, which is dropped).
 *
 * freexl runs in a child process: fuzzing the survey fixture found
 * freexl 1.0.6 overflowing a stack buffer in its charset conversion on a
 * damaged .xls (a few bytes changed). The child (fork, no exec) opens the
 * file and writes what it read into a pipe — the sheet names, or one
 * sheet's cells — and the parent checks everything it receives; a child
 * that dies is a damaged file, not a crashed Wuyou. */

#define PASSWORD_PROTECTED (-1000)

typedef struct
{
  FILE  *in;
  pid_t  pid;
} Child;

static void
set_xls_error (WySheetReader  *reader,
               int             code,
               GError        **error)
{
  g_autofree char *detail = NULL;

  if (code == PASSWORD_PROTECTED)
    {
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_UNSUPPORTED,
                   /* Translators: %s is a file's name */
                   _("“%s” is protected by a password. Open it in Excel or WPS, remove the "
                     "password and save it again."),
                   reader->display_name);
      return;
    }
  if (code == 255)
    detail = g_strdup ("the .xls reader failed");
  else if (code > 0)
    detail = g_strdup_printf ("the .xls reader stopped on signal %d", code);
  else
    detail = g_strdup_printf ("freexl error %d", code);
  g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_DAMAGED,
               /* Translators: %s are a file's name and a technical detail (in English) */
               _("“%s” is damaged or not an Excel 97–2003 workbook. Open it in Excel or WPS "
                 "and save it again (as .xlsx is best). Detail: %s"),
               reader->display_name, detail);
}

static void
put_u32 (FILE    *out,
         guint32  value)
{
  fwrite (&value, sizeof value, 1, out);
}

static void
put_text (FILE       *out,
          const char *text)
{
  gsize length = strlen (text);

  put_u32 (out, (guint32) MIN (length, G_MAXUINT32));
  fwrite (text, 1, length, out);
}

/* In the child: open the workbook, 0 or a freexl error (or
 * PASSWORD_PROTECTED). */
static int
child_open (const char  *path,
            const void **handle)
{
  unsigned int info = 0;
  int ret;

  ret = freexl_open (path, handle);
  if (ret != FREEXL_OK)
    return ret;
  if (freexl_get_info (*handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK
      && info == FREEXL_BIFF_OBFUSCATED)
    return PASSWORD_PROTECTED;
  return FREEXL_OK;
}

/* The sheet names: status, count, each name. */
static void
child_list_sheets (const char *path,
                   FILE       *out)
{
  const void *handle = NULL;
  unsigned int count = 0;
  int ret = child_open (path, &handle);

  if (ret == FREEXL_OK)
    ret = freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &count);
  put_u32 (out, (guint32) ret);
  if (ret != FREEXL_OK)
    return;
  count = MIN (count, G_MAXUSHORT);
  put_u32 (out, count);
  for (unsigned int i = 0; i < count; i++)
    {
      const char *name = NULL;

      if (freexl_get_worksheet_name (handle, (unsigned short) i, &name) != FREEXL_OK || name == NULL)
        name = "";
      put_text (out, name);
    }
}

/* One sheet: per row with cells, its number, its cells (column, kind,
 * text), then a row number 0 and the status. */
static void
child_read_sheet (const char *path,
                  guint       index,
                  FILE       *out)
{
  const void *handle = NULL;
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;
  int ret = child_open (path, &handle);

  if (ret == FREEXL_OK)
    ret = freexl_select_active_worksheet (handle, (unsigned short) index);
  if (ret == FREEXL_OK)
    ret = freexl_worksheet_dimensions (handle, &n_rows, &n_columns);

  for (unsigned int r = 0; ret == FREEXL_OK && r < n_rows; r++)
    {
      g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_autoptr (GByteArray) kinds = g_byte_array_new ();

      for (unsigned short c = 0; c < n_columns; c++)
        {
          FreeXL_CellValue value;
          char *text = NULL;
          guint8 kind = WY_SHEET_CELL_TEXT;
          guint32 column = c;

          ret = freexl_get_cell_value (handle, r, c, &value);
          if (ret != FREEXL_OK)
            break;
          switch (value.type)
            {
            case FREEXL_CELL_INT:
              kind = WY_SHEET_CELL_NUMBER;
              text = g_strdup_printf ("%d", value.value.int_value);
              break;
            case FREEXL_CELL_DOUBLE:
              kind = WY_SHEET_CELL_NUMBER;
              text = wy_sheet_format_number (value.value.double_value);
              break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_TIME:
              text = g_strdup (value.value.text_value != NULL ? value.value.text_value : "");
              break;
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
              text = g_strdup (value.value.text_value != NULL ? value.value.text_value : "");
              if (strlen (text) >= 10)
                {
                  kind = WY_SHEET_CELL_DATE;
                  text[10] = '\0';
                }
              break;
            case FREEXL_CELL_NULL:
            default:
              break;
            }
          if (text == NULL || text[0] == '\0')
            {
              g_free (text);
              continue;
            }
          g_ptr_array_add (texts, text);
          g_array_append_val (columns, column);
          g_byte_array_append (kinds, &kind, 1);
        }
      if (ret != FREEXL_OK || texts->len == 0)
        continue;
      put_u32 (out, r + 1);
      put_u32 (out, texts->len);
      for (guint i = 0; i < texts->len; i++)
        {
          put_u32 (out, g_array_index (columns, guint32, i));
          fwrite (&kinds->data[i], 1, 1, out);
          put_text (out, g_ptr_array_index (texts, i));
        }
    }
  put_u32 (out, 0);
  put_u32 (out, (guint32) ret);
}

static gboolean
child_start (WySheetReader  *reader,
             gboolean        list,
             guint           index,
             Child          *child,
             GError        **error)
{
  int fds[2];

  if (pipe (fds) != 0)
    {
      int saved = errno;

      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_IO,
                   _("Cannot open “%s”: %s"), reader->display_name, g_strerror (saved));
      return FALSE;
    }
  fflush (NULL);
  child->pid = fork ();
  if (child->pid < 0)
    {
      int saved = errno;

      close (fds[0]);
      close (fds[1]);
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_IO,
                   _("Cannot open “%s”: %s"), reader->display_name, g_strerror (saved));
      return FALSE;
    }
  if (child->pid == 0)
    {
      FILE *out;

      close (fds[0]);
      out = fdopen (fds[1], "wb");
      if (out != NULL)
        {
          if (list)
            child_list_sheets (reader->path, out);
          else
            child_read_sheet (reader->path, index, out);
          fflush (out);
        }
      _exit (0);
    }
  close (fds[1]);
  child->in = fdopen (fds[0], "rb");
  if (child->in == NULL)
    {
      close (fds[0]);
      kill (child->pid, SIGKILL);
      waitpid (child->pid, NULL, 0);
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_IO,
                   _("Cannot open “%s”: %s"), reader->display_name, g_strerror (ENOMEM));
      return FALSE;
    }
  return TRUE;
}

/* The child's end: 0 when it finished, else the signal that ended it (or
 * 255 for another failure). @kill_it when the parent stops early. */
static int
child_finish (Child    *child,
              gboolean  kill_it)
{
  int status = 0;

  if (child->in != NULL)
    fclose (child->in);
  child->in = NULL;
  if (kill_it)
    kill (child->pid, SIGKILL);
  while (waitpid (child->pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (WIFSIGNALED (status))
    return WTERMSIG (status);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0 ? 0 : 255;
}

static gboolean
get_u32 (Child   *child,
         guint32 *value)
{
  return fread (value, sizeof *value, 1, child->in) == 1;
}

/* A text of @length bytes, or NULL when the child's stream ended. */
static char *
get_text (Child   *child,
          guint32  length)
{
  char *text = g_malloc (length + 1);

  if (length > 0 && fread (text, 1, length, child->in) != length)
    {
      g_free (text);
      return NULL;
    }
  text[length] = '\0';
  return text;
}

gboolean
wy_sheet_xls_open (WySheetReader  *reader,
                   GError        **error)
{
  Child child = { 0 };
  guint32 status = 0, count = 0;
  gboolean complete;
  int ended;

  if (!child_start (reader, TRUE, 0, &child, error))
    return FALSE;

  complete = get_u32 (&child, &status);
  if (complete && (gint32) status == FREEXL_OK)
    {
      complete = get_u32 (&child, &count) && count <= G_MAXUSHORT;
      for (guint32 i = 0; complete && i < count; i++)
        {
          guint32 length = 0;
          char *name = NULL;
          WySheetInfo *info;

          complete = get_u32 (&child, &length) && length <= 1024
                     && (name = get_text (&child, length)) != NULL;
          if (!complete)
            break;
          info = g_new0 (WySheetInfo, 1);
          if (name[0] != '\0' && g_utf8_validate (name, -1, NULL))
            info->name = name;
          else
            {
              g_free (name);
              info->name = g_strdup_printf ("%u", i + 1);
            }
          g_ptr_array_add (reader->sheets, info);
        }
    }
  ended = child_finish (&child, !complete);

  if (!complete)
    {
      set_xls_error (reader, ended != 0 ? ended : FREEXL_CRAFTED_FILE, error);
      return FALSE;
    }
  if ((gint32) status != FREEXL_OK)
    {
      set_xls_error (reader, (gint32) status, error);
      return FALSE;
    }
  if (reader->sheets->len == 0)
    {
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_DAMAGED,
                   /* Translators: %s is a file's name */
                   _("“%s” has no worksheet to read."), reader->display_name);
      return FALSE;
    }
  return TRUE;
}

gboolean
wy_sheet_xls_read (WySheetReader   *reader,
                   guint            index,
                   WySheetRowFunc   func,
                   gpointer         user_data,
                   GError         **error)
{
  const char *sheet_name = wy_sheet_reader_get_sheet_name (reader, index);
  WySheetRowBuilder row;
  Child child = { 0 };
  gboolean complete = FALSE;
  gboolean stopped = FALSE;
  gboolean failed = FALSE;
  guint32 status = 0;
  int ended;

  if (!child_start (reader, FALSE, index, &child, error))
    return FALSE;

  wy_sheet_row_builder_init (&row);
  while (!failed && !stopped)
    {
      guint32 number = 0, n_cells = 0;

      if (!get_u32 (&child, &number))
        break;
      if (number == 0)
        {
          complete = get_u32 (&child, &status);
          break;
        }
      if (number > 65536 * 16 || !get_u32 (&child, &n_cells) || n_cells > 256 * 64)
        break;
      wy_sheet_row_builder_reset (&row, number);
      for (guint32 i = 0; i < n_cells && !failed; i++)
        {
          guint32 column = 0, length = 0;
          guint8 kind = 0;
          g_autofree char *text = NULL;

          if (!get_u32 (&child, &column) || fread (&kind, 1, 1, child.in) != 1
              || kind > WY_SHEET_CELL_BOOLEAN || !get_u32 (&child, &length))
            goto truncated;
          if (length > WY_SHEET_MAX_ROW_BYTES)
            {
              /* Refused on its length, before its bytes are read. */
              wy_sheet_row_builder_set (&row, sheet_name, column, kind, "", length, error);
              failed = TRUE;
              break;
            }
          text = get_text (&child, length);
          if (text == NULL)
            goto truncated;
          if (!g_utf8_validate (text, length, NULL) || memchr (text, '\0', length) != NULL)
            {
              g_autofree char *row_text = g_strdup_printf ("%u", number);
              g_autofree char *col = wy_sheet_column_name (column);

              g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_ENCODING,
                           /* Translators: %s are a file's name, a sheet's name, a row number and a column (A, B …) */
                           _("“%s”, sheet “%s”, row %s, column %s holds text that cannot be read. "
                             "Open the file in Excel or WPS and save it again as .xlsx."),
                           reader->display_name, sheet_name, row_text, col);
              failed = TRUE;
              break;
            }
          if (!wy_sheet_row_builder_set (&row, sheet_name, column, kind, text, length, error))
            failed = TRUE;
        }
      if (!failed && !wy_sheet_row_builder_emit (&row, func, user_data, &stopped, error))
        failed = !stopped;
    }
truncated:
  wy_sheet_row_builder_clear (&row);
  ended = child_finish (&child, !complete);

  if (stopped)
    return TRUE;
  if (failed)
    return FALSE;
  if (!complete)
    {
      set_xls_error (reader, ended != 0 ? ended : FREEXL_CRAFTED_FILE, error);
      return FALSE;
    }
  if ((gint32) status != FREEXL_OK)
    {
      set_xls_error (reader, (gint32) status, error);
      return FALSE;
    }
  return TRUE;
}
