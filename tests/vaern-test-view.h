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

/* Runs the main loop until it has nothing left to do. */
static inline void
vaern_test_iterate (void)
{
  for (int i = 0; i < 3; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
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
  for (int i = 0; i < 50 && gtk_widget_get_width (f->view) == 0; i++)
    {
      g_usleep (10000);
      vaern_test_iterate ();
    }
  vaern_test_iterate ();
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
  for (int i = 0; i < 100 && (gtk_widget_get_width (f->view) != width
                              || gtk_widget_get_height (f->view) != height); i++)
    {
      g_usleep (10000);
      vaern_test_iterate ();
    }
  g_assert_cmpint (gtk_widget_get_width (f->view), ==, width);
  for (int i = 0; i < 10; i++)
    {
      g_usleep (10000);
      vaern_test_iterate ();
    }
}

G_END_DECLS
