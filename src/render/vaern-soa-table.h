/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

/* The Statement of Applicability as an A4 table for print: one row per
 * control, theme by theme, with the number, title, whether it applies,
 * the reasons or the justification, the status, the owner and the
 * documentation. Rows wrap their text and never split across pages; the
 * column heading repeats on every page, under a heading that names the
 * organisation, the version and its approval, and over a page number.
 *
 * One renderer for printing (GtkPrintOperation calls paginate in
 * begin-print and draw_page in draw-page) and for the PDF export. No GTK. */

#define VAERN_SOA_TABLE_A4_WIDTH  595.28   /* points, portrait */
#define VAERN_SOA_TABLE_A4_HEIGHT 841.89

typedef struct _VaernSoaTable VaernSoaTable;

/* Takes what it draws from the document now: a version (0: the newest)
 * and the date to print. */
VaernSoaTable *vaern_soa_table_new        (VaernDocument *doc,
                                           gint64         version_id,
                                           const char    *date_label);
void           vaern_soa_table_free       (VaernSoaTable *table);

/* Lays the rows out on pages of width × height points (measuring text
 * with cr's font setup, or an image surface's when cr is NULL) and
 * returns the number of pages. The user unit of cr is the point (for a
 * GtkPrintOperation: gtk_print_operation_set_unit (op, GTK_UNIT_POINTS)
 * and the print context's width and height). A row never splits: a cell
 * taller than a page is cut short with an ellipsis. */
guint          vaern_soa_table_paginate   (VaernSoaTable *table,
                                           cairo_t       *cr,
                                           double         width,
                                           double         height);
/* Draws page (from 0) of the last pagination. */
void           vaern_soa_table_draw_page  (VaernSoaTable *table,
                                           cairo_t       *cr,
                                           guint          page);

guint          vaern_soa_table_get_n_rows  (VaernSoaTable *table);
guint          vaern_soa_table_get_n_pages (VaernSoaTable *table);
/* The rows on a page: the first and how many. */
void           vaern_soa_table_page_rows   (VaernSoaTable *table,
                                            guint          page,
                                            guint         *first,
                                            guint         *n_rows);
/* Where the last pagination put a row: its page (from 0), and the top
 * and height of the row on that page, in points. */
void           vaern_soa_table_row_area    (VaernSoaTable *table,
                                            guint          row,
                                            guint         *page,
                                            double        *y,
                                            double        *height);
/* A row's control number, "5.9". */
const char    *vaern_soa_table_row_control (VaernSoaTable *table,
                                            guint          row);

/* Writes every page as an A4 portrait PDF (path must end in .pdf), whole
 * or not at all. VAERN_CORE_ERROR_INVALID for another extension. */
gboolean       vaern_soa_table_export     (VaernSoaTable *table,
                                           const char    *path,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VaernSoaTable, vaern_soa_table_free)

G_END_DECLS
