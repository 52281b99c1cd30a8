/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <atspi/atspi.h>
#include <gio/gio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>

#include "store/vaern-document.h"
#include "vaern-test-util.h"

/* The window as a screen reader meets it. The real program runs as a child
 * with the accessibility bridge on, in English and in Danish, on the demo,
 * on a new (empty) document and on the welcome page. The test finds it on
 * the AT-SPI registry by its process id, shows each of the seven views by
 * selecting its row of the sidebar through AT-SPI (as a screen reader's
 * user does), checks that the page on screen is that view's, and walks the
 * window's accessible tree; then each other tab of the view (People,
 * Systems, Units; Documents, Approvals), clicked through its AT-SPI action.
 * On the demo, every view and tab with a search field is walked once more
 * with a search that matches nothing, so the no-match states are walked
 * too.
 *
 * It fails on every control on screen that has no accessible name: a push,
 * toggle or menu button, a check box, radio button or switch, a combo box
 * (drop-down), an entry, text, password or spin button, a slider, a tab or
 * a link; and on a table cell or list item that has no name and nothing on
 * screen in it with a name. A cell is read out by what it holds: a label's
 * text or a named control names it, an icon without a name does not. The
 * message gives the role, the path from the window (role[index] per step),
 * the view, the nearest named object and the description (the tooltip).
 *
 * What GTK 4.8 shows on AT-SPI, found by looking, and so the rules:
 *  - An accessible with no label and no labelled-by relation gets the name
 *    of its class ("GtkMenuButton", "GtkImage", "AdwGizmo"): a screen
 *    reader says that aloud. Such a name counts as no name.
 *  - A tooltip is the accessible description, not the name: an icon-only
 *    button with a tooltip is still unnamed. The name comes from the
 *    button's label, the "label" accessible property or a labelled-by
 *    relation. A drop-down's inner button, which takes the focus, is named
 *    only by a relation to the drop-down.
 *  - No widget below the window has the SHOWING state, and the children of
 *    a stack's hidden pages are in the tree, all VISIBLE. On screen is what
 *    has a size (its extents are not empty); but a page once shown keeps
 *    its old extents when hidden, so of a stack's pages (panels without
 *    extents of their own) only the one under a hit test counts.
 *
 * Without a display or an accessibility bus it skips (exit status 77, or a
 * TAP plan of no tests under meson, which reads 77 as an error); with
 * CI=true it fails instead, so a CI run cannot pass without having looked. */

/* libatspi 2.46 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAction, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiEditableText, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiSelection, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)

#define N_VIEWS        7
#define START_TIMEOUT  60   /* seconds until the window is on the bus */
#define SWITCH_TIMEOUT 15   /* seconds until a view is shown */

/* The sidebar's order (the window's add_view calls), for the messages. */
static const char *const view_names[N_VIEWS] = {
  "overview", "register", "people", "risks", "soa", "documents", "wheel",
};

/* What a search that matches nothing types. */
#define NO_MATCH "zzqx-no-such-thing"

typedef enum
{
  START_WELCOME,
  START_DEMO,
  START_EMPTY,
} Start;

typedef struct
{
  Start       start;
  const char *language;     /* "C" or "da" */
  const char *first_title;  /* the first view's title in that language */
  const char *welcome;      /* the welcome page's heading in that language */
} Case;

static const Case cases[] = {
  { START_DEMO, "C", "Overview", "Welcome to Værn" },
  { START_DEMO, "da", "Overblik", "Velkommen til Værn" },
  { START_EMPTY, "C", "Overview", "Welcome to Værn" },
  { START_EMPTY, "da", "Overblik", "Velkommen til Værn" },
  { START_WELCOME, "C", "Overview", "Welcome to Værn" },
  { START_WELCOME, "da", "Overblik", "Velkommen til Værn" },
};

static char *binary;
static char *localedir;
static char *dir;
static char *demo_path;
static char *empty_path;
static gboolean danish_locale;
static int window_width;    /* the window's size, for hit tests */
static int window_height;

/* The child ============================================================= */

typedef struct
{
  GSubprocess     *process;
  GPid             pid;
  char            *log;
  AtspiAccessible *app;
  AtspiAccessible *frame;
} Child;

/* Waiting ================================================================ */

/* The test waits for what it looks for on the bus (the window there, a
 * row selected, a page on screen, a search's result), looking again every
 * POLL_MS with the main loop running in between, never for a fixed time. */

/* Every look is a round trip or more to the program, which needs the
 * processor too. */
#define POLL_MS  20
/* How long what a pointer finds in a window must hold still before the
 * window counts as laid out and drawn: longer than a frame (1/60 s), so
 * that a layout queued before a look has changed what the next finds. */
#define STILL_MS 50

static gboolean
wait_until (VaernTestPredicate predicate,
            gpointer           data,
            guint              timeout_s)
{
  return vaern_test_wait_until_full (predicate, data, timeout_s * 1000, POLL_MS);
}

static char *
child_log (Child *child)
{
  char *text = NULL;

  if (!g_file_get_contents (child->log, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

static void
child_start (Child       *child,
             const Case  *c,
             const char  *document)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = g_build_filename (dir, "xdg", NULL);
  const char *argv[3] = { binary, document, NULL };

  child->log = g_build_filename (dir, "child.log", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_stdout_file_path (launcher, child->log);
  /* The test's environment turns the bridge off for the widget tests. */
  g_subprocess_launcher_unsetenv (launcher, "NO_AT_BRIDGE");
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "atspi", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "VAERN_LOCALEDIR", localedir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", xdg, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", xdg, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", xdg, TRUE);
  if (g_str_equal (c->language, "da"))
    {
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", "da", TRUE);
      g_subprocess_launcher_setenv (launcher, "LANG", "da_DK.UTF-8", TRUE);
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "da_DK.UTF-8", TRUE);
    }
  else
    {
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
      g_subprocess_launcher_setenv (launcher, "LANG", "C.UTF-8", TRUE);
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
    }

  child->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  child->pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (child->process), NULL, 10);
}

/* The application whose connection belongs to the child, and its window,
 * once both are on the registry. */
static gboolean
child_find (Child *child)
{
  g_autoptr(AtspiAccessible) desktop = atspi_get_desktop (0);
  int n;

  n = atspi_accessible_get_child_count (desktop, NULL);
  for (int i = 0; i < n && child->app == NULL; i++)
    {
      g_autoptr(AtspiAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (app && atspi_accessible_get_process_id (app, NULL) == (guint) child->pid)
        child->app = g_object_ref (app);
    }
  if (child->app == NULL)
    return FALSE;

  /* Ask the program for what changes (names, sizes, children) every
   * time; an object's role and interfaces stay as they are. The states
   * are kept too: libatspi asks for them before every use of its cache,
   * a round trip each time, unless they are kept (and has_state asks
   * anew). */
  atspi_accessible_set_cache_mask (child->app, ATSPI_CACHE_ROLE | ATSPI_CACHE_INTERFACES
                                               | ATSPI_CACHE_STATES);
  n = atspi_accessible_get_child_count (child->app, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) frame = atspi_accessible_get_child_at_index (child->app, i, NULL);

      if (frame && atspi_accessible_get_role (frame, NULL) == ATSPI_ROLE_FRAME)
        {
          child->frame = g_object_ref (frame);
          return TRUE;
        }
    }
  return FALSE;
}

/* GSubprocess lets go of the process id once it has been reaped. */
static gboolean
child_gone_cb (gpointer data)
{
  return g_subprocess_get_identifier (data) == NULL;
}

static void
child_stop (Child *child)
{
  if (child->process)
    {
      /* The next child must not find this one still holding the
       * application's name on the bus: it is waited for. */
      g_subprocess_send_signal (child->process, SIGTERM);
      if (!wait_until (child_gone_cb, child->process, 10))
        g_test_message ("The program did not end within 10 s of SIGTERM: killed");
      g_subprocess_force_exit (child->process);
      g_subprocess_wait (child->process, NULL, NULL);
    }
  g_clear_object (&child->frame);
  g_clear_object (&child->app);
  g_clear_object (&child->process);
  g_clear_pointer (&child->log, g_free);
}

/* Reading the tree ======================================================= */

/* Whether obj has the state now, not as it was last asked. */
static gboolean
has_state (AtspiAccessible *obj,
           AtspiStateType   state)
{
  g_autoptr(AtspiStateSet) states = NULL;

  atspi_accessible_clear_cache (obj);
  states = atspi_accessible_get_state_set (obj);
  return states && atspi_state_set_contains (states, state);
}

/* GTK 4.8 names an accessible that has no label after its class: a name
 * that no person sees. */
static gboolean
is_class_name (const char *name)
{
  const char *rest;

  if (g_str_has_prefix (name, "Gtk") || g_str_has_prefix (name, "Adw"))
    rest = name + 3;
  else if (g_str_has_prefix (name, "Vaern"))
    rest = name + 5;
  else
    return FALSE;
  if (!g_ascii_isupper (*rest))
    return FALSE;
  for (; *rest; rest++)
    if (!g_ascii_isalnum (*rest))
      return FALSE;
  return TRUE;
}

static char *
real_name (AtspiAccessible *obj)
{
  g_autofree char *name = atspi_accessible_get_name (obj, NULL);

  if (name)
    g_strstrip (name);
  if (name == NULL || *name == '\0' || is_class_name (name))
    return NULL;
  return g_steal_pointer (&name);
}

/* Whether the object is on screen: it has a size. A stack page has no
 * extents of its own (and no Component): it counts when a child does,
 * which the walk finds out. */
static gboolean
has_size (AtspiAccessible *obj,
          gboolean        *has_extents)
{
  g_autoptr(AtspiComponent) component = atspi_accessible_get_component_iface (obj);
  g_autofree AtspiRect *rect = NULL;

  *has_extents = component != NULL;
  if (component == NULL)
    return TRUE;
  rect = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  return rect && rect->width > 0 && rect->height > 0;
}

/* GTK 4.8 shows a GtkStackPage as a panel without extents of its own. */
static gboolean
is_stack_page (AtspiAccessible *obj)
{
  g_autoptr(AtspiComponent) component = NULL;

  if (atspi_accessible_get_role (obj, NULL) != ATSPI_ROLE_PANEL)
    return FALSE;
  component = atspi_accessible_get_component_iface (obj);
  return component == NULL;
}

/* The index of the child of parent that holds what a pointer at x, y
 * hits, or -1. */
static int
child_at_point (AtspiAccessible *parent,
                AtspiComponent  *component,
                int              x,
                int              y)
{
  g_autoptr(AtspiAccessible) hit = atspi_component_get_accessible_at_point (component, x, y,
                                                                            ATSPI_COORD_TYPE_WINDOW,
                                                                            NULL);

  for (int depth = 0; hit && depth < 100; depth++)
    {
      g_autoptr(AtspiAccessible) up = atspi_accessible_get_parent (hit, NULL);

      if (up == parent)
        return atspi_accessible_get_index_in_parent (hit, NULL);
      g_set_object (&hit, up);
    }
  return -1;
}

/* Asks for every object with a size below obj. GTK 4.8 gives an object
 * its place on the bus only when asked for it as someone's child, and
 * until then a pointer that hits it hits nothing. */
static void
realize (AtspiAccessible *obj)
{
  gboolean has_extents;
  int n;

  if (!has_size (obj, &has_extents))
    return;
  n = atspi_accessible_get_child_count (obj, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (obj, i, NULL);

      if (child)
        realize (child);
    }
}

/* The index of the page of a stack that a pointer on the stack's visible
 * part hits, or -1, asking for nothing below it. */
static int
hit_page (AtspiAccessible *stack,
          AtspiComponent  *component)
{
  static const double points[][2] = {
    { 0.5, 0.5 }, { 0.25, 0.25 }, { 0.75, 0.25 }, { 0.25, 0.75 }, { 0.75, 0.75 }, { 0.5, 0.1 },
  };
  g_autofree AtspiRect *rect = NULL;
  int x0, y0, x1, y1;

  rect = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  if (rect == NULL)
    return -1;
  /* A stack in a scrolled window may reach past the window. */
  x0 = MAX (rect->x, 0);
  y0 = MAX (rect->y, 0);
  x1 = MIN (rect->x + rect->width, window_width);
  y1 = MIN (rect->y + rect->height, window_height);
  if (x1 <= x0 || y1 <= y0)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      int page = child_at_point (stack, component, x0 + (int) ((x1 - x0) * points[i][0]),
                                 y0 + (int) ((y1 - y0) * points[i][1]));

      if (page >= 0)
        return page;
    }
  return -1;
}

/* The index of the page of a stack that is on screen: the one that holds
 * what a pointer on the stack's visible part hits. A page once shown
 * keeps its extents when hidden, but GTK picks among the widgets on
 * screen only. Not all points hit something with an accessible (a
 * margin, say): a few are tried, and again once all below the stack (or
 * the expected page, if not -1) are on the bus. -1 if it cannot be
 * told. */
static int
shown_page (AtspiAccessible *stack,
            int              expected)
{
  g_autoptr(AtspiComponent) component = atspi_accessible_get_component_iface (stack);

  if (component == NULL)
    return -1;
  for (int attempt = 0; attempt < 2; attempt++)
    {
      int hit = hit_page (stack, component);

      if (hit >= 0)
        return hit;
      if (expected >= 0)
        {
          g_autoptr(AtspiAccessible) page = atspi_accessible_get_child_at_index (stack, expected,
                                                                                 NULL);

          if (page)
            realize (page);
        }
      else
        realize (stack);
    }
  return -1;
}

static gboolean
needs_own_name (AtspiRole role)
{
  switch (role)
    {
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_PUSH_BUTTON_MENU:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_TEXT:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_SPIN_BUTTON:
    case ATSPI_ROLE_SLIDER:
    case ATSPI_ROLE_PAGE_TAB:
    case ATSPI_ROLE_LINK:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_cell (AtspiRole role)
{
  return role == ATSPI_ROLE_TABLE_CELL || role == ATSPI_ROLE_LIST_ITEM
         || role == ATSPI_ROLE_TREE_ITEM;
}

/* A stack and the page of it on screen, or a list and how many children
 * it has: what a search changes, and its end changes back. */
typedef struct
{
  AtspiAccessible *obj;
  gboolean         is_stack;
  int              value;
} Mark;

static void
mark_free (gpointer data)
{
  Mark *m = data;

  g_object_unref (m->obj);
  g_free (m);
}

static void
add_mark (GPtrArray       *marks,
          AtspiAccessible *obj,
          gboolean         is_stack,
          int              value)
{
  Mark *m = g_new0 (Mark, 1);

  m->obj = g_object_ref (obj);
  m->is_stack = is_stack;
  m->value = value;
  g_ptr_array_add (marks, m);
}

/* The mark's value now. A stack's page is asked for by a pointer only;
 * if that finds nothing and ask_page is set, once more after asking for
 * the objects of the page it showed (new rows are not on the bus yet). */
static int
mark_read (Mark     *m,
           gboolean  ask_page)
{
  if (m->is_stack && ask_page)
    return shown_page (m->obj, m->value);
  if (m->is_stack)
    {
      g_autoptr(AtspiComponent) component = atspi_accessible_get_component_iface (m->obj);

      return component ? hit_page (m->obj, component) : -1;
    }
  return atspi_accessible_get_child_count (m->obj, NULL);
}

static gboolean
is_list (AtspiRole role)
{
  return role == ATSPI_ROLE_LIST || role == ATSPI_ROLE_LIST_BOX || role == ATSPI_ROLE_TABLE
         || role == ATSPI_ROLE_TREE_TABLE || role == ATSPI_ROLE_TREE;
}

typedef struct
{
  const char *where;       /* the view and state walked, for the messages */
  GString    *offenders;
  GHashTable *reported;    /* role and path of what is already in offenders */
  GPtrArray  *pages;       /* titles of the stack pages on screen */
  GPtrArray  *labels;      /* text of every label on screen */
  GPtrArray  *entries;     /* editable entries on screen */
  GPtrArray  *tabs;        /* page tabs on screen */
  GPtrArray  *marks;       /* stacks and lists on screen, as they are (Mark) */
  guint       n_objects;
  guint       n_controls;
} Walk;

static void
walk_init (Walk       *w,
           GString    *offenders,
           GHashTable *reported)
{
  memset (w, 0, sizeof *w);
  w->offenders = offenders;
  w->reported = reported;
  w->pages = g_ptr_array_new_with_free_func (g_free);
  w->labels = g_ptr_array_new_with_free_func (g_free);
  w->entries = g_ptr_array_new_with_free_func (g_object_unref);
  w->tabs = g_ptr_array_new_with_free_func (g_object_unref);
  w->marks = g_ptr_array_new_with_free_func (mark_free);
}

static void
walk_clear (Walk *w)
{
  g_clear_pointer (&w->pages, g_ptr_array_unref);
  g_clear_pointer (&w->labels, g_ptr_array_unref);
  g_clear_pointer (&w->entries, g_ptr_array_unref);
  g_clear_pointer (&w->tabs, g_ptr_array_unref);
  g_clear_pointer (&w->marks, g_ptr_array_unref);
}

static void
offend (Walk            *w,
        AtspiAccessible *obj,
        AtspiRole        role,
        const char      *path,
        const char      *near,
        const char      *why)
{
  g_autofree char *key = g_strdup (path);
  g_autofree char *description = atspi_accessible_get_description (obj, NULL);

  if (g_hash_table_contains (w->reported, key))
    return;
  /* Each on a line of its own, a TAP comment. */
  g_string_append_printf (w->offenders, "#   %s %s at %s (%s", atspi_role_get_name (role), why,
                          path, w->where);
  if (near)
    g_string_append_printf (w->offenders, "; near “%s”", near);
  if (description && *description)
    g_string_append_printf (w->offenders, "; its description is “%s”", description);
  g_string_append (w->offenders, ")\n");
  g_hash_table_add (w->reported, g_steal_pointer (&key));
}

enum
{
  SHOWN = 1 << 0,
  NAMED = 1 << 1,
};

/* Roles whose objects have no children: a label or an image is on
 * screen when its parent is, and its size is not asked for. Every call
 * is a round trip to the program, and a walk makes thousands. */
static gboolean
is_leaf (AtspiRole role)
{
  return role == ATSPI_ROLE_LABEL || role == ATSPI_ROLE_IMAGE || role == ATSPI_ROLE_ICON
         || role == ATSPI_ROLE_SEPARATOR;
}

/* Roles whose names nobody reads out: boxes and the like. A stack page
 * (a panel without extents) has its title for a name. */
static gboolean
is_layout (AtspiRole role,
           gboolean  has_extents)
{
  return (role == ATSPI_ROLE_PANEL && has_extents) || role == ATSPI_ROLE_FILLER
         || role == ATSPI_ROLE_SCROLL_PANE || role == ATSPI_ROLE_VIEWPORT;
}

/* Walks what is on screen below obj; returns SHOWN if obj is, and NAMED
 * if obj or something on screen below it has a name. */
static guint
walk (Walk            *w,
      AtspiAccessible *obj,
      AtspiRole        role,
      const char      *path,
      const char      *near)
{
  g_autofree char *name = NULL;
  gboolean has_extents = TRUE;
  guint below = 0;
  int shown = -2;   /* not asked yet */
  int n = 0;

  /* A scroll bar is not for a screen reader: the pane scrolls. */
  if (role == ATSPI_ROLE_SCROLL_BAR || role == ATSPI_ROLE_INVALID)
    return 0;
  if (!is_leaf (role) && !has_size (obj, &has_extents))
    return 0;
  w->n_objects++;
  if (!is_layout (role, has_extents))
    name = real_name (obj);
  if (name && role != ATSPI_ROLE_LABEL)
    near = name;

  if (!is_leaf (role))
    n = atspi_accessible_get_child_count (obj, NULL);
  if (is_list (role))
    add_mark (w->marks, obj, FALSE, n);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (obj, i, NULL);
      g_autofree char *child_path = NULL;
      AtspiRole child_role;

      if (child == NULL)
        continue;
      /* Of a stack's pages, only the one on screen. */
      if (is_stack_page (child))
        {
          if (shown == -2)
            {
              shown = shown_page (obj, -1);
              if (shown >= 0)
                add_mark (w->marks, obj, TRUE, shown);
            }
          if (shown >= 0 && shown != i)
            continue;
        }
      child_role = atspi_accessible_get_role (child, NULL);
      child_path = g_strdup_printf ("%s/%s[%d]", path, atspi_role_get_name (child_role), i);
      below |= walk (w, child, child_role, child_path, near);
    }

  if (!has_extents && !(below & SHOWN))
    return 0;
  if (!has_extents && name && role == ATSPI_ROLE_PANEL)
    g_ptr_array_add (w->pages, g_strdup (name));
  if (role == ATSPI_ROLE_LABEL && name)
    g_ptr_array_add (w->labels, g_strdup (name));
  if (role == ATSPI_ROLE_PAGE_TAB)
    g_ptr_array_add (w->tabs, g_object_ref (obj));
  if (role == ATSPI_ROLE_ENTRY)
    {
      g_autoptr(AtspiEditableText) editable = atspi_accessible_get_editable_text_iface (obj);

      if (editable)
        g_ptr_array_add (w->entries, g_object_ref (obj));
    }

  if (needs_own_name (role))
    {
      w->n_controls++;
      if (name == NULL)
        offend (w, obj, role, path, near, "without a name");
    }
  else if (is_cell (role))
    {
      w->n_controls++;
      if (name == NULL && !(below & NAMED))
        offend (w, obj, role, path, near, "without a name or a named descendant");
    }
  return SHOWN | (name || (below & NAMED) ? NAMED : 0);
}

static void
measure_window (Child *child)
{
  g_autoptr(AtspiComponent) component = atspi_accessible_get_component_iface (child->frame);
  g_autofree AtspiRect *rect = NULL;

  rect = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  window_width = rect ? rect->width : 0;
  window_height = rect ? rect->height : 0;
}

static void
walk_window (Walk       *w,
             Child      *child,
             const char *where)
{
  w->where = where;
  measure_window (child);
  walk (w, child->frame, ATSPI_ROLE_FRAME, "frame", NULL);
}

/* Finds the first object on screen below obj that is named name, or of
 * role role. */
static AtspiAccessible *
find (AtspiAccessible *obj,
      const char      *name,
      AtspiRole        role)
{
  gboolean has_extents;
  int n;

  if (!has_size (obj, &has_extents))
    return NULL;
  if (name)
    {
      g_autofree char *own = atspi_accessible_get_name (obj, NULL);

      if (g_strcmp0 (own, name) == 0)
        return g_object_ref (obj);
    }
  else if (atspi_accessible_get_role (obj, NULL) == role)
    return g_object_ref (obj);

  n = atspi_accessible_get_child_count (obj, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) c = atspi_accessible_get_child_at_index (obj, i, NULL);
      AtspiAccessible *found = c ? find (c, name, role) : NULL;

      if (found)
        return found;
    }
  return NULL;
}

/* Finds the stack page on screen below obj that has the title. */
static AtspiAccessible *
find_page (AtspiAccessible *obj,
           const char      *title)
{
  gboolean has_extents;
  int n;

  if (!has_size (obj, &has_extents))
    return NULL;
  if (!has_extents && is_stack_page (obj))
    {
      g_autofree char *name = atspi_accessible_get_name (obj, NULL);

      if (g_strcmp0 (name, title) == 0)
        return g_object_ref (obj);
    }
  n = atspi_accessible_get_child_count (obj, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) c = atspi_accessible_get_child_at_index (obj, i, NULL);
      AtspiAccessible *found = c ? find_page (c, title) : NULL;

      if (found)
        return found;
    }
  return NULL;
}

static char *
first_label (AtspiAccessible *obj)
{
  g_autoptr(AtspiAccessible) label = find (obj, NULL, ATSPI_ROLE_LABEL);

  return label ? real_name (label) : NULL;
}

/* Holding still ========================================================== */

#define N_GLANCE 9

/* What a pointer finds at nine points of a window (a grid of three by
 * three): the object, and where that object is. */
typedef struct
{
  AtspiAccessible *frame;
  AtspiAccessible *hits[N_GLANCE];
  AtspiRect        rects[N_GLANCE];
  gboolean         looked;
  gint64           since;    /* when what it finds last changed */
  gboolean         must_change;
  gboolean         changed;  /* since the first look */
} Glance;

static void
glance_clear (Glance *g)
{
  for (guint i = 0; i < N_GLANCE; i++)
    g_clear_object (&g->hits[i]);
}

/* Looks again; whether the window has a size and what is found in it has
 * not changed for STILL_MS. A layout or a page switched changes where the
 * objects under the points are, or which they are. */
static gboolean
glance_still_cb (gpointer data)
{
  Glance *g = data;
  g_autoptr(AtspiComponent) component = atspi_accessible_get_component_iface (g->frame);
  g_autofree AtspiRect *frame_rect = NULL;
  gint64 now = g_get_monotonic_time ();
  gboolean same = g->looked;

  if (component == NULL)
    return FALSE;
  frame_rect = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  if (frame_rect == NULL || frame_rect->width <= 0 || frame_rect->height <= 0)
    return FALSE;
  for (guint i = 0; i < N_GLANCE; i++)
    {
      int x = frame_rect->x + frame_rect->width * (int) (1 + 2 * (i % 3)) / 6;
      int y = frame_rect->y + frame_rect->height * (int) (1 + 2 * (i / 3)) / 6;
      g_autoptr(AtspiAccessible) hit = atspi_component_get_accessible_at_point (
        component, x, y, ATSPI_COORD_TYPE_WINDOW, NULL);
      AtspiRect rect = { 0, 0, 0, 0 };

      if (hit)
        {
          g_autoptr(AtspiComponent) c = atspi_accessible_get_component_iface (hit);
          g_autofree AtspiRect *r = c ? atspi_component_get_extents (c, ATSPI_COORD_TYPE_WINDOW,
                                                                     NULL)
                                      : NULL;

          if (r)
            rect = *r;
        }
      same = same && hit == g->hits[i] && rect.x == g->rects[i].x && rect.y == g->rects[i].y
             && rect.width == g->rects[i].width && rect.height == g->rects[i].height;
      g_set_object (&g->hits[i], hit);
      g->rects[i] = rect;
    }
  if (!same)
    {
      g->changed |= g->looked;
      g->since = now;
    }
  g->looked = TRUE;
  return same && (g->changed || !g->must_change) && now - g->since >= STILL_MS * 1000;
}

static void
glance_wait (Glance     *g,
             const char *what)
{
  gboolean still = wait_until (glance_still_cb, g, SWITCH_TIMEOUT);

  glance_clear (g);
  if (!still)
    g_error ("%s did not %s on screen within %d s", what,
             g->must_change && !g->changed ? "change" : "hold still", SWITCH_TIMEOUT);
}

/* Waits until the window is laid out and drawn: what is on screen holds
 * still. */
static void
hold_still (AtspiAccessible *frame,
            const char      *what)
{
  Glance g = { frame };

  glance_wait (&g, what);
}

/* The views ============================================================== */

typedef struct
{
  AtspiAccessible *list;
  char            *titles[N_VIEWS];
  AtspiAccessible *stack;    /* the stack of the views */
} Sidebar;

static void
sidebar_clear (Sidebar *s)
{
  g_clear_object (&s->list);
  g_clear_object (&s->stack);
  for (int i = 0; i < N_VIEWS; i++)
    g_clear_pointer (&s->titles[i], g_free);
}

/* The window's sidebar (a GtkStackSidebar, which GTK 4.8 names by its
 * class) once the document is shown in it: its list and the titles of
 * its rows. */
static gboolean
sidebar_find (Sidebar *s,
              Child   *child)
{
  g_autoptr(AtspiAccessible) sidebar = find (child->frame, "GtkStackSidebar", 0);

  if (sidebar == NULL)
    return FALSE;
  s->list = find (sidebar, NULL, ATSPI_ROLE_LIST);
  if (s->list == NULL || atspi_accessible_get_child_count (s->list, NULL) != N_VIEWS)
    {
      g_clear_object (&s->list);
      return FALSE;
    }
  for (int i = 0; i < N_VIEWS; i++)
    {
      g_autoptr(AtspiAccessible) row = atspi_accessible_get_child_at_index (s->list, i, NULL);

      s->titles[i] = row ? first_label (row) : NULL;
      if (s->titles[i] == NULL)
        return FALSE;
    }
  measure_window (child);
  for (int i = 0; i < N_VIEWS && s->stack == NULL; i++)
    {
      g_autoptr(AtspiAccessible) page = find_page (child->frame, s->titles[i]);

      if (page)
        s->stack = atspi_accessible_get_parent (page, NULL);
    }
  return s->stack != NULL;
}

static gboolean
row_selected (Sidebar *s,
              int      index)
{
  g_autoptr(AtspiAccessible) row = atspi_accessible_get_child_at_index (s->list, index, NULL);

  return row && has_state (row, ATSPI_STATE_SELECTED);
}

/* Whether exactly view index is on screen: its stack page is, and no
 * other view's is. */
static gboolean
view_shown (Sidebar   *s,
            GPtrArray *pages,
            int        index)
{
  gboolean found = FALSE;

  for (guint p = 0; p < pages->len; p++)
    for (int i = 0; i < N_VIEWS; i++)
      if (g_str_equal (pages->pdata[p], s->titles[i]))
        {
          if (i != index)
            return FALSE;
          found = TRUE;
        }
  return found;
}

static void
assert_view_shown (Sidebar    *s,
                   GPtrArray  *pages,
                   int         index,
                   const char *where)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  if (view_shown (s, pages, index))
    return;
  for (guint p = 0; p < pages->len; p++)
    g_string_append_printf (titles, "%s“%s”", p ? ", " : "", (char *) pages->pdata[p]);
  g_error ("Walking %s, the stack pages on screen were not that view's: %s", where, titles->str);
}

typedef struct
{
  Sidebar *sidebar;
  int      index;
  int      shown;
} ShowView;

static gboolean
view_on_screen_cb (gpointer data)
{
  ShowView *v = data;

  v->shown = -1;
  return row_selected (v->sidebar, v->index)
         && (v->shown = shown_page (v->sidebar->stack, v->index)) == v->index;
}

/* Shows a view by selecting its row of the sidebar, as a screen reader's
 * user does, and waits until it is on screen and laid out. */
static void
show_view (Sidebar         *s,
           AtspiAccessible *frame,
           int              index)
{
  g_autoptr(AtspiSelection) selection = atspi_accessible_get_selection_iface (s->list);
  g_autoptr(GError) error = NULL;
  ShowView v = { s, index, -1 };
  g_autofree char *what = NULL;

  g_assert_nonnull (selection);
  atspi_selection_select_child (selection, index, &error);
  g_assert_no_error (error);

  if (!wait_until (view_on_screen_cb, &v, SWITCH_TIMEOUT))
    g_error ("The view “%s” (%s) did not come on screen after its sidebar row was "
             "selected (the row is %sselected; the page on screen is number %d)",
             s->titles[index], view_names[index], row_selected (s, index) ? "" : "not ",
             v.shown);
  what = g_strdup_printf ("The view “%s” (%s)", s->titles[index], view_names[index]);
  hold_still (frame, what);
}

/* Whether a pointer on obj finds it (or something in it): it is on top,
 * not on a page that only keeps its old place. An entry's text and its
 * icon are not on the bus: the pointer tries near its right end first
 * (past the text, where the entry itself is hit), then its left end and
 * its middle. */
static gboolean
on_top (AtspiAccessible *frame,
        AtspiAccessible *obj)
{
  g_autoptr(AtspiComponent) frame_component = atspi_accessible_get_component_iface (frame);
  g_autoptr(AtspiComponent) component = atspi_accessible_get_component_iface (obj);
  g_autofree AtspiRect *rect = NULL;

  if (frame_component == NULL || component == NULL)
    return FALSE;
  rect = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  if (rect == NULL || rect->width <= 0 || rect->height <= 0)
    return FALSE;
  for (int i = 0; i < 3; i++)
    {
      int inset = MIN (12, rect->width / 2);
      int x = rect->x + (i == 0 ? rect->width - inset : i == 1 ? inset : rect->width / 2);
      g_autoptr(AtspiAccessible) hit = atspi_component_get_accessible_at_point (
        frame_component, x, rect->y + rect->height / 2, ATSPI_COORD_TYPE_WINDOW, NULL);

      for (int depth = 0; hit && depth < 100; depth++)
        {
          g_autoptr(AtspiAccessible) up = NULL;

          if (hit == obj)
            return TRUE;
          up = atspi_accessible_get_parent (hit, NULL);
          g_set_object (&hit, up);
        }
    }
  return FALSE;
}

/* Whether some stack shows another page now (or its rows were made
 * anew), or some list has another number of rows, than the marks say. */
static gboolean
marks_changed_cb (gpointer data)
{
  GPtrArray *marks = data;

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *m = marks->pdata[i];

      if (mark_read (m, FALSE) != m->value)
        return TRUE;
    }
  return FALSE;
}

/* Whether every stack shows the page it showed, and every list has the
 * rows it had; of those still there: a part of a view made anew for the
 * selection (which a search may move) is another object. */
static gboolean
marks_back_cb (gpointer data)
{
  GPtrArray *marks = data;

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *m = marks->pdata[i];

      if (mark_read (m, TRUE) != m->value
          && atspi_accessible_get_child_count (m->obj, NULL) >= 0)
        return FALSE;
    }
  return TRUE;
}

/* A search that matches nothing, typed into the view's first entry on
 * screen (its search entry): a screen reader then walks the no-match
 * state. It waits until the search has changed what is on screen (the
 * views filter after a short pause in typing) and that is laid out.
 * Returns the entry, to clear it again. */
static AtspiAccessible *
search_nothing (Walk            *w,
                AtspiAccessible *frame)
{
  AtspiAccessible *entry = NULL;
  g_autoptr(AtspiEditableText) editable = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < w->entries->len && entry == NULL; i++)
    if (on_top (frame, w->entries->pdata[i]))
      entry = g_object_ref (w->entries->pdata[i]);
  if (entry == NULL)
    return NULL;
  editable = atspi_accessible_get_editable_text_iface (entry);
  atspi_editable_text_set_text_contents (editable, NO_MATCH, &error);
  g_assert_no_error (error);
  if (!wait_until (marks_changed_cb, w->marks, SWITCH_TIMEOUT))
    g_error ("Walking %s, a search for “%s” changed no list and no page on screen within %d s",
             w->where, NO_MATCH, SWITCH_TIMEOUT);
  hold_still (frame, w->where);
  return entry;
}

/* Clears the search; waits until the lists and pages are as before it. */
static void
search_clear (AtspiAccessible *entry,
              AtspiAccessible *frame,
              GPtrArray       *marks,
              const char      *where)
{
  g_autoptr(AtspiEditableText) editable = atspi_accessible_get_editable_text_iface (entry);

  atspi_editable_text_set_text_contents (editable, "", NULL);
  if (!wait_until (marks_back_cb, marks, SWITCH_TIMEOUT))
    g_error ("After %s, the lists and pages on screen were not as before the search within %d s",
             where, SWITCH_TIMEOUT);
  hold_still (frame, where);
}

/* The test =============================================================== */

typedef struct
{
  const Case *c;
  Child       child;
  Sidebar     sidebar;
  GString    *offenders;
  GHashTable *reported;
  guint       n_walks;
  guint       n_objects;
  guint       n_controls;
} Run;

/* Walks the window as it is; on the demo, once more with a search that
 * matches nothing if the view (or its tab) has a search field. view is
 * the view that must be on screen, or -1 (the welcome page). Returns the
 * page tabs on screen. */
static GPtrArray *
walk_state (Run        *run,
            int         view,
            const char *where)
{
  g_autoptr(AtspiAccessible) entry = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  GPtrArray *tabs;
  Walk w;

  walk_init (&w, run->offenders, run->reported);
  walk_window (&w, &run->child, where);
  if (view >= 0)
    assert_view_shown (&run->sidebar, w.pages, view, where);
  else
    g_assert_true (g_ptr_array_find_with_equal_func (w.labels, run->c->welcome, g_str_equal,
                                                     NULL));
  run->n_walks++;
  run->n_objects += w.n_objects;
  run->n_controls += w.n_controls;
  tabs = g_ptr_array_ref (w.tabs);
  if (run->c->start == START_DEMO)
    entry = search_nothing (&w, run->child.frame);
  marks = g_ptr_array_ref (w.marks);
  walk_clear (&w);

  if (entry)
    {
      g_autofree char *no_match = g_strdup_printf ("%s, searching for “%s”", where, NO_MATCH);

      walk_init (&w, run->offenders, run->reported);
      walk_window (&w, &run->child, no_match);
      assert_view_shown (&run->sidebar, w.pages, view, no_match);
      run->n_walks++;
      run->n_objects += w.n_objects;
      run->n_controls += w.n_controls;
      walk_clear (&w);
      search_clear (entry, run->child.frame, marks, no_match);
    }
  return tabs;
}

static gboolean
tab_selected_cb (gpointer data)
{
  return has_state (data, ATSPI_STATE_SELECTED);
}

/* Shows a tab of a view by its action (a click), as a screen reader's
 * user does, and waits until it is selected and its page laid out. */
static void
show_tab (AtspiAccessible *frame,
          AtspiAccessible *tab,
          const char      *where)
{
  g_autoptr(AtspiAction) action = atspi_accessible_get_action_iface (tab);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (action);
  atspi_action_do_action (action, 0, &error);
  g_assert_no_error (error);
  if (!wait_until (tab_selected_cb, tab, SWITCH_TIMEOUT))
    g_error ("The tab of %s was not selected by its action", where);
  hold_still (frame, where);
}

/* Dialogs ================================================================ */

/* Runs an action of the child (app.NAME, or win.NAME of its first window)
 * as a person's shortcut would, through the actions GApplication exports
 * on the session bus. */
static void
child_activate (const char *path,
                const char *action)
{
  g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (session);
  reply = g_dbus_connection_call_sync (session, APP_ID, path, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(s@av@a{sv})", action,
                                                      g_variant_new_array (G_VARIANT_TYPE_VARIANT,
                                                                           NULL, 0),
                                                      g_variant_new_array (G_VARIANT_TYPE ("{sv}"),
                                                                           NULL, 0)),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

typedef struct
{
  Child           *child;
  GPtrArray       *known;
  AtspiAccessible *found;
} NewFrame;

static gboolean
new_frame_cb (gpointer data)
{
  NewFrame *f = data;
  int n = atspi_accessible_get_child_count (f->child->app, NULL);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) frame = atspi_accessible_get_child_at_index (f->child->app, i,
                                                                              NULL);
      gboolean seen = FALSE;

      for (guint k = 0; frame && k < f->known->len; k++)
        seen |= f->known->pdata[k] == (gpointer) frame;
      /* A window that is not the application's (the guide) does not say
       * it is showing: its being there is enough. */
      if (frame && !seen)
        {
          f->found = g_steal_pointer (&frame);
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether a control that needs a name is on screen below obj: the window
 * has been laid out. */
static gboolean
control_on_screen (AtspiAccessible *obj)
{
  gboolean has_extents;
  int n;

  if (!has_size (obj, &has_extents))
    return FALSE;
  if (needs_own_name (atspi_accessible_get_role (obj, NULL)))
    return TRUE;
  n = atspi_accessible_get_child_count (obj, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) c = atspi_accessible_get_child_at_index (obj, i, NULL);

      if (c && control_on_screen (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
control_on_screen_cb (gpointer data)
{
  return control_on_screen (data);
}

/* The child's toplevel that is not one of known, once it is there with a
 * control on screen and laid out. */
static AtspiAccessible *
new_frame (Child      *child,
           GPtrArray  *known,
           const char *what)
{
  NewFrame f = { child, known, NULL };

  if (wait_until (new_frame_cb, &f, SWITCH_TIMEOUT))
    {
      g_ptr_array_add (known, g_object_ref (f.found));
      if (!wait_until (control_on_screen_cb, f.found, SWITCH_TIMEOUT))
        g_error ("%s opened a window on the accessibility bus with no control on screen "
                 "within %d s", what, SWITCH_TIMEOUT);
      hold_still (f.found, what);
      return f.found;
    }
  {
    int n = atspi_accessible_get_child_count (child->app, NULL);

    for (int i = 0; i < n; i++)
      {
        g_autoptr(AtspiAccessible) frame = atspi_accessible_get_child_at_index (child->app, i, NULL);
        g_autofree char *name = frame ? atspi_accessible_get_name (frame, NULL) : NULL;

        g_test_message ("toplevel %d: %s, showing %d", i, name,
                        frame ? has_state (frame, ATSPI_STATE_SHOWING) : -1);
      }
  }
  g_error ("%s did not open a window on the accessibility bus", what);
  return NULL;
}

/* Walks one window of the child other than the main one. */
static void
walk_dialog (Run             *run,
             AtspiAccessible *frame,
             const char      *where)
{
  Child dialog = run->child;
  Walk w;

  dialog.frame = frame;
  walk_init (&w, run->offenders, run->reported);
  walk_window (&w, &dialog, where);
  /* Something was walked: a window not on screen would pass. */
  if (w.n_controls == 0)
    g_error ("No control of %s was found on screen", where);
  run->n_walks++;
  run->n_objects += w.n_objects;
  run->n_controls += w.n_controls;
  walk_clear (&w);
  /* walk_window measured the dialog: the main window's size again. */
  measure_window (&run->child);
}

/* The user guide, the keyboard shortcuts window and the preferences (both
 * pages), each opened by its action. */
static void
walk_dialogs (Run *run)
{
  g_autoptr(GPtrArray) known = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AtspiAccessible) prefs = NULL;
  g_autoptr(AtspiAccessible) general = NULL;
  g_autoptr(AtspiAccessible) help = NULL;
  g_autoptr(AtspiAccessible) shortcuts = NULL;
  /* io.github.vaern.Vaern is at /io/github/vaern/Vaern, its window 1 below. */
  g_autofree char *app_path = g_strdelimit (g_strconcat ("/", APP_ID, NULL), ".", '/');
  g_autofree char *window_path = g_strconcat (app_path, "/window/1", NULL);

  g_ptr_array_add (known, g_object_ref (run->child.frame));

  child_activate (app_path, "help");
  help = new_frame (&run->child, known, "The user guide (F1)");
  walk_dialog (run, help, "the user guide");

  child_activate (window_path, "show-help-overlay");
  shortcuts = new_frame (&run->child, known, "The keyboard shortcuts (Ctrl+?)");
  walk_dialog (run, shortcuts, "the keyboard shortcuts");

  /* Last: the preferences are modal. */
  child_activate (app_path, "preferences");
  prefs = new_frame (&run->child, known, "Preferences");
  walk_dialog (run, prefs, "the preferences, first page");
  general = find (prefs, g_str_equal (run->c->language, "da") ? "Generelt" : "General", 0);
  g_assert_nonnull (general);
  {
    g_autoptr(AtspiAction) action = atspi_accessible_get_action_iface (general);

    Glance g = { prefs };

    g_assert_nonnull (action);
    /* What is on screen before the click, which must change. */
    glance_still_cb (&g);
    g.must_change = TRUE;
    atspi_action_do_action (action, 0, NULL);
    glance_wait (&g, "The preferences' page General");
  }
  walk_dialog (run, prefs, "the preferences, page General");

}

/* Whether the child's window is on the registry and, with a document,
 * its sidebar and the stack of the views; or the child has ended. */
static gboolean
child_ready_cb (gpointer data)
{
  Run *run = data;

  if (child_find (&run->child)
      && (run->c->start == START_WELCOME || sidebar_find (&run->sidebar, &run->child)))
    return TRUE;
  sidebar_clear (&run->sidebar);
  g_clear_object (&run->child.frame);
  g_clear_object (&run->child.app);
  return g_subprocess_get_identifier (run->child.process) == NULL;
}

static void
test_window (gconstpointer data)
{
  const Case *c = data;
  const char *document = c->start == START_DEMO    ? demo_path
                         : c->start == START_EMPTY ? empty_path
                                                   : NULL;
  g_autoptr(GString) offenders = g_string_new (NULL);
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Run run = { c, { NULL }, { NULL }, offenders, reported, 0, 0, 0 };

  if (g_str_equal (c->language, "da") && !danish_locale)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_test_fail_printf ("The da_DK.UTF-8 locale is missing (tools/install-deps.sh makes it)");
      else
        g_test_skip ("The da_DK.UTF-8 locale is missing");
      return;
    }

  if (g_str_equal (c->language, "da"))
    {
      g_autofree char *mo = g_build_filename (localedir, "da", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                              NULL);

      if (!g_file_test (mo, G_FILE_TEST_EXISTS))
        {
          g_test_fail_printf ("No Danish translation at %s: build the project first", mo);
          return;
        }
    }

  child_start (&run.child, c, document);
  if (!vaern_test_wait_until_full (child_ready_cb, &run, START_TIMEOUT * 1000, 5 * POLL_MS)
      || g_subprocess_get_identifier (run.child.process) == NULL)
    {
      g_autofree char *log = child_log (&run.child);

      g_error ("The program (%s) did not show its window on the accessibility bus within %d s. "
               "Its output:\n%s", binary, START_TIMEOUT, log);
    }
  hold_still (run.child.frame, "The window");

  if (document == NULL)
    g_ptr_array_unref (walk_state (&run, -1, "the welcome page"));
  else
    {
      /* The language asked for, not English by accident. */
      g_assert_cmpstr (run.sidebar.titles[0], ==, c->first_title);

      for (int i = 0; i < N_VIEWS; i++)
        {
          g_autofree char *where = g_strdup_printf ("view “%s” (%s)", run.sidebar.titles[i],
                                                    view_names[i]);
          g_autoptr(GPtrArray) tabs = NULL;

          show_view (&run.sidebar, run.child.frame, i);
          tabs = walk_state (&run, i, where);
          /* The other tabs of the view, each on screen in turn. */
          for (guint t = 0; t < tabs->len; t++)
            {
              g_autofree char *title = real_name (tabs->pdata[t]);
              g_autofree char *tab_where = g_strdup_printf ("%s, tab “%s”", where, title);

              if (has_state (tabs->pdata[t], ATSPI_STATE_SELECTED))
                continue;
              show_tab (run.child.frame, tabs->pdata[t], tab_where);
              g_ptr_array_unref (walk_state (&run, i, tab_where));
            }
        }
    }

  if (c->start == START_DEMO)
    walk_dialogs (&run);

  g_test_message ("%u walks, %u objects on screen, %u controls and cells checked", run.n_walks,
                  run.n_objects, run.n_controls);
  /* Something was walked: an empty tree would pass every check. */
  g_assert_cmpuint (run.n_controls, >, 0);

  sidebar_clear (&run.sidebar);
  child_stop (&run.child);

  if (offenders->len > 0)
    g_test_fail_printf ("Controls a screen reader cannot name (LANGUAGE=%s):\n%s", c->language,
                        offenders->str);
}

/* Setting up ============================================================== */

/* The folder and all in it: the child's XDG folders have folders in them. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Why the test cannot run here, or NULL: no display, no session bus, or
 * no accessibility bus behind it. */
static char *
missing (void)
{
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GDBusConnection) a11y = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *runtime = NULL;
  const char *address;

  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    return g_strdup ("no display (run it under xvfb-run)");
  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (session == NULL)
    return g_strdup_printf ("no D-Bus session bus (run it under dbus-run-session): %s",
                            error->message);
  /* Without XDG_RUNTIME_DIR (as under dbus-run-session) the bus launcher
   * puts its socket at ~/.cache/at-spi/bus, the same for every session,
   * and another session's launcher removes it when it ends. The launcher
   * this session starts gets a folder of the build's own. */
  runtime = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR")
                                                            : g_get_tmp_dir (),
                              "a11y-runtime", NULL);
  if (g_mkdir_with_parents (runtime, 0700) == 0)
    {
      GVariantBuilder env;

      g_variant_builder_init (&env, G_VARIANT_TYPE ("a{ss}"));
      g_variant_builder_add (&env, "{ss}", "XDG_RUNTIME_DIR", runtime);
      reply = g_dbus_connection_call_sync (session, "org.freedesktop.DBus",
                                           "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                           "UpdateActivationEnvironment",
                                           g_variant_new ("(a{ss})", &env), NULL,
                                           G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
      g_clear_pointer (&reply, g_variant_unref);
    }
  reply = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                       "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, 20000, NULL, &error);
  if (reply == NULL)
    return g_strdup_printf ("the accessibility bus cannot be reached (is at-spi2-core "
                            "installed?): %s", error->message);
  g_variant_get (reply, "(&s)", &address);
  a11y = g_dbus_connection_new_for_address_sync (address,
                                                 G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                 | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                 NULL, NULL, &error);
  if (a11y == NULL)
    return g_strdup_printf ("the accessibility bus at %s cannot be reached: %s", address,
                            error->message);
  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (a11y, "org.a11y.atspi.Registry",
                                       "/org/a11y/atspi/accessible/root",
                                       "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", "org.a11y.atspi.Accessible",
                                                      "ChildCount"),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 20000, NULL, &error);
  if (reply == NULL)
    return g_strdup_printf ("the AT-SPI registry does not answer: %s", error->message);
  return NULL;
}

static void
test_unavailable (gconstpointer data)
{
  g_test_fail_printf ("CI=true, and the accessibility test cannot run: %s", (const char *) data);
}

static void
make_documents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) empty = NULL;
  g_autofree char *err = NULL;
  const char *argv[3] = { binary, NULL, NULL };
  g_autofree char *option = NULL;
  int status = 0;

  demo_path = g_build_filename (dir, "demo.vaern", NULL);
  option = g_strconcat ("--write-demo=", demo_path, NULL);
  argv[1] = option;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s --write-demo failed: %s", binary, err);

  /* A new document, as New Document makes it. */
  empty_path = g_build_filename (dir, "empty.vaern", NULL);
  empty = vaern_document_create (empty_path, "Ny Kommune", &error);
  g_assert_no_error (error);
  vaern_document_close (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *problem = missing ();
  gboolean ci = g_strcmp0 (g_getenv ("CI"), "true") == 0;
  gboolean tap = FALSE;
  int status;

  for (int i = 1; i < argc; i++)
    tap |= g_str_equal (argv[i], "--tap");

  if (problem && !ci)
    {
      /* meson reads a TAP test's exit status 77 as an error, not a skip. */
      if (tap)
        {
          g_print ("1..0 # SKIP %s\n", problem);
          return 0;
        }
      g_printerr ("test-a11y: skipped: %s\n", problem);
      return 77;
    }

  g_test_init (&argc, &argv, NULL);
  /* libatspi warns that the program keeps no cache of its tree for it
   * (GTK 4.8 has none) and then asks object by object: not a failure. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  if (problem)
    {
      g_test_add_data_func ("/vaern/a11y/unavailable", problem, test_unavailable);
      return g_test_run ();
    }

  binary = g_strdup (g_getenv ("VAERN_BINARY"));
  localedir = g_strdup (g_getenv ("VAERN_LOCALEDIR"));
  g_assert_nonnull (binary);
  g_assert_nonnull (localedir);
  danish_locale = setlocale (LC_ALL, "da_DK.UTF-8") != NULL;
  setlocale (LC_ALL, "");

  dir = vaern_test_tmpdir ();
  make_documents ();

  if (atspi_init () > 1)
    g_error ("AT-SPI could not be initialised");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *start = cases[i].start == START_DEMO    ? "demo"
                          : cases[i].start == START_EMPTY ? "empty"
                                                          : "welcome";
      g_autofree char *path = g_strdup_printf ("/vaern/a11y/%s/%s", start, cases[i].language);

      g_test_add_data_func (path, &cases[i], test_window);
    }

  status = g_test_run ();

  atspi_exit ();
  remove_tree (dir);
  return status;
}
