/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

/* The management report (ledelsesrapport) as pages: the key figures, the
 * heat maps before and after treatment (drawn by the heat map's own
 * renderer), the highest risks with their treatment and what changed since
 * the last approved report. The same pages are printed by the window and
 * exported as PDF. A4 portrait. */

#define VAERN_MANAGEMENT_REPORT_A4_WIDTH  595.28
#define VAERN_MANAGEMENT_REPORT_A4_HEIGHT 841.89

typedef struct _VaernManagementReport VaernManagementReport;

/* Takes what the report shows from the document on today (NULL: today). */
VaernManagementReport *vaern_management_report_new       (VaernDocument *doc,
                                                          const char    *today);
void                   vaern_management_report_free      (VaernManagementReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VaernManagementReport, vaern_management_report_free)

/* Lays the report out on pages of width × height points; returns how many. */
guint    vaern_management_report_paginate  (VaernManagementReport *report,
                                            cairo_t               *cr,
                                            double                 width,
                                            double                 height);
void     vaern_management_report_draw_page (VaernManagementReport *report,
                                            cairo_t               *cr,
                                            guint                  page);

/* The whole report as a PDF at path (which must end in .pdf), written
 * whole or not at all. */
gboolean vaern_management_report_export    (VaernDocument         *doc,
                                            const char            *path,
                                            GError               **error);

G_END_DECLS
