/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

#define VAERN_TYPE_SOA_COMPARE_WINDOW (vaern_soa_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (VaernSoaCompareWindow, vaern_soa_compare_window, VAERN, SOA_COMPARE_WINDOW, AdwWindow)

/* The comparison of two versions of the Statement of Applicability,
 * control by control. names and ids are the versions, newest first, as
 * the SoA view's version drop-down lists them (the window follows that
 * list); to and from are the positions chosen at first. Escape closes. */
GtkWidget *vaern_soa_compare_window_new (GtkWindow     *parent,
                                         VaernDocument *document,
                                         GListModel    *names,
                                         GArray        *ids,
                                         guint          from,
                                         guint          to);

G_END_DECLS
