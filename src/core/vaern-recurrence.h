/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vaern-enums.h"

G_BEGIN_DECLS

/* When the activities of the annual wheel come round. An activity starts
 * on a date and comes back every 12, 6, 3 or 1 months (or never), always
 * on the start's day of the month, or on the month's last day when the
 * month is shorter: monthly from 31 January is 28 (or 29) February, 31
 * March, 30 April, … Dates are ISO 8601 ("2026-01-31"). */

/* Months between occurrences: 0 for once. */
guint      vaern_recurrence_months      (VaernRecurrence recurrence);

/* The n-th occurrence (from 0, the start), or NULL when there is none
 * (once and n > 0, or a date past year 9999). */
char      *vaern_recurrence_nth         (VaernRecurrence recurrence,
                                         const char     *start,
                                         guint           n);

/* The occurrences from from to to (both included, ISO dates; NULL: open),
 * and none after until (NULL: no end), in order; a NULL-terminated array
 * of ISO dates. max caps how many (0: 1,000). */
GStrv      vaern_recurrence_between     (VaernRecurrence recurrence,
                                         const char     *start,
                                         const char     *until,
                                         const char     *from,
                                         const char     *to,
                                         guint           max);

/* The first occurrence on or after date, or NULL. */
char      *vaern_recurrence_next        (VaernRecurrence recurrence,
                                         const char     *start,
                                         const char     *until,
                                         const char     *date);

/* Whether an occurrence on date, not done, is overdue on today (NULL:
 * vaern_date_today): its date has passed. */
gboolean   vaern_occurrence_is_overdue  (const char     *date,
                                         gboolean        done,
                                         const char     *today);

G_END_DECLS
