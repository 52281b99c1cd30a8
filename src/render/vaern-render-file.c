/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "vaern-render-file.h"

typedef struct
{
  int fd;
  int saved_errno;   /* of the first failed write, or 0 */
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

G_GNUC_PRINTF (4, 0) static void
set_write_error (GError    **error,
                 const char *path,
                 int         saved_errno,
                 const char *failure_format,
                 const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, G_IO_ERROR,
               saved_errno != 0 ? g_io_error_from_errno (saved_errno) : G_IO_ERROR_FAILED,
               failure_format, display, reason);
#pragma GCC diagnostic pop
}

gboolean
vaern_render_write_file (const char        *path,
                         VaernRenderStream  render,
                         gpointer           user_data,
                         const char        *failure_format,
                         GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp_path = g_build_filename (dir, tmp_name, NULL);
  /* 0666 so that the umask, not the temporary name, decides who may read it. */
  sink.fd = g_mkstemp_full (tmp_path, O_WRONLY, 0666);
  if (sink.fd < 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, saved_errno, failure_format, g_strerror (saved_errno));
      return FALSE;
    }

  status = render (sink_write, &sink, user_data);
  if (status == CAIRO_STATUS_SUCCESS && g_fsync (sink.fd) != 0)
    {
      sink.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (close (sink.fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      sink.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      set_write_error (error, path, sink.saved_errno, failure_format,
                       sink.saved_errno != 0 ? g_strerror (sink.saved_errno)
                                             : cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      set_write_error (error, path, saved_errno, failure_format, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
