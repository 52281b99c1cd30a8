/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/vaern-document.h"
#include "vaern-soa-view.h"
#include "widgets/vaern-table.h"

G_BEGIN_DECLS

/* Printing and export (vaern-soa-view-output.c): installs soa.print,
 * soa.export-pdf and soa.export-xml. */
void           vaern_soa_view_class_init_output (GtkWidgetClass *widget_class);
/* Prints the version shown; with export_path, straight to that PDF
 * without the print dialog (for tests). */
gboolean       vaern_soa_view_print             (VaernSoaView   *self,
                                                 const char     *export_path,
                                                 GError        **error);

/* For tests */
VaernTable    *vaern_soa_view_get_table         (VaernSoaView   *self);
gint64         vaern_soa_view_get_version       (VaernSoaView   *self);
VaernDocument *vaern_soa_view_get_document      (VaernSoaView   *self);
void           vaern_soa_view_set_search        (VaernSoaView   *self,
                                                 const char     *text);
/* Opens the comparison of two versions (the one shown and the one before). */
GtkWindow     *vaern_soa_view_compare           (VaernSoaView   *self);

G_END_DECLS
