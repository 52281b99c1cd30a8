/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"
#include "vaern-editor.h"

G_BEGIN_DECLS

#define VAERN_TYPE_UNIT_EDITOR (vaern_unit_editor_get_type ())
G_DECLARE_FINAL_TYPE (VaernUnitEditor, vaern_unit_editor, VAERN, UNIT_EDITOR, VaernEditor)

/* A modal editor for a new unit under parent_id (0: top level), or for an
 * existing unit (then parent_id is ignored). Save emits ::saved with the
 * unit's id; errors stay in the dialog with what was typed. */
VaernUnitEditor *vaern_unit_editor_new (GtkWindow     *parent,
                                        VaernDocument *document,
                                        VaernUnit     *unit,
                                        gint64         parent_id);

G_END_DECLS
