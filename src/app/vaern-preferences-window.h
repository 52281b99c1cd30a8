/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

#define VAERN_TYPE_PREFERENCES_WINDOW (vaern_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (VaernPreferencesWindow, vaern_preferences_window, VAERN,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The preferences: on the Document page what the open document keeps (the
 * organisation's name, CVR number and logo, and the risk scale), which
 * every report prints; on the General page what holds for every document
 * (style, palette, export folder). Without a document, or with a read-only
 * one, the Document page says so and changes nothing. Every change of the
 * document is one undo step, offered in a toast. */
GtkWidget *vaern_preferences_window_new       (GtkWindow              *parent,
                                               VaernDocument          *document);

/* What choosing a logo does: reads the picture (PNG, JPEG or SVG) in a
 * thread, makes it a PNG of at most VAERN_LOGO_PIXELS on its longer side
 * and of at most VAERN_LOGO_MAX_BYTES, and sets it; an error is shown in a
 * toast. "busy" is TRUE meanwhile. */
#define VAERN_LOGO_PIXELS 800
void       vaern_preferences_window_load_logo (VaernPreferencesWindow *self,
                                               GFile                  *file);
gboolean   vaern_preferences_window_get_busy  (VaernPreferencesWindow *self);

G_END_DECLS
