/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vaern-fuzz.h"

/* The main() a fuzz target gets when it is built without libFuzzer: it runs
 * the target once on each file named, or on each file of each folder
 * named (the seed corpus, the crash inputs found so far), by name, and
 * names each before running it, so that a crash says which. The target
 * ends the process on anything it does not accept; an input that returns
 * passes. No input at all is a failure: a test that runs nothing proves
 * nothing. */

static gboolean
is_input (const char *name)
{
  return name[0] != '.' && !g_str_has_prefix (name, "README");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
add_inputs (GPtrArray  *inputs,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_input (name))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (inputs, g_strdup (names->pdata[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s FILE-OR-FOLDER…\n", argv[0]);
      return 2;
    }
  vaern_fuzz_setup ();
  for (int i = 1; i < argc; i++)
    add_inputs (inputs, argv[i]);
  if (inputs->len == 0)
    {
      fprintf (stderr, "No input to replay.\n");
      return 1;
    }

  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = inputs->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      fprintf (stderr, "%u/%u %s (%" G_GSIZE_FORMAT " bytes)\n", i + 1, inputs->len, path,
               length);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
    }
  printf ("Replayed %u inputs.\n", inputs->len);
  return 0;
}
