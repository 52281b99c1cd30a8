/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A full disk, made by SQLite's own VFS layer: a shim in front of the
 * default VFS that counts the bytes SQLite writes (to the document, its
 * journal, anything) and, once a budget is spent, fails every further
 * write with SQLITE_FULL, as a disk that has run out of space does. It is
 * registered as the default, so the store's own connections go through
 * it. */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;
} VaernFaultFile;

static sqlite3_vfs *vaern_fault_real;
static sqlite3_vfs  vaern_fault_vfs;
static gint64       vaern_fault_budget = -1;  /* bytes left to write; -1: no limit */
static gint64       vaern_fault_written;      /* bytes written since the last reset */
static gboolean     vaern_fault_tripped;      /* whether a write was refused */

static int
vaern_fault_close (sqlite3_file *file)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xClose (f->real);
}

static int
vaern_fault_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xRead (f->real, buf, amount, offset);
}

static int
vaern_fault_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  if (vaern_fault_budget >= 0)
    {
      if (amount > vaern_fault_budget)
        {
          vaern_fault_budget = 0;
          vaern_fault_tripped = TRUE;
          return SQLITE_FULL;
        }
      vaern_fault_budget -= amount;
    }
  vaern_fault_written += amount;
  return f->real->pMethods->xWrite (f->real, buf, amount, offset);
}

static int
vaern_fault_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xTruncate (f->real, size);
}

static int
vaern_fault_sync (sqlite3_file *file, int flags)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xSync (f->real, flags);
}

static int
vaern_fault_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xFileSize (f->real, size);
}

static int
vaern_fault_lock (sqlite3_file *file, int lock)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xLock (f->real, lock);
}

static int
vaern_fault_unlock (sqlite3_file *file, int lock)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xUnlock (f->real, lock);
}

static int
vaern_fault_check_reserved (sqlite3_file *file, int *out)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xCheckReservedLock (f->real, out);
}

static int
vaern_fault_file_control (sqlite3_file *file, int op, void *arg)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xFileControl (f->real, op, arg);
}

static int
vaern_fault_sector_size (sqlite3_file *file)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xSectorSize (f->real);
}

static int
vaern_fault_device (sqlite3_file *file)
{
  VaernFaultFile *f = (VaernFaultFile *) file;

  return f->real->pMethods->xDeviceCharacteristics (f->real);
}

/* Version 1: no shared memory (the store uses a rollback journal) and no
 * memory mapping, so every write passes through xWrite. */
static const sqlite3_io_methods vaern_fault_methods = {
  1, vaern_fault_close, vaern_fault_read, vaern_fault_write, vaern_fault_truncate,
  vaern_fault_sync, vaern_fault_file_size, vaern_fault_lock, vaern_fault_unlock,
  vaern_fault_check_reserved, vaern_fault_file_control, vaern_fault_sector_size,
  vaern_fault_device, NULL, NULL, NULL, NULL, NULL, NULL,
};

static int
vaern_fault_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags,
                  int *out_flags)
{
  VaernFaultFile *f = (VaernFaultFile *) file;
  int rc;

  f->real = (sqlite3_file *) (f + 1);
  rc = vaern_fault_real->xOpen (vaern_fault_real, name, f->real, flags, out_flags);
  f->base.pMethods = f->real->pMethods ? &vaern_fault_methods : NULL;
  return rc;
}

static inline void
vaern_fault_install (void)
{
  if (vaern_fault_real != NULL)
    return;
  vaern_fault_real = sqlite3_vfs_find (NULL);
  vaern_fault_vfs = *vaern_fault_real;
  vaern_fault_vfs.zName = "vaern-fault";
  vaern_fault_vfs.szOsFile = (int) sizeof (VaernFaultFile) + vaern_fault_real->szOsFile;
  vaern_fault_vfs.xOpen = vaern_fault_open;
  /* The real VFS's other methods read their own state from pAppData,
   * which the copy keeps. */
  g_assert_cmpint (sqlite3_vfs_register (&vaern_fault_vfs, 1), ==, SQLITE_OK);
}

/* From now on, @budget more bytes can be written (-1: any number). */
static inline void
vaern_fault_set_budget (gint64 budget)
{
  vaern_fault_budget = budget;
  vaern_fault_tripped = FALSE;
  vaern_fault_written = 0;
}

G_END_DECLS
