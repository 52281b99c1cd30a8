/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "app/vaern-application.h"
#include "app/vaern-cli.h"
#include "app/vaern-server-dialog.h"
#include "app/vaern-window.h"
#include "store/vaern-backups.h"
#include "views/vaern-register-view.h"
#include "views/vaern-risk-editor.h"
#include "vaern-test-backend.h"
#include "vaern-test-util.h"
#include "vaern-test-view.h"

/* The window on a document on a PostgreSQL server (the one
 * tests/with-postgresql.sh started), under a virtual display: a file moved
 * there through Move to a Server, the window then on the server (its
 * title, its actions), an edit and its undo from the window, and the
 * document opened again from Open Recent. */

/* A connection is made off the main loop; a lost one is tried again
 * every few seconds. */
#define SERVER_TIMEOUT_MS 30000

static VaernApplication *app;
static char *dir;

static VaernWindow *
only_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (VAERN_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
shows_server_document (VaernWindow *window)
{
  VaernDocument *doc = vaern_window_get_document (window);

  return doc != NULL && vaern_document_is_server (doc);
}

/* Runs the main loop until the window shows a document on the server (the
 * connection is made off the main loop), at most 30 s. */
static VaernDocument *
wait_for_server_document (VaernWindow *window)
{
  VAERN_TEST_WAIT_MS (shows_server_document (window), SERVER_TIMEOUT_MS);
  return vaern_window_get_document (window);
}

static VaernServerDialog *
find_server_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (VAERN_IS_SERVER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return VAERN_SERVER_DIALOG (window);
    }
  return NULL;
}

/* The entry row of the dialog with that title, as a person finds it. */
static GtkEditable *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return GTK_EDITABLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_row (child, title);

      if (found)
        return found;
    }
  return NULL;
}

static AdwWindowTitle *
find_title (GtkWidget *widget)
{
  if (ADW_IS_WINDOW_TITLE (widget) && gtk_widget_get_mapped (widget))
    return ADW_WINDOW_TITLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwWindowTitle *found = find_title (child);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_move_edit_undo_reopen (void)
{
  g_autofree char *path = g_build_filename (dir, "Flyttekommune.vaern", NULL);
  g_autofree char *location = vaern_test_new_database ("moved");
  g_autofree char *database = vaern_location_get_setting (location, "dbname");
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  VaernServerDialog *dialog;
  VaernWindow *window;
  VaernDocument *doc;
  gint64 id;
  guint n_assets;

  g_assert_true (vaern_cli_make_sample (path, FALSE, &error));
  g_assert_no_error (error);
  vaern_application_open_path (app, path, NULL);
  vaern_test_iterate ();
  window = only_window ();
  g_assert_nonnull (window);
  g_assert_false (vaern_document_is_server (vaern_window_get_document (window)));
  n_assets = g_list_model_get_n_items (vaern_document_get_assets (vaern_window_get_document (window)));

  /* Move to a Server: the dialog, its fields, Move. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "move-to-server"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "move-to-server", NULL);
  vaern_test_iterate ();
  dialog = find_server_dialog ();
  g_assert_nonnull (dialog);
  /* Nothing to connect to until every field is there. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "server.connect", NULL)
                  && find_server_dialog () == NULL);
  gtk_editable_set_text (find_row (GTK_WIDGET (dialog), "_Server"), g_getenv ("VAERN_TEST_PGHOST"));
  gtk_editable_set_text (find_row (GTK_WIDGET (dialog), "_Database"), database);
  gtk_editable_set_text (find_row (GTK_WIDGET (dialog), "_User Name"), g_getenv ("VAERN_TEST_PGUSER"));
  before = vaern_test_read (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "server.connect", NULL));
  doc = wait_for_server_document (window);
  vaern_test_iterate ();

  /* The window says where the document is, and what it may do there. */
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (find_title (GTK_WIDGET (window))),
                            "Shared on a server"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), database));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "move-to-server"));
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (doc)), ==, n_assets);
  /* The file was not changed by the move. */
  after = vaern_test_read (path);
  g_assert_true (g_bytes_equal (before, after));

  /* An edit on the server, and its undo from the window. */
  id = vaern_document_find_asset_by_name (doc, "GeoKort");
  g_assert_cmpint (id, >, 0);
  g_assert_true (vaern_document_delete_asset (doc, id, &error));
  g_assert_no_error (error);
  vaern_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (doc)), ==, n_assets - 1);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  vaern_test_iterate ();
  g_assert_cmpint (vaern_document_find_asset_by_name (doc, "GeoKort"), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_document_get_assets (doc)), ==, n_assets);

  /* Closed, and opened again from Open Recent, where it is listed. */
  uri = g_strdup (vaern_document_get_path (doc));
  g_assert_true (g_str_has_prefix (uri, "postgresql://"));
  {
    g_auto(GStrv) recent = vaern_application_get_recent (app);

    g_assert_true (g_strv_contains ((const char *const *) recent, uri));
  }
  g_action_group_activate_action (G_ACTION_GROUP (window), "close-document", NULL);
  vaern_test_iterate ();
  g_assert_null (vaern_window_get_document (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent",
                                  g_variant_new_string (uri));
  doc = wait_for_server_document (window);
  g_assert_cmpstr (vaern_document_get_organisation (doc), ==, "Eksempel Kommune");
  g_assert_cmpint (vaern_document_find_asset_by_name (doc, "GeoKort"), ==, id);
}

/* The server's session ended under the window: an edit is refused, the
 * window turns read-only with the notice that says why, and comes back by
 * itself once the server answers. */
static void
test_connection_lost (void)
{
  VaernWindow *window = only_window ();
  VaernDocument *doc = vaern_window_get_document (window);
  g_autoptr(VaernUnit) unit = vaern_unit_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (doc);
  g_assert_true (vaern_document_is_server (doc));
  g_assert_cmpint (vaern_test_exec (doc, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                         " WHERE datname = current_database ()"
                                         "   AND pid <> pg_backend_pid ()"), ==,
                   VAERN_TEST_SQL_OK);
  unit->name = g_strdup ("Under afbrydelsen");
  g_assert_cmpint (vaern_document_add_unit (doc, unit, &error), ==, 0);
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONNECTION);
  g_clear_error (&error);
  vaern_test_iterate ();
  g_assert_true (vaern_document_get_read_only (doc));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "move-to-server"));

  /* Back by itself, without a sleep of our own: the main loop runs until
   * the window has reconnected, at most 30 s. */
  VAERN_TEST_WAIT_MS (vaern_document_is_connected (doc), SERVER_TIMEOUT_MS);
  g_assert_false (vaern_document_get_read_only (doc));
  g_assert_cmpint (vaern_document_add_unit (doc, unit, &error), >, 0);
  g_assert_no_error (error);
}

/* Two windows on one server document, each with a session of its own (as
 * two people's would be): a system added in one appears in the other's
 * register without anyone asking, and a renamed one is renamed there. */
static void
test_two_windows (void)
{
  VaernWindow *first = only_window ();
  VaernDocument *doc = vaern_window_get_document (first);
  g_autofree char *location = g_strdup (vaern_document_get_path (doc));
  g_autoptr(VaernDocument) doc2 = NULL;
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(GError) error = NULL;
  VaernWindow *second;
  GtkWidget *reg;
  guint shown;
  gint64 id;

  g_assert_true (vaern_document_is_server (doc));
  vaern_window_show_view (first, "register");
  vaern_test_iterate ();
  reg = vaern_window_get_view (first, "register");
  shown = vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (reg));
  g_assert_cmpuint (shown, >, 0);

  doc2 = vaern_document_open (location, &error);
  g_assert_no_error (error);
  second = vaern_window_new (ADW_APPLICATION (app));
  vaern_window_set_document (second, doc2);
  gtk_window_present (GTK_WINDOW (second));
  vaern_window_show_view (second, "register");
  vaern_test_iterate ();

  /* Added in the second window's document, as its editor's Save does. */
  asset->name = g_strdup ("Fjernsystemet");
  id = vaern_document_add_asset (doc2, asset, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  VAERN_TEST_WAIT_MS (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (reg)) == shown + 1,
                      2000);
  g_assert_cmpint (vaern_document_find_asset_by_name (doc, "Fjernsystemet"), ==, id);

  g_clear_object (&asset);
  asset = vaern_document_get_asset (doc2, id, &error);
  g_assert_no_error (error);
  g_free (asset->name);
  asset->name = g_strdup ("Fjernsystemet omdøbt");
  g_assert_true (vaern_document_update_asset (doc2, asset, &error));
  g_assert_no_error (error);
  VAERN_TEST_WAIT_MS (vaern_document_find_asset_by_name (doc, "Fjernsystemet omdøbt") == id, 2000);
  gtk_window_destroy (GTK_WINDOW (second));
  vaern_test_iterate ();

  /* A colleague opens the ISMS with a login of their own: the header says
   * who works here now. */
  {
    GtkWidget *present = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (first),
                                                                   VAERN_TYPE_WINDOW,
                                                                   "present_button"));
    g_autoptr(VaernPerson) person = vaern_person_new ();
    g_autoptr(VaernDocument) colleague = NULL;
    g_autofree char *grant = NULL;
    g_autofree char *as_colleague = NULL;
    gint64 person_id;

    g_assert_false (gtk_widget_get_visible (present));
    person->name = g_strdup ("Karen Kollega");
    person_id = vaern_document_add_person (doc, person, &error);
    g_assert_no_error (error);
    grant = g_strdup_printf ("CREATE ROLE kollega LOGIN;"
                             "SELECT vaern_grant_access (%" G_GINT64_FORMAT ", 'kollega', 'reader')",
                             person_id);
    g_assert_cmpint (vaern_test_exec (doc, grant), ==, VAERN_TEST_SQL_OK);
    {
      g_autofree char *host = vaern_location_get_setting (location, "host");
      g_autofree char *dbname = vaern_location_get_setting (location, "dbname");

      as_colleague = g_strdup_printf ("host=%s dbname=%s user=kollega", host, dbname);
    }
    colleague = vaern_document_open (as_colleague, &error);
    g_assert_no_error (error);
    /* The window looks every five seconds. */
    VAERN_TEST_WAIT_MS (gtk_widget_get_visible (present), SERVER_TIMEOUT_MS);
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (present), "Karen Kollega"));
    /* The colleague's own window: read-only, saying why, and no copy to
     * save (a copy carries the change log, which a reader may not read). */
    {
      VaernWindow *theirs = vaern_window_new (ADW_APPLICATION (app));
      GtkRevealer *notice = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (theirs),
                                                                         VAERN_TYPE_WINDOW,
                                                                         "read_only_revealer"));
      GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (theirs),
                                                                  VAERN_TYPE_WINDOW,
                                                                  "read_only_label"));
      GtkWidget *copy = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (theirs),
                                                                   VAERN_TYPE_WINDOW,
                                                                   "read_only_button"));

      vaern_window_set_document (theirs, colleague);
      gtk_window_present (GTK_WINDOW (theirs));
      vaern_test_iterate ();
      g_assert_true (gtk_revealer_get_reveal_child (notice));
      g_assert_nonnull (strstr (gtk_label_get_text (label), "may read this ISMS"));
      g_assert_false (gtk_widget_get_visible (copy));
      gtk_window_destroy (GTK_WINDOW (theirs));
      vaern_test_iterate ();
    }
    g_clear_object (&colleague);
    VAERN_TEST_WAIT_MS (!gtk_widget_get_visible (present), SERVER_TIMEOUT_MS);
  }

  /* Management in the risk editor: only the acceptance may be changed,
   * and Save writes just that. */
  {
    g_autoptr(VaernPerson) chief = vaern_person_new ();
    g_autoptr(VaernDocument) boss = NULL;
    g_autoptr(VaernRisk) risk = NULL;
    g_autofree char *grant = NULL;
    g_autofree char *as_boss = NULL;
    g_autofree char *host = vaern_location_get_setting (location, "host");
    g_autofree char *dbname = vaern_location_get_setting (location, "dbname");
    g_autofree char *check = NULL;
    VaernRiskEditor *editor;
    gint64 chief_id;

    chief->name = g_strdup ("Dorte Direktør");
    chief_id = vaern_document_add_person (doc, chief, &error);
    g_assert_no_error (error);
    grant = g_strdup_printf ("CREATE ROLE chef LOGIN;"
                             "SELECT vaern_grant_access (%" G_GINT64_FORMAT ", 'chef', 'management')",
                             chief_id);
    g_assert_cmpint (vaern_test_exec (doc, grant), ==, VAERN_TEST_SQL_OK);
    as_boss = g_strdup_printf ("host=%s dbname=%s user=chef", host, dbname);
    boss = vaern_document_open (as_boss, &error);
    g_assert_no_error (error);
    risk = g_list_model_get_item (vaern_document_get_risks (boss), 0);
    g_assert_nonnull (risk);
    editor = vaern_risk_editor_new (GTK_WINDOW (first), boss, risk, 0);
    g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
    gtk_window_present (GTK_WINDOW (editor));
    vaern_test_iterate ();
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (editor), VAERN_TYPE_RISK_EDITOR, "title_row"))));
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (editor), VAERN_TYPE_RISK_EDITOR, "accepted_by_row"))));
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (
      GTK_WIDGET (editor), VAERN_TYPE_RISK_EDITOR, "accepted_by_row")), "Direktionen");
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (
      GTK_WIDGET (editor), VAERN_TYPE_RISK_EDITOR, "accepted_on_row")), "23-11-2026");
    g_assert_true (vaern_editor_save (VAERN_EDITOR (editor), &error));
    g_assert_no_error (error);
    check = g_strdup_printf ("SELECT count(*) FROM risk WHERE id = %" G_GINT64_FORMAT
                             " AND accepted_by = 'Direktionen' AND accepted_on = '2026-11-23'",
                             vaern_record_get_id (VAERN_RECORD (risk)));
    g_assert_cmpint (vaern_test_query_int (doc, check), ==, 1);
    /* A saved editor closes. */
    vaern_test_iterate ();
    g_assert_null (editor);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* Without a display, or not run through tests/with-postgresql.sh: skipped. */
  if ((!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY")) || !vaern_test_on_server ())
    return 77;
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  vaern_date_set_today ("2026-11-23");
  dir = vaern_test_tmpdir ();
  data_home = g_build_filename (dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  app = vaern_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/vaern/server-window/move-edit-undo-reopen", test_move_edit_undo_reopen);
  g_test_add_func ("/vaern/server-window/connection-lost", test_connection_lost);
  g_test_add_func ("/vaern/server-window/two-windows", test_two_windows);
  status = g_test_run ();

  g_clear_object (&app);
  vaern_test_rmdir (dir);
  g_free (dir);
  return status;
}
