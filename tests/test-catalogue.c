/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/vaern-catalogue.h"
#include "core/vaern-core-error.h"

/* The checks of the shipped catalogue append what is wrong to a GString, so
 * that one failure lists every broken control, and so that the mutation test
 * can run the very same checks on a damaged copy and see them fail. */

static char *
catalogue_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "annex-a.csv", NULL);
}

static GBytes *
read_catalogue_bytes (void)
{
  g_autofree char *path = catalogue_path ();
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static VaernCatalogue *
load_catalogue (void)
{
  g_autofree char *path = catalogue_path ();
  g_autoptr (GError) error = NULL;
  VaernCatalogue *catalogue = vaern_catalogue_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalogue);
  return catalogue;
}

static void
assert_no_problems (GString *problems)
{
  if (problems->len > 0)
    g_test_message ("%s", problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

/* 2022: the four themes with their sizes; numbering runs 1 … n in each. */
static const struct
{
  int   theme;
  guint n;
} themes_2022[] = {
  { VAERN_CONTROL_THEME_ORGANISATIONAL, 37 },
  { VAERN_CONTROL_THEME_PEOPLE, 8 },
  { VAERN_CONTROL_THEME_PHYSICAL, 14 },
  { VAERN_CONTROL_THEME_TECHNOLOGICAL, 34 },
};

/* 2013: the number of controls in each category A.c.k, per clause; they add
 * up to the clause sizes 2, 7, 6, 10, 14, 2, 15, 14, 7, 13, 5, 7, 4, 8. */
static const struct
{
  int   clause;
  guint n_clause;
  guint per_category[8]; /* 0-terminated */
} clauses_2013[] = {
  { 5, 2, { 2 } },
  { 6, 7, { 5, 2 } },
  { 7, 6, { 2, 3, 1 } },
  { 8, 10, { 4, 3, 3 } },
  { 9, 14, { 2, 6, 1, 5 } },
  { 10, 2, { 2 } },
  { 11, 15, { 6, 9 } },
  { 12, 14, { 4, 1, 1, 4, 1, 2, 1 } },
  { 13, 7, { 3, 4 } },
  { 14, 13, { 3, 9, 1 } },
  { 15, 5, { 3, 2 } },
  { 16, 7, { 7 } },
  { 17, 4, { 3, 1 } },
  { 18, 8, { 5, 3 } },
};

/* The list holds exactly the @expected numbers, in order, each once. */
static void
check_numbering (const VaernControl *const *controls,
                 GPtrArray                 *expected,
                 const char                *edition,
                 GString                   *problems)
{
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  for (const VaernControl *const *c = controls; *c != NULL; c++)
    {
      if (!g_str_equal ((*c)->edition, edition))
        g_string_append_printf (problems, "%s is not marked %s\n", (*c)->number, edition);
      if (!g_ptr_array_find_with_equal_func (expected, (*c)->number, g_str_equal, NULL))
        g_string_append_printf (problems, "%s is not a %s control\n", (*c)->number, edition);
      if (c[1] != NULL && vaern_control_number_compare ((*c)->number, c[1]->number) >= 0)
        g_string_append_printf (problems, "%s comes before %s\n", (*c)->number, c[1]->number);
      g_hash_table_add (listed, (gpointer) (*c)->number);
    }

  for (guint i = 0; i < expected->len; i++)
    if (!g_hash_table_contains (listed, g_ptr_array_index (expected, i)))
      g_string_append_printf (problems, "%s %s is missing\n", edition,
                              (char *) g_ptr_array_index (expected, i));
}

static void
check_2022 (VaernCatalogue *catalogue,
            GString        *problems)
{
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;
  const VaernControl *const *controls =
    vaern_catalogue_get_controls (catalogue, VAERN_EDITION_2022, &n);

  g_assert_nonnull (controls);
  g_assert_null (controls[n]);
  if (n != 93)
    g_string_append_printf (problems, "2022 has %u controls, not 93\n", n);

  for (guint t = 0; t < G_N_ELEMENTS (themes_2022); t++)
    {
      guint in_theme = 0;

      for (guint k = 0; k < n; k++)
        if (controls[k]->theme_or_clause == themes_2022[t].theme)
          in_theme++;
      if (in_theme != themes_2022[t].n)
        g_string_append_printf (problems, "theme %d has %u controls, not %u\n",
                                themes_2022[t].theme, in_theme, themes_2022[t].n);

      for (guint k = 1; k <= themes_2022[t].n; k++)
        g_ptr_array_add (expected, g_strdup_printf ("%d.%u", themes_2022[t].theme, k));
    }
  g_assert_cmpuint (expected->len, ==, 93);

  /* Without gaps or doubles: the list is exactly 5.1 … 8.34. */
  check_numbering (controls, expected, VAERN_EDITION_2022, problems);
}

static void
check_2013 (VaernCatalogue *catalogue,
            GString        *problems)
{
  g_autoptr (GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;
  const VaernControl *const *controls =
    vaern_catalogue_get_controls (catalogue, VAERN_EDITION_2013, &n);

  g_assert_nonnull (controls);
  g_assert_null (controls[n]);
  if (n != 114)
    g_string_append_printf (problems, "2013 has %u controls, not 114\n", n);

  for (guint c = 0; c < G_N_ELEMENTS (clauses_2013); c++)
    {
      guint in_clause = 0, from_categories = 0;

      for (guint k = 0; k < n; k++)
        if (controls[k]->theme_or_clause == clauses_2013[c].clause)
          in_clause++;
      if (in_clause != clauses_2013[c].n_clause)
        g_string_append_printf (problems, "clause A.%d has %u controls, not %u\n",
                                clauses_2013[c].clause, in_clause, clauses_2013[c].n_clause);

      for (guint cat = 0; clauses_2013[c].per_category[cat] != 0; cat++)
        for (guint k = 1; k <= clauses_2013[c].per_category[cat]; k++)
          {
            g_ptr_array_add (expected, g_strdup_printf ("A.%d.%u.%u", clauses_2013[c].clause,
                                                        cat + 1, k));
            from_categories++;
          }
      /* The table itself must agree with the clause sizes. */
      g_assert_cmpuint (from_categories, ==, clauses_2013[c].n_clause);
    }
  g_assert_cmpuint (expected->len, ==, 114);

  check_numbering (controls, expected, VAERN_EDITION_2013, problems);
}

/* Whole words a Danish title must not contain: English left behind. */
static const char *const english_words[] = {
  "the", "of", "and", "with", "security", "policy", "policies", "management",
  "assets", "rights", "review", "controls", "protection", "information security",
};

static gboolean
has_word (const char *title,
          const char *word)
{
  g_autofree char *lower = g_utf8_strdown (title, -1);
  gsize len = strlen (word);

  for (const char *p = strstr (lower, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean starts = p == lower || !g_ascii_isalpha (p[-1]);
      gboolean ends = !g_ascii_isalpha (p[len]) && (guchar) p[len] < 0x80;

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

static void
check_titles (VaernCatalogue *catalogue,
              GString        *problems)
{
  const char *editions[] = { VAERN_EDITION_2022, VAERN_EDITION_2013 };

  for (guint e = 0; e < G_N_ELEMENTS (editions); e++)
    {
      const VaernControl *const *controls =
        vaern_catalogue_get_controls (catalogue, editions[e], NULL);

      for (const VaernControl *const *c = controls; *c != NULL; c++)
        {
          const VaernControl *control = *c;
          guint words = 0;

          if (control->title_da == NULL || *control->title_da == '\0'
              || control->title_en == NULL || *control->title_en == '\0')
            {
              g_string_append_printf (problems, "%s lacks a title\n", control->number);
              continue;
            }
          if (g_str_equal (control->title_da, control->title_en))
            g_string_append_printf (problems, "%s has the same title in both languages\n",
                                    control->number);
          for (guint w = 0; w < G_N_ELEMENTS (english_words); w++)
            if (has_word (control->title_da, english_words[w]))
              g_string_append_printf (problems, "%s: Danish title “%s” contains “%s”\n",
                                      control->number, control->title_da, english_words[w]);
          if (strstr (control->title_en, "æ") || strstr (control->title_en, "ø")
              || strstr (control->title_en, "å"))
            g_string_append_printf (problems, "%s: English title “%s” is Danish\n",
                                    control->number, control->title_en);

          /* Short titles: two to six words. */
          for (guint l = 0; l < 2; l++)
            {
              const char *title = l == 0 ? control->title_da : control->title_en;

              words = 1;
              for (const char *p = title; *p; p++)
                if (*p == ' ')
                  words++;
              if (words < 2 || words > 6)
                g_string_append_printf (problems, "%s: “%s” is not 2–6 words\n",
                                        control->number, title);
            }
        }
    }
}

/* The 2022 controls that are new, with no 2013 source. */
static const char *const new_2022[] = {
  "5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28",
};

/* ISO/IEC 27002:2022 Annex B seen from the 2022 side (table B.1): the 2013
 * sources of every 2022 control. The data file is written from the 2013 side
 * (table B.2); the two must agree. */
static const struct
{
  const char *number;
  const char *sources;
} sources_2022[] = {
  { "5.1", "A.5.1.1 A.5.1.2" },
  { "5.2", "A.6.1.1" },
  { "5.3", "A.6.1.2" },
  { "5.4", "A.7.2.1" },
  { "5.5", "A.6.1.3" },
  { "5.6", "A.6.1.4" },
  { "5.7", "" },
  { "5.8", "A.6.1.5 A.14.1.1" },
  { "5.9", "A.8.1.1 A.8.1.2" },
  { "5.10", "A.8.1.3 A.8.2.3" },
  { "5.11", "A.8.1.4" },
  { "5.12", "A.8.2.1" },
  { "5.13", "A.8.2.2" },
  { "5.14", "A.13.2.1 A.13.2.2 A.13.2.3" },
  { "5.15", "A.9.1.1 A.9.1.2" },
  { "5.16", "A.9.2.1" },
  { "5.17", "A.9.2.4 A.9.3.1 A.9.4.3" },
  { "5.18", "A.9.2.2 A.9.2.5 A.9.2.6" },
  { "5.19", "A.15.1.1" },
  { "5.20", "A.15.1.2" },
  { "5.21", "A.15.1.3" },
  { "5.22", "A.15.2.1 A.15.2.2" },
  { "5.23", "" },
  { "5.24", "A.16.1.1" },
  { "5.25", "A.16.1.4" },
  { "5.26", "A.16.1.5" },
  { "5.27", "A.16.1.6" },
  { "5.28", "A.16.1.7" },
  { "5.29", "A.17.1.1 A.17.1.2 A.17.1.3" },
  { "5.30", "" },
  { "5.31", "A.18.1.1 A.18.1.5" },
  { "5.32", "A.18.1.2" },
  { "5.33", "A.18.1.3" },
  { "5.34", "A.18.1.4" },
  { "5.35", "A.18.2.1" },
  { "5.36", "A.18.2.2 A.18.2.3" },
  { "5.37", "A.12.1.1" },
  { "6.1", "A.7.1.1" },
  { "6.2", "A.7.1.2" },
  { "6.3", "A.7.2.2" },
  { "6.4", "A.7.2.3" },
  { "6.5", "A.7.3.1" },
  { "6.6", "A.13.2.4" },
  { "6.7", "A.6.2.2" },
  { "6.8", "A.16.1.2 A.16.1.3" },
  { "7.1", "A.11.1.1" },
  { "7.2", "A.11.1.2 A.11.1.6" },
  { "7.3", "A.11.1.3" },
  { "7.4", "" },
  { "7.5", "A.11.1.4" },
  { "7.6", "A.11.1.5" },
  { "7.7", "A.11.2.9" },
  { "7.8", "A.11.2.1" },
  { "7.9", "A.11.2.6" },
  { "7.10", "A.8.3.1 A.8.3.2 A.8.3.3 A.11.2.5" },
  { "7.11", "A.11.2.2" },
  { "7.12", "A.11.2.3" },
  { "7.13", "A.11.2.4" },
  { "7.14", "A.11.2.7" },
  { "8.1", "A.6.2.1 A.11.2.8" },
  { "8.2", "A.9.2.3" },
  { "8.3", "A.9.4.1" },
  { "8.4", "A.9.4.5" },
  { "8.5", "A.9.4.2" },
  { "8.6", "A.12.1.3" },
  { "8.7", "A.12.2.1" },
  { "8.8", "A.12.6.1 A.18.2.3" },
  { "8.9", "" },
  { "8.10", "" },
  { "8.11", "" },
  { "8.12", "" },
  { "8.13", "A.12.3.1" },
  { "8.14", "A.17.2.1" },
  { "8.15", "A.12.4.1 A.12.4.2 A.12.4.3" },
  { "8.16", "" },
  { "8.17", "A.12.4.4" },
  { "8.18", "A.9.4.4" },
  { "8.19", "A.12.5.1 A.12.6.2" },
  { "8.20", "A.13.1.1" },
  { "8.21", "A.13.1.2" },
  { "8.22", "A.13.1.3" },
  { "8.23", "" },
  { "8.24", "A.10.1.1 A.10.1.2" },
  { "8.25", "A.14.2.1" },
  { "8.26", "A.14.1.2 A.14.1.3" },
  { "8.27", "A.14.2.5" },
  { "8.28", "" },
  { "8.29", "A.14.2.8 A.14.2.9" },
  { "8.30", "A.14.2.7" },
  { "8.31", "A.12.1.4 A.14.2.6" },
  { "8.32", "A.12.1.2 A.14.2.2 A.14.2.3 A.14.2.4" },
  { "8.33", "A.14.3.1" },
  { "8.34", "A.12.7.1" },
};

static char *
join_numbers (const VaernControl *const *controls)
{
  GString *s = g_string_new (NULL);

  for (const VaernControl *const *c = controls; c && *c; c++)
    g_string_append_printf (s, "%s%s", s->len ? " " : "", (*c)->number);
  return g_string_free (s, FALSE);
}

static gboolean
contains (const VaernControl *const *controls,
          const VaernControl        *control)
{
  for (const VaernControl *const *c = controls; c && *c; c++)
    if (*c == control)
      return TRUE;
  return FALSE;
}

static void
check_mapping (VaernCatalogue *catalogue,
               GString        *problems)
{
  const VaernControl *const *c2013 =
    vaern_catalogue_get_controls (catalogue, VAERN_EDITION_2013, NULL);
  const VaernControl *const *c2022 =
    vaern_catalogue_get_controls (catalogue, VAERN_EDITION_2022, NULL);
  guint pairs = 0;

  for (const VaernControl *const *c = c2013; *c != NULL; c++)
    {
      guint n = 0;
      const VaernControl *const *targets = vaern_catalogue_map_2013 (catalogue, (*c)->number, &n);

      if (targets == NULL || n == 0)
        g_string_append_printf (problems, "%s maps to nothing\n", (*c)->number);
      for (guint k = 0; k < n; k++)
        {
          pairs++;
          if (!g_str_equal (targets[k]->edition, VAERN_EDITION_2022))
            g_string_append_printf (problems, "%s maps to 2013 %s\n", (*c)->number,
                                    targets[k]->number);
          /* a → b iff b ← a */
          if (!contains (vaern_catalogue_sources_2022 (catalogue, targets[k]->number, NULL), *c))
            g_string_append_printf (problems, "%s → %s, but not %s ← %s\n", (*c)->number,
                                    targets[k]->number, targets[k]->number, (*c)->number);
        }
    }

  for (const VaernControl *const *c = c2022; *c != NULL; c++)
    {
      guint n = 0;
      const VaernControl *const *sources =
        vaern_catalogue_sources_2022 (catalogue, (*c)->number, &n);
      gboolean is_new = g_strv_contains ((const char *const *) new_2022, (*c)->number);

      if (sources == NULL)
        g_string_append_printf (problems, "%s has no source list\n", (*c)->number);
      else if (is_new && n != 0)
        g_string_append_printf (problems, "new control %s has a 2013 source\n", (*c)->number);
      else if (!is_new && n == 0)
        g_string_append_printf (problems, "%s has no 2013 source\n", (*c)->number);

      for (guint k = 0; k < n; k++)
        {
          pairs--;
          if (!contains (vaern_catalogue_map_2013 (catalogue, sources[k]->number, NULL), *c))
            g_string_append_printf (problems, "%s ← %s, but not %s → %s\n", (*c)->number,
                                    sources[k]->number, sources[k]->number, (*c)->number);
        }
    }
  if (pairs != 0)
    g_string_append_printf (problems, "the two directions differ by %u pairs\n", pairs);

  for (guint i = 0; i < G_N_ELEMENTS (sources_2022); i++)
    {
      g_autofree char *got =
        join_numbers (vaern_catalogue_sources_2022 (catalogue, sources_2022[i].number, NULL));

      if (!g_str_equal (got, sources_2022[i].sources))
        g_string_append_printf (problems, "%s ← “%s”, Annex B says “%s”\n",
                                sources_2022[i].number, got, sources_2022[i].sources);
    }
}

static void
check_all (VaernCatalogue *catalogue,
           GString        *problems)
{
  check_2022 (catalogue, problems);
  check_2013 (catalogue, problems);
  check_titles (catalogue, problems);
  check_mapping (catalogue, problems);
}

static void
test_counts_2022 (void)
{
  g_autoptr (VaernCatalogue) catalogue = load_catalogue ();
  g_autoptr (GString) problems = g_string_new (NULL);

  check_2022 (catalogue, problems);
  assert_no_problems (problems);
}

static void
test_counts_2013 (void)
{
  g_autoptr (VaernCatalogue) catalogue = load_catalogue ();
  g_autoptr (GString) problems = g_string_new (NULL);

  check_2013 (catalogue, problems);
  assert_no_problems (problems);
  g_assert_null (vaern_catalogue_get_controls (catalogue, "2005", NULL));
}

static void
test_titles (void)
{
  g_autoptr (VaernCatalogue) catalogue = load_catalogue ();
  g_autoptr (GString) problems = g_string_new (NULL);
  const char *spot[] = { "5.1", "5.15", "6.3", "7.7", "8.13", "8.24", "A.5.1.1", "A.9.1.1",
                         "A.12.3.1", "A.18.1.4" };

  check_titles (catalogue, problems);
  assert_no_problems (problems);

  /* The checker finds English in a Danish title… */
  g_assert_true (has_word ("Information security policies", "information security"));
  g_assert_true (has_word ("Politik for access control and logning", "and"));
  /* …but not in Danish words that merely contain the letters. */
  g_assert_false (has_word ("Håndtering af andre aktiver", "and"));
  g_assert_false (has_word ("Theaterets sikkerhed", "the"));

  for (guint i = 0; i < G_N_ELEMENTS (spot); i++)
    {
      const VaernControl *control = vaern_catalogue_lookup (catalogue, spot[i]);

      g_assert_nonnull (control);
      g_assert_null (strstr (control->title_da, "Information security"));
      g_assert_null (strstr (control->title_da, "security"));
      g_assert_null (strstr (control->title_da, "Access"));
      g_assert_null (strstr (control->title_da, "Polic"));
    }
  g_assert_cmpstr (vaern_catalogue_lookup (catalogue, "5.1")->title_da, !=,
                   "Information security policies");
  g_assert_nonnull (strstr (vaern_catalogue_lookup (catalogue, "5.1")->title_da, "politik"));
  g_assert_nonnull (strstr (vaern_catalogue_lookup (catalogue, "A.8.1.2")->title_da, "ejer"));
}

static void
assert_maps (VaernCatalogue *catalogue,
             const char     *number_2013,
             const char     *expected)
{
  g_autofree char *got = join_numbers (vaern_catalogue_map_2013 (catalogue, number_2013, NULL));

  g_assert_cmpstr (got, ==, expected);
}

static void
test_mapping (void)
{
  g_autoptr (VaernCatalogue) catalogue = load_catalogue ();
  g_autoptr (GString) problems = g_string_new (NULL);
  guint n = 99;

  check_mapping (catalogue, problems);
  assert_no_problems (problems);

  /* The pairs public mappings tend to get wrong. */
  assert_maps (catalogue, "A.8.1.2", "5.9");
  assert_maps (catalogue, "A.6.1.1", "5.2");
  assert_maps (catalogue, "A.12.1.2", "8.32");
  assert_maps (catalogue, "A.11.2.9", "7.7");
  assert_maps (catalogue, "A.13.2.3", "5.14");
  assert_maps (catalogue, "A.14.2.5", "8.27");
  assert_maps (catalogue, "A.9.4.1", "8.3");
  assert_maps (catalogue, "A.16.1.7", "5.28");
  assert_maps (catalogue, "A.18.1.4", "5.34");
  /* The one 2013 control split over two 2022 controls. */
  assert_maps (catalogue, "A.18.2.3", "5.36 8.8");

  g_assert_nonnull (vaern_catalogue_sources_2022 (catalogue, "5.7", &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (vaern_catalogue_sources_2022 (catalogue, "5.7", NULL)[0]);
  g_assert_cmpuint (G_N_ELEMENTS (new_2022), ==, 11);
  g_assert_cmpuint (G_N_ELEMENTS (sources_2022), ==, 93);
}

static void
test_lookup (void)
{
  g_autoptr (VaernCatalogue) catalogue = load_catalogue ();
  const char *spellings_2013[] = { "A.8.1.2", "a.8.1.2", "8.1.2", "  A.8.1.2 ", "\tA.8.1.2\n",
                                   "A8.1.2", "A 8.1.2", "A.08.1.2" };
  const char *spellings_2022[] = { "5.9", " 5.9 ", "A.5.9", "a.5.9", "05.09" };
  const char *unknown[] = { "", " ", "A.", "A.8.1.9", "A.19.1.1", "A.4.1.1", "5.38", "9.1",
                            "5.0", "5.", ".5.9", "5..9", "5.9.", "5.9.1.1", "5", "A.8.1.2 x",
                            "B.8.1.2", "5,9", "ISO 5.9" };
  const VaernControl *control;
  guint n = 99;

  for (guint i = 0; i < G_N_ELEMENTS (spellings_2013); i++)
    {
      control = vaern_catalogue_lookup (catalogue, spellings_2013[i]);
      g_assert_nonnull (control);
      g_assert_cmpstr (control->number, ==, "A.8.1.2");
      g_assert_cmpstr (control->edition, ==, VAERN_EDITION_2013);
      g_assert_cmpint (control->theme_or_clause, ==, 8);
      assert_maps (catalogue, spellings_2013[i], "5.9");
    }

  for (guint i = 0; i < G_N_ELEMENTS (spellings_2022); i++)
    {
      g_autofree char *sources = NULL;

      control = vaern_catalogue_lookup (catalogue, spellings_2022[i]);
      g_assert_nonnull (control);
      g_assert_cmpstr (control->number, ==, "5.9");
      g_assert_cmpstr (control->edition, ==, VAERN_EDITION_2022);
      g_assert_cmpint (control->theme_or_clause, ==, VAERN_CONTROL_THEME_ORGANISATIONAL);
      sources = join_numbers (vaern_catalogue_sources_2022 (catalogue, spellings_2022[i], NULL));
      g_assert_cmpstr (sources, ==, "A.8.1.1 A.8.1.2");
    }

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      n = 99;
      g_assert_null (vaern_catalogue_lookup (catalogue, unknown[i]));
      g_assert_null (vaern_catalogue_map_2013 (catalogue, unknown[i], &n));
      g_assert_cmpuint (n, ==, 0);
      g_assert_null (vaern_catalogue_sources_2022 (catalogue, unknown[i], NULL));
    }
  g_assert_null (vaern_catalogue_lookup (catalogue, NULL));

  /* Each direction takes only its own edition's numbers. */
  g_assert_null (vaern_catalogue_map_2013 (catalogue, "5.9", NULL));
  g_assert_null (vaern_catalogue_sources_2022 (catalogue, "A.8.1.2", NULL));

  control = vaern_catalogue_lookup (catalogue, "8.34");
  g_assert_nonnull (control);
  g_assert_cmpint (control->theme_or_clause, ==, VAERN_CONTROL_THEME_TECHNOLOGICAL);
}

static void
test_numbers (void)
{
  const char *ordered[] = { "5.1", "5.2", "5.9", "5.10", "5.37", "6.1", "8.9", "8.34",
                            "A.5.1.1", "A.5.1.2", "A.9.4.5", "A.10.1.1", "A.12.1.2",
                            "A.18.2.3" };
  char *normal;

  /* Each neighbour in the same edition is in order. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (ordered); i++)
    {
      gboolean same_edition = (ordered[i][0] == 'A') == (ordered[i + 1][0] == 'A');

      if (!same_edition)
        continue;
      g_assert_cmpint (vaern_control_number_compare (ordered[i], ordered[i + 1]), <, 0);
      g_assert_cmpint (vaern_control_number_compare (ordered[i + 1], ordered[i]), >, 0);
    }
  g_assert_cmpint (vaern_control_number_compare ("5.10", "5.9"), >, 0);
  g_assert_cmpint (vaern_control_number_compare ("A.12.1.2", "A.9.4.5"), >, 0);
  g_assert_cmpint (vaern_control_number_compare ("A.8.1.2", "8.1.2"), ==, 0);
  g_assert_cmpint (vaern_control_number_compare ("5.9", "5.9"), ==, 0);
  /* What is not a number sorts last. */
  g_assert_cmpint (vaern_control_number_compare ("x", "5.9"), >, 0);
  g_assert_cmpint (vaern_control_number_compare ("5.9", "x"), <, 0);

  normal = vaern_control_number_normalize (" a.12.01.2 ");
  g_assert_cmpstr (normal, ==, "A.12.1.2");
  g_free (normal);
  normal = vaern_control_number_normalize ("A.5.10");
  g_assert_cmpstr (normal, ==, "5.10");
  g_free (normal);
  g_assert_null (vaern_control_number_normalize ("5"));
  g_assert_null (vaern_control_number_normalize (NULL));
  g_assert_null (vaern_control_number_normalize ("5.9999"));
}

/* Small catalogues ------------------------------------------------------------ */

#define HEADER "edition;number;theme_or_clause;title_da;title_en;maps_to\n"

static VaernCatalogue *
parse (const char *text,
       GError    **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  return vaern_catalogue_new_from_bytes (bytes, error);
}

static void
test_small (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VaernCatalogue) catalogue = NULL;
  const VaernControl *const *controls;
  guint n = 0;

  /* A byte order mark, comments, blank lines, CRLF, blanks around fields, lines
   * out of order and a mapping to a control further down are all fine. */
  catalogue = parse ("\xEF\xBB\xBF# comment\r\n\r\n"
                     "edition ; number;theme_or_clause;title_da;title_en;maps_to\r\n"
                     "2013;A.8.1.2;A.8;Udpegning af ejere;Asset owners; 5.10  5.9 \r\n"
                     "2022;5.10;organisational;Regler for brug;Rules for use;\r\n"
                     "2013;A.8.1.1;A.8;Oversigt;Register;5.9\r\n"
                     "2022; 5.9 ;organisational;Fortegnelse;Inventory;\r\n"
                     "2022;5.7;organisational;Trusselsviden;Threat intelligence;\r\n",
                     &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalogue);

  controls = vaern_catalogue_get_controls (catalogue, VAERN_EDITION_2022, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (controls[0]->number, ==, "5.7");
  g_assert_cmpstr (controls[1]->number, ==, "5.9");
  g_assert_cmpstr (controls[2]->number, ==, "5.10");
  g_assert_null (controls[3]);
  g_assert_cmpstr (controls[1]->title_da, ==, "Fortegnelse");
  g_assert_cmpstr (controls[1]->title_en, ==, "Inventory");

  controls = vaern_catalogue_get_controls (catalogue, VAERN_EDITION_2013, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (controls[0]->number, ==, "A.8.1.1");
  g_assert_cmpint (controls[0]->theme_or_clause, ==, 8);

  assert_maps (catalogue, "A.8.1.2", "5.9 5.10");
  {
    g_autofree char *sources = join_numbers (vaern_catalogue_sources_2022 (catalogue, "5.9", NULL));
    g_assert_cmpstr (sources, ==, "A.8.1.1 A.8.1.2");
  }

  /* A header alone is an empty catalogue, not an error. */
  g_clear_pointer (&catalogue, vaern_catalogue_free);
  catalogue = parse ("# nothing yet\n" HEADER, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vaern_catalogue_get_controls (catalogue, VAERN_EDITION_2013, &n));
  g_assert_cmpuint (n, ==, 0);
}

static void
assert_refused (const char *text,
                const char *line,
                const char *mentions)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VaernCatalogue) catalogue = parse (text, &error);

  g_assert_null (catalogue);
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID);
  if (line != NULL && !g_str_has_prefix (error->message, line))
    g_error ("“%s” does not start with “%s”", error->message, line);
  if (mentions != NULL && strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
}

static void
test_refusals (void)
{
  /* A duplicate, also when spelt differently. */
  assert_refused (HEADER
                  "2022;5.1;organisational;Politik;Policy;\n"
                  "# a comment counts as a line\n"
                  "2022;5.1;organisational;Politik igen;Policy again;\n",
                  "Line 4: ", "line 2");
  assert_refused (HEADER
                  "2013;A.5.1.1;A.5;Politik;Policy;5.1\n"
                  "2013;5.1.1;A.5;Politik;Policy;5.1\n"
                  "2022;5.1;organisational;Politik;Policy;\n",
                  "Line 3: ", "A.5.1.1");

  /* A bad theme, and a theme that does not fit the number. */
  assert_refused (HEADER "2022;5.1;organizational;Politik;Policy;\n", "Line 2: ", "organizational");
  assert_refused (HEADER "2022;6.1;organisational;Screening;Vetting;\n", "Line 2: ", "6.1");
  assert_refused (HEADER "2013;A.9.1.1;A.8;Adgang;Access;5.15\n", "Line 2: ", "A.8");

  /* A mapping to an unknown number, to a 2013 number, to nonsense, twice. */
  assert_refused (HEADER
                  "2022;5.1;organisational;Politik;Policy;\n"
                  "2013;A.5.1.1;A.5;Politik;Policy;5.1 5.99\n",
                  "Line 3: ", "5.99");
  assert_refused (HEADER
                  "2013;A.5.1.1;A.5;Politik;Policy;A.5.1.2\n"
                  "2013;A.5.1.2;A.5;Politik;Policy;A.5.1.1\n",
                  "Line 2: ", "A.5.1.2");
  assert_refused (HEADER "2013;A.5.1.1;A.5;Politik;Policy;5.1,5.2\n", "Line 2: ", "5.1,5.2");
  assert_refused (HEADER
                  "2022;5.1;organisational;Politik;Policy;\n"
                  "2013;A.5.1.1;A.5;Politik;Policy;5.1 A.5.1\n",
                  "Line 3: ", "twice");
  /* A 2013 control that maps nowhere; a 2022 control that maps. */
  assert_refused (HEADER "2013;A.5.1.1;A.5;Politik;Policy;\n", "Line 2: ", "A.5.1.1");
  assert_refused (HEADER "2022;5.1;organisational;Politik;Policy;5.2\n", "Line 2: ", "5.1");

  /* A short line, a long line. */
  assert_refused (HEADER "\n2022;5.1;organisational;Politik;Policy\n", "Line 3: ", "5 instead of 6");
  assert_refused (HEADER "2022;5.1;organisational;Politik;Policy;;\n", "Line 2: ", "7 instead of 6");
  assert_refused (HEADER "2022,5.1,organisational,Politik,Policy,\n", "Line 2: ", "1 instead of 6");

  /* Unknown edition, numbers that are not of the edition, empty titles. */
  assert_refused (HEADER "2005;A.5.1.1;A.5;Politik;Policy;5.1\n", "Line 2: ", "2005");
  assert_refused (HEADER "2022;A.5.1.1;organisational;Politik;Policy;\n", "Line 2: ", "A.5.1.1");
  assert_refused (HEADER "2022;9.1;organisational;Politik;Policy;\n", "Line 2: ", "9.1");
  assert_refused (HEADER "2013;A.19.1.1;A.19;Politik;Policy;5.1\n", "Line 2: ", "A.19.1.1");
  assert_refused (HEADER "2022;5.1;organisational; ;Policy;\n", "Line 2: ", "5.1");
  assert_refused (HEADER "2022;5.1;organisational;Politik;;\n", "Line 2: ", "5.1");

  /* No header, a wrong header, nothing at all, not UTF-8. */
  assert_refused ("2022;5.1;organisational;Politik;Policy;\n", "Line 1: ", "header");
  assert_refused ("# only\nnummer;titel\n", "Line 2: ", "header");
  assert_refused ("", NULL, "empty");
  assert_refused ("# only a comment\n", NULL, "empty");
  assert_refused (HEADER "2022;5.1;organisational;Politik\xE6;Policy;\n", "Line 2: ", "UTF-8");
  {
    const char nul[] = HEADER "2022;5.1;organisational;Poli\0tik;Policy;\n";
    g_autoptr (GBytes) bytes = g_bytes_new (nul, sizeof nul - 1);
    g_autoptr (GError) error = NULL;

    g_assert_null (vaern_catalogue_new_from_bytes (bytes, &error));
    g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Line 2: "));
  }
}

static void
test_load (void)
{
  g_autofree char *path = catalogue_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *missing = g_build_filename (dir, "no-such-catalogue.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (VaernCatalogue) from_dir = vaern_catalogue_load (dir, &error);
  g_autoptr (VaernCatalogue) from_missing = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (vaern_catalogue_lookup (from_dir, "8.13"));

  from_missing = vaern_catalogue_load (missing, &error);
  g_assert_null (from_missing);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* Mutations: the checks above must notice a broken catalogue ---------------- */

/* A copy of the shipped file with @edit applied to the line of @number. */
static GBytes *
mutate (GBytes     *original,
        const char *number,
        const char *(*edit) (const char *line))
{
  gsize len = 0;
  const char *data = g_bytes_get_data (original, &len);
  g_autofree char *text = g_strndup (data, len);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *needle = g_strdup_printf (";%s;", number);
  GString *out = g_string_new (NULL);
  gboolean found = FALSE;

  for (char **l = lines; *l != NULL; l++)
    {
      const char *line = *l;

      if (*line != '#' && strstr (line, needle) == line + 4)
        {
          line = edit (line);
          found = TRUE;
        }
      if (line != NULL)
        g_string_append_printf (out, "%s\n", line);
    }
  g_assert_true (found);
  return g_string_free_to_bytes (out);
}

static const char *
delete_line (const char *line)
{
  return NULL;
}

static const char *
map_a_18_2_3_to_5_36 (const char *line)
{
  return "2013;A.18.2.3;A.18;Teknisk gennemgang;Technical check;5.36";
}

static const char *
map_a_12_6_2_to_8_32 (const char *line)
{
  return "2013;A.12.6.2;A.12;Begrænsning af installation;Limits on installing;8.32";
}

static const char *
map_a_12_4_1_to_new (const char *line)
{
  return "2013;A.12.4.1;A.12;Logning af hændelser;Logging events;8.15 8.16";
}

static const char *
english_title (const char *line)
{
  return "2022;5.1;organisational;Information security policies;Security policies;";
}

static void
test_mutations (void)
{
  g_autoptr (GBytes) original = read_catalogue_bytes ();
  const struct
  {
    const char *number;
    const char *(*edit) (const char *line);
  } mutations[] = {
    { "A.12.6.2", delete_line },       /* a 2013 row gone */
    { "8.23", delete_line },           /* a new 2022 row gone */
    { "A.18.2.3", map_a_18_2_3_to_5_36 }, /* 8.8 loses a source */
    { "A.12.6.2", map_a_12_6_2_to_8_32 }, /* a wrong pair */
    { "A.12.4.1", map_a_12_4_1_to_new },  /* a new control with a source */
    { "5.1", english_title },
  };

  /* The file as shipped passes, also when read from bytes. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (VaernCatalogue) catalogue = vaern_catalogue_new_from_bytes (original, &error);
    g_autoptr (GString) problems = g_string_new (NULL);

    g_assert_no_error (error);
    check_all (catalogue, problems);
    assert_no_problems (problems);
  }

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr (GBytes) bytes = mutate (original, mutations[i].number, mutations[i].edit);
      g_autoptr (GError) error = NULL;
      g_autoptr (VaernCatalogue) catalogue = vaern_catalogue_new_from_bytes (bytes, &error);
      g_autoptr (GString) problems = g_string_new (NULL);

      g_assert_no_error (error);
      check_all (catalogue, problems);
      g_assert_cmpuint (problems->len, >, 0);
    }

  /* Deleting a 2022 control that 2013 controls map to breaks the file itself. */
  {
    g_autoptr (GBytes) bytes = mutate (original, "5.9", delete_line);
    g_autoptr (GError) error = NULL;
    g_autoptr (VaernCatalogue) catalogue = vaern_catalogue_new_from_bytes (bytes, &error);

    g_assert_null (catalogue);
    g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "A.8.1.1"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vaern/catalogue/counts-2022", test_counts_2022);
  g_test_add_func ("/vaern/catalogue/counts-2013", test_counts_2013);
  g_test_add_func ("/vaern/catalogue/titles", test_titles);
  g_test_add_func ("/vaern/catalogue/mapping", test_mapping);
  g_test_add_func ("/vaern/catalogue/lookup", test_lookup);
  g_test_add_func ("/vaern/catalogue/numbers", test_numbers);
  g_test_add_func ("/vaern/catalogue/small", test_small);
  g_test_add_func ("/vaern/catalogue/refusals", test_refusals);
  g_test_add_func ("/vaern/catalogue/load", test_load);
  g_test_add_func ("/vaern/catalogue/mutations", test_mutations);

  return g_test_run ();
}
