/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "app/vaern-cli.h"
#include "views/vaern-view.h"
#include "core/vaern-date.h"
#include "vaern-test-util.h"

G_BEGIN_DECLS

/* One view of the demo document in a window of its own, on a fixed day:
 * what the view tests start from. */
typedef struct
{
  char          *dir;
  char          *path;
  VaernDocument *doc;
  GtkWindow     *window;
  GtkWidget     *view;
} VaernViewFixture;

/* Runs the main loop until it has nothing left to do now: what an action
 * queued (idles, signals) has run. A frame that is due later is not
 * waited for: that is vaern_test_wait_for_frame. */
static inline void
vaern_test_iterate (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static inline void
vaern_test_frame_painted_cb (GdkFrameClock *clock,
                             gpointer       user_data)
{
  (*(guint *) user_data)++;
}

/* Waits until the widget's window has drawn a frame begun after this
 * call: what was queued before it (a resize, a redraw) is laid out and
 * drawn. */
static inline void
vaern_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint painted = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (vaern_test_frame_painted_cb), &painted);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  VAERN_TEST_WAIT (painted > 0);
  g_signal_handler_disconnect (clock, id);
}

/* Where every widget below widget is, and whether it is mapped, in one
 * number. */
static inline guint
vaern_test_layout_hash (GtkWidget *widget,
                        GtkWidget *root,
                        guint      hash)
{
  graphene_rect_t bounds;

  hash = hash * 31 + (guint) gtk_widget_get_mapped (widget);
  if (gtk_widget_compute_bounds (widget, root, &bounds))
    {
      hash = hash * 31 + (guint) (int) bounds.origin.x;
      hash = hash * 31 + (guint) (int) bounds.origin.y;
      hash = hash * 31 + (guint) (int) bounds.size.width;
      hash = hash * 31 + (guint) (int) bounds.size.height;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    hash = vaern_test_layout_hash (c, root, hash);
  return hash;
}

/* Waits until the layout of widget's window holds still: a frame drawn,
 * and what the idles after it did (a filter bar that folds, a paned that
 * turns), moved nothing. */
static inline void
vaern_test_wait_for_layout (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  gint64 end = g_get_monotonic_time () + (gint64) VAERN_TEST_TIMEOUT_MS * 1000;
  guint before, after = vaern_test_layout_hash (root, root, 0);

  do
    {
      before = after;
      vaern_test_wait_for_frame (root);
      vaern_test_iterate ();
      after = vaern_test_layout_hash (root, root, 0);
    }
  while (after != before && g_get_monotonic_time () < end);
  if (after != before)
    vaern_test_wait_failed (__FILE__, __LINE__, G_STRFUNC, VAERN_TEST_TIMEOUT_MS,
                            "the layout to hold still");
}

static inline void
vaern_test_view_setup (VaernViewFixture *f,
                       GType             view_type,
                       int               width,
                       int               height)
{
  g_autoptr(GError) error = NULL;

  vaern_date_set_today ("2026-11-23");
  f->dir = vaern_test_tmpdir ();
  f->path = g_build_filename (f->dir, "demo.vaern", NULL);
  g_assert_true (vaern_cli_make_sample (f->path, FALSE, &error));
  g_assert_no_error (error);
  f->doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, height);
  f->view = g_object_new (view_type, NULL);
  gtk_window_set_child (f->window, f->view);
  vaern_view_set_document (VAERN_VIEW (f->view), f->doc);
  gtk_window_present (f->window);
  /* Until the window has its size: views lay out by it. */
  VAERN_TEST_WAIT (gtk_widget_get_width (f->view) > 0);
  vaern_test_wait_for_layout (f->view);
}

static inline void
vaern_test_view_teardown (VaernViewFixture *f)
{
  gtk_window_destroy (f->window);
  vaern_test_iterate ();
  g_clear_object (&f->doc);
  vaern_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Presses a key on a widget as its key controllers (capture phase first)
 * see it; whether one handled it. */
static inline gboolean
vaern_test_press_key (GtkWidget      *widget,
                      guint           keyval,
                      GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

/* Gives the view's window a new size and waits until the view has it,
 * and for what the views do after an allocation (filters that move, a
 * paned that turns). */
static inline void
vaern_test_view_resize (VaernViewFixture *f,
                        int               width,
                        int               height)
{
  gtk_window_set_default_size (f->window, width, height);
  VAERN_TEST_WAIT (gtk_widget_get_width (f->view) == width);
  vaern_test_wait_for_layout (f->view);
}

G_END_DECLS
