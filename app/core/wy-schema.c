/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-schema.h"
#include "wuyou/wy-store.h"

#define F_REQ WY_FIELD_FLAG_REQUIRED
#define F_NN  WY_FIELD_FLAG_NON_NEGATIVE
#define F_PCT WY_FIELD_FLAG_PERCENT
#define F_PLAN WY_FIELD_FLAG_PLAN_DATE
#define F_TPL WY_FIELD_FLAG_PLAN_TEXT

#define TEXT(n, l, fl)      { n, WY_FIELD_TEXT, fl, l, 0, NULL, NULL }
#define INT(n, l, fl)       { n, WY_FIELD_INT, fl, l, 0, NULL, NULL }
#define REAL(n, l, fl)      { n, WY_FIELD_REAL, fl, l, 0, NULL, NULL }
#define DATE(n, l, fl)      { n, WY_FIELD_DATE, fl, l, 0, NULL, NULL }
#define BOOL(n, l)          { n, WY_FIELD_BOOL, 0, l, 0, NULL, NULL }
#define REF(n, l, fl, t)    { n, WY_FIELD_REF, fl, l, t, NULL, NULL }
#define ENUM(n, l, fl, c)   { n, WY_FIELD_ENUM, fl, l, 0, c, c##_labels }

static const char * const category_codes[] = { WY_CATEGORY_SELF_MANAGED, WY_CATEGORY_THREE_NONE, NULL };
static const char * const category_codes_labels[] = { N_("Self-managed"), N_("Three-none"), NULL };

static const char * const org_codes[] = { "none", "owners_committee", "self_management_committee", "supervisory_group", NULL };
static const char * const org_codes_labels[] = { N_("None yet"), N_("Owners' committee"), N_("Self-management committee"), N_("Supervisory group"), NULL };

static const char * const target_status_codes[] = { WY_TARGET_NOT_MET, WY_TARGET_IN_PROGRESS, WY_TARGET_MET, NULL };
static const char * const target_status_codes_labels[] = { N_("Not met"), N_("In progress"), N_("Met"), NULL };

static const char * const problem_category_codes[] = { "target", "safety", "other", NULL };
static const char * const problem_category_codes_labels[] = { N_("Target"), N_("Safety hazard"), N_("Other"), NULL };

static const char * const problem_status_codes[] = { WY_PROBLEM_PENDING, WY_PROBLEM_IN_PROGRESS, WY_PROBLEM_FIXED, WY_PROBLEM_SIGNED_OFF, NULL };
static const char * const problem_status_codes_labels[] = { N_("To be rectified"), N_("Being rectified"), N_("Fixed, awaiting verification"), N_("Signed off"), NULL };

static const char * const task_status_codes[] = { WY_TASK_NOT_STARTED, WY_TASK_IN_PROGRESS, WY_TASK_DONE, NULL };
static const char * const task_status_codes_labels[] = { N_("Not started"), N_("In progress"), N_("Done"), NULL };

static const char * const level_codes[] = { "city", "district", NULL };
static const char * const level_codes_labels[] = { N_("City level"), N_("District level"), NULL };

static const char * const meeting_codes[] = { WY_MEETING_LEADERSHIP, WY_MEETING_JOINT, WY_MEETING_CONSULTATION, NULL };
static const char * const meeting_codes_labels[] = { N_("Leadership group meeting"), N_("Joint meeting"), N_("Community consultation meeting"), NULL };

static const char * const funding_codes[] = { "residents", "original_unit", "donation", "social_capital", "fiscal", NULL };
static const char * const funding_codes_labels[] = { N_("Residents' contribution"), N_("Original property-rights unit's contribution"), N_("Social donation"), N_("Social capital"), N_("Fiscal reward or subsidy"), NULL };

static const WyFieldInfo district_fields[] = {
  TEXT ("name", N_("Name"), F_REQ),
};

static const WyFieldInfo street_fields[] = {
  REF ("district_id", N_("District"), F_REQ, WY_TABLE_DISTRICT),
  TEXT ("name", N_("Name"), F_REQ),
};

static const WyFieldInfo community_fields[] = {
  REF ("street_id", N_("Street office"), F_REQ, WY_TABLE_STREET),
  TEXT ("name", N_("Name"), F_REQ),
};

static const WyFieldInfo governance_mode_fields[] = {
  TEXT ("code", N_("Code"), F_REQ),
  TEXT ("name", N_("Name"), F_REQ | F_TPL),
  TEXT ("description", N_("Description"), F_TPL),
};

static const WyFieldInfo target_fields[] = {
  INT ("ordinal", N_("Order"), F_REQ | F_NN),
  TEXT ("name", N_("Name"), F_REQ | F_TPL),
  TEXT ("description", N_("Description"), F_TPL),
  BOOL ("active", N_("In use")),
};

static const WyFieldInfo assistance_unit_fields[] = {
  TEXT ("name", N_("Unit"), F_REQ),
  ENUM ("level", N_("Level"), F_REQ, level_codes),
  REF ("community_id", N_("Community assisted"), 0, WY_TABLE_COMMUNITY),
  DATE ("start_date", N_("Term starts"), 0),
  DATE ("end_date", N_("Term ends"), 0),
  TEXT ("contact_name", N_("Contact"), 0),
  TEXT ("contact_phone", N_("Contact phone"), 0),
  BOOL ("closed", N_("Term closed")),
  TEXT ("notes", N_("Notes"), 0),
};

static const WyFieldInfo compound_fields[] = {
  REF ("community_id", N_("Community"), F_REQ, WY_TABLE_COMMUNITY),
  TEXT ("name", N_("Name"), F_REQ),
  TEXT ("address", N_("Address"), 0),
  ENUM ("category", N_("Category"), F_REQ, category_codes),
  INT ("year_built", N_("Year built"), F_NN),
  INT ("buildings", N_("Buildings"), F_NN),
  INT ("households", N_("Households"), F_NN),
  INT ("residents", N_("Residents"), F_NN),
  REAL ("floor_area", N_("Floor area (m²)"), F_NN),
  TEXT ("original_unit", N_("Original property-rights unit"), 0),
  TEXT ("contact_name", N_("Contact"), 0),
  TEXT ("contact_phone", N_("Contact phone"), 0),
  TEXT ("grid", N_("Grid"), 0),
  TEXT ("grid_staff", N_("Grid staff"), 0),
  TEXT ("grid_staff_phone", N_("Grid staff phone"), 0),
  TEXT ("building_leaders", N_("Building leaders"), 0),
  BOOL ("pilot", N_("Pilot")),
  REF ("governance_mode_id", N_("Governance mode"), 0, WY_TABLE_GOVERNANCE_MODE),
  TEXT ("mode_plan", N_("One-compound plan"), 0),
  ENUM ("owners_org_kind", N_("Owners' organization"), 0, org_codes),
  TEXT ("owners_org_name", N_("Organization name"), 0),
  DATE ("owners_org_date", N_("Organization founded"), 0),
  BOOL ("rule_covenant", N_("Management covenant adopted")),
  BOOL ("rule_assembly", N_("Owners' assembly rules adopted")),
  BOOL ("rule_committee", N_("Committee work rules adopted")),
  TEXT ("service_provider", N_("Property service provider"), 0),
  BOOL ("service_cleaning", N_("Basic cleaning")),
  BOOL ("service_repair", N_("Basic facility repair")),
  BOOL ("service_order", N_("Basic order")),
  REF ("assistance_unit_id", N_("Assistance unit"), 0, WY_TABLE_ASSISTANCE_UNIT),
  TEXT ("notes", N_("Notes"), 0),
};

static const WyFieldInfo compound_target_fields[] = {
  REF ("compound_id", N_("Compound"), F_REQ, WY_TABLE_COMPOUND),
  REF ("target_id", N_("Target"), F_REQ, WY_TABLE_TARGET),
  ENUM ("status", N_("Status"), F_REQ, target_status_codes),
  DATE ("met_date", N_("Date met"), 0),
  TEXT ("evidence", N_("Evidence"), 0),
  TEXT ("verifier", N_("Verified by"), 0),
};

static const WyFieldInfo meeting_fields[] = {
  ENUM ("kind", N_("Kind"), F_REQ, meeting_codes),
  DATE ("date", N_("Date"), F_REQ),
  TEXT ("title", N_("Title"), 0),
  TEXT ("attendees", N_("Attendees"), 0),
  REF ("community_id", N_("Community"), 0, WY_TABLE_COMMUNITY),
  TEXT ("minutes", N_("Minutes"), 0),
};

static const WyFieldInfo meeting_compound_fields[] = {
  REF ("meeting_id", N_("Meeting"), F_REQ, WY_TABLE_MEETING),
  REF ("compound_id", N_("Compound"), F_REQ, WY_TABLE_COMPOUND),
};

static const WyFieldInfo inspection_fields[] = {
  DATE ("date", N_("Date"), F_REQ),
  TEXT ("inspector", N_("Inspector"), 0),
  REF ("community_id", N_("Community"), 0, WY_TABLE_COMMUNITY),
  REF ("compound_id", N_("Compound"), 0, WY_TABLE_COMPOUND),
  TEXT ("findings", N_("Findings"), 0),
};

static const WyFieldInfo problem_fields[] = {
  REF ("compound_id", N_("Compound"), F_REQ, WY_TABLE_COMPOUND),
  ENUM ("category", N_("Category"), F_REQ, problem_category_codes),
  REF ("target_id", N_("Target"), 0, WY_TABLE_TARGET),
  TEXT ("description", N_("Problem description"), F_REQ),
  TEXT ("measure", N_("Rectification measure"), 0),
  TEXT ("responsible_unit", N_("Responsible unit"), 0),
  TEXT ("responsible_person", N_("Responsible person"), 0),
  DATE ("raised_date", N_("Raised on"), 0),
  DATE ("deadline", N_("Rectification deadline"), 0),
  ENUM ("status", N_("Status"), F_REQ, problem_status_codes),
  DATE ("signed_off_date", N_("Sign-off date"), 0),
  TEXT ("verifier", N_("Verifier"), 0),
  REF ("inspection_id", N_("Found by inspection"), 0, WY_TABLE_INSPECTION),
  TEXT ("notes", N_("Notes"), 0),
};

static const WyFieldInfo problem_update_fields[] = {
  REF ("problem_id", N_("Problem"), F_REQ, WY_TABLE_PROBLEM),
  DATE ("date", N_("Date"), F_REQ),
  TEXT ("text", N_("Rectification progress"), F_REQ),
  TEXT ("author", N_("Recorded by"), 0),
};

static const WyFieldInfo task_fields[] = {
  INT ("ordinal", N_("No."), F_NN),
  TEXT ("title", N_("Task"), F_REQ | F_TPL),
  TEXT ("description", N_("Description"), 0),
  TEXT ("lead_units", N_("Lead unit"), F_TPL),
  TEXT ("co_units", N_("Co-units"), F_TPL),
  DATE ("deadline", N_("Completion deadline"), 0),
  INT ("progress", N_("Progress (%)"), F_NN | F_PCT),
  ENUM ("status", N_("Status"), F_REQ, task_status_codes),
  DATE ("done_date", N_("Done on"), 0),
  BOOL ("from_plan", N_("From the plan")),
  REF ("meeting_id", N_("Decided at meeting"), 0, WY_TABLE_MEETING),
  TEXT ("notes", N_("Notes"), 0),
};

static const WyFieldInfo task_note_fields[] = {
  REF ("task_id", N_("Task"), F_REQ, WY_TABLE_TASK),
  DATE ("date", N_("Date"), F_REQ),
  TEXT ("text", N_("Progress made"), F_REQ),
  INT ("progress", N_("Progress (%)"), F_NN | F_PCT),
  TEXT ("author", N_("Recorded by"), 0),
};

static const WyFieldInfo task_compound_fields[] = {
  REF ("task_id", N_("Task"), F_REQ, WY_TABLE_TASK),
  REF ("compound_id", N_("Compound"), F_REQ, WY_TABLE_COMPOUND),
};

static const WyFieldInfo phase_fields[] = {
  INT ("ordinal", N_("No."), F_REQ | F_NN),
  TEXT ("name", N_("Phase"), F_REQ | F_TPL),
  DATE ("start_date", N_("Starts"), F_REQ | F_PLAN),
  DATE ("end_date", N_("Ends"), F_REQ | F_PLAN),
  TEXT ("description", N_("Description"), 0),
};

static const WyFieldInfo milestone_fields[] = {
  REF ("phase_id", N_("Phase"), F_REQ, WY_TABLE_PHASE),
  INT ("ordinal", N_("No."), F_NN),
  TEXT ("name", N_("Milestone"), F_REQ | F_TPL),
  DATE ("due_date", N_("Due"), F_PLAN),
  BOOL ("done", N_("Done")),
  DATE ("done_date", N_("Done on"), 0),
};

static const WyFieldInfo assistance_activity_fields[] = {
  REF ("unit_id", N_("Assistance unit"), F_REQ, WY_TABLE_ASSISTANCE_UNIT),
  DATE ("date", N_("Date"), F_REQ),
  TEXT ("description", N_("Activity"), F_REQ),
  REF ("compound_id", N_("Compound"), 0, WY_TABLE_COMPOUND),
};

static const WyFieldInfo funding_fields[] = {
  REF ("compound_id", N_("Compound"), F_REQ, WY_TABLE_COMPOUND),
  ENUM ("source", N_("Source"), F_REQ, funding_codes),
  REAL ("amount", N_("Amount (yuan)"), F_REQ | F_NN),
  DATE ("date", N_("Date"), 0),
  TEXT ("purpose", N_("Purpose"), 0),
};

#define TABLE(id, sql, label, parent, title, fields) \
  [id] = { id, sql, label, parent, title, fields, G_N_ELEMENTS (fields) }

static const WyTableInfo tables[WY_N_TABLES] = {
  TABLE (WY_TABLE_DISTRICT, "district", N_("District"), NULL, "name", district_fields),
  TABLE (WY_TABLE_STREET, "street", N_("Street office"), "district_id", "name", street_fields),
  TABLE (WY_TABLE_COMMUNITY, "community", N_("Community"), "street_id", "name", community_fields),
  TABLE (WY_TABLE_GOVERNANCE_MODE, "governance_mode", N_("Governance mode"), NULL, "name", governance_mode_fields),
  TABLE (WY_TABLE_TARGET, "target", N_("Target"), NULL, "name", target_fields),
  TABLE (WY_TABLE_ASSISTANCE_UNIT, "assistance_unit", N_("Assistance unit"), "community_id", "name", assistance_unit_fields),
  TABLE (WY_TABLE_COMPOUND, "compound", N_("Compound"), "community_id", "name", compound_fields),
  TABLE (WY_TABLE_COMPOUND_TARGET, "compound_target", N_("Target status"), "compound_id", "status", compound_target_fields),
  TABLE (WY_TABLE_MEETING, "meeting", N_("Meeting"), NULL, "title", meeting_fields),
  TABLE (WY_TABLE_MEETING_COMPOUND, "meeting_compound", N_("Compound concerned"), "meeting_id", "compound_id", meeting_compound_fields),
  TABLE (WY_TABLE_INSPECTION, "inspection", N_("Inspection"), NULL, "findings", inspection_fields),
  TABLE (WY_TABLE_PROBLEM, "problem", N_("Rectification item"), "compound_id", "description", problem_fields),
  TABLE (WY_TABLE_PROBLEM_UPDATE, "problem_update", N_("Progress update"), "problem_id", "text", problem_update_fields),
  TABLE (WY_TABLE_TASK, "task", N_("Work task"), NULL, "title", task_fields),
  TABLE (WY_TABLE_TASK_NOTE, "task_note", N_("Progress note"), "task_id", "text", task_note_fields),
  TABLE (WY_TABLE_TASK_COMPOUND, "task_compound", N_("Linked compound"), "task_id", "compound_id", task_compound_fields),
  TABLE (WY_TABLE_PHASE, "phase", N_("Phase"), NULL, "name", phase_fields),
  TABLE (WY_TABLE_MILESTONE, "milestone", N_("Milestone"), "phase_id", "name", milestone_fields),
  TABLE (WY_TABLE_ASSISTANCE_ACTIVITY, "assistance_activity", N_("Assistance activity"), "unit_id", "description", assistance_activity_fields),
  TABLE (WY_TABLE_FUNDING, "funding", N_("Funding"), "compound_id", "purpose", funding_fields),
};

const WyTableInfo *
wy_schema_table (WyTable table)
{
  g_return_val_if_fail (table < WY_N_TABLES, NULL);

  return &tables[table];
}

const WyTableInfo *
wy_schema_table_by_name (const char *name)
{
  for (guint i = 0; i < WY_N_TABLES; i++)
    if (g_strcmp0 (tables[i].name, name) == 0)
      return &tables[i];

  return NULL;
}

int
wy_schema_field_index (const WyTableInfo *info,
                       const char        *field)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (g_strcmp0 (info->fields[i].name, field) == 0)
      return (int) i;

  return -1;
}

const WyFieldInfo *
wy_schema_field (const WyTableInfo *info,
                 const char        *field)
{
  int index = wy_schema_field_index (info, field);

  return index < 0 ? NULL : &info->fields[index];
}

const char *
wy_schema_code_label (const WyFieldInfo *field,
                      const char        *code)
{
  if (field->codes == NULL || code == NULL)
    return code;

  for (guint i = 0; field->codes[i] != NULL; i++)
    if (g_str_equal (field->codes[i], code))
      return _(field->code_labels[i]);

  return code;
}

static gboolean
parse_int (const char *value,
           gint64     *out)
{
  char *end = NULL;

  /* strtoll would skip leading blanks; a typed " 12" is a typo. */
  if (!g_ascii_isdigit (value[0]) && value[0] != '-')
    return FALSE;

  *out = g_ascii_strtoll (value, &end, 10);
  return end != NULL && *end == '\0';
}

gboolean
wy_schema_validate_value (const WyFieldInfo  *field,
                          const char         *value,
                          GError            **error)
{
  /* The label is translated only when there is something to say: this
   * runs for every field of every row a bulk job writes. */
  if (value == NULL || value[0] == '\0')
    {
      if (field->flags & WY_FIELD_FLAG_REQUIRED)
        {
          g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                       _("“%s” is required."), _(field->label));
          return FALSE;
        }
      return TRUE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                   _("“%s” is not valid text."), _(field->label));
      return FALSE;
    }

  switch (field->kind)
    {
    case WY_FIELD_TEXT:
      return TRUE;

    case WY_FIELD_INT:
    case WY_FIELD_REF:
    case WY_FIELD_BOOL:
      {
        gint64 number;

        if (!parse_int (value, &number))
          {
            g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                         _("“%s” must be a whole number."), _(field->label));
            return FALSE;
          }
        if (field->kind == WY_FIELD_BOOL && number != 0 && number != 1)
          {
            g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                         _("“%s” must be yes or no."), _(field->label));
            return FALSE;
          }
        if ((field->flags & WY_FIELD_FLAG_NON_NEGATIVE) && number < 0)
          {
            g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                         _("“%s” cannot be negative."), _(field->label));
            return FALSE;
          }
        if ((field->flags & WY_FIELD_FLAG_PERCENT) && number > 100)
          {
            g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                         _("“%s” must be between 0 and 100."), _(field->label));
            return FALSE;
          }
        return TRUE;
      }

    case WY_FIELD_REAL:
      {
        char *end = NULL;
        double number = g_ascii_strtod (value, &end);

        if (end == NULL || *end != '\0' || !isfinite (number) ||
            !(g_ascii_isdigit (value[0]) || value[0] == '-' || value[0] == '.'))
          {
            g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                         _("“%s” must be a number."), _(field->label));
            return FALSE;
          }
        if ((field->flags & WY_FIELD_FLAG_NON_NEGATIVE) && number < 0)
          {
            g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                         _("“%s” cannot be negative."), _(field->label));
            return FALSE;
          }
        return TRUE;
      }

    case WY_FIELD_DATE:
      if (!wy_date_is_valid_iso (value))
        {
          g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                       _("“%s” must be a real date (YYYY-MM-DD)."), _(field->label));
          return FALSE;
        }
      return TRUE;

    case WY_FIELD_ENUM:
      for (guint i = 0; field->codes[i] != NULL; i++)
        if (g_str_equal (field->codes[i], value))
          return TRUE;
      g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                   _("“%s” has an unknown value “%s”."), _(field->label), value);
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}
