/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "widgets/vaern-file-chooser.h"
#include "vaern-view.h"
#include "core/vaern-date.h"
#include "render/vaern-wheel.h"
#include "report/vaern-ical.h"
#include "vaern-activity-editor.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"
#include "vaern-wheel-view-private.h"

/* The annual wheel: the year's occurrences of every activity drawn as a
 * circle beside a list of the same occurrences, which is the keyboard
 * path. The year can be changed; an occurrence can be marked done (with
 * today and the person at the keyboard) or not done; activities and
 * annual-plan improvements are added, edited and deleted here. */

/* One occurrence in the list. */
#define VAERN_TYPE_WHEEL_ITEM (vaern_wheel_item_get_type ())
G_DECLARE_FINAL_TYPE (VaernWheelItem, vaern_wheel_item, VAERN, WHEEL_ITEM, GObject)

struct _VaernWheelItem
{
  GObject        parent_instance;
  VaernActivity *activity;
  char          *date;
  guint          state;    /* VaernOccurrenceState */
};

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

/* The drawing */

#define VAERN_TYPE_WHEEL_AREA (vaern_wheel_area_get_type ())
G_DECLARE_FINAL_TYPE (VaernWheelArea, vaern_wheel_area, VAERN, WHEEL_AREA, GtkWidget)

struct _VaernWheelArea
{
  GtkWidget          parent_instance;
  VaernWheel         wheel;
  GArray            *marks;
  char              *today;
  VaernWheelGeometry geometry;
};

G_DEFINE_FINAL_TYPE (VaernWheelArea, vaern_wheel_area, GTK_TYPE_WIDGET)

static guint area_activated_signal;

static void
vaern_wheel_area_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  VaernWheelArea *self = VAERN_WHEEL_AREA (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  VaernStyleColors colors;

  vaern_style_colors (widget, &colors);
  self->wheel.fg[0] = colors.fg.red, self->wheel.fg[1] = colors.fg.green;
  self->wheel.fg[2] = colors.fg.blue, self->wheel.fg[3] = colors.fg.alpha;
  self->wheel.bg[0] = colors.bg.red, self->wheel.bg[1] = colors.bg.green;
  self->wheel.bg[2] = colors.bg.blue, self->wheel.bg[3] = colors.bg.alpha;
  self->wheel.marks = self->marks;
  self->wheel.today = self->today;
  vaern_wheel_draw (cr, width, height, &self->wheel, &self->geometry);
  cairo_destroy (cr);
}

static gboolean
area_query_tooltip (GtkWidget  *widget,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip)
{
  VaernWheelArea *self = VAERN_WHEEL_AREA (widget);
  int i = self->marks ? vaern_wheel_mark_at (&self->wheel, &self->geometry, x, y) : -1;
  const VaernWheelMark *m;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  if (i < 0)
    return FALSE;
  m = &g_array_index (self->marks, VaernWheelMark, i);
  date = vaern_date_format (m->date);
  /* Translators: the wheel's tooltip: an activity, its date and its state */
  text = g_strdup_printf (_("%s\n%s · %s"), m->title, date, vaern_wheel_state_label (m->state));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
area_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 VaernWheelArea  *self)
{
  int i = self->marks ? vaern_wheel_mark_at (&self->wheel, &self->geometry, x, y) : -1;

  if (i >= 0)
    g_signal_emit (self, area_activated_signal, 0, (guint) i);
}

static void
vaern_wheel_area_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = 220;
  *natural = 480;
}

static void
vaern_wheel_area_finalize (GObject *object)
{
  VaernWheelArea *self = VAERN_WHEEL_AREA (object);

  g_clear_pointer (&self->marks, g_array_unref);
  g_free (self->today);
  G_OBJECT_CLASS (vaern_wheel_area_parent_class)->finalize (object);
}

static void
vaern_wheel_area_class_init (VaernWheelAreaClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = vaern_wheel_area_finalize;
  widget_class->snapshot = vaern_wheel_area_snapshot;
  widget_class->measure = vaern_wheel_area_measure;
  widget_class->query_tooltip = area_query_tooltip;
  area_activated_signal = g_signal_new ("mark-activated", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vaern_wheel_area_init (VaernWheelArea *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->wheel.focus = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (area_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* The view */

struct _VaernWheelView
{
  GtkWidget        parent_instance;

  VaernDocument   *document;
  guint            year;
  GListStore      *items;
  guint            only_state;  /* 0 all, else state + 1 */
  GtkCustomFilter *filter;

  GtkLabel        *year_label;
  GtkDropDown     *state_filter;
  VaernWheelArea  *area;
  VaernTable      *table;
  GtkStack        *list_stack;
  AdwStatusPage   *empty_page;
  GtkLabel        *count_label;
  gboolean         attached;
  guint            fill_idle;   /* a rebuild is due */
  GtkPaned        *paned;       /* the wheel, then the list */
  VaernPanedShare  handle;      /* follows the paned's size */
  guint            layout_idle;
  int              laid_out_width;
  int              laid_out_height;
};

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

  g_clear_pointer (&self->area->marks, g_array_unref);
  self->area->marks = activities ? vaern_wheel_marks_from_activities (activities, self->year, today)
                                 : NULL;
  g_free (self->area->today);
  self->area->today = g_strdup (today);
  self->area->wheel.year = self->year;
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
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
      adw_status_page_set_description (self->empty_page,
                                       /* Translators: the empty annual wheel */
                                       _("Add the recurring activities of the ISMS, or the "
                                         "improvements of the annual plan, each with a date and "
                                         "someone responsible."));
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
  self->area->wheel.focus = -1;
  if (item && self->area->marks)
    for (guint i = 0; i < self->area->marks->len; i++)
      {
        const VaernWheelMark *m = &g_array_index (self->area->marks, VaernWheelMark, i);

        if (m->activity_id == vaern_record_get_id (VAERN_RECORD (item->activity))
            && g_strcmp0 (m->date, item->date) == 0)
          self->area->wheel.focus = (int) i;
      }
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
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

/* Actions */

static GtkWindow *
parent_window (GtkWidget *widget)
{
  return GTK_WINDOW (gtk_widget_get_root (widget));
}

static void
set_year (VaernWheelView *self,
          guint           year)
{
  self->year = CLAMP (year, 1900, 9999);
  fill (self);
}

static void
year_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);
  g_autofree char *today = vaern_date_today ();

  if (g_str_equal (name, "wheel.previous-year"))
    set_year (self, self->year - 1);
  else if (g_str_equal (name, "wheel.next-year"))
    set_year (self, self->year + 1);
  else
    set_year (self, atoi (today));
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);

  gtk_window_present (GTK_WINDOW (vaern_activity_editor_new (parent_window (widget), self->document,
                                                             NULL, g_str_equal (name, "wheel.add-plan"),
                                                             NULL)));
}

static void
edit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);
  VaernWheelItem *item = vaern_table_get_selected (self->table);

  if (item)
    gtk_window_present (GTK_WINDOW (vaern_activity_editor_new (parent_window (widget),
                                                               self->document, item->activity,
                                                               item->activity->plan, NULL)));
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);
  VaernWheelItem *item = vaern_table_get_selected (self->table);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (item == NULL)
    return;
  /* Translators: notification after deleting an activity; %s is its title */
  message = g_strdup_printf (_("“%s” deleted"), item->activity->title);
  if (!vaern_document_delete_activity (self->document,
                                       vaern_record_get_id (VAERN_RECORD (item->activity)), &error))
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Delete the Activity"), error);
  else
    vaern_view_offer_undo (widget, message);
}

/* From an activity to what it concerns: a system's risk assessment, the
 * SoA, or a document. */
static void
open_concerned_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);
  VaernWheelItem *item = vaern_table_get_selected (self->table);

  if (item == NULL)
    return;
  switch (item->activity->concerns)
    {
    case VAERN_CONCERNS_RISKS:
      vaern_view_go_to (widget, "risks", "risks.show-asset",
                        g_variant_new_int64 (item->activity->asset_id));
      break;
    case VAERN_CONCERNS_SOA:
      vaern_view_go_to (widget, "soa", NULL, NULL);
      break;
    case VAERN_CONCERNS_DOCUMENT:
      vaern_view_go_to (widget, "documents", "documents.select",
                        g_variant_new_int64 (item->activity->document_id));
      break;
    default:
      break;
    }
}

/* Done today, by the person at the keyboard. */
gboolean
vaern_wheel_view_mark_selected (VaernWheelView *self,
                                gboolean        done,
                                GError        **error)
{
  VaernWheelItem *item = vaern_table_get_selected (self->table);
  g_autofree char *today = vaern_date_today ();
  const char *who = g_get_real_name ();

  if (item == NULL)
    return FALSE;
  if (who == NULL || *who == '\0' || g_str_equal (who, "Unknown"))
    who = g_get_user_name ();
  if (done)
    return vaern_document_mark_done (self->document,
                                     vaern_record_get_id (VAERN_RECORD (item->activity)),
                                     item->date, today, who, "", error);
  return vaern_document_unmark_done (self->document,
                                     vaern_record_get_id (VAERN_RECORD (item->activity)),
                                     item->date, error);
}

static void
mark_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr(GError) error = NULL;
  gboolean done = g_str_equal (name, "wheel.mark-done");

  if (!vaern_wheel_view_mark_selected (VAERN_WHEEL_VIEW (widget), done, &error) && error)
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Change the Activity"), error);
  else
    vaern_view_offer_undo (widget,
                             done
                             /* Translators: notification */
                             ? _("Marked done") : _("Marked not done"));
}

static void
area_activated_cb (VaernWheelArea *area,
                   guint           index,
                   VaernWheelView *self)
{
  const VaernWheelMark *m = &g_array_index (area->marks, VaernWheelMark, index);
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

/* Printing and export */

typedef struct
{
  GArray *marks;
  guint   year;
  char   *today;
  char   *organisation;
  GBytes *logo;
} Picture;

static void
picture_free (gpointer data)
{
  Picture *p = data;

  g_array_unref (p->marks);
  g_free (p->today);
  g_free (p->organisation);
  g_clear_pointer (&p->logo, g_bytes_unref);
  g_free (p);
}

static Picture *
picture_new (VaernWheelView *self)
{
  Picture *p = g_new0 (Picture, 1);

  p->today = vaern_date_today ();
  p->year = self->year;
  p->marks = vaern_wheel_marks_from_activities (vaern_document_get_activities (self->document),
                                                self->year, p->today);
  p->organisation = g_strdup (vaern_document_get_organisation (self->document));
  p->logo = vaern_document_get_logo (self->document);
  return p;
}

static void
picture_fill (Picture        *p,
              VaernWheel     *wheel,
              VaernWheelPage *page,
              char          **date)
{
  memset (wheel, 0, sizeof *wheel);
  wheel->year = p->year;
  wheel->today = p->today;
  wheel->marks = p->marks;
  wheel->focus = -1;
  for (guint r = 0; r < 4; r++)
    wheel->ring_labels[r] = vaern_enum_label (&vaern_enum_pdca_phase, r);
  *date = vaern_date_format (p->today);
  page->organisation = p->organisation;
  page->logo = p->logo;
  page->date = *date;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Picture           *p)
{
  g_autofree char *date = NULL;
  VaernWheel wheel;
  VaernWheelPage page;

  picture_fill (p, &wheel, &page, &date);
  vaern_wheel_draw_page (gtk_print_context_get_cairo_context (context),
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context), &wheel, &page);
}

gboolean
vaern_wheel_view_print (VaernWheelView *self,
                        const char     *export_path,
                        GError        **error)
{
  return vaern_print_a4 (GTK_WIDGET (self),
                         /* Translators: the name of the print job */
                         _("Annual wheel"), GTK_PAGE_ORIENTATION_LANDSCAPE, NULL,
                         G_CALLBACK (draw_page_cb), picture_new (self), picture_free,
                         export_path, error);
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr(GError) error = NULL;

  if (!vaern_wheel_view_print (VAERN_WHEEL_VIEW (widget), NULL, &error))
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Print"), error);
}

static void
picture_chosen_cb (GtkWindow *parent,
                   GFile     *file,
                   gpointer   user_data)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  VaernWheel wheel;
  VaernWheelPage page;

  if (path == NULL)
    return;
  picture_fill (user_data, &wheel, &page, &date);
  if (!vaern_wheel_export (path, VAERN_WHEEL_PAPER_A4, TRUE, &wheel, &page, &error))
    /* Translators: heading of an error message */
    vaern_show_error (GTK_WIDGET (parent), _("Could Not Export"), error);
}

static void
export_picture_action (GtkWidget *widget, const char *name, GVariant *param)
{
  vaern_choose_file_full (parent_window (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                          /* Translators: title of the file chooser */
                          _("Export Annual Wheel"), _("_Export"),
                          /* Translators: suggested file name of the exported wheel */
                          _("annual-wheel.pdf"), VAERN_FILES_PICTURES, picture_chosen_cb,
                          picture_new (VAERN_WHEEL_VIEW (widget)), picture_free);
}

static void
calendar_chosen_cb (GtkWindow *parent,
                    GFile     *file,
                    gpointer   user_data)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path && !vaern_ical_write_wheel (user_data, path, &error))
    /* Translators: heading of an error message */
    vaern_show_error (GTK_WIDGET (parent), _("Could Not Export"), error);
}

static void
export_calendar_action (GtkWidget *widget, const char *name, GVariant *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);

  vaern_choose_file_full (parent_window (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                          /* Translators: title of the file chooser */
                          _("Export as Calendar"), _("_Export"),
                          /* Translators: suggested file name of the exported calendar */
                          _("annual-wheel.ics"), VAERN_FILES_ANY, calendar_chosen_cb,
                          g_object_ref (self->document), g_object_unref);
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
      g_clear_pointer (&self->area->marks, g_array_unref);
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

static void paned_resized_cb (VaernWheelView *self);

static void
build (VaernWheelView *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *bar = gtk_action_bar_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  GMenu *menu = g_menu_new ();
  GtkStringList *states;
  GtkWidget *box;

  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 6);
  gtk_widget_set_margin_bottom (top, 6);
  /* Translators: tooltip of the annual wheel's button */
  gtk_box_append (GTK_BOX (top), vaern_icon_button_new ("go-previous-symbolic", _("Previous Year"),
                                              "wheel.previous-year"));
  self->year_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->year_label), "title-3");
  gtk_widget_add_css_class (GTK_WIDGET (self->year_label), "numeric");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->year_label));
  /* Translators: tooltip of the annual wheel's button */
  gtk_box_append (GTK_BOX (top), vaern_icon_button_new ("go-next-symbolic", _("Next Year"), "wheel.next-year"));
  /* Translators: button of the annual wheel: back to this year */
  gtk_box_append (GTK_BOX (top), vaern_action_button_new (_("_This Year"), "wheel.this-year"));
  /* Translators: the annual wheel's filter */
  states = gtk_string_list_new ((const char *const[]) { _("All occurrences"), NULL });
  for (guint s = VAERN_WHEEL_MARK_UPCOMING; s <= VAERN_WHEEL_MARK_OVERDUE; s++)
    gtk_string_list_append (states, vaern_wheel_state_label (s));
  self->state_filter = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (states), NULL));
  /* Translators: tooltip and accessible name of the annual wheel's filter of occurrences */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_filter), _("Occurrences"));
  vaern_drop_down_set_accessible_label (self->state_filter, _("Occurrences"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->state_filter), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->state_filter), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->state_filter));
  /* Translators: menu of the annual wheel: to the risk assessment, SoA or document of an activity */
  g_menu_append (menu, _("_Open What It Concerns"), "wheel.open-concerned");
  /* Translators: menu of the annual wheel */
  g_menu_append (menu, _("New _Improvement…"), "wheel.add-plan");
  /* Translators: menu of the annual wheel */
  g_menu_append (menu, _("_Print…"), "wheel.print");
  /* Translators: menu of the annual wheel */
  g_menu_append (menu, _("Export as _Picture…"), "wheel.export-picture");
  /* Translators: menu of the annual wheel */
  g_menu_append (menu, _("Export as _Calendar…"), "wheel.export-calendar");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  g_object_unref (menu);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  /* Translators: tooltip and accessible name of the annual wheel's menu button */
  gtk_widget_set_tooltip_text (menu_button, _("More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More"), -1);
  gtk_box_append (GTK_BOX (top), menu_button);
  gtk_widget_set_parent (top, GTK_WIDGET (self));
  gtk_widget_set_parent (gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), GTK_WIDGET (self));

  self->area = g_object_new (VAERN_TYPE_WHEEL_AREA, NULL);
  /* Translators: the accessible name of the annual wheel's drawing */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Annual wheel"), -1);
  self->table = VAERN_TABLE (vaern_table_new ());
  g_object_set (self->table, "activate-action", "wheel.edit", NULL);
  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (self->area));
  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->list_stack, GTK_WIDGET (self->table), "table");
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
  {
    /* Translators: button of the empty annual wheel */
    GtkWidget *add = vaern_action_button_new (_("_Add Activity…"), "wheel.add");

    gtk_widget_set_halign (add, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (add, "pill");
    adw_status_page_set_child (self->empty_page, add);
  }
  gtk_stack_add_named (self->list_stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->list_stack));
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  /* The list may narrow (its columns give way by priority) so the window
   * keeps its sidebar at 800 pixels. */
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_position (GTK_PANED (paned), 330);
  gtk_widget_set_vexpand (paned, TRUE);
  self->paned = GTK_PANED (paned);
  vaern_paned_share_init (&self->handle, self->paned);
  g_signal_connect_swapped (paned, "notify::max-position", G_CALLBACK (paned_resized_cb), self);
  gtk_widget_set_parent (paned, GTK_WIDGET (self));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_action_bar_pack_start (GTK_ACTION_BAR (bar), GTK_WIDGET (self->count_label));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: tooltip of a button of the annual wheel */
  gtk_box_append (GTK_BOX (box), vaern_icon_button_new ("user-trash-symbolic", _("Delete Activity"),
                                              "wheel.delete"));
  /* Translators: tooltip of a button of the annual wheel */
  gtk_box_append (GTK_BOX (box), vaern_icon_button_new ("edit-undo-symbolic", _("Mark Not Done"),
                                                        "wheel.mark-not-done"));
  /* Translators: button of the annual wheel */
  gtk_box_append (GTK_BOX (box), vaern_action_button_new (_("_Done"), "wheel.mark-done"));
  /* Translators: tooltip of a button of the annual wheel */
  gtk_box_append (GTK_BOX (box), vaern_icon_button_new ("document-edit-symbolic", _("Edit Activity"),
                                                        "wheel.edit"));
  /* Translators: button of the annual wheel */
  gtk_box_append (GTK_BOX (box), vaern_action_button_new (_("_Add…"), "wheel.add"));
  gtk_action_bar_pack_end (GTK_ACTION_BAR (bar), box);
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  g_signal_connect_swapped (self->state_filter, "notify::selected", G_CALLBACK (state_filter_cb), self);
  g_signal_connect (self->area, "mark-activated", G_CALLBACK (area_activated_cb), self);
}

static void
vaern_wheel_view_dispose (GObject *object)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->fill_idle, g_source_remove);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->document)
    vaern_wheel_view_set_document (VAERN_VIEW (self), NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
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

/* Where other views send a person (win.go-to, see vaern-view.h) */

static void
show_state_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  vaern_wheel_view_show_state (VAERN_WHEEL_VIEW (widget), g_variant_get_uint32 (param));
}

static void
vaern_wheel_view_class_init (VaernWheelViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vaern_wheel_view_dispose;
  widget_class->map = vaern_wheel_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_install_action (widget_class, "wheel.previous-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "wheel.next-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "wheel.this-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "wheel.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "wheel.add-plan", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "wheel.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "wheel.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "wheel.mark-done", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "wheel.mark-not-done", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "wheel.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "wheel.open-concerned", NULL,
                                   open_concerned_action);
  gtk_widget_class_install_action (widget_class, "wheel.export-picture", NULL, export_picture_action);
  gtk_widget_class_install_action (widget_class, "wheel.export-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "wheel.show-state", "u", show_state_action);
}

static void
vaern_wheel_view_init (VaernWheelView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->items = g_list_store_new (VAERN_TYPE_WHEEL_ITEM);
  build (self);
  self->filter = gtk_custom_filter_new (item_shown, self, NULL);
  vaern_table_set_filter (self->table, GTK_FILTER (self->filter));
  setup_columns (self);
  vaern_table_set_model (self->table, G_LIST_MODEL (self->items));
  g_signal_connect_swapped (vaern_table_get_selection (self->table), "notify::selected",
                            G_CALLBACK (update_state), self);
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
        set_year (self, atoi (today));
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
  return self->area->marks;
}
