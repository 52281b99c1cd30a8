/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/vaern-core-error.h"
#include "core/vaern-date.h"
#include "render/vaern-soa-table.h"
#include "store/vaern-document.h"
#include "vaern-test-backend.h"
#include "vaern-test-util.h"

/* The printed SoA: every control on exactly one page, in order, no row cut
 * in two and none past the foot of its page, even with a justification
 * longer than a page; A4 portrait pages in the PDF, as many as the
 * pagination said; ink where the heading and the rows go, the excluded
 * rows too; a failed or wrong export leaves nothing behind. */

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
  demo = vaern_test_location (f->dir, "demo.vaern");
  empty = vaern_test_location (f->dir, "empty.vaern");
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

/* The margin the renderer keeps at the foot of a page, at the least. */
#define BOTTOM_MARGIN 36.0

/* Each control once, in the catalogue's order, across the pages; each row
 * whole on its page, under the previous one and above the foot. */
static void
check_pagination (VaernSoaTable *t)
{
  guint n_pages = vaern_soa_table_paginate (t, NULL, VAERN_SOA_TABLE_A4_WIDTH,
                                            VAERN_SOA_TABLE_A4_HEIGHT);
  guint next = 0;
  const char *numbers[] = { "5.1", "5.2", "5.3", "5.10", "5.37", "6.1", "6.8", "7.1", "7.14",
                            "8.1", "8.9", "8.34" };

  g_assert_cmpuint (vaern_soa_table_get_n_rows (t), ==, 93);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (n_pages, ==, vaern_soa_table_get_n_pages (t));
  for (guint p = 0; p < n_pages; p++)
    {
      guint first, n;

      double bottom = 0;

      vaern_soa_table_page_rows (t, p, &first, &n);
      g_assert_cmpuint (first, ==, next);
      g_assert_cmpuint (n, >, 0);
      for (guint r = first; r < first + n; r++)
        {
          guint page;
          double y, h;

          vaern_soa_table_row_area (t, r, &page, &y, &h);
          g_assert_cmpuint (page, ==, p);
          g_assert_cmpfloat (h, >, 0);
          g_assert_cmpfloat (y, >=, bottom);
          g_assert_cmpfloat (y + h, <=, VAERN_SOA_TABLE_A4_HEIGHT - BOTTOM_MARGIN);
          bottom = y + h;
        }
      next = first + n;
    }
  g_assert_cmpuint (next, ==, 93);

  /* The catalogue's order, theme by theme: each row's number follows the
   * previous one's (theme, then number within the theme). */
  for (guint r = 1; r < 93; r++)
    {
      const char *a = vaern_soa_table_row_control (t, r - 1);
      const char *b = vaern_soa_table_row_control (t, r);
      guint ta = atoi (a), tb = atoi (b);
      guint na = atoi (strchr (a, '.') + 1), nb = atoi (strchr (b, '.') + 1);

      g_assert_true (tb == ta ? nb == na + 1 : (tb == ta + 1 && nb == 1));
    }
  g_assert_cmpstr (vaern_soa_table_row_control (t, 0), ==, "5.1");
  g_assert_cmpstr (vaern_soa_table_row_control (t, 37), ==, "6.1");
  g_assert_cmpstr (vaern_soa_table_row_control (t, 45), ==, "7.1");
  g_assert_cmpstr (vaern_soa_table_row_control (t, 59), ==, "8.1");
  g_assert_cmpstr (vaern_soa_table_row_control (t, 92), ==, "8.34");
  /* Every control is there once. */
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      guint seen = 0;

      for (guint r = 0; r < 93; r++)
        seen += g_str_equal (vaern_soa_table_row_control (t, r), numbers[i]);
      g_assert_cmpuint (seen, ==, 1);
    }
}

static guint
find_row (VaernSoaTable *t,
          const char    *control)
{
  for (guint r = 0; r < vaern_soa_table_get_n_rows (t); r++)
    if (g_str_equal (vaern_soa_table_row_control (t, r), control))
      return r;
  g_assert_not_reached ();
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

/* A justification far longer than a page is cut short: its row still fits
 * on one page, and every control is still there. */
static void
test_long_text (Fixture       *f,
                gconstpointer  data)
{
  GListModel *entries = vaern_document_get_soa_entries (f->demo);
  g_autoptr(VaernSoaTable) t = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  guint page, row;
  double y, h;

  for (guint i = 0; i < 300; i++)
    g_string_append (text, "En meget lang begrundelse, der bliver ved og ved. ");
  for (guint i = 0; i < g_list_model_get_n_items (entries) && !done; i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (entries, i);

      if (!e->frozen && g_str_equal (e->control, "5.3"))
        {
          g_autoptr(VaernSoaEntry) copy = vaern_soa_entry_copy (e);

          g_free (copy->justification);
          copy->justification = g_strdup (text->str);
          g_assert_true (vaern_document_update_soa_entry (f->demo, copy, &error));
          g_assert_no_error (error);
          done = TRUE;
        }
    }
  g_assert_true (done);

  t = vaern_soa_table_new (f->demo, 0, "23-11-2026");
  check_pagination (t);
  row = find_row (t, "5.3");
  vaern_soa_table_row_area (t, row, &page, &y, &h);
  g_assert_cmpfloat (h, >, VAERN_SOA_TABLE_A4_HEIGHT / 2);
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

/* Pixels in a box that are not white. */
static guint
ink_pixels (cairo_surface_t *surface,
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
      if ((*(guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff)
        n++;
  return n;
}

static cairo_surface_t *
draw_page (VaernSoaTable *t,
           guint          page)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cairo_t *cr = cairo_create (surface);

  vaern_soa_table_draw_page (t, cr, page);
  cairo_destroy (cr);
  return surface;
}

/* Ink in the heading and in the rows; the rest of the margin stays white;
 * an excluded control's row is drawn too (in grey, but drawn). */
static void
test_pixels (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VaernSoaTable) t = vaern_soa_table_new (f->demo, 0, "23-11-2026");
  cairo_surface_t *surface;
  guint row, page;
  double y, h;

  vaern_soa_table_paginate (t, NULL, 595, 842);
  surface = draw_page (t, 0);
  /* The organisation's name at the top left. */
  g_assert_cmpuint (dark_pixels (surface, 36, 36, 300, 60), >, 50);
  /* Rows down the page. */
  g_assert_cmpuint (dark_pixels (surface, 36, 300, 560, 400), >, 100);
  g_assert_cmpuint (dark_pixels (surface, 36, 600, 560, 700), >, 100);
  /* The left margin is blank. */
  g_assert_cmpuint (dark_pixels (surface, 0, 0, 30, 842), ==, 0);
  g_assert_cmpuint (ink_pixels (surface, 0, 0, 30, 842), ==, 0);
  cairo_surface_destroy (surface);

  /* 8.25 is left out in the demo's newest version: its row has ink where
   * a blank page has none, in the number, title and justification. */
  row = find_row (t, "8.25");
  vaern_soa_table_row_area (t, row, &page, &y, &h);
  g_assert_cmpfloat (h, >, 0);
  surface = draw_page (t, page);
  g_assert_cmpuint (ink_pixels (surface, 36, (int) y + 1, 120, (int) (y + h) - 1), >, 50);
  g_assert_cmpuint (ink_pixels (surface, 200, (int) y + 1, 350, (int) (y + h) - 1), >, 50);
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

  /* No temporary file is left beside the targets. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    g_assert_nonnull (dir);
    while ((name = g_dir_read_name (dir)))
      g_assert_false (name[0] == '.');
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vaern/soa-table/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("pagination", test_pagination);
  ADD ("long-text", test_long_text);
  ADD ("pixels", test_pixels);
  ADD ("pdf", test_pdf);
  ADD ("refusals", test_refusals);
#undef ADD

  return g_test_run ();
}
