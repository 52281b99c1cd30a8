/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "vaern-core-error.h"
#include "vaern-date.h"

G_DEFINE_QUARK (vaern-core-error-quark, vaern_core_error)

/* Tests fix "today" so that overdue dates are deterministic. */
static char *today_override;

static gboolean
split_numbers (const char *text,
               guint      *a,
               guint      *b,
               guint      *c,
               char       *sep)
{
  char s1 = 0, s2 = 0;
  int consumed = 0;

  if (sscanf (text, "%u%c%u%c%u%n", a, &s1, b, &s2, c, &consumed) != 5)
    return FALSE;
  if (text[consumed] != '\0' || s1 != s2)
    return FALSE;
  if (s1 != '-' && s1 != '.' && s1 != '/')
    return FALSE;

  *sep = s1;
  return TRUE;
}

/**
 * vaern_date_parse:
 * @text: what a person typed: "2026-11-23", "23-11-2026", "23.11.2026" or "23/11/2026"
 * @error: return location for a #VAERN_CORE_ERROR_INVALID_DATE
 *
 * Returns: (transfer full) (nullable): the ISO form, or %NULL for empty text
 *   (without an error) and for text that is not a date (with an error).
 */
char *
vaern_date_parse (const char *text,
                  GError    **error)
{
  g_autofree char *trimmed = NULL;
  guint a, b, c, day, month, year;
  char sep;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return NULL;

  if (!split_numbers (trimmed, &a, &b, &c, &sep))
    goto invalid;

  if (a >= 1000 && sep == '-')
    year = a, month = b, day = c;
  else if (c >= 1000)
    day = a, month = b, year = c;
  else
    goto invalid;

  if (year < 1900 || year > 2200 || !g_date_valid_dmy (day, month, year))
    goto invalid;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);

invalid:
  g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID_DATE,
               /* Translators: %s is what the user typed */
               _("“%s” is not a valid date. Write it as day-month-year, for example 31-12-2026."),
               trimmed);
  return NULL;
}

gboolean
vaern_date_is_valid (const char *iso)
{
  guint y, m, d;
  int consumed = 0;

  if (iso == NULL || strlen (iso) != 10)
    return FALSE;
  if (sscanf (iso, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) != 3 || consumed != 10)
    return FALSE;

  return y >= 1900 && g_date_valid_dmy (d, m, y);
}

/**
 * vaern_date_add_days:
 * @iso: an ISO date
 * @days: how many days later (earlier if negative)
 *
 * Returns: (nullable): the ISO date @days after @iso, or %NULL if @iso is
 * not a date.
 */
char *
vaern_date_add_days (const char *iso,
                     int         days)
{
  guint y, m, d;
  GDate date;

  if (!vaern_date_is_valid (iso) || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

/**
 * vaern_date_format:
 * @iso: (nullable): an ISO date
 *
 * Returns: the date as Danish readers write it, "23-11-2026", or "" for none.
 */
char *
vaern_date_format (const char *iso)
{
  if (!vaern_date_is_valid (iso))
    return g_strdup ("");

  return g_strdup_printf ("%.2s-%.2s-%.4s", iso + 8, iso + 5, iso);
}

char *
vaern_date_today (void)
{
  g_autoptr(GDateTime) now = NULL;

  if (today_override)
    return g_strdup (today_override);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

void
vaern_date_set_today (const char *iso)
{
  g_return_if_fail (iso == NULL || vaern_date_is_valid (iso));

  g_free (today_override);
  today_override = g_strdup (iso);
}

gboolean
vaern_date_is_past (const char *iso)
{
  g_autofree char *today = NULL;

  if (!vaern_date_is_valid (iso))
    return FALSE;

  today = vaern_date_today ();
  return strcmp (iso, today) < 0;
}
