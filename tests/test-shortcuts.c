/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "app/vaern-application.h"
#include "views/vaern-documents-view.h"
#include "views/vaern-overview-view.h"
#include "views/vaern-people-view.h"
#include "views/vaern-register-view.h"
#include "views/vaern-risks-view.h"
#include "views/vaern-soa-view.h"
#include "views/vaern-wheel-view.h"

/* The keyboard shortcuts window (Ctrl+?) lists every accelerator the
 * application sets and every shortcut a view installs: a shortcut added
 * without being listed fails here. */

/* A key and its modifiers, as "<Control>n" in GTK's canonical spelling. */
static char *
canonical (guint           keyval,
           GdkModifierType mods)
{
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), mods);
}

static void
add_accelerators (GHashTable *set,
                  const char *accelerators)
{
  g_auto(GStrv) parts = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; parts[i]; i++)
    {
      guint key = 0;
      GdkModifierType mods = 0;

      if (parts[i][0] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (parts[i], &key, &mods));
      g_hash_table_add (set, canonical (key, mods));
    }
}

/* Every accelerator in the shortcuts window, with the title of each
 * shortcut checked. */
static GHashTable *
listed_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/vaern/Vaern/gtk/help-overlay.ui");
  GtkWidget *window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *child;
  guint n = 0;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));
  /* Walk the window's widgets for its shortcuts. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, window);
    while (stack->len > 0)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_SHORTCUTS_SHORTCUT (w))
          {
            g_autofree char *title = NULL;
            g_autofree char *accelerator = NULL;

            g_object_get (w, "title", &title, "accelerator", &accelerator, NULL);
            g_assert_nonnull (title);
            g_assert_cmpstr (title, !=, "");
            g_assert_nonnull (accelerator);
            add_accelerators (set, accelerator);
            n++;
          }
        for (child = gtk_widget_get_first_child (w); child; child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
  }
  g_assert_cmpuint (n, >=, 40);
  gtk_window_destroy (GTK_WINDOW (window));
  return set;
}

static void
assert_listed (GHashTable *listed,
               const char *accelerator,
               const char *what)
{
  guint key = 0;
  GdkModifierType mods = 0;
  g_autofree char *name = NULL;

  g_assert_true (gtk_accelerator_parse (accelerator, &key, &mods));
  name = canonical (key, mods);
  if (!g_hash_table_contains (listed, name))
    g_error ("%s (%s) is not in the keyboard shortcuts window", name, what);
}

static void
test_application (void)
{
  g_autoptr(GHashTable) listed = listed_shortcuts ();
  guint n;
  const VaernAccel *accels = vaern_application_get_accels (&n);

  g_assert_cmpuint (n, >, 10);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; accels[i].accels[j]; j++)
      assert_listed (listed, accels[i].accels[j], accels[i].action);
  /* What GTK and the window bring: the shortcuts window itself, the menu. */
  assert_listed (listed, "<Control>question", "win.show-help-overlay");
  assert_listed (listed, "F10", "the main menu");
}

/* The keys of a trigger: a key, or each of two alternatives. */
static void
trigger_keys (GtkShortcutTrigger *trigger,
              GPtrArray          *out)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      GtkKeyvalTrigger *k = GTK_KEYVAL_TRIGGER (trigger);
      guint keyval = gtk_keyval_trigger_get_keyval (k);

      /* The keypad's keys are the same keys to a person. */
      if (keyval == GDK_KEY_KP_Delete)
        keyval = GDK_KEY_Delete;
      g_ptr_array_add (out, canonical (keyval, gtk_keyval_trigger_get_modifiers (k)));
    }
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      trigger_keys (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), out);
      trigger_keys (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), out);
    }
}

static void
test_views (void)
{
  g_autoptr(GHashTable) listed = listed_shortcuts ();
  const GType types[] = {
    VAERN_TYPE_OVERVIEW_VIEW, VAERN_TYPE_REGISTER_VIEW, VAERN_TYPE_PEOPLE_VIEW,
    VAERN_TYPE_RISKS_VIEW, VAERN_TYPE_SOA_VIEW, VAERN_TYPE_DOCUMENTS_VIEW, VAERN_TYPE_WHEEL_VIEW,
  };
  guint total = 0;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GtkWidget *view = g_object_ref_sink (g_object_new (types[t], NULL));
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);

      for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
              g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

              trigger_keys (gtk_shortcut_get_trigger (shortcut), keys);
              for (guint k = 0; k < keys->len; k++)
                {
                  if (!g_hash_table_contains (listed, keys->pdata[k]))
                    g_error ("%s of %s is not in the keyboard shortcuts window",
                             (char *) keys->pdata[k], g_type_name (types[t]));
                  total++;
                }
            }
        }
      g_clear_object (&controllers);
      g_object_unref (view);
    }
  /* The views do have shortcuts: the walk found them. */
  g_assert_cmpuint (total, >=, 15);
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

  g_test_add_func ("/vaern/shortcuts/application", test_application);
  g_test_add_func ("/vaern/shortcuts/views", test_views);

  return g_test_run ();
}
