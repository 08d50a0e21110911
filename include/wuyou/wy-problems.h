/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-store.h"

G_BEGIN_DECLS

/* The life of a rectification item (整改事项): progress is added, never
 * overwritten; signing off (销号) needs a date and a verifier; reopening a
 * signed-off item is possible and leaves a dated note saying so. */

gint64    wy_problem_add_update          (WyStore      *store,
                                          gint64        problem_id,
                                          const char   *date_iso,
                                          const char   *text,
                                          GError      **error);
gboolean  wy_problem_sign_off            (WyStore      *store,
                                          gint64        problem_id,
                                          const char   *date_iso,
                                          const char   *verifier,
                                          const GDate  *today,
                                          GError      **error);
/* A sign-off date is a real date, not after today and not before the day
 * the item was raised (raised_iso may be NULL: an old item). */
gboolean  wy_problem_check_sign_off_date (const char   *raised_iso,
                                          const char   *date_iso,
                                          const GDate  *today,
                                          GError      **error);
gboolean  wy_problem_reopen              (WyStore      *store,
                                          gint64        problem_id,
                                          const GDate  *today,
                                          const char   *reason,
                                          GError      **error);
/* Whether a deadline lies before the day the item was raised: allowed,
 * but only after the user confirms it. */
gboolean  wy_problem_deadline_before_raised (const char *raised_iso,
                                             const char *deadline_iso);

G_END_DECLS
