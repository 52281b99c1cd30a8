#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a test program against a PostgreSQL server of its own: Debian's
# postgresql package, started here in a temporary folder on a Unix socket
# (no TCP port), and stopped and removed after, whatever the test did.
#
#   with-postgresql.sh PROGRAM [ARGS...]
#
# The program finds the server through VAERN_TEST_PGHOST (the socket's
# folder) and VAERN_TEST_PGUSER (a superuser), and VAERN_TEST_BACKEND is
# "postgresql". initdb refuses to run as root: as root the server runs as
# the postgres system user the package creates; otherwise as the caller.
set -eu

bindir=""
for v in $(ls -1 /usr/lib/postgresql 2>/dev/null | sort -rn); do
  if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then
    bindir="/usr/lib/postgresql/$v/bin"
    break
  fi
done
if [ -z "$bindir" ]; then
  echo "with-postgresql: PostgreSQL's server is not installed (apt-get install postgresql;" \
       "tools/install-deps.sh does it)" >&2
  # Under CI a missing server is a failure; elsewhere the test is skipped.
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  exit 77
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/vaern-pg.XXXXXX")
as_server() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as_server() { runuser -u postgres -- "$@"; }
fi

stop() {
  as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT INT TERM

as_server "$bindir/initdb" -D "$dir/data" -U vaern_test -A trust -E UTF8 --locale=C.UTF-8 \
  --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# One login must give its password (the tests of a password refused and
# accepted); every other local login is trusted.
{ echo "local all vaern_password scram-sha-256"; cat "$dir/data/pg_hba.conf"; } >"$dir/hba"
as_server sh -c "cat '$dir/hba' >'$dir/data/pg_hba.conf'"
# Durability off: the server and its data live as long as the test.
as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export VAERN_TEST_BACKEND=postgresql
export VAERN_TEST_PGHOST="$dir"
export VAERN_TEST_PGUSER=vaern_test
status=0
"$@" || status=$?
exit $status
