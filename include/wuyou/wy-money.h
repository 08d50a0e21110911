/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is kept in the ledger as whole fen (分, 1/100 yuan), an INTEGER,
 * so sums are exact; records, forms and exports speak yuan as text.
 * A field flagged WY_FIELD_FLAG_MONEY is converted by the store. */

/* Yuan as text ("1200", "0.1", "1.005", "1e3") to fen, rounded half away
 * from zero on the decimal digits as written ("1.005" is 101 fen, "0.125"
 * 13). FALSE when text is not a number or the amount does not fit. */
gboolean  wy_money_parse_fen     (const char *text,
                                  gint64     *fen);
/* Fen as yuan text, written as SQLite writes a REAL ("1200.0", "0.3",
 * "1234.56"), so a value reads as it did when the ledger kept yuan. */
char     *wy_money_fen_to_text   (gint64      fen);
double    wy_money_fen_to_yuan   (gint64      fen);

G_END_DECLS
