/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "wy-store-private.h"

/* CHECKs list allowed values with OR rather than IN (...): SQLite builds
 * a temporary table for every IN list on every insert, which made bulk
 * jobs ten times slower.
 *
 * Each step runs in one transaction. Once a version has shipped its text
 * never changes: a later change is a new step. */

#define IDENTITY \
  "id INTEGER PRIMARY KEY, " \
  "uuid TEXT NOT NULL UNIQUE, " \
  "created_at TEXT NOT NULL, " \
  "updated_at TEXT NOT NULL, "

#define ISO_DATE(col) \
  "CHECK (" col " IS NULL OR (length(" col ") = 10 AND " col " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'))"

#define NON_NEG(col) "CHECK (" col " IS NULL OR " col " >= 0)"
#define BOOL_COL(col) col " INTEGER NOT NULL DEFAULT 0 CHECK (" col " = 0 OR " col " = 1)"

static const char schema_v1[] =
  "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT);"

  "CREATE TABLE district (" IDENTITY
  " name TEXT NOT NULL UNIQUE);"

  "CREATE TABLE street (" IDENTITY
  " district_id INTEGER NOT NULL REFERENCES district(id) ON DELETE RESTRICT,"
  " name TEXT NOT NULL,"
  " UNIQUE (district_id, name));"

  "CREATE TABLE community (" IDENTITY
  " street_id INTEGER NOT NULL REFERENCES street(id) ON DELETE RESTRICT,"
  " name TEXT NOT NULL,"
  " UNIQUE (street_id, name));"

  "CREATE TABLE governance_mode (" IDENTITY
  " code TEXT NOT NULL UNIQUE,"
  " name TEXT NOT NULL,"
  " description TEXT);"

  "CREATE TABLE target (" IDENTITY
  " ordinal INTEGER NOT NULL " NON_NEG ("ordinal") ","
  " name TEXT NOT NULL,"
  " description TEXT,"
  " " BOOL_COL ("active") ");"

  "CREATE TABLE assistance_unit (" IDENTITY
  " name TEXT NOT NULL,"
  " level TEXT NOT NULL CHECK ((level = 'city' OR level = 'district')),"
  " community_id INTEGER REFERENCES community(id) ON DELETE SET NULL,"
  " start_date TEXT " ISO_DATE ("start_date") ","
  " end_date TEXT " ISO_DATE ("end_date") ","
  " contact_name TEXT, contact_phone TEXT,"
  " " BOOL_COL ("closed") ","
  " notes TEXT);"

  "CREATE TABLE compound (" IDENTITY
  " community_id INTEGER NOT NULL REFERENCES community(id) ON DELETE RESTRICT,"
  " name TEXT NOT NULL,"
  " address TEXT,"
  " category TEXT NOT NULL CHECK ((category = 'self_managed' OR category = 'three_none')),"
  " year_built INTEGER " NON_NEG ("year_built") ","
  " buildings INTEGER " NON_NEG ("buildings") ","
  " households INTEGER " NON_NEG ("households") ","
  " residents INTEGER " NON_NEG ("residents") ","
  " floor_area REAL " NON_NEG ("floor_area") ","
  " original_unit TEXT, contact_name TEXT, contact_phone TEXT,"
  " grid TEXT, grid_staff TEXT, grid_staff_phone TEXT, building_leaders TEXT,"
  " " BOOL_COL ("pilot") ","
  " governance_mode_id INTEGER REFERENCES governance_mode(id) ON DELETE SET NULL,"
  " mode_plan TEXT,"
  " owners_org_kind TEXT CHECK (owners_org_kind IS NULL OR owners_org_kind = 'none'"
  "   OR owners_org_kind = 'owners_committee' OR owners_org_kind = 'self_management_committee'"
  "   OR owners_org_kind = 'supervisory_group'),"
  " owners_org_name TEXT,"
  " owners_org_date TEXT " ISO_DATE ("owners_org_date") ","
  " " BOOL_COL ("rule_covenant") ","
  " " BOOL_COL ("rule_assembly") ","
  " " BOOL_COL ("rule_committee") ","
  " service_provider TEXT,"
  " " BOOL_COL ("service_cleaning") ","
  " " BOOL_COL ("service_repair") ","
  " " BOOL_COL ("service_order") ","
  " assistance_unit_id INTEGER REFERENCES assistance_unit(id) ON DELETE SET NULL,"
  " notes TEXT,"
  " UNIQUE (community_id, name));"

  "CREATE TABLE compound_target (" IDENTITY
  " compound_id INTEGER NOT NULL REFERENCES compound(id) ON DELETE CASCADE,"
  " target_id INTEGER NOT NULL REFERENCES target(id) ON DELETE CASCADE,"
  " status TEXT NOT NULL DEFAULT 'not_met' CHECK ((status = 'not_met' OR status = 'in_progress' OR status = 'met')),"
  " met_date TEXT " ISO_DATE ("met_date") ","
  " evidence TEXT, verifier TEXT,"
  " UNIQUE (compound_id, target_id));"

  "CREATE TABLE meeting (" IDENTITY
  " kind TEXT NOT NULL CHECK ((kind = 'leadership' OR kind = 'joint' OR kind = 'consultation')),"
  " date TEXT NOT NULL " ISO_DATE ("date") ","
  " title TEXT, attendees TEXT,"
  " community_id INTEGER REFERENCES community(id) ON DELETE SET NULL,"
  " minutes TEXT);"

  "CREATE TABLE meeting_compound (" IDENTITY
  " meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
  " compound_id INTEGER NOT NULL REFERENCES compound(id) ON DELETE CASCADE,"
  " UNIQUE (meeting_id, compound_id));"

  "CREATE TABLE inspection (" IDENTITY
  " date TEXT NOT NULL " ISO_DATE ("date") ","
  " inspector TEXT,"
  " community_id INTEGER REFERENCES community(id) ON DELETE SET NULL,"
  " compound_id INTEGER REFERENCES compound(id) ON DELETE SET NULL,"
  " findings TEXT);"

  "CREATE TABLE problem (" IDENTITY
  " compound_id INTEGER NOT NULL REFERENCES compound(id) ON DELETE CASCADE,"
  " category TEXT NOT NULL CHECK ((category = 'target' OR category = 'safety' OR category = 'other')),"
  " target_id INTEGER REFERENCES target(id) ON DELETE SET NULL,"
  " description TEXT NOT NULL,"
  " measure TEXT, responsible_unit TEXT, responsible_person TEXT,"
  " raised_date TEXT " ISO_DATE ("raised_date") ","
  " deadline TEXT " ISO_DATE ("deadline") ","
  " status TEXT NOT NULL DEFAULT 'pending' CHECK ((status = 'pending' OR status = 'in_progress' OR status = 'fixed' OR status = 'signed_off')),"
  " signed_off_date TEXT " ISO_DATE ("signed_off_date") ","
  " verifier TEXT,"
  " inspection_id INTEGER REFERENCES inspection(id) ON DELETE SET NULL,"
  " notes TEXT,"
  " CHECK (status <> 'signed_off' OR (signed_off_date IS NOT NULL AND verifier IS NOT NULL AND verifier <> '')));"

  "CREATE TABLE problem_update (" IDENTITY
  " problem_id INTEGER NOT NULL REFERENCES problem(id) ON DELETE CASCADE,"
  " date TEXT NOT NULL " ISO_DATE ("date") ","
  " text TEXT NOT NULL,"
  " author TEXT);"

  "CREATE TABLE task (" IDENTITY
  " ordinal INTEGER " NON_NEG ("ordinal") ","
  " title TEXT NOT NULL,"
  " description TEXT, lead_units TEXT, co_units TEXT,"
  " deadline TEXT " ISO_DATE ("deadline") ","
  " progress INTEGER CHECK (progress IS NULL OR progress BETWEEN 0 AND 100),"
  " status TEXT NOT NULL DEFAULT 'not_started' CHECK ((status = 'not_started' OR status = 'in_progress' OR status = 'done')),"
  " done_date TEXT " ISO_DATE ("done_date") ","
  " " BOOL_COL ("from_plan") ","
  " meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,"
  " notes TEXT);"

  "CREATE TABLE task_note (" IDENTITY
  " task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
  " date TEXT NOT NULL " ISO_DATE ("date") ","
  " text TEXT NOT NULL,"
  " progress INTEGER CHECK (progress IS NULL OR progress BETWEEN 0 AND 100),"
  " author TEXT);"

  "CREATE TABLE task_compound (" IDENTITY
  " task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,"
  " compound_id INTEGER NOT NULL REFERENCES compound(id) ON DELETE CASCADE,"
  " UNIQUE (task_id, compound_id));"

  "CREATE TABLE phase (" IDENTITY
  " ordinal INTEGER NOT NULL " NON_NEG ("ordinal") ","
  " name TEXT NOT NULL,"
  " start_date TEXT NOT NULL " ISO_DATE ("start_date") ","
  " end_date TEXT NOT NULL " ISO_DATE ("end_date") ","
  " description TEXT,"
  " CHECK (end_date >= start_date));"

  "CREATE TABLE milestone (" IDENTITY
  " phase_id INTEGER NOT NULL REFERENCES phase(id) ON DELETE CASCADE,"
  " ordinal INTEGER " NON_NEG ("ordinal") ","
  " name TEXT NOT NULL,"
  " due_date TEXT " ISO_DATE ("due_date") ","
  " " BOOL_COL ("done") ","
  " done_date TEXT " ISO_DATE ("done_date") ");"

  "CREATE TABLE assistance_activity (" IDENTITY
  " unit_id INTEGER NOT NULL REFERENCES assistance_unit(id) ON DELETE CASCADE,"
  " date TEXT NOT NULL " ISO_DATE ("date") ","
  " description TEXT NOT NULL,"
  " compound_id INTEGER REFERENCES compound(id) ON DELETE SET NULL);"

  "CREATE TABLE funding (" IDENTITY
  " compound_id INTEGER NOT NULL REFERENCES compound(id) ON DELETE CASCADE,"
  " source TEXT NOT NULL CHECK ((source = 'residents' OR source = 'original_unit' OR source = 'donation' OR source = 'social_capital' OR source = 'fiscal')),"
  " amount REAL NOT NULL CHECK (amount >= 0),"
  " date TEXT " ISO_DATE ("date") ","
  " purpose TEXT);"

  "CREATE TABLE audit_log ("
  " id INTEGER PRIMARY KEY,"
  " uuid TEXT NOT NULL UNIQUE,"
  " at TEXT NOT NULL,"
  " operator TEXT,"
  " action TEXT NOT NULL CHECK ((action = 'insert' OR action = 'update' OR action = 'delete')),"
  " table_name TEXT NOT NULL,"
  " row_uuid TEXT NOT NULL,"
  " field TEXT, old_value TEXT, new_value TEXT);";

/* Version 2: the indexes a 50,000-compound ledger needs for its lists,
 * filters and aggregates (child lookups, open problems by deadline). */
static const char schema_v2[] =
  "CREATE INDEX street_district ON street (district_id);"
  "CREATE INDEX community_street ON community (street_id);"
  "CREATE INDEX compound_community ON compound (community_id);"
  "CREATE INDEX compound_target_target ON compound_target (target_id, status);"
  "CREATE INDEX problem_compound ON problem (compound_id);"
  "CREATE INDEX problem_open_deadline ON problem (deadline) WHERE status <> 'signed_off';"
  "CREATE INDEX problem_status ON problem (status);"
  "CREATE INDEX problem_update_problem ON problem_update (problem_id);"
  "CREATE INDEX task_note_task ON task_note (task_id);"
  "CREATE INDEX task_compound_compound ON task_compound (compound_id);"
  "CREATE INDEX milestone_phase ON milestone (phase_id);"
  "CREATE INDEX meeting_community ON meeting (community_id, kind, date);"
  "CREATE INDEX meeting_compound_compound ON meeting_compound (compound_id);"
  "CREATE INDEX inspection_compound ON inspection (compound_id);"
  "CREATE INDEX assistance_unit_community ON assistance_unit (community_id);"
  "CREATE INDEX assistance_activity_unit ON assistance_activity (unit_id);"
  "CREATE INDEX funding_compound ON funding (compound_id);"
  "CREATE INDEX audit_log_row ON audit_log (row_uuid);";

/* Version 3: the open items of each compound with their deadlines, read
 * from the index alone when the compound list loads. */
static const char schema_v3[] =
  "CREATE INDEX problem_open_by_compound ON problem (compound_id, deadline)"
  " WHERE status <> 'signed_off';";

/* Version 4: an index on every foreign key the earlier steps left
 * without one, so deleting a governance mode, target, inspection,
 * meeting, assistance unit, community or compound (and undoing it) looks
 * its referrers up instead of scanning their tables. tests/test-store.c
 * walks every table's foreign keys and asserts an index for each. */
static const char schema_v4[] =
  "CREATE INDEX compound_assistance_unit ON compound (assistance_unit_id);"
  "CREATE INDEX compound_governance_mode ON compound (governance_mode_id);"
  "CREATE INDEX problem_target ON problem (target_id);"
  "CREATE INDEX problem_inspection ON problem (inspection_id);"
  "CREATE INDEX task_meeting ON task (meeting_id);"
  "CREATE INDEX assistance_activity_compound ON assistance_activity (compound_id);"
  "CREATE INDEX inspection_community ON inspection (community_id);";

/* Version 5: money in whole fen. Sums of REAL yuan drifted (0.1 + 0.2
 * is 0.30000000000000004); the amount becomes an INTEGER of fen, each
 * converted by wy_yuan_to_fen() (registered on every connection: rounded
 * half away from zero on the decimal digits SQLite shows for the REAL,
 * "1.005" to 101 fen). SQLite cannot change a column's type, so the table
 * is made anew, copied, and put in the old one's place with its index.
 * Nothing refers to a funding row. */
static const char schema_v5[] =
  "CREATE TABLE funding_fen (" IDENTITY
  " compound_id INTEGER NOT NULL REFERENCES compound(id) ON DELETE CASCADE,"
  " source TEXT NOT NULL CHECK ((source = 'residents' OR source = 'original_unit' OR source = 'donation' OR source = 'social_capital' OR source = 'fiscal')),"
  " amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount >= 0),"
  " date TEXT " ISO_DATE ("date") ","
  " purpose TEXT);"
  "INSERT INTO funding_fen (id, uuid, created_at, updated_at, compound_id, source, amount, date, purpose)"
  " SELECT id, uuid, created_at, updated_at, compound_id, source, wy_yuan_to_fen(amount), date, purpose"
  " FROM funding ORDER BY id;"
  "DROP TABLE funding;"
  "ALTER TABLE funding_fen RENAME TO funding;"
  "CREATE INDEX funding_compound ON funding (compound_id);";

static const WyMigration migrations[] = {
  { 1, "ledger tables", schema_v1 },
  { 2, "indexes for large ledgers", schema_v2 },
  { 3, "open items by compound", schema_v3 },
  { 4, "an index on every foreign key", schema_v4 },
  { 5, "money in fen", schema_v5 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == WY_SCHEMA_VERSION);

const WyMigration *
wy_store_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
