/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sample annual wheel and plan of the demo and large documents: owners
 * for the default activities, this year's occurrences done up to a few
 * weeks ago with two left overdue, and the annual plan's improvements,
 * each serving a control, one of them under way. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/vaern-date.h"
#include "vaern-document-private.h"

static const struct
{
  const char *title;
  const char *deadline;  /* month-day in the coming year */
  const char *control;
  VaernPdcaPhase phase;
} sample_plan[] = {
  { "Indfør totrinslogin på fjernadgang", "03-31", "8.5", VAERN_PDCA_ACT },
  { "Kryptér alle bærbare computere", "05-31", "8.24", VAERN_PDCA_ACT },
  { "Test gendannelse af de kritiske systemer fra backup", "02-28", "8.13", VAERN_PDCA_DO },
  { "Sikkerhedskrav i alle databehandleraftaler", "06-30", "5.20", VAERN_PDCA_DO },
  { "Indfør central logopsamling", "09-30", "8.15", VAERN_PDCA_ACT },
  { "Awareness-kampagne om phishing", "04-30", "6.3", VAERN_PDCA_DO },
};

gboolean
doc_add_sample_wheel (VaernDocument *self,
                      guint          n_extra,
                      GError       **error)
{
  g_autofree char *today = vaern_date_today ();
  int year = atoi (today);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *activities;
  VaernDbStmt *stmt;
  guint overdue_left = 2;

  stmt = doc_prepare (self, "SELECT id FROM person ORDER BY id LIMIT 6", error);
  if (stmt == NULL)
    return FALSE;
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      gint64 id = vaern_db_column_int (stmt, 0);

      g_array_append_val (people, id);
    }
  vaern_db_reset (stmt);
  if (people->len == 0)
    return TRUE;

  /* The demo's wheel has run since January: its activities start this
   * year, not at their next due date as a new wheel's do. */
  stmt = doc_prepare (self, doc_sql (self,
    "UPDATE activity SET start_date = date (start_date, '-1 year')"
    " WHERE kind = 'wheel' AND start_date > ?",
    "UPDATE activity SET start_date = to_char (start_date::date - interval '1 year', 'YYYY-MM-DD')"
    " WHERE kind = 'wheel' AND start_date > ?"), error);
  if (stmt == NULL)
    return FALSE;
  doc_bind_text (stmt, 1, today);
  if (!doc_step_done (self, stmt, error))
    return FALSE;

  /* Owners, and this year done up to about a month ago: the two latest
   * passed ones are left overdue. */
  activities = vaern_document_get_activities (self);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);
      g_autoptr(VaernActivity) edit = vaern_activity_copy (a);
      g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
      g_auto(GStrv) due = NULL;

      edit->owner_id = g_array_index (people, gint64, i % people->len);
      if (!vaern_document_update_activity (self, edit, error))
        return FALSE;
      due = vaern_recurrence_between (a->recurrence, a->start_date, a->end_date, from, today, 0);
      for (guint k = 0; due[k]; k++)
        {
          gboolean latest = due[k + 1] == NULL;

          if (latest && strcmp (due[k], today) < 0 && g_strcmp0 (due[k], "") != 0
              && overdue_left > 0 && (i == 13 || i == 8))
            {
              overdue_left--;
              continue;
            }
          if (!vaern_document_mark_done (self, vaern_record_get_id (VAERN_RECORD (a)), due[k],
                                         due[k], "Informationssikkerhedskoordinatoren",
                                         "", error))
            return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_plan); i++)
    {
      g_autoptr(VaernActivity) item = vaern_activity_new ();

      item->plan = TRUE;
      item->title = g_strdup (sample_plan[i].title);
      item->recurrence = VAERN_RECURRENCE_ONCE;
      item->phase = sample_plan[i].phase;
      item->start_date = g_strdup_printf ("%04d-%s", year + 1, sample_plan[i].deadline);
      item->control = g_strdup (sample_plan[i].control);
      item->owner_id = g_array_index (people, gint64, (i + 2) % people->len);
      /* The restore test is under way. */
      item->in_progress = i == 2;
      if (vaern_document_add_activity (self, item, error) == 0)
        return FALSE;
    }

  /* The large document's many activities: system-level follow-ups. */
  for (guint i = 0; i < n_extra; i++)
    {
      g_autoptr(VaernActivity) extra = vaern_activity_new ();
      static const VaernRecurrence kinds[] = {
        VAERN_RECURRENCE_YEARLY, VAERN_RECURRENCE_HALF_YEARLY, VAERN_RECURRENCE_QUARTERLY,
        VAERN_RECURRENCE_YEARLY, VAERN_RECURRENCE_MONTHLY,
      };

      extra->title = g_strdup_printf ("Opfølgning på system %u", i + 1);
      extra->recurrence = kinds[i % G_N_ELEMENTS (kinds)];
      extra->phase = i % 4;
      extra->start_date = g_strdup_printf ("%04d-%02u-%02u", year, i % 12 + 1, i % 28 + 1);
      extra->owner_id = g_array_index (people, gint64, i % people->len);
      if (vaern_document_add_activity (self, extra, error) == 0)
        return FALSE;
    }
  return TRUE;
}
