/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "core/vaern-core-error.h"
#include "vaern-render-file.h"
#include "vaern-render-text.h"
#include "store/vaern-records.h"
#include "vaern-wheel.h"

#define N_RINGS 4

/* The states' colours: done green, upcoming blue, under way amber,
 * overdue red (the GNOME palette). */
static const double state_colors[][3] = {
  { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0 },
  { 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0 },
  { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0 },
  { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 },
};

const char *
vaern_wheel_state_label (VaernWheelMarkState state)
{
  static const char *const labels[] = {
    /* Translators: the state of an occurrence of the annual wheel */
    N_("Upcoming"),
    /* Translators: the state of an occurrence of the annual wheel */
    N_("In progress"),
    /* Translators: the state of an occurrence of the annual wheel */
    N_("Done"),
    /* Translators: the state of an occurrence of the annual wheel */
    N_("Overdue"),
  };

  return _(labels[MIN (state, G_N_ELEMENTS (labels) - 1)]);
}

static void
mark_clear (gpointer data)
{
  VaernWheelMark *m = data;

  g_free (m->date);
  g_free (m->title);
}

GArray *
vaern_wheel_marks_new (void)
{
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (VaernWheelMark));

  g_array_set_clear_func (marks, mark_clear);
  return marks;
}

void
vaern_wheel_marks_add (GArray              *marks,
                       const char          *date,
                       guint                ring,
                       VaernWheelMarkState  state,
                       const char          *title,
                       gint64               activity_id)
{
  VaernWheelMark m = { g_strdup (date), MIN (ring, N_RINGS - 1), state, g_strdup (title),
                       activity_id };

  g_array_append_val (marks, m);
}

GArray *
vaern_wheel_marks_from_activities (GListModel *activities,
                                   guint       year,
                                   const char *today)
{
  GArray *marks = vaern_wheel_marks_new ();
  g_autofree char *from = g_strdup_printf ("%04u-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04u-12-31", year);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);
      g_autoptr(GArray) occurrences = vaern_activity_occurrences (a, from, to, today);

      for (guint k = 0; k < occurrences->len; k++)
        {
          const VaernOccurrence *o = &g_array_index (occurrences, VaernOccurrence, k);
          static const VaernWheelMarkState states[] = {
            [VAERN_OCCURRENCE_PLANNED] = VAERN_WHEEL_MARK_UPCOMING,
            [VAERN_OCCURRENCE_IN_PROGRESS] = VAERN_WHEEL_MARK_IN_PROGRESS,
            [VAERN_OCCURRENCE_DONE] = VAERN_WHEEL_MARK_DONE,
            [VAERN_OCCURRENCE_OVERDUE] = VAERN_WHEEL_MARK_OVERDUE,
          };

          vaern_wheel_marks_add (marks, o->date, a->phase, states[o->state], a->title,
                                 vaern_record_get_id (VAERN_RECORD (a)));
        }
    }
  return marks;
}

static gboolean
parse_date (const char *iso,
            guint      *year,
            guint      *month,
            guint      *day)
{
  return iso != NULL && sscanf (iso, "%u-%u-%u", year, month, day) == 3
         && g_date_valid_dmy (*day, *month, *year);
}

double
vaern_wheel_date_angle (guint       year,
                        const char *date)
{
  guint y, m, d;
  GDate g;
  double days;

  if (!parse_date (date, &y, &m, &d) || y != year)
    return -1;
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, d, m, y);
  days = g_date_is_leap_year (year) ? 366 : 365;
  return (g_date_get_day_of_year (&g) - 0.5) / days * 2 * G_PI;
}

static void
polar (const VaernWheelGeometry *g,
       double                    angle,
       double                    radius,
       double                   *x,
       double                   *y)
{
  *x = g->cx + radius * sin (angle);
  *y = g->cy - radius * cos (angle);
}

static double
ring_center (const VaernWheelGeometry *g,
             guint                     ring)
{
  return g->outer - (ring + 0.5) * g->ring_width;
}

void
vaern_wheel_mark_position (const VaernWheelGeometry *geometry,
                           const char               *date,
                           guint                     ring,
                           double                   *x,
                           double                   *y)
{
  double angle = vaern_wheel_date_angle (geometry->year, date);

  polar (geometry, MAX (angle, 0), ring_center (geometry, MIN (ring, N_RINGS - 1)), x, y);
}

static double
mark_radius (const VaernWheelGeometry *g)
{
  return MAX (2.0, MIN (g->ring_width * 0.22, g->outer / 40));
}

gboolean
vaern_wheel_hit (const VaernWheelGeometry *g,
                 double                    x,
                 double                    y,
                 guint                    *month,
                 guint                    *day,
                 guint                    *ring)
{
  double dx = x - g->cx, dy = y - g->cy;
  double r = sqrt (dx * dx + dy * dy);
  double angle = atan2 (dx, -dy);
  guint days = g_date_is_leap_year (g->year) ? 366 : 365;
  guint yday;
  GDate date;

  if (g->ring_width <= 0 || r > g->outer || r < g->inner)
    return FALSE;
  if (angle < 0)
    angle += 2 * G_PI;
  yday = MIN ((guint) (angle / (2 * G_PI) * days) + 1, days);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, g->year);
  g_date_add_days (&date, yday - 1);
  *month = g_date_get_month (&date);
  *day = g_date_get_day (&date);
  *ring = MIN ((guint) ((g->outer - r) / g->ring_width), N_RINGS - 1);
  return TRUE;
}

int
vaern_wheel_mark_at (const VaernWheel         *wheel,
                     const VaernWheelGeometry *geometry,
                     double                    x,
                     double                    y)
{
  double best = mark_radius (geometry) + 2;
  int found = -1;

  for (guint i = 0; wheel->marks && i < wheel->marks->len; i++)
    {
      const VaernWheelMark *m = &g_array_index (wheel->marks, VaernWheelMark, i);
      double mx, my, d;

      if (vaern_wheel_date_angle (geometry->year, m->date) < 0)
        continue;
      vaern_wheel_mark_position (geometry, m->date, m->ring, &mx, &my);
      d = hypot (mx - x, my - y);
      if (d <= best)
        {
          best = d;
          found = (int) i;
        }
    }
  return found;
}

static const char *
month_name (const VaernWheel *wheel,
            guint             month)
{
  static const char *const names[] = {
    /* Translators: a month on the annual wheel */
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    /* Translators: a month on the annual wheel */
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };

  if (wheel->month_names[month] != NULL)
    return wheel->month_names[month];
  return _(names[month]);
}

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
show_centered (cairo_t     *cr,
               PangoLayout *layout,
               double       x,
               double       y)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x - (double) w / PANGO_SCALE / 2, y - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

void
vaern_wheel_draw (cairo_t            *cr,
                  double              width,
                  double              height,
                  const VaernWheel   *wheel,
                  VaernWheelGeometry *geometry)
{
  VaernWheelGeometry g = { 0 };
  double font = wheel->font_size > 0 ? wheel->font_size : 10;
  double label_band = font * 2.4;
  guint days = g_date_is_leap_year (wheel->year) ? 366 : 365;
  double mr;
  GDate date;

  g.cx = width / 2;
  g.cy = height / 2;
  /* Room for the month names at the sides (the longest, "September", is
   * about five font sizes wide) and above and below. */
  g.outer = MAX (10, MIN (width / 2 - font * 5.5, height / 2 - label_band - 2));
  g.inner = g.outer * 0.34;
  g.ring_width = (g.outer - g.inner) / N_RINGS;
  g.year = wheel->year;
  mr = mark_radius (&g);

  cairo_save (cr);
  /* The rings, alternately tinted. */
  for (guint ring = 0; ring < N_RINGS; ring++)
    {
      double r = g.outer - ring * g.ring_width;

      cairo_new_path (cr);
      cairo_arc (cr, g.cx, g.cy, r, 0, 2 * G_PI);
      cairo_arc_negative (cr, g.cx, g.cy, r - g.ring_width, 2 * G_PI, 0);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, wheel->fg[0], wheel->fg[1], wheel->fg[2], ring % 2 ? 0.05 : 0.10);
      cairo_fill (cr);
    }
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, wheel->fg[0], wheel->fg[1], wheel->fg[2], 0.35);
  for (guint ring = 0; ring <= N_RINGS; ring++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, g.cx, g.cy, g.outer - ring * g.ring_width, 0, 2 * G_PI);
    }
  cairo_stroke (cr);

  /* Week marks at the outer edge, on each Monday; the months' borders
   * across the rings, and their names outside. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, wheel->year);
  cairo_set_line_width (cr, 0.75);
  for (guint d = 0; d < days; d++, g_date_add_days (&date, 1))
    {
      double angle = (double) d / days * 2 * G_PI;
      double x0, y0, x1, y1;

      if (g_date_get_day (&date) == 1)
        {
          polar (&g, angle, g.inner, &x0, &y0);
          polar (&g, angle, g.outer + label_band * 0.25, &x1, &y1);
          cairo_set_source_rgba (cr, wheel->fg[0], wheel->fg[1], wheel->fg[2], 0.55);
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
          cairo_stroke (cr);
        }
      else if (g_date_get_weekday (&date) == G_DATE_MONDAY)
        {
          polar (&g, angle, g.outer, &x0, &y0);
          polar (&g, angle, g.outer + label_band * 0.18, &x1, &y1);
          cairo_set_source_rgba (cr, wheel->fg[0], wheel->fg[1], wheel->fg[2], 0.35);
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
          cairo_stroke (cr);
        }
    }
  cairo_set_source_rgba (cr, wheel->fg[0], wheel->fg[1], wheel->fg[2], wheel->fg[3]);
  for (guint month = 0; month < 12; month++)
    {
      g_autofree char *mid = g_strdup_printf ("%04u-%02u-15", wheel->year, month + 1);
      g_autoptr(PangoLayout) layout = text_layout (cr, month_name (wheel, month), font, FALSE);
      double x, y;

      polar (&g, vaern_wheel_date_angle (wheel->year, mid), g.outer + label_band * 0.62, &x, &y);
      show_centered (cr, layout, x, y);
    }

  /* The year in the middle. */
  {
    g_autofree char *year = g_strdup_printf ("%u", wheel->year);
    g_autoptr(PangoLayout) layout = text_layout (cr, year, MIN (font * 2.2, g.inner * 0.5), TRUE);

    show_centered (cr, layout, g.cx, g.cy);
  }

  /* Today: a line across the rings. */
  if (wheel->today && vaern_wheel_date_angle (wheel->year, wheel->today) >= 0)
    {
      double angle = vaern_wheel_date_angle (wheel->year, wheel->today);
      double x0, y0, x1, y1;

      polar (&g, angle, g.inner * 0.85, &x0, &y0);
      /* Up to the month names, not across them. */
      polar (&g, angle, g.outer, &x1, &y1);
      cairo_set_source_rgb (cr, state_colors[VAERN_WHEEL_MARK_OVERDUE][0],
                            state_colors[VAERN_WHEEL_MARK_OVERDUE][1],
                            state_colors[VAERN_WHEEL_MARK_OVERDUE][2]);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_stroke (cr);
    }

  /* The occurrences. Marks on the same day, ring and state look alike:
   * each is drawn once, so thousands of activities draw quickly. */
  {
    g_autoptr(GHashTable) drawn = g_hash_table_new (NULL, NULL);

    /* What needs attention is drawn last, on top: upcoming, done, in
     * progress, overdue. */
    static const VaernWheelMarkState order[] = {
      VAERN_WHEEL_MARK_UPCOMING, VAERN_WHEEL_MARK_DONE, VAERN_WHEEL_MARK_IN_PROGRESS,
      VAERN_WHEEL_MARK_OVERDUE,
    };

    cairo_set_line_width (cr, 1);
    for (guint pass = 0; pass < G_N_ELEMENTS (order); pass++)
    for (guint i = 0; wheel->marks && i < wheel->marks->len; i++)
      {
        const VaernWheelMark *m = &g_array_index (wheel->marks, VaernWheelMark, i);
        guint state = MIN (m->state, G_N_ELEMENTS (state_colors) - 1);
        const double *c = state_colors[state];
        double angle;
        guint key;
        double x, y;

        if (state != order[pass])
          continue;
        angle = vaern_wheel_date_angle (wheel->year, m->date);
        if (angle < 0)
          continue;
        key = 1 + (guint) (angle * 1000) * 64 + m->ring * 8 + state;
        if (!g_hash_table_add (drawn, GUINT_TO_POINTER (key)))
          continue;
        polar (&g, angle, ring_center (&g, m->ring), &x, &y);
        cairo_new_path (cr);
        cairo_arc (cr, x, y, mr, 0, 2 * G_PI);
        cairo_set_source_rgb (cr, c[0], c[1], c[2]);
        cairo_fill_preserve (cr);
        cairo_set_source_rgba (cr, wheel->bg[0], wheel->bg[1], wheel->bg[2], 0.9);
        cairo_stroke (cr);
      }
  }
  if (wheel->marks && wheel->focus >= 0 && (guint) wheel->focus < wheel->marks->len)
    {
      const VaernWheelMark *m = &g_array_index (wheel->marks, VaernWheelMark, wheel->focus);
      double x, y;

      if (vaern_wheel_date_angle (wheel->year, m->date) >= 0)
        {
          vaern_wheel_mark_position (&g, m->date, m->ring, &x, &y);
          cairo_new_path (cr);
          cairo_arc (cr, x, y, mr + 3, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, wheel->fg[0], wheel->fg[1], wheel->fg[2], wheel->fg[3]);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
  if (geometry)
    *geometry = g;
}

/* The page */

static void
legend (cairo_t          *cr,
        const VaernWheel *wheel,
        double            x,
        double            y,
        double            font)
{
  double step = font * 1.6;

  for (guint s = 0; s < G_N_ELEMENTS (state_colors); s++)
    {
      g_autoptr(PangoLayout) layout = text_layout (cr, vaern_wheel_state_label (s), font, FALSE);

      cairo_new_path (cr);
      cairo_arc (cr, x + font * 0.5, y + s * step + font * 0.6, font * 0.45, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, state_colors[s][0], state_colors[s][1], state_colors[s][2]);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, x + font * 1.5, y + s * step);
      pango_cairo_show_layout (cr, layout);
    }
  /* The rings, from the outside in. */
  y += G_N_ELEMENTS (state_colors) * step + font;
  for (guint r = 0; r < N_RINGS; r++)
    {
      /* Translators: the legend of the annual wheel: a ring and its phase; %u counts
       * from 1 at the outermost ring */
      g_autofree char *text = g_strdup_printf (_("Ring %u: %s"), r + 1,
                                               wheel->ring_labels[r] ? wheel->ring_labels[r] : "");
      g_autoptr(PangoLayout) layout = text_layout (cr, text, font, FALSE);

      cairo_move_to (cr, x, y + r * step);
      pango_cairo_show_layout (cr, layout);
    }
}

void
vaern_wheel_draw_page (cairo_t              *cr,
                       double                width,
                       double                height,
                       const VaernWheel     *wheel,
                       const VaernWheelPage *page)
{
  VaernWheel print = *wheel;
  double margin = MIN (width, height) * 0.05;
  double font = MAX (8, MIN (width, height) / 60);
  double head = font * 3.2;
  gboolean landscape = width > height;
  double legend_w = landscape ? font * 14 : 0;
  double legend_h = landscape ? 0 : font * 13;

  /* Black on white. */
  print.fg[0] = print.fg[1] = print.fg[2] = 0;
  print.fg[3] = 1;
  print.bg[0] = print.bg[1] = print.bg[2] = print.bg[3] = 1;
  print.font_size = font;
  print.focus = -1;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  {
    /* Translators: the heading of the printed annual wheel; %u is the year */
    g_autofree char *title = g_strdup_printf (_("Annual wheel %u"), wheel->year);
    g_autoptr(PangoLayout) org = text_layout (cr, page && page->organisation ? page->organisation : "",
                                              font * 1.4, TRUE);
    g_autoptr(PangoLayout) heading = text_layout (cr, title, font * 1.1, FALSE);
    g_autoptr(PangoLayout) date = text_layout (cr, page && page->date ? page->date : "", font, FALSE);
    int dw;
    cairo_surface_t *logo = vaern_render_logo_surface (page ? page->logo : NULL);
    double logo_w = vaern_render_logo (cr, logo, width - margin, margin,
                                       (width - 2 * margin) * 0.25, font * 3);

    cairo_move_to (cr, margin, margin);
    pango_cairo_show_layout (cr, org);
    cairo_move_to (cr, margin, margin + font * 1.8);
    pango_cairo_show_layout (cr, heading);
    pango_layout_get_size (date, &dw, NULL);
    cairo_move_to (cr, width - margin - logo_w - (double) dw / PANGO_SCALE, margin);
    if (logo)
      cairo_surface_destroy (logo);
    pango_cairo_show_layout (cr, date);
  }
  cairo_save (cr);
  cairo_translate (cr, margin, margin + head);
  vaern_wheel_draw (cr, width - 2 * margin - legend_w, height - 2 * margin - head - legend_h,
                    &print, NULL);
  cairo_restore (cr);
  if (landscape)
    legend (cr, &print, width - margin - legend_w, margin + head + font * 2, font);
  else
    legend (cr, &print, margin, height - margin - legend_h + font, font);
  cairo_restore (cr);
}

/* Export */

typedef enum { FORMAT_PNG, FORMAT_PDF, FORMAT_SVG } Format;

typedef struct
{
  Format                format;
  double                width, height;   /* points */
  const VaernWheel     *wheel;
  const VaernWheelPage *page;
} Export;

static cairo_status_t
render_to (cairo_write_func_t write,
           void              *closure,
           gpointer           user_data)
{
  const Export *e = user_data;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (e->format == FORMAT_PNG)
    {
      /* 150 dpi */
      double scale = 150.0 / 72.0;

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (e->width * scale),
                                            (int) ceil (e->height * scale));
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      vaern_wheel_draw_page (cr, e->width, e->height, e->wheel, e->page);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, write, closure);
      cairo_surface_destroy (surface);
      return status;
    }
  if (e->format == FORMAT_PDF)
    {
      surface = cairo_pdf_surface_create_for_stream (write, closure, e->width, e->height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Værn");
    }
  else
    surface = cairo_svg_surface_create_for_stream (write, closure, e->width, e->height);
  cr = cairo_create (surface);
  vaern_wheel_draw_page (cr, e->width, e->height, e->wheel, e->page);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
vaern_wheel_export (const char           *path,
                    VaernWheelPaper       paper,
                    gboolean              landscape,
                    const VaernWheel     *wheel,
                    const VaernWheelPage *page,
                    GError              **error)
{
  g_autofree char *lower = NULL;
  Export e = { FORMAT_PDF, 0, 0, wheel, page };
  double a = paper == VAERN_WHEEL_PAPER_A3 ? 841.89 : 595.28;
  double b = paper == VAERN_WHEEL_PAPER_A3 ? 1190.55 : 841.89;

  g_return_val_if_fail (path != NULL && wheel != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    e.format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".pdf"))
    e.format = FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".svg"))
    e.format = FORMAT_SVG;
  else
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                   /* Translators: %s is a file name */
                   _("Cannot save the annual wheel as “%s”. Choose a name that ends in .png, "
                     ".pdf or .svg."), display);
      return FALSE;
    }
  e.width = landscape ? b : a;
  e.height = landscape ? a : b;
  return vaern_render_write_file (path, render_to, &e,
                                  /* Translators: the first %s is a file name, the second why
                                   * it failed */
                                  _("Could not save the annual wheel as “%s”: %s"), error);
}
