/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-asset-editor.h"
#include "widgets/vaern-ui-util.h"

struct _VaernAssetEditor
{
  VaernEditor    parent_instance;

  VaernDocument *document;
  VaernAsset    *asset;      /* the one being edited, or NULL for a new one */
  GtkDropDown   *unit_dropdown;
  GPtrArray     *using_checks; /* GtkCheckButton, with "unit-id" data */

  /* Template widgets */
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *purpose_row;
  AdwEntryRow    *supplier_row;
  AdwEntryRow    *kitos_row;
  AdwComboRow    *lifecycle_row;
  AdwComboRow    *hosting_row;
  AdwActionRow   *unit_row;
  AdwExpanderRow *using_row;
  AdwComboRow    *personal_data_row;
  AdwComboRow    *dpa_row;
  AdwEntryRow    *dpa_date_row;
  AdwComboRow    *criticality_row;
  AdwComboRow    *confidentiality_row;
  AdwComboRow    *integrity_row;
  AdwComboRow    *availability_row;
  AdwEntryRow    *review_row;
  AdwEntryRow    *notes_row;
};

G_DEFINE_FINAL_TYPE (VaernAssetEditor, vaern_asset_editor, VAERN_TYPE_EDITOR)

/* Builds the asset from the fields; the id is the edited asset's. */
static VaernAsset *
read_fields (VaernAssetEditor *self,
             GError          **error)
{
  g_autoptr(VaernAsset) asset = self->asset ? vaern_asset_copy (self->asset) : vaern_asset_new ();

  g_free (asset->name);
  asset->name = vaern_entry_get_text (GTK_EDITABLE (self->name_row));
  g_free (asset->purpose);
  asset->purpose = vaern_entry_get_text (GTK_EDITABLE (self->purpose_row));
  g_free (asset->supplier);
  asset->supplier = vaern_entry_get_text (GTK_EDITABLE (self->supplier_row));
  g_free (asset->kitos_uuid);
  asset->kitos_uuid = vaern_entry_get_text (GTK_EDITABLE (self->kitos_row));
  g_free (asset->notes);
  asset->notes = vaern_entry_get_text (GTK_EDITABLE (self->notes_row));

  asset->kind = adw_combo_row_get_selected (self->kind_row);
  asset->lifecycle = adw_combo_row_get_selected (self->lifecycle_row);
  asset->hosting = adw_combo_row_get_selected (self->hosting_row);
  asset->personal_data = adw_combo_row_get_selected (self->personal_data_row);
  asset->dpa = adw_combo_row_get_selected (self->dpa_row);
  asset->criticality = adw_combo_row_get_selected (self->criticality_row);
  asset->confidentiality = adw_combo_row_get_selected (self->confidentiality_row);
  asset->integrity = adw_combo_row_get_selected (self->integrity_row);
  asset->availability = adw_combo_row_get_selected (self->availability_row);
  asset->unit_id = vaern_record_dropdown_get_id (self->unit_dropdown);

  g_clear_pointer (&asset->dpa_date, g_free);
  g_clear_pointer (&asset->next_review, g_free);
  if (!vaern_editor_read_date (VAERN_EDITOR (self), "dpa_date", &asset->dpa_date, error)
      || !vaern_editor_read_date (VAERN_EDITOR (self), "next_review", &asset->next_review, error))
    return NULL;

  g_clear_pointer (&asset->using_unit_ids, g_array_unref);
  asset->using_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->using_checks->len; i++)
    {
      GtkCheckButton *check = self->using_checks->pdata[i];

      if (gtk_check_button_get_active (check))
        {
          gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "unit-id");

          g_array_append_val (asset->using_unit_ids, id);
        }
    }
  return g_steal_pointer (&asset);
}

static gint64
vaern_asset_editor_save (VaernEditor *editor,
                         GError     **error)
{
  VaernAssetEditor *self = VAERN_ASSET_EDITOR (editor);
  g_autoptr(VaernAsset) asset = read_fields (self, error);

  if (asset == NULL)
    return 0;
  if (self->asset == NULL)
    return vaern_document_add_asset (self->document, asset, error);
  if (!vaern_document_update_asset (self->document, asset, error))
    return 0;
  return vaern_record_get_id (VAERN_RECORD (self->asset));
}

static void
vaern_asset_editor_dispose (GObject *object)
{
  VaernAssetEditor *self = VAERN_ASSET_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_ASSET_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->asset);
  g_clear_pointer (&self->using_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (vaern_asset_editor_parent_class)->dispose (object);
}

static void
vaern_asset_editor_class_init (VaernAssetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_asset_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_asset_editor_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-asset-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, supplier_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, kitos_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, lifecycle_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, hosting_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, using_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, personal_data_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, dpa_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, dpa_date_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, criticality_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, confidentiality_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, integrity_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, availability_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, review_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssetEditor, notes_row);
}

static void
vaern_asset_editor_init (VaernAssetEditor *self)
{
  VaernEditor *editor = VAERN_EDITOR (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->using_checks = g_ptr_array_new ();
  vaern_editor_add_field (editor, "name", GTK_WIDGET (self->name_row));
  vaern_editor_add_field (editor, "kitos_uuid", GTK_WIDGET (self->kitos_row));
  vaern_editor_add_field (editor, "dpa_date", GTK_WIDGET (self->dpa_date_row));
  vaern_editor_add_field (editor, "next_review", GTK_WIDGET (self->review_row));
  vaern_editor_add_field (editor, "unit", GTK_WIDGET (self->unit_row));
}

static void
fill (VaernAssetEditor *self)
{
  VaernAsset *a = self->asset;
  GListModel *units = vaern_document_get_units (self->document);
  g_autoptr(GHashTable) used = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean read_only = vaern_document_get_read_only (self->document);

  vaern_combo_row_set_enum (self->kind_row, &vaern_enum_asset_kind, a ? a->kind : 0);
  vaern_combo_row_set_enum (self->lifecycle_row, &vaern_enum_lifecycle,
                            a ? a->lifecycle : VAERN_LIFECYCLE_IN_USE);
  vaern_combo_row_set_enum (self->hosting_row, &vaern_enum_hosting, a ? a->hosting : 0);
  vaern_combo_row_set_enum (self->personal_data_row, &vaern_enum_personal_data,
                            a ? a->personal_data : 0);
  vaern_combo_row_set_enum (self->dpa_row, &vaern_enum_dpa, a ? a->dpa : 0);
  vaern_combo_row_set_enum (self->criticality_row, &vaern_enum_level, a ? a->criticality : 0);
  vaern_combo_row_set_enum (self->confidentiality_row, &vaern_enum_level,
                            a ? a->confidentiality : 0);
  vaern_combo_row_set_enum (self->integrity_row, &vaern_enum_level, a ? a->integrity : 0);
  vaern_combo_row_set_enum (self->availability_row, &vaern_enum_level, a ? a->availability : 0);

  if (a)
    {
      vaern_entry_set_text (GTK_EDITABLE (self->name_row), a->name);
      vaern_entry_set_text (GTK_EDITABLE (self->purpose_row), a->purpose);
      vaern_entry_set_text (GTK_EDITABLE (self->supplier_row), a->supplier);
      vaern_entry_set_text (GTK_EDITABLE (self->kitos_row), a->kitos_uuid);
      vaern_entry_set_text (GTK_EDITABLE (self->notes_row), a->notes);
      vaern_entry_set_date (GTK_EDITABLE (self->dpa_date_row), a->dpa_date);
      vaern_entry_set_date (GTK_EDITABLE (self->review_row), a->next_review);
      for (guint i = 0; a->using_unit_ids && i < a->using_unit_ids->len; i++)
        g_hash_table_add (used, &g_array_index (a->using_unit_ids, gint64, i));
    }

  self->unit_dropdown = vaern_record_dropdown_new (units, "path", a ? a->unit_id : 0,
                                                   /* Translators: no unit chosen */
                                                   _("None"));
  adw_action_row_add_suffix (self->unit_row, GTK_WIDGET (self->unit_dropdown));
  adw_action_row_set_activatable_widget (self->unit_row, GTK_WIDGET (self->unit_dropdown));

  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(VaernUnit) unit = g_list_model_get_item (units, i);
      gint64 id = vaern_record_get_id (VAERN_RECORD (unit));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unit->path);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (used, &id));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "unit-id", g_memdup2 (&id, sizeof id), g_free);
      g_ptr_array_add (self->using_checks, check);
      adw_expander_row_add_row (self->using_row, row);
    }
  if (g_hash_table_size (used) > 0)
    {
      /* Translators: subtitle of "Used by": how many units use the system */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit",
                                                                "%u units",
                                                                g_hash_table_size (used)),
                                                   g_hash_table_size (used));

      adw_expander_row_set_subtitle (self->using_row, subtitle);
    }

  vaern_editor_set_heading (VAERN_EDITOR (self),
                            /* Translators: title of the asset editor */
                            a ? _("Edit Asset") : _("New Asset"), a ? a->name : NULL);
  vaern_editor_set_editable (VAERN_EDITOR (self), !read_only);
}

VaernAssetEditor *
vaern_asset_editor_new (GtkWindow     *parent,
                        VaernDocument *document,
                        VaernAsset    *asset)
{
  VaernAssetEditor *self;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);

  self = g_object_new (VAERN_TYPE_ASSET_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->asset = asset ? g_object_ref (asset) : NULL;
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
