/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "core/vaern-date.h"
#include "render/vaern-wheel.h"
#include "vaern-view.h"
#include "vaern-wheel-view-private.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"
#include "widgets/vaern-wheel-widget.h"

/* The annual wheel: the year's occurrences of every activity drawn as a
 * circle beside a list of the same occurrences, which is the keyboard
 * path. The year can be changed; an occurrence can be marked done (with
 * today and the person at the keyboard) or not done; activities and
 * annual-plan improvements are added, edited and deleted here. The
 * widgets are in the template (ui/vaern-wheel-view.ui), the actions in
 * vaern-wheel-view-actions.c. */

G_DEFINE_FINAL_TYPE (VaernWheelItem, vaern_wheel_item, G_TYPE_OBJECT)

enum { ITEM_PROP_0, ITEM_PROP_DATE, ITEM_PROP_TITLE, ITEM_PROP_STATE, ITEM_PROP_OWNER, ITEM_N_PROPS };

static void
vaern_wheel_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VaernWheelItem *self = VAERN_WHEEL_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_DATE: g_value_set_string (value, self->date); break;
    case ITEM_PROP_TITLE: g_value_set_string (value, self->activity->title); break;
    case ITEM_PROP_STATE: g_value_set_uint (value, self->state); break;
    case ITEM_PROP_OWNER: g_value_set_string (value, self->activity->owner_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vaern_wheel_item_finalize (GObject *object)
{
  VaernWheelItem *self = VAERN_WHEEL_ITEM (object);

  g_clear_object (&self->activity);
  g_free (self->date);
  G_OBJECT_CLASS (vaern_wheel_item_parent_class)->finalize (object);
}

static void
vaern_wheel_item_class_init (VaernWheelItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = vaern_wheel_item_get_property;
  object_class->finalize = vaern_wheel_item_finalize;
  g_object_class_install_property (object_class, ITEM_PROP_DATE,
    g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, ITEM_PROP_TITLE,
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, ITEM_PROP_STATE,
    g_param_spec_uint ("state", NULL, NULL, 0, 3, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, ITEM_PROP_OWNER,
    g_param_spec_string ("owner-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
vaern_wheel_item_init (VaernWheelItem *self)
{
}

/* The view */

static void vaern_wheel_view_iface_init (VaernViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VaernWheelView, vaern_wheel_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VAERN_TYPE_VIEW, vaern_wheel_view_iface_init))

static void update_state (VaernWheelView *self);

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const VaernWheelItem *x = *(VaernWheelItem *const *) a, *y = *(VaernWheelItem *const *) b;
  int c = g_strcmp0 (x->date, y->date);

  return c ? c : g_utf8_collate (x->activity->title, y->activity->title);
}

/* Both the wheel and the list are made from the activities' occurrences in
 * the year. The selected occurrence stays selected. */
static void
fill (VaernWheelView *self)
{
  VaernWheelItem *selected = vaern_table_get_selected (self->table);
  gint64 selected_id = selected ? vaern_record_get_id (VAERN_RECORD (selected->activity)) : 0;
  g_autofree char *selected_date = selected ? g_strdup (selected->date) : NULL;

  g_autofree char *today = vaern_date_today ();
  g_autofree char *from = g_strdup_printf ("%04u-01-01", self->year);
  g_autofree char *to = g_strdup_printf ("%04u-12-31", self->year);
  g_autofree char *year = g_strdup_printf ("%u", self->year);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *activities = self->document ? vaern_document_get_activities (self->document) : NULL;
  guint n = activities ? g_list_model_get_n_items (activities) : 0;
  g_autoptr(GArray) marks = NULL;

  gtk_label_set_text (self->year_label, year);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);
      g_autoptr(GArray) occurrences = vaern_activity_occurrences (a, from, to, today);

      for (guint k = 0; k < occurrences->len; k++)
        {
          VaernWheelItem *item = g_object_new (VAERN_TYPE_WHEEL_ITEM, NULL);

          item->activity = g_object_ref (a);
          item->date = g_strdup (g_array_index (occurrences, VaernOccurrence, k).date);
          item->state = g_array_index (occurrences, VaernOccurrence, k).state;
          g_ptr_array_add (items, item);
        }
    }
  g_ptr_array_sort_with_data (items, compare_items, NULL);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  if (selected_id != 0)
    {
      GListModel *shown = G_LIST_MODEL (vaern_table_get_selection (self->table));

      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(VaernWheelItem) item = g_list_model_get_item (shown, i);

          if (vaern_record_get_id (VAERN_RECORD (item->activity)) == selected_id
              && g_strcmp0 (item->date, selected_date) == 0)
            {
              vaern_table_select (self->table, i);
              break;
            }
        }
    }

  marks = activities ? vaern_wheel_marks_from_activities (activities, self->year, today) : NULL;
  vaern_wheel_widget_set_marks (self->wheel, marks);
  vaern_wheel_widget_set_today (self->wheel, today);
  vaern_wheel_widget_set_year (self->wheel, self->year);
  update_state (self);
}

static gboolean
fill_idle_cb (gpointer user_data)
{
  VaernWheelView *self = user_data;

  self->fill_idle = 0;
  fill (self);
  return G_SOURCE_REMOVE;
}

/* A change of the activities rebuilds the view once, after the change has
 * been told in full (a new day changes every activity at once), and only
 * while the view is shown; a hidden view rebuilds when shown again. */
static void
activities_changed_cb (VaernWheelView *self)
{
  if (self->fill_idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->fill_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE - 10, fill_idle_cb, self, NULL);
}

static gboolean
item_shown (gpointer item,
            gpointer user_data)
{
  VaernWheelView *self = user_data;

  return self->only_state == 0 || VAERN_WHEEL_ITEM (item)->state == self->only_state - 1;
}

static void
state_filter_cb (VaernWheelView *self)
{
  self->only_state = gtk_drop_down_get_selected (self->state_filter);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
update_state (VaernWheelView *self)
{
  VaernWheelItem *item = vaern_table_get_selected (self->table);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (vaern_table_get_selection (self->table)));
  gboolean writable = self->document && !vaern_document_get_read_only (self->document);
  GArray *marks = vaern_wheel_widget_get_marks (self->wheel);
  int focus = -1;
  g_autofree char *count = NULL;

  /* Translators: the number of occurrences listed beside the annual wheel */
  count = g_strdup_printf (ngettext ("%u occurrence", "%u occurrences", shown), shown);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "table" : "empty");
  if (shown == 0)
    {
      g_autofree char *title = NULL;

      if (self->only_state > 0 && g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0)
        /* Translators: the annual wheel's list when the filter leaves nothing; %u is a year */
        title = g_strdup_printf (_("Nothing Like That in %u"), self->year);
      else
        /* Translators: the annual wheel's list for a year without activities; %u is a year */
        title = g_strdup_printf (_("Nothing Due in %u"), self->year);
      adw_status_page_set_title (self->empty_page, title);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wheel.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wheel.add-plan", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wheel.edit", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wheel.open-concerned",
                                 item != NULL && item->activity->concerns != VAERN_CONCERNS_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wheel.delete", writable && item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wheel.mark-done",
                                 writable && item && item->state != VAERN_OCCURRENCE_DONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wheel.mark-not-done",
                                 writable && item && item->state == VAERN_OCCURRENCE_DONE);
  /* The chosen occurrence is ringed on the wheel. */
  if (item && marks)
    for (guint i = 0; i < marks->len; i++)
      {
        const VaernWheelMark *m = &g_array_index (marks, VaernWheelMark, i);

        if (m->activity_id == vaern_record_get_id (VAERN_RECORD (item->activity))
            && g_strcmp0 (m->date, item->date) == 0)
          focus = (int) i;
      }
  vaern_wheel_widget_set_focus_mark (self->wheel, focus);
}

/* Cells */

static void
date_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernWheelItem *i = item;

  cell->text = vaern_date_format (i->date);
  if (i->state == VAERN_OCCURRENCE_OVERDUE)
    {
      cell->style = VAERN_TABLE_CELL_WARNING;
      cell->icon_name = "dialog-warning-symbolic";
    }
}

static void
title_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernWheelItem *i = item;

  cell->text = g_strdup (i->activity->title);
  if (i->state == VAERN_OCCURRENCE_DONE)
    cell->style = VAERN_TABLE_CELL_DIM;
}

static void
phase_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernWheelItem *i = item;

  cell->text = i->activity->plan
    /* Translators: in the wheel's list: an item of the annual plan */
    ? g_strdup (_("Annual plan"))
    : g_strdup (vaern_enum_label (&vaern_enum_pdca_phase, i->activity->phase));
}

static void
owner_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  cell->text = g_strdup (VAERN_WHEEL_ITEM (item)->activity->owner_name);
}

static void
state_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernWheelItem *i = item;

  cell->text = g_strdup (vaern_wheel_state_label (i->state));
  if (i->state == VAERN_OCCURRENCE_DONE)
    {
      const VaernActivityDone *d = vaern_activity_find_done (i->activity, i->date);

      cell->icon_name = "object-select-symbolic";
      if (d)
        {
          g_autofree char *on = vaern_date_format (d->done_on);

          g_free (cell->text);
          /* Translators: in the wheel's list: done on a date */
          cell->text = g_strdup_printf (_("Done %s"), on);
        }
    }
  else if (i->state == VAERN_OCCURRENCE_OVERDUE)
    cell->style = VAERN_TABLE_CELL_WARNING;
}

static void
setup_columns (VaernWheelView *self)
{
  VaernTable *t = self->table;
  guint date;

  /* Translators: column heading: the date an occurrence is due */
  date = vaern_table_add_column (t, _("Due"), date_cell, NULL,
                                 vaern_table_sorter_new (VAERN_TYPE_WHEEL_ITEM, "date", FALSE),
                                 110, FALSE, 0);
  /* Translators: column heading */
  vaern_table_add_column (t, _("Activity"), title_cell, NULL,
                          vaern_table_sorter_new (VAERN_TYPE_WHEEL_ITEM, "title", FALSE), 240, TRUE, 0);
  /* Translators: column heading: the PDCA phase */
  vaern_table_add_column (t, _("Phase"), phase_cell, NULL, NULL, 110, FALSE, 3);
  /* Translators: column heading */
  vaern_table_add_column (t, _("Responsible"), owner_cell, NULL,
                          vaern_table_sorter_new (VAERN_TYPE_WHEEL_ITEM, "owner-name", FALSE), 160,
                          FALSE, 2);
  /* Translators: column heading */
  vaern_table_add_column (t, _("State"), state_cell, NULL,
                          vaern_table_sorter_new (VAERN_TYPE_WHEEL_ITEM, "state", TRUE), 140, FALSE, 1);
  vaern_table_sort_by (t, date, GTK_SORT_ASCENDING);
}

/* A click on an occurrence on the wheel selects it in the list and opens
 * its activity. */
static void
wheel_mark_activated_cb (VaernWheelWidget *wheel,
                         guint             index,
                         VaernWheelView   *self)
{
  const VaernWheelMark *m = &g_array_index (vaern_wheel_widget_get_marks (wheel), VaernWheelMark,
                                            index);
  GListModel *shown = G_LIST_MODEL (vaern_table_get_selection (self->table));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(VaernWheelItem) item = g_list_model_get_item (shown, i);

      if (vaern_record_get_id (VAERN_RECORD (item->activity)) == m->activity_id
          && g_strcmp0 (item->date, m->date) == 0)
        {
          vaern_table_select (self->table, i);
          gtk_widget_activate_action (GTK_WIDGET (self), "wheel.edit", NULL);
          return;
        }
    }
}

void
_vaern_wheel_view_set_year (VaernWheelView *self,
                            guint           year)
{
  self->year = CLAMP (year, 1900, 9999);
  fill (self);
}

/* The document */

/* The view reads the activities when it is first shown, so opening a
 * large document does not wait for the wheel. */
static void
attach (VaernWheelView *self)
{
  if (self->attached || self->document == NULL)
    return;
  self->attached = TRUE;
  g_signal_connect_swapped (vaern_document_get_activities (self->document), "items-changed",
                            G_CALLBACK (activities_changed_cb), self);
  g_signal_connect_swapped (self->document, "notify::read-only", G_CALLBACK (update_state), self);
  fill (self);
}

static void
vaern_wheel_view_set_document (VaernView     *view,
                               VaernDocument *document)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (view);
  g_autofree char *today = vaern_date_today ();

  if (self->document && self->attached)
    {
      g_signal_handlers_disconnect_by_data (vaern_document_get_activities (self->document), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  self->attached = FALSE;
  g_set_object (&self->document, document);
  self->year = atoi (today);
  if (document && gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach (self);
  else
    {
      /* Until shown: nothing from the old document. */
      g_list_store_remove_all (self->items);
      vaern_wheel_widget_set_marks (self->wheel, NULL);
      update_state (self);
    }
}

static void
vaern_wheel_view_map (GtkWidget *widget)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);
  gboolean was_attached = self->attached;

  GTK_WIDGET_CLASS (vaern_wheel_view_parent_class)->map (widget);
  attach (self);
  /* What changed while hidden. */
  if (was_attached)
    fill (self);
}

static void
vaern_wheel_view_focus_search (VaernView *view)
{
  gtk_widget_grab_focus (GTK_WIDGET (VAERN_WHEEL_VIEW (view)->table));
}

static void
vaern_wheel_view_iface_init (VaernViewInterface *iface)
{
  iface->set_document = vaern_wheel_view_set_document;
  iface->focus_search = vaern_wheel_view_focus_search;
}

static void
vaern_wheel_view_dispose (GObject *object)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (object);

  g_clear_handle_id (&self->fill_idle, g_source_remove);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->document)
    vaern_wheel_view_set_document (VAERN_VIEW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_WHEEL_VIEW);
  /* The template's children the view does not hold (the bars). */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->items);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (vaern_wheel_view_parent_class)->dispose (object);
}

/* The wheel is round: beside the list it takes the pane's height, up to
 * 40 % of the width, and the list keeps the rest; in a narrow view it
 * stands above the list. A size change lays out again, after the
 * allocation; a handle the person moved keeps their share (as the risks
 * view's heat map does). */
#define WHEEL_NARROW_WIDTH 720

static gboolean
layout_idle_cb (gpointer user_data)
{
  VaernWheelView *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));
  int height = gtk_widget_get_height (GTK_WIDGET (self->paned));
  GtkOrientation wanted = width < WHEEL_NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL
                                                     : GTK_ORIENTATION_HORIZONTAL;

  self->layout_idle = 0;
  if (width <= 0 || (width == self->laid_out_width && height == self->laid_out_height))
    return G_SOURCE_REMOVE;
  self->laid_out_width = width;
  self->laid_out_height = height;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), wanted);
  vaern_paned_share_place (&self->handle, width, height,
                           wanted == GTK_ORIENTATION_VERTICAL
                           ? MAX (240, height * 9 / 20)
                           : CLAMP (height, 300, MAX (300, width * 2 / 5)));
  return G_SOURCE_REMOVE;
}

/* The paned's largest position changes with its size. */
static void
paned_resized_cb (VaernWheelView *self)
{
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add (layout_idle_cb, self);
}

/* The state filter lists "All occurrences", then each state. */
static void
fill_state_filter (VaernWheelView *self)
{
  /* Translators: the annual wheel's filter */
  g_autoptr(GtkStringList) states = gtk_string_list_new ((const char *const[]) {
    _("All occurrences"), NULL });

  for (guint s = VAERN_WHEEL_MARK_UPCOMING; s <= VAERN_WHEEL_MARK_OVERDUE; s++)
    gtk_string_list_append (states, vaern_wheel_state_label (s));
  gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (states));
  /* Named in the template; its button is named after it. */
  vaern_drop_down_set_accessible_label (self->state_filter, NULL);
}

static void
vaern_wheel_view_class_init (VaernWheelViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (VAERN_TYPE_TABLE);
  g_type_ensure (VAERN_TYPE_WHEEL_WIDGET);

  G_OBJECT_CLASS (klass)->dispose = vaern_wheel_view_dispose;
  widget_class->map = vaern_wheel_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-wheel-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernWheelView, year_label);
  gtk_widget_class_bind_template_child (widget_class, VaernWheelView, state_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernWheelView, paned);
  gtk_widget_class_bind_template_child (widget_class, VaernWheelView, wheel);
  gtk_widget_class_bind_template_child (widget_class, VaernWheelView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernWheelView, table);
  gtk_widget_class_bind_template_child (widget_class, VaernWheelView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VaernWheelView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, state_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, paned_resized_cb);
  gtk_widget_class_bind_template_callback (widget_class, wheel_mark_activated_cb);

  vaern_wheel_view_class_init_actions (widget_class);
}

static void
vaern_wheel_view_init (VaernWheelView *self)
{
  self->items = g_list_store_new (VAERN_TYPE_WHEEL_ITEM);
  self->filter = gtk_custom_filter_new (item_shown, self, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  vaern_paned_share_init (&self->handle, self->paned);
  vaern_table_set_filter (self->table, GTK_FILTER (self->filter));
  setup_columns (self);
  vaern_table_set_model (self->table, G_LIST_MODEL (self->items));
  g_signal_connect_swapped (vaern_table_get_selection (self->table), "notify::selected",
                            G_CALLBACK (update_state), self);
  fill_state_filter (self);
  vaern_add_view_shortcuts (GTK_WIDGET (self), (const char *const[]) {
    "<Control><Shift>n", "wheel.add",
    "<Control>p", "wheel.print",
    "<Control>d", "wheel.mark-done",
    "Page_Up", "wheel.previous-year",
    "Page_Down", "wheel.next-year",
    "<Control>k", "wheel.open-concerned",
    NULL });
  vaern_add_delete_key (GTK_WIDGET (self), GTK_WIDGET (self->table), "wheel.delete");
  update_state (self);
}

void
vaern_wheel_view_show_state (VaernWheelView      *self,
                             VaernWheelMarkState  state)
{
  g_autofree char *today = vaern_date_today ();

  g_return_if_fail (VAERN_IS_WHEEL_VIEW (self));
  g_return_if_fail (state <= VAERN_WHEEL_MARK_OVERDUE);

  /* The state filter lists "All occurrences", then each state. */
  gtk_drop_down_set_selected (self->state_filter, state + 1);
  if (self->attached || self->document == NULL)
    {
      if (self->year != (guint) atoi (today))
        _vaern_wheel_view_set_year (self, atoi (today));
    }
  else
    {
      self->year = atoi (today);
      attach (self);
    }
}

/* For tests */

VaernTable *
vaern_wheel_view_get_table (VaernWheelView *self)
{
  return self->table;
}

guint
vaern_wheel_view_get_year (VaernWheelView *self)
{
  return self->year;
}

GArray *
vaern_wheel_view_get_marks (VaernWheelView *self)
{
  return vaern_wheel_widget_get_marks (self->wheel);
}
