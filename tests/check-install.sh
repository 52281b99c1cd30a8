#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `meson install` into a prefix installs everything the app needs, and the
# installed app finds it there without the build tree's help:
#
#   1. configures a fresh build of the source (without tests) with
#      --prefix=<temp>/prefix, installs it, and checks that the program,
#      desktop entry, metainfo, schema (compiled by post_install), Danish
#      translation, icons and MIME package are where they belong, that
#      post_install's MIME database gives *.vaern its file icon and that the
#      installed metainfo and desktop entry carry the Danish translation;
#   2. runs the installed program with XDG_DATA_DIRS=<prefix>/share and
#      neither GSETTINGS_SCHEMA_DIR nor VAERN_LOCALEDIR: --help in Danish,
#      --write-demo, an export;
#   3. opens the window on the demo under the display the test runs in (in a
#      private D-Bus session, so that no other instance of the app takes the
#      call), sees it stay up for a few seconds without a schema error or a
#      critical message, and quits it through its app.quit action over D-Bus.
#
# Without a display, steps 1 and 2 still run and the test then skips (77).
# Takes about a minute, nearly all of it the build (ccache is used if meson
# finds it).
#
# Usage: check-install.sh SOURCE_ROOT
set -eu

src=$(cd "$1" && pwd)
app_id=io.github.vaern.Vaern

# Nothing from the test runner's environment may point the app at the build
# tree, and post_install runs only without DESTDIR; meson's MALLOC_PERTURB_
# only slows the build down.
unset GSETTINGS_SCHEMA_DIR VAERN_LOCALEDIR VAERN_BINARY DESTDIR MALLOC_PERTURB_ || true

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vaern-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
share=$prefix/share
status=0

fail () {
  echo "FAIL: $*"
  status=1
}

run_logged () {
  log=$1
  shift
  if ! "$@" >"$log" 2>&1; then
    cat "$log"
    echo "FAIL: $*"
    exit 1
  fi
}

start=$(date +%s)

# 1. Build and install ---------------------------------------------------------

# An unoptimised build without debug information is the quickest to make.
run_logged "$tmp/setup.log" meson setup "$tmp/build" "$src" --prefix="$prefix" \
  -Dtests=false -Dbuildtype=plain
run_logged "$tmp/install.log" meson install -C "$tmp/build"
echo "built and installed in $(($(date +%s) - start)) s"

for f in \
  bin/vaern \
  share/applications/$app_id.desktop \
  share/applications/mimeinfo.cache \
  share/metainfo/$app_id.metainfo.xml \
  share/glib-2.0/schemas/$app_id.gschema.xml \
  share/glib-2.0/schemas/gschemas.compiled \
  share/locale/da/LC_MESSAGES/vaern.mo \
  share/icons/hicolor/scalable/apps/$app_id.svg \
  share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
  share/icons/hicolor/scalable/mimetypes/$app_id-document.svg \
  share/icons/hicolor/icon-theme.cache \
  share/mime/packages/$app_id.xml \
  share/mime/mime.cache \
  share/mime/application/x-vaern.xml \
  share/vaern/vaern-report.xsd
do
  [ -s "$prefix/$f" ] || fail "not installed: $f"
done
[ -x "$prefix/bin/vaern" ] || fail "bin/vaern is not executable"

# The desktop entry opens the document type, and the MIME database (made by
# post_install) gives *.vaern the type and the type the icon that is
# installed under that very name.
grep -qx "MimeType=application/x-vaern;" "$share/applications/$app_id.desktop" \
  || fail "the desktop entry does not declare application/x-vaern"
grep -q "^application/x-vaern=.*$app_id.desktop" "$share/applications/mimeinfo.cache" \
  || fail "mimeinfo.cache does not open application/x-vaern with $app_id.desktop"
grep -q ":application/x-vaern:\*\.vaern" "$share/mime/globs2" \
  || fail "the MIME database has no *.vaern glob"
mime_icon=$(sed -n 's|^application/x-vaern:||p' "$share/mime/icons" 2>/dev/null || true)
[ "$mime_icon" = "$app_id-document" ] || fail "application/x-vaern's icon is '$mime_icon'"
[ -s "$share/icons/hicolor/scalable/mimetypes/$mime_icon.svg" ] \
  || fail "no icon file for the MIME icon '$mime_icon'"
grep -qx "application/x-vaern:x-office-document" "$share/mime/generic-icons" \
  || fail "application/x-vaern has no generic icon"
grep -q '<comment xml:lang="da">' "$share/mime/application/x-vaern.xml" \
  || fail "the MIME type has no Danish comment"

# The Danish translation reached the merged files: the desktop entry, and
# every translatable text of the metainfo.
grep -q "^Comment\[da\]=" "$share/applications/$app_id.desktop" \
  || fail "the desktop entry has no Danish comment"
metainfo=$share/metainfo/$app_id.metainfo.xml
texts="/component/summary | /component/description/p | /component/description/ul/li
       | /component/screenshots/screenshot/caption | /component/releases/release/description/p"
english=$(xmllint --xpath "count(($texts)[not(@xml:lang)])" "$metainfo")
danish=$(xmllint --xpath "count(($texts)[@xml:lang='da'])" "$metainfo")
if [ "$danish" -eq 0 ] || [ "$danish" -ne "$english" ]; then
  fail "the metainfo has $danish Danish texts for $english English ones (po/da.po is behind)"
fi

# Every screenshot the metainfo shows is a PNG of 1280 × 800 in this tree.
raw=https://raw.githubusercontent.com/vaern/vaern/main
screenshots=$(sed -n "s|.*<image>$raw/\(.*\)</image>.*|\1|p" "$metainfo")
[ -n "$screenshots" ] || fail "the metainfo shows no screenshots from data/screenshots"
for shot in $screenshots; do
  if [ ! -s "$src/$shot" ]; then
    fail "the metainfo shows $shot, which is not in the tree"
    continue
  fi
  # The PNG signature, then the IHDR chunk's width and height (big-endian),
  # as 24 numbers.
  # shellcheck disable=SC2046
  set -- $(od -An -tu1 -N24 "$src/$shot")
  if [ "$2$3$4" != "807871" ]; then
    fail "$shot is not a PNG"
    continue
  fi
  shift 16
  width=$(( ($1 << 24) + ($2 << 16) + ($3 << 8) + $4 ))
  height=$(( ($5 << 24) + ($6 << 16) + ($7 << 8) + $8 ))
  [ "$width"x"$height" = 1280x800 ] || fail "$shot is ${width}x$height, not 1280x800"
done

# 2. The installed program, on its own -----------------------------------------

export XDG_DATA_DIRS="$share"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache"
export GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1
vaern=$prefix/bin/vaern

gsettings list-keys $app_id >/dev/null 2>&1 \
  || fail "the schema is not found through XDG_DATA_DIRS=$share"

if locale -a 2>/dev/null | grep -qi '^da_DK\.utf-\?8$'; then
  danish_locale=da_DK.UTF-8
else
  danish_locale=C.UTF-8
fi
help=$(LANGUAGE=da LC_ALL=$danish_locale "$vaern" --help 2>&1) || fail "vaern --help failed"
case "$help" in
  *"Skriv demodokumentet til"*) ;;
  *) fail "vaern --help is not in Danish (the translation was not found):"
     echo "$help" | head -12 ;;
esac

demo=$tmp/demo.vaern
LC_ALL=C.UTF-8 "$vaern" --write-demo="$demo" || fail "vaern --write-demo failed"
[ -s "$demo" ] || fail "vaern --write-demo wrote nothing"
type=$(gio info -a standard::content-type "$demo" 2>/dev/null \
         | sed -n 's/^ *standard::content-type: *//p')
[ "$type" = "application/x-vaern" ] || fail "the demo's content type is '$type'"
LC_ALL=C.UTF-8 "$vaern" --export=management --output="$tmp/report.html" "$demo" \
  || fail "vaern --export=management failed"
grep -q "<html" "$tmp/report.html" || fail "the management report is not HTML"

# 3. The window ------------------------------------------------------------------

if [ -z "${DISPLAY:-}" ]; then
  echo "no DISPLAY: the window was not tried"
  [ $status -eq 0 ] && exit 77
  exit $status
fi

# The desktop's own data as well now: GTK finds the type of an SVG icon, and
# so the loader for it, through the system's MIME database. The schema was
# found through the prefix alone above.
export XDG_DATA_DIRS="$share:/usr/local/share:/usr/share"

# Run in a private session bus: the test suite's own tests may hold the app
# id on the shared bus, and the bus is how the check knows the window is up.
cat >"$tmp/window.sh" <<'EOF'
#!/bin/sh
# Starts the app on the demo, waits until its window is on the session bus
# (the window's actions are exported there when it is added), asks it to
# quit through app.quit, and waits for it to end; prints the app's exit
# status, or "running" / "gone" / "no window" when that did not work.
# Each wait polls its condition, with a limit for a slow machine.
vaern=$1 demo=$2 err=$3
LC_ALL=C.UTF-8 LANGUAGE=C "$vaern" "$demo" 2>"$err" &
pid=$!
up=
for _ in $(seq 300); do
  kill -0 $pid 2>/dev/null || break
  if gdbus call --session --dest io.github.vaern.Vaern \
       --object-path /io/github/vaern/Vaern/window/1 \
       --method org.gtk.Actions.List >/dev/null 2>&1; then
    up=yes
    break
  fi
  sleep 0.1
done
if ! kill -0 $pid 2>/dev/null; then
  wait $pid
  echo "gone $?"
  exit 0
fi
if [ -z "$up" ]; then
  kill $pid
  wait $pid
  echo "no window"
  exit 0
fi
gdbus call --session --dest io.github.vaern.Vaern --object-path /io/github/vaern/Vaern \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null 2>>"$err.gdbus"
for _ in $(seq 100); do
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
if kill -0 $pid 2>/dev/null; then
  kill $pid
  wait $pid
  echo "running"
  exit 0
fi
wait $pid
echo "quit $?"
EOF
err=$tmp/window.err
if command -v dbus-run-session >/dev/null 2>&1; then
  outcome=$(dbus-run-session -- sh "$tmp/window.sh" "$vaern" "$demo" "$err" 2>/dev/null \
             | tail -n 1)
else
  outcome="no dbus-run-session (install dbus)"
fi
case "$outcome" in
  "quit 0") echo "the window came up and quit through app.quit" ;;
  running) fail "the window did not quit through app.quit over D-Bus"
           cat "$err.gdbus" 2>/dev/null || true ;;
  *) fail "the window did not come up ($outcome)" ;;
esac
if grep -E "No schema|not installed|CRITICAL|-ERROR|Gtk-WARNING|GLib-GIO-WARNING" "$err"; then
  fail "the window's messages are above"
fi

echo "check-install: $(($(date +%s) - start)) s"
exit $status
