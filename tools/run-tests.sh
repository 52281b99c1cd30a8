#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is needed, builds Værn and runs the whole test suite: the
# logic tests without a display, the view tests in a virtual X display inside
# a private D-Bus session. Ends with one line "N passed, N failed".
set -eu
cd "$(dirname "$0")/.."

./tools/install-deps.sh

if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build

status=0
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C _build --print-errorlogs --num-processes 2 || status=$?

# meson's summary, as one line.
python3 - <<'PY' || true
import json
passed = failed = skipped = 0
with open("_build/meson-logs/testlog.json") as log:
    for line in log:
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
exit $status
