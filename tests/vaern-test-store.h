/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "core/vaern-date.h"
#include "store/vaern-document.h"
#include "vaern-test-backend.h"
#include "vaern-test-util.h"

G_BEGIN_DECLS

/* Building test documents through the store's own API; each helper fails
 * the test if the store refuses. */

/* A logo: a PNG of two pixels, one red and one blue. */
static inline GBytes *
vaern_test_logo (void)
{
  static const guint8 png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
    0x00, 0x7b, 0x40, 0xe8, 0xdd, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0xf8, 0xcf, 0x00, 0x04, 0xff, 0x01, 0x07, 0x00, 0x01, 0xff, 0xe2, 0x23,
    0x9e, 0x59, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  };

  return g_bytes_new_static (png, sizeof png);
}

/* A new document, Testkommune, in a folder of its own, on 23 November
 * 2026; and its end, and a reopening of it. */
static inline VaernDocument *
vaern_test_document_new (char **dir,
                         char **path)
{
  g_autoptr(GError) error = NULL;
  VaernDocument *doc;

  vaern_date_set_today ("2026-11-23");
  *dir = vaern_test_tmpdir ();
  *path = vaern_test_location (*dir, "test.vaern");
  doc = vaern_document_create (*path, "Testkommune", &error);
  g_assert_no_error (error);
  return doc;
}

static inline void
vaern_test_document_free (VaernDocument **doc,
                          char          **dir,
                          char          **path)
{
  g_clear_object (doc);
  vaern_test_rmdir (*dir);
  g_clear_pointer (dir, g_free);
  g_clear_pointer (path, g_free);
}

static inline void
vaern_test_document_reopen (VaernDocument **doc,
                            const char     *path)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (doc);
  *doc = vaern_document_open (path, &error);
  g_assert_no_error (error);
}

static inline gint64
add_unit (VaernDocument *doc,
          const char    *name,
          gint64         parent)
{
  g_autoptr(VaernUnit) unit = vaern_unit_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  unit->name = g_strdup (name);
  unit->parent_id = parent;
  id = vaern_document_add_unit (doc, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
add_person (VaernDocument *doc,
            const char    *name,
            const char    *email,
            gint64         unit)
{
  g_autoptr(VaernPerson) person = vaern_person_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  person->name = g_strdup (name);
  person->email = g_strdup (email);
  person->title = g_strdup ("Afdelingschef");
  person->unit_id = unit;
  id = vaern_document_add_person (doc, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
role_id (VaernDocument *doc,
         const char    *key)
{
  g_autoptr(VaernRole) role = vaern_document_find_role_by_key (doc, key);

  g_assert_nonnull (role);
  return vaern_record_get_id (VAERN_RECORD (role));
}

G_END_DECLS
