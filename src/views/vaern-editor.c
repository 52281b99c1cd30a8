/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "store/vaern-store-error.h"
#include "vaern-editor.h"
#include "widgets/vaern-ui-util.h"

typedef struct
{
  AdwWindowTitle *title;
  GtkWidget      *box;
  GtkWidget      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GHashTable     *fields;       /* field name → row (not owned) */
  char           *failed_field; /* the field a read failed on */
} VaernEditorPrivate;

static void vaern_editor_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (VaernEditor, vaern_editor, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (VaernEditor)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, vaern_editor_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_marks (VaernEditor *self)
{
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);
  GHashTableIter iter;
  gpointer row;

  gtk_revealer_set_reveal_child (priv->error_revealer, FALSE);
  g_hash_table_iter_init (&iter, priv->fields);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    gtk_widget_remove_css_class (row, "error");
  g_clear_pointer (&priv->failed_field, g_free);
}

static void
show_error (VaernEditor  *self,
            const GError *error)
{
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);
  const char *field = vaern_store_error_get_field (error);
  GtkWidget *row;

  if (field == NULL)
    field = priv->failed_field;
  gtk_label_set_text (priv->error_label, error ? error->message : "");
  gtk_revealer_set_reveal_child (priv->error_revealer, TRUE);
  row = field ? g_hash_table_lookup (priv->fields, field) : NULL;
  if (row)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

/**
 * vaern_editor_save:
 *
 * Returns: whether the edit was saved; then ::saved has been emitted and
 *   the editor is closed.
 */
gboolean
vaern_editor_save (VaernEditor *self,
                   GError     **error)
{
  VaernEditorClass *klass;
  g_autoptr(GError) local = NULL;
  gint64 id;

  g_return_val_if_fail (VAERN_IS_EDITOR (self), FALSE);

  klass = VAERN_EDITOR_GET_CLASS (self);
  g_return_val_if_fail (klass->save != NULL, FALSE);

  clear_marks (self);
  id = klass->save (self, &local);
  if (id == 0)
    {
      if (local == NULL)
        g_set_error_literal (&local, VAERN_STORE_ERROR, VAERN_STORE_ERROR_FAILED,
                             _("The change could not be saved."));
      show_error (self, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

const char *
vaern_editor_get_error (VaernEditor *self)
{
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);

  g_return_val_if_fail (VAERN_IS_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (priv->error_revealer))
    return NULL;
  return gtk_label_get_text (priv->error_label);
}

void
vaern_editor_set_heading (VaernEditor *self,
                          const char  *title,
                          const char  *subtitle)
{
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);

  g_return_if_fail (VAERN_IS_EDITOR (self));

  adw_window_title_set_title (priv->title, title);
  adw_window_title_set_subtitle (priv->title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Typing in a field that was marked wrong takes the mark away. */
static void
field_changed_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

void
vaern_editor_add_field (VaernEditor *self,
                        const char  *field,
                        GtkWidget   *row)
{
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);

  g_return_if_fail (VAERN_IS_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  g_hash_table_insert (priv->fields, g_strdup (field), row);
  if (GTK_IS_EDITABLE (row))
    g_signal_connect (row, "changed", G_CALLBACK (field_changed_cb), NULL);
}

void
vaern_editor_set_editable (VaernEditor *self,
                           gboolean     editable)
{
  g_return_if_fail (VAERN_IS_EDITOR (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", editable);
}

gboolean
vaern_editor_read_date (VaernEditor *self,
                        const char  *field,
                        char       **iso,
                        GError     **error)
{
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);
  GtkWidget *row;

  g_return_val_if_fail (VAERN_IS_EDITOR (self), FALSE);

  row = g_hash_table_lookup (priv->fields, field);
  g_return_val_if_fail (GTK_IS_EDITABLE (row), FALSE);

  if (vaern_entry_get_date (GTK_EDITABLE (row), iso, error))
    return TRUE;
  g_free (priv->failed_field);
  priv->failed_field = g_strdup (field);
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  vaern_editor_save (VAERN_EDITOR (widget), NULL);
}

void
vaern_editor_set_save_label (VaernEditor *self,
                             const char  *label)
{
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);

  g_return_if_fail (VAERN_IS_EDITOR (self));

  gtk_button_set_label (GTK_BUTTON (priv->save_button), label);
}

void
vaern_editor_add_page (VaernEditor *self,
                       GtkWidget   *page)
{
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);

  g_return_if_fail (VAERN_IS_EDITOR (self));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (priv->box), page);
}

/* Subclass templates put their page of fields in as a <child>. */
static void
vaern_editor_add_child (GtkBuildable *buildable,
                        GtkBuilder   *builder,
                        GObject      *child,
                        const char   *type)
{
  VaernEditor *self = VAERN_EDITOR (buildable);
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);

  if (priv->box && GTK_IS_WIDGET (child))
    {
      vaern_editor_add_page (self, GTK_WIDGET (child));
      return;
    }
  parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
vaern_editor_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = vaern_editor_add_child;
}

static void
vaern_editor_finalize (GObject *object)
{
  VaernEditor *self = VAERN_EDITOR (object);
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);

  g_clear_pointer (&priv->fields, g_hash_table_unref);
  g_clear_pointer (&priv->failed_field, g_free);

  G_OBJECT_CLASS (vaern_editor_parent_class)->finalize (object);
}

static void
vaern_editor_class_init (VaernEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vaern_editor_finalize;

  /**
   * VaernEditor::saved:
   * @id: the id of the saved row
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /* The frame; a subclass's template is applied after it, so its <child>
   * finds box set and goes in through vaern_editor_add_child. There is no
   * gtk_widget_dispose_template (…, VAERN_TYPE_EDITOR) in a dispose: GTK
   * 4.8 walks the instance's own class's template there (a subclass's),
   * and aborts on the first id this one does not have; nor is it needed,
   * as the frame is the window's content, not a child to unparent, and
   * GtkWidget drops the template's references when destroyed. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-editor.ui");
  gtk_widget_class_bind_template_child_private (widget_class, VaernEditor, title);
  gtk_widget_class_bind_template_child_private (widget_class, VaernEditor, box);
  gtk_widget_class_bind_template_child_private (widget_class, VaernEditor, save_button);
  gtk_widget_class_bind_template_child_private (widget_class, VaernEditor, error_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, VaernEditor, error_label);
}

static void
vaern_editor_init (VaernEditor *self)
{
  VaernEditorPrivate *priv = vaern_editor_get_instance_private (self);

  priv->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
