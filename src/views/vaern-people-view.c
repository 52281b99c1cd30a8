/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-view.h"
#include "core/vaern-date.h"
#include "vaern-assign-dialog.h"
#include "vaern-people-view.h"
#include "vaern-people-view-private.h"
#include "vaern-person-editor.h"
#include "widgets/vaern-ui-util.h"
#include "vaern-unit-editor.h"

/* People and Roles: who the people are, who holds which role for each
 * system and asset, and the organisational units. One list pane (a search
 * field and the tab's list) beside one detail pane; the tab (people,
 * systems, units) chooses which list and which details they show. Each
 * list is filtered and sorted on the document's own list models (nothing
 * is copied, so a list follows every edit, undo and redo). Each tab keeps
 * its own search text and selection; selections are kept by id, because
 * an edit replaces a row's object in the document's lists. */


static const char *const tab_names[N_TABS] = { "people", "systems", "units" };

static void vaern_people_view_iface_init (VaernViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VaernPeopleView, vaern_people_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VAERN_TYPE_VIEW,
                                                      vaern_people_view_iface_init))

static void update_people  (VaernPeopleView *self);
static void update_person  (VaernPeopleView *self);
static void update_assets  (VaernPeopleView *self);
static void update_asset   (VaernPeopleView *self);
static void update_units   (VaernPeopleView *self);
static void update_unit    (VaernPeopleView *self);
static void update_actions (VaernPeopleView *self);

gboolean
vaern_people_view_is_writable (VaernPeopleView *self)
{
  return self->document != NULL && !vaern_document_get_read_only (self->document);
}

const char *
vaern_people_view_visible_tab (VaernPeopleView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return name ? name : "people";
}

VaernPerson *
vaern_people_view_selected_person (VaernPeopleView *self)
{
  return gtk_single_selection_get_selected_item (self->people_selection);
}

VaernAsset *
vaern_people_view_selected_asset (VaernPeopleView *self)
{
  return gtk_single_selection_get_selected_item (self->assets_selection);
}

VaernUnit *
vaern_people_view_selected_unit (VaernPeopleView *self)
{
  return gtk_single_selection_get_selected_item (self->units_selection);
}

gint64
vaern_people_view_record_id (gpointer record)
{
  return record ? vaern_record_get_id (VAERN_RECORD (record)) : 0;
}

static gboolean
role_fits (VaernRole  *role,
           VaernAsset *asset)
{
  switch (role->scope)
    {
    case VAERN_ROLE_SCOPE_SYSTEM:
      return asset->kind == VAERN_ASSET_KIND_SYSTEM;
    case VAERN_ROLE_SCOPE_OTHER:
      return asset->kind != VAERN_ASSET_KIND_SYSTEM;
    case VAERN_ROLE_SCOPE_ANY:
    default:
      return TRUE;
    }
}

/* The single-holder role an asset of this kind must have a holder for:
 * systemejer for IT systems, asset owner for the rest. */
static gboolean
is_owner_role (VaernRole  *role,
               VaernAsset *asset)
{
  const char *key = asset->kind == VAERN_ASSET_KIND_SYSTEM ? VAERN_ROLE_SYSTEM_OWNER
                                                           : VAERN_ROLE_ASSET_OWNER;

  return g_strcmp0 (role->key, key) == 0;
}

static void
dialog_destroyed_cb (VaernPeopleView *self,
                     GtkWindow       *dialog)
{
  if (self->dialog == dialog)
    g_clear_weak_pointer (&self->dialog);
}

void
vaern_people_view_present_dialog (VaernPeopleView *self,
                GtkWindow       *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

GtkWindow *
vaern_people_view_parent_window (VaernPeopleView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
vaern_people_view_offer_undo (VaernPeopleView *self,
            const char      *message)
{
  vaern_view_offer_undo (GTK_WIDGET (self), message);
}

void
vaern_people_view_show_toast (VaernPeopleView *self,
            const char      *message)
{
  vaern_view_toast (GTK_WIDGET (self), message);
}

/* Selection by id */

static void
scroll_to (GtkListView *list,
           guint        position)
{
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", position);
}

/* Selects the row with the id again after the document replaced rows, or
 * takes whatever the selection moved to when that row is gone. */
static void
reselect (GtkSingleSelection *selection,
          GtkListView        *list,
          gint64             *id)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint position = *id ? vaern_record_list_find (model, *id) : GTK_INVALID_LIST_POSITION;

  if (position != GTK_INVALID_LIST_POSITION)
    {
      if (position != gtk_single_selection_get_selected (selection))
        {
          gtk_single_selection_set_selected (selection, position);
          scroll_to (list, position);
        }
    }
  else
    *id = vaern_people_view_record_id (gtk_single_selection_get_selected_item (selection));
}

gboolean
vaern_people_view_select_id (GtkSingleSelection *selection,
           GtkListView        *list,
           gint64              id)
{
  guint position = vaern_record_list_find (G_LIST_MODEL (selection), id);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (selection, position);
  scroll_to (list, position);
  return TRUE;
}

/* Filtering. Records carry a casefolded search key; each tab's search
 * (VaernSearch) is read once per change, and every word must match. */

static gboolean
person_matches (gpointer item,
                gpointer user_data)
{
  VaernPeopleView *self = user_data;

  return vaern_search_matches (&self->search[TAB_PEOPLE], VAERN_PERSON (item)->search_key);
}

static gboolean
asset_matches (gpointer item,
               gpointer user_data)
{
  VaernPeopleView *self = user_data;
  VaernAsset *asset = item;

  if (gtk_toggle_button_get_active (self->unowned_toggle)
      && !(asset->findings & VAERN_FINDING_NO_OWNER))
    return FALSE;
  return vaern_search_matches (&self->search[TAB_SYSTEMS], asset->search_key);
}

static gboolean
unit_matches (gpointer item,
              gpointer user_data)
{
  VaernPeopleView *self = user_data;
  VaernUnit *unit = item;
  g_autofree char *key = NULL;

  if (self->search[TAB_UNITS].needle == NULL)
    return TRUE;
  key = g_utf8_casefold (unit->path ? unit->path : unit->name, -1);
  return vaern_search_matches (&self->search[TAB_UNITS], key);
}

static GtkCustomFilter *
tab_filter (VaernPeopleView *self,
            Tab              tab)
{
  switch (tab)
    {
    case TAB_PEOPLE: return self->people_filter;
    case TAB_SYSTEMS: return self->assets_filter;
    case TAB_UNITS: return self->units_filter;
    default: g_assert_not_reached ();
    }
}

static void
update_tab_list (VaernPeopleView *self,
                 Tab              tab)
{
  switch (tab)
    {
    case TAB_PEOPLE: update_people (self); break;
    case TAB_SYSTEMS: update_assets (self); break;
    case TAB_UNITS: update_units (self); break;
    default: g_assert_not_reached ();
    }
}

/* The search field serves the tab shown: its text filters that tab's list,
 * telling the filter how the search changed, so it re-checks only what it
 * must. */
static void
search_changed_cb (VaernPeopleView *self)
{
  GtkFilterChange change;

  if (self->switching_tab)
    return;
  if (vaern_search_read (&self->search[self->tab], GTK_EDITABLE (self->search_entry), &change))
    gtk_filter_changed (GTK_FILTER (tab_filter (self, self->tab)), change);
  update_tab_list (self, self->tab);
}

static void
unowned_toggled_cb (VaernPeopleView *self)
{
  gtk_filter_changed (GTK_FILTER (self->assets_filter),
                      gtk_toggle_button_get_active (self->unowned_toggle)
                        ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  update_assets (self);
}

static void
search_stop_cb (GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static GtkListView *
tab_list (VaernPeopleView *self,
          Tab              tab)
{
  switch (tab)
    {
    case TAB_PEOPLE: return self->people_list;
    case TAB_SYSTEMS: return self->assets_list;
    case TAB_UNITS: return self->units_list;
    default: g_assert_not_reached ();
    }
}

/* Enter in the search field goes to the list, where Enter again edits. */
static void
search_activate_cb (VaernPeopleView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (tab_list (self, self->tab)));
}

/* Sets a tab's search text and filters at once, not after the typing delay. */
void
vaern_people_view_set_search_text (VaernPeopleView *self,
                 Tab              tab,
                 const char      *text)
{
  GtkFilterChange change;

  if (tab == self->tab)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      search_changed_cb (self);
      return;
    }
  g_free (self->search_text[tab]);
  self->search_text[tab] = g_strdup (text);
  if (vaern_search_set (&self->search[tab], text, &change))
    gtk_filter_changed (GTK_FILTER (tab_filter (self, tab)), change);
  update_tab_list (self, tab);
}

/* Closures of the list row templates */

static char *
person_subtitle_cb (gpointer    unused,
                    const char *title,
                    const char *unit_name)
{
  if (title && *title && unit_name && *unit_name)
    /* Translators: a person's job title and unit in a list, "Afdelingschef · Borgerservice" */
    return g_strdup_printf (_("%s · %s"), title, unit_name);
  if (title && *title)
    return g_strdup (title);
  return g_strdup (unit_name ? unit_name : "");
}

static char *
role_count_cb (gpointer unused,
               guint    n_roles)
{
  if (n_roles == 0)
    return g_strdup ("");
  /* Translators: how many roles a person holds today, in the list of people */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u role", "%u roles", n_roles),
                          n_roles);
}

static char *
asset_subtitle_cb (gpointer    unused,
                   guint       kind,
                   const char *owner_name)
{
  const char *kind_label = vaern_enum_label (&vaern_enum_asset_kind, kind);

  if (owner_name && *owner_name)
    /* Translators: the kind of an asset and its owner's name, "IT system · Anne Jensen" */
    return g_strdup_printf (_("%s · %s"), kind_label, owner_name);
  if (kind == VAERN_ASSET_KIND_SYSTEM)
    /* Translators: the kind of an asset, then that it has no owner */
    return g_strdup_printf (_("%s · no systemejer"), kind_label);
  /* Translators: the kind of an asset, then that it has no owner */
  return g_strdup_printf (_("%s · no owner"), kind_label);
}

static gboolean
asset_unowned_cb (gpointer unused,
                  guint    findings)
{
  return (findings & VAERN_FINDING_NO_OWNER) != 0;
}

static int
unit_indent_cb (gpointer unused,
                guint    depth)
{
  return 12 * MIN (depth, 8);
}

/* Top-level units (the directorates, mostly) stand out in the tree. */
static char **
unit_css_cb (gpointer unused,
             guint    depth)
{
  const char *top[] = { "heading", NULL };
  const char *other[] = { NULL };

  return g_strdupv ((char **) (depth == 0 ? top : other));
}

static char *
unit_kind_cb (gpointer unused,
              guint    kind)
{
  return g_strdup (vaern_enum_label (&vaern_enum_unit_kind, kind));
}

/* The People tab */

static GtkWidget *
create_responsibility_row (gpointer item,
                           gpointer user_data)
{
  VaernAssignment *x = item;
  g_autofree char *from = vaern_date_format (x->from_date);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), x->asset_name);
  /* Translators: a role held since a date, "Systemejer since 01-03-2024" */
  subtitle = g_strdup_printf (_("%s since %s"), x->role_name, from);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: tooltip of a button that opens a system in the Systems tab */
  gtk_widget_set_tooltip_text (button, _("Show the System’s Roles"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (button), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.show-asset");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (x->asset_id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
set_row_value (AdwActionRow *row,
               const char   *value)
{
  /* Translators: shown for a field that is empty */
  adw_action_row_set_subtitle (row, value && *value ? value : _("Not given"));
}

static void
update_person (VaernPeopleView *self)
{
  VaernPerson *person = vaern_people_view_selected_person (self);
  g_autoptr(GListModel) roles = NULL;

  if (person == NULL || self->document == NULL)
    {
      gtk_stack_set_visible_child_name (self->person_stack, "none");
      gtk_list_box_bind_model (self->responsibilities_list, NULL, NULL, NULL, NULL);
      return;
    }

  gtk_label_set_text (self->person_name_label, person->name);
  gtk_label_set_text (self->person_title_label, person->title ? person->title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->person_title_label),
                          person->title && *person->title);
  set_row_value (self->person_email_row, person->email);
  set_row_value (self->person_phone_row, person->phone);
  set_row_value (self->person_unit_row, person->unit_name);

  roles = vaern_document_list_assignments (self->document, 0, vaern_people_view_record_id (person), FALSE);
  gtk_list_box_bind_model (self->responsibilities_list, roles, create_responsibility_row, self,
                           NULL);
  gtk_stack_set_visible_child_name (self->person_stack, "person");
}

/* A tab whose list is empty in the document shows its empty page, with
 * the way to fill it, in place of the panes. */
static void
update_page (VaernPeopleView *self)
{
  GListModel *lists[N_TABS] = { self->people, self->assets, self->units };
  g_autofree char *empty = g_strconcat (tab_names[self->tab], "-empty", NULL);

  gtk_stack_set_visible_child_name (self->page_stack,
                                    self->document && g_list_model_get_n_items (lists[self->tab]) == 0
                                    ? empty : "content");
}

static void
update_people (VaernPeopleView *self)
{
  guint n_all = self->people ? g_list_model_get_n_items (self->people) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->people_filtered));

  update_page (self);
  gtk_stack_set_visible_child_name (self->people_list_stack,
                                    n_all > 0 && n_shown == 0 ? "no-matches" : "list");
  update_actions (self);
}

static void
people_selection_cb (VaernPeopleView *self)
{
  if (self->refreshing)
    return;
  self->person_id = vaern_people_view_record_id (vaern_people_view_selected_person (self));
  update_person (self);
  update_actions (self);
}

static void
people_list_activate_cb (VaernPeopleView *self,
                         guint            position)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "people.edit", NULL);
}

static void
navigate_back_cb (GtkWidget *button)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (button, ADW_TYPE_LEAFLET);

  adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

/* The Systems tab */

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  VaernAssignment *x = item;
  g_autofree char *from = vaern_date_format (x->from_date);
  g_autofree char *to = vaern_date_format (x->to_date);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), x->person_name);
  /* Translators: an ended role: role name, from date – to date */
  subtitle = g_strdup_printf (_("%s, %s – %s"), x->role_name, from, to);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
create_holder_row (VaernAssignment *x)
{
  g_autofree char *from = vaern_date_format (x->from_date);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), x->person_name);
  /* Translators: when a person got a role, "Since 01-03-2024" */
  subtitle = g_strdup_printf (_("Since %s"), from);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: button: the person no longer holds the role, from today */
  button = gtk_button_new_with_mnemonic (_("_End Role"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: tooltip of the End Role button */
  gtk_widget_set_tooltip_text (button, _("The person no longer holds the role from today. "
                                         "The assignment stays in the history."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.end-role");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (vaern_people_view_record_id (x)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* Translators: button: remove a role assignment that was made by mistake */
  button = gtk_button_new_with_mnemonic (_("_Remove"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: tooltip of the Remove button */
  gtk_widget_set_tooltip_text (button, _("Remove the assignment as if it was never made, "
                                         "for one made by mistake."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.remove-role");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (vaern_people_view_record_id (x)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
create_role_group (VaernPeopleView *self,
                   VaernAsset      *asset,
                   VaernRole       *role)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_markup_escape_text (role->name, -1);
  g_autofree char *tooltip = NULL;
  GtkWidget *button;
  guint n = g_list_model_get_n_items (self->asset_assignments);
  guint n_holders = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (role->description && *role->description)
    {
      g_autofree char *description = g_markup_escape_text (role->description, -1);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
    }

  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: tooltip of a button; %s is the name of a role, like Systemforvalter */
  tooltip = g_strdup_printf (_("Assign a %s…"), role->name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.assign-role");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (vaern_people_view_record_id (role)));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernAssignment) x = g_list_model_get_item (self->asset_assignments, i);

      if (x->role_id != vaern_people_view_record_id (role))
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_holder_row (x));
      n_holders++;
    }

  if (n_holders == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      if (is_owner_role (role, asset) && asset->kind == VAERN_ASSET_KIND_SYSTEM)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "vaern-finding");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          /* Translators: in the roles of a system: nobody is systemejer */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No systemejer"));
          gtk_widget_add_css_class (row, "vaern-finding");
        }
      else
        {
          /* Translators: in the roles of a system: nobody holds this role */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody"));
          gtk_widget_add_css_class (row, "dim-label");
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
update_asset (VaernPeopleView *self)
{
  VaernAsset *asset = vaern_people_view_selected_asset (self);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListStore) history = NULL;
  g_autoptr(VaernRole) owner_role = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *history_title = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus;
  GtkWidget *child;
  guint n;

  /* Rebuilding the role groups destroys the button that was just pressed;
   * the focus then goes to the Assign button rather than to nowhere. */
  had_focus = focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->roles_box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->roles_box))))
    gtk_box_remove (self->roles_box, child);
  g_clear_object (&self->asset_assignments);

  if (asset == NULL || self->document == NULL)
    {
      gtk_stack_set_visible_child_name (self->asset_stack, "none");
      gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
      return;
    }

  gtk_label_set_text (self->asset_name_label, asset->name);
  if (asset->unit_name && *asset->unit_name)
    /* Translators: the kind of an asset and its unit, "IT system · Borgerservice" */
    kind = g_strdup_printf (_("%s · %s"), vaern_enum_label (&vaern_enum_asset_kind, asset->kind),
                            asset->unit_name);
  else
    kind = g_strdup (vaern_enum_label (&vaern_enum_asset_kind, asset->kind));
  gtk_label_set_text (self->asset_kind_label, kind);

  owner_role = vaern_document_find_role_by_key (self->document, VAERN_ROLE_SYSTEM_OWNER);
  gtk_widget_set_visible (self->no_owner_box, (asset->findings & VAERN_FINDING_NO_OWNER) != 0);
  gtk_widget_set_visible (self->assign_owner_button, owner_role != NULL);
  if (owner_role)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->assign_owner_button),
                                            g_variant_new_int64 (vaern_people_view_record_id (owner_role)));

  /* Current holders by role, then the ended assignments. */
  all = vaern_document_list_assignments (self->document, vaern_people_view_record_id (asset), 0, TRUE);
  self->asset_assignments = G_LIST_MODEL (g_list_store_new (VAERN_TYPE_ASSIGNMENT));
  history = g_list_store_new (VAERN_TYPE_ASSIGNMENT);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernAssignment) x = g_list_model_get_item (all, i);

      g_list_store_append (x->to_date ? history : G_LIST_STORE (self->asset_assignments), x);
    }

  n = g_list_model_get_n_items (self->roles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernRole) role = g_list_model_get_item (self->roles, i);

      if (role_fits (role, asset))
        gtk_box_append (self->roles_box, create_role_group (self, asset, role));
    }

  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (history), create_history_row, self,
                           NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (history));
  if (n)
    /* Translators: heading of the ended role assignments of a system, with their number */
    history_title = g_strdup_printf (_("History (%u)"), n);
  else
    /* Translators: heading of the ended role assignments of a system */
    history_title = g_strdup (_("History"));
  gtk_label_set_text (self->history_label, history_title);

  gtk_stack_set_visible_child_name (self->asset_stack, "asset");
  if (had_focus)
    gtk_widget_grab_focus (self->assign_button);
}

static void
update_assets (VaernPeopleView *self)
{
  guint n_all = self->assets ? g_list_model_get_n_items (self->assets) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->assets_filtered));
  gboolean unowned = gtk_toggle_button_get_active (self->unowned_toggle);
  g_autofree char *count = NULL;
  guint n_unowned = 0;

  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(VaernAsset) asset = g_list_model_get_item (self->assets, i);

      if (asset->findings & VAERN_FINDING_NO_OWNER)
        n_unowned++;
    }
  adw_view_stack_page_set_badge_number (self->systems_page, n_unowned);
  adw_view_stack_page_set_needs_attention (self->systems_page, n_unowned > 0);

  update_page (self);
  gtk_stack_set_visible_child_name (self->assets_list_stack,
                                    n_all > 0 && n_shown == 0 ? "no-matches" : "list");
  if (unowned && self->search[TAB_SYSTEMS].needle == NULL)
    {
      adw_status_page_set_icon_name (self->assets_no_matches, "emblem-ok-symbolic");
      /* Translators: shown when the filter "Without systemejer" finds nothing */
      adw_status_page_set_title (self->assets_no_matches, _("Every System Has a Systemejer"));
    }
  else
    {
      adw_status_page_set_icon_name (self->assets_no_matches, "edit-find-symbolic");
      /* Translators: shown when a search finds nothing */
      adw_status_page_set_title (self->assets_no_matches, _("No Matches"));
    }

  if (n_shown == n_all)
    /* Translators: the number of systems and other assets in a list */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u asset", "%u assets", n_all),
                             n_all);
  else
    /* Translators: the number of assets a filter shows, of all, "3 of 40" */
    count = g_strdup_printf (_("%u of %u"), n_shown, n_all);
  gtk_label_set_text (self->assets_count_label, count);
  update_actions (self);
}

static void
assets_selection_cb (VaernPeopleView *self)
{
  if (self->refreshing)
    return;
  self->asset_id = vaern_people_view_record_id (vaern_people_view_selected_asset (self));
  update_asset (self);
  update_actions (self);
}

static void
assets_list_activate_cb (VaernPeopleView *self,
                         guint            position)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  gtk_widget_child_focus (self->asset_box, GTK_DIR_TAB_FORWARD);
}

/* The Units tab */

static void
update_units (VaernPeopleView *self)
{
  guint n_all = self->units ? g_list_model_get_n_items (self->units) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->units_filtered));

  update_page (self);
  gtk_stack_set_visible_child_name (self->units_list_stack,
                                    n_all > 0 && n_shown == 0 ? "no-matches" : "list");
  update_actions (self);
}

static GtkWidget *
create_unit_person_row (gpointer item,
                        gpointer user_data)
{
  VaernPerson *person = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (person->title && *person->title)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), person->title);
  return row;
}

static gboolean
person_in_unit (gpointer item,
                gpointer user_data)
{
  return VAERN_PERSON (item)->unit_id == *(gint64 *) user_data;
}

static void
update_unit (VaernPeopleView *self)
{
  VaernUnit *unit = vaern_people_view_selected_unit (self);
  gint64 unit_id = vaern_people_view_record_id (unit);
  GtkCustomFilter *filter;
  g_autofree char *kind = NULL;

  g_clear_object (&self->unit_people);
  if (unit == NULL || self->document == NULL)
    {
      gtk_stack_set_visible_child_name (self->unit_stack, "none");
      gtk_list_box_bind_model (self->unit_people_list, NULL, NULL, NULL, NULL);
      return;
    }
  gtk_label_set_text (self->unit_name_label, unit->name);
  kind = unit_kind_cb (NULL, unit->kind);
  if (unit->path && g_strcmp0 (unit->path, unit->name) != 0)
    {
      /* Translators: a unit's kind and where it sits, "Department · Økonomi › Løn" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), kind, unit->path);

      gtk_label_set_text (self->unit_path_label, text);
    }
  else
    gtk_label_set_text (self->unit_path_label, kind);

  filter = gtk_custom_filter_new (person_in_unit, g_memdup2 (&unit_id, sizeof unit_id), g_free);
  self->unit_people = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (self->people),
                                                               GTK_FILTER (filter)));
  gtk_list_box_bind_model (self->unit_people_list, self->unit_people, create_unit_person_row,
                           self, NULL);
  gtk_stack_set_visible_child_name (self->unit_stack, "unit");
}

static void
units_selection_cb (VaernPeopleView *self)
{
  if (self->refreshing)
    return;
  self->unit_id = vaern_people_view_record_id (vaern_people_view_selected_unit (self));
  update_unit (self);
  update_actions (self);
}

static void
units_list_activate_cb (VaernPeopleView *self,
                        guint            position)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "people.edit-unit", NULL);
}

/* Document */

/* The tab chooses what the one search field, the buttons beside it and
 * the detail pane serve. The field's text of the tab left is kept, and the
 * tab shown gets its own back. */
static void
tab_changed_cb (VaernPeopleView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  const char *placeholders[N_TABS] = {
    /* Translators: placeholder of a search field */
    N_("Search people"),
    /* Translators: placeholder of a search field */
    N_("Search systems and assets"),
    /* Translators: placeholder of a search field */
    N_("Search units"),
  };
  const char *back[N_TABS] = {
    /* Translators: tooltip of a button that goes back to a list */
    N_("All People"),
    /* Translators: tooltip of a button that goes back to a list */
    N_("All Systems"),
    /* Translators: tooltip of a button that goes back to a list */
    N_("All Units"),
  };
  Tab tab = TAB_PEOPLE;

  for (guint i = 0; name && i < N_TABS; i++)
    if (g_str_equal (name, tab_names[i]))
      tab = i;
  if (tab != self->tab)
    {
      g_free (self->search_text[self->tab]);
      self->search_text[self->tab] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      self->tab = tab;
      /* The tab's search is already applied: this only shows its text.
       * (Setting a text first empties the field, which a search entry
       * reports at once: that is not a search.) */
      self->switching_tab = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                             self->search_text[tab] ? self->search_text[tab] : "");
      self->switching_tab = FALSE;
      g_clear_pointer (&self->search_text[tab], g_free);
    }
  g_object_set (self->search_entry, "placeholder-text", _(placeholders[tab]), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(placeholders[tab]), -1);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (tab_list (self, tab)));
  gtk_widget_set_tooltip_text (self->back_button, _(back[tab]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(back[tab]), -1);
  gtk_stack_set_visible_child_name (self->tools_stack, tab_names[tab]);
  gtk_widget_set_visible (GTK_WIDGET (self->tools_stack), tab != TAB_SYSTEMS);
  gtk_stack_set_visible_child_name (self->detail_stack, tab_names[tab]);
  gtk_widget_set_visible (self->systems_filter_box, tab == TAB_SYSTEMS);
  update_page (self);
  update_actions (self);
}

static void
update_actions (VaernPeopleView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = vaern_people_view_is_writable (self);
  VaernPerson *person = vaern_people_view_selected_person (self);
  VaernAsset *asset = vaern_people_view_selected_asset (self);
  const char *tab = vaern_people_view_visible_tab (self);
  gboolean can_assign = FALSE;

  if (g_str_equal (tab, "systems"))
    can_assign = asset != NULL;
  else if (g_str_equal (tab, "people"))
    can_assign = person != NULL;

  gtk_widget_action_set_enabled (widget, "people.add", writable);
  gtk_widget_action_set_enabled (widget, "people.edit", writable && person);
  gtk_widget_action_set_enabled (widget, "people.delete", writable && person);
  gtk_widget_action_set_enabled (widget, "people.hand-over",
                                 writable && person && person->n_roles > 0
                                 && g_list_model_get_n_items (self->people) > 1);
  gtk_widget_action_set_enabled (widget, "people.assign", writable && can_assign);
  gtk_widget_action_set_enabled (widget, "people.assign-role", writable && asset);
  gtk_widget_action_set_enabled (widget, "people.end-role", writable);
  gtk_widget_action_set_enabled (widget, "people.remove-role", writable);
  gtk_widget_action_set_enabled (widget, "people.show-asset", self->document != NULL);
  gtk_widget_action_set_enabled (widget, "people.show-unowned", self->document != NULL);
  gtk_widget_action_set_enabled (widget, "people.add-unit", writable);
  gtk_widget_action_set_enabled (widget, "people.add-top-unit", writable);
  gtk_widget_action_set_enabled (widget, "people.edit-unit", writable && vaern_people_view_selected_unit (self));
  gtk_widget_action_set_enabled (widget, "people.delete-unit", writable && vaern_people_view_selected_unit (self));
  gtk_widget_action_set_enabled (widget, "people.add-kitos-roles", writable);
}

static gboolean
end_refresh_idle_cb (gpointer user_data)
{
  VaernPeopleView *self = user_data;

  self->refresh_idle = 0;
  self->refreshing = FALSE;
  return G_SOURCE_REMOVE;
}

/* The document is about to replace rows of its lists: the selections may
 * move to a neighbour while it does, which is not the person's choice, so
 * they are put back by id when ::changed says the edit is complete. The
 * idle only guards against a refresh that ends without ::changed. */
static void
document_rows_changing_cb (VaernPeopleView *self)
{
  self->refreshing = TRUE;
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (end_refresh_idle_cb, self);
}

static void
document_changed_cb (VaernPeopleView *self)
{
  self->refreshing = TRUE;
  reselect (self->people_selection, self->people_list, &self->person_id);
  reselect (self->assets_selection, self->assets_list, &self->asset_id);
  reselect (self->units_selection, self->units_list, &self->unit_id);
  self->refreshing = FALSE;
  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  update_people (self);
  update_person (self);
  update_assets (self);
  update_asset (self);
  update_units (self);
  update_unit (self);
}

static void
connect_list (VaernPeopleView *self,
              GListModel     **slot,
              GListModel      *list)
{
  *slot = g_object_ref (list);
  /* Connected before the view's own models, so it runs before they react. */
  g_signal_connect_object (list, "items-changed", G_CALLBACK (document_rows_changing_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
disconnect_list (VaernPeopleView *self,
                 GListModel     **slot)
{
  if (*slot)
    g_signal_handlers_disconnect_by_data (*slot, self);
  g_clear_object (slot);
}

static void
vaern_people_view_set_document (VaernView     *view,
                                VaernDocument *document)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (view);

  if (self->document == document)
    return;

  if (self->document)
    {
      if (self->dialog)
        gtk_window_destroy (self->dialog);
      g_signal_handlers_disconnect_by_data (self->document, self);
      gtk_sort_list_model_set_model (self->people_sorted, NULL);
      gtk_sort_list_model_set_model (self->assets_sorted, NULL);
      gtk_filter_list_model_set_model (self->units_filtered, NULL);
      disconnect_list (self, &self->people);
      disconnect_list (self, &self->assets);
      disconnect_list (self, &self->units);
      disconnect_list (self, &self->roles);
      g_clear_object (&self->asset_assignments);
      g_clear_object (&self->unit_people);
      g_clear_object (&self->document);
    }

  self->person_id = self->asset_id = self->unit_id = 0;
  self->refreshing = FALSE;
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  for (Tab tab = 0; tab < N_TABS; tab++)
    vaern_people_view_set_search_text (self, tab, "");
  gtk_toggle_button_set_active (self->unowned_toggle, FALSE);

  if (document)
    {
      self->document = g_object_ref (document);
      connect_list (self, &self->people, vaern_document_get_people (document));
      connect_list (self, &self->assets, vaern_document_get_assets (document));
      connect_list (self, &self->units, vaern_document_get_units (document));
      connect_list (self, &self->roles, vaern_document_get_roles (document));
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::read-only", G_CALLBACK (update_actions), self,
                               G_CONNECT_SWAPPED);
      gtk_sort_list_model_set_model (self->people_sorted, self->people);
      gtk_sort_list_model_set_model (self->assets_sorted, self->assets);
      gtk_filter_list_model_set_model (self->units_filtered, self->units);
      self->person_id = vaern_people_view_record_id (vaern_people_view_selected_person (self));
      self->asset_id = vaern_people_view_record_id (vaern_people_view_selected_asset (self));
      self->unit_id = vaern_people_view_record_id (vaern_people_view_selected_unit (self));
    }

  update_people (self);
  update_person (self);
  update_assets (self);
  update_asset (self);
  update_units (self);
  update_unit (self);
}

static void
vaern_people_view_focus_search (VaernView *view)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (view);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
vaern_people_view_iface_init (VaernViewInterface *iface)
{
  iface->set_document = vaern_people_view_set_document;
  iface->focus_search = vaern_people_view_focus_search;
}

/* Public API */

void
vaern_people_view_show_unowned (VaernPeopleView *self)
{
  g_return_if_fail (VAERN_IS_PEOPLE_VIEW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "systems");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  vaern_people_view_set_search_text (self, TAB_SYSTEMS, "");
  gtk_toggle_button_set_active (self->unowned_toggle, TRUE);
  update_actions (self);
}

void
vaern_people_view_show_asset (VaernPeopleView *self,
                              gint64           asset_id)
{
  g_return_if_fail (VAERN_IS_PEOPLE_VIEW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "systems");
  if (!vaern_people_view_select_id (self->assets_selection, self->assets_list, asset_id))
    {
      /* A filter hides it: show everything, then select it. */
      vaern_people_view_set_search_text (self, TAB_SYSTEMS, "");
      gtk_toggle_button_set_active (self->unowned_toggle, FALSE);
      if (!vaern_people_view_select_id (self->assets_selection, self->assets_list, asset_id))
        return;
    }
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  update_actions (self);
}

/* Ctrl+Shift+N adds what the visible tab lists. */
static gboolean
add_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);
  const char *tab = vaern_people_view_visible_tab (self);

  if (g_str_equal (tab, "systems"))
    return gtk_widget_activate_action (widget, "people.assign", NULL);
  if (g_str_equal (tab, "units"))
    return gtk_widget_activate_action (widget, "people.add-unit", NULL);
  return gtk_widget_activate_action (widget, "people.add", NULL);
}

static gboolean
focus_within (GtkWidget *focus,
              gpointer   widget)
{
  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Delete in a list deletes its selected row. It is caught on the way down
 * (capture phase): the lists forward typing to their search fields, which
 * would otherwise take the key as "delete a character". */
static gboolean
delete_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus_within (focus, self->people_list))
    return gtk_widget_activate_action (widget, "people.delete", NULL);
  if (focus_within (focus, self->units_list))
    return gtk_widget_activate_action (widget, "people.delete-unit", NULL);
  return FALSE;
}

/* Ctrl+E edits the selected row of the visible tab. */
static gboolean
edit_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  const char *tab = vaern_people_view_visible_tab (VAERN_PEOPLE_VIEW (widget));

  if (g_str_equal (tab, "units"))
    return gtk_widget_activate_action (widget, "people.edit-unit", NULL);
  if (g_str_equal (tab, "people"))
    return gtk_widget_activate_action (widget, "people.edit", NULL);
  return FALSE;
}

/* For the tests */

static GtkSingleSelection *
tab_selection (VaernPeopleView *self,
               const char      *tab,
               GtkListView    **list)
{
  if (g_strcmp0 (tab, "systems") == 0)
    {
      *list = self->assets_list;
      return self->assets_selection;
    }
  if (g_strcmp0 (tab, "units") == 0)
    {
      *list = self->units_list;
      return self->units_selection;
    }
  *list = self->people_list;
  return self->people_selection;
}

GListModel *
vaern_people_view_get_shown (VaernPeopleView *self,
                             const char      *tab)
{
  GtkListView *list;

  g_return_val_if_fail (VAERN_IS_PEOPLE_VIEW (self), NULL);
  return G_LIST_MODEL (tab_selection (self, tab, &list));
}

gint64
vaern_people_view_get_selected (VaernPeopleView *self,
                                const char      *tab)
{
  GtkListView *list;

  g_return_val_if_fail (VAERN_IS_PEOPLE_VIEW (self), 0);
  return vaern_people_view_record_id (gtk_single_selection_get_selected_item (tab_selection (self, tab, &list)));
}

gboolean
vaern_people_view_select (VaernPeopleView *self,
                          const char      *tab,
                          gint64           id)
{
  GtkSingleSelection *selection;
  GtkListView *list;

  g_return_val_if_fail (VAERN_IS_PEOPLE_VIEW (self), FALSE);
  selection = tab_selection (self, tab, &list);
  adw_view_stack_set_visible_child_name (self->view_stack, tab);
  return vaern_people_view_select_id (selection, list, id);
}

const char *
vaern_people_view_get_tab (VaernPeopleView *self)
{
  g_return_val_if_fail (VAERN_IS_PEOPLE_VIEW (self), NULL);
  return vaern_people_view_visible_tab (self);
}

void
vaern_people_view_search (VaernPeopleView *self,
                          const char      *text)
{
  g_return_if_fail (VAERN_IS_PEOPLE_VIEW (self));
  vaern_people_view_set_search_text (self, self->tab, text);
}

GtkWindow *
vaern_people_view_get_dialog (VaernPeopleView *self)
{
  g_return_val_if_fail (VAERN_IS_PEOPLE_VIEW (self), NULL);
  return self->dialog;
}

void
vaern_people_view_answer (VaernPeopleView *self,
                          gint64           person_id,
                          const char      *response)
{
  AdwMessageDialog *dialog;
  GtkDropDown *dropdown;
  GtkCheckButton *check;

  g_return_if_fail (VAERN_IS_PEOPLE_VIEW (self));
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (self->dialog));

  dialog = ADW_MESSAGE_DIALOG (self->dialog);
  dropdown = g_object_get_data (G_OBJECT (dialog), "vaern-person-dropdown");
  vaern_record_dropdown_set_id (dropdown, person_id);
  check = g_object_get_data (G_OBJECT (dialog),
                             person_id ? "vaern-hand-check" : "vaern-delete-check");
  if (check)
    gtk_check_button_set_active (check, TRUE);
  if (adw_message_dialog_has_response (dialog, response)
      && !adw_message_dialog_get_response_enabled (dialog, response))
    return;
  adw_message_dialog_response (dialog, response);
  if (self->dialog)
    gtk_window_destroy (self->dialog);
}

gboolean
vaern_people_view_get_warns_unowned (VaernPeopleView *self)
{
  g_return_val_if_fail (VAERN_IS_PEOPLE_VIEW (self), FALSE);
  return g_str_equal (gtk_stack_get_visible_child_name (self->asset_stack), "asset")
         && gtk_widget_get_visible (self->no_owner_box);
}

/* Life cycle */

static void
vaern_people_view_dispose (GObject *object)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (object);

  if (self->document)
    vaern_people_view_set_document (VAERN_VIEW (self), NULL);
  g_clear_weak_pointer (&self->dialog);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_PEOPLE_VIEW);
  g_clear_object (&self->people_filter);
  g_clear_object (&self->assets_filter);
  g_clear_object (&self->units_filter);
  for (Tab tab = 0; tab < N_TABS; tab++)
    {
      vaern_search_clear (&self->search[tab]);
      g_clear_pointer (&self->search_text[tab], g_free);
    }

  G_OBJECT_CLASS (vaern_people_view_parent_class)->dispose (object);
}

static void
vaern_people_view_class_init (VaernPeopleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_people_view_dispose;

  g_type_ensure (VAERN_TYPE_PERSON);
  g_type_ensure (VAERN_TYPE_ASSET);
  g_type_ensure (VAERN_TYPE_UNIT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-people-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, content);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, systems_page);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, tools_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, systems_filter_box);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, back_button);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, people_list_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, people_list);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, people_selection);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, people_sorted);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, people_filtered);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, person_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, person_name_label);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, person_title_label);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, person_email_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, person_phone_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, person_unit_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, responsibilities_list);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, unowned_toggle);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, assets_count_label);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, assets_list_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, assets_no_matches);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, assets_list);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, assets_selection);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, assets_sorted);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, assets_filtered);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, asset_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, asset_box);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, asset_name_label);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, asset_kind_label);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, assign_button);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, no_owner_box);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, assign_owner_button);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, roles_box);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, history_label);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, history_list);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, unit_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, unit_name_label);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, unit_path_label);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, unit_people_list);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, add_unit_button);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, units_list_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, units_list);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, units_selection);
  gtk_widget_class_bind_template_child (widget_class, VaernPeopleView, units_filtered);

  gtk_widget_class_bind_template_callback (widget_class, tab_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, unowned_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, people_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, assets_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, units_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, people_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, assets_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, units_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, navigate_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_subtitle_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_count_cb);
  gtk_widget_class_bind_template_callback (widget_class, asset_subtitle_cb);
  gtk_widget_class_bind_template_callback (widget_class, asset_unowned_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_indent_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_css_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_kind_cb);

  vaern_people_view_class_init_actions (widget_class);

}

static void
vaern_people_view_init (VaernPeopleView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* libadwaita 1.2 gives the arrow of a split button neither a tooltip nor
   * a name: a screen reader reads a nameless button. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->add_unit_button));
       child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      {
        /* Translators: tooltip and accessible name of the arrow beside Add Unit… */
        gtk_widget_set_tooltip_text (child, _("More Actions"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        gtk_widget_get_tooltip_text (child), -1);
      }

  self->people_filter = gtk_custom_filter_new (person_matches, self, NULL);
  self->assets_filter = gtk_custom_filter_new (asset_matches, self, NULL);
  self->units_filter = gtk_custom_filter_new (unit_matches, self, NULL);
  gtk_filter_list_model_set_filter (self->people_filtered, GTK_FILTER (self->people_filter));
  gtk_filter_list_model_set_filter (self->assets_filtered, GTK_FILTER (self->assets_filter));
  gtk_filter_list_model_set_filter (self->units_filtered, GTK_FILTER (self->units_filter));

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                            "Delete|KP_Delete"),
                                                          gtk_callback_action_new (delete_key_cb,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Managed by the window: these work wherever the focus is, while the
   * view is shown. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                            "<Control><Shift>n"),
                                                          gtk_callback_action_new (add_shortcut_cb,
                                                                                   NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                            "<Control>e"),
                                                          gtk_callback_action_new (edit_shortcut_cb,
                                                                                   NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                            "<Control><Shift>u"),
                                                          gtk_named_action_new (
                                                            "people.show-unowned")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  vaern_tab_leaves (GTK_WIDGET (self->people_list));
  vaern_tab_leaves (GTK_WIDGET (self->assets_list));
  vaern_tab_leaves (GTK_WIDGET (self->units_list));
  tab_changed_cb (self);

  update_people (self);
  update_person (self);
  update_assets (self);
  update_asset (self);
  update_units (self);
  update_unit (self);
}
