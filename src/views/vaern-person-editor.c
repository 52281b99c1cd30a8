/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-person-editor.h"
#include "vaern-person-editor-private.h"
#include "vaern-ui-util.h"

struct _VaernPersonEditor
{
  AdwWindow       parent_instance;

  VaernDocument  *document;
  VaernPerson    *person;     /* the one being edited, or NULL for a new one */
  GtkDropDown    *unit_dropdown;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *phone_row;
  AdwActionRow   *unit_row;
};

G_DEFINE_FINAL_TYPE (VaernPersonEditor, vaern_person_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (VaernPersonEditor *self,
            const char        *message,
            AdwEntryRow       *row)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (row)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

/* Typing in a field that was marked wrong takes the mark away. */
static void
field_changed_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/**
 * vaern_person_editor_save:
 *
 * Writes the fields to the document. When the document refuses (no name,
 * an e-mail address that is wrong or taken), the editor marks the field,
 * shows why, and stays open with what was typed.
 *
 * Returns: whether the person was saved (and the editor closed).
 */
gboolean
vaern_person_editor_save (VaernPersonEditor *self)
{
  g_autoptr(VaernPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (VAERN_IS_PERSON_EDITOR (self), FALSE);

  if (vaern_document_get_read_only (self->document))
    return FALSE;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");

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

  if (self->person)
    {
      id = vaern_record_get_id (VAERN_RECORD (self->person));
      if (!vaern_document_update_person (self->document, person, &error))
        id = 0;
    }
  else
    id = vaern_document_add_person (self->document, person, &error);

  if (id == 0)
    {
      /* The document's rules: a person needs a name, and an e-mail address
       * must look like one and be nobody else's. */
      AdwEntryRow *row = NULL;

      if (person->name == NULL)
        row = self->name_row;
      else if (g_error_matches (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID)
               || g_error_matches (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE))
        row = self->email_row;

      show_error (self, error ? error->message : "", row);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
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
    set_text (self->name_row, name);
  if (title)
    set_text (self->title_row, title);
  if (email)
    set_text (self->email_row, email);
  if (phone)
    set_text (self->phone_row, phone);
  if (unit_id >= 0)
    vaern_record_dropdown_set_id (self->unit_dropdown, unit_id);
}

const char *
vaern_person_editor_get_error (VaernPersonEditor *self)
{
  g_return_val_if_fail (VAERN_IS_PERSON_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  vaern_person_editor_save (VAERN_PERSON_EDITOR (widget));
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

  /**
   * VaernPersonEditor::saved:
   * @id: the id of the saved person
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPersonEditor, unit_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vaern_person_editor_init (VaernPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
      set_text (self->name_row, person->name);
      set_text (self->title_row, person->title);
      set_text (self->email_row, person->email);
      set_text (self->phone_row, person->phone);
    }
  /* Units are shown with their path, so two "Sekretariat" can be told apart. */
  self->unit_dropdown = vaern_record_dropdown_new (vaern_document_get_units (document), "path",
                                                   person ? person->unit_id : 0,
                                                   /* Translators: no unit chosen */
                                                   _("None"));
  adw_action_row_add_suffix (self->unit_row, GTK_WIDGET (self->unit_dropdown));
  adw_action_row_set_activatable_widget (self->unit_row, GTK_WIDGET (self->unit_dropdown));

  if (person)
    /* Translators: title of the person editor */
    adw_window_title_set_title (self->window_title, _("Edit Person"));
  else
    /* Translators: title of the person editor for a new one */
    adw_window_title_set_title (self->window_title, _("New Person"));
  adw_window_title_set_subtitle (self->window_title, person ? person->name : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 !vaern_document_get_read_only (document));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
