/* docx.c: the Word sink. It writes the report's body as WordprocessingML as the calls come,
   then zips it (libzip, in memory) with the styles, settings, two footers and the
   document's properties, and writes PLAN.docx atomically. The page is GB/T 9704-2012's:
   A4, margins 37/35/28/26 mm, 仿宋_GB2312 三号 at 22 lines of 28 characters, a 小标宋 title,
   黑体/楷体/仿宋 headings, "— 1 —" page numbers right on odd pages and left on even ones.
   Fonts are named whether or not this machine has them: Word on a bureau's PC does. */
#include "emit/docx.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "runtime/buf.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"
#include "emit/output.h"
#include "emit/report.h"

/* The page, in twentieths of a point (twips), from GB/T 9704's millimetres. */
#define MM(x) ((int)((x) * 1440.0 / 25.4 + 0.5))
enum {
  PAGE_W = 11906, PAGE_H = 16838,                 /* A4: 210 × 297 mm */
  LINES = 22, CHARS = 28,                         /* a page's lines, a line's characters */
  BODY_PT = 16,                                   /* 三号 */
  TABLE_HPT = 21,                                 /* tables: 五号, 10.5 pt, in half points */
  CELL_MARGIN = 57,                               /* a cell's left and right margins: 1 mm */
};
#define TOP MM(37)
#define BOTTOM MM(35)
#define LEFT MM(28)
#define RIGHT MM(26)
/* The line pitch: the text block's height over 22 lines, rounded down so 22 fit (579 twips,
   28.95 pt), a line grid with exact spacing. 28 characters a line: the text block is
   442.25 pt wide, so a 16 pt character is condensed by CONDENSE twips (to 15.75 pt).
   Not Word's character grid (linesAndChars with charSpace −842): Word squeezes a 16 pt
   character into the grid's 15.79 pt cell, but LibreOffice gives it two cells, and the
   page shrinks to 14 characters a line. Condensing gives 28 in both. */
#define LINE_PITCH ((PAGE_H - TOP - BOTTOM) / LINES)
#define TEXT_W (PAGE_W - LEFT - RIGHT)
#define CONDENSE (-(int)((BODY_PT * 20 * CHARS - TEXT_W + CHARS - 1) / CHARS))
#define INDENT2 (2 * (BODY_PT * 20 + CONDENSE))   /* two characters, in twips */

/* The fonts, as Word on a Chinese government PC names them. */
#define F_FANGSONG "仿宋_GB2312"
#define F_KAITI "楷体_GB2312"
#define F_HEITI "黑体"
#define F_XIAOBIAOSONG "方正小标宋简体"
#define F_SONGTI "宋体"

typedef struct Docx {
  Sink sink;
  Buf body;         /* the paragraphs and tables of word/document.xml's body */
  char *path, *title, *created;
  char *err;
  size_t errn;
  int appendix;     /* after sink->appendix: headings and captions as 附表's */
  int last_table;   /* the body ends in a table (Word wants a paragraph after one) */
} Docx;

/* Text as XML character data: & < > " escaped; bytes that are not UTF-8 and characters
   XML 1.0 cannot hold (controls but tab) become U+FFFD, so Word never rejects the file. */
static void xml_put(Buf *b, const char *s) {
  size_t n = strlen(s), i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '&': buf_add(b, "&amp;"); i++; continue;
    case '<': buf_add(b, "&lt;"); i++; continue;
    case '>': buf_add(b, "&gt;"); i++; continue;
    case '"': buf_add(b, "&quot;"); i++; continue;
    default: break;
    }
    int32_t cp;
    int len = utf8_decode(s + i, n - i, &cp);
    int ok = len > 0 && (cp >= 0x20 || cp == '\t') && cp != 0xFFFE && cp != 0xFFFF &&
             !(cp >= 0xD800 && cp <= 0xDFFF);
    if (ok) buf_addn(b, s + i, (size_t)len);
    else buf_add(b, "\xEF\xBF\xBD");
    i += len > 0 ? (size_t)len : 1;
  }
}

/* A run of text, with its run properties (rpr, may be ""); line breaks become <w:br/>. */
static void run(Buf *b, const char *rpr, const char *text) {
  const char *p = text;
  for (;;) {
    const char *nl = strchr(p, '\n');
    char *piece = mem_strndup(p, nl ? (size_t)(nl - p) : strlen(p));
    buf_printf(b, "<w:r>%s%s%s<w:t xml:space=\"preserve\">", *rpr ? "<w:rPr>" : "", rpr,
               *rpr ? "</w:rPr>" : "");
    xml_put(b, piece);
    buf_add(b, "</w:t></w:r>");
    mem_free(piece);
    if (!nl) break;
    buf_add(b, "<w:r><w:br/></w:r>");
    p = nl + 1;
  }
}

/* A paragraph of one style holding one run. */
static void para_styled(Docx *d, const char *style, const char *ppr, const char *text) {
  buf_printf(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>", style, ppr);
  run(&d->body, "", text);
  buf_add(&d->body, "</w:p>");
  d->last_table = 0;
}

static Docx *docx_of(Sink *s) { return (Docx *)s->ctx; }

static void dx_title(Sink *s, const char *text) {
  Docx *d = docx_of(s);
  if (!d->title) d->title = mem_strdup(text);
  para_styled(d, "Title", "", text);
}

static void dx_date(Sink *s, const char *text) {
  para_styled(docx_of(s), "Date", "", text);
}

/* 一、 黑体; （一） 楷体; 1. 仿宋 bold — in the body; in 附表, a heading is a table's
   centred title. */
static void dx_heading(Sink *s, int level, const char *text) {
  Docx *d = docx_of(s);
  if (d->appendix && level <= 2) {
    para_styled(d, "AppendixTitle", "", text);
    return;
  }
  const char *style = level <= 1 ? "Heading1" : level == 2 ? "Heading2" : "Heading3";
  para_styled(d, style, "", text);
}

/* A body paragraph: its lead sentence in bold 仿宋, as the real report sets them. */
static void dx_para(Sink *s, const char *lead, const char *text) {
  Docx *d = docx_of(s);
  buf_add(&d->body, "<w:p>");
  if (lead && *lead) run(&d->body, "<w:b/><w:bCs/>", lead);
  run(&d->body, "", text);
  buf_add(&d->body, "</w:p>");
  d->last_table = 0;
}

static void dx_line(Sink *s, const char *text) {
  para_styled(docx_of(s), "Normal", "", text);
}

static void dx_end_lines(Sink *s) { (void)s; }

/* The width of a cell's text at the table's size, in twips: a wide character one em; a
   narrow one (digits, Latin letters) 0.62 em, as wide as the widest of the fonts that may
   draw them (DejaVu Sans, where a Chinese font is missing), not a terminal's half em; and
   a quarter em where Chinese meets Latin, the space LibreOffice puts there. */
static int text_twips(const char *s) {
  int w = 0, last = 0;
  size_t n = strlen(s), i = 0;
  while (i < n) {
    int32_t cp;
    int len = utf8_decode(s + i, n - i, &cp);
    int cells = len > 0 ? utf8_char_width(cp) : 1;
    w += cells == 2 ? TABLE_HPT * 10 : cells == 1 ? TABLE_HPT * 10 * 62 / 100 : 0;
    if (last && cells && cells != last) w += TABLE_HPT * 10 / 4; /* 超过|1100|亿元 */
    if (cells) last = cells;
    i += len > 0 ? (size_t)len : 1;
  }
  return w;
}

/* Column widths in twips that fill the text block. Each column's natural width is its
   widest cell (text_twips) plus the cell's margins. When they fit, they grow in proportion to fill the line; when they do not, the
   widest columns give way: they share one width L, the narrower keep theirs (so a long
   事项 wraps, never a short figure). */
static void column_widths(const SinkTable *t, int *w) {
  int natural[64], cols = t->cols;
  long sum = 0;
  for (int c = 0; c < cols; c++) {
    int widest = TABLE_HPT * 10;
    for (int r = 0; r < t->rows; r++) {
      const char *s = t->cells[r * cols + c] ? t->cells[r * cols + c] : "";
      int k = text_twips(s);
      if (k > widest) widest = k;
    }
    natural[c] = widest + 2 * CELL_MARGIN + 20;
    sum += natural[c];
  }
  int used = 0;
  if (sum <= TEXT_W) {
    for (int c = 0; c < cols; c++) used += w[c] = (int)((long)natural[c] * TEXT_W / sum);
  } else {
    int level = TEXT_W / cols;
    for (int round = 0; round < cols; round++) {
      long fixed = 0;
      int wide = 0;
      for (int c = 0; c < cols; c++) {
        if (natural[c] <= level) fixed += natural[c];
        else wide++;
      }
      int next = wide ? (int)((TEXT_W - fixed) / wide) : level;
      if (next == level) break;
      level = next;
    }
    for (int c = 0; c < cols; c++) used += w[c] = natural[c] < level ? natural[c] : level;
  }
  w[cols - 1] += TEXT_W - used;
}

/* A table with borders: a repeated header row in 黑体, cells in 仿宋 五号, numbers right. */
static void dx_table(Sink *s, const SinkTable *t) {
  Docx *d = docx_of(s);
  Buf *b = &d->body;
  if (t->cols <= 0 || t->cols > 64 || t->rows <= 0) return;
  if (t->caption && *t->caption)
    para_styled(d, d->appendix ? "TableCaption" : "Normal", "", t->caption);
  int w[64];
  column_widths(t, w);
  buf_printf(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"PlanTable\"/>"
                "<w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
                "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" "
                "w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" "
                "w:noVBand=\"1\"/></w:tblPr><w:tblGrid>", TEXT_W);
  for (int c = 0; c < t->cols; c++) buf_printf(b, "<w:gridCol w:w=\"%d\"/>", w[c]);
  buf_add(b, "</w:tblGrid>");
  for (int r = 0; r < t->rows; r++) {
    buf_add(b, r == 0 ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                      : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    for (int c = 0; c < t->cols; c++) {
      const char *text = t->cells[r * t->cols + c] ? t->cells[r * t->cols + c] : "";
      const char *jc = r == 0 ? "center" : t->right && t->right[c] ? "right" : "left";
      buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/><w:vAlign "
                    "w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"%s\"/>"
                    "<w:jc w:val=\"%s\"/></w:pPr>", w[c], r == 0 ? "TableHead" : "TableText",
                 jc);
      if (*text) run(b, "", text);
      buf_add(b, "</w:p></w:tc>");
    }
    buf_add(b, "</w:tr>");
  }
  buf_add(b, "</w:tbl>");
  d->last_table = 1;
}

/* 附表 starts on a new page, its mark (附表) in 黑体 at the top left, as GB/T 9704 sets 附件. */
static void dx_appendix(Sink *s, const char *title) {
  Docx *d = docx_of(s);
  para_styled(d, "AppendixMark", "<w:pageBreakBefore/>", title && *title ? title : "附表");
  d->appendix = 1;
}

/* ---- the parts of the package ---- */

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    "</Types>";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    "</Relationships>";

#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static const char document_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" R_NS "/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" R_NS "/settings\" Target=\"settings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" R_NS "/fontTable\" Target=\"fontTable.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" R_NS "/footer\" Target=\"footer1.xml\"/>"
    "<Relationship Id=\"rId5\" Type=\"" R_NS "/footer\" Target=\"footer2.xml\"/>"
    "</Relationships>";

static const char app_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "extended-properties\"><Application>plc</Application></Properties>";

/* Even and odd pages have their own footers (the page number's side alternates). */
static const char settings_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:settings xmlns:w=\"" W_NS "\"><w:zoom w:percent=\"100\"/>"
    "<w:evenAndOddHeaders/><w:defaultTabStop w:val=\"420\"/>"
    "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>";

/* The fonts, with the GB2312 character set and the name a machine without them may fall
   back to. */
static const char font_table[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:fonts xmlns:w=\"" W_NS "\">"
    "<w:font w:name=\"" F_FANGSONG "\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"" F_KAITI "\"><w:altName w:val=\"楷体\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"" F_HEITI "\"><w:altName w:val=\"SimHei\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"" F_XIAOBIAOSONG "\"><w:altName w:val=\"宋体\"/>"
    "<w:charset w:val=\"86\"/><w:family w:val=\"script\"/><w:pitch w:val=\"variable\"/>"
    "</w:font>"
    "<w:font w:name=\"" F_SONGTI "\"><w:altName w:val=\"SimSun\"/><w:charset w:val=\"86\"/>"
    "<w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
    "</w:fonts>";

/* Run fonts: one font for every script, digits and quotation marks too (GB/T 9704 sets
   every element in its Chinese font; a Latin font would draw “ ” half wide), and the
   eastAsia hint, so Word takes ambiguous characters from that font. */
static void fonts(Buf *b, const char *font) {
  buf_printf(b, "<w:rFonts w:hint=\"eastAsia\" w:ascii=\"%s\" w:hAnsi=\"%s\" "
                "w:eastAsia=\"%s\" w:cs=\"%s\"/>", font, font, font, font);
}

/* A paragraph style: its name, the paragraph properties, the east Asian font, the size
   in half points, bold, and an outline level (-1 none) so Word's navigation shows headings. */
static void style(Buf *b, const char *id, const char *name, const char *ppr, const char *east,
                  int hpt, int bold, int outline) {
  buf_printf(b, "<w:style w:type=\"paragraph\" w:customStyle=\"%d\" w:styleId=\"%s\">"
                "<w:name w:val=\"%s\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
                "<w:qFormat/><w:pPr>%s",
             strncmp(name, "heading", 7) != 0 && strcmp(name, "Title") != 0, id, name, ppr);
  if (outline >= 0) buf_printf(b, "<w:outlineLvl w:val=\"%d\"/>", outline);
  buf_add(b, "</w:pPr><w:rPr>");
  fonts(b, east);
  buf_printf(b, "%s<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr></w:style>",
             bold ? "<w:b/><w:bCs/>" : "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>", hpt, hpt);
}

/* word/styles.xml: the body is the document default (仿宋_GB2312 16 pt, exact line pitch,
   two characters' first-line indent, justified, no extra space between Chinese and Latin
   letters or digits: a line stays 28 characters, a table's figure stays on its line);
   every other style departs from it. */
static char *styles_xml(void) {
  Buf b = {0};
  buf_add(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<w:styles xmlns:w=\"" W_NS "\"><w:docDefaults><w:rPrDefault><w:rPr>");
  fonts(&b, F_FANGSONG);
  /* condensed, so that 28 characters fill a line */
  buf_printf(&b, "<w:spacing w:val=\"%d\"/><w:kern w:val=\"2\"/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
                 "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr>"
                 "</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/>"
                 "<w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>"
                 "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"%d\" w:lineRule=\"exact\"/>"
                 "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>",
             CONDENSE, 2 * BODY_PT, 2 * BODY_PT, LINE_PITCH);
  buf_printf(&b, "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
                 "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>"
                 "<w:ind w:firstLineChars=\"200\" w:firstLine=\"%d\"/></w:pPr><w:rPr>"
                 "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr></w:style>",
             INDENT2, 2 * BODY_PT, 2 * BODY_PT);
  char ppr[256];
  static const char no_indent[] = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
  /* the title: 二号 小标宋, centred, a blank line under it (the date, when given, is that) */
  snprintf(ppr, sizeof ppr, "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"%d\" "
                            "w:lineRule=\"exact\"/>%s<w:jc w:val=\"center\"/>", 700, no_indent);
  style(&b, "Title", "Title", ppr, F_XIAOBIAOSONG, 44, 0, -1);
  snprintf(ppr, sizeof ppr, "<w:spacing w:before=\"%d\" w:after=\"%d\"/>%s"
                            "<w:jc w:val=\"center\"/>", LINE_PITCH, LINE_PITCH, no_indent);
  style(&b, "Date", "Date", ppr, F_KAITI, 2 * BODY_PT, 0, -1);
  style(&b, "Heading1", "heading 1", "<w:keepNext/>", F_HEITI, 2 * BODY_PT, 0, 0);
  style(&b, "Heading2", "heading 2", "<w:keepNext/>", F_KAITI, 2 * BODY_PT, 0, 1);
  style(&b, "Heading3", "heading 3", "<w:keepNext/>", F_FANGSONG, 2 * BODY_PT, 1, 2);
  /* 附表: the mark at the top left, each table's title centred in 小标宋 小二 */
  style(&b, "AppendixMark", "附表标识", no_indent, F_HEITI, 2 * BODY_PT, 0, 0);
  snprintf(ppr, sizeof ppr, "<w:keepNext/><w:spacing w:before=\"%d\" w:after=\"%d\" "
                            "w:line=\"%d\" w:lineRule=\"exact\"/>%s<w:jc w:val=\"center\"/>",
           LINE_PITCH / 2, LINE_PITCH / 2, 560, no_indent);
  style(&b, "AppendixTitle", "附表标题", ppr, F_XIAOBIAOSONG, 36, 0, 1);
  snprintf(ppr, sizeof ppr, "<w:keepNext/>%s<w:jc w:val=\"center\"/>", no_indent);
  style(&b, "TableCaption", "表题", ppr, F_HEITI, 28, 0, -1);
  /* table cells: 12 pt, off the grid, single spacing */
  snprintf(ppr, sizeof ppr, "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"300\" "
                            "w:lineRule=\"auto\"/>%s", no_indent);
  style(&b, "TableText", "表格文字", ppr, F_FANGSONG, TABLE_HPT, 0, -1);
  snprintf(ppr, sizeof ppr, "<w:keepNext/><w:snapToGrid w:val=\"0\"/><w:spacing "
                            "w:line=\"300\" w:lineRule=\"auto\"/>%s<w:jc w:val=\"center\"/>",
           no_indent);
  style(&b, "TableHead", "表头", ppr, F_HEITI, TABLE_HPT, 0, -1);
  /* the page number: 4号 半角宋体, "— 1 —" */
  snprintf(ppr, sizeof ppr, "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"240\" "
                            "w:lineRule=\"auto\"/>%s", no_indent);
  buf_printf(&b, "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
                 "<w:basedOn w:val=\"Normal\"/><w:pPr>%s</w:pPr><w:rPr>", ppr);
  fonts(&b, F_SONGTI);
  buf_add(&b, "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>");
  /* the tables' borders: single lines, ½ pt, around and between every cell */
  buf_add(&b, "<w:style w:type=\"table\" w:styleId=\"PlanTable\"><w:name w:val=\"Plan Table\"/>"
              "<w:tblPr><w:tblBorders>");
  static const char *const edges[] = {"top", "left", "bottom", "right", "insideH", "insideV"};
  for (int i = 0; i < 6; i++)
    buf_printf(&b, "<w:%s w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>",
               edges[i]);
  buf_printf(&b, "</w:tblBorders><w:tblCellMar><w:left w:w=\"%d\" w:type=\"dxa\"/>"
                 "<w:right w:w=\"%d\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
                 "</w:styles>", CELL_MARGIN, CELL_MARGIN);
  return buf_take(&b);
}

/* A footer: "— PAGE —", right on odd pages and left on even ones, one character in. */
static char *footer_xml(int even) {
  Buf b = {0};
  buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                 "<w:ftr xmlns:w=\"" W_NS "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
                 "<w:ind w:%s=\"280\" w:firstLine=\"0\"/><w:jc w:val=\"%s\"/></w:pPr>"
                 "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
                 "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                 "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                 "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                 "<w:r><w:t>%d</w:t></w:r>"
                 "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                 "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>",
             even ? "left" : "right", even ? "left" : "right", even ? 2 : 1);
  return buf_take(&b);
}

/* word/document.xml: the body, then the section: A4, the margins, the two footers, the
   line grid of 22 lines. */
static char *document_xml(Docx *d) {
  Buf b = {0};
  buf_add(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:body>");
  buf_add(&b, buf_str(&d->body));
  if (d->last_table || d->body.n == 0) buf_add(&b, "<w:p/>");
  buf_printf(&b, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
                 "<w:footerReference w:type=\"even\" r:id=\"rId5\"/>"
                 "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
                 "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" "
                 "w:header=\"851\" w:footer=\"%d\" w:gutter=\"0\"/>"
                 "<w:pgNumType w:start=\"1\"/><w:cols w:space=\"425\"/>"
                 "<w:docGrid w:type=\"lines\" w:linePitch=\"%d\"/>"
                 "</w:sectPr></w:body></w:document>",
             PAGE_W, PAGE_H, TOP, RIGHT, BOTTOM, LEFT, MM(23), LINE_PITCH);
  return buf_take(&b);
}

/* docProps/core.xml: the title, and the plan's date as the creation date. */
static char *core_xml(Docx *d) {
  Buf b = {0};
  buf_add(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
              "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
              "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
              "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
  xml_put(&b, d->title ? d->title : "");
  buf_add(&b, "</dc:title><dc:language>zh-CN</dc:language>");
  if (d->created)
    buf_printf(&b, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>",
               d->created);
  buf_add(&b, "</cp:coreProperties>");
  return buf_take(&b);
}

/* YYYY, YYYY-MM or YYYY-MM-DD as a W3CDTF time, or NULL. */
static char *w3c_date(const char *date) {
  int y, mo = 1, da = 1;
  if (!date) return NULL;
  size_t n = strlen(date);
  if (!(n == 4 || n == 7 || n == 10)) return NULL;
  for (size_t i = 0; i < n; i++)
    if (i == 4 || i == 7 ? date[i] != '-' : date[i] < '0' || date[i] > '9') return NULL;
  y = atoi(date);
  if (n >= 7) mo = atoi(date + 5);
  if (n == 10) da = atoi(date + 8);
  if (mo < 1 || mo > 12 || da < 1 || da > 31) return NULL;
  return mem_printf("%04d-%02d-%02dT00:00:00Z", y, mo, da);
}

/* Zip the parts in memory; the archive's bytes in *out (free them), 0 or -1. Entries carry
   a fixed time, so the same plan gives the same file. */
static int zip_parts(const char *const *names, char *const *data, int n, char **out,
                     size_t *outn, char *err, size_t errn) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_t *za = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
  if (!za) {
    snprintf(err, errn, "cannot make a zip archive: %s", zip_error_strerror(&ze));
    if (mem) zip_source_free(mem);
    zip_error_fini(&ze);
    return -1;
  }
  zip_source_keep(mem);
  int rc = 0;
  for (int i = 0; i < n && rc == 0; i++) {
    zip_source_t *src = zip_source_buffer(za, data[i], strlen(data[i]), 0);
    zip_int64_t idx = src ? zip_file_add(za, names[i], src, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
      if (src) zip_source_free(src);
      rc = -1;
      break;
    }
    zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9);
    zip_file_set_mtime(za, (zip_uint64_t)idx, (time_t)315619200, 0); /* 1980-01-02 */
  }
  if (rc != 0 || zip_close(za) != 0) {
    snprintf(err, errn, "cannot zip the Word document: %s", zip_strerror(za));
    zip_discard(za);
    zip_source_free(mem);
    zip_error_fini(&ze);
    return -1;
  }
  zip_stat_t st;
  rc = -1;
  if (zip_source_open(mem) == 0) {
    if (zip_source_stat(mem, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
      *out = mem_alloc(st.size ? st.size : 1);
      *outn = (size_t)st.size;
      if (zip_source_read(mem, *out, st.size) == (zip_int64_t)st.size) rc = 0;
      else mem_free(*out);
    }
    zip_source_close(mem);
  }
  if (rc != 0) snprintf(err, errn, "cannot read back the zipped Word document");
  zip_source_free(mem);
  zip_error_fini(&ze);
  return rc;
}

static int dx_finish(Sink *s) {
  Docx *d = docx_of(s);
  static const char *const names[] = {
      "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
      "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
      "word/footer2.xml", "docProps/core.xml", "docProps/app.xml"};
  enum { N = sizeof names / sizeof *names };
  char *data[N] = {mem_strdup(content_types), mem_strdup(package_rels), document_xml(d),
                   mem_strdup(document_rels), styles_xml(), mem_strdup(settings_xml),
                   mem_strdup(font_table), footer_xml(0), footer_xml(1), core_xml(d),
                   mem_strdup(app_xml)};
  char *zip = NULL;
  size_t n = 0;
  int rc = zip_parts(names, data, N, &zip, &n, d->err, d->errn);
  if (rc == 0 && output_write(d->path, zip, n, d->err, d->errn) != 0) {
    char *why = mem_strdup(d->err); /* say which output failed, then why */
    snprintf(d->err, d->errn, "cannot write %s: %s", d->path, why);
    mem_free(why);
    rc = -1;
  }
  mem_free(zip);
  for (int i = 0; i < N; i++) mem_free(data[i]);
  buf_free(&d->body);
  mem_free(d->path);
  mem_free(d->title);
  mem_free(d->created);
  mem_free(d);
  return rc;
}

Sink *docx_sink_new(const char *path, const char *date, char *err, size_t errn) {
  Docx *d = mem_calloc(sizeof *d);
  d->path = mem_strdup(path);
  d->created = w3c_date(date);
  d->err = err;
  d->errn = errn;
  d->sink = (Sink){dx_title, dx_date, dx_heading, dx_para, dx_line, dx_end_lines,
                   dx_table, dx_appendix, dx_finish, d};
  return &d->sink;
}

int docx_write(const Model *m, const char *path, char *err, size_t errn) {
  Sink *s = docx_sink_new(path, m->date, err, errn);
  report_content(m, s);
  return s->finish(s);
}
