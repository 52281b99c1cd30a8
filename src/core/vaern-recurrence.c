/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vaern-date.h"
#include "vaern-recurrence.h"

#define MAX_OCCURRENCES 1000

guint
vaern_recurrence_months (VaernRecurrence recurrence)
{
  switch (recurrence)
    {
    case VAERN_RECURRENCE_YEARLY: return 12;
    case VAERN_RECURRENCE_HALF_YEARLY: return 6;
    case VAERN_RECURRENCE_QUARTERLY: return 3;
    case VAERN_RECURRENCE_MONTHLY: return 1;
    case VAERN_RECURRENCE_ONCE:
    default: return 0;
    }
}

static gboolean
parse (const char *iso,
       GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || !vaern_date_is_valid (iso) || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return g_date_valid (date);
}

static char *
format (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
vaern_recurrence_nth (VaernRecurrence recurrence,
                      const char     *start,
                      guint           n)
{
  GDate date;
  guint months = vaern_recurrence_months (recurrence);
  guint64 index;
  guint year, month, day, last;

  if (!parse (start, &date))
    return NULL;
  if (n == 0)
    return format (&date);
  if (months == 0)
    return NULL;
  /* Counted from the start each time, so a short month does not pull the
   * later ones back: 31 Jan, 28 Feb, 31 Mar. */
  index = (guint64) (g_date_get_month (&date) - 1) + (guint64) n * months;
  year = g_date_get_year (&date) + index / 12;
  if (year > 9999)
    return NULL;
  month = index % 12 + 1;
  last = g_date_get_days_in_month (month, year);
  day = MIN (g_date_get_day (&date), last);
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

GStrv
vaern_recurrence_between (VaernRecurrence recurrence,
                          const char     *start,
                          const char     *until,
                          const char     *from,
                          const char     *to,
                          guint           max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint months = vaern_recurrence_months (recurrence);
  guint found = 0;
  guint n = 0;

  if (max == 0)
    max = MAX_OCCURRENCES;
  if (!vaern_date_is_valid (start))
    return g_strv_builder_end (builder);
  /* Skip ahead to about where from begins, without walking every month
   * of a long past. */
  if (from != NULL && months > 0 && strcmp (from, start) > 0)
    {
      GDate s, f;

      if (parse (start, &s) && parse (from, &f))
        {
          int span = ((int) g_date_get_year (&f) - (int) g_date_get_year (&s)) * 12
                     + (int) g_date_get_month (&f) - (int) g_date_get_month (&s);

          n = span > (int) months ? (guint) (span / (int) months) - 1 : 0;
        }
    }
  for (;; n++)
    {
      g_autofree char *date = vaern_recurrence_nth (recurrence, start, n);

      if (date == NULL || (until != NULL && strcmp (date, until) > 0)
          || (to != NULL && strcmp (date, to) > 0) || found >= max)
        break;
      if (from == NULL || strcmp (date, from) >= 0)
        {
          g_strv_builder_add (builder, date);
          found++;
        }
      if (months == 0)
        break;
    }
  return g_strv_builder_end (builder);
}

char *
vaern_recurrence_next (VaernRecurrence recurrence,
                       const char     *start,
                       const char     *until,
                       const char     *date)
{
  g_auto(GStrv) dates = vaern_recurrence_between (recurrence, start, until, date, NULL, 1);

  return dates[0] ? g_strdup (dates[0]) : NULL;
}

gboolean
vaern_occurrence_is_overdue (const char *date,
                             gboolean    done,
                             const char *today)
{
  g_autofree char *now = NULL;

  if (done || date == NULL)
    return FALSE;
  if (today == NULL)
    today = now = vaern_date_today ();
  return strcmp (date, today) < 0;
}
