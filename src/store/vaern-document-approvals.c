/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ISMS's documents register and management's approvals. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/vaern-date.h"
#include "vaern-document-private.h"

GPtrArray *
doc_load_isms_documents (VaernDocument *self,
                         gint64         id)
{
  int rc;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = vaern_date_today ();
  VaernDbStmt *stmt = doc_prepare_list (self,
    "SELECT d.id, d.title, d.kind, d.version, d.owner_id, d.status, d.next_review,"
    "  d.location, d.notes, coalesce (p.name, ''),"
    "  (SELECT count(*) FROM soa_entry_document sd JOIN soa_entry e ON e.id = sd.entry_id"
    "     WHERE sd.document_id = d.id AND e.version_id ="
    "       (SELECT id FROM soa_version ORDER BY number DESC LIMIT 1))"
    "  FROM document d LEFT JOIN person p ON p.id = d.owner_id"
    " WHERE ?1 = 0 OR d.id = ?1"
    " ORDER BY CASE d.kind WHEN 'policy' THEN 0 WHEN 'guideline' THEN 1 WHEN 'procedure' THEN 2"
    "   WHEN 'contingency' THEN 3 WHEN 'report' THEN 4 WHEN 'improvement' THEN 5 ELSE 6 END,"
    "   d.title COLLATE NOCASE");

  if (stmt == NULL)
    return result;
  vaern_db_bind_int (stmt, 1, id);
  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernIsmsDocument *d = vaern_isms_document_new ();

      vaern_record_set_identity (VAERN_RECORD (d), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt) ^ g_str_hash (today));
      d->title = doc_column_dup (stmt, 1);
      d->kind = doc_column_enum (stmt, 2, &vaern_enum_doc_kind);
      d->version = doc_column_dup (stmt, 3);
      d->owner_id = vaern_db_column_int (stmt, 4);
      d->status = doc_column_enum (stmt, 5, &vaern_enum_doc_status);
      if (!vaern_db_column_is_null (stmt, 6))
        d->next_review = doc_column_dup (stmt, 6);
      d->location = doc_column_dup (stmt, 7);
      d->notes = doc_column_dup (stmt, 8);
      d->owner_name = doc_column_dup (stmt, 9);
      d->n_controls = vaern_db_column_int (stmt, 10);
      d->overdue = d->status != VAERN_DOC_STATUS_WITHDRAWN && d->next_review != NULL
                   && strcmp (d->next_review, today) < 0;
      d->search_key = doc_casefold_join (d->title, d->version, d->owner_name, d->location,
                                         d->notes, (const char *) -1);
      g_ptr_array_add (result, d);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

GPtrArray *
doc_load_approvals (VaernDocument *self,
                    gint64         id)
{
  int rc;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  VaernDbStmt *stmt = doc_prepare_list (self,
    "SELECT a.id, a.subject, a.soa_version_id, a.document_id, a.asset_id, a.subject_version,"
    "  a.title, a.approved_by, a.approved_on, a.note, coalesce (v.number, 0)"
    "  FROM approval a LEFT JOIN soa_version v ON v.id = a.soa_version_id"
    " WHERE ?1 = 0 OR a.id = ?1"
    " ORDER BY a.approved_on DESC, a.id DESC");

  if (stmt == NULL)
    return result;
  vaern_db_bind_int (stmt, 1, id);
  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernApproval *a = vaern_approval_new ();

      vaern_record_set_identity (VAERN_RECORD (a), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt));
      a->subject = doc_column_enum (stmt, 1, &vaern_enum_approval_subject);
      a->soa_version_id = vaern_db_column_int (stmt, 2);
      a->document_id = vaern_db_column_int (stmt, 3);
      a->asset_id = vaern_db_column_int (stmt, 4);
      a->subject_version = doc_column_dup (stmt, 5);
      a->title = doc_column_dup (stmt, 6);
      a->approved_by = doc_column_dup (stmt, 7);
      a->approved_on = doc_column_dup (stmt, 8);
      a->note = doc_column_dup (stmt, 9);
      a->soa_version_number = vaern_db_column_int (stmt, 10);
      a->search_key = doc_casefold_join (a->title, a->approved_by, a->note,
                                         (const char *) -1);
      g_ptr_array_add (result, a);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

/* Documents of the ISMS */

GListModel *
vaern_document_get_isms_documents (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->isms_documents);
}

VaernIsmsDocument *
vaern_document_find_isms_document (VaernDocument *self,
                                   gint64         id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  if (id <= 0 || self->db == NULL)
    return NULL;
  found = doc_load_isms_documents (self, id);
  return found->len > 0 ? g_object_ref (found->pdata[0]) : NULL;
}

static gboolean
validate_isms_document (VaernDocument     *self,
                        VaernIsmsDocument *doc,
                        gint64             own_id,
                        GError           **error)
{
  VaernDbStmt *stmt;
  gint64 other = 0;
  g_autofree char *title = NULL;

  title = g_strstrip (g_strdup (doc->title ? doc->title : ""));
  if (*title == '\0')
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "title",
                                   _("The document needs a title."));
      return FALSE;
    }
  if (doc->kind >= vaern_enum_doc_kind.n_entries || doc->status >= vaern_enum_doc_status.n_entries)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "kind",
                                   _("Choose the kind and status of the document."));
      return FALSE;
    }
  if (!doc_require_date (doc->next_review, "next_review", TRUE, error))
    return FALSE;
  if (!doc_person_exists (self, doc->owner_id))
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_NOT_FOUND, "owner",
                                   _("The chosen owner no longer exists."));
      return FALSE;
    }
  stmt = doc_prepare (self, "SELECT id FROM document WHERE title = ? COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  doc_bind_text (stmt, 1, title);
  if (vaern_db_step (stmt) == VAERN_DB_ROW)
    other = vaern_db_column_int (stmt, 0);
  vaern_db_reset (stmt);
  if (other != 0 && other != own_id)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "title",
                                   _("A document titled “%s” already exists. Choose another title."),
                                   title);
      return FALSE;
    }
  return TRUE;
}

static void
bind_isms_document (VaernDbStmt *stmt,
                    gpointer      record)
{
  VaernIsmsDocument *d = record;
  g_autofree char *title = g_strstrip (g_strdup (d->title));
  g_autofree char *version = g_strstrip (g_strdup (d->version ? d->version : ""));
  g_autofree char *location = g_strstrip (g_strdup (d->location ? d->location : ""));

  doc_bind_text (stmt, 1, title);
  doc_bind_text (stmt, 2, vaern_enum_key (&vaern_enum_doc_kind, d->kind));
  doc_bind_text (stmt, 3, version);
  doc_bind_id (stmt, 4, d->owner_id);
  doc_bind_text (stmt, 5, vaern_enum_key (&vaern_enum_doc_status, d->status));
  doc_bind_text (stmt, 6, d->next_review);
  doc_bind_text (stmt, 7, location);
  doc_bind_text_or_empty (stmt, 8, d->notes);
}

gint64
vaern_document_add_isms_document (VaernDocument     *self,
                                  VaernIsmsDocument *doc,
                                  GError           **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (VAERN_IS_ISMS_DOCUMENT (doc), 0);

  if (!doc_check_writable (self, error) || !validate_isms_document (self, doc, 0, error))
    return 0;
  /* Translators: an undo step; %s is the title of a policy, guideline, … */
  label = g_strdup_printf (_("Add document “%s”"), doc->title);
  return doc_write_row (self, label,
                        "INSERT INTO document (title, kind, version, owner_id, status, next_review,"
                        " location, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        bind_isms_document, 8, doc, 0, NULL, NULL, error);
}

gboolean
vaern_document_update_isms_document (VaernDocument     *self,
                                     VaernIsmsDocument *doc,
                                     GError           **error)
{
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (VAERN_IS_ISMS_DOCUMENT (doc), FALSE);

  id = vaern_record_get_id (VAERN_RECORD (doc));
  if (!doc_check_writable (self, error) || !validate_isms_document (self, doc, id, error))
    return FALSE;
  /* Translators: an undo step; %s is the title of a policy, guideline, … */
  label = g_strdup_printf (_("Edit document “%s”"), doc->title);
  return doc_write_row (self, label,
                        "UPDATE document SET title = ?, kind = ?, version = ?, owner_id = ?,"
                        " status = ?, next_review = ?, location = ?, notes = ? WHERE id = ?",
                        bind_isms_document, 8, doc, id, NULL,
                        _("The document is no longer in the register."), error) != 0;
}

gboolean
vaern_document_delete_isms_document (VaernDocument *self,
                                     gint64         id,
                                     GError       **error)
{
  g_autoptr(VaernIsmsDocument) doc = NULL;
  g_autofree char *label = NULL;
  gint64 frozen;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  doc = vaern_document_find_isms_document (self, id);
  if (doc == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The document is no longer in the register."));
      return FALSE;
    }
  frozen = doc_query_int (self,
                          "SELECT coalesce (max (v.number), 0) FROM soa_entry_document sd"
                          "  JOIN soa_entry e ON e.id = sd.entry_id"
                          "  JOIN soa_version v ON v.id = e.version_id"
                          "  JOIN approval a ON a.soa_version_id = v.id"
                          " WHERE sd.document_id = ?", id, error);
  if (frozen < 0)
    return FALSE;
  if (frozen > 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FROZEN,
                   /* Translators: %s is a document's title, %u an SoA version number */
                   _("“%s” is documentation in the approved version %u of the Statement of "
                     "Applicability, so it stays in the register. Set its status to Withdrawn "
                     "instead."), doc->title, (guint) frozen);
      return FALSE;
    }
  /* Translators: an undo step; %s is the title of a policy, guideline, … */
  label = g_strdup_printf (_("Delete document “%s”"), doc->title);
  return doc_delete_row (self, "DELETE FROM document WHERE id = ?", id, label, error);
}

/* Approvals */

GListModel *
vaern_document_get_approvals (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->approvals);
}

static VaernApproval *
find_approval (VaernDocument *self,
               gint64         id)
{
  g_autoptr(GPtrArray) found = NULL;

  if (id <= 0 || self->db == NULL)
    return NULL;
  found = doc_load_approvals (self, id);
  return found->len > 0 ? g_object_ref (found->pdata[0]) : NULL;
}

static gboolean
validate_approval (VaernApproval *approval,
                   GError       **error)
{
  g_autofree char *by = g_strstrip (g_strdup (approval->approved_by ? approval->approved_by : ""));

  if (*by == '\0')
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "approved_by",
                                   _("Say who approved it: a person or a body such as the "
                                     "executive board."));
      return FALSE;
    }
  if (approval->approved_on == NULL || *approval->approved_on == '\0')
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "approved_on",
                                   _("Give the date of the approval."));
      return FALSE;
    }
  if (!doc_require_date (approval->approved_on, "approved_on", FALSE, error))
    return FALSE;
  {
    g_autofree char *today = vaern_date_today ();

    if (strcmp (approval->approved_on, today) > 0)
      {
        vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "approved_on",
                                     _("An approval is recorded once it has been given; the date "
                                       "cannot be in the future."));
        return FALSE;
      }
  }
  return TRUE;
}

static void
bind_approval (VaernDbStmt *stmt,
               gpointer      record)
{
  VaernApproval *a = record;
  g_autofree char *by = g_strstrip (g_strdup (a->approved_by));
  g_autofree char *title = g_strstrip (g_strdup (a->title));

  doc_bind_text (stmt, 1, vaern_enum_key (&vaern_enum_approval_subject, a->subject));
  doc_bind_id (stmt, 2, a->subject == VAERN_APPROVAL_SOA ? a->soa_version_id : 0);
  doc_bind_id (stmt, 3, a->subject == VAERN_APPROVAL_DOCUMENT ? a->document_id : 0);
  doc_bind_id (stmt, 4, a->subject == VAERN_APPROVAL_RISKS ? a->asset_id : 0);
  doc_bind_text_or_empty (stmt, 5, a->subject_version);
  doc_bind_text (stmt, 6, title);
  doc_bind_text (stmt, 7, by);
  doc_bind_text (stmt, 8, a->approved_on);
  doc_bind_text_or_empty (stmt, 9, a->note);
}

/* What approving the subject does besides the record: an SoA version
 * keeps its owners' names; a document becomes approved. */
static gboolean
apply_approval (VaernDocument *self,
                gint64         id,
                gpointer       record,
                GError       **error)
{
  VaernApproval *a = record;
  VaernDbStmt *stmt;

  if (a->subject == VAERN_APPROVAL_DOCUMENT)
    {
      stmt = doc_prepare (self, "UPDATE document SET status = 'approved' WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      vaern_db_bind_int (stmt, 1, a->document_id);
      return doc_step_done (self, stmt, error);
    }
  return TRUE;
}

gint64
vaern_document_add_approval (VaernDocument *self,
                             VaernApproval *approval,
                             GError       **error)
{
  g_autoptr(VaernApproval) a = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (VAERN_IS_APPROVAL (approval), 0);

  if (!doc_check_writable (self, error) || !validate_approval (approval, error))
    return 0;
  a = vaern_approval_copy (approval);
  /* A title of blanks is no title: the subject gives one. */
  if (a->title != NULL)
    g_strstrip (a->title);
  switch (a->subject)
    {
    case VAERN_APPROVAL_SOA:
      {
        g_autoptr(VaernSoaVersion) version = vaern_document_get_soa_version (self, a->soa_version_id);

        if (version == NULL)
          {
            g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                         _("That version of the Statement of Applicability no longer exists."));
            return 0;
          }
        if (!doc_frozen_error (self, a->soa_version_id, error))
          return 0;
        if (!version->newest)
          {
            g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT,
                         _("Only the newest version of the Statement of Applicability can be "
                           "approved."));
            return 0;
          }
        if (a->title == NULL || *a->title == '\0')
          {
            g_free (a->title);
            /* Translators: what was approved; %u is a version number */
            a->title = g_strdup_printf (_("Statement of Applicability, version %u"),
                                        version->number);
          }
        g_free (a->subject_version);
        a->subject_version = g_strdup_printf ("%u", version->number);
        /* Management cannot approve a version before it was written. */
        if (strcmp (a->approved_on, version->created_on) < 0)
          {
            g_autofree char *created = vaern_date_format (version->created_on);

            vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "approved_on",
                                         /* Translators: %u is a version number, %s a date */
                                         _("Version %u was started on %s; it cannot have been "
                                           "approved before that."), version->number, created);
            return 0;
          }
      }
      break;
    case VAERN_APPROVAL_DOCUMENT:
      {
        g_autoptr(VaernIsmsDocument) doc = vaern_document_find_isms_document (self, a->document_id);

        if (doc == NULL)
          {
            vaern_store_set_field_error (error, VAERN_STORE_ERROR_NOT_FOUND, "document",
                                         _("Choose the document that was approved."));
            return 0;
          }
        if (a->subject_version == NULL || *a->subject_version == '\0')
          {
            g_free (a->subject_version);
            a->subject_version = g_strdup (doc->version);
          }
        if (a->title == NULL || *a->title == '\0')
          {
            g_free (a->title);
            a->title = *a->subject_version
              /* Translators: what was approved: a document's title and its version */
              ? g_strdup_printf (_("%s, version %s"), doc->title, a->subject_version)
              : g_strdup (doc->title);
          }
      }
      break;
    case VAERN_APPROVAL_RISKS:
      if (a->asset_id > 0
          && doc_query_int (self, "SELECT count(*) FROM asset WHERE id = ?", a->asset_id, NULL) <= 0)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_NOT_FOUND, "asset",
                                       _("The chosen system no longer exists."));
          return 0;
        }
      if (a->title == NULL || *a->title == '\0')
        {
          g_autofree char *name = NULL;
          VaernDbStmt *stmt = doc_prepare (self, "SELECT name FROM asset WHERE id = ?", error);

          if (stmt == NULL)
            return 0;
          vaern_db_bind_int (stmt, 1, a->asset_id);
          if (vaern_db_step (stmt) == VAERN_DB_ROW)
            name = doc_column_dup (stmt, 0);
          vaern_db_reset (stmt);
          g_free (a->title);
          a->title = name
            /* Translators: what was approved; %s is the name of an IT system */
            ? g_strdup_printf (_("Risk assessment of %s"), name)
            : g_strdup (_("Risk assessment of all systems"));
        }
      break;
    case VAERN_APPROVAL_OTHER:
    default:
      if (a->title == NULL || *a->title == '\0')
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "title",
                                       _("Say what was approved."));
          return 0;
        }
      break;
    }

  /* Translators: an undo step; %s says what was approved */
  label = g_strdup_printf (_("Approve “%s”"), a->title);
  if (a->subject == VAERN_APPROVAL_SOA)
    {
      /* The names of the owners are kept with the approved version, so it
       * reads the same when people later leave. */
      VaernDbStmt *stmt;
      gboolean ok;

      if (!doc_begin_change (self, label, error))
        return 0;
      stmt = doc_prepare (self,
                          "UPDATE soa_entry SET owner_name = coalesce ("
                          "  (SELECT name FROM person WHERE id = soa_entry.owner_id), '')"
                          " WHERE version_id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          vaern_db_bind_int (stmt, 1, a->soa_version_id);
          ok = doc_step_done (self, stmt, error);
        }
      /* And the documents as they are now. */
      if (ok)
        {
          stmt = doc_prepare (self,
                              "UPDATE soa_entry_document SET"
                              "  (title, kind, version, status, location) ="
                              "  (SELECT d.title, d.kind, d.version, d.status, d.location"
                              "     FROM document d WHERE d.id = soa_entry_document.document_id)"
                              " WHERE entry_id IN (SELECT id FROM soa_entry WHERE version_id = ?)",
                              error);
          ok = stmt != NULL;
          if (ok)
            {
              vaern_db_bind_int (stmt, 1, a->soa_version_id);
              ok = doc_step_done (self, stmt, error);
            }
        }
      id = 0;
      if (ok)
        {
          stmt = doc_prepare (self,
                              "INSERT INTO approval (subject, soa_version_id, document_id, asset_id,"
                              " subject_version, title, approved_by, approved_on, note)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
          ok = stmt != NULL;
          if (ok)
            {
              bind_approval (stmt, a);
              id = doc_insert (self, stmt, error);
              ok = id != 0;
            }
        }
      return doc_end_change (self, ok, label, error) ? id : 0;
    }
  return doc_write_row (self, label,
                        "INSERT INTO approval (subject, soa_version_id, document_id, asset_id,"
                        " subject_version, title, approved_by, approved_on, note)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        bind_approval, 9, a, 0, apply_approval, NULL, error);
}

static void
bind_approval_edit (VaernDbStmt *stmt,
                    gpointer      record)
{
  VaernApproval *a = record;
  g_autofree char *by = g_strstrip (g_strdup (a->approved_by));

  doc_bind_text (stmt, 1, by);
  doc_bind_text (stmt, 2, a->approved_on);
  doc_bind_text_or_empty (stmt, 3, a->note);
}

gboolean
vaern_document_update_approval (VaernDocument *self,
                                VaernApproval *approval,
                                GError       **error)
{
  g_autoptr(VaernApproval) stored = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (VAERN_IS_APPROVAL (approval), FALSE);

  id = vaern_record_get_id (VAERN_RECORD (approval));
  if (!doc_check_writable (self, error) || !validate_approval (approval, error))
    return FALSE;
  stored = find_approval (self, id);
  if (stored == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The approval no longer exists."));
      return FALSE;
    }
  /* An approval of the SoA records a locked version: who and when stay. */
  if (stored->subject == VAERN_APPROVAL_SOA
      && (g_strcmp0 (g_strstrip (approval->approved_by), stored->approved_by) != 0
          || g_strcmp0 (approval->approved_on, stored->approved_on) != 0))
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FROZEN,
                   _("Who approved a version of the Statement of Applicability, and when, "
                     "cannot be changed; only the note can."));
      return FALSE;
    }
  /* Translators: an undo step; %s says what was approved */
  label = g_strdup_printf (_("Edit approval of “%s”"), stored->title);
  return doc_write_row (self, label,
                        "UPDATE approval SET approved_by = ?, approved_on = ?, note = ? WHERE id = ?",
                        bind_approval_edit, 3, approval, id, NULL,
                        _("The approval no longer exists."), error) != 0;
}

gboolean
vaern_document_delete_approval (VaernDocument *self,
                                gint64         id,
                                GError       **error)
{
  g_autoptr(VaernApproval) approval = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  approval = find_approval (self, id);
  if (approval == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The approval no longer exists."));
      return FALSE;
    }
  if (approval->subject == VAERN_APPROVAL_SOA)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FROZEN,
                   _("An approval of the Statement of Applicability is the record of what "
                     "management approved and cannot be deleted."));
      return FALSE;
    }
  /* Translators: an undo step; %s says what was approved */
  label = g_strdup_printf (_("Delete approval of “%s”"), approval->title);
  if (approval->subject == VAERN_APPROVAL_DOCUMENT && approval->document_id > 0)
    {
      /* Without its approval an approved document is back in review
       * (unless another approval of it remains). */
      VaernDbStmt *stmt;
      gboolean ok;

      if (!doc_begin_change (self, label, error))
        return FALSE;
      stmt = doc_prepare (self, "DELETE FROM approval WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          vaern_db_bind_int (stmt, 1, id);
          ok = doc_step_done (self, stmt, error);
        }
      if (ok)
        {
          stmt = doc_prepare (self,
                              "UPDATE document SET status = 'in_review' WHERE id = ?"
                              " AND status = 'approved' AND NOT EXISTS"
                              " (SELECT 1 FROM approval WHERE document_id = document.id)", error);
          ok = stmt != NULL;
          if (ok)
            {
              vaern_db_bind_int (stmt, 1, approval->document_id);
              ok = doc_step_done (self, stmt, error);
            }
        }
      return doc_end_change (self, ok, label, error);
    }
  return doc_delete_row (self, "DELETE FROM approval WHERE id = ?", id, label, error);
}
