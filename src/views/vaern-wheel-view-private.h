/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "widgets/vaern-table.h"
#include "vaern-wheel-view.h"

G_BEGIN_DECLS

/* Marks the selected occurrence done (today, by the user) or not done. */
gboolean    vaern_wheel_view_mark_selected (VaernWheelView *self,
                                            gboolean        done,
                                            GError        **error);
/* Prints the year's wheel; with export_path, straight to that PDF. */
gboolean    vaern_wheel_view_print         (VaernWheelView *self,
                                            const char     *export_path,
                                            GError        **error);

/* For tests */
VaernTable *vaern_wheel_view_get_table     (VaernWheelView *self);
guint       vaern_wheel_view_get_year      (VaernWheelView *self);
GArray     *vaern_wheel_view_get_marks     (VaernWheelView *self);

G_END_DECLS
