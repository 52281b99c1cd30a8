/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VaernReportError:
 * @VAERN_REPORT_ERROR_WRITE: the report could not be written (folder missing
 *   or read-only, disk full); nothing was left under its name.
 * @VAERN_REPORT_ERROR_INVALID: an XML file that is not well-formed or does
 *   not follow the report format (vaern-report.xsd); the message names the
 *   line and the reason.
 * @VAERN_REPORT_ERROR_READ: a file (the report or the format description)
 *   that cannot be read.
 * @VAERN_REPORT_ERROR_NEWER: a file written by a newer version of Værn, in
 *   a version of the format this one does not know.
 *
 * Errors of the report layer. Messages are translated and name the file.
 */
typedef enum
{
  VAERN_REPORT_ERROR_WRITE,
  VAERN_REPORT_ERROR_INVALID,
  VAERN_REPORT_ERROR_READ,
  VAERN_REPORT_ERROR_NEWER,
} VaernReportError;

#define VAERN_REPORT_ERROR (vaern_report_error_quark ())
GQuark vaern_report_error_quark (void);

G_END_DECLS
