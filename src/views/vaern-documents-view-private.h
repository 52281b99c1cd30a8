/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"
#include "vaern-documents-view.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"

G_BEGIN_DECLS

/* Shared by the view (vaern-documents-view.c: the pages, their filters and
 * state) and its actions (vaern-documents-view-actions.c). */
struct _VaernDocumentsView
{
  GtkWidget        parent_instance;

  VaernDocument   *document;
  VaernSearch      search;
  VaernDocumentsFilter filter;
  char            *soon;        /* the review-due filter's last day */
  GtkCustomFilter *documents_filter;
  GtkCustomFilter *approvals_filter;

  /* Template widgets */
  AdwViewStack    *stack;
  GtkSearchEntry  *search_entry;
  GtkRevealer     *filter_bar;
  GtkLabel        *filter_label;
  GtkStack        *documents_content;
  VaernTable      *documents_table;
  GtkStack        *approvals_content;
  VaernTable      *approvals_table;
  GtkLabel        *count_label;
  GtkWidget       *documents_buttons;
  GtkWidget       *approvals_buttons;
};

/* Whether the documents page is shown (else the approvals page). */
gboolean vaern_documents_view_showing_documents  (VaernDocumentsView  *self);
/* Filters the documents page, and shows or hides the bar that says so. */
void     vaern_documents_view_set_filter         (VaernDocumentsView  *self,
                                                  VaernDocumentsFilter filter);

/* The actions (vaern-documents-view-actions.c): documents.add, .edit,
 * .delete, .open, .approve, .new, .show-all, approvals.add, .edit, .delete,
 * and where other views send a person: documents.select, .show-filter,
 * .show-approvals. */
void     vaern_documents_view_class_init_actions (GtkWidgetClass      *widget_class);

G_END_DECLS
