/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "app/vaern-keyring.h"
#include "store/vaern-document.h"
#include "vaern-test-util.h"

/* A server's password kept in, found in and removed from a real Secret
 * Service: GNOME Keyring, started by tests/with-keyring.sh inside the
 * test's private D-Bus session. One entry per server, port, database and
 * user: another database's login is not given it. */

#define SECRET_SERVICE "org.freedesktop.secrets"

/* How long the daemon, just started, may take to own its name. */
#define DAEMON_TIMEOUT_MS 10000

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Waits until the Secret Service owns its name on the session bus
 * (tests/with-keyring.sh has just started it), without starting one of
 * its own through D-Bus activation. */
static void
wait_for_secret_service (void)
{
  gboolean owned = FALSE;
  guint watch = g_bus_watch_name (G_BUS_TYPE_SESSION, SECRET_SERVICE,
                                  G_BUS_NAME_WATCHER_FLAGS_NONE, name_appeared_cb, NULL,
                                  &owned, NULL);

  VAERN_TEST_WAIT_MS (owned, DAEMON_TIMEOUT_MS);
  g_bus_unwatch_name (watch);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  vaern_keyring_store_finish (result, error);
  *(gboolean *) g_object_get_data (G_OBJECT (g_application_get_default ()), "done") = TRUE;
}

static gboolean
forgotten (const char *location)
{
  g_autofree char *left = vaern_keyring_lookup_sync (location, NULL, NULL);

  return left == NULL;
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

  wait_for_secret_service ();
  g_application_set_default (app);
  g_object_set_data (G_OBJECT (app), "done", &done);
  vaern_keyring_store (location, "hemmelig-kode", NULL, stored_cb, &error);
  VAERN_TEST_WAIT (done);
  g_assert_no_error (error);

  found = vaern_keyring_lookup_sync (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "hemmelig-kode");
  none = vaern_keyring_lookup_sync (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  vaern_keyring_forget (location);
  /* Forgetting runs in the background: until a lookup finds nothing. */
  VAERN_TEST_WAIT (forgotten (location));
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
