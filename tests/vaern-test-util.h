/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <sys/wait.h>

G_BEGIN_DECLS

/* A fresh temporary folder per test, removed by the test's own teardown. */
static inline char *
vaern_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vaern-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
vaern_test_rmdir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0644);
      g_unlink (path);
    }
  g_chmod (dir, 0755);
  g_rmdir (dir);
}

static inline GBytes *
vaern_test_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* Runs the real program ($VAERN_BINARY) with the arguments up to NULL, in
 * @cwd (or here); @out and @err (either may be NULL) get what it printed,
 * freeing what they held. Returns its exit status, or -1 for a signal. */
static inline int
vaern_test_run_valist (const char *cwd,
                       char      **out,
                       char      **err,
                       const char *first,
                       va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("VAERN_BINARY");
  int status = -1;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  if (out)
    g_clear_pointer (out, g_free);
  if (err)
    g_clear_pointer (err, g_free);
  g_spawn_sync (cwd, (char **) argv->pdata, NULL,
                out ? G_SPAWN_DEFAULT : G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static inline guint
vaern_test_count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; p && *p; p++)
    n += *p == '\n';
  return n;
}

G_END_DECLS
