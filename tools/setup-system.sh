#!/bin/sh
# Install the Debian packages the build (or, with "test", the tests) need, only when missing.
set -e
want=""
need() { # need <check command> <package...>
    check=$1; shift
    if ! sh -c "$check" >/dev/null 2>&1; then want="$want $*"; fi
}
need "ldconfig -p | grep -q libpango-1.0.so" libpango-1.0-0 libpangoft2-1.0-0
need "ldconfig -p | grep -q libharfbuzz-subset" libharfbuzz-subset0
need "fc-list | grep -qi 'Liberation Sans'" fonts-liberation2
need "fc-list | grep -qi 'DejaVu Sans'" fonts-dejavu-core
if [ "$1" = "test" ]; then
    need "command -v soffice" libreoffice-impress libreoffice-core
    need "command -v chromium" chromium
    need "command -v pdftoppm" poppler-utils
    # The website tests inject axe-core, installed from the npm registry by the Makefile.
    need "command -v npm" npm
    # LibreOffice renders the decks in the tests; it must have the theme's font to lay text out as measured.
    need "fc-list | grep -qi 'Open Sans'" fonts-open-sans
fi
if [ -n "$want" ]; then
    echo "installing Debian packages:$want"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $want
fi
