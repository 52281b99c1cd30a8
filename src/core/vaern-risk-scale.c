/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vaern-core-error.h"
#include "vaern-risk-scale.h"

G_DEFINE_BOXED_TYPE (VaernRiskScale, vaern_risk_scale, vaern_risk_scale_copy,
                     vaern_risk_scale_free)

/* The presets. Labels are Danish: they become the organisation's data. */
typedef struct
{
  const char *key;
  const char *name;   /* translatable */
  guint       n_likelihood;
  guint       n_consequence;
  const char *likelihood[VAERN_SCALE_MAX_LEVELS][2];    /* label, description */
  const char *consequence[VAERN_SCALE_MAX_LEVELS][2];
  guint       n_bands;
  struct { const char *label; guint min_score; } bands[VAERN_SCALE_MAX_BANDS];
} Preset;

static const Preset presets[] = {
  {
    "dk-4x4", N_("Danish standard, 4 × 4"), 4, 4,
    {
      { "Usandsynligt", "Sker næppe; ingen kendte tilfælde her eller hos lignende myndigheder." },
      { "Mindre sandsynligt", "Kan ske, men sjældnere end hvert femte år." },
      { "Sandsynligt", "Kan ske inden for de næste par år." },
      { "Forventet", "Sker årligt eller oftere." },
    },
    {
      { "Ubetydelig", "Ingen mærkbar påvirkning af borgere, drift eller omdømme." },
      { "Mindre alvorlig", "Kortvarige gener; rettes inden for dage." },
      { "Meget alvorlig", "Væsentlige gener for borgere eller drift; brud på persondatasikkerheden." },
      { "Graverende", "Fare for liv og helbred, langvarigt nedbrud eller omfattende brud på fortroligheden." },
    },
    3, { { "Lav", 1 }, { "Middel", 5 }, { "Høj", 12 } },
  },
  {
    "kl-5x5", N_("Five bands, 5 × 5"), 5, 5,
    {
      { "Meget usandsynlig", "Sjældnere end hvert tiende år." },
      { "Usandsynlig", "Hvert femte til tiende år." },
      { "Mulig", "Hvert andet til femte år." },
      { "Sandsynlig", "Årligt." },
      { "Meget sandsynlig", "Flere gange om året." },
    },
    {
      { "Ubetydelig", "Ingen mærkbar påvirkning." },
      { "Mindre", "Begrænsede gener for få borgere eller medarbejdere." },
      { "Moderat", "Gener for mange, eller et mindre brud på persondatasikkerheden." },
      { "Alvorlig", "Væsentlig skade for borgere eller drift; anmeldelsespligtigt brud." },
      { "Kritisk", "Fare for liv og helbred, langvarigt nedbrud eller tab af tillid." },
    },
    5, { { "Meget lav", 1 }, { "Lav", 3 }, { "Middel", 5 }, { "Høj", 10 }, { "Meget høj", 17 } },
  },
  {
    "datatilsynet-4x4", N_("Datatilsynet, 4 × 4"), 4, 4,
    {
      { "Lav", "Det er usandsynligt, at truslen bliver til virkelighed." },
      { "Middel", "Det er muligt, at truslen bliver til virkelighed." },
      { "Høj", "Det er sandsynligt, at truslen bliver til virkelighed." },
      { "Meget høj", "Det er næsten sikkert, at truslen bliver til virkelighed." },
    },
    {
      { "Lav", "De registrerede mærker ingen eller små gener, som de let kommer over." },
      { "Middel", "De registrerede mærker gener, som de kommer over med en vis besvær." },
      { "Høj", "De registrerede mærker alvorlige følger, som de kun med stort besvær kommer over." },
      { "Meget høj", "De registrerede mærker betydelige eller uoprettelige følger." },
    },
    3, { { "Lav", 1 }, { "Middel", 3 }, { "Høj", 8 } },
  },
};

/* Level labels for custom sizes, from the lowest to the highest. */
static const char *const custom_likelihood[VAERN_SCALE_MAX_LEVELS - VAERN_SCALE_MIN_LEVELS + 1][VAERN_SCALE_MAX_LEVELS] = {
  { "Lav", "Middel", "Høj" },
  { "Usandsynligt", "Mindre sandsynligt", "Sandsynligt", "Forventet" },
  { "Meget usandsynligt", "Usandsynligt", "Muligt", "Sandsynligt", "Meget sandsynligt" },
  { "Næsten udelukket", "Meget usandsynligt", "Usandsynligt", "Muligt", "Sandsynligt", "Næsten sikkert" },
};

static const char *const custom_consequence[VAERN_SCALE_MAX_LEVELS - VAERN_SCALE_MIN_LEVELS + 1][VAERN_SCALE_MAX_LEVELS] = {
  { "Lav", "Middel", "Høj" },
  { "Ubetydelig", "Mindre alvorlig", "Meget alvorlig", "Graverende" },
  { "Ubetydelig", "Mindre", "Moderat", "Alvorlig", "Kritisk" },
  { "Ubetydelig", "Mindre", "Moderat", "Betydelig", "Alvorlig", "Katastrofal" },
};

/* Default colours by number of bands: green through yellow to red, and a
 * palette that people with red-green colour vision deficiency tell apart
 * (blue through yellow to vermilion, with falling lightness). */
static const char *const palette[VAERN_SCALE_MAX_BANDS - VAERN_SCALE_MIN_BANDS + 1][VAERN_SCALE_MAX_BANDS] = {
  { "#57e389", "#ed333b" },
  { "#57e389", "#f8e45c", "#ed333b" },
  { "#57e389", "#f8e45c", "#ffa348", "#ed333b" },
  { "#2ec27e", "#8ff0a4", "#f8e45c", "#ffa348", "#ed333b" },
  { "#2ec27e", "#8ff0a4", "#f8e45c", "#ffbe6f", "#ff7800", "#c01c28" },
};

static const char *const safe_palette[VAERN_SCALE_MAX_BANDS - VAERN_SCALE_MIN_BANDS + 1][VAERN_SCALE_MAX_BANDS] = {
  { "#56b4e9", "#d55e00" },
  { "#56b4e9", "#f0e442", "#d55e00" },
  { "#56b4e9", "#f0e442", "#e69f00", "#d55e00" },
  { "#0072b2", "#56b4e9", "#f0e442", "#e69f00", "#d55e00" },
  { "#0072b2", "#56b4e9", "#f0e442", "#e69f00", "#d55e00", "#993d00" },
};

const char *const *
vaern_risk_scale_preset_keys (void)
{
  static const char *keys[G_N_ELEMENTS (presets) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
      keys[i] = presets[i].key;
  return keys;
}

static const Preset *
find_preset (const char *key)
{
  for (guint i = 0; key && i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].key, key))
      return &presets[i];
  return NULL;
}

const char *
vaern_risk_scale_preset_name (const char *key)
{
  const Preset *preset = find_preset (key);

  return preset ? _(preset->name) : NULL;
}

const char *
vaern_risk_scale_default_color (guint    n_bands,
                                guint    band,
                                gboolean safe)
{
  g_return_val_if_fail (n_bands >= VAERN_SCALE_MIN_BANDS && n_bands <= VAERN_SCALE_MAX_BANDS,
                        "#808080");
  g_return_val_if_fail (band < n_bands, "#808080");

  return (safe ? safe_palette : palette)[n_bands - VAERN_SCALE_MIN_BANDS][band];
}

static void
set_band (VaernRiskScale *self,
          guint           i,
          const char     *label,
          guint           min_score)
{
  self->bands[i].label = g_strdup (label);
  self->bands[i].min_score = min_score;
  self->bands[i].color = g_strdup (vaern_risk_scale_default_color (self->n_bands, i, FALSE));
  self->bands[i].safe_color = g_strdup (vaern_risk_scale_default_color (self->n_bands, i, TRUE));
}

VaernRiskScale *
vaern_risk_scale_new_preset (const char *key)
{
  const Preset *preset = find_preset (key);
  VaernRiskScale *self;

  if (preset == NULL)
    return NULL;
  self = g_new0 (VaernRiskScale, 1);
  self->preset = g_strdup (preset->key);
  self->n_likelihood = preset->n_likelihood;
  self->n_consequence = preset->n_consequence;
  for (guint i = 0; i < preset->n_likelihood; i++)
    {
      self->likelihood_labels[i] = g_strdup (preset->likelihood[i][0]);
      self->likelihood_descriptions[i] = g_strdup (preset->likelihood[i][1]);
    }
  for (guint i = 0; i < preset->n_consequence; i++)
    {
      self->consequence_labels[i] = g_strdup (preset->consequence[i][0]);
      self->consequence_descriptions[i] = g_strdup (preset->consequence[i][1]);
    }
  self->n_bands = preset->n_bands;
  for (guint i = 0; i < preset->n_bands; i++)
    set_band (self, i, preset->bands[i].label, preset->bands[i].min_score);
  return self;
}

VaernRiskScale *
vaern_risk_scale_new_custom (guint n_likelihood,
                             guint n_consequence)
{
  VaernRiskScale *self;
  guint max;

  g_return_val_if_fail (n_likelihood >= VAERN_SCALE_MIN_LEVELS
                        && n_likelihood <= VAERN_SCALE_MAX_LEVELS, NULL);
  g_return_val_if_fail (n_consequence >= VAERN_SCALE_MIN_LEVELS
                        && n_consequence <= VAERN_SCALE_MAX_LEVELS, NULL);

  self = g_new0 (VaernRiskScale, 1);
  self->preset = g_strdup ("custom");
  self->n_likelihood = n_likelihood;
  self->n_consequence = n_consequence;
  for (guint i = 0; i < n_likelihood; i++)
    {
      self->likelihood_labels[i] = g_strdup (custom_likelihood[n_likelihood - VAERN_SCALE_MIN_LEVELS][i]);
      self->likelihood_descriptions[i] = g_strdup ("");
    }
  for (guint i = 0; i < n_consequence; i++)
    {
      self->consequence_labels[i] = g_strdup (custom_consequence[n_consequence - VAERN_SCALE_MIN_LEVELS][i]);
      self->consequence_descriptions[i] = g_strdup ("");
    }
  /* The 4 × 4 preset's bands start at 5/16 and 12/16 of the top score. */
  max = n_likelihood * n_consequence;
  self->n_bands = 3;
  set_band (self, 0, "Lav", 1);
  set_band (self, 1, "Middel", MAX (2, (guint) lround (max * 5.0 / 16.0)));
  set_band (self, 2, "Høj", MAX (self->bands[1].min_score + 1, (guint) lround (max * 12.0 / 16.0)));
  return self;
}

VaernRiskScale *
vaern_risk_scale_copy (const VaernRiskScale *self)
{
  VaernRiskScale *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (VaernRiskScale, 1);
  copy->preset = g_strdup (self->preset);
  copy->n_likelihood = self->n_likelihood;
  copy->n_consequence = self->n_consequence;
  for (guint i = 0; i < VAERN_SCALE_MAX_LEVELS; i++)
    {
      copy->likelihood_labels[i] = g_strdup (self->likelihood_labels[i]);
      copy->likelihood_descriptions[i] = g_strdup (self->likelihood_descriptions[i]);
      copy->consequence_labels[i] = g_strdup (self->consequence_labels[i]);
      copy->consequence_descriptions[i] = g_strdup (self->consequence_descriptions[i]);
    }
  copy->n_bands = self->n_bands;
  for (guint i = 0; i < VAERN_SCALE_MAX_BANDS; i++)
    {
      copy->bands[i].label = g_strdup (self->bands[i].label);
      copy->bands[i].min_score = self->bands[i].min_score;
      copy->bands[i].color = g_strdup (self->bands[i].color);
      copy->bands[i].safe_color = g_strdup (self->bands[i].safe_color);
    }
  return copy;
}

void
vaern_risk_scale_free (VaernRiskScale *self)
{
  if (self == NULL)
    return;
  g_free (self->preset);
  for (guint i = 0; i < VAERN_SCALE_MAX_LEVELS; i++)
    {
      g_free (self->likelihood_labels[i]);
      g_free (self->likelihood_descriptions[i]);
      g_free (self->consequence_labels[i]);
      g_free (self->consequence_descriptions[i]);
    }
  for (guint i = 0; i < VAERN_SCALE_MAX_BANDS; i++)
    {
      g_free (self->bands[i].label);
      g_free (self->bands[i].color);
      g_free (self->bands[i].safe_color);
    }
  g_free (self);
}

gboolean
vaern_risk_scale_equal (const VaernRiskScale *a,
                        const VaernRiskScale *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (g_strcmp0 (a->preset, b->preset) != 0 || a->n_likelihood != b->n_likelihood
      || a->n_consequence != b->n_consequence || a->n_bands != b->n_bands)
    return FALSE;
  for (guint i = 0; i < a->n_likelihood; i++)
    if (g_strcmp0 (a->likelihood_labels[i], b->likelihood_labels[i]) != 0
        || g_strcmp0 (a->likelihood_descriptions[i], b->likelihood_descriptions[i]) != 0)
      return FALSE;
  for (guint i = 0; i < a->n_consequence; i++)
    if (g_strcmp0 (a->consequence_labels[i], b->consequence_labels[i]) != 0
        || g_strcmp0 (a->consequence_descriptions[i], b->consequence_descriptions[i]) != 0)
      return FALSE;
  for (guint i = 0; i < a->n_bands; i++)
    if (g_strcmp0 (a->bands[i].label, b->bands[i].label) != 0
        || a->bands[i].min_score != b->bands[i].min_score
        || g_ascii_strcasecmp (a->bands[i].color ? a->bands[i].color : "",
                               b->bands[i].color ? b->bands[i].color : "") != 0
        || g_ascii_strcasecmp (a->bands[i].safe_color ? a->bands[i].safe_color : "",
                               b->bands[i].safe_color ? b->bands[i].safe_color : "") != 0)
      return FALSE;
  return TRUE;
}

static gboolean
is_color (const char *s)
{
  if (s == NULL || s[0] != '#' || strlen (s) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

gboolean
vaern_risk_scale_validate (const VaernRiskScale *self,
                           GError              **error)
{
  guint max;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n_likelihood < VAERN_SCALE_MIN_LEVELS || self->n_likelihood > VAERN_SCALE_MAX_LEVELS
      || self->n_consequence < VAERN_SCALE_MIN_LEVELS
      || self->n_consequence > VAERN_SCALE_MAX_LEVELS)
    {
      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                   /* Translators: %d and %d are the smallest and largest number of levels */
                   _("A risk scale has from %d to %d levels of likelihood and of consequence."),
                   VAERN_SCALE_MIN_LEVELS, VAERN_SCALE_MAX_LEVELS);
      return FALSE;
    }
  for (guint i = 0; i < self->n_likelihood; i++)
    if (blank (self->likelihood_labels[i]))
      {
        g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                     /* Translators: %u is a level number */
                     _("Likelihood level %u needs a name."), i + 1);
        return FALSE;
      }
  for (guint i = 0; i < self->n_consequence; i++)
    if (blank (self->consequence_labels[i]))
      {
        g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                     /* Translators: %u is a level number */
                     _("Consequence level %u needs a name."), i + 1);
        return FALSE;
      }
  if (self->n_bands < VAERN_SCALE_MIN_BANDS || self->n_bands > VAERN_SCALE_MAX_BANDS)
    {
      g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                   /* Translators: %d and %d are the smallest and largest number of bands */
                   _("A risk scale has from %d to %d bands."),
                   VAERN_SCALE_MIN_BANDS, VAERN_SCALE_MAX_BANDS);
      return FALSE;
    }
  max = self->n_likelihood * self->n_consequence;
  for (guint i = 0; i < self->n_bands; i++)
    {
      const VaernRiskBand *band = &self->bands[i];

      if (blank (band->label))
        {
          g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                       /* Translators: %u is a band number */
                       _("Band %u needs a name."), i + 1);
          return FALSE;
        }
      if (i == 0 && band->min_score != 1)
        {
          g_set_error_literal (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                               _("The lowest band must start at score 1."));
          return FALSE;
        }
      if (i > 0 && (band->min_score <= self->bands[i - 1].min_score || band->min_score > max))
        {
          g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                       /* Translators: %s is a band's name, %u the highest score of the scale */
                       _("Band “%s” must start above the band below it and at most at %u."),
                       band->label, max);
          return FALSE;
        }
      if (!is_color (band->color) || !is_color (band->safe_color))
        {
          g_set_error (error, VAERN_CORE_ERROR, VAERN_CORE_ERROR_INVALID,
                       /* Translators: %s is a band's name */
                       _("The colours of band “%s” must be written as #rrggbb."), band->label);
          return FALSE;
        }
    }
  return TRUE;
}

guint
vaern_risk_scale_max_score (const VaernRiskScale *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_likelihood * self->n_consequence;
}

guint
vaern_risk_scale_score (const VaernRiskScale *self,
                        guint                 likelihood,
                        guint                 consequence)
{
  g_return_val_if_fail (self != NULL, 0);

  if (likelihood == 0 || consequence == 0)
    return 0;
  return MIN (likelihood, self->n_likelihood) * MIN (consequence, self->n_consequence);
}

int
vaern_risk_scale_band_for_score (const VaernRiskScale *self,
                                 guint                 score)
{
  g_return_val_if_fail (self != NULL, -1);

  if (score == 0 || self->n_bands == 0)
    return -1;
  for (guint i = self->n_bands; i > 0; i--)
    if (score >= self->bands[i - 1].min_score)
      return i - 1;
  return 0;
}

int
vaern_risk_scale_band (const VaernRiskScale *self,
                       guint                 likelihood,
                       guint                 consequence)
{
  return vaern_risk_scale_band_for_score (self,
                                          vaern_risk_scale_score (self, likelihood, consequence));
}

guint
vaern_risk_scale_band_max_score (const VaernRiskScale *self,
                                 guint                 band)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (band < self->n_bands, 0);

  if (band + 1 < self->n_bands)
    return self->bands[band + 1].min_score - 1;
  return vaern_risk_scale_max_score (self);
}

const char *
vaern_risk_scale_band_color (const VaernRiskScale *self,
                             guint                 band,
                             gboolean              safe)
{
  g_return_val_if_fail (self != NULL, "#808080");
  g_return_val_if_fail (band < self->n_bands, "#808080");

  return safe ? self->bands[band].safe_color : self->bands[band].color;
}

guint
vaern_risk_scale_map_level (guint level,
                            guint old_n,
                            guint new_n)
{
  g_return_val_if_fail (old_n >= 2 && new_n >= 2, level);

  if (level == 0)
    return 0;
  level = MIN (level, old_n);
  /* Integer arithmetic rounding half up, so the mapping is the same on every machine. */
  return 1 + ((level - 1) * (new_n - 1) * 2 + (old_n - 1)) / (2 * (old_n - 1));
}

gboolean
vaern_risk_scale_needs_mapping (const VaernRiskScale *old_scale,
                                const VaernRiskScale *new_scale)
{
  g_return_val_if_fail (old_scale != NULL && new_scale != NULL, FALSE);

  return old_scale->n_likelihood != new_scale->n_likelihood
         || old_scale->n_consequence != new_scale->n_consequence;
}

guint
vaern_risk_consequence (guint confidentiality,
                        guint integrity,
                        guint availability)
{
  return MAX (confidentiality, MAX (integrity, availability));
}

void
vaern_risk_levels_after (guint  likelihood,
                         guint  consequence,
                         guint  residual_likelihood,
                         guint  residual_consequence,
                         guint *after_likelihood,
                         guint *after_consequence)
{
  if (likelihood == 0)
    {
      *after_likelihood = *after_consequence = 0;
      return;
    }
  *after_likelihood = residual_likelihood ? residual_likelihood : likelihood;
  *after_consequence = residual_consequence ? residual_consequence : consequence;
}
