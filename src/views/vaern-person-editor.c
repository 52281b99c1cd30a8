/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-person-editor.h"
#include "vaern-person-editor-private.h"
#include "widgets/vaern-ui-util.h"

struct _VaernPersonEditor
{
  VaernEditor     parent_instance;

  VaernDocument  *document;
  VaernPerson    *person;     /* the one being edited, or NULL for a new one */
  GtkDropDown    *unit_dropdown;

  /* Template widgets */
  AdwEntryRow    *name_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *phone_row;
  AdwActionRow   *unit_row;
};

G_DEFINE_FINAL_TYPE (VaernPersonEditor, vaern_person_editor, VAERN_TYPE_EDITOR)

/* The document's rules apply: a person needs a name, and an e-mail
 * address must look like one and be nobody else's. */
static gint64
vaern_person_editor_save (VaernEditor *editor,
                          GError     **error)
{
  VaernPersonEditor *self = VAERN_PERSON_EDITOR (editor);
  g_autoptr(VaernPerson) person = NULL;

  person = self->person ? vaern_person_copy (self->person) : vaern_person_new ();
  g_free (person->name);
  person->name = vaern_entry_get_text (GTK_EDITABLE (self->name_row));
  g_free (person->title);
  person->title = vaern_entry_get_text (GTK_EDITABLE (self->title_row));
  g_free (person->email);
  person->email = vaern_entry_get_text (GTK_EDITABLE (self->email_row));
  g_free (person->phone);
  person->phone = vaern_entry_get_text (GTK_EDITABLE (self->phone_row));
  person->unit_id = vaern_record_dropdown_get_id (self->unit_dropdown);

  if (self->person == NULL)
    return vaern_document_add_person (self->document, person, error);
  if (!vaern_document_update_person (self->document, person, error))
    return 0;
  return vaern_record_get_id (VAERN_RECORD (self->person));
}

void
vaern_person_editor_fill (VaernPersonEditor *self,
                          const char        *name,
                          const char        *title,
                          const char        *email,
                          const char        *phone,
                          gint64             unit_id)
{
  g_return_if_fail (VAERN_IS_PERSON_EDITOR (self));

  if (name)
    vaern_entry_set_text (GTK_EDITABLE (self->name_row), name);
  if (title)
    vaern_entry_set_text (GTK_EDITABLE (self->title_row), title);
  if (email)
    vaern_entry_set_text (GTK_EDITABLE (self->email_row), email);
  if (phone)
    vaern_entry_set_text (GTK_EDITABLE (self->phone_row), phone);
  if (unit_id >= 0)
    vaern_record_dropdown_set_id (self->unit_dropdown, unit_id);
}

static void
vaern_person_editor_dispose (GObject *object)
{
  VaernPersonEditor *self = VAERN_PERSON_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_PERSON_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (vaern_person_editor_parent_class)->dispose (object);
}

static void
vaern_person_editor_class_init (VaernPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_person_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_person_editor_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, unit_row);
}

static void
vaern_person_editor_init (VaernPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vaern_editor_add_field (VAERN_EDITOR (self), "name", GTK_WIDGET (self->name_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "email", GTK_WIDGET (self->email_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "unit", GTK_WIDGET (self->unit_row));
}

VaernPersonEditor *
vaern_person_editor_new (GtkWindow     *parent,
                         VaernDocument *document,
                         VaernPerson   *person)
{
  VaernPersonEditor *self;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (person == NULL || VAERN_IS_PERSON (person), NULL);

  self = g_object_new (VAERN_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->person = person ? g_object_ref (person) : NULL;

  if (person)
    {
      vaern_entry_set_text (GTK_EDITABLE (self->name_row), person->name);
      vaern_entry_set_text (GTK_EDITABLE (self->title_row), person->title);
      vaern_entry_set_text (GTK_EDITABLE (self->email_row), person->email);
      vaern_entry_set_text (GTK_EDITABLE (self->phone_row), person->phone);
    }
  /* Units are shown with their path, so two "Sekretariat" can be told apart. */
  self->unit_dropdown = vaern_record_dropdown_new (vaern_document_get_units (document), "path",
                                                   person ? person->unit_id : 0,
                                                   /* Translators: no unit chosen */
                                                   _("None"));
  adw_action_row_add_suffix (self->unit_row, GTK_WIDGET (self->unit_dropdown));
  adw_action_row_set_activatable_widget (self->unit_row, GTK_WIDGET (self->unit_dropdown));

  vaern_editor_set_heading (VAERN_EDITOR (self),
                            person
                            /* Translators: title of the person editor */
                            ? _("Edit Person")
                            /* Translators: title of the person editor for a new one */
                            : _("New Person"), person ? person->name : NULL);
  vaern_editor_set_editable (VAERN_EDITOR (self), !vaern_document_get_read_only (document));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
