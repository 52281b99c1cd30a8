/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "views/vaern-view.h"
#include "core/vaern-date.h"
#include "views/vaern-assign-dialog-private.h"
#include "views/vaern-people-view-private.h"
#include "views/vaern-person-editor-private.h"
#include "views/vaern-unit-editor-private.h"
#include "vaern-test-store.h"
#include "vaern-test-util.h"

/* The People and Roles view under a virtual display, driven through its
 * actions and dialogs as a person would, checked against the document. */

typedef struct
{
  char          *dir;
  char          *path;
  VaernDocument *doc;
  GtkWindow     *window;
  GtkWidget     *view;
  gint64         unit;        /* Borgerservice */
  gint64         subunit;     /* Borgerservice › Ydelser */
  gint64         anne;        /* no roles */
  gint64         ole;         /* systemejer of Sagsportal, systemforvalter of Journalix */
  gint64         mette;       /* no roles */
  gint64         journalix;   /* system without a systemejer */
  gint64         sagsportal;  /* system owned by Ole */
  gint64         printer;     /* system in use, no systemejer */
  gint64         oldsystem;   /* retired system without owner: no finding */
  gint64         cabinet;     /* archive without owner: no finding */
  gint64         owner_role;
  gint64         admin_role;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}


static gint64
add_asset (VaernDocument  *doc,
           const char     *name,
           VaernAssetKind  kind,
           VaernLifecycle  lifecycle)
{
  g_autoptr(VaernAsset) asset = vaern_asset_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  asset->name = g_strdup (name);
  asset->kind = kind;
  asset->lifecycle = lifecycle;
  id = vaern_document_add_asset (doc, asset, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}



static void
assign (VaernDocument *doc,
        gint64         asset,
        gint64         person,
        gint64         role)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (vaern_document_assign (doc, asset, person, role, "2024-01-01", FALSE, &error),
                   >, 0);
  g_assert_no_error (error);
}

static void
fill_document (Fixture *f)
{
  f->unit = add_unit (f->doc, "Borgerservice", 0);
  f->subunit = add_unit (f->doc, "Ydelser", f->unit);
  f->anne = add_person (f->doc, "Anne Jensen", "aj@example.dk", f->unit);
  f->ole = add_person (f->doc, "Ole Hansen", "oh@example.dk", f->unit);
  f->mette = add_person (f->doc, "Mette Holm", NULL, 0);
  f->journalix = add_asset (f->doc, "Journalix", VAERN_ASSET_KIND_SYSTEM, VAERN_LIFECYCLE_IN_USE);
  f->sagsportal = add_asset (f->doc, "Sagsportal", VAERN_ASSET_KIND_SYSTEM,
                             VAERN_LIFECYCLE_IN_USE);
  f->printer = add_asset (f->doc, "Printløsning", VAERN_ASSET_KIND_SYSTEM,
                          VAERN_LIFECYCLE_PROCUREMENT);
  f->oldsystem = add_asset (f->doc, "Gammelt ESDH", VAERN_ASSET_KIND_SYSTEM,
                            VAERN_LIFECYCLE_RETIRED);
  f->cabinet = add_asset (f->doc, "Arkivskab", VAERN_ASSET_KIND_ARCHIVE, VAERN_LIFECYCLE_IN_USE);
  f->owner_role = role_id (f->doc, VAERN_ROLE_SYSTEM_OWNER);
  f->admin_role = role_id (f->doc, VAERN_ROLE_ADMINISTRATOR);
  assign (f->doc, f->sagsportal, f->ole, f->owner_role);
  assign (f->doc, f->journalix, f->ole, f->admin_role);
}

static void
show_view (Fixture *f)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  f->view = g_object_new (VAERN_TYPE_PEOPLE_VIEW, NULL);
  g_object_ref_sink (f->view);
  gtk_window_set_child (f->window, f->view);
  vaern_view_set_document (VAERN_VIEW (f->view), f->doc);
  gtk_window_present (f->window);
  iterate ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  vaern_date_set_today ("2026-11-23");
  f->dir = vaern_test_tmpdir ();
  f->path = g_build_filename (f->dir, "test.vaern", NULL);
  f->doc = vaern_document_create (f->path, "Testkommune", &error);
  g_assert_no_error (error);
  fill_document (f);
  show_view (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GtkWindow *dialog = vaern_people_view_get_dialog (VAERN_PEOPLE_VIEW (f->view));

  if (dialog)
    gtk_window_destroy (dialog);
  gtk_window_destroy (f->window);
  iterate ();
  /* The view lets go of the document when it goes. */
  g_assert_finalize_object (f->view);
  if (f->doc)
    {
      vaern_document_close (f->doc);
      g_assert_finalize_object (f->doc);
    }
  vaern_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

#define VIEW(f) VAERN_PEOPLE_VIEW ((f)->view)

static gint64
holder (Fixture *f,
        gint64   asset,
        gint64   role)
{
  return vaern_document_get_holder (f->doc, asset, role);
}

/* The current holders of a role for an asset, from the document. */
static guint
n_current_holders (Fixture *f,
                   gint64   asset,
                   gint64   role)
{
  g_autoptr(GListModel) list = vaern_document_list_assignments (f->doc, asset, 0, FALSE);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VaernAssignment) x = g_list_model_get_item (list, i);

      if (x->role_id == role)
        n++;
    }
  return n;
}

static gboolean
shown_has (Fixture    *f,
           const char *tab,
           gint64      id)
{
  GListModel *shown = vaern_people_view_get_shown (VIEW (f), tab);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(VaernRecord) record = g_list_model_get_item (shown, i);

      if (vaern_record_get_id (record) == id)
        return TRUE;
    }
  return FALSE;
}

/* The first actionable widget in the view for an action, as on screen. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);

      if (found)
        return found;
    }
  return NULL;
}

/* Whether a button for an action can be pressed. A split button passes
 * the action on to its inner button. */
static gboolean
can_press (GtkWidget *button)
{
  g_assert_nonnull (button);
  if (ADW_IS_SPLIT_BUTTON (button))
    button = gtk_widget_get_first_child (button);
  return gtk_widget_get_sensitive (button);
}

static VaernAssignDialog *
open_assign_dialog (Fixture    *f,
                    const char *action,
                    GVariant   *target)
{
  GtkWindow *dialog;

  if (target)
    g_assert_true (gtk_widget_activate_action_variant (f->view, action, target));
  else
    g_assert_true (gtk_widget_activate_action (f->view, action, NULL));
  iterate ();
  dialog = vaern_people_view_get_dialog (VIEW (f));
  g_assert_true (VAERN_IS_ASSIGN_DIALOG (dialog));
  return VAERN_ASSIGN_DIALOG (dialog);
}

/* Tests */

static void
test_unowned (Fixture       *f,
              gconstpointer  data)
{
  GListModel *assets = vaern_document_get_assets (f->doc);
  GListModel *shown;
  guint n_expected = 0;

  vaern_people_view_show_unowned (VIEW (f));
  iterate ();
  g_assert_cmpstr (vaern_people_view_get_tab (VIEW (f)), ==, "systems");

  /* Exactly the systems without an owner: not the owned one, not the
   * retired one, not the archive (which has an asset owner instead). */
  shown = vaern_people_view_get_shown (VIEW (f), "systems");
  for (guint i = 0; i < g_list_model_get_n_items (assets); i++)
    {
      g_autoptr(VaernAsset) asset = g_list_model_get_item (assets, i);
      gint64 id = vaern_record_get_id (VAERN_RECORD (asset));
      gboolean unowned = (asset->findings & VAERN_FINDING_NO_OWNER) != 0;

      g_assert_cmpint (shown_has (f, "systems", id), ==, unowned);
      n_expected += unowned;
    }
  g_assert_cmpuint (n_expected, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_true (shown_has (f, "systems", f->journalix));
  g_assert_true (shown_has (f, "systems", f->printer));
  g_assert_false (shown_has (f, "systems", f->sagsportal));
  g_assert_false (shown_has (f, "systems", f->oldsystem));
  g_assert_false (shown_has (f, "systems", f->cabinet));

  /* The selected one says so. */
  g_assert_true (vaern_people_view_select (VIEW (f), "systems", f->journalix));
  iterate ();
  g_assert_true (vaern_people_view_get_warns_unowned (VIEW (f)));

  /* An edit elsewhere updates the filtered list at once. */
  assign (f->doc, f->journalix, f->anne, f->owner_role);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (shown_has (f, "systems", f->printer));

  /* Searching narrows further; the search is casefolded. */
  vaern_people_view_search (VIEW (f), "PRINT");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  vaern_people_view_search (VIEW (f), "journ");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  /* show_asset finds an asset the filters hide. */
  vaern_people_view_show_asset (VIEW (f), f->cabinet);
  iterate ();
  g_assert_cmpint (vaern_people_view_get_selected (VIEW (f), "systems"), ==, f->cabinet);
  g_assert_false (vaern_people_view_get_warns_unowned (VIEW (f)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
}

static void
test_assign_owner (Fixture       *f,
                   gconstpointer  data)
{
  VaernAssignDialog *dialog;
  g_autoptr(VaernAsset) asset = NULL;

  vaern_people_view_show_asset (VIEW (f), f->journalix);
  iterate ();
  g_assert_true (vaern_people_view_get_warns_unowned (VIEW (f)));
  g_assert_cmpint (holder (f, f->journalix, f->owner_role), ==, 0);

  dialog = open_assign_dialog (f, "people.assign", NULL);
  /* Nobody chosen yet: nothing to confirm. */
  g_assert_false (vaern_assign_dialog_get_can_confirm (dialog));
  g_assert_false (vaern_assign_dialog_confirm (dialog));

  vaern_assign_dialog_choose (dialog, 0, f->owner_role, f->anne, "01-02-2026");
  g_assert_false (vaern_assign_dialog_get_replaces (dialog));
  g_assert_cmpstr (vaern_assign_dialog_get_confirm_label (dialog), ==, "_Assign");
  g_assert_true (vaern_assign_dialog_get_can_confirm (dialog));
  g_assert_true (vaern_assign_dialog_confirm (dialog));
  iterate ();
  g_assert_null (vaern_people_view_get_dialog (VIEW (f)));

  g_assert_cmpint (holder (f, f->journalix, f->owner_role), ==, f->anne);
  asset = vaern_document_get_asset (f->doc, f->journalix, NULL);
  g_assert_false (asset->findings & VAERN_FINDING_NO_OWNER);
  g_assert_false (vaern_people_view_get_warns_unowned (VIEW (f)));
  /* The selection stayed on the asset through the refresh. */
  g_assert_cmpint (vaern_people_view_get_selected (VIEW (f), "systems"), ==, f->journalix);
}

static void
test_second_owner (Fixture       *f,
                   gconstpointer  data)
{
  VaernAssignDialog *dialog;
  g_autoptr(GListModel) history = NULL;
  gboolean ole_ended = FALSE;

  vaern_people_view_show_asset (VIEW (f), f->sagsportal);
  iterate ();
  dialog = open_assign_dialog (f, "people.assign-role", g_variant_new_int64 (f->owner_role));

  /* The current owner cannot be chosen again. */
  vaern_assign_dialog_choose (dialog, 0, 0, f->ole, NULL);
  g_assert_false (vaern_assign_dialog_get_can_confirm (dialog));
  g_assert_nonnull (vaern_assign_dialog_get_message (dialog));

  /* Another person replaces the owner: the dialog says so. */
  vaern_assign_dialog_choose (dialog, 0, f->owner_role, f->anne, "01-03-2026");
  g_assert_true (vaern_assign_dialog_get_replaces (dialog));
  g_assert_cmpstr (vaern_assign_dialog_get_confirm_label (dialog), ==, "_Replace");
  g_assert_nonnull (strstr (vaern_assign_dialog_get_message (dialog), "Ole Hansen"));
  g_assert_true (vaern_assign_dialog_confirm (dialog));
  iterate ();

  /* Never two current holders; the old one is in the history. */
  g_assert_cmpuint (n_current_holders (f, f->sagsportal, f->owner_role), ==, 1);
  g_assert_cmpint (holder (f, f->sagsportal, f->owner_role), ==, f->anne);
  history = vaern_document_list_assignments (f->doc, f->sagsportal, 0, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(VaernAssignment) x = g_list_model_get_item (history, i);

      if (x->person_id == f->ole && x->role_id == f->owner_role)
        {
          g_assert_cmpstr (x->to_date, ==, "2026-03-01");
          ole_ended = TRUE;
        }
    }
  g_assert_true (ole_ended);

  /* Someone else became systemejer while the dialog was open: confirming
   * what the person saw (Assign) is refused, never a second systemejer;
   * the dialog stays open and now offers to replace. */
  vaern_people_view_show_asset (VIEW (f), f->journalix);
  iterate ();
  dialog = open_assign_dialog (f, "people.assign-role", g_variant_new_int64 (f->owner_role));
  vaern_assign_dialog_choose (dialog, 0, 0, f->mette, NULL);
  g_assert_false (vaern_assign_dialog_get_replaces (dialog));
  assign (f->doc, f->journalix, f->ole, f->owner_role);
  iterate ();
  g_assert_false (vaern_assign_dialog_confirm (dialog));
  g_assert_cmpuint (n_current_holders (f, f->journalix, f->owner_role), ==, 1);
  g_assert_cmpint (holder (f, f->journalix, f->owner_role), ==, f->ole);
  g_assert_true (vaern_people_view_get_dialog (VIEW (f)) == GTK_WINDOW (dialog));
  g_assert_true (vaern_assign_dialog_get_replaces (dialog));
  g_assert_cmpstr (vaern_assign_dialog_get_confirm_label (dialog), ==, "_Replace");
  g_assert_true (vaern_assign_dialog_confirm (dialog));
  iterate ();
  g_assert_cmpuint (n_current_holders (f, f->journalix, f->owner_role), ==, 1);
  g_assert_cmpint (holder (f, f->journalix, f->owner_role), ==, f->mette);
}

static void
test_assign_from_person (Fixture       *f,
                         gconstpointer  data)
{
  VaernAssignDialog *dialog;
  g_autoptr(GListModel) roles = NULL;

  g_assert_true (vaern_people_view_select (VIEW (f), "people", f->mette));
  iterate ();
  dialog = open_assign_dialog (f, "people.assign", NULL);
  /* The person is given; the asset is chosen in the dialog. */
  vaern_assign_dialog_choose (dialog, f->printer, f->admin_role, 0, NULL);
  g_assert_true (vaern_assign_dialog_confirm (dialog));
  iterate ();
  roles = vaern_document_list_assignments (f->doc, 0, f->mette, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 1);
  g_assert_cmpint (vaern_people_view_get_selected (VIEW (f), "people"), ==, f->mette);
}

static void
test_invalid_date (Fixture       *f,
                   gconstpointer  data)
{
  VaernAssignDialog *dialog;
  g_autoptr(GListModel) before = vaern_document_list_assignments (f->doc, f->journalix, 0, TRUE);
  g_autoptr(GListModel) after = NULL;

  vaern_people_view_show_asset (VIEW (f), f->journalix);
  iterate ();
  dialog = open_assign_dialog (f, "people.assign", NULL);

  vaern_assign_dialog_choose (dialog, 0, f->owner_role, f->anne, "31-02-2026");
  g_assert_false (vaern_assign_dialog_confirm (dialog));
  g_assert_nonnull (vaern_assign_dialog_get_message (dialog));
  vaern_assign_dialog_choose (dialog, 0, 0, 0, "");
  g_assert_false (vaern_assign_dialog_confirm (dialog));
  g_assert_nonnull (vaern_assign_dialog_get_message (dialog));
  iterate ();
  /* Still open, nothing written. */
  g_assert_true (vaern_people_view_get_dialog (VIEW (f)) == GTK_WINDOW (dialog));
  after = vaern_document_list_assignments (f->doc, f->journalix, 0, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));

  /* Corrected, it goes through. */
  vaern_assign_dialog_choose (dialog, 0, 0, 0, "15-01-2026");
  g_assert_true (vaern_assign_dialog_confirm (dialog));
  g_assert_cmpint (holder (f, f->journalix, f->owner_role), ==, f->anne);
}

static void
test_delete_with_successor (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(VaernPerson) ole = NULL;
  g_autoptr(GListModel) anne_roles = NULL;
  GtkWindow *dialog;

  g_assert_true (vaern_people_view_select (VIEW (f), "people", f->ole));
  iterate ();
  g_assert_true (gtk_widget_activate_action (f->view, "people.delete", NULL));
  iterate ();

  /* Ole holds roles: the view asks first and has deleted nothing. */
  dialog = vaern_people_view_get_dialog (VIEW (f));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  ole = vaern_document_find_person (f->doc, f->ole);
  g_assert_nonnull (ole);

  /* Cancel deletes nothing. */
  vaern_people_view_answer (VIEW (f), 0, "cancel");
  iterate ();
  g_assert_null (vaern_people_view_get_dialog (VIEW (f)));
  g_clear_object (&ole);
  ole = vaern_document_find_person (f->doc, f->ole);
  g_assert_nonnull (ole);

  g_assert_true (gtk_widget_activate_action (f->view, "people.delete", NULL));
  iterate ();
  vaern_people_view_answer (VIEW (f), f->anne, "delete");
  iterate ();

  g_clear_object (&ole);
  ole = vaern_document_find_person (f->doc, f->ole);
  g_assert_null (ole);
  g_assert_cmpint (holder (f, f->sagsportal, f->owner_role), ==, f->anne);
  anne_roles = vaern_document_list_assignments (f->doc, 0, f->anne, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (anne_roles), ==, 2);
  g_assert_false (shown_has (f, "people", f->ole));

  /* Undo brings Ole back with his roles. */
  g_assert_true (vaern_document_undo (f->doc, NULL));
  iterate ();
  g_assert_cmpint (holder (f, f->sagsportal, f->owner_role), ==, f->ole);
  g_assert_true (shown_has (f, "people", f->ole));
}

static void
test_delete_with_roles (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(VaernPerson) ole = NULL;
  g_autoptr(VaernAsset) sagsportal = NULL;

  g_assert_true (vaern_people_view_select (VIEW (f), "people", f->ole));
  iterate ();
  g_assert_true (gtk_widget_activate_action (f->view, "people.delete", NULL));
  iterate ();
  vaern_people_view_answer (VIEW (f), 0, "delete");
  iterate ();

  ole = vaern_document_find_person (f->doc, f->ole);
  g_assert_null (ole);
  g_assert_cmpint (holder (f, f->sagsportal, f->owner_role), ==, 0);
  sagsportal = vaern_document_get_asset (f->doc, f->sagsportal, NULL);
  g_assert_true (sagsportal->findings & VAERN_FINDING_NO_OWNER);
}

static void
test_delete_without_roles (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(VaernPerson) mette = NULL;

  g_assert_true (vaern_people_view_select (VIEW (f), "people", f->mette));
  iterate ();
  g_assert_true (gtk_widget_activate_action (f->view, "people.delete", NULL));
  iterate ();
  /* No question for someone without roles. */
  g_assert_null (vaern_people_view_get_dialog (VIEW (f)));
  mette = vaern_document_find_person (f->doc, f->mette);
  g_assert_null (mette);
  g_assert_false (shown_has (f, "people", f->mette));
  g_assert_cmpint (vaern_people_view_get_selected (VIEW (f), "people"), !=, 0);

  g_assert_true (vaern_document_undo (f->doc, NULL));
  iterate ();
  g_assert_true (shown_has (f, "people", f->mette));
}

static void
test_hand_over (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GListModel) ole_roles = NULL;
  g_autoptr(GListModel) anne_roles = NULL;

  g_assert_true (vaern_people_view_select (VIEW (f), "people", f->ole));
  iterate ();
  g_assert_true (gtk_widget_activate_action (f->view, "people.hand-over", NULL));
  iterate ();
  g_assert_true (ADW_IS_MESSAGE_DIALOG (vaern_people_view_get_dialog (VIEW (f))));
  vaern_people_view_answer (VIEW (f), f->anne, "hand-over");
  iterate ();

  ole_roles = vaern_document_list_assignments (f->doc, 0, f->ole, FALSE);
  anne_roles = vaern_document_list_assignments (f->doc, 0, f->anne, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (ole_roles), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (anne_roles), ==, 2);
  g_assert_cmpint (holder (f, f->sagsportal, f->owner_role), ==, f->anne);
  /* The selection stayed on Ole, who now holds nothing to hand over. */
  g_assert_cmpint (vaern_people_view_get_selected (VIEW (f), "people"), ==, f->ole);
  g_assert_false (can_press (find_actionable (f->view, "people.hand-over")));
}

static void
test_end_and_remove (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GListModel) current = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(VaernAssignment) owner = NULL;
  g_autoptr(VaernAssignment) admin = NULL;
  gint64 owner_x, admin_x;

  current = vaern_document_list_assignments (f->doc, 0, f->ole, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (current), ==, 2);
  owner = g_list_model_get_item (current, 0);
  admin = g_list_model_get_item (current, 1);
  if (owner->role_id != f->owner_role)
    {
      VaernAssignment *tmp = owner;

      owner = admin;
      admin = tmp;
    }
  owner_x = vaern_record_get_id (VAERN_RECORD (owner));
  admin_x = vaern_record_get_id (VAERN_RECORD (admin));

  /* End the systemejer role: it stays in the history, ended today. */
  vaern_people_view_show_asset (VIEW (f), f->sagsportal);
  iterate ();
  g_assert_nonnull (find_actionable (f->view, "people.end-role"));
  g_assert_true (gtk_widget_activate_action (f->view, "people.end-role", "x", owner_x));
  iterate ();
  g_assert_cmpint (holder (f, f->sagsportal, f->owner_role), ==, 0);
  g_assert_true (vaern_people_view_get_warns_unowned (VIEW (f)));
  all = vaern_document_list_assignments (f->doc, f->sagsportal, 0, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  {
    g_autoptr(VaernAssignment) x = g_list_model_get_item (all, 0);

    g_assert_cmpstr (x->to_date, ==, "2026-11-23");
  }

  /* Remove the administrator role: gone, also from the history. */
  vaern_people_view_show_asset (VIEW (f), f->journalix);
  iterate ();
  g_assert_true (gtk_widget_activate_action (f->view, "people.remove-role", "x", admin_x));
  iterate ();
  g_clear_object (&all);
  all = vaern_document_list_assignments (f->doc, f->journalix, 0, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
}

static void
test_person_editor (Fixture       *f,
                    gconstpointer  data)
{
  VaernPersonEditor *editor;
  GtkWindow *dialog;
  gint64 id;
  GListModel *people = vaern_document_get_people (f->doc);
  guint n_before = g_list_model_get_n_items (people);

  g_assert_true (gtk_widget_activate_action (f->view, "people.add", NULL));
  iterate ();
  dialog = vaern_people_view_get_dialog (VIEW (f));
  g_assert_true (VAERN_IS_PERSON_EDITOR (dialog));
  editor = VAERN_PERSON_EDITOR (dialog);

  /* No name: refused, the dialog stays with what was typed. */
  vaern_person_editor_fill (editor, "  ", "Konsulent", "ny@example.dk", NULL, f->subunit);
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  g_assert_nonnull (vaern_editor_get_error (VAERN_EDITOR (editor)));
  iterate ();
  g_assert_true (vaern_people_view_get_dialog (VIEW (f)) == dialog);

  /* Anne's e-mail address: refused. */
  vaern_person_editor_fill (editor, "Ny Person", NULL, "AJ@example.dk", NULL, -1);
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  g_assert_nonnull (strstr (vaern_editor_get_error (VAERN_EDITOR (editor)), "AJ@example.dk"));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_before);

  vaern_person_editor_fill (editor, NULL, NULL, "ny@example.dk", "12 34 56 78", -1);
  g_assert_true (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_before + 1);

  /* The new person is selected, with what was typed. */
  id = vaern_people_view_get_selected (VIEW (f), "people");
  {
    g_autoptr(VaernPerson) person = vaern_document_find_person (f->doc, id);

    g_assert_nonnull (person);
    g_assert_cmpstr (person->name, ==, "Ny Person");
    g_assert_cmpstr (person->title, ==, "Konsulent");
    g_assert_cmpstr (person->phone, ==, "12 34 56 78");
    g_assert_cmpint (person->unit_id, ==, f->subunit);
  }

  /* Edit keeps the id. */
  g_assert_true (gtk_widget_activate_action (f->view, "people.edit", NULL));
  iterate ();
  editor = VAERN_PERSON_EDITOR (vaern_people_view_get_dialog (VIEW (f)));
  vaern_person_editor_fill (editor, "Ny Persson", NULL, NULL, NULL, -1);
  g_assert_true (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  iterate ();
  g_assert_cmpint (vaern_people_view_get_selected (VIEW (f), "people"), ==, id);
  {
    g_autoptr(VaernPerson) person = vaern_document_find_person (f->doc, id);

    g_assert_cmpstr (person->name, ==, "Ny Persson");
  }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GListModel *shown = vaern_people_view_get_shown (VIEW (f), "people");

  g_assert_cmpstr (vaern_people_view_get_tab (VIEW (f)), ==, "people");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  /* Sorted by name. */
  {
    g_autoptr(VaernPerson) first = g_list_model_get_item (shown, 0);
    g_autoptr(VaernPerson) last = g_list_model_get_item (shown, 2);

    g_assert_cmpstr (first->name, ==, "Anne Jensen");
    g_assert_cmpstr (last->name, ==, "Ole Hansen");
  }
  vaern_people_view_search (VIEW (f), "ANNE");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  vaern_people_view_search (VIEW (f), "borgerservice");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  vaern_people_view_search (VIEW (f), "borgerservice hansen");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  vaern_people_view_search (VIEW (f), "nobody by that name");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpint (vaern_people_view_get_selected (VIEW (f), "people"), ==, 0);
  g_assert_false (can_press (find_actionable (f->view, "people.edit")));
  vaern_people_view_search (VIEW (f), "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
}

static void
test_units (Fixture       *f,
            gconstpointer  data)
{
  GListModel *units = vaern_document_get_units (f->doc);
  VaernUnitEditor *editor;
  g_autoptr(VaernUnit) unit = NULL;
  gint64 id;

  /* Add under the selected unit. */
  g_assert_true (vaern_people_view_select (VIEW (f), "units", f->unit));
  g_assert_true (gtk_widget_activate_action (f->view, "people.add-unit", NULL));
  iterate ();
  editor = VAERN_UNIT_EDITOR (vaern_people_view_get_dialog (VIEW (f)));
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  g_assert_nonnull (vaern_editor_get_error (VAERN_EDITOR (editor)));
  vaern_unit_editor_fill (editor, "Ydelser", -1);
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), NULL)); /* taken under Borgerservice */
  vaern_unit_editor_fill (editor, "Pension", -1);
  g_assert_true (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  iterate ();
  id = vaern_people_view_get_selected (VIEW (f), "units");
  unit = vaern_document_find_unit (f->doc, id);
  g_assert_cmpstr (unit->name, ==, "Pension");
  g_assert_cmpint (unit->parent_id, ==, f->unit);
  g_assert_cmpuint (unit->depth, ==, 1);

  /* A unit with units under it is not deleted. */
  g_assert_true (vaern_people_view_select (VIEW (f), "units", f->unit));
  g_assert_true (gtk_widget_activate_action (f->view, "people.delete-unit", NULL));
  iterate ();
  g_clear_object (&unit);
  unit = vaern_document_find_unit (f->doc, f->unit);
  g_assert_nonnull (unit);
  if (vaern_people_view_get_dialog (VIEW (f)))
    gtk_window_destroy (vaern_people_view_get_dialog (VIEW (f)));

  /* A leaf is, and undo brings it back. */
  g_assert_true (vaern_people_view_select (VIEW (f), "units", id));
  g_assert_true (gtk_widget_activate_action (f->view, "people.delete-unit", NULL));
  iterate ();
  g_clear_object (&unit);
  unit = vaern_document_find_unit (f->doc, id);
  g_assert_null (unit);
  g_assert_cmpuint (g_list_model_get_n_items (units), ==, 2);

  /* A top-level unit. */
  g_assert_true (gtk_widget_activate_action (f->view, "people.add-top-unit", NULL));
  iterate ();
  editor = VAERN_UNIT_EDITOR (vaern_people_view_get_dialog (VIEW (f)));
  vaern_unit_editor_fill (editor, "Økonomi", -1);
  g_assert_true (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  iterate ();
  g_clear_object (&unit);
  unit = vaern_document_find_unit (f->doc, vaern_people_view_get_selected (VIEW (f), "units"));
  g_assert_cmpstr (unit->name, ==, "Økonomi");
  g_assert_cmpint (unit->parent_id, ==, 0);
}

static void
test_kitos_roles (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *roles = vaern_document_get_roles (f->doc);
  guint n = g_list_model_get_n_items (roles);

  g_assert_true (gtk_widget_activate_action (f->view, "people.add-kitos-roles", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (roles), >, n);
  n = g_list_model_get_n_items (roles);
  g_assert_true (gtk_widget_activate_action (f->view, "people.add-kitos-roles", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, n);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  const char *actions[] = {
    "people.add", "people.edit", "people.delete", "people.hand-over", "people.assign",
    "people.add-unit", "people.edit-unit", "people.delete-unit",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(VaernPerson) ole = NULL;

  /* Writable, the buttons work (so the checks below can fail). */
  g_assert_true (vaern_people_view_select (VIEW (f), "units", f->unit));
  g_assert_true (vaern_people_view_select (VIEW (f), "people", f->ole));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (can_press (find_actionable (f->view, actions[i])));

  /* Reopen the same file read-only. */
  vaern_view_set_document (VAERN_VIEW (f->view), NULL);
  vaern_document_close (f->doc);
  g_clear_object (&f->doc);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  f->doc = vaern_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (vaern_document_get_read_only (f->doc));
  vaern_view_set_document (VAERN_VIEW (f->view), f->doc);
  iterate ();

  g_assert_true (vaern_people_view_select (VIEW (f), "people", f->ole));
  g_assert_true (vaern_people_view_select (VIEW (f), "units", f->unit));
  g_assert_true (vaern_people_view_select (VIEW (f), "people", f->ole));
  vaern_people_view_show_asset (VIEW (f), f->sagsportal);
  iterate ();

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = find_actionable (f->view, actions[i]);

      g_test_message ("%s", actions[i]);
      g_assert_false (can_press (button));
    }
  /* The End Role buttons too, and activating does nothing. */
  g_assert_false (can_press (find_actionable (f->view, "people.end-role")));
  gtk_widget_activate_action (f->view, "people.delete", NULL);
  iterate ();
  g_assert_null (vaern_people_view_get_dialog (VIEW (f)));
  ole = vaern_document_find_person (f->doc, f->ole);
  g_assert_nonnull (ole);
}

static void
test_no_document (Fixture       *f,
                  gconstpointer  data)
{
  vaern_view_set_document (VAERN_VIEW (f->view), NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (vaern_people_view_get_shown (VIEW (f), "people")),
                    ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_people_view_get_shown (VIEW (f), "systems")),
                    ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (vaern_people_view_get_shown (VIEW (f), "units")),
                    ==, 0);
  g_assert_false (can_press (find_actionable (f->view, "people.add")));

  /* Nothing in the view holds the document any more. */
  vaern_document_close (f->doc);
  g_assert_finalize_object (f->doc);
  f->doc = NULL;
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "empty.vaern", NULL);
  g_autoptr(VaernDocument) empty = vaern_document_create (path, "Tom", &error);
  GObject *stack;

  g_assert_no_error (error);
  vaern_view_set_document (VAERN_VIEW (f->view), empty);
  iterate ();
  /* Each tab shows its own empty page in place of the panes. */
  stack = gtk_widget_get_template_child (f->view, VAERN_TYPE_PEOPLE_VIEW, "page_stack");
  g_assert_true (vaern_people_view_select (VIEW (f), "people", 0) == FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "people-empty");
  vaern_people_view_select (VIEW (f), "systems", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "systems-empty");
  vaern_people_view_select (VIEW (f), "units", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "units-empty");
  vaern_people_view_select (VIEW (f), "people", 0);

  /* The first person added leaves the empty page. */
  add_person (empty, "Første Person", NULL, 0);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "content");
  g_assert_cmpint (vaern_people_view_get_selected (VIEW (f), "people"), !=, 0);

  vaern_view_set_document (VAERN_VIEW (f->view), f->doc);
  vaern_document_close (empty);
}

/* One list pane and one detail pane serve the three tabs: the search field
 * keeps each tab's text, the detail pane shows the tab's record, and a
 * unit's details list the people in it. */
static void
test_one_pane (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (f->view, VAERN_TYPE_PEOPLE_VIEW,
                                                                 "search_entry"));
  GtkWidget *details = GTK_WIDGET (gtk_widget_get_template_child (f->view, VAERN_TYPE_PEOPLE_VIEW,
                                                                 "detail_stack"));
  GtkWidget *unit_people = GTK_WIDGET (gtk_widget_get_template_child (f->view, VAERN_TYPE_PEOPLE_VIEW,
                                                                 "unit_people_list"));
  GtkWidget *unit_name = GTK_WIDGET (gtk_widget_get_template_child (f->view, VAERN_TYPE_PEOPLE_VIEW,
                                                                 "unit_name_label"));
  g_autofree char *placeholder = NULL;
  guint n_rows = 0;

  g_assert_true (vaern_people_view_select (VIEW (f), "people", f->anne));
  vaern_people_view_search (VIEW (f), "anne");
  g_assert_cmpuint (g_list_model_get_n_items (vaern_people_view_get_shown (VIEW (f), "people")),
                    ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (details)), ==, "people");

  /* The systems tab has its own, empty search: "anne" filters no system. */
  g_assert_true (vaern_people_view_select (VIEW (f), "systems", f->journalix));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Search systems and assets");
  g_assert_cmpuint (g_list_model_get_n_items (vaern_people_view_get_shown (VIEW (f), "systems")),
                    ==, 5);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (details)), ==, "systems");
  vaern_people_view_search (VIEW (f), "sags");
  g_assert_cmpuint (g_list_model_get_n_items (vaern_people_view_get_shown (VIEW (f), "systems")),
                    ==, 1);

  /* Back on people, its text and filter are as they were. */
  vaern_people_view_select (VIEW (f), "people", 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "anne");
  g_assert_cmpuint (g_list_model_get_n_items (vaern_people_view_get_shown (VIEW (f), "people")),
                    ==, 1);

  /* A unit's details: its name and the people who belong to it. */
  g_assert_true (vaern_people_view_select (VIEW (f), "units", f->unit));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (details)), ==, "units");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (unit_name)), ==, "Borgerservice");
  for (GtkWidget *row = gtk_widget_get_first_child (unit_people); row;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      n_rows++;
  g_assert_cmpuint (n_rows, ==, 2);   /* Anne and Ole; Mette has no unit */

  /* Moving a person out of the unit takes her off its list. */
  {
    g_autoptr(VaernPerson) anne = vaern_document_find_person (f->doc, f->anne);
    g_autoptr(GError) error = NULL;

    anne->unit_id = 0;
    g_assert_true (vaern_document_update_person (f->doc, anne, &error));
    g_assert_no_error (error);
  }
  iterate ();
  n_rows = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (unit_people); row;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      n_rows++;
  g_assert_cmpuint (n_rows, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    return 77;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/vaern/people-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("unowned", test_unowned);
  ADD ("assign-owner", test_assign_owner);
  ADD ("second-owner", test_second_owner);
  ADD ("assign-from-person", test_assign_from_person);
  ADD ("invalid-date", test_invalid_date);
  ADD ("delete-with-successor", test_delete_with_successor);
  ADD ("delete-with-roles", test_delete_with_roles);
  ADD ("delete-without-roles", test_delete_without_roles);
  ADD ("hand-over", test_hand_over);
  ADD ("end-and-remove", test_end_and_remove);
  ADD ("person-editor", test_person_editor);
  ADD ("search", test_search);
  ADD ("units", test_units);
  ADD ("kitos-roles", test_kitos_roles);
  ADD ("read-only", test_read_only);
  ADD ("no-document", test_no_document);
  ADD ("empty", test_empty);
  ADD ("one-pane", test_one_pane);

  return g_test_run ();
}
