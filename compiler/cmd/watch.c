/* watch.c: plc watch: compile the plan, then wait on inotify for a change to it or to any
   file it imports (watching their folders, so that an editor that saves by writing a new
   file and renaming it over the old one is seen too), and compile again; one status line
   per compile, with the diagnostics before it. */
#include "syntax/diag.h"
#include "cmd/watch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "runtime/buf.h"
#include "runtime/mem.h"
#include "model/load.h"
#include "emit/output.h"
#include "emit/report.h"
#include "emit/workbook.h"
#include "cmd/lsppos.h"

/* The outputs, as plc writes them (compiler/cmd/main.c): X(bit, name, file ending). */
#define WATCH_FORMATS(X)                                                                   \
  X(WF_XLSX, "xlsx", ".xlsx")                                                              \
  X(WF_TXT, "txt", ".txt")                                                                 \
  X(WF_MD, "md", ".md")

#define WATCH_ENUM(e, name, ext) e##_I,
enum { WATCH_FORMATS(WATCH_ENUM) WF_COUNT };
#undef WATCH_ENUM
#define WATCH_ROW(e, name, ext) {name, ext},
static const struct { const char *name, *ext; } watch_formats[] = {WATCH_FORMATS(WATCH_ROW)};
#undef WATCH_ROW

/* After a change, wait this long for more before compiling (an editor's save is often a
   write, a rename and a change of mode). */
#define WATCH_SETTLE_MS 100

typedef struct Watch {
  const char *plan;
  const char *outdir;
  unsigned formats;   /* 1 << WF_*_I */
  int check_only;
  int fd;             /* inotify */
  char **files;       /* every file the last compile read or tried to read, normalised */
  int nfiles;
  struct { int wd; char *dir; } *dirs;
  int ndirs;
} Watch;

static volatile sig_atomic_t watch_stop;

static void watch_on_signal(int sig) {
  (void)sig;
  watch_stop = 1;
}

/* ---- the files a compile reads ---- */

/* A reader that reads from disk and remembers every path asked for, found or not. */
static Source *watch_read(void *ctx, const char *path, char **key) {
  Watch *w = ctx;
  char *norm = lsppos_normalize(path);
  int seen = 0;
  for (int i = 0; i < w->nfiles && !seen; i++) seen = strcmp(w->files[i], norm) == 0;
  if (seen) {
    mem_free(norm);
  } else {
    w->files = mem_realloc(w->files, (size_t)(w->nfiles + 1) * sizeof *w->files);
    w->files[w->nfiles++] = norm;
  }
  LoadReader disk = load_disk_reader();
  return disk.read(disk.ctx, path, key);
}

static void watch_forget_files(Watch *w) {
  for (int i = 0; i < w->nfiles; i++) mem_free(w->files[i]);
  mem_free(w->files);
  w->files = NULL;
  w->nfiles = 0;
}

/* Watch the folder of every file read, and no other. */
static void watch_folders(Watch *w) {
  const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                        IN_ATTRIB | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF;
  int *keep = mem_calloc((size_t)(w->ndirs + 1) * sizeof *keep);
  for (int i = 0; i < w->nfiles; i++) {
    const char *slash = strrchr(w->files[i], '/');
    char *dir = slash == w->files[i] ? mem_strdup("/")
                                     : mem_strndup(w->files[i], (size_t)(slash - w->files[i]));
    int k = 0;
    while (k < w->ndirs && strcmp(w->dirs[k].dir, dir) != 0) k++;
    if (k < w->ndirs) {
      keep[k] = 1;
      mem_free(dir);
      continue;
    }
    int wd = inotify_add_watch(w->fd, dir, mask);
    if (wd < 0) { /* a folder that is not there: its file is reported missing anyway */
      mem_free(dir);
      continue;
    }
    w->dirs = mem_realloc(w->dirs, (size_t)(w->ndirs + 1) * sizeof *w->dirs);
    keep = mem_realloc(keep, (size_t)(w->ndirs + 2) * sizeof *keep);
    w->dirs[w->ndirs].wd = wd;
    w->dirs[w->ndirs].dir = dir;
    keep[w->ndirs++] = 1;
  }
  for (int k = w->ndirs - 1; k >= 0; k--) {
    if (keep[k]) continue;
    inotify_rm_watch(w->fd, w->dirs[k].wd);
    mem_free(w->dirs[k].dir);
    w->dirs[k] = w->dirs[--w->ndirs];
  }
  mem_free(keep);
}

/* Whether an event names one of the files read (or the folder itself went away). */
static int watch_relevant(const Watch *w, const struct inotify_event *ev) {
  if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_Q_OVERFLOW)) return 1;
  if (!ev->len) return 0;
  for (int k = 0; k < w->ndirs; k++) {
    if (w->dirs[k].wd != ev->wd) continue;
    size_t n = strlen(w->dirs[k].dir);
    for (int i = 0; i < w->nfiles; i++) {
      const char *f = w->files[i];
      size_t at = n == 1 ? 1 : n + 1;
      if (strncmp(f, w->dirs[k].dir, n) == 0 && strlen(f) > at && strcmp(f + at, ev->name) == 0)
        return 1;
    }
  }
  return 0;
}

/* ---- one compile ---- */

/* Write the outputs of a plan that checked, replaced together as plc replaces them
   (emit/output.h), naming each in *wrote; -1 after saying what failed. */
static int watch_outputs(const Watch *w, const Model *m, Buf *wrote) {
  char err[1024];
  char *dir = output_dir(w->plan, w->outdir), *stem = output_stem(w->plan);
  Outputs *out = output_begin(dir, stem, err, sizeof err);
  int rc = out ? 0 : -1;
  Buf names = {0};
  for (int k = 0; k < WF_COUNT && rc == 0; k++) {
    if (!(w->formats & (1u << k))) continue;
    char *name = mem_printf("%s%s", stem, watch_formats[k].ext);
    if (k == WF_XLSX_I) {
      rc = workbook_write(m, output_stage(out, name), err, sizeof err);
    } else {
      char *buf = NULL;
      size_t n = 0;
      FILE *mem = open_memstream(&buf, &n);
      rc = mem && report_write(m, mem, k == WF_MD_I) == 0 ? 0 : -1;
      if (mem) fclose(mem);
      if (rc < 0) snprintf(err, sizeof err, "%s: the report could not be written", name);
      else rc = output_stage_data(out, name, buf, n, err, sizeof err);
      free(buf); /* open_memstream's own */
    }
    buf_printf(&names, "%s%s/%s", names.n ? ", " : "", dir, name);
    mem_free(name);
  }
  if (out && rc == 0) rc = output_commit(out, err, sizeof err);
  else if (out) output_abort(out);
  if (rc < 0) fprintf(stderr, diag_tr("plc: %s (outputs not updated)\n"), err);
  else if (names.n) buf_add(wrote, names.s);
  buf_free(&names);
  mem_free(stem);
  mem_free(dir);
  return rc;
}

static double watch_ms(const struct timespec *a, const struct timespec *b) {
  return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

/* Compile once: diagnostics, outputs, the status line; the files read are remembered. */
static void watch_compile(Watch *w) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  watch_forget_files(w);
  Diags diags;
  diag_init(&diags);
  LoadReader reader = {watch_read, w};
  Loader *L = load_new(&diags, &reader);
  Model *m = load_plan(L, w->plan);
  Buf wrote = {0};
  int io_failed = 0;
  if (!m) {
    fprintf(stderr, diag_tr("plc: %s: %s\n"), w->plan, strerror(errno));
  } else {
    diag_sort(&diags);
    diag_print_text(&diags, stderr);
    if (diags.errors == 0 && !w->check_only) io_failed = watch_outputs(w, m, &wrote) < 0;
  }
  fflush(stderr);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  time_t now = time(NULL);
  struct tm tm;
  char clock[16];
  strftime(clock, sizeof clock, "%H:%M:%S", localtime_r(&now, &tm));
  printf("[%s] %s: %s, %d error%s, %d warning%s", clock, w->plan,
         !m ? "cannot be read" : diags.errors ? "not compiled" : io_failed ? "not written"
                                                                          : "compiled",
         diags.errors, diags.errors == 1 ? "" : "s", diags.warnings,
         diags.warnings == 1 ? "" : "s");
  if (wrote.n) printf("; wrote %s", wrote.s);
  printf(" (%.0f ms)\n", watch_ms(&t0, &t1));
  fflush(stdout);
  buf_free(&wrote);
  diag_free(&diags);
  load_free(L);
  watch_folders(w);
}

/* ---- the loop ---- */

/* Wait for a change to a file read; 0 on one, -1 when stopped. Events that come within
   WATCH_SETTLE_MS of the last are one change. */
static int watch_wait(Watch *w, const sigset_t *unblocked) {
  char buf[16 * (sizeof(struct inotify_event) + NAME_MAX + 1)]
      __attribute__((aligned(__alignof__(struct inotify_event))));
  int changed = 0;
  for (;;) {
    if (watch_stop) return -1;
    struct pollfd p = {.fd = w->fd, .events = POLLIN};
    struct timespec settle = {0, WATCH_SETTLE_MS * 1000000L};
    int r = ppoll(&p, 1, changed ? &settle : NULL, unblocked);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) return 0; /* settled */
    ssize_t n = read(w->fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    for (char *at = buf; at < buf + n;) {
      const struct inotify_event *ev = (const struct inotify_event *)at;
      if (watch_relevant(w, ev)) changed = 1;
      at += sizeof *ev + ev->len;
    }
  }
}

static void watch_usage(FILE *out) {
  fputs(diag_tr("usage: plc watch [options] PLAN.fp\n"
        "compile PLAN.fp, then again whenever it or a file it imports changes; one status\n"
        "line per compile, after its diagnostics; Ctrl-C ends it\n"
        "\n"
        "options:\n"
        "  -o DIR          write outputs into DIR instead of beside PLAN.fp\n"
        "  --format LIST   the outputs to write: xlsx, txt, md, comma-separated (all three)\n"
        "  --check         check only: write no outputs\n"
        "  -h, --help      print this help\n"), out);
}

static int watch_usage_error(const char *fmt, const char *arg) {
  fputs(diag_tr("plc watch: "), stderr);
  fprintf(stderr, fmt, arg);
  fputs(diag_tr("\n(plc watch --help lists the options)\n"), stderr);
  return 2;
}

int watch_main(int argc, char **argv) {
  mem_init();
  Watch w = {.formats = (1u << WF_COUNT) - 1, .fd = -1};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      watch_usage(stdout);
      return 0;
    } else if (strcmp(a, "--check") == 0) {
      w.check_only = 1;
    } else if (strcmp(a, "-o") == 0) {
      if (++i >= argc) return watch_usage_error("%s needs a directory", a);
      w.outdir = argv[i];
    } else if (strcmp(a, "--format") == 0) {
      if (++i >= argc) return watch_usage_error("%s needs a list of formats (xlsx,txt,md)", a);
      w.formats = 0;
      char *save = NULL;
      for (char *f = strtok_r(argv[i], ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        int k = 0;
        while (k < WF_COUNT && strcmp(watch_formats[k].name, f) != 0) k++;
        if (k == WF_COUNT) return watch_usage_error("unknown format '%s' (known: xlsx, txt, md)", f);
        w.formats |= 1u << k;
      }
    } else if (a[0] == '-' && a[1]) {
      return watch_usage_error("unknown option '%s'", a);
    } else if (w.plan) {
      return watch_usage_error("one plan at a time ('%s' is a second one)", a);
    } else {
      w.plan = a;
    }
  }
  if (!w.plan) return watch_usage_error("%s", "no plan file given");
  struct stat st;
  if (w.outdir && (stat(w.outdir, &st) != 0 || !S_ISDIR(st.st_mode))) {
    fprintf(stderr, diag_tr("plc watch: %s: not a directory\n"), w.outdir);
    return 2;
  }
  w.fd = inotify_init1(IN_CLOEXEC);
  if (w.fd < 0) {
    fprintf(stderr, diag_tr("plc watch: cannot watch files: %s\n"), strerror(errno));
    return 2;
  }
  /* SIGINT and SIGTERM are taken only while waiting, so a compile is never cut short */
  sigset_t block, unblocked;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigprocmask(SIG_BLOCK, &block, &unblocked);
  struct sigaction sa = {.sa_handler = watch_on_signal};
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  do watch_compile(&w);
  while (watch_wait(&w, &unblocked) == 0);
  printf("plc watch: stopped\n");
  fflush(stdout);
  for (int k = 0; k < w.ndirs; k++) mem_free(w.dirs[k].dir);
  mem_free(w.dirs);
  watch_forget_files(&w);
  close(w.fd);
  return 0;
}
