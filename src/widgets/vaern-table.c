/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-table.h"
#include "vaern-ui-util.h"

/* The table is a header and a GtkListView in a scrolled window. The list
 * shows the model sorted by the chosen column, through a GtkSortListModel
 * and a small model that turns the order round for a descending sort, and
 * each row is a VaernTableRow that draws its cells with Pango. Header and
 * rows share one column layout computed from the width of the list. */

#define CELL_PAD 6         /* space left and right of a cell's text */
#define ROW_PAD 7          /* space above and below a row's text */
#define ICON_SIZE 16
#define SWATCH_SIZE 12
#define MIN_EXPAND_WIDTH 80

typedef struct {
  char              *title;
  VaernTableCellFunc func;
  gpointer           user_data;
  GtkSorter         *sorter;
  int                width;
  gboolean           expand;
  guint              priority;
  GtkWidget         *button;
  GtkWidget         *arrow;
} Column;

typedef struct {
  int      x;
  int      width;
  gboolean shown;
} Placement;

/* A model that shows another in reverse order, for descending sorts. */

#define VAERN_TYPE_REVERSE_MODEL (vaern_reverse_model_get_type ())
G_DECLARE_FINAL_TYPE (VaernReverseModel, vaern_reverse_model, VAERN, REVERSE_MODEL, GObject)

struct _VaernReverseModel
{
  GObject     parent_instance;
  GListModel *model;
  guint       n_items;    /* of the model, as last reported */
  gboolean    reversed;
  gboolean    blocked;    /* while the table changes order and sorter together */
};

static GType
vaern_reverse_model_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
vaern_reverse_model_get_n_items (GListModel *list)
{
  return VAERN_REVERSE_MODEL (list)->n_items;
}

static gpointer
vaern_reverse_model_get_item (GListModel *list,
                              guint       position)
{
  VaernReverseModel *self = VAERN_REVERSE_MODEL (list);

  if (position >= self->n_items)
    return NULL;
  return g_list_model_get_item (self->model,
                                self->reversed ? self->n_items - 1 - position : position);
}

static void
vaern_reverse_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = vaern_reverse_model_get_item_type;
  iface->get_n_items = vaern_reverse_model_get_n_items;
  iface->get_item = vaern_reverse_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (VaernReverseModel, vaern_reverse_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vaern_reverse_model_list_init))

static void
reverse_items_changed_cb (GListModel        *model,
                          guint              position,
                          guint              removed,
                          guint              added,
                          VaernReverseModel *self)
{
  guint old_n = self->n_items;

  self->n_items = g_list_model_get_n_items (model);
  if (self->blocked)
    return;
  /* The changed run ends, in reverse, where it began in the model. */
  if (self->reversed)
    position = old_n - position - removed;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
vaern_reverse_model_dispose (GObject *object)
{
  VaernReverseModel *self = VAERN_REVERSE_MODEL (object);

  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (vaern_reverse_model_parent_class)->dispose (object);
}

static void
vaern_reverse_model_class_init (VaernReverseModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vaern_reverse_model_dispose;
}

static void
vaern_reverse_model_init (VaernReverseModel *self)
{
}

static VaernReverseModel *
vaern_reverse_model_new (GListModel *model)
{
  VaernReverseModel *self = g_object_new (VAERN_TYPE_REVERSE_MODEL, NULL);

  self->model = g_object_ref (model);
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (reverse_items_changed_cb), self);
  return self;
}

/* The table */

struct _VaernTable
{
  GtkWidget           parent_instance;

  GPtrArray          *columns;       /* of Column */
  GArray             *placements;    /* of Placement, for placement_width */
  int                 placement_width;
  int                 list_width;
  int                 row_height;
  GHashTable         *icons;         /* icon name → GtkIconPaintable */

  GtkWidget          *header;
  GtkWidget          *scrolled;
  GtkWidget          *list_view;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  VaernReverseModel  *reverse_model;
  GtkSingleSelection *selection;
  guint               sort_column;
  GtkSortType         sort_order;
  char               *activate_action;
};

G_DEFINE_FINAL_TYPE (VaernTable, vaern_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTIVATE_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->title);
  g_clear_object (&column->sorter);
  g_free (column);
}

static Column *
get_column (VaernTable *self,
            guint       i)
{
  return g_ptr_array_index (self->columns, i);
}

/* Which columns fit in @width and where they go: columns are left out,
 * the one with the highest priority number first, until the rest fit; the
 * space over is shared by the columns that expand. */
static const Placement *
compute_placements (VaernTable *self,
                    int         width)
{
  guint n = self->columns->len;
  Placement *p;
  int total = 0, extra, n_expand = 0, x = 0;

  if (self->placement_width == width && self->placements->len == n)
    return (const Placement *) self->placements->data;

  g_array_set_size (self->placements, n);
  p = (Placement *) self->placements->data;
  for (guint i = 0; i < n; i++)
    {
      p[i].shown = TRUE;
      p[i].width = get_column (self, i)->width;
      total += p[i].width;
    }
  while (total > width)
    {
      guint drop = G_MAXUINT;

      for (guint i = 0; i < n; i++)
        if (p[i].shown && get_column (self, i)->priority > 0
            && (drop == G_MAXUINT || get_column (self, i)->priority >= get_column (self, drop)->priority))
          drop = i;
      if (drop == G_MAXUINT)
        break;
      p[drop].shown = FALSE;
      total -= p[drop].width;
    }
  for (guint i = 0; i < n; i++)
    if (p[i].shown && get_column (self, i)->expand)
      n_expand++;
  extra = width - total;
  /* On a wide window the fixed columns grow too, up to half again their
   * width and with at most half the room to spare, so that names and
   * states are not cut off while the expanding columns get the rest. */
  if (extra > 0 && n_expand > 0)
    {
      int fixed = 0, budget;

      for (guint i = 0; i < n; i++)
        if (p[i].shown && !get_column (self, i)->expand)
          fixed += p[i].width;
      budget = MIN (extra / 2, fixed / 2);
      for (guint i = 0; i < n && fixed > 0 && budget > 0; i++)
        if (p[i].shown && !get_column (self, i)->expand)
          {
            int grow = (int) ((gint64) budget * p[i].width / fixed);

            p[i].width += grow;
            extra -= grow;
          }
    }
  for (guint i = 0; i < n && extra != 0; i++)
    {
      if (!p[i].shown || !get_column (self, i)->expand)
        continue;
      if (extra > 0)
        {
          int share = extra / n_expand;

          p[i].width += share;
          extra -= share;
        }
      else
        {
          int shrink = MIN (-extra, p[i].width - MIN_EXPAND_WIDTH);

          if (shrink > 0)
            {
              p[i].width -= shrink;
              extra += shrink;
            }
        }
      n_expand--;
    }
  for (guint i = 0; i < n; i++)
    {
      p[i].x = x;
      if (p[i].shown)
        x += p[i].width;
    }
  self->placement_width = width;
  return p;
}

static int
get_row_height (VaernTable *self,
                GtkWidget  *widget)
{
  if (self->row_height == 0)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, "ÅgØ");
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      self->row_height = MAX (height, ICON_SIZE) + 2 * ROW_PAD;
      g_object_unref (layout);
    }
  return self->row_height;
}

static GdkPaintable *
get_icon (VaernTable *self,
          GtkWidget  *widget,
          const char *name)
{
  GdkPaintable *icon = g_hash_table_lookup (self->icons, name);

  if (icon == NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));

      icon = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, name, NULL, ICON_SIZE,
                                                        gtk_widget_get_scale_factor (widget),
                                                        GTK_TEXT_DIR_NONE, 0));
      g_hash_table_insert (self->icons, g_strdup (name), icon);
    }
  return icon;
}

/* A row: one widget that draws every cell of one item. */

#define VAERN_TYPE_TABLE_ROW (vaern_table_row_get_type ())
G_DECLARE_FINAL_TYPE (VaernTableRow, vaern_table_row, VAERN, TABLE_ROW, GtkWidget)

struct _VaernTableRow
{
  GtkWidget       parent_instance;
  VaernTable     *table;    /* the table outlives its rows */
  VaernTableCell *cells;
  PangoLayout   **layouts;  /* made when first drawn */
  guint           n_cells;
};

G_DEFINE_FINAL_TYPE (VaernTableRow, vaern_table_row, GTK_TYPE_WIDGET)

static void
row_clear (VaernTableRow *self)
{
  for (guint i = 0; i < self->n_cells; i++)
    {
      g_clear_pointer (&self->cells[i].text, g_free);
      g_clear_object (&self->layouts[i]);
    }
  if (self->n_cells > 0)
    memset (self->cells, 0, self->n_cells * sizeof (VaernTableCell));
}

static void
row_set_item (VaernTableRow *self,
              gpointer       item)
{
  VaernTable *table = self->table;

  row_clear (self);
  if (self->n_cells != table->columns->len)
    {
      self->n_cells = table->columns->len;
      self->cells = g_renew (VaernTableCell, self->cells, self->n_cells);
      self->layouts = g_renew (PangoLayout *, self->layouts, self->n_cells);
      memset (self->cells, 0, self->n_cells * sizeof (VaernTableCell));
      memset (self->layouts, 0, self->n_cells * sizeof (PangoLayout *));
    }
  if (item)
    {
      GString *label = g_string_new (NULL);

      for (guint i = 0; i < self->n_cells; i++)
        {
          Column *column = get_column (table, i);

          column->func (item, &self->cells[i], column->user_data);
          if (self->cells[i].text && *self->cells[i].text)
            g_string_append_printf (label, "%s%s: %s", label->len ? ", " : "",
                                    column->title, self->cells[i].text);
        }
      /* What a screen reader says for the row. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label->str, -1);
      g_string_free (label, TRUE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vaern_table_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  VaernTableRow *self = VAERN_TABLE_ROW (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = get_row_height (self->table, widget);
      return;
    }
  *minimum = *natural = 0;
}

static PangoLayout *
row_layout (VaernTableRow *self,
            guint          i)
{
  if (self->layouts[i] == NULL)
    {
      self->layouts[i] = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->cells[i].text);
      pango_layout_set_ellipsize (self->layouts[i], PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layouts[i], TRUE);
    }
  return self->layouts[i];
}

/* Where the text of cell @i starts, after its icon or swatch, and how wide
 * it may be. */
static void
cell_text_area (VaernTableRow   *self,
                const Placement *p,
                guint            i,
                int             *x,
                int             *width)
{
  *x = p[i].x + CELL_PAD;
  *width = p[i].width - 2 * CELL_PAD;
  if (self->cells[i].icon_name)
    {
      *x += ICON_SIZE + CELL_PAD;
      *width -= ICON_SIZE + CELL_PAD;
    }
  if (self->cells[i].has_swatch)
    {
      *x += SWATCH_SIZE + CELL_PAD;
      *width -= SWATCH_SIZE + CELL_PAD;
    }
  *width = MAX (*width, 1);
}

static void
vaern_table_row_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  VaernTableRow *self = VAERN_TABLE_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const Placement *p = compute_placements (self->table, width);
  VaernStyleColors style;
  GdkRGBA colors[4];

  /* The order of GtkSymbolicPaintable: foreground, error, warning, success. */
  vaern_style_colors (widget, &style);
  colors[0] = style.fg, colors[1] = style.error, colors[2] = style.warning;
  colors[3] = style.success;
  for (guint i = 0; i < self->n_cells; i++)
    {
      const VaernTableCell *cell = &self->cells[i];
      GdkRGBA color = colors[0];
      PangoLayout *layout;
      int x = p[i].x + CELL_PAD, text_x, text_width, text_height;

      if (!p[i].shown)
        continue;
      if (cell->style == VAERN_TABLE_CELL_WARNING)
        color = colors[2];
      else if (cell->style == VAERN_TABLE_CELL_DIM)
        color.alpha *= 0.55;

      if (cell->icon_name)
        {
          GdkPaintable *icon = get_icon (self->table, widget, cell->icon_name);
          GdkRGBA icon_colors[4] = { color, colors[1], colors[2], colors[3] };

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (x, (height - ICON_SIZE) / 2));
          if (GTK_IS_SYMBOLIC_PAINTABLE (icon))
            gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                                      ICON_SIZE, ICON_SIZE, icon_colors, 4);
          else
            gdk_paintable_snapshot (icon, snapshot, ICON_SIZE, ICON_SIZE);
          gtk_snapshot_restore (snapshot);
          x += ICON_SIZE + CELL_PAD;
        }
      if (cell->has_swatch)
        {
          GskRoundedRect rect;
          float y = (height - SWATCH_SIZE) / 2.0f;

          gsk_rounded_rect_init_from_rect (&rect,
                                           &GRAPHENE_RECT_INIT (x, y, SWATCH_SIZE, SWATCH_SIZE),
                                           2);
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          gtk_snapshot_append_color (snapshot, &cell->swatch, &rect.bounds);
          gtk_snapshot_pop (snapshot);
        }
      if (cell->text == NULL || *cell->text == '\0')
        continue;
      cell_text_area (self, p, i, &text_x, &text_width);
      layout = row_layout (self, i);
      pango_layout_set_width (layout, text_width * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, NULL, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (text_x, (height - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

/* The tooltip of a cell is its whole text, when the cell shows less. */
static gboolean
vaern_table_row_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  VaernTableRow *self = VAERN_TABLE_ROW (widget);
  const Placement *p = compute_placements (self->table, gtk_widget_get_width (widget));

  for (guint i = 0; i < self->n_cells; i++)
    {
      if (!p[i].shown || x < p[i].x || x >= p[i].x + p[i].width)
        continue;
      if (self->cells[i].text == NULL || *self->cells[i].text == '\0')
        return FALSE;
      if (self->cells[i].icon_name == NULL && !self->cells[i].has_swatch
          && (self->layouts[i] == NULL || !pango_layout_is_ellipsized (self->layouts[i])))
        return FALSE;
      gtk_tooltip_set_text (tooltip, self->cells[i].text);
      return TRUE;
    }
  return FALSE;
}

static void
vaern_table_row_finalize (GObject *object)
{
  VaernTableRow *self = VAERN_TABLE_ROW (object);

  row_clear (self);
  g_free (self->cells);
  g_free (self->layouts);
  G_OBJECT_CLASS (vaern_table_row_parent_class)->finalize (object);
}

static void
vaern_table_row_class_init (VaernTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vaern_table_row_finalize;
  widget_class->measure = vaern_table_row_measure;
  widget_class->snapshot = vaern_table_row_snapshot;
  widget_class->query_tooltip = vaern_table_row_query_tooltip;
  gtk_widget_class_set_css_name (widget_class, "vaern-table-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
vaern_table_row_init (VaernTableRow *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/* The header: one button per column, placed like the cells below. */

#define VAERN_TYPE_TABLE_HEADER (vaern_table_header_get_type ())
G_DECLARE_FINAL_TYPE (VaernTableHeader, vaern_table_header, VAERN, TABLE_HEADER, GtkWidget)

struct _VaernTableHeader
{
  GtkWidget   parent_instance;
  VaernTable *table;
};

G_DEFINE_FINAL_TYPE (VaernTableHeader, vaern_table_header, GTK_TYPE_WIDGET)

static void
vaern_table_header_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
vaern_table_header_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  VaernTable *table = VAERN_TABLE_HEADER (widget)->table;
  const Placement *p = compute_placements (table, table->list_width > 0 ? table->list_width
                                                                        : width);

  for (guint i = 0; i < table->columns->len; i++)
    {
      GtkWidget *button = get_column (table, i)->button;

      gtk_widget_set_child_visible (button, p[i].shown);
      if (p[i].shown)
        gtk_widget_size_allocate (button,
                                  &(GtkAllocation) { p[i].x, 0, p[i].width, height }, -1);
    }
}

static void
vaern_table_header_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (vaern_table_header_parent_class)->dispose (object);
}

static void
vaern_table_header_class_init (VaernTableHeaderClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = vaern_table_header_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = vaern_table_header_size_allocate;
  G_OBJECT_CLASS (klass)->dispose = vaern_table_header_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "vaern-table-header");
}

static void
vaern_table_header_init (VaernTableHeader *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* Sorting */

static void
update_sort_indicators (VaernTable *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = get_column (self, i);
      gboolean sorted = i == self->sort_column;

      gtk_widget_set_visible (column->arrow, sorted);
      gtk_image_set_from_icon_name (GTK_IMAGE (column->arrow),
                                    self->sort_order == GTK_SORT_ASCENDING ? "pan-up-symbolic"
                                                                           : "pan-down-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (column->button),
                                      GTK_ACCESSIBLE_PROPERTY_SORT,
                                      !sorted ? GTK_ACCESSIBLE_SORT_NONE
                                      : self->sort_order == GTK_SORT_ASCENDING
                                      ? GTK_ACCESSIBLE_SORT_ASCENDING
                                      : GTK_ACCESSIBLE_SORT_DESCENDING,
                                      -1);
    }
}

void
vaern_table_sort_by (VaernTable  *self,
                     guint        column,
                     GtkSortType  order)
{
  guint n;

  g_return_if_fail (VAERN_IS_TABLE (self));
  g_return_if_fail (column < self->columns->len);

  self->sort_column = column;
  self->sort_order = order;
  /* One change for the list, not one for the sorter and one for the
   * direction. The filter passes the sorted list on in one change. */
  self->reverse_model->blocked = TRUE;
  for (guint i = 0; i < self->columns->len; i++)
    if (GTK_IS_NUMERIC_SORTER (get_column (self, i)->sorter))
      gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (get_column (self, i)->sorter),
                                         i == column ? order : GTK_SORT_ASCENDING);
  gtk_sort_list_model_set_sorter (self->sort_model, get_column (self, column)->sorter);
  /* A numeric sorter sorts either way itself; the others are turned round
   * by the reversing model, which costs a little on every change. */
  self->reverse_model->reversed = order == GTK_SORT_DESCENDING
                                  && !GTK_IS_NUMERIC_SORTER (get_column (self, column)->sorter);
  self->reverse_model->blocked = FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->reverse_model));
  g_list_model_items_changed (G_LIST_MODEL (self->reverse_model), 0, n, n);
  update_sort_indicators (self);
}

guint
vaern_table_get_sort_column (VaernTable  *self,
                             GtkSortType *order)
{
  g_return_val_if_fail (VAERN_IS_TABLE (self), 0);

  if (order)
    *order = self->sort_order;
  return self->sort_column;
}

static void
heading_clicked_cb (GtkButton  *button,
                    VaernTable *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "vaern-column"));

  if (get_column (self, column)->sorter == NULL)
    return;
  if (column == self->sort_column)
    vaern_table_sort_by (self, column, self->sort_order == GTK_SORT_ASCENDING
                                       ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  else
    vaern_table_sort_by (self, column, GTK_SORT_ASCENDING);
}

/* The list */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              VaernTable               *self)
{
  VaernTableRow *row = g_object_new (VAERN_TYPE_TABLE_ROW, NULL);

  row->table = self;
  gtk_list_item_set_child (item, GTK_WIDGET (row));
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             VaernTable               *self)
{
  row_set_item (VAERN_TABLE_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               VaernTable               *self)
{
  row_set_item (VAERN_TABLE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
list_activate_cb (GtkListView *list,
                  guint        position,
                  VaernTable  *self)
{
  /* The activated row is the selected one, so actions on "the selected"
   * act on it. */
  gtk_single_selection_set_selected (self->selection, position);
  if (self->activate_action)
    gtk_widget_activate_action (GTK_WIDGET (self), self->activate_action, NULL);
}

/* Public */

GtkWidget *
vaern_table_new (void)
{
  return g_object_new (VAERN_TYPE_TABLE, NULL);
}

/* Adds a column. @sorter (transfer full, may be NULL) orders the items by
 * it; @width is the column's width before the space over is shared out;
 * @priority 0 keeps the column always, higher numbers are left out first
 * when the table is narrow. Returns the column's number. */
guint
vaern_table_add_column (VaernTable        *self,
                        const char        *title,
                        VaernTableCellFunc func,
                        gpointer           user_data,
                        GtkSorter         *sorter,
                        int                width,
                        gboolean           expand,
                        guint              priority)
{
  Column *column = g_new0 (Column, 1);
  GtkWidget *box, *label;

  g_return_val_if_fail (VAERN_IS_TABLE (self), 0);

  column->title = g_strdup (title);
  column->func = func;
  column->user_data = user_data;
  column->sorter = sorter;
  column->width = width;
  column->expand = expand;
  column->priority = priority;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  column->arrow = gtk_image_new ();
  gtk_widget_set_visible (column->arrow, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), column->arrow);
  column->button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (column->button), box);
  gtk_widget_add_css_class (column->button, "flat");
  gtk_widget_set_focus_on_click (column->button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (sorter)
    {
      /* Translators: tooltip of a column heading; %s is the heading */
      g_autofree char *tip = g_strdup_printf (_("Sort by %s"), title);

      gtk_widget_set_tooltip_text (column->button, tip);
    }
  else
    {
      /* A heading that does not sort: shown as the others, but not a button
       * one can press or reach with Tab. */
      gtk_widget_set_can_target (column->button, FALSE);
      gtk_widget_set_focusable (column->button, FALSE);
    }
  g_object_set_data (G_OBJECT (column->button), "vaern-column",
                     GUINT_TO_POINTER (self->columns->len));
  g_signal_connect (column->button, "clicked", G_CALLBACK (heading_clicked_cb), self);
  gtk_widget_set_parent (column->button, self->header);

  g_ptr_array_add (self->columns, column);
  self->placement_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return self->columns->len - 1;
}

/* Shows @model, unsorted, through the table's sorting. */
void
vaern_table_set_model (VaernTable *self,
                       GListModel *model)
{
  g_return_if_fail (VAERN_IS_TABLE (self));

  gtk_sort_list_model_set_model (self->sort_model, model);
}

/* Binds every row again, for when what the cells show changed without the
 * items changing (a palette, a setting). */
void
vaern_table_refresh (VaernTable *self)
{
  guint n;

  g_return_if_fail (VAERN_IS_TABLE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->reverse_model));
  g_list_model_items_changed (G_LIST_MODEL (self->reverse_model), 0, n, n);
}

/* Shows only the items @filter matches (NULL: all). */
void
vaern_table_set_filter (VaernTable *self,
                        GtkFilter  *filter)
{
  g_return_if_fail (VAERN_IS_TABLE (self));

  gtk_filter_list_model_set_filter (self->filter_model, filter);
}

/* The selection over the items as shown, sorted; positions in it are
 * positions in the list. */
GtkSingleSelection *
vaern_table_get_selection (VaernTable *self)
{
  g_return_val_if_fail (VAERN_IS_TABLE (self), NULL);

  return self->selection;
}

gpointer
vaern_table_get_selected (VaernTable *self)
{
  g_return_val_if_fail (VAERN_IS_TABLE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/* Selects the item at @position and scrolls it into view. */
void
vaern_table_select (VaernTable *self,
                    guint       position)
{
  g_return_if_fail (VAERN_IS_TABLE (self));

  gtk_single_selection_set_selected (self->selection, position);
  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
}

/* Whether @column fits in the table's present width. */
gboolean
vaern_table_column_is_shown (VaernTable *self,
                             guint       column)
{
  const Placement *p;

  g_return_val_if_fail (VAERN_IS_TABLE (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  p = compute_placements (self, self->list_width);
  return p[column].shown;
}

/* The text of a cell as the table shows it. */
char *
vaern_table_get_cell_text (VaernTable *self,
                           guint       position,
                           guint       column)
{
  g_autoptr(GObject) item = NULL;
  VaernTableCell cell = { 0 };

  g_return_val_if_fail (VAERN_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item == NULL)
    return NULL;
  get_column (self, column)->func (item, &cell, get_column (self, column)->user_data);
  return cell.text ? cell.text : g_strdup ("");
}

GtkWidget *
vaern_table_get_list_view (VaernTable *self)
{
  g_return_val_if_fail (VAERN_IS_TABLE (self), NULL);

  return self->list_view;
}

/* GtkWidget */

static void
vaern_table_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  VaernTable *self = VAERN_TABLE (widget);
  int header_min, header_nat, list_min, list_nat;

  gtk_widget_measure (self->header, orientation, -1, &header_min, &header_nat, NULL, NULL);
  gtk_widget_measure (self->scrolled, orientation, -1, &list_min, &list_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = header_min + list_min;
      *natural = header_nat + list_nat;
    }
  else
    {
      *minimum = MAX (header_min, list_min);
      *natural = MAX (header_nat, list_nat);
    }
}

static void
vaern_table_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  VaernTable *self = VAERN_TABLE (widget);
  int header_height;

  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, NULL, &header_height,
                      NULL, NULL);
  /* The list first: the header places its buttons over the list's cells,
   * whose width a scroll bar may narrow. */
  gtk_widget_size_allocate (self->scrolled,
                            &(GtkAllocation) { 0, header_height, width,
                                               MAX (height - header_height, 0) }, -1);
  self->list_width = gtk_widget_get_width (self->list_view);
  gtk_widget_size_allocate (self->header, &(GtkAllocation) { 0, 0, width, header_height }, -1);
}

static gboolean
vaern_table_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (VAERN_TABLE (widget)->list_view);
}

static void
vaern_table_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  VaernTable *self = VAERN_TABLE (widget);

  GTK_WIDGET_CLASS (vaern_table_parent_class)->css_changed (widget, change);
  /* A new font or theme: measure the rows and look up the icons again. */
  self->row_height = 0;
  g_hash_table_remove_all (self->icons);
}

static void
vaern_table_dispose (GObject *object)
{
  VaernTable *self = VAERN_TABLE (object);

  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  self->list_view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->reverse_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  G_OBJECT_CLASS (vaern_table_parent_class)->dispose (object);
}

static void
vaern_table_finalize (GObject *object)
{
  VaernTable *self = VAERN_TABLE (object);

  g_ptr_array_unref (self->columns);
  g_array_unref (self->placements);
  g_hash_table_unref (self->icons);
  g_free (self->activate_action);
  G_OBJECT_CLASS (vaern_table_parent_class)->finalize (object);
}

static void
vaern_table_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VaernTable *self = VAERN_TABLE (object);

  switch (prop_id)
    {
    case PROP_ACTIVATE_ACTION:
      g_value_set_string (value, self->activate_action);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vaern_table_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VaernTable *self = VAERN_TABLE (object);

  switch (prop_id)
    {
    case PROP_ACTIVATE_ACTION:
      if (g_strcmp0 (self->activate_action, g_value_get_string (value)) != 0)
        {
          g_free (self->activate_action);
          self->activate_action = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vaern_table_class_init (VaernTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_table_dispose;
  object_class->finalize = vaern_table_finalize;
  object_class->get_property = vaern_table_get_property;
  object_class->set_property = vaern_table_set_property;
  widget_class->measure = vaern_table_measure;
  widget_class->size_allocate = vaern_table_size_allocate;
  widget_class->grab_focus = vaern_table_grab_focus;
  widget_class->css_changed = vaern_table_css_changed;

  /**
   * VaernTable:activate-action:
   *
   * The action run on the selected row when a row is activated
   * (double-click or Enter), such as "register.edit".
   */
  properties[PROP_ACTIVATE_ACTION] =
    g_param_spec_string ("activate-action", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "vaern-table");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
vaern_table_init (VaernTable *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  self->placement_width = -1;
  self->icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* Sorting comes before filtering: a keystroke in a search field then
   * filters a list that is already in order, instead of sorting again
   * what the filter let through. */
  self->sort_model = gtk_sort_list_model_new (NULL, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  NULL);
  self->reverse_model = vaern_reverse_model_new (G_LIST_MODEL (self->filter_model));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->reverse_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  self->header = g_object_new (VAERN_TYPE_TABLE_HEADER, NULL);
  VAERN_TABLE_HEADER (self->header)->table = self;
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                       factory);
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), FALSE);
  vaern_tab_leaves (self->list_view);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->list_view);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkSorter *
vaern_table_sorter_new (GType       type,
                        const char *property,
                        gboolean    numeric)
{
  GtkExpression *e = gtk_property_expression_new (type, NULL, property);
  GtkStringSorter *sorter;

  if (numeric)
    return GTK_SORTER (gtk_numeric_sorter_new (e));
  sorter = gtk_string_sorter_new (e);
  gtk_string_sorter_set_ignore_case (sorter, TRUE);
  return GTK_SORTER (sorter);
}
