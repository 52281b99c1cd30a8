/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"
#include "vaern-editor.h"

G_BEGIN_DECLS

#define VAERN_TYPE_RISK_EDITOR (vaern_risk_editor_get_type ())
G_DECLARE_FINAL_TYPE (VaernRiskEditor, vaern_risk_editor, VAERN, RISK_EDITOR, VaernEditor)

/* A modal editor for a new risk of asset_id (risk NULL) or an existing
 * risk: the scenario, the levels on the document's scale with the score
 * and level shown as they are chosen, treatment, controls, the residual
 * levels, owner, dates and management's acceptance. Everything is
 * reachable with Tab, and Ctrl+S saves. */
VaernRiskEditor *vaern_risk_editor_new (GtkWindow     *parent,
                                        VaernDocument *document,
                                        VaernRisk     *risk,
                                        gint64         asset_id);

G_END_DECLS
