/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <stdio.h>

#include "vaern-ical.h"
#include "vaern-report-error.h"

char *
vaern_ical_rule (VaernActivity *a)
{
  guint months = vaern_recurrence_months (a->recurrence);
  guint y = 0, m = 0, d = 0;
  GString *rule;

  if (months == 0 || sscanf (a->start_date, "%u-%u-%u", &y, &m, &d) != 3)
    return NULL;
  rule = g_string_new (NULL);
  /* The wheel's rule: the start's day, or the month's last day when the
   * month is shorter. Where that is always the last day (the 31st, and 29
   * February) the rule says so plainly, as every calendar reads it
   * (BYMONTHDAY=-1, which Outlook accepts); for the 29th and 30th of a
   * monthly rhythm only the RFC 5545 set form says it. */
  if (months == 12)
    {
      g_string_append (rule, "FREQ=YEARLY");
      if (m == 2 && d == 29)
        g_string_append (rule, ";BYMONTH=2;BYMONTHDAY=-1");
    }
  else
    {
      g_string_append (rule, "FREQ=MONTHLY");
      if (months > 1)
        g_string_append_printf (rule, ";INTERVAL=%u", months);
      if (d == 31)
        g_string_append (rule, ";BYMONTHDAY=-1");
      else if (d > 28)
        {
          g_string_append (rule, ";BYMONTHDAY=28");
          for (guint day = 29; day <= d; day++)
            g_string_append_printf (rule, ",%u", day);
          g_string_append (rule, ";BYSETPOS=-1");
        }
    }
  if (a->end_date != NULL)
    {
      guint ey, em, ed;

      if (sscanf (a->end_date, "%u-%u-%u", &ey, &em, &ed) == 3)
        g_string_append_printf (rule, ";UNTIL=%04u%02u%02u", ey, em, ed);
    }
  return g_string_free (rule, FALSE);
}

static struct icaltimetype
ical_date (const char *iso)
{
  struct icaltimetype t = icaltime_null_date ();
  int y, m, d;

  if (iso && sscanf (iso, "%d-%d-%d", &y, &m, &d) == 3)
    {
      t.year = y;
      t.month = m;
      t.day = d;
      t.is_date = 1;
    }
  return t;
}

static icalcomponent *
activity_event (VaernDocument *doc,
                VaernActivity *a,
                const char    *stamp)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  /* The activity's own identity: stable when it is edited, when the
   * organisation is renamed, and when another activity takes its row id. */
  g_autofree char *uid = g_strdup_printf ("%s@vaern", a->uid);
  g_autofree char *rule = vaern_ical_rule (a);
  g_autoptr(GString) description = g_string_new (a->description ? a->description : "");
  struct icaltimetype start = ical_date (a->start_date);
  struct icaltimetype end = start;

  icaltime_adjust (&end, 1, 0, 0, 0);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (icaltime_from_string (stamp)));
  icalcomponent_add_property (event, icalproperty_new_summary (a->title));
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));
  icalcomponent_add_property (event, icalproperty_new_dtend (end));
  /* An all-day reminder, not time taken from the day. */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (event,
                              icalproperty_new_categories (vaern_enum_label (&vaern_enum_pdca_phase,
                                                                             a->phase)));
  if (a->owner_name && *a->owner_name)
    {
      if (description->len)
        g_string_append (description, "\n\n");
      /* Translators: in a calendar event of the annual wheel; %s is a person */
      g_string_append_printf (description, _("Responsible: %s"), a->owner_name);
    }
  if (description->len)
    icalcomponent_add_property (event, icalproperty_new_description (description->str));
  if (rule)
    icalcomponent_add_property (event,
                                icalproperty_new_rrule (icalrecurrencetype_from_string (rule)));
  return event;
}

gboolean
vaern_ical_write_wheel (VaernDocument *doc,
                        const char    *path,
                        GError       **error)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  GListModel *activities = vaern_document_get_activities (doc);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *name = NULL;
  char *text;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Værn//Årshjul//DA"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  /* Translators: the name of the exported calendar; %s is the organisation */
  name = g_strdup_printf (_("Annual wheel, %s"), vaern_document_get_organisation (doc));
  {
    icalproperty *x = icalproperty_new_x (name);

    icalproperty_set_x_name (x, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, x);
  }
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);

      icalcomponent_add_component (calendar, activity_event (doc, a, stamp));
    }
  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  /* g_file_set_contents writes a temporary file, syncs and renames it. */
  ok = g_file_set_contents (path, text, -1, NULL);
  free (text);
  if (!ok)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_WRITE,
                   /* Translators: %s is a file name */
                   _("Could not save the calendar as “%s”. Check that the folder exists and can "
                     "be written to."), display);
    }
  return ok;
}
