/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VAERN_TYPE_RISKS_VIEW (vaern_risks_view_get_type ())
G_DECLARE_FINAL_TYPE (VaernRisksView, vaern_risks_view, VAERN, RISKS_VIEW, GtkWidget)

/* Shows the risk assessment of one asset: every other filter cleared. */
void vaern_risks_view_show_asset (VaernRisksView *self,
                                  gint64          asset_id);
/* Show the risks with one filter, every other filter cleared: those
 * whose treatment is not decided; those whose review is overdue; those at
 * one level (band 1-based) before or after treatment. */
void vaern_risks_view_show_undecided (VaernRisksView *self);
void vaern_risks_view_show_overdue   (VaernRisksView *self);
void vaern_risks_view_show_band      (VaernRisksView *self,
                                      guint           band,
                                      gboolean        after_treatment);

G_END_DECLS
