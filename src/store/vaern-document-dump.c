/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vaern-db-pg.h"
#include "vaern-document-private.h"
#include "vaern-dump.h"

/* Every table of schema 5. A table added by a later migration is added
 * here too, or the full export would lose it: test-report checks that
 * every table of the schema is listed. */
static const char *const dump_tables[] = {
  "organisation", "organisation_logo",
  "unit", "person", "asset", "asset_unit", "role", "assignment",
  "scale", "scale_level", "scale_band", "threat", "risk", "risk_control",
  "control", "control_map",
  "document", "soa_version", "soa_entry", "soa_entry_document", "approval",
  "activity", "activity_done",
  "change_set", "change_log",
  NULL,
};

const char *const *
vaern_dump_tables (void)
{
  return dump_tables;
}

static gboolean
is_dump_table (const char *table)
{
  return table != NULL && g_strv_contains (dump_tables, table);
}

gboolean
vaern_document_dump_table (VaernDocument *self,
                           const char    *table,
                           VaernDumpFunc  func,
                           gpointer       user_data,
                           GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(VaernDbStmt) stmt = NULL;
  g_autofree const char **columns = NULL;
  g_autofree VaernCell *cells = NULL;
  int n, rc;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (!is_dump_table (table))
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   "The document has no table “%s”.", table);
      return FALSE;
    }
  sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY id", table);
  stmt = vaern_db_prepare (self->db, sql);
  if (stmt == NULL)
    {
      doc_set_db_error (self, error);
      return FALSE;
    }
  n = vaern_db_column_count (stmt);
  columns = g_new0 (const char *, n + 1);
  cells = g_new0 (VaernCell, n);
  for (int i = 0; i < n; i++)
    columns[i] = vaern_db_column_name (stmt, i);

  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      for (int i = 0; i < n; i++)
        {
          switch (vaern_db_column_type (stmt, i))
            {
            case VAERN_DB_NULL:
              cells[i].kind = VAERN_CELL_NULL;
              cells[i].text = NULL;
              break;
            case VAERN_DB_INTEGER:
              cells[i].kind = VAERN_CELL_INT;
              cells[i].number = vaern_db_column_int (stmt, i);
              cells[i].text = NULL;
              break;
            default:
              cells[i].kind = VAERN_CELL_TEXT;
              cells[i].text = vaern_db_column_text (stmt, i, NULL);
              break;
            }
        }
      if (!func ((guint) n, columns, cells, user_data, error))
        return FALSE;
    }
  if (rc != VAERN_DB_DONE)
    {
      doc_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

struct _VaernLoader
{
  VaernDocument *doc;
  char          *path;
  char          *tmp_path;
  gboolean       in_transaction;
};

static void
remove_partial (const char *tmp_path)
{
  const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (tmp_path, suffixes[i], NULL);

      g_unlink (p);
    }
}

/* Into a database: everything, the schema too, is one transaction, and a
 * load that fails leaves the database as empty as it was. References are
 * checked at the end (the schema's foreign keys are deferrable). */
static VaernLoader *
loader_new_server (const char *location,
                   GError    **error)
{
  g_autoptr(VaernLoader) self = g_new0 (VaernLoader, 1);

  self->path = g_strdup (location);
  self->doc = doc_connect_empty (location, error);
  if (self->doc == NULL)
    return NULL;
  vaern_document_set_audit (self->doc, FALSE);
  if (!doc_begin (self->doc, error))
    return NULL;
  self->in_transaction = TRUE;
  if (!vaern_db_set_change_set (self->doc->db, 0))
    {
      doc_set_db_error (self->doc, error);
      return NULL;
    }
  if (!doc_migrate_to (self->doc, NULL, VAERN_SCHEMA_VERSION, FALSE, error)
      || !doc_exec (self->doc, "SET CONSTRAINTS ALL DEFERRED", error))
    return NULL;
  return g_steal_pointer (&self);
}

VaernLoader *
vaern_loader_new (const char *path,
                  GError    **error)
{
  g_autoptr(VaernLoader) self = g_new0 (VaernLoader, 1);
  g_autofree char *name = NULL;
  GString *sql;

  g_return_val_if_fail (path != NULL, NULL);

  if (vaern_db_pg_is_location (path))
    return loader_new_server (path, error);

  name = g_filename_display_basename (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE,
                   _("A file named “%s” already exists. Choose another name."), name);
      return NULL;
    }
  /* Said in the words of the folder, before SQLite says "unable to open". */
  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (!g_file_test (dir, G_FILE_TEST_IS_DIR) || g_access (dir, W_OK) != 0)
      {
        int saved = g_file_test (dir, G_FILE_TEST_IS_DIR) ? errno : ENOENT;

        g_set_error (error, VAERN_STORE_ERROR,
                     saved == EACCES || saved == EROFS ? VAERN_STORE_ERROR_READ_ONLY
                                                       : VAERN_STORE_ERROR_NOT_FOUND,
                     /* Translators: %s is a file name, then why it cannot be made */
                     _("Could not make “%s”: %s."), name, g_strerror (saved));
        return NULL;
      }
  }
  self->path = g_strdup (path);
  do
    {
      g_free (self->tmp_path);
      self->tmp_path = g_strdup_printf ("%s.part-%08x", path, g_random_int ());
    }
  while (g_file_test (self->tmp_path, G_FILE_TEST_EXISTS));

  self->doc = vaern_document_create (self->tmp_path, NULL, error);
  if (self->doc == NULL)
    {
      g_clear_pointer (&self->tmp_path, g_free);
      return NULL;
    }
  vaern_document_set_audit (self->doc, FALSE);

  /* References are checked once every row is in (a unit may name a parent
   * with a higher id); the new document's own first rows go. */
  sql = g_string_new ("PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE;");
  for (int i = G_N_ELEMENTS (dump_tables) - 2; i >= 0; i--)
    g_string_append_printf (sql, "DELETE FROM \"%s\";", dump_tables[i]);
  if (!doc_exec (self->doc, sql->str, error))
    {
      g_string_free (sql, TRUE);
      return NULL;
    }
  g_string_free (sql, TRUE);
  self->in_transaction = TRUE;
  return g_steal_pointer (&self);
}

gboolean
vaern_loader_add_row (VaernLoader       *self,
                      const char        *table,
                      guint              n_columns,
                      const char *const *columns,
                      const VaernCell   *cells,
                      GError           **error)
{
  g_autoptr(GString) sql = NULL;
  VaernDbStmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL && self->in_transaction, FALSE);

  if (!is_dump_table (table) || n_columns == 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("There is no table “%s” in a Værn document."), table);
      return FALSE;
    }
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO \"%s\" (", table);
  for (guint i = 0; i < n_columns; i++)
    {
      if (strchr (columns[i], '"') != NULL)
        {
          g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                       _("There is no field “%s” in “%s”."), columns[i], table);
          return FALSE;
        }
      g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", columns[i]);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n_columns; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append_c (sql, ')');

  stmt = doc_prepare (self->doc, sql->str, NULL);
  if (stmt == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("The fields do not fit the table “%s” (%s)."), table,
                   vaern_db_error_message (self->doc->db));
      return FALSE;
    }
  for (guint i = 0; i < n_columns; i++)
    {
      switch (cells[i].kind)
        {
        case VAERN_CELL_NULL:
          vaern_db_bind_null (stmt, i + 1);
          break;
        case VAERN_CELL_INT:
          vaern_db_bind_int (stmt, i + 1, cells[i].number);
          break;
        case VAERN_CELL_TEXT:
          vaern_db_bind_text (stmt, i + 1, cells[i].text);
          break;
        }
    }
  rc = vaern_db_step (stmt);
  vaern_db_reset (stmt);
  vaern_db_clear_bindings (stmt);
  /* Only a constraint is the row's fault; a full disk or an I/O error
   * is said as what it is. */
  if (rc != VAERN_DB_DONE && vaern_db_error (self->doc->db) != VAERN_DB_E_CONSTRAINT)
    {
      doc_set_db_error (self->doc, error);
      return FALSE;
    }
  if (rc != VAERN_DB_DONE)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("A row of “%s” breaks a rule of the document (%s)."), table,
                   vaern_db_error_message (self->doc->db));
      return FALSE;
    }
  return TRUE;
}

/* Each query counts the rows that break a rule. */
static const struct
{
  const char *sql;
  const char *message;
} rules[] = {
  { "SELECT count(*) != 1 FROM scale",
    N_("The risk scale is missing.") },
  { "SELECT count(*) FROM scale s WHERE"
    " (SELECT count(*) FROM scale_level WHERE axis = 'likelihood' AND level <= s.n_likelihood)"
    "   != s.n_likelihood"
    " OR (SELECT count(*) FROM scale_level WHERE axis = 'consequence' AND level <= s.n_consequence)"
    "   != s.n_consequence",
    N_("The risk scale does not describe each of its levels.") },
  { "SELECT (SELECT count(*) FROM scale_band) NOT BETWEEN 2 AND 6"
    " OR (SELECT max(position) FROM scale_band) != (SELECT count(*) FROM scale_band) - 1"
    " OR (SELECT min_score FROM scale_band WHERE position = 0) IS DISTINCT FROM 1"
    " OR EXISTS (SELECT 1 FROM scale_band b JOIN scale_band p ON p.position = b.position - 1"
    "            WHERE b.min_score <= p.min_score)",
    N_("The risk scale's bands are not in order from the lowest score.") },
  { "SELECT count(*) FROM risk, scale WHERE"
    " likelihood > n_likelihood OR residual_likelihood > n_likelihood"
    " OR consequence_c > n_consequence OR consequence_i > n_consequence"
    " OR consequence_a > n_consequence OR residual_consequence > n_consequence",
    N_("A risk is assessed at a level the risk scale does not have.") },
  { "SELECT count(*) < 4 FROM role WHERE key IN"
    " ('system_owner', 'system_administrator', 'daily_contact', 'asset_owner')",
    N_("A built-in role (systemejer, systemforvalter, daglig kontaktperson or aktivejer) is "
       "missing.") },
  { "SELECT count(*) FROM (SELECT control FROM risk_control UNION SELECT control FROM soa_entry"
    "   UNION SELECT control FROM activity WHERE control IS NOT NULL) AS named"
    " WHERE control NOT IN (SELECT number FROM control WHERE edition = '2022')",
    N_("A control is named that is not in Annex A of ISO/IEC 27001:2022.") },
};

/* The references, checked now; the ids the rows brought are where each
 * table's numbering goes on from; then the one commit. */
static gboolean
loader_finish_server (VaernLoader *self,
                      GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  if (!vaern_db_exec (self->doc->db, "SET CONSTRAINTS ALL IMMEDIATE"))
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("A row refers to a row that is not there (%s)."),
                   vaern_db_error_message (self->doc->db));
      return FALSE;
    }
  for (guint i = 0; dump_tables[i]; i++)
    {
      if (g_str_equal (dump_tables[i], "organisation")
          || g_str_equal (dump_tables[i], "organisation_logo")
          || g_str_equal (dump_tables[i], "scale"))
        continue;
      g_string_append_printf (sql, "SELECT setval (pg_get_serial_sequence ('%s', 'id'),"
                                   " coalesce (max (id), 0) + 1, false) FROM \"%s\";",
                              dump_tables[i], dump_tables[i]);
    }
  if (!doc_exec (self->doc, sql->str, error) || !doc_exec (self->doc, "COMMIT", error))
    return FALSE;
  self->in_transaction = FALSE;
  vaern_document_close (self->doc);
  g_clear_object (&self->doc);
  return TRUE;
}

gboolean
vaern_loader_finish (VaernLoader *self,
                     GError     **error)
{
  g_autoptr(VaernDbStmt) check = NULL;

  g_return_val_if_fail (self != NULL && self->in_transaction, FALSE);

  if (doc_query_int (self->doc, "SELECT count(*) FROM organisation", 0, error) != 1)
    {
      if (error && *error == NULL)
        g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                     _("The organisation is missing."));
      return FALSE;
    }

  /* The rules the store keeps in its own code rather than in the tables:
   * a document made from rows must keep them too. */
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      gint64 broken = doc_query_int (self->doc, rules[i].sql, 0, error);

      if (broken < 0)
        return FALSE;
      if (broken > 0)
        {
          g_set_error_literal (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                               _(rules[i].message));
          return FALSE;
        }
    }

  if (vaern_db_kind (self->doc->db) == VAERN_DB_POSTGRESQL)
    return loader_finish_server (self, error);

  check = vaern_db_prepare (self->doc->db, "PRAGMA foreign_key_check");
  if (check == NULL)
    {
      doc_set_db_error (self->doc, error);
      return FALSE;
    }
  if (vaern_db_step (check) == VAERN_DB_ROW)
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              (gint64) vaern_db_column_int (check, 1));

      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   /* Translators: the first %s is a row's number, the others tables */
                   _("Row %s of “%s” refers to a row of “%s” that is not there."), row,
                   vaern_db_column_text (check, 0, NULL),
                   vaern_db_column_text (check, 2, NULL));
      return FALSE;
    }
  g_clear_pointer (&check, vaern_db_stmt_free);

  if (!doc_exec (self->doc, "COMMIT; PRAGMA foreign_keys = ON;", error))
    return FALSE;
  self->in_transaction = FALSE;
  vaern_document_close (self->doc);
  g_clear_object (&self->doc);

  /* Never over a file that appeared meanwhile. A file system without
   * hard links (a USB stick, many network shares) gets a rename after a
   * last look instead. */
  if (link (self->tmp_path, self->path) != 0
      && !((errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP || errno == ENOSYS)
           && !g_file_test (self->path, G_FILE_TEST_EXISTS)
           && g_rename (self->tmp_path, self->path) == 0))
    {
      int saved = g_file_test (self->path, G_FILE_TEST_EXISTS) ? EEXIST : errno;
      g_autofree char *name = g_filename_display_basename (self->path);

      g_set_error (error, VAERN_STORE_ERROR,
                   saved == EEXIST ? VAERN_STORE_ERROR_DUPLICATE : VAERN_STORE_ERROR_FAILED,
                   saved == EEXIST ? _("A file named “%s” already exists. Choose another name.")
                                   : _("“%s” could not be written."),
                   name);
      return FALSE;
    }
  g_unlink (self->tmp_path);
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

void
vaern_loader_free (VaernLoader *self)
{
  if (self == NULL)
    return;
  if (self->doc)
    {
      if (self->in_transaction)
        doc_exec (self->doc, "ROLLBACK", NULL);
      vaern_document_close (self->doc);
      g_clear_object (&self->doc);
    }
  if (self->tmp_path)
    remove_partial (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}

/* Publishing: a document copied row by row into another place */

typedef struct
{
  VaernLoader  *loader;
  const char   *table;
  GCancellable *cancellable;
} CopyJob;

static gboolean
copy_row (guint               n_columns,
          const char *const  *columns,
          const VaernCell    *cells,
          gpointer            user_data,
          GError            **error)
{
  CopyJob *job = user_data;

  /* Stopped: the loader, freed, leaves nothing behind. */
  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  return vaern_loader_add_row (job->loader, job->table, n_columns, columns, cells, error);
}

/**
 * vaern_document_publish:
 * @location: a new file, or an empty database on a server
 *
 * Copies the whole document (every row, the history and change log along,
 * each row with its id) to @location, as one step that either completes
 * or leaves nothing there. The document itself is not changed.
 */
gboolean
vaern_document_publish (VaernDocument *self,
                        const char    *location,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(VaernLoader) loader = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  if (g_strcmp0 (location, self->path) == 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE,
                   _("That is the open document itself. Choose another place."));
      return FALSE;
    }
  loader = vaern_loader_new (location, error);
  if (loader == NULL)
    return FALSE;
  for (guint i = 0; dump_tables[i]; i++)
    {
      CopyJob job = { loader, dump_tables[i], cancellable };

      if (!vaern_document_dump_table (self, dump_tables[i], copy_row, &job, error))
        return FALSE;
    }
  return vaern_loader_finish (loader, error);
}
