/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/vaern-findings.h"

G_BEGIN_DECLS

#define VAERN_TYPE_REGISTER_VIEW (vaern_register_view_get_type ())
G_DECLARE_FINAL_TYPE (VaernRegisterView, vaern_register_view, VAERN, REGISTER_VIEW, GtkWidget)

/* The IT systems that are not retired, every other filter cleared. */
void  vaern_register_view_show_systems   (VaernRegisterView *self);
/* Filters the register to the assets with a finding (0: all). */
void  vaern_register_view_filter_findings (VaernRegisterView *self,
                                           VaernFindings      findings);
guint vaern_register_view_get_n_shown     (VaernRegisterView *self);

G_END_DECLS
