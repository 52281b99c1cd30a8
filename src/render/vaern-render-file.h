/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Writing a drawing to a file whole or not at all: the renderer streams
 * into a temporary file beside the target, which is synced and renamed
 * over it only when complete. A failed write leaves no half file and an
 * existing file intact. Shared by every renderer's export. */

/* Draws into a surface that writes through write (a cairo stream
 * function) with closure; returns the drawing's status. */
typedef cairo_status_t (*VaernRenderStream) (cairo_write_func_t write,
                                             void              *closure,
                                             gpointer           user_data);

/* failure_format is the translated message for a failed write, with two
 * %s: the file's name and the reason. */
gboolean vaern_render_write_file (const char        *path,
                                  VaernRenderStream  render,
                                  gpointer           user_data,
                                  const char        *failure_format,
                                  GError           **error);

G_END_DECLS
