/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/vaern-date.h"
#include "vaern-ui-util.h"
#include "vaern-wheel-widget.h"

struct _VaernWheelWidget
{
  GtkWidget          parent_instance;

  VaernWheel         wheel;      /* year and focus; the rest is filled in to draw */
  GArray            *marks;
  char              *today;
  VaernWheelGeometry geometry;   /* of the last drawing */
};

G_DEFINE_FINAL_TYPE (VaernWheelWidget, vaern_wheel_widget, GTK_TYPE_WIDGET)

enum {
  SIGNAL_MARK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
vaern_wheel_widget_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  VaernWheelWidget *self = VAERN_WHEEL_WIDGET (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  VaernStyleColors colors;

  vaern_style_colors (widget, &colors);
  self->wheel.fg[0] = colors.fg.red, self->wheel.fg[1] = colors.fg.green;
  self->wheel.fg[2] = colors.fg.blue, self->wheel.fg[3] = colors.fg.alpha;
  self->wheel.bg[0] = colors.bg.red, self->wheel.bg[1] = colors.bg.green;
  self->wheel.bg[2] = colors.bg.blue, self->wheel.bg[3] = colors.bg.alpha;
  self->wheel.marks = self->marks;
  self->wheel.today = self->today;
  vaern_wheel_draw (cr, width, height, &self->wheel, &self->geometry);
  cairo_destroy (cr);
}

static gboolean
vaern_wheel_widget_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  VaernWheelWidget *self = VAERN_WHEEL_WIDGET (widget);
  int i = self->marks ? vaern_wheel_mark_at (&self->wheel, &self->geometry, x, y) : -1;
  const VaernWheelMark *m;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (i < 0)
    return FALSE;
  m = &g_array_index (self->marks, VaernWheelMark, i);
  date = vaern_date_format (m->date);
  /* Translators: the wheel's tooltip: an activity, its date and its state */
  text = g_strdup_printf (_("%s\n%s · %s"), m->title, date, vaern_wheel_state_label (m->state));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            VaernWheelWidget *self)
{
  int i = self->marks ? vaern_wheel_mark_at (&self->wheel, &self->geometry, x, y) : -1;

  if (i >= 0)
    g_signal_emit (self, signals[SIGNAL_MARK_ACTIVATED], 0, (guint) i);
}

static void
vaern_wheel_widget_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = 220;
  *natural = 480;
}

static void
vaern_wheel_widget_finalize (GObject *object)
{
  VaernWheelWidget *self = VAERN_WHEEL_WIDGET (object);

  g_clear_pointer (&self->marks, g_array_unref);
  g_free (self->today);
  G_OBJECT_CLASS (vaern_wheel_widget_parent_class)->finalize (object);
}

static void
vaern_wheel_widget_class_init (VaernWheelWidgetClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = vaern_wheel_widget_finalize;
  widget_class->snapshot = vaern_wheel_widget_snapshot;
  widget_class->measure = vaern_wheel_widget_measure;
  widget_class->query_tooltip = vaern_wheel_widget_query_tooltip;

  /**
   * VaernWheelWidget::mark-activated:
   * @index: the clicked mark's index in the marks
   *
   * An occurrence on the wheel was clicked.
   */
  signals[SIGNAL_MARK_ACTIVATED] = g_signal_new ("mark-activated", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "vaern-wheel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vaern_wheel_widget_init (VaernWheelWidget *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->wheel.focus = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

void
vaern_wheel_widget_set_year (VaernWheelWidget *self,
                             guint             year)
{
  g_return_if_fail (VAERN_IS_WHEEL_WIDGET (self));

  if (self->wheel.year == year)
    return;
  self->wheel.year = year;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vaern_wheel_widget_set_today (VaernWheelWidget *self,
                              const char       *today)
{
  g_return_if_fail (VAERN_IS_WHEEL_WIDGET (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vaern_wheel_widget_set_marks (VaernWheelWidget *self,
                              GArray           *marks)
{
  g_return_if_fail (VAERN_IS_WHEEL_WIDGET (self));

  if (marks)
    g_array_ref (marks);
  g_clear_pointer (&self->marks, g_array_unref);
  self->marks = marks;
  self->wheel.focus = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GArray *
vaern_wheel_widget_get_marks (VaernWheelWidget *self)
{
  g_return_val_if_fail (VAERN_IS_WHEEL_WIDGET (self), NULL);

  return self->marks;
}

void
vaern_wheel_widget_set_focus_mark (VaernWheelWidget *self,
                                   int               index)
{
  g_return_if_fail (VAERN_IS_WHEEL_WIDGET (self));
  g_return_if_fail (index < 0 || (self->marks && (guint) index < self->marks->len));

  self->wheel.focus = index < 0 ? -1 : index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
