/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "widgets/vaern-file-chooser.h"
#include "app/vaern-preferences-window.h"
#include "vaern-test-store.h"
#include "vaern-test-view.h"

/* The preferences window under a virtual display, on the demo document,
 * driven through its rows and actions as a person would. */

typedef struct
{
  char          *dir;
  char          *path;
  VaernDocument *doc;
  GtkWindow     *window;
  GtkWidget     *prefs;
  GSettings     *settings;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  vaern_date_set_today ("2026-11-23");
  f->dir = vaern_test_tmpdir ();
  f->path = g_build_filename (f->dir, "demo.vaern", NULL);
  g_assert_true (vaern_cli_make_sample (f->path, FALSE, &error));
  g_assert_no_error (error);
  f->doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (BASE_ID);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->window);
  f->prefs = vaern_preferences_window_new (f->window, data ? NULL : f->doc);
  gtk_window_present (GTK_WINDOW (f->prefs));
  vaern_test_iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->prefs));
  gtk_window_destroy (f->window);
  vaern_test_iterate ();
  g_settings_reset (f->settings, "export-folder");
  g_settings_reset (f->settings, "style");
  g_settings_reset (f->settings, "color-blind-palette");
  g_settings_reset (f->settings, "backups");
  g_clear_object (&f->settings);
  g_clear_object (&f->doc);
  vaern_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (f->prefs, VAERN_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* Whether a button's action is enabled: GTK makes the button insensitive
 * when it is not. */
static gboolean
enabled (Fixture    *f,
         const char *button)
{
  return gtk_widget_get_sensitive (child (f, button));
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (f->prefs, action, NULL));
  vaern_test_iterate ();
}

static void
apply_text (Fixture    *f,
            const char *row,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (f, row)), text);
  g_signal_emit_by_name (child (f, row), "apply");
  vaern_test_iterate ();
}

/* The name and the CVR number: shown, changed, refused when wrong (and
 * the document kept), and undone from the toast's action. */
static void
test_organisation (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==,
                   "Eksempel Kommune");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "cvr_row"))), ==, "29189900");

  apply_text (f, "name_row", "  Nordby Kommune ");
  g_assert_cmpstr (vaern_document_get_organisation (f->doc), ==, "Nordby Kommune");
  apply_text (f, "cvr_row", "1234 5674");
  g_assert_cmpstr (vaern_document_get_cvr (f->doc), ==, "12345674");
  /* The row shows what the document keeps. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "cvr_row"))), ==, "12345674");

  apply_text (f, "name_row", "   ");
  g_assert_cmpstr (vaern_document_get_organisation (f->doc), ==, "Nordby Kommune");
  g_assert_true (gtk_widget_has_css_class (child (f, "name_row"), "error"));
  apply_text (f, "cvr_row", "1234");
  g_assert_cmpstr (vaern_document_get_cvr (f->doc), ==, "12345674");
  g_assert_true (gtk_widget_has_css_class (child (f, "cvr_row"), "error"));
  apply_text (f, "cvr_row", "");
  g_assert_cmpstr (vaern_document_get_cvr (f->doc), ==, "");
  g_assert_false (gtk_widget_has_css_class (child (f, "cvr_row"), "error"));

  /* The toast's Undo: the newest edit, once; the rows follow. */
  activate (f, "prefs.undo");
  g_assert_cmpstr (vaern_document_get_cvr (f->doc), ==, "12345674");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "cvr_row"))), ==, "12345674");
  activate (f, "prefs.undo");
  g_assert_cmpstr (vaern_document_get_cvr (f->doc), ==, "12345674");
  g_assert_cmpstr (vaern_document_get_organisation (f->doc), ==, "Nordby Kommune");

  /* An apply that changes nothing is no step: its Undo would undo the
   * name instead, so there is none. */
  apply_text (f, "cvr_row", "1234 5674");
  activate (f, "prefs.undo");
  g_assert_cmpstr (vaern_document_get_organisation (f->doc), ==, "Nordby Kommune");

  /* An edit made elsewhere after the toast's is not undone from here. */
  apply_text (f, "name_row", "Sydby Kommune");
  g_assert_true (vaern_document_set_organisation (f->doc, "Østby Kommune", "12345674", NULL));
  vaern_test_iterate ();
  activate (f, "prefs.undo");
  g_assert_cmpstr (vaern_document_get_organisation (f->doc), ==, "Østby Kommune");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "name_row"))), ==,
                   "Østby Kommune");
}

static void
wait_until_idle (Fixture *f)
{
  VAERN_TEST_WAIT (!vaern_preferences_window_get_busy (VAERN_PREFERENCES_WINDOW (f->prefs)));
  vaern_test_iterate ();
}

static void
load_logo (Fixture    *f,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  vaern_preferences_window_load_logo (VAERN_PREFERENCES_WINDOW (f->prefs), file);
  g_assert_true (vaern_preferences_window_get_busy (VAERN_PREFERENCES_WINDOW (f->prefs)));
  wait_until_idle (f);
}

static char *
write_picture (Fixture    *f,
               const char *name,
               const char *type,
               int         width,
               int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  gdk_pixbuf_fill (pixbuf, 0x1f6fb2ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, type, &error, NULL));
  g_assert_no_error (error);
  return path;
}

static void
assert_logo_size (Fixture *f,
                  int      width,
                  int      height)
{
  g_autoptr(GBytes) logo = vaern_document_get_logo (f->doc);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (logo);
  texture = gdk_texture_new_from_bytes (logo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
}

/* A logo from a large JPEG is a PNG at most 800 pixels wide, and so is one
 * from an SVG drawing; a small PNG keeps its size; a file that is no picture changes nothing; the logo is
 * shown, removed, and the removal undone. */
static void
test_logo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *jpeg = write_picture (f, "logo.jpg", "jpeg", 2000, 1000);
  g_autofree char *png = write_picture (f, "small.png", "png", 120, 60);
  g_autofree char *text = g_build_filename (f->dir, "notes.png", NULL);

  g_assert_null (vaern_document_get_logo (f->doc));
  g_assert_false (gtk_widget_get_visible (child (f, "logo_picture")));
  g_assert_false (enabled (f, "logo_remove_button"));
  g_assert_true (enabled (f, "logo_choose_button"));

  load_logo (f, jpeg);
  assert_logo_size (f, VAERN_LOGO_PIXELS, VAERN_LOGO_PIXELS / 2);
  g_assert_true (gtk_widget_get_visible (child (f, "logo_picture")));
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (child (f, "logo_picture"))));

  /* A drawing is drawn at the full size, whatever size it names. */
  {
    g_autofree char *svg = g_build_filename (f->dir, "logo.svg", NULL);

    g_assert_true (g_file_set_contents (svg,
                                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" "
                                        "height=\"50\" viewBox=\"0 0 100 50\"><rect width=\"100\" "
                                        "height=\"50\" fill=\"#1f6fb2\"/></svg>", -1, NULL));
    load_logo (f, svg);
    assert_logo_size (f, VAERN_LOGO_PIXELS, VAERN_LOGO_PIXELS / 2);
  }

  load_logo (f, png);
  assert_logo_size (f, 120, 60);

  g_assert_true (g_file_set_contents (text, "not a picture", -1, NULL));
  load_logo (f, text);
  assert_logo_size (f, 120, 60);

  g_assert_true (enabled (f, "logo_remove_button"));
  activate (f, "prefs.remove-logo");
  g_assert_null (vaern_document_get_logo (f->doc));
  g_assert_false (gtk_widget_get_visible (child (f, "logo_picture")));
  g_assert_false (enabled (f, "logo_remove_button"));
  activate (f, "prefs.undo");
  assert_logo_size (f, 120, 60);
}

/* Without a document the document's rows are shown but do nothing. */
static void
test_no_document (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_false (gtk_widget_get_sensitive (child (f, "name_row")));
  g_assert_false (gtk_widget_get_sensitive (child (f, "cvr_row")));
  g_assert_false (enabled (f, "logo_choose_button"));
  g_assert_false (enabled (f, "logo_remove_button"));
  g_assert_false (enabled (f, "scale_button"));
  /* Nor does undo reach a document. */
  activate (f, "prefs.undo");
  activate (f, "prefs.remove-logo");
}

/* The risk scale's row names the document's scale. */
static void
test_scale (Fixture       *f,
            gconstpointer  data)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (child (f, "scale_row")));

  g_assert_cmpstr (subtitle, ==, vaern_risk_scale_preset_name ("dk-4x4"));
}

/* Style, palette and export folder are settings, and the export folder is
 * where saving a report starts while it is there. */
static void
test_general (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *style = NULL;
  g_autofree char *gone = g_build_filename (f->dir, "gone", NULL);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *folder_path = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "style_row")), 2);
  style = g_settings_get_string (f->settings, "style");
  g_assert_cmpstr (style, ==, "dark");
  g_settings_set_string (f->settings, "style", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (f, "style_row"))), ==, 1);

  gtk_switch_set_active (GTK_SWITCH (child (f, "palette_switch")), TRUE);
  g_assert_true (g_settings_get_boolean (f->settings, "color-blind-palette"));

  /* The safety copies are on unless turned off, and the row says where
   * they are. */
  g_assert_true (g_settings_get_boolean (f->settings, "backups"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child (f, "backups_switch"))));
  gtk_switch_set_active (GTK_SWITCH (child (f, "backups_switch")), FALSE);
  g_assert_false (g_settings_get_boolean (f->settings, "backups"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (f, "backups_row"))),
                            "backups"));

  g_assert_false (enabled (f, "folder_reset_button"));
  g_assert_null (vaern_export_folder ());
  g_settings_set_string (f->settings, "export-folder", f->dir);
  folder = vaern_export_folder ();
  g_assert_nonnull (folder);
  folder_path = g_file_get_path (folder);
  g_assert_cmpstr (folder_path, ==, f->dir);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (f, "folder_row"))), ==,
                   f->dir);
  /* A folder that is gone is not used, and the row says so. */
  g_settings_set_string (f->settings, "export-folder", gone);
  g_assert_null (vaern_export_folder ());
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (f, "folder_row"))),
                            gone));
  g_assert_true (enabled (f, "folder_reset_button"));
  activate (f, "prefs.reset-folder");
  g_free (style);
  style = g_settings_get_string (f->settings, "export-folder");
  g_assert_cmpstr (style, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    return 77;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func, data) \
  g_test_add ("/vaern/preferences/" path, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("organisation", test_organisation, NULL);
  ADD ("logo", test_logo, NULL);
  ADD ("no-document", test_no_document, GINT_TO_POINTER (1));
  ADD ("scale", test_scale, NULL);
  ADD ("general", test_general, NULL);

  return g_test_run ();
}
