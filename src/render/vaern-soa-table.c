/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "core/vaern-catalogue.h"
#include "core/vaern-core-error.h"
#include "core/vaern-date.h"
#include "vaern-render-file.h"
#include "vaern-render-text.h"
#include "vaern-soa-table.h"

/* Sizes in points: the renderer's user unit is the point on paper. */
#define MARGIN        36.0    /* half an inch */
#define FONT_SIZE     8.5
#define CELL_PAD      3.0
#define HEADER_HEIGHT 46.0    /* the page's heading above the table */
#define FOOTER_HEIGHT 18.0
#define THEME_HEIGHT  20.0    /* a theme's heading row */

enum { COL_NUMBER, COL_TITLE, COL_APPLIES, COL_JUSTIFICATION, COL_STATUS, COL_OWNER, COL_DOCS,
       N_COLUMNS };

/* Shares of the table's width: room for the long Danish compounds of
 * document titles and justifications, little for the short columns. */
static const double column_share[N_COLUMNS] = { 0.055, 0.19, 0.085, 0.22, 0.14, 0.13, 0.18 };

typedef struct
{
  char   *text[N_COLUMNS];
  guint   theme;
  gboolean applicable;
  gboolean missing;     /* no justification yet */
  /* Laid out: the page, the top of the row on it and its height. */
  guint   page;
  double  y;
  double  height;
} Row;

typedef struct
{
  guint first;
  guint n_rows;
} Page;

struct _VaernSoaTable
{
  char         *organisation;
  cairo_surface_t *logo;     /* decoded once: a PDF holds it once */
  char         *title;      /* "Statement of Applicability, version 2" */
  char         *state;      /* "Draft" or "Approved by … on …" */
  char         *date;
  GArray       *rows;       /* Row */
  GArray       *pages;      /* Page */
  double        width, height;
  double        max_cell;   /* the tallest a cell's text may be */
  PangoContext *context;
};

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (row->text[c]);
}

/* The reasons for an included control (the store's wording), then the
 * justification on a line of its own; an excluded control has only the
 * justification. */
static char *
justification_text (VaernSoaEntry *e)
{
  g_autofree char *reasons = vaern_soa_entry_reasons_text (e);
  const char *justification = e->justification ? e->justification : "";

  if (*reasons && *justification)
    return g_strconcat (reasons, "\n", justification, NULL);
  return g_strdup (*reasons ? reasons : justification);
}

static char *
documents_text (VaernSoaEntry *e)
{
  GString *s = g_string_new (NULL);

  /* As the entry sees them: an approved version's as they were. */
  for (guint i = 0; i < e->documents->len; i++)
    {
      const VaernSoaDocumentRef *d = e->documents->pdata[i];

      if (s->len)
        g_string_append (s, "; ");
      g_string_append (s, d->title);
      if (d->version && *d->version)
        g_string_append_printf (s, " (%s)", d->version);
    }
  return g_string_free (s, FALSE);
}

VaernSoaTable *
vaern_soa_table_new (VaernDocument *doc,
                     gint64         version_id,
                     const char    *date_label)
{
  VaernSoaTable *t;
  g_autoptr(VaernSoaVersion) version = NULL;
  GListModel *entries;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (doc), NULL);

  version = version_id ? vaern_document_get_soa_version (doc, version_id)
                       : vaern_document_get_newest_soa_version (doc);
  t = g_new0 (VaernSoaTable, 1);
  t->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (t->rows, row_clear);
  t->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  t->organisation = g_strdup (vaern_document_get_organisation (doc));
  {
    g_autoptr(GBytes) png = vaern_document_get_logo (doc);

    t->logo = vaern_render_logo_surface (png);
  }
  t->date = g_strdup (date_label ? date_label : "");
  if (version == NULL)
    return t;
  /* Translators: the heading of the printed SoA; %u is the version */
  t->title = g_strdup_printf (_("Statement of Applicability, version %u"), version->number);
  if (version->frozen)
    {
      g_autofree char *date = vaern_date_format (version->approved_on);

      /* Translators: under the heading of the printed SoA: who approved it, and when */
      t->state = g_strdup_printf (_("Approved by %s on %s"),
                                  version->approved_by ? version->approved_by : "", date);
    }
  else
    /* Translators: under the heading of the printed SoA */
    t->state = g_strdup (_("Draft, not yet approved by management"));

  entries = vaern_document_get_soa_entries (doc);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (entries, i);
      Row row = { { NULL } };

      if (e->version_id != vaern_record_get_id (VAERN_RECORD (version)))
        continue;
      row.theme = e->theme;
      row.applicable = e->applicable;
      row.missing = e->missing_justification;
      row.text[COL_NUMBER] = g_strdup (e->control);
      row.text[COL_TITLE] = g_strdup (e->title);
      /* Translators: in the printed SoA's "Applies" column */
      row.text[COL_APPLIES] = g_strdup (e->applicable ? _("Yes") : _("No"));
      row.text[COL_JUSTIFICATION] = justification_text (e);
      row.text[COL_STATUS] = g_strdup (e->applicable
                                       ? vaern_enum_label (&vaern_enum_soa_status, e->status) : "–");
      row.text[COL_OWNER] = g_strdup (e->owner_name ? e->owner_name : "");
      row.text[COL_DOCS] = documents_text (e);
      g_array_append_val (t->rows, row);
    }
  return t;
}

void
vaern_soa_table_free (VaernSoaTable *t)
{
  if (t == NULL)
    return;
  g_free (t->organisation);
  g_clear_pointer (&t->logo, cairo_surface_destroy);
  g_free (t->title);
  g_free (t->state);
  g_free (t->date);
  g_array_unref (t->rows);
  g_array_unref (t->pages);
  g_clear_object (&t->context);
  g_free (t);
}

/* Text is measured and drawn with the same context and unhinted metrics,
 * so a row measured for print is as tall on the printed page. */
static void
prepare_context (VaernSoaTable *t,
                 cairo_t       *cr)
{
  vaern_render_text_context (&t->context, cr);
}

static PangoLayout *
layout_new (VaernSoaTable *t,
            const char    *text,
            double         width,
            double         size,
            gboolean       bold)
{
  return vaern_render_text_layout (t->context, text, width, size, bold);
}

/* One line of the page's heading, cut short with an ellipsis rather than
 * run into the line below. */
static PangoLayout *
line_new (VaernSoaTable *t,
          const char    *text,
          double         width,
          double         size,
          gboolean       bold)
{
  PangoLayout *layout = layout_new (t, text, width, size, bold);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -1);
  return layout;
}

static double
content_width (VaernSoaTable *t)
{
  return t->width - 2 * MARGIN;
}

static double
column_x (VaernSoaTable *t,
          guint          column)
{
  double x = MARGIN;

  for (guint c = 0; c < column; c++)
    x += column_share[c] * content_width (t);
  return x;
}

static double
column_width (VaernSoaTable *t,
              guint          column)
{
  return column_share[column] * content_width (t);
}

static const char *
column_title (guint column)
{
  switch (column)
    {
    /* Translators: column heading of the printed SoA: the control's number */
    case COL_NUMBER: return _("No.");
    /* Translators: column heading of the printed SoA */
    case COL_TITLE: return _("Control");
    /* Translators: column heading of the printed SoA: whether the control applies */
    case COL_APPLIES: return _("Applies");
    /* Translators: column heading of the printed SoA: why a control is included or left out */
    case COL_JUSTIFICATION: return _("Reason or justification");
    /* Translators: column heading of the printed SoA: implementation status */
    case COL_STATUS: return _("Status");
    /* Translators: column heading of the printed SoA */
    case COL_OWNER: return _("Owner");
    /* Translators: column heading of the printed SoA: the linked documents */
    case COL_DOCS: return _("Documentation");
    default: return "";
    }
}

static double
column_header_height (VaernSoaTable *t)
{
  double h = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = layout_new (t, column_title (c),
                                                  column_width (t, c) - 2 * CELL_PAD, FONT_SIZE, TRUE);
      int lh;

      pango_layout_get_size (layout, NULL, &lh);
      h = MAX (h, (double) lh / PANGO_SCALE);
    }
  return h + 2 * CELL_PAD;
}

/* A cell's text, wrapped to its column. A text too long for a page (a
 * justification pasted in whole) is cut with an ellipsis, so that a row
 * always fits on one page. */
static PangoLayout *
cell_new (VaernSoaTable *t,
          const Row     *row,
          guint          column)
{
  PangoLayout *layout = layout_new (t, row->text[column], column_width (t, column) - 2 * CELL_PAD,
                                    FONT_SIZE, column == COL_NUMBER);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, (int) (t->max_cell * PANGO_SCALE));
  return layout;
}

static double
measure_row (VaernSoaTable *t,
             Row           *row)
{
  double h = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = cell_new (t, row, c);
      int lh;

      pango_layout_get_size (layout, NULL, &lh);
      h = MAX (h, (double) lh / PANGO_SCALE);
    }
  return h + 2 * CELL_PAD;
}

guint
vaern_soa_table_paginate (VaernSoaTable *t,
                          cairo_t       *cr,
                          double         width,
                          double         height)
{
  cairo_surface_t *scratch = NULL;
  cairo_t *own = NULL;
  double top, bottom, y;
  Page page = { 0, 0 };
  guint theme = 0;

  g_return_val_if_fail (t != NULL, 0);

  if (cr == NULL)
    {
      scratch = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
      cr = own = cairo_create (scratch);
    }
  prepare_context (t, cr);
  t->width = width;
  t->height = height;
  g_array_set_size (t->pages, 0);

  top = MARGIN + HEADER_HEIGHT + column_header_height (t);
  bottom = height - MARGIN - FOOTER_HEIGHT;
  t->max_cell = MAX (bottom - top - THEME_HEIGHT - 2 * CELL_PAD, FONT_SIZE * 2);
  y = top;
  for (guint i = 0; i < t->rows->len; i++)
    {
      Row *row = &g_array_index (t->rows, Row, i);
      /* A theme's heading stays with its first row. */
      double need;

      row->height = measure_row (t, row);
      need = row->height + (row->theme != theme ? THEME_HEIGHT : 0);
      if (y + need > bottom && page.n_rows > 0)
        {
          g_array_append_val (t->pages, page);
          page.first = i;
          page.n_rows = 0;
          y = top;
        }
      row->page = t->pages->len;
      row->y = y + need - row->height;
      y += need;
      theme = row->theme;
      page.n_rows++;
    }
  g_array_append_val (t->pages, page);

  if (own)
    {
      cairo_destroy (own);
      cairo_surface_destroy (scratch);
    }
  return t->pages->len;
}


static void
draw_column_header (VaernSoaTable *t,
                    cairo_t       *cr,
                    double         y,
                    double         h)
{
  cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
  cairo_rectangle (cr, MARGIN, y, content_width (t), h);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = layout_new (t, column_title (c),
                                                  column_width (t, c) - 2 * CELL_PAD, FONT_SIZE, TRUE);

      vaern_render_text_show (cr, layout, column_x (t, c) + CELL_PAD, y + CELL_PAD);
    }
}

void
vaern_soa_table_draw_page (VaernSoaTable *t,
                           cairo_t       *cr,
                           guint          page_no)
{
  const Page *page;
  guint theme = 0;

  g_return_if_fail (t != NULL);
  if (t->pages->len == 0 || page_no >= t->pages->len)
    return;
  page = &g_array_index (t->pages, Page, page_no);
  prepare_context (t, cr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* The page's heading: who, what, which version, when. */
  {
    g_autoptr(PangoLayout) org = line_new (t, t->organisation, content_width (t) * 0.75, 12, TRUE);
    g_autoptr(PangoLayout) title = line_new (t, t->title, content_width (t) * 0.75, 10, FALSE);
    g_autoptr(PangoLayout) state = line_new (t, t->state, content_width (t) * 0.75, FONT_SIZE, FALSE);
    g_autoptr(PangoLayout) date = layout_new (t, t->date, -1, FONT_SIZE, FALSE);
    int dw;
    double logo_w = vaern_render_logo (cr, t->logo, t->width - MARGIN, MARGIN,
                                       content_width (t) * 0.2, HEADER_HEIGHT - 8);

    vaern_render_text_show (cr, org, MARGIN, MARGIN);
    vaern_render_text_show (cr, title, MARGIN, MARGIN + 16);
    cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
    vaern_render_text_show (cr, state, MARGIN, MARGIN + 30);
    pango_layout_get_size (date, &dw, NULL);
    vaern_render_text_show (cr, date, t->width - MARGIN - logo_w - (double) dw / PANGO_SCALE,
                            MARGIN);
    cairo_set_source_rgb (cr, 0, 0, 0);
  }

  draw_column_header (t, cr, MARGIN + HEADER_HEIGHT, column_header_height (t));

  if (page->first > 0)
    theme = g_array_index (t->rows, Row, page->first - 1).theme;
  for (guint i = page->first; i < page->first + page->n_rows; i++)
    {
      const Row *row = &g_array_index (t->rows, Row, i);
      double y = row->y;

      if (row->theme != theme)
        {
          g_autoptr(PangoLayout) heading = line_new (t, vaern_control_theme_heading (row->theme),
                                                     content_width (t), 9.5, TRUE);

          cairo_set_source_rgb (cr, 0, 0, 0);
          vaern_render_text_show (cr, heading, MARGIN, y - THEME_HEIGHT + 6);
          theme = row->theme;
        }
      /* Left-out controls in grey, missing justifications marked. */
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autoptr(PangoLayout) layout = cell_new (t, row, c);

          if (!row->applicable)
            cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
          else
            cairo_set_source_rgb (cr, 0, 0, 0);
          vaern_render_text_show (cr, layout, column_x (t, c) + CELL_PAD, y + CELL_PAD);
        }
      if (row->missing)
        {
          /* A bar in the justification cell: something to do before approval. */
          cairo_set_source_rgb (cr, 0.75, 0.45, 0.0);
          cairo_rectangle (cr, column_x (t, COL_JUSTIFICATION), y + CELL_PAD, 2,
                           row->height - 2 * CELL_PAD);
          cairo_fill (cr);
        }
      y += row->height;
      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, y);
      cairo_line_to (cr, t->width - MARGIN, y);
      cairo_stroke (cr);
    }

  /* The footer: the page number. */
  {
    /* Translators: the footer of a printed page */
    g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page_no + 1, t->pages->len);
    g_autoptr(PangoLayout) footer = layout_new (t, text, -1, FONT_SIZE, FALSE);
    int fw;

    pango_layout_get_size (footer, &fw, NULL);
    cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
    vaern_render_text_show (cr, footer, (t->width - (double) fw / PANGO_SCALE) / 2,
                            t->height - MARGIN - FONT_SIZE);
  }
  cairo_restore (cr);
}

guint
vaern_soa_table_get_n_rows (VaernSoaTable *t)
{
  g_return_val_if_fail (t != NULL, 0);

  return t->rows->len;
}

guint
vaern_soa_table_get_n_pages (VaernSoaTable *t)
{
  g_return_val_if_fail (t != NULL, 0);

  return t->pages->len;
}

void
vaern_soa_table_page_rows (VaernSoaTable *t,
                           guint          page,
                           guint         *first,
                           guint         *n_rows)
{
  *first = 0;
  *n_rows = 0;
  g_return_if_fail (t != NULL);
  g_return_if_fail (page < t->pages->len);

  *first = g_array_index (t->pages, Page, page).first;
  *n_rows = g_array_index (t->pages, Page, page).n_rows;
}

void
vaern_soa_table_row_area (VaernSoaTable *t,
                          guint          row,
                          guint         *page,
                          double        *y,
                          double        *height)
{
  const Row *r;

  *page = 0;
  *y = *height = 0;
  g_return_if_fail (t != NULL);
  g_return_if_fail (row < t->rows->len);
  g_return_if_fail (t->pages->len > 0);

  r = &g_array_index (t->rows, Row, row);
  *page = r->page;
  *y = r->y;
  *height = r->height;
}

const char *
vaern_soa_table_row_control (VaernSoaTable *t,
                             guint          row)
{
  g_return_val_if_fail (row < t->rows->len, NULL);

  return g_array_index (t->rows, Row, row).text[COL_NUMBER];
}

static guint
paginate_cb (gpointer data,
             cairo_t *cr,
             double   width,
             double   height)
{
  return vaern_soa_table_paginate (data, cr, width, height);
}

static void
draw_page_cb (gpointer data,
              cairo_t *cr,
              guint    page)
{
  vaern_soa_table_draw_page (data, cr, page);
}

static cairo_status_t
render_pdf (cairo_write_func_t write,
            void              *closure,
            gpointer           user_data)
{
  VaernSoaTable *t = user_data;

  return vaern_render_pdf_pages (write, closure, VAERN_SOA_TABLE_A4_WIDTH,
                                 VAERN_SOA_TABLE_A4_HEIGHT, t->title, paginate_cb, draw_page_cb, t);
}

gboolean
vaern_soa_table_export (VaernSoaTable *t,
                        const char    *path,
                        GError       **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (t != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (t->title == NULL)
    {
      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                   _("That version of the Statement of Applicability does not exist."));
      return FALSE;
    }
  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                   /* Translators: %s is a file name */
                   _("Cannot save the Statement of Applicability as “%s”. Choose a name that ends "
                     "in .pdf."), display);
      return FALSE;
    }
  return vaern_render_write_file (path, render_pdf, t,
                                  /* Translators: the first %s is a file name, the second why it
                                   * failed */
                                  _("Could not save the Statement of Applicability as “%s”: %s"),
                                  error);
}
