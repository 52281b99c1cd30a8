/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "core/vaern-date.h"
#include "report/vaern-ical.h"
#include "report/vaern-report-error.h"
#include "vaern-test-store.h"
#include "vaern-test-util.h"

/* The annual wheel as iCalendar: the file parses back with libical into
 * the same activities, and each event's rule gives exactly the dates the
 * wheel gives, month ends and leap years included. */

static gint64
add (VaernDocument   *doc,
     const char      *title,
     VaernRecurrence  recurrence,
     const char      *start,
     const char      *end)
{
  g_autoptr(VaernActivity) a = vaern_activity_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  a->title = g_strdup (title);
  a->recurrence = recurrence;
  a->start_date = g_strdup (start);
  a->end_date = g_strdup (end);
  id = vaern_document_add_activity (doc, a, &error);
  g_assert_no_error (error);
  return id;
}

/* The dates libical's expansion of the event gives up to the end of 2032. */
static GStrv
expand (icalcomponent *event)
{
  g_autoptr(GStrvBuilder) dates = g_strv_builder_new ();
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  icalproperty *rrule = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);

  if (rrule == NULL)
    {
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", start.year, start.month,
                                               start.day);

      g_strv_builder_add (dates, date);
      return g_strv_builder_end (dates);
    }
  {
    icalrecur_iterator *it = icalrecur_iterator_new (icalproperty_get_rrule (rrule), start);
    struct icaltimetype t;

    for (t = icalrecur_iterator_next (it); !icaltime_is_null_time (t) && t.year <= 2032;
         t = icalrecur_iterator_next (it))
      {
        g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);

        g_strv_builder_add (dates, date);
      }
    icalrecur_iterator_free (it);
  }
  return g_strv_builder_end (dates);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = vaern_test_tmpdir ();
  g_autofree char *path = vaern_test_location (dir, "wheel.vaern");
  g_autofree char *ics = g_build_filename (dir, "wheel.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernDocument) doc = NULL;
  icalcomponent *calendar, *event;
  GListModel *activities;
  guint n_events = 0;

  vaern_date_set_today ("2026-11-23");
  doc = vaern_document_create (path, "Testkommune", &error);
  g_assert_no_error (error);
  add (doc, "Månedlig kontrol den 31.", VAERN_RECURRENCE_MONTHLY, "2027-01-31", NULL);
  add (doc, "Kvartalsvis den 30.", VAERN_RECURRENCE_QUARTERLY, "2026-11-30", "2029-12-31");
  add (doc, "Halvårlig den 29. august", VAERN_RECURRENCE_HALF_YEARLY, "2026-08-29", NULL);
  add (doc, "Årlig på skuddagen", VAERN_RECURRENCE_YEARLY, "2028-02-29", NULL);
  add (doc, "Én gang", VAERN_RECURRENCE_ONCE, "2027-03-01", NULL);

  g_assert_true (vaern_ical_write_wheel (doc, ics, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalrestriction_check (calendar), !=, 0);

  activities = vaern_document_get_activities (doc);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *summary = icalcomponent_get_summary (event);
      g_autoptr(VaernActivity) match = NULL;
      g_auto(GStrv) theirs = NULL;
      g_auto(GStrv) ours = NULL;

      n_events++;
      for (guint i = 0; i < g_list_model_get_n_items (activities) && match == NULL; i++)
        {
          g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);

          if (g_strcmp0 (a->title, summary) == 0)
            match = g_object_ref (a);
        }
      g_assert_nonnull (match);
      g_assert_true (icalcomponent_get_dtstart (event).is_date);
      theirs = expand (event);
      ours = vaern_recurrence_between (match->recurrence, match->start_date, match->end_date, NULL,
                                       "2032-12-31", 0);
      g_assert_cmpstrv (theirs, ours);
    }
  /* Each event carries its activity's own identity. */
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (event);
      gboolean known = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (activities) && !known; i++)
        {
          g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);
          g_autofree char *expected = g_strdup_printf ("%s@vaern", a->uid);

          known = g_strcmp0 (uid, expected) == 0;
        }
      g_assert_true (known);
    }
  /* One event per activity: the default wheel and the five above. */
  g_assert_cmpuint (n_events, ==, g_list_model_get_n_items (activities));
  g_assert_cmpuint (n_events, >=, 21);
  icalcomponent_free (calendar);

  /* A place that cannot be written. */
  {
    g_autofree char *missing = g_build_filename (dir, "no-such", "wheel.ics", NULL);

    g_assert_false (vaern_ical_write_wheel (doc, missing, &error));
    g_assert_error (error, VAERN_REPORT_ERROR, VAERN_REPORT_ERROR_WRITE);
  }
  g_clear_object (&doc);
  vaern_test_rmdir (dir);
}

static void
test_rules (void)
{
  g_autoptr(VaernActivity) a = vaern_activity_new ();
  g_autofree char *monthly = NULL, *yearly = NULL, *leap = NULL, *once = NULL;

  a->start_date = g_strdup ("2027-01-31");
  a->recurrence = VAERN_RECURRENCE_MONTHLY;
  monthly = vaern_ical_rule (a);
  g_assert_cmpstr (monthly, ==, "FREQ=MONTHLY;BYMONTHDAY=-1");
  a->recurrence = VAERN_RECURRENCE_YEARLY;
  yearly = vaern_ical_rule (a);
  g_assert_cmpstr (yearly, ==, "FREQ=YEARLY");
  g_free (a->start_date);
  a->start_date = g_strdup ("2028-02-29");
  a->end_date = g_strdup ("2040-12-31");
  leap = vaern_ical_rule (a);
  g_assert_cmpstr (leap, ==, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;UNTIL=20401231");
  a->recurrence = VAERN_RECURRENCE_ONCE;
  once = vaern_ical_rule (a);
  g_assert_null (once);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vaern/ical/rules", test_rules);
  g_test_add_func ("/vaern/ical/round-trip", test_round_trip);

  return g_test_run ();
}
