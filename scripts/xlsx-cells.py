#!/usr/bin/env python3
"""xlsx-cells.py BOOK.xlsx: the cells of a workbook plc wrote, one per line, for the bench's
raw libxlsxwriter program (tests/bench/rawxlsx.c) to write the same cells: first `M` when
plc streamed the workbook (constant_memory: strings inline, so the raw program streams
too), then `S name` opens a sheet, then `n row col value`, `s row col text`,
`f row col cached formula`, `b row col` (a blank with a format), `c row col text` (a
comment), tab-separated, with \\t, \\n and \\\\ escaped."""
import html
import re
import sys
import zipfile


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def rc(ref):
    m = re.match(r"([A-Z]+)(\d+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
shared = []
if "xl/sharedStrings.xml" in names:
    for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S):
        shared.append(html.unescape("".join(re.findall(r"<t(?: [^>]*)?>(.*?)</t>", si, re.S))))
book = z.read("xl/workbook.xml").decode()
out = []
streamed = False
for i, name in enumerate(re.findall(r'<sheet name="([^"]*)"', book), 1):
    out.append("S\t" + esc(html.unescape(name)))
    xml = z.read("xl/worksheets/sheet%d.xml" % i).decode()
    for attrs, body in re.findall(r"<c ([^>]*?)(?:/>|>(.*?)</c>)", xml, re.S):
        ref = re.search(r'r="([A-Z]+\d+)"', attrs).group(1)
        r, c = rc(ref)
        t = re.search(r' t="(\w+)"', " " + attrs)
        t = t.group(1) if t else "n"
        f = re.search(r"<f>(.*?)</f>", body or "", re.S)
        v = re.search(r"<v>(.*?)</v>", body or "", re.S)
        v = html.unescape(v.group(1)) if v else ""
        if f:
            out.append("f\t%d\t%d\t%s\t%s" % (r, c, v or "0", esc(html.unescape(f.group(1)))))
        elif t == "s":
            out.append("s\t%d\t%d\t%s" % (r, c, esc(shared[int(v)])))
        elif t == "inlineStr":
            streamed = True
            text = "".join(re.findall(r"<t(?: [^>]*)?>(.*?)</t>", body or "", re.S))
            out.append("s\t%d\t%d\t%s" % (r, c, esc(html.unescape(text))))
        elif v:
            out.append("n\t%d\t%d\t%s" % (r, c, v))
        elif ' s="' in " " + attrs:
            out.append("b\t%d\t%d" % (r, c))
    rels = "xl/worksheets/_rels/sheet%d.xml.rels" % i
    if rels in names:
        for target in re.findall(r'Target="\.\./(comments\d+\.xml)"', z.read(rels).decode()):
            cx = z.read("xl/" + target).decode()
            for ref, body in re.findall(r'<comment ref="([A-Z]+\d+)"[^>]*>(.*?)</comment>', cx, re.S):
                r, c = rc(ref)
                text = html.unescape("".join(re.findall(r"<t(?: [^>]*)?>(.*?)</t>", body, re.S)))
                out.append("c\t%d\t%d\t%s" % (r, c, esc(text)))
sys.stdout.write("\n".join((["M"] if streamed else []) + out) + "\n")
