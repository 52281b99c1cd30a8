/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VAERN_TYPE_WHEEL_VIEW (vaern_wheel_view_get_type ())
G_DECLARE_FINAL_TYPE (VaernWheelView, vaern_wheel_view, VAERN, WHEEL_VIEW, GtkWidget)

G_END_DECLS
