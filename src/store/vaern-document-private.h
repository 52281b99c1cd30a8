/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "vaern-document.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

guint               vaern_schema_n_migrations   (void);
const char         *vaern_schema_migration      (guint from_version);
const char *const  *vaern_schema_audited_tables (guint *n_tables);

/* Generation of sample documents is creation, not editing: no change log and
 * no undo step. */
void                vaern_document_set_audit    (VaernDocument *self,
                                                 gboolean       audit);
void                vaern_document_forget_undo  (VaernDocument *self);

/* For tests: the raw connection, to look at what was written. */
sqlite3            *vaern_document_get_db       (VaernDocument *self);

G_END_DECLS
