/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

#define VAERN_TYPE_ASSET_EDITOR (vaern_asset_editor_get_type ())
G_DECLARE_FINAL_TYPE (VaernAssetEditor, vaern_asset_editor, VAERN, ASSET_EDITOR, AdwWindow)

/* Edits an asset (or a new one when asset is NULL). Save writes it as one
 * edit; ::saved is emitted with the asset's id and the window closes. A
 * refused save keeps the window open with what was typed and says why. */
VaernAssetEditor *vaern_asset_editor_new  (GtkWindow        *parent,
                                           VaernDocument    *document,
                                           VaernAsset       *asset);
gboolean          vaern_asset_editor_save (VaernAssetEditor *self,
                                           GError          **error);

G_END_DECLS
