/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vaern-document-private.h"

/* The migrations: migrations[i] takes a document from user_version i to i + 1.
 * Each runs in one transaction with the version bump and the audit triggers.
 * A migration, once released, never changes: add a new one instead. */
static const char *const migrations[] = {
  /* 0 → 1: the foundation: organisation, units, people, assets, roles, the
   * change log. */
  "CREATE TABLE organisation ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  cvr TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE unit ("
  "  id INTEGER PRIMARY KEY,"
  "  parent_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'department'"
  "    CHECK (kind IN ('directorate','department','staff','institution','team'))"
  ") STRICT;"
  "CREATE UNIQUE INDEX unit_name ON unit (coalesce(parent_id, 0), name COLLATE NOCASE);"

  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  unit_id INTEGER REFERENCES unit (id) ON DELETE SET NULL"
  ") STRICT;"
  "CREATE UNIQUE INDEX person_email ON person (email COLLATE NOCASE) WHERE email <> '';"
  "CREATE INDEX person_unit ON person (unit_id);"

  "CREATE TABLE asset ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL DEFAULT 'system'"
  "    CHECK (kind IN ('system','equipment','premises','archive','other')),"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),"
  "  purpose TEXT NOT NULL DEFAULT '',"
  "  kitos_uuid TEXT CHECK (kitos_uuid IS NULL OR length(kitos_uuid) = 36),"
  "  supplier TEXT NOT NULL DEFAULT '',"
  "  hosting TEXT NOT NULL DEFAULT 'unknown'"
  "    CHECK (hosting IN ('unknown','on_premises','supplier','cloud','shared')),"
  "  lifecycle TEXT NOT NULL DEFAULT 'in_use'"
  "    CHECK (lifecycle IN ('procurement','in_use','phasing_out','retired')),"
  "  unit_id INTEGER REFERENCES unit (id) ON DELETE SET NULL,"
  "  personal_data TEXT NOT NULL DEFAULT 'none'"
  "    CHECK (personal_data IN ('none','ordinary','sensitive','cpr')),"
  "  dpa TEXT NOT NULL DEFAULT 'not_required'"
  "    CHECK (dpa IN ('not_required','missing','signed')),"
  "  dpa_date TEXT CHECK (dpa_date IS NULL OR date(dpa_date) IS dpa_date),"
  "  criticality INTEGER NOT NULL DEFAULT 0 CHECK (criticality BETWEEN 0 AND 4),"
  "  confidentiality INTEGER NOT NULL DEFAULT 0 CHECK (confidentiality BETWEEN 0 AND 4),"
  "  integrity INTEGER NOT NULL DEFAULT 0 CHECK (integrity BETWEEN 0 AND 4),"
  "  availability INTEGER NOT NULL DEFAULT 0 CHECK (availability BETWEEN 0 AND 4),"
  "  next_review TEXT CHECK (next_review IS NULL OR date(next_review) IS next_review),"
  "  notes TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX asset_unit_id ON asset (unit_id);"

  "CREATE TABLE asset_unit ("
  "  id INTEGER PRIMARY KEY,"
  "  asset_id INTEGER NOT NULL REFERENCES asset (id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
  "  UNIQUE (asset_id, unit_id)"
  ") STRICT;"
  "CREATE INDEX asset_unit_unit ON asset_unit (unit_id);"

  "CREATE TABLE role ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT UNIQUE,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  scope TEXT NOT NULL DEFAULT 'system' CHECK (scope IN ('system','other','any')),"
  "  single INTEGER NOT NULL DEFAULT 0 CHECK (single IN (0, 1)),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  "CREATE TABLE assignment ("
  "  id INTEGER PRIMARY KEY,"
  "  asset_id INTEGER NOT NULL REFERENCES asset (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  role_id INTEGER NOT NULL REFERENCES role (id) ON DELETE RESTRICT,"
  "  from_date TEXT NOT NULL CHECK (date(from_date) IS from_date),"
  "  to_date TEXT CHECK (to_date IS NULL OR (date(to_date) IS to_date AND to_date >= from_date)),"
  "  note TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX assignment_asset ON assignment (asset_id, role_id);"
  "CREATE INDEX assignment_person ON assignment (person_id);"

  /* The one-holder rule (exactly one systemejer) holds even against an edit
   * that bypasses the store's own check. */
  "CREATE TRIGGER assignment_single_insert BEFORE INSERT ON assignment"
  "  WHEN NEW.to_date IS NULL"
  "   AND (SELECT single FROM role WHERE id = NEW.role_id) = 1"
  "   AND EXISTS (SELECT 1 FROM assignment WHERE asset_id = NEW.asset_id"
  "               AND role_id = NEW.role_id AND to_date IS NULL)"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: single-holder role already held'); END;"
  "CREATE TRIGGER assignment_single_update BEFORE UPDATE ON assignment"
  "  WHEN NEW.to_date IS NULL"
  "   AND (SELECT single FROM role WHERE id = NEW.role_id) = 1"
  "   AND EXISTS (SELECT 1 FROM assignment WHERE asset_id = NEW.asset_id"
  "               AND role_id = NEW.role_id AND to_date IS NULL AND id <> NEW.id)"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: single-holder role already held'); END;"

  "CREATE TABLE change_set ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  reverts INTEGER REFERENCES change_set (id)"
  ") STRICT;"
  "CREATE TABLE change_log ("
  "  id INTEGER PRIMARY KEY,"
  "  change_set INTEGER NOT NULL REFERENCES change_set (id),"
  "  tbl TEXT NOT NULL,"
  "  row_id INTEGER NOT NULL,"
  "  op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),"
  "  old TEXT,"
  "  new TEXT"
  ") STRICT;"
  "CREATE INDEX change_log_set ON change_log (change_set);"
  "CREATE INDEX change_log_row ON change_log (tbl, row_id);",

  /* 1 → 2: risk assessment: the scale, the threat catalogue, risks and
   * the Annex A controls that treat them (by their 2022 number; the SoA
   * adds the catalogue itself). */
  "CREATE TABLE scale ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  preset TEXT NOT NULL,"
  "  n_likelihood INTEGER NOT NULL CHECK (n_likelihood BETWEEN 3 AND 6),"
  "  n_consequence INTEGER NOT NULL CHECK (n_consequence BETWEEN 3 AND 6)"
  ") STRICT;"
  "CREATE TABLE scale_level ("
  "  id INTEGER PRIMARY KEY,"
  "  axis TEXT NOT NULL CHECK (axis IN ('likelihood','consequence')),"
  "  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 6),"
  "  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (axis, level)"
  ") STRICT;"
  "CREATE TABLE scale_band ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL UNIQUE CHECK (position BETWEEN 0 AND 5),"
  "  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
  "  min_score INTEGER NOT NULL CHECK (min_score BETWEEN 1 AND 36),"
  "  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),"
  "  safe_color TEXT NOT NULL CHECK (safe_color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]')"
  ") STRICT;"

  "CREATE TABLE threat ("
  "  id INTEGER PRIMARY KEY,"
  "  category TEXT NOT NULL CHECK (length(trim(category)) > 0),"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))"
  ") STRICT;"

  "CREATE TABLE risk ("
  "  id INTEGER PRIMARY KEY,"
  "  asset_id INTEGER NOT NULL REFERENCES asset (id) ON DELETE CASCADE,"
  "  threat_id INTEGER REFERENCES threat (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  consequence_c INTEGER NOT NULL DEFAULT 0 CHECK (consequence_c BETWEEN 0 AND 6),"
  "  consequence_i INTEGER NOT NULL DEFAULT 0 CHECK (consequence_i BETWEEN 0 AND 6),"
  "  consequence_a INTEGER NOT NULL DEFAULT 0 CHECK (consequence_a BETWEEN 0 AND 6),"
  "  likelihood INTEGER NOT NULL DEFAULT 0 CHECK (likelihood BETWEEN 0 AND 6),"
  "  treatment TEXT NOT NULL DEFAULT 'undecided'"
  "    CHECK (treatment IN ('undecided','accept','avoid','share','reduce')),"
  "  measures TEXT NOT NULL DEFAULT '',"
  "  residual_likelihood INTEGER NOT NULL DEFAULT 0 CHECK (residual_likelihood BETWEEN 0 AND 6),"
  "  residual_consequence INTEGER NOT NULL DEFAULT 0 CHECK (residual_consequence BETWEEN 0 AND 6),"
  "  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  assessed_on TEXT CHECK (assessed_on IS NULL OR date(assessed_on) IS assessed_on),"
  "  review_date TEXT CHECK (review_date IS NULL OR date(review_date) IS review_date),"
  "  accepted_by TEXT NOT NULL DEFAULT '',"
  "  accepted_on TEXT CHECK (accepted_on IS NULL OR date(accepted_on) IS accepted_on)"
  ") STRICT;"
  "CREATE UNIQUE INDEX risk_title ON risk (asset_id, title COLLATE NOCASE);"
  "CREATE INDEX risk_owner ON risk (owner_id);"
  "CREATE INDEX risk_threat ON risk (threat_id);"

  "CREATE TABLE risk_control ("
  "  id INTEGER PRIMARY KEY,"
  "  risk_id INTEGER NOT NULL REFERENCES risk (id) ON DELETE CASCADE,"
  "  control TEXT NOT NULL CHECK (control GLOB '[5-8].[1-9]*'),"
  "  UNIQUE (risk_id, control)"
  ") STRICT;",

  /* 2 → 3: the Annex A catalogue (both editions and the mapping), the
   * Statement of Applicability in versions, the documents register and
   * management's approvals. An approved SoA version is frozen by the
   * triggers below; only an entry's owner_id may still go to NULL and
   * back (a person's deletion, and its undo), since a frozen entry shows
   * the owner_name taken when it was approved. */
  "CREATE TABLE control ("
  "  id INTEGER PRIMARY KEY,"
  "  edition TEXT NOT NULL CHECK (edition IN ('2022','2013')),"
  "  number TEXT NOT NULL,"
  "  theme INTEGER NOT NULL CHECK (theme BETWEEN 5 AND 18),"
  "  title_da TEXT NOT NULL,"
  "  title_en TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  UNIQUE (edition, number)"
  ") STRICT;"
  "CREATE TABLE control_map ("
  "  id INTEGER PRIMARY KEY,"
  "  control_2013 TEXT NOT NULL,"
  "  control_2022 TEXT NOT NULL,"
  "  UNIQUE (control_2013, control_2022)"
  ") STRICT;"
  "CREATE INDEX control_map_2022 ON control_map (control_2022);"
  "CREATE INDEX risk_control_control ON risk_control (control);"

  "CREATE TABLE document ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(title)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'other'"
  "    CHECK (kind IN ('policy','guideline','procedure','contingency','report','improvement','other')),"
  "  version TEXT NOT NULL DEFAULT '',"
  "  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft','in_review','approved','withdrawn')),"
  "  next_review TEXT CHECK (next_review IS NULL OR date(next_review) IS next_review),"
  "  location TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX document_owner ON document (owner_id);"

  "CREATE TABLE soa_version ("
  "  id INTEGER PRIMARY KEY,"
  "  number INTEGER NOT NULL UNIQUE CHECK (number >= 1),"
  "  created_on TEXT NOT NULL CHECK (date(created_on) IS created_on)"
  ") STRICT;"
  "CREATE TABLE soa_entry ("
  "  id INTEGER PRIMARY KEY,"
  "  version_id INTEGER NOT NULL REFERENCES soa_version (id) ON DELETE CASCADE,"
  "  control TEXT NOT NULL CHECK (control GLOB '[5-8].[1-9]*'),"
  "  applicable INTEGER NOT NULL DEFAULT 1 CHECK (applicable IN (0, 1)),"
  "  reasons INTEGER NOT NULL DEFAULT 0 CHECK (reasons BETWEEN 0 AND 15),"
  "  justification TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'not_started'"
  "    CHECK (status IN ('not_started','planned','partly','implemented')),"
  "  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  owner_name TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (version_id, control),"
  "  CHECK (applicable = 1 OR length(trim(justification)) > 0)"
  ") STRICT;"
  "CREATE INDEX soa_entry_owner ON soa_entry (owner_id);"
  /* A link to a document; when its version is approved, the document's
   * title, kind, version, status and location as they were are kept with
   * the link (NULL until then), so the approved version reads the same
   * later. */
  "CREATE TABLE soa_entry_document ("
  "  id INTEGER PRIMARY KEY,"
  "  entry_id INTEGER NOT NULL REFERENCES soa_entry (id) ON DELETE CASCADE,"
  "  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  title TEXT,"
  "  kind TEXT,"
  "  version TEXT,"
  "  status TEXT,"
  "  location TEXT,"
  "  UNIQUE (entry_id, document_id)"
  ") STRICT;"
  "CREATE INDEX soa_entry_document_document ON soa_entry_document (document_id);"

  "CREATE TABLE approval ("
  "  id INTEGER PRIMARY KEY,"
  "  subject TEXT NOT NULL CHECK (subject IN ('soa','risks','document','other')),"
  "  soa_version_id INTEGER UNIQUE REFERENCES soa_version (id) ON DELETE RESTRICT,"
  "  document_id INTEGER REFERENCES document (id) ON DELETE SET NULL,"
  "  asset_id INTEGER REFERENCES asset (id) ON DELETE SET NULL,"
  "  subject_version TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  approved_by TEXT NOT NULL CHECK (length(trim(approved_by)) > 0),"
  "  approved_on TEXT NOT NULL CHECK (date(approved_on) IS approved_on),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  CHECK ((subject = 'soa') = (soa_version_id IS NOT NULL))"
  ") STRICT;"
  "CREATE INDEX approval_document ON approval (document_id);"
  "CREATE INDEX approval_asset ON approval (asset_id);"

  "CREATE TRIGGER soa_entry_frozen_insert BEFORE INSERT ON soa_entry"
  "  WHEN EXISTS (SELECT 1 FROM approval WHERE soa_version_id = NEW.version_id)"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: approved SoA version is frozen'); END;"
  "CREATE TRIGGER soa_entry_frozen_update BEFORE UPDATE ON soa_entry"
  "  WHEN EXISTS (SELECT 1 FROM approval WHERE soa_version_id = OLD.version_id)"
  "   AND (NEW.version_id IS NOT OLD.version_id OR NEW.control IS NOT OLD.control"
  "        OR NEW.applicable IS NOT OLD.applicable OR NEW.reasons IS NOT OLD.reasons"
  "        OR NEW.justification IS NOT OLD.justification OR NEW.status IS NOT OLD.status"
  "        OR NEW.owner_name IS NOT OLD.owner_name OR NEW.notes IS NOT OLD.notes"
  "        OR (NEW.owner_id IS NOT NULL AND OLD.owner_id IS NOT NULL"
  "            AND NEW.owner_id IS NOT OLD.owner_id))"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: approved SoA version is frozen'); END;"
  "CREATE TRIGGER soa_entry_frozen_delete BEFORE DELETE ON soa_entry"
  "  WHEN EXISTS (SELECT 1 FROM approval WHERE soa_version_id = OLD.version_id)"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: approved SoA version is frozen'); END;"
  "CREATE TRIGGER soa_entry_document_frozen_insert BEFORE INSERT ON soa_entry_document"
  "  WHEN EXISTS (SELECT 1 FROM soa_entry e JOIN approval a ON a.soa_version_id = e.version_id"
  "               WHERE e.id = NEW.entry_id)"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: approved SoA version is frozen'); END;"
  "CREATE TRIGGER soa_entry_document_frozen_update BEFORE UPDATE ON soa_entry_document"
  "  WHEN EXISTS (SELECT 1 FROM soa_entry e JOIN approval a ON a.soa_version_id = e.version_id"
  "               WHERE e.id IN (OLD.entry_id, NEW.entry_id))"
  "   AND (NEW.entry_id IS NOT OLD.entry_id OR NEW.document_id IS NOT OLD.document_id"
  "        OR (OLD.title IS NOT NULL AND (NEW.title IS NOT OLD.title OR NEW.kind IS NOT OLD.kind"
  "            OR NEW.version IS NOT OLD.version OR NEW.status IS NOT OLD.status"
  "            OR NEW.location IS NOT OLD.location)))"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: approved SoA version is frozen'); END;"
  "CREATE TRIGGER soa_version_frozen_update BEFORE UPDATE ON soa_version"
  "  WHEN EXISTS (SELECT 1 FROM approval WHERE soa_version_id = OLD.id)"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: approved SoA version is frozen'); END;"
  "CREATE TRIGGER soa_entry_document_frozen_delete BEFORE DELETE ON soa_entry_document"
  "  WHEN EXISTS (SELECT 1 FROM soa_entry e JOIN approval a ON a.soa_version_id = e.version_id"
  "               WHERE e.id = OLD.entry_id)"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: approved SoA version is frozen'); END;"
  /* An approval of the SoA is the record of what management approved: it
   * cannot change subject, and it goes (by undo) only while its version
   * is still the newest. */
  "CREATE TRIGGER approval_soa_update BEFORE UPDATE ON approval"
  "  WHEN NEW.soa_version_id IS NOT OLD.soa_version_id OR NEW.subject IS NOT OLD.subject"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: approval subject is fixed'); END;"
  "CREATE TRIGGER approval_soa_delete BEFORE DELETE ON approval"
  "  WHEN OLD.soa_version_id IS NOT NULL"
  "   AND EXISTS (SELECT 1 FROM soa_version v WHERE v.number >"
  "               (SELECT number FROM soa_version WHERE id = OLD.soa_version_id))"
  "  BEGIN SELECT RAISE (ABORT, 'vaern: approved SoA version is frozen'); END;",

  /* 3 → 4: the annual wheel (årshjul: recurring activities of the PDCA
   * cycle) and the annual plan (årsplan: one-off improvements), and the
   * occurrences marked done. An occurrence is named by its due date. */
  "CREATE TABLE activity ("
  "  id INTEGER PRIMARY KEY,"
  /* The calendar's identity of the activity, kept for its life (a row id
   * may come back after a deletion). */
  "  uid TEXT NOT NULL UNIQUE CHECK (length(uid) = 36),"
  "  kind TEXT NOT NULL DEFAULT 'wheel' CHECK (kind IN ('wheel','plan')),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  phase TEXT NOT NULL DEFAULT 'plan' CHECK (phase IN ('plan','do','check','act')),"
  "  recurrence TEXT NOT NULL DEFAULT 'yearly'"
  "    CHECK (recurrence IN ('once','yearly','half_yearly','quarterly','monthly')),"
  "  start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),"
  "  end_date TEXT CHECK (end_date IS NULL OR (date(end_date) IS end_date AND end_date >= start_date)),"
  "  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  in_progress INTEGER NOT NULL DEFAULT 0 CHECK (in_progress IN (0, 1)),"
  "  concerns TEXT NOT NULL DEFAULT 'none' CHECK (concerns IN ('none','risks','soa','document')),"
  "  asset_id INTEGER REFERENCES asset (id) ON DELETE SET NULL,"
  "  document_id INTEGER REFERENCES document (id) ON DELETE SET NULL,"
  "  risk_id INTEGER REFERENCES risk (id) ON DELETE SET NULL,"
  "  control TEXT CHECK (control IS NULL OR control GLOB '[5-8].[1-9]*'),"
  "  CHECK (kind = 'wheel' OR recurrence = 'once')"
  ") STRICT;"
  "CREATE INDEX activity_owner ON activity (owner_id);"
  "CREATE INDEX activity_asset ON activity (asset_id);"
  "CREATE INDEX activity_document ON activity (document_id);"
  "CREATE INDEX activity_risk ON activity (risk_id);"
  "CREATE TABLE activity_done ("
  "  id INTEGER PRIMARY KEY,"
  "  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  occurrence TEXT NOT NULL CHECK (date(occurrence) IS occurrence),"
  "  done_on TEXT NOT NULL CHECK (date(done_on) IS done_on),"
  "  done_by TEXT NOT NULL CHECK (length(trim(done_by)) > 0),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (activity_id, occurrence)"
  ") STRICT;",

  /* 4 → 5: the organisation's logo, printed on the reports' pages and
   * carried in their XML. A PNG, kept as base64 text so that the change
   * log (JSON) holds it and a change of logo can be undone; its own table,
   * so that a change of name does not copy the picture into the log. */
  "CREATE TABLE organisation_logo ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  png TEXT NOT NULL"
  "    CHECK (length(png) BETWEEN 12 AND 1398104 AND substr(png, 1, 11) = 'iVBORw0KGgo')"
  ") STRICT;",
};

/* The tables whose every change goes to the change log (and so can be undone). */
static const char *const audited_tables[] = {
  "organisation", "unit", "person", "asset", "asset_unit", "role", "assignment",
  "scale", "scale_level", "scale_band", "threat", "risk", "risk_control",
  "document", "soa_version", "soa_entry", "soa_entry_document", "approval",
  "activity", "activity_done", "organisation_logo",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == VAERN_SCHEMA_VERSION);

guint
vaern_schema_n_migrations (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
vaern_schema_migration (guint from_version)
{
  g_return_val_if_fail (from_version < G_N_ELEMENTS (migrations), NULL);
  return migrations[from_version];
}

const char *const *
vaern_schema_audited_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (audited_tables);
  return audited_tables;
}
