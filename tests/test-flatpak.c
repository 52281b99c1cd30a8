/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Flatpak manifest builds what this tree installs, with the least sandbox
 * access the app needs, from sources that are pinned. No flatpak-builder is
 * needed: the manifest is read with json-glib and checked against the rules
 * below, and each rule is shown to catch a manifest that breaks it.
 *
 * The manifest is flatpak/BASE_ID.json beside tests/ (G_TEST_SRCDIR), or the
 * file VAERN_FLATPAK_MANIFEST names, to check another one by hand.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

/* The only permissions the app has. Documents come and go through the file
 * chooser portal and printing through the print portal, so there is no
 * --filesystem; nothing is fetched, so no network; no D-Bus name beyond the
 * app's own and the portals, which Flatpak allows anyway. A new permission
 * goes here with the reason it is needed. */
static const char *const allowed_finish_args[] = {
  "--share=ipc",         /* X11 shared memory, for the X11 fallback */
  "--socket=wayland",
  "--socket=fallback-x11",
  "--device=dri",        /* GTK's GL renderer */
};

/* The libraries the app links that the GNOME runtime does not ship (it ships
 * GLib, GTK, libadwaita, Cairo, Pango, SQLite, libxml2 and libxslt): each is
 * a module built before the app. */
static const char *const bundled_libraries[] = {
  "libical",
};

/* The oldest GNOME runtime with GTK 4.8 and libadwaita 1.2. */
#define OLDEST_GNOME_RUNTIME 43

static const char *const build_systems[] = {
  "autotools", "cmake", "cmake-ninja", "meson", "qmake", "simple",
};

typedef struct
{
  const char *manifest_dir; /* where relative source paths start */
  const char *source_root;  /* the top of this tree */
  const char *command;      /* the installed executable's name */
  GPtrArray  *problems;
} Check;

static void problem (Check      *check,
                     const char *format,
                     ...) G_GNUC_PRINTF (2, 3);

static void
problem (Check      *check,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (check->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
in_list (const char        *value,
         const char *const *list,
         gsize              n)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (value, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A member that is a non-empty string, or NULL. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode   *node = json_object_get_member (object, name);
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);
  return value != NULL && *value != '\0' ? value : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* An element that is a string, or NULL. */
static const char *
string_element (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_hex (const char *value,
        gsize       length)
{
  if (value == NULL || strlen (value) != length)
    return FALSE;
  for (const char *p = value; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

/* The path resolved against the manifest's folder, with symbolic links
 * followed, or NULL if nothing is there. */
static char *
resolve (Check      *check,
         const char *path)
{
  g_autofree char *joined = g_path_is_absolute (path)
                               ? g_strdup (path)
                               : g_build_filename (check->manifest_dir, path, NULL);
  char             resolved[PATH_MAX];

  return realpath (joined, resolved) != NULL ? g_strdup (resolved) : NULL;
}

static void
check_identity (Check      *check,
                JsonObject *manifest)
{
  const char      *id = string_member (manifest, "id");
  const char      *command = string_member (manifest, "command");
  g_autofree char *desktop = NULL;
  g_autofree char *metainfo = NULL;
  g_autofree char *desktop_path = NULL;
  g_autofree char *metainfo_path = NULL;

  if (id == NULL)
    id = string_member (manifest, "app-id");
  if (g_strcmp0 (id, BASE_ID) != 0)
    problem (check, "id is “%s”, not the app id %s", id ? id : "(none)", BASE_ID);

  /* The desktop entry and the metainfo are named after the same id, and the
   * metainfo's <id> and launchable are that id (meson puts it for @APP_ID@). */
  desktop_path = g_build_filename (check->source_root, "data", BASE_ID ".desktop.in", NULL);
  metainfo_path = g_build_filename (check->source_root, "data", BASE_ID ".metainfo.xml.in", NULL);
  if (!g_file_get_contents (desktop_path, &desktop, NULL, NULL))
    problem (check, "no desktop entry %s", desktop_path);
  if (!g_file_get_contents (metainfo_path, &metainfo, NULL, NULL))
    problem (check, "no metainfo %s", metainfo_path);
  if (metainfo != NULL
      && (strstr (metainfo, "<id>@APP_ID@</id>") == NULL
          || strstr (metainfo, "<launchable type=\"desktop-id\">@APP_ID@.desktop</launchable>")
               == NULL))
    problem (check, "the metainfo's <id> or launchable is not the app id");

  if (g_strcmp0 (command, check->command) != 0)
    problem (check, "command is “%s”, not the installed program “%s”",
             command ? command : "(none)", check->command);
  if (desktop != NULL)
    {
      g_autofree char *exec = g_strdup_printf ("\nExec=%s ", check->command);

      if (strstr (desktop, exec) == NULL)
        problem (check, "the desktop entry does not run “%s”", check->command);
    }
  if (metainfo != NULL)
    {
      g_autofree char *binary = g_strdup_printf ("<binary>%s</binary>", check->command);

      if (strstr (metainfo, binary) == NULL)
        problem (check, "the metainfo does not provide the binary “%s”", check->command);
    }
}

static void
check_runtime (Check      *check,
               JsonObject *manifest)
{
  const char      *runtime = string_member (manifest, "runtime");
  const char      *version = string_member (manifest, "runtime-version");
  const char      *sdk = string_member (manifest, "sdk");
  g_autofree char *expected_sdk = NULL;

  if (runtime == NULL || version == NULL || sdk == NULL)
    {
      problem (check, "runtime, runtime-version and sdk must all be set");
      return;
    }
  if (!g_str_has_suffix (runtime, ".Platform"))
    {
      problem (check, "runtime “%s” is not a …Platform", runtime);
      return;
    }
  expected_sdk = g_strdup_printf ("%.*s.Sdk", (int) (strlen (runtime) - strlen (".Platform")),
                                  runtime);
  if (strcmp (sdk, expected_sdk) != 0)
    problem (check, "sdk “%s” does not match runtime “%s” (expected %s)", sdk, runtime,
             expected_sdk);

  if (strcmp (runtime, "org.gnome.Platform") == 0)
    {
      guint64 major = 0;

      if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &major, NULL))
        problem (check, "runtime-version “%s” is not a GNOME release such as 51", version);
      else if (major < OLDEST_GNOME_RUNTIME)
        problem (check, "runtime-version %s is older than GNOME %d (GTK 4.8, libadwaita 1.2)",
                 version, OLDEST_GNOME_RUNTIME);
    }
}

static void
check_finish_args (Check      *check,
                   JsonObject *manifest)
{
  JsonArray *args = array_member (manifest, "finish-args");
  guint      n = args ? json_array_get_length (args) : 0;

  if (args == NULL)
    {
      problem (check, "finish-args is missing");
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const char *arg = string_element (args, i);

      if (arg == NULL)
        problem (check, "finish-args[%u] is not a string", i);
      else if (g_str_has_prefix (arg, "--filesystem"))
        problem (check, "%s: documents go through the file chooser portal", arg);
      else if (strcmp (arg, "--share=network") == 0)
        problem (check, "%s: the app uses no network", arg);
      else if (strcmp (arg, "--socket=session-bus") == 0
               || strcmp (arg, "--socket=system-bus") == 0)
        problem (check, "%s: the app needs no D-Bus beyond its own name and the portals", arg);
      else if (g_str_has_prefix (arg, "--talk-name") || g_str_has_prefix (arg, "--own-name")
               || g_str_has_prefix (arg, "--system-talk-name")
               || g_str_has_prefix (arg, "--system-own-name"))
        problem (check, "%s: no D-Bus name is justified", arg);
      else if (!in_list (arg, allowed_finish_args, G_N_ELEMENTS (allowed_finish_args)))
        problem (check, "%s: not among the permissions this test allows", arg);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (allowed_finish_args); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n && !found; j++)
        found = g_strcmp0 (string_element (args, j), allowed_finish_args[i]) == 0;
      if (!found)
        problem (check, "finish-args lacks %s", allowed_finish_args[i]);
    }
}

static void
check_source (Check      *check,
              const char *module,
              guint       index,
              JsonNode   *node)
{
  JsonObject *source;
  const char *type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (check, "module %s: source %u is not an object", module, index);
      return;
    }
  source = json_node_get_object (node);
  type = string_member (source, "type");
  if (type == NULL)
    problem (check, "module %s: source %u has no type", module, index);
  else if (strcmp (type, "archive") == 0 || (strcmp (type, "file") == 0
                                             && json_object_has_member (source, "url")))
    {
      const char *url = string_member (source, "url");

      if (url == NULL || !g_str_has_prefix (url, "https://"))
        problem (check, "module %s: %s source %u has no https url", module, type, index);
      if (!is_hex (string_member (source, "sha256"), 64))
        problem (check, "module %s: %s source %u has no sha256 of 64 hex digits", module, type,
                 index);
    }
  else if (strcmp (type, "git") == 0)
    {
      /* A tag alone can be moved; the commit pins what is built. */
      if (string_member (source, "url") == NULL)
        problem (check, "module %s: git source %u has no url", module, index);
      if (!is_hex (string_member (source, "commit"), 40))
        problem (check, "module %s: git source %u is not pinned to a commit", module, index);
    }
  else if (strcmp (type, "dir") == 0 || strcmp (type, "file") == 0
           || strcmp (type, "patch") == 0)
    {
      const char      *path = string_member (source, "path");
      g_autofree char *resolved = path ? resolve (check, path) : NULL;

      if (resolved == NULL)
        problem (check, "module %s: %s source %u: path “%s” does not exist", module, type, index,
                 path ? path : "(none)");
    }
  else
    problem (check, "module %s: source %u has type “%s” that this test does not know", module,
             index, type);
}

static void
check_modules (Check      *check,
               JsonObject *manifest)
{
  JsonArray  *modules = array_member (manifest, "modules");
  guint       n = modules ? json_array_get_length (modules) : 0;
  JsonObject *app;
  JsonArray  *options;
  JsonArray  *sources;
  gboolean    tests_off = FALSE;
  gboolean    from_here = FALSE;

  if (n == 0)
    {
      problem (check, "modules is missing or empty");
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode   *node = json_array_get_element (modules, i);
      JsonObject *module;
      const char *name;
      const char *build_system;
      JsonArray  *module_sources;
      guint       n_sources;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          problem (check, "module %u is not an object", i);
          continue;
        }
      module = json_node_get_object (node);
      name = string_member (module, "name");
      build_system = string_member (module, "buildsystem");
      module_sources = array_member (module, "sources");
      n_sources = module_sources ? json_array_get_length (module_sources) : 0;
      if (name == NULL)
        {
          problem (check, "module %u has no name", i);
          name = "(unnamed)";
        }
      if (!in_list (build_system, build_systems, G_N_ELEMENTS (build_systems)))
        problem (check, "module %s has no known buildsystem", name);
      if (n_sources == 0)
        problem (check, "module %s has no sources", name);
      for (guint j = 0; j < n_sources; j++)
        check_source (check, name, j, json_array_get_element (module_sources, j));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bundled_libraries); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j + 1 < n && !found; j++)
        {
          JsonNode *node = json_array_get_element (modules, j);

          found = JSON_NODE_HOLDS_OBJECT (node)
                  && g_strcmp0 (string_member (json_node_get_object (node), "name"),
                                bundled_libraries[i]) == 0;
        }
      if (!found)
        problem (check, "no module builds %s, which the runtime does not ship",
                 bundled_libraries[i]);
    }

  /* The last module is the app, built with meson from this tree without its
   * tests. */
  if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (modules, n - 1)))
    return;
  app = json_array_get_object_element (modules, n - 1);
  if (g_strcmp0 (string_member (app, "buildsystem"), "meson") != 0)
    problem (check, "the last module is not built with meson");
  options = array_member (app, "config-opts");
  for (guint i = 0; options && i < json_array_get_length (options); i++)
    {
      const char *option = string_element (options, i);

      if (g_strcmp0 (option, "-Dtests=false") == 0)
        tests_off = TRUE;
      else if (g_strcmp0 (option, "-Ddevelopment=true") == 0)
        problem (check, "the app is built with the development app id");
    }
  if (!tests_off)
    problem (check, "the last module is not configured with -Dtests=false");
  sources = array_member (app, "sources");
  for (guint i = 0; sources && i < json_array_get_length (sources); i++)
    {
      JsonNode        *node = json_array_get_element (sources, i);
      JsonObject      *source = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char      *path = source ? string_member (source, "path") : NULL;
      g_autofree char *resolved = NULL;

      if (source == NULL || g_strcmp0 (string_member (source, "type"), "dir") != 0 || path == NULL)
        continue;
      resolved = resolve (check, path);
      from_here = from_here || g_strcmp0 (resolved, check->source_root) == 0;
    }
  if (!from_here)
    problem (check, "the last module is not built from this tree (a dir source at %s)",
             check->source_root);
}

/* The problems of the parsed manifest; an empty array if there are none. */
static GPtrArray *
check_manifest (JsonNode   *root,
                const char *manifest_dir)
{
  g_autofree char *top = g_test_build_filename (G_TEST_DIST, "..", NULL);
  g_autofree char *source_root = realpath (top, NULL);
  const char      *binary = g_getenv ("VAERN_BINARY");
  g_autofree char *command = g_path_get_basename (binary ? binary : "vaern");
  Check            check = { manifest_dir, source_root, command, NULL };
  JsonObject      *manifest;

  g_assert_nonnull (source_root);
  check.problems = g_ptr_array_new_with_free_func (g_free);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      problem (&check, "the manifest is not a JSON object");
      return check.problems;
    }
  manifest = json_node_get_object (root);
  check_identity (&check, manifest);
  check_runtime (&check, manifest);
  check_finish_args (&check, manifest);
  check_modules (&check, manifest);
  return check.problems;
}

static char *
manifest_path (void)
{
  const char *path = g_getenv ("VAERN_FLATPAK_MANIFEST");

  if (path != NULL && *path != '\0')
    return g_strdup (path);
  return g_test_build_filename (G_TEST_DIST, "..", "flatpak", BASE_ID ".json", NULL);
}

/* The manifest, parsed as flatpak-builder parses it (json-glib), into a
 * tree that the caller owns and may change. */
static JsonNode *
load_manifest (char **dir)
{
  g_autofree char       *path = manifest_path ();
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError)     error = NULL;

  g_test_message ("manifest: %s", path);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  *dir = g_path_get_dirname (path);
  return json_parser_steal_root (parser);
}

static void
assert_no_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("manifest: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_manifest (void)
{
  g_autofree char     *dir = NULL;
  g_autoptr (JsonNode) root = load_manifest (&dir);
  g_autoptr (GPtrArray) problems = check_manifest (root, dir);

  assert_no_problems (problems);
}

/* Breaking the manifest: each case changes a copy of the real one and names
 * the problem it must give. */

static JsonObject *
module_named (JsonObject *manifest,
              const char *name)
{
  JsonArray *modules = json_object_get_array_member (manifest, "modules");

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);

      if (g_strcmp0 (json_object_get_string_member (module, "name"), name) == 0)
        return module;
    }
  g_assert_not_reached ();
}

static JsonObject *
first_source (JsonObject *module)
{
  return json_array_get_object_element (json_object_get_array_member (module, "sources"), 0);
}

static JsonObject *
last_module (JsonObject *manifest)
{
  JsonArray *modules = json_object_get_array_member (manifest, "modules");

  return json_array_get_object_element (modules, json_array_get_length (modules) - 1);
}

static void
add_finish_arg (JsonObject *manifest,
                const char *arg)
{
  json_array_add_string_element (json_object_get_array_member (manifest, "finish-args"), arg);
}

static void
break_id (JsonObject *m)
{
  json_object_set_string_member (m, "id", "org.example.Other");
}

static void
break_command (JsonObject *m)
{
  json_object_set_string_member (m, "command", "vaern-gtk");
}

static void
break_sdk (JsonObject *m)
{
  json_object_set_string_member (m, "sdk", "org.kde.Sdk");
}

static void
break_runtime_version (JsonObject *m)
{
  json_object_set_string_member (m, "runtime-version", "42");
}

static void
drop_runtime (JsonObject *m)
{
  json_object_remove_member (m, "runtime");
}

static void
add_filesystem (JsonObject *m)
{
  add_finish_arg (m, "--filesystem=home");
}

static void
add_network (JsonObject *m)
{
  add_finish_arg (m, "--share=network");
}

static void
add_session_bus (JsonObject *m)
{
  add_finish_arg (m, "--socket=session-bus");
}

static void
add_talk_name (JsonObject *m)
{
  add_finish_arg (m, "--talk-name=org.freedesktop.secrets");
}

static void
add_x11 (JsonObject *m)
{
  add_finish_arg (m, "--socket=x11");
}

static void
drop_wayland (JsonObject *m)
{
  JsonArray *args = json_object_get_array_member (m, "finish-args");

  for (guint i = 0; i < json_array_get_length (args); i++)
    if (g_strcmp0 (json_array_get_string_element (args, i), "--socket=wayland") == 0)
      {
        json_array_remove_element (args, i);
        return;
      }
  g_assert_not_reached ();
}

static void
drop_name (JsonObject *m)
{
  json_object_remove_member (module_named (m, "libical"), "name");
}

static void
drop_buildsystem (JsonObject *m)
{
  json_object_remove_member (module_named (m, "libical"), "buildsystem");
}

static void
empty_sources (JsonObject *m)
{
  json_object_set_array_member (module_named (m, "libical"), "sources", json_array_new ());
}

static void
drop_source_type (JsonObject *m)
{
  json_object_remove_member (first_source (module_named (m, "libical")), "type");
}

static void
short_sha256 (JsonObject *m)
{
  json_object_set_string_member (first_source (module_named (m, "libical")), "sha256", "e73de92f");
}

static void
drop_url (JsonObject *m)
{
  json_object_remove_member (first_source (module_named (m, "libical")), "url");
}

static void
git_without_commit (JsonObject *m)
{
  JsonObject *source = first_source (module_named (m, "libical"));

  json_object_remove_member (source, "sha256");
  json_object_set_string_member (source, "type", "git");
  json_object_set_string_member (source, "url", "https://github.com/libical/libical.git");
  json_object_set_string_member (source, "tag", "v3.0.20");
}

static void
missing_dir (JsonObject *m)
{
  json_object_set_string_member (first_source (last_module (m)), "path", "../no-such-folder");
}

static void
other_dir (JsonObject *m)
{
  json_object_set_string_member (first_source (last_module (m)), "path", ".");
}

static void
app_not_meson (JsonObject *m)
{
  json_object_set_string_member (last_module (m), "buildsystem", "simple");
}

static void
app_with_tests (JsonObject *m)
{
  json_object_set_array_member (last_module (m), "config-opts", json_array_new ());
}

static void
drop_libical (JsonObject *m)
{
  JsonArray *modules = json_object_get_array_member (m, "modules");

  for (guint i = 0; i < json_array_get_length (modules); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (modules, i),
                                                  "name"),
                   "libical") == 0)
      {
        json_array_remove_element (modules, i);
        return;
      }
  g_assert_not_reached ();
}

static const struct
{
  const char *name;
  void (*change) (JsonObject *manifest);
  const char *expected;
} breakages[] = {
  { "id", break_id, "not the app id" },
  { "command", break_command, "not the installed program" },
  { "sdk", break_sdk, "does not match runtime" },
  { "runtime-version", break_runtime_version, "older than GNOME" },
  { "runtime", drop_runtime, "must all be set" },
  { "filesystem", add_filesystem, "file chooser portal" },
  { "network", add_network, "no network" },
  { "session-bus", add_session_bus, "no D-Bus" },
  { "talk-name", add_talk_name, "no D-Bus name" },
  { "x11", add_x11, "not among the permissions" },
  { "wayland", drop_wayland, "lacks --socket=wayland" },
  { "module-name", drop_name, "has no name" },
  { "buildsystem", drop_buildsystem, "no known buildsystem" },
  { "sources", empty_sources, "has no sources" },
  { "source-type", drop_source_type, "has no type" },
  { "sha256", short_sha256, "no sha256 of 64 hex digits" },
  { "url", drop_url, "has no https url" },
  { "git-commit", git_without_commit, "not pinned to a commit" },
  { "dir-path", missing_dir, "does not exist" },
  { "app-tree", other_dir, "not built from this tree" },
  { "app-meson", app_not_meson, "not built with meson" },
  { "app-tests", app_with_tests, "-Dtests=false" },
  { "libical", drop_libical, "no module builds libical" },
};

static void
test_broken (gconstpointer data)
{
  guint                 i = GPOINTER_TO_UINT (data);
  g_autofree char      *dir = NULL;
  g_autoptr (JsonNode)  root = load_manifest (&dir);
  g_autoptr (GPtrArray) problems = NULL;
  gboolean              found = FALSE;

  breakages[i].change (json_node_get_object (root));
  problems = check_manifest (root, dir);
  for (guint j = 0; j < problems->len; j++)
    {
      const char *text = g_ptr_array_index (problems, j);

      g_test_message ("manifest: %s", text);
      found = found || strstr (text, breakages[i].expected) != NULL;
    }
  g_assert_true (found);
}

static void
test_invalid_json (void)
{
  g_autofree char       *path = manifest_path ();
  g_autofree char       *text = NULL;
  gsize                  length = 0;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError)     error = NULL;

  /* The manifest cut short is refused. */
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_cmpuint (length, >, 40);
  g_assert_false (json_parser_load_from_data (parser, text, length / 2, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  /* The messages quote with typographic quotes: print them as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vaern/flatpak/manifest", test_manifest);
  g_test_add_func ("/vaern/flatpak/invalid-json", test_invalid_json);
  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vaern/flatpak/broken/%s", breakages[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_broken);
    }
  return g_test_run ();
}
