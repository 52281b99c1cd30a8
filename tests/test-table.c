/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"
#include "vaern-test-util.h"

/* VaernTable under a virtual display: sorting both ways, the order kept
 * right through edits of the model, the header, columns left out when
 * narrow, and what a row draws. */

typedef struct
{
  GListStore *store;
  GtkWindow  *window;
  VaernTable *table;
  GPtrArray  *shadow;    /* the list as told by items-changed */
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
name_cell (gpointer        item,
           VaernTableCell *cell,
           gpointer        user_data)
{
  cell->text = g_strdup (gtk_string_object_get_string (item));
}

/* Names with a capital letter are drawn as warnings. */
static void
note_cell (gpointer        item,
           VaernTableCell *cell,
           gpointer        user_data)
{
  const char *name = gtk_string_object_get_string (item);

  cell->text = g_strdup_printf ("Note on %s", name);
  if (g_ascii_isupper (name[0]))
    cell->style = VAERN_TABLE_CELL_WARNING;
}

static GtkSorter *
name_sorter (void)
{
  GtkStringSorter *sorter = gtk_string_sorter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT,
                                                                                NULL, "string"));

  gtk_string_sorter_set_ignore_case (sorter, TRUE);
  return GTK_SORTER (sorter);
}

/* Length first, so the second column sorts differently from the first. */
static int
length_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const char *x = gtk_string_object_get_string ((GtkStringObject *) a);
  const char *y = gtk_string_object_get_string ((GtkStringObject *) b);
  int d = (int) strlen (x) - (int) strlen (y);

  return d != 0 ? (d < 0 ? -1 : 1) : g_strcmp0 (x, y) < 0 ? -1 : g_strcmp0 (x, y) > 0;
}

static void
shadow_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Fixture    *f)
{
  g_ptr_array_remove_range (f->shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (f->shadow, position + i, g_list_model_get_item (model, position + i));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *names[] = { "Charlie", "alpha", "Bravo", "delta" };
  GListModel *shown;

  f->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkStringObject) s = gtk_string_object_new (names[i]);

      g_list_store_append (f->store, s);
    }
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 700, 400);
  f->table = VAERN_TABLE (vaern_table_new ());
  vaern_table_add_column (f->table, "Name", name_cell, NULL, name_sorter (), 200, TRUE, 0);
  vaern_table_add_column (f->table, "Note", note_cell, NULL,
                          GTK_SORTER (gtk_custom_sorter_new (length_compare, NULL, NULL)),
                          300, FALSE, 5);
  vaern_table_set_model (f->table, G_LIST_MODEL (f->store));
  vaern_table_sort_by (f->table, 0, GTK_SORT_ASCENDING);
  gtk_window_set_child (f->window, GTK_WIDGET (f->table));
  gtk_window_present (f->window);
  iterate ();

  shown = G_LIST_MODEL (vaern_table_get_selection (f->table));
  f->shadow = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_ptr_array_add (f->shadow, g_list_model_get_item (shown, i));
  g_signal_connect (shown, "items-changed", G_CALLBACK (shadow_changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (vaern_table_get_selection (f->table), f);
  gtk_window_destroy (f->window);
  iterate ();
  g_ptr_array_unref (f->shadow);
  g_clear_object (&f->store);
}

/* The names as shown, joined by spaces; checks that what items-changed
 * told matches the list. */
static char *
shown_names (Fixture *f)
{
  GListModel *shown = G_LIST_MODEL (vaern_table_get_selection (f->table));
  GString *s = g_string_new (NULL);

  g_assert_cmpuint (f->shadow->len, ==, g_list_model_get_n_items (shown));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (shown, i);

      g_assert_true (item == g_ptr_array_index (f->shadow, i));
      g_string_append_printf (s, "%s%s", i ? " " : "", gtk_string_object_get_string (item));
    }
  return g_string_free (s, FALSE);
}

#define assert_shown(f, expected) \
  G_STMT_START { \
    g_autofree char *names_ = shown_names (f); \
    g_assert_cmpstr (names_, ==, expected); \
  } G_STMT_END

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkSortType order;

  assert_shown (f, "alpha Bravo Charlie delta");
  vaern_table_sort_by (f->table, 0, GTK_SORT_DESCENDING);
  assert_shown (f, "delta Charlie Bravo alpha");
  g_assert_cmpuint (vaern_table_get_sort_column (f->table, &order), ==, 0);
  g_assert_cmpint (order, ==, GTK_SORT_DESCENDING);
  vaern_table_sort_by (f->table, 1, GTK_SORT_ASCENDING);
  assert_shown (f, "Bravo alpha delta Charlie");
  vaern_table_sort_by (f->table, 1, GTK_SORT_DESCENDING);
  assert_shown (f, "Charlie delta alpha Bravo");
}

/* Edits of the model land in the right place in both directions: the
 * shadow built from items-changed alone stays equal to the list. */
static void
test_edits (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GtkStringObject) echo = gtk_string_object_new ("echo");
  g_autoptr(GtkStringObject) aa = gtk_string_object_new ("Aa");

  vaern_table_sort_by (f->table, 0, GTK_SORT_DESCENDING);
  g_list_store_append (f->store, echo);
  assert_shown (f, "echo delta Charlie Bravo alpha");
  g_list_store_remove (f->store, 1);   /* alpha */
  assert_shown (f, "echo delta Charlie Bravo");
  g_list_store_insert (f->store, 0, aa);
  assert_shown (f, "echo delta Charlie Bravo Aa");
  g_list_store_remove_all (f->store);
  assert_shown (f, "");
  g_list_store_append (f->store, echo);
  g_list_store_append (f->store, aa);
  assert_shown (f, "echo Aa");
  vaern_table_sort_by (f->table, 0, GTK_SORT_ASCENDING);
  assert_shown (f, "Aa echo");
}

static GtkWidget *
heading (Fixture *f,
         guint    column)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (f->table));
  GtkWidget *button = gtk_widget_get_first_child (header);

  for (guint i = 0; i < column; i++)
    button = gtk_widget_get_next_sibling (button);
  g_assert_true (GTK_IS_BUTTON (button));
  return button;
}

/* A click on a heading sorts by it; a second click turns the order. */
static void
test_header (Fixture       *f,
             gconstpointer  data)
{
  GtkSortType order;

  g_signal_emit_by_name (heading (f, 0), "clicked");
  assert_shown (f, "delta Charlie Bravo alpha");
  g_signal_emit_by_name (heading (f, 1), "clicked");
  g_assert_cmpuint (vaern_table_get_sort_column (f->table, &order), ==, 1);
  g_assert_cmpint (order, ==, GTK_SORT_ASCENDING);
  assert_shown (f, "Bravo alpha delta Charlie");
  g_signal_emit_by_name (heading (f, 1), "clicked");
  assert_shown (f, "Charlie delta alpha Bravo");
}

/* The selection follows its item when the order changes. */
static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  GtkStringObject *selected;

  vaern_table_select (f->table, 2);   /* Charlie */
  vaern_table_sort_by (f->table, 0, GTK_SORT_DESCENDING);
  selected = vaern_table_get_selected (f->table);
  g_assert_nonnull (selected);
  g_assert_cmpstr (gtk_string_object_get_string (selected), ==, "Charlie");
  g_assert_cmpuint (gtk_single_selection_get_selected (vaern_table_get_selection (f->table)), ==, 1);
}

static void
set_width (Fixture *f,
           int      width)
{
  gtk_window_set_default_size (f->window, width, 400);
  gtk_widget_queue_resize (GTK_WIDGET (f->window));
  VAERN_TEST_WAIT (gtk_widget_get_width (GTK_WIDGET (f->table)) == width);
  iterate ();
}

/* A narrow table leaves out the columns with the highest priority number,
 * header and cells alike. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  set_width (f, 700);
  g_assert_true (vaern_table_column_is_shown (f->table, 0));
  g_assert_true (vaern_table_column_is_shown (f->table, 1));
  g_assert_true (gtk_widget_get_child_visible (heading (f, 1)));

  set_width (f, 360);
  g_assert_true (vaern_table_column_is_shown (f->table, 0));
  g_assert_false (vaern_table_column_is_shown (f->table, 1));
  g_assert_false (gtk_widget_get_child_visible (heading (f, 1)));
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (heading (f, 0), GTK_WIDGET (f->table), &bounds));
    g_assert_cmpfloat (bounds.size.width, ==, 360);
  }
}

static void
test_cell_text (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *name = vaern_table_get_cell_text (f->table, 1, 0);
  g_autofree char *note = vaern_table_get_cell_text (f->table, 1, 1);

  g_assert_cmpstr (name, ==, "Bravo");
  g_assert_cmpstr (note, ==, "Note on Bravo");
  g_assert_null (vaern_table_get_cell_text (f->table, 99, 0));
}

/* The table drawn to a texture: the first row's note (alpha, lower case)
 * is in the text colour, the second's (Bravo) in the warning colour, and
 * the name column has text. */
typedef struct {
  guint dark;      /* text-coloured pixels */
  guint warm;      /* warning-coloured pixels: red and green well above blue */
} Census;

static Census
census (const guchar *pixels,
        gsize         stride,
        int           x0,
        int           y0,
        int           x1,
        int           y1)
{
  Census c = { 0 };

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;   /* B G R A in memory */
        int b = p[0], g = p[1], r = p[2];

        if (r < 90 && g < 90 && b < 90)
          c.dark++;
        if (r > 100 && r - b > 80 && g - b > 40)
          c.warm++;
      }
  return c;
}

static void
test_pixels (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (f->table));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width, height, row_top, row_height;
  GtkWidget *list = vaern_table_get_list_view (f->table);
  GtkWidget *first_row;
  graphene_point_t top;
  Census name1, note1, note2;

  set_width (f, 700);
  width = gtk_widget_get_width (GTK_WIDGET (f->table));
  height = gtk_widget_get_height (GTK_WIDGET (f->table));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);

  /* The first row widget in the list, and where the rows start. */
  first_row = gtk_widget_get_first_child (list);
  while (first_row && !gtk_widget_get_visible (first_row))
    first_row = gtk_widget_get_next_sibling (first_row);
  g_assert_nonnull (first_row);
  g_assert_true (gtk_widget_compute_point (first_row, GTK_WIDGET (f->table),
                                           &GRAPHENE_POINT_INIT (0, 0), &top));
  row_top = (int) top.y;
  row_height = gtk_widget_get_height (first_row);
  g_assert_cmpint (row_height, >, 10);

  /* Rows: alpha, Bravo. Of the 200 px over, the fixed note column (300)
   * takes half, 100; the name column is 300 px wide (200 and the rest),
   * the note column the 400 after it. */
  name1 = census (pixels, width * 4, 0, row_top, 300, row_top + row_height);
  note1 = census (pixels, width * 4, 300, row_top, width, row_top + row_height);
  note2 = census (pixels, width * 4, 300, row_top + row_height, width, row_top + 2 * row_height);
  g_assert_cmpuint (name1.dark, >, 20);
  g_assert_cmpuint (note1.dark, >, 20);
  g_assert_cmpuint (note1.warm, <, 5);
  g_assert_cmpuint (note2.warm, >, 20);
}

static void
count_cb (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  (*(guint *) user_data)++;
}

/* Activating a row selects it and runs the table's activate-action. */
static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) edit = g_simple_action_new ("edit", NULL);
  guint count = 0;

  g_signal_connect (edit, "activate", G_CALLBACK (count_cb), &count);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (edit));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "test", G_ACTION_GROUP (group));
  g_object_set (f->table, "activate-action", "test.edit", NULL);

  g_signal_emit_by_name (vaern_table_get_list_view (f->table), "activate", 2);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (vaern_table_get_selection (f->table)), ==, 2);
}

/* The search rule of every list: every word, in any order, any case;
 * typing on narrows and deleting widens. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = gtk_entry_new ();
  VaernSearch search = { 0 };
  GtkFilterChange change;

  g_object_ref_sink (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Krypt ");
  g_assert_true (vaern_search_read (&search, GTK_EDITABLE (entry), &change));
  g_assert_cmpint (change, ==, GTK_FILTER_CHANGE_MORE_STRICT);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Krypt RAN");
  g_assert_true (vaern_search_read (&search, GTK_EDITABLE (entry), &change));
  g_assert_cmpint (change, ==, GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_true (vaern_search_matches (&search, "ransomware krypterer data"));
  g_assert_false (vaern_search_matches (&search, "ransomware"));
  g_assert_false (vaern_search_matches (&search, NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Krypt RAN ");
  g_assert_false (vaern_search_read (&search, GTK_EDITABLE (entry), &change));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Krypt");
  g_assert_true (vaern_search_read (&search, GTK_EDITABLE (entry), &change));
  g_assert_cmpint (change, ==, GTK_FILTER_CHANGE_LESS_STRICT);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (vaern_search_read (&search, GTK_EDITABLE (entry), &change));
  g_assert_true (vaern_search_matches (&search, NULL));
  vaern_search_clear (&search);
  g_object_unref (entry);
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
  g_test_add ("/vaern/table/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("sort", test_sort);
  ADD ("edits", test_edits);
  ADD ("header", test_header);
  ADD ("selection", test_selection);
  ADD ("narrow", test_narrow);
  ADD ("cell-text", test_cell_text);
  ADD ("pixels", test_pixels);
  ADD ("activate", test_activate);
  ADD ("search", test_search);

  return g_test_run ();
}
