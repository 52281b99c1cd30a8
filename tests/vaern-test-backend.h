/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib.h>

#include "store/vaern-db-pg.h"
#include "store/vaern-document-private.h"

G_BEGIN_DECLS

/* The same test against both kinds of document. Run plainly, a test's
 * documents are files; run through tests/with-postgresql.sh (the suite's
 * "-pg" tests), they are databases on the PostgreSQL server that script
 * started for it. */

static inline gboolean
vaern_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("VAERN_TEST_BACKEND"), "postgresql") == 0;
}

/* A new, empty database on the test server; its connection string. */
static inline char *
vaern_test_new_database (const char *name)
{
  static guint counter;
  const char *host = g_getenv ("VAERN_TEST_PGHOST");
  const char *user = g_getenv ("VAERN_TEST_PGUSER");
  g_autofree char *admin = g_strdup_printf ("host=%s user=%s dbname=postgres", host, user);
  g_autoptr(GString) db = g_string_new (NULL);
  g_autofree char *sql = NULL;
  PGconn *conn;
  PGresult *result;

  g_assert_nonnull (host);
  g_string_printf (db, "t%d_%u_", (int) getpid (), ++counter);
  for (const char *p = name; *p && db->len < 60; p++)
    g_string_append_c (db, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_');
  conn = PQconnectdb (admin);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  sql = g_strdup_printf ("CREATE DATABASE \"%s\" TEMPLATE template0 ENCODING 'UTF8'", db->str);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s", PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
  return g_strdup_printf ("host=%s user=%s dbname=%s", host, user, db->str);
}

/* Where a new document named name goes: the file dir/name, or a new
 * database on the test server. */
static inline char *
vaern_test_location (const char *dir,
                     const char *name)
{
  if (vaern_test_on_server ())
    return vaern_test_new_database (name);
  return g_build_filename (dir, name, NULL);
}

/* Bare SQL on the document, as another program would send it (on a
 * server, through a connection of its own): VAERN_TEST_SQL_OK, or
 * _REFUSED when a rule of the schema refused it, or _FAILED. */
typedef enum
{
  VAERN_TEST_SQL_OK,
  VAERN_TEST_SQL_REFUSED,
  VAERN_TEST_SQL_FAILED,
} VaernTestSql;

static inline VaernTestSql
vaern_test_exec (VaernDocument *doc,
                 const char    *sql)
{
  PGconn *conn;
  PGresult *result;
  VaernTestSql outcome;

  if (!vaern_test_on_server ())
    {
      int rc = sqlite3_exec (vaern_document_get_db (doc), sql, NULL, NULL, NULL);

      if (rc == SQLITE_OK)
        return VAERN_TEST_SQL_OK;
      return (rc & 0xff) == SQLITE_CONSTRAINT ? VAERN_TEST_SQL_REFUSED : VAERN_TEST_SQL_FAILED;
    }
  conn = PQconnectdb (vaern_document_get_path (doc));
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK)
    outcome = VAERN_TEST_SQL_OK;
  else
    {
      const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);

      g_test_message ("refused: %s", PQresultErrorMessage (result));
      outcome = state && (g_str_has_prefix (state, "23") || g_str_equal (state, "P0001"))
                ? VAERN_TEST_SQL_REFUSED : VAERN_TEST_SQL_FAILED;
    }
  PQclear (result);
  PQfinish (conn);
  return outcome;
}

/* The one number a query gives. */
static inline gint64
vaern_test_query_int (VaernDocument *doc,
                      const char    *sql)
{
  gint64 n;

  if (!vaern_test_on_server ())
    {
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (vaern_document_get_db (doc), sql, -1, &stmt, NULL),
                       ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      n = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  else
    {
      PGconn *conn = PQconnectdb (vaern_document_get_path (doc));
      PGresult *result = PQexec (conn, sql);

      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("%s: %s", sql, PQresultErrorMessage (result));
      g_assert_cmpint (PQntuples (result), ==, 1);
      n = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      PQclear (result);
      PQfinish (conn);
    }
  return n;
}

/* A connection of the test's own to the document at location, through
 * the store's seam (a file is opened read-only: close the document first,
 * it holds the file locked). */
static inline VaernDb *
vaern_test_open_db (const char *location)
{
  VaernDb *db;

  if (vaern_test_on_server ())
    {
      db = vaern_db_pg_connect (location);
      g_assert_true (vaern_db_pg_connected (db));
    }
  else
    {
      sqlite3 *handle = NULL;

      g_assert_cmpint (sqlite3_open_v2 (location, &handle, SQLITE_OPEN_READONLY, NULL), ==,
                       SQLITE_OK);
      db = vaern_db_sqlite_wrap (handle, TRUE);
    }
  return db;
}

/* Nothing is at location: no file, or a database without a table. */
static inline void
vaern_test_assert_no_document (const char *location)
{
  PGconn *conn;
  PGresult *result;

  if (!vaern_test_on_server ())
    {
      g_assert_false (g_file_test (location, G_FILE_TEST_EXISTS));
      return;
    }
  conn = PQconnectdb (location);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpstr (PQgetvalue (result, 0, 0), ==, "0");
  PQclear (result);
  PQfinish (conn);
}

/* Who the change log says made a change: the database login on a server,
 * the system's user name in a file. */
static inline const char *
vaern_test_actor (void)
{
  return vaern_test_on_server () ? g_getenv ("VAERN_TEST_PGUSER") : g_get_user_name ();
}

/* A test of what only a file has (its bytes, its journal, its folder). */
#define VAERN_TEST_FILE_ONLY() \
  G_STMT_START { \
    if (vaern_test_on_server ()) \
      { \
        g_test_skip ("a file document's test"); \
        return; \
      } \
  } G_STMT_END

/* A test of what only a server has. */
#define VAERN_TEST_SERVER_ONLY() \
  G_STMT_START { \
    if (!vaern_test_on_server ()) \
      { \
        g_test_skip ("a server document's test"); \
        return; \
      } \
  } G_STMT_END

G_END_DECLS
