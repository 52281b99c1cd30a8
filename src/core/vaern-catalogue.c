/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vaern-catalogue.h"
#include "vaern-core-error.h"

/* The reader is strict: the catalogue is our own file, shipped with the app,
 * so anything unexpected in it is a mistake to report with its line rather
 * than to guess around. Fields are not quoted; blanks around a field are
 * dropped. */

#define N_FIELDS 6
static const char header_line[] = "edition;number;theme_or_clause;title_da;title_en;maps_to";

#define MAX_PARTS 3
#define MAX_PART  999

typedef struct
{
  VaernControl  pub;    /* first, so that a Control is a VaernControl */
  guint         line;
  GPtrArray    *links;  /* (element-type Control) NULL-terminated: the 2022
                         * controls of a 2013 control, or the 2013 sources of
                         * a 2022 control */
  char        **maps_to; /* as written in the file, until resolved */
} Control;

struct _VaernCatalogue
{
  GStringChunk *strings;
  GPtrArray    *controls_2022; /* (element-type Control) owned, NULL-terminated once loaded */
  GPtrArray    *controls_2013; /* (element-type Control) owned, NULL-terminated once loaded */
  GHashTable   *by_number;     /* standard number → Control */
};

static const struct
{
  const char        *key;
  VaernControlTheme  theme;
} themes[] = {
  { "organisational", VAERN_CONTROL_THEME_ORGANISATIONAL },
  { "people", VAERN_CONTROL_THEME_PEOPLE },
  { "physical", VAERN_CONTROL_THEME_PHYSICAL },
  { "technological", VAERN_CONTROL_THEME_TECHNOLOGICAL },
};

static void
control_free (gpointer data)
{
  Control *control = data;

  /* The NULL that terminates a loaded edition. */
  if (control == NULL)
    return;

  g_clear_pointer (&control->links, g_ptr_array_unref);
  g_clear_pointer (&control->maps_to, g_strfreev);
  g_free (control);
}

/* Splits "A.8.1.2", "a.8.1.2", "A8.1.2", " 8.1.2 " or "5.9" into its numeric
 * parts. FALSE if it is not two or three positive numbers separated by dots. */
static gboolean
parse_number (const char *text,
              int         parts[MAX_PARTS],
              guint      *n_parts)
{
  const char *p = text;

  *n_parts = 0;
  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == 'A' || *p == 'a')
    {
      p++;
      if (*p == '.' || *p == ' ')
        p++;
    }

  for (;;)
    {
      int value = 0;
      guint digits = 0;

      while (g_ascii_isdigit (*p))
        {
          value = value * 10 + (*p - '0');
          if (value > MAX_PART)
            return FALSE;
          digits++;
          p++;
        }
      if (digits == 0 || value == 0 || *n_parts == MAX_PARTS)
        return FALSE;
      parts[(*n_parts)++] = value;

      if (*p != '.')
        break;
      p++;
    }

  while (g_ascii_isspace (*p))
    p++;

  return *p == '\0' && *n_parts >= 2;
}

static char *
format_number (const int parts[MAX_PARTS],
               guint     n_parts)
{
  if (n_parts == 2)
    return g_strdup_printf ("%d.%d", parts[0], parts[1]);
  return g_strdup_printf ("A.%d.%d.%d", parts[0], parts[1], parts[2]);
}

char *
vaern_control_number_normalize (const char *text)
{
  int parts[MAX_PARTS];
  guint n_parts;

  if (!parse_number (text, parts, &n_parts))
    return NULL;
  return format_number (parts, n_parts);
}

int
vaern_control_number_compare (const char *a,
                              const char *b)
{
  int pa[MAX_PARTS], pb[MAX_PARTS];
  guint na, nb;

  /* Something that is not a number sorts after every number, by its text. */
  if (!parse_number (a, pa, &na))
    return parse_number (b, pb, &nb) ? 1 : g_strcmp0 (a, b);
  if (!parse_number (b, pb, &nb))
    return -1;

  for (guint i = 0; i < MIN (na, nb); i++)
    if (pa[i] != pb[i])
      return pa[i] < pb[i] ? -1 : 1;

  return (na > nb) - (na < nb);
}

static int
compare_controls (gconstpointer a,
                  gconstpointer b)
{
  const Control *ca = *(Control *const *) a;
  const Control *cb = *(Control *const *) b;

  return vaern_control_number_compare (ca->pub.number, cb->pub.number);
}

static void
set_line_error (GError    **error,
                guint       line,
                const char *format,
                ...) G_GNUC_PRINTF (3, 4);

/* Every error names its line the same way: "Line 12: …". */
static void
set_line_error (GError    **error,
                guint       line,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
               /* Translators: %u is a line number in the control catalogue, %s what is
                * wrong with that line */
               _("Line %u: %s"), line, message);
}

void
vaern_catalogue_free (VaernCatalogue *catalogue)
{
  if (catalogue == NULL)
    return;

  g_clear_pointer (&catalogue->by_number, g_hash_table_unref);
  g_clear_pointer (&catalogue->controls_2022, g_ptr_array_unref);
  g_clear_pointer (&catalogue->controls_2013, g_ptr_array_unref);
  g_clear_pointer (&catalogue->strings, g_string_chunk_free);
  g_free (catalogue);
}

/* Reads one control line into the catalogue. The mapping is resolved later,
 * when every control is known. */
static gboolean
parse_control (VaernCatalogue *catalogue,
               char          **fields,
               guint           line,
               GError        **error)
{
  const char *edition = fields[0];
  const char *number_text = fields[1];
  const char *group = fields[2];
  int parts[MAX_PARTS];
  guint n_parts;
  gboolean is_2022;
  g_autofree char *number = NULL;
  int theme_or_clause = 0;
  Control *control;
  Control *previous;

  if (g_str_equal (edition, VAERN_EDITION_2022))
    is_2022 = TRUE;
  else if (g_str_equal (edition, VAERN_EDITION_2013))
    is_2022 = FALSE;
  else
    {
      set_line_error (error, line,
                      /* Translators: %s is what the line has instead of an edition */
                      _("unknown edition “%s”; it must be 2022 or 2013."), edition);
      return FALSE;
    }

  if (!parse_number (number_text, parts, &n_parts)
      || n_parts != (is_2022 ? 2u : 3u)
      || parts[0] < (is_2022 ? VAERN_CONTROL_THEME_ORGANISATIONAL : 5)
      || parts[0] > (is_2022 ? VAERN_CONTROL_THEME_TECHNOLOGICAL : 18))
    {
      set_line_error (error, line,
                      /* Translators: the first %s is a control number as written in the
                       * catalogue, the second an edition of the standard ("2022") */
                      _("“%s” is not a control number of the %s edition."),
                      number_text, edition);
      return FALSE;
    }
  number = format_number (parts, n_parts);

  if (is_2022)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
        if (g_str_equal (group, themes[i].key))
          {
            theme_or_clause = themes[i].theme;
            known = TRUE;
          }
      if (!known)
        {
          set_line_error (error, line,
                          /* Translators: %s is what the line has instead of a theme; the
                           * four theme keys are not translated */
                          _("unknown theme “%s”; it must be organisational, people, physical "
                            "or technological."),
                          group);
          return FALSE;
        }
      if (theme_or_clause != parts[0])
        {
          set_line_error (error, line,
                          /* Translators: the first %s is a control number ("5.9"), the
                           * second a theme key ("people") */
                          _("control %s does not belong to theme “%s”."), number, group);
          return FALSE;
        }
    }
  else
    {
      g_autofree char *clause = g_strdup_printf ("A.%d", parts[0]);

      if (!g_str_equal (group, clause))
        {
          set_line_error (error, line,
                          /* Translators: the first %s is a control number ("A.8.1.2"), the
                           * second what the line has as its clause ("A.9") */
                          _("control %s does not belong to clause “%s”."), number, group);
          return FALSE;
        }
      theme_or_clause = parts[0];
    }

  if (*fields[3] == '\0' || *fields[4] == '\0')
    {
      set_line_error (error, line,
                      /* Translators: %s is a control number */
                      _("control %s needs both a Danish and an English title."), number);
      return FALSE;
    }

  previous = g_hash_table_lookup (catalogue->by_number, number);
  if (previous != NULL)
    {
      set_line_error (error, line,
                      /* Translators: %s is a control number, %u a line number */
                      _("control %s is listed twice; it is already on line %u."),
                      number, previous->line);
      return FALSE;
    }

  if (is_2022 && *fields[5] != '\0')
    {
      set_line_error (error, line,
                      /* Translators: %s is a control number */
                      _("the last field must be empty for the 2022 control %s; only 2013 "
                        "controls map to 2022 controls."),
                      number);
      return FALSE;
    }
  if (!is_2022 && *fields[5] == '\0')
    {
      set_line_error (error, line,
                      /* Translators: %s is a control number */
                      _("control %s maps to no 2022 control; every 2013 control has at "
                        "least one."),
                      number);
      return FALSE;
    }

  control = g_new0 (Control, 1);
  control->pub.edition = is_2022 ? VAERN_EDITION_2022 : VAERN_EDITION_2013;
  control->pub.number = g_string_chunk_insert_const (catalogue->strings, number);
  control->pub.theme_or_clause = theme_or_clause;
  control->pub.title_da = g_string_chunk_insert (catalogue->strings, fields[3]);
  control->pub.title_en = g_string_chunk_insert (catalogue->strings, fields[4]);
  control->line = line;
  control->links = g_ptr_array_new ();
  if (!is_2022)
    control->maps_to = g_strsplit_set (fields[5], " \t", -1);

  g_ptr_array_add (is_2022 ? catalogue->controls_2022 : catalogue->controls_2013, control);
  g_hash_table_insert (catalogue->by_number, (gpointer) control->pub.number, control);
  return TRUE;
}

/* Links each 2013 control with the 2022 controls it lists, in both
 * directions. The 2013 controls are still in file order, so the first error
 * reported is the first in the file. */
static gboolean
resolve_mapping (VaernCatalogue *catalogue,
                 GError        **error)
{
  for (guint i = 0; i < catalogue->controls_2013->len; i++)
    {
      Control *source = g_ptr_array_index (catalogue->controls_2013, i);

      for (char **p = source->maps_to; *p != NULL; p++)
        {
          g_autofree char *number = NULL;
          Control *target;

          /* g_strsplit_set leaves empty strings between repeated blanks. */
          if (**p == '\0')
            continue;

          number = vaern_control_number_normalize (*p);
          target = number ? g_hash_table_lookup (catalogue->by_number, number) : NULL;
          if (target == NULL || !g_str_equal (target->pub.edition, VAERN_EDITION_2022))
            {
              set_line_error (error, source->line,
                              /* Translators: the first %s is a 2013 control number, the
                               * second what the line maps it to */
                              _("%s maps to “%s”, which is not a 2022 control."),
                              source->pub.number, *p);
              return FALSE;
            }
          if (g_ptr_array_find (source->links, target, NULL))
            {
              set_line_error (error, source->line,
                              /* Translators: both %s are control numbers */
                              _("%s maps to %s twice."), source->pub.number,
                              target->pub.number);
              return FALSE;
            }

          g_ptr_array_add (source->links, target);
          g_ptr_array_add (target->links, source);
        }
      g_clear_pointer (&source->maps_to, g_strfreev);
    }

  return TRUE;
}

static void
finish_edition (GPtrArray *controls)
{
  g_ptr_array_sort (controls, compare_controls);
  for (guint i = 0; i < controls->len; i++)
    {
      Control *control = g_ptr_array_index (controls, i);

      g_ptr_array_sort (control->links, compare_controls);
      g_ptr_array_add (control->links, NULL);
    }
  g_ptr_array_add (controls, NULL);
}

VaernCatalogue *
vaern_catalogue_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  g_autoptr (VaernCatalogue) catalogue = NULL;
  const char *data;
  const char *end;
  const char *bad = NULL;
  gsize len = 0;
  gboolean have_header = FALSE;
  guint line = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";
  end = data + len;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;

  if (!g_utf8_validate_len (data, end - data, &bad))
    {
      guint bad_line = 1;

      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          bad_line++;
      set_line_error (error, bad_line,
                      _("the control catalogue must be UTF-8 text."));
      return NULL;
    }

  catalogue = g_new0 (VaernCatalogue, 1);
  catalogue->strings = g_string_chunk_new (4096);
  catalogue->controls_2022 = g_ptr_array_new_with_free_func (control_free);
  catalogue->controls_2013 = g_ptr_array_new_with_free_func (control_free);
  catalogue->by_number = g_hash_table_new (g_str_hash, g_str_equal);

  for (const char *start = data; start < end;)
    {
      const char *newline = memchr (start, '\n', end - start);
      const char *stop = newline ? newline : end;
      g_autofree char *text = g_strndup (start, stop - start);
      g_auto (GStrv) fields = NULL;
      guint n_fields;

      line++;
      start = newline ? newline + 1 : end;

      g_strstrip (text); /* also drops the \r of a CRLF line end */
      if (*text == '\0' || *text == '#')
        continue;

      fields = g_strsplit (text, ";", -1);
      n_fields = g_strv_length (fields);
      for (guint i = 0; i < n_fields; i++)
        g_strstrip (fields[i]);

      if (!have_header)
        {
          g_autofree char *joined = g_strjoinv (";", fields);

          if (!g_str_equal (joined, header_line))
            {
              set_line_error (error, line,
                              /* Translators: %s is the header line, which is not
                               * translated */
                              _("the first line that is not a comment must be the "
                                "header “%s”."),
                              header_line);
              return NULL;
            }
          have_header = TRUE;
          continue;
        }

      if (n_fields != N_FIELDS)
        {
          set_line_error (error, line,
                          /* Translators: the first %u is how many fields the line has,
                           * the second how many it should have */
                          _("wrong number of fields (%u instead of %u); fields are "
                            "separated by “;”."),
                          n_fields, (guint) N_FIELDS);
          return NULL;
        }

      if (!parse_control (catalogue, fields, line, error))
        return NULL;
    }

  if (!have_header)
    {
      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                   /* Translators: %s is the header line, which is not translated */
                   _("The control catalogue is empty; it must start with the header “%s”."),
                   header_line);
      return NULL;
    }

  if (!resolve_mapping (catalogue, error))
    return NULL;

  finish_edition (catalogue->controls_2022);
  finish_edition (catalogue->controls_2013);

  return g_steal_pointer (&catalogue);
}

VaernCatalogue *
vaern_catalogue_load (const char *path,
                      GError    **error)
{
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    file = g_build_filename (path, "annex-a.csv", NULL);
  else
    file = g_strdup (path);

  if (!g_file_get_contents (file, &contents, &len, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  return vaern_catalogue_new_from_bytes (bytes, error);
}

static GPtrArray *
edition_controls (VaernCatalogue *catalogue,
                  const char     *edition)
{
  if (g_strcmp0 (edition, VAERN_EDITION_2022) == 0)
    return catalogue->controls_2022;
  if (g_strcmp0 (edition, VAERN_EDITION_2013) == 0)
    return catalogue->controls_2013;
  return NULL;
}

/* A NULL-terminated array's elements and their count (without the NULL). */
static const VaernControl *const *
array_result (GPtrArray *array,
              guint     *n_controls)
{
  if (n_controls != NULL)
    *n_controls = array ? array->len - 1 : 0;
  return array ? (const VaernControl *const *) array->pdata : NULL;
}

const VaernControl *const *
vaern_catalogue_get_controls (VaernCatalogue *catalogue,
                              const char     *edition,
                              guint          *n_controls)
{
  g_return_val_if_fail (catalogue != NULL, NULL);

  return array_result (edition_controls (catalogue, edition), n_controls);
}

const VaernControl *
vaern_catalogue_lookup (VaernCatalogue *catalogue,
                        const char     *number)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (catalogue != NULL, NULL);

  normal = vaern_control_number_normalize (number);
  return normal ? g_hash_table_lookup (catalogue->by_number, normal) : NULL;
}

static const VaernControl *const *
links_of (VaernCatalogue *catalogue,
          const char     *number,
          const char     *edition,
          guint          *n_controls)
{
  const Control *control = (const Control *) vaern_catalogue_lookup (catalogue, number);

  if (control != NULL && !g_str_equal (control->pub.edition, edition))
    control = NULL;
  return array_result (control ? control->links : NULL, n_controls);
}

const VaernControl *const *
vaern_catalogue_map_2013 (VaernCatalogue *catalogue,
                          const char     *number_2013,
                          guint          *n_controls)
{
  g_return_val_if_fail (catalogue != NULL, NULL);

  return links_of (catalogue, number_2013, VAERN_EDITION_2013, n_controls);
}

const VaernControl *const *
vaern_catalogue_sources_2022 (VaernCatalogue *catalogue,
                              const char     *number_2022,
                              guint          *n_controls)
{
  g_return_val_if_fail (catalogue != NULL, NULL);

  return links_of (catalogue, number_2022, VAERN_EDITION_2022, n_controls);
}

const char *
vaern_control_theme_label (guint theme)
{
  switch (theme)
    {
    /* Translators: an Annex A theme of ISO 27001:2022 (clause 5) */
    case VAERN_CONTROL_THEME_ORGANISATIONAL: return _("Organisational");
    /* Translators: an Annex A theme of ISO 27001:2022 (clause 6) */
    case VAERN_CONTROL_THEME_PEOPLE: return _("People");
    /* Translators: an Annex A theme of ISO 27001:2022 (clause 7) */
    case VAERN_CONTROL_THEME_PHYSICAL: return _("Physical");
    /* Translators: an Annex A theme of ISO 27001:2022 (clause 8) */
    case VAERN_CONTROL_THEME_TECHNOLOGICAL: return _("Technological");
    default: return "";
    }
}

const char *
vaern_control_theme_heading (guint theme)
{
  switch (theme)
    {
    /* Translators: a theme's heading in the printed SoA (ISO 27001:2022, clause 5) */
    case VAERN_CONTROL_THEME_ORGANISATIONAL: return _("5 Organisational controls");
    /* Translators: a theme's heading in the printed SoA (clause 6) */
    case VAERN_CONTROL_THEME_PEOPLE: return _("6 People controls");
    /* Translators: a theme's heading in the printed SoA (clause 7) */
    case VAERN_CONTROL_THEME_PHYSICAL: return _("7 Physical controls");
    /* Translators: a theme's heading in the printed SoA (clause 8) */
    case VAERN_CONTROL_THEME_TECHNOLOGICAL: return _("8 Technological controls");
    default: return "";
    }
}
