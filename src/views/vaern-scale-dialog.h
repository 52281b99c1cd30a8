/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

#define VAERN_TYPE_SCALE_DIALOG (vaern_scale_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VaernScaleDialog, vaern_scale_dialog, VAERN, SCALE_DIALOG, AdwWindow)

/* A modal dialog that changes the document's risk scale: a preset or a
 * custom size, the name and description of every level, and the bands
 * with their colours, with a preview of the matrix. Apply checks the
 * scale, asks before the levels of existing risks are moved to a scale of
 * another size, and makes the change as one undo step. For a read-only
 * document the dialog only shows the scale. */
GtkWidget *vaern_scale_dialog_new (GtkWindow     *parent,
                                   VaernDocument *document);

G_END_DECLS
