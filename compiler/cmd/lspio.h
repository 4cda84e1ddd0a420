/* lspio.h: the protocol's framing on a file descriptor: a header with Content-Length, a
   blank line, that many bytes of JSON. */
#ifndef PLC_LSPIO_H
#define PLC_LSPIO_H

#include <stddef.h>

/* The largest message read; a larger one is read past and reported as too large. */
#define LSPIO_MAX_MESSAGE (256u << 20)

typedef struct LspIn {
  int fd;
  char *buf;
  size_t start, end, cap; /* the unread bytes are buf[start..end) */
  int eof;
} LspIn;

typedef enum LspRead {
  LSPIO_MESSAGE, /* *body holds a message of *n bytes (mem_free it) */
  LSPIO_EOF,     /* the input ended */
  LSPIO_BAD      /* a header without a usable Content-Length, or a message too large:
                    skipped; the next read goes on after it */
} LspRead;

void lspio_init(LspIn *in, int fd);
void lspio_free(LspIn *in);

/* Read the next message. */
LspRead lspio_read(LspIn *in, char **body, size_t *n);

/* Whether a read would find bytes without waiting. */
int lspio_ready(LspIn *in);

/* Write one message of n bytes to fd with its header; -1 when the output is closed. */
int lspio_write(int fd, const char *body, size_t n);

#endif
