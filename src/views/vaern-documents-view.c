/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-view.h"
#include "core/vaern-date.h"
#include "store/vaern-figures.h"
#include "vaern-approval-editor.h"
#include "vaern-documents-view.h"
#include "vaern-isms-document-editor.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"

/* Documents and approvals: the register of the ISMS's documents (policy,
 * guidelines, contingency plan, management reports, improvement memos)
 * with where each lives and when it is due for review, and the record of
 * what management approved, by whom and when. One search field serves
 * both pages. */

struct _VaernDocumentsView
{
  GtkWidget        parent_instance;

  VaernDocument   *document;
  VaernSearch      search;
  VaernDocumentsFilter filter;
  char            *soon;        /* the review-due filter's last day */
  GtkCustomFilter *documents_filter;
  GtkCustomFilter *approvals_filter;

  AdwViewStack    *stack;
  GtkSearchEntry  *search_entry;
  VaernTable      *documents_table;
  VaernTable      *approvals_table;
  GtkStack        *documents_content;
  GtkStack        *approvals_content;
  GtkLabel        *count_label;
  GtkRevealer     *filter_bar;
  GtkLabel        *filter_label;
  GtkWidget       *documents_buttons;
  GtkWidget       *approvals_buttons;
};

static void vaern_documents_view_iface_init (VaernViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VaernDocumentsView, vaern_documents_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VAERN_TYPE_VIEW,
                                                      vaern_documents_view_iface_init))

static void update_state (VaernDocumentsView *self);

static gboolean
showing_documents (VaernDocumentsView *self)
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

static void
set_filter (VaernDocumentsView  *self,
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

static void
show_all_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  set_filter (VAERN_DOCUMENTS_VIEW (widget), VAERN_DOCUMENTS_ALL);
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
  gboolean documents = showing_documents (self);
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

/* Actions */

static GtkWindow *
parent_window (GtkWidget *widget)
{
  return GTK_WINDOW (gtk_widget_get_root (widget));
}

/* After a save the saved row is selected, in the table it belongs to. */
static void
saved_cb (VaernEditor        *editor,
          gint64              id,
          VaernDocumentsView *self)
{
  VaernTable *table = VAERN_IS_APPROVAL_EDITOR (editor) ? self->approvals_table
                                                        : self->documents_table;
  guint i = vaern_record_list_find (G_LIST_MODEL (vaern_table_get_selection (table)), id);

  if (VAERN_IS_APPROVAL_EDITOR (editor) && g_object_get_data (G_OBJECT (editor), "document"))
    {
      /* Approving a document: stay with the document. */
      table = self->documents_table;
      i = vaern_record_list_find (G_LIST_MODEL (vaern_table_get_selection (table)),
                                  GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (editor), "document")));
    }
  if (i != G_MAXUINT)
    {
      vaern_table_select (table, i);
      gtk_widget_grab_focus (GTK_WIDGET (table));
    }
}

static void
present (VaernDocumentsView *self,
         gpointer            editor)
{
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (widget);

  present (self, vaern_isms_document_editor_new (parent_window (widget), self->document, NULL));
}

static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (widget);
  VaernIsmsDocument *doc = vaern_table_get_selected (self->documents_table);

  if (doc)
    present (self, vaern_isms_document_editor_new (parent_window (widget), self->document, doc));
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (widget);
  VaernIsmsDocument *doc = vaern_table_get_selected (self->documents_table);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (doc == NULL)
    return;
  if (doc->n_controls > 0)
    /* Translators: notification after deleting a document that documented controls of
     * the SoA draft; %s is its title */
    message = g_strdup_printf (ngettext ("“%s” deleted, and taken off %u control of the SoA",
                                         "“%s” deleted, and taken off %u controls of the SoA",
                                         doc->n_controls), doc->title, doc->n_controls);
  else
    /* Translators: notification after deleting a document from the register; %s is its title */
    message = g_strdup_printf (_("“%s” deleted"), doc->title);
  if (!vaern_document_delete_isms_document (self->document, vaern_record_get_id (VAERN_RECORD (doc)),
                                            &error))
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Delete the Document"), error);
  else
    vaern_view_offer_undo (widget, message);
}

static void
open_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (widget);
  VaernIsmsDocument *doc = vaern_table_get_selected (self->documents_table);
  g_autoptr(GError) error = NULL;

  if (doc && !vaern_open_location (widget, self->document, doc->location, &error))
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Open the Document"), error);
}

static void
approve_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (widget);
  VaernIsmsDocument *doc = vaern_table_get_selected (self->documents_table);
  g_autoptr(VaernApproval) approval = vaern_approval_new ();

  if (doc == NULL)
    return;
  approval->subject = VAERN_APPROVAL_DOCUMENT;
  approval->document_id = vaern_record_get_id (VAERN_RECORD (doc));
  {
    VaernApprovalEditor *editor = vaern_approval_editor_new (parent_window (widget), self->document,
                                                             approval);

    g_object_set_data (G_OBJECT (editor), "document", GSIZE_TO_POINTER (approval->document_id));
    present (self, editor);
  }
}

static void
add_approval_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (widget);

  present (self, vaern_approval_editor_new (parent_window (widget), self->document, NULL));
}

static void
edit_approval_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (widget);
  VaernApproval *approval = vaern_table_get_selected (self->approvals_table);

  if (approval)
    present (self, vaern_approval_editor_new (parent_window (widget), self->document, approval));
}

static void
delete_approval_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (widget);
  VaernApproval *approval = vaern_table_get_selected (self->approvals_table);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (approval == NULL)
    return;
  /* Translators: notification after deleting an approval; %s says what was approved */
  message = g_strdup_printf (_("Approval of “%s” deleted"), approval->title);
  if (!vaern_document_delete_approval (self->document, vaern_record_get_id (VAERN_RECORD (approval)),
                                       &error))
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Delete the Approval"), error);
  else
    vaern_view_offer_undo (widget, message);
}

/* Ctrl+Shift+N adds to the page shown. */
static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_widget_activate_action (widget, showing_documents (VAERN_DOCUMENTS_VIEW (widget))
                                      ? "documents.add" : "approvals.add", NULL);
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
    set_filter (self, VAERN_DOCUMENTS_ALL);
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

/* Layout */

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description,
             const char *button_label,
             const char *action)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  if (button_label)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
    }
  return page;
}

static GtkStack *
content_stack (VaernTable *table,
               GtkWidget  *empty,
               GtkWidget  *none_match)
{
  GtkStack *stack = GTK_STACK (gtk_stack_new ());

  gtk_widget_set_vexpand (GTK_WIDGET (stack), TRUE);
  gtk_stack_add_named (stack, GTK_WIDGET (table), "table");
  gtk_stack_add_named (stack, empty, "empty");
  gtk_stack_add_named (stack, none_match, "none-match");
  return stack;
}

static void
build (VaernDocumentsView *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *bar = gtk_action_bar_new ();
  GtkWidget *box;
  AdwViewStackPage *page;

  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 6);
  gtk_widget_set_margin_bottom (top, 6);
  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_box_append (GTK_BOX (top), switcher);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  /* Translators: placeholder of the documents view's search field */
  g_object_set (self->search_entry, "placeholder-text", _("Search titles, owners and notes"), NULL);
  /* Translators: accessible name of the documents view's search field */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search documents"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->search_entry), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->search_entry));
  gtk_widget_set_parent (top, GTK_WIDGET (self));
  gtk_widget_set_parent (gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), GTK_WIDGET (self));

  /* What a filter from the overview leaves out, and the way back. */
  {
    GtkWidget *filter_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *all;

    gtk_widget_add_css_class (filter_box, "toolbar");
    self->filter_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->filter_label, TRUE);
    gtk_label_set_xalign (self->filter_label, 0);
    gtk_widget_set_hexpand (GTK_WIDGET (self->filter_label), TRUE);
    gtk_widget_set_margin_start (GTK_WIDGET (self->filter_label), 6);
    gtk_box_append (GTK_BOX (filter_box), GTK_WIDGET (self->filter_label));
    /* Translators: button that takes away the documents view's filter */
    all = vaern_action_button_new (_("Show _All"), "documents.show-all");
    gtk_widget_set_valign (all, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (filter_box), all);
    self->filter_bar = GTK_REVEALER (gtk_revealer_new ());
    gtk_revealer_set_child (self->filter_bar, filter_box);
    gtk_widget_set_parent (GTK_WIDGET (self->filter_bar), GTK_WIDGET (self));
  }

  self->documents_table = VAERN_TABLE (vaern_table_new ());
  g_object_set (self->documents_table, "activate-action", "documents.edit", NULL);
  self->documents_content = content_stack (
    self->documents_table,
    status_page ("folder-documents-symbolic",
                 /* Translators: the documents register when it is empty */
                 _("No Documents Yet"),
                 /* Translators: the documents register when it is empty */
                 _("Register the information security policy, the guidelines, the contingency "
                   "plan and the reports management approves: where each lives, who keeps it, "
                   "and when it is due for review."),
                 /* Translators: button of the empty documents register */
                 _("_Add Document…"), "documents.add"),
    status_page ("edit-find-symbolic",
                 /* Translators: the documents register when the search finds nothing */
                 _("No Documents Match"),
                 /* Translators: the documents register when the search finds nothing */
                 _("Try other words."), NULL, NULL));
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->documents_content), "documents",
                                    /* Translators: a page of the documents view */
                                    _("Documents"));
  adw_view_stack_page_set_icon_name (page, "folder-documents-symbolic");

  self->approvals_table = VAERN_TABLE (vaern_table_new ());
  g_object_set (self->approvals_table, "activate-action", "approvals.edit", NULL);
  self->approvals_content = content_stack (
    self->approvals_table,
    status_page ("emblem-ok-symbolic",
                 /* Translators: the list of approvals when it is empty */
                 _("No Approvals Yet"),
                 /* Translators: the list of approvals when it is empty */
                 _("When management approves the SoA, a risk assessment or a document, record "
                   "who approved it and when."),
                 /* Translators: button of the empty list of approvals */
                 _("_Record Approval…"), "approvals.add"),
    status_page ("edit-find-symbolic",
                 /* Translators: the list of approvals when the search finds nothing */
                 _("No Approvals Match"), _("Try other words."), NULL, NULL));
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->approvals_content), "approvals",
                                    /* Translators: a page of the documents view */
                                    _("Approvals"));
  adw_view_stack_page_set_icon_name (page, "emblem-ok-symbolic");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), GTK_WIDGET (self->count_label));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: tooltip of a button of the documents view */
  gtk_box_append (GTK_BOX (box), vaern_icon_button_new ("go-jump-symbolic", _("Open the File"),
                                              "documents.open"));
  /* Translators: tooltip of a button of the documents view */
  gtk_box_append (GTK_BOX (box), vaern_icon_button_new ("user-trash-symbolic", _("Delete"),
                                              "documents.delete"));
  /* Translators: button of the documents view */
  gtk_box_append (GTK_BOX (box), vaern_action_button_new (_("A_pprove…"), "documents.approve"));
  /* Translators: button of the documents view */
  gtk_box_append (GTK_BOX (box), vaern_action_button_new (_("_Edit…"), "documents.edit"));
  /* Translators: button of the documents view */
  gtk_box_append (GTK_BOX (box), vaern_action_button_new (_("_Add…"), "documents.add"));
  self->documents_buttons = box;
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), box);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: tooltip of a button of the approvals page */
  gtk_box_append (GTK_BOX (box), vaern_icon_button_new ("user-trash-symbolic", _("Delete"),
                                              "approvals.delete"));
  /* Translators: button of the approvals page */
  gtk_box_append (GTK_BOX (box), vaern_action_button_new (_("_Edit…"), "approvals.edit"));
  /* Translators: button of the approvals page */
  gtk_box_append (GTK_BOX (box), vaern_action_button_new (_("_Record Approval…"), "approvals.add"));
  self->approvals_buttons = box;
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), box);
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (update_state), self);
}

static void
vaern_documents_view_dispose (GObject *object)
{
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (object);
  GtkWidget *child;

  if (self->document)
    vaern_documents_view_set_document (VAERN_VIEW (self), NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->documents_filter);
  g_clear_object (&self->approvals_filter);
  vaern_search_clear (&self->search);
  g_clear_pointer (&self->soon, g_free);

  G_OBJECT_CLASS (vaern_documents_view_parent_class)->dispose (object);
}

/* Where other views send a person (win.go-to, see vaern-view.h) */

static void
select_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  vaern_documents_view_select (VAERN_DOCUMENTS_VIEW (widget), g_variant_get_int64 (param));
}

static void
show_filter_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  vaern_documents_view_show_filter (VAERN_DOCUMENTS_VIEW (widget), g_variant_get_uint32 (param));
}

static void
show_approvals_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  vaern_documents_view_show_approvals (VAERN_DOCUMENTS_VIEW (widget), g_variant_get_boolean (param));
}

static void
vaern_documents_view_class_init (VaernDocumentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_documents_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "documents.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "documents.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "documents.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "documents.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "documents.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "approvals.add", NULL, add_approval_action);
  gtk_widget_class_install_action (widget_class, "approvals.edit", NULL, edit_approval_action);
  gtk_widget_class_install_action (widget_class, "approvals.delete", NULL, delete_approval_action);
  gtk_widget_class_install_action (widget_class, "documents.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "documents.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "documents.select", "x", select_action);
  gtk_widget_class_install_action (widget_class, "documents.show-filter", "u", show_filter_action);
  gtk_widget_class_install_action (widget_class, "documents.show-approvals", "b", show_approvals_action);
}

static void
vaern_documents_view_init (VaernDocumentsView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  build (self);
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
  set_filter (self, filter);
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
