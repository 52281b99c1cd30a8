/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/vaern-date.h"
#include "vaern-db-sqlite.h"
#include "vaern-document-private.h"

/* The database plumbing: every statement of the document goes through
 * these helpers to the seam (vaern-db.h), and every error of the seam
 * becomes one of the store's messages here. */

void
doc_set_db_error (VaernDocument *self,
                  GError       **error)
{
  const char *detail = self->db ? vaern_db_error_message (self->db) : "";
  GError *local = NULL;

  if (error == NULL)
    error = &local;

  switch (self->db ? vaern_db_error (self->db) : VAERN_DB_E_OTHER)
    {
    case VAERN_DB_E_BUSY:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_BUSY,
                   _("The document is in use by another window or program. "
                     "Close it there and try again."));
      break;
    case VAERN_DB_E_READ_ONLY:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_READ_ONLY,
                   _("The document is read-only; changes cannot be saved."));
      break;
    case VAERN_DB_E_FULL:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NO_SPACE,
                   _("The disk is full. Free some space and try again; nothing was changed."));
      break;
    case VAERN_DB_E_FOLDER:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_READ_ONLY,
                   _("The document's folder cannot be written to, so the change was not "
                     "saved. Check the folder's permissions, or save a copy elsewhere."));
      break;
    case VAERN_DB_E_CONNECTION:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONNECTION,
                   _("The connection to the server was lost, so the change was not saved. "
                     "Værn connects again by itself when the server is back (%s)."), detail);
      break;
    case VAERN_DB_E_PERMISSION:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION,
                   _("Your login on the server may not make this change (%s)."), detail);
      break;
    case VAERN_DB_E_DAMAGED:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DAMAGED,
                   _("The document is damaged (%s)."), detail);
      break;
    case VAERN_DB_E_CONSTRAINT:
      if (strstr (detail, "approved SoA version is frozen") != NULL)
        {
          g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FROZEN,
                       _("This version of the Statement of Applicability has been approved "
                         "and cannot be changed. Start a new draft to make changes."));
          break;
        }
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT,
                   _("The change breaks a rule of the document (%s)."), detail);
      break;
    default:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FAILED,
                   _("The document could not be read or written (%s)."), detail);
    }

  if (self->db != NULL && vaern_db_error (self->db) == VAERN_DB_E_CONNECTION)
    doc_lost_connection (self);

  /* An error that ends the transaction of a batch (a full disk, an I/O
   * error) ends the batch: the database has rolled back every row before
   * it, and a row written after it would be written on its own. The batch
   * keeps the cause and refuses every further edit with it. */
  if (self->batch_depth > 0 && self->db != NULL && !vaern_db_in_transaction (self->db)
      && self->batch_error == NULL && *error != NULL)
    self->batch_error = g_error_copy (*error);
  g_clear_error (&local);
}

gboolean
doc_exec (VaernDocument *self,
          const char    *sql,
          GError       **error)
{
  if (!vaern_db_exec (self->db, sql))
    {
      doc_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
doc_begin (VaernDocument *self,
           GError       **error)
{
  if (!vaern_db_begin (self->db))
    {
      doc_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Returns a cached, reset statement; the document owns it. */
VaernDbStmt *
doc_prepare (VaernDocument *self,
             const char    *sql,
             GError       **error)
{
  VaernDbStmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt)
    {
      vaern_db_reset (stmt);
      vaern_db_clear_bindings (stmt);
      return stmt;
    }

  stmt = vaern_db_prepare (self->db, sql);
  if (stmt == NULL)
    {
      doc_set_db_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Runs an INSERT … RETURNING id and gives the new row's id, or 0 with an
 * error. */
gint64
doc_insert (VaernDocument *self,
            VaernDbStmt   *stmt,
            GError       **error)
{
  gint64 id = 0;

  if (vaern_db_step (stmt) == VAERN_DB_ROW)
    id = vaern_db_column_int (stmt, 0);
  else
    doc_set_db_error (self, error);
  vaern_db_reset (stmt);
  return id;
}

/* The lists' loaders read through these: a query that fails to prepare
 * or to run is kept (the first one), and opening the document, or an
 * export, reports it, instead of showing a list that looks empty. */
static void
keep_load_error (VaernDocument *self,
                 GError        *error)
{
  if (self->load_error == NULL)
    self->load_error = error;
  else
    g_error_free (error);
}

VaernDbStmt *
doc_prepare_list (VaernDocument *self,
                  const char    *sql)
{
  GError *error = NULL;
  VaernDbStmt *stmt = doc_prepare (self, sql, &error);

  if (stmt == NULL)
    keep_load_error (self, error);
  return stmt;
}

void
doc_list_done (VaernDocument *self,
               VaernDbStmt  *stmt,
               int            rc)
{
  vaern_db_reset (stmt);
  if (rc != VAERN_DB_DONE && rc != VAERN_DB_ROW)
    {
      GError *error = NULL;

      doc_set_db_error (self, &error);
      keep_load_error (self, error);
    }
}

/**
 * vaern_document_check_lists:
 *
 * Whether every list of the document could be read. A query that failed
 * (a table missing, a damaged page, an I/O error) leaves its list short;
 * this says so, with the first such error.
 */
gboolean
vaern_document_check_lists (VaernDocument *self,
                            GError       **error)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (self->load_error == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (self->load_error));
  return FALSE;
}

gboolean
doc_step_done (VaernDocument *self,
               VaernDbStmt  *stmt,
               GError       **error)
{
  int rc = vaern_db_step (stmt);

  vaern_db_reset (stmt);
  if (rc != VAERN_DB_DONE && rc != VAERN_DB_ROW)
    {
      doc_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

void
doc_bind_text (VaernDbStmt *stmt,
               int           index,
               const char   *text)
{
  vaern_db_bind_text (stmt, index, text);
}

/* Empty text is stored as '' in NOT NULL columns. */
void
doc_bind_text_or_empty (VaernDbStmt *stmt,
                        int           index,
                        const char   *text)
{
  vaern_db_bind_text (stmt, index, text ? text : "");
}

void
doc_bind_id (VaernDbStmt *stmt,
             int           index,
             gint64        id)
{
  if (id > 0)
    vaern_db_bind_int (stmt, index, id);
  else
    vaern_db_bind_null (stmt, index);
}

char *
doc_column_dup (VaernDbStmt *stmt,
                int           column)
{
  gsize length;
  const char *text = vaern_db_column_text (stmt, column, &length);

  if (text == NULL)
    return NULL;
  /* Værn writes UTF-8 only; bytes put in by another program are shown
   * with U+FFFD where they are not text, never passed on raw to GTK. */
  if (G_LIKELY (g_utf8_validate_len (text, length, NULL)))
    return g_strndup (text, length);
  return g_utf8_make_valid (text, (gssize) length);
}

guint
doc_column_enum (VaernDbStmt    *stmt,
                 int              column,
                 const VaernEnum *e)
{
  guint value = 0;

  vaern_enum_from_key (e, vaern_db_column_text (stmt, column, NULL), &value);
  return value;
}

/* A digest of all columns of the current row, to tell changed rows apart. */
guint32
doc_row_digest (VaernDbStmt *stmt)
{
  guint32 h = 5381;
  int n = vaern_db_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const unsigned char *p;

      switch (vaern_db_column_type (stmt, i))
        {
        case VAERN_DB_NULL:
          h = h * 33 + 0x9e;
          break;
        case VAERN_DB_INTEGER:
          {
            /* Numbers as numbers: turning them into text costs more than the row. */
            guint64 v = (guint64) vaern_db_column_int (stmt, i);

            h = h * 33 + (guint32) v;
            h = h * 33 + (guint32) (v >> 32);
          }
          break;
        default:
          for (p = (const unsigned char *) vaern_db_column_text (stmt, i, NULL); p && *p; p++)
            h = h * 33 + *p;
          break;
        }
      h = h * 33 + 0x1f;
    }
  return h;
}

gint64
doc_query_int (VaernDocument *self,
               const char    *sql,
               gint64         param,
               GError       **error)
{
  VaernDbStmt *stmt = doc_prepare (self, sql, error);
  gint64 result = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  if (strchr (sql, '?'))
    vaern_db_bind_int (stmt, 1, param);
  rc = vaern_db_step (stmt);
  if (rc == VAERN_DB_ROW)
    result = vaern_db_column_int (stmt, 0);
  else if (rc == VAERN_DB_DONE)
    result = 0;
  else
    doc_set_db_error (self, error);
  vaern_db_reset (stmt);
  return result;
}

char *
doc_casefold_join (const char *first,
                   ...)
{
  GString *s = g_string_new (NULL);
  const char *part = first;
  va_list args;

  va_start (args, first);
  while (part != (const char *) -1)
    {
      if (part && *part)
        {
          g_autofree char *folded = g_utf8_casefold (part, -1);

          g_string_append (s, folded);
          g_string_append_c (s, '\n');
        }
      part = va_arg (args, const char *);
    }
  va_end (args);

  return g_string_free (s, FALSE);
}

gint64
doc_find_by_name (VaernDocument *self,
                  const char    *sql,
                  const char    *name)
{
  VaernDbStmt *stmt;
  g_autofree char *trimmed = NULL;
  gint64 id = 0;

  if (name == NULL)
    return 0;
  stmt = doc_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  trimmed = g_strstrip (g_strdup (name));
  doc_bind_text (stmt, 1, trimmed);
  if (vaern_db_step (stmt) == VAERN_DB_ROW)
    id = vaern_db_column_int (stmt, 0);
  vaern_db_reset (stmt);
  return id;
}

/* Validation shared by the edits */

gboolean
doc_require_name (const char *name,
                  const char *message,
                  GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  if (*trimmed == '\0')
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "name", "%s", message);
      return FALSE;
    }
  return TRUE;
}

gboolean
doc_require_date (const char *date,
                  const char *field,
                  gboolean    optional,
                  GError    **error)
{
  if ((date == NULL && optional) || vaern_date_is_valid (date))
    return TRUE;
  vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, field,
                               _("“%s” is not a valid date."), date ? date : "");
  return FALSE;
}

gboolean
doc_configure (VaernDocument *self,
               GError       **error)
{
  if (vaern_db_kind (self->db) == VAERN_DB_SQLITE
      && !vaern_db_sqlite_configure (self->db, self->read_only, DOC_BUSY_TIMEOUT_MS))
    {
      doc_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}
