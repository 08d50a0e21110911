/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-test-util.h"

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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/light/boundaries", test_boundaries);
  g_test_add_func ("/light/labels", test_labels);

  return g_test_run ();
}
