/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vaern-person-editor.h"

G_BEGIN_DECLS

/* For the tests: type into the fields (NULL leaves a field as it is; a
 * unit_id of -1 leaves the unit), press Save, read the message shown. */
void        vaern_person_editor_fill      (VaernPersonEditor *self,
                                           const char        *name,
                                           const char        *title,
                                           const char        *email,
                                           const char        *phone,
                                           gint64             unit_id);

G_END_DECLS
