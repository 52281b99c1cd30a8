/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "core/vaern-core-error.h"
#include "core/vaern-date.h"
#include "render/vaern-heat-map.h"
#include "render/vaern-management-report.h"
#include "render/vaern-soa-table.h"
#include "render/vaern-wheel.h"
#include "report/vaern-ical.h"
#include "report/vaern-report.h"
#include "store/vaern-document.h"
#include "store/vaern-dump.h"
#include "vaern-cli.h"


static int
fail (const char   *what,
      const GError *error)
{
  /* A server's message names its database; its connection string may
   * hold a password, and is not repeated. */
  if (vaern_location_is_server (what))
    g_printerr ("vaern: %s\n", error->message);
  else
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

  ok = vaern_document_make_sample (doc, large, error);
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

/* Export ================================================================ */

typedef enum
{
  EXPORT_RISKS,
  EXPORT_HEAT_MAP,
  EXPORT_SOA,
  EXPORT_WHEEL_PICTURE,
  EXPORT_WHEEL,
  EXPORT_FULL,
  EXPORT_SYSTEMS,
  EXPORT_MANAGEMENT,
  EXPORT_UNKNOWN,
} ExportKind;

static const struct
{
  const char *what;
  ExportKind  kind;
} exports[] = {
  { "full", EXPORT_FULL },
  { "systems", EXPORT_SYSTEMS },
  { "risks", EXPORT_RISKS },
  { "soa", EXPORT_SOA },
  { "wheel", EXPORT_WHEEL },
  { "management", EXPORT_MANAGEMENT },
  { "heat-map", EXPORT_HEAT_MAP },
  { "wheel-picture", EXPORT_WHEEL_PICTURE },
};

static int
fail_message (const char *message)
{
  g_printerr ("vaern: %s\n", message);
  return 1;
}

static gboolean
has_extension (const char        *path,
               const char *const *extensions)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; extensions[i]; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

/* Whether two names are the same file, so an export never writes over the
 * document it reads. */
static gboolean
same_file (const char *a,
           const char *b)
{
  g_autoptr(GFile) fa = g_file_new_for_commandline_arg (a);
  g_autoptr(GFile) fb = g_file_new_for_commandline_arg (b);
  GStatBuf sa, sb;

  if (g_file_equal (fa, fb))
    return TRUE;
  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

typedef struct
{
  gint64      asset_id;  /* a system's risks, or 0 */
  GHashTable *unit_ids;  /* gint64 → the units whose risks count, or NULL */
} Scope;

static gboolean
in_scope (VaernRisk *risk,
          gpointer   user_data)
{
  Scope *scope = user_data;

  if (scope->asset_id != 0)
    return risk->asset_id == scope->asset_id;
  if (scope->unit_ids != NULL)
    return g_hash_table_contains (scope->unit_ids, &risk->unit_id);
  return TRUE;
}

/* Reads --scope into a filter and the words the page's heading shows. */
static gboolean
parse_scope (VaernDocument *doc,
             const char    *text,
             Scope         *scope,
             char         **label,
             GError       **error)
{
  if (text == NULL || *text == '\0' || g_str_equal (text, "all"))
    {
      /* Translators: the scope of a heat map: every risk of the organisation */
      *label = g_strdup (_("The whole organisation"));
      return TRUE;
    }
  if (g_str_has_prefix (text, "unit:"))
    {
      const char *name = text + strlen ("unit:");
      gint64 id = vaern_document_find_unit_by_name (doc, name);
      g_autoptr(VaernUnit) unit = id > 0 ? vaern_document_find_unit (doc, id) : NULL;

      if (unit == NULL)
        {
          g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                       /* Translators: %s is the name of an organisational unit */
                       _("There is no unit named “%s” in the document."), name);
          return FALSE;
        }
      scope->unit_ids = vaern_unit_subtree (vaern_document_get_units (doc), id);
      *label = g_strdup (unit->path != NULL && *unit->path != '\0' ? unit->path : unit->name);
      return TRUE;
    }
  if (g_str_has_prefix (text, "system:"))
    {
      const char *name = text + strlen ("system:");
      gint64 id = vaern_document_find_asset_by_name (doc, name);
      g_autoptr(VaernAsset) asset = id > 0 ? vaern_document_get_asset (doc, id, NULL) : NULL;

      if (asset == NULL)
        {
          g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                       /* Translators: %s is the name of an IT system or other asset */
                       _("There is no system named “%s” in the document."), name);
          return FALSE;
        }
      scope->asset_id = id;
      *label = g_strdup (asset->name);
      return TRUE;
    }
  g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
               /* Translators: do not translate "--scope", "all", "unit:" and "system:" */
               _("--scope takes all, unit:NAME or system:NAME."));
  return FALSE;
}

static gboolean
export_heat_map (VaernDocument        *doc,
                 const char           *output,
                 Scope                *scope,
                 const char           *scope_label,
                 VaernHeatMapShow      show,
                 GError              **error)
{
  const VaernRiskScale *scale = vaern_document_get_scale (doc);
  guint n_cells = scale->n_likelihood * scale->n_consequence;
  g_autofree guint *inherent = g_new0 (guint, n_cells);
  g_autofree guint *residual = g_new0 (guint, n_cells);
  g_autofree char *today = vaern_date_today ();
  g_autofree char *date = vaern_date_format (today);
  VaernHeatMap map = { 0 };
  VaernHeatMapPage page = { 0 };
  g_autoptr(GBytes) logo = vaern_document_get_logo (doc);

  vaern_risk_list_count_cells (vaern_document_get_risks (doc), scale->n_likelihood,
                               scale->n_consequence, in_scope, scope, inherent, residual);

  map.scale = scale;
  map.inherent = inherent;
  map.residual = residual;
  map.show = show;
  map.legend = TRUE;
  map.font_size = 10;
  page.organisation = vaern_document_get_organisation (doc);
  page.logo = logo;
  page.scope = scope_label;
  page.date = date;
  return vaern_heat_map_export (output, &map, &page, error);
}

/* The annual wheel of a year (0: this one) as a picture, A4 landscape. */
static gboolean
export_wheel_picture (VaernDocument *doc,
                      const char    *output,
                      int            year,
                      GError       **error)
{
  g_autofree char *today = vaern_date_today ();
  g_autofree char *date = vaern_date_format (today);
  g_autoptr(GArray) marks = NULL;
  VaernWheel wheel = { 0 };
  g_autoptr(GBytes) logo = vaern_document_get_logo (doc);
  VaernWheelPage page = { vaern_document_get_organisation (doc), date, logo };

  wheel.year = year > 0 ? (guint) year : (guint) atoi (today);
  wheel.today = today;
  wheel.focus = -1;
  marks = vaern_wheel_marks_from_activities (vaern_document_get_activities (doc), wheel.year, today);
  wheel.marks = marks;
  for (guint r = 0; r < 4; r++)
    wheel.ring_labels[r] = vaern_enum_label (&vaern_enum_pdca_phase, r);
  return vaern_wheel_export (output, VAERN_WHEEL_PAPER_A4, TRUE, &wheel, &page, error);
}

/* The newest version of the SoA: as XML, or as the printed table. */
static gboolean
export_soa (VaernDocument *doc,
            const char    *output,
            GError       **error)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);
  g_autoptr(VaernSoaTable) table = NULL;
  g_autofree char *today = NULL;
  g_autofree char *date = NULL;

  if (g_str_has_suffix (lower, ".xml"))
    return vaern_report_write_soa (doc, 0, output, error);
  today = vaern_date_today ();
  date = vaern_date_format (today);
  table = vaern_soa_table_new (doc, 0, date);
  return vaern_soa_table_export (table, output, error);
}

/* The management report: the XML, the XML made into HTML by the
 * stylesheet, or the PDF drawn by the renderers the window uses. */
static gboolean
export_management (VaernDocument *doc,
                   const char    *output,
                   GError       **error)
{
  if (has_extension (output, (const char *const[]) { ".xml", NULL }))
    return vaern_report_write_management (doc, output, error);
  if (has_extension (output, (const char *const[]) { ".html", NULL }))
    return vaern_report_write_management_html (doc, output, error);
  return vaern_management_report_export (doc, output, error);
}

/**
 * vaern_cli_export:
 *
 * vaern --export=WHAT --output=OUT FILE. Everything that can be checked
 * without the document is checked first; the document is only read, and
 * OUT is written whole or not at all.
 */
int
vaern_cli_export (const VaernCliExport *options)
{
  static const char *const xml[] = { ".xml", NULL };
  static const char *const pictures[] = { ".png", ".pdf", ".svg", NULL };
  static const char *const tables[] = { ".xml", ".pdf", NULL };
  static const char *const calendars[] = { ".xml", ".ics", NULL };
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scope_label = NULL;
  Scope scope = { 0, NULL };
  VaernHeatMapShow show = VAERN_HEAT_MAP_BOTH;
  static const char *const management[] = { ".xml", ".html", ".pdf", NULL };
  ExportKind kind = EXPORT_UNKNOWN;
  const char *const *extensions;
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (exports) && kind == EXPORT_UNKNOWN; i++)
    if (g_strcmp0 (options->what, exports[i].what) == 0)
      kind = exports[i].kind;
  if (kind == EXPORT_UNKNOWN)
    {
      g_autofree char *message =
        /* Translators: %s is what the person asked for; do not translate the list */
        g_strdup_printf (_("“%s” cannot be exported. Choose one of full, systems, risks, "
                           "soa, wheel, management, heat-map or wheel-picture."),
                         options->what ? options->what : "");

      return fail_message (message);
    }
  if (options->output == NULL || *options->output == '\0')
    /* Translators: do not translate the options */
    return fail_message (_("--export needs a file to write: "
                           "vaern --export=WHAT --output=OUT FILE.vaern"));
  if (options->document == NULL)
    /* Translators: do not translate the options */
    return fail_message (_("--export needs the document to export: "
                           "vaern --export=WHAT --output=OUT FILE.vaern"));

  extensions = kind == EXPORT_HEAT_MAP || kind == EXPORT_WHEEL_PICTURE ? pictures
               : kind == EXPORT_SOA ? tables : kind == EXPORT_WHEEL ? calendars
               : kind == EXPORT_MANAGEMENT ? management : xml;
  if (!has_extension (options->output, extensions))
    {
      g_autofree char *message = NULL;

      if (kind == EXPORT_HEAT_MAP || kind == EXPORT_WHEEL_PICTURE)
        /* Translators: the first %s is a kind of export, the second a file name */
        message = g_strdup_printf (_("Cannot export %s as “%s”. Choose a name that ends in "
                                     ".png, .pdf or .svg."), options->what, options->output);
      else if (kind == EXPORT_WHEEL)
        /* Translators: the first %s is a kind of export, the second a file name */
        message = g_strdup_printf (_("Cannot export %s as “%s”. Choose a name that ends in "
                                     ".ics or .xml."), options->what, options->output);
      else if (kind == EXPORT_MANAGEMENT)
        /* Translators: the first %s is a kind of export, the second a file name */
        message = g_strdup_printf (_("Cannot export %s as “%s”. Choose a name that ends in "
                                     ".xml, .html or .pdf."), options->what, options->output);
      else if (kind == EXPORT_SOA)
        /* Translators: the first %s is a kind of export, the second a file name */
        message = g_strdup_printf (_("Cannot export %s as “%s”. Choose a name that ends in "
                                     ".xml or .pdf."), options->what, options->output);
      else
        /* Translators: the first %s is a kind of export, the second a file name */
        message = g_strdup_printf (_("Cannot export %s as “%s”. Choose a name that ends in "
                                     ".xml."), options->what, options->output);
      return fail_message (message);
    }

  if (kind != EXPORT_HEAT_MAP && (options->scope != NULL || options->show != NULL))
    /* Translators: do not translate the options */
    return fail_message (_("--scope and --show go with --export=heat-map only."));
  if (kind != EXPORT_WHEEL_PICTURE && options->year != 0)
    /* Translators: do not translate the options */
    return fail_message (_("--year goes with --export=wheel-picture only."));
  if (options->show == NULL || g_str_equal (options->show, "both"))
    show = VAERN_HEAT_MAP_BOTH;
  else if (g_str_equal (options->show, "before"))
    show = VAERN_HEAT_MAP_INHERENT;
  else if (g_str_equal (options->show, "after"))
    show = VAERN_HEAT_MAP_RESIDUAL;
  else
    /* Translators: do not translate "--show", "both", "before" and "after" */
    return fail_message (_("--show takes both, before or after."));

  if (same_file (options->output, options->document))
    {
      g_autofree char *message =
        /* Translators: %s is a file name */
        g_strdup_printf (_("“%s” is the document itself. Choose another file to export to."),
                         options->output);

      return fail_message (message);
    }

  /* An export never changes its input, not even to bring an older
   * document up to date. */
  doc = vaern_document_open_snapshot (options->document, &error);
  if (doc == NULL)
    return fail (options->document, error);

  if (kind == EXPORT_HEAT_MAP && !parse_scope (doc, options->scope, &scope, &scope_label, &error))
    return fail_message (error->message);

  if (kind == EXPORT_RISKS)
    ok = vaern_report_write_risks (doc, options->output, &error);
  else if (kind == EXPORT_SOA)
    ok = export_soa (doc, options->output, &error);
  else if (kind == EXPORT_WHEEL_PICTURE)
    ok = export_wheel_picture (doc, options->output, options->year, &error);
  else if (kind == EXPORT_WHEEL && has_extension (options->output, (const char *const[]) { ".ics", NULL }))
    ok = vaern_ical_write_wheel (doc, options->output, &error);
  else if (kind == EXPORT_WHEEL)
    ok = vaern_report_write_wheel (doc, options->output, &error);
  else if (kind == EXPORT_FULL)
    ok = vaern_report_write_full (doc, options->output, &error);
  else if (kind == EXPORT_SYSTEMS)
    ok = vaern_report_write_systems (doc, options->output, &error);
  else if (kind == EXPORT_MANAGEMENT)
    ok = export_management (doc, options->output, &error);
  else
    ok = export_heat_map (doc, options->output, &scope, scope_label, show, &error);
  g_clear_pointer (&scope.unit_ids, g_hash_table_unref);
  /* A list that could not be read would make a report that looks complete
   * and is not: it is removed, and the reason given. */
  if (ok && !vaern_document_check_lists (doc, &error))
    {
      g_unlink (options->output);
      vaern_document_close (doc);
      return fail (options->document, error);
    }
  vaern_document_close (doc);
  /* The report and the renderer name the file in their messages. */
  if (!ok)
    return fail_message (error->message);
  return 0;
}

/**
 * vaern_cli_import:
 *
 * vaern --import=IN.xml --output=NEW.vaern: a new document from a full
 * export. The XML is checked whole before anything is written, and a
 * refused file leaves no document behind.
 */
int
vaern_cli_import (const char *xml_path,
                  const char *output)
{
  g_autoptr(GError) error = NULL;

  if (output == NULL || *output == '\0')
    /* Translators: do not translate the options */
    return fail_message (_("--import needs the new document to make: "
                           "vaern --import=IN.xml --output=NEW.vaern"));
  if (!vaern_location_is_server (output)
      && !has_extension (output, (const char *const[]) { ".vaern", NULL }))
    {
      g_autofree char *message =
        /* Translators: %s is a file name */
        g_strdup_printf (_("Cannot make a document named “%s”. Choose a name that ends in "
                           ".vaern."), output);

      return fail_message (message);
    }
  if (!vaern_report_import_full (xml_path, output, &error))
    return fail_message (error->message);
  return 0;
}

int
vaern_cli_publish (const char *document,
                   const char *to)
{
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (to == NULL || *to == '\0')
    /* Translators: do not translate the options */
    return fail_message (_("--publish needs the place to copy to: "
                           "vaern --publish=FILE.vaern --to=postgresql://SERVER/DATABASE"));
  if (!vaern_location_is_server (to)
      && !has_extension (to, (const char *const[]) { ".vaern", NULL }))
    {
      g_autofree char *message =
        /* Translators: %s is a file name */
        g_strdup_printf (_("Cannot make a document named “%s”. Choose a name that ends in "
                           ".vaern, or a database on a server."), to);

      return fail_message (message);
    }
  /* The document read as it is, never changed. */
  doc = vaern_document_open_snapshot (document, &error);
  if (doc == NULL)
    return fail (document, error);
  if (!vaern_document_publish (doc, to, NULL, &error))
    return fail_message (error->message);
  return 0;
}
