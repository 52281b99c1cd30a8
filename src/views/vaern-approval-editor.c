/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/vaern-date.h"
#include "vaern-approval-editor.h"
#include "vaern-view.h"
#include "widgets/vaern-ui-util.h"

struct _VaernApprovalEditor
{
  VaernEditor    parent_instance;

  VaernDocument *document;
  VaernApproval *approval;   /* the subject given, or being edited */
  gboolean       existing;

  AdwPreferencesGroup *subject_group;
  AdwComboRow   *subject_row;   /* only for a new approval of any kind */
  GtkStringList *subjects;
  AdwActionRow  *asset_row;
  GtkDropDown   *asset_dropdown;
  AdwEntryRow   *title_row;
  AdwEntryRow   *by_row;
  AdwEntryRow   *on_row;
  GtkTextView   *note_view;
};

G_DEFINE_FINAL_TYPE (VaernApprovalEditor, vaern_approval_editor, VAERN_TYPE_EDITOR)

/* The subjects a free approval can have, in the order of the combo. */
static const VaernApprovalSubject free_subjects[] = { VAERN_APPROVAL_RISKS, VAERN_APPROVAL_OTHER };

static VaernApprovalSubject
chosen_subject (VaernApprovalEditor *self)
{
  if (self->subject_row == NULL)
    return self->approval->subject;
  return free_subjects[MIN (adw_combo_row_get_selected (self->subject_row),
                            G_N_ELEMENTS (free_subjects) - 1)];
}

static gint64
vaern_approval_editor_save (VaernEditor *editor,
                            GError     **error)
{
  VaernApprovalEditor *self = VAERN_APPROVAL_EDITOR (editor);
  g_autoptr(VaernApproval) a = vaern_approval_copy (self->approval);
  gint64 id;

  g_free (a->approved_by);
  a->approved_by = vaern_entry_get_text (GTK_EDITABLE (self->by_row));
  g_clear_pointer (&a->approved_on, g_free);
  if (!vaern_editor_read_date (editor, "approved_on", &a->approved_on, error))
    return 0;
  g_free (a->note);
  a->note = vaern_text_view_get_text (self->note_view);
  if (self->existing)
    {
      if (!vaern_document_update_approval (self->document, a, error))
        return 0;
      return vaern_record_get_id (VAERN_RECORD (a));
    }
  a->subject = chosen_subject (self);
  if (self->subject_row)
    {
      a->asset_id = a->subject == VAERN_APPROVAL_RISKS
                    ? vaern_record_dropdown_get_id (self->asset_dropdown) : 0;
      g_free (a->title);
      a->title = vaern_entry_get_text (GTK_EDITABLE (self->title_row));
    }
  id = vaern_document_add_approval (self->document, a, error);
  /* An approval locks things; say so, with the way back. */
  if (id != 0)
    vaern_view_offer_undo (GTK_WIDGET (self),
                             a->subject == VAERN_APPROVAL_SOA
                             /* Translators: notification after approving the SoA */
                             ? _("Approved; this version of the SoA is now locked")
                             /* Translators: notification after recording an approval */
                             : _("Approval recorded"));
  return id;
}

static void
subject_changed_cb (VaernApprovalEditor *self)
{
  gboolean risks = chosen_subject (self) == VAERN_APPROVAL_RISKS;

  gtk_widget_set_visible (GTK_WIDGET (self->asset_row), risks);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row),
                                 risks
                                 /* Translators: field of the approval editor for a risk
                                  * assessment; it may stay empty */
                                 ? _("_Title (optional)")
                                 /* Translators: field of the approval editor: what was approved */
                                 : _("_What Was Approved"));
}

static void
vaern_approval_editor_dispose (GObject *object)
{
  VaernApprovalEditor *self = VAERN_APPROVAL_EDITOR (object);

  g_clear_object (&self->document);
  g_clear_object (&self->approval);
  g_clear_object (&self->subjects);

  G_OBJECT_CLASS (vaern_approval_editor_parent_class)->dispose (object);
}

static void
vaern_approval_editor_class_init (VaernApprovalEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vaern_approval_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_approval_editor_save;
}

static void
vaern_approval_editor_init (VaernApprovalEditor *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group;
  GtkWidget *frame;

  gtk_window_set_default_size (GTK_WINDOW (self), 520, 520);

  self->subject_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (page, self->subject_group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* Translators: a group of the approval editor */
  adw_preferences_group_set_title (group, _("Approval"));
  adw_preferences_page_add (page, group);
  /* Translators: field of the approval editor: a person or a body such as Direktionen */
  self->by_row = vaern_entry_row_add (group, _("Approved _By"));
  /* Translators: field of the approval editor; a date like 23-11-2026 */
  self->on_row = vaern_entry_row_add (group, _("_Date"));
  vaern_editor_add_field (VAERN_EDITOR (self), "approved_by", GTK_WIDGET (self->by_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "approved_on", GTK_WIDGET (self->on_row));

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* Translators: a group of the approval editor: conditions, the meeting, … */
  adw_preferences_group_set_title (group, _("Note"));
  adw_preferences_page_add (page, group);
  frame = vaern_text_field_new (&self->note_view, 80);
  adw_preferences_group_add (group, frame);

  vaern_editor_add_page (VAERN_EDITOR (self), GTK_WIDGET (page));
}

/* For a new approval of the SoA: what management is asked to approve, and
 * what is still open in it. */
static void
describe_soa (VaernApprovalEditor *self)
{
  g_autoptr(VaernSoaVersion) version = vaern_document_get_soa_version (self->document,
                                                                       self->approval->soa_version_id);
  GListModel *entries = vaern_document_get_soa_entries (self->document);
  g_autofree char *text = NULL;
  guint missing = 0;

  if (version == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (entries, i);

      if (e->version_id == self->approval->soa_version_id && e->missing_justification)
        missing++;
    }
  /* Translators: in the approval editor; the numbers of a version of the SoA */
  text = g_strdup_printf (_("Version %u: %u of %u controls apply, %u of them implemented. "
                            "Once approved, the version cannot be changed; later changes go "
                            "into a new draft."),
                          version->number, version->n_applicable, version->n_controls,
                          version->n_implemented);
  adw_preferences_group_set_description (self->subject_group, text);
  if (missing > 0)
    {
      g_autofree char *warning =
        /* Translators: in the approval editor of the SoA */
        g_strdup_printf (ngettext ("%u control has no justification yet (ISO 27001 6.1.3 d asks "
                                   "for one for every control).",
                                   "%u controls have no justification yet (ISO 27001 6.1.3 d asks "
                                   "for one for every control).", missing), missing);
      GtkWidget *label = gtk_label_new (warning);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "warning");
      adw_preferences_group_add (self->subject_group, label);
    }
}

VaernApprovalEditor *
vaern_approval_editor_new (GtkWindow     *parent,
                           VaernDocument *document,
                           VaernApproval *approval)
{
  VaernApprovalEditor *self;
  const char *heading;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (approval == NULL || VAERN_IS_APPROVAL (approval), NULL);

  self = g_object_new (VAERN_TYPE_APPROVAL_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->existing = approval && vaern_record_get_id (VAERN_RECORD (approval)) > 0;
  self->approval = approval ? vaern_approval_copy (approval) : vaern_approval_new ();
  if (approval == NULL)
    self->approval->subject = VAERN_APPROVAL_RISKS;

  if (self->existing)
    {
      vaern_entry_set_text (GTK_EDITABLE (self->by_row), approval->approved_by);
      vaern_entry_set_date (GTK_EDITABLE (self->on_row), approval->approved_on);
      vaern_text_view_set_text (self->note_view, approval->note);
      /* Translators: title of the approval editor for an existing approval */
      heading = _("Edit Approval");
      subtitle = g_strdup (approval->title);
    }
  else
    {
      g_autofree char *today = vaern_date_today ();

      vaern_entry_set_date (GTK_EDITABLE (self->on_row), today);
      /* Translators: title of the approval editor for a new approval */
      heading = _("Record Approval");
      if (approval && approval->subject == VAERN_APPROVAL_SOA)
        {
          g_autoptr(VaernSoaVersion) v = vaern_document_get_soa_version (document,
                                                                         approval->soa_version_id);

          /* Translators: title of the approval editor for the SoA */
          heading = _("Approve Statement of Applicability");
          /* Translators: subtitle of the approval editor; %u is a version number */
          subtitle = g_strdup_printf (_("Version %u"), v ? v->number : 0);
          describe_soa (self);
        }
      else if (approval && approval->subject == VAERN_APPROVAL_DOCUMENT)
        {
          g_autoptr(VaernIsmsDocument) d = vaern_document_find_isms_document (document,
                                                                              approval->document_id);

          /* Translators: title of the approval editor for a document */
          heading = _("Approve Document");
          subtitle = d ? g_strdup (d->title) : NULL;
          if (d && d->version && *d->version)
            {
              /* Translators: in the approval editor of a document; %s is its version */
              g_autofree char *text = g_strdup_printf (_("Approves version %s. The document "
                                                         "is then marked approved."), d->version);

              adw_preferences_group_set_description (self->subject_group, text);
            }
        }
      else
        {
          self->subjects = gtk_string_list_new (NULL);
          for (guint i = 0; i < G_N_ELEMENTS (free_subjects); i++)
            gtk_string_list_append (self->subjects,
                                    vaern_enum_label (&vaern_enum_approval_subject, free_subjects[i]));
          self->subject_row = ADW_COMBO_ROW (adw_combo_row_new ());
          /* Translators: field of the approval editor: what kind of thing was approved */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->subject_row), _("_Subject"));
          adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->subject_row), TRUE);
          adw_combo_row_set_model (self->subject_row, G_LIST_MODEL (self->subjects));
          adw_preferences_group_add (self->subject_group, GTK_WIDGET (self->subject_row));

          self->asset_row = ADW_ACTION_ROW (adw_action_row_new ());
          /* Translators: field of the approval editor: whose risk assessment */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->asset_row), _("S_ystem"));
          adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->asset_row), TRUE);
          self->asset_dropdown = vaern_record_dropdown_new (vaern_document_get_assets (document),
                                                            "name", 0,
                                                            /* Translators: a risk assessment of
                                                             * every system */
                                                            _("All systems"));
          adw_action_row_add_suffix (self->asset_row, GTK_WIDGET (self->asset_dropdown));
          adw_action_row_set_activatable_widget (self->asset_row, GTK_WIDGET (self->asset_dropdown));
          adw_preferences_group_add (self->subject_group, GTK_WIDGET (self->asset_row));

          self->title_row = vaern_entry_row_add (self->subject_group, "");
          vaern_editor_add_field (VAERN_EDITOR (self), "title", GTK_WIDGET (self->title_row));
          g_signal_connect_swapped (self->subject_row, "notify::selected",
                                    G_CALLBACK (subject_changed_cb), self);
          subject_changed_cb (self);
        }
    }
  vaern_editor_set_heading (VAERN_EDITOR (self), heading, subtitle);
  if (!self->existing)
    /* Translators: the button that records an approval */
    vaern_editor_set_save_label (VAERN_EDITOR (self), _("_Approve"));
  /* Read-only, nothing can be typed; an approval of the SoA is the record
   * of a locked version: only its note may be added to. */
  if (vaern_document_get_read_only (document)
      || (self->existing && approval->subject == VAERN_APPROVAL_SOA))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->by_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->on_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->subject_group), FALSE);
    }
  gtk_text_view_set_editable (self->note_view, !vaern_document_get_read_only (document));
  vaern_editor_set_editable (VAERN_EDITOR (self), !vaern_document_get_read_only (document));
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row ? GTK_WIDGET (self->subject_row)
                                                       : GTK_WIDGET (self->by_row)));
  return self;
}

void
vaern_approval_editor_set_approved_by (VaernApprovalEditor *self,
                                       const char          *name)
{
  vaern_entry_set_text (GTK_EDITABLE (self->by_row), name);
}
