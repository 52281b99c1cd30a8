/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/vaern-date.h"
#include "vaern-records.h"

typedef struct
{
  gint64  id;
  guint32 digest;
} VaernRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (VaernRecord, vaern_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FIRST_FIELD,
};

static void
vaern_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VaernRecord *self = VAERN_RECORD (object);
  VaernRecordClass *klass = VAERN_RECORD_GET_CLASS (self);
  const VaernRecordField *field;
  const guint8 *base = (const guint8 *) self;

  if (prop_id == PROP_ID)
    {
      g_value_set_int64 (value, vaern_record_get_id (self));
      return;
    }

  if (prop_id - PROP_FIRST_FIELD >= klass->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &klass->fields[prop_id - PROP_FIRST_FIELD];
  switch (field->type)
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *(char * const *) (base + field->offset));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, *(const gint64 *) (base + field->offset));
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, *(const guint *) (base + field->offset));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(const gboolean *) (base + field->offset));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
vaern_record_class_init (VaernRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = vaern_record_get_property;

  g_object_class_install_property (object_class, PROP_ID,
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
vaern_record_init (VaernRecord *self)
{
}

/**
 * vaern_record_class_install_fields:
 *
 * Installs one read-only property per field, read straight from the
 * instance struct, so record types need no get_property of their own.
 */
void
vaern_record_class_install_fields (VaernRecordClass       *klass,
                                   const VaernRecordField *fields,
                                   guint                   n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->fields = fields;
  klass->n_fields = n_fields;
  object_class->get_property = vaern_record_get_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec = NULL;

      switch (fields[i].type)
        {
        case G_TYPE_STRING:
          pspec = g_param_spec_string (fields[i].name, NULL, NULL, NULL, flags);
          break;
        case G_TYPE_INT64:
          pspec = g_param_spec_int64 (fields[i].name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case G_TYPE_UINT:
          pspec = g_param_spec_uint (fields[i].name, NULL, NULL, 0, G_MAXUINT, 0, flags);
          break;
        case G_TYPE_BOOLEAN:
          pspec = g_param_spec_boolean (fields[i].name, NULL, NULL, FALSE, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      g_object_class_install_property (object_class, PROP_FIRST_FIELD + i, pspec);
    }
}

gint64
vaern_record_get_id (VaernRecord *self)
{
  VaernRecordPrivate *priv = vaern_record_get_instance_private (self);

  g_return_val_if_fail (VAERN_IS_RECORD (self), 0);

  return priv->id;
}

guint32
vaern_record_get_digest (VaernRecord *self)
{
  VaernRecordPrivate *priv = vaern_record_get_instance_private (self);

  g_return_val_if_fail (VAERN_IS_RECORD (self), 0);

  return priv->digest;
}

void
vaern_record_set_identity (VaernRecord *self,
                           gint64       id,
                           guint32      digest)
{
  VaernRecordPrivate *priv = vaern_record_get_instance_private (self);

  priv->id = id;
  priv->digest = digest;
}

guint
vaern_record_list_find (GListModel *records,
                        gint64      id)
{
  guint n = g_list_model_get_n_items (records);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernRecord) record = g_list_model_get_item (records, i);

      if (vaern_record_get_id (record) == id)
        return i;
    }
  return G_MAXUINT;
}

#define FIELD(Type, name, gtype, member) { name, gtype, G_STRUCT_OFFSET (Type, member) }

/* Asset */

G_DEFINE_FINAL_TYPE (VaernAsset, vaern_asset, VAERN_TYPE_RECORD)

static const VaernRecordField asset_fields[] = {
  FIELD (VaernAsset, "kind", G_TYPE_UINT, kind),
  FIELD (VaernAsset, "name", G_TYPE_STRING, name),
  FIELD (VaernAsset, "supplier", G_TYPE_STRING, supplier),
  FIELD (VaernAsset, "lifecycle", G_TYPE_UINT, lifecycle),
  FIELD (VaernAsset, "personal-data", G_TYPE_UINT, personal_data),
  FIELD (VaernAsset, "criticality", G_TYPE_UINT, criticality),
  FIELD (VaernAsset, "next-review", G_TYPE_STRING, next_review),
  FIELD (VaernAsset, "unit-name", G_TYPE_STRING, unit_name),
  FIELD (VaernAsset, "owner-name", G_TYPE_STRING, owner_name),
  FIELD (VaernAsset, "findings", G_TYPE_UINT, findings),
  FIELD (VaernAsset, "search-key", G_TYPE_STRING, search_key),
  FIELD (VaernAsset, "max-residual-band", G_TYPE_UINT, max_residual_band),
  FIELD (VaernAsset, "last-assessed", G_TYPE_STRING, last_assessed),
};

static void
vaern_asset_finalize (GObject *object)
{
  VaernAsset *self = VAERN_ASSET (object);

  g_free (self->name);
  g_free (self->purpose);
  g_free (self->kitos_uuid);
  g_free (self->supplier);
  g_free (self->dpa_date);
  g_free (self->next_review);
  g_free (self->notes);
  g_clear_pointer (&self->using_unit_ids, g_array_unref);
  g_free (self->unit_name);
  g_free (self->owner_name);
  g_free (self->search_key);
  g_free (self->last_assessed);

  G_OBJECT_CLASS (vaern_asset_parent_class)->finalize (object);
}

static void
vaern_asset_class_init (VaernAssetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_asset_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), asset_fields,
                                     G_N_ELEMENTS (asset_fields));
}

static void
vaern_asset_init (VaernAsset *self)
{
  self->kind = VAERN_ASSET_KIND_SYSTEM;
  self->lifecycle = VAERN_LIFECYCLE_IN_USE;
  self->hosting = VAERN_HOSTING_UNKNOWN;
  self->dpa = VAERN_DPA_NOT_REQUIRED;
}

VaernAsset *
vaern_asset_new (void)
{
  return g_object_new (VAERN_TYPE_ASSET, NULL);
}

/**
 * vaern_asset_copy:
 *
 * Returns: (transfer full): an editable copy with the same id, for an editor
 *   that hands it back to vaern_document_update_asset().
 */
VaernAsset *
vaern_asset_copy (VaernAsset *self)
{
  VaernAsset *copy = vaern_asset_new ();

  vaern_record_set_identity (VAERN_RECORD (copy), vaern_record_get_id (VAERN_RECORD (self)),
                             vaern_record_get_digest (VAERN_RECORD (self)));
  copy->kind = self->kind;
  copy->name = g_strdup (self->name);
  copy->purpose = g_strdup (self->purpose);
  copy->kitos_uuid = g_strdup (self->kitos_uuid);
  copy->supplier = g_strdup (self->supplier);
  copy->hosting = self->hosting;
  copy->lifecycle = self->lifecycle;
  copy->unit_id = self->unit_id;
  copy->personal_data = self->personal_data;
  copy->dpa = self->dpa;
  copy->dpa_date = g_strdup (self->dpa_date);
  copy->criticality = self->criticality;
  copy->confidentiality = self->confidentiality;
  copy->integrity = self->integrity;
  copy->availability = self->availability;
  copy->next_review = g_strdup (self->next_review);
  copy->notes = g_strdup (self->notes);
  if (self->using_unit_ids)
    {
      copy->using_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (copy->using_unit_ids, self->using_unit_ids->data,
                           self->using_unit_ids->len);
    }
  copy->unit_name = g_strdup (self->unit_name);
  copy->owner_id = self->owner_id;
  copy->owner_name = g_strdup (self->owner_name);
  copy->n_administrators = self->n_administrators;
  copy->findings = self->findings;
  copy->search_key = g_strdup (self->search_key);
  copy->n_risks = self->n_risks;
  copy->max_residual_band = self->max_residual_band;
  copy->last_assessed = g_strdup (self->last_assessed);

  return copy;
}

/* Unit */

G_DEFINE_FINAL_TYPE (VaernUnit, vaern_unit, VAERN_TYPE_RECORD)

static const VaernRecordField unit_fields[] = {
  FIELD (VaernUnit, "name", G_TYPE_STRING, name),
  FIELD (VaernUnit, "path", G_TYPE_STRING, path),
  FIELD (VaernUnit, "depth", G_TYPE_UINT, depth),
  FIELD (VaernUnit, "kind", G_TYPE_UINT, kind),
};

static void
vaern_unit_finalize (GObject *object)
{
  VaernUnit *self = VAERN_UNIT (object);

  g_free (self->name);
  g_free (self->path);

  G_OBJECT_CLASS (vaern_unit_parent_class)->finalize (object);
}

static void
vaern_unit_class_init (VaernUnitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_unit_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), unit_fields,
                                     G_N_ELEMENTS (unit_fields));
}

static void
vaern_unit_init (VaernUnit *self)
{
  self->kind = VAERN_UNIT_KIND_DEPARTMENT;
}

VaernUnit *
vaern_unit_new (void)
{
  return g_object_new (VAERN_TYPE_UNIT, NULL);
}

/* Person */

G_DEFINE_FINAL_TYPE (VaernPerson, vaern_person, VAERN_TYPE_RECORD)

static const VaernRecordField person_fields[] = {
  FIELD (VaernPerson, "name", G_TYPE_STRING, name),
  FIELD (VaernPerson, "title", G_TYPE_STRING, title),
  FIELD (VaernPerson, "email", G_TYPE_STRING, email),
  FIELD (VaernPerson, "unit-name", G_TYPE_STRING, unit_name),
  FIELD (VaernPerson, "n-roles", G_TYPE_UINT, n_roles),
  FIELD (VaernPerson, "search-key", G_TYPE_STRING, search_key),
};

static void
vaern_person_finalize (GObject *object)
{
  VaernPerson *self = VAERN_PERSON (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->unit_name);
  g_free (self->search_key);

  G_OBJECT_CLASS (vaern_person_parent_class)->finalize (object);
}

static void
vaern_person_class_init (VaernPersonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_person_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), person_fields,
                                     G_N_ELEMENTS (person_fields));
}

static void
vaern_person_init (VaernPerson *self)
{
}

VaernPerson *
vaern_person_new (void)
{
  return g_object_new (VAERN_TYPE_PERSON, NULL);
}

VaernPerson *
vaern_person_copy (VaernPerson *self)
{
  VaernPerson *copy = vaern_person_new ();

  vaern_record_set_identity (VAERN_RECORD (copy), vaern_record_get_id (VAERN_RECORD (self)),
                             vaern_record_get_digest (VAERN_RECORD (self)));
  copy->name = g_strdup (self->name);
  copy->title = g_strdup (self->title);
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  copy->unit_id = self->unit_id;
  copy->unit_name = g_strdup (self->unit_name);
  copy->n_roles = self->n_roles;
  copy->search_key = g_strdup (self->search_key);

  return copy;
}

/* Role */

G_DEFINE_FINAL_TYPE (VaernRole, vaern_role, VAERN_TYPE_RECORD)

static const VaernRecordField role_fields[] = {
  FIELD (VaernRole, "key", G_TYPE_STRING, key),
  FIELD (VaernRole, "name", G_TYPE_STRING, name),
  FIELD (VaernRole, "scope", G_TYPE_UINT, scope),
  FIELD (VaernRole, "single", G_TYPE_BOOLEAN, single),
};

static void
vaern_role_finalize (GObject *object)
{
  VaernRole *self = VAERN_ROLE (object);

  g_free (self->key);
  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (vaern_role_parent_class)->finalize (object);
}

static void
vaern_role_class_init (VaernRoleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_role_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), role_fields,
                                     G_N_ELEMENTS (role_fields));
}

static void
vaern_role_init (VaernRole *self)
{
  self->scope = VAERN_ROLE_SCOPE_SYSTEM;
}

VaernRole *
vaern_role_new (void)
{
  return g_object_new (VAERN_TYPE_ROLE, NULL);
}

/* Assignment */

G_DEFINE_FINAL_TYPE (VaernAssignment, vaern_assignment, VAERN_TYPE_RECORD)

static const VaernRecordField assignment_fields[] = {
  FIELD (VaernAssignment, "asset-name", G_TYPE_STRING, asset_name),
  FIELD (VaernAssignment, "person-name", G_TYPE_STRING, person_name),
  FIELD (VaernAssignment, "role-name", G_TYPE_STRING, role_name),
  FIELD (VaernAssignment, "from-date", G_TYPE_STRING, from_date),
  FIELD (VaernAssignment, "to-date", G_TYPE_STRING, to_date),
  FIELD (VaernAssignment, "current", G_TYPE_BOOLEAN, current),
};

static void
vaern_assignment_finalize (GObject *object)
{
  VaernAssignment *self = VAERN_ASSIGNMENT (object);

  g_free (self->from_date);
  g_free (self->to_date);
  g_free (self->note);
  g_free (self->asset_name);
  g_free (self->person_name);
  g_free (self->role_name);

  G_OBJECT_CLASS (vaern_assignment_parent_class)->finalize (object);
}

static void
vaern_assignment_class_init (VaernAssignmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_assignment_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), assignment_fields,
                                     G_N_ELEMENTS (assignment_fields));
}

static void
vaern_assignment_init (VaernAssignment *self)
{
}

/* Change */

G_DEFINE_FINAL_TYPE (VaernChange, vaern_change, VAERN_TYPE_RECORD)

static const VaernRecordField change_fields[] = {
  FIELD (VaernChange, "at", G_TYPE_STRING, at),
  FIELD (VaernChange, "actor", G_TYPE_STRING, actor),
  FIELD (VaernChange, "label", G_TYPE_STRING, label),
  FIELD (VaernChange, "table", G_TYPE_STRING, table),
  FIELD (VaernChange, "op", G_TYPE_STRING, op),
};

static void
vaern_change_finalize (GObject *object)
{
  VaernChange *self = VAERN_CHANGE (object);

  g_free (self->at);
  g_free (self->actor);
  g_free (self->label);
  g_free (self->table);
  g_free (self->op);
  g_free (self->old_values);
  g_free (self->new_values);

  G_OBJECT_CLASS (vaern_change_parent_class)->finalize (object);
}

static void
vaern_change_class_init (VaernChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_change_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), change_fields,
                                     G_N_ELEMENTS (change_fields));
}

static void
vaern_change_init (VaernChange *self)
{
}

/* Threat */

G_DEFINE_FINAL_TYPE (VaernThreat, vaern_threat, VAERN_TYPE_RECORD)

static const VaernRecordField threat_fields[] = {
  FIELD (VaernThreat, "category", G_TYPE_STRING, category),
  FIELD (VaernThreat, "name", G_TYPE_STRING, name),
  FIELD (VaernThreat, "n-risks", G_TYPE_UINT, n_risks),
};

static void
vaern_threat_finalize (GObject *object)
{
  VaernThreat *self = VAERN_THREAT (object);

  g_free (self->category);
  g_free (self->name);
  g_free (self->description);
  g_free (self->search_key);

  G_OBJECT_CLASS (vaern_threat_parent_class)->finalize (object);
}

static void
vaern_threat_class_init (VaernThreatClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_threat_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), threat_fields,
                                     G_N_ELEMENTS (threat_fields));
}

static void
vaern_threat_init (VaernThreat *self)
{
}

VaernThreat *
vaern_threat_new (void)
{
  return g_object_new (VAERN_TYPE_THREAT, NULL);
}

/* Risk */

G_DEFINE_FINAL_TYPE (VaernRisk, vaern_risk, VAERN_TYPE_RECORD)

static const VaernRecordField risk_fields[] = {
  FIELD (VaernRisk, "title", G_TYPE_STRING, title),
  FIELD (VaernRisk, "asset-name", G_TYPE_STRING, asset_name),
  FIELD (VaernRisk, "threat-name", G_TYPE_STRING, threat_name),
  FIELD (VaernRisk, "owner-name", G_TYPE_STRING, owner_name),
  FIELD (VaernRisk, "treatment", G_TYPE_UINT, treatment),
  FIELD (VaernRisk, "score", G_TYPE_UINT, score),
  FIELD (VaernRisk, "band", G_TYPE_UINT, band),
  FIELD (VaernRisk, "residual-score", G_TYPE_UINT, residual_score),
  FIELD (VaernRisk, "residual-band", G_TYPE_UINT, residual_band),
  FIELD (VaernRisk, "review-date", G_TYPE_STRING, review_date),
  FIELD (VaernRisk, "assessed-on", G_TYPE_STRING, assessed_on),
  FIELD (VaernRisk, "overdue", G_TYPE_BOOLEAN, overdue),
  FIELD (VaernRisk, "search-key", G_TYPE_STRING, search_key),
};

static void
vaern_risk_finalize (GObject *object)
{
  VaernRisk *self = VAERN_RISK (object);

  g_free (self->title);
  g_free (self->description);
  g_free (self->measures);
  g_free (self->assessed_on);
  g_free (self->review_date);
  g_free (self->accepted_by);
  g_free (self->accepted_on);
  g_strfreev (self->controls);
  g_free (self->asset_name);
  g_free (self->threat_name);
  g_free (self->owner_name);
  g_free (self->search_key);

  G_OBJECT_CLASS (vaern_risk_parent_class)->finalize (object);
}

static void
vaern_risk_class_init (VaernRiskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_risk_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), risk_fields,
                                     G_N_ELEMENTS (risk_fields));
}

static void
vaern_risk_init (VaernRisk *self)
{
  self->treatment = VAERN_TREATMENT_UNDECIDED;
}

VaernRisk *
vaern_risk_new (void)
{
  return g_object_new (VAERN_TYPE_RISK, NULL);
}

VaernRisk *
vaern_risk_copy (VaernRisk *self)
{
  VaernRisk *copy = vaern_risk_new ();

  vaern_record_set_identity (VAERN_RECORD (copy), vaern_record_get_id (VAERN_RECORD (self)),
                             vaern_record_get_digest (VAERN_RECORD (self)));
  copy->asset_id = self->asset_id;
  copy->threat_id = self->threat_id;
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->consequence_c = self->consequence_c;
  copy->consequence_i = self->consequence_i;
  copy->consequence_a = self->consequence_a;
  copy->likelihood = self->likelihood;
  copy->treatment = self->treatment;
  copy->measures = g_strdup (self->measures);
  copy->residual_likelihood = self->residual_likelihood;
  copy->residual_consequence = self->residual_consequence;
  copy->owner_id = self->owner_id;
  copy->assessed_on = g_strdup (self->assessed_on);
  copy->review_date = g_strdup (self->review_date);
  copy->accepted_by = g_strdup (self->accepted_by);
  copy->accepted_on = g_strdup (self->accepted_on);
  copy->controls = g_strdupv (self->controls);
  copy->asset_name = g_strdup (self->asset_name);
  copy->unit_id = self->unit_id;
  copy->threat_name = g_strdup (self->threat_name);
  copy->owner_name = g_strdup (self->owner_name);
  copy->consequence = self->consequence;
  copy->score = self->score;
  copy->band = self->band;
  copy->after_likelihood = self->after_likelihood;
  copy->after_consequence = self->after_consequence;
  copy->residual_score = self->residual_score;
  copy->residual_band = self->residual_band;
  copy->overdue = self->overdue;
  copy->search_key = g_strdup (self->search_key);
  return copy;
}

/* ISMS document */

G_DEFINE_FINAL_TYPE (VaernIsmsDocument, vaern_isms_document, VAERN_TYPE_RECORD)

static const VaernRecordField isms_document_fields[] = {
  FIELD (VaernIsmsDocument, "title", G_TYPE_STRING, title),
  FIELD (VaernIsmsDocument, "kind", G_TYPE_UINT, kind),
  FIELD (VaernIsmsDocument, "version", G_TYPE_STRING, version),
  FIELD (VaernIsmsDocument, "status", G_TYPE_UINT, status),
  FIELD (VaernIsmsDocument, "next-review", G_TYPE_STRING, next_review),
  FIELD (VaernIsmsDocument, "owner-name", G_TYPE_STRING, owner_name),
  FIELD (VaernIsmsDocument, "overdue", G_TYPE_BOOLEAN, overdue),
  FIELD (VaernIsmsDocument, "search-key", G_TYPE_STRING, search_key),
};

static void
vaern_isms_document_finalize (GObject *object)
{
  VaernIsmsDocument *self = VAERN_ISMS_DOCUMENT (object);

  g_free (self->title);
  g_free (self->version);
  g_free (self->next_review);
  g_free (self->location);
  g_free (self->notes);
  g_free (self->owner_name);
  g_free (self->search_key);

  G_OBJECT_CLASS (vaern_isms_document_parent_class)->finalize (object);
}

static void
vaern_isms_document_class_init (VaernIsmsDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_isms_document_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), isms_document_fields,
                                     G_N_ELEMENTS (isms_document_fields));
}

static void
vaern_isms_document_init (VaernIsmsDocument *self)
{
  self->kind = VAERN_DOC_KIND_OTHER;
}

VaernIsmsDocument *
vaern_isms_document_new (void)
{
  return g_object_new (VAERN_TYPE_ISMS_DOCUMENT, NULL);
}

VaernIsmsDocument *
vaern_isms_document_copy (VaernIsmsDocument *self)
{
  VaernIsmsDocument *copy = vaern_isms_document_new ();

  vaern_record_set_identity (VAERN_RECORD (copy), vaern_record_get_id (VAERN_RECORD (self)),
                             vaern_record_get_digest (VAERN_RECORD (self)));
  copy->title = g_strdup (self->title);
  copy->kind = self->kind;
  copy->version = g_strdup (self->version);
  copy->owner_id = self->owner_id;
  copy->status = self->status;
  copy->next_review = g_strdup (self->next_review);
  copy->location = g_strdup (self->location);
  copy->notes = g_strdup (self->notes);
  copy->owner_name = g_strdup (self->owner_name);
  copy->n_controls = self->n_controls;
  copy->overdue = self->overdue;
  copy->search_key = g_strdup (self->search_key);
  return copy;
}

/* SoA version */

G_DEFINE_FINAL_TYPE (VaernSoaVersion, vaern_soa_version, VAERN_TYPE_RECORD)

static const VaernRecordField soa_version_fields[] = {
  FIELD (VaernSoaVersion, "number", G_TYPE_UINT, number),
  FIELD (VaernSoaVersion, "approved-by", G_TYPE_STRING, approved_by),
  FIELD (VaernSoaVersion, "approved-on", G_TYPE_STRING, approved_on),
  FIELD (VaernSoaVersion, "frozen", G_TYPE_BOOLEAN, frozen),
};

static void
vaern_soa_version_finalize (GObject *object)
{
  VaernSoaVersion *self = VAERN_SOA_VERSION (object);

  g_free (self->created_on);
  g_free (self->approved_by);
  g_free (self->approved_on);
  g_free (self->approval_note);

  G_OBJECT_CLASS (vaern_soa_version_parent_class)->finalize (object);
}

static void
vaern_soa_version_class_init (VaernSoaVersionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_soa_version_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), soa_version_fields,
                                     G_N_ELEMENTS (soa_version_fields));
}

static void
vaern_soa_version_init (VaernSoaVersion *self)
{
}

/* SoA entry */

G_DEFINE_FINAL_TYPE (VaernSoaEntry, vaern_soa_entry, VAERN_TYPE_RECORD)

static const VaernRecordField soa_entry_fields[] = {
  FIELD (VaernSoaEntry, "control", G_TYPE_STRING, control),
  FIELD (VaernSoaEntry, "title", G_TYPE_STRING, title),
  FIELD (VaernSoaEntry, "applicable", G_TYPE_BOOLEAN, applicable),
  FIELD (VaernSoaEntry, "status", G_TYPE_UINT, status),
  FIELD (VaernSoaEntry, "owner-name", G_TYPE_STRING, owner_name),
  FIELD (VaernSoaEntry, "theme", G_TYPE_UINT, theme),
  FIELD (VaernSoaEntry, "position", G_TYPE_UINT, position),
  FIELD (VaernSoaEntry, "n-risks", G_TYPE_UINT, n_risks),
  FIELD (VaernSoaEntry, "missing-justification", G_TYPE_BOOLEAN, missing_justification),
  FIELD (VaernSoaEntry, "search-key", G_TYPE_STRING, search_key),
};

static void
document_ref_free (gpointer data)
{
  VaernSoaDocumentRef *ref = data;

  g_free (ref->title);
  g_free (ref->version);
  g_free (ref->location);
  g_free (ref);
}

static void
vaern_soa_entry_finalize (GObject *object)
{
  VaernSoaEntry *self = VAERN_SOA_ENTRY (object);

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_free (self->control);
  g_free (self->justification);
  g_free (self->notes);
  g_clear_pointer (&self->document_ids, g_array_unref);
  g_free (self->title);
  g_free (self->title_da);
  g_free (self->title_en);
  g_free (self->owner_name);
  g_free (self->search_key);

  G_OBJECT_CLASS (vaern_soa_entry_parent_class)->finalize (object);
}

static void
vaern_soa_entry_class_init (VaernSoaEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_soa_entry_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), soa_entry_fields,
                                     G_N_ELEMENTS (soa_entry_fields));
}

static void
vaern_soa_entry_init (VaernSoaEntry *self)
{
  self->applicable = TRUE;
  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->documents = g_ptr_array_new_with_free_func (document_ref_free);
}

VaernSoaEntry *
vaern_soa_entry_copy (VaernSoaEntry *self)
{
  VaernSoaEntry *copy = g_object_new (VAERN_TYPE_SOA_ENTRY, NULL);

  vaern_record_set_identity (VAERN_RECORD (copy), vaern_record_get_id (VAERN_RECORD (self)),
                             vaern_record_get_digest (VAERN_RECORD (self)));
  copy->version_id = self->version_id;
  copy->control = g_strdup (self->control);
  copy->applicable = self->applicable;
  copy->reasons = self->reasons;
  copy->justification = g_strdup (self->justification);
  copy->status = self->status;
  copy->owner_id = self->owner_id;
  copy->notes = g_strdup (self->notes);
  g_array_append_vals (copy->document_ids, self->document_ids->data, self->document_ids->len);
  for (guint i = 0; i < self->documents->len; i++)
    {
      const VaernSoaDocumentRef *ref = self->documents->pdata[i];
      VaernSoaDocumentRef *c = g_new0 (VaernSoaDocumentRef, 1);

      c->id = ref->id;
      c->title = g_strdup (ref->title);
      c->kind = ref->kind;
      c->version = g_strdup (ref->version);
      c->status = ref->status;
      c->location = g_strdup (ref->location);
      g_ptr_array_add (copy->documents, c);
    }
  copy->version_number = self->version_number;
  copy->frozen = self->frozen;
  copy->theme = self->theme;
  copy->position = self->position;
  copy->title = g_strdup (self->title);
  copy->title_da = g_strdup (self->title_da);
  copy->title_en = g_strdup (self->title_en);
  copy->owner_name = g_strdup (self->owner_name);
  copy->n_risks = self->n_risks;
  copy->missing_justification = self->missing_justification;
  copy->search_key = g_strdup (self->search_key);
  return copy;
}

gboolean
vaern_soa_entry_needs_justification (VaernSoaEntry *self)
{
  g_return_val_if_fail (VAERN_IS_SOA_ENTRY (self), FALSE);

  if (!self->applicable)
    {
      const char *p = self->justification ? self->justification : "";

      while (g_ascii_isspace (*p))
        p++;
      return *p == '\0';
    }
  return self->reasons == 0;
}

char *
vaern_soa_entry_reasons_text (VaernSoaEntry *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (VAERN_IS_SOA_ENTRY (self), g_string_free (s, FALSE));

  for (guint i = 0; self->applicable && i < vaern_enum_soa_reason.n_entries; i++)
    if (self->reasons & (1u << i))
      {
        if (s->len > 0)
          g_string_append (s, ", ");
        g_string_append (s, vaern_enum_label (&vaern_enum_soa_reason, i));
      }
  return g_string_free (s, FALSE);
}

/* Approval */

G_DEFINE_FINAL_TYPE (VaernApproval, vaern_approval, VAERN_TYPE_RECORD)

static const VaernRecordField approval_fields[] = {
  FIELD (VaernApproval, "subject", G_TYPE_UINT, subject),
  FIELD (VaernApproval, "title", G_TYPE_STRING, title),
  FIELD (VaernApproval, "approved-by", G_TYPE_STRING, approved_by),
  FIELD (VaernApproval, "approved-on", G_TYPE_STRING, approved_on),
  FIELD (VaernApproval, "search-key", G_TYPE_STRING, search_key),
};

static void
vaern_approval_finalize (GObject *object)
{
  VaernApproval *self = VAERN_APPROVAL (object);

  g_free (self->subject_version);
  g_free (self->title);
  g_free (self->approved_by);
  g_free (self->approved_on);
  g_free (self->note);
  g_free (self->search_key);

  G_OBJECT_CLASS (vaern_approval_parent_class)->finalize (object);
}

static void
vaern_approval_class_init (VaernApprovalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_approval_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), approval_fields,
                                     G_N_ELEMENTS (approval_fields));
}

static void
vaern_approval_init (VaernApproval *self)
{
}

VaernApproval *
vaern_approval_new (void)
{
  return g_object_new (VAERN_TYPE_APPROVAL, NULL);
}

VaernApproval *
vaern_approval_copy (VaernApproval *self)
{
  VaernApproval *copy = vaern_approval_new ();

  vaern_record_set_identity (VAERN_RECORD (copy), vaern_record_get_id (VAERN_RECORD (self)),
                             vaern_record_get_digest (VAERN_RECORD (self)));
  copy->subject = self->subject;
  copy->soa_version_id = self->soa_version_id;
  copy->document_id = self->document_id;
  copy->asset_id = self->asset_id;
  copy->subject_version = g_strdup (self->subject_version);
  copy->title = g_strdup (self->title);
  copy->approved_by = g_strdup (self->approved_by);
  copy->approved_on = g_strdup (self->approved_on);
  copy->note = g_strdup (self->note);
  copy->soa_version_number = self->soa_version_number;
  copy->search_key = g_strdup (self->search_key);
  return copy;
}

/* Activity */

G_DEFINE_FINAL_TYPE (VaernActivity, vaern_activity, VAERN_TYPE_RECORD)

static const VaernRecordField activity_fields[] = {
  FIELD (VaernActivity, "title", G_TYPE_STRING, title),
  FIELD (VaernActivity, "phase", G_TYPE_UINT, phase),
  FIELD (VaernActivity, "recurrence", G_TYPE_UINT, recurrence),
  FIELD (VaernActivity, "start-date", G_TYPE_STRING, start_date),
  FIELD (VaernActivity, "next-date", G_TYPE_STRING, next_date),
  FIELD (VaernActivity, "owner-name", G_TYPE_STRING, owner_name),
  FIELD (VaernActivity, "overdue", G_TYPE_BOOLEAN, overdue),
  FIELD (VaernActivity, "search-key", G_TYPE_STRING, search_key),
};

static void
activity_done_free (gpointer data)
{
  VaernActivityDone *d = data;

  g_free (d->occurrence);
  g_free (d->done_on);
  g_free (d->done_by);
  g_free (d->note);
  g_free (d);
}

static void
vaern_activity_finalize (GObject *object)
{
  VaernActivity *self = VAERN_ACTIVITY (object);

  g_free (self->uid);
  g_free (self->title);
  g_free (self->description);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->control);
  g_ptr_array_unref (self->done);
  g_free (self->owner_name);
  g_free (self->concerns_name);
  g_free (self->next_date);
  g_free (self->search_key);

  G_OBJECT_CLASS (vaern_activity_parent_class)->finalize (object);
}

static void
vaern_activity_class_init (VaernActivityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vaern_activity_finalize;
  vaern_record_class_install_fields (VAERN_RECORD_CLASS (klass), activity_fields,
                                     G_N_ELEMENTS (activity_fields));
}

static void
vaern_activity_init (VaernActivity *self)
{
  self->recurrence = VAERN_RECURRENCE_YEARLY;
  self->done = g_ptr_array_new_with_free_func (activity_done_free);
}

VaernActivity *
vaern_activity_new (void)
{
  return g_object_new (VAERN_TYPE_ACTIVITY, NULL);
}

VaernActivity *
vaern_activity_copy (VaernActivity *self)
{
  VaernActivity *copy = vaern_activity_new ();

  vaern_record_set_identity (VAERN_RECORD (copy), vaern_record_get_id (VAERN_RECORD (self)),
                             vaern_record_get_digest (VAERN_RECORD (self)));
  copy->uid = g_strdup (self->uid);
  copy->plan = self->plan;
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->phase = self->phase;
  copy->recurrence = self->recurrence;
  copy->start_date = g_strdup (self->start_date);
  copy->end_date = g_strdup (self->end_date);
  copy->owner_id = self->owner_id;
  copy->in_progress = self->in_progress;
  copy->concerns = self->concerns;
  copy->asset_id = self->asset_id;
  copy->document_id = self->document_id;
  copy->risk_id = self->risk_id;
  copy->control = g_strdup (self->control);
  for (guint i = 0; i < self->done->len; i++)
    {
      const VaernActivityDone *d = self->done->pdata[i];
      VaernActivityDone *c = g_new0 (VaernActivityDone, 1);

      c->occurrence = g_strdup (d->occurrence);
      c->done_on = g_strdup (d->done_on);
      c->done_by = g_strdup (d->done_by);
      c->note = g_strdup (d->note);
      g_ptr_array_add (copy->done, c);
    }
  copy->owner_name = g_strdup (self->owner_name);
  copy->concerns_name = g_strdup (self->concerns_name);
  copy->next_date = g_strdup (self->next_date);
  copy->overdue = self->overdue;
  copy->search_key = g_strdup (self->search_key);
  return copy;
}

const VaernActivityDone *
vaern_activity_find_done (VaernActivity *self,
                          const char    *occurrence)
{
  g_return_val_if_fail (VAERN_IS_ACTIVITY (self), NULL);

  for (guint i = 0; occurrence && i < self->done->len; i++)
    {
      const VaernActivityDone *d = self->done->pdata[i];

      if (g_str_equal (d->occurrence, occurrence))
        return d;
    }
  return NULL;
}

static void
occurrence_clear (gpointer data)
{
  g_free (((VaernOccurrence *) data)->date);
}

GArray *
vaern_activity_occurrences (VaernActivity *self,
                            const char    *from,
                            const char    *to,
                            const char    *today)
{
  GArray *result = g_array_new (FALSE, TRUE, sizeof (VaernOccurrence));
  g_auto(GStrv) dates = NULL;
  g_autofree char *now = NULL;
  gboolean first_open = TRUE;

  g_return_val_if_fail (VAERN_IS_ACTIVITY (self), result);

  g_array_set_clear_func (result, occurrence_clear);
  if (today == NULL)
    today = now = vaern_date_today ();
  dates = vaern_recurrence_between (self->recurrence, self->start_date, self->end_date, from, to,
                                    0);
  for (guint i = 0; dates[i]; i++)
    {
      VaernOccurrence o = { g_strdup (dates[i]), VAERN_OCCURRENCE_PLANNED, NULL };

      o.done = vaern_activity_find_done (self, dates[i]);
      if (o.done)
        o.state = VAERN_OCCURRENCE_DONE;
      else if (vaern_occurrence_is_overdue (dates[i], FALSE, today))
        o.state = VAERN_OCCURRENCE_OVERDUE;
      else
        {
          /* Under way is the first open occurrence, not every later one. */
          if (self->in_progress && first_open && self->next_date
              && g_str_equal (self->next_date, dates[i]))
            o.state = VAERN_OCCURRENCE_IN_PROGRESS;
          first_open = FALSE;
        }
      g_array_append_val (result, o);
    }
  return result;
}

void
vaern_risk_list_count_cells (GListModel     *risks,
                             guint           n_likelihood,
                             guint           n_consequence,
                             VaernRiskFilter keep,
                             gpointer        user_data,
                             guint          *inherent,
                             guint          *residual)
{
  guint n = g_list_model_get_n_items (risks);

  memset (inherent, 0, n_likelihood * n_consequence * sizeof (guint));
  memset (residual, 0, n_likelihood * n_consequence * sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VaernRisk) risk = g_list_model_get_item (risks, i);

      if (keep && !keep (risk, user_data))
        continue;
      if (risk->likelihood > 0 && risk->consequence > 0
          && risk->likelihood <= n_likelihood && risk->consequence <= n_consequence)
        inherent[(risk->likelihood - 1) * n_consequence + risk->consequence - 1]++;
      if (risk->after_likelihood > 0 && risk->after_consequence > 0
          && risk->after_likelihood <= n_likelihood && risk->after_consequence <= n_consequence)
        residual[(risk->after_likelihood - 1) * n_consequence + risk->after_consequence - 1]++;
    }
}

GHashTable *
vaern_unit_subtree (GListModel *units,
                    gint64      root)
{
  GHashTable *scope;
  guint root_depth = 0;
  gboolean inside = FALSE;

  if (root == 0)
    return NULL;
  scope = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  /* Units come in tree order: the subtree follows its root until a unit
   * at the same depth or above. */
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(VaernUnit) unit = g_list_model_get_item (units, i);
      gint64 id = vaern_record_get_id (VAERN_RECORD (unit));

      if (id == root)
        {
          inside = TRUE;
          root_depth = unit->depth;
        }
      else if (inside && unit->depth <= root_depth)
        break;
      if (inside)
        g_hash_table_add (scope, g_memdup2 (&id, sizeof id));
    }
  return scope;
}
