/* lsppos.c: columns between characters and UTF-16 code units; paths and file: URIs. */
#include "cmd/lsppos.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "runtime/buf.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"

/* The UTF-16 units one character takes: two outside the Basic Multilingual Plane. */
static int lsppos_units(const char *s, size_t n, int *len) {
  int32_t cp;
  *len = utf8_decode(s, n, &cp);
  if (*len < 0) {
    *len = 1; /* an invalid byte: one column, shown by editors as one U+FFFD */
    return 1;
  }
  return cp >= 0x10000 ? 2 : 1;
}

int lsppos_utf16(const char *s, size_t n, int col) {
  int u16 = 0;
  size_t i = 0;
  for (int c = 1; c < col; c++) {
    if (i >= n) {
      u16++;
      continue;
    }
    int len;
    u16 += lsppos_units(s + i, n - i, &len);
    i += (size_t)len;
  }
  return u16;
}

int lsppos_column(const char *s, size_t n, int u16) {
  int col = 1, at = 0;
  size_t i = 0;
  while (at < u16) {
    if (i >= n) { /* past the end of the line: one column per unit */
      col += u16 - at;
      break;
    }
    int len, units = lsppos_units(s + i, n - i, &len);
    if (at + units > u16) break; /* inside a surrogate pair */
    at += units;
    i += (size_t)len;
    col++;
  }
  return col;
}

static int lsppos_hex(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char *lsppos_uri_path(const char *uri) {
  if (strncmp(uri, "file://", 7) != 0) return NULL;
  const char *p = uri + 7;
  if (*p != '/') { /* file://host/path: only the local host */
    if (strncmp(p, "localhost/", 10) != 0) return NULL;
    p += 9;
  }
  Buf b = {0};
  buf_add(&b, "");
  for (; *p && *p != '?' && *p != '#'; p++) {
    int hi, lo;
    if (*p == '%' && (hi = lsppos_hex(p[1])) >= 0 && (lo = lsppos_hex(p[2])) >= 0) {
      char c = (char)(hi * 16 + lo);
      buf_addn(&b, &c, 1);
      p += 2;
    } else {
      buf_addn(&b, p, 1);
    }
  }
  return buf_take(&b);
}

char *lsppos_path_uri(const char *path) {
  static const char keep[] = "-._~/!$&'()*+,;=:@";
  Buf b = {0};
  buf_add(&b, "file://");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
        strchr(keep, *p))
      buf_addn(&b, (const char *)p, 1);
    else
      buf_printf(&b, "%%%02X", *p);
  }
  return buf_take(&b);
}

char *lsppos_normalize(const char *path) {
  Buf b = {0};
  if (path[0] != '/') {
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd)) buf_add(&b, cwd);
  }
  const char *p = path;
  size_t *starts = mem_alloc((strlen(path) + b.n + 2) * sizeof *starts);
  int depth = 0;
  Buf out = {0};
  buf_add(&out, "");
  for (int pass = 0; pass < 2; pass++) {
    p = pass == 0 ? (b.s ? b.s : "") : path;
    while (*p) {
      const char *end = strchr(p, '/');
      size_t n = end ? (size_t)(end - p) : strlen(p);
      if (n == 0 || (n == 1 && p[0] == '.')) {
        /* nothing */
      } else if (n == 2 && p[0] == '.' && p[1] == '.') {
        if (depth > 0) out.n = starts[--depth], out.s[out.n] = '\0';
      } else {
        starts[depth++] = out.n;
        buf_add(&out, "/");
        buf_addn(&out, p, n);
      }
      p += n + (end ? 1 : 0);
    }
  }
  mem_free(starts);
  buf_free(&b);
  if (out.n == 0) buf_add(&out, "/");
  return buf_take(&out);
}
