/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "render/vaern-wheel.h"

G_BEGIN_DECLS

/* The annual wheel on screen: the wheel renderer drawn in a widget, in the
 * theme's colours, with a tooltip that names the occurrence under the
 * pointer; a click on an occurrence emits ::mark-activated with its
 * index in the marks. It knows no document: it draws the marks it is
 * given. */

#define VAERN_TYPE_WHEEL_WIDGET (vaern_wheel_widget_get_type ())
G_DECLARE_FINAL_TYPE (VaernWheelWidget, vaern_wheel_widget, VAERN, WHEEL_WIDGET, GtkWidget)

void       vaern_wheel_widget_set_year       (VaernWheelWidget *self,
                                              guint             year);
/* Today (ISO), drawn when in the year; NULL: none. */
void       vaern_wheel_widget_set_today      (VaernWheelWidget *self,
                                              const char       *today);
/* The occurrences (VaernWheelMark, see vaern_wheel_marks_new), or NULL for
 * none. The widget keeps a reference: do not change them afterwards. The
 * ringed mark is let go. */
void       vaern_wheel_widget_set_marks      (VaernWheelWidget *self,
                                              GArray           *marks);
GArray    *vaern_wheel_widget_get_marks      (VaernWheelWidget *self);
/* The mark to ring (an index into the marks), or -1 for none. */
void       vaern_wheel_widget_set_focus_mark (VaernWheelWidget *self,
                                              int               index);

G_END_DECLS
