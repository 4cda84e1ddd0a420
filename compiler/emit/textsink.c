/* textsink.c: the plain-text and Markdown sinks: the report as the printed one reads
   (paragraphs indented by two ideographic spaces, tables that line up under Chinese text)
   or as Markdown (headings, escaped text, pipe tables). */
#include "emit/textsink.h"

#include <string.h>

#include "runtime/buf.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"

typedef struct TextSink {
  Sink sink;   /* first: a Sink * is a TextSink * */
  FILE *out;
  int md;
} TextSink;

/* Text as Markdown shows it literally: its special characters escaped (| too, in tables). */
static void ts_md_put(FILE *out, const char *s) {
  for (; *s; s++) {
    if (strchr("\\`*_[]<>|#", *s)) fputc('\\', out);
    fputc(*s, out);
  }
}

static void ts_text(const TextSink *t, const char *s) {
  if (t->md) ts_md_put(t->out, s);
  else fputs(s, t->out);
}

/* A heading of Markdown level n (the title is level 1). */
static void ts_heading_at(TextSink *t, int n, const char *text) {
  if (t->md) fprintf(t->out, "%.*s ", n, "####");
  ts_text(t, text);
  fputs("\n\n", t->out);
}

/* The title; in Markdown after a metadata block (pagetitle, lang), so that pandoc -s
   makes a page with a <title> and no second title above the heading. */
static void ts_title(Sink *s, const char *text) {
  TextSink *t = (TextSink *)s;
  if (t->md) {
    fputs("---\npagetitle: \"", t->out);
    for (const char *p = text; *p; p++) {
      if (*p == '"' || *p == '\\') fputc('\\', t->out);
      fputc(*p, t->out);
    }
    fputs("\"\nlang: zh-CN\n---\n\n", t->out);
  }
  ts_heading_at(t, 1, text);
}

/* A paragraph: indented by two ideographic spaces in text, as the printed report is. */
static void ts_para(Sink *s, const char *lead, const char *text) {
  TextSink *t = (TextSink *)s;
  fputs(t->md ? "" : "\u3000\u3000", t->out);
  if (lead) ts_text(t, lead);
  ts_text(t, text);
  fputs("\n\n", t->out);
}

static void ts_date(Sink *s, const char *text) {
  ts_para(s, NULL, text);
}

static void ts_heading(Sink *s, int level, const char *text) {
  ts_heading_at((TextSink *)s, level + 1, text);
}

/* A list line (——…；): one per line in text, one paragraph each in Markdown. */
static void ts_line(Sink *s, const char *text) {
  TextSink *t = (TextSink *)s;
  fputs(t->md ? "" : "\u3000\u3000", t->out);
  ts_text(t, text);
  fputs(t->md ? "\n\n" : "\n", t->out);
}

static void ts_end_lines(Sink *s) {
  TextSink *t = (TextSink *)s;
  if (!t->md) fputs("\n", t->out);
}

static void ts_md_table(TextSink *t, const SinkTable *tb) {
  for (int r = 0; r < tb->rows; r++) {
    fputs("|", t->out);
    for (int c = 0; c < tb->cols; c++) {
      fputs(" ", t->out);
      ts_md_put(t->out, tb->cells[r * tb->cols + c]);
      fputs(" |", t->out);
    }
    fputs("\n", t->out);
    if (r == 0) {
      fputs("|", t->out);
      for (int c = 0; c < tb->cols; c++) fputs(tb->right[c] ? " ---: |" : " --- |", t->out);
      fputs("\n", t->out);
    }
  }
  fputs("\n", t->out);
}

/* A table padded by display width, so that its columns line up under Chinese text. */
static void ts_table(Sink *s, const SinkTable *tb) {
  TextSink *t = (TextSink *)s;
  if (tb->caption) ts_para(s, NULL, tb->caption);
  if (t->md) {
    ts_md_table(t, tb);
    return;
  }
  int *width = mem_calloc((size_t)tb->cols * sizeof *width);
  for (int r = 0; r < tb->rows; r++)
    for (int c = 0; c < tb->cols; c++) {
      const char *cell = tb->cells[r * tb->cols + c];
      int w = utf8_width(cell, strlen(cell));
      if (w > width[c]) width[c] = w;
    }
  Buf line = {0};
  for (int r = 0; r < tb->rows; r++) {
    buf_clear(&line);
    for (int c = 0; c < tb->cols; c++) {
      const char *cell = tb->cells[r * tb->cols + c];
      int pad = width[c] - utf8_width(cell, strlen(cell));
      if (c > 0) buf_add(&line, "  ");
      if (tb->right[c] && r > 0) buf_printf(&line, "%*s%s", pad, "", cell);
      else buf_printf(&line, "%s%*s", cell, pad, "");
    }
    size_t n = line.n;
    while (n > 0 && line.s[n - 1] == ' ') n--; /* no trailing blanks */
    fprintf(t->out, "%.*s\n", (int)n, buf_str(&line));
    if (r == 0) {
      int total = 0;
      for (int c = 0; c < tb->cols; c++) total += width[c] + (c > 0 ? 2 : 0);
      for (int i = 0; i < total; i++) fputs("-", t->out);
      fputs("\n", t->out);
    }
  }
  fputs("\n", t->out);
  buf_free(&line);
  mem_free(width);
}

static void ts_appendix(Sink *s, const char *title) {
  ts_heading(s, 1, title);
}

static int ts_finish(Sink *s) {
  TextSink *t = (TextSink *)s;
  int rc = fflush(t->out) == 0 && !ferror(t->out) ? 0 : -1;
  mem_free(t);
  return rc;
}

Sink *textsink_new(FILE *out, int markdown) {
  TextSink *t = mem_calloc(sizeof *t);
  t->sink = (Sink){.title = ts_title, .date = ts_date, .heading = ts_heading, .para = ts_para,
                   .line = ts_line, .end_lines = ts_end_lines, .table = ts_table,
                   .appendix = ts_appendix, .finish = ts_finish, .ctx = t};
  t->out = out;
  t->md = markdown;
  return &t->sink;
}
