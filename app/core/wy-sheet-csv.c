/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-sheet-csv"

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "wy-sheet-private.h"

/* .csv and .txt: one sheet named after the file. The bytes are read in
 * blocks, converted to UTF-8 with iconv (which refuses invalid sequences,
 * UTF-8 included), checked (no NUL, no row over 1 MiB) and parsed with
 * libcsv: quoted fields, doubled quotes, line breaks inside quotes, CR,
 * LF and CRLF. A text file has no types: every filled cell is TEXT, kept
 * exactly as written (spaces included); what "96户" means is the caller's.
 *
 * The separator is found on the first 64 KiB: the one among tab, comma,
 * semicolon and the full-width comma (，) that splits the most lines into
 * the same number of pieces. libcsv splits on one byte, so a full-width
 * comma outside quotes is turned into the unit separator (0x1F) first. */

#define SAMPLE_BYTES  (64 * 1024)
#define BLOCK_BYTES   (64 * 1024)
#define UNIT_SEPARATOR 0x1F
#define FULLWIDTH_COMMA 0xFF0C

typedef enum
{
  SCAN_FIELD_START,
  SCAN_UNQUOTED,
  SCAN_QUOTED,
  SCAN_QUOTE_IN_QUOTED,
} ScanState;

typedef struct
{
  WySheetReader     *reader;
  const char        *sheet_name;
  WySheetRowFunc     func;
  gpointer           user_data;
  WySheetRowBuilder  row;
  guint              record;       /* the row being filled, from 1 */
  guint              column;
  guint              n_fields;
  int                last_end;     /* the character that ended the last row */
  gboolean           stopped;
  GError            *error;

  /* The scanner in front of libcsv. */
  ScanState          scan;
  gsize              row_bytes;
  guint              scan_record;
  guint              line;         /* physical lines, for messages */
  gboolean           after_cr;
  gunichar           separator;
} CsvState;

static char *
format_uint (guint value)
{
  return g_strdup_printf ("%u", value);
}

static const char *
encoding_label (const char *encoding)
{
  if (g_str_has_prefix (encoding, "UTF-16"))
    return "UTF-16";
  return encoding;
}

static void
set_encoding_error (WySheetReader  *reader,
                    guint           line,
                    GError        **error)
{
  g_autofree char *line_text = format_uint (line);

  g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_ENCODING,
               /* Translators: %s are a line number, a file's name and an encoding (UTF-8, GB18030 …) */
               _("Line %s of “%s” is not valid %s text. Choose the file’s encoding "
                 "(UTF-8, GB18030 or UTF-16) by hand, or open it in Excel or WPS and save it "
                 "as .xlsx."),
               line_text, reader->display_name, encoding_label (reader->encoding));
}

static void
set_nul_error (WySheetReader  *reader,
               guint           line,
               GError        **error)
{
  g_autofree char *line_text = format_uint (line);

  g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_ENCODING,
               /* Translators: %s are a file's name and a line number */
               _("“%s” has NUL bytes (line %s): it is not a text file, or it is damaged, or its "
                 "encoding is not the one chosen. Open it in Excel or WPS and save it as .xlsx."),
               reader->display_name, line_text);
}

static void
set_row_size_error (WySheetReader  *reader,
                    guint           row,
                    GError        **error)
{
  g_autofree char *row_text = format_uint (row);

  g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_TOO_LARGE,
               /* Translators: %s are a row number and a file's name */
               _("Row %s of “%s” holds more than 1 MB of text. No survey has rows this "
                 "long: check that this is the right file (a quote left open makes the rest "
                 "of a file one cell)."),
               row_text, reader->display_name);
}

/* Converts up to @length bytes to UTF-8 with iconv, stopping quietly at
 * the first invalid or cut character. */
static char *
decode_sample (const char   *encoding,
               const guint8 *sample,
               gsize         length)
{
  GIConv conv = g_iconv_open ("UTF-8", encoding);
  gsize out_size = length * 2 + 16;
  char *out, *in_p, *out_p;
  gsize in_left = length, out_left = out_size;

  if (conv == (GIConv) -1)
    return g_strdup ("");
  out = g_malloc (out_size + 1);
  in_p = (char *) sample;
  out_p = out;
  g_iconv (conv, &in_p, &in_left, &out_p, &out_left);
  g_iconv_close (conv);
  *out_p = '\0';
  return out;
}

/* The separator that splits the most lines into the same number of
 * pieces (quotes respected within a line). */
static gunichar
detect_separator (const char *text)
{
  static const gunichar candidates[] = { '\t', ',', ';', FULLWIDTH_COMMA };
  g_auto (GStrv) lines = g_strsplit (text, "\n", 201);
  guint best_score = 0;
  gunichar best = ',';

  for (gsize k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      g_autoptr (GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
      GHashTableIter iter;
      gpointer key, value;
      guint score = 0;

      /* The last piece may be cut: leave it out. */
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          gboolean quoted = FALSE;
          guint n = 0;

          for (const char *p = lines[i]; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char_validated (p, -1);

              if (c == '"')
                quoted = !quoted;
              else if (!quoted && c == candidates[k])
                n++;
              if (c == (gunichar) -1 || c == (gunichar) -2)
                break;
            }
          if (n > 0)
            {
              guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (n)));

              g_hash_table_insert (counts, GUINT_TO_POINTER (n), GUINT_TO_POINTER (seen + 1));
            }
        }
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        score = MAX (score, GPOINTER_TO_UINT (value));
      if (score > best_score)
        {
          best_score = score;
          best = candidates[k];
        }
    }
  return best;
}

static char *
guess_utf16_byte_order (const guint8 *sample,
                        gsize         length,
                        gsize        *bom_length)
{
  const char *detected = wy_text_encoding_detect (sample, length, bom_length);

  if (g_str_has_prefix (detected, "UTF-16"))
    return g_strdup (detected);
  *bom_length = 0;
  return g_strdup ("UTF-16LE");
}

gboolean
wy_sheet_csv_open (WySheetReader  *reader,
                   GError        **error)
{
  g_autofree guint8 *sample = g_malloc (SAMPLE_BYTES);
  g_autofree char *text = NULL;
  g_autofree char *base = NULL;
  WySheetInfo *info;
  gsize length, bom = 0;
  char *dot;
  FILE *file;

  file = g_fopen (reader->path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_IO,
                   _("Cannot open “%s”: %s"), reader->display_name, g_strerror (saved));
      return FALSE;
    }
  length = fread (sample, 1, SAMPLE_BYTES, file);
  fclose (file);

  switch (reader->requested_encoding)
    {
    case WY_TEXT_ENCODING_UTF8:
      reader->encoding = g_strdup ("UTF-8");
      if (length >= 3 && memcmp (sample, "\xEF\xBB\xBF", 3) == 0)
        bom = 3;
      break;
    case WY_TEXT_ENCODING_GB18030:
      reader->encoding = g_strdup ("GB18030");
      break;
    case WY_TEXT_ENCODING_UTF16:
      reader->encoding = guess_utf16_byte_order (sample, length, &bom);
      break;
    case WY_TEXT_ENCODING_AUTO:
    default:
      reader->encoding = g_strdup (wy_text_encoding_detect (sample, length, &bom));
      break;
    }

  text = decode_sample (reader->encoding, sample + bom, length - bom);
  reader->separator = detect_separator (text);

  info = g_new0 (WySheetInfo, 1);
  base = g_path_get_basename (reader->path);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  info->name = g_filename_display_name (base);
  info->part = g_strdup_printf ("%zu", bom);
  g_ptr_array_add (reader->sheets, info);
  return TRUE;
}

static void
on_field_cb (void   *field,
             size_t  length,
             void   *data)
{
  CsvState *state = data;

  if (state->error != NULL || state->stopped)
    return;
  state->n_fields++;
  if (length > 0
      && !wy_sheet_row_builder_set (&state->row, state->sheet_name, state->column,
                                    WY_SHEET_CELL_TEXT, field, (gssize) length, &state->error))
    return;
  if (length == 0 && state->column >= WY_SHEET_MAX_COLUMNS)
    wy_sheet_row_builder_set (&state->row, state->sheet_name, state->column,
                              WY_SHEET_CELL_EMPTY, "", 0, &state->error);
  state->column++;
}

static void
on_row_end_cb (int   c,
               void *data)
{
  CsvState *state = data;

  if (state->error != NULL || state->stopped)
    return;
  /* With CSV_REPALL_NL libcsv reports the LF of a CRLF as a blank row. */
  if (state->n_fields == 0 && c == '\n' && state->last_end == '\r')
    {
      state->last_end = c;
      return;
    }
  state->last_end = c;
  if (state->n_fields > 0)
    {
      gboolean stopped = FALSE;

      if (!wy_sheet_row_builder_emit (&state->row, state->func, state->user_data,
                                      &stopped, &state->error))
        state->stopped = stopped;
    }
  state->record++;
  state->column = 0;
  state->n_fields = 0;
  wy_sheet_row_builder_reset (&state->row, state->record);
}

/* Checks the UTF-8 block (no NUL, rows within the cap), counts lines, and
 * turns full-width comma separators into UNIT_SEPARATOR into @feed. */
static gboolean
scan_block (CsvState    *state,
            const char  *block,
            gsize        length,
            GString     *feed,
            GError     **error)
{
  gboolean fullwidth = state->separator == FULLWIDTH_COMMA;
  char sep = (char) state->separator;

  g_string_truncate (feed, 0);
  for (gsize i = 0; i < length; i++)
    {
      char c = block[i];
      gboolean is_sep = FALSE;

      if (c == '\0')
        {
          set_nul_error (state->reader, state->line, error);
          return FALSE;
        }
      if (c == '\n')
        state->line++;

      if (fullwidth)
        is_sep = (guint8) c == 0xEF && i + 2 < length
                 && (guint8) block[i + 1] == 0xBC && (guint8) block[i + 2] == 0x8C
                 && state->scan != SCAN_QUOTED;
      else
        is_sep = c == sep && state->scan != SCAN_QUOTED;

      if (is_sep)
        state->scan = SCAN_FIELD_START;
      else if ((c == '\n' || c == '\r') && state->scan != SCAN_QUOTED)
        {
          if (!(c == '\n' && state->after_cr))
            state->scan_record++;
          state->scan = SCAN_FIELD_START;
          state->row_bytes = 0;
        }
      else
        switch (state->scan)
          {
          case SCAN_FIELD_START:
            state->scan = c == '"' ? SCAN_QUOTED : SCAN_UNQUOTED;
            break;
          case SCAN_QUOTED:
            if (c == '"')
              state->scan = SCAN_QUOTE_IN_QUOTED;
            break;
          case SCAN_QUOTE_IN_QUOTED:
            state->scan = c == '"' ? SCAN_QUOTED : SCAN_UNQUOTED;
            break;
          case SCAN_UNQUOTED:
          default:
            break;
          }
      state->after_cr = c == '\r';

      if (++state->row_bytes > WY_SHEET_MAX_ROW_BYTES)
        {
          set_row_size_error (state->reader, state->scan_record + 1, error);
          return FALSE;
        }
      if (fullwidth)
        {
          if (is_sep)
            {
              g_string_append_c (feed, UNIT_SEPARATOR);
              i += 2;
              state->row_bytes += 2;
            }
          else
            g_string_append_c (feed, c);
        }
    }
  return TRUE;
}

static int
keep_spaces (unsigned char c G_GNUC_UNUSED)
{
  return 0;
}

gboolean
wy_sheet_csv_read (WySheetReader   *reader,
                   WySheetRowFunc   func,
                   gpointer         user_data,
                   GError         **error)
{
  WySheetInfo *info = g_ptr_array_index (reader->sheets, 0);
  g_autofree char *in_buffer = g_malloc (BLOCK_BYTES + 8);
  g_autofree char *out_buffer = g_malloc (BLOCK_BYTES * 4);
  g_autoptr (GString) feed = g_string_sized_new (BLOCK_BYTES * 4);
  struct csv_parser parser;
  CsvState state = { 0 };
  gsize carried = 0;
  gboolean ok = FALSE;
  gboolean at_end = FALSE;
  GIConv conv;
  FILE *file;
  long bom;

  file = g_fopen (reader->path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_IO,
                   _("Cannot open “%s”: %s"), reader->display_name, g_strerror (saved));
      return FALSE;
    }
  bom = strtol (info->part, NULL, 10);
  if (bom > 0 && fseek (file, bom, SEEK_SET) != 0)
    {
      fclose (file);
      g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_IO,
                   _("Cannot open “%s”: %s"), reader->display_name, g_strerror (EIO));
      return FALSE;
    }

  conv = g_iconv_open ("UTF-8", reader->encoding);
  if (conv == (GIConv) -1)
    {
      fclose (file);
      set_encoding_error (reader, 1, error);
      return FALSE;
    }

  if (csv_init (&parser, CSV_APPEND_NULL | CSV_REPALL_NL) != 0)
    g_error ("libcsv: out of memory");
  csv_set_space_func (&parser, keep_spaces);
  csv_set_delim (&parser, reader->separator == FULLWIDTH_COMMA ? UNIT_SEPARATOR
                                                              : (unsigned char) reader->separator);

  state.reader = reader;
  state.sheet_name = info->name;
  state.func = func;
  state.user_data = user_data;
  state.record = 1;
  state.line = 1;
  state.separator = reader->separator;
  wy_sheet_row_builder_init (&state.row);
  wy_sheet_row_builder_reset (&state.row, 1);

  while (!at_end)
    {
      gsize n = fread (in_buffer + carried, 1, BLOCK_BYTES - carried, file);
      char *in_p = in_buffer;
      gsize in_left = carried + n;

      if (n == 0)
        {
          if (ferror (file))
            {
              g_set_error (error, WY_SHEET_ERROR, WY_SHEET_ERROR_IO,
                           _("Cannot open “%s”: %s"), reader->display_name, g_strerror (EIO));
              goto out;
            }
          at_end = TRUE;
          if (carried > 0)
            {
              set_encoding_error (reader, state.line, error);
              goto out;
            }
        }

      while (in_left > 0)
        {
          char *out_p = out_buffer;
          gsize out_left = BLOCK_BYTES * 4;
          gsize converted = g_iconv (conv, &in_p, &in_left, &out_p, &out_left);
          gsize produced = (gsize) (out_p - out_buffer);
          int saved = errno;
          const char *to_parse;
          gsize parse_length;

          if (!scan_block (&state, out_buffer, produced, feed, error))
            goto out;
          to_parse = state.separator == FULLWIDTH_COMMA ? feed->str : out_buffer;
          parse_length = state.separator == FULLWIDTH_COMMA ? feed->len : produced;
          if (csv_parse (&parser, to_parse, parse_length, on_field_cb, on_row_end_cb, &state)
              != parse_length && state.error == NULL)
            {
              set_row_size_error (reader, state.record, error);
              goto out;
            }
          if (state.error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&state.error));
              goto out;
            }
          if (state.stopped)
            {
              ok = TRUE;
              goto out;
            }

          if (converted == (gsize) -1)
            {
              if (saved == E2BIG)
                continue;
              if (saved == EINVAL && !at_end)
                {
                  /* A character cut by the block: keep its bytes. */
                  memmove (in_buffer, in_p, in_left);
                  break;
                }
              /* Count the lines before the bad bytes. */
              set_encoding_error (reader, state.line, error);
              goto out;
            }
        }
      carried = in_left;
    }

  csv_fini (&parser, on_field_cb, on_row_end_cb, &state);
  if (state.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&state.error));
      goto out;
    }
  ok = TRUE;

out:
  g_clear_error (&state.error);
  csv_free (&parser);
  g_iconv_close (conv);
  fclose (file);
  wy_sheet_row_builder_clear (&state.row);
  return ok;
}
