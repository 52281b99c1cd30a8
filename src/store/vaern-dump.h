/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vaern-document.h"

G_BEGIN_DECLS

/* A document as its stored rows, for the full export and its import: every
 * table read row by row, and a new document written from such rows. The
 * store knows the tables; the layer above maps their columns to its own
 * format by name. */

typedef enum
{
  VAERN_CELL_NULL,
  VAERN_CELL_INT,
  VAERN_CELL_TEXT,
} VaernCellKind;

typedef struct
{
  VaernCellKind  kind;
  gint64         number;  /* VAERN_CELL_INT */
  const char    *text;    /* VAERN_CELL_TEXT; also accepted for an integer column */
} VaernCell;

/* The document's tables in the order a load must write them (every row
 * after those it refers to, but for references within a table), ending
 * with NULL. The organisation's single row comes first. */
const char *const *vaern_dump_tables        (void);

/* Called for each row of a table, by id; the columns are the table's, in
 * their declared order. Returning FALSE (with error set) stops the dump. */
typedef gboolean (*VaernDumpFunc) (guint               n_columns,
                                   const char *const  *columns,
                                   const VaernCell    *cells,
                                   gpointer            user_data,
                                   GError            **error);

gboolean vaern_document_dump_table (VaernDocument *self,
                                    const char    *table,
                                    VaernDumpFunc  func,
                                    gpointer       user_data,
                                    GError       **error);

/* A new document made from rows. It is written beside path under a
 * temporary name and takes path's name only in vaern_loader_finish, after
 * every reference and rule has been checked; a loader freed before that
 * leaves nothing behind. path must not exist. The new document starts with
 * no rows at all: the rows given are all it has, each with its own id,
 * and they go in without being logged as changes (the change log itself is
 * among the tables). */
typedef struct _VaernLoader VaernLoader;

VaernLoader *vaern_loader_new     (const char         *path,
                                   GError            **error);
/* VAERN_STORE_ERROR_INVALID for an unknown table or column, or a value the
 * table's rules refuse, with the rule in the message. */
gboolean     vaern_loader_add_row (VaernLoader        *self,
                                   const char         *table,
                                   guint               n_columns,
                                   const char *const  *columns,
                                   const VaernCell    *cells,
                                   GError            **error);
gboolean     vaern_loader_finish  (VaernLoader        *self,
                                   GError            **error);
void         vaern_loader_free    (VaernLoader        *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VaernLoader, vaern_loader_free)

G_END_DECLS
