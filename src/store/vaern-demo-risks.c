/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/vaern-date.h"
#include "vaern-document-private.h"

/* Risk assessments for the sample documents: scenarios built from the
 * threat catalogue, fitted to each asset (an archive burns, a laptop is
 * stolen, a system with CPR numbers is looked up without need), with
 * levels spread the way real assessments spread, treatments that follow
 * from the levels, and residual levels after the planned measures. The
 * same document always gets the same risks. */

typedef enum
{
  FOR_SYSTEM    = 1 << 0,
  FOR_EQUIPMENT = 1 << 1,
  FOR_PLACES    = 1 << 2,   /* premises and archives */
  FOR_PERSONAL  = 1 << 3,   /* only where personal data is processed */
} Fit;

typedef struct
{
  const char *threat;       /* the catalogue name */
  const char *title;        /* "%s" is the asset's name, if present */
  Fit         fit;
  guint       likelihood;   /* on the 4-step scale */
  guint       c, i, a;
  const char *measures;
  const char *controls;     /* Annex A 2022, space-separated */
} Scenario;

static const Scenario scenarios[] = {
  { "Ransomware", "Ransomware krypterer data i %s", FOR_SYSTEM, 3, 2, 3, 4,
    "Offline-backup, segmenteret netværk og EDR på servere og klienter.", "8.7 8.13 8.22" },
  { "Phishing og social manipulation", "Adgangskoder til %s lokkes ud via phishing", FOR_SYSTEM,
    3, 3, 2, 1, "To-faktor-login og løbende awareness-træning.", "6.3 8.5" },
  { "E-mail til forkert modtager", "Oplysninger fra %s sendes til forkert modtager",
    FOR_SYSTEM | FOR_PERSONAL, 3, 3, 1, 1,
    "Sikker e-mail, autofuldførelse slået fra og klar retningslinje.", "5.14 6.3" },
  { "Uautoriseret adgang til personoplysninger", "Opslag i %s uden arbejdsbetinget behov",
    FOR_SYSTEM | FOR_PERSONAL, 2, 4, 1, 1,
    "Logning af opslag og månedlig stikprøvekontrol.", "5.15 8.15 8.16" },
  { "For brede eller forældede rettigheder", "Rettigheder til %s fjernes ikke ved fratrædelse",
    FOR_SYSTEM, 3, 3, 2, 1, "Kvartalsvis gennemgang af brugere og rettigheder.", "5.18 5.15" },
  { "Fejlende backup og genetablering", "Data i %s kan ikke genetableres efter nedbrud",
    FOR_SYSTEM, 2, 1, 3, 4, "Årlig test af genetablering med leverandøren.", "8.13 5.30" },
  { "Svigt hos leverandør eller underdatabehandler",
    "Leverandøren af %s overholder ikke databehandleraftalen", FOR_SYSTEM | FOR_PERSONAL, 2, 3,
    2, 2, "Årligt tilsyn på grundlag af revisionserklæring.", "5.19 5.20 5.22" },
  { "Nedbrud i fællesoffentlig infrastruktur", "%s kan ikke bruges, når MitID eller NemLog-in er nede",
    FOR_SYSTEM, 3, 1, 1, 3, "Manuel nødprocedure og besked til borgerne ved nedbrud.", "5.29 5.30" },
  { "Softwarefejl", "Fejl i en opdatering af %s giver forkerte data", FOR_SYSTEM, 3, 1, 3, 3,
    "Test af opdateringer i testmiljø før idriftsættelse.", "8.32 8.29" },
  { "Udnyttelse af sårbarheder", "Kendt sårbarhed i %s udnyttes", FOR_SYSTEM, 2, 3, 3, 3,
    "Månedlig sårbarhedsscanning og opdatering inden for 14 dage.", "8.8" },
  { "Misbrug af rettigheder (insider)", "Administrator misbruger adgang til %s",
    FOR_SYSTEM | FOR_PERSONAL, 1, 4, 3, 2, "Funktionsadskillelse og logning af administratorer.",
    "5.3 8.2 8.15" },
  { "Strømsvigt", "Strømsvigt stopper %s", FOR_SYSTEM, 2, 1, 1, 3,
    "UPS og nødstrømsaggregat i datacentret.", "7.11" },
  { "Tyveri eller tab af udstyr", "%s med data bliver stjålet eller glemt", FOR_EQUIPMENT, 3, 3, 1, 2,
    "Diskkryptering og fjernsletning.", "8.1 7.9 8.24" },
  { "Skadelig software", "Skadelig software på %s", FOR_EQUIPMENT, 3, 2, 2, 2,
    "Antivirus, opdateringer og begrænsede administratorrettigheder.", "8.7 8.2" },
  { "Bortskaffelse uden sikker sletning", "%s kasseres uden sikker sletning", FOR_EQUIPMENT, 2, 3,
    1, 1, "Certificeret sletning ved kassation.", "7.14 8.10" },
  { "Brand", "Brand i %s", FOR_PLACES, 1, 1, 4, 4, "Brandsikring, røgalarmer og brandsektioner.",
    "7.5" },
  { "Vandskade og oversvømmelse", "Vandskade i %s", FOR_PLACES, 2, 1, 3, 3,
    "Hævet opbevaring og fugtalarm.", "7.5 7.8" },
  { "Uautoriseret fysisk adgang", "Uvedkommende får adgang til %s", FOR_PLACES, 2, 3, 2, 1,
    "Adgangskort, logning og aflåste rum.", "7.1 7.2 7.3" },
};

typedef struct
{
  guint32 state;
} Random;

static guint
next (Random *r,
      guint   n)
{
  r->state = r->state * 1664525u + 1013904223u;
  return (r->state >> 8) % n;
}

static Fit
fit_of (VaernAssetKind kind)
{
  switch (kind)
    {
    case VAERN_ASSET_KIND_SYSTEM:
      return FOR_SYSTEM;
    case VAERN_ASSET_KIND_EQUIPMENT:
    case VAERN_ASSET_KIND_OTHER:
      return FOR_EQUIPMENT;
    case VAERN_ASSET_KIND_PREMISES:
    case VAERN_ASSET_KIND_ARCHIVE:
    default:
      return FOR_PLACES;
    }
}

/* A level on the 4-step scale moved a step up or down now and then, and
 * carried over to the document's scale. */
static guint
vary (Random *r,
      guint   level,
      guint   n)
{
  int v = (int) level;
  guint roll = next (r, 10);

  if (roll == 0)
    v--;
  else if (roll == 9)
    v++;
  v = CLAMP (v, 1, 4);
  return vaern_risk_scale_map_level ((guint) v, 4, n);
}

static char *
date_in (guint year,
         guint days)
{
  GDate date;
  char buf[16];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
  g_date_add_days (&date, days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  return g_strdup (buf);
}

typedef struct
{
  gint64            id;
  VaernAssetKind    kind;
  char             *name;
  VaernPersonalData personal_data;
  gint64            owner_id;
} AssetRow;

static void
asset_row_clear (gpointer data)
{
  g_free (((AssetRow *) data)->name);
}

/* The assets and their owners, straight from the file: the lists are not
 * refreshed inside the batch that makes a sample document. */
static GArray *
load_asset_rows (VaernDocument *self,
                 gboolean       retired_too)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (AssetRow));
  VaernDbStmt *stmt = doc_prepare (self,
    "SELECT a.id, a.kind, a.name, a.personal_data,"
    "       (SELECT x.person_id FROM assignment x JOIN role r ON r.id = x.role_id"
    "         WHERE x.asset_id = a.id AND x.to_date IS NULL AND r.single = 1 LIMIT 1)"
    "  FROM asset a WHERE ?1 OR a.lifecycle <> 'retired' ORDER BY a.id", NULL);

  g_array_set_clear_func (rows, asset_row_clear);
  if (stmt == NULL)
    return rows;
  vaern_db_bind_int (stmt, 1, retired_too);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      AssetRow row = { 0 };

      row.id = vaern_db_column_int (stmt, 0);
      row.kind = doc_column_enum (stmt, 1, &vaern_enum_asset_kind);
      row.name = doc_column_dup (stmt, 2);
      row.personal_data = doc_column_enum (stmt, 3, &vaern_enum_personal_data);
      row.owner_id = vaern_db_column_int (stmt, 4);
      g_array_append_val (rows, row);
    }
  vaern_db_reset (stmt);
  return rows;
}

static gint64
threat_id (VaernDocument *self,
           const char    *name)
{
  VaernDbStmt *stmt = doc_prepare (self, "SELECT id FROM threat WHERE name = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  doc_bind_text (stmt, 1, name);
  if (vaern_db_step (stmt) == VAERN_DB_ROW)
    id = vaern_db_column_int (stmt, 0);
  vaern_db_reset (stmt);
  return id;
}

static VaernRisk *
make_risk (const AssetRow       *asset,
           const Scenario       *s,
           gint64                threat,
           const VaernRiskScale *scale,
           Random               *r)
{
  VaernRisk *risk = vaern_risk_new ();
  guint nl = scale->n_likelihood, nc = scale->n_consequence;
  int band;
  guint day = next (r, 600);

  risk->asset_id = asset->id;
  risk->threat_id = threat;
  risk->title = strstr (s->title, "%s") ? g_strdup_printf (s->title, asset->name)
                                         : g_strdup (s->title);
  risk->likelihood = vary (r, s->likelihood, nl);
  risk->consequence_c = vary (r, s->c + (asset->personal_data >= VAERN_PERSONAL_DATA_SENSITIVE
                                         && s->c >= 3 ? 1 : 0), nc);
  risk->consequence_i = vary (r, s->i, nc);
  risk->consequence_a = vary (r, s->a, nc);
  risk->owner_id = asset->owner_id;
  /* Assessed between March 2025 and late 2026; reviewed a year later, so
   * some reviews are overdue today. */
  risk->assessed_on = date_in (2025, 60 + day);
  risk->review_date = date_in (2026, 60 + day);
  risk->controls = *s->controls ? g_strsplit (s->controls, " ", -1) : g_new0 (char *, 1);

  band = vaern_risk_scale_band (scale, risk->likelihood,
                                MAX (risk->consequence_c, MAX (risk->consequence_i,
                                                                risk->consequence_a)));
  if (band <= 0 || *s->measures == '\0')
    {
      risk->treatment = VAERN_TREATMENT_ACCEPT;
      risk->accepted_by = g_strdup ("Direktionen");
      risk->accepted_on = date_in (2025, 90 + day);
    }
  else
    {
      guint cons = MAX (risk->consequence_c, MAX (risk->consequence_i, risk->consequence_a));

      risk->treatment = next (r, 12) == 0 ? VAERN_TREATMENT_SHARE : VAERN_TREATMENT_REDUCE;
      risk->measures = g_strdup (s->measures);
      /* The measures lower the likelihood, and sometimes the consequence. */
      risk->residual_likelihood = MAX (1, (int) risk->likelihood - 1 - (int) next (r, 2));
      risk->residual_consequence = next (r, 3) == 0 && cons > 1 ? cons - 1 : cons;
      /* Half the treated risks have had their residual risk accepted. */
      if (next (r, 2) == 0)
        {
          risk->accepted_by = g_strdup (next (r, 3) == 0 ? "Informationssikkerhedsudvalget"
                                                          : "Direktionen");
          risk->accepted_on = date_in (2025, 120 + day);
        }
    }
  risk->description = g_strdup_printf ("Vurderet ud fra truslen “%s” i trusselskataloget, "
                                       "som den rammer %s.", s->threat, asset->name);
  return risk;
}

/* Adds min … max risks to every asset in use (none to every skip-th asset,
 * which stays unassessed). With skip 0, every asset gets them, retired
 * ones too (for the large document's round numbers). */
gboolean
doc_add_sample_risks (VaernDocument *self,
                      guint          min,
                      guint          max,
                      guint          skip,
                      guint32        seed,
                      GError       **error)
{
  g_autoptr(GArray) assets = load_asset_rows (self, skip == 0);
  const VaernRiskScale *scale = vaern_document_get_scale (self);
  gint64 threats[G_N_ELEMENTS (scenarios)];
  Random r = { seed };

  for (guint k = 0; k < G_N_ELEMENTS (scenarios); k++)
    threats[k] = threat_id (self, scenarios[k].threat);

  for (guint i = 0; i < assets->len; i++)
    {
      const AssetRow *asset = &g_array_index (assets, AssetRow, i);
      Fit fit = fit_of (asset->kind);
      guint want = min + (max > min ? next (&r, max - min + 1) : 0);
      guint start = next (&r, G_N_ELEMENTS (scenarios));
      guint added = 0;

      if (skip > 0 && i % skip == skip - 1)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (scenarios) && added < want; k++)
        {
          const Scenario *s = &scenarios[(start + k) % G_N_ELEMENTS (scenarios)];
          g_autoptr(VaernRisk) risk = NULL;

          if (!(s->fit & fit))
            continue;
          if ((s->fit & FOR_PERSONAL) && asset->personal_data == VAERN_PERSONAL_DATA_NONE)
            continue;
          risk = make_risk (asset, s, threats[(start + k) % G_N_ELEMENTS (scenarios)], scale, &r);
          if (vaern_document_add_risk (self, risk, error) == 0)
            return FALSE;
          added++;
        }
      /* Few scenarios fit other assets; more of the same kind are told
       * apart by a number. */
      for (guint n = 2; added < want; n++)
        for (guint k = 0; k < G_N_ELEMENTS (scenarios) && added < want; k++)
          {
            const Scenario *s = &scenarios[k];
            g_autoptr(VaernRisk) risk = NULL;
            char *numbered;

            if (!(s->fit & fit))
              continue;
            risk = make_risk (asset, s, threats[k], scale, &r);
            numbered = g_strdup_printf ("%s (%u)", risk->title, n);
            g_free (risk->title);
            risk->title = numbered;
            if (vaern_document_add_risk (self, risk, error) == 0)
              return FALSE;
            added++;
          }
    }
  return TRUE;
}
