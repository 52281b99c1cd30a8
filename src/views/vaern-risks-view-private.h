/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "widgets/vaern-heat-map-widget.h"
#include "vaern-risks-view.h"

G_BEGIN_DECLS

/* For tests: the list as shown and how many the heat map counts. */
GListModel *vaern_risks_view_get_shown      (VaernRisksView *self);
guint       vaern_risks_view_count_in_cell  (VaernRisksView  *self,
                                             VaernHeatMapShow matrix,
                                             guint            likelihood,
                                             guint            consequence);

gboolean    vaern_risks_view_print          (VaernRisksView  *self,
                                             const char      *export_path,
                                             GError         **error);

G_END_DECLS
