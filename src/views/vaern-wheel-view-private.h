/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"
#include "widgets/vaern-wheel-widget.h"
#include "vaern-wheel-view.h"

G_BEGIN_DECLS

/* One occurrence in the list. */
#define VAERN_TYPE_WHEEL_ITEM (vaern_wheel_item_get_type ())
G_DECLARE_FINAL_TYPE (VaernWheelItem, vaern_wheel_item, VAERN, WHEEL_ITEM, GObject)

struct _VaernWheelItem
{
  GObject        parent_instance;
  VaernActivity *activity;
  char          *date;
  guint          state;    /* VaernOccurrenceState */
};

/* Shared by the view (vaern-wheel-view.c) and its actions
 * (vaern-wheel-view-actions.c). */
struct _VaernWheelView
{
  GtkWidget         parent_instance;

  VaernDocument    *document;
  guint             year;
  GListStore       *items;
  guint             only_state;  /* 0 all, else state + 1 */
  GtkCustomFilter  *filter;
  gboolean          attached;
  guint             fill_idle;   /* a rebuild is due */
  VaernPanedShare   handle;      /* follows the paned's size */
  guint             layout_idle;
  int               laid_out_width;
  int               laid_out_height;

  /* Template widgets */
  GtkLabel         *year_label;
  GtkDropDown      *state_filter;
  GtkPaned         *paned;       /* the wheel, then the list */
  VaernWheelWidget *wheel;
  GtkStack         *list_stack;
  VaernTable       *table;
  AdwStatusPage    *empty_page;
  GtkLabel         *count_label;
};

/* Installs the wheel.* actions (vaern-wheel-view-actions.c). */
void        vaern_wheel_view_class_init_actions (GtkWidgetClass *widget_class);
/* Shows the year (clamped to 1900–9999) in the wheel and the list. */
void        _vaern_wheel_view_set_year     (VaernWheelView *self,
                                            guint           year);

/* Marks the selected occurrence done (today, by the user) or not done. */
gboolean    vaern_wheel_view_mark_selected (VaernWheelView *self,
                                            gboolean        done,
                                            GError        **error);
/* Prints the year's wheel; with export_path, straight to that PDF. */
gboolean    vaern_wheel_view_print         (VaernWheelView *self,
                                            const char     *export_path,
                                            GError        **error);

/* For tests */
VaernTable *vaern_wheel_view_get_table     (VaernWheelView *self);
guint       vaern_wheel_view_get_year      (VaernWheelView *self);
GArray     *vaern_wheel_view_get_marks     (VaernWheelView *self);

G_END_DECLS
