#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Who may do what on a server, enforced by the server itself: a Værn
# document on a PostgreSQL server of its own (run under with-postgresql.sh),
# and then, as each group, through psql and not through Værn, every
# statement the group may make succeeds and every one it may not is
# refused with the server's reason.
#
#   check-access.sh VAERN
set -eu

vaern=$1
host=$VAERN_TEST_PGHOST
super=$VAERN_TEST_PGUSER
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vaern-access.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
n_ok=0

fail() {
  echo "not ok: $*"
  status=1
}

# q LOGIN SQL: the statement's output, or exit status 1 and the error in $tmp/err.
q() {
  psql -X -q -h "$host" -U "$1" -d isms -v ON_ERROR_STOP=1 -At -c "$2" 2>"$tmp/err"
}

# may LOGIN SQL: the statement succeeds.
may() {
  if out=$(q "$1" "$2"); then
    n_ok=$((n_ok + 1))
  else
    fail "$1 may: $2 — but: $(cat "$tmp/err")"
  fi
}

# refused LOGIN SQL REASON: the statement fails, with REASON in the error,
# and changes nothing (every statement runs in a transaction of its own).
refused() {
  if out=$(q "$1" "$2"); then
    fail "$1 may not, but did: $2 ($out)"
  elif ! grep -q -- "$3" "$tmp/err"; then
    fail "$1 was refused, but not because “$3”: $2 — $(cat "$tmp/err")"
  else
    n_ok=$((n_ok + 1))
  fi
}

# is LOGIN SQL VALUE: the statement's single value.
is() {
  if ! out=$(q "$1" "$2"); then
    fail "$1: $2 — $(cat "$tmp/err")"
  elif [ "$out" != "$3" ]; then
    fail "$1: $2 gave “$out”, not “$3”"
  else
    n_ok=$((n_ok + 1))
  fi
}

# The server's logins: the consultant may create logins and owns the
# database, as the README's set-up makes them.
psql -X -q -h "$host" -U "$super" -d postgres -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE consultant LOGIN CREATEROLE;
CREATE ROLE owner1 LOGIN;
CREATE ROLE boss LOGIN;
CREATE ROLE auditor LOGIN;
CREATE ROLE outsider LOGIN;
CREATE DATABASE isms OWNER consultant;
SQL

# The demo, moved to the server by the consultant.
"$vaern" --write-demo="$tmp/demo.vaern" >/dev/null
"$vaern" --publish="$tmp/demo.vaern" --to="host=$host user=consultant dbname=isms" >/dev/null

# A system where one person is systemejer (A), one of the risks there, and
# a system with risks where that person assesses nothing (B).
a=$(q consultant "SELECT x.asset_id FROM assignment x JOIN role r ON r.id = x.role_id
                   WHERE r.key = 'system_owner' AND x.to_date IS NULL
                     AND EXISTS (SELECT 1 FROM risk WHERE asset_id = x.asset_id)
                   ORDER BY x.asset_id LIMIT 1")
p1=$(q consultant "SELECT x.person_id FROM assignment x JOIN role r ON r.id = x.role_id
                    WHERE r.key = 'system_owner' AND x.to_date IS NULL AND x.asset_id = $a")
ra=$(q consultant "SELECT min(id) FROM risk WHERE asset_id = $a")
b=$(q consultant "SELECT min(k.asset_id) FROM risk k WHERE NOT EXISTS
                   (SELECT 1 FROM assignment x WHERE x.asset_id = k.asset_id AND x.person_id = $p1)")
rb=$(q consultant "SELECT min(id) FROM risk WHERE asset_id = $b")
p2=$(q consultant "SELECT min(id) FROM person WHERE id <> $p1")
p3=$(q consultant "SELECT min(id) FROM person WHERE id NOT IN ($p1, $p2)")
if [ -z "$a" ] || [ -z "$p1" ] || [ -z "$ra" ] || [ -z "$b" ] || [ -z "$rb" ]; then
  echo "check-access: the demo has no system with an owner and risks" >&2
  exit 1
fi
admin_group=$(q consultant "SELECT role_name FROM access_group WHERE grp = 'admin'")

# The administrator grants access.
may consultant "SELECT vaern_grant_access ($p1, 'owner1', 'assessor')"
may consultant "SELECT vaern_grant_access ($p2, 'boss', 'management')"
may consultant "SELECT vaern_grant_access ($p3, 'auditor', 'reader')"
refused consultant "SELECT vaern_grant_access ($p3, 'nobody_at_all', 'reader')" "no login \"nobody_at_all\""
refused consultant "SELECT vaern_grant_access ($p3, '', 'reader')" "no login \"\""
refused consultant "SELECT vaern_grant_access ($p3, 'auditor', 'superhelt')" "no group \"superhelt\""

# An assessor: the risks and the classification of their own systems.
may owner1 "UPDATE risk SET measures = measures || ' (checked)' WHERE id = $ra"
may owner1 "UPDATE asset SET confidentiality = 3, integrity = 2 WHERE id = $a"
may owner1 "INSERT INTO risk (asset_id, title) VALUES ($a, 'Ny risiko fra psql')"
may owner1 "INSERT INTO risk_control (risk_id, control) VALUES ($ra, '8.13')"
may owner1 "DELETE FROM risk_control WHERE risk_id = $ra AND control = '8.13'"
may owner1 "DELETE FROM risk WHERE asset_id = $a AND title = 'Ny risiko fra psql'"
may owner1 "SELECT count(*) FROM asset, person, soa_entry LIMIT 1"
refused owner1 "UPDATE risk SET measures = 'mine now' WHERE id = $rb" "do not assess"
refused owner1 "DELETE FROM risk WHERE id = $rb" "do not assess"
refused owner1 "INSERT INTO risk (asset_id, title) VALUES ($b, 'Fremmed risiko')" "row-level security"
refused owner1 "UPDATE risk SET asset_id = $b WHERE id = $ra" "row-level security"
refused owner1 "UPDATE risk SET asset_id = $a WHERE id = $rb" "do not assess"
refused owner1 "INSERT INTO risk_control (risk_id, control) VALUES ($rb, '8.13')" "row-level security"
refused owner1 "UPDATE asset SET confidentiality = 1 WHERE id = $b" "row-level security"
refused owner1 "UPDATE asset SET name = 'Omdøbt' WHERE id = $a" "permission denied"
refused owner1 "DELETE FROM asset WHERE id = $a" "permission denied"
refused owner1 "INSERT INTO approval (subject, title, approved_by, approved_on)
                VALUES ('risks', 'Risici', 'Ejer', '2026-12-01')" "permission denied"
refused owner1 "UPDATE scale_level SET label = 'Lav' WHERE level = 1" "permission denied"
refused owner1 "UPDATE person SET name = 'Andet navn' WHERE id = $p1" "permission denied"
refused owner1 "SELECT count(*) FROM change_log" "permission denied"
refused owner1 "DELETE FROM change_log" "permission denied"
refused owner1 "UPDATE change_log SET new = NULL" "permission denied"
refused owner1 "GRANT \"$admin_group\" TO owner1" "permission denied\|must have admin option"
refused owner1 "SELECT vaern_grant_access ($p1, 'owner1', 'admin')" "permission denied"
refused owner1 "INSERT INTO access_login (login, person_id, grp) VALUES ('boss', $p1, 'admin')" \
  "permission denied"
refused owner1 "UPDATE access_login SET grp = 'admin' WHERE login = 'owner1'" "permission denied"
# Their own edits are in the change log they see, and nobody else's.
is owner1 "SELECT count(*) > 0 FROM change_log_visible" "t"
is owner1 "SELECT count(*) FROM change_log_visible l JOIN change_set s ON s.id = l.change_set
           WHERE s.actor <> 'owner1'" "0"
is consultant "SELECT count(*) FROM change_log l JOIN change_set s ON s.id = l.change_set
               WHERE s.actor = 'owner1' AND l.tbl = 'risk' AND l.row_id = $ra" "1"

# Management: approvals and the acceptance of risks, and nothing else.
may boss "INSERT INTO approval (subject, title, approved_by, approved_on)
          VALUES ('risks', 'Risikovurderingen 2026', 'Direktionen', '2026-12-01')"
may boss "UPDATE risk SET accepted_by = 'Direktionen', accepted_on = '2026-12-01' WHERE id = $rb"
refused boss "UPDATE risk SET title = 'Andet' WHERE id = $rb" "permission denied"
refused boss "DELETE FROM risk WHERE id = $rb" "permission denied"
refused boss "UPDATE scale_level SET label = 'Lav' WHERE level = 1" "permission denied"
refused boss "SELECT count(*) FROM change_log" "permission denied"

# A reader reads everything and writes nothing.
is auditor "SELECT count(*) > 0 FROM risk" "t"
is auditor "SELECT accepted_by FROM risk WHERE id = $rb" "Direktionen"
refused auditor "UPDATE risk SET accepted_by = 'Revisor' WHERE id = $rb" "permission denied"
refused auditor "INSERT INTO approval (subject, title, approved_by, approved_on)
                 VALUES ('risks', 'Risici', 'Revisor', '2026-12-01')" "permission denied"
refused auditor "INSERT INTO change_set (at, actor, label) VALUES ('x', 'y', 'z')" "permission denied"
refused auditor "SELECT count(*) FROM change_log" "permission denied"

# A login in no group reads nothing.
refused outsider "SELECT count(*) FROM risk" "permission denied"
refused outsider "SELECT count(*) FROM change_log_visible" "permission denied"

# The administrator does everything, but the change log stays as written.
may consultant "UPDATE scale_level SET description = description WHERE level = 1"
is consultant "SELECT count(*) > 0 FROM change_log" "t"
refused consultant "DELETE FROM change_log" "cannot be changed"
refused consultant "UPDATE change_log SET new = NULL" "cannot be changed"
refused consultant "TRUNCATE change_log" "cannot be changed"

# Access taken back: the assessor's login is no longer in the group.
may consultant "SELECT vaern_revoke_access ($p1)"
refused owner1 "UPDATE risk SET measures = 'after' WHERE id = $ra" "permission denied"
is consultant "SELECT count(*) FROM access_login WHERE login = 'owner1'" "0"

# A person who leaves is deleted: their login leaves its group with them.
may consultant "DELETE FROM person WHERE id = $p2"
refused boss "SELECT count(*) FROM risk" "permission denied"
is consultant "SELECT count(*) FROM access_login WHERE login = 'boss'" "0"

echo "check-access: $n_ok checks held"
exit $status
