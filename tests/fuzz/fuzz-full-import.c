/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "report/vaern-report.h"
#include "store/vaern-document.h"
#include "vaern-fuzz-document.h"
#include "vaern-fuzz.h"

/* The import of a full export (vaern --import=IN.xml --output=NEW.vaern)
 * on any bytes. The promises checked: the XML file is never changed; a
 * refused file leaves nothing behind and says why; an accepted one becomes
 * a document that opens and reads. */

#define XML_NAME   "input.xml"
#define VAERN_NAME "imported.vaern"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *xml_path, *vaern_path;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (xml_path == NULL)
    {
      xml_path = vaern_fuzz_path (XML_NAME);
      vaern_path = vaern_fuzz_path (VAERN_NAME);
    }

  vaern_fuzz_write (xml_path, data, size);
  ok = vaern_report_import_full (xml_path, vaern_path, &error);
  VAERN_FUZZ_CHECK (vaern_fuzz_same (xml_path, data, size));
  if (!ok)
    {
      vaern_fuzz_check_error (error);
      VAERN_FUZZ_CHECK (error->domain == VAERN_REPORT_ERROR || error->domain == VAERN_STORE_ERROR);
      VAERN_FUZZ_CHECK (!g_file_test (vaern_path, G_FILE_TEST_EXISTS));
      VAERN_FUZZ_CHECK (vaern_fuzz_folder_holds_only (XML_NAME, NULL));
    }
  else
    {
      g_autoptr(VaernDocument) doc = NULL;

      VAERN_FUZZ_CHECK (error == NULL);
      VAERN_FUZZ_CHECK (vaern_fuzz_folder_holds_only (XML_NAME, VAERN_NAME, NULL));
      /* What the import made, Værn opens. */
      doc = vaern_document_open (vaern_path, &error);
      if (doc == NULL)
        fprintf (stderr, "vaern-fuzz: the imported document does not open: %s\n",
                 error->message);
      VAERN_FUZZ_CHECK (doc != NULL);
      vaern_fuzz_read_document (doc);
      vaern_document_close (doc);
    }

  vaern_fuzz_remove (vaern_path);
  vaern_fuzz_remove (xml_path);
  return 0;
}
