/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "store/vaern-document-private.h"
#include "vaern-cli.h"

#define LARGE_SYSTEMS 2000
#define LARGE_PEOPLE  1000
#define LARGE_RISKS   20000

static int
fail (const char   *what,
      const GError *error)
{
  g_printerr ("vaern: %s: %s\n", what, error->message);
  return 1;
}

/**
 * vaern_cli_make_sample:
 *
 * Writes the sample document to a temporary name beside @path and renames
 * it into place when complete, so an interrupted run leaves no half-made
 * document under the real name.
 */
gboolean
vaern_cli_make_sample (const char *path,
                       gboolean    large,
                       GError    **error)
{
  g_autofree char *tmp = g_strconcat (path, ".partial", NULL);
  g_autoptr(VaernDocument) doc = NULL;
  gboolean ok;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   /* Translators: %s is a file name */
                   _("“%s” already exists; it was not changed. Choose a new file name."), name);
      return FALSE;
    }

  g_unlink (tmp);
  doc = vaern_document_create (tmp, NULL, error);
  if (doc == NULL)
    return FALSE;

  /* A sample is made, not edited: no change log and no undo step. */
  vaern_document_set_audit (doc, FALSE);
  ok = large ? vaern_document_fill_large (doc, LARGE_SYSTEMS, LARGE_PEOPLE, LARGE_RISKS, error)
             : vaern_document_fill_demo (doc, error);
  vaern_document_set_audit (doc, TRUE);
  vaern_document_forget_undo (doc);
  vaern_document_close (doc);

  if (!ok || g_rename (tmp, path) != 0)
    {
      if (ok)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("The document could not be written. Check the folder and the free space."));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

int
vaern_cli_write_demo (const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!vaern_cli_make_sample (path, FALSE, &error))
    return fail (path, error);
  return 0;
}

int
vaern_cli_write_large (const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!vaern_cli_make_sample (path, TRUE, &error))
    return fail (path, error);
  return 0;
}

int
vaern_cli_import_systems (const char *csv_path,
                          const char *document_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (csv_path);
  g_autoptr(VaernCsv) csv = NULL;
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(VaernImportReport) report = NULL;
  g_autofree VaernSystemField *mapping = NULL;
  guint n_columns;

  if (document_path == NULL)
    {
      g_printerr ("vaern: %s\n", _("--import-systems needs the document to import into: "
                                   "vaern --import-systems=LIST.csv FILE.vaern"));
      return 1;
    }

  csv = vaern_csv_read_file (file, &error);
  if (csv == NULL)
    return fail (csv_path, error);

  n_columns = vaern_csv_get_n_columns (csv);
  mapping = g_new0 (VaernSystemField, MAX (n_columns, 1));
  for (guint c = 0; c < n_columns; c++)
    mapping[c] = vaern_system_field_guess (vaern_csv_get_header (csv, c));

  doc = vaern_document_open (document_path, &error);
  if (doc == NULL)
    return fail (document_path, error);
  if (vaern_document_get_read_only (doc))
    {
      g_printerr ("vaern: %s: %s\n", document_path,
                  _("The document is read-only; nothing was imported."));
      return 1;
    }

  report = vaern_document_import_systems (doc, csv, mapping, FALSE, &error);
  if (report == NULL)
    return fail (csv_path, error);

  for (guint i = 0; i < report->skipped->len; i++)
    {
      VaernImportSkip *skip = report->skipped->pdata[i];

      /* Translators: a skipped CSV row: file, line number, name, reason */
      g_printerr (_("%s:%u: skipped “%s”: %s\n"), csv_path, skip->line, skip->name, skip->reason);
    }
  /* Translators: the summary of a CSV import on the command line */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u system", "Imported %u systems",
                        report->n_imported), report->n_imported);
  g_print (g_dngettext (GETTEXT_PACKAGE, "; skipped %u row.\n", "; skipped %u rows.\n",
                        report->skipped->len), report->skipped->len);

  return report->n_imported > 0 || report->skipped->len == 0 ? 0 : 1;
}
