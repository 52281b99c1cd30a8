/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vaern-document-private.h"

/* The change set is over (committed or rolled back): the triggers log
 * nothing until the next one opens. */
static void
forget_change_set (VaernDocument *self)
{
  self->change_set = 0;
  if (self->db != NULL)
    vaern_db_set_change_set (self->db, 0);
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
  doc_notify_undo (self);
}

GListModel *
vaern_document_list_changes (VaernDocument *self,
                             guint          limit)
{
  GListStore *store = g_list_store_new (VAERN_TYPE_CHANGE);
  VaernDbStmt *stmt;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), G_LIST_MODEL (store));

  stmt = doc_prepare (self,
    "SELECT l.id, l.change_set, s.at, s.actor, s.label, l.tbl, l.row_id, l.op, l.old, l.new"
    "  FROM change_log_visible l JOIN change_set s ON s.id = l.change_set"
    " ORDER BY l.id DESC LIMIT ?", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (store);

  vaern_db_bind_int (stmt, 1, limit ? limit : G_MAXINT64);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      g_autoptr(VaernChange) c = g_object_new (VAERN_TYPE_CHANGE, NULL);

      vaern_record_set_identity (VAERN_RECORD (c), vaern_db_column_int (stmt, 0), 0);
      c->change_set = vaern_db_column_int (stmt, 1);
      c->at = doc_column_dup (stmt, 2);
      c->actor = doc_column_dup (stmt, 3);
      c->label = doc_column_dup (stmt, 4);
      c->table = doc_column_dup (stmt, 5);
      c->row_id = vaern_db_column_int (stmt, 6);
      c->op = doc_column_dup (stmt, 7);
      c->old_values = doc_column_dup (stmt, 8);
      c->new_values = doc_column_dup (stmt, 9);
      g_list_store_append (store, c);
    }
  vaern_db_reset (stmt);
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
  VaernDbStmt *stmt;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), G_LIST_MODEL (store));

  /* The ids are kept in an array that does not move while the tables
   * point into it: it is sized first. */
  g_array_set_size (ids, MAX (0, doc_query_int (self, "SELECT count(*) FROM change_set", 0, NULL)));
  stmt = doc_prepare (self,
    "SELECT s.id, s.at, s.actor, s.label, s.reverts,"
    "       EXISTS (SELECT 1 FROM change_log_visible l WHERE l.change_set = s.id)"
    "  FROM change_set s ORDER BY s.id", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (store);

  for (guint n = 0; vaern_db_step (stmt) == VAERN_DB_ROW && n < ids->len; n++)
    {
      gint64 *id = &g_array_index (ids, gint64, n);
      gint64 reverts = vaern_db_column_int (stmt, 4);
      guint d = 0;
      const char *at = vaern_db_column_text (stmt, 1, NULL);

      *id = vaern_db_column_int (stmt, 0);
      if (reverts != 0)
        {
          d = GPOINTER_TO_UINT (g_hash_table_lookup (depth, &reverts));
          g_hash_table_add (reverted, g_memdup2 (&reverts, sizeof reverts));
        }
      g_hash_table_insert (depth, id, GUINT_TO_POINTER (reverts != 0 ? d + 1 : 1));
      if ((reverts == 0 ? 1 : d + 1) % 2 == 1 && vaern_db_column_int (stmt, 5)
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
  vaern_db_reset (stmt);

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
  return MAX (0, doc_query_int (self, "SELECT count(*) FROM change_log_visible", 0, NULL));
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
  if (self->disconnected)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONNECTION,
                   _("The connection to the server is lost, so nothing can be changed until "
                     "it is back. Værn connects again by itself."));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_READ_ONLY,
                   _("The document is read-only. Save a copy to make changes."));
      return FALSE;
    }
  if (self->access >= VAERN_ACCESS_READER)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION,
                   _("Your login on the server may read this ISMS but not change it. Ask its "
                     "administrator if you need to."));
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
  VaernDbStmt *stmt = doc_prepare (self,
                                "INSERT INTO change_set (at, actor, label, reverts)"
                                " VALUES (?, ?, ?, ?) RETURNING id", error);

  if (stmt == NULL)
    return FALSE;
  doc_bind_text (stmt, 1, at);
  doc_bind_text (stmt, 2, g_get_user_name ());
  doc_bind_text (stmt, 3, label);
  doc_bind_id (stmt, 4, reverts);
  self->change_set = doc_insert (self, stmt, error);
  return self->change_set != 0
         && (vaern_db_set_change_set (self->db, self->audit ? self->change_set : 0)
             || (doc_set_db_error (self, error), FALSE));
}

/* Whether the batch's transaction still stands; when an error ended it,
 * that error again. */
static gboolean
batch_alive (VaernDocument *self,
             GError       **error)
{
  if (self->batch_error == NULL && vaern_db_in_transaction (self->db))
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

  if (!doc_begin (self, error))
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
  gint64 changed = doc_query_int (self, "SELECT EXISTS (SELECT 1 FROM change_log_visible WHERE change_set = ?)",
                              set, error);

  forget_change_set (self);
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
  /* What others committed while this session waited on the server is
   * buffered: follow it now rather than at the next packet. */
  doc_take_notifications (self);
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
      forget_change_set (self);
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
  VaernDbStmt *stmt = doc_prepare (self, "SELECT label FROM change_set WHERE id = ?", NULL);
  char *label = NULL;

  if (stmt == NULL)
    return NULL;
  vaern_db_bind_int (stmt, 1, change_set);
  if (vaern_db_step (stmt) == VAERN_DB_ROW)
    label = doc_column_dup (stmt, 0);
  vaern_db_reset (stmt);
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
  if (self->batch_error != NULL || !vaern_db_in_transaction (self->db))
    {
      gboolean alive = batch_alive (self, commit ? error : NULL);

      g_assert (!alive);
      self->batch_depth = 0;
      forget_change_set (self);
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

/* Applies the inverse of one logged row change: the logged old values
 * (a JSON object of the row) go back in, or the inserted row goes. */
static gboolean
revert_row (VaernDocument *self,
            const char    *table,
            gint64         row_id,
            const char    *op,
            const char    *old_json,
            const char    *new_json,
            GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(VaernDbStmt) stmt = NULL;
  gboolean postgresql = vaern_db_kind (self->db) == VAERN_DB_POSTGRESQL;

  if (g_str_equal (op, "insert"))
    {
      g_string_printf (sql, "DELETE FROM \"%s\" WHERE id = ?1", table);
    }
  else if (postgresql && g_str_equal (op, "delete"))
    {
      g_string_printf (sql, "INSERT INTO \"%s\" SELECT * FROM json_populate_record"
                            " (NULL::\"%s\", ?2::json)", table, table);
    }
  else
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new (NULL);
      g_autoptr(VaernDbStmt) cols = NULL;
      int n = 0;

      /* On a server an update puts back only the columns it changed: a
       * login may be allowed to change some columns of a row and not
       * others (an assessor a system's classification, management a
       * risk's acceptance), and its undo must stay within them. */
      if (postgresql && new_json)
        {
          cols = vaern_db_prepare (self->db,
            "SELECT o.key FROM json_each (?1::json) o"
            " WHERE o.value::text IS DISTINCT FROM (?2::json -> o.key)::text");
          if (cols == NULL)
            goto failed;
          doc_bind_text (cols, 1, old_json);
          doc_bind_text (cols, 2, new_json);
        }
      else
        {
          cols = vaern_db_prepare (self->db, doc_sql (self,
            "SELECT name FROM pragma_table_info (?1)",
            "SELECT attname FROM pg_attribute WHERE attrelid = ?1::regclass"
            "   AND attnum > 0 AND NOT attisdropped ORDER BY attnum"));
          if (cols == NULL)
            goto failed;
          vaern_db_bind_text (cols, 1, table);
        }
      while (vaern_db_step (cols) == VAERN_DB_ROW)
        {
          const char *col = vaern_db_column_text (cols, 0, NULL);

          if (postgresql)
            g_string_append_printf (names, "%s\"%s\" = r.\"%s\"", n ? ", " : "", col, col);
          else if (g_str_equal (op, "delete"))
            {
              g_string_append_printf (names, "%s\"%s\"", n ? ", " : "", col);
              g_string_append_printf (values, "%sjson_extract (?2, '$.\"%s\"')", n ? ", " : "",
                                      col);
            }
          else
            g_string_append_printf (names, "%s\"%s\" = json_extract (?2, '$.\"%s\"')",
                                    n ? ", " : "", col, col);
          n++;
        }
      if (n == 0)
        return TRUE;   /* nothing to put back */
      if (g_str_equal (op, "delete"))
        g_string_printf (sql, "INSERT INTO \"%s\" (%s) VALUES (%s)", table, names->str,
                         values->str);
      else if (postgresql)
        g_string_printf (sql, "UPDATE \"%s\" SET %s FROM json_populate_record"
                              " (NULL::\"%s\", ?2::json) r WHERE \"%s\".id = ?1",
                         table, names->str, table, table);
      else
        g_string_printf (sql, "UPDATE \"%s\" SET %s WHERE id = ?1", table, names->str);
    }

  stmt = vaern_db_prepare (self->db, sql->str);
  if (stmt == NULL)
    goto failed;
  vaern_db_bind_int (stmt, 1, row_id);
  if (!g_str_equal (op, "insert"))
    doc_bind_text (stmt, 2, old_json);
  if (vaern_db_step (stmt) == VAERN_DB_DONE)
    return TRUE;

failed:
  doc_set_db_error (self, error);
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
  g_autoptr(VaernDbStmt) rows = NULL;
  gboolean ok = TRUE;

  if (!doc_check_writable (self, error) || !doc_check_same_file (self, error))
    return FALSE;
  if (from->len == 0)
    return TRUE;

  step = &g_array_index (from, UndoStep, from->len - 1);
  label = g_strdup (step->label);

  /* The rows go back in the reverse order of the log; a foreign key may
   * point to a row that comes back later in the same step. */
  if (!doc_begin (self, error)
      || !doc_exec (self, doc_sql (self, "PRAGMA defer_foreign_keys = ON",
                                         "SET CONSTRAINTS ALL DEFERRED"), error))
    {
      doc_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  if (!open_change_set (self, label, step->change_set, error))
    {
      doc_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  rows = vaern_db_prepare (self->db, "SELECT tbl, row_id, op, old, new FROM change_log_visible"
                                     " WHERE change_set = ? ORDER BY id DESC");
  if (rows == NULL)
    {
      doc_set_db_error (self, error);
      ok = FALSE;
    }
  else
    {
      vaern_db_bind_int (rows, 1, step->change_set);
      while (ok && vaern_db_step (rows) == VAERN_DB_ROW)
        ok = revert_row (self, vaern_db_column_text (rows, 0, NULL),
                         vaern_db_column_int (rows, 1),
                         vaern_db_column_text (rows, 2, NULL),
                         vaern_db_column_text (rows, 3, NULL),
                         vaern_db_column_text (rows, 4, NULL), error);
    }
  if (!ok)
    {
      forget_change_set (self);
      doc_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  g_clear_pointer (&rows, vaern_db_stmt_free);
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
  g_autofree char *insert = id == 0 ? g_strconcat (sql, " RETURNING id", NULL) : NULL;
  VaernDbStmt *stmt;
  gboolean ok;

  if (!doc_begin_change (self, label, error))
    return 0;
  stmt = doc_prepare (self, insert ? insert : sql, error);
  ok = stmt != NULL;
  if (ok && id == 0)
    {
      bind (stmt, record);
      id = doc_insert (self, stmt, error);
      ok = id != 0;
    }
  else if (ok)
    {
      bind (stmt, record);
      vaern_db_bind_int (stmt, n_params + 1, id);
      ok = doc_step_done (self, stmt, error);
    }
  if (ok && !insert && vaern_db_changes (self->db) == 0)
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
  VaernDbStmt *stmt;
  gboolean ok;

  if (!doc_begin_change (self, label, error))
    return FALSE;
  stmt = doc_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      vaern_db_bind_int (stmt, 1, id);
      ok = doc_step_done (self, stmt, error);
    }
  if (ok && vaern_db_changes (self->db) == 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("It has already been deleted."));
      ok = FALSE;
    }
  return doc_end_change (self, ok, label, error);
}
