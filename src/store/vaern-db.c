/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The seam's calls, handed to the connection's backend. */
#include "config.h"

#include "vaern-db.h"

VaernDbKind
vaern_db_kind (VaernDb *db)
{
  return db->backend->kind;
}

void
vaern_db_close (VaernDb *db)
{
  if (db == NULL)
    return;
  g_free (db->message);
  db->backend->close (db);
}

void
vaern_db_set_error (VaernDb     *db,
                    VaernDbError error,
                    const char  *message)
{
  db->error = error;
  g_free (db->message);
  db->message = message ? g_utf8_make_valid (message, -1) : NULL;
}

VaernDbError
vaern_db_error (VaernDb *db)
{
  return db->error;
}

const char *
vaern_db_error_message (VaernDb *db)
{
  return db->message ? db->message : "";
}

gboolean
vaern_db_exec (VaernDb    *db,
               const char *sql)
{
  return db->backend->exec (db, sql);
}

gboolean
vaern_db_in_transaction (VaernDb *db)
{
  return db->backend->in_transaction (db);
}

gboolean
vaern_db_begin (VaernDb *db)
{
  return db->backend->begin (db);
}

gint64
vaern_db_changes (VaernDb *db)
{
  return db->backend->changes (db);
}

gboolean
vaern_db_set_change_set (VaernDb *db,
                         gint64   change_set)
{
  return db->backend->set_change_set (db, change_set);
}

VaernDbStmt *
vaern_db_prepare (VaernDb    *db,
                  const char *sql)
{
  return db->backend->prepare (db, sql);
}

void
vaern_db_stmt_free (VaernDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->backend->stmt_free (stmt);
}

void
vaern_db_reset (VaernDbStmt *stmt)
{
  stmt->db->backend->reset (stmt);
}

void
vaern_db_clear_bindings (VaernDbStmt *stmt)
{
  stmt->db->backend->clear_bindings (stmt);
}

void
vaern_db_bind_int (VaernDbStmt *stmt,
                   int          index,
                   gint64       value)
{
  stmt->db->backend->bind_int (stmt, index, value);
}

void
vaern_db_bind_text (VaernDbStmt *stmt,
                    int          index,
                    const char  *text)
{
  stmt->db->backend->bind_text (stmt, index, text);
}

void
vaern_db_bind_null (VaernDbStmt *stmt,
                    int          index)
{
  stmt->db->backend->bind_null (stmt, index);
}

VaernDbStep
vaern_db_step (VaernDbStmt *stmt)
{
  return stmt->db->backend->step (stmt);
}

int
vaern_db_column_count (VaernDbStmt *stmt)
{
  return stmt->db->backend->column_count (stmt);
}

const char *
vaern_db_column_name (VaernDbStmt *stmt,
                      int          column)
{
  return stmt->db->backend->column_name (stmt, column);
}

VaernDbType
vaern_db_column_type (VaernDbStmt *stmt,
                      int          column)
{
  return stmt->db->backend->column_type (stmt, column);
}

gboolean
vaern_db_column_is_null (VaernDbStmt *stmt,
                         int          column)
{
  return stmt->db->backend->column_type (stmt, column) == VAERN_DB_NULL;
}

gint64
vaern_db_column_int (VaernDbStmt *stmt,
                     int          column)
{
  return stmt->db->backend->column_int (stmt, column);
}

const char *
vaern_db_column_text (VaernDbStmt *stmt,
                      int          column,
                      gsize       *length)
{
  return stmt->db->backend->column_text (stmt, column, length);
}
