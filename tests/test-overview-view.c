/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "app/vaern-application.h"
#include "app/vaern-cli.h"
#include "app/vaern-window.h"
#include "core/vaern-date.h"
#include "store/vaern-figures.h"
#include "views/vaern-documents-view.h"
#include "views/vaern-overview-view.h"
#include "views/vaern-register-view.h"
#include "views/vaern-risks-view-private.h"
#include "views/vaern-soa-view-private.h"
#include "widgets/vaern-table.h"
#include "views/vaern-wheel-view-private.h"
#include "vaern-test-util.h"
#include "vaern-test-view.h"

/* The overview in a real window, on the demo: its counts are the key
 * figures; a finding's row is in "Needs Attention" with a warning; a row
 * leads to its view, filtered to just what it counts; a change is counted
 * after an idle; an empty document says how to start. */

static VaernApplication *app;

typedef struct
{
  char          *dir;
  char          *path;
  VaernDocument *doc;
  VaernWindow   *window;
  GtkWidget     *view;
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

  f->window = vaern_window_new (ADW_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  vaern_window_set_document (f->window, f->doc);
  vaern_window_show_view (f->window, "overview");
  gtk_window_present (GTK_WINDOW (f->window));
  f->view = vaern_window_get_view (f->window, "overview");
  g_assert_true (VAERN_IS_OVERVIEW_VIEW (f->view));
  VAERN_TEST_WAIT (gtk_widget_get_mapped (f->view));
  vaern_test_iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  vaern_test_iterate ();
  g_clear_object (&f->doc);
  vaern_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static VaernOverviewView *
overview (Fixture *f)
{
  return VAERN_OVERVIEW_VIEW (f->view);
}

static void
assert_count (Fixture    *f,
              const char *name,
              guint       expected)
{
  g_autofree char *text = g_strdup_printf ("%u", expected);

  g_assert_cmpstr (vaern_overview_view_get_count (overview (f), name), ==, text);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found)
        return found;
    }
  return NULL;
}

static const char *
group_title (GtkWidget *row)
{
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

  return group ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;
}

/* Activates a row the way a click or Enter does, through its list. */
static void
activate (Fixture    *f,
          const char *name)
{
  AdwActionRow *row = vaern_overview_view_get_row (overview (f), name);

  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  vaern_test_iterate ();
}

static gboolean
view_shown (Fixture    *f,
            const char *name)
{
  return gtk_widget_get_mapped (vaern_window_get_view (f->window, name));
}

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(VaernKeyFigures) k = vaern_key_figures_compute (f->doc, NULL);
  const char *findings[] = { "no-owner", "dpa-missing", "systems-review-overdue",
                             "risks-review-overdue", "activities-overdue",
                             "soa-missing-justification", "pending-approvals" };
  g_autofree char *share = NULL;

  g_assert_false (vaern_overview_view_is_empty (overview (f)));
  assert_count (f, "systems", k->n_systems);
  assert_count (f, "no-owner", k->n_systems_no_owner);
  assert_count (f, "dpa-missing", k->n_dpa_missing);
  assert_count (f, "systems-review-overdue", k->n_asset_review_overdue);
  assert_count (f, "risks", k->n_risks);
  assert_count (f, "risks-undecided", k->n_risks_undecided);
  assert_count (f, "risks-review-overdue", k->n_risk_review_overdue);
  assert_count (f, "soa-version", k->soa_version);
  assert_count (f, "soa-missing-justification", k->soa_missing_justification);
  assert_count (f, "activities-overdue", k->n_activities_overdue);
  assert_count (f, "activities-upcoming", k->n_activities_upcoming);
  assert_count (f, "documents", k->n_documents);
  assert_count (f, "pending-approvals", k->n_documents_in_review);
  for (guint b = 1; b <= k->n_bands; b++)
    {
      g_autofree char *name = g_strdup_printf ("band-%u", b);

      assert_count (f, name, k->residual_by_band[b - 1]);
    }
  g_assert_null (vaern_overview_view_get_row (overview (f), "band-6"));
  share = g_strdup_printf ("%u %%", vaern_key_figures_percent (k->n_systems_assessed, k->n_systems));
  g_assert_cmpstr (vaern_overview_view_get_count (overview (f), "systems-assessed"), ==, share);

  /* The demo has each of these findings: each is listed under "Needs
   * Attention", its count marked as a warning; a figure that is no finding
   * stays in its group, unmarked. */
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      GtkWidget *row = GTK_WIDGET (vaern_overview_view_get_row (overview (f), findings[i]));
      const char *count = vaern_overview_view_get_count (overview (f), findings[i]);

      g_assert_cmpstr (count, !=, "0");
      g_assert_cmpstr (group_title (row), ==, "Needs Attention");
      g_assert_true (gtk_widget_has_css_class (find_label (row, count), "warning"));
      g_assert_true (gtk_widget_get_mapped (row));
    }
  {
    GtkWidget *row = GTK_WIDGET (vaern_overview_view_get_row (overview (f), "systems"));

    g_assert_cmpstr (group_title (row), ==, "Systems");
    g_assert_false (gtk_widget_has_css_class (find_label (row, vaern_overview_view_get_count (overview (f), "systems")),
                                              "warning"));
  }
  /* Undecided treatments are no finding in the demo: in their group. */
  if (k->n_risks_undecided == 0)
    g_assert_cmpstr (group_title (GTK_WIDGET (vaern_overview_view_get_row (overview (f), "risks-undecided"))),
                     ==, "Risks");
}

/* The systems without a systemejer: the register, filtered to just them,
 * even when it had a search of its own. */
static void
test_no_owner_link (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VaernKeyFigures) k = vaern_key_figures_compute (f->doc, NULL);
  GtkWidget *reg = vaern_window_get_view (f->window, "register");
  GtkWidget *search = GTK_WIDGET (gtk_widget_get_template_child (reg, VAERN_TYPE_REGISTER_VIEW,
                                                                 "search_entry"));

  vaern_window_show_view (f->window, "register");
  vaern_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (search), "zzz-nothing");
  /* The search runs after the entry's delay: until it has matched nothing. */
  VAERN_TEST_WAIT (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (reg)) == 0);
  vaern_window_show_view (f->window, "overview");
  vaern_test_iterate ();

  g_assert_cmpuint (k->n_systems_no_owner, >, 0);
  activate (f, "no-owner");
  g_assert_true (view_shown (f, "register"));
  g_assert_false (view_shown (f, "overview"));
  g_assert_cmpuint (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (reg)), ==,
                    k->n_systems_no_owner);

  /* The data processor agreements: no finding filter left over. */
  vaern_window_show_view (f->window, "overview");
  vaern_test_iterate ();
  activate (f, "dpa-missing");
  g_assert_cmpuint (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (reg)), ==,
                    k->n_dpa_missing);

  /* And the IT systems row: the IT systems that are not retired, which is
   * fewer than every asset in the demo. */
  g_assert_cmpuint (k->n_systems, <, g_list_model_get_n_items (vaern_document_get_assets (f->doc)));
  vaern_window_show_view (f->window, "overview");
  vaern_test_iterate ();
  activate (f, "systems");
  g_assert_cmpuint (vaern_register_view_get_n_shown (VAERN_REGISTER_VIEW (reg)), ==, k->n_systems);
}

/* Overdue activities reach the annual wheel showing only overdue
 * occurrences; overdue risk reviews the risks with just those; missing
 * justifications the SoA's newest version with just those. */
static void
test_other_links (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VaernKeyFigures) k = vaern_key_figures_compute (f->doc, NULL);
  GtkWidget *wheel = vaern_window_get_view (f->window, "wheel");
  GtkWidget *risks = vaern_window_get_view (f->window, "risks");
  GtkWidget *soa = vaern_window_get_view (f->window, "soa");
  GListModel *shown;

  activate (f, "activities-overdue");
  g_assert_true (view_shown (f, "wheel"));
  shown = G_LIST_MODEL (vaern_table_get_selection (vaern_wheel_view_get_table (VAERN_WHEEL_VIEW (wheel))));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);
      guint state;

      g_object_get (item, "state", &state, NULL);
      g_assert_cmpuint (state, ==, VAERN_WHEEL_MARK_OVERDUE);
    }

  vaern_window_show_view (f->window, "overview");
  vaern_test_iterate ();
  activate (f, "risks-review-overdue");
  g_assert_true (view_shown (f, "risks"));
  shown = vaern_risks_view_get_shown (VAERN_RISKS_VIEW (risks));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, k->n_risk_review_overdue);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(VaernRisk) r = g_list_model_get_item (shown, i);

      g_assert_true (r->overdue);
    }

  /* The risks' filters are reset by the next link: all risks of a level. */
  vaern_window_show_view (f->window, "overview");
  vaern_test_iterate ();
  activate (f, "band-1");
  g_assert_cmpuint (g_list_model_get_n_items (vaern_risks_view_get_shown (VAERN_RISKS_VIEW (risks))),
                    ==, k->residual_by_band[0]);

  vaern_window_show_view (f->window, "overview");
  vaern_test_iterate ();
  activate (f, "soa-missing-justification");
  g_assert_true (view_shown (f, "soa"));
  shown = G_LIST_MODEL (vaern_table_get_selection (vaern_soa_view_get_table (VAERN_SOA_VIEW (soa))));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, k->soa_missing_justification);

  /* A theme's row: that theme's controls of the newest version. */
  vaern_window_show_view (f->window, "overview");
  vaern_test_iterate ();
  activate (f, "soa-theme-6");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 8);

  /* The documents: due for review, and waiting for approval; each with
   * the bar that says so, and Show All bringing back every document. */
  {
    GtkWidget *docs = vaern_window_get_view (f->window, "documents");
    GListModel *listed = G_LIST_MODEL (vaern_table_get_selection (
      vaern_documents_view_get_table (VAERN_DOCUMENTS_VIEW (docs), FALSE)));
    guint all = g_list_model_get_n_items (vaern_document_get_isms_documents (f->doc));

    g_assert_cmpuint (k->n_documents_review_due, >, 0);
    g_assert_cmpuint (k->n_documents_review_due, <, all);
    vaern_window_show_view (f->window, "overview");
    vaern_test_iterate ();
    activate (f, "documents-review");
    g_assert_true (view_shown (f, "documents"));
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, k->n_documents_review_due);

    vaern_window_show_view (f->window, "overview");
    vaern_test_iterate ();
    activate (f, "pending-approvals");
    g_assert_cmpuint (k->n_documents_in_review, >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, k->n_documents_in_review);

    gtk_widget_activate_action (docs, "documents.show-all", NULL);
    vaern_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, all);
  }
}

/* A new system without an owner: counted after an idle, not at once;
 * undo takes it back. */
static void
test_change (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VaernKeyFigures) k = vaern_key_figures_compute (f->doc, NULL);
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(GError) error = NULL;

  asset->kind = VAERN_ASSET_KIND_SYSTEM;
  asset->name = g_strdup ("Ny løsning uden ejer");
  asset->lifecycle = VAERN_LIFECYCLE_IN_USE;
  g_assert_cmpint (vaern_document_add_asset (f->doc, asset, &error), >, 0);
  g_assert_no_error (error);
  assert_count (f, "no-owner", k->n_systems_no_owner);
  vaern_test_iterate ();
  assert_count (f, "no-owner", k->n_systems_no_owner + 1);
  assert_count (f, "systems", k->n_systems + 1);

  /* While hidden it waits, and counts when shown again. */
  vaern_window_show_view (f->window, "register");
  vaern_test_iterate ();
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  vaern_test_iterate ();
  assert_count (f, "no-owner", k->n_systems_no_owner + 1);
  vaern_window_show_view (f->window, "overview");
  vaern_test_iterate ();
  assert_count (f, "no-owner", k->n_systems_no_owner);
  assert_count (f, "systems", k->n_systems);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found)
        return found;
    }
  return NULL;
}

/* A document without systems: a page that says how to start, and its
 * button leads to the register. A first system brings the figures. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.vaern", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) empty = vaern_document_create (path, "Tom Kommune", &error);
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  GtkWidget *button;

  g_assert_no_error (error);
  g_assert_false (vaern_overview_view_is_empty (overview (f)));
  vaern_window_set_document (f->window, empty);
  vaern_test_iterate ();
  g_assert_true (vaern_overview_view_is_empty (overview (f)));
  button = find_button (f->view, "_Go to Systems");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  vaern_test_iterate ();
  g_assert_true (view_shown (f, "register"));

  vaern_window_show_view (f->window, "overview");
  vaern_test_iterate ();
  asset->kind = VAERN_ASSET_KIND_SYSTEM;
  asset->name = g_strdup ("Første system");
  asset->lifecycle = VAERN_LIFECYCLE_IN_USE;
  g_assert_cmpint (vaern_document_add_asset (empty, asset, &error), >, 0);
  g_assert_no_error (error);
  vaern_test_iterate ();
  g_assert_false (vaern_overview_view_is_empty (overview (f)));
  assert_count (f, "systems", 1);
  assert_count (f, "no-owner", 1);
  g_assert_cmpstr (group_title (GTK_WIDGET (vaern_overview_view_get_row (overview (f), "no-owner"))),
                   ==, "Needs Attention");
  vaern_window_set_document (f->window, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    return 77;

  g_test_init (&argc, &argv, NULL);

  app = vaern_application_new ();
  /* Not the desktop's instance: a private one for the test. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add ("/vaern/overview-view/figures", Fixture, NULL, fixture_setup, test_figures,
              fixture_teardown);
  g_test_add ("/vaern/overview-view/no-owner-link", Fixture, NULL, fixture_setup,
              test_no_owner_link, fixture_teardown);
  g_test_add ("/vaern/overview-view/other-links", Fixture, NULL, fixture_setup, test_other_links,
              fixture_teardown);
  g_test_add ("/vaern/overview-view/change", Fixture, NULL, fixture_setup, test_change,
              fixture_teardown);
  g_test_add ("/vaern/overview-view/empty", Fixture, NULL, fixture_setup, test_empty,
              fixture_teardown);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
