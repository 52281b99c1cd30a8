/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vaern-document.h"

G_BEGIN_DECLS

/* Værn's own safety copies of the documents a person edits: one a day per
 * document, through SQLite's backup API, in a folder under the user's data
 * directory, the newest VAERN_BACKUPS_KEPT of each document kept. */

#define VAERN_BACKUPS_KEPT 14

/* The folder the copies are in ($XDG_DATA_HOME/vaern/backups). */
char     *vaern_backups_get_folder     (void);

/* Makes today's copy of @doc unless there is one; removes the oldest copies
 * of the same document beyond VAERN_BACKUPS_KEPT. @made says whether a copy
 * was written. */
gboolean  vaern_backups_make_daily     (VaernDocument *doc,
                                        gboolean      *made,
                                        GError       **error);

/* The newest copy of the document at @document_path and the day it was
 * made on (ISO 8601), or NULL when there is none. */
char     *vaern_backups_find_newest    (const char    *document_path,
                                        char         **date);

/* The copies of the document at @document_path, oldest first (paths). */
GPtrArray *vaern_backups_list          (const char    *document_path);

G_END_DECLS
