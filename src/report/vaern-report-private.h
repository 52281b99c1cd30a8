/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

#include "vaern-report.h"

G_BEGIN_DECLS

/* What the report layer's files share: the streaming writer with its safe
 * file handling (vaern-report.c), and the careful reading of XML. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchema, xmlSchemaFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)

/* A report being written to a temporary file beside its path. */
typedef struct
{
  char          *path;
  char          *tmp_path;
  int            fd;
  xmlTextWriter *writer;
  gboolean       failed;
  int            saved_errno;
} Out;

G_GNUC_INTERNAL void  out_note_failure (Out *o, int rc);
G_GNUC_INTERNAL char *xml_text         (const char *text);
G_GNUC_INTERNAL void  out_start        (Out *o, const char *name);
G_GNUC_INTERNAL void  out_end          (Out *o);
G_GNUC_INTERNAL void  out_attr         (Out *o, const char *name, const char *value);
G_GNUC_INTERNAL void  out_attr_uint    (Out *o, const char *name, guint value);
G_GNUC_INTERNAL void  out_attr_bool    (Out *o, const char *name, gboolean value);
G_GNUC_INTERNAL void  out_attr_ref     (Out *o, const char *name, const char *prefix, gint64 id);
G_GNUC_INTERNAL void  out_content      (Out *o, const char *value);
G_GNUC_INTERNAL void  out_content_uint (Out *o, guint value);
G_GNUC_INTERNAL void  out_element      (Out *o, const char *name, const char *value);
G_GNUC_INTERNAL void  out_element_uint (Out *o, const char *name, guint value);
G_GNUC_INTERNAL void  out_element_bool (Out *o, const char *name, gboolean value);
G_GNUC_INTERNAL void  out_free         (Out *o);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Out, out_free)

G_GNUC_INTERNAL GDateTime *report_now (void);
G_GNUC_INTERNAL void  set_write_error  (GError **error, const char *path, int saved_errno);

/* The report element and the organisation; the sections follow. */
G_GNUC_INTERNAL Out     *out_begin  (VaernDocument *doc,
                                     const char    *path,
                                     const char    *kind,
                                     GError       **error);
G_GNUC_INTERNAL gboolean out_finish (Out           *o,
                                     GError       **error);

/* A whole report: the organisation, then what sections writes (which
 * may refuse with an error), in a file put in place only when complete. */
typedef gboolean (*SectionsFunc) (Out           *o,
                                  VaernDocument *doc,
                                  gpointer       data,
                                  GError       **error);
G_GNUC_INTERNAL gboolean write_report (VaernDocument *doc,
                                       const char    *path,
                                       const char    *kind,
                                       SectionsFunc   sections,
                                       gpointer       data,
                                       GError       **error);

/* The same into memory; path names it in a message. A new buffer. */
G_GNUC_INTERNAL xmlBuffer *write_report_to_memory (VaernDocument *doc,
                                                   const char    *path,
                                                   const char    *kind,
                                                   SectionsFunc   sections,
                                                   gpointer       data,
                                                   GError       **error);

/* The items of a list of VaernRecord, by id; a new array of references. */
G_GNUC_INTERNAL GPtrArray *sorted_by_id (GListModel *list);

/* The sections the full report and the management report share with the
 * reports of their own. */
G_GNUC_INTERNAL void     write_scale (Out *o, const VaernRiskScale *scale);
G_GNUC_INTERNAL void     write_risk  (Out *o, const VaernRiskScale *scale, VaernRisk *risk);
G_GNUC_INTERNAL void     write_band  (Out *o, const VaernRiskScale *scale, guint band);
/* An Annex A theme's key: "organisational", "people", … */
G_GNUC_INTERNAL const char *theme_key (guint theme);

/* Reading */
typedef struct
{
  int   line;
  char *message;
} FirstError;

#if LIBXML_VERSION >= 21200
G_GNUC_INTERNAL void keep_first_error (void *user_data, const xmlError *err);
#else
G_GNUC_INTERNAL void keep_first_error (void *user_data, xmlErrorPtr err);
#endif
/* Before any use of libxml2, on every thread: no external entities, and
 * the library's messages to Værn's log rather than the terminal. */
G_GNUC_INTERNAL void     report_libxml_init    (void);
/* libxml2's and libxslt's generic channel: to the debug log. */
G_GNUC_INTERNAL void     report_log_generic    (void       *ctx,
                                                const char *format,
                                                ...) G_GNUC_PRINTF (2, 3);
G_GNUC_INTERNAL void     set_invalid_error     (GError    **error,
                                                const char *path,
                                                int         line,
                                                const char *reason);
G_GNUC_INTERNAL char    *read_capped           (const char *path,
                                                gsize      *length,
                                                GError    **error);
/* The schema: from xsd_path, or (NULL) the one built into the program. */
G_GNUC_INTERNAL xmlSchema *load_schema         (const char *xsd_path,
                                                GError    **error);
G_GNUC_INTERNAL extern const int report_parse_options;

G_END_DECLS
