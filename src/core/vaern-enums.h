/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every closed list of the domain model is a VaernEnum: the value is the index
 * into the table, the key is the stable identifier stored in the document and
 * written to reports, and the label is what a person reads (translated). One
 * table per list, one set of functions for all of them. */

typedef struct
{
  const char *key;
  const char *label;   /* untranslated; look up with vaern_enum_label() */
  const char *aliases; /* other words for it, "|"-separated: the Danish and KITOS
                        * terms people write in spreadsheets, whatever the
                        * language of the window */
} VaernEnumEntry;

typedef struct
{
  const char          *name;
  const VaernEnumEntry *entries;
  guint                n_entries;
} VaernEnum;

typedef enum
{
  VAERN_ASSET_KIND_SYSTEM,
  VAERN_ASSET_KIND_EQUIPMENT,
  VAERN_ASSET_KIND_PREMISES,
  VAERN_ASSET_KIND_ARCHIVE,
  VAERN_ASSET_KIND_OTHER,
} VaernAssetKind;

typedef enum
{
  VAERN_LIFECYCLE_PROCUREMENT,
  VAERN_LIFECYCLE_IN_USE,
  VAERN_LIFECYCLE_PHASING_OUT,
  VAERN_LIFECYCLE_RETIRED,
} VaernLifecycle;

typedef enum
{
  VAERN_PERSONAL_DATA_NONE,
  VAERN_PERSONAL_DATA_ORDINARY,
  VAERN_PERSONAL_DATA_SENSITIVE,
  VAERN_PERSONAL_DATA_CPR,
} VaernPersonalData;

typedef enum
{
  VAERN_DPA_NOT_REQUIRED,
  VAERN_DPA_MISSING,
  VAERN_DPA_SIGNED,
} VaernDpa;

typedef enum
{
  VAERN_HOSTING_UNKNOWN,
  VAERN_HOSTING_ON_PREMISES,
  VAERN_HOSTING_SUPPLIER,
  VAERN_HOSTING_CLOUD,
  VAERN_HOSTING_SHARED,
} VaernHosting;

/* Criticality and the FIT classification share one four-step scale; 0 means
 * "not assessed yet". */
typedef enum
{
  VAERN_LEVEL_UNSET,
  VAERN_LEVEL_LOW,
  VAERN_LEVEL_MEDIUM,
  VAERN_LEVEL_HIGH,
  VAERN_LEVEL_VERY_HIGH,
} VaernLevel;

typedef enum
{
  VAERN_UNIT_KIND_DIRECTORATE, /* forvaltning */
  VAERN_UNIT_KIND_DEPARTMENT,  /* afdeling */
  VAERN_UNIT_KIND_STAFF,       /* stab */
  VAERN_UNIT_KIND_INSTITUTION, /* institution */
  VAERN_UNIT_KIND_TEAM,        /* team */
} VaernUnitKind;

/* Which assets a role can be held for. */
typedef enum
{
  VAERN_ROLE_SCOPE_SYSTEM,
  VAERN_ROLE_SCOPE_OTHER,
  VAERN_ROLE_SCOPE_ANY,
} VaernRoleScope;

/* How a risk is treated (ISO 27001 6.1.3); undecided until someone decides. */
typedef enum
{
  VAERN_TREATMENT_UNDECIDED,
  VAERN_TREATMENT_ACCEPT,
  VAERN_TREATMENT_AVOID,
  VAERN_TREATMENT_SHARE,
  VAERN_TREATMENT_REDUCE,
} VaernTreatment;

/* How far an Annex A control is implemented (the SoA's status). */
typedef enum
{
  VAERN_SOA_STATUS_NOT_STARTED,
  VAERN_SOA_STATUS_PLANNED,
  VAERN_SOA_STATUS_PARTLY,
  VAERN_SOA_STATUS_IMPLEMENTED,
} VaernSoaStatus;

/* Why an applicable control is included in the SoA; an entry may have
 * several, stored as a set of bits (1 << value). */
typedef enum
{
  VAERN_SOA_REASON_RISK,     /* risk treatment */
  VAERN_SOA_REASON_LAW,      /* law or regulation */
  VAERN_SOA_REASON_CONTRACT, /* a contract or agreement */
  VAERN_SOA_REASON_PRACTICE, /* good practice */
} VaernSoaReason;

#define VAERN_SOA_REASONS_ALL 0xfu

/* The kinds of documents the ISMS keeps track of. */
typedef enum
{
  VAERN_DOC_KIND_POLICY,       /* informationssikkerhedspolitik */
  VAERN_DOC_KIND_GUIDELINE,    /* retningslinje */
  VAERN_DOC_KIND_PROCEDURE,    /* procedure, instruks */
  VAERN_DOC_KIND_CONTINGENCY,  /* beredskabsplan */
  VAERN_DOC_KIND_REPORT,       /* ledelsesrapport */
  VAERN_DOC_KIND_IMPROVEMENT,  /* forbedringsnotat */
  VAERN_DOC_KIND_OTHER,
} VaernDocKind;

typedef enum
{
  VAERN_DOC_STATUS_DRAFT,
  VAERN_DOC_STATUS_IN_REVIEW,
  VAERN_DOC_STATUS_APPROVED,
  VAERN_DOC_STATUS_WITHDRAWN,
} VaernDocStatus;

/* What management approved. */
typedef enum
{
  VAERN_APPROVAL_SOA,       /* a version of the Statement of Applicability */
  VAERN_APPROVAL_RISKS,     /* a risk assessment result */
  VAERN_APPROVAL_DOCUMENT,  /* a version of a document */
  VAERN_APPROVAL_OTHER,
} VaernApprovalSubject;

/* How often an activity of the annual wheel comes round. */
typedef enum
{
  VAERN_RECURRENCE_ONCE,
  VAERN_RECURRENCE_YEARLY,
  VAERN_RECURRENCE_HALF_YEARLY,
  VAERN_RECURRENCE_QUARTERLY,
  VAERN_RECURRENCE_MONTHLY,
} VaernRecurrence;

/* The phase of the PDCA cycle an activity belongs to. */
typedef enum
{
  VAERN_PDCA_PLAN,
  VAERN_PDCA_DO,
  VAERN_PDCA_CHECK,
  VAERN_PDCA_ACT,
} VaernPdcaPhase;

extern const VaernEnum vaern_enum_asset_kind;
extern const VaernEnum vaern_enum_lifecycle;
extern const VaernEnum vaern_enum_personal_data;
extern const VaernEnum vaern_enum_dpa;
extern const VaernEnum vaern_enum_hosting;
extern const VaernEnum vaern_enum_level;
extern const VaernEnum vaern_enum_unit_kind;
extern const VaernEnum vaern_enum_role_scope;
extern const VaernEnum vaern_enum_treatment;
extern const VaernEnum vaern_enum_soa_status;
extern const VaernEnum vaern_enum_soa_reason;
extern const VaernEnum vaern_enum_doc_kind;
extern const VaernEnum vaern_enum_doc_status;
extern const VaernEnum vaern_enum_approval_subject;
extern const VaernEnum vaern_enum_recurrence;
extern const VaernEnum vaern_enum_pdca_phase;

const char *vaern_enum_key      (const VaernEnum *e,
                                 guint            value);
const char *vaern_enum_label    (const VaernEnum *e,
                                 guint            value);
gboolean    vaern_enum_from_key (const VaernEnum *e,
                                 const char      *key,
                                 guint           *value);
/* Matches a key or a label (English or translated), ignoring case and
 * surrounding white space: for reading spreadsheets people typed by hand. */
gboolean    vaern_enum_parse    (const VaernEnum *e,
                                 const char      *text,
                                 guint           *value);

G_END_DECLS
