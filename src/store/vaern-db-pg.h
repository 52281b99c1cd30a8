/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vaern-db.h"

G_BEGIN_DECLS

/* The PostgreSQL side of the seam. A server document is one database (its
 * current schema); the location is a libpq connection string
 * ("host=… dbname=…") or URI ("postgresql://host/db"). */

/* Always returns a VaernDb; when the connection failed, its error says
 * why (VAERN_DB_E_CONNECTION) and vaern_db_pg_connected() is FALSE. */
VaernDb   *vaern_db_pg_connect         (const char *conninfo);
gboolean   vaern_db_pg_connected       (VaernDb    *db);
/* The server's version as 150004 for 15.4. */
int        vaern_db_pg_server_version  (VaernDb    *db);
/* Connects again with the same settings; whether it worked. */
gboolean   vaern_db_pg_reconnect       (VaernDb    *db);
/* "isms on db.example.dk:5432 (anne)", for the window's title. */
char      *vaern_db_pg_describe        (VaernDb    *db);
/* Whether a location is a server's rather than a file's. */
gboolean   vaern_db_pg_is_location     (const char *location);

G_END_DECLS
