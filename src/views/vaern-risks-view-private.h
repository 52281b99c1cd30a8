/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/vaern-document.h"
#include "widgets/vaern-heat-map-widget.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"
#include "vaern-risks-view.h"

G_BEGIN_DECLS

/* Shared by the view (vaern-risks-view.c: filters, heat map, layout and
 * state) and its actions (vaern-risks-view-actions.c). */
struct _VaernRisksView
{
  GtkWidget           parent_instance;

  VaernDocument      *document;
  GSettings          *settings;
  GtkCustomFilter    *filter;
  /* The filters' values, read once per change rather than once per risk. */
  gint64              only_asset;
  gint64              only_owner;
  guint               only_band;
  guint               only_treatment;
  gboolean            only_overdue;
  gboolean            safe_palette;
  GtkSingleSelection *selection;
  GtkDropDown        *asset_filter;
  GtkDropDown        *unit_filter;
  GtkDropDown        *owner_filter;
  GHashTable         *unit_scope;
  VaernSearch         search;
  guint               n_bands;      /* of the band filter's list */
  guint               count_idle;
  gboolean            attached;     /* showing the document (once mapped) */
  guint               filling;      /* setting several filters at once */
  guint               layout_idle;
  /* The paned's position follows the view's size, unless a person moved it. */
  VaernPanedShare     handle;

  /* Template widgets */
  GtkWidget          *filter_box;
  GtkSearchEntry     *search_entry;
  GtkWidget          *filter_button;
  GtkWidget          *filter_popover_box;
  GtkDropDown        *band_filter;
  GtkDropDown        *treatment_filter;
  GtkToggleButton    *overdue_filter;
  GtkWidget          *cell_chip;
  GtkLabel           *cell_label;
  GtkWidget          *top_separator;
  GtkPaned           *paned;
  GtkWidget          *map_box;
  VaernHeatMapWidget *heat_map;
  GtkWidget          *scope_bar;
  GtkDropDown        *show_dropdown;
  GtkLabel           *scope_label;
  GtkStack           *content_stack;
  VaernTable         *table;
  GtkWidget          *action_bar;
  GtkLabel           *count_label;
};

/* Sets every filter back to "all" and, when asset_id is not 0, to that
 * asset; the list and the heat map are refiltered once. */
void             vaern_risks_view_reset_filters  (VaernRisksView *self,
                                                  gint64          asset_id);
/* Which matrices the heat map shows, their counts for the filters in use
 * (freed by the caller), and what they cover in words. */
VaernHeatMapShow vaern_risks_view_shown_matrices (VaernRisksView *self);
void             vaern_risks_view_count_cells    (VaernRisksView *self,
                                                  guint         **inherent,
                                                  guint         **residual);
char            *vaern_risks_view_describe_scope (VaernRisksView *self);

/* The actions (vaern-risks-view-actions.c): risks.add, .edit, .delete,
 * .clear-filters, .edit-scale, .edit-threats, .print, .export, and
 * .show-asset, .show-undecided, .show-overdue, .show-band. */
void             vaern_risks_view_class_init_actions (GtkWidgetClass *widget_class);

/* For tests: the list as shown and how many the heat map counts. */
GListModel *vaern_risks_view_get_shown      (VaernRisksView *self);
guint       vaern_risks_view_count_in_cell  (VaernRisksView  *self,
                                             VaernHeatMapShow matrix,
                                             guint            likelihood,
                                             guint            consequence);

gboolean    vaern_risks_view_print          (VaernRisksView  *self,
                                             const char      *export_path,
                                             GError         **error);

G_END_DECLS
