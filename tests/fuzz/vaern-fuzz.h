/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

/* What every fuzz target shares. A target is one function, the one
 * libFuzzer calls; the same function is linked into a plain program
 * (vaern-fuzz-replay.c) that the test suite runs on the seed corpus and
 * on every crash input found so far. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A misbehaving target must end the run where it misbehaved, with a
 * stack: libFuzzer (and the replay test) then report that input. Not
 * g_assert, which G_DISABLE_ASSERT would take away. */
#define VAERN_FUZZ_CHECK(cond)                                                   \
  G_STMT_START                                                                   \
  {                                                                              \
    if (G_UNLIKELY (!(cond)))                                                    \
      vaern_fuzz_fail (__FILE__, __LINE__, G_STRFUNC, #cond);                    \
  }                                                                              \
  G_STMT_END

G_NORETURN void vaern_fuzz_fail  (const char *file,
                                  int         line,
                                  const char *func,
                                  const char *what);

/* Sets up the process once: a private temporary folder (on /dev/shm when
 * there is one, since SQLite syncs every commit), the user's data, config
 * and cache folders moved into it so that nothing a target does (a safety
 * copy of a document, say) reaches the real ones, and GLib's warnings and
 * criticals made fatal. Returns the folder. */
const char *vaern_fuzz_setup     (void);

/* A path in the private folder; the file is not created. */
char       *vaern_fuzz_path      (const char *name);

/* Writes data to a new file at path; aborts if it cannot. */
void        vaern_fuzz_write     (const char    *path,
                                  const uint8_t *data,
                                  size_t         size);

/* Whether the file at path holds exactly data. */
gboolean    vaern_fuzz_same      (const char    *path,
                                  const uint8_t *data,
                                  size_t         size);

/* Removes path and what SQLite may leave beside a document (-journal,
 * -wal, -shm). */
void        vaern_fuzz_remove    (const char *path);

/* Whether anything but the listed names is in the private folder (NULL
 * ends the list): a target checks that a refused input left nothing. */
gboolean    vaern_fuzz_folder_holds_only (const char *name,
                                          ...) G_GNUC_NULL_TERMINATED;

/* A GError a person may be shown: set, in a domain, with a message that is
 * non-empty, valid UTF-8 and one line (the README promises one line). */
void        vaern_fuzz_check_error (const GError *error);

G_END_DECLS
