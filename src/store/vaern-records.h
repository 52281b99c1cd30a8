/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "core/vaern-enums.h"
#include "core/vaern-findings.h"
#include "core/vaern-recurrence.h"

G_BEGIN_DECLS

/* The rows of a document as small immutable GObjects, the items of the
 * document's list models. An edit makes a new object and the list replaces the
 * old one, so a view never sees a half-changed row. Fields are public for
 * reading; read-only properties expose what views bind and sort on.
 *
 * Every record has an id (the row's INTEGER PRIMARY KEY, stable for the life
 * of the document) and a digest of its content, which lets a list refresh
 * replace only the rows that changed. */

#define VAERN_TYPE_RECORD (vaern_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (VaernRecord, vaern_record, VAERN, RECORD, GObject)

typedef struct
{
  const char *name;
  GType       type;   /* G_TYPE_STRING, G_TYPE_INT64, G_TYPE_UINT or G_TYPE_BOOLEAN */
  gsize       offset; /* of the field in the instance struct */
} VaernRecordField;

struct _VaernRecordClass
{
  GObjectClass parent_class;

  const VaernRecordField *fields;
  guint                   n_fields;
};

gint64  vaern_record_get_id     (VaernRecord *self);
guint32 vaern_record_get_digest (VaernRecord *self);
void    vaern_record_set_identity (VaernRecord *self,
                                   gint64       id,
                                   guint32      digest);
/* The position of the record with this id in a list of records, or
 * G_MAXUINT (GTK_INVALID_LIST_POSITION) when it is not there. */
guint   vaern_record_list_find (GListModel *records,
                                gint64      id);
void    vaern_record_class_install_fields (VaernRecordClass       *klass,
                                           const VaernRecordField *fields,
                                           guint                   n_fields);

/* Asset: an IT system or another asset (KITOS-style). */
#define VAERN_TYPE_ASSET (vaern_asset_get_type ())
G_DECLARE_FINAL_TYPE (VaernAsset, vaern_asset, VAERN, ASSET, VaernRecord)

struct _VaernAsset
{
  VaernRecord       parent_instance;

  VaernAssetKind    kind;
  char             *name;
  char             *purpose;
  char             *kitos_uuid;
  char             *supplier;
  VaernHosting      hosting;
  VaernLifecycle    lifecycle;
  gint64            unit_id;      /* 0: none */
  VaernPersonalData personal_data;
  VaernDpa          dpa;
  char             *dpa_date;     /* ISO date or NULL */
  VaernLevel        criticality;
  VaernLevel        confidentiality;
  VaernLevel        integrity;
  VaernLevel        availability;
  char             *next_review;  /* ISO date or NULL */
  char             *notes;
  GArray           *using_unit_ids; /* gint64; the units that use the system */

  /* Derived when read; ignored when written. */
  char             *unit_name;
  gint64            owner_id;
  char             *owner_name;
  guint             n_administrators;
  VaernFindings     findings;
  char             *search_key;
  guint             n_risks;
  guint             max_residual_band; /* 0: no assessed risk, else band index + 1 */
  char             *last_assessed;     /* ISO date of the newest assessment, or NULL */
};

VaernAsset *vaern_asset_new  (void);
VaernAsset *vaern_asset_copy (VaernAsset *self);

/* Organisational unit: forvaltning, afdeling, stab, … in a tree. */
#define VAERN_TYPE_UNIT (vaern_unit_get_type ())
G_DECLARE_FINAL_TYPE (VaernUnit, vaern_unit, VAERN, UNIT, VaernRecord)

struct _VaernUnit
{
  VaernRecord   parent_instance;

  gint64        parent_id;  /* 0: top level */
  char         *name;
  VaernUnitKind kind;

  /* Derived */
  guint         depth;
  char         *path;       /* "Børn og Unge › Skoler" */
};

VaernUnit *vaern_unit_new (void);

/* Person */
#define VAERN_TYPE_PERSON (vaern_person_get_type ())
G_DECLARE_FINAL_TYPE (VaernPerson, vaern_person, VAERN, PERSON, VaernRecord)

struct _VaernPerson
{
  VaernRecord parent_instance;

  char       *name;
  char       *title;
  char       *email;
  char       *phone;
  gint64      unit_id;

  /* Derived */
  char       *unit_name;
  guint       n_roles;     /* current role assignments */
  char       *search_key;
};

VaernPerson *vaern_person_new  (void);
VaernPerson *vaern_person_copy (VaernPerson *self);

/* Role: systemejer, systemforvalter, … (configurable). */
#define VAERN_TYPE_ROLE (vaern_role_get_type ())
G_DECLARE_FINAL_TYPE (VaernRole, vaern_role, VAERN, ROLE, VaernRecord)

struct _VaernRole
{
  VaernRecord    parent_instance;

  char          *key;      /* "system_owner", … for the built-in roles; NULL for added ones */
  char          *name;
  char          *description;
  VaernRoleScope scope;
  gboolean       single;   /* at most one current holder per asset */
  gint64         position;
};

VaernRole *vaern_role_new (void);

/* The well-known keys of the built-in roles. */
#define VAERN_ROLE_SYSTEM_OWNER   "system_owner"
#define VAERN_ROLE_ADMINISTRATOR  "system_administrator"
#define VAERN_ROLE_CONTACT        "daily_contact"
#define VAERN_ROLE_ASSET_OWNER    "asset_owner"

/* Role assignment: person × asset × role, from a date, until a date. */
#define VAERN_TYPE_ASSIGNMENT (vaern_assignment_get_type ())
G_DECLARE_FINAL_TYPE (VaernAssignment, vaern_assignment, VAERN, ASSIGNMENT, VaernRecord)

struct _VaernAssignment
{
  VaernRecord parent_instance;

  gint64      asset_id;
  gint64      person_id;
  gint64      role_id;
  char       *from_date;
  char       *to_date;    /* NULL while current */
  char       *note;

  /* Derived */
  char       *asset_name;
  char       *person_name;
  char       *role_name;
  gboolean    current;
};

/* One entry of the change log. */
#define VAERN_TYPE_CHANGE (vaern_change_get_type ())
G_DECLARE_FINAL_TYPE (VaernChange, vaern_change, VAERN, CHANGE, VaernRecord)

struct _VaernChange
{
  VaernRecord parent_instance;

  gint64      change_set;
  char       *at;        /* ISO 8601 UTC time */
  char       *actor;     /* the OS user */
  char       *label;     /* what the person did, as the window said it */
  char       *table;
  gint64      row_id;
  char       *op;        /* "insert", "update" or "delete" */
  char       *old_values; /* JSON object or NULL */
  char       *new_values; /* JSON object or NULL */
};

/* Threat: an entry of the threat catalogue. */
#define VAERN_TYPE_THREAT (vaern_threat_get_type ())
G_DECLARE_FINAL_TYPE (VaernThreat, vaern_threat, VAERN, THREAT, VaernRecord)

struct _VaernThreat
{
  VaernRecord parent_instance;

  char       *category;
  char       *name;
  char       *description;
  gboolean    builtin;    /* shipped with the document; may still be edited */

  /* Derived */
  guint       n_risks;
  char       *search_key;
};

VaernThreat *vaern_threat_new (void);

/* Risk: a threat scenario for one asset, assessed on the document's scale.
 * Levels are 1 … the scale's size, 0 while not assessed. The residual
 * levels are what remains after treatment; while they are 0 the risk
 * counts after treatment as before it. */
#define VAERN_TYPE_RISK (vaern_risk_get_type ())
G_DECLARE_FINAL_TYPE (VaernRisk, vaern_risk, VAERN, RISK, VaernRecord)

struct _VaernRisk
{
  VaernRecord    parent_instance;

  gint64         asset_id;
  gint64         threat_id;       /* 0: none chosen */
  char          *title;
  char          *description;
  guint          consequence_c;   /* confidentiality */
  guint          consequence_i;   /* integrity */
  guint          consequence_a;   /* availability */
  guint          likelihood;
  VaernTreatment treatment;
  char          *measures;        /* the planned or taken measures */
  guint          residual_likelihood;
  guint          residual_consequence;
  gint64         owner_id;        /* 0: none */
  char          *assessed_on;     /* ISO dates or NULL */
  char          *review_date;
  char          *accepted_by;     /* who in management accepted it ("" if not) */
  char          *accepted_on;
  GStrv          controls;        /* Annex A 2022 numbers, "8.13"; NULL-terminated */

  /* Derived when read; ignored when written. */
  char          *asset_name;
  gint64         unit_id;         /* the asset's responsible unit */
  char          *threat_name;
  char          *owner_name;
  guint          consequence;     /* the highest of C, I and A */
  guint          score;           /* 0 while not assessed */
  guint          band;            /* 0: none, else band index + 1 */
  guint          after_likelihood;   /* residual, or inherent while not set */
  guint          after_consequence;
  guint          residual_score;
  guint          residual_band;   /* 0: none, else band index + 1 */
  gboolean       overdue;         /* the review date has passed */
  char          *search_key;
};

VaernRisk *vaern_risk_new  (void);
VaernRisk *vaern_risk_copy (VaernRisk *self);

/* A document the ISMS keeps track of (policy, guideline, contingency
 * plan, …): Værn records where it is and when it is due, not its text.
 * ("Document" alone is the Værn file, VaernDocument.) */
#define VAERN_TYPE_ISMS_DOCUMENT (vaern_isms_document_get_type ())
G_DECLARE_FINAL_TYPE (VaernIsmsDocument, vaern_isms_document, VAERN, ISMS_DOCUMENT, VaernRecord)

struct _VaernIsmsDocument
{
  VaernRecord    parent_instance;

  char          *title;
  VaernDocKind   kind;
  char          *version;     /* as the document writes it: "2.1", "2026" */
  gint64         owner_id;    /* 0: none */
  VaernDocStatus status;
  char          *next_review; /* ISO date or NULL */
  char          *location;    /* a path or a URL, "" if not given */
  char          *notes;

  /* Derived when read; ignored when written. */
  char          *owner_name;
  guint          n_controls;  /* controls of the newest SoA version that refer to it */
  gboolean       overdue;     /* the review date has passed */
  char          *search_key;
};

VaernIsmsDocument *vaern_isms_document_new  (void);
VaernIsmsDocument *vaern_isms_document_copy (VaernIsmsDocument *self);

/* A version of the Statement of Applicability. The newest version is the
 * draft that is edited until management approves it; an approved version
 * is frozen. */
#define VAERN_TYPE_SOA_VERSION (vaern_soa_version_get_type ())
G_DECLARE_FINAL_TYPE (VaernSoaVersion, vaern_soa_version, VAERN, SOA_VERSION, VaernRecord)

struct _VaernSoaVersion
{
  VaernRecord parent_instance;

  guint       number;       /* 1, 2, … */
  char       *created_on;   /* ISO date */

  /* Derived */
  gint64      approval_id;  /* 0 while a draft */
  char       *approved_by;
  char       *approved_on;
  char       *approval_note;
  gboolean    frozen;       /* approved */
  gboolean    newest;
  guint       n_controls;
  guint       n_applicable;
  guint       n_implemented; /* of the applicable */
};

/* A document an SoA entry refers to: as it is now, or, in an approved
 * version, as it was when approved. */
typedef struct
{
  gint64          id;
  char           *title;
  VaernDocKind    kind;
  char           *version;
  VaernDocStatus  status;
  char           *location;
} VaernSoaDocumentRef;

/* One control of one SoA version. */
#define VAERN_TYPE_SOA_ENTRY (vaern_soa_entry_get_type ())
G_DECLARE_FINAL_TYPE (VaernSoaEntry, vaern_soa_entry, VAERN, SOA_ENTRY, VaernRecord)

struct _VaernSoaEntry
{
  VaernRecord    parent_instance;

  gint64         version_id;
  char          *control;       /* the 2022 number, "5.9" */
  gboolean       applicable;
  guint          reasons;       /* bits 1 << VaernSoaReason */
  char          *justification; /* required when not applicable */
  VaernSoaStatus status;
  gint64         owner_id;      /* 0: none */
  char          *notes;
  GArray        *document_ids;  /* gint64, ascending */

  /* Derived when read; ignored when written. */
  GPtrArray     *documents;     /* VaernSoaDocumentRef, by id */
  guint          version_number;
  gboolean       frozen;
  guint          theme;         /* VaernControlTheme: 5–8 */
  guint          position;      /* the catalogue's order */
  char          *title;         /* in the language of the window */
  char          *title_da;
  char          *title_en;
  char          *owner_name;    /* an approved version keeps the name it had */
  guint          n_risks;       /* risks that name the control */
  gboolean       missing_justification;
  char          *search_key;
};

VaernSoaEntry *vaern_soa_entry_copy (VaernSoaEntry *self);
/* Whether the entry lacks what clause 6.1.3 d asks: a justification for an
 * exclusion, a reason for an inclusion. */
gboolean       vaern_soa_entry_needs_justification (VaernSoaEntry *self);
/* The reasons for including it, as a person reads them ("Risk treatment,
 * Law or regulation"); "" for none or for an excluded control. */
char          *vaern_soa_entry_reasons_text        (VaernSoaEntry *self);

/* Management's approval of something, with who, when and a note. */
#define VAERN_TYPE_APPROVAL (vaern_approval_get_type ())
G_DECLARE_FINAL_TYPE (VaernApproval, vaern_approval, VAERN, APPROVAL, VaernRecord)

struct _VaernApproval
{
  VaernRecord          parent_instance;

  VaernApprovalSubject subject;
  gint64               soa_version_id;  /* subject SOA */
  gint64               document_id;     /* subject DOCUMENT; 0 once the document is deleted */
  gint64               asset_id;        /* subject RISKS: one system, or 0: all */
  char                *subject_version; /* the document's version when approved */
  char                *title;           /* what, in words; filled in when empty */
  char                *approved_by;
  char                *approved_on;     /* ISO date */
  char                *note;

  /* Derived */
  guint                soa_version_number;
  char                *search_key;
};

VaernApproval *vaern_approval_new  (void);
VaernApproval *vaern_approval_copy (VaernApproval *self);

/* What an activity concerns, which opens from it. */
typedef enum
{
  VAERN_CONCERNS_NONE,
  VAERN_CONCERNS_RISKS,     /* a system's risk assessment (asset_id), or all */
  VAERN_CONCERNS_SOA,
  VAERN_CONCERNS_DOCUMENT,  /* document_id */
} VaernConcerns;

/* An occurrence marked done: which (its due date), when and by whom. */
typedef struct
{
  char *occurrence;
  char *done_on;
  char *done_by;
  char *note;
} VaernActivityDone;

/* An activity of the annual wheel (kind "wheel": recurring) or of the
 * annual plan (kind "plan": a one-off improvement with a deadline, which
 * may serve a risk or a control). */
#define VAERN_TYPE_ACTIVITY (vaern_activity_get_type ())
G_DECLARE_FINAL_TYPE (VaernActivity, vaern_activity, VAERN, ACTIVITY, VaernRecord)

struct _VaernActivity
{
  VaernRecord     parent_instance;

  char           *uid;           /* for calendars: stable for the activity's life */
  gboolean        plan;          /* an annual-plan item rather than the wheel's */
  char           *title;
  char           *description;
  VaernPdcaPhase  phase;
  VaernRecurrence recurrence;    /* once for plan items */
  char           *start_date;    /* the first due date (a plan item's deadline) */
  char           *end_date;      /* NULL: no end */
  gint64          owner_id;
  gboolean        in_progress;   /* the next open occurrence is under way */
  VaernConcerns   concerns;
  gint64          asset_id;      /* concerns RISKS: one system, or 0: all */
  gint64          document_id;   /* concerns DOCUMENT */
  gint64          risk_id;       /* plan items: the risk it serves, or 0 */
  char           *control;       /* plan items: the control it serves, or NULL */

  /* Derived when read; ignored when written. */
  GPtrArray      *done;          /* VaernActivityDone, by occurrence */
  char           *owner_name;
  char           *concerns_name; /* the system's or document's name */
  char           *next_date;     /* the first occurrence not done, or NULL */
  gboolean        overdue;       /* an occurrence before today is not done */
  char           *search_key;
};

VaernActivity *vaern_activity_new  (void);
VaernActivity *vaern_activity_copy (VaernActivity *self);
/* The record of an occurrence done, or NULL. */
const VaernActivityDone *vaern_activity_find_done (VaernActivity *self,
                                                   const char    *occurrence);

typedef enum
{
  VAERN_OCCURRENCE_PLANNED,
  VAERN_OCCURRENCE_IN_PROGRESS,
  VAERN_OCCURRENCE_DONE,
  VAERN_OCCURRENCE_OVERDUE,
} VaernOccurrenceState;

typedef struct
{
  char                    *date;
  VaernOccurrenceState     state;
  const VaernActivityDone *done;   /* owned by the activity */
} VaernOccurrence;

/* The activity's occurrences from from to to (ISO dates, included), each
 * with its state on today (NULL: vaern_date_today); an array of
 * VaernOccurrence that frees its dates. */
GArray        *vaern_activity_occurrences (VaernActivity *self,
                                           const char    *from,
                                           const char    *to,
                                           const char    *today);

/* The ids of a unit and every unit under it (gint64 keys, owned), or NULL
 * for root 0. Units must be in tree order (vaern_document_get_units). */
GHashTable *vaern_unit_subtree         (GListModel     *units,
                                        gint64          root);

/* Counts risks per cell of a scale of n_likelihood × n_consequence, before
 * (inherent) and after treatment (residual), indexed
 * [(likelihood - 1) * n_consequence + (consequence - 1)]; both arrays must
 * hold that many and are zeroed first. Unassessed risks are not counted.
 * keep (may be NULL) chooses which risks count. */
typedef gboolean (*VaernRiskFilter) (VaernRisk *risk,
                                     gpointer   user_data);
void       vaern_risk_list_count_cells (GListModel     *risks,
                                        guint           n_likelihood,
                                        guint           n_consequence,
                                        VaernRiskFilter keep,
                                        gpointer        user_data,
                                        guint          *inherent,
                                        guint          *residual);

G_END_DECLS
