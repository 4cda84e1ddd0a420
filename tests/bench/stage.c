/* stage.c: the bench's stages of plc check, one per run: `parse` (source → syntax tree,
   front_parse only) or `check` (the tree checked into the model, without binding or
   evaluating). Reads the file as plc does; exits 1 on any error diagnostic. */
#include <stdio.h>
#include <string.h>

#include "model/check.h"
#include "model/model.h"
#include "syntax/front.h"

int main(int argc, char **argv) {
  int check = argc == 3 && strcmp(argv[1], "check") == 0;
  if (argc != 3 || (!check && strcmp(argv[1], "parse") != 0)) {
    fputs("usage: bench_stage parse|check PLAN.fp\n", stderr);
    return 2;
  }
  Source *src = source_load(argv[2]);
  if (!src) {
    perror(argv[2]);
    return 2;
  }
  Arena *arena = arena_new();
  Names *names = names_new(arena);
  Diags diags;
  diag_init(&diags);
  Plan *plan = front_parse(src, arena, names, &diags);
  if (check) check_model(model_new(src, plan, arena, names, &diags));
  int errors = diags.errors;
  diag_free(&diags);
  arena_free(arena);
  source_free(src);
  return errors ? 1 : 0;
}
