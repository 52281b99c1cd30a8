/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>

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
