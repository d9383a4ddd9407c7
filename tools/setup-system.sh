#!/bin/sh
# Install the Debian packages that are missing, and only those:
#   sh tools/setup-system.sh venv    what `python3 -m venv` needs
#   sh tools/setup-system.sh         what the build needs (Pango, HarfBuzz, fonts)
#   sh tools/setup-system.sh test    what the build and the tests need (LibreOffice, Chromium, …)
# apt's and dpkg's output go to a log file ($LOG, under .venv/), shown only if the install fails.
set -e
LOG="${LOG:-.venv/setup-system.log}"
want=""
need() { # need <check command> <package...>
    check=$1; shift
    if ! sh -c "$check" >/dev/null 2>&1; then want="$want $*"; fi
}
if [ "$1" = "venv" ]; then
    need "python3 -c 'import ensurepip, venv'" python3-venv
    purpose="to create .venv/"; takes="under a minute"
else
    need "ldconfig -p | grep -q libpango-1.0.so" libpango-1.0-0 libpangoft2-1.0-0
    need "ldconfig -p | grep -q libharfbuzz-subset" libharfbuzz-subset0
    need "fc-list | grep -qi 'Liberation Sans'" fonts-liberation2
    need "fc-list | grep -qi 'DejaVu Sans'" fonts-dejavu-core
    purpose="for the build"; takes="about a minute"
fi
if [ "$1" = "test" ]; then
    need "command -v soffice" libreoffice-impress libreoffice-core
    need "command -v chromium" chromium
    need "command -v pdftoppm" poppler-utils
    # The website tests inject axe-core, installed from the npm registry by the Makefile.
    need "command -v npm" npm
    # LibreOffice renders the decks in the tests; it must have the theme's font to lay text out as measured.
    need "fc-list | grep -qi 'Open Sans'" fonts-open-sans
    purpose="for the tests"
    takes="several minutes on first run: LibreOffice and Chromium are large"
fi
[ -n "$want" ] || exit 0
echo "Installing Debian packages $purpose:$want ($takes)…"
mkdir -p "$(dirname "$LOG")"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
if ! { $SUDO apt-get update -qq \
       && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $want
     } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    echo "error: installing the Debian packages failed (the output above is kept in $LOG)" >&2
    exit 1
fi
