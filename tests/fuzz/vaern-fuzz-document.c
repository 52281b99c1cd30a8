/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "store/vaern-document.h"
#include "vaern-fuzz-document.h"
#include "vaern-fuzz.h"

/* Every field of a record, through the table its class keeps: a string
 * that was freed or never terminated shows up under AddressSanitizer. */
static void
touch_record (gpointer item)
{
  VaernRecordClass *klass;
  guint8 *base = item;

  VAERN_FUZZ_CHECK (VAERN_IS_RECORD (item));
  /* The store finds, edits and deletes records by ids above 0 only (0 is
   * "none"): a record with another id could be seen but never changed. */
  VAERN_FUZZ_CHECK (vaern_record_get_id (item) > 0);
  klass = VAERN_RECORD_GET_CLASS (item);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const VaernRecordField *field = &klass->fields[i];

      if (field->type == G_TYPE_STRING)
        {
          const char *text = *(const char **) (base + field->offset);

          if (text != NULL)
            (void) strlen (text);
        }
    }
}

static guint
touch_list (GListModel *list)
{
  guint n;

  VAERN_FUZZ_CHECK (G_IS_LIST_MODEL (list));
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      VAERN_FUZZ_CHECK (item != NULL);
      touch_record (item);
    }
  VAERN_FUZZ_CHECK (g_list_model_get_item (list, n) == NULL);
  return n;
}

/* What the loader promises of the scale, whatever the rows said: sizes in
 * range and a label for every level. */
static void
check_scale (const VaernRiskScale *scale)
{
  VAERN_FUZZ_CHECK (scale != NULL);
  VAERN_FUZZ_CHECK (scale->n_likelihood >= VAERN_SCALE_MIN_LEVELS
                    && scale->n_likelihood <= VAERN_SCALE_MAX_LEVELS);
  VAERN_FUZZ_CHECK (scale->n_consequence >= VAERN_SCALE_MIN_LEVELS
                    && scale->n_consequence <= VAERN_SCALE_MAX_LEVELS);
  VAERN_FUZZ_CHECK (scale->n_bands >= VAERN_SCALE_MIN_BANDS
                    && scale->n_bands <= VAERN_SCALE_MAX_BANDS);
  for (guint l = 0; l < scale->n_likelihood; l++)
    VAERN_FUZZ_CHECK (scale->likelihood_labels[l] != NULL);
  for (guint c = 0; c < scale->n_consequence; c++)
    VAERN_FUZZ_CHECK (scale->consequence_labels[c] != NULL);
  for (guint l = 0; l <= scale->n_likelihood + 1; l++)
    for (guint c = 0; c <= scale->n_consequence + 1; c++)
      {
        int band = vaern_risk_scale_band (scale, l, c);

        VAERN_FUZZ_CHECK (band >= -1 && band < (int) scale->n_bands);
      }
}

void
vaern_fuzz_read_document (VaernDocument *doc)
{
  const VaernRiskScale *scale;
  GListModel *risks;
  guint n_risks;

  VAERN_FUZZ_CHECK (VAERN_IS_DOCUMENT (doc));
  VAERN_FUZZ_CHECK (vaern_document_get_organisation (doc) != NULL);
  (void) strlen (vaern_document_get_organisation (doc));

  touch_list (vaern_document_get_assets (doc));
  touch_list (vaern_document_get_people (doc));
  touch_list (vaern_document_get_units (doc));
  touch_list (vaern_document_get_roles (doc));
  touch_list (vaern_document_get_threats (doc));
  risks = vaern_document_get_risks (doc);
  n_risks = touch_list (risks);
  VAERN_FUZZ_CHECK (vaern_document_count_risks (doc) >= n_risks);
  touch_list (vaern_document_get_soa_versions (doc));
  touch_list (vaern_document_get_soa_entries (doc));
  touch_list (vaern_document_get_isms_documents (doc));
  touch_list (vaern_document_get_approvals (doc));
  touch_list (vaern_document_get_activities (doc));
  {
    g_autoptr(GListModel) changes = vaern_document_list_changes (doc, 20);

    touch_list (changes);
  }

  scale = vaern_document_get_scale (doc);
  check_scale (scale);
  for (guint i = 0; i < n_risks; i++)
    {
      g_autoptr(VaernRisk) risk = g_list_model_get_item (risks, i);

      /* A score is always one of the scale's, however the levels read. */
      VAERN_FUZZ_CHECK (vaern_risk_scale_score (scale, risk->likelihood, risk->consequence)
                        <= vaern_risk_scale_max_score (scale));
      for (guint c = 0; risk->controls != NULL && risk->controls[c] != NULL; c++)
        (void) strlen (risk->controls[c]);
    }
}
