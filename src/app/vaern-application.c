/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/vaern-date.h"
#include "vaern-application.h"
#include "vaern-cli.h"
#include "vaern-keyring.h"
#include "vaern-server-dialog.h"
#include "widgets/vaern-file-chooser.h"
#include "vaern-preferences-window.h"
#include "vaern-help-window.h"
#include "report/vaern-report.h"
#include "store/vaern-backups.h"
#include "vaern-window.h"

#define MAX_RECENT 10

struct _VaernApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;
  gboolean       open_demo;
};

G_DEFINE_FINAL_TYPE (VaernApplication, vaern_application, ADW_TYPE_APPLICATION)

GSettings *
vaern_application_get_settings (VaernApplication *self)
{
  g_return_val_if_fail (VAERN_IS_APPLICATION (self), NULL);
  return self->settings;
}

char **
vaern_application_get_recent (VaernApplication *self)
{
  return g_settings_get_strv (self->settings, "recent-documents");
}

static void
set_recent (VaernApplication   *self,
            const char         *add,
            const char         *remove)
{
  g_auto(GStrv) old = vaern_application_get_recent (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  guint n = 0;

  if (add)
    {
      g_strv_builder_add (builder, add);
      n++;
    }
  for (guint i = 0; old[i] && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], add) != 0 && g_strcmp0 (old[i], remove) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  list = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-documents", (const char *const *) list);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (VAERN_IS_WINDOW (l->data))
      vaern_window_refresh_recent (l->data);
}

void
vaern_application_add_recent (VaernApplication *self,
                              const char       *path)
{
  set_recent (self, path, NULL);
}

void
vaern_application_forget_recent (VaernApplication *self,
                                 const char       *path)
{
  set_recent (self, NULL, path);
}

static VaernWindow *
window_for_path (VaernApplication *self,
                 const char       *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      VaernDocument *doc;

      if (!VAERN_IS_WINDOW (l->data))
        continue;
      doc = vaern_window_get_document (l->data);
      if (doc && g_strcmp0 (vaern_document_get_path (doc), path) == 0)
        return l->data;
    }
  return NULL;
}

static VaernWindow *
window_without_document (VaernApplication *self,
                         GtkWindow        *preferred)
{
  if (VAERN_IS_WINDOW (preferred) && vaern_window_get_document (VAERN_WINDOW (preferred)) == NULL)
    return VAERN_WINDOW (preferred);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (VAERN_IS_WINDOW (l->data) && vaern_window_get_document (l->data) == NULL)
      return l->data;
  return vaern_window_new (ADW_APPLICATION (self));
}

static char *
canonical_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return g_file_get_path (file);
}

/* Safety copies. Once the window shows the document, a copy of it is made,
 * at most one a day (see vaern-backups.h), unless the person turned them
 * off; not of the demo documents, which live in the cache. */
typedef struct
{
  VaernDocument *doc;
  VaernWindow   *window;   /* weak */
} BackupJob;

static void
backup_job_free (gpointer data)
{
  BackupJob *job = data;

  g_clear_object (&job->doc);
  g_clear_weak_pointer (&job->window);
  g_free (job);
}

static gboolean
make_backup_cb (gpointer data)
{
  BackupJob *job = data;
  g_autoptr(GError) error = NULL;

  if (!vaern_backups_make_daily (job->doc, NULL, &error) && job->window != NULL)
    vaern_window_add_toast (job->window, adw_toast_new (error->message));
  return G_SOURCE_REMOVE;
}

static void
schedule_backup (VaernApplication *self,
                 VaernWindow      *window,
                 VaernDocument    *doc)
{
  const char *path = vaern_document_get_path (doc);
  BackupJob *job;

  if (!g_settings_get_boolean (self->settings, "backups") || vaern_document_get_read_only (doc)
      || g_str_has_prefix (path, g_get_user_cache_dir ()))
    return;
  job = g_new0 (BackupJob, 1);
  job->doc = g_object_ref (doc);
  g_set_weak_pointer (&job->window, window);
  g_idle_add_full (G_PRIORITY_LOW, make_backup_cb, job, backup_job_free);
}

/* A document on a server is opened off the main loop: the password is
 * looked up in the keyring, the connection made and the lists read in a
 * thread, and the window told when it is there. */
typedef struct
{
  char          *location;
  VaernWindow   *window;    /* strong */
  VaernDocument *doc;
  gboolean       password_refused;
} ServerOpen;

static void
server_open_free (gpointer data)
{
  ServerOpen *job = data;

  g_free (job->location);
  g_clear_object (&job->window);
  g_clear_object (&job->doc);
  g_free (job);
}

static void
server_open_thread (GTask        *task,
                    gpointer      source,
                    gpointer      data,
                    GCancellable *cancellable)
{
  ServerOpen *job = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  job->doc = vaern_document_open (job->location, &error);
  /* Refused for want of a password: the keyring's, if it has one. */
  if (job->doc == NULL && g_error_matches (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_PERMISSION)
      && (password = vaern_keyring_lookup_sync (job->location, cancellable, NULL)) != NULL)
    {
      g_clear_error (&error);
      vaern_location_set_password (job->location, password);
      job->doc = vaern_document_open (job->location, &error);
    }
  if (job->doc == NULL)
    {
      job->password_refused = g_error_matches (error, VAERN_STORE_ERROR,
                                               VAERN_STORE_ERROR_PERMISSION)
                              && strstr (error->message, "password") != NULL;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void server_chosen_cb (VaernServerDialog *dialog,
                              const char        *location,
                              VaernApplication  *self);

static void
ask_server (VaernApplication *self,
            GtkWindow        *parent,
            const char       *location,
            const char       *message)
{
  VaernServerDialog *dialog = vaern_server_dialog_new (parent, VAERN_SERVER_DIALOG_OPEN,
                                                       location, message);

  g_signal_connect_object (dialog, "chosen", G_CALLBACK (server_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
server_open_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VaernApplication *self = VAERN_APPLICATION (source);
  ServerOpen *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  vaern_window_set_busy (job->window, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_window_present (GTK_WINDOW (job->window));
      /* A password refused (or none given): asked for, with the reason. */
      if (job->password_refused)
        {
          ask_server (self, GTK_WINDOW (job->window), job->location, error->message);
          return;
        }
      /* Translators: heading of an error message */
      vaern_window_show_error (job->window, _("Could Not Open the Document"), error);
      return;
    }
  vaern_window_set_document (job->window, job->doc);
  vaern_application_add_recent (self, job->location);
  gtk_window_present (GTK_WINDOW (job->window));
}

static void
open_server (VaernApplication *self,
             const char       *location,
             VaernWindow      *target)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, server_open_done_cb, NULL);
  ServerOpen *job = g_new0 (ServerOpen, 1);
  g_autofree char *name = vaern_location_get_setting (location, "dbname");
  g_autofree char *label = NULL;

  job->location = g_strdup (location);
  job->window = g_object_ref (target);
  g_task_set_task_data (task, job, server_open_free);
  /* Translators: shown while Værn connects; %s is the database's name */
  label = g_strdup_printf (_("Connecting to “%s”…"), name ? name : location);
  vaern_window_set_busy (target, label);
  gtk_window_present (GTK_WINDOW (target));
  g_task_run_in_thread (task, server_open_thread);
}

static void
server_chosen_cb (VaernServerDialog *dialog,
                  const char        *location,
                  VaernApplication  *self)
{
  vaern_application_open_path (self, location,
                               gtk_window_get_transient_for (GTK_WINDOW (dialog)));
}

void
vaern_application_open_path (VaernApplication *self,
                             const char       *path,
                             GtkWindow        *window)
{
  g_autofree char *canonical = vaern_location_is_server (path) ? vaern_location_to_uri (path)
                                                              : canonical_path (path);
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  VaernWindow *target;

  g_return_if_fail (VAERN_IS_APPLICATION (self));

  if (canonical == NULL)
    canonical = g_strdup (path);

  /* Already open here: show that window rather than fail on the lock. */
  target = window_for_path (self, canonical);
  if (target)
    {
      gtk_window_present (GTK_WINDOW (target));
      return;
    }

  target = window_without_document (self, window);
  if (vaern_location_is_server (canonical))
    {
      open_server (self, canonical, target);
      return;
    }
  doc = vaern_document_open (canonical, &error);
  if (doc == NULL)
    {
      if (g_error_matches (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND))
        vaern_application_forget_recent (self, canonical);
      gtk_window_present (GTK_WINDOW (target));
      /* Translators: heading of an error message */
      vaern_window_show_error (target, _("Could Not Open the Document"), error);
      return;
    }

  vaern_window_set_document (target, doc);
  vaern_application_add_recent (self, canonical);
  gtk_window_present (GTK_WINDOW (target));
  schedule_backup (self, target, doc);
}

char *
vaern_application_make_demo (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "vaern", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = NULL;
  char *path;

  g_mkdir_with_parents (dir, 0700);
  /* Translators: file name of a fresh copy of the demo document; %s is a time stamp */
  name = g_strdup_printf (_("Eksempel Kommune (demo %s).vaern"), stamp);
  path = g_build_filename (dir, name, NULL);
  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s-%u.vaern", stamp, n);

      g_free (path);
      path = g_build_filename (dir, numbered, NULL);
    }
  if (!vaern_cli_make_sample (path, FALSE, error))
    g_clear_pointer (&path, g_free);
  return path;
}

/* Actions */

static GtkWindow *
active_window (VaernApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

/* The name chosen for a new document, with its extension, and not a
 * document open here. With remove_old, an old file there (which the file
 * chooser asked about) is removed. NULL, with the error shown under
 * heading, if that cannot be. */
static char *
free_new_path (VaernApplication *self,
               GtkWindow        *parent,
               GFile            *file,
               const char       *heading,
               gboolean          remove_old)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return NULL;
  if (!g_str_has_suffix (path, ".vaern"))
    {
      char *with_suffix = g_strconcat (path, ".vaern", NULL);

      g_free (path);
      path = with_suffix;
    }
  if (window_for_path (self, path))
    {
      g_set_error (&error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_BUSY,
                   _("That document is open. Close it first, or choose another name."));
      vaern_window_show_error (VAERN_WINDOW (parent), heading, error);
      return NULL;
    }
  if (remove_old && g_file_test (path, G_FILE_TEST_EXISTS) && g_unlink (path) != 0)
    {
      g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("The existing file cannot be replaced. Choose another name."));
      vaern_window_show_error (VAERN_WINDOW (parent), heading, error);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static void
new_chosen_cb (GtkWindow *parent,
               GFile     *file,
               gpointer   user_data)
{
  VaernApplication *self = user_data;
  /* Translators: heading of an error message */
  g_autofree char *path = free_new_path (self, parent, file, _("Could Not Create the Document"),
                                         TRUE);
  g_autofree char *organisation = NULL;
  g_autoptr(VaernDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  VaernWindow *target;

  if (path == NULL)
    return;

  /* The file name is the organisation's name until it is changed. */
  organisation = g_path_get_basename (path);
  organisation[strlen (organisation) - strlen (".vaern")] = '\0';
  doc = vaern_document_create (path, organisation, &error);
  if (doc == NULL)
    {
      vaern_window_show_error (VAERN_WINDOW (parent), _("Could Not Create the Document"), error);
      return;
    }
  target = window_without_document (self, parent);
  vaern_window_set_document (target, doc);
  vaern_application_add_recent (self, path);
  gtk_window_present (GTK_WINDOW (target));
}

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  VaernApplication *self = user_data;

  vaern_choose_file (active_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                     /* Translators: title of a file chooser */
                     _("New Document"), _("_Create"),
                     /* Translators: suggested file name of a new document */
                     _("My organisation.vaern"), VAERN_FILES_DOCUMENTS, new_chosen_cb, self);
}

static void
open_chosen_cb (GtkWindow *parent,
                GFile     *file,
                gpointer   user_data)
{
  g_autofree char *path = g_file_get_path (file);

  if (path)
    vaern_application_open_path (user_data, path, parent);
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  VaernApplication *self = user_data;

  vaern_choose_file (active_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                     /* Translators: title of a file chooser */
                     _("Open a Document"), _("_Open"), NULL, VAERN_FILES_DOCUMENTS,
                     open_chosen_cb, self);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  vaern_application_open_path (user_data, g_variant_get_string (param, NULL),
                               active_window (user_data));
}

static void
open_demo (VaernApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vaern_application_make_demo (&error);

  if (path == NULL)
    {
      VaernWindow *window = window_without_document (self, active_window (self));

      gtk_window_present (GTK_WINDOW (window));
      /* Translators: heading of an error message */
      vaern_window_show_error (window, _("Could Not Make the Demo Document"), error);
      return;
    }
  vaern_application_open_path (self, path, active_window (self));
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  open_demo (user_data);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  VaernApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window saves its size and closes its document. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  VaernApplication *self = user_data;
  const char *developers[] = { _("The Værn developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", active_window (self),
                        "application-icon", APP_ID,
                        "application-name", "Værn",
                        "version", PACKAGE_VERSION,
                        /* Translators: the about window */
                        "comments", _("Information security management after ISO/IEC 27001 for "
                                      "Danish public bodies."),
                        "developers", developers,
                        "developer-name", _("The Værn developers"),
                        "copyright", "© 2026 The Værn developers",
                        "website", "https://github.com/vaern/vaern",
                        "issue-url", "https://github.com/vaern/vaern/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *parent = active_window (user_data);
  VaernDocument *document = VAERN_IS_WINDOW (parent)
                            ? vaern_window_get_document (VAERN_WINDOW (parent)) : NULL;

  gtk_window_present (GTK_WINDOW (vaern_preferences_window_new (parent, document)));
}

/* F1: the user guide, at the page about the view shown. */
static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  static const char *const pages[][2] = {
    { "overview", "reports" }, { "register", "register" }, { "people", "register" },
    { "risks", "risks" }, { "soa", "soa" }, { "documents", "reports" }, { "wheel", "wheel" },
  };
  GtkWindow *window = active_window (user_data);
  const char *view = VAERN_IS_WINDOW (window) ? vaern_window_get_view_name (VAERN_WINDOW (window))
                                              : NULL;
  const char *page = view ? NULL : "start";

  for (guint i = 0; view && i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (view, pages[i][0]))
      page = pages[i][1];
  vaern_help_window_show (window, page);
}

/* The style of the preferences: the desktop's, or always light or dark. */
static void
style_changed_cb (VaernApplication *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (style, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (style, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

/* Import of a full export: the XML, then the new document's name; the
 * import runs in a thread of its own (it touches no open document), and
 * the new document opens when it is done. */
typedef struct
{
  char *xml_path;
  char *vaern_path;   /* where the document is made */
  char *target;       /* its name once made: vaern_path, or a file it replaces */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->xml_path);
  g_free (job->vaern_path);
  g_free (job->target);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  if (!vaern_report_import_full (job->xml_path, job->vaern_path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* A file the person chose to replace goes only now, when its
   * replacement is whole. */
  if (g_strcmp0 (job->vaern_path, job->target) != 0 && g_rename (job->vaern_path, job->target) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_basename (job->target);

      g_unlink (job->vaern_path);
      g_task_return_new_error (task, G_FILE_ERROR, g_file_error_from_errno (saved),
                               /* Translators: %s is a file name, then why */
                               _("“%s” could not be replaced: %s."), name, g_strerror (saved));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  VaernApplication *self = VAERN_APPLICATION (source);
  g_autoptr(GtkWindow) chooser_parent = user_data;
  GtkWindow *parent = chooser_parent;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_application_release (G_APPLICATION (self));
  /* The window may have closed while the import ran. */
  if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (self)), parent) == NULL)
    parent = active_window (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (VAERN_IS_WINDOW (parent))
        /* Translators: heading of an error message */
        vaern_window_show_error (VAERN_WINDOW (parent), _("Could Not Import the File"), error);
      else
        g_warning ("%s", error->message);
      return;
    }
  vaern_application_open_path (self, job->target, parent);
}

static void
import_target_chosen_cb (GtkWindow *parent,
                         GFile     *file,
                         gpointer   user_data)
{
  VaernApplication *self = VAERN_APPLICATION (g_application_get_default ());
  g_autofree char *xml_path = g_strdup (user_data);
  /* Translators: heading of an error message */
  g_autofree char *path = free_new_path (self, parent, file, _("Could Not Import the File"),
                                         FALSE);
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  if (path == NULL)
    return;

  job = g_new0 (ImportJob, 1);
  job->xml_path = g_steal_pointer (&xml_path);
  job->target = g_steal_pointer (&path);
  if (g_file_test (job->target, G_FILE_TEST_EXISTS))
    job->vaern_path = g_strdup_printf ("%s.import-%08x", job->target, g_random_int ());
  else
    job->vaern_path = g_strdup (job->target);
  {
    g_autofree char *name = g_filename_display_basename (job->xml_path);
    /* Translators: a toast while a file is imported; %s is its name */
    g_autofree char *text = g_strdup_printf (_("Importing “%s”…"), name);

    vaern_window_add_toast (VAERN_WINDOW (parent), adw_toast_new (text));
  }
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, import_done_cb, g_object_ref (parent));
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_source_chosen_cb (GtkWindow *parent,
                         GFile     *file,
                         gpointer   user_data)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (path == NULL)
    return;
  base = g_path_get_basename (path);
  if (g_str_has_suffix (base, ".xml"))
    base[strlen (base) - 4] = '\0';
  name = g_strconcat (base, ".vaern", NULL);
  vaern_choose_file_full (parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                          /* Translators: title of a file chooser */
                          _("The New Document"), _("_Create"), name, VAERN_FILES_DOCUMENTS,
                          import_target_chosen_cb, g_steal_pointer (&path), g_free);
}

static void
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  vaern_choose_file (active_window (user_data), GTK_FILE_CHOOSER_ACTION_OPEN,
                     /* Translators: title of a file chooser */
                     _("Import a Full Export"), _("_Import"), NULL, VAERN_FILES_XML,
                     import_source_chosen_cb, user_data);
}

/* Restoring a safety copy: the copy chosen in the backups folder becomes a
 * new document where the person says, and opens; the open document and the
 * copy itself stay as they are. */
static void
restore_target_chosen_cb (GtkWindow *parent,
                          GFile     *file,
                          gpointer   user_data)
{
  VaernApplication *self = VAERN_APPLICATION (g_application_get_default ());
  const char *backup = user_data;
  g_autofree char *path = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;

  /* Only a Værn document is restored: anything else chosen in the folder
   * is refused before a file at the target is replaced. */
  {
    g_autoptr(VaernDocument) check = vaern_document_open_snapshot (backup, &error);

    if (check == NULL)
      {
        /* Translators: heading of an error message */
        vaern_window_show_error (VAERN_WINDOW (parent), _("Could Not Restore the Backup"), error);
        return;
      }
  }
  path = free_new_path (self, parent, file, _("Could Not Restore the Backup"), TRUE);
  if (path == NULL)
    return;
  source = g_file_new_for_path (backup);
  target = g_file_new_for_path (path);
  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    {
      vaern_window_show_error (VAERN_WINDOW (parent), _("Could Not Restore the Backup"), error);
      return;
    }
  vaern_application_open_path (self, path, parent);
}

static void
restore_source_chosen_cb (GtkWindow *parent,
                          GFile     *file,
                          gpointer   user_data)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  gsize n;

  if (path == NULL)
    return;
  /* "Kommune-1a2b3c4d-2026-12-04.vaern" → "Kommune (gendannet 04-12-2026).vaern" */
  base = g_path_get_basename (path);
  n = strlen (base);
  if (g_str_has_suffix (base, ".vaern") && n > strlen ("-12345678-YYYY-MM-DD.vaern"))
    {
      g_autofree char *date = g_strndup (base + n - strlen ("YYYY-MM-DD.vaern"), 10);
      g_autofree char *day = vaern_date_format (date);

      base[n - strlen ("-12345678-YYYY-MM-DD.vaern")] = '\0';
      /* Translators: the name suggested for a restored safety copy: the
       * document's name and the day of the copy */
      name = g_strdup_printf (_("%s (restored %s).vaern"), base, *day ? day : date);
    }
  else
    name = g_strdup (base);
  vaern_choose_file_full (parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                          /* Translators: title of a file chooser */
                          _("Save the Restored Document"), _("_Save"), name,
                          VAERN_FILES_DOCUMENTS, restore_target_chosen_cb,
                          g_steal_pointer (&path), g_free);
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  vaern_choose_file (active_window (user_data), GTK_FILE_CHOOSER_ACTION_OPEN,
                     /* Translators: title of a file chooser */
                     _("Restore a Backup"), _("_Restore"), NULL, VAERN_FILES_BACKUPS,
                     restore_source_chosen_cb, user_data);
}

static void
open_server_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  VaernApplication *self = user_data;
  GtkWindow *parent = active_window (self);

  if (parent == NULL)
    {
      parent = GTK_WINDOW (vaern_window_new (ADW_APPLICATION (self)));
      gtk_window_present (parent);
    }
  ask_server (self, parent, NULL, NULL);
}

static const GActionEntry app_actions[] = {
  { "open-server", open_server_action },
  { "restore-backup", restore_backup_action },
  { "new", new_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "open-demo", open_demo_action },
  { "import", import_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "quit", quit_action },
};

static const VaernAccel accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.open-server", { "<Control><Shift>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.close-document", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.show-view::overview", { "<Alt>1", NULL } },
  { "win.show-view::register", { "<Alt>2", NULL } },
  { "win.show-view::people", { "<Alt>3", NULL } },
  { "win.show-view::risks", { "<Alt>4", NULL } },
  { "win.show-view::soa", { "<Alt>5", NULL } },
  { "win.show-view::documents", { "<Alt>6", NULL } },
  { "win.show-view::wheel", { "<Alt>7", NULL } },
};

const VaernAccel *
vaern_application_get_accels (guint *n_accels)
{
  *n_accels = G_N_ELEMENTS (accels);
  return accels;
}

/* Startup, activation and the command line */

static void
vaern_application_startup (GApplication *application)
{
  VaernApplication *self = VAERN_APPLICATION (application);

  G_APPLICATION_CLASS (vaern_application_parent_class)->startup (application);

  /* Only the window needs settings; the command line works without an
   * installed schema. */
  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  style_changed_cb (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
vaern_application_activate (GApplication *application)
{
  VaernApplication *self = VAERN_APPLICATION (application);
  GtkWindow *window = active_window (self);
  g_autofree char *last = NULL;

  if (self->open_demo)
    {
      self->open_demo = FALSE;
      open_demo (self);
      return;
    }
  if (window)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (vaern_window_new (ADW_APPLICATION (self)));
  gtk_window_present (window);

  last = g_settings_get_string (self->settings, "last-document");
  if (last && *last && (vaern_location_is_server (last) || g_file_test (last, G_FILE_TEST_EXISTS)))
    vaern_application_open_path (self, last, window);
}

static void
vaern_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  VaernApplication *self = VAERN_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL && (g_file_has_uri_scheme (files[i], "postgresql")
                           || g_file_has_uri_scheme (files[i], "postgres")))
        path = g_file_get_uri (files[i]);
      if (path)
        vaern_application_open_path (self, path, NULL);
    }
}

static int
vaern_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  VaernApplication *self = VAERN_APPLICATION (application);
  const char *path = NULL;
  /* "^a&ay" gives a new array of strings owned by the options. */
  g_autofree const char **rest = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("vaern %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "write-demo", "^&ay", &path))
    return vaern_cli_write_demo (path);
  if (g_variant_dict_lookup (options, "write-large", "^&ay", &path))
    return vaern_cli_write_large (path);
  if (g_variant_dict_lookup (options, "import-systems", "^&ay", &path))
    {
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest);
      if (rest && rest[0] && rest[1])
        {
          g_printerr ("vaern: %s\n", _("--import-systems takes one document."));
          return 1;
        }
      return vaern_cli_import_systems (path, rest ? rest[0] : NULL);
    }
  if (g_variant_dict_lookup (options, "import", "^&ay", &path))
    {
      const char *output = NULL;

      g_variant_dict_lookup (options, "output", "^&ay", &output);
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest);
      if (rest && rest[0])
        {
          /* Translators: do not translate the options */
          g_printerr ("vaern: %s\n", _("--import makes a new document: give it with --output."));
          return 1;
        }
      return vaern_cli_import (path, output);
    }
  if (g_variant_dict_lookup (options, "publish", "^&ay", &path))
    {
      const char *to = NULL;

      g_variant_dict_lookup (options, "to", "&s", &to);
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest);
      if (rest && rest[0])
        {
          /* Translators: do not translate the options */
          g_printerr ("vaern: %s\n", _("--publish copies one document: give where with --to."));
          return 1;
        }
      return vaern_cli_publish (path, to);
    }
  if (g_variant_dict_contains (options, "to"))
    {
      /* Translators: do not translate the options */
      g_printerr ("vaern: %s\n", _("--to goes with --publish=FILE."));
      return 1;
    }
  if (g_variant_dict_contains (options, "export"))
    {
      VaernCliExport export = { NULL };
      g_autofree const char **files = NULL;

      g_variant_dict_lookup (options, "export", "&s", &export.what);
      g_variant_dict_lookup (options, "output", "^&ay", &export.output);
      g_variant_dict_lookup (options, "scope", "&s", &export.scope);
      g_variant_dict_lookup (options, "show", "&s", &export.show);
      if (g_variant_dict_contains (options, "year"))
        {
          g_variant_dict_lookup (options, "year", "i", &export.year);
          if (export.year < 1900 || export.year > 9999)
            {
              /* Translators: do not translate the option */
              g_printerr ("vaern: %s\n", _("--year takes a year such as 2027."));
              return 1;
            }
        }
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      if (files && files[0] && files[1])
        {
          g_printerr ("vaern: %s\n", _("--export takes one document."));
          return 1;
        }
      export.document = files ? files[0] : NULL;
      return vaern_cli_export (&export);
    }
  /* The export's options without --export would otherwise open a window. */
  if (g_variant_dict_contains (options, "output") || g_variant_dict_contains (options, "scope")
      || g_variant_dict_contains (options, "show") || g_variant_dict_contains (options, "year"))
    {
      /* Translators: do not translate the options */
      g_printerr ("vaern: %s\n", _("--output, --scope, --show and --year go with --export=WHAT."));
      return 1;
    }
  if (g_variant_dict_contains (options, "demo"))
    self->open_demo = TRUE;

  /* Remaining arguments are files to open, here or in the instance that is
   * already running. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &rest) && rest && rest[0])
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("vaern: %s\n", error->message);
          return 1;
        }
      for (guint i = 0; rest[i]; i++)
        {
          /* A database on a server travels as its postgresql:// URI. */
          g_autofree char *uri = vaern_location_is_server (rest[i])
                                 ? vaern_location_to_uri (rest[i]) : NULL;

          if (vaern_location_is_server (rest[i]) && uri == NULL)
            {
              g_printerr ("vaern: ");
              /* Translators: %s is what was given on the command line */
              g_printerr (_("“%s” is not a server's address that Værn can read."), rest[i]);
              g_printerr ("\n");
              return 1;
            }
          g_ptr_array_add (files, uri ? g_file_new_for_uri (uri)
                                      : g_file_new_for_commandline_arg (rest[i]));
        }
      g_application_open (application, (GFile **) files->pdata, files->len, "");
      /* The running instance has them; this one is done. Here, go on and
       * run: activation then just presents the window. */
      return g_application_get_is_remote (application) ? 0 : -1;
    }
  return -1;
}

static void
vaern_application_finalize (GObject *object)
{
  VaernApplication *self = VAERN_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vaern_application_parent_class)->finalize (object);
}

static void
vaern_application_class_init (VaernApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vaern_application_finalize;
  app_class->startup = vaern_application_startup;
  app_class->activate = vaern_application_activate;
  app_class->open = vaern_application_open;
  app_class->handle_local_options = vaern_application_handle_local_options;
}

static void
vaern_application_init (VaernApplication *self)
{
  const GOptionEntry entries[] = {
    /* Translators: command-line option description */
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open a fresh copy of the demo document"), NULL },
    { "write-demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      /* Translators: command-line option description */
      N_("Write the demo document to FILE and exit"), N_("FILE") },
    { "write-large", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      /* Translators: command-line option description */
      N_("Write a large generated document to FILE and exit"), N_("FILE") },
    { "import-systems", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      /* Translators: command-line option description */
      N_("Add the systems of a CSV list to the document and exit"), N_("LIST.csv") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      /* Translators: command-line option description */
      N_("Make the new document given by --output from a full XML export and exit"),
      N_("IN.xml") },
    { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
      /* Translators: command-line option description; do not translate the list */
      N_("Export WHAT (full, systems, risks, soa, wheel, management, heat-map or wheel-picture) to the file given by --output and exit"), N_("WHAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      /* Translators: command-line option description */
      N_("The file to export to; its extension chooses the format"), N_("OUT") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, NULL,
      /* Translators: command-line option description; do not translate all, unit: and system: */
      N_("What the heat map covers: all, unit:NAME or system:NAME"), N_("SCOPE") },
    { "show", 0, 0, G_OPTION_ARG_STRING, NULL,
      /* Translators: command-line option description; do not translate both, before and after */
      N_("The heat map's matrices: both, before or after treatment"), N_("WHICH") },
    { "publish", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      /* Translators: command-line option description */
      N_("Copy the whole document to the new file or empty database given by --to and exit"),
      N_("FILE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
      /* Translators: command-line option description */
      N_("Where --publish copies to: a new .vaern file, or postgresql://SERVER/DATABASE"),
      N_("LOCATION") },
    { "year", 0, 0, G_OPTION_ARG_INT, NULL,
      /* Translators: command-line option description */
      N_("The year of the annual wheel (default: this year)"), N_("YEAR") },
    /* Translators: command-line option description */
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  /* Translators: the command line's summary */
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Information security management after ISO/IEC 27001."));
}

VaernApplication *
vaern_application_new (void)
{
  return g_object_new (VAERN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/vaern/Vaern",
                       NULL);
}
