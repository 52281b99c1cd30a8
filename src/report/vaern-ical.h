/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/vaern-document.h"

G_BEGIN_DECLS

/* The annual wheel and plan as iCalendar (RFC 5545), written with libical,
 * so staff can import them into Outlook or any calendar: one all-day event
 * per activity, with a recurrence rule that gives the same dates as the
 * wheel (the start's day of the month, or the month's last day when it is
 * shorter), its end, the responsible person and the PDCA phase. */

/* The rule for an activity, as iCalendar writes it ("FREQ=MONTHLY;
 * INTERVAL=3"), or NULL for one that happens once. */
char     *vaern_ical_rule          (VaernActivity *activity);

/* Writes every activity of the document to path, whole or not at all.
 * VAERN_REPORT_ERROR_WRITE. */
gboolean  vaern_ical_write_wheel   (VaernDocument *doc,
                                    const char    *path,
                                    GError       **error);

G_END_DECLS
