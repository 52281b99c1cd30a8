/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document's Annex A catalogue and its Statement of Applicability in
 * versions. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/vaern-catalogue.h"
#include "core/vaern-date.h"
#include "vaern-document-private.h"
#include "vaern-store-resources.h"

#define CATALOGUE_RESOURCE "/io/github/vaern/Vaern/store/annex-a.csv"

void
doc_soa_init (VaernDocument *self)
{
  self->soa_versions = g_list_store_new (VAERN_TYPE_SOA_VERSION);
  self->soa_entries = g_list_store_new (VAERN_TYPE_SOA_ENTRY);
  self->isms_documents = g_list_store_new (VAERN_TYPE_ISMS_DOCUMENT);
  self->approvals = g_list_store_new (VAERN_TYPE_APPROVAL);
}

void
doc_soa_dispose (VaernDocument *self)
{
  g_clear_object (&self->soa_versions);
  g_clear_object (&self->soa_entries);
  g_clear_object (&self->isms_documents);
  g_clear_object (&self->approvals);
}

/* Control titles follow the window's language: Danish when it is asked
 * for before English, English otherwise. */
static gboolean
prefer_danish (void)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i]; i++)
    {
      if (g_str_has_prefix (names[i], "da"))
        return TRUE;
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return FALSE;
    }
  return FALSE;
}

/* The catalogue */

static VaernCatalogue *
load_catalogue (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (vaern_store_get_resource (),
                                                    CATALOGUE_RESOURCE, 0, error);

  return bytes ? vaern_catalogue_new_from_bytes (bytes, error) : NULL;
}

/* Loads the catalogue into a new (or newly migrated) document and gives
 * it a first SoA draft with every 2022 control. */
gboolean
doc_soa_seed (VaernDocument *self,
              GError       **error)
{
  g_autoptr(VaernCatalogue) catalogue = load_catalogue (error);
  const char *const editions[] = { VAERN_EDITION_2022, VAERN_EDITION_2013 };
  g_autofree char *today = vaern_date_today ();
  VaernDbStmt *stmt;
  gint64 version_id;

  if (catalogue == NULL)
    return FALSE;
  for (guint e = 0; e < G_N_ELEMENTS (editions); e++)
    {
      guint n;
      const VaernControl *const *controls = vaern_catalogue_get_controls (catalogue, editions[e], &n);

      for (guint i = 0; i < n; i++)
        {
          stmt = doc_prepare (self,
                              "INSERT INTO control (edition, number, theme, title_da, title_en,"
                              " position) VALUES (?, ?, ?, ?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          doc_bind_text (stmt, 1, controls[i]->edition);
          doc_bind_text (stmt, 2, controls[i]->number);
          vaern_db_bind_int (stmt, 3, controls[i]->theme_or_clause);
          doc_bind_text (stmt, 4, controls[i]->title_da);
          doc_bind_text (stmt, 5, controls[i]->title_en);
          vaern_db_bind_int (stmt, 6, (int) i);
          if (!doc_step_done (self, stmt, error))
            return FALSE;

          if (g_str_equal (editions[e], VAERN_EDITION_2013))
            {
              guint n_map;
              const VaernControl *const *to = vaern_catalogue_map_2013 (catalogue,
                                                                        controls[i]->number,
                                                                        &n_map);

              for (guint k = 0; k < n_map; k++)
                {
                  stmt = doc_prepare (self,
                                      "INSERT INTO control_map (control_2013, control_2022)"
                                      " VALUES (?, ?)", error);
                  if (stmt == NULL)
                    return FALSE;
                  doc_bind_text (stmt, 1, controls[i]->number);
                  doc_bind_text (stmt, 2, to[k]->number);
                  if (!doc_step_done (self, stmt, error))
                    return FALSE;
                }
            }
        }
    }

  stmt = doc_prepare (self, "INSERT INTO soa_version (number, created_on) VALUES (1, ?) RETURNING id",
                      error);
  if (stmt == NULL)
    return FALSE;
  doc_bind_text (stmt, 1, today);
  version_id = doc_insert (self, stmt, error);
  if (version_id == 0)
    return FALSE;
  stmt = doc_prepare (self,
                      "INSERT INTO soa_entry (version_id, control)"
                      " SELECT ?, number FROM control WHERE edition = '2022' ORDER BY position",
                      error);
  if (stmt == NULL)
    return FALSE;
  vaern_db_bind_int (stmt, 1, version_id);
  return doc_step_done (self, stmt, error);
}

static GStrv
query_strv (VaernDocument *self,
            const char    *sql,
            const char    *param)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  VaernDbStmt *stmt = doc_prepare (self, sql, NULL);

  if (stmt == NULL)
    return NULL;
  doc_bind_text (stmt, 1, param);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    g_strv_builder_add (builder, vaern_db_column_text (stmt, 0, NULL));
  vaern_db_reset (stmt);
  return g_strv_builder_end (builder);
}

static gboolean
control_exists (VaernDocument *self,
                const char    *edition,
                const char    *number)
{
  VaernDbStmt *stmt = doc_prepare (self,
                                    "SELECT 1 FROM control WHERE edition = ? AND number = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  doc_bind_text (stmt, 1, edition);
  doc_bind_text (stmt, 2, number);
  found = vaern_db_step (stmt) == VAERN_DB_ROW;
  vaern_db_reset (stmt);
  return found;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  return vaern_control_number_compare (*(const char *const *) a, *(const char *const *) b);
}

static GStrv
sorted (GStrv numbers)
{
  if (numbers)
    qsort (numbers, g_strv_length (numbers), sizeof (char *), compare_numbers);
  return numbers;
}

GStrv
vaern_document_map_2013_control (VaernDocument *self,
                                 const char    *number_2013)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  number = vaern_control_number_normalize (number_2013 ? number_2013 : "");
  /* "A.8.1" is a 2022 number in the older spelling; three parts make a
   * 2013 number. */
  if (number == NULL || !control_exists (self, VAERN_EDITION_2013, number))
    return NULL;
  return sorted (query_strv (self, "SELECT control_2022 FROM control_map WHERE control_2013 = ?",
                             number));
}

GStrv
vaern_document_control_sources (VaernDocument *self,
                                const char    *number_2022)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  number = vaern_control_number_normalize (number_2022 ? number_2022 : "");
  if (number == NULL || !control_exists (self, VAERN_EDITION_2022, number))
    return NULL;
  return sorted (query_strv (self, "SELECT control_2013 FROM control_map WHERE control_2022 = ?",
                             number));
}

/* Reading */

static GPtrArray *
load_versions (VaernDocument *self,
               gint64         id)
{
  int rc;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  VaernDbStmt *stmt = doc_prepare_list (self,
    "SELECT v.id, v.number, v.created_on, a.id, a.approved_by, a.approved_on, a.note,"
    "  (SELECT count(*) FROM soa_entry e WHERE e.version_id = v.id),"
    "  (SELECT count(*) FROM soa_entry e WHERE e.version_id = v.id AND e.applicable = 1),"
    "  (SELECT count(*) FROM soa_entry e WHERE e.version_id = v.id AND e.applicable = 1"
    "     AND e.status = 'implemented'),"
    "  v.number = (SELECT max(number) FROM soa_version)"
    "  FROM soa_version v LEFT JOIN approval a ON a.soa_version_id = v.id"
    " WHERE ?1 = 0 OR v.id = ?1"
    " ORDER BY v.id");

  if (stmt == NULL)
    return result;
  vaern_db_bind_int (stmt, 1, id);
  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernSoaVersion *v = g_object_new (VAERN_TYPE_SOA_VERSION, NULL);

      vaern_record_set_identity (VAERN_RECORD (v), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt));
      v->number = vaern_db_column_int (stmt, 1);
      v->created_on = doc_column_dup (stmt, 2);
      v->approval_id = vaern_db_column_int (stmt, 3);
      v->approved_by = doc_column_dup (stmt, 4);
      v->approved_on = doc_column_dup (stmt, 5);
      v->approval_note = doc_column_dup (stmt, 6);
      v->frozen = v->approval_id != 0;
      v->n_controls = vaern_db_column_int (stmt, 7);
      v->n_applicable = vaern_db_column_int (stmt, 8);
      v->n_implemented = vaern_db_column_int (stmt, 9);
      v->newest = vaern_db_column_int (stmt, 10) != 0;
      g_ptr_array_add (result, v);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

static void
parse_ids (const char *list,
           GArray     *ids)
{
  g_auto(GStrv) parts = NULL;

  if (list == NULL || *list == '\0')
    return;
  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }
}

/* The documents the entries refer to, in one pass: for an approved
 * version as kept at approval, else as they are. */
static void
load_document_refs (VaernDocument *self,
                    GPtrArray     *entries,
                    gint64         id,
                    gint64         version_id)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  VaernDbStmt *stmt;
  int rc;

  for (guint i = 0; i < entries->len; i++)
    {
      gint64 key = vaern_record_get_id (VAERN_RECORD (entries->pdata[i]));

      g_hash_table_insert (by_id, g_memdup2 (&key, sizeof key), entries->pdata[i]);
    }
  stmt = doc_prepare_list (self,
    "SELECT sd.entry_id, sd.document_id, coalesce (sd.title, d.title), coalesce (sd.kind, d.kind),"
    "  coalesce (sd.version, d.version), coalesce (sd.status, d.status),"
    "  coalesce (sd.location, d.location)"
    "  FROM soa_entry_document sd JOIN soa_entry e ON e.id = sd.entry_id"
    "  JOIN document d ON d.id = sd.document_id"
    " WHERE (?1 = 0 OR e.id = ?1) AND (?2 = 0 OR e.version_id = ?2)"
    " ORDER BY sd.entry_id, sd.document_id");
  if (stmt == NULL)
    return;
  vaern_db_bind_int (stmt, 1, id);
  vaern_db_bind_int (stmt, 2, version_id);
  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      gint64 entry_id = vaern_db_column_int (stmt, 0);
      VaernSoaEntry *e = g_hash_table_lookup (by_id, &entry_id);
      VaernSoaDocumentRef *ref;

      if (e == NULL)
        continue;
      ref = g_new0 (VaernSoaDocumentRef, 1);
      ref->id = vaern_db_column_int (stmt, 1);
      ref->title = doc_column_dup (stmt, 2);
      ref->kind = doc_column_enum (stmt, 3, &vaern_enum_doc_kind);
      ref->version = doc_column_dup (stmt, 4);
      ref->status = doc_column_enum (stmt, 5, &vaern_enum_doc_status);
      ref->location = doc_column_dup (stmt, 6);
      g_ptr_array_add (e->documents, ref);
      /* A document's new title is a change of the entry that shows it. */
      vaern_record_set_identity (VAERN_RECORD (e), entry_id,
                                 vaern_record_get_digest (VAERN_RECORD (e)) * 31
                                 + g_str_hash (ref->title) + g_str_hash (ref->version)
                                 + ref->status * 7 + ref->kind);
    }
  doc_list_done (self, stmt, rc);
}

static GPtrArray *
load_entries (VaernDocument *self,
              gint64         id,
              gint64         version_id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean danish = prefer_danish ();
  int rc;
  VaernDbStmt *stmt = doc_prepare_list (self,
    "SELECT e.id, e.version_id, v.number, e.control, c.theme, c.position, c.title_da,"
    "  c.title_en, e.applicable, e.reasons, e.justification, e.status, e.owner_id,"
    "  CASE WHEN a.id IS NOT NULL THEN e.owner_name ELSE coalesce (p.name, '') END,"
    "  e.notes,"
    "  (SELECT string_agg (CAST (document_id AS TEXT), ',') FROM (SELECT document_id"
    "     FROM soa_entry_document WHERE entry_id = e.id ORDER BY document_id) AS d),"
    "  (SELECT count(*) FROM risk_control rc WHERE rc.control = e.control),"
    "  a.id IS NOT NULL,"
    "  (SELECT string_agg (control_2013, ' ') FROM control_map m"
    "     WHERE m.control_2022 = e.control)"
    "  FROM soa_entry e JOIN soa_version v ON v.id = e.version_id"
    "  LEFT JOIN control c ON c.edition = '2022' AND c.number = e.control"
    "  LEFT JOIN approval a ON a.soa_version_id = e.version_id"
    "  LEFT JOIN person p ON p.id = e.owner_id"
    " WHERE (?1 = 0 OR e.id = ?1) AND (?2 = 0 OR e.version_id = ?2)"
    " ORDER BY e.id");

  if (stmt == NULL)
    return result;
  vaern_db_bind_int (stmt, 1, id);
  vaern_db_bind_int (stmt, 2, version_id);
  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernSoaEntry *e = g_object_new (VAERN_TYPE_SOA_ENTRY, NULL);
      g_autofree char *reasons = NULL;

      vaern_record_set_identity (VAERN_RECORD (e), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt));
      e->version_id = vaern_db_column_int (stmt, 1);
      e->version_number = vaern_db_column_int (stmt, 2);
      e->control = doc_column_dup (stmt, 3);
      e->theme = vaern_db_column_int (stmt, 4);
      e->position = vaern_db_column_int (stmt, 5);
      e->title_da = doc_column_dup (stmt, 6);
      e->title_en = doc_column_dup (stmt, 7);
      e->title = g_strdup (danish ? e->title_da : e->title_en);
      e->applicable = vaern_db_column_int (stmt, 8) != 0;
      e->reasons = vaern_db_column_int (stmt, 9);
      e->justification = doc_column_dup (stmt, 10);
      e->status = doc_column_enum (stmt, 11, &vaern_enum_soa_status);
      e->owner_id = vaern_db_column_int (stmt, 12);
      e->owner_name = doc_column_dup (stmt, 13);
      e->notes = doc_column_dup (stmt, 14);
      parse_ids (vaern_db_column_text (stmt, 15, NULL), e->document_ids);
      e->n_risks = vaern_db_column_int (stmt, 16);
      e->frozen = vaern_db_column_int (stmt, 17) != 0;
      e->missing_justification = vaern_soa_entry_needs_justification (e);
      /* The number is searched as written ("5.9"), and so are the 2013
       * numbers the control took over ("A.8.1.1"): an older guideline's
       * reference finds today's control. */
      e->search_key = doc_casefold_join (e->control, vaern_db_column_text (stmt, 18, NULL),
                                         e->title_da, e->title_en, e->justification,
                                         e->owner_name, e->notes, (const char *) -1);
      g_ptr_array_add (result, e);
    }
  doc_list_done (self, stmt, rc);
  load_document_refs (self, result, id, version_id);
  return result;
}

void
doc_soa_refresh (VaernDocument *self,
                 DocTouched     touched)
{
  if (touched & (DOC_TOUCHED_SOA | DOC_TOUCHED_PERSON | DOC_TOUCHED_RISK | DOC_TOUCHED_DOCUMENT
                 | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) versions = load_versions (self, 0);
      g_autoptr(GPtrArray) entries = load_entries (self, 0, 0);

      doc_merge_records (self->soa_versions, versions);
      doc_merge_records (self->soa_entries, entries);
    }
  if (touched & (DOC_TOUCHED_DOCUMENT | DOC_TOUCHED_SOA | DOC_TOUCHED_PERSON | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) docs = doc_load_isms_documents (self, 0);

      doc_replace_ordered (self->isms_documents, docs);
    }
  if (touched & (DOC_TOUCHED_SOA | DOC_TOUCHED_DOCUMENT | DOC_TOUCHED_ASSET | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) approvals = doc_load_approvals (self, 0);

      doc_replace_ordered (self->approvals, approvals);
    }
}

GListModel *
vaern_document_get_soa_versions (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->soa_versions);
}

GListModel *
vaern_document_get_soa_entries (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->soa_entries);
}

/* Read from the file rather than the list, so that it is right inside a
 * batch of edits too. */
VaernSoaVersion *
vaern_document_get_soa_version (VaernDocument *self,
                                gint64         version_id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  if (version_id <= 0 || self->db == NULL)
    return NULL;
  found = load_versions (self, version_id);
  return found->len > 0 ? g_object_ref (found->pdata[0]) : NULL;
}

VaernSoaVersion *
vaern_document_get_newest_soa_version (VaernDocument *self)
{
  gint64 id;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  if (self->db == NULL)
    return NULL;
  id = doc_query_int (self, "SELECT coalesce (max (id), ?) FROM soa_version"
                      " WHERE number = (SELECT max (number) FROM soa_version)", 0, NULL);
  return id > 0 ? vaern_document_get_soa_version (self, id) : NULL;
}

VaernSoaEntry *
vaern_document_get_soa_entry (VaernDocument *self,
                              gint64         entry_id,
                              GError       **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  if (entry_id > 0 && self->db != NULL)
    {
      found = load_entries (self, entry_id, 0);
      if (found->len > 0)
        return g_object_ref (found->pdata[0]);
    }
  g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
               _("The control is no longer in the Statement of Applicability."));
  return NULL;
}

/* Writing the SoA */

gboolean
doc_frozen_error (VaernDocument *self,
                  gint64         version_id,
                  GError       **error)
{
  g_autoptr(VaernSoaVersion) version = vaern_document_get_soa_version (self, version_id);
  g_autofree char *date = NULL;

  if (version == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("That version of the Statement of Applicability no longer exists."));
      return FALSE;
    }
  if (!version->frozen)
    return TRUE;
  date = vaern_date_format (version->approved_on);
  g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FROZEN,
               /* Translators: %u is a version number, then a name and a date */
               _("Version %u of the Statement of Applicability was approved by %s on %s and "
                 "cannot be changed. Start a new draft to make changes."),
               version->number, version->approved_by, date);
  return FALSE;
}

gboolean
doc_person_exists (VaernDocument *self,
                   gint64         id)
{
  return id == 0 || doc_query_int (self, "SELECT count(*) FROM person WHERE id = ?", id, NULL) > 0;
}

static void
bind_entry (VaernDbStmt *stmt,
            gpointer      record)
{
  VaernSoaEntry *e = record;
  g_autofree char *justification = g_strstrip (g_strdup (e->justification ? e->justification : ""));

  vaern_db_bind_int (stmt, 1, e->applicable ? 1 : 0);
  vaern_db_bind_int (stmt, 2, (int) (e->reasons & VAERN_SOA_REASONS_ALL));
  doc_bind_text (stmt, 3, justification);
  doc_bind_text (stmt, 4, vaern_enum_key (&vaern_enum_soa_status, e->status));
  doc_bind_id (stmt, 5, e->owner_id);
  doc_bind_text_or_empty (stmt, 6, e->notes);
}

/* Makes the entry's documents the given set. */
static gboolean
write_entry_documents (VaernDocument *self,
                       gint64         entry_id,
                       gpointer       record,
                       GError       **error)
{
  GArray *wanted = VAERN_SOA_ENTRY (record)->document_ids;
  g_autoptr(GArray) existing = g_array_new (FALSE, FALSE, sizeof (gint64));
  VaernDbStmt *stmt = doc_prepare (self,
                                    "SELECT document_id FROM soa_entry_document WHERE entry_id = ?",
                                    error);

  if (stmt == NULL)
    return FALSE;
  vaern_db_bind_int (stmt, 1, entry_id);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      gint64 id = vaern_db_column_int (stmt, 0);

      g_array_append_val (existing, id);
    }
  vaern_db_reset (stmt);

  for (guint i = 0; i < existing->len; i++)
    {
      gint64 id = g_array_index (existing, gint64, i);
      gboolean keep = FALSE;

      for (guint k = 0; wanted && k < wanted->len && !keep; k++)
        keep = g_array_index (wanted, gint64, k) == id;
      if (keep)
        continue;
      stmt = doc_prepare (self, "DELETE FROM soa_entry_document WHERE entry_id = ? AND document_id = ?",
                          error);
      if (stmt == NULL)
        return FALSE;
      vaern_db_bind_int (stmt, 1, entry_id);
      vaern_db_bind_int (stmt, 2, id);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint k = 0; wanted && k < wanted->len; k++)
    {
      gint64 id = g_array_index (wanted, gint64, k);
      gboolean have = FALSE;

      for (guint i = 0; i < existing->len && !have; i++)
        have = g_array_index (existing, gint64, i) == id;
      if (have)
        continue;
      if (doc_query_int (self, "SELECT count(*) FROM document WHERE id = ?", id, NULL) <= 0)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_NOT_FOUND, "documents",
                                       _("One of the chosen documents no longer exists."));
          return FALSE;
        }
      stmt = doc_prepare (self,
                          "INSERT INTO soa_entry_document (entry_id, document_id) VALUES (?, ?)"
                          " ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      vaern_db_bind_int (stmt, 1, entry_id);
      vaern_db_bind_int (stmt, 2, id);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
vaern_document_update_soa_entry (VaernDocument *self,
                                 VaernSoaEntry *entry,
                                 GError       **error)
{
  g_autoptr(VaernSoaEntry) stored = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (VAERN_IS_SOA_ENTRY (entry), FALSE);

  id = vaern_record_get_id (VAERN_RECORD (entry));
  if (!doc_check_writable (self, error))
    return FALSE;
  stored = vaern_document_get_soa_entry (self, id, error);
  if (stored == NULL || !doc_frozen_error (self, stored->version_id, error))
    return FALSE;
  if (!entry->applicable)
    {
      g_autofree char *text = g_strstrip (g_strdup (entry->justification ? entry->justification : ""));

      if (*text == '\0')
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "justification",
                                       _("A control that does not apply needs a justification: "
                                         "say why it is left out."));
          return FALSE;
        }
    }
  if (entry->status >= vaern_enum_soa_status.n_entries)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "status",
                                   _("Choose an implementation status."));
      return FALSE;
    }
  if (!doc_person_exists (self, entry->owner_id))
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_NOT_FOUND, "owner",
                                   _("The chosen owner no longer exists."));
      return FALSE;
    }
  /* Translators: an undo step; %s is an Annex A control number, "5.9" */
  label = g_strdup_printf (_("Edit control %s in the SoA"), stored->control);
  return doc_write_row (self, label,
                        "UPDATE soa_entry SET applicable = ?, reasons = ?, justification = ?,"
                        " status = ?, owner_id = ?, notes = ? WHERE id = ?",
                        bind_entry, 6, entry, id, write_entry_documents,
                        _("The control is no longer in the Statement of Applicability."),
                        error) != 0;
}

gint64
vaern_document_new_soa_draft (VaernDocument *self,
                              GError       **error)
{
  g_autoptr(VaernSoaVersion) newest = NULL;
  g_autofree char *label = NULL;
  g_autofree char *today = vaern_date_today ();
  VaernDbStmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  if (!doc_check_writable (self, error))
    return 0;
  newest = vaern_document_get_newest_soa_version (self);
  if (newest != NULL && !newest->frozen)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT,
                   _("Version %u is still a draft: edit it, and start a new draft once it "
                     "has been approved."), newest->number);
      return 0;
    }
  /* Translators: an undo step; %u is the number of the new SoA version */
  label = g_strdup_printf (_("Start draft %u of the SoA"), newest ? newest->number + 1 : 1);
  if (!doc_begin_change (self, label, error))
    return 0;
  stmt = doc_prepare (self, "INSERT INTO soa_version (number, created_on) VALUES (?, ?) RETURNING id",
                      error);
  ok = stmt != NULL;
  if (ok)
    {
      vaern_db_bind_int (stmt, 1, newest ? (int) newest->number + 1 : 1);
      doc_bind_text (stmt, 2, today);
      id = doc_insert (self, stmt, error);
      ok = id != 0;
    }
  /* The draft starts as a copy of the approved version, and the owner
   * is the person again rather than the name kept at approval. */
  if (ok)
    {
      stmt = doc_prepare (self,
                          "INSERT INTO soa_entry (version_id, control, applicable, reasons,"
                          " justification, status, owner_id, notes)"
                          " SELECT ?1, e.control, e.applicable, e.reasons, e.justification,"
                          "   e.status, e.owner_id, e.notes"
                          "   FROM soa_entry e JOIN control c ON c.edition = '2022'"
                          "     AND c.number = e.control"
                          "  WHERE e.version_id = ?2 ORDER BY c.position", error);
      ok = stmt != NULL;
      if (ok)
        {
          vaern_db_bind_int (stmt, 1, id);
          vaern_db_bind_int (stmt, 2, newest ? vaern_record_get_id (VAERN_RECORD (newest)) : 0);
          ok = doc_step_done (self, stmt, error);
        }
    }
  /* A first version (none before) lists every control. */
  if (ok && newest == NULL)
    {
      stmt = doc_prepare (self,
                          "INSERT INTO soa_entry (version_id, control)"
                          " SELECT ?, number FROM control WHERE edition = '2022' ORDER BY position",
                          error);
      ok = stmt != NULL;
      if (ok)
        {
          vaern_db_bind_int (stmt, 1, id);
          ok = doc_step_done (self, stmt, error);
        }
    }
  if (ok && newest != NULL)
    {
      stmt = doc_prepare (self,
                          "INSERT INTO soa_entry_document (entry_id, document_id)"
                          " SELECT n.id, sd.document_id FROM soa_entry_document sd"
                          "   JOIN soa_entry o ON o.id = sd.entry_id AND o.version_id = ?2"
                          "   JOIN soa_entry n ON n.version_id = ?1 AND n.control = o.control"
                          "  ORDER BY n.id, sd.document_id", error);
      ok = stmt != NULL;
      if (ok)
        {
          vaern_db_bind_int (stmt, 1, id);
          vaern_db_bind_int (stmt, 2, vaern_record_get_id (VAERN_RECORD (newest)));
          ok = doc_step_done (self, stmt, error);
        }
    }
  return doc_end_change (self, ok, label, error) ? id : 0;
}

/* The risks list is sorted by id. */
static VaernRisk *
find_risk (GListModel *risks,
           gint64      id)
{
  guint lo = 0, hi = g_list_model_get_n_items (risks);

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      g_autoptr(VaernRecord) r = g_list_model_get_item (risks, mid);
      gint64 at = vaern_record_get_id (r);

      if (at == id)
        return VAERN_RISK (g_steal_pointer (&r));
      if (at < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

GPtrArray *
vaern_document_list_control_risks (VaernDocument *self,
                                   const char    *control)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *risks;
  VaernDbStmt *stmt;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), result);

  /* The records come from the document's list (read once), not a query
   * per risk: a control may be named by thousands of risks. */
  risks = vaern_document_get_risks (self);
  stmt = doc_prepare (self,
                      "SELECT r.id FROM risk_control rc JOIN risk r ON r.id = rc.risk_id"
                      "  JOIN asset a ON a.id = r.asset_id"
                      " WHERE rc.control = ?"
                      " ORDER BY a.name COLLATE NOCASE, r.title COLLATE NOCASE", NULL);
  if (stmt == NULL)
    return result;
  doc_bind_text (stmt, 1, control);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      VaernRisk *risk = find_risk (risks, vaern_db_column_int (stmt, 0));

      if (risk)
        g_ptr_array_add (result, risk);
    }
  vaern_db_reset (stmt);
  return result;
}

/* Comparing versions */

void
vaern_soa_difference_free (VaernSoaDifference *difference)
{
  if (difference == NULL)
    return;
  g_free (difference->control);
  g_free (difference->title);
  g_free (difference->field);
  g_free (difference->old_value);
  g_free (difference->new_value);
  g_free (difference);
}

static char *
documents_text (VaernSoaEntry *entry)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < entry->documents->len; i++)
    {
      const VaernSoaDocumentRef *ref = entry->documents->pdata[i];

      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, ref->title);
    }
  return g_string_free (s, FALSE);
}

static void
add_difference (GPtrArray     *out,
                VaernSoaEntry *entry,
                const char    *field,
                const char    *old_value,
                const char    *new_value)
{
  VaernSoaDifference *d;

  if (g_strcmp0 (old_value, new_value) == 0)
    return;
  d = g_new0 (VaernSoaDifference, 1);
  d->control = g_strdup (entry->control);
  d->title = g_strdup (entry->title);
  d->field = g_strdup (field);
  d->old_value = g_strdup (old_value ? old_value : "");
  d->new_value = g_strdup (new_value ? new_value : "");
  g_ptr_array_add (out, d);
}

GPtrArray *
vaern_document_compare_soa (VaernDocument *self,
                            gint64         version_a,
                            gint64         version_b,
                            GError       **error)
{
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GHashTable) by_control = NULL;
  GPtrArray *out;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(VaernSoaVersion) v = vaern_document_get_soa_version (self, k ? version_b : version_a);

      if (v == NULL)
        {
          g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                       _("That version of the Statement of Applicability no longer exists."));
          return NULL;
        }
    }
  a = load_entries (self, 0, version_a);
  b = load_entries (self, 0, version_b);
  by_control = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < a->len; i++)
    g_hash_table_insert (by_control, VAERN_SOA_ENTRY (a->pdata[i])->control, a->pdata[i]);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) vaern_soa_difference_free);
  for (guint i = 0; i < b->len; i++)
    {
      VaernSoaEntry *n = b->pdata[i];
      VaernSoaEntry *o = g_hash_table_lookup (by_control, n->control);
      g_autofree char *old_reasons = NULL, *new_reasons = NULL;
      g_autofree char *old_docs = NULL, *new_docs = NULL;

      if (o == NULL)
        {
          add_difference (out, n, _("Control"), "", _("Added"));
          continue;
        }
      add_difference (out, n, _("Applicable"), o->applicable ? _("Yes") : _("No"),
                      n->applicable ? _("Yes") : _("No"));
      old_reasons = vaern_soa_entry_reasons_text (o);
      new_reasons = vaern_soa_entry_reasons_text (n);
      add_difference (out, n, _("Reason"), old_reasons, new_reasons);
      add_difference (out, n, _("Justification"), o->justification, n->justification);
      add_difference (out, n, _("Status"), vaern_enum_label (&vaern_enum_soa_status, o->status),
                      vaern_enum_label (&vaern_enum_soa_status, n->status));
      add_difference (out, n, _("Owner"), o->owner_name, n->owner_name);
      old_docs = documents_text (o);
      new_docs = documents_text (n);
      add_difference (out, n, _("Documentation"), old_docs, new_docs);
      add_difference (out, n, _("Notes"), o->notes, n->notes);
      g_hash_table_remove (by_control, n->control);
    }
  /* Controls only in the first version (a version of a later catalogue). */
  for (guint i = 0; i < a->len; i++)
    {
      VaernSoaEntry *o = a->pdata[i];

      if (g_hash_table_contains (by_control, o->control))
        add_difference (out, o, _("Control"), _("Present"), _("Removed"));
    }
  return out;
}
