/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-ui-util.h"
#include "vaern-unit-editor.h"
#include "vaern-unit-editor-private.h"

/* A small editor for an organisational unit: name, kind and the unit it
 * belongs under. Built in code, as it has three fields; it behaves as the
 * other editors do (Save is the default, Escape cancels, errors stay in the
 * dialog). */

struct _VaernUnitEditor
{
  AdwWindow       parent_instance;

  VaernDocument  *document;
  VaernUnit      *unit;        /* the one being edited, or NULL for a new one */

  AdwWindowTitle *window_title;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwActionRow   *parent_row;
  GtkDropDown    *parent_dropdown;
};

G_DEFINE_FINAL_TYPE (VaernUnitEditor, vaern_unit_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (VaernUnitEditor *self,
            const char      *message,
            GtkWidget       *row)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (row)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
name_changed_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

/**
 * vaern_unit_editor_save:
 *
 * Writes the fields to the document; on failure the editor shows why and
 * stays open as it was.
 *
 * Returns: whether the unit was saved (and the editor closed).
 */
gboolean
vaern_unit_editor_save (VaernUnitEditor *self)
{
  g_autoptr(VaernUnit) unit = vaern_unit_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (VAERN_IS_UNIT_EDITOR (self), FALSE);

  if (vaern_document_get_read_only (self->document))
    return FALSE;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  if (self->unit)
    vaern_record_set_identity (VAERN_RECORD (unit), vaern_record_get_id (VAERN_RECORD (self->unit)),
                               vaern_record_get_digest (VAERN_RECORD (self->unit)));
  unit->name = vaern_entry_get_text (GTK_EDITABLE (self->name_row));
  unit->kind = adw_combo_row_get_selected (self->kind_row);
  unit->parent_id = vaern_record_dropdown_get_id (self->parent_dropdown);

  if (self->unit)
    {
      id = vaern_record_get_id (VAERN_RECORD (self->unit));
      if (!vaern_document_update_unit (self->document, unit, &error))
        id = 0;
    }
  else
    id = vaern_document_add_unit (self->document, unit, &error);

  if (id == 0)
    {
      GtkWidget *row = NULL;

      if (unit->name == NULL
          || g_error_matches (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE))
        row = GTK_WIDGET (self->name_row);
      show_error (self, error ? error->message : "", row);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
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

const char *
vaern_unit_editor_get_error (VaernUnitEditor *self)
{
  g_return_val_if_fail (VAERN_IS_UNIT_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  vaern_unit_editor_save (VAERN_UNIT_EDITOR (widget));
}

static void
vaern_unit_editor_dispose (GObject *object)
{
  VaernUnitEditor *self = VAERN_UNIT_EDITOR (object);

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

  /**
   * VaernUnitEditor::saved:
   * @id: the id of the saved unit
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vaern_unit_editor_init (VaernUnitEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel, *save, *label, *page, *group;

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 420);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 300);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  /* Translators: button of the unit editor */
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  /* Translators: button of the unit editor */
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "editor.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  gtk_box_append (GTK_BOX (box), header);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  self->error_label = GTK_LABEL (label);
  self->error_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->error_revealer, label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_revealer));

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  group = adw_preferences_group_new ();

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: field of the unit editor */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("_Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->name_row), TRUE);
  adw_entry_row_set_activates_default (self->name_row, TRUE);
  g_signal_connect (self->name_row, "changed", G_CALLBACK (name_changed_cb), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));

  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  /* Translators: field of the unit editor: directorate, department, … */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("_Kind"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->kind_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));

  self->parent_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Translators: field of the unit editor: the unit this one belongs under */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->parent_row), _("_Part Of"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->parent_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->parent_row));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
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

  if (unit)
    /* Translators: title of the unit editor */
    adw_window_title_set_title (self->window_title, _("Edit Unit"));
  else
    /* Translators: title of the unit editor for a new one */
    adw_window_title_set_title (self->window_title, _("New Unit"));
  adw_window_title_set_subtitle (self->window_title, unit ? unit->name : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 !vaern_document_get_read_only (document));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
