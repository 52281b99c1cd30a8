/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-view.h"
#include "core/vaern-date.h"
#include "render/vaern-heat-map.h"
#include "widgets/vaern-heat-map-widget.h"
#include "vaern-risks-view-private.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"

/* The risks view: every risk of the document in a table, filtered by
 * search, system, unit, level, treatment, owner and overdue review, beside
 * the heat map of the same risks. A cell of the heat map narrows the list
 * to its risks. The heat map counts what the filters let through, so a
 * unit's or a system's matrix is one filter away; that is also what is
 * printed and exported.
 *
 * The table sorts the document's risks and then filters them with one
 * filter (the scope: everything but the cell, and the cell); the heat map
 * counts the document's risks that are in scope. */

#define NARROW_WIDTH 900  /* below this the heat map goes above the list, and the filters
                             into a popover */
#define MAP_MIN_HEIGHT 120 /* the heat map's pane above the list: still readable */
#define LIST_ROOM 340      /* the list's header and about ten rows, kept above the map's third */
#define MAP_MIN_WIDTH 360  /* the heat map's pane beside the list */
#define LIST_MIN_WIDTH 420 /* and the list's beside it */

static void vaern_risks_view_iface_init (VaernViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VaernRisksView, vaern_risks_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VAERN_TYPE_VIEW,
                                                      vaern_risks_view_iface_init))

static void update_state (VaernRisksView *self);
static void schedule_count (VaernRisksView *self);
static gboolean count_idle_cb (gpointer user_data);

/* Filtering */

static gboolean
in_scope (VaernRisk *risk,
          gpointer   user_data)
{
  VaernRisksView *self = user_data;
  guint band = self->only_band;

  if (self->only_asset > 0 && risk->asset_id != self->only_asset)
    return FALSE;
  if (self->only_owner > 0 && risk->owner_id != self->only_owner)
    return FALSE;
  if (self->unit_scope && !g_hash_table_contains (self->unit_scope, &risk->unit_id))
    return FALSE;
  /* The band filter lists each band before treatment, then each after. */
  if (band > 0 && band <= self->n_bands && risk->band != band)
    return FALSE;
  if (band > self->n_bands && risk->residual_band != band - self->n_bands)
    return FALSE;
  if (self->only_treatment > 0 && risk->treatment != self->only_treatment - 1)
    return FALSE;
  if (self->only_overdue && !risk->overdue)
    return FALSE;
  if (!vaern_search_matches (&self->search, risk->search_key))
    return FALSE;
  return TRUE;
}

static gboolean
in_cell (VaernRisksView *self,
         VaernRisk      *risk)
{
  VaernHeatMapShow matrix;
  guint l, c;

  if (!vaern_heat_map_widget_get_chosen (self->heat_map, &matrix, &l, &c))
    return TRUE;
  if (matrix == VAERN_HEAT_MAP_INHERENT)
    return risk->likelihood == l && risk->consequence == c;
  return risk->after_likelihood == l && risk->after_consequence == c;
}

static gboolean
in_list (gpointer item,
         gpointer user_data)
{
  return in_scope (item, user_data) && in_cell (user_data, item);
}

static guint
selected (GtkDropDown *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i == GTK_INVALID_LIST_POSITION ? 0 : i;
}

static void
read_filters (VaernRisksView *self)
{
  self->only_asset = self->asset_filter ? vaern_record_dropdown_get_id (self->asset_filter) : 0;
  self->only_owner = self->owner_filter ? vaern_record_dropdown_get_id (self->owner_filter) : 0;
  self->only_band = selected (self->band_filter);
  self->only_treatment = selected (self->treatment_filter);
  self->only_overdue = gtk_toggle_button_get_active (self->overdue_filter);
}

static void
refilter (VaernRisksView   *self,
          GtkFilterChange   change)
{
  if (self->filling > 0)
    return;
  read_filters (self);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  /* The heat map follows at once: it is part of what the filter shows. */
  g_clear_handle_id (&self->count_idle, g_source_remove);
  count_idle_cb (self);
  update_state (self);
}

static void
search_changed_cb (VaernRisksView *self)
{
  GtkFilterChange change;

  if (vaern_search_read (&self->search, GTK_EDITABLE (self->search_entry), &change))
    refilter (self, change);
}

static void
stop_search_cb (VaernRisksView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
update_unit_scope (VaernRisksView *self)
{
  gint64 chosen = self->unit_filter ? vaern_record_dropdown_get_id (self->unit_filter) : 0;

  g_clear_pointer (&self->unit_scope, g_hash_table_unref);
  if (self->document)
    self->unit_scope = vaern_unit_subtree (vaern_document_get_units (self->document), chosen);
}

static void
filter_changed_cb (VaernRisksView *self)
{
  /* Several filters set at once refilter once, at the end. */
  if (self->filling > 0)
    return;
  update_unit_scope (self);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
clear_cell_cb (VaernRisksView *self)
{
  vaern_heat_map_widget_set_chosen (self->heat_map, 0, 0, 0);
}

/* Rebuilds a record drop-down in its place among the filters (before
 * the filter before), keeping what was chosen. */
static GtkDropDown *
rebuild_dropdown (VaernRisksView *self,
                  GtkDropDown    *old,
                  GtkWidget      *before,
                  GListModel     *records,
                  const char     *property,
                  const char     *all_label,
                  const char     *tooltip)
{
  gint64 selected = old ? vaern_record_dropdown_get_id (old) : 0;
  GtkDropDown *dropdown;

  if (self->document == NULL)
    {
      if (old)
        gtk_box_remove (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (old))), GTK_WIDGET (old));
      return NULL;
    }
  dropdown = vaern_record_dropdown_new (records, property, selected, all_label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), tooltip);
  vaern_drop_down_set_accessible_label (dropdown, tooltip);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  vaern_filter_bar_place (GTK_BOX (self->filter_box), GTK_WIDGET (dropdown), GTK_WIDGET (old),
                          before);
  return dropdown;
}

static void
rebuild_asset_filter (VaernRisksView *self)
{
  self->asset_filter = rebuild_dropdown (self, self->asset_filter,
                                         self->unit_filter ? GTK_WIDGET (self->unit_filter)
                                                           : GTK_WIDGET (self->band_filter),
                                         self->document ? vaern_document_get_assets (self->document)
                                                        : NULL, "name",
                                         /* Translators: filter: no system chosen */
                                         _("All systems"),
                                         /* Translators: tooltip of a filter */
                                         _("System or asset"));
}

static void
rebuild_unit_filter (VaernRisksView *self)
{
  self->unit_filter = rebuild_dropdown (self, self->unit_filter, GTK_WIDGET (self->band_filter),
                                        self->document ? vaern_document_get_units (self->document)
                                                       : NULL, "path",
                                        /* Translators: unit filter: no unit chosen */
                                        _("All units"),
                                        /* Translators: tooltip of a filter */
                                        _("Unit"));
  update_unit_scope (self);
}

static void
rebuild_owner_filter (VaernRisksView *self)
{
  self->owner_filter = rebuild_dropdown (self, self->owner_filter,
                                         GTK_WIDGET (self->overdue_filter),
                                         self->document ? vaern_document_get_people (self->document)
                                                        : NULL, "name",
                                         /* Translators: filter: any risk owner */
                                         _("All owners"),
                                         /* Translators: tooltip of a filter */
                                         _("Risk owner"));
}

/* "All levels", then each band before treatment, then each after. */
static void
rebuild_band_filter (VaernRisksView *self)
{
  const VaernRiskScale *scale = self->document ? vaern_document_get_scale (self->document) : NULL;
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->band_filter);
  guint n = scale ? scale->n_bands : 0;
  guint keep;

  /* Translators: level filter: any level */
  gtk_string_list_append (list, _("All levels"));
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *item = g_strdup_printf (pass == 0
                                                 /* Translators: level filter; %s is a level like Høj */
                                                 ? _("%s before treatment")
                                                 /* Translators: level filter; %s is a level like Høj */
                                                 : _("%s after treatment"),
                                                 scale->bands[i].label);

        gtk_string_list_append (list, item);
      }
  keep = n == self->n_bands && selected != GTK_INVALID_LIST_POSITION ? selected : 0;
  g_signal_handlers_block_by_func (self->band_filter, filter_changed_cb, self);
  gtk_drop_down_set_model (self->band_filter, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->band_filter, keep);
  g_signal_handlers_unblock_by_func (self->band_filter, filter_changed_cb, self);
  self->n_bands = n;
  /* A level filter that no longer exists lets go, in the list too. */
  if (keep != selected && selected != GTK_INVALID_LIST_POSITION && selected != 0)
    filter_changed_cb (self);
}

static void
setup_filters (VaernRisksView *self)
{
  g_autoptr(GtkStringList) treatments = vaern_enum_string_list (&vaern_enum_treatment);

  /* Translators: treatment filter: any treatment */
  gtk_string_list_splice (treatments, 0, 0, (const char *const[]) { _("All treatments"), NULL });
  gtk_drop_down_set_model (self->treatment_filter, G_LIST_MODEL (treatments));
  rebuild_band_filter (self);
}

/* Columns */

static void
title_cell (gpointer        item,
            VaernTableCell *cell,
            gpointer        user_data)
{
  cell->text = g_strdup (VAERN_RISK (item)->title);
}

static void
asset_cell (gpointer        item,
            VaernTableCell *cell,
            gpointer        user_data)
{
  cell->text = g_strdup (VAERN_RISK (item)->asset_name);
}

static void
level_cell (VaernRisksView *self,
            guint           score,
            guint           band,
            VaernTableCell *cell)
{
  const VaernRiskScale *scale = vaern_document_get_scale (self->document);

  if (band == 0 || band > scale->n_bands)
    {
      /* Translators: a risk that is not assessed yet, in the list */
      cell->text = g_strdup (_("Not assessed"));
      cell->style = VAERN_TABLE_CELL_DIM;
      return;
    }
  cell->text = g_strdup_printf ("%u  %s", score, scale->bands[band - 1].label);
  cell->has_swatch = gdk_rgba_parse (&cell->swatch,
                                     vaern_risk_scale_band_color (scale, band - 1,
                                                                  self->safe_palette));
}

static void
before_cell (gpointer        item,
             VaernTableCell *cell,
             gpointer        user_data)
{
  level_cell (user_data, VAERN_RISK (item)->score, VAERN_RISK (item)->band, cell);
}

static void
after_cell (gpointer        item,
            VaernTableCell *cell,
            gpointer        user_data)
{
  level_cell (user_data, VAERN_RISK (item)->residual_score, VAERN_RISK (item)->residual_band,
              cell);
}

static void
treatment_cell (gpointer        item,
                VaernTableCell *cell,
                gpointer        user_data)
{
  VaernRisk *risk = item;

  cell->text = g_strdup (vaern_enum_label (&vaern_enum_treatment, risk->treatment));
  if (risk->treatment == VAERN_TREATMENT_UNDECIDED)
    cell->style = VAERN_TABLE_CELL_DIM;
}

static void
owner_cell (gpointer        item,
            VaernTableCell *cell,
            gpointer        user_data)
{
  cell->text = g_strdup (VAERN_RISK (item)->owner_name ? VAERN_RISK (item)->owner_name : "");
}

static void
review_cell (gpointer        item,
             VaernTableCell *cell,
             gpointer        user_data)
{
  VaernRisk *risk = item;

  cell->text = vaern_date_format (risk->review_date);
  if (risk->overdue)
    {
      cell->style = VAERN_TABLE_CELL_WARNING;
      cell->icon_name = "dialog-warning-symbolic";
    }
}

static void
threat_cell (gpointer        item,
             VaernTableCell *cell,
             gpointer        user_data)
{
  cell->text = g_strdup (VAERN_RISK (item)->threat_name ? VAERN_RISK (item)->threat_name : "");
}

static void
setup_columns (VaernRisksView *self)
{
  VaernTable *t = self->table;
  guint after;

  /* Translators: column heading: the risk scenario */
  vaern_table_add_column (t, _("Risk"), title_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_RISK, "title", FALSE), 230, TRUE, 0);
  /* Translators: column heading */
  vaern_table_add_column (t, _("System"), asset_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_RISK, "asset-name", FALSE), 170,
                          FALSE, 1);
  /* Translators: column heading: the risk before treatment */
  vaern_table_add_column (t, _("Before"), before_cell, self, vaern_table_sorter_new (VAERN_TYPE_RISK, "score", TRUE), 110,
                          FALSE, 3);
  /* Translators: column heading: the risk after treatment */
  after = vaern_table_add_column (t, _("After"), after_cell, self,
                                  vaern_table_sorter_new (VAERN_TYPE_RISK, "residual-score", TRUE), 110, FALSE, 0);
  /* Translators: column heading */
  vaern_table_add_column (t, _("Treatment"), treatment_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_RISK, "treatment", TRUE),
                          110, FALSE, 4);
  /* Translators: column heading: the risk owner */
  vaern_table_add_column (t, _("Owner"), owner_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_RISK, "owner-name", FALSE), 150,
                          FALSE, 5);
  /* Translators: column heading: the next review date */
  vaern_table_add_column (t, _("Review"), review_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_RISK, "review-date", FALSE),
                          120, FALSE, 2);
  /* Translators: column heading */
  vaern_table_add_column (t, _("Threat"), threat_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_RISK, "threat-name", FALSE),
                          190, FALSE, 6);
  /* The highest risks after treatment first: what management looks at. */
  vaern_table_sort_by (t, after, GTK_SORT_DESCENDING);
}

/* The heat map */

VaernHeatMapShow
vaern_risks_view_shown_matrices (VaernRisksView *self)
{
  switch (gtk_drop_down_get_selected (self->show_dropdown))
    {
    case 1:
      return VAERN_HEAT_MAP_INHERENT;
    case 2:
      return VAERN_HEAT_MAP_RESIDUAL;
    default:
      return VAERN_HEAT_MAP_BOTH;
    }
}

void
vaern_risks_view_count_cells (VaernRisksView *self,
             guint         **inherent,
             guint         **residual)
{
  const VaernRiskScale *scale = vaern_document_get_scale (self->document);
  guint n = scale->n_likelihood * scale->n_consequence;

  *inherent = g_new0 (guint, n);
  *residual = g_new0 (guint, n);
  read_filters (self);
  vaern_risk_list_count_cells (vaern_document_get_risks (self->document), scale->n_likelihood,
                               scale->n_consequence, in_scope, self, *inherent, *residual);
}

/* What the heat map covers, in words, for the label and the printed page. */
char *
vaern_risks_view_describe_scope (VaernRisksView *self)
{
  gint64 asset_id = self->asset_filter ? vaern_record_dropdown_get_id (self->asset_filter) : 0;
  gint64 unit_id = self->unit_filter ? vaern_record_dropdown_get_id (self->unit_filter) : 0;
  gboolean narrowed = self->search.needle != NULL
                      || gtk_drop_down_get_selected (self->band_filter) > 0
                      || gtk_drop_down_get_selected (self->treatment_filter) > 0
                      || (self->owner_filter && vaern_record_dropdown_get_id (self->owner_filter))
                      || gtk_toggle_button_get_active (self->overdue_filter);
  g_autofree char *base = NULL;

  if (asset_id > 0)
    {
      g_autoptr(VaernAsset) asset = vaern_document_get_asset (self->document, asset_id, NULL);

      base = g_strdup (asset ? asset->name : "");
    }
  else if (unit_id > 0)
    {
      g_autoptr(VaernUnit) unit = vaern_document_find_unit (self->document, unit_id);

      base = g_strdup (unit ? unit->path : "");
    }
  else
    /* Translators: the scope of the heat map */
    base = g_strdup (_("The whole organisation"));
  if (narrowed)
    /* Translators: the scope of the heat map when other filters apply; %s is the scope */
    return g_strdup_printf (_("%s, filtered"), base);
  return g_steal_pointer (&base);
}

static gboolean
count_idle_cb (gpointer user_data)
{
  VaernRisksView *self = user_data;
  g_autofree guint *inherent = NULL;
  g_autofree guint *residual = NULL;
  g_autofree char *scope = NULL;

  self->count_idle = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;
  vaern_risks_view_count_cells (self, &inherent, &residual);
  vaern_heat_map_widget_set_data (self->heat_map, vaern_document_get_scale (self->document),
                                  inherent, residual);
  scope = vaern_risks_view_describe_scope (self);

  gtk_label_set_text (self->scope_label, scope);
  return G_SOURCE_REMOVE;
}

/* The counts follow the list once per change, not once per row. */
static void
schedule_count (VaernRisksView *self)
{
  if (self->count_idle == 0)
    self->count_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, count_idle_cb, self, NULL);
}

static char *
cell_tooltip (VaernHeatMapShow matrix,
              guint            likelihood,
              guint            consequence,
              gpointer         user_data)
{
  VaernRisksView *self = user_data;
  const VaernRiskScale *scale = vaern_document_get_scale (self->document);
  GListModel *model = vaern_document_get_risks (self->document);
  GString *text = g_string_new (NULL);
  guint n = 0;

  g_string_append_printf (text, "%s × %s",
                          scale->likelihood_labels[likelihood - 1],
                          scale->consequence_labels[consequence - 1]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VaernRisk) risk = g_list_model_get_item (model, i);
      gboolean here;

      if (!in_scope (risk, self))
        continue;
      here = matrix == VAERN_HEAT_MAP_INHERENT
                      ? risk->likelihood == likelihood && risk->consequence == consequence
                      : risk->after_likelihood == likelihood
                        && risk->after_consequence == consequence;

      if (!here)
        continue;
      if (n < 8)
        g_string_append_printf (text, "\n• %s (%s)", risk->title, risk->asset_name);
      n++;
    }
  if (n == 0)
    /* Translators: tooltip of an empty heat map cell */
    g_string_append_printf (text, "\n%s", _("No risks"));
  else if (n > 8)
    {
      g_string_append_c (text, '\n');
      /* Translators: tooltip of a heat map cell; %u is how many more risks there are */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                 n - 8), n - 8);
    }
  return g_string_free (text, FALSE);
}

static void
chosen_changed_cb (VaernRisksView *self)
{
  VaernHeatMapShow matrix;
  guint l, c;

  if (vaern_heat_map_widget_get_chosen (self->heat_map, &matrix, &l, &c) && self->document)
    {
      const VaernRiskScale *scale = vaern_document_get_scale (self->document);
      g_autofree char *text = g_strdup_printf (matrix == VAERN_HEAT_MAP_INHERENT
                                               /* Translators: the heat map cell filter; likelihood × consequence */
                                               ? _("%s × %s, before treatment")
                                               /* Translators: the heat map cell filter; likelihood × consequence */
                                               : _("%s × %s, after treatment"),
                                               scale->likelihood_labels[l - 1],
                                               scale->consequence_labels[c - 1]);

      gtk_label_set_text (self->cell_label, text);
      gtk_widget_set_visible (self->cell_chip, TRUE);
    }
  else
    gtk_widget_set_visible (self->cell_chip, FALSE);
  if (self->filling > 0)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
show_changed_cb (VaernRisksView *self)
{
  vaern_heat_map_widget_set_show (self->heat_map, vaern_risks_view_shown_matrices (self));
  /* One matrix is about as high as wide, two side by side are not. */
  gtk_widget_queue_resize (self->map_box);
}

static void
palette_changed_cb (VaernRisksView *self)
{
  self->safe_palette = g_settings_get_boolean (self->settings, "color-blind-palette");
  vaern_heat_map_widget_set_safe_palette (self->heat_map, self->safe_palette);
  /* The swatches in the rows are drawn from the palette as well. */
  vaern_table_refresh (self->table);
}

/* State */

/* The filters in use, for the Filters button of a narrow view. */
static guint
count_active_filters (VaernRisksView *self)
{
  return (self->asset_filter && vaern_record_dropdown_get_id (self->asset_filter) > 0)
         + (self->unit_filter && vaern_record_dropdown_get_id (self->unit_filter) > 0)
         + (self->owner_filter && vaern_record_dropdown_get_id (self->owner_filter) > 0)
         + (selected (self->band_filter) > 0)
         + (selected (self->treatment_filter) > 0)
         + gtk_toggle_button_get_active (self->overdue_filter);
}

static void
update_state (VaernRisksView *self)
{
  guint total;
  guint n_assets;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean editable = self->document && !vaern_document_get_read_only (self->document);
  gboolean has_selection = gtk_single_selection_get_selected_item (self->selection) != NULL;
  g_autofree char *count = NULL;

  total = self->attached ? g_list_model_get_n_items (vaern_document_get_risks (self->document))
                         : 0;
  n_assets = self->document ? g_list_model_get_n_items (vaern_document_get_assets (self->document))
                            : 0;
  /* With nothing assessed, the empty page has the room the heat map and
   * the filters had. */
  gtk_widget_set_visible (gtk_paned_get_start_child (self->paned), total > 0);
  gtk_widget_set_visible (self->filter_box, total > 0);
  gtk_widget_set_visible (self->top_separator, total > 0);
  vaern_filter_bar_set_n_active (GTK_BOX (self->filter_box), count_active_filters (self));
  /* A risk is for a system: without any, the first step is the register. */
  if (total == 0 && n_assets == 0 && self->document)
    gtk_stack_set_visible_child_name (self->content_stack, "no-assets");
  else if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  if (shown == total)
    /* Translators: the count below the risk list */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk", "%u risks", total), total);
  else
    /* Translators: the count below the risk list when filtered */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u risk shown",
                                          "%u of %u risks shown", total), shown, total);
  gtk_label_set_text (self->count_label, count);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.add", editable && n_assets > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.edit", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.delete", editable && has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.edit-scale", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.edit-threats", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.print", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.export", self->document != NULL);
}

static void
document_changed_cb (VaernRisksView *self)
{
  if (self->n_bands != vaern_document_get_scale (self->document)->n_bands)
    rebuild_band_filter (self);
  schedule_count (self);
  update_state (self);
}

static void
detach (VaernRisksView *self)
{
  if (!self->attached)
    return;
  g_signal_handlers_disconnect_by_data (vaern_document_get_units (self->document), self);
  g_signal_handlers_disconnect_by_data (vaern_document_get_assets (self->document), self);
  g_signal_handlers_disconnect_by_data (vaern_document_get_people (self->document), self);
  g_signal_handlers_disconnect_by_data (self->document, self);
  self->attached = FALSE;
}

/* Shows the document: the list, the filters and the heat map. Done when
 * the view is first shown, so a large document opens without reading its
 * risks for a page nobody looks at yet. */
static void
attach (VaernRisksView *self)
{
  VaernDocument *document = self->document;

  if (self->attached)
    return;
  self->attached = document != NULL;
  vaern_heat_map_widget_set_chosen (self->heat_map, 0, 0, 0);
  vaern_table_set_model (self->table, document ? vaern_document_get_risks (document) : NULL);
  rebuild_asset_filter (self);
  rebuild_unit_filter (self);
  rebuild_owner_filter (self);
  rebuild_band_filter (self);
  if (document)
    {
      g_signal_connect_object (vaern_document_get_units (document), "items-changed",
                               G_CALLBACK (rebuild_unit_filter), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vaern_document_get_assets (document), "items-changed",
                               G_CALLBACK (rebuild_asset_filter), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vaern_document_get_people (document), "items-changed",
                               G_CALLBACK (rebuild_owner_filter), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::read-only", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
      count_idle_cb (self);
    }
  update_state (self);
}

static void
vaern_risks_view_set_document (VaernView     *view,
                               VaernDocument *document)
{
  VaernRisksView *self = VAERN_RISKS_VIEW (view);

  detach (self);
  g_set_object (&self->document, document);
  if (document == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach (self);
  else
    {
      /* Until shown: nothing from the old document. */
      vaern_table_set_model (self->table, NULL);
      update_state (self);
    }
}

static void
vaern_risks_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vaern_risks_view_parent_class)->map (widget);
  attach (VAERN_RISKS_VIEW (widget));
}

static void
vaern_risks_view_focus_search (VaernView *view)
{
  gtk_widget_grab_focus (GTK_WIDGET (VAERN_RISKS_VIEW (view)->search_entry));
}

static void
vaern_risks_view_iface_init (VaernViewInterface *iface)
{
  iface->set_document = vaern_risks_view_set_document;
  iface->focus_search = vaern_risks_view_focus_search;
}

void
vaern_risks_view_reset_filters (VaernRisksView *self,
               gint64          asset_id)
{
  self->filling++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  vaern_search_clear (&self->search);
  gtk_drop_down_set_selected (self->band_filter, 0);
  gtk_drop_down_set_selected (self->treatment_filter, 0);
  gtk_toggle_button_set_active (self->overdue_filter, FALSE);
  if (self->asset_filter)
    vaern_record_dropdown_set_id (self->asset_filter, asset_id);
  if (self->unit_filter)
    gtk_drop_down_set_selected (self->unit_filter, 0);
  if (self->owner_filter)
    gtk_drop_down_set_selected (self->owner_filter, 0);
  vaern_heat_map_widget_set_chosen (self->heat_map, 0, 0, 0);
  self->filling--;
  update_unit_scope (self);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

void
vaern_risks_view_show_asset (VaernRisksView *self,
                             gint64          asset_id)
{
  g_return_if_fail (VAERN_IS_RISKS_VIEW (self));

  if (self->document)
    attach (self);
  vaern_risks_view_reset_filters (self, asset_id);
}

/* Every other filter cleared, then these set; the list and the heat map
 * are refiltered once. */
static void
show_filtered (VaernRisksView *self,
               guint           treatment_position,
               gboolean        overdue,
               guint           band_position)
{
  if (self->document)
    attach (self);
  self->filling++;
  vaern_risks_view_reset_filters (self, 0);
  gtk_drop_down_set_selected (self->treatment_filter, treatment_position);
  gtk_toggle_button_set_active (self->overdue_filter, overdue);
  if (band_position <= 2 * self->n_bands)
    gtk_drop_down_set_selected (self->band_filter, band_position);
  self->filling--;
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

void
vaern_risks_view_show_undecided (VaernRisksView *self)
{
  g_return_if_fail (VAERN_IS_RISKS_VIEW (self));

  /* The treatment filter lists "All treatments", then each treatment. */
  show_filtered (self, VAERN_TREATMENT_UNDECIDED + 1, FALSE, 0);
}

void
vaern_risks_view_show_overdue (VaernRisksView *self)
{
  g_return_if_fail (VAERN_IS_RISKS_VIEW (self));

  show_filtered (self, 0, TRUE, 0);
}

void
vaern_risks_view_show_band (VaernRisksView *self,
                            guint           band,
                            gboolean        after_treatment)
{
  g_return_if_fail (VAERN_IS_RISKS_VIEW (self));

  if (self->document)
    attach (self);
  /* The level filter lists "All levels", each band before treatment,
   * then each after. */
  show_filtered (self, 0, FALSE,
                 band == 0 || band > self->n_bands ? 0
                 : after_treatment ? self->n_bands + band : band);
}

GListModel *
vaern_risks_view_get_shown (VaernRisksView *self)
{
  return G_LIST_MODEL (self->selection);
}

guint
vaern_risks_view_count_in_cell (VaernRisksView  *self,
                                VaernHeatMapShow matrix,
                                guint            likelihood,
                                guint            consequence)
{
  const VaernRiskScale *scale = vaern_document_get_scale (self->document);
  g_autofree guint *inherent = NULL;
  g_autofree guint *residual = NULL;
  guint i = (likelihood - 1) * scale->n_consequence + consequence - 1;

  vaern_risks_view_count_cells (self, &inherent, &residual);
  return matrix == VAERN_HEAT_MAP_INHERENT ? inherent[i] : residual[i];
}

/* Layout: filters, the heat map and the list, the action bar. The heat map
 * sits beside the list in a wide window and above it in a narrow one. */

static void
vaern_risks_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      gtk_widget_measure (child, orientation,
                          orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &min, &nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        *minimum += min, *natural += nat;
      else
        *minimum = MAX (*minimum, min), *natural = MAX (*natural, nat);
    }
}

/* The heat map's pane: beside the list, the map as high as its width
 * calls for (no more, so it does not float in a tall pane) with the scope
 * bar right under it; above the list, the map with the scope bar beside
 * it, so the map has the pane's whole height. */

/* The height of the heat map for its width, as the renderer draws it:
 * two matrices side by side with their labels and the legend, or one. */
static int
map_height_for_width (VaernRisksView *self,
                      int             width)
{
  return vaern_risks_view_shown_matrices (self) == VAERN_HEAT_MAP_BOTH ? width * 3 / 5 : width * 9 / 10;
}

static void
map_box_measure (GtkWidget      *widget,
                 GtkOrientation  orientation,
                 int             for_size,
                 int            *minimum,
                 int            *natural,
                 int            *minimum_baseline,
                 int            *natural_baseline)
{
  VaernRisksView *self = VAERN_RISKS_VIEW (gtk_widget_get_ancestor (widget,
                                                                    VAERN_TYPE_RISKS_VIEW));
  gboolean beside = gtk_orientable_get_orientation (GTK_ORIENTABLE (self->scope_bar))
                    == GTK_ORIENTATION_VERTICAL;
  int map_min, map_nat, bar_min, bar_nat;

  gtk_widget_measure (GTK_WIDGET (self->heat_map), orientation, -1, &map_min, &map_nat, NULL,
                      NULL);
  gtk_widget_measure (self->scope_bar, orientation, -1, &bar_min, &bar_nat, NULL, NULL);
  /* Side by side along the orientation that adds up, else the larger. */
  if (beside == (orientation == GTK_ORIENTATION_HORIZONTAL))
    *minimum = map_min + bar_min, *natural = map_nat + bar_nat;
  else
    *minimum = MAX (map_min, bar_min), *natural = MAX (map_nat, bar_nat);
}

static void
map_box_allocate (GtkWidget *widget,
                  int        width,
                  int        height,
                  int        baseline)
{
  VaernRisksView *self = VAERN_RISKS_VIEW (gtk_widget_get_ancestor (widget,
                                                                    VAERN_TYPE_RISKS_VIEW));
  GtkWidget *map = GTK_WIDGET (self->heat_map);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int min, nat;

  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->scope_bar))
      == GTK_ORIENTATION_VERTICAL)
    {
      int bar_width, map_width;

      gtk_widget_measure (self->scope_bar, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL,
                          NULL);
      bar_width = CLAMP (nat, min, MAX (min, width / 2));
      map_width = MAX (width - bar_width, 0);
      gtk_widget_size_allocate (map, &(GtkAllocation) { rtl ? bar_width : 0, 0, map_width,
                                                        height }, -1);
      gtk_widget_size_allocate (self->scope_bar,
                                &(GtkAllocation) { rtl ? 0 : map_width, 0, bar_width, height },
                                -1);
    }
  else
    {
      int bar_height, map_height;

      gtk_widget_measure (self->scope_bar, GTK_ORIENTATION_VERTICAL, width, &min, &bar_height,
                          NULL, NULL);
      gtk_widget_measure (map, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      map_height = CLAMP (map_height_for_width (self, width), min,
                          MAX (min, height - bar_height));
      gtk_widget_size_allocate (map, &(GtkAllocation) { 0, 0, width, map_height }, -1);
      gtk_widget_size_allocate (self->scope_bar,
                                &(GtkAllocation) { 0, map_height, width, bar_height }, -1);
    }
}

/* Where the handle belongs at the paned's size: the heat map gets 45 % of
 * a wide view; above the list, a third of the height as long as the list
 * keeps about ten rows. */
static void
place_handle (VaernRisksView *self,
              int             width,
              int             height)
{
  int position;

  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) == GTK_ORIENTATION_HORIZONTAL)
    position = CLAMP (width * 45 / 100, MAP_MIN_WIDTH, MAX (MAP_MIN_WIDTH, width - LIST_MIN_WIDTH));
  else
    position = MAX (MAP_MIN_HEIGHT, MIN (height / 3, height - LIST_ROOM));
  vaern_paned_share_place (&self->handle, width, height, position);
}

static gboolean
layout_idle_cb (gpointer user_data)
{
  VaernRisksView *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GtkOrientation wanted = width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL
                                               : GTK_ORIENTATION_HORIZONTAL;

  self->layout_idle = 0;
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) != wanted)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned), wanted);
      /* The scope bar goes under the map beside the list, and beside the
       * map above it. */
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->scope_bar),
                                      wanted == GTK_ORIENTATION_VERTICAL
                                      ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_set_valign (self->scope_bar, wanted == GTK_ORIENTATION_VERTICAL
                                              ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
      /* The size comes with the next allocation. */
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
  return G_SOURCE_REMOVE;
}

static void
vaern_risks_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  VaernRisksView *self = VAERN_RISKS_VIEW (widget);
  GtkWidget *fixed[] = { self->filter_box, self->top_separator, self->action_bar };
  int heights[G_N_ELEMENTS (fixed)];
  int used = 0, y = 0, paned_height;
  GtkOrientation wanted = width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL
                                               : GTK_ORIENTATION_HORIZONTAL;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      heights[i] = 0;
      if (gtk_widget_should_layout (fixed[i]))
        gtk_widget_measure (fixed[i], GTK_ORIENTATION_VERTICAL, width, NULL, &heights[i], NULL,
                            NULL);
      used += heights[i];
    }
  paned_height = MAX (height - used, 0);
  gtk_widget_size_allocate (self->filter_box, &(GtkAllocation) { 0, y, width, heights[0] }, -1);
  y += heights[0];
  gtk_widget_size_allocate (self->top_separator, &(GtkAllocation) { 0, y, width, heights[1] }, -1);
  y += heights[1];
  /* Turning the paned inside an allocation would ask for another one;
   * its position is set before it is allocated, so the first frame
   * already has it. */
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) != wanted)
    {
      if (self->layout_idle == 0)
        self->layout_idle = g_idle_add (layout_idle_cb, self);
    }
  else
    place_handle (self, width, paned_height);
  gtk_widget_size_allocate (GTK_WIDGET (self->paned),
                            &(GtkAllocation) { 0, y, width, paned_height }, -1);
  gtk_widget_size_allocate (self->action_bar,
                            &(GtkAllocation) { 0, height - heights[2], width, heights[2] }, -1);
}

/* Life cycle */

static void
vaern_risks_view_dispose (GObject *object)
{
  VaernRisksView *self = VAERN_RISKS_VIEW (object);

  if (self->document)
    vaern_risks_view_set_document (VAERN_VIEW (self), NULL);
  g_clear_handle_id (&self->count_idle, g_source_remove);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_RISKS_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->unit_scope, g_hash_table_unref);
  vaern_search_clear (&self->search);

  G_OBJECT_CLASS (vaern_risks_view_parent_class)->dispose (object);
}

static void
vaern_risks_view_class_init (VaernRisksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (VAERN_TYPE_TABLE);
  g_type_ensure (VAERN_TYPE_HEAT_MAP_WIDGET);

  object_class->dispose = vaern_risks_view_dispose;
  widget_class->measure = vaern_risks_view_measure;
  widget_class->size_allocate = vaern_risks_view_size_allocate;
  widget_class->map = vaern_risks_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-risks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, filter_popover_box);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, band_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, treatment_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, overdue_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, cell_chip);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, cell_label);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, top_separator);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, paned);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, map_box);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, heat_map);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, scope_bar);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, show_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, scope_label);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, table);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, action_bar);
  gtk_widget_class_bind_template_child (widget_class, VaernRisksView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_changed_cb);

  vaern_risks_view_class_init_actions (widget_class);
}

static void
vaern_risks_view_init (VaernRisksView *self)
{
  g_autoptr(GSimpleActionGroup) settings_group = g_simple_action_group_new ();
  g_autoptr(GAction) palette = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  vaern_filter_bar_init (GTK_BOX (self->filter_box), GTK_WIDGET (self->search_entry),
                         GTK_MENU_BUTTON (self->filter_button), GTK_BOX (self->filter_popover_box),
                         NARROW_WIDTH - 12);
  gtk_widget_set_layout_manager (self->map_box,
                                 gtk_custom_layout_new (NULL, map_box_measure,
                                                        map_box_allocate));
  vaern_paned_share_init (&self->handle, self->paned);
  /* Named in the template; their buttons are named after them. */
  vaern_drop_down_set_accessible_label (self->band_filter, NULL);
  vaern_drop_down_set_accessible_label (self->treatment_filter, NULL);
  vaern_drop_down_set_accessible_label (self->show_dropdown, NULL);

  self->settings = g_settings_new (BASE_ID);
  palette = g_settings_create_action (self->settings, "color-blind-palette");
  g_action_map_add_action (G_ACTION_MAP (settings_group), palette);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "risk-settings",
                                  G_ACTION_GROUP (settings_group));
  g_signal_connect_object (self->settings, "changed::color-blind-palette",
                           G_CALLBACK (palette_changed_cb), self, G_CONNECT_SWAPPED);
  self->safe_palette = g_settings_get_boolean (self->settings, "color-blind-palette");
  vaern_heat_map_widget_set_safe_palette (self->heat_map, self->safe_palette);

  self->filter = gtk_custom_filter_new (in_list, self, NULL);
  vaern_table_set_filter (self->table, GTK_FILTER (self->filter));
  self->selection = g_object_ref (vaern_table_get_selection (self->table));
  setup_columns (self);
  setup_filters (self);
  vaern_heat_map_widget_set_tooltip_func (self->heat_map, cell_tooltip, self);

  g_signal_connect_swapped (self->heat_map, "chosen-changed", G_CALLBACK (chosen_changed_cb),
                            self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_state), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->table));
  vaern_add_view_shortcuts (GTK_WIDGET (self), (const char *const[]) {
    "<Control><Shift>n", "risks.add",
    "<Control>p", "risks.print",
    NULL });
  vaern_add_delete_key (GTK_WIDGET (self), GTK_WIDGET (self->table), "risks.delete");
  update_state (self);
}
