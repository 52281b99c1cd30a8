/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VAERN_TYPE_OVERVIEW_VIEW (vaern_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (VaernOverviewView, vaern_overview_view, VAERN, OVERVIEW_VIEW, GtkWidget)

/* For tests. A figure's row is named after the figure ("no-owner",
 * "risks-undecided", "activities-overdue", …); a finding that needs
 * attention is shown in the "Needs attention" group instead of its own.
 * get_row returns the row that is shown, or NULL; get_count its count's
 * text ("3", "45 %"). is_empty: the empty document's page is shown. */
AdwActionRow *vaern_overview_view_get_row   (VaernOverviewView *self,
                                             const char        *name);
const char   *vaern_overview_view_get_count (VaernOverviewView *self,
                                             const char        *name);
gboolean      vaern_overview_view_is_empty  (VaernOverviewView *self);

G_END_DECLS
