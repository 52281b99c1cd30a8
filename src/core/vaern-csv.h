/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vaern-enums.h"

G_BEGIN_DECLS

/* A CSV file as municipalities keep them: exported from Excel or KITOS, in
 * UTF-8 (with or without a byte order mark) or Windows-1252, separated by ';'
 * (Danish Excel), ',' or tabs, with quoted fields that may hold separators,
 * doubled quotes and line breaks. The first non-empty record is the header. */

typedef struct _VaernCsv VaernCsv;

VaernCsv   *vaern_csv_parse            (GBytes     *bytes,
                                        GError    **error);
/* Reads and parses a file, refusing one too large to be a list of systems. */
VaernCsv   *vaern_csv_read_file        (GFile      *file,
                                        GError    **error);
void        vaern_csv_free             (VaernCsv   *csv);
guint       vaern_csv_get_n_columns    (VaernCsv   *csv);
const char *vaern_csv_get_header       (VaernCsv   *csv,
                                        guint       column);
guint       vaern_csv_get_n_rows       (VaernCsv   *csv);
guint       vaern_csv_get_row_width    (VaernCsv   *csv,
                                        guint       row);
const char *vaern_csv_get              (VaernCsv   *csv,
                                        guint       row,
                                        guint       column);
guint       vaern_csv_get_row_line     (VaernCsv   *csv,
                                        guint       row);
const char *vaern_csv_get_encoding     (VaernCsv   *csv);
char        vaern_csv_get_separator    (VaernCsv   *csv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VaernCsv, vaern_csv_free)

/* The fields of an asset that a CSV column can be mapped to. */
typedef enum
{
  VAERN_SYSTEM_FIELD_IGNORE,
  VAERN_SYSTEM_FIELD_NAME,
  VAERN_SYSTEM_FIELD_KIND,
  VAERN_SYSTEM_FIELD_PURPOSE,
  VAERN_SYSTEM_FIELD_KITOS_UUID,
  VAERN_SYSTEM_FIELD_SUPPLIER,
  VAERN_SYSTEM_FIELD_HOSTING,
  VAERN_SYSTEM_FIELD_LIFECYCLE,
  VAERN_SYSTEM_FIELD_UNIT,
  VAERN_SYSTEM_FIELD_PERSONAL_DATA,
  VAERN_SYSTEM_FIELD_DPA,
  VAERN_SYSTEM_FIELD_DPA_DATE,
  VAERN_SYSTEM_FIELD_CRITICALITY,
  VAERN_SYSTEM_FIELD_CONFIDENTIALITY,
  VAERN_SYSTEM_FIELD_INTEGRITY,
  VAERN_SYSTEM_FIELD_AVAILABILITY,
  VAERN_SYSTEM_FIELD_NEXT_REVIEW,
  VAERN_SYSTEM_FIELD_NOTES,
} VaernSystemField;

extern const VaernEnum vaern_enum_system_field;

/* Guesses the field from a column header ("Systemnavn", "IT-system",
 * "Leverandør", "UUID", "Personoplysninger", …), or IGNORE. */
VaernSystemField vaern_system_field_guess (const char *header);

G_END_DECLS
