/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/vaern-csv.h"
#include "report/vaern-report.h"
#include "store/vaern-backups.h"
#include "store/vaern-document-private.h"
#include "store/vaern-store-error.h"
#include "vaern-test-store.h"
#include "vaern-test-sqlite.h"
#include "vaern-test-util.h"
#include "vaern-test-vfs.h"

/* What the issue "a crash, a full disk or a tampered file never costs a
 * person their work" found, each as a test: a document left with a hot
 * journal, a full disk during every write of many rows, a schema changed
 * outside Værn, a list whose query fails, a CSV source that is not a file,
 * a folder made read-only and a file replaced under an open document, and
 * the safety copies. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static GBytes *demo_template;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  vaern_date_set_today ("2026-11-23");
  vaern_fault_set_budget (-1);
  f->dir = vaern_test_tmpdir ();
  f->path = g_build_filename (f->dir, "kommune.vaern", NULL);
  /* The demo document, made once and copied for each test. */
  if (demo_template == NULL)
    {
      g_autoptr(VaernDocument) doc = vaern_document_create (f->path, "Testkommune", &error);

      g_assert_no_error (error);
      g_assert_true (vaern_document_fill_demo (doc, &error));
      g_assert_no_error (error);
      vaern_document_close (doc);
      demo_template = vaern_test_read (f->path);
    }
  else
    {
      g_file_set_contents (f->path, g_bytes_get_data (demo_template, NULL),
                           (gssize) g_bytes_get_size (demo_template), &error);
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  vaern_fault_set_budget (-1);
  vaern_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* SQL on a connection of the test's own, bypassing the store. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
raw_count (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* Every row of every table, as one checksum: what a person would call
 * "the document as it was". */
static char *
content_digest (const char *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid",
                                              (char *) tables->pdata[t]);

      g_checksum_update (sum, tables->pdata[t], -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const guchar *text = sqlite3_column_text (stmt, c);

            g_checksum_update (sum, (const guchar *) "|", 1);
            if (text)
              g_checksum_update (sum, text, sqlite3_column_bytes (stmt, c));
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

static int
run_vaern (char      **err,
           const char *first,
           ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = vaern_test_run_valist (NULL, NULL, err, first, args);
  va_end (args);
  return status;
}

/* A hot journal ================================================== */

/* The audit triggers ask this; a connection of the test's own logs nothing. */
static void
no_change_set (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  sqlite3_result_int (context, 0);
}

/* A child writes a change too large for SQLite's page cache, so that half
 * of it is in the file, and is killed before it commits: the file is left
 * as a crash leaves it, with a hot rollback journal beside it. */
static void
crash_in_the_middle (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
          || sqlite3_create_function (db, "vaern_change_set", 0, SQLITE_UTF8, NULL,
                                      no_change_set, NULL, NULL) != SQLITE_OK
          || sqlite3_create_function (db, "vaern_row", -1, SQLITE_UTF8, NULL,
                                      no_change_set, NULL, NULL) != SQLITE_OK
          || sqlite3_exec (db, "PRAGMA cache_size = 2; BEGIN;"
                               "UPDATE organisation SET name = 'Halvt skrevet';"
                               "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                               "  WHERE i < 3000)"
                               " INSERT INTO change_log (change_set, tbl, row_id, op, new)"
                               " SELECT 1, 'asset', i, 'insert', hex (randomblob (300)) FROM n;",
                           NULL, NULL, NULL) != SQLITE_OK)
        {
          g_printerr ("%s\n", sqlite3_errmsg (db));
          _exit (3);
        }
      kill (getpid (), SIGKILL);
      _exit (4);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
assert_read_only_open_fails_as_before (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* What the old check saw: a read-only connection cannot roll back. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE,
                                    NULL), ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_READONLY_ROLLBACK);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_hot_journal (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *out = g_build_filename (f->dir, "systems.xml", NULL);
  g_autofree char *out_arg = g_strconcat ("--output=", out, NULL);
  g_autofree char *csv = g_build_filename (f->dir, "systemer.csv", NULL);
  g_autofree char *csv_arg = g_strconcat ("--import-systems=", csv, NULL);
  g_autofree char *committed = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *err = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) before_journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = NULL;
  g_autofree char *organisation = raw_text (f->path, "SELECT name FROM organisation");
  gint64 n_assets;

  committed = content_digest (f->path);
  n_assets = raw_count (f->path, "SELECT count(*) FROM asset");
  crash_in_the_middle (f->path);
  assert_read_only_open_fails_as_before (f->path);
  before = vaern_test_read (f->path);
  before_journal = vaern_test_read (journal);

  /* An export reads the committed document and leaves the file alone. */
  doc = vaern_document_open_snapshot (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vaern_document_get_organisation (doc), ==, organisation);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (doc)), ==, n_assets);
  g_clear_object (&doc);
  g_assert_true (g_bytes_equal (before, vaern_test_read (f->path)));
  g_assert_true (g_bytes_equal (before_journal, vaern_test_read (journal)));

  /* So does the command line's. */
  g_assert_cmpint (run_vaern (&err, "--export=systems", out_arg, f->path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (out, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, organisation));
  g_assert_null (strstr (xml, "Halvt skrevet"));

  /* A file that may not be written opens read-only, rolled back on a copy. */
  g_chmod (f->path, 0444);
  doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_document_get_read_only (doc));
  g_assert_cmpstr (vaern_document_get_organisation (doc), ==, organisation);
  g_clear_object (&doc);
  g_chmod (f->path, 0644);
  g_assert_true (g_bytes_equal (before, vaern_test_read (f->path)));

  /* Opened for editing (the window), it is rolled back in place. */
  doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (vaern_document_get_read_only (doc));
  g_assert_cmpstr (vaern_document_get_organisation (doc), ==, organisation);
  g_clear_object (&doc);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  vaern_test_assert_integrity (f->path);
  reopened = content_digest (f->path);
  g_assert_cmpstr (reopened, ==, committed);

  /* And an import of systems into a crashed document works too. */
  crash_in_the_middle (f->path);
  g_file_set_contents (csv, "Navn;Leverandør\nEfter nedbruddet;KMD\n", -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_vaern (&err, csv_arg, f->path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM asset"), ==, n_assets + 1);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM organisation"
                                       " WHERE name = 'Halvt skrevet'"), ==, 0);
  vaern_test_assert_integrity (f->path);
}

/* The schema check ================================================ */

static const struct
{
  const char *sql;
  const char *named;
} tamperings[] = {
  { "CREATE TRIGGER wipe AFTER INSERT ON asset BEGIN DELETE FROM risk; DELETE FROM change_log; END",
    "wipe" },
  { "CREATE TABLE extra (x)", "extra" },
  { "CREATE VIEW everything AS SELECT * FROM asset", "everything" },
  { "CREATE INDEX spy ON person (email)", "spy" },
  { "DROP TRIGGER audit_asset_update", "audit_asset_update" },
  { "DROP TRIGGER audit_risk_delete;"
    "CREATE TRIGGER audit_risk_delete AFTER DELETE ON risk BEGIN SELECT 1; END", "audit_risk_delete" },
  { "PRAGMA foreign_keys = OFF; DROP TABLE risk_control", "risk_control" },
  { "PRAGMA foreign_keys = OFF; DROP TABLE asset", "asset" },
};

static void
test_schema_check (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "systems.xml", NULL);
  g_autofree char *out_arg = g_strconcat ("--output=", out, NULL);
  g_autofree char *csv = g_build_filename (f->dir, "systemer.csv", NULL);
  g_autofree char *csv_arg = g_strconcat ("--import-systems=", csv, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (csv, "Navn\nNyt system\n", -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (tamperings); i++)
    {
      g_autoptr(GBytes) before = NULL;
      g_autoptr(VaernDocument) doc = NULL;
      g_autofree char *err = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", tamperings[i].named);

      g_file_set_contents (f->path, g_bytes_get_data (demo_template, NULL),
                           (gssize) g_bytes_get_size (demo_template), &error);
      g_assert_no_error (error);
      raw_exec (f->path, tamperings[i].sql);
      before = vaern_test_read (f->path);

      doc = vaern_document_open (f->path, &error);
      g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_SCHEMA);
      g_assert_null (doc);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_nonnull (strstr (error->message, "outside Værn"));
      g_clear_error (&error);
      g_assert_null (vaern_document_open_snapshot (f->path, &error));
      g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_SCHEMA);
      g_clear_error (&error);

      /* The command line refuses it too, with one line, and runs nothing. */
      g_assert_cmpint (run_vaern (&err, csv_arg, f->path, NULL), ==, 1);
      g_assert_cmpuint (vaern_test_count_lines (err), ==, 1);
      g_assert_nonnull (strstr (err, quoted));
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_vaern (&err, "--export=systems", out_arg, f->path, NULL), ==, 1);
      g_assert_cmpuint (vaern_test_count_lines (err), ==, 1);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

      g_assert_true (g_bytes_equal (before, vaern_test_read (f->path)));
    }
}

/* A list whose query fails reaches the person. */
static void
test_list_failure (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_document_check_lists (doc, &error));
  /* Something outside the store takes a table away while it is open. */
  g_assert_cmpint (sqlite3_exec (vaern_document_get_db (doc),
                                 "PRAGMA foreign_keys = OFF; DROP TABLE risk_control",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  vaern_document_get_risks (doc);
  g_assert_false (vaern_document_check_lists (doc, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "risk_control"));
}

/* Bytes that are not text, put in by another program, reach no widget. */
static void
test_not_text (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *assets;
  gboolean seen = FALSE;

  doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (vaern_document_get_db (doc),
                                 "UPDATE asset SET name = CAST (X'4b4dff44' AS TEXT)"
                                 " WHERE id = (SELECT min (id) FROM asset)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&doc);
  doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  assets = vaern_document_get_assets (doc);
  for (guint i = 0; i < g_list_model_get_n_items (assets); i++)
    {
      g_autoptr(VaernAsset) a = g_list_model_get_item (assets, i);

      g_assert_true (g_utf8_validate (a->name, -1, NULL));
      seen |= g_str_equal (a->name, "KM\xef\xbf\xbd" "D");
    }
  g_assert_true (seen);
}

/* A full disk ===================================================== */

typedef gboolean (*Operation) (Fixture *f, VaernDocument *doc, GError **error);

/* Runs @op with the disk full after N bytes, for N from nothing to the
 * bytes the operation needs, in steps: each time the operation must fail
 * saying the disk is full, and the document, once opened again, must be
 * what it was. Then with room enough it succeeds. */
static void
run_with_full_disk (Fixture   *f,
                    Operation  op,
                    guint      n_steps)
{
  g_autofree char *before = content_digest (f->path);
  g_autoptr(GError) error = NULL;
  gint64 needed;

  /* How much the operation writes. */
  {
    g_autoptr(VaernDocument) doc = vaern_document_open (f->path, &error);

    g_assert_no_error (error);
    vaern_fault_set_budget (-1);
    g_assert_true (op (f, doc, &error));
    g_assert_no_error (error);
    needed = vaern_fault_written;
    g_assert_cmpint (needed, >, 0);
  }
  g_file_set_contents (f->path, g_bytes_get_data (demo_template, NULL),
                       (gssize) g_bytes_get_size (demo_template), &error);
  g_assert_no_error (error);
  g_test_message ("the operation writes %" G_GINT64_FORMAT " bytes", needed);

  for (guint step = 0; step < n_steps; step++)
    {
      g_autoptr(VaernDocument) doc = vaern_document_open (f->path, &error);
      g_autofree char *after = NULL;
      gboolean ok;

      g_assert_no_error (error);
      vaern_fault_set_budget (needed * step / n_steps);
      ok = op (f, doc, &error);
      g_assert_true (vaern_fault_tripped);
      g_assert_false (ok);
      g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "disk is full"));
      g_clear_error (&error);
      g_clear_object (&doc);

      /* Space again: opening rolls back whatever the full disk left. */
      vaern_fault_set_budget (-1);
      doc = vaern_document_open (f->path, &error);
      g_assert_no_error (error);
      g_clear_object (&doc);
      vaern_test_assert_integrity (f->path);
      after = content_digest (f->path);
      g_assert_cmpstr (after, ==, before);
    }
}

static gboolean
import_systems (Fixture        *f,
                VaernDocument  *doc,
                GError        **error)
{
  g_autoptr(GString) text = g_string_new ("Navn;Leverandør;Enhed;Formål\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VaernCsv) csv = NULL;
  g_autoptr(VaernImportReport) report = NULL;
  const VaernSystemField mapping[] = {
    VAERN_SYSTEM_FIELD_NAME, VAERN_SYSTEM_FIELD_SUPPLIER, VAERN_SYSTEM_FIELD_UNIT,
    VAERN_SYSTEM_FIELD_PURPOSE,
  };

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "Importeret system %u;Leverandør %u;Enhed %u;%s\n", i, i % 40,
                            i % 25, "Et formål, som fylder noget på disken");
  bytes = g_bytes_new (text->str, text->len);
  csv = vaern_csv_parse (bytes, NULL);
  g_assert_nonnull (csv);
  report = vaern_document_import_systems (doc, csv, mapping, FALSE, error);
  if (report == NULL)
    return FALSE;
  g_assert_cmpuint (report->n_imported, ==, 3000);
  return TRUE;
}

static gboolean
hand_over (Fixture        *f,
           VaernDocument  *doc,
           GError        **error)
{
  GListModel *people = vaern_document_get_people (doc);
  gint64 from = 0, to = 0;

  /* From the person with the most roles to another. */
  for (guint i = 0, most = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VaernPerson) p = g_list_model_get_item (people, i);

      if (p->n_roles > most)
        {
          most = p->n_roles;
          from = vaern_record_get_id (VAERN_RECORD (p));
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (people) && to == 0; i++)
    {
      g_autoptr(VaernPerson) p = g_list_model_get_item (people, i);

      if (vaern_record_get_id (VAERN_RECORD (p)) != from)
        to = vaern_record_get_id (VAERN_RECORD (p));
    }
  g_assert_cmpint (from, >, 0);
  return vaern_document_hand_over_roles (doc, from, to, "2026-11-23", error) > 0;
}

static gboolean
rescale (Fixture        *f,
         VaernDocument  *doc,
         GError        **error)
{
  const VaernRiskScale *now = vaern_document_get_scale (doc);
  g_autoptr(VaernRiskScale) scale = vaern_risk_scale_new_custom (now->n_likelihood + 1,
                                                                 now->n_consequence + 1);

  return vaern_document_set_scale (doc, scale, TRUE, error);
}

static gboolean
new_soa_draft (Fixture        *f,
               VaernDocument  *doc,
               GError        **error)
{
  return vaern_document_new_soa_draft (doc, error) > 0;
}

static gboolean
fill_demo (Fixture        *f,
           VaernDocument  *doc,
           GError        **error)
{
  return vaern_document_fill_demo (doc, error);
}

static void
test_full_disk_import_systems (Fixture *f, gconstpointer data)
{
  run_with_full_disk (f, import_systems, 8);
}

static void
test_full_disk_hand_over (Fixture *f, gconstpointer data)
{
  run_with_full_disk (f, hand_over, 4);
}

static void
test_full_disk_rescale (Fixture *f, gconstpointer data)
{
  run_with_full_disk (f, rescale, 6);
}

static void
test_full_disk_soa_draft (Fixture *f, gconstpointer data)
{
  g_autoptr(VaernDocument) doc = vaern_document_open (f->path, NULL);
  GListModel *versions = vaern_document_get_soa_versions (doc);
  g_autoptr(VaernSoaVersion) newest = g_list_model_get_item (versions,
                                                             g_list_model_get_n_items (versions) - 1);
  g_autoptr(GError) error = NULL;

  /* A draft is made from an approved version. */
  if (newest->approval_id == 0)
    {
      g_autoptr(VaernApproval) approval = vaern_approval_new ();

      approval->subject = VAERN_APPROVAL_SOA;
      approval->soa_version_id = vaern_record_get_id (VAERN_RECORD (newest));
      approval->approved_by = g_strdup ("Direktionen");
      approval->approved_on = g_strdup ("2026-11-20");
      g_assert_cmpint (vaern_document_add_approval (doc, approval, &error), >, 0);
      g_assert_no_error (error);
    }
  g_clear_object (&doc);
  g_bytes_unref (demo_template);
  demo_template = vaern_test_read (f->path);
  run_with_full_disk (f, new_soa_draft, 6);
  g_clear_pointer (&demo_template, g_bytes_unref);
}

/* Making the demo document: into a new, empty one. */
static void
test_full_disk_fill (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = NULL;

  g_unlink (f->path);
  doc = vaern_document_create (f->path, "Tom", &error);
  g_assert_no_error (error);
  g_clear_object (&doc);
  g_bytes_unref (demo_template);
  demo_template = vaern_test_read (f->path);
  run_with_full_disk (f, fill_demo, 6);
  g_clear_pointer (&demo_template, g_bytes_unref);
}

/* The import of a full export into a new document: a full disk is said as
 * such (not "not a valid report"), and nothing is left behind. */
static void
test_full_disk_full_import (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (f->dir, "fuld.xml", NULL);
  g_autofree char *target = g_build_filename (f->dir, "ny.vaern", NULL);
  g_autoptr(GError) error = NULL;
  gint64 needed;

  {
    g_autoptr(VaernDocument) doc = vaern_document_open_snapshot (f->path, &error);

    g_assert_no_error (error);
    g_assert_true (vaern_report_write_full (doc, xml, &error));
    g_assert_no_error (error);
  }
  vaern_fault_set_budget (-1);
  g_assert_true (vaern_report_import_full (xml, target, &error));
  g_assert_no_error (error);
  needed = vaern_fault_written;
  g_unlink (target);

  for (guint step = 0; step < 6; step++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      vaern_fault_set_budget (needed * step / 6);
      g_assert_false (vaern_report_import_full (xml, target, &error));
      g_assert_true (vaern_fault_tripped);
      g_test_message ("%s", error->message);
      g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NO_SPACE);
      g_assert_null (strstr (error->message, "not a valid"));
      g_clear_error (&error);
      vaern_fault_set_budget (-1);
      /* Nothing half made is left in the folder. */
      dir = g_dir_open (f->dir, 0, NULL);
      while ((name = g_dir_read_name (dir)))
        if (!g_str_equal (name, "kommune.vaern") && !g_str_equal (name, "fuld.xml"))
          g_error ("left behind: %s", name);
    }
}

/* The folder and the file under an open document ================= */

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int status;
  pid_t pid;

  /* Permissions bind only a user who is not root: the child becomes
   * "nobody" when the test runs as root. */
  if (getuid () == 0)
    {
      g_assert_cmpint (chown (f->dir, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (f->path, 65534, 65534), ==, 0);
    }
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(VaernDocument) doc = NULL;
      g_autoptr(VaernAsset) refused = vaern_asset_new ();
      g_autoptr(VaernAsset) kept = vaern_asset_new ();

      if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (10);
      doc = vaern_document_open (f->path, &error);
      if (doc == NULL || vaern_document_get_read_only (doc))
        _exit (11);
      g_chmod (f->dir, 0555);
      refused->name = g_strdup ("Mens mappen var skrivebeskyttet");
      if (vaern_document_add_asset (doc, refused, &error) != 0)
        _exit (12);
      if (!g_error_matches (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_READ_ONLY)
          || strstr (error->message, "folder") == NULL)
        {
          g_printerr ("%s\n", error->message);
          _exit (13);
        }
      g_clear_error (&error);
      g_chmod (f->dir, 0755);
      kept->name = g_strdup ("Da mappen var skrivbar igen");
      if (vaern_document_add_asset (doc, kept, &error) == 0)
        _exit (14);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  vaern_test_assert_integrity (f->path);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM asset WHERE name LIKE 'Mens mappen%'"),
                   ==, 0);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM asset WHERE name LIKE 'Da mappen%'"),
                   ==, 1);
}

static void
test_replaced_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "andet.vaern", NULL);
  g_autofree char *rescue = g_build_filename (f->dir, "reddet.vaern", NULL);
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(VaernDocument) replacement = NULL;
  g_autoptr(VaernAsset) first = vaern_asset_new ();
  g_autoptr(VaernAsset) second = vaern_asset_new ();
  g_autoptr(GBytes) replaced = NULL;
  g_autoptr(GError) error = NULL;

  doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  first->name = g_strdup ("Før udskiftningen");
  g_assert_cmpint (vaern_document_add_asset (doc, first, &error), >, 0);

  /* Another program puts another file in its place. */
  replacement = vaern_document_create (other, "Et andet sted", &error);
  g_assert_no_error (error);
  g_clear_object (&replacement);
  g_assert_cmpint (g_rename (other, f->path), ==, 0);
  replaced = vaern_test_read (f->path);

  second->name = g_strdup ("Efter udskiftningen");
  g_assert_cmpint (vaern_document_add_asset (doc, second, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "replaced"));
  g_clear_error (&error);
  g_assert_false (vaern_document_undo (doc, &error));
  g_clear_error (&error);
  g_assert_true (g_bytes_equal (replaced, vaern_test_read (f->path)));

  /* What the window shows can still be kept. */
  g_assert_true (vaern_document_save_as (doc, rescue, &error));
  g_assert_no_error (error);
  g_clear_object (&doc);
  g_assert_cmpint (raw_count (rescue, "SELECT count(*) FROM asset WHERE name = 'Før udskiftningen'"),
                   ==, 1);
}

/* A CSV source that is not a file ================================= */

static void
test_csv_source (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "rør.csv", NULL);
  const char *sources[] = { "/dev/zero", fifo, f->dir };
  g_autofree char *err = NULL;
  g_autoptr(GBytes) before = vaern_test_read (f->path);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (sources[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(VaernCsv) csv = vaern_csv_read_file (file, &error);

      g_assert_null (csv);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", sources[i], error->message);
    }

  {
    g_autofree char *arg = g_strconcat ("--import-systems=", "/dev/zero", NULL);

    g_assert_cmpint (run_vaern (&err, arg, f->path, NULL), ==, 1);
    g_assert_cmpuint (vaern_test_count_lines (err), ==, 1);
    g_assert_nonnull (strstr (err, "pipe"));
  }
  g_assert_true (g_bytes_equal (before, vaern_test_read (f->path)));
}

/* libxml2's own messages never reach the terminal: one line, Værn's. */
static void
test_xml_one_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (f->dir, "forkert.xml", NULL);
  g_autofree char *target = g_build_filename (f->dir, "ny.vaern", NULL);
  g_autofree char *in_arg = g_strconcat ("--import=", xml, NULL);
  g_autofree char *out_arg = g_strconcat ("--output=", target, NULL);
  g_autoptr(GError) error = NULL;
  /* Declared as UTF-16 but written in Latin-1 bytes, and then broken. */
  const char *const broken[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<vaern-export>\xe6\xf8\xe5</vaern-export>\n",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vaern-export>\xff\xfe\xe6\xf8</vaern-export>\n",
    "<?xml version=\"1.0\" encoding=\"x-no-such\"?>\n<a/>\n",
    "<?xml version=\"1.0\"?>\n<a>\n<b>\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *err = NULL;

      g_file_set_contents (xml, broken[i], -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (run_vaern (&err, in_arg, out_arg, NULL), ==, 1);
      g_test_message ("%s", err);
      g_assert_cmpuint (vaern_test_count_lines (err), ==, 1);
      g_assert_true (g_str_has_prefix (err, "vaern: "));
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
    }
}

/* Safety copies =================================================== */

static void
test_backups (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = vaern_backups_get_folder ();
  g_autofree char *newest = NULL;
  g_autofree char *date = NULL;
  g_autofree char *digest = content_digest (f->path);
  g_autofree char *copied = NULL;
  gboolean made;

  g_assert_true (g_str_has_prefix (folder, g_getenv ("XDG_DATA_HOME")));
  g_assert_null (vaern_backups_find_newest (f->path, NULL));
  doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);

  /* Once a day. */
  g_assert_true (vaern_backups_make_daily (doc, &made, &error));
  g_assert_true (made);
  g_assert_true (vaern_backups_make_daily (doc, &made, &error));
  g_assert_false (made);
  newest = vaern_backups_find_newest (f->path, &date);
  g_assert_nonnull (newest);
  g_assert_cmpstr (date, ==, "2026-11-23");
  g_assert_true (g_str_has_prefix (newest, folder));
  g_assert_nonnull (strstr (newest, "kommune-"));
  g_assert_true (g_str_has_suffix (newest, "-2026-11-23.vaern"));
  /* The copy is the document, and opens. */
  copied = content_digest (newest);
  g_assert_cmpstr (copied, ==, digest);

  /* The newest fourteen are kept. */
  for (guint day = 1; day <= 20; day++)
    {
      g_autofree char *today = g_strdup_printf ("2026-12-%02u", day);

      vaern_date_set_today (today);
      g_assert_true (vaern_backups_make_daily (doc, &made, &error));
      g_assert_no_error (error);
      g_assert_true (made);
    }
  copies = vaern_backups_list (f->path);
  g_assert_cmpuint (copies->len, ==, VAERN_BACKUPS_KEPT);
  g_assert_true (g_str_has_suffix (copies->pdata[0], "-2026-12-07.vaern"));
  g_assert_true (g_str_has_suffix (copies->pdata[copies->len - 1], "-2026-12-20.vaern"));
  g_clear_object (&doc);

  /* A document of the same name in another folder has copies of its own. */
  {
    g_autofree char *other_dir = vaern_test_tmpdir ();
    g_autofree char *other = g_build_filename (other_dir, "kommune.vaern", NULL);
    g_autoptr(GPtrArray) others = vaern_backups_list (other);

    g_assert_cmpuint (others->len, ==, 0);
    vaern_test_rmdir (other_dir);
  }

  /* A damaged document's message names the newest copy. */
  {
    int fd = g_open (f->path, O_WRONLY, 0);
    char junk[4096];

    memset (junk, 0x5a, sizeof junk);
    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (pwrite (fd, junk, sizeof junk, 4096), ==, sizeof junk);
    g_assert_cmpint (pwrite (fd, junk, sizeof junk, 8192), ==, sizeof junk);
    close (fd);
  }
  doc = vaern_document_open (f->path, &error);
  g_assert_null (doc);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DAMAGED);
  g_test_message ("%s", error->message);
  {
    g_autofree char *base = g_path_get_basename (copies->pdata[copies->len - 1]);

    g_assert_nonnull (strstr (error->message, base));
    g_assert_nonnull (strstr (error->message, "20-12-2026"));
  }

  for (guint i = 0; i < copies->len; i++)
    g_unlink (copies->pdata[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* The safety copies go to a folder of the test's own. */
  data_home = vaern_test_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  vaern_fault_install ();

#define ADD(path, func) \
  g_test_add ("/reliability/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("hot-journal", test_hot_journal);
  ADD ("schema-check", test_schema_check);
  ADD ("list-failure", test_list_failure);
  ADD ("not-text", test_not_text);
  ADD ("full-disk/import-systems", test_full_disk_import_systems);
  ADD ("full-disk/hand-over", test_full_disk_hand_over);
  ADD ("full-disk/rescale", test_full_disk_rescale);
  ADD ("full-disk/soa-draft", test_full_disk_soa_draft);
  ADD ("full-disk/fill", test_full_disk_fill);
  ADD ("full-disk/full-import", test_full_disk_full_import);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("replaced-file", test_replaced_file);
  ADD ("csv-source", test_csv_source);
  ADD ("xml-one-line", test_xml_one_line);
  ADD ("backups", test_backups);
#undef ADD

  status = g_test_run ();
  g_clear_pointer (&demo_template, g_bytes_unref);
  {
    g_autofree char *backups = vaern_backups_get_folder ();
    g_autofree char *vaern = g_path_get_dirname (backups);

    vaern_test_rmdir (backups);
    g_rmdir (vaern);
  }
  vaern_test_rmdir (data_home);
  return status;
}
