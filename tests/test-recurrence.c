/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/vaern-recurrence.h"

/* When the annual wheel's activities come round: every kind, across leap
 * years, month ends and year boundaries; and what counts as overdue. */

static void
assert_between (VaernRecurrence     recurrence,
                const char         *start,
                const char         *until,
                const char         *from,
                const char         *to,
                const char *const  *expected)
{
  g_auto(GStrv) dates = vaern_recurrence_between (recurrence, start, until, from, to, 0);

  g_assert_cmpstrv (dates, expected);
}

/* Monthly from 31 January: the last day of each shorter month, and the
 * 31st again where there is one; February has 29 days in 2028. */
static void
test_month_ends (void)
{
  assert_between (VAERN_RECURRENCE_MONTHLY, "2027-01-31", NULL, NULL, "2027-06-30",
                  (const char *const[]) { "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30",
                                          "2027-05-31", "2027-06-30", NULL });
  assert_between (VAERN_RECURRENCE_MONTHLY, "2028-01-31", NULL, "2028-02-01", "2028-03-31",
                  (const char *const[]) { "2028-02-29", "2028-03-31", NULL });
  /* The 30th stays the 30th after February. */
  assert_between (VAERN_RECURRENCE_MONTHLY, "2026-11-30", NULL, NULL, "2027-03-31",
                  (const char *const[]) { "2026-11-30", "2026-12-30", "2027-01-30", "2027-02-28",
                                          "2027-03-30", NULL });
}

/* Yearly on 29 February: 28 February in ordinary years, the 29th in leap
 * years (2100 is not one). */
static void
test_leap_years (void)
{
  g_autofree char *y2097 = vaern_recurrence_nth (VAERN_RECURRENCE_YEARLY, "2096-02-29", 1);
  g_autofree char *y2100 = vaern_recurrence_nth (VAERN_RECURRENCE_YEARLY, "2096-02-29", 4);
  g_autofree char *y2104 = vaern_recurrence_nth (VAERN_RECURRENCE_YEARLY, "2096-02-29", 8);

  assert_between (VAERN_RECURRENCE_YEARLY, "2024-02-29", NULL, NULL, "2028-12-31",
                  (const char *const[]) { "2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28",
                                          "2028-02-29", NULL });
  g_assert_cmpstr (y2097, ==, "2097-02-28");
  g_assert_cmpstr (y2100, ==, "2100-02-28");
  g_assert_cmpstr (y2104, ==, "2104-02-29");
}

/* Every kind across the turn of a year, and the window's edges included. */
static void
test_kinds (void)
{
  assert_between (VAERN_RECURRENCE_QUARTERLY, "2026-11-15", NULL, "2026-11-15", "2027-11-15",
                  (const char *const[]) { "2026-11-15", "2027-02-15", "2027-05-15", "2027-08-15",
                                          "2027-11-15", NULL });
  assert_between (VAERN_RECURRENCE_HALF_YEARLY, "2026-08-31", NULL, NULL, "2028-01-01",
                  (const char *const[]) { "2026-08-31", "2027-02-28", "2027-08-31", NULL });
  assert_between (VAERN_RECURRENCE_YEARLY, "2020-12-31", NULL, "2026-01-01", "2027-12-31",
                  (const char *const[]) { "2026-12-31", "2027-12-31", NULL });
  /* Once: the start only, whatever the window. */
  assert_between (VAERN_RECURRENCE_ONCE, "2027-03-01", NULL, NULL, NULL,
                  (const char *const[]) { "2027-03-01", NULL });
  assert_between (VAERN_RECURRENCE_ONCE, "2027-03-01", NULL, "2027-03-02", NULL,
                  (const char *const[]) { NULL });
  /* An end: nothing after it. */
  assert_between (VAERN_RECURRENCE_MONTHLY, "2027-01-10", "2027-03-10", NULL, NULL,
                  (const char *const[]) { "2027-01-10", "2027-02-10", "2027-03-10", NULL });
  /* Before the start there is nothing. */
  assert_between (VAERN_RECURRENCE_MONTHLY, "2027-01-10", NULL, "2026-01-01", "2026-12-31",
                  (const char *const[]) { NULL });
  g_assert_cmpuint (vaern_recurrence_months (VAERN_RECURRENCE_ONCE), ==, 0);
  g_assert_cmpuint (vaern_recurrence_months (VAERN_RECURRENCE_HALF_YEARLY), ==, 6);
}

/* A window far from the start is found without walking from the start,
 * and the same as walking would find. */
static void
test_far_window (void)
{
  g_auto(GStrv) dates = vaern_recurrence_between (VAERN_RECURRENCE_MONTHLY, "2000-01-31", NULL,
                                                  "2099-12-01", "2100-03-31", 0);
  g_autofree char *next = vaern_recurrence_next (VAERN_RECURRENCE_QUARTERLY, "2026-01-15", NULL,
                                                 "2026-04-16");
  g_autofree char *same = vaern_recurrence_next (VAERN_RECURRENCE_QUARTERLY, "2026-01-15", NULL,
                                                 "2026-04-15");
  g_autofree char *none = vaern_recurrence_next (VAERN_RECURRENCE_ONCE, "2026-01-15", NULL,
                                                 "2026-04-15");

  g_assert_cmpstrv (dates, ((const char *const[]) { "2099-12-31", "2100-01-31", "2100-02-28",
                                                    "2100-03-31", NULL }));
  g_assert_cmpstr (next, ==, "2026-07-15");
  g_assert_cmpstr (same, ==, "2026-04-15");
  g_assert_null (none);
}

static void
test_invalid (void)
{
  g_auto(GStrv) bad = vaern_recurrence_between (VAERN_RECURRENCE_MONTHLY, "2027-02-30", NULL, NULL,
                                                NULL, 0);
  g_auto(GStrv) capped = vaern_recurrence_between (VAERN_RECURRENCE_MONTHLY, "2027-01-01", NULL,
                                                   NULL, NULL, 5);
  g_autofree char *past = vaern_recurrence_nth (VAERN_RECURRENCE_YEARLY, "9999-06-01", 1);

  g_assert_cmpuint (g_strv_length (bad), ==, 0);
  g_assert_cmpuint (g_strv_length (capped), ==, 5);
  g_assert_null (past);
  g_assert_null (vaern_recurrence_nth (VAERN_RECURRENCE_MONTHLY, NULL, 0));
}

/* Overdue: the date has passed and it is not done; today itself is not. */
static void
test_overdue (void)
{
  g_assert_true (vaern_occurrence_is_overdue ("2026-11-22", FALSE, "2026-11-23"));
  g_assert_false (vaern_occurrence_is_overdue ("2026-11-23", FALSE, "2026-11-23"));
  g_assert_false (vaern_occurrence_is_overdue ("2026-11-24", FALSE, "2026-11-23"));
  g_assert_false (vaern_occurrence_is_overdue ("2026-11-22", TRUE, "2026-11-23"));
  g_assert_true (vaern_occurrence_is_overdue ("2025-12-31", FALSE, "2026-01-01"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vaern/recurrence/month-ends", test_month_ends);
  g_test_add_func ("/vaern/recurrence/leap-years", test_leap_years);
  g_test_add_func ("/vaern/recurrence/kinds", test_kinds);
  g_test_add_func ("/vaern/recurrence/far-window", test_far_window);
  g_test_add_func ("/vaern/recurrence/invalid", test_invalid);
  g_test_add_func ("/vaern/recurrence/overdue", test_overdue);

  return g_test_run ();
}
