/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

#define VAERN_TYPE_WINDOW (vaern_window_get_type ())
G_DECLARE_FINAL_TYPE (VaernWindow, vaern_window, VAERN, WINDOW, AdwApplicationWindow)

VaernWindow   *vaern_window_new             (AdwApplication *application);
VaernDocument *vaern_window_get_document    (VaernWindow    *self);
void           vaern_window_set_document    (VaernWindow    *self,
                                             VaernDocument  *document);
void           vaern_window_show_view       (VaernWindow    *self,
                                             const char     *name);
GtkWidget     *vaern_window_get_view        (VaernWindow    *self,
                                             const char     *name);
/* The name of the view shown ("register", …), or NULL on the welcome page. */
const char    *vaern_window_get_view_name   (VaernWindow    *self);
void           vaern_window_add_toast       (VaernWindow    *self,
                                             AdwToast       *toast);
void           vaern_window_show_error      (VaernWindow    *self,
                                             const char     *heading,
                                             const GError   *error);
/* Shows a toast for an edit that was just made, with an Undo button. */
void           vaern_window_offer_undo      (VaernWindow    *self,
                                             const char     *message);
void           vaern_window_refresh_recent  (VaernWindow    *self);
/* Says what the window waits for (a connection to a server) until called
 * again with NULL. */
void           vaern_window_set_busy        (VaernWindow    *self,
                                             const char     *label);


/* The reports of the window's menu (vaern-window-reports.c): key is
 * management-pdf, management-html, management-xml, systems or full. */
void           vaern_window_add_report_actions (VaernWindow *self);
gboolean       vaern_window_write_report    (VaernWindow    *self,
                                             const char     *key,
                                             const char     *path,
                                             GError        **error);
gboolean       vaern_window_print_report    (VaernWindow    *self,
                                             const char     *export_path,
                                             GError        **error);

G_END_DECLS
