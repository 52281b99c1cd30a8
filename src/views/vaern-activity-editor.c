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
  GtkDropDown   *owner_dropdown;
  GtkDropDown   *risk_dropdown;
  GtkDropDown   *asset_dropdown;
  GtkDropDown   *document_dropdown;

  /* Template widgets */
  AdwEntryRow   *title_row;
  AdwComboRow   *phase_row;
  AdwComboRow   *recurrence_row;
  AdwEntryRow   *start_row;
  AdwEntryRow   *end_row;
  AdwActionRow  *owner_row;
  AdwActionRow  *progress_row;
  GtkSwitch     *progress_switch;
  AdwEntryRow   *control_row;
  AdwActionRow  *risk_row;
  AdwComboRow   *concerns_row;
  AdwActionRow  *asset_row;
  AdwActionRow  *document_row;
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

/* Only the field of what the activity concerns shows: a system for a risk
 * assessment, a document for a document. */
static void
concerns_changed_cb (VaernActivityEditor *self)
{
  guint concerns = adw_combo_row_get_selected (self->concerns_row);

  gtk_widget_set_visible (GTK_WIDGET (self->asset_row), concerns == VAERN_CONCERNS_RISKS);
  gtk_widget_set_visible (GTK_WIDGET (self->document_row), concerns == VAERN_CONCERNS_DOCUMENT);
}

static void
vaern_activity_editor_dispose (GObject *object)
{
  VaernActivityEditor *self = VAERN_ACTIVITY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_ACTIVITY_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->activity);

  G_OBJECT_CLASS (vaern_activity_editor_parent_class)->dispose (object);
}

static void
vaern_activity_editor_class_init (VaernActivityEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vaern_activity_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_activity_editor_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-activity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, recurrence_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, progress_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, progress_switch);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, control_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, risk_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, concerns_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, asset_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, document_row);
  gtk_widget_class_bind_template_child (widget_class, VaernActivityEditor, description_view);
  gtk_widget_class_bind_template_callback (widget_class, concerns_changed_cb);
}

static void
vaern_activity_editor_init (VaernActivityEditor *self)
{
  VaernEditor *editor = VAERN_EDITOR (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  vaern_editor_add_field (editor, "title", GTK_WIDGET (self->title_row));
  vaern_editor_add_field (editor, "recurrence", GTK_WIDGET (self->recurrence_row));
  vaern_editor_add_field (editor, "start_date", GTK_WIDGET (self->start_row));
  vaern_editor_add_field (editor, "end_date", GTK_WIDGET (self->end_row));
  vaern_editor_add_field (editor, "control", GTK_WIDGET (self->control_row));
  vaern_editor_add_field (editor, "document", GTK_WIDGET (self->document_row));
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
