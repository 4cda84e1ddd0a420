/* fuzz_plan.c: libFuzzer entry: any bytes through the scanner, the parser, the checker, the
   evaluator and, for a plan without errors, the writers (the report in text and Markdown to
   memory, the workbook into a private temporary folder that is emptied after every input)
   must give diagnostics or outputs, never a crash, a hang, a leak or a sanitizer report. The
   input is read from memory, as fuzz.fp and again as imported.fp, so that `import
   "imported.fp"` loads a plan (which may import itself: a cycle); any other import finds
   nothing. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "runtime/mem.h"
#include "syntax/diag.h"
#include "model/load.h"
#include "emit/jsonmodel.h"
#include "emit/report.h"
#include "emit/workbook.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char folder[] = "/tmp/plc-fuzz-XXXXXX"; /* mkdtemp's: 0700, ours alone */
static int have_folder;

/* Remove the private folder when the fuzzer exits. */
static void fuzz_cleanup(void) {
  if (have_folder) rmdir(folder);
}

/* Run the writers the command line would run on a plan that checked. */
static void fuzz_write(const Model *m) {
  for (int markdown = 0; markdown < 2; markdown++) {
    char *buf = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&buf, &n);
    if (!mem) continue;
    report_write(m, mem, markdown);
    fclose(mem);
    free(buf); /* open_memstream's own */
  }
  if (!have_folder) {
    if (!mkdtemp(folder)) return;
    have_folder = 1;
    atexit(fuzz_cleanup);
  }
  char *path = mem_printf("%s/fuzz.xlsx", folder), err[512];
  if (workbook_write(m, path, err, sizeof err) == 0) unlink(path);
  mem_free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int ready;
  if (!ready) mem_init();
  ready = 1;
  LoadFiles *files = load_files_new(0);
  load_files_add(files, "fuzz.fp", (const char *)data, size);
  load_files_add(files, "imported.fp", (const char *)data, size);
  LoadReader reader = load_files_reader(files);
  Diags diags;
  diag_init(&diags);
  Loader *loader = load_new(&diags, &reader);
  Model *m = load_plan(loader, "fuzz.fp");
  diag_sort(&diags);
  FILE *null = fopen("/dev/null", "w");
  if (null) {
    diag_print_text(&diags, null);
    diag_print_json(&diags, null);
    if (m) jsonmodel_write(m, null);
    fclose(null);
  }
  if (m && diags.errors == 0) fuzz_write(m);
  diag_free(&diags);
  load_free(loader);
  load_files_free(files);
  return 0;
}
