/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-asset-editor.h"
#include "vaern-import-dialog.h"
#include "vaern-register-view-private.h"
#include "vaern-view.h"

/* The register's actions: adding, editing, duplicating, deleting and
 * importing assets, clearing the filters, from a system to its risks or
 * roles, and where other views send a person (register.show-findings,
 * .show-systems). */


static void
select_asset (VaernRegisterView *self,
              gint64             id)
{
  guint i = vaern_record_list_find (G_LIST_MODEL (self->selection), id);

  if (i == G_MAXUINT)
    return;
  vaern_table_select (self->table, i);
}

static void
editor_saved_cb (VaernAssetEditor  *editor,
                 gint64             id,
                 VaernRegisterView *self)
{
  select_asset (self, id);
}

static void
open_editor (VaernRegisterView *self,
             VaernAsset        *asset)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VaernAssetEditor *editor;

  if (self->document == NULL)
    return;
  editor = vaern_asset_editor_new (GTK_WINDOW (root), self->document, asset);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  open_editor (VAERN_REGISTER_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  VaernRegisterView *self = VAERN_REGISTER_VIEW (widget);
  VaernAsset *asset = vaern_register_view_get_selected (self);

  if (asset)
    open_editor (self, asset);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  VaernRegisterView *self = VAERN_REGISTER_VIEW (widget);
  VaernAsset *asset = vaern_register_view_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernAsset) copy = NULL;
  gint64 id;

  if (asset == NULL)
    return;
  id = vaern_document_duplicate_asset (self->document, vaern_record_get_id (VAERN_RECORD (asset)),
                                       &error);
  if (id == 0)
    {
      /* Translators: heading of an error message */
      vaern_show_error (widget, _("Could Not Duplicate"), error);
      return;
    }
  select_asset (self, id);
  copy = vaern_document_get_asset (self->document, id, NULL);
  if (copy)
    open_editor (self, copy);
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VaernRegisterView *self = VAERN_REGISTER_VIEW (widget);
  VaernAsset *asset = vaern_register_view_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *asset_name = NULL;
  guint position;

  if (asset == NULL)
    return;
  asset_name = g_strdup (asset->name);
  position = gtk_single_selection_get_selected (self->selection);
  if (!vaern_document_delete_asset (self->document, vaern_record_get_id (VAERN_RECORD (asset)),
                                    &error))
    {
      /* Translators: heading of an error message */
      vaern_show_error (widget, _("Could Not Delete"), error);
      return;
    }
  /* Keep the selection where it was, for deleting several in a row. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position,
                                            g_list_model_get_n_items (G_LIST_MODEL (self->selection)) - 1));
  /* Translators: notification after deleting; %s is the name of an asset */
  message = g_strdup_printf (_("“%s” deleted"), asset_name);
  vaern_view_offer_undo (widget, message);
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VaernRegisterView *self = VAERN_REGISTER_VIEW (widget);

  if (self->document)
    vaern_import_dialog_choose (GTK_WINDOW (gtk_widget_get_root (widget)), self->document);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  vaern_register_view_clear_filters (VAERN_REGISTER_VIEW (widget));
}

/* From a system to its risk assessment. */
static void
show_risks_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  VaernRegisterView *self = VAERN_REGISTER_VIEW (widget);
  VaernAsset *asset = vaern_register_view_get_selected (self);

  if (asset != NULL)
    vaern_view_go_to (widget, "risks", "risks.show-asset",
                      g_variant_new_int64 (vaern_record_get_id (VAERN_RECORD (asset))));
}

static void
show_roles_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  VaernRegisterView *self = VAERN_REGISTER_VIEW (widget);
  VaernAsset *asset = vaern_register_view_get_selected (self);

  if (asset != NULL)
    vaern_view_go_to (widget, "people", "people.show-asset",
                      g_variant_new_int64 (vaern_record_get_id (VAERN_RECORD (asset))));
}

/* Where other views send a person (win.go-to, see vaern-view.h) */

static void
show_findings_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  gtk_widget_activate_action (widget, "register.clear-filters", NULL);
  vaern_register_view_filter_findings (VAERN_REGISTER_VIEW (widget), g_variant_get_uint32 (param));
}

static void
show_systems_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  vaern_register_view_show_systems (VAERN_REGISTER_VIEW (widget));
}

void
vaern_register_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "register.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "register.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "register.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "register.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "register.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "register.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "register.show-roles", NULL, show_roles_action);
  gtk_widget_class_install_action (widget_class, "register.show-risks", NULL, show_risks_action);
  gtk_widget_class_install_action (widget_class, "register.show-findings", "u", show_findings_action);
  gtk_widget_class_install_action (widget_class, "register.show-systems", NULL, show_systems_action);
}
