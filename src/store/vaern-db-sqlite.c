/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The seam over SQLite: a thin layer, one call each. */
#include "config.h"

#include <string.h>

#include "vaern-db-sqlite.h"

typedef struct
{
  VaernDb   parent;
  sqlite3  *handle;
  gboolean  owned;
  gint64    change_set;
  int       last_code;
} DbSqlite;

typedef struct
{
  VaernDbStmt   parent;
  sqlite3_stmt *stmt;
} StmtSqlite;

#define DB(db)     ((DbSqlite *) (db))
#define STMT(s)    (((StmtSqlite *) (s))->stmt)

static void
record_error (DbSqlite *self,
              int       rc)
{
  VaernDbError e;

  self->last_code = rc;
  switch (rc & 0xff)
    {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      vaern_db_set_error (&self->parent, VAERN_DB_OK, NULL);
      return;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      e = VAERN_DB_E_BUSY;
      break;
    case SQLITE_READONLY:
      e = rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTLOCK
          ? VAERN_DB_E_FOLDER : VAERN_DB_E_READ_ONLY;
      break;
    case SQLITE_FULL:
      e = VAERN_DB_E_FULL;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      e = VAERN_DB_E_FOLDER;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      e = VAERN_DB_E_DAMAGED;
      break;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:   /* a value of the wrong type in a STRICT table */
      e = VAERN_DB_E_CONSTRAINT;
      break;
    default:
      e = VAERN_DB_E_OTHER;
    }
  /* SQLite's message may quote bytes of the file; the seam makes it text. */
  vaern_db_set_error (&self->parent, e,
                      self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
}

/* The audit triggers' functions */

/* vaern_change_set(): the change set being written; 0 means: do not log. */
static void
change_set_func (sqlite3_context *context,
                 int              argc,
                 sqlite3_value  **argv)
{
  DbSqlite *self = sqlite3_user_data (context);

  /* A connection whose VaernDb is gone logs nothing. */
  sqlite3_result_int64 (context, self ? self->change_set : 0);
}

/* vaern_row('name', value, …): a row as a JSON object, for the audit
 * triggers. SQLite's own json_object() is not allowed in triggers while
 * trusted_schema is off, so the document brings its own, innocuous one. */
static void
append_json_string (GString    *s,
                    const char *text)
{
  g_string_append_c (s, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (s, "\\\"");
          break;
        case '\\':
          g_string_append (s, "\\\\");
          break;
        case '\n':
          g_string_append (s, "\\n");
          break;
        case '\r':
          g_string_append (s, "\\r");
          break;
        case '\t':
          g_string_append (s, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (s, "\\u%04x", *p);
          else
            g_string_append_c (s, *p);
        }
    }
  g_string_append_c (s, '"');
}

static void
row_json_func (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  GString *s = g_string_new ("{");

  for (int i = 0; i + 1 < argc; i += 2)
    {
      sqlite3_value *v = argv[i + 1];

      if (i > 0)
        g_string_append_c (s, ',');
      append_json_string (s, (const char *) sqlite3_value_text (argv[i]));
      g_string_append_c (s, ':');
      switch (sqlite3_value_type (v))
        {
        case SQLITE_NULL:
          g_string_append (s, "null");
          break;
        case SQLITE_INTEGER:
          g_string_append_printf (s, "%lld", (long long) sqlite3_value_int64 (v));
          break;
        case SQLITE_FLOAT:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (s, g_ascii_dtostr (buf, sizeof buf, sqlite3_value_double (v)));
          }
          break;
        default:
          append_json_string (s, (const char *) sqlite3_value_text (v));
        }
    }
  g_string_append_c (s, '}');
  sqlite3_result_text (context, s->str, s->len, g_free);
  g_string_free (s, FALSE);
}

/* PostgreSQL's greatest(), least() and string_agg(), so that the store's
 * queries are written once: SQLite's max(a, b) and group_concat() are
 * SQLite's alone. (SQLite 3.44 has string_agg() of its own.) */
static void
extreme_func (sqlite3_context *context,
              int              argc,
              sqlite3_value  **argv)
{
  gboolean greatest = sqlite3_user_data (context) != NULL;
  sqlite3_value *best = NULL;

  /* As PostgreSQL: NULLs are passed over. */
  for (int i = 0; i < argc; i++)
    {
      if (sqlite3_value_type (argv[i]) == SQLITE_NULL)
        continue;
      if (best == NULL
          || (greatest ? sqlite3_value_double (argv[i]) > sqlite3_value_double (best)
                       : sqlite3_value_double (argv[i]) < sqlite3_value_double (best)))
        best = argv[i];
    }
  if (best)
    sqlite3_result_value (context, best);
  else
    sqlite3_result_null (context);
}

static void
string_agg_step (sqlite3_context *context,
                 int              argc,
                 sqlite3_value  **argv)
{
  GString **s = sqlite3_aggregate_context (context, sizeof (GString *));
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (s == NULL || text == NULL)
    return;
  if (*s == NULL)
    *s = g_string_new (NULL);
  else
    g_string_append (*s, (const char *) sqlite3_value_text (argv[1]));
  g_string_append (*s, text);
}

static void
string_agg_final (sqlite3_context *context)
{
  GString **s = sqlite3_aggregate_context (context, 0);

  if (s == NULL || *s == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, (*s)->str, (int) (*s)->len, g_free);
  g_string_free (*s, FALSE);
}

static int
register_functions (sqlite3  *handle,
                    DbSqlite *self)
{
  const int pure = SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC;
  int rc = sqlite3_create_function (handle, "vaern_change_set", 0,
                                    SQLITE_UTF8 | SQLITE_INNOCUOUS, self,
                                    change_set_func, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (handle, "vaern_row", -1, pure, NULL, row_json_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (handle, "greatest", -1, pure, GINT_TO_POINTER (1),
                                  extreme_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (handle, "least", -1, pure, NULL, extreme_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (handle, "string_agg", 2, pure, NULL, NULL,
                                  string_agg_step, string_agg_final);
  return rc;
}

/* The connection */

static void
sqlite_close (VaernDb *db)
{
  DbSqlite *self = DB (db);

  if (self->handle != NULL)
    {
      if (self->owned)
        sqlite3_close_v2 (self->handle);
      else
        /* The caller keeps the connection: it must not call back into us. */
        register_functions (self->handle, NULL);
    }
  g_free (self);
}

static gboolean
sqlite_exec (VaernDb    *db,
             const char *sql)
{
  int rc = sqlite3_exec (DB (db)->handle, sql, NULL, NULL, NULL);

  record_error (DB (db), rc == SQLITE_OK ? rc : sqlite3_extended_errcode (DB (db)->handle));
  return rc == SQLITE_OK;
}

static gboolean
sqlite_in_transaction (VaernDb *db)
{
  return !sqlite3_get_autocommit (DB (db)->handle);
}

static gboolean
sqlite_begin (VaernDb *db)
{
  /* The write lock at once: no deadlock between two readers upgrading. */
  return sqlite_exec (db, "BEGIN IMMEDIATE");
}

static gint64
sqlite_changes (VaernDb *db)
{
  return sqlite3_changes64 (DB (db)->handle);
}

static gboolean
sqlite_set_change_set (VaernDb *db,
                       gint64   change_set)
{
  DB (db)->change_set = change_set;
  return TRUE;
}

static VaernDbStmt *
sqlite_prepare (VaernDb    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  StmtSqlite *s;
  int rc = sqlite3_prepare_v3 (DB (db)->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      record_error (DB (db), sqlite3_extended_errcode (DB (db)->handle));
      return NULL;
    }
  s = g_new0 (StmtSqlite, 1);
  s->parent.db = db;
  s->stmt = stmt;
  return &s->parent;
}

static void
sqlite_stmt_free (VaernDbStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
sqlite_reset (VaernDbStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static void
sqlite_clear_bindings (VaernDbStmt *stmt)
{
  sqlite3_clear_bindings (STMT (stmt));
}

static void
sqlite_bind_int (VaernDbStmt *stmt,
                 int          index,
                 gint64       value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_text (VaernDbStmt *stmt,
                  int          index,
                  const char  *text)
{
  if (text == NULL)
    sqlite3_bind_null (STMT (stmt), index);
  else
    sqlite3_bind_text (STMT (stmt), index, text, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_null (VaernDbStmt *stmt,
                  int          index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static VaernDbStep
sqlite_step (VaernDbStmt *stmt)
{
  int rc = sqlite3_step (STMT (stmt));

  if (rc == SQLITE_ROW)
    return VAERN_DB_ROW;
  if (rc == SQLITE_DONE)
    {
      DB (stmt->db)->last_code = SQLITE_OK;
      return VAERN_DB_DONE;
    }
  record_error (DB (stmt->db), sqlite3_extended_errcode (DB (stmt->db)->handle));
  return VAERN_DB_ERROR;
}

static int
sqlite_column_count (VaernDbStmt *stmt)
{
  return sqlite3_column_count (STMT (stmt));
}

static const char *
sqlite_column_name (VaernDbStmt *stmt,
                    int          column)
{
  return sqlite3_column_name (STMT (stmt), column);
}

static VaernDbType
sqlite_column_type (VaernDbStmt *stmt,
                    int          column)
{
  switch (sqlite3_column_type (STMT (stmt), column))
    {
    case SQLITE_NULL:
      return VAERN_DB_NULL;
    case SQLITE_INTEGER:
      return VAERN_DB_INTEGER;
    case SQLITE_FLOAT:
      return VAERN_DB_FLOAT;
    default:
      return VAERN_DB_TEXT;
    }
}

static gint64
sqlite_column_int (VaernDbStmt *stmt,
                   int          column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static const char *
sqlite_column_text (VaernDbStmt *stmt,
                    int          column,
                    gsize       *length)
{
  const char *text = (const char *) sqlite3_column_text (STMT (stmt), column);

  if (length)
    *length = (gsize) sqlite3_column_bytes (STMT (stmt), column);
  return text;
}

static const VaernDbBackend sqlite_backend = {
  .kind = VAERN_DB_SQLITE,
  .close = sqlite_close,
  .exec = sqlite_exec,
  .in_transaction = sqlite_in_transaction,
  .begin = sqlite_begin,
  .changes = sqlite_changes,
  .set_change_set = sqlite_set_change_set,
  .prepare = sqlite_prepare,
  .stmt_free = sqlite_stmt_free,
  .reset = sqlite_reset,
  .clear_bindings = sqlite_clear_bindings,
  .bind_int = sqlite_bind_int,
  .bind_text = sqlite_bind_text,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .column_count = sqlite_column_count,
  .column_name = sqlite_column_name,
  .column_type = sqlite_column_type,
  .column_int = sqlite_column_int,
  .column_text = sqlite_column_text,
};

VaernDb *
vaern_db_sqlite_wrap (sqlite3  *handle,
                      gboolean  owned)
{
  DbSqlite *self = g_new0 (DbSqlite, 1);
  int rc;

  self->parent.backend = &sqlite_backend;
  self->handle = handle;
  self->owned = owned;
  rc = register_functions (handle, self);
  if (rc != SQLITE_OK)
    record_error (self, rc);
  return &self->parent;
}

gboolean
vaern_db_sqlite_configure (VaernDb  *db,
                           gboolean  read_only,
                           int       busy_timeout_ms)
{
  sqlite3 *handle = DB (db)->handle;

  if (DB (db)->last_code != SQLITE_OK)
    return FALSE;
  sqlite3_extended_result_codes (handle, 1);
  sqlite3_busy_timeout (handle, busy_timeout_ms);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_FKEY, 1, NULL);

  if (!sqlite_exec (db, "PRAGMA foreign_keys = ON;"
                        "PRAGMA trusted_schema = OFF;"
                        "PRAGMA secure_delete = FAST;"
                        "PRAGMA synchronous = FULL;"))
    return FALSE;

  if (read_only)
    return sqlite_exec (db, "PRAGMA query_only = ON;");

  /* Exclusive locking keeps a second program (or a second Værn) from
   * writing the document under us; it gets a clear "in use" instead. */
  return sqlite_exec (db, "PRAGMA journal_mode = DELETE;"
                          "PRAGMA locking_mode = EXCLUSIVE;");
}

sqlite3 *
vaern_db_sqlite_handle (VaernDb *db)
{
  g_return_val_if_fail (db->backend == &sqlite_backend, NULL);
  return DB (db)->handle;
}

void
vaern_db_sqlite_note_error (VaernDb *db,
                            int      rc)
{
  record_error (DB (db), rc);
}
