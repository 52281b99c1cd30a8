/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vaern-fuzz.h"

static char *folder;
static gboolean one_line;
static gboolean verbose;

void
vaern_fuzz_fail (const char *file,
                 int         line,
                 const char *func,
                 const char *what)
{
  fprintf (stderr, "%s:%d: %s: check failed: %s\n", file, line, func, what);
  fflush (stderr);
  abort ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
remove_folder (void)
{
  if (folder != NULL)
    remove_tree (folder);
  g_clear_pointer (&folder, g_free);
}

const char *
vaern_fuzz_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  const char *base = g_getenv ("TMPDIR");

  if (folder != NULL)
    return folder;

  /* SQLite syncs each commit: a folder in memory keeps a run fast. */
  if (base == NULL && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR)
      && g_access ("/dev/shm", W_OK) == 0)
    base = "/dev/shm";
  if (base == NULL)
    base = g_get_tmp_dir ();
  {
    g_autofree char *template = g_build_filename (base, "vaern-fuzz-XXXXXX", NULL);

    folder = g_mkdtemp (template) ? g_steal_pointer (&template) : NULL;
  }
  if (folder == NULL)
    {
      fprintf (stderr, "vaern-fuzz: cannot make a folder in %s: %s\n", base, g_strerror (errno));
      abort ();
    }
  atexit (remove_folder);

  /* Before GLib reads them for the first time. */
  home = g_build_filename (folder, "home", NULL);
  g_mkdir (home, 0700);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  one_line = g_getenv ("VAERN_FUZZ_ONE_LINE") != NULL;
  verbose = g_getenv ("VAERN_FUZZ_VERBOSE") != NULL;

  return folder;
}

char *
vaern_fuzz_path (const char *name)
{
  return g_build_filename (vaern_fuzz_setup (), name, NULL);
}

void
vaern_fuzz_write (const char    *path,
                  const uint8_t *data,
                  size_t         size)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, &error))
    {
      fprintf (stderr, "vaern-fuzz: %s\n", error->message);
      abort ();
    }
}

gboolean
vaern_fuzz_same (const char    *path,
                 const uint8_t *data,
                 size_t         size)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length == size && (size == 0 || memcmp (contents, data, size) == 0);
}

void
vaern_fuzz_remove (const char *path)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

gboolean
vaern_fuzz_folder_holds_only (const char *first,
                              ...)
{
  g_autoptr(GDir) dir = g_dir_open (vaern_fuzz_setup (), 0, NULL);
  const char *name;
  gboolean only = TRUE;

  VAERN_FUZZ_CHECK (dir != NULL);
  while (only && (name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = g_str_equal (name, "home");
      va_list args;

      va_start (args, first);
      for (const char *n = first; n != NULL && !listed; n = va_arg (args, const char *))
        listed = g_str_equal (name, n);
      va_end (args);
      if (!listed)
        {
          fprintf (stderr, "vaern-fuzz: left behind: %s\n", name);
          only = FALSE;
        }
    }
  return only;
}

void
vaern_fuzz_check_error (const GError *error)
{
  VAERN_FUZZ_CHECK (error != NULL);
  if (verbose)
    {
      g_autofree char *escaped = g_strescape (error->message, "\n");

      fprintf (stderr, "vaern-fuzz: refused: %s\n", escaped);
    }
  VAERN_FUZZ_CHECK (error->domain != 0);
  VAERN_FUZZ_CHECK (error->message != NULL && error->message[0] != '\0');
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);

      fprintf (stderr, "vaern-fuzz: a message that is not UTF-8: %s\n", escaped);
      VAERN_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
    }
  if (one_line && strchr (error->message, '\n') != NULL)
    {
      fprintf (stderr, "vaern-fuzz: a message of more than one line: %s\n", error->message);
      VAERN_FUZZ_CHECK (strchr (error->message, '\n') == NULL);
    }
}
