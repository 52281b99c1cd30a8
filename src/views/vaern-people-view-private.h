/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vaern-people-view.h"
#include "widgets/vaern-ui-util.h"

G_BEGIN_DECLS

/* For the tests, which drive the view as a person would. A tab is
 * "people", "systems" or "units". */

/* The list a tab shows, filtered and sorted as on screen (do not keep it). */
GListModel *vaern_people_view_get_shown        (VaernPeopleView *self,
                                                const char      *tab);
gint64      vaern_people_view_get_selected     (VaernPeopleView *self,
                                                const char      *tab);
gboolean    vaern_people_view_select           (VaernPeopleView *self,
                                                const char      *tab,
                                                gint64           id);
const char *vaern_people_view_get_tab          (VaernPeopleView *self);
/* Types into the search entry of the visible tab. */
void        vaern_people_view_search           (VaernPeopleView *self,
                                                const char      *text);
/* The dialog or question the view opened last, while it is open. */
GtkWindow  *vaern_people_view_get_dialog       (VaernPeopleView *self);
/* Answers the open question (delete a person, hand over roles): chooses
 * person_id in its person drop-down (0: nobody; for a deletion that means
 * "delete the roles with the person"), then gives the response. */
void        vaern_people_view_answer           (VaernPeopleView *self,
                                                gint64           person_id,
                                                const char      *response);
/* Whether the systems tab warns that the selected system has no systemejer. */
gboolean    vaern_people_view_get_warns_unowned (VaernPeopleView *self);

/* Between vaern-people-view.c and vaern-people-view-actions.c */

typedef enum
{
  TAB_PEOPLE,
  TAB_SYSTEMS,
  TAB_UNITS,
  N_TABS
} Tab;


struct _VaernPeopleView
{
  GtkWidget           parent_instance;

  VaernDocument      *document;
  GListModel         *people;  /* the document's lists */
  GListModel         *assets;
  GListModel         *units;
  GListModel         *roles;
  GListModel         *asset_assignments; /* current ones of the selected asset */
  GtkCustomFilter    *people_filter;
  GtkCustomFilter    *assets_filter;
  GtkCustomFilter    *units_filter;
  VaernSearch         search[N_TABS];      /* each tab's search */
  char               *search_text[N_TABS]; /* the field's text of the tabs not shown */
  Tab                 tab;                 /* the tab the search field serves */
  gboolean            switching_tab;       /* the field shows another tab's text */
  GListModel         *unit_people;         /* the people of the selected unit */
  gint64              person_id;     /* the selections, by id */
  gint64              asset_id;
  gint64              unit_id;
  gboolean            refreshing;    /* the document is replacing rows */
  guint               refresh_idle;
  GtkWindow          *dialog;        /* weak: the dialog opened last */

  /* Template widgets */
  GtkWidget          *content;
  GtkStack           *page_stack;   /* a tab's empty page, or the panes */
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkStack           *tools_stack;  /* the tab's buttons beside the search */
  GtkWidget          *systems_filter_box;
  AdwViewStack       *view_stack;   /* the lists, one a tab */
  AdwViewStackPage   *systems_page;
  GtkWidget          *detail_pane;
  GtkWidget          *back_button;
  GtkStack           *detail_stack; /* the details, one a tab */

  GtkStack           *people_list_stack;
  GtkListView        *people_list;
  GtkSingleSelection *people_selection;
  GtkSortListModel   *people_sorted;
  GtkFilterListModel *people_filtered;
  GtkStack           *person_stack;
  GtkLabel           *person_name_label;
  GtkLabel           *person_title_label;
  AdwActionRow       *person_email_row;
  AdwActionRow       *person_phone_row;
  AdwActionRow       *person_unit_row;
  GtkListBox         *responsibilities_list;

  GtkToggleButton    *unowned_toggle;
  GtkLabel           *assets_count_label;
  GtkStack           *assets_list_stack;
  AdwStatusPage      *assets_no_matches;
  GtkListView        *assets_list;
  GtkSingleSelection *assets_selection;
  GtkSortListModel   *assets_sorted;
  GtkFilterListModel *assets_filtered;
  GtkStack           *asset_stack;
  GtkWidget          *asset_box;
  GtkLabel           *asset_name_label;
  GtkLabel           *asset_kind_label;
  GtkWidget          *assign_button;
  GtkWidget          *no_owner_box;
  GtkWidget          *assign_owner_button;
  GtkBox             *roles_box;
  GtkLabel           *history_label;
  GtkListBox         *history_list;

  AdwSplitButton     *add_unit_button;
  GtkStack           *units_list_stack;
  GtkListView        *units_list;
  GtkSingleSelection *units_selection;
  GtkFilterListModel *units_filtered;
  GtkStack           *unit_stack;
  GtkLabel           *unit_name_label;
  GtkLabel           *unit_path_label;
  GtkListBox         *unit_people_list;
};


gboolean vaern_people_view_is_writable (VaernPeopleView *self);
void vaern_people_view_offer_undo (VaernPeopleView *self, const char *message);
GtkWindow *vaern_people_view_parent_window (VaernPeopleView *self);
void vaern_people_view_present_dialog (VaernPeopleView *self, GtkWindow *dialog);
gint64 vaern_people_view_record_id (gpointer record);
gboolean vaern_people_view_select_id (GtkSingleSelection *selection, GtkListView *list, gint64 id);
VaernAsset *vaern_people_view_selected_asset (VaernPeopleView *self);
VaernPerson *vaern_people_view_selected_person (VaernPeopleView *self);
VaernUnit *vaern_people_view_selected_unit (VaernPeopleView *self);
void vaern_people_view_set_search_text (VaernPeopleView *self, Tab tab, const char *text);
void vaern_people_view_show_toast (VaernPeopleView *self, const char *message);
const char *vaern_people_view_visible_tab (VaernPeopleView *self);
void vaern_people_view_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
