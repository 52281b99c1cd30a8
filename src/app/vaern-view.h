/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

/* Every page of the window is a VaernView: it shows one document, has a
 * title and an icon for the sidebar, and can take the search focus
 * (Ctrl+F). Views install their own action group ("register.add", …). */

#define VAERN_TYPE_VIEW (vaern_view_get_type ())
G_DECLARE_INTERFACE (VaernView, vaern_view, VAERN, VIEW, GtkWidget)

struct _VaernViewInterface
{
  GTypeInterface parent_iface;

  void (*set_document) (VaernView     *self,
                        VaernDocument *document);
  void (*focus_search) (VaernView     *self);
};

void vaern_view_set_document (VaernView     *self,
                              VaernDocument *document);
void vaern_view_focus_search (VaernView     *self);

G_END_DECLS
