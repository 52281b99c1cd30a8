/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/vaern-document.h"
#include "vaern-register-view.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"

G_BEGIN_DECLS

/* Shared by the view (vaern-register-view.c: filters, columns and state)
 * and its actions (vaern-register-view-actions.c). */
struct _VaernRegisterView
{
  GtkWidget           parent_instance;

  VaernDocument      *document;
  GtkSingleSelection *selection;   /* the table's, over the sorted list */
  GtkCustomFilter    *filter;
  GtkDropDown        *unit_filter;
  GHashTable         *unit_scope;   /* unit ids under the unit filter's unit */
  VaernSearch         search;
  GSettings          *settings;
  gboolean            safe_palette;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_filter;
  GtkDropDown        *lifecycle_filter;
  GtkDropDown        *personal_data_filter;
  GtkDropDown        *findings_filter;
  GtkWidget          *filter_box;
  GtkWidget          *filter_button;
  GtkWidget          *filter_popover_box;
  GtkWidget          *filter_separator;
  GtkStack           *content_stack;
  VaernTable         *table;
  GtkLabel           *count_label;
};

/* The asset selected in the table, or NULL. */
VaernAsset *vaern_register_view_get_selected      (VaernRegisterView *self);
/* Every filter back to "all" and the search cleared. */
void        vaern_register_view_clear_filters     (VaernRegisterView *self);

/* The actions (vaern-register-view-actions.c): register.add, .edit,
 * .duplicate, .delete, .import, .clear-filters, .show-roles, .show-risks,
 * and .show-findings, .show-systems. */
void        vaern_register_view_class_init_actions (GtkWidgetClass   *widget_class);

G_END_DECLS
