/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "wy-money"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wuyou/wy-money.h"

/* More than any ledger holds, well inside a double's exact integers. */
#define MAX_FEN G_GINT64_CONSTANT (900000000000000000)

/* A plain decimal: optional sign, digits, optional point and digits. */
static gboolean
parse_plain (const char *text,
             gint64     *fen)
{
  const char *p = text;
  gboolean negative = FALSE;
  gboolean any_digit = FALSE;
  gint64 whole = 0;
  int cents = 0;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';

  for (; g_ascii_isdigit (*p); p++)
    {
      any_digit = TRUE;
      if (whole > MAX_FEN / 1000)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }

  if (*p == '.')
    {
      p++;
      for (int i = 0; g_ascii_isdigit (*p); p++, i++)
        {
          any_digit = TRUE;
          if (i == 0)
            cents += 10 * (*p - '0');
          else if (i == 1)
            cents += *p - '0';
          else if (i == 2 && *p >= '5')
            cents += 1;   /* half away from zero: the sign comes last */
        }
    }

  if (!any_digit || *p != '\0')
    return FALSE;

  *fen = whole * 100 + cents;
  if (negative)
    *fen = -*fen;
  return TRUE;
}

gboolean
wy_money_parse_fen (const char *text,
                    gint64     *fen)
{
  g_autofree char *stripped = NULL;
  char *end = NULL;
  double yuan;

  g_return_val_if_fail (fen != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  if (parse_plain (stripped, fen))
    return TRUE;

  /* "1e3", "1.5E+2": as a double, then rounded half away from zero. */
  yuan = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !isfinite (yuan) || fabs (yuan) * 100 > (double) MAX_FEN)
    return FALSE;

  *fen = (gint64) round (yuan * 100);
  return TRUE;
}

char *
wy_money_fen_to_text (gint64 fen)
{
  guint64 magnitude = fen < 0 ? (guint64) -fen : (guint64) fen;
  const char *sign = fen < 0 ? "-" : "";
  guint cents = (guint) (magnitude % 100);
  g_autofree char *whole = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);

  if (cents % 10 == 0)
    return g_strdup_printf ("%s%s.%u", sign, whole, cents / 10);
  return g_strdup_printf ("%s%s.%02u", sign, whole, cents);
}

double
wy_money_fen_to_yuan (gint64 fen)
{
  return (double) fen / 100.0;
}
