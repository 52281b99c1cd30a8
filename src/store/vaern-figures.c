/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/vaern-date.h"
#include "vaern-figures.h"

char *
vaern_key_figures_soon (const char *today)
{
  char *soon = vaern_date_add_days (today, VAERN_FIGURES_SOON_DAYS);

  return soon ? soon : g_strdup (today);
}

gboolean
vaern_key_figures_review_due (VaernIsmsDocument *doc,
                              const char        *soon)
{
  return doc->status != VAERN_DOC_STATUS_WITHDRAWN && doc->next_review != NULL
         && soon != NULL && strcmp (doc->next_review, soon) <= 0;
}

static void
count_register (VaernKeyFigures *f,
                GListModel      *assets)
{
  guint n = g_list_model_get_n_items (assets);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernAsset) a = g_list_model_get_item (assets, i);

      if (a->lifecycle == VAERN_LIFECYCLE_RETIRED)
        continue;
      f->n_assets++;
      if (a->kind == VAERN_ASSET_KIND_SYSTEM)
        {
          f->n_systems++;
          if (a->last_assessed != NULL)
            f->n_systems_assessed++;
        }
      if (a->findings & VAERN_FINDING_NO_OWNER)
        f->n_systems_no_owner++;
      if (a->findings & VAERN_FINDING_DPA_MISSING)
        f->n_dpa_missing++;
      if (a->findings & VAERN_FINDING_REVIEW_OVERDUE)
        f->n_asset_review_overdue++;
    }
}

static void
count_risks (VaernKeyFigures *f,
             GListModel      *risks)
{
  guint n = g_list_model_get_n_items (risks);

  f->n_risks = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernRisk) r = g_list_model_get_item (risks, i);

      if (r->overdue)
        f->n_risk_review_overdue++;
      if (r->band == 0)
        continue;
      f->n_risks_assessed++;
      if (r->treatment == VAERN_TREATMENT_UNDECIDED)
        f->n_risks_undecided++;
      if (r->band <= VAERN_FIGURES_MAX_BANDS)
        f->inherent_by_band[r->band - 1]++;
      if (r->residual_band >= 1 && r->residual_band <= VAERN_FIGURES_MAX_BANDS)
        f->residual_by_band[r->residual_band - 1]++;
    }
}

void
vaern_soa_progress_count (VaernDocument    *doc,
                          gint64            version_id,
                          VaernSoaProgress *p)
{
  GListModel *entries = vaern_document_get_soa_entries (doc);
  guint n = g_list_model_get_n_items (entries);

  memset (p, 0, sizeof *p);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (entries, i);
      guint t;

      if (e->version_id != version_id)
        continue;
      if (e->missing_justification)
        p->missing_justification++;
      if (!e->applicable || e->theme < 5 || e->theme > 8)
        continue;
      t = e->theme - 5;
      p->applicable[t]++;
      if (e->status == VAERN_SOA_STATUS_IMPLEMENTED)
        p->implemented[t]++;
    }
}

static void
count_soa (VaernKeyFigures *f,
           VaernDocument   *doc)
{
  g_autoptr(VaernSoaVersion) newest = vaern_document_get_newest_soa_version (doc);
  VaernSoaProgress p;

  if (newest == NULL)
    return;
  f->soa_version = newest->number;
  f->soa_approved = newest->frozen;
  vaern_soa_progress_count (doc, vaern_record_get_id (VAERN_RECORD (newest)), &p);
  memcpy (f->soa_applicable, p.applicable, sizeof p.applicable);
  memcpy (f->soa_implemented, p.implemented, sizeof p.implemented);
  f->soa_missing_justification = p.missing_justification;
}

static void
count_activities (VaernKeyFigures *f,
                  GListModel      *activities)
{
  guint n = g_list_model_get_n_items (activities);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);

      if (a->overdue)
        f->n_activities_overdue++;
      else if (a->next_date != NULL && strcmp (a->next_date, f->today) >= 0
               && strcmp (a->next_date, f->soon) <= 0)
        f->n_activities_upcoming++;
    }
}

static void
count_documents (VaernKeyFigures *f,
                 VaernDocument   *doc)
{
  GListModel *docs = vaern_document_get_isms_documents (doc);
  GListModel *approvals = vaern_document_get_approvals (doc);
  guint n = g_list_model_get_n_items (docs);
  /* The ids of the management reports (documents of kind report). */
  g_autoptr(GHashTable) reports = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernIsmsDocument) d = g_list_model_get_item (docs, i);
      gint64 id = vaern_record_get_id (VAERN_RECORD (d));

      if (d->kind == VAERN_DOC_KIND_REPORT)
        g_hash_table_add (reports, g_memdup2 (&id, sizeof id));
      if (d->status == VAERN_DOC_STATUS_WITHDRAWN)
        continue;
      f->n_documents++;
      if (d->status == VAERN_DOC_STATUS_IN_REVIEW)
        f->n_documents_in_review++;
      if (vaern_key_figures_review_due (d, f->soon))
        f->n_documents_review_due++;
    }

  f->n_pending_approvals = f->n_documents_in_review
                           + (f->soa_version > 0 && !f->soa_approved ? 1 : 0);

  /* The approvals are newest first. */
  n = g_list_model_get_n_items (approvals);
  for (guint i = 0; i < n && f->last_report_approved_on == NULL; i++)
    {
      g_autoptr(VaernApproval) a = g_list_model_get_item (approvals, i);

      if (a->subject == VAERN_APPROVAL_DOCUMENT && a->document_id != 0
          && g_hash_table_contains (reports, &a->document_id))
        f->last_report_approved_on = g_strdup (a->approved_on);
    }
}

VaernKeyFigures *
vaern_key_figures_compute (VaernDocument *doc,
                           const char    *today)
{
  VaernKeyFigures *f = g_new0 (VaernKeyFigures, 1);

  g_return_val_if_fail (VAERN_IS_DOCUMENT (doc), f);

  f->today = today ? g_strdup (today) : vaern_date_today ();
  f->soon = vaern_key_figures_soon (f->today);
  f->n_bands = MIN (vaern_document_get_scale (doc)->n_bands, VAERN_FIGURES_MAX_BANDS);

  count_register (f, vaern_document_get_assets (doc));
  count_risks (f, vaern_document_get_risks (doc));
  count_soa (f, doc);
  count_activities (f, vaern_document_get_activities (doc));
  count_documents (f, doc);
  return f;
}

void
vaern_key_figures_free (VaernKeyFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->today);
  g_free (figures->soon);
  g_free (figures->last_report_approved_on);
  g_free (figures);
}

guint
vaern_key_figures_percent (guint part,
                           guint whole)
{
  guint percent;

  if (whole == 0 || part == 0)
    return 0;
  if (part >= whole)
    return 100;
  percent = (guint) (((guint64) part * 200 + whole) / (2 * (guint64) whole));
  return CLAMP (percent, 1, 99);
}

static gint
compare_risk_scores (gconstpointer a,
                     gconstpointer b)
{
  VaernRisk *ra = *(VaernRisk **) a;
  VaernRisk *rb = *(VaernRisk **) b;
  gint64 ia, ib;

  if (ra->residual_score != rb->residual_score)
    return ra->residual_score > rb->residual_score ? -1 : 1;
  if (ra->score != rb->score)
    return ra->score > rb->score ? -1 : 1;
  ia = vaern_record_get_id (VAERN_RECORD (ra));
  ib = vaern_record_get_id (VAERN_RECORD (rb));
  return ia < ib ? -1 : ia > ib;
}

GPtrArray *
vaern_key_figures_top_risks (VaernDocument *doc,
                             guint          min_band,
                             guint          limit)
{
  GListModel *risks = vaern_document_get_risks (doc);
  guint n = g_list_model_get_n_items (risks);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *top = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      VaernRisk *r = g_list_model_get_item (risks, i);

      if (r->band != 0 && r->residual_band >= MAX (min_band, 1))
        g_ptr_array_add (all, r);
      else
        g_object_unref (r);
    }
  g_ptr_array_sort (all, compare_risk_scores);
  for (guint i = 0; i < all->len && i < limit; i++)
    g_ptr_array_add (top, g_object_ref (g_ptr_array_index (all, i)));
  return top;
}
