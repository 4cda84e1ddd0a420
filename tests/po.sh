#!/bin/sh
# po.sh "KEYWORDS" LANG... -- SOURCES...: every message the sources can print has a
# translation in po/LANG.po for each LANG, neither missing nor fuzzy (make pot, then
# translate what it lists).
keys=$1; shift
langs=""
while [ "$1" != "--" ]; do langs="$langs $1"; shift; done
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
xgettext -L C --from-code=UTF-8 $keys -o "$tmp/plc.pot" "$@" 2>/dev/null ||
  { echo "po: xgettext failed"; exit 1; }
total=$(grep -c '^msgid ' "$tmp/plc.pot")
failed=0
for l in $langs; do
  msgmerge -q -o "$tmp/$l.po" "po/$l.po" "$tmp/plc.pot" 2>/dev/null || { echo "po: msgmerge failed on po/$l.po"; exit 1; }
  stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/$l.po" 2>&1)
  case "$stats" in
    *fuzzy*|*untranslated*)
      echo "FAIL: po/$l.po: $stats (run 'make pot' and translate them)"
      msgattrib --untranslated --only-fuzzy "$tmp/$l.po" 2>/dev/null | grep '^msgid' | head -5
      msgattrib --untranslated "$tmp/$l.po" 2>/dev/null | grep '^msgid' | head -20
      failed=1 ;;
  esac
done
[ $failed -eq 0 ] && echo "po: all $((total - 1)) messages translated in$langs"
[ $failed -eq 0 ]
