/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "core/vaern-date.h"
#include "vaern-backups.h"
#include "vaern-db-pg.h"
#include "vaern-document-private.h"

/* A Værn document is one SQLite file. This object owns the connection, runs
 * the migrations, keeps the lists the views show, writes every edit as one
 * transaction with its change set in the change log, and undoes edits by
 * applying the change log backwards. */

G_DEFINE_FINAL_TYPE (VaernDocument, vaern_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_CONNECTED,
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

void
doc_notify_undo (VaernDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

void
doc_notify_organisation (VaernDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

void
doc_signal_changed (VaernDocument *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

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
      g_value_set_boolean (value, vaern_document_get_read_only (self));
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, !self->disconnected);
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
  /**
   * VaernDocument:connected:
   *
   * FALSE while a server document's connection is lost; the document is
   * read-only until vaern_document_reconnect() gets it back.
   */
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
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
  vaern_db_stmt_free (stmt);
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

/* Opening */

gboolean
doc_store_error (GError    **error,
                 int         code,
                 const char *format,
                 const char *path)
{
  g_autofree char *name = vaern_db_pg_is_location (path) ? vaern_db_pg_location_name (path)
                                                         : g_filename_display_basename (path);

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
        return doc_store_error (error, VAERN_STORE_ERROR_NOT_FOUND,
                                _("The file “%s” does not exist. It may have been moved or deleted."),
                                path);
      return doc_store_error (error, VAERN_STORE_ERROR_FAILED,
                              _("The file “%s” cannot be read."), path);
    }
  if (!S_ISREG (st.st_mode))
    return doc_store_error (error, VAERN_STORE_ERROR_NOT_SQLITE,
                            _("“%s” is not a file."), path);
  if (st.st_size == 0)
    return doc_store_error (error, VAERN_STORE_ERROR_NOT_SQLITE,
                            _("The file “%s” is empty. It is not a Værn document."), path);

  f = g_fopen (path, "rb");
  if (f == NULL)
    return doc_store_error (error, errno == EACCES ? VAERN_STORE_ERROR_READ_ONLY
                                               : VAERN_STORE_ERROR_FAILED,
                            _("The file “%s” cannot be read: you may not have permission."), path);
  n = fread (header, 1, sizeof header, f);
  fclose (f);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return doc_store_error (error, VAERN_STORE_ERROR_NOT_SQLITE,
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
    return doc_store_error (error, VAERN_STORE_ERROR_FOREIGN,
                            _("“%s” is a database of another program, not a Værn document."), path);
  if (version > VAERN_SCHEMA_VERSION)
    return doc_store_error (error, VAERN_STORE_ERROR_NEWER,
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
      sqlite3_busy_timeout (db, DOC_BUSY_TIMEOUT_MS);
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
    return doc_store_error (error, VAERN_STORE_ERROR_BUSY,
                            _("“%s” is open in another window or program. Close it there first."),
                            path);
  if ((rc & 0xff) == SQLITE_FULL)
    return doc_store_error (error, VAERN_STORE_ERROR_NO_SPACE,
                            _("“%s” cannot be opened: the disk is full. Free some space and "
                          "open it again; the file has not been changed."), path);
  if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_PERM
      || (rc & 0xff) == SQLITE_READONLY)
    return doc_store_error (error, VAERN_STORE_ERROR_READ_ONLY,
                            _("The file “%s” cannot be read: you may not have permission."), path);
  if (!ok)
    return damaged_error (error, path, FALSE);
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

gboolean
doc_check_same_file (VaernDocument *self,
                     GError       **error)
{
  GStatBuf st;

  if (!self->file_known)
    return TRUE;
  if (g_stat (self->path, &st) == 0 && st.st_dev == self->file_dev && st.st_ino == self->file_ino)
    return TRUE;
  return doc_store_error (error, VAERN_STORE_ERROR_FAILED,
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
  sqlite3 *handle = NULL;
  int rc = sqlite3_open_v2 (self->path, &handle, flags | SQLITE_OPEN_EXRESCODE, NULL);

  self->db = vaern_db_sqlite_wrap (handle, TRUE);
  if (rc != SQLITE_OK)
    {
      vaern_db_sqlite_note_error (self->db, rc);
      doc_set_db_error (self, error);
      return FALSE;
    }
  if (!doc_configure (self, error) || !doc_check_schema (self, error))
    return FALSE;
  remember_file (self);

  if (!self->read_only)
    {
      /* Take the exclusive lock now, so "in use elsewhere" shows at open. */
      if (!doc_exec (self, "BEGIN EXCLUSIVE; COMMIT;", error))
        return FALSE;
      if (!doc_migrate (self, organisation, error))
        return FALSE;
    }
  else if (doc_query_int (self, "PRAGMA user_version", 0, NULL) != VAERN_SCHEMA_VERSION)
    {
      return doc_store_error (error, VAERN_STORE_ERROR_READ_ONLY,
                              _("“%s” was made by an older version of Værn and must be updated, "
                            "but it is read-only. Copy it to a folder you can write to."),
                              self->path);
    }

  if (!doc_load_organisation (self, error))
    return FALSE;
  doc_refresh_lists (self);
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

/* Why a connection failed, said so that a person knows what to check;
 * libpq's own words follow in brackets. */
static gboolean
connection_error (VaernDocument *self,
                  GError       **error)
{
  g_autofree char *name = vaern_db_pg_location_name (self->path);
  const char *detail = vaern_db_error_message (self->db);

  switch (vaern_db_pg_connect_failure (self->db))
    {
    case VAERN_DB_PG_UNREACHABLE:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The server of “%s” cannot be reached. Check the server's name and port, "
                     "and that this computer is on the network (%s)."), name, detail);
      break;
    case VAERN_DB_PG_PASSWORD:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION,
                   _("The server did not accept the user name and password for “%s”. Check "
                     "them, and try again (%s)."), name, detail);
      break;
    case VAERN_DB_PG_NO_DATABASE:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The server has no database “%s”. Check its name, or ask the server's "
                     "administrator to make it (%s)."), name, detail);
      break;
    case VAERN_DB_PG_NO_RIGHTS:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION,
                   _("Your user may not open “%s”. Ask the server's administrator for access "
                     "(%s)."), name, detail);
      break;
    case VAERN_DB_PG_TLS:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION,
                   _("The server of “%s” does not offer an encrypted connection, which Værn "
                     "requires for a server on the network. Ask its administrator to turn on "
                     "TLS (%s)."), name, detail);
      break;
    default:
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("Could not connect to “%s” (%s). Check the server's name and port, the "
                     "database's name, your user name and password."), name, detail);
    }
  return FALSE;
}

/* The connection to self->path, in the schema the login's search path
 * names, or the reason it could not be made. */
static gboolean
connect_pg (VaernDocument *self,
            GError       **error)
{
  self->db = vaern_db_pg_connect (self->path);
  if (!vaern_db_pg_connected (self->db))
    return connection_error (self, error);
  return doc_exec (self, "SET search_path = \"$user\", public", error);
}

/* A document on a PostgreSQL server. An empty database gets the schema and
 * the catalogues (organisation names it, when given); a database of an
 * older Værn is brought up to date; anything else is refused untouched. */
static gboolean
connect_server (VaernDocument *self,
                const char    *organisation,
                GError       **error)
{
  gint64 version;

  if (!connect_pg (self, error))
    return FALSE;
  if (vaern_db_pg_server_version (self->db) < 130000)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_OLD_SERVER,
                   _("The server runs PostgreSQL %d, which is too old: Værn needs version "
                     "13 or newer. Ask the server's administrator to upgrade it."),
                   vaern_db_pg_server_version (self->db) / 10000);
      return FALSE;
    }
  if (!doc_check_schema (self, error))
    return FALSE;
  version = doc_schema_version (self, error);
  if (version < 0)
    return FALSE;
  if (version == 0 && organisation == NULL)
    organisation = _("My organisation");
  if (!doc_migrate (self, organisation, error)
      || !doc_load_organisation (self, error)
      || !doc_listen (self, error))
    return FALSE;
  doc_refresh_access (self);
  doc_refresh_lists (self);
  return vaern_document_check_lists (self, error);
}

/* For a load: a connection to an empty database, nothing written yet. */
VaernDocument *
doc_connect_empty (const char *location,
                   GError    **error)
{
  g_autoptr(VaernDocument) self = g_object_new (VAERN_TYPE_DOCUMENT, NULL);
  gint64 version;

  self->path = g_strdup (location);
  if (!connect_pg (self, error) || !doc_check_schema (self, error))
    return NULL;
  version = doc_schema_version (self, error);
  if (version < 0)
    return NULL;
  if (version > 0)
    {
      doc_store_error (error, VAERN_STORE_ERROR_DUPLICATE,
                       _("The database “%s” holds a Værn document already. Open it, "
                         "or choose an empty database."), location);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static VaernDocument *
open_server (const char *location,
             const char *organisation,
             gboolean    create,
             GError    **error)
{
  g_autoptr(VaernDocument) self = g_object_new (VAERN_TYPE_DOCUMENT, NULL);

  self->path = g_strdup (location);
  if (create)
    {
      /* Only into an empty database: never over another document. */
      self->db = vaern_db_pg_connect (location);
      if (vaern_db_pg_connected (self->db) && doc_schema_version (self, NULL) > 0)
        {
          doc_store_error (error, VAERN_STORE_ERROR_DUPLICATE,
                           _("The database “%s” holds a Værn document already. Open it, "
                             "or choose an empty database."), location);
          return NULL;
        }
      vaern_document_close (self);
    }
  if (!connect_server (self, organisation, error))
    return NULL;
  return g_steal_pointer (&self);
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
  if (vaern_db_pg_is_location (path))
    return open_server (path, NULL, FALSE, error);
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

  if (vaern_db_pg_is_location (path))
    return open_server (path, organisation ? organisation : _("My organisation"), TRUE, error);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      doc_store_error (error, VAERN_STORE_ERROR_DUPLICATE,
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

  /* A server's document is read as it is. */
  if (vaern_db_pg_is_location (path))
    return open_server (path, NULL, FALSE, error);
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

static void stop_watch (VaernDocument *self);

void
vaern_document_close (VaernDocument *self)
{
  g_return_if_fail (VAERN_IS_DOCUMENT (self));

  stop_watch (self);
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, vaern_db_close);
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
    return doc_store_error (error, VAERN_STORE_ERROR_DUPLICATE,
                            _("“%s” is the open document itself. Choose another name."), path);

  /* The destination is written fresh: an old file there is replaced only
   * after the caller confirmed it, and never the open document. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_unlink (path) != 0)
    return doc_store_error (error, VAERN_STORE_ERROR_FAILED,
                            _("“%s” cannot be replaced. Choose another name or folder."), path);

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", vaern_db_sqlite_handle (self->db), "main");
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
      return doc_store_error (error, VAERN_STORE_ERROR_FAILED,
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
vaern_document_is_server (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  return vaern_location_is_server (self->path);
}

char *
vaern_document_get_display_name (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  if (self->db != NULL && vaern_db_kind (self->db) == VAERN_DB_POSTGRESQL)
    return vaern_db_pg_describe (self->db);
  if (vaern_location_is_server (self->path))
    return g_strdup (self->path);
  return g_filename_display_basename (self->path);
}

gboolean
vaern_location_is_server (const char *location)
{
  return vaern_db_pg_is_location (location);
}

char *
vaern_location_to_uri (const char *location)
{
  return vaern_db_pg_to_uri (location);
}

gboolean
vaern_location_ping (const char *location)
{
  return vaern_location_is_server (location) && vaern_db_pg_ping (location);
}

char *
vaern_location_get_setting (const char *location,
                            const char *keyword)
{
  return vaern_location_is_server (location) ? vaern_db_pg_location_setting (location, keyword)
                                             : NULL;
}

void
vaern_location_set_password (const char *location,
                             const char *password)
{
  vaern_db_pg_set_password (location, password);
}

gboolean
vaern_document_get_read_only (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), TRUE);
  return self->read_only || self->disconnected || self->access >= VAERN_ACCESS_READER;
}

gboolean
vaern_document_is_connected (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  return !self->disconnected;
}

void
doc_lost_connection (VaernDocument *self)
{
  if (self->disconnected)
    return;
  g_debug ("The connection to %s is lost", self->path);
  self->disconnected = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

gboolean
vaern_document_check_connection (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (self->db == NULL || vaern_db_kind (self->db) != VAERN_DB_POSTGRESQL)
    return TRUE;
  if (self->disconnected)
    return FALSE;
  if (vaern_db_pg_check_alive (self->db))
    {
      doc_refresh_access (self);
      return TRUE;
    }
  doc_lost_connection (self);
  return FALSE;
}

/**
 * vaern_document_reconnect:
 *
 * Connects a server document again after its connection was lost, and
 * reads every list anew: what others committed meanwhile shows, and what
 * was not committed here is not there. Blocks while it connects.
 */
gboolean
vaern_document_reconnect (VaernDocument *self,
                          GError       **error)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (!self->disconnected)
    return TRUE;
  /* The statements were the old session's. */
  g_hash_table_remove_all (self->statements);
  if (!vaern_db_pg_reconnect (self->db)
      || !doc_exec (self, "SET search_path = \"$user\", public", NULL)
      || !doc_listen (self, NULL))
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONNECTION,
                   _("The server cannot be reached yet (%s)."), vaern_db_error_message (self->db));
      return FALSE;
    }
  g_debug ("Connected to %s again", self->path);
  self->disconnected = FALSE;
  doc_refresh_access (self);
  if (self->watching)
    vaern_document_watch_server (self);
  self->change_set = 0;
  g_clear_error (&self->batch_error);
  g_clear_error (&self->load_error);
  self->refresh_set = 0;
  doc_load_organisation (self, NULL);
  doc_refresh_lists (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  doc_signal_changed (self);
  return TRUE;
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
  return self->db && vaern_db_kind (self->db) == VAERN_DB_SQLITE
         ? vaern_db_sqlite_handle (self->db) : NULL;
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

/* Which lists a row of a table is in. */
static DocTouched
table_flag (const char *table)
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

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (table, tables[i].table) == 0)
      return tables[i].flag;
  return DOC_TOUCHED_OTHER;
}

/* What the change set touched, and which risks it changed. */
static DocTouched
touched_by (VaernDocument *self,
            gint64         set,
            GArray        *risk_ids,
            GArray        *asset_ids)
{
  VaernDbStmt *stmt;
  DocTouched touched = 0;

  if (set <= 0)
    return DOC_TOUCHED_ALL;
  /* The risk a row of risk_control belongs to is in its logged values. */
  /* And the systems whose register row it changed: the asset itself, one
   * of its using units, or one of its risks (before and after a move). */
  stmt = doc_prepare (self, doc_sql (self,
                      "SELECT tbl, CASE tbl WHEN 'risk' THEN row_id WHEN 'risk_control'"
                      "  THEN json_extract (coalesce (new, old), '$.risk_id') END,"
                      " CASE tbl WHEN 'asset' THEN row_id WHEN 'asset_unit'"
                      "  THEN json_extract (coalesce (new, old), '$.asset_id') WHEN 'risk'"
                      "  THEN json_extract (coalesce (new, old), '$.asset_id') END,"
                      " CASE tbl WHEN 'risk' THEN json_extract (old, '$.asset_id') END"
                      "  FROM change_log_visible WHERE change_set = ?",
                      "SELECT tbl, CASE tbl WHEN 'risk' THEN row_id WHEN 'risk_control'"
                      "  THEN (coalesce (new, old)::json ->> 'risk_id')::bigint END,"
                      " CASE tbl WHEN 'asset' THEN row_id WHEN 'asset_unit'"
                      "  THEN (coalesce (new, old)::json ->> 'asset_id')::bigint WHEN 'risk'"
                      "  THEN (coalesce (new, old)::json ->> 'asset_id')::bigint END,"
                      " CASE tbl WHEN 'risk' THEN (old::json ->> 'asset_id')::bigint END"
                      "  FROM change_log_visible WHERE change_set = ?"), NULL);
  if (stmt == NULL)
    return DOC_TOUCHED_ALL;
  vaern_db_bind_int (stmt, 1, set);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      DocTouched flag = table_flag (vaern_db_column_text (stmt, 0, NULL));

      touched |= flag;
      if (flag == DOC_TOUCHED_RISK && vaern_db_column_type (stmt, 1) == VAERN_DB_INTEGER)
        {
          gint64 id = vaern_db_column_int (stmt, 1);

          g_array_append_val (risk_ids, id);
        }
      for (int c = 2; c <= 3; c++)
        if (vaern_db_column_type (stmt, c) == VAERN_DB_INTEGER)
          {
            gint64 id = vaern_db_column_int (stmt, c);

            g_array_append_val (asset_ids, id);
          }
    }
  vaern_db_reset (stmt);
  return touched;
}

/* Reads the given register rows again, in place: unchanged objects stay,
 * a row that is gone goes. FALSE (nothing done) when a row is new, which
 * a whole read puts in its place. */
static gboolean
refresh_asset_rows (VaernDocument *self,
                    GArray        *ids)
{
  GListModel *model = G_LIST_MODEL (self->assets);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  /* First every row is read: a failure changes nothing. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      GPtrArray *rows = doc_load_assets (self, id);

      if (rows->len > 0 && vaern_record_list_find (model, id) == G_MAXUINT)
        {
          g_ptr_array_unref (rows);
          return FALSE;
        }
      g_ptr_array_add (fresh, rows);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      GPtrArray *rows = fresh->pdata[i];
      guint position = vaern_record_list_find (model, id);
      g_autoptr(VaernRecord) old = NULL;

      if (position == G_MAXUINT)
        continue;
      if (rows->len == 0)
        {
          g_list_store_remove (self->assets, position);
          continue;
        }
      old = g_list_model_get_item (model, position);
      if (vaern_record_get_digest (old) != vaern_record_get_digest (rows->pdata[0]))
        g_list_store_splice (self->assets, position, 1, rows->pdata, 1);
    }
  return TRUE;
}

static void refresh_touched (VaernDocument *self,
                             DocTouched     touched,
                             GArray        *risk_ids,
                             GArray        *asset_ids);

/* Reloads the lists the last change can have changed: after an edit of
 * one risk, that risk and the register's summary of its system, not every
 * list of the document. */
void
doc_refresh_lists (VaernDocument *self)
{
  g_autoptr(GArray) risk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DocTouched touched = touched_by (self, self->refresh_set, risk_ids, asset_ids);

  self->refresh_set = 0;
  refresh_touched (self, touched, risk_ids, asset_ids);
}

/* Others' work: each notification names a table and a row ("risk 12").
 * Risks are read again by their ids; the register, whose rows summarise
 * their systems' risks, whole (a notification does not say which system
 * a risk was moved from). Very many at once read everything. */
static void
refresh_remote (VaernDocument *self,
                GPtrArray     *payloads)
{
  g_autoptr(GArray) risk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) asset_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DocTouched touched = 0;
  gboolean all_risks_known = TRUE;

  for (guint i = 0; i < payloads->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (payloads->pdata[i], " ", 2);
      DocTouched flag;
      gint64 id;

      if (g_strv_length (parts) != 2)
        continue;
      flag = table_flag (parts[0]);
      id = g_ascii_strtoll (parts[1], NULL, 10);
      touched |= flag;
      if (g_str_equal (parts[0], "risk"))
        g_array_append_val (risk_ids, id);
      else if (flag == DOC_TOUCHED_RISK)
        all_risks_known = FALSE;
      if (g_str_equal (parts[0], "asset"))
        g_array_append_val (asset_ids, id);
    }
  if (payloads->len > 256)
    touched = DOC_TOUCHED_ALL;
  if (!all_risks_known)
    g_array_set_size (risk_ids, 0);
  if (touched & DOC_TOUCHED_RISK)
    g_array_set_size (asset_ids, 0);
  refresh_touched (self, touched, risk_ids, asset_ids);
  if (touched & DOC_TOUCHED_OTHER)
    doc_load_organisation (self, NULL);
  doc_signal_changed (self);
}

gboolean
doc_take_notifications (VaernDocument *self)
{
  g_autoptr(GPtrArray) payloads = NULL;

  if (self->db == NULL || vaern_db_kind (self->db) != VAERN_DB_POSTGRESQL || self->disconnected)
    return TRUE;
  payloads = g_ptr_array_new_with_free_func (g_free);
  if (!vaern_db_pg_take_notifications (self->db, payloads))
    {
      doc_lost_connection (self);
      return FALSE;
    }
  if (payloads->len > 0)
    refresh_remote (self, payloads);
  return TRUE;
}

static void
stop_watch (VaernDocument *self)
{
  if (self->notify_watch == NULL)
    return;
  g_source_destroy (self->notify_watch);
  g_clear_pointer (&self->notify_watch, g_source_unref);
}

static gboolean
notifications_cb (gint         fd,
                  GIOCondition condition,
                  gpointer     user_data)
{
  VaernDocument *self = user_data;

  /* A session the server ended leaves its socket readable for good: the
   * watch ends with it, and a new one begins when the document connects
   * again (vaern_document_reconnect). */
  if (!self->disconnected && doc_take_notifications (self))
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&self->notify_watch, g_source_unref);
  return G_SOURCE_REMOVE;
}

/* Asks the server for every change committed by another session. */
gboolean
doc_listen (VaernDocument *self,
            GError       **error)
{
  stop_watch (self);
  return doc_exec (self, "LISTEN vaern_change", error);
}

/**
 * vaern_document_watch_server:
 *
 * Follows, from now on, what other sessions commit on the server: their
 * changes are read into the lists (and "changed" emitted) as they come,
 * through the calling thread's main context. Called by the thread that
 * uses the document, once it has it (a document opened in a worker thread
 * is handed over first: two threads must not read one connection).
 * Nothing for a file.
 */
void
vaern_document_watch_server (VaernDocument *self)
{
  int fd;

  g_return_if_fail (VAERN_IS_DOCUMENT (self));

  if (self->db == NULL || vaern_db_kind (self->db) != VAERN_DB_POSTGRESQL)
    return;
  self->watching = TRUE;
  if (self->notify_watch != NULL || self->disconnected)
    return;
  fd = vaern_db_pg_socket (self->db);
  if (fd < 0)
    return;
  self->notify_watch = g_unix_fd_source_new (fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->notify_watch, G_SOURCE_FUNC (notifications_cb), self, NULL);
  g_source_attach (self->notify_watch, g_main_context_get_thread_default ());
  /* Anything that came while the document was being opened. */
  doc_take_notifications (self);
}

static void
refresh_touched (VaernDocument *self,
                 DocTouched     touched,
                 GArray        *risk_ids,
                 GArray        *asset_ids)
{
  /* The scale first: the register shows bands. */
  doc_risks_refresh (self, touched, risk_ids);
  if (touched & (DOC_TOUCHED_ROLE | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) roles = doc_load_roles (self, 0);

      doc_replace_ordered (self->roles, roles);
    }
  if (touched & (DOC_TOUCHED_UNIT | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) units = doc_load_units (self);

      doc_replace_ordered (self->units, units);
    }
  if (touched & (DOC_TOUCHED_PERSON | DOC_TOUCHED_UNIT | DOC_TOUCHED_ASSIGNMENT
                 | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) people = doc_load_people (self, 0);

      doc_merge_records (self->people, people);
    }
  doc_soa_refresh (self, touched);
  doc_wheel_refresh (self, touched);
  if (!(touched & ~(DOC_TOUCHED_THREAT | DOC_TOUCHED_SOA | DOC_TOUCHED_DOCUMENT
                    | DOC_TOUCHED_ACTIVITY)))
    return;
  /* An edit of a few systems, their using units or their risks reads just
   * those rows of the register, not two thousand of them. */
  if (!(touched & ~(DOC_TOUCHED_ASSET | DOC_TOUCHED_RISK | DOC_TOUCHED_THREAT | DOC_TOUCHED_SOA
                    | DOC_TOUCHED_DOCUMENT | DOC_TOUCHED_ACTIVITY))
      && asset_ids->len > 0 && asset_ids->len <= 64
      && refresh_asset_rows (self, asset_ids))
    return;
  {
    g_autoptr(GPtrArray) assets = doc_load_assets (self, 0);

    doc_merge_records (self->assets, assets);
  }
}

/* Takes the first record of a loaded array (transfer full), or NULL. */
gpointer
doc_first_record (GPtrArray *records)
{
  gpointer record = records->len > 0 ? g_object_ref (records->pdata[0]) : NULL;

  g_ptr_array_unref (records);
  return record;
}

gpointer
doc_find_record (GListModel *model,
                 gint64      id)
{
  guint position = vaern_record_list_find (model, id);

  return position == G_MAXUINT ? NULL : g_list_model_get_item (model, position);
}
