/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "widgets/vaern-table.h"
#include "vaern-threat-editor.h"
#include "vaern-threats-dialog.h"
#include "vaern-threats-dialog-private.h"
#include "widgets/vaern-ui-util.h"

/* The threat catalogue, filtered and sorted on the document's own list,
 * so it follows every edit, undo and redo. The catalogue is small (some
 * tens of threats), so the filter folds each threat's text as it goes. */

struct _VaernThreatsDialog
{
  AdwWindow           parent_instance;

  VaernDocument      *document;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;   /* the table's, over the sorted list */
  VaernSearch         search;
  GtkWindow          *dialog;      /* weak: the editor or question opened last */
  AdwToast           *toast;       /* the Undo notification while it is shown */

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkStack           *content_stack;
  VaernTable         *table;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (VaernThreatsDialog, vaern_threats_dialog, ADW_TYPE_WINDOW)

static gboolean
is_editable (VaernThreatsDialog *self)
{
  return self->document != NULL && !vaern_document_get_read_only (self->document);
}

static VaernThreat *
selected_threat (VaernThreatsDialog *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Filtering */

/* Every word of the search must be in the category, name or description. */
static gboolean
threat_matches (gpointer item,
                gpointer user_data)
{
  VaernThreatsDialog *self = user_data;

  return vaern_search_matches (&self->search, VAERN_THREAT (item)->search_key);
}

static void
update_state (VaernThreatsDialog *self)
{
  GListModel *threats = self->document ? vaern_document_get_threats (self->document) : NULL;
  guint total = threats ? g_list_model_get_n_items (threats) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean editable = is_editable (self);
  gboolean has_selection = selected_threat (self) != NULL;
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  if (shown == total)
    /* Translators: the count below the threat catalogue */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u threat", "%u threats", total),
                             total);
  else
    /* Translators: the count below the threat catalogue when searching */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u threat shown",
                                          "%u of %u threats shown", total), shown, total);
  gtk_label_set_text (self->count_label, count);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "threats.add", editable);
  /* A read-only catalogue can still be read in the editor. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "threats.edit", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "threats.delete", editable && has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "threats.undo",
                                 editable && vaern_document_can_undo (self->document));
}

static void
search_changed_cb (VaernThreatsDialog *self)
{
  GtkFilterChange change;

  if (!vaern_search_read (&self->search, GTK_EDITABLE (self->search_entry), &change))
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

static void
stop_search_cb (VaernThreatsDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search field goes to the list, where Enter again edits. */
static void
search_activate_cb (VaernThreatsDialog *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->table));
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  VaernThreatsDialog *self = VAERN_THREATS_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  VaernThreatsDialog *self = VAERN_THREATS_DIALOG (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

/* Columns */

static void
category_cell (gpointer        item,
               VaernTableCell *cell,
               gpointer        user_data)
{
  cell->text = g_strdup (VAERN_THREAT (item)->category);
}

static void
name_cell (gpointer        item,
           VaernTableCell *cell,
           gpointer        user_data)
{
  cell->text = g_strdup (VAERN_THREAT (item)->name);
}

/* A threat no risk uses shows no number, so the used ones stand out. */
static void
risks_cell (gpointer        item,
            VaernTableCell *cell,
            gpointer        user_data)
{
  VaernThreat *threat = item;

  cell->text = g_strdup_printf ("%u", threat->n_risks);
  if (threat->n_risks == 0)
    cell->style = VAERN_TABLE_CELL_DIM;
}

static void
setup_columns (VaernThreatsDialog *self)
{
  GtkMultiSorter *by_category = gtk_multi_sorter_new ();
  guint category_column;

  gtk_multi_sorter_append (by_category, vaern_table_sorter_new (VAERN_TYPE_THREAT, "category", FALSE));
  gtk_multi_sorter_append (by_category, vaern_table_sorter_new (VAERN_TYPE_THREAT, "name", FALSE));
  /* Translators: column heading in the threat catalogue */
  category_column = vaern_table_add_column (self->table, _("Category"), category_cell, NULL,
                                            GTK_SORTER (by_category), 200, FALSE, 1);
  /* Translators: column heading in the threat catalogue */
  vaern_table_add_column (self->table, _("Name"), name_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_THREAT, "name", FALSE), 260,
                          TRUE, 0);
  /* Translators: column heading in the threat catalogue: how many risks use the threat */
  vaern_table_add_column (self->table, _("Risks"), risks_cell, NULL, vaern_table_sorter_new (VAERN_TYPE_THREAT, "n-risks", TRUE),
                          70, FALSE, 2);
  vaern_table_sort_by (self->table, category_column, GTK_SORT_ASCENDING);
}

/* Dialogs and notifications */

static void
present_dialog (VaernThreatsDialog *self,
                GtkWindow          *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (dialog);
}

static gboolean
select_id (VaernThreatsDialog *self,
           gint64              id)
{
  guint position = vaern_record_list_find (G_LIST_MODEL (self->selection), id);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  vaern_table_select (self->table, position);
  return TRUE;
}

/* Actions */

static void
editor_saved_cb (VaernThreatsDialog *self,
                 gint64              id)
{
  /* A new threat the search hides would seem lost: show everything. */
  if (!select_id (self, id))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self);
      select_id (self, id);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
}

static void
open_editor (VaernThreatsDialog *self,
             VaernThreat        *threat)
{
  VaernThreatEditor *editor;

  if (self->document == NULL)
    return;
  editor = vaern_threat_editor_new (GTK_WINDOW (self), self->document, threat);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  open_editor (VAERN_THREATS_DIALOG (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  VaernThreatsDialog *self = VAERN_THREATS_DIALOG (widget);
  VaernThreat *threat = selected_threat (self);

  if (threat)
    open_editor (self, threat);
}

static void
delete_threat (VaernThreatsDialog *self,
               gint64              id)
{
  g_autoptr(VaernThreat) threat = vaern_document_find_threat (self->document, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n;

  if (threat == NULL)
    return;
  if (!vaern_document_delete_threat (self->document, id, &error))
    {
      /* Translators: heading of an error message */
      vaern_show_error (GTK_WIDGET (self), _("Could Not Delete"), error);
      return;
    }
  /* Keep the selection where it was, for deleting several in a row. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n > 0 && position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
  /* Translators: notification after deleting; %s is the name of a threat */
  message = g_strdup_printf (_("“%s” deleted"), threat->name);
  vaern_offer_undo (self->toast_overlay, &self->toast, "threats.undo", message);
}

static void
question_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      VaernThreatsDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "vaern-threat-id"));

  if (g_strcmp0 (response, "delete") == 0)
    delete_threat (self, id);
}

/* A threat that risks use is deleted only after a question; the risks
 * keep their scenario, without the threat. */
static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VaernThreatsDialog *self = VAERN_THREATS_DIALOG (widget);
  VaernThreat *threat = selected_threat (self);
  gint64 id;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (threat == NULL || !is_editable (self))
    return;
  id = vaern_record_get_id (VAERN_RECORD (threat));
  if (threat->n_risks == 0)
    {
      delete_threat (self, id);
      return;
    }

  /* Translators: heading of a question; %s is the name of a threat */
  heading = g_strdup_printf (_("Delete “%s”?"), threat->name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: in the question before deleting a threat */
                                       "%u risk uses this threat; it keeps its scenario without it.",
                                       "%u risks use this threat; they keep their scenario without it.",
                                       threat->n_risks),
                          threat->n_risks);
  dialog = GTK_WIDGET (vaern_question_new (GTK_WINDOW (self), heading, body,
                                           /* Translators: button of a question: delete the threat */
                                           "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE));
  g_object_set_data (G_OBJECT (dialog), "vaern-threat-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (question_response_cb), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  VaernThreatsDialog *self = VAERN_THREATS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  /* The toast's button dismisses the toast itself. */
  if (!vaern_document_undo (self->document, &error))
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Undo"), error);
}

/* For the tests */

GListModel *
vaern_threats_dialog_get_shown (VaernThreatsDialog *self)
{
  g_return_val_if_fail (VAERN_IS_THREATS_DIALOG (self), NULL);
  return G_LIST_MODEL (self->selection);
}

void
vaern_threats_dialog_search (VaernThreatsDialog *self,
                             const char         *text)
{
  g_return_if_fail (VAERN_IS_THREATS_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

gboolean
vaern_threats_dialog_select (VaernThreatsDialog *self,
                             gint64              id)
{
  g_return_val_if_fail (VAERN_IS_THREATS_DIALOG (self), FALSE);
  return select_id (self, id);
}

GtkWindow *
vaern_threats_dialog_get_dialog (VaernThreatsDialog *self)
{
  g_return_val_if_fail (VAERN_IS_THREATS_DIALOG (self), NULL);
  return self->dialog;
}

void
vaern_threats_dialog_answer (VaernThreatsDialog *self,
                             const char         *response)
{
  g_return_if_fail (VAERN_IS_THREATS_DIALOG (self));
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (self->dialog));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self->dialog), response);
  if (self->dialog)
    gtk_window_destroy (self->dialog);
}

const char *
vaern_threats_dialog_get_toast (VaernThreatsDialog *self)
{
  g_return_val_if_fail (VAERN_IS_THREATS_DIALOG (self), NULL);
  return self->toast ? adw_toast_get_title (self->toast) : NULL;
}

/* Life cycle */

static void
vaern_threats_dialog_dispose (GObject *object)
{
  VaernThreatsDialog *self = VAERN_THREATS_DIALOG (object);

  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_weak_pointer (&self->dialog);
  self->toast = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_THREATS_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->document);
  vaern_search_clear (&self->search);

  G_OBJECT_CLASS (vaern_threats_dialog_parent_class)->dispose (object);
}

static void
vaern_threats_dialog_class_init (VaernThreatsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (VAERN_TYPE_TABLE);

  object_class->dispose = vaern_threats_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-threats-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernThreatsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VaernThreatsDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VaernThreatsDialog, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VaernThreatsDialog, table);
  gtk_widget_class_bind_template_child (widget_class, VaernThreatsDialog, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  gtk_widget_class_install_action (widget_class, "threats.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "threats.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "threats.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "threats.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "threats.clear-search", NULL,
                                   clear_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "threats.add",
                                       NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb,
                                NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vaern_threats_dialog_init (VaernThreatsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (threat_matches, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  vaern_table_set_model (self->table, G_LIST_MODEL (self->filter_model));
  self->selection = g_object_ref (vaern_table_get_selection (self->table));
  setup_columns (self);

  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_state), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->table));

  vaern_add_delete_key (GTK_WIDGET (self), GTK_WIDGET (self->table), "threats.delete");
}

GtkWidget *
vaern_threats_dialog_new (GtkWindow     *parent,
                          VaernDocument *document)
{
  VaernThreatsDialog *self;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);

  self = g_object_new (VAERN_TYPE_THREATS_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filter_model, vaern_document_get_threats (document));
  /* The first threat is selected, so Enter and Delete work at once. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    vaern_table_select (self->table, 0);
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
  return GTK_WIDGET (self);
}
