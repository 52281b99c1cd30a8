/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/vaern-date.h"
#include "render/vaern-wheel.h"
#include "report/vaern-ical.h"
#include "vaern-activity-editor.h"
#include "vaern-view.h"
#include "vaern-wheel-view-private.h"
#include "widgets/vaern-file-chooser.h"
#include "widgets/vaern-table.h"
#include "widgets/vaern-ui-util.h"

/* The annual wheel's actions (wheel.*): the year, the activities and the
 * improvements, marking an occurrence done, going to what an activity
 * concerns, printing and export. */

static GtkWindow *
parent_window (GtkWidget *widget)
{
  return GTK_WINDOW (gtk_widget_get_root (widget));
}

static void
year_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);
  g_autofree char *today = vaern_date_today ();

  if (g_str_equal (name, "wheel.previous-year"))
    _vaern_wheel_view_set_year (self, self->year - 1);
  else if (g_str_equal (name, "wheel.next-year"))
    _vaern_wheel_view_set_year (self, self->year + 1);
  else
    _vaern_wheel_view_set_year (self, atoi (today));
}

static void
add_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);

  gtk_window_present (GTK_WINDOW (vaern_activity_editor_new (parent_window (widget), self->document,
                                                             NULL, g_str_equal (name, "wheel.add-plan"),
                                                             NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);
  VaernWheelItem *item = vaern_table_get_selected (self->table);

  if (item)
    gtk_window_present (GTK_WINDOW (vaern_activity_editor_new (parent_window (widget),
                                                               self->document, item->activity,
                                                               item->activity->plan, NULL)));
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);
  VaernWheelItem *item = vaern_table_get_selected (self->table);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (item == NULL)
    return;
  /* Translators: notification after deleting an activity; %s is its title */
  message = g_strdup_printf (_("“%s” deleted"), item->activity->title);
  if (!vaern_document_delete_activity (self->document,
                                       vaern_record_get_id (VAERN_RECORD (item->activity)), &error))
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Delete the Activity"), error);
  else
    vaern_view_offer_undo (widget, message);
}

/* From an activity to what it concerns: a system's risk assessment, the
 * SoA, or a document. */
static void
open_concerned_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);
  VaernWheelItem *item = vaern_table_get_selected (self->table);

  if (item == NULL)
    return;
  switch (item->activity->concerns)
    {
    case VAERN_CONCERNS_RISKS:
      vaern_view_go_to (widget, "risks", "risks.show-asset",
                        g_variant_new_int64 (item->activity->asset_id));
      break;
    case VAERN_CONCERNS_SOA:
      vaern_view_go_to (widget, "soa", NULL, NULL);
      break;
    case VAERN_CONCERNS_DOCUMENT:
      vaern_view_go_to (widget, "documents", "documents.select",
                        g_variant_new_int64 (item->activity->document_id));
      break;
    default:
      break;
    }
}

/* Done today, by the person at the keyboard. */
gboolean
vaern_wheel_view_mark_selected (VaernWheelView *self,
                                gboolean        done,
                                GError        **error)
{
  VaernWheelItem *item = vaern_table_get_selected (self->table);
  g_autofree char *today = vaern_date_today ();
  const char *who = g_get_real_name ();

  if (item == NULL)
    return FALSE;
  if (who == NULL || *who == '\0' || g_str_equal (who, "Unknown"))
    who = g_get_user_name ();
  if (done)
    return vaern_document_mark_done (self->document,
                                     vaern_record_get_id (VAERN_RECORD (item->activity)),
                                     item->date, today, who, "", error);
  return vaern_document_unmark_done (self->document,
                                     vaern_record_get_id (VAERN_RECORD (item->activity)),
                                     item->date, error);
}

static void
mark_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  g_autoptr(GError) error = NULL;
  gboolean done = g_str_equal (name, "wheel.mark-done");

  if (!vaern_wheel_view_mark_selected (VAERN_WHEEL_VIEW (widget), done, &error) && error)
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Change the Activity"), error);
  else
    vaern_view_offer_undo (widget,
                             done
                             /* Translators: notification */
                             ? _("Marked done") : _("Marked not done"));
}

/* Printing and export */

typedef struct
{
  GArray *marks;
  guint   year;
  char   *today;
  char   *organisation;
  GBytes *logo;
} Picture;

static void
picture_free (gpointer data)
{
  Picture *p = data;

  g_array_unref (p->marks);
  g_free (p->today);
  g_free (p->organisation);
  g_clear_pointer (&p->logo, g_bytes_unref);
  g_free (p);
}

static Picture *
picture_new (VaernWheelView *self)
{
  Picture *p = g_new0 (Picture, 1);

  p->today = vaern_date_today ();
  p->year = self->year;
  p->marks = vaern_wheel_marks_from_activities (vaern_document_get_activities (self->document),
                                                self->year, p->today);
  p->organisation = g_strdup (vaern_document_get_organisation (self->document));
  p->logo = vaern_document_get_logo (self->document);
  return p;
}

static void
picture_fill (Picture        *p,
              VaernWheel     *wheel,
              VaernWheelPage *page,
              char          **date)
{
  memset (wheel, 0, sizeof *wheel);
  wheel->year = p->year;
  wheel->today = p->today;
  wheel->marks = p->marks;
  wheel->focus = -1;
  for (guint r = 0; r < 4; r++)
    wheel->ring_labels[r] = vaern_enum_label (&vaern_enum_pdca_phase, r);
  *date = vaern_date_format (p->today);
  page->organisation = p->organisation;
  page->logo = p->logo;
  page->date = *date;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Picture           *p)
{
  g_autofree char *date = NULL;
  VaernWheel wheel;
  VaernWheelPage page;

  picture_fill (p, &wheel, &page, &date);
  vaern_wheel_draw_page (gtk_print_context_get_cairo_context (context),
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context), &wheel, &page);
}

gboolean
vaern_wheel_view_print (VaernWheelView *self,
                        const char     *export_path,
                        GError        **error)
{
  return vaern_print_a4 (GTK_WIDGET (self),
                         /* Translators: the name of the print job */
                         _("Annual wheel"), GTK_PAGE_ORIENTATION_LANDSCAPE, NULL,
                         G_CALLBACK (draw_page_cb), picture_new (self), picture_free,
                         export_path, error);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!vaern_wheel_view_print (VAERN_WHEEL_VIEW (widget), NULL, &error))
    /* Translators: heading of an error message */
    vaern_show_error (widget, _("Could Not Print"), error);
}

static void
picture_chosen_cb (GtkWindow *parent,
                   GFile     *file,
                   gpointer   user_data)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  VaernWheel wheel;
  VaernWheelPage page;

  if (path == NULL)
    return;
  picture_fill (user_data, &wheel, &page, &date);
  if (!vaern_wheel_export (path, VAERN_WHEEL_PAPER_A4, TRUE, &wheel, &page, &error))
    /* Translators: heading of an error message */
    vaern_show_error (GTK_WIDGET (parent), _("Could Not Export"), error);
}

static void
export_picture_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  vaern_choose_file_full (parent_window (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                          /* Translators: title of the file chooser */
                          _("Export Annual Wheel"), _("_Export"),
                          /* Translators: suggested file name of the exported wheel */
                          _("annual-wheel.pdf"), VAERN_FILES_PICTURES, picture_chosen_cb,
                          picture_new (VAERN_WHEEL_VIEW (widget)), picture_free);
}

static void
calendar_chosen_cb (GtkWindow *parent,
                    GFile     *file,
                    gpointer   user_data)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path && !vaern_ical_write_wheel (user_data, path, &error))
    /* Translators: heading of an error message */
    vaern_show_error (GTK_WIDGET (parent), _("Could Not Export"), error);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  VaernWheelView *self = VAERN_WHEEL_VIEW (widget);

  vaern_choose_file_full (parent_window (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                          /* Translators: title of the file chooser */
                          _("Export as Calendar"), _("_Export"),
                          /* Translators: suggested file name of the exported calendar */
                          _("annual-wheel.ics"), VAERN_FILES_ANY, calendar_chosen_cb,
                          g_object_ref (self->document), g_object_unref);
}

/* Where other views send a person (win.go-to, see vaern-view.h) */

static void
show_state_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  vaern_wheel_view_show_state (VAERN_WHEEL_VIEW (widget), g_variant_get_uint32 (param));
}

void
vaern_wheel_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "wheel.previous-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "wheel.next-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "wheel.this-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "wheel.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "wheel.add-plan", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "wheel.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "wheel.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "wheel.mark-done", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "wheel.mark-not-done", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "wheel.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "wheel.open-concerned", NULL,
                                   open_concerned_action);
  gtk_widget_class_install_action (widget_class, "wheel.export-picture", NULL, export_picture_action);
  gtk_widget_class_install_action (widget_class, "wheel.export-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "wheel.show-state", "u", show_state_action);
}
