/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VaernStoreError:
 * @VAERN_STORE_ERROR_NOT_FOUND: the file or the row does not exist.
 * @VAERN_STORE_ERROR_NOT_SQLITE: the file is not a Værn document at all (empty, text, image).
 * @VAERN_STORE_ERROR_FOREIGN: an SQLite database of another program.
 * @VAERN_STORE_ERROR_DAMAGED: a Værn document that is truncated or corrupt.
 * @VAERN_STORE_ERROR_NEWER: made by a newer Værn; opening it would risk it.
 * @VAERN_STORE_ERROR_BUSY: the document is open in another window or program.
 * @VAERN_STORE_ERROR_READ_ONLY: the document cannot be changed.
 * @VAERN_STORE_ERROR_INVALID: a value that breaks a rule (empty name, bad date).
 * @VAERN_STORE_ERROR_DUPLICATE: a name that is already used.
 * @VAERN_STORE_ERROR_CONSTRAINT: an edit that would break the model (a second systemejer).
 * @VAERN_STORE_ERROR_FAILED: anything else (an I/O error).
 * @VAERN_STORE_ERROR_FROZEN: the row belongs to an approved version (of the
 *   SoA), which cannot change any more.
 * @VAERN_STORE_ERROR_NO_SPACE: the disk is full; the change was not made.
 * @VAERN_STORE_ERROR_SCHEMA: the file's tables, indexes, triggers or views
 *   are not the ones Værn makes: it was changed outside Værn.
 * @VAERN_STORE_ERROR_PERMISSION: the database login may not do this (or
 *   could not log in).
 * @VAERN_STORE_ERROR_OLD_SERVER: the server's PostgreSQL is older than 13.
 * @VAERN_STORE_ERROR_CONNECTION: the connection to the server was lost; what
 *   was not committed is not saved.
 *
 * Errors of the storage layer. Messages are translated and say what to do.
 */
typedef enum
{
  VAERN_STORE_ERROR_NOT_FOUND,
  VAERN_STORE_ERROR_NOT_SQLITE,
  VAERN_STORE_ERROR_FOREIGN,
  VAERN_STORE_ERROR_DAMAGED,
  VAERN_STORE_ERROR_NEWER,
  VAERN_STORE_ERROR_BUSY,
  VAERN_STORE_ERROR_READ_ONLY,
  VAERN_STORE_ERROR_INVALID,
  VAERN_STORE_ERROR_DUPLICATE,
  VAERN_STORE_ERROR_CONSTRAINT,
  VAERN_STORE_ERROR_FAILED,
  VAERN_STORE_ERROR_FROZEN,
  VAERN_STORE_ERROR_NO_SPACE,
  VAERN_STORE_ERROR_SCHEMA,
  VAERN_STORE_ERROR_PERMISSION,
  VAERN_STORE_ERROR_OLD_SERVER,
  VAERN_STORE_ERROR_CONNECTION,
} VaernStoreError;

#define VAERN_STORE_ERROR (vaern_store_error_quark ())
GQuark vaern_store_error_quark (void);

/* A validation error names the field at fault ("name", "email",
 * "kitos_uuid", "next_review", …), so an editor can mark it; NULL when the
 * error is not about one field. */
const char *vaern_store_error_get_field (const GError *error);
void        vaern_store_set_field_error (GError    **error,
                                         int         code,
                                         const char *field,
                                         const char *format,
                                         ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
