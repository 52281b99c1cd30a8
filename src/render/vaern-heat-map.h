/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "core/vaern-risk-scale.h"

G_BEGIN_DECLS

/* The risk matrix as a heat map: likelihood up the side, consequence along
 * the bottom, each cell in its band's colour with the number of risks in it.
 * One pure Cairo renderer (with Pango for text) drawn by the widget on
 * screen, by printing, and by the PNG, PDF and SVG export. No GTK here. */

typedef enum
{
  VAERN_HEAT_MAP_INHERENT = 1 << 0,   /* before treatment */
  VAERN_HEAT_MAP_RESIDUAL = 1 << 1,   /* after treatment */
  VAERN_HEAT_MAP_BOTH     = VAERN_HEAT_MAP_INHERENT | VAERN_HEAT_MAP_RESIDUAL,
} VaernHeatMapShow;

/* The numbers and choices one drawing is made from. Counts are indexed
 * [(likelihood - 1) * scale->n_consequence + (consequence - 1)]. */
typedef struct
{
  const VaernRiskScale *scale;
  const guint          *inherent;       /* n_likelihood × n_consequence counts */
  const guint          *residual;       /* the same after treatment */
  VaernHeatMapShow      show;
  gboolean              safe_palette;   /* the colour-blind-safe colours */
  gboolean              legend;         /* the bands under the matrices */
  /* A cell to ring (keyboard focus or a chosen filter): matrix is
   * VAERN_HEAT_MAP_INHERENT or _RESIDUAL, or 0 for none. */
  VaernHeatMapShow      focus_matrix;
  guint                 focus_likelihood;
  guint                 focus_consequence;
  /* The text colour and the background, for dark and light styles;
   * print and export use black on white. */
  double                fg[4];
  double                bg[4];
  /* The font family and base size in points (for print: 10). */
  const char           *font_family;
  double                font_size;
} VaernHeatMap;

/* Where the cells of the last drawing went, for hit tests and for the
 * tooltip's position. */
typedef struct
{
  guint  n_matrices;
  VaernHeatMapShow matrix[2];    /* which matrix each is */
  double x[2], y[2];             /* the top-left corner of each matrix's cells */
  double cell_width, cell_height;
  guint  n_likelihood, n_consequence;
} VaernHeatMapGeometry;

/* Draws the matrices (side by side, or one) and the legend into the
 * rectangle 0, 0, width, height of cr, with labels in Danish. Fills
 * geometry (may be NULL). */
void     vaern_heat_map_draw        (cairo_t               *cr,
                                     double                 width,
                                     double                 height,
                                     const VaernHeatMap    *map,
                                     VaernHeatMapGeometry  *geometry);

/* The cell under x, y: TRUE with matrix, likelihood and consequence set. */
gboolean vaern_heat_map_hit         (const VaernHeatMapGeometry *geometry,
                                     double                 x,
                                     double                 y,
                                     VaernHeatMapShow      *matrix,
                                     guint                 *likelihood,
                                     guint                 *consequence);
/* The rectangle of a cell; FALSE if that matrix is not drawn. */
gboolean vaern_heat_map_cell_rect   (const VaernHeatMapGeometry *geometry,
                                     VaernHeatMapShow       matrix,
                                     guint                  likelihood,
                                     guint                  consequence,
                                     double                *x,
                                     double                *y,
                                     double                *width,
                                     double                *height);

/* The page for management: a heading (organisation, scope, date), the
 * matrices, the legend and the scale's definitions (each level's label and
 * description, each band's score range). */
typedef struct
{
  const char *organisation;
  const char *scope;        /* "Hele organisationen", a unit's or a system's name */
  const char *date;         /* as it should read, e.g. "23-11-2026" */
  GBytes     *logo;         /* the organisation's logo (PNG), or NULL */
} VaernHeatMapPage;

void     vaern_heat_map_draw_page   (cairo_t               *cr,
                                     double                 width,
                                     double                 height,
                                     const VaernHeatMap    *map,
                                     const VaernHeatMapPage *page);

/* The page written to a file: the format follows the extension (.png, .pdf,
 * .svg). PDF and SVG are A4 landscape (842 × 595 points); PNG is the same
 * page at 150 dpi. VAERN_CORE_ERROR_INVALID for an unknown extension; a
 * G_IO_ERROR when the file cannot be written. */
gboolean vaern_heat_map_export      (const char            *path,
                                     const VaernHeatMap    *map,
                                     const VaernHeatMapPage *page,
                                     GError               **error);

G_END_DECLS
