/* cmdfmt.c: `plc fmt`: write plan files in the canonical layout, check that they are, or
   rewrite them in place; refuse a file with syntax errors, as gofmt does. */
#include "cmdfmt.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "runtime/arena.h"
#include "runtime/buf.h"
#include "runtime/mem.h"
#include "runtime/names.h"
#include "syntax/diag.h"
#include "syntax/fmt.h"
#include "syntax/front.h"
#include "syntax/source.h"
#include "emit/output.h"

enum { FMT_OK = 0, FMT_FAILED = 1, FMT_TROUBLE = 2 };

static void cmdfmt_usage(FILE *out) {
  fputs(diag_tr("usage: plc fmt [-w] [--check] [FILE...]\n"
        "  write each plan file in the canonical layout (docs/language.md) on standard\n"
        "  output; without a file, read standard input\n"
        "  -w        rewrite the files that are not in the canonical layout\n"
        "  --check   list the files that are not in the canonical layout; exit 1 if any\n"
        "exit status: 0 done, 1 a file has syntax errors (or --check found one not\n"
        "             formatted), 2 usage or I/O trouble\n"), out);
}

/* Read all of standard input into a source named "<stdin>"; NULL on a read error. */
static Source *read_stdin(void) {
  Buf b = {0};
  char chunk[1 << 14];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0) buf_addn(&b, chunk, got);
  if (ferror(stdin)) {
    buf_free(&b);
    return NULL;
  }
  Source *s = source_from_string("<stdin>", b.s ? b.s : "", b.n);
  buf_free(&b);
  return s;
}

/* Format one source: its canonical text into *out, or the syntax errors on stderr. 0, or
   FMT_FAILED. */
static int format_source(Source *src, Buf *out) {
  Diags diags;
  diag_init(&diags);
  Arena *arena = arena_new();
  Names *names = names_new(arena);
  Plan *plan = front_parse(src, arena, names, &diags);
  int rc = FMT_OK;
  if (diags.errors > 0) {
    diag_sort(&diags);
    diag_print_text(&diags, stderr);
    fprintf(stderr, diag_tr("plc fmt: %s: not formatted: it has syntax errors\n"), src->path);
    rc = FMT_FAILED;
  } else {
    fmt_plan(plan, out);
  }
  arena_free(arena);
  diag_free(&diags);
  return rc;
}

/* Rewrite path with text, keeping the file's permissions; 0 or FMT_TROUBLE. */
static int rewrite(const char *path, const char *text, size_t n) {
  struct stat st;
  int have_mode = stat(path, &st) == 0;
  char err[512];
  if (output_write(path, text, n, err, sizeof err) < 0) {
    fprintf(stderr, diag_tr("plc fmt: %s\n"), err);
    return FMT_TROUBLE;
  }
  if (have_mode) chmod(path, st.st_mode & 07777);
  return FMT_OK;
}

int cmdfmt_main(int argc, char **argv) {
  int write = 0, check = 0, nfiles = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-w") == 0) write = 1;
    else if (strcmp(a, "--check") == 0) check = 1;
    else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      cmdfmt_usage(stdout);
      return FMT_OK;
    } else if (strcmp(a, "--") == 0) {
      nfiles += argc - i - 1;
      break;
    } else if (a[0] == '-' && a[1] != '\0') {
      fprintf(stderr, diag_tr("plc fmt: unknown option '%s'\n(plc fmt --help lists the options)\n"), a);
      return FMT_TROUBLE;
    } else nfiles++;
  }
  if (write && nfiles == 0) {
    fputs(diag_tr("plc fmt: -w needs a file to rewrite\n"), stderr);
    return FMT_TROUBLE;
  }
  int rc = FMT_OK, dashdash = 0;
  for (int i = 1; i < argc || nfiles == 0; i++) {
    Source *src;
    const char *path = nfiles == 0 ? "<stdin>" : argv[i];
    if (nfiles == 0) {
      src = read_stdin();
    } else {
      if (!dashdash && strcmp(path, "--") == 0) {
        dashdash = 1;
        continue;
      }
      if (!dashdash && path[0] == '-' && path[1] != '\0') continue;
      src = source_load(path);
    }
    if (!src) {
      fprintf(stderr, diag_tr("plc fmt: %s: %s\n"), path, strerror(errno));
      rc = FMT_TROUBLE;
      if (nfiles == 0) break;
      continue;
    }
    Buf out = {0};
    int r = format_source(src, &out);
    if (r != FMT_OK) {
      if (rc == FMT_OK) rc = r;
    } else {
      int same = out.n == src->len && (out.n == 0 || memcmp(out.s, src->text, out.n) == 0);
      if (check) {
        if (!same) {
          printf("%s\n", path);
          if (rc == FMT_OK) rc = FMT_FAILED;
        }
      } else if (write) {
        if (!same && rewrite(path, buf_str(&out), out.n) != FMT_OK) rc = FMT_TROUBLE;
      } else {
        fwrite(buf_str(&out), 1, out.n, stdout);
      }
    }
    buf_free(&out);
    source_free(src);
    if (nfiles == 0) break;
  }
  if (fflush(stdout) != 0) {
    fprintf(stderr, diag_tr("plc fmt: cannot write standard output: %s\n"), strerror(errno));
    rc = FMT_TROUBLE;
  }
  return rc;
}
