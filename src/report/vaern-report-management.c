/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>

#include "core/vaern-date.h"
#include "store/vaern-figures.h"
#include "vaern-report-private.h"
#include "vaern-report-resources.h"

/* The system register (kind "systems") and the management report (kind
 * "management", ledelsesrapport), as XML, and the management report as
 * HTML made from that XML by the stylesheet data/vaern-management.xsl. */

#define CLAUSE_SYSTEMS    "A.5.9 A.5.2"
#define CLAUSE_MANAGEMENT "9.3"
#define CLAUSE_FIGURES    "9.1"
#define CLAUSE_HEAT_MAP   "6.1.2 8.2"
#define CLAUSE_TOP_RISKS  "6.1.3 8.3"
#define CLAUSE_CHANGES    "7.5.3 10.1"


/* The system register =================================================== */

static void
write_findings (Out          *o,
                VaernFindings findings)
{
  static const struct { VaernFindings flag; const char *key; } keys[] = {
    { VAERN_FINDING_NO_OWNER, "no-owner" },
    { VAERN_FINDING_DPA_MISSING, "dpa-missing" },
    { VAERN_FINDING_REVIEW_OVERDUE, "review-overdue" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (findings & keys[i].flag)
      out_element (o, "finding", keys[i].key);
}

static void
write_system (Out                  *o,
              VaernDocument        *doc,
              const VaernRiskScale *scale,
              VaernAsset           *a)
{
  gint64 id = vaern_record_get_id (VAERN_RECORD (a));
  g_autoptr(GListModel) roles = vaern_document_list_assignments (doc, id, 0, FALSE);

  out_start (o, "system");
  out_attr_ref (o, "id", "asset", id);
  out_attr (o, "kind", vaern_enum_key (&vaern_enum_asset_kind, a->kind));
  out_element (o, "name", a->name);
  out_element (o, "purpose", a->purpose);
  if (a->unit_id > 0)
    {
      out_start (o, "unit");
      out_attr_ref (o, "unit-ref", "unit", a->unit_id);
      out_content (o, a->unit_name);
      out_end (o);
    }
  if (a->kitos_uuid != NULL)
    out_element (o, "kitos-uuid", a->kitos_uuid);
  out_element (o, "supplier", a->supplier);
  out_element (o, "hosting", vaern_enum_key (&vaern_enum_hosting, a->hosting));
  out_element (o, "lifecycle", vaern_enum_key (&vaern_enum_lifecycle, a->lifecycle));
  out_element (o, "personal-data", vaern_enum_key (&vaern_enum_personal_data, a->personal_data));
  out_start (o, "dpa");
  if (a->dpa_date != NULL)
    out_attr (o, "date", a->dpa_date);
  out_content (o, vaern_enum_key (&vaern_enum_dpa, a->dpa));
  out_end (o);
  out_start (o, "classification");
  out_attr_uint (o, "criticality", a->criticality);
  out_attr_uint (o, "confidentiality", a->confidentiality);
  out_attr_uint (o, "integrity", a->integrity);
  out_attr_uint (o, "availability", a->availability);
  out_end (o);
  if (a->next_review != NULL)
    out_element (o, "next-review", a->next_review);

  out_start (o, "roles");
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(VaernAssignment) r = g_list_model_get_item (roles, i);

      out_start (o, "holder");
      out_attr_ref (o, "person-ref", "person", r->person_id);
      out_attr_ref (o, "role-ref", "role", r->role_id);
      out_attr (o, "from", r->from_date);
      out_element (o, "role", r->role_name);
      out_element (o, "person", r->person_name);
      out_end (o);
    }
  out_end (o);

  out_start (o, "risks");
  out_attr_uint (o, "count", a->n_risks);
  if (a->last_assessed != NULL)
    out_attr (o, "last-assessed", a->last_assessed);
  if (a->max_residual_band > 0)
    write_band (o, scale, a->max_residual_band);
  out_end (o);

  out_start (o, "findings");
  write_findings (o, a->findings);
  out_end (o);
  out_end (o);
}

static gboolean
systems_sections (Out           *o,
                  VaernDocument *doc,
                  gpointer       data,
                  GError       **error)
{
  const VaernRiskScale *scale = vaern_document_get_scale (doc);
  g_autoptr(GPtrArray) assets = NULL;

  /* The risks give each system its count and highest band. */
  vaern_document_get_risks (doc);
  assets = sorted_by_id (vaern_document_get_assets (doc));
  out_start (o, "systems");
  out_attr (o, "iso-clause", CLAUSE_SYSTEMS);
  for (guint i = 0; i < assets->len && !o->failed; i++)
    write_system (o, doc, scale, g_ptr_array_index (assets, i));
  out_end (o);
  return TRUE;
}

/**
 * vaern_report_write_systems:
 * @doc: the document
 * @path: the XML file to write
 * @error: return location for a %VAERN_REPORT_ERROR
 *
 * Writes the register (kind "systems"): every asset with its
 * classification, current role holders, risks and findings.
 */
gboolean
vaern_report_write_systems (VaernDocument *doc,
                            const char    *path,
                            GError       **error)
{
  return write_report (doc, path, "systems", systems_sections, NULL, error);
}

/* The management report ================================================= */

static void
write_figures (Out             *o,
               VaernKeyFigures *f)
{
  guint applicable = 0, implemented = 0;

  out_start (o, "figures");
  out_attr (o, "iso-clause", CLAUSE_FIGURES);

  out_start (o, "register");
  out_attr_uint (o, "assets", f->n_assets);
  out_attr_uint (o, "systems", f->n_systems);
  out_attr_uint (o, "without-owner", f->n_systems_no_owner);
  out_attr_uint (o, "assessed", f->n_systems_assessed);
  out_attr_uint (o, "assessed-percent", vaern_key_figures_percent (f->n_systems_assessed,
                                                                   f->n_systems));
  out_attr_uint (o, "dpa-missing", f->n_dpa_missing);
  out_attr_uint (o, "review-overdue", f->n_asset_review_overdue);
  out_end (o);

  out_start (o, "risk-figures");
  out_attr_uint (o, "risks", f->n_risks);
  out_attr_uint (o, "assessed", f->n_risks_assessed);
  out_attr_uint (o, "undecided", f->n_risks_undecided);
  out_attr_uint (o, "review-overdue", f->n_risk_review_overdue);
  out_end (o);

  out_start (o, "soa-figures");
  out_attr_uint (o, "version", f->soa_version);
  out_attr_bool (o, "approved", f->soa_approved);
  out_attr_uint (o, "missing-justification", f->soa_missing_justification);
  for (guint t = 0; t < VAERN_FIGURES_N_THEMES; t++)
    {
      out_start (o, "theme");
      out_attr (o, "key", theme_key (t + 5));
      out_attr_uint (o, "number", t + 5);
      out_attr_uint (o, "applicable", f->soa_applicable[t]);
      out_attr_uint (o, "implemented", f->soa_implemented[t]);
      out_attr_uint (o, "percent", vaern_key_figures_percent (f->soa_implemented[t],
                                                              f->soa_applicable[t]));
      out_end (o);
      applicable += f->soa_applicable[t];
      implemented += f->soa_implemented[t];
    }
  out_start (o, "total");
  out_attr_uint (o, "applicable", applicable);
  out_attr_uint (o, "implemented", implemented);
  out_attr_uint (o, "percent", vaern_key_figures_percent (implemented, applicable));
  out_end (o);
  out_end (o);

  out_start (o, "activity-figures");
  out_attr_uint (o, "overdue", f->n_activities_overdue);
  out_attr_uint (o, "upcoming", f->n_activities_upcoming);
  out_attr (o, "until", f->soon);
  out_end (o);

  out_start (o, "document-figures");
  out_attr_uint (o, "documents", f->n_documents);
  out_attr_uint (o, "review-due", f->n_documents_review_due);
  out_attr_uint (o, "in-review", f->n_documents_in_review);
  out_attr_uint (o, "pending-approvals", f->n_pending_approvals);
  out_end (o);

  out_end (o);
}

static void
write_heat_map (Out                  *o,
                VaernDocument        *doc,
                VaernKeyFigures      *f)
{
  const VaernRiskScale *scale = vaern_document_get_scale (doc);
  guint n_cells = scale->n_likelihood * scale->n_consequence;
  g_autofree guint *inherent = g_new0 (guint, n_cells);
  g_autofree guint *residual = g_new0 (guint, n_cells);

  vaern_risk_list_count_cells (vaern_document_get_risks (doc), scale->n_likelihood,
                               scale->n_consequence, NULL, NULL, inherent, residual);

  out_start (o, "heat-map");
  out_attr (o, "iso-clause", CLAUSE_HEAT_MAP);
  out_attr_uint (o, "likelihood-levels", scale->n_likelihood);
  out_attr_uint (o, "consequence-levels", scale->n_consequence);
  for (guint b = 0; b < scale->n_bands; b++)
    {
      out_start (o, "band");
      out_attr_uint (o, "position", b);
      out_attr (o, "colour", scale->bands[b].color);
      out_attr_uint (o, "before", b < VAERN_FIGURES_MAX_BANDS ? f->inherent_by_band[b] : 0);
      out_attr_uint (o, "after", b < VAERN_FIGURES_MAX_BANDS ? f->residual_by_band[b] : 0);
      out_content (o, scale->bands[b].label);
      out_end (o);
    }
  for (guint l = scale->n_likelihood; l >= 1; l--)
    for (guint c = 1; c <= scale->n_consequence; c++)
      {
        guint i = (l - 1) * scale->n_consequence + (c - 1);
        int band = vaern_risk_scale_band (scale, l, c);

        out_start (o, "cell");
        out_attr_uint (o, "likelihood", l);
        out_attr_uint (o, "consequence", c);
        out_attr_uint (o, "band", band < 0 ? 0 : (guint) band);
        out_attr_uint (o, "before", inherent[i]);
        out_attr_uint (o, "after", residual[i]);
        out_end (o);
      }
  out_end (o);
}

static void
write_changes (Out           *o,
               VaernDocument *doc,
               const char    *since)
{
  g_autoptr(GListModel) sets = vaern_document_list_change_sets (doc, since,
                                                                    VAERN_FIGURES_MAX_CHANGES + 1);
  guint n = g_list_model_get_n_items (sets);

  out_start (o, "changes");
  out_attr (o, "iso-clause", CLAUSE_CHANGES);
  if (since != NULL)
    out_attr (o, "since", since);
  out_attr_bool (o, "complete", n <= VAERN_FIGURES_MAX_CHANGES);
  for (guint i = 0; i < n && i < VAERN_FIGURES_MAX_CHANGES; i++)
    {
      g_autoptr(VaernChange) c = g_list_model_get_item (sets, i);

      out_start (o, "change");
      out_attr (o, "at", c->at);
      out_attr (o, "actor", c->actor);
      out_content (o, c->label);
      out_end (o);
    }
  out_end (o);
}

static gboolean
management_sections (Out           *o,
                     VaernDocument *doc,
                     gpointer       data,
                     GError       **error)
{
  const VaernRiskScale *scale = vaern_document_get_scale (doc);
  g_autoptr(VaernKeyFigures) f = vaern_key_figures_compute (doc, NULL);
  g_autoptr(GPtrArray) top = vaern_key_figures_top_risks (doc, 1, VAERN_FIGURES_TOP_RISKS);

  out_start (o, "management");
  out_attr (o, "iso-clause", CLAUSE_MANAGEMENT);
  out_attr (o, "date", f->today);
  if (f->last_report_approved_on != NULL)
    out_attr (o, "last-approved-report", f->last_report_approved_on);

  write_figures (o, f);
  write_heat_map (o, doc, f);

  out_start (o, "top-risks");
  out_attr (o, "iso-clause", CLAUSE_TOP_RISKS);
  for (guint i = 0; i < top->len && !o->failed; i++)
    write_risk (o, scale, g_ptr_array_index (top, i));
  out_end (o);

  write_changes (o, doc, f->last_report_approved_on);
  out_end (o);
  return TRUE;
}

/**
 * vaern_report_write_management:
 * @doc: the document
 * @path: the XML file to write
 * @error: return location for a %VAERN_REPORT_ERROR
 *
 * Writes the management report (kind "management") for management's
 * review (9.3): the key figures, the heat map before and after treatment,
 * the highest risks with their treatment, and what changed since the last
 * approved management report.
 */
gboolean
vaern_report_write_management (VaernDocument *doc,
                               const char    *path,
                               GError       **error)
{
  return write_report (doc, path, "management", management_sections, NULL, error);
}

/* As HTML =============================================================== */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xsltStylesheet, xsltFreeStylesheet)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xsltSecurityPrefs, xsltFreeSecurityPrefs)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xsltTransformContext, xsltFreeTransformContext)

static xsltStylesheet *
load_stylesheet (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (vaern_report_get_resource (),
                                                    "/io/github/vaern/Vaern/report/"
                                                    "vaern-management.xsl",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  xmlDoc *xsl = NULL;
  xsltStylesheet *sheet = NULL;
  gsize length = 0;
  gconstpointer data = bytes ? g_bytes_get_data (bytes, &length) : NULL;

  report_libxml_init ();
  xsltSetGenericErrorFunc (NULL, report_log_generic);
  if (data != NULL)
    xsl = xmlReadMemory (data, (int) length, "vaern-management.xsl", NULL, report_parse_options);
  if (xsl != NULL)
    sheet = xsltParseStylesheetDoc (xsl);   /* takes xsl */
  if (sheet == NULL)
    {
      if (xsl != NULL)
        xmlFreeDoc (xsl);
      g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_READ,
                   _("The management report's stylesheet cannot be read. Reinstall Værn."));
    }
  return sheet;
}

/* Makes the management report's XML in memory and makes it HTML with the
 * stylesheet; the HTML is written whole or not at all, like every report. */
gboolean
vaern_report_write_management_html (VaernDocument *doc,
                                    const char    *path,
                                    GError       **error)
{
  g_autoptr(xsltStylesheet) sheet = NULL;
  g_autoptr(xsltSecurityPrefs) prefs = NULL;
  g_autoptr(xsltTransformContext) ctxt = NULL;
  g_autoptr(xmlDoc) xml = NULL;
  g_autoptr(xmlDoc) html = NULL;
  g_autofree char *tmp_html = NULL;
  g_autofree char *dir = NULL;
  xmlBuffer *report;
  int fd;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  sheet = load_stylesheet (error);
  if (sheet == NULL)
    return FALSE;

  /* The XML is made in memory and read back from there. */
  report = write_report_to_memory (doc, path, "management", management_sections, NULL, error);
  if (report == NULL)
    return FALSE;
  xml = xmlReadMemory ((const char *) xmlBufferContent (report), xmlBufferLength (report), NULL,
                       NULL, report_parse_options);
  xmlBufferFree (report);
  if (xml == NULL)
    {
      set_write_error (error, path, 0);
      return FALSE;
    }

  /* The stylesheet reads and writes nothing but its input and output. */
  prefs = xsltNewSecurityPrefs ();
  xsltSetSecurityPrefs (prefs, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs (prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
  xsltSetSecurityPrefs (prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
  xsltSetSecurityPrefs (prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
  xsltSetSecurityPrefs (prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
  ctxt = xsltNewTransformContext (sheet, xml);
  xsltSetCtxtSecurityPrefs (prefs, ctxt);
  html = xsltApplyStylesheetUser (sheet, xml, NULL, NULL, NULL, ctxt);
  if (html == NULL || ctxt->state != XSLT_STATE_OK)
    {
      g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_WRITE,
                   /* Translators: %s is a file name */
                   _("Could not make the management report “%s” as HTML."), path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  {
    g_autofree char *base = g_path_get_basename (path);
    g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);

    tmp_html = g_build_filename (dir, name, NULL);
  }
  fd = g_mkstemp_full (tmp_html, O_WRONLY, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }
  {
    xmlOutputBuffer *out = xmlOutputBufferCreateFd (fd, NULL);
    int written = out ? xsltSaveResultTo (out, html, sheet) : -1;
    int closed = out ? xmlOutputBufferClose (out) : -1;

    ok = written >= 0 && closed >= 0 && g_fsync (fd) == 0;
    ok = close (fd) == 0 && ok;
  }
  if (!ok || g_rename (tmp_html, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_html);
      set_write_error (error, path, saved);
      return FALSE;
    }
  return TRUE;
}
