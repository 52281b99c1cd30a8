/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "report/vaern-report.h"
#include "store/vaern-document.h"

/* Writes the small seeds of the document and full-import targets: a new
 * document (vaern_document_create) with one of each of the things a person
 * adds first, so the file has rows in the main tables and in the change
 * log, and its full export. Not part of the suite; run by hand when the
 * format changes (README.md):
 *   vaern-fuzz-seeds tests/fuzz/corpus */

static void
check (gboolean      ok,
       const GError *error)
{
  if (!ok)
    {
      fprintf (stderr, "vaern-fuzz-seeds: %s\n", error ? error->message : "failed");
      exit (1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(VaernUnit) unit = vaern_unit_new ();
  g_autoptr(VaernPerson) person = vaern_person_new ();
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(VaernRisk) risk = vaern_risk_new ();
  g_autoptr(VaernRole) owner = NULL;
  g_autofree char *vaern_path = NULL;
  g_autofree char *xml_path = NULL;
  gint64 unit_id, person_id, asset_id;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s CORPUS-FOLDER\n", argv[0]);
      return 2;
    }
  vaern_path = g_build_filename (argv[1], "document", "small.vaern", NULL);
  xml_path = g_build_filename (argv[1], "full-import", "small.xml", NULL);
  g_unlink (vaern_path);

  doc = vaern_document_create (vaern_path, "Lille Kommune", &error);
  check (doc != NULL, error);

  unit->name = g_strdup ("IT og Digitalisering");
  unit->kind = VAERN_UNIT_KIND_DEPARTMENT;
  unit_id = vaern_document_add_unit (doc, unit, &error);
  check (unit_id > 0, error);

  person->name = g_strdup ("Søren Ærø");
  person->email = g_strdup ("soeren@lille.dk");
  person->unit_id = unit_id;
  person_id = vaern_document_add_person (doc, person, &error);
  check (person_id > 0, error);

  asset->name = g_strdup ("Økonomisystem");
  asset->purpose = g_strdup ("Bogføring");
  asset->supplier = g_strdup ("KMD");
  asset->unit_id = unit_id;
  asset->confidentiality = VAERN_LEVEL_HIGH;
  asset_id = vaern_document_add_asset (doc, asset, &error);
  check (asset_id > 0, error);

  owner = vaern_document_find_role_by_key (doc, VAERN_ROLE_SYSTEM_OWNER);
  check (owner != NULL, NULL);
  check (vaern_document_assign (doc, asset_id, person_id,
                                vaern_record_get_id (VAERN_RECORD (owner)), "2024-01-01", FALSE,
                                &error) > 0,
         error);

  risk->asset_id = asset_id;
  risk->title = g_strdup ("Ransomware krypterer bilag");
  risk->likelihood = 3;
  risk->consequence_c = 2;
  risk->consequence_i = 4;
  risk->consequence_a = 3;
  risk->owner_id = person_id;
  check (vaern_document_add_risk (doc, risk, &error) > 0, error);

  check (vaern_report_write_full (doc, xml_path, &error), error);
  vaern_document_close (doc);
  printf ("%s\n%s\n", vaern_path, xml_path);
  return 0;
}
