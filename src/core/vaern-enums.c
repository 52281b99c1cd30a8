/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "vaern-enums.h"

#define ENUM(var, entries) \
  const VaernEnum var = { #var, entries, G_N_ELEMENTS (entries) }

static const VaernEnumEntry asset_kinds[] = {
  /* Translators: a kind of asset */
  { "system", N_("IT system"), "it-system|system|it system" },
  /* Translators: a kind of asset */
  { "equipment", N_("IT equipment"), "it-udstyr|udstyr|hardware" },
  /* Translators: a kind of asset: buildings, rooms, physical access */
  { "premises", N_("Premises and access"), "lokaler|bygning|adgang|fysisk adgang|lokaler og adgang" },
  /* Translators: a kind of asset: paper archives, cabinets */
  { "archive", N_("Archive"), "arkiv|arkivskab" },
  /* Translators: a kind of asset */
  { "other", N_("Other asset"), "andet|andet aktiv|øvrige aktiver|øvrigt aktiv" },
};
ENUM (vaern_enum_asset_kind, asset_kinds);

static const VaernEnumEntry lifecycles[] = {
  /* Translators: life-cycle status of an IT system */
  { "procurement", N_("In procurement"), "under anskaffelse|anskaffelse|i udbud|indkøb" },
  /* Translators: life-cycle status of an IT system */
  { "in_use", N_("In use"), "i drift|drift|i brug|aktiv|ibrug" },
  /* Translators: life-cycle status of an IT system */
  { "phasing_out", N_("Being phased out"), "under udfasning|udfasning|udfases" },
  /* Translators: life-cycle status of an IT system */
  { "retired", N_("Retired"), "udfaset|nedlagt|ikke i drift|inaktiv" },
};
ENUM (vaern_enum_lifecycle, lifecycles);

static const VaernEnumEntry personal_data[] = {
  /* Translators: personal data processed by a system */
  { "none", N_("None"), "ingen|nej|no" },
  /* Translators: personal data processed by a system */
  { "ordinary", N_("Ordinary"), "almindelige|almindelige personoplysninger|ja|yes" },
  /* Translators: personal data processed by a system (GDPR art. 9) */
  { "sensitive", N_("Sensitive (art. 9)"), "følsomme|følsomme personoplysninger|sensitive|art. 9" },
  /* Translators: personal data processed by a system: Danish civil registration numbers */
  { "cpr", N_("CPR numbers"), "cpr|cpr-numre|cpr-nummer|personnummer" },
};
ENUM (vaern_enum_personal_data, personal_data);

static const VaernEnumEntry dpas[] = {
  /* Translators: data processor agreement status */
  { "not_required", N_("Not required"), "ikke påkrævet|ikke relevant|ikke nødvendig|nej" },
  /* Translators: data processor agreement status */
  { "missing", N_("Required, missing"), "mangler|påkrævet, mangler|mangler aftale" },
  /* Translators: data processor agreement status */
  { "signed", N_("Signed"), "underskrevet|indgået|ja|foreligger" },
};
ENUM (vaern_enum_dpa, dpas);

static const VaernEnumEntry hostings[] = {
  /* Translators: how a system is operated */
  { "unknown", N_("Not stated"), "ikke angivet|ukendt" },
  /* Translators: how a system is operated */
  { "on_premises", N_("Own operation"), "egen drift|intern drift|on-premises|on premises" },
  /* Translators: how a system is operated */
  { "supplier", N_("Hosted by supplier"), "leverandørdrift|hos leverandør|leverandør|hostet" },
  /* Translators: how a system is operated */
  { "cloud", N_("Cloud service"), "cloud|cloudløsning|saas|sky" },
  /* Translators: how a system is operated: joint municipal or public infrastructure */
  { "shared", N_("Shared public operation"), "fælleskommunal|fællesoffentlig|fælles drift|kombit" },
};
ENUM (vaern_enum_hosting, hostings);

static const VaernEnumEntry treatments[] = {
  /* Translators: risk treatment not chosen yet */
  { "undecided", N_("Not decided"), "ikke besluttet|uafklaret" },
  /* Translators: risk treatment: the risk is accepted as it is */
  { "accept", N_("Accept"), "accepter|accept|acceptere" },
  /* Translators: risk treatment: the activity that gives the risk is stopped */
  { "avoid", N_("Avoid"), "undgå|undgaa" },
  /* Translators: risk treatment: the risk is shared, e.g. insured or outsourced */
  { "share", N_("Share"), "del|overfør|overføre|dele" },
  /* Translators: risk treatment: measures reduce likelihood or consequence */
  { "reduce", N_("Reduce"), "reducer|reducere|begræns|mindsk" },
};
ENUM (vaern_enum_treatment, treatments);

static const VaernEnumEntry soa_statuses[] = {
  /* Translators: implementation status of an Annex A control in the SoA */
  { "not_started", N_("Not started"), "ikke påbegyndt|ikke startet|nej" },
  /* Translators: implementation status of an Annex A control in the SoA */
  { "planned", N_("Planned"), "planlagt" },
  /* Translators: implementation status of an Annex A control in the SoA */
  { "partly", N_("Partly implemented"), "delvist|delvist implementeret|delvis" },
  /* Translators: implementation status of an Annex A control in the SoA */
  { "implemented", N_("Implemented"), "implementeret|ja|fuldt implementeret" },
};
ENUM (vaern_enum_soa_status, soa_statuses);

static const VaernEnumEntry soa_reasons[] = {
  /* Translators: why a control is included in the SoA */
  { "risk", N_("Risk treatment"), "risiko|risikohåndtering" },
  /* Translators: why a control is included in the SoA */
  { "law", N_("Law or regulation"), "lov|lovkrav|regulering" },
  /* Translators: why a control is included in the SoA */
  { "contract", N_("Contract"), "kontrakt|aftale" },
  /* Translators: why a control is included in the SoA */
  { "practice", N_("Good practice"), "god praksis|best practice" },
};
ENUM (vaern_enum_soa_reason, soa_reasons);

static const VaernEnumEntry doc_kinds[] = {
  /* Translators: a kind of ISMS document */
  { "policy", N_("Policy"), "politik|informationssikkerhedspolitik" },
  /* Translators: a kind of ISMS document */
  { "guideline", N_("Guideline"), "retningslinje|retningslinjer" },
  /* Translators: a kind of ISMS document */
  { "procedure", N_("Procedure"), "procedure|instruks" },
  /* Translators: a kind of ISMS document */
  { "contingency", N_("Contingency plan"), "beredskabsplan|beredskab" },
  /* Translators: a kind of ISMS document */
  { "report", N_("Management report"), "ledelsesrapport|rapport" },
  /* Translators: a kind of ISMS document */
  { "improvement", N_("Improvement memo"), "forbedringsnotat|notat" },
  /* Translators: a kind of ISMS document */
  { "other", N_("Other"), "andet" },
};
ENUM (vaern_enum_doc_kind, doc_kinds);

static const VaernEnumEntry doc_statuses[] = {
  /* Translators: the status of an ISMS document */
  { "draft", N_("Draft"), "kladde|udkast" },
  /* Translators: the status of an ISMS document */
  { "in_review", N_("In review"), "til godkendelse|i høring" },
  /* Translators: the status of an ISMS document */
  { "approved", N_("Approved"), "godkendt" },
  /* Translators: the status of an ISMS document */
  { "withdrawn", N_("Withdrawn"), "udgået|tilbagekaldt|historisk" },
};
ENUM (vaern_enum_doc_status, doc_statuses);

static const VaernEnumEntry approval_subjects[] = {
  /* Translators: what management approved */
  { "soa", N_("Statement of Applicability"), "soa|anvendelseserklæring|sammenhængserklæring" },
  /* Translators: what management approved */
  { "risks", N_("Risk assessment result"), "risikovurdering" },
  /* Translators: what management approved */
  { "document", N_("Document version"), "dokument" },
  /* Translators: what management approved */
  { "other", N_("Other"), "andet" },
};
ENUM (vaern_enum_approval_subject, approval_subjects);

static const VaernEnumEntry recurrences[] = {
  /* Translators: how often an activity of the annual wheel comes round */
  { "once", N_("Once"), "én gang|engang|enkeltstående" },
  /* Translators: how often an activity of the annual wheel comes round */
  { "yearly", N_("Every year"), "årligt|hvert år|årlig" },
  /* Translators: how often an activity of the annual wheel comes round */
  { "half_yearly", N_("Every half year"), "halvårligt|hvert halve år|halvårlig" },
  /* Translators: how often an activity of the annual wheel comes round */
  { "quarterly", N_("Every quarter"), "kvartalsvis|hvert kvartal" },
  /* Translators: how often an activity of the annual wheel comes round */
  { "monthly", N_("Every month"), "månedligt|hver måned|månedlig" },
};
ENUM (vaern_enum_recurrence, recurrences);

static const VaernEnumEntry pdca_phases[] = {
  /* Translators: a phase of the PDCA cycle (Plan-Do-Check-Act) */
  { "plan", N_("Plan"), "planlæg|planlægge" },
  /* Translators: a phase of the PDCA cycle (Plan-Do-Check-Act) */
  { "do", N_("Do"), "udfør|udføre|gør" },
  /* Translators: a phase of the PDCA cycle (Plan-Do-Check-Act) */
  { "check", N_("Check"), "kontroller|kontrollér|tjek" },
  /* Translators: a phase of the PDCA cycle (Plan-Do-Check-Act) */
  { "act", N_("Act"), "forbedr|forbedre|handl" },
};
ENUM (vaern_enum_pdca_phase, pdca_phases);

static const VaernEnumEntry levels[] = {
  /* Translators: a level of criticality or classification that is not set */
  { "unset", N_("Not assessed"), "ikke vurderet|0" },
  /* Translators: a level of criticality or classification */
  { "low", N_("Low"), "lav|1" },
  /* Translators: a level of criticality or classification */
  { "medium", N_("Medium"), "middel|mellem|2" },
  /* Translators: a level of criticality or classification */
  { "high", N_("High"), "høj|3" },
  /* Translators: a level of criticality or classification */
  { "very_high", N_("Very high"), "meget høj|kritisk|4" },
};
ENUM (vaern_enum_level, levels);

static const VaernEnumEntry unit_kinds[] = {
  /* Translators: a kind of organisational unit in a Danish municipality */
  { "directorate", N_("Directorate"), "forvaltning|direktørområde" },
  /* Translators: a kind of organisational unit */
  { "department", N_("Department"), "afdeling" },
  /* Translators: a kind of organisational unit */
  { "staff", N_("Staff function"), "stab|stabsfunktion" },
  /* Translators: a kind of organisational unit: school, nursing home, … */
  { "institution", N_("Institution"), "institution" },
  /* Translators: a kind of organisational unit */
  { "team", N_("Team"), "team|gruppe" },
};
ENUM (vaern_enum_unit_kind, unit_kinds);

static const VaernEnumEntry role_scopes[] = {
  /* Translators: which assets a role is held for */
  { "system", N_("IT systems"), NULL },
  /* Translators: which assets a role is held for */
  { "other", N_("Other assets"), NULL },
  /* Translators: which assets a role is held for */
  { "any", N_("All assets"), NULL },
};
ENUM (vaern_enum_role_scope, role_scopes);

const char *
vaern_enum_key (const VaernEnum *e,
                guint            value)
{
  g_return_val_if_fail (e != NULL, NULL);
  g_return_val_if_fail (value < e->n_entries, NULL);

  return e->entries[value].key;
}

const char *
vaern_enum_label (const VaernEnum *e,
                  guint            value)
{
  g_return_val_if_fail (e != NULL, NULL);

  if (value >= e->n_entries)
    return "";

  return _(e->entries[value].label);
}

gboolean
vaern_enum_from_key (const VaernEnum *e,
                     const char      *key,
                     guint           *value)
{
  g_return_val_if_fail (e != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < e->n_entries; i++)
    {
      if (g_str_equal (e->entries[i].key, key))
        {
          if (value)
            *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
folded_equal (const char *a,
              const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

gboolean
vaern_enum_parse (const VaernEnum *e,
                  const char      *text,
                  guint           *value)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (e != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));

  for (guint i = 0; i < e->n_entries; i++)
    {
      if (folded_equal (trimmed, e->entries[i].key)
          || folded_equal (trimmed, e->entries[i].label)
          || folded_equal (trimmed, _(e->entries[i].label)))
        {
          if (value)
            *value = i;
          return TRUE;
        }
    }

  /* Aliases last, so an alias never shadows another entry's own name. */
  for (guint i = 0; i < e->n_entries; i++)
    {
      g_auto(GStrv) words = NULL;

      if (e->entries[i].aliases == NULL)
        continue;
      words = g_strsplit (e->entries[i].aliases, "|", -1);
      for (guint w = 0; words[w]; w++)
        if (folded_equal (trimmed, words[w]))
          {
            if (value)
              *value = i;
            return TRUE;
          }
    }

  return FALSE;
}
