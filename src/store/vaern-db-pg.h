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
/* Why a connection failed, from libpq's message. */
typedef enum
{
  VAERN_DB_PG_OTHER,
  VAERN_DB_PG_UNREACHABLE,   /* no server at that address, or none answering */
  VAERN_DB_PG_PASSWORD,      /* the password (or its lack) refused */
  VAERN_DB_PG_NO_DATABASE,   /* no database of that name */
  VAERN_DB_PG_NO_RIGHTS,     /* the login may not connect to it */
  VAERN_DB_PG_TLS,           /* no encrypted connection offered */
} VaernDbPgFailure;

VaernDbPgFailure vaern_db_pg_connect_failure (VaernDb *db);
/* "isms on db.example.dk" (or "isms" on this computer), for messages. */
char      *vaern_db_pg_location_name   (const char *location);
/* One setting of a location, or NULL. */
char      *vaern_db_pg_location_setting (const char *location,
                                         const char *keyword);
/* The password to give for location (NULL: forget it), kept in memory. */
void       vaern_db_pg_set_password    (const char *location,
                                        const char *password);
/* The server's version as 150004 for 15.4. */
int        vaern_db_pg_server_version  (VaernDb    *db);
/* Whether the session is still there (without waiting for the server). */
gboolean   vaern_db_pg_check_alive     (VaernDb    *db);
/* Connects again with the same settings; whether it worked. */
gboolean   vaern_db_pg_reconnect       (VaernDb    *db);
/* "isms on db.example.dk:5432 (anne)", for the window's title. */
char      *vaern_db_pg_describe        (VaernDb    *db);
/* The location as a postgresql:// URI, every setting but the password
 * (which belongs in the keyring) in it; NULL when libpq cannot read it. */
char      *vaern_db_pg_to_uri          (const char *location);
/* Whether the location's server answers (no login needed); blocks. */
gboolean   vaern_db_pg_ping            (const char *location);
/* The session's socket, to watch for what the server sends (-1: none). */
int        vaern_db_pg_socket          (VaernDb    *db);
/* Reads what the server has sent, without waiting, and appends the
 * payload of each notification from another session (those of this one
 * are dropped) to payloads; FALSE when the connection is gone. */
gboolean   vaern_db_pg_take_notifications (VaernDb   *db,
                                           GPtrArray *payloads);
/* Whether a location is a server's rather than a file's. */
gboolean   vaern_db_pg_is_location     (const char *location);

G_END_DECLS
