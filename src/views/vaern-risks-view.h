/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VAERN_TYPE_RISKS_VIEW (vaern_risks_view_get_type ())
G_DECLARE_FINAL_TYPE (VaernRisksView, vaern_risks_view, VAERN, RISKS_VIEW, GtkWidget)

/* Shows the risk assessment of one asset: every other filter cleared. */
void vaern_risks_view_show_asset (VaernRisksView *self,
                                  gint64          asset_id);

G_END_DECLS
