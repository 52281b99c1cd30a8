/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vaern-date.h"
#include "vaern-findings.h"

/**
 * vaern_findings_compute:
 *
 * The rules behind the register's findings. A retired system needs no owner
 * and no review; an asset other than an IT system has an asset owner instead
 * of a systemejer, which the role view shows, so only systems count here.
 */
VaernFindings
vaern_findings_compute (VaernAssetKind    kind,
                        VaernLifecycle    lifecycle,
                        gboolean          has_owner,
                        VaernPersonalData personal_data,
                        VaernDpa          dpa,
                        const char       *next_review)
{
  VaernFindings findings = VAERN_FINDING_NONE;

  if (lifecycle == VAERN_LIFECYCLE_RETIRED)
    return findings;

  if (kind == VAERN_ASSET_KIND_SYSTEM && !has_owner)
    findings |= VAERN_FINDING_NO_OWNER;

  if (personal_data != VAERN_PERSONAL_DATA_NONE && dpa == VAERN_DPA_MISSING)
    findings |= VAERN_FINDING_DPA_MISSING;

  if (vaern_date_is_past (next_review))
    findings |= VAERN_FINDING_REVIEW_OVERDUE;

  return findings;
}

char *
vaern_findings_describe (VaernFindings findings)
{
  GPtrArray *parts = g_ptr_array_new ();
  char *result;

  if (findings & VAERN_FINDING_NO_OWNER)
    g_ptr_array_add (parts, (gpointer) _("No systemejer"));
  if (findings & VAERN_FINDING_DPA_MISSING)
    g_ptr_array_add (parts, (gpointer) _("Data processor agreement missing"));
  if (findings & VAERN_FINDING_REVIEW_OVERDUE)
    g_ptr_array_add (parts, (gpointer) _("Review overdue"));
  g_ptr_array_add (parts, NULL);

  result = g_strjoinv (", ", (char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  return result;
}
