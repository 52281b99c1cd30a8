/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "vaern-db.h"

G_BEGIN_DECLS

/* The SQLite side of the seam. A file document is one SQLite file; what
 * only a file has (its header, journal, integrity check, copies) is done by
 * the document on the handle itself. */

/* Takes the connection; when owned, closing the VaernDb closes it too.
 * Registers vaern_change_set() and vaern_row(), the audit triggers'
 * functions. */
VaernDb   *vaern_db_sqlite_wrap       (sqlite3  *handle,
                                       gboolean  owned);
/* Foreign keys on, untrusted schema, full sync; read-only, or exclusive
 * locking with a rollback journal. */
gboolean   vaern_db_sqlite_configure  (VaernDb  *db,
                                       gboolean  read_only,
                                       int       busy_timeout_ms);
sqlite3   *vaern_db_sqlite_handle     (VaernDb  *db);
/* Records rc (of a call on the handle outside the seam) as the last error. */
void       vaern_db_sqlite_note_error (VaernDb  *db,
                                       int       rc);

G_END_DECLS
