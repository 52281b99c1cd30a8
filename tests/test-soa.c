/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "core/vaern-catalogue.h"
#include "core/vaern-date.h"
#include "store/vaern-document-private.h"
#include "vaern-test-store.h"
#include "vaern-test-util.h"

/* The SoA part of the store: the catalogue every document gets, the
 * versions of the Statement of Applicability and their freezing, the
 * documents register and the approvals. */

typedef struct
{
  char          *dir;
  char          *path;
  VaernDocument *doc;
  gint64         person;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->doc = vaern_test_document_new (&f->dir, &f->path);
  f->person = add_person (f->doc, "Sanne Soa", "ss@example.dk", 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  vaern_test_document_free (&f->doc, &f->dir, &f->path);
}

static void
reopen (Fixture *f)
{
  vaern_test_document_reopen (&f->doc, f->path);
}

static gint64
count (VaernDocument *doc,
       const char    *sql)
{
  return vaern_test_query_int (doc, sql);
}

static gint64
newest_id (VaernDocument *doc)
{
  g_autoptr(VaernSoaVersion) v = vaern_document_get_newest_soa_version (doc);

  g_assert_nonnull (v);
  return vaern_record_get_id (VAERN_RECORD (v));
}

/* The entry for a control in a version, a copy to edit. */
static VaernSoaEntry *
entry (VaernDocument *doc,
       gint64         version_id,
       const char    *control)
{
  GListModel *entries = vaern_document_get_soa_entries (doc);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (entries, i);

      if (e->version_id == version_id && g_str_equal (e->control, control))
        return vaern_soa_entry_copy (e);
    }
  g_assert_not_reached ();
}

static void
set_status (VaernDocument  *doc,
            gint64          version_id,
            const char     *control,
            VaernSoaStatus  status)
{
  g_autoptr(VaernSoaEntry) e = entry (doc, version_id, control);
  g_autoptr(GError) error = NULL;

  e->status = status;
  e->reasons = 1u << VAERN_SOA_REASON_RISK;
  g_assert_true (vaern_document_update_soa_entry (doc, e, &error));
  g_assert_no_error (error);
}

static gint64
approve_soa (VaernDocument *doc,
             gint64         version_id)
{
  g_autoptr(VaernApproval) a = vaern_approval_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  a->subject = VAERN_APPROVAL_SOA;
  a->soa_version_id = version_id;
  a->approved_by = g_strdup ("Direktionen");
  a->approved_on = g_strdup ("2026-11-23");
  id = vaern_document_add_approval (doc, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_doc (VaernDocument *doc,
         const char    *title)
{
  g_autoptr(VaernIsmsDocument) d = vaern_isms_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  d->title = g_strdup (title);
  d->kind = VAERN_DOC_KIND_GUIDELINE;
  d->version = g_strdup ("1.0");
  id = vaern_document_add_isms_document (doc, d, &error);
  g_assert_no_error (error);
  return id;
}

/* A new document holds both editions of the catalogue, theme by theme,
 * and the mapping between them; the first draft lists every 2022
 * control once, in order. */
static void
test_catalogue (Fixture       *f,
                gconstpointer  data)
{
  static const struct { int theme; gint64 n; } themes[] = { { 5, 37 }, { 6, 8 }, { 7, 14 }, { 8, 34 } };
  GListModel *entries = vaern_document_get_soa_entries (f->doc);
  GListModel *versions = vaern_document_get_soa_versions (f->doc);
  g_autoptr(VaernSoaVersion) first = NULL;

  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM control WHERE edition = '2022'"), ==, 93);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM control WHERE edition = '2013'"), ==, 114);
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM control WHERE edition = '2022'"
                                              " AND theme = %d AND number LIKE '%d.%%'",
                                              themes[t].theme, themes[t].theme);

      g_assert_cmpint (count (f->doc, sql), ==, themes[t].n);
    }
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM (SELECT number FROM control"
                                  " GROUP BY edition, number HAVING count(*) > 1) AS twice"), ==, 0);
  /* Every 2013 control goes somewhere; every 2022 control but the 11 new
   * ones comes from somewhere; the map names only known controls. */
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM control c WHERE edition = '2013' AND NOT"
                                  " EXISTS (SELECT 1 FROM control_map m WHERE m.control_2013 = c.number)"),
                   ==, 0);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM control c WHERE edition = '2022' AND NOT"
                                  " EXISTS (SELECT 1 FROM control_map m WHERE m.control_2022 = c.number)"),
                   ==, 11);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM control_map m WHERE NOT EXISTS"
                                  " (SELECT 1 FROM control c WHERE c.edition = '2022'"
                                  "  AND c.number = m.control_2022)"), ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  first = g_list_model_get_item (versions, 0);
  g_assert_cmpuint (first->number, ==, 1);
  g_assert_false (first->frozen);
  g_assert_true (first->newest);
  g_assert_cmpuint (first->n_controls, ==, 93);
  g_assert_cmpuint (first->n_applicable, ==, 93);
  g_assert_cmpuint (first->n_implemented, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 93);
  for (guint i = 0; i < 93; i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (entries, i);

      g_assert_cmpuint (e->position, ==, i);
      g_assert_nonnull (e->title);
      g_assert_cmpstr (e->title, !=, "");
      g_assert_true (e->missing_justification);
      if (i > 0)
        {
          g_autoptr(VaernSoaEntry) before = g_list_model_get_item (entries, i - 1);

          g_assert_cmpint (vaern_control_number_compare (before->control, e->control), <, 0);
        }
    }
}

/* A 2013 number from an older guideline leads to its 2022 controls, in
 * the spellings people write; and back. */
static void
test_lookup_2013 (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(GStrv) access = vaern_document_map_2013_control (f->doc, "A.9.2.3");
  g_auto(GStrv) plain = vaern_document_map_2013_control (f->doc, " a.9.2.3 ");
  g_auto(GStrv) inventory = vaern_document_map_2013_control (f->doc, "8.1.1");
  g_auto(GStrv) sources = vaern_document_control_sources (f->doc, "5.9");
  g_auto(GStrv) fresh = vaern_document_control_sources (f->doc, "5.7");
  g_auto(GStrv) not_2013 = vaern_document_map_2013_control (f->doc, "A.19.1.1");
  g_auto(GStrv) not_2022 = vaern_document_control_sources (f->doc, "8.35");

  g_assert_nonnull (access);
  g_assert_cmpstrv (access, ((const char *const[]) { "8.2", NULL }));
  g_assert_cmpstrv (plain, access);
  g_assert_nonnull (inventory);
  g_assert_true (g_strv_contains ((const char *const *) inventory, "5.9"));
  g_assert_nonnull (sources);
  g_assert_true (g_strv_contains ((const char *const *) sources, "A.8.1.1"));
  g_assert_nonnull (fresh);
  g_assert_cmpuint (g_strv_length (fresh), ==, 0);
  g_assert_null (not_2013);
  g_assert_null (not_2022);
  /* Both ways agree on every pair. */
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM control_map"), >=, 114);
  {
    g_autoptr(VaernDbStmt) stmt = vaern_db_prepare (f->doc->db, "SELECT control_2013,"
                                                    " control_2022 FROM control_map");

    g_assert_nonnull (stmt);
    while (vaern_db_step (stmt) == VAERN_DB_ROW)
      {
        const char *old = vaern_db_column_text (stmt, 0, NULL);
        const char *new = vaern_db_column_text (stmt, 1, NULL);
        g_auto(GStrv) forward = vaern_document_map_2013_control (f->doc, old);
        g_auto(GStrv) back = vaern_document_control_sources (f->doc, new);

        g_assert_true (g_strv_contains ((const char *const *) forward, new));
        g_assert_true (g_strv_contains ((const char *const *) back, old));
      }
  }
}

/* An exclusion needs a justification; the edit is refused without one and
 * kept with one, across reopening, in the change log. */
static void
test_entry_edit (Fixture       *f,
                 gconstpointer  data)
{
  gint64 v = newest_id (f->doc);
  gint64 policy = add_doc (f->doc, "Informationssikkerhedspolitik");
  g_autoptr(VaernSoaEntry) e = entry (f->doc, v, "8.28");
  g_autoptr(VaernSoaEntry) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernSoaVersion) version = NULL;

  e->applicable = FALSE;
  g_free (e->justification);
  e->justification = g_strdup ("   ");
  g_assert_false (vaern_document_update_soa_entry (f->doc, e, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "justification");
  g_clear_error (&error);
  /* Nor can it be slipped past the store. */
  g_assert_cmpint (vaern_test_exec (f->doc, "UPDATE soa_entry SET applicable = 0 WHERE control = '8.28'"), ==, VAERN_TEST_SQL_REFUSED);

  g_free (e->justification);
  e->justification = g_strdup ("Ingen egen udvikling.");
  e->owner_id = f->person;
  g_free (e->notes);
  e->notes = g_strdup ("Genovervejes hvis vi begynder at udvikle selv.");
  g_array_append_val (e->document_ids, policy);
  g_assert_true (vaern_document_update_soa_entry (f->doc, e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM change_log WHERE tbl = 'soa_entry'"), ==, 1);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM change_log WHERE tbl = 'soa_entry_document'"),
                   ==, 1);

  /* Undo takes the exclusion back, redo brings it again. */
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  back = entry (f->doc, v, "8.28");
  g_assert_true (back->applicable);
  g_assert_cmpuint (back->document_ids->len, ==, 0);
  g_clear_object (&back);
  g_assert_true (vaern_document_redo (f->doc, &error));
  g_assert_no_error (error);

  set_status (f->doc, v, "5.1", VAERN_SOA_STATUS_IMPLEMENTED);
  reopen (f);
  back = entry (f->doc, v, "8.28");
  g_assert_false (back->applicable);
  g_assert_cmpstr (back->justification, ==, "Ingen egen udvikling.");
  g_assert_cmpstr (back->owner_name, ==, "Sanne Soa");
  g_assert_cmpuint (back->document_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (back->document_ids, gint64, 0), ==, policy);
  g_assert_false (back->missing_justification);
  version = vaern_document_get_newest_soa_version (f->doc);
  g_assert_cmpuint (version->n_applicable, ==, 92);
  g_assert_cmpuint (version->n_implemented, ==, 1);
  {
    g_autoptr(VaernIsmsDocument) d = vaern_document_find_isms_document (f->doc, policy);

    g_assert_cmpuint (d->n_controls, ==, 1);
  }

}

/* Approval freezes the version, in the store and in the file; edits go
 * to a new draft, which starts as a copy; the approved version keeps its
 * owners' names when people leave. */
static void
test_approval_freezes (Fixture       *f,
                       gconstpointer  data)
{
  gint64 v1 = newest_id (f->doc);
  gint64 guideline = add_doc (f->doc, "Retningslinje for adgangsstyring");
  g_autoptr(VaernSoaEntry) e = entry (f->doc, v1, "5.15");
  g_autoptr(VaernSoaEntry) frozen = NULL;
  g_autoptr(VaernSoaEntry) copy = NULL;
  g_autoptr(VaernSoaVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  gint64 v2;

  e->owner_id = f->person;
  e->reasons = (1u << VAERN_SOA_REASON_RISK) | (1u << VAERN_SOA_REASON_LAW);
  e->status = VAERN_SOA_STATUS_PARTLY;
  g_array_append_val (e->document_ids, guideline);
  g_assert_true (vaern_document_update_soa_entry (f->doc, e, &error));
  g_assert_no_error (error);

  /* Not before there is something to approve and someone who approves. */
  {
    g_autoptr(VaernApproval) a = vaern_approval_new ();

    a->subject = VAERN_APPROVAL_SOA;
    a->soa_version_id = v1;
    a->approved_on = g_strdup ("2026-11-20");
    g_assert_cmpint (vaern_document_add_approval (f->doc, a, &error), ==, 0);
    g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
    g_assert_cmpstr (vaern_store_error_get_field (error), ==, "approved_by");
    g_clear_error (&error);
    a->approved_by = g_strdup ("Direktionen");
    g_free (a->approved_on);
    a->approved_on = g_strdup ("2026-02-30");
    g_assert_cmpint (vaern_document_add_approval (f->doc, a, &error), ==, 0);
    g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
    g_clear_error (&error);
    /* Not before the version was started (today, here), nor in the future. */
    g_free (a->approved_on);
    a->approved_on = g_strdup ("2026-11-20");
    g_assert_cmpint (vaern_document_add_approval (f->doc, a, &error), ==, 0);
    g_assert_cmpstr (vaern_store_error_get_field (error), ==, "approved_on");
    g_clear_error (&error);
    g_free (a->approved_on);
    a->approved_on = g_strdup ("2026-11-24");
    g_assert_cmpint (vaern_document_add_approval (f->doc, a, &error), ==, 0);
    g_assert_cmpstr (vaern_store_error_get_field (error), ==, "approved_on");
    g_clear_error (&error);
  }

  approve_soa (f->doc, v1);
  version = vaern_document_get_soa_version (f->doc, v1);
  g_assert_true (version->frozen);
  g_assert_cmpstr (version->approved_by, ==, "Direktionen");
  g_assert_cmpstr (version->approved_on, ==, "2026-11-23");

  /* Frozen: the store refuses, and so does the file itself. */
  g_clear_object (&e);
  e = entry (f->doc, v1, "5.15");
  g_assert_true (e->frozen);
  e->status = VAERN_SOA_STATUS_IMPLEMENTED;
  g_assert_false (vaern_document_update_soa_entry (f->doc, e, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_cmpint (vaern_test_exec (f->doc, "UPDATE soa_entry SET status = 'implemented' WHERE control = '5.15'"), ==, VAERN_TEST_SQL_REFUSED);
  g_assert_cmpint (vaern_test_exec (f->doc, "DELETE FROM soa_entry_document"), ==, VAERN_TEST_SQL_REFUSED);
  /* A second approval of the same version, or its deletion, is refused. */
  {
    g_autoptr(VaernApproval) again = vaern_approval_new ();
    g_autoptr(VaernApproval) first = g_list_model_get_item (vaern_document_get_approvals (f->doc), 0);

    again->subject = VAERN_APPROVAL_SOA;
    again->soa_version_id = v1;
    again->approved_by = g_strdup ("Byrådet");
    again->approved_on = g_strdup ("2026-11-23");
    g_assert_cmpint (vaern_document_add_approval (f->doc, again, &error), ==, 0);
    g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FROZEN);
    g_clear_error (&error);
    g_assert_false (vaern_document_delete_approval (f->doc,
                                                    vaern_record_get_id (VAERN_RECORD (first)),
                                                    &error));
    g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FROZEN);
    g_clear_error (&error);
  }
  /* The documentation of an approved version stays in the register. */
  g_assert_false (vaern_document_delete_isms_document (f->doc, guideline, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FROZEN);
  g_clear_error (&error);

  /* A new draft, a copy; its edits leave version 1 alone. */
  v2 = vaern_document_new_soa_draft (f->doc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2, >, v1);
  g_assert_cmpint (vaern_document_new_soa_draft (f->doc, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  copy = entry (f->doc, v2, "5.15");
  g_assert_false (copy->frozen);
  g_assert_cmpuint (copy->version_number, ==, 2);
  g_assert_cmpuint (copy->reasons, ==, e->reasons);
  g_assert_cmpint (copy->status, ==, VAERN_SOA_STATUS_PARTLY);
  g_assert_cmpint (copy->owner_id, ==, f->person);
  g_assert_cmpuint (copy->document_ids->len, ==, 1);
  copy->status = VAERN_SOA_STATUS_IMPLEMENTED;
  g_assert_true (vaern_document_update_soa_entry (f->doc, copy, &error));
  g_assert_no_error (error);
  g_clear_object (&frozen);
  frozen = entry (f->doc, v1, "5.15");
  g_assert_cmpint (frozen->status, ==, VAERN_SOA_STATUS_PARTLY);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_soa_entries (f->doc)), ==, 186);

  /* The person leaves: the approved version still names them; the draft
   * has no owner any more. */
  g_assert_true (vaern_document_delete_person (f->doc, f->person, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&frozen);
  frozen = entry (f->doc, v1, "5.15");
  g_assert_cmpstr (frozen->owner_name, ==, "Sanne Soa");
  g_clear_object (&copy);
  copy = entry (f->doc, v2, "5.15");
  g_assert_cmpstr (copy->owner_name, ==, "");
  /* And undo brings them back. */
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = entry (f->doc, v2, "5.15");
  g_assert_cmpstr (copy->owner_name, ==, "Sanne Soa");

  /* It all holds after reopening. */
  reopen (f);
  g_clear_object (&version);
  version = vaern_document_get_soa_version (f->doc, v1);
  g_assert_true (version->frozen);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_soa_versions (f->doc)), ==, 2);
}

/* Undo of an approval, while its version is the newest, unfreezes it. */
static void
test_undo_approval (Fixture       *f,
                    gconstpointer  data)
{
  gint64 v1 = newest_id (f->doc);
  g_autoptr(VaernSoaVersion) version = NULL;
  g_autoptr(GError) error = NULL;

  approve_soa (f->doc, v1);
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  version = vaern_document_get_soa_version (f->doc, v1);
  g_assert_false (version->frozen);
  set_status (f->doc, v1, "6.3", VAERN_SOA_STATUS_PLANNED);
}

/* The comparison lists exactly the controls that changed, field by field. */
static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  gint64 v1 = newest_id (f->doc);
  gint64 memo = add_doc (f->doc, "Backupprocedure");
  g_autoptr(GPtrArray) same = NULL;
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(GHashTable) controls = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  gint64 v2;

  set_status (f->doc, v1, "8.13", VAERN_SOA_STATUS_PARTLY);
  approve_soa (f->doc, v1);
  v2 = vaern_document_new_soa_draft (f->doc, &error);
  g_assert_no_error (error);

  same = vaern_document_compare_soa (f->doc, v1, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (same->len, ==, 0);

  set_status (f->doc, v2, "8.13", VAERN_SOA_STATUS_IMPLEMENTED);
  {
    g_autoptr(VaernSoaEntry) e = entry (f->doc, v2, "7.4");

    e->applicable = FALSE;
    g_free (e->justification);
    e->justification = g_strdup ("Ingen egne serverrum.");
    g_array_append_val (e->document_ids, memo);
    g_assert_true (vaern_document_update_soa_entry (f->doc, e, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(VaernSoaEntry) e = entry (f->doc, v2, "5.1");

    g_free (e->notes);
    e->notes = g_strdup ("Politikken revideres i 2027.");
    g_assert_true (vaern_document_update_soa_entry (f->doc, e, &error));
    g_assert_no_error (error);
  }
  /* Saving without a change is not a difference. */
  {
    g_autoptr(VaernSoaEntry) e = entry (f->doc, v2, "6.1");

    g_assert_true (vaern_document_update_soa_entry (f->doc, e, &error));
    g_assert_no_error (error);
  }

  diff = vaern_document_compare_soa (f->doc, v1, v2, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < diff->len; i++)
    {
      VaernSoaDifference *d = diff->pdata[i];

      g_hash_table_add (controls, d->control);
      g_assert_cmpstr (d->old_value, !=, d->new_value);
    }
  g_assert_cmpuint (g_hash_table_size (controls), ==, 3);
  g_assert_true (g_hash_table_contains (controls, "8.13"));
  g_assert_true (g_hash_table_contains (controls, "7.4"));
  g_assert_true (g_hash_table_contains (controls, "5.1"));
  /* 7.4: applicable, justification, documentation; 8.13: status
   * (the reason was set in version 1 already); 5.1: notes. */
  g_assert_cmpuint (diff->len, ==, 5);
  {
    VaernSoaDifference *d = NULL;

    for (guint i = 0; i < diff->len && d == NULL; i++)
      if (g_str_equal (((VaernSoaDifference *) diff->pdata[i])->control, "8.13"))
        d = diff->pdata[i];
    g_assert_cmpstr (d->old_value, ==, "Partly implemented");
    g_assert_cmpstr (d->new_value, ==, "Implemented");
  }
  g_assert_null (vaern_document_compare_soa (f->doc, v1, 9999, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND);
}

/* The documents register: stored, checked, refused when duplicate, and
 * approving a document marks it approved with its version. */
static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VaernIsmsDocument) d = vaern_isms_document_new ();
  g_autoptr(VaernIsmsDocument) back = NULL;
  g_autoptr(VaernApproval) a = vaern_approval_new ();
  g_autoptr(VaernApproval) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, other;

  d->title = g_strdup ("Beredskabsplan for IT");
  d->kind = VAERN_DOC_KIND_CONTINGENCY;
  d->version = g_strdup ("4.2");
  d->owner_id = f->person;
  d->next_review = g_strdup ("2026-06-01");
  d->location = g_strdup ("https://intranet.example.dk/beredskab.pdf");
  id = vaern_document_add_isms_document (f->doc, d, &error);
  g_assert_no_error (error);

  /* A duplicate title (in any case) and a bad date are refused. */
  g_free (d->title);
  d->title = g_strdup ("BEREDSKABSPLAN FOR IT");
  g_assert_cmpint (vaern_document_add_isms_document (f->doc, d, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "title");
  g_clear_error (&error);
  g_free (d->title);
  d->title = g_strdup ("Retningslinje for backup");
  g_free (d->next_review);
  d->next_review = g_strdup ("2026-13-01");
  g_assert_cmpint (vaern_document_add_isms_document (f->doc, d, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "next_review");
  g_clear_error (&error);
  g_free (d->title);
  d->title = g_strdup ("   ");
  g_assert_cmpint (vaern_document_add_isms_document (f->doc, d, &error), ==, 0);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "title");
  g_clear_error (&error);
  other = add_doc (f->doc, "Retningslinje for backup");

  back = vaern_document_find_isms_document (f->doc, id);
  g_assert_cmpstr (back->owner_name, ==, "Sanne Soa");
  g_assert_true (back->overdue);
  g_assert_cmpint (back->status, ==, VAERN_DOC_STATUS_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_isms_documents (f->doc)), ==, 2);

  a->subject = VAERN_APPROVAL_DOCUMENT;
  a->document_id = id;
  a->approved_by = g_strdup ("Direktionen");
  a->approved_on = g_strdup ("2026-11-01");
  a->note = g_strdup ("Testet ved øvelsen.");
  g_assert_cmpint (vaern_document_add_approval (f->doc, a, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&back);
  back = vaern_document_find_isms_document (f->doc, id);
  g_assert_cmpint (back->status, ==, VAERN_DOC_STATUS_APPROVED);
  stored = g_list_model_get_item (vaern_document_get_approvals (f->doc), 0);
  g_assert_cmpstr (stored->title, ==, "Beredskabsplan for IT, version 4.2");
  g_assert_cmpstr (stored->subject_version, ==, "4.2");
  g_assert_cmpint (stored->document_id, ==, id);

  /* A document that no approved SoA refers to can go, approvals keep
   * their words; undo brings it back. */
  g_assert_true (vaern_document_delete_isms_document (f->doc, id, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = g_list_model_get_item (vaern_document_get_approvals (f->doc), 0);
  g_assert_cmpint (stored->document_id, ==, 0);
  g_assert_cmpstr (stored->title, ==, "Beredskabsplan for IT, version 4.2");
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_nonnull (vaern_document_find_isms_document (f->doc, id));
  g_assert_true (vaern_document_delete_isms_document (f->doc, other, &error));
  g_assert_no_error (error);

  /* Other approvals may be deleted, and need a title when of "other". */
  {
    g_autoptr(VaernApproval) o = vaern_approval_new ();

    o->subject = VAERN_APPROVAL_OTHER;
    o->approved_by = g_strdup ("Direktionen");
    o->approved_on = g_strdup ("2026-10-01");
    g_assert_cmpint (vaern_document_add_approval (f->doc, o, &error), ==, 0);
    g_assert_cmpstr (vaern_store_error_get_field (error), ==, "title");
    g_clear_error (&error);
    o->title = g_strdup ("Budget for awareness 2027");
    id = vaern_document_add_approval (f->doc, o, &error);
    g_assert_no_error (error);
    g_assert_true (vaern_document_delete_approval (f->doc, id, &error));
    g_assert_no_error (error);
  }
}

/* The demo's SoA: an approved version and a draft with open questions. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "demo.vaern", NULL);
  g_autoptr(VaernDocument) doc = vaern_document_create (path, "Eksempel Kommune", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernSoaVersion) newest = NULL;
  g_autoptr(GPtrArray) diff = NULL;
  GListModel *versions;
  guint missing = 0;

  g_assert_true (vaern_document_fill_demo (doc, &error));
  g_assert_no_error (error);
  versions = vaern_document_get_soa_versions (doc);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  newest = vaern_document_get_newest_soa_version (doc);
  g_assert_false (newest->frozen);
  g_assert_cmpuint (newest->number, ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (vaern_document_get_soa_entries (doc)); i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (vaern_document_get_soa_entries (doc), i);

      missing += e->version_id == vaern_record_get_id (VAERN_RECORD (newest)) && e->missing_justification;
    }
  g_assert_cmpuint (missing, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_isms_documents (doc)), >=, 10);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_approvals (doc)), >=, 4);
  {
    g_autoptr(VaernSoaVersion) first = g_list_model_get_item (versions, 0);

    g_assert_true (first->frozen);
    diff = vaern_document_compare_soa (doc, vaern_record_get_id (VAERN_RECORD (first)),
                                       vaern_record_get_id (VAERN_RECORD (newest)), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (diff->len, >, 5);
  }
}

/* The review's holes: a locked version's own row and its links cannot be
 * changed behind the store's back; a locked approval keeps who and when;
 * a hand-over takes the draft's controls and the documents along; a
 * document's deleted approval puts it back in review. */
static void
test_locks_and_hand_over (Fixture       *f,
                          gconstpointer  data)
{
  gint64 v1 = newest_id (f->doc);
  gint64 policy = add_doc (f->doc, "Informationssikkerhedspolitik");
  gint64 successor = add_person (f->doc, "Sofus Efterfølger", "se@example.dk", 0);
  g_autoptr(VaernSoaEntry) e = entry (f->doc, v1, "5.1");
  g_autoptr(GError) error = NULL;
  gint64 approval_id, v2, doc_approval;

  e->owner_id = f->person;
  e->reasons = 1u << VAERN_SOA_REASON_RISK;
  g_array_append_val (e->document_ids, policy);
  g_assert_true (vaern_document_update_soa_entry (f->doc, e, &error));
  approval_id = approve_soa (f->doc, v1);

  g_assert_cmpint (vaern_test_exec (f->doc, "UPDATE soa_version SET number = 7"), ==, VAERN_TEST_SQL_REFUSED);
  g_assert_cmpint (vaern_test_exec (f->doc, "UPDATE soa_entry_document SET document_id = document_id + 0,"
                                            " entry_id = entry_id + 1"), ==, VAERN_TEST_SQL_REFUSED);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE soa_entry SET owner_id = %" G_GINT64_FORMAT
                                            " WHERE control = '5.1'", successor);

    g_assert_cmpint (vaern_test_exec (f->doc, sql), ==, VAERN_TEST_SQL_REFUSED);
  }
  {
    g_autoptr(VaernApproval) a = g_list_model_get_item (vaern_document_get_approvals (f->doc), 0);
    g_autoptr(VaernApproval) edit = vaern_approval_copy (a);

    g_assert_cmpint (vaern_record_get_id (VAERN_RECORD (a)), ==, approval_id);
    g_free (edit->approved_by);
    edit->approved_by = g_strdup ("Byrådet");
    g_assert_false (vaern_document_update_approval (f->doc, edit, &error));
    g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FROZEN);
    g_clear_error (&error);
    g_free (edit->approved_by);
    edit->approved_by = g_strdup (a->approved_by);
    g_free (edit->note);
    edit->note = g_strdup ("Referat vedlagt.");
    g_assert_true (vaern_document_update_approval (f->doc, edit, &error));
    g_assert_no_error (error);
  }

  /* The locked version shows the document as it was when approved; the
   * draft as it is. */
  {
    g_autoptr(VaernIsmsDocument) d = vaern_document_find_isms_document (f->doc, policy);
    g_autoptr(VaernIsmsDocument) edit = vaern_isms_document_copy (d);
    g_autoptr(VaernSoaEntry) locked = NULL;
    g_autoptr(VaernSoaEntry) draft = NULL;
    gint64 draft_version = vaern_document_new_soa_draft (f->doc, &error);

    g_assert_no_error (error);
    g_free (edit->title);
    edit->title = g_strdup ("Politik (omskrevet)");
    g_free (edit->version);
    edit->version = g_strdup ("4.0");
    edit->status = VAERN_DOC_STATUS_WITHDRAWN;
    g_assert_true (vaern_document_update_isms_document (f->doc, edit, &error));
    g_assert_no_error (error);
    locked = entry (f->doc, v1, "5.1");
    draft = entry (f->doc, draft_version, "5.1");
    g_assert_cmpuint (locked->documents->len, ==, 1);
    g_assert_cmpstr (((VaernSoaDocumentRef *) locked->documents->pdata[0])->title, ==,
                     "Informationssikkerhedspolitik");
    g_assert_cmpstr (((VaernSoaDocumentRef *) locked->documents->pdata[0])->version, ==, "1.0");
    g_assert_cmpstr (((VaernSoaDocumentRef *) draft->documents->pdata[0])->title, ==,
                     "Politik (omskrevet)");
    g_assert_true (vaern_document_undo (f->doc, &error));
    g_assert_true (vaern_document_undo (f->doc, &error));
    g_assert_no_error (error);
  }

  /* The hand-over: the draft's control and the document follow the
   * successor; the locked version keeps the name. */
  v2 = vaern_document_new_soa_draft (f->doc, &error);
  g_assert_no_error (error);
  {
    g_autoptr(VaernIsmsDocument) d = vaern_document_find_isms_document (f->doc, policy);
    g_autoptr(VaernIsmsDocument) edit = vaern_isms_document_copy (d);

    edit->owner_id = f->person;
    g_assert_true (vaern_document_update_isms_document (f->doc, edit, &error));
  }
  g_assert_true (vaern_document_delete_person (f->doc, f->person, successor, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VaernSoaEntry) draft = entry (f->doc, v2, "5.1");
    g_autoptr(VaernSoaEntry) locked = entry (f->doc, v1, "5.1");
    g_autoptr(VaernIsmsDocument) d = vaern_document_find_isms_document (f->doc, policy);

    g_assert_cmpint (draft->owner_id, ==, successor);
    g_assert_cmpstr (locked->owner_name, ==, "Sanne Soa");
    g_assert_cmpint (d->owner_id, ==, successor);
  }

  /* A document approved, then the approval deleted: back in review. */
  {
    g_autoptr(VaernApproval) a = vaern_approval_new ();
    g_autoptr(VaernIsmsDocument) d = NULL;

    a->subject = VAERN_APPROVAL_DOCUMENT;
    a->document_id = policy;
    a->approved_by = g_strdup ("Direktionen");
    a->approved_on = g_strdup ("2026-11-23");
    doc_approval = vaern_document_add_approval (f->doc, a, &error);
    g_assert_no_error (error);
    g_assert_true (vaern_document_delete_approval (f->doc, doc_approval, &error));
    g_assert_no_error (error);
    d = vaern_document_find_isms_document (f->doc, policy);
    g_assert_cmpint (d->status, ==, VAERN_DOC_STATUS_IN_REVIEW);
  }
}

/* The lists follow: a risk naming a control counts on its entry at once,
 * and undo takes it back; linking a document counts on the document. */
static void
test_lists_follow (Fixture       *f,
                   gconstpointer  data)
{
  gint64 v = newest_id (f->doc);
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(VaernRisk) risk = vaern_risk_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernSoaEntry) before = entry (f->doc, v, "8.13");
  g_autoptr(VaernSoaEntry) after = NULL;
  g_autoptr(GPtrArray) risks = NULL;

  asset->name = g_strdup ("Lønsystem");
  risk->asset_id = vaern_document_add_asset (f->doc, asset, &error);
  g_assert_no_error (error);
  risk->title = g_strdup ("Backup kan ikke læses tilbage");
  risk->controls = g_strsplit ("8.13", " ", -1);
  g_assert_cmpint (vaern_document_add_risk (f->doc, risk, &error), >, 0);
  g_assert_no_error (error);
  after = entry (f->doc, v, "8.13");
  g_assert_cmpuint (after->n_risks, ==, before->n_risks + 1);
  risks = vaern_document_list_control_risks (f->doc, "8.13");
  g_assert_cmpuint (risks->len, ==, 1);
  g_assert_cmpstr (VAERN_RISK (risks->pdata[0])->asset_name, ==, "Lønsystem");
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_clear_object (&after);
  after = entry (f->doc, v, "8.13");
  g_assert_cmpuint (after->n_risks, ==, before->n_risks);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vaern/soa/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("catalogue", test_catalogue);
  ADD ("lookup-2013", test_lookup_2013);
  ADD ("entry-edit", test_entry_edit);
  ADD ("approval-freezes", test_approval_freezes);
  ADD ("undo-approval", test_undo_approval);
  ADD ("compare", test_compare);
  ADD ("documents", test_documents);
  ADD ("demo", test_demo);
  ADD ("locks-and-hand-over", test_locks_and_hand_over);
  ADD ("lists-follow", test_lists_follow);
#undef ADD

  return g_test_run ();
}
