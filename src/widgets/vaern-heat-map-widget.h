/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "render/vaern-heat-map.h"

G_BEGIN_DECLS

/* The risk matrix on screen: the heat map renderer drawn in a widget, with
 * a tooltip that names the risks of the cell under the pointer, a click,
 * Enter or Space that chooses a cell or lets go of it, and arrow keys that
 * move between cells. */

#define VAERN_TYPE_HEAT_MAP_WIDGET (vaern_heat_map_widget_get_type ())
G_DECLARE_FINAL_TYPE (VaernHeatMapWidget, vaern_heat_map_widget, VAERN, HEAT_MAP_WIDGET,
                      GtkWidget)

/* The tooltip text for a cell (newly allocated), or NULL for none. */
typedef char *(*VaernHeatMapTooltipFunc) (VaernHeatMapShow matrix,
                                          guint            likelihood,
                                          guint            consequence,
                                          gpointer         user_data);

/* Copies the scale and counts (n_likelihood × n_consequence each). */
void       vaern_heat_map_widget_set_data     (VaernHeatMapWidget   *self,
                                               const VaernRiskScale *scale,
                                               const guint          *inherent,
                                               const guint          *residual);
void       vaern_heat_map_widget_set_show     (VaernHeatMapWidget   *self,
                                               VaernHeatMapShow      show);
void       vaern_heat_map_widget_set_safe_palette (VaernHeatMapWidget *self,
                                                   gboolean            safe);
/* The chosen cell, ringed; matrix 0 for none. */
void       vaern_heat_map_widget_set_chosen   (VaernHeatMapWidget   *self,
                                               VaernHeatMapShow      matrix,
                                               guint                 likelihood,
                                               guint                 consequence);
gboolean   vaern_heat_map_widget_get_chosen   (VaernHeatMapWidget   *self,
                                               VaernHeatMapShow     *matrix,
                                               guint                *likelihood,
                                               guint                *consequence);
void       vaern_heat_map_widget_set_tooltip_func (VaernHeatMapWidget     *self,
                                                   VaernHeatMapTooltipFunc func,
                                                   gpointer                user_data);
/* Where a cell was drawn, in widget coordinates: for tests and tooltips. */
gboolean   vaern_heat_map_widget_cell_center  (VaernHeatMapWidget   *self,
                                               VaernHeatMapShow      matrix,
                                               guint                 likelihood,
                                               guint                 consequence,
                                               double               *x,
                                               double               *y);
/* Chooses the cell under x, y as a click does. */
gboolean   vaern_heat_map_widget_click        (VaernHeatMapWidget   *self,
                                               double                x,
                                               double                y);

G_END_DECLS
