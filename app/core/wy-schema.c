/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "wuyou/wy-date.h"
#include "wuyou/wy-money.h"
#include "wuyou/wy-schema.h"
#include "wuyou/wy-store.h"

#define F_REQ WY_FIELD_FLAG_REQUIRED
#define F_NN  WY_FIELD_FLAG_NON_NEGATIVE
#define F_PCT WY_FIELD_FLAG_PERCENT
#define F_PLAN WY_FIELD_FLAG_PLAN_DATE
#define F_TPL WY_FIELD_FLAG_PLAN_TEXT
#define F_MONEY WY_FIELD_FLAG_MONEY

#define TEXT(n, l, fl)      { n, WY_FIELD_TEXT, fl, l, 0, NULL, NULL }
#define INT(n, l, fl)       { n, WY_FIELD_INT, fl, l, 0, NULL, NULL }
#define REAL(n, l, fl)      { n, WY_FIELD_REAL, fl, l, 0, NULL, NULL }
#define DATE(n, l, fl)      { n, WY_FIELD_DATE, fl, l, 0, NULL, NULL }
#define BOOL(n, l)          { n, WY_FIELD_BOOL, 0, l, 0, NULL, NULL }
#define REF(n, l, fl, t)    { n, WY_FIELD_REF, fl, l, t, NULL, NULL }
#define ENUM(n, l, fl, c)   { n, WY_FIELD_ENUM, fl, l, 0, c, c##_labels }
/* With limits on new writes (wy_schema_check_limits) */
#define TEXTL(n, l, fl, max)        { n, WY_FIELD_TEXT, fl, l, 0, NULL, NULL, max, 0, 0 }
#define INTR(n, l, fl, lo, hi)      { n, WY_FIELD_INT, fl, l, 0, NULL, NULL, 0, lo, hi }

/* Lengths, in characters (a Han glyph counts one). They fit the form, the
 * detail pane and the printed ledger, whose columns wrap a name onto two
 * lines at most: a name of 60 glyphs still reads on one A4 landscape row
 * pair; an address gets twice that. A description or measure is a
 * paragraph of the ledger's widest column (500); notes and minutes are
 * read on screen, not printed in a cell (2000). A person or a phone fits a
 * narrow column (30; 40 for "0571-87654321 转 1234" or two mobiles). */
#define NAME_CHARS     60
#define ADDRESS_CHARS  120
#define PERSON_CHARS   30
#define PHONE_CHARS    40
#define PARAGRAPH_CHARS 500
#define NOTES_CHARS    2000
/* Numbers: the city's old housing stock starts about 1900 (nothing older
 * is a "compound" with a register); the largest compounds in the seeds
 * have some 200 buildings and 12000 households, so 500 and 20000 leave
 * room while catching a slipped digit; residents, about four a household. */
#define YEAR_MIN       1900
#define BUILDINGS_MAX  500
#define HOUSEHOLDS_MAX 20000
#define RESIDENTS_MAX  100000

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
  TEXTL ("name", N_("Name"), F_REQ, NAME_CHARS),
};

static const WyFieldInfo street_fields[] = {
  REF ("district_id", N_("District"), F_REQ, WY_TABLE_DISTRICT),
  TEXTL ("name", N_("Name"), F_REQ, NAME_CHARS),
};

static const WyFieldInfo community_fields[] = {
  REF ("street_id", N_("Street office"), F_REQ, WY_TABLE_STREET),
  TEXTL ("name", N_("Name"), F_REQ, NAME_CHARS),
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
  TEXTL ("name", N_("Unit"), F_REQ, NAME_CHARS),
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
  TEXTL ("name", N_("Name"), F_REQ, NAME_CHARS),
  TEXTL ("address", N_("Address"), 0, ADDRESS_CHARS),
  ENUM ("category", N_("Category"), F_REQ, category_codes),
  INTR ("year_built", N_("Year built"), F_NN | WY_FIELD_FLAG_UNTIL_TODAY, YEAR_MIN, 9999),
  INTR ("buildings", N_("Buildings"), F_NN, 0, BUILDINGS_MAX),
  INTR ("households", N_("Households"), F_NN, 0, HOUSEHOLDS_MAX),
  INTR ("residents", N_("Residents"), F_NN, 0, RESIDENTS_MAX),
  REAL ("floor_area", N_("Floor area (m²)"), F_NN),
  TEXTL ("original_unit", N_("Original property-rights unit"), 0, NAME_CHARS),
  TEXTL ("contact_name", N_("Contact"), 0, PERSON_CHARS),
  TEXTL ("contact_phone", N_("Contact phone"), 0, PHONE_CHARS),
  TEXTL ("grid", N_("Grid"), 0, NAME_CHARS),
  TEXTL ("grid_staff", N_("Grid staff"), 0, PERSON_CHARS),
  TEXTL ("grid_staff_phone", N_("Grid staff phone"), 0, PHONE_CHARS),
  TEXTL ("building_leaders", N_("Building leaders"), 0, PARAGRAPH_CHARS),
  BOOL ("pilot", N_("Pilot")),
  REF ("governance_mode_id", N_("Governance mode"), 0, WY_TABLE_GOVERNANCE_MODE),
  TEXTL ("mode_plan", N_("One-compound plan"), 0, PARAGRAPH_CHARS),
  ENUM ("owners_org_kind", N_("Owners' organization"), 0, org_codes),
  TEXTL ("owners_org_name", N_("Organization name"), 0, NAME_CHARS),
  DATE ("owners_org_date", N_("Organization founded"), 0),
  BOOL ("rule_covenant", N_("Management covenant adopted")),
  BOOL ("rule_assembly", N_("Owners' assembly rules adopted")),
  BOOL ("rule_committee", N_("Committee work rules adopted")),
  TEXTL ("service_provider", N_("Property service provider"), 0, NAME_CHARS),
  BOOL ("service_cleaning", N_("Basic cleaning")),
  BOOL ("service_repair", N_("Basic facility repair")),
  BOOL ("service_order", N_("Basic order")),
  REF ("assistance_unit_id", N_("Assistance unit"), 0, WY_TABLE_ASSISTANCE_UNIT),
  TEXTL ("notes", N_("Notes"), 0, NOTES_CHARS),
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
  TEXTL ("description", N_("Problem description"), F_REQ, PARAGRAPH_CHARS),
  TEXTL ("measure", N_("Rectification measure"), 0, PARAGRAPH_CHARS),
  /* Without a unit and a deadline an item never turns red: every new
   * item needs both (items from older ledgers show "No deadline"). */
  TEXTL ("responsible_unit", N_("Responsible unit"), WY_FIELD_FLAG_NEW_REQUIRED, NAME_CHARS),
  TEXTL ("responsible_person", N_("Responsible person"), 0, PERSON_CHARS),
  DATE ("raised_date", N_("Raised on"), 0),
  DATE ("deadline", N_("Rectification deadline"), WY_FIELD_FLAG_NEW_REQUIRED),
  ENUM ("status", N_("Status"), F_REQ, problem_status_codes),
  DATE ("signed_off_date", N_("Sign-off date"), 0),
  TEXTL ("verifier", N_("Verifier"), 0, PERSON_CHARS),
  REF ("inspection_id", N_("Found by inspection"), 0, WY_TABLE_INSPECTION),
  TEXTL ("notes", N_("Notes"), 0, NOTES_CHARS),
};

static const WyFieldInfo problem_update_fields[] = {
  REF ("problem_id", N_("Problem"), F_REQ, WY_TABLE_PROBLEM),
  DATE ("date", N_("Date"), F_REQ),
  TEXTL ("text", N_("Rectification progress"), F_REQ, PARAGRAPH_CHARS),
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
  REAL ("amount", N_("Amount (yuan)"), F_REQ | F_NN | F_MONEY),
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
        if ((field->flags & WY_FIELD_FLAG_MONEY) && !wy_money_parse_fen (value, &(gint64) { 0 }))
          {
            g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                         /* Translators: %s is the name of a field, "Amount (yuan)" */
                         _("“%s” is too large."), _(field->label));
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

static gint64
field_max_value (const WyFieldInfo *field,
                 const GDate       *today)
{
  if ((field->flags & WY_FIELD_FLAG_UNTIL_TODAY) && today != NULL && g_date_valid (today))
    return MIN (field->max_value, (gint64) g_date_get_year (today));

  return field->max_value;
}

gboolean
wy_schema_same_number (const WyFieldInfo *field,
                       const char        *a,
                       const char        *b)
{
  gint64 fen_a, fen_b;

  g_return_val_if_fail (field != NULL && a != NULL && b != NULL, FALSE);

  if ((field->flags & WY_FIELD_FLAG_MONEY) &&
      wy_money_parse_fen (a, &fen_a) && wy_money_parse_fen (b, &fen_b))
    return fen_a == fen_b;

  return g_ascii_strtod (a, NULL) == g_ascii_strtod (b, NULL);
}

gboolean
wy_schema_check_limits (const WyFieldInfo  *field,
                        const char         *value,
                        const GDate        *today,
                        GError            **error)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (value == NULL || value[0] == '\0')
    {
      if (field->flags & WY_FIELD_FLAG_NEW_REQUIRED)
        {
          g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                       _("“%s” is required."), _(field->label));
          return FALSE;
        }
      return TRUE;
    }

  if (field->kind == WY_FIELD_TEXT && field->max_chars > 0)
    {
      glong n_chars = g_utf8_strlen (value, -1);

      if (n_chars > (glong) field->max_chars)
        {
          g_autofree char *max = g_strdup_printf ("%u", field->max_chars);
          g_autofree char *has = g_strdup_printf ("%ld", n_chars);

          /* Translators: a field, its limit and the length typed, e.g.
           * "Name" can have at most 60 characters (this has 75). */
          g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                       _("“%s” can have at most %s characters (this has %s)."),
                       _(field->label), max, has);
          return FALSE;
        }
    }

  if (field->kind == WY_FIELD_INT && field->max_value > 0)
    {
      gint64 number = g_ascii_strtoll (value, NULL, 10);
      gint64 max = field_max_value (field, today);

      if (number < field->min_value || number > max)
        {
          g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, field->min_value);
          g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

          /* Translators: a field and its smallest and largest value */
          g_set_error (error, WY_STORE_ERROR, WY_STORE_ERROR_INVALID,
                       _("“%s” must be between %s and %s."), _(field->label), low, high);
          return FALSE;
        }
    }

  return TRUE;
}

char *
wy_schema_limit_hint (const WyFieldInfo *field,
                      const GDate       *today)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->kind == WY_FIELD_TEXT && field->max_chars > 0)
    {
      g_autofree char *max = g_strdup_printf ("%u", field->max_chars);

      if (field->flags & (WY_FIELD_FLAG_REQUIRED | WY_FIELD_FLAG_NEW_REQUIRED))
        /* Translators: the hint beside a text field that must be filled */
        return g_strdup_printf (_("Required, at most %s characters"), max);
      /* Translators: the hint beside a text field */
      return g_strdup_printf (_("At most %s characters"), max);
    }

  if (field->kind == WY_FIELD_INT && field->max_value > 0)
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, field->min_value);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, field_max_value (field, today));

      if (field->flags & WY_FIELD_FLAG_UNTIL_TODAY)
        /* Translators: the hint beside a year, e.g. "1900 to this year (2026)" */
        return g_strdup_printf (_("%s to this year (%s)"), low, high);
      /* Translators: the hint beside a number, e.g. "0 to 500" */
      return g_strdup_printf (_("%s to %s"), low, high);
    }

  /* A drop-down always shows a choice: saying "Required" there is noise. */
  if ((field->flags & (WY_FIELD_FLAG_REQUIRED | WY_FIELD_FLAG_NEW_REQUIRED)) &&
      field->kind != WY_FIELD_ENUM && field->kind != WY_FIELD_REF && field->kind != WY_FIELD_BOOL)
    /* Translators: the hint beside a field that must be filled */
    return g_strdup (_("Required"));

  return NULL;
}
