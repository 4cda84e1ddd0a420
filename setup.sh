#!/bin/sh
# setup.sh: install what plc needs on Debian (with apt-get, when it can), build plc, and
# compile the flagship plan. Run it from the project's folder: ./setup.sh
set -e
cd "$(dirname "$0")"

PACKAGES="make gcc pkg-config flex bison check libxlsxwriter-dev libutf8proc-dev libgmp-dev libzip-dev
  clang valgrind cmark-gfm python3 python3-openpyxl libreoffice-calc-nogui gettext locales
  python3-docx libreoffice-writer-nogui fonts-wqy-zenhei poppler-utils
  libjansson-dev neovim vim emacs-nox"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $p"
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && apt-get install -y -q $missing
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -q && sudo apt-get install -y -q $missing
  else
    echo "setup: these Debian packages are missing:$missing"
    echo "setup: install them with:"
    echo "    sudo apt-get install -y$missing"
    echo "setup: then run ./setup.sh again."
    exit 2
  fi
fi

# the Chinese messages' tests run with LANG=zh_CN.UTF-8: generate that locale when missing
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  if [ "$(id -u)" = 0 ]; then localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
  else echo "setup: no zh_CN.UTF-8 locale; the tests use LANGUAGE=zh_CN instead"; fi
fi

make
./build/plc plans/plan2024.fp
echo "setup: plc is built (build/plc); plans/plan2024.fp compiled to plans/plan2024.xlsx,"
echo "setup: plans/plan2024.txt and plans/plan2024.md. Run 'make check' next."
