/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "app/vaern-cli.h"
#include "views/vaern-view.h"
#include "core/vaern-core-error.h"
#include "core/vaern-date.h"
#include "views/vaern-asset-editor.h"
#include "views/vaern-import-dialog.h"
#include "views/vaern-register-view.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"
#include "vaern-test-util.h"
#include "vaern-test-view.h"

/* The register view under a virtual display, driven through its actions
 * and widgets as a person would. */

typedef VaernViewFixture Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  vaern_test_view_setup (f, VAERN_TYPE_REGISTER_VIEW, 1000, 700);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  vaern_test_view_teardown (f);
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (f->view, VAERN_TYPE_REGISTER_VIEW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static guint
n_assets (Fixture *f)
{
  return g_list_model_get_n_items (vaern_document_get_assets (f->doc));
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  GtkEditable *search = GTK_EDITABLE (child (f, "search_entry"));
  guint all = n_assets (f);
  const char *count;

  g_assert_cmpuint (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (f->view)), ==, all);
  count = gtk_label_get_text (GTK_LABEL (child (f, "count_label")));
  g_assert_nonnull (strstr (count, "51"));

  /* Search matches names, suppliers and owners, ignoring case. */
  gtk_editable_set_text (search, "journalix");
  g_signal_emit_by_name (search, "search-changed");
  vaern_test_iterate ();
  g_assert_cmpuint (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (f->view)), ==, 1);
  count = gtk_label_get_text (GTK_LABEL (child (f, "count_label")));
  g_assert_nonnull (strstr (count, "1 of 51"));

  gtk_editable_set_text (search, "ingen-sådan-ting");
  g_signal_emit_by_name (search, "search-changed");
  vaern_test_iterate ();
  g_assert_cmpuint (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (f->view)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "content_stack"))), ==,
                   "no-results");

  gtk_widget_activate_action (f->view, "register.clear-filters", NULL);
  vaern_test_iterate ();
  g_assert_cmpuint (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (f->view)), ==, all);

  /* The findings filter: the demo has four systems without a systemejer. */
  vaern_register_view_filter_findings (VAERN_REGISTER_VIEW (f->view), VAERN_FINDING_NO_OWNER);
  vaern_test_iterate ();
  g_assert_cmpuint (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (f->view)), ==, 4);

  /* Kind: only IT systems. */
  gtk_widget_activate_action (f->view, "register.clear-filters", NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "kind_filter")),
                              1 + VAERN_ASSET_KIND_ARCHIVE);
  vaern_test_iterate ();
  g_assert_cmpuint (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (f->view)), ==, 2);
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

static void
test_add_edit (Fixture       *f,
               gconstpointer  data)
{
  guint before = n_assets (f);
  GtkWindow *editor;
  GObject *name_row, *review_row;
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (f->view, "register.add", NULL);
  vaern_test_iterate ();
  editor = find_toplevel (VAERN_TYPE_ASSET_EDITOR);
  g_assert_nonnull (editor);

  /* An empty name is refused and the editor stays open. */
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A duplicate name too. */
  name_row = gtk_widget_get_template_child (GTK_WIDGET (editor), VAERN_TYPE_ASSET_EDITOR,
                                            "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Journalix ESDH");
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* The editor says why, marks the name and keeps what was typed. */
  g_assert_nonnull (strstr (vaern_editor_get_error (VAERN_EDITOR (editor)), "Journalix ESDH"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Journalix ESDH");

  /* An invalid date is refused with a message. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Nyt Testsystem");
  review_row = gtk_widget_get_template_child (GTK_WIDGET (editor), VAERN_TYPE_ASSET_EDITOR,
                                              "review_row");
  gtk_editable_set_text (GTK_EDITABLE (review_row), "31-02-2027");
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), &error));
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (review_row), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));
  g_assert_cmpuint (n_assets (f), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (review_row), "01-03-2027");
  g_assert_true (vaern_editor_save (VAERN_EDITOR (editor), &error));
  g_assert_no_error (error);
  vaern_test_iterate ();
  g_assert_cmpuint (n_assets (f), ==, before + 1);
  {
    gint64 id = vaern_document_find_asset_by_name (f->doc, "Nyt Testsystem");
    g_autoptr(VaernAsset) asset = vaern_document_get_asset (f->doc, id, NULL);

    g_assert_nonnull (asset);
    g_assert_cmpstr (asset->next_review, ==, "2027-03-01");
    /* The new system is selected, and shows as lacking a systemejer. */
    g_assert_true (asset->findings & VAERN_FINDING_NO_OWNER);
  }

  /* Edit the selected (the new one): Enter on the row opens the editor. */
  gtk_widget_activate_action (f->view, "register.edit", NULL);
  vaern_test_iterate ();
  editor = find_toplevel (VAERN_TYPE_ASSET_EDITOR);
  g_assert_nonnull (editor);
  name_row = gtk_widget_get_template_child (GTK_WIDGET (editor), VAERN_TYPE_ASSET_EDITOR,
                                            "name_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Nyt Testsystem");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Omdøbt Testsystem");
  g_assert_true (vaern_editor_save (VAERN_EDITOR (editor), &error));
  g_assert_cmpint (vaern_document_find_asset_by_name (f->doc, "Omdøbt Testsystem"), >, 0);
  g_assert_cmpuint (n_assets (f), ==, before + 1);
}

static void
select_by_name (Fixture    *f,
                const char *name)
{
  VaernTable *table = VAERN_TABLE (child (f, "table"));
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (vaern_table_get_selection (table));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(VaernAsset) asset = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_str_equal (asset->name, name))
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  guint before = n_assets (f);
  g_autoptr(GError) error = NULL;
  gint64 id = vaern_document_find_asset_by_name (f->doc, "Journalix ESDH");

  select_by_name (f, "Journalix ESDH");
  g_assert_true (gtk_widget_is_sensitive (f->view));
  gtk_widget_activate_action (f->view, "register.delete", NULL);
  vaern_test_iterate ();
  g_assert_cmpuint (n_assets (f), ==, before - 1);
  g_assert_cmpint (vaern_document_find_asset_by_name (f->doc, "Journalix ESDH"), ==, 0);

  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  vaern_test_iterate ();
  g_assert_cmpuint (n_assets (f), ==, before);
  g_assert_cmpint (vaern_document_find_asset_by_name (f->doc, "Journalix ESDH"), ==, id);
  g_assert_cmpuint (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (f->view)), ==, before);
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  guint before = n_assets (f);
  GtkWindow *editor;

  select_by_name (f, "GeoKort");
  gtk_widget_activate_action (f->view, "register.duplicate", NULL);
  vaern_test_iterate ();
  g_assert_cmpuint (n_assets (f), ==, before + 1);
  g_assert_cmpint (vaern_document_find_asset_by_name (f->doc, "GeoKort (copy)"), >, 0);
  /* The copy opens in the editor, to be renamed. */
  editor = find_toplevel (VAERN_TYPE_ASSET_EDITOR);
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  /* Windows-1252, ';', a quoted field with the separator and a line
   * break, a duplicate, a bad date and an empty name. */
  static const char csv_bytes[] =
    "Systemnavn;Leverand\xf8r;Livscyklus;N\xe6ste gennemgang;Bem\xe6rkning\r\n"
    "\xc6ldreplejen Plus;\"Firma; A/S\";I drift;01-02-2027;\"To\r\nlinjer\"\r\n"
    "Journalix ESDH;Nordlys;I drift;;\r\n"
    "S\xf8gning;Datahuset;In use;31-02-2027;\r\n"
    ";Tom;In use;;\r\n"
    "\xc5" "bent Data;Datahuset;In use;;\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv_bytes, sizeof csv_bytes - 1);
  g_autoptr(GError) error = NULL;
  VaernCsv *csv = vaern_csv_parse (bytes, &error);
  VaernImportDialog *dialog;
  const VaernImportReport *preview;
  guint before = n_assets (f);

  g_assert_no_error (error);
  dialog = vaern_import_dialog_new (f->window, f->doc, csv, "systemer.csv");
  gtk_window_present (GTK_WINDOW (dialog));
  vaern_test_iterate ();

  preview = vaern_import_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->n_imported, ==, 2);
  g_assert_cmpuint (preview->skipped->len, ==, 3);
  /* The preview wrote nothing. */
  g_assert_cmpuint (n_assets (f), ==, before);

  /* Not importing the date column lets the row with the bad date in. */
  vaern_import_dialog_set_mapping (dialog, 3, VAERN_SYSTEM_FIELD_IGNORE);
  preview = vaern_import_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->n_imported, ==, 3);
  g_assert_cmpuint (preview->skipped->len, ==, 2);

  g_assert_true (vaern_import_dialog_import (dialog, &error));
  g_assert_no_error (error);
  vaern_test_iterate ();
  g_assert_cmpuint (n_assets (f), ==, before + 3);
  g_assert_cmpint (vaern_document_find_asset_by_name (f->doc, "Ældreplejen Plus"), >, 0);
  g_assert_cmpint (vaern_document_find_asset_by_name (f->doc, "Åbent Data"), >, 0);

  /* The import is one undo step. */
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_cmpuint (n_assets (f), ==, before);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) ro = NULL;

  vaern_view_set_document (VAERN_VIEW (f->view), NULL);
  g_clear_object (&f->doc);
  g_chmod (f->path, 0444);
  ro = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_document_get_read_only (ro));
  vaern_view_set_document (VAERN_VIEW (f->view), ro);
  select_by_name (f, "GeoKort");
  vaern_test_iterate ();
  gtk_widget_activate_action (f->view, "register.add", NULL);
  vaern_test_iterate ();
  g_assert_null (find_toplevel (VAERN_TYPE_ASSET_EDITOR));
  gtk_widget_activate_action (f->view, "register.delete", NULL);
  vaern_test_iterate ();
  g_assert_cmpint (vaern_document_find_asset_by_name (ro, "GeoKort"), >, 0);
  vaern_view_set_document (VAERN_VIEW (f->view), NULL);
  f->doc = g_steal_pointer (&ro);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "new.vaern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = vaern_document_create (path, "Ny kommune", &error);

  g_assert_no_error (error);
  vaern_view_set_document (VAERN_VIEW (f->view), doc);
  vaern_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "content_stack"))), ==,
                   "empty");
  /* Nothing to filter: what to do first has the room. */
  g_assert_false (gtk_widget_get_visible (child (f, "filter_box")));
  vaern_view_set_document (VAERN_VIEW (f->view), f->doc);
  vaern_test_iterate ();
  g_assert_true (gtk_widget_get_visible (child (f, "filter_box")));
}

/* The filters never take the list's room: at the size the view has in an
 * 800 × 600 window they are behind a button beside the search field, and
 * in a wider one each drop-down has its own width, so several share a
 * line. */
static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *bar = child (f, "filter_box");
  GtkWidget *button = child (f, "filter_button");
  GtkWidget *list = child (f, "content_stack");

  vaern_test_view_resize (f, 560, 548);
  g_assert_true (vaern_filter_bar_get_folded (GTK_BOX (bar)));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_parent (child (f, "kind_filter")) == child (f, "filter_popover_box"));
  g_assert_cmpint (gtk_widget_get_height (bar), <=, gtk_widget_get_height (f->view) / 3);
  g_assert_cmpint (gtk_widget_get_height (bar), <=, 50);
  /* The header and at least ten rows. */
  g_assert_cmpint (gtk_widget_get_height (list), >=, 340);

  /* The button counts the filters in use. */
  vaern_register_view_show_systems (VAERN_REGISTER_VIEW (f->view));
  vaern_test_iterate ();
  g_assert_nonnull (strstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), "2"));
  gtk_widget_activate_action (f->view, "register.clear-filters", NULL);
  vaern_test_iterate ();
  g_assert_null (strstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), "2"));

  vaern_test_view_resize (f, 1000, 700);
  g_assert_false (vaern_filter_bar_get_folded (GTK_BOX (bar)));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_parent (child (f, "kind_filter")) == bar);
  g_assert_cmpint (gtk_widget_get_height (bar), <=, gtk_widget_get_height (f->view) / 3);
  g_assert_cmpint (gtk_widget_get_width (child (f, "kind_filter")), <,
                   gtk_widget_get_width (child (f, "personal_data_filter")));

  /* The list's view at 800 × 600 with the window's sidebar folded away. */
  vaern_test_view_resize (f, 800, 548);
  g_assert_true (vaern_filter_bar_get_folded (GTK_BOX (bar)));
  g_assert_cmpint (gtk_widget_get_height (bar), <=, gtk_widget_get_height (f->view) / 3);
}

/* Tab leaves the list for the next control (the action bar's first
 * button), and Shift+Tab for the one before it; GTK 4.8 alone steps from
 * row to row. */
static void
test_tab (Fixture       *f,
          gconstpointer  data)
{
  GtkWidget *list = vaern_table_get_list_view (VAERN_TABLE (child (f, "table")));
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus;

  g_assert_true (gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (root);
  g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));

  g_assert_true (vaern_test_press_key (list, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (root);
  g_assert_nonnull (focus);
  g_assert_false (focus == list || gtk_widget_is_ancestor (focus, list));
  g_assert_true (gtk_widget_is_ancestor (focus, f->view));
  g_assert_true (GTK_IS_BUTTON (focus));

  g_assert_true (gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD));
  g_assert_true (vaern_test_press_key (list, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (root);
  g_assert_false (focus == list || gtk_widget_is_ancestor (focus, list));
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

#define ADD(path, func) \
  g_test_add ("/vaern/register-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("filter", test_filter);
  ADD ("add-edit", test_add_edit);
  ADD ("delete-undo", test_delete_undo);
  ADD ("duplicate", test_duplicate);
  ADD ("import", test_import);
  ADD ("read-only", test_read_only);
  ADD ("empty", test_empty);
  ADD ("layout", test_layout);
  ADD ("tab", test_tab);

  return g_test_run ();
}
