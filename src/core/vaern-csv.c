/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vaern-core-error.h"
#include "vaern-csv.h"

/* What the reader does, beyond RFC 4180:
 *
 * - Encoding: a UTF-16 byte order mark (Excel's "Unicode text") selects
 *   UTF-16; otherwise valid UTF-8 (a UTF-8 byte order mark is dropped) is
 *   UTF-8, and anything else is Windows-1252. The five bytes Windows-1252
 *   leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD, so a stray
 *   byte shows as "�" in one field instead of refusing the whole file. A file
 *   that starts with a UTF-8 byte order mark but is not valid UTF-8 is refused
 *   with the line of the first bad byte.
 * - Unquoted fields lose surrounding blanks (space, tab unless tab is the
 *   separator, form feed, vertical tab); quoted fields are kept exactly, except
 *   that line breaks inside them (CRLF, LF or CR) become "\n". Text after the
 *   closing quote of a quoted field is kept, as Excel does: "ab"c is abc.
 * - A quote that does not start a field is an ordinary character.
 * - Records whose fields are all empty are skipped; the first other record is
 *   the header. Fields are counted as they appear, so rows may be shorter or
 *   longer than the header. */

typedef struct
{
  guint first; /* index of the first field in VaernCsv.fields */
  guint width;
  guint line;  /* 1-based physical line where the record starts */
} Record;

struct _VaernCsv
{
  GStringChunk *chunk;
  GPtrArray    *fields;  /* (element-type utf8): owned by chunk, or "" */
  GArray       *records; /* (element-type Record): records[0] is the header */
  const char   *encoding;
  char          separator;
};

static const char empty_field[] = "";

/* Windows-1252 0x80–0x9F; 0 marks the undefined bytes. 0xA0–0xFF are the
 * same code points as in Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static char *
decode_cp1252 (const guint8 *data,
               gsize         len,
               gsize        *out_len)
{
  GString *s = g_string_sized_new (len + len / 8 + 1);

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = data[i];
      gunichar u;

      if (c < 0x80)
        {
          g_string_append_c (s, (char) c);
          continue;
        }

      if (c < 0xA0)
        u = cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : 0xFFFD;
      else
        u = c;
      g_string_append_unichar (s, u);
    }

  *out_len = s->len;
  return g_string_free (s, FALSE);
}

static guint
count_lines (const char *text,
             const char *end)
{
  guint line = 1;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '\n')
        line++;
      else if (*p == '\r' && !(p + 1 < end && p[1] == '\n'))
        line++;
    }

  return line;
}

static void
set_binary_error (GError **error)
{
  g_set_error_literal (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV,
                       _("This is not a CSV file. If it is a spreadsheet, open it in the "
                         "spreadsheet program and save it as CSV, then choose the CSV file."));
}

/* Returns the text as UTF-8: either borrowed from @data or, when converted,
 * in *owned. */
static const char *
decode (const guint8 *data,
        gsize         len,
        gsize        *out_len,
        char        **owned,
        const char  **encoding,
        GError      **error)
{
  const char *text = (const char *) data;
  const char *bad = NULL;

  *owned = NULL;

  if (len >= 2
      && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      const char *from = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      gsize written = 0;
      char *converted;

      converted = g_convert (text + 2, len - 2, "UTF-8", from, NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error_literal (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV,
                               _("The file is marked as Unicode text but cannot be read as "
                                 "such. Open it in the spreadsheet program and save it again "
                                 "as “CSV UTF-8”."));
          return NULL;
        }
      if (memchr (converted, '\0', written) != NULL)
        {
          g_free (converted);
          set_binary_error (error);
          return NULL;
        }

      *owned = converted;
      *out_len = written;
      *encoding = from;
      return converted;
    }

  /* NUL never occurs in text; "PK" is the start of a zip file (.xlsx, .ods). */
  if (memchr (data, '\0', len) != NULL
      || (len >= 4 && memcmp (data, "PK\003\004", 4) == 0))
    {
      set_binary_error (error);
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      if (!g_utf8_validate_len (text + 3, len - 3, &bad))
        {
          g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV,
                       /* Translators: %u is a line number in the file */
                       _("The file is marked as UTF-8, but line %u holds characters that are "
                         "not UTF-8. Open it in the spreadsheet program and save it again as "
                         "“CSV UTF-8”."),
                       count_lines (text + 3, bad));
          return NULL;
        }
      *out_len = len - 3;
      *encoding = "UTF-8";
      return text + 3;
    }

  if (g_utf8_validate_len (text, len, NULL))
    {
      *out_len = len;
      *encoding = "UTF-8";
      return text;
    }

  *owned = decode_cp1252 (data, len, out_len);
  *encoding = "WINDOWS-1252";
  return *owned;
}

static inline gboolean
is_blank (char c,
          char separator)
{
  return (c == ' ' || c == '\t' || c == '\f' || c == '\v') && c != separator;
}

/* The most frequent of ';', '\t' and ',' outside quotes in the first record
 * that holds anything but separators and blanks; ';' wins ties, then tab. */
static char
detect_separator (const char *p,
                  const char *end)
{
  while (p < end)
    {
      guint semicolons = 0, tabs = 0, commas = 0;
      gboolean in_quotes = FALSE;
      gboolean content = FALSE;

      for (; p < end; p++)
        {
          char c = *p;

          if (c == '"')
            in_quotes = !in_quotes;
          else if (in_quotes)
            content = TRUE;
          else if (c == '\r' || c == '\n')
            break;
          else if (c == ';')
            semicolons++;
          else if (c == '\t')
            tabs++;
          else if (c == ',')
            commas++;
          else if (!is_blank (c, '\0'))
            content = TRUE;
        }

      if (content)
        {
          if (semicolons >= tabs && semicolons >= commas && semicolons > 0)
            return ';';
          if (tabs >= commas && tabs > 0)
            return '\t';
          if (commas > 0)
            return ',';
          return ';';
        }

      /* Skip the line end of the blank record. */
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
    }

  return ';';
}

static const char *
store_field (VaernCsv   *csv,
             const char *text,
             gsize       len)
{
  if (len == 0)
    return empty_field;

  return g_string_chunk_insert_len (csv->chunk, text, (gssize) len);
}

static gboolean
parse_records (VaernCsv   *csv,
               const char *text,
               gsize       len,
               GError    **error)
{
  g_autoptr (GString) quoted = g_string_new (NULL);
  const char *p = text;
  const char *end = text + len;
  const char sep = csv->separator;
  guint line = 1;

  while (p < end)
    {
      Record record = { csv->fields->len, 0, line };
      gboolean all_empty = TRUE;

      for (;;)
        {
          const char *start, *stop;
          const char *field;

          while (p < end && is_blank (*p, sep))
            p++;

          if (p < end && *p == '"')
            {
              guint quote_line = line;

              g_string_truncate (quoted, 0);
              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV,
                                   /* Translators: %u is a line number in the file */
                                   _("A quoted field that starts on line %u is never closed. "
                                     "Add the missing quotation mark (\") in the file, or save "
                                     "it again from the spreadsheet program."),
                                   quote_line);
                      return FALSE;
                    }

                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (quoted, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }

                  if (*p == '\r' || *p == '\n')
                    {
                      if (*p == '\r' && p + 1 < end && p[1] == '\n')
                        p++;
                      p++;
                      line++;
                      g_string_append_c (quoted, '\n');
                      continue;
                    }

                  start = p;
                  while (p < end && *p != '"' && *p != '\r' && *p != '\n')
                    p++;
                  g_string_append_len (quoted, start, p - start);
                }

              /* Text between the closing quote and the separator. */
              start = p;
              while (p < end && *p != sep && *p != '\r' && *p != '\n')
                p++;
              stop = p;
              while (stop > start && is_blank (stop[-1], sep))
                stop--;
              g_string_append_len (quoted, start, stop - start);

              field = store_field (csv, quoted->str, quoted->len);
            }
          else
            {
              start = p;
              while (p < end && *p != sep && *p != '\r' && *p != '\n')
                p++;
              stop = p;
              while (stop > start && is_blank (stop[-1], sep))
                stop--;

              field = store_field (csv, start, stop - start);
            }

          if (*field != '\0')
            all_empty = FALSE;
          g_ptr_array_add (csv->fields, (gpointer) field);
          record.width++;

          if (p < end && *p == sep)
            {
              p++;
              continue;
            }
          break;
        }

      /* The line end of the record, if the file does not end here. */
      if (p < end)
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
        }

      if (all_empty)
        g_ptr_array_set_size (csv->fields, record.first);
      else
        g_array_append_val (csv->records, record);
    }

  if (csv->records->len == 0)
    {
      g_set_error_literal (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV,
                           _("The file is empty. Choose a CSV file with a header row and a row "
                             "for each system."));
      return FALSE;
    }

  return TRUE;
}

/**
 * vaern_csv_parse:
 * @bytes: the whole file
 * @error: return location for a #VAERN_CORE_ERROR_CSV
 *
 * Reads a CSV file. A file with a header but no rows is fine; an empty or
 * blank file, a binary file (a spreadsheet that was not saved as CSV) and a
 * quoted field that is never closed are errors.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL with @error set
 */
VaernCsv *
vaern_csv_parse (GBytes  *bytes,
                 GError **error)
{
  g_autoptr (VaernCsv) csv = NULL;
  g_autofree char *owned = NULL;
  const guint8 *data;
  const char *text;
  gsize size = 0, len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  csv = g_new0 (VaernCsv, 1);
  csv->chunk = g_string_chunk_new (64 * 1024);
  csv->fields = g_ptr_array_new ();
  csv->records = g_array_new (FALSE, FALSE, sizeof (Record));

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = (const guint8 *) "";

  text = decode (data, size, &len, &owned, &csv->encoding, error);
  if (text == NULL)
    return NULL;

  csv->separator = detect_separator (text, text + len);

  if (!parse_records (csv, text, len, error))
    return NULL;

  return g_steal_pointer (&csv);
}

void
vaern_csv_free (VaernCsv *csv)
{
  if (csv == NULL)
    return;

  g_string_chunk_free (csv->chunk);
  g_ptr_array_unref (csv->fields);
  g_array_unref (csv->records);
  g_free (csv);
}

static inline const Record *
get_record (VaernCsv *csv,
            guint     index)
{
  return &g_array_index (csv->records, Record, index);
}

/**
 * vaern_csv_get_n_columns:
 *
 * Returns: the number of fields in the header
 */
guint
vaern_csv_get_n_columns (VaernCsv *csv)
{
  g_return_val_if_fail (csv != NULL, 0);

  return get_record (csv, 0)->width;
}

/**
 * vaern_csv_get_header:
 *
 * Returns: (nullable): the header of @column, or %NULL beyond the header
 */
const char *
vaern_csv_get_header (VaernCsv *csv,
                      guint     column)
{
  const Record *header;

  g_return_val_if_fail (csv != NULL, NULL);

  header = get_record (csv, 0);
  if (column >= header->width)
    return NULL;

  return g_ptr_array_index (csv->fields, header->first + column);
}

/**
 * vaern_csv_get_n_rows:
 *
 * Returns: the number of data rows, not counting the header and blank lines
 */
guint
vaern_csv_get_n_rows (VaernCsv *csv)
{
  g_return_val_if_fail (csv != NULL, 0);

  return csv->records->len - 1;
}

/**
 * vaern_csv_get_row_width:
 *
 * Returns: the number of fields in @row as written in the file, which may be
 *   fewer or more than vaern_csv_get_n_columns()
 */
guint
vaern_csv_get_row_width (VaernCsv *csv,
                         guint     row)
{
  g_return_val_if_fail (csv != NULL, 0);
  g_return_val_if_fail (row < csv->records->len - 1, 0);

  return get_record (csv, row + 1)->width;
}

/**
 * vaern_csv_get:
 *
 * Returns: (nullable): the field, "" when empty, or %NULL when @row is
 *   shorter than @column
 */
const char *
vaern_csv_get (VaernCsv *csv,
               guint     row,
               guint     column)
{
  const Record *record;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (row < csv->records->len - 1, NULL);

  record = get_record (csv, row + 1);
  if (column >= record->width)
    return NULL;

  return g_ptr_array_index (csv->fields, record->first + column);
}

/**
 * vaern_csv_get_row_line:
 *
 * Returns: the 1-based line of the file where @row starts, for messages
 */
guint
vaern_csv_get_row_line (VaernCsv *csv,
                        guint     row)
{
  g_return_val_if_fail (csv != NULL, 0);
  g_return_val_if_fail (row < csv->records->len - 1, 0);

  return get_record (csv, row + 1)->line;
}

/**
 * vaern_csv_get_encoding:
 *
 * Returns: "UTF-8", "WINDOWS-1252", or for Excel's "Unicode text"
 *   "UTF-16LE" or "UTF-16BE"
 */
const char *
vaern_csv_get_encoding (VaernCsv *csv)
{
  g_return_val_if_fail (csv != NULL, NULL);

  return csv->encoding;
}

/**
 * vaern_csv_get_separator:
 *
 * Returns: ';', ',' or '\t'
 */
char
vaern_csv_get_separator (VaernCsv *csv)
{
  g_return_val_if_fail (csv != NULL, ';');

  return csv->separator;
}

static const VaernEnumEntry system_fields[] = {
  /* Translators: what to do with a CSV column when importing systems */
  { "ignore", N_("Do not import") },
  /* Translators: a field of an IT system that a CSV column can be imported into */
  { "name", N_("Name") },
  /* Translators: a field of an asset that a CSV column can be imported into: system, equipment, … */
  { "kind", N_("Kind") },
  /* Translators: a field of an IT system that a CSV column can be imported into */
  { "purpose", N_("Purpose") },
  /* Translators: a field of an IT system: its identifier in KITOS, the municipal IT system catalogue */
  { "kitos_uuid", N_("KITOS UUID") },
  /* Translators: a field of an IT system that a CSV column can be imported into */
  { "supplier", N_("Supplier") },
  /* Translators: a field of an IT system: how it is operated (own operation, cloud, …) */
  { "hosting", N_("Operation") },
  /* Translators: a field of an IT system: in procurement, in use, being phased out, retired */
  { "lifecycle", N_("Life-cycle status") },
  /* Translators: a field of an IT system: the organisational unit responsible for it */
  { "unit", N_("Responsible unit") },
  /* Translators: a field of an IT system: which personal data it processes */
  { "personal_data", N_("Personal data") },
  /* Translators: a field of an IT system: status of the GDPR data processor agreement */
  { "dpa", N_("Data processor agreement") },
  /* Translators: a field of an IT system: the date the data processor agreement was signed */
  { "dpa_date", N_("Agreement signed on") },
  /* Translators: a field of an IT system: how critical it is to the municipality */
  { "criticality", N_("Criticality") },
  /* Translators: a field of an IT system: FIT classification (confidentiality) */
  { "confidentiality", N_("Confidentiality") },
  /* Translators: a field of an IT system: FIT classification (integrity) */
  { "integrity", N_("Integrity") },
  /* Translators: a field of an IT system: FIT classification (availability) */
  { "availability", N_("Availability") },
  /* Translators: a field of an IT system: the date it is next due for review */
  { "next_review", N_("Next review") },
  /* Translators: a field of an IT system: free text */
  { "notes", N_("Notes") },
};
const VaernEnum vaern_enum_system_field = {
  "vaern_enum_system_field", system_fields, G_N_ELEMENTS (system_fields)
};

typedef struct
{
  VaernSystemField field;
  const char      *header;
} HeaderAlias;

/* Headers seen in Danish and English spreadsheets and in KITOS exports. They
 * are compared after normalize_header(), so case, spaces, hyphens and
 * punctuation do not matter and "aa", "ae", "oe" match "å", "æ", "ø". */
static const HeaderAlias header_aliases[] = {
  { VAERN_SYSTEM_FIELD_NAME, "Navn" },
  { VAERN_SYSTEM_FIELD_NAME, "Systemnavn" },
  { VAERN_SYSTEM_FIELD_NAME, "Systemets navn" },
  { VAERN_SYSTEM_FIELD_NAME, "IT-system" },
  { VAERN_SYSTEM_FIELD_NAME, "IT-systemnavn" },
  { VAERN_SYSTEM_FIELD_NAME, "IT-system navn" },
  { VAERN_SYSTEM_FIELD_NAME, "System" },
  { VAERN_SYSTEM_FIELD_NAME, "Name" },
  { VAERN_SYSTEM_FIELD_NAME, "System name" },
  { VAERN_SYSTEM_FIELD_NAME, "IT system name" },

  { VAERN_SYSTEM_FIELD_KIND, "Type" },
  { VAERN_SYSTEM_FIELD_KIND, "Aktivtype" },
  { VAERN_SYSTEM_FIELD_KIND, "Aktivkategori" },
  { VAERN_SYSTEM_FIELD_KIND, "Kind" },
  { VAERN_SYSTEM_FIELD_KIND, "Asset type" },

  { VAERN_SYSTEM_FIELD_PURPOSE, "Formål" },
  { VAERN_SYSTEM_FIELD_PURPOSE, "Beskrivelse" },
  { VAERN_SYSTEM_FIELD_PURPOSE, "Systembeskrivelse" },
  { VAERN_SYSTEM_FIELD_PURPOSE, "Purpose" },
  { VAERN_SYSTEM_FIELD_PURPOSE, "Description" },

  { VAERN_SYSTEM_FIELD_KITOS_UUID, "UUID" },
  { VAERN_SYSTEM_FIELD_KITOS_UUID, "KITOS UUID" },
  { VAERN_SYSTEM_FIELD_KITOS_UUID, "KITOS-id" },
  { VAERN_SYSTEM_FIELD_KITOS_UUID, "System UUID" },
  { VAERN_SYSTEM_FIELD_KITOS_UUID, "IT-system UUID" },

  { VAERN_SYSTEM_FIELD_SUPPLIER, "Leverandør" },
  { VAERN_SYSTEM_FIELD_SUPPLIER, "Rettighedshaver" },
  { VAERN_SYSTEM_FIELD_SUPPLIER, "Supplier" },
  { VAERN_SYSTEM_FIELD_SUPPLIER, "Vendor" },

  { VAERN_SYSTEM_FIELD_HOSTING, "Drift" },
  { VAERN_SYSTEM_FIELD_HOSTING, "Driftsform" },
  { VAERN_SYSTEM_FIELD_HOSTING, "Hosting" },
  { VAERN_SYSTEM_FIELD_HOSTING, "Operation" },

  { VAERN_SYSTEM_FIELD_LIFECYCLE, "Livscyklus" },
  { VAERN_SYSTEM_FIELD_LIFECYCLE, "Livscyklusstatus" },
  { VAERN_SYSTEM_FIELD_LIFECYCLE, "Status" },
  { VAERN_SYSTEM_FIELD_LIFECYCLE, "Lifecycle" },
  { VAERN_SYSTEM_FIELD_LIFECYCLE, "Life-cycle status" },

  { VAERN_SYSTEM_FIELD_UNIT, "Enhed" },
  { VAERN_SYSTEM_FIELD_UNIT, "Organisationsenhed" },
  { VAERN_SYSTEM_FIELD_UNIT, "Ansvarlig organisationsenhed" },
  { VAERN_SYSTEM_FIELD_UNIT, "Ansvarlig enhed" },
  { VAERN_SYSTEM_FIELD_UNIT, "Forvaltning" },
  { VAERN_SYSTEM_FIELD_UNIT, "Afdeling" },
  { VAERN_SYSTEM_FIELD_UNIT, "Unit" },
  { VAERN_SYSTEM_FIELD_UNIT, "Responsible unit" },
  { VAERN_SYSTEM_FIELD_UNIT, "Department" },

  { VAERN_SYSTEM_FIELD_PERSONAL_DATA, "Personoplysninger" },
  { VAERN_SYSTEM_FIELD_PERSONAL_DATA, "Persondata" },
  { VAERN_SYSTEM_FIELD_PERSONAL_DATA, "Personal data" },

  { VAERN_SYSTEM_FIELD_DPA, "Databehandleraftale" },
  { VAERN_SYSTEM_FIELD_DPA, "DBA" },
  { VAERN_SYSTEM_FIELD_DPA, "Data processor agreement" },
  { VAERN_SYSTEM_FIELD_DPA, "DPA" },

  { VAERN_SYSTEM_FIELD_DPA_DATE, "Databehandleraftale dato" },
  { VAERN_SYSTEM_FIELD_DPA_DATE, "Dato for databehandleraftale" },
  { VAERN_SYSTEM_FIELD_DPA_DATE, "DBA dato" },
  { VAERN_SYSTEM_FIELD_DPA_DATE, "Aftale underskrevet" },
  { VAERN_SYSTEM_FIELD_DPA_DATE, "Agreement signed on" },
  { VAERN_SYSTEM_FIELD_DPA_DATE, "DPA date" },

  { VAERN_SYSTEM_FIELD_CRITICALITY, "Kritikalitet" },
  { VAERN_SYSTEM_FIELD_CRITICALITY, "Forretningskritikalitet" },
  { VAERN_SYSTEM_FIELD_CRITICALITY, "Criticality" },
  { VAERN_SYSTEM_FIELD_CRITICALITY, "Business criticality" },

  { VAERN_SYSTEM_FIELD_CONFIDENTIALITY, "Fortrolighed" },
  { VAERN_SYSTEM_FIELD_CONFIDENTIALITY, "Confidentiality" },

  { VAERN_SYSTEM_FIELD_INTEGRITY, "Integritet" },
  { VAERN_SYSTEM_FIELD_INTEGRITY, "Integrity" },

  { VAERN_SYSTEM_FIELD_AVAILABILITY, "Tilgængelighed" },
  { VAERN_SYSTEM_FIELD_AVAILABILITY, "Availability" },

  { VAERN_SYSTEM_FIELD_NEXT_REVIEW, "Næste gennemgang" },
  { VAERN_SYSTEM_FIELD_NEXT_REVIEW, "Næste revision" },
  { VAERN_SYSTEM_FIELD_NEXT_REVIEW, "Revisionsdato" },
  { VAERN_SYSTEM_FIELD_NEXT_REVIEW, "Next review" },
  { VAERN_SYSTEM_FIELD_NEXT_REVIEW, "Next review date" },

  { VAERN_SYSTEM_FIELD_NOTES, "Bemærkninger" },
  { VAERN_SYSTEM_FIELD_NOTES, "Bemærkning" },
  { VAERN_SYSTEM_FIELD_NOTES, "Noter" },
  { VAERN_SYSTEM_FIELD_NOTES, "Note" },
  { VAERN_SYSTEM_FIELD_NOTES, "Notes" },
  { VAERN_SYSTEM_FIELD_NOTES, "Kommentar" },
  { VAERN_SYSTEM_FIELD_NOTES, "Kommentarer" },
  { VAERN_SYSTEM_FIELD_NOTES, "Comments" },
};

/* Case-folded letters and digits only, with æ, ø, å spelt ae, oe, aa, and
 * without a trailing remark in brackets: "IT-system (navn)" → "itsystem". */
static char *
normalize_header (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *s = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == '(' || c == '[') && s->len > 0)
        break;
      else if (c == 0x00E6) /* æ */
        g_string_append (s, "ae");
      else if (c == 0x00F8) /* ø */
        g_string_append (s, "oe");
      else if (c == 0x00E5) /* å */
        g_string_append (s, "aa");
      else if (g_unichar_isalnum (c))
        g_string_append_unichar (s, c);
    }

  return g_string_free (s, FALSE);
}

/**
 * vaern_system_field_guess:
 * @header: (nullable): a column header
 *
 * Matches Danish and English headers and those of KITOS exports, then the
 * keys and labels of #vaern_enum_system_field, ignoring case, spaces,
 * hyphens and punctuation.
 *
 * Returns: the field, or %VAERN_SYSTEM_FIELD_IGNORE when nothing matches
 */
VaernSystemField
vaern_system_field_guess (const char *header)
{
  g_autofree char *wanted = NULL;

  if (header == NULL || !g_utf8_validate (header, -1, NULL))
    return VAERN_SYSTEM_FIELD_IGNORE;

  wanted = normalize_header (header);
  if (*wanted == '\0')
    return VAERN_SYSTEM_FIELD_IGNORE;

  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    {
      g_autofree char *alias = normalize_header (header_aliases[i].header);

      if (g_str_equal (wanted, alias))
        return header_aliases[i].field;
    }

  /* A file written by Værn itself, or by someone copying its labels. */
  for (guint i = 0; i < vaern_enum_system_field.n_entries; i++)
    {
      const VaernEnumEntry *entry = &vaern_enum_system_field.entries[i];
      g_autofree char *key = normalize_header (entry->key);
      g_autofree char *label = normalize_header (entry->label);
      g_autofree char *translated = normalize_header (_(entry->label));

      if (g_str_equal (wanted, key) || g_str_equal (wanted, label)
          || g_str_equal (wanted, translated))
        return i;
    }

  return VAERN_SYSTEM_FIELD_IGNORE;
}

/* A list of systems is small; a file this size is something else. */
#define MAX_CSV_SIZE (64 * 1024 * 1024)

VaernCsv *
vaern_csv_read_file (GFile   *file,
                     GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A pipe or a device is never a list of systems, and could not be
   * measured before it is read (a FIFO would not even open): refuse it
   * before opening, and again on what was opened, should the name have
   * been replaced meanwhile. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV,
                   _("This is not a file but a folder, a device or a pipe. "
                     "Choose a CSV file."));
      return NULL;
    }
  if (g_file_info_get_size (info) > MAX_CSV_SIZE)
    {
      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV,
                   _("The file is too large to be a list of systems."));
      return NULL;
    }

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  g_clear_object (&info);
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_TYPE, NULL, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE)
      && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV,
                   _("This is not a file but a folder, a device or a pipe. "
                     "Choose a CSV file."));
      return NULL;
    }

  /* Read no more than the cap, even if the file grows meanwhile. */
  data = g_byte_array_new ();
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > MAX_CSV_SIZE)
        {
          g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_CSV,
                       _("The file is too large to be a list of systems."));
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return vaern_csv_parse (bytes, error);
}
