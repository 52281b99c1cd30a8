/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib-object.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <sys/wait.h>

G_BEGIN_DECLS

/* A fresh temporary folder per test, removed by the test's own teardown. */
static inline char *
vaern_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vaern-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
vaern_test_rmdir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0644);
      g_unlink (path);
    }
  g_chmod (dir, 0755);
  g_rmdir (dir);
}

static inline GBytes *
vaern_test_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* Runs the real program ($VAERN_BINARY) with the arguments up to NULL, in
 * @cwd (or here); @out and @err (either may be NULL) get what it printed,
 * freeing what they held. Returns its exit status, or -1 for a signal. */
static inline int
vaern_test_run_valist (const char *cwd,
                       char      **out,
                       char      **err,
                       const char *first,
                       va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("VAERN_BINARY");
  int status = -1;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  if (out)
    g_clear_pointer (out, g_free);
  if (err)
    g_clear_pointer (err, g_free);
  g_spawn_sync (cwd, (char **) argv->pdata, NULL,
                out ? G_SPAWN_DEFAULT : G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static inline guint
vaern_test_count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; p && *p; p++)
    n += *p == '\n';
  return n;
}

/* Waiting: a test waits for what it needs (a window mapped, a count changed, a
 * signal emitted, a file written), never for a fixed time: on a slow
 * machine a fixed sleep is too short, on a fast one it waits for nothing.
 * The main context runs blocking iterations until the condition holds or
 * the time is up; a short timeout source wakes it to look again at what
 * no source of its own reports (another process, a file), so it never
 * spins. The caller asserts on a timeout, and the message says what was
 * waited for. */

/* Long enough for a loaded machine; a wait that holds returns at once. */
#define VAERN_TEST_TIMEOUT_MS 20000
/* How often a wait looks again when nothing in the main context wakes it. */
#define VAERN_TEST_POLL_MS    5

typedef gboolean (*VaernTestPredicate) (gpointer user_data);

typedef struct
{
  gint64   end;
  GSource *wake;
} VaernTestWaiter;

static inline gboolean
vaern_test_waiter_wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static inline void
vaern_test_waiter_begin (VaernTestWaiter *waiter,
                         guint            timeout_ms,
                         guint            poll_ms)
{
  waiter->end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  waiter->wake = g_timeout_source_new (MAX (poll_ms, 1));
  g_source_set_callback (waiter->wake, vaern_test_waiter_wake_cb, NULL, NULL);
  g_source_set_name (waiter->wake, "vaern-test-wait");
  g_source_attach (waiter->wake, NULL);
}

/* One blocking iteration; FALSE once the time is up. */
static inline gboolean
vaern_test_waiter_iterate (VaernTestWaiter *waiter)
{
  if (g_get_monotonic_time () >= waiter->end)
    return FALSE;
  g_main_context_iteration (NULL, TRUE);
  return TRUE;
}

static inline void
vaern_test_waiter_end (VaernTestWaiter *waiter)
{
  g_source_destroy (waiter->wake);
  g_clear_pointer (&waiter->wake, g_source_unref);
}

/* Runs the default main context until predicate (user_data) holds, or
 * timeout_ms have passed, looking again at least every poll_ms; whether
 * it held. */
static inline gboolean
vaern_test_wait_until_full (VaernTestPredicate predicate,
                            gpointer           user_data,
                            guint              timeout_ms,
                            guint              poll_ms)
{
  VaernTestWaiter waiter;
  gboolean held;

  vaern_test_waiter_begin (&waiter, timeout_ms, poll_ms);
  while (!(held = predicate (user_data)) && vaern_test_waiter_iterate (&waiter))
    ;
  /* The last look, after the last iteration. */
  if (!held)
    held = predicate (user_data);
  vaern_test_waiter_end (&waiter);
  return held;
}

static inline gboolean
vaern_test_wait_until (VaernTestPredicate predicate,
                       gpointer           user_data,
                       guint              timeout_ms)
{
  return vaern_test_wait_until_full (predicate, user_data, timeout_ms, VAERN_TEST_POLL_MS);
}

static inline void
vaern_test_wait_failed (const char *file,
                        int         line,
                        const char *func,
                        guint       timeout_ms,
                        const char *what)
{
  g_autofree char *message = g_strdup_printf ("waited %u ms in vain for: %s", timeout_ms, what);

  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

/* Waits until expr holds (it is evaluated after every iteration) and
 * fails the test, naming expr, if it does not within timeout_ms. */
#define VAERN_TEST_WAIT_MS(expr, timeout_ms)                                        \
  G_STMT_START                                                                      \
  {                                                                                 \
    VaernTestWaiter vaern_waiter_;                                                  \
    gboolean vaern_held_;                                                           \
                                                                                    \
    vaern_test_waiter_begin (&vaern_waiter_, (timeout_ms), VAERN_TEST_POLL_MS);     \
    while (!(vaern_held_ = !!(expr)) && vaern_test_waiter_iterate (&vaern_waiter_)) \
      ;                                                                             \
    if (!vaern_held_)                                                               \
      vaern_held_ = !!(expr);                                                       \
    vaern_test_waiter_end (&vaern_waiter_);                                         \
    if (!vaern_held_)                                                               \
      vaern_test_wait_failed (__FILE__, __LINE__, G_STRFUNC, (timeout_ms), #expr);  \
  }                                                                                 \
  G_STMT_END

#define VAERN_TEST_WAIT(expr) VAERN_TEST_WAIT_MS (expr, VAERN_TEST_TIMEOUT_MS)

/* Whatever the signal's arguments and return type: it counts the emission
 * and leaves the return value at its default (FALSE: not handled, so the
 * other handlers still run). */
static inline void
vaern_test_signal_marshal (GClosure     *closure,
                           GValue       *return_value,
                           guint         n_param_values,
                           const GValue *param_values,
                           gpointer      invocation_hint,
                           gpointer      marshal_data)
{
  (*(guint *) closure->data)++;
}

static inline gboolean
vaern_test_signal_seen (gpointer user_data)
{
  return *(guint *) user_data > 0;
}

/* Waits until object emits signal_name (detailed names such as
 * "notify::width" too) after this call; whether it did within
 * timeout_ms. The handler runs after those connected before it, so when
 * this returns TRUE they have run. */
static inline gboolean
vaern_test_wait_for_signal (gpointer    object,
                            const char *signal_name,
                            guint       timeout_ms)
{
  guint seen = 0;
  GClosure *closure = g_closure_new_simple (sizeof (GClosure), &seen);
  gulong id;
  gboolean held;

  g_closure_set_marshal (closure, vaern_test_signal_marshal);
  id = g_signal_connect_closure (object, signal_name, closure, TRUE);
  g_assert_cmpuint (id, >, 0);
  held = vaern_test_wait_until (vaern_test_signal_seen, &seen, timeout_ms);
  g_signal_handler_disconnect (object, id);
  return held;
}

/* A file that another process (or a thread) writes: there, and not empty. */
static inline gboolean
vaern_test_file_written (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

G_END_DECLS
