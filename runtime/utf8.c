/* utf8.c: UTF-8 decoding and widths, on top of utf8proc's character data. */
#include "runtime/utf8.h"

#include <utf8proc.h>

/* Decode one character at s; -1 on an invalid sequence. */
int utf8_decode(const char *s, size_t n, int32_t *cp) {
  if (n == 0) return -1;
  if ((unsigned char)s[0] < 0x80) {
    *cp = (unsigned char)s[0];
    return 1;
  }
  utf8proc_int32_t c;
  utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)n, &c);
  if (len < 1) {
    *cp = (unsigned char)s[0];
    return -1;
  }
  *cp = c;
  return (int)len;
}

/* Offset of the first invalid byte, or n. */
size_t utf8_invalid_at(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    int32_t cp;
    int len = utf8_decode(s + i, n - i, &cp);
    if (len < 0) return i;
    i += (size_t)len;
  }
  return n;
}

/* Columns: characters, counting an invalid byte as one. */
int utf8_cols(const char *s, size_t n) {
  int cols = 0;
  size_t i = 0;
  while (i < n) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
    } else {
      int32_t cp;
      int len = utf8_decode(s + i, n - i, &cp);
      i += len < 0 ? 1 : (size_t)len;
    }
    cols++;
  }
  return cols;
}

/* Byte offset of a column, counting as utf8_cols does. */
size_t utf8_offset(const char *s, size_t n, int cols) {
  size_t i = 0;
  while (i < n && cols-- > 0) {
    int32_t cp;
    int len = utf8_decode(s + i, n - i, &cp);
    i += len < 0 ? 1 : (size_t)len;
  }
  return i;
}

/* Display width: utf8proc's East Asian widths; controls and invalid bytes take one cell. */
int utf8_width(const char *s, size_t n) {
  int w = 0;
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    int len = utf8_decode(s + i, n - i, &cp);
    if (len < 0) {
      w += 1;
      i += 1;
      continue;
    }
    int cw = cp < 0x80 ? 1 : utf8proc_charwidth(cp);
    w += cw < 0 ? 1 : cw;
    i += (size_t)len;
  }
  return w;
}
