/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "app/vaern-keyring.h"
#include "store/vaern-document.h"

/* A server's password kept in, found in and removed from a real Secret
 * Service: GNOME Keyring, started by tests/with-keyring.sh inside the
 * test's private D-Bus session. One entry per server, port, database and
 * user: another database's login is not given it. */

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  vaern_keyring_store_finish (result, error);
  g_main_context_wakeup (NULL);
  *(gboolean *) g_object_get_data (G_OBJECT (g_application_get_default ()), "done") = TRUE;
}

static void
test_store_lookup_forget (void)
{
  const char *location = "postgresql://?host=isms.kommune.dk&dbname=isms&user=anne";
  const char *other = "postgresql://?host=isms.kommune.dk&dbname=andet&user=anne";
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *none = NULL;
  gboolean done = FALSE;
  g_autoptr(GApplication) app = g_application_new (NULL, G_APPLICATION_NON_UNIQUE);

  g_application_set_default (app);
  g_object_set_data (G_OBJECT (app), "done", &done);
  vaern_keyring_store (location, "hemmelig-kode", NULL, stored_cb, &error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);

  found = vaern_keyring_lookup_sync (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "hemmelig-kode");
  none = vaern_keyring_lookup_sync (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  vaern_keyring_forget (location);
  /* Forgetting runs in the background; the lookup after it waits for it. */
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *left = vaern_keyring_lookup_sync (location, NULL, NULL);

      if (left == NULL)
        return;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  g_assert_not_reached ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("VAERN_TEST_KEYRING") == NULL)
    return 77;
  g_test_add_func ("/vaern/keyring/store-lookup-forget", test_store_lookup_forget);
  return g_test_run ();
}
