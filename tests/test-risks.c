/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/vaern-date.h"
#include "store/vaern-document-private.h"
#include "vaern-test-store.h"
#include "vaern-test-util.h"

/* The risk part of the store: the scale, the threat catalogue, risks and
 * their controls, stored, read back, validated, undone and rescaled. */

typedef struct
{
  char          *dir;
  char          *path;
  VaernDocument *doc;
  gint64         asset;
  gint64         person;
} Fixture;

static gint64
add_asset (VaernDocument *doc,
           const char    *name)
{
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  asset->name = g_strdup (name);
  id = vaern_document_add_asset (doc, asset, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->doc = vaern_test_document_new (&f->dir, &f->path);
  f->asset = add_asset (f->doc, "Sagssystem");
  f->person = add_person (f->doc, "Rikke Risiko", "rr@example.dk", 0);
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
first_threat (VaernDocument *doc)
{
  g_autoptr(VaernThreat) threat = g_list_model_get_item (vaern_document_get_threats (doc), 0);

  return vaern_record_get_id (VAERN_RECORD (threat));
}

static VaernRisk *
new_risk (Fixture    *f,
          const char *title,
          guint       likelihood,
          guint       c,
          guint       i,
          guint       a)
{
  VaernRisk *risk = vaern_risk_new ();

  risk->asset_id = f->asset;
  risk->title = g_strdup (title);
  risk->likelihood = likelihood;
  risk->consequence_c = c;
  risk->consequence_i = i;
  risk->consequence_a = a;
  return risk;
}

static gint64
add_risk (Fixture   *f,
          VaernRisk *risk)
{
  g_autoptr(GError) error = NULL;
  gint64 id = vaern_document_add_risk (f->doc, risk, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static VaernRisk *
get_risk (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  VaernRisk *risk = vaern_document_get_risk (f->doc, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (risk);
  return risk;
}

static guint
count (VaernDocument *doc,
       const char    *sql)
{
  return (guint) vaern_test_query_int (doc, sql);
}

/* A new document has the Danish 4 × 4 scale and the threat catalogue. */
static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  const VaernRiskScale *scale = vaern_document_get_scale (f->doc);
  g_autoptr(VaernRiskScale) preset = vaern_risk_scale_new_preset ("dk-4x4");
  GListModel *threats = vaern_document_get_threats (f->doc);
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ransomware = FALSE, wrong_recipient = FALSE;

  g_assert_true (vaern_risk_scale_equal (scale, preset));
  g_assert_cmpuint (g_list_model_get_n_items (threats), >=, 30);
  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(VaernThreat) t = g_list_model_get_item (threats, i);

      g_assert_true (t->builtin);
      g_assert_cmpstr (t->description, !=, "");
      g_hash_table_add (categories, t->category);
      ransomware |= g_str_equal (t->name, "Ransomware");
      wrong_recipient |= g_str_equal (t->name, "E-mail til forkert modtager");
    }
  g_assert_cmpuint (g_hash_table_size (categories), >=, 5);
  g_assert_true (ransomware && wrong_recipient);
  g_assert_cmpuint (vaern_document_count_risks (f->doc), ==, 0);
}

/* Every field goes in and comes back, after reopening too; the derived
 * fields follow the scale. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VaernRisk) risk = new_risk (f, "Ransomware krypterer sager", 3, 2, 3, 4);
  g_autoptr(VaernRisk) back = NULL;
  g_autoptr(VaernAsset) asset = NULL;
  const char *const controls[] = { "8.13", "5.30", "8.7", NULL };
  gint64 id;

  risk->threat_id = first_threat (f->doc);
  risk->description = g_strdup ("Krypteret drev æøå");
  risk->treatment = VAERN_TREATMENT_REDUCE;
  risk->measures = g_strdup ("Offline-backup");
  risk->residual_likelihood = 1;
  risk->residual_consequence = 3;
  risk->owner_id = f->person;
  risk->assessed_on = g_strdup ("2026-02-01");
  risk->review_date = g_strdup ("2026-11-01");
  risk->accepted_by = g_strdup ("Direktionen");
  risk->accepted_on = g_strdup ("2026-03-01");
  risk->controls = g_strdupv ((char **) controls);
  id = add_risk (f, risk);
  reopen (f);

  back = get_risk (f, id);
  g_assert_cmpint (back->asset_id, ==, f->asset);
  g_assert_cmpint (back->threat_id, ==, risk->threat_id);
  g_assert_cmpstr (back->title, ==, "Ransomware krypterer sager");
  g_assert_cmpstr (back->description, ==, "Krypteret drev æøå");
  g_assert_cmpuint (back->likelihood, ==, 3);
  g_assert_cmpuint (back->consequence_c, ==, 2);
  g_assert_cmpuint (back->consequence_i, ==, 3);
  g_assert_cmpuint (back->consequence_a, ==, 4);
  g_assert_cmpint (back->treatment, ==, VAERN_TREATMENT_REDUCE);
  g_assert_cmpstr (back->measures, ==, "Offline-backup");
  g_assert_cmpuint (back->residual_likelihood, ==, 1);
  g_assert_cmpuint (back->residual_consequence, ==, 3);
  g_assert_cmpint (back->owner_id, ==, f->person);
  g_assert_cmpstr (back->owner_name, ==, "Rikke Risiko");
  g_assert_cmpstr (back->asset_name, ==, "Sagssystem");
  g_assert_nonnull (back->threat_name);
  g_assert_cmpstr (back->assessed_on, ==, "2026-02-01");
  g_assert_cmpstr (back->review_date, ==, "2026-11-01");
  g_assert_cmpstr (back->accepted_by, ==, "Direktionen");
  g_assert_cmpstr (back->accepted_on, ==, "2026-03-01");
  /* Controls in catalogue order. */
  g_assert_cmpuint (g_strv_length (back->controls), ==, 3);
  g_assert_cmpstr (back->controls[0], ==, "5.30");
  g_assert_cmpstr (back->controls[1], ==, "8.7");
  g_assert_cmpstr (back->controls[2], ==, "8.13");
  /* The highest of C, I, A counts: 3 × 4 = 12, high; after: 1 × 3 = 3, low. */
  g_assert_cmpuint (back->consequence, ==, 4);
  g_assert_cmpuint (back->score, ==, 12);
  g_assert_cmpuint (back->band, ==, 3);
  g_assert_cmpuint (back->residual_score, ==, 3);
  g_assert_cmpuint (back->residual_band, ==, 1);
  /* Reviewed 1 November, today is 23 November. */
  g_assert_true (back->overdue);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_risks (f->doc)), ==, 1);

  /* The register sees it. */
  asset = vaern_document_get_asset (f->doc, f->asset, NULL);
  g_assert_cmpuint (asset->n_risks, ==, 1);
  g_assert_cmpuint (asset->max_residual_band, ==, 1);
  g_assert_cmpstr (asset->last_assessed, ==, "2026-02-01");

  /* Controls change by the difference. */
  g_strfreev (back->controls);
  back->controls = g_strsplit ("8.7 6.3", " ", -1);
  g_assert_true (vaern_document_update_risk (f->doc, back, NULL));
  g_clear_object (&back);
  back = get_risk (f, id);
  g_assert_cmpuint (g_strv_length (back->controls), ==, 2);
  g_assert_cmpstr (back->controls[0], ==, "6.3");
  g_assert_cmpstr (back->controls[1], ==, "8.7");
}

/* Without residual levels, the risk counts after treatment as before. */
static void
test_residual_default (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VaernRisk) risk = new_risk (f, "Strømsvigt", 2, 1, 1, 3);
  g_autoptr(VaernRisk) back = NULL;
  g_autoptr(VaernRisk) unassessed = new_risk (f, "Ikke vurderet", 0, 0, 0, 0);
  g_autoptr(VaernRisk) back2 = NULL;

  back = get_risk (f, add_risk (f, risk));
  g_assert_cmpuint (back->score, ==, 6);
  g_assert_cmpuint (back->band, ==, 2);
  g_assert_cmpuint (back->after_likelihood, ==, 2);
  g_assert_cmpuint (back->after_consequence, ==, 3);
  g_assert_cmpuint (back->residual_band, ==, 2);
  g_assert_false (back->overdue);

  back2 = get_risk (f, add_risk (f, unassessed));
  g_assert_cmpuint (back2->score, ==, 0);
  g_assert_cmpuint (back2->band, ==, 0);
  g_assert_cmpuint (back2->residual_band, ==, 0);
}

static void
expect_refusal (Fixture    *f,
                VaernRisk  *risk,
                int         code,
                const char *field)
{
  g_autoptr(GError) error = NULL;
  guint before = vaern_document_count_risks (f->doc);

  g_assert_cmpint (vaern_document_add_risk (f->doc, risk, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, code);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, field);
  g_assert_cmpuint (vaern_document_count_risks (f->doc), ==, before);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VaernRisk) ok = new_risk (f, "Phishing", 2, 2, 2, 2);

  add_risk (f, ok);
  {
    g_autoptr(VaernRisk) r = new_risk (f, "  ", 1, 1, 1, 1);
    expect_refusal (f, r, VAERN_STORE_ERROR_INVALID, "title");
  }
  {
    g_autoptr(VaernRisk) r = new_risk (f, "phishing", 1, 1, 1, 1);
    expect_refusal (f, r, VAERN_STORE_ERROR_DUPLICATE, "title");
  }
  {
    g_autoptr(VaernRisk) r = new_risk (f, "For høj", 5, 1, 1, 1);
    expect_refusal (f, r, VAERN_STORE_ERROR_INVALID, "likelihood");
  }
  {
    g_autoptr(VaernRisk) r = new_risk (f, "For høj konsekvens", 1, 1, 1, 5);
    expect_refusal (f, r, VAERN_STORE_ERROR_INVALID, "consequence_a");
  }
  {
    g_autoptr(VaernRisk) r = new_risk (f, "Forkert dato", 1, 1, 1, 1);
    r->review_date = g_strdup ("2026-02-30");
    expect_refusal (f, r, VAERN_STORE_ERROR_INVALID, "review_date");
  }
  {
    g_autoptr(VaernRisk) r = new_risk (f, "Halv accept", 1, 1, 1, 1);
    r->accepted_by = g_strdup ("Direktionen");
    expect_refusal (f, r, VAERN_STORE_ERROR_INVALID, "accepted_on");
  }
  {
    g_autoptr(VaernRisk) r = new_risk (f, "Forkert kontrol", 1, 1, 1, 1);
    r->controls = g_strsplit ("5.1 A.8.1.2", " ", -1);
    expect_refusal (f, r, VAERN_STORE_ERROR_INVALID, "controls");
  }
  {
    /* The numbers stop at 5.37, 6.8, 7.14 and 8.34. */
    g_autoptr(VaernRisk) r = new_risk (f, "Ud over temaet", 1, 1, 1, 1);
    r->controls = g_strsplit ("6.9", " ", -1);
    expect_refusal (f, r, VAERN_STORE_ERROR_INVALID, "controls");
  }
  {
    g_autoptr(VaernRisk) r = new_risk (f, "Nul foran", 1, 1, 1, 1);
    r->controls = g_strsplit ("5.01", " ", -1);
    expect_refusal (f, r, VAERN_STORE_ERROR_INVALID, "controls");
  }
  {
    g_autoptr(VaernRisk) r = new_risk (f, "Ukendt ejer", 1, 1, 1, 1);
    r->owner_id = 9999;
    expect_refusal (f, r, VAERN_STORE_ERROR_NOT_FOUND, "owner");
  }
  {
    g_autoptr(VaernRisk) r = new_risk (f, "Ukendt system", 1, 1, 1, 1);
    r->asset_id = 9999;
    expect_refusal (f, r, VAERN_STORE_ERROR_NOT_FOUND, "asset");
  }
  /* The same name on another system is fine. */
  {
    g_autoptr(VaernRisk) r = new_risk (f, "Phishing", 1, 1, 1, 1);
    r->asset_id = add_asset (f->doc, "Andet system");
    add_risk (f, r);
  }
}

/* Deleting a risk, or the system it belongs to, can be undone, controls
 * and all; every change is in the change log. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VaernRisk) risk = new_risk (f, "Brand", 1, 1, 4, 4);
  g_autoptr(VaernRisk) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  risk->controls = g_strsplit ("7.5 7.8", " ", -1);
  id = add_risk (f, risk);
  g_assert_cmpuint (count (f->doc, "SELECT count(*) FROM change_log WHERE tbl = 'risk'"), ==, 1);
  g_assert_cmpuint (count (f->doc, "SELECT count(*) FROM change_log WHERE tbl = 'risk_control'"),
                    ==, 2);

  g_assert_true (vaern_document_delete_risk (f->doc, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vaern_document_count_risks (f->doc), ==, 0);
  g_assert_cmpuint (count (f->doc, "SELECT count(*) FROM risk_control"), ==, 0);
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  back = get_risk (f, id);
  g_assert_cmpuint (g_strv_length (back->controls), ==, 2);

  g_assert_true (vaern_document_delete_asset (f->doc, f->asset, &error));
  g_assert_cmpuint (vaern_document_count_risks (f->doc), ==, 0);
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_cmpuint (vaern_document_count_risks (f->doc), ==, 1);
  g_assert_cmpuint (count (f->doc, "SELECT count(*) FROM risk_control"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_risks (f->doc)), ==, 1);
}

/* Changing the number of levels needs consent, then maps every level;
 * changing labels or bands moves no score. Undo brings the old scale and
 * levels back. */
static void
test_rescale (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VaernRiskScale) five = vaern_risk_scale_new_preset ("kl-5x5");
  g_autoptr(VaernRiskScale) relabelled = vaern_risk_scale_new_preset ("dk-4x4");
  g_autoptr(VaernRisk) risk = new_risk (f, "Ransomware", 3, 2, 3, 4);
  g_autoptr(VaernRisk) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  risk->residual_likelihood = 2;
  risk->residual_consequence = 3;
  id = add_risk (f, risk);

  /* Labels and colours only: no consent needed, no score moves. */
  g_free (relabelled->likelihood_labels[0]);
  relabelled->likelihood_labels[0] = g_strdup ("Næppe");
  g_free (relabelled->bands[2].color);
  relabelled->bands[2].color = g_strdup ("#aa0000");
  g_assert_true (vaern_document_set_scale (f->doc, relabelled, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vaern_document_get_scale (f->doc)->likelihood_labels[0], ==, "Næppe");
  back = get_risk (f, id);
  g_assert_cmpuint (back->score, ==, 12);
  g_clear_object (&back);

  /* Another size: refused without consent, and nothing changed. */
  g_assert_false (vaern_document_set_scale (f->doc, five, FALSE, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (vaern_document_get_scale (f->doc)->n_likelihood, ==, 4);

  /* With consent: 4 → 5 maps 1 2 3 4 to 1 2 4 5. */
  g_assert_true (vaern_document_set_scale (f->doc, five, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vaern_document_get_scale (f->doc)->n_likelihood, ==, 5);
  back = get_risk (f, id);
  g_assert_cmpuint (back->likelihood, ==, 4);
  g_assert_cmpuint (back->consequence_c, ==, 2);
  g_assert_cmpuint (back->consequence_i, ==, 4);
  g_assert_cmpuint (back->consequence_a, ==, 5);
  g_assert_cmpuint (back->residual_likelihood, ==, 2);
  g_assert_cmpuint (back->residual_consequence, ==, 4);
  g_assert_cmpuint (back->score, ==, 20);
  g_assert_cmpuint (back->band, ==, 5);
  g_clear_object (&back);

  reopen (f);
  g_assert_true (vaern_risk_scale_equal (vaern_document_get_scale (f->doc), five));
}

static void
test_rescale_undo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(VaernRiskScale) five = vaern_risk_scale_new_preset ("kl-5x5");
  g_autoptr(VaernRiskScale) four = vaern_risk_scale_new_preset ("dk-4x4");
  g_autoptr(VaernRisk) risk = new_risk (f, "Ransomware", 3, 2, 3, 4);
  g_autoptr(VaernRisk) back = NULL;
  gint64 id = add_risk (f, risk);

  g_assert_true (vaern_document_set_scale (f->doc, five, TRUE, NULL));
  g_assert_true (vaern_document_undo (f->doc, NULL));
  g_assert_true (vaern_risk_scale_equal (vaern_document_get_scale (f->doc), four));
  back = get_risk (f, id);
  g_assert_cmpuint (back->likelihood, ==, 3);
  g_assert_cmpuint (back->consequence_a, ==, 4);
  g_assert_cmpuint (back->score, ==, 12);

  /* A scale that breaks the rules is refused. */
  g_free (five->bands[1].label);
  five->bands[1].label = g_strdup ("");
  g_assert_false (vaern_document_set_scale (f->doc, five, TRUE, NULL));
}

static void
test_threats (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VaernThreat) threat = vaern_threat_new ();
  g_autoptr(VaernThreat) dup = vaern_threat_new ();
  g_autoptr(VaernRisk) risk = new_risk (f, "Egen trussel", 1, 1, 1, 1);
  g_autoptr(VaernRisk) back = NULL;
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (vaern_document_get_threats (f->doc));
  gint64 id, risk_id;

  threat->category = g_strdup ("Egne");
  threat->name = g_strdup ("Droner over rådhuset");
  id = vaern_document_add_threat (f->doc, threat, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_threats (f->doc)), ==, before + 1);

  dup->category = g_strdup ("Egne");
  dup->name = g_strdup ("RANSOMWARE");
  g_assert_cmpint (vaern_document_add_threat (f->doc, dup, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  risk->threat_id = id;
  risk_id = add_risk (f, risk);
  {
    g_autoptr(VaernThreat) counted = vaern_document_find_threat (f->doc, id);
    g_assert_cmpuint (counted->n_risks, ==, 1);
  }
  /* Deleting the threat keeps the risk, without it; undo puts it back. */
  g_assert_true (vaern_document_delete_threat (f->doc, id, &error));
  back = get_risk (f, risk_id);
  g_assert_cmpint (back->threat_id, ==, 0);
  g_clear_object (&back);
  g_assert_true (vaern_document_undo (f->doc, &error));
  back = get_risk (f, risk_id);
  g_assert_cmpint (back->threat_id, ==, id);
}

static gboolean
keep_asset (VaernRisk *risk,
            gpointer   user_data)
{
  return risk->asset_id == *(gint64 *) user_data;
}

static void
test_count_cells (Fixture       *f,
                  gconstpointer  data)
{
  guint inherent[16], residual[16];
  gint64 other = add_asset (f->doc, "Andet");
  g_autoptr(VaernRisk) a = new_risk (f, "A", 3, 4, 1, 1);
  g_autoptr(VaernRisk) b = new_risk (f, "B", 3, 1, 4, 1);
  g_autoptr(VaernRisk) c = new_risk (f, "C", 1, 2, 1, 1);
  g_autoptr(VaernRisk) d = new_risk (f, "D", 0, 0, 0, 0);

  a->residual_likelihood = 1;
  c->asset_id = other;
  add_risk (f, a);
  add_risk (f, b);
  add_risk (f, c);
  add_risk (f, d);

  vaern_risk_list_count_cells (vaern_document_get_risks (f->doc), 4, 4, NULL, NULL, inherent,
                               residual);
  /* [(l - 1) * 4 + (c - 1)] */
  g_assert_cmpuint (inherent[2 * 4 + 3], ==, 2);
  g_assert_cmpuint (inherent[0 * 4 + 1], ==, 1);
  g_assert_cmpuint (residual[2 * 4 + 3], ==, 1);
  g_assert_cmpuint (residual[0 * 4 + 3], ==, 1);
  g_assert_cmpuint (residual[0 * 4 + 1], ==, 1);
  {
    guint total = 0;

    for (guint i = 0; i < 16; i++)
      total += inherent[i];
    g_assert_cmpuint (total, ==, 3);
  }
  vaern_risk_list_count_cells (vaern_document_get_risks (f->doc), 4, 4, keep_asset, &other,
                               inherent, residual);
  g_assert_cmpuint (inherent[2 * 4 + 3], ==, 0);
  g_assert_cmpuint (inherent[0 * 4 + 1], ==, 1);
}

/* The demo has a realistic spread; the large generator makes what it is
 * asked for. */
static void
test_samples (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *large_path = g_build_filename (f->dir, "large.vaern", NULL);
  g_autofree char *demo_path = g_build_filename (f->dir, "demo.vaern", NULL);
  g_autoptr(VaernDocument) demo = vaern_document_create (demo_path, NULL, &error);
  g_autoptr(VaernDocument) large = NULL;
  GListModel *risks;
  guint bands[4] = { 0 }, residual_bands[4] = { 0 }, accepted = 0, unassessed_assets = 0;

  g_assert_true (vaern_document_fill_demo (demo, &error));
  g_assert_no_error (error);
  risks = vaern_document_get_risks (demo);
  g_assert_cmpuint (g_list_model_get_n_items (risks), >=, 80);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(VaernRisk) r = g_list_model_get_item (risks, i);

      bands[r->band]++;
      residual_bands[r->residual_band]++;
      accepted += r->accepted_on != NULL;
      g_assert_cmpuint (r->band, >=, r->residual_band);
    }
  /* Every band is there before treatment; after treatment fewer are high. */
  g_assert_cmpuint (bands[1], >, 0);
  g_assert_cmpuint (bands[2], >, 0);
  g_assert_cmpuint (bands[3], >, 0);
  g_assert_cmpuint (residual_bands[3], <, bands[3]);
  g_assert_cmpuint (accepted, >, 10);
  for (guint i = 0; i < g_list_model_get_n_items (vaern_document_get_assets (demo)); i++)
    {
      g_autoptr(VaernAsset) a = g_list_model_get_item (vaern_document_get_assets (demo), i);

      unassessed_assets += a->n_risks == 0;
    }
  g_assert_cmpuint (unassessed_assets, >=, 3);

  large = vaern_document_create (large_path, NULL, &error);
  g_assert_true (vaern_document_fill_large (large, 100, 50, 1000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vaern_document_count_risks (large), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_risks (large)), ==, 1000);
}

/* The risk list follows edits of single risks (which reload only those
 * rows) and edits elsewhere (which reload the list). */
static void
test_list_follows (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *list = vaern_document_get_risks (f->doc);
  g_autoptr(VaernRisk) a = new_risk (f, "A", 1, 1, 1, 1);
  g_autoptr(VaernRisk) b = new_risk (f, "B", 2, 2, 2, 2);
  g_autoptr(VaernRisk) edited = NULL;
  g_autoptr(VaernRisk) shown = NULL;
  g_autoptr(VaernAsset) asset = NULL;
  gint64 id_a, id_b;

  id_a = add_risk (f, a);
  id_b = add_risk (f, b);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* One risk: its title and its controls. */
  edited = get_risk (f, id_a);
  g_free (edited->title);
  edited->title = g_strdup ("A2");
  g_strfreev (edited->controls);
  edited->controls = g_strsplit ("8.13", " ", -1);
  g_assert_true (vaern_document_update_risk (f->doc, edited, NULL));
  shown = g_list_model_get_item (list, 0);
  g_assert_cmpint (vaern_record_get_id (VAERN_RECORD (shown)), ==, id_a);
  g_assert_cmpstr (shown->title, ==, "A2");
  g_assert_cmpstr (shown->controls[0], ==, "8.13");
  g_clear_object (&shown);

  /* Deleting and undoing. */
  g_assert_true (vaern_document_delete_risk (f->doc, id_a, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (vaern_document_undo (f->doc, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  shown = g_list_model_get_item (list, 0);
  g_assert_cmpint (vaern_record_get_id (VAERN_RECORD (shown)), ==, id_a);
  g_clear_object (&shown);

  /* Renaming the system changes what every risk of it shows. */
  asset = vaern_document_get_asset (f->doc, f->asset, NULL);
  g_free (asset->name);
  asset->name = g_strdup ("Omdøbt system");
  g_assert_true (vaern_document_update_asset (f->doc, asset, NULL));
  shown = g_list_model_get_item (list, 1);
  g_assert_cmpint (vaern_record_get_id (VAERN_RECORD (shown)), ==, id_b);
  g_assert_cmpstr (shown->asset_name, ==, "Omdøbt system");
}

/* On a server, through Værn as the people who use it: a system owner's
 * login (an assessor) edits a risk of their own system and undoes it; a
 * risk of another system is refused with the server's reason and stays as
 * it was; their change log holds their own steps. Management records an
 * approval and undoes it, and may not edit a risk. */
static VaernDocument *
open_as (Fixture    *f,
         const char *login)
{
  g_autofree char *location = g_strdup_printf ("host=%s user=%s dbname=%s",
                                               g_getenv ("VAERN_TEST_PGHOST"), login,
                                               strstr (f->path, "dbname=") + strlen ("dbname="));
  g_autoptr(GError) error = NULL;
  VaernDocument *doc = vaern_document_open (location, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_server_access (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) owner = NULL;
  g_autoptr(VaernDocument) boss = NULL;
  g_autoptr(VaernRisk) mine = NULL;
  g_autoptr(VaernRisk) theirs = NULL;
  g_autoptr(VaernRisk) foreign = NULL;
  g_autoptr(VaernApproval) approval = vaern_approval_new ();
  g_autofree char *grants = NULL;
  VaernRole *role;
  gint64 other, mine_id, theirs_id, chief, approval_id;

  /* A file: whoever may open it may do everything. */
  if (!vaern_test_on_server ())
    {
      g_auto(GStrv) present = vaern_document_list_present (f->doc);

      g_assert_cmpuint (g_strv_length (present), ==, 0);
      g_assert_cmpint (vaern_document_get_access (f->doc), ==, VAERN_ACCESS_ADMIN);
      g_assert_true (vaern_document_may_assess (f->doc, f->asset));
    }
  VAERN_TEST_SERVER_ONLY ();
  other = add_asset (f->doc, "Andet system");
  role = vaern_document_find_role_by_key (f->doc, "system_owner");
  g_assert_nonnull (role);
  g_assert_cmpint (vaern_document_assign (f->doc, f->asset, f->person,
                                          vaern_record_get_id (VAERN_RECORD (role)),
                                          "2020-01-01", FALSE, &error), >, 0);
  g_assert_no_error (error);
  mine = new_risk (f, "Egen risiko", 2, 2, 2, 2);
  mine_id = add_risk (f, mine);
  theirs = new_risk (f, "Fremmed risiko", 3, 3, 3, 3);
  theirs->asset_id = other;
  theirs_id = add_risk (f, theirs);
  chief = add_person (f->doc, "Dorte Direktør", "dd@example.dk", 0);
  grants = g_strdup_printf ("CREATE ROLE ejer_login LOGIN;"
                            "CREATE ROLE chef_login LOGIN;"
                            "SELECT vaern_grant_access (%" G_GINT64_FORMAT ", 'ejer_login', 'assessor');"
                            "SELECT vaern_grant_access (%" G_GINT64_FORMAT ", 'chef_login', 'management')",
                            f->person, chief);
  g_assert_cmpint (vaern_test_exec (f->doc, grants), ==, VAERN_TEST_SQL_OK);

  g_assert_cmpint (vaern_document_get_access (f->doc), ==, VAERN_ACCESS_ADMIN);

  /* The system owner: their own risk, edited and undone. */
  owner = open_as (f, "ejer_login");
  g_assert_cmpint (vaern_document_get_access (owner), ==, VAERN_ACCESS_ASSESSOR);
  g_assert_true (vaern_document_may_assess (owner, f->asset));
  g_assert_false (vaern_document_may_assess (owner, other));
  g_clear_object (&mine);
  mine = vaern_document_get_risk (owner, mine_id, &error);
  g_assert_no_error (error);
  g_free (mine->measures);
  mine->measures = g_strdup ("Adgangen gennemgået af systemejeren");
  g_assert_true (vaern_document_update_risk (owner, mine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM risk WHERE measures LIKE 'Adgangen%'"),
                   ==, 1);
  /* The owner's own list follows the edit (it reads their change set). */
  {
    g_autoptr(VaernRisk) shown = doc_find_record (vaern_document_get_risks (owner), mine_id);

    g_assert_nonnull (shown);
    g_assert_cmpstr (shown->measures, ==, "Adgangen gennemgået af systemejeren");
  }
  g_assert_cmpint (count (owner, "SELECT count(*) FROM change_log_visible"), >, 0);
  g_assert_cmpint (count (owner, "SELECT count(*) FROM change_log_visible l"
                                 " JOIN change_set s ON s.id = l.change_set"
                                 " WHERE s.actor <> 'ejer_login'"), ==, 0);
  g_assert_true (vaern_document_undo (owner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM risk WHERE measures LIKE 'Adgangen%'"),
                   ==, 0);

  /* Another system's risk: refused, with the reason, and unchanged. */
  foreign = vaern_document_get_risk (owner, theirs_id, &error);
  g_assert_no_error (error);
  g_free (foreign->measures);
  foreign->measures = g_strdup ("Overtaget");
  g_assert_false (vaern_document_update_risk (owner, foreign, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "do not assess"));
  g_clear_error (&error);
  g_assert_false (vaern_document_delete_risk (owner, theirs_id, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM risk WHERE measures = 'Overtaget'"), ==, 0);

  /* Management: an approval recorded and undone; a risk not theirs to edit. */
  boss = open_as (f, "chef_login");
  g_assert_cmpint (vaern_document_get_access (boss), ==, VAERN_ACCESS_MANAGEMENT);
  /* Who else works here now: the two, by the names of their people. */
  {
    g_auto(GStrv) present = vaern_document_list_present (f->doc);
    g_auto(GStrv) seen_by_owner = vaern_document_list_present (owner);

    g_assert_cmpuint (g_strv_length (present), ==, 2);
    g_assert_cmpstr (present[0], ==, "Dorte Direktør");
    g_assert_cmpstr (present[1], ==, "Rikke Risiko");
    g_assert_true (g_strv_contains ((const char *const *) seen_by_owner, "Dorte Direktør"));
    g_assert_false (g_strv_contains ((const char *const *) seen_by_owner, "Rikke Risiko"));
  }
  g_assert_false (vaern_document_may_assess (boss, other));
  approval->subject = VAERN_APPROVAL_RISKS;
  approval->title = g_strdup ("Risikovurderingen 2026");
  approval->approved_by = g_strdup ("Dorte Direktør");
  approval->approved_on = vaern_date_today ();
  approval_id = vaern_document_add_approval (boss, approval, &error);
  g_assert_no_error (error);
  g_assert_cmpint (approval_id, >, 0);
  g_assert_true (vaern_document_undo (boss, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM approval"), ==, 0);
  g_clear_object (&foreign);
  foreign = vaern_document_get_risk (boss, theirs_id, &error);
  g_assert_no_error (error);
  g_free (foreign->title);
  foreign->title = g_strdup ("Omdøbt af ledelsen");
  g_assert_false (vaern_document_update_risk (boss, foreign, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Management's acceptance, written and undone within its two columns. */
  g_free (foreign->title);
  foreign->title = g_strdup ("Fremmed risiko");
  g_free (foreign->accepted_by);
  foreign->accepted_by = g_strdup ("Dorte Direktør");
  g_free (foreign->accepted_on);
  foreign->accepted_on = vaern_date_today ();
  g_assert_true (vaern_document_accept_risk (boss, foreign, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM risk WHERE accepted_by = 'Dorte Direktør'"),
                   ==, 1);
  g_assert_true (vaern_document_undo (boss, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->doc, "SELECT count(*) FROM risk WHERE accepted_by <> ''"), ==, 0);
  /* A reader: the document is read-only for them, and says why. */
  {
    g_autofree char *grant = g_strdup_printf ("CREATE ROLE revisor_login LOGIN;"
                                              "SELECT vaern_grant_access (%" G_GINT64_FORMAT
                                              ", 'revisor_login', 'reader')",
                                              add_person (f->doc, "Rasmus Revisor", "", 0));
    g_autoptr(VaernDocument) reader = NULL;
    g_autoptr(VaernRisk) seen = NULL;

    g_assert_cmpint (vaern_test_exec (f->doc, grant), ==, VAERN_TEST_SQL_OK);
    reader = open_as (f, "revisor_login");
    g_assert_cmpint (vaern_document_get_access (reader), ==, VAERN_ACCESS_READER);
    g_assert_true (vaern_document_get_read_only (reader));
    g_assert_false (vaern_document_get_read_only (owner));
    seen = vaern_document_get_risk (reader, theirs_id, &error);
    g_assert_no_error (error);
    g_free (seen->measures);
    seen->measures = g_strdup ("Revisorens ændring");
    g_assert_false (vaern_document_update_risk (reader, seen, &error));
    g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION);
    g_assert_nonnull (strstr (error->message, "may read this ISMS"));
    g_clear_error (&error);
  }

  /* The login that granted access takes it back: the owner reads no more. */
  {
    g_autofree char *revoke = g_strdup_printf ("SELECT vaern_revoke_access (%" G_GINT64_FORMAT ")",
                                               f->person);

    g_assert_cmpint (vaern_test_exec (f->doc, revoke), ==, VAERN_TEST_SQL_OK);
  }
  /* The server refuses at once; the document knows at its next look at
   * the connection (the window's, every five seconds), and turns read-only. */
  g_assert_false (vaern_document_may_assess (owner, f->asset));
  g_assert_cmpint (vaern_document_get_access (owner), ==, VAERN_ACCESS_ASSESSOR);
  g_assert_false (vaern_document_get_read_only (owner));
  g_assert_true (vaern_document_check_connection (owner));
  g_assert_cmpint (vaern_document_get_access (owner), ==, VAERN_ACCESS_NONE);
  g_assert_true (vaern_document_get_read_only (owner));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vaern/risks/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("defaults", test_defaults);
  ADD ("round-trip", test_round_trip);
  ADD ("residual-default", test_residual_default);
  ADD ("validation", test_validation);
  ADD ("delete-undo", test_delete_undo);
  ADD ("rescale", test_rescale);
  ADD ("rescale-undo", test_rescale_undo);
  ADD ("threats", test_threats);
  ADD ("count-cells", test_count_cells);
  ADD ("samples", test_samples);
  ADD ("list-follows", test_list_follows);
  ADD ("server-access", test_server_access);

  return g_test_run ();
}
