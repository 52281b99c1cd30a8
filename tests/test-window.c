/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app/vaern-application.h"
#include "app/vaern-cli.h"
#include "app/vaern-preferences-window.h"
#include "app/vaern-window.h"
#include "store/vaern-backups.h"
#include "app/vaern-help-window.h"
#include "views/vaern-register-view.h"
#include "views/vaern-view.h"
#include "views/vaern-risks-view-private.h"
#include "widgets/vaern-table.h"
#include "vaern-test-util.h"
#include "vaern-test-view.h"

/* The application and its window under a virtual display: opening, the
 * title, refusing bad files with a message, read-only documents, the same
 * document twice, closing, undo from the window, and the settings that
 * survive a restart. */

static VaernApplication *app;
static char *dir;
static char *demo;

static void
iterate (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static VaernWindow *
only_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l; l = l->next)
    if (VAERN_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static AdwMessageDialog *
find_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
close_messages (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message ()))
    gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

static void
test_open (void)
{
  VaernWindow *window;
  VaernDocument *doc;
  GSettings *settings = vaern_application_get_settings (app);
  g_autofree char *last = NULL;
  g_auto(GStrv) recent = NULL;

  vaern_application_open_path (app, demo, NULL);
  iterate ();
  window = only_window ();
  g_assert_nonnull (window);
  doc = vaern_window_get_document (window);
  g_assert_nonnull (doc);
  g_assert_cmpstr (vaern_document_get_path (doc), ==, demo);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "demo.vaern"));

  /* Opened for editing, it gets today's safety copy once the window is up. */
  {
    g_autofree char *copy = vaern_backups_find_newest (demo, NULL);

    g_assert_nonnull (copy);
    g_assert_true (g_str_has_prefix (copy, g_getenv ("XDG_DATA_HOME")));
    g_unlink (copy);
  }

  /* The document is remembered for the next start and in the recent list. */
  last = g_settings_get_string (settings, "last-document");
  g_assert_cmpstr (last, ==, demo);
  recent = vaern_application_get_recent (app);
  g_assert_cmpstr (recent[0], ==, demo);

  /* Opening it again shows the same window, not a second one. */
  vaern_application_open_path (app, demo, NULL);
  iterate ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (vaern_window_get_document (window) == doc);
}

static void
test_search_shortcut (void)
{
  VaernWindow *window = only_window ();
  GtkWidget *view = vaern_window_get_view (window, "register");
  GtkWidget *search;

  vaern_window_show_view (window, "register");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  iterate ();
  search = GTK_WIDGET (gtk_widget_get_template_child (view, VAERN_TYPE_REGISTER_VIEW,
                                                      "search_entry"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search)
                 || gtk_root_get_focus (GTK_ROOT (window)) == search);
  g_assert_true (gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.search")[0]
                 != NULL);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
has_accel (const char *action,
           const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  return g_strv_contains ((const char *const *) accels, accel);
}

/* F1 opens the user guide at the page of the view shown, Ctrl+, the
 * preferences of the window's document, Ctrl+? the shortcuts window. */
static void
test_help_and_preferences (void)
{
  VaernWindow *window = only_window ();
  GtkWindow *help;
  GtkWindow *prefs;

  g_assert_true (has_accel ("app.help", "F1"));
  g_assert_true (has_accel ("app.preferences", "<Control>comma"));
  g_assert_true (has_accel ("win.show-help-overlay", "<Control>question"));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  vaern_window_show_view (window, "risks");
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  iterate ();
  help = find_toplevel (VAERN_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);
  g_assert_cmpstr (vaern_help_window_get_page (VAERN_HELP_WINDOW (help)), ==, "risks");
  gtk_window_destroy (help);
  iterate ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate ();
  prefs = find_toplevel (VAERN_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
  {
    GtkEditable *name = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                     VAERN_TYPE_PREFERENCES_WINDOW,
                                                                     "name_row"));

    g_assert_cmpstr (gtk_editable_get_text (name), ==,
                     vaern_document_get_organisation (vaern_window_get_document (window)));
  }
  gtk_window_destroy (prefs);
  iterate ();
}

/* Tab from the sidebar goes into the view shown, and Shift+Tab round to
 * its last control, without switching views. */
static void
test_sidebar_tab (void)
{
  VaernWindow *window = only_window ();
  GtkWidget *sidebar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                  VAERN_TYPE_WINDOW,
                                                                  "stack_sidebar"));
  GtkWidget *view = vaern_window_get_view (window, "register");
  GtkWidget *focus;

  vaern_window_show_view (window, "register");
  iterate ();
  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD));
  g_assert_true (vaern_test_press_key (sidebar, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, view));

  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD));
  g_assert_true (vaern_test_press_key (sidebar, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_false (gtk_widget_is_ancestor (focus, sidebar));
  g_assert_cmpstr (vaern_window_get_view_name (window), ==, "register");
}

/* From a system in the register, its risk assessment is one action away
 * (Ctrl+K): the risks view shows that system's risks only. */
static void
test_register_to_risks (void)
{
  VaernWindow *window = only_window ();
  GtkWidget *register_view = vaern_window_get_view (window, "register");
  GtkWidget *risks_view = vaern_window_get_view (window, "risks");
  VaernTable *table = VAERN_TABLE (gtk_widget_get_template_child (register_view,
                                                                   VAERN_TYPE_REGISTER_VIEW,
                                                                   "table"));
  GListModel *shown_assets = G_LIST_MODEL (vaern_table_get_selection (table));
  GListModel *shown_risks;
  g_autoptr(VaernAsset) asset = NULL;
  guint i;

  vaern_window_show_view (window, "register");
  iterate ();
  /* The first system with risks. */
  for (i = 0; i < g_list_model_get_n_items (shown_assets); i++)
    {
      g_autoptr(VaernAsset) a = g_list_model_get_item (shown_assets, i);

      if (a->n_risks > 0)
        {
          asset = g_steal_pointer (&a);
          break;
        }
    }
  g_assert_nonnull (asset);
  g_assert_cmpuint (asset->max_residual_band, >, 0);
  vaern_table_select (table, i);
  g_assert_true (gtk_widget_activate_action (register_view, "register.show-risks", NULL));
  iterate ();
  g_assert_true (vaern_window_get_view (window, "risks") == risks_view);
  g_assert_true (gtk_widget_is_visible (risks_view));
  shown_risks = vaern_risks_view_get_shown (VAERN_RISKS_VIEW (risks_view));
  g_assert_cmpuint (g_list_model_get_n_items (shown_risks), ==, asset->n_risks);
  for (i = 0; i < g_list_model_get_n_items (shown_risks); i++)
    {
      g_autoptr(VaernRisk) risk = g_list_model_get_item (shown_risks, i);

      g_assert_cmpint (risk->asset_id, ==, vaern_record_get_id (VAERN_RECORD (asset)));
    }
  vaern_window_show_view (window, "register");
}

static void
test_undo_from_window (void)
{
  VaernWindow *window = only_window ();
  VaernDocument *doc = vaern_window_get_document (window);
  gint64 id = vaern_document_find_asset_by_name (doc, "GeoKort");
  g_autoptr(GError) error = NULL;

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_true (vaern_document_delete_asset (doc, id, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  iterate ();
  g_assert_cmpint (vaern_document_find_asset_by_name (doc, "GeoKort"), ==, id);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));
}

/* The Reports menu: its actions are there while a document is open, and
 * each writes its file through the report writers; printing the
 * management report lays out the same pages as its PDF. */
static void
test_reports (void)
{
  VaernWindow *window = only_window ();
  g_autofree char *dir = vaern_test_tmpdir ();
  const char *const keys[] = { "management-pdf", "management-html", "management-xml",
                               "systems", "full" };
  const char *const names[] = { "m.pdf", "m.html", "m.xml", "s.xml", "f.xml" };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-report"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print-report"));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      g_assert_true (vaern_window_write_report (window, keys[i], path, &error));
      g_assert_no_error (error);
      bytes = vaern_test_read (path);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
    }
  {
    g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
    g_autoptr(GBytes) bytes = NULL;

    g_assert_true (vaern_window_print_report (window, path, &error));
    g_assert_no_error (error);
    VAERN_TEST_WAIT (vaern_test_file_written (path));
    bytes = vaern_test_read (path);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF"));
  }
  vaern_test_rmdir (dir);
}

static void
test_refuse (void)
{
  VaernWindow *window = only_window ();
  g_autofree char *foreign = g_build_filename (dir, "foreign.vaern", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.vaern", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  VaernDocument *doc = vaern_window_get_document (window);

  g_file_set_contents (foreign, "Dette er ikke et Værn-dokument", -1, NULL);
  before = vaern_test_read (foreign);
  vaern_application_open_path (app, foreign, GTK_WINDOW (window));
  iterate ();
  /* A message says why, the open document stays, the file is unchanged. */
  g_assert_nonnull (find_message ());
  g_assert_nonnull (adw_message_dialog_get_body (find_message ()));
  g_assert_true (vaern_window_get_document (window) == doc);
  after = vaern_test_read (foreign);
  g_assert_true (g_bytes_equal (before, after));
  close_messages ();

  vaern_application_open_path (app, missing, GTK_WINDOW (window));
  iterate ();
  g_assert_nonnull (find_message ());
  close_messages ();
}

/* The first button in the widget tree that activates the action. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_close_and_read_only (void)
{
  VaernWindow *window = only_window ();
  g_autofree char *copy = g_build_filename (dir, "readonly.vaern", NULL);
  g_autoptr(GError) error = NULL;
  GtkRevealer *notice;

  /* Close: the welcome page, and nothing reopens at the next start. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "close-document", NULL);
  iterate ();
  g_assert_null (vaern_window_get_document (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save-as"));

  g_assert_true (vaern_cli_make_sample (copy, FALSE, &error));
  g_chmod (copy, 0444);
  vaern_application_open_path (app, copy, GTK_WINDOW (window));
  iterate ();
  g_assert_nonnull (vaern_window_get_document (window));
  g_assert_true (vaern_document_get_read_only (vaern_window_get_document (window)));
  notice = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), VAERN_TYPE_WINDOW,
                                                        "read_only_revealer"));
  g_assert_true (gtk_revealer_get_reveal_child (notice));
  /* The editing buttons are off; looking still works. */
  g_assert_nonnull (find_button (vaern_window_get_view (window, "register"), "register.add"));
  g_assert_false (gtk_widget_get_sensitive (find_button (vaern_window_get_view (window, "register"),
                                                         "register.add")));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
}

/* The open document is deleted by another program: a message offers to
 * save a copy, and the data is still there to save. */
static void
test_file_disappears (void)
{
  VaernWindow *window = only_window ();
  g_autofree char *path = g_build_filename (dir, "doomed.vaern", NULL);
  g_autofree char *copy = g_build_filename (dir, "rescued.vaern", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (vaern_cli_make_sample (path, FALSE, &error));
  vaern_application_open_path (app, path, GTK_WINDOW (window));
  iterate ();
  window = only_window ();
  g_assert_cmpstr (vaern_document_get_path (vaern_window_get_document (window)), ==, path);

  g_unlink (path);
  /* The file monitor tells the window; it says so in a message. */
  VAERN_TEST_WAIT (find_message () != NULL);
  close_messages ();

  /* Saving a copy keeps everything. */
  g_assert_true (vaern_document_save_as (vaern_window_get_document (window), copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (
                      vaern_window_get_document (window))), >=, 40);
}

static void
test_window_size (void)
{
  VaernWindow *window = only_window ();
  GSettings *settings = vaern_application_get_settings (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  iterate ();
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  /* A new window starts at that size. */
  window = vaern_window_new (ADW_APPLICATION (app));
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* What a view asks of the window goes up as the window's actions: going
 * to another view and running its action there, from the view itself and
 * from a dialog over the window; a request outside any window is dropped. */
static void
test_view_requests (void)
{
  VaernWindow *window = only_window ();
  GtkWidget *register_view = vaern_window_get_view (window, "register");
  GtkWidget *risks_view = vaern_window_get_view (window, "risks");
  GtkWindow *dialog;
  GtkWidget *inside;
  GtkWidget *orphan;
  GListModel *shown;
  VaernDocument *doc = vaern_window_get_document (window);
  gint64 id = vaern_document_find_asset_by_name (doc, "GeoKort");
  guint n_all;

  vaern_window_show_view (window, "register");
  iterate ();
  vaern_view_go_to (register_view, "wheel", NULL, NULL);
  iterate ();
  g_assert_cmpstr (vaern_window_get_view_name (window), ==, "wheel");

  /* From a dialog: the request reaches the window under it. */
  dialog = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  inside = gtk_button_new ();
  gtk_window_set_child (dialog, inside);
  gtk_window_present (dialog);
  iterate ();
  g_assert_cmpint (id, >, 0);
  vaern_view_go_to (inside, "risks", "risks.show-asset", g_variant_new_int64 (id));
  iterate ();
  g_assert_cmpstr (vaern_window_get_view_name (window), ==, "risks");
  shown = vaern_risks_view_get_shown (VAERN_RISKS_VIEW (risks_view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(VaernRisk) risk = g_list_model_get_item (shown, i);

      g_assert_cmpint (risk->asset_id, ==, id);
    }
  vaern_view_go_to (inside, "risks", "risks.show-asset", g_variant_new_int64 (0));
  n_all = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n_all, >, 1);
  vaern_view_toast (inside, "A notification");
  vaern_view_offer_undo (inside, "Changed");
  gtk_window_destroy (dialog);

  /* A widget in no window: nothing happens, nothing breaks. */
  orphan = g_object_ref_sink (gtk_button_new ());
  vaern_view_go_to (orphan, "soa", NULL, NULL);
  vaern_view_toast (orphan, "Nobody hears this");
  g_object_unref (orphan);
  iterate ();
  g_assert_cmpstr (vaern_window_get_view_name (window), ==, "risks");
  vaern_window_show_view (window, "register");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    return 77;

  g_test_init (&argc, &argv, NULL);

  dir = vaern_test_tmpdir ();
  demo = g_build_filename (dir, "demo.vaern", NULL);
  g_assert_true (vaern_cli_make_sample (demo, FALSE, &error));
  g_assert_no_error (error);

  /* The safety copies go to a folder of the test's own. */
  data_home = g_build_filename (dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  app = vaern_application_new ();
  /* Not the desktop's instance: a private one for the test. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/vaern/window/open", test_open);
  g_test_add_func ("/vaern/window/search-shortcut", test_search_shortcut);
  g_test_add_func ("/vaern/window/help-and-preferences", test_help_and_preferences);
  g_test_add_func ("/vaern/window/sidebar-tab", test_sidebar_tab);
  g_test_add_func ("/vaern/window/register-to-risks", test_register_to_risks);
  g_test_add_func ("/vaern/window/undo", test_undo_from_window);
  g_test_add_func ("/vaern/window/view-requests", test_view_requests);
  g_test_add_func ("/vaern/window/reports", test_reports);
  g_test_add_func ("/vaern/window/refuse", test_refuse);
  g_test_add_func ("/vaern/window/close-and-read-only", test_close_and_read_only);
  g_test_add_func ("/vaern/window/file-disappears", test_file_disappears);
  g_test_add_func ("/vaern/window/size", test_window_size);

  status = g_test_run ();

  g_clear_object (&app);
  {
    g_autofree char *backups = vaern_backups_get_folder ();
    g_autofree char *vaern = g_path_get_dirname (backups);

    vaern_test_rmdir (backups);
    g_rmdir (vaern);
    g_rmdir (data_home);
  }
  vaern_test_rmdir (dir);
  g_free (dir);
  g_free (demo);
  return status;
}
