/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/vaern-risk-scale.h"
#include "store/vaern-backups.h"
#include "store/vaern-store-error.h"
#include "widgets/vaern-file-chooser.h"
#include "vaern-preferences-window.h"
#include "views/vaern-scale-dialog.h"

struct _VaernPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  VaernDocument *document;
  GSettings     *settings;
  GCancellable  *cancellable;   /* the logo being read */
  guint          undo_depth;    /* the document's undo depth after the toast's edit, or 0 */

  AdwPreferencesGroup *organisation_group;
  AdwPreferencesGroup *scale_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *cvr_row;
  AdwActionRow        *logo_row;
  GtkPicture          *logo_picture;
  GtkSpinner          *logo_spinner;
  GtkWidget           *logo_choose_button;
  GtkWidget           *logo_remove_button;
  GtkWidget           *scale_button;
  GtkWidget           *folder_reset_button;
  AdwActionRow        *scale_row;
  AdwComboRow         *style_row;
  GtkSwitch           *palette_switch;
  AdwActionRow        *folder_row;
  AdwActionRow        *backups_row;
  GtkSwitch           *backups_switch;
};

G_DEFINE_FINAL_TYPE (VaernPreferencesWindow, vaern_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The style setting's values, in the order of the style row's choices. */
static const char *const styles[] = { "system", "light", "dark" };

static gboolean
editable (VaernPreferencesWindow *self)
{
  return self->document != NULL && !vaern_document_get_read_only (self->document);
}

static void
show_toast (VaernPreferencesWindow *self,
            const char             *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* After an edit that began at undo depth depth_before: a toast with Undo
 * if the edit is a step, nothing if it changed nothing (its Undo would
 * undo an older edit). */
static void
offer_undo (VaernPreferencesWindow *self,
            guint                   depth_before,
            const char             *message)
{
  AdwToast *toast;

  if (vaern_document_get_undo_depth (self->document) <= depth_before)
    return;
  self->undo_depth = vaern_document_get_undo_depth (self->document);
  toast = adw_toast_new (message);
  /* Translators: the button of a toast that undoes a change */
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "prefs.undo");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* The document page follows the document */

static void
update_logo (VaernPreferencesWindow *self)
{
  g_autoptr(GBytes) logo = self->document ? vaern_document_get_logo (self->document) : NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gboolean busy = vaern_preferences_window_get_busy (self);

  if (logo != NULL)
    texture = gdk_texture_new_from_bytes (logo, NULL);
  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), texture != NULL);
  adw_action_row_set_subtitle (self->logo_row,
                               texture != NULL
                               /* Translators: the logo row's subtitle when there is a logo */
                               ? _("Printed at the top right of every page")
                               /* Translators: the logo row's subtitle when there is none */
                               : _("None: choose a PNG, JPEG or SVG picture"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.choose-logo", editable (self) && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.remove-logo",
                                 editable (self) && !busy && texture != NULL);
}

static void
update_scale (VaernPreferencesWindow *self)
{
  const VaernRiskScale *scale = self->document ? vaern_document_get_scale (self->document) : NULL;
  const char *name = scale ? vaern_risk_scale_preset_name (scale->preset) : NULL;
  g_autofree char *subtitle = NULL;

  if (scale == NULL)
    subtitle = g_strdup ("");
  else if (name != NULL)
    subtitle = g_strdup (name);
  else
    /* Translators: a custom risk scale; the numbers are its likelihood and consequence levels */
    subtitle = g_strdup_printf (_("Custom, %u × %u"), scale->n_likelihood, scale->n_consequence);
  adw_action_row_set_subtitle (self->scale_row, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.edit-scale", self->document != NULL);
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
update_document_page (VaernPreferencesWindow *self)
{
  const char *description;

  if (self->document == NULL)
    /* Translators: the organisation group's description when no document is open */
    description = _("Open or create a document to set its organisation, logo and risk scale.");
  else if (vaern_document_get_read_only (self->document))
    /* Translators: the organisation group's description for a read-only document */
    description = _("The document is read-only: its organisation and logo are shown, not changed.");
  else
    /* Translators: the description of the preferences' organisation group */
    description = _("Kept in this document and printed at the top of every report.");
  adw_preferences_group_set_description (self->organisation_group, description);

  set_entry_text (self->name_row, self->document ? vaern_document_get_organisation (self->document)
                                                 : "");
  set_entry_text (self->cvr_row, self->document ? vaern_document_get_cvr (self->document) : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), editable (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cvr_row), editable (self));
  update_logo (self);
  update_scale (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.undo",
                                 self->document && vaern_document_can_undo (self->document));
}

/* The organisation's name and CVR number */

static void
apply_organisation (VaernPreferencesWindow *self,
                    AdwEntryRow            *row,
                    const char             *name,
                    const char             *cvr)
{
  g_autoptr(GError) error = NULL;
  guint depth;

  if (!editable (self))
    return;
  depth = vaern_document_get_undo_depth (self->document);
  if (!vaern_document_set_organisation (self->document, name, cvr, &error))
    {
      /* The field the store refused, which may not be the one applied. */
      if (g_strcmp0 (vaern_store_error_get_field (error), "cvr") == 0)
        row = self->cvr_row;
      else if (g_strcmp0 (vaern_store_error_get_field (error), "name") == 0)
        row = self->name_row;
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  /* Translators: a toast after the organisation's name or CVR number was changed */
  offer_undo (self, depth, _("Organisation changed"));
}

static void
name_apply_cb (VaernPreferencesWindow *self)
{
  apply_organisation (self, self->name_row, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                      vaern_document_get_cvr (self->document));
}

static void
cvr_apply_cb (VaernPreferencesWindow *self)
{
  apply_organisation (self, self->cvr_row, vaern_document_get_organisation (self->document),
                      gtk_editable_get_text (GTK_EDITABLE (self->cvr_row)));
}

/* The logo */

static void
set_busy (VaernPreferencesWindow *self,
          gboolean                busy)
{
  if (busy == vaern_preferences_window_get_busy (self))
    return;
  if (busy)
    self->cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->logo_spinner), busy);
  gtk_spinner_set_spinning (self->logo_spinner, busy);
  update_logo (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
vaern_preferences_window_get_busy (VaernPreferencesWindow *self)
{
  g_return_val_if_fail (VAERN_IS_PREFERENCES_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}

/* In the thread: the picture, at most VAERN_LOGO_PIXELS on its longer side
 * (an SVG is drawn at that size), as a PNG of at most VAERN_LOGO_MAX_BYTES:
 * a photograph too large as PNG is made smaller until it fits. */
static void
read_logo_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display = g_file_get_parse_name (file);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbufFormat *format;
  int width = 0, height = 0, size = VAERN_LOGO_PIXELS;

  format = path ? gdk_pixbuf_get_file_info (path, &width, &height) : NULL;
  if (format == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               /* Translators: %s is a file's name */
                               _("“%s” is not a picture Værn can read. Choose a PNG, JPEG or "
                                 "SVG file."), display);
      return;
    }
  if (gdk_pixbuf_format_is_scalable (format) || MAX (width, height) > VAERN_LOGO_PIXELS)
    pixbuf = gdk_pixbuf_new_from_file_at_scale (path, size, size, TRUE, &error);
  else
    pixbuf = gdk_pixbuf_new_from_file (path, &error);
  /* A photograph taken on its side stands as it was taken. */
  if (pixbuf != NULL)
    {
      GdkPixbuf *upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);

      g_object_unref (pixbuf);
      pixbuf = upright;
    }

  while (pixbuf != NULL && !g_task_return_error_if_cancelled (task))
    {
      g_autofree char *png = NULL;
      gsize length = 0;

      if (!gdk_pixbuf_save_to_buffer (pixbuf, &png, &length, "png", &error, NULL))
        break;
      if (length <= VAERN_LOGO_MAX_BYTES)
        {
          g_task_return_pointer (task, g_bytes_new_take (g_steal_pointer (&png), length),
                                 (GDestroyNotify) g_bytes_unref);
          return;
        }
      size = MAX (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf)) * 3 / 4;
      {
        double scale = (double) size / MAX (gdk_pixbuf_get_width (pixbuf),
                                            gdk_pixbuf_get_height (pixbuf));
        GdkPixbuf *smaller = gdk_pixbuf_scale_simple (pixbuf,
                                                      MAX (1, gdk_pixbuf_get_width (pixbuf) * scale),
                                                      MAX (1, gdk_pixbuf_get_height (pixbuf) * scale),
                                                      GDK_INTERP_BILINEAR);

        g_object_unref (pixbuf);
        pixbuf = smaller;
      }
    }
  if (g_task_had_error (task))
    return;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           /* Translators: %s is a file's name, then the reason */
                           _("“%s” could not be read: %s"), display,
                           error ? error->message : "");
}

static void
logo_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VaernPreferencesWindow *self = VAERN_PREFERENCES_WINDOW (source);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  guint depth;

  png = g_task_propagate_pointer (G_TASK (result), &error);
  set_busy (self, FALSE);
  /* Closed meanwhile: the logo is not set behind the person's back. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (png == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  if (!editable (self))
    return;
  depth = vaern_document_get_undo_depth (self->document);
  if (!vaern_document_set_logo (self->document, png, &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Translators: a toast after a logo was chosen */
  offer_undo (self, depth, _("Logo changed"));
}

void
vaern_preferences_window_load_logo (VaernPreferencesWindow *self,
                                    GFile                  *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VAERN_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!editable (self) || vaern_preferences_window_get_busy (self))
    return;
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, logo_read_cb, NULL);
  g_task_set_source_tag (task, vaern_preferences_window_load_logo);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_logo_thread);
}

static void
logo_chosen_cb (GtkWindow *parent,
                GFile     *file,
                gpointer   user_data)
{
  vaern_preferences_window_load_logo (VAERN_PREFERENCES_WINDOW (parent), file);
}

static void
choose_logo_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  vaern_choose_file (GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                     /* Translators: the title of the file chooser for the logo */
                     _("Choose a Logo"),
                     /* Translators: the accept button of the file chooser for the logo */
                     _("_Choose"), NULL, VAERN_FILES_LOGO, logo_chosen_cb, NULL);
}

static void
remove_logo_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  VaernPreferencesWindow *self = VAERN_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint depth;

  if (!editable (self))
    return;
  depth = vaern_document_get_undo_depth (self->document);
  if (!vaern_document_set_logo (self->document, NULL, &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Translators: a toast after the logo was removed */
  offer_undo (self, depth, _("Logo removed"));
}

/* Undoes the edit of the last toast, and only while it is the newest step:
 * an edit made since in the main window is not undone from here. */
static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  VaernPreferencesWindow *self = VAERN_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || self->undo_depth == 0
      || vaern_document_get_undo_depth (self->document) != self->undo_depth)
    return;
  self->undo_depth = 0;
  if (!vaern_document_undo (self->document, &error))
    show_toast (self, error->message);
}

/* The risk scale */

static void
edit_scale_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  VaernPreferencesWindow *self = VAERN_PREFERENCES_WINDOW (widget);

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (vaern_scale_dialog_new (GTK_WINDOW (self), self->document)));
}

/* The general page */

static void
update_folder (VaernPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "export-folder");
  g_autofree char *subtitle = NULL;

  if (path[0] == '\0')
    /* Translators: the export folder row's subtitle when none is set */
    subtitle = g_strdup (_("Not set: saving starts where the file chooser last was"));
  else if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    /* Translators: the export folder row's subtitle when the folder is gone; %s is its path */
    subtitle = g_strdup_printf (_("%s (missing: saving starts where the file chooser last was)"),
                                path);
  else
    subtitle = g_filename_display_name (path);
  adw_action_row_set_subtitle (self->folder_row, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.reset-folder", path[0] != '\0');
}

static void
folder_chosen_cb (GtkWindow *parent,
                  GFile     *file,
                  gpointer   user_data)
{
  VaernPreferencesWindow *self = VAERN_PREFERENCES_WINDOW (parent);
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    g_settings_set_string (self->settings, "export-folder", path);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  vaern_choose_file (GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                     /* Translators: the title of the file chooser for the export folder */
                     _("Choose the Export Folder"),
                     /* Translators: the accept button of the file chooser for the export folder */
                     _("_Choose"), NULL, VAERN_FILES_FOLDER, folder_chosen_cb, NULL);
}

static void
reset_folder_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  g_settings_reset (VAERN_PREFERENCES_WINDOW (widget)->settings, "export-folder");
}

static void
update_style (VaernPreferencesWindow *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (style, styles[i]) && adw_combo_row_get_selected (self->style_row) != i)
      adw_combo_row_set_selected (self->style_row, i);
}

static void
style_selected_cb (VaernPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->style_row);

  if (i < G_N_ELEMENTS (styles))
    g_settings_set_string (self->settings, "style", styles[i]);
}

/* The type */

/* Closing the window stops a logo being read (the task holds the window,
 * so dispose would come only after it). */
static void
vaern_preferences_window_unmap (GtkWidget *widget)
{
  VaernPreferencesWindow *self = VAERN_PREFERENCES_WINDOW (widget);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (vaern_preferences_window_parent_class)->unmap (widget);
}

static void
vaern_preferences_window_dispose (GObject *object)
{
  VaernPreferencesWindow *self = VAERN_PREFERENCES_WINDOW (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), VAERN_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (vaern_preferences_window_parent_class)->dispose (object);
}

static void
vaern_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  VaernPreferencesWindow *self = VAERN_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, vaern_preferences_window_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vaern_preferences_window_class_init (VaernPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_preferences_window_dispose;
  object_class->get_property = vaern_preferences_window_get_property;
  widget_class->unmap = vaern_preferences_window_unmap;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/vaern-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, organisation_group);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, scale_group);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, cvr_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, logo_spinner);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, scale_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, logo_choose_button);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, logo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, scale_button);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, folder_reset_button);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, palette_switch);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, backups_row);
  gtk_widget_class_bind_template_child (widget_class, VaernPreferencesWindow, backups_switch);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, cvr_apply_cb);

  gtk_widget_class_install_action (widget_class, "prefs.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-logo", NULL, remove_logo_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-scale", NULL, edit_scale_action);
  gtk_widget_class_install_action (widget_class, "prefs.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.reset-folder", NULL, reset_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "prefs.undo", NULL);
}

static void
vaern_preferences_window_init (VaernPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  g_settings_bind (self->settings, "color-blind-palette", self->palette_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::export-folder", G_CALLBACK (update_folder),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (update_style), self,
                           G_CONNECT_SWAPPED);
  update_style (self);
  g_signal_connect_object (self->style_row, "notify::selected", G_CALLBACK (style_selected_cb),
                           self, G_CONNECT_SWAPPED);
  update_folder (self);

  g_settings_bind (self->settings, "backups", self->backups_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *folder = vaern_backups_get_folder ();
    g_autofree char *display = g_filename_display_name (folder);
    g_autofree char *subtitle =
      /* Translators: the explanation of the safety copies preference; %d is
       * a number of copies, %s a folder */
      g_strdup_printf (_("A copy of each document you edit, made once a day; the last %d "
                         "of each are kept in %s. Restore one with Restore a Backup… in "
                         "the main menu."), VAERN_BACKUPS_KEPT, display);

    adw_action_row_set_subtitle (self->backups_row, subtitle);
  }
}

GtkWidget *
vaern_preferences_window_new (GtkWindow     *parent,
                              VaernDocument *document)
{
  VaernPreferencesWindow *self;

  g_return_val_if_fail (document == NULL || VAERN_IS_DOCUMENT (document), NULL);

  self = g_object_new (VAERN_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      g_signal_connect_object (document, "changed", G_CALLBACK (update_document_page), self,
                               G_CONNECT_SWAPPED);
    }
  update_document_page (self);
  return GTK_WIDGET (self);
}
