/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-threat-editor.h"
#include "widgets/vaern-ui-util.h"

struct _VaernThreatEditor
{
  VaernEditor     parent_instance;

  VaernDocument  *document;
  VaernThreat    *threat;     /* the one being edited, or NULL for a new one */

  /* Template widgets */
  AdwEntryRow    *category_row;
  GtkMenuButton  *category_button;
  AdwEntryRow    *name_row;
  GtkTextView    *description_view;
};

G_DEFINE_FINAL_TYPE (VaernThreatEditor, vaern_threat_editor, VAERN_TYPE_EDITOR)

static char *
description_text (VaernThreatEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The document's rules apply: a threat needs a category and a name that
 * no other threat has. */
static gint64
vaern_threat_editor_save (VaernEditor *editor,
                          GError     **error)
{
  VaernThreatEditor *self = VAERN_THREAT_EDITOR (editor);
  g_autoptr(VaernThreat) threat = vaern_threat_new ();

  if (self->threat)
    {
      vaern_record_set_identity (VAERN_RECORD (threat),
                                 vaern_record_get_id (VAERN_RECORD (self->threat)),
                                 vaern_record_get_digest (VAERN_RECORD (self->threat)));
      threat->builtin = self->threat->builtin;
    }
  threat->category = vaern_entry_get_text (GTK_EDITABLE (self->category_row));
  threat->name = vaern_entry_get_text (GTK_EDITABLE (self->name_row));
  threat->description = description_text (self);

  if (self->threat == NULL)
    return vaern_document_add_threat (self->document, threat, error);
  if (!vaern_document_update_threat (self->document, threat, error))
    return 0;
  return vaern_record_get_id (VAERN_RECORD (self->threat));
}

/* The categories in use, in the catalogue's order, each once. */
static GMenuModel *
category_menu (VaernDocument *document)
{
  GListModel *threats = vaern_document_get_threats (document);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(VaernThreat) threat = g_list_model_get_item (threats, i);
      g_autofree char *key = NULL;
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      if (threat->category == NULL || *threat->category == '\0')
        continue;
      key = g_utf8_casefold (threat->category, -1);
      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));
      /* Menu labels take an underscore for a mnemonic. */
      parts = g_strsplit (threat->category, "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "threat-editor.use-category",
                                               g_variant_new_string (threat->category));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
use_category_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  VaernThreatEditor *self = VAERN_THREAT_EDITOR (widget);

  vaern_entry_set_text (GTK_EDITABLE (self->category_row), g_variant_get_string (param, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
vaern_threat_editor_dispose (GObject *object)
{
  VaernThreatEditor *self = VAERN_THREAT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_THREAT_EDITOR);
  g_clear_object (&self->document);
  g_clear_object (&self->threat);

  G_OBJECT_CLASS (vaern_threat_editor_parent_class)->dispose (object);
}

static void
vaern_threat_editor_class_init (VaernThreatEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_threat_editor_dispose;
  VAERN_EDITOR_CLASS (klass)->save = vaern_threat_editor_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-threat-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernThreatEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, VaernThreatEditor, category_button);
  gtk_widget_class_bind_template_child (widget_class, VaernThreatEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VaernThreatEditor, description_view);

  gtk_widget_class_install_action (widget_class, "threat-editor.use-category", "s",
                                   use_category_action);
}

static void
vaern_threat_editor_init (VaernThreatEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  vaern_editor_add_field (VAERN_EDITOR (self), "category", GTK_WIDGET (self->category_row));
  vaern_editor_add_field (VAERN_EDITOR (self), "name", GTK_WIDGET (self->name_row));
}

VaernThreatEditor *
vaern_threat_editor_new (GtkWindow     *parent,
                         VaernDocument *document,
                         VaernThreat   *threat)
{
  VaernThreatEditor *self;
  g_autoptr(GMenuModel) menu = NULL;
  gboolean editable;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (threat == NULL || VAERN_IS_THREAT (threat), NULL);

  self = g_object_new (VAERN_TYPE_THREAT_EDITOR, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->threat = threat ? g_object_ref (threat) : NULL;

  if (threat)
    {
      vaern_entry_set_text (GTK_EDITABLE (self->category_row), threat->category);
      vaern_entry_set_text (GTK_EDITABLE (self->name_row), threat->name);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                threat->description ? threat->description : "", -1);
    }
  menu = category_menu (document);
  gtk_menu_button_set_menu_model (self->category_button, menu);
  gtk_widget_set_visible (GTK_WIDGET (self->category_button),
                          g_menu_model_get_n_items (menu) > 0);

  vaern_editor_set_heading (VAERN_EDITOR (self),
                            threat
                            /* Translators: title of the threat editor */
                            ? _("Edit Threat")
                            /* Translators: title of the threat editor for a new one */
                            : _("New Threat"), threat ? threat->name : NULL);
  editable = !vaern_document_get_read_only (document);
  vaern_editor_set_editable (VAERN_EDITOR (self), editable);
  gtk_text_view_set_editable (self->description_view, editable);
  gtk_widget_grab_focus (GTK_WIDGET (threat ? self->name_row : self->category_row));
  return self;
}
