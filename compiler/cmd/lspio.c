/* lspio.c: reading and writing framed protocol messages, with poll for "is more coming". */
#include "cmd/lspio.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/mem.h"

void lspio_init(LspIn *in, int fd) {
  memset(in, 0, sizeof *in);
  in->fd = fd;
}

void lspio_free(LspIn *in) {
  mem_free(in->buf);
  memset(in, 0, sizeof *in);
}

/* Read more bytes into the buffer; 0 at the end of the input. */
static size_t lspio_fill(LspIn *in) {
  if (in->eof) return 0;
  if (in->start > 0 && in->start == in->end) in->start = in->end = 0;
  if (in->end == in->cap) {
    if (in->start > 0) {
      memmove(in->buf, in->buf + in->start, in->end - in->start);
      in->end -= in->start;
      in->start = 0;
    } else {
      in->cap = in->cap ? 2 * in->cap : 1 << 16;
      in->buf = mem_realloc(in->buf, in->cap);
    }
  }
  for (;;) {
    ssize_t k = read(in->fd, in->buf + in->end, in->cap - in->end);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) {
      in->eof = 1;
      return 0;
    }
    in->end += (size_t)k;
    return (size_t)k;
  }
}

/* The next header line without its line end into *line (NUL-terminated in place); 0 at
   the end of the input. */
static int lspio_line(LspIn *in, char **line) {
  for (;;) {
    char *nl = in->end > in->start ? memchr(in->buf + in->start, '\n', in->end - in->start)
                                   : NULL;
    if (nl) {
      *line = in->buf + in->start;
      size_t n = (size_t)(nl - *line);
      if (n > 0 && (*line)[n - 1] == '\r') n--;
      (*line)[n] = '\0';
      in->start = (size_t)(nl - in->buf) + 1;
      return 1;
    }
    if (in->end - in->start > 8192) in->start = in->end; /* no header is this long */
    if (!lspio_fill(in)) return 0;
  }
}

LspRead lspio_read(LspIn *in, char **body, size_t *n) {
  long long length = -1;
  int lines = 0;
  char *line;
  for (;;) {
    if (!lspio_line(in, &line)) return LSPIO_EOF;
    if (line[0] == '\0') {
      if (lines == 0) continue; /* blank lines between messages */
      break;
    }
    lines++;
    if (strncasecmp(line, "Content-Length:", 15) == 0) {
      char *end;
      errno = 0;
      length = strtoll(line + 15, &end, 10);
      while (*end == ' ' || *end == '\t') end++;
      if (errno || *end || length < 0) length = -2;
    }
  }
  if (length < 0) return LSPIO_BAD;
  size_t want = (size_t)length;
  int keep = want <= LSPIO_MAX_MESSAGE;
  char *out = keep ? mem_alloc(want + 1) : NULL;
  size_t got = 0;
  while (got < want) {
    if (in->start == in->end && !lspio_fill(in)) {
      mem_free(out);
      return LSPIO_EOF;
    }
    size_t k = in->end - in->start;
    if (k > want - got) k = want - got;
    if (out) memcpy(out + got, in->buf + in->start, k);
    in->start += k;
    got += k;
  }
  if (!keep) return LSPIO_BAD;
  out[want] = '\0';
  *body = out;
  *n = want;
  return LSPIO_MESSAGE;
}

int lspio_ready(LspIn *in) {
  if (in->start < in->end || in->eof) return 1;
  struct pollfd p = {.fd = in->fd, .events = POLLIN};
  return poll(&p, 1, 0) > 0;
}

/* Write all n bytes at s; -1 when the output is gone. */
static int lspio_write_all(int fd, const char *s, size_t n) {
  while (n > 0) {
    ssize_t k = write(fd, s, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    s += k;
    n -= (size_t)k;
  }
  return 0;
}

int lspio_write(int fd, const char *body, size_t n) {
  char head[64];
  int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
  if (lspio_write_all(fd, head, (size_t)h) < 0) return -1;
  return lspio_write_all(fd, body, n);
}
