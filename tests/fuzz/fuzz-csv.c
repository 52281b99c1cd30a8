/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/vaern-core-error.h"
#include "core/vaern-csv.h"
#include "vaern-fuzz.h"

/* The CSV reader (vaern_csv_parse) on any bytes, and the guessing of a
 * column's field from its header. Beyond not crashing, a parsed file must
 * keep the reader's promises: text in UTF-8, one of the three separators,
 * a header, rows that start on later lines than the ones before them. */

/* Headers and fields are guessed for at most this many columns: each guess
 * normalises a hundred aliases, and a wide row would only repeat it. */
#define MAX_GUESSED 64

static void
check_field (const char *field)
{
  VAERN_FUZZ_CHECK (field != NULL);
  VAERN_FUZZ_CHECK (g_utf8_validate (field, -1, NULL));
}

static void
check_csv (VaernCsv *csv,
           size_t    size)
{
  const char *encoding = vaern_csv_get_encoding (csv);
  char separator = vaern_csv_get_separator (csv);
  guint n_columns = vaern_csv_get_n_columns (csv);
  guint n_rows = vaern_csv_get_n_rows (csv);
  guint last_line = 0;
  gboolean any = FALSE;

  VAERN_FUZZ_CHECK (encoding != NULL);
  VAERN_FUZZ_CHECK (g_str_equal (encoding, "UTF-8") || g_str_equal (encoding, "WINDOWS-1252")
                    || g_str_equal (encoding, "UTF-16LE") || g_str_equal (encoding, "UTF-16BE"));
  VAERN_FUZZ_CHECK (separator == ';' || separator == ',' || separator == '\t');

  /* The header is the first record with something in it. */
  VAERN_FUZZ_CHECK (n_columns >= 1);
  VAERN_FUZZ_CHECK (n_columns <= size);
  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = vaern_csv_get_header (csv, c);
      VaernSystemField field;

      check_field (header);
      any = any || header[0] != '\0';
      if (c < MAX_GUESSED)
        {
          field = vaern_system_field_guess (header);
          VAERN_FUZZ_CHECK ((guint) field < vaern_enum_system_field.n_entries);
        }
    }
  VAERN_FUZZ_CHECK (any);
  VAERN_FUZZ_CHECK (vaern_csv_get_header (csv, n_columns) == NULL);

  VAERN_FUZZ_CHECK (n_rows <= size);
  for (guint r = 0; r < n_rows; r++)
    {
      guint width = vaern_csv_get_row_width (csv, r);
      guint line = vaern_csv_get_row_line (csv, r);

      /* A blank row is never a row; each starts below the one before. */
      VAERN_FUZZ_CHECK (width >= 1);
      VAERN_FUZZ_CHECK (line > last_line);
      VAERN_FUZZ_CHECK (line >= 2);
      last_line = line;

      any = FALSE;
      for (guint c = 0; c < width; c++)
        {
          const char *field = vaern_csv_get (csv, r, c);

          check_field (field);
          any = any || field[0] != '\0';
          /* A field the reader made from the file is anything a person
           * may have typed: the guess must take it as a header too. */
          if (r == 0 && c < MAX_GUESSED)
            VAERN_FUZZ_CHECK ((guint) vaern_system_field_guess (field)
                              < vaern_enum_system_field.n_entries);
        }
      VAERN_FUZZ_CHECK (any);
      VAERN_FUZZ_CHECK (vaern_csv_get (csv, r, width) == NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VaernCsv) csv = NULL;
  g_autoptr(GError) error = NULL;

  vaern_fuzz_setup ();

  /* The guess takes any text, UTF-8 or not, as a header. */
  if (size <= 256)
    {
      g_autofree char *text = g_strndup ((const char *) data, size);

      VAERN_FUZZ_CHECK ((guint) vaern_system_field_guess (text)
                        < vaern_enum_system_field.n_entries);
    }

  bytes = g_bytes_new (data, size);
  csv = vaern_csv_parse (bytes, &error);
  if (csv == NULL)
    {
      vaern_fuzz_check_error (error);
      VAERN_FUZZ_CHECK (error->domain == VAERN_CORE_ERROR);
      return 0;
    }
  VAERN_FUZZ_CHECK (error == NULL);
  check_csv (csv, size);

  return 0;
}
