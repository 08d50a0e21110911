/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "wy-test-util.h"
#include "../app/core/wy-store-sql.h"

typedef struct {
  const char *today;
  const char *deadline;
  gboolean    done;
  guint       window;
  WyLight     expected;
} LightCase;

/* Every boundary of the rule: the day before, on and after each edge. */
static const LightCase cases[] = {
  { "2026-03-15", "2026-03-14", FALSE, 7, WY_LIGHT_RED },      /* yesterday */
  { "2026-03-15", "2026-03-15", FALSE, 7, WY_LIGHT_YELLOW },   /* due today */
  { "2026-03-15", "2026-03-16", FALSE, 7, WY_LIGHT_YELLOW },   /* tomorrow */
  { "2026-03-15", "2026-03-22", FALSE, 7, WY_LIGHT_YELLOW },   /* window edge */
  { "2026-03-15", "2026-03-23", FALSE, 7, WY_LIGHT_GREEN },    /* just past it */
  { "2026-03-15", "2025-01-01", TRUE,  7, WY_LIGHT_DONE },     /* done, long late */
  { "2026-03-15", NULL,         FALSE, 7, WY_LIGHT_NONE },
  { "2026-03-15", NULL,         TRUE,  7, WY_LIGHT_DONE },
  { "2026-03-15", "garbage",    FALSE, 7, WY_LIGHT_NONE },
  { "2026-03-15", "2026-03-15", FALSE, 0, WY_LIGHT_YELLOW },   /* no window */
  { "2026-03-15", "2026-03-16", FALSE, 0, WY_LIGHT_GREEN },
  { "2026-03-15", "2026-03-29", FALSE, 14, WY_LIGHT_YELLOW },  /* wider window */
  { "2026-03-15", "2026-03-30", FALSE, 14, WY_LIGHT_GREEN },
  { "2026-01-31", "2026-02-07", FALSE, 7, WY_LIGHT_YELLOW },   /* across month end */
  { "2026-01-31", "2026-02-08", FALSE, 7, WY_LIGHT_GREEN },
  { "2028-02-29", "2028-02-28", FALSE, 7, WY_LIGHT_RED },      /* leap day */
  { "2028-02-29", "2028-03-07", FALSE, 7, WY_LIGHT_YELLOW },
  { "2028-02-29", "2028-03-08", FALSE, 7, WY_LIGHT_GREEN },
  { "2026-12-28", "2027-01-04", FALSE, 7, WY_LIGHT_YELLOW },   /* across year end */
  { "2026-12-28", "2027-01-05", FALSE, 7, WY_LIGHT_GREEN },
};

static void
test_boundaries (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today;
      WyLight light;

      wy_test_date (&today, cases[i].today);
      light = wy_light_compute_iso (cases[i].deadline, cases[i].done, &today, cases[i].window);
      if (light != cases[i].expected)
        g_error ("case %u: today %s deadline %s: got %s, expected %s", i,
                 cases[i].today, cases[i].deadline,
                 wy_light_to_code (light), wy_light_to_code (cases[i].expected));
    }
}

static void
test_labels (void)
{
  const WyLight lights[] = { WY_LIGHT_NONE, WY_LIGHT_GREEN, WY_LIGHT_YELLOW, WY_LIGHT_RED, WY_LIGHT_DONE };

  for (guint i = 0; i < G_N_ELEMENTS (lights); i++)
    {
      g_assert_nonnull (wy_light_to_code (lights[i]));
      g_assert_cmpstr (wy_light_to_label (lights[i]), !=, "");
    }
  g_assert_cmpstr (wy_light_to_code (WY_LIGHT_RED), ==, "red");
  g_assert_cmpstr (wy_light_to_label (WY_LIGHT_RED), ==, "Overdue");
}

/* The SQL twin of the rule (wy-store-sql.h), which every query of the
 * store uses, gives the same light on every case with a stored date: one
 * of red, yellow and green exactly, or none without a deadline. */
static void
test_sql_fragments (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT " WY_SQL_LIGHT_NONE ("d") ", " WY_SQL_LIGHT_RED ("d", "?2") ","
                                       " " WY_SQL_LIGHT_YELLOW ("d", "?2", "?3") ", " WY_SQL_LIGHT_GREEN ("d", "?3")
                                       " FROM (SELECT ?1 AS d)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today, limit, deadline;
      g_autofree char *limit_iso = NULL;
      WyLight sql_light = WY_LIGHT_NONE;
      guint n_true = 0;

      if (cases[i].done || (cases[i].deadline != NULL && !wy_date_parse (cases[i].deadline, &deadline)))
        continue;   /* done is the status's, not the date's; the schema stores only dates */

      wy_test_date (&today, cases[i].today);
      limit = today;
      g_date_add_days (&limit, cases[i].window);
      limit_iso = wy_date_to_iso (&limit);

      sqlite3_reset (stmt);
      if (cases[i].deadline != NULL)
        sqlite3_bind_text (stmt, 1, cases[i].deadline, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_text (stmt, 2, cases[i].today, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, limit_iso, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

      if (sqlite3_column_int (stmt, 0))
        sql_light = WY_LIGHT_NONE, n_true++;
      if (sqlite3_column_int (stmt, 1))
        sql_light = WY_LIGHT_RED, n_true++;
      if (sqlite3_column_int (stmt, 2))
        sql_light = WY_LIGHT_YELLOW, n_true++;
      if (sqlite3_column_int (stmt, 3))
        sql_light = WY_LIGHT_GREEN, n_true++;

      g_assert_cmpuint (n_true, ==, 1);
      if (sql_light != cases[i].expected)
        g_error ("case %u: today %s deadline %s: SQL says %s, expected %s", i,
                 cases[i].today, cases[i].deadline,
                 wy_light_to_code (sql_light), wy_light_to_code (cases[i].expected));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* Word for word the WHERE clause of the partial indexes
   * problem_open_deadline and problem_open_by_compound (migrations 2, 3),
   * or SQLite would not use them. */
  g_assert_cmpstr (WY_SQL_PROBLEM_OPEN (""), ==, "status <> 'signed_off'");
  g_assert_cmpstr (WY_SQL_PROBLEM_OPEN ("p."), ==, "p.status <> 'signed_off'");
  g_assert_cmpstr (WY_SQL_PROBLEM_SIGNED_OFF ("p."), ==, "p.status = 'signed_off'");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/light/boundaries", test_boundaries);
  g_test_add_func ("/light/labels", test_labels);
  g_test_add_func ("/light/sql-fragments", test_sql_fragments);

  return g_test_run ();
}
