/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "vaern-help-guide.h"
#include "vaern-help-window.h"

/* The guide window of a parent window, kept on the parent. */
#define HELP_WINDOW_KEY "vaern-help-window"

struct _VaernHelpWindow
{
  AdwWindow          parent_instance;

  VaernHelpGuide    *guide;
  const char        *language;
  guint              page;       /* index of the page shown */
  GtkWindow         *parent;     /* weak */

  /* Template widgets */
  AdwLeaflet        *leaflet;
  GtkWidget         *sidebar;
  GtkWidget         *content;
  GtkListBox        *topic_list;
  AdwWindowTitle    *page_title;
  GtkWidget         *back_button;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkBox            *page_box;
};

G_DEFINE_FINAL_TYPE (VaernHelpWindow, vaern_help_window, ADW_TYPE_WINDOW)

const char *
vaern_help_window_default_language (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  /* gettext leaves the interface in English under the C locale, whatever
   * LANGUAGE says; so does the guide. */
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    return "en";
  return vaern_help_guide_pick_language (g_get_language_names ());
}

/* Rendering a page */

static GtkWidget *
new_label (const char         *markup,
           GtkAccessibleRole   role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", role, NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static GtkWidget *
text_label (const char *markup)
{
  return new_label (markup, GTK_ACCESSIBLE_ROLE_LABEL);
}

/* A heading, as a screen reader announces it: the page's title is level
 * 1, the headings within it level 2. */
static GtkWidget *
heading_label (const char *markup,
               int         level)
{
  GtkWidget *label = new_label (markup, GTK_ACCESSIBLE_ROLE_HEADING);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);
  gtk_widget_add_css_class (label, level == 1 ? "title-2" : "title-4");
  return label;
}

/* A grid of numbered steps, bullets or shortcut rows: the marks in the
 * first column, the text in the second, so wrapped lines stay indented. */
static GtkWidget *
list_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 10);
  gtk_widget_set_margin_start (grid, 6);
  return grid;
}

static void
add_list_row (GtkWidget            *grid,
              int                   row,
              const VaernHelpBlock *block)
{
  GtkWidget *mark;
  GtkWidget *text;

  switch (block->kind)
    {
    case VAERN_HELP_BLOCK_STEP:
      {
        g_autofree char *number = g_strdup_printf ("%u.", block->number);

        mark = gtk_label_new (number);
        gtk_label_set_xalign (GTK_LABEL (mark), 1);
        gtk_widget_add_css_class (mark, "heading");
        gtk_widget_add_css_class (mark, "numeric");
      }
      break;
    case VAERN_HELP_BLOCK_KEYS:
      {
        g_autofree char *escaped = g_markup_escape_text (block->keys, -1);
        g_autofree char *markup = g_strdup_printf ("<tt>%s</tt>", escaped);

        mark = gtk_label_new (NULL);
        gtk_label_set_markup (GTK_LABEL (mark), markup);
        gtk_label_set_xalign (GTK_LABEL (mark), 0);
        gtk_label_set_selectable (GTK_LABEL (mark), TRUE);
        gtk_widget_add_css_class (mark, "heading");
      }
      break;
    case VAERN_HELP_BLOCK_ITEM:
    default:
      mark = gtk_label_new ("•");
      gtk_label_set_xalign (GTK_LABEL (mark), 1);
      break;
    }
  text = text_label (block->markup);
  /* The mark stands on the first line of the text, whatever its font. */
  gtk_widget_set_valign (mark, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (text, GTK_ALIGN_BASELINE);
  gtk_grid_attach (GTK_GRID (grid), mark, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), text, 1, row, 1, 1);
}

/* A tip is set apart in a card, under the guide's word for it. */
static GtkWidget *
tip_box (const VaernHelpGuide *guide,
         const VaernHelpBlock *block)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (guide->tip_label);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-information-symbolic",
                                  "valign", GTK_ALIGN_START,
                                  /* The heading says it. */
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (icon, 12);
  gtk_widget_set_margin_top (icon, 12);
  gtk_widget_set_margin_top (column, 10);
  gtk_widget_set_margin_bottom (column, 12);
  gtk_widget_set_margin_end (column, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (column), heading);
  gtk_box_append (GTK_BOX (column), text_label (block->markup));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), column);
  return box;
}

/* The page's title is in the header bar only when the topics are out of
 * sight: beside them, the page's own heading says it. */
static void
update_title (VaernHelpWindow *self)
{
  const VaernHelpPage *page = g_ptr_array_index (self->guide->pages, self->page);

  adw_window_title_set_title (self->page_title,
                              adw_leaflet_get_folded (self->leaflet) ? page->title : "");
}

static void
render_page (VaernHelpWindow *self)
{
  const VaernHelpPage *page = g_ptr_array_index (self->guide->pages, self->page);
  g_autofree char *title_markup = NULL;
  GtkWidget *child;
  GtkWidget *grid = NULL;
  VaernHelpBlockKind grid_kind = VAERN_HELP_BLOCK_PARAGRAPH;
  int grid_row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page_box))))
    gtk_box_remove (self->page_box, child);

  title_markup = g_markup_escape_text (page->title, -1);
  gtk_box_append (self->page_box, heading_label (title_markup, 1));

  for (guint i = 0; i < page->blocks->len; i++)
    {
      const VaernHelpBlock *block = g_ptr_array_index (page->blocks, i);
      GtkWidget *widget = NULL;

      switch (block->kind)
        {
        case VAERN_HELP_BLOCK_STEP:
        case VAERN_HELP_BLOCK_ITEM:
        case VAERN_HELP_BLOCK_KEYS:
          /* A new list starts where the kind changes, or the steps start
           * counting again. */
          if (grid == NULL || grid_kind != block->kind
              || (block->kind == VAERN_HELP_BLOCK_STEP && block->number == 1))
            {
              grid = list_grid ();
              grid_kind = block->kind;
              grid_row = 0;
              gtk_box_append (self->page_box, grid);
            }
          add_list_row (grid, grid_row++, block);
          continue;
        case VAERN_HELP_BLOCK_HEADING:
          widget = heading_label (block->markup, 2);
          gtk_widget_set_margin_top (widget, 12);
          break;
        case VAERN_HELP_BLOCK_TIP:
          widget = tip_box (self->guide, block);
          break;
        case VAERN_HELP_BLOCK_PARAGRAPH:
        default:
          widget = text_label (block->markup);
          break;
        }
      grid = NULL;
      gtk_box_append (self->page_box, widget);
    }

  update_title (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
show_index (VaernHelpWindow *self,
            guint            index)
{
  GtkListBoxRow *row;

  g_assert (self->guide && index < self->guide->pages->len);

  self->page = index;
  render_page (self);
  row = gtk_list_box_get_row_at_index (self->topic_list, (int) index);
  if (gtk_list_box_get_selected_row (self->topic_list) != row)
    gtk_list_box_select_row (self->topic_list, row);
}

/* Folded, the page takes the place of the topics. Side by side there is
 * nothing to move, and the leaflet of libadwaita 1.2 is left in a state
 * that breaks its next layout if asked to; before the window is shown, it
 * just takes note. */
static void
show_content (VaernHelpWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
topic_selected_cb (VaernHelpWindow *self,
                   GtkListBoxRow   *row)
{
  if (row && (guint) gtk_list_box_row_get_index (row) != self->page)
    show_index (self, (guint) gtk_list_box_row_get_index (row));
}

static void
topic_activated_cb (VaernHelpWindow *self,
                    GtkListBoxRow   *row)
{
  topic_selected_cb (self, row);
  show_content (self);
}

static void
folded_changed_cb (VaernHelpWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->guide)
    update_title (self);
  /* Folded onto the page, the focus must not stay behind in the hidden
   * topics. */
  if (adw_leaflet_get_folded (self->leaflet)
      && adw_leaflet_get_visible_child (self->leaflet) == self->content
      && focus && gtk_widget_is_ancestor (focus, self->sidebar))
    {
      /* The binding may not have shown the button yet. */
      gtk_widget_set_visible (self->back_button, TRUE);
      gtk_widget_grab_focus (self->back_button);
    }
}

static void
show_topics_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  VaernHelpWindow *self = VAERN_HELP_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->topic_list);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  if (row)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Loading */

static void
load_guide (VaernHelpWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->language = vaern_help_window_default_language ();
  self->guide = vaern_help_guide_load (self->language, &error);
  if (self->guide == NULL && !g_str_equal (self->language, "en"))
    {
      /* English is better than nothing. */
      g_warning ("The “%s” user guide cannot be read: %s", self->language, error->message);
      g_clear_error (&error);
      self->language = "en";
      self->guide = vaern_help_guide_load (self->language, &error);
    }
  if (self->guide == NULL)
    {
      g_warning ("The user guide cannot be read: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = 0; i < self->guide->pages->len; i++)
    {
      const VaernHelpPage *page = g_ptr_array_index (self->guide->pages, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (page->title);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      page->title, -1);
      gtk_list_box_append (self->topic_list, row);
    }
  show_index (self, 0);
}

/* The focus starts on the topic, where the arrow keys go from page to
 * page, or on the way back to it when the page is shown alone. Left to
 * itself, the window would give it to the first label of the page, which
 * then selects all its text. */
static void
focus_start (VaernHelpWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->topic_list);

  if (adw_leaflet_get_folded (self->leaflet)
      && adw_leaflet_get_visible_child (self->leaflet) == self->content)
    gtk_widget_grab_focus (self->back_button);
  else if (row)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Public API */

gboolean
vaern_help_window_set_page (VaernHelpWindow *self,
                            const char      *page_id)
{
  g_return_val_if_fail (VAERN_IS_HELP_WINDOW (self), FALSE);

  for (guint i = 0; self->guide && page_id && i < self->guide->pages->len; i++)
    {
      const VaernHelpPage *page = g_ptr_array_index (self->guide->pages, i);

      if (g_str_equal (page->id, page_id))
        {
          show_index (self, i);
          show_content (self);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
vaern_help_window_get_page (VaernHelpWindow *self)
{
  const VaernHelpPage *page;

  g_return_val_if_fail (VAERN_IS_HELP_WINDOW (self), NULL);

  if (self->guide == NULL)
    return NULL;
  page = g_ptr_array_index (self->guide->pages, self->page);
  return page->id;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      if (text->len)
        g_string_append_c (text, '\n');
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_text (c, text);
}

char *
vaern_help_window_get_page_text (VaernHelpWindow *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (VAERN_IS_HELP_WINDOW (self), NULL);

  collect_text (GTK_WIDGET (self->page_box), text);
  return g_string_free (text, FALSE);
}

const char *
vaern_help_window_get_language (VaernHelpWindow *self)
{
  g_return_val_if_fail (VAERN_IS_HELP_WINDOW (self), NULL);
  return self->language;
}

GtkWindow *
vaern_help_window_show (GtkWindow  *parent,
                        const char *page_id)
{
  /* A guide opened without a parent window is shared. */
  static GtkWindow *orphan = NULL;
  VaernHelpWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = parent ? g_object_get_data (G_OBJECT (parent), HELP_WINDOW_KEY) : (gpointer) orphan;
  if (self == NULL)
    {
      self = g_object_new (VAERN_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
      if (parent)
        {
          self->parent = parent;
          g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
          g_object_set_data (G_OBJECT (parent), HELP_WINDOW_KEY, self);
        }
      else
        {
          orphan = GTK_WINDOW (self);
          g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &orphan);
        }
      if (page_id && !vaern_help_window_set_page (self, page_id))
        g_debug ("The user guide has no page “%s”", page_id);
      focus_start (self);
    }
  else if (page_id && !vaern_help_window_set_page (self, page_id))
    g_debug ("The user guide has no page “%s”", page_id);

  gtk_window_present (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

/* The type */

static void
vaern_help_window_dispose (GObject *object)
{
  VaernHelpWindow *self = VAERN_HELP_WINDOW (object);

  if (self->parent)
    {
      if (g_object_get_data (G_OBJECT (self->parent), HELP_WINDOW_KEY) == self)
        g_object_set_data (G_OBJECT (self->parent), HELP_WINDOW_KEY, NULL);
      g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
      self->parent = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_HELP_WINDOW);
  g_clear_pointer (&self->guide, vaern_help_guide_free);

  G_OBJECT_CLASS (vaern_help_window_parent_class)->dispose (object);
}

static void
vaern_help_window_class_init (VaernHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_help_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernHelpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VaernHelpWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, VaernHelpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, VaernHelpWindow, topic_list);
  gtk_widget_class_bind_template_child (widget_class, VaernHelpWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, VaernHelpWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, VaernHelpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VaernHelpWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, VaernHelpWindow, page_box);
  gtk_widget_class_bind_template_callback (widget_class, topic_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, topic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "help.show-topics", NULL, show_topics_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vaern_help_window_init (VaernHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  load_guide (self);
}
