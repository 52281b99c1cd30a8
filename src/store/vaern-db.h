/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The seam under the store: every statement the document runs goes through
 * these calls, to SQLite (vaern-db-sqlite.c) or to PostgreSQL through libpq
 * (vaern-db-pg.c). Nothing above the store sees them.
 *
 * The SQL is written once where the two dialects agree. Parameters are
 * written "?" (numbered in order) or "?N"; the PostgreSQL side turns them
 * into "$N". Where the dialects differ, the caller asks vaern_db_kind() and
 * keeps both texts side by side.
 *
 * Why a seam of our own and not libgda or libdbi: libgda (5.2 in Debian 12)
 * parses and rewrites every statement through its own SQL parser, wraps
 * values in GValues and brings a GObject meta-store we would not use; its
 * PostgreSQL provider lags the server and gives no hold of the connection
 * for LISTEN/NOTIFY, TLS settings or SQLSTATEs. libdbi's drivers quote
 * values into the text instead of binding parameters, and know neither
 * prepared statements on PostgreSQL nor SQLite's VFS, functions and
 * extended result codes, which the document's file safety rests on. The
 * store needs a dozen calls (prepare, bind, step, column, exec, error):
 * written here they are a few hundred lines over the two libraries Debian
 * already ships, and each backend keeps its full native API underneath. */

typedef struct _VaernDb     VaernDb;
typedef struct _VaernDbStmt VaernDbStmt;

typedef enum
{
  VAERN_DB_SQLITE,
  VAERN_DB_POSTGRESQL,
} VaernDbKind;

/* What vaern_db_step() returns. */
typedef enum
{
  VAERN_DB_ERROR = 0,
  VAERN_DB_ROW,
  VAERN_DB_DONE,
} VaernDbStep;

/* What went wrong, as far as the store's messages need to tell. */
typedef enum
{
  VAERN_DB_OK = 0,
  VAERN_DB_E_BUSY,        /* locked by another connection */
  VAERN_DB_E_READ_ONLY,   /* the document cannot be written */
  VAERN_DB_E_FOLDER,      /* the file's folder cannot be written */
  VAERN_DB_E_FULL,        /* disk full */
  VAERN_DB_E_DAMAGED,     /* a damaged file */
  VAERN_DB_E_CONSTRAINT,  /* a rule of the schema (CHECK, UNIQUE, FK, trigger) */
  VAERN_DB_E_PERMISSION,  /* the database login may not do this */
  VAERN_DB_E_CONNECTION,  /* the connection to the server is lost */
  VAERN_DB_E_OTHER,
} VaernDbError;

typedef enum
{
  VAERN_DB_NULL,
  VAERN_DB_INTEGER,
  VAERN_DB_FLOAT,
  VAERN_DB_TEXT,
} VaernDbType;

VaernDbKind   vaern_db_kind            (VaernDb     *db);
void          vaern_db_close           (VaernDb     *db);

/* The last error of the connection, and its message (valid UTF-8). */
VaernDbError  vaern_db_error           (VaernDb     *db);
const char   *vaern_db_error_message   (VaernDb     *db);

/* Runs one or more statements without parameters or rows. */
gboolean      vaern_db_exec            (VaernDb     *db,
                                        const char  *sql);
/* Whether a transaction is open (BEGIN without COMMIT or ROLLBACK yet). */
gboolean      vaern_db_in_transaction  (VaernDb     *db);
/* BEGIN for a write: SQLite takes the write lock at once. */
gboolean      vaern_db_begin           (VaernDb     *db);
/* Rows the last INSERT, UPDATE or DELETE changed. */
gint64        vaern_db_changes         (VaernDb     *db);
/* The change set the audit triggers write to, 0: none. */
gboolean      vaern_db_set_change_set  (VaernDb     *db,
                                        gint64       change_set);

/* A statement; NULL on error (see vaern_db_error()). */
VaernDbStmt  *vaern_db_prepare         (VaernDb     *db,
                                        const char  *sql);
void          vaern_db_stmt_free       (VaernDbStmt *stmt);
/* Back to before the first step; the bindings stay. */
void          vaern_db_reset           (VaernDbStmt *stmt);
void          vaern_db_clear_bindings  (VaernDbStmt *stmt);
void          vaern_db_bind_int        (VaernDbStmt *stmt,
                                        int          index,
                                        gint64       value);
/* NULL binds NULL. */
void          vaern_db_bind_text       (VaernDbStmt *stmt,
                                        int          index,
                                        const char  *text);
void          vaern_db_bind_null       (VaernDbStmt *stmt,
                                        int          index);
VaernDbStep   vaern_db_step            (VaernDbStmt *stmt);
int           vaern_db_column_count    (VaernDbStmt *stmt);
const char   *vaern_db_column_name     (VaernDbStmt *stmt,
                                        int          column);
VaernDbType   vaern_db_column_type     (VaernDbStmt *stmt,
                                        int          column);
gboolean      vaern_db_column_is_null  (VaernDbStmt *stmt,
                                        int          column);
gint64        vaern_db_column_int      (VaernDbStmt *stmt,
                                        int          column);
/* The text of the column (NULL for NULL), valid until the next step;
 * length may be NULL. */
const char   *vaern_db_column_text     (VaernDbStmt *stmt,
                                        int          column,
                                        gsize       *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VaernDbStmt, vaern_db_stmt_free)

/* The backends' private part: what a backend fills in. */
typedef struct
{
  VaernDbKind   kind;
  void          (*close)          (VaernDb *db);
  gboolean      (*exec)           (VaernDb *db, const char *sql);
  gboolean      (*in_transaction) (VaernDb *db);
  gboolean      (*begin)          (VaernDb *db);
  gint64        (*changes)        (VaernDb *db);
  gboolean      (*set_change_set) (VaernDb *db, gint64 change_set);
  VaernDbStmt  *(*prepare)        (VaernDb *db, const char *sql);
  void          (*stmt_free)      (VaernDbStmt *stmt);
  void          (*reset)          (VaernDbStmt *stmt);
  void          (*clear_bindings) (VaernDbStmt *stmt);
  void          (*bind_int)       (VaernDbStmt *stmt, int index, gint64 value);
  void          (*bind_text)      (VaernDbStmt *stmt, int index, const char *text);
  void          (*bind_null)      (VaernDbStmt *stmt, int index);
  VaernDbStep   (*step)           (VaernDbStmt *stmt);
  int           (*column_count)   (VaernDbStmt *stmt);
  const char   *(*column_name)    (VaernDbStmt *stmt, int column);
  VaernDbType   (*column_type)    (VaernDbStmt *stmt, int column);
  gint64        (*column_int)     (VaernDbStmt *stmt, int column);
  const char   *(*column_text)    (VaernDbStmt *stmt, int column, gsize *length);
} VaernDbBackend;

struct _VaernDb
{
  const VaernDbBackend *backend;
  VaernDbError          error;
  char                 *message;
};

struct _VaernDbStmt
{
  VaernDb *db;
};

/* For the backends: records the connection's last error. */
void          vaern_db_set_error       (VaernDb     *db,
                                        VaernDbError error,
                                        const char  *message);

G_END_DECLS
