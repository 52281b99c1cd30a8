/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-view.h"
#include "core/vaern-date.h"
#include "vaern-register-view-private.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"

/* The system register: every asset of the document in a VaernTable,
 * filtered (search, kind, status, unit, personal data, findings) and
 * sorted on the document's own list, so nothing is copied and the list
 * follows every edit, undo and redo. */

/* Narrower than this (the filter bar's width: the view's, less the
 * margins) the filters go into a popover, as in the risks view. */
#define FOLD_WIDTH (900 - 12)

/* Positions of the personal data filter. */
enum {
  PD_ALL,
  PD_ANY,
  PD_FIRST_LEVEL, /* then one entry per VaernPersonalData */
};

/* Positions of the findings filter. */
enum {
  FINDINGS_ALL,
  FINDINGS_ANY,
  FINDINGS_NO_OWNER,
  FINDINGS_DPA,
  FINDINGS_REVIEW,
};

static void vaern_register_view_iface_init (VaernViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VaernRegisterView, vaern_register_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VAERN_TYPE_VIEW,
                                                      vaern_register_view_iface_init))

static void update_state (VaernRegisterView *self);

/* Filtering */

/* The lifecycle filter's last choice, after "all" and each lifecycle. */
#define LIFECYCLE_NOT_RETIRED (1 + VAERN_LIFECYCLE_RETIRED + 1)

static gboolean
asset_matches (gpointer item,
               gpointer user_data)
{
  VaernRegisterView *self = user_data;
  VaernAsset *asset = item;
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint lifecycle = gtk_drop_down_get_selected (self->lifecycle_filter);
  guint personal = gtk_drop_down_get_selected (self->personal_data_filter);
  guint findings = gtk_drop_down_get_selected (self->findings_filter);

  if (kind > 0 && asset->kind != kind - 1)
    return FALSE;
  if (lifecycle == LIFECYCLE_NOT_RETIRED)
    {
      if (asset->lifecycle == VAERN_LIFECYCLE_RETIRED)
        return FALSE;
    }
  else if (lifecycle > 0 && asset->lifecycle != lifecycle - 1)
    return FALSE;
  if (personal == PD_ANY && asset->personal_data == VAERN_PERSONAL_DATA_NONE)
    return FALSE;
  if (personal >= PD_FIRST_LEVEL && asset->personal_data != personal - PD_FIRST_LEVEL)
    return FALSE;
  switch (findings)
    {
    case FINDINGS_ANY:
      if (asset->findings == VAERN_FINDING_NONE)
        return FALSE;
      break;
    case FINDINGS_NO_OWNER:
      if (!(asset->findings & VAERN_FINDING_NO_OWNER))
        return FALSE;
      break;
    case FINDINGS_DPA:
      if (!(asset->findings & VAERN_FINDING_DPA_MISSING))
        return FALSE;
      break;
    case FINDINGS_REVIEW:
      if (!(asset->findings & VAERN_FINDING_REVIEW_OVERDUE))
        return FALSE;
      break;
    default:
      break;
    }
  if (self->unit_scope && !g_hash_table_contains (self->unit_scope, &asset->unit_id))
    {
      gboolean used = FALSE;

      /* A unit that uses the system counts as well as the responsible one. */
      for (guint i = 0; asset->using_unit_ids && i < asset->using_unit_ids->len && !used; i++)
        used = g_hash_table_contains (self->unit_scope,
                                      &g_array_index (asset->using_unit_ids, gint64, i));
      if (!used)
        return FALSE;
    }
  if (!vaern_search_matches (&self->search, asset->search_key))
    return FALSE;
  return TRUE;
}

/* The unit filter covers the chosen unit and every unit under it. */
static void
update_unit_scope (VaernRegisterView *self)
{
  gint64 chosen = self->unit_filter ? vaern_record_dropdown_get_id (self->unit_filter) : 0;

  g_clear_pointer (&self->unit_scope, g_hash_table_unref);
  if (self->document)
    self->unit_scope = vaern_unit_subtree (vaern_document_get_units (self->document), chosen);
}

static void
refilter (VaernRegisterView *self,
          GtkFilterChange    change)
{
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

static void
search_changed_cb (VaernRegisterView *self)
{
  GtkFilterChange change;

  if (vaern_search_read (&self->search, GTK_EDITABLE (self->search_entry), &change))
    refilter (self, change);
}

static void
filter_changed_cb (VaernRegisterView *self)
{
  update_unit_scope (self);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (VaernRegisterView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
rebuild_unit_filter (VaernRegisterView *self)
{
  gint64 selected = self->unit_filter ? vaern_record_dropdown_get_id (self->unit_filter) : 0;
  GtkDropDown *old = self->unit_filter;

  self->unit_filter = NULL;
  if (self->document == NULL)
    {
      if (old)
        gtk_box_remove (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (old))), GTK_WIDGET (old));
      return;
    }

  self->unit_filter = vaern_record_dropdown_new (vaern_document_get_units (self->document), "path",
                                                 selected,
                                                 /* Translators: unit filter: no unit chosen */
                                                 _("All units"));
  /* Translators: tooltip and accessible name of a filter */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->unit_filter), _("Unit"));
  vaern_drop_down_set_accessible_label (self->unit_filter, _("Unit"));
  g_signal_connect_swapped (self->unit_filter, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  /* The last filter. */
  vaern_filter_bar_place (GTK_BOX (self->filter_box), GTK_WIDGET (self->unit_filter),
                          GTK_WIDGET (old), NULL);
}

static GtkStringList *
filter_list (const char      *all_label,
             const VaernEnum *e)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all_label);
  for (guint i = 0; i < e->n_entries; i++)
    gtk_string_list_append (list, vaern_enum_label (e, i));
  return list;
}

static void
setup_filters (VaernRegisterView *self)
{
  g_autoptr(GtkStringList) kinds = filter_list (_("All kinds"), &vaern_enum_asset_kind);
  g_autoptr(GtkStringList) lifecycles = filter_list (_("All statuses"), &vaern_enum_lifecycle);
  g_autoptr(GtkStringList) personal = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) findings = gtk_string_list_new (NULL);

  /* Translators: lifecycle filter: every asset that is not retired */
  gtk_string_list_append (lifecycles, _("All but retired"));

  /* Translators: personal data filter */
  gtk_string_list_append (personal, _("Any personal data or none"));
  /* Translators: personal data filter */
  gtk_string_list_append (personal, _("With personal data"));
  for (guint i = 0; i < vaern_enum_personal_data.n_entries; i++)
    {
      /* Translators: personal data filter; %s is a kind of personal data */
      g_autofree char *label = g_strdup_printf (_("Personal data: %s"),
                                                vaern_enum_label (&vaern_enum_personal_data, i));

      gtk_string_list_append (personal, label);
    }

  /* Translators: findings filter */
  gtk_string_list_append (findings, _("With or without findings"));
  /* Translators: findings filter */
  gtk_string_list_append (findings, _("With findings"));
  /* Translators: findings filter */
  gtk_string_list_append (findings, _("No systemejer"));
  /* Translators: findings filter */
  gtk_string_list_append (findings, _("Data processor agreement missing"));
  /* Translators: findings filter */
  gtk_string_list_append (findings, _("Review overdue"));

  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->lifecycle_filter, G_LIST_MODEL (lifecycles));
  gtk_drop_down_set_model (self->personal_data_filter, G_LIST_MODEL (personal));
  gtk_drop_down_set_model (self->findings_filter, G_LIST_MODEL (findings));
}

/* Columns */

typedef char *(*CellText) (VaernAsset *asset);

static char *
name_text (VaernAsset *a)
{
  return g_strdup (a->name);
}

static char *
unit_text (VaernAsset *a)
{
  return g_strdup (a->unit_name ? a->unit_name : "");
}

static char *
kind_text (VaernAsset *a)
{
  return g_strdup (vaern_enum_label (&vaern_enum_asset_kind, a->kind));
}

static char *
lifecycle_text (VaernAsset *a)
{
  return g_strdup (vaern_enum_label (&vaern_enum_lifecycle, a->lifecycle));
}

static char *
personal_data_text (VaernAsset *a)
{
  return g_strdup (vaern_enum_label (&vaern_enum_personal_data, a->personal_data));
}

static char *
criticality_text (VaernAsset *a)
{
  if (a->criticality == VAERN_LEVEL_UNSET)
    return g_strdup ("");
  return g_strdup (vaern_enum_label (&vaern_enum_level, a->criticality));
}

static char *
review_text (VaernAsset *a)
{
  return vaern_date_format (a->next_review);
}

static void
text_cell (gpointer        item,
           VaernTableCell *cell,
           gpointer        user_data)
{
  CellText text = (CellText) user_data;

  cell->text = text (item);
}

/* The owner cell says plainly when a system has no systemejer. */
static void
owner_cell (gpointer        item,
            VaernTableCell *cell,
            gpointer        user_data)
{
  VaernAsset *asset = item;

  if (asset->findings & VAERN_FINDING_NO_OWNER)
    {
      /* Translators: shown in the systemejer column of a system without one */
      cell->text = g_strdup (_("None"));
      cell->style = VAERN_TABLE_CELL_WARNING;
    }
  else
    cell->text = g_strdup (asset->owner_name ? asset->owner_name : "");
}

static void
findings_cell (gpointer        item,
               VaernTableCell *cell,
               gpointer        user_data)
{
  VaernAsset *asset = item;

  if (asset->findings == VAERN_FINDING_NONE)
    return;
  cell->text = vaern_findings_describe (asset->findings);
  cell->icon_name = "dialog-warning-symbolic";
  cell->style = VAERN_TABLE_CELL_WARNING;
}

/* The highest risk left after treatment, in its band's colour. */
static void
risk_cell (gpointer        item,
           VaernTableCell *cell,
           gpointer        user_data)
{
  VaernRegisterView *self = user_data;
  VaernAsset *asset = item;
  const VaernRiskScale *scale;

  if (self->document == NULL)
    return;
  scale = vaern_document_get_scale (self->document);
  if (asset->n_risks == 0)
    {
      /* Translators: the risk column of a system without a risk assessment */
      cell->text = g_strdup (_("Not assessed"));
      cell->style = VAERN_TABLE_CELL_DIM;
      return;
    }
  if (asset->max_residual_band == 0 || asset->max_residual_band > scale->n_bands)
    return;
  cell->text = g_strdup (scale->bands[asset->max_residual_band - 1].label);
  cell->has_swatch = gdk_rgba_parse (&cell->swatch,
                                     vaern_risk_scale_band_color (scale, asset->max_residual_band - 1,
                                                                  self->safe_palette));
}

static char *
assessed_text (VaernAsset *a)
{
  return vaern_date_format (a->last_assessed);
}

static void
add_text_column (VaernRegisterView *self,
                 const char        *title,
                 CellText           text,
                 GtkSorter         *sorter,
                 int                width,
                 guint              priority)
{
  vaern_table_add_column (self->table, title, text_cell, (gpointer) text, sorter, width, FALSE,
                          priority);
}

/* Priorities: the columns left out first in a narrow window have the
 * highest numbers; the name is always shown. */
static void
setup_columns (VaernRegisterView *self)
{
  guint name_column;

  /* Translators: column heading */
  name_column = vaern_table_add_column (self->table, _("Name"), text_cell, (gpointer) name_text,
                                        vaern_table_sorter_new (VAERN_TYPE_ASSET, "name", FALSE), 220, TRUE, 0);
  /* Translators: column heading */
  add_text_column (self, _("Kind"), kind_text, vaern_table_sorter_new (VAERN_TYPE_ASSET, "kind", TRUE), 110, 7);
  /* Translators: column heading */
  add_text_column (self, _("Unit"), unit_text, vaern_table_sorter_new (VAERN_TYPE_ASSET, "unit-name", FALSE), 170, 4);
  /* Translators: column heading: the owner of a system or asset */
  vaern_table_add_column (self->table, _("Systemejer"), owner_cell, NULL,
                          vaern_table_sorter_new (VAERN_TYPE_ASSET, "owner-name", FALSE), 160, FALSE, 1);
  /* Translators: column heading: life-cycle status */
  add_text_column (self, _("Status"), lifecycle_text, vaern_table_sorter_new (VAERN_TYPE_ASSET, "lifecycle", TRUE), 120, 6);
  /* Translators: column heading */
  add_text_column (self, _("Personal data"), personal_data_text,
                   vaern_table_sorter_new (VAERN_TYPE_ASSET, "personal-data", TRUE), 130, 8);
  /* Translators: column heading */
  add_text_column (self, _("Criticality"), criticality_text, vaern_table_sorter_new (VAERN_TYPE_ASSET, "criticality", TRUE),
                   100, 9);
  /* Translators: column heading */
  add_text_column (self, _("Next review"), review_text, vaern_table_sorter_new (VAERN_TYPE_ASSET, "next-review", FALSE), 110, 10);
  /* Translators: column heading: what needs attention */
  vaern_table_add_column (self->table, _("Findings"), findings_cell, NULL,
                          vaern_table_sorter_new (VAERN_TYPE_ASSET, "findings", TRUE), 200, FALSE, 2);
  /* Translators: column heading: the highest risk level after treatment */
  vaern_table_add_column (self->table, _("Risk"), risk_cell, self,
                          vaern_table_sorter_new (VAERN_TYPE_ASSET, "max-residual-band", TRUE), 110, FALSE, 3);
  /* Translators: column heading: the date of the newest risk assessment */
  add_text_column (self, _("Assessed"), assessed_text, vaern_table_sorter_new (VAERN_TYPE_ASSET, "last-assessed", FALSE), 110, 5);

  vaern_table_sort_by (self->table, name_column, GTK_SORT_ASCENDING);
}

/* State */

VaernAsset *
vaern_register_view_get_selected (VaernRegisterView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Whether a filter narrows the list (its first choice is "all"). */
static gboolean
in_use (GtkDropDown *filter)
{
  guint i = gtk_drop_down_get_selected (filter);

  return i != 0 && i != GTK_INVALID_LIST_POSITION;
}

static void
update_state (VaernRegisterView *self)
{
  guint total = self->document ? g_list_model_get_n_items (vaern_document_get_assets (self->document)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean editable = self->document && !vaern_document_get_read_only (self->document);
  gboolean has_selection = vaern_register_view_get_selected (self) != NULL;
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  /* With nothing to filter, what to do first has all the room (in a small
   * window the filters would push it out of sight). */
  gtk_widget_set_visible (self->filter_box, total > 0);
  gtk_widget_set_visible (self->filter_separator, total > 0);
  vaern_filter_bar_set_n_active (GTK_BOX (self->filter_box),
                                 in_use (self->kind_filter) + in_use (self->lifecycle_filter)
                                 + in_use (self->personal_data_filter)
                                 + in_use (self->findings_filter)
                                 + (self->unit_filter
                                    && vaern_record_dropdown_get_id (self->unit_filter) > 0));

  if (shown == total)
    /* Translators: the count below the register */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset", "%u assets", total), total);
  else
    /* Translators: the count below the register when filtered */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u asset shown",
                                          "%u of %u assets shown", total), shown, total);
  gtk_label_set_text (self->count_label, count);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.import", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.edit", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.duplicate",
                                 editable && has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.delete", editable && has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.show-roles", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.show-risks", has_selection);
}

static void
items_changed_cb (VaernRegisterView *self)
{
  update_state (self);
}

static void
units_changed_cb (VaernRegisterView *self)
{
  rebuild_unit_filter (self);
  update_unit_scope (self);
}

static void
vaern_register_view_set_document (VaernView     *view,
                                  VaernDocument *document)
{
  VaernRegisterView *self = VAERN_REGISTER_VIEW (view);

  if (self->document)
    {
      g_signal_handlers_disconnect_by_data (vaern_document_get_units (self->document), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  g_set_object (&self->document, document);

  vaern_table_set_model (self->table, document ? vaern_document_get_assets (document) : NULL);
  if (document)
    {
      g_signal_connect_object (vaern_document_get_units (document), "items-changed",
                               G_CALLBACK (units_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::read-only", G_CALLBACK (update_state), self,
                               G_CONNECT_SWAPPED);
    }
  rebuild_unit_filter (self);
  update_unit_scope (self);
  update_state (self);
}

static void
vaern_register_view_focus_search (VaernView *view)
{
  VaernRegisterView *self = VAERN_REGISTER_VIEW (view);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
vaern_register_view_iface_init (VaernViewInterface *iface)
{
  iface->set_document = vaern_register_view_set_document;
  iface->focus_search = vaern_register_view_focus_search;
}

void
vaern_register_view_clear_filters (VaernRegisterView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->lifecycle_filter, 0);
  gtk_drop_down_set_selected (self->personal_data_filter, 0);
  gtk_drop_down_set_selected (self->findings_filter, 0);
  if (self->unit_filter)
    gtk_drop_down_set_selected (self->unit_filter, 0);
  filter_changed_cb (self);
}

void
vaern_register_view_show_systems (VaernRegisterView *self)
{
  g_return_if_fail (VAERN_IS_REGISTER_VIEW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "register.clear-filters", NULL);
  gtk_drop_down_set_selected (self->kind_filter, 1 + VAERN_ASSET_KIND_SYSTEM);
  gtk_drop_down_set_selected (self->lifecycle_filter, LIFECYCLE_NOT_RETIRED);
}

void
vaern_register_view_filter_findings (VaernRegisterView *self,
                                     VaernFindings      findings)
{
  guint position = FINDINGS_ALL;

  g_return_if_fail (VAERN_IS_REGISTER_VIEW (self));

  if (findings == VAERN_FINDING_NO_OWNER)
    position = FINDINGS_NO_OWNER;
  else if (findings == VAERN_FINDING_DPA_MISSING)
    position = FINDINGS_DPA;
  else if (findings == VAERN_FINDING_REVIEW_OVERDUE)
    position = FINDINGS_REVIEW;
  else if (findings != VAERN_FINDING_NONE)
    position = FINDINGS_ANY;
  gtk_drop_down_set_selected (self->findings_filter, position);
}

guint
vaern_register_view_get_n_shown (VaernRegisterView *self)
{
  g_return_val_if_fail (VAERN_IS_REGISTER_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/* The risk column's colours follow the palette setting: the rows are
 * bound again. */
static void
palette_changed_cb (VaernRegisterView *self)
{
  self->safe_palette = g_settings_get_boolean (self->settings, "color-blind-palette");
  vaern_table_refresh (self->table);
}

/* Life cycle */

static void
vaern_register_view_dispose (GObject *object)
{
  VaernRegisterView *self = VAERN_REGISTER_VIEW (object);

  if (self->document)
    vaern_register_view_set_document (VAERN_VIEW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_REGISTER_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->unit_scope, g_hash_table_unref);
  vaern_search_clear (&self->search);

  G_OBJECT_CLASS (vaern_register_view_parent_class)->dispose (object);
}

static void
vaern_register_view_class_init (VaernRegisterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (VAERN_TYPE_TABLE);

  object_class->dispose = vaern_register_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-register-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, lifecycle_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, personal_data_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, findings_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, filter_popover_box);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, filter_separator);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, table);
  gtk_widget_class_bind_template_child (widget_class, VaernRegisterView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  vaern_register_view_class_init_actions (widget_class);
}

static void
vaern_register_view_init (VaernRegisterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vaern_filter_bar_init (GTK_BOX (self->filter_box), GTK_WIDGET (self->search_entry),
                         GTK_MENU_BUTTON (self->filter_button), GTK_BOX (self->filter_popover_box),
                         FOLD_WIDTH);
  /* Named in the template; their buttons are named after them. */
  vaern_drop_down_set_accessible_label (self->kind_filter, NULL);
  vaern_drop_down_set_accessible_label (self->lifecycle_filter, NULL);
  vaern_drop_down_set_accessible_label (self->personal_data_filter, NULL);
  vaern_drop_down_set_accessible_label (self->findings_filter, NULL);

  self->settings = g_settings_new (BASE_ID);
  self->safe_palette = g_settings_get_boolean (self->settings, "color-blind-palette");
  g_signal_connect_object (self->settings, "changed::color-blind-palette",
                           G_CALLBACK (palette_changed_cb), self, G_CONNECT_SWAPPED);

  self->filter = gtk_custom_filter_new (asset_matches, self, NULL);
  vaern_table_set_filter (self->table, GTK_FILTER (self->filter));
  self->selection = g_object_ref (vaern_table_get_selection (self->table));
  setup_columns (self);
  setup_filters (self);

  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (items_changed_cb),
                            self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_state), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->table));
  vaern_add_view_shortcuts (GTK_WIDGET (self), (const char *const[]) {
    "<Control><Shift>n", "register.add",
    "<Control>d", "register.duplicate",
    "<Control>i", "register.import",
    "<Control>r", "register.show-roles",
    "<Control>k", "register.show-risks",
    NULL });
  vaern_add_delete_key (GTK_WIDGET (self), GTK_WIDGET (self->table), "register.delete");
  update_state (self);
}
