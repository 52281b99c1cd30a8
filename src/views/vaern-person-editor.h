/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"
#include "vaern-editor.h"

G_BEGIN_DECLS

#define VAERN_TYPE_PERSON_EDITOR (vaern_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (VaernPersonEditor, vaern_person_editor, VAERN, PERSON_EDITOR, VaernEditor)

/* A modal editor for a new person (person NULL) or an existing one. Save
 * makes the edit as one undo step and emits ::saved with the person's id;
 * when the document refuses the edit, the message is shown in the dialog,
 * which stays open with what was typed. */
VaernPersonEditor *vaern_person_editor_new (GtkWindow     *parent,
                                            VaernDocument *document,
                                            VaernPerson   *person);

G_END_DECLS
