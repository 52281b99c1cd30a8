#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Danish translation is complete: every source file with user-visible
# strings is listed in po/POTFILES.in, and po/da.po translates every message
# of the sources as they are now (none untranslated, none fuzzy).
set -eu
top=$1
cd "$top"

status=0
for f in $(grep -lE '(^|[^a-z_])(N?_|g_dngettext) ?\(' src/*/*.c) $(grep -l 'translatable="yes"' ui/*.ui); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --files-from=po/POTFILES.in --directory=. --from-code=UTF-8 \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --add-comments=Translators \
  --package-name=vaern -o "$tmp/vaern.pot"
msgmerge --quiet --no-fuzzy-matching -o "$tmp/da.po" po/da.po "$tmp/vaern.pot"
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/da.po" 2>&1)
echo "po/da.po against the sources: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) status=1 ;;
esac
exit $status
