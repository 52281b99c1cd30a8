/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sample Statement of Applicability, documents register and approvals
 * of the demo and large documents: an approved first version and a draft
 * of the second with a handful of changes, some of them unfinished, so
 * that every filter and the comparison have something to show. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vaern-document-private.h"

static const struct
{
  const char    *title;
  VaernDocKind   kind;
  const char    *version;
  VaernDocStatus status;
  const char    *next_review;
  const char    *location;
} sample_documents[] = {
  { "Informationssikkerhedspolitik", VAERN_DOC_KIND_POLICY, "3.0", VAERN_DOC_STATUS_APPROVED,
    "2027-02-01", "https://intranet.eksempel-kommune.dk/sikkerhed/politik.pdf" },
  { "Retningslinje for adgangsstyring", VAERN_DOC_KIND_GUIDELINE, "2.1", VAERN_DOC_STATUS_APPROVED,
    "2026-09-01", "/srv/isms/retningslinjer/adgangsstyring.docx" },
  { "Retningslinje for brug af e-mail og internet", VAERN_DOC_KIND_GUIDELINE, "1.4",
    VAERN_DOC_STATUS_APPROVED, "2027-03-01", "/srv/isms/retningslinjer/email-internet.docx" },
  { "Retningslinje for leverandørstyring", VAERN_DOC_KIND_GUIDELINE, "1.0",
    VAERN_DOC_STATUS_IN_REVIEW, "2026-12-15", "/srv/isms/retningslinjer/leverandoerer.docx" },
  { "Retningslinje for fysisk sikkerhed", VAERN_DOC_KIND_GUIDELINE, "1.2", VAERN_DOC_STATUS_APPROVED,
    "2027-05-01", "/srv/isms/retningslinjer/fysisk-sikkerhed.docx" },
  { "Retningslinje for backup og reetablering", VAERN_DOC_KIND_GUIDELINE, "2.0",
    VAERN_DOC_STATUS_APPROVED, "2027-01-15", "/srv/isms/retningslinjer/backup.docx" },
  { "Procedure for håndtering af sikkerhedshændelser", VAERN_DOC_KIND_PROCEDURE, "1.3",
    VAERN_DOC_STATUS_APPROVED, "2026-10-01", "/srv/isms/procedurer/haendelser.docx" },
  { "Procedure for sletning og bortskaffelse", VAERN_DOC_KIND_PROCEDURE, "1.0",
    VAERN_DOC_STATUS_DRAFT, NULL, "/srv/isms/procedurer/sletning.docx" },
  { "Beredskabsplan for IT", VAERN_DOC_KIND_CONTINGENCY, "4.2", VAERN_DOC_STATUS_APPROVED,
    "2026-06-01", "/srv/isms/beredskab/beredskabsplan-it.pdf" },
  { "Ledelsesrapport 2025", VAERN_DOC_KIND_REPORT, "1.0", VAERN_DOC_STATUS_APPROVED, NULL,
    "/srv/isms/rapporter/ledelsesrapport-2025.pdf" },
  { "Forbedringsnotat 2026", VAERN_DOC_KIND_IMPROVEMENT, "0.9", VAERN_DOC_STATUS_IN_REVIEW,
    "2027-01-31", "/srv/isms/rapporter/forbedringsnotat-2026.docx" },
  { "Awareness-program 2026", VAERN_DOC_KIND_OTHER, "1.0", VAERN_DOC_STATUS_WITHDRAWN, NULL,
    "https://intranet.eksempel-kommune.dk/sikkerhed/awareness" },
};

/* Which sample document (by index) documents which controls. */
static const struct
{
  guint       document;
  const char *controls;
} sample_links[] = {
  { 0, "5.1 5.2 5.4 5.36" },
  { 1, "5.15 5.16 5.17 5.18 8.2 8.3 8.5" },
  { 2, "5.10 6.7 8.7 8.23" },
  { 3, "5.19 5.20 5.21 5.22 5.23" },
  { 4, "7.1 7.2 7.3 7.4 7.6 7.7 7.8 7.9 7.11 7.12" },
  { 5, "8.13 8.14" },
  { 6, "5.24 5.25 5.26 5.27 5.28 6.8" },
  { 7, "7.10 7.14 8.10" },
  { 8, "5.29 5.30 8.14" },
  { 9, "5.35" },
};

/* Left out, with the reason a municipality that buys its systems gives. */
static const struct
{
  const char *control;
  const char *justification;
} sample_exclusions[] = {
  { "8.4", "Kommunen har ikke adgang til kildekode; den ligger hos leverandørerne." },
  { "8.25", "Kommunen udvikler ikke selv software. Udvikling sker hos leverandører, "
            "som styres efter 5.19–5.22 og 8.30." },
  { "8.28", "Ingen egen softwareudvikling; se begrundelsen for 8.25." },
  { "8.29", "Ingen egen softwareudvikling; leverandørernes test kræves i kontrakterne (5.20)." },
};

static const char *const law_controls[] = { "5.31", "5.32", "5.33", "5.34", "6.1", "6.6", NULL };
static const char *const contract_controls[] = { "5.19", "5.20", "5.21", "5.22", "5.23", "8.30", NULL };

static gboolean
exec_entry (VaernDocument *self,
            gint64         version_id,
            const char    *control,
            gboolean       applicable,
            guint          reasons,
            const char    *justification,
            const char    *status,
            gint64         owner_id,
            GError       **error)
{
  VaernDbStmt *stmt = doc_prepare (self,
                                    "UPDATE soa_entry SET applicable = ?, reasons = ?,"
                                    " justification = ?, status = ?, owner_id = ?"
                                    " WHERE version_id = ? AND control = ?", error);

  if (stmt == NULL)
    return FALSE;
  vaern_db_bind_int (stmt, 1, applicable);
  vaern_db_bind_int (stmt, 2, (int) reasons);
  doc_bind_text (stmt, 3, justification ? justification : "");
  doc_bind_text (stmt, 4, status);
  doc_bind_id (stmt, 5, owner_id);
  vaern_db_bind_int (stmt, 6, version_id);
  doc_bind_text (stmt, 7, control);
  return doc_step_done (self, stmt, error);
}

static gboolean
approve (VaernDocument        *self,
         VaernApprovalSubject  subject,
         gint64                target,
         const char           *title,
         const char           *by,
         const char           *on,
         const char           *note,
         GError              **error)
{
  g_autoptr(VaernApproval) a = vaern_approval_new ();

  a->subject = subject;
  if (subject == VAERN_APPROVAL_SOA)
    a->soa_version_id = target;
  else if (subject == VAERN_APPROVAL_DOCUMENT)
    a->document_id = target;
  a->title = g_strdup (title);
  a->approved_by = g_strdup (by);
  a->approved_on = g_strdup (on);
  a->note = g_strdup (note);
  return vaern_document_add_approval (self, a, error) != 0;
}

gboolean
doc_add_sample_soa (VaernDocument *self,
                    GError       **error)
{
  gint64 doc_ids[G_N_ELEMENTS (sample_documents)];
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) controls = g_ptr_array_new_with_free_func (g_free);
  VaernDbStmt *stmt;
  gint64 v1, v2;

  stmt = doc_prepare (self, "SELECT id FROM person ORDER BY id LIMIT 9", error);
  if (stmt == NULL)
    return FALSE;
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      gint64 id = vaern_db_column_int (stmt, 0);

      g_array_append_val (people, id);
    }
  vaern_db_reset (stmt);
  if (people->len == 0)
    g_array_append_val (people, (gint64) { 0 });

  for (guint i = 0; i < G_N_ELEMENTS (sample_documents); i++)
    {
      g_autoptr(VaernIsmsDocument) d = vaern_isms_document_new ();

      d->title = g_strdup (sample_documents[i].title);
      d->kind = sample_documents[i].kind;
      d->version = g_strdup (sample_documents[i].version);
      d->status = sample_documents[i].status;
      d->next_review = g_strdup (sample_documents[i].next_review);
      d->location = g_strdup (sample_documents[i].location);
      d->owner_id = g_array_index (people, gint64, i % people->len);
      doc_ids[i] = vaern_document_add_isms_document (self, d, error);
      if (doc_ids[i] == 0)
        return FALSE;
    }

  v1 = doc_query_int (self, "SELECT id FROM soa_version WHERE number = 1", 0, error);
  if (v1 <= 0)
    return FALSE;
  stmt = doc_prepare (self, "SELECT control FROM soa_entry WHERE version_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  vaern_db_bind_int (stmt, 1, v1);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    g_ptr_array_add (controls, doc_column_dup (stmt, 0));
  vaern_db_reset (stmt);

  /* Version 1: every control decided, most implemented. */
  for (guint i = 0; i < controls->len; i++)
    {
      const char *control = controls->pdata[i];
      const char *excluded = NULL;
      guint reasons = (1u << VAERN_SOA_REASON_RISK) | (i % 3 == 0 ? 1u << VAERN_SOA_REASON_PRACTICE : 0);
      static const char *const statuses[] = {
        "implemented", "implemented", "partly", "implemented", "planned", "implemented",
        "partly", "implemented", "not_started", "implemented",
      };

      for (guint k = 0; k < G_N_ELEMENTS (sample_exclusions); k++)
        if (g_str_equal (sample_exclusions[k].control, control))
          excluded = sample_exclusions[k].justification;
      if (g_strv_contains (law_controls, control))
        reasons |= 1u << VAERN_SOA_REASON_LAW;
      if (g_strv_contains (contract_controls, control))
        reasons |= 1u << VAERN_SOA_REASON_CONTRACT;
      if (!exec_entry (self, v1, control, excluded == NULL, excluded ? 0 : reasons, excluded,
                       excluded ? "not_started" : statuses[(i * 7) % G_N_ELEMENTS (statuses)],
                       g_array_index (people, gint64, (i / 4) % people->len), error))
        return FALSE;
    }
  for (guint l = 0; l < G_N_ELEMENTS (sample_links); l++)
    {
      g_auto(GStrv) numbers = g_strsplit (sample_links[l].controls, " ", -1);

      for (guint k = 0; numbers[k]; k++)
        {
          stmt = doc_prepare (self,
                              "INSERT INTO soa_entry_document (entry_id, document_id)"
                              " SELECT id, ? FROM soa_entry WHERE version_id = ? AND control = ?",
                              error);
          if (stmt == NULL)
            return FALSE;
          vaern_db_bind_int (stmt, 1, doc_ids[sample_links[l].document]);
          vaern_db_bind_int (stmt, 2, v1);
          doc_bind_text (stmt, 3, numbers[k]);
          if (!doc_step_done (self, stmt, error))
            return FALSE;
        }
    }
  if (!doc_exec (self, "UPDATE soa_version SET created_on = '2025-01-20' WHERE number = 1", error)
      || !approve (self, VAERN_APPROVAL_SOA, v1, "Anvendelseserklæring (SoA), version 1", "Direktionen", "2025-04-10",
                   "Godkendt på direktionsmødet 10. april 2025, punkt 4.", error))
    return FALSE;

  /* Version 2: the draft of this year's turn of the wheel. */
  v2 = vaern_document_new_soa_draft (self, error);
  if (v2 == 0
      || !doc_exec (self, "UPDATE soa_version SET created_on = '2025-11-03' WHERE number = 2", error)
      || !exec_entry (self, v2, "5.23", TRUE, (1u << VAERN_SOA_REASON_RISK) | (1u << VAERN_SOA_REASON_CONTRACT),
                      "Skytjenester købes efter leverandørretningslinjen.", "implemented",
                      g_array_index (people, gint64, 0), error)
      || !exec_entry (self, v2, "8.16", TRUE, 0, NULL, "planned",
                      g_array_index (people, gint64, 1 % people->len), error)
      || !exec_entry (self, v2, "5.7", TRUE, 0, NULL, "not_started", 0, error)
      || !exec_entry (self, v2, "8.12", TRUE, 0, NULL, "not_started", 0, error)
      || !exec_entry (self, v2, "8.29", TRUE, (1u << VAERN_SOA_REASON_CONTRACT),
                      "Sikkerhedstest kræves nu af leverandørerne og følges op årligt.", "partly",
                      g_array_index (people, gint64, 2 % people->len), error)
      || !doc_exec (self, "UPDATE soa_entry SET status = 'implemented' WHERE version_id ="
                    " (SELECT id FROM soa_version WHERE number = 2)"
                    " AND control IN ('5.9', '5.12', '6.3', '8.7', '8.8', '8.13', '7.10')", error))
    return FALSE;

  /* Other decisions of management. */
  return approve (self, VAERN_APPROVAL_DOCUMENT, doc_ids[0],
                  "Informationssikkerhedspolitik, version 3.0", "Økonomiudvalget", "2025-02-20",
                  "Politikken er vedtaget uden ændringer.", error)
         && approve (self, VAERN_APPROVAL_DOCUMENT, doc_ids[8],
                     "Beredskabsplan for IT, version 4.2", "Direktionen", "2025-06-03",
                     "Testet ved beredskabsøvelsen i maj.", error)
         && approve (self, VAERN_APPROVAL_RISKS, 0,
                     "Risikovurdering af alle systemer 2025", "Direktionen", "2025-11-27",
                     "Restrisici accepteret; handleplan for røde risici følges op kvartalsvis.", error)
         && approve (self, VAERN_APPROVAL_DOCUMENT, doc_ids[9],
                     "Ledelsesrapport 2025", "Direktionen", "2025-12-10",
                     "Forelagt Økonomiudvalget til orientering.", error);
}
