/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/vaern-document.h"
#include "vaern-editor.h"

G_BEGIN_DECLS

/* The editor of an entry of the documents register: title, kind, version,
 * owner, status, next review, and where the file lives. */
#define VAERN_TYPE_ISMS_DOCUMENT_EDITOR (vaern_isms_document_editor_get_type ())
G_DECLARE_FINAL_TYPE (VaernIsmsDocumentEditor, vaern_isms_document_editor, VAERN,
                      ISMS_DOCUMENT_EDITOR, VaernEditor)

VaernIsmsDocumentEditor *vaern_isms_document_editor_new (GtkWindow         *parent,
                                                         VaernDocument     *document,
                                                         VaernIsmsDocument *doc);

/* Opens a document's location (a URL, or a path: a relative one from the
 * Værn document's folder) with the desktop's default application; FALSE
 * with an error a person can act on. */
gboolean vaern_open_location (GtkWidget     *widget,
                              VaernDocument *document,
                              const char    *location,
                              GError       **error);

G_END_DECLS
