/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VAERN_TYPE_PEOPLE_VIEW (vaern_people_view_get_type ())
G_DECLARE_FINAL_TYPE (VaernPeopleView, vaern_people_view, VAERN, PEOPLE_VIEW, GtkWidget)

/* Shows the systems without a systemejer ("one click away" from anywhere). */
void vaern_people_view_show_unowned (VaernPeopleView *self);
/* Selects an asset in the systems tab, to see and edit its role holders. */
void vaern_people_view_show_asset   (VaernPeopleView *self,
                                     gint64           asset_id);

G_END_DECLS
