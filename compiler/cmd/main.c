/* main.c: the plc command: parse arguments, run the front end, report, exit. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "runtime/arena.h"
#include "runtime/mem.h"
#include "runtime/names.h"
#include "syntax/ast.h"
#include "syntax/diag.h"
#include "syntax/front.h"
#include "syntax/source.h"
#include "model/load.h"
#include "emit/jsonmodel.h"
#include "emit/output.h"
#include "emit/report.h"
#include "emit/workbook.h"
#include "cmd/lsp.h"
#include "cmd/watch.h"

#ifndef PLC_VERSION
#define PLC_VERSION "0.0.0"
#endif

enum { EXIT_OK = 0, EXIT_PLAN_ERRORS = 1, EXIT_USAGE = 2 };

/* The outputs plc can write, with their file endings. */
enum { FMT_XLSX = 1, FMT_TXT = 2, FMT_MD = 4, FMT_ALL = FMT_XLSX | FMT_TXT | FMT_MD };
static const struct { const char *name, *ext; int bit; } formats[] = {
    {"xlsx", ".xlsx", FMT_XLSX}, {"txt", ".txt", FMT_TXT}, {"md", ".md", FMT_MD}};

typedef struct Options {
  const char *command; /* "compile" or "check" */
  const char *file;
  const char *outdir;
  const char *emit;    /* NULL, "ast" or "json" */
  int formats;         /* the outputs to write: FMT_ bits */
  int json_diags;
  int werror;
} Options;

static void usage(FILE *out) {
  fputs("usage: plc [options] PLAN.fp         check a plan, write its workbook and report\n"
        "       plc check [options] PLAN.fp   check a plan and print its diagnostics only\n"
        "\n"
        "options:\n"
        "  -o DIR                  write outputs into DIR instead of beside PLAN.fp\n"
        "  --format LIST           the outputs to write, comma-separated: xlsx (the\n"
        "                          workbook), txt (the report as plain text), md (as\n"
        "                          Markdown); all three by default\n"
        "  -Werror                 treat warnings as errors (exit 1)\n"
        "  --diagnostics=text      diagnostics as gcc prints them (the default)\n"
        "  --diagnostics=json      diagnostics as a JSON array, on standard error\n"
        "  --emit json             print the evaluated model as JSON (docs/json.md)\n"
        "  --emit ast              print the syntax tree, one line per statement\n"
        "  -h, --help              print this help\n"
        "  --version               print the version\n"
        "\n"
        "exit status: 0 no errors (warnings allowed), 1 the plan has errors,\n"
        "             2 usage or I/O trouble\n"
        "the language: docs/language.md; diagnostics: docs/diagnostics.md\n",
        out);
}

/* Complain about the command line and exit 2. */
static void usage_error(const char *fmt, const char *arg) {
  fputs("plc: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\n(plc --help lists the options)\n", stderr);
  exit(EXIT_USAGE);
}

static Options parse_args(int argc, char **argv) {
  Options o = {.command = "compile", .formats = FMT_ALL};
  int i = 1;
  if (i < argc && strcmp(argv[i], "check") == 0) {
    o.command = "check";
    i++;
  }
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage(stdout);
      exit(EXIT_OK);
    } else if (strcmp(a, "--version") == 0) {
      printf("plc %s\n", PLC_VERSION);
      exit(EXIT_OK);
    } else if (strcmp(a, "-Werror") == 0) {
      o.werror = 1;
    } else if (strcmp(a, "--diagnostics=json") == 0) {
      o.json_diags = 1;
    } else if (strcmp(a, "--diagnostics=text") == 0) {
      o.json_diags = 0;
    } else if (strcmp(a, "-o") == 0) {
      if (++i >= argc) usage_error("%s needs a directory", a);
      o.outdir = argv[i];
    } else if (strcmp(a, "--format") == 0) {
      if (++i >= argc) usage_error("%s needs a list of formats (xlsx,txt,md)", a);
      o.formats = 0;
      char *list = argv[i], *save = NULL;
      for (char *f = strtok_r(list, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        size_t k = 0;
        while (k < sizeof formats / sizeof *formats && strcmp(formats[k].name, f) != 0) k++;
        if (k == sizeof formats / sizeof *formats)
          usage_error("unknown format '%s' (known: xlsx, txt, md)", f);
        o.formats |= formats[k].bit;
      }
    } else if (strcmp(a, "--emit") == 0) {
      if (++i >= argc) usage_error("%s needs a format (json or ast)", a);
      if (strcmp(argv[i], "ast") != 0 && strcmp(argv[i], "json") != 0)
        usage_error("unknown --emit format '%s' (known: json, ast)", argv[i]);
      o.emit = argv[i];
    } else if (a[0] == '-' && a[1] != '\0') {
      usage_error("unknown option '%s'", a);
    } else if (strcmp(a, "check") == 0 && !o.file && strcmp(o.command, "check") != 0) {
      o.command = "check"; /* after options: plc -Werror check PLAN.fp */
    } else if (o.file) {
      usage_error("one plan at a time ('%s' is a second one)", a);
    } else {
      o.file = a;
    }
  }
  if (!o.file) usage_error("%s", "no plan file given");
  return o;
}

/* Write the outputs of a plan that checked; 0, or -1 after saying what failed. */
static int write_outputs(const Model *m, const Options *o) {
  for (size_t k = 0; k < sizeof formats / sizeof *formats; k++) {
    if (!(o->formats & formats[k].bit)) continue;
    char *path = output_path(o->file, o->outdir, formats[k].ext);
    char *buf = NULL, err[512];
    if (path && formats[k].bit == FMT_XLSX) {
      int rc = workbook_write(m, path, err, sizeof err);
      if (rc < 0) fprintf(stderr, "plc: %s\n", err);
      free(path);
      if (rc < 0) return -1;
      continue;
    }
    size_t n = 0;
    FILE *mem = open_memstream(&buf, &n);
    if (!path || !mem) {
      fprintf(stderr, "plc: out of memory writing the %s output\n", formats[k].name);
      free(path);
      return -1;
    }
    report_write(m, mem, formats[k].bit == FMT_MD);
    fclose(mem);
    int rc = output_write(path, buf, n, err, sizeof err);
    if (rc < 0) fprintf(stderr, "plc: %s\n", err);
    free(buf);
    free(path);
    if (rc < 0) return -1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "lsp") == 0) return lsp_main(argc - 1, argv + 1);
  if (argc > 1 && strcmp(argv[1], "watch") == 0) return watch_main(argc - 1, argv + 1);
  /* stderr is unbuffered: a plan with many diagnostics would make a syscall per piece */
  static char errbuf[1 << 16];
  setvbuf(stderr, errbuf, _IOFBF, sizeof errbuf);
  mem_init();
  Options o = parse_args(argc, argv);
  if (o.outdir) {
    struct stat st;
    if (stat(o.outdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
      fprintf(stderr, "plc: %s: not a directory\n", o.outdir);
      return EXIT_USAGE;
    }
  }
  Diags diags;
  diag_init(&diags);
  Loader *loader = load_new(&diags, NULL);
  Model *m = load_plan(loader, o.file);
  if (!m) {
    fprintf(stderr, "plc: %s: %s\n", o.file, strerror(errno));
    diag_free(&diags);
    load_free(loader);
    return EXIT_USAGE;
  }
  diag_sort(&diags);
  if (o.emit && strcmp(o.emit, "ast") == 0) ast_dump(m->plan, stdout);
  if (o.emit && strcmp(o.emit, "json") == 0) jsonmodel_write(m, stdout);
  if (o.json_diags) diag_print_json(&diags, stderr);
  else diag_print_text(&diags, stderr);
  int failed = diags.errors > 0 || (o.werror && diags.warnings > 0);
  int io_failed = 0;
  if (!failed && !o.emit && strcmp(o.command, "compile") == 0)
    io_failed = write_outputs(m, &o) < 0;
  diag_free(&diags);
  load_free(loader);
  if (io_failed) return EXIT_USAGE;
  return failed ? EXIT_PLAN_ERRORS : EXIT_OK;
}
