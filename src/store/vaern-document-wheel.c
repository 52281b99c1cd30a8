/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document's annual wheel (årshjul) and annual plan (årsplan): the
 * activities, and the occurrences marked done. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/vaern-date.h"
#include "vaern-document-private.h"

/* How far back an occurrence not done still counts as overdue, and where
 * the next one is looked for: a year. */
#define LOOK_BACK_DAYS 365

void
doc_wheel_init (VaernDocument *self)
{
  self->activities = g_list_store_new (VAERN_TYPE_ACTIVITY);
}

void
doc_wheel_dispose (VaernDocument *self)
{
  g_clear_object (&self->activities);
}

/* The default wheel: the PDCA activities of the Danish guidance on an
 * ISMS, in the order of the year: plan and its approvals early, the
 * policy, guidelines and contingency plan in spring, measurement and the
 * management report before the budget season, improvements in autumn. */
static const struct
{
  VaernPdcaPhase  phase;
  guint           month, day;
  VaernRecurrence recurrence;
  VaernConcerns   concerns;
  const char     *title;
  const char     *description;
} default_wheel[] = {
  { VAERN_PDCA_PLAN, 1, 31, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_RISKS,
    "Foretag risikovurdering",
    "Systemejerne vurderer risici for deres systemer; informationssikkerhedskoordinatoren samler resultatet." },
  { VAERN_PDCA_PLAN, 2, 15, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_NONE,
    "Udarbejd handlingsplan",
    "Handlingsplan for de risici, der skal reduceres, med ansvarlige og frister." },
  { VAERN_PDCA_PLAN, 2, 28, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_SOA,
    "Opdater SoA-dokumentet efter risikovurderingen",
    "Hvilke kontroller gælder, og hvorfor, efter årets risikovurdering." },
  { VAERN_PDCA_PLAN, 3, 15, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_SOA,
    "Få ledelsesgodkendt risikovurdering, SoA-dokument og politik",
    "Ledelsen godkender risikovurderingens resultat, SoA-dokumentet og informationssikkerhedspolitikken." },
  { VAERN_PDCA_DO, 4, 1, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_NONE,
    "Opdater informationssikkerhedspolitikken", "" },
  { VAERN_PDCA_DO, 4, 15, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_NONE,
    "Opdater retningslinjerne", "" },
  { VAERN_PDCA_DO, 4, 30, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_NONE,
    "Opdater og test beredskabsplanen",
    "Beredskabsplanen opdateres og afprøves, fx ved en skrivebordsøvelse." },
  { VAERN_PDCA_DO, 5, 15, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_NONE,
    "Få ledelsesgodkendt politik, retningslinjer og beredskabsplan", "" },
  { VAERN_PDCA_CHECK, 3, 31, VAERN_RECURRENCE_QUARTERLY, VAERN_CONCERNS_NONE,
    "Følg op på handlingsplanen",
    "Status på handlingsplanens indsatser til informationssikkerhedsudvalget." },
  { VAERN_PDCA_CHECK, 5, 31, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_NONE,
    "Gennemfør måling af informationssikkerheden",
    "Mål efterlevelsen af politik og retningslinjer og effekten af kontrollerne." },
  { VAERN_PDCA_CHECK, 6, 15, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_NONE,
    "Udarbejd ledelsesrapport om informationssikkerhed",
    "Rapporten ligger klar før budgetlægningen." },
  { VAERN_PDCA_CHECK, 6, 20, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_SOA,
    "Opdater SoA-dokumentet efter målingen", "" },
  { VAERN_PDCA_CHECK, 6, 30, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_NONE,
    "Få ledelsesrapporten godkendt", "" },
  { VAERN_PDCA_ACT, 9, 15, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_NONE,
    "Vurder og prioritér behovet for forbedringer",
    "Ud fra måling, hændelser og ledelsesrapporten." },
  { VAERN_PDCA_ACT, 10, 1, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_SOA,
    "Opdater SoA-dokumentet med forbedringerne", "" },
  { VAERN_PDCA_ACT, 10, 31, VAERN_RECURRENCE_YEARLY, VAERN_CONCERNS_NONE,
    "Få ledelsesgodkendt notat med forbedringsforslag", "" },
};

/* The default activity's first due date: its day this year, or the next
 * time it comes round when that has passed, so a new wheel starts with
 * nothing overdue. */
static char *
default_start (guint i,
               const char *today)
{
  int year = atoi (today);
  g_autofree char *anchor = g_strdup_printf ("%04d-%02u-%02u", year, default_wheel[i].month,
                                             default_wheel[i].day);
  char *next = vaern_recurrence_next (default_wheel[i].recurrence, anchor, NULL, today);

  if (next == NULL)
    next = g_strdup_printf ("%04d-%02u-%02u", year + 1, default_wheel[i].month,
                            default_wheel[i].day);
  return next;
}

gboolean
doc_wheel_seed (VaernDocument *self,
                GError       **error)
{
  g_autofree char *today = vaern_date_today ();

  for (guint i = 0; i < G_N_ELEMENTS (default_wheel); i++)
    {
      g_autofree char *start = default_start (i, today);
      g_autofree char *uid = g_uuid_string_random ();
      VaernDbStmt *stmt = doc_prepare (self,
                                        "INSERT INTO activity (kind, title, description, phase,"
                                        " recurrence, start_date, concerns, uid)"
                                        " VALUES ('wheel', ?, ?, ?, ?, ?, ?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      doc_bind_text (stmt, 7, uid);
      doc_bind_text (stmt, 1, default_wheel[i].title);
      doc_bind_text (stmt, 2, default_wheel[i].description);
      doc_bind_text (stmt, 3, vaern_enum_key (&vaern_enum_pdca_phase, default_wheel[i].phase));
      doc_bind_text (stmt, 4, vaern_enum_key (&vaern_enum_recurrence, default_wheel[i].recurrence));
      doc_bind_text (stmt, 5, start);
      doc_bind_text (stmt, 6, doc_concerns_key (default_wheel[i].concerns));
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static const char *const concerns_keys[] = { "none", "risks", "soa", "document" };

const char *
doc_concerns_key (VaernConcerns concerns)
{
  return concerns < G_N_ELEMENTS (concerns_keys) ? concerns_keys[concerns] : "none";
}

static VaernConcerns
concerns_from_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (concerns_keys); i++)
    if (g_strcmp0 (key, concerns_keys[i]) == 0)
      return i;
  return VAERN_CONCERNS_NONE;
}

/* Reading */

static void
derive_activity (VaernActivity *a,
                 const char    *today)
{
  /* Open occurrences from a year back: the first is the next, and any
   * before today is overdue. */
  g_autofree char *since = vaern_date_add_days (today, -LOOK_BACK_DAYS);
  g_auto(GStrv) dates = NULL;

  dates = vaern_recurrence_between (a->recurrence, a->start_date, a->end_date,
                                    a->recurrence == VAERN_RECURRENCE_ONCE ? NULL : since,
                                    NULL, 40);
  for (guint i = 0; dates[i]; i++)
    {
      if (vaern_activity_find_done (a, dates[i]))
        continue;
      if (a->next_date == NULL)
        a->next_date = g_strdup (dates[i]);
      if (vaern_occurrence_is_overdue (dates[i], FALSE, today))
        a->overdue = TRUE;
      else
        break;
    }
}

static GPtrArray *
load_activities (VaernDocument *self,
                 gint64         id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *today = vaern_date_today ();
  int rc;
  VaernDbStmt *stmt = doc_prepare_list (self,
    "SELECT a.id, a.kind, a.title, a.description, a.phase, a.recurrence, a.start_date,"
    "  a.end_date, a.owner_id, a.in_progress, a.concerns, a.asset_id, a.document_id, a.risk_id,"
    "  a.control, coalesce (p.name, ''),"
    "  CASE a.concerns WHEN 'risks' THEN s.name WHEN 'document' THEN d.title END,"
    "  a.uid,"
    /* The occurrences done take part in the row's digest. */
    "  (SELECT string_agg (occurrence || ' ' || done_on || ' ' || done_by, ',')"
    "     FROM activity_done WHERE activity_id = a.id)"
    "  FROM activity a LEFT JOIN person p ON p.id = a.owner_id"
    "  LEFT JOIN asset s ON s.id = a.asset_id LEFT JOIN document d ON d.id = a.document_id"
    " WHERE ?1 = 0 OR a.id = ?1 ORDER BY a.id");

  if (stmt == NULL)
    return result;
  vaern_db_bind_int (stmt, 1, id);
  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernActivity *a = vaern_activity_new ();

      /* The day takes part in the digest: overdue follows the calendar. */
      vaern_record_set_identity (VAERN_RECORD (a), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt) ^ g_str_hash (today));
      a->plan = g_strcmp0 (vaern_db_column_text (stmt, 1, NULL), "plan") == 0;
      a->title = doc_column_dup (stmt, 2);
      a->description = doc_column_dup (stmt, 3);
      a->phase = doc_column_enum (stmt, 4, &vaern_enum_pdca_phase);
      a->recurrence = doc_column_enum (stmt, 5, &vaern_enum_recurrence);
      a->start_date = doc_column_dup (stmt, 6);
      if (!vaern_db_column_is_null (stmt, 7))
        a->end_date = doc_column_dup (stmt, 7);
      a->owner_id = vaern_db_column_int (stmt, 8);
      a->in_progress = vaern_db_column_int (stmt, 9) != 0;
      a->concerns = concerns_from_key (vaern_db_column_text (stmt, 10, NULL));
      a->asset_id = vaern_db_column_int (stmt, 11);
      a->document_id = vaern_db_column_int (stmt, 12);
      a->risk_id = vaern_db_column_int (stmt, 13);
      if (!vaern_db_column_is_null (stmt, 14))
        a->control = doc_column_dup (stmt, 14);
      a->owner_name = doc_column_dup (stmt, 15);
      if (!vaern_db_column_is_null (stmt, 16))
        a->concerns_name = doc_column_dup (stmt, 16);
      a->uid = doc_column_dup (stmt, 17);
      g_ptr_array_add (result, a);
      {
        gint64 key = vaern_record_get_id (VAERN_RECORD (a));

        g_hash_table_insert (by_id, g_memdup2 (&key, sizeof key), a);
      }
    }
  doc_list_done (self, stmt, rc);

  /* The occurrences done, in one pass. */
  stmt = doc_prepare_list (self,
                           "SELECT activity_id, occurrence, done_on, done_by, note FROM activity_done"
                           " WHERE ?1 = 0 OR activity_id = ?1 ORDER BY activity_id, occurrence");
  if (stmt != NULL)
    {
      vaern_db_bind_int (stmt, 1, id);
      while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
        {
          gint64 activity_id = vaern_db_column_int (stmt, 0);
          VaernActivity *a = g_hash_table_lookup (by_id, &activity_id);
          VaernActivityDone *done;

          if (a == NULL)
            continue;
          done = g_new0 (VaernActivityDone, 1);
          done->occurrence = doc_column_dup (stmt, 1);
          done->done_on = doc_column_dup (stmt, 2);
          done->done_by = doc_column_dup (stmt, 3);
          done->note = doc_column_dup (stmt, 4);
          g_ptr_array_add (a->done, done);
        }
      doc_list_done (self, stmt, rc);
    }
  for (guint i = 0; i < result->len; i++)
    {
      VaernActivity *a = result->pdata[i];

      derive_activity (a, today);
      a->search_key = doc_casefold_join (a->title, a->description, a->owner_name,
                                         a->concerns_name, a->control, (const char *) -1);
    }
  return result;
}

void
doc_wheel_refresh (VaernDocument *self,
                   DocTouched     touched)
{
  /* The activities are read when first asked for: opening a document
   * does not wait for 2,000 of them. */
  if (!self->activities_loaded)
    return;
  if (touched & (DOC_TOUCHED_ACTIVITY | DOC_TOUCHED_PERSON | DOC_TOUCHED_ASSET
                 | DOC_TOUCHED_DOCUMENT | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) activities = load_activities (self, 0);

      doc_merge_records (self->activities, activities);
    }
}

GListModel *
vaern_document_get_activities (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  if (!self->activities_loaded && self->db != NULL)
    {
      g_autoptr(GPtrArray) activities = load_activities (self, 0);

      self->activities_loaded = TRUE;
      doc_merge_records (self->activities, activities);
    }
  return G_LIST_MODEL (self->activities);
}

VaernActivity *
vaern_document_find_activity (VaernDocument *self,
                              gint64         id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  if (id <= 0 || self->db == NULL)
    return NULL;
  found = load_activities (self, id);
  return found->len > 0 ? g_object_ref (found->pdata[0]) : NULL;
}

/* Writing */

static gboolean
validate_activity (VaernDocument *self,
                   VaernActivity *a,
                   GError       **error)
{
  g_autofree char *title = g_strstrip (g_strdup (a->title ? a->title : ""));

  if (*title == '\0')
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "title",
                                   _("The activity needs a title."));
      return FALSE;
    }
  if (a->start_date == NULL || *a->start_date == '\0')
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "start_date",
                                   a->plan ? _("Give the deadline.")
                                           : _("Give the date the activity is due."));
      return FALSE;
    }
  if (!doc_require_date (a->start_date, "start_date", FALSE, error)
      || !doc_require_date (a->end_date, "end_date", TRUE, error))
    return FALSE;
  if (a->end_date != NULL && strcmp (a->end_date, a->start_date) < 0)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "end_date",
                                   _("The activity cannot end before it starts."));
      return FALSE;
    }
  if (a->plan && a->recurrence != VAERN_RECURRENCE_ONCE)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "recurrence",
                                   _("An item of the annual plan happens once; put recurring "
                                     "activities in the annual wheel."));
      return FALSE;
    }
  if (a->recurrence >= vaern_enum_recurrence.n_entries || a->phase >= vaern_enum_pdca_phase.n_entries)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "recurrence",
                                   _("Choose how often the activity comes round and its phase."));
      return FALSE;
    }
  if (a->control != NULL && *a->control != '\0')
    {
      VaernDbStmt *stmt = doc_prepare (self, "SELECT 1 FROM control WHERE edition = '2022'"
                                        " AND number = ?", error);
      gboolean known;

      if (stmt == NULL)
        return FALSE;
      doc_bind_text (stmt, 1, a->control);
      known = vaern_db_step (stmt) == VAERN_DB_ROW;
      vaern_db_reset (stmt);
      if (!known)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "control",
                                       _("“%s” is not a control of ISO/IEC 27001:2022 Annex A."),
                                       a->control);
          return FALSE;
        }
    }
  return TRUE;
}

static void
bind_activity (VaernDbStmt *stmt,
               gpointer      record)
{
  VaernActivity *a = record;
  g_autofree char *title = g_strstrip (g_strdup (a->title));

  doc_bind_text (stmt, 1, a->plan ? "plan" : "wheel");
  doc_bind_text (stmt, 2, title);
  doc_bind_text_or_empty (stmt, 3, a->description);
  doc_bind_text (stmt, 4, vaern_enum_key (&vaern_enum_pdca_phase, a->phase));
  doc_bind_text (stmt, 5, vaern_enum_key (&vaern_enum_recurrence, a->recurrence));
  doc_bind_text (stmt, 6, a->start_date);
  doc_bind_text (stmt, 7, a->end_date);
  doc_bind_id (stmt, 8, a->owner_id);
  vaern_db_bind_int (stmt, 9, a->in_progress ? 1 : 0);
  doc_bind_text (stmt, 10, doc_concerns_key (a->concerns));
  doc_bind_id (stmt, 11, a->concerns == VAERN_CONCERNS_RISKS ? a->asset_id : 0);
  doc_bind_id (stmt, 12, a->concerns == VAERN_CONCERNS_DOCUMENT ? a->document_id : 0);
  doc_bind_id (stmt, 13, a->risk_id);
  doc_bind_text (stmt, 14, a->control && *a->control ? a->control : NULL);
}

gint64
vaern_document_add_activity (VaernDocument *self,
                             VaernActivity *activity,
                             GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (VAERN_IS_ACTIVITY (activity), 0);

  if (!doc_check_writable (self, error) || !validate_activity (self, activity, error))
    return 0;
  /* Translators: an undo step; %s is the title of an activity of the annual wheel */
  label = g_strdup_printf (_("Add activity “%s”"), activity->title);
  /* The uid is a random (version 4) UUID, made by the database. */
  return doc_write_row (self, label, doc_sql (self,
                        "INSERT INTO activity (kind, title, description, phase, recurrence,"
                        " start_date, end_date, owner_id, in_progress, concerns, asset_id,"
                        " document_id, risk_id, control, uid)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        " lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4'"
                        "  || substr (hex (randomblob (2)), 2) || '-'"
                        "  || substr ('89ab', 1 + (abs (random ()) % 4), 1)"
                        "  || substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6))))",
                        "INSERT INTO activity (kind, title, description, phase, recurrence,"
                        " start_date, end_date, owner_id, in_progress, concerns, asset_id,"
                        " document_id, risk_id, control, uid)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        " gen_random_uuid ()::text)"),
                        bind_activity, 14, activity, 0, NULL, NULL, error);
}

gboolean
vaern_document_update_activity (VaernDocument *self,
                                VaernActivity *activity,
                                GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (VAERN_IS_ACTIVITY (activity), FALSE);

  id = vaern_record_get_id (VAERN_RECORD (activity));
  if (!doc_check_writable (self, error) || !validate_activity (self, activity, error))
    return FALSE;
  /* A new schedule must keep the occurrences already done: each must still
   * be one of its due dates, or the history would be lost from sight. */
  {
    g_autoptr(VaernActivity) stored = vaern_document_find_activity (self, id);

    for (guint i = 0; stored && i < stored->done->len; i++)
      {
        const VaernActivityDone *d = stored->done->pdata[i];
        g_auto(GStrv) match = vaern_recurrence_between (activity->recurrence, activity->start_date,
                                                        activity->end_date, d->occurrence,
                                                        d->occurrence, 1);

        if (match[0] == NULL)
          {
            g_autofree char *date = vaern_date_format (d->occurrence);

            vaern_store_set_field_error (error, VAERN_STORE_ERROR_CONSTRAINT, "start_date",
                                         /* Translators: %s is a date */
                                         _("The occurrence of %s is marked done, and the new "
                                           "schedule has no such date. To change when the "
                                           "activity comes round, give it an end date and add a "
                                           "new activity for the new schedule."), date);
            return FALSE;
          }
      }
  }
  /* Translators: an undo step; %s is the title of an activity of the annual wheel */
  label = g_strdup_printf (_("Edit activity “%s”"), activity->title);
  return doc_write_row (self, label,
                        "UPDATE activity SET kind = ?, title = ?, description = ?, phase = ?,"
                        " recurrence = ?, start_date = ?, end_date = ?, owner_id = ?,"
                        " in_progress = ?, concerns = ?, asset_id = ?, document_id = ?,"
                        " risk_id = ?, control = ? WHERE id = ?",
                        bind_activity, 14, activity, id, NULL,
                        _("The activity no longer exists."), error) != 0;
}

gboolean
vaern_document_delete_activity (VaernDocument *self,
                                gint64         id,
                                GError       **error)
{
  g_autoptr(VaernActivity) activity = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  activity = vaern_document_find_activity (self, id);
  if (activity == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The activity no longer exists."));
      return FALSE;
    }
  /* Translators: an undo step; %s is the title of an activity of the annual wheel */
  label = g_strdup_printf (_("Delete activity “%s”"), activity->title);
  return doc_delete_row (self, "DELETE FROM activity WHERE id = ?", id, label, error);
}

gboolean
vaern_document_mark_done (VaernDocument *self,
                          gint64         activity_id,
                          const char    *occurrence,
                          const char    *done_on,
                          const char    *done_by,
                          const char    *note,
                          GError       **error)
{
  g_autoptr(VaernActivity) activity = NULL;
  g_auto(GStrv) match = NULL;
  g_autofree char *by = g_strstrip (g_strdup (done_by ? done_by : ""));
  g_autofree char *label = NULL;
  VaernDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (!doc_check_writable (self, error))
    return FALSE;
  activity = vaern_document_find_activity (self, activity_id);
  if (activity == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The activity no longer exists."));
      return FALSE;
    }
  match = vaern_recurrence_between (activity->recurrence, activity->start_date, activity->end_date,
                                    occurrence, occurrence, 1);
  if (occurrence == NULL || match[0] == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("The activity is not due on that date."));
      return FALSE;
    }
  if (vaern_activity_find_done (activity, occurrence))
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE,
                   _("That occurrence is already marked done."));
      return FALSE;
    }
  if (!doc_require_date (done_on, "done_on", FALSE, error))
    return FALSE;
  if (*by == '\0')
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "done_by",
                                   _("Say who did it."));
      return FALSE;
    }
  /* Translators: an undo step; %s is the title of an activity */
  label = g_strdup_printf (_("Mark “%s” done"), activity->title);
  if (!doc_begin_change (self, label, error))
    return FALSE;
  stmt = doc_prepare (self,
                      "INSERT INTO activity_done (activity_id, occurrence, done_on, done_by, note)"
                      " VALUES (?, ?, ?, ?, ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      vaern_db_bind_int (stmt, 1, activity_id);
      doc_bind_text (stmt, 2, occurrence);
      doc_bind_text (stmt, 3, done_on);
      doc_bind_text (stmt, 4, by);
      doc_bind_text_or_empty (stmt, 5, note);
      ok = doc_step_done (self, stmt, error);
    }
  /* Done with the one under way: the next is not under way yet. */
  if (ok && activity->in_progress && g_strcmp0 (activity->next_date, occurrence) == 0)
    {
      stmt = doc_prepare (self, "UPDATE activity SET in_progress = 0 WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          vaern_db_bind_int (stmt, 1, activity_id);
          ok = doc_step_done (self, stmt, error);
        }
    }
  return doc_end_change (self, ok, label, error);
}

gboolean
vaern_document_unmark_done (VaernDocument *self,
                            gint64         activity_id,
                            const char    *occurrence,
                            GError       **error)
{
  g_autoptr(VaernActivity) activity = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  activity = vaern_document_find_activity (self, activity_id);
  if (activity == NULL || occurrence == NULL || !vaern_activity_find_done (activity, occurrence))
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("That occurrence is not marked done."));
      return FALSE;
    }
  /* Translators: an undo step; %s is the title of an activity */
  label = g_strdup_printf (_("Mark “%s” not done"), activity->title);
  {
    VaernDbStmt *stmt;
    gboolean ok;

    if (!doc_begin_change (self, label, error))
      return FALSE;
    stmt = doc_prepare (self, "DELETE FROM activity_done WHERE activity_id = ? AND occurrence = ?",
                        error);
    ok = stmt != NULL;
    if (ok)
      {
        vaern_db_bind_int (stmt, 1, activity_id);
        doc_bind_text (stmt, 2, occurrence);
        ok = doc_step_done (self, stmt, error);
      }
    return doc_end_change (self, ok, label, error);
  }
}
