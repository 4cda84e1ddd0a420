/* source.c: loading plan files and finding their lines. */
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A source owning copies of path and the n bytes at text. */
Source *source_from_string(const char *path, const char *text, size_t n) {
  Source *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->path = strdup(path);
  s->text = malloc(n + 1);
  if (!s->path || !s->text) {
    source_free(s);
    return NULL;
  }
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
  char *buf = malloc(cap);
  while (buf) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n < cap) break;
    cap *= 2;
    char *bigger = realloc(buf, cap);
    if (!bigger) {
      free(buf);
      buf = NULL;
    } else {
      buf = bigger;
    }
  }
  int failed = !buf || ferror(f);
  int saved = errno;
  fclose(f);
  if (failed) {
    free(buf);
    errno = saved ? saved : EIO;
    return NULL;
  }
  Source *s = source_from_string(path, buf, n);
  free(buf);
  return s;
}

void source_free(Source *s) {
  if (!s) return;
  free(s->path);
  free(s->text);
  free(s->lines);
  free(s);
}

/* Build the line table: one offset per line start. */
static int source_index(Source *s) {
  int cap = 64, n = 0;
  size_t *lines = malloc(cap * sizeof *lines);
  if (!lines) return -1;
  lines[n++] = 0;
  for (size_t i = 0; i < s->len; i++) {
    if (s->text[i] != '\n') continue;
    if (n == cap) {
      cap *= 2;
      size_t *bigger = realloc(lines, cap * sizeof *lines);
      if (!bigger) {
        free(lines);
        return -1;
      }
      lines = bigger;
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
