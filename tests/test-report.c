/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "core/vaern-date.h"
#include "report/vaern-report.h"
#include "store/vaern-document-private.h"
#include "vaern-test-backend.h"
#include "vaern-test-store.h"
#include "vaern-test-util.h"

/* The report layer: the risk register as XML, valid against the schema,
 * saying what the document says, the same twice, and never half written.
 * The tests read the XML back with GMarkup, a parser other than the one
 * that wrote it. */

typedef struct
{
  char          *dir;
  char          *xsd;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = vaern_test_tmpdir ();
  f->xsd = g_test_build_filename (G_TEST_DIST, "..", "data", VAERN_REPORT_XSD, NULL);
  g_assert_true (g_file_test (f->xsd, G_FILE_TEST_EXISTS));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  vaern_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->xsd);
}

/* A small tree of what GMarkup read. */

typedef struct _Node Node;
struct _Node
{
  char       *name;
  GHashTable *attrs;
  GString    *text;
  GPtrArray  *children;
};

static void
node_free (Node *node)
{
  g_free (node->name);
  g_hash_table_unref (node->attrs);
  g_string_free (node->text, TRUE);
  g_ptr_array_unref (node->children);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

static void
start_cb (GMarkupParseContext *context,
          const char          *name,
          const char         **attr_names,
          const char         **attr_values,
          gpointer             user_data,
          GError             **error)
{
  GQueue *stack = user_data;
  Node *node = g_new0 (Node, 1);
  Node *parent = g_queue_peek_head (stack);

  node->name = g_strdup (name);
  node->attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  node->text = g_string_new (NULL);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  for (guint i = 0; attr_names[i]; i++)
    g_hash_table_insert (node->attrs, g_strdup (attr_names[i]), g_strdup (attr_values[i]));
  if (parent)
    g_ptr_array_add (parent->children, node);
  g_queue_push_head (stack, node);
}

static void
end_cb (GMarkupParseContext *context,
        const char          *name,
        gpointer             user_data,
        GError             **error)
{
  GQueue *stack = user_data;

  /* The root stays for the caller. */
  if (stack->length > 1)
    g_queue_pop_head (stack);
}

static void
text_cb (GMarkupParseContext *context,
         const char          *text,
         gsize                len,
         gpointer             user_data,
         GError             **error)
{
  Node *node = g_queue_peek_head (user_data);

  if (node)
    g_string_append_len (node->text, text, len);
}

static Node *
read_tree (const char *path)
{
  static const GMarkupParser parser = { start_cb, end_cb, text_cb, NULL, NULL };
  g_autoptr(GBytes) bytes = vaern_test_read (path);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GQueue stack = G_QUEUE_INIT;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  context = g_markup_parse_context_new (&parser, 0, &stack, NULL);
  g_markup_parse_context_parse (context, data, len, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stack.length, ==, 1);
  return g_queue_pop_head (&stack);
}

static const char *
attr (Node       *node,
      const char *name)
{
  return g_hash_table_lookup (node->attrs, name);
}

/* The only child of that name, or NULL. */
static Node *
child (Node       *node,
       const char *name)
{
  Node *found = NULL;

  for (guint i = 0; i < node->children->len; i++)
    {
      Node *c = node->children->pdata[i];

      if (g_str_equal (c->name, name))
        {
          g_assert_null (found);
          found = c;
        }
    }
  return found;
}

static const char *
child_text (Node       *node,
            const char *name)
{
  Node *c = child (node, name);

  g_assert_nonnull (c);
  return c->text->str;
}

static guint
child_uint (Node       *node,
            const char *name)
{
  return (guint) g_ascii_strtoull (child_text (node, name), NULL, 10);
}

static guint
attr_uint (Node       *node,
           const char *name)
{
  g_assert_nonnull (attr (node, name));
  return (guint) g_ascii_strtoull (attr (node, name), NULL, 10);
}

static char *
ref (const char *prefix,
     gint64      id)
{
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, id);
}

/* What XML can carry of a stored text: the control characters no XML
 * file may hold are left out. */
static void
assert_text (const char *got,
             const char *stored)
{
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = stored ? stored : ""; *p; p++)
    if ((guchar) *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
      g_string_append_c (clean, *p);
  g_assert_cmpstr (got, ==, clean->str);
}

static void
assert_iso_date (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, 0, 0));
  g_assert_true (vaern_date_is_valid (text));
}

/* The band element says what the scale calls band (index + 1), or is
 * absent for none. */
static void
assert_band (Node                 *band,
             const VaernRiskScale *scale,
             guint                 stored)
{
  if (stored == 0)
    {
      g_assert_null (band);
      return;
    }
  g_assert_nonnull (band);
  g_assert_cmpuint (attr_uint (band, "position"), ==, stored - 1);
  g_assert_cmpstr (band->text->str, ==, scale->bands[stored - 1].label);
}

static void
assert_risk_as_stored (Node                 *node,
                       GHashTable           *stored,
                       const VaernRiskScale *scale,
                       GHashTable           *threat_ids)
{
  gint64 id;
  VaernRisk *risk;
  g_autofree char *asset_ref = NULL;
  Node *consequence, *residual, *controls, *owner, *acceptance, *level;
  guint n_controls;

  g_assert_cmpstr (node->name, ==, "risk");
  g_assert_true (g_str_has_prefix (attr (node, "id"), "risk-"));
  id = g_ascii_strtoll (attr (node, "id") + strlen ("risk-"), NULL, 10);
  risk = g_hash_table_lookup (stored, &id);
  g_assert_nonnull (risk);

  asset_ref = ref ("asset", risk->asset_id);
  g_assert_cmpstr (attr (node, "asset-ref"), ==, asset_ref);
  if (risk->threat_id > 0)
    {
      g_autofree char *threat_ref = ref ("threat", risk->threat_id);

      g_assert_cmpstr (attr (node, "threat-ref"), ==, threat_ref);
      g_assert_true (g_hash_table_contains (threat_ids, threat_ref));
    }
  else
    g_assert_null (attr (node, "threat-ref"));

  assert_text (child_text (node, "asset-name"), risk->asset_name);
  assert_text (child_text (node, "title"), risk->title);
  assert_text (child_text (node, "description"), risk->description);

  consequence = child (node, "consequence");
  g_assert_cmpuint (attr_uint (consequence, "c"), ==, risk->consequence_c);
  g_assert_cmpuint (attr_uint (consequence, "i"), ==, risk->consequence_i);
  g_assert_cmpuint (attr_uint (consequence, "a"), ==, risk->consequence_a);
  g_assert_cmpuint (child_uint (node, "consequence"), ==, risk->consequence);
  g_assert_cmpuint (child_uint (node, "likelihood"), ==, risk->likelihood);
  g_assert_cmpuint (child_uint (node, "score"), ==, risk->score);
  assert_band (child (node, "band"), scale, risk->band);

  g_assert_cmpstr (child_text (node, "treatment"), ==,
                   vaern_enum_key (&vaern_enum_treatment, risk->treatment));
  assert_text (child_text (node, "measures"), risk->measures);

  controls = child (node, "controls");
  g_assert_nonnull (controls);
  n_controls = risk->controls ? g_strv_length (risk->controls) : 0;
  g_assert_cmpuint (controls->children->len, ==, n_controls);
  for (guint c = 0; c < n_controls; c++)
    {
      Node *control = controls->children->pdata[c];

      g_assert_cmpstr (control->name, ==, "control");
      g_assert_cmpstr (control->text->str, ==, risk->controls[c]);
    }

  residual = child (node, "residual");
  g_assert_nonnull (residual);
  level = child (residual, "likelihood");
  g_assert_cmpuint (child_uint (residual, "likelihood"), ==, risk->after_likelihood);
  g_assert_cmpstr (attr (level, "assessed"), ==, risk->residual_likelihood ? "true" : "false");
  level = child (residual, "consequence");
  g_assert_cmpuint (child_uint (residual, "consequence"), ==, risk->after_consequence);
  g_assert_cmpstr (attr (level, "assessed"), ==, risk->residual_consequence ? "true" : "false");
  g_assert_cmpuint (child_uint (residual, "score"), ==, risk->residual_score);
  assert_band (child (residual, "band"), scale, risk->residual_band);

  owner = child (node, "owner");
  if (risk->owner_id > 0)
    {
      g_autofree char *person_ref = ref ("person", risk->owner_id);

      g_assert_nonnull (owner);
      g_assert_cmpstr (attr (owner, "person-ref"), ==, person_ref);
      g_assert_cmpstr (owner->text->str, ==, risk->owner_name);
    }
  else
    g_assert_null (owner);

  if (risk->assessed_on)
    {
      g_assert_cmpstr (child_text (node, "assessed-on"), ==, risk->assessed_on);
      assert_iso_date (child_text (node, "assessed-on"));
    }
  else
    g_assert_null (child (node, "assessed-on"));
  if (risk->review_date)
    {
      g_assert_cmpstr (child_text (node, "review-date"), ==, risk->review_date);
      assert_iso_date (child_text (node, "review-date"));
    }
  else
    g_assert_null (child (node, "review-date"));
  g_assert_cmpstr (child_text (node, "overdue"), ==, risk->overdue ? "true" : "false");

  acceptance = child (node, "acceptance");
  if (risk->accepted_on)
    {
      g_assert_nonnull (acceptance);
      g_assert_cmpstr (child_text (acceptance, "accepted-on"), ==, risk->accepted_on);
      assert_iso_date (child_text (acceptance, "accepted-on"));
    }
  if (risk->accepted_by && *risk->accepted_by)
    g_assert_cmpstr (child_text (acceptance, "accepted-by"), ==, risk->accepted_by);
  if (!risk->accepted_on && !(risk->accepted_by && *risk->accepted_by))
    g_assert_null (acceptance);
}

/* Everything the report says about the risks, the scale and the threats
 * is what the document holds, in order of id. */
static void
assert_report_as_stored (const char    *path,
                         VaernDocument *doc)
{
  g_autoptr(Node) root = read_tree (path);
  g_autoptr(GHashTable) threat_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_object_unref);
  GListModel *risks = vaern_document_get_risks (doc);
  g_autoptr(GDateTime) generated = NULL;
  const VaernRiskScale *scale = vaern_document_get_scale (doc);
  Node *organisation, *section, *levels, *bands;
  gint64 last = 0;

  g_assert_cmpstr (root->name, ==, "report");
  g_assert_cmpstr (attr (root, "xmlns"), ==, VAERN_REPORT_NAMESPACE);
  g_assert_cmpstr (attr (root, "kind"), ==, "risks");
  g_assert_cmpstr (attr (root, "version"), ==, "1");
  generated = g_date_time_new_from_iso8601 (attr (root, "generated"), NULL);
  g_assert_nonnull (generated);

  organisation = child (root, "organisation");
  g_assert_cmpstr (child_text (organisation, "name"), ==, vaern_document_get_organisation (doc));

  section = child (root, "scale");
  g_assert_cmpstr (attr (section, "iso-clause"), ==, "6.1.2");
  g_assert_cmpstr (attr (section, "preset"), ==, scale->preset);
  levels = child (section, "likelihood-levels");
  g_assert_cmpuint (levels->children->len, ==, scale->n_likelihood);
  for (guint l = 0; l < scale->n_likelihood; l++)
    {
      Node *level = levels->children->pdata[l];

      g_assert_cmpuint (attr_uint (level, "number"), ==, l + 1);
      g_assert_cmpstr (child_text (level, "label"), ==, scale->likelihood_labels[l]);
    }
  levels = child (section, "consequence-levels");
  g_assert_cmpuint (levels->children->len, ==, scale->n_consequence);
  bands = child (section, "bands");
  g_assert_cmpuint (bands->children->len, ==, scale->n_bands);
  for (guint b = 0; b < scale->n_bands; b++)
    {
      Node *band = bands->children->pdata[b];

      g_assert_cmpstr (child_text (band, "label"), ==, scale->bands[b].label);
      g_assert_cmpuint (attr_uint (band, "min-score"), ==, scale->bands[b].min_score);
      g_assert_cmpuint (attr_uint (band, "max-score"), ==,
                        vaern_risk_scale_band_max_score (scale, b));
      g_assert_cmpstr (attr (band, "colour"), ==, scale->bands[b].color);
    }

  section = child (root, "threats");
  g_assert_cmpuint (section->children->len, ==,
                    g_list_model_get_n_items (vaern_document_get_threats (doc)));
  for (guint i = 0; i < section->children->len; i++)
    {
      Node *threat = section->children->pdata[i];

      g_hash_table_add (threat_ids, (gpointer) attr (threat, "id"));
    }

  /* The risks as the document read them, by id. */
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      VaernRisk *risk = g_list_model_get_item (risks, i);
      gint64 id = vaern_record_get_id (VAERN_RECORD (risk));

      g_hash_table_insert (stored, g_memdup2 (&id, sizeof id), risk);
    }

  section = child (root, "risks");
  g_assert_cmpstr (attr (section, "iso-clause"), ==, "6.1.2 8.2");
  g_assert_cmpuint (section->children->len, ==, vaern_document_count_risks (doc));
  for (guint i = 0; i < section->children->len; i++)
    {
      Node *risk = section->children->pdata[i];
      gint64 id = g_ascii_strtoll (attr (risk, "id") + strlen ("risk-"), NULL, 10);

      g_assert_cmpint (id, >, last);
      last = id;
      assert_risk_as_stored (risk, stored, scale, threat_ids);
    }
}

static VaernDocument *
make_demo (Fixture    *f,
           const char *name)
{
  g_autofree char *path = vaern_test_location (f->dir, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = vaern_document_create (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (vaern_document_fill_demo (doc, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&doc);
}

static void
export_and_validate (Fixture       *f,
                     VaernDocument *doc,
                     const char    *path)
{
  g_autoptr(GError) error = NULL;

  gboolean ok;

  ok = vaern_report_write_risks (doc, path, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = vaern_report_validate_file (path, f->xsd, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *path = g_build_filename (f->dir, "risici.xml", NULL);
  g_autoptr(Node) root = NULL;
  guint accepted = 0, with_controls = 0, banded = 0;
  Node *risks;

  export_and_validate (f, doc, path);
  assert_report_as_stored (path, doc);

  /* The demo exercises the optional parts. */
  root = read_tree (path);
  g_assert_cmpstr (child_text (child (root, "organisation"), "cvr"), ==,
                   vaern_document_get_cvr (doc));
  risks = child (root, "risks");
  for (guint i = 0; i < risks->children->len; i++)
    {
      Node *risk = risks->children->pdata[i];

      accepted += child (risk, "acceptance") != NULL;
      with_controls += child (risk, "controls")->children->len > 0;
      banded += child (risk, "band") != NULL;
    }
  g_assert_cmpuint (accepted, >, 0);
  g_assert_cmpuint (with_controls, >, 0);
  g_assert_cmpuint (banded, >, 0);
}

/* One risk made by hand, with text that needs escaping and a control
 * character no XML file may hold. */
static void
test_known_risk (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *doc_path = vaern_test_location (f->dir, "known.vaern");
  g_autofree char *path = g_build_filename (f->dir, "known.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = vaern_document_create (doc_path, "Testkommune", &error);
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(VaernRisk) risk = vaern_risk_new ();
  g_autoptr(Node) root = NULL;
  const char *controls[] = { "5.15", "8.13", NULL };
  gint64 asset_id, person_id, risk_id;
  g_autofree char *risk_ref = NULL;
  Node *node, *residual;

  g_assert_no_error (error);
  vaern_date_set_today ("2026-11-23");
  asset->name = g_strdup ("Sags- & dokumenthåndtering <ESDH>");
  asset_id = vaern_document_add_asset (doc, asset, &error);
  g_assert_no_error (error);
  person_id = add_person (doc, "Rikke Risiko", "rr@example.dk", 0);

  risk->asset_id = asset_id;
  risk->title = g_strdup ("Data \"lækker\" via <e-mail> & fildeling");
  risk->description = g_strdup ("Linje 1\nLinje 2 med \001 styretegn");
  risk->likelihood = 3;
  risk->consequence_c = 4;
  risk->consequence_i = 2;
  risk->consequence_a = 1;
  risk->treatment = VAERN_TREATMENT_REDUCE;
  risk->measures = g_strdup ("Kryptering; DLP");
  risk->residual_likelihood = 1;
  risk->owner_id = person_id;
  risk->assessed_on = g_strdup ("2026-01-15");
  risk->review_date = g_strdup ("2026-06-01");
  risk->accepted_by = g_strdup ("Direktionen");
  risk->accepted_on = g_strdup ("2026-02-01");
  risk->controls = g_strdupv ((char **) controls);
  risk_id = vaern_document_add_risk (doc, risk, &error);
  g_assert_no_error (error);

  export_and_validate (f, doc, path);
  root = read_tree (path);
  g_assert_cmpuint (child (root, "risks")->children->len, ==, 1);
  node = child (child (root, "risks"), "risk");
  risk_ref = ref ("risk", risk_id);
  g_assert_cmpstr (attr (node, "id"), ==, risk_ref);
  g_assert_cmpstr (child_text (node, "asset-name"), ==, "Sags- & dokumenthåndtering <ESDH>");
  g_assert_cmpstr (child_text (node, "title"), ==, "Data \"lækker\" via <e-mail> & fildeling");
  g_assert_cmpstr (child_text (node, "description"), ==, "Linje 1\nLinje 2 med  styretegn");
  /* 4 × 3 = 12 on the Danish 4 × 4: high. */
  g_assert_cmpuint (child_uint (node, "consequence"), ==, 4);
  g_assert_cmpuint (child_uint (node, "score"), ==, 12);
  g_assert_cmpstr (child_text (node, "band"), ==, "Høj");
  g_assert_cmpstr (attr (child (node, "band"), "position"), ==, "2");
  g_assert_cmpstr (child_text (node, "treatment"), ==, "reduce");
  g_assert_cmpuint (child (node, "controls")->children->len, ==, 2);
  g_assert_cmpstr (((Node *) child (node, "controls")->children->pdata[0])->text->str, ==, "5.15");
  g_assert_cmpstr (((Node *) child (node, "controls")->children->pdata[1])->text->str, ==, "8.13");
  /* Residual likelihood 1, consequence as before (4): 4, low. */
  residual = child (node, "residual");
  g_assert_cmpstr (attr (child (residual, "likelihood"), "assessed"), ==, "true");
  g_assert_cmpstr (attr (child (residual, "consequence"), "assessed"), ==, "false");
  g_assert_cmpuint (child_uint (residual, "consequence"), ==, 4);
  g_assert_cmpuint (child_uint (residual, "score"), ==, 4);
  g_assert_cmpstr (child_text (residual, "band"), ==, "Lav");
  g_assert_cmpstr (child_text (node, "owner"), ==, "Rikke Risiko");
  g_assert_cmpstr (child_text (node, "assessed-on"), ==, "2026-01-15");
  g_assert_cmpstr (child_text (node, "overdue"), ==, "true");
  g_assert_cmpstr (child_text (child (node, "acceptance"), "accepted-by"), ==, "Direktionen");
  g_assert_cmpstr (child_text (child (node, "acceptance"), "accepted-on"), ==, "2026-02-01");
  assert_report_as_stored (path, doc);
}

static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *doc_path = vaern_test_location (f->dir, "large.vaern");
  g_autofree char *path = g_build_filename (f->dir, "large.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = vaern_document_create (doc_path, NULL, &error);
  g_autoptr(GTimer) timer = NULL;

  g_assert_no_error (error);
  /* Made, not edited, as vaern --write-large makes it: logging 20,000
   * risks to the change log would take minutes. */
  vaern_document_set_audit (doc, FALSE);
  g_assert_true (vaern_document_fill_large (doc, 2000, 1000, 20000, &error));
  g_assert_no_error (error);
  vaern_document_set_audit (doc, TRUE);
  g_assert_cmpuint (vaern_document_count_risks (doc), ==, 20000);

  timer = g_timer_new ();
  export_and_validate (f, doc, path);
  g_test_message ("20,000 risks exported and validated in %.2f s",
                  g_timer_elapsed (timer, NULL));
  assert_report_as_stored (path, doc);
}

/* Two exports of the same file differ only in when they were made. */
static char *
without_generated (const char *path)
{
  g_autoptr(GBytes) bytes = vaern_test_read (path);
  g_autoptr(GRegex) regex = g_regex_new (" generated=\"[^\"]*\"", 0, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);
}

static void
test_stable (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *first = g_build_filename (f->dir, "first.xml", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.xml", NULL);
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(VaernDocument) doc = make_demo (f, "stable.vaern");
  g_autofree char *doc_path = g_strdup (vaern_document_get_path (doc));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  export_and_validate (f, doc, first);
  vaern_document_close (doc);
  g_clear_object (&doc);

  doc = vaern_document_open (doc_path, &error);
  g_assert_no_error (error);
  export_and_validate (f, doc, second);

  a = without_generated (first);
  b = without_generated (second);
  bytes = vaern_test_read (first);
  g_assert_cmpuint (strlen (a), <, g_bytes_get_size (bytes));
  g_assert_cmpstr (a, ==, b);

  /* Exporting again over an existing file replaces it whole. */
  export_and_validate (f, doc, first);
  g_free (a);
  a = without_generated (first);
  g_assert_cmpstr (a, ==, b);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d))
    n++;
  return n;
}

static void
assert_write_fails (VaernDocument *doc,
                    const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  g_assert_false (vaern_report_write_risks (doc, path, &error));
  g_assert_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, base));
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "r.xml", NULL);
  g_autofree char *file = g_build_filename (f->dir, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "r.xml", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "a-folder.xml", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "r.xml", NULL);
  guint n_files;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  n_files = count_files (f->dir);

  assert_write_fails (doc, missing);
  assert_write_fails (doc, under_file);
  /* Written whole, but it cannot replace a folder: the temporary file goes. */
  assert_write_fails (doc, folder);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  /* A read-only folder stops everyone but root. */
  if (geteuid () != 0)
    {
      assert_write_fails (doc, in_locked);
      g_assert_cmpuint (count_files (locked), ==, 0);
    }
  g_assert_cmpuint (count_files (f->dir), ==, n_files);
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_rmdir (folder);
  g_rmdir (locked);
}

/* The number of the line on which needle starts. */
static int
line_of (const char *text,
         const char *needle)
{
  const char *at = strstr (text, needle);
  int line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  return line;
}

static void
assert_invalid (Fixture    *f,
                const char *path,
                int         line)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_strdup_printf ("line %d:", line);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_false (vaern_report_validate_file (path, f->xsd, &error));
  g_assert_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, where));
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *good = g_build_filename (f->dir, "good.xml", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.xml", NULL);
  g_autofree char *secret = g_build_filename (f->dir, "secret.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *missing_xsd = g_build_filename (f->dir, "none.xsd", NULL);
  int line;

  export_and_validate (f, doc, good);
  bytes = vaern_test_read (good);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* An element the vocabulary does not have, where overdue should be. */
  line = line_of (text, "<overdue>");
  wrong = g_strdup (text);
  memcpy (strstr (wrong, "<overdue>"), "<overdux>", strlen ("<overdux>"));
  memcpy (strstr (wrong, "</overdue>"), "</overdux>", strlen ("</overdux>"));
  g_assert_true (g_file_set_contents (bad, wrong, -1, NULL));
  assert_invalid (f, bad, line);

  /* A score the scale cannot give. */
  g_free (wrong);
  {
    const char *start = strstr (text, "<score>") + strlen ("<score>");
    const char *end = strstr (start, "</score>");

    line = line_of (text, "<score>");
    wrong = g_strdup_printf ("%.*s99%s", (int) (start - text), text, end);
  }
  g_assert_true (g_file_set_contents (bad, wrong, -1, NULL));
  assert_invalid (f, bad, line);

  /* Not well-formed: cut off in the middle. */
  broken = g_strndup (text, strstr (text, "</risks>") - text);
  g_assert_true (g_file_set_contents (bad, broken, -1, NULL));
  assert_invalid (f, bad, line_of (text, "</risks>"));

  /* An external entity is neither fetched nor substituted. */
  g_assert_true (g_file_set_contents (secret, "TOP-SECRET", -1, NULL));
  entity = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                            "<!DOCTYPE report [<!ENTITY x SYSTEM \"file://%s\">]>\n"
                            "<report xmlns=\"" VAERN_REPORT_NAMESPACE "\" kind=\"risks\""
                            " version=\"1\" generated=\"2026-01-01T00:00:00Z\">\n"
                            "<organisation><name>&x;</name></organisation>\n"
                            "</report>\n", secret);
  g_assert_true (g_file_set_contents (bad, entity, -1, NULL));
  g_assert_false (vaern_report_validate_file (bad, f->xsd, &error));
  g_assert_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_INVALID);
  g_assert_null (strstr (error->message, "TOP-SECRET"));
  g_clear_error (&error);

  /* A file that is not there, and a schema that is not there. */
  g_assert_false (vaern_report_validate_file (missing_xsd, f->xsd, &error));
  g_assert_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_READ);
  g_clear_error (&error);
  g_assert_false (vaern_report_validate_file (good, missing_xsd, &error));
  g_assert_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_READ);
}

/* The SoA: the demo's draft and its approved first version, and a new
 * document's untouched draft, all valid and saying what the store says. */

static void
export_soa_and_validate (Fixture       *f,
                         VaernDocument *doc,
                         gint64         version_id,
                         const char    *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vaern_report_write_soa (doc, version_id, path, &error));
  g_assert_no_error (error);
  g_assert_true (vaern_report_validate_file (path, f->xsd, &error));
  g_assert_no_error (error);
}

static Node *
soa_control (Node       *soa,
             const char *number)
{
  for (guint i = 0; i < soa->children->len; i++)
    {
      Node *c = soa->children->pdata[i];

      if (g_str_equal (c->name, "control") && g_strcmp0 (attr (c, "number"), number) == 0)
        return c;
    }
  return NULL;
}

static guint
count_children (Node       *node,
                const char *name)
{
  guint n = 0;

  for (guint i = 0; i < node->children->len; i++)
    n += g_str_equal (((Node *) node->children->pdata[i])->name, name);
  return n;
}

static void
test_soa (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *draft_path = g_build_filename (f->dir, "soa.xml", NULL);
  g_autofree char *approved_path = g_build_filename (f->dir, "soa-1.xml", NULL);
  g_autoptr(VaernSoaVersion) first = g_list_model_get_item (vaern_document_get_soa_versions (doc), 0);
  g_autoptr(VaernSoaVersion) newest = vaern_document_get_newest_soa_version (doc);
  g_autoptr(Node) draft = NULL;
  g_autoptr(Node) approved = NULL;
  Node *soa, *control, *refs, *approval;
  guint documents = 0, risks = 0;

  export_soa_and_validate (f, doc, 0, draft_path);
  draft = read_tree (draft_path);
  g_assert_cmpstr (attr (draft, "kind"), ==, "soa");
  soa = child (draft, "soa");
  g_assert_nonnull (soa);
  g_assert_cmpstr (attr (soa, "iso-clause"), ==, "6.1.3");
  g_assert_nonnull (child (soa, "draft"));
  g_assert_cmpuint (g_ascii_strtoull (attr (soa, "version"), NULL, 10), ==, newest->number);
  g_assert_null (child (soa, "approval"));
  g_assert_cmpuint (count_children (soa, "control"), ==, 93);
  g_assert_cmpuint (g_ascii_strtoull (attr (child (soa, "totals"), "applicable"), NULL, 10), ==,
                    newest->n_applicable);
  g_assert_cmpuint (g_ascii_strtoull (attr (child (soa, "totals"), "implemented"), NULL, 10), ==,
                    newest->n_implemented);

  /* An excluded control with its justification and no reasons. */
  control = soa_control (soa, "8.25");
  g_assert_nonnull (control);
  g_assert_cmpstr (attr (control, "theme"), ==, "technological");
  g_assert_cmpstr (attr (control, "edition"), ==, "2022");
  g_assert_null (child (control, "included"));
  g_assert_nonnull (strstr (child_text (child (control, "excluded"), "justification"),
                            "udvikler ikke selv"));
  /* The policy's control names the policy, and the risks that treat it. */
  control = soa_control (soa, "5.1");
  refs = child (control, "references");
  for (guint i = 0; i < refs->children->len; i++)
    {
      Node *r = refs->children->pdata[i];

      if (g_str_equal (r->name, "document"))
        {
          documents++;
          g_assert_cmpstr (child_text (r, "title"), ==, "Informationssikkerhedspolitik");
          g_assert_cmpstr (attr (r, "kind"), ==, "policy");
        }
    }
  g_assert_cmpuint (documents, ==, 1);
  g_assert_cmpstr (((Node *) child (control, "included")->children->pdata[0])->text->str, ==, "risk");
  for (guint i = 0; i < soa->children->len; i++)
    {
      Node *c = soa->children->pdata[i];

      if (g_str_equal (c->name, "control"))
        risks += count_children (child (c, "references"), "risk");
    }
  g_assert_cmpuint (risks, >, 0);

  /* The schema refuses an SoA without its state, and an exclusion
   * without a justification. */
  {
    g_autofree char *xml = NULL;
    g_autofree char *bad_path = g_build_filename (f->dir, "bad-soa.xml", NULL);
    g_autoptr(GError) error = NULL;
    GString *bad;
    const char *start, *end;

    g_assert_true (g_file_get_contents (draft_path, &xml, NULL, NULL));
    bad = g_string_new (xml);
    g_assert_cmpuint (g_string_replace (bad, "<draft/>", "", 1), ==, 1);
    g_assert_true (g_file_set_contents (bad_path, bad->str, -1, NULL));
    g_assert_false (vaern_report_validate_file (bad_path, f->xsd, &error));
    g_assert_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_INVALID);
    g_clear_error (&error);
    g_string_free (bad, TRUE);

    bad = g_string_new (xml);
    start = strstr (bad->str, "<justification>");
    g_assert_nonnull (start);
    end = strstr (start, "</justification>");
    g_string_erase (bad, start - bad->str + strlen ("<justification>"),
                    end - start - strlen ("<justification>"));
    g_assert_true (g_file_set_contents (bad_path, bad->str, -1, NULL));
    g_assert_false (vaern_report_validate_file (bad_path, f->xsd, &error));
    g_assert_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_INVALID);
    g_string_free (bad, TRUE);
  }

  /* Version 1, approved: the approval is in the report. */
  export_soa_and_validate (f, doc, vaern_record_get_id (VAERN_RECORD (first)), approved_path);
  approved = read_tree (approved_path);
  soa = child (approved, "soa");
  g_assert_null (child (soa, "draft"));
  g_assert_cmpstr (attr (soa, "version"), ==, "1");
  approval = child (soa, "approval");
  g_assert_nonnull (approval);
  g_assert_cmpstr (child_text (approval, "approved-by"), ==, "Direktionen");
  g_assert_cmpstr (child_text (approval, "approved-on"), ==, "2025-04-10");
}

static void
test_soa_empty (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *doc_path = vaern_test_location (f->dir, "new.vaern");
  g_autofree char *path = g_build_filename (f->dir, "soa.xml", NULL);
  g_autofree char *unwritable = g_build_filename (f->dir, "missing", "soa.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = vaern_document_create (doc_path, "Ny Kommune", &error);
  g_autoptr(Node) root = NULL;
  Node *soa;

  g_assert_no_error (error);
  export_soa_and_validate (f, doc, 0, path);
  root = read_tree (path);
  soa = child (root, "soa");
  g_assert_nonnull (child (soa, "draft"));
  g_assert_cmpuint (count_children (soa, "control"), ==, 93);
  for (guint i = 0; i < soa->children->len; i++)
    {
      Node *c = soa->children->pdata[i];

      if (g_str_equal (c->name, "control"))
        {
          g_assert_cmpstr (child_text (c, "status"), ==, "not_started");
          g_assert_null (child (c, "owner"));
        }
    }
  /* A version that does not exist, and a place that cannot be written. */
  g_assert_false (vaern_report_write_soa (doc, 9999, path, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (vaern_report_write_soa (doc, 0, unwritable, &error));
  g_assert_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_WRITE);
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));
}

/* The wheel: every activity of the demo, valid, with its occurrences done. */
static void
test_wheel (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VaernDocument) doc = make_demo (f, "demo.vaern");
  g_autofree char *path = g_build_filename (f->dir, "aarshjul.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(Node) root = NULL;
  GListModel *activities = vaern_document_get_activities (doc);
  guint done = 0, plans = 0, overdue = 0, expected_done = 0;
  Node *wheel;

  g_assert_true (vaern_report_write_wheel (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (vaern_report_validate_file (path, f->xsd, &error));
  g_assert_no_error (error);
  root = read_tree (path);
  g_assert_cmpstr (attr (root, "kind"), ==, "wheel");
  wheel = child (root, "wheel");
  g_assert_cmpuint (count_children (wheel, "activity") + count_children (wheel, "improvement"), ==,
                    g_list_model_get_n_items (activities));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);

      expected_done += a->done->len;
    }
  for (guint i = 0; i < wheel->children->len; i++)
    {
      Node *a = wheel->children->pdata[i];

      done += count_children (a, "done");
      plans += g_str_equal (a->name, "improvement");
      overdue += g_strcmp0 (child_text (a, "overdue"), "true") == 0;
    }
  g_assert_cmpuint (done, ==, expected_done);
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (plans, >, 0);
  g_assert_cmpuint (overdue, >, 0);

  /* The schema refuses an improvement that recurs. */
  {
    g_autofree char *xml = NULL;
    g_autofree char *bad_path = g_build_filename (f->dir, "bad-wheel.xml", NULL);
    g_autoptr(GString) bad = NULL;

    g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
    bad = g_string_new (xml);
    g_assert_cmpuint (g_string_replace (bad, "<improvement ", "<improvement recurrence=\"monthly\" ", 1),
                      ==, 1);
    g_assert_true (g_file_set_contents (bad_path, bad->str, -1, NULL));
    g_assert_false (vaern_report_validate_file (bad_path, f->xsd, &error));
    g_assert_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vaern/report/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("demo", test_demo);
  ADD ("known-risk", test_known_risk);
  ADD ("large", test_large);
  ADD ("stable", test_stable);
  ADD ("unwritable", test_unwritable);
  ADD ("invalid", test_invalid);
  ADD ("soa", test_soa);
  ADD ("soa-empty", test_soa_empty);
  ADD ("wheel", test_wheel);

  return g_test_run ();
}
