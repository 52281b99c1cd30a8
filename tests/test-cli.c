/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "report/vaern-report.h"
#include "store/vaern-document-private.h"
#include "vaern-test-backend.h"
#include "vaern-test-util.h"

/* The command line without a window: exit status, one line on stderr on
 * failure, and input files left as they were. */

static char *dir;

static int
run (char      **out,
     char      **err,
     const char *first,
     ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = vaern_test_run_valist (dir, out, err, first, args);
  va_end (args);
  return status;
}

static void
test_write_demo (void)
{
  g_autofree char *path = g_build_filename (dir, "demo.vaern", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *arg = g_strconcat ("--write-demo=", path, NULL);

  g_assert_cmpint (run (&out, &err, arg, NULL), ==, 0);
  doc = vaern_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (doc)), >=, 40);
  /* A sample is made, not edited: nothing to undo, no change log. */
  g_assert_false (vaern_document_can_undo (doc));
  g_assert_cmpuint (vaern_document_count_changes (doc), ==, 0);
  g_clear_object (&doc);

  /* An existing file is not overwritten. */
  before = vaern_test_read (path);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, arg, NULL), ==, 1);
  g_assert_cmpuint (vaern_test_count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "vaern: "));
  after = vaern_test_read (path);
  g_assert_true (g_bytes_equal (before, after));

  /* A folder that does not exist. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "--write-demo=/nonexistent/dir/demo.vaern", NULL), ==, 1);
  g_assert_cmpuint (vaern_test_count_lines (err), ==, 1);
}

static void
test_write_large (void)
{
  g_autofree char *path = g_build_filename (dir, "large.vaern", NULL);
  g_autofree char *arg = g_strconcat ("--write-large=", path, NULL);
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (NULL, NULL, arg, NULL), ==, 0);
  doc = vaern_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (doc)), ==, 2000);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_people (doc)), ==, 1000);
}

static void
test_import_systems (void)
{
  g_autofree char *path = g_build_filename (dir, "import.vaern", NULL);
  g_autofree char *csv = g_build_filename (dir, "systemer.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *arg = g_strconcat ("--import-systems=", csv, NULL);
  g_autofree char *bad_arg = g_strconcat ("--import-systems=", bad, NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  doc = vaern_document_create (path, "Importkommune", &error);
  g_assert_no_error (error);
  g_clear_object (&doc);

  g_file_set_contents (csv,
                       "Navn,Leverandør,Personoplysninger,Enhed\n"
                       "Sagssystem,\"Firma, A/S\",CPR,Borgerservice\n"
                       "Lønsystem,Løn ApS,Følsomme,Økonomi\n"
                       ",Uden navn,Ingen,\n"
                       "Sagssystem,Dublet,Ingen,\n", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run (&out, &err, arg, path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2"));
  /* The two skipped rows, one line each, with their line numbers. */
  g_assert_cmpuint (vaern_test_count_lines (err), ==, 2);
  g_assert_nonnull (strstr (err, ":4:"));
  g_assert_nonnull (strstr (err, ":5:"));

  doc = vaern_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (doc)), ==, 2);
  {
    gint64 id = vaern_document_find_asset_by_name (doc, "Sagssystem");
    g_autoptr(VaernAsset) a = vaern_document_get_asset (doc, id, NULL);

    g_assert_cmpstr (a->supplier, ==, "Firma, A/S");
    g_assert_cmpint (a->personal_data, ==, VAERN_PERSONAL_DATA_CPR);
    g_assert_cmpstr (a->unit_name, ==, "Borgerservice");
  }
  g_clear_object (&doc);

  /* A binary file is refused, and the document stays as it was. */
  before = vaern_test_read (path);
  g_file_set_contents (bad, "PK\003\004\0\0binary", 12, &error);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, bad_arg, path, NULL), ==, 1);
  g_assert_cmpuint (vaern_test_count_lines (err), ==, 1);
  after = vaern_test_read (path);
  g_assert_true (g_bytes_equal (before, after));

  /* No document named. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, arg, NULL), ==, 1);
  g_assert_cmpuint (vaern_test_count_lines (err), ==, 1);

  /* A foreign file as the document: refused, untouched. */
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);
  before = vaern_test_read (csv);
  g_assert_cmpint (run (NULL, &err, arg, csv, NULL), ==, 1);
  g_assert_cmpuint (vaern_test_count_lines (err), ==, 1);
  after = vaern_test_read (csv);
  g_assert_true (g_bytes_equal (before, after));
}

static gboolean
file_starts_with (const char *path,
                  const char *magic,
                  gsize       len)
{
  g_autoptr(GBytes) bytes = vaern_test_read (path);

  return g_bytes_get_size (bytes) > len && memcmp (g_bytes_get_data (bytes, NULL), magic, len) == 0;
}

/* Runs an export that must fail: status 1, one line on stderr that
 * contains expected, no output file, the document untouched. */
static void
assert_export_fails (const char *doc_path,
                     GBytes     *doc_bytes,
                     const char *expected,
                     const char *first,
                     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("VAERN_BINARY");
  int status = -1;
  guint n_before = 0, n_after = 0;
  va_list args;
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

  while (g_dir_read_name (d))
    n_before++;
  g_ptr_array_add (argv, g_strdup (binary));
  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  command = g_strjoinv (" ", (char **) argv->pdata);

  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s → %s", command, err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_cmpuint (vaern_test_count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "vaern: "));
  g_assert_nonnull (strstr (err, expected));
  g_assert_cmpstr (out, ==, "");

  /* Nothing new in the folder (no output, no temporary file), and the
   * document as it was. */
  g_dir_rewind (d);
  while (g_dir_read_name (d))
    n_after++;
  g_assert_cmpuint (n_after, ==, n_before);
  if (doc_path)
    {
      after = vaern_test_read (doc_path);
      g_assert_true (g_bytes_equal (doc_bytes, after));
    }
}

static void
test_export (void)
{
  g_autofree char *path = g_build_filename (dir, "export.vaern", NULL);
  g_autofree char *xml = g_build_filename (dir, "risici.xml", NULL);
  g_autofree char *pdf = g_build_filename (dir, "risikomatrix.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "risikomatrix.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "Skoler.svg", NULL);
  g_autofree char *text = g_build_filename (dir, "not-a-document.txt", NULL);
  g_autofree char *xsd = g_test_build_filename (G_TEST_DIST, "..", "data", VAERN_REPORT_XSD, NULL);
  g_autofree char *out_xml = g_strconcat ("--output=", xml, NULL);
  g_autofree char *out_pdf = g_strconcat ("--output=", pdf, NULL);
  g_autofree char *out_png = g_strconcat ("--output=", png, NULL);
  g_autofree char *out_svg = g_strconcat ("--output=", svg, NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  gboolean ok;

  doc = vaern_document_create (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_document_fill_demo (doc, &error));
  g_assert_no_error (error);
  vaern_document_close (doc);
  g_clear_object (&doc);
  before = vaern_test_read (path);

  /* The risk register as XML: valid, and the document untouched. */
  g_assert_cmpint (run (&out, &err, "--export=risks", out_xml, path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  ok = vaern_report_validate_file (xml, xsd, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  after = vaern_test_read (path);
  g_assert_true (g_bytes_equal (before, after));

  /* The heat map as PDF, PNG and SVG. */
  g_assert_cmpint (run (NULL, NULL, "--export=heat-map", out_pdf, path, NULL), ==, 0);
  g_assert_true (file_starts_with (pdf, "%PDF", 4));
  g_assert_cmpint (run (NULL, NULL, "--export=heat-map", out_png, "--show=after", path, NULL),
                   ==, 0);
  g_assert_true (file_starts_with (png, "\x89PNG\r\n\x1a\n", 8));
  g_assert_cmpint (run (NULL, NULL, "--export=heat-map", out_svg, "--scope=unit:Børn og Unge",
                        "--show=before", path, NULL), ==, 0);
  g_assert_true (file_starts_with (svg, "<?xml", 5));
  g_clear_pointer (&after, g_bytes_unref);
  after = vaern_test_read (path);
  g_assert_true (g_bytes_equal (before, after));

  /* The SoA as XML (valid) and as the printed table (PDF), the document
   * untouched. */
  g_unlink (xml);
  g_unlink (pdf);
  g_assert_cmpint (run (&out, &err, "--export=soa", out_xml, path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  ok = vaern_report_validate_file (xml, xsd, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (run (NULL, NULL, "--export=soa", out_pdf, path, NULL), ==, 0);
  g_assert_true (file_starts_with (pdf, "%PDF", 4));
  g_clear_pointer (&after, g_bytes_unref);
  after = vaern_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_export_fails (path, before, ".xml or .pdf", "--export=soa", "--output=x.png", path, NULL);
  assert_export_fails (path, before, "--scope", "--export=soa", out_xml, "--scope=all", path, NULL);

  /* The annual wheel as a picture, of this year or another. */
  g_unlink (pdf);
  g_unlink (png);
  g_assert_cmpint (run (NULL, &err, "--export=wheel-picture", out_pdf, path, NULL), ==, 0);
  g_assert_true (file_starts_with (pdf, "%PDF", 4));
  g_assert_cmpint (run (NULL, NULL, "--export=wheel-picture", out_png, "--year=2027", path, NULL),
                   ==, 0);
  g_assert_true (file_starts_with (png, "\x89PNG\r\n\x1a\n", 8));
  g_clear_pointer (&after, g_bytes_unref);
  after = vaern_test_read (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_export_fails (path, before, "--year", "--export=risks", out_xml, "--year=2027", path, NULL);
  assert_export_fails (path, before, "--year", "--export=wheel-picture", out_png, "--year=27",
                       path, NULL);
  assert_export_fails (path, before, ".png, .pdf or .svg", "--export=wheel-picture",
                       "--output=x.xml", path, NULL);

  /* The wheel as a calendar and as XML. */
  {
    g_autofree char *ics = g_build_filename (dir, "aarshjul.ics", NULL);
    g_autofree char *out_ics = g_strconcat ("--output=", ics, NULL);

    g_assert_cmpint (run (NULL, &err, "--export=wheel", out_ics, path, NULL), ==, 0);
    g_assert_true (file_starts_with (ics, "BEGIN:VCALENDAR", 15));
    g_unlink (xml);
    g_assert_cmpint (run (NULL, &err, "--export=wheel", out_xml, path, NULL), ==, 0);
    ok = vaern_report_validate_file (xml, xsd, &error);
    g_assert_no_error (error);
    g_assert_true (ok);
    assert_export_fails (path, before, ".ics or .xml", "--export=wheel", out_pdf, path, NULL);
  }

  /* Scopes the document does not have, or cannot be. */
  g_unlink (png);
  assert_export_fails (path, before, "Nowhere", "--export=heat-map", out_png,
                       "--scope=system:Nowhere", path, NULL);
  assert_export_fails (path, before, "Nowhere", "--export=heat-map", out_png,
                       "--scope=unit:Nowhere", path, NULL);
  assert_export_fails (path, before, "--scope", "--export=heat-map", out_png,
                       "--scope=everything", path, NULL);
  assert_export_fails (path, before, "--show", "--export=heat-map", out_png,
                       "--show=sideways", path, NULL);

  /* Exports that do not exist, or not yet. */
  assert_export_fails (path, before, "nope", "--export=nope", out_xml, path, NULL);
  assert_export_fails (path, before, ".xml, .html or .pdf", "--export=management",
                       "--output=x.png", path, NULL);
  assert_export_fails (path, before, ".xml", "--export=full", "--output=x.pdf", path, NULL);
  assert_export_fails (path, before, ".xml", "--export=systems", "--output=x.html", path, NULL);

  /* A file name whose extension does not fit. */
  assert_export_fails (path, before, ".png, .pdf or .svg", "--export=heat-map",
                       "--output=x.txt", path, NULL);
  assert_export_fails (path, before, ".xml", "--export=risks", "--output=x.pdf", path, NULL);

  /* Missing parts of the command. */
  assert_export_fails (path, before, "--output", "--export=risks", path, NULL);
  assert_export_fails (NULL, NULL, "FILE", "--export=risks", "--output=x.xml", NULL);
  assert_export_fails (path, before, "--export", "--output=x.xml", path, NULL);

  /* A document that is not there, or is not a document: the store's words. */
  assert_export_fails (NULL, NULL, "does not exist", "--export=risks", "--output=x.xml",
                       "missing.vaern", NULL);
  g_assert_true (g_file_set_contents (text, "Dette er ikke et Værn-dokument.\n", -1, NULL));
  text_bytes = vaern_test_read (text);
  assert_export_fails (text, text_bytes, "not a Værn document", "--export=risks",
                       "--output=x.xml", text, NULL);

  /* A folder that does not exist. */
  assert_export_fails (path, before, "nonexistent", "--export=risks",
                       "--output=/nonexistent/dir/x.xml", path, NULL);
}

/* Every kind and format of DESIGN.md's --export table, without a window:
 * status 0, nothing on stderr, the file there and of its format. */
static void
test_export_every_kind (void)
{
  static const struct
  {
    const char *what;
    const char *file;
    const char *magic;
  } kinds[] = {
    { "full", "full.xml", "<?xml" },
    { "systems", "systems.xml", "<?xml" },
    { "risks", "risks.xml", "<?xml" },
    { "soa", "soa.xml", "<?xml" },
    { "soa", "soa.pdf", "%PDF" },
    { "wheel", "wheel.xml", "<?xml" },
    { "wheel", "wheel.ics", "BEGIN:VCALENDAR" },
    { "management", "management.xml", "<?xml" },
    { "management", "management.html", "<" },
    { "management", "management.pdf", "%PDF" },
    { "heat-map", "heat-map.png", "\x89PNG" },
    { "heat-map", "heat-map.pdf", "%PDF" },
    { "heat-map", "heat-map.svg", "<?xml" },
    { "wheel-picture", "wheel.png", "\x89PNG" },
    { "wheel-picture", "wheel.pdf", "%PDF" },
    { "wheel-picture", "wheel.svg", "<?xml" },
  };
  g_autofree char *path = g_build_filename (dir, "kinds.vaern", NULL);
  g_autofree char *arg = g_strconcat ("--write-demo=", path, NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, arg, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *what = g_strconcat ("--export=", kinds[i].what, NULL);
      g_autofree char *file = g_build_filename (dir, kinds[i].file, NULL);
      g_autofree char *output = g_strconcat ("--output=", file, NULL);
      g_autofree char *magic = g_strcompress (kinds[i].magic);
      g_autoptr(GBytes) bytes = NULL;

      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_test_message ("%s %s", what, kinds[i].file);
      g_assert_cmpint (run (&out, &err, what, output, path, NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      bytes = vaern_test_read (file);
      g_assert_true (g_bytes_get_size (bytes) > strlen (magic));
      g_assert_cmpint (memcmp (g_bytes_get_data (bytes, NULL), magic, strlen (magic)), ==, 0);
      g_unlink (file);
    }
  g_unlink (path);
}

/* vaern --import=IN.xml --output=NEW.vaern, and its refusals. */
static void
test_import (void)
{
  g_autofree char *path = g_build_filename (dir, "source.vaern", NULL);
  g_autofree char *xml = g_build_filename (dir, "source.xml", NULL);
  g_autofree char *made = g_build_filename (dir, "made.vaern", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.xml", NULL);
  g_autofree char *arg = g_strconcat ("--write-demo=", path, NULL);
  g_autofree char *output = g_strconcat ("--output=", xml, NULL);
  g_autofree char *import = g_strconcat ("--import=", xml, NULL);
  g_autofree char *import_bad = g_strconcat ("--import=", bad, NULL);
  g_autofree char *made_arg = g_strconcat ("--output=", made, NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml_bytes = NULL;
  g_autoptr(GBytes) made_bytes = NULL;

  g_assert_cmpint (run (&out, &err, arg, NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--export=full", output, path, NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, import, made_arg, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  doc = vaern_document_open (made, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (doc)), >=, 40);
  g_clear_object (&doc);

  /* The new document exists now: never replaced. */
  xml_bytes = vaern_test_read (xml);
  made_bytes = vaern_test_read (made);
  assert_export_fails (made, made_bytes, "already exists", import, made_arg, NULL);
  g_unlink (made);
  /* Without --output, with a wrong name, with a document given too. */
  assert_export_fails (xml, xml_bytes, "--output", import, NULL);
  assert_export_fails (xml, xml_bytes, ".vaern", import, "--output=new.txt", NULL);
  assert_export_fails (xml, xml_bytes, "--output", import, made_arg, path, NULL);
  /* A file that is not a full export: the line and the reason. */
  g_assert_true (g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<report/>\n", -1, NULL));
  assert_export_fails (xml, xml_bytes, "line 2", import_bad, made_arg, NULL);
  assert_export_fails (xml, xml_bytes, "No such file", "--import=nothing.xml", made_arg, NULL);
  g_unlink (bad);
  g_unlink (xml);
  g_unlink (path);
}

/* vaern --publish=FILE --to=LOCATION (a database in the -pg run, a new
 * file otherwise); exports from both are the same bytes; import into one. */
static void
test_publish (void)
{
  g_autofree char *path = g_build_filename (dir, "to-publish.vaern", NULL);
  g_autofree char *to = vaern_test_location (dir, "published.vaern");
  g_autofree char *into = vaern_test_location (dir, "imported.vaern");
  g_autofree char *a = g_build_filename (dir, "from-file.xml", NULL);
  g_autofree char *b = g_build_filename (dir, "from-published.xml", NULL);
  g_autofree char *c = g_build_filename (dir, "from-imported.xml", NULL);
  g_autofree char *write = g_strconcat ("--write-demo=", path, NULL);
  g_autofree char *publish = g_strconcat ("--publish=", path, NULL);
  g_autofree char *to_arg = g_strconcat ("--to=", to, NULL);
  g_autofree char *out_a = g_strconcat ("--output=", a, NULL);
  g_autofree char *out_b = g_strconcat ("--output=", b, NULL);
  g_autofree char *out_c = g_strconcat ("--output=", c, NULL);
  g_autofree char *import = g_strconcat ("--import=", b, NULL);
  g_autofree char *into_arg = g_strconcat ("--output=", into, NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GBytes) file_bytes = NULL;
  g_autoptr(GBytes) from_file = NULL;
  g_autoptr(GBytes) from_published = NULL;
  g_autoptr(GBytes) from_imported = NULL;

  /* The exports' time stamp is fixed, so that they can be the same bytes. */
  g_setenv ("SOURCE_DATE_EPOCH", "1795000000", TRUE);
  g_assert_cmpint (run (&out, &err, write, NULL), ==, 0);
  file_bytes = vaern_test_read (path);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, publish, to_arg, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  /* The document published is not changed by it. */
  {
    g_autoptr(GBytes) after = vaern_test_read (path);

    g_assert_true (g_bytes_equal (file_bytes, after));
  }
  g_assert_cmpint (run (&out, &err, "--export=full", out_a, path, NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--export=full", out_b, to, NULL), ==, 0);
  from_file = vaern_test_read (a);
  from_published = vaern_test_read (b);
  g_assert_true (g_bytes_equal (from_file, from_published));
  g_assert_cmpint (run (&out, &err, import, into_arg, NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, "--export=full", out_c, into, NULL), ==, 0);
  from_imported = vaern_test_read (c);
  g_assert_true (g_bytes_equal (from_file, from_imported));

  /* Not twice to the same place; not without --to; --to not alone. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, publish, to_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (err, vaern_test_on_server () ? "holds a Værn document already"
                                                         : "already exists"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, publish, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--to"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, to_arg, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--publish"));
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

/* On a server, each reason a connection fails has its own message, and a
 * password given in the location is never repeated. */
static void
test_server_refusals (void)
{
  const char *host = g_getenv ("VAERN_TEST_PGHOST");
  g_autofree char *missing = NULL, *nobody = NULL, *unreachable = NULL, *other = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *xml = g_build_filename (dir, "never.xml", NULL);
  g_autofree char *output = g_strconcat ("--output=", xml, NULL);

  VAERN_TEST_SERVER_ONLY ();
  missing = g_strdup_printf ("host=%s user=vaern_test dbname=missing password=hemmelig", host);
  nobody = g_strdup_printf ("host=%s user=nobody dbname=postgres", host);
  unreachable = g_strdup_printf ("host=%s/nowhere user=vaern_test dbname=postgres", host);
  other = g_strdup_printf ("host=%s user=vaern_test dbname=postgres", host);

  g_assert_cmpint (run (&out, &err, "--export=full", output, missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "has no database “missing”"));
  g_assert_null (strstr (err, "hemmelig"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "--export=full", output, nobody, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "may not open"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "--export=full", output, unreachable, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "cannot be reached"));
  g_clear_pointer (&err, g_free);
  /* A database with tables of something else is refused, untouched. */
  {
    PGconn *conn = PQconnectdb (other);
    PGresult *result = PQexec (conn, "CREATE TABLE ledger (id int)");

    g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
    PQclear (result);
    PQfinish (conn);
  }
  g_assert_cmpint (run (&out, &err, "--export=full", output, other, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "holds something other than a Værn document"));
  g_assert_false (g_file_test (xml, G_FILE_TEST_EXISTS));
}

static void
test_version (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run (&out, NULL, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "vaern " PACKAGE_VERSION));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = vaern_test_tmpdir ();

  g_test_add_func ("/vaern/cli/write-demo", test_write_demo);
  g_test_add_func ("/vaern/cli/write-large", test_write_large);
  g_test_add_func ("/vaern/cli/import-systems", test_import_systems);
  g_test_add_func ("/vaern/cli/export", test_export);
  g_test_add_func ("/vaern/cli/export-every-kind", test_export_every_kind);
  g_test_add_func ("/vaern/cli/import", test_import);
  g_test_add_func ("/vaern/cli/publish", test_publish);
  g_test_add_func ("/vaern/cli/server-refusals", test_server_refusals);
  g_test_add_func ("/vaern/cli/version", test_version);

  status = g_test_run ();
  vaern_test_rmdir (dir);
  g_free (dir);
  return status;
}
