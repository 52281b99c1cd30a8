/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VAERN_TYPE_HELP_WINDOW (vaern_help_window_get_type ())
G_DECLARE_FINAL_TYPE (VaernHelpWindow, vaern_help_window, VAERN, HELP_WINDOW, AdwWindow)

/* The user guide, in a window of its own beside parent (not modal): the
 * topics on the left, a page on the right. Its language follows the
 * user interface: Danish where the interface is Danish, else English.
 *
 * Presents the guide of parent, making it the first time, on page_id (see
 * help/en.xml: "start", "register", "risks", "soa", "wheel", "reports",
 * "shortcuts"). A NULL or unknown page_id opens a new window on the first
 * page and leaves an open one where it is. */
GtkWindow  *vaern_help_window_show          (GtkWindow       *parent,
                                             const char      *page_id);

/* Shows a page; FALSE (and nothing changes) if the guide has no such page. */
gboolean    vaern_help_window_set_page      (VaernHelpWindow *self,
                                             const char      *page_id);
/* The id of the page shown, or NULL if the guide could not be read. */
const char *vaern_help_window_get_page      (VaernHelpWindow *self);
/* The text of the page shown, as on screen, one label a line. */
char       *vaern_help_window_get_page_text (VaernHelpWindow *self);
/* The language of the guide shown: "da" or "en". */
const char *vaern_help_window_get_language  (VaernHelpWindow *self);
/* The language of the guide for the interface as it runs now. */
const char *vaern_help_window_default_language (void);

G_END_DECLS
