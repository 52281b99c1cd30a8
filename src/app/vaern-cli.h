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

/* vaern --export=WHAT --output=OUT FILE: a report or a picture of the
 * document at FILE, without a window; the format follows OUT's extension.
 * scope and show (NULL for the defaults) choose what the heat map shows. */
typedef struct
{
  const char *what;
  const char *output;
  const char *document;
  const char *scope;     /* "", "all", "unit:NAME" or "system:NAME" */
  const char *show;      /* "both", "before" or "after" */
  int         year;      /* the annual wheel's year; 0: this year */
} VaernCliExport;

int  vaern_cli_export         (const VaernCliExport *options);

/* vaern --import=IN.xml --output=NEW.vaern: a new document from a full
 * export. */
int  vaern_cli_import         (const char *xml_path,
                               const char *output);

/* vaern --publish=FILE.vaern --to=LOCATION: the whole document copied to a
 * new file or an empty database on a server. */
int  vaern_cli_publish        (const char *document,
                               const char *to);

/* Writes a new document at path: the demo or the large one. */
gboolean vaern_cli_make_sample (const char *path,
                                gboolean    large,
                                GError    **error);

G_END_DECLS
