/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>

#include <string.h>

#include "vaern-render-text.h"

void
vaern_render_text_context (PangoContext **context,
                           cairo_t       *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  if (*context == NULL)
    *context = pango_cairo_create_context (cr);
  else
    pango_cairo_update_context (cr, *context);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (*context, options);
  cairo_font_options_destroy (options);
}

PangoLayout *
vaern_render_text_layout (PangoContext *context,
                          const char   *text,
                          double        width,
                          double        size,
                          gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

void
vaern_render_text_show (cairo_t     *cr,
                        PangoLayout *layout,
                        double       x,
                        double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

cairo_status_t
vaern_render_pdf_pages (cairo_write_func_t write,
                        void              *closure,
                        double             width,
                        double             height,
                        const char        *title,
                        VaernPaginateFunc  paginate,
                        VaernDrawPageFunc  draw_page,
                        gpointer           data)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write, closure, width, height);
  cairo_status_t status;
  guint pages;
  cairo_t *cr;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Værn");
  cr = cairo_create (surface);
  pages = paginate (data, cr, width, height);
  for (guint p = 0; p < pages; p++)
    {
      draw_page (data, cr, p);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* The logo */

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->size - reader->offset)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
vaern_render_logo_surface (GBytes *png)
{
  PngReader reader = { 0 };
  cairo_surface_t *image;

  if (png == NULL)
    return NULL;
  reader.data = g_bytes_get_data (png, &reader.size);
  image = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_width (image) <= 0
      || cairo_image_surface_get_height (image) <= 0)
    {
      cairo_surface_destroy (image);
      return NULL;
    }
  /* A PDF embeds the PNG as it is rather than the unpacked pixels. */
  cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_PNG, g_bytes_get_data (png, NULL),
                               g_bytes_get_size (png), (cairo_destroy_func_t) g_bytes_unref,
                               g_bytes_ref (png));
  return image;
}

double
vaern_render_logo (cairo_t         *cr,
                   cairo_surface_t *logo,
                   double           right,
                   double           top,
                   double           max_width,
                   double           height)
{
  double w, h, scale;

  if (logo == NULL || height <= 0 || max_width <= 0)
    return 0;
  w = cairo_image_surface_get_width (logo);
  h = cairo_image_surface_get_height (logo);
  scale = MIN (height / h, max_width / w);

  cairo_save (cr);
  cairo_translate (cr, right - w * scale, top);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, logo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  /* Sharp edges: no fading into the paper around the picture. */
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill (cr);
  cairo_restore (cr);

  return w * scale + height * 0.25;
}
