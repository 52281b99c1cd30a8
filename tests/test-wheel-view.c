/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "app/vaern-cli.h"
#include "views/vaern-view.h"
#include "core/vaern-date.h"
#include "render/vaern-wheel.h"
#include "widgets/vaern-table.h"
#include "views/vaern-wheel-view-private.h"
#include "vaern-test-util.h"
#include "vaern-test-view.h"

/* The annual wheel's view under a virtual display, on the demo: the list
 * and the wheel show the year's occurrences; marking one done through the
 * view's action is kept and shown; the year can be changed. */

typedef VaernViewFixture Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  vaern_test_view_setup (f, VAERN_TYPE_WHEEL_VIEW, 1100, 700);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  vaern_test_view_teardown (f);
}

static GListModel *
shown (Fixture *f)
{
  return G_LIST_MODEL (vaern_table_get_selection (vaern_wheel_view_get_table (VAERN_WHEEL_VIEW (f->view))));
}

/* Marking the first overdue occurrence done: the store keeps it, the list
 * and the wheel show it done; undo makes it overdue again. */
static void
test_mark_done (Fixture       *f,
                gconstpointer  data)
{
  VaernTable *table = vaern_wheel_view_get_table (VAERN_WHEEL_VIEW (f->view));
  GArray *marks = vaern_wheel_view_get_marks (VAERN_WHEEL_VIEW (f->view));
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  gint64 activity_id = 0;
  guint overdue = G_MAXUINT, overdue_marks = 0, overdue_marks_after = 0;

  g_assert_cmpuint (vaern_wheel_view_get_year (VAERN_WHEEL_VIEW (f->view)), ==, 2026);
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, marks->len);
  for (guint i = 0; i < marks->len; i++)
    overdue_marks += g_array_index (marks, VaernWheelMark, i).state == VAERN_WHEEL_MARK_OVERDUE;
  g_assert_cmpuint (overdue_marks, >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (shown (f)) && overdue == G_MAXUINT; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown (f), i);
      guint state;

      g_object_get (item, "state", &state, "date", &date, NULL);
      if (state == 3)
        overdue = i;
      else
        g_clear_pointer (&date, g_free);
    }
  g_assert_cmpuint (overdue, !=, G_MAXUINT);
  vaern_table_select (table, overdue);
  vaern_test_iterate ();
  g_assert_true (gtk_widget_activate_action (f->view, "wheel.mark-done", NULL));
  vaern_test_iterate ();
  /* The same occurrence is still the one selected, now done. */
  {
    GObject *selected = vaern_table_get_selected (table);
    g_autofree char *selected_date = NULL;
    guint state;

    g_assert_nonnull (selected);
    g_object_get (selected, "date", &selected_date, "state", &state, NULL);
    g_assert_cmpstr (selected_date, ==, date);
    g_assert_cmpuint (state, ==, 2);
  }
  marks = vaern_wheel_view_get_marks (VAERN_WHEEL_VIEW (f->view));
  for (guint i = 0; i < marks->len; i++)
    overdue_marks_after += g_array_index (marks, VaernWheelMark, i).state == VAERN_WHEEL_MARK_OVERDUE;
  g_assert_cmpuint (overdue_marks_after, ==, overdue_marks - 1);
  /* Kept in the document, by someone, today. */
  {
    GListModel *activities = vaern_document_get_activities (f->doc);

    for (guint i = 0; i < g_list_model_get_n_items (activities) && activity_id == 0; i++)
      {
        g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);
        const VaernActivityDone *d = vaern_activity_find_done (a, date);

        if (d && g_str_equal (d->done_on, "2026-11-23"))
          {
            activity_id = vaern_record_get_id (VAERN_RECORD (a));
            g_assert_cmpstr (d->done_by, !=, "");
          }
      }
    g_assert_cmpint (activity_id, >, 0);
  }
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  vaern_test_iterate ();
  marks = vaern_wheel_view_get_marks (VAERN_WHEEL_VIEW (f->view));
  overdue_marks_after = 0;
  for (guint i = 0; i < marks->len; i++)
    overdue_marks_after += g_array_index (marks, VaernWheelMark, i).state == VAERN_WHEEL_MARK_OVERDUE;
  g_assert_cmpuint (overdue_marks_after, ==, overdue_marks);
}

/* The year changes with the view's actions; next year nothing is done
 * yet, and the improvements of the plan are there. */
static void
test_change_year (Fixture       *f,
                  gconstpointer  data)
{
  guint done = 0, plan_items = 0;

  g_assert_true (gtk_widget_activate_action (f->view, "wheel.next-year", NULL));
  vaern_test_iterate ();
  g_assert_cmpuint (vaern_wheel_view_get_year (VAERN_WHEEL_VIEW (f->view)), ==, 2027);
  for (guint i = 0; i < g_list_model_get_n_items (shown (f)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown (f), i);
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      guint state;

      g_object_get (item, "state", &state, "date", &date, "title", &title, NULL);
      g_assert_true (g_str_has_prefix (date, "2027-"));
      done += state == 2;
      plan_items += g_str_has_prefix (title, "Indfør totrinslogin");
    }
  g_assert_cmpuint (done, ==, 0);
  g_assert_cmpuint (plan_items, ==, 1);
  g_assert_true (gtk_widget_activate_action (f->view, "wheel.previous-year", NULL));
  g_assert_true (gtk_widget_activate_action (f->view, "wheel.previous-year", NULL));
  vaern_test_iterate ();
  g_assert_cmpuint (vaern_wheel_view_get_year (VAERN_WHEEL_VIEW (f->view)), ==, 2025);
  g_assert_true (gtk_widget_activate_action (f->view, "wheel.this-year", NULL));
  vaern_test_iterate ();
  g_assert_cmpuint (vaern_wheel_view_get_year (VAERN_WHEEL_VIEW (f->view)), ==, 2026);
}

static GtkPaned *
find_paned (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_PANED (c))
      return GTK_PANED (c);
  return NULL;
}

/* The wheel follows the view's size: beside the list in a wide view, up
 * to 40 % of its width and as big as it is high; above the list in a
 * narrow one. */
static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  GtkPaned *paned = find_paned (f->view);
  int position;

  g_assert_nonnull (paned);
  vaern_test_view_resize (f, 1240, 900);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==,
                   GTK_ORIENTATION_HORIZONTAL);
  position = gtk_paned_get_position (paned);
  g_assert_cmpint (position, >, 400);
  g_assert_cmpint (position, <=, 1240 * 2 / 5);

  /* A handle the person moved keeps their share of the pane. */
  gtk_paned_set_position (paned, gtk_widget_get_width (GTK_WIDGET (paned)) / 2);
  vaern_test_iterate ();
  vaern_test_view_resize (f, 1000, 900);
  g_assert_cmpint (ABS (gtk_paned_get_position (paned) - gtk_widget_get_width (GTK_WIDGET (paned)) / 2),
                   <=, 2);

  vaern_test_view_resize (f, 560, 500);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (paned)), ==,
                   GTK_ORIENTATION_VERTICAL);
  position = gtk_paned_get_position (paned);
  g_assert_cmpint (position, >=, 200);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (paned)) - position, >=, 150);
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

  g_test_add ("/vaern/wheel-view/mark-done", Fixture, NULL, fixture_setup, test_mark_done,
              fixture_teardown);
  g_test_add ("/vaern/wheel-view/change-year", Fixture, NULL, fixture_setup, test_change_year,
              fixture_teardown);
  g_test_add ("/vaern/wheel-view/layout", Fixture, NULL, fixture_setup, test_layout,
              fixture_teardown);

  return g_test_run ();
}
