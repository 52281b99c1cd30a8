/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "render/vaern-management-report.h"
#include "report/vaern-report.h"
#include "widgets/vaern-file-chooser.h"
#include "vaern-window.h"
#include "widgets/vaern-ui-util.h"

/* The reports from the window's menu: the management report as PDF, HTML
 * or XML, the system register and the full export as XML, and printing
 * the management report; the same writers as the command line's. */

typedef struct
{
  const char   *key;
  const char   *title;        /* the file chooser's */
  const char   *name;         /* the suggested file name, translated */
  const char   *extension;
  VaernFileKind kind;
} ReportKind;

static const ReportKind kinds[] = {
  /* Translators: title of a file chooser; the suggested file name follows */
  { "management-pdf", N_("Save the Management Report"), N_("Management report"), ".pdf",
    VAERN_FILES_PDF },
  { "management-html", N_("Save the Management Report"), N_("Management report"), ".html",
    VAERN_FILES_ANY },
  { "management-xml", N_("Save the Management Report"), N_("Management report"), ".xml",
    VAERN_FILES_XML },
  /* Translators: title of a file chooser; the suggested file name follows */
  { "systems", N_("Save the System Register"), N_("System register"), ".xml", VAERN_FILES_XML },
  /* Translators: title of a file chooser; the suggested file name follows */
  { "full", N_("Save a Full Export"), N_("Full export"), ".xml", VAERN_FILES_XML },
};

static const ReportKind *
find_kind (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].key, key) == 0)
      return &kinds[i];
  return NULL;
}

static gboolean
write_report (VaernDocument *doc,
              const char    *key,
              const char    *path,
              GError       **error)
{
  if (g_strcmp0 (key, "management-pdf") == 0)
    return vaern_management_report_export (doc, path, error);
  if (g_strcmp0 (key, "management-html") == 0)
    return vaern_report_write_management_html (doc, path, error);
  if (g_strcmp0 (key, "management-xml") == 0)
    return vaern_report_write_management (doc, path, error);
  if (g_strcmp0 (key, "systems") == 0)
    return vaern_report_write_systems (doc, path, error);
  return vaern_report_write_full (doc, path, error);
}

gboolean
vaern_window_write_report (VaernWindow *self,
                           const char  *key,
                           const char  *path,
                           GError     **error)
{
  VaernDocument *doc = vaern_window_get_document (self);

  g_return_val_if_fail (doc != NULL, FALSE);
  return write_report (doc, key, path, error);
}

/* What the file chooser was opened for: the report, of this document
 * (the window may have another by the time a file is chosen). */
typedef struct
{
  const ReportKind *kind;
  VaernDocument    *doc;
} Export;

static void
export_free (gpointer data)
{
  Export *e = data;

  g_object_unref (e->doc);
  g_free (e);
}

static void
chosen_cb (GtkWindow *parent,
           GFile     *file,
           gpointer   user_data)
{
  Export *e = user_data;
  VaernWindow *self = VAERN_WINDOW (parent);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  if (vaern_window_get_document (self) != e->doc)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                           /* Translators: why a report was not saved */
                           _("The document was closed before the report was saved."));
      vaern_window_show_error (self, _("Could Not Save the Report"), error);
      return;
    }
  if (!g_str_has_suffix (path, e->kind->extension))
    {
      char *with = g_strconcat (path, e->kind->extension, NULL);

      g_free (path);
      path = with;
      /* The file chooser asked about the name without the extension. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       /* Translators: %s is a file name */
                       _("“%s” already exists. Choose it by its whole name to replace it, "
                         "or choose another name."), name);
          /* Translators: heading of an error message */
          vaern_window_show_error (self, _("Could Not Save the Report"), error);
          return;
        }
    }
  if (!write_report (e->doc, e->kind->key, path, &error))
    /* Translators: heading of an error message */
    vaern_window_show_error (self, _("Could Not Save the Report"), error);
  else
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: a toast; %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

      vaern_window_add_toast (self, adw_toast_new (text));
    }
}

static void
export_report_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  VaernWindow *self = user_data;
  const ReportKind *kind = find_kind (g_variant_get_string (param, NULL));
  VaernDocument *doc = vaern_window_get_document (self);
  g_autofree char *name = NULL;
  Export *e;

  if (kind == NULL || doc == NULL)
    return;
  e = g_new0 (Export, 1);
  e->kind = kind;
  e->doc = g_object_ref (doc);
  name = g_strconcat (_(kind->name), kind->extension, NULL);
  vaern_choose_file_full (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _(kind->title),
                          /* Translators: a button */
                          _("_Save"), name, kind->kind, chosen_cb, e, export_free);
}

static void
begin_print_cb (GtkPrintOperation     *operation,
                GtkPrintContext       *context,
                VaernManagementReport *report)
{
  guint pages = vaern_management_report_paginate (report, gtk_print_context_get_cairo_context (context),
                                                  gtk_print_context_get_width (context),
                                                  gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
draw_page_cb (GtkPrintOperation     *operation,
              GtkPrintContext       *context,
              int                    page,
              VaernManagementReport *report)
{
  vaern_management_report_draw_page (report, gtk_print_context_get_cairo_context (context),
                                     (guint) page);
}

/* Prints the management report (export_path: to a PDF file without the
 * dialog, for tests). */
gboolean
vaern_window_print_report (VaernWindow *self,
                           const char  *export_path,
                           GError     **error)
{
  VaernDocument *doc = vaern_window_get_document (self);

  g_return_val_if_fail (doc != NULL, FALSE);
  return vaern_print_a4 (GTK_WIDGET (self),
                         /* Translators: the name of the print job */
                         _("Management Report"), GTK_PAGE_ORIENTATION_PORTRAIT,
                         G_CALLBACK (begin_print_cb), G_CALLBACK (draw_page_cb),
                         vaern_management_report_new (doc, NULL),
                         (GDestroyNotify) vaern_management_report_free, export_path, error);
}

static void
print_report_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  g_autoptr(GError) error = NULL;

  if (vaern_window_get_document (user_data) != NULL
      && !vaern_window_print_report (user_data, NULL, &error))
    /* Translators: heading of an error message */
    vaern_window_show_error (user_data, _("Could Not Print"), error);
}

static const GActionEntry report_actions[] = {
  { "export-report", export_report_action, "s" },
  { "print-report", print_report_action },
};

void
vaern_window_add_report_actions (VaernWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), report_actions,
                                   G_N_ELEMENTS (report_actions), self);
}
