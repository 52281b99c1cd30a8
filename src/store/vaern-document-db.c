/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/vaern-date.h"
#include "vaern-document-private.h"

/* SQLite plumbing */

void
doc_set_db_error (VaernDocument *self,
                  GError       **error,
                  int            rc)
{
  /* SQLite's message may quote bytes of the file, which need not be text. */
  g_autofree char *detail = g_utf8_make_valid (self->db ? sqlite3_errmsg (self->db)
                                                        : sqlite3_errstr (rc), -1);
  GError *local = NULL;

  if (error == NULL)
    error = &local;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_BUSY,
                   _("The document is in use by another window or program. "
                     "Close it there and try again."));
      break;
    case SQLITE_READONLY:
      if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTLOCK)
        goto folder;
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_READ_ONLY,
                   _("The document is read-only; changes cannot be saved."));
      break;
    case SQLITE_FULL:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NO_SPACE,
                   _("The disk is full. Free some space and try again; nothing was changed."));
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    folder:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_READ_ONLY,
                   _("The document's folder cannot be written to, so the change was not "
                     "saved. Check the folder's permissions, or save a copy elsewhere."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DAMAGED,
                   _("The document is damaged (%s)."), detail);
      break;
    case SQLITE_CONSTRAINT:
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

  /* An error that ends the transaction of a batch (a full disk, an I/O
   * error) ends the batch: SQLite has rolled back every row before it, and
   * a row written after it would be written on its own. The batch keeps
   * the cause and refuses every further edit with it. */
  if (self->batch_depth > 0 && self->db != NULL && sqlite3_get_autocommit (self->db)
      && self->batch_error == NULL && *error != NULL)
    self->batch_error = g_error_copy (*error);
  g_clear_error (&local);
}

gboolean
doc_exec (VaernDocument *self,
          const char    *sql,
          GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      doc_set_db_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Returns a cached, reset statement; the document owns it. */
sqlite3_stmt *
doc_prepare (VaernDocument *self,
             const char    *sql,
             GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      doc_set_db_error (self, error, rc);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
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

sqlite3_stmt *
doc_prepare_list (VaernDocument *self,
                  const char    *sql)
{
  GError *error = NULL;
  sqlite3_stmt *stmt = doc_prepare (self, sql, &error);

  if (stmt == NULL)
    keep_load_error (self, error);
  return stmt;
}

void
doc_list_done (VaernDocument *self,
               sqlite3_stmt  *stmt,
               int            rc)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      GError *error = NULL;

      doc_set_db_error (self, &error, rc);
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
               sqlite3_stmt  *stmt,
               GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      doc_set_db_error (self, error, sqlite3_extended_errcode (self->db));
      return FALSE;
    }
  return TRUE;
}

void
doc_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Empty text is stored as '' in NOT NULL columns. */
void
doc_bind_text_or_empty (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
doc_bind_id (sqlite3_stmt *stmt,
             int           index,
             gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

char *
doc_column_dup (sqlite3_stmt *stmt,
                int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  int length = sqlite3_column_bytes (stmt, column);

  if (text == NULL)
    return NULL;
  /* Værn writes UTF-8 only; bytes put in by another program are shown
   * with U+FFFD where they are not text, never passed on raw to GTK. */
  if (G_LIKELY (g_utf8_validate_len (text, (gsize) length, NULL)))
    return g_strndup (text, (gsize) length);
  return g_utf8_make_valid (text, length);
}

guint
doc_column_enum (sqlite3_stmt    *stmt,
                 int              column,
                 const VaernEnum *e)
{
  guint value = 0;

  vaern_enum_from_key (e, (const char *) sqlite3_column_text (stmt, column), &value);
  return value;
}

/* A digest of all columns of the current row, to tell changed rows apart. */
guint32
doc_row_digest (sqlite3_stmt *stmt)
{
  guint32 h = 5381;
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const unsigned char *p;

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          h = h * 33 + 0x9e;
          break;
        case SQLITE_INTEGER:
          {
            /* Numbers as numbers: turning them into text costs more than the row. */
            guint64 v = (guint64) sqlite3_column_int64 (stmt, i);

            h = h * 33 + (guint32) v;
            h = h * 33 + (guint32) (v >> 32);
          }
          break;
        default:
          for (p = sqlite3_column_text (stmt, i); p && *p; p++)
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
  sqlite3_stmt *stmt = doc_prepare (self, sql, error);
  gint64 result = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  if (strchr (sql, '?'))
    sqlite3_bind_int64 (stmt, 1, param);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    result = 0;
  else
    doc_set_db_error (self, error, rc);
  sqlite3_reset (stmt);
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

/* The change set function used by the audit triggers. 0 means: do not log. */
static void
change_set_func (sqlite3_context *context,
                 int              argc,
                 sqlite3_value  **argv)
{
  VaernDocument *self = sqlite3_user_data (context);

  /* Without a document (doc_make_schema's connection), nothing is logged. */
  sqlite3_result_int64 (context, self && self->audit ? self->change_set : 0);
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

gint64
doc_find_by_name (VaernDocument *self,
                  const char    *sql,
                  const char    *name)
{
  sqlite3_stmt *stmt;
  g_autofree char *trimmed = NULL;
  gint64 id = 0;

  if (name == NULL)
    return 0;
  stmt = doc_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  trimmed = g_strstrip (g_strdup (name));
  doc_bind_text (stmt, 1, trimmed);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
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
  int rc;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, DOC_BUSY_TIMEOUT_MS);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, NULL);

  rc = sqlite3_create_function (self->db, "vaern_change_set", 0,
                                SQLITE_UTF8 | SQLITE_INNOCUOUS, self,
                                change_set_func, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function (self->db, "vaern_row", -1,
                                  SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC, NULL,
                                  row_json_func, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      doc_set_db_error (self, error, rc);
      return FALSE;
    }

  if (!doc_exec (self, "PRAGMA foreign_keys = ON;"
                   "PRAGMA trusted_schema = OFF;"
                   "PRAGMA secure_delete = FAST;"
                   "PRAGMA synchronous = FULL;", error))
    return FALSE;

  if (self->read_only)
    return doc_exec (self, "PRAGMA query_only = ON;", error);

  /* Exclusive locking keeps a second program (or a second Værn) from
   * writing the document under us; it gets a clear "in use" instead. */
  return doc_exec (self, "PRAGMA journal_mode = DELETE;"
                     "PRAGMA locking_mode = EXCLUSIVE;", error);
}

/* Leaves the connection working without the document that configured it:
 * its change set function logs nothing from now on. */
void
doc_unbind_connection (sqlite3 *db)
{
  sqlite3_create_function (db, "vaern_change_set", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
                           change_set_func, NULL, NULL);
}
