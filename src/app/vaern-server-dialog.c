/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "store/vaern-document.h"
#include "vaern-keyring.h"
#include "vaern-server-dialog.h"

struct _VaernServerDialog
{
  AdwWindow        parent_instance;

  AdwEntryRow     *host_row;
  AdwEntryRow     *port_row;
  AdwEntryRow     *database_row;
  AdwEntryRow     *user_row;
  AdwEntryRow     *password_row;
  GtkSwitch       *remember_switch;
  GtkLabel        *error_label;
  GtkButton       *connect_button;

  VaernServerDialogMode mode;
};

G_DEFINE_FINAL_TYPE (VaernServerDialog, vaern_server_dialog, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A value for a libpq connection string, in single quotes. */
static void
append_setting (GString    *s,
                const char *keyword,
                const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (s, "%s%s='", s->len ? " " : "", keyword);
  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
}

static char *
field (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

char *
vaern_server_dialog_get_location (VaernServerDialog *self)
{
  g_autofree char *host = field (self->host_row);
  g_autofree char *port = field (self->port_row);
  g_autofree char *database = field (self->database_row);
  g_autofree char *user = field (self->user_row);
  g_autoptr(GString) conninfo = g_string_new (NULL);

  g_return_val_if_fail (VAERN_IS_SERVER_DIALOG (self), NULL);

  if (*host == '\0' || *database == '\0' || *user == '\0')
    return NULL;
  for (const char *p = port; *p; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  append_setting (conninfo, "host", host);
  if (!g_str_equal (port, "5432"))
    append_setting (conninfo, "port", port);
  append_setting (conninfo, "dbname", database);
  append_setting (conninfo, "user", user);
  return vaern_location_to_uri (conninfo->str);
}

static void
field_changed_cb (VaernServerDialog *self)
{
  g_autofree char *location = vaern_server_dialog_get_location (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "server.connect", location != NULL);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vaern_keyring_store_finish (result, &error))
    g_message ("The password could not be kept in the keyring: %s", error->message);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  VaernServerDialog *self = VAERN_SERVER_DIALOG (widget);
  g_autofree char *location = vaern_server_dialog_get_location (self);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (location == NULL)
    return;
  /* An empty password: single sign-on (Kerberos), or none needed. */
  vaern_location_set_password (location, *password ? password : NULL);
  if (*password && gtk_switch_get_active (self->remember_switch))
    vaern_keyring_store (location, password, NULL, stored_cb, NULL);
  else if (!gtk_switch_get_active (self->remember_switch))
    vaern_keyring_forget (location);
  g_object_ref (self);
  gtk_window_close (GTK_WINDOW (self));
  g_signal_emit (self, signals[CHOSEN], 0, location);
  g_object_unref (self);
}

static void
vaern_server_dialog_class_init (VaernServerDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * VaernServerDialog::chosen:
   * @location: the server location, a postgresql:// URI
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-server-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernServerDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, VaernServerDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, VaernServerDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, VaernServerDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, VaernServerDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, VaernServerDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, VaernServerDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, VaernServerDialog, connect_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_install_action (widget_class, "server.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vaern_server_dialog_init (VaernServerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), g_get_user_name ());
}

static void
prefill (AdwEntryRow *row,
         const char  *location,
         const char  *keyword)
{
  g_autofree char *value = vaern_location_get_setting (location, keyword);

  if (value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
}

VaernServerDialog *
vaern_server_dialog_new (GtkWindow             *parent,
                         VaernServerDialogMode  mode,
                         const char            *location,
                         const char            *message)
{
  VaernServerDialog *self = g_object_new (VAERN_TYPE_SERVER_DIALOG,
                                          "transient-for", parent, NULL);

  self->mode = mode;
  if (mode == VAERN_SERVER_DIALOG_MOVE)
    {
      /* Translators: title of the dialog that copies the open document to a server */
      gtk_window_set_title (GTK_WINDOW (self), _("Move to a Server"));
      /* Translators: button of the Move to a Server dialog */
      gtk_button_set_label (self->connect_button, _("_Move"));
    }
  else
    {
      /* Translators: title of the dialog that opens an ISMS kept on a database server */
      gtk_window_set_title (GTK_WINDOW (self), _("Open a Shared ISMS"));
      /* Translators: button of the Open a Shared ISMS dialog */
      gtk_button_set_label (self->connect_button, _("C_onnect"));
    }
  gtk_button_set_use_underline (self->connect_button, TRUE);
  if (location != NULL)
    {
      prefill (self->host_row, location, "host");
      prefill (self->port_row, location, "port");
      prefill (self->database_row, location, "dbname");
      prefill (self->user_row, location, "user");
    }
  if (message != NULL)
    {
      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      if (location != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }
  field_changed_cb (self);
  return self;
}
