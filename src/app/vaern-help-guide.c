/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "vaern-help-guide.h"

#define GUIDE_RESOURCE "/io/github/vaern/Vaern/help/%s.xml"

/* The guides that ship, English first: it is the fallback. */
static const char *const languages[] = { "en", "da", NULL };

static void
block_free (gpointer data)
{
  VaernHelpBlock *block = data;

  g_free (block->keys);
  g_free (block->markup);
  g_free (block->text);
  g_free (block);
}

static void
page_free (gpointer data)
{
  VaernHelpPage *page = data;

  g_free (page->id);
  g_free (page->title);
  g_ptr_array_unref (page->blocks);
  g_free (page);
}

void
vaern_help_guide_free (VaernHelpGuide *guide)
{
  if (guide == NULL)
    return;
  g_free (guide->language);
  g_free (guide->tip_label);
  g_ptr_array_unref (guide->pages);
  g_free (guide);
}

/* Parsing */

/* What encloses a block: the blocks of a list are its steps, items or
 * shortcut rows. */
typedef enum
{
  CONTAINER_NONE,
  CONTAINER_STEPS,
  CONTAINER_LIST,
  CONTAINER_KEYS,
} Container;

typedef struct
{
  VaernHelpGuide *guide;
  VaernHelpPage  *page;        /* the open page, owned by guide */
  VaernHelpBlock *block;       /* the open block, owned here until closed */
  GString        *markup;
  GString        *text;
  gboolean        pending_space;
  Container       container;
  guint           n_in_container;
  GHashTable     *ids;         /* page ids seen */
} ParseState;

static const struct
{
  const char *element;
  const char *open;
  const char *close;
} inline_elements[] = {
  { "b", "<b>", "</b>" },
  { "i", "<i>", "</i>" },
  /* A label of the app (menu item, button) stands out as on screen. */
  { "gui", "<b>", "</b>" },
  { "key", "<tt>", "</tt>" },
  { "file", "<tt>", "</tt>" },
};

static int
find_inline (const char *element)
{
  for (guint i = 0; i < G_N_ELEMENTS (inline_elements); i++)
    if (g_str_equal (inline_elements[i].element, element))
      return (int) i;
  return -1;
}

static gboolean
is_blank (const char *s)
{
  for (; s && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static char *
trimmed (const char *s)
{
  return g_strstrip (g_strdup (s ? s : ""));
}

static void
set_error (GError              **error,
           GMarkupParseContext  *context,
           GMarkupError          code,
           const char           *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
set_error (GError              **error,
           GMarkupParseContext  *context,
           GMarkupError          code,
           const char           *format,
           ...)
{
  g_autofree char *message = NULL;
  int line = 0, column = 0;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_markup_parse_context_get_position (context, &line, &column);
  g_set_error (error, G_MARKUP_ERROR, code, "Line %d: %s", line, message);
}

static void
open_block (ParseState         *state,
            VaernHelpBlockKind  kind,
            const char         *keys)
{
  state->block = g_new0 (VaernHelpBlock, 1);
  state->block->kind = kind;
  state->block->keys = keys ? trimmed (keys) : NULL;
  if (kind == VAERN_HELP_BLOCK_STEP)
    state->block->number = state->n_in_container + 1;
  g_string_truncate (state->markup, 0);
  g_string_truncate (state->text, 0);
  state->pending_space = FALSE;
}

/* Appends text with its runs of white space collapsed to one space, none
 * at the start of a block (the end is trimmed when it closes). */
static void
append_text (ParseState *state,
             const char *text,
             gsize       length)
{
  gsize i = 0;

  while (i < length)
    {
      gsize start = i;
      g_autofree char *escaped = NULL;

      if (g_ascii_isspace (text[i]))
        {
          if (state->text->len > 0)
            state->pending_space = TRUE;
          i++;
          continue;
        }
      while (i < length && !g_ascii_isspace (text[i]))
        i++;
      if (state->pending_space)
        {
          g_string_append_c (state->markup, ' ');
          g_string_append_c (state->text, ' ');
          state->pending_space = FALSE;
        }
      escaped = g_markup_escape_text (text + start, (gssize) (i - start));
      g_string_append (state->markup, escaped);
      g_string_append_len (state->text, text + start, (gssize) (i - start));
    }
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  int inline_index = find_inline (element);

  if (state->block)
    {
      if (inline_index < 0)
        {
          set_error (error, context, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                     "<%s> cannot be inside a block of text", element);
          return;
        }
      if (!g_markup_collect_attributes (element, names, values, error, G_MARKUP_COLLECT_INVALID,
                                        NULL))
        return;
      /* A space before an inline element goes outside it. */
      if (state->pending_space)
        {
          g_string_append_c (state->markup, ' ');
          g_string_append_c (state->text, ' ');
          state->pending_space = FALSE;
        }
      g_string_append (state->markup, inline_elements[inline_index].open);
      return;
    }

  if (g_str_equal (element, "guide"))
    {
      const char *lang = NULL, *tip = NULL;

      if (state->guide)
        {
          set_error (error, context, G_MARKUP_ERROR_INVALID_CONTENT, "<guide> is only the root");
          return;
        }
      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "lang", &lang,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL,
                                        "tip", &tip,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      state->guide = g_new0 (VaernHelpGuide, 1);
      state->guide->language = trimmed (lang);
      state->guide->tip_label = trimmed (tip ? tip : "Tip");
      state->guide->pages = g_ptr_array_new_with_free_func (page_free);
      return;
    }

  if (state->guide == NULL)
    {
      set_error (error, context, G_MARKUP_ERROR_INVALID_CONTENT,
                 "a guide starts with <guide>, not <%s>", element);
      return;
    }

  if (g_str_equal (element, "page"))
    {
      const char *id = NULL, *title = NULL;
      VaernHelpPage *page;

      if (state->page)
        {
          set_error (error, context, G_MARKUP_ERROR_INVALID_CONTENT,
                     "<page> cannot be inside a page");
          return;
        }
      if (!g_markup_collect_attributes (element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "id", &id,
                                        G_MARKUP_COLLECT_STRING, "title", &title,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if (is_blank (id) || is_blank (title))
        {
          set_error (error, context, G_MARKUP_ERROR_INVALID_CONTENT,
                     "a page needs an id and a title");
          return;
        }
      page = g_new0 (VaernHelpPage, 1);
      page->id = trimmed (id);
      page->title = trimmed (title);
      page->blocks = g_ptr_array_new_with_free_func (block_free);
      if (!g_hash_table_add (state->ids, g_strdup (page->id)))
        {
          set_error (error, context, G_MARKUP_ERROR_INVALID_CONTENT,
                     "two pages have the id “%s”", page->id);
          page_free (page);
          return;
        }
      g_ptr_array_add (state->guide->pages, page);
      state->page = page;
      return;
    }

  if (state->page == NULL)
    {
      set_error (error, context, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                 "<%s> cannot be outside a page", element);
      return;
    }

  if (state->container != CONTAINER_NONE)
    {
      static const struct
      {
        Container          container;
        const char        *element;
        VaernHelpBlockKind kind;
      } children[] = {
        { CONTAINER_STEPS, "step", VAERN_HELP_BLOCK_STEP },
        { CONTAINER_LIST, "item", VAERN_HELP_BLOCK_ITEM },
        { CONTAINER_KEYS, "key-row", VAERN_HELP_BLOCK_KEYS },
      };

      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        if (children[i].container == state->container && g_str_equal (children[i].element, element))
          {
            const char *keys = NULL;

            if (children[i].kind == VAERN_HELP_BLOCK_KEYS)
              {
                if (!g_markup_collect_attributes (element, names, values, error,
                                                  G_MARKUP_COLLECT_STRING, "keys", &keys,
                                                  G_MARKUP_COLLECT_INVALID))
                  return;
                if (is_blank (keys))
                  {
                    set_error (error, context, G_MARKUP_ERROR_INVALID_CONTENT,
                               "a <key-row> needs its keys");
                    return;
                  }
              }
            else if (!g_markup_collect_attributes (element, names, values, error,
                                                   G_MARKUP_COLLECT_INVALID, NULL))
              return;
            open_block (state, children[i].kind, keys);
            return;
          }
      set_error (error, context, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                 "<%s> cannot be in this list", element);
      return;
    }

  {
    static const struct
    {
      const char        *element;
      VaernHelpBlockKind kind;
    } blocks[] = {
      { "h", VAERN_HELP_BLOCK_HEADING },
      { "p", VAERN_HELP_BLOCK_PARAGRAPH },
      { "tip", VAERN_HELP_BLOCK_TIP },
    };
    static const struct
    {
      const char *element;
      Container   container;
    } containers[] = {
      { "steps", CONTAINER_STEPS },
      { "list", CONTAINER_LIST },
      { "keys", CONTAINER_KEYS },
    };

    if (!g_markup_collect_attributes (element, names, values, error, G_MARKUP_COLLECT_INVALID,
                                      NULL))
      return;
    for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
      if (g_str_equal (blocks[i].element, element))
        {
          open_block (state, blocks[i].kind, NULL);
          return;
        }
    for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
      if (g_str_equal (containers[i].element, element))
        {
          state->container = containers[i].container;
          state->n_in_container = 0;
          return;
        }
  }
  set_error (error, context, G_MARKUP_ERROR_UNKNOWN_ELEMENT, "unknown element <%s>", element);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;
  int inline_index = find_inline (element);

  if (state->block && inline_index >= 0)
    {
      g_string_append (state->markup, inline_elements[inline_index].close);
      return;
    }
  if (state->block)
    {
      VaernHelpBlock *block = g_steal_pointer (&state->block);

      if (state->text->len == 0)
        {
          set_error (error, context, G_MARKUP_ERROR_INVALID_CONTENT, "<%s> is empty", element);
          block_free (block);
          return;
        }
      block->markup = g_strdup (state->markup->str);
      block->text = g_strdup (state->text->str);
      g_ptr_array_add (state->page->blocks, block);
      if (state->container != CONTAINER_NONE)
        state->n_in_container++;
      return;
    }
  if (g_str_equal (element, "steps") || g_str_equal (element, "list")
      || g_str_equal (element, "keys"))
    {
      if (state->n_in_container == 0)
        {
          set_error (error, context, G_MARKUP_ERROR_INVALID_CONTENT, "<%s> is empty", element);
          return;
        }
      state->container = CONTAINER_NONE;
      return;
    }
  if (g_str_equal (element, "page"))
    {
      if (state->page->blocks->len == 0)
        {
          set_error (error, context, G_MARKUP_ERROR_INVALID_CONTENT,
                     "the page “%s” is empty", state->page->id);
          return;
        }
      state->page = NULL;
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  if (state->block)
    {
      append_text (state, text, length);
      return;
    }
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      {
        set_error (error, context, G_MARKUP_ERROR_INVALID_CONTENT,
                   "text must be inside a block such as <p>");
        return;
      }
}

static const GMarkupParser parser = {
  start_element,
  end_element,
  text,
  NULL,
  NULL,
};

VaernHelpGuide *
vaern_help_guide_parse (const char  *contents,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  ParseState state = { NULL };
  VaernHelpGuide *guide = NULL;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  state.markup = g_string_new (NULL);
  state.text = g_string_new (NULL);
  state.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);

  if (g_markup_parse_context_parse (context, contents, length, error)
      && g_markup_parse_context_end_parse (context, error))
    {
      if (state.guide == NULL || state.guide->pages->len == 0)
        g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY, "The guide has no pages");
      else
        guide = g_steal_pointer (&state.guide);
    }

  g_clear_pointer (&state.block, block_free);
  g_clear_pointer (&state.guide, vaern_help_guide_free);
  g_string_free (state.markup, TRUE);
  g_string_free (state.text, TRUE);
  g_hash_table_unref (state.ids);
  return guide;
}

VaernHelpGuide *
vaern_help_guide_load (const char  *language,
                       GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (language != NULL, NULL);

  path = g_strdup_printf (GUIDE_RESOURCE, language);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return vaern_help_guide_parse (data, (gssize) size, error);
}

const VaernHelpPage *
vaern_help_guide_find_page (const VaernHelpGuide *guide,
                            const char           *id)
{
  g_return_val_if_fail (guide != NULL, NULL);

  for (guint i = 0; id && i < guide->pages->len; i++)
    {
      const VaernHelpPage *page = g_ptr_array_index (guide->pages, i);

      if (g_str_equal (page->id, id))
        return page;
    }
  return NULL;
}

char *
vaern_help_page_get_text (const VaernHelpPage *page)
{
  GString *s;

  g_return_val_if_fail (page != NULL, NULL);

  s = g_string_new (page->title);
  for (guint i = 0; i < page->blocks->len; i++)
    {
      const VaernHelpBlock *block = g_ptr_array_index (page->blocks, i);

      g_string_append_c (s, '\n');
      if (block->kind == VAERN_HELP_BLOCK_STEP)
        g_string_append_printf (s, "%u. ", block->number);
      else if (block->kind == VAERN_HELP_BLOCK_KEYS)
        g_string_append_printf (s, "%s: ", block->keys);
      g_string_append (s, block->text);
    }
  return g_string_free (s, FALSE);
}

const char *const *
vaern_help_guide_get_languages (void)
{
  return languages;
}

const char *
vaern_help_guide_pick_language (const char *const *names)
{
  for (guint i = 0; names && names[i]; i++)
    {
      /* "da_DK.UTF-8@euro" is Danish: the language is what comes first. */
      g_autofree char *base = g_strndup (names[i], strcspn (names[i], "_.@"));

      if (g_str_equal (base, "C") || g_str_equal (base, "POSIX"))
        return "en";
      for (guint j = 0; languages[j]; j++)
        if (g_str_equal (languages[j], base))
          return languages[j];
    }
  return "en";
}
