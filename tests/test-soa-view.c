/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "app/vaern-cli.h"
#include "views/vaern-view.h"
#include "core/vaern-date.h"
#include "views/vaern-approval-editor.h"
#include "views/vaern-documents-view.h"
#include "views/vaern-editor.h"
#include "views/vaern-isms-document-editor.h"
#include "views/vaern-soa-entry-editor.h"
#include "views/vaern-soa-view-private.h"
#include "widgets/vaern-table.h"
#include "vaern-test-util.h"
#include "vaern-test-view.h"

/* The SoA and documents views under a virtual display, on the demo: the
 * table shows one version, the search finds a 2013 number, the editor
 * refuses an exclusion without a justification, approval freezes the
 * version and a new draft can be edited, the comparison lists the
 * changes, and the table prints. */

typedef VaernViewFixture Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  vaern_test_view_setup (f, VAERN_TYPE_SOA_VIEW, 1200, 800);
}

static void
documents_setup (Fixture       *f,
                 gconstpointer  data)
{
  vaern_test_view_setup (f, VAERN_TYPE_DOCUMENTS_VIEW, 1200, 800);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  vaern_test_view_teardown (f);
}

static VaernSoaView *
soa_view (Fixture *f)
{
  return VAERN_SOA_VIEW (f->view);
}

static GListModel *
shown (Fixture *f)
{
  return G_LIST_MODEL (vaern_table_get_selection (vaern_soa_view_get_table (soa_view (f))));
}

static guint
position_of (GListModel *model,
             const char *control)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (model, i);

      if (g_str_equal (e->control, control))
        return i;
    }
  return G_MAXUINT;
}

static VaernSoaEntry *
shown_entry (Fixture    *f,
             const char *control)
{
  guint pos = position_of (shown (f), control);

  g_assert_cmpuint (pos, !=, G_MAXUINT);
  return g_list_model_get_item (shown (f), pos);
}

/* The view shows the newest version, the draft, control by control in the
 * catalogue's order; a 2013 number finds the controls that took it over. */
static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VaernSoaVersion) newest = vaern_document_get_newest_soa_version (f->doc);
  g_autoptr(VaernSoaEntry) first = NULL;
  g_autoptr(VaernSoaEntry) last = NULL;

  g_assert_cmpint (vaern_soa_view_get_version (soa_view (f)), ==,
                   vaern_record_get_id (VAERN_RECORD (newest)));
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 93);
  first = g_list_model_get_item (shown (f), 0);
  last = g_list_model_get_item (shown (f), 92);
  g_assert_cmpstr (first->control, ==, "5.1");
  g_assert_cmpstr (last->control, ==, "8.34");
  g_assert_cmpint (first->version_id, ==, vaern_record_get_id (VAERN_RECORD (newest)));

  /* A.8.1.1 (inventory of assets, 2013) is 5.9 today. */
  vaern_soa_view_set_search (soa_view (f), "A.8.1.1");
  vaern_test_iterate ();
  g_assert_cmpuint (position_of (shown (f), "5.9"), !=, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), <, 5);
  vaern_soa_view_set_search (soa_view (f), "adgangsstyring");
  vaern_test_iterate ();
  g_assert_cmpuint (position_of (shown (f), "5.15"), !=, G_MAXUINT);
  vaern_soa_view_set_search (soa_view (f), "");
  vaern_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 93);
}

/* An excluded control without a justification is refused in the editor,
 * and nothing changes; with one it is saved. */
static void
test_exclusion_needs_justification (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(VaernSoaEntry) entry = shown_entry (f, "7.4");
  g_autoptr(VaernSoaEntry) after = NULL;
  VaernSoaEntryEditor *editor;

  g_assert_true (entry->applicable);
  vaern_table_select (vaern_soa_view_get_table (soa_view (f)), position_of (shown (f), "7.4"));
  vaern_test_iterate ();
  /* Opened as the view opens it, so the view follows the save. */
  g_assert_true (gtk_widget_activate_action (f->view, "soa.edit", NULL));
  vaern_test_iterate ();
  editor = NULL;
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (VAERN_IS_SOA_ENTRY_EDITOR (l->data))
      editor = l->data;
  g_assert_nonnull (editor);
  vaern_soa_entry_editor_set_applicable (editor, FALSE);
  vaern_soa_entry_editor_set_justification (editor, "  ");
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  g_assert_nonnull (vaern_editor_get_error (VAERN_EDITOR (editor)));
  g_clear_object (&after);
  after = shown_entry (f, "7.4");
  g_assert_true (after->applicable);

  vaern_soa_entry_editor_set_justification (editor, "Ingen egne serverrum; driften ligger hos leverandøren.");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  vaern_test_iterate ();
  g_assert_null (editor);
  g_clear_object (&after);
  after = shown_entry (f, "7.4");
  g_assert_false (after->applicable);
  /* The saved control is still the one selected. */
  g_assert_cmpstr (VAERN_SOA_ENTRY (vaern_table_get_selected (vaern_soa_view_get_table (soa_view (f))))->control,
                   ==, "7.4");
  g_assert_cmpstr (after->justification, ==, "Ingen egne serverrum; driften ligger hos leverandøren.");
}

/* Approving the draft freezes it: the editor opens read-only and the store
 * refuses; a new draft is shown and can be edited. */
static void
test_approve_freezes (Fixture       *f,
                      gconstpointer  data)
{
  gint64 draft = vaern_soa_view_get_version (soa_view (f));
  g_autoptr(VaernSoaVersion) version = NULL;
  g_autoptr(VaernSoaEntry) entry = NULL;
  VaernApprovalEditor *editor;
  VaernSoaEntryEditor *entry_editor;
  gint64 next;

  /* The view's Approve opens the approval editor for the draft. */
  g_assert_true (gtk_widget_activate_action (f->view, "soa.approve", NULL));
  vaern_test_iterate ();
  editor = NULL;
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (VAERN_IS_APPROVAL_EDITOR (l->data))
      editor = l->data;
  g_assert_nonnull (editor);
  /* Nobody named: refused. */
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  g_assert_nonnull (vaern_editor_get_error (VAERN_EDITOR (editor)));
  vaern_approval_editor_set_approved_by (editor, "Direktionen");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  vaern_test_iterate ();
  g_assert_null (editor);

  version = vaern_document_get_soa_version (f->doc, draft);
  g_assert_true (version->frozen);
  g_assert_cmpstr (version->approved_by, ==, "Direktionen");
  g_assert_cmpstr (version->approved_on, ==, "2026-11-23");

  /* The entry editor of a frozen control cannot save. */
  entry = shown_entry (f, "5.1");
  g_assert_true (entry->frozen);
  entry_editor = vaern_soa_entry_editor_new (f->window, f->doc, entry);
  gtk_window_present (GTK_WINDOW (entry_editor));
  vaern_soa_entry_editor_set_applicable (entry_editor, FALSE);
  vaern_soa_entry_editor_set_justification (entry_editor, "Ikke længere relevant.");
  /* Save is disabled; and were it called, the store says no. */
  g_object_add_weak_pointer (G_OBJECT (entry_editor), (gpointer *) &entry_editor);
  gtk_widget_activate_action (GTK_WIDGET (entry_editor), "editor.save", NULL);
  vaern_test_iterate ();
  g_assert_nonnull (entry_editor);
  g_assert_false (vaern_editor_save (VAERN_EDITOR (entry_editor), NULL));
  g_assert_nonnull (strstr (vaern_editor_get_error (VAERN_EDITOR (entry_editor)), "approved"));
  gtk_window_destroy (GTK_WINDOW (entry_editor));
  g_clear_object (&entry);
  entry = shown_entry (f, "5.1");
  g_assert_true (entry->applicable);

  /* A new draft, through the view's action. */
  g_assert_true (gtk_widget_activate_action (f->view, "soa.new-draft", NULL));
  vaern_test_iterate ();
  next = vaern_soa_view_get_version (soa_view (f));
  g_assert_cmpint (next, !=, draft);
  g_clear_object (&entry);
  entry = shown_entry (f, "5.1");
  g_assert_false (entry->frozen);
  g_assert_cmpint (entry->version_id, ==, next);
  {
    g_autoptr(VaernSoaEntry) edit = vaern_soa_entry_copy (entry);
    g_autoptr(GError) error = NULL;

    edit->status = VAERN_SOA_STATUS_PLANNED;
    g_assert_true (vaern_document_update_soa_entry (f->doc, edit, &error));
    g_assert_no_error (error);
  }
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found)
        return found;
    }
  return NULL;
}

/* The comparison window lists one row per changed field between the
 * approved version and the draft. */
static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  GListModel *versions = vaern_document_get_soa_versions (f->doc);
  g_autoptr(VaernSoaVersion) v1 = g_list_model_get_item (versions, 0);
  g_autoptr(VaernSoaVersion) v2 = g_list_model_get_item (versions, 1);
  g_autoptr(GPtrArray) diff = vaern_document_compare_soa (f->doc, vaern_record_get_id (VAERN_RECORD (v1)),
                                                          vaern_record_get_id (VAERN_RECORD (v2)),
                                                          NULL);
  GtkWindow *window = vaern_soa_view_compare (soa_view (f));
  GtkWidget *list;
  guint rows = 0;

  gtk_window_present (window);
  vaern_test_iterate ();
  list = find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    rows += GTK_IS_LIST_BOX_ROW (c);
  g_assert_cmpuint (diff->len, >, 0);
  g_assert_cmpuint (rows, ==, diff->len);
  gtk_window_destroy (window);
}

/* The filters: missing justification, applicability and theme. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GListModel *entries = vaern_document_get_soa_entries (f->doc);
  gint64 version = vaern_soa_view_get_version (soa_view (f));
  guint missing = 0;
  GtkWidget *toggle = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(VaernSoaEntry) e = g_list_model_get_item (entries, i);

      missing += e->version_id == version && e->missing_justification;
    }
  g_assert_cmpuint (missing, >, 0);
  toggle = find_button (f->view, "_Missing Justification");
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  vaern_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, missing);
  g_assert_true (gtk_widget_activate_action (f->view, "soa.clear-filters", NULL));
  vaern_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 93);
}

/* Printing through GtkPrintOperation to a PDF: A4 portrait pages. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "soa.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *box;
  double x0, y0, x1, y1;
  guint pages = 0;

  g_assert_true (vaern_soa_view_print (soa_view (f), pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  for (const char *p = contents; (p = memmem (p, contents + length - p, "/Type /Page", 11)); p++)
    if (p[11] != 's')
      pages++;
  g_assert_cmpuint (pages, >=, 3);
  box = memmem (contents, length, "/MediaBox", 9);
  g_assert_nonnull (box);
  g_assert_cmpint (sscanf (box, "/MediaBox [ %lf %lf %lf %lf", &x0, &y0, &x1, &y1), ==, 4);
  g_assert_cmpfloat_with_epsilon (x1 - x0, 595.28, 1.0);
  g_assert_cmpfloat_with_epsilon (y1 - y0, 841.89, 1.0);
}

/* The documents register: a duplicate title is refused in the editor; a
 * document is added, and deleted with undo. */
static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  VaernTable *table = vaern_documents_view_get_table (VAERN_DOCUMENTS_VIEW (f->view), FALSE);
  GListModel *model = G_LIST_MODEL (vaern_table_get_selection (table));
  guint before = g_list_model_get_n_items (model);
  VaernIsmsDocumentEditor *editor = vaern_isms_document_editor_new (f->window, f->doc, NULL);
  GtkWidget *title;
  g_autoptr(GError) error = NULL;
  guint pos = G_MAXUINT;

  g_assert_cmpuint (before, >=, 10);
  gtk_window_present (GTK_WINDOW (editor));
  vaern_test_iterate ();
  title = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_nonnull (title);
  g_assert_true (GTK_IS_EDITABLE (title));
  gtk_editable_set_text (GTK_EDITABLE (title), "Informationssikkerhedspolitik");
  g_assert_false (vaern_editor_save (VAERN_EDITOR (editor), NULL));
  g_assert_nonnull (vaern_editor_get_error (VAERN_EDITOR (editor)));
  gtk_editable_set_text (GTK_EDITABLE (title), "Retningslinje for mobile enheder");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  vaern_test_iterate ();
  g_assert_null (editor);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VaernIsmsDocument) d = g_list_model_get_item (model, i);

      if (g_str_equal (d->title, "Retningslinje for mobile enheder"))
        pos = i;
    }
  g_assert_cmpuint (pos, !=, G_MAXUINT);
  vaern_table_select (table, pos);
  vaern_test_iterate ();
  g_assert_true (gtk_widget_activate_action (f->view, "documents.delete", NULL));
  vaern_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before);
  g_assert_true (vaern_document_undo (f->doc, &error));
  g_assert_no_error (error);
  vaern_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);

  /* The approvals page lists the demo's approvals, newest first. */
  vaern_documents_view_show_approvals (VAERN_DOCUMENTS_VIEW (f->view), TRUE);
  vaern_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vaern_table_get_selection (
                      vaern_documents_view_get_table (VAERN_DOCUMENTS_VIEW (f->view), TRUE)))),
                    ==, g_list_model_get_n_items (vaern_document_get_approvals (f->doc)));
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
  g_test_add ("/vaern/soa-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("table", test_table);
  ADD ("exclusion-needs-justification", test_exclusion_needs_justification);
  ADD ("approve-freezes", test_approve_freezes);
  ADD ("compare", test_compare);
  ADD ("filters", test_filters);
  ADD ("print", test_print);
#undef ADD
  g_test_add ("/vaern/documents-view/documents", Fixture, NULL, documents_setup, test_documents,
              fixture_teardown);

  return g_test_run ();
}
