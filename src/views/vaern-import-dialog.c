/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-view.h"
#include "widgets/vaern-file-chooser.h"
#include "vaern-import-dialog.h"
#include "widgets/vaern-ui-util.h"

/* The skipped rows listed in the dialog; the count says how many in all. */
#define MAX_SKIPS_SHOWN 200

struct _VaernImportDialog
{
  AdwWindow          parent_instance;

  VaernDocument     *document;
  VaernCsv          *csv;
  VaernSystemField  *mapping;
  GPtrArray         *column_rows;
  GPtrArray         *skip_rows;
  VaernImportReport *preview;
  guint              preview_source;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  AdwPreferencesGroup *columns_group;
  AdwActionRow      *result_row;
  AdwExpanderRow    *skipped_row;
};

G_DEFINE_FINAL_TYPE (VaernImportDialog, vaern_import_dialog, ADW_TYPE_WINDOW)

static void
clear_skip_rows (VaernImportDialog *self)
{
  for (guint i = 0; i < self->skip_rows->len; i++)
    adw_expander_row_remove (self->skipped_row, self->skip_rows->pdata[i]);
  g_ptr_array_set_size (self->skip_rows, 0);
}

static void
show_preview (VaernImportDialog *self)
{
  VaernImportReport *report = self->preview;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  guint n_skipped = report ? report->skipped->len : 0;

  clear_skip_rows (self);
  if (report == NULL)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: preview of a CSV import */
                                        "%u system will be imported",
                                        "%u systems will be imported", report->n_imported),
                           report->n_imported);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), title);
  if (n_skipped)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: preview of a CSV import */
                                             "%u row cannot be imported; see below why.",
                                             "%u rows cannot be imported; see below why.",
                                             n_skipped), n_skipped);
  else
    /* Translators: preview of a CSV import */
    subtitle = g_strdup (_("Every row can be imported."));
  adw_action_row_set_subtitle (self->result_row, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->skipped_row), n_skipped > 0);
  adw_expander_row_set_subtitle (self->skipped_row, NULL);
  for (guint i = 0; i < n_skipped && i < MAX_SKIPS_SHOWN; i++)
    {
      VaernImportSkip *skip = report->skipped->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a skipped row in the import preview: line number and name */
      g_autofree char *row_title = g_strdup_printf (_("Line %u: %s"), skip->line,
                                                    *skip->name ? skip->name : "—");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), skip->reason);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (self->skipped_row, row);
      g_ptr_array_add (self->skip_rows, row);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run",
                                 report->n_imported > 0
                                 && !vaern_document_get_read_only (self->document));
}

/* The preview is the real import, rolled back: what it reports is what
 * the import will do. */
static void
update_preview (VaernImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->preview, vaern_import_report_free);
  self->preview = vaern_document_import_systems (self->document, self->csv, self->mapping, TRUE,
                                                 &error);
  if (self->preview == NULL)
    {
      clear_skip_rows (self);
      gtk_widget_set_visible (GTK_WIDGET (self->skipped_row), FALSE);
      /* Translators: preview of a CSV import when nothing can be imported */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row),
                                     _("Nothing can be imported yet"));
      adw_action_row_set_subtitle (self->result_row, error ? error->message : NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
      return;
    }
  show_preview (self);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  VaernImportDialog *self = user_data;

  self->preview_source = 0;
  update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
column_changed_cb (AdwComboRow       *row,
                   GParamSpec        *pspec,
                   VaernImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  self->mapping[column] = adw_combo_row_get_selected (row);
  /* Wait for the person to stop choosing before checking every row again. */
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (200, preview_timeout_cb, self);
}

void
vaern_import_dialog_set_mapping (VaernImportDialog *self,
                                 guint              column,
                                 VaernSystemField   field)
{
  g_return_if_fail (VAERN_IS_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->column_rows->len);

  adw_combo_row_set_selected (self->column_rows->pdata[column], field);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  update_preview (self);
}

const VaernImportReport *
vaern_import_dialog_get_preview (VaernImportDialog *self)
{
  g_return_val_if_fail (VAERN_IS_IMPORT_DIALOG (self), NULL);
  return self->preview;
}

gboolean
vaern_import_dialog_import (VaernImportDialog *self,
                           GError           **error)
{
  g_autoptr(VaernImportReport) report = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (VAERN_IS_IMPORT_DIALOG (self), FALSE);

  report = vaern_document_import_systems (self->document, self->csv, self->mapping, FALSE, &local);
  if (report == NULL || report->n_imported == 0)
    {
      if (local == NULL)
        g_set_error (&local, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                     _("None of the rows could be imported."));
      /* Translators: heading of an error message */
      vaern_show_error (GTK_WIDGET (self), _("Could Not Import"), local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: notification after a CSV import */
                                          "Imported %u system", "Imported %u systems",
                                          report->n_imported), report->n_imported);
  if (report->skipped->len)
    {
      g_autofree char *skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               /* Translators: added to the notification after a CSV import */
                                                               "%u row skipped", "%u rows skipped",
                                                               report->skipped->len),
                                                  report->skipped->len);
      char *both = g_strconcat (message, "; ", skipped, NULL);

      g_free (message);
      message = both;
    }
  vaern_view_offer_undo (GTK_WIDGET (self), message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
run_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  vaern_import_dialog_import (VAERN_IMPORT_DIALOG (widget), NULL);
}

static void
vaern_import_dialog_dispose (GObject *object)
{
  VaernImportDialog *self = VAERN_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->csv, vaern_csv_free);
  g_clear_pointer (&self->mapping, g_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->skip_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview, vaern_import_report_free);

  G_OBJECT_CLASS (vaern_import_dialog_parent_class)->dispose (object);
}

static void
vaern_import_dialog_class_init (VaernImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VaernImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, VaernImportDialog, result_row);
  gtk_widget_class_bind_template_child (widget_class, VaernImportDialog, skipped_row);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vaern_import_dialog_init (VaernImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  self->skip_rows = g_ptr_array_new ();
}

/* The first non-empty values of a column, to recognise it by. */
static char *
column_sample (VaernCsv *csv,
               guint     column)
{
  GString *sample = g_string_new (NULL);
  guint shown = 0;

  for (guint row = 0; row < vaern_csv_get_n_rows (csv) && shown < 3; row++)
    {
      const char *value = vaern_csv_get (csv, row, column);

      if (value == NULL || *value == '\0')
        continue;
      if (shown)
        g_string_append (sample, ", ");
      g_string_append_len (sample, value, MIN (strlen (value), 40));
      shown++;
    }
  return g_string_free (sample, FALSE);
}

VaernImportDialog *
vaern_import_dialog_new (GtkWindow     *parent,
                         VaernDocument *document,
                         VaernCsv      *csv,
                         const char    *file_name)
{
  VaernImportDialog *self;
  guint n_columns;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (csv != NULL, NULL);

  self = g_object_new (VAERN_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->csv = csv;
  n_columns = vaern_csv_get_n_columns (csv);
  self->mapping = g_new0 (VaernSystemField, MAX (n_columns, 1));

  /* Translators: subtitle of the import dialog: file name, encoding, number of rows */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %s, %u row", "%s — %s, %u rows",
                                           vaern_csv_get_n_rows (csv)),
                              file_name, vaern_csv_get_encoding (csv), vaern_csv_get_n_rows (csv));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  for (guint c = 0; c < n_columns; c++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char *header = vaern_csv_get_header (csv, c);
      g_autofree char *sample = column_sample (csv, c);

      self->mapping[c] = vaern_system_field_guess (header);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header ? header : "—");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
      vaern_combo_row_set_enum (row, &vaern_enum_system_field, self->mapping[c]);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }

  update_preview (self);
  return self;
}

static void
file_chosen_cb (GtkWindow *parent,
                GFile     *file,
                gpointer   user_data)
{
  g_autoptr(VaernDocument) document = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  VaernCsv *csv = vaern_csv_read_file (file, &error);

  if (csv == NULL)
    {
      /* Translators: heading of an error message */
      vaern_show_error (GTK_WIDGET (parent), _("Could Not Read the File"), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (vaern_import_dialog_new (parent, document, csv, name)));
}

void
vaern_import_dialog_choose (GtkWindow     *parent,
                            VaernDocument *document)
{
  vaern_choose_file (parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                     /* Translators: title of a file chooser */
                     _("Import a CSV List of Systems"), _("_Open"), NULL, VAERN_FILES_CSV,
                     file_chosen_cb, g_object_ref (document));
}
