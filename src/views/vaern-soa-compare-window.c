/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "vaern-soa-compare-window.h"
#include "widgets/vaern-ui-util.h"

/* The layout is ui/vaern-soa-compare-window.ui; here only the rows, one
 * per changed field, which depend on the two versions chosen. */

struct _VaernSoaCompareWindow
{
  AdwWindow      parent_instance;

  VaernDocument *document;
  GArray        *ids;       /* gint64, in the order of the drop-downs' model */

  /* Template widgets */
  GtkDropDown   *from_dropdown;
  GtkDropDown   *to_dropdown;
  GtkLabel      *summary_label;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (VaernSoaCompareWindow, vaern_soa_compare_window, ADW_TYPE_WINDOW)

static void
selection_changed_cb (VaernSoaCompareWindow *self)
{
  guint a, b;
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) controls = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  if (self->document == NULL)   /* still being built */
    return;
  a = gtk_drop_down_get_selected (self->from_dropdown);
  b = gtk_drop_down_get_selected (self->to_dropdown);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  if (a >= self->ids->len || b >= self->ids->len)
    return;
  diff = vaern_document_compare_soa (self->document, g_array_index (self->ids, gint64, a),
                                     g_array_index (self->ids, gint64, b), &error);
  if (diff == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  controls = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < diff->len; i++)
    {
      VaernSoaDifference *d = diff->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      g_hash_table_add (controls, d->control);
      /* Translators: a changed control in the comparison: number, title and the field */
      title = g_strdup_printf (_("%s %s: %s"), d->control, d->title, d->field);
      /* Translators: a change in the comparison of two SoA versions: old → new */
      subtitle = g_strdup_printf (_("%s → %s"), *d->old_value ? d->old_value : "–",
                                  *d->new_value ? d->new_value : "–");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_list_box_append (self->list, row);
    }
  if (a == b)
    /* Translators: the comparison of a version with itself */
    summary = g_strdup (_("Choose two different versions."));
  else
    summary = g_strdup_printf (
      /* Translators: summary of the comparison of two SoA versions */
      ngettext ("%u control changed.", "%u controls changed.", g_hash_table_size (controls)),
      g_hash_table_size (controls));
  gtk_label_set_text (self->summary_label, summary);
}

static void
vaern_soa_compare_window_dispose (GObject *object)
{
  VaernSoaCompareWindow *self = VAERN_SOA_COMPARE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VAERN_TYPE_SOA_COMPARE_WINDOW);
  g_clear_object (&self->document);
  g_clear_pointer (&self->ids, g_array_unref);
  G_OBJECT_CLASS (vaern_soa_compare_window_parent_class)->dispose (object);
}

static void
vaern_soa_compare_window_class_init (VaernSoaCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vaern_soa_compare_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vaern/Vaern/vaern-soa-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VaernSoaCompareWindow, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaCompareWindow, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VaernSoaCompareWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vaern_soa_compare_window_init (VaernSoaCompareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vaern_soa_compare_window_new (GtkWindow     *parent,
                              VaernDocument *document,
                              GListModel    *names,
                              GArray        *ids,
                              guint          from,
                              guint          to)
{
  VaernSoaCompareWindow *self = g_object_new (VAERN_TYPE_SOA_COMPARE_WINDOW,
                                              "transient-for", parent, NULL);

  g_return_val_if_fail (VAERN_IS_DOCUMENT (document), NULL);

  gtk_drop_down_set_model (self->from_dropdown, names);
  gtk_drop_down_set_model (self->to_dropdown, names);
  vaern_drop_down_shorten (self->from_dropdown, 26);
  vaern_drop_down_shorten (self->to_dropdown, 26);
  vaern_drop_down_set_accessible_label (self->from_dropdown, NULL);
  vaern_drop_down_set_accessible_label (self->to_dropdown, NULL);
  gtk_drop_down_set_selected (self->to_dropdown, to);
  gtk_drop_down_set_selected (self->from_dropdown, from);
  self->document = g_object_ref (document);
  self->ids = g_array_ref (ids);
  selection_changed_cb (self);
  return GTK_WIDGET (self);
}
