/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A table of many records: a header of sortable columns over a list whose
 * rows are each one widget that draws all of its cells. GTK 4.8 keeps about
 * 200 rows alive in a list and rebuilds them when a filter changes; with
 * one widget per row instead of one per cell, a keystroke in a search
 * field costs a tenth of what a GtkColumnView of the same columns costs.
 *
 * Columns that do not fit are left out, least important first, so the
 * table reads well in a small window without scrolling sideways. */

#define VAERN_TYPE_TABLE (vaern_table_get_type ())
G_DECLARE_FINAL_TYPE (VaernTable, vaern_table, VAERN, TABLE, GtkWidget)

typedef enum {
  VAERN_TABLE_CELL_NORMAL,
  VAERN_TABLE_CELL_WARNING,     /* in the warning colour, for what needs attention */
  VAERN_TABLE_CELL_DIM,         /* faded, for what matters less */
} VaernTableCellStyle;

typedef struct {
  char               *text;       /* set by the cell function, freed by the table */
  VaernTableCellStyle style;
  const char         *icon_name;  /* a symbolic icon before the text, or NULL */
  gboolean            has_swatch; /* a square of colour before the text */
  GdkRGBA             swatch;
} VaernTableCell;

/* Fills @cell for @item; the cell arrives zeroed. */
typedef void (*VaernTableCellFunc) (gpointer        item,
                                    VaernTableCell *cell,
                                    gpointer        user_data);

GtkWidget          *vaern_table_new             (void);
/* A column's sorter on a property of the records (text without case, or
 * numbers). */
GtkSorter          *vaern_table_sorter_new      (GType              type,
                                                 const char        *property,
                                                 gboolean           numeric);
guint               vaern_table_add_column      (VaernTable        *self,
                                                 const char        *title,
                                                 VaernTableCellFunc func,
                                                 gpointer           user_data,
                                                 GtkSorter         *sorter,
                                                 int                width,
                                                 gboolean           expand,
                                                 guint              priority);
void                vaern_table_set_model       (VaernTable        *self,
                                                 GListModel        *model);
void                vaern_table_refresh         (VaernTable        *self);
void                vaern_table_set_filter      (VaernTable        *self,
                                                 GtkFilter         *filter);
void                vaern_table_sort_by         (VaernTable        *self,
                                                 guint              column,
                                                 GtkSortType        order);
guint               vaern_table_get_sort_column (VaernTable        *self,
                                                 GtkSortType       *order);
GtkSingleSelection *vaern_table_get_selection   (VaernTable        *self);
gpointer            vaern_table_get_selected    (VaernTable        *self);
void                vaern_table_select          (VaernTable        *self,
                                                 guint              position);
gboolean            vaern_table_column_is_shown (VaernTable        *self,
                                                 guint              column);
char               *vaern_table_get_cell_text   (VaernTable        *self,
                                                 guint              position,
                                                 guint              column);
GtkWidget          *vaern_table_get_list_view   (VaernTable        *self);

G_END_DECLS
