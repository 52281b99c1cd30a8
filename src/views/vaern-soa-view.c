/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "widgets/vaern-file-chooser.h"
#include "vaern-view.h"
#include "core/vaern-catalogue.h"
#include "core/vaern-date.h"
#include "store/vaern-figures.h"
#include "vaern-soa-view-private.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"

/* The Statement of Applicability: every Annex A control of one version in
 * a table, with the implemented share of the applicable controls per
 * theme above it (a click on a theme shows only that theme). The newest
 * version is edited until management approves it; then it is frozen and
 * the next turn of the PDCA cycle starts a new draft. Any two versions
 * can be compared control by control.
 *
 * The document keeps the entries of every version in one list; the table
 * filters it down to the chosen version and the filters. */

static void vaern_soa_view_iface_init (VaernViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VaernSoaView, vaern_soa_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VAERN_TYPE_VIEW, vaern_soa_view_iface_init))

static void update_state (VaernSoaView *self);

/* Filtering */

static gboolean
in_list (gpointer item,
         gpointer user_data)
{
  VaernSoaView *self = user_data;
  VaernSoaEntry *e = item;

  if (e->version_id != self->version_id)
    return FALSE;
  if (self->only_theme && e->theme != self->only_theme)
    return FALSE;
  if (self->only_applicable == 1 && !e->applicable)
    return FALSE;
  if (self->only_applicable == 2 && e->applicable)
    return FALSE;
  if (self->only_status && e->status != self->only_status - 1)
    return FALSE;
  if (self->only_owner && e->owner_id != self->only_owner)
    return FALSE;
  if (self->only_missing && !e->missing_justification)
    return FALSE;
  return vaern_search_matches (&self->search, e->search_key);
}

static void
refilter (VaernSoaView *self)
{
  if (self->filling)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
filters_changed_cb (VaernSoaView *self)
{
  if (self->filling)
    return;
  self->only_theme = gtk_drop_down_get_selected (self->theme_filter);
  if (self->only_theme > 0)
    self->only_theme += 4;
  self->only_applicable = gtk_drop_down_get_selected (self->applicable_filter);
  self->only_status = gtk_drop_down_get_selected (self->status_filter);
  self->only_owner = self->owner_filter ? vaern_record_dropdown_get_id (self->owner_filter) : 0;
  self->only_missing = gtk_toggle_button_get_active (self->missing_filter);
  refilter (self);
}

static void
search_changed_cb (VaernSoaView *self)
{
  GtkFilterChange change;

  if (vaern_search_read (&self->search, GTK_EDITABLE (self->search_entry), &change)
      && !self->filling)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), change);
      update_state (self);
    }
}

static void
stop_search_cb (VaernSoaView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
vaern_soa_view_reset_filters (VaernSoaView *self)
{
  self->filling++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  vaern_search_clear (&self->search);
  gtk_drop_down_set_selected (self->theme_filter, 0);
  gtk_drop_down_set_selected (self->applicable_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  if (self->owner_filter)
    vaern_record_dropdown_set_id (self->owner_filter, 0);
  gtk_toggle_button_set_active (self->missing_filter, FALSE);
  self->filling--;
  filters_changed_cb (self);
}

/* Cells */

static void
number_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  cell->text = g_strdup (VAERN_SOA_ENTRY (item)->control);
}

static void
title_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernSoaEntry *e = item;

  cell->text = g_strdup (e->title);
  if (!e->applicable)
    cell->style = VAERN_TABLE_CELL_DIM;
}

static void
applicable_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernSoaEntry *e = item;

  /* Translators: in the SoA's "Applies" column */
  cell->text = g_strdup (e->applicable ? _("Yes") : _("No"));
  if (!e->applicable)
    cell->style = VAERN_TABLE_CELL_DIM;
}

static void
status_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernSoaEntry *e = item;

  if (!e->applicable)
    {
      cell->text = g_strdup ("–");
      cell->style = VAERN_TABLE_CELL_DIM;
      return;
    }
  cell->text = g_strdup (vaern_enum_label (&vaern_enum_soa_status, e->status));
  if (e->status == VAERN_SOA_STATUS_IMPLEMENTED)
    cell->icon_name = "object-select-symbolic";
  else if (e->status == VAERN_SOA_STATUS_NOT_STARTED)
    cell->style = VAERN_TABLE_CELL_WARNING;
}

static void
owner_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  cell->text = g_strdup (VAERN_SOA_ENTRY (item)->owner_name);
}

static void
justification_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernSoaEntry *e = item;
  g_autofree char *reasons = vaern_soa_entry_reasons_text (e);
  GString *s = g_string_new (reasons);

  if (e->missing_justification)
    {
      cell->style = VAERN_TABLE_CELL_WARNING;
      cell->icon_name = "dialog-warning-symbolic";
      /* Translators: in the SoA's justification column */
      g_string_append (s, _("No justification"));
    }
  if (e->justification && *e->justification)
    {
      if (s->len)
        g_string_append (s, ": ");
      g_string_append (s, e->justification);
    }
  cell->text = g_string_free (s, FALSE);
}

static void
documents_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernSoaEntry *e = item;

  cell->text = e->document_ids->len ? g_strdup_printf ("%u", e->document_ids->len) : g_strdup ("");
}

static void
risks_cell (gpointer item, VaernTableCell *cell, gpointer user_data)
{
  VaernSoaEntry *e = item;

  cell->text = e->n_risks ? g_strdup_printf ("%u", e->n_risks) : g_strdup ("");
}

static void
setup_columns (VaernSoaView *self)
{
  VaernTable *t = self->table;
  guint number;

  /* Translators: column heading: an Annex A control's number, "5.9" */
  number = vaern_table_add_column (t, _("No."), number_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_SOA_ENTRY, "position", TRUE),
                                   60, FALSE, 0);
  /* Translators: column heading: an Annex A control's title */
  vaern_table_add_column (t, _("Control"), title_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_SOA_ENTRY, "title", FALSE), 240,
                          TRUE, 0);
  /* Translators: column heading: whether the control applies */
  vaern_table_add_column (t, _("Applies"), applicable_cell, NULL,
                          vaern_table_sorter_new (VAERN_TYPE_SOA_ENTRY, "applicable", TRUE), 80, FALSE, 2);
  /* Translators: column heading: implementation status */
  vaern_table_add_column (t, _("Status"), status_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_SOA_ENTRY, "status", TRUE), 150,
                          FALSE, 1);
  /* Translators: column heading */
  vaern_table_add_column (t, _("Owner"), owner_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_SOA_ENTRY, "owner-name", FALSE), 150,
                          FALSE, 4);
  /* Translators: column heading: the reasons for including or excluding a control */
  vaern_table_add_column (t, _("Justification"), justification_cell, NULL,
                          vaern_table_sorter_new (VAERN_TYPE_SOA_ENTRY, "missing-justification", TRUE), 220, TRUE, 3);
  /* Translators: column heading: the number of linked documents */
  vaern_table_add_column (t, _("Docs"), documents_cell, NULL, NULL, 60, FALSE, 5);
  /* Translators: column heading: the number of risks that name the control */
  vaern_table_add_column (t, _("Risks"), risks_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_SOA_ENTRY, "n-risks", TRUE), 60,
                          FALSE, 6);
  vaern_table_sort_by (t, number, GTK_SORT_ASCENDING);
}

/* Versions */

static VaernSoaVersion *
shown_version (VaernSoaView *self)
{
  if (self->document == NULL || self->version_id == 0)
    return NULL;
  return vaern_document_get_soa_version (self->document, self->version_id);
}

static void
fill_versions (VaernSoaView *self)
{
  GListModel *versions = self->document ? vaern_document_get_soa_versions (self->document) : NULL;
  guint n = versions ? g_list_model_get_n_items (versions) : 0;
  guint selected = G_MAXUINT;
  gint64 newest = 0;
  gboolean was_newest;

  was_newest = self->version_ids->len == 0
               || self->version_id == g_array_index (self->version_ids, gint64, 0);
  self->filling++;
  g_array_set_size (self->version_ids, 0);
  gtk_string_list_splice (self->version_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->version_names)), NULL);
  /* Newest first. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(VaernSoaVersion) v = g_list_model_get_item (versions, i);
      gint64 id = vaern_record_get_id (VAERN_RECORD (v));
      g_autofree char *label = NULL;

      if (newest == 0)
        newest = id;
      if (v->frozen)
        {
          g_autofree char *date = vaern_date_format (v->approved_on);

          /* Translators: a version of the SoA in the version menu: number, approval date
           * and who approved it */
          label = g_strdup_printf (_("Version %u, approved %s by %s"), v->number, date,
                                   v->approved_by);
        }
      else
        /* Translators: a version of the SoA in the version menu */
        label = g_strdup_printf (_("Version %u, draft"), v->number);
      gtk_string_list_append (self->version_names, label);
      g_array_append_val (self->version_ids, id);
      if (id == self->version_id)
        selected = self->version_ids->len - 1;
    }
  /* A new draft, or the first look: show the newest. */
  if (selected == G_MAXUINT || was_newest)
    {
      selected = 0;
      self->version_id = newest;
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->version_dropdown), selected);
  self->filling--;
}

static void
version_chosen_cb (VaernSoaView *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->version_dropdown));

  if (self->filling || i >= self->version_ids->len)
    return;
  self->version_id = g_array_index (self->version_ids, gint64, i);
  refilter (self);
}

static void
versions_changed_cb (VaernSoaView *self)
{
  gint64 before = self->version_id;

  fill_versions (self);
  if (before != self->version_id)
    refilter (self);
  else
    update_state (self);
}

/* Progress: the implemented share of the applicable controls. */

static void
update_progress (VaernSoaView *self)
{
  guint applicable[VAERN_SOA_N_THEMES + 1] = { 0 }, implemented[VAERN_SOA_N_THEMES + 1] = { 0 };
  VaernSoaProgress progress = { { 0 } };

  /* [0] is every theme, [1–4] the themes 5–8. */
  if (self->document)
    vaern_soa_progress_count (self->document, self->version_id, &progress);
  for (guint t = 0; t < VAERN_SOA_N_THEMES; t++)
    {
      applicable[t + 1] = progress.applicable[t];
      implemented[t + 1] = progress.implemented[t];
      applicable[0] += progress.applicable[t];
      implemented[0] += progress.implemented[t];
    }
  for (guint t = 0; t <= VAERN_SOA_N_THEMES; t++)
    {
      guint percent = vaern_key_figures_percent (implemented[t], applicable[t]);
      /* Translators: progress of a theme in the SoA: implemented of applicable, and the share */
      g_autofree char *text = g_strdup_printf (_("%u %% · %u/%u"), percent,
                                               implemented[t], applicable[t]);
      g_autofree char *tooltip = NULL;

      gtk_level_bar_set_value (self->progress_bars[t],
                               applicable[t] ? (double) implemented[t] / applicable[t] : 0);
      gtk_label_set_text (self->progress_labels[t], text);
      tooltip = g_strdup_printf (
        /* Translators: tooltip of a theme's progress in the SoA; %s is the theme */
        _("%s: %u of the %u applicable controls are implemented. Click to show only these."),
        t == 0 ? _("All themes") : vaern_control_theme_label (t + 4), implemented[t], applicable[t]);
      gtk_widget_set_tooltip_text (self->progress_buttons[t], tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_buttons[t]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      if (t == 0 ? self->only_theme == 0 : self->only_theme == t + 4)
        gtk_widget_add_css_class (self->progress_buttons[t], "soa-theme-chosen");
      else
        gtk_widget_remove_css_class (self->progress_buttons[t], "soa-theme-chosen");
    }
}

static void
theme_clicked_cb (GtkButton    *button,
                  VaernSoaView *self)
{
  guint t = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "theme"));

  gtk_drop_down_set_selected (self->theme_filter, t == 0 ? 0 : t - 4);
}

/* State */

static void
update_state (VaernSoaView *self)
{
  g_autoptr(VaernSoaVersion) version = shown_version (self);
  GtkSingleSelection *selection = vaern_table_get_selection (self->table);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (selection));
  gboolean writable = self->document && !vaern_document_get_read_only (self->document);
  gboolean draft = version && !version->frozen;
  gboolean newest = version && version->newest;
  g_autofree char *count = NULL;
  g_autofree char *state = NULL;

  if (self->document == NULL)
    return;
  if (version == NULL)
    state = g_strdup ("");
  else if (version->frozen)
    {
      g_autofree char *date = vaern_date_format (version->approved_on);

      /* Translators: the state of the SoA version shown: who approved it and when */
      state = g_strdup_printf (_("Approved by %s on %s; locked."),
                               version->approved_by, date);
    }
  else
    /* Translators: the state of the SoA version shown */
    state = g_strdup (_("Draft until management approves it."));
  gtk_label_set_text (self->state_label, state);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_label), state);
  gtk_widget_set_visible (self->approve_button, draft);
  gtk_widget_set_visible (self->draft_button, newest && version->frozen);

  /* Translators: the number of controls shown in the SoA view */
  count = g_strdup_printf (ngettext ("%u control", "%u controls", shown), shown);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->content_stack, shown > 0 ? "table" : "empty");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "soa.edit",
                                 vaern_table_get_selected (self->table) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "soa.approve", writable && draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "soa.new-draft",
                                 writable && newest && version->frozen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "soa.compare", self->version_ids->len > 1);
  update_progress (self);
}

/* Shows a version, the filters kept (after a new draft). */
void
vaern_soa_view_show_version (VaernSoaView *self,
                             gint64        version_id)
{
  self->version_id = version_id;
  fill_versions (self);
  refilter (self);
}

/* The document */

/* The owner filter lists the people there are now. */
static void
rebuild_owner_filter (VaernSoaView *self)
{
  gint64 selected = self->owner_filter ? vaern_record_dropdown_get_id (self->owner_filter) : 0;

  if (self->owner_filter)
    gtk_box_remove (GTK_BOX (self->owner_filter_box), GTK_WIDGET (self->owner_filter));
  self->owner_filter = NULL;
  if (self->document == NULL)
    return;
  self->filling++;
  self->owner_filter = vaern_record_dropdown_new (vaern_document_get_people (self->document),
                                                  "name", selected,
                                                  /* Translators: owner filter: no filter */
                                                  _("Any owner"));
  /* Translators: tooltip and accessible name of the SoA view's owner filter */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->owner_filter), _("Owner"));
  vaern_drop_down_set_accessible_label (self->owner_filter, _("Owner"));
  gtk_box_append (GTK_BOX (self->owner_filter_box), GTK_WIDGET (self->owner_filter));
  g_signal_connect_swapped (self->owner_filter, "notify::selected",
                            G_CALLBACK (filters_changed_cb), self);
  self->filling--;
  /* The chosen owner may have gone. */
  if (vaern_record_dropdown_get_id (self->owner_filter) != self->only_owner)
    filters_changed_cb (self);
}

/* The view fills itself when first shown: opening a document does not
 * wait for the SoA (nor for a filter of a thousand people). */
static void
attach (VaernSoaView *self)
{
  VaernDocument *document = self->document;

  if (self->attached || document == NULL)
    return;
  self->attached = TRUE;
  rebuild_owner_filter (self);
  g_signal_connect_swapped (vaern_document_get_people (document), "items-changed",
                            G_CALLBACK (rebuild_owner_filter), self);
  fill_versions (self);
  self->filling++;
  vaern_table_set_model (self->table, vaern_document_get_soa_entries (document));
  self->filling--;
  vaern_soa_view_reset_filters (self);
  g_signal_connect_swapped (vaern_document_get_soa_versions (document), "items-changed",
                            G_CALLBACK (versions_changed_cb), self);
  g_signal_connect_swapped (vaern_document_get_soa_entries (document), "items-changed",
                            G_CALLBACK (update_state), self);
  g_signal_connect_swapped (document, "notify::read-only", G_CALLBACK (update_state), self);
  update_state (self);
}

static void
vaern_soa_view_set_document (VaernView     *view,
                             VaernDocument *document)
{
  VaernSoaView *self = VAERN_SOA_VIEW (view);

  if (self->document && self->attached)
    {
      g_signal_handlers_disconnect_by_data (vaern_document_get_soa_versions (self->document), self);
      g_signal_handlers_disconnect_by_data (vaern_document_get_soa_entries (self->document), self);
      g_signal_handlers_disconnect_by_data (vaern_document_get_people (self->document), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  self->attached = FALSE;
  g_set_object (&self->document, document);
  self->version_id = 0;
  g_array_set_size (self->version_ids, 0);
  if (self->owner_filter)
    gtk_box_remove (GTK_BOX (self->owner_filter_box), GTK_WIDGET (self->owner_filter));
  self->owner_filter = NULL;
  vaern_table_set_model (self->table, NULL);
  if (document && gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach (self);
}

void
vaern_soa_view_show_filtered (VaernSoaView *self,
                              guint         theme,
                              gboolean      missing_justification)
{
  g_return_if_fail (VAERN_IS_SOA_VIEW (self));
  g_return_if_fail (theme == 0 || (theme >= 5 && theme <= 8));

  attach (self);
  self->filling++;
  /* The newest version is first in the version list. */
  if (self->version_ids->len > 0)
    {
      self->version_id = g_array_index (self->version_ids, gint64, 0);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->version_dropdown), 0);
    }
  vaern_soa_view_reset_filters (self);
  /* The theme filter lists "All themes", then themes 5 to 8. */
  gtk_drop_down_set_selected (self->theme_filter, theme == 0 ? 0 : theme - 4);
  gtk_toggle_button_set_active (self->missing_filter, missing_justification);
  self->filling--;
  filters_changed_cb (self);
}

static void
vaern_soa_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vaern_soa_view_parent_class)->map (widget);
  attach (VAERN_SOA_VIEW (widget));
}

static void
vaern_soa_view_focus_search (VaernView *view)
{
  gtk_widget_grab_focus (GTK_WIDGET (VAERN_SOA_VIEW (view)->search_entry));
}

static void
vaern_soa_view_iface_init (VaernViewInterface *iface)
{
  iface->set_document = vaern_soa_view_set_document;
  iface->focus_search = vaern_soa_view_focus_search;
}

/* Layout: ui/vaern-soa-view.ui; here only what comes from the data. */

/* A filter's choices: the first means no filter. */
static void
set_choices (GtkDropDown *dropdown,
             const char  *first,
             ...)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const char *item = first;
  va_list args;

  va_start (args, first);
  while (item)
    {
      gtk_string_list_append (list, item);
      item = va_arg (args, const char *);
    }
  va_end (args);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
setup_progress (VaernSoaView *self)
{
  for (guint t = 0; t <= VAERN_SOA_N_THEMES; t++)
    {
      g_autofree char *title = t == 0
        /* Translators: the SoA's total progress */
        ? g_strdup (_("All themes"))
        /* Translators: a theme in the SoA's progress: its clause number and name */
        : g_strdup_printf (_("%u %s"), t + 4, vaern_control_theme_label (t + 4));

      gtk_label_set_text (self->progress_headings[t], title);
      /* A share, not a level: one colour however far it has come. */
      gtk_level_bar_remove_offset_value (self->progress_bars[t], GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (self->progress_bars[t], GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (self->progress_bars[t], GTK_LEVEL_BAR_OFFSET_FULL);
      g_object_set_data (G_OBJECT (self->progress_buttons[t]), "theme",
                         GUINT_TO_POINTER (t == 0 ? 0 : t + 4));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_buttons[t]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
}

static void
setup_filters (VaernSoaView *self)
{
  vaern_drop_down_shorten (GTK_DROP_DOWN (self->version_dropdown), 26);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->version_dropdown), G_LIST_MODEL (self->version_names));
  set_choices (self->theme_filter, _("All themes"), vaern_control_theme_label (5), vaern_control_theme_label (6),
               vaern_control_theme_label (7), vaern_control_theme_label (8), NULL);
  set_choices (self->status_filter,
               /* Translators: status filter: no filter */
               _("Any status"),
               vaern_enum_label (&vaern_enum_soa_status, 0),
               vaern_enum_label (&vaern_enum_soa_status, 1),
               vaern_enum_label (&vaern_enum_soa_status, 2),
               vaern_enum_label (&vaern_enum_soa_status, 3), NULL);
  /* The template names the drop-downs; their buttons take that name. */
  vaern_drop_down_set_accessible_label (GTK_DROP_DOWN (self->version_dropdown), NULL);
  vaern_drop_down_set_accessible_label (self->theme_filter, NULL);
  vaern_drop_down_set_accessible_label (self->applicable_filter, NULL);
  vaern_drop_down_set_accessible_label (self->status_filter, NULL);
  vaern_flow_box_tab_through (self->filter_box);
}

static void
vaern_soa_view_dispose (GObject *object)
{
  VaernSoaView *self = VAERN_SOA_VIEW (object);
  GtkWidget *child;

  if (self->document)
    vaern_soa_view_set_document (VAERN_VIEW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_SOA_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->filter);
  g_clear_object (&self->version_names);
  g_clear_pointer (&self->version_ids, g_array_unref);
  vaern_search_clear (&self->search);

  G_OBJECT_CLASS (vaern_soa_view_parent_class)->dispose (object);
}

static void
vaern_soa_view_class_init (VaernSoaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_soa_view_dispose;
  widget_class->map = vaern_soa_view_map;

  g_type_ensure (VAERN_TYPE_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vaern/Vaern/vaern-soa-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, state_label);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, approve_button);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, draft_button);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, theme_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, applicable_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, owner_filter_box);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, missing_filter);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, progress_box);
  for (guint t = 0; t <= VAERN_SOA_N_THEMES; t++)
    {
      g_autofree char *button = g_strdup_printf ("progress_button%u", t);
      g_autofree char *heading = g_strdup_printf ("progress_heading%u", t);
      g_autofree char *bar = g_strdup_printf ("progress_bar%u", t);
      g_autofree char *label = g_strdup_printf ("progress_label%u", t);

      gtk_widget_class_bind_template_child_full (widget_class, button, FALSE,
                                                 G_STRUCT_OFFSET (VaernSoaView, progress_buttons[t]));
      gtk_widget_class_bind_template_child_full (widget_class, heading, FALSE,
                                                 G_STRUCT_OFFSET (VaernSoaView, progress_headings[t]));
      gtk_widget_class_bind_template_child_full (widget_class, bar, FALSE,
                                                 G_STRUCT_OFFSET (VaernSoaView, progress_bars[t]));
      gtk_widget_class_bind_template_child_full (widget_class, label, FALSE,
                                                 G_STRUCT_OFFSET (VaernSoaView, progress_labels[t]));
    }
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, table);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, version_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, theme_clicked_cb);

  vaern_soa_view_class_init_actions (widget_class);
  vaern_soa_view_class_init_output (widget_class);
}

static void
vaern_soa_view_init (VaernSoaView *self)
{
  self->version_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->version_names = gtk_string_list_new (NULL);
  /* The filters stay quiet until the view shows a document. */
  self->filling++;
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_filters (self);
  setup_progress (self);
  self->filling--;
  self->filter = gtk_custom_filter_new (in_list, self, NULL);
  vaern_table_set_filter (self->table, GTK_FILTER (self->filter));
  setup_columns (self);
  g_signal_connect_swapped (vaern_table_get_selection (self->table), "notify::selected",
                            G_CALLBACK (update_state), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->table));
  vaern_add_view_shortcuts (GTK_WIDGET (self), (const char *const[]) {
    "<Control>p", "soa.print",
    NULL });
}

/* For tests */

VaernTable *
vaern_soa_view_get_table (VaernSoaView *self)
{
  return self->table;
}

gint64
vaern_soa_view_get_version (VaernSoaView *self)
{
  return self->version_id;
}

void
vaern_soa_view_set_search (VaernSoaView *self,
                           const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

VaernDocument *
vaern_soa_view_get_document (VaernSoaView *self)
{
  return self->document;
}
