#!/bin/sh
# screenshot.sh OUT.png: Vim (editors/vim) showing plans/example.fp in tmux, drawn to a PNG
# for the README (docs/images/vim-plan.png). Needs vim, tmux, python3-pil and the fonts.
set -e
out=$(realpath "${1:-docs/images/vim-plan.png}")
top=$(realpath "$(dirname "$0")/../..")
dir=$(mktemp -d)
trap 'tmux kill-session -t plc-shot 2>/dev/null; rm -rf "$dir"' EXIT
cat > "$dir/vimrc" <<VIM
set nocompatible
set rtp^=$top/editors/vim
filetype plugin on
syntax on
set background=light number laststatus=2 t_Co=256
VIM
tmux new-session -d -s plc-shot -x 104 -y 44 \
  "TERM=xterm-256color vim -u $dir/vimrc +12 $top/plans/example.fp"
sleep 1.5
tmux send-keys -t plc-shot zt
sleep 0.5
tmux capture-pane -t plc-shot -e -p > "$dir/capture"
/usr/bin/python3 "$(dirname "$0")/ansi2png.py" "$dir/capture" "$out"
echo "screenshot: $out"
