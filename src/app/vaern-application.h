/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

#define VAERN_TYPE_APPLICATION (vaern_application_get_type ())
G_DECLARE_FINAL_TYPE (VaernApplication, vaern_application, VAERN, APPLICATION, AdwApplication)

VaernApplication *vaern_application_new          (void);
GSettings        *vaern_application_get_settings (VaernApplication *self);
/* Opens a document in a window: the one that has it already, the given
 * window if it shows no document, or a new one. Errors are shown to the
 * person, in the given window where there is one. */
void              vaern_application_open_path    (VaernApplication *self,
                                                  const char       *path,
                                                  GtkWindow        *window);
void              vaern_application_add_recent   (VaernApplication *self,
                                                  const char       *path);
void              vaern_application_forget_recent (VaernApplication *self,
                                                   const char       *path);
char            **vaern_application_get_recent   (VaernApplication *self);
/* The application's accelerators, as set at startup: action and its
 * accelerators (NULL-terminated), n_accels of them. The shortcuts window
 * lists them all (tests/test-shortcuts.c). */
typedef struct
{
  const char *action;
  const char *accels[3];
} VaernAccel;
const VaernAccel *vaern_application_get_accels   (guint           *n_accels);

/* Writes a new demo document to a fresh temporary file and returns its path. */
char             *vaern_application_make_demo    (GError          **error);

G_END_DECLS
