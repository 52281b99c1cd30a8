/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "store/vaern-document-private.h"
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
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("VAERN_BINARY");
  int status = -1;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; p && *p; p++)
    n += *p == '\n';
  return n;
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
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "vaern: "));
  after = vaern_test_read (path);
  g_assert_true (g_bytes_equal (before, after));

  /* A folder that does not exist. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "--write-demo=/nonexistent/dir/demo.vaern", NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);
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
  g_assert_cmpuint (count_lines (err), ==, 2);
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
  g_assert_cmpuint (count_lines (err), ==, 1);
  after = vaern_test_read (path);
  g_assert_true (g_bytes_equal (before, after));

  /* No document named. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, arg, NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);

  /* A foreign file as the document: refused, untouched. */
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);
  before = vaern_test_read (csv);
  g_assert_cmpint (run (NULL, &err, arg, csv, NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);
  after = vaern_test_read (csv);
  g_assert_true (g_bytes_equal (before, after));
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
  g_test_add_func ("/vaern/cli/version", test_version);

  status = g_test_run ();
  vaern_test_rmdir (dir);
  g_free (dir);
  return status;
}
