/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "store/vaern-document.h"
#include "vaern-fuzz-document.h"
#include "vaern-fuzz.h"

/* Opening a .vaern file that was changed outside Værn: any bytes, most of
 * them a mutated SQLite file. A file that opens is read as the window
 * reads it; a file that is refused is refused with a message and exactly
 * as it was, with nothing left beside it. */

#define NAME "fuzzed.vaern"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path;
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = vaern_fuzz_path (NAME);

  vaern_fuzz_write (path, data, size);
  doc = vaern_document_open (path, &error);
  if (doc == NULL)
    {
      vaern_fuzz_check_error (error);
      VAERN_FUZZ_CHECK (error->domain == VAERN_STORE_ERROR);
      /* "A bad file is refused untouched." */
      VAERN_FUZZ_CHECK (vaern_fuzz_same (path, data, size));
      VAERN_FUZZ_CHECK (vaern_fuzz_folder_holds_only (NAME, NULL));
    }
  else
    {
      VAERN_FUZZ_CHECK (error == NULL);
      vaern_fuzz_read_document (doc);
      vaern_document_close (doc);
    }

  g_clear_object (&doc);
  vaern_fuzz_remove (path);
  return 0;
}
