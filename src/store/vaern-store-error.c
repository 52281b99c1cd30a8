/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vaern-document-private.h"

/* The store's errors carry the field they are about. */
typedef struct
{
  char *field;
} VaernStoreErrorPrivate;

static void
vaern_store_error_private_init (VaernStoreErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
vaern_store_error_private_copy (const VaernStoreErrorPrivate *src,
                                VaernStoreErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
vaern_store_error_private_clear (VaernStoreErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (VaernStoreError, vaern_store_error)

const char *
vaern_store_error_get_field (const GError *error)
{
  VaernStoreErrorPrivate *priv;

  if (error == NULL || error->domain != VAERN_STORE_ERROR)
    return NULL;
  priv = vaern_store_error_get_private (error);
  return priv ? priv->field : NULL;
}

void
vaern_store_set_field_error (GError    **error,
                             int         code,
                             const char *field,
                             const char *format,
                             ...)
{
  GError *new;
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  new = g_error_new_valist (VAERN_STORE_ERROR, code, format, args);
  va_end (args);
  vaern_store_error_get_private (new)->field = g_strdup (field);
  g_propagate_error (error, new);
}
