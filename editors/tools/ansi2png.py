"""ansi2png.py CAPTURE PNG: draw a terminal capture (tmux capture-pane -e) as a picture:
SGR colours, wide (CJK) characters in two cells. Needs python3-pil and the Debian fonts
fonts-dejavu-core and fonts-wqy-zenhei. Used by screenshot.sh for the README."""
import re, sys, unicodedata
from PIL import Image, ImageDraw, ImageFont
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
W, H = 104, len(lines)
CW, CH = 10, 21
mono = ImageFont.truetype('/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf', 16)
monob = ImageFont.truetype('/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf', 16)
cjk = ImageFont.truetype('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 18)
base16 = ['#000000','#c91b00','#00a600','#a6a600','#1a4ff2','#b21fb2','#00a6b2','#bfbfbf',
          '#666666','#e50000','#00d900','#e5e500','#0000ff','#e500e5','#00e5e5','#e5e5e5']
def c256(n):
    if n < 16: return base16[n]
    if n < 232:
        n -= 16; r, g, b = n // 36, (n // 6) % 6, n % 6
        f = lambda v: 0 if v == 0 else 55 + 40 * v
        return '#%02x%02x%02x' % (f(r), f(g), f(b))
    v = 8 + 10 * (n - 232); return '#%02x%02x%02x' % (v, v, v)
FG, BG = '#1e1e1e', '#fdfdf8'
img = Image.new('RGB', (W * CW + 24, H * CH + 24), BG)
d = ImageDraw.Draw(img)
for y, line in enumerate(lines):
    fg, bg, bold, rev = FG, None, False, False
    x = 0
    for tok in re.split(r'(\x1b\[[0-9;]*m)', line):
        m = re.match(r'\x1b\[([0-9;]*)m', tok)
        if m:
            codes = [int(c) if c else 0 for c in m.group(1).split(';')]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0: fg, bg, bold, rev = FG, None, False, False
                elif c == 1: bold = True
                elif c == 22: bold = False
                elif c == 7: rev = True
                elif c == 27: rev = False
                elif 30 <= c <= 37: fg = base16[c - 30]
                elif 90 <= c <= 97: fg = base16[c - 90 + 8]
                elif c == 39: fg = FG
                elif 40 <= c <= 47: bg = base16[c - 40]
                elif c == 49: bg = None
                elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                    if c == 38: fg = c256(codes[i + 2])
                    else: bg = c256(codes[i + 2])
                    i += 2
                i += 1
            continue
        for ch in tok:
            w = 2 if unicodedata.east_asian_width(ch) in 'WF' else 1
            px, py = 12 + x * CW, 12 + y * CH
            f, b = (bg or BG, fg) if rev else (fg, bg)
            if b: d.rectangle([px, py, px + w * CW - 1, py + CH - 1], fill=b)
            font = cjk if w == 2 else (monob if bold else mono)
            d.text((px, py + (0 if w == 2 else 1)), ch, fill=f, font=font)
            x += w
img.save(sys.argv[2])
