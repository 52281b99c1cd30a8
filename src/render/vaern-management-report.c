/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "core/vaern-catalogue.h"
#include "core/vaern-core-error.h"
#include "core/vaern-date.h"
#include "store/vaern-figures.h"
#include "vaern-heat-map.h"
#include "vaern-management-report.h"
#include "vaern-render-file.h"
#include "vaern-render-text.h"

#define MARGIN         42.0
#define FONT_SIZE      9.5
#define HEADING_SIZE   13.0
#define PAD            3.0
#define HEADER_HEIGHT  40.0
#define FOOTER_HEIGHT  20.0
#define HEAT_MAP_HEIGHT 290.0

typedef enum
{
  BLOCK_HEADING,   /* a section's title */
  BLOCK_FIGURE,    /* a key figure: what, and the number */
  BLOCK_RISK,      /* a row of the highest risks */
  BLOCK_CHANGE,    /* a row of the changes */
  BLOCK_TEXT,      /* a paragraph */
  BLOCK_HEAT_MAP,  /* both matrices with their legend */
} BlockKind;

typedef struct
{
  BlockKind kind;
  char     *cells[4];
  gboolean  header;   /* a table's column titles */
  gboolean  warn;     /* a finding that needs attention */
  double    height;   /* once laid out */
} Block;

struct _VaernManagementReport
{
  char           *organisation;
  cairo_surface_t *logo;       /* decoded once: a PDF holds it once */
  char           *date;        /* as a person reads it */
  VaernRiskScale *scale;
  guint          *inherent;
  guint          *residual;
  GArray         *blocks;      /* Block */
  GArray         *page_starts; /* guint: the first block of each page */
  double          width, height;
  PangoContext   *context;
};

static void
block_clear (gpointer data)
{
  Block *b = data;

  for (guint i = 0; i < G_N_ELEMENTS (b->cells); i++)
    g_free (b->cells[i]);
}

static Block *
add_block (VaernManagementReport *r,
           BlockKind              kind,
           const char            *a,
           const char            *b,
           const char            *c,
           const char            *d)
{
  Block block = { kind, { g_strdup (a), g_strdup (b), g_strdup (c), g_strdup (d) } };

  g_array_append_val (r->blocks, block);
  return &g_array_index (r->blocks, Block, r->blocks->len - 1);
}

static void
add_figure (VaernManagementReport *r,
            const char            *label,
            guint                  value,
            gboolean               warn)
{
  g_autofree char *number = g_strdup_printf ("%u", value);

  add_block (r, BLOCK_FIGURE, label, number, NULL, NULL)->warn = warn && value > 0;
}

static void
add_figure_text (VaernManagementReport *r,
                 const char            *label,
                 const char            *value)
{
  add_block (r, BLOCK_FIGURE, label, value, NULL, NULL);
}

static char *
share_text (guint part,
            guint whole)
{
  /* Translators: a share: "12 of 40 (30 %)" */
  return g_strdup_printf (_("%u of %u (%u %%)"), part, whole, vaern_key_figures_percent (part, whole));
}

static const char *
band_label (const VaernRiskScale *scale,
            guint                 band)
{
  return band >= 1 && band <= scale->n_bands ? scale->bands[band - 1].label : "";
}

static void
add_figures (VaernManagementReport *r,
             VaernKeyFigures       *f)
{
  guint applicable = 0, implemented = 0;
  g_autofree char *assessed = share_text (f->n_systems_assessed, f->n_systems);
  g_autofree char *soa = NULL;

  /* Translators: a heading of the management report */
  add_block (r, BLOCK_HEADING, _("Systems and Assets"), NULL, NULL, NULL);
  add_figure (r, _("Assets in use"), f->n_assets, FALSE);
  add_figure (r, _("IT systems"), f->n_systems, FALSE);
  add_figure (r, _("IT systems without a systemejer"), f->n_systems_no_owner, TRUE);
  add_figure_text (r, _("IT systems with a risk assessment"), assessed);
  add_figure (r, _("Personal data without a data processor agreement"), f->n_dpa_missing, TRUE);
  add_figure (r, _("Assets past their review date"), f->n_asset_review_overdue, TRUE);

  /* Translators: a heading of the management report */
  add_block (r, BLOCK_HEADING, _("Risks"), NULL, NULL, NULL);
  add_figure (r, _("Risks"), f->n_risks, FALSE);
  add_figure (r, _("Risks assessed"), f->n_risks_assessed, FALSE);
  add_figure (r, _("Assessed risks without a decided treatment"), f->n_risks_undecided, TRUE);
  add_figure (r, _("Risks past their review date"), f->n_risk_review_overdue, TRUE);
  for (guint b = 0; b < f->n_bands && b < r->scale->n_bands; b++)
    {
      /* Translators: %s is a risk band ("Høj"); the numbers are risks before → after treatment */
      g_autofree char *label = g_strdup_printf (_("Band “%s”, before → after treatment"),
                                                r->scale->bands[b].label);
      g_autofree char *value = g_strdup_printf ("%u → %u", f->inherent_by_band[b],
                                                f->residual_by_band[b]);

      add_figure_text (r, label, value);
    }

  /* Translators: a heading of the management report */
  add_block (r, BLOCK_HEADING, _("Statement of Applicability"), NULL, NULL, NULL);
  if (f->soa_version == 0)
    soa = g_strdup (_("None"));
  else if (f->soa_approved)
    /* Translators: %u is a version number */
    soa = g_strdup_printf (_("Version %u, approved"), f->soa_version);
  else
    /* Translators: %u is a version number */
    soa = g_strdup_printf (_("Version %u, draft"), f->soa_version);
  add_figure_text (r, _("Newest version"), soa);
  for (guint t = 0; t < VAERN_FIGURES_N_THEMES; t++)
    {
      g_autofree char *value = share_text (f->soa_implemented[t], f->soa_applicable[t]);
      /* Translators: %s is an Annex A theme */
      g_autofree char *label = g_strdup_printf (_("%s implemented"),
                                                vaern_control_theme_heading (t + 5));

      add_figure_text (r, label, value);
      applicable += f->soa_applicable[t];
      implemented += f->soa_implemented[t];
    }
  {
    g_autofree char *value = share_text (implemented, applicable);

    add_figure_text (r, _("All applicable controls implemented"), value);
  }
  add_figure (r, _("Excluded controls without a justification"), f->soa_missing_justification,
              TRUE);

  /* Translators: a heading of the management report */
  add_block (r, BLOCK_HEADING, _("Annual Wheel, Documents and Approvals"), NULL, NULL, NULL);
  add_figure (r, _("Activities overdue"), f->n_activities_overdue, TRUE);
  {
    g_autofree char *upcoming =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Activities due in the next %u day",
                                    "Activities due in the next %u days", VAERN_FIGURES_SOON_DAYS),
                       VAERN_FIGURES_SOON_DAYS);
    g_autofree char *review =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Documents due for review within %u day",
                                    "Documents due for review within %u days",
                                    VAERN_FIGURES_SOON_DAYS),
                       VAERN_FIGURES_SOON_DAYS);

    add_figure (r, upcoming, f->n_activities_upcoming, FALSE);
    add_figure (r, review, f->n_documents_review_due, TRUE);
  }
  add_figure (r, _("Documents waiting for approval"), f->n_documents_in_review, TRUE);
  add_figure (r, _("Approvals pending"), f->n_pending_approvals, TRUE);
}

static void
add_top_risks (VaernManagementReport *r,
               VaernDocument         *doc)
{
  g_autoptr(GPtrArray) top = vaern_key_figures_top_risks (doc, 1, VAERN_FIGURES_TOP_RISKS);
  Block *header;

  /* Translators: a heading of the management report */
  add_block (r, BLOCK_HEADING, _("The Highest Risks and Their Treatment"), NULL, NULL, NULL);
  if (top->len == 0)
    {
      add_block (r, BLOCK_TEXT, _("No risk has been assessed yet."), NULL, NULL, NULL);
      return;
    }
  header = add_block (r, BLOCK_RISK,
                      /* Translators: a column of the management report's risk table */
                      _("System and risk"), _("Before"), _("After"),
                      /* Translators: a column of the management report's risk table */
                      _("Treatment and measures"));
  header->header = TRUE;
  for (guint i = 0; i < top->len; i++)
    {
      VaernRisk *risk = g_ptr_array_index (top, i);
      g_autofree char *what = g_strdup_printf ("%s: %s", risk->asset_name ? risk->asset_name : "",
                                               risk->title);
      g_autofree char *before = g_strdup_printf ("%u %s", risk->score,
                                                 band_label (r->scale, risk->band));
      g_autofree char *after = g_strdup_printf ("%u %s", risk->residual_score,
                                                band_label (r->scale, risk->residual_band));
      const char *treatment = vaern_enum_label (&vaern_enum_treatment, risk->treatment);
      g_autofree char *how = risk->measures && *risk->measures
                             ? g_strdup_printf ("%s: %s", _(treatment), risk->measures)
                             : g_strdup (_(treatment));

      add_block (r, BLOCK_RISK, what, before, after, how);
    }
}

static void
add_changes (VaernManagementReport *r,
             VaernDocument         *doc,
             const char            *since)
{
  g_autoptr(GListModel) sets = vaern_document_list_change_sets (doc, since,
                                                                    VAERN_FIGURES_MAX_CHANGES + 1);
  guint n = g_list_model_get_n_items (sets);
  g_autofree char *heading = NULL;
  Block *header;

  if (since != NULL)
    {
      g_autofree char *day = vaern_date_format (since);

      /* Translators: a heading of the management report; %s is a date */
      heading = g_strdup_printf (_("Changes Since the Report Approved %s"), day);
    }
  else
    /* Translators: a heading of the management report, when none has been approved */
    heading = g_strdup (_("Changes (No Report Approved Yet)"));
  add_block (r, BLOCK_HEADING, heading, NULL, NULL, NULL);
  if (n == 0)
    {
      add_block (r, BLOCK_TEXT, _("Nothing has changed."), NULL, NULL, NULL);
      return;
    }
  /* Translators: columns of the management report's list of changes */
  header = add_block (r, BLOCK_CHANGE, _("Date"), _("By"), _("What"), NULL);
  header->header = TRUE;
  for (guint i = 0; i < n && i < VAERN_FIGURES_MAX_CHANGES; i++)
    {
      g_autoptr(VaernChange) c = g_list_model_get_item (sets, i);
      g_autofree char *day = g_strndup (c->at ? c->at : "", 10);
      g_autofree char *date = vaern_date_format (day);

      add_block (r, BLOCK_CHANGE, date, c->actor, c->label, NULL);
    }
  if (n > VAERN_FIGURES_MAX_CHANGES)
    add_block (r, BLOCK_TEXT, _("Only the newest changes are listed; the change log has them all."),
               NULL, NULL, NULL);
}

VaernManagementReport *
vaern_management_report_new (VaernDocument *doc,
                             const char    *today)
{
  VaernManagementReport *r = g_new0 (VaernManagementReport, 1);
  g_autoptr(VaernKeyFigures) f = vaern_key_figures_compute (doc, today);
  guint n_cells;

  r->organisation = g_strdup (vaern_document_get_organisation (doc));
  {
    g_autoptr(GBytes) png = vaern_document_get_logo (doc);

    r->logo = vaern_render_logo_surface (png);
  }
  r->date = vaern_date_format (f->today);
  r->scale = vaern_risk_scale_copy (vaern_document_get_scale (doc));
  n_cells = r->scale->n_likelihood * r->scale->n_consequence;
  r->inherent = g_new0 (guint, n_cells);
  r->residual = g_new0 (guint, n_cells);
  vaern_risk_list_count_cells (vaern_document_get_risks (doc), r->scale->n_likelihood,
                               r->scale->n_consequence, NULL, NULL, r->inherent, r->residual);
  r->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (r->blocks, block_clear);
  r->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  add_figures (r, f);
  /* Translators: a heading of the management report */
  add_block (r, BLOCK_HEADING, _("Heat Map"), NULL, NULL, NULL);
  add_block (r, BLOCK_HEAT_MAP, NULL, NULL, NULL, NULL);
  add_top_risks (r, doc);
  add_changes (r, doc, f->last_report_approved_on);
  return r;
}

void
vaern_management_report_free (VaernManagementReport *r)
{
  if (r == NULL)
    return;
  g_free (r->organisation);
  g_clear_pointer (&r->logo, cairo_surface_destroy);
  g_free (r->date);
  vaern_risk_scale_free (r->scale);
  g_free (r->inherent);
  g_free (r->residual);
  g_array_unref (r->blocks);
  g_array_unref (r->page_starts);
  g_clear_object (&r->context);
  g_free (r);
}

/* Laying out ============================================================= */

static void
prepare_context (VaernManagementReport *r,
                 cairo_t               *cr)
{
  vaern_render_text_context (&r->context, cr);
}

static PangoLayout *
layout_new (VaernManagementReport *r,
            const char            *text,
            double                 width,
            double                 size,
            gboolean               bold)
{
  return vaern_render_text_layout (r->context, text, width, size, bold);
}

static double
content_width (VaernManagementReport *r)
{
  return r->width - 2 * MARGIN;
}

/* The columns of a block's kind, as shares of the content width. */
static guint
block_columns (BlockKind     kind,
               const double **shares)
{
  static const double figure[] = { 0.72, 0.28 };
  static const double risk[] = { 0.32, 0.12, 0.12, 0.44 };
  static const double change[] = { 0.16, 0.18, 0.66 };
  static const double whole[] = { 1.0 };

  switch (kind)
    {
    case BLOCK_FIGURE:
      *shares = figure;
      return G_N_ELEMENTS (figure);
    case BLOCK_RISK:
      *shares = risk;
      return G_N_ELEMENTS (risk);
    case BLOCK_CHANGE:
      *shares = change;
      return G_N_ELEMENTS (change);
    default:
      *shares = whole;
      return 1;
    }
}

static double
measure_block (VaernManagementReport *r,
               Block                 *b)
{
  const double *shares;
  guint n = block_columns (b->kind, &shares);
  double height = 0;

  if (b->kind == BLOCK_HEAT_MAP)
    return HEAT_MAP_HEIGHT;
  for (guint c = 0; c < n; c++)
    {
      g_autoptr(PangoLayout) layout =
        layout_new (r, b->cells[c], content_width (r) * shares[c] - 2 * PAD,
                    b->kind == BLOCK_HEADING ? HEADING_SIZE : FONT_SIZE,
                    b->kind == BLOCK_HEADING || b->header);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      height = MAX (height, (double) h / PANGO_SCALE);
    }
  if (b->kind == BLOCK_HEADING)
    return height + 14;
  return height + 2 * PAD;
}

guint
vaern_management_report_paginate (VaernManagementReport *r,
                                  cairo_t               *cr,
                                  double                 width,
                                  double                 height)
{
  double top = MARGIN + HEADER_HEIGHT;
  double bottom = height - MARGIN - FOOTER_HEIGHT;
  double y = top;
  guint first = 0;

  g_return_val_if_fail (r != NULL, 0);

  r->width = width;
  r->height = height;
  prepare_context (r, cr);
  g_array_set_size (r->page_starts, 0);
  g_array_append_val (r->page_starts, first);

  for (guint i = 0; i < r->blocks->len; i++)
    {
      Block *b = &g_array_index (r->blocks, Block, i);
      double need;

      b->height = measure_block (r, b);
      need = b->height;
      /* A heading stays with what follows it. */
      if (b->kind == BLOCK_HEADING && i + 1 < r->blocks->len)
        need += measure_block (r, &g_array_index (r->blocks, Block, i + 1));
      if (y + need > bottom && y > top)
        {
          g_array_append_val (r->page_starts, i);
          y = top;
        }
      y += b->height;
    }
  return r->page_starts->len;
}

/* Drawing ================================================================ */


static void
draw_heat_map (VaernManagementReport *r,
               cairo_t               *cr,
               double                 y,
               double                 height)
{
  VaernHeatMap map = { 0 };

  map.scale = r->scale;
  map.inherent = r->inherent;
  map.residual = r->residual;
  map.show = VAERN_HEAT_MAP_BOTH;
  map.legend = TRUE;
  map.font_size = 8;
  map.fg[3] = 1;
  map.bg[0] = map.bg[1] = map.bg[2] = map.bg[3] = 1;
  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  vaern_heat_map_draw (cr, content_width (r), height - 8, &map, NULL);
  cairo_restore (cr);
}

static void
draw_block (VaernManagementReport *r,
            cairo_t               *cr,
            Block                 *b,
            double                 y)
{
  const double *shares;
  guint n = block_columns (b->kind, &shares);
  double x = MARGIN;

  if (b->kind == BLOCK_HEAT_MAP)
    {
      draw_heat_map (r, cr, y, b->height);
      return;
    }
  if (b->header)
    {
      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_rectangle (cr, MARGIN, y, content_width (r), b->height);
      cairo_fill (cr);
    }
  for (guint c = 0; c < n; c++)
    {
      double w = content_width (r) * shares[c];
      g_autoptr(PangoLayout) layout =
        layout_new (r, b->cells[c], w - 2 * PAD,
                    b->kind == BLOCK_HEADING ? HEADING_SIZE : FONT_SIZE,
                    b->kind == BLOCK_HEADING || b->header || (b->warn && c == 1));

      if (b->kind == BLOCK_FIGURE && c == 1)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      if (b->warn && c == 1)
        cairo_set_source_rgb (cr, 0.65, 0.11, 0.0);
      else
        cairo_set_source_rgb (cr, 0, 0, 0);
      vaern_render_text_show (cr, layout, x + PAD, y + (b->kind == BLOCK_HEADING ? 8 : PAD));
      x += w;
    }
  /* A hairline under every row of a table or figure list. */
  if (b->kind != BLOCK_HEADING && b->kind != BLOCK_TEXT)
    {
      cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, y + b->height);
      cairo_line_to (cr, MARGIN + content_width (r), y + b->height);
      cairo_stroke (cr);
    }
}

void
vaern_management_report_draw_page (VaernManagementReport *r,
                                   cairo_t               *cr,
                                   guint                  page)
{
  guint first, last;
  double y = MARGIN + HEADER_HEIGHT;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;

  g_return_if_fail (r != NULL);
  g_return_if_fail (page < r->page_starts->len);

  prepare_context (r, cr);
  first = g_array_index (r->page_starts, guint, page);
  last = page + 1 < r->page_starts->len ? g_array_index (r->page_starts, guint, page + 1)
                                        : r->blocks->len;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* Translators: the management report's title on every page; %s is the organisation */
  title = g_strdup_printf (_("Management Report — %s"), r->organisation);
  {
    double logo_w = vaern_render_logo (cr, r->logo, MARGIN + content_width (r), MARGIN,
                                       content_width (r) * 0.2, HEADER_HEIGHT - 8);
    g_autoptr(PangoLayout) heading = layout_new (r, title, content_width (r) * 0.75 - logo_w, 15,
                                                 TRUE);
    g_autoptr(PangoLayout) date = layout_new (r, r->date, content_width (r) * 0.25, FONT_SIZE, FALSE);

    pango_layout_set_ellipsize (heading, PANGO_ELLIPSIZE_END);
    pango_layout_set_height (heading, -1);
    pango_layout_set_alignment (date, PANGO_ALIGN_RIGHT);
    vaern_render_text_show (cr, heading, MARGIN, MARGIN);
    vaern_render_text_show (cr, date, MARGIN + content_width (r) * 0.75 - logo_w, MARGIN + 4);
  }

  for (guint i = first; i < last; i++)
    {
      Block *b = &g_array_index (r->blocks, Block, i);

      draw_block (r, cr, b, y);
      y += b->height;
    }

  /* Translators: the page number at the foot of a printed page */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, r->page_starts->len);
  {
    g_autoptr(PangoLayout) layout = layout_new (r, footer, content_width (r), 8, FALSE);

    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
    vaern_render_text_show (cr, layout, MARGIN, r->height - MARGIN - 10);
  }
  cairo_restore (cr);
}

/* Export ================================================================= */

static guint
paginate_cb (gpointer data,
             cairo_t *cr,
             double   width,
             double   height)
{
  return vaern_management_report_paginate (data, cr, width, height);
}

static void
draw_page_cb (gpointer data,
              cairo_t *cr,
              guint    page)
{
  vaern_management_report_draw_page (data, cr, page);
}

static cairo_status_t
render_pdf (cairo_write_func_t write,
            void              *closure,
            gpointer           user_data)
{
  VaernManagementReport *r = user_data;
  g_autofree char *title = g_strdup_printf (_("Management Report — %s"), r->organisation);

  return vaern_render_pdf_pages (write, closure, VAERN_MANAGEMENT_REPORT_A4_WIDTH,
                                 VAERN_MANAGEMENT_REPORT_A4_HEIGHT, title, paginate_cb,
                                 draw_page_cb, r);
}

gboolean
vaern_management_report_export (VaernDocument *doc,
                                const char    *path,
                                GError       **error)
{
  g_autoptr(VaernManagementReport) r = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                   /* Translators: %s is a file name */
                   _("Cannot save the management report as “%s”. Choose a name that ends in .pdf."),
                   display);
      return FALSE;
    }
  r = vaern_management_report_new (doc, NULL);
  return vaern_render_write_file (path, render_pdf, r,
                                  /* Translators: the first %s is a file name, the second why it
                                   * failed */
                                  _("Could not save the management report as “%s”: %s"),
                                  error);
}
