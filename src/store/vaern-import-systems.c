/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/vaern-date.h"
#include "vaern-document.h"

/* Importing a CSV list of systems: each row becomes an asset through the same
 * add_asset() a person uses, inside one batch, so every rule of the register
 * applies, a bad row is skipped with its reason, and the whole import is one
 * transaction and one undo step. A dry run is the same import rolled back. */

void
vaern_import_report_free (VaernImportReport *report)
{
  if (report == NULL)
    return;
  for (guint i = 0; i < report->skipped->len; i++)
    {
      VaernImportSkip *skip = report->skipped->pdata[i];

      g_free (skip->name);
      g_free (skip->reason);
      g_free (skip);
    }
  g_ptr_array_free (report->skipped, TRUE);
  g_free (report);
}

static void
skip_row (VaernImportReport *report,
          guint              line,
          const char        *name,
          const char        *reason)
{
  VaernImportSkip *skip = g_new0 (VaernImportSkip, 1);

  skip->line = line;
  skip->name = g_strdup (name ? name : "");
  skip->reason = g_strdup (reason);
  g_ptr_array_add (report->skipped, skip);
}

static gboolean
parse_enum (const VaernEnum *e,
            const char      *text,
            guint           *value,
            const char      *header,
            char           **reason)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  if (vaern_enum_parse (e, text, value))
    return TRUE;
  /* Translators: a CSV row was skipped; first %s is the value, second the column */
  *reason = g_strdup_printf (_("“%s” is not a known value for “%s”"), text, header);
  return FALSE;
}

/* A level may be written as a number 1–4 or as a word. */
static gboolean
parse_level (const char *text,
             VaernLevel *level,
             const char *header,
             char      **reason)
{
  guint value = 0;
  guint64 number;

  if (text && g_ascii_string_to_unsigned (text, 10, 0, 4, &number, NULL))
    {
      *level = number;
      return TRUE;
    }
  if (!parse_enum (&vaern_enum_level, text, &value, header, reason))
    return FALSE;
  if (text && *text)
    *level = value;
  return TRUE;
}

static gboolean
parse_date (const char *text,
            char      **out,
            char      **reason)
{
  g_autoptr(GError) error = NULL;

  *out = vaern_date_parse (text, &error);
  if (error)
    {
      *reason = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}

/* Looks up the unit by name, creating it at the top level when the
 * document has no such unit yet. */
static gboolean
resolve_unit (VaernDocument *self,
              const char    *name,
              gint64        *unit_id,
              char         **reason)
{
  g_autoptr(VaernUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  if (name == NULL || *name == '\0')
    return TRUE;
  *unit_id = vaern_document_find_unit_by_name (self, name);
  if (*unit_id)
    return TRUE;

  unit = vaern_unit_new ();
  unit->name = g_strdup (name);
  unit->kind = VAERN_UNIT_KIND_DEPARTMENT;
  *unit_id = vaern_document_add_unit (self, unit, &error);
  if (*unit_id == 0)
    *reason = g_strdup (error->message);
  return *unit_id != 0;
}

static VaernAsset *
row_to_asset (VaernDocument          *self,
              VaernCsv               *csv,
              guint                   row,
              const VaernSystemField *mapping,
              char                  **reason)
{
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  guint n_columns = vaern_csv_get_n_columns (csv);
  const char *unit_name = NULL;
  gboolean ok = TRUE;

  for (guint c = 0; ok && c < n_columns; c++)
    {
      g_autofree char *value = g_strstrip (g_strdup (vaern_csv_get (csv, row, c)
                                                     ? vaern_csv_get (csv, row, c) : ""));
      const char *header = vaern_csv_get_header (csv, c);
      guint v = 0;

      switch (mapping[c])
        {
        case VAERN_SYSTEM_FIELD_IGNORE:
          break;
        case VAERN_SYSTEM_FIELD_NAME:
          g_free (asset->name);
          asset->name = g_steal_pointer (&value);
          break;
        case VAERN_SYSTEM_FIELD_KIND:
          v = asset->kind;
          ok = parse_enum (&vaern_enum_asset_kind, value, &v, header, reason);
          asset->kind = v;
          break;
        case VAERN_SYSTEM_FIELD_PURPOSE:
          g_free (asset->purpose);
          asset->purpose = g_steal_pointer (&value);
          break;
        case VAERN_SYSTEM_FIELD_KITOS_UUID:
          g_free (asset->kitos_uuid);
          asset->kitos_uuid = *value ? g_steal_pointer (&value) : NULL;
          break;
        case VAERN_SYSTEM_FIELD_SUPPLIER:
          g_free (asset->supplier);
          asset->supplier = g_steal_pointer (&value);
          break;
        case VAERN_SYSTEM_FIELD_HOSTING:
          v = asset->hosting;
          ok = parse_enum (&vaern_enum_hosting, value, &v, header, reason);
          asset->hosting = v;
          break;
        case VAERN_SYSTEM_FIELD_LIFECYCLE:
          v = asset->lifecycle;
          ok = parse_enum (&vaern_enum_lifecycle, value, &v, header, reason);
          asset->lifecycle = v;
          break;
        case VAERN_SYSTEM_FIELD_UNIT:
          unit_name = vaern_csv_get (csv, row, c);
          break;
        case VAERN_SYSTEM_FIELD_PERSONAL_DATA:
          v = asset->personal_data;
          ok = parse_enum (&vaern_enum_personal_data, value, &v, header, reason);
          asset->personal_data = v;
          break;
        case VAERN_SYSTEM_FIELD_DPA:
          v = asset->dpa;
          ok = parse_enum (&vaern_enum_dpa, value, &v, header, reason);
          asset->dpa = v;
          break;
        case VAERN_SYSTEM_FIELD_DPA_DATE:
          g_clear_pointer (&asset->dpa_date, g_free);
          ok = parse_date (value, &asset->dpa_date, reason);
          break;
        case VAERN_SYSTEM_FIELD_CRITICALITY:
          ok = parse_level (value, &asset->criticality, header, reason);
          break;
        case VAERN_SYSTEM_FIELD_CONFIDENTIALITY:
          ok = parse_level (value, &asset->confidentiality, header, reason);
          break;
        case VAERN_SYSTEM_FIELD_INTEGRITY:
          ok = parse_level (value, &asset->integrity, header, reason);
          break;
        case VAERN_SYSTEM_FIELD_AVAILABILITY:
          ok = parse_level (value, &asset->availability, header, reason);
          break;
        case VAERN_SYSTEM_FIELD_NEXT_REVIEW:
          g_clear_pointer (&asset->next_review, g_free);
          ok = parse_date (value, &asset->next_review, reason);
          break;
        case VAERN_SYSTEM_FIELD_NOTES:
          g_free (asset->notes);
          asset->notes = g_steal_pointer (&value);
          break;
        }
    }

  if (ok && (asset->name == NULL || *asset->name == '\0'))
    {
      *reason = g_strdup (_("the name is empty"));
      ok = FALSE;
    }
  if (ok && unit_name)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (unit_name));

      ok = resolve_unit (self, trimmed, &asset->unit_id, reason);
    }
  return ok ? g_steal_pointer (&asset) : NULL;
}

/**
 * vaern_document_import_systems:
 * @mapping: for each column of @csv, the field it fills
 *
 * Returns: (transfer full): what was imported and what was skipped, or
 *   %NULL with @error set when nothing could be imported at all.
 */
VaernImportReport *
vaern_document_import_systems (VaernDocument          *self,
                               VaernCsv               *csv,
                               const VaernSystemField *mapping,
                               gboolean                dry_run,
                               GError                **error)
{
  g_autoptr(VaernImportReport) report = g_new0 (VaernImportReport, 1);
  g_autofree char *label = NULL;
  gboolean has_name = FALSE;
  guint n_rows;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (csv != NULL && mapping != NULL, NULL);

  report->skipped = g_ptr_array_new ();

  for (guint c = 0; c < vaern_csv_get_n_columns (csv); c++)
    has_name |= mapping[c] == VAERN_SYSTEM_FIELD_NAME;
  if (!has_name)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("Choose the column that holds the systems' names."));
      return NULL;
    }

  n_rows = vaern_csv_get_n_rows (csv);
  /* Translators: an undo step; %u is a number of rows in a CSV file */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u system",
                                        "Import %u systems", n_rows), n_rows);
  if (!vaern_document_begin_batch (self, label, error))
    return NULL;

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *reason = NULL;
      g_autoptr(VaernAsset) asset = row_to_asset (self, csv, row, mapping, &reason);
      g_autoptr(GError) row_error = NULL;
      guint line = vaern_csv_get_row_line (csv, row);

      if (asset == NULL)
        {
          g_autofree char *name = NULL;

          if (vaern_document_batch_failed (self))
            break;

          for (guint c = 0; c < vaern_csv_get_n_columns (csv); c++)
            if (mapping[c] == VAERN_SYSTEM_FIELD_NAME && name == NULL)
              name = g_strdup (vaern_csv_get (csv, row, c));
          skip_row (report, line, name, reason);
          continue;
        }
      if (vaern_document_add_asset (self, asset, &row_error) == 0)
        {
          /* A full disk is not a fault of the row: it ends the import. */
          if (vaern_document_batch_failed (self))
            break;
          skip_row (report, line, asset->name, row_error->message);
          continue;
        }
      report->n_imported++;
    }

  if (vaern_document_batch_failed (self))
    {
      vaern_document_end_batch (self, TRUE, error);
      return NULL;
    }
  if (!vaern_document_end_batch (self, !dry_run && report->n_imported > 0, error) && !dry_run
      && report->n_imported > 0)
    return NULL;

  return g_steal_pointer (&report);
}
