/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "render/vaern-wheel.h"

G_BEGIN_DECLS

#define VAERN_TYPE_WHEEL_VIEW (vaern_wheel_view_get_type ())
G_DECLARE_FINAL_TYPE (VaernWheelView, vaern_wheel_view, VAERN, WHEEL_VIEW, GtkWidget)

/* Shows this year's occurrences in one state (such as overdue) only. */
void vaern_wheel_view_show_state (VaernWheelView      *self,
                                  VaernWheelMarkState  state);

G_END_DECLS
