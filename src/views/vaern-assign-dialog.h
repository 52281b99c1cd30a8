/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

#define VAERN_TYPE_ASSIGN_DIALOG (vaern_assign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VaernAssignDialog, vaern_assign_dialog, VAERN, ASSIGN_DIALOG, AdwWindow)

/* A modal dialog that gives a person a role for an asset from a date. The
 * asset or the person may be 0 to be chosen in the dialog; role_id 0 picks
 * the first role that fits the asset. For a single-holder role that already
 * has a holder, the dialog says so and its button replaces the holder: it
 * never makes a second systemejer. */
VaernAssignDialog *vaern_assign_dialog_new (GtkWindow     *parent,
                                            VaernDocument *document,
                                            gint64         asset_id,
                                            gint64         person_id,
                                            gint64         role_id);

G_END_DECLS
