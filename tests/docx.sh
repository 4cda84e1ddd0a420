#!/bin/sh
# docx.sh PLC: the Word report. python-docx reads it back (page, fonts, line pitch,
# footers, 附表); LibreOffice turns it into a PDF whose pages are checked (— 1 —, 22 lines
# of 28 characters); the same plan gives the same bytes; a failed write leaves no file.
plc=$1
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
if ! $py -c "import docx" 2>/dev/null; then
  echo "docx: python3-docx is not installed; skipped (./setup.sh installs it)"; exit 0
fi
cp plans/plan2024.fp tests/golden/small.fp tests/golden/exec202[34].fp "$tmp"/
for plan in plan2024 small exec2024; do
  "$plc" --format docx "$tmp/$plan.fp" 2>/dev/null || fail "plc --format docx $plan.fp exited $?"
done
pdf=""
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  timeout 300 soffice -env:UserInstallation=file://$tmp/profile --headless --convert-to pdf \
    --outdir "$tmp/pdf" "$tmp/plan2024.docx" >/dev/null 2>&1 ||
    fail "LibreOffice could not convert plan2024.docx"
  pdf="$tmp/pdf/plan2024.pdf"
else
  echo "docx: LibreOffice or poppler-utils is not installed; the page checks are skipped"
fi
$py tests/docx_check.py --full "$tmp/plan2024.docx" $pdf || fail "plan2024.docx"
$py tests/docx_check.py "$tmp/exec2024.docx" || fail "exec2024.docx"

# the same plan gives the same document, byte for byte
cp "$tmp/plan2024.docx" "$tmp/first.docx"
"$plc" --format docx "$tmp/plan2024.fp" 2>/dev/null
cmp -s "$tmp/plan2024.docx" "$tmp/first.docx" || fail "two runs gave different documents"

# a write that fails says what failed, exits 2 and leaves no temporary file
mkdir -p "$tmp/ro/plan2024.docx"
"$plc" --format docx -o "$tmp/ro" "$tmp/plan2024.fp" 2>"$tmp/err"; [ $? -eq 2 ] || fail "a failed write must exit 2"
grep -q "plan2024.docx" "$tmp/err" || fail "a failed write must say what failed"
ls "$tmp/ro" | grep -q tmp- && fail "a temporary document was left behind"
echo "docx: read back, converted, deterministic, atomic"
