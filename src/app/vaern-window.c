/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-application.h"
#include "widgets/vaern-file-chooser.h"
#include "views/vaern-view.h"
#include "vaern-server-dialog.h"
#include "vaern-window.h"
#include "views/vaern-documents-view.h"
#include "views/vaern-overview-view.h"
#include "views/vaern-people-view.h"
#include "views/vaern-register-view.h"
#include "widgets/vaern-ui-util.h"
#include "views/vaern-risks-view.h"
#include "views/vaern-soa-view.h"
#include "views/vaern-wheel-view.h"

struct _VaernWindow
{
  AdwApplicationWindow parent_instance;

  VaernDocument  *document;
  GFileMonitor   *monitor;
  gboolean        missing_shown;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwToast        *undo_toast;     /* the Undo notification while it is shown */
  GtkStack        *main_stack;
  AdwLeaflet      *leaflet;
  GtkWidget       *content;
  GtkStack        *view_stack;
  GtkWidget      *stack_sidebar;
  AdwWindowTitle  *window_title;
  GtkWidget       *present_button;  /* who else works in the ISMS now (a server) */
  GtkLabel        *present_label;
  GtkRevealer     *read_only_revealer;
  GtkLabel        *read_only_label;
  GtkWidget       *read_only_button;
  guint            reconnect_source;  /* tries the server again, while it is lost */
  guint            alive_source;      /* looks whether a server's session is still there */
  gboolean         pinging;
  GtkListBox      *recent_list;
  GMenu           *recent_section;
  GtkRevealer     *busy_revealer;  /* "Connecting…", while it lasts */
  GtkSpinner      *busy_spinner;
  GtkLabel        *busy_label;
};

G_DEFINE_FINAL_TYPE (VaernWindow, vaern_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_actions (VaernWindow *self);

static GSettings *
settings (VaernWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    app = GTK_APPLICATION (g_application_get_default ());
  return vaern_application_get_settings (VAERN_APPLICATION (app));
}

void
vaern_window_add_toast (VaernWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (VAERN_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
vaern_window_show_error (VaernWindow  *self,
                         const char   *heading,
                         const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (VAERN_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error ? error->message : NULL);
  /* Translators: button that closes an error message */
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vaern_window_offer_undo (VaernWindow *self,
                         const char  *message)
{
  vaern_offer_undo (self->toast_overlay, &self->undo_toast, "win.undo", message);
}

VaernDocument *
vaern_window_get_document (VaernWindow *self)
{
  g_return_val_if_fail (VAERN_IS_WINDOW (self), NULL);
  return self->document;
}

static void
update_title (VaernWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), "Værn");
      return;
    }

  name = vaern_document_get_display_name (self->document);
  adw_window_title_set_title (self->window_title,
                              vaern_document_get_organisation (self->document));
  if (vaern_document_is_server (self->document))
    {
      /* Translators: the window's subtitle for an ISMS kept on a database
       * server; %s is "isms on db.example.dk:5432 (anne)" */
      g_autofree char *subtitle = g_strdup_printf (_("Shared on a server: %s"), name);

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, name);
  /* Translators: the window title: document file name — application name */
  title = g_strdup_printf (_("%s — Værn"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
document_changed_cb (VaernWindow *self)
{
  update_title (self);
  update_actions (self);
}

static void
file_gone_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       VaernWindow      *self)
{
  if (g_str_equal (response, "save"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

/* The file was moved away or deleted while open. The connection still
 * holds the data, so the person can save it somewhere else. */
static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    VaernWindow       *self)
{
  GtkWidget *dialog;

  if (event != G_FILE_MONITOR_EVENT_DELETED && event != G_FILE_MONITOR_EVENT_MOVED_OUT
      && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;
  if (self->missing_shown || g_file_query_exists (file, NULL))
    return;

  self->missing_shown = TRUE;
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   /* Translators: heading of a message */
                                   _("The Document Was Moved or Deleted"),
                                   /* Translators: body of a message */
                                   _("Another program moved or deleted the open document. "
                                     "Its contents are still here: save a copy to keep them."));
  /* Translators: a button */
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _("_Later"),
                                    /* Translators: a button */
                                    "save", _("_Save a Copy…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (file_gone_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
watch_file (VaernWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->monitor)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  self->missing_shown = FALSE;
  /* A server's document has no file to watch. */
  if (self->document == NULL || vaern_document_is_server (self->document))
    return;

  file = g_file_new_for_path (vaern_document_get_path (self->document));
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self, 0);
}

static void
for_each_view (VaernWindow *self,
               void       (*func) (VaernView *view, gpointer data),
               gpointer     data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child; child = gtk_widget_get_next_sibling (child))
    if (VAERN_IS_VIEW (child))
      func (VAERN_VIEW (child), data);
}

static void
set_view_document (VaernView *view,
                   gpointer   document)
{
  vaern_view_set_document (view, document);
}

static void
focus_view (VaernWindow *self)
{
  GtkWidget *view = gtk_stack_get_visible_child (self->view_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (view != NULL && self->document != NULL
      && (focus == NULL || !gtk_widget_is_ancestor (focus, view)))
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

static gboolean
focus_view_idle (gpointer user_data)
{
  VaernWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Unless the person has gone somewhere else meanwhile (the sidebar). */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack_sidebar)))
    focus_view (self);
  return G_SOURCE_REMOVE;
}

/* The notice above a document that cannot be changed: read-only, or its
 * server's connection lost (until it is back). */
static void
update_read_only_notice (VaernWindow *self)
{
  gboolean lost = self->document && !vaern_document_is_connected (self->document);
  gboolean reader = self->document && !lost && vaern_document_is_server (self->document)
                    && vaern_document_get_access (self->document) >= VAERN_ACCESS_READER;

  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 self->document && vaern_document_get_read_only (self->document));
  /* No copy can be read from a server that is gone, nor by a login that
   * may not read the change log a copy carries. */
  gtk_widget_set_visible (self->read_only_button, !lost && !reader);
  if (reader)
    gtk_label_set_text (self->read_only_label,
                        /* Translators: notice above a server's ISMS that the login may only read */
                        _("Your login on the server may read this ISMS but not change it. Ask "
                          "its administrator if you need to."));
  else if (lost)
    gtk_label_set_text (self->read_only_label,
                        /* Translators: notice above a document whose server cannot be reached */
                        _("The connection to the server is lost. You can look, but nothing can "
                          "be changed until it is back; Værn connects again by itself."));
  else
    gtk_label_set_text (self->read_only_label,
                        /* Translators: notice shown above a document that cannot be changed */
                        _("This document is read-only. You can look, but not change anything. "
                          "Save a copy to make changes."));
}

static void
ping_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VaernWindow *self = VAERN_WINDOW (source);
  g_autoptr(GError) error = NULL;

  self->pinging = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || self->document == NULL
      || vaern_document_is_connected (self->document))
    return;
  /* The server answers: the connection itself is quick now. */
  if (vaern_document_reconnect (self->document, &error))
    /* Translators: notification when a lost server connection is back */
    vaern_window_add_toast (self, adw_toast_new (_("Connected to the server again.")));
  else
    g_debug ("Reconnecting: %s", error->message);
}

static void
ping_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  g_task_return_boolean (task, vaern_location_ping (data));
}

static gboolean
try_reconnect_cb (gpointer data)
{
  VaernWindow *self = data;
  g_autoptr(GTask) task = NULL;

  if (self->document == NULL || vaern_document_is_connected (self->document))
    {
      self->reconnect_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->pinging)
    return G_SOURCE_CONTINUE;
  self->pinging = TRUE;
  task = g_task_new (self, NULL, ping_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (vaern_document_get_path (self->document)), g_free);
  g_task_run_in_thread (task, ping_thread);
  return G_SOURCE_CONTINUE;
}

/* Who else works in the same ISMS now: the header's button shows while
 * someone does, and lists them. */
static void
update_present (VaernWindow *self)
{
  g_auto(GStrv) names = self->document ? vaern_document_list_present (self->document) : NULL;
  gboolean anyone = names != NULL && names[0] != NULL;

  gtk_widget_set_visible (self->present_button, anyone);
  if (anyone)
    {
      g_autofree char *list = g_strjoinv ("\n", names);
      g_autofree char *line = g_strjoinv (", ", names);
      /* Translators: tooltip of the header's button; %s lists people, "Bo Holm, Dorte Lund" */
      g_autofree char *tooltip = g_strdup_printf (_("Also working here now: %s"), line);

      gtk_label_set_text (self->present_label, list);
      gtk_widget_set_tooltip_text (self->present_button, tooltip);
    }
}

static gboolean
check_alive_cb (gpointer data)
{
  VaernWindow *self = data;

  if (self->document == NULL || !vaern_document_is_server (self->document))
    {
      self->alive_source = 0;
      return G_SOURCE_REMOVE;
    }
  /* Does not wait; a lost session turns the window read-only at once. */
  if (vaern_document_check_connection (self->document))
    update_present (self);
  return G_SOURCE_CONTINUE;
}

static void
connected_changed_cb (VaernWindow *self)
{
  update_read_only_notice (self);
  update_actions (self);
  if (self->document && !vaern_document_is_connected (self->document)
      && self->reconnect_source == 0)
    self->reconnect_source = g_timeout_add_seconds (3, try_reconnect_cb, self);
}

void
vaern_window_set_document (VaernWindow   *self,
                           VaernDocument *document)
{
  g_return_if_fail (VAERN_IS_WINDOW (self));

  if (self->document == document)
    return;

  if (self->document)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      for_each_view (self, set_view_document, NULL);
      vaern_document_close (self->document);
      g_clear_object (&self->document);
    }

  if (document)
    {
      self->document = g_object_ref (document);
      g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
      g_signal_connect_swapped (document, "notify::can-undo", G_CALLBACK (update_actions), self);
      g_signal_connect_swapped (document, "notify::can-redo", G_CALLBACK (update_actions), self);
      g_signal_connect_swapped (document, "notify::path", G_CALLBACK (document_changed_cb), self);
      g_signal_connect_swapped (document, "notify::read-only", G_CALLBACK (document_changed_cb),
                                self);
      g_signal_connect_swapped (document, "notify::connected", G_CALLBACK (connected_changed_cb),
                                self);
      for_each_view (self, set_view_document, document);
      /* Others' changes come in as they commit them. */
      vaern_document_watch_server (document);
      if (vaern_document_is_server (document) && self->alive_source == 0)
        self->alive_source = g_timeout_add_seconds (5, check_alive_cb, self);
      gtk_stack_set_visible_child_name (self->main_stack, "document");
      /* Start in the view, so its shortcuts and the arrow keys work at once;
       * and again once the window is shown, which would otherwise give the
       * focus to the header bar's first button. */
      focus_view (self);
      g_idle_add_full (G_PRIORITY_LOW, focus_view_idle, g_object_ref (self), g_object_unref);
      g_settings_set_string (settings (self), "last-document", vaern_document_get_path (document));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      vaern_window_refresh_recent (self);
    }

  update_read_only_notice (self);
  watch_file (self);
  update_title (self);
  update_actions (self);
  update_present (self);
}

void
vaern_window_show_view (VaernWindow *self,
                        const char  *name)
{
  g_return_if_fail (VAERN_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->view_stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

GtkWidget *
vaern_window_get_view (VaernWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (VAERN_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->view_stack, name);
}

static void
update_actions (VaernWindow *self)
{
  gboolean has_doc = self->document != NULL;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               has_doc && vaern_document_can_undo (self->document));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               has_doc && vaern_document_can_redo (self->document));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "save-as");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               has_doc && vaern_document_is_connected (self->document));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "move-to-server");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               has_doc && !vaern_document_is_server (self->document));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "close-document");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_doc);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "search");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_doc);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "export-report");
  if (action)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_doc);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "print-report");
  if (action)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_doc);
}

/* Recent documents */

static void
recent_row_activated_cb (GtkListBox    *box,
                         GtkListBoxRow *row,
                         VaernWindow   *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  vaern_application_open_path (VAERN_APPLICATION (app), path, GTK_WINDOW (self));
}

void
vaern_window_refresh_recent (VaernWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_auto(GStrv) recent = NULL;
  GtkWidget *child;
  guint shown = 0;

  if (app == NULL)
    return;
  recent = vaern_application_get_recent (VAERN_APPLICATION (app));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  g_menu_remove_all (self->recent_section);

  for (guint i = 0; recent[i] && shown < 8; i++)
    {
      gboolean server = vaern_location_is_server (recent[i]);
      g_autofree char *name = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *menu_label = NULL;
      GtkWidget *row;

      if (server)
        {
          /* A server's ISMS beside the files: its database, and where. */
          g_autofree char *host = vaern_location_get_setting (recent[i], "host");
          g_autofree char *user = vaern_location_get_setting (recent[i], "user");

          name = vaern_location_get_setting (recent[i], "dbname");
          if (name == NULL)
            name = g_strdup (recent[i]);
          if (host && host[0] != '/')
            /* Translators: where a recent shared ISMS is: server and user name */
            dir = g_strdup_printf (_("On the server %s, as %s"), host,
                                   user ? user : g_get_user_name ());
          else
            /* Translators: where a recent shared ISMS is: a server on this
             * computer, and the user name */
            dir = g_strdup_printf (_("On a server on this computer, as %s"),
                                   user ? user : g_get_user_name ());
        }
      else
        {
          if (!g_file_test (recent[i], G_FILE_TEST_EXISTS))
            continue;
          name = g_filename_display_basename (recent[i]);
          dir = g_path_get_dirname (recent[i]);
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (server)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("network-server-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);

      menu_label = g_strdup (name);
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (menu_label, NULL);

        g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
        g_menu_append_item (self->recent_section, item);
      }
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
}

void
vaern_window_set_busy (VaernWindow *self,
                       const char  *label)
{
  g_return_if_fail (VAERN_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->busy_revealer, label != NULL);
  gtk_spinner_set_spinning (self->busy_spinner, label != NULL);
  if (label != NULL)
    gtk_label_set_text (self->busy_label, label);
}

/* Actions */

/* The document copied whole to a file or a database, off the main loop,
 * with the window insensitive meanwhile: Save As on a server's document
 * (the window stays on the server), and Move to a Server (it goes on
 * there). */
typedef struct
{
  VaernDocument *doc;
  char          *path;     /* a file, or a server location */
} PublishJob;

static void
publish_job_free (gpointer data)
{
  PublishJob *job = data;

  g_clear_object (&job->doc);
  g_free (job->path);
  g_free (job);
}

static void
publish_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  PublishJob *job = data;
  GError *error = NULL;

  if (vaern_document_publish (job->doc, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
publish (VaernWindow         *self,
         const char          *path,
         const char          *busy_label,
         GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, done, NULL);
  PublishJob *job = g_new0 (PublishJob, 1);

  job->doc = g_object_ref (self->document);
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, publish_job_free);
  vaern_window_set_busy (self, busy_label);
  /* Nothing is edited while the rows are read. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), FALSE);
  g_task_run_in_thread (task, publish_thread);
}

static void
copy_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VaernWindow *self = VAERN_WINDOW (source);
  PublishJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->path);
  g_autofree char *message = NULL;

  vaern_window_set_busy (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: heading of an error message */
      vaern_window_show_error (self, _("Could Not Save the Copy"), error);
      return;
    }
  /* Translators: notification; %s is a file name */
  message = g_strdup_printf (_("A copy was saved as “%s”. You are still working on the server."),
                             name);
  vaern_window_add_toast (self, adw_toast_new (message));
}

static void
save_copy_of_server (VaernWindow *self,
                     const char  *path)
{
  /* Translators: shown while a copy of a server's document is written */
  publish (self, path, _("Saving a copy…"), copy_done_cb);
}

static void
save_as_chosen_cb (GtkWindow *parent,
                   GFile     *file,
                   gpointer   user_data)
{
  VaernWindow *self = VAERN_WINDOW (parent);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  GtkApplication *app = gtk_window_get_application (parent);

  if (self->document == NULL || path == NULL)
    return;
  if (!g_str_has_suffix (path, ".vaern"))
    {
      char *with_suffix = g_strconcat (path, ".vaern", NULL);

      g_free (path);
      path = with_suffix;
    }
  if (vaern_document_is_server (self->document))
    {
      save_copy_of_server (self, path);
      return;
    }
  if (!vaern_document_save_as (self->document, path, &error))
    {
      /* Translators: heading of an error message */
      vaern_window_show_error (self, _("Could Not Save the Copy"), error);
      return;
    }
  vaern_application_add_recent (VAERN_APPLICATION (app), path);
  g_settings_set_string (settings (self), "last-document", path);
  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 vaern_document_get_read_only (self->document));
  watch_file (self);
  update_title (self);
  update_actions (self);
  /* Translators: notification after Save As */
  vaern_window_add_toast (self, adw_toast_new (_("Saved. You are now working in the copy.")));
}

/* Move to a Server: the open file copied into an empty database, and the
 * window goes on there. The file stays as it was. */
static void
move_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VaernWindow *self = VAERN_WINDOW (source);
  PublishJob *job = g_task_get_task_data (G_TASK (result));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  vaern_window_set_busy (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: heading of an error message */
      vaern_window_show_error (self, _("Could Not Move the Document"), error);
      return;
    }
  /* From now on the work is on the server. */
  vaern_window_set_document (self, NULL);
  vaern_application_open_path (VAERN_APPLICATION (app), job->path, GTK_WINDOW (self));
  /* Translators: notification after Move to a Server */
  vaern_window_add_toast (self, adw_toast_new (_("Moved to the server. The file was not changed.")));
}

static void
move_chosen_cb (VaernServerDialog *dialog,
                const char        *location,
                VaernWindow       *self)
{
  if (self->document == NULL)
    return;
  /* Translators: shown while the document is copied to a server */
  publish (self, location, _("Moving to the server…"), move_done_cb);
}

static void
move_to_server_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  VaernWindow *self = user_data;
  VaernServerDialog *dialog;

  if (self->document == NULL || vaern_document_is_server (self->document))
    return;
  dialog = vaern_server_dialog_new (GTK_WINDOW (self), VAERN_SERVER_DIALOG_MOVE, NULL, NULL);
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (move_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  VaernWindow *self = user_data;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;
  name = g_strdup_printf ("%s.vaern", vaern_document_get_organisation (self->document));
  vaern_choose_file (GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                     /* Translators: title of a file chooser */
                     _("Save a Copy"), _("_Save"), name, VAERN_FILES_DOCUMENTS,
                     save_as_chosen_cb, NULL);
}

static void
close_document_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  VaernWindow *self = user_data;

  vaern_window_set_document (self, NULL);
  g_settings_set_string (settings (self), "last-document", "");
}

static void
undo_redo (VaernWindow *self,
           gboolean     redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (self->document == NULL)
    return;
  label = g_strdup (redo ? vaern_document_get_redo_label (self->document)
                         : vaern_document_get_undo_label (self->document));
  ok = redo ? vaern_document_redo (self->document, &error)
            : vaern_document_undo (self->document, &error);
  if (!ok)
    {
      /* Translators: heading of an error message */
      vaern_window_show_error (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error);
      return;
    }
  message = redo
    /* Translators: notification; %s describes an edit, like "Delete “Journalix”" */
    ? g_strdup_printf (_("Redone: %s"), label)
    /* Translators: notification; %s describes an edit, like "Delete “Journalix”" */
    : g_strdup_printf (_("Undone: %s"), label);
  vaern_window_add_toast (self, adw_toast_new (message));
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  undo_redo (user_data, FALSE);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  undo_redo (user_data, TRUE);
}

static void
search_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  VaernWindow *self = user_data;
  GtkWidget *view = gtk_stack_get_visible_child (self->view_stack);

  adw_leaflet_set_visible_child (self->leaflet, self->content);
  if (VAERN_IS_VIEW (view))
    vaern_view_focus_search (VAERN_VIEW (view));
}

static void
show_view_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  vaern_window_show_view (user_data, g_variant_get_string (param, NULL));
}

/* What views and dialogs ask of the window (see vaern-view.h). */
static void
offer_undo_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  vaern_window_offer_undo (user_data, g_variant_get_string (param, NULL));
}

static void
toast_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  vaern_window_add_toast (user_data, adw_toast_new (g_variant_get_string (param, NULL)));
}

/* ("risks", "risks.show-asset", <int64 7>): the view is shown first, since a
 * view reads its document when it is first shown and that resets its
 * filters; then its action runs. */
static void
go_to_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  VaernWindow *self = user_data;
  const char *name;
  const char *view_action;
  g_autoptr(GVariant) target = NULL;   /* "mv": the value itself, or NULL */
  GtkWidget *view;

  g_variant_get (param, "(&s&smv)", &name, &view_action, &target);
  view = vaern_window_get_view (self, name);
  if (view == NULL)
    {
      g_warning ("No view called %s", name);
      return;
    }
  vaern_window_show_view (self, name);
  if (*view_action == '\0')
    return;
  if (!gtk_widget_activate_action_variant (view, view_action, target))
    g_warning ("The %s view has no action %s", name, view_action);
}

static void
show_sidebar_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  VaernWindow *self = user_data;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

const char *
vaern_window_get_view_name (VaernWindow *self)
{
  g_return_val_if_fail (VAERN_IS_WINDOW (self), NULL);
  if (vaern_window_get_document (self) == NULL)
    return NULL;
  return gtk_stack_get_visible_child_name (self->view_stack);
}

static void
visible_view_changed_cb (VaernWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->view_stack);

  if (name && gtk_window_get_application (GTK_WINDOW (self)))
    g_settings_set_string (settings (self), "sidebar-page", name);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  /* Folded, the sidebar is gone: the focus goes with the person to the view. */
  if (adw_leaflet_get_folded (self->leaflet) && gtk_stack_get_visible_child (self->view_stack))
    gtk_widget_child_focus (gtk_stack_get_visible_child (self->view_stack), GTK_DIR_TAB_FORWARD);
}

/* In the sidebar the arrow keys choose a view; Tab goes into the view shown
 * and Shift+Tab round to the view's last control, rather than from row to
 * row, which would switch views at every press. */
static gboolean
sidebar_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VaernWindow           *self)
{
  GtkWidget *view = gtk_stack_get_visible_child (self->view_stack);
  GtkDirectionType direction;

  if (view == NULL || !vaern_tab_direction (keyval, state, &direction))
    return FALSE;
  if (direction == GTK_DIR_TAB_BACKWARD)
    return vaern_focus_outside (self->stack_sidebar, GTK_DIR_TAB_BACKWARD);
  return gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

static const GActionEntry win_actions[] = {
  { "save-as", save_as_action },
  { "move-to-server", move_to_server_action },
  { "close-document", close_document_action },
  { "undo", undo_action },
  { "redo", redo_action },
  { "search", search_action },
  { "show-view", show_view_action, "s" },
  { "offer-undo", offer_undo_action, "s" },
  { "toast", toast_action, "s" },
  { "go-to", go_to_action, "(ssmv)" },
  { "show-sidebar", show_sidebar_action },
};

static gboolean
vaern_window_close_request (GtkWindow *window)
{
  VaernWindow *self = VAERN_WINDOW (window);
  GSettings *s = settings (self);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (s, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (s, "window-width", width);
      g_settings_set_int (s, "window-height", height);
    }
  vaern_window_set_document (self, NULL);

  return GTK_WINDOW_CLASS (vaern_window_parent_class)->close_request (window);
}

static void
vaern_window_dispose (GObject *object)
{
  VaernWindow *self = VAERN_WINDOW (object);

  if (self->monitor)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  g_clear_handle_id (&self->alive_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_WINDOW);

  G_OBJECT_CLASS (vaern_window_parent_class)->dispose (object);
}

static void
vaern_window_class_init (VaernWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vaern_window_dispose;
  window_class->close_request = vaern_window_close_request;

  g_type_ensure (VAERN_TYPE_REGISTER_VIEW);
  g_type_ensure (VAERN_TYPE_PEOPLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, busy_label);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, content);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, stack_sidebar);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, present_label);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, read_only_button);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, VaernWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_view_changed_cb);
}

static void
add_view (VaernWindow *self,
          GtkWidget   *view,
          const char  *name,
          const char  *title,
          const char  *icon_name)
{
  GtkStackPage *page = gtk_stack_add_titled (self->view_stack, view, name, title);

  gtk_stack_page_set_icon_name (page, icon_name);
}

static void
vaern_window_init (VaernWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (sidebar_key_cb), self);
    gtk_widget_add_controller (self->stack_sidebar, keys);
  }
  vaern_window_add_report_actions (self);

  /* Translators: a view in the sidebar: the ISMS's key figures and what needs attention */
  add_view (self, g_object_new (VAERN_TYPE_OVERVIEW_VIEW, NULL), "overview", _("Overview"),
            "view-grid-symbolic");
  /* Translators: a view in the sidebar: the register of IT systems and other assets */
  add_view (self, g_object_new (VAERN_TYPE_REGISTER_VIEW, NULL), "register", _("Systems"),
            "view-list-symbolic");
  /* Translators: a view in the sidebar: people, units and who holds which role */
  add_view (self, g_object_new (VAERN_TYPE_PEOPLE_VIEW, NULL), "people", _("People and Roles"),
            "system-users-symbolic");
  /* Translators: a view in the sidebar: risk assessment and the heat map */
  add_view (self, g_object_new (VAERN_TYPE_RISKS_VIEW, NULL), "risks", _("Risks"),
            "security-medium-symbolic");
  /* Translators: a view in the sidebar: the Statement of Applicability over Annex A */
  add_view (self, g_object_new (VAERN_TYPE_SOA_VIEW, NULL), "soa", _("Statement of Applicability"),
            "object-select-symbolic");
  /* Translators: a view in the sidebar: the documents register and management's approvals */
  add_view (self, g_object_new (VAERN_TYPE_DOCUMENTS_VIEW, NULL), "documents",
            _("Documents and Approvals"), "folder-documents-symbolic");
  /* Translators: a view in the sidebar: the annual wheel (årshjul) and plan */
  add_view (self, g_object_new (VAERN_TYPE_WHEEL_VIEW, NULL), "wheel", _("Annual Wheel"),
            "x-office-calendar-symbolic");

  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  update_actions (self);
}

/* GTK 4.8's shortcuts window leaves the buttons of its header bar (search,
 * and the sections' menu) without a name a screen reader can say. */
static void
name_shortcuts_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child))
        {
          /* Translators: the accessible name of the keyboard shortcuts window's sections menu */
          const char *label = _("Sections");

          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
          if (gtk_widget_get_first_child (child))
            gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (child)),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          continue;
        }
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        /* Translators: the accessible name of the keyboard
                                         * shortcuts window's search button */
                                        _("Search Shortcuts"), -1);
      name_shortcuts_buttons (child);
    }
}

VaernWindow *
vaern_window_new (AdwApplication *application)
{
  VaernWindow *self = g_object_new (VAERN_TYPE_WINDOW, "application", application, NULL);
  GSettings *s = settings (self);
  g_autofree char *page = g_settings_get_string (s, "sidebar-page");
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (overlay != NULL && gtk_window_get_titlebar (GTK_WINDOW (overlay)) != NULL)
    name_shortcuts_buttons (gtk_window_get_titlebar (GTK_WINDOW (overlay)));

  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (s, "window-width"),
                               g_settings_get_int (s, "window-height"));
  if (g_settings_get_boolean (s, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (gtk_stack_get_child_by_name (self->view_stack, page))
    gtk_stack_set_visible_child_name (self->view_stack, page);
  vaern_window_refresh_recent (self);
  return self;
}
