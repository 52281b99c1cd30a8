/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "core/vaern-date.h"
#include "store/vaern-document-private.h"
#include "vaern-test-store.h"
#include "vaern-test-util.h"

/* The annual wheel in the store: the default activities every document
 * gets, activities and annual-plan items stored and checked, occurrences
 * marked done (and undone), and what is next and overdue on a fixed day. */

typedef struct
{
  char          *dir;
  char          *path;
  VaernDocument *doc;
  gint64         person;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->doc = vaern_test_document_new (&f->dir, &f->path);
  f->person = add_person (f->doc, "Åse Årshjul", "aa@example.dk", 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  vaern_test_document_free (&f->doc, &f->dir, &f->path);
}

static VaernActivity *
find (VaernDocument *doc,
      gint64         id)
{
  VaernActivity *a = vaern_document_find_activity (doc, id);

  g_assert_nonnull (a);
  return a;
}

static gint64
add (VaernDocument   *doc,
     const char      *title,
     VaernRecurrence  recurrence,
     const char      *start)
{
  g_autoptr(VaernActivity) a = vaern_activity_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  a->title = g_strdup (title);
  a->recurrence = recurrence;
  a->start_date = g_strdup (start);
  a->phase = VAERN_PDCA_CHECK;
  id = vaern_document_add_activity (doc, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Every document starts with the PDCA activities of the guidance, all
 * four phases, in the year's order: plan before do before check before
 * act, each yearly or more often. */
static void
test_default_wheel (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *activities = vaern_document_get_activities (f->doc);
  guint per_phase[4] = { 0 };
  char last_yearly[4][11] = { "", "", "", "" };
  guint soa = 0, risks = 0;

  g_assert_cmpuint (g_list_model_get_n_items (activities), >=, 16);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(VaernActivity) a = g_list_model_get_item (activities, i);

      g_assert_false (a->plan);
      g_assert_cmpint (a->recurrence, !=, VAERN_RECURRENCE_ONCE);
      /* A new wheel starts at each activity's next due date: nothing is
       * overdue on the day it is made (23 November 2026 here). */
      g_assert_cmpstr (a->start_date, >=, "2026-11-23");
      g_assert_cmpstr (a->start_date, <, "2027-11-23");
      g_assert_false (a->overdue);
      g_assert_nonnull (a->uid);
      g_assert_cmpuint (strlen (a->uid), ==, 36);
      per_phase[a->phase]++;
      soa += a->concerns == VAERN_CONCERNS_SOA;
      risks += a->concerns == VAERN_CONCERNS_RISKS;
      if (a->recurrence == VAERN_RECURRENCE_YEARLY)
        {
          /* Within a phase the days of the year go forward. */
          g_assert_cmpint (strcmp (last_yearly[a->phase], a->start_date + 5), <, 0);
          g_strlcpy (last_yearly[a->phase], a->start_date + 5, sizeof last_yearly[0]);
        }
    }
  for (guint p = 0; p < 4; p++)
    g_assert_cmpuint (per_phase[p], >, 0);
  /* The phases follow each other through the year. */
  g_assert_cmpint (strcmp (last_yearly[VAERN_PDCA_PLAN], last_yearly[VAERN_PDCA_DO]), <, 0);
  g_assert_cmpint (strcmp (last_yearly[VAERN_PDCA_DO], last_yearly[VAERN_PDCA_CHECK]), <, 0);
  g_assert_cmpint (strcmp (last_yearly[VAERN_PDCA_CHECK], last_yearly[VAERN_PDCA_ACT]), <, 0);
  /* The management report is ready before the budget season (August). */
  g_assert_cmpint (strcmp (last_yearly[VAERN_PDCA_CHECK], "08-01"), <, 0);
  /* The SoA is updated in every phase but Do, the risks assessed once. */
  g_assert_cmpuint (soa, >=, 3);
  g_assert_cmpuint (risks, ==, 1);
}

/* An activity is stored and read back; bad input is refused with the
 * field at fault. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(VaernActivity) a = vaern_activity_new ();
  g_autoptr(VaernActivity) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  a->title = g_strdup ("  ");
  a->start_date = g_strdup ("2027-01-31");
  g_assert_cmpint (vaern_document_add_activity (f->doc, a, &error), ==, 0);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "title");
  g_clear_error (&error);

  g_free (a->title);
  a->title = g_strdup ("Kontrol af logning");
  g_free (a->start_date);
  a->start_date = g_strdup ("2027-02-30");
  g_assert_cmpint (vaern_document_add_activity (f->doc, a, &error), ==, 0);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "start_date");
  g_clear_error (&error);

  g_free (a->start_date);
  a->start_date = g_strdup ("2027-01-31");
  a->end_date = g_strdup ("2026-12-31");
  g_assert_cmpint (vaern_document_add_activity (f->doc, a, &error), ==, 0);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "end_date");
  g_clear_error (&error);
  g_clear_pointer (&a->end_date, g_free);

  /* A plan item happens once; its control must be one of Annex A. */
  a->plan = TRUE;
  a->recurrence = VAERN_RECURRENCE_MONTHLY;
  g_assert_cmpint (vaern_document_add_activity (f->doc, a, &error), ==, 0);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "recurrence");
  g_clear_error (&error);
  a->recurrence = VAERN_RECURRENCE_ONCE;
  a->control = g_strdup ("8.35");
  g_assert_cmpint (vaern_document_add_activity (f->doc, a, &error), ==, 0);
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "control");
  g_clear_error (&error);

  g_free (a->control);
  a->control = g_strdup ("8.15");
  a->owner_id = f->person;
  a->phase = VAERN_PDCA_ACT;
  id = vaern_document_add_activity (f->doc, a, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_document_can_undo (f->doc));

  back = find (f->doc, id);
  g_assert_true (back->plan);
  g_assert_cmpstr (back->title, ==, "Kontrol af logning");
  g_assert_cmpstr (back->control, ==, "8.15");
  g_assert_cmpstr (back->owner_name, ==, "Åse Årshjul");
  g_assert_cmpint (back->phase, ==, VAERN_PDCA_ACT);
  g_assert_cmpstr (back->next_date, ==, "2027-01-31");
  g_assert_false (back->overdue);

  /* The owner leaves: the activity stays, without an owner. */
  g_assert_true (vaern_document_delete_person (f->doc, f->person, 0, &error));
  g_clear_object (&back);
  back = find (f->doc, id);
  g_assert_cmpint (back->owner_id, ==, 0);
}

/* Marking done: only a real occurrence, once, by someone; undo takes it
 * back; the next and overdue follow on the fixed day. */
static void
test_done (Fixture       *f,
           gconstpointer  data)
{
  gint64 id = add (f->doc, "Gennemgang af brugerrettigheder", VAERN_RECURRENCE_QUARTERLY,
                   "2026-01-31");
  g_autoptr(VaernActivity) a = find (f->doc, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) year = NULL;

  /* 31 Jan, 30 Apr, 31 Jul, 31 Oct 2026 are due; before 23 Nov all four
   * have passed. Looking back a year, the first open one is next. */
  g_assert_true (a->overdue);
  g_assert_cmpstr (a->next_date, ==, "2026-01-31");

  g_assert_false (vaern_document_mark_done (f->doc, id, "2026-02-28", "2026-03-01", "Åse", NULL,
                                            &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vaern_document_mark_done (f->doc, id, "2026-04-30", "2026-05-02", " ", NULL,
                                            &error));
  g_assert_cmpstr (vaern_store_error_get_field (error), ==, "done_by");
  g_clear_error (&error);

  for (guint i = 0; i < 3; i++)
    {
      static const char *const due[] = { "2026-01-31", "2026-04-30", "2026-07-31" };

      g_assert_true (vaern_document_mark_done (f->doc, id, due[i], due[i], "Åse Årshjul",
                                               "Ingen afvigelser.", &error));
      g_assert_no_error (error);
    }
  g_assert_false (vaern_document_mark_done (f->doc, id, "2026-07-31", "2026-08-01", "Åse", NULL,
                                            &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_clear_object (&a);
  a = find (f->doc, id);
  g_assert_cmpstr (a->next_date, ==, "2026-10-31");
  g_assert_true (a->overdue);
  g_assert_cmpstr (vaern_activity_find_done (a, "2026-04-30")->done_by, ==, "Åse Årshjul");

  year = vaern_activity_occurrences (a, "2026-01-01", "2026-12-31", NULL);
  g_assert_cmpuint (year->len, ==, 4);
  g_assert_cmpint (g_array_index (year, VaernOccurrence, 0).state, ==, VAERN_OCCURRENCE_DONE);
  g_assert_cmpint (g_array_index (year, VaernOccurrence, 2).state, ==, VAERN_OCCURRENCE_DONE);
  g_assert_cmpint (g_array_index (year, VaernOccurrence, 3).state, ==, VAERN_OCCURRENCE_OVERDUE);
  g_assert_nonnull (g_array_index (year, VaernOccurrence, 0).done);

  /* The last one done: nothing overdue; the next is in January. */
  g_assert_true (vaern_document_mark_done (f->doc, id, "2026-10-31", "2026-11-20", "Åse", NULL,
                                           &error));
  g_clear_object (&a);
  a = find (f->doc, id);
  g_assert_false (a->overdue);
  g_assert_cmpstr (a->next_date, ==, "2027-01-31");

  /* Undo, and unmark. */
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_clear_object (&a);
  a = find (f->doc, id);
  g_assert_true (a->overdue);
  g_assert_true (vaern_document_unmark_done (f->doc, id, "2026-01-31", &error));
  g_assert_no_error (error);
  g_assert_false (vaern_document_unmark_done (f->doc, id, "2026-01-31", &error));
  g_assert_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&a);
  a = find (f->doc, id);
  g_assert_cmpstr (a->next_date, ==, "2026-01-31");

  /* In progress marks the next open occurrence only, and goes with done. */
  {
    g_autoptr(VaernActivity) edit = vaern_activity_copy (a);
    g_autoptr(GArray) states = NULL;

    edit->in_progress = TRUE;
    g_assert_true (vaern_document_update_activity (f->doc, edit, &error));
    g_clear_object (&a);
    a = find (f->doc, id);
    g_assert_true (a->in_progress);
    states = vaern_activity_occurrences (a, "2027-01-01", "2027-12-31", "2026-11-23");
    g_assert_cmpuint (states->len, ==, 4);
    g_assert_cmpint (g_array_index (states, VaernOccurrence, 0).state, ==, VAERN_OCCURRENCE_PLANNED);
    g_assert_true (vaern_document_mark_done (f->doc, id, "2026-01-31", "2026-11-23", "Åse", NULL,
                                             &error));
    g_clear_object (&a);
    a = find (f->doc, id);
    g_assert_false (a->in_progress);
  }

  /* A new schedule that loses an occurrence done is refused; one that
   * keeps them (a new end) is not. */
  {
    g_autoptr(VaernActivity) edit = vaern_activity_copy (a);

    g_free (edit->start_date);
    edit->start_date = g_strdup ("2026-02-05");
    g_assert_false (vaern_document_update_activity (f->doc, edit, &error));
    g_assert_cmpstr (vaern_store_error_get_field (error), ==, "start_date");
    g_clear_error (&error);
    g_free (edit->start_date);
    edit->start_date = g_strdup (a->start_date);
    edit->end_date = g_strdup ("2027-12-31");
    g_assert_true (vaern_document_update_activity (f->doc, edit, &error));
    g_assert_no_error (error);
  }

  /* It holds after reopening. */
  vaern_test_document_reopen (&f->doc, f->path);
  g_clear_object (&a);
  a = find (f->doc, id);
  g_assert_cmpuint (a->done->len, ==, 3);
}

/* A monthly activity on the 31st, and a one-off plan item. */
static void
test_month_end_and_once (Fixture       *f,
                         gconstpointer  data)
{
  gint64 monthly = add (f->doc, "Kontrol af backup", VAERN_RECURRENCE_MONTHLY, "2026-01-31");
  gint64 once = add (f->doc, "Indfør totrinslogin", VAERN_RECURRENCE_ONCE, "2027-03-31");
  g_autoptr(VaernActivity) m = find (f->doc, monthly);
  g_autoptr(VaernActivity) o = find (f->doc, once);
  g_autoptr(GArray) feb = vaern_activity_occurrences (m, "2026-02-01", "2026-02-28", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (feb->len, ==, 1);
  g_assert_cmpstr (g_array_index (feb, VaernOccurrence, 0).date, ==, "2026-02-28");
  g_assert_true (vaern_document_mark_done (f->doc, monthly, "2026-02-28", "2026-03-02", "Åse",
                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_false (o->overdue);
  g_assert_cmpstr (o->next_date, ==, "2027-03-31");
  g_assert_false (vaern_document_mark_done (f->doc, once, "2027-06-30", "2027-06-30", "Åse", NULL,
                                            &error));
  g_clear_error (&error);
  /* A plan item serves a risk; the link goes when the risk goes. */
  {
    g_autoptr(VaernAsset) asset = vaern_asset_new ();
    g_autoptr(VaernRisk) risk = vaern_risk_new ();
    g_autoptr(VaernActivity) edit = vaern_activity_copy (o);
    g_autoptr(VaernActivity) back = NULL;
    gint64 risk_id;

    asset->name = g_strdup ("Fjernadgang");
    risk->asset_id = vaern_document_add_asset (f->doc, asset, &error);
    risk->title = g_strdup ("Stjålne adgangskoder");
    risk_id = vaern_document_add_risk (f->doc, risk, &error);
    g_assert_no_error (error);
    edit->plan = TRUE;
    edit->risk_id = risk_id;
    g_assert_true (vaern_document_update_activity (f->doc, edit, &error));
    g_assert_no_error (error);
    back = find (f->doc, once);
    g_assert_cmpint (back->risk_id, ==, risk_id);
    g_assert_true (vaern_document_delete_risk (f->doc, risk_id, &error));
    g_clear_object (&back);
    back = find (f->doc, once);
    g_assert_cmpint (back->risk_id, ==, 0);
  }
  g_assert_true (vaern_document_delete_activity (f->doc, once, &error));
  g_assert_null (vaern_document_find_activity (f->doc, once));
  g_assert_true (vaern_document_undo (f->doc, &error));
  {
    g_autoptr(VaernActivity) again = vaern_document_find_activity (f->doc, once);

    g_assert_nonnull (again);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vaern/wheel/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("default-wheel", test_default_wheel);
  ADD ("edit", test_edit);
  ADD ("done", test_done);
  ADD ("month-end-and-once", test_month_end_and_once);
#undef ADD

  return g_test_run ();
}
