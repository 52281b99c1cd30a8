/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* What the paged renderers (the SoA table, the management report) share:
 * text laid out in points whatever the target, and a PDF of their pages. */

/* Makes *context for cr, or brings it up to date, without hinting, so
 * text measures the same on screen, in print and in a PDF. */
void         vaern_render_text_context (PangoContext **context,
                                        cairo_t       *cr);

/* A layout of text in Sans, size points high (absolute), bold or not,
 * wrapped to width when width > 0. */
PangoLayout *vaern_render_text_layout  (PangoContext  *context,
                                        const char    *text,
                                        double         width,
                                        double         size,
                                        gboolean       bold);

/* Draws text with its top-left corner at x, y. */
void         vaern_render_text_show    (cairo_t       *cr,
                                        PangoLayout   *layout,
                                        double         x,
                                        double         y);

/* The organisation's logo, a PNG, as a surface to draw on every page: a
 * paged report decodes it once, and a PDF then holds the picture once.
 * NULL for no logo or one that cannot be read. */
cairo_surface_t *vaern_render_logo_surface (GBytes    *png);

/* The logo (NULL draws nothing) at the top right of a page's heading: its
 * top right corner at (right, top), scaled to height but no wider than
 * max_width, its shape kept. Returns the width it took plus a gap, so
 * that right-aligned heading text can stand to its left; 0 when nothing
 * was drawn. */
double       vaern_render_logo         (cairo_t         *cr,
                                        cairo_surface_t *logo,
                                        double         right,
                                        double         top,
                                        double         max_width,
                                        double         height);

/* A whole paged document as a PDF through write (for
 * vaern_render_write_file): paginate lays it out on pages of width ×
 * height points and says how many; draw_page draws one. */
typedef guint (*VaernPaginateFunc) (gpointer data,
                                    cairo_t *cr,
                                    double   width,
                                    double   height);
typedef void  (*VaernDrawPageFunc) (gpointer data,
                                    cairo_t *cr,
                                    guint    page);

cairo_status_t vaern_render_pdf_pages (cairo_write_func_t write,
                                       void              *closure,
                                       double             width,
                                       double             height,
                                       const char        *title,
                                       VaernPaginateFunc  paginate,
                                       VaernDrawPageFunc  draw_page,
                                       gpointer           data);

G_END_DECLS
