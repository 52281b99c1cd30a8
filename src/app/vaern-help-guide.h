/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The user guide: a few pages of text in the app's resources, one file per
 * language (help/en.xml, help/da.xml), read with GMarkup. The vocabulary:
 *
 *   <guide lang="en" tip="Tip">              the root; tip: the word before a tip
 *     <page id="start" title="…">            a page; ids are unique
 *       <h>…</h>                             a heading within the page
 *       <p>…</p>                             a paragraph
 *       <steps><step>…</step>…</steps>       numbered steps
 *       <list><item>…</item>…</list>         a bulleted list
 *       <tip>…</tip>                         a tip, set apart
 *       <keys><key-row keys="Ctrl+Z">…</key-row>…</keys>   a table of shortcuts
 *
 * Inside a block: <b>, <i>, <gui> (a label as the app shows it), <key> (a
 * key or combination) and <file> (a file or folder name). White space is
 * collapsed as in HTML. */

typedef enum
{
  VAERN_HELP_BLOCK_HEADING,
  VAERN_HELP_BLOCK_PARAGRAPH,
  VAERN_HELP_BLOCK_STEP,
  VAERN_HELP_BLOCK_ITEM,
  VAERN_HELP_BLOCK_TIP,
  VAERN_HELP_BLOCK_KEYS,
} VaernHelpBlockKind;

typedef struct
{
  VaernHelpBlockKind kind;
  guint              number;  /* a step's number within its list, from 1; else 0 */
  char              *keys;    /* a shortcut row's keys; else NULL */
  char              *markup;  /* the text as Pango markup */
  char              *text;    /* the same text, plain */
} VaernHelpBlock;

typedef struct
{
  char      *id;
  char      *title;
  GPtrArray *blocks;          /* of VaernHelpBlock */
} VaernHelpPage;

typedef struct
{
  char      *language;        /* "en", "da" */
  char      *tip_label;       /* "Tip" */
  GPtrArray *pages;           /* of VaernHelpPage, in order */
} VaernHelpGuide;

/* Parses a guide. A text that is not well-formed, or that breaks the
 * vocabulary (an unknown element, a page without id or title, two pages
 * with one id, a page or a guide without content), gives NULL and a
 * G_MARKUP_ERROR. The messages are for the developer who wrote the guide:
 * a guide that ships has passed the tests. */
VaernHelpGuide      *vaern_help_guide_parse       (const char           *text,
                                                   gssize                length,
                                                   GError              **error);
/* Reads and parses the guide for language from the app's resources. */
VaernHelpGuide      *vaern_help_guide_load        (const char           *language,
                                                   GError              **error);
void                 vaern_help_guide_free        (VaernHelpGuide       *guide);

/* The page with this id, or NULL. */
const VaernHelpPage *vaern_help_guide_find_page   (const VaernHelpGuide *guide,
                                                   const char           *id);
/* A page's text, plain, block by block, one block a line: what a test or a
 * search reads. */
char                *vaern_help_page_get_text     (const VaernHelpPage  *page);

/* The guide to show for a list of languages in order of preference (as
 * g_get_language_names gives them): the first of them that has a guide,
 * where "C" and "POSIX" mean English. "en" when none has. */
const char          *vaern_help_guide_pick_language (const char *const *languages);
/* The languages with a guide, NULL-terminated. */
const char *const   *vaern_help_guide_get_languages (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VaernHelpGuide, vaern_help_guide_free)

G_END_DECLS
