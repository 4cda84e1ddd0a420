#!/bin/sh
# git.sh PLC: plc diff on git revisions. A repository in a temporary folder holds two
# commits of a two-file plan (plan.fp imports base.fp, both edited in the second); then
# `plc diff HEAD~1 HEAD -- plan.fp` reads both revisions and their imports from git,
# `plc diff HEAD -- plan.fp` compares with the working tree, and `git diff` (and `git log
# -p --ext-diff`) prints the semantic diff through the driver the README documents, with its hunk headers
# (xfuncname) and Chinese word diff (wordRegex) for the textual diff.
plc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
failed=0
total=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
# check WHAT FILE PATTERN...: every pattern (a fixed string) is in FILE
check() {
  what=$1 file=$2; shift 2
  total=$((total + 1))
  for p in "$@"; do
    grep -qF -- "$p" "$file" || { fail "$what: no '$p' in:"; sed 's/^/    /' "$file" | head -30; return; }
  done
}
if ! command -v git >/dev/null 2>&1; then echo "git: git is not installed; skipped"; exit 0; fi

export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp" LC_ALL=C.UTF-8
repo=$tmp/repo
mkdir -p "$repo/plans"
cd "$repo" || exit 1
git init -q . && git config user.email plc@example.org && git config user.name plc
cat > plans/base.fp <<'EOF'
title "示例区2023年计划"
year 2023
base 2022
indicator gdp "地区生产总值" 亿元 decimals 2
  2023 estimate 5704.55
EOF
cat > plans/plan.fp <<'EOF'
title "示例区2024年计划"
year 2024
base 2023
import "base.fp" as p2023
indicator gdp "地区生产总值" 亿元 decimals 2
target gdp 2024 预期性 增长 5.5% 左右 可比价
part tasks "主要任务"
section "一、产业"
task "加快建设都市型科创区"
  | 整合科技创新资源，深入推进产业集群。
  | 第一行。
  | 第二行。
  | 第三行。
  | 提速皇岗口岸改造，攻坚推动国际协同创新区一期。
  | 第三行。
  | 第四行。
  | 第五行。
  commit 载体 "市级以上创新载体" 增至385家
EOF
git add . && git commit -qm one
sed -i 's/5704.55/5800/' plans/base.fp
sed -i -e 's/增长 5.5% 左右/增长 6% 左右/' -e 's/提速皇岗/加快皇岗/' plans/plan.fp
git commit -qam two

# two revisions, imports from the same revision, from a subfolder too
"$plc" diff HEAD~1 HEAD -- plans/plan.fp > "$tmp/out" 2>&1; rc=$?
total=$((total + 1)); [ $rc -eq 1 ] || fail "plc diff HEAD~1 HEAD exits $rc, not 1"
check "plc diff HEAD~1 HEAD -- plans/plan.fp" "$tmp/out" \
  "原稿：HEAD~1 (" "修改稿：HEAD (" \
  "〔base.fp〕地区生产总值 2023年：预计5704.55亿元 → 预计5800亿元" \
  "地区生产总值 2024年目标：增长5.5%左右 → 增长6%左右；目标值 约6018.30 → 约6148.00亿元（可比价）" \
  "[-提速-]{+加快+}皇岗"
(cd plans && "$plc" diff HEAD~1 HEAD -- plan.fp) > "$tmp/sub" 2>&1
total=$((total + 1))
grep -v '稿：' "$tmp/out" > "$tmp/out.body"; grep -v '稿：' "$tmp/sub" > "$tmp/sub.body"
cmp -s "$tmp/out.body" "$tmp/sub.body" || fail "the same diff from the plans/ folder differs"
# a revision against the working tree: nothing changed, then one edit
"$plc" diff HEAD -- plans/plan.fp > "$tmp/out" 2>&1; rc=$?
total=$((total + 1)); [ $rc -eq 0 ] || { fail "plc diff HEAD against a clean tree exits $rc"; cat "$tmp/out"; }
sed -i 's/增至385家/增至400家/' plans/plan.fp
"$plc" diff HEAD -- plans/plan.fp > "$tmp/out" 2>&1; rc=$?
total=$((total + 1)); [ $rc -eq 1 ] || fail "plc diff HEAD against an edited tree exits $rc"
check "plc diff HEAD -- plans/plan.fp" "$tmp/out" "修改稿：plans/plan.fp" "目标：增至385家 → 目标：增至400家"
git checkout -q plans/plan.fp
# trouble: a revision that does not exist, a file not in the revision, outside a repository
total=$((total + 1))
"$plc" diff nosuch HEAD -- plans/plan.fp >/dev/null 2>&1; r1=$?
"$plc" diff HEAD~1 -- plans/missing.fp >/dev/null 2>&1; r2=$?
(cd "$tmp" && "$plc" diff HEAD -- x.fp >/dev/null 2>&1); r3=$?
[ $r1 -eq 2 ] && [ $r2 -eq 2 ] && [ $r3 -eq 2 ] || fail "trouble exits $r1 $r2 $r3, not 2"

# git diff through the documented driver (README, "Reviewing revisions")
echo '*.fp diff=fp' > .gitattributes
git config diff.fp.command "$plc diff --git-driver"
git config diff.fp.xfuncname '^[ \t]*((part|section|task|para|indicator|target|claim)[ \t].*)$'
git config diff.fp.wordRegex '[0-9]+([.][0-9]+)?|[A-Za-z_][A-Za-z0-9_]*|[^[:space:]]'
git diff HEAD~1 HEAD > "$tmp/driver" 2>&1; rc=$?
total=$((total + 1)); [ $rc -eq 0 ] || fail "git diff through the driver exits $rc"
check "git diff through the driver" "$tmp/driver" \
  "原稿：a/plans/base.fp" "地区生产总值 2023年：预计5704.55亿元 → 预计5800亿元" \
  "原稿：a/plans/plan.fp" "地区生产总值 2024年目标：增长5.5%左右 → 增长6%左右"
git log -p --ext-diff -1 > "$tmp/log" 2>&1
check "git log -p --ext-diff through the driver" "$tmp/log" "修订说明" "增长5.5%左右 → 增长6%左右"
# the textual diff, without the driver: hunk headers name the task, words are characters
git diff --no-ext-diff --word-diff HEAD~1 HEAD -- plans/plan.fp > "$tmp/words" 2>&1
check "git diff --word-diff" "$tmp/words" '@@ task "加快建设都市型科创区"' "[-提速-]{+加快+}皇岗口岸改造"

echo "git: $((total - failed))/$total checks pass"
[ "$failed" -eq 0 ]
