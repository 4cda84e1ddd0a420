/* source.c: loading plan files and finding their lines. */
#include "syntax/source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

/* A source owning copies of path and the n bytes at text. */
Source *source_from_string(const char *path, const char *text, size_t n) {
  Source *s = mem_calloc(sizeof *s);
  s->path = mem_strdup(path);
  s->text = mem_alloc(n + 1);
  memcpy(s->text, text, n);
  s->text[n] = '\0';
  s->len = n;
  return s;
}

/* Read a whole file into a source. */
Source *source_load(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = mem_alloc(cap);
  for (;;) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n < cap) break;
    cap *= 2;
    buf = mem_realloc(buf, cap);
  }
  int failed = ferror(f);
  int saved = errno;
  fclose(f);
  if (failed) {
    mem_free(buf);
    errno = saved ? saved : EIO;
    return NULL;
  }
  Source *s = source_from_string(path, buf, n);
  mem_free(buf);
  return s;
}

void source_free(Source *s) {
  if (!s) return;
  mem_free(s->path);
  mem_free(s->text);
  mem_free(s->lines);
  mem_free(s);
}

/* Build the line table: one offset per line start. */
static int source_index(Source *s) {
  int cap = 64, n = 0;
  size_t *lines = mem_alloc((size_t)cap * sizeof *lines);
  lines[n++] = 0;
  for (size_t i = 0; i < s->len; i++) {
    if (s->text[i] != '\n') continue;
    if (n == cap) {
      cap *= 2;
      lines = mem_realloc(lines, (size_t)cap * sizeof *lines);
    }
    lines[n++] = i + 1;
  }
  s->lines = lines;
  s->nlines = n;
  return 0;
}

/* The text of a line without its line end (\n or \r\n). */
const char *source_line(Source *s, int line, size_t *n) {
  if (!s->lines && source_index(s) < 0) return NULL;
  if (line < 1 || line > s->nlines) return NULL;
  size_t start = s->lines[line - 1];
  size_t end = line < s->nlines ? s->lines[line] - 1 : s->len;
  if (end > start && s->text[end - 1] == '\r') end--;
  *n = end - start;
  return s->text + start;
}
