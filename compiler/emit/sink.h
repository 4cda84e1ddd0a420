/* sink.h: where the report's content goes. report.c describes the report once — title,
   headings, paragraphs, list lines, tables, the 附表 at the end — as calls on a Sink; each
   output format is one sink behind this interface (plain text and Markdown in
   textsink.c, Word in docx.c), so a new format is a new sink, not a branch in every
   function of the report. Every text given is UTF-8, already filled from the model. */
#ifndef PLC_SINK_H
#define PLC_SINK_H

#include <stdio.h>

/* A table: rows × cols cells, row 0 the header; right[c] right-aligns column c. */
typedef struct SinkTable {
  const char *caption;        /* a line above the table (各项目标对应的目标值如下：), or NULL */
  const char *const *cells;   /* row-major */
  int rows, cols;
  const int *right;
} SinkTable;

typedef struct Sink Sink;

struct Sink {
  /* The document's title (小标宋, centred) and, under it, its date (二〇二四年一月). */
  void (*title)(Sink *s, const char *text);
  void (*date)(Sink *s, const char *text);
  /* A heading: level 1 a part (一、…, 黑体), 2 a section or group ((一)…, 楷体), 3 a
     numbered item heading (1.…). The text carries its own numbering. */
  void (*heading)(Sink *s, int level, const char *text);
  /* A body paragraph, indented two characters on its first line. lead, when not NULL, is
     the paragraph's lead sentence (经济运行稳中提质。), which a format may set apart. */
  void (*para)(Sink *s, const char *lead, const char *text);
  /* One line of a list (——地区生产总值5704.55亿元；); end_lines closes a run of them. */
  void (*line)(Sink *s, const char *text);
  void (*end_lines)(Sink *s);
  /* A table. */
  void (*table)(Sink *s, const SinkTable *t);
  /* The start of the appendix (附表): the tables the real report does not have in its
     body come after this call, each with its own heading. */
  void (*appendix)(Sink *s, const char *title);
  /* The end of the document: flush, close what is open. 0, or -1 when writing failed. */
  int (*finish)(Sink *s);
  void *ctx;
};

#endif
