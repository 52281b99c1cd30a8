/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/vaern-core-error.h"
#include "core/vaern-risk-scale.h"
#include "render/vaern-heat-map.h"
#include "vaern-test-store.h"

/* Colours no band uses, so that text, ring and background pixels are told
 * apart from the cells. */
static const double FG[4] = { 0.0, 0.0, 1.0, 1.0 };
static const double BG[4] = { 0.5, 0.0, 0.5, 1.0 };

static VaernHeatMap
make_map (const VaernRiskScale *scale,
          const guint          *inherent,
          const guint          *residual,
          VaernHeatMapShow      show,
          gboolean              safe_palette)
{
  VaernHeatMap map = { 0 };

  map.scale = scale;
  map.inherent = inherent;
  map.residual = residual;
  map.show = show;
  map.safe_palette = safe_palette;
  map.legend = TRUE;
  memcpy (map.fg, FG, sizeof FG);
  memcpy (map.bg, BG, sizeof BG);
  map.font_size = 10;
  return map;
}

static cairo_surface_t *
render (const VaernHeatMap   *map,
        int                   width,
        int                   height,
        VaernHeatMapGeometry *geometry)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  vaern_heat_map_draw (cr, width, height, map, geometry);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The pixel as 0xRRGGBB; the drawings are opaque, so premultiplying
 * changes nothing. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int px = (int) x, py = (int) y;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + py * stride + px * 4) & 0xffffff;
}

static guint32
hex_to_rgb (const char *hex)
{
  g_assert_nonnull (hex);
  g_assert_cmpint (strlen (hex), ==, 7);
  return (guint32) strtoul (hex + 1, NULL, 16);
}

static guint32
rgba_to_rgb (const double rgba[4])
{
  return ((guint32) (rgba[0] * 255 + 0.5) << 16)
         | ((guint32) (rgba[1] * 255 + 0.5) << 8)
         | (guint32) (rgba[2] * 255 + 0.5);
}

static int
distance (guint32 a,
          guint32 b)
{
  return abs ((int) ((a >> 16) & 0xff) - (int) ((b >> 16) & 0xff))
         + abs ((int) ((a >> 8) & 0xff) - (int) ((b >> 8) & 0xff))
         + abs ((int) (a & 0xff) - (int) (b & 0xff));
}

static void
assert_color (guint32 got,
              guint32 want)
{
  if (distance (got, want) > 3)
    g_error ("pixel #%06x, expected #%06x", got, want);
}

static guint32
band_rgb (const VaernRiskScale *scale,
          guint                 likelihood,
          guint                 consequence,
          gboolean              safe)
{
  int band = vaern_risk_scale_band (scale, likelihood, consequence);

  g_assert_cmpint (band, >=, 0);
  return hex_to_rgb (vaern_risk_scale_band_color (scale, band, safe));
}

/* Pixels of a cell's centre region (the middle 40 %) that are not the fill. */
static guint
marked_pixels (cairo_surface_t            *surface,
               const VaernHeatMapGeometry *geometry,
               VaernHeatMapShow            matrix,
               guint                       likelihood,
               guint                       consequence,
               guint32                     fill,
               guint32                     like,
               int                         tolerance)
{
  double x, y, w, h;
  guint n = 0;

  g_assert_true (vaern_heat_map_cell_rect (geometry, matrix, likelihood, consequence,
                                           &x, &y, &w, &h));
  for (double py = y + h * 0.3; py < y + h * 0.7; py++)
    for (double px = x + w * 0.3; px < x + w * 0.7; px++)
      {
        guint32 p = pixel_at (surface, px, py);

        if (distance (p, fill) > 60 && distance (p, like) <= tolerance)
          n++;
      }
  return n;
}

typedef struct
{
  const char *name;
  VaernRiskScale *(*make) (void);
} ScaleCase;

static VaernRiskScale *
make_dk (void)
{
  return vaern_risk_scale_new_preset ("dk-4x4");
}

static VaernRiskScale *
make_kl (void)
{
  return vaern_risk_scale_new_preset ("kl-5x5");
}

static VaernRiskScale *
make_custom (void)
{
  return vaern_risk_scale_new_custom (3, 6);
}

static const ScaleCase scales[] = {
  { "dk-4x4", make_dk },
  { "kl-5x5", make_kl },
  { "custom 3 × 6", make_custom },
};

static void
test_band_colors (void)
{
  g_autoptr (VaernRiskScale) dk = make_dk ();
  guint zeros[VAERN_SCALE_MAX_LEVELS * VAERN_SCALE_MAX_LEVELS] = { 0 };

  g_assert_nonnull (dk);
  /* The cells the brief names: their bands on the 4 × 4 scale. */
  g_assert_cmpint (vaern_risk_scale_band (dk, 1, 1), ==, 0);
  g_assert_cmpint (vaern_risk_scale_band (dk, 2, 3), ==, 1);
  g_assert_cmpint (vaern_risk_scale_band (dk, 4, 4), ==, 2);
  /* Otherwise a renderer ignoring safe_palette would pass. */
  g_assert_cmpstr (vaern_risk_scale_band_color (dk, 0, FALSE), !=,
                   vaern_risk_scale_band_color (dk, 0, TRUE));

  for (int safe = 0; safe <= 1; safe++)
    {
      VaernHeatMap map = make_map (dk, zeros, zeros, VAERN_HEAT_MAP_BOTH, safe);
      VaernHeatMapGeometry geometry;
      cairo_surface_t *surface = render (&map, 800, 500, &geometry);
      static const guint cells[][2] = { { 1, 1 }, { 2, 3 }, { 4, 4 } };

      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        for (guint m = 0; m < geometry.n_matrices; m++)
          {
            guint l = cells[i][0], c = cells[i][1];
            double x, y, w, h;
            guint32 want = band_rgb (dk, l, c, safe);

            g_assert_true (vaern_heat_map_cell_rect (&geometry, geometry.matrix[m], l, c,
                                                     &x, &y, &w, &h));
            /* The four corners, inset past the border, and the centre. */
            assert_color (pixel_at (surface, x + 5, y + 5), want);
            assert_color (pixel_at (surface, x + w - 6, y + 5), want);
            assert_color (pixel_at (surface, x + 5, y + h - 6), want);
            assert_color (pixel_at (surface, x + w - 6, y + h - 6), want);
            assert_color (pixel_at (surface, x + w / 2, y + h / 2), want);
          }
      cairo_surface_destroy (surface);
    }

  /* Every cell of every scale, in both palettes, small and large. */
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      g_autoptr (VaernRiskScale) scale = scales[s].make ();
      static const int sizes[][2] = { { 300, 200 }, { 1920, 1080 } };

      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        for (int safe = 0; safe <= 1; safe++)
          {
            VaernHeatMap map = make_map (scale, zeros, zeros, VAERN_HEAT_MAP_BOTH, safe);
            VaernHeatMapGeometry geometry;
            cairo_surface_t *surface = render (&map, sizes[z][0], sizes[z][1], &geometry);

            g_test_message ("%s at %d × %d", scales[s].name, sizes[z][0], sizes[z][1]);
            for (guint m = 0; m < geometry.n_matrices; m++)
              for (guint l = 1; l <= scale->n_likelihood; l++)
                for (guint c = 1; c <= scale->n_consequence; c++)
                  {
                    double x, y, w, h;

                    g_assert_true (vaern_heat_map_cell_rect (&geometry, geometry.matrix[m], l, c,
                                                             &x, &y, &w, &h));
                    assert_color (pixel_at (surface, x + w / 2, y + h / 2),
                                  band_rgb (scale, l, c, safe));
                  }
            cairo_surface_destroy (surface);
          }
    }
}

static void
test_counts (void)
{
  g_autoptr (VaernRiskScale) dk = make_dk ();
  g_autoptr (VaernRiskScale) kl = make_kl ();
  guint inherent[16] = { 0 };
  guint residual[16] = { 0 };
  guint kl_counts[25] = { 0 };
  VaernHeatMap map;
  VaernHeatMapGeometry geometry;
  cairo_surface_t *surface;
  guint32 fill;

  /* dk-4x4, likelihood 2, consequence 3: a yellow cell, so dark digits. */
  inherent[(2 - 1) * 4 + (3 - 1)] = 7;
  map = make_map (dk, inherent, residual, VAERN_HEAT_MAP_BOTH, FALSE);
  surface = render (&map, 800, 500, &geometry);
  fill = band_rgb (dk, 2, 3, FALSE);
  g_assert_cmpuint (marked_pixels (surface, &geometry, VAERN_HEAT_MAP_INHERENT, 2, 3,
                                   fill, 0x000000, 100), >, 10);
  /* The same cell after treatment holds 0: nothing drawn in it. */
  g_assert_cmpuint (marked_pixels (surface, &geometry, VAERN_HEAT_MAP_RESIDUAL, 2, 3,
                                   fill, 0x000000, 3 * 255), ==, 0);
  g_assert_cmpuint (marked_pixels (surface, &geometry, VAERN_HEAT_MAP_INHERENT, 1, 1,
                                   band_rgb (dk, 1, 1, FALSE), 0x000000, 3 * 255), ==, 0);
  cairo_surface_destroy (surface);

  /* kl-5x5, safe palette, the lowest cell: dark blue, so white digits. */
  kl_counts[0] = 7;
  map = make_map (kl, NULL, kl_counts, VAERN_HEAT_MAP_RESIDUAL, TRUE);
  surface = render (&map, 600, 500, &geometry);
  fill = band_rgb (kl, 1, 1, TRUE);
  g_assert_cmpuint (marked_pixels (surface, &geometry, VAERN_HEAT_MAP_RESIDUAL, 1, 1,
                                   fill, 0xffffff, 60), >, 10);
  g_assert_cmpuint (marked_pixels (surface, &geometry, VAERN_HEAT_MAP_RESIDUAL, 1, 2,
                                   band_rgb (kl, 1, 2, TRUE), 0xffffff, 3 * 255), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_focus (void)
{
  g_autoptr (VaernRiskScale) dk = make_dk ();
  guint zeros[16] = { 0 };
  guint32 fg = rgba_to_rgb (FG);

  for (int focused = 0; focused <= 1; focused++)
    {
      VaernHeatMap map = make_map (dk, zeros, zeros, VAERN_HEAT_MAP_BOTH, FALSE);
      VaernHeatMapGeometry geometry;
      cairo_surface_t *surface;
      double x, y, w, h;
      gboolean ring = FALSE;

      if (focused)
        {
          map.focus_matrix = VAERN_HEAT_MAP_RESIDUAL;
          map.focus_likelihood = 3;
          map.focus_consequence = 2;
        }
      surface = render (&map, 800, 500, &geometry);
      g_assert_true (vaern_heat_map_cell_rect (&geometry, VAERN_HEAT_MAP_RESIDUAL, 3, 2,
                                               &x, &y, &w, &h));
      /* Down the middle of the cell from its top edge to its centre. */
      for (double py = y; py < y + h / 2; py++)
        if (pixel_at (surface, x + w / 2, py) == fg)
          ring = TRUE;
      g_assert_cmpint (ring, ==, focused);

      /* The other matrix's cell is never ringed. */
      g_assert_true (vaern_heat_map_cell_rect (&geometry, VAERN_HEAT_MAP_INHERENT, 3, 2,
                                               &x, &y, &w, &h));
      for (double py = y; py < y + h / 2; py++)
        g_assert_cmphex (pixel_at (surface, x + w / 2, py), !=, fg);
      cairo_surface_destroy (surface);
    }
}

static void
test_layout (void)
{
  g_autoptr (VaernRiskScale) dk = make_dk ();
  guint zeros[16] = { 0 };
  VaernHeatMap map;
  VaernHeatMapGeometry geometry, small, large;
  cairo_surface_t *surface;
  double x1, y1, x2, y2, w, h;

  map = make_map (dk, zeros, zeros, VAERN_HEAT_MAP_BOTH, FALSE);
  surface = render (&map, 800, 500, &geometry);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (geometry.n_matrices, ==, 2);
  g_assert_cmpint (geometry.matrix[0], ==, VAERN_HEAT_MAP_INHERENT);
  g_assert_cmpint (geometry.matrix[1], ==, VAERN_HEAT_MAP_RESIDUAL);
  g_assert_cmpuint (geometry.n_likelihood, ==, 4);
  g_assert_cmpuint (geometry.n_consequence, ==, 4);
  g_assert_cmpfloat (geometry.cell_width, >, 0);
  /* Side by side: the same rows, the second wholly to the right. */
  g_assert_cmpfloat (geometry.y[0], ==, geometry.y[1]);
  g_assert_cmpfloat (geometry.x[1], >, geometry.x[0] + 4 * geometry.cell_width);
  /* Square cells. */
  g_assert_cmpfloat (geometry.cell_width, ==, geometry.cell_height);

  /* Likelihood grows upwards, consequence to the right. */
  g_assert_true (vaern_heat_map_cell_rect (&geometry, VAERN_HEAT_MAP_INHERENT, 1, 1,
                                           &x1, &y1, &w, &h));
  g_assert_true (vaern_heat_map_cell_rect (&geometry, VAERN_HEAT_MAP_INHERENT, 2, 2,
                                           &x2, &y2, &w, &h));
  g_assert_cmpfloat (y2, <, y1);
  g_assert_cmpfloat (x2, >, x1);

  map.show = VAERN_HEAT_MAP_RESIDUAL;
  surface = render (&map, 800, 500, &geometry);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (geometry.n_matrices, ==, 1);
  g_assert_cmpint (geometry.matrix[0], ==, VAERN_HEAT_MAP_RESIDUAL);
  g_assert_false (vaern_heat_map_cell_rect (&geometry, VAERN_HEAT_MAP_INHERENT, 1, 1,
                                            NULL, NULL, NULL, NULL));
  g_assert_true (vaern_heat_map_cell_rect (&geometry, VAERN_HEAT_MAP_RESIDUAL, 1, 1,
                                           NULL, NULL, NULL, NULL));
  /* Levels outside the scale have no cell. */
  g_assert_false (vaern_heat_map_cell_rect (&geometry, VAERN_HEAT_MAP_RESIDUAL, 0, 1,
                                            NULL, NULL, NULL, NULL));
  g_assert_false (vaern_heat_map_cell_rect (&geometry, VAERN_HEAT_MAP_RESIDUAL, 1, 5,
                                            NULL, NULL, NULL, NULL));

  map.show = VAERN_HEAT_MAP_INHERENT;
  surface = render (&map, 800, 500, &geometry);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (geometry.n_matrices, ==, 1);
  g_assert_cmpint (geometry.matrix[0], ==, VAERN_HEAT_MAP_INHERENT);

  /* The matrices fit from a small pane to a full screen, and grow with it. */
  map.show = VAERN_HEAT_MAP_BOTH;
  surface = render (&map, 300, 200, &small);
  cairo_surface_destroy (surface);
  surface = render (&map, 1920, 1080, &large);
  cairo_surface_destroy (surface);
  g_assert_cmpfloat (small.cell_width, >=, 12);
  g_assert_cmpfloat (large.cell_width, >, 4 * small.cell_width);
  g_assert_cmpfloat (small.x[0], >=, 0);
  g_assert_cmpfloat (small.y[0], >=, 0);
  g_assert_cmpfloat (small.x[1] + 4 * small.cell_width, <=, 300);
  g_assert_cmpfloat (small.y[0] + 4 * small.cell_height, <=, 200);
}

static void
test_hit (void)
{
  static const VaernHeatMapShow shows[] = {
    VAERN_HEAT_MAP_BOTH, VAERN_HEAT_MAP_INHERENT, VAERN_HEAT_MAP_RESIDUAL,
  };
  static const int sizes[][2] = { { 300, 200 }, { 640, 480 }, { 1920, 1080 } };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    for (guint v = 0; v < G_N_ELEMENTS (shows); v++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          g_autoptr (VaernRiskScale) scale = scales[s].make ();
          VaernHeatMap map = make_map (scale, NULL, NULL, shows[v], FALSE);
          VaernHeatMapGeometry geometry;
          cairo_surface_t *surface = render (&map, sizes[z][0], sizes[z][1], &geometry);
          guint nl = scale->n_likelihood, nc = scale->n_consequence;
          VaernHeatMapShow matrix;
          guint l, c;

          cairo_surface_destroy (surface);
          g_assert_cmpuint (geometry.n_matrices, ==, shows[v] == VAERN_HEAT_MAP_BOTH ? 2 : 1);

          for (guint m = 0; m < geometry.n_matrices; m++)
            {
              double mw = nc * geometry.cell_width, mh = nl * geometry.cell_height;

              for (guint want_l = 1; want_l <= nl; want_l++)
                for (guint want_c = 1; want_c <= nc; want_c++)
                  {
                    double x, y, w, h;

                    g_assert_true (vaern_heat_map_cell_rect (&geometry, geometry.matrix[m],
                                                             want_l, want_c, &x, &y, &w, &h));
                    g_assert_true (vaern_heat_map_hit (&geometry, x + w / 2, y + h / 2,
                                                       &matrix, &l, &c));
                    g_assert_cmpint (matrix, ==, geometry.matrix[m]);
                    g_assert_cmpuint (l, ==, want_l);
                    g_assert_cmpuint (c, ==, want_c);
                    /* Near the corners too. */
                    g_assert_true (vaern_heat_map_hit (&geometry, x + 0.5, y + h - 0.5,
                                                       &matrix, &l, &c));
                    g_assert_cmpuint (l, ==, want_l);
                    g_assert_cmpuint (c, ==, want_c);
                  }

              /* Just outside each side of the matrix. */
              g_assert_false (vaern_heat_map_hit (&geometry, geometry.x[m] - 0.5,
                                                  geometry.y[m] + mh / 2, NULL, NULL, NULL));
              g_assert_false (vaern_heat_map_hit (&geometry, geometry.x[m] + mw / 2,
                                                  geometry.y[m] - 0.5, NULL, NULL, NULL));
              g_assert_false (vaern_heat_map_hit (&geometry, geometry.x[m] + mw / 2,
                                                  geometry.y[m] + mh + 0.5, NULL, NULL, NULL));
              if (m + 1 == geometry.n_matrices)
                g_assert_false (vaern_heat_map_hit (&geometry, geometry.x[m] + mw + 0.5,
                                                    geometry.y[m] + mh / 2, NULL, NULL, NULL));
            }

          /* The gap between two matrices. */
          if (geometry.n_matrices == 2)
            g_assert_false (vaern_heat_map_hit (&geometry,
                                                (geometry.x[0] + nc * geometry.cell_width
                                                 + geometry.x[1]) / 2,
                                                geometry.y[0] + geometry.cell_height / 2,
                                                NULL, NULL, NULL));
          g_assert_false (vaern_heat_map_hit (&geometry, 0, 0, NULL, NULL, NULL));
          g_assert_false (vaern_heat_map_hit (&geometry, -10, -10, NULL, NULL, NULL));
          g_assert_false (vaern_heat_map_hit (&geometry, sizes[z][0] + 10, sizes[z][1] + 10,
                                              NULL, NULL, NULL));
        }
}

static void
test_page (void)
{
  g_autoptr (VaernRiskScale) kl = make_kl ();
  guint counts[25] = { 3, 0, 1, 0, 0, 0, 12, 0, 2, 0, 0, 0, 5, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 4 };
  VaernHeatMap map = make_map (kl, counts, counts, VAERN_HEAT_MAP_BOTH, FALSE);
  VaernHeatMapPage page = {
    "Eksempel Kommune med et meget langt navn der bliver ved og ved og ved",
    "Hele organisationen",
    "23-11-2026",
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 842, 595);
  cairo_t *cr = cairo_create (surface);
  guint32 top = hex_to_rgb (vaern_risk_scale_band_color (kl, kl->n_bands - 1, FALSE));
  gboolean has_top = FALSE, has_fg = FALSE;

  g_free (kl->likelihood_descriptions[0]);
  kl->likelihood_descriptions[0] = g_strdup ("Sker sjældnere end hvert tiende år. "
                                             "En meget lang beskrivelse, der gentager sig. "
                                             "En meget lang beskrivelse, der gentager sig. "
                                             "En meget lang beskrivelse, der gentager sig.");
  vaern_heat_map_draw_page (cr, 842, 595, &map, &page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* White paper with the cells on it, and the screen's colours unused. */
  g_assert_cmphex (pixel_at (surface, 2, 2), ==, 0xffffff);
  for (int y = 0; y < 595; y++)
    for (int x = 0; x < 842; x++)
      {
        guint32 p = pixel_at (surface, x, y);

        has_top |= p == top;
        has_fg |= p == rgba_to_rgb (FG) || p == rgba_to_rgb (BG);
      }
  g_assert_true (has_top);
  g_assert_false (has_fg);
  cairo_surface_destroy (surface);
}

/* The organisation's logo stands at the top right of the page, left of
 * nothing and right of the date; without one that corner is blank. */
static guint
count_logo_pixels (GBytes *logo)
{
  g_autoptr (VaernRiskScale) scale = make_kl ();
  guint counts[25] = { 0 };
  VaernHeatMap map = make_map (scale, counts, counts, VAERN_HEAT_MAP_BOTH, FALSE);
  VaernHeatMapPage page = { "Eksempel Kommune", "Hele organisationen", "23-11-2026", logo };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 842, 595);
  cairo_t *cr = cairo_create (surface);
  guint red = 0, blue = 0;

  vaern_heat_map_draw_page (cr, 842, 595, &map, &page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The corner: the right quarter, the heading's height. */
  for (int y = 0; y < 90; y++)
    for (int x = 842 - 30 - 196; x < 842; x++)
      {
        guint32 p = pixel_at (surface, x, y);

        red += p == 0xff0000;
        blue += p == 0x0000ff;
      }
  cairo_surface_destroy (surface);
  return MIN (red, blue);
}

static void
test_page_logo (void)
{
  g_autoptr (GBytes) logo = vaern_test_logo ();
  g_autoptr (GBytes) broken = g_bytes_new_static ("\x89PNG\r\n\x1a\n broken", 16);

  g_assert_cmpuint (count_logo_pixels (NULL), ==, 0);
  /* Two pixels scaled to the heading's height: a square of each colour. */
  g_assert_cmpuint (count_logo_pixels (logo), >, 100);
  /* A logo that cannot be read is left out, the page drawn. */
  g_assert_cmpuint (count_logo_pixels (broken), ==, 0);
}

/* Export */

static char *
make_tmp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("vaern-heat-map-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tmp_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static const VaernHeatMapPage test_page_texts = { "Eksempel Kommune", "Hele organisationen", "23-11-2026" };

static void
export_ok (const char         *path,
           const VaernHeatMap *map)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (vaern_heat_map_export (path, map, &test_page_texts, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* memmem is a GNU extension; the PDF's streams hold NULs, so no strstr. */
static const char *
find_bytes (const char *data,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

static void
test_export_pdf (void)
{
  g_autoptr (VaernRiskScale) dk = make_dk ();
  guint counts[16] = { 1, 2, 3, 4, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 9 };
  VaernHeatMap map = make_map (dk, counts, counts, VAERN_HEAT_MAP_BOTH, FALSE);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *data = NULL;
  gsize length;
  const char *p, *box;
  guint pages = 0;
  double n[4];
  char *end;

  export_ok (path, &map);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (data, "%PDF", 4) == 0);

  /* Cairo 1.16 writes its page objects uncompressed; "/Type /Pages" is the
   * page tree, not a page. */
  for (p = data; (p = find_bytes (p, length - (p - data), "/Type /Page")) != NULL; p += 11)
    if (p + 11 >= data + length || p[11] != 's')
      pages++;
  g_assert_cmpuint (pages, ==, 1);

  box = find_bytes (data, length, "/MediaBox [");
  g_assert_nonnull (box);
  p = box + 11;
  for (guint i = 0; i < 4; i++)
    {
      n[i] = g_ascii_strtod (p, &end);
      g_assert_true (end != p);
      p = end;
    }
  g_assert_cmpfloat_with_epsilon (n[0], 0, 0.5);
  g_assert_cmpfloat_with_epsilon (n[1], 0, 0.5);
  g_assert_cmpfloat_with_epsilon (n[2], 841.89, 0.5);
  g_assert_cmpfloat_with_epsilon (n[3], 595.28, 0.5);

  /* Nothing else, such as the temporary file, is left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tmp_dir (dir);
}

static void
test_export_png_svg (void)
{
  g_autoptr (VaernRiskScale) custom = make_custom ();
  VaernHeatMap map = make_map (custom, NULL, NULL, VAERN_HEAT_MAP_RESIDUAL, TRUE);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *png = g_build_filename (dir, "matrix.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "matrix.svg", NULL);
  g_autofree char *data = NULL;
  cairo_surface_t *surface;

  /* An existing file is replaced whole. */
  g_assert_true (g_file_set_contents (png, "old", -1, NULL));
  export_ok (png, &map);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1754);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1240);
  /* The page is white paper. */
  g_assert_cmphex (pixel_at (surface, 5, 5), ==, 0xffffff);
  cairo_surface_destroy (surface);

  export_ok (svg, &map);
  g_assert_true (g_file_get_contents (svg, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_nonnull (strstr (data, "<svg"));
  g_assert_nonnull (strstr (data, "width=\"841.89"));
  g_assert_nonnull (strstr (data, "height=\"595.28"));

  g_assert_cmpuint (count_entries (dir), ==, 2);
  remove_tmp_dir (dir);
}

static void
test_export_errors (void)
{
  g_autoptr (VaernRiskScale) dk = make_dk ();
  VaernHeatMap map = make_map (dk, NULL, NULL, VAERN_HEAT_MAP_BOTH, FALSE);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *txt = g_build_filename (dir, "matrix.txt", NULL);
  g_autofree char *bare = g_build_filename (dir, "matrix", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "matrix.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.pdf", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (vaern_heat_map_export (txt, &map, &test_page_texts, &error));
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ".pdf"));
  g_clear_error (&error);
  g_assert_false (vaern_heat_map_export (bare, &map, &test_page_texts, &error));
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* A folder that does not exist cannot be written to. */
  g_assert_false (vaern_heat_map_export (missing, &map, &test_page_texts, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, "matrix.pdf"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Nor can a name taken by a folder: the page is written but cannot
   * replace it, and the temporary file goes again. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (vaern_heat_map_export (folder, &map, &test_page_texts, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_tmp_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vaern/heat-map/band-colors", test_band_colors);
  g_test_add_func ("/vaern/heat-map/counts", test_counts);
  g_test_add_func ("/vaern/heat-map/focus", test_focus);
  g_test_add_func ("/vaern/heat-map/layout", test_layout);
  g_test_add_func ("/vaern/heat-map/hit", test_hit);
  g_test_add_func ("/vaern/heat-map/page", test_page);
  g_test_add_func ("/vaern/heat-map/page-logo", test_page_logo);
  g_test_add_func ("/vaern/heat-map/export-pdf", test_export_pdf);
  g_test_add_func ("/vaern/heat-map/export-png-svg", test_export_png_svg);
  g_test_add_func ("/vaern/heat-map/export-errors", test_export_errors);

  return g_test_run ();
}
