/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The same work on a file document and on the same document on a
 * PostgreSQL server, side by side, with the server's figures as ratios to
 * the file's (measured in the same run):
 *
 *   vaern-bench-backends [LARGE.vaern] [LOCATION]
 *
 * Without a file, the large document (2,000 systems, 20,000 risks) is made
 * first. LOCATION is an empty database; without it, under
 * tests/with-postgresql.sh, a new database of that server is used. Not a
 * test: it prints the figures. */
#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "app/vaern-cli.h"
#include "report/vaern-report.h"
#include "store/vaern-document.h"

typedef struct
{
  double open_ms;
  double edit_ms;    /* median of one edit committed */
  double undo_ms;
  double export_ms;
  double import_ms;
} Figures;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static char *
new_database (const char *name)
{
  const char *host = g_getenv ("VAERN_TEST_PGHOST");
  const char *user = g_getenv ("VAERN_TEST_PGUSER");
  g_autofree char *admin = NULL;
  g_autofree char *sql = NULL;
  PGconn *conn;

  if (host == NULL)
    return NULL;
  admin = g_strdup_printf ("host=%s user=%s dbname=postgres", host, user);
  conn = PQconnectdb (admin);
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s; ", name);
  PQclear (PQexec (conn, sql));
  g_free (sql);
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  PQclear (PQexec (conn, sql));
  PQfinish (conn);
  return g_strdup_printf ("host=%s user=%s dbname=%s", host, user, name);
}

/* Opens the document, edits one system's purpose 21 times (each its own
 * committed change set), undoes the last, exports it whole and imports
 * that export into import_to. */
static gboolean
measure (const char *location,
         const char *xml,
         const char *import_to,
         Figures    *f,
         GError    **error)
{
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(VaernAsset) asset = NULL;
  gint64 start = g_get_monotonic_time ();

  doc = vaern_document_open (location, error);
  if (doc == NULL)
    return FALSE;
  f->open_ms = ms_since (start);

  asset = vaern_asset_copy (g_list_model_get_item (vaern_document_get_assets (doc), 7));
  g_object_unref (g_list_model_get_item (vaern_document_get_assets (doc), 7));
  for (guint i = 0; i < 21; i++)
    {
      double t;

      g_free (asset->purpose);
      asset->purpose = g_strdup_printf ("Formål, udgave %u", i);
      start = g_get_monotonic_time ();
      if (!vaern_document_update_asset (doc, asset, error))
        return FALSE;
      t = ms_since (start);
      g_array_append_val (edits, t);
    }
  g_array_sort (edits, compare_double);
  f->edit_ms = g_array_index (edits, double, edits->len / 2);

  start = g_get_monotonic_time ();
  if (!vaern_document_undo (doc, error))
    return FALSE;
  f->undo_ms = ms_since (start);

  start = g_get_monotonic_time ();
  if (!vaern_report_write_full (doc, xml, error))
    return FALSE;
  f->export_ms = ms_since (start);

  start = g_get_monotonic_time ();
  if (!vaern_report_import_full (xml, import_to, error))
    return FALSE;
  f->import_ms = ms_since (start);
  return TRUE;
}

static void
row (const char *what,
     double      file,
     double      server)
{
  g_print ("%-34s %10.1f ms %10.1f ms %7.2f×\n", what, file, server, file > 0 ? server / file : 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vaern-bench-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *location = NULL;
  g_autofree char *server_copy = NULL;
  g_autofree char *file_xml = g_build_filename (dir, "file.xml", NULL);
  g_autofree char *server_xml = g_build_filename (dir, "server.xml", NULL);
  g_autofree char *file_copy = g_build_filename (dir, "copy.vaern", NULL);
  Figures file = { 0 }, server = { 0 };
  double publish_ms;
  gint64 start;

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      path = g_build_filename (dir, "large.vaern", NULL);
      if (!vaern_cli_make_sample (path, TRUE, &error))
        {
          g_printerr ("vaern-bench-backends: %s\n", error->message);
          return 1;
        }
    }
  location = argc > 2 ? g_strdup (argv[2]) : new_database ("vaern_bench");
  server_copy = new_database ("vaern_bench_copy");
  if (location == NULL || server_copy == NULL)
    {
      g_printerr ("vaern-bench-backends: give an empty database, or run under "
                  "tests/with-postgresql.sh\n");
      return 1;
    }

  {
    g_autoptr(VaernDocument) doc = vaern_document_open_snapshot (path, &error);

    start = g_get_monotonic_time ();
    if (doc == NULL || !vaern_document_publish (doc, location, NULL, &error))
      {
        g_printerr ("vaern-bench-backends: %s\n", error->message);
        return 1;
      }
    publish_ms = ms_since (start);
  }

  if (!measure (path, file_xml, file_copy, &file, &error)
      || !measure (location, server_xml, server_copy, &server, &error))
    {
      g_printerr ("vaern-bench-backends: %s\n", error->message);
      return 1;
    }

  g_print ("%-34s %13s %13s %8s\n", "", "file", "server", "ratio");
  row ("open (every list read)", file.open_ms, server.open_ms);
  row ("one edit committed (median of 21)", file.edit_ms, server.edit_ms);
  row ("undo of one edit", file.undo_ms, server.undo_ms);
  row ("full export as XML", file.export_ms, server.export_ms);
  row ("import of that export (into same)", file.import_ms, server.import_ms);
  g_print ("%-34s %13s %10.1f ms\n", "publish the file to the server", "", publish_ms);
  g_print ("targets: server edit < 20 ms; server export within 2× of the file's\n");
  g_print ("server edit: %s; export ratio: %s\n", server.edit_ms < 20 ? "ok" : "SLOW",
           server.export_ms < 2 * file.export_ms ? "ok" : "SLOW");

  g_unlink (file_xml);
  g_unlink (server_xml);
  g_unlink (file_copy);
  if (argc <= 1)
    g_unlink (path);
  g_rmdir (dir);
  return 0;
}
