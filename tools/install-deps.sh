#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages that building, running and testing Værn need,
# and makes the Danish locale available.  Safe to run again; works as root or
# through sudo.
set -eu

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "install-deps: run this script as root or install sudo" >&2
  exit 1
fi

PACKAGES="
  build-essential
  meson
  ninja-build
  pkg-config
  gettext
  libglib2.0-dev
  libglib2.0-dev-bin
  libglib2.0-bin
  libgtk-4-dev
  libadwaita-1-dev
  libsqlite3-dev
  libpq-dev
  libsecret-1-dev
  gnome-keyring
  postgresql
  libxml2-dev
  libxslt1-dev
  libical-dev
  libatspi2.0-dev
  libjson-glib-dev
  librsvg2-common
  libxml2-utils
  libcairo2-dev
  desktop-file-utils
  appstream
  shared-mime-info
  locales
  xvfb
  xauth
  dbus
  dbus-x11
  at-spi2-core
  fonts-cantarell
  adwaita-icon-theme
  sqlite3
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# The Danish locale, so that LANGUAGE=da and LANG=da_DK.UTF-8 work on a fresh machine.
if ! locale -a 2>/dev/null | grep -qi '^da_DK\.utf-\?8$'; then
  if [ -f /etc/locale.gen ] && grep -q 'da_DK.UTF-8 UTF-8' /etc/locale.gen; then
    $SUDO sed -i 's/^# *da_DK.UTF-8 UTF-8/da_DK.UTF-8 UTF-8/' /etc/locale.gen
  else
    echo 'da_DK.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  fi
  $SUDO locale-gen >/dev/null
fi
