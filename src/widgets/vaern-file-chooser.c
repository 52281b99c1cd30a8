/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "store/vaern-backups.h"

#include "vaern-file-chooser.h"

typedef struct
{
  GtkWindow         *parent;
  VaernFileCallback  callback;
  gpointer           user_data;
  GDestroyNotify     destroy;
} ChooseData;

static void
response_cb (GtkNativeDialog *dialog,
             int              response,
             gpointer         user_data)
{
  ChooseData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file)
        data->callback (data->parent, file, data->user_data);
    }
  g_clear_object (&data->parent);
  if (data->destroy)
    data->destroy (data->user_data);
  g_free (data);
  g_object_unref (dialog);
}

GFile *
vaern_export_folder (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *path = g_settings_get_string (settings, "export-folder");

  if (path[0] == '\0' || !g_file_test (path, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_file_new_for_path (path);
}

void
vaern_choose_file_full (GtkWindow            *parent,
                        GtkFileChooserAction  action,
                        const char           *title,
                        const char           *accept_label,
                        const char           *suggested_name,
                        VaernFileKind         kind,
                        VaernFileCallback     callback,
                        gpointer              user_data,
                        GDestroyNotify        destroy)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  ChooseData *data;

  native = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (kind == VAERN_FILES_FOLDER)
    {
      /* No filter: the chooser shows folders. */
    }
  else if (kind == VAERN_FILES_LOGO)
    {
      /* Translators: a file type in the file chooser */
      gtk_file_filter_set_name (filter, _("Pictures"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_mime_type (filter, "image/jpeg");
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      gtk_file_filter_add_suffix (filter, "png");
      gtk_file_filter_add_suffix (filter, "jpg");
      gtk_file_filter_add_suffix (filter, "jpeg");
      gtk_file_filter_add_suffix (filter, "svg");
    }
  else if (kind == VAERN_FILES_PICTURES)
    {
      /* Translators: file chooser filter */
      gtk_file_filter_set_name (filter, _("PDF, PNG or SVG pictures"));
      gtk_file_filter_add_suffix (filter, "pdf");
      gtk_file_filter_add_suffix (filter, "png");
      gtk_file_filter_add_suffix (filter, "svg");
    }
  else if (kind == VAERN_FILES_PDF)
    {
      /* Translators: a file type in the file chooser */
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else if (kind == VAERN_FILES_XML)
    {
      /* Translators: a file type in the file chooser */
      gtk_file_filter_set_name (filter, _("XML reports"));
      gtk_file_filter_add_suffix (filter, "xml");
    }
  else if (kind == VAERN_FILES_ANY)
    {
      /* Translators: a file type in the file chooser */
      gtk_file_filter_set_name (filter, _("All files"));
      gtk_file_filter_add_pattern (filter, "*");
    }
  else if (kind == VAERN_FILES_CSV)
    {
      /* Translators: a file type in the file chooser */
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  else
    {
      /* Translators: a file type in the file chooser */
      gtk_file_filter_set_name (filter, _("Værn documents"));
      gtk_file_filter_add_suffix (filter, "vaern");
      gtk_file_filter_add_mime_type (filter, "application/x-vaern");
    }
  if (kind != VAERN_FILES_FOLDER)
    {
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      if (action == GTK_FILE_CHOOSER_ACTION_OPEN && kind != VAERN_FILES_ANY)
        {
          /* Translators: a file type in the file chooser */
          gtk_file_filter_set_name (all, _("All files"));
          gtk_file_filter_add_pattern (all, "*");
          gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
        }
      gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
    }
  if (kind == VAERN_FILES_BACKUPS)
    {
      g_autofree char *path = vaern_backups_get_folder ();
      g_autoptr(GFile) folder = g_file_new_for_path (path);

      g_mkdir_with_parents (path, 0700);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  else if (action == GTK_FILE_CHOOSER_ACTION_SAVE && kind != VAERN_FILES_DOCUMENTS)
    {
      g_autoptr(GFile) folder = vaern_export_folder ();

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  if (suggested_name && action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  data = g_new0 (ChooseData, 1);
  data->parent = parent ? g_object_ref (parent) : NULL;
  data->callback = callback;
  data->user_data = user_data;
  data->destroy = destroy;
  g_signal_connect (native, "response", G_CALLBACK (response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
vaern_choose_file (GtkWindow            *parent,
                   GtkFileChooserAction  action,
                   const char           *title,
                   const char           *accept_label,
                   const char           *suggested_name,
                   VaernFileKind         kind,
                   VaernFileCallback     callback,
                   gpointer              user_data)
{
  vaern_choose_file_full (parent, action, title, accept_label, suggested_name, kind, callback,
                          user_data, NULL);
}
