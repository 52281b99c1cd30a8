/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/vaern-date.h"
#include "store/vaern-document-private.h"
#include "vaern-test-backend.h"
#include "vaern-test-store.h"
#include "vaern-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  VaernDocument *doc;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  vaern_date_set_today ("2026-11-23");
  f->dir = vaern_test_tmpdir ();
  f->path = vaern_test_location (f->dir, "test.vaern");
  f->doc = vaern_document_create (f->path, "Testkommune", &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->doc);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->doc);
  vaern_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->doc);
  f->doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->doc);
}



static gint64
add_system (VaernDocument *doc,
            const char    *name,
            gint64         unit)
{
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  asset->name = g_strdup (name);
  asset->purpose = g_strdup ("Sagsbehandling");
  asset->supplier = g_strdup ("Nordlys Software A/S");
  asset->kitos_uuid = g_strdup ("3f2a9c1e-7b4d-4e8a-9c1f-2b3c4d5e6f70");
  asset->hosting = VAERN_HOSTING_CLOUD;
  asset->lifecycle = VAERN_LIFECYCLE_IN_USE;
  asset->personal_data = VAERN_PERSONAL_DATA_SENSITIVE;
  asset->dpa = VAERN_DPA_SIGNED;
  asset->dpa_date = g_strdup ("2024-03-01");
  asset->criticality = VAERN_LEVEL_HIGH;
  asset->confidentiality = VAERN_LEVEL_VERY_HIGH;
  asset->integrity = VAERN_LEVEL_HIGH;
  asset->availability = VAERN_LEVEL_MEDIUM;
  asset->next_review = g_strdup ("2027-05-01");
  asset->notes = g_strdup ("Bemærkning med æøå");
  asset->unit_id = unit;
  asset->using_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (unit > 0)
    g_array_append_val (asset->using_unit_ids, unit);
  id = vaern_document_add_asset (doc, asset, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* An edit of one system, and of one of its risks, reads that register row
 * again: it shows the edit and its risk count, and every other row keeps
 * its object (a view keeps its selection and scroll position). */
static void
test_refresh_one_row (Fixture       *f,
                      gconstpointer  data)
{
  gint64 a = add_system (f->doc, "Alfa", 0);
  gint64 b = add_system (f->doc, "Beta", 0);
  GListModel *assets = vaern_document_get_assets (f->doc);
  guint pa = vaern_record_list_find (assets, a), pb = vaern_record_list_find (assets, b);
  g_autoptr(VaernAsset) before_b = g_list_model_get_item (assets, pb);
  g_autoptr(VaernAsset) before_a = g_list_model_get_item (assets, pa);
  g_autoptr(VaernAsset) edit = vaern_asset_copy (before_a);
  g_autoptr(VaernRisk) risk = vaern_risk_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernAsset) after_a = NULL;
  g_autoptr(VaernAsset) after_b = NULL;

  g_free (edit->purpose);
  edit->purpose = g_strdup ("Nyt formål");
  g_assert_true (vaern_document_update_asset (f->doc, edit, &error));
  g_assert_no_error (error);
  after_a = g_list_model_get_item (assets, pa);
  after_b = g_list_model_get_item (assets, pb);
  g_assert_cmpstr (after_a->purpose, ==, "Nyt formål");
  g_assert_true (after_b == before_b);
  g_assert_cmpuint (after_a->n_risks, ==, 0);

  risk->asset_id = a;
  risk->title = g_strdup ("Nedbrud");
  g_assert_cmpint (vaern_document_add_risk (f->doc, risk, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&after_a);
  g_clear_object (&after_b);
  after_a = g_list_model_get_item (assets, pa);
  after_b = g_list_model_get_item (assets, pb);
  g_assert_cmpuint (after_a->n_risks, ==, 1);
  g_assert_true (after_b == before_b);
}

/* An edit of a unit or a person another edit removed is refused as not
 * found, and leaves no trace: no change set, no undo step. */
static void
test_update_gone (Fixture       *f,
                  gconstpointer  data)
{
  gint64 unit = add_unit (f->doc, "Teknik og Miljø", 0);
  gint64 person = add_person (f->doc, "Åse Ærø", "aae@example.dk", 0);
  g_autoptr(VaernUnit) u = vaern_document_find_unit (f->doc, unit);
  g_autoptr(VaernPerson) p = vaern_document_find_person (f->doc, person);
  g_autoptr(GError) error = NULL;
  guint changes, depth;

  g_assert_nonnull (u);
  g_assert_nonnull (p);
  g_assert_true (vaern_document_delete_unit (f->doc, unit, &error));
  g_assert_no_error (error);
  g_assert_true (vaern_document_delete_person (f->doc, person, 0, &error));
  g_assert_no_error (error);
  changes = vaern_document_count_changes (f->doc);
  depth = vaern_document_get_undo_depth (f->doc);

  g_free (u->name);
  u->name = g_strdup ("Teknik");
  g_assert_false (vaern_document_update_unit (f->doc, u, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_free (p->title);
  p->title = g_strdup ("Afdelingsleder");
  g_assert_false (vaern_document_update_person (f->doc, p, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (vaern_document_count_changes (f->doc), ==, changes);
  g_assert_cmpuint (vaern_document_get_undo_depth (f->doc), ==, depth);
  g_assert_null (vaern_document_find_unit (f->doc, unit));
  g_assert_null (vaern_document_find_person (f->doc, person));
}

/* A server's login that needs its password: refused without it and with a
 * wrong one, each with the message that says so; accepted with the
 * password given for the location, which no title or location repeats. */
static void
test_server_password (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *location = NULL;
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  VAERN_TEST_SERVER_ONLY ();
  g_assert_cmpint (vaern_test_exec (f->doc, "CREATE ROLE vaern_password LOGIN SUPERUSER"
                                            " PASSWORD 'rigtig-kode'"), ==, VAERN_TEST_SQL_OK);
  location = g_strdup_printf ("host=%s user=vaern_password dbname=%s",
                              g_getenv ("VAERN_TEST_PGHOST"),
                              strstr (f->path, "dbname=") + strlen ("dbname="));
  doc = vaern_document_open (location, &error);
  g_assert_null (doc);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "did not accept the user name and password"));
  g_clear_error (&error);

  vaern_location_set_password (location, "forkert-kode");
  doc = vaern_document_open (location, &error);
  g_assert_null (doc);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  vaern_location_set_password (location, "rigtig-kode");
  doc = vaern_document_open (location, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vaern_document_get_organisation (doc), ==, "Testkommune");
  g_assert_true (vaern_document_is_server (doc));
  name = vaern_document_get_display_name (doc);
  g_assert_nonnull (strstr (name, "vaern_password"));
  g_assert_null (strstr (name, "rigtig"));
  g_assert_null (strstr (vaern_document_get_path (doc), "rigtig"));
  vaern_location_set_password (location, NULL);
}

/* A database changed outside Værn is refused as a changed file is: a
 * trigger of another program's, a change log trigger dropped; and one a
 * newer Værn made. Each untouched: opened again once put back. */
static void
test_server_schema (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  VAERN_TEST_SERVER_ONLY ();
  g_assert_cmpint (vaern_test_exec (f->doc,
    "CREATE FUNCTION spy () RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
    "CREATE TRIGGER spy AFTER INSERT ON person FOR EACH ROW EXECUTE FUNCTION spy ()"), ==,
    VAERN_TEST_SQL_OK);
  doc = vaern_document_open (f->path, &error);
  g_assert_null (doc);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "spy"));
  g_clear_error (&error);

  g_assert_cmpint (vaern_test_exec (f->doc, "DROP TRIGGER spy ON person;"
                                            "DROP TRIGGER audit ON asset"), ==, VAERN_TEST_SQL_OK);
  doc = vaern_document_open (f->path, &error);
  g_assert_null (doc);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);

  g_assert_cmpint (vaern_test_exec (f->doc, "CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE"
                                            " ON asset FOR EACH ROW EXECUTE FUNCTION vaern_audit ();"
                                            "UPDATE vaern_schema SET version = 99"), ==,
                   VAERN_TEST_SQL_OK);
  doc = vaern_document_open (f->path, &error);
  g_assert_null (doc);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NEWER);
  g_clear_error (&error);
  g_assert_cmpint (vaern_test_query_int (f->doc, "SELECT version FROM vaern_schema"), ==, 99);

  {
    g_autofree char *sql = g_strdup_printf ("UPDATE vaern_schema SET version = %d",
                                            VAERN_SCHEMA_VERSION);

    g_assert_cmpint (vaern_test_exec (f->doc, sql), ==, VAERN_TEST_SQL_OK);
  }
  doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vaern_document_get_organisation (doc), ==, "Testkommune");
}

/* A row changed by another program (psql) is in the change log all the
 * same, under a change set of its own with the database login as who. */
static void
test_server_outside_edit (Fixture       *f,
                          gconstpointer  data)
{
  gint64 person = add_person (f->doc, "Åse Ærø", "aae@example.dk", 0);
  gint64 changes = vaern_test_query_int (f->doc, "SELECT count(*) FROM change_log");
  g_autofree char *sql = g_strdup_printf ("UPDATE person SET title = 'Direktør' WHERE id = %"
                                          G_GINT64_FORMAT, person);

  VAERN_TEST_SERVER_ONLY ();
  g_assert_cmpint (vaern_test_exec (f->doc, sql), ==, VAERN_TEST_SQL_OK);
  g_assert_cmpint (vaern_test_query_int (f->doc, "SELECT count(*) FROM change_log"), ==,
                   changes + 1);
  g_assert_cmpint (vaern_test_query_int (f->doc,
    "SELECT count(*) FROM change_log l JOIN change_set s ON s.id = l.change_set"
    " WHERE l.tbl = 'person' AND l.op = 'update' AND s.label = 'Changed outside Værn'"
    "   AND s.actor = 'vaern_test' AND l.new LIKE '%Direktør%'"), ==, 1);
  /* A change set of Værn's own cannot claim another login. */
  g_assert_cmpint (vaern_test_exec (f->doc, "INSERT INTO change_set (at, actor, label)"
                                            " VALUES ('2026-01-01T00:00:00Z', 'someone', 'x')"),
                   ==, VAERN_TEST_SQL_OK);
  g_assert_cmpint (vaern_test_query_int (f->doc, "SELECT count(*) FROM change_set"
                                                 " WHERE actor = 'someone'"), ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

/* The server's connection lost in the middle of work (the server ends the
 * session): the edit that was not committed is refused as not saved, the
 * document turns read-only and says so, and once connected again every
 * committed edit is there, once, and the work goes on. */
static void
test_connection_lost (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernUnit) unit = vaern_unit_new ();
  guint notified = 0;
  gint64 kept;

  VAERN_TEST_SERVER_ONLY ();
  kept = add_unit (f->doc, "Gemt før afbrydelsen", 0);
  g_signal_connect (f->doc, "notify::connected", G_CALLBACK (count_notify), &notified);
  g_assert_true (vaern_document_is_connected (f->doc));

  g_assert_cmpint (vaern_test_exec (f->doc, "SELECT pg_terminate_backend (pid)"
                                            " FROM pg_stat_activity"
                                            " WHERE datname = current_database ()"
                                            "   AND pid <> pg_backend_pid ()"), ==,
                   VAERN_TEST_SQL_OK);

  unit->name = g_strdup ("Ikke gemt");
  g_assert_cmpint (vaern_document_add_unit (f->doc, unit, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONNECTION);
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_clear_error (&error);
  g_assert_false (vaern_document_is_connected (f->doc));
  g_assert_true (vaern_document_get_read_only (f->doc));
  g_assert_cmpuint (notified, ==, 1);
  /* Refused at once while the connection is gone. */
  g_assert_cmpint (vaern_document_add_unit (f->doc, unit, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONNECTION);
  g_clear_error (&error);

  g_assert_true (vaern_document_reconnect (f->doc, &error));
  g_assert_no_error (error);
  g_assert_true (vaern_document_is_connected (f->doc));
  g_assert_false (vaern_document_get_read_only (f->doc));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (vaern_document_find_unit_by_name (f->doc, "Gemt før afbrydelsen"), ==, kept);
  g_assert_cmpint (vaern_document_find_unit_by_name (f->doc, "Ikke gemt"), ==, 0);
  g_assert_cmpint (vaern_test_query_int (f->doc, "SELECT count(*) FROM change_log"
                                                 " WHERE tbl = 'unit' AND op = 'insert'"), ==, 1);
  /* And the work goes on, undo too. */
  g_assert_cmpint (vaern_document_add_unit (f->doc, unit, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vaern_document_find_unit_by_name (f->doc, "Ikke gemt"), ==, 0);
  g_signal_handlers_disconnect_by_func (f->doc, count_notify, &notified);
}

static void
test_create_defaults (Fixture       *f,
                      gconstpointer  data)
{
  sqlite3 *db = vaern_document_get_db (f->doc);
  sqlite3_stmt *stmt;

  VAERN_TEST_FILE_ONLY ();

  g_assert_cmpstr (vaern_document_get_organisation (f->doc), ==, "Testkommune");
  g_assert_false (vaern_document_get_read_only (f->doc));
  /* The built-in roles, ready to use. */
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_roles (f->doc)), ==, 4);
  g_assert_cmpint (role_id (f->doc, VAERN_ROLE_SYSTEM_OWNER), >, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, VAERN_APPLICATION_ID);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, VAERN_SCHEMA_VERSION);
  sqlite3_finalize (stmt);

  /* Every table is STRICT. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM pragma_table_list"
                                           " WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'"
                                           " AND type = 'table' AND strict = 0", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
  sqlite3_finalize (stmt);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  gint64 top = add_unit (f->doc, "Børn og Unge", 0);
  gint64 child = add_unit (f->doc, "Skoler", top);
  gint64 person = add_person (f->doc, "Åse Ærø", "aae@example.dk", child);
  gint64 asset = add_system (f->doc, "Journalix", child);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernAsset) a = NULL;
  g_autoptr(VaernPerson) p = NULL;
  g_autoptr(VaernUnit) u = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(VaernAssignment) x = NULL;

  vaern_document_assign (f->doc, asset, person, role_id (f->doc, VAERN_ROLE_SYSTEM_OWNER),
                         "2025-01-01", FALSE, &error);
  g_assert_no_error (error);

  reopen (f);

  a = vaern_document_get_asset (f->doc, asset, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->name, ==, "Journalix");
  g_assert_cmpstr (a->purpose, ==, "Sagsbehandling");
  g_assert_cmpstr (a->supplier, ==, "Nordlys Software A/S");
  g_assert_cmpstr (a->kitos_uuid, ==, "3f2a9c1e-7b4d-4e8a-9c1f-2b3c4d5e6f70");
  g_assert_cmpint (a->kind, ==, VAERN_ASSET_KIND_SYSTEM);
  g_assert_cmpint (a->hosting, ==, VAERN_HOSTING_CLOUD);
  g_assert_cmpint (a->lifecycle, ==, VAERN_LIFECYCLE_IN_USE);
  g_assert_cmpint (a->personal_data, ==, VAERN_PERSONAL_DATA_SENSITIVE);
  g_assert_cmpint (a->dpa, ==, VAERN_DPA_SIGNED);
  g_assert_cmpstr (a->dpa_date, ==, "2024-03-01");
  g_assert_cmpint (a->criticality, ==, VAERN_LEVEL_HIGH);
  g_assert_cmpint (a->confidentiality, ==, VAERN_LEVEL_VERY_HIGH);
  g_assert_cmpint (a->integrity, ==, VAERN_LEVEL_HIGH);
  g_assert_cmpint (a->availability, ==, VAERN_LEVEL_MEDIUM);
  g_assert_cmpstr (a->next_review, ==, "2027-05-01");
  g_assert_cmpstr (a->notes, ==, "Bemærkning med æøå");
  g_assert_cmpint (a->unit_id, ==, child);
  g_assert_cmpstr (a->unit_name, ==, "Skoler");
  g_assert_cmpuint (a->using_unit_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (a->using_unit_ids, gint64, 0), ==, child);
  g_assert_cmpint (a->owner_id, ==, person);
  g_assert_cmpstr (a->owner_name, ==, "Åse Ærø");
  g_assert_cmpuint (a->findings, ==, VAERN_FINDING_NONE);

  p = vaern_document_find_person (f->doc, person);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->name, ==, "Åse Ærø");
  g_assert_cmpstr (p->email, ==, "aae@example.dk");
  g_assert_cmpstr (p->title, ==, "Afdelingschef");
  g_assert_cmpint (p->unit_id, ==, child);
  g_assert_cmpuint (p->n_roles, ==, 1);

  u = vaern_document_find_unit (f->doc, child);
  g_assert_cmpint (u->parent_id, ==, top);
  g_assert_cmpuint (u->depth, ==, 1);
  g_assert_cmpstr (u->path, ==, "Børn og Unge › Skoler");

  roles = vaern_document_list_assignments (f->doc, asset, 0, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 1);
  x = g_list_model_get_item (roles, 0);
  g_assert_cmpstr (x->from_date, ==, "2025-01-01");
  g_assert_null (x->to_date);
  g_assert_cmpstr (x->person_name, ==, "Åse Ærø");
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(GError) error = NULL;

  add_system (f->doc, "Journalix", 0);

  /* The organisation: a name, and a CVR number of eight digits or none;
   * spaces typed in it are dropped. */
  g_assert_false (vaern_document_set_organisation (f->doc, " ", "", &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < 3; i++)
    {
      const char *wrong[] = { "1234567", "123456789", "1234567a" };

      g_assert_false (vaern_document_set_organisation (f->doc, "Testkommune", wrong[i], &error));
      g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
      g_assert_cmpstr (vaern_store_error_get_field (error), ==, "cvr");
      g_clear_error (&error);
    }
  g_assert_true (vaern_document_set_organisation (f->doc, "Testkommune", " 2918 9900 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vaern_document_get_cvr (f->doc), ==, "29189900");
  g_assert_true (vaern_document_set_organisation (f->doc, "Testkommune", NULL, &error));
  g_assert_cmpstr (vaern_document_get_cvr (f->doc), ==, "");

  asset->name = g_strdup ("   ");
  g_assert_cmpint (vaern_document_add_asset (f->doc, asset, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (asset->name);
  asset->name = g_strdup ("journalix");
  g_assert_cmpint (vaern_document_add_asset (f->doc, asset, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
  /* The error names the field, for the editor to mark. */
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "name");
  g_clear_error (&error);

  g_free (asset->name);
  asset->name = g_strdup ("Andet");
  asset->next_review = g_strdup ("2026-02-31");
  g_assert_cmpint (vaern_document_add_asset (f->doc, asset, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&asset->next_review, g_free);
  asset->kitos_uuid = g_strdup ("not-a-uuid");
  g_assert_cmpint (vaern_document_add_asset (f->doc, asset, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "kitos_uuid");
  {
    /* Copies keep the field. */
    g_autoptr(GError) copy = g_error_copy (error);
    g_assert_cmpstr (vaern_store_error_get_field (copy), ==, "kitos_uuid");
  }
  g_clear_error (&error);

  /* Nothing of the refused edits reached the document. */
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (f->doc)), ==, 1);
}

static void
test_single_owner (Fixture       *f,
                   gconstpointer  data)
{
  gint64 asset = add_system (f->doc, "Journalix", 0);
  gint64 anne = add_person (f->doc, "Anne", "anne@example.dk", 0);
  gint64 bo = add_person (f->doc, "Bo", "bo@example.dk", 0);
  gint64 owner = role_id (f->doc, VAERN_ROLE_SYSTEM_OWNER);
  gint64 admin = role_id (f->doc, VAERN_ROLE_ADMINISTRATOR);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autofree char *sql = NULL;

  g_assert_cmpint (vaern_document_assign (f->doc, asset, anne, owner, "2024-01-01", FALSE, &error),
                   >, 0);
  g_assert_no_error (error);

  /* A second systemejer is refused… */
  g_assert_cmpint (vaern_document_assign (f->doc, asset, bo, owner, "2025-01-01", FALSE, &error),
                   ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (vaern_document_get_holder (f->doc, asset, owner), ==, anne);

  /* …also when the store's own check is bypassed. */
  sql = g_strdup_printf ("INSERT INTO assignment (asset_id, person_id, role_id, from_date)"
                         " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         ", '2025-01-01')", asset, bo, owner);
  g_assert_cmpint (vaern_test_exec (f->doc, sql), ==, VAERN_TEST_SQL_REFUSED);

  /* Replacing ends the old assignment and keeps it in the history. */
  g_assert_cmpint (vaern_document_assign (f->doc, asset, bo, owner, "2025-06-01", TRUE, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (vaern_document_get_holder (f->doc, asset, owner), ==, bo);
  history = vaern_document_list_assignments (f->doc, asset, 0, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  {
    g_autoptr(VaernAssignment) old = g_list_model_get_item (history, 1);

    g_assert_cmpint (old->person_id, ==, anne);
    g_assert_cmpstr (old->to_date, ==, "2025-06-01");
  }

  /* Any number of systemforvaltere. */
  g_assert_cmpint (vaern_document_assign (f->doc, asset, anne, admin, NULL, FALSE, &error), >, 0);
  g_assert_cmpint (vaern_document_assign (f->doc, asset, bo, admin, NULL, FALSE, &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(VaernAsset) a = vaern_document_get_asset (f->doc, asset, NULL);

    g_assert_cmpuint (a->n_administrators, ==, 2);
  }
}

static void
test_findings (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = add_system (f->doc, "Uden ejer", 0);
  g_autoptr(VaernAsset) a = vaern_document_get_asset (f->doc, id, NULL);
  g_autoptr(VaernAsset) copy = vaern_asset_copy (a);
  g_autoptr(VaernAsset) b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (a->findings, ==, VAERN_FINDING_NO_OWNER);

  copy->dpa = VAERN_DPA_MISSING;
  copy->next_review = (g_free (copy->next_review), g_strdup ("2026-11-22"));
  g_assert_true (vaern_document_update_asset (f->doc, copy, &error));
  g_assert_no_error (error);
  b = vaern_document_get_asset (f->doc, id, NULL);
  g_assert_cmpuint (b->findings, ==, VAERN_FINDING_NO_OWNER | VAERN_FINDING_DPA_MISSING
                                     | VAERN_FINDING_REVIEW_OVERDUE);
}

static guint
count_rows (VaernDocument *doc,
            const char    *sql)
{
  return (guint) vaern_test_query_int (doc, sql);
}

static void
test_change_log (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = add_system (f->doc, "Journalix", 0);
  g_autoptr(VaernAsset) a = vaern_document_get_asset (f->doc, id, NULL);
  g_autoptr(VaernAsset) copy = vaern_asset_copy (a);
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(VaernChange) last = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  g_assert_cmpuint (count_rows (f->doc, "SELECT count(*) FROM change_log WHERE tbl = 'asset'"
                                        " AND op = 'insert'"), ==, 1);

  before = vaern_document_count_changes (f->doc);
  /* An edit that changes nothing leaves no trace. */
  g_assert_true (vaern_document_update_asset (f->doc, copy, &error));
  g_assert_cmpuint (vaern_document_count_changes (f->doc), ==, before);

  g_free (copy->supplier);
  copy->supplier = g_strdup ("Datahuset ApS");
  g_assert_true (vaern_document_update_asset (f->doc, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vaern_document_count_changes (f->doc), ==, before + 1);

  changes = vaern_document_list_changes (f->doc, 1);
  last = g_list_model_get_item (changes, 0);
  g_assert_cmpstr (last->op, ==, "update");
  g_assert_cmpstr (last->table, ==, "asset");
  g_assert_cmpint (last->row_id, ==, id);
  g_assert_cmpstr (last->actor, ==, vaern_test_actor ());
  g_assert_nonnull (strstr (last->old_values, "Nordlys Software A/S"));
  g_assert_nonnull (strstr (last->new_values, "Datahuset ApS"));
  g_assert_nonnull (last->at);
  g_assert_true (g_str_has_suffix (last->at, "Z"));

  g_assert_true (vaern_document_delete_asset (f->doc, id, &error));
  g_assert_cmpuint (count_rows (f->doc, "SELECT count(*) FROM change_log WHERE tbl = 'asset'"
                                        " AND op = 'delete' AND old LIKE '%Journalix%'"), ==, 1);
}

static void
test_undo_delete (Fixture       *f,
                  gconstpointer  data)
{
  gint64 unit = add_unit (f->doc, "Stab", 0);
  gint64 asset = add_system (f->doc, "Journalix", unit);
  gint64 person = add_person (f->doc, "Anne", "anne@example.dk", unit);
  gint64 owner = role_id (f->doc, VAERN_ROLE_SYSTEM_OWNER);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernAsset) back = NULL;

  vaern_document_assign (f->doc, asset, person, owner, "2024-01-01", FALSE, &error);
  g_assert_no_error (error);

  g_assert_true (vaern_document_delete_asset (f->doc, asset, &error));
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (f->doc)), ==, 0);
  g_assert_cmpuint (count_rows (f->doc, "SELECT count(*) FROM assignment"), ==, 0);
  g_assert_true (vaern_document_can_undo (f->doc));
  g_assert_cmpstr (vaern_document_get_undo_label (f->doc), ==, "Delete “Journalix”");

  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  back = vaern_document_get_asset (f->doc, asset, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Journalix");
  g_assert_cmpint (back->owner_id, ==, person);
  g_assert_cmpuint (back->using_unit_ids->len, ==, 1);

  /* Redo deletes again; undo brings it back again. */
  g_assert_true (vaern_document_can_redo (f->doc));
  g_assert_true (vaern_document_redo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (f->doc)), ==, 0);
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (f->doc)), ==, 1);

  /* The undo survives closing: the restored rows are in the file. */
  reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (f->doc)), ==, 1);
  g_assert_cmpuint (count_rows (f->doc, "SELECT count(*) FROM assignment"), ==, 1);
}

static void
test_delete_person (Fixture       *f,
                    gconstpointer  data)
{
  gint64 asset = add_system (f->doc, "Journalix", 0);
  gint64 anne = add_person (f->doc, "Anne", "anne@example.dk", 0);
  gint64 bo = add_person (f->doc, "Bo", "bo@example.dk", 0);
  gint64 owner = role_id (f->doc, VAERN_ROLE_SYSTEM_OWNER);
  g_autoptr(GError) error = NULL;

  vaern_document_assign (f->doc, asset, anne, owner, "2024-01-01", FALSE, &error);
  g_assert_no_error (error);

  /* Handing over: Bo becomes systemejer, Anne's history is gone with her. */
  g_assert_true (vaern_document_delete_person (f->doc, anne, bo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vaern_document_get_holder (f->doc, asset, owner), ==, bo);
  g_assert_null (vaern_document_find_person (f->doc, anne));

  /* Undo restores Anne as the systemejer. */
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vaern_document_get_holder (f->doc, asset, owner), ==, anne);

  /* Without a successor, the roles go with the person. */
  g_assert_true (vaern_document_delete_person (f->doc, anne, 0, &error));
  g_assert_cmpint (vaern_document_get_holder (f->doc, asset, owner), ==, 0);
  {
    g_autoptr(VaernAsset) a = vaern_document_get_asset (f->doc, asset, NULL);

    g_assert_cmpuint (a->findings & VAERN_FINDING_NO_OWNER, ==, VAERN_FINDING_NO_OWNER);
  }
}

static void
test_hand_over (Fixture       *f,
                gconstpointer  data)
{
  gint64 a1 = add_system (f->doc, "A", 0);
  gint64 a2 = add_system (f->doc, "B", 0);
  gint64 anne = add_person (f->doc, "Anne", "anne@example.dk", 0);
  gint64 bo = add_person (f->doc, "Bo", "bo@example.dk", 0);
  gint64 owner = role_id (f->doc, VAERN_ROLE_SYSTEM_OWNER);
  gint64 admin = role_id (f->doc, VAERN_ROLE_ADMINISTRATOR);
  g_autoptr(GError) error = NULL;

  vaern_document_assign (f->doc, a1, anne, owner, "2024-01-01", FALSE, &error);
  vaern_document_assign (f->doc, a2, anne, admin, "2024-01-01", FALSE, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (vaern_document_hand_over_roles (f->doc, anne, bo, "2026-01-01", &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (vaern_document_get_holder (f->doc, a1, owner), ==, bo);
  g_assert_cmpint (vaern_document_get_holder (f->doc, a2, admin), ==, bo);
  g_assert_cmpuint (count_rows (f->doc, "SELECT count(*) FROM assignment WHERE to_date = '2026-01-01'"),
                    ==, 2);
  {
    g_autoptr(VaernPerson) p = vaern_document_find_person (f->doc, anne);

    g_assert_cmpuint (p->n_roles, ==, 0);
  }
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = add_system (f->doc, "Journalix", 0);
  g_autoptr(GError) error = NULL;
  gint64 copy1 = vaern_document_duplicate_asset (f->doc, id, &error);
  gint64 copy2 = vaern_document_duplicate_asset (f->doc, id, &error);
  g_autoptr(VaernAsset) c1 = vaern_document_get_asset (f->doc, copy1, NULL);
  g_autoptr(VaernAsset) c2 = vaern_document_get_asset (f->doc, copy2, NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (c1->name, ==, "Journalix (copy)");
  g_assert_cmpstr (c2->name, ==, "Journalix (copy 2)");
  g_assert_cmpstr (c1->supplier, ==, "Nordlys Software A/S");
  g_assert_null (c1->kitos_uuid);
}

/* Files that are not Værn documents: refused, and their bytes unchanged. */

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    before = vaern_test_read (path);
  doc = vaern_document_open (path, &error);
  g_assert_null (doc);
  g_assert_error (error, VAERN_STORE_ERROR, code);
  g_assert_nonnull (error->message);
  g_test_message ("%s", error->message);
  if (before)
    {
      after = vaern_test_read (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static void
test_refuse_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.vaern", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.vaern", NULL);
  g_autofree char *text = g_build_filename (f->dir, "text.vaern", NULL);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.vaern", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.vaern", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.vaern", NULL);
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.vaern", NULL);
  g_autofree char *corrupt = g_build_filename (f->dir, "corrupt.vaern", NULL);
  g_autoptr(GBytes) good = NULL;
  guint8 noise[8192];
  sqlite3 *db;
  gsize len;
  const guint8 *bytes;

  VAERN_TEST_FILE_ONLY ();

  assert_refused (missing, VAERN_STORE_ERROR_NOT_FOUND);

  write_file (empty, "", 0);
  assert_refused (empty, VAERN_STORE_ERROR_NOT_SQLITE);

  write_file (text, "Navn;Leverandør\nJournalix;Nordlys\n", -1);
  assert_refused (text, VAERN_STORE_ERROR_NOT_SQLITE);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (i * 2654435761u) >> 13;
  write_file (garbage, noise, sizeof noise);
  assert_refused (garbage, VAERN_STORE_ERROR_NOT_SQLITE);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (foreign, VAERN_STORE_ERROR_FOREIGN);

  /* A copy of a good document with a higher user_version. */
  g_clear_object (&f->doc);
  good = vaern_test_read (f->path);
  bytes = g_bytes_get_data (good, &len);
  {
    g_autofree guint8 *copy = g_memdup2 (bytes, len);

    copy[63] = VAERN_SCHEMA_VERSION + 1;
    write_file (newer, copy, len);
    assert_refused (newer, VAERN_STORE_ERROR_NEWER);

    write_file (truncated, bytes, len / 2 + 100);
    assert_refused (truncated, VAERN_STORE_ERROR_DAMAGED);

    /* Garbage over every page but the first. */
    memcpy (copy, bytes, len);
    for (gsize i = 4096; i < len; i++)
      copy[i] = noise[i % sizeof noise];
    write_file (corrupt, copy, len);
    assert_refused (corrupt, VAERN_STORE_ERROR_DAMAGED);
  }
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  VAERN_TEST_FILE_ONLY ();

  add_system (f->doc, "Journalix", 0);
  g_clear_object (&f->doc);

  g_chmod (f->path, 0444);
  g_chmod (f->dir, 0555);
  before = vaern_test_read (f->path);

  f->doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);

  g_assert_true (vaern_document_get_read_only (f->doc));
  asset->name = g_strdup ("Ny");
  g_assert_cmpint (vaern_document_add_asset (f->doc, asset, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_READ_ONLY);
  g_assert_false (vaern_document_can_undo (f->doc));
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (f->doc)), ==, 1);
  g_clear_object (&f->doc);
  after = vaern_test_read (f->path);
  g_assert_true (g_bytes_equal (before, after));
  g_chmod (f->dir, 0755);
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) second = NULL;

  VAERN_TEST_FILE_ONLY ();

  /* The first connection holds the file exclusively. */
  second = vaern_document_open (f->path, &error);
  g_assert_null (second);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_BUSY);
}

static void
test_save_as (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "kopi.vaern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) old = NULL;

  VAERN_TEST_FILE_ONLY ();

  add_system (f->doc, "Journalix", 0);
  g_assert_true (vaern_document_save_as (f->doc, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vaern_document_get_path (f->doc), ==, copy);
  add_system (f->doc, "Kun i kopien", 0);

  /* The original is free again and does not have the later edit. */
  old = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (old)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (f->doc)), ==, 2);

  /* Saving onto the open document itself is refused. */
  g_assert_false (vaern_document_save_as (f->doc, copy, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
}

static void
test_batch_rollback (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vaern_document_begin_batch (f->doc, "Test", &error));
  add_system (f->doc, "A", 0);
  add_system (f->doc, "B", 0);
  g_assert_false (vaern_document_end_batch (f->doc, FALSE, &error));
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (f->doc)), ==, 0);
  g_assert_false (vaern_document_can_undo (f->doc));

  g_assert_true (vaern_document_begin_batch (f->doc, "Test", &error));
  add_system (f->doc, "A", 0);
  add_system (f->doc, "B", 0);
  g_assert_true (vaern_document_end_batch (f->doc, TRUE, &error));
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (f->doc)), ==, 2);
  /* One undo step for the whole batch. */
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (f->doc)), ==, 0);
}

static void
test_kitos_roles (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (vaern_document_add_kitos_roles (f->doc, &error), ==, 6);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_roles (f->doc)), ==, 10);
  /* A second time adds nothing. */
  g_assert_cmpuint (vaern_document_add_kitos_roles (f->doc, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *assets;
  guint n_systems = 0, n_other = 0, n_no_owner = 0, n_people;

  vaern_document_fill_demo (f->doc, &error);
  g_assert_no_error (error);

  assets = vaern_document_get_assets (f->doc);
  for (guint i = 0; i < g_list_model_get_n_items (assets); i++)
    {
      g_autoptr(VaernAsset) a = g_list_model_get_item (assets, i);

      if (a->kind == VAERN_ASSET_KIND_SYSTEM)
        n_systems++;
      else
        n_other++;
      if (a->findings & VAERN_FINDING_NO_OWNER)
        n_no_owner++;
    }
  n_people = g_list_model_get_n_items (vaern_document_get_people (f->doc));
  g_assert_cmpuint (n_systems, >=, 35);
  g_assert_cmpuint (n_other, >=, 5);
  g_assert_cmpuint (n_people, >=, 50);
  g_assert_cmpuint (n_no_owner, >=, 2);
  g_assert_cmpuint (count_rows (f->doc, "SELECT count(*) FROM unit WHERE parent_id IS NULL"), ==, 6);
  /* Some systems have several systemforvaltere. */
  g_assert_cmpuint (count_rows (f->doc, "SELECT count(*) FROM (SELECT asset_id FROM assignment x"
                                        " JOIN role r ON r.id = x.role_id"
                                        " WHERE r.key = 'system_administrator' AND to_date IS NULL"
                                        " GROUP BY asset_id HAVING count(*) > 1) AS held"), >=, 3);
  g_assert_cmpstr (vaern_document_get_organisation (f->doc), ==, "Eksempel Kommune");
}

/* A document at every earlier schema version opens and is brought up to
 * the current one, with its data kept. */
static void
test_migrations (Fixture       *f,
                 gconstpointer  data)
{
  guint n_audited;

  VAERN_TEST_FILE_ONLY ();

  vaern_schema_audited_tables (&n_audited);
  for (guint version = 0; version < vaern_schema_n_migrations (); version++)
    {
      g_autofree char *name = g_strdup_printf ("v%u.vaern", version);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d",
                                                 (int) VAERN_APPLICATION_ID);
      g_autoptr(VaernDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3 *db;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
      /* The schema an older Værn made, with none of its rows. */
      g_assert_true (doc_make_schema (db, version, &error));
      g_assert_no_error (error);
      if (version >= 1)
        g_assert_cmpint (sqlite3_exec (db, "INSERT INTO organisation (id, name) VALUES (1, 'Gammel')",
                                       NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      doc = vaern_document_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (count_rows (doc, "PRAGMA user_version"), ==, VAERN_SCHEMA_VERSION);
      g_assert_cmpuint (count_rows (doc, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                         " AND name LIKE 'audit_%'"), ==, 3 * n_audited);
      /* Documents from before risk assessment get the scale and the threat
       * catalogue (a version 2 file made here by bare SQL has none). */
      g_assert_cmpuint (vaern_document_get_scale (doc)->n_likelihood, ==, 4);
      if (version < 2)
        g_assert_cmpuint (count_rows (doc, "SELECT count(*) FROM threat"), >=, 30);
      /* And the Annex A catalogue with a first SoA draft (each part is
       * seeded by the migration that made its tables), and the default
       * annual wheel. */
      if (version < 3)
        {
          g_assert_cmpuint (count_rows (doc, "SELECT count(*) FROM control WHERE edition = '2022'"),
                            ==, 93);
          g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_soa_entries (doc)), ==, 93);
        }
      if (version < 4)
        g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_activities (doc)), >=, 16);
      /* And the logo's table, empty. */
      g_assert_cmpuint (count_rows (doc, "SELECT count(*) FROM organisation_logo"), ==, 0);
      g_assert_null (vaern_document_get_logo (doc));
      g_assert_nonnull (vaern_document_get_organisation (doc));
      if (version >= 1)
        g_assert_cmpstr (vaern_document_get_organisation (doc), ==, "Gammel");
      /* And it works: an edit is logged and can be undone. */
      add_system (doc, "Efter opgradering", 0);
      g_assert_true (vaern_document_can_undo (doc));
    }
}

/* A snapshot reads an older document through an updated copy: the file
 * itself keeps every byte. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "old.vaern", NULL);
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d",
                                             (int) VAERN_APPLICATION_ID);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot_dir = NULL;
  VaernDocument *doc;
  sqlite3 *db;

  VAERN_TEST_FILE_ONLY ();

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (doc_make_schema (db, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO organisation (id, name) VALUES (1, 'Gammel')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = vaern_test_read (path);

  doc = vaern_document_open_snapshot (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vaern_document_get_organisation (doc), ==, "Gammel");
  g_assert_cmpuint (vaern_document_get_scale (doc)->n_likelihood, ==, 4);
  g_assert_cmpstr (vaern_document_get_path (doc), !=, path);
  snapshot_dir = g_path_get_dirname (vaern_document_get_path (doc));
  g_object_unref (doc);

  after = vaern_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
  /* The copy is gone. */
  g_assert_false (g_file_test (snapshot_dir, G_FILE_TEST_EXISTS));

  /* A current document is opened as it is. */
  g_clear_object (&f->doc);
  doc = vaern_document_open_snapshot (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vaern_document_get_path (doc), ==, f->path);
  g_assert_true (vaern_document_get_read_only (doc));
  g_object_unref (doc);
}

/* The logo: kept as given, across a reopening; refused unless it is a
 * PNG of at most 1 MB; a change and a removal can be undone and redone. */
static void
test_logo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GBytes) logo = vaern_test_logo ();
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("GIF89a not a png", 16);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *big = NULL;
  gsize size;
  const guint8 *data0 = g_bytes_get_data (logo, &size);

  g_assert_null (vaern_document_get_logo (f->doc));
  g_assert_true (vaern_document_set_logo (f->doc, logo, &error));
  g_assert_no_error (error);
  reopen (f);
  got = vaern_document_get_logo (f->doc);
  g_assert_nonnull (got);
  g_assert_true (g_bytes_equal (got, logo));
  g_clear_pointer (&got, g_bytes_unref);

  /* Not a PNG, and too large: refused, the logo unchanged. */
  g_assert_false (vaern_document_set_logo (f->doc, text, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  big = g_malloc0 (VAERN_LOGO_MAX_BYTES + 1);
  memcpy (big, data0, size);
  other = g_bytes_new (big, VAERN_LOGO_MAX_BYTES + 1);
  g_assert_false (vaern_document_set_logo (f->doc, other, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&other, g_bytes_unref);
  /* Nor a small file that names a picture of 5000 × 1 pixels. */
  {
    g_autofree guint8 *wide = g_memdup2 (data0, size);

    wide[18] = 5000 >> 8;
    wide[19] = 5000 & 0xff;
    other = g_bytes_new (wide, size);
    g_assert_false (vaern_document_set_logo (f->doc, other, &error));
    g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "5000"));
    g_clear_error (&error);
    g_clear_pointer (&other, g_bytes_unref);
  }
  got = vaern_document_get_logo (f->doc);
  g_assert_true (g_bytes_equal (got, logo));
  g_clear_pointer (&got, g_bytes_unref);
  /* Nor does bare SQL get something else in. */
  g_assert_cmpint (vaern_test_exec (f->doc, "UPDATE organisation_logo SET png = 'R0lGODlh'"),
                   ==, VAERN_TEST_SQL_REFUSED);

  /* A second logo of exactly the largest size, then undo, redo, remove. */
  memset (big + size, 0, VAERN_LOGO_MAX_BYTES - size);
  other = g_bytes_new (big, VAERN_LOGO_MAX_BYTES);
  g_assert_true (vaern_document_set_logo (f->doc, other, &error));
  g_assert_no_error (error);
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  got = vaern_document_get_logo (f->doc);
  g_assert_true (g_bytes_equal (got, logo));
  g_clear_pointer (&got, g_bytes_unref);
  g_assert_true (vaern_document_redo (f->doc, &error));
  got = vaern_document_get_logo (f->doc);
  g_assert_true (g_bytes_equal (got, other));
  g_clear_pointer (&got, g_bytes_unref);

  g_assert_true (vaern_document_set_logo (f->doc, NULL, &error));
  g_assert_null (vaern_document_get_logo (f->doc));
  g_assert_true (vaern_document_undo (f->doc, &error));
  got = vaern_document_get_logo (f->doc);
  g_assert_true (g_bytes_equal (got, other));
  g_clear_pointer (&got, g_bytes_unref);
  reopen (f);
  got = vaern_document_get_logo (f->doc);
  g_assert_true (g_bytes_equal (got, other));
  g_assert_no_error (error);
}

static gboolean
person_titled (VaernDocument *doc,
               gint64         id,
               const char    *title)
{
  g_autoptr(VaernPerson) person = doc_find_record (vaern_document_get_people (doc), id);

  return person != NULL && g_strcmp0 (person->title, title) == 0;
}

static gboolean
unit_named (VaernDocument *doc,
            gint64         id,
            const char    *name)
{
  g_autoptr(VaernUnit) unit = doc_find_record (vaern_document_get_units (doc), id);

  return unit != NULL && g_strcmp0 (unit->name, name) == 0;
}

/* Two sessions on one server: what one commits, the other's lists show
 * within a second without asking the server (its notification), and so
 * does a change made with psql in a process of its own. */
static void
test_server_notify (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) other = NULL;
  g_autoptr(VaernPerson) person = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *err = NULL;
  gint64 person_id, unit_id;
  int status;

  VAERN_TEST_SERVER_ONLY ();
  person_id = add_person (f->doc, "Niels Notits", "nn@example.dk", 0);
  unit_id = add_unit (f->doc, "Gammel enhed", 0);
  other = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  vaern_document_watch_server (f->doc);
  vaern_document_watch_server (other);

  person = doc_find_record (vaern_document_get_people (other), person_id);
  g_assert_nonnull (person);
  g_free (person->title);
  person->title = g_strdup ("Projektleder");
  g_assert_true (vaern_document_update_person (other, person, &error));
  g_assert_no_error (error);
  VAERN_TEST_WAIT_MS (person_titled (f->doc, person_id, "Projektleder"), 1000);

  sql = g_strdup_printf ("UPDATE unit SET name = 'Ny enhed' WHERE id = %" G_GINT64_FORMAT, unit_id);
  {
    const char *argv[] = { "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                           "-h", g_getenv ("VAERN_TEST_PGHOST"), "-U", g_getenv ("VAERN_TEST_PGUSER"),
                           "-d", strstr (f->path, "dbname=") + strlen ("dbname="), "-c", sql, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                                 | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status,
                                 &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  VAERN_TEST_WAIT_MS (unit_named (f->doc, unit_id, "Ny enhed"), 1000);
  VAERN_TEST_WAIT_MS (unit_named (other, unit_id, "Ny enhed"), 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vaern/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("create-defaults", test_create_defaults);
  ADD ("snapshot", test_snapshot);
  ADD ("round-trip", test_round_trip);
  ADD ("validation", test_validation);
  ADD ("single-owner", test_single_owner);
  ADD ("findings", test_findings);
  ADD ("change-log", test_change_log);
  ADD ("undo-delete", test_undo_delete);
  ADD ("delete-person", test_delete_person);
  ADD ("update-gone", test_update_gone);
  ADD ("refresh-one-row", test_refresh_one_row);
  ADD ("server-password", test_server_password);
  ADD ("connection-lost", test_connection_lost);
  ADD ("server-schema", test_server_schema);
  ADD ("server-outside-edit", test_server_outside_edit);
  ADD ("server-notify", test_server_notify);
  ADD ("hand-over", test_hand_over);
  ADD ("duplicate", test_duplicate);
  ADD ("refuse-files", test_refuse_files);
  ADD ("read-only", test_read_only);
  ADD ("busy", test_busy);
  ADD ("save-as", test_save_as);
  ADD ("batch-rollback", test_batch_rollback);
  ADD ("kitos-roles", test_kitos_roles);
  ADD ("demo", test_demo);
  ADD ("migrations", test_migrations);
  ADD ("logo", test_logo);

  return g_test_run ();
}
