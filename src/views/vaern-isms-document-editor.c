/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "widgets/vaern-file-chooser.h"
#include "vaern-isms-document-editor.h"
#include "widgets/vaern-ui-util.h"

struct _VaernIsmsDocumentEditor
{
  VaernEditor        parent_instance;

  VaernDocument     *document;
  VaernIsmsDocument *doc;
  GtkDropDown       *owner_dropdown;

  /* Template widgets */
  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  AdwEntryRow       *version_row;
  AdwComboRow       *status_row;
  AdwActionRow      *owner_row;
  AdwEntryRow       *review_row;
  AdwEntryRow       *location_row;
  GtkTextView       *notes_view;
};

G_DEFINE_FINAL_TYPE (VaernIsmsDocumentEditor, vaern_isms_document_editor, VAERN_TYPE_EDITOR)

static gint64
vaern_isms_document_editor_save (VaernEditor *editor,
                                 GError     **error)
{
  VaernIsmsDocumentEditor *self = VAERN_ISMS_DOCUMENT_EDITOR (editor);
  g_autoptr(VaernIsmsDocument) d = self->doc ? vaern_isms_document_copy (self->doc)
                                             : vaern_isms_document_new ();

  g_free (d->title);
  d->title = vaern_entry_get_text (GTK_EDITABLE (self->title_row));
  d->kind = adw_combo_row_get_selected (self->kind_row);
  g_free (d->version);
  d->version = vaern_entry_get_text (GTK_EDITABLE (self->version_row));
  d->status = adw_combo_row_get_selected (self->status_row);
  d->owner_id = vaern_record_dropdown_get_id (self->owner_dropdown);
  g_clear_pointer (&d->next_review, g_free);
  if (!vaern_editor_read_date (editor, "next_review", &d->next_review, error))
    return 0;
  g_free (d->location);
  d->location = vaern_entry_get_text (GTK_EDITABLE (self->location_row));
  g_free (d->notes);
  d->notes = vaern_text_view_get_text (self->notes_view);
  if (self->doc == NULL)
    return vaern_document_add_isms_document (self->document, d, error);
  if (!vaern_document_update_isms_document (self->document, d, error))
    return 0;
  return vaern_record_get_id (VAERN_RECORD (d));
}

gboolean
vaern_open_location (GtkWidget     *widget,
                     VaernDocument *document,
                     const char    *location,
                     GError       **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *scheme = NULL;
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (display);

  if (location == NULL || *location == '\0')
    {
      /* Translators: error when opening a document without a location */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The document has no location. Edit it and give the path or the web "
                             "address of the file."));
      return FALSE;
    }
  scheme = g_uri_parse_scheme (location);
  if (scheme != NULL)
    uri = g_strdup (location);
  else
    {
      /* A relative path is read from the Værn document's folder, where a
       * shared drive's ISMS folder usually sits. */
      g_autofree char *folder = g_path_get_dirname (vaern_document_get_path (document));
      g_autofree char *full = g_path_is_absolute (location)
                              ? g_strdup (location) : g_build_filename (folder, location, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (full);

      if (!g_file_query_exists (file, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       /* Translators: %s is a file's path */
                       _("“%s” does not exist. It may have moved; edit the document's location."),
                       location);
          return FALSE;
        }
      uri = g_file_get_uri (file);
    }
  return g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), error);
}

static void
location_chosen_cb (GtkWindow *parent,
                    GFile     *file,
                    gpointer   user_data)
{
  VaernIsmsDocumentEditor *self = user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *uri = path ? NULL : g_file_get_uri (file);

  vaern_entry_set_text (GTK_EDITABLE (self->location_row), path ? path : uri);
}

static void
choose_location_cb (VaernIsmsDocumentEditor *self)
{
  vaern_choose_file_full (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                          /* Translators: title of the file chooser for a document's file */
                          _("Where the Document Lives"),
                          /* Translators: button of the file chooser */
                          _("_Choose"), NULL, VAERN_FILES_ANY, location_chosen_cb,
                          g_object_ref (self), g_object_unref);
}

static void
open_location_cb (VaernIsmsDocumentEditor *self)
{
  g_autofree char *location = vaern_entry_get_text (GTK_EDITABLE (self->location_row));
  g_autoptr(GError) error = NULL;

  if (!vaern_open_location (GTK_WIDGET (self), self->document, location, &error))
    /* Translators: heading of an error message */
    vaern_show_error (GTK_WIDGET (self), _("Could Not Open the Document"), error);
}

static void
vaern_isms_document_editor_dispose (GObject *object)
{
  VaernIsmsDocumentEditor *self = VAERN_ISMS_DOCUMENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_ISMS_DOCUMENT_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->doc);

  G_OBJECT_CLASS (vaern_isms_document_editor_parent_class)->dispose (object);
}

static void
vaern_isms_document_editor_class_init (VaernIsmsDocumentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_isms_document_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_isms_document_editor_save;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/vaern/Vaern/vaern-isms-document-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernIsmsDocumentEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VaernIsmsDocumentEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VaernIsmsDocumentEditor, version_row);
  gtk_widget_class_bind_template_child (widget_class, VaernIsmsDocumentEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, VaernIsmsDocumentEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, VaernIsmsDocumentEditor, review_row);
  gtk_widget_class_bind_template_child (widget_class, VaernIsmsDocumentEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, VaernIsmsDocumentEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, choose_location_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_location_cb);
}

static void
vaern_isms_document_editor_init (VaernIsmsDocumentEditor *self)
{
  VaernEditor *editor = VAERN_EDITOR (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  vaern_editor_add_field (editor, "title", GTK_WIDGET (self->title_row));
  vaern_editor_add_field (editor, "kind", GTK_WIDGET (self->kind_row));
  vaern_editor_add_field (editor, "owner", GTK_WIDGET (self->owner_row));
  vaern_editor_add_field (editor, "next_review", GTK_WIDGET (self->review_row));
}

VaernIsmsDocumentEditor *
vaern_isms_document_editor_new (GtkWindow         *parent,
                                VaernDocument     *document,
                                VaernIsmsDocument *doc)
{
  VaernIsmsDocumentEditor *self;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (doc == NULL || VAERN_IS_ISMS_DOCUMENT (doc), NULL);

  self = g_object_new (VAERN_TYPE_ISMS_DOCUMENT_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->doc = doc ? g_object_ref (doc) : NULL;

  vaern_combo_row_set_enum (self->kind_row, &vaern_enum_doc_kind, doc ? doc->kind : VAERN_DOC_KIND_GUIDELINE);
  vaern_combo_row_set_enum (self->status_row, &vaern_enum_doc_status,
                            doc ? doc->status : VAERN_DOC_STATUS_DRAFT);
  self->owner_dropdown = vaern_record_dropdown_new (vaern_document_get_people (document), "name",
                                                    doc ? doc->owner_id : 0,
                                                    /* Translators: no owner chosen */
                                                    _("Nobody"));
  adw_action_row_add_suffix (self->owner_row, GTK_WIDGET (self->owner_dropdown));
  adw_action_row_set_activatable_widget (self->owner_row, GTK_WIDGET (self->owner_dropdown));
  if (doc)
    {
      vaern_entry_set_text (GTK_EDITABLE (self->title_row), doc->title);
      vaern_entry_set_text (GTK_EDITABLE (self->version_row), doc->version);
      vaern_entry_set_date (GTK_EDITABLE (self->review_row), doc->next_review);
      vaern_entry_set_text (GTK_EDITABLE (self->location_row), doc->location);
      vaern_text_view_set_text (self->notes_view, doc->notes);
    }
  vaern_editor_set_heading (VAERN_EDITOR (self),
                            doc
                            /* Translators: title of the document editor */
                            ? _("Edit Document")
                            /* Translators: title of the document editor for a new one */
                            : _("New Document"), doc ? doc->title : NULL);
  if (vaern_document_get_read_only (document))
    {
      /* Nothing to type into where nothing can be saved. */
      GtkWidget *rows[] = { GTK_WIDGET (self->title_row), GTK_WIDGET (self->kind_row),
                            GTK_WIDGET (self->version_row), GTK_WIDGET (self->status_row),
                            GTK_WIDGET (self->owner_dropdown), GTK_WIDGET (self->review_row) };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        gtk_widget_set_sensitive (rows[i], FALSE);
      gtk_editable_set_editable (GTK_EDITABLE (self->location_row), FALSE);
      gtk_text_view_set_editable (self->notes_view, FALSE);
    }
  vaern_editor_set_editable (VAERN_EDITOR (self), !vaern_document_get_read_only (document));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}
