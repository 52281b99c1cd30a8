/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vaern-document-private.h"

gboolean
doc_load_organisation (VaernDocument *self,
                       GError       **error)
{
  VaernDbStmt *stmt = doc_prepare (self, "SELECT name, cvr FROM organisation WHERE id = 1", error);

  if (stmt == NULL)
    return FALSE;
  if (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      g_free (self->organisation);
      g_free (self->cvr);
      self->organisation = doc_column_dup (stmt, 0);
      self->cvr = doc_column_dup (stmt, 1);
    }
  vaern_db_reset (stmt);
  return TRUE;
}

/* Organisation */

gboolean
vaern_document_set_organisation (VaernDocument *self,
                                 const char    *name,
                                 const char    *cvr,
                                 GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(GString) digits = NULL;
  VaernDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("The organisation needs a name."));
      return FALSE;
    }
  /* A CVR number is eight digits; spaces people type in it are dropped. */
  digits = g_string_new (NULL);
  for (const char *p = cvr ? cvr : ""; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (digits, *p);
  if (digits->len > 0)
    {
      gboolean valid = digits->len == 8;

      for (gsize i = 0; valid && i < digits->len; i++)
        valid = g_ascii_isdigit (digits->str[i]);
      if (!valid)
        {
          vaern_store_set_field_error (error, VAERN_STORE_ERROR_INVALID, "cvr", "%s",
                                       _("A CVR number has eight digits, such as 29189900."));
          return FALSE;
        }
    }
  if (!doc_begin_change (self, _("Change organisation"), error))
    return FALSE;
  stmt = doc_prepare (self, "UPDATE organisation SET name = ?, cvr = ? WHERE id = 1", error);
  ok = stmt != NULL;
  if (ok)
    {
      doc_bind_text (stmt, 1, trimmed);
      doc_bind_text_or_empty (stmt, 2, digits->str);
      ok = doc_step_done (self, stmt, error);
    }
  if (!doc_end_change (self, ok, _("Change organisation"), error))
    return FALSE;
  doc_load_organisation (self, NULL);
  doc_notify_organisation (self);
  return TRUE;
}

/* The logo */

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

gboolean
vaern_logo_check (const guint8 *data,
                  gsize         size,
                  GError      **error)
{
  if (size < sizeof png_signature || memcmp (data, png_signature, sizeof png_signature) != 0)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("The logo is not a PNG picture."));
      return FALSE;
    }
  if (size > VAERN_LOGO_MAX_BYTES)
    {
      g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                   _("The logo is larger than %d MB. Choose a smaller picture."),
                   VAERN_LOGO_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  /* The first chunk is the header, 13 bytes long, with the size: a small
   * file may still name a picture of gigapixels, which every page printed
   * would unpack. */
  {
    static const guint8 ihdr[8] = { 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    guint32 width, height;

    if (size < 24 || memcmp (data + 8, ihdr, sizeof ihdr) != 0)
      {
        g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                     _("The logo is not a PNG picture."));
        return FALSE;
      }
    width = (guint32) data[16] << 24 | (guint32) data[17] << 16 | (guint32) data[18] << 8 | data[19];
    height = (guint32) data[20] << 24 | (guint32) data[21] << 16 | (guint32) data[22] << 8 | data[23];
    if (width == 0 || height == 0 || width > VAERN_LOGO_MAX_PIXELS || height > VAERN_LOGO_MAX_PIXELS)
      {
        g_set_error (error, VAERN_STORE_ERROR, VAERN_STORE_ERROR_INVALID,
                     _("The logo is %u × %u pixels; at most %d × %d pixels are kept. Choose a "
                       "smaller picture."), width, height, VAERN_LOGO_MAX_PIXELS,
                     VAERN_LOGO_MAX_PIXELS);
        return FALSE;
      }
  }
  return TRUE;
}

GBytes *
vaern_document_get_logo (VaernDocument *self)
{
  VaernDbStmt *stmt;
  GBytes *logo = NULL;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), NULL);

  stmt = doc_prepare (self, "SELECT png FROM organisation_logo WHERE id = 1", NULL);
  if (stmt == NULL)
    return NULL;
  if (vaern_db_step (stmt) == VAERN_DB_ROW)
    {
      gsize size = 0;
      guchar *data = g_base64_decode (vaern_db_column_text (stmt, 0, NULL), &size);

      if (vaern_logo_check (data, size, NULL))
        logo = g_bytes_new_take (data, size);
      else
        g_free (data);
    }
  vaern_db_reset (stmt);
  return logo;
}

gboolean
vaern_document_set_logo (VaernDocument *self,
                         GBytes        *png,
                         GError       **error)
{
  /* Translators: an undo step */
  const char *label = png ? _("Change logo") : _("Remove logo");
  g_autofree char *text = NULL;
  VaernDbStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (VAERN_IS_DOCUMENT (self), FALSE);

  if (png != NULL)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (png, &size);

      if (!vaern_logo_check (data, size, error))
        return FALSE;
      text = g_base64_encode (data, size);
    }
  if (!doc_begin_change (self, label, error))
    return FALSE;
  if (text != NULL)
    stmt = doc_prepare (self, "INSERT INTO organisation_logo (id, png) VALUES (1, ?)"
                              " ON CONFLICT (id) DO UPDATE SET png = excluded.png", error);
  else
    stmt = doc_prepare (self, "DELETE FROM organisation_logo WHERE id = 1", error);
  ok = stmt != NULL;
  if (ok)
    {
      if (text != NULL)
        doc_bind_text (stmt, 1, text);
      ok = doc_step_done (self, stmt, error);
    }
  return doc_end_change (self, ok, label, error);
}
