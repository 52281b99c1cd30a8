/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The command line's work without a window. Each returns the exit status
 * (0 or 1) and prints one clear line on stderr when it fails; input files
 * are never changed by a failure. */

int  vaern_cli_write_demo     (const char *path);
int  vaern_cli_write_large    (const char *path);
int  vaern_cli_import_systems (const char *csv_path,
                               const char *document_path);

/* Writes a new document at path: the demo or the large one. */
gboolean vaern_cli_make_sample (const char *path,
                                gboolean    large,
                                GError    **error);

G_END_DECLS
