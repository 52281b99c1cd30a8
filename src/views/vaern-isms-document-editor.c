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

  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  AdwEntryRow       *version_row;
  AdwComboRow       *status_row;
  AdwActionRow      *owner_row;
  GtkDropDown       *owner_dropdown;
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

  g_clear_object (&self->document);
  g_clear_object (&self->doc);

  G_OBJECT_CLASS (vaern_isms_document_editor_parent_class)->dispose (object);
}

static void
vaern_isms_document_editor_class_init (VaernIsmsDocumentEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vaern_isms_document_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_isms_document_editor_save;
}

static void
vaern_isms_document_editor_init (VaernIsmsDocumentEditor *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *button, *frame;

  gtk_window_set_default_size (GTK_WINDOW (self), 540, 560);
  adw_preferences_page_add (page, group);
  /* Translators: field of the document editor */
  self->title_row = vaern_entry_row_add (group, _("_Title"));
  /* Translators: field of the document editor: policy, guideline, … */
  self->kind_row = vaern_combo_row_add (group, _("_Kind"));
  /* Translators: field of the document editor: the document's own version, "2.1" */
  self->version_row = vaern_entry_row_add (group, _("_Version"));
  /* Translators: field of the document editor: draft, approved, … */
  self->status_row = vaern_combo_row_add (group, _("_Status"));
  self->owner_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Translators: field of the document editor: who keeps the document */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->owner_row), _("_Owner"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->owner_row), TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (self->owner_row));
  /* Translators: field of the document editor; a date like 01-06-2027 */
  self->review_row = vaern_entry_row_add (group, _("_Next Review"));

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* Translators: a group of the document editor */
  adw_preferences_group_set_title (group, _("File"));
  /* Translators: description of the document editor's file group */
  adw_preferences_group_set_description (group, _("A path or a web address. Værn keeps track of "
                                                  "the document; the file itself stays where it is."));
  adw_preferences_page_add (page, group);
  /* Translators: field of the document editor: a path or a URL */
  self->location_row = vaern_entry_row_add (group, _("_Location"));
  button = gtk_button_new_from_icon_name ("document-open-symbolic");
  /* Translators: tooltip of the button that chooses a document's file */
  gtk_widget_set_tooltip_text (button, _("Choose a File"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (button), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (choose_location_cb), self);
  adw_entry_row_add_suffix (self->location_row, button);
  button = gtk_button_new_from_icon_name ("go-jump-symbolic");
  /* Translators: tooltip of the button that opens a document's file */
  gtk_widget_set_tooltip_text (button, _("Open"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (button), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (open_location_cb), self);
  adw_entry_row_add_suffix (self->location_row, button);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* Translators: a group of the document editor */
  adw_preferences_group_set_title (group, _("Notes"));
  adw_preferences_page_add (page, group);
  frame = vaern_text_field_new (&self->notes_view, 60);
  adw_preferences_group_add (group, frame);

  vaern_editor_add_page (VAERN_EDITOR (self), GTK_WIDGET (page));
  vaern_editor_add_field (VAERN_EDITOR (self), "title", GTK_WIDGET (self->title_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "kind", GTK_WIDGET (self->kind_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "owner", GTK_WIDGET (self->owner_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "next_review", GTK_WIDGET (self->review_row));
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
