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

/* The widget the window's actions are found from: the widget itself in the
 * window, or the window under a dialog (and under a dialog's dialog). */
static GtkWidget *
request_target (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window;

  if (!GTK_IS_WINDOW (root) || gtk_window_get_transient_for (GTK_WINDOW (root)) == NULL)
    return widget;
  window = GTK_WINDOW (root);
  while (gtk_window_get_transient_for (window) != NULL)
    window = gtk_window_get_transient_for (window);
  return GTK_WIDGET (window);
}

static void
request (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  g_autoptr(GVariant) owned = param ? g_variant_ref_sink (param) : NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!gtk_widget_activate_action_variant (request_target (widget), action, owned))
    g_debug ("No window to take %s", action);
}

void
vaern_view_offer_undo (GtkWidget  *widget,
                       const char *message)
{
  request (widget, "win.offer-undo", g_variant_new_string (message));
}

void
vaern_view_toast (GtkWidget  *widget,
                  const char *message)
{
  request (widget, "win.toast", g_variant_new_string (message));
}

void
vaern_view_go_to (GtkWidget  *widget,
                  const char *name,
                  const char *action,
                  GVariant   *param)
{
  g_autoptr(GVariant) owned = param ? g_variant_ref_sink (param) : NULL;

  request (widget, "win.go-to",
           g_variant_new ("(ssmv)", name, action ? action : "", owned));
}
