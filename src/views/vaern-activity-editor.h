/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/vaern-document.h"
#include "vaern-editor.h"

G_BEGIN_DECLS

/* The editor of an activity of the annual wheel, or of an item of the
 * annual plan (a one-off improvement with a deadline, serving a control). */
#define VAERN_TYPE_ACTIVITY_EDITOR (vaern_activity_editor_get_type ())
G_DECLARE_FINAL_TYPE (VaernActivityEditor, vaern_activity_editor, VAERN, ACTIVITY_EDITOR,
                      VaernEditor)

/* activity: the one to edit, or NULL for a new one (plan: an annual-plan
 * item, due on date, may be NULL). */
VaernActivityEditor *vaern_activity_editor_new (GtkWindow     *parent,
                                                VaernDocument *document,
                                                VaernActivity *activity,
                                                gboolean       plan,
                                                const char    *date);


G_END_DECLS
