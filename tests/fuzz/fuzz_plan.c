/* fuzz_plan.c: libFuzzer entry: any bytes through the scanner, the parser, the checker and
   the evaluator must give diagnostics, never a crash, a hang or a leak. The input is read
   from memory; an import of a file the fuzzer did not give finds nothing. */
#include <stdint.h>
#include <stdio.h>

#include "runtime/mem.h"
#include "syntax/diag.h"
#include "model/load.h"
#include "emit/jsonmodel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int ready;
  if (!ready) mem_init();
  ready = 1;
  LoadFiles *files = load_files_new(0);
  load_files_add(files, "fuzz.fp", (const char *)data, size);
  LoadReader reader = load_files_reader(files);
  Diags diags;
  diag_init(&diags);
  Loader *loader = load_new(&diags, &reader);
  Model *m = load_plan(loader, "fuzz.fp");
  diag_sort(&diags);
  FILE *null = fopen("/dev/null", "w");
  if (null) {
    diag_print_text(&diags, null);
    if (m) jsonmodel_write(m, null);
    fclose(null);
  }
  diag_free(&diags);
  load_free(loader);
  load_files_free(files);
  return 0;
}
