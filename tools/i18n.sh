#!/bin/sh
# The translator's commands, with Babel's own tool (pybabel). Run from the project's root:
#   sh tools/i18n.sh extract        collect the messages of code and templates into toolkit.pot
#   sh tools/i18n.sh update         merge toolkit.pot into every language's toolkit.po
#   sh tools/i18n.sh init LANG      start a new language's toolkit.po
#   sh tools/i18n.sh compile        compile every toolkit.po to toolkit.mo (set-up does this)
set -e
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
LOCALES=toolkit_builder/locales
case "$1" in
    extract) "$PYBABEL" extract -F babel.cfg -k text:2 -k N_ -k t --no-location --sort-output \
                 --add-comments=TRANSLATORS: --project "KTW toolkit builder" \
                 --copyright-holder "The KTW toolkit builder authors" -o "$LOCALES/toolkit.pot" . ;;
    update)  "$PYBABEL" update -D toolkit -i "$LOCALES/toolkit.pot" -d "$LOCALES" --no-fuzzy-matching \
                 --width 100 ;;
    init)    "$PYBABEL" init -D toolkit -i "$LOCALES/toolkit.pot" -d "$LOCALES" -l "$2" ;;
    compile) "$PYBABEL" compile -D toolkit -d "$LOCALES" --use-fuzzy --statistics ;;
    *) echo "usage: sh tools/i18n.sh extract|update|init LANG|compile" >&2; exit 2 ;;
esac
