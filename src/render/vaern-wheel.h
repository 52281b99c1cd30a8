/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The annual wheel (årshjul): the year as a circle, 1 January at the top
 * and the months clockwise, one ring per PDCA phase (Plan outermost, Act
 * innermost), week marks, today's position, and each occurrence of an
 * activity as a mark on its phase's ring, coloured by its state. One pure
 * Cairo renderer (Pango for text) for the widget, printing and the PNG,
 * PDF and SVG export. No GTK here. */

typedef enum
{
  VAERN_WHEEL_MARK_UPCOMING,
  VAERN_WHEEL_MARK_IN_PROGRESS,
  VAERN_WHEEL_MARK_DONE,
  VAERN_WHEEL_MARK_OVERDUE,
} VaernWheelMarkState;

/* A state as a person reads it, for the legend, tooltips and lists. The
 * states are in the order of VaernOccurrenceState. */
const char *vaern_wheel_state_label (VaernWheelMarkState state);

typedef struct
{
  char                *date;        /* ISO date in the wheel's year */
  guint                ring;        /* the PDCA phase: 0 Plan … 3 Act */
  VaernWheelMarkState  state;
  char                *title;
  gint64               activity_id;
} VaernWheelMark;

typedef struct
{
  guint       year;
  const char *today;          /* ISO; drawn when in the year; NULL: none */
  GArray     *marks;          /* VaernWheelMark, may be NULL */
  int         focus;          /* a mark to ring, or -1 */
  const char *ring_labels[4]; /* the phases' names, NULL: not written */
  const char *month_names[12];/* NULL: the renderer's own Danish names */
  double      fg[4];          /* text and lines; print uses black on white */
  double      bg[4];
  double      font_size;      /* points; 0: 10 */
} VaernWheel;

/* Where the last drawing put the wheel, for hit tests. */
typedef struct
{
  double cx, cy;
  double outer;               /* the outer edge of the Plan ring */
  double inner;               /* the inner edge of the Act ring */
  double ring_width;
  guint  year;
} VaernWheelGeometry;

/* An array for VaernWheel.marks that frees the marks' strings. */
GArray  *vaern_wheel_marks_new       (void);
void     vaern_wheel_marks_add       (GArray              *marks,
                                      const char          *date,
                                      guint                ring,
                                      VaernWheelMarkState  state,
                                      const char          *title,
                                      gint64               activity_id);

/* The marks of every occurrence of the activities (VaernActivity) in the
 * year, each on its phase's ring, in its state on today (NULL: the real
 * day). */
GArray  *vaern_wheel_marks_from_activities (GListModel    *activities,
                                            guint          year,
                                            const char    *today);

/* The angle of a date (radians, clockwise from the top: 1 January 00:00
 * at 0, the middle of the day), or -1 for a date outside the year. */
double   vaern_wheel_date_angle      (guint                year,
                                      const char          *date);

/* Draws the wheel into 0, 0, width, height of cr. */
void     vaern_wheel_draw            (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const VaernWheel    *wheel,
                                      VaernWheelGeometry  *geometry);

/* The day and ring under x, y: TRUE with month (1–12), day and ring
 * (0–3) set when the point is on the rings. */
gboolean vaern_wheel_hit             (const VaernWheelGeometry *geometry,
                                      double               x,
                                      double               y,
                                      guint               *month,
                                      guint               *day,
                                      guint               *ring);
/* Where a date's mark on a ring is drawn. */
void     vaern_wheel_mark_position   (const VaernWheelGeometry *geometry,
                                      const char          *date,
                                      guint                ring,
                                      double              *x,
                                      double              *y);
/* The mark under x, y (the nearest within its radius), or -1. */
int      vaern_wheel_mark_at         (const VaernWheel    *wheel,
                                      const VaernWheelGeometry *geometry,
                                      double               x,
                                      double               y);

/* The page for print and export: a heading (organisation, year, date),
 * the wheel, and the legend of phases and states. */
typedef struct
{
  const char *organisation;
  const char *date;           /* as it should read, "23-11-2026" */
  GBytes     *logo;           /* the organisation's logo (PNG), or NULL */
} VaernWheelPage;

void     vaern_wheel_draw_page       (cairo_t             *cr,
                                      double               width,
                                      double               height,
                                      const VaernWheel    *wheel,
                                      const VaernWheelPage *page);

typedef enum
{
  VAERN_WHEEL_PAPER_A4,
  VAERN_WHEEL_PAPER_A3,
} VaernWheelPaper;

/* The page as a file; the format follows the extension (.png, .pdf,
 * .svg); PNG at 150 dpi. Written whole or not at all.
 * VAERN_CORE_ERROR_INVALID for another extension. */
gboolean vaern_wheel_export          (const char          *path,
                                      VaernWheelPaper      paper,
                                      gboolean             landscape,
                                      const VaernWheel    *wheel,
                                      const VaernWheelPage *page,
                                      GError             **error);

G_END_DECLS
