/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-approval-editor.h"
#include "vaern-documents-view-private.h"
#include "vaern-isms-document-editor.h"
#include "vaern-view.h"

/* The documents view's actions: adding, editing, approving and deleting
 * documents and approvals, and the ways other views send a person here. */

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
  VaernDocumentsView *self = VAERN_DOCUMENTS_VIEW (widget);

  gtk_widget_activate_action (widget, vaern_documents_view_showing_documents (self)
                                      ? "documents.add" : "approvals.add", NULL);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  vaern_documents_view_set_filter (VAERN_DOCUMENTS_VIEW (widget), VAERN_DOCUMENTS_ALL);
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

void
vaern_documents_view_class_init_actions (GtkWidgetClass *widget_class)
{
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
