/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "core/vaern-date.h"
#include "render/vaern-heat-map.h"
#include "vaern-risk-editor.h"
#include "vaern-risks-view-private.h"
#include "vaern-scale-dialog.h"
#include "vaern-threats-dialog.h"
#include "vaern-view.h"
#include "widgets/vaern-file-chooser.h"

/* The risks view's actions: adding, editing and deleting risks, the scale
 * and the threat catalogue, printing and exporting the heat map page, and
 * where other views send a person (risks.show-asset, .show-undecided,
 * .show-overdue, .show-band). */


static void
select_risk (VaernRisksView *self,
             gint64          id)
{
  guint i = vaern_record_list_find (G_LIST_MODEL (self->selection), id);

  if (i != G_MAXUINT)
    vaern_table_select (self->table, i);
}

static void
editor_saved_cb (VaernRiskEditor *editor,
                 gint64           id,
                 VaernRisksView  *self)
{
  select_risk (self, id);
}

static void
open_editor (VaernRisksView *self,
             VaernRisk      *risk)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gint64 asset_id = self->asset_filter ? vaern_record_dropdown_get_id (self->asset_filter) : 0;
  VaernRiskEditor *editor;

  if (self->document == NULL)
    return;
  editor = vaern_risk_editor_new (GTK_WINDOW (root), self->document, risk, asset_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  open_editor (VAERN_RISKS_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  VaernRisksView *self = VAERN_RISKS_VIEW (widget);
  VaernRisk *risk = gtk_single_selection_get_selected_item (self->selection);

  if (risk)
    open_editor (self, risk);
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VaernRisksView *self = VAERN_RISKS_VIEW (widget);
  VaernRisk *risk = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  guint position, n;

  if (risk == NULL)
    return;
  title = g_strdup (risk->title);
  position = gtk_single_selection_get_selected (self->selection);
  if (!vaern_document_delete_risk (self->document, vaern_record_get_id (VAERN_RECORD (risk)),
                                   &error))
    {
      /* Translators: heading of an error message */
      vaern_show_error (widget, _("Could Not Delete"), error);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
  /* Translators: notification after deleting; %s is a risk scenario */
  message = g_strdup_printf (_("Risk “%s” deleted"), title);
  vaern_view_offer_undo (widget, message);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  vaern_risks_view_reset_filters (VAERN_RISKS_VIEW (widget), 0);
}

static void
edit_scale_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  VaernRisksView *self = VAERN_RISKS_VIEW (widget);
  GtkWidget *dialog = vaern_scale_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                              self->document);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_threats_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  VaernRisksView *self = VAERN_RISKS_VIEW (widget);
  GtkWidget *dialog = vaern_threats_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                self->document);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Printing and export draw the page the renderer makes for management. */

typedef struct
{
  VaernRiskScale *scale;
  guint          *inherent;
  guint          *residual;
  VaernHeatMapShow show;
  gboolean        safe;
  char           *organisation;
  GBytes         *logo;
  char           *scope;
  char           *date;
} PageData;

static void
page_data_free (gpointer data)
{
  PageData *p = data;

  vaern_risk_scale_free (p->scale);
  g_free (p->inherent);
  g_free (p->residual);
  g_free (p->organisation);
  g_clear_pointer (&p->logo, g_bytes_unref);
  g_free (p->scope);
  g_free (p->date);
  g_free (p);
}

static PageData *
page_data_new (VaernRisksView *self)
{
  PageData *p = g_new0 (PageData, 1);
  g_autofree char *today = vaern_date_today ();

  p->scale = vaern_risk_scale_copy (vaern_document_get_scale (self->document));
  vaern_risks_view_count_cells (self, &p->inherent, &p->residual);
  p->show = vaern_risks_view_shown_matrices (self);
  p->safe = g_settings_get_boolean (self->settings, "color-blind-palette");
  p->organisation = g_strdup (vaern_document_get_organisation (self->document));
  p->logo = vaern_document_get_logo (self->document);
  p->scope = vaern_risks_view_describe_scope (self);
  p->date = vaern_date_format (today);
  return p;
}

static void
page_data_fill (PageData         *p,
                VaernHeatMap     *map,
                VaernHeatMapPage *page)
{
  memset (map, 0, sizeof *map);
  map->scale = p->scale;
  map->inherent = p->inherent;
  map->residual = p->residual;
  map->show = p->show;
  map->safe_palette = p->safe;
  map->legend = TRUE;
  map->fg[3] = 1;
  map->bg[0] = map->bg[1] = map->bg[2] = map->bg[3] = 1;
  page->organisation = p->organisation;
  page->logo = p->logo;
  page->scope = p->scope;
  page->date = p->date;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PageData          *p)
{
  VaernHeatMap map;
  VaernHeatMapPage page;

  page_data_fill (p, &map, &page);
  vaern_heat_map_draw_page (gtk_print_context_get_cairo_context (context),
                            gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context), &map, &page);
}

/* Prints the heat map page; with @export_path, straight to that PDF file
 * without the print dialog (for tests). */
gboolean
vaern_risks_view_print (VaernRisksView *self,
                        const char     *export_path,
                        GError        **error)
{
  g_return_val_if_fail (VAERN_IS_RISKS_VIEW (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  return vaern_print_a4 (GTK_WIDGET (self),
                         /* Translators: the name of the print job */
                         _("Risk matrix"), GTK_PAGE_ORIENTATION_LANDSCAPE, NULL,
                         G_CALLBACK (draw_page_cb), page_data_new (self), page_data_free,
                         export_path, error);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!vaern_risks_view_print (VAERN_RISKS_VIEW (widget), NULL, &error))
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Print"), error);
}

static void
export_chosen_cb (GtkWindow *parent,
                  GFile     *file,
                  gpointer   user_data)
{
  PageData *p = user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  VaernHeatMap map;
  VaernHeatMapPage page;

  if (path)
    {
      page_data_fill (p, &map, &page);
      if (!vaern_heat_map_export (path, &map, &page, &error))
        /* Translators: heading of an error message */
        vaern_show_error (GTK_WIDGET (parent), _("Could Not Export"), error);
      else
        {
          g_autofree char *base = g_file_get_basename (file);
          /* Translators: notification; %s is a file name */
          g_autofree char *text = g_strdup_printf (_("Risk matrix saved as “%s”"), base);

          vaern_view_toast (GTK_WIDGET (parent), text);
        }
    }
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VaernRisksView *self = VAERN_RISKS_VIEW (widget);

  vaern_choose_file_full (GTK_WINDOW (gtk_widget_get_root (widget)), GTK_FILE_CHOOSER_ACTION_SAVE,
                     /* Translators: title of the file chooser */
                     _("Export Risk Matrix"),
                     /* Translators: button of the file chooser */
                     _("_Export"),
                     /* Translators: suggested file name of the exported heat map */
                     _("risk-matrix.pdf"), VAERN_FILES_PICTURES, export_chosen_cb,
                     page_data_new (self), page_data_free);
}

/* Where other views send a person (win.go-to, see vaern-view.h) */

static void
show_asset_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  vaern_risks_view_show_asset (VAERN_RISKS_VIEW (widget), g_variant_get_int64 (param));
}

static void
show_one_filter_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  if (g_str_equal (name, "risks.show-undecided"))
    vaern_risks_view_show_undecided (VAERN_RISKS_VIEW (widget));
  else
    vaern_risks_view_show_overdue (VAERN_RISKS_VIEW (widget));
}

static void
show_band_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  guint band;
  gboolean after_treatment;

  g_variant_get (param, "(ub)", &band, &after_treatment);
  vaern_risks_view_show_band (VAERN_RISKS_VIEW (widget), band, after_treatment);
}

void
vaern_risks_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "risks.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "risks.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "risks.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "risks.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "risks.edit-scale", NULL, edit_scale_action);
  gtk_widget_class_install_action (widget_class, "risks.edit-threats", NULL, edit_threats_action);
  gtk_widget_class_install_action (widget_class, "risks.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "risks.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "risks.show-asset", "x", show_asset_action);
  gtk_widget_class_install_action (widget_class, "risks.show-undecided", NULL, show_one_filter_action);
  gtk_widget_class_install_action (widget_class, "risks.show-overdue", NULL, show_one_filter_action);
  gtk_widget_class_install_action (widget_class, "risks.show-band", "(ub)", show_band_action);
}
