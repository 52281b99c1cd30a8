/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/vaern-document.h"

G_BEGIN_DECLS

/* Reads what the window shows first of an open document: every list,
 * every record's fields, the scale and the risks' scores, checking what the
 * store promises of them. */
void vaern_fuzz_read_document (VaernDocument *doc);

G_END_DECLS
