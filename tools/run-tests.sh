#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is needed, builds Værn and runs the whole test suite: the
# logic tests without a display, the view tests in a virtual X display inside
# a private D-Bus session; then the logic tests again in a second build,
# _build-asan, with AddressSanitizer (leaks included) and
# UndefinedBehaviorSanitizer. Ends with one line "N passed, N failed" that
# counts both runs; exits non-zero if any test in either run failed.
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

# The sanitizer run: the 'sanitize' test setup (meson.build) sets
# ASAN_OPTIONS, LSAN_OPTIONS (tests/sanitizers/lsan.supp) and UBSAN_OPTIONS,
# and multiplies the timeouts. The command-line tests run the instrumented
# program too. On two cores about seven minutes from scratch, three when
# _build-asan is already built.
started=$(date +%s)
if [ ! -f _build-asan/build.ninja ]; then
  meson setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false
else
  # A folder made some other way is made a sanitizer build all the same.
  meson configure _build-asan -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C _build-asan
rm -f _build-asan/meson-logs/testlog-sanitize.json
meson test -C _build-asan --setup sanitize --suite logic --print-errorlogs \
  --num-processes 2 || status=$?
echo "The sanitizer build and run took $(( $(date +%s) - started )) s."

# meson's summaries of both runs, as one line.
python3 - <<'PY' || true
import json
passed = failed = skipped = 0
for path in ("_build/meson-logs/testlog.json",
             "_build-asan/meson-logs/testlog-sanitize.json"):
    try:
        log = open(path)
    except FileNotFoundError:
        continue
    with log:
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
