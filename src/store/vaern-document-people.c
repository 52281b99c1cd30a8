/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/vaern-date.h"
#include "vaern-document-private.h"

GPtrArray *
doc_load_people (VaernDocument *self,
                 gint64         id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  VaernDbStmt *stmt = doc_prepare_list (self,
    "SELECT p.id, p.name, p.title, p.email, p.phone, p.unit_id, u.name,"
    "       (SELECT count(*) FROM assignment x WHERE x.person_id = p.id AND x.to_date IS NULL)"
    "  FROM person p LEFT JOIN unit u ON u.id = p.unit_id"
    " WHERE ?1 = 0 OR p.id = ?1"
    " ORDER BY p.id");
  int rc;

  if (stmt == NULL)
    return result;
  vaern_db_bind_int (stmt, 1, id);

  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernPerson *p = vaern_person_new ();

      vaern_record_set_identity (VAERN_RECORD (p), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt));
      p->name = doc_column_dup (stmt, 1);
      p->title = doc_column_dup (stmt, 2);
      p->email = doc_column_dup (stmt, 3);
      p->phone = doc_column_dup (stmt, 4);
      p->unit_id = vaern_db_column_int (stmt, 5);
      p->unit_name = doc_column_dup (stmt, 6);
      p->n_roles = vaern_db_column_int (stmt, 7);
      p->search_key = doc_casefold_join (p->name, p->title, p->email, p->unit_name,
                                     (const char *) -1);
      g_ptr_array_add (result, p);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

GPtrArray *
doc_load_roles (VaernDocument *self,
                gint64         id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  VaernDbStmt *stmt = doc_prepare_list (self,
    "SELECT id, key, name, description, scope, single, position FROM role"
    " WHERE ?1 = 0 OR id = ?1 ORDER BY position, id");
  int rc;

  if (stmt == NULL)
    return result;
  vaern_db_bind_int (stmt, 1, id);

  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernRole *r = vaern_role_new ();

      vaern_record_set_identity (VAERN_RECORD (r), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt));
      r->key = doc_column_dup (stmt, 1);
      r->name = doc_column_dup (stmt, 2);
      r->description = doc_column_dup (stmt, 3);
      r->scope = doc_column_enum (stmt, 4, &vaern_enum_role_scope);
      r->single = vaern_db_column_int (stmt, 5);
      r->position = vaern_db_column_int (stmt, 6);
      g_ptr_array_add (result, r);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

GListModel *
vaern_document_get_people (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->people);
}

GListModel *
vaern_document_get_roles (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->roles);
}

VaernPerson *
vaern_document_find_person (VaernDocument *self,
                            gint64         id)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return id > 0 ? doc_first_record (doc_load_people (self, id)) : NULL;
}

VaernRole *
vaern_document_find_role (VaernDocument *self,
                          gint64         id)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return id > 0 ? doc_first_record (doc_load_roles (self, id)) : NULL;
}

VaernRole *
vaern_document_find_role_by_key (VaernDocument *self,
                                 const char    *key)
{
  gint64 id;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  id = doc_find_by_name (self, "SELECT id FROM role WHERE key = ?", key);
  return id > 0 ? doc_first_record (doc_load_roles (self, id)) : NULL;
}

GListModel *
vaern_document_list_assignments (VaernDocument *self,
                                 gint64         asset_id,
                                 gint64         person_id,
                                 gboolean       with_history)
{
  GListStore *store = g_list_store_new (VAERN_TYPE_ASSIGNMENT);
  VaernDbStmt *stmt;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), G_LIST_MODEL (store));

  stmt = doc_prepare (self,
    "SELECT x.id, x.asset_id, x.person_id, x.role_id, x.from_date, x.to_date, x.note,"
    "       a.name, p.name, r.name"
    "  FROM assignment x"
    "  JOIN asset a ON a.id = x.asset_id"
    "  JOIN person p ON p.id = x.person_id"
    "  JOIN role r ON r.id = x.role_id"
    " WHERE (?1 = 0 OR x.asset_id = ?1) AND (?2 = 0 OR x.person_id = ?2)"
    "   AND (?3 OR x.to_date IS NULL)"
    " ORDER BY x.to_date IS NOT NULL, r.position, a.name, x.from_date DESC", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (store);

  vaern_db_bind_int (stmt, 1, asset_id);
  vaern_db_bind_int (stmt, 2, person_id);
  vaern_db_bind_int (stmt, 3, with_history);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      g_autoptr(VaernAssignment) x = g_object_new (VAERN_TYPE_ASSIGNMENT, NULL);

      vaern_record_set_identity (VAERN_RECORD (x), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt));
      x->asset_id = vaern_db_column_int (stmt, 1);
      x->person_id = vaern_db_column_int (stmt, 2);
      x->role_id = vaern_db_column_int (stmt, 3);
      x->from_date = doc_column_dup (stmt, 4);
      x->to_date = doc_column_dup (stmt, 5);
      x->note = doc_column_dup (stmt, 6);
      x->asset_name = doc_column_dup (stmt, 7);
      x->person_name = doc_column_dup (stmt, 8);
      x->role_name = doc_column_dup (stmt, 9);
      x->current = x->to_date == NULL;
      g_list_store_append (store, x);
    }
  vaern_db_reset (stmt);
  return G_LIST_MODEL (store);
}

/* People */

static gboolean
validate_person (VaernDocument *self,
                 VaernPerson   *person,
                 GError       **error)
{
  VaernDbStmt *stmt;
  gint64 other = 0;

  if (!doc_require_name (person->name, _("The person needs a name."), error))
    return FALSE;
  if (person->email && *person->email)
    {
      if (strchr (person->email, '@') == NULL || strchr (person->email, ' ') != NULL)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "email",
                                       _("“%s” is not an e-mail address."), person->email);
          return FALSE;
        }
      stmt = doc_prepare (self, "SELECT id FROM person WHERE email = ? COLLATE NOCASE AND id <> ?",
                      error);
      if (stmt == NULL)
        return FALSE;
      doc_bind_text (stmt, 1, person->email);
      vaern_db_bind_int (stmt, 2, vaern_record_get_id (VAERN_RECORD (person)));
      if (vaern_db_step (stmt) == VAERN_DB_ROW)
        other = vaern_db_column_int (stmt, 0);
      vaern_db_reset (stmt);
      if (other)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "email",
                                       _("Someone else already has the e-mail address “%s”."),
                                       person->email);
          return FALSE;
        }
    }
  return TRUE;
}

/* A person as written: name and e-mail without the spaces around them. */
typedef struct
{
  VaernPerson *person;
  const char  *name;
  const char  *email;
} PersonRow;

static void
bind_person (VaernDbStmt *stmt,
             gpointer      record)
{
  PersonRow *row = record;

  doc_bind_text (stmt, 1, row->name);
  doc_bind_text_or_empty (stmt, 2, row->person->title);
  doc_bind_text (stmt, 3, row->email);
  doc_bind_text_or_empty (stmt, 4, row->person->phone);
  doc_bind_id (stmt, 5, row->person->unit_id);
}

static gboolean
person_write (VaernDocument *self,
              VaernPerson   *person,
              const char    *sql,
              const char    *label,
              gint64        *id,
              GError       **error)
{
  g_autofree char *name = g_strstrip (g_strdup (person->name ? person->name : ""));
  g_autofree char *email = g_strstrip (g_strdup (person->email ? person->email : ""));
  PersonRow row = { person, name, email };

  if (!doc_check_writable (self, error) || !validate_person (self, person, error))
    return FALSE;
  *id = doc_write_row (self, label, sql, bind_person, 5, &row, *id, NULL,
                       _("The person no longer exists."), error);
  return *id != 0;
}

gint64
vaern_document_add_person (VaernDocument *self,
                           VaernPerson   *person,
                           GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id = 0;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  /* Translators: an undo step; %s is a person's name */
  label = g_strdup_printf (_("Add %s"), person->name ? person->name : "");
  if (!person_write (self, person,
                     "INSERT INTO person (name, title, email, phone, unit_id) VALUES (?, ?, ?, ?, ?)",
                     label, &id, error))
    return 0;
  return id;
}

gboolean
vaern_document_update_person (VaernDocument *self,
                              VaernPerson   *person,
                              GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id = vaern_record_get_id (VAERN_RECORD (person));

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  /* Translators: an undo step; %s is a person's name */
  label = g_strdup_printf (_("Edit %s"), person->name ? person->name : "");
  return person_write (self, person,
                       "UPDATE person SET name = ?, title = ?, email = ?, phone = ?, unit_id = ?"
                       " WHERE id = ?", label, &id, error);
}

/* Moves the current roles of one person to another inside an open change. */
static gint64
hand_over (VaernDocument *self,
           gint64         from_person_id,
           gint64         to_person_id,
           const char    *date,
           GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  VaernDbStmt *stmt;

  stmt = doc_prepare (self, "SELECT id FROM assignment WHERE person_id = ? AND to_date IS NULL",
                  error);
  if (stmt == NULL)
    return -1;
  vaern_db_bind_int (stmt, 1, from_person_id);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      gint64 id = vaern_db_column_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  vaern_db_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      /* The old assignment ends on the day and a new one starts, so the
       * history shows who held the role when. If the successor already
       * holds the same role for the asset, nothing new is needed. */
      stmt = doc_prepare (self,
                      "UPDATE assignment SET to_date = greatest (?1, from_date) WHERE id = ?2", error);
      if (stmt == NULL)
        return -1;
      doc_bind_text (stmt, 1, date);
      vaern_db_bind_int (stmt, 2, id);
      if (!doc_step_done (self, stmt, error))
        return -1;

      stmt = doc_prepare (self,
                      "INSERT INTO assignment (asset_id, person_id, role_id, from_date)"
                      " SELECT asset_id, ?1, role_id, ?2 FROM assignment a WHERE id = ?3"
                      "  AND NOT EXISTS (SELECT 1 FROM assignment b WHERE b.asset_id = a.asset_id"
                      "   AND b.role_id = a.role_id AND b.person_id = ?1 AND b.to_date IS NULL)",
                      error);
      if (stmt == NULL)
        return -1;
      vaern_db_bind_int (stmt, 1, to_person_id);
      doc_bind_text (stmt, 2, date);
      vaern_db_bind_int (stmt, 3, id);
      if (!doc_step_done (self, stmt, error))
        return -1;
    }

  /* What the person owns goes too: the controls of SoA drafts (an
   * approved version keeps its names), documents and activities. */
  {
    static const char *const owned[] = {
      "UPDATE soa_entry SET owner_id = ?1 WHERE owner_id = ?2 AND NOT EXISTS"
      " (SELECT 1 FROM approval a WHERE a.soa_version_id = soa_entry.version_id)",
      "UPDATE document SET owner_id = ?1 WHERE owner_id = ?2",
      "UPDATE activity SET owner_id = ?1 WHERE owner_id = ?2",
    };

    for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
      {
        stmt = doc_prepare (self, owned[i], error);
        if (stmt == NULL)
          return -1;
        vaern_db_bind_int (stmt, 1, to_person_id);
        vaern_db_bind_int (stmt, 2, from_person_id);
        if (!doc_step_done (self, stmt, error))
          return -1;
      }
  }
  return ids->len;
}

guint
vaern_document_hand_over_roles (VaernDocument *self,
                                gint64         from_person_id,
                                gint64         to_person_id,
                                const char    *date,
                                GError       **error)
{
  g_autoptr(VaernPerson) from = NULL;
  g_autoptr(VaernPerson) to = NULL;
  g_autofree char *today = NULL;
  g_autofree char *label = NULL;
  gint64 n;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  from = vaern_document_find_person (self, from_person_id);
  to = vaern_document_find_person (self, to_person_id);
  if (from == NULL || to == NULL || from_person_id == to_person_id)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("Choose another person to hand the roles to."));
      return 0;
    }
  if (date == NULL)
    date = today = vaern_date_today ();
  if (!doc_require_date (date, "date", FALSE, error))
    return 0;

  /* Translators: an undo step; the %s are people's names */
  label = g_strdup_printf (_("Hand roles from %s to %s"), from->name, to->name);
  if (!doc_begin_change (self, label, error))
    return 0;
  n = hand_over (self, from_person_id, to_person_id, date, error);
  if (!doc_end_change (self, n >= 0, label, error))
    return 0;
  return n;
}

gboolean
vaern_document_delete_person (VaernDocument *self,
                              gint64         id,
                              gint64         successor_id,
                              GError       **error)
{
  g_autoptr(VaernPerson) person = NULL;
  g_autofree char *label = NULL;
  g_autofree char *today = vaern_date_today ();
  VaernDbStmt *stmt;
  gboolean ok = TRUE;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  person = vaern_document_find_person (self, id);
  if (person == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The person no longer exists."));
      return FALSE;
    }
  if (successor_id == id)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("Choose another person to hand the roles to."));
      return FALSE;
    }

  /* Translators: an undo step; %s is a person's name */
  label = g_strdup_printf (_("Delete %s"), person->name);
  if (!doc_begin_change (self, label, error))
    return FALSE;
  if (successor_id > 0)
    ok = hand_over (self, id, successor_id, today, error) >= 0;
  if (ok)
    {
      stmt = doc_prepare (self, "DELETE FROM person WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          vaern_db_bind_int (stmt, 1, id);
          ok = doc_step_done (self, stmt, error);
        }
    }
  return doc_end_change (self, ok, label, error);
}

/* Roles */

gint64
vaern_document_add_role (VaernDocument *self,
                         VaernRole     *role,
                         GError       **error)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  VaernDbStmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  if (!doc_check_writable (self, error)
      || !doc_require_name (role->name, _("The role needs a name."), error))
    return 0;
  name = g_strstrip (g_strdup (role->name));
  if (doc_find_by_name (self, "SELECT id FROM role WHERE name = ? COLLATE NOCASE", name))
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "name",
                                   _("There is already a role named “%s”."), name);
      return 0;
    }

  /* Translators: an undo step; %s is the name of a role */
  label = g_strdup_printf (_("Add role “%s”"), name);
  if (!doc_begin_change (self, label, error))
    return 0;
  stmt = doc_prepare (self,
                  "INSERT INTO role (key, name, description, scope, single, position)"
                  " VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM role))"
                  " RETURNING id",
                  error);
  ok = stmt != NULL;
  if (ok)
    {
      doc_bind_text (stmt, 1, role->key);
      doc_bind_text (stmt, 2, name);
      doc_bind_text_or_empty (stmt, 3, role->description);
      doc_bind_text (stmt, 4, vaern_enum_key (&vaern_enum_role_scope, role->scope));
      vaern_db_bind_int (stmt, 5, role->single ? 1 : 0);
      id = doc_insert (self, stmt, error);
      ok = id != 0;
    }
  return doc_end_change (self, ok, label, error) ? id : 0;
}

/* The role names KITOS uses for system responsibilities. */
static const struct
{
  const char *key;
  const char *name;
  const char *description;
} kitos_roles[] = {
  { "kitos_system_responsible", N_("Systemansvarlig"),
    N_("KITOS: responsible for the system's operation and development.") },
  { "kitos_business_owner", N_("Forretningsejer"),
    N_("KITOS: owns the business process the system supports.") },
  { "kitos_data_owner", N_("Dataejer"),
    N_("KITOS: responsible for the data the system holds.") },
  { "kitos_security_responsible", N_("Sikkerhedsansvarlig"),
    N_("KITOS: responsible for the system's security.") },
  { "kitos_contract_responsible", N_("Kontraktansvarlig"),
    N_("KITOS: responsible for the contract with the supplier.") },
  { "kitos_superuser", N_("Superbruger"),
    N_("KITOS: experienced user who helps colleagues.") },
};

guint
vaern_document_add_kitos_roles (VaernDocument *self,
                                GError       **error)
{
  guint added = 0;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  if (!vaern_document_begin_batch (self, _("Add the KITOS roles"), error))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (kitos_roles); i++)
    {
      g_autoptr(VaernRole) existing = vaern_document_find_role_by_key (self, kitos_roles[i].key);
      g_autoptr(VaernRole) role = NULL;

      if (existing || doc_find_by_name (self, "SELECT id FROM role WHERE name = ? COLLATE NOCASE",
                                        _(kitos_roles[i].name)))
        continue;
      role = vaern_role_new ();
      role->key = g_strdup (kitos_roles[i].key);
      role->name = g_strdup (_(kitos_roles[i].name));
      role->description = g_strdup (_(kitos_roles[i].description));
      role->scope = VAERN_ROLE_SCOPE_SYSTEM;
      if (vaern_document_add_role (self, role, error) == 0)
        {
          vaern_document_end_batch (self, FALSE, NULL);
          return 0;
        }
      added++;
    }
  if (!vaern_document_end_batch (self, TRUE, error))
    return 0;
  return added;
}

/* Role assignments */

gint64
vaern_document_get_holder (VaernDocument *self,
                           gint64         asset_id,
                           gint64         role_id)
{
  VaernDbStmt *stmt;
  gint64 person = 0;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  stmt = doc_prepare (self,
                  "SELECT person_id FROM assignment WHERE asset_id = ? AND role_id = ?"
                  " AND to_date IS NULL ORDER BY from_date DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  vaern_db_bind_int (stmt, 1, asset_id);
  vaern_db_bind_int (stmt, 2, role_id);
  if (vaern_db_step (stmt) == VAERN_DB_ROW)
    person = vaern_db_column_int (stmt, 0);
  vaern_db_reset (stmt);
  return person;
}

gint64
vaern_document_assign (VaernDocument *self,
                       gint64         asset_id,
                       gint64         person_id,
                       gint64         role_id,
                       const char    *from_date,
                       gboolean       replace,
                       GError       **error)
{
  g_autoptr(VaernAsset) asset = NULL;
  g_autoptr(VaernPerson) person = NULL;
  g_autoptr(VaernRole) role = NULL;
  g_autofree char *today = NULL;
  g_autofree char *label = NULL;
  VaernDbStmt *stmt;
  gint64 holder, id = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  if (!doc_check_writable (self, error))
    return 0;
  asset = vaern_document_get_asset (self, asset_id, error);
  if (asset == NULL)
    return 0;
  person = vaern_document_find_person (self, person_id);
  role = vaern_document_find_role (self, role_id);
  if (person == NULL || role == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The person or the role no longer exists."));
      return 0;
    }
  if ((role->scope == VAERN_ROLE_SCOPE_SYSTEM && asset->kind != VAERN_ASSET_KIND_SYSTEM)
      || (role->scope == VAERN_ROLE_SCOPE_OTHER && asset->kind == VAERN_ASSET_KIND_SYSTEM))
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("The role “%s” is not held for an asset of this kind."), role->name);
      return 0;
    }
  if (from_date == NULL)
    from_date = today = vaern_date_today ();
  if (!doc_require_date (from_date, "from_date", FALSE, error))
    return 0;

  holder = vaern_document_get_holder (self, asset_id, role_id);
  if (holder == person_id)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_DUPLICATE,
                   _("%s already holds the role “%s” for “%s”."), person->name, role->name,
                   asset->name);
      return 0;
    }
  if (role->single && holder != 0 && !replace)
    {
      g_autoptr(VaernPerson) current = vaern_document_find_person (self, holder);

      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT,
                   _("“%s” already has a %s: %s. There can be only one; replace them instead."),
                   asset->name, role->name, current ? current->name : "?");
      return 0;
    }

  /* Translators: an undo step: "Make Anne Jensen Systemejer of Journalix" */
  label = g_strdup_printf (_("Make %s %s of “%s”"), person->name, role->name, asset->name);
  if (!doc_begin_change (self, label, error))
    return 0;

  if (role->single && holder != 0)
    {
      stmt = doc_prepare (self,
                      "UPDATE assignment SET to_date = greatest (?1, from_date)"
                      " WHERE asset_id = ?2 AND role_id = ?3 AND to_date IS NULL", error);
      ok = stmt != NULL;
      if (ok)
        {
          doc_bind_text (stmt, 1, from_date);
          vaern_db_bind_int (stmt, 2, asset_id);
          vaern_db_bind_int (stmt, 3, role_id);
          ok = doc_step_done (self, stmt, error);
        }
    }
  if (ok)
    {
      stmt = doc_prepare (self,
                      "INSERT INTO assignment (asset_id, person_id, role_id, from_date)"
                      " VALUES (?, ?, ?, ?) RETURNING id", error);
      ok = stmt != NULL;
      if (ok)
        {
          vaern_db_bind_int (stmt, 1, asset_id);
          vaern_db_bind_int (stmt, 2, person_id);
          vaern_db_bind_int (stmt, 3, role_id);
          doc_bind_text (stmt, 4, from_date);
          id = doc_insert (self, stmt, error);
          ok = id != 0;
        }
    }
  return doc_end_change (self, ok, label, error) ? id : 0;
}

gboolean
vaern_document_end_assignment (VaernDocument *self,
                               gint64         id,
                               const char    *to_date,
                               GError       **error)
{
  g_autofree char *today = NULL;
  VaernDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (to_date == NULL)
    to_date = today = vaern_date_today ();
  if (!doc_check_writable (self, error) || !doc_require_date (to_date, "to_date", FALSE, error))
    return FALSE;
  if (!doc_begin_change (self, _("End role"), error))
    return FALSE;
  stmt = doc_prepare (self, "UPDATE assignment SET to_date = greatest (?, from_date)"
                        " WHERE id = ? AND to_date IS NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      doc_bind_text (stmt, 1, to_date);
      vaern_db_bind_int (stmt, 2, id);
      ok = doc_step_done (self, stmt, error);
    }
  return doc_end_change (self, ok, _("End role"), error);
}

gboolean
vaern_document_delete_assignment (VaernDocument *self,
                                  gint64         id,
                                  GError       **error)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (!doc_check_writable (self, error))
    return FALSE;
  return doc_delete_row (self, "DELETE FROM assignment WHERE id = ?", id, _("Remove role"), error);
}
