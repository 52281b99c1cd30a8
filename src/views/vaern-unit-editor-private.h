/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vaern-unit-editor.h"

G_BEGIN_DECLS

/* For the tests: type a name (NULL leaves it), choose a parent (-1 leaves
 * it, 0 is the top level), press Save, read the message shown. */
void        vaern_unit_editor_fill      (VaernUnitEditor *self,
                                         const char      *name,
                                         gint64           parent_id);

G_END_DECLS
