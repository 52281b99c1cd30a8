/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/vaern-date.h"
#include "vaern-backups.h"
#include "vaern-document-private.h"

/* A copy is named "<document>-<key>-<YYYY-MM-DD>.vaern": the document's
 * name without its extension, so a person finds it in the folder; a key of
 * the document's full path, so that two documents of the same name in two
 * folders keep copies of their own; and the day, so that the names sort by
 * age. */

#define MAX_STEM_BYTES 80

char *
vaern_backups_get_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "vaern", "backups", NULL);
}

/* "<document>-<key>-", the part of the name every copy of the document
 * starts with. */
static char *
name_prefix (const char *document_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (document_path);
  g_autofree char *absolute = g_file_get_path (file);
  g_autofree char *base = g_path_get_basename (absolute);
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  char *dot = strrchr (base, '.');
  const char *end;

  if (dot != NULL && dot != base)
    *dot = '\0';
  /* A very long name is cut, on a character's boundary. */
  if (strlen (base) > MAX_STEM_BYTES)
    {
      g_utf8_validate (base, MAX_STEM_BYTES, &end);
      base[end - base] = '\0';
    }
  key[8] = '\0';
  return g_strdup_printf ("%s-%s-", base, key);
}

/* Whether @name is "<prefix>YYYY-MM-DD.vaern". */
static gboolean
is_copy_of (const char *name,
            const char *prefix)
{
  gsize n = strlen (prefix);

  if (strncmp (name, prefix, n) != 0 || strlen (name + n) != strlen ("YYYY-MM-DD.vaern"))
    return FALSE;
  if (!g_str_has_suffix (name, ".vaern"))
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      char c = name[n + i];

      if (i == 4 || i == 7 ? c != '-' : !g_ascii_isdigit (c))
        return FALSE;
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
vaern_backups_list (const char *document_path)
{
  g_autofree char *folder = vaern_backups_get_folder ();
  g_autofree char *prefix = name_prefix (document_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_copy_of (name, prefix))
      g_ptr_array_add (copies, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (copies, compare_strings);
  return copies;
}

char *
vaern_backups_find_newest (const char *document_path,
                           char      **date)
{
  g_autoptr(GPtrArray) copies = vaern_backups_list (document_path);
  const char *newest;

  if (date)
    *date = NULL;
  if (copies->len == 0)
    return NULL;
  newest = copies->pdata[copies->len - 1];
  if (date)
    *date = g_strndup (newest + strlen (newest) - strlen ("YYYY-MM-DD.vaern"), 10);
  return g_strdup (newest);
}

gboolean
vaern_backups_make_daily (VaernDocument *doc,
                          gboolean      *made,
                          GError       **error)
{
  const char *path = vaern_document_get_path (doc);
  g_autofree char *folder = vaern_backups_get_folder ();
  g_autofree char *prefix = name_prefix (path);
  g_autofree char *today = vaern_date_today ();
  g_autofree char *name = g_strdup_printf ("%s%s.vaern", prefix, today);
  g_autofree char *target = g_build_filename (folder, name, NULL);
  g_autofree char *part = g_strconcat (target, ".part", NULL);
  g_autoptr(GPtrArray) copies = NULL;

  if (made)
    *made = FALSE;
  /* A document closed meanwhile, or one that cannot change, needs none. */
  if (doc->db == NULL || doc->read_only || g_file_test (target, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* Translators: %s is a folder, the second why it failed */
                   _("The safety copy could not be made: the folder “%s” cannot be made (%s)."),
                   display, g_strerror (saved));
      return FALSE;
    }

  /* Written under another name and renamed when complete: a copy cut
   * short by a crash or a full disk is never taken for a good one. */
  if (!vaern_document_backup (doc, part, error))
    return FALSE;
  if (g_rename (part, target) != 0)
    {
      int saved = errno;

      g_unlink (part);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The safety copy could not be made (%s)."), g_strerror (saved));
      return FALSE;
    }
  if (made)
    *made = TRUE;

  copies = vaern_backups_list (path);
  for (guint i = 0; i + VAERN_BACKUPS_KEPT < copies->len; i++)
    g_unlink (copies->pdata[i]);
  return TRUE;
}
