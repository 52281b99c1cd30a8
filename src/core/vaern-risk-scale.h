/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A risk scale: how many levels of likelihood and of consequence there are,
 * what each level is called and means, and the bands the scores fall in.
 *
 * score = likelihood × consequence, with levels counted from 1; a level of 0
 * means "not assessed" and gives score 0 and no band. Bands are ordered from
 * low to high and contiguous: band 0 starts at score 1, band i ends where
 * band i + 1 starts, the last ends at the highest score.
 *
 * The preset level and band labels are Danish: they are the words of the
 * organisation's document, not of the window, and are stored in it. */

#define VAERN_SCALE_MIN_LEVELS 3
#define VAERN_SCALE_MAX_LEVELS 6
#define VAERN_SCALE_MIN_BANDS  2
#define VAERN_SCALE_MAX_BANDS  6

typedef struct
{
  char  *label;        /* "Lav" */
  guint  min_score;    /* the lowest score in the band */
  char  *color;        /* "#rrggbb", the ordinary palette */
  char  *safe_color;   /* "#rrggbb", the colour-blind-safe palette */
} VaernRiskBand;

typedef struct
{
  char          *preset;          /* a preset key, or "custom" */
  guint          n_likelihood;    /* VAERN_SCALE_MIN_LEVELS … _MAX_LEVELS */
  guint          n_consequence;
  char          *likelihood_labels[VAERN_SCALE_MAX_LEVELS];        /* level l at [l - 1] */
  char          *likelihood_descriptions[VAERN_SCALE_MAX_LEVELS];
  char          *consequence_labels[VAERN_SCALE_MAX_LEVELS];
  char          *consequence_descriptions[VAERN_SCALE_MAX_LEVELS];
  guint          n_bands;         /* VAERN_SCALE_MIN_BANDS … _MAX_BANDS */
  VaernRiskBand  bands[VAERN_SCALE_MAX_BANDS];
} VaernRiskScale;

#define VAERN_TYPE_RISK_SCALE (vaern_risk_scale_get_type ())
GType           vaern_risk_scale_get_type      (void) G_GNUC_CONST;

/* The presets: "dk-4x4" (the Danish standard 4 × 4 with three bands, the
 * default), "kl-5x5" (a five-band variant on 5 × 5) and "datatilsynet-4x4"
 * (the levels Datatilsynet's guidance uses). NULL-terminated. */
const char *const *vaern_risk_scale_preset_keys (void);
/* The preset's name for a person, translated. NULL if unknown. */
const char     *vaern_risk_scale_preset_name   (const char           *key);
/* A new scale from a preset; NULL if the key is unknown. */
VaernRiskScale *vaern_risk_scale_new_preset    (const char           *key);
/* A custom scale of any size in range, with Danish labels for its levels,
 * three bands (low, medium, high) at thresholds proportional to the
 * 4 × 4 preset's, and the default colours. */
VaernRiskScale *vaern_risk_scale_new_custom    (guint                 n_likelihood,
                                                guint                 n_consequence);
VaernRiskScale *vaern_risk_scale_copy          (const VaernRiskScale *self);
void            vaern_risk_scale_free          (VaernRiskScale       *self);
gboolean        vaern_risk_scale_equal         (const VaernRiskScale *a,
                                                const VaernRiskScale *b);

/* Checks sizes, labels (not empty), band order and range and colours.
 * VAERN_CORE_ERROR_INVALID with a sentence a person can act on. */
gboolean        vaern_risk_scale_validate      (const VaernRiskScale *self,
                                                GError              **error);

guint           vaern_risk_scale_max_score     (const VaernRiskScale *self);
/* 0 when either level is 0; levels above the scale's size are clamped. */
guint           vaern_risk_scale_score         (const VaernRiskScale *self,
                                                guint                 likelihood,
                                                guint                 consequence);
/* The band of a score, or -1 for score 0. */
int             vaern_risk_scale_band_for_score (const VaernRiskScale *self,
                                                 guint                 score);
/* The band of a cell, or -1 when either level is 0. */
int             vaern_risk_scale_band          (const VaernRiskScale *self,
                                                guint                 likelihood,
                                                guint                 consequence);
/* The highest score of band i. */
guint           vaern_risk_scale_band_max_score (const VaernRiskScale *self,
                                                 guint                 band);
/* The colour of band i ("#rrggbb") in the chosen palette. */
const char     *vaern_risk_scale_band_color    (const VaernRiskScale *self,
                                                guint                 band,
                                                gboolean              safe_palette);
/* The default colours for band i of n, in both palettes. */
const char     *vaern_risk_scale_default_color (guint                 n_bands,
                                                guint                 band,
                                                gboolean              safe_palette);

/* Rescaling: a level on a scale of old_n levels to the level on a scale
 * of new_n that sits at the same place (1 stays 1, the top stays the top,
 * the rest proportionally, rounded to the nearest). 0 stays 0. */
guint           vaern_risk_scale_map_level     (guint                 level,
                                                guint                 old_n,
                                                guint                 new_n);
/* Whether changing from old to new moves levels (the sizes differ). */
gboolean        vaern_risk_scale_needs_mapping (const VaernRiskScale *old_scale,
                                                const VaernRiskScale *new_scale);

/* The rules of a risk's levels, the same in the store and in the editor:
 * the consequence is the highest of confidentiality, integrity and
 * availability; after treatment the residual levels count where they are
 * set and the levels before treatment where not; a risk without a
 * likelihood is not assessed and has no levels after treatment either. */
guint           vaern_risk_consequence         (guint                 confidentiality,
                                                guint                 integrity,
                                                guint                 availability);
void            vaern_risk_levels_after        (guint                 likelihood,
                                                guint                 consequence,
                                                guint                 residual_likelihood,
                                                guint                 residual_consequence,
                                                guint                *after_likelihood,
                                                guint                *after_consequence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VaernRiskScale, vaern_risk_scale_free)

G_END_DECLS
