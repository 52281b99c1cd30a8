/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-risk-editor.h"
#include "vaern-soa-entry-editor.h"
#include "widgets/vaern-ui-util.h"

/* The layout is ui/vaern-soa-entry-editor.ui; here the rows that depend on
 * the document (its people, its documents register, the risks that name
 * the control) and the values of the entry. */

struct _VaernSoaEntryEditor
{
  VaernEditor     parent_instance;

  VaernDocument  *document;
  VaernSoaEntry  *entry;

  GtkDropDown    *owner_dropdown;   /* the document's people, in owner_row */
  GPtrArray      *document_checks;  /* GtkCheckButton, with "document-id" data */
  gboolean        editable;

  /* Template widgets */
  AdwActionRow   *applicable_row;
  GtkSwitch      *applicable_switch;
  GtkWidget      *reasons_box;
  GtkFlowBox     *reasons_flow_box;
  GtkCheckButton *reason_checks[4];
  GtkLabel       *justification_label;
  GtkTextView    *justification_view;
  AdwComboRow    *status_row;
  AdwActionRow   *owner_row;
  AdwPreferencesGroup *documents_group;
  GtkWidget      *documents_empty_label;
  AdwPreferencesGroup *risks_group;
  GtkWidget      *risks_empty_label;
  GtkLabel       *risks_more_label;
  GtkTextView    *notes_view;
};

G_DEFINE_FINAL_TYPE (VaernSoaEntryEditor, vaern_soa_entry_editor, VAERN_TYPE_EDITOR)

G_STATIC_ASSERT (G_N_ELEMENTS (((VaernSoaEntryEditor *) 0)->reason_checks) == 4);

static gint64
vaern_soa_entry_editor_save (VaernEditor *editor,
                             GError     **error)
{
  VaernSoaEntryEditor *self = VAERN_SOA_ENTRY_EDITOR (editor);
  g_autoptr(VaernSoaEntry) e = vaern_soa_entry_copy (self->entry);

  e->applicable = gtk_switch_get_active (self->applicable_switch);
  e->reasons = 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->reason_checks); i++)
    if (gtk_check_button_get_active (self->reason_checks[i]))
      e->reasons |= 1u << i;
  /* An excluded control has no reasons for inclusion. */
  if (!e->applicable)
    e->reasons = 0;
  g_free (e->justification);
  e->justification = vaern_text_view_get_text (self->justification_view);
  e->status = adw_combo_row_get_selected (self->status_row);
  e->owner_id = vaern_record_dropdown_get_id (self->owner_dropdown);
  g_free (e->notes);
  e->notes = vaern_text_view_get_text (self->notes_view);
  g_array_set_size (e->document_ids, 0);
  for (guint i = 0; i < self->document_checks->len; i++)
    {
      GtkCheckButton *check = self->document_checks->pdata[i];
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "document-id");

      if (gtk_check_button_get_active (check))
        g_array_append_val (e->document_ids, id);
    }
  if (!vaern_document_update_soa_entry (self->document, e, error))
    return 0;
  return vaern_record_get_id (VAERN_RECORD (e));
}

/* An included control is justified by its reasons (and may say more); an
 * excluded one must say why. */
static void
applicable_changed_cb (VaernSoaEntryEditor *self)
{
  gboolean applicable;

  if (self->entry == NULL)   /* still being built */
    return;
  applicable = gtk_switch_get_active (self->applicable_switch);
  gtk_widget_set_visible (self->reasons_box, applicable);
  /* How far a left-out control is implemented, and by whom, is moot. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), applicable && self->editable);
  if (self->owner_dropdown)
    gtk_widget_set_sensitive (GTK_WIDGET (self->owner_dropdown), applicable && self->editable);
  gtk_label_set_text (self->justification_label,
                      applicable
                      /* Translators: heading of the SoA editor's text field for an included control */
                      ? _("Explanation (optional)")
                      /* Translators: heading of the SoA editor's text field for an excluded control */
                      : _("Why the control does not apply (required)"));
}

static void
open_risk_cb (AdwActionRow *row,
              VaernSoaEntryEditor *self)
{
  VaernRisk *risk = g_object_get_data (G_OBJECT (row), "risk");
  VaernRiskEditor *editor = vaern_risk_editor_new (GTK_WINDOW (self), self->document, risk,
                                                   risk->asset_id);

  gtk_window_present (GTK_WINDOW (editor));
}

static void
vaern_soa_entry_editor_dispose (GObject *object)
{
  VaernSoaEntryEditor *self = VAERN_SOA_ENTRY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_SOA_ENTRY_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->document_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (vaern_soa_entry_editor_parent_class)->dispose (object);
}

static void
vaern_soa_entry_editor_class_init (VaernSoaEntryEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vaern_soa_entry_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_soa_entry_editor_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-soa-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, applicable_row);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, applicable_switch);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, reasons_flow_box);
  for (guint i = 0; i < G_N_ELEMENTS (((VaernSoaEntryEditor *) 0)->reason_checks); i++)
    {
      g_autofree char *name = g_strdup_printf ("reason_check%u", i);

      gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,
                                                 G_STRUCT_OFFSET (VaernSoaEntryEditor, reason_checks)
                                                 + i * sizeof (GtkCheckButton *));
    }
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, justification_label);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, justification_view);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, documents_group);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, documents_empty_label);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, risks_group);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, risks_empty_label);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, risks_more_label);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaEntryEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, applicable_changed_cb);
}

static void
vaern_soa_entry_editor_init (VaernSoaEntryEditor *self)
{
  self->document_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (self->reason_checks); i++)
    gtk_check_button_set_label (self->reason_checks[i], vaern_enum_label (&vaern_enum_soa_reason, i));
  vaern_flow_box_tab_through (self->reasons_flow_box);
  vaern_editor_add_field (VAERN_EDITOR (self), "applicable", GTK_WIDGET (self->applicable_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "justification", GTK_WIDGET (self->justification_view));
  vaern_editor_add_field (VAERN_EDITOR (self), "status", GTK_WIDGET (self->status_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "owner", GTK_WIDGET (self->owner_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "documents", GTK_WIDGET (self->documents_group));
}

static void
fill_documents (VaernSoaEntryEditor *self,
                gboolean             editable)
{
  GListModel *docs = vaern_document_get_isms_documents (self->document);
  guint n = g_list_model_get_n_items (docs);

  gtk_widget_set_visible (self->documents_empty_label, n == 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernIsmsDocument) d = g_list_model_get_item (docs, i);
      gint64 id = vaern_record_get_id (VAERN_RECORD (d));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = NULL;
      gboolean linked = FALSE;

      for (guint k = 0; k < self->entry->document_ids->len; k++)
        linked |= g_array_index (self->entry->document_ids, gint64, k) == id;
      /* A withdrawn document is offered only where it is still linked. */
      if (d->status == VAERN_DOC_STATUS_WITHDRAWN && !linked)
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      subtitle = d->version && *d->version
        /* Translators: a document's kind and version, "Guideline, version 2.1" */
        ? g_strdup_printf (_("%s, version %s"), vaern_enum_label (&vaern_enum_doc_kind, d->kind),
                           d->version)
        : g_strdup (vaern_enum_label (&vaern_enum_doc_kind, d->kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), linked);
      gtk_widget_set_sensitive (check, editable);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "document-id", g_memdup2 (&id, sizeof id), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->documents_group, row);
      g_ptr_array_add (self->document_checks, check);
    }
}

static void
fill_risks (VaernSoaEntryEditor *self)
{
  g_autoptr(GPtrArray) risks = vaern_document_list_control_risks (self->document,
                                                                  self->entry->control);
  const guint shown = 50;

  gtk_widget_set_visible (self->risks_empty_label, risks->len == 0);
  if (risks->len == 0)
    return;
  for (guint i = 0; i < MIN (risks->len, shown); i++)
    {
      VaernRisk *risk = risks->pdata[i];
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), risk->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), risk->asset_name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "risk", g_object_ref (risk), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (open_risk_cb), self);
      adw_preferences_group_add (self->risks_group, row);
    }
  if (risks->len > shown)
    {
      g_autofree char *text =
        /* Translators: under the first risks linked to a control */
        g_strdup_printf (ngettext ("and %u more risk", "and %u more risks", risks->len - shown),
                         risks->len - shown);

      gtk_label_set_text (self->risks_more_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->risks_more_label), TRUE);
    }
  {
    /* Translators: the number of risks that name a control, in the group's heading */
    g_autofree char *count = g_strdup_printf (ngettext ("%u risk", "%u risks", risks->len),
                                              risks->len);

    adw_preferences_group_set_description (self->risks_group, count);
  }
}

VaernSoaEntryEditor *
vaern_soa_entry_editor_new (GtkWindow     *parent,
                            VaernDocument *document,
                            VaernSoaEntry *entry)
{
  VaernSoaEntryEditor *self;
  g_auto(GStrv) sources = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;
  gboolean editable;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (VAERN_IS_SOA_ENTRY (entry), NULL);

  self = g_object_new (VAERN_TYPE_SOA_ENTRY_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->entry = g_object_ref (entry);
  editable = !vaern_document_get_read_only (document) && !entry->frozen;
  self->editable = editable;

  gtk_switch_set_active (self->applicable_switch, entry->applicable);
  applicable_changed_cb (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->reason_checks); i++)
    {
      gtk_check_button_set_active (self->reason_checks[i], (entry->reasons & (1u << i)) != 0);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reason_checks[i]), editable);
    }
  vaern_text_view_set_text (self->justification_view, entry->justification);
  vaern_combo_row_set_enum (self->status_row, &vaern_enum_soa_status, entry->status);
  self->owner_dropdown = vaern_record_dropdown_new (vaern_document_get_people (document), "name",
                                                    entry->owner_id,
                                                    /* Translators: no owner chosen */
                                                    _("Nobody"));
  adw_action_row_add_suffix (self->owner_row, GTK_WIDGET (self->owner_dropdown));
  adw_action_row_set_activatable_widget (self->owner_row, GTK_WIDGET (self->owner_dropdown));
  vaern_text_view_set_text (self->notes_view, entry->notes);
  fill_documents (self, editable);
  fill_risks (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->applicable_switch), editable);
  applicable_changed_cb (self);
  gtk_text_view_set_editable (self->justification_view, editable);
  gtk_text_view_set_editable (self->notes_view, editable);

  /* Translators: heading of the SoA editor: a control's number and title */
  heading = g_strdup_printf (_("%s %s"), entry->control, entry->title);
  sources = vaern_document_control_sources (document, entry->control);
  if (entry->frozen)
    /* Translators: under the heading of the SoA editor; %u is a version number */
    subtitle = g_strdup_printf (_("Version %u is approved and cannot be changed"),
                                entry->version_number);
  else if (sources && sources[0])
    {
      g_autofree char *list = g_strjoinv (", ", sources);

      /* Translators: under the heading of the SoA editor: the control's numbers in the
       * 2013 edition of Annex A */
      subtitle = g_strdup_printf (_("Version %u · 2013: %s"), entry->version_number, list);
    }
  else
    /* Translators: under the heading of the SoA editor: a control new in the 2022 edition */
    subtitle = g_strdup_printf (_("Version %u · new in 2022"), entry->version_number);
  vaern_editor_set_heading (VAERN_EDITOR (self), heading, subtitle);
  vaern_editor_set_editable (VAERN_EDITOR (self), editable);
  gtk_widget_grab_focus (GTK_WIDGET (self->applicable_switch));
  return self;
}

void
vaern_soa_entry_editor_set_applicable (VaernSoaEntryEditor *self,
                                       gboolean             applicable)
{
  gtk_switch_set_active (self->applicable_switch, applicable);
}

void
vaern_soa_entry_editor_set_justification (VaernSoaEntryEditor *self,
                                          const char          *text)
{
  vaern_text_view_set_text (self->justification_view, text);
}
