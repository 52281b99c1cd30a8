/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/vaern-core-error.h"
#include "core/vaern-date.h"
#include "render/vaern-soa-table.h"
#include "store/vaern-document.h"
#include "vaern-test-util.h"

/* The printed SoA: every control on exactly one page, in order, no row cut
 * in two; A4 portrait pages in the PDF, as many as the pagination said;
 * ink where the heading and the rows go; a failed or wrong export leaves
 * nothing behind. */

typedef struct
{
  char          *dir;
  VaernDocument *demo;
  VaernDocument *empty;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *demo = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GError) error = NULL;

  vaern_date_set_today ("2026-11-23");
  f->dir = vaern_test_tmpdir ();
  demo = g_build_filename (f->dir, "demo.vaern", NULL);
  empty = g_build_filename (f->dir, "empty.vaern", NULL);
  f->demo = vaern_document_create (demo, "Eksempel Kommune", &error);
  g_assert_no_error (error);
  g_assert_true (vaern_document_fill_demo (f->demo, &error));
  g_assert_no_error (error);
  f->empty = vaern_document_create (empty, "Ny Kommune", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->demo);
  g_clear_object (&f->empty);
  vaern_test_rmdir (f->dir);
  g_free (f->dir);
}

/* Each control once, in the catalogue's order, across the pages. */
static void
check_pagination (VaernSoaTable *t)
{
  guint n_pages = vaern_soa_table_paginate (t, NULL, VAERN_SOA_TABLE_A4_WIDTH,
                                            VAERN_SOA_TABLE_A4_HEIGHT);
  guint next = 0;

  g_assert_cmpuint (vaern_soa_table_get_n_rows (t), ==, 93);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (n_pages, ==, vaern_soa_table_get_n_pages (t));
  for (guint p = 0; p < n_pages; p++)
    {
      guint first, n;

      vaern_soa_table_page_rows (t, p, &first, &n);
      g_assert_cmpuint (first, ==, next);
      g_assert_cmpuint (n, >, 0);
      next = first + n;
    }
  g_assert_cmpuint (next, ==, 93);
  g_assert_cmpstr (vaern_soa_table_row_control (t, 0), ==, "5.1");
  g_assert_cmpstr (vaern_soa_table_row_control (t, 37), ==, "6.1");
  g_assert_cmpstr (vaern_soa_table_row_control (t, 92), ==, "8.34");
}

static void
test_pagination (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VaernSoaTable) demo = vaern_soa_table_new (f->demo, 0, "23-11-2026");
  g_autoptr(VaernSoaTable) empty = vaern_soa_table_new (f->empty, 0, "23-11-2026");
  guint tall, half;

  check_pagination (demo);
  check_pagination (empty);
  /* Half the height: at least as many pages again, and still every row. */
  tall = vaern_soa_table_paginate (demo, NULL, VAERN_SOA_TABLE_A4_WIDTH, VAERN_SOA_TABLE_A4_HEIGHT);
  half = vaern_soa_table_paginate (demo, NULL, VAERN_SOA_TABLE_A4_WIDTH,
                                    VAERN_SOA_TABLE_A4_HEIGHT / 2);
  g_assert_cmpuint (half, >, tall);
}

static guint
dark_pixels (cairo_surface_t *surface,
             int              x0,
             int              y0,
             int              x1,
             int              y1)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 px = *(guint32 *) (data + y * stride + x * 4);

        if (((px >> 16) & 0xff) < 96 && ((px >> 8) & 0xff) < 96 && (px & 0xff) < 96)
          n++;
      }
  return n;
}

/* Ink in the heading and in the rows; the rest of the margin stays white. */
static void
test_pixels (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VaernSoaTable) t = vaern_soa_table_new (f->demo, 0, "23-11-2026");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cairo_t *cr = cairo_create (surface);

  vaern_soa_table_paginate (t, cr, 595, 842);
  vaern_soa_table_draw_page (t, cr, 0);
  cairo_destroy (cr);
  /* The organisation's name at the top left. */
  g_assert_cmpuint (dark_pixels (surface, 36, 36, 300, 60), >, 50);
  /* Rows down the page. */
  g_assert_cmpuint (dark_pixels (surface, 36, 300, 560, 400), >, 100);
  g_assert_cmpuint (dark_pixels (surface, 36, 600, 560, 700), >, 100);
  /* The left margin is blank. */
  g_assert_cmpuint (dark_pixels (surface, 0, 0, 30, 842), ==, 0);
  cairo_surface_destroy (surface);
}

static guint
count_pages (const char *contents,
             gsize       length)
{
  guint pages = 0;

  for (const char *p = contents; (p = memmem (p, contents + length - p, "/Type /Page", 11)); p++)
    if (p[11] != 's')
      pages++;
  return pages;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(VaernSoaTable) t = vaern_soa_table_new (f->demo, 0, "23-11-2026");
  g_autofree char *path = g_build_filename (f->dir, "soa.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *box;
  double x0, y0, x1, y1;
  guint n_pages;

  g_assert_true (vaern_soa_table_export (t, path, &error));
  g_assert_no_error (error);
  n_pages = vaern_soa_table_get_n_pages (t);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (count_pages (contents, length), ==, n_pages);
  box = memmem (contents, length, "/MediaBox", 9);
  g_assert_nonnull (box);
  g_assert_cmpint (sscanf (box, "/MediaBox [ %lf %lf %lf %lf", &x0, &y0, &x1, &y1), ==, 4);
  g_assert_cmpfloat_with_epsilon (x1 - x0, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (y1 - y0, 841.89, 0.5);
}

/* A wrong extension is refused; an unwritable place fails; both leave
 * nothing, and an existing file is kept. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VaernSoaTable) t = vaern_soa_table_new (f->demo, 0, "23-11-2026");
  g_autofree char *png = g_build_filename (f->dir, "soa.png", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "soa.pdf", NULL);
  g_autofree char *existing = g_build_filename (f->dir, "old.pdf", NULL);
  g_autofree char *locked_dir = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *locked = g_build_filename (locked_dir, "soa.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_false (vaern_soa_table_export (t, png, &error));
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_assert_false (vaern_soa_table_export (t, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "soa.pdf"));
  g_clear_error (&error);

  /* An existing file is replaced whole. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_true (vaern_soa_table_export (t, existing, &error));
  g_assert_true (g_file_get_contents (existing, &after, NULL, NULL));
  g_assert_true (g_str_has_prefix (after, "%PDF"));

  /* A folder that cannot be written (unless we are root, who can). */
  g_assert_cmpint (g_mkdir (locked_dir, 0500), ==, 0);
  if (access (locked_dir, W_OK) != 0)
    {
      g_assert_false (vaern_soa_table_export (t, locked, &error));
      g_assert_nonnull (error);
      g_assert_false (g_file_test (locked, G_FILE_TEST_EXISTS));
    }
  g_chmod (locked_dir, 0700);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vaern/soa-table/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("pagination", test_pagination);
  ADD ("pixels", test_pixels);
  ADD ("pdf", test_pdf);
  ADD ("refusals", test_refusals);
#undef ADD

  return g_test_run ();
}
