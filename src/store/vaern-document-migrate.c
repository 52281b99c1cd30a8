/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vaern-db-pg.h"
#include "vaern-document-private.h"

/* PostgreSQL: one trigger function (vaern_audit(), in the first
 * migration) logs every row of every audited table. */
static gboolean
install_audit_triggers_pg (VaernDocument *self,
                           GError       **error)
{
  guint n_tables;
  const char *const *tables = vaern_schema_audited_tables (&n_tables);

  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *exists = g_strdup_printf ("SELECT to_regclass ('%s') IS NOT NULL",
                                                 tables[t]);
      g_autofree char *sql = NULL;
      gint64 found = doc_query_int (self, exists, 0, error);

      if (found < 0)
        return FALSE;
      /* A table of a later migration does not exist yet. */
      if (found == 0)
        continue;
      sql = g_strdup_printf ("DROP TRIGGER IF EXISTS audit ON %s;"
                             "CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %s"
                             "  FOR EACH ROW EXECUTE FUNCTION vaern_audit ();",
                             tables[t], tables[t]);
      if (!doc_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* SQLite: a trigger per table and operation, with the row's columns
 * spelt out, calling the connection's vaern_row() and vaern_change_set(). */
static gboolean
install_audit_triggers (VaernDocument *self,
                        GError       **error)
{
  const char *const ops[] = { "insert", "update", "delete" };
  guint n_tables;
  const char *const *tables = vaern_schema_audited_tables (&n_tables);

  if (vaern_db_kind (self->db) == VAERN_DB_POSTGRESQL)
    return install_audit_triggers_pg (self, error);

  for (guint t = 0; t < n_tables; t++)
    {
      g_autoptr(GString) old_json = g_string_new ("vaern_row(");
      g_autoptr(GString) new_json = g_string_new ("vaern_row(");
      g_autoptr(GString) changed = g_string_new (NULL);
      g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info(%s)", tables[t]);
      g_autoptr(VaernDbStmt) info = vaern_db_prepare (self->db, info_sql);
      int n = 0;

      if (info == NULL)
        {
          doc_set_db_error (self, error);
          return FALSE;
        }
      while (vaern_db_step (info) == VAERN_DB_ROW)
        {
          const char *col = vaern_db_column_text (info, 1, NULL);

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

gboolean
doc_seed (VaernDocument *self,
          const char    *organisation,
          GError       **error);

/* The version of the schema: a file keeps it in its header (user_version),
 * a database in the table vaern_schema; 0 for an empty one. */
gint64
doc_schema_version (VaernDocument *self,
                    GError       **error)
{
  gint64 exists;

  if (vaern_db_kind (self->db) == VAERN_DB_SQLITE)
    return doc_query_int (self, "PRAGMA user_version", 0, error);
  exists = doc_query_int (self, "SELECT to_regclass ('vaern_schema') IS NOT NULL", 0, error);
  if (exists <= 0)
    return exists;
  return doc_query_int (self, "SELECT coalesce ((SELECT version FROM vaern_schema), 0)", 0, error);
}

static gboolean
set_schema_version (VaernDocument *self,
                    gint64         version,
                    GError       **error)
{
  g_autofree char *sql = NULL;

  if (vaern_db_kind (self->db) == VAERN_DB_SQLITE)
    sql = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, version);
  else
    sql = g_strdup_printf ("INSERT INTO vaern_schema (id, application_id, version)"
                           " VALUES (1, %u, %" G_GINT64_FORMAT ")"
                           " ON CONFLICT (id) DO UPDATE SET version = excluded.version",
                           (guint) VAERN_APPLICATION_ID, version);
  return doc_exec (self, sql, error);
}

/* Brings the document up to @target, one migration per transaction; the
 * rows every document starts with are written only when @with_rows. */
gboolean
doc_migrate_to (VaernDocument *self,
                const char    *organisation,
                gint64         target,
                gboolean       with_rows,
                GError       **error)
{
  gint64 version = doc_schema_version (self, error);
  gboolean nested;

  if (version < 0)
    return FALSE;

  /* Inside a transaction of the caller's (a load into a database, all of
   * which is one transaction), each step is a savepoint of it. */
  nested = vaern_db_in_transaction (self->db);
  while (version < target)
    {
      if (nested ? !doc_exec (self, "SAVEPOINT migrate", error) : !doc_begin (self, error))
        return FALSE;
      /* The rows a migration writes are the document's start, not edits. */
      if (!vaern_db_set_change_set (self->db, 0)
          || !doc_exec (self, vaern_schema_migration_for (vaern_db_kind (self->db), version), error)
          || !install_audit_triggers (self, error)
          || !set_schema_version (self, version + 1, error)
          || (with_rows && version == 0 && !doc_seed (self, organisation, error))
          || (with_rows && version == 1 && !doc_risks_seed (self, error))
          || (with_rows && version == 2 && !doc_soa_seed (self, error))
          || (with_rows && version == 3 && !doc_wheel_seed (self, error))
          || !doc_exec (self, nested ? "RELEASE migrate" : "COMMIT", error))
        {
          doc_exec (self, nested ? "ROLLBACK TO migrate" : "ROLLBACK", NULL);
          return FALSE;
        }
      version++;
    }
  return TRUE;
}

gboolean
doc_migrate (VaernDocument *self,
             const char    *organisation,
             GError       **error)
{
  return doc_migrate_to (self, organisation, VAERN_SCHEMA_VERSION, TRUE, error);
}

/* The schema check. What a document of a version holds (its tables,
 * indexes, triggers and views) is what Værn's migrations up to that
 * version make; anything else was put there outside Værn. A trigger added
 * to a table would run on the next ordinary edit, so a file whose schema
 * is not Værn's is refused before anything runs on it. */

/* type, name → the statement that made it ("" for SQLite's own indexes). */
static GHashTable *
read_schema (VaernDb  *db,
             gboolean *ok)
{
  GHashTable *schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  VaernDbStmt *stmt = vaern_db_prepare (db, "SELECT type, name, sql FROM sqlite_schema");
  VaernDbStep rc = VAERN_DB_ERROR;

  if (stmt != NULL)
    {
      while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
        {
          const char *sql = vaern_db_column_text (stmt, 2, NULL);

          g_hash_table_insert (schema,
                               g_strdup_printf ("%s %s", vaern_db_column_text (stmt, 0, NULL),
                                                vaern_db_column_text (stmt, 1, NULL)),
                               g_strdup (sql ? sql : ""));
        }
    }
  *ok = rc == VAERN_DB_DONE;
  vaern_db_stmt_free (stmt);
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
  /* The connection stays the caller's, and outlives the scratch document. */
  scratch->db = vaern_db_sqlite_wrap (db, FALSE);
  ok = doc_configure (scratch, error) && doc_migrate_to (scratch, NULL, version, FALSE, error);
  vaern_document_close (scratch);
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
      sqlite3 *handle = NULL;
      VaernDb *db;
      gboolean ok;

      if (sqlite3_open_v2 (":memory:", &handle, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
          || !doc_make_schema (handle, version, &error))
        g_error ("The reference schema of version %" G_GINT64_FORMAT " cannot be made: %s",
                 version, error ? error->message : sqlite3_errmsg (handle));
      db = vaern_db_sqlite_wrap (handle, TRUE);
      references[version] = read_schema (db, &ok);
      g_assert (ok);
      vaern_db_close (db);
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
  g_autofree char *name = vaern_db_pg_is_location (path) ? vaern_db_pg_location_name (path)
                                                         : g_filename_display_basename (path);
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

static gboolean schema_error (GError    **error,
                              const char *path,
                              const char *key,
                              const char *format);

/* The triggers a current database has on Værn's tables: none other. */
static const char *const pg_triggers[] = {
  "audit", "assignment_single", "soa_entry_frozen", "soa_entry_document_frozen",
  "soa_version_frozen", "approval_fixed", "change_set_actor", "change_log_fixed", "change_log_notify",
  "risk_guard", "risk_control_guard", "access_login_gone", NULL,
};

/* A current database holds every table, and every audited table its
 * change log trigger; a trigger added outside Værn (which would run on
 * the next ordinary edit) is refused, as in a file. */
static gboolean
check_objects_pg (VaernDocument *self,
                  GError       **error)
{
  guint n_tables;
  const char *const *tables = vaern_schema_audited_tables (&n_tables);
  g_autoptr(VaernDbStmt) stmt = NULL;

  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM pg_catalog.pg_trigger WHERE tgname = 'audit'"
        " AND NOT tgisinternal AND tgrelid = to_regclass ('%s')", tables[t]);
      g_autofree char *key = g_strdup_printf ("table %s", tables[t]);
      g_autofree char *exists = g_strdup_printf ("SELECT to_regclass ('%s') IS NOT NULL",
                                                 tables[t]);

      if (doc_query_int (self, exists, 0, error) != 1)
        return schema_error (error, self->path, key,
                             _("“%s” was changed outside Værn and is not opened: %s “%s” is "
                               "missing. The file has not been changed; open a backup copy "
                               "instead."));
      if (doc_query_int (self, sql, 0, error) != 1)
        {
          g_free (key);
          key = g_strdup_printf ("trigger audit");
          return schema_error (error, self->path, key,
                               _("“%s” was changed outside Værn and is not opened: %s “%s” is "
                                 "missing. The file has not been changed; open a backup copy "
                                 "instead."));
        }
    }
  stmt = vaern_db_prepare (self->db,
    "SELECT t.tgname FROM pg_catalog.pg_trigger t"
    "  JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
    "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = current_schema () AND NOT t.tgisinternal ORDER BY t.tgname");
  if (stmt == NULL)
    {
      doc_set_db_error (self, error);
      return FALSE;
    }
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      const char *name = vaern_db_column_text (stmt, 0, NULL);

      if (!g_strv_contains (pg_triggers, name))
        {
          g_autofree char *key = g_strdup_printf ("trigger %s", name);

          return schema_error (error, self->path, key,
                               _("“%s” was changed outside Værn and is not opened: it has %s "
                                 "“%s”, which Værn does not make. The file has not been "
                                 "changed; open a backup copy instead."));
        }
    }
  return TRUE;
}

/* A database: what a newer Værn made is refused, and so is a database
 * that holds something else (tables, but not Værn's), untouched. */
static gboolean
check_schema_pg (VaernDocument *self,
                 GError       **error)
{
  gint64 version = doc_schema_version (self, error);
  gint64 tables;

  if (version < 0)
    return FALSE;
  if (version == 0)
    {
      tables = doc_query_int (self, "SELECT count(*) FROM pg_catalog.pg_class c"
                                    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                                    " WHERE n.nspname = current_schema ()"
                                    "   AND c.relkind IN ('r', 'v', 'm', 'p', 'f')", 0, error);
      if (tables < 0)
        return FALSE;
      if (tables > 0)
        return doc_store_error (error, VAERN_STORE_ERROR_FOREIGN,
                                _("The database “%s” holds something other than a Værn "
                                  "document. Choose an empty database; nothing was changed."),
                                self->path);
      return TRUE;
    }
  if (doc_query_int (self, "SELECT count(*) FROM vaern_schema WHERE application_id = ?",
                     VAERN_APPLICATION_ID, error) != 1)
    return doc_store_error (error, VAERN_STORE_ERROR_FOREIGN,
                            _("The database “%s” holds something other than a Værn "
                              "document. Choose an empty database; nothing was changed."),
                            self->path);
  if (version > VAERN_SCHEMA_VERSION)
    return doc_store_error (error, VAERN_STORE_ERROR_NEWER,
                            _("“%s” was made by a newer version of Værn. "
                              "Update Værn to open it; the file has not been changed."),
                            self->path);
  return version < VAERN_SCHEMA_VERSION || check_objects_pg (self, error);
}

gboolean
doc_check_schema (VaernDocument *self,
                  GError       **error)
{
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GHashTable) reference = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  gint64 version;
  gboolean ok;

  if (vaern_db_kind (self->db) == VAERN_DB_POSTGRESQL)
    return check_schema_pg (self, error);

  version = doc_query_int (self, "PRAGMA user_version", 0, error);
  if (version < 0)
    return FALSE;
  /* A newer version was refused by its header already. */
  if (version > VAERN_SCHEMA_VERSION)
    return doc_store_error (error, VAERN_STORE_ERROR_NEWER,
                            _("“%s” was made by a newer version of Værn. "
                          "Update Værn to open it; the file has not been changed."), self->path);

  actual = read_schema (self->db, &ok);
  if (!ok)
    {
      doc_set_db_error (self, error);
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

gboolean
doc_seed (VaernDocument *self,
          const char    *organisation,
          GError       **error)
{
  VaernDbStmt *stmt;
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d",
                                             (int) VAERN_APPLICATION_ID);

  /* A database has its identity in vaern_schema already. */
  if (vaern_db_kind (self->db) == VAERN_DB_SQLITE && !doc_exec (self, app_id, error))
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
      vaern_db_bind_int (stmt, 5, builtin_roles[i].single);
      vaern_db_bind_int (stmt, 6, i);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}
