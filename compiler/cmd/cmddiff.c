/* cmddiff.c: `plc diff`: load two revisions of a plan (two files, two git revisions, or a
   revision and the working tree), compare their models, print the 修订说明 or JSON and
   write the 修订对照表. Also git's external diff driver (--git-driver). */
#include "cmddiff.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/mem.h"
#include "syntax/diag.h"
#include "model/load.h"
#include "emit/diff.h"
#include "emit/revsheet.h"
#include "gitread.h"

enum { DIFF_SAME = 0, DIFF_DIFFERENT = 1, DIFF_TROUBLE = 2 };

static void cmddiff_usage(FILE *out) {
  fputs(diag_tr("usage: plc diff [options] OLD.fp NEW.fp      two files\n"
        "       plc diff [options] REV1 REV2 -- PLAN.fp  two git revisions of a plan\n"
        "       plc diff [options] REV -- PLAN.fp        a git revision against the working tree\n"
        "  what changed in meaning: indicators, values and what follows from them, targets\n"
        "  and the values they imply, claims, tasks and commitments (matched by content),\n"
        "  prose at the character level; comments and layout are no change\n"
        "options:\n"
        "  --format text|md|json   the 修订说明 as text (default), Markdown, or JSON (docs/diff.md)\n"
        "  -o FILE.xlsx            also write the revision sheet 修订对照表\n"
        "  -h, --help              print this help\n"
        "exit status: 0 no change in meaning, 1 changes, 2 trouble (a plan that cannot be\n"
        "             read or has errors, a bad revision, usage)\n"
        "git's diff driver: plc diff --git-driver (README, \"Reviewing revisions\")\n"), out);
}

/* One side of the comparison: a loader and the model it loaded. */
typedef struct Side {
  Loader *loader;
  Model *model;
  GitRev *git;
  LoadFiles *files;
  char *label;
} Side;

/* Load path through reader into side; 0, or DIFF_TROUBLE after saying why. */
static int load_side(Side *s, const char *path, const LoadReader *reader, Diags *diags,
                     const char *what) {
  s->loader = load_new(diags, reader);
  s->model = load_plan(s->loader, path);
  if (!s->model) {
    fprintf(stderr, diag_tr("plc diff: %s%s: %s\n"), what, path, strerror(errno));
    return DIFF_TROUBLE;
  }
  return 0;
}

static void free_side(Side *s) {
  load_free(s->loader);
  gitread_free(s->git);
  load_files_free(s->files);
  mem_free(s->label);
}

/* git diff's external driver: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE.
   The two files are read under PATH's name, so that their imports resolve beside the plan
   in the working tree (git gives a driver no revision to read them from). */
static int git_driver(int argc, char **argv, Side *a, Side *b, Diags *diags) {
  if (argc != 7 && argc != 9) { /* a rename adds NEW-PATH and a header */
    fputs(diag_tr("plc diff --git-driver: git gives 7 arguments (see README, \"Reviewing revisions\")\n"), stderr);
    return DIFF_TROUBLE;
  }
  const char *path = argv[0];
  Side *sides[2] = {a, b};
  const char *files[2] = {argv[1], argv[4]};
  for (int k = 0; k < 2; k++) {
    FILE *f = fopen(files[k], "rb");
    if (!f) {
      fprintf(stderr, diag_tr("plc diff: %s: %s\n"), files[k], strerror(errno));
      return DIFF_TROUBLE;
    }
    Buf text = {0};
    char chunk[1 << 14];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) buf_addn(&text, chunk, got);
    fclose(f);
    sides[k]->files = load_files_new(1);
    load_files_add(sides[k]->files, path, text.s ? text.s : "", text.n);
    buf_free(&text);
    LoadReader r = load_files_reader(sides[k]->files);
    sides[k]->label = mem_printf("%s/%s", k == 0 ? "a" : "b", path);
    int rc = load_side(sides[k], path, &r, diags, "");
    if (rc) return rc;
  }
  return 0;
}

int cmddiff_main(int argc, char **argv) {
  const char *format = "text", *sheet = NULL;
  const char *args[3];
  int nargs = 0, dashdash = -1, driver = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (dashdash < 0 && strcmp(a, "--") == 0) {
      dashdash = nargs;
    } else if (dashdash < 0 && strcmp(a, "--git-driver") == 0) {
      driver = i + 1;
      break;
    } else if (dashdash < 0 && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
      cmddiff_usage(stdout);
      return DIFF_SAME;
    } else if (dashdash < 0 && strcmp(a, "--format") == 0) {
      if (++i >= argc) goto usage;
      format = argv[i];
      if (strcmp(format, "text") != 0 && strcmp(format, "md") != 0 && strcmp(format, "json") != 0) {
        fprintf(stderr, diag_tr("plc diff: unknown format '%s' (known: text, md, json)\n"), format);
        return DIFF_TROUBLE;
      }
    } else if (dashdash < 0 && strcmp(a, "-o") == 0) {
      if (++i >= argc) goto usage;
      sheet = argv[i];
      size_t n = strlen(sheet);
      if (n < 5 || strcmp(sheet + n - 5, ".xlsx") != 0) {
        fprintf(stderr, diag_tr("plc diff: -o writes the revision sheet, a workbook: give a name ending in .xlsx\n"));
        return DIFF_TROUBLE;
      }
    } else if (dashdash < 0 && a[0] == '-' && a[1] != '\0') {
      fprintf(stderr, diag_tr("plc diff: unknown option '%s'\n"), a);
      goto usage;
    } else if (nargs < 3) {
      args[nargs++] = a;
    } else {
      fprintf(stderr, diag_tr("plc diff: too many arguments ('%s')\n"), a);
      goto usage;
    }
  }
  if (!driver && !(dashdash < 0 ? nargs == 2 : (dashdash == 1 || dashdash == 2) && nargs == dashdash + 1)) {
    fputs(diag_tr("plc diff: give two plan files, or revisions then -- and a plan file\n"), stderr);
    goto usage;
  }

  Diags diags;
  diag_init(&diags);
  Side a = {0}, b = {0};
  int rc = 0;
  char err[512];
  if (driver) {
    rc = git_driver(argc - driver, argv + driver, &a, &b, &diags);
  } else if (dashdash < 0) {
    rc = load_side(&a, args[0], NULL, &diags, "");
    if (!rc) rc = load_side(&b, args[1], NULL, &diags, "");
  } else {
    const char *plan = args[nargs - 1];
    Side *sides[2] = {&a, &b};
    for (int k = 0; k < 2 && !rc; k++) {
      if (k == dashdash) { /* REV -- PLAN: the working tree */
        rc = load_side(&b, plan, NULL, &diags, "");
        break;
      }
      sides[k]->git = gitread_open(args[k], k > 0 ? sides[0]->git : NULL, err, sizeof err);
      if (!sides[k]->git) {
        fprintf(stderr, diag_tr("plc diff: %s\n"), err);
        rc = DIFF_TROUBLE;
        break;
      }
      LoadReader r = gitread_reader(sides[k]->git);
      sides[k]->label = mem_printf("%s:%s", gitread_label(sides[k]->git), plan);
      char *what = mem_printf("%s: ", gitread_label(sides[k]->git));
      rc = load_side(sides[k], plan, &r, &diags, what);
      mem_free(what);
    }
  }
  if (!rc && diags.errors > 0) {
    diag_sort(&diags);
    diag_print_text(&diags, stderr);
    fputs(diag_tr("plc diff: a revision with errors cannot be compared; fix them first\n"), stderr);
    rc = DIFF_TROUBLE;
  }
  if (!rc) {
    Diff *d = diff_models(a.model, b.model);
    const char *la = a.label, *lb = b.label;
    if (strcmp(format, "json") == 0) diff_write_json(d, stdout, la, lb);
    else diff_write_text(d, stdout, strcmp(format, "md") == 0, la, lb);
    if (sheet && revsheet_write(d, sheet, la, lb, err, sizeof err) < 0) {
      fprintf(stderr, diag_tr("plc diff: %s\n"), err);
      rc = DIFF_TROUBLE;
    }
    if (!rc) rc = diff_count(d) > 0 ? DIFF_DIFFERENT : DIFF_SAME;
    diff_free(d);
  }
  if (fflush(stdout) != 0) {
    fprintf(stderr, diag_tr("plc diff: cannot write standard output: %s\n"), strerror(errno));
    rc = DIFF_TROUBLE;
  }
  free_side(&a);
  free_side(&b);
  diag_free(&diags);
  /* git stops at a driver that exits non-zero: a difference is not a failure there */
  if (driver && rc == DIFF_DIFFERENT) rc = DIFF_SAME;
  return rc;

usage:
  fputs(diag_tr("(plc diff --help lists the options)\n"), stderr);
  return DIFF_TROUBLE;
}
