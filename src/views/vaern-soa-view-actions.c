/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-approval-editor.h"
#include "vaern-soa-compare-window.h"
#include "vaern-soa-entry-editor.h"
#include "vaern-soa-view-private.h"
#include "vaern-view.h"

/* The SoA view's actions: editing a control, approving the version shown,
 * starting a new draft, comparing two versions, clearing the filters, and
 * where other views send a person (soa.show-filtered). Printing and export
 * are in vaern-soa-view-output.c. */


/* After a save the list has a new row for the control: select it again,
 * and give the table the focus back. */
static void
select_control (VaernSoaView *self,
                const char   *control)
{
  GListModel *shown = G_LIST_MODEL (vaern_table_get_selection (self->table));

  for (guint i = 0; control && i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (shown, i);

      if (g_str_equal (e->control, control))
        {
          vaern_table_select (self->table, i);
          gtk_widget_grab_focus (GTK_WIDGET (self->table));
          return;
        }
    }
}

static void
editor_saved_cb (VaernEditor *editor,
                 gint64       id,
                 VaernSoaView *self)
{
  select_control (self, g_object_get_data (G_OBJECT (editor), "control"));
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  VaernSoaView *self = VAERN_SOA_VIEW (widget);
  VaernSoaEntry *entry = vaern_table_get_selected (self->table);
  VaernSoaEntryEditor *editor;

  if (entry == NULL)
    return;
  editor = vaern_soa_entry_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->document,
                                       entry);
  g_object_set_data_full (G_OBJECT (editor), "control", g_strdup (entry->control), g_free);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
approve_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  VaernSoaView *self = VAERN_SOA_VIEW (widget);
  g_autoptr(VaernApproval) approval = vaern_approval_new ();
  VaernApprovalEditor *editor;

  approval->subject = VAERN_APPROVAL_SOA;
  approval->soa_version_id = self->version_id;
  editor = vaern_approval_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->document,
                                      approval);
  {
    VaernSoaEntry *entry = vaern_table_get_selected (self->table);

    if (entry)
      g_object_set_data_full (G_OBJECT (editor), "control", g_strdup (entry->control), g_free);
  }
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_draft_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  VaernSoaView *self = VAERN_SOA_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = vaern_document_new_soa_draft (self->document, &error);

  if (id == 0)
    {
      /* Translators: heading of an error message */
      vaern_show_error (widget, _("Could Not Start a New Draft"), error);
      return;
    }
  /* The versions' list has followed already; show the new draft. */
  vaern_soa_view_show_version (self, id);
  /* Translators: notification after starting a new draft of the SoA */
  vaern_view_offer_undo (widget, _("New draft started"));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  vaern_soa_view_reset_filters (VAERN_SOA_VIEW (widget));
}

/* The comparison of two versions */

GtkWindow *
vaern_soa_view_compare (VaernSoaView *self)
{
  guint shown = 0;

  /* The previous version to the one shown, or the two newest. */
  for (guint i = 0; i < self->version_ids->len; i++)
    if (g_array_index (self->version_ids, gint64, i) == self->version_id)
      shown = i;
  if (shown + 1 >= self->version_ids->len && shown > 0)
    shown--;
  return GTK_WINDOW (vaern_soa_compare_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   self->document,
                                                   G_LIST_MODEL (self->version_names),
                                                   self->version_ids,
                                                   MIN (shown + 1, self->version_ids->len - 1),
                                                   shown));
}

static void
compare_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  gtk_window_present (vaern_soa_view_compare (VAERN_SOA_VIEW (widget)));
}

/* Where other views send a person (win.go-to, see vaern-view.h) */

static void
show_filtered_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  guint theme;
  gboolean missing;

  g_variant_get (param, "(ub)", &theme, &missing);
  vaern_soa_view_show_filtered (VAERN_SOA_VIEW (widget), theme, missing);
}

void
vaern_soa_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "soa.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "soa.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "soa.new-draft", NULL, new_draft_action);
  gtk_widget_class_install_action (widget_class, "soa.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "soa.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "soa.show-filtered", "(ub)", show_filtered_action);
}
