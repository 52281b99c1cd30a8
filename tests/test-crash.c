/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/vaern-csv.h"
#include "vaern-test-store.h"
#include "vaern-test-sqlite.h"
#include "vaern-test-util.h"

/* The crash test. A child process edits a document through the store's
 * API (add, update, delete, undo, an import of many rows) and logs each
 * edit: what it will change before it calls the store, and that it
 * returned after. The parent kills it with SIGKILL at a random moment,
 * a hundred times. After each kill the file must pass SQLite's
 * integrity_check, open, and hold every edit logged as returned; the one
 * edit that may have been under way when the kill came is there whole or
 * not at all. */

#define N_TRIALS 100

typedef struct
{
  GArray *names;     /* char *: of the facts */
  GArray *states;    /* char *: "-" absent, or "+" and the notes */
} Undo;

static void
log_line (int         fd,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
log_line (int         fd,
          const char *format,
          ...)
{
  g_autofree char *text = NULL;
  va_list args;
  gsize done = 0, n;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  n = strlen (text);
  while (done < n)
    {
      gssize w = write (fd, text + done, n - done);

      if (w <= 0)
        _exit (20);
      done += (gsize) w;
    }
}

static VaernAsset *
find_asset (VaernDocument *doc,
            const char    *name)
{
  gint64 id = vaern_document_find_asset_by_name (doc, name);

  return id > 0 ? vaern_document_get_asset (doc, id, NULL) : NULL;
}

static char *
state_of (VaernDocument *doc,
          const char    *name)
{
  g_autoptr(VaernAsset) asset = find_asset (doc, name);

  if (asset == NULL)
    return g_strdup ("-");
  return g_strconcat ("+", asset->notes ? asset->notes : "", NULL);
}

/* The child: edits until it is killed. */
G_GNUC_NORETURN static void
edit_forever (const char *path,
              const char *log_path,
              guint       trial)
{
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) undo = g_ptr_array_new ();
  GRand *rand = g_rand_new_with_seed (trial * 7919u + 1);
  int fd = g_open (log_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
  guint op_id = 0;

  doc = vaern_document_open (path, &error);
  if (doc == NULL || fd < 0)
    _exit (10);
  /* The names already there can be updated and deleted too. */
  for (guint i = 0; i < g_list_model_get_n_items (vaern_document_get_assets (doc)); i++)
    {
      g_autoptr(VaernAsset) a = g_list_model_get_item (vaern_document_get_assets (doc), i);

      g_ptr_array_add (mine, g_strdup (a->name));
    }

  for (;;)
    {
      guint choice = g_rand_int_range (rand, 0, 10);
      Undo *step = g_new0 (Undo, 1);
      gboolean ok = FALSE;

      step->names = g_array_new (FALSE, FALSE, sizeof (char *));
      step->states = g_array_new (FALSE, FALSE, sizeof (char *));
      op_id++;

#define FACT(name, state) \
      G_STMT_START { \
        char *n_ = g_strdup (name), *old_ = state_of (doc, n_); \
        g_array_append_val (step->names, n_); \
        g_array_append_val (step->states, old_); \
        log_line (fd, "F %u %u\t%s\t%s\n", trial, op_id, n_, (state)); \
      } G_STMT_END

      if (choice == 9 && undo->len > 0)
        {
          /* Undo the last edit: each fact goes back to what it was. */
          Undo *last = g_ptr_array_steal_index (undo, undo->len - 1);

          for (guint i = 0; i < last->names->len; i++)
            log_line (fd, "F %u %u\t%s\t%s\n", trial, op_id,
                      g_array_index (last->names, char *, i),
                      g_array_index (last->states, char *, i));
          ok = vaern_document_undo (doc, &error);
          g_free (step);
          step = NULL;
        }
      else if (choice == 8)
        {
          /* An import of many rows, one step. */
          g_autoptr(GString) csv_text = g_string_new ("Navn;Formål\n");
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(VaernCsv) csv = NULL;
          g_autoptr(VaernImportReport) report = NULL;
          const VaernSystemField mapping[] = { VAERN_SYSTEM_FIELD_NAME, VAERN_SYSTEM_FIELD_PURPOSE };

          for (guint i = 0; i < 40; i++)
            {
              g_autofree char *name = g_strdup_printf ("I%u-%u-%u", trial, op_id, i);

              g_string_append_printf (csv_text, "%s;Importeret\n", name);
              FACT (name, "+");
            }
          bytes = g_bytes_new (csv_text->str, csv_text->len);
          csv = vaern_csv_parse (bytes, NULL);
          report = vaern_document_import_systems (doc, csv, mapping, FALSE, &error);
          ok = report != NULL && report->n_imported == 40;
          if (ok)
            for (guint i = 0; i < 40; i++)
              g_ptr_array_add (mine, g_strdup_printf ("I%u-%u-%u", trial, op_id, i));
        }
      else if (choice >= 6 && mine->len > 0)
        {
          guint pick = g_rand_int_range (rand, 0, (gint32) mine->len);
          g_autofree char *name = g_strdup (mine->pdata[pick]);
          g_autoptr(VaernAsset) asset = find_asset (doc, name);

          if (asset == NULL)
            _exit (11);
          if (choice == 7)
            {
              FACT (name, "-");
              ok = vaern_document_delete_asset (doc, vaern_record_get_id (VAERN_RECORD (asset)),
                                                &error);
              if (ok)
                g_ptr_array_remove_index (mine, pick);
            }
          else
            {
              g_autofree char *notes = g_strdup_printf ("n%u-%u", trial, op_id);
              g_autofree char *state = g_strconcat ("+", notes, NULL);

              FACT (name, state);
              g_free (asset->notes);
              asset->notes = g_strdup (notes);
              ok = vaern_document_update_asset (doc, asset, &error);
            }
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("T%u-%u", trial, op_id);
          g_autoptr(VaernAsset) asset = vaern_asset_new ();

          FACT (name, "+");
          asset->name = g_strdup (name);
          asset->purpose = g_strdup ("Fra nedbrudsprøven");
          ok = vaern_document_add_asset (doc, asset, &error) > 0;
          if (ok)
            g_ptr_array_add (mine, g_strdup (name));
        }
#undef FACT

      if (!ok)
        {
          g_printerr ("trial %u, edit %u: %s\n", trial, op_id, error ? error->message : "?");
          _exit (12);
        }
      if (step != NULL)
        g_ptr_array_add (undo, step);
      /* Undo the undo's bookkeeping: a name deleted and undone is back. */
      if (choice == 9)
        {
          g_ptr_array_set_size (mine, 0);
          for (guint i = 0; i < g_list_model_get_n_items (vaern_document_get_assets (doc)); i++)
            {
              g_autoptr(VaernAsset) a = g_list_model_get_item (vaern_document_get_assets (doc), i);

              g_ptr_array_add (mine, g_strdup (a->name));
            }
        }
      log_line (fd, "D %u %u\n", trial, op_id);
    }
}

static void
test_crash (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(VaernDocument) doc = vaern_test_document_new (&dir, &path);
  /* name → state, as the log says it must be */
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GRand *rand = g_rand_new_with_seed (20261204);
  guint n_hot = 0, n_done = 0, n_under_way = 0, n_under_way_kept = 0;

  journal = g_strconcat (path, "-journal", NULL);
  g_clear_object (&doc);

  for (guint trial = 1; trial <= N_TRIALS; trial++)
    {
      g_autofree char *log_path = g_strdup_printf ("%s/trial-%u.log", dir, trial);
      g_autofree char *log = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GHashTable) maybe = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GHashTable) done = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_autoptr(GError) error = NULL;
      GListModel *assets;
      int status;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        edit_forever (path, log_path, trial);
      /* The moment of the kill: anywhere from before the document is open
       * to well into its edits. */
      g_usleep (g_rand_int_range (rand, 5, 250) * 1000);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        g_error ("trial %u: the child ended by itself (%d)", trial, WEXITSTATUS (status));
      n_hot += g_file_test (journal, G_FILE_TEST_EXISTS);

      /* Opening rolls back what was under way. */
      doc = vaern_document_open (path, &error);
      g_assert_no_error (error);
      g_clear_object (&doc);
      vaern_test_assert_integrity (path);

      g_file_get_contents (log_path, &log, NULL, NULL);
      lines = g_strsplit (log ? log : "", "\n", -1);
      for (guint i = 0; lines[i]; i++)
        if (g_str_has_prefix (lines[i], "D "))
          {
            guint op = 0;

            g_assert_cmpint (sscanf (lines[i], "D %*u %u", &op), ==, 1);
            g_hash_table_add (done, GUINT_TO_POINTER (op));
          }
      for (guint i = 0; lines[i]; i++)
        {
          g_auto(GStrv) parts = NULL;
          guint op = 0;

          if (!g_str_has_prefix (lines[i], "F "))
            continue;
          parts = g_strsplit (lines[i], "\t", 3);
          g_assert_cmpuint (g_strv_length (parts), ==, 3);
          g_assert_cmpint (sscanf (parts[0], "F %*u %u", &op), ==, 1);
          if (g_hash_table_contains (done, GUINT_TO_POINTER (op)))
            {
              g_hash_table_replace (expected, g_strdup (parts[1]), g_strdup (parts[2]));
              n_done += !g_hash_table_contains (maybe, parts[1]);
            }
          else
            g_hash_table_replace (maybe, g_strdup (parts[1]), g_strdup (parts[2]));
        }
      n_under_way += g_hash_table_size (maybe) > 0;

      /* Every name as the log says, but those of the edit under way, which
       * are either as they were or as that edit made them. */
      doc = vaern_document_open (path, &error);
      g_assert_no_error (error);
      assets = vaern_document_get_assets (doc);
      {
        g_autoptr(GHashTable) actual = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              g_free);
        GHashTableIter iter;
        gpointer key, value;
        gboolean kept = FALSE;

        for (guint i = 0; i < g_list_model_get_n_items (assets); i++)
          {
            g_autoptr(VaernAsset) a = g_list_model_get_item (assets, i);

            g_hash_table_insert (actual, g_strdup (a->name),
                                 g_strconcat ("+", a->notes ? a->notes : "", NULL));
          }
        g_hash_table_iter_init (&iter, expected);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            const char *now = g_hash_table_lookup (actual, key);
            const char *under_way = g_hash_table_lookup (maybe, key);

            if (now == NULL)
              now = "-";
            if (under_way && g_str_equal (now, under_way) && !g_str_equal (now, value))
              kept = TRUE;
            else if (g_strcmp0 (now, value) != 0)
              g_error ("trial %u: “%s” is %s, but the log says %s", trial, (char *) key, now,
                       (char *) value);
          }
        g_hash_table_iter_init (&iter, actual);
        while (g_hash_table_iter_next (&iter, &key, &value))
          if (!g_hash_table_contains (expected, key))
            {
              const char *under_way = g_hash_table_lookup (maybe, key);

              if (under_way == NULL || !g_str_equal (under_way, value))
                g_error ("trial %u: “%s” is in the document but in no edit", trial, (char *) key);
              kept = TRUE;
            }
        n_under_way_kept += kept;
        /* What is there now is what the next trial starts from. */
        g_hash_table_remove_all (expected);
        g_hash_table_iter_init (&iter, actual);
        while (g_hash_table_iter_next (&iter, &key, &value))
          g_hash_table_insert (expected, g_strdup (key), g_strdup (value));
      }
      g_clear_object (&doc);
      g_unlink (log_path);
    }

  g_test_message ("%u trials killed with SIGKILL: %u left a rollback journal beside the file, "
                  "which opening rolled back; %u logged facts checked; %u kills came during an edit, of which %u "
                  "had committed; every file passed integrity_check and held every logged edit",
                  N_TRIALS, n_hot, n_done, n_under_way, n_under_way_kept);
  g_print ("# crash test: %u of %u trials passed; %u journals rolled back\n", N_TRIALS,
           N_TRIALS, n_hot);
  g_assert_cmpuint (n_hot, >, 0);
  g_rand_free (rand);
  vaern_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-during-edits", test_crash);
  return g_test_run ();
}
