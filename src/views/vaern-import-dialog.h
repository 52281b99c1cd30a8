/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

#define VAERN_TYPE_IMPORT_DIALOG (vaern_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VaernImportDialog, vaern_import_dialog, VAERN, IMPORT_DIALOG, AdwWindow)

/* Asks for a CSV file, reads it and shows the import dialog for it. */
void               vaern_import_dialog_choose  (GtkWindow         *parent,
                                                VaernDocument     *document);
/* The dialog: the columns mapped to fields, a preview of what will be
 * imported and what will be skipped and why. Takes the CSV. */
VaernImportDialog *vaern_import_dialog_new     (GtkWindow         *parent,
                                                VaernDocument     *document,
                                                VaernCsv          *csv,
                                                const char        *file_name);
void               vaern_import_dialog_set_mapping (VaernImportDialog *self,
                                                    guint              column,
                                                    VaernSystemField   field);
const VaernImportReport *vaern_import_dialog_get_preview (VaernImportDialog *self);
gboolean           vaern_import_dialog_import  (VaernImportDialog *self,
                                                GError           **error);

G_END_DECLS
