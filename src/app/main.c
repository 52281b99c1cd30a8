/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "vaern-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VaernApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Running from the build tree (meson devenv) finds the translations there. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("VAERN_LOCALEDIR") ? g_getenv ("VAERN_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = vaern_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
