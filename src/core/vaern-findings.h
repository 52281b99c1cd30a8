/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vaern-enums.h"

G_BEGIN_DECLS

/* What the register shows as needing attention. Flags, so an asset can have
 * several findings at once and a filter can ask for any of them. */
typedef enum
{
  VAERN_FINDING_NONE           = 0,
  VAERN_FINDING_NO_OWNER       = 1 << 0, /* an IT system in use without a systemejer */
  VAERN_FINDING_DPA_MISSING    = 1 << 1, /* personal data, data processor agreement missing */
  VAERN_FINDING_REVIEW_OVERDUE = 1 << 2, /* next review date has passed */
} VaernFindings;

VaernFindings vaern_findings_compute (VaernAssetKind    kind,
                                      VaernLifecycle    lifecycle,
                                      gboolean          has_owner,
                                      VaernPersonalData personal_data,
                                      VaernDpa          dpa,
                                      const char       *next_review);
char         *vaern_findings_describe (VaernFindings findings);

G_END_DECLS
