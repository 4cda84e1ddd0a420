#!/bin/sh
# outputs.sh PLC: the outputs of `plc PLAN.fp` as a user meets them: written beside the plan
# or into -o DIR, the same bytes every run, Markdown that a CommonMark renderer turns into
# valid HTML, and atomic: a failed run leaves the last good outputs as they were and no
# temporary file behind.
plc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp plans/plan2024.fp "$tmp"/

# beside the plan, by default, and the same bytes twice
"$plc" "$tmp/plan2024.fp" 2>/dev/null || fail "plc plan2024.fp exited $?"
for ext in txt md; do [ -s "$tmp/plan2024.$ext" ] || fail "no plan2024.$ext beside the plan"; done
cp "$tmp/plan2024.txt" "$tmp/first.txt"
"$plc" "$tmp/plan2024.fp" 2>/dev/null
cmp -s "$tmp/plan2024.txt" "$tmp/first.txt" || fail "two runs gave different reports"

# the report prints, for each main indicator and each target, the line the real report
# prints: tests/golden/seed-lines.txt holds the 18 "——" lines of the Futian report
# (../shared/seeds/000_b7e0e0f6cb16ef5b.txt, the spaces of its PDF extraction taken out)
[ "$(wc -l < tests/golden/seed-lines.txt)" -eq 18 ] || fail "tests/golden/seed-lines.txt should hold 18 lines"
while IFS= read -r line; do
  grep -qF -- "$line" "$tmp/plan2024.txt" || fail "the report lacks the line $line"
done < tests/golden/seed-lines.txt

# the command line: options before or after `check`; usage errors exit 2
"$plc" -Werror check "$tmp/plan2024.fp" 2>/dev/null; [ $? -eq 1 ] || fail "-Werror check must fail on the plan's own warning"
# next year's plan imports it: the imported plan's warning fails -Werror=all only
printf 'year 2025\nbase 2024\nimport "plan2024.fp" as p2024\n' > "$tmp/next.fp"
"$plc" -Werror check "$tmp/next.fp" 2>/dev/null || fail "-Werror must not fail on a warning of an imported plan"
"$plc" -Werror=all check "$tmp/next.fp" 2>/dev/null; [ $? -eq 1 ] || fail "-Werror=all check must fail on the imported plan's warning"
"$plc" check -Werror=all "$tmp/next.fp" 2>/dev/null; [ $? -eq 1 ] || fail "check -Werror=all must fail on the imported plan's warning"
"$plc" 2>/dev/null; [ $? -eq 2 ] || fail "plc without a plan must exit 2"
"$plc" --frobnicate "$tmp/plan2024.fp" 2>/dev/null; [ $? -eq 2 ] || fail "an unknown option must exit 2"
"$plc" "$tmp/absent.fp" 2>/dev/null; [ $? -eq 2 ] || fail "a missing plan must exit 2"
"$plc" "$tmp" 2>/dev/null; [ $? -eq 2 ] || fail "a folder given as a plan must exit 2"
"$plc" --version | grep -q '^plc ' || fail "--version"
"$plc" --help | grep -q 'usage: plc' || fail "--help"

# into -o DIR; a missing DIR is a usage error
mkdir "$tmp/out"
"$plc" -o "$tmp/out" --format md "$tmp/plan2024.fp" 2>/dev/null || fail "-o DIR"
[ -s "$tmp/out/plan2024.md" ] && [ ! -e "$tmp/out/plan2024.txt" ] || fail "--format md wrote the wrong files"
"$plc" -q -o "$tmp/nowhere/deeper" "$tmp/plan2024.fp" 2>/dev/null && [ -s "$tmp/nowhere/deeper/plan2024.txt" ] || fail "-o must create a missing folder"
: > "$tmp/afile"; "$plc" -o "$tmp/afile/sub" "$tmp/plan2024.fp" 2>"$tmp/err"; [ $? -eq 2 ] && grep -q "is a file, not a folder" "$tmp/err" || fail "-o under a file must say why: $(cat "$tmp/err")"

# the Markdown renders (cmark-gfm, with its table extension) to balanced HTML
if command -v cmark-gfm >/dev/null 2>&1; then
  # the metadata block (pagetitle, for pandoc -s) is not CommonMark: renderers strip it
  awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } !fm' "$tmp/plan2024.md" |
    cmark-gfm -e table > "$tmp/plan2024.html" || fail "cmark-gfm rejected the Markdown"
  python3 - "$tmp/plan2024.html" <<'PY' || fail "the HTML is not well formed"
import sys
from html.parser import HTMLParser
VOID = {"br", "hr", "img", "meta", "input", "col"}
class Check(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.count = {}
    def handle_starttag(self, tag, attrs):
        self.count[tag] = self.count.get(tag, 0) + 1
        if tag not in VOID: self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
c = Check(); c.feed(open(sys.argv[1], encoding="utf-8").read())
assert not c.stack, f"unclosed {c.stack}"
assert c.count.get("h2") == 4, c.count       # 一、二、三, 附表
assert c.count.get("table", 0) >= 2, c.count  # targets, commitments
PY
else
  echo "outputs: cmark-gfm is not installed; the Markdown rendering test is skipped"
fi

# a run that fails keeps the last good outputs: a plan with an error writes nothing
cp "$tmp/plan2024.txt" "$tmp/good.txt"
printf 'indicator\n' >> "$tmp/plan2024.fp"
"$plc" "$tmp/plan2024.fp" 2>/dev/null; [ $? -eq 1 ] || fail "a plan with errors must exit 1"
cmp -s "$tmp/plan2024.txt" "$tmp/good.txt" || fail "a failed run changed the last good report"

# a write that fails (the output name is taken by a folder) says so, exits 2, leaves no
# temporary file and keeps the other outputs
rm -f "$tmp/out/plan2024.txt"; mkdir "$tmp/out/plan2024.txt"; echo x > "$tmp/out/plan2024.txt/keep"
"$plc" -o "$tmp/out" plans/plan2024.fp 2>"$tmp/err"; [ $? -eq 2 ] || fail "a failed write must exit 2"
grep -q "cannot rename" "$tmp/err" || fail "a failed write must say what failed: $(cat "$tmp/err")"
ls "$tmp/out" | grep -q tmp- && fail "a temporary file was left behind"
echo "outputs: the report's 18 main-indicator and target lines, beside the plan, -o, --format,"
echo "outputs: deterministic, Markdown renders, atomic writes"
