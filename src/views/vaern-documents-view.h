/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "widgets/vaern-table.h"

G_BEGIN_DECLS

#define VAERN_TYPE_DOCUMENTS_VIEW (vaern_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (VaernDocumentsView, vaern_documents_view, VAERN, DOCUMENTS_VIEW, GtkWidget)

/* Shows the documents page with one document chosen. */
void        vaern_documents_view_select         (VaernDocumentsView *self,
                                                 gint64              document_id);

/* Which documents the register lists: all, those due for review within
 * VAERN_FIGURES_SOON_DAYS (or overdue), or those waiting for approval. A
 * filter other than ALL shows a bar that says so, with a way back. */
typedef enum
{
  VAERN_DOCUMENTS_ALL,
  VAERN_DOCUMENTS_REVIEW_DUE,
  VAERN_DOCUMENTS_IN_REVIEW,
} VaernDocumentsFilter;

/* Shows the documents page, its search cleared, filtered. */
void        vaern_documents_view_show_filter    (VaernDocumentsView  *self,
                                                 VaernDocumentsFilter filter);

/* Shows the approvals page (or the documents page). */
void        vaern_documents_view_show_approvals (VaernDocumentsView *self,
                                                 gboolean            approvals);

/* For tests */
VaernTable *vaern_documents_view_get_table      (VaernDocumentsView *self,
                                                 gboolean            approvals);

G_END_DECLS
