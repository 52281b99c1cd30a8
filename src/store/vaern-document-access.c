/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vaern-document-private.h"

/* Who may do what, as the server sees it: the group of the login in
 * session and the systems it assesses (the schema's vaern_in_group and
 * vaern_may_assess, which the server's own policies use). The group is
 * asked when the document connects and at every look at the connection
 * (the window's, every five seconds), so that access granted or taken
 * back while a window is open counts; the server enforces it meanwhile. */

static VaernAccess
query_access (VaernDocument *self)
{
  gint64 group;

  if (vaern_db_kind (self->db) != VAERN_DB_POSTGRESQL)
    return VAERN_ACCESS_ADMIN;
  group = doc_query_int (self,
                         "SELECT CASE WHEN vaern_in_group ('admin') THEN 0"
                         "            WHEN vaern_in_group ('assessor') THEN 1"
                         "            WHEN vaern_in_group ('management') THEN 2"
                         "            WHEN vaern_in_group ('reader') THEN 3"
                         "            ELSE 4 END", 0, NULL);
  if (group < VAERN_ACCESS_ADMIN || group > VAERN_ACCESS_NONE)
    return VAERN_ACCESS_NONE;
  return (VaernAccess) group;
}

VaernAccess
vaern_document_get_access (VaernDocument *self)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), VAERN_ACCESS_NONE);
  return self->access;
}

void
doc_refresh_access (VaernDocument *self)
{
  gboolean was_reading = self->access >= VAERN_ACCESS_READER;

  self->access = query_access (self);
  if (was_reading != (self->access >= VAERN_ACCESS_READER))
    g_object_notify (G_OBJECT (self), "read-only");
}

gboolean
vaern_document_may_assess (VaernDocument *self,
                           gint64         asset_id)
{
  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (vaern_db_kind (self->db) != VAERN_DB_POSTGRESQL)
    return TRUE;
  return doc_query_int (self, "SELECT vaern_in_group ('admin') OR vaern_may_assess (?)",
                        asset_id, NULL) == 1;
}

/* The people working in the same ISMS now, in sessions of Værn's (its
 * application name, in ASCII as the server keeps it) under other logins:
 * the person linked to each login, or the login where none is. */
GStrv
vaern_document_list_present (VaernDocument *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  VaernDbStmt *stmt;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  if (vaern_db_kind (self->db) != VAERN_DB_POSTGRESQL || self->disconnected)
    return g_strv_builder_end (builder);
  stmt = doc_prepare (self,
                      "SELECT DISTINCT coalesce (p.name, a.usename::text)"
                      "  FROM pg_stat_activity a"
                      "  LEFT JOIN access_login l ON l.login = a.usename"
                      "  LEFT JOIN person p ON p.id = l.person_id"
                      " WHERE a.datname = current_database () AND a.application_name = 'Vaern'"
                      "   AND a.usename <> session_user"
                      " ORDER BY 1", NULL);
  if (stmt == NULL)
    return g_strv_builder_end (builder);
  while (vaern_db_step (stmt) == VAERN_DB_ROW)
    g_strv_builder_add (builder, vaern_db_column_text (stmt, 0, NULL));
  vaern_db_reset (stmt);
  return g_strv_builder_end (builder);
}
