/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "store/vaern-document.h"
#include "vaern-keyring.h"

static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    "io.github.vaern.Vaern.Server", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* The attributes that name a location's login: missing ones are "". */
static GHashTable *
attributes_for (const char *location)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const struct { const char *attribute; const char *keyword; } map[] = {
    { "server", "host" }, { "port", "port" }, { "database", "dbname" }, { "user", "user" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      char *value = vaern_location_get_setting (location, map[i].keyword);

      g_hash_table_insert (attributes, (gpointer) map[i].attribute, value ? value : g_strdup (""));
    }
  return attributes;
}

void
vaern_keyring_store (const char          *location,
                     const char          *password,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = attributes_for (location);
  g_autofree char *database = vaern_location_get_setting (location, "dbname");
  g_autofree char *server = vaern_location_get_setting (location, "host");
  /* Translators: the name of a password in the keyring; the ISMS's database and its server */
  g_autofree char *label = g_strdup_printf (_("Værn: %s on %s"), database ? database : "",
                                            server ? server : "localhost");

  secret_password_storev (server_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, callback, user_data);
}

gboolean
vaern_keyring_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  return secret_password_store_finish (result, error);
}

char *
vaern_keyring_lookup_sync (const char   *location,
                           GCancellable *cancellable,
                           GError      **error)
{
  g_autoptr(GHashTable) attributes = attributes_for (location);

  return secret_password_lookupv_sync (server_schema (), attributes, cancellable, error);
}

void
vaern_keyring_forget (const char *location)
{
  g_autoptr(GHashTable) attributes = attributes_for (location);

  secret_password_clearv (server_schema (), attributes, NULL, NULL, NULL);
}
