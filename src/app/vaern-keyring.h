/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Server passwords in the GNOME keyring (libsecret's Secret Service), one
 * per server, port, database and user. */

/* Keeps password for location; callback (may be NULL) is told whether it
 * could be kept. */
void      vaern_keyring_store       (const char          *location,
                                     const char          *password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean  vaern_keyring_store_finish (GAsyncResult       *result,
                                      GError            **error);
/* The password kept for location, or NULL; blocks (call it off the main
 * loop). */
char     *vaern_keyring_lookup_sync (const char          *location,
                                     GCancellable        *cancellable,
                                     GError             **error);
void      vaern_keyring_forget      (const char          *location);

G_END_DECLS
