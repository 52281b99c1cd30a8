/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * VaernCoreError:
 * @VAERN_CORE_ERROR_INVALID_DATE: a date that is not a date (31 February, "soon").
 * @VAERN_CORE_ERROR_CSV: a CSV file that cannot be read (encoding, quoting).
 * @VAERN_CORE_ERROR_INVALID: a value that breaks a domain rule.
 *
 * Errors of the domain layer. Messages are translated and say what to do.
 */
typedef enum
{
  VAERN_CORE_ERROR_INVALID_DATE,
  VAERN_CORE_ERROR_CSV,
  VAERN_CORE_ERROR_INVALID,
} VaernCoreError;

#define VAERN_CORE_ERROR (vaern_core_error_quark ())
GQuark vaern_core_error_quark (void);

G_END_DECLS
