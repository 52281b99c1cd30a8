/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"
#include "vaern-editor.h"

G_BEGIN_DECLS

#define VAERN_TYPE_ASSET_EDITOR (vaern_asset_editor_get_type ())
G_DECLARE_FINAL_TYPE (VaernAssetEditor, vaern_asset_editor, VAERN, ASSET_EDITOR, VaernEditor)

/* Edits an asset (or a new one when asset is NULL), grouped as KITOS
 * groups it: identity, operation and organisation, personal data,
 * classification, follow-up. */
VaernAssetEditor *vaern_asset_editor_new (GtkWindow     *parent,
                                          VaernDocument *document,
                                          VaernAsset    *asset);

G_END_DECLS
