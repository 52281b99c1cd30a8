/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

#define VAERN_TYPE_THREATS_DIALOG (vaern_threats_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VaernThreatsDialog, vaern_threats_dialog, VAERN, THREATS_DIALOG, AdwWindow)

/* The threat catalogue of a document: a sortable list with a search field,
 * from which threats are added (Ctrl+N), edited (Enter or a double click)
 * and deleted (Delete; a threat that risks use is deleted only after a
 * question). A deletion can be undone from the notification in the
 * dialog itself. */
GtkWidget *vaern_threats_dialog_new (GtkWindow     *parent,
                                     VaernDocument *document);

G_END_DECLS
