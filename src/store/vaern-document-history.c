/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vaern-document-private.h"

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
  doc_notify_undo (self);
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
  if (!doc_check_writable (self, error) || !doc_check_same_file (self, error))
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
  doc_load_organisation (self, NULL);
  doc_refresh_lists (self);
  doc_notify_undo (self);
  doc_signal_changed (self);
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

  if (!doc_check_writable (self, error) || !doc_check_same_file (self, error))
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
