/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vaern-document.h"

G_BEGIN_DECLS

/* The key figures of the ISMS on one day: what the overview page shows and
 * the management report (ledelsesrapport) reports. Counted from the
 * document's lists, so they agree with the views they link to. */

#define VAERN_FIGURES_MAX_BANDS   6
#define VAERN_FIGURES_N_THEMES    4   /* Annex A themes 5–8 */
#define VAERN_FIGURES_SOON_DAYS   30  /* "upcoming": within this many days */
/* What the management report lists, in every format. */
#define VAERN_FIGURES_TOP_RISKS   15  /* the highest risks */
#define VAERN_FIGURES_MAX_CHANGES 200 /* the newest changes since the last report */

/* How far one version of the SoA is implemented, per Annex A theme (5–8
 * at 0–3): the SoA view's progress and the key figures count the same. */
typedef struct
{
  guint applicable[VAERN_FIGURES_N_THEMES];
  guint implemented[VAERN_FIGURES_N_THEMES];   /* of the applicable */
  guint missing_justification;
} VaernSoaProgress;

void vaern_soa_progress_count (VaernDocument    *doc,
                               gint64            version_id,
                               VaernSoaProgress *progress);

typedef struct
{
  char     *today;                   /* ISO date the figures are for */
  char     *soon;                    /* today + VAERN_FIGURES_SOON_DAYS */

  /* The register: assets not retired. */
  guint     n_assets;
  guint     n_systems;               /* IT systems */
  guint     n_systems_no_owner;      /* IT systems in use without a systemejer */
  guint     n_dpa_missing;           /* personal data without a data processor agreement */
  guint     n_asset_review_overdue;
  guint     n_systems_assessed;      /* IT systems with at least one assessed risk */

  /* Risk assessment (6.1.2) and treatment (6.1.3) */
  guint     n_risks;
  guint     n_risks_assessed;
  guint     n_risks_undecided;       /* assessed, with no treatment chosen */
  guint     n_risk_review_overdue;
  guint     n_bands;                 /* of the scale */
  guint     inherent_by_band[VAERN_FIGURES_MAX_BANDS];  /* assessed risks, before treatment */
  guint     residual_by_band[VAERN_FIGURES_MAX_BANDS];  /* and after */

  /* The newest version of the Statement of Applicability */
  guint     soa_version;             /* 0: none */
  gboolean  soa_approved;
  guint     soa_applicable[VAERN_FIGURES_N_THEMES];
  guint     soa_implemented[VAERN_FIGURES_N_THEMES];     /* of the applicable */
  guint     soa_missing_justification;

  /* The annual wheel and plan (9.1, 10.1) */
  guint     n_activities_overdue;    /* an occurrence before today not done */
  guint     n_activities_upcoming;   /* next open occurrence from today to soon */

  /* Documents (7.5) and approvals (5.1, 9.3) */
  guint     n_documents;             /* not withdrawn */
  guint     n_documents_review_due;  /* next review passed or before soon */
  guint     n_documents_in_review;   /* waiting for approval */
  guint     n_pending_approvals;     /* documents in review, and the SoA if a draft */
  char     *last_report_approved_on; /* the newest approval of a management report, or NULL */
} VaernKeyFigures;

/* Counts the figures on today (NULL: vaern_date_today). Reads the risks and
 * activities if they have not been read yet. */
VaernKeyFigures *vaern_key_figures_compute (VaernDocument *doc,
                                            const char    *today);
void             vaern_key_figures_free    (VaernKeyFigures *figures);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VaernKeyFigures, vaern_key_figures_free)

/* today + VAERN_FIGURES_SOON_DAYS, as an ISO date. */
char            *vaern_key_figures_soon    (const char *today);

/* Whether a document counts as due for review by soon: not withdrawn, and
 * its next review on or before soon. The documents view filters by it. */
gboolean         vaern_key_figures_review_due (VaernIsmsDocument *doc,
                                               const char        *soon);

/* The per cent of part in whole, to the nearest, except that only all
 * is 100 % and only none is 0 %; 0 when whole is 0. */
guint            vaern_key_figures_percent (guint part,
                                            guint whole);

/* The highest risks: the assessed risks whose residual band is at least
 * min_band (1-based, as VaernRisk.residual_band), highest residual score
 * (after treatment) first, then highest inherent score, then by id; at
 * most limit of them. A new array of new references. */
GPtrArray       *vaern_key_figures_top_risks (VaernDocument *doc,
                                              guint          min_band,
                                              guint          limit);

G_END_DECLS
