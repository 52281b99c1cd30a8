/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/vaern-date.h"
#include "store/vaern-figures.h"
#include "vaern-documents-view-private.h"
#include "vaern-view.h"

/* Documents and approvals: the register of the ISMS's documents (policy,
 * guidelines, contingency plan, management reports, improvement memos)
 * with where each lives and when it is due for review, and the record of
 * what management approved, by whom and when. One search field serves
 * both pages. */

static void vaern_documents_view_iface_init (VaernViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VaernDocumentsView, vaern_documents_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VAERN_TYPE_VIEW,
                                                      vaern_documents_view_iface_init))

static void update_state (VaernDocumentsView *self);

gboolean
vaern_documents_view_showing_documents (VaernDocumentsView *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "approvals") != 0;
}

/* Filtering */

static gboolean
document_matches (gpointer item,
                  gpointer user_data)
{
  VaernDocumentsView *self = user_data;
  VaernIsmsDocument *doc = item;

  if (self->filter == VAERN_DOCUMENTS_REVIEW_DUE && !vaern_key_figures_review_due (doc, self->soon))
    return FALSE;
  if (self->filter == VAERN_DOCUMENTS_IN_REVIEW && doc->status != VAERN_DOC_STATUS_IN_REVIEW)
    return FALSE;
  return vaern_search_matches (&self->search, doc->search_key);
}

void
vaern_documents_view_set_filter (VaernDocumentsView  *self,
                                 VaernDocumentsFilter filter)
{
  g_autofree char *today = vaern_date_today ();

  self->filter = filter;
  g_free (self->soon);
  self->soon = vaern_key_figures_soon (today);
  if (filter == VAERN_DOCUMENTS_REVIEW_DUE)
    gtk_label_set_text (self->filter_label,
                        /* Translators: the documents view, filtered from the overview */
                        _("Only documents due for review within 30 days, or overdue"));
  else if (filter == VAERN_DOCUMENTS_IN_REVIEW)
    gtk_label_set_text (self->filter_label,
                        /* Translators: the documents view, filtered from the overview */
                        _("Only documents waiting for approval"));
  gtk_revealer_set_reveal_child (self->filter_bar, filter != VAERN_DOCUMENTS_ALL);
  gtk_filter_changed (GTK_FILTER (self->documents_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static gboolean
approval_matches (gpointer item,
                  gpointer user_data)
{
  VaernDocumentsView *self = user_data;

  return vaern_search_matches (&self->search, VAERN_APPROVAL (item)->search_key);
}

static void
search_changed_cb (VaernDocumentsView *self)
{
  GtkFilterChange change;

  if (!vaern_search_read (&self->search, GTK_EDITABLE (self->search_entry), &change))
    return;
  gtk_filter_changed (GTK_FILTER (self->documents_filter), change);
  gtk_filter_changed (GTK_FILTER (self->approvals_filter), change);
  update_state (self);
}

static void
stop_search_cb (VaernDocumentsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
page_changed_cb (VaernDocumentsView *self)
{
  update_state (self);
}

/* Cells */

static void
title_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernIsmsDocument *d = item;

  cell->text = g_strdup (d->title);
  if (d->status == VAERN_DOC_STATUS_WITHDRAWN)
    cell->style = VAERN_TABLE_CELL_DIM;
}

static void
kind_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  cell->text = g_strdup (vaern_enum_label (&vaern_enum_doc_kind, VAERN_ISMS_DOCUMENT (item)->kind));
}

static void
version_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  cell->text = g_strdup (VAERN_ISMS_DOCUMENT (item)->version);
}

static void
status_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernIsmsDocument *d = item;

  cell->text = g_strdup (vaern_enum_label (&vaern_enum_doc_status, d->status));
  if (d->status == VAERN_DOC_STATUS_APPROVED)
    cell->icon_name = "object-select-symbolic";
  else if (d->status == VAERN_DOC_STATUS_WITHDRAWN)
    cell->style = VAERN_TABLE_CELL_DIM;
}

static void
owner_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  cell->text = g_strdup (VAERN_ISMS_DOCUMENT (item)->owner_name);
}

static void
review_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernIsmsDocument *d = item;

  cell->text = vaern_date_format (d->next_review);
  if (d->overdue)
    {
      cell->style = VAERN_TABLE_CELL_WARNING;
      cell->icon_name = "dialog-warning-symbolic";
    }
}

static void
controls_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernIsmsDocument *d = item;

  cell->text = d->n_controls ? g_strdup_printf ("%u", d->n_controls) : g_strdup ("");
}

static void
date_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  cell->text = vaern_date_format (VAERN_APPROVAL (item)->approved_on);
}

static void
what_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernApproval *a = item;

  cell->text = g_strdup (a->title);
  if (a->subject == VAERN_APPROVAL_SOA)
    cell->icon_name = "changes-prevent-symbolic";
}

static void
subject_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  cell->text = g_strdup (vaern_enum_label (&vaern_enum_approval_subject,
                                           VAERN_APPROVAL (item)->subject));
}

static void
by_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  cell->text = g_strdup (VAERN_APPROVAL (item)->approved_by);
}

static void
note_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  cell->text = g_strdup (VAERN_APPROVAL (item)->note);
  cell->style = VAERN_TABLE_CELL_DIM;
}

static void
setup_columns (VaernDocumentsView *self)
{
  VaernTable *t = self->documents_table;
  GType d = VAERN_TYPE_ISMS_DOCUMENT, a = VAERN_TYPE_APPROVAL;
  guint date;

  /* Translators: column heading: a document's title */
  vaern_table_add_column (t, _("Title"), title_cell, NULL, vaern_table_sorter_new (d, "title", FALSE), 260, TRUE, 0);
  /* Translators: column heading: policy, guideline, … */
  vaern_table_add_column (t, _("Kind"), kind_cell, NULL, vaern_table_sorter_new (d, "kind", TRUE), 150, FALSE, 3);
  /* Translators: column heading: a document's version */
  vaern_table_add_column (t, _("Version"), version_cell, NULL, vaern_table_sorter_new (d, "version", FALSE), 80,
                          FALSE, 4);
  /* Translators: column heading: draft, approved, … */
  vaern_table_add_column (t, _("Status"), status_cell, NULL, vaern_table_sorter_new (d, "status", TRUE), 130,
                          FALSE, 1);
  /* Translators: column heading */
  vaern_table_add_column (t, _("Owner"), owner_cell, NULL, vaern_table_sorter_new (d, "owner-name", FALSE), 150,
                          FALSE, 5);
  /* Translators: column heading: the next review date */
  vaern_table_add_column (t, _("Review"), review_cell, NULL, vaern_table_sorter_new (d, "next-review", FALSE),
                          120, FALSE, 2);
  /* Translators: column heading: the number of SoA controls the document documents */
  vaern_table_add_column (t, _("Controls"), controls_cell, NULL, NULL, 80, FALSE, 6);

  t = self->approvals_table;
  /* Translators: column heading: the date of an approval */
  date = vaern_table_add_column (t, _("Date"), date_cell, NULL, vaern_table_sorter_new (a, "approved-on", FALSE),
                                 110, FALSE, 0);
  /* Translators: column heading: what was approved */
  vaern_table_add_column (t, _("Approved"), what_cell, NULL, vaern_table_sorter_new (a, "title", FALSE), 260,
                          TRUE, 0);
  /* Translators: column heading: the kind of thing approved */
  vaern_table_add_column (t, _("Subject"), subject_cell, NULL, vaern_table_sorter_new (a, "subject", TRUE), 170,
                          FALSE, 3);
  /* Translators: column heading: who approved */
  vaern_table_add_column (t, _("By"), by_cell, NULL, vaern_table_sorter_new (a, "approved-by", FALSE), 160,
                          FALSE, 1);
  /* Translators: column heading: the approval's note */
  vaern_table_add_column (t, _("Note"), note_cell, NULL, NULL, 220, TRUE, 2);
  vaern_table_sort_by (t, date, GTK_SORT_DESCENDING);
}

/* State */

static void
update_state (VaernDocumentsView *self)
{
  gboolean documents = vaern_documents_view_showing_documents (self);
  VaernTable *table = documents ? self->documents_table : self->approvals_table;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (vaern_table_get_selection (table)));
  guint total = 0;
  gboolean writable = self->document && !vaern_document_get_read_only (self->document);
  VaernIsmsDocument *doc = vaern_table_get_selected (self->documents_table);
  VaernApproval *approval = vaern_table_get_selected (self->approvals_table);
  g_autofree char *count = NULL;
  GtkStack *content = documents ? self->documents_content : self->approvals_content;

  if (self->document)
    total = g_list_model_get_n_items (documents ? vaern_document_get_isms_documents (self->document)
                                                : vaern_document_get_approvals (self->document));
  if (documents)
    /* Translators: the number of documents shown */
    count = g_strdup_printf (ngettext ("%u document", "%u documents", shown), shown);
  else
    /* Translators: the number of approvals shown */
    count = g_strdup_printf (ngettext ("%u approval", "%u approvals", shown), shown);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (content, shown > 0 ? "table" : total > 0 ? "none-match" : "empty");
  gtk_widget_set_visible (self->documents_buttons, documents);
  gtk_widget_set_visible (self->approvals_buttons, !documents);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.edit", documents && doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.delete",
                                 writable && documents && doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.open",
                                 documents && doc != NULL && doc->location && *doc->location);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.approve",
                                 writable && documents && doc != NULL
                                 && doc->status != VAERN_DOC_STATUS_WITHDRAWN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approvals.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approvals.edit", !documents && approval != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approvals.delete",
                                 writable && !documents && approval != NULL
                                 && approval->subject != VAERN_APPROVAL_SOA);
}

/* The document */

static void
vaern_documents_view_set_document (VaernView     *view,
                                   VaernDocument *document)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (view);

  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  vaern_table_set_model (self->documents_table,
                         document ? vaern_document_get_isms_documents (document) : NULL);
  vaern_table_set_model (self->approvals_table,
                         document ? vaern_document_get_approvals (document) : NULL);
  if (document)
    g_signal_connect_swapped (document, "notify::read-only", G_CALLBACK (update_state), self);
  /* Another document starts unfiltered. */
  if (self->filter != VAERN_DOCUMENTS_ALL)
    vaern_documents_view_set_filter (self, VAERN_DOCUMENTS_ALL);
  update_state (self);
}

static void
vaern_documents_view_focus_search (VaernView *view)
{
  gtk_widget_grab_focus (GTK_WIDGET (VAERN_DOCUMENTS_VIEW (view)->search_entry));
}

static void
vaern_documents_view_iface_init (VaernViewInterface *iface)
{
  iface->set_document = vaern_documents_view_set_document;
  iface->focus_search = vaern_documents_view_focus_search;
}

static void
vaern_documents_view_dispose (GObject *object)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (object);

  if (self->document)
    vaern_documents_view_set_document (VAERN_VIEW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_DOCUMENTS_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->documents_filter);
  g_clear_object (&self->approvals_filter);
  vaern_search_clear (&self->search);
  g_clear_pointer (&self->soon, g_free);

  G_OBJECT_CLASS (vaern_documents_view_parent_class)->dispose (object);
}

static void
vaern_documents_view_class_init (VaernDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (VAERN_TYPE_TABLE);

  object_class->dispose = vaern_documents_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-documents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, documents_content);
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, documents_table);
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, approvals_content);
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, approvals_table);
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, documents_buttons);
  gtk_widget_class_bind_template_child (widget_class, VaernDocumentsView, approvals_buttons);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  vaern_documents_view_class_init_actions (widget_class);
}

static void
vaern_documents_view_init (VaernDocumentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->documents_filter = gtk_custom_filter_new (document_matches, self, NULL);
  self->approvals_filter = gtk_custom_filter_new (approval_matches, self, NULL);
  vaern_table_set_filter (self->documents_table, GTK_FILTER (self->documents_filter));
  vaern_table_set_filter (self->approvals_table, GTK_FILTER (self->approvals_filter));
  setup_columns (self);
  g_signal_connect_swapped (vaern_table_get_selection (self->documents_table), "notify::selected",
                            G_CALLBACK (update_state), self);
  g_signal_connect_swapped (vaern_table_get_selection (self->approvals_table), "notify::selected",
                            G_CALLBACK (update_state), self);
  g_signal_connect_swapped (vaern_table_get_selection (self->documents_table), "items-changed",
                            G_CALLBACK (update_state), self);
  g_signal_connect_swapped (vaern_table_get_selection (self->approvals_table), "items-changed",
                            G_CALLBACK (update_state), self);
  vaern_add_view_shortcuts (GTK_WIDGET (self), (const char *const[]) {
    "<Control><Shift>n", "documents.new",
    NULL });
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->stack));
  vaern_add_delete_key (GTK_WIDGET (self), GTK_WIDGET (self->documents_table), "documents.delete");
  vaern_add_delete_key (GTK_WIDGET (self), GTK_WIDGET (self->approvals_table), "approvals.delete");
  update_state (self);
}

/* For tests */

VaernTable *
vaern_documents_view_get_table (VaernDocumentsView *self,
                                gboolean            approvals)
{
  return approvals ? self->approvals_table : self->documents_table;
}

void
vaern_documents_view_show_approvals (VaernDocumentsView *self,
                                     gboolean            approvals)
{
  adw_view_stack_set_visible_child_name (self->stack, approvals ? "approvals" : "documents");
}

void
vaern_documents_view_show_filter (VaernDocumentsView  *self,
                                  VaernDocumentsFilter filter)
{
  g_return_if_fail (VAERN_IS_DOCUMENTS_VIEW (self));

  adw_view_stack_set_visible_child_name (self->stack, "documents");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  vaern_documents_view_set_filter (self, filter);
}

void
vaern_documents_view_select (VaernDocumentsView *self,
                             gint64              document_id)
{
  guint i;

  adw_view_stack_set_visible_child_name (self->stack, "documents");
  i = vaern_record_list_find (G_LIST_MODEL (vaern_table_get_selection (self->documents_table)),
                              document_id);
  if (i != G_MAXUINT)
    vaern_table_select (self->documents_table, i);
}
