/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VAERN_TYPE_SOA_VIEW (vaern_soa_view_get_type ())
G_DECLARE_FINAL_TYPE (VaernSoaView, vaern_soa_view, VAERN, SOA_VIEW, GtkWidget)

G_END_DECLS
