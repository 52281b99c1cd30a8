/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/vaern-document.h"
#include "vaern-editor.h"

G_BEGIN_DECLS

/* The editor of one control of the Statement of Applicability: whether it
 * applies and why, how far it is implemented, who owns it, the documents
 * that describe it, the risks it treats, and notes. A control of an
 * approved version opens read-only. */
#define VAERN_TYPE_SOA_ENTRY_EDITOR (vaern_soa_entry_editor_get_type ())
G_DECLARE_FINAL_TYPE (VaernSoaEntryEditor, vaern_soa_entry_editor, VAERN, SOA_ENTRY_EDITOR,
                      VaernEditor)

VaernSoaEntryEditor *vaern_soa_entry_editor_new (GtkWindow     *parent,
                                                 VaernDocument *document,
                                                 VaernSoaEntry *entry);

/* For tests: the fields. */
void vaern_soa_entry_editor_set_applicable    (VaernSoaEntryEditor *self,
                                               gboolean             applicable);
void vaern_soa_entry_editor_set_justification (VaernSoaEntryEditor *self,
                                               const char          *text);

G_END_DECLS
