/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "render/vaern-management-report.h"
#include "report/vaern-report.h"
#include "store/vaern-document-private.h"
#include "store/vaern-dump.h"
#include "store/vaern-figures.h"
#include "vaern-test-backend.h"
#include "vaern-test-store.h"
#include "vaern-test-util.h"

/* The full export and its import, the system register and the management
 * report in each of its formats, and the import's refusals of hostile and
 * broken files. Every XML file is validated against the schema in data/,
 * the file a reader outside Værn would use. */

typedef struct
{
  char *dir;
  char *xsd;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = vaern_test_tmpdir ();
  f->xsd = g_test_build_filename (G_TEST_DIST, "..", "data", VAERN_REPORT_XSD, NULL);
  /* The same document exports to the same bytes. */
  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);
  vaern_date_set_today ("2026-11-23");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  vaern_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->xsd);
}

static char *
in_dir (Fixture    *f,
        const char *name)
{
  /* A document is a file or, in the -pg run, a database. */
  if (g_str_has_suffix (name, ".vaern"))
    return vaern_test_location (f->dir, name);
  return g_build_filename (f->dir, name, NULL);
}

static VaernDocument *
make_demo (Fixture    *f,
           const char *name)
{
  g_autofree char *path = in_dir (f, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = vaern_document_create (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (vaern_document_fill_demo (doc, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&doc);
}

static void
assert_valid (Fixture    *f,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  gboolean valid = vaern_report_validate_file (path, f->xsd, &error);

  g_assert_no_error (error);
  g_assert_true (valid);
}

static char *
read_text (const char *path)
{
  g_autoptr(GBytes) bytes = vaern_test_read (path);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_same_file (const char *a,
                  const char *b)
{
  g_autofree char *ta = read_text (a);
  g_autofree char *tb = read_text (b);

  /* Where they differ, shown before the failure. */
  if (g_strcmp0 (ta, tb) != 0)
    {
      g_autofree char *out = NULL;
      const char *argv[] = { "diff", "-u", a, b, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                    NULL, NULL);
      if (out && strlen (out) > 3000)
        out[3000] = '\0';
      g_test_message ("%s", out ? out : "");
    }
  g_assert_true (g_strcmp0 (ta, tb) == 0);
}

static guint
count_substrings (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* Every table of the schema is in the export: a table added by a later
 * migration and forgotten would be lost from every copy. */
static void
test_all_tables (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "tables.vaern");
  const char *const *tables = vaern_dump_tables ();
  g_autoptr(VaernDbStmt) stmt = NULL;
  guint n = 0;

  /* The schema's own tables (a database's table of its version aside, and
   * its access tables: logins and groups are the server's, not the ISMS's). */
  stmt = vaern_db_prepare (doc->db, vaern_test_on_server ()
    ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema ()"
      " AND tablename <> 'vaern_schema' AND tablename NOT LIKE 'access\\_%'"
    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  g_assert_nonnull (stmt);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      const char *name = vaern_db_column_text (stmt, 0, NULL);

      g_test_message ("table %s", name);
      g_assert_true (g_strv_contains (tables, name));
      n++;
    }
  g_assert_cmpuint (n, ==, g_strv_length ((char **) tables));
}

/* Export, import, export: the same XML; the new document holds what the
 * old one did, row by row, and is a working document (undo, edits). */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *xml = in_dir (f, "full.xml");
  g_autofree char *copy = in_dir (f, "copy.vaern");
  g_autofree char *xml2 = in_dir (f, "full2.xml");
  g_autoptr(VaernDocument) again = NULL;
  g_autoptr(VaernAsset) asset = NULL;
  g_autoptr(GBytes) logo = vaern_test_logo ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GListModel *assets;

  /* Text the XML must keep exactly: spaces at the ends, a carriage
   * return, markup characters and a line break. */
  assets = vaern_document_get_assets (doc);
  asset = vaern_asset_copy (g_list_model_get_item (assets, 0));
  g_object_unref (g_list_model_get_item (assets, 0));
  g_free (asset->notes);
  asset->notes = g_strdup ("  <b>&amp;</b> \"ja\"\r\nlinje to\t ");
  g_assert_true (vaern_document_update_asset (doc, asset, &error));
  g_assert_no_error (error);
  g_assert_true (vaern_document_set_logo (doc, logo, &error));
  g_assert_no_error (error);

  g_assert_true (vaern_report_write_full (doc, xml, &error));
  g_assert_no_error (error);
  assert_valid (f, xml);
  text = read_text (xml);
  g_assert_nonnull (strstr (text, "kind=\"full\""));
  g_assert_cmpuint (count_substrings (text, "<risk id="), ==, vaern_document_count_risks (doc));
  g_assert_cmpuint (count_substrings (text, "<asset id="), ==, g_list_model_get_n_items (assets));
  g_assert_cmpuint (count_substrings (text, "<change id="), ==, vaern_document_count_changes (doc));
  g_assert_cmpuint (vaern_document_count_changes (doc), >, 0);
  g_assert_nonnull (strstr (text, "<logo media-type=\"image/png\">iVBORw0KGgo"));

  g_assert_true (vaern_report_import_full (xml, copy, &error));
  g_assert_no_error (error);
  again = vaern_document_open (copy, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_report_write_full (again, xml2, &error));
  g_assert_no_error (error);
  assert_same_file (xml, xml2);

  /* The same rows, read by the store's own lists. */
  g_assert_cmpstr (vaern_document_get_organisation (again), ==, vaern_document_get_organisation (doc));
  g_assert_cmpstr (vaern_document_get_cvr (again), ==, vaern_document_get_cvr (doc));
  {
    g_autoptr(GBytes) copied = vaern_document_get_logo (again);

    g_assert_nonnull (copied);
    g_assert_true (g_bytes_equal (copied, logo));
  }
  g_assert_cmpuint (vaern_document_count_risks (again), ==, vaern_document_count_risks (doc));
  g_assert_cmpuint (vaern_document_count_changes (again), ==, vaern_document_count_changes (doc));
  {
    g_autoptr(VaernAsset) copied = vaern_document_get_asset (again, vaern_record_get_id (VAERN_RECORD (asset)), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (copied->notes, ==, asset->notes);
    g_assert_cmpuint (copied->findings, ==, asset->findings);
  }
  /* The approved SoA version is still frozen in the copy. */
  {
    GListModel *versions = vaern_document_get_soa_versions (again);
    g_autoptr(VaernSoaVersion) first = g_list_model_get_item (versions, 0);

    g_assert_true (first->frozen);
  }
  /* And the copy can be edited and undone like any document. */
  {
    g_autoptr(VaernAsset) a = g_list_model_get_item (vaern_document_get_assets (again), 1);
    g_autoptr(VaernAsset) edit = vaern_asset_copy (a);

    g_free (edit->purpose);
    edit->purpose = g_strdup ("Ændret efter import");
    g_assert_true (vaern_document_update_asset (again, edit, &error));
    g_assert_no_error (error);
    g_assert_true (vaern_document_undo (again, &error));
    g_assert_no_error (error);
  }
}

/* A file document published (to a database in the -pg run, to another
 * file otherwise), exported from both, imported into a file and into the
 * other kind, exported again: the same XML every time, byte for byte. The
 * published copy is a working document, whose numbering goes on after the
 * rows it was given. */
static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "published.vaern", NULL);
  g_autofree char *target = in_dir (f, "target.vaern");
  g_autofree char *file_copy = g_build_filename (f->dir, "file-copy.vaern", NULL);
  g_autofree char *other_copy = in_dir (f, "other-copy.vaern");
  g_autofree char *from_file = in_dir (f, "from-file.xml");
  g_autofree char *from_target = in_dir (f, "from-target.xml");
  g_autofree char *via_file = in_dir (f, "via-file.xml");
  g_autofree char *via_other = in_dir (f, "via-other.xml");
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(VaernDocument) published = NULL;
  g_autoptr(VaernDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 max_asset, id;

  doc = vaern_document_create (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_document_fill_demo (doc, &error));
  g_assert_no_error (error);
  /* Some history: an edit, and one undone. */
  add_unit (doc, "Ny enhed", 0);
  add_unit (doc, "Fortrudt enhed", 0);
  g_assert_true (vaern_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vaern_document_count_changes (doc), >, 0);

  /* Not onto the document itself, nor onto one that is there. */
  g_assert_false (vaern_document_publish (doc, file, NULL, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_true (vaern_document_publish (doc, target, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vaern_document_publish (doc, target, NULL, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  published = vaern_document_open (target, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_report_write_full (doc, from_file, &error));
  g_assert_no_error (error);
  g_assert_true (vaern_report_write_full (published, from_target, &error));
  g_assert_no_error (error);
  assert_valid (f, from_target);
  assert_same_file (from_file, from_target);
  g_assert_cmpuint (vaern_document_count_changes (published), ==,
                    vaern_document_count_changes (doc));

  /* Import into both kinds, export again. */
  g_assert_true (vaern_report_import_full (from_target, file_copy, &error));
  g_assert_no_error (error);
  g_assert_true (vaern_report_import_full (from_target, other_copy, &error));
  g_assert_no_error (error);
  copy = vaern_document_open (file_copy, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_report_write_full (copy, via_file, &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = vaern_document_open (other_copy, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_report_write_full (copy, via_other, &error));
  g_assert_no_error (error);
  assert_same_file (from_file, via_file);
  assert_same_file (from_file, via_other);

  /* And back: the published document published to a file, the same again. */
  {
    g_autofree char *back = g_build_filename (f->dir, "back.vaern", NULL);
    g_autofree char *from_back = in_dir (f, "from-back.xml");
    g_autoptr(VaernDocument) back_doc = NULL;

    g_assert_true (vaern_document_publish (published, back, NULL, &error));
    g_assert_no_error (error);
    back_doc = vaern_document_open (back, &error);
    g_assert_no_error (error);
    g_assert_true (vaern_report_write_full (back_doc, from_back, &error));
    g_assert_no_error (error);
    assert_same_file (from_file, from_back);
  }

  /* The published document goes on: a new row is numbered after the
   * highest it was given, and its edit is undone like any other. */
  max_asset = vaern_test_query_int (published, "SELECT max(id) FROM asset");
  {
    g_autoptr(VaernAsset) asset = vaern_asset_new ();

    asset->name = g_strdup ("Nyt system efter udgivelse");
    id = vaern_document_add_asset (published, asset, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (id, >, max_asset);
  g_assert_true (vaern_document_undo (published, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vaern_test_query_int (published, "SELECT count(*) FROM asset WHERE id = "
                                                    "(SELECT max(id) FROM asset)"), ==, 1);
  g_assert_cmpint (vaern_test_query_int (published, "SELECT max(id) FROM asset"), ==, max_asset);
}

/* What each refusal must leave: nothing at the new document's name, and
 * no temporary file beside it. */
static void
assert_refused (Fixture    *f,
                const char *xml,
                int         code,
                const char *reason)
{
  g_autofree char *out = in_dir (f, "refused.vaern");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_false (vaern_report_import_full (xml, out, &error));
  g_assert_error (error, VAERN_REPORT_ERROR, code);
  g_test_message ("%s", error->message);
  if (reason != NULL)
    g_assert_nonnull (strstr (error->message, reason));
  vaern_test_assert_no_document (out);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "refused.vaern"));
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = in_dir (f, name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<report xmlns=\"https://vaern.github.io/ns/report/1\" kind=\"full\" " \
             "version=\"1\" generated=\"2026-11-23T10:00:00Z\">"

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *full = in_dir (f, "full.xml");
  g_autofree char *secret = write_file (f, "secret.txt", "hemmeligt");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vaern_report_write_full (doc, full, &error));
  g_assert_no_error (error);
  text = read_text (full);

  /* An external entity that points at a local file. */
  {
    g_autofree char *xxe_text =
      g_strdup_printf (HEAD "<!DOCTYPE report [ <!ENTITY x SYSTEM \"file://%s\"> ]>\n"
                       ROOT "<organisation><name>&x;</name></organisation><records/></report>",
                       secret);
    g_autofree char *xxe = write_file (f, "xxe.xml", xxe_text);

    assert_refused (f, xxe, VAERN_REPORT_ERROR_INVALID, "line 2");
    assert_refused (f, xxe, VAERN_REPORT_ERROR_INVALID, "DOCTYPE");
  }
  /* A billion laughs. */
  {
    GString *lol = g_string_new (HEAD "<!DOCTYPE report [\n<!ENTITY l0 \"lol\">\n");
    g_autofree char *path = NULL;

    for (int i = 1; i < 10; i++)
      g_string_append_printf (lol, "<!ENTITY l%d \"&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;\">\n",
                              i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
    g_string_append (lol, "]>\n" ROOT "<organisation><name>&l9;</name></organisation></report>");
    path = write_file (f, "lol.xml", lol->str);
    g_string_free (lol, TRUE);
    assert_refused (f, path, VAERN_REPORT_ERROR_INVALID, "DOCTYPE");
  }
  /* A file over the size cap: sparse, so it takes no room. */
  {
    g_autofree char *path = in_dir (f, "huge.xml");
    int fd = g_open (path, O_WRONLY | O_CREAT, 0644);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (ftruncate (fd, (off_t) 600 * 1024 * 1024), ==, 0);
    close (fd);
    assert_refused (f, path, VAERN_REPORT_ERROR_READ, NULL);
  }
  /* Truncated XML: the line where it ends. */
  {
    g_autofree char *cut = g_strndup (text, strlen (text) / 2);
    g_autofree char *path = write_file (f, "cut.xml", cut);

    assert_refused (f, path, VAERN_REPORT_ERROR_INVALID, "line ");
  }
  /* The wrong namespace. */
  {
    g_autofree char *other = g_strdup (text);
    char *ns = strstr (other, "https://vaern.github.io/ns/report/1");
    g_autofree char *path = NULL;

    ns[8] = 'X';
    path = write_file (f, "ns.xml", other);
    assert_refused (f, path, VAERN_REPORT_ERROR_INVALID, "namespace");
  }
  /* A newer version of the format. */
  {
    g_autoptr(GRegex) re = g_regex_new ("version=\"1\"", 0, 0, NULL);
    g_autofree char *newer = g_regex_replace_literal (re, text, -1, 0, "version=\"2\"", 0, NULL);
    g_autofree char *path = write_file (f, "newer.xml", newer);

    assert_refused (f, path, VAERN_REPORT_ERROR_NEWER, "newer version");
  }
  /* A newer version's own namespace. */
  {
    g_autoptr(GRegex) re = g_regex_new ("ns/report/1\"", 0, 0, NULL);
    g_autofree char *newer = g_regex_replace_literal (re, text, -1, 0, "ns/report/2\"", 0, NULL);
    g_autofree char *path = write_file (f, "newer-ns.xml", newer);

    assert_refused (f, path, VAERN_REPORT_ERROR_NEWER, "format version 2");
  }
  /* A pipe or a folder is not a file. */
  assert_refused (f, f->dir, VAERN_REPORT_ERROR_READ, "not a file");
  /* Well-formed, but against the schema: a risk without its title. */
  {
    g_autoptr(GRegex) re = g_regex_new ("<title>[^<]*</title>", 0, 0, NULL);
    g_autofree char *broken = g_regex_replace_literal (re, text, -1, 0, "", 0, NULL);
    g_autofree char *path = write_file (f, "schema.xml", broken);

    assert_refused (f, path, VAERN_REPORT_ERROR_INVALID, "line ");
  }
  /* A reference to a row that is not there (the schema's keys). */
  {
    g_autoptr(GRegex) re = g_regex_new ("asset-ref=\"asset-1\"", 0, 0, NULL);
    g_autofree char *dangling = g_regex_replace_literal (re, text, -1, 0, "asset-ref=\"asset-999\"",
                                                         0, NULL);
    g_autofree char *path = write_file (f, "dangling.xml", dangling);

    assert_refused (f, path, VAERN_REPORT_ERROR_INVALID, "asset-999");
  }
  /* Another kind of report is not a document. */
  {
    g_autofree char *risks = in_dir (f, "risks.xml");

    g_assert_true (vaern_report_write_risks (doc, risks, &error));
    g_assert_no_error (error);
    assert_refused (f, risks, VAERN_REPORT_ERROR_INVALID, "risks");
  }
  /* A file that is not XML at all. */
  {
    g_autofree char *path = write_file (f, "csv.xml", "navn;formål\nESDH;sager\n");

    assert_refused (f, path, VAERN_REPORT_ERROR_INVALID, "line 1");
  }
  /* And a document that is already there is never replaced. */
  if (vaern_test_on_server ())
    {
      const char *existing = vaern_document_get_path (doc);
      guint changes = vaern_document_count_changes (doc);
      guint assets = g_list_model_get_n_items (vaern_document_get_assets (doc));

      g_assert_false (vaern_report_import_full (full, existing, &error));
      g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
      g_clear_error (&error);
      g_assert_cmpuint (vaern_test_query_int (doc, "SELECT count(*) FROM change_log"), ==,
                        changes);
      g_assert_cmpuint (vaern_test_query_int (doc, "SELECT count(*) FROM asset"), ==, assets);
    }
  else
    {
      g_autofree char *existing = in_dir (f, "demo.vaern");
      g_autoptr(GBytes) before = vaern_test_read (existing);
      g_autoptr(GBytes) after = NULL;

      g_assert_false (vaern_report_import_full (full, existing, &error));
      g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
      after = vaern_test_read (existing);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* A row the store's own rules refuse, though the schema lets it by (two
 * systems of the same name): nothing is left behind, and the message names
 * the line. */
static void
test_store_refuses (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *full = in_dir (f, "full.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = in_dir (f, "refused.vaern");
  g_autoptr(VaernAsset) a = g_list_model_get_item (vaern_document_get_assets (doc), 0);
  g_autoptr(VaernAsset) b = g_list_model_get_item (vaern_document_get_assets (doc), 1);
  g_autofree char *from = g_strdup_printf ("<name>%s</name>", b->name);
  g_autofree char *to = g_strdup_printf ("<name>%s</name>", a->name);

  g_assert_true (vaern_report_write_full (doc, full, &error));
  g_assert_no_error (error);
  text = read_text (full);
  {
    g_auto(GStrv) parts = g_strsplit (text, from, 2);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    twice = g_strjoinv (to, parts);
  }
  path = write_file (f, "twice.xml", twice);
  g_assert_false (vaern_report_import_full (path, out, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "line "));
  vaern_test_assert_no_document (out);
}

/* The logo in the organisation: base64 broken over lines is read as one;
 * a picture that is not a PNG is refused with its line. */
static void
test_logo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = in_dir (f, "logo.vaern");
  g_autofree char *full = in_dir (f, "full.xml");
  g_autofree char *out = in_dir (f, "copy.vaern");
  g_autoptr(GBytes) logo = vaern_test_logo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = vaern_document_create (path, "Logokommune", &error);
  g_autofree char *text = NULL;
  g_autofree char *wrapped = NULL;
  g_autofree char *gif = NULL;
  g_autofree char *base64 = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *gif_path = NULL;
  g_autoptr(GBytes) copied = NULL;

  g_assert_no_error (error);
  g_assert_true (vaern_document_set_logo (doc, logo, &error));
  g_assert_true (vaern_report_write_full (doc, full, &error));
  g_assert_no_error (error);
  text = read_text (full);
  base64 = g_base64_encode (g_bytes_get_data (logo, NULL), g_bytes_get_size (logo));
  g_assert_nonnull (strstr (text, base64));

  broken = g_strdup_printf ("%.*s\n      %s", 20, base64, base64 + 20);
  {
    g_auto(GStrv) parts = g_strsplit (text, base64, 2);

    wrapped = g_strjoinv (broken, parts);
  }
  g_free (path);
  path = write_file (f, "wrapped.xml", wrapped);
  assert_valid (f, path);
  g_assert_true (vaern_report_import_full (path, out, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VaernDocument) again = vaern_document_open (out, &error);

    g_assert_no_error (error);
    copied = vaern_document_get_logo (again);
    g_assert_nonnull (copied);
    g_assert_true (g_bytes_equal (copied, logo));
  }

  {
    g_autofree char *not_png = g_base64_encode ((const guchar *) "GIF89a, not a PNG", 17);
    g_auto(GStrv) parts = g_strsplit (text, base64, 2);

    gif = g_strjoinv (not_png, parts);
  }
  gif_path = write_file (f, "gif.xml", gif);
  assert_refused (f, gif_path, VAERN_REPORT_ERROR_INVALID, "PNG");
  assert_refused (f, gif_path, VAERN_REPORT_ERROR_INVALID, "line ");
}

/* Valid against the schema, but against a rule the store keeps in its
 * code: a risk at a level the scale does not have. */
static void
test_store_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *full = in_dir (f, "full.xml");
  g_autofree char *out = in_dir (f, "refused.vaern");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *spaced = NULL;
  char *at;

  g_assert_true (vaern_report_write_full (doc, full, &error));
  g_assert_no_error (error);
  text = read_text (full);
  at = strstr (text, "<likelihood>4</likelihood>");
  g_assert_nonnull (at);
  at[12] = '6';
  path = write_file (f, "level.xml", text);
  g_assert_true (vaern_report_validate_file (path, f->xsd, NULL));
  g_assert_false (vaern_report_import_full (path, out, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "level.xml"));
  g_assert_nonnull (strstr (error->message, "level"));
  vaern_test_assert_no_document (out);
  g_clear_error (&error);

  /* Spaces around a number are a number still, as the schema says. */
  at[12] = '4';
  {
    g_autoptr(GRegex) re = g_regex_new ("<likelihood>4</likelihood>", 0, 0, NULL);

    spaced = g_regex_replace_literal (re, text, -1, 0, "<likelihood> 4 </likelihood>", 0, NULL);
  }
  g_free (path);
  path = write_file (f, "spaced.xml", spaced);
  g_assert_true (vaern_report_import_full (path, out, &error));
  g_assert_no_error (error);
}

/* Every kind of XML the program writes, valid; on the demo here and on the
 * large document below. */
static void
write_every_kind (Fixture       *f,
                  VaernDocument *doc,
                  const char    *prefix)
{
  struct
  {
    const char *name;
    gboolean  (*write) (VaernDocument *, const char *, GError **);
  } kinds[] = {
    { "full", vaern_report_write_full },
    { "systems", vaern_report_write_systems },
    { "risks", vaern_report_write_risks },
    { "wheel", vaern_report_write_wheel },
    { "management", vaern_report_write_management },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.xml", prefix, kinds[i].name);
      g_autofree char *path = in_dir (f, name);
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimer) timer = g_timer_new ();

      g_assert_true (kinds[i].write (doc, path, &error));
      g_assert_no_error (error);
      g_test_message ("%s written in %.2f s", name, g_timer_elapsed (timer, NULL));
      assert_valid (f, path);
    }
  {
    g_autofree char *name = g_strdup_printf ("%s-soa.xml", prefix);
    g_autofree char *path = in_dir (f, name);
    g_autoptr(GError) error = NULL;

    g_assert_true (vaern_report_write_soa (doc, 0, path, &error));
    g_assert_no_error (error);
    assert_valid (f, path);
  }
}

static void
test_every_kind (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");

  write_every_kind (f, doc, "demo");
}

static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = in_dir (f, "large.vaern");
  g_autofree char *full = in_dir (f, "large-full.xml");
  g_autofree char *copy = in_dir (f, "large-copy.vaern");
  g_autofree char *again = in_dir (f, "large-again.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = vaern_document_create (path, NULL, &error);
  g_autoptr(VaernDocument) imported = NULL;

  g_assert_no_error (error);
  vaern_document_set_audit (doc, FALSE);
  g_assert_true (vaern_document_fill_large (doc, 2000, 1000, 20000, &error));
  g_assert_no_error (error);
  vaern_document_set_audit (doc, TRUE);

  write_every_kind (f, doc, "large");
  g_assert_true (vaern_report_import_full (full, copy, &error));
  g_assert_no_error (error);
  imported = vaern_document_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vaern_document_count_risks (imported), ==, 20000);
  g_assert_true (vaern_report_write_full (imported, again, &error));
  g_assert_no_error (error);
  assert_same_file (full, again);
}

/* The systems report says what the register says. */
static void
test_systems (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *path = in_dir (f, "systems.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GListModel *assets = vaern_document_get_assets (doc);
  guint no_owner = 0, with_owner = 0;

  g_assert_true (vaern_report_write_systems (doc, path, &error));
  g_assert_no_error (error);
  assert_valid (f, path);
  text = read_text (path);
  for (guint i = 0; i < g_list_model_get_n_items (assets); i++)
    {
      g_autoptr(VaernAsset) a = g_list_model_get_item (assets, i);
      g_autofree char *id = g_strdup_printf ("<system id=\"asset-%" G_GINT64_FORMAT "\"",
                                             vaern_record_get_id (VAERN_RECORD (a)));

      g_assert_nonnull (strstr (text, id));
      if (a->findings & VAERN_FINDING_NO_OWNER)
        no_owner++;
      if (a->kind == VAERN_ASSET_KIND_SYSTEM && a->owner_id > 0)
        with_owner++;
    }
  g_assert_cmpuint (no_owner, >, 0);
  g_assert_cmpuint (count_substrings (text, "<finding>no-owner</finding>"), ==, no_owner);
  g_assert_cmpuint (count_substrings (text, "<role>Systemejer</role>"), ==, with_owner);
}

static char *
attr_of (const char *text,
         const char *element,
         const char *attr)
{
  g_autofree char *pattern = g_strdup_printf ("<%s [^>]*\\b%s=\"([^\"]*)\"", element, attr);
  g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (re, text, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

/* The management report: its figures are the document's, it lists what
 * changed since the last approved report, and it is the same in XML,
 * HTML and PDF. */
static void
test_management (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *xml = in_dir (f, "management.xml");
  g_autofree char *html = in_dir (f, "management.html");
  g_autofree char *pdf = in_dir (f, "management.pdf");
  g_autoptr(VaernKeyFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  char number[16];

  /* A change after the last approved report: it must be listed. */
  asset->name = g_strdup ("Nyt fagsystem uden ejer");
  vaern_document_add_asset (doc, asset, &error);
  g_assert_no_error (error);
  figures = vaern_key_figures_compute (doc, NULL);
  g_assert_cmpuint (figures->n_systems_no_owner, >, 0);
  /* The organisation's logo, on the PDF's pages and in the HTML. */
  {
    g_autoptr(GBytes) logo = vaern_test_logo ();

    g_assert_true (vaern_document_set_logo (doc, logo, &error));
    g_assert_no_error (error);
  }

  g_assert_true (vaern_report_write_management (doc, xml, &error));
  g_assert_no_error (error);
  assert_valid (f, xml);
  text = read_text (xml);
  value = attr_of (text, "register", "without-owner");
  g_snprintf (number, sizeof number, "%u", figures->n_systems_no_owner);
  g_assert_cmpstr (value, ==, number);
  g_clear_pointer (&value, g_free);
  value = attr_of (text, "risk-figures", "assessed");
  g_snprintf (number, sizeof number, "%u", figures->n_risks_assessed);
  g_assert_cmpstr (value, ==, number);
  g_assert_nonnull (strstr (text, "Nyt fagsystem uden ejer"));
  g_assert_cmpuint (count_substrings (text, "<risk id="), ==, 15);
  if (figures->last_report_approved_on != NULL)
    {
      g_clear_pointer (&value, g_free);
      value = attr_of (text, "changes", "since");
      g_assert_cmpstr (value, ==, figures->last_report_approved_on);
    }

  /* HTML: parsed by an HTML parser without an error, with the figures. */
  g_assert_true (vaern_report_write_management_html (doc, html, &error));
  g_assert_no_error (error);
  {
    g_autofree char *page = read_text (html);
    /* From memory: the report layer shut off the loading of files. */
    htmlDocPtr parsed = htmlReadMemory (page, (int) strlen (page), NULL, "UTF-8",
                                        HTML_PARSE_NONET | HTML_PARSE_NOERROR
                                        | HTML_PARSE_NOWARNING);
    g_autofree char *count = g_strdup_printf (">%u<", figures->n_systems_no_owner);

    g_assert_nonnull (parsed);
    xmlFreeDoc (parsed);
    g_assert_nonnull (strstr (page, "<html"));
    g_assert_nonnull (strstr (page, vaern_document_get_organisation (doc)));
    g_assert_nonnull (strstr (page, "Nyt fagsystem uden ejer"));
    g_assert_nonnull (strstr (page, count));
    g_assert_nonnull (strstr (page, "<img class=\"logo\" alt=\"Logo\" src=\"data:image/png;base64,iVBORw0KGgo"));
  }

  /* PDF: the pages the renderer laid out, A4 portrait. */
  g_assert_true (vaern_management_report_export (doc, pdf, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) bytes = vaern_test_read (pdf);
    gsize length;
    const char *contents = g_bytes_get_data (bytes, &length);
    g_autoptr(VaernManagementReport) report = vaern_management_report_new (doc, NULL);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
    cairo_t *cr = cairo_create (surface);
    guint pages = vaern_management_report_paginate (report, cr, 595.28, 841.89);
    guint in_pdf = 0;
    const char *box;
    double x0, y0, x1, y1;

    for (const char *p = contents; (p = memmem (p, contents + length - p, "/Type /Page", 11)); p++)
      if (p[11] != 's')
        in_pdf++;
    g_assert_cmpuint (pages, >=, 3);
    g_assert_cmpuint (in_pdf, ==, pages);
    /* The logo once, for all the pages. */
    {
      guint images = 0;

      for (const char *p = contents; (p = memmem (p, contents + length - p, "/Subtype /Image", 15));
           p++)
        images++;
      g_assert_cmpuint (images, ==, 1);
    }
    box = memmem (contents, length, "/MediaBox", 9);
    g_assert_nonnull (box);
    g_assert_cmpint (sscanf (box, "/MediaBox [ %lf %lf %lf %lf", &x0, &y0, &x1, &y1), ==, 4);
    g_assert_cmpfloat_with_epsilon (x1, 595.28, 0.5);
    g_assert_cmpfloat_with_epsilon (y1, 841.89, 0.5);

    /* The first page has its heading and figures drawn (ink in the top
     * band and in the body), and a warning in red for the systems
     * without an owner. */
    vaern_management_report_draw_page (report, cr, 0);
    cairo_surface_flush (surface);
    {
      guint8 *data8 = cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface);
      guint ink_top = 0, ink_body = 0, red = 0;

      for (int y = 0; y < 842; y++)
        for (int x = 0; x < 595; x++)
          {
            guint32 px = *(guint32 *) (data8 + y * stride + x * 4);
            guint r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

            if (r < 128 && g < 128 && b < 128)
              (y < 80 ? ink_top++ : ink_body++);
            if (r > 120 && g < 60 && b < 40)
              red++;
          }
      g_assert_cmpuint (ink_top, >, 200);
      g_assert_cmpuint (ink_body, >, 2000);
      g_assert_cmpuint (red, >, 5);
    }
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* What changed: the steps people took, without those undone. */
static void
test_changes_since (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autoptr(GListModel) all = vaern_document_list_change_sets (doc, NULL, 0);
  g_autoptr(GListModel) none = vaern_document_list_change_sets (doc, "2999-01-01", 0);
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) undone = NULL;
  g_autoptr(VaernChange) newest = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  asset->name = g_strdup ("Registreret i dag");
  vaern_document_add_asset (doc, asset, &error);
  g_assert_no_error (error);
  after = vaern_document_list_change_sets (doc, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (all) + 1);
  newest = g_list_model_get_item (after, 0);
  g_assert_nonnull (strstr (newest->label, "Registreret i dag"));
  /* Undone, the step is no longer something that changed. */
  g_assert_true (vaern_document_undo (doc, &error));
  g_assert_no_error (error);
  undone = vaern_document_list_change_sets (doc, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (undone), ==, g_list_model_get_n_items (all));

  /* Redone, it stands again, once; undone again, it is gone again. */
  g_assert_true (vaern_document_redo (doc, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) redone = vaern_document_list_change_sets (doc, NULL, 0);
    g_autoptr(VaernChange) top = g_list_model_get_item (redone, 0);
    g_autoptr(VaernChange) next = g_list_model_get_item (redone, 1);

    g_assert_cmpuint (g_list_model_get_n_items (redone), ==, g_list_model_get_n_items (all) + 1);
    g_assert_nonnull (strstr (top->label, "Registreret i dag"));
    g_assert_null (strstr (next->label, "Registreret i dag"));
  }
  g_assert_true (vaern_document_undo (doc, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) again = vaern_document_list_change_sets (doc, NULL, 0);

    g_assert_cmpuint (g_list_model_get_n_items (again), ==, g_list_model_get_n_items (all));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vaern/export/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("all-tables", test_all_tables);
  ADD ("round-trip", test_round_trip);
  ADD ("publish", test_publish);
  ADD ("hostile", test_hostile);
  ADD ("store-refuses", test_store_refuses);
  ADD ("store-rules", test_store_rules);
  ADD ("logo", test_logo);
  ADD ("every-kind", test_every_kind);
  ADD ("systems", test_systems);
  ADD ("management", test_management);
  ADD ("changes-since", test_changes_since);
  ADD ("large", test_large);

  return g_test_run ();
}
