/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The ISO/IEC 27001 Annex A control catalogue: the controls of the 2022 and
 * 2013 editions with short Danish and English titles, and which 2022 controls
 * took over each 2013 control (ISO/IEC 27002:2022, Annex B). It is read from
 * data/annex-a.csv, whose comment header describes the format.
 *
 * Numbers are written as the standard writes them: "5.9" in the 2022 edition,
 * "A.8.1.2" in the 2013 edition. Lookups also accept the other spellings
 * older documents use ("a.8.1.2", "8.1.2", "A.5.9", surrounding blanks). */

#define VAERN_EDITION_2022 "2022"
#define VAERN_EDITION_2013 "2013"

/* The four themes of the 2022 edition, numbered as the clauses they are. */
typedef enum
{
  VAERN_CONTROL_THEME_ORGANISATIONAL = 5,
  VAERN_CONTROL_THEME_PEOPLE         = 6,
  VAERN_CONTROL_THEME_PHYSICAL       = 7,
  VAERN_CONTROL_THEME_TECHNOLOGICAL  = 8,
} VaernControlTheme;

/* A theme's name as a list or a filter shows it ("Organisational"), and
 * as a heading with its number ("5 Organisational controls"); translated,
 * "" for a number that is not a theme. */
const char *vaern_control_theme_label   (guint theme);
const char *vaern_control_theme_heading (guint theme);

typedef struct
{
  const char *edition;         /* VAERN_EDITION_2022 or VAERN_EDITION_2013 */
  const char *number;          /* "5.9", "A.8.1.2" */
  int         theme_or_clause; /* 2022: a VaernControlTheme (5–8); 2013: the clause (5–18) */
  const char *title_da;
  const char *title_en;
} VaernControl;

typedef struct _VaernCatalogue VaernCatalogue;

/* Parses a catalogue; on a line that breaks the format, fails with
 * VAERN_CORE_ERROR_INVALID and a message that names the line. */
VaernCatalogue      *vaern_catalogue_new_from_bytes (GBytes          *bytes,
                                                     GError         **error);
/* Reads @path, or annex-a.csv inside it if it is a folder. */
VaernCatalogue      *vaern_catalogue_load           (const char      *path,
                                                     GError         **error);
void                 vaern_catalogue_free           (VaernCatalogue  *catalogue);

/* The controls of an edition, sorted by number, NULL-terminated; NULL for an
 * unknown edition. Owned by the catalogue. */
const VaernControl *const *vaern_catalogue_get_controls (VaernCatalogue *catalogue,
                                                         const char     *edition,
                                                         guint          *n_controls);
/* The control with that number in either edition, or NULL. */
const VaernControl  *vaern_catalogue_lookup         (VaernCatalogue  *catalogue,
                                                     const char      *number);
/* The 2022 controls that cover a 2013 control, sorted, NULL-terminated; NULL
 * if @number_2013 is not a 2013 control. Never empty. */
const VaernControl *const *vaern_catalogue_map_2013     (VaernCatalogue *catalogue,
                                                         const char     *number_2013,
                                                         guint          *n_controls);
/* The 2013 controls a 2022 control covers, sorted, NULL-terminated; NULL if
 * @number_2022 is not a 2022 control, empty for the controls new in 2022. */
const VaernControl *const *vaern_catalogue_sources_2022 (VaernCatalogue *catalogue,
                                                         const char     *number_2022,
                                                         guint          *n_controls);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VaernCatalogue, vaern_catalogue_free)

/* The standard spelling of a control number ("A.8.1.2", "5.9"), or NULL if
 * @text is not one. The edition follows from the number of parts: three for
 * 2013, two for 2022. */
char *vaern_control_number_normalize (const char *text);
/* Orders control numbers part by part as numbers: "5.9" < "5.10",
 * "A.9.4.5" < "A.12.1.2". */
int   vaern_control_number_compare   (const char *a,
                                      const char *b);

G_END_DECLS
