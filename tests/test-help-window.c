/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "app/vaern-help-guide.h"
#include "app/vaern-help-window.h"
#include "vaern-test-view.h"

/* The user guide: both guides parse and have the same seven pages, each
 * with a title and text; a broken guide is an error, not a crash; the
 * language follows the interface; the window opens on the page asked for,
 * shows another topic when it is chosen, and is one window per parent. */

static const char *const page_ids[] = {
  "start", "register", "risks", "soa", "wheel", "reports", "shortcuts", NULL
};

/* The guides */

static void
assert_guide (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernHelpGuide) guide = vaern_help_guide_load (language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (guide);
  g_assert_cmpstr (guide->language, ==, language);
  g_assert_cmpstr (guide->tip_label, !=, "");
  g_assert_cmpuint (guide->pages->len, ==, g_strv_length ((char **) page_ids));

  for (guint i = 0; page_ids[i]; i++)
    {
      const VaernHelpPage *page = g_ptr_array_index (guide->pages, i);
      gboolean has_paragraph = FALSE;

      /* The same pages in the same order in every language. */
      g_assert_cmpstr (page->id, ==, page_ids[i]);
      g_assert_true (vaern_help_guide_find_page (guide, page_ids[i]) == page);
      g_assert_cmpuint (strlen (page->title), >, 3);
      g_assert_cmpuint (page->blocks->len, >, 1);
      for (guint b = 0; b < page->blocks->len; b++)
        {
          const VaernHelpBlock *block = g_ptr_array_index (page->blocks, b);

          g_assert_cmpuint (strlen (block->text), >, 0);
          g_assert_cmpuint (strlen (block->markup), >=, strlen (block->text));
          /* White space is collapsed: no line breaks from the file's
           * indentation, no double spaces, nothing at either end. */
          g_assert_null (strchr (block->text, '\n'));
          g_assert_null (strstr (block->text, "  "));
          g_assert_false (g_ascii_isspace (block->text[0]));
          g_assert_false (g_ascii_isspace (block->text[strlen (block->text) - 1]));
          has_paragraph |= block->kind == VAERN_HELP_BLOCK_PARAGRAPH;
        }
      g_assert_true (has_paragraph);
    }
  g_assert_null (vaern_help_guide_find_page (guide, "no-such-page"));
}

static void
test_guides (void)
{
  const char *const *languages = vaern_help_guide_get_languages ();

  g_assert_true (g_strv_contains (languages, "en"));
  g_assert_true (g_strv_contains (languages, "da"));
  for (guint i = 0; languages[i]; i++)
    assert_guide (languages[i]);
}

/* The text of the Danish guide is Danish: the same pages, other words. */
static void
test_danish (void)
{
  g_autoptr(VaernHelpGuide) en = vaern_help_guide_load ("en", NULL);
  g_autoptr(VaernHelpGuide) da = vaern_help_guide_load ("da", NULL);
  const VaernHelpPage *page;
  g_autofree char *text = NULL;

  g_assert_nonnull (en);
  g_assert_nonnull (da);
  for (guint i = 0; page_ids[i]; i++)
    {
      const VaernHelpPage *e = g_ptr_array_index (en->pages, i);
      const VaernHelpPage *d = g_ptr_array_index (da->pages, i);

      g_assert_cmpstr (e->title, !=, d->title);
    }
  /* The names the window shows in Danish (po/da.po). */
  page = vaern_help_guide_find_page (da, "start");
  text = vaern_help_page_get_text (page);
  g_assert_nonnull (strstr (text, "Nyt dokument…"));
  g_assert_nonnull (strstr (text, "Åbn demodokumentet"));
  g_clear_pointer (&text, g_free);
  text = vaern_help_page_get_text (vaern_help_guide_find_page (da, "soa"));
  g_assert_nonnull (strstr (text, "Start ny kladde"));
  g_clear_pointer (&text, g_free);
  text = vaern_help_page_get_text (vaern_help_guide_find_page (da, "shortcuts"));
  g_assert_nonnull (strstr (text, "Ctrl+?"));
  g_assert_nonnull (strstr (text, "F1: Denne vejledning"));
}

static void
test_markup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernHelpGuide) guide = vaern_help_guide_parse (
    "<guide lang='xx'>\n"
    "  <page id='one' title=' One '>\n"
    "    <p>Press  <key>Ctrl+Z</key>\n     to <b>undo</b> <i>it</i> &amp; <gui>More</gui>.</p>\n"
    "    <steps><step>First</step><step>Second</step></steps>\n"
    "    <list><item>A &lt;b&gt;</item></list>\n"
    "    <steps><step>Again</step></steps>\n"
    "    <keys><key-row keys=' F1 '>Help</key-row></keys>\n"
    "    <tip>Mind <file>~/x</file></tip>\n"
    "  </page>\n"
    "  <page id='two' title='Two'><h>Heading</h><p>Text</p></page>\n"
    "</guide>\n", -1, &error);
  const VaernHelpPage *page;
  const VaernHelpBlock *block;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (guide);
  g_assert_cmpstr (guide->language, ==, "xx");
  g_assert_cmpstr (guide->tip_label, ==, "Tip");
  g_assert_cmpuint (guide->pages->len, ==, 2);
  page = g_ptr_array_index (guide->pages, 0);
  g_assert_cmpstr (page->title, ==, "One");
  g_assert_cmpuint (page->blocks->len, ==, 7);

  block = g_ptr_array_index (page->blocks, 0);
  g_assert_cmpint (block->kind, ==, VAERN_HELP_BLOCK_PARAGRAPH);
  g_assert_cmpstr (block->text, ==, "Press Ctrl+Z to undo it & More.");
  g_assert_cmpstr (block->markup, ==,
                   "Press <tt>Ctrl+Z</tt> to <b>undo</b> <i>it</i> &amp; <b>More</b>.");
  block = g_ptr_array_index (page->blocks, 2);
  g_assert_cmpint (block->kind, ==, VAERN_HELP_BLOCK_STEP);
  g_assert_cmpuint (block->number, ==, 2);
  block = g_ptr_array_index (page->blocks, 3);
  g_assert_cmpint (block->kind, ==, VAERN_HELP_BLOCK_ITEM);
  g_assert_cmpstr (block->text, ==, "A <b>");
  g_assert_cmpstr (block->markup, ==, "A &lt;b&gt;");
  /* A new list of steps counts from 1 again. */
  block = g_ptr_array_index (page->blocks, 4);
  g_assert_cmpuint (block->number, ==, 1);
  block = g_ptr_array_index (page->blocks, 5);
  g_assert_cmpint (block->kind, ==, VAERN_HELP_BLOCK_KEYS);
  g_assert_cmpstr (block->keys, ==, "F1");
  block = g_ptr_array_index (page->blocks, 6);
  g_assert_cmpint (block->kind, ==, VAERN_HELP_BLOCK_TIP);
  g_assert_cmpstr (block->markup, ==, "Mind <tt>~/x</tt>");

  text = vaern_help_page_get_text (page);
  g_assert_cmpstr (text, ==, "One\nPress Ctrl+Z to undo it & More.\n1. First\n2. Second\n"
                             "A <b>\n1. Again\nF1: Help\nMind ~/x");
}

/* Each of these is refused with an error, and nothing is returned. */
static void
test_malformed (void)
{
  static const char *const bad[] = {
    "",
    "   ",
    "not xml at all",
    "<guide lang='en'><page id='a' title='A'><p>Unclosed</page></guide>",
    "<guide lang='en'><page id='a' title='A'><p>Text</p></page>",
    "<book lang='en'><page id='a' title='A'><p>Text</p></page></book>",
    "<guide><page id='a' title='A'><p>Text</p></page></guide>",
    "<guide lang='en'></guide>",
    "<guide lang='en'><page title='A'><p>Text</p></page></guide>",
    "<guide lang='en'><page id='a'><p>Text</p></page></guide>",
    "<guide lang='en'><page id=' ' title='A'><p>Text</p></page></guide>",
    "<guide lang='en'><page id='a' title='A'></page></guide>",
    "<guide lang='en'><page id='a' title='A'><p> </p></page></guide>",
    "<guide lang='en'><page id='a' title='A'><p>x</p></page>"
    "<page id='a' title='B'><p>y</p></page></guide>",
    "<guide lang='en'><page id='a' title='A'><blink>x</blink></page></guide>",
    "<guide lang='en'><page id='a' title='A'><p>x <blink>y</blink></p></page></guide>",
    "<guide lang='en'><page id='a' title='A'><p>x <p>y</p></p></page></guide>",
    "<guide lang='en'><page id='a' title='A'><step>x</step></page></guide>",
    "<guide lang='en'><page id='a' title='A'><steps><item>x</item></steps></page></guide>",
    "<guide lang='en'><page id='a' title='A'><steps></steps></page></guide>",
    "<guide lang='en'><page id='a' title='A'><keys><key-row>x</key-row></keys></page></guide>",
    "<guide lang='en'><page id='a' title='A'>loose text<p>x</p></page></guide>",
    "<guide lang='en'>loose<page id='a' title='A'><p>x</p></page></guide>",
    "<guide lang='en'><p>outside</p></guide>",
    "<guide lang='en'><page id='a' title='A'><page id='b' title='B'><p>x</p></page></page>"
    "</guide>",
    "<guide lang='en'><page id='a' title='A' colour='red'><p>x</p></page></guide>",
    "<guide lang='en'><page id='a' title='A'><p><b class='x'>x</b></p></page></guide>",
    "<guide lang='en'><guide lang='da'/><page id='a' title='A'><p>x</p></page></guide>",
    "<guide lang='en'><page id='a' title='A'><p>x &nbsp; y</p></page></guide>",
    "<guide lang='en'><page id='a' title='A'><p>\xff\xfe</p></page></guide>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VaernHelpGuide) guide = vaern_help_guide_parse (bad[i], -1, &error);

      if (guide != NULL || error == NULL)
        g_error ("accepted: %s", bad[i]);
      g_assert_error (error, G_MARKUP_ERROR, error->code);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (vaern_help_guide_load ("xx", &error));
    g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
  }
}

static void
test_pick_language (void)
{
  static const struct
  {
    const char *names[6];
    const char *expected;
  } cases[] = {
    { { "da_DK.UTF-8", "da_DK", "da.UTF-8", "da", "C", NULL }, "da" },
    { { "da", NULL }, "da" },
    { { "da_DK@euro", "C", NULL }, "da" },
    { { "en_GB.UTF-8", "en_GB", "en", "C", NULL }, "en" },
    { { "de_DE.UTF-8", "de_DE", "de", "C", NULL }, "en" },
    { { "nb_NO", "nb", "da", "C", NULL }, "da" },
    { { "C.UTF-8", "C", NULL }, "en" },
    { { "POSIX", "da", NULL }, "en" },
    { { NULL }, "en" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (vaern_help_guide_pick_language (cases[i].names), ==, cases[i].expected);
}

/* The window */

typedef struct
{
  GtkWindow *parent;
  GtkWindow *help;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->parent, 900, 700);
  gtk_window_present (f->parent);
  vaern_test_iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->help)
    g_object_add_weak_pointer (G_OBJECT (f->help), (gpointer *) &f->help);
  gtk_window_destroy (f->parent);
  vaern_test_iterate ();
  /* The guide goes with its window. */
  g_assert_null (f->help);
  g_unsetenv ("LANGUAGE");
}

static VaernHelpWindow *
show (Fixture    *f,
      const char *page_id)
{
  f->help = vaern_help_window_show (f->parent, page_id);
  g_assert_true (VAERN_IS_HELP_WINDOW (f->help));
  VAERN_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (f->help)));
  vaern_test_iterate ();
  return VAERN_HELP_WINDOW (f->help);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The shown text holds every block of the page, as the guide has it. */
static void
assert_shows (VaernHelpWindow *help,
              const char      *page_id)
{
  g_autoptr(VaernHelpGuide) guide = vaern_help_guide_load (vaern_help_window_get_language (help),
                                                           NULL);
  const VaernHelpPage *page = vaern_help_guide_find_page (guide, page_id);
  g_autofree char *shown = vaern_help_window_get_page_text (help);

  g_assert_nonnull (page);
  g_assert_cmpstr (vaern_help_window_get_page (help), ==, page_id);
  g_assert_true (g_str_has_prefix (shown, page->title));
  for (guint i = 0; i < page->blocks->len; i++)
    {
      const VaernHelpBlock *block = g_ptr_array_index (page->blocks, i);

      if (strstr (shown, block->text) == NULL)
        g_error ("page %s does not show “%s”", page_id, block->text);
    }
}

static void
test_open_on_page (Fixture       *f,
                   gconstpointer  data)
{
  VaernHelpWindow *help = show (f, "risks");
  GtkListBox *topics = GTK_LIST_BOX (find_widget (GTK_WIDGET (help), GTK_TYPE_LIST_BOX));

  g_assert_true (gtk_window_get_transient_for (f->help) == f->parent);
  g_assert_false (gtk_window_get_modal (f->help));
  assert_shows (help, "risks");
  /* The topic list shows where you are. */
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (topics)), ==, 2);

  /* Asked again, the same window comes forward on the new page; with no
   * page it stays where it is. */
  g_assert_true (vaern_help_window_show (f->parent, "wheel") == f->help);
  assert_shows (help, "wheel");
  g_assert_true (vaern_help_window_show (f->parent, NULL) == f->help);
  g_assert_cmpstr (vaern_help_window_get_page (help), ==, "wheel");
  g_assert_true (vaern_help_window_show (f->parent, "no-such-page") == f->help);
  g_assert_cmpstr (vaern_help_window_get_page (help), ==, "wheel");
  g_assert_false (vaern_help_window_set_page (help, "no-such-page"));
  g_assert_true (vaern_help_window_set_page (help, "shortcuts"));
  assert_shows (help, "shortcuts");
}

static void
test_first_page (Fixture       *f,
                 gconstpointer  data)
{
  VaernHelpWindow *help = show (f, NULL);

  assert_shows (help, "start");
}

/* Choosing a topic in the list, by click or keyboard, shows its page. */
static void
test_choose_topic (Fixture       *f,
                   gconstpointer  data)
{
  VaernHelpWindow *help = show (f, NULL);
  GtkListBox *topics = GTK_LIST_BOX (find_widget (GTK_WIDGET (help), GTK_TYPE_LIST_BOX));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (topics, (int) n))
    n++;
  g_assert_cmpuint (n, ==, g_strv_length ((char **) page_ids));

  for (guint i = 0; page_ids[i]; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (topics, (int) (n - 1 - i));

      gtk_list_box_select_row (topics, row);
      g_signal_emit_by_name (topics, "row-activated", row);
      vaern_test_iterate ();
      assert_shows (help, page_ids[n - 1 - i]);
    }
}

/* How long a window manager may take to give the guide its narrow size. */
#define FOLD_TIMEOUT_MS 5000

static gboolean
leaflet_folded_cb (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

/* Whether the folded leaflet has gone over to the page, the topics out
 * of sight. */
static gboolean
shows_content (AdwLeaflet *leaflet)
{
  return !adw_leaflet_get_child_transition_running (leaflet)
         && find_widget (adw_leaflet_get_visible_child (leaflet), GTK_TYPE_LIST_BOX) == NULL;
}

/* Every control a screen reader meets has a name. */
static void
assert_named (GtkWidget *widget)
{
  /* GTK names its own window buttons. */
  if (GTK_IS_WINDOW_CONTROLS (widget))
    return;
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget)
      && !GTK_IS_LIST_BOX_ROW (gtk_widget_get_parent (widget)))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if ((label == NULL || *label == '\0') && (tooltip == NULL || *tooltip == '\0')
          && find_widget (widget, GTK_TYPE_LABEL) == NULL)
        g_error ("a %s without a name in a %s", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    assert_named (c);
}

/* Narrows the guide until its leaflet folds; whether it did (a window
 * manager may keep the window wide). */
static gboolean
fold (Fixture    *f,
      AdwLeaflet *leaflet)
{
  gtk_window_set_default_size (f->help, 380, 600);
  gtk_widget_queue_resize (GTK_WIDGET (f->help));
  if (!vaern_test_wait_until (leaflet_folded_cb, leaflet, FOLD_TIMEOUT_MS))
    return FALSE;
  vaern_test_wait_for_layout (GTK_WIDGET (f->help));
  return TRUE;
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  VaernHelpWindow *help = show (f, "soa");
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (help), ADW_TYPE_LEAFLET));

  assert_named (GTK_WIDGET (help));
  /* Folded, the back button shows; it has a name too. */
  if (!fold (f, leaflet))
    {
      g_test_skip ("the window manager keeps the window wide");
      return;
    }
  assert_named (GTK_WIDGET (help));
}

/* Narrow, the guide shows one side at a time: the page asked for, and the
 * topics again through the back button's action. */
static void
test_folded (Fixture       *f,
             gconstpointer  data)
{
  VaernHelpWindow *help = show (f, "reports");
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (help), ADW_TYPE_LEAFLET));
  GtkListBox *topics;
  GtkListBoxRow *row;

  if (!fold (f, leaflet))
    {
      g_test_skip ("the window manager keeps the window wide");
      return;
    }
  assert_shows (help, "reports");
  g_assert_null (find_widget (adw_leaflet_get_visible_child (leaflet), GTK_TYPE_LIST_BOX));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (help), "help.show-topics", NULL));
  vaern_test_iterate ();
  topics = GTK_LIST_BOX (find_widget (adw_leaflet_get_visible_child (leaflet), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (topics);

  /* A topic chosen there takes its place again. */
  row = gtk_list_box_get_row_at_index (topics, 0);
  gtk_list_box_select_row (topics, row);
  g_signal_emit_by_name (topics, "row-activated", row);
  VAERN_TEST_WAIT (shows_content (leaflet));
  assert_shows (help, "start");
  g_assert_null (find_widget (adw_leaflet_get_visible_child (leaflet), GTK_TYPE_LIST_BOX));
}

/* The interface's language decides: Danish for Danish, English for the
 * rest. */
static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  VaernHelpWindow *help;

  g_setenv ("LANGUAGE", "da_DK:da", TRUE);
  g_assert_cmpstr (vaern_help_window_default_language (), ==, "da");
  help = show (f, "start");
  g_assert_cmpstr (vaern_help_window_get_language (help), ==, "da");
  assert_shows (help, "start");
  gtk_window_destroy (f->help);
  vaern_test_iterate ();
  f->help = NULL;

  g_setenv ("LANGUAGE", "de_DE:de", TRUE);
  g_assert_cmpstr (vaern_help_window_default_language (), ==, "en");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpstr (vaern_help_window_default_language (), ==, "en");
  help = show (f, "start");
  g_assert_cmpstr (vaern_help_window_get_language (help), ==, "en");
  assert_shows (help, "start");
}

int
main (int   argc,
      char *argv[])
{
  gboolean display = g_getenv ("DISPLAY") || g_getenv ("WAYLAND_DISPLAY");

  g_test_init (&argc, &argv, NULL);

  /* The guides need no display. */
  g_test_add_func ("/vaern/help-window/guides", test_guides);
  g_test_add_func ("/vaern/help-window/danish", test_danish);
  g_test_add_func ("/vaern/help-window/markup", test_markup);
  g_test_add_func ("/vaern/help-window/malformed", test_malformed);
  g_test_add_func ("/vaern/help-window/pick-language", test_pick_language);

  if (display)
    {
      gtk_init ();
      adw_init ();
      g_test_add ("/vaern/help-window/open-on-page", Fixture, NULL, fixture_setup,
                  test_open_on_page, fixture_teardown);
      g_test_add ("/vaern/help-window/first-page", Fixture, NULL, fixture_setup,
                  test_first_page, fixture_teardown);
      g_test_add ("/vaern/help-window/choose-topic", Fixture, NULL, fixture_setup,
                  test_choose_topic, fixture_teardown);
      g_test_add ("/vaern/help-window/accessible", Fixture, NULL, fixture_setup,
                  test_accessible, fixture_teardown);
      g_test_add ("/vaern/help-window/folded", Fixture, NULL, fixture_setup, test_folded,
                  fixture_teardown);
      g_test_add ("/vaern/help-window/language", Fixture, NULL, fixture_setup, test_language,
                  fixture_teardown);
    }

  return g_test_run ();
}
