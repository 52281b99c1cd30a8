/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "core/vaern-date.h"
#include "vaern-backups.h"
#include "vaern-document-private.h"

/* A Værn document is one SQLite file. This object owns the connection, runs
 * the migrations, keeps the lists the views show, writes every edit as one
 * transaction with its change set in the change log, and undoes edits by
 * applying the change log backwards. */

#define BUSY_TIMEOUT_MS 1500

G_DEFINE_FINAL_TYPE (VaernDocument, vaern_document, G_TYPE_OBJECT)

/* The store's errors carry the field they are about. */
typedef struct
{
  char *field;
} VaernStoreErrorPrivate;

static void
vaern_store_error_private_init (VaernStoreErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
vaern_store_error_private_copy (const VaernStoreErrorPrivate *src,
                                VaernStoreErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
vaern_store_error_private_clear (VaernStoreErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (VaernStoreError, vaern_store_error)

const char *
vaern_store_error_get_field (const GError *error)
{
  VaernStoreErrorPrivate *priv;

  if (error == NULL || error->domain != VAERN_STORE_ERROR)
    return NULL;
  priv = vaern_store_error_get_private (error);
  return priv ? priv->field : NULL;
}

void
vaern_store_set_field_error (GError    **error,
                             int         code,
                             const char *field,
                             const char *format,
                             ...)
{
  GError *new;
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  new = g_error_new_valist (VAERN_STORE_ERROR, code, format, args);
  va_end (args);
  vaern_store_error_get_private (new)->field = g_strdup (field);
  g_propagate_error (error, new);
}

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_ORGANISATION,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_lists (VaernDocument *self);

static void
undo_step_clear (gpointer data)
{
  UndoStep *step = data;

  g_clear_pointer (&step->label, g_free);
}

static void
vaern_document_dispose (GObject *object)
{
  VaernDocument *self = VAERN_DOCUMENT (object);

  vaern_document_close (self);

  G_OBJECT_CLASS (vaern_document_parent_class)->dispose (object);
}

static void
vaern_document_finalize (GObject *object)
{
  VaernDocument *self = VAERN_DOCUMENT (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_free (self->path);
  g_free (self->organisation);
  g_free (self->cvr);
  g_clear_object (&self->assets);
  g_clear_object (&self->people);
  g_clear_object (&self->units);
  g_clear_object (&self->roles);
  doc_risks_dispose (self);
  doc_soa_dispose (self);
  doc_wheel_dispose (self);
  g_clear_pointer (&self->undo_stack, g_array_unref);
  g_clear_pointer (&self->redo_stack, g_array_unref);
  g_clear_error (&self->batch_error);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (vaern_document_parent_class)->finalize (object);
}

static void
vaern_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VaernDocument *self = VAERN_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, vaern_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, vaern_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vaern_document_class_init (VaernDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vaern_document_dispose;
  object_class->finalize = vaern_document_finalize;
  object_class->get_property = vaern_document_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VaernDocument::changed:
   *
   * Emitted after an edit, an undo or a redo has been committed and the
   * lists refreshed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
vaern_document_init (VaernDocument *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->assets = g_list_store_new (VAERN_TYPE_ASSET);
  self->people = g_list_store_new (VAERN_TYPE_PERSON);
  self->units = g_list_store_new (VAERN_TYPE_UNIT);
  self->roles = g_list_store_new (VAERN_TYPE_ROLE);
  doc_risks_init (self);
  doc_soa_init (self);
  doc_wheel_init (self);
  self->audit = TRUE;
  self->undo_stack = g_array_new (FALSE, FALSE, sizeof (UndoStep));
  g_array_set_clear_func (self->undo_stack, undo_step_clear);
  self->redo_stack = g_array_new (FALSE, FALSE, sizeof (UndoStep));
  g_array_set_clear_func (self->redo_stack, undo_step_clear);
}

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

/* Opening */

static gboolean
store_error (GError    **error,
             int         code,
             const char *format,
             const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, VAERN_STORE_ERROR, code, format, name);
  return FALSE;
}

/* A file refused as damaged: what happened, and where the work is. */
static gboolean
damaged_error (GError    **error,
               const char *path,
               gboolean    truncated)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *date = NULL;
  g_autofree char *newest = vaern_backups_find_newest (path, &date);
  g_autofree char *what = NULL;

  what = truncated
    /* Translators: %s is a file name */
    ? g_strdup_printf (_("“%s” is damaged: the file is shorter than its contents. "
                         "The file has not been changed."), name)
    /* Translators: %s is a file name */
    : g_strdup_printf (_("“%s” is damaged and cannot be opened. "
                         "The file has not been changed."), name);
  if (newest != NULL)
    {
      g_autofree char *copy = g_filename_display_basename (newest);
      g_autofree char *day = vaern_date_format (date);

      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DAMAGED,
                   /* Translators: the first %s says what is wrong with the
                    * file; then a date and the name of a safety copy */
                   _("%s The newest safety copy is from %s (“%s”): open it with "
                     "Restore a Backup… in the main menu."), what, day, copy);
    }
  else
    g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DAMAGED,
                 /* Translators: %s says what is wrong with the file */
                 _("%s Open a backup copy instead."), what);
  return FALSE;
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Whether SQLite's rollback journal lies beside the document: what a
 * program stopped in the middle of a change (a crash, kill -9, a power cut)
 * leaves behind. Until SQLite rolls it back, the file itself may hold half
 * of that change, and its length may not match its header. */
static gboolean
has_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  GStatBuf st;

  return g_stat (journal, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0;
}

/* Looks at the file's header without SQLite, so that a file that is not ours
 * is refused before any library could touch it. */
static gboolean
check_header (const char *path,
              gboolean   *is_new_empty,
              guint32    *version_out,
              GError    **error)
{
  guint8 header[100];
  GStatBuf st;
  FILE *f;
  size_t n;
  guint32 page_size, n_pages, app_id, version;

  *is_new_empty = FALSE;

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return store_error (error, VAERN_STORE_ERROR_NOT_FOUND,
                            _("The file “%s” does not exist. It may have been moved or deleted."),
                            path);
      return store_error (error, VAERN_STORE_ERROR_FAILED,
                          _("The file “%s” cannot be read."), path);
    }
  if (!S_ISREG (st.st_mode))
    return store_error (error, VAERN_STORE_ERROR_NOT_SQLITE,
                        _("“%s” is not a file."), path);
  if (st.st_size == 0)
    return store_error (error, VAERN_STORE_ERROR_NOT_SQLITE,
                        _("The file “%s” is empty. It is not a Værn document."), path);

  f = g_fopen (path, "rb");
  if (f == NULL)
    return store_error (error, errno == EACCES ? VAERN_STORE_ERROR_READ_ONLY
                                               : VAERN_STORE_ERROR_FAILED,
                        _("The file “%s” cannot be read: you may not have permission."), path);
  n = fread (header, 1, sizeof header, f);
  fclose (f);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return store_error (error, VAERN_STORE_ERROR_NOT_SQLITE,
                        _("“%s” is not a Værn document."), path);

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = be32 (header + 28);
  version = be32 (header + 60);
  app_id = be32 (header + 68);
  if (version_out)
    *version_out = version;

  if (app_id != VAERN_APPLICATION_ID)
    return store_error (error, VAERN_STORE_ERROR_FOREIGN,
                        _("“%s” is a database of another program, not a Værn document."), path);
  if (version > VAERN_SCHEMA_VERSION)
    return store_error (error, VAERN_STORE_ERROR_NEWER,
                        _("“%s” was made by a newer version of Værn. "
                          "Update Værn to open it; the file has not been changed."), path);
  if (page_size < 512 || (page_size & (page_size - 1)) != 0
      || (!has_journal (path)
          && ((guint64) st.st_size < (guint64) page_size * n_pages
              || st.st_size % page_size != 0)))
    return damaged_error (error, path, TRUE);

  return TRUE;
}

/* Runs PRAGMA quick_check on a connection of its own; the result code of
 * the first step that failed, or SQLITE_OK, and whether the check passed. */
static int
quick_check (const char *path,
             int         flags,
             gboolean   *ok)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  *ok = FALSE;
  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      *ok = rc == SQLITE_ROW
            && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return rc;
}

/* Checks the file before the document's own connection opens it. A file
 * with a hot journal (a program stopped in the middle of a change) is not
 * damaged: SQLite rolls the unfinished change back on a connection that may
 * write, and every committed edit is there. When the file or its folder
 * may not be written, @needs_copy asks the caller to do that on a copy. */
static gboolean
check_integrity (const char *path,
                 gboolean    writable,
                 gboolean   *needs_copy,
                 GError    **error)
{
  gboolean ok = FALSE;
  int rc;

  *needs_copy = FALSE;
  rc = quick_check (path, SQLITE_OPEN_READONLY, &ok);
  if (rc == SQLITE_READONLY_ROLLBACK)
    {
      if (!writable)
        {
          *needs_copy = TRUE;
          return TRUE;
        }
      rc = quick_check (path, SQLITE_OPEN_READWRITE, &ok);
    }

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    return store_error (error, VAERN_STORE_ERROR_BUSY,
                        _("“%s” is open in another window or program. Close it there first."),
                        path);
  if ((rc & 0xff) == SQLITE_FULL)
    return store_error (error, VAERN_STORE_ERROR_NO_SPACE,
                        _("“%s” cannot be opened: the disk is full. Free some space and "
                          "open it again; the file has not been changed."), path);
  if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_PERM
      || (rc & 0xff) == SQLITE_READONLY)
    return store_error (error, VAERN_STORE_ERROR_READ_ONLY,
                        _("The file “%s” cannot be read: you may not have permission."), path);
  if (!ok)
    return damaged_error (error, path, FALSE);
  return TRUE;
}

static gboolean
configure (VaernDocument *self,
           GError       **error)
{
  int rc;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
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

static gboolean
install_audit_triggers (VaernDocument *self,
                        GError       **error)
{
  const char *const ops[] = { "insert", "update", "delete" };
  guint n_tables;
  const char *const *tables = vaern_schema_audited_tables (&n_tables);

  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(GString) old_json = g_string_new ("vaern_row(");
      g_autoptr(GString) new_json = g_string_new ("vaern_row(");
      g_autoptr(GString) changed = g_string_new (NULL);
      g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info(%s)", tables[t]);
      g_autoptr(sqlite3_stmt) info = NULL;
      int n = 0;

      if (sqlite3_prepare_v2 (self->db, info_sql, -1, &info, NULL) != SQLITE_OK)
        {
          doc_set_db_error (self, error, sqlite3_errcode (self->db));
          return FALSE;
        }
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          const char *col = (const char *) sqlite3_column_text (info, 1);

          g_string_append_printf (old_json, "%s'%s', OLD.\"%s\"", n ? ", " : "", col, col);
          g_string_append_printf (new_json, "%s'%s', NEW.\"%s\"", n ? ", " : "", col, col);
          g_string_append_printf (changed, "%sOLD.\"%s\" IS NOT NEW.\"%s\"", n ? " OR " : "",
                                  col, col);
          n++;
        }
      /* A table of a later migration does not exist yet. */
      if (n == 0)
        continue;
      g_string_append_c (old_json, ')');
      g_string_append_c (new_json, ')');

      for (guint o = 0; o < G_N_ELEMENTS (ops); o++)
        {
          g_autofree char *sql = NULL;
          const char *row = o == 2 ? "OLD" : "NEW";

          sql = g_strdup_printf (
            "DROP TRIGGER IF EXISTS audit_%s_%s;"
            "CREATE TRIGGER audit_%s_%s AFTER %s ON %s"
            "  WHEN vaern_change_set() > 0%s%s%s"
            "  BEGIN INSERT INTO change_log (change_set, tbl, row_id, op, old, new)"
            "  VALUES (vaern_change_set(), '%s', %s.id, '%s', %s, %s); END;",
            tables[t], ops[o], tables[t], ops[o], ops[o], tables[t],
            o == 1 ? " AND (" : "", o == 1 ? changed->str : "", o == 1 ? ")" : "",
            tables[t], row, ops[o],
            o == 0 ? "NULL" : old_json->str, o == 2 ? "NULL" : new_json->str);
          if (!doc_exec (self, sql, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
seed (VaernDocument *self,
      const char    *organisation,
      GError       **error);

/* Brings the document up to @target, one migration per transaction; the
 * rows every document starts with are written only when @with_rows. */
static gboolean
migrate_to (VaernDocument *self,
            const char    *organisation,
            gint64         target,
            gboolean       with_rows,
            GError       **error)
{
  gint64 version = doc_query_int (self, "PRAGMA user_version", 0, error);

  if (version < 0)
    return FALSE;

  while (version < target)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT,
                                               version + 1);

      if (!doc_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!doc_exec (self, vaern_schema_migration (version), error)
          || !install_audit_triggers (self, error)
          || !doc_exec (self, bump, error)
          || (with_rows && version == 0 && !seed (self, organisation, error))
          || (with_rows && version == 1 && !doc_risks_seed (self, error))
          || (with_rows && version == 2 && !doc_soa_seed (self, error))
          || (with_rows && version == 3 && !doc_wheel_seed (self, error))
          || !doc_exec (self, "COMMIT", error))
        {
          doc_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      version++;
    }
  return TRUE;
}

static gboolean
migrate (VaernDocument *self,
         const char    *organisation,
         GError       **error)
{
  return migrate_to (self, organisation, VAERN_SCHEMA_VERSION, TRUE, error);
}

/* The schema check. What a document of a version holds (its tables,
 * indexes, triggers and views) is what Værn's migrations up to that
 * version make; anything else was put there outside Værn. A trigger added
 * to a table would run on the next ordinary edit, so a file whose schema
 * is not Værn's is refused before anything runs on it. */

/* type, name → the statement that made it ("" for SQLite's own indexes). */
static GHashTable *
read_schema (sqlite3  *db,
             int      *rc)
{
  GHashTable *schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      while ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *sql = (const char *) sqlite3_column_text (stmt, 2);

          g_hash_table_insert (schema,
                               g_strdup_printf ("%s %s", sqlite3_column_text (stmt, 0),
                                                sqlite3_column_text (stmt, 1)),
                               g_strdup (sql ? sql : ""));
        }
      if (*rc == SQLITE_DONE)
        *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return schema;
}

/**
 * doc_make_schema:
 * @db: an empty database
 * @version: the schema version to make
 *
 * Makes in @db the schema (tables, indexes, triggers) Værn's migrations
 * make up to @version, without the rows a new document starts with: the
 * reference the schema check compares a file with, and, for the tests,
 * a document as an older Værn left it.
 */
gboolean
doc_make_schema (sqlite3  *db,
                 gint64    version,
                 GError  **error)
{
  g_autoptr(VaernDocument) scratch = g_object_new (VAERN_TYPE_DOCUMENT, NULL);
  gboolean ok;

  scratch->path = g_strdup (sqlite3_db_filename (db, "main"));
  scratch->db = db;
  ok = configure (scratch, error) && migrate_to (scratch, NULL, version, FALSE, error);
  /* The connection stays the caller's, and outlives the scratch document. */
  sqlite3_create_function (db, "vaern_change_set", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
                           change_set_func, NULL, NULL);
  g_hash_table_remove_all (scratch->statements);
  scratch->db = NULL;
  return ok;
}

/* Built once per version in a database in memory. */
static GHashTable *
reference_schema (gint64 version)
{
  static GHashTable *references[VAERN_SCHEMA_VERSION + 1];
  static GMutex lock;
  GHashTable *result;

  g_return_val_if_fail (version >= 0 && version <= VAERN_SCHEMA_VERSION, NULL);

  g_mutex_lock (&lock);
  if (references[version] == NULL)
    {
      g_autoptr(GError) error = NULL;
      sqlite3 *db = NULL;
      int rc;

      if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
          || !doc_make_schema (db, version, &error))
        g_error ("The reference schema of version %" G_GINT64_FORMAT " cannot be made: %s",
                 version, error ? error->message : sqlite3_errmsg (db));
      references[version] = read_schema (db, &rc);
      g_assert (rc == SQLITE_OK);
      sqlite3_close (db);
    }
  result = g_hash_table_ref (references[version]);
  g_mutex_unlock (&lock);
  return result;
}

/* "the table", "the index": how a message names a kind of object. */
static const char *
object_kind (const char *type)
{
  if (g_str_equal (type, "table"))
    return _("the table");
  if (g_str_equal (type, "index"))
    return _("the index");
  if (g_str_equal (type, "trigger"))
    return _("the trigger");
  if (g_str_equal (type, "view"))
    return _("the view");
  return type;
}

static gboolean
schema_error (GError    **error,
              const char *path,
              const char *key,
              const char *format)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *type = g_strndup (key, strcspn (key, " "));
  /* A name put there by another program need not even be text. */
  g_autofree char *object = g_utf8_make_valid (key + strlen (type) + 1, -1);
  g_autofree char *kind = g_utf8_make_valid (object_kind (type), -1);

  g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_SCHEMA, format,
               name, kind, object);
  return FALSE;
}

/* Tables first, then views, indexes and triggers, each by name: the
 * message names the same object every time, and the one that matters. */
static int
type_rank (const char *key)
{
  static const char *const order[] = { "table ", "view ", "index ", "trigger " };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_str_has_prefix (key, order[i]))
      return (int) i;
  return G_N_ELEMENTS (order);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const char *x = *(const char *const *) a;
  const char *y = *(const char *const *) b;
  int rank = type_rank (x) - type_rank (y);

  return rank != 0 ? rank : strcmp (x, y);
}

static GPtrArray *
sorted_keys (GHashTable *schema)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, schema);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

static gboolean
check_schema (VaernDocument *self,
              GError       **error)
{
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GHashTable) reference = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  gint64 version;
  int rc;

  version = doc_query_int (self, "PRAGMA user_version", 0, error);
  if (version < 0)
    return FALSE;
  /* A newer version was refused by its header already. */
  if (version > VAERN_SCHEMA_VERSION)
    return store_error (error, VAERN_STORE_ERROR_NEWER,
                        _("“%s” was made by a newer version of Værn. "
                          "Update Værn to open it; the file has not been changed."), self->path);

  actual = read_schema (self->db, &rc);
  if (rc != SQLITE_OK)
    {
      doc_set_db_error (self, error, rc);
      return FALSE;
    }
  reference = reference_schema (version);

  /* What is missing first: a dropped table takes its indexes with it. */
  keys = sorted_keys (reference);
  for (guint i = 0; i < keys->len; i++)
    if (!g_hash_table_contains (actual, keys->pdata[i]))
      /* Translators: the first %s is a file name, the second a kind of
       * database object ("the table", "the trigger"), the third its name */
      return schema_error (error, self->path, keys->pdata[i],
                           _("“%s” was changed outside Værn and is not opened: %s “%s” is "
                             "missing. The file has not been changed; open a backup copy "
                             "instead."));
  g_clear_pointer (&keys, g_ptr_array_unref);

  keys = sorted_keys (actual);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *expected = g_hash_table_lookup (reference, key);

      /* SQLite's statistics (ANALYZE) steer its plans and run nothing. */
      if (g_str_equal (key, "table sqlite_stat1") || g_str_equal (key, "table sqlite_stat4"))
        continue;
      if (expected == NULL)
        /* Translators: the first %s is a file name, the second a kind of
         * database object ("the table", "the trigger"), the third its name */
        return schema_error (error, self->path, key,
                             _("“%s” was changed outside Værn and is not opened: it has %s "
                               "“%s”, which Værn does not make. The file has not been "
                               "changed; open a backup copy instead."));
      if (!g_str_equal (expected, g_hash_table_lookup (actual, key)))
        /* Translators: the first %s is a file name, the second a kind of
         * database object ("the table", "the trigger"), the third its name */
        return schema_error (error, self->path, key,
                             _("“%s” was changed outside Værn and is not opened: %s “%s” is "
                               "not the one Værn makes. The file has not been changed; open "
                               "a backup copy instead."));
    }
  return TRUE;
}

static gboolean
load_organisation (VaernDocument *self,
                   GError       **error)
{
  sqlite3_stmt *stmt = doc_prepare (self, "SELECT name, cvr FROM organisation WHERE id = 1", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_free (self->organisation);
      g_free (self->cvr);
      self->organisation = doc_column_dup (stmt, 0);
      self->cvr = doc_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The file the connection has open. Another program that replaces the
 * document (a sync client, a copy over it) or removes it leaves the
 * connection writing to a file nobody will see again: an edit then is
 * refused, and Save As keeps what the window shows. */
static void
remember_file (VaernDocument *self)
{
  GStatBuf st;

  self->file_known = g_stat (self->path, &st) == 0;
  self->file_dev = self->file_known ? st.st_dev : 0;
  self->file_ino = self->file_known ? st.st_ino : 0;
}

static gboolean
check_same_file (VaernDocument *self,
                 GError       **error)
{
  GStatBuf st;

  if (!self->file_known)
    return TRUE;
  if (g_stat (self->path, &st) == 0 && st.st_dev == self->file_dev && st.st_ino == self->file_ino)
    return TRUE;
  return store_error (error, VAERN_STORE_ERROR_FAILED,
                      _("“%s” was replaced, moved or deleted by another program while it was "
                        "open, so the change was not saved. Use Save As to keep what you see "
                        "here as a document."), self->path);
}

static gboolean
open_connection (VaernDocument *self,
                 int            flags,
                 const char    *organisation,
                 GError       **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_EXRESCODE, NULL);

  if (rc != SQLITE_OK)
    {
      doc_set_db_error (self, error, rc);
      return FALSE;
    }
  if (!configure (self, error) || !check_schema (self, error))
    return FALSE;
  remember_file (self);

  if (!self->read_only)
    {
      /* Take the exclusive lock now, so "in use elsewhere" shows at open. */
      if (!doc_exec (self, "BEGIN EXCLUSIVE; COMMIT;", error))
        return FALSE;
      if (!migrate (self, organisation, error))
        return FALSE;
    }
  else if (doc_query_int (self, "PRAGMA user_version", 0, NULL) != VAERN_SCHEMA_VERSION)
    {
      return store_error (error, VAERN_STORE_ERROR_READ_ONLY,
                          _("“%s” was made by an older version of Værn and must be updated, "
                            "but it is read-only. Copy it to a folder you can write to."),
                          self->path);
    }

  if (!load_organisation (self, error))
    return FALSE;
  refresh_lists (self);
  return vaern_document_check_lists (self, error);
}

static gboolean
path_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  /* A file marked read-only stays read-only even for a user (root) whom
   * the system would let write it. SQLite writes its rollback journal
   * beside the document, so the folder must be writable too. */
  if (g_stat (path, &st) != 0 || (st.st_mode & 0222) == 0)
    return FALSE;
  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/**
 * vaern_document_open:
 * @path: a .vaern file
 *
 * Opens an existing document. A file that is not a Værn document, is
 * damaged or was made by a newer version is refused without being written
 * to. A file that cannot be written opens read-only.
 */
static VaernDocument *open_copy (const char *path,
                                  gboolean    read_only,
                                  GError    **error);

static VaernDocument *
open_document (const char *path,
               gboolean    read_only,
               GError    **error)
{
  g_autoptr(VaernDocument) self = NULL;
  gboolean empty, needs_copy;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &empty, NULL, error)
      || !check_integrity (path, !read_only && path_is_writable (path), &needs_copy, error))
    return NULL;
  /* An unfinished change that may not be rolled back here (the file is
   * read-only, or this is an export, which never changes the file) is
   * rolled back on a copy, which is read instead. */
  if (needs_copy)
    return open_copy (path, TRUE, error);
  /* The rollback restored the length the header gives. */
  if (!check_header (path, &empty, NULL, error))
    return NULL;

  self = g_object_new (VAERN_TYPE_DOCUMENT, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only || !path_is_writable (path);

  if (!open_connection (self, self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                        NULL, error))
    return NULL;

  return g_steal_pointer (&self);
}

VaernDocument *
vaern_document_open (const char *path,
                     GError    **error)
{
  return open_document (path, FALSE, error);
}

/**
 * vaern_document_create:
 * @path: where the new document goes; the file must not exist
 * @organisation: the organisation's name
 *
 * Creates a new document with what it needs to be used at once: the
 * organisation and the built-in roles.
 */
VaernDocument *
vaern_document_create (const char *path,
                       const char *organisation,
                       GError    **error)
{
  g_autoptr(VaernDocument) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      store_error (error, VAERN_STORE_ERROR_DUPLICATE,
                   _("A file named “%s” already exists."), path);
      return NULL;
    }

  self = g_object_new (VAERN_TYPE_DOCUMENT, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        organisation ? organisation : _("My organisation"), error))
    {
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);

      /* Nothing half made is left: not the file, not its journal (a full
       * disk stops even the rollback). */
      vaern_document_close (self);
      g_unlink (path);
      g_unlink (journal);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static const struct
{
  const char    *key;
  const char    *name;
  const char    *description;
  VaernRoleScope scope;
  gboolean       single;
} builtin_roles[] = {
  { VAERN_ROLE_SYSTEM_OWNER, N_("Systemejer"),
    N_("Accountable for the system's information security. Exactly one per system; "
       "the accountability cannot be delegated."),
    VAERN_ROLE_SCOPE_SYSTEM, TRUE },
  { VAERN_ROLE_ADMINISTRATOR, N_("Systemforvalter"),
    N_("Does the security work the systemejer delegates: risk assessments, "
       "contingency plans, data processor agreements."),
    VAERN_ROLE_SCOPE_SYSTEM, FALSE },
  { VAERN_ROLE_CONTACT, N_("Daglig kontaktperson"),
    N_("First contact for questions about the system; screens requests."),
    VAERN_ROLE_SCOPE_SYSTEM, FALSE },
  { VAERN_ROLE_ASSET_OWNER, N_("Aktivejer"),
    N_("Responsible for another asset: IT equipment, premises and access, archives."),
    VAERN_ROLE_SCOPE_OTHER, TRUE },
};

static gboolean
seed (VaernDocument *self,
      const char    *organisation,
      GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d",
                                             (int) VAERN_APPLICATION_ID);

  if (!doc_exec (self, app_id, error))
    return FALSE;

  stmt = doc_prepare (self, "INSERT INTO organisation (id, name) VALUES (1, ?)", error);
  if (stmt == NULL)
    return FALSE;
  doc_bind_text (stmt, 1, organisation ? organisation : _("My organisation"));
  if (!doc_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_roles); i++)
    {
      stmt = doc_prepare (self,
                      "INSERT INTO role (key, name, description, scope, single, position) "
                      "VALUES (?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      doc_bind_text (stmt, 1, builtin_roles[i].key);
      doc_bind_text (stmt, 2, _(builtin_roles[i].name));
      doc_bind_text (stmt, 3, _(builtin_roles[i].description));
      doc_bind_text (stmt, 4, vaern_enum_key (&vaern_enum_role_scope, builtin_roles[i].scope));
      sqlite3_bind_int (stmt, 5, builtin_roles[i].single);
      sqlite3_bind_int (stmt, 6, i);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * vaern_document_open_snapshot:
 * @path: a Værn document
 * @error: return location for a #GError
 *
 * Opens a document to read from it (for exports) without ever changing the
 * file: a current document is opened read-only, and a document from an
 * older version of Værn, which opening would bring up to date in place, is
 * read from an updated temporary copy instead, removed when the document
 * is finalised.
 *
 * Returns: (transfer full): the document, or %NULL
 */
/* Copies a file to copy (and its journal beside it, if there is one). */
static gboolean
copy_file (const char *from,
           const char *to,
           GError    **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return FALSE;
  g_chmod (to, 0600);
  return TRUE;
}

/* Opens a temporary copy of the document (removed when it is closed): to
 * bring an older document up to date, or to roll back an unfinished change,
 * without touching the file itself. */
static VaernDocument *
open_copy (const char *path,
           gboolean    read_only,
           GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *copy = NULL;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *copy_journal = NULL;
  VaernDocument *self;

  dir = g_dir_make_tmp ("vaern-snapshot-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  copy = g_build_filename (dir, base, NULL);
  copy_journal = g_strconcat (copy, "-journal", NULL);
  if (!copy_file (path, copy, error)
      || (has_journal (path) && !copy_file (journal, copy_journal, error)))
    {
      g_unlink (copy);
      g_rmdir (dir);
      return NULL;
    }
  self = vaern_document_open (copy, error);
  if (self == NULL)
    {
      g_unlink (copy);
      g_unlink (copy_journal);
      g_rmdir (dir);
      return NULL;
    }
  self->snapshot_dir = g_steal_pointer (&dir);
  if (read_only)
    {
      self->read_only = TRUE;
      doc_exec (self, "PRAGMA query_only = ON;", NULL);
    }
  return self;
}

/**
 * vaern_document_open_snapshot:
 * @path: a Værn document
 * @error: return location for a #GError
 *
 * Opens a document to read from it (for exports) without ever changing the
 * file: a current document is opened read-only, and a document from an
 * older version of Værn, which opening would bring up to date in place, or
 * one with an unfinished change to roll back, is read from a temporary
 * copy instead, removed when the document is finalised.
 *
 * Returns: (transfer full): the document, or %NULL
 */
VaernDocument *
vaern_document_open_snapshot (const char *path,
                              GError    **error)
{
  gboolean empty;
  guint32 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &empty, &version, error))
    return NULL;
  /* A current document is read as it is, read-only. */
  if (version >= VAERN_SCHEMA_VERSION)
    return open_document (path, TRUE, error);
  return open_copy (path, FALSE, error);
}

/* Removes the temporary copy of a snapshot, once closed. */
static void
remove_snapshot (VaernDocument *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self->snapshot_dir == NULL)
    return;
  dir = g_dir_open (self->snapshot_dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (self->snapshot_dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (self->snapshot_dir);
  g_clear_pointer (&self->snapshot_dir, g_free);
}

void
vaern_document_close (VaernDocument *self)
{
  g_return_if_fail (VAERN_IS_DOCUMENT (self));

  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  remove_snapshot (self);
}

static gboolean
copy_to (VaernDocument *self,
         const char    *path,
         GError       **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (g_strcmp0 (path, self->path) == 0)
    return store_error (error, VAERN_STORE_ERROR_DUPLICATE,
                        _("“%s” is the open document itself. Choose another name."), path);

  /* The destination is written fresh: an old file there is replaced only
   * after the caller confirmed it, and never the open document. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_unlink (path) != 0)
    return store_error (error, VAERN_STORE_ERROR_FAILED,
                        _("“%s” cannot be replaced. Choose another name or folder."), path);

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK)
    {
      g_unlink (path);
      return store_error (error, VAERN_STORE_ERROR_FAILED,
                          _("The copy “%s” could not be written. Check the folder and the free "
                            "space."), path);
    }
  return TRUE;
}

/**
 * vaern_document_backup:
 *
 * Writes a consistent copy of the document to @path through SQLite's
 * backup API; the open document stays the same.
 */
gboolean
vaern_document_backup (VaernDocument *self,
                       const char    *path,
                       GError       **error)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  return copy_to (self, path, error);
}

/**
 * vaern_document_save_as:
 *
 * Copies the document to @path and goes on working on the copy.
 */
gboolean
vaern_document_save_as (VaernDocument *self,
                        const char    *path,
                        GError       **error)
{
  g_autofree char *old_path = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (!copy_to (self, path, error))
    return FALSE;

  old_path = g_steal_pointer (&self->path);
  vaern_document_close (self);
  self->path = g_strdup (path);
  self->read_only = !path_is_writable (path);
  if (!open_connection (self, self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                        NULL, error))
    {
      /* Go back to the original rather than leave the window on nothing. */
      vaern_document_close (self);
      g_free (self->path);
      self->path = g_steal_pointer (&old_path);
      self->read_only = !path_is_writable (self->path);
      open_connection (self, self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                       NULL, NULL);
      return FALSE;
    }

  /* Undo steps are rows of the old file's change log. */
  g_array_set_size (self->undo_stack, 0);
  g_array_set_size (self->redo_stack, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  return TRUE;
}

const char *
vaern_document_get_path (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return self->path;
}

gboolean
vaern_document_get_read_only (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), TRUE);
  return self->read_only;
}

const char *
vaern_document_get_organisation (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return self->organisation;
}

const char *
vaern_document_get_cvr (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return self->cvr;
}

sqlite3 *
vaern_document_get_db (VaernDocument *self)
{
  return self->db;
}

void
vaern_document_set_audit (VaernDocument *self,
                          gboolean       audit)
{
  self->audit = audit;
}

void
vaern_document_forget_undo (VaernDocument *self)
{
  g_array_set_size (self->undo_stack, 0);
  g_array_set_size (self->redo_stack, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Lists */

/* Replaces the contents of @store by @fresh (both sorted by id) with the
 * fewest splices: unchanged rows keep their objects, so views keep their
 * selection and scroll position. */
void
doc_merge_records (GListStore *store,
                   GPtrArray  *fresh)
{
  guint i = 0, j = 0;

  /* A first load is one change, not one per row. */
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    {
      g_list_store_splice (store, 0, 0, fresh->pdata, fresh->len);
      return;
    }

  while (j < fresh->len || i < g_list_model_get_n_items (G_LIST_MODEL (store)))
    {
      g_autoptr(VaernRecord) old = g_list_model_get_item (G_LIST_MODEL (store), i);
      VaernRecord *new = j < fresh->len ? fresh->pdata[j] : NULL;
      gint64 old_id = old ? vaern_record_get_id (old) : G_MAXINT64;
      gint64 new_id = new ? vaern_record_get_id (new) : G_MAXINT64;

      if (old_id == new_id)
        {
          if (vaern_record_get_digest (old) != vaern_record_get_digest (new))
            g_list_store_splice (store, i, 1, (gpointer *) &new, 1);
          i++, j++;
        }
      else if (old_id < new_id)
        g_list_store_remove (store, i);
      else
        {
          g_list_store_insert (store, i, new);
          i++, j++;
        }
    }
}

/* Loads all assets, or the one with the given id; the same for people and
 * roles. Lookups by id read the file, not the lists, so they see the edits
 * of a batch that is still open. */
static GPtrArray *
load_assets (VaernDocument *self,
             gint64         id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = doc_prepare_list (self,
    "SELECT a.id, a.kind, a.name, a.purpose, a.kitos_uuid, a.supplier, a.hosting,"
    "       a.lifecycle, a.unit_id, a.personal_data, a.dpa, a.dpa_date, a.criticality,"
    "       a.confidentiality, a.integrity, a.availability, a.next_review, a.notes,"
    "       u.name, o.person_id, p.name,"
    "       (SELECT count(*) FROM assignment x JOIN role r ON r.id = x.role_id"
    "         WHERE x.asset_id = a.id AND x.to_date IS NULL AND r.key = 'system_administrator'),"
    "       (SELECT group_concat(unit_id) FROM asset_unit WHERE asset_id = a.id),"
    "       r.n, r.max_after, r.last"
    "  FROM asset a"
    "  LEFT JOIN (SELECT asset_id, count(*) AS n, max(assessed_on) AS last,"
    "                    max(CASE WHEN likelihood = 0 THEN 0 ELSE"
    "                          (CASE residual_likelihood WHEN 0 THEN likelihood"
    "                           ELSE residual_likelihood END)"
    "                        * (CASE residual_consequence WHEN 0"
    "                           THEN max(consequence_c, consequence_i, consequence_a)"
    "                           ELSE residual_consequence END) END) AS max_after"
    "               FROM risk GROUP BY asset_id) r ON r.asset_id = a.id"
    "  LEFT JOIN unit u ON u.id = a.unit_id"
    "  LEFT JOIN assignment o ON o.asset_id = a.id AND o.to_date IS NULL"
    "       AND o.role_id = (SELECT id FROM role WHERE key ="
    "           CASE a.kind WHEN 'system' THEN 'system_owner' ELSE 'asset_owner' END)"
    "  LEFT JOIN person p ON p.id = o.person_id"
    " WHERE ?1 = 0 OR a.id = ?1"
    " ORDER BY a.id");
  int rc;

  if (stmt == NULL)
    return result;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VaernAsset *a = vaern_asset_new ();
      const char *using = (const char *) sqlite3_column_text (stmt, 22);

      vaern_record_set_identity (VAERN_RECORD (a), sqlite3_column_int64 (stmt, 0),
                                 doc_row_digest (stmt));
      a->kind = doc_column_enum (stmt, 1, &vaern_enum_asset_kind);
      a->name = doc_column_dup (stmt, 2);
      a->purpose = doc_column_dup (stmt, 3);
      a->kitos_uuid = doc_column_dup (stmt, 4);
      a->supplier = doc_column_dup (stmt, 5);
      a->hosting = doc_column_enum (stmt, 6, &vaern_enum_hosting);
      a->lifecycle = doc_column_enum (stmt, 7, &vaern_enum_lifecycle);
      a->unit_id = sqlite3_column_int64 (stmt, 8);
      a->personal_data = doc_column_enum (stmt, 9, &vaern_enum_personal_data);
      a->dpa = doc_column_enum (stmt, 10, &vaern_enum_dpa);
      a->dpa_date = doc_column_dup (stmt, 11);
      a->criticality = sqlite3_column_int (stmt, 12);
      a->confidentiality = sqlite3_column_int (stmt, 13);
      a->integrity = sqlite3_column_int (stmt, 14);
      a->availability = sqlite3_column_int (stmt, 15);
      a->next_review = doc_column_dup (stmt, 16);
      a->notes = doc_column_dup (stmt, 17);
      a->unit_name = doc_column_dup (stmt, 18);
      a->owner_id = sqlite3_column_int64 (stmt, 19);
      a->owner_name = doc_column_dup (stmt, 20);
      a->n_administrators = sqlite3_column_int (stmt, 21);
      a->using_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (using)
        {
          g_auto(GStrv) ids = g_strsplit (using, ",", -1);

          for (guint k = 0; ids[k]; k++)
            {
              gint64 id = g_ascii_strtoll (ids[k], NULL, 10);
              g_array_append_val (a->using_unit_ids, id);
            }
        }
      a->n_risks = sqlite3_column_int (stmt, 23);
      a->max_residual_band = 1 + vaern_risk_scale_band_for_score (self->scale,
                                                                   sqlite3_column_int (stmt, 24));
      /* The band depends on the scale as well as on the row. */
      vaern_record_set_identity (VAERN_RECORD (a), vaern_record_get_id (VAERN_RECORD (a)),
                                 vaern_record_get_digest (VAERN_RECORD (a))
                                 ^ (a->max_residual_band * 2654435761u));
      a->last_assessed = doc_column_dup (stmt, 25);
      a->findings = vaern_findings_compute (a->kind, a->lifecycle, a->owner_id > 0,
                                            a->personal_data, a->dpa, a->next_review);
      a->search_key = doc_casefold_join (a->name, a->purpose, a->supplier, a->unit_name,
                                     a->owner_name, a->kitos_uuid, (const char *) -1);
      g_ptr_array_add (result, a);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

static GPtrArray *
load_people (VaernDocument *self,
             gint64         id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = doc_prepare_list (self,
    "SELECT p.id, p.name, p.title, p.email, p.phone, p.unit_id, u.name,"
    "       (SELECT count(*) FROM assignment x WHERE x.person_id = p.id AND x.to_date IS NULL)"
    "  FROM person p LEFT JOIN unit u ON u.id = p.unit_id"
    " WHERE ?1 = 0 OR p.id = ?1"
    " ORDER BY p.id");
  int rc;

  if (stmt == NULL)
    return result;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VaernPerson *p = vaern_person_new ();

      vaern_record_set_identity (VAERN_RECORD (p), sqlite3_column_int64 (stmt, 0),
                                 doc_row_digest (stmt));
      p->name = doc_column_dup (stmt, 1);
      p->title = doc_column_dup (stmt, 2);
      p->email = doc_column_dup (stmt, 3);
      p->phone = doc_column_dup (stmt, 4);
      p->unit_id = sqlite3_column_int64 (stmt, 5);
      p->unit_name = doc_column_dup (stmt, 6);
      p->n_roles = sqlite3_column_int (stmt, 7);
      p->search_key = doc_casefold_join (p->name, p->title, p->email, p->unit_name,
                                     (const char *) -1);
      g_ptr_array_add (result, p);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

/* Units come in tree order (depth first, siblings by name), which is the
 * order pickers show them in; the store itself is kept in that order. */
static GPtrArray *
load_units (VaernDocument *self)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = doc_prepare_list (self,
    "WITH RECURSIVE tree (id, depth, path, sort) AS ("
    "  SELECT id, 0, name, name FROM unit WHERE parent_id IS NULL"
    "  UNION ALL"
    "  SELECT u.id, t.depth + 1, t.path || ' › ' || u.name, t.sort || char(1) || u.name"
    "    FROM unit u JOIN tree t ON u.parent_id = t.id)"
    "SELECT u.id, u.parent_id, u.name, u.kind, t.depth, t.path"
    "  FROM tree t JOIN unit u ON u.id = t.id ORDER BY t.sort COLLATE NOCASE");
  int rc;

  if (stmt == NULL)
    return result;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VaernUnit *u = vaern_unit_new ();

      vaern_record_set_identity (VAERN_RECORD (u), sqlite3_column_int64 (stmt, 0),
                                 doc_row_digest (stmt));
      u->parent_id = sqlite3_column_int64 (stmt, 1);
      u->name = doc_column_dup (stmt, 2);
      u->kind = doc_column_enum (stmt, 3, &vaern_enum_unit_kind);
      u->depth = sqlite3_column_int (stmt, 4);
      u->path = doc_column_dup (stmt, 5);
      g_ptr_array_add (result, u);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

static GPtrArray *
load_roles (VaernDocument *self,
            gint64         id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = doc_prepare_list (self,
    "SELECT id, key, name, description, scope, single, position FROM role"
    " WHERE ?1 = 0 OR id = ?1 ORDER BY position, id");
  int rc;

  if (stmt == NULL)
    return result;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VaernRole *r = vaern_role_new ();

      vaern_record_set_identity (VAERN_RECORD (r), sqlite3_column_int64 (stmt, 0),
                                 doc_row_digest (stmt));
      r->key = doc_column_dup (stmt, 1);
      r->name = doc_column_dup (stmt, 2);
      r->description = doc_column_dup (stmt, 3);
      r->scope = doc_column_enum (stmt, 4, &vaern_enum_role_scope);
      r->single = sqlite3_column_int (stmt, 5);
      r->position = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (result, r);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

/* Lists whose order is not the id order are replaced whole when their
 * order changed, and merged otherwise. */
void
doc_replace_ordered (GListStore *store,
                     GPtrArray  *fresh)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean same = n == fresh->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(VaernRecord) old = g_list_model_get_item (G_LIST_MODEL (store), i);

      same = vaern_record_get_id (old) == vaern_record_get_id (fresh->pdata[i])
             && vaern_record_get_digest (old) == vaern_record_get_digest (fresh->pdata[i]);
    }
  if (!same)
    g_list_store_splice (store, 0, n, fresh->pdata, fresh->len);
}

/* What the change set touched, and which risks it changed. */
static DocTouched
touched_by (VaernDocument *self,
            gint64         set,
            GArray        *risk_ids)
{
  static const struct { const char *table; DocTouched flag; } tables[] = {
    { "unit", DOC_TOUCHED_UNIT }, { "person", DOC_TOUCHED_PERSON },
    { "asset", DOC_TOUCHED_ASSET }, { "asset_unit", DOC_TOUCHED_ASSET },
    { "role", DOC_TOUCHED_ROLE }, { "assignment", DOC_TOUCHED_ASSIGNMENT },
    { "scale", DOC_TOUCHED_SCALE }, { "scale_level", DOC_TOUCHED_SCALE },
    { "scale_band", DOC_TOUCHED_SCALE }, { "threat", DOC_TOUCHED_THREAT },
    { "risk", DOC_TOUCHED_RISK }, { "risk_control", DOC_TOUCHED_RISK },
    { "document", DOC_TOUCHED_DOCUMENT }, { "soa_version", DOC_TOUCHED_SOA },
    { "soa_entry", DOC_TOUCHED_SOA }, { "soa_entry_document", DOC_TOUCHED_SOA },
    { "approval", DOC_TOUCHED_SOA }, { "activity", DOC_TOUCHED_ACTIVITY },
    { "activity_done", DOC_TOUCHED_ACTIVITY },
  };
  sqlite3_stmt *stmt;
  DocTouched touched = 0;

  if (set <= 0)
    return DOC_TOUCHED_ALL;
  /* The risk a row of risk_control belongs to is in its logged values. */
  stmt = doc_prepare (self,
                      "SELECT tbl, CASE tbl WHEN 'risk' THEN row_id WHEN 'risk_control'"
                      "  THEN json_extract (coalesce (new, old), '$.risk_id') END"
                      "  FROM change_log WHERE change_set = ?", NULL);
  if (stmt == NULL)
    return DOC_TOUCHED_ALL;
  sqlite3_bind_int64 (stmt, 1, set);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      DocTouched flag = DOC_TOUCHED_OTHER;

      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        if (g_strcmp0 (table, tables[i].table) == 0)
          flag = tables[i].flag;
      touched |= flag;
      if (flag == DOC_TOUCHED_RISK && sqlite3_column_type (stmt, 1) == SQLITE_INTEGER)
        {
          gint64 id = sqlite3_column_int64 (stmt, 1);

          g_array_append_val (risk_ids, id);
        }
    }
  sqlite3_reset (stmt);
  return touched;
}

/* Reloads the lists the last change can have changed: after an edit of
 * one risk, that risk and the register's summary of its system, not every
 * list of the document. */
static void
refresh_lists (VaernDocument *self)
{
  g_autoptr(GArray) risk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DocTouched touched = touched_by (self, self->refresh_set, risk_ids);

  self->refresh_set = 0;
  /* The scale first: the register shows bands. */
  doc_risks_refresh (self, touched, risk_ids);
  if (touched & (DOC_TOUCHED_ROLE | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) roles = load_roles (self, 0);

      doc_replace_ordered (self->roles, roles);
    }
  if (touched & (DOC_TOUCHED_UNIT | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) units = load_units (self);

      doc_replace_ordered (self->units, units);
    }
  if (touched & (DOC_TOUCHED_PERSON | DOC_TOUCHED_UNIT | DOC_TOUCHED_ASSIGNMENT
                 | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) people = load_people (self, 0);

      doc_merge_records (self->people, people);
    }
  doc_soa_refresh (self, touched);
  doc_wheel_refresh (self, touched);
  if (touched & ~(DOC_TOUCHED_THREAT | DOC_TOUCHED_SOA | DOC_TOUCHED_DOCUMENT
                  | DOC_TOUCHED_ACTIVITY))
    {
      g_autoptr(GPtrArray) assets = load_assets (self, 0);

      doc_merge_records (self->assets, assets);
    }
}

GListModel *
vaern_document_get_assets (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->assets);
}

GListModel *
vaern_document_get_people (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->people);
}

GListModel *
vaern_document_get_units (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->units);
}

GListModel *
vaern_document_get_roles (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->roles);
}

static gint64 find_by_name (VaernDocument *self,
                            const char    *sql,
                            const char    *name);

/* Takes the first record of a loaded array (transfer full), or NULL. */
static gpointer
first_record (GPtrArray *records)
{
  gpointer record = records->len > 0 ? g_object_ref (records->pdata[0]) : NULL;

  g_ptr_array_unref (records);
  return record;
}

static gpointer
find_record (GListModel *model,
             gint64      id)
{
  guint position = vaern_record_list_find (model, id);

  return position == G_MAXUINT ? NULL : g_list_model_get_item (model, position);
}

VaernAsset *
vaern_document_get_asset (VaernDocument *self,
                          gint64         id,
                          GError       **error)
{
  VaernAsset *asset;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  asset = id > 0 ? first_record (load_assets (self, id)) : NULL;
  if (asset == NULL)
    g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                 _("The asset no longer exists."));
  return asset;
}

VaernPerson *
vaern_document_find_person (VaernDocument *self,
                            gint64         id)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return id > 0 ? first_record (load_people (self, id)) : NULL;
}

VaernUnit *
vaern_document_find_unit (VaernDocument *self,
                          gint64         id)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return find_record (G_LIST_MODEL (self->units), id);
}

VaernRole *
vaern_document_find_role (VaernDocument *self,
                          gint64         id)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return id > 0 ? first_record (load_roles (self, id)) : NULL;
}

VaernRole *
vaern_document_find_role_by_key (VaernDocument *self,
                                 const char    *key)
{
  gint64 id;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  id = find_by_name (self, "SELECT id FROM role WHERE key = ?", key);
  return id > 0 ? first_record (load_roles (self, id)) : NULL;
}

static gint64
find_by_name (VaernDocument *self,
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

gint64
vaern_document_find_asset_by_name (VaernDocument *self,
                                   const char    *name)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  return find_by_name (self, "SELECT id FROM asset WHERE name = ? COLLATE NOCASE", name);
}

gint64
vaern_document_find_unit_by_name (VaernDocument *self,
                                  const char    *name)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  return find_by_name (self, "SELECT id FROM unit WHERE name = ? COLLATE NOCASE ORDER BY id",
                       name);
}

GListModel *
vaern_document_list_assignments (VaernDocument *self,
                                 gint64         asset_id,
                                 gint64         person_id,
                                 gboolean       with_history)
{
  GListStore *store = g_list_store_new (VAERN_TYPE_ASSIGNMENT);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), G_LIST_MODEL (store));

  stmt = doc_prepare (self,
    "SELECT x.id, x.asset_id, x.person_id, x.role_id, x.from_date, x.to_date, x.note,"
    "       a.name, p.name, r.name"
    "  FROM assignment x"
    "  JOIN asset a ON a.id = x.asset_id"
    "  JOIN person p ON p.id = x.person_id"
    "  JOIN role r ON r.id = x.role_id"
    " WHERE (?1 = 0 OR x.asset_id = ?1) AND (?2 = 0 OR x.person_id = ?2)"
    "   AND (?3 OR x.to_date IS NULL)"
    " ORDER BY x.to_date IS NOT NULL, r.position, a.name, x.from_date DESC", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (store);

  sqlite3_bind_int64 (stmt, 1, asset_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int (stmt, 3, with_history);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(VaernAssignment) x = g_object_new (VAERN_TYPE_ASSIGNMENT, NULL);

      vaern_record_set_identity (VAERN_RECORD (x), sqlite3_column_int64 (stmt, 0),
                                 doc_row_digest (stmt));
      x->asset_id = sqlite3_column_int64 (stmt, 1);
      x->person_id = sqlite3_column_int64 (stmt, 2);
      x->role_id = sqlite3_column_int64 (stmt, 3);
      x->from_date = doc_column_dup (stmt, 4);
      x->to_date = doc_column_dup (stmt, 5);
      x->note = doc_column_dup (stmt, 6);
      x->asset_name = doc_column_dup (stmt, 7);
      x->person_name = doc_column_dup (stmt, 8);
      x->role_name = doc_column_dup (stmt, 9);
      x->current = x->to_date == NULL;
      g_list_store_append (store, x);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (store);
}

GListModel *
vaern_document_list_changes (VaernDocument *self,
                             guint          limit)
{
  GListStore *store = g_list_store_new (VAERN_TYPE_CHANGE);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), G_LIST_MODEL (store));

  stmt = doc_prepare (self,
    "SELECT l.id, l.change_set, s.at, s.actor, s.label, l.tbl, l.row_id, l.op, l.old, l.new"
    "  FROM change_log l JOIN change_set s ON s.id = l.change_set"
    " ORDER BY l.id DESC LIMIT ?", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (store);

  sqlite3_bind_int64 (stmt, 1, limit ? limit : G_MAXINT64);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(VaernChange) c = g_object_new (VAERN_TYPE_CHANGE, NULL);

      vaern_record_set_identity (VAERN_RECORD (c), sqlite3_column_int64 (stmt, 0), 0);
      c->change_set = sqlite3_column_int64 (stmt, 1);
      c->at = doc_column_dup (stmt, 2);
      c->actor = doc_column_dup (stmt, 3);
      c->label = doc_column_dup (stmt, 4);
      c->table = doc_column_dup (stmt, 5);
      c->row_id = sqlite3_column_int64 (stmt, 6);
      c->op = doc_column_dup (stmt, 7);
      c->old_values = doc_column_dup (stmt, 8);
      c->new_values = doc_column_dup (stmt, 9);
      g_list_store_append (store, c);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (store);
}

/* The change sets (what a person did, as one step) whose effect stands,
 * made on or after the day since (NULL: all), newest first, at most limit.
 *
 * Undo writes a change set that reverts the step, and redo one that
 * reverts the undo: a chain from the original. The step stands when its
 * chain has an odd number of sets (done, or done, undone and redone), and
 * is shown as the chain's last set. Each set reverts an earlier one, so
 * one pass in id order gives every set's place in its chain. */
GListModel *
vaern_document_list_change_sets (VaernDocument *self,
                                 const char    *since,
                                 guint          limit)
{
  GListStore *store = g_list_store_new (VAERN_TYPE_CHANGE);
  g_autoptr(GHashTable) depth = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) reverted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) standing = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), G_LIST_MODEL (store));

  /* The ids are kept in an array that does not move while the tables
   * point into it: it is sized first. */
  g_array_set_size (ids, MAX (0, doc_query_int (self, "SELECT count(*) FROM change_set", 0, NULL)));
  stmt = doc_prepare (self,
    "SELECT s.id, s.at, s.actor, s.label, s.reverts,"
    "       EXISTS (SELECT 1 FROM change_log l WHERE l.change_set = s.id)"
    "  FROM change_set s ORDER BY s.id", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (store);

  for (guint n = 0; sqlite3_step (stmt) == SQLITE_ROW && n < ids->len; n++)
    {
      gint64 *id = &g_array_index (ids, gint64, n);
      gint64 reverts = sqlite3_column_int64 (stmt, 4);
      guint d = 0;
      const char *at = (const char *) sqlite3_column_text (stmt, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      if (reverts != 0)
        {
          d = GPOINTER_TO_UINT (g_hash_table_lookup (depth, &reverts));
          g_hash_table_add (reverted, g_memdup2 (&reverts, sizeof reverts));
        }
      g_hash_table_insert (depth, id, GUINT_TO_POINTER (reverts != 0 ? d + 1 : 1));
      if ((reverts == 0 ? 1 : d + 1) % 2 == 1 && sqlite3_column_int (stmt, 5)
          && at != NULL && strcmp (at, since ? since : "") >= 0)
        {
          VaernChange *c = g_object_new (VAERN_TYPE_CHANGE, NULL);

          vaern_record_set_identity (VAERN_RECORD (c), *id, 0);
          c->change_set = *id;
          c->at = g_strdup (at);
          c->actor = doc_column_dup (stmt, 2);
          c->label = doc_column_dup (stmt, 3);
          g_ptr_array_add (standing, c);
        }
    }
  sqlite3_reset (stmt);

  /* Newest first; a set some later one reverted does not stand. */
  for (guint i = standing->len; i > 0; i--)
    {
      VaernChange *c = g_ptr_array_index (standing, i - 1);

      if (g_hash_table_contains (reverted, &c->change_set))
        continue;
      g_list_store_append (store, c);
      if (limit != 0 && g_list_model_get_n_items (G_LIST_MODEL (store)) >= limit)
        break;
    }
  return G_LIST_MODEL (store);
}

guint
vaern_document_count_changes (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  return MAX (0, doc_query_int (self, "SELECT count(*) FROM change_log", 0, NULL));
}

/* Transactions: every edit is a change set */

gboolean
doc_check_writable (VaernDocument *self,
                    GError       **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FAILED,
                   _("The document is closed."));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_READ_ONLY,
                   _("The document is read-only. Save a copy to make changes."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_change_set (VaernDocument *self,
                 const char    *label,
                 gint64         reverts,
                 GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt = doc_prepare (self,
                                "INSERT INTO change_set (at, actor, label, reverts)"
                                " VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  doc_bind_text (stmt, 1, at);
  doc_bind_text (stmt, 2, g_get_user_name ());
  doc_bind_text (stmt, 3, label);
  doc_bind_id (stmt, 4, reverts);
  if (!doc_step_done (self, stmt, error))
    return FALSE;
  self->change_set = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Whether the batch's transaction still stands; when an error ended it,
 * that error again. */
static gboolean
batch_alive (VaernDocument *self,
             GError       **error)
{
  if (self->batch_error == NULL && !sqlite3_get_autocommit (self->db))
    return TRUE;
  if (self->batch_error != NULL)
    g_propagate_error (error, g_error_copy (self->batch_error));
  else
    g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FAILED,
                 _("The changes could not be saved; nothing was changed."));
  return FALSE;
}

gboolean
doc_begin_change (VaernDocument *self,
                  const char    *label,
                  GError       **error)
{
  if (!doc_check_writable (self, error) || !check_same_file (self, error))
    return FALSE;

  if (self->batch_depth > 0)
    return batch_alive (self, error) && doc_exec (self, "SAVEPOINT edit", error);

  if (!doc_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!open_change_set (self, label, 0, error))
    {
      doc_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

static void
push_step (GArray     *stack,
           gint64      change_set,
           const char *label)
{
  UndoStep step = { change_set, g_strdup (label) };

  g_array_append_val (stack, step);
}

static void
notify_undo (VaernDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Commits (or rolls back) the change set. An edit that changed nothing
 * leaves no trace and no undo step. Returns whether anything changed. */
static gboolean
commit_change_set (VaernDocument *self,
                   const char    *label,
                   GArray        *push_to,
                   GError       **error)
{
  gint64 set = self->change_set;
  gint64 changed = doc_query_int (self, "SELECT EXISTS (SELECT 1 FROM change_log WHERE change_set = ?)",
                              set, error);

  self->change_set = 0;
  if (changed < 0)
    {
      doc_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  if (changed == 0 && self->audit)
    {
      doc_exec (self, "ROLLBACK", NULL);
      return TRUE;
    }
  if (!doc_exec (self, "COMMIT", error))
    {
      doc_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  if (self->audit && push_to)
    push_step (push_to, set, label);
  self->refresh_set = self->audit ? set : 0;
  return TRUE;
}

static void
emit_changed (VaernDocument *self)
{
  load_organisation (self, NULL);
  refresh_lists (self);
  notify_undo (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
doc_end_change (VaernDocument *self,
                gboolean       ok,
                const char    *label,
                GError       **error)
{
  if (self->batch_depth > 0)
    {
      if (!batch_alive (self, ok ? error : NULL))
        return FALSE;
      if (ok)
        return doc_exec (self, "RELEASE edit", error);
      doc_exec (self, "ROLLBACK TO edit; RELEASE edit", NULL);
      return FALSE;
    }

  if (!ok)
    {
      self->change_set = 0;
      doc_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  if (!commit_change_set (self, label, self->undo_stack, error))
    return FALSE;
  g_array_set_size (self->redo_stack, 0);
  emit_changed (self);
  return TRUE;
}

static char *
query_label (VaernDocument *self,
             gint64         change_set)
{
  sqlite3_stmt *stmt = doc_prepare (self, "SELECT label FROM change_set WHERE id = ?", NULL);
  char *label = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, change_set);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = doc_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return label;
}

gboolean
vaern_document_begin_batch (VaernDocument *self,
                            const char    *label,
                            GError       **error)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->batch_depth == 0, FALSE);

  if (!doc_begin_change (self, label, error))
    return FALSE;
  self->batch_depth = 1;
  return TRUE;
}

gboolean
vaern_document_end_batch (VaernDocument *self,
                          gboolean       commit,
                          GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->batch_depth == 1, FALSE);

  /* A batch whose transaction an error ended has nothing left to commit:
   * say why, and leave the document as it was before the batch. */
  if (self->batch_error != NULL || sqlite3_get_autocommit (self->db))
    {
      gboolean alive = batch_alive (self, commit ? error : NULL);

      g_assert (!alive);
      self->batch_depth = 0;
      self->change_set = 0;
      g_clear_error (&self->batch_error);
      doc_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  self->batch_depth = 0;
  label = query_label (self, self->change_set);
  return doc_end_change (self, commit, label, error) && commit;
}

/**
 * vaern_document_batch_failed:
 *
 * Whether an error (a full disk, an I/O error) has ended the transaction
 * of the open batch. Nothing of the batch is kept then, and every further
 * edit in it is refused: a caller going through many rows stops, and
 * vaern_document_end_batch() says why.
 */
gboolean
vaern_document_batch_failed (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), TRUE);

  return self->batch_depth > 0 && !batch_alive (self, NULL);
}

/* Undo and redo */

guint
vaern_document_get_undo_depth (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  return self->undo_stack->len;
}

gboolean
vaern_document_can_undo (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  return self->undo_stack->len > 0 && !self->read_only;
}

gboolean
vaern_document_can_redo (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  return self->redo_stack->len > 0 && !self->read_only;
}

const char *
vaern_document_get_undo_label (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  if (self->undo_stack->len == 0)
    return NULL;
  return g_array_index (self->undo_stack, UndoStep, self->undo_stack->len - 1).label;
}

const char *
vaern_document_get_redo_label (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  if (self->redo_stack->len == 0)
    return NULL;
  return g_array_index (self->redo_stack, UndoStep, self->redo_stack->len - 1).label;
}

/* Applies the inverse of one logged row change. */
static gboolean
revert_row (VaernDocument *self,
            const char    *table,
            gint64         row_id,
            const char    *op,
            const char    *old_json,
            GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) cols = NULL;
  g_autofree char *info = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", table);
  int rc;

  if (g_str_equal (op, "insert"))
    {
      g_string_printf (sql, "DELETE FROM \"%s\" WHERE id = ?2", table);
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new (NULL);
      int n = 0;

      if (sqlite3_prepare_v2 (self->db, info, -1, &cols, NULL) != SQLITE_OK)
        goto failed;
      while (sqlite3_step (cols) == SQLITE_ROW)
        {
          const char *col = (const char *) sqlite3_column_text (cols, 0);

          if (g_str_equal (op, "delete"))
            {
              g_string_append_printf (names, "%s\"%s\"", n ? ", " : "", col);
              g_string_append_printf (values, "%sjson_extract(?1, '$.\"%s\"')", n ? ", " : "",
                                      col);
            }
          else
            g_string_append_printf (names, "%s\"%s\" = json_extract(?1, '$.\"%s\"')",
                                    n ? ", " : "", col, col);
          n++;
        }
      if (g_str_equal (op, "delete"))
        g_string_printf (sql, "INSERT INTO \"%s\" (%s) VALUES (%s)", table, names->str,
                         values->str);
      else
        g_string_printf (sql, "UPDATE \"%s\" SET %s WHERE id = ?2", table, names->str);
    }

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  doc_bind_text (stmt, 1, old_json);
  sqlite3_bind_int64 (stmt, 2, row_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

failed:
  doc_set_db_error (self, error, sqlite3_extended_errcode (self->db));
  return FALSE;
}

static gboolean
revert_change_set (VaernDocument *self,
                   GArray        *from,
                   GArray        *to,
                   const char    *label_format,
                   GError       **error)
{
  UndoStep *step;
  g_autofree char *label = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  gboolean ok = TRUE;

  if (!doc_check_writable (self, error) || !check_same_file (self, error))
    return FALSE;
  if (from->len == 0)
    return TRUE;

  step = &g_array_index (from, UndoStep, from->len - 1);
  label = g_strdup (step->label);

  if (!doc_exec (self, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON;", error))
    return FALSE;
  if (!open_change_set (self, label, step->change_set, error))
    {
      doc_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT tbl, row_id, op, old FROM change_log"
                          " WHERE change_set = ? ORDER BY id DESC", -1, &rows, NULL) != SQLITE_OK)
    ok = FALSE;
  else
    {
      sqlite3_bind_int64 (rows, 1, step->change_set);
      while (ok && sqlite3_step (rows) == SQLITE_ROW)
        ok = revert_row (self, (const char *) sqlite3_column_text (rows, 0),
                         sqlite3_column_int64 (rows, 1),
                         (const char *) sqlite3_column_text (rows, 2),
                         (const char *) sqlite3_column_text (rows, 3), error);
    }
  if (!ok)
    {
      self->change_set = 0;
      doc_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  g_clear_pointer (&rows, sqlite3_finalize);
  if (!commit_change_set (self, label, to, error))
    return FALSE;
  g_array_set_size (from, from->len - 1);
  emit_changed (self);
  return TRUE;
}

gboolean
vaern_document_undo (VaernDocument *self,
                     GError       **error)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  return revert_change_set (self, self->undo_stack, self->redo_stack, NULL, error);
}

gboolean
vaern_document_redo (VaernDocument *self,
                     GError       **error)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  return revert_change_set (self, self->redo_stack, self->undo_stack, NULL, error);
}

/* Organisation */

gboolean
vaern_document_set_organisation (VaernDocument *self,
                                 const char    *name,
                                 const char    *cvr,
                                 GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(GString) digits = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("The organisation needs a name."));
      return FALSE;
    }
  /* A CVR number is eight digits; spaces people type in it are dropped. */
  digits = g_string_new (NULL);
  for (const char *p = cvr ? cvr : ""; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (digits, *p);
  if (digits->len > 0)
    {
      gboolean valid = digits->len == 8;

      for (gsize i = 0; valid && i < digits->len; i++)
        valid = g_ascii_isdigit (digits->str[i]);
      if (!valid)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "cvr", "%s",
                                       _("A CVR number has eight digits, such as 29189900."));
          return FALSE;
        }
    }
  if (!doc_begin_change (self, _("Change organisation"), error))
    return FALSE;
  stmt = doc_prepare (self, "UPDATE organisation SET name = ?, cvr = ? WHERE id = 1", error);
  ok = stmt != NULL;
  if (ok)
    {
      doc_bind_text (stmt, 1, trimmed);
      doc_bind_text_or_empty (stmt, 2, digits->str);
      ok = doc_step_done (self, stmt, error);
    }
  if (!doc_end_change (self, ok, _("Change organisation"), error))
    return FALSE;
  load_organisation (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
  return TRUE;
}

/* The logo */

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

gboolean
vaern_logo_check (const guint8 *data,
                  gsize         size,
                  GError      **error)
{
  if (size < sizeof png_signature || memcmp (data, png_signature, sizeof png_signature) != 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("The logo is not a PNG picture."));
      return FALSE;
    }
  if (size > VAERN_LOGO_MAX_BYTES)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("The logo is larger than %d MB. Choose a smaller picture."),
                   VAERN_LOGO_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  /* The first chunk is the header, 13 bytes long, with the size: a small
   * file may still name a picture of gigapixels, which every page printed
   * would unpack. */
  {
    static const guint8 ihdr[8] = { 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    guint32 width, height;

    if (size < 24 || memcmp (data + 8, ihdr, sizeof ihdr) != 0)
      {
        g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                     _("The logo is not a PNG picture."));
        return FALSE;
      }
    width = (guint32) data[16] << 24 | (guint32) data[17] << 16 | (guint32) data[18] << 8 | data[19];
    height = (guint32) data[20] << 24 | (guint32) data[21] << 16 | (guint32) data[22] << 8 | data[23];
    if (width == 0 || height == 0 || width > VAERN_LOGO_MAX_PIXELS || height > VAERN_LOGO_MAX_PIXELS)
      {
        g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                     _("The logo is %u × %u pixels; at most %d × %d pixels are kept. Choose a "
                       "smaller picture."), width, height, VAERN_LOGO_MAX_PIXELS,
                     VAERN_LOGO_MAX_PIXELS);
        return FALSE;
      }
  }
  return TRUE;
}

GBytes *
vaern_document_get_logo (VaernDocument *self)
{
  sqlite3_stmt *stmt;
  GBytes *logo = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  stmt = doc_prepare (self, "SELECT png FROM organisation_logo WHERE id = 1", NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gsize size = 0;
      guchar *data = g_base64_decode ((const char *) sqlite3_column_text (stmt, 0), &size);

      if (vaern_logo_check (data, size, NULL))
        logo = g_bytes_new_take (data, size);
      else
        g_free (data);
    }
  sqlite3_reset (stmt);
  return logo;
}

gboolean
vaern_document_set_logo (VaernDocument *self,
                         GBytes        *png,
                         GError       **error)
{
  /* Translators: an undo step */
  const char *label = png ? _("Change logo") : _("Remove logo");
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (png != NULL)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (png, &size);

      if (!vaern_logo_check (data, size, error))
        return FALSE;
      text = g_base64_encode (data, size);
    }
  if (!doc_begin_change (self, label, error))
    return FALSE;
  if (text != NULL)
    stmt = doc_prepare (self, "INSERT INTO organisation_logo (id, png) VALUES (1, ?)"
                              " ON CONFLICT (id) DO UPDATE SET png = excluded.png", error);
  else
    stmt = doc_prepare (self, "DELETE FROM organisation_logo WHERE id = 1", error);
  ok = stmt != NULL;
  if (ok)
    {
      if (text != NULL)
        doc_bind_text (stmt, 1, text);
      ok = doc_step_done (self, stmt, error);
    }
  return doc_end_change (self, ok, label, error);
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

/* Assets */

static gboolean
validate_asset (VaernDocument *self,
                VaernAsset    *asset,
                gint64         own_id,
                GError       **error)
{
  gint64 other;

  if (!doc_require_name (asset->name, _("The asset needs a name."), error))
    return FALSE;
  other = vaern_document_find_asset_by_name (self, asset->name);
  if (other != 0 && other != own_id)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (asset->name));

      vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "name",
                                   _("An asset named “%s” already exists. Choose another name."),
                                   trimmed);
      return FALSE;
    }
  if (asset->kitos_uuid && *asset->kitos_uuid && !g_uuid_string_is_valid (asset->kitos_uuid))
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "kitos_uuid",
                                   _("“%s” is not a KITOS UUID. It looks like "
                                     "12345678-abcd-4ef0-1234-56789abcdef0."), asset->kitos_uuid);
      return FALSE;
    }
  if (!doc_require_date (asset->dpa_date, "dpa_date", TRUE, error)
      || !doc_require_date (asset->next_review, "next_review", TRUE, error))
    return FALSE;
  if (asset->criticality > VAERN_LEVEL_VERY_HIGH || asset->confidentiality > VAERN_LEVEL_VERY_HIGH
      || asset->integrity > VAERN_LEVEL_VERY_HIGH || asset->availability > VAERN_LEVEL_VERY_HIGH)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("A level is out of range."));
      return FALSE;
    }
  if (asset->unit_id > 0 && doc_query_int (self, "SELECT count(*) FROM unit WHERE id = ?",
                                       asset->unit_id, NULL) != 1)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_NOT_FOUND, "unit",
                                   _("The chosen unit no longer exists."));
      return FALSE;
    }
  return TRUE;
}

static void
bind_asset (sqlite3_stmt *stmt,
            VaernAsset   *a)
{
  g_autofree char *name = g_strstrip (g_strdup (a->name));
  const char *uuid = a->kitos_uuid && *a->kitos_uuid ? a->kitos_uuid : NULL;
  g_autofree char *uuid_lower = uuid ? g_ascii_strdown (uuid, -1) : NULL;

  doc_bind_text (stmt, 1, vaern_enum_key (&vaern_enum_asset_kind, a->kind));
  doc_bind_text (stmt, 2, name);
  doc_bind_text_or_empty (stmt, 3, a->purpose);
  doc_bind_text (stmt, 4, uuid_lower);
  doc_bind_text_or_empty (stmt, 5, a->supplier);
  doc_bind_text (stmt, 6, vaern_enum_key (&vaern_enum_hosting, a->hosting));
  doc_bind_text (stmt, 7, vaern_enum_key (&vaern_enum_lifecycle, a->lifecycle));
  doc_bind_id (stmt, 8, a->unit_id);
  doc_bind_text (stmt, 9, vaern_enum_key (&vaern_enum_personal_data, a->personal_data));
  doc_bind_text (stmt, 10, vaern_enum_key (&vaern_enum_dpa, a->dpa));
  doc_bind_text (stmt, 11, a->dpa_date);
  sqlite3_bind_int (stmt, 12, a->criticality);
  sqlite3_bind_int (stmt, 13, a->confidentiality);
  sqlite3_bind_int (stmt, 14, a->integrity);
  sqlite3_bind_int (stmt, 15, a->availability);
  doc_bind_text (stmt, 16, a->next_review);
  doc_bind_text_or_empty (stmt, 17, a->notes);
}

/* Makes the asset's using units the given set, touching only the rows
 * that differ so the change log shows just what changed. */
static gboolean
write_using_units (VaernDocument *self,
                   gint64         asset_id,
                   GArray        *unit_ids,
                   GError       **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) existing = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  for (guint i = 0; unit_ids && i < unit_ids->len; i++)
    g_hash_table_add (wanted, &g_array_index (unit_ids, gint64, i));

  stmt = doc_prepare (self, "SELECT unit_id FROM asset_unit WHERE asset_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, asset_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 unit_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (existing, unit_id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < existing->len; i++)
    {
      gint64 *unit_id = &g_array_index (existing, gint64, i);

      if (g_hash_table_remove (wanted, unit_id))
        continue;
      stmt = doc_prepare (self, "DELETE FROM asset_unit WHERE asset_id = ? AND unit_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, asset_id);
      sqlite3_bind_int64 (stmt, 2, *unit_id);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; unit_ids && i < unit_ids->len; i++)
    {
      gint64 *unit_id = &g_array_index (unit_ids, gint64, i);

      if (!g_hash_table_contains (wanted, unit_id))
        continue;
      g_hash_table_remove (wanted, unit_id);
      stmt = doc_prepare (self, "INSERT INTO asset_unit (asset_id, unit_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, asset_id);
      sqlite3_bind_int64 (stmt, 2, *unit_id);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gint64
vaern_document_add_asset (VaernDocument *self,
                          VaernAsset    *asset,
                          GError       **error)
{
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (VAERN_IS_ASSET (asset), 0);

  if (!doc_check_writable (self, error) || !validate_asset (self, asset, 0, error))
    return 0;

  /* Translators: an undo step; %s is the name of an asset */
  label = g_strdup_printf (_("Add “%s”"), asset->name);
  if (!doc_begin_change (self, label, error))
    return 0;

  stmt = doc_prepare (self,
                  "INSERT INTO asset (kind, name, purpose, kitos_uuid, supplier, hosting,"
                  " lifecycle, unit_id, personal_data, dpa, dpa_date, criticality,"
                  " confidentiality, integrity, availability, next_review, notes)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_asset (stmt, asset);
      ok = doc_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (self->db);
    }
  ok = ok && write_using_units (self, id, asset->using_unit_ids, error);

  return doc_end_change (self, ok, label, error) ? id : 0;
}

gboolean
vaern_document_update_asset (VaernDocument *self,
                             VaernAsset    *asset,
                             GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (VAERN_IS_ASSET (asset), FALSE);

  id = vaern_record_get_id (VAERN_RECORD (asset));
  if (!doc_check_writable (self, error) || !validate_asset (self, asset, id, error))
    return FALSE;

  /* Translators: an undo step; %s is the name of an asset */
  label = g_strdup_printf (_("Edit “%s”"), asset->name);
  if (!doc_begin_change (self, label, error))
    return FALSE;

  stmt = doc_prepare (self,
                  "UPDATE asset SET kind = ?, name = ?, purpose = ?, kitos_uuid = ?,"
                  " supplier = ?, hosting = ?, lifecycle = ?, unit_id = ?, personal_data = ?,"
                  " dpa = ?, dpa_date = ?, criticality = ?, confidentiality = ?, integrity = ?,"
                  " availability = ?, next_review = ?, notes = ? WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_asset (stmt, asset);
      sqlite3_bind_int64 (stmt, 18, id);
      ok = doc_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The asset no longer exists."));
      ok = FALSE;
    }
  ok = ok && write_using_units (self, id, asset->using_unit_ids, error);

  return doc_end_change (self, ok, label, error);
}

gint64
doc_write_row (VaernDocument *self,
               const char    *label,
               const char    *sql,
               DocBindFunc    bind,
               int            n_params,
               gpointer       record,
               gint64         id,
               DocExtraFunc   extra,
               const char    *missing,
               GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!doc_begin_change (self, label, error))
    return 0;
  stmt = doc_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      bind (stmt, record);
      if (id > 0)
        sqlite3_bind_int64 (stmt, n_params + 1, id);
      ok = doc_step_done (self, stmt, error);
    }
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND, missing);
      ok = FALSE;
    }
  ok = ok && (extra == NULL || extra (self, id, record, error));
  return doc_end_change (self, ok, label, error) ? id : 0;
}

/* Deletes one row by id; the label names what the person deleted. */
gboolean
doc_delete_row (VaernDocument *self,
                const char    *sql,
                gint64         id,
                const char    *label,
                GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!doc_begin_change (self, label, error))
    return FALSE;
  stmt = doc_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = doc_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("It has already been deleted."));
      ok = FALSE;
    }
  return doc_end_change (self, ok, label, error);
}

gboolean
vaern_document_delete_asset (VaernDocument *self,
                             gint64         id,
                             GError       **error)
{
  g_autoptr(VaernAsset) asset = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  asset = vaern_document_get_asset (self, id, error);
  if (asset == NULL)
    return FALSE;

  /* Translators: an undo step; %s is the name of an asset */
  label = g_strdup_printf (_("Delete “%s”"), asset->name);
  return doc_delete_row (self, "DELETE FROM asset WHERE id = ?", id, label, error);
}

gint64
vaern_document_duplicate_asset (VaernDocument *self,
                                gint64         id,
                                GError       **error)
{
  g_autoptr(VaernAsset) original = NULL;
  g_autoptr(VaernAsset) copy = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  original = vaern_document_get_asset (self, id, error);
  if (original == NULL)
    return 0;

  copy = vaern_asset_copy (original);
  /* A copy is a new system: it has no KITOS identity of its own yet. */
  g_clear_pointer (&copy->kitos_uuid, g_free);
  for (guint n = 1; ; n++)
    {
      g_free (copy->name);
      copy->name = n == 1
        /* Translators: the name of a duplicated asset; %s is the original's name */
        ? g_strdup_printf (_("%s (copy)"), original->name)
        /* Translators: the name of a duplicated asset; %s is the original's name */
        : g_strdup_printf (_("%s (copy %u)"), original->name, n);
      if (vaern_document_find_asset_by_name (self, copy->name) == 0)
        break;
    }
  return vaern_document_add_asset (self, copy, error);
}

/* Units */

static gboolean
validate_unit (VaernDocument *self,
               VaernUnit     *unit,
               GError       **error)
{
  gint64 id = vaern_record_get_id (VAERN_RECORD (unit));

  if (!doc_require_name (unit->name, _("The unit needs a name."), error))
    return FALSE;

  /* A unit cannot be moved below itself. */
  for (gint64 p = unit->parent_id; p > 0 && id > 0;)
    {
      if (p == id)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "parent",
                                       _("A unit cannot be placed under itself."));
          return FALSE;
        }
      p = doc_query_int (self, "SELECT coalesce(parent_id, 0) FROM unit WHERE id = ?", p, NULL);
    }
  return TRUE;
}

static gboolean
unit_write (VaernDocument *self,
            VaernUnit     *unit,
            const char    *sql,
            const char    *label,
            gint64        *id,
            GError       **error)
{
  g_autofree char *name = g_strstrip (g_strdup (unit->name ? unit->name : ""));
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!doc_check_writable (self, error) || !validate_unit (self, unit, error))
    return FALSE;
  if (!doc_begin_change (self, label, error))
    return FALSE;
  stmt = doc_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      doc_bind_id (stmt, 1, unit->parent_id);
      doc_bind_text (stmt, 2, name);
      doc_bind_text (stmt, 3, vaern_enum_key (&vaern_enum_unit_kind, unit->kind));
      if (*id)
        sqlite3_bind_int64 (stmt, 4, *id);
      ok = doc_step_done (self, stmt, error);
      if (!*id)
        *id = sqlite3_last_insert_rowid (self->db);
    }
  if (!ok && error && *error && (*error)->code == VAERN_STORE_ERROR_CONSTRAINT)
    {
      g_clear_error (error);
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "name",
                                   _("There is already a unit named “%s” there."), name);
    }
  return doc_end_change (self, ok, label, error);
}

gint64
vaern_document_add_unit (VaernDocument *self,
                         VaernUnit     *unit,
                         GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id = 0;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  /* Translators: an undo step; %s is the name of a unit */
  label = g_strdup_printf (_("Add unit “%s”"), unit->name ? unit->name : "");
  if (!unit_write (self, unit, "INSERT INTO unit (parent_id, name, kind) VALUES (?, ?, ?)",
                   label, &id, error))
    return 0;
  return id;
}

gboolean
vaern_document_update_unit (VaernDocument *self,
                            VaernUnit     *unit,
                            GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id = vaern_record_get_id (VAERN_RECORD (unit));

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  /* Translators: an undo step; %s is the name of a unit */
  label = g_strdup_printf (_("Edit unit “%s”"), unit->name ? unit->name : "");
  return unit_write (self, unit,
                     "UPDATE unit SET parent_id = ?, name = ?, kind = ? WHERE id = ?",
                     label, &id, error);
}

gboolean
vaern_document_delete_unit (VaernDocument *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(VaernUnit) unit = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  unit = vaern_document_find_unit (self, id);
  if (unit == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The unit no longer exists."));
      return FALSE;
    }
  if (doc_query_int (self, "SELECT count(*) FROM unit WHERE parent_id = ?", id, NULL) > 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT,
                   _("“%s” has units under it. Move or delete them first."), unit->name);
      return FALSE;
    }
  /* Translators: an undo step; %s is the name of a unit */
  label = g_strdup_printf (_("Delete unit “%s”"), unit->name);
  return doc_delete_row (self, "DELETE FROM unit WHERE id = ?", id, label, error);
}

/* People */

static gboolean
validate_person (VaernDocument *self,
                 VaernPerson   *person,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 other = 0;

  if (!doc_require_name (person->name, _("The person needs a name."), error))
    return FALSE;
  if (person->email && *person->email)
    {
      if (strchr (person->email, '@') == NULL || strchr (person->email, ' ') != NULL)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "email",
                                       _("“%s” is not an e-mail address."), person->email);
          return FALSE;
        }
      stmt = doc_prepare (self, "SELECT id FROM person WHERE email = ? COLLATE NOCASE AND id <> ?",
                      error);
      if (stmt == NULL)
        return FALSE;
      doc_bind_text (stmt, 1, person->email);
      sqlite3_bind_int64 (stmt, 2, vaern_record_get_id (VAERN_RECORD (person)));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        other = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (other)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "email",
                                       _("Someone else already has the e-mail address “%s”."),
                                       person->email);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
person_write (VaernDocument *self,
              VaernPerson   *person,
              const char    *sql,
              const char    *label,
              gint64        *id,
              GError       **error)
{
  g_autofree char *name = g_strstrip (g_strdup (person->name ? person->name : ""));
  g_autofree char *email = g_strstrip (g_strdup (person->email ? person->email : ""));
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!doc_check_writable (self, error) || !validate_person (self, person, error))
    return FALSE;
  if (!doc_begin_change (self, label, error))
    return FALSE;
  stmt = doc_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      doc_bind_text (stmt, 1, name);
      doc_bind_text_or_empty (stmt, 2, person->title);
      doc_bind_text (stmt, 3, email);
      doc_bind_text_or_empty (stmt, 4, person->phone);
      doc_bind_id (stmt, 5, person->unit_id);
      if (*id)
        sqlite3_bind_int64 (stmt, 6, *id);
      ok = doc_step_done (self, stmt, error);
      if (!*id)
        *id = sqlite3_last_insert_rowid (self->db);
    }
  return doc_end_change (self, ok, label, error);
}

gint64
vaern_document_add_person (VaernDocument *self,
                           VaernPerson   *person,
                           GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id = 0;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  /* Translators: an undo step; %s is a person's name */
  label = g_strdup_printf (_("Add %s"), person->name ? person->name : "");
  if (!person_write (self, person,
                     "INSERT INTO person (name, title, email, phone, unit_id) VALUES (?, ?, ?, ?, ?)",
                     label, &id, error))
    return 0;
  return id;
}

gboolean
vaern_document_update_person (VaernDocument *self,
                              VaernPerson   *person,
                              GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id = vaern_record_get_id (VAERN_RECORD (person));

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  /* Translators: an undo step; %s is a person's name */
  label = g_strdup_printf (_("Edit %s"), person->name ? person->name : "");
  return person_write (self, person,
                       "UPDATE person SET name = ?, title = ?, email = ?, phone = ?, unit_id = ?"
                       " WHERE id = ?", label, &id, error);
}

/* Moves the current roles of one person to another inside an open change. */
static gint64
hand_over (VaernDocument *self,
           gint64         from_person_id,
           gint64         to_person_id,
           const char    *date,
           GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = doc_prepare (self, "SELECT id FROM assignment WHERE person_id = ? AND to_date IS NULL",
                  error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, from_person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      /* The old assignment ends on the day and a new one starts, so the
       * history shows who held the role when. If the successor already
       * holds the same role for the asset, nothing new is needed. */
      stmt = doc_prepare (self,
                      "UPDATE assignment SET to_date = max(?1, from_date) WHERE id = ?2", error);
      if (stmt == NULL)
        return -1;
      doc_bind_text (stmt, 1, date);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!doc_step_done (self, stmt, error))
        return -1;

      stmt = doc_prepare (self,
                      "INSERT INTO assignment (asset_id, person_id, role_id, from_date)"
                      " SELECT asset_id, ?1, role_id, ?2 FROM assignment a WHERE id = ?3"
                      "  AND NOT EXISTS (SELECT 1 FROM assignment b WHERE b.asset_id = a.asset_id"
                      "   AND b.role_id = a.role_id AND b.person_id = ?1 AND b.to_date IS NULL)",
                      error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, to_person_id);
      doc_bind_text (stmt, 2, date);
      sqlite3_bind_int64 (stmt, 3, id);
      if (!doc_step_done (self, stmt, error))
        return -1;
    }

  /* What the person owns goes too: the controls of SoA drafts (an
   * approved version keeps its names), documents and activities. */
  {
    static const char *const owned[] = {
      "UPDATE soa_entry SET owner_id = ?1 WHERE owner_id = ?2 AND NOT EXISTS"
      " (SELECT 1 FROM approval a WHERE a.soa_version_id = soa_entry.version_id)",
      "UPDATE document SET owner_id = ?1 WHERE owner_id = ?2",
      "UPDATE activity SET owner_id = ?1 WHERE owner_id = ?2",
    };

    for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
      {
        stmt = doc_prepare (self, owned[i], error);
        if (stmt == NULL)
          return -1;
        sqlite3_bind_int64 (stmt, 1, to_person_id);
        sqlite3_bind_int64 (stmt, 2, from_person_id);
        if (!doc_step_done (self, stmt, error))
          return -1;
      }
  }
  return ids->len;
}

guint
vaern_document_hand_over_roles (VaernDocument *self,
                                gint64         from_person_id,
                                gint64         to_person_id,
                                const char    *date,
                                GError       **error)
{
  g_autoptr(VaernPerson) from = NULL;
  g_autoptr(VaernPerson) to = NULL;
  g_autofree char *today = NULL;
  g_autofree char *label = NULL;
  gint64 n;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  from = vaern_document_find_person (self, from_person_id);
  to = vaern_document_find_person (self, to_person_id);
  if (from == NULL || to == NULL || from_person_id == to_person_id)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("Choose another person to hand the roles to."));
      return 0;
    }
  if (date == NULL)
    date = today = vaern_date_today ();
  if (!doc_require_date (date, "date", FALSE, error))
    return 0;

  /* Translators: an undo step; the %s are people's names */
  label = g_strdup_printf (_("Hand roles from %s to %s"), from->name, to->name);
  if (!doc_begin_change (self, label, error))
    return 0;
  n = hand_over (self, from_person_id, to_person_id, date, error);
  if (!doc_end_change (self, n >= 0, label, error))
    return 0;
  return n;
}

gboolean
vaern_document_delete_person (VaernDocument *self,
                              gint64         id,
                              gint64         successor_id,
                              GError       **error)
{
  g_autoptr(VaernPerson) person = NULL;
  g_autofree char *label = NULL;
  g_autofree char *today = vaern_date_today ();
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  person = vaern_document_find_person (self, id);
  if (person == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The person no longer exists."));
      return FALSE;
    }
  if (successor_id == id)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("Choose another person to hand the roles to."));
      return FALSE;
    }

  /* Translators: an undo step; %s is a person's name */
  label = g_strdup_printf (_("Delete %s"), person->name);
  if (!doc_begin_change (self, label, error))
    return FALSE;
  if (successor_id > 0)
    ok = hand_over (self, id, successor_id, today, error) >= 0;
  if (ok)
    {
      stmt = doc_prepare (self, "DELETE FROM person WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = doc_step_done (self, stmt, error);
        }
    }
  return doc_end_change (self, ok, label, error);
}

/* Roles */

gint64
vaern_document_add_role (VaernDocument *self,
                         VaernRole     *role,
                         GError       **error)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  if (!doc_check_writable (self, error)
      || !doc_require_name (role->name, _("The role needs a name."), error))
    return 0;
  name = g_strstrip (g_strdup (role->name));
  if (find_by_name (self, "SELECT id FROM role WHERE name = ? COLLATE NOCASE", name))
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "name",
                                   _("There is already a role named “%s”."), name);
      return 0;
    }

  /* Translators: an undo step; %s is the name of a role */
  label = g_strdup_printf (_("Add role “%s”"), name);
  if (!doc_begin_change (self, label, error))
    return 0;
  stmt = doc_prepare (self,
                  "INSERT INTO role (key, name, description, scope, single, position)"
                  " VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM role))",
                  error);
  ok = stmt != NULL;
  if (ok)
    {
      doc_bind_text (stmt, 1, role->key);
      doc_bind_text (stmt, 2, name);
      doc_bind_text_or_empty (stmt, 3, role->description);
      doc_bind_text (stmt, 4, vaern_enum_key (&vaern_enum_role_scope, role->scope));
      sqlite3_bind_int (stmt, 5, role->single ? 1 : 0);
      ok = doc_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (self->db);
    }
  return doc_end_change (self, ok, label, error) ? id : 0;
}

/* The role names KITOS uses for system responsibilities. */
static const struct
{
  const char *key;
  const char *name;
  const char *description;
} kitos_roles[] = {
  { "kitos_system_responsible", N_("Systemansvarlig"),
    N_("KITOS: responsible for the system's operation and development.") },
  { "kitos_business_owner", N_("Forretningsejer"),
    N_("KITOS: owns the business process the system supports.") },
  { "kitos_data_owner", N_("Dataejer"),
    N_("KITOS: responsible for the data the system holds.") },
  { "kitos_security_responsible", N_("Sikkerhedsansvarlig"),
    N_("KITOS: responsible for the system's security.") },
  { "kitos_contract_responsible", N_("Kontraktansvarlig"),
    N_("KITOS: responsible for the contract with the supplier.") },
  { "kitos_superuser", N_("Superbruger"),
    N_("KITOS: experienced user who helps colleagues.") },
};

guint
vaern_document_add_kitos_roles (VaernDocument *self,
                                GError       **error)
{
  guint added = 0;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  if (!vaern_document_begin_batch (self, _("Add the KITOS roles"), error))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (kitos_roles); i++)
    {
      g_autoptr(VaernRole) existing = vaern_document_find_role_by_key (self, kitos_roles[i].key);
      g_autoptr(VaernRole) role = NULL;

      if (existing || find_by_name (self, "SELECT id FROM role WHERE name = ? COLLATE NOCASE",
                                    _(kitos_roles[i].name)))
        continue;
      role = vaern_role_new ();
      role->key = g_strdup (kitos_roles[i].key);
      role->name = g_strdup (_(kitos_roles[i].name));
      role->description = g_strdup (_(kitos_roles[i].description));
      role->scope = VAERN_ROLE_SCOPE_SYSTEM;
      if (vaern_document_add_role (self, role, error) == 0)
        {
          vaern_document_end_batch (self, FALSE, NULL);
          return 0;
        }
      added++;
    }
  if (!vaern_document_end_batch (self, TRUE, error))
    return 0;
  return added;
}

/* Role assignments */

gint64
vaern_document_get_holder (VaernDocument *self,
                           gint64         asset_id,
                           gint64         role_id)
{
  sqlite3_stmt *stmt;
  gint64 person = 0;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  stmt = doc_prepare (self,
                  "SELECT person_id FROM assignment WHERE asset_id = ? AND role_id = ?"
                  " AND to_date IS NULL ORDER BY from_date DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, asset_id);
  sqlite3_bind_int64 (stmt, 2, role_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    person = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return person;
}

gint64
vaern_document_assign (VaernDocument *self,
                       gint64         asset_id,
                       gint64         person_id,
                       gint64         role_id,
                       const char    *from_date,
                       gboolean       replace,
                       GError       **error)
{
  g_autoptr(VaernAsset) asset = NULL;
  g_autoptr(VaernPerson) person = NULL;
  g_autoptr(VaernRole) role = NULL;
  g_autofree char *today = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;
  gint64 holder, id = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  if (!doc_check_writable (self, error))
    return 0;
  asset = vaern_document_get_asset (self, asset_id, error);
  if (asset == NULL)
    return 0;
  person = vaern_document_find_person (self, person_id);
  role = vaern_document_find_role (self, role_id);
  if (person == NULL || role == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The person or the role no longer exists."));
      return 0;
    }
  if ((role->scope == VAERN_ROLE_SCOPE_SYSTEM && asset->kind != VAERN_ASSET_KIND_SYSTEM)
      || (role->scope == VAERN_ROLE_SCOPE_OTHER && asset->kind == VAERN_ASSET_KIND_SYSTEM))
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("The role “%s” is not held for an asset of this kind."), role->name);
      return 0;
    }
  if (from_date == NULL)
    from_date = today = vaern_date_today ();
  if (!doc_require_date (from_date, "from_date", FALSE, error))
    return 0;

  holder = vaern_document_get_holder (self, asset_id, role_id);
  if (holder == person_id)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE,
                   _("%s already holds the role “%s” for “%s”."), person->name, role->name,
                   asset->name);
      return 0;
    }
  if (role->single && holder != 0 && !replace)
    {
      g_autoptr(VaernPerson) current = vaern_document_find_person (self, holder);

      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT,
                   _("“%s” already has a %s: %s. There can be only one; replace them instead."),
                   asset->name, role->name, current ? current->name : "?");
      return 0;
    }

  /* Translators: an undo step: "Make Anne Jensen Systemejer of Journalix" */
  label = g_strdup_printf (_("Make %s %s of “%s”"), person->name, role->name, asset->name);
  if (!doc_begin_change (self, label, error))
    return 0;

  if (role->single && holder != 0)
    {
      stmt = doc_prepare (self,
                      "UPDATE assignment SET to_date = max(?1, from_date)"
                      " WHERE asset_id = ?2 AND role_id = ?3 AND to_date IS NULL", error);
      ok = stmt != NULL;
      if (ok)
        {
          doc_bind_text (stmt, 1, from_date);
          sqlite3_bind_int64 (stmt, 2, asset_id);
          sqlite3_bind_int64 (stmt, 3, role_id);
          ok = doc_step_done (self, stmt, error);
        }
    }
  if (ok)
    {
      stmt = doc_prepare (self,
                      "INSERT INTO assignment (asset_id, person_id, role_id, from_date)"
                      " VALUES (?, ?, ?, ?)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, asset_id);
          sqlite3_bind_int64 (stmt, 2, person_id);
          sqlite3_bind_int64 (stmt, 3, role_id);
          doc_bind_text (stmt, 4, from_date);
          ok = doc_step_done (self, stmt, error);
          id = sqlite3_last_insert_rowid (self->db);
        }
    }
  return doc_end_change (self, ok, label, error) ? id : 0;
}

gboolean
vaern_document_end_assignment (VaernDocument *self,
                               gint64         id,
                               const char    *to_date,
                               GError       **error)
{
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (to_date == NULL)
    to_date = today = vaern_date_today ();
  if (!doc_check_writable (self, error) || !doc_require_date (to_date, "to_date", FALSE, error))
    return FALSE;
  if (!doc_begin_change (self, _("End role"), error))
    return FALSE;
  stmt = doc_prepare (self, "UPDATE assignment SET to_date = max(?, from_date)"
                        " WHERE id = ? AND to_date IS NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      doc_bind_text (stmt, 1, to_date);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = doc_step_done (self, stmt, error);
    }
  return doc_end_change (self, ok, _("End role"), error);
}

gboolean
vaern_document_delete_assignment (VaernDocument *self,
                                  gint64         id,
                                  GError       **error)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (!doc_check_writable (self, error))
    return FALSE;
  return doc_delete_row (self, "DELETE FROM assignment WHERE id = ?", id, _("Remove role"), error);
}
