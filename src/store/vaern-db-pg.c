/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The seam over PostgreSQL, through libpq. Statements are prepared on the
 * server once per connection (named vaern_N) and run with their
 * parameters as text; a result is read whole and stepped through. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "vaern-db-pg.h"

/* Type OIDs of pg_type.h, which libpq does not export. */
#define BOOLOID    16
#define INT8OID    20
#define INT2OID    21
#define INT4OID    23
#define TEXTOID    25
#define OIDOID     26
#define FLOAT4OID  700
#define FLOAT8OID  701
#define NUMERICOID 1700

typedef struct
{
  VaernDb  parent;
  PGconn  *conn;
  gint64   changes;
  guint    next_name;
} DbPg;

typedef struct
{
  VaernDbStmt parent;
  char       *name;
  int         n_params;
  char      **values;       /* n_params, owned; NULL: NULL */
  PGresult   *desc;         /* the statement's columns, read when asked before a step */
  PGresult   *result;
  int         row;          /* the row a step is on; -1 before the first */
} StmtPg;

#define DB(db)     ((DbPg *) (db))
#define STMT(s)    ((StmtPg *) (s))

/* What a SQLSTATE means to the store. */
static VaernDbError
classify (const char *state,
          PGconn     *conn)
{
  if (PQstatus (conn) == CONNECTION_BAD)
    return VAERN_DB_E_CONNECTION;
  if (state == NULL)
    return VAERN_DB_E_OTHER;
  if (g_str_has_prefix (state, "23")            /* integrity constraint violation */
      || g_str_has_prefix (state, "22")         /* data exception (a bad date, a bad number) */
      || g_str_equal (state, "P0001"))          /* the schema's triggers: RAISE EXCEPTION */
    return VAERN_DB_E_CONSTRAINT;
  if (g_str_equal (state, "42501"))             /* insufficient privilege */
    return VAERN_DB_E_PERMISSION;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01")
      || g_str_equal (state, "55P03"))          /* serialization, deadlock, lock not available */
    return VAERN_DB_E_BUSY;
  if (g_str_equal (state, "53100"))             /* disk full */
    return VAERN_DB_E_FULL;
  if (g_str_equal (state, "25006"))             /* read-only transaction */
    return VAERN_DB_E_READ_ONLY;
  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    return VAERN_DB_E_CONNECTION;               /* connection exception, server shut down */
  return VAERN_DB_E_OTHER;
}

/* Keeps the result's error (or the connection's), and says whether the
 * result is a success. */
static gboolean
check_result (DbPg     *self,
              PGresult *result)
{
  ExecStatusType status = result ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  const char *message;
  g_autofree char *trimmed = NULL;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      vaern_db_set_error (&self->parent, VAERN_DB_OK, NULL);
      return TRUE;
    }
  message = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  if (message == NULL)
    message = PQerrorMessage (self->conn);
  trimmed = g_strstrip (g_strdup (message ? message : ""));
  vaern_db_set_error (&self->parent,
                      classify (result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL,
                                self->conn),
                      trimmed);
  return FALSE;
}

/* "?" and "?N" outside quotes and comments become "$N". Which numbers the
 * text uses is noted in used (up to 99 parameters). */
static char *
translate (const char *sql,
           int        *n_params,
           guint8      used[100])
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int next = 1;

  *n_params = 0;
  memset (used, 0, 100);
  for (const char *p = sql; *p; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          g_string_append_c (out, *p);
          for (p++; *p; p++)
            {
              g_string_append_c (out, *p);
              if (*p == quote)
                {
                  if (p[1] == quote)
                    g_string_append_c (out, *++p);
                  else
                    break;
                }
            }
          if (*p == '\0')
            break;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p && *p != '\n')
            g_string_append_c (out, *p++);
          if (*p == '\0')
            break;
          g_string_append_c (out, *p);
        }
      else if (*p == '?')
        {
          int number;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;

              number = (int) strtol (p + 1, &end, 10);
              p = end - 1;
            }
          else
            number = next;
          next = number + 1;
          number = CLAMP (number, 1, 99);
          used[number] = 1;
          *n_params = MAX (*n_params, number);
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Text in and out as UTF-8, dates as ISO, whatever the server's defaults. */
#define SESSION_SETUP \
  "SET client_encoding = 'UTF8'; SET client_min_messages = warning;" \
  " SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; SET TimeZone = 'UTC'"

/* The connection */

static void
pg_close (VaernDb *db)
{
  PQfinish (DB (db)->conn);
  g_free (db);
}

static gboolean
pg_exec (VaernDb    *db,
         const char *sql)
{
  PGresult *result = PQexec (DB (db)->conn, sql);
  gboolean ok = check_result (DB (db), result);

  if (ok)
    DB (db)->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  PQclear (result);
  return ok;
}

static gboolean
pg_in_transaction (VaernDb *db)
{
  PGTransactionStatusType status = PQtransactionStatus (DB (db)->conn);

  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

static gboolean
pg_begin (VaernDb *db)
{
  return pg_exec (db, "BEGIN");
}

static gint64
pg_changes (VaernDb *db)
{
  return DB (db)->changes;
}

static gboolean
pg_set_change_set (VaernDb *db,
                   gint64   change_set)
{
  g_autofree char *sql = NULL;

  /* Local to the transaction: it ends with it. Outside one there is
   * nothing to set. */
  if (!pg_in_transaction (db))
    return TRUE;
  sql = g_strdup_printf ("SELECT set_config ('vaern.change_set', '%" G_GINT64_FORMAT "', true)",
                         change_set);
  return pg_exec (db, sql);
}

static VaernDbStmt *
pg_prepare (VaernDb    *db,
            const char *sql)
{
  DbPg *self = DB (db);
  guint8 used[100];
  int n_params;
  g_autofree char *text = translate (sql, &n_params, used);
  g_autofree Oid *types = g_new0 (Oid, n_params + 1);
  g_autofree char *name = g_strdup_printf ("vaern_%u", ++self->next_name);
  PGresult *result;
  StmtPg *s;

  /* A parameter the text does not use would leave its type unknown. */
  for (int i = 1; i <= n_params; i++)
    types[i - 1] = used[i] ? 0 : TEXTOID;
  result = PQprepare (self->conn, name, text, n_params, types);
  if (!check_result (self, result))
    {
      g_debug ("PostgreSQL refused to prepare “%s”: %s", text, vaern_db_error_message (db));
      PQclear (result);
      return NULL;
    }
  PQclear (result);

  s = g_new0 (StmtPg, 1);
  s->parent.db = db;
  s->name = g_steal_pointer (&name);
  s->n_params = n_params;
  s->values = g_new0 (char *, n_params + 1);
  s->row = -1;
  return &s->parent;
}

static void
pg_reset (VaernDbStmt *stmt)
{
  g_clear_pointer (&STMT (stmt)->result, PQclear);
  STMT (stmt)->row = -1;
}

static void
pg_clear_bindings (VaernDbStmt *stmt)
{
  StmtPg *s = STMT (stmt);

  for (int i = 0; i < s->n_params; i++)
    g_clear_pointer (&s->values[i], g_free);
}

static void
pg_stmt_free (VaernDbStmt *stmt)
{
  StmtPg *s = STMT (stmt);
  DbPg *db = DB (stmt->db);

  pg_reset (stmt);
  pg_clear_bindings (stmt);
  g_clear_pointer (&s->desc, PQclear);
  if (PQstatus (db->conn) == CONNECTION_OK && PQtransactionStatus (db->conn) != PQTRANS_INERROR)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", s->name);

      PQclear (PQexec (db->conn, sql));
    }
  g_free (s->values);
  g_free (s->name);
  g_free (s);
}

static void
set_value (VaernDbStmt *stmt,
           int          index,
           char        *value)
{
  StmtPg *s = STMT (stmt);

  if (index < 1 || index > s->n_params)
    {
      g_free (value);
      return;
    }
  g_free (s->values[index - 1]);
  s->values[index - 1] = value;
}

static void
pg_bind_int (VaernDbStmt *stmt,
             int          index,
             gint64       value)
{
  set_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_bind_text (VaernDbStmt *stmt,
              int          index,
              const char  *text)
{
  set_value (stmt, index, g_strdup (text));
}

static void
pg_bind_null (VaernDbStmt *stmt,
              int          index)
{
  set_value (stmt, index, NULL);
}

static VaernDbStep
pg_step (VaernDbStmt *stmt)
{
  StmtPg *s = STMT (stmt);
  DbPg *db = DB (stmt->db);

  if (s->result == NULL)
    {
      s->result = PQexecPrepared (db->conn, s->name, s->n_params,
                                  (const char *const *) s->values, NULL, NULL, 0);
      if (!check_result (db, s->result))
        {
          g_debug ("PostgreSQL: %s failed: %s", s->name, vaern_db_error_message (stmt->db));
          g_clear_pointer (&s->result, PQclear);
          return VAERN_DB_ERROR;
        }
      db->changes = g_ascii_strtoll (PQcmdTuples (s->result), NULL, 10);
      s->row = -1;
    }
  if (PQresultStatus (s->result) != PGRES_TUPLES_OK)
    return VAERN_DB_DONE;
  if (s->row + 1 < PQntuples (s->result))
    {
      s->row++;
      return VAERN_DB_ROW;
    }
  s->row = PQntuples (s->result);
  return VAERN_DB_DONE;
}

/* The result that describes the columns: the rows', or the statement's. */
static PGresult *
columns_of (StmtPg *s)
{
  if (s->result != NULL)
    return s->result;
  if (s->desc == NULL)
    s->desc = PQdescribePrepared (DB (s->parent.db)->conn, s->name);
  return s->desc;
}

static int
pg_column_count (VaernDbStmt *stmt)
{
  PGresult *r = columns_of (STMT (stmt));

  return r ? PQnfields (r) : 0;
}

static const char *
pg_column_name (VaernDbStmt *stmt,
                int          column)
{
  PGresult *r = columns_of (STMT (stmt));

  return r ? PQfname (r, column) : NULL;
}

static gboolean
on_row (StmtPg *s,
        int     column)
{
  return s->result != NULL && s->row >= 0 && s->row < PQntuples (s->result)
         && column >= 0 && column < PQnfields (s->result);
}

static VaernDbType
pg_column_type (VaernDbStmt *stmt,
                int          column)
{
  StmtPg *s = STMT (stmt);

  if (!on_row (s, column) || PQgetisnull (s->result, s->row, column))
    return VAERN_DB_NULL;
  switch (PQftype (s->result, column))
    {
    case BOOLOID:
    case INT2OID:
    case INT4OID:
    case INT8OID:
    case OIDOID:
      return VAERN_DB_INTEGER;
    case FLOAT4OID:
    case FLOAT8OID:
    case NUMERICOID:
      return VAERN_DB_FLOAT;
    default:
      return VAERN_DB_TEXT;
    }
}

static gint64
pg_column_int (VaernDbStmt *stmt,
               int          column)
{
  StmtPg *s = STMT (stmt);
  const char *v;

  if (!on_row (s, column) || PQgetisnull (s->result, s->row, column))
    return 0;
  v = PQgetvalue (s->result, s->row, column);
  if (PQftype (s->result, column) == BOOLOID)
    return v[0] == 't';
  return g_ascii_strtoll (v, NULL, 10);
}

static const char *
pg_column_text (VaernDbStmt *stmt,
                int          column,
                gsize       *length)
{
  StmtPg *s = STMT (stmt);

  if (length)
    *length = 0;
  if (!on_row (s, column) || PQgetisnull (s->result, s->row, column))
    return NULL;
  if (length)
    *length = (gsize) PQgetlength (s->result, s->row, column);
  if (PQftype (s->result, column) == BOOLOID)
    return PQgetvalue (s->result, s->row, column)[0] == 't' ? "1" : "0";
  return PQgetvalue (s->result, s->row, column);
}

static const VaernDbBackend pg_backend = {
  .kind = VAERN_DB_POSTGRESQL,
  .close = pg_close,
  .exec = pg_exec,
  .in_transaction = pg_in_transaction,
  .begin = pg_begin,
  .changes = pg_changes,
  .set_change_set = pg_set_change_set,
  .prepare = pg_prepare,
  .stmt_free = pg_stmt_free,
  .reset = pg_reset,
  .clear_bindings = pg_clear_bindings,
  .bind_int = pg_bind_int,
  .bind_text = pg_bind_text,
  .bind_null = pg_bind_null,
  .step = pg_step,
  .column_count = pg_column_count,
  .column_name = pg_column_name,
  .column_type = pg_column_type,
  .column_int = pg_column_int,
  .column_text = pg_column_text,
};

static void
quiet_notices (void       *data,
               const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

/* The value of one setting of a location, or NULL. */
static char *
setting (const char *location,
         const char *keyword)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  char *value = NULL;

  if (options == NULL)
    return NULL;
  for (PQconninfoOption *o = options; o->keyword; o++)
    if (g_str_equal (o->keyword, keyword) && o->val && o->val[0])
      value = g_strdup (o->val);
  PQconninfoFree (options);
  return value;
}

char *
vaern_db_pg_location_setting (const char *location,
                              const char *keyword)
{
  return setting (location, keyword);
}

/* A server on this computer: a socket folder, or the loopback address. */
static gboolean
is_local (const char *host)
{
  return host == NULL || host[0] == '/' || host[0] == '@' || g_str_equal (host, "localhost")
         || g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1");
}

/* Passwords given for locations (from the keyring, or typed), by the
 * location's URI; never written into a location, a title or a list. */
static GMutex passwords_lock;
static GHashTable *passwords;

void
vaern_db_pg_set_password (const char *location,
                          const char *password)
{
  char *uri = vaern_db_pg_to_uri (location);

  if (uri == NULL)
    return;
  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password != NULL)
    g_hash_table_insert (passwords, uri, g_strdup (password));
  else
    {
      g_hash_table_remove (passwords, uri);
      g_free (uri);
    }
  g_mutex_unlock (&passwords_lock);
}

static char *
password_for (const char *location)
{
  g_autofree char *uri = vaern_db_pg_to_uri (location);
  char *password = NULL;

  g_mutex_lock (&passwords_lock);
  if (uri != NULL && passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, uri));
  g_mutex_unlock (&passwords_lock);
  return password;
}

VaernDb *
vaern_db_pg_connect (const char *conninfo)
{
  DbPg *self = g_new0 (DbPg, 1);
  g_autofree char *host = setting (conninfo, "host");
  g_autofree char *sslmode = setting (conninfo, "sslmode");
  g_autofree char *password = password_for (conninfo);
  g_autofree char *timeout = setting (conninfo, "connect_timeout");
  const char *keywords[8] = { "dbname", NULL };
  const char *values[8] = { conninfo, NULL };
  guint n = 1;
  PGresult *result;

  self->parent.backend = &pg_backend;
  /* The location's own settings come first (expanded from "dbname") and
   * the defaults below only where it has none. TLS is required for a
   * server on the network, unless the location (or PGSSLMODE) says
   * otherwise: libpq's default would fall back to plain text. A server
   * that does not answer is given up after ten seconds, not the system's
   * two minutes. */
  if (host == NULL)
    host = g_strdup (g_getenv ("PGHOST"));
  if (sslmode == NULL && g_getenv ("PGSSLMODE") == NULL && !is_local (host))
    {
      keywords[n] = "sslmode";
      values[n++] = "require";
    }
  if (timeout == NULL && g_getenv ("PGCONNECT_TIMEOUT") == NULL)
    {
      keywords[n] = "connect_timeout";
      values[n++] = "10";
    }
  if (password != NULL)
    {
      keywords[n] = "password";
      values[n++] = password;
    }
  /* The server keeps an application name in ASCII (it would show "V?rn");
   * the document finds its colleagues' sessions by it. */
  keywords[n] = "application_name";
  values[n++] = "Vaern";
  /* A network gone quiet is noticed within a minute or so. */
  keywords[n] = "keepalives_idle";
  values[n++] = "30";
  keywords[n] = NULL;
  self->conn = PQconnectdbParams (keywords, values, 1);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

      vaern_db_set_error (&self->parent, VAERN_DB_E_CONNECTION, message);
      return &self->parent;
    }
  PQsetNoticeProcessor (self->conn, quiet_notices, NULL);
  /* Text in and out as UTF-8, dates as ISO, whatever the server's defaults. */
  result = PQexec (self->conn, SESSION_SETUP);
  check_result (self, result);
  PQclear (result);
  return &self->parent;
}

VaernDbPgFailure
vaern_db_pg_connect_failure (VaernDb *db)
{
  const char *m = vaern_db_error_message (db);

  if (strstr (m, "password authentication failed") || strstr (m, "no password supplied")
      || strstr (m, "GSSAPI authentication failed") || strstr (m, "Kerberos"))
    return VAERN_DB_PG_PASSWORD;
  if (strstr (m, "database") && strstr (m, "does not exist"))
    return VAERN_DB_PG_NO_DATABASE;
  if (strstr (m, "permission denied for database") || strstr (m, "not permitted to log in")
      || strstr (m, "no pg_hba.conf entry") || (strstr (m, "role") && strstr (m, "does not exist")))
    return VAERN_DB_PG_NO_RIGHTS;
  if (strstr (m, "SSL") || strstr (m, "TLS"))
    return VAERN_DB_PG_TLS;
  if (strstr (m, "Connection refused") || strstr (m, "No such file or directory")
      || strstr (m, "could not translate host name") || strstr (m, "timeout expired")
      || strstr (m, "No route to host") || strstr (m, "Network is unreachable")
      || strstr (m, "could not connect"))
    return VAERN_DB_PG_UNREACHABLE;
  return VAERN_DB_PG_OTHER;
}

char *
vaern_db_pg_location_name (const char *location)
{
  g_autofree char *dbname = setting (location, "dbname");
  g_autofree char *host = setting (location, "host");

  if (dbname == NULL)
    dbname = setting (location, "user");
  if (dbname == NULL)
    dbname = g_strdup (g_get_user_name ());
  if (is_local (host))
    return g_steal_pointer (&dbname);
  /* Translators: a database on a server, "isms on db.example.dk" */
  return g_strdup_printf (_("%s on %s"), dbname, host);
}

gboolean
vaern_db_pg_connected (VaernDb *db)
{
  return db->backend == &pg_backend && PQstatus (DB (db)->conn) == CONNECTION_OK;
}

int
vaern_db_pg_server_version (VaernDb *db)
{
  g_return_val_if_fail (db->backend == &pg_backend, 0);
  return PQserverVersion (DB (db)->conn);
}

gboolean
vaern_db_pg_reconnect (VaernDb *db)
{
  PGresult *result;

  g_return_val_if_fail (db->backend == &pg_backend, FALSE);
  PQreset (DB (db)->conn);
  if (PQstatus (DB (db)->conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (DB (db)->conn)));

      vaern_db_set_error (db, VAERN_DB_E_CONNECTION, message);
      return FALSE;
    }
  result = PQexec (DB (db)->conn, SESSION_SETUP);
  check_result (DB (db), result);
  PQclear (result);
  return TRUE;
}

char *
vaern_db_pg_describe (VaernDb *db)
{
  PGconn *conn;
  const char *host;

  g_return_val_if_fail (db->backend == &pg_backend, NULL);
  conn = DB (db)->conn;
  host = PQhost (conn);
  /* A socket folder is "this computer". */
  if (is_local (host) || host[0] == '\0')
    /* Translators: a database on this computer and the user, "isms (anne)" */
    return g_strdup_printf (_("%s (%s)"), PQdb (conn), PQuser (conn));
  /* Translators: a database on a server, its port and the user,
   * "isms on db.example.dk:5432 (anne)" */
  return g_strdup_printf (_("%s on %s:%s (%s)"), PQdb (conn), host, PQport (conn), PQuser (conn));
}

gboolean
vaern_db_pg_is_location (const char *location)
{
  if (location == NULL)
    return FALSE;
  return g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://")
         || strstr (location, "dbname=") != NULL || g_str_has_prefix (location, "host=")
         || g_str_has_prefix (location, "service=");
}

char *
vaern_db_pg_to_uri (const char *location)
{
  PQconninfoOption *options;
  GString *uri;
  gboolean first = TRUE;

  if (location == NULL)
    return NULL;
  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return NULL;
  uri = g_string_new ("postgresql://");
  for (PQconninfoOption *o = options; o->keyword; o++)
    {
      g_autofree char *value = NULL;

      if (o->val == NULL || o->val[0] == '\0' || g_str_equal (o->keyword, "password"))
        continue;
      value = g_uri_escape_string (o->val, NULL, FALSE);
      g_string_append_printf (uri, "%c%s=%s", first ? '?' : '&', o->keyword, value);
      first = FALSE;
    }
  PQconninfoFree (options);
  return g_string_free (uri, FALSE);
}

gboolean
vaern_db_pg_ping (const char *location)
{
  const char *keywords[] = { "dbname", "connect_timeout", NULL };
  const char *values[] = { location, "5", NULL };

  return PQpingParams (keywords, values, 1) == PQPING_OK;
}

gboolean
vaern_db_pg_check_alive (VaernDb *db)
{
  PGconn *conn;

  g_return_val_if_fail (db->backend == &pg_backend, FALSE);
  conn = DB (db)->conn;
  /* Reads what the server sent, without waiting: a session it ended (a
   * restart, an administrator) shows as a closed connection. */
  if (PQstatus (conn) == CONNECTION_OK && PQconsumeInput (conn) && PQstatus (conn) == CONNECTION_OK)
    return TRUE;
  {
    g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

    vaern_db_set_error (db, VAERN_DB_E_CONNECTION, message);
  }
  return FALSE;
}

int
vaern_db_pg_socket (VaernDb *db)
{
  g_return_val_if_fail (db->backend == &pg_backend, -1);
  return DB (db)->conn ? PQsocket (DB (db)->conn) : -1;
}

gboolean
vaern_db_pg_take_notifications (VaernDb   *db,
                                GPtrArray *payloads)
{
  PGconn *conn;
  PGnotify *notify;
  int own;

  g_return_val_if_fail (db->backend == &pg_backend, FALSE);
  conn = DB (db)->conn;
  if (PQstatus (conn) != CONNECTION_OK || !PQconsumeInput (conn))
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

      vaern_db_set_error (db, VAERN_DB_E_CONNECTION, message);
      return FALSE;
    }
  own = PQbackendPID (conn);
  while ((notify = PQnotifies (conn)) != NULL)
    {
      if (notify->be_pid != own)
        g_ptr_array_add (payloads, g_strdup (notify->extra));
      PQfreemem (notify);
    }
  return TRUE;
}
