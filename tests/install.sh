#!/bin/sh
# install.sh: `make install` into a scratch DESTDIR puts every file where the man page and
# --help say (the command, the man page, the Chinese messages, bash completion, the docs
# and the example plans), the installed plc compiles an example in Chinese, and
# `make uninstall` removes every file it installed.
make=${MAKE:-make}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
dest="$tmp/root"
$make --no-print-directory -s install DESTDIR="$dest" PREFIX=/usr >/dev/null || fail "make install"
for f in bin/plc share/man/man1/plc.1 share/locale/zh_CN/LC_MESSAGES/plc.mo \
         share/bash-completion/completions/plc share/doc/plc/README.md \
         share/doc/plc/language.md share/doc/plc/diagnostics.md share/doc/plc/examples/plan2024.fp; do
  [ -s "$dest/usr/$f" ] || fail "make install did not install /usr/$f"
done
n=$(find "$dest" -type f | wc -l)
# the installed command finds its catalogue beside it (../share/locale), not yet in /usr
cp "$dest/usr/share/doc/plc/examples/"*.fp "$tmp/"
printf 'indicator\n' > "$tmp/bad.fp"
LC_ALL=C.UTF-8 LANGUAGE=zh_CN "$dest/usr/bin/plc" check "$tmp/bad.fp" 2>&1 |
  grep -q '错误' || fail "the installed plc does not speak Chinese with its catalogue"
"$dest/usr/bin/plc" -q -o "$tmp/out" "$tmp/plan2024.fp" 2>/dev/null && [ -s "$tmp/out/plan2024.xlsx" ] ||
  fail "the installed plc cannot compile the installed example"
$make --no-print-directory -s uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null || fail "make uninstall"
left=$(find "$dest" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "install: $n files installed under DESTDIR, the example compiled, all removed by uninstall"
