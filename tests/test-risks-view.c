/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/vaern-cli.h"
#include "views/vaern-view.h"
#include "core/vaern-date.h"
#include "views/vaern-editor.h"
#include "widgets/vaern-heat-map-widget.h"
#include "views/vaern-risk-editor.h"
#include "views/vaern-risks-view-private.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"
#include "vaern-test-util.h"
#include "vaern-test-view.h"

/* The risks view under a virtual display: the heat map filters the list,
 * the keys move through it, the filters and the heat map agree, and a risk
 * can be assessed from the keyboard. */

typedef VaernViewFixture Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  vaern_test_view_setup (f, VAERN_TYPE_RISKS_VIEW, 1300, 800);
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
  GObject *object = gtk_widget_get_template_child (f->view, VAERN_TYPE_RISKS_VIEW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (vaern_risks_view_get_shown (VAERN_RISKS_VIEW (f->view)));
}

/* Waits until the heat map has been drawn, so its cells have places. */
static VaernHeatMapWidget *
drawn_heat_map (Fixture *f)
{
  VaernHeatMapWidget *map = VAERN_HEAT_MAP_WIDGET (child (f, "heat_map"));
  double x, y;

  VAERN_TEST_WAIT (vaern_heat_map_widget_cell_center (map, VAERN_HEAT_MAP_INHERENT, 1, 1, &x, &y));
  return map;
}

/* Clicks the middle of a cell as it is drawn now: the filter bar can
 * change height when a filter is shown, and the heat map moves with it. */
static void
click_cell (Fixture          *f,
            VaernHeatMapShow  matrix,
            guint             likelihood,
            guint             consequence)
{
  VaernHeatMapWidget *map;
  double x, y;

  vaern_test_wait_for_layout (f->view);
  map = drawn_heat_map (f);
  g_assert_true (vaern_heat_map_widget_cell_center (map, matrix, likelihood, consequence, &x, &y));
  g_assert_true (vaern_heat_map_widget_click (map, x, y));
  vaern_test_iterate ();
}

/* A click on a cell shows exactly the risks counted in it; a second
 * click shows them all again. */
static void
test_click_cell (Fixture       *f,
                 gconstpointer  data)
{
  VaernRisksView *view = VAERN_RISKS_VIEW (f->view);
  guint total = vaern_document_count_risks (f->doc);
  guint expected = vaern_risks_view_count_in_cell (view, VAERN_HEAT_MAP_INHERENT, 3, 4);
  GListModel *shown = vaern_risks_view_get_shown (view);

  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (n_shown (f), ==, total);
  g_assert_cmpuint (expected, >, 0);
  click_cell (f, VAERN_HEAT_MAP_INHERENT, 3, 4);
  g_assert_cmpuint (n_shown (f), ==, expected);
  for (guint i = 0; i < n_shown (f); i++)
    {
      g_autoptr(VaernRisk) risk = g_list_model_get_item (shown, i);

      g_assert_cmpuint (risk->likelihood, ==, 3);
      g_assert_cmpuint (risk->consequence, ==, 4);
    }
  g_assert_true (gtk_widget_get_visible (child (f, "cell_chip")));

  /* The same cell after treatment counts other risks. */
  click_cell (f, VAERN_HEAT_MAP_RESIDUAL, 3, 4);
  g_assert_cmpuint (n_shown (f), ==,
                    vaern_risks_view_count_in_cell (view, VAERN_HEAT_MAP_RESIDUAL, 3, 4));

  /* A second click on the chosen cell lets go of it. */
  click_cell (f, VAERN_HEAT_MAP_RESIDUAL, 3, 4);
  g_assert_cmpuint (n_shown (f), ==, total);
  g_assert_false (gtk_widget_get_visible (child (f, "cell_chip")));
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

/* The arrow keys move between cells, from one matrix into the next, and
 * the list follows; Escape lets go. */
static void
test_arrow_keys (Fixture       *f,
                 gconstpointer  data)
{
  VaernHeatMapWidget *map = drawn_heat_map (f);
  VaernHeatMapShow matrix;
  guint l, c;

  g_assert_true (press_key (GTK_WIDGET (map), GDK_KEY_Down));
  g_assert_true (vaern_heat_map_widget_get_chosen (map, &matrix, &l, &c));
  g_assert_cmpint (matrix, ==, VAERN_HEAT_MAP_INHERENT);
  g_assert_cmpuint (l, ==, 4);
  g_assert_cmpuint (c, ==, 1);
  press_key (GTK_WIDGET (map), GDK_KEY_Down);
  press_key (GTK_WIDGET (map), GDK_KEY_Right);
  press_key (GTK_WIDGET (map), GDK_KEY_Right);
  vaern_heat_map_widget_get_chosen (map, &matrix, &l, &c);
  g_assert_cmpuint (l, ==, 3);
  g_assert_cmpuint (c, ==, 3);
  vaern_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==,
                    vaern_risks_view_count_in_cell (VAERN_RISKS_VIEW (f->view),
                                                    VAERN_HEAT_MAP_INHERENT, 3, 3));
  press_key (GTK_WIDGET (map), GDK_KEY_Right);
  press_key (GTK_WIDGET (map), GDK_KEY_Right);
  vaern_heat_map_widget_get_chosen (map, &matrix, &l, &c);
  g_assert_cmpint (matrix, ==, VAERN_HEAT_MAP_RESIDUAL);
  g_assert_cmpuint (c, ==, 1);
  press_key (GTK_WIDGET (map), GDK_KEY_Left);
  vaern_heat_map_widget_get_chosen (map, &matrix, &l, &c);
  g_assert_cmpint (matrix, ==, VAERN_HEAT_MAP_INHERENT);
  g_assert_cmpuint (c, ==, 4);
  g_assert_true (press_key (GTK_WIDGET (map), GDK_KEY_Escape));
  g_assert_false (vaern_heat_map_widget_get_chosen (map, NULL, NULL, NULL));
  /* Enter chooses a cell and lets go of it again. */
  g_assert_true (press_key (GTK_WIDGET (map), GDK_KEY_Return));
  g_assert_true (vaern_heat_map_widget_get_chosen (map, NULL, NULL, NULL));
  g_assert_true (press_key (GTK_WIDGET (map), GDK_KEY_Return));
  g_assert_false (vaern_heat_map_widget_get_chosen (map, NULL, NULL, NULL));
  vaern_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, vaern_document_count_risks (f->doc));
}

/* One system's assessment: the list and the heat map count the same. */
static void
test_asset_scope (Fixture       *f,
                  gconstpointer  data)
{
  VaernRisksView *view = VAERN_RISKS_VIEW (f->view);
  g_autoptr(VaernRisk) first = g_list_model_get_item (vaern_document_get_risks (f->doc), 0);
  guint counted = 0;
  const VaernRiskScale *scale = vaern_document_get_scale (f->doc);

  vaern_risks_view_show_asset (view, first->asset_id);
  vaern_test_iterate ();
  g_assert_cmpuint (n_shown (f), >, 0);
  g_assert_cmpuint (n_shown (f), <, vaern_document_count_risks (f->doc));
  for (guint i = 0; i < n_shown (f); i++)
    {
      g_autoptr(VaernRisk) risk = g_list_model_get_item (vaern_risks_view_get_shown (view), i);

      g_assert_cmpint (risk->asset_id, ==, first->asset_id);
    }
  for (guint l = 1; l <= scale->n_likelihood; l++)
    for (guint c = 1; c <= scale->n_consequence; c++)
      counted += vaern_risks_view_count_in_cell (view, VAERN_HEAT_MAP_INHERENT, l, c);
  g_assert_cmpuint (counted, ==, n_shown (f));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "scope_label"))), ==,
                   first->asset_name);

  /* Search narrows further and clearing brings everything back. */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), "zzzz-ingen");
  g_signal_emit_by_name (child (f, "search_entry"), "search-changed");
  vaern_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "content_stack"))), ==,
                   "no-match");
  gtk_widget_activate_action (f->view, "risks.clear-filters", NULL);
  vaern_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, vaern_document_count_risks (f->doc));
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  VaernTable *table = VAERN_TABLE (child (f, "table"));
  guint before = vaern_document_count_risks (f->doc);

  vaern_table_select (table, 0);
  /* Delete does nothing while the focus is elsewhere … */
  gtk_widget_grab_focus (child (f, "search_entry"));
  g_assert_false (press_key (f->view, GDK_KEY_Delete));
  g_assert_cmpuint (vaern_document_count_risks (f->doc), ==, before);
  /* … and deletes the selected risk when it is in the list. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (table)));
  g_assert_true (press_key (f->view, GDK_KEY_Delete));
  vaern_test_iterate ();
  g_assert_cmpuint (vaern_document_count_risks (f->doc), ==, before - 1);
  g_assert_cmpuint (n_shown (f), ==, before - 1);
  g_assert_true (vaern_document_undo (f->doc, NULL));
  vaern_test_iterate ();
  g_assert_cmpuint (n_shown (f), ==, before);
}

static GtkWidget *
editor_child (VaernRiskEditor *editor,
              const char      *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (editor), VAERN_TYPE_RISK_EDITOR,
                                                   name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* A system owner assesses a risk with the keyboard alone: Tab reaches
 * every field in reading order, and Ctrl+S (the editor.save action)
 * saves. */
static void
test_keyboard_assessment (Fixture       *f,
                          gconstpointer  data)
{
  static const char *const order[] = {
    "threat_row", "title_row", "description_view", "likelihood_row", "confidentiality_row",
    "integrity_row", "availability_row", "treatment_row", "controls_row", "measures_view",
    "residual_likelihood_row", "residual_consequence_row", "owner_row", "assessed_row",
    "review_row", "accepted_by_row", "accepted_on_row",
  };
  gint64 asset_id = vaern_document_find_asset_by_name (f->doc, "Fildrev");
  VaernRiskEditor *editor = vaern_risk_editor_new (f->window, f->doc, NULL, asset_id);
  guint next = 0, before = vaern_document_count_risks (f->doc);
  g_autoptr(GError) error = NULL;
  GListModel *risks;
  gboolean found = FALSE;

  g_assert_cmpint (asset_id, >, 0);
  gtk_window_present (GTK_WINDOW (editor));
  vaern_test_iterate ();
  /* Tab from the start: each field in turn gets the focus. */
  for (guint step = 0; step < 200 && next < G_N_ELEMENTS (order); step++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));
      GtkWidget *field = editor_child (editor, order[next]);

      if (focus && (focus == field || gtk_widget_is_ancestor (focus, field)))
        next++;
      gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD);
    }
  g_assert_cmpuint (next, ==, G_N_ELEMENTS (order));

  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "title_row")), "Fildrev bliver krypteret");
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "likelihood_row")), 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "availability_row")), 4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "treatment_row")),
                              VAERN_TREATMENT_REDUCE);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "controls_row")), "A.8.13, 8.7");
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "residual_likelihood_row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "review_row")), "01-12-2027");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  vaern_test_iterate ();
  /* Saved, so the editor closed. */
  g_assert_null (editor);
  g_assert_cmpuint (vaern_document_count_risks (f->doc), ==, before + 1);

  risks = vaern_document_get_risks (f->doc);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(VaernRisk) risk = g_list_model_get_item (risks, i);

      if (g_strcmp0 (risk->title, "Fildrev bliver krypteret") != 0)
        continue;
      found = TRUE;
      g_assert_cmpint (risk->asset_id, ==, asset_id);
      g_assert_cmpuint (risk->score, ==, 12);
      g_assert_cmpuint (risk->residual_score, ==, 4);
      g_assert_cmpstr (risk->review_date, ==, "2027-12-01");
      g_assert_cmpstr (risk->controls[0], ==, "8.7");
      g_assert_cmpstr (risk->controls[1], ==, "8.13");
      g_assert_nonnull (risk->assessed_on);
    }
  g_assert_true (found);
}

/* A bad date keeps the editor open with a message and the field marked. */
static void
test_editor_refusal (Fixture       *f,
                     gconstpointer  data)
{
  gint64 asset_id = vaern_document_find_asset_by_name (f->doc, "Fildrev");
  VaernRiskEditor *editor = vaern_risk_editor_new (f->window, f->doc, NULL, asset_id);
  guint before = vaern_document_count_risks (f->doc);

  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "title_row")), "Ny risiko");
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "review_row")), "31-02-2027");
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  g_assert_nonnull (vaern_editor_get_error (VAERN_EDITOR (editor)));
  g_assert_true (gtk_widget_has_css_class (editor_child (editor, "review_row"), "error"));
  g_assert_cmpuint (vaern_document_count_risks (f->doc), ==, before);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Printing goes through GtkPrintOperation; exported to PDF it is one A4
 * landscape page. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "print.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *box;
  double x0, y0, x1, y1;
  guint pages = 0;

  g_assert_true (vaern_risks_view_print (VAERN_RISKS_VIEW (f->view), pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* memmem: the PDF holds binary streams with NUL bytes. */
  for (const char *p = contents; (p = memmem (p, contents + length - p, "/Type /Page", 11)); p++)
    if (p[11] != 's')
      pages++;
  g_assert_cmpuint (pages, ==, 1);
  box = memmem (contents, length, "/MediaBox", 9);
  g_assert_nonnull (box);
  g_assert_cmpint (sscanf (box, "/MediaBox [ %lf %lf %lf %lf", &x0, &y0, &x1, &y1), ==, 4);
  /* A4 landscape: 842 × 595 points. */
  g_assert_cmpfloat (fabs ((x1 - x0) - 841.9), <, 2);
  g_assert_cmpfloat (fabs ((y1 - y0) - 595.3), <, 2);
}

static int
y_in_view (Fixture   *f,
           GtkWidget *widget)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, f->view, &GRAPHENE_POINT_INIT (0, 0), &point));
  return (int) point.y;
}

/* At the size the view has in an 800 × 600 window, the filters take one
 * line (in a popover behind a button the keyboard reaches from the search
 * field), the heat map stands above the list and the list keeps about ten
 * rows. */
static void
test_narrow_layout (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *bar = child (f, "filter_box");
  GtkWidget *button = child (f, "filter_button");
  GtkPaned *paned = GTK_PANED (child (f, "paned"));
  GtkWidget *list = child (f, "content_stack");

  vaern_test_view_resize (f, 560, 548);
  g_assert_true (vaern_filter_bar_get_folded (GTK_BOX (bar)));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_parent (child (f, "band_filter")) == child (f, "filter_popover_box"));
  g_assert_cmpint (gtk_widget_get_height (bar), <=, gtk_widget_get_height (f->view) / 3);
  g_assert_cmpint (gtk_widget_get_height (bar), <=, 50);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==,
                   GTK_ORIENTATION_VERTICAL);
  /* The heat map readable, the list's header and about ten rows. */
  g_assert_cmpint (gtk_paned_get_position (paned), >=, 120);
  g_assert_cmpint (gtk_widget_get_height (list), >=, 320);
  /* The scope bar is beside the map, not under it. */
  g_assert_cmpint (y_in_view (f, child (f, "scope_bar")), <, y_in_view (f, list));
  g_assert_cmpint (gtk_widget_get_height (child (f, "heat_map")), >=,
                   gtk_paned_get_position (paned) - 12);

  /* Tab goes from the search field to the Filters button. */
  gtk_widget_grab_focus (child (f, "search_entry"));
  for (int i = 0; i < 5 && !gtk_widget_has_focus (gtk_widget_get_first_child (button)); i++)
    gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), button));

  /* The button counts the filters in use. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "band_filter")), 1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (f, "overdue_filter")), TRUE);
  vaern_test_iterate ();
  g_assert_nonnull (strstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), "2"));
  gtk_widget_activate_action (f->view, "risks.clear-filters", NULL);
  vaern_test_iterate ();
  g_assert_null (strstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), "2"));

  /* Wider, the filters are back in the bar, each at its own width (the
   * virtual screen is 1280 pixels wide). */
  vaern_test_view_resize (f, 1240, 800);
  g_assert_false (vaern_filter_bar_get_folded (GTK_BOX (bar)));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_parent (child (f, "band_filter")) == bar);
  g_assert_cmpint (gtk_widget_get_height (bar), <=, gtk_widget_get_height (f->view) / 3);
  g_assert_cmpint (gtk_widget_get_width (child (f, "overdue_filter")), !=,
                   gtk_widget_get_width (child (f, "treatment_filter")));
}

/* Beside the list the heat map takes 45 % of the width and the height
 * that goes with it, with the scope bar right under it; once a person
 * moves the handle, their share is kept. */
static void
test_wide_layout (Fixture       *f,
                  gconstpointer  data)
{
  GtkPaned *paned = GTK_PANED (child (f, "paned"));
  GtkWidget *map = child (f, "heat_map");
  GtkWidget *scope_bar = child (f, "scope_bar");
  int position;

  /* The virtual screen is 1280 × 1024. */
  vaern_test_view_resize (f, 1260, 980);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==,
                   GTK_ORIENTATION_HORIZONTAL);
  g_assert_cmpint (ABS (gtk_paned_get_position (paned) - 1260 * 45 / 100), <=, 2);
  g_assert_cmpint (gtk_widget_get_height (map), >=, 300);
  /* The scope bar right under the map (its margin between them). */
  g_assert_cmpint (ABS (y_in_view (f, scope_bar) - (y_in_view (f, map) + gtk_widget_get_height (map))),
                   <=, 12);

  vaern_test_view_resize (f, 1000, 760);
  g_assert_cmpint (ABS (gtk_paned_get_position (paned) - 1000 * 45 / 100), <=, 2);

  /* A person's choice, kept in proportion. */
  gtk_paned_set_position (paned, 500);
  vaern_test_iterate ();
  vaern_test_view_resize (f, 1250, 900);
  position = gtk_paned_get_position (paned);
  g_assert_cmpint (ABS (position - 625), <=, 3);
}

/* A document without systems: the first step is the register, and the
 * filters do not push it out of sight; with systems and risks, the list
 * and its filters are back. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "new.vaern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = vaern_document_create (path, "Ny kommune", &error);
  GtkStack *stack = GTK_STACK (child (f, "content_stack"));

  g_assert_no_error (error);
  vaern_view_set_document (VAERN_VIEW (f->view), doc);
  vaern_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-assets");
  g_assert_false (gtk_widget_get_visible (child (f, "filter_box")));
  vaern_view_set_document (VAERN_VIEW (f->view), f->doc);
  vaern_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_true (gtk_widget_get_visible (child (f, "filter_box")));
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
  g_test_add ("/vaern/risks-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("click-cell", test_click_cell);
  ADD ("arrow-keys", test_arrow_keys);
  ADD ("asset-scope", test_asset_scope);
  ADD ("delete-undo", test_delete_undo);
  ADD ("keyboard-assessment", test_keyboard_assessment);
  ADD ("editor-refusal", test_editor_refusal);
  ADD ("print", test_print);
  ADD ("empty", test_empty);
  ADD ("narrow-layout", test_narrow_layout);
  ADD ("wide-layout", test_wide_layout);

  return g_test_run ();
}
