/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "widgets/vaern-ui-util.h"
#include "vaern-unit-editor.h"
#include "vaern-unit-editor-private.h"

/* A small editor for an organisational unit: name, kind and the unit it
 * belongs under (ui/vaern-unit-editor.ui); it behaves as the other editors
 * do (Save is the default, Escape cancels, errors stay in the dialog). */

struct _VaernUnitEditor
{
  VaernEditor     parent_instance;

  VaernDocument  *document;
  VaernUnit      *unit;        /* the one being edited, or NULL for a new one */

  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwActionRow   *parent_row;
  GtkDropDown    *parent_dropdown;  /* made from the document */
};

G_DEFINE_FINAL_TYPE (VaernUnitEditor, vaern_unit_editor, VAERN_TYPE_EDITOR)

static gint64
vaern_unit_editor_save (VaernEditor *editor,
                        GError     **error)
{
  VaernUnitEditor *self = VAERN_UNIT_EDITOR (editor);
  g_autoptr(VaernUnit) unit = vaern_unit_new ();

  if (self->unit)
    vaern_record_set_identity (VAERN_RECORD (unit), vaern_record_get_id (VAERN_RECORD (self->unit)),
                               vaern_record_get_digest (VAERN_RECORD (self->unit)));
  unit->name = vaern_entry_get_text (GTK_EDITABLE (self->name_row));
  unit->kind = adw_combo_row_get_selected (self->kind_row);
  unit->parent_id = vaern_record_dropdown_get_id (self->parent_dropdown);

  if (self->unit == NULL)
    return vaern_document_add_unit (self->document, unit, error);
  if (!vaern_document_update_unit (self->document, unit, error))
    return 0;
  return vaern_record_get_id (VAERN_RECORD (self->unit));
}

void
vaern_unit_editor_fill (VaernUnitEditor *self,
                        const char      *name,
                        gint64           parent_id)
{
  g_return_if_fail (VAERN_IS_UNIT_EDITOR (self));

  if (name)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  if (parent_id >= 0)
    vaern_record_dropdown_set_id (self->parent_dropdown, parent_id);
}

static void
vaern_unit_editor_dispose (GObject *object)
{
  VaernUnitEditor *self = VAERN_UNIT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_UNIT_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->unit);

  G_OBJECT_CLASS (vaern_unit_editor_parent_class)->dispose (object);
}

static void
vaern_unit_editor_class_init (VaernUnitEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_unit_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_unit_editor_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-unit-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernUnitEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VaernUnitEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VaernUnitEditor, parent_row);
}

static void
vaern_unit_editor_init (VaernUnitEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vaern_editor_add_field (VAERN_EDITOR (self), "name", GTK_WIDGET (self->name_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "parent", GTK_WIDGET (self->parent_row));
}

/* The units a unit can move under: all but itself and the units under it,
 * which follow it in the tree order with a greater depth. */
static GListModel *
possible_parents (GListModel *units,
                  VaernUnit  *unit)
{
  GListStore *store = g_list_store_new (VAERN_TYPE_UNIT);
  guint n = g_list_model_get_n_items (units);
  gboolean inside = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernUnit) other = g_list_model_get_item (units, i);

      if (unit && vaern_record_get_id (VAERN_RECORD (other))
                    == vaern_record_get_id (VAERN_RECORD (unit)))
        {
          inside = TRUE;
          continue;
        }
      if (inside && other->depth > unit->depth)
        continue;
      inside = FALSE;
      g_list_store_append (store, other);
    }
  return G_LIST_MODEL (store);
}

VaernUnitEditor *
vaern_unit_editor_new (GtkWindow     *parent,
                       VaernDocument *document,
                       VaernUnit     *unit,
                       gint64         parent_id)
{
  VaernUnitEditor *self;
  g_autoptr(GListModel) parents = NULL;
  g_autoptr(VaernUnit) parent_unit = NULL;
  guint kind;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (unit == NULL || VAERN_IS_UNIT (unit), NULL);

  self = g_object_new (VAERN_TYPE_UNIT_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->unit = unit ? g_object_ref (unit) : NULL;

  if (unit)
    {
      parent_id = unit->parent_id;
      kind = unit->kind;
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), unit->name ? unit->name : "");
    }
  else
    {
      /* A new unit at the top is most often a directorate, one under
       * something a department. */
      parent_unit = parent_id ? vaern_document_find_unit (document, parent_id) : NULL;
      if (parent_unit == NULL)
        parent_id = 0;
      kind = parent_unit ? VAERN_UNIT_KIND_DEPARTMENT : VAERN_UNIT_KIND_DIRECTORATE;
    }
  vaern_combo_row_set_enum (self->kind_row, &vaern_enum_unit_kind, kind);

  parents = possible_parents (vaern_document_get_units (document), unit);
  self->parent_dropdown = vaern_record_dropdown_new (parents, "path", parent_id,
                                                     /* Translators: a unit at the top of the
                                                      * organisation, under no other unit */
                                                     _("Nothing (top level)"));
  adw_action_row_add_suffix (self->parent_row, GTK_WIDGET (self->parent_dropdown));
  adw_action_row_set_activatable_widget (self->parent_row, GTK_WIDGET (self->parent_dropdown));

  vaern_editor_set_heading (VAERN_EDITOR (self),
                            unit
                            /* Translators: title of the unit editor */
                            ? _("Edit Unit")
                            /* Translators: title of the unit editor for a new one */
                            : _("New Unit"), unit ? unit->name : NULL);
  vaern_editor_set_editable (VAERN_EDITOR (self), !vaern_document_get_read_only (document));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
