#!/bin/sh
# deb.sh: the Debian package from `make deb` installs with dpkg -i, its /usr/bin/plc
# compiles the flagship plan into a temporary folder and speaks Chinese with its installed
# catalogue, and dpkg -r removes every file. Needs root (CI runs it through sudo).
set -e
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
fail() { echo "FAIL: $*"; $SUDO dpkg -r plc >/dev/null 2>&1 || true; exit 1; }
deb=$(ls build/deb/plc_*_"$(dpkg --print-architecture)".deb | head -1)
[ -f "$deb" ] || fail "no package in build/deb (make deb)"
if dpkg-query -W -f='${Status}' plc 2>/dev/null | grep -q "install ok installed"; then
  fail "plc is installed already: this test would remove it"
fi
$SUDO dpkg -i "$deb" >/dev/null || fail "dpkg -i $deb"
files=$(dpkg -L plc | while read -r f; do [ -f "$f" ] && echo "$f"; done)
tmp=$(mktemp -d)
cp plans/plan2024.fp "$tmp"/
/usr/bin/plc -q -o "$tmp/out" "$tmp/plan2024.fp" 2>/dev/null || fail "/usr/bin/plc plan2024.fp exited $?"
for ext in xlsx txt md; do [ -s "$tmp/out/plan2024.$ext" ] || fail "no plan2024.$ext"; done
printf 'indicator\n' > "$tmp/bad.fp"
LC_ALL=C.UTF-8 LANGUAGE=zh_CN /usr/bin/plc check "$tmp/bad.fp" 2>&1 | grep -q '错误' ||
  fail "the installed plc does not find its Chinese catalogue"
man -w plc >/dev/null 2>&1 || [ -f /usr/share/man/man1/plc.1.gz ] || fail "no man page"
rm -rf "$tmp"
$SUDO dpkg -r plc >/dev/null || fail "dpkg -r plc"
for f in $files; do [ ! -e "$f" ] || fail "dpkg -r left $f"; done
echo "deb: $(basename "$deb") installed, compiled plan2024.fp with /usr/bin/plc, spoke Chinese, removed cleanly ($(echo "$files" | wc -l) files)"
