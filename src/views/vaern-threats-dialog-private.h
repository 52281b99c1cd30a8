/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vaern-threats-dialog.h"

G_BEGIN_DECLS

/* For the tests, which drive the dialog as a person would. */

/* The threats shown, filtered and sorted as on screen (do not keep it). */
GListModel *vaern_threats_dialog_get_shown   (VaernThreatsDialog *self);
/* Types into the search field. */
void        vaern_threats_dialog_search      (VaernThreatsDialog *self,
                                              const char         *text);
gboolean    vaern_threats_dialog_select      (VaernThreatsDialog *self,
                                              gint64              id);
/* The editor or question the dialog opened last, while it is open. */
GtkWindow  *vaern_threats_dialog_get_dialog  (VaernThreatsDialog *self);
/* Answers the open question ("cancel" or "delete") and closes it. */
void        vaern_threats_dialog_answer      (VaernThreatsDialog *self,
                                              const char         *response);
/* The text of the notification shown last, while it is shown. */
const char *vaern_threats_dialog_get_toast   (VaernThreatsDialog *self);

G_END_DECLS
