/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/vaern-document.h"
#include "vaern-editor.h"

G_BEGIN_DECLS

/* Records management's approval: who approved and when, with a note. For
 * a new approval of the SoA or of a document the subject is given; for
 * any other the person chooses it (a risk assessment result, of all
 * systems or one, or something named). An existing approval can be
 * corrected, not moved to another subject. */
#define VAERN_TYPE_APPROVAL_EDITOR (vaern_approval_editor_get_type ())
G_DECLARE_FINAL_TYPE (VaernApprovalEditor, vaern_approval_editor, VAERN, APPROVAL_EDITOR,
                      VaernEditor)

/* approval: an existing one to edit, or a new one whose subject (and its
 * soa_version_id or document_id) is set; NULL for a new one of any kind. */
VaernApprovalEditor *vaern_approval_editor_new (GtkWindow     *parent,
                                                VaernDocument *document,
                                                VaernApproval *approval);

/* For tests */
void vaern_approval_editor_set_approved_by (VaernApprovalEditor *self,
                                            const char          *name);

G_END_DECLS
