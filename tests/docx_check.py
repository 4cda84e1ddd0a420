#!/usr/bin/env python3
"""docx_check.py [--full] PLAN.docx [PLAN.pdf]: the Word report read back by an independent reader
(python-docx) — A4, GB/T 9704's margins, fonts and sizes of title, body and headings, the
exact line pitch, 28 characters a line, footers with a PAGE field on odd (right) and even
(left) pages, the added tables after 附表 — and, given LibreOffice's PDF of it, the pages:
"— 1 —" on page one, 22 lines a page, 28 characters in a full line. --full: a whole
report (一、 and （一） headings, two tables or more)."""
import re
import subprocess
import sys

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

args = sys.argv[1:]
full_report = args[:1] == ["--full"]
args = args[1:] if full_report else args
path = args[0]
doc = docx.Document(path)
problems = []


def expect(cond, what):
    if not cond:
        problems.append(what)


# the page: A4, margins 37 / 35 / 28 / 26 mm
sec = doc.sections[0]
for name, got, want in [("width", sec.page_width, 210), ("height", sec.page_height, 297),
                        ("top margin", sec.top_margin, 37), ("bottom margin", sec.bottom_margin, 35),
                        ("left margin", sec.left_margin, 28), ("right margin", sec.right_margin, 26)]:
    expect(abs(got.mm - want) < 0.1, f"page {name} {got.mm:.2f} mm, not {want} mm")

# 22 lines a page: a line grid and exact spacing of (297 − 37 − 35) mm / 22, rounded down
grid = sec._sectPr.find(qn("w:docGrid"))
pitch = int(grid.get(qn("w:linePitch")))
expect(pitch == int((297 - 37 - 35) / 25.4 * 1440 / 22), f"line pitch {pitch} twips")
defaults = doc.styles.element.find(qn("w:docDefaults"))
spacing = defaults.find(".//" + qn("w:pPr")).find(qn("w:spacing"))
expect(spacing.get(qn("w:lineRule")) == "exact" and int(spacing.get(qn("w:line"))) == pitch,
       "body line spacing is not exact at the grid's pitch")


def east_asia(style):
    """The eastAsia font of a style, or of the document defaults when it names none."""
    for el in (style.element, defaults):
        f = el.find(".//" + qn("w:rFonts"))
        if f is not None and f.get(qn("w:eastAsia")):
            return f.get(qn("w:eastAsia"))
    return None


def size(style):
    s = style.font.size
    if s is None:
        s = Pt(int(defaults.find(".//" + qn("w:sz")).get(qn("w:val"))) / 2)
    return s.pt


styles = doc.styles
for name, font, pt, bold in [("Normal", "仿宋_GB2312", 16, None), ("Title", "方正小标宋简体", 22, False),
                             ("Heading 1", "黑体", 16, False), ("Heading 2", "楷体_GB2312", 16, False),
                             ("Heading 3", "仿宋_GB2312", 16, True)]:
    st = styles[name]
    expect(east_asia(st) == font, f"{name}: font {east_asia(st)}, not {font}")
    expect(size(st) == pt, f"{name}: {size(st)} pt, not {pt}")
    if bold is not None:
        expect(bool(st.font.bold) == bold, f"{name}: bold {st.font.bold}")
expect(styles["Title"].paragraph_format.alignment == 1, "the title is not centred")
ind = styles["Normal"].element.find(".//" + qn("w:ind"))
expect(ind is not None and ind.get(qn("w:firstLineChars")) == "200",
       "the body's first line is not indented two characters")
# 28 characters a line: 16 pt condensed so that 28 fit the text block's width
condense = int(defaults.find(".//" + qn("w:rPr")).find(qn("w:spacing")).get(qn("w:val")))
width_pt = (sec.page_width - sec.left_margin - sec.right_margin) / 12700
expect(28 * (16 + condense / 20) <= width_pt < 29 * (16 + condense / 20),
       f"28 characters do not fill a line of {width_pt} pt")

# the title first, then the date; the document's properties carry the title
paras = doc.paragraphs
expect(paras[0].style.name == "Title" and paras[0].text, "the first paragraph is not the title")
expect(doc.core_properties.title == paras[0].text, "the properties' title is not the title")
expect(re.fullmatch(r"[〇一二三四五六七八九]{4}年[一二三四五六七八九十]+月.*", paras[1].text or ""),
       f"the second paragraph is not the date: {paras[1].text!r}")
expect(any(p.style.name == "Heading 1" and p.text.startswith("一、") for p in paras), "no 一、 heading")
if full_report:
    expect(any(p.style.name == "Heading 2" and p.text.startswith("（一）") for p in paras),
           "no （一） heading")

# page numbers: — PAGE — on every page, odd right, even left
expect(doc.settings.odd_and_even_pages_header_footer, "no separate even-page footers")
for footer, side in [(sec.footer, "right"), (sec.even_page_footer, "left")]:
    xml = footer._element.xml
    expect(" PAGE " in xml, f"the {side} footer has no PAGE field")
    expect(f'w:val="{side}"' in xml, f"the {side} footer is not on the {side}")
    expect("— " in footer.paragraphs[0].text and " —" in footer.paragraphs[0].text,
           "the page number is not between dashes")
    expect(east_asia(footer.paragraphs[0].style) == "宋体" and size(footer.paragraphs[0].style) == 14,
           "the page number is not 宋体 4号")

# the added tables: after 附表, each under its title, with borders and a header row
body = doc.element.body
def text(el):
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


marks = [i for i, el in enumerate(body) if el.tag == qn("w:p") and text(el) == "附表"]
tables = [i for i, el in enumerate(body) if el.tag == qn("w:tbl")]
expect(marks and tables and min(tables) > marks[0], "a table before 附表, or no 附表")
expect(len(doc.tables) >= (2 if full_report else 1), f"{len(doc.tables)} tables")
for t in doc.tables:
    expect(t.rows[0].cells[0].text == "指标" or t.rows[0].cells[0].text == "任务",
           f"a table's header is {t.rows[0].cells[0].text!r}")
    expect(t.style is not None and t.style.element.find(".//" + qn("w:tblBorders")) is not None,
           "a table has no borders")

if len(args) > 1:  # LibreOffice's PDF of it
    pdf = args[1]
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    expect(15 <= pages <= 40, f"{pages} pages")

    def page(n):
        return subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"],
                              capture_output=True, text=True).stdout

    expect(re.search(r"—\s*1\s*—", page(1)), "no — 1 — on page one")
    expect(re.search(r"—\s*2\s*—", page(2)), "no — 2 — on page two")
    full, counts = 0, []
    for n in range(2, pages + 1):
        text = page(n)
        if "附表" in text:
            break
        lines = [l.strip() for l in text.split("\n") if l.strip()]
        counts.append(len(lines) - 1)  # the page number's line
        for l in lines:
            if re.fullmatch(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", l):
                n_chars = len(l.rstrip("。，、；：！？）”"))  # a closing mark may hang
                expect(n_chars <= 28, f"page {n}: {n_chars} characters in a line: {l}")
                full += n_chars == 28
    expect(max(counts) == 22 and counts.count(22) >= len(counts) // 2,
           f"lines a page: {counts}")
    expect(full >= 10, f"only {full} full lines of 28 characters")
    print(f"docx: {pages} pages, 22 lines on {counts.count(22)} of {len(counts)} body pages, "
          f"{full} full lines of 28 characters")

for p in problems:
    print(f"{path}: {p}")
sys.exit(1 if problems else 0)
