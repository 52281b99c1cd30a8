/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vaern-people-view.h"

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

G_END_DECLS
