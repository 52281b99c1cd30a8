/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vaern-assign-dialog.h"

G_BEGIN_DECLS

/* For the tests: choose as a person would (0 leaves a choice as it is; a
 * NULL date_text leaves the date), then press the confirm button. confirm
 * returns TRUE when the assignment was made and the dialog closed. */
void        vaern_assign_dialog_choose            (VaernAssignDialog *self,
                                                   gint64             asset_id,
                                                   gint64             role_id,
                                                   gint64             person_id,
                                                   const char        *date_text);
gboolean    vaern_assign_dialog_confirm           (VaernAssignDialog *self);
gboolean    vaern_assign_dialog_get_replaces      (VaernAssignDialog *self);
gboolean    vaern_assign_dialog_get_can_confirm   (VaernAssignDialog *self);
const char *vaern_assign_dialog_get_confirm_label (VaernAssignDialog *self);
const char *vaern_assign_dialog_get_message       (VaernAssignDialog *self);

G_END_DECLS
