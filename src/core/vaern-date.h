/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates in the document are ISO 8601 calendar dates ("2026-11-23") in TEXT
 * columns, so they sort as text and read well in exports. These helpers turn
 * what people type into that form and back. */

char     *vaern_date_parse       (const char *text,
                                  GError    **error);
char     *vaern_date_format      (const char *iso);
gboolean  vaern_date_is_valid    (const char *iso);
char     *vaern_date_add_days    (const char *iso,
                                  int         days);
char     *vaern_date_today       (void);
void      vaern_date_set_today   (const char *iso);
gboolean  vaern_date_is_past     (const char *iso);

G_END_DECLS
