/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vaern-scale-dialog.h"

G_BEGIN_DECLS

/* For the tests, which drive the dialog as a person would. */

/* The entry of a level's name ("likelihood", "consequence"), of its
 * description ("likelihood-description", "consequence-description") or of
 * a band's name ("band"); index counts from 0. */
GtkWidget  *vaern_scale_dialog_get_row      (VaernScaleDialog *self,
                                             const char       *kind,
                                             guint             index);
/* Presses Apply: TRUE when the scale was changed (or nothing had changed)
 * and the dialog closed; FALSE when it shows a message or asks first. */
gboolean    vaern_scale_dialog_apply        (VaernScaleDialog *self);
/* The message shown in the dialog, or NULL. */
const char *vaern_scale_dialog_get_message  (VaernScaleDialog *self);
/* The question asked before levels are moved, while it is open. */
AdwMessageDialog *vaern_scale_dialog_get_question (VaernScaleDialog *self);
/* Answers the open question ("cancel" or "move") and closes it. */
void        vaern_scale_dialog_answer       (VaernScaleDialog *self,
                                             const char       *response);

G_END_DECLS
