/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/vaern-date.h"
#include "vaern-assign-dialog.h"
#include "vaern-assign-dialog-private.h"
#include "vaern-view.h"
#include "widgets/vaern-ui-util.h"

/* Gives a person a role for an asset. The dialog checks what the document
 * would refuse before the person presses the button: a single-holder role
 * (systemejer, asset owner) that is taken turns the button into Replace,
 * which ends the current holder's assignment on the date, so there is never
 * a second systemejer. */

struct _VaernAssignDialog
{
  AdwWindow           parent_instance;

  VaernDocument      *document;
  VaernAsset         *asset;           /* the chosen asset, or NULL */
  gint64              fixed_asset_id;  /* 0: chosen in the dialog */
  gint64              fixed_person_id;
  GtkDropDown        *asset_dropdown;  /* NULL when the asset is fixed */
  GtkDropDown        *person_dropdown; /* NULL when the person is fixed */
  GtkFilterListModel *roles;           /* the roles that fit the asset */
  GtkCustomFilter    *role_filter;
  gboolean            replaces;
  gboolean            can_confirm;

  /* Template widgets */
  GtkButton          *confirm_button;
  AdwActionRow       *asset_row;
  AdwComboRow        *role_row;
  AdwActionRow       *person_row;
  AdwEntryRow        *date_row;
  GtkWidget          *message_box;
  GtkImage           *message_icon;
  GtkLabel           *message_label;
};

G_DEFINE_FINAL_TYPE (VaernAssignDialog, vaern_assign_dialog, ADW_TYPE_WINDOW)

typedef enum {
  MESSAGE_NONE,
  MESSAGE_WARNING,
  MESSAGE_ERROR,
} MessageKind;

static void
show_message (VaernAssignDialog *self,
              MessageKind        kind,
              const char        *text)
{
  GtkWidget *label = GTK_WIDGET (self->message_label);

  gtk_widget_set_visible (self->message_box, kind != MESSAGE_NONE && text != NULL);
  gtk_label_set_text (self->message_label, text ? text : "");
  gtk_image_set_from_icon_name (self->message_icon, kind == MESSAGE_ERROR
                                                      ? "dialog-error-symbolic"
                                                      : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_icon), "warning");
  if (kind != MESSAGE_NONE)
    {
      const char *css = kind == MESSAGE_ERROR ? "error" : "warning";

      gtk_widget_add_css_class (GTK_WIDGET (self->message_icon), css);
      if (kind == MESSAGE_ERROR)
        gtk_widget_add_css_class (label, css);
    }
}

static gint64
chosen_asset (VaernAssignDialog *self)
{
  if (self->asset_dropdown)
    return vaern_record_dropdown_get_id (self->asset_dropdown);
  return self->fixed_asset_id;
}

static gint64
chosen_person (VaernAssignDialog *self)
{
  if (self->person_dropdown)
    return vaern_record_dropdown_get_id (self->person_dropdown);
  return self->fixed_person_id;
}

static VaernRole *
chosen_role (VaernAssignDialog *self)
{
  return adw_combo_row_get_selected_item (self->role_row);
}

static gboolean
role_fits (gpointer item,
           gpointer user_data)
{
  VaernAssignDialog *self = user_data;
  VaernRole *role = item;

  if (self->asset == NULL || role->scope == VAERN_ROLE_SCOPE_ANY)
    return TRUE;
  if (role->scope == VAERN_ROLE_SCOPE_SYSTEM)
    return self->asset->kind == VAERN_ASSET_KIND_SYSTEM;
  return self->asset->kind != VAERN_ASSET_KIND_SYSTEM;
}

static guint
role_position (VaernAssignDialog *self,
               gint64             role_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->roles));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernRole) role = g_list_model_get_item (G_LIST_MODEL (self->roles), i);

      if (vaern_record_get_id (VAERN_RECORD (role)) == role_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Without a role asked for: the owner role when the asset has no owner,
 * else the first role that can have several holders, so the dialog does
 * not start by offering to replace someone. */
static guint
default_role_position (VaernAssignDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->roles));
  guint first_shared = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernRole) role = g_list_model_get_item (G_LIST_MODEL (self->roles), i);

      if (role->single && self->asset && self->asset->owner_id == 0)
        return i;
      if (!role->single && first_shared == GTK_INVALID_LIST_POSITION)
        first_shared = i;
    }
  return first_shared != GTK_INVALID_LIST_POSITION ? first_shared : 0;
}

/* Whether the person holds the role for the asset today. */
static gboolean
holds_role (VaernAssignDialog *self,
            gint64             asset_id,
            gint64             person_id,
            gint64             role_id)
{
  g_autoptr(GListModel) current = vaern_document_list_assignments (self->document, asset_id,
                                                                   person_id, FALSE);
  guint n = g_list_model_get_n_items (current);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernAssignment) x = g_list_model_get_item (current, i);

      if (x->role_id == role_id)
        return TRUE;
    }
  return FALSE;
}

static void
update_state (VaernAssignDialog *self)
{
  gint64 asset_id = chosen_asset (self);
  gint64 person_id = chosen_person (self);
  VaernRole *role = chosen_role (self);
  gboolean writable = !vaern_document_get_read_only (self->document);
  g_autofree char *message = NULL;
  MessageKind kind = MESSAGE_NONE;

  self->replaces = FALSE;
  self->can_confirm = FALSE;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row),
                               role && role->description ? role->description : "");

  if (self->asset && g_list_model_get_n_items (G_LIST_MODEL (self->roles)) == 0)
    {
      kind = MESSAGE_ERROR;
      /* Translators: in the Assign Role dialog */
      message = g_strdup (_("No role is held for an asset of this kind. Add a role that fits it "
                            "first."));
    }
  else if (asset_id && person_id && role)
    {
      gint64 role_id = vaern_record_get_id (VAERN_RECORD (role));
      gint64 holder = role->single ? vaern_document_get_holder (self->document, asset_id, role_id)
                                   : 0;

      if (holds_role (self, asset_id, person_id, role_id))
        {
          g_autoptr(VaernPerson) person = vaern_document_find_person (self->document, person_id);

          kind = MESSAGE_ERROR;
          /* Translators: in the Assign Role dialog: "Anne Jensen already holds the role
           * Systemejer for “Journalix”." */
          message = g_strdup_printf (_("%s already holds the role %s for “%s”."),
                                     person ? person->name : "", role->name,
                                     self->asset ? self->asset->name : "");
        }
      else if (holder != 0)
        {
          g_autoptr(VaernPerson) current = vaern_document_find_person (self->document, holder);

          self->replaces = TRUE;
          self->can_confirm = TRUE;
          kind = MESSAGE_WARNING;
          /* Translators: in the Assign Role dialog: "“Journalix” already has a Systemejer:
           * Anne Jensen. There can be only one. Replace them from this date? …" */
          message = g_strdup_printf (_("“%s” already has a %s: %s. There can be only one. "
                                       "Replace them from this date? Their assignment ends and "
                                       "stays in the history."),
                                     self->asset ? self->asset->name : "", role->name,
                                     current ? current->name : "");
        }
      else
        self->can_confirm = TRUE;
    }

  show_message (self, kind, message);
  gtk_button_set_label (self->confirm_button,
                        self->replaces
                          /* Translators: button: replace the current holder of a role */
                          ? _("_Replace")
                          /* Translators: button: give the person the role */
                          : _("_Assign"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assign.confirm",
                                 writable && self->can_confirm);
}

static void
choice_changed_cb (VaernAssignDialog *self)
{
  update_state (self);
}

static void
date_changed_cb (VaernAssignDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  update_state (self);
}

/* The roles depend on the kind of asset; the chosen role stays if it fits. */
static void
asset_changed (VaernAssignDialog *self)
{
  VaernRole *role = chosen_role (self);
  gint64 role_id = role ? vaern_record_get_id (VAERN_RECORD (role)) : 0;
  gint64 asset_id = chosen_asset (self);
  guint position;

  g_clear_object (&self->asset);
  if (asset_id)
    self->asset = vaern_document_get_asset (self->document, asset_id, NULL);
  gtk_filter_changed (GTK_FILTER (self->role_filter), GTK_FILTER_CHANGE_DIFFERENT);
  position = role_id ? role_position (self, role_id) : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION)
    position = default_role_position (self);
  adw_combo_row_set_selected (self->role_row, position);
  update_state (self);
}

/**
 * vaern_assign_dialog_confirm:
 *
 * What the Assign (or Replace) button does. When the date is wrong or the
 * document refuses, the dialog says why and stays open as it was.
 *
 * Returns: whether the role was assigned (and the dialog closed).
 */
gboolean
vaern_assign_dialog_confirm (VaernAssignDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  g_autoptr(VaernPerson) person = NULL;
  g_autoptr(VaernPerson) previous = NULL;
  VaernRole *role;
  gint64 asset_id, person_id, role_id;

  g_return_val_if_fail (VAERN_IS_ASSIGN_DIALOG (self), FALSE);

  /* The state is the one the person saw; if the document changed since,
   * it refuses, and the dialog shows the new state instead of acting on it. */
  if (!self->can_confirm || vaern_document_get_read_only (self->document))
    return FALSE;

  if (!vaern_entry_get_date (GTK_EDITABLE (self->date_row), &iso, &error) || iso == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      show_message (self, MESSAGE_ERROR,
                    error ? error->message
                          /* Translators: in the Assign Role dialog, when the date is empty */
                          : _("Enter the date the person holds the role from, like 23-11-2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }

  role = chosen_role (self);
  role_id = vaern_record_get_id (VAERN_RECORD (role));
  asset_id = chosen_asset (self);
  person_id = chosen_person (self);
  if (self->replaces)
    previous = vaern_document_find_person (self->document,
                                           vaern_document_get_holder (self->document, asset_id,
                                                                      role_id));

  if (vaern_document_assign (self->document, asset_id, person_id, role_id, iso, self->replaces,
                             &error) == 0)
    {
      /* Someone may have taken the role meanwhile: the dialog then offers
       * to replace them, and says what the document said. */
      update_state (self);
      show_message (self, MESSAGE_ERROR, error ? error->message : NULL);
      return FALSE;
    }

  person = vaern_document_find_person (self->document, person_id);
  if (previous && person)
    /* Translators: notification: "Anne Jensen replaces Ole Hansen as Systemejer of
     * “Journalix”" */
    message = g_strdup_printf (_("%s replaces %s as %s of “%s”"), person->name, previous->name,
                               role->name, self->asset ? self->asset->name : "");
  else if (person)
    /* Translators: notification: "Anne Jensen is now Systemejer of “Journalix”" */
    message = g_strdup_printf (_("%s is now %s of “%s”"), person->name, role->name,
                               self->asset ? self->asset->name : "");
  if (message)
    vaern_view_offer_undo (GTK_WIDGET (self), message);

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

void
vaern_assign_dialog_choose (VaernAssignDialog *self,
                            gint64             asset_id,
                            gint64             role_id,
                            gint64             person_id,
                            const char        *date_text)
{
  g_return_if_fail (VAERN_IS_ASSIGN_DIALOG (self));

  if (asset_id && self->asset_dropdown)
    vaern_record_dropdown_set_id (self->asset_dropdown, asset_id);
  if (role_id)
    {
      guint position = role_position (self, role_id);

      if (position != GTK_INVALID_LIST_POSITION)
        adw_combo_row_set_selected (self->role_row, position);
    }
  if (person_id && self->person_dropdown)
    vaern_record_dropdown_set_id (self->person_dropdown, person_id);
  if (date_text)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date_text);
  update_state (self);
}

gboolean
vaern_assign_dialog_get_replaces (VaernAssignDialog *self)
{
  g_return_val_if_fail (VAERN_IS_ASSIGN_DIALOG (self), FALSE);
  return self->replaces;
}

gboolean
vaern_assign_dialog_get_can_confirm (VaernAssignDialog *self)
{
  g_return_val_if_fail (VAERN_IS_ASSIGN_DIALOG (self), FALSE);
  return gtk_widget_is_sensitive (GTK_WIDGET (self->confirm_button)) && self->can_confirm;
}

const char *
vaern_assign_dialog_get_confirm_label (VaernAssignDialog *self)
{
  g_return_val_if_fail (VAERN_IS_ASSIGN_DIALOG (self), NULL);
  return gtk_button_get_label (self->confirm_button);
}

const char *
vaern_assign_dialog_get_message (VaernAssignDialog *self)
{
  g_return_val_if_fail (VAERN_IS_ASSIGN_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (self->message_box))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

static void
confirm_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  vaern_assign_dialog_confirm (VAERN_ASSIGN_DIALOG (widget));
}

static void
vaern_assign_dialog_dispose (GObject *object)
{
  VaernAssignDialog *self = VAERN_ASSIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_ASSIGN_DIALOG);
  g_clear_object (&self->roles);
  g_clear_object (&self->role_filter);
  g_clear_object (&self->asset);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (vaern_assign_dialog_parent_class)->dispose (object);
}

static void
vaern_assign_dialog_class_init (VaernAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_assign_dialog_dispose;

  g_type_ensure (VAERN_TYPE_ROLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernAssignDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, VaernAssignDialog, asset_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssignDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssignDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssignDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, VaernAssignDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, VaernAssignDialog, message_icon);
  gtk_widget_class_bind_template_child (widget_class, VaernAssignDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  gtk_widget_class_install_action (widget_class, "assign.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vaern_assign_dialog_init (VaernAssignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->role_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->asset_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->person_row), FALSE);
}

/* A drop-down over a document list, sorted by name as the lists are. */
static GtkDropDown *
sorted_dropdown (GListModel *records,
                 gint64      selected_id)
{
  GtkExpression *name = gtk_property_expression_new (g_list_model_get_item_type (records), NULL,
                                                     "name");
  g_autoptr(GtkSortListModel) sorted =
    gtk_sort_list_model_new (g_object_ref (records),
                             GTK_SORTER (gtk_string_sorter_new (name)));

  /* Translators: the empty choice of a drop-down */
  return vaern_record_dropdown_new (G_LIST_MODEL (sorted), "name", selected_id, _("Choose…"));
}

static void
use_dropdown (AdwActionRow *row,
              GtkDropDown  *dropdown)
{
  gtk_widget_set_hexpand (GTK_WIDGET (dropdown), FALSE);
  adw_action_row_add_suffix (row, GTK_WIDGET (dropdown));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (dropdown));
}

VaernAssignDialog *
vaern_assign_dialog_new (GtkWindow     *parent,
                         VaernDocument *document,
                         gint64         asset_id,
                         gint64         person_id,
                         gint64         role_id)
{
  VaernAssignDialog *self;
  g_autofree char *today = vaern_date_today ();
  guint position;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);

  self = g_object_new (VAERN_TYPE_ASSIGN_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->fixed_asset_id = asset_id;
  self->fixed_person_id = person_id;
  if (asset_id)
    self->asset = vaern_document_get_asset (document, asset_id, NULL);

  if (self->asset)
    adw_action_row_set_subtitle (self->asset_row, self->asset->name);
  else
    {
      self->fixed_asset_id = 0;
      self->asset_dropdown = sorted_dropdown (vaern_document_get_assets (document), 0);
      use_dropdown (self->asset_row, self->asset_dropdown);
      g_signal_connect_object (self->asset_dropdown, "notify::selected",
                               G_CALLBACK (asset_changed), self, G_CONNECT_SWAPPED);
    }

  if (person_id)
    {
      g_autoptr(VaernPerson) person = vaern_document_find_person (document, person_id);

      adw_action_row_set_subtitle (self->person_row, person ? person->name : "");
    }
  else
    {
      self->person_dropdown = sorted_dropdown (vaern_document_get_people (document), 0);
      use_dropdown (self->person_row, self->person_dropdown);
      g_signal_connect_object (self->person_dropdown, "notify::selected",
                               G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
    }

  self->role_filter = gtk_custom_filter_new (role_fits, self, NULL);
  self->roles = gtk_filter_list_model_new (g_object_ref (vaern_document_get_roles (document)),
                                           g_object_ref (GTK_FILTER (self->role_filter)));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (self->roles));
  position = role_id ? role_position (self, role_id) : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION)
    position = default_role_position (self);
  adw_combo_row_set_selected (self->role_row, position);

  vaern_entry_set_date (GTK_EDITABLE (self->date_row), today);
  update_state (self);

  if (self->asset_dropdown)
    gtk_widget_grab_focus (GTK_WIDGET (self->asset_dropdown));
  else if (self->person_dropdown)
    gtk_widget_grab_focus (GTK_WIDGET (self->person_dropdown));
  return self;
}
