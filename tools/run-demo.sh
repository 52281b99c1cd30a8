#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is needed, builds Værn and opens it on a fresh copy of the
# demo document (a fictional municipality, "Eksempel Kommune").
set -eu
cd "$(dirname "$0")/.."

./tools/install-deps.sh

if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
meson compile -C _build
exec meson devenv -C _build vaern --demo "$@"
