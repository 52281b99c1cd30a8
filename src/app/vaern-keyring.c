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

/* Into the login keyring; where there is none (a login without one, a
 * fresh test session), into the session's, kept until logging out. */
typedef struct
{
  GHashTable *attributes;
  char       *label;
  char       *password;
} StoreJob;

static void
store_job_free (gpointer data)
{
  StoreJob *job = data;

  g_hash_table_unref (job->attributes);
  g_free (job->label);
  if (job->password)
    secret_password_wipe (job->password);
  g_free (job->password);
  g_free (job);
}

static void
stored_in_session_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StoreJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* gnome-keyring says "Object does not exist at path …/collection/login"
   * as an unknown method. */
  if (!g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT)
      && !g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  secret_password_storev (server_schema (), job->attributes, SECRET_COLLECTION_SESSION,
                          job->label, job->password, g_task_get_cancellable (task),
                          stored_in_session_cb, g_object_ref (task));
}

void
vaern_keyring_store (const char          *location,
                     const char          *password,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  StoreJob *job = g_new0 (StoreJob, 1);
  g_autofree char *database = vaern_location_get_setting (location, "dbname");
  g_autofree char *server = vaern_location_get_setting (location, "host");

  job->attributes = attributes_for (location);
  /* Translators: the name of a password in the keyring; the ISMS's database and its server */
  job->label = g_strdup_printf (_("Værn: %s on %s"), database ? database : "",
                                server ? server : "localhost");
  job->password = g_strdup (password);
  g_task_set_task_data (task, job, store_job_free);
  secret_password_storev (server_schema (), job->attributes, SECRET_COLLECTION_DEFAULT,
                          job->label, job->password, cancellable, stored_cb, task);
}

gboolean
vaern_keyring_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
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
