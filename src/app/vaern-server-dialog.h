/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VAERN_TYPE_SERVER_DIALOG (vaern_server_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VaernServerDialog, vaern_server_dialog, VAERN, SERVER_DIALOG, AdwWindow)

typedef enum
{
  VAERN_SERVER_DIALOG_OPEN,   /* open an ISMS on a server */
  VAERN_SERVER_DIALOG_MOVE,   /* copy the open file there and work on */
} VaernServerDialogMode;

/* The server, port, database and user of a shared ISMS, and its password.
 * ::chosen gives the location (a postgresql:// URI; the password is given
 * to the store for it, and kept in the keyring when asked); then the
 * dialog closes. location prefills the fields; message says why it is
 * asked again (a refused password). */
VaernServerDialog *vaern_server_dialog_new (GtkWindow             *parent,
                                            VaernServerDialogMode  mode,
                                            const char            *location,
                                            const char            *message);

/* The location the fields give, as a postgresql:// URI; NULL while one is
 * missing. */
char *vaern_server_dialog_get_location (VaernServerDialog *self);

G_END_DECLS
