/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/vaern-core-error.h"
#include "core/vaern-risk-scale.h"

/* The risk scales: the score and band of every cell of every preset and of
 * custom sizes, validation, and the mapping of levels when the size
 * changes. */

/* The expected band of every cell, likelihood down (1 first), consequence
 * across, written out by hand from each preset's definition. */
static const int dk_4x4[4][4] = {
  /* c=1  2  3  4 */
  { 0, 0, 0, 0 },   /* l=1: 1 2 3 4 */
  { 0, 0, 1, 1 },   /* l=2: 2 4 6 8 */
  { 0, 1, 1, 2 },   /* l=3: 3 6 9 12 */
  { 0, 1, 2, 2 },   /* l=4: 4 8 12 16 */
};

static const int kl_5x5[5][5] = {
  { 0, 0, 1, 1, 2 },   /* 1 2 3 4 5 */
  { 0, 1, 2, 2, 3 },   /* 2 4 6 8 10 */
  { 1, 2, 2, 3, 3 },   /* 3 6 9 12 15 */
  { 1, 2, 3, 3, 4 },   /* 4 8 12 16 20 */
  { 2, 3, 3, 4, 4 },   /* 5 10 15 20 25 */
};

static const int datatilsynet_4x4[4][4] = {
  { 0, 0, 1, 1 },   /* 1 2 3 4 */
  { 0, 1, 1, 2 },   /* 2 4 6 8 */
  { 1, 1, 2, 2 },   /* 3 6 9 12 */
  { 1, 2, 2, 2 },   /* 4 8 12 16 */
};

static void
check_cells (const VaernRiskScale *scale,
             const int            *expected)
{
  guint n = scale->n_consequence;

  for (guint l = 1; l <= scale->n_likelihood; l++)
    for (guint c = 1; c <= scale->n_consequence; c++)
      {
        g_assert_cmpuint (vaern_risk_scale_score (scale, l, c), ==, l * c);
        if (expected)
          g_assert_cmpint (vaern_risk_scale_band (scale, l, c), ==,
                           expected[(l - 1) * n + (c - 1)]);
        /* The band's range holds the score. */
        {
          int band = vaern_risk_scale_band (scale, l, c);

          g_assert_cmpint (band, >=, 0);
          g_assert_cmpuint (l * c, >=, scale->bands[band].min_score);
          g_assert_cmpuint (l * c, <=, vaern_risk_scale_band_max_score (scale, band));
        }
      }
  /* Not assessed: no score and no band. */
  g_assert_cmpuint (vaern_risk_scale_score (scale, 0, 2), ==, 0);
  g_assert_cmpuint (vaern_risk_scale_score (scale, 2, 0), ==, 0);
  g_assert_cmpint (vaern_risk_scale_band (scale, 0, 0), ==, -1);
  g_assert_cmpint (vaern_risk_scale_band_for_score (scale, 0), ==, -1);
  g_assert_true (vaern_risk_scale_validate (scale, NULL));
}

static void
test_presets (void)
{
  const char *const *keys = vaern_risk_scale_preset_keys ();
  g_autoptr(VaernRiskScale) dk = vaern_risk_scale_new_preset ("dk-4x4");
  g_autoptr(VaernRiskScale) kl = vaern_risk_scale_new_preset ("kl-5x5");
  g_autoptr(VaernRiskScale) dt = vaern_risk_scale_new_preset ("datatilsynet-4x4");

  g_assert_cmpuint (g_strv_length ((char **) keys), ==, 3);
  g_assert_null (vaern_risk_scale_new_preset ("nope"));
  g_assert_null (vaern_risk_scale_preset_name ("nope"));
  for (guint i = 0; keys[i]; i++)
    g_assert_nonnull (vaern_risk_scale_preset_name (keys[i]));

  /* The Danish standard as DESIGN.md gives it. */
  g_assert_cmpuint (dk->n_likelihood, ==, 4);
  g_assert_cmpstr (dk->likelihood_labels[0], ==, "Usandsynligt");
  g_assert_cmpstr (dk->likelihood_labels[1], ==, "Mindre sandsynligt");
  g_assert_cmpstr (dk->likelihood_labels[2], ==, "Sandsynligt");
  g_assert_cmpstr (dk->likelihood_labels[3], ==, "Forventet");
  g_assert_cmpstr (dk->consequence_labels[0], ==, "Ubetydelig");
  g_assert_cmpstr (dk->consequence_labels[1], ==, "Mindre alvorlig");
  g_assert_cmpstr (dk->consequence_labels[2], ==, "Meget alvorlig");
  g_assert_cmpstr (dk->consequence_labels[3], ==, "Graverende");
  g_assert_cmpuint (dk->n_bands, ==, 3);
  g_assert_cmpuint (vaern_risk_scale_band_max_score (dk, 0), ==, 4);
  g_assert_cmpuint (dk->bands[1].min_score, ==, 5);
  g_assert_cmpuint (vaern_risk_scale_band_max_score (dk, 1), ==, 11);
  g_assert_cmpuint (dk->bands[2].min_score, ==, 12);
  g_assert_cmpuint (vaern_risk_scale_band_max_score (dk, 2), ==, 16);
  check_cells (dk, &dk_4x4[0][0]);

  g_assert_cmpuint (kl->n_bands, ==, 5);
  check_cells (kl, &kl_5x5[0][0]);
  check_cells (dt, &datatilsynet_4x4[0][0]);

  /* Green low and red high; the safe palette differs. */
  g_assert_cmpstr (vaern_risk_scale_band_color (dk, 0, FALSE), !=,
                   vaern_risk_scale_band_color (dk, 0, TRUE));
}

static void
test_custom (void)
{
  for (guint l = VAERN_SCALE_MIN_LEVELS; l <= VAERN_SCALE_MAX_LEVELS; l++)
    for (guint c = VAERN_SCALE_MIN_LEVELS; c <= VAERN_SCALE_MAX_LEVELS; c++)
      {
        g_autoptr(VaernRiskScale) scale = vaern_risk_scale_new_custom (l, c);
        g_autoptr(VaernRiskScale) copy = NULL;

        g_assert_cmpstr (scale->preset, ==, "custom");
        g_assert_cmpuint (vaern_risk_scale_max_score (scale), ==, l * c);
        check_cells (scale, NULL);
        g_assert_cmpint (vaern_risk_scale_band (scale, 1, 1), ==, 0);
        g_assert_cmpint (vaern_risk_scale_band (scale, l, c), ==, 2);
        copy = vaern_risk_scale_copy (scale);
        g_assert_true (vaern_risk_scale_equal (scale, copy));
        g_free (copy->consequence_labels[0]);
        copy->consequence_labels[0] = g_strdup ("Anden");
        g_assert_false (vaern_risk_scale_equal (scale, copy));
      }
  /* 3 × 3: bands 1–2, 3–6, 7–9. */
  {
    g_autoptr(VaernRiskScale) s = vaern_risk_scale_new_custom (3, 3);

    g_assert_cmpuint (s->bands[1].min_score, ==, 3);
    g_assert_cmpuint (s->bands[2].min_score, ==, 7);
    g_assert_cmpint (vaern_risk_scale_band (s, 2, 3), ==, 1);
    g_assert_cmpint (vaern_risk_scale_band (s, 3, 3), ==, 2);
  }
}

static void
test_validate (void)
{
  g_autoptr(VaernRiskScale) s = vaern_risk_scale_new_preset ("dk-4x4");
  g_autoptr(GError) error = NULL;

  g_assert_true (vaern_risk_scale_validate (s, &error));
  g_assert_no_error (error);

  g_free (s->likelihood_labels[2]);
  s->likelihood_labels[2] = g_strdup ("  ");
  g_assert_false (vaern_risk_scale_validate (s, &error));
  g_assert_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (s->likelihood_labels[2]);
  s->likelihood_labels[2] = g_strdup ("Sandsynligt");

  s->bands[2].min_score = 5;   /* not above the band below */
  g_assert_false (vaern_risk_scale_validate (s, &error));
  g_clear_error (&error);
  s->bands[2].min_score = 17;  /* above the top score */
  g_assert_false (vaern_risk_scale_validate (s, &error));
  g_clear_error (&error);
  s->bands[2].min_score = 12;

  s->bands[0].min_score = 2;
  g_assert_false (vaern_risk_scale_validate (s, &error));
  g_clear_error (&error);
  s->bands[0].min_score = 1;

  g_free (s->bands[1].color);
  s->bands[1].color = g_strdup ("yellow");
  g_assert_false (vaern_risk_scale_validate (s, &error));
  g_clear_error (&error);
  g_free (s->bands[1].color);
  s->bands[1].color = g_strdup ("#F8E45C");

  s->n_likelihood = 7;
  g_assert_false (vaern_risk_scale_validate (s, &error));
  g_clear_error (&error);
  s->n_likelihood = 4;
  g_assert_true (vaern_risk_scale_validate (s, NULL));
}

static void
test_mapping (void)
{
  g_autoptr(VaernRiskScale) four = vaern_risk_scale_new_preset ("dk-4x4");
  g_autoptr(VaernRiskScale) five = vaern_risk_scale_new_preset ("kl-5x5");
  g_autoptr(VaernRiskScale) other_four = vaern_risk_scale_new_preset ("datatilsynet-4x4");

  /* Ends stay ends; 0 stays 0. */
  for (guint a = 3; a <= 6; a++)
    for (guint b = 3; b <= 6; b++)
      {
        g_assert_cmpuint (vaern_risk_scale_map_level (0, a, b), ==, 0);
        g_assert_cmpuint (vaern_risk_scale_map_level (1, a, b), ==, 1);
        g_assert_cmpuint (vaern_risk_scale_map_level (a, a, b), ==, b);
        /* Never decreasing. */
        for (guint l = 1; l < a; l++)
          g_assert_cmpuint (vaern_risk_scale_map_level (l, a, b), <=,
                            vaern_risk_scale_map_level (l + 1, a, b));
        /* The same size maps to itself. */
        for (guint l = 1; l <= a; l++)
          g_assert_cmpuint (vaern_risk_scale_map_level (l, a, a), ==, l);
      }
  /* 4 → 5: 1 2 3 4 → 1 2 4 5 (2.33 → 2, 3.67 → 4). 5 → 4: 1 2 3 4 5 → 1 2 3 3 4 (2.5 → 3, 3.25 → 3). */
  g_assert_cmpuint (vaern_risk_scale_map_level (2, 4, 5), ==, 2);
  g_assert_cmpuint (vaern_risk_scale_map_level (3, 4, 5), ==, 4);
  g_assert_cmpuint (vaern_risk_scale_map_level (3, 5, 4), ==, 3);
  g_assert_cmpuint (vaern_risk_scale_map_level (4, 5, 4), ==, 3);
  g_assert_cmpuint (vaern_risk_scale_map_level (9, 5, 4), ==, 4);

  g_assert_true (vaern_risk_scale_needs_mapping (four, five));
  g_assert_false (vaern_risk_scale_needs_mapping (four, other_four));
}

static void
test_levels_after (void)
{
  guint l, c;

  g_assert_cmpuint (vaern_risk_consequence (2, 4, 1), ==, 4);
  g_assert_cmpuint (vaern_risk_consequence (0, 0, 0), ==, 0);
  vaern_risk_levels_after (3, 4, 0, 0, &l, &c);
  g_assert_cmpuint (l, ==, 3);
  g_assert_cmpuint (c, ==, 4);
  vaern_risk_levels_after (3, 4, 1, 0, &l, &c);
  g_assert_cmpuint (l, ==, 1);
  g_assert_cmpuint (c, ==, 4);
  vaern_risk_levels_after (3, 4, 0, 2, &l, &c);
  g_assert_cmpuint (l, ==, 3);
  g_assert_cmpuint (c, ==, 2);
  /* Not assessed: nothing after either, whatever was typed there. */
  vaern_risk_levels_after (0, 4, 2, 2, &l, &c);
  g_assert_cmpuint (l, ==, 0);
  g_assert_cmpuint (c, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vaern/risk-scale/presets", test_presets);
  g_test_add_func ("/vaern/risk-scale/custom", test_custom);
  g_test_add_func ("/vaern/risk-scale/validate", test_validate);
  g_test_add_func ("/vaern/risk-scale/mapping", test_mapping);
  g_test_add_func ("/vaern/risk-scale/levels-after", test_levels_after);

  return g_test_run ();
}
