/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/vaern-date.h"
#include "vaern-risk-editor.h"
#include "widgets/vaern-ui-util.h"

struct _VaernRiskEditor
{
  VaernEditor     parent_instance;

  VaernDocument  *document;
  VaernRisk      *risk;       /* the one being edited, or NULL for a new one */
  gboolean        accepting;  /* management on a server: only the acceptance */
  GtkDropDown    *asset_dropdown;
  GtkDropDown    *threat_dropdown;
  GtkDropDown    *owner_dropdown;
  GtkWidget      *score_label;
  GtkWidget      *residual_score_label;

  /* Template widgets */
  AdwActionRow   *asset_row;
  AdwActionRow   *threat_row;
  AdwEntryRow    *title_row;
  GtkTextView    *description_view;
  AdwComboRow    *likelihood_row;
  AdwComboRow    *confidentiality_row;
  AdwComboRow    *integrity_row;
  AdwComboRow    *availability_row;
  AdwActionRow   *score_row;
  AdwComboRow    *treatment_row;
  AdwEntryRow    *controls_row;
  GtkTextView    *measures_view;
  AdwComboRow    *residual_likelihood_row;
  AdwComboRow    *residual_consequence_row;
  AdwActionRow   *residual_score_row;
  AdwActionRow   *owner_row;
  AdwEntryRow    *assessed_row;
  AdwEntryRow    *review_row;
  AdwEntryRow    *accepted_by_row;
  AdwEntryRow    *accepted_on_row;
};

G_DEFINE_FINAL_TYPE (VaernRiskEditor, vaern_risk_editor, VAERN_TYPE_EDITOR)

static char *
text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
text_view_set (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* The levels of one axis: the first entry is "not assessed" (or, after
 * treatment, "as before"), then "1 – Usandsynligt" and so on. */
static void
set_levels (AdwComboRow *row,
            char *const *labels,
            guint        n,
            const char  *first,
            guint        selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, first);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item = g_strdup_printf ("%u – %s", i + 1, labels[i]);

      gtk_string_list_append (list, item);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, MIN (selected, n));
}

static guint
level (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static char *
describe_score (const VaernRiskScale *scale,
                guint                 likelihood,
                guint                 consequence)
{
  guint score = vaern_risk_scale_score (scale, likelihood, consequence);
  int band = vaern_risk_scale_band_for_score (scale, score);

  if (band < 0)
    /* Translators: the score of a risk that is not assessed yet */
    return g_strdup (_("Not assessed"));
  /* Translators: a risk's score and level, like "12 – Høj" */
  return g_strdup_printf (_("%u – %s"), score, scale->bands[band].label);
}

static void
update_scores (VaernRiskEditor *self)
{
  const VaernRiskScale *scale = vaern_document_get_scale (self->document);
  guint l = level (self->likelihood_row);
  guint c = vaern_risk_consequence (level (self->confidentiality_row),
                                    level (self->integrity_row),
                                    level (self->availability_row));
  guint after_l, after_c;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  vaern_risk_levels_after (l, c, level (self->residual_likelihood_row),
                           level (self->residual_consequence_row), &after_l, &after_c);
  before = describe_score (scale, l, c);
  after = describe_score (scale, after_l, after_c);
  gtk_label_set_text (GTK_LABEL (self->score_label), before);
  gtk_label_set_text (GTK_LABEL (self->residual_score_label), after);
}

static void
threat_changed_cb (VaernRiskEditor *self)
{
  g_autofree char *title = vaern_entry_get_text (GTK_EDITABLE (self->title_row));
  g_autoptr(VaernThreat) threat = NULL;

  /* A new scenario starts from the threat's name. */
  if (title != NULL)
    return;
  threat = vaern_document_find_threat (self->document,
                                       vaern_record_dropdown_get_id (self->threat_dropdown));
  if (threat)
    vaern_entry_set_text (GTK_EDITABLE (self->title_row), threat->name);
}

/* "8.13, 5.30 8.7" → { "8.13", "5.30", "8.7" }; the store checks them. */
static GStrv
parse_controls (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;\\s]+", text ? text : "", 0, 0);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  for (guint i = 0; parts[i]; i++)
    {
      const char *p = parts[i];

      /* People copy "A.8.13" or "a.8.13" from older documents. */
      if ((p[0] == 'A' || p[0] == 'a') && p[1] == '.')
        p += 2;
      if (*p)
        g_strv_builder_add (builder, p);
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static gint64
vaern_risk_editor_save (VaernEditor *editor,
                        GError     **error)
{
  VaernRiskEditor *self = VAERN_RISK_EDITOR (editor);
  g_autoptr(VaernRisk) risk = NULL;
  g_autofree char *controls = NULL;
  char *assessed = NULL, *review = NULL, *accepted_on = NULL;

  if (!vaern_editor_read_date (editor, "assessed_on", &assessed, error))
    return 0;
  if (!vaern_editor_read_date (editor, "review_date", &review, error))
    {
      g_free (assessed);
      return 0;
    }
  if (!vaern_editor_read_date (editor, "accepted_on", &accepted_on, error))
    {
      g_free (assessed);
      g_free (review);
      return 0;
    }

  risk = self->risk ? vaern_risk_copy (self->risk) : vaern_risk_new ();
  risk->asset_id = vaern_record_dropdown_get_id (self->asset_dropdown);
  risk->threat_id = vaern_record_dropdown_get_id (self->threat_dropdown);
  g_free (risk->title);
  risk->title = vaern_entry_get_text (GTK_EDITABLE (self->title_row));
  g_free (risk->description);
  risk->description = text_view_get (self->description_view);
  risk->likelihood = level (self->likelihood_row);
  risk->consequence_c = level (self->confidentiality_row);
  risk->consequence_i = level (self->integrity_row);
  risk->consequence_a = level (self->availability_row);
  risk->treatment = adw_combo_row_get_selected (self->treatment_row);
  controls = vaern_entry_get_text (GTK_EDITABLE (self->controls_row));
  g_strfreev (risk->controls);
  risk->controls = parse_controls (controls);
  g_free (risk->measures);
  risk->measures = text_view_get (self->measures_view);
  risk->residual_likelihood = level (self->residual_likelihood_row);
  risk->residual_consequence = level (self->residual_consequence_row);
  risk->owner_id = vaern_record_dropdown_get_id (self->owner_dropdown);
  g_free (risk->assessed_on);
  risk->assessed_on = assessed;
  g_free (risk->review_date);
  risk->review_date = review;
  g_free (risk->accepted_by);
  risk->accepted_by = vaern_entry_get_text (GTK_EDITABLE (self->accepted_by_row));
  g_free (risk->accepted_on);
  risk->accepted_on = accepted_on;

  if (self->risk == NULL)
    return vaern_document_add_risk (self->document, risk, error);
  if (self->accepting ? !vaern_document_accept_risk (self->document, risk, error)
                      : !vaern_document_update_risk (self->document, risk, error))
    return 0;
  return vaern_record_get_id (VAERN_RECORD (self->risk));
}

static void
vaern_risk_editor_dispose (GObject *object)
{
  VaernRiskEditor *self = VAERN_RISK_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_RISK_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->risk);

  G_OBJECT_CLASS (vaern_risk_editor_parent_class)->dispose (object);
}

static void
vaern_risk_editor_class_init (VaernRiskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_risk_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_risk_editor_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-risk-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, asset_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, threat_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, confidentiality_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, integrity_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, availability_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, score_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, score_label);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, residual_score_label);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, treatment_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, controls_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, measures_view);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, residual_likelihood_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, residual_consequence_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, residual_score_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, assessed_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, review_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, accepted_by_row);
  gtk_widget_class_bind_template_child (widget_class, VaernRiskEditor, accepted_on_row);
}

static void
vaern_risk_editor_init (VaernRiskEditor *self)
{
  VaernEditor *editor = VAERN_EDITOR (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  vaern_editor_add_field (editor, "asset", GTK_WIDGET (self->asset_row));
  vaern_editor_add_field (editor, "threat", GTK_WIDGET (self->threat_row));
  vaern_editor_add_field (editor, "title", GTK_WIDGET (self->title_row));
  vaern_editor_add_field (editor, "likelihood", GTK_WIDGET (self->likelihood_row));
  vaern_editor_add_field (editor, "consequence_c", GTK_WIDGET (self->confidentiality_row));
  vaern_editor_add_field (editor, "consequence_i", GTK_WIDGET (self->integrity_row));
  vaern_editor_add_field (editor, "consequence_a", GTK_WIDGET (self->availability_row));
  vaern_editor_add_field (editor, "treatment", GTK_WIDGET (self->treatment_row));
  vaern_editor_add_field (editor, "controls", GTK_WIDGET (self->controls_row));
  vaern_editor_add_field (editor, "residual_likelihood", GTK_WIDGET (self->residual_likelihood_row));
  vaern_editor_add_field (editor, "residual_consequence",
                          GTK_WIDGET (self->residual_consequence_row));
  vaern_editor_add_field (editor, "owner", GTK_WIDGET (self->owner_row));
  vaern_editor_add_field (editor, "assessed_on", GTK_WIDGET (self->assessed_row));
  vaern_editor_add_field (editor, "review_date", GTK_WIDGET (self->review_row));
  vaern_editor_add_field (editor, "accepted_by", GTK_WIDGET (self->accepted_by_row));
  vaern_editor_add_field (editor, "accepted_on", GTK_WIDGET (self->accepted_on_row));
}

static void
add_dropdown (AdwActionRow *row,
              GtkDropDown  *dropdown)
{
  gtk_widget_set_size_request (GTK_WIDGET (dropdown), 220, -1);
  adw_action_row_add_suffix (row, GTK_WIDGET (dropdown));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (dropdown));
}

VaernRiskEditor *
vaern_risk_editor_new (GtkWindow     *parent,
                       VaernDocument *document,
                       VaernRisk     *risk,
                       gint64         asset_id)
{
  VaernRiskEditor *self;
  const VaernRiskScale *scale;
  AdwComboRow *consequences[3];
  guint levels[3] = { 0 };
  g_autofree char *controls = NULL;
  g_autoptr(VaernAsset) asset = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (risk == NULL || VAERN_IS_RISK (risk), NULL);

  self = g_object_new (VAERN_TYPE_RISK_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->risk = risk ? g_object_ref (risk) : NULL;
  scale = vaern_document_get_scale (document);
  if (risk)
    asset_id = risk->asset_id;

  self->asset_dropdown = vaern_record_dropdown_new (vaern_document_get_assets (document), "name",
                                                    asset_id,
                                                    /* Translators: no asset chosen yet */
                                                    _("Choose…"));
  add_dropdown (self->asset_row, self->asset_dropdown);
  self->threat_dropdown = vaern_record_dropdown_new (vaern_document_get_threats (document), "name",
                                                     risk ? risk->threat_id : 0,
                                                     /* Translators: a risk without a threat from the catalogue */
                                                     _("None"));
  add_dropdown (self->threat_row, self->threat_dropdown);
  /* The system owner is the natural owner of a new system's risk. */
  if (risk == NULL && asset_id > 0)
    asset = vaern_document_get_asset (document, asset_id, NULL);
  self->owner_dropdown = vaern_record_dropdown_new (vaern_document_get_people (document), "name",
                                                    risk ? risk->owner_id
                                                    : asset ? asset->owner_id : 0,
                                                    /* Translators: a risk without an owner */
                                                    _("None"));
  add_dropdown (self->owner_row, self->owner_dropdown);

  /* Translators: a level that is not assessed yet */
  set_levels (self->likelihood_row, scale->likelihood_labels, scale->n_likelihood,
              _("Not assessed"), risk ? risk->likelihood : 0);
  consequences[0] = self->confidentiality_row;
  consequences[1] = self->integrity_row;
  consequences[2] = self->availability_row;
  if (risk)
    levels[0] = risk->consequence_c, levels[1] = risk->consequence_i,
    levels[2] = risk->consequence_a;
  for (guint i = 0; i < 3; i++)
    set_levels (consequences[i], scale->consequence_labels, scale->n_consequence,
                _("Not assessed"), levels[i]);
  /* Translators: the residual level is the same as before treatment */
  set_levels (self->residual_likelihood_row, scale->likelihood_labels, scale->n_likelihood,
              _("As before"), risk ? risk->residual_likelihood : 0);
  set_levels (self->residual_consequence_row, scale->consequence_labels, scale->n_consequence,
              _("As before"), risk ? risk->residual_consequence : 0);
  vaern_combo_row_set_enum (self->treatment_row, &vaern_enum_treatment,
                            risk ? risk->treatment : 0);

  if (risk)
    {
      vaern_entry_set_text (GTK_EDITABLE (self->title_row), risk->title);
      text_view_set (self->description_view, risk->description);
      text_view_set (self->measures_view, risk->measures);
      controls = risk->controls ? g_strjoinv (", ", risk->controls) : NULL;
      vaern_entry_set_text (GTK_EDITABLE (self->controls_row), controls);
      vaern_entry_set_date (GTK_EDITABLE (self->assessed_row), risk->assessed_on);
      vaern_entry_set_date (GTK_EDITABLE (self->review_row), risk->review_date);
      vaern_entry_set_text (GTK_EDITABLE (self->accepted_by_row), risk->accepted_by);
      vaern_entry_set_date (GTK_EDITABLE (self->accepted_on_row), risk->accepted_on);
    }
  else
    {
      g_autofree char *today = vaern_date_today ();

      vaern_entry_set_date (GTK_EDITABLE (self->assessed_row), today);
    }

  g_signal_connect_swapped (self->likelihood_row, "notify::selected", G_CALLBACK (update_scores),
                            self);
  for (guint i = 0; i < 3; i++)
    g_signal_connect_swapped (consequences[i], "notify::selected", G_CALLBACK (update_scores),
                              self);
  g_signal_connect_swapped (self->residual_likelihood_row, "notify::selected",
                            G_CALLBACK (update_scores), self);
  g_signal_connect_swapped (self->residual_consequence_row, "notify::selected",
                            G_CALLBACK (update_scores), self);
  g_signal_connect_swapped (self->threat_dropdown, "notify::selected",
                            G_CALLBACK (threat_changed_cb), self);
  update_scores (self);

  vaern_editor_set_heading (VAERN_EDITOR (self),
                            risk
                            /* Translators: title of the risk editor */
                            ? _("Edit Risk")
                            /* Translators: title of the risk editor for a new one */
                            : _("New Risk"),
                            risk ? risk->asset_name : asset ? asset->name : NULL);
  /* What the login may change (a file: everything): an assessor the risks
   * of the systems they assess, management only the acceptance. */
  {
    VaernAccess access = vaern_document_get_access (document);
    gboolean editable = !vaern_document_get_read_only (document)
                        && (access == VAERN_ACCESS_ADMIN
                            || (access == VAERN_ACCESS_ASSESSOR
                                && (risk == NULL || vaern_document_may_assess (document,
                                                                               risk->asset_id))));
    GtkWidget *assessment[] = {
      GTK_WIDGET (self->asset_row), GTK_WIDGET (self->threat_row), GTK_WIDGET (self->title_row),
      GTK_WIDGET (self->likelihood_row), GTK_WIDGET (self->confidentiality_row),
      GTK_WIDGET (self->integrity_row), GTK_WIDGET (self->availability_row),
      GTK_WIDGET (self->treatment_row), GTK_WIDGET (self->controls_row),
      GTK_WIDGET (self->residual_likelihood_row), GTK_WIDGET (self->residual_consequence_row),
      GTK_WIDGET (self->owner_row), GTK_WIDGET (self->assessed_row), GTK_WIDGET (self->review_row),
    };

    self->accepting = risk != NULL && access == VAERN_ACCESS_MANAGEMENT
                      && !vaern_document_get_read_only (document);
    vaern_editor_set_editable (VAERN_EDITOR (self), editable || self->accepting);
    gtk_text_view_set_editable (self->description_view, editable);
    gtk_text_view_set_editable (self->measures_view, editable);
    for (guint i = 0; i < G_N_ELEMENTS (assessment); i++)
      gtk_widget_set_sensitive (assessment[i], editable);
    gtk_widget_set_sensitive (GTK_WIDGET (self->accepted_by_row), editable || self->accepting);
    gtk_widget_set_sensitive (GTK_WIDGET (self->accepted_on_row), editable || self->accepting);
  }
  /* A new risk of a known system starts at the threat; otherwise at the system. */
  gtk_widget_grab_focus (GTK_WIDGET (asset_id > 0 ? self->threat_row : self->asset_row));
  return self;
}
