/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-plan-template.h"
#include "wuyou/wy-record.h"

/* The city implementation plan (seeds/002): its tasks, phases and
 * milestones, dated as the plan dates them. The texts are msgids,
 * translated when a ledger is created, so a ledger made under zh_CN holds
 * the plan's own Chinese wording. */

typedef struct {
  const char *title;
  const char *lead_units;
  const char *co_units;
  const char *deadline;
} TemplateTask;

static const TemplateTask tasks[] = {
  { N_("Baseline survey of all self-managed and three-none compounds, entered into the property-management information system"),
    N_("People's governments of all counties (cities, districts); administrative committees of city-level parks"),
    N_("City Housing and Urban-Rural Development Bureau"),
    "2022-08-31" },
  { N_("Delimit property-service areas"),
    N_("People's governments of all counties (cities, districts); administrative committees of city-level parks"),
    N_("City Housing and Urban-Rural Development Bureau"),
    "2022-08-31" },
  { N_("Community assistance mechanism: one assistance unit per community, two-year term"),
    N_("Organization Department of the City Party Committee"),
    N_("Working Committee of City-level Organs; people's governments of all counties (cities, districts); administrative committees of city-level parks"),
    "2022-09-30" },
  { N_("Set up owners' self-governance organizations and their rules"),
    N_("People's governments of all counties (cities, districts); administrative committees of city-level parks"),
    N_("City Housing and Urban-Rural Development Bureau; City Civil Affairs Bureau; all assistance units"),
    "2023-12-31" },
  { N_("Grid staff for every compound"),
    N_("Political and Legal Affairs Commission of the City Party Committee"),
    N_("City Civil Affairs Bureau; City Public Security Bureau; people's governments of all counties (cities, districts); administrative committees of city-level parks; all assistance units"),
    "2022-12-31" },
  { N_("Improve compound safety and protection facilities"),
    N_("People's governments of all counties (cities, districts); administrative committees of city-level parks"),
    N_("Political and Legal Affairs Commission of the City Party Committee; City Public Security Bureau; all assistance units"),
    "2023-06-30" },
  { N_("Property service for every compound by governance mode"),
    N_("People's governments of all counties (cities, districts); administrative committees of city-level parks"),
    N_("All assistance units"),
    "2023-12-31" },
};

typedef struct {
  const char *name;
  const char *due;
} TemplateMilestone;

typedef struct {
  const char        *name;
  const char        *start;
  const char        *end;
  TemplateMilestone  milestones[4];
} TemplatePhase;

static const TemplatePhase phases[] = {
  { N_("Mobilisation and assistance pairing"), "2022-07-01", "2022-09-30", {
      { N_("Baseline survey of all compounds done"), "2022-08-31" },
      { N_("Problem list of every compound drawn up"), "2022-09-30" },
      { N_("Assistance units have surveyed their communities"), "2022-09-30" },
    } },
  { N_("Pilots first"), "2022-10-01", "2022-12-31", {
      { N_("3 to 5 pilot compounds per district chosen and worked through"), "2022-12-31" },
    } },
  { N_("Full roll-out by category"), "2023-01-01", "2023-06-30", {
      { N_("Work ledger set up and items signed off one by one"), "2023-06-30" },
    } },
  { N_("Rules and consolidation"), "2023-07-01", "2023-12-31", {
      { N_("On-site review meeting held"), "2023-12-31" },
      { N_("Good examples commended"), "2023-12-31" },
      { N_("Long-term management mechanism in place"), "2023-12-31" },
    } },
};

static const struct {
  const char *name;
  const char *description;
} targets[] = {
  { N_("Owners' self-governance organization"),
    N_("An owners' committee, self-management committee or supervisory group, with the management covenant, rules of procedure of the owners' assembly and committee work rules adopted") },
  { N_("Safety and protection facilities"),
    N_("Enclosure railings or access control, video surveillance at entrances and key spots; drainage, lighting, roads, e-bike charging and fire facilities") },
  { N_("Basic property service"),
    N_("Basic cleaning, basic facility repair and basic order") },
  { N_("Clean and tidy environment"), NULL },
  { N_("Long-term management mechanism"),
    N_("Funding, rules and people that keep it working after the campaign") },
};

static const struct {
  const char *code;
  const char *name;
  const char *description;
} modes[] = {
  { "professional", N_("Professional property management"),
    N_("For larger compounds whose owners can pay: owners hire a property service company") },
  { "resident", N_("Resident self-management"),
    N_("The residents' committee guides residents to manage the compound themselves") },
  { "custodial", N_("Community custodial"),
    N_("The community or street appoints a basic service provider until residents can manage themselves") },
};

void
wy_plan_default_start (GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, WY_PLAN_DEFAULT_START_DAY, WY_PLAN_DEFAULT_START_MONTH,
                  WY_PLAN_DEFAULT_START_YEAR);
}

static void
set_shifted_date (WyRecord   *record,
                  const char *field,
                  const char *iso,
                  int         days)
{
  g_autofree char *shifted = wy_date_iso_add_days (iso, days);

  wy_record_set (record, field, shifted);
}

static gint64
insert_new (WyStore   *store,
            WyRecord  *record,
            GError   **error)
{
  g_autoptr(WyRecord) owned = record;

  return wy_store_insert (store, owned, error);
}

gboolean
wy_plan_template_apply (WyStore      *store,
                        const GDate  *plan_start,
                        GError      **error)
{
  GDate default_start;
  int days = 0;

  g_return_val_if_fail (WY_IS_STORE (store), FALSE);

  wy_plan_default_start (&default_start);
  if (plan_start != NULL)
    days = g_date_days_between (&default_start, plan_start);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      WyRecord *target = wy_record_new (WY_TABLE_TARGET);

      wy_record_set_int (target, "ordinal", i + 1);
      wy_record_set (target, "name", _(targets[i].name));
      if (targets[i].description != NULL)
        wy_record_set (target, "description", _(targets[i].description));
      wy_record_set_bool (target, "active", TRUE);
      if (insert_new (store, target, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      WyRecord *mode = wy_record_new (WY_TABLE_GOVERNANCE_MODE);

      wy_record_set (mode, "code", modes[i].code);
      wy_record_set (mode, "name", _(modes[i].name));
      wy_record_set (mode, "description", _(modes[i].description));
      if (insert_new (store, mode, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      WyRecord *task = wy_record_new (WY_TABLE_TASK);

      wy_record_set_int (task, "ordinal", i + 1);
      wy_record_set (task, "title", _(tasks[i].title));
      wy_record_set (task, "lead_units", _(tasks[i].lead_units));
      wy_record_set (task, "co_units", _(tasks[i].co_units));
      set_shifted_date (task, "deadline", tasks[i].deadline, days);
      wy_record_set_int (task, "progress", 0);
      wy_record_set (task, "status", WY_TASK_NOT_STARTED);
      wy_record_set_bool (task, "from_plan", TRUE);
      if (insert_new (store, task, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      WyRecord *phase = wy_record_new (WY_TABLE_PHASE);
      gint64 phase_id;

      wy_record_set_int (phase, "ordinal", i + 1);
      wy_record_set (phase, "name", _(phases[i].name));
      set_shifted_date (phase, "start_date", phases[i].start, days);
      set_shifted_date (phase, "end_date", phases[i].end, days);
      phase_id = insert_new (store, phase, error);
      if (phase_id == 0)
        return FALSE;

      for (guint m = 0; m < G_N_ELEMENTS (phases[i].milestones) && phases[i].milestones[m].name != NULL; m++)
        {
          WyRecord *milestone = wy_record_new (WY_TABLE_MILESTONE);

          wy_record_set_int (milestone, "phase_id", phase_id);
          wy_record_set_int (milestone, "ordinal", m + 1);
          wy_record_set (milestone, "name", _(phases[i].milestones[m].name));
          set_shifted_date (milestone, "due_date", phases[i].milestones[m].due, days);
          wy_record_set_bool (milestone, "done", FALSE);
          if (insert_new (store, milestone, error) == 0)
            return FALSE;
        }
    }

  return TRUE;
}
