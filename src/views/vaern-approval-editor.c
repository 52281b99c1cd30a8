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
  gboolean       choose_subject;  /* a new approval of any kind */
  GtkDropDown   *asset_dropdown;

  /* Template widgets */
  AdwPreferencesGroup *subject_group;
  GtkLabel      *missing_label;
  AdwPreferencesGroup *choice_group;
  AdwComboRow   *subject_row;
  AdwActionRow  *asset_row;
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
  if (!self->choose_subject)
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
  if (self->choose_subject)
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

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_APPROVAL_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->approval);

  G_OBJECT_CLASS (vaern_approval_editor_parent_class)->dispose (object);
}

static void
vaern_approval_editor_class_init (VaernApprovalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_approval_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_approval_editor_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-approval-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernApprovalEditor, subject_group);
  gtk_widget_class_bind_template_child (widget_class, VaernApprovalEditor, missing_label);
  gtk_widget_class_bind_template_child (widget_class, VaernApprovalEditor, choice_group);
  gtk_widget_class_bind_template_child (widget_class, VaernApprovalEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, VaernApprovalEditor, asset_row);
  gtk_widget_class_bind_template_child (widget_class, VaernApprovalEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VaernApprovalEditor, by_row);
  gtk_widget_class_bind_template_child (widget_class, VaernApprovalEditor, on_row);
  gtk_widget_class_bind_template_child (widget_class, VaernApprovalEditor, note_view);
  gtk_widget_class_bind_template_callback (widget_class, subject_changed_cb);
}

static void
vaern_approval_editor_init (VaernApprovalEditor *self)
{
  VaernEditor *editor = VAERN_EDITOR (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  vaern_editor_add_field (editor, "approved_by", GTK_WIDGET (self->by_row));
  vaern_editor_add_field (editor, "approved_on", GTK_WIDGET (self->on_row));
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

      gtk_label_set_text (self->missing_label, warning);
      gtk_widget_set_visible (GTK_WIDGET (self->missing_label), TRUE);
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
          g_autoptr(GtkStringList) subjects = gtk_string_list_new (NULL);

          for (guint i = 0; i < G_N_ELEMENTS (free_subjects); i++)
            gtk_string_list_append (subjects,
                                    vaern_enum_label (&vaern_enum_approval_subject, free_subjects[i]));
          self->choose_subject = TRUE;
          adw_combo_row_set_model (self->subject_row, G_LIST_MODEL (subjects));
          self->asset_dropdown = vaern_record_dropdown_new (vaern_document_get_assets (document),
                                                            "name", 0,
                                                            /* Translators: a risk assessment of
                                                             * every system */
                                                            _("All systems"));
          adw_action_row_add_suffix (self->asset_row, GTK_WIDGET (self->asset_dropdown));
          adw_action_row_set_activatable_widget (self->asset_row, GTK_WIDGET (self->asset_dropdown));
          vaern_editor_add_field (VAERN_EDITOR (self), "title", GTK_WIDGET (self->title_row));
          /* The choice takes the place of the given subject's group. */
          gtk_widget_set_visible (GTK_WIDGET (self->subject_group), FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->choice_group), TRUE);
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
      gtk_widget_set_sensitive (GTK_WIDGET (self->choice_group), FALSE);
    }
  gtk_text_view_set_editable (self->note_view, !vaern_document_get_read_only (document));
  vaern_editor_set_editable (VAERN_EDITOR (self), !vaern_document_get_read_only (document));
  gtk_widget_grab_focus (self->choose_subject ? GTK_WIDGET (self->subject_row)
                                              : GTK_WIDGET (self->by_row));
  return self;
}

void
vaern_approval_editor_set_approved_by (VaernApprovalEditor *self,
                                       const char          *name)
{
  vaern_entry_set_text (GTK_EDITABLE (self->by_row), name);
}
