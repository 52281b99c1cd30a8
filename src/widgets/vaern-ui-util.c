/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/vaern-date.h"
#include "vaern-ui-util.h"

GtkStringList *
vaern_enum_string_list (const VaernEnum *e)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < e->n_entries; i++)
    gtk_string_list_append (list, vaern_enum_label (e, i));
  return list;
}

void
vaern_combo_row_set_enum (AdwComboRow     *row,
                          const VaernEnum *e,
                          guint            value)
{
  g_autoptr(GtkStringList) list = vaern_enum_string_list (e);

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, value);
}

/* The drop-down's items are GtkStringObjects; a parallel array holds the
 * record ids, with 0 for the "none" entry. */
GtkDropDown *
vaern_record_dropdown_new (GListModel *records,
                           const char *label_property,
                           gint64      selected_id,
                           const char *none_label)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkExpression *expression;
  GtkDropDown *dropdown;
  guint n = g_list_model_get_n_items (records);
  guint selected = 0;

  if (none_label)
    {
      gint64 none = 0;

      gtk_string_list_append (strings, none_label);
      g_array_append_val (ids, none);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernRecord) record = g_list_model_get_item (records, i);
      g_autofree char *label = NULL;
      gint64 id = vaern_record_get_id (record);

      g_object_get (record, label_property, &label, NULL);
      if (id == selected_id)
        selected = ids->len;
      gtk_string_list_append (strings, label ? label : "");
      g_array_append_val (ids, id);
    }

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (strings)), expression));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  gtk_drop_down_set_selected (dropdown, selected);
  gtk_widget_set_valign (GTK_WIDGET (dropdown), GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (dropdown), "vaern-ids", ids, (GDestroyNotify) g_array_unref);
  /* Its button is read out by the name the drop-down is given. */
  vaern_drop_down_set_accessible_label (dropdown, NULL);
  return dropdown;
}

gint64
vaern_record_dropdown_get_id (GtkDropDown *dropdown)
{
  GArray *ids = g_object_get_data (G_OBJECT (dropdown), "vaern-ids");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

void
vaern_record_dropdown_set_id (GtkDropDown *dropdown,
                              gint64       id)
{
  GArray *ids = g_object_get_data (G_OBJECT (dropdown), "vaern-ids");

  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
}

void
vaern_entry_set_date (GtkEditable *editable,
                      const char  *iso)
{
  g_autofree char *text = vaern_date_format (iso);

  gtk_editable_set_text (editable, text);
}

gboolean
vaern_entry_get_date (GtkEditable *editable,
                      char       **iso,
                      GError     **error)
{
  g_autoptr(GError) local = NULL;

  *iso = vaern_date_parse (gtk_editable_get_text (editable), &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

char *
vaern_entry_get_text (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
vaern_show_error (GtkWidget    *widget,
                  const char   *heading,
                  const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading, error ? error->message : NULL);
  /* Translators: button that closes an error message */
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vaern_flow_box_tab_through (GtkFlowBox *box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child))
      gtk_widget_set_focusable (child, FALSE);
}

typedef struct
{
  GtkWidget *widget;   /* owns the controller, so outlives it */
  GtkWidget *list;
  char      *action;
} DeleteKey;

static void
delete_key_free (gpointer data,
                 GClosure *closure)
{
  DeleteKey *key = data;

  g_free (key->action);
  g_free (key);
}

static gboolean
delete_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       DeleteKey             *key)
{
  GtkRoot *root = gtk_widget_get_root (key->widget);
  GtkWidget *focus;

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return FALSE;
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || root == NULL)
    return FALSE;
  focus = gtk_root_get_focus (root);
  if (focus == NULL || !gtk_widget_is_ancestor (focus, key->list))
    return FALSE;
  return gtk_widget_activate_action (key->widget, key->action, NULL);
}

void
vaern_add_delete_key (GtkWidget  *widget,
                      GtkWidget  *list,
                      const char *action)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  DeleteKey *key = g_new0 (DeleteKey, 1);

  key->widget = widget;
  key->list = list;
  key->action = g_strdup (action);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_data (keys, "key-pressed", G_CALLBACK (delete_key_pressed_cb), key,
                         delete_key_free, 0);
  gtk_widget_add_controller (widget, keys);
}

void
vaern_add_view_shortcuts (GtkWidget         *view,
                          const char *const *bindings)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; bindings[i] && bindings[i + 1]; i += 2)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (bindings[i]),
                                                            gtk_named_action_new (bindings[i + 1])));
  gtk_widget_add_controller (view, shortcuts);
}

/* How the search text changed: typing on narrows the list, deleting
 * widens it, and the filter model then only looks at the rows that can
 * change. */
static GtkFilterChange
search_change (const char *old_needle,
               const char *new_needle)
{
  if (old_needle == NULL)
    return new_needle ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_DIFFERENT;
  if (new_needle == NULL)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  if (strstr (new_needle, old_needle))
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (strstr (old_needle, new_needle))
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
void
vaern_style_colors (GtkWidget        *widget,
                    VaernStyleColors *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, &colors->fg);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &colors->bg))
    colors->bg = (GdkRGBA) { 1, 1, 1, 1 };
  if (!gtk_style_context_lookup_color (context, "error_color", &colors->error))
    colors->error = (GdkRGBA) { 0.75, 0.11, 0.16, 1 };
  if (!gtk_style_context_lookup_color (context, "warning_color", &colors->warning))
    colors->warning = (GdkRGBA) { 0.61, 0.39, 0.0, 1 };
  if (!gtk_style_context_lookup_color (context, "success_color", &colors->success))
    colors->success = (GdkRGBA) { 0.15, 0.55, 0.29, 1 };
}
G_GNUC_END_IGNORE_DEPRECATIONS

void
vaern_entry_set_text (GtkEditable *editable,
                      const char  *text)
{
  gtk_editable_set_text (editable, text ? text : "");
}

static void
undo_toast_dismissed_cb (AdwToast *toast,
                         gpointer  overlay)
{
  AdwToast **slot = g_object_get_data (G_OBJECT (toast), "vaern-slot");

  if (slot && *slot == toast)
    *slot = NULL;
}

void
vaern_offer_undo (AdwToastOverlay *overlay,
                  AdwToast       **slot,
                  const char      *action,
                  const char      *message)
{
  AdwToast *toast;

  if (*slot)
    {
      adw_toast_set_title (*slot, message);
      return;
    }
  toast = adw_toast_new (message);
  /* Translators: button on a notification after something was deleted */
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 8);
  /* The handler goes with the overlay, which goes before the slot's owner. */
  g_object_set_data (G_OBJECT (toast), "vaern-slot", slot);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), overlay, 0);
  *slot = toast;
  adw_toast_overlay_add_toast (overlay, toast);
}

gboolean
vaern_search_read (VaernSearch     *search,
                   GtkEditable     *entry,
                   GtkFilterChange *change)
{
  g_autofree char *text = vaern_entry_get_text (entry);

  return vaern_search_set (search, text, change);
}

gboolean
vaern_search_set (VaernSearch     *search,
                  const char      *text,
                  GtkFilterChange *change)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *old = g_steal_pointer (&search->needle);

  search->needle = *trimmed ? g_utf8_casefold (trimmed, -1) : NULL;
  if (g_strcmp0 (old, search->needle) == 0)
    return FALSE;
  g_strfreev (search->words);
  search->words = search->needle ? g_strsplit_set (search->needle, " \t", -1) : NULL;
  *change = search_change (old, search->needle);
  return TRUE;
}

gboolean
vaern_search_matches (const VaernSearch *search,
                      const char        *key)
{
  if (search->words == NULL)
    return TRUE;
  if (key == NULL)
    return FALSE;
  for (guint i = 0; search->words[i]; i++)
    if (*search->words[i] && strstr (key, search->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

void
vaern_search_clear (VaernSearch *search)
{
  g_clear_pointer (&search->needle, g_free);
  g_clear_pointer (&search->words, g_strfreev);
}

AdwMessageDialog *
vaern_question_new (GtkWindow            *parent,
                    const char           *heading,
                    const char           *body,
                    const char           *answer_id,
                    const char           *answer_label,
                    AdwResponseAppearance appearance)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (dialog,
                                    /* Translators: button of a question */
                                    "cancel", _("_Cancel"),
                                    answer_id, answer_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, answer_id, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_SUGGESTED
                                                   ? answer_id : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

void
vaern_text_view_set_text (GtkTextView *view,
                          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

char *
vaern_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

gboolean
vaern_print_a4 (GtkWidget          *widget,
                const char         *job_name,
                GtkPageOrientation  orientation,
                GCallback           begin_print,
                GCallback           draw_page,
                gpointer            data,
                GDestroyNotify      free_data,
                const char         *export_path,
                GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  /* The job owns the data: freed with the operation, after the last page. */
  g_object_set_data_full (G_OBJECT (operation), "vaern-print-data", data, free_data);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, orientation);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (begin_print)
    g_signal_connect (operation, "begin-print", begin_print, data);
  g_signal_connect (operation, "draw-page", draw_page, data);
  if (export_path)
    gtk_print_operation_set_export_filename (operation, export_path);
  return gtk_print_operation_run (operation,
                                  export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                              : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  GTK_WINDOW (gtk_widget_get_root (widget)), error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

void
vaern_drop_down_set_accessible_label (GtkDropDown *dropdown,
                                      const char  *label)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  /* In GTK 4.8 the drop-down's first child is its toggle button. */
  button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  if (label)
    gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    dropdown, NULL, -1);
}

static void
shortened_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (max_chars) > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
      gtk_label_set_width_chars (GTK_LABEL (label), MIN (12, GPOINTER_TO_INT (max_chars)));
    }
  gtk_list_item_set_child (item, label);
}

static void
shortened_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

void
vaern_drop_down_shorten (GtkDropDown *dropdown,
                         int          max_chars)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (shortened_setup), GINT_TO_POINTER (max_chars));
  g_signal_connect (button, "bind", G_CALLBACK (shortened_bind), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (shortened_setup), GINT_TO_POINTER (0));
  g_signal_connect (list, "bind", G_CALLBACK (shortened_bind), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

/* The filter bar */

#define FILTER_SPACING 6

typedef struct
{
  GtkWidget *bar;           /* owns this */
  GtkWidget *search;
  GtkWidget *button;
  GtkWidget *popover_box;
  int        fold_width;
  gboolean   folded;
  guint      n_active;
  guint      fold_idle;
} FilterBar;

static FilterBar *
filter_bar_get (GtkWidget *bar)
{
  return g_object_get_data (G_OBJECT (bar), "vaern-filter-bar");
}

static void
filter_bar_free (gpointer data)
{
  FilterBar *fb = data;

  g_clear_handle_id (&fb->fold_idle, g_source_remove);
  g_free (fb);
}

/* Where each child of a wrapping box goes: its width and line. */
typedef struct
{
  GtkWidget *child;
  int        width;
  int        line;
} WrapItem;

/* Breaks the box's shown children into lines of at most width (each
 * child at its natural width, or less down to its minimum when alone on a
 * line); returns the items and sets *n_lines. */
static GArray *
wrap_lines (GtkWidget *box,
            int        width,
            int       *n_lines)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (WrapItem));
  int x = 0, line = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child;
       child = gtk_widget_get_next_sibling (child))
    {
      WrapItem item = { child, 0, 0 };
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      item.width = width >= 0 ? MAX (MIN (nat, width), min) : nat;
      if (x > 0 && width >= 0 && x + FILTER_SPACING + item.width > width)
        line++, x = 0;
      else if (x > 0)
        x += FILTER_SPACING;
      x += item.width;
      item.line = line;
      g_array_append_val (items, item);
    }
  *n_lines = items->len > 0 ? line + 1 : 0;
  return items;
}

/* The height of each line: the tallest child in it. */
static void
wrap_line_heights (GArray *items,
                   int     n_lines,
                   int    *minimum,
                   int    *natural)
{
  for (int i = 0; i < n_lines; i++)
    minimum[i] = natural[i] = 0;
  for (guint i = 0; i < items->len; i++)
    {
      WrapItem *item = &g_array_index (items, WrapItem, i);
      int min, nat;

      gtk_widget_measure (item->child, GTK_ORIENTATION_VERTICAL, item->width, &min, &nat, NULL,
                          NULL);
      minimum[item->line] = MAX (minimum[item->line], min);
      natural[item->line] = MAX (natural[item->line], nat);
    }
}

static GtkSizeRequestMode
wrap_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
wrap_measure (GtkWidget      *widget,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int n = 0;

      /* At least the widest child; at best all of them on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
           child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural += nat + (n++ > 0 ? FILTER_SPACING : 0);
        }
    }
  else
    {
      g_autoptr(GArray) items = NULL;
      g_autofree int *line_min = NULL;
      g_autofree int *line_nat = NULL;
      int n_lines, width = for_size;

      /* Without a width, the narrowest: one child a line. */
      if (width < 0)
        wrap_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, &(int) { 0 }, NULL, NULL);
      items = wrap_lines (widget, width, &n_lines);
      line_min = g_new (int, MAX (n_lines, 1));
      line_nat = g_new (int, MAX (n_lines, 1));
      wrap_line_heights (items, n_lines, line_min, line_nat);
      for (int i = 0; i < n_lines; i++)
        {
          *minimum += line_min[i] + (i > 0 ? FILTER_SPACING : 0);
          *natural += line_nat[i] + (i > 0 ? FILTER_SPACING : 0);
        }
    }
}

/* Moves the filters into the popover or back, as the bar's width asks.
 * The bar folds by its width alone, so it neither flips back and forth
 * nor folds because a filter's choice is longer. */
static gboolean
filter_bar_fold_idle_cb (gpointer user_data)
{
  FilterBar *fb = user_data;
  GtkWidget *from, *to;
  gboolean folded = gtk_widget_get_width (fb->bar) < fb->fold_width;

  fb->fold_idle = 0;
  if (folded == fb->folded)
    return G_SOURCE_REMOVE;
  fb->folded = folded;
  from = folded ? fb->bar : fb->popover_box;
  to = folded ? fb->popover_box : fb->bar;
  /* Nothing is left open over the list. */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (fb->button));
  for (GtkWidget *child = gtk_widget_get_first_child (from), *next; child; child = next)
    {
      next = gtk_widget_get_next_sibling (child);
      if (child == fb->search || child == fb->button)
        continue;
      g_object_ref (child);
      gtk_box_remove (GTK_BOX (from), child);
      gtk_box_append (GTK_BOX (to), child);
      g_object_unref (child);
    }
  gtk_widget_set_visible (fb->button, folded);
  gtk_widget_set_hexpand (fb->search, folded);
  return G_SOURCE_REMOVE;
}

static void
wrap_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  FilterBar *fb = filter_bar_get (widget);
  g_autoptr(GArray) items = NULL;
  g_autofree int *line_min = NULL;
  g_autofree int *line_nat = NULL;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int n_lines, x = 0, y = 0, line = 0;

  /* Moving the filters is for after the allocation. */
  if (fb && (width < fb->fold_width) != fb->folded && fb->fold_idle == 0)
    fb->fold_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, filter_bar_fold_idle_cb, fb, NULL);

  items = wrap_lines (widget, width, &n_lines);
  line_min = g_new (int, MAX (n_lines, 1));
  line_nat = g_new (int, MAX (n_lines, 1));
  wrap_line_heights (items, n_lines, line_min, line_nat);
  /* A child that expands (the search field of a folded bar) takes what
   * its line leaves over. */
  for (int l = 0; l < n_lines; l++)
    {
      int used = 0, n_expand = 0;

      for (guint i = 0; i < items->len; i++)
        {
          WrapItem *item = &g_array_index (items, WrapItem, i);

          if (item->line != l)
            continue;
          used += item->width + (used > 0 ? FILTER_SPACING : 0);
          n_expand += gtk_widget_compute_expand (item->child, GTK_ORIENTATION_HORIZONTAL);
        }
      for (guint i = 0; i < items->len && n_expand > 0; i++)
        {
          WrapItem *item = &g_array_index (items, WrapItem, i);

          if (item->line == l
              && gtk_widget_compute_expand (item->child, GTK_ORIENTATION_HORIZONTAL))
            item->width += MAX (width - used, 0) / n_expand;
        }
    }
  for (guint i = 0; i < items->len; i++)
    {
      WrapItem *item = &g_array_index (items, WrapItem, i);

      if (item->line != line)
        {
          y += line_nat[line] + FILTER_SPACING;
          line = item->line;
          x = 0;
        }
      gtk_widget_size_allocate (item->child,
                                &(GtkAllocation) { rtl ? width - x - item->width : x, y,
                                                   item->width, line_nat[line] },
                                -1);
      x += item->width + FILTER_SPACING;
    }
}

void
vaern_filter_bar_init (GtkBox        *bar,
                       GtkWidget     *search,
                       GtkMenuButton *button,
                       GtkBox        *popover_box,
                       int            fold_width)
{
  FilterBar *fb = g_new0 (FilterBar, 1);

  g_return_if_fail (GTK_IS_BOX (bar));
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (GTK_IS_BOX (popover_box));

  fb->bar = GTK_WIDGET (bar);
  fb->search = search;
  fb->button = GTK_WIDGET (button);
  fb->popover_box = GTK_WIDGET (popover_box);
  fb->fold_width = fold_width;
  g_object_set_data_full (G_OBJECT (bar), "vaern-filter-bar", fb, filter_bar_free);
  /* The box's own layout gives way to the wrapping one; the box is only
   * a container that .ui files can fill. */
  gtk_widget_set_layout_manager (GTK_WIDGET (bar),
                                 gtk_custom_layout_new (wrap_request_mode, wrap_measure,
                                                        wrap_allocate));
  gtk_widget_set_visible (fb->button, FALSE);
  vaern_filter_bar_set_n_active (bar, 0);
}

void
vaern_filter_bar_set_n_active (GtkBox *bar,
                               guint   n_active)
{
  FilterBar *fb = filter_bar_get (GTK_WIDGET (bar));
  g_autofree char *label = NULL;
  GtkWidget *toggle;

  g_return_if_fail (fb != NULL);

  if (n_active == fb->n_active && gtk_menu_button_get_label (GTK_MENU_BUTTON (fb->button)))
    return;
  fb->n_active = n_active;
  if (n_active == 0)
    /* Translators: the button that shows a list's filters in a narrow window */
    label = g_strdup (_("Filters"));
  else
    /* Translators: the button that shows a list's filters in a narrow window; %u is how many are in use */
    label = g_strdup_printf (_("Filters (%u)"), n_active);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (fb->button), label);
  /* The name a screen reader says, on the menu button and on the toggle
   * button inside it that takes the focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (fb->button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  toggle = gtk_widget_get_first_child (fb->button);
  if (GTK_IS_TOGGLE_BUTTON (toggle))
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

gboolean
vaern_filter_bar_get_folded (GtkBox *bar)
{
  FilterBar *fb = filter_bar_get (GTK_WIDGET (bar));

  g_return_val_if_fail (fb != NULL, FALSE);
  return fb->folded;
}

void
vaern_filter_bar_place (GtkBox    *bar,
                        GtkWidget *filter,
                        GtkWidget *old,
                        GtkWidget *before)
{
  FilterBar *fb = filter_bar_get (GTK_WIDGET (bar));
  GtkWidget *box;

  g_return_if_fail (fb != NULL);

  if (old)
    {
      box = gtk_widget_get_parent (old);
      gtk_box_insert_child_after (GTK_BOX (box), filter, old);
      gtk_box_remove (GTK_BOX (box), old);
    }
  else if (before)
    {
      box = gtk_widget_get_parent (before);
      gtk_box_insert_child_after (GTK_BOX (box), filter, gtk_widget_get_prev_sibling (before));
    }
  else
    gtk_box_append (GTK_BOX (fb->folded ? fb->popover_box : fb->bar), filter);
}

/* Keyboard focus */

gboolean
vaern_focus_outside (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;

  if (root == NULL)
    return FALSE;
  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (root); w = gtk_widget_get_parent (w))
    for (GtkWidget *s = forward ? gtk_widget_get_next_sibling (w) : gtk_widget_get_prev_sibling (w);
         s != NULL; s = forward ? gtk_widget_get_next_sibling (s) : gtk_widget_get_prev_sibling (s))
      if (gtk_widget_get_visible (s) && gtk_widget_child_focus (s, direction))
        return TRUE;
  /* Round the window: from its first control, or its last. */
  gtk_root_set_focus (root, NULL);
  return gtk_widget_child_focus (GTK_WIDGET (root), direction);
}

gboolean
vaern_tab_direction (guint             keyval,
                     GdkModifierType   state,
                     GtkDirectionType *direction)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask () & ~GDK_SHIFT_MASK;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
      || mods != 0)
    return FALSE;
  *direction = (state & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab ? GTK_DIR_TAB_BACKWARD
                                                                          : GTK_DIR_TAB_FORWARD;
  return TRUE;
}

static gboolean
tab_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkDirectionType direction;

  return vaern_tab_direction (keyval, state, &direction)
         && vaern_focus_outside (widget, direction);
}

void
vaern_tab_leaves (GtkWidget *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (tab_pressed_cb), NULL);
  gtk_widget_add_controller (widget, keys);
}

/* A paned that follows its size */

/* A position that was not set here was set by a person: by the handle or
 * the keyboard. GtkPaned also moves it itself to keep it within the pane
 * when the pane shrinks, and that is not a choice. */
static void
paned_position_cb (GtkPaned        *paned,
                   GParamSpec      *pspec,
                   VaernPanedShare *ps)
{
  GtkOrientation orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (paned));
  int position = gtk_paned_get_position (paned);
  int size = orientation == GTK_ORIENTATION_HORIZONTAL ? gtk_widget_get_width (GTK_WIDGET (paned))
                                                       : gtk_widget_get_height (GTK_WIDGET (paned));
  int min_position, max_position;

  g_object_get (paned, "min-position", &min_position, "max-position", &max_position, NULL);
  if (ps->placing || size <= 0 || position <= min_position || position >= max_position)
    return;
  ps->moved[orientation] = TRUE;
  ps->share[orientation] = (double) position / size;
}

void
vaern_paned_share_init (VaernPanedShare *ps,
                        GtkPaned        *paned)
{
  *ps = (VaernPanedShare) { paned };
  g_signal_connect (paned, "notify::position", G_CALLBACK (paned_position_cb), ps);
}

void
vaern_paned_share_place (VaernPanedShare *ps,
                         int              width,
                         int              height,
                         int              position)
{
  GtkOrientation orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (ps->paned));
  int size = orientation == GTK_ORIENTATION_HORIZONTAL ? width : height;

  if (width <= 0 || height <= 0)
    return;
  if (ps->moved[orientation])
    position = (int) (ps->share[orientation] * size + 0.5);
  if (ABS (position - gtk_paned_get_position (ps->paned)) <= 1)
    return;
  ps->placing = TRUE;
  gtk_paned_set_position (ps->paned, position);
  ps->placing = FALSE;
}
