/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"
#include "vaern-editor.h"

G_BEGIN_DECLS

#define VAERN_TYPE_THREAT_EDITOR (vaern_threat_editor_get_type ())
G_DECLARE_FINAL_TYPE (VaernThreatEditor, vaern_threat_editor, VAERN, THREAT_EDITOR, VaernEditor)

/* A modal editor for a new threat (threat NULL) or an entry of the
 * catalogue: category (typed, or one of the categories in use), name and
 * description. Save emits ::saved with the threat's id; when the document
 * refuses, the message stays in the dialog with what was typed. */
VaernThreatEditor *vaern_threat_editor_new (GtkWindow     *parent,
                                            VaernDocument *document,
                                            VaernThreat   *threat);

G_END_DECLS
