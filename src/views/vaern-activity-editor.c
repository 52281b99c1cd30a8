/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/vaern-catalogue.h"
#include "core/vaern-date.h"
#include "vaern-activity-editor.h"
#include "widgets/vaern-ui-util.h"

struct _VaernActivityEditor
{
  VaernEditor    parent_instance;

  VaernDocument *document;
  VaernActivity *activity;   /* a copy to fill, with the id of the edited one */

  AdwEntryRow   *title_row;
  AdwComboRow   *phase_row;
  AdwComboRow   *recurrence_row;
  AdwEntryRow   *start_row;
  AdwEntryRow   *end_row;
  AdwActionRow  *owner_row;
  GtkDropDown   *owner_dropdown;
  AdwActionRow  *progress_row;
  GtkSwitch     *progress_switch;
  AdwEntryRow   *control_row;
  AdwActionRow  *risk_row;
  GtkDropDown   *risk_dropdown;
  AdwComboRow   *concerns_row;
  AdwActionRow  *asset_row;
  GtkDropDown   *asset_dropdown;
  AdwActionRow  *document_row;
  GtkDropDown   *document_dropdown;
  GtkTextView   *description_view;
};

G_DEFINE_FINAL_TYPE (VaernActivityEditor, vaern_activity_editor, VAERN_TYPE_EDITOR)

static gint64
vaern_activity_editor_save (VaernEditor *editor,
                            GError     **error)
{
  VaernActivityEditor *self = VAERN_ACTIVITY_EDITOR (editor);
  g_autoptr(VaernActivity) a = vaern_activity_copy (self->activity);
  g_autofree char *control = NULL;

  g_free (a->title);
  a->title = vaern_entry_get_text (GTK_EDITABLE (self->title_row));
  a->phase = adw_combo_row_get_selected (self->phase_row);
  a->recurrence = a->plan ? VAERN_RECURRENCE_ONCE : adw_combo_row_get_selected (self->recurrence_row);
  g_clear_pointer (&a->start_date, g_free);
  g_clear_pointer (&a->end_date, g_free);
  if (!vaern_editor_read_date (editor, "start_date", &a->start_date, error)
      || !vaern_editor_read_date (editor, "end_date", &a->end_date, error))
    return 0;
  a->owner_id = vaern_record_dropdown_get_id (self->owner_dropdown);
  a->in_progress = gtk_switch_get_active (self->progress_switch);
  control = vaern_entry_get_text (GTK_EDITABLE (self->control_row));
  g_free (a->control);
  /* "A.8.5" and "8.5" are the same control. */
  a->control = control && *control ? vaern_control_number_normalize (control) : NULL;
  if (control && *control && a->control == NULL)
    a->control = g_strdup (control);
  if (self->risk_dropdown)
    a->risk_id = vaern_record_dropdown_get_id (self->risk_dropdown);
  a->concerns = adw_combo_row_get_selected (self->concerns_row);
  a->asset_id = vaern_record_dropdown_get_id (self->asset_dropdown);
  a->document_id = vaern_record_dropdown_get_id (self->document_dropdown);
  if (a->concerns == VAERN_CONCERNS_DOCUMENT && a->document_id == 0)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "document",
                                   _("Choose the document the activity concerns."));
      return 0;
    }
  g_free (a->description);
  a->description = vaern_text_view_get_text (self->description_view);
  if (vaern_record_get_id (VAERN_RECORD (a)) == 0)
    return vaern_document_add_activity (self->document, a, error);
  if (!vaern_document_update_activity (self->document, a, error))
    return 0;
  return vaern_record_get_id (VAERN_RECORD (a));
}

static void
vaern_activity_editor_dispose (GObject *object)
{
  VaernActivityEditor *self = VAERN_ACTIVITY_EDITOR (object);

  g_clear_object (&self->document);
  g_clear_object (&self->activity);

  G_OBJECT_CLASS (vaern_activity_editor_parent_class)->dispose (object);
}

static void
vaern_activity_editor_class_init (VaernActivityEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vaern_activity_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_activity_editor_save;
}

static void
vaern_activity_editor_init (VaernActivityEditor *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  gtk_window_set_default_size (GTK_WINDOW (self), 540, 560);
  adw_preferences_page_add (page, group);
  /* Translators: field of the activity editor */
  self->title_row = vaern_entry_row_add (group, _("_Title"));
  /* Translators: field of the activity editor: Plan, Do, Check or Act */
  self->phase_row = vaern_combo_row_add (group, _("_Phase"));
  /* Translators: field of the activity editor: how often it comes round */
  self->recurrence_row = vaern_combo_row_add (group, _("_Recurs"));
  /* Translators: field of the activity editor: the first date it is due; a date like 31-01-2027 */
  self->start_row = vaern_entry_row_add (group, _("_Due"));
  /* Translators: field of the activity editor: the last date it recurs; may stay empty */
  self->end_row = vaern_entry_row_add (group, _("_Ends (optional)"));
  self->owner_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Translators: field of the activity editor: who is responsible */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->owner_row), _("_Responsible"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->owner_row), TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (self->owner_row));
  self->progress_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Translators: field of the activity editor: the next occurrence is under way */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), _("In _progress"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->progress_row), TRUE);
  self->progress_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->progress_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->progress_row, GTK_WIDGET (self->progress_switch));
  adw_action_row_set_activatable_widget (self->progress_row, GTK_WIDGET (self->progress_switch));
  adw_preferences_group_add (group, GTK_WIDGET (self->progress_row));
  /* Translators: field of the activity editor: the Annex A control an improvement serves, "8.5" */
  self->control_row = vaern_entry_row_add (group, _("Serves _control (optional)"));
  self->risk_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Translators: field of the activity editor: the risk an improvement reduces */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->risk_row), _("Serves r_isk (optional)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->risk_row), TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (self->risk_row));

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* Translators: a group of the activity editor: what the activity is about, which opens from it */
  adw_preferences_group_set_title (group, _("Concerns"));
  adw_preferences_page_add (page, group);
  /* Translators: field of the activity editor */
  self->concerns_row = vaern_combo_row_add (group, _("C_oncerns"));
  {
    GtkStringList *choices = gtk_string_list_new ((const char *const[]) {
      /* Translators: what an activity concerns */
      _("Nothing in particular"), _("A risk assessment"), _("The SoA"), _("A document"), NULL });

    adw_combo_row_set_model (self->concerns_row, G_LIST_MODEL (choices));
    g_object_unref (choices);
  }
  self->asset_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Translators: field of the activity editor: whose risk assessment */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->asset_row), _("S_ystem"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->asset_row), TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (self->asset_row));
  self->document_row = ADW_ACTION_ROW (adw_action_row_new ());
  /* Translators: field of the activity editor */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->document_row), _("Docu_ment"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->document_row), TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (self->document_row));

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* Translators: a group of the activity editor */
  adw_preferences_group_set_title (group, _("Description"));
  adw_preferences_page_add (page, group);
  adw_preferences_group_add (group, vaern_text_field_new (&self->description_view, 80));

  vaern_editor_add_page (VAERN_EDITOR (self), GTK_WIDGET (page));
  vaern_editor_add_field (VAERN_EDITOR (self), "title", GTK_WIDGET (self->title_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "recurrence", GTK_WIDGET (self->recurrence_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "start_date", GTK_WIDGET (self->start_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "end_date", GTK_WIDGET (self->end_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "control", GTK_WIDGET (self->control_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "document", GTK_WIDGET (self->document_row));
}

static void
concerns_changed_cb (VaernActivityEditor *self)
{
  guint concerns = adw_combo_row_get_selected (self->concerns_row);

  gtk_widget_set_visible (GTK_WIDGET (self->asset_row), concerns == VAERN_CONCERNS_RISKS);
  gtk_widget_set_visible (GTK_WIDGET (self->document_row), concerns == VAERN_CONCERNS_DOCUMENT);
}

VaernActivityEditor *
vaern_activity_editor_new (GtkWindow     *parent,
                           VaernDocument *document,
                           VaernActivity *activity,
                           gboolean       plan,
                           const char    *date)
{
  VaernActivityEditor *self;
  gboolean editable;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);

  self = g_object_new (VAERN_TYPE_ACTIVITY_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  if (activity)
    self->activity = vaern_activity_copy (activity);
  else
    {
      self->activity = vaern_activity_new ();
      self->activity->plan = plan;
      self->activity->recurrence = plan ? VAERN_RECURRENCE_ONCE : VAERN_RECURRENCE_YEARLY;
      self->activity->phase = plan ? VAERN_PDCA_ACT : VAERN_PDCA_PLAN;
      self->activity->start_date = date ? g_strdup (date) : vaern_date_today ();
    }
  vaern_entry_set_text (GTK_EDITABLE (self->title_row), self->activity->title);
  vaern_combo_row_set_enum (self->phase_row, &vaern_enum_pdca_phase, self->activity->phase);
  vaern_combo_row_set_enum (self->recurrence_row, &vaern_enum_recurrence, self->activity->recurrence);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_row),
                                 self->activity->plan
                                 /* Translators: field of the activity editor for an improvement */
                                 ? _("_Deadline")
                                 /* Translators: field of the activity editor: the first date a
                                  * recurring activity is due; later ones follow from it */
                                 : _("_First Due"));
  gtk_widget_set_visible (GTK_WIDGET (self->recurrence_row), !self->activity->plan);
  gtk_widget_set_visible (GTK_WIDGET (self->end_row), !self->activity->plan);
  gtk_widget_set_visible (GTK_WIDGET (self->control_row), self->activity->plan);
  gtk_widget_set_visible (GTK_WIDGET (self->risk_row), self->activity->plan);
  /* Only an improvement serves a risk; the list of risks is read for it. */
  if (self->activity->plan)
    {
      self->risk_dropdown = vaern_record_dropdown_new (vaern_document_get_risks (document), "title",
                                                       self->activity->risk_id,
                                                       /* Translators: no risk chosen */
                                                       _("None"));
      vaern_drop_down_shorten (self->risk_dropdown, 24);
      adw_action_row_add_suffix (self->risk_row, GTK_WIDGET (self->risk_dropdown));
      adw_action_row_set_activatable_widget (self->risk_row, GTK_WIDGET (self->risk_dropdown));
    }
  vaern_entry_set_date (GTK_EDITABLE (self->start_row), self->activity->start_date);
  vaern_entry_set_date (GTK_EDITABLE (self->end_row), self->activity->end_date);
  self->owner_dropdown = vaern_record_dropdown_new (vaern_document_get_people (document), "name",
                                                    self->activity->owner_id,
                                                    /* Translators: no one responsible */
                                                    _("Nobody"));
  adw_action_row_add_suffix (self->owner_row, GTK_WIDGET (self->owner_dropdown));
  adw_action_row_set_activatable_widget (self->owner_row, GTK_WIDGET (self->owner_dropdown));
  gtk_switch_set_active (self->progress_switch, self->activity->in_progress);
  self->asset_dropdown = vaern_record_dropdown_new (vaern_document_get_assets (document), "name",
                                                    self->activity->asset_id,
                                                    /* Translators: a risk assessment of every system */
                                                    _("All systems"));
  adw_action_row_add_suffix (self->asset_row, GTK_WIDGET (self->asset_dropdown));
  adw_action_row_set_activatable_widget (self->asset_row, GTK_WIDGET (self->asset_dropdown));
  self->document_dropdown = vaern_record_dropdown_new (vaern_document_get_isms_documents (document),
                                                       "title", self->activity->document_id,
                                                       /* Translators: no document chosen */
                                                       _("Choose…"));
  adw_action_row_add_suffix (self->document_row, GTK_WIDGET (self->document_dropdown));
  adw_action_row_set_activatable_widget (self->document_row, GTK_WIDGET (self->document_dropdown));
  adw_combo_row_set_selected (self->concerns_row, self->activity->concerns);
  g_signal_connect_swapped (self->concerns_row, "notify::selected",
                            G_CALLBACK (concerns_changed_cb), self);
  concerns_changed_cb (self);
  vaern_entry_set_text (GTK_EDITABLE (self->control_row), self->activity->control);
  vaern_text_view_set_text (self->description_view, self->activity->description);

  /* Read-only, nothing can be chosen or typed. */
  editable = !vaern_document_get_read_only (document);
  {
    GtkWidget *fields[] = { GTK_WIDGET (self->title_row), GTK_WIDGET (self->phase_row),
                            GTK_WIDGET (self->recurrence_row), GTK_WIDGET (self->start_row),
                            GTK_WIDGET (self->end_row), GTK_WIDGET (self->owner_row),
                            GTK_WIDGET (self->progress_row), GTK_WIDGET (self->control_row),
                            GTK_WIDGET (self->risk_row), GTK_WIDGET (self->concerns_row),
                            GTK_WIDGET (self->asset_row), GTK_WIDGET (self->document_row) };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      gtk_widget_set_sensitive (fields[i], editable);
  }
  gtk_text_view_set_editable (self->description_view, editable);
  vaern_editor_set_heading (VAERN_EDITOR (self),
                            activity
                            /* Translators: title of the activity editor */
                            ? _("Edit Activity")
                            : plan
                            /* Translators: title of the activity editor for a new plan item */
                            ? _("New Improvement")
                            /* Translators: title of the activity editor for a new one */
                            : _("New Activity"),
                            activity ? activity->title : NULL);
  vaern_editor_set_editable (VAERN_EDITOR (self), editable);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}
