/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "core/vaern-core-error.h"
#include "vaern-heat-map.h"
#include "vaern-render-file.h"
#include "vaern-render-text.h"

/* All sizes below are in the user units of the cairo context. On screen
 * and on the image surface one unit is one pixel, so a font size in points
 * becomes SCREEN_PX_PER_PT pixels per point, as GTK does at 96 dpi. The
 * page is laid out for A4 landscape in points and scaled to whatever size
 * the caller gives, so its text scales with it. */
#define SCREEN_PX_PER_PT (96.0 / 72.0)
#define DEFAULT_FONT_SIZE 10.0
#define MIN_SCREEN_FONT 6.0
#define PAGE_WIDTH 842.0
#define PAGE_HEIGHT 595.0
#define A4_LANDSCAPE_WIDTH 841.89
#define A4_LANDSCAPE_HEIGHT 595.28
#define PNG_WIDTH 1754    /* A4 landscape at 150 dpi */
#define PNG_HEIGHT 1240

typedef struct
{
  cairo_t            *cr;
  const VaernHeatMap *map;
  const char         *family;
  guint               n_matrices;
  VaernHeatMapShow    matrix[2];
} Ctx;

/* Where the parts of the matrices go for one base font size. */
typedef struct
{
  double font;          /* the base text size */
  double pad;
  double margin;
  double axis_w;        /* the likelihood title, turned on its side */
  double label_w;       /* the row labels */
  double title_h;       /* "Before treatment" above a matrix */
  double col_label_h;   /* the column labels, two lines */
  double axis_h;        /* the consequence title */
  double legend_h;
  double gap;           /* between two matrices */
  double cell;
} Metrics;

static void
parse_color (const char *hex,
             double      rgba[4])
{
  int digits[6];

  rgba[0] = rgba[1] = rgba[2] = 0.5;
  rgba[3] = 1.0;
  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7)
    return;
  for (guint i = 0; i < 6; i++)
    if ((digits[i] = g_ascii_xdigit_value (hex[i + 1])) < 0)
      return;
  for (guint i = 0; i < 3; i++)
    rgba[i] = (digits[2 * i] * 16 + digits[2 * i + 1]) / 255.0;
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* Dark text on light fills and white on dark ones. Near-black and white
 * contrast equally with a fill of relative luminance about 0.18 (WCAG), so
 * that is where the choice turns. */
static void
text_color_for (const double fill[4],
                double       text[4])
{
  double luminance = 0.2126 * linear_channel (fill[0])
                     + 0.7152 * linear_channel (fill[1])
                     + 0.0722 * linear_channel (fill[2]);

  if (luminance > 0.18)
    text[0] = text[1] = text[2] = 0.1;
  else
    text[0] = text[1] = text[2] = 1.0;
  text[3] = 1.0;
}

static void
set_source (cairo_t      *cr,
            const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *family,
             double      size,
             gboolean    bold,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family);
  /* Absolute sizes are in user units, whatever the target's resolution. */
  pango_font_description_set_absolute_size (desc, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* A layout boxed to a width, wrapped into at most max_lines lines and
 * ellipsized after that. */
static void
box_layout (PangoLayout   *layout,
            double         width,
            int            max_lines,
            PangoAlignment alignment)
{
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_alignment (layout, alignment);
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = (double) w / PANGO_SCALE;
  if (height != NULL)
    *height = (double) h / PANGO_SCALE;
}

static double
line_height (const Ctx *ctx,
             double     size,
             gboolean   bold)
{
  g_autoptr (PangoLayout) layout = make_layout (ctx->cr, ctx->family, size, bold, "Åg");
  double height;

  layout_size (layout, NULL, &height);
  return height;
}

static double
text_width (const Ctx  *ctx,
            double      size,
            gboolean    bold,
            const char *text)
{
  g_autoptr (PangoLayout) layout = make_layout (ctx->cr, ctx->family, size, bold, text);
  double width;

  layout_size (layout, &width, NULL);
  return width;
}

static void
show_layout_at (cairo_t      *cr,
                PangoLayout  *layout,
                double        x,
                double        y,
                const double  rgba[4])
{
  cairo_move_to (cr, x, y);
  set_source (cr, rgba);
  pango_cairo_show_layout (cr, layout);
}

/* A level's label, or its number when the scale has none. */
static char *
level_label (char *const *labels,
             guint        level)
{
  const char *label = labels[level - 1];

  if (label == NULL || *label == '\0')
    return g_strdup_printf ("%u", level);
  return g_strdup (label);
}

static char *
band_range (const VaernRiskScale *scale,
            guint                 band)
{
  guint lo = scale->bands[band].min_score;
  guint hi = vaern_risk_scale_band_max_score (scale, band);

  if (lo == hi)
    return g_strdup_printf ("%u", lo);
  return g_strdup_printf ("%u–%u", lo, hi);
}

static char *
band_legend_text (const VaernRiskScale *scale,
                  guint                 band)
{
  g_autofree char *range = band_range (scale, band);

  return g_strdup_printf ("%s  %s", scale->bands[band].label ? scale->bands[band].label : "",
                          range);
}

static const char *
matrix_title (VaernHeatMapShow matrix)
{
  if (matrix == VAERN_HEAT_MAP_INHERENT)
    /* Translators: the risk matrix with the scores before any treatment (inherent risk) */
    return _("Before treatment");
  /* Translators: the risk matrix with the scores after treatment (residual risk) */
  return _("After treatment");
}

/* The legend flows its items (swatch, label, score range) into centred
 * rows no wider than width. Returns its height; draws it when draw. */
static double
legend_flow (const Ctx *ctx,
             double     font,
             double     x,
             double     y,
             double     width,
             gboolean   draw)
{
  const VaernRiskScale *scale = ctx->map->scale;
  double size = font * 0.9;
  double swatch = size;
  double pad = font * 0.4;
  double spacing = font * 1.5;
  double lh = MAX (line_height (ctx, size, FALSE), swatch);
  double item_w[VAERN_SCALE_MAX_BANDS];
  double natural_w[VAERN_SCALE_MAX_BANDS];
  guint row_of[VAERN_SCALE_MAX_BANDS];
  double row_w[VAERN_SCALE_MAX_BANDS] = { 0 };
  guint n_rows = 0;

  if (scale->n_bands == 0)
    return 0;

  for (guint i = 0; i < scale->n_bands; i++)
    {
      g_autofree char *text = band_legend_text (scale, i);

      natural_w[i] = swatch + pad + text_width (ctx, size, FALSE, text);
      item_w[i] = MIN (natural_w[i], width);
      if (n_rows == 0 || row_w[n_rows - 1] + spacing + item_w[i] > width)
        {
          row_w[n_rows] = item_w[i];
          n_rows++;
        }
      else
        row_w[n_rows - 1] += spacing + item_w[i];
      row_of[i] = n_rows - 1;
    }

  if (draw)
    {
      cairo_t *cr = ctx->cr;
      double ix = 0;

      for (guint i = 0; i < scale->n_bands; i++)
        {
          g_autofree char *text = band_legend_text (scale, i);
          g_autoptr (PangoLayout) layout = make_layout (cr, ctx->family, size, FALSE, text);
          double fill[4];
          double row_y = y + row_of[i] * lh * 1.3;
          double text_h;

          if (i == 0 || row_of[i] != row_of[i - 1])
            ix = x + (width - row_w[row_of[i]]) / 2;

          parse_color (vaern_risk_scale_band_color (scale, i, ctx->map->safe_palette), fill);
          cairo_rectangle (cr, ix, row_y + (lh - swatch) / 2, swatch, swatch);
          set_source (cr, fill);
          cairo_fill_preserve (cr);
          /* A faint outline keeps light swatches visible on a light background. */
          cairo_set_source_rgba (cr, ctx->map->fg[0], ctx->map->fg[1], ctx->map->fg[2], 0.35);
          cairo_set_line_width (cr, MAX (font * 0.06, 0.5));
          cairo_stroke (cr);

          /* Only an item wider than the whole legend is cut short. */
          if (item_w[i] < natural_w[i])
            {
              pango_layout_set_width (layout, (int) (MAX (item_w[i] - swatch - pad, 1) * PANGO_SCALE));
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            }
          layout_size (layout, NULL, &text_h);
          show_layout_at (cr, layout, ix + swatch + pad, row_y + (lh - text_h) / 2, ctx->map->fg);
          ix += item_w[i] + spacing;
        }
    }

  return n_rows * lh * 1.3 - lh * 0.3;
}

static void
compute_metrics (const Ctx *ctx,
                 double     width,
                 double     height,
                 double     font,
                 Metrics   *m)
{
  const VaernRiskScale *scale = ctx->map->scale;
  double label_size = font * 0.9;
  double natural = 0;
  double avail_w, avail_h;
  guint n = ctx->n_matrices;

  m->font = font;
  m->pad = font * 0.4;
  m->margin = font * 0.5;
  m->axis_w = line_height (ctx, font, TRUE) + m->pad;
  for (guint l = 1; l <= scale->n_likelihood; l++)
    {
      g_autofree char *label = level_label (scale->likelihood_labels, l);

      natural = MAX (natural, text_width (ctx, label_size, FALSE, label));
    }
  /* Long labels wrap rather than squeeze the matrices. */
  m->label_w = MIN (natural, MAX (width * 0.2, font * 4)) + m->pad;
  m->title_h = line_height (ctx, font * 1.05, TRUE) + m->pad;
  m->col_label_h = 2 * line_height (ctx, label_size, FALSE) + m->pad;
  m->axis_h = line_height (ctx, font, TRUE);
  m->gap = n > 1 ? font * 2 : 0;
  m->legend_h = 0;
  if (ctx->map->legend)
    m->legend_h = legend_flow (ctx, font, 0, 0, width - 2 * m->margin, FALSE) + font * 1.2;

  avail_w = width - 2 * m->margin - m->axis_w - m->label_w - (n - 1) * m->gap;
  avail_h = height - 2 * m->margin - m->title_h - m->col_label_h - m->axis_h - m->legend_h;
  /* Square cells: the smaller of what each direction allows. */
  m->cell = MAX (0, MIN (avail_w / (n * scale->n_consequence), avail_h / scale->n_likelihood));
}

/* The size for the column labels: small enough that their longest word
 * fits a cell, since a word broken in two reads worse than smaller text,
 * but not below 60 % of the other labels nor below the smallest font. */
static double
column_label_size (const Ctx *ctx,
                   double     size,
                   double     width,
                   double     min_font)
{
  const VaernRiskScale *scale = ctx->map->scale;
  double widest = 0;

  for (guint c = 1; c <= scale->n_consequence; c++)
    {
      g_autofree char *label = level_label (scale->consequence_labels, c);
      g_auto (GStrv) words = g_strsplit (label, " ", -1);

      for (guint i = 0; words[i] != NULL; i++)
        widest = MAX (widest, text_width (ctx, size, FALSE, words[i]));
    }

  /* A little slack, as lines break on rounded widths. */
  width *= 0.97;
  if (widest <= width || widest <= 0)
    return size;
  return MAX (size * width / widest, MIN (size, MAX (size * 0.6, min_font)));
}

static guint
cell_count (const guint *counts,
            const VaernRiskScale *scale,
            guint        likelihood,
            guint        consequence)
{
  if (counts == NULL)
    return 0;
  return counts[(likelihood - 1) * scale->n_consequence + (consequence - 1)];
}

static void
draw_count (const Ctx    *ctx,
            double        x,
            double        y,
            double        cell,
            double        font,
            guint         count,
            const double  fill[4])
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  double size = MIN (cell * 0.42, font * 1.8);
  g_autoptr (PangoLayout) layout = make_layout (ctx->cr, ctx->family, size, TRUE, text);
  PangoRectangle ink;
  double color[4];
  double w;

  layout_size (layout, &w, NULL);
  if (w > cell * 0.85)
    {
      g_clear_object (&layout);
      layout = make_layout (ctx->cr, ctx->family, size * cell * 0.85 / w, TRUE, text);
    }

  /* Centre the digits themselves, not the line with its ascent and descent. */
  pango_layout_get_extents (layout, &ink, NULL);
  text_color_for (fill, color);
  show_layout_at (ctx->cr, layout,
                  x + cell / 2 - (ink.x + ink.width / 2.0) / PANGO_SCALE,
                  y + cell / 2 - (ink.y + ink.height / 2.0) / PANGO_SCALE,
                  color);
}

/* Draws the matrices and the legend into 0, 0, width, height (without the
 * background) and fills geometry. */
static void
draw_matrices (cairo_t              *cr,
               double                width,
               double                height,
               const VaernHeatMap   *map,
               double                base_font,
               double                min_font,
               VaernHeatMapGeometry *geometry)
{
  const VaernRiskScale *scale = map->scale;
  guint nl = scale->n_likelihood;
  guint nc = scale->n_consequence;
  Ctx ctx = { cr, map, map->font_family != NULL ? map->font_family : "Sans", 0, { 0, 0 } };
  Metrics m;
  double font = base_font;
  double label_size, column_size;
  double block_w, block_h, left, top, rows_y, border;
  double mx[2];

  if (map->show & VAERN_HEAT_MAP_INHERENT)
    ctx.matrix[ctx.n_matrices++] = VAERN_HEAT_MAP_INHERENT;
  if (map->show & VAERN_HEAT_MAP_RESIDUAL)
    ctx.matrix[ctx.n_matrices++] = VAERN_HEAT_MAP_RESIDUAL;

  if (geometry != NULL)
    {
      memset (geometry, 0, sizeof *geometry);
      geometry->n_likelihood = nl;
      geometry->n_consequence = nc;
    }
  if (ctx.n_matrices == 0 || nl == 0 || nc == 0)
    return;

  /* Shrink the text until the cells have room for a count and two lines
   * of label, or the text would be too small to read anyway. */
  for (guint i = 0; i < 12; i++)
    {
      compute_metrics (&ctx, width, height, font, &m);
      if (m.cell >= font * 2.4 || font <= min_font)
        break;
      font = MAX (font * 0.85, min_font);
    }
  if (m.cell < 1)
    return;

  label_size = font * 0.9;
  column_size = column_label_size (&ctx, label_size, m.cell - m.pad / 2, min_font);
  block_w = m.axis_w + m.label_w + ctx.n_matrices * nc * m.cell + (ctx.n_matrices - 1) * m.gap;
  block_h = m.title_h + nl * m.cell + m.col_label_h + m.axis_h + m.legend_h;
  left = MAX (m.margin, (width - block_w) / 2);
  top = MAX (m.margin, (height - block_h) / 2);
  rows_y = top + m.title_h;
  /* The background shows between the cells as a thin border. */
  border = CLAMP (m.cell * 0.03, 1.0, 3.0);

  for (guint i = 0; i < ctx.n_matrices; i++)
    mx[i] = left + m.axis_w + m.label_w + i * (nc * m.cell + m.gap);

  if (geometry != NULL)
    {
      geometry->n_matrices = ctx.n_matrices;
      geometry->cell_width = m.cell;
      geometry->cell_height = m.cell;
      for (guint i = 0; i < ctx.n_matrices; i++)
        {
          geometry->matrix[i] = ctx.matrix[i];
          geometry->x[i] = mx[i];
          geometry->y[i] = rows_y;
        }
    }

  for (guint i = 0; i < ctx.n_matrices; i++)
    {
      const guint *counts = ctx.matrix[i] == VAERN_HEAT_MAP_INHERENT ? map->inherent : map->residual;
      double matrix_w = nc * m.cell;
      g_autoptr (PangoLayout) title = NULL;
      g_autoptr (PangoLayout) axis = NULL;
      double h;

      title = make_layout (cr, ctx.family, font * 1.05, TRUE, matrix_title (ctx.matrix[i]));
      box_layout (title, matrix_w, 1, PANGO_ALIGN_CENTER);
      layout_size (title, NULL, &h);
      show_layout_at (cr, title, mx[i], rows_y - m.pad - h, map->fg);

      for (guint l = 1; l <= nl; l++)
        for (guint c = 1; c <= nc; c++)
          {
            double x = mx[i] + (c - 1) * m.cell;
            double y = rows_y + (nl - l) * m.cell;
            int band = vaern_risk_scale_band (scale, l, c);
            guint count = cell_count (counts, scale, l, c);
            double fill[4];

            parse_color (band >= 0 ? vaern_risk_scale_band_color (scale, band, map->safe_palette)
                                   : NULL,
                         fill);
            cairo_rectangle (cr, x + border / 2, y + border / 2, m.cell - border, m.cell - border);
            set_source (cr, fill);
            cairo_fill (cr);

            /* An empty cell stays empty: a 0 in every corner would hide the
             * cells that matter. */
            if (count > 0)
              draw_count (&ctx, x, y, m.cell, font, count, fill);
          }

      for (guint c = 1; c <= nc; c++)
        {
          g_autofree char *text = level_label (scale->consequence_labels, c);
          g_autoptr (PangoLayout) label = make_layout (cr, ctx.family, column_size, FALSE, text);

          box_layout (label, m.cell - m.pad / 2, 2, PANGO_ALIGN_CENTER);
          show_layout_at (cr, label, mx[i] + (c - 1) * m.cell + m.pad / 4,
                          rows_y + nl * m.cell + m.pad / 2, map->fg);
        }

      /* Translators: the axis of the risk matrix along the bottom */
      axis = make_layout (cr, ctx.family, font, TRUE, _("Consequence"));
      box_layout (axis, matrix_w, 1, PANGO_ALIGN_CENTER);
      show_layout_at (cr, axis, mx[i], rows_y + nl * m.cell + m.col_label_h, map->fg);

      if (map->focus_matrix == ctx.matrix[i]
          && map->focus_likelihood >= 1 && map->focus_likelihood <= nl
          && map->focus_consequence >= 1 && map->focus_consequence <= nc)
        {
          double ring = MAX (2.0, m.cell * 0.06);
          double inset = border / 2 + ring / 2;
          double x = mx[i] + (map->focus_consequence - 1) * m.cell;
          double y = rows_y + (nl - map->focus_likelihood) * m.cell;

          cairo_rectangle (cr, x + inset, y + inset, m.cell - 2 * inset, m.cell - 2 * inset);
          cairo_set_line_width (cr, ring);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
          set_source (cr, map->fg);
          cairo_stroke (cr);
        }
    }

  /* The rows are the same for both matrices, so one set of labels. */
  for (guint l = 1; l <= nl; l++)
    {
      g_autofree char *text = level_label (scale->likelihood_labels, l);
      g_autoptr (PangoLayout) label = make_layout (cr, ctx.family, label_size, FALSE, text);
      double h;

      box_layout (label, m.label_w - m.pad, 2, PANGO_ALIGN_RIGHT);
      layout_size (label, NULL, &h);
      show_layout_at (cr, label, left + m.axis_w,
                      rows_y + (nl - l + 0.5) * m.cell - h / 2, map->fg);
    }

  {
    g_autoptr (PangoLayout) axis = NULL;

    /* Turned a quarter to the left, reading upwards along the rows. */
    cairo_save (cr);
    cairo_translate (cr, left, rows_y + nl * m.cell);
    cairo_rotate (cr, -G_PI / 2);
    /* Translators: the axis of the risk matrix up the side */
    axis = make_layout (cr, ctx.family, font, TRUE, _("Likelihood"));
    box_layout (axis, nl * m.cell, 1, PANGO_ALIGN_CENTER);
    show_layout_at (cr, axis, 0, 0, map->fg);
    cairo_restore (cr);
  }

  if (map->legend)
    legend_flow (&ctx, font, m.margin,
                 rows_y + nl * m.cell + m.col_label_h + m.axis_h + font * 1.2,
                 width - 2 * m.margin, TRUE);
}

/**
 * vaern_heat_map_draw:
 * @cr: where to draw
 * @width: the width of the area from 0, 0
 * @height: its height
 * @map: what to draw
 * @geometry: (out caller-allocates) (nullable): where the cells went
 *
 * Draws the matrices and the legend on the background, in user units of
 * @cr taken as pixels: the font size grows by 96/72 from points.
 */
void
vaern_heat_map_draw (cairo_t              *cr,
                     double                width,
                     double                height,
                     const VaernHeatMap   *map,
                     VaernHeatMapGeometry *geometry)
{
  double font;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (map != NULL);
  g_return_if_fail (map->scale != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  set_source (cr, map->bg);
  cairo_fill (cr);

  font = (map->font_size > 0 ? map->font_size : DEFAULT_FONT_SIZE) * SCREEN_PX_PER_PT;
  draw_matrices (cr, width, height, map, font, MIN (font, MIN_SCREEN_FONT), geometry);
  cairo_restore (cr);
}

gboolean
vaern_heat_map_hit (const VaernHeatMapGeometry *geometry,
                    double                      x,
                    double                      y,
                    VaernHeatMapShow           *matrix,
                    guint                      *likelihood,
                    guint                      *consequence)
{
  g_return_val_if_fail (geometry != NULL, FALSE);

  if (geometry->cell_width <= 0 || geometry->cell_height <= 0)
    return FALSE;

  for (guint i = 0; i < MIN (geometry->n_matrices, 2); i++)
    {
      double dx = x - geometry->x[i];
      double dy = y - geometry->y[i];
      guint column, row;

      if (dx < 0 || dy < 0
          || dx >= geometry->n_consequence * geometry->cell_width
          || dy >= geometry->n_likelihood * geometry->cell_height)
        continue;

      column = MIN ((guint) (dx / geometry->cell_width), geometry->n_consequence - 1);
      row = MIN ((guint) (dy / geometry->cell_height), geometry->n_likelihood - 1);
      if (matrix != NULL)
        *matrix = geometry->matrix[i];
      if (likelihood != NULL)
        *likelihood = geometry->n_likelihood - row;
      if (consequence != NULL)
        *consequence = column + 1;
      return TRUE;
    }

  return FALSE;
}

gboolean
vaern_heat_map_cell_rect (const VaernHeatMapGeometry *geometry,
                          VaernHeatMapShow            matrix,
                          guint                       likelihood,
                          guint                       consequence,
                          double                     *x,
                          double                     *y,
                          double                     *width,
                          double                     *height)
{
  g_return_val_if_fail (geometry != NULL, FALSE);

  if (likelihood < 1 || likelihood > geometry->n_likelihood
      || consequence < 1 || consequence > geometry->n_consequence)
    return FALSE;

  for (guint i = 0; i < MIN (geometry->n_matrices, 2); i++)
    {
      if (geometry->matrix[i] != matrix)
        continue;

      if (x != NULL)
        *x = geometry->x[i] + (consequence - 1) * geometry->cell_width;
      if (y != NULL)
        *y = geometry->y[i] + (geometry->n_likelihood - likelihood) * geometry->cell_height;
      if (width != NULL)
        *width = geometry->cell_width;
      if (height != NULL)
        *height = geometry->cell_height;
      return TRUE;
    }

  return FALSE;
}

/* The page's definitions: a column per axis with each level's number,
 * label and description. */
static char *
levels_markup (guint        n,
               char *const *labels,
               char *const *descriptions)
{
  GString *markup = g_string_new (NULL);

  for (guint level = 1; level <= n; level++)
    {
      g_autofree char *label = level_label (labels, level);
      const char *description = descriptions[level - 1];
      g_autofree char *line = NULL;

      if (description != NULL && *description != '\0')
        line = g_markup_printf_escaped ("<b>%u  %s</b> – %s", level, label, description);
      else
        line = g_markup_printf_escaped ("<b>%u  %s</b>", level, label);
      if (level > 1)
        g_string_append_c (markup, '\n');
      g_string_append (markup, line);
    }

  return g_string_free (markup, FALSE);
}

/* Lays out (and with draw, draws) the three columns of definitions in
 * width and at most max_height; returns the height they take. */
static double
definitions (const Ctx *ctx,
             double     x,
             double     y,
             double     width,
             double     max_height,
             double     size,
             gboolean   draw)
{
  const VaernRiskScale *scale = ctx->map->scale;
  cairo_t *cr = ctx->cr;
  double gap = size * 2;
  double column_w = (width - 2 * gap) / 3;
  double heading_h = line_height (ctx, size * 1.05, TRUE) + size * 0.4;
  double line_h = line_height (ctx, size, FALSE);
  double body_max = max_height - heading_h;
  double used = 0;
  const char *headings[3] = {
    _("Likelihood"),
    _("Consequence"),
    /* Translators: the heading over the bands (low, medium, high) on the printed risk matrix */
    _("Risk levels"),
  };

  for (guint col = 0; col < 3; col++)
    {
      double cx = x + col * (column_w + gap);
      double h;

      if (draw)
        {
          g_autoptr (PangoLayout) heading = make_layout (cr, ctx->family, size * 1.05, TRUE,
                                                         headings[col]);

          box_layout (heading, column_w, 1, PANGO_ALIGN_LEFT);
          show_layout_at (cr, heading, cx, y, ctx->map->fg);
        }

      if (col < 2)
        {
          g_autofree char *markup = col == 0
            ? levels_markup (scale->n_likelihood, scale->likelihood_labels,
                             scale->likelihood_descriptions)
            : levels_markup (scale->n_consequence, scale->consequence_labels,
                             scale->consequence_descriptions);
          g_autoptr (PangoLayout) body = make_layout (cr, ctx->family, size, FALSE, NULL);

          pango_layout_set_markup (body, markup, -1);
          pango_layout_set_width (body, (int) (MAX (column_w, 1) * PANGO_SCALE));
          pango_layout_set_wrap (body, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_spacing (body, (int) (size * 0.15 * PANGO_SCALE));
          if (draw)
            {
              /* Long descriptions end in an ellipsis rather than run off the page. */
              pango_layout_set_height (body, (int) (MAX (body_max, line_h) * PANGO_SCALE));
              pango_layout_set_ellipsize (body, PANGO_ELLIPSIZE_END);
              show_layout_at (cr, body, cx, y + heading_h, ctx->map->fg);
            }
          layout_size (body, NULL, &h);
        }
      else
        {
          double swatch = size * 0.9;
          double row_h = line_h * 1.25;

          h = scale->n_bands * row_h;
          for (guint b = 0; draw && b < scale->n_bands; b++)
            {
              g_autofree char *range = band_range (scale, b);
              g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>  %s",
                                                                 scale->bands[b].label
                                                                 ? scale->bands[b].label : "",
                                                                 range);
              g_autoptr (PangoLayout) line = make_layout (cr, ctx->family, size, FALSE, NULL);
              double row_y = y + heading_h + b * row_h;
              double fill[4];

              parse_color (vaern_risk_scale_band_color (scale, b, ctx->map->safe_palette), fill);
              cairo_rectangle (cr, cx, row_y + (line_h - swatch) / 2, swatch, swatch);
              set_source (cr, fill);
              cairo_fill_preserve (cr);
              cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
              cairo_set_line_width (cr, MAX (size * 0.05, 0.3));
              cairo_stroke (cr);

              pango_layout_set_markup (line, markup, -1);
              box_layout (line, column_w - swatch - size * 0.5, 1, PANGO_ALIGN_LEFT);
              show_layout_at (cr, line, cx + swatch + size * 0.5, row_y, ctx->map->fg);
            }
        }

      used = MAX (used, heading_h + h);
    }

  return used;
}

/**
 * vaern_heat_map_draw_page:
 * @cr: where to draw
 * @width: the page's width, in points or pixels
 * @height: its height
 * @map: the numbers and choices; colours become black on white
 * @page: (nullable): the heading's texts
 *
 * Draws the page for management, laid out for A4 landscape and scaled to
 * @width × @height.
 */
void
vaern_heat_map_draw_page (cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const VaernHeatMap     *map,
                          const VaernHeatMapPage *page)
{
  static const double black[4] = { 0, 0, 0, 1 };
  static const double white[4] = { 1, 1, 1, 1 };
  VaernHeatMap paper;
  Ctx ctx;
  double s, font, margin, content_w, y, def_size, defs_h, max_defs, min_font;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (map != NULL);
  g_return_if_fail (map->scale != NULL);

  /* Paper is black on white whatever the window's style, always has the
   * legend, and has no keyboard focus to show. */
  paper = *map;
  memcpy (paper.fg, black, sizeof black);
  memcpy (paper.bg, white, sizeof white);
  paper.legend = TRUE;
  paper.focus_matrix = 0;
  if (paper.font_family == NULL)
    paper.font_family = "Sans";
  ctx = (Ctx) { cr, &paper, paper.font_family, 0, { 0, 0 } };

  s = MIN (width / PAGE_WIDTH, height / PAGE_HEIGHT);
  font = (paper.font_size > 0 ? paper.font_size : DEFAULT_FONT_SIZE) * s;
  min_font = MIN (font, 5 * s);
  margin = 30 * s;
  content_w = width - 2 * margin;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  set_source (cr, white);
  cairo_fill (cr);

  y = margin;
  {
    g_autoptr (PangoLayout) organisation = NULL;
    g_autoptr (PangoLayout) date = NULL;
    g_autoptr (PangoLayout) title = NULL;
    double h = 0, date_w = 0, date_h = 0, logo_w = 0;

    /* The logo stands at the top right, as high as the two first lines. */
    if (page != NULL && page->logo != NULL)
      {
        cairo_surface_t *logo = vaern_render_logo_surface (page->logo);

        logo_w = vaern_render_logo (cr, logo, width - margin, y, content_w * 0.25, font * 3.6);
        if (logo)
          cairo_surface_destroy (logo);
      }
    if (page != NULL && page->date != NULL && *page->date != '\0')
      {
        date = make_layout (cr, ctx.family, font * 1.1, FALSE, page->date);
        layout_size (date, &date_w, &date_h);
        show_layout_at (cr, date, width - margin - logo_w - date_w, y, black);
      }
    date_w += logo_w;
    if (page != NULL && page->organisation != NULL && *page->organisation != '\0')
      {
        organisation = make_layout (cr, ctx.family, font * 1.2, TRUE, page->organisation);
        box_layout (organisation, content_w - date_w - font * 2, 1, PANGO_ALIGN_LEFT);
        layout_size (organisation, NULL, &h);
        show_layout_at (cr, organisation, margin, y, black);
      }
    y += MAX (h, date_h) + font * 0.3;

    /* Translators: the title of the printed or exported heat map page */
    title = make_layout (cr, ctx.family, font * 1.9, TRUE, _("Risk matrix"));
    box_layout (title, content_w - logo_w, 1, PANGO_ALIGN_LEFT);
    layout_size (title, NULL, &h);
    show_layout_at (cr, title, margin, y, black);
    y += h;

    if (page != NULL && page->scope != NULL && *page->scope != '\0')
      {
        /* Translators: %s is what the risk matrix covers: the whole organisation, a unit or a system */
        g_autofree char *text = g_strdup_printf (_("Scope: %s"), page->scope);
        g_autoptr (PangoLayout) scope = make_layout (cr, ctx.family, font * 1.1, FALSE, text);

        box_layout (scope, content_w, 1, PANGO_ALIGN_LEFT);
        layout_size (scope, NULL, &h);
        show_layout_at (cr, scope, margin, y, black);
        y += h;
      }

    y += font * 0.6;
    cairo_move_to (cr, margin, y);
    cairo_line_to (cr, width - margin, y);
    cairo_set_line_width (cr, 0.75 * s);
    set_source (cr, black);
    cairo_stroke (cr);
    y += font * 0.6;
  }

  /* The definitions take what they need from the bottom, up to a third of
   * what is left, in smaller text if they must; the matrices get the rest. */
  max_defs = (height - margin - y) * 0.33;
  def_size = font * 0.85;
  defs_h = definitions (&ctx, margin, 0, content_w, max_defs, def_size, FALSE);
  while (defs_h > max_defs && def_size > min_font)
    {
      def_size = MAX (def_size * 0.9, min_font);
      defs_h = definitions (&ctx, margin, 0, content_w, max_defs, def_size, FALSE);
    }
  defs_h = MIN (defs_h, max_defs);

  {
    double defs_y = height - margin - defs_h;
    double matrices_h = defs_y - font - y;

    cairo_save (cr);
    cairo_translate (cr, margin, y);
    draw_matrices (cr, content_w, matrices_h, &paper, font, min_font, NULL);
    cairo_restore (cr);

    cairo_move_to (cr, margin, defs_y - font * 0.6);
    cairo_line_to (cr, width - margin, defs_y - font * 0.6);
    cairo_set_line_width (cr, 0.5 * s);
    set_source (cr, black);
    cairo_stroke (cr);

    definitions (&ctx, margin, defs_y, content_w, defs_h, def_size, TRUE);
  }

  cairo_restore (cr);
}

/* Export */

typedef enum
{
  FORMAT_PNG,
  FORMAT_PDF,
  FORMAT_SVG,
} Format;

typedef struct
{
  Format                  format;
  const VaernHeatMap     *map;
  const VaernHeatMapPage *page;
} Export;

static cairo_status_t
render_to (cairo_write_func_t write,
           void              *sink,
           gpointer           user_data)
{
  const Export *export = user_data;
  const VaernHeatMap *map = export->map;
  const VaernHeatMapPage *page = export->page;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (export->format)
    {
    case FORMAT_PNG:
      /* The page is opaque, so no alpha channel. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PNG_WIDTH, PNG_HEIGHT);
      cr = cairo_create (surface);
      cairo_scale (cr, PNG_WIDTH / PAGE_WIDTH, PNG_HEIGHT / PAGE_HEIGHT);
      vaern_heat_map_draw_page (cr, PAGE_WIDTH, PAGE_HEIGHT, map, page);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, write, sink);
      cairo_surface_destroy (surface);
      return status;

    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write, sink,
                                                     A4_LANDSCAPE_WIDTH, A4_LANDSCAPE_HEIGHT);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Risk matrix"));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Værn");
      break;

    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write, sink,
                                                     A4_LANDSCAPE_WIDTH, A4_LANDSCAPE_HEIGHT);
      break;

    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  vaern_heat_map_draw_page (cr, A4_LANDSCAPE_WIDTH, A4_LANDSCAPE_HEIGHT, map, page);
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* Finishing writes the page and the end of the file. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/**
 * vaern_heat_map_export:
 * @path: the file to write; its extension chooses the format
 * @map: the numbers and choices
 * @page: (nullable): the heading's texts
 * @error: return location for an error
 *
 * Writes the page to a temporary file next to @path and renames it over
 * @path only when it is complete, so a failed export leaves no half file
 * and an existing file intact.
 *
 * Returns: %TRUE on success.
 */
gboolean
vaern_heat_map_export (const char             *path,
                       const VaernHeatMap     *map,
                       const VaernHeatMapPage *page,
                       GError                **error)
{
  g_autofree char *lower = NULL;
  Format format;
  Export export;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (map != NULL && map->scale != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".svg"))
    format = FORMAT_SVG;
  else
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                   /* Translators: %s is a file name */
                   _("Cannot save the risk matrix as “%s”. Choose a name that ends in .png, .pdf or .svg."),
                   display);
      return FALSE;
    }

  export.format = format;
  export.map = map;
  export.page = page;
  return vaern_render_write_file (path, render_to, &export,
                                  /* Translators: the first %s is a file name, the second why
                                   * it failed */
                                  _("Could not save the risk matrix as “%s”: %s"), error);
}
