/* source.c: loading plan files and finding their lines. */
#include "syntax/source.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/mem.h"
#include "runtime/utf8.h"

/* A source owning path and buf (n bytes and room for one more), its line ends made \n in
   place: the runs between carriage returns move down whole. */
static Source *source_adopt(const char *path, char *buf, size_t n) {
  Source *s = mem_calloc(sizeof *s);
  s->path = mem_strdup(path);
  size_t k = 0, i = 0;
  while (i < n) {
    const char *cr = memchr(buf + i, '\r', n - i);
    size_t run = cr ? (size_t)(cr - (buf + i)) : n - i;
    if (k != i) memmove(buf + k, buf + i, run);
    k += run;
    i += run;
    if (i < n) { /* buf[i] is \r */
      if (i + 1 >= n || buf[i + 1] != '\n')
        buf[k++] = '\n'; /* a lone \r ends a line; the \r of \r\n is dropped */
      i++;
    }
  }
  buf[k] = '\0';
  s->text = buf;
  s->len = k;
  return s;
}

/* A source owning copies of path and the n bytes at text, line ends made \n. */
Source *source_from_string(const char *path, const char *text, size_t n) {
  char *buf = mem_alloc(n + 1);
  memcpy(buf, text, n);
  return source_adopt(path, buf, n);
}

Source *source_load_fd(int fd, const char *path) {
  struct stat st;
  int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular && (size_t)st.st_size > SOURCE_MAX_BYTES) {
    errno = EFBIG; /* refused before a byte is read */
    return NULL;
  }
  /* a file's own size and one byte more (the end is seen without a second buffer); else
     64 KiB, doubling */
  size_t cap = regular && st.st_size > 0 ? (size_t)st.st_size + 1 : 1 << 16, n = 0;
  char *buf = mem_alloc(cap);
  for (;;) {
    if (n == cap) {
      if (n > SOURCE_MAX_BYTES) { /* one byte past the limit was read: it is too large */
        mem_free(buf);
        errno = EFBIG;
        return NULL;
      }
      cap = 2 * cap < SOURCE_MAX_BYTES + 1 ? 2 * cap : SOURCE_MAX_BYTES + 1;
      buf = mem_realloc(buf, cap);
    }
    ssize_t got = read(fd, buf + n, cap - n);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      mem_free(buf);
      errno = saved;
      return NULL;
    }
    n += (size_t)got;
  }
  return source_adopt(path, buf, n); /* n < cap: the read that saw the end had room */
}

/* Read a whole file into a source. */
Source *source_load(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return NULL;
  Source *s = source_load_fd(fd, path);
  int saved = errno;
  close(fd);
  errno = saved;
  return s;
}

const char *source_encoding_name(SourceEncoding e) {
  static const char *const names[] = {
#define SOURCE_ENCODING_NAME(e, name) [e] = name,
      SOURCE_ENCODINGS(SOURCE_ENCODING_NAME)
#undef SOURCE_ENCODING_NAME
  };
  return names[e];
}

/* Whether the n bytes at s decode wholly in the encoding named from. */
static int source_decodes(const char *s, size_t n, const char *from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return 0;
  char out[4096];
  char *in = (char *)s; /* iconv's prototype; it does not write the input */
  size_t left = n;
  int ok = 1;
  while (left > 0 && ok) {
    char *o = out;
    size_t room = sizeof out;
    if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) ok = 0;
  }
  iconv_close(cd);
  return ok;
}

SourceEncoding source_encoding(const Source *s) {
  const unsigned char *t = (const unsigned char *)s->text;
  size_t n = s->len;
  if (n >= 2 && t[0] == 0xFF && t[1] == 0xFE) return SE_UTF16LE;
  if (n >= 2 && t[0] == 0xFE && t[1] == 0xFF) return SE_UTF16BE;
  /* UTF-16 without a mark: the ASCII of keywords, digits and blanks leaves a NUL in every
     other byte, always on the same side (a tenth of the characters is enough: a plan
     mostly in Chinese still has its keywords, digits and newlines; eight at least, so that
     a NUL or two in a short UTF-8 file stay NULs) */
  size_t even = 0, odd = 0, m = n < 4096 ? n : 4096;
  for (size_t i = 0; i < m; i++)
    if (t[i] == 0) *(i % 2 ? &odd : &even) += 1;
  if (odd >= 8 && odd * 10 >= m / 2 && even * 20 <= odd) return SE_UTF16LE;
  if (even >= 8 && even * 10 >= m / 2 && odd * 20 <= even) return SE_UTF16BE;
  if (utf8_invalid_at(s->text, n) == n) return SE_UTF8;
  /* a UTF-8 file with a few bad bytes is UTF-8 with errors (its Chinese text, taken two
     bytes at a time, may well decode as GB18030 too): GB18030 only when its bad bytes
     outnumber the characters of three or four bytes (Chinese text in UTF-8), which GBK's
     pairs of bytes seldom form (they often form two-byte ones) */
  size_t wide = 0, invalid = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int k = utf8_decode(s->text + i, n - i, &cp);
    if (k < 0) invalid++;
    if (k >= 3) wide++;
    i += k < 0 ? 1 : (size_t)k;
  }
  if (invalid > wide && source_decodes(s->text, n, "GB18030")) return SE_GB18030;
  return SE_UTF8;
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

/* The text of a line without its line end. */
const char *source_line(Source *s, int line, size_t *n) {
  if (!s->lines && source_index(s) < 0) return NULL;
  if (line < 1 || line > s->nlines) return NULL;
  size_t start = s->lines[line - 1];
  size_t end = line < s->nlines ? s->lines[line] - 1 : s->len;
  *n = end - start;
  return s->text + start;
}
