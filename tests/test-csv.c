/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/vaern-core-error.h"
#include "core/vaern-csv.h"

static VaernCsv *
parse_len (const char *data,
           gsize       len,
           GError    **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);

  return vaern_csv_parse (bytes, error);
}

static VaernCsv *
parse_ok (const char *data)
{
  g_autoptr (GError) error = NULL;
  VaernCsv *csv = parse_len (data, strlen (data), &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static void
test_utf8 (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("Navn;Leverandør\nØkonomisystem;Åben Software\n");

  g_assert_cmpstr (vaern_csv_get_encoding (csv), ==, "UTF-8");
  g_assert_cmpint (vaern_csv_get_separator (csv), ==, ';');
  g_assert_cmpuint (vaern_csv_get_n_columns (csv), ==, 2);
  g_assert_cmpstr (vaern_csv_get_header (csv, 0), ==, "Navn");
  g_assert_cmpstr (vaern_csv_get_header (csv, 1), ==, "Leverandør");
  g_assert_null (vaern_csv_get_header (csv, 2));
  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 1);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 0), ==, "Økonomisystem");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==, "Åben Software");
}

static void
test_utf8_bom (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("\xEF\xBB\xBFNavn;Formål\r\nESDH;Sager\r\n");

  g_assert_cmpstr (vaern_csv_get_encoding (csv), ==, "UTF-8");
  /* The byte order mark must not end up in the first header. */
  g_assert_cmpstr (vaern_csv_get_header (csv, 0), ==, "Navn");
  g_assert_cmpstr (vaern_csv_get_header (csv, 1), ==, "Formål");
  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 1);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==, "Sager");
}

static void
test_utf8_bom_invalid (void)
{
  g_autoptr (GError) error = NULL;
  const char data[] = "\xEF\xBB\xBFNavn;Formål\r\nESDH;Sager\r\nL\xF8n;x\r\n";
  g_autoptr (VaernCsv) csv = parse_len (data, sizeof data - 1, &error);

  g_assert_null (csv);
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "line 3"));
}

static void
test_windows_1252 (void)
{
  /* "Navn;Leverandør\r\nLøn;Ærø Data\r\nÅbent;æøå ÆØÅ €\r\n" in Windows-1252 */
  g_autoptr (VaernCsv) csv = parse_ok ("Navn;Leverand\xF8r\r\n"
                                       "L\xF8n;\xC6r\xF8 Data\r\n"
                                       "\xC5" "bent;\xE6\xF8\xE5 \xC6\xD8\xC5 \x80\r\n");

  g_assert_cmpstr (vaern_csv_get_encoding (csv), ==, "WINDOWS-1252");
  g_assert_cmpstr (vaern_csv_get_header (csv, 1), ==, "Leverandør");
  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 2);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 0), ==, "Løn");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==, "Ærø Data");
  g_assert_cmpstr (vaern_csv_get (csv, 1, 0), ==, "Åbent");
  g_assert_cmpstr (vaern_csv_get (csv, 1, 1), ==, "æøå ÆØÅ €");
  g_assert_true (g_utf8_validate (vaern_csv_get (csv, 1, 1), -1, NULL));
}

static void
test_windows_1252_undefined (void)
{
  /* 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not defined in Windows-1252. */
  g_autoptr (VaernCsv) csv = parse_ok ("Navn;Noter\na\x81" "b;\x8D\x8F\x90\x9D\xE6\n");

  g_assert_cmpstr (vaern_csv_get_encoding (csv), ==, "WINDOWS-1252");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 0), ==, "a\xEF\xBF\xBD" "b");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==,
                   "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "æ");
}

static void
test_utf16 (void)
{
  /* Excel's "Unicode text": UTF-16LE with a byte order mark, tabs. */
  static const char data[] = "\xFF\xFE"
                             "N\0a\0v\0n\0\t\0F\0o\0r\0m\0\xE5\0l\0\r\0\n\0"
                             "L\0\xF8\0n\0\t\0x\0\r\0\n\0";
  g_autoptr (GError) error = NULL;
  g_autoptr (VaernCsv) csv = parse_len (data, sizeof data - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (vaern_csv_get_encoding (csv), ==, "UTF-16LE");
  g_assert_cmpint (vaern_csv_get_separator (csv), ==, '\t');
  g_assert_cmpstr (vaern_csv_get_header (csv, 1), ==, "Formål");
  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 1);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 0), ==, "Løn");
}

static void
test_separator_semicolon (void)
{
  /* Commas inside the fields of a Danish Excel file are not separators. */
  g_autoptr (VaernCsv) csv = parse_ok ("Navn;Beskrivelse, kort;Pris\nA;b, c;1,5\n");

  g_assert_cmpint (vaern_csv_get_separator (csv), ==, ';');
  g_assert_cmpuint (vaern_csv_get_n_columns (csv), ==, 3);
  g_assert_cmpstr (vaern_csv_get_header (csv, 1), ==, "Beskrivelse, kort");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==, "b, c");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 2), ==, "1,5");
}

static void
test_separator_comma (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("Name,Supplier,\"Notes; misc\"\nA,B,C;D\n");

  g_assert_cmpint (vaern_csv_get_separator (csv), ==, ',');
  g_assert_cmpuint (vaern_csv_get_n_columns (csv), ==, 3);
  g_assert_cmpstr (vaern_csv_get_header (csv, 2), ==, "Notes; misc");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 2), ==, "C;D");
}

static void
test_separator_tab (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("Navn\tLeverandør\tNoter\nA, B\t C \t\n");

  g_assert_cmpint (vaern_csv_get_separator (csv), ==, '\t');
  g_assert_cmpuint (vaern_csv_get_n_columns (csv), ==, 3);
  g_assert_cmpuint (vaern_csv_get_row_width (csv, 0), ==, 3);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 0), ==, "A, B");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==, "C");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 2), ==, "");
}

static void
test_separator_tie (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("a;b,c\n1;2,3\n");

  g_assert_cmpint (vaern_csv_get_separator (csv), ==, ';');
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==, "2,3");
}

static void
test_quoted (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("Navn;Noter;Pris\r\n"
                                       "\"A;B\";\"Han sagde \"\"hej\"\"\";\"\"\r\n"
                                       "\"Linje 1\r\nLinje 2\nLinje 3\";\"  mellemrum  \";x\r\n");

  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 2);
  g_assert_cmpuint (vaern_csv_get_row_width (csv, 0), ==, 3);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 0), ==, "A;B");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==, "Han sagde \"hej\"");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 2), ==, "");
  /* Line breaks inside quotes become "\n"; spaces inside quotes stay. */
  g_assert_cmpstr (vaern_csv_get (csv, 1, 0), ==, "Linje 1\nLinje 2\nLinje 3");
  g_assert_cmpstr (vaern_csv_get (csv, 1, 1), ==, "  mellemrum  ");
  g_assert_cmpstr (vaern_csv_get (csv, 1, 2), ==, "x");
}

static void
test_trimming (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("  Navn ; Leverandør\n  Løn  system ;  \"KMD\" \n");

  g_assert_cmpstr (vaern_csv_get_header (csv, 0), ==, "Navn");
  g_assert_cmpstr (vaern_csv_get_header (csv, 1), ==, "Leverandør");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 0), ==, "Løn  system");
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==, "KMD");
}

static void
test_line_endings (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("a;b\rc;d\r\ne;f\ng;h");

  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 3);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==, "d");
  g_assert_cmpstr (vaern_csv_get (csv, 1, 0), ==, "e");
  g_assert_cmpstr (vaern_csv_get (csv, 2, 1), ==, "h");
  g_assert_cmpuint (vaern_csv_get_row_line (csv, 0), ==, 2);
  g_assert_cmpuint (vaern_csv_get_row_line (csv, 1), ==, 3);
  g_assert_cmpuint (vaern_csv_get_row_line (csv, 2), ==, 4);
}

static void
test_row_lines (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("Navn;Noter\r\n"         /* 1 */
                                       "A;\"en\r\nto\r\ntre\"\r\n" /* 2-4 */
                                       "B;x\r\n"               /* 5 */
                                       "\r\n"                  /* 6 */
                                       "C;\"\n\"\n"            /* 7-8 */
                                       "D;y\n");               /* 9 */

  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 4);
  g_assert_cmpuint (vaern_csv_get_row_line (csv, 0), ==, 2);
  g_assert_cmpuint (vaern_csv_get_row_line (csv, 1), ==, 5);
  g_assert_cmpuint (vaern_csv_get_row_line (csv, 2), ==, 7);
  g_assert_cmpuint (vaern_csv_get_row_line (csv, 3), ==, 9);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 1), ==, "en\nto\ntre");
  g_assert_cmpstr (vaern_csv_get (csv, 1, 0), ==, "B");
  g_assert_cmpstr (vaern_csv_get (csv, 3, 0), ==, "D");
}

static void
test_short_long_rows (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("a;b;c\n1\n1;2\n1;2;3;4;5\n1;2;;\n");

  g_assert_cmpuint (vaern_csv_get_n_columns (csv), ==, 3);
  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 4);

  g_assert_cmpuint (vaern_csv_get_row_width (csv, 0), ==, 1);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 0), ==, "1");
  g_assert_null (vaern_csv_get (csv, 0, 1));
  g_assert_null (vaern_csv_get (csv, 0, 2));

  g_assert_cmpuint (vaern_csv_get_row_width (csv, 1), ==, 2);
  g_assert_cmpstr (vaern_csv_get (csv, 1, 1), ==, "2");
  g_assert_null (vaern_csv_get (csv, 1, 2));

  g_assert_cmpuint (vaern_csv_get_row_width (csv, 2), ==, 5);
  g_assert_cmpstr (vaern_csv_get (csv, 2, 4), ==, "5");
  g_assert_null (vaern_csv_get (csv, 2, 5));

  g_assert_cmpuint (vaern_csv_get_row_width (csv, 3), ==, 4);
  g_assert_cmpstr (vaern_csv_get (csv, 3, 2), ==, "");
  g_assert_cmpstr (vaern_csv_get (csv, 3, 3), ==, "");
}

static void
test_blank_lines (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("\n  \n;;\nNavn;Noter\n\nA;1\n \t \n;\n\"\";\nB;2\n\n\n");

  g_assert_cmpstr (vaern_csv_get_header (csv, 0), ==, "Navn");
  g_assert_cmpuint (vaern_csv_get_n_columns (csv), ==, 2);
  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 2);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 0), ==, "A");
  g_assert_cmpuint (vaern_csv_get_row_line (csv, 0), ==, 6);
  g_assert_cmpstr (vaern_csv_get (csv, 1, 0), ==, "B");
  g_assert_cmpuint (vaern_csv_get_row_line (csv, 1), ==, 10);
}

static void
test_header_only (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("Navn;Leverandør\r\n\r\n");

  g_assert_cmpuint (vaern_csv_get_n_columns (csv), ==, 2);
  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 0);
}

static void
test_unterminated_quote (void)
{
  g_autoptr (GError) error = NULL;
  const char *data = "Navn;Noter\nA;b\nC;\"d\ne\nf\n";
  g_autoptr (VaernCsv) csv = parse_len (data, strlen (data), &error);

  g_assert_null (csv);
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "line 3"));
}

static void
test_empty (void)
{
  static const char *const files[] = { "", "\n", "  \r\n\r\n\t\n", ";;;\n;;\n", "\xEF\xBB\xBF" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (VaernCsv) csv = parse_len (files[i], strlen (files[i]), &error);

      g_assert_null (csv);
      g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV);
      g_assert_nonnull (strstr (error->message, "empty"));
    }
}

static void
test_binary (void)
{
  static const char nul[] = "Navn;Noter\nA;b\0c\n";
  static const char xlsx[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0";
  g_autoptr (GError) error = NULL;
  g_autoptr (VaernCsv) csv = parse_len (nul, sizeof nul - 1, &error);

  g_assert_null (csv);
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV);
  g_assert_nonnull (strstr (error->message, "save it as CSV"));
  g_clear_error (&error);

  csv = parse_len (xlsx, sizeof xlsx - 1, &error);
  g_assert_null (csv);
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV);
}

static void
test_system_field_enum (void)
{
  static const char *const keys[] = {
    "ignore", "name", "kind", "purpose", "kitos_uuid", "supplier",
    "hosting", "lifecycle", "unit", "personal_data", "dpa", "dpa_date",
    "criticality", "confidentiality", "integrity", "availability",
    "next_review", "notes",
  };

  g_assert_cmpuint (vaern_enum_system_field.n_entries, ==, G_N_ELEMENTS (keys));
  g_assert_cmpuint (vaern_enum_system_field.n_entries, ==, VAERN_SYSTEM_FIELD_NOTES + 1);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (vaern_enum_key (&vaern_enum_system_field, i), ==, keys[i]);

  g_assert_cmpstr (vaern_enum_label (&vaern_enum_system_field, VAERN_SYSTEM_FIELD_IGNORE), ==,
                   "Do not import");
  g_assert_cmpstr (vaern_enum_label (&vaern_enum_system_field, VAERN_SYSTEM_FIELD_HOSTING), ==,
                   "Operation");
}

static void
test_guess_kitos (void)
{
  g_autoptr (VaernCsv) csv = parse_ok ("\xEF\xBB\xBF\"UUID\";\"IT System\";\"Beskrivelse\";"
                                       "\"Leverandør\";\"Ansvarlig organisationsenhed\";"
                                       "\"Livscyklus\";\"Databehandleraftale\";"
                                       "\"Lokal system-ID\";\"Systemejer\"\r\n");
  static const VaernSystemField expected[] = {
    VAERN_SYSTEM_FIELD_KITOS_UUID, VAERN_SYSTEM_FIELD_NAME,
    VAERN_SYSTEM_FIELD_PURPOSE,    VAERN_SYSTEM_FIELD_SUPPLIER,
    VAERN_SYSTEM_FIELD_UNIT,       VAERN_SYSTEM_FIELD_LIFECYCLE,
    VAERN_SYSTEM_FIELD_DPA,        VAERN_SYSTEM_FIELD_IGNORE,
    VAERN_SYSTEM_FIELD_IGNORE,
  };

  g_assert_cmpuint (vaern_csv_get_n_columns (csv), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (vaern_system_field_guess (vaern_csv_get_header (csv, i)), ==, expected[i]);

  g_assert_cmpint (vaern_system_field_guess ("KITOS UUID"), ==, VAERN_SYSTEM_FIELD_KITOS_UUID);
  g_assert_cmpint (vaern_system_field_guess ("Kitos-id"), ==, VAERN_SYSTEM_FIELD_KITOS_UUID);
  g_assert_cmpint (vaern_system_field_guess ("IT-system"), ==, VAERN_SYSTEM_FIELD_NAME);
}

static void
test_guess_danish_excel (void)
{
  /* Windows-1252, as Danish Excel saves "CSV (semikolonsepareret)". */
  g_autoptr (VaernCsv) csv = parse_ok ("Systemnavn;Form\xE5l;Leverand\xF8r;Driftsform;"
                                       "Enhed;Personoplysninger;DBA;DBA dato;"
                                       "Kritikalitet;Fortrolighed;Integritet;"
                                       "Tilg\xE6ngelighed;N\xE6ste gennemgang;"
                                       "Bem\xE6rkninger;Aktivtype;Kontaktperson\r\n"
                                       "L\xF8n;Udbetaling af l\xF8n;KMD;Leverand\xF8r;"
                                       "HR;Almindelige;Underskrevet;01-02-2024;"
                                       "H\xF8j;H\xF8j;Middel;Lav;31-12-2026;;System;Jens\r\n");
  static const VaernSystemField expected[] = {
    VAERN_SYSTEM_FIELD_NAME,          VAERN_SYSTEM_FIELD_PURPOSE,
    VAERN_SYSTEM_FIELD_SUPPLIER,      VAERN_SYSTEM_FIELD_HOSTING,
    VAERN_SYSTEM_FIELD_UNIT,          VAERN_SYSTEM_FIELD_PERSONAL_DATA,
    VAERN_SYSTEM_FIELD_DPA,           VAERN_SYSTEM_FIELD_DPA_DATE,
    VAERN_SYSTEM_FIELD_CRITICALITY,   VAERN_SYSTEM_FIELD_CONFIDENTIALITY,
    VAERN_SYSTEM_FIELD_INTEGRITY,     VAERN_SYSTEM_FIELD_AVAILABILITY,
    VAERN_SYSTEM_FIELD_NEXT_REVIEW,   VAERN_SYSTEM_FIELD_NOTES,
    VAERN_SYSTEM_FIELD_KIND,          VAERN_SYSTEM_FIELD_IGNORE,
  };

  g_assert_cmpstr (vaern_csv_get_encoding (csv), ==, "WINDOWS-1252");
  g_assert_cmpuint (vaern_csv_get_n_columns (csv), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (vaern_system_field_guess (vaern_csv_get_header (csv, i)), ==, expected[i]);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 8), ==, "Høj");
}

static void
test_guess_variants (void)
{
  static const struct
  {
    const char      *header;
    VaernSystemField field;
  } cases[] = {
    { "  NAVN  ", VAERN_SYSTEM_FIELD_NAME },
    { "IT System", VAERN_SYSTEM_FIELD_NAME },
    { "System", VAERN_SYSTEM_FIELD_NAME },
    { "Name", VAERN_SYSTEM_FIELD_NAME },
    { "Formaal", VAERN_SYSTEM_FIELD_PURPOSE },
    { "Description", VAERN_SYSTEM_FIELD_PURPOSE },
    { "Vendor", VAERN_SYSTEM_FIELD_SUPPLIER },
    { "Drift", VAERN_SYSTEM_FIELD_HOSTING },
    { "Operation", VAERN_SYSTEM_FIELD_HOSTING },
    { "Status", VAERN_SYSTEM_FIELD_LIFECYCLE },
    { "Livscyklus-status", VAERN_SYSTEM_FIELD_LIFECYCLE },
    { "Organisationsenhed", VAERN_SYSTEM_FIELD_UNIT },
    { "Forvaltning", VAERN_SYSTEM_FIELD_UNIT },
    { "Afdeling:", VAERN_SYSTEM_FIELD_UNIT },
    { "Persondata", VAERN_SYSTEM_FIELD_PERSONAL_DATA },
    { "personal data", VAERN_SYSTEM_FIELD_PERSONAL_DATA },
    { "Data processor agreement", VAERN_SYSTEM_FIELD_DPA },
    { "Databehandleraftale dato", VAERN_SYSTEM_FIELD_DPA_DATE },
    { "Aftale underskrevet", VAERN_SYSTEM_FIELD_DPA_DATE },
    { "Forretningskritikalitet", VAERN_SYSTEM_FIELD_CRITICALITY },
    { "Kritikalitet (1-4)", VAERN_SYSTEM_FIELD_CRITICALITY },
    { "TILGÆNGELIGHED", VAERN_SYSTEM_FIELD_AVAILABILITY },
    { "Revisionsdato", VAERN_SYSTEM_FIELD_NEXT_REVIEW },
    { "Next review", VAERN_SYSTEM_FIELD_NEXT_REVIEW },
    { "Noter", VAERN_SYSTEM_FIELD_NOTES },
    { "Note", VAERN_SYSTEM_FIELD_NOTES },
    { "Type", VAERN_SYSTEM_FIELD_KIND },
    { "Kind", VAERN_SYSTEM_FIELD_KIND },
    { "kitos_uuid", VAERN_SYSTEM_FIELD_KITOS_UUID },
    { "Responsible unit", VAERN_SYSTEM_FIELD_UNIT },
    { "Telefonnummer", VAERN_SYSTEM_FIELD_IGNORE },
    { "", VAERN_SYSTEM_FIELD_IGNORE },
    { " - ", VAERN_SYSTEM_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      VaernSystemField field = vaern_system_field_guess (cases[i].header);

      if (field != cases[i].field)
        g_test_message ("header '%s'", cases[i].header);
      g_assert_cmpint (field, ==, cases[i].field);
    }

  g_assert_cmpint (vaern_system_field_guess (NULL), ==, VAERN_SYSTEM_FIELD_IGNORE);
}

static void
test_many_rows (void)
{
  const guint n = 20000;
  g_autoptr (GString) s = g_string_new ("Navn;Leverandør;Noter\r\n");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (VaernCsv) csv = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "System %u;\"Leverandør; %u\";Note %u\r\n", i, i % 97, i);

  bytes = g_string_free_to_bytes (g_steal_pointer (&s));
  csv = vaern_csv_parse (bytes, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (vaern_csv_get_n_rows (csv), ==, n);
  g_assert_cmpstr (vaern_csv_get (csv, 0, 0), ==, "System 0");
  g_assert_cmpstr (vaern_csv_get (csv, n - 1, 0), ==, "System 19999");
  g_assert_cmpstr (vaern_csv_get (csv, n - 1, 1), ==, "Leverandør; 17");
  g_assert_cmpstr (vaern_csv_get (csv, n - 1, 2), ==, "Note 19999");
  g_assert_cmpuint (vaern_csv_get_row_line (csv, n - 1), ==, n + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vaern/csv/utf8", test_utf8);
  g_test_add_func ("/vaern/csv/utf8-bom", test_utf8_bom);
  g_test_add_func ("/vaern/csv/utf8-bom-invalid", test_utf8_bom_invalid);
  g_test_add_func ("/vaern/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/vaern/csv/windows-1252-undefined", test_windows_1252_undefined);
  g_test_add_func ("/vaern/csv/utf16", test_utf16);
  g_test_add_func ("/vaern/csv/separator-semicolon", test_separator_semicolon);
  g_test_add_func ("/vaern/csv/separator-comma", test_separator_comma);
  g_test_add_func ("/vaern/csv/separator-tab", test_separator_tab);
  g_test_add_func ("/vaern/csv/separator-tie", test_separator_tie);
  g_test_add_func ("/vaern/csv/quoted", test_quoted);
  g_test_add_func ("/vaern/csv/trimming", test_trimming);
  g_test_add_func ("/vaern/csv/line-endings", test_line_endings);
  g_test_add_func ("/vaern/csv/row-lines", test_row_lines);
  g_test_add_func ("/vaern/csv/short-long-rows", test_short_long_rows);
  g_test_add_func ("/vaern/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/vaern/csv/header-only", test_header_only);
  g_test_add_func ("/vaern/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/vaern/csv/empty", test_empty);
  g_test_add_func ("/vaern/csv/binary", test_binary);
  g_test_add_func ("/vaern/csv/system-field-enum", test_system_field_enum);
  g_test_add_func ("/vaern/csv/guess-kitos", test_guess_kitos);
  g_test_add_func ("/vaern/csv/guess-danish-excel", test_guess_danish_excel);
  g_test_add_func ("/vaern/csv/guess-variants", test_guess_variants);
  g_test_add_func ("/vaern/csv/many-rows", test_many_rows);

  return g_test_run ();
}
