/* fuzz_plan.c: libFuzzer entry: any bytes through the scanner, the parser, the checker and
   the evaluator must give diagnostics, never a crash, a hang or a leak. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "model/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* the model loads files (imports are relative to them): write the input to one */
  static char path[64];
  if (!path[0]) snprintf(path, sizeof path, "/tmp/plc-fuzz-%d.fp", (int)getpid());
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  Arena *arena = arena_new();
  Names *names = names_new(arena);
  Diags diags;
  diag_init(&diags);
  Model *m = model_load(path, arena, names, &diags, NULL);
  diag_sort(&diags);
  FILE *null = fopen("/dev/null", "w");
  if (null) {
    diag_print_text(&diags, null);
    if (m) model_emit_json(m, null);
    fclose(null);
  }
  diag_free(&diags);
  model_free(m);
  arena_free(arena);
  return 0;
}
