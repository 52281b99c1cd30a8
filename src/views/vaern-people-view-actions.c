/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/vaern-date.h"
#include "vaern-assign-dialog.h"
#include "vaern-people-view-private.h"
#include "vaern-person-editor.h"
#include "vaern-unit-editor.h"
#include "vaern-view.h"
#include "widgets/vaern-ui-util.h"

/* The People and Roles view's actions (people.*): people, their roles and
 * the units. The view itself, its lists and details, is in
 * vaern-people-view.c. */

/* Person actions */

static void
person_saved_cb (VaernPeopleView *self,
                 gint64           person_id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "people");
  if (!vaern_people_view_select_id (self->people_selection, self->people_list, person_id))
    {
      vaern_people_view_set_search_text (self, TAB_PEOPLE, "");
      vaern_people_view_select_id (self->people_selection, self->people_list, person_id);
    }
}

static void
open_person_editor (VaernPeopleView *self,
                    VaernPerson     *person)
{
  VaernPersonEditor *editor = vaern_person_editor_new (vaern_people_view_parent_window (self), self->document,
                                                       person);

  g_signal_connect_object (editor, "saved", G_CALLBACK (person_saved_cb), self,
                           G_CONNECT_SWAPPED);
  vaern_people_view_present_dialog (self, GTK_WINDOW (editor));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);

  if (vaern_people_view_is_writable (self))
    open_person_editor (self, NULL);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);

  if (vaern_people_view_is_writable (self) && vaern_people_view_selected_person (self))
    open_person_editor (self, vaern_people_view_selected_person (self));
}

static void
delete_person (VaernPeopleView *self,
               gint64           person_id,
               gint64           successor_id)
{
  g_autoptr(VaernPerson) person = vaern_document_find_person (self->document, person_id);
  g_autoptr(VaernPerson) successor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (person == NULL)
    return;
  if (successor_id)
    successor = vaern_document_find_person (self->document, successor_id);
  if (!vaern_document_delete_person (self->document, person_id, successor_id, &error))
    {
      /* Translators: heading of an error message */
      vaern_show_error (GTK_WIDGET (self), _("Could Not Delete the Person"), error);
      return;
    }
  if (successor)
    /* Translators: notification after deleting a person whose roles went to another */
    message = g_strdup_printf (_("Deleted %s and handed the roles to %s"), person->name,
                               successor->name);
  else
    /* Translators: notification after deleting a person */
    message = g_strdup_printf (_("Deleted %s"), person->name);
  vaern_people_view_offer_undo (self, message);
}

/* The person drop-down of a question: everyone but the person asked about,
 * sorted by name, with no one chosen yet. */
static GtkDropDown *
other_people_dropdown (VaernPeopleView *self,
                       gint64           except_id)
{
  GtkSorter *by_name = gtk_sort_list_model_get_sorter (self->people_sorted);
  GtkSortListModel *sorted;
  GListStore *others = g_list_store_new (VAERN_TYPE_PERSON);
  GtkDropDown *dropdown;
  guint n;

  sorted = gtk_sort_list_model_new (g_object_ref (self->people), g_object_ref (by_name));
  n = g_list_model_get_n_items (G_LIST_MODEL (sorted));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernPerson) person = g_list_model_get_item (G_LIST_MODEL (sorted), i);

      if (vaern_people_view_record_id (person) != except_id)
        g_list_store_append (others, person);
    }
  /* Translators: the empty choice of a drop-down of people */
  dropdown = vaern_record_dropdown_new (G_LIST_MODEL (others), "name", 0, _("Choose a person…"));
  g_object_unref (others);
  g_object_unref (sorted);
  return dropdown;
}

static void
update_delete_question (AdwMessageDialog *dialog)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "vaern-person-dropdown");
  GtkCheckButton *hand = g_object_get_data (G_OBJECT (dialog), "vaern-hand-check");

  adw_message_dialog_set_response_enabled (dialog, "delete",
                                           !gtk_check_button_get_active (hand)
                                           || vaern_record_dropdown_get_id (dropdown) != 0);
}

static void
delete_question_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             VaernPeopleView  *self)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "vaern-person-dropdown");
  GtkCheckButton *hand = g_object_get_data (G_OBJECT (dialog), "vaern-hand-check");
  gint64 *person_id = g_object_get_data (G_OBJECT (dialog), "vaern-person-id");
  gint64 successor = 0;

  if (!g_str_equal (response, "delete") || self->document == NULL)
    return;
  if (gtk_check_button_get_active (hand))
    {
      successor = vaern_record_dropdown_get_id (dropdown);
      if (successor == 0)
        return;
    }
  delete_person (self, *person_id, successor);
}

static void
ask_delete_person (VaernPeopleView *self,
                   VaernPerson     *person)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/vaern/Vaern/vaern-people-questions.ui");
  GtkWidget *dialog;
  GtkWidget *row = GTK_WIDGET (gtk_builder_get_object (builder, "hand_row"));
  GtkWidget *hand = GTK_WIDGET (gtk_builder_get_object (builder, "hand_check"));
  GtkWidget *drop = GTK_WIDGET (gtk_builder_get_object (builder, "delete_check"));
  GtkDropDown *dropdown = other_people_dropdown (self, vaern_people_view_record_id (person));
  gint64 id = vaern_people_view_record_id (person);
  const char *body;

  dialog = GTK_WIDGET (vaern_question_new (vaern_people_view_parent_window (self), NULL, NULL,
                                           /* Translators: a button */
                                           "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE));
  /* Translators: heading of a question; %s is a person's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete %s?"), person->name);
  /* Translators: body of a question; %s is a person's name, %u the number of roles */
  body = g_dngettext (GETTEXT_PACKAGE, "%s holds %u role. Hand it to someone else, or delete it "
                                       "with the person. A system without a systemejer is a "
                                       "finding.",
                      "%s holds %u roles. Hand them to someone else, or delete them with the "
                      "person. A system without a systemejer is a finding.",
                      person->n_roles);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), body, person->name,
                                  person->n_roles);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (dropdown));
  /* The row's check box is what the row activates: the drop-down is named
   * after the row by hand. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      GTK_WIDGET (gtk_builder_get_object (builder, "delete_choices")));


  g_object_set_data (G_OBJECT (dialog), "vaern-person-dropdown", dropdown);
  g_object_set_data (G_OBJECT (dialog), "vaern-hand-check", hand);
  g_object_set_data (G_OBJECT (dialog), "vaern-delete-check", drop);
  g_object_set_data_full (G_OBJECT (dialog), "vaern-person-id", g_memdup2 (&id, sizeof id),
                          g_free);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (update_delete_question),
                            dialog);
  g_signal_connect_swapped (hand, "toggled", G_CALLBACK (update_delete_question), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_question_response_cb), self, 0);
  update_delete_question (ADW_MESSAGE_DIALOG (dialog));
  vaern_people_view_present_dialog (self, GTK_WINDOW (dialog));
}

static void
delete_person_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);
  VaernPerson *person = vaern_people_view_selected_person (self);

  if (!vaern_people_view_is_writable (self) || person == NULL)
    return;
  if (person->n_roles == 0)
    delete_person (self, vaern_people_view_record_id (person), 0);
  else
    ask_delete_person (self, person);
}

static void
update_hand_over_question (AdwMessageDialog *dialog)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "vaern-person-dropdown");
  GtkWidget *date_row = g_object_get_data (G_OBJECT (dialog), "vaern-date-row");
  g_autofree char *iso = NULL;
  gboolean date_ok = vaern_entry_get_date (GTK_EDITABLE (date_row), &iso, NULL) && iso != NULL;

  if (date_ok)
    gtk_widget_remove_css_class (date_row, "error");
  else
    gtk_widget_add_css_class (date_row, "error");
  adw_message_dialog_set_response_enabled (dialog, "hand-over",
                                           date_ok && vaern_record_dropdown_get_id (dropdown) != 0);
}

static void
hand_over_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       VaernPeopleView  *self)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "vaern-person-dropdown");
  GtkWidget *date_row = g_object_get_data (G_OBJECT (dialog), "vaern-date-row");
  gint64 *from_id = g_object_get_data (G_OBJECT (dialog), "vaern-person-id");
  g_autoptr(VaernPerson) from = NULL;
  g_autoptr(VaernPerson) to = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  gint64 to_id = vaern_record_dropdown_get_id (dropdown);
  guint n;

  if (!g_str_equal (response, "hand-over") || self->document == NULL || to_id == 0)
    return;
  if (!vaern_entry_get_date (GTK_EDITABLE (date_row), &iso, &error))
    {
      /* Translators: heading of an error message */
      vaern_show_error (GTK_WIDGET (self), _("Could Not Hand Over the Roles"), error);
      return;
    }
  from = vaern_document_find_person (self->document, *from_id);
  to = vaern_document_find_person (self->document, to_id);
  if (from == NULL || to == NULL)
    return;
  n = vaern_document_hand_over_roles (self->document, *from_id, to_id, iso, &error);
  if (error)
    {
      /* Translators: heading of an error message */
      vaern_show_error (GTK_WIDGET (self), _("Could Not Hand Over the Roles"), error);
      return;
    }
  /* Translators: notification; %u is a number of roles, the %s are people's names */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Handed %u role from %s to %s",
                                          "Handed %u roles from %s to %s", n),
                             n, from->name, to->name);
  vaern_people_view_offer_undo (self, message);
}

static void
hand_over_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);
  VaernPerson *person = vaern_people_view_selected_person (self);
  g_autofree char *today = vaern_date_today ();
  g_autoptr(GtkBuilder) builder = NULL;
  GtkDropDown *dropdown;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *date_row;
  const char *body;
  gint64 id;

  if (!vaern_people_view_is_writable (self) || person == NULL)
    return;
  id = vaern_people_view_record_id (person);
  dropdown = other_people_dropdown (self, id);

  /* Translators: heading of a dialog */
  dialog = GTK_WIDGET (vaern_question_new (vaern_people_view_parent_window (self), _("Hand Over Roles"), NULL,
                                           /* Translators: a button: give the roles to the chosen person */
                                           "hand-over", _("_Hand Over"), ADW_RESPONSE_SUGGESTED));
  /* Translators: body of a dialog; %s is a person's name, %u the number of roles */
  body = g_dngettext (GETTEXT_PACKAGE, "%s holds %u role. Who takes it over, and from which "
                                       "date? The current assignment ends on that date and "
                                       "stays in the history.",
                      "%s holds %u roles. Who takes them over, and from which date? The current "
                      "assignments end on that date and stay in the history.",
                      person->n_roles);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), body, person->name,
                                  person->n_roles);

  builder = gtk_builder_new_from_resource ("/io/github/vaern/Vaern/vaern-people-questions.ui");
  row = GTK_WIDGET (gtk_builder_get_object (builder, "to_row"));
  date_row = GTK_WIDGET (gtk_builder_get_object (builder, "from_row"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (dropdown));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (dropdown));
  vaern_entry_set_date (GTK_EDITABLE (date_row), today);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      GTK_WIDGET (gtk_builder_get_object (builder, "hand_over_fields")));


  g_object_set_data (G_OBJECT (dialog), "vaern-person-dropdown", dropdown);
  g_object_set_data (G_OBJECT (dialog), "vaern-date-row", date_row);
  g_object_set_data_full (G_OBJECT (dialog), "vaern-person-id", g_memdup2 (&id, sizeof id),
                          g_free);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (update_hand_over_question),
                            dialog);
  g_signal_connect_swapped (date_row, "changed", G_CALLBACK (update_hand_over_question), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (hand_over_response_cb), self, 0);
  update_hand_over_question (ADW_MESSAGE_DIALOG (dialog));
  vaern_people_view_present_dialog (self, GTK_WINDOW (dialog));
}

/* Role actions */

static void
open_assign_dialog (VaernPeopleView *self,
                    gint64           asset_id,
                    gint64           person_id,
                    gint64           role_id)
{
  VaernAssignDialog *dialog = vaern_assign_dialog_new (vaern_people_view_parent_window (self), self->document,
                                                       asset_id, person_id, role_id);

  vaern_people_view_present_dialog (self, GTK_WINDOW (dialog));
}

static void
assign_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);
  const char *tab = vaern_people_view_visible_tab (self);

  if (!vaern_people_view_is_writable (self))
    return;
  if (g_str_equal (tab, "systems") && vaern_people_view_selected_asset (self))
    open_assign_dialog (self, vaern_people_view_record_id (vaern_people_view_selected_asset (self)), 0, 0);
  else if (g_str_equal (tab, "people") && vaern_people_view_selected_person (self))
    open_assign_dialog (self, 0, vaern_people_view_record_id (vaern_people_view_selected_person (self)), 0);
}

static void
assign_role_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);

  if (vaern_people_view_is_writable (self) && vaern_people_view_selected_asset (self))
    open_assign_dialog (self, vaern_people_view_record_id (vaern_people_view_selected_asset (self)), 0, g_variant_get_int64 (param));
}

/* The current assignment of the selected asset with the id, or NULL. */
static VaernAssignment *
find_assignment (VaernPeopleView *self,
                 gint64           id)
{
  guint n = self->asset_assignments ? g_list_model_get_n_items (self->asset_assignments) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernAssignment) x = g_list_model_get_item (self->asset_assignments, i);

      if (vaern_people_view_record_id (x) == id)
        return g_steal_pointer (&x);
    }
  return NULL;
}

static void
end_role_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(VaernAssignment) x = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!vaern_people_view_is_writable (self) || (x = find_assignment (self, id)) == NULL)
    return;
  if (!vaern_document_end_assignment (self->document, id, NULL, &error))
    {
      /* Translators: heading of an error message */
      vaern_show_error (widget, _("Could Not End the Role"), error);
      return;
    }
  /* Translators: notification: "Anne Jensen is no longer Systemejer of “Journalix”" */
  message = g_strdup_printf (_("%s is no longer %s of “%s”"), x->person_name, x->role_name,
                             x->asset_name);
  vaern_people_view_offer_undo (self, message);
}

static void
remove_role_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(VaernAssignment) x = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!vaern_people_view_is_writable (self) || (x = find_assignment (self, id)) == NULL)
    return;
  if (!vaern_document_delete_assignment (self->document, id, &error))
    {
      /* Translators: heading of an error message */
      vaern_show_error (widget, _("Could Not Remove the Role"), error);
      return;
    }
  /* Translators: notification: "Removed Anne Jensen as Systemejer of “Journalix”" */
  message = g_strdup_printf (_("Removed %s as %s of “%s”"), x->person_name, x->role_name,
                             x->asset_name);
  vaern_people_view_offer_undo (self, message);
}

static void
show_asset_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  vaern_people_view_show_asset (VAERN_PEOPLE_VIEW (widget), g_variant_get_int64 (param));
}

static void
show_unowned_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  vaern_people_view_show_unowned (VAERN_PEOPLE_VIEW (widget));
}

static void
add_kitos_roles_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (!vaern_people_view_is_writable (self))
    return;
  n = vaern_document_add_kitos_roles (self->document, &error);
  if (error)
    {
      /* Translators: heading of an error message */
      vaern_show_error (widget, _("Could Not Add the KITOS Roles"), error);
      return;
    }
  if (n == 0)
    {
      /* Translators: notification */
      vaern_people_view_show_toast (self, _("The document already has all the KITOS roles"));
      return;
    }
  /* Translators: notification; %u is a number of roles */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u KITOS role",
                                          "Added %u KITOS roles", n), n);
  vaern_people_view_offer_undo (self, message);
}

/* Unit actions */

static void
unit_saved_cb (VaernPeopleView *self,
               gint64           unit_id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "units");
  if (!vaern_people_view_select_id (self->units_selection, self->units_list, unit_id))
    {
      vaern_people_view_set_search_text (self, TAB_UNITS, "");
      vaern_people_view_select_id (self->units_selection, self->units_list, unit_id);
    }
}

static void
open_unit_editor (VaernPeopleView *self,
                  VaernUnit       *unit,
                  gint64           parent_id)
{
  VaernUnitEditor *editor = vaern_unit_editor_new (vaern_people_view_parent_window (self), self->document, unit,
                                                   parent_id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (unit_saved_cb), self, G_CONNECT_SWAPPED);
  vaern_people_view_present_dialog (self, GTK_WINDOW (editor));
}

static void
add_unit_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);

  if (vaern_people_view_is_writable (self))
    open_unit_editor (self, NULL, vaern_people_view_record_id (vaern_people_view_selected_unit (self)));
}

static void
add_top_unit_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);

  if (vaern_people_view_is_writable (self))
    open_unit_editor (self, NULL, 0);
}

static void
edit_unit_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);

  if (vaern_people_view_is_writable (self) && vaern_people_view_selected_unit (self))
    open_unit_editor (self, vaern_people_view_selected_unit (self), 0);
}

static void
delete_unit_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  VaernPeopleView *self = VAERN_PEOPLE_VIEW (widget);
  VaernUnit *unit = vaern_people_view_selected_unit (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *unit_name = NULL;
  g_autofree char *message = NULL;

  if (!vaern_people_view_is_writable (self) || unit == NULL)
    return;
  unit_name = g_strdup (unit->name);
  if (!vaern_document_delete_unit (self->document, vaern_people_view_record_id (unit), &error))
    {
      /* Translators: heading of an error message */
      vaern_show_error (widget, _("Could Not Delete the Unit"), error);
      return;
    }
  /* Translators: notification after deleting; %s is the name of a unit */
  message = g_strdup_printf (_("Deleted “%s”"), unit_name);
  vaern_people_view_offer_undo (self, message);
}

void
vaern_people_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "people.edit", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "people.delete", NULL, delete_person_action);
  gtk_widget_class_install_action (widget_class, "people.hand-over", NULL, hand_over_action);
  gtk_widget_class_install_action (widget_class, "people.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "people.assign-role", "x", assign_role_action);
  gtk_widget_class_install_action (widget_class, "people.end-role", "x", end_role_action);
  gtk_widget_class_install_action (widget_class, "people.remove-role", "x", remove_role_action);
  gtk_widget_class_install_action (widget_class, "people.show-asset", "x", show_asset_action);
  gtk_widget_class_install_action (widget_class, "people.show-unowned", NULL,
                                   show_unowned_action);
  gtk_widget_class_install_action (widget_class, "people.add-unit", NULL, add_unit_action);
  gtk_widget_class_install_action (widget_class, "people.add-top-unit", NULL,
                                   add_top_unit_action);
  gtk_widget_class_install_action (widget_class, "people.edit-unit", NULL, edit_unit_action);
  gtk_widget_class_install_action (widget_class, "people.delete-unit", NULL, delete_unit_action);
  gtk_widget_class_install_action (widget_class, "people.add-kitos-roles", NULL,
                                   add_kitos_roles_action);
}
