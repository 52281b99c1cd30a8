/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 has no GtkFileDialog; this is the one place that uses
 * GtkFileChooserNative (and so the file chooser portal in a sandbox). */

typedef enum
{
  VAERN_FILES_DOCUMENTS,
  VAERN_FILES_CSV,
  VAERN_FILES_PICTURES,   /* PDF, PNG and SVG */
  VAERN_FILES_PDF,
  VAERN_FILES_XML,
  VAERN_FILES_ANY,        /* any file: where a policy or a plan lives */
  VAERN_FILES_LOGO,       /* PNG, JPEG and SVG pictures */
  VAERN_FILES_FOLDER,     /* a folder (GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER) */
  VAERN_FILES_BACKUPS,    /* Værn documents, starting in the safety copies' folder */
} VaernFileKind;

/* An export (a save of anything but a document) starts in the folder of
 * the preferences' "export-folder" when it is set and still there. */

typedef void (*VaernFileCallback) (GtkWindow *parent,
                                   GFile     *file,
                                   gpointer   user_data);

/* The default export folder of the preferences, or NULL when none is set
 * or it is gone. */
GFile *vaern_export_folder (void);

void vaern_choose_file (GtkWindow            *parent,
                        GtkFileChooserAction  action,
                        const char           *title,
                        const char           *accept_label,
                        const char           *suggested_name,
                        VaernFileKind         kind,
                        VaernFileCallback     callback,
                        gpointer              user_data);

/* The same; destroy frees user_data when the chooser closes, whether a
 * file was chosen or not. */
void vaern_choose_file_full (GtkWindow            *parent,
                             GtkFileChooserAction  action,
                             const char           *title,
                             const char           *accept_label,
                             const char           *suggested_name,
                             VaernFileKind         kind,
                             VaernFileCallback     callback,
                             gpointer              user_data,
                             GDestroyNotify        destroy);

G_END_DECLS
