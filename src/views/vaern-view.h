/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

/* Every page of the window is a VaernView: it shows one document, has a
 * title and an icon for the sidebar, and can take the search focus
 * (Ctrl+F). Views install their own action group ("register.add", …).
 *
 * A view knows the document and the widgets below it, never the window
 * that holds it. What it asks of the window goes up as an action of the
 * window, which the window installs:
 *
 *   win.offer-undo (s)     a notification with Undo, after a change
 *   win.toast (s)          a notification
 *   win.go-to ((ssmv))     show another view, then run one of its own
 *                          actions there: ("risks", "risks.show-asset", <x>)
 *
 * The functions below send them. From a dialog (an editor over the window)
 * they go to the window the dialog is transient for. Outside a window (a
 * view in a test on its own) nothing happens. */

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

void vaern_view_offer_undo    (GtkWidget     *widget,
                               const char    *message);
void vaern_view_toast         (GtkWidget     *widget,
                               const char    *message);
/* Shows the view called name; then, if action is not NULL, activates that
 * action of the view with param (NULL or floating, consumed). */
void vaern_view_go_to         (GtkWidget     *widget,
                               const char    *name,
                               const char    *action,
                               GVariant      *param);

G_END_DECLS
