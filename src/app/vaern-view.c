/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vaern-view.h"

G_DEFINE_INTERFACE (VaernView, vaern_view, GTK_TYPE_WIDGET)

static void
vaern_view_default_init (VaernViewInterface *iface)
{
}

void
vaern_view_set_document (VaernView     *self,
                         VaernDocument *document)
{
  g_return_if_fail (VAERN_IS_VIEW (self));

  VAERN_VIEW_GET_IFACE (self)->set_document (self, document);
}

void
vaern_view_focus_search (VaernView *self)
{
  g_return_if_fail (VAERN_IS_VIEW (self));

  if (VAERN_VIEW_GET_IFACE (self)->focus_search)
    VAERN_VIEW_GET_IFACE (self)->focus_search (self);
}
