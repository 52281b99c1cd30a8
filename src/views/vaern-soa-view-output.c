/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-view.h"
#include "widgets/vaern-file-chooser.h"
#include "core/vaern-date.h"
#include "render/vaern-soa-table.h"
#include "report/vaern-report.h"
#include "vaern-soa-view-private.h"
#include "widgets/vaern-ui-util.h"

/* The SoA on paper and in files: printing and the PDF export draw the
 * same A4 table (src/render/vaern-soa-table.c); the XML export writes the
 * project's report vocabulary (src/report). All of them take the version
 * shown. */

static VaernSoaTable *
table_for (VaernSoaView *self)
{
  g_autofree char *today = vaern_date_today ();
  g_autofree char *date = vaern_date_format (today);

  return vaern_soa_table_new (vaern_soa_view_get_document (self), vaern_soa_view_get_version (self),
                              date);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                VaernSoaTable     *table)
{
  guint n = vaern_soa_table_paginate (table, gtk_print_context_get_cairo_context (context),
                                      gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              VaernSoaTable     *table)
{
  vaern_soa_table_draw_page (table, gtk_print_context_get_cairo_context (context), page);
}

gboolean
vaern_soa_view_print (VaernSoaView *self,
                      const char   *export_path,
                      GError      **error)
{
  g_return_val_if_fail (VAERN_IS_SOA_VIEW (self), FALSE);
  g_return_val_if_fail (vaern_soa_view_get_document (self) != NULL, FALSE);

  return vaern_print_a4 (GTK_WIDGET (self),
                         /* Translators: the name of the print job */
                         _("Statement of Applicability"), GTK_PAGE_ORIENTATION_PORTRAIT,
                         G_CALLBACK (begin_print_cb), G_CALLBACK (draw_page_cb), table_for (self),
                         (GDestroyNotify) vaern_soa_table_free, export_path, error);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!vaern_soa_view_print (VAERN_SOA_VIEW (widget), NULL, &error))
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Print"), error);
}

static void
saved (GtkWindow *parent,
       GFile     *file)
{
  g_autofree char *base = g_file_get_basename (file);
  /* Translators: notification; %s is a file name */
  g_autofree char *text = g_strdup_printf (_("Statement of Applicability saved as “%s”"), base);

  vaern_view_toast (GTK_WIDGET (parent), text);
}

static void
pdf_chosen_cb (GtkWindow *parent,
               GFile     *file,
               gpointer   user_data)
{
  VaernSoaTable *table = user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  if (!vaern_soa_table_export (table, path, &error))
    /* Translators: heading of an error message */
    vaern_show_error (GTK_WIDGET (parent), _("Could Not Export"), error);
  else
    saved (parent, file);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  vaern_choose_file_full (GTK_WINDOW (gtk_widget_get_root (widget)), GTK_FILE_CHOOSER_ACTION_SAVE,
                          /* Translators: title of the file chooser */
                          _("Export Statement of Applicability"),
                          /* Translators: button of the file chooser */
                          _("_Export"),
                          /* Translators: suggested file name of the exported SoA */
                          _("statement-of-applicability.pdf"), VAERN_FILES_PDF, pdf_chosen_cb,
                          table_for (VAERN_SOA_VIEW (widget)),
                          (GDestroyNotify) vaern_soa_table_free);
}

typedef struct
{
  VaernDocument *document;
  gint64         version_id;
} XmlExport;

static void
xml_export_free (gpointer data)
{
  XmlExport *x = data;

  g_object_unref (x->document);
  g_free (x);
}

static void
xml_chosen_cb (GtkWindow *parent,
               GFile     *file,
               gpointer   user_data)
{
  XmlExport *x = user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  if (!vaern_report_write_soa (x->document, x->version_id, path, &error))
    /* Translators: heading of an error message */
    vaern_show_error (GTK_WIDGET (parent), _("Could Not Export"), error);
  else
    saved (parent, file);
}

static void
export_xml_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  VaernSoaView *self = VAERN_SOA_VIEW (widget);
  XmlExport *x = g_new0 (XmlExport, 1);

  x->document = g_object_ref (vaern_soa_view_get_document (self));
  x->version_id = vaern_soa_view_get_version (self);
  vaern_choose_file_full (GTK_WINDOW (gtk_widget_get_root (widget)), GTK_FILE_CHOOSER_ACTION_SAVE,
                          /* Translators: title of the file chooser */
                          _("Export Statement of Applicability"),
                          /* Translators: button of the file chooser */
                          _("_Export"),
                          /* Translators: suggested file name of the exported SoA as XML */
                          _("statement-of-applicability.xml"), VAERN_FILES_XML, xml_chosen_cb, x,
                          xml_export_free);
}

void
vaern_soa_view_class_init_output (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "soa.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "soa.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "soa.export-xml", NULL, export_xml_action);
}
