#!/bin/sh
# layers.sh [OBJECTS...]: the layering rules of docs/architecture.md, one grep each.
# Folders build on the ones below them: runtime/ ← compiler/syntax/ (and grammar/) ←
# compiler/model/ ← compiler/emit/ ← compiler/cmd/. Given the library's objects, the
# modules' symbol references (nm of each object) must also form no circle.
failed=0

# rule WHAT FILES... : fail with the offending lines when grep finds PATTERN (read from $pat)
rule() {
  what=$1; shift
  hits=$(grep -nE "$pat" "$@" 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "layers: $what:"; echo "$hits" | sed 's/^/  /'; failed=1
  fi
}

pat='#include "(syntax|model|emit|cmd)/|#include "(parser\.tab|lexer)\.h"'
rule "runtime/ knows nothing of plans" runtime/*.[ch]
pat='#include "(model|emit|cmd)/'
rule "syntax/ never includes the model, the back ends or the command" compiler/syntax/*.[ch] grammar/*
pat='#include "(emit|cmd)/|#include "(parser\.tab|lexer)\.h"'
rule "model/ never includes a back end, the command or the scanner" compiler/model/*.[ch]
pat='#include "(syntax/(ast|front)\.h|model/(check|bind|eval|load)\.h|parser\.tab\.h|lexer\.h)"'
rule "emit/ reads the model only: not the syntax tree, checker, binder, evaluator or loader" compiler/emit/*.[ch]
pat='(->|\.)(item|plan|parent|u)(->|\.)|->items\b|\bItem\b|\bExpr\b|TextPart'
rule "emit/ reads the model's outline, places and bound formulas, never the syntax tree's items" compiler/emit/*.[ch]
pat='#include "cmd/'
rule "nothing includes the command" runtime/*.[ch] $(ls compiler/*/*.[ch] | grep -v '^compiler/cmd/')
pat='(^|[^_a-z])(malloc|calloc|realloc|strdup|strndup|asprintf|vasprintf)[[:space:]]*\('
rule "one allocation family: only runtime/mem.c calls malloc and its kin" \
  $(ls runtime/*.[ch] compiler/*/*.[ch] grammar/* | grep -v '^runtime/mem\.c$')

# No circle among the headers: every "x.h includes y.h" edge through tsort.
edges=$(for h in runtime/*.h compiler/*/*.h; do
  grep -oE '#include "[^"]+\.h"' "$h" | sed 's/#include "//; s/"$//' |
    while read -r inc; do echo "$h $inc"; done
done | sed 's#compiler/##')
if ! echo "$edges" | tsort >/dev/null 2>&1; then
  echo "layers: the headers include each other in a circle:"; echo "$edges" | tsort 2>&1 >/dev/null | sed 's/^/  /'
  failed=1
fi

# No circle among the modules: module A uses module B when A's object refers to a symbol
# B's object defines.
if [ $# -gt 0 ]; then
  objs="$*"
  tmp=$(mktemp -d)
  defs=$(for o in $objs; do nm --defined-only -g "$o" | awk -v m="$o" 'NF == 3 { print $3, m }'; done | sort)
  uses=$(for o in $objs; do nm -u "$o" | awk -v m="$o" '{ print $NF, m }'; done | sort)
  printf '%s\n' "$uses" > "$tmp/uses"
  printf '%s\n' "$defs" > "$tmp/defs"
  medges=$(join "$tmp/uses" "$tmp/defs" |
           awk '$2 != $3 { sub(".*/", "", $2); sub(".*/", "", $3); print $2, $3 }' | sort -u)
  rm -rf "$tmp"
  if ! echo "$medges" | tsort >/dev/null 2>&1; then
    echo "layers: modules call each other in a circle:"; echo "$medges" | tsort 2>&1 >/dev/null | sed 's/^/  /'
    failed=1
  fi
fi
[ "$failed" -eq 0 ] && echo "layers: every rule holds"
exit $failed
