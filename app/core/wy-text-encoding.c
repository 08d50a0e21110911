/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-text-encoding"

#include "config.h"

#include <string.h>
#include <uchardet.h>

#include "wuyou/wy-sheet.h"

/* Which encoding a text file is in. Files saved by Excel and WPS on a
 * Chinese Windows are GBK (read as GB18030, which contains it); Excel's
 * "Unicode text" is UTF-16LE with a byte-order mark; newer tools write
 * UTF-8, with or without a mark. In that order of trust: the byte-order
 * mark, UTF-16 without a mark (every other byte NUL), a strict UTF-8
 * check, uchardet's guess when it names an encoding Chinese offices use,
 * and GB18030 for everything else. */

/* UTF-16 without a mark: in Chinese or Latin text one byte of most pairs
 * is NUL (Latin) or in a narrow range; checking for NULs in one parity and
 * none in the other is enough for what spreadsheets export. */
static const char *
guess_utf16_without_bom (const guint8 *sample,
                         gsize         length)
{
  gsize even = 0, odd = 0, pairs;

  length = MIN (length, 8192) & ~(gsize) 1;
  pairs = length / 2;
  if (pairs < 2)
    return NULL;
  for (gsize i = 0; i < length; i += 2)
    {
      even += sample[i] == 0;
      odd += sample[i + 1] == 0;
    }
  if (odd * 4 >= pairs && even * 50 < pairs)
    return "UTF-16LE";
  if (even * 4 >= pairs && odd * 50 < pairs)
    return "UTF-16BE";
  return NULL;
}

/* Strict UTF-8, allowing the sample to end inside a character. */
static gboolean
is_utf8 (const guint8 *sample,
         gsize         length)
{
  const char *end = NULL;
  gsize rest;

  if (g_utf8_validate_len ((const char *) sample, length, &end))
    return TRUE;
  rest = length - (gsize) ((const guint8 *) end - sample);
  if (rest == 0 || rest > 3 || *end == '\0')
    return FALSE;
  /* A lead byte whose character the sample cut: check what is there. */
  if ((guint8) end[0] < 0xC2 || (guint8) end[0] > 0xF4)
    return FALSE;
  for (gsize i = 1; i < rest; i++)
    if (((guint8) end[i] & 0xC0) != 0x80)
      return FALSE;
  return TRUE;
}

const char *
wy_text_encoding_detect (const guint8 *sample,
                         gsize         length,
                         gsize        *bom_length)
{
  const char *utf16;
  const char *charset;
  uchardet_t detector;
  const char *answer = "GB18030";

  g_return_val_if_fail (sample != NULL || length == 0, "UTF-8");

  if (bom_length != NULL)
    *bom_length = 0;
  if (length >= 3 && sample[0] == 0xEF && sample[1] == 0xBB && sample[2] == 0xBF)
    {
      if (bom_length != NULL)
        *bom_length = 3;
      return "UTF-8";
    }
  if (length >= 2 && sample[0] == 0xFF && sample[1] == 0xFE)
    {
      if (bom_length != NULL)
        *bom_length = 2;
      return "UTF-16LE";
    }
  if (length >= 2 && sample[0] == 0xFE && sample[1] == 0xFF)
    {
      if (bom_length != NULL)
        *bom_length = 2;
      return "UTF-16BE";
    }
  if ((utf16 = guess_utf16_without_bom (sample, length)) != NULL)
    return utf16;
  if (is_utf8 (sample, length))
    return "UTF-8";

  detector = uchardet_new ();
  if (uchardet_handle_data (detector, (const char *) sample, length) == 0)
    {
      uchardet_data_end (detector);
      charset = uchardet_get_charset (detector);
      if (charset != NULL)
        {
          if (g_ascii_strcasecmp (charset, "BIG5") == 0)
            answer = "BIG5";
          else if (g_ascii_strcasecmp (charset, "UTF-16LE") == 0)
            answer = "UTF-16LE";
          else if (g_ascii_strcasecmp (charset, "UTF-16BE") == 0)
            answer = "UTF-16BE";
          /* GB18030, GBK, GB2312, HZ, and every guess of a Western or
           * Cyrillic code page on Chinese bytes: GB18030. */
        }
    }
  uchardet_delete (detector);
  return answer;
}
