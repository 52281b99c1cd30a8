/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vaern-heat-map-widget.h"
#include "vaern-ui-util.h"

struct _VaernHeatMapWidget
{
  GtkWidget               parent_instance;

  VaernRiskScale         *scale;
  guint                  *inherent;
  guint                  *residual;
  VaernHeatMapShow        show;
  gboolean                safe_palette;
  VaernHeatMapShow        chosen_matrix;   /* 0: none */
  guint                   chosen_likelihood;
  guint                   chosen_consequence;
  VaernHeatMapGeometry    geometry;        /* of the last drawing */
  VaernHeatMapTooltipFunc tooltip_func;
  gpointer                tooltip_data;
};

G_DEFINE_FINAL_TYPE (VaernHeatMapWidget, vaern_heat_map_widget, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fill_map (VaernHeatMapWidget *self,
          VaernHeatMap       *map,
          PangoFontDescription **font)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  VaernStyleColors colors;

  *font = pango_font_description_copy (pango_context_get_font_description (context));
  memset (map, 0, sizeof *map);
  map->scale = self->scale;
  map->inherent = self->inherent;
  map->residual = self->residual;
  map->show = self->show;
  map->safe_palette = self->safe_palette;
  map->legend = TRUE;
  map->focus_matrix = self->chosen_matrix;
  map->focus_likelihood = self->chosen_likelihood;
  map->focus_consequence = self->chosen_consequence;
  vaern_style_colors (GTK_WIDGET (self), &colors);
  map->fg[0] = colors.fg.red, map->fg[1] = colors.fg.green;
  map->fg[2] = colors.fg.blue, map->fg[3] = colors.fg.alpha;
  map->bg[0] = colors.bg.red, map->bg[1] = colors.bg.green;
  map->bg[2] = colors.bg.blue, map->bg[3] = colors.bg.alpha;
  map->font_family = pango_font_description_get_family (*font);
  map->font_size = pango_font_description_get_size (*font) / (double) PANGO_SCALE;
}

static void
vaern_heat_map_widget_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  VaernHeatMapWidget *self = VAERN_HEAT_MAP_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoFontDescription *font = NULL;
  VaernHeatMap map;
  cairo_t *cr;

  if (self->scale == NULL || width <= 0 || height <= 0)
    return;
  fill_map (self, &map, &font);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  vaern_heat_map_draw (cr, width, height, &map, &self->geometry);
  cairo_destroy (cr);
  pango_font_description_free (font);
}

static void
vaern_heat_map_widget_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  /* Readable from about 300 × 200; it likes more. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 280, *natural = 520;
  else
    *minimum = 120, *natural = 340;
}

static void
choose (VaernHeatMapWidget *self,
        VaernHeatMapShow    matrix,
        guint               likelihood,
        guint               consequence)
{
  if (self->chosen_matrix == matrix && self->chosen_likelihood == likelihood
      && self->chosen_consequence == consequence)
    return;
  self->chosen_matrix = matrix;
  self->chosen_likelihood = likelihood;
  self->chosen_consequence = consequence;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0);
}

gboolean
vaern_heat_map_widget_click (VaernHeatMapWidget *self,
                             double              x,
                             double              y)
{
  VaernHeatMapShow matrix;
  guint l, c;

  g_return_val_if_fail (VAERN_IS_HEAT_MAP_WIDGET (self), FALSE);

  if (self->scale == NULL || !vaern_heat_map_hit (&self->geometry, x, y, &matrix, &l, &c))
    return FALSE;
  /* A second click on the chosen cell lets go of it. */
  if (matrix == self->chosen_matrix && l == self->chosen_likelihood
      && c == self->chosen_consequence)
    choose (self, 0, 0, 0);
  else
    choose (self, matrix, l, c);
  return TRUE;
}

static void
pressed_cb (GtkGestureClick    *gesture,
            int                 n_press,
            double              x,
            double              y,
            VaernHeatMapWidget *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (vaern_heat_map_widget_click (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Arrow keys move the chosen cell; from the last column of the matrix
 * before treatment the right arrow goes on into the one after. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VaernHeatMapWidget    *self)
{
  VaernHeatMapShow first = self->show & VAERN_HEAT_MAP_INHERENT ? VAERN_HEAT_MAP_INHERENT
                                                                 : VAERN_HEAT_MAP_RESIDUAL;
  VaernHeatMapShow matrix = self->chosen_matrix;
  int l = self->chosen_likelihood, c = self->chosen_consequence;
  int nl, nc;

  if (self->scale == NULL)
    return FALSE;
  nl = self->scale->n_likelihood;
  nc = self->scale->n_consequence;
  if (keyval == GDK_KEY_Escape && matrix != 0)
    {
      choose (self, 0, 0, 0);
      return TRUE;
    }
  /* Enter or Space chooses the top left cell, or lets go of the chosen one,
   * as a click does. */
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_space)
    {
      if (matrix == 0)
        choose (self, first, nl, 1);
      else
        choose (self, 0, 0, 0);
      return TRUE;
    }
  if (keyval != GDK_KEY_Left && keyval != GDK_KEY_Right && keyval != GDK_KEY_Up
      && keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Left && keyval != GDK_KEY_KP_Right
      && keyval != GDK_KEY_KP_Up && keyval != GDK_KEY_KP_Down)
    return FALSE;
  if (matrix == 0)
    {
      /* The first arrow chooses the top left cell. */
      choose (self, first, nl, 1);
      return TRUE;
    }
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      l = MIN (l + 1, nl);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      l = MAX (l - 1, 1);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (c > 1)
        c--;
      else if (matrix == VAERN_HEAT_MAP_RESIDUAL && (self->show & VAERN_HEAT_MAP_INHERENT))
        matrix = VAERN_HEAT_MAP_INHERENT, c = nc;
      break;
    default:
      if (c < nc)
        c++;
      else if (matrix == VAERN_HEAT_MAP_INHERENT && (self->show & VAERN_HEAT_MAP_RESIDUAL))
        matrix = VAERN_HEAT_MAP_RESIDUAL, c = 1;
      break;
    }
  choose (self, matrix, l, c);
  return TRUE;
}

static gboolean
vaern_heat_map_widget_query_tooltip (GtkWidget  *widget,
                                     int         x,
                                     int         y,
                                     gboolean    keyboard,
                                     GtkTooltip *tooltip)
{
  VaernHeatMapWidget *self = VAERN_HEAT_MAP_WIDGET (widget);
  VaernHeatMapShow matrix;
  guint l, c;
  g_autofree char *text = NULL;

  if (self->scale == NULL || self->tooltip_func == NULL)
    return FALSE;
  if (keyboard)
    {
      if (self->chosen_matrix == 0)
        return FALSE;
      matrix = self->chosen_matrix, l = self->chosen_likelihood, c = self->chosen_consequence;
    }
  else if (!vaern_heat_map_hit (&self->geometry, x, y, &matrix, &l, &c))
    return FALSE;
  text = self->tooltip_func (matrix, l, c, self->tooltip_data);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  {
    double cx, cy, cw, ch;

    if (vaern_heat_map_cell_rect (&self->geometry, matrix, l, c, &cx, &cy, &cw, &ch))
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { cx, cy, cw, ch });
  }
  return TRUE;
}

static void
vaern_heat_map_widget_finalize (GObject *object)
{
  VaernHeatMapWidget *self = VAERN_HEAT_MAP_WIDGET (object);

  g_clear_pointer (&self->scale, vaern_risk_scale_free);
  g_free (self->inherent);
  g_free (self->residual);
  G_OBJECT_CLASS (vaern_heat_map_widget_parent_class)->finalize (object);
}

static void
vaern_heat_map_widget_class_init (VaernHeatMapWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vaern_heat_map_widget_finalize;
  widget_class->snapshot = vaern_heat_map_widget_snapshot;
  widget_class->measure = vaern_heat_map_widget_measure;
  widget_class->query_tooltip = vaern_heat_map_widget_query_tooltip;

  /**
   * VaernHeatMapWidget::chosen-changed:
   *
   * A cell was chosen (clicked, or reached with the arrow keys), or let go.
   */
  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "vaern-heat-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vaern_heat_map_widget_init (VaernHeatMapWidget *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->show = VAERN_HEAT_MAP_BOTH;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the heat map */
                                  _("Risk matrix"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  /* Translators: accessible description of the heat map */
                                  _("Likelihood against consequence; the arrow keys choose a "
                                    "cell and the list shows its risks."), -1);
}

void
vaern_heat_map_widget_set_data (VaernHeatMapWidget   *self,
                                const VaernRiskScale *scale,
                                const guint          *inherent,
                                const guint          *residual)
{
  guint n;

  g_return_if_fail (VAERN_IS_HEAT_MAP_WIDGET (self));
  g_return_if_fail (scale != NULL);

  n = scale->n_likelihood * scale->n_consequence;
  if (self->scale == NULL || !vaern_risk_scale_equal (self->scale, scale))
    {
      g_clear_pointer (&self->scale, vaern_risk_scale_free);
      self->scale = vaern_risk_scale_copy (scale);
      /* A chosen cell off the new scale goes. */
      if (self->chosen_likelihood > scale->n_likelihood
          || self->chosen_consequence > scale->n_consequence)
        choose (self, 0, 0, 0);
    }
  g_free (self->inherent);
  g_free (self->residual);
  self->inherent = g_memdup2 (inherent, n * sizeof (guint));
  self->residual = g_memdup2 (residual, n * sizeof (guint));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vaern_heat_map_widget_set_show (VaernHeatMapWidget *self,
                                VaernHeatMapShow    show)
{
  g_return_if_fail (VAERN_IS_HEAT_MAP_WIDGET (self));
  g_return_if_fail (show != 0);

  if (self->show == show)
    return;
  self->show = show;
  if (self->chosen_matrix != 0 && !(show & self->chosen_matrix))
    choose (self, 0, 0, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vaern_heat_map_widget_set_safe_palette (VaernHeatMapWidget *self,
                                        gboolean            safe)
{
  g_return_if_fail (VAERN_IS_HEAT_MAP_WIDGET (self));

  self->safe_palette = safe;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vaern_heat_map_widget_set_chosen (VaernHeatMapWidget *self,
                                  VaernHeatMapShow    matrix,
                                  guint               likelihood,
                                  guint               consequence)
{
  g_return_if_fail (VAERN_IS_HEAT_MAP_WIDGET (self));

  choose (self, matrix, likelihood, consequence);
}

gboolean
vaern_heat_map_widget_get_chosen (VaernHeatMapWidget *self,
                                  VaernHeatMapShow   *matrix,
                                  guint              *likelihood,
                                  guint              *consequence)
{
  g_return_val_if_fail (VAERN_IS_HEAT_MAP_WIDGET (self), FALSE);

  if (matrix)
    *matrix = self->chosen_matrix;
  if (likelihood)
    *likelihood = self->chosen_likelihood;
  if (consequence)
    *consequence = self->chosen_consequence;
  return self->chosen_matrix != 0;
}

void
vaern_heat_map_widget_set_tooltip_func (VaernHeatMapWidget     *self,
                                        VaernHeatMapTooltipFunc func,
                                        gpointer                user_data)
{
  g_return_if_fail (VAERN_IS_HEAT_MAP_WIDGET (self));

  self->tooltip_func = func;
  self->tooltip_data = user_data;
}

gboolean
vaern_heat_map_widget_cell_center (VaernHeatMapWidget *self,
                                   VaernHeatMapShow    matrix,
                                   guint               likelihood,
                                   guint               consequence,
                                   double             *x,
                                   double             *y)
{
  double cx, cy, cw, ch;

  g_return_val_if_fail (VAERN_IS_HEAT_MAP_WIDGET (self), FALSE);

  if (self->geometry.n_matrices == 0
      || !vaern_heat_map_cell_rect (&self->geometry, matrix, likelihood, consequence, &cx, &cy,
                                    &cw, &ch))
    return FALSE;
  *x = cx + cw / 2;
  *y = cy + ch / 2;
  return TRUE;
}
