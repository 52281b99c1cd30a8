/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

#include "vaern-report-private.h"
#include "vaern-report-resources.h"

/* Reports are written by streaming through xmlTextWriter, so a register of
 * tens of thousands of risks never sits in memory as a tree, and read back
 * (for validation) from memory with the network and external entities
 * shut off. */

G_DEFINE_QUARK (vaern-report-error-quark, vaern_report_error)


/* A report bigger than this is not one of ours. */
#define MAX_REPORT_SIZE (256 * 1024 * 1024)

/* The ISO/IEC 27001:2022 clauses each section is evidence for: the risk
 * criteria and the assessment process (6.1.2), its results (8.2). */
#define CLAUSE_SCALE   "6.1.2"
#define CLAUSE_THREATS "6.1.2"
#define CLAUSE_RISKS   "6.1.2 8.2"
/* The Statement of Applicability: 6.1.3 d. */
#define CLAUSE_SOA     "6.1.3"
/* The annual wheel and plan: planning (6.2), monitoring (9.1), management
 * review (9.3), improvement (10.1). */
#define CLAUSE_WHEEL   "6.2 9.1 9.3 10.1"

/* Writing ================================================================ */


void
out_note_failure (Out *o,
                  int  rc)
{
  if (rc < 0 && !o->failed)
    {
      o->failed = TRUE;
      o->saved_errno = errno;
    }
}

/* Text as XML 1.0 allows it: valid UTF-8 without the control characters
 * that no XML file may contain (a stray one pasted into a description
 * would otherwise make the whole report unreadable). */
char *
xml_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *clean = NULL;

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                         || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;

      if (allowed && clean == NULL)
        continue;
      if (clean == NULL)
        clean = g_string_new_len (valid, p - valid);
      if (allowed)
        g_string_append_unichar (clean, c);
    }
  return clean ? g_string_free (clean, FALSE) : g_steal_pointer (&valid);
}

void
out_start (Out        *o,
           const char *name)
{
  if (!o->failed)
    out_note_failure (o, xmlTextWriterStartElement (o->writer, BAD_CAST name));
}

void
out_end (Out *o)
{
  if (!o->failed)
    out_note_failure (o, xmlTextWriterEndElement (o->writer));
}

void
out_attr (Out        *o,
          const char *name,
          const char *value)
{
  g_autofree char *text = NULL;

  if (o->failed)
    return;
  text = xml_text (value);
  out_note_failure (o, xmlTextWriterWriteAttribute (o->writer, BAD_CAST name, BAD_CAST text));
}

void
out_attr_uint (Out        *o,
               const char *name,
               guint       value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", value);
  out_attr (o, name, text);
}

void
out_attr_bool (Out        *o,
               const char *name,
               gboolean    value)
{
  out_attr (o, name, value ? "true" : "false");
}

/* A reference to a row of the document: "risk-17". */
void
out_attr_ref (Out        *o,
              const char *name,
              const char *prefix,
              gint64      id)
{
  g_autofree char *text = g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, id);

  out_attr (o, name, text);
}

void
out_content (Out        *o,
             const char *value)
{
  g_autofree char *text = NULL;

  if (o->failed)
    return;
  text = xml_text (value);
  out_note_failure (o, xmlTextWriterWriteString (o->writer, BAD_CAST text));
}

void
out_content_uint (Out  *o,
                  guint value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", value);
  out_content (o, text);
}

void
out_element (Out        *o,
             const char *name,
             const char *value)
{
  out_start (o, name);
  out_content (o, value);
  out_end (o);
}

void
out_element_uint (Out        *o,
                  const char *name,
                  guint       value)
{
  out_start (o, name);
  out_content_uint (o, value);
  out_end (o);
}

void
out_element_bool (Out        *o,
                  const char *name,
                  gboolean    value)
{
  out_element (o, name, value ? "true" : "false");
}

void
out_free (Out *o)
{
  g_clear_pointer (&o->writer, xmlFreeTextWriter);
  if (o->fd >= 0)
    close (o->fd);
  if (o->tmp_path)
    g_unlink (o->tmp_path);
  g_free (o->tmp_path);
  g_free (o->path);
  g_free (o);
}


void
set_write_error (GError    **error,
                 const char *path,
                 int         saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_WRITE,
               /* Translators: the first %s is a file name, the second why it failed */
               _("Could not write the report “%s”: %s"), display,
               saved_errno != 0 ? g_strerror (saved_errno)
                                /* Translators: why a report could not be written */
                                : _("the file could not be completed"));
}

/* Now, or the time SOURCE_DATE_EPOCH gives (seconds since 1970), so that
 * the same document exports to the same bytes when a build or a test asks
 * for it. */
GDateTime *
report_now (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_utc ();
}

static void start_report (Out *o, VaernDocument *doc, const char *kind);

/* Opens a temporary file beside path and starts the report element with
 * the organisation; the sections follow. */
Out *
out_begin (VaernDocument *doc,
           const char    *path,
           const char    *kind,
           GError       **error)
{
  g_autoptr(Out) o = g_new0 (Out, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  xmlOutputBuffer *buffer;

  o->path = g_strdup (path);
  o->fd = -1;
  o->tmp_path = g_build_filename (dir, tmp_name, NULL);
  /* 0666 so that the umask, not the temporary name, decides who may read it. */
  o->fd = g_mkstemp_full (o->tmp_path, O_WRONLY, 0666);
  if (o->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&o->tmp_path, g_free);
      set_write_error (error, path, saved_errno);
      return NULL;
    }

  /* Through the descriptor rather than xmlNewTextWriterFilename, which
   * takes the name for a URI and would write "a%41b" to "aAb". The buffer
   * does not close the descriptor; out_finish does. */
  buffer = xmlOutputBufferCreateFd (o->fd, NULL);
  if (buffer == NULL || (o->writer = xmlNewTextWriter (buffer)) == NULL)
    {
      if (buffer && o->writer == NULL)
        xmlOutputBufferClose (buffer);
      set_write_error (error, path, ENOMEM);
      return NULL;
    }
  start_report (o, doc, kind);
  return g_steal_pointer (&o);
}

/* The report element and the organisation, on o->writer. */
static void
start_report (Out           *o,
              VaernDocument *doc,
              const char    *kind)
{
  g_autoptr(GDateTime) now = report_now ();
  g_autofree char *generated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *cvr = vaern_document_get_cvr (doc);
  g_autoptr(GBytes) logo = vaern_document_get_logo (doc);

  xmlTextWriterSetIndent (o->writer, 1);
  xmlTextWriterSetIndentString (o->writer, BAD_CAST "  ");

  out_note_failure (o, xmlTextWriterStartDocument (o->writer, "1.0", "UTF-8", NULL));
  if (!o->failed)
    out_note_failure (o, xmlTextWriterStartElementNS (o->writer, NULL, BAD_CAST "report",
                                                      BAD_CAST VAERN_REPORT_NAMESPACE));
  out_attr (o, "kind", kind);
  out_attr (o, "version", VAERN_REPORT_VERSION);
  out_attr (o, "generated", generated);

  out_start (o, "organisation");
  out_element (o, "name", vaern_document_get_organisation (doc));
  if (cvr != NULL && *cvr != '\0')
    out_element (o, "cvr", cvr);
  if (logo != NULL)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (logo, &size);
      g_autofree char *base64 = g_base64_encode (data, size);

      out_start (o, "logo");
      out_attr (o, "media-type", "image/png");
      if (!o->failed)
        out_note_failure (o, xmlTextWriterWriteString (o->writer, BAD_CAST base64));
      out_end (o);
    }
  out_end (o);
}

/* Ends the report, makes sure it is on disk and puts it in place. */
gboolean
out_finish (Out     *o,
            GError **error)
{
  if (!o->failed)
    out_note_failure (o, xmlTextWriterEndDocument (o->writer));
  if (!o->failed)
    out_note_failure (o, xmlTextWriterFlush (o->writer));
  if (!o->failed && g_fsync (o->fd) != 0)
    out_note_failure (o, -1);
  if (!o->failed)
    {
      int fd = o->fd;

      o->fd = -1;
      if (close (fd) != 0)
        out_note_failure (o, -1);
    }
  if (!o->failed && g_rename (o->tmp_path, o->path) != 0)
    out_note_failure (o, -1);

  if (o->failed)
    {
      /* out_free removes the temporary file. */
      set_write_error (error, o->path, o->saved_errno);
      return FALSE;
    }
  g_clear_pointer (&o->tmp_path, g_free);
  return TRUE;
}


gboolean
write_report (VaernDocument *doc,
              const char    *path,
              const char    *kind,
              SectionsFunc   sections,
              gpointer       data,
              GError       **error)
{
  g_autoptr(Out) o = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report_libxml_init ();
  o = out_begin (doc, path, kind, error);
  if (o == NULL || !sections (o, doc, data, error))
    return FALSE;
  return out_finish (o, error);
}

/* The same report into memory, for a transformation that follows (the
 * management report as HTML); path only names it in a message. */
xmlBuffer *
write_report_to_memory (VaernDocument *doc,
                        const char    *path,
                        const char    *kind,
                        SectionsFunc   sections,
                        gpointer       data,
                        GError       **error)
{
  g_autoptr(Out) o = g_new0 (Out, 1);
  xmlBuffer *buffer = NULL;

  report_libxml_init ();
  buffer = xmlBufferCreate ();
  o->fd = -1;
  o->path = g_strdup (path);
  if (buffer == NULL || (o->writer = xmlNewTextWriterMemory (buffer, 0)) == NULL)
    {
      if (buffer)
        xmlBufferFree (buffer);
      set_write_error (error, path, ENOMEM);
      return NULL;
    }
  start_report (o, doc, kind);
  if (!sections (o, doc, data, error))
    {
      xmlBufferFree (buffer);
      return NULL;
    }
  if (!o->failed)
    out_note_failure (o, xmlTextWriterEndDocument (o->writer));
  /* Freeing the writer flushes it into the buffer. */
  g_clear_pointer (&o->writer, xmlFreeTextWriter);
  if (o->failed)
    {
      set_write_error (error, path, o->saved_errno);
      xmlBufferFree (buffer);
      return NULL;
    }
  return buffer;
}

/* The sections =========================================================== */

static gint
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  gint64 ia = vaern_record_get_id (*(VaernRecord **) a);
  gint64 ib = vaern_record_get_id (*(VaernRecord **) b);

  return ia < ib ? -1 : ia > ib;
}

/* The records of a list, by id, so that two exports of the same document
 * list them in the same order whatever order the window shows. */
GPtrArray *
sorted_by_id (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  GPtrArray *records = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, g_list_model_get_item (list, i));
  g_ptr_array_sort (records, compare_by_id);
  return records;
}

static void
write_levels (Out               *o,
              const char        *name,
              guint              n,
              char *const       *labels,
              char *const       *descriptions)
{
  out_start (o, name);
  for (guint l = 0; l < n; l++)
    {
      out_start (o, "level");
      out_attr_uint (o, "number", l + 1);
      out_element (o, "label", labels[l]);
      out_element (o, "description", descriptions[l]);
      out_end (o);
    }
  out_end (o);
}

void
write_scale (Out                  *o,
             const VaernRiskScale *scale)
{
  out_start (o, "scale");
  out_attr (o, "iso-clause", CLAUSE_SCALE);
  out_attr (o, "preset", scale->preset);
  write_levels (o, "likelihood-levels", scale->n_likelihood, scale->likelihood_labels,
                scale->likelihood_descriptions);
  write_levels (o, "consequence-levels", scale->n_consequence, scale->consequence_labels,
                scale->consequence_descriptions);
  out_start (o, "bands");
  for (guint b = 0; b < scale->n_bands; b++)
    {
      out_start (o, "band");
      out_attr_uint (o, "position", b);
      out_attr_uint (o, "min-score", scale->bands[b].min_score);
      out_attr_uint (o, "max-score", vaern_risk_scale_band_max_score (scale, b));
      out_attr (o, "colour", scale->bands[b].color);
      out_attr (o, "safe-colour", scale->bands[b].safe_color);
      out_element (o, "label", scale->bands[b].label);
      out_end (o);
    }
  out_end (o);
  out_end (o);
}

static void
write_threats (Out           *o,
               VaernDocument *doc)
{
  g_autoptr(GPtrArray) threats = sorted_by_id (vaern_document_get_threats (doc));

  out_start (o, "threats");
  out_attr (o, "iso-clause", CLAUSE_THREATS);
  for (guint i = 0; i < threats->len && !o->failed; i++)
    {
      VaernThreat *threat = threats->pdata[i];

      out_start (o, "threat");
      out_attr_ref (o, "id", "threat", vaern_record_get_id (VAERN_RECORD (threat)));
      out_attr_bool (o, "builtin", threat->builtin);
      out_element (o, "category", threat->category);
      out_element (o, "name", threat->name);
      out_element (o, "description", threat->description);
      out_end (o);
    }
  out_end (o);
}

/* A band by its label and position; band is 0 for none, else index + 1. */
void
write_band (Out                  *o,
            const VaernRiskScale *scale,
            guint                 band)
{
  if (band == 0 || band > scale->n_bands)
    return;
  out_start (o, "band");
  out_attr_uint (o, "position", band - 1);
  out_content (o, scale->bands[band - 1].label);
  out_end (o);
}

static void
write_residual_level (Out        *o,
                      const char *name,
                      guint       value,
                      guint       raw)
{
  out_start (o, name);
  out_attr_bool (o, "assessed", raw != 0);
  out_content_uint (o, value);
  out_end (o);
}

void
write_risk (Out                  *o,
            const VaernRiskScale *scale,
            VaernRisk            *risk)
{
  gboolean accepted = (risk->accepted_by != NULL && *risk->accepted_by != '\0')
                      || risk->accepted_on != NULL;

  out_start (o, "risk");
  out_attr_ref (o, "id", "risk", vaern_record_get_id (VAERN_RECORD (risk)));
  out_attr_ref (o, "asset-ref", "asset", risk->asset_id);
  if (risk->threat_id > 0)
    out_attr_ref (o, "threat-ref", "threat", risk->threat_id);

  out_element (o, "asset-name", risk->asset_name);
  out_element (o, "title", risk->title);
  out_element (o, "description", risk->description);

  out_start (o, "consequence");
  out_attr_uint (o, "c", risk->consequence_c);
  out_attr_uint (o, "i", risk->consequence_i);
  out_attr_uint (o, "a", risk->consequence_a);
  out_content_uint (o, risk->consequence);
  out_end (o);
  out_element_uint (o, "likelihood", risk->likelihood);
  out_element_uint (o, "score", risk->score);
  write_band (o, scale, risk->band);

  out_element (o, "treatment", vaern_enum_key (&vaern_enum_treatment, risk->treatment));
  out_element (o, "measures", risk->measures);
  out_start (o, "controls");
  for (guint c = 0; risk->controls && risk->controls[c]; c++)
    out_element (o, "control", risk->controls[c]);
  out_end (o);

  out_start (o, "residual");
  write_residual_level (o, "likelihood", risk->after_likelihood, risk->residual_likelihood);
  write_residual_level (o, "consequence", risk->after_consequence, risk->residual_consequence);
  out_element_uint (o, "score", risk->residual_score);
  write_band (o, scale, risk->residual_band);
  out_end (o);

  if (risk->owner_id > 0)
    {
      out_start (o, "owner");
      out_attr_ref (o, "person-ref", "person", risk->owner_id);
      out_content (o, risk->owner_name);
      out_end (o);
    }
  if (risk->assessed_on != NULL)
    out_element (o, "assessed-on", risk->assessed_on);
  if (risk->review_date != NULL)
    out_element (o, "review-date", risk->review_date);
  out_element_bool (o, "overdue", risk->overdue);

  if (accepted)
    {
      out_start (o, "acceptance");
      if (risk->accepted_by != NULL && *risk->accepted_by != '\0')
        out_element (o, "accepted-by", risk->accepted_by);
      if (risk->accepted_on != NULL)
        out_element (o, "accepted-on", risk->accepted_on);
      out_end (o);
    }
  out_end (o);
}

static void
write_risks (Out           *o,
             VaernDocument *doc)
{
  const VaernRiskScale *scale = vaern_document_get_scale (doc);
  /* The document keeps its risks in id order already. */
  GListModel *risks = vaern_document_get_risks (doc);

  out_start (o, "risks");
  out_attr (o, "iso-clause", CLAUSE_RISKS);
  for (guint i = 0; i < g_list_model_get_n_items (risks) && !o->failed; i++)
    {
      g_autoptr(VaernRisk) risk = g_list_model_get_item (risks, i);

      write_risk (o, scale, risk);
    }
  out_end (o);
}

/**
 * vaern_report_write_risks:
 * @doc: the document
 * @path: the XML file to write
 * @error: return location for a %VAERN_REPORT_ERROR
 *
 * Writes the risk register: the organisation, the risk scale, the threat
 * catalogue and every risk, in the vocabulary of vaern-report.xsd.
 *
 * Returns: %TRUE when the whole report is in place at @path.
 */
static gboolean
risks_sections (Out           *o,
                VaernDocument *doc,
                gpointer       data,
                GError       **error)
{
  write_scale (o, vaern_document_get_scale (doc));
  write_threats (o, doc);
  write_risks (o, doc);
  return TRUE;
}

gboolean
vaern_report_write_risks (VaernDocument *doc,
                          const char    *path,
                          GError       **error)
{
  return write_report (doc, path, "risks", risks_sections, NULL, error);
}

const char *
theme_key (guint theme)
{
  switch (theme)
    {
    case 5: return "organisational";
    case 6: return "people";
    case 7: return "physical";
    default: return "technological";
    }
}

static void
write_soa_control (Out           *o,
                   VaernDocument *doc,
                   VaernSoaEntry *e)
{
  g_autoptr(GPtrArray) risks = vaern_document_list_control_risks (doc, e->control);

  out_start (o, "control");
  out_attr (o, "number", e->control);
  out_attr (o, "edition", "2022");
  out_attr (o, "theme", theme_key (e->theme));
  out_element (o, "title-da", e->title_da);
  out_element (o, "title-en", e->title_en);
  if (e->applicable)
    {
      out_start (o, "included");
      for (guint i = 0; i < vaern_enum_soa_reason.n_entries; i++)
        if (e->reasons & (1u << i))
          out_element (o, "reason", vaern_enum_key (&vaern_enum_soa_reason, i));
      if (e->justification != NULL && *e->justification != '\0')
        out_element (o, "explanation", e->justification);
      out_end (o);
    }
  else
    {
      out_start (o, "excluded");
      out_element (o, "justification", e->justification);
      out_end (o);
    }
  out_element (o, "status", vaern_enum_key (&vaern_enum_soa_status, e->status));
  if (e->owner_name != NULL && *e->owner_name != '\0')
    {
      out_start (o, "owner");
      if (e->owner_id > 0)
        out_attr_ref (o, "person-ref", "person", e->owner_id);
      out_content (o, e->owner_name);
      out_end (o);
    }
  out_start (o, "references");
  for (guint i = 0; i < e->documents->len; i++)
    {
      const VaernSoaDocumentRef *d = e->documents->pdata[i];

      out_start (o, "document");
      out_attr_ref (o, "ref", "document", d->id);
      out_attr (o, "kind", vaern_enum_key (&vaern_enum_doc_kind, d->kind));
      if (d->version != NULL && *d->version != '\0')
        out_attr (o, "version", d->version);
      out_attr (o, "status", vaern_enum_key (&vaern_enum_doc_status, d->status));
      out_element (o, "title", d->title);
      if (d->location != NULL && *d->location != '\0')
        out_element (o, "location", d->location);
      out_end (o);
    }
  for (guint i = 0; i < risks->len && !o->failed; i++)
    {
      VaernRisk *risk = risks->pdata[i];

      out_start (o, "risk");
      out_attr_ref (o, "ref", "risk", vaern_record_get_id (VAERN_RECORD (risk)));
      out_attr_ref (o, "asset-ref", "asset", risk->asset_id);
      out_element (o, "system", risk->asset_name);
      out_element (o, "title", risk->title);
      out_end (o);
    }
  out_end (o);
  out_element (o, "notes", e->notes);
  out_end (o);
}

/* One version of the SoA (0: the newest), as the "soa" section: the part
 * a full report carries too. */
static gboolean
write_soa (Out           *o,
           VaernDocument *doc,
           gint64         version_id,
           GError       **error)
{
  g_autoptr(VaernSoaVersion) version = version_id
    ? vaern_document_get_soa_version (doc, version_id)
    : vaern_document_get_newest_soa_version (doc);
  GListModel *entries = vaern_document_get_soa_entries (doc);
  gint64 id;

  if (version == NULL)
    {
      g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_WRITE,
                   _("That version of the Statement of Applicability does not exist."));
      return FALSE;
    }
  id = vaern_record_get_id (VAERN_RECORD (version));
  out_start (o, "soa");
  out_attr (o, "iso-clause", CLAUSE_SOA);
  out_attr_uint (o, "version", version->number);
  out_attr (o, "created-on", version->created_on);
  if (!version->frozen)
    {
      out_start (o, "draft");
      out_end (o);
    }
  else
    {
      out_start (o, "approval");
      out_element (o, "approved-by", version->approved_by);
      out_element (o, "approved-on", version->approved_on);
      out_element (o, "note", version->approval_note);
      out_end (o);
    }
  out_start (o, "totals");
  out_attr_uint (o, "controls", version->n_controls);
  out_attr_uint (o, "applicable", version->n_applicable);
  out_attr_uint (o, "implemented", version->n_implemented);
  out_end (o);
  for (guint i = 0; i < g_list_model_get_n_items (entries) && !o->failed; i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (entries, i);

      if (e->version_id == id)
        write_soa_control (o, doc, e);
    }
  out_end (o);
  return TRUE;
}

/**
 * vaern_report_write_soa:
 * @doc: the document
 * @version_id: the SoA version, or 0 for the newest
 * @path: the XML file to write
 * @error: return location for a %VAERN_REPORT_ERROR
 *
 * Writes one version of the Statement of Applicability: its approval,
 * totals, and every control with its applicability, reasons,
 * justification, status, owner, documents and risks.
 *
 * Returns: %TRUE when the whole report is in place at @path.
 */
static gboolean
soa_sections (Out           *o,
              VaernDocument *doc,
              gpointer       data,
              GError       **error)
{
  return write_soa (o, doc, *(gint64 *) data, error);
}

gboolean
vaern_report_write_soa (VaernDocument *doc,
                        gint64         version_id,
                        const char    *path,
                        GError       **error)
{
  return write_report (doc, path, "soa", soa_sections, &version_id, error);
}

static void
write_activity (Out           *o,
                VaernActivity *a)
{
  out_start (o, a->plan ? "improvement" : "activity");
  out_attr_ref (o, "id", "activity", vaern_record_get_id (VAERN_RECORD (a)));
  out_attr (o, "phase", vaern_enum_key (&vaern_enum_pdca_phase, a->phase));
  if (!a->plan)
    out_attr (o, "recurrence", vaern_enum_key (&vaern_enum_recurrence, a->recurrence));
  out_element (o, "title", a->title);
  out_element (o, "description", a->description);
  out_element (o, a->plan ? "deadline" : "start-date", a->start_date);
  if (!a->plan && a->end_date != NULL)
    out_element (o, "end-date", a->end_date);
  if (a->owner_id > 0)
    {
      out_start (o, "owner");
      out_attr_ref (o, "person-ref", "person", a->owner_id);
      out_content (o, a->owner_name);
      out_end (o);
    }
  if (a->concerns == VAERN_CONCERNS_RISKS)
    {
      out_start (o, "concerns-risks");
      if (a->asset_id > 0)
        out_attr_ref (o, "asset-ref", "asset", a->asset_id);
      out_content (o, a->concerns_name ? a->concerns_name : "");
      out_end (o);
    }
  else if (a->concerns == VAERN_CONCERNS_SOA)
    {
      out_start (o, "concerns-soa");
      out_end (o);
    }
  else if (a->concerns == VAERN_CONCERNS_DOCUMENT && a->document_id > 0)
    {
      out_start (o, "concerns-document");
      out_attr_ref (o, "document-ref", "document", a->document_id);
      out_content (o, a->concerns_name);
      out_end (o);
    }
  if (a->plan && a->control != NULL && *a->control != '\0')
    out_element (o, "serves-control", a->control);
  if (a->plan && a->risk_id > 0)
    {
      g_autofree char *ref = g_strdup_printf ("risk-%" G_GINT64_FORMAT, a->risk_id);

      out_element (o, "serves-risk", ref);
    }
  out_element_bool (o, "in-progress", a->in_progress);
  if (!a->plan && a->next_date != NULL)
    out_element (o, "next-date", a->next_date);
  out_element_bool (o, "overdue", a->overdue);
  for (guint i = 0; i < a->done->len && (!a->plan || i == 0); i++)
    {
      const VaernActivityDone *d = a->done->pdata[i];

      out_start (o, "done");
      out_attr (o, "occurrence", d->occurrence);
      out_attr (o, "on", d->done_on);
      out_attr (o, "by", d->done_by);
      out_content (o, d->note);
      out_end (o);
    }
  out_end (o);
}

/* Every activity of the wheel and the plan, as the "wheel" section: the
 * part a full report carries too. */
static void
write_wheel (Out           *o,
             VaernDocument *doc)
{
  GListModel *activities = vaern_document_get_activities (doc);

  out_start (o, "wheel");
  out_attr (o, "iso-clause", CLAUSE_WHEEL);
  /* The wheel's activities first, then the plan's improvements. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (activities) && !o->failed; i++)
      {
        g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);

        if (a->plan == (pass == 1))
          write_activity (o, a);
      }
  out_end (o);
}

/**
 * vaern_report_write_wheel:
 * @doc: the document
 * @path: the XML file to write
 * @error: return location for a %VAERN_REPORT_ERROR
 *
 * Writes the annual wheel and plan: every activity with its recurrence,
 * owner, what it concerns, and the occurrences done.
 *
 * Returns: %TRUE when the whole report is in place at @path.
 */
static gboolean
wheel_sections (Out           *o,
                VaernDocument *doc,
                gpointer       data,
                GError       **error)
{
  write_wheel (o, doc);
  return TRUE;
}

gboolean
vaern_report_write_wheel (VaernDocument *doc,
                          const char    *path,
                          GError       **error)
{
  return write_report (doc, path, "wheel", wheel_sections, NULL, error);
}

/* Validation ============================================================= */


#if LIBXML_VERSION >= 21200
void
keep_first_error (void           *user_data,
                  const xmlError *err)
#else
void
keep_first_error (void       *user_data,
                  xmlErrorPtr err)
#endif
{
  FirstError *first = user_data;

  /* Warnings are not why a file is refused. */
  if (first->message != NULL || err == NULL || err->level < XML_ERR_ERROR)
    return;
  first->line = err->line;
  first->message = g_strstrip (g_strdup (err->message ? err->message : ""));
}

/* Nothing outside the file is ever read: no DTD, no entity, no schema
 * named by the file itself. */
static xmlParserInputPtr
deny_external_entities (const char      *url,
                        const char      *id,
                        xmlParserCtxtPtr ctxt)
{
  return NULL;
}

/* libxml2's own messages (its generic and structured error channels) go
 * to Værn's debug log, never to the terminal: what a person sees is the
 * one line Værn makes of the first error. */
void
report_log_generic (void       *ctx,
                    const char *format,
                    ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_debug ("libxml2: %s", g_strstrip (text));
}

#if LIBXML_VERSION >= 21200
static void
log_structured (void           *ctx,
                const xmlError *err)
#else
static void
log_structured (void       *ctx,
                xmlErrorPtr err)
#endif
{
  g_debug ("libxml2: line %d: %s", err ? err->line : 0,
           err && err->message ? err->message : "");
}

static gpointer
install_entity_loader (gpointer data)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (deny_external_entities);
  /* The default of every thread made from now on. */
  xmlThrDefSetGenericErrorFunc (NULL, report_log_generic);
  xmlThrDefSetStructuredErrorFunc (NULL, log_structured);
  return NULL;
}

void
report_libxml_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, install_entity_loader, NULL);
  /* libxml2 keeps these per thread, and an export may run on a worker. */
  xmlSetGenericErrorFunc (NULL, report_log_generic);
  xmlSetStructuredErrorFunc (NULL, log_structured);
}

void
set_invalid_error (GError    **error,
                   const char *path,
                   int         line,
                   const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *one_line = g_strdup (reason && *reason ? reason : _("unknown error"));

  /* Some of libxml2's messages span lines ("…encoding !\nBytes: 0xFF"):
   * the terminal gets one line. */
  g_strdelimit (one_line, "\r\n", ' ');
  g_strstrip (one_line);
  g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_INVALID,
               /* Translators: %s is a file name, %d a line number, the last %s
                * the reason (in English, from the XML library) */
               _("“%s” is not a valid Værn report: line %d: %s"), display, line, one_line);
}

/* Reads a whole file (the report or the schema) with a size cap. */
char *
read_capped (const char *path,
             gsize      *length,
             GError    **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_READ,
                   /* Translators: the first %s is a file name, the second why it failed */
                   _("Could not read “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  /* A pipe, a device or a folder is never a report, and could not be
   * measured before it is read. */
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_READ,
                   /* Translators: %s is a file name */
                   _("“%s” is not a file."), display);
      return NULL;
    }
  if (st.st_size > MAX_REPORT_SIZE)
    {
      g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_READ,
                   /* Translators: %s is a file name */
                   _("“%s” is too big to be a Værn report."), display);
      return NULL;
    }

  /* Read no more than the cap, even if the file grows meanwhile. */
  stream = g_file_read (file, NULL, &local);
  bytes = g_byte_array_sized_new ((guint) st.st_size + 1);
  while (stream != NULL)
    {
      guint8 buffer[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, &local);

      if (n <= 0)
        break;
      if (bytes->len + (gsize) n > MAX_REPORT_SIZE)
        {
          g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_READ,
                       _("“%s” is too big to be a Værn report."), display);
          return NULL;
        }
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  if (local != NULL)
    {
      g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_READ,
                   _("Could not read “%s”: %s"), display, local->message);
      return NULL;
    }
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

const int report_parse_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

xmlSchema *
load_schema (const char *xsd_path,
             GError    **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(xmlDoc) xsd = NULL;
  g_autoptr(xmlSchemaParserCtxt) ctxt = NULL;
  FirstError first = { 0 };
  xmlSchema *schema = NULL;
  gsize length;

  if (xsd_path == NULL)
    {
      /* The schema built into the program: what it reads is what it wrote. */
      g_autoptr(GBytes) bytes = g_resource_lookup_data (vaern_report_get_resource (),
                                                        "/io/github/vaern/Vaern/report/"
                                                        VAERN_REPORT_XSD,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      gconstpointer data = bytes ? g_bytes_get_data (bytes, &length) : NULL;

      if (data != NULL)
        xsd = xmlReadMemory (data, (int) length, NULL, NULL, report_parse_options);
      xsd_path = VAERN_REPORT_XSD;
    }
  else
    {
      contents = read_capped (xsd_path, &length, error);
      if (contents == NULL)
        return NULL;
      xsd = xmlReadMemory (contents, (int) length, NULL, NULL, report_parse_options);
    }
  if (xsd != NULL)
    {
      ctxt = xmlSchemaNewDocParserCtxt (xsd);
      xmlSchemaSetParserStructuredErrors (ctxt, keep_first_error, &first);
      schema = xmlSchemaParse (ctxt);
    }
  if (schema == NULL)
    {
      g_autofree char *display = g_filename_display_name (xsd_path);

      if (first.message)
        g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_READ,
                     /* Translators: %s is a file name (the report format), %d a line, %s why */
                     _("The report format “%s” cannot be read (line %d: %s). Reinstall Værn."),
                     display, first.line, first.message);
      else
        g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_READ,
                     /* Translators: %s is a file name; the file describes the report format */
                     _("The report format “%s” cannot be read. Reinstall Værn."), display);
    }
  g_free (first.message);
  return schema;
}

/**
 * vaern_report_validate_file:
 * @path: the XML file
 * @xsd_path: the schema, vaern-report.xsd
 * @error: return location for a %VAERN_REPORT_ERROR
 *
 * Parses @path without network access, entity substitution or an external
 * DTD and validates it against the schema.
 *
 * Returns: %TRUE if the file is a valid report.
 */
gboolean
vaern_report_validate_file (const char *path,
                            const char *xsd_path,
                            GError    **error)
{
  g_autoptr(xmlSchema) schema = NULL;
  g_autoptr(xmlParserCtxt) parser = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlSchemaValidCtxt) validator = NULL;
  g_autofree char *contents = NULL;
  FirstError first = { 0 };
  gsize length;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (xsd_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report_libxml_init ();

  schema = load_schema (xsd_path, error);
  if (schema == NULL)
    return FALSE;
  contents = read_capped (path, &length, error);
  if (contents == NULL)
    return FALSE;

  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      set_invalid_error (error, path, 0, _("unknown error"));
      return FALSE;
    }
  doc = xmlCtxtReadMemory (parser, contents, (int) length, NULL, NULL, report_parse_options);
  if (doc == NULL)
    {
      const xmlError *err = xmlCtxtGetLastError (parser);
      g_autofree char *reason = g_strstrip (g_strdup (err && err->message ? err->message : ""));

      set_invalid_error (error, path, err ? err->line : 0, reason);
      return FALSE;
    }
  /* No report of ours declares a document type, and entity references
   * have no place in one. */
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      xmlNode *root = xmlDocGetRootElement (doc);

      set_invalid_error (error, path, root ? (int) xmlGetLineNo (root) : 1,
                         /* Translators: why an XML file is not a valid report */
                         _("a report has no document type declaration (DOCTYPE)"));
      return FALSE;
    }

  validator = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (validator, keep_first_error, &first);
  rc = xmlSchemaValidateDoc (validator, doc);
  if (rc != 0)
    set_invalid_error (error, path, first.line, first.message);
  g_free (first.message);
  return rc == 0;
}
