/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/vaern-document.h"
#include "vaern-report-error.h"

G_BEGIN_DECLS

/* Reports as XML in one vocabulary, data/vaern-report.xsd: the namespace
 * below, version 1. Only this layer includes libxml2; no GTK here. */

#define VAERN_REPORT_NAMESPACE "https://vaern.github.io/ns/report/1"
#define VAERN_REPORT_VERSION   "1"
/* The schema's file name, in the source tree's data/ and installed in
 * PKGDATADIR. */
#define VAERN_REPORT_XSD       "vaern-report.xsd"

/* The risk register (kind "risks"): the organisation, the scale, the threat
 * catalogue and every risk, by id. Streams to a temporary file beside path
 * and renames it over path only when complete; on failure nothing new is
 * left and an existing file is untouched. VAERN_REPORT_ERROR_WRITE. */
gboolean vaern_report_write_risks   (VaernDocument *doc,
                                     const char    *path,
                                     GError       **error);

/* One version of the Statement of Applicability (kind "soa"; version_id
 * 0: the newest), written the same way. */
gboolean vaern_report_write_soa     (VaernDocument *doc,
                                     gint64         version_id,
                                     const char    *path,
                                     GError       **error);

/* The annual wheel and plan (kind "wheel"), written the same way. */
gboolean vaern_report_write_wheel   (VaernDocument *doc,
                                     const char    *path,
                                     GError       **error);

/* Everything in the document (kind "full"): every stored row, by table,
 * with its id. Written the same way. */
gboolean vaern_report_write_full    (VaernDocument *doc,
                                     const char    *path,
                                     GError       **error);

/* The system register (kind "systems"): every asset with its
 * classification, current role holders, risks and findings. */
gboolean vaern_report_write_systems (VaernDocument *doc,
                                     const char    *path,
                                     GError       **error);

/* The management report (kind "management", ledelsesrapport): the key
 * figures, the heat map before and after treatment, the highest risks with
 * their treatment, and what changed since the last approved management
 * report (a document of kind report, approved). */
gboolean vaern_report_write_management      (VaernDocument *doc,
                                             const char    *path,
                                             GError       **error);
/* The same as HTML for a browser and for print, made from the XML by the
 * stylesheet data/vaern-management.xsl (libxslt, with no file or network
 * access). */
gboolean vaern_report_write_management_html (VaernDocument *doc,
                                             const char    *path,
                                             GError       **error);

/* Makes a new document at vaern_path (which must not exist) from a full
 * export, after checking the file: a size cap, no DTD or entities, the
 * namespace, the version and the schema. A refused file leaves nothing
 * behind; the message names the line and the reason.
 * VAERN_REPORT_ERROR_INVALID, _READ, _NEWER, or a VAERN_STORE_ERROR. */
gboolean vaern_report_import_full   (const char    *xml_path,
                                     const char    *vaern_path,
                                     GError       **error);

/* Checks that the file at path is well-formed and valid against the schema
 * at xsd_path (NULL: the schema built into the program). Never reads from the network nor loads external entities.
 * VAERN_REPORT_ERROR_INVALID with the line and the reason, or _READ. */
gboolean vaern_report_validate_file (const char    *path,
                                     const char    *xsd_path,
                                     GError       **error);

G_END_DECLS
