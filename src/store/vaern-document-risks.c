/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "core/vaern-catalogue.h"
#include "core/vaern-date.h"
#include "vaern-document-private.h"

/* The risk part of the document: the risk scale (one row in `scale`, its
 * levels and bands), the threat catalogue and the risks with the Annex A
 * controls that treat them. */

/* The threat catalogue a new document starts with: what a Danish public
 * body meets, in Danish, by category. Users edit and add to it. */
static const struct
{
  const char *category;
  const char *name;
  const char *description;
} builtin_threats[] = {
  { "Ondsindede angreb", "Ransomware",
    "Skadelig software krypterer data og systemer og kræver løsepenge; data kan også blive lækket." },
  { "Ondsindede angreb", "Phishing og social manipulation",
    "Medarbejdere narres til at afgive adgangskoder, åbne skadelige filer eller godkende betalinger." },
  { "Ondsindede angreb", "Direktørsvindel (CEO-fraud)",
    "Falske henvendelser i en leders navn får medarbejdere til at overføre penge eller udlevere data." },
  { "Ondsindede angreb", "Overbelastningsangreb (DDoS)",
    "Tjenester på internettet, fx selvbetjening og hjemmeside, gøres utilgængelige af massiv trafik." },
  { "Ondsindede angreb", "Udnyttelse af sårbarheder",
    "En kendt, ikke-rettet sårbarhed i software eller udstyr udnyttes til at trænge ind." },
  { "Ondsindede angreb", "Skadelig software",
    "Virus, trojanere eller spyware kommer ind via e-mail, web eller USB-medier." },
  { "Ondsindede angreb", "Kompromitterede adgangskoder",
    "Lækkede eller gættede adgangskoder bruges til at logge ind som en medarbejder." },
  { "Uautoriseret adgang og misbrug", "Uautoriseret adgang til personoplysninger",
    "Personer uden arbejdsbetinget behov slår op i eller ser oplysninger om borgere." },
  { "Uautoriseret adgang og misbrug", "Misbrug af rettigheder (insider)",
    "En medarbejder eller konsulent bruger sine rettigheder til formål, der ikke er tjenstlige." },
  { "Uautoriseret adgang og misbrug", "For brede eller forældede rettigheder",
    "Rettigheder fjernes ikke ved jobskifte eller fratrædelse, eller tildeles bredere end nødvendigt." },
  { "Uautoriseret adgang og misbrug", "Manglende logning og opfølgning",
    "Opslag og ændringer logges ikke eller kontrolleres ikke, så misbrug ikke opdages." },
  { "Menneskelige fejl", "E-mail til forkert modtager",
    "Fortrolige eller følsomme oplysninger sendes til en forkert modtager eller ukrypteret." },
  { "Menneskelige fejl", "Fejlagtig indtastning eller sletning",
    "Data registreres forkert, overskrives eller slettes ved en fejl." },
  { "Menneskelige fejl", "Fejlkonfiguration",
    "Forkerte indstillinger åbner for adgang eller får systemet til at fejle." },
  { "Menneskelige fejl", "Manglende viden om regler og procedurer",
    "Medarbejdere kender ikke retningslinjerne for informationssikkerhed og handler derfor forkert." },
  { "Menneskelige fejl", "Deling af data uden hjemmel",
    "Oplysninger videregives til andre myndigheder eller private uden lovligt grundlag." },
  { "Tekniske fejl", "Softwarefejl",
    "Fejl i systemet eller i en opdatering giver forkerte resultater eller nedbrud." },
  { "Tekniske fejl", "Hardwarefejl",
    "Servere, lagerenheder eller netværksudstyr svigter." },
  { "Tekniske fejl", "Fejlende backup og genetablering",
    "Sikkerhedskopier mangler, er ufuldstændige eller kan ikke genetableres i tide." },
  { "Tekniske fejl", "Netværksudfald",
    "Forbindelsen til systemet, leverandøren eller internettet falder ud." },
  { "Tekniske fejl", "Forældede systemer uden sikkerhedsopdateringer",
    "Systemer, som leverandøren ikke længere vedligeholder, kan ikke rettes for sårbarheder." },
  { "Leverandører og forsyning", "Leverandørens konkurs eller ophør",
    "Leverandøren af systemet eller driften ophører, og data eller drift er svære at flytte." },
  { "Leverandører og forsyning", "Svigt hos leverandør eller underdatabehandler",
    "En leverandør eller dennes underleverandør overholder ikke aftalen eller rammes af et brud." },
  { "Leverandører og forsyning", "Nedbrud i fællesoffentlig infrastruktur",
    "Fælles løsninger som MitID, NemLog-in, Digital Post eller Serviceplatformen er utilgængelige." },
  { "Leverandører og forsyning", "Strømsvigt",
    "Strømforsyningen til datacenter, bygninger eller udstyr svigter." },
  { "Leverandører og forsyning", "Overførsel af data til usikre tredjelande",
    "Personoplysninger behandles i et land uden tilstrækkeligt beskyttelsesniveau." },
  { "Fysiske hændelser", "Brand",
    "Brand i bygninger, serverrum eller arkiver ødelægger udstyr og papir." },
  { "Fysiske hændelser", "Vandskade og oversvømmelse",
    "Skybrud, rørbrud eller oversvømmelse rammer serverrum, arkiver eller kontorer." },
  { "Fysiske hændelser", "Tyveri eller tab af udstyr",
    "Bærbare computere, telefoner eller USB-medier med data bliver stjålet eller glemt." },
  { "Fysiske hændelser", "Uautoriseret fysisk adgang",
    "Uvedkommende kommer ind i bygninger, serverrum eller arkiver." },
  { "Fysiske hændelser", "Bortskaffelse uden sikker sletning",
    "Kasseret udstyr eller papir bortskaffes, uden at data er slettet eller makuleret." },
};

void
doc_risks_init (VaernDocument *self)
{
  self->threats = g_list_store_new (VAERN_TYPE_THREAT);
  self->risks = g_list_store_new (VAERN_TYPE_RISK);
  self->scale = vaern_risk_scale_new_preset ("dk-4x4");
}

void
doc_risks_dispose (VaernDocument *self)
{
  g_clear_object (&self->threats);
  g_clear_object (&self->risks);
  g_clear_pointer (&self->scale, vaern_risk_scale_free);
}

/* The scale */

static VaernRiskScale *
load_scale (VaernDocument *self)
{
  g_autoptr(VaernRiskScale) scale = NULL;
  VaernDbStmt *stmt = doc_prepare (self,
                                    "SELECT preset, n_likelihood, n_consequence FROM scale",
                                    NULL);

  if (stmt == NULL || vaern_db_step (stmt) != VAERN_DB_ROW)
    {
      if (stmt)
        vaern_db_reset (stmt);
      return NULL;
    }
  scale = g_new0 (VaernRiskScale, 1);
  scale->preset = doc_column_dup (stmt, 0);
  scale->n_likelihood = CLAMP (vaern_db_column_int (stmt, 1), VAERN_SCALE_MIN_LEVELS,
                               VAERN_SCALE_MAX_LEVELS);
  scale->n_consequence = CLAMP (vaern_db_column_int (stmt, 2), VAERN_SCALE_MIN_LEVELS,
                                VAERN_SCALE_MAX_LEVELS);
  vaern_db_reset (stmt);

  stmt = doc_prepare (self, "SELECT axis, level, label, description FROM scale_level", NULL);
  if (stmt == NULL)
    return NULL;
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      gboolean likelihood = g_strcmp0 (vaern_db_column_text (stmt, 0, NULL),
                                       "likelihood") == 0;
      int level = vaern_db_column_int (stmt, 1);
      char **labels = likelihood ? scale->likelihood_labels : scale->consequence_labels;
      char **descriptions = likelihood ? scale->likelihood_descriptions
                                       : scale->consequence_descriptions;

      if (level < 1 || level > VAERN_SCALE_MAX_LEVELS)
        continue;
      g_free (labels[level - 1]);
      labels[level - 1] = doc_column_dup (stmt, 2);
      g_free (descriptions[level - 1]);
      descriptions[level - 1] = doc_column_dup (stmt, 3);
    }
  vaern_db_reset (stmt);

  stmt = doc_prepare (self,
                      "SELECT label, min_score, color, safe_color FROM scale_band"
                      " ORDER BY position", NULL);
  if (stmt == NULL)
    return NULL;
  while (vaern_db_step (stmt) == VAERN_DB_ROW && scale->n_bands < VAERN_SCALE_MAX_BANDS)
    {
      VaernRiskBand *band = &scale->bands[scale->n_bands++];

      band->label = doc_column_dup (stmt, 0);
      band->min_score = vaern_db_column_int (stmt, 1);
      band->color = doc_column_dup (stmt, 2);
      band->safe_color = doc_column_dup (stmt, 3);
    }
  vaern_db_reset (stmt);

  /* A level without a row gets its number, so nothing is drawn blank. */
  for (guint i = 0; i < scale->n_likelihood; i++)
    if (scale->likelihood_labels[i] == NULL)
      scale->likelihood_labels[i] = g_strdup_printf ("%u", i + 1);
  for (guint i = 0; i < scale->n_consequence; i++)
    if (scale->consequence_labels[i] == NULL)
      scale->consequence_labels[i] = g_strdup_printf ("%u", i + 1);
  if (scale->n_bands < VAERN_SCALE_MIN_BANDS)
    return NULL;
  return g_steal_pointer (&scale);
}

/* Writes the scale's rows, changing only the rows that differ so the
 * change log shows what changed. */
static gboolean
write_scale (VaernDocument        *self,
             const VaernRiskScale *scale,
             GError              **error)
{
  VaernDbStmt *stmt;

  stmt = doc_prepare (self,
                      "INSERT INTO scale (id, preset, n_likelihood, n_consequence)"
                      " VALUES (1, ?1, ?2, ?3) ON CONFLICT (id) DO UPDATE SET"
                      " preset = ?1, n_likelihood = ?2, n_consequence = ?3"
                      " WHERE scale.preset IS DISTINCT FROM ?1 OR scale.n_likelihood IS DISTINCT FROM ?2"
                      "    OR scale.n_consequence IS DISTINCT FROM ?3", error);
  if (stmt == NULL)
    return FALSE;
  doc_bind_text (stmt, 1, scale->preset ? scale->preset : "custom");
  vaern_db_bind_int (stmt, 2, scale->n_likelihood);
  vaern_db_bind_int (stmt, 3, scale->n_consequence);
  if (!doc_step_done (self, stmt, error))
    return FALSE;

  for (guint axis = 0; axis < 2; axis++)
    {
      const char *name = axis == 0 ? "likelihood" : "consequence";
      guint n = axis == 0 ? scale->n_likelihood : scale->n_consequence;
      char *const *labels = axis == 0 ? scale->likelihood_labels : scale->consequence_labels;
      char *const *descriptions = axis == 0 ? scale->likelihood_descriptions
                                            : scale->consequence_descriptions;

      stmt = doc_prepare (self, "DELETE FROM scale_level WHERE axis = ? AND level > ?", error);
      if (stmt == NULL)
        return FALSE;
      doc_bind_text (stmt, 1, name);
      vaern_db_bind_int (stmt, 2, n);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *label = g_strstrip (g_strdup (labels[i] ? labels[i] : ""));

          stmt = doc_prepare (self,
                              "INSERT INTO scale_level (axis, level, label, description)"
                              " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (axis, level) DO UPDATE"
                              " SET label = ?3, description = ?4"
                              " WHERE scale_level.label IS DISTINCT FROM ?3"
                              "    OR scale_level.description IS DISTINCT FROM ?4", error);
          if (stmt == NULL)
            return FALSE;
          doc_bind_text (stmt, 1, name);
          vaern_db_bind_int (stmt, 2, i + 1);
          doc_bind_text (stmt, 3, label);
          doc_bind_text_or_empty (stmt, 4, descriptions[i]);
          if (!doc_step_done (self, stmt, error))
            return FALSE;
        }
    }

  stmt = doc_prepare (self, "DELETE FROM scale_band WHERE position >= ?", error);
  if (stmt == NULL)
    return FALSE;
  vaern_db_bind_int (stmt, 1, scale->n_bands);
  if (!doc_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < scale->n_bands; i++)
    {
      const VaernRiskBand *band = &scale->bands[i];
      g_autofree char *label = g_strstrip (g_strdup (band->label ? band->label : ""));
      g_autofree char *color = g_ascii_strdown (band->color, -1);
      g_autofree char *safe_color = g_ascii_strdown (band->safe_color, -1);

      stmt = doc_prepare (self,
                          "INSERT INTO scale_band (position, label, min_score, color, safe_color)"
                          " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (position) DO UPDATE"
                          " SET label = ?2, min_score = ?3, color = ?4, safe_color = ?5"
                          " WHERE scale_band.label IS DISTINCT FROM ?2 OR scale_band.min_score IS DISTINCT FROM ?3"
                          "    OR scale_band.color IS DISTINCT FROM ?4"
                          "    OR scale_band.safe_color IS DISTINCT FROM ?5", error);
      if (stmt == NULL)
        return FALSE;
      vaern_db_bind_int (stmt, 1, i);
      doc_bind_text (stmt, 2, label);
      vaern_db_bind_int (stmt, 3, band->min_score);
      doc_bind_text (stmt, 4, color);
      doc_bind_text (stmt, 5, safe_color);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
doc_risks_seed (VaernDocument *self,
                GError       **error)
{
  g_autoptr(VaernRiskScale) scale = vaern_risk_scale_new_preset ("dk-4x4");

  if (!write_scale (self, scale, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (builtin_threats); i++)
    {
      VaernDbStmt *stmt = doc_prepare (self,
                                        "INSERT INTO threat (category, name, description, builtin)"
                                        " VALUES (?, ?, ?, 1)", error);

      if (stmt == NULL)
        return FALSE;
      doc_bind_text (stmt, 1, builtin_threats[i].category);
      doc_bind_text (stmt, 2, builtin_threats[i].name);
      doc_bind_text (stmt, 3, builtin_threats[i].description);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

const VaernRiskScale *
vaern_document_get_scale (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  return self->scale;
}

guint
vaern_document_count_risks (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  return MAX (0, doc_query_int (self, "SELECT count(*) FROM risk", 0, NULL));
}

/* "CASE column WHEN 1 THEN 1 WHEN 2 THEN 3 … ELSE column END" for the
 * mapping of one axis. */
static void
append_mapping (GString    *sql,
                const char *column,
                guint       old_n,
                guint       new_n)
{
  g_string_append_printf (sql, "%s = CASE %s", column, column);
  for (guint level = 1; level <= VAERN_SCALE_MAX_LEVELS; level++)
    g_string_append_printf (sql, " WHEN %u THEN %u", level,
                            vaern_risk_scale_map_level (level, old_n, new_n));
  g_string_append_printf (sql, " ELSE %s END", column);
}

gboolean
vaern_document_set_scale (VaernDocument        *self,
                          const VaernRiskScale *scale,
                          gboolean              map_levels,
                          GError              **error)
{
  gboolean remap;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scale != NULL, FALSE);

  if (!doc_check_writable (self, error))
    return FALSE;
  if (!vaern_risk_scale_validate (scale, error))
    return FALSE;

  remap = vaern_risk_scale_needs_mapping (self->scale, scale)
          && vaern_document_count_risks (self) > 0;
  if (remap && !map_levels)
    {
      guint n = vaern_document_count_risks (self);

      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u risk is scored on the present scale. Its levels must be "
                                "moved to the new scale.",
                                "%u risks are scored on the present scale. Their levels must be "
                                "moved to the new scale.", n), n);
      return FALSE;
    }

  /* Translators: an undo step */
  if (!doc_begin_change (self, _("Change risk scale"), error))
    return FALSE;
  ok = write_scale (self, scale, error);
  if (ok && remap)
    {
      g_autoptr(GString) sql = g_string_new ("UPDATE risk SET ");
      guint old_l = self->scale->n_likelihood, new_l = scale->n_likelihood;
      guint old_c = self->scale->n_consequence, new_c = scale->n_consequence;

      append_mapping (sql, "likelihood", old_l, new_l);
      g_string_append (sql, ", ");
      append_mapping (sql, "residual_likelihood", old_l, new_l);
      g_string_append (sql, ", ");
      append_mapping (sql, "consequence_c", old_c, new_c);
      g_string_append (sql, ", ");
      append_mapping (sql, "consequence_i", old_c, new_c);
      g_string_append (sql, ", ");
      append_mapping (sql, "consequence_a", old_c, new_c);
      g_string_append (sql, ", ");
      append_mapping (sql, "residual_consequence", old_c, new_c);
      ok = doc_exec (self, sql->str, error);
    }
  return doc_end_change (self, ok, _("Change risk scale"), error);
}

/* Threats */

static GPtrArray *
load_threats (VaernDocument *self,
              gint64         id)
{
  int rc;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  VaernDbStmt *stmt = doc_prepare_list (self,
    "SELECT t.id, t.category, t.name, t.description, t.builtin,"
    "       (SELECT count(*) FROM risk r WHERE r.threat_id = t.id)"
    "  FROM threat t WHERE ?1 = 0 OR t.id = ?1"
    " ORDER BY t.category COLLATE NOCASE, t.name COLLATE NOCASE");

  if (stmt == NULL)
    return result;
  vaern_db_bind_int (stmt, 1, id);
  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernThreat *t = vaern_threat_new ();

      vaern_record_set_identity (VAERN_RECORD (t), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt));
      t->category = doc_column_dup (stmt, 1);
      t->name = doc_column_dup (stmt, 2);
      t->description = doc_column_dup (stmt, 3);
      t->builtin = vaern_db_column_int (stmt, 4) != 0;
      t->n_risks = vaern_db_column_int (stmt, 5);
      t->search_key = doc_casefold_join (t->category, t->name, t->description,
                                         (const char *) -1);
      g_ptr_array_add (result, t);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

GListModel *
vaern_document_get_threats (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->threats);
}

VaernThreat *
vaern_document_find_threat (VaernDocument *self,
                            gint64         id)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  if (id <= 0 || self->db == NULL)
    return NULL;
  found = load_threats (self, id);
  return found->len > 0 ? g_object_ref (found->pdata[0]) : NULL;
}

static gboolean
validate_threat (VaernDocument *self,
                 VaernThreat   *threat,
                 gint64         own_id,
                 GError       **error)
{
  VaernDbStmt *stmt;
  gint64 other = 0;
  g_autofree char *name = NULL;

  if (!doc_require_name (threat->name, _("The threat needs a name."), error))
    return FALSE;
  {
    g_autofree char *category = g_strstrip (g_strdup (threat->category ? threat->category : ""));

    if (*category == '\0')
      {
        vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "category",
                                     _("The threat needs a category."));
        return FALSE;
      }
  }
  name = g_strstrip (g_strdup (threat->name));
  stmt = doc_prepare (self, "SELECT id FROM threat WHERE name = ? COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  doc_bind_text (stmt, 1, name);
  if (vaern_db_step (stmt) == VAERN_DB_ROW)
    other = vaern_db_column_int (stmt, 0);
  vaern_db_reset (stmt);
  if (other != 0 && other != own_id)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "name",
                                   _("A threat named “%s” already exists. Choose another name."),
                                   name);
      return FALSE;
    }
  return TRUE;
}

static void
bind_threat (VaernDbStmt *stmt,
             gpointer      record)
{
  VaernThreat *t = record;
  g_autofree char *category = g_strstrip (g_strdup (t->category));
  g_autofree char *name = g_strstrip (g_strdup (t->name));

  doc_bind_text (stmt, 1, category);
  doc_bind_text (stmt, 2, name);
  doc_bind_text_or_empty (stmt, 3, t->description);
}

gint64
vaern_document_add_threat (VaernDocument *self,
                           VaernThreat   *threat,
                           GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (VAERN_IS_THREAT (threat), 0);

  if (!doc_check_writable (self, error) || !validate_threat (self, threat, 0, error))
    return 0;
  /* Translators: an undo step; %s is the name of a threat */
  label = g_strdup_printf (_("Add threat “%s”"), threat->name);
  return doc_write_row (self, label,
                        "INSERT INTO threat (category, name, description) VALUES (?, ?, ?)",
                        bind_threat, 3, threat, 0, NULL, NULL, error);
}

gboolean
vaern_document_update_threat (VaernDocument *self,
                              VaernThreat   *threat,
                              GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (VAERN_IS_THREAT (threat), FALSE);

  id = vaern_record_get_id (VAERN_RECORD (threat));
  if (!doc_check_writable (self, error) || !validate_threat (self, threat, id, error))
    return FALSE;
  /* Translators: an undo step; %s is the name of a threat */
  label = g_strdup_printf (_("Edit threat “%s”"), threat->name);
  return doc_write_row (self, label,
                        "UPDATE threat SET category = ?, name = ?, description = ? WHERE id = ?",
                        bind_threat, 3, threat, id, NULL, _("The threat no longer exists."),
                        error) != 0;
}

gboolean
vaern_document_delete_threat (VaernDocument *self,
                              gint64         id,
                              GError       **error)
{
  g_autoptr(VaernThreat) threat = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  threat = vaern_document_find_threat (self, id);
  if (threat == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The threat no longer exists."));
      return FALSE;
    }
  /* Translators: an undo step; %s is the name of a threat */
  label = g_strdup_printf (_("Delete threat “%s”"), threat->name);
  return doc_delete_row (self, "DELETE FROM threat WHERE id = ?", id, label, error);
}

/* Risks */

static void
derive_risk (VaernDocument *self,
             VaernRisk     *r,
             const char    *today)
{
  const VaernRiskScale *scale = self->scale;

  r->consequence = vaern_risk_consequence (r->consequence_c, r->consequence_i, r->consequence_a);
  r->score = vaern_risk_scale_score (scale, r->likelihood, r->consequence);
  r->band = 1 + vaern_risk_scale_band_for_score (scale, r->score);
  vaern_risk_levels_after (r->likelihood, r->consequence, r->residual_likelihood,
                           r->residual_consequence, &r->after_likelihood, &r->after_consequence);
  r->residual_score = vaern_risk_scale_score (scale, r->after_likelihood, r->after_consequence);
  r->residual_band = 1 + vaern_risk_scale_band_for_score (scale, r->residual_score);
  r->overdue = r->review_date != NULL && today != NULL && strcmp (r->review_date, today) < 0;
}

static int
compare_controls (gconstpointer a,
                  gconstpointer b)
{
  return vaern_control_number_compare (*(const char *const *) a, *(const char *const *) b);
}
/* The controls of the risks (sorted by id), in one pass over risk_control
 * rather than one query per risk. */
static void
load_controls (VaernDocument *self,
               gint64         id,
               GPtrArray     *risks)
{
  VaernDbStmt *stmt = doc_prepare_list (self,
                                         "SELECT risk_id, control FROM risk_control"
                                         " WHERE ?1 = 0 OR risk_id = ?1 ORDER BY risk_id");
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  guint i = 0;
  int rc = VAERN_DB_DONE;

  if (stmt == NULL)
    return;
  vaern_db_bind_int (stmt, 1, id);
  rc = vaern_db_step (stmt);
  for (i = 0; i < risks->len; i++)
    {
      VaernRisk *r = risks->pdata[i];
      gint64 risk_id = vaern_record_get_id (VAERN_RECORD (r));

      g_ptr_array_set_size (controls, 0);
      while (rc == VAERN_DB_ROW && vaern_db_column_int (stmt, 0) < risk_id)
        rc = vaern_db_step (stmt);
      while (rc == VAERN_DB_ROW && vaern_db_column_int (stmt, 0) == risk_id)
        {
          g_ptr_array_add (controls, doc_column_dup (stmt, 1));
          rc = vaern_db_step (stmt);
        }
      g_ptr_array_sort (controls, compare_controls);
      g_ptr_array_add (controls, NULL);
      r->controls = (GStrv) g_memdup2 (controls->pdata, controls->len * sizeof (char *));
    }
  doc_list_done (self, stmt, rc);
}

static GPtrArray *
load_risks (VaernDocument *self,
            gint64         id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = vaern_date_today ();
  int rc;
  VaernDbStmt *stmt = doc_prepare_list (self,
    "SELECT r.id, r.asset_id, r.threat_id, r.title, r.description, r.consequence_c,"
    "       r.consequence_i, r.consequence_a, r.likelihood, r.treatment, r.measures,"
    "       r.residual_likelihood, r.residual_consequence, r.owner_id, r.assessed_on,"
    "       r.review_date, r.accepted_by, r.accepted_on,"
    "       a.name, a.unit_id, t.name, p.name"
    "  FROM risk r JOIN asset a ON a.id = r.asset_id"
    "  LEFT JOIN threat t ON t.id = r.threat_id"
    "  LEFT JOIN person p ON p.id = r.owner_id"
    " WHERE ?1 = 0 OR r.id = ?1"
    " ORDER BY r.id");

  if (stmt == NULL)
    return result;
  vaern_db_bind_int (stmt, 1, id);
  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernRisk *r = vaern_risk_new ();

      vaern_record_set_identity (VAERN_RECORD (r), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt));
      r->asset_id = vaern_db_column_int (stmt, 1);
      r->threat_id = vaern_db_column_int (stmt, 2);
      r->title = doc_column_dup (stmt, 3);
      r->description = doc_column_dup (stmt, 4);
      r->consequence_c = vaern_db_column_int (stmt, 5);
      r->consequence_i = vaern_db_column_int (stmt, 6);
      r->consequence_a = vaern_db_column_int (stmt, 7);
      r->likelihood = vaern_db_column_int (stmt, 8);
      r->treatment = doc_column_enum (stmt, 9, &vaern_enum_treatment);
      r->measures = doc_column_dup (stmt, 10);
      r->residual_likelihood = vaern_db_column_int (stmt, 11);
      r->residual_consequence = vaern_db_column_int (stmt, 12);
      r->owner_id = vaern_db_column_int (stmt, 13);
      r->assessed_on = doc_column_dup (stmt, 14);
      r->review_date = doc_column_dup (stmt, 15);
      r->accepted_by = doc_column_dup (stmt, 16);
      r->accepted_on = doc_column_dup (stmt, 17);
      r->asset_name = doc_column_dup (stmt, 18);
      r->unit_id = vaern_db_column_int (stmt, 19);
      r->threat_name = doc_column_dup (stmt, 20);
      r->owner_name = doc_column_dup (stmt, 21);
      derive_risk (self, r, today);
      /* Bands follow the scale and overdue follows the date: both count
       * as a change of the row. */
      vaern_record_set_identity (VAERN_RECORD (r), vaern_record_get_id (VAERN_RECORD (r)),
                                 vaern_record_get_digest (VAERN_RECORD (r))
                                 ^ ((r->band * 31 + r->residual_band) * 2654435761u)
                                 ^ (r->overdue ? 0x5bd1e995u : 0));
      /* What people search for: short fields only, so 20,000 risks stay
       * quick to load and to search. */
      r->search_key = doc_casefold_join (r->title, r->asset_name, r->threat_name, r->owner_name,
                                         (const char *) -1);
      g_ptr_array_add (result, r);
    }
  doc_list_done (self, stmt, rc);
  load_controls (self, id, result);
  return result;
}

/* Replaces, adds or removes the given risks in the (id-ordered) list. */
static void
refresh_risk_rows (VaernDocument *self,
                   GArray        *ids)
{
  GListModel *list = G_LIST_MODEL (self->risks);

  for (guint k = 0; k < ids->len; k++)
    {
      gint64 id = g_array_index (ids, gint64, k);
      g_autoptr(GPtrArray) fresh = load_risks (self, id);
      guint lo = 0, hi = g_list_model_get_n_items (list);

      /* Where the id is, or goes: the list is sorted by id. */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          g_autoptr(VaernRecord) r = g_list_model_get_item (list, mid);

          if (vaern_record_get_id (r) < id)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo < g_list_model_get_n_items (list))
        {
          g_autoptr(VaernRecord) there = g_list_model_get_item (list, lo);

          if (vaern_record_get_id (there) == id)
            {
              if (fresh->len == 0)
                g_list_store_remove (self->risks, lo);
              else if (vaern_record_get_digest (there) != vaern_record_get_digest (fresh->pdata[0]))
                g_list_store_splice (self->risks, lo, 1, fresh->pdata, 1);
              continue;
            }
        }
      if (fresh->len > 0)
        g_list_store_insert (self->risks, lo, fresh->pdata[0]);
    }
}

void
doc_risks_refresh (VaernDocument *self,
                   DocTouched     touched,
                   GArray        *changed_risks)
{
  if (touched & (DOC_TOUCHED_SCALE | DOC_TOUCHED_OTHER))
    {
      g_autoptr(VaernRiskScale) scale = load_scale (self);

      if (scale && !vaern_risk_scale_equal (scale, self->scale))
        {
          vaern_risk_scale_free (self->scale);
          self->scale = g_steal_pointer (&scale);
        }
    }
  if (touched & (DOC_TOUCHED_THREAT | DOC_TOUCHED_RISK | DOC_TOUCHED_OTHER))
    {
      g_autoptr(GPtrArray) threats = load_threats (self, 0);

      doc_replace_ordered (self->threats, threats);
    }
  /* The risks are read when someone first asks for them: the register
   * does not need 20,000 of them to open. */
  if (!self->risks_loaded
      || !(touched & (DOC_TOUCHED_RISK | DOC_TOUCHED_ASSET | DOC_TOUCHED_PERSON
                      | DOC_TOUCHED_THREAT | DOC_TOUCHED_SCALE | DOC_TOUCHED_OTHER)))
    return;
  if (touched == DOC_TOUCHED_RISK && changed_risks && changed_risks->len > 0)
    refresh_risk_rows (self, changed_risks);
  else
    {
      g_autoptr(GPtrArray) risks = load_risks (self, 0);

      doc_merge_records (self->risks, risks);
    }
}

GListModel *
vaern_document_get_risks (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  if (!self->risks_loaded && self->db != NULL)
    {
      g_autoptr(GPtrArray) risks = load_risks (self, 0);

      self->risks_loaded = TRUE;
      doc_merge_records (self->risks, risks);
    }
  return G_LIST_MODEL (self->risks);
}

VaernRisk *
vaern_document_get_risk (VaernDocument *self,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  if (id > 0 && self->db != NULL)
    {
      found = load_risks (self, id);
      if (found->len > 0)
        return g_object_ref (found->pdata[0]);
    }
  g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
               _("The risk no longer exists."));
  return NULL;
}

static gboolean
valid_control (const char *control)
{
  /* The themes of ISO/IEC 27001:2022 Annex A have 37, 8, 14 and 34
   * controls: 5.1 … 5.37, 6.1 … 6.8, 7.1 … 7.14, 8.1 … 8.34. */
  static const guint last[] = { 37, 8, 14, 34 };
  gsize len = control ? strlen (control) : 0;
  guint number;

  if (len < 3 || len > 4 || control[0] < '5' || control[0] > '8' || control[1] != '.'
      || control[2] < '1' || control[2] > '9' || (len == 4 && !g_ascii_isdigit (control[3])))
    return FALSE;
  number = (guint) atoi (control + 2);
  return number >= 1 && number <= last[control[0] - '5'];
}
static gboolean
check_level (guint       level,
             guint       n,
             const char *field,
             GError    **error)
{
  if (level <= n)
    return TRUE;
  vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, field,
                               /* Translators: %u is the number of levels of the risk scale */
                               _("Levels on this risk scale go from 1 to %u."), n);
  return FALSE;
}

/* Management's acceptance: who and when, both or neither. */
static gboolean
validate_acceptance (VaernRisk *risk,
                     GError   **error)
{
  if (!doc_require_date (risk->accepted_on, "accepted_on", TRUE, error))
    return FALSE;
  if ((risk->accepted_on != NULL) != (risk->accepted_by != NULL && *risk->accepted_by))
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID,
                                   risk->accepted_on ? "accepted_by" : "accepted_on",
                                   _("Management acceptance needs both who accepted the risk "
                                     "and when."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_risk (VaernDocument *self,
               VaernRisk     *risk,
               gint64         own_id,
               GError       **error)
{
  const VaernRiskScale *scale = self->scale;
  g_autofree char *title = NULL;
  VaernDbStmt *stmt;
  gint64 other = 0;

  if (risk->title == NULL || *(title = g_strstrip (g_strdup (risk->title))) == '\0')
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "title",
                                   _("The risk needs a short name for its scenario."));
      return FALSE;
    }
  if (doc_query_int (self, "SELECT count(*) FROM asset WHERE id = ?", risk->asset_id, NULL) != 1)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_NOT_FOUND, "asset",
                                   _("The risk’s system or asset no longer exists."));
      return FALSE;
    }
  stmt = doc_prepare (self,
                      "SELECT id FROM risk WHERE asset_id = ? AND title = ? COLLATE NOCASE",
                      error);
  if (stmt == NULL)
    return FALSE;
  vaern_db_bind_int (stmt, 1, risk->asset_id);
  doc_bind_text (stmt, 2, title);
  if (vaern_db_step (stmt) == VAERN_DB_ROW)
    other = vaern_db_column_int (stmt, 0);
  vaern_db_reset (stmt);
  if (other != 0 && other != own_id)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "title",
                                   _("This system already has a risk named “%s”. "
                                     "Choose another name."), title);
      return FALSE;
    }
  if (!check_level (risk->likelihood, scale->n_likelihood, "likelihood", error)
      || !check_level (risk->consequence_c, scale->n_consequence, "consequence_c", error)
      || !check_level (risk->consequence_i, scale->n_consequence, "consequence_i", error)
      || !check_level (risk->consequence_a, scale->n_consequence, "consequence_a", error)
      || !check_level (risk->residual_likelihood, scale->n_likelihood, "residual_likelihood",
                       error)
      || !check_level (risk->residual_consequence, scale->n_consequence,
                       "residual_consequence", error))
    return FALSE;
  if (risk->treatment >= vaern_enum_treatment.n_entries)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "treatment",
                                   _("Choose how the risk is treated."));
      return FALSE;
    }
  if (!doc_require_date (risk->assessed_on, "assessed_on", TRUE, error)
      || !doc_require_date (risk->review_date, "review_date", TRUE, error)
      || !validate_acceptance (risk, error))
    return FALSE;
  if (risk->owner_id > 0
      && doc_query_int (self, "SELECT count(*) FROM person WHERE id = ?", risk->owner_id,
                        NULL) != 1)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_NOT_FOUND, "owner",
                                   _("The chosen risk owner no longer exists."));
      return FALSE;
    }
  if (risk->threat_id > 0
      && doc_query_int (self, "SELECT count(*) FROM threat WHERE id = ?", risk->threat_id,
                        NULL) != 1)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_NOT_FOUND, "threat",
                                   _("The chosen threat no longer exists."));
      return FALSE;
    }
  for (guint i = 0; risk->controls && risk->controls[i]; i++)
    if (!valid_control (risk->controls[i]))
      {
        vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "controls",
                                     _("“%s” is not an Annex A control of ISO/IEC 27001:2022. "
                                       "Controls are numbered 5.1 to 8.34."),
                                     risk->controls[i]);
        return FALSE;
      }
  return TRUE;
}

static void
bind_risk (VaernDbStmt *stmt,
           gpointer      record)
{
  VaernRisk *r = record;
  g_autofree char *title = g_strstrip (g_strdup (r->title));
  g_autofree char *accepted_by = g_strstrip (g_strdup (r->accepted_by ? r->accepted_by : ""));

  vaern_db_bind_int (stmt, 1, r->asset_id);
  doc_bind_id (stmt, 2, r->threat_id);
  doc_bind_text (stmt, 3, title);
  doc_bind_text_or_empty (stmt, 4, r->description);
  vaern_db_bind_int (stmt, 5, r->consequence_c);
  vaern_db_bind_int (stmt, 6, r->consequence_i);
  vaern_db_bind_int (stmt, 7, r->consequence_a);
  vaern_db_bind_int (stmt, 8, r->likelihood);
  doc_bind_text (stmt, 9, vaern_enum_key (&vaern_enum_treatment, r->treatment));
  doc_bind_text_or_empty (stmt, 10, r->measures);
  vaern_db_bind_int (stmt, 11, r->residual_likelihood);
  vaern_db_bind_int (stmt, 12, r->residual_consequence);
  doc_bind_id (stmt, 13, r->owner_id);
  doc_bind_text (stmt, 14, r->assessed_on);
  doc_bind_text (stmt, 15, r->review_date);
  doc_bind_text (stmt, 16, accepted_by);
  doc_bind_text (stmt, 17, r->accepted_on);
}

/* Makes the risk's controls the given set, touching only what differs. */
static gboolean
write_controls (VaernDocument *self,
                gint64         risk_id,
                GStrv          controls,
                GError       **error)
{
  VaernDbStmt *stmt;
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func (g_free);

  stmt = doc_prepare (self, "SELECT control FROM risk_control WHERE risk_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  vaern_db_bind_int (stmt, 1, risk_id);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    g_ptr_array_add (existing, doc_column_dup (stmt, 0));
  vaern_db_reset (stmt);

  for (guint i = 0; i < existing->len; i++)
    {
      if (controls && g_strv_contains ((const char *const *) controls, existing->pdata[i]))
        continue;
      stmt = doc_prepare (self, "DELETE FROM risk_control WHERE risk_id = ? AND control = ?",
                          error);
      if (stmt == NULL)
        return FALSE;
      vaern_db_bind_int (stmt, 1, risk_id);
      doc_bind_text (stmt, 2, existing->pdata[i]);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  for (guint i = 0; controls && controls[i]; i++)
    {
      gboolean have = FALSE;

      for (guint k = 0; k < existing->len && !have; k++)
        have = g_str_equal (existing->pdata[k], controls[i]);
      if (have)
        continue;
      stmt = doc_prepare (self,
                          "INSERT INTO risk_control (risk_id, control) VALUES (?, ?)"
                          " ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      vaern_db_bind_int (stmt, 1, risk_id);
      doc_bind_text (stmt, 2, controls[i]);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_risk_controls (VaernDocument *self,
                     gint64         id,
                     gpointer       record,
                     GError       **error)
{
  return write_controls (self, id, VAERN_RISK (record)->controls, error);
}

gint64
vaern_document_add_risk (VaernDocument *self,
                         VaernRisk     *risk,
                         GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (VAERN_IS_RISK (risk), 0);

  if (!doc_check_writable (self, error) || !validate_risk (self, risk, 0, error))
    return 0;
  /* Translators: an undo step; %s is the name of a risk scenario */
  label = g_strdup_printf (_("Add risk “%s”"), risk->title);
  return doc_write_row (self, label,
                        "INSERT INTO risk (asset_id, threat_id, title, description, consequence_c,"
                        " consequence_i, consequence_a, likelihood, treatment, measures,"
                        " residual_likelihood, residual_consequence, owner_id, assessed_on,"
                        " review_date, accepted_by, accepted_on)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        bind_risk, 17, risk, 0, write_risk_controls, NULL, error);
}

gboolean
vaern_document_update_risk (VaernDocument *self,
                            VaernRisk     *risk,
                            GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (VAERN_IS_RISK (risk), FALSE);

  id = vaern_record_get_id (VAERN_RECORD (risk));
  if (!doc_check_writable (self, error) || !validate_risk (self, risk, id, error))
    return FALSE;
  /* Translators: an undo step; %s is the name of a risk scenario */
  label = g_strdup_printf (_("Edit risk “%s”"), risk->title);
  return doc_write_row (self, label,
                        "UPDATE risk SET asset_id = ?, threat_id = ?, title = ?, description = ?,"
                        " consequence_c = ?, consequence_i = ?, consequence_a = ?, likelihood = ?,"
                        " treatment = ?, measures = ?, residual_likelihood = ?,"
                        " residual_consequence = ?, owner_id = ?, assessed_on = ?, review_date = ?,"
                        " accepted_by = ?, accepted_on = ? WHERE id = ?",
                        bind_risk, 17, risk, id, write_risk_controls,
                        _("The risk no longer exists."), error) != 0;
}

static void
bind_acceptance (VaernDbStmt *stmt,
                 gpointer      record)
{
  VaernRisk *r = record;
  g_autofree char *accepted_by = g_strstrip (g_strdup (r->accepted_by ? r->accepted_by : ""));

  doc_bind_text (stmt, 1, accepted_by);
  doc_bind_text (stmt, 2, r->accepted_on);
}

/* Management's acceptance alone: on a server, management may write these
 * two columns of a risk and no other (and its undo puts back only them). */
gboolean
vaern_document_accept_risk (VaernDocument *self,
                            VaernRisk     *risk,
                            GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (VAERN_IS_RISK (risk), FALSE);

  if (!doc_check_writable (self, error) || !validate_acceptance (risk, error))
    return FALSE;
  /* Translators: an undo step; %s is the name of a risk scenario */
  label = g_strdup_printf (_("Accept risk “%s”"), risk->title);
  return doc_write_row (self, label,
                        "UPDATE risk SET accepted_by = ?, accepted_on = ? WHERE id = ?",
                        bind_acceptance, 2, risk, vaern_record_get_id (VAERN_RECORD (risk)), NULL,
                        _("The risk no longer exists."), error) != 0;
}

gboolean
vaern_document_delete_risk (VaernDocument *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(VaernRisk) risk = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  risk = vaern_document_get_risk (self, id, error);
  if (risk == NULL)
    return FALSE;
  /* Translators: an undo step; %s is the name of a risk scenario */
  label = g_strdup_printf (_("Delete risk “%s”"), risk->title);
  return doc_delete_row (self, "DELETE FROM risk WHERE id = ?", id, label, error);
}
