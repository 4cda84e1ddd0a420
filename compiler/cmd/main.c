/* main.c: the plc command: pick the subcommand, parse its options, run the front end,
   report, write the outputs together, exit. */
#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/arena.h"
#include "runtime/mem.h"
#include "runtime/names.h"
#include "syntax/ast.h"
#include "syntax/diag.h"
#include "syntax/front.h"
#include "syntax/source.h"
#include "model/load.h"
#include "model/model.h"
#include "emit/csv.h"
#include "emit/docx.h"
#include "emit/jsonmodel.h"
#include "emit/output.h"
#include "emit/report.h"
#include "runtime/utf8.h"
#include "emit/workbook.h"

#ifndef PLC_VERSION
#define PLC_VERSION "0.0.0"
#endif
#ifndef PLC_LOCALEDIR
#define PLC_LOCALEDIR "/usr/local/share/locale"
#endif

#define _(s) dgettext(DIAG_DOMAIN, s)
#define N_(s) s

enum { EXIT_OK = 0, EXIT_PLAN_ERRORS = 1, EXIT_USAGE = 2 };

/* The outputs plc can write, with their file endings. */
enum { FMT_XLSX = 1, FMT_TXT = 2, FMT_MD = 4, FMT_DOCX = 8, FMT_CSV = 16,
       FMT_ALL = FMT_XLSX | FMT_TXT | FMT_MD | FMT_DOCX };
static const struct { const char *name, *ext; int bit; } formats[] = {
    {"xlsx", ".xlsx", FMT_XLSX}, {"txt", ".txt", FMT_TXT}, {"md", ".md", FMT_MD},
    {"docx", ".docx", FMT_DOCX}, {"csv", ".csv", FMT_CSV}};
enum { NFORMATS = sizeof formats / sizeof *formats };

/* The subcommands other modules of cmd/ provide, each a main of its own (argv[0] is the
   command's name). */
int cmdfmt_main(int argc, char **argv);
int cmddiff_main(int argc, char **argv);
int lsp_main(int argc, char **argv);
int watch_main(int argc, char **argv);

static int cmd_compile(int argc, char **argv);
static int cmd_check(int argc, char **argv);

/* The subcommands: X(name, its main, what it does). `plc PLAN.fp` is `plc compile`. */
#define COMMANDS(X)                                                                        \
  X("compile", cmd_compile, N_("check a plan, write its workbook and report (the default)")) \
  X("check", cmd_check, N_("check a plan and print its diagnostics only"))                 \
  X("fmt", cmdfmt_main, N_("print a plan in the canonical layout"))                        \
  X("diff", cmddiff_main, N_("compare two versions of a plan, figure by figure"))          \
  X("lsp", lsp_main, N_("serve editors over the Language Server Protocol"))               \
  X("watch", watch_main, N_("compile a plan again whenever it changes"))

typedef int (*CommandMain)(int argc, char **argv);
#define COMMAND_ROW(name, fn, what) {name, fn, what},
static const struct {
  const char *name;
  CommandMain main;
  const char *what;
} commands[] = {COMMANDS(COMMAND_ROW)};
#undef COMMAND_ROW
enum { NCOMMANDS = sizeof commands / sizeof *commands };

typedef enum Emit { EMIT_NONE, EMIT_JSON, EMIT_AST } Emit;

typedef struct Options {
  int check_only;      /* plc check: no outputs */
  const char *file;
  const char *outdir;
  Emit emit;
  int formats;         /* the outputs to write: FMT_ bits */
  int json_diags;
  int werror;          /* 1: the plan's warnings fail it; 2: imported plans' too */
  int quiet;
  int error_limit;
  const char *import_root; /* imports may come from this folder too (--import-root) */
} Options;

static void usage(FILE *out) {
  fputs(_("usage: plc [options] PLAN.fp         check a plan, write its workbook and report\n"
          "       plc COMMAND [options] ARGS...\n"
          "\n"
          "commands:\n"),
        out);
  for (int i = 0; i < NCOMMANDS; i++)
    fprintf(out, "  %-22s %s\n", commands[i].name, _(commands[i].what));
  fputs(_("\n"
          "options of compile and check:\n"
          "  -o, --output=DIR        write outputs into DIR (made if missing) instead of\n"
          "                          beside PLAN.fp\n"
          "  --format=LIST           the outputs to write, comma-separated: xlsx (the\n"
          "                          workbook), txt (the report as plain text), md (as\n"
          "                          Markdown), docx (as a Word document in the 公文\n"
          "                          format), csv (the figures); all but csv by default\n"
          "  --tables-inline         keep the tables plc adds in the report's body\n"
          "                          instead of in 附表 at its end\n"
          "  --narrow-ambiguous      count “ ” — … one column wide in text tables\n"
          "                          (Western terminals) instead of two (Chinese fonts)\n"
          "  --import-root=DIR       imports may also come from inside DIR (by default\n"
          "                          only from inside the plan's own folder)\n"
          "  -q, --quiet             do not list the outputs written\n"
          "  -Werror                 treat the plan's warnings as errors (exit 1)\n"
          "  -Werror=all             and those of the plans it imports too\n"
          "  --error-limit=N, -ferror-limit=N\n"
          "                          stop after N errors (default 50; 0: no limit)\n"
          "  --diagnostics=text      diagnostics as gcc prints them (the default)\n"
          "  --diagnostics=json      diagnostics as a JSON array, on standard error\n"
          "  --emit=json             print the evaluated model as JSON (docs/json.md)\n"
          "  --emit=ast              print the syntax tree, one line per statement\n"
          "  -h, --help              print this help\n"
          "  --version               print the version\n"
          "  --                      end of options: the next argument is the plan\n"
          "\n"
          "Every option taking a value is written --opt=VALUE or --opt VALUE.\n"
          "Messages follow the locale (LANG, LC_MESSAGES): zh_CN gives Chinese.\n"
          "exit status: 0 no errors (warnings allowed), 1 the plan has errors,\n"
          "             2 usage or I/O trouble\n"
          "the language: docs/language.md; diagnostics: docs/diagnostics.md; man plc\n"),
        out);
}

/* Complain about the command line and exit 2; fmt is translated. */
static _Noreturn void usage_error(const char *fmt, const char *arg)
    __attribute__((format(printf, 1, 0)));
static _Noreturn void usage_error(const char *fmt, const char *arg) {
  fputs("plc: ", stderr);
  fprintf(stderr, _(fmt), arg);
  fprintf(stderr, "\n%s\n", _("(plc --help lists the options)"));
  exit(EXIT_USAGE);
}

/* The command called name, or -1. */
static int command_find(const char *name) {
  for (int i = 0; i < NCOMMANDS; i++)
    if (strcmp(commands[i].name, name) == 0) return i;
  return -1;
}

/* "unknown command 'x'", with the nearest command when there is one; exit 2. */
static _Noreturn void unknown_command(const char *word) {
  int best = -1, best_d = 3;
  for (int i = 0; i < NCOMMANDS; i++) {
    int d = diag_distance(word, commands[i].name);
    if (d < best_d) best_d = d, best = i;
  }
  fputs("plc: ", stderr);
  if (best >= 0)
    fprintf(stderr, _("unknown command '%s'; did you mean 'plc %s'?"), word,
            commands[best].name);
  else
    fprintf(stderr, _("unknown command '%s', and no plan file of that name"), word);
  fputs("\n", stderr);
  fputs(_("commands:"), stderr);
  for (int i = 0; i < NCOMMANDS; i++) fprintf(stderr, " %s", commands[i].name);
  fputs("\n", stderr);
  exit(EXIT_USAGE);
}

/* An error limit, from the text after -ferror-limit= or --error-limit. */
static int parse_limit(const char *s) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || v < 0 || v > INT_MAX || errno)
    usage_error(N_("the error limit must be a whole number, 0 or more (not '%s')"), s);
  return (int)v;
}

enum { OPT_FORMAT = 256, OPT_DIAGNOSTICS, OPT_EMIT, OPT_ERROR_LIMIT, OPT_VERSION,
       OPT_TABLES_INLINE, OPT_NARROW, OPT_IMPORT_ROOT };

static Options parse_args(int argc, char **argv, int check_only) {
  static const struct option longs[] = {
      {"output", required_argument, NULL, 'o'},
      {"format", required_argument, NULL, OPT_FORMAT},
      {"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
      {"emit", required_argument, NULL, OPT_EMIT},
      {"error-limit", required_argument, NULL, OPT_ERROR_LIMIT},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, OPT_VERSION},
      {"tables-inline", no_argument, NULL, OPT_TABLES_INLINE},
      {"narrow-ambiguous", no_argument, NULL, OPT_NARROW},
      {"import-root", required_argument, NULL, OPT_IMPORT_ROOT},
      {NULL, 0, NULL, 0}};
  Options o = {.check_only = check_only, .formats = FMT_ALL,
               .error_limit = DIAG_ERROR_LIMIT};
  opterr = 0;
  optind = 1;
  int c;
  /* a leading '+' would stop at the first plan; without it, options may follow it */
  while ((c = getopt_long(argc, argv, ":o:qhW:f:", longs, NULL)) != -1) {
    switch (c) {
    case 'o': o.outdir = optarg; break;
    case 'q': o.quiet = 1; break;
    case 'h': usage(stdout); exit(EXIT_OK);
    case OPT_VERSION: printf("plc %s\n", PLC_VERSION); exit(EXIT_OK);
    case OPT_TABLES_INLINE: report_set_tables_inline(1); break;
    case OPT_NARROW: utf8_set_ambiguous_wide(0); break;
    case OPT_IMPORT_ROOT: o.import_root = optarg; break;
    case 'W':
      if (strcmp(optarg, "error") == 0) o.werror = o.werror > 1 ? o.werror : 1;
      else if (strcmp(optarg, "error=all") == 0) o.werror = 2;
      else if (strcmp(optarg, "no-error") == 0) o.werror = 0;
      else usage_error(N_("unknown warning option '-W%s' (known: -Werror, -Werror=all)"),
                       optarg);
      break;
    case 'f':
      if (strncmp(optarg, "error-limit=", 12) != 0)
        usage_error(N_("unknown option '-f%s' (known: -ferror-limit=N)"), optarg);
      o.error_limit = parse_limit(optarg + 12);
      break;
    case OPT_ERROR_LIMIT: o.error_limit = parse_limit(optarg); break;
    case OPT_DIAGNOSTICS:
      if (strcmp(optarg, "json") == 0) o.json_diags = 1;
      else if (strcmp(optarg, "text") == 0) o.json_diags = 0;
      else usage_error(N_("unknown --diagnostics form '%s' (known: text, json)"), optarg);
      break;
    case OPT_EMIT:
      if (strcmp(optarg, "json") == 0) o.emit = EMIT_JSON;
      else if (strcmp(optarg, "ast") == 0) o.emit = EMIT_AST;
      else usage_error(N_("unknown --emit format '%s' (known: json, ast)"), optarg);
      break;
    case OPT_FORMAT: {
      o.formats = 0;
      char *list = mem_strdup(optarg), *save = NULL;
      for (char *f = strtok_r(list, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        int k = 0;
        while (k < NFORMATS && strcmp(formats[k].name, f) != 0) k++;
        if (k == NFORMATS)
          usage_error(N_("unknown format '%s' (known: xlsx, txt, md, docx, csv)"), f);
        o.formats |= formats[k].bit;
      }
      mem_free(list);
      if (!o.formats)
        usage_error(N_("%s needs a list of formats (xlsx,txt,md,docx,csv)"), "--format");
      break;
    }
    case ':': /* an option without its value */
      if (optopt == 'o') usage_error(N_("%s needs a directory"), "-o");
      usage_error(N_("%s needs a value"), argv[optind - 1]);
    default:
      if (optopt) {
        char opt[3] = {'-', (char)optopt, '\0'};
        usage_error(N_("unknown option '%s'"), opt);
      }
      usage_error(N_("unknown option '%s'"), argv[optind - 1]);
    }
  }
  for (int i = optind; i < argc; i++) {
    const char *a = argv[i];
    if (!o.file && i == optind && !check_only && strcmp(a, "check") == 0 &&
        i + 1 < argc) { /* options first: plc -Werror check PLAN.fp */
      o.check_only = 1;
      continue;
    }
    if (o.file) usage_error(N_("one plan at a time ('%s' is a second one)"), a);
    o.file = a;
  }
  if (!o.file) usage_error(N_("no plan file given"), NULL);
  return o;
}

/* Whether word names a plan rather than a command: it ends in .fp, has a slash, or is a
   file. */
static int looks_like_plan(const char *word) {
  size_t n = strlen(word);
  struct stat st;
  return (n > 3 && strcmp(word + n - 3, ".fp") == 0) || strchr(word, '/') ||
         stat(word, &st) == 0;
}

/* Stage every output into one run; 0, or -1 after saying what failed. The outputs' final
   paths go into paths (for the "wrote" lines). */
static int write_outputs(const Model *m, const Options *o, const char *dir, char **paths,
                         int *npaths) {
  char err[1024];
  char *stem = output_stem(o->file);
  Outputs *out = output_begin(dir, stem, err, sizeof err);
  if (!out) {
    fprintf(stderr, "plc: %s\n", err);
    mem_free(stem);
    return -1;
  }
  int rc = 0;
  for (int k = 0; k < NFORMATS && rc == 0; k++) {
    if (!(o->formats & formats[k].bit)) continue;
    char *name = mem_printf("%s%s", stem, formats[k].ext);
    paths[(*npaths)++] = mem_printf("%s/%s", dir, name);
    if (formats[k].bit == FMT_XLSX) {
      rc = workbook_write(m, output_stage(out, name), err, sizeof err);
    } else if (formats[k].bit == FMT_DOCX) {
      rc = docx_write(m, output_stage(out, name), err, sizeof err);
    } else if (formats[k].bit == FMT_CSV) { /* two files: the main indicators, the series */
      char *text = csv_main(m), *series = csv_series(m), *series_name = csv_series_path(name);
      rc = output_stage_data(out, name, text, strlen(text), err, sizeof err);
      if (rc == 0)
        rc = output_stage_data(out, series_name, series, strlen(series), err, sizeof err);
      paths[(*npaths)++] = mem_printf("%s/%s", dir, series_name);
      mem_free(text);
      mem_free(series);
      mem_free(series_name);
    } else {
      char *buf = NULL;
      size_t n = 0;
      FILE *mem = open_memstream(&buf, &n);
      if (!mem) mem_oom(0);
      report_write(m, mem, formats[k].bit == FMT_MD);
      if (fclose(mem) != 0) mem_oom(n);
      rc = output_stage_data(out, name, buf, n, err, sizeof err);
      free(buf); /* open_memstream's, with libc's allocator */
    }
    mem_free(name);
  }
  if (rc == 0) rc = output_commit(out, err, sizeof err);
  else output_abort(out);
  if (rc != 0) fprintf(stderr, "plc: %s\n", err);
  mem_free(stem);
  return rc;
}

/* After a run that wrote nothing: which outputs of an earlier run are now stale. */
static void say_stale(const Options *o, const char *dir) {
  char *stem = output_stem(o->file);
  int n = 0;
  for (int k = 0; k < NFORMATS; k++) {
    if (!(o->formats & formats[k].bit)) continue;
    char *path = mem_printf("%s/%s%s", dir, stem, formats[k].ext);
    struct stat st;
    if (stat(path, &st) == 0) {
      if (n++ == 0)
        fprintf(stderr, "plc: %s", _("outputs not updated; these are from an earlier run:"));
      fprintf(stderr, " %s", path);
    }
    mem_free(path);
  }
  if (n) fputs("\n", stderr);
  mem_free(stem);
}

/* The plan's memory at the end of a check or compile: left to the system, which takes
   it back at exit in one go, as compilers do — freeing a large plan's nodes and numbers one
   by one was a twentieth of its compile. It stays reachable from here, so a leak checker
   still reports only what was really lost; the loader's own freeing is exercised by the
   unit tests and the language server. */
static Loader *volatile main_kept; /* volatile: a store nothing reads is otherwise dropped */

static void main_leave(Loader *loader) {
  main_kept = loader;
}

/* check and compile: load the plan, print its diagnostics, write its outputs. */
static int run(int argc, char **argv, int check_only) {
  Options o = parse_args(argc, argv, check_only);
  int writes = !o.check_only && o.emit == EMIT_NONE;
  char *dir = output_dir(o.file, o.outdir);
  char err[1024];
  if (writes && o.outdir && output_mkdir(o.outdir, err, sizeof err) != 0) {
    fprintf(stderr, "plc: %s\n", err);
    mem_free(dir);
    return EXIT_USAGE;
  }
  Diags diags;
  diag_init(&diags);
  diag_set_limit(&diags, o.error_limit);
  Loader *loader = load_new(&diags, NULL);
  if (o.import_root) load_set_import_root(loader, o.import_root);
  Model *m = load_plan(loader, o.file);
  if (!m) {
    int e = errno;
    fprintf(stderr, "plc: %s: %s\n", o.file, strerror(e));
    diag_free(&diags);
    load_free(loader);
    mem_free(dir);
    return EXIT_USAGE;
  }
  diag_sort(&diags);
  if (o.werror < 2) diag_fold_imported(&diags, m->src);
  if (o.emit == EMIT_AST) ast_dump(m->plan, stdout);
  if (o.emit == EMIT_JSON) jsonmodel_write(m, stdout);
  if (o.json_diags) diag_print_json(&diags, stderr);
  else diag_print_text(&diags, stderr);
  int failed = diags.errors > 0 || diag_stopped(&diags) || (o.werror && diags.warnings > 0);
  int io_failed = 0;
  if (writes) {
    char *paths[NFORMATS + 1]; /* csv writes two files */
    int npaths = 0;
    if (!failed) io_failed = write_outputs(m, &o, dir, paths, &npaths) < 0;
    if (failed || io_failed) say_stale(&o, dir);
    else if (!o.quiet)
      for (int i = 0; i < npaths; i++) fprintf(stderr, "plc: %s %s\n", _("wrote"), paths[i]);
    for (int i = 0; i < npaths; i++) mem_free(paths[i]);
  }
  diag_free(&diags);
  main_leave(loader);
  mem_free(dir);
  if (io_failed) return EXIT_USAGE;
  return failed ? EXIT_PLAN_ERRORS : EXIT_OK;
}

static int cmd_compile(int argc, char **argv) {
  return run(argc, argv, 0);
}

static int cmd_check(int argc, char **argv) {
  return run(argc, argv, 1);
}

/* Messages in the locale's language, from the first catalogue folder that exists:
   PLC_LOCALEDIR; build/locale beside build/plc (run from the build tree); ../share/locale
   beside the binary (installed under any prefix); the folder configured at build time. */
static void messages_init(void) {
  setlocale(LC_ALL, "");
  const char *dir = getenv("PLC_LOCALEDIR");
  char exe[PATH_MAX], *found = NULL;
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if ((!dir || !*dir) && n > 0) {
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) *slash = '\0';
    const char *tries[] = {"%s/locale", "%s/../share/locale"};
    for (int i = 0; i < 2 && !found; i++) {
      char *path = mem_printf(tries[i], exe);
      char *mo = mem_printf("%s/zh_CN/LC_MESSAGES/" DIAG_DOMAIN ".mo", path);
      struct stat st;
      if (stat(mo, &st) == 0) found = path;
      else mem_free(path);
      mem_free(mo);
    }
    dir = found;
  }
  bindtextdomain(DIAG_DOMAIN, dir && *dir ? dir : PLC_LOCALEDIR);
  bind_textdomain_codeset(DIAG_DOMAIN, "UTF-8");
  mem_free(found);
}

int main(int argc, char **argv) {
  /* stderr fully buffered: a plan with many diagnostics would make a syscall per piece */
  static char errbuf[1 << 16];
  setvbuf(stderr, errbuf, _IOFBF, sizeof errbuf);
  mem_init();
  messages_init();
  int rc;
  if (argc > 1 && command_find(argv[1]) >= 0) {
    int k = command_find(argv[1]);
    if (!commands[k].main) {
      fprintf(stderr, "plc: ");
      fprintf(stderr, _("the command '%s' is not built into this plc"), argv[1]);
      fputs("\n", stderr);
      rc = EXIT_USAGE;
    } else {
      rc = commands[k].main(argc - 1, argv + 1);
    }
  } else if (argc > 1 && argv[1][0] != '-' && !looks_like_plan(argv[1])) {
    unknown_command(argv[1]);
  } else {
    rc = cmd_compile(argc, argv);
  }
  fflush(stdout);
  fflush(stderr);
  return rc;
}
