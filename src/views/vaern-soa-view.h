/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VAERN_TYPE_SOA_VIEW (vaern_soa_view_get_type ())
G_DECLARE_FINAL_TYPE (VaernSoaView, vaern_soa_view, VAERN, SOA_VIEW, GtkWidget)

/* Shows the newest version with every filter cleared but these: one
 * theme of Annex A (5–8; 0: all) and, with missing_justification, only
 * the controls that lack a justification. */
void vaern_soa_view_show_filtered (VaernSoaView *self,
                                   guint         theme,
                                   gboolean      missing_justification);

G_END_DECLS
