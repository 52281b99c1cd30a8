/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vaern-view.h"
#include "widgets/vaern-heat-map-widget.h"
#include "vaern-scale-dialog.h"
#include "vaern-scale-dialog-private.h"
#include "widgets/vaern-ui-util.h"

/* The risk scale of a document. The widgets hold the scale being edited:
 * rows for all six possible levels and bands exist from the start and are
 * shown as the sizes ask, so a change of size never rebuilds the page
 * under the person's keyboard focus. The scale is read back from the
 * widgets for the preview and for Apply. */

enum {
  AXIS_LIKELIHOOD,
  AXIS_CONSEQUENCE,
  N_AXES
};

struct _VaernScaleDialog
{
  AdwWindow         parent_instance;

  VaernDocument    *document;
  guint             n_presets;
  guint             n_levels[N_AXES];   /* the sizes the level rows show */
  guint             n_bands;
  guint             filling;            /* > 0 while the code fills the widgets */
  gboolean          typed[N_AXES][VAERN_SCALE_MAX_LEVELS]; /* a name the person typed */
  AdwMessageDialog *question;           /* weak */

  GtkWidget        *label_rows[N_AXES][VAERN_SCALE_MAX_LEVELS];
  GtkWidget        *description_rows[N_AXES][VAERN_SCALE_MAX_LEVELS];
  GtkWidget        *band_rows[VAERN_SCALE_MAX_BANDS];
  GtkSpinButton    *band_spins[VAERN_SCALE_MAX_BANDS];
  GtkColorChooser  *band_colors[VAERN_SCALE_MAX_BANDS];
  GtkColorChooser  *band_safe_colors[VAERN_SCALE_MAX_BANDS];

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkRevealer      *message_revealer;
  GtkLabel         *message_label;
  GtkWidget        *content_box;
  AdwComboRow      *preset_row;
  GtkSpinButton    *likelihood_spin;
  GtkSpinButton    *consequence_spin;
  VaernHeatMapWidget *preview;
  AdwPreferencesGroup *bands_group;
  AdwPreferencesGroup *likelihood_group;
  AdwPreferencesGroup *consequence_group;
};

G_DEFINE_FINAL_TYPE (VaernScaleDialog, vaern_scale_dialog, ADW_TYPE_WINDOW)

static void update_preview (VaernScaleDialog *self);

static gboolean
is_editable (VaernScaleDialog *self)
{
  return self->document != NULL && !vaern_document_get_read_only (self->document);
}

static void
show_message (VaernScaleDialog *self,
              const char       *text)
{
  gtk_label_set_text (self->message_label, text ? text : "");
  gtk_revealer_set_reveal_child (self->message_revealer, text != NULL);
}

/* Colours */

static char *
color_to_hex (GtkColorChooser *chooser)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (chooser, &rgba);
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) lround (CLAMP (rgba.red, 0, 1) * 255),
                          (guint) lround (CLAMP (rgba.green, 0, 1) * 255),
                          (guint) lround (CLAMP (rgba.blue, 0, 1) * 255));
}

static void
set_color (GtkColorChooser *chooser,
           const char      *hex)
{
  GdkRGBA rgba = { 0.5, 0.5, 0.5, 1 };

  if (hex)
    gdk_rgba_parse (&rgba, hex);
  rgba.alpha = 1;
  gtk_color_chooser_set_rgba (chooser, &rgba);
}

/* A band whose colour is the default for its place keeps being the
 * default when the number of bands changes; a colour the person chose
 * stays. */
static void
recolor_bands (VaernRiskScale *scale,
               guint           old_n,
               guint           new_n)
{
  for (guint i = 0; i < new_n; i++)
    for (guint safe = 0; safe < 2; safe++)
      {
        char **color = safe ? &scale->bands[i].safe_color : &scale->bands[i].color;

        if (i >= old_n || *color == NULL
            || g_ascii_strcasecmp (*color, vaern_risk_scale_default_color (old_n, i, safe)) == 0)
          {
            g_free (*color);
            *color = g_strdup (vaern_risk_scale_default_color (new_n, i, safe));
          }
      }
}

/* Reading and filling */

static char *
row_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
selected_preset (VaernScaleDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->preset_row);

  if (selected < self->n_presets)
    return vaern_risk_scale_preset_keys ()[selected];
  return "custom";
}

/* The scale as the widgets show it (not necessarily valid). */
static VaernRiskScale *
read_scale (VaernScaleDialog *self)
{
  VaernRiskScale *scale = g_new0 (VaernRiskScale, 1);

  scale->preset = g_strdup (selected_preset (self));
  scale->n_likelihood = self->n_levels[AXIS_LIKELIHOOD];
  scale->n_consequence = self->n_levels[AXIS_CONSEQUENCE];
  for (guint i = 0; i < scale->n_likelihood; i++)
    {
      scale->likelihood_labels[i] = row_text (self->label_rows[AXIS_LIKELIHOOD][i]);
      scale->likelihood_descriptions[i] = row_text (self->description_rows[AXIS_LIKELIHOOD][i]);
    }
  for (guint i = 0; i < scale->n_consequence; i++)
    {
      scale->consequence_labels[i] = row_text (self->label_rows[AXIS_CONSEQUENCE][i]);
      scale->consequence_descriptions[i] = row_text (self->description_rows[AXIS_CONSEQUENCE][i]);
    }
  scale->n_bands = self->n_bands;
  for (guint i = 0; i < scale->n_bands; i++)
    {
      scale->bands[i].label = row_text (self->band_rows[i]);
      scale->bands[i].min_score = i == 0 ? 1
                                  : (guint) gtk_spin_button_get_value_as_int (self->band_spins[i]);
      scale->bands[i].color = color_to_hex (self->band_colors[i]);
      scale->bands[i].safe_color = color_to_hex (self->band_safe_colors[i]);
    }
  return scale;
}

static void
set_row_text (GtkWidget  *row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
update_bands (VaernScaleDialog *self)
{
  guint max = self->n_levels[AXIS_LIKELIHOOD] * self->n_levels[AXIS_CONSEQUENCE];
  gboolean editable = is_editable (self);
  g_autofree char *description = NULL;

  /* Translators: description of the bands in the Risk Scale dialog; %u is the highest score */
  description = g_strdup_printf (_("A score is likelihood × consequence, from 1 to %u. A band "
                                   "starts at its lowest score and runs up to the next band; it "
                                   "has an ordinary colour and a colour-blind-safe one."),
                                 max);
  adw_preferences_group_set_description (self->bands_group, description);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scale.add-band",
                                 editable && self->n_bands < VAERN_SCALE_MAX_BANDS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scale.remove-band",
                                 editable && self->n_bands > VAERN_SCALE_MIN_BANDS);
}

/* Shows a scale in the widgets. */
static void
fill (VaernScaleDialog     *self,
      const VaernRiskScale *scale)
{
  guint max = vaern_risk_scale_max_score (scale);

  self->filling++;
  self->n_levels[AXIS_LIKELIHOOD] = scale->n_likelihood;
  self->n_levels[AXIS_CONSEQUENCE] = scale->n_consequence;
  gtk_spin_button_set_value (self->likelihood_spin, scale->n_likelihood);
  gtk_spin_button_set_value (self->consequence_spin, scale->n_consequence);
  for (guint axis = 0; axis < N_AXES; axis++)
    {
      char *const *labels = axis == AXIS_LIKELIHOOD ? scale->likelihood_labels
                                                    : scale->consequence_labels;
      char *const *descriptions = axis == AXIS_LIKELIHOOD ? scale->likelihood_descriptions
                                                          : scale->consequence_descriptions;

      for (guint i = 0; i < VAERN_SCALE_MAX_LEVELS; i++)
        {
          gboolean shown = i < self->n_levels[axis];

          set_row_text (self->label_rows[axis][i], shown ? labels[i] : NULL);
          set_row_text (self->description_rows[axis][i], shown ? descriptions[i] : NULL);
          gtk_widget_set_visible (self->label_rows[axis][i], shown);
          gtk_widget_set_visible (self->description_rows[axis][i], shown);
          if (!shown)
            self->typed[axis][i] = FALSE;
        }
    }

  self->n_bands = scale->n_bands;
  for (guint i = 0; i < VAERN_SCALE_MAX_BANDS; i++)
    {
      gboolean shown = i < scale->n_bands;

      gtk_widget_set_visible (self->band_rows[i], shown);
      gtk_spin_button_set_range (self->band_spins[i], 1, MAX (max, 1));
      if (!shown)
        continue;
      set_row_text (self->band_rows[i], scale->bands[i].label);
      gtk_spin_button_set_value (self->band_spins[i], i == 0 ? 1 : scale->bands[i].min_score);
      set_color (self->band_colors[i], scale->bands[i].color);
      set_color (self->band_safe_colors[i], scale->bands[i].safe_color);
    }
  self->filling--;

  update_bands (self);
  update_preview (self);
}

/* A preset stays chosen only while the scale is the preset's. */
static void
sync_preset (VaernScaleDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->preset_row);
  g_autoptr(VaernRiskScale) preset = NULL;
  g_autoptr(VaernRiskScale) edited = NULL;

  if (selected >= self->n_presets)
    return;
  preset = vaern_risk_scale_new_preset (vaern_risk_scale_preset_keys ()[selected]);
  edited = read_scale (self);
  if (vaern_risk_scale_equal (preset, edited))
    return;
  self->filling++;
  adw_combo_row_set_selected (self->preset_row, self->n_presets);
  self->filling--;
}

static void
changed (VaernScaleDialog *self)
{
  sync_preset (self);
  update_preview (self);
}

/* Callbacks */

static void
preset_changed_cb (VaernScaleDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->preset_row);
  g_autoptr(VaernRiskScale) scale = NULL;

  if (self->filling || selected >= self->n_presets)
    return;
  scale = vaern_risk_scale_new_preset (vaern_risk_scale_preset_keys ()[selected]);
  memset (self->typed, 0, sizeof self->typed);
  fill (self, scale);
}

static void
level_edited_cb (VaernScaleDialog *self,
                 GtkWidget        *row)
{
  gtk_widget_remove_css_class (row, "error");
  if (self->filling)
    return;
  for (guint axis = 0; axis < N_AXES; axis++)
    for (guint i = 0; i < VAERN_SCALE_MAX_LEVELS; i++)
      if (self->label_rows[axis][i] == row || self->description_rows[axis][i] == row)
        self->typed[axis][i] = TRUE;
  changed (self);
}

static void
band_edited_cb (VaernScaleDialog *self,
                GtkWidget        *widget)
{
  gtk_widget_remove_css_class (widget, "error");
  if (self->filling)
    return;
  changed (self);
}

static void
color_changed_cb (VaernScaleDialog *self)
{
  if (self->filling)
    return;
  changed (self);
}

/* Moves the band thresholds to a scale with another highest score, in
 * proportion, keeping them in order and in range. */
static void
rescale_bands (VaernRiskScale *scale,
               guint           old_max,
               guint           new_max)
{
  guint n = scale->n_bands;

  scale->bands[0].min_score = 1;
  for (guint i = 1; i < n; i++)
    {
      guint min = (guint) lround ((double) scale->bands[i].min_score * new_max / old_max);

      scale->bands[i].min_score = MAX (min, scale->bands[i - 1].min_score + 1);
    }
  for (guint i = n - 1; i > 0; i--)
    scale->bands[i].min_score = MIN (scale->bands[i].min_score, new_max - (n - 1 - i));
}

/* A new size brings the names a custom scale of that size has, except
 * where the person typed a name for a level that is still there. */
static void
levels_changed_cb (VaernScaleDialog *self)
{
  guint nl = gtk_spin_button_get_value_as_int (self->likelihood_spin);
  guint nc = gtk_spin_button_get_value_as_int (self->consequence_spin);
  g_autoptr(VaernRiskScale) edited = NULL;
  g_autoptr(VaernRiskScale) next = NULL;

  if (self->filling
      || (nl == self->n_levels[AXIS_LIKELIHOOD] && nc == self->n_levels[AXIS_CONSEQUENCE]))
    return;

  edited = read_scale (self);
  next = vaern_risk_scale_new_custom (nl, nc);
  for (guint i = 0; i < MIN (nl, edited->n_likelihood); i++)
    if (self->typed[AXIS_LIKELIHOOD][i])
      {
        g_free (next->likelihood_labels[i]);
        next->likelihood_labels[i] = g_strdup (edited->likelihood_labels[i]);
        g_free (next->likelihood_descriptions[i]);
        next->likelihood_descriptions[i] = g_strdup (edited->likelihood_descriptions[i]);
      }
  for (guint i = 0; i < MIN (nc, edited->n_consequence); i++)
    if (self->typed[AXIS_CONSEQUENCE][i])
      {
        g_free (next->consequence_labels[i]);
        next->consequence_labels[i] = g_strdup (edited->consequence_labels[i]);
        g_free (next->consequence_descriptions[i]);
        next->consequence_descriptions[i] = g_strdup (edited->consequence_descriptions[i]);
      }

  /* The bands stay, with their thresholds moved to the new range. */
  for (guint i = 0; i < VAERN_SCALE_MAX_BANDS; i++)
    {
      g_free (next->bands[i].label);
      g_free (next->bands[i].color);
      g_free (next->bands[i].safe_color);
      next->bands[i] = edited->bands[i];
      edited->bands[i].label = edited->bands[i].color = edited->bands[i].safe_color = NULL;
    }
  next->n_bands = edited->n_bands;
  rescale_bands (next, vaern_risk_scale_max_score (edited), nl * nc);

  fill (self, next);
  changed (self);
}

static void
add_band_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  VaernScaleDialog *self = VAERN_SCALE_DIALOG (widget);
  g_autoptr(VaernRiskScale) scale = read_scale (self);
  guint n = scale->n_bands;
  guint max = vaern_risk_scale_max_score (scale);
  guint last;

  if (n >= VAERN_SCALE_MAX_BANDS)
    return;
  /* The new band takes the upper half of the highest band's range. */
  last = scale->bands[n - 1].min_score;
  scale->bands[n].label = g_strdup ("");
  scale->bands[n].min_score = MIN (max, last + MAX (1, (max - last + 1) / 2));
  scale->n_bands = n + 1;
  recolor_bands (scale, n, n + 1);
  fill (self, scale);
  changed (self);
  gtk_widget_grab_focus (self->band_rows[n]);
}

static void
remove_band_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  VaernScaleDialog *self = VAERN_SCALE_DIALOG (widget);
  g_autoptr(VaernRiskScale) scale = read_scale (self);
  guint n = scale->n_bands;

  if (n <= VAERN_SCALE_MIN_BANDS)
    return;
  scale->n_bands = n - 1;
  recolor_bands (scale, n, n - 1);
  fill (self, scale);
  changed (self);
}

/* The preview is the heat map widget of the risks view, with no risks. */
static void
update_preview (VaernScaleDialog *self)
{
  static const guint zeros[VAERN_SCALE_MAX_LEVELS * VAERN_SCALE_MAX_LEVELS];
  g_autoptr(VaernRiskScale) scale = read_scale (self);

  vaern_heat_map_widget_set_data (self->preview, scale, zeros, zeros);
}

/* Apply */

static void
clear_marks (VaernScaleDialog *self)
{
  for (guint axis = 0; axis < N_AXES; axis++)
    for (guint i = 0; i < VAERN_SCALE_MAX_LEVELS; i++)
      gtk_widget_remove_css_class (self->label_rows[axis][i], "error");
  for (guint i = 0; i < VAERN_SCALE_MAX_BANDS; i++)
    {
      gtk_widget_remove_css_class (self->band_rows[i], "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->band_spins[i]), "error");
    }
  show_message (self, NULL);
}

/* Marks and focuses the field the validation stopped at, in its order. */
static void
mark_invalid (VaernScaleDialog     *self,
              const VaernRiskScale *scale)
{
  GtkWidget *at = NULL;
  guint max = vaern_risk_scale_max_score (scale);

  for (guint i = 0; at == NULL && i < scale->n_likelihood; i++)
    if (*scale->likelihood_labels[i] == '\0')
      at = self->label_rows[AXIS_LIKELIHOOD][i];
  for (guint i = 0; at == NULL && i < scale->n_consequence; i++)
    if (*scale->consequence_labels[i] == '\0')
      at = self->label_rows[AXIS_CONSEQUENCE][i];
  for (guint i = 0; at == NULL && i < scale->n_bands; i++)
    if (*scale->bands[i].label == '\0')
      at = self->band_rows[i];
    else if (i > 0 && (scale->bands[i].min_score <= scale->bands[i - 1].min_score
                       || scale->bands[i].min_score > max))
      at = GTK_WIDGET (self->band_spins[i]);
  if (at == NULL)
    return;
  gtk_widget_add_css_class (at, "error");
  gtk_widget_grab_focus (at);
}

static gboolean
commit (VaernScaleDialog     *self,
        const VaernRiskScale *scale)
{
  g_autoptr(GError) error = NULL;

  if (!vaern_document_set_scale (self->document, scale, TRUE, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  /* Translators: notification after the risk scale was changed */
  vaern_view_offer_undo (GTK_WIDGET (self), _("Risk scale changed"));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* "1 2 3 4" */
static char *
level_list (guint n)
{
  GString *s = g_string_new (NULL);

  for (guint l = 1; l <= n; l++)
    g_string_append_printf (s, l > 1 ? " %u" : "%u", l);
  return g_string_free (s, FALSE);
}

/* "1 2 4 5": where each level of the old size goes. */
static char *
mapped_list (guint old_n,
             guint new_n)
{
  GString *s = g_string_new (NULL);

  for (guint l = 1; l <= old_n; l++)
    g_string_append_printf (s, l > 1 ? " %u" : "%u", vaern_risk_scale_map_level (l, old_n, new_n));
  return g_string_free (s, FALSE);
}

static void
question_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      VaernScaleDialog *self)
{
  VaernRiskScale *scale = g_object_get_data (G_OBJECT (dialog), "vaern-scale");

  if (g_strcmp0 (response, "move") == 0 && scale)
    commit (self, scale);
}

static void
ask_to_move (VaernScaleDialog     *self,
             const VaernRiskScale *scale)
{
  const VaernRiskScale *current = vaern_document_get_scale (self->document);
  guint n = vaern_document_count_risks (self->document);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  g_string_append_printf (body,
                          /* Translators: the question before a new risk scale moves the levels of the risks */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u risk is scored on the present scale. Its levels will "
                                       "be moved to the new scale:",
                                       "%u risks are scored on the present scale. Their levels "
                                       "will be moved to the new scale:", n), n);
  g_string_append (body, "\n");
  if (current->n_likelihood != scale->n_likelihood)
    {
      g_autofree char *from = level_list (current->n_likelihood);
      g_autofree char *to = mapped_list (current->n_likelihood, scale->n_likelihood);

      g_string_append (body, "\n");
      /* Translators: in the question before levels are moved; "Likelihood 1 2 3 4 becomes 1 2 4 5" */
      g_string_append_printf (body, _("Likelihood %s becomes %s"), from, to);
    }
  if (current->n_consequence != scale->n_consequence)
    {
      g_autofree char *from = level_list (current->n_consequence);
      g_autofree char *to = mapped_list (current->n_consequence, scale->n_consequence);

      g_string_append (body, "\n");
      /* Translators: in the question before levels are moved; "Consequence 1 2 3 4 becomes 1 2 4 5" */
      g_string_append_printf (body, _("Consequence %s becomes %s"), from, to);
    }
  g_string_append (body, "\n\n");
  /* Translators: in the question before levels are moved */
  g_string_append (body, _("Scores and bands may change. Undo puts everything back."));

  /* Translators: heading of the question before the levels of the risks are moved */
  dialog = GTK_WIDGET (vaern_question_new (GTK_WINDOW (self), _("Move Risk Levels?"), body->str,
                                           /* Translators: button of a question: move the levels of the risks to the new scale */
                                           "move", _("_Move Levels"), ADW_RESPONSE_DESTRUCTIVE));
  g_object_set_data_full (G_OBJECT (dialog), "vaern-scale", vaern_risk_scale_copy (scale),
                          (GDestroyNotify) vaern_risk_scale_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (question_response_cb), self, 0);
  g_set_weak_pointer (&self->question, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
vaern_scale_dialog_apply (VaernScaleDialog *self)
{
  g_autoptr(VaernRiskScale) scale = NULL;
  g_autoptr(GError) error = NULL;
  const VaernRiskScale *current;

  g_return_val_if_fail (VAERN_IS_SCALE_DIALOG (self), FALSE);

  if (!is_editable (self))
    return FALSE;
  clear_marks (self);
  scale = read_scale (self);
  if (!vaern_risk_scale_validate (scale, &error))
    {
      show_message (self, error->message);
      mark_invalid (self, scale);
      return FALSE;
    }

  current = vaern_document_get_scale (self->document);
  if (vaern_risk_scale_equal (current, scale))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    }
  if (vaern_risk_scale_needs_mapping (current, scale)
      && vaern_document_count_risks (self->document) > 0)
    {
      ask_to_move (self, scale);
      return FALSE;
    }
  return commit (self, scale);
}

static void
apply_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  vaern_scale_dialog_apply (VAERN_SCALE_DIALOG (widget));
}

/* For the tests */

GtkWidget *
vaern_scale_dialog_get_row (VaernScaleDialog *self,
                            const char       *kind,
                            guint             index)
{
  g_return_val_if_fail (VAERN_IS_SCALE_DIALOG (self), NULL);
  g_return_val_if_fail (index < VAERN_SCALE_MAX_LEVELS, NULL);

  if (g_str_equal (kind, "likelihood"))
    return self->label_rows[AXIS_LIKELIHOOD][index];
  if (g_str_equal (kind, "likelihood-description"))
    return self->description_rows[AXIS_LIKELIHOOD][index];
  if (g_str_equal (kind, "consequence"))
    return self->label_rows[AXIS_CONSEQUENCE][index];
  if (g_str_equal (kind, "consequence-description"))
    return self->description_rows[AXIS_CONSEQUENCE][index];
  if (g_str_equal (kind, "band"))
    return self->band_rows[index];
  g_return_val_if_reached (NULL);
}

const char *
vaern_scale_dialog_get_message (VaernScaleDialog *self)
{
  g_return_val_if_fail (VAERN_IS_SCALE_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->message_revealer))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

AdwMessageDialog *
vaern_scale_dialog_get_question (VaernScaleDialog *self)
{
  g_return_val_if_fail (VAERN_IS_SCALE_DIALOG (self), NULL);
  return self->question;
}

void
vaern_scale_dialog_answer (VaernScaleDialog *self,
                           const char       *response)
{
  g_autoptr(VaernScaleDialog) hold = NULL;

  g_return_if_fail (VAERN_IS_SCALE_DIALOG (self));
  g_return_if_fail (self->question != NULL);

  hold = g_object_ref (self);
  adw_message_dialog_response (self->question, response);
  if (self->question)
    gtk_window_destroy (GTK_WINDOW (self->question));
}

/* Building the rows */

static GtkWidget *
entry_row (VaernScaleDialog    *self,
           AdwPreferencesGroup *group,
           const char          *title,
           GCallback            callback)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_object (row, "changed", callback, self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return row;
}

static void
build_level_rows (VaernScaleDialog *self)
{
  for (guint axis = 0; axis < N_AXES; axis++)
    {
      AdwPreferencesGroup *group = axis == AXIS_LIKELIHOOD ? self->likelihood_group
                                                           : self->consequence_group;

      for (guint i = 0; i < VAERN_SCALE_MAX_LEVELS; i++)
        {
          /* Translators: field of the Risk Scale dialog: the name of a level; %u is its number */
          g_autofree char *title = g_strdup_printf (_("Level %u"), i + 1);
          /* Translators: field of the Risk Scale dialog; %u is the number of a level */
          g_autofree char *description = g_strdup_printf (_("Description of level %u"), i + 1);

          self->label_rows[axis][i] = entry_row (self, group, title, G_CALLBACK (level_edited_cb));
          self->description_rows[axis][i] = entry_row (self, group, description,
                                                       G_CALLBACK (level_edited_cb));
        }
    }
}

static GtkColorChooser *
color_button (VaernScaleDialog *self,
              const char       *tooltip)
{
  GtkWidget *button = gtk_color_button_new ();

  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (button), tooltip);
  gtk_color_button_set_modal (GTK_COLOR_BUTTON (button), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  g_signal_connect_object (button, "notify::rgba", G_CALLBACK (color_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_COLOR_CHOOSER (button);
}

static void
build_band_rows (VaernScaleDialog *self)
{
  for (guint i = 0; i < VAERN_SCALE_MAX_BANDS; i++)
    {
      /* Translators: field of the Risk Scale dialog: the name of a band; %u is its number */
      g_autofree char *title = g_strdup_printf (_("Band %u"), i + 1);
      GtkWidget *row = entry_row (self, self->bands_group, title, G_CALLBACK (band_edited_cb));
      GtkWidget *spin = gtk_spin_button_new_with_range (1, 36, 1);
      /* Translators: tooltip of the spin button of a band in the Risk Scale dialog */
      const char *spin_tip = _("Lowest score of the band");

      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (spin, spin_tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      spin_tip, -1);
      /* The lowest band always starts at 1. */
      gtk_widget_set_sensitive (spin, i > 0);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (band_edited_cb), self,
                               G_CONNECT_SWAPPED);

      self->band_rows[i] = row;
      self->band_spins[i] = GTK_SPIN_BUTTON (spin);
      /* Translators: tooltip and title of a colour button of a band in the Risk Scale dialog */
      self->band_colors[i] = color_button (self, _("Colour"));
      /* Translators: tooltip and title of a colour button of a band: the colour used when the colour-blind-safe colours are chosen */
      self->band_safe_colors[i] = color_button (self, _("Colour-blind-safe colour"));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), spin);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), GTK_WIDGET (self->band_colors[i]));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), GTK_WIDGET (self->band_safe_colors[i]));
    }
}

/* Life cycle */

static void
vaern_scale_dialog_dispose (GObject *object)
{
  VaernScaleDialog *self = VAERN_SCALE_DIALOG (object);

  g_clear_weak_pointer (&self->question);
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_SCALE_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vaern_scale_dialog_parent_class)->dispose (object);
}

static void
vaern_scale_dialog_class_init (VaernScaleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (VAERN_TYPE_HEAT_MAP_WIDGET);

  object_class->dispose = vaern_scale_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-scale-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, likelihood_spin);
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, consequence_spin);
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, bands_group);
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, likelihood_group);
  gtk_widget_class_bind_template_child (widget_class, VaernScaleDialog, consequence_group);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, levels_changed_cb);

  gtk_widget_class_install_action (widget_class, "scale.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "scale.add-band", NULL, add_band_action);
  gtk_widget_class_install_action (widget_class, "scale.remove-band", NULL, remove_band_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "scale.apply",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vaern_scale_dialog_init (VaernScaleDialog *self)
{
  g_autoptr(GtkStringList) presets = gtk_string_list_new (NULL);
  const char *const *keys = vaern_risk_scale_preset_keys ();

  self->filling++;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (self->n_presets = 0; keys[self->n_presets]; self->n_presets++)
    gtk_string_list_append (presets, vaern_risk_scale_preset_name (keys[self->n_presets]));
  /* Translators: a choice of the Risk Scale dialog: a scale made by the organisation itself */
  gtk_string_list_append (presets, _("Custom"));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (presets));

  build_band_rows (self);
  build_level_rows (self);
  vaern_heat_map_widget_set_show (self->preview, VAERN_HEAT_MAP_INHERENT);
  self->filling--;
}

GtkWidget *
vaern_scale_dialog_new (GtkWindow     *parent,
                        VaernDocument *document)
{
  VaernScaleDialog *self;
  const VaernRiskScale *scale;
  guint preset;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);

  self = g_object_new (VAERN_TYPE_SCALE_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  scale = vaern_document_get_scale (document);

  for (preset = 0; preset < self->n_presets; preset++)
    if (g_strcmp0 (scale->preset, vaern_risk_scale_preset_keys ()[preset]) == 0)
      break;
  self->filling++;
  adw_combo_row_set_selected (self->preset_row, preset);
  self->filling--;
  fill (self, scale);

  if (!is_editable (self))
    {
      gtk_widget_set_sensitive (self->content_box, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "scale.apply", FALSE);
      /* Translators: subtitle of the Risk Scale dialog when the document cannot be changed */
      adw_window_title_set_subtitle (self->window_title, _("The document is read-only"));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->preset_row));
  return GTK_WIDGET (self);
}
