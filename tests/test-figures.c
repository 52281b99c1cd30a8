/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "core/vaern-date.h"
#include "core/vaern-risk-scale.h"
#include "store/vaern-figures.h"
#include "vaern-test-store.h"
#include "vaern-test-util.h"

/* The key figures (vaern_key_figures_compute) on the demo document, each
 * against a count made here another way: straight from the file's tables
 * with SQL where the rule is plain, and from the lists' raw fields where
 * it is not (the annual wheel's occurrences). An edit moves the figure it
 * concerns and no other. */

#define TODAY "2026-11-23"

typedef struct
{
  char          *dir;
  char          *path;
  VaernDocument *doc;
  VaernDb       *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->doc = vaern_test_document_new (&f->dir, &f->path);
  g_assert_true (vaern_document_fill_demo (f->doc, &error));
  g_assert_no_error (error);
}

/* The document holds its file locked while open: the figures are
 * counted first, then the file is read here. */
static void
open_db (Fixture *f)
{
  vaern_document_close (f->doc);
  f->db = vaern_test_open_db (f->path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->db, vaern_db_close);
  vaern_test_document_free (&f->doc, &f->dir, &f->path);
}

/* One number from the file; ?1 is today, ?2 today + 30 days. */
static guint
count (Fixture    *f,
       const char *sql)
{
  VaernDbStmt *stmt = vaern_db_prepare (f->db, sql);
  gint64 n;

  if (stmt == NULL)
    g_error ("%s: %s", sql, vaern_db_error_message (f->db));
  vaern_db_bind_text (stmt, 1, TODAY);
  vaern_db_bind_text (stmt, 2, "2026-12-23");
  g_assert_cmpint (vaern_db_step (stmt), ==, VAERN_DB_ROW);
  n = vaern_db_column_int (stmt, 0);
  vaern_db_stmt_free (stmt);
  g_assert_cmpint (n, >=, 0);
  return (guint) n;
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VaernKeyFigures) k = vaern_key_figures_compute (f->doc, NULL);

  open_db (f);
  g_assert_cmpstr (k->today, ==, TODAY);
  g_assert_cmpstr (k->soon, ==, "2026-12-23");
  g_assert_cmpuint (k->n_assets, ==, count (f, "SELECT count(*) FROM asset WHERE lifecycle <> 'retired'"));
  g_assert_cmpuint (k->n_systems, ==,
                    count (f, "SELECT count(*) FROM asset WHERE kind = 'system' AND lifecycle <> 'retired'"));
  g_assert_cmpuint (k->n_systems, <, k->n_assets);
  g_assert_cmpuint (k->n_systems_no_owner, ==,
                    count (f, "SELECT count(*) FROM asset a WHERE kind = 'system' AND lifecycle <> 'retired'"
                              " AND NOT EXISTS (SELECT 1 FROM assignment o JOIN role r ON r.id = o.role_id"
                              "   WHERE o.asset_id = a.id AND o.to_date IS NULL AND r.key = 'system_owner')"));
  g_assert_cmpuint (k->n_dpa_missing, ==,
                    count (f, "SELECT count(*) FROM asset WHERE lifecycle <> 'retired'"
                              " AND personal_data <> 'none' AND dpa = 'missing'"));
  g_assert_cmpuint (k->n_asset_review_overdue, ==,
                    count (f, "SELECT count(*) FROM asset WHERE lifecycle <> 'retired'"
                              " AND next_review < ?1"));
  g_assert_cmpuint (k->n_systems_assessed, ==,
                    count (f, "SELECT count(*) FROM asset a WHERE kind = 'system' AND lifecycle <> 'retired'"
                              " AND EXISTS (SELECT 1 FROM risk WHERE asset_id = a.id AND likelihood > 0"
                              "   AND greatest (consequence_c, consequence_i, consequence_a) > 0)"));
  /* The demo has something to find in each. */
  g_assert_cmpuint (k->n_systems_no_owner, >, 0);
  g_assert_cmpuint (k->n_dpa_missing, >, 0);
  g_assert_cmpuint (k->n_asset_review_overdue, >, 0);
  g_assert_cmpuint (k->n_systems_assessed, <=, k->n_systems);
}

static void
test_risks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VaernKeyFigures) k = vaern_key_figures_compute (f->doc, NULL);
  g_autoptr(VaernRiskScale) scale = vaern_risk_scale_copy (vaern_document_get_scale (f->doc));
  guint inherent[VAERN_FIGURES_MAX_BANDS] = { 0 }, residual[VAERN_FIGURES_MAX_BANDS] = { 0 };
  guint assessed = 0, sum_inherent = 0;
  VaernDbStmt *stmt = NULL;

  open_db (f);
  g_assert_cmpuint (k->n_bands, ==, scale->n_bands);
  g_assert_cmpuint (k->n_risks, ==, count (f, "SELECT count(*) FROM risk"));
  g_assert_cmpuint (k->n_risks_assessed, ==,
                    count (f, "SELECT count(*) FROM risk WHERE likelihood > 0"
                              " AND greatest (consequence_c, consequence_i, consequence_a) > 0"));
  g_assert_cmpuint (k->n_risks_undecided, ==,
                    count (f, "SELECT count(*) FROM risk WHERE likelihood > 0"
                              " AND greatest (consequence_c, consequence_i, consequence_a) > 0"
                              " AND treatment = 'undecided'"));
  g_assert_cmpuint (k->n_risk_review_overdue, ==,
                    count (f, "SELECT count(*) FROM risk WHERE review_date < ?1"));
  g_assert_cmpuint (k->n_risk_review_overdue, >, 0);

  /* Each band from the levels, through the scale. */
  stmt = vaern_db_prepare (f->db,
                                       "SELECT likelihood, greatest (consequence_c, consequence_i, consequence_a),"
                                       /* A level not set after treatment is the one before. */
                                       " CASE residual_likelihood WHEN 0 THEN likelihood ELSE residual_likelihood END,"
                                       " CASE residual_consequence WHEN 0"
                                       "   THEN greatest (consequence_c, consequence_i, consequence_a)"
                                       "   ELSE residual_consequence END FROM risk");
  g_assert_nonnull (stmt);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      int band = vaern_risk_scale_band (scale, vaern_db_column_int (stmt, 0),
                                        vaern_db_column_int (stmt, 1));
      int after = vaern_risk_scale_band (scale, vaern_db_column_int (stmt, 2),
                                         vaern_db_column_int (stmt, 3));

      if (band < 0)
        continue;
      assessed++;
      inherent[band]++;
      if (after >= 0)
        residual[after]++;
    }
  vaern_db_stmt_free (stmt);
  g_assert_cmpuint (assessed, ==, k->n_risks_assessed);
  for (guint b = 0; b < VAERN_FIGURES_MAX_BANDS; b++)
    {
      g_assert_cmpuint (k->inherent_by_band[b], ==, inherent[b]);
      g_assert_cmpuint (k->residual_by_band[b], ==, residual[b]);
      sum_inherent += k->inherent_by_band[b];
    }
  g_assert_cmpuint (sum_inherent, ==, k->n_risks_assessed);
  /* Treatment lowers the highest band. */
  g_assert_cmpuint (k->residual_by_band[k->n_bands - 1], <, k->inherent_by_band[k->n_bands - 1]);
}

static void
test_soa (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(VaernKeyFigures) k = vaern_key_figures_compute (f->doc, NULL);
  GListModel *entries = vaern_document_get_soa_entries (f->doc);
  g_autoptr(VaernSoaVersion) newest = vaern_document_get_newest_soa_version (f->doc);
  guint missing = 0;

  /* What lacks a justification is the store's own rule; counted here in
   * the newest version only, not the older ones. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (entries, i);

      if (e->version_id == vaern_record_get_id (VAERN_RECORD (newest)) && e->missing_justification)
        missing++;
    }
  g_assert_cmpuint (k->soa_missing_justification, ==, missing);
  g_assert_cmpuint (missing, >, 0);

  open_db (f);
  g_assert_cmpuint (k->soa_version, ==, count (f, "SELECT max (number) FROM soa_version"));
  g_assert_cmpuint (k->soa_version, >, 0);
  g_assert_cmpint (k->soa_approved, ==,
                   count (f, "SELECT count(*) FROM approval WHERE soa_version_id ="
                             " (SELECT id FROM soa_version ORDER BY number DESC LIMIT 1)") > 0);
  for (guint t = 5; t <= 8; t++)
    {
      g_autofree char *applicable = g_strdup_printf (
        "SELECT count(*) FROM soa_entry WHERE control LIKE '%u.%%' AND applicable = 1"
        " AND version_id = (SELECT id FROM soa_version ORDER BY number DESC LIMIT 1)", t);
      g_autofree char *implemented = g_strconcat (applicable, " AND status = 'implemented'", NULL);

      g_assert_cmpuint (k->soa_applicable[t - 5], ==, count (f, applicable));
      g_assert_cmpuint (k->soa_implemented[t - 5], ==, count (f, implemented));
      g_assert_cmpuint (k->soa_applicable[t - 5], >, 0);
    }
  /* The whole of Annex A 2022, less what does not apply. */
  g_assert_cmpuint (k->soa_applicable[0] + k->soa_applicable[1] + k->soa_applicable[2]
                    + k->soa_applicable[3], <=, 93);

}

static void
test_wheel_and_documents (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(VaernKeyFigures) k = vaern_key_figures_compute (f->doc, NULL);
  GListModel *activities = vaern_document_get_activities (f->doc);
  guint overdue = 0, upcoming = 0;

  /* Overdue: an occurrence before today not done, from the activity's own
   * schedule; upcoming: the first occurrence not done is within 30 days. */
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);
      g_autoptr(GArray) before = vaern_activity_occurrences (a, "2000-01-01", "2026-11-22", TODAY);
      g_autoptr(GArray) soon = vaern_activity_occurrences (a, TODAY, "2026-12-23", TODAY);
      gboolean late = FALSE, open_soon = FALSE;

      for (guint o = 0; o < before->len; o++)
        late |= g_array_index (before, VaernOccurrence, o).state == VAERN_OCCURRENCE_OVERDUE;
      for (guint o = 0; o < soon->len; o++)
        open_soon |= g_array_index (soon, VaernOccurrence, o).state != VAERN_OCCURRENCE_DONE;
      if (late)
        overdue++;
      else if (open_soon)
        upcoming++;
    }
  g_assert_cmpuint (k->n_activities_overdue, ==, overdue);
  g_assert_cmpuint (k->n_activities_upcoming, ==, upcoming);
  g_assert_cmpuint (overdue, >, 0);

  open_db (f);
  g_assert_cmpuint (k->n_documents, ==, count (f, "SELECT count(*) FROM document WHERE status <> 'withdrawn'"));
  g_assert_cmpuint (k->n_documents_in_review, ==,
                    count (f, "SELECT count(*) FROM document WHERE status = 'in_review'"));
  g_assert_cmpuint (k->n_documents_review_due, ==,
                    count (f, "SELECT count(*) FROM document WHERE status <> 'withdrawn'"
                              " AND next_review <= ?2"));
  g_assert_cmpuint (k->n_pending_approvals, ==,
                    k->n_documents_in_review + (k->soa_approved ? 0 : 1));
  if (count (f, "SELECT count(*) FROM approval a JOIN document d ON d.id = a.document_id"
                " WHERE d.kind = 'report'") == 0)
    g_assert_null (k->last_report_approved_on);
  else
    {
      VaernDbStmt *stmt = vaern_db_prepare (f->db,
                                           "SELECT max (approved_on) FROM approval a JOIN document d"
                                           " ON d.id = a.document_id WHERE d.kind = 'report'");

      g_assert_nonnull (stmt);
      g_assert_cmpint (vaern_db_step (stmt), ==, VAERN_DB_ROW);
      g_assert_cmpstr (k->last_report_approved_on, ==, vaern_db_column_text (stmt, 0, NULL));
      vaern_db_stmt_free (stmt);
    }
}

/* A new system without an owner moves the systems and the no-owner count
 * by one; one with personal data and no agreement moves the DPA count;
 * nothing else moves. */
static void
test_change (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VaernKeyFigures) before = vaern_key_figures_compute (f->doc, NULL);
  g_autoptr(VaernKeyFigures) after = NULL;
  g_autoptr(VaernKeyFigures) later = NULL;
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(VaernAsset) second = vaern_asset_new ();
  g_autoptr(VaernAsset) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  asset->kind = VAERN_ASSET_KIND_SYSTEM;
  asset->name = g_strdup ("Ny løsning uden ejer");
  asset->lifecycle = VAERN_LIFECYCLE_IN_USE;
  g_assert_cmpint (vaern_document_add_asset (f->doc, asset, &error), >, 0);
  g_assert_no_error (error);
  after = vaern_key_figures_compute (f->doc, NULL);
  g_assert_cmpuint (after->n_systems, ==, before->n_systems + 1);
  g_assert_cmpuint (after->n_assets, ==, before->n_assets + 1);
  g_assert_cmpuint (after->n_systems_no_owner, ==, before->n_systems_no_owner + 1);
  g_assert_cmpuint (after->n_dpa_missing, ==, before->n_dpa_missing);
  g_assert_cmpuint (after->n_asset_review_overdue, ==, before->n_asset_review_overdue);
  g_assert_cmpuint (after->n_systems_assessed, ==, before->n_systems_assessed);
  g_assert_cmpuint (after->n_risks, ==, before->n_risks);

  second->kind = VAERN_ASSET_KIND_SYSTEM;
  second->name = g_strdup ("Ny løsning med persondata");
  second->lifecycle = VAERN_LIFECYCLE_RETIRED;
  second->personal_data = VAERN_PERSONAL_DATA_CPR;
  second->dpa = VAERN_DPA_MISSING;
  id = vaern_document_add_asset (f->doc, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* Retired: it counts nowhere. */
  later = vaern_key_figures_compute (f->doc, NULL);
  g_assert_cmpuint (later->n_systems, ==, after->n_systems);
  g_assert_cmpuint (later->n_dpa_missing, ==, after->n_dpa_missing);
  g_clear_pointer (&later, vaern_key_figures_free);

  {
    g_autoptr(VaernAsset) a = vaern_document_get_asset (f->doc, id, NULL);

    g_assert_nonnull (a);
    stored = vaern_asset_copy (a);
  }
  stored->lifecycle = VAERN_LIFECYCLE_IN_USE;
  g_assert_true (vaern_document_update_asset (f->doc, stored, &error));
  g_assert_no_error (error);
  later = vaern_key_figures_compute (f->doc, NULL);
  g_assert_cmpuint (later->n_systems, ==, after->n_systems + 1);
  g_assert_cmpuint (later->n_dpa_missing, ==, after->n_dpa_missing + 1);
  g_assert_cmpuint (later->n_systems_no_owner, ==, after->n_systems_no_owner + 1);

  /* Undo both: the figures are as before. */
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_clear_pointer (&later, vaern_key_figures_free);
  later = vaern_key_figures_compute (f->doc, NULL);
  g_assert_cmpuint (later->n_systems, ==, before->n_systems);
  g_assert_cmpuint (later->n_systems_no_owner, ==, before->n_systems_no_owner);
  g_assert_cmpuint (later->n_dpa_missing, ==, before->n_dpa_missing);
}

static void
test_percent (void)
{
  g_assert_cmpuint (vaern_key_figures_percent (0, 0), ==, 0);
  g_assert_cmpuint (vaern_key_figures_percent (1, 3), ==, 33);
  g_assert_cmpuint (vaern_key_figures_percent (2, 3), ==, 67);
  g_assert_cmpuint (vaern_key_figures_percent (24, 37), ==, 65);
  g_assert_cmpuint (vaern_key_figures_percent (5, 8), ==, 63);
  /* Only all is 100 %, only none is 0 %. */
  g_assert_cmpuint (vaern_key_figures_percent (199, 200), ==, 99);
  g_assert_cmpuint (vaern_key_figures_percent (1, 1000), ==, 1);
  g_assert_cmpuint (vaern_key_figures_percent (0, 7), ==, 0);
  g_assert_cmpuint (vaern_key_figures_percent (5, 5), ==, 100);
  g_assert_cmpuint (vaern_key_figures_percent (G_MAXUINT, G_MAXUINT), ==, 100);
}

/* An empty document: all zero, no SoA version, nothing pending. */
static void
test_empty (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VaernDocument) doc = vaern_test_document_new (&dir, &path);
  g_autoptr(VaernKeyFigures) k = vaern_key_figures_compute (doc, NULL);

  g_assert_cmpuint (k->n_assets, ==, 0);
  g_assert_cmpuint (k->n_systems, ==, 0);
  g_assert_cmpuint (k->n_risks, ==, 0);
  g_assert_cmpuint (k->n_activities_overdue, ==, 0);
  g_assert_cmpuint (k->n_documents, ==, 0);
  g_assert_null (k->last_report_approved_on);
  g_assert_cmpuint (k->n_pending_approvals, ==, k->soa_version > 0 && !k->soa_approved ? 1 : 0);
  vaern_test_document_free (&doc, &dir, &path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vaern/figures/register", Fixture, NULL, fixture_setup, test_register, fixture_teardown);
  g_test_add ("/vaern/figures/risks", Fixture, NULL, fixture_setup, test_risks, fixture_teardown);
  g_test_add ("/vaern/figures/soa", Fixture, NULL, fixture_setup, test_soa, fixture_teardown);
  g_test_add ("/vaern/figures/wheel-and-documents", Fixture, NULL, fixture_setup,
              test_wheel_and_documents, fixture_teardown);
  g_test_add ("/vaern/figures/change", Fixture, NULL, fixture_setup, test_change, fixture_teardown);
  g_test_add_func ("/vaern/figures/percent", test_percent);
  g_test_add_func ("/vaern/figures/empty", test_empty);

  return g_test_run ();
}
