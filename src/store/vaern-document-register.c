/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/vaern-date.h"
#include "vaern-document-private.h"

/* Loads all assets, or the one with the given id; the same for people and
 * roles. Lookups by id read the file, not the lists, so they see the edits
 * of a batch that is still open. */
GPtrArray *
doc_load_assets (VaernDocument *self,
                 gint64         id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  VaernDbStmt *stmt = doc_prepare_list (self,
    "SELECT a.id, a.kind, a.name, a.purpose, a.kitos_uuid, a.supplier, a.hosting,"
    "       a.lifecycle, a.unit_id, a.personal_data, a.dpa, a.dpa_date, a.criticality,"
    "       a.confidentiality, a.integrity, a.availability, a.next_review, a.notes,"
    "       u.name, o.person_id, p.name,"
    "       (SELECT count(*) FROM assignment x JOIN role r ON r.id = x.role_id"
    "         WHERE x.asset_id = a.id AND x.to_date IS NULL AND r.key = 'system_administrator'),"
    "       (SELECT string_agg (CAST (unit_id AS TEXT), ',') FROM asset_unit WHERE asset_id = a.id),"
    "       r.n, r.max_after, r.last"
    "  FROM asset a"
    "  LEFT JOIN (SELECT asset_id, count(*) AS n, max(assessed_on) AS last,"
    "                    max(CASE WHEN likelihood = 0 THEN 0 ELSE"
    "                          (CASE residual_likelihood WHEN 0 THEN likelihood"
    "                           ELSE residual_likelihood END)"
    "                        * (CASE residual_consequence WHEN 0"
    "                           THEN greatest (consequence_c, consequence_i, consequence_a)"
    "                           ELSE residual_consequence END) END) AS max_after"
    "               FROM risk WHERE ?1 = 0 OR asset_id = ?1 GROUP BY asset_id) r"
    "    ON r.asset_id = a.id"
    "  LEFT JOIN unit u ON u.id = a.unit_id"
    "  LEFT JOIN assignment o ON o.asset_id = a.id AND o.to_date IS NULL"
    "       AND o.role_id = (SELECT id FROM role WHERE key ="
    "           CASE a.kind WHEN 'system' THEN 'system_owner' ELSE 'asset_owner' END)"
    "  LEFT JOIN person p ON p.id = o.person_id"
    " WHERE ?1 = 0 OR a.id = ?1"
    " ORDER BY a.id");
  int rc;

  if (stmt == NULL)
    return result;
  vaern_db_bind_int (stmt, 1, id);

  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernAsset *a = vaern_asset_new ();
      const char *using = vaern_db_column_text (stmt, 22, NULL);

      vaern_record_set_identity (VAERN_RECORD (a), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt));
      a->kind = doc_column_enum (stmt, 1, &vaern_enum_asset_kind);
      a->name = doc_column_dup (stmt, 2);
      a->purpose = doc_column_dup (stmt, 3);
      a->kitos_uuid = doc_column_dup (stmt, 4);
      a->supplier = doc_column_dup (stmt, 5);
      a->hosting = doc_column_enum (stmt, 6, &vaern_enum_hosting);
      a->lifecycle = doc_column_enum (stmt, 7, &vaern_enum_lifecycle);
      a->unit_id = vaern_db_column_int (stmt, 8);
      a->personal_data = doc_column_enum (stmt, 9, &vaern_enum_personal_data);
      a->dpa = doc_column_enum (stmt, 10, &vaern_enum_dpa);
      a->dpa_date = doc_column_dup (stmt, 11);
      a->criticality = vaern_db_column_int (stmt, 12);
      a->confidentiality = vaern_db_column_int (stmt, 13);
      a->integrity = vaern_db_column_int (stmt, 14);
      a->availability = vaern_db_column_int (stmt, 15);
      a->next_review = doc_column_dup (stmt, 16);
      a->notes = doc_column_dup (stmt, 17);
      a->unit_name = doc_column_dup (stmt, 18);
      a->owner_id = vaern_db_column_int (stmt, 19);
      a->owner_name = doc_column_dup (stmt, 20);
      a->n_administrators = vaern_db_column_int (stmt, 21);
      a->using_unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (using)
        {
          g_auto(GStrv) ids = g_strsplit (using, ",", -1);

          for (guint k = 0; ids[k]; k++)
            {
              gint64 id = g_ascii_strtoll (ids[k], NULL, 10);
              g_array_append_val (a->using_unit_ids, id);
            }
        }
      a->n_risks = vaern_db_column_int (stmt, 23);
      a->max_residual_band = 1 + vaern_risk_scale_band_for_score (self->scale,
                                                                   vaern_db_column_int (stmt, 24));
      /* The band depends on the scale as well as on the row. */
      vaern_record_set_identity (VAERN_RECORD (a), vaern_record_get_id (VAERN_RECORD (a)),
                                 vaern_record_get_digest (VAERN_RECORD (a))
                                 ^ (a->max_residual_band * 2654435761u));
      a->last_assessed = doc_column_dup (stmt, 25);
      a->findings = vaern_findings_compute (a->kind, a->lifecycle, a->owner_id > 0,
                                            a->personal_data, a->dpa, a->next_review);
      a->search_key = doc_casefold_join (a->name, a->purpose, a->supplier, a->unit_name,
                                     a->owner_name, a->kitos_uuid, (const char *) -1);
      g_ptr_array_add (result, a);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

/* Units come in tree order (depth first, siblings by name), which is the
 * order pickers show them in; the store itself is kept in that order. */
GPtrArray *
doc_load_units (VaernDocument *self)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  VaernDbStmt *stmt = doc_prepare_list (self,
    "WITH RECURSIVE tree (id, depth, path, sort) AS ("
    "  SELECT id, 0, name, name FROM unit WHERE parent_id IS NULL"
    "  UNION ALL"
    "  SELECT u.id, t.depth + 1, t.path || ' › ' || u.name, t.sort || '\t' || u.name"
    "    FROM unit u JOIN tree t ON u.parent_id = t.id)"
    "SELECT u.id, u.parent_id, u.name, u.kind, t.depth, t.path"
    "  FROM tree t JOIN unit u ON u.id = t.id ORDER BY t.sort COLLATE NOCASE");
  int rc;

  if (stmt == NULL)
    return result;

  while ((rc = vaern_db_step (stmt)) == VAERN_DB_ROW)
    {
      VaernUnit *u = vaern_unit_new ();

      vaern_record_set_identity (VAERN_RECORD (u), vaern_db_column_int (stmt, 0),
                                 doc_row_digest (stmt));
      u->parent_id = vaern_db_column_int (stmt, 1);
      u->name = doc_column_dup (stmt, 2);
      u->kind = doc_column_enum (stmt, 3, &vaern_enum_unit_kind);
      u->depth = vaern_db_column_int (stmt, 4);
      u->path = doc_column_dup (stmt, 5);
      g_ptr_array_add (result, u);
    }
  doc_list_done (self, stmt, rc);
  return result;
}

GListModel *
vaern_document_get_assets (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->assets);
}

GListModel *
vaern_document_get_units (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->units);
}

VaernAsset *
vaern_document_get_asset (VaernDocument *self,
                          gint64         id,
                          GError       **error)
{
  VaernAsset *asset;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  asset = id > 0 ? doc_first_record (doc_load_assets (self, id)) : NULL;
  if (asset == NULL)
    g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                 _("The asset no longer exists."));
  return asset;
}

VaernUnit *
vaern_document_find_unit (VaernDocument *self,
                          gint64         id)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);
  return doc_find_record (G_LIST_MODEL (self->units), id);
}

gint64
vaern_document_find_asset_by_name (VaernDocument *self,
                                   const char    *name)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  return doc_find_by_name (self, "SELECT id FROM asset WHERE name = ? COLLATE NOCASE", name);
}

gint64
vaern_document_find_unit_by_name (VaernDocument *self,
                                  const char    *name)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  return doc_find_by_name (self, "SELECT id FROM unit WHERE name = ? COLLATE NOCASE ORDER BY id",
                           name);
}

/* Assets */

static gboolean
validate_asset (VaernDocument *self,
                VaernAsset    *asset,
                gint64         own_id,
                GError       **error)
{
  gint64 other;

  if (!doc_require_name (asset->name, _("The asset needs a name."), error))
    return FALSE;
  other = vaern_document_find_asset_by_name (self, asset->name);
  if (other != 0 && other != own_id)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (asset->name));

      vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "name",
                                   _("An asset named “%s” already exists. Choose another name."),
                                   trimmed);
      return FALSE;
    }
  if (asset->kitos_uuid && *asset->kitos_uuid && !g_uuid_string_is_valid (asset->kitos_uuid))
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "kitos_uuid",
                                   _("“%s” is not a KITOS UUID. It looks like "
                                     "12345678-abcd-4ef0-1234-56789abcdef0."), asset->kitos_uuid);
      return FALSE;
    }
  if (!doc_require_date (asset->dpa_date, "dpa_date", TRUE, error)
      || !doc_require_date (asset->next_review, "next_review", TRUE, error))
    return FALSE;
  if (asset->criticality > VAERN_LEVEL_VERY_HIGH || asset->confidentiality > VAERN_LEVEL_VERY_HIGH
      || asset->integrity > VAERN_LEVEL_VERY_HIGH || asset->availability > VAERN_LEVEL_VERY_HIGH)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("A level is out of range."));
      return FALSE;
    }
  if (asset->unit_id > 0 && doc_query_int (self, "SELECT count(*) FROM unit WHERE id = ?",
                                       asset->unit_id, NULL) != 1)
    {
      vaern_store_set_field_error (error, VAERN_STORE_ERROR_NOT_FOUND, "unit",
                                   _("The chosen unit no longer exists."));
      return FALSE;
    }
  return TRUE;
}

static void
bind_asset (VaernDbStmt *stmt,
            VaernAsset   *a)
{
  g_autofree char *name = g_strstrip (g_strdup (a->name));
  const char *uuid = a->kitos_uuid && *a->kitos_uuid ? a->kitos_uuid : NULL;
  g_autofree char *uuid_lower = uuid ? g_ascii_strdown (uuid, -1) : NULL;

  doc_bind_text (stmt, 1, vaern_enum_key (&vaern_enum_asset_kind, a->kind));
  doc_bind_text (stmt, 2, name);
  doc_bind_text_or_empty (stmt, 3, a->purpose);
  doc_bind_text (stmt, 4, uuid_lower);
  doc_bind_text_or_empty (stmt, 5, a->supplier);
  doc_bind_text (stmt, 6, vaern_enum_key (&vaern_enum_hosting, a->hosting));
  doc_bind_text (stmt, 7, vaern_enum_key (&vaern_enum_lifecycle, a->lifecycle));
  doc_bind_id (stmt, 8, a->unit_id);
  doc_bind_text (stmt, 9, vaern_enum_key (&vaern_enum_personal_data, a->personal_data));
  doc_bind_text (stmt, 10, vaern_enum_key (&vaern_enum_dpa, a->dpa));
  doc_bind_text (stmt, 11, a->dpa_date);
  vaern_db_bind_int (stmt, 12, a->criticality);
  vaern_db_bind_int (stmt, 13, a->confidentiality);
  vaern_db_bind_int (stmt, 14, a->integrity);
  vaern_db_bind_int (stmt, 15, a->availability);
  doc_bind_text (stmt, 16, a->next_review);
  doc_bind_text_or_empty (stmt, 17, a->notes);
}

/* Makes the asset's using units the given set, touching only the rows
 * that differ so the change log shows just what changed. */
static gboolean
write_using_units (VaernDocument *self,
                   gint64         asset_id,
                   GArray        *unit_ids,
                   GError       **error)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) existing = g_array_new (FALSE, FALSE, sizeof (gint64));
  VaernDbStmt *stmt;

  for (guint i = 0; unit_ids && i < unit_ids->len; i++)
    g_hash_table_add (wanted, &g_array_index (unit_ids, gint64, i));

  stmt = doc_prepare (self, "SELECT unit_id FROM asset_unit WHERE asset_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  vaern_db_bind_int (stmt, 1, asset_id);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      gint64 unit_id = vaern_db_column_int (stmt, 0);
      g_array_append_val (existing, unit_id);
    }
  vaern_db_reset (stmt);

  for (guint i = 0; i < existing->len; i++)
    {
      gint64 *unit_id = &g_array_index (existing, gint64, i);

      if (g_hash_table_remove (wanted, unit_id))
        continue;
      stmt = doc_prepare (self, "DELETE FROM asset_unit WHERE asset_id = ? AND unit_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      vaern_db_bind_int (stmt, 1, asset_id);
      vaern_db_bind_int (stmt, 2, *unit_id);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; unit_ids && i < unit_ids->len; i++)
    {
      gint64 *unit_id = &g_array_index (unit_ids, gint64, i);

      if (!g_hash_table_contains (wanted, unit_id))
        continue;
      g_hash_table_remove (wanted, unit_id);
      stmt = doc_prepare (self, "INSERT INTO asset_unit (asset_id, unit_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      vaern_db_bind_int (stmt, 1, asset_id);
      vaern_db_bind_int (stmt, 2, *unit_id);
      if (!doc_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gint64
vaern_document_add_asset (VaernDocument *self,
                          VaernAsset    *asset,
                          GError       **error)
{
  g_autofree char *label = NULL;
  VaernDbStmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (VAERN_IS_ASSET (asset), 0);

  if (!doc_check_writable (self, error) || !validate_asset (self, asset, 0, error))
    return 0;

  /* Translators: an undo step; %s is the name of an asset */
  label = g_strdup_printf (_("Add “%s”"), asset->name);
  if (!doc_begin_change (self, label, error))
    return 0;

  stmt = doc_prepare (self,
                  "INSERT INTO asset (kind, name, purpose, kitos_uuid, supplier, hosting,"
                  " lifecycle, unit_id, personal_data, dpa, dpa_date, criticality,"
                  " confidentiality, integrity, availability, next_review, notes)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_asset (stmt, asset);
      id = doc_insert (self, stmt, error);
      ok = id != 0;
    }
  ok = ok && write_using_units (self, id, asset->using_unit_ids, error);

  return doc_end_change (self, ok, label, error) ? id : 0;
}

gboolean
vaern_document_update_asset (VaernDocument *self,
                             VaernAsset    *asset,
                             GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id;
  VaernDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (VAERN_IS_ASSET (asset), FALSE);

  id = vaern_record_get_id (VAERN_RECORD (asset));
  if (!doc_check_writable (self, error) || !validate_asset (self, asset, id, error))
    return FALSE;

  /* Translators: an undo step; %s is the name of an asset */
  label = g_strdup_printf (_("Edit “%s”"), asset->name);
  if (!doc_begin_change (self, label, error))
    return FALSE;

  stmt = doc_prepare (self,
                  "UPDATE asset SET kind = ?, name = ?, purpose = ?, kitos_uuid = ?,"
                  " supplier = ?, hosting = ?, lifecycle = ?, unit_id = ?, personal_data = ?,"
                  " dpa = ?, dpa_date = ?, criticality = ?, confidentiality = ?, integrity = ?,"
                  " availability = ?, next_review = ?, notes = ? WHERE id = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_asset (stmt, asset);
      vaern_db_bind_int (stmt, 18, id);
      ok = doc_step_done (self, stmt, error);
    }
  if (ok && vaern_db_changes (self->db) == 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The asset no longer exists."));
      ok = FALSE;
    }
  ok = ok && write_using_units (self, id, asset->using_unit_ids, error);

  return doc_end_change (self, ok, label, error);
}

gboolean
vaern_document_delete_asset (VaernDocument *self,
                             gint64         id,
                             GError       **error)
{
  g_autoptr(VaernAsset) asset = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  asset = vaern_document_get_asset (self, id, error);
  if (asset == NULL)
    return FALSE;

  /* Translators: an undo step; %s is the name of an asset */
  label = g_strdup_printf (_("Delete “%s”"), asset->name);
  return doc_delete_row (self, "DELETE FROM asset WHERE id = ?", id, label, error);
}

gint64
vaern_document_duplicate_asset (VaernDocument *self,
                                gint64         id,
                                GError       **error)
{
  g_autoptr(VaernAsset) original = NULL;
  g_autoptr(VaernAsset) copy = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  original = vaern_document_get_asset (self, id, error);
  if (original == NULL)
    return 0;

  copy = vaern_asset_copy (original);
  /* A copy is a new system: it has no KITOS identity of its own yet. */
  g_clear_pointer (&copy->kitos_uuid, g_free);
  for (guint n = 1; ; n++)
    {
      g_free (copy->name);
      copy->name = n == 1
        /* Translators: the name of a duplicated asset; %s is the original's name */
        ? g_strdup_printf (_("%s (copy)"), original->name)
        /* Translators: the name of a duplicated asset; %s is the original's name */
        : g_strdup_printf (_("%s (copy %u)"), original->name, n);
      if (vaern_document_find_asset_by_name (self, copy->name) == 0)
        break;
    }
  return vaern_document_add_asset (self, copy, error);
}

/* Units */

static gboolean
validate_unit (VaernDocument *self,
               VaernUnit     *unit,
               GError       **error)
{
  gint64 id = vaern_record_get_id (VAERN_RECORD (unit));

  if (!doc_require_name (unit->name, _("The unit needs a name."), error))
    return FALSE;

  /* A unit cannot be moved below itself. */
  for (gint64 p = unit->parent_id; p > 0 && id > 0;)
    {
      if (p == id)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "parent",
                                       _("A unit cannot be placed under itself."));
          return FALSE;
        }
      p = doc_query_int (self, "SELECT coalesce(parent_id, 0) FROM unit WHERE id = ?", p, NULL);
    }
  return TRUE;
}

/* A unit as written: its name without the spaces around it. */
typedef struct
{
  VaernUnit  *unit;
  const char *name;
} UnitRow;

static void
bind_unit (VaernDbStmt *stmt,
           gpointer      record)
{
  UnitRow *row = record;

  doc_bind_id (stmt, 1, row->unit->parent_id);
  doc_bind_text (stmt, 2, row->name);
  doc_bind_text (stmt, 3, vaern_enum_key (&vaern_enum_unit_kind, row->unit->kind));
}

static gboolean
unit_write (VaernDocument *self,
            VaernUnit     *unit,
            const char    *sql,
            const char    *label,
            gint64        *id,
            GError       **error)
{
  g_autofree char *name = g_strstrip (g_strdup (unit->name ? unit->name : ""));
  g_autoptr(GError) local = NULL;
  UnitRow row = { unit, name };

  if (!doc_check_writable (self, error) || !validate_unit (self, unit, error))
    return FALSE;
  *id = doc_write_row (self, label, sql, bind_unit, 3, &row, *id, NULL,
                       _("The unit no longer exists."), &local);
  if (*id != 0)
    return TRUE;
  if (local->domain == VAERN_STORE_ERROR && local->code == VAERN_STORE_ERROR_CONSTRAINT)
    vaern_store_set_field_error (error, VAERN_STORE_ERROR_DUPLICATE, "name",
                                 _("There is already a unit named “%s” there."), name);
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

gint64
vaern_document_add_unit (VaernDocument *self,
                         VaernUnit     *unit,
                         GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id = 0;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), 0);

  /* Translators: an undo step; %s is the name of a unit */
  label = g_strdup_printf (_("Add unit “%s”"), unit->name ? unit->name : "");
  if (!unit_write (self, unit, "INSERT INTO unit (parent_id, name, kind) VALUES (?, ?, ?)",
                   label, &id, error))
    return 0;
  return id;
}

gboolean
vaern_document_update_unit (VaernDocument *self,
                            VaernUnit     *unit,
                            GError       **error)
{
  g_autofree char *label = NULL;
  gint64 id = vaern_record_get_id (VAERN_RECORD (unit));

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  /* Translators: an undo step; %s is the name of a unit */
  label = g_strdup_printf (_("Edit unit “%s”"), unit->name ? unit->name : "");
  return unit_write (self, unit,
                     "UPDATE unit SET parent_id = ?, name = ?, kind = ? WHERE id = ?",
                     label, &id, error);
}

gboolean
vaern_document_delete_unit (VaernDocument *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(VaernUnit) unit = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  unit = vaern_document_find_unit (self, id);
  if (unit == NULL)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_NOT_FOUND,
                   _("The unit no longer exists."));
      return FALSE;
    }
  if (doc_query_int (self, "SELECT count(*) FROM unit WHERE parent_id = ?", id, NULL) > 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_CONSTRAINT,
                   _("“%s” has units under it. Move or delete them first."), unit->name);
      return FALSE;
    }
  /* Translators: an undo step; %s is the name of a unit */
  label = g_strdup_printf (_("Delete unit “%s”"), unit->name);
  return doc_delete_row (self, "DELETE FROM unit WHERE id = ?", id, label, error);
}
