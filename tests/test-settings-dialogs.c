/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "app/vaern-cli.h"
#include "core/vaern-core-error.h"
#include "core/vaern-date.h"
#include "views/vaern-scale-dialog-private.h"
#include "views/vaern-threat-editor.h"
#include "views/vaern-threats-dialog-private.h"
#include "vaern-test-util.h"

/* The risk scale dialog and the threat catalogue under a virtual display,
 * on the demo document (which has risks), driven as a person would. */

typedef struct
{
  char          *dir;
  char          *path;
  VaernDocument *doc;
  GtkWindow     *window;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  vaern_date_set_today ("2026-11-23");
  f->dir = vaern_test_tmpdir ();
  f->path = g_build_filename (f->dir, "demo.vaern", NULL);
  g_assert_true (vaern_cli_make_sample (f->path, FALSE, &error));
  g_assert_no_error (error);
  f->doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  gtk_window_present (f->window);
  iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate ();
  g_clear_object (&f->doc);
  vaern_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GObject *
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return object;
}

/* Whether a window is still open (the test holds a reference, so a
 * closed dialog is still there to look at). */
static gboolean
is_open (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == window)
        return TRUE;
    }
  return FALSE;
}

/* The risk scale dialog */

static VaernScaleDialog *
open_scale_dialog (Fixture *f)
{
  VaernScaleDialog *dialog = VAERN_SCALE_DIALOG (vaern_scale_dialog_new (f->window, f->doc));

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  return dialog;
}

static void
close_scale_dialog (VaernScaleDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_finalize_object (dialog);
}

static guint
preset_position (const char *key)
{
  const char *const *keys = vaern_risk_scale_preset_keys ();

  for (guint i = 0; keys[i]; i++)
    if (g_str_equal (keys[i], key))
      return i;
  g_assert_not_reached ();
}

static const char *
row_text (VaernScaleDialog *dialog,
          const char       *kind,
          guint             index)
{
  return gtk_editable_get_text (GTK_EDITABLE (vaern_scale_dialog_get_row (dialog, kind, index)));
}

static void
set_row_text (VaernScaleDialog *dialog,
              const char       *kind,
              guint             index,
              const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (vaern_scale_dialog_get_row (dialog, kind, index)), text);
}

/* The first risk at a likelihood, to follow it to the new scale. */
static gint64
risk_at_likelihood (Fixture *f,
                    guint    likelihood)
{
  GListModel *risks = vaern_document_get_risks (f->doc);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(VaernRisk) risk = g_list_model_get_item (risks, i);

      if (risk->likelihood == likelihood)
        return vaern_record_get_id (VAERN_RECORD (risk));
    }
  g_assert_not_reached ();
}

static guint
risk_likelihood (Fixture *f,
                 gint64   id)
{
  g_autoptr(VaernRisk) risk = vaern_document_get_risk (f->doc, id, NULL);

  g_assert_nonnull (risk);
  return risk->likelihood;
}

static void
test_scale_preset (Fixture       *f,
                   gconstpointer  data)
{
  VaernScaleDialog *dialog;
  AdwComboRow *preset_row;
  GtkSpinButton *spin;
  AdwMessageDialog *question;
  const char *body;
  const VaernRiskScale *scale;
  gint64 risk_id = risk_at_likelihood (f, 3);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (vaern_document_count_risks (f->doc), >, 0);
  g_assert_cmpuint (vaern_document_get_scale (f->doc)->n_likelihood, ==, 4);

  dialog = open_scale_dialog (f);
  preset_row = ADW_COMBO_ROW (child (GTK_WIDGET (dialog), VAERN_TYPE_SCALE_DIALOG, "preset_row"));
  spin = GTK_SPIN_BUTTON (child (GTK_WIDGET (dialog), VAERN_TYPE_SCALE_DIALOG, "likelihood_spin"));
  g_assert_cmpuint (adw_combo_row_get_selected (preset_row), ==, preset_position ("dk-4x4"));

  /* Choosing the 5 × 5 preset fills in its levels and bands. */
  adw_combo_row_set_selected (preset_row, preset_position ("kl-5x5"));
  iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 5);
  g_assert_cmpstr (row_text (dialog, "likelihood", 4), ==, "Meget sandsynlig");
  g_assert_cmpstr (row_text (dialog, "band", 4), ==, "Meget høj");

  /* The document has risks: Apply asks first, and says how the levels move. */
  g_assert_false (vaern_scale_dialog_apply (dialog));
  question = vaern_scale_dialog_get_question (dialog);
  g_assert_nonnull (question);
  body = adw_message_dialog_get_body (question);
  g_assert_nonnull (strstr (body, "Likelihood 1 2 3 4 becomes 1 2 4 5"));
  g_assert_nonnull (strstr (body, "Consequence 1 2 3 4 becomes 1 2 4 5"));
  g_assert_cmpuint (vaern_document_get_scale (f->doc)->n_likelihood, ==, 4);

  /* Cancel changes nothing and keeps the dialog open. */
  vaern_scale_dialog_answer (dialog, "cancel");
  iterate ();
  g_assert_null (vaern_scale_dialog_get_question (dialog));
  g_assert_true (is_open (dialog));
  g_assert_cmpuint (vaern_document_get_scale (f->doc)->n_likelihood, ==, 4);
  g_assert_cmpuint (risk_likelihood (f, risk_id), ==, 3);

  /* Move Levels makes the change and closes the dialog. */
  g_assert_false (vaern_scale_dialog_apply (dialog));
  vaern_scale_dialog_answer (dialog, "move");
  iterate ();
  g_assert_null (vaern_scale_dialog_get_message (dialog));
  g_assert_false (is_open (dialog));
  scale = vaern_document_get_scale (f->doc);
  g_assert_cmpuint (scale->n_likelihood, ==, 5);
  g_assert_cmpuint (scale->n_consequence, ==, 5);
  g_assert_cmpuint (scale->n_bands, ==, 5);
  g_assert_cmpstr (scale->preset, ==, "kl-5x5");
  g_assert_cmpuint (risk_likelihood (f, risk_id), ==, 4);

  /* One undo step puts the scale and the levels back. */
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  scale = vaern_document_get_scale (f->doc);
  g_assert_cmpuint (scale->n_likelihood, ==, 4);
  g_assert_cmpuint (scale->n_consequence, ==, 4);
  g_assert_cmpstr (scale->preset, ==, "dk-4x4");
  g_assert_cmpuint (risk_likelihood (f, risk_id), ==, 3);

  close_scale_dialog (dialog);
}

static void
test_scale_label (Fixture       *f,
                  gconstpointer  data)
{
  VaernScaleDialog *dialog = open_scale_dialog (f);
  AdwComboRow *preset_row;
  const VaernRiskScale *scale;
  g_autoptr(GError) error = NULL;

  set_row_text (dialog, "likelihood", 0, "Næppe");
  set_row_text (dialog, "band", 2, "Kritisk");
  iterate ();
  /* An edited preset is the organisation's own scale: Custom, after the presets. */
  preset_row = ADW_COMBO_ROW (child (GTK_WIDGET (dialog), VAERN_TYPE_SCALE_DIALOG, "preset_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (preset_row), ==,
                    g_strv_length ((char **) vaern_risk_scale_preset_keys ()));

  /* The size is the same: no question. */
  g_assert_true (vaern_scale_dialog_apply (dialog));
  iterate ();
  g_assert_false (is_open (dialog));
  scale = vaern_document_get_scale (f->doc);
  g_assert_cmpstr (scale->likelihood_labels[0], ==, "Næppe");
  g_assert_cmpstr (scale->likelihood_labels[1], ==, "Mindre sandsynligt");
  g_assert_cmpstr (scale->bands[2].label, ==, "Kritisk");
  g_assert_cmpstr (scale->bands[2].color, ==, "#ed333b");
  g_assert_cmpstr (scale->preset, ==, "custom");

  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_cmpstr (vaern_document_get_scale (f->doc)->likelihood_labels[0], ==, "Usandsynligt");
  close_scale_dialog (dialog);
}

static void
test_scale_invalid (Fixture       *f,
                    gconstpointer  data)
{
  VaernScaleDialog *dialog = open_scale_dialog (f);
  g_autoptr(VaernRiskScale) before = vaern_risk_scale_copy (vaern_document_get_scale (f->doc));
  GtkWidget *row;

  g_assert_null (vaern_scale_dialog_get_message (dialog));
  set_row_text (dialog, "likelihood", 0, "Sjældent");
  set_row_text (dialog, "consequence", 1, "  ");
  g_assert_false (vaern_scale_dialog_apply (dialog));
  iterate ();

  /* The dialog says why, marks the field, keeps everything typed and
   * changes nothing. */
  g_assert_true (is_open (dialog));
  g_assert_nonnull (vaern_scale_dialog_get_message (dialog));
  g_assert_nonnull (strstr (vaern_scale_dialog_get_message (dialog), "Consequence level 2"));
  row = vaern_scale_dialog_get_row (dialog, "consequence", 1);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (row_text (dialog, "likelihood", 0), ==, "Sjældent");
  g_assert_null (vaern_scale_dialog_get_question (dialog));
  g_assert_true (vaern_risk_scale_equal (vaern_document_get_scale (f->doc), before));

  /* Typing the name takes the mark away, and Apply goes through. */
  set_row_text (dialog, "consequence", 1, "Mærkbar");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (vaern_scale_dialog_apply (dialog));
  g_assert_cmpstr (vaern_document_get_scale (f->doc)->consequence_labels[1], ==, "Mærkbar");
  close_scale_dialog (dialog);
}

static void
test_scale_levels (Fixture       *f,
                   gconstpointer  data)
{
  VaernScaleDialog *dialog = open_scale_dialog (f);
  GtkSpinButton *spin = GTK_SPIN_BUTTON (child (GTK_WIDGET (dialog), VAERN_TYPE_SCALE_DIALOG,
                                                "likelihood_spin"));

  /* A new size brings a custom scale's names, but a typed one stays. */
  set_row_text (dialog, "likelihood", 0, "Næsten aldrig");
  gtk_spin_button_set_value (spin, 5);
  iterate ();
  g_assert_cmpstr (row_text (dialog, "likelihood", 0), ==, "Næsten aldrig");
  g_assert_cmpstr (row_text (dialog, "likelihood", 1), ==, "Usandsynligt");
  g_assert_cmpstr (row_text (dialog, "likelihood", 4), ==, "Meget sandsynligt");
  g_assert_true (gtk_widget_get_visible (vaern_scale_dialog_get_row (dialog, "likelihood", 4)));
  g_assert_false (gtk_widget_get_visible (vaern_scale_dialog_get_row (dialog, "likelihood", 5)));
  /* The consequence axis is untouched. */
  g_assert_cmpstr (row_text (dialog, "consequence", 3), ==, "Graverende");

  gtk_spin_button_set_value (spin, 3);
  iterate ();
  g_assert_cmpstr (row_text (dialog, "likelihood", 0), ==, "Næsten aldrig");
  g_assert_false (gtk_widget_get_visible (vaern_scale_dialog_get_row (dialog, "likelihood", 3)));

  /* Bands: from two to six, and no further either way. */
  for (guint i = 0; i < 5; i++)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "scale.remove-band", NULL);
  g_assert_false (gtk_widget_get_visible (vaern_scale_dialog_get_row (dialog, "band", 2)));
  g_assert_true (gtk_widget_get_visible (vaern_scale_dialog_get_row (dialog, "band", 1)));
  for (guint i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "scale.add-band", NULL);
  g_assert_true (gtk_widget_get_visible (vaern_scale_dialog_get_row (dialog, "band", 5)));
  /* The new bands need names before the scale can be applied. */
  g_assert_false (vaern_scale_dialog_apply (dialog));
  g_assert_nonnull (vaern_scale_dialog_get_message (dialog));
  g_assert_null (vaern_scale_dialog_get_question (dialog));
  g_assert_cmpuint (vaern_document_get_scale (f->doc)->n_likelihood, ==, 4);
  close_scale_dialog (dialog);
}

static void
test_scale_read_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VaernScaleDialog *dialog;

  g_clear_object (&f->doc);
  g_chmod (f->path, 0444);
  f->doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_document_get_read_only (f->doc));

  dialog = open_scale_dialog (f);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (GTK_WIDGET (dialog),
                                                               VAERN_TYPE_SCALE_DIALOG,
                                                               "content_box"))));
  set_row_text (dialog, "likelihood", 0, "Næppe");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "scale.apply", NULL);
  g_assert_false (vaern_scale_dialog_apply (dialog));
  g_assert_true (is_open (dialog));
  g_assert_cmpstr (vaern_document_get_scale (f->doc)->likelihood_labels[0], ==, "Usandsynligt");
  close_scale_dialog (dialog);
}

/* The threat catalogue */

static VaernThreatsDialog *
open_threats_dialog (Fixture *f)
{
  VaernThreatsDialog *dialog = VAERN_THREATS_DIALOG (vaern_threats_dialog_new (f->window, f->doc));

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  return dialog;
}

static guint
n_shown (VaernThreatsDialog *dialog)
{
  return g_list_model_get_n_items (vaern_threats_dialog_get_shown (dialog));
}

static guint
n_threats (Fixture *f)
{
  return g_list_model_get_n_items (vaern_document_get_threats (f->doc));
}

static gint64
find_threat (Fixture    *f,
             const char *name)
{
  GListModel *threats = vaern_document_get_threats (f->doc);

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(VaernThreat) threat = g_list_model_get_item (threats, i);

      if (g_str_equal (threat->name, name))
        return vaern_record_get_id (VAERN_RECORD (threat));
    }
  return 0;
}

static VaernEditor *
open_editor (VaernThreatsDialog *dialog)
{
  GtkWindow *editor;

  gtk_widget_activate_action (GTK_WIDGET (dialog), "threats.add", NULL);
  iterate ();
  editor = vaern_threats_dialog_get_dialog (dialog);
  g_assert_true (VAERN_IS_THREAT_EDITOR (editor));
  return VAERN_EDITOR (editor);
}

static void
fill_editor (VaernEditor *editor,
             const char  *category,
             const char  *name,
             const char  *description)
{
  GObject *view = child (GTK_WIDGET (editor), VAERN_TYPE_THREAT_EDITOR, "description_view");

  gtk_editable_set_text (GTK_EDITABLE (child (GTK_WIDGET (editor), VAERN_TYPE_THREAT_EDITOR,
                                              "category_row")), category);
  gtk_editable_set_text (GTK_EDITABLE (child (GTK_WIDGET (editor), VAERN_TYPE_THREAT_EDITOR,
                                              "name_row")), name);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), description, -1);
}

#define DESCRIPTION "Angribere bruger kommunens servere til kryptovaluta.\nDet koster strøm."

static void
test_threats_add (Fixture       *f,
                  gconstpointer  data)
{
  VaernThreatsDialog *dialog = open_threats_dialog (f);
  guint before = n_threats (f);
  VaernEditor *editor;
  g_autoptr(GError) error = NULL;
  GListModel *shown;
  VaernThreat *selected;
  gint64 id;

  g_assert_cmpuint (n_shown (dialog), ==, before);
  editor = open_editor (dialog);
  fill_editor (editor, "Ondsindede angreb", "Kryptominering",
               DESCRIPTION);
  g_assert_true (vaern_editor_save (editor, &error));
  g_assert_no_error (error);
  iterate ();

  /* It is in the catalogue and in the list, selected. */
  g_assert_cmpuint (n_threats (f), ==, before + 1);
  g_assert_cmpuint (n_shown (dialog), ==, before + 1);
  id = find_threat (f, "Kryptominering");
  g_assert_cmpint (id, >, 0);
  shown = vaern_threats_dialog_get_shown (dialog);
  selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown));
  g_assert_nonnull (selected);
  g_assert_cmpint (vaern_record_get_id (VAERN_RECORD (selected)), ==, id);
  g_assert_cmpstr (selected->category, ==, "Ondsindede angreb");
  g_assert_cmpstr (selected->description, ==,
                   DESCRIPTION);

  /* Editing it: Enter on the row opens the editor with its text. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "threats.edit", NULL);
  iterate ();
  editor = VAERN_EDITOR (vaern_threats_dialog_get_dialog (dialog));
  g_assert_true (VAERN_IS_THREAT_EDITOR (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (GTK_WIDGET (editor),
                                                               VAERN_TYPE_THREAT_EDITOR,
                                                               "name_row"))),
                   ==, "Kryptominering");
  gtk_editable_set_text (GTK_EDITABLE (child (GTK_WIDGET (editor), VAERN_TYPE_THREAT_EDITOR,
                                              "name_row")), "Cryptojacking");
  g_assert_true (vaern_editor_save (editor, &error));
  iterate ();
  g_assert_cmpint (find_threat (f, "Cryptojacking"), ==, id);
  g_assert_cmpuint (n_threats (f), ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_threats_duplicate (Fixture       *f,
                        gconstpointer  data)
{
  VaernThreatsDialog *dialog = open_threats_dialog (f);
  guint before = n_threats (f);
  VaernEditor *editor = open_editor (dialog);
  GObject *name_row = child (GTK_WIDGET (editor), VAERN_TYPE_THREAT_EDITOR, "name_row");
  GObject *category_row = child (GTK_WIDGET (editor), VAERN_TYPE_THREAT_EDITOR, "category_row");
  g_autoptr(GError) error = NULL;

  /* Names are compared without regard to case. */
  fill_editor (editor, "Tekniske fejl", "ransomware", "");
  g_assert_false (vaern_editor_save (editor, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_nonnull (strstr (vaern_editor_get_error (editor), "ransomware"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (category_row), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "ransomware");

  /* A threat needs a category. */
  fill_editor (editor, " ", "Ny trussel", "");
  g_assert_false (vaern_editor_save (editor, &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (category_row), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));
  g_assert_cmpuint (n_threats (f), ==, before);

  /* A category in use can be picked from the menu. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "threat-editor.use-category", "s",
                              "Tekniske fejl");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (category_row)), ==, "Tekniske fejl");
  g_assert_true (vaern_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_threats (f), ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static VaernThreat *
threat_with_risks (Fixture  *f,
                   gboolean  used)
{
  GListModel *threats = vaern_document_get_threats (f->doc);

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(VaernThreat) threat = g_list_model_get_item (threats, i);

      if ((threat->n_risks > 0) == used)
        return g_steal_pointer (&threat);
    }
  g_assert_not_reached ();
}

static void
test_threats_delete (Fixture       *f,
                     gconstpointer  data)
{
  VaernThreatsDialog *dialog = open_threats_dialog (f);
  g_autoptr(VaernThreat) used = threat_with_risks (f, TRUE);
  g_autoptr(VaernThreat) unused = threat_with_risks (f, FALSE);
  gint64 used_id = vaern_record_get_id (VAERN_RECORD (used));
  gint64 unused_id = vaern_record_get_id (VAERN_RECORD (unused));
  guint before = n_threats (f);
  GtkWindow *question;
  g_autofree char *expected = NULL;

  /* A threat no risk uses goes at once, with Undo in the dialog. */
  g_assert_true (vaern_threats_dialog_select (dialog, unused_id));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "threats.delete", NULL);
  /* (Before the main loop runs: a slow machine might let the toast time out.) */
  g_assert_nonnull (strstr (vaern_threats_dialog_get_toast (dialog), unused->name));
  iterate ();
  g_assert_null (vaern_threats_dialog_get_dialog (dialog));
  g_assert_cmpuint (n_threats (f), ==, before - 1);
  g_assert_cmpint (find_threat (f, unused->name), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "threats.undo", NULL);
  iterate ();
  g_assert_cmpuint (n_threats (f), ==, before);
  g_assert_cmpint (find_threat (f, unused->name), ==, unused_id);
  g_assert_cmpuint (n_shown (dialog), ==, before);

  /* A threat that risks use is deleted only after a question. */
  g_assert_true (vaern_threats_dialog_select (dialog, used_id));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "threats.delete", NULL);
  iterate ();
  question = vaern_threats_dialog_get_dialog (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (question));
  expected = g_strdup_printf (used->n_risks == 1 ? "%u risk uses this threat"
                                                 : "%u risks use this threat", used->n_risks);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), expected));
  vaern_threats_dialog_answer (dialog, "cancel");
  iterate ();
  g_assert_cmpint (find_threat (f, used->name), ==, used_id);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "threats.delete", NULL);
  iterate ();
  vaern_threats_dialog_answer (dialog, "delete");
  g_assert_nonnull (strstr (vaern_threats_dialog_get_toast (dialog), used->name));
  iterate ();
  g_assert_cmpint (find_threat (f, used->name), ==, 0);
  g_assert_cmpuint (n_shown (dialog), ==, before - 1);

  /* Undo brings the threat back to its risks. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "threats.undo", NULL);
  iterate ();
  g_assert_cmpint (find_threat (f, used->name), ==, used_id);
  {
    g_autoptr(VaernThreat) back = vaern_document_find_threat (f->doc, used_id);

    g_assert_cmpuint (back->n_risks, ==, used->n_risks);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_threats_search (Fixture       *f,
                     gconstpointer  data)
{
  VaernThreatsDialog *dialog = open_threats_dialog (f);
  GtkStack *stack = GTK_STACK (child (GTK_WIDGET (dialog), VAERN_TYPE_THREATS_DIALOG,
                                      "content_stack"));
  guint all = n_threats (f);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* The category … */
  vaern_threats_dialog_search (dialog, "menneskelige");
  iterate ();
  g_assert_cmpuint (n_shown (dialog), ==, 5);
  /* … every word, anywhere, ignoring case … */
  vaern_threats_dialog_search (dialog, "MENNESKELIGE forkert");
  iterate ();
  g_assert_cmpuint (n_shown (dialog), ==, 4);
  /* … and the description. */
  vaern_threats_dialog_search (dialog, "ukrypteret");
  iterate ();
  g_assert_cmpuint (n_shown (dialog), ==, 1);

  vaern_threats_dialog_search (dialog, "ingen-sådan-trussel");
  iterate ();
  g_assert_cmpuint (n_shown (dialog), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "threats.clear-search", NULL);
  iterate ();
  g_assert_cmpuint (n_shown (dialog), ==, all);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    return 77;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/vaern/settings-dialogs/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("scale/preset", test_scale_preset);
  ADD ("scale/label", test_scale_label);
  ADD ("scale/invalid", test_scale_invalid);
  ADD ("scale/levels", test_scale_levels);
  ADD ("scale/read-only", test_scale_read_only);
  ADD ("threats/add", test_threats_add);
  ADD ("threats/duplicate", test_threats_duplicate);
  ADD ("threats/delete", test_threats_delete);
  ADD ("threats/search", test_threats_search);

  return g_test_run ();
}
