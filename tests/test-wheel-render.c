/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/vaern-core-error.h"
#include "render/vaern-wheel.h"
#include "vaern-test-util.h"

/* The annual wheel's renderer: the point under the pointer is the right
 * month, day and ring, and marks are drawn where the hit test finds them;
 * today's line and a known mark are where their dates say; the exported
 * pages have the paper's size. */

static VaernWheel
sample_wheel (GArray *marks)
{
  VaernWheel w = { 0 };

  w.year = 2028;             /* a leap year */
  w.today = "2028-03-01";
  w.marks = marks;
  w.focus = -1;
  w.fg[3] = 1;
  w.bg[0] = w.bg[1] = w.bg[2] = w.bg[3] = 1;
  return w;
}

/* Every day of the year, on every ring: its mark's place hits back to it. */
static void
test_geometry (void)
{
  g_autoptr(GArray) marks = vaern_wheel_marks_new ();
  VaernWheel w = sample_wheel (marks);
  VaernWheelGeometry g;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
  cairo_t *cr = cairo_create (surface);
  GDate date;
  guint month, day, ring;

  vaern_wheel_draw (cr, 800, 600, &w, &g);
  g_assert_cmpfloat (g.cx, ==, 400);
  g_assert_cmpfloat (g.cy, ==, 300);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2028);
  for (guint d = 0; d < 366; d++, g_date_add_days (&date, 1))
    {
      g_autofree char *iso = g_strdup_printf ("2028-%02u-%02u", g_date_get_month (&date),
                                              g_date_get_day (&date));

      for (guint r = 0; r < 4; r++)
        {
          double x, y;

          vaern_wheel_mark_position (&g, iso, r, &x, &y);
          g_assert_true (vaern_wheel_hit (&g, x, y, &month, &day, &ring));
          g_assert_cmpuint (month, ==, g_date_get_month (&date));
          g_assert_cmpuint (day, ==, g_date_get_day (&date));
          g_assert_cmpuint (ring, ==, r);
        }
    }
  /* 1 January is just right of the top, 1 July just left of the bottom,
   * the outer ring is Plan (0), the inner Act (3). */
  g_assert_true (vaern_wheel_hit (&g, g.cx + 1, g.cy - g.outer + 2, &month, &day, &ring));
  g_assert_cmpuint (month, ==, 1);
  g_assert_cmpuint (day, ==, 1);
  g_assert_cmpuint (ring, ==, 0);
  g_assert_true (vaern_wheel_hit (&g, g.cx - 1, g.cy + g.inner + 2, &month, &day, &ring));
  g_assert_cmpuint (month, ==, 7);
  g_assert_cmpuint (ring, ==, 3);
  /* The middle and the outside are not on the rings. */
  g_assert_false (vaern_wheel_hit (&g, g.cx, g.cy, &month, &day, &ring));
  g_assert_false (vaern_wheel_hit (&g, 2, 2, &month, &day, &ring));
  /* Dates outside the year have no angle. */
  g_assert_cmpfloat (vaern_wheel_date_angle (2028, "2027-12-31"), <, 0);
  g_assert_cmpfloat_with_epsilon (vaern_wheel_date_angle (2028, "2028-07-02"),
                                  (184 - 0.5) / 366.0 * 2 * G_PI, 1e-9);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       guint           *r,
       guint           *g,
       guint           *b)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px;

  cairo_surface_flush (surface);
  px = *(guint32 *) (data + (int) y * stride + (int) x * 4);
  *r = (px >> 16) & 0xff;
  *g = (px >> 8) & 0xff;
  *b = px & 0xff;
}

/* Today's line (red) runs at today's angle; a done mark (green) sits at
 * its date on its ring, and the mark under it is found. */
static void
test_pixels (void)
{
  g_autoptr(GArray) marks = vaern_wheel_marks_new ();
  VaernWheel w;
  VaernWheelGeometry g;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 800);
  cairo_t *cr = cairo_create (surface);
  double angle, x, y;
  guint r, gr, b;

  vaern_wheel_marks_add (marks, "2028-09-15", 2, VAERN_WHEEL_MARK_DONE, "Måling", 7);
  vaern_wheel_marks_add (marks, "2028-05-01", 0, VAERN_WHEEL_MARK_OVERDUE, "Politik", 8);
  w = sample_wheel (marks);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  vaern_wheel_draw (cr, 800, 800, &w, &g);

  /* Today: red between the rings' middle and the outside, at its angle. */
  angle = vaern_wheel_date_angle (2028, "2028-03-01");
  x = g.cx + (g.outer - g.ring_width * 1.5) * sin (angle);
  y = g.cy - (g.outer - g.ring_width * 1.5) * cos (angle);
  pixel (surface, x, y, &r, &gr, &b);
  g_assert_cmpuint (r, >, 180);
  g_assert_cmpuint (gr, <, 80);
  /* A quarter turn away there is no red. */
  x = g.cx + (g.outer - g.ring_width * 1.5) * sin (angle + G_PI / 2);
  y = g.cy - (g.outer - g.ring_width * 1.5) * cos (angle + G_PI / 2);
  pixel (surface, x, y, &r, &gr, &b);
  g_assert_false (r > 180 && gr < 80);

  /* The done mark: green at 15 September on the third ring. */
  vaern_wheel_mark_position (&g, "2028-09-15", 2, &x, &y);
  pixel (surface, x, y, &r, &gr, &b);
  g_assert_cmpuint (gr, >, 150);
  g_assert_cmpuint (r, <, 100);
  g_assert_cmpint (vaern_wheel_mark_at (&w, &g, x + 1, y), ==, 0);
  /* The overdue one: red at 1 May on the outer ring. */
  vaern_wheel_mark_position (&g, "2028-05-01", 0, &x, &y);
  pixel (surface, x, y, &r, &gr, &b);
  g_assert_cmpuint (r, >, 180);
  g_assert_cmpuint (gr, <, 80);
  g_assert_cmpint (vaern_wheel_mark_at (&w, &g, x, y), ==, 1);
  g_assert_cmpint (vaern_wheel_mark_at (&w, &g, g.cx, g.cy), ==, -1);

  /* An overdue mark is not hidden under a done one on the same day and
   * ring, whatever their order. */
  vaern_wheel_marks_add (marks, "2028-10-10", 1, VAERN_WHEEL_MARK_OVERDUE, "Beredskab", 9);
  vaern_wheel_marks_add (marks, "2028-10-10", 1, VAERN_WHEEL_MARK_DONE, "Måling", 10);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  vaern_wheel_draw (cr, 800, 800, &w, &g);
  vaern_wheel_mark_position (&g, "2028-10-10", 1, &x, &y);
  pixel (surface, x, y, &r, &gr, &b);
  g_assert_cmpuint (r, >, 180);
  g_assert_cmpuint (gr, <, 80);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
assert_pdf_size (const char *path,
                 double      width,
                 double      height)
{
  g_autofree char *contents = NULL;
  gsize length;
  const char *box;
  double x0, y0, x1, y1;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  box = memmem (contents, length, "/MediaBox", 9);
  g_assert_nonnull (box);
  g_assert_cmpint (sscanf (box, "/MediaBox [ %lf %lf %lf %lf", &x0, &y0, &x1, &y1), ==, 4);
  g_assert_cmpfloat_with_epsilon (x1 - x0, width, 0.5);
  g_assert_cmpfloat_with_epsilon (y1 - y0, height, 0.5);
}

/* A4 and A3, landscape and portrait; PNG and SVG; a wrong extension. */
static void
test_export (void)
{
  g_autoptr(GArray) marks = vaern_wheel_marks_new ();
  VaernWheel w = sample_wheel (marks);
  VaernWheelPage page = { "Testkommune", "01-03-2028" };
  g_autofree char *dir = vaern_test_tmpdir ();
  g_autofree char *a4 = g_build_filename (dir, "a4.pdf", NULL);
  g_autofree char *a3 = g_build_filename (dir, "a3.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "wheel.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "wheel.svg", NULL);
  g_autofree char *txt = g_build_filename (dir, "wheel.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  vaern_wheel_marks_add (marks, "2028-06-15", 1, VAERN_WHEEL_MARK_UPCOMING, "Test", 1);
  g_assert_true (vaern_wheel_export (a4, VAERN_WHEEL_PAPER_A4, TRUE, &w, &page, &error));
  g_assert_no_error (error);
  assert_pdf_size (a4, 841.89, 595.28);
  g_assert_true (vaern_wheel_export (a4, VAERN_WHEEL_PAPER_A4, FALSE, &w, &page, &error));
  assert_pdf_size (a4, 595.28, 841.89);
  g_assert_true (vaern_wheel_export (a3, VAERN_WHEEL_PAPER_A3, TRUE, &w, &page, &error));
  assert_pdf_size (a3, 1190.55, 841.89);
  g_assert_true (vaern_wheel_export (a3, VAERN_WHEEL_PAPER_A3, FALSE, &w, &page, &error));
  assert_pdf_size (a3, 841.89, 1190.55);
  g_assert_true (vaern_wheel_export (png, VAERN_WHEEL_PAPER_A4, TRUE, &w, &page, &error));
  g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (vaern_wheel_export (svg, VAERN_WHEEL_PAPER_A4, TRUE, &w, &page, &error));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_false (vaern_wheel_export (txt, VAERN_WHEEL_PAPER_A4, TRUE, &w, &page, &error));
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  vaern_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vaern/wheel-render/geometry", test_geometry);
  g_test_add_func ("/vaern/wheel-render/pixels", test_pixels);
  g_test_add_func ("/vaern/wheel-render/export", test_export);

  return g_test_run ();
}
