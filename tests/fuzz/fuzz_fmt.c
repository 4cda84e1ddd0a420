/* fuzz_fmt.c: libFuzzer entry for the formatter: any bytes that parse without an error
   format to a text that parses without an error, formats to itself (idempotence), and
   loads to the same model (the JSON model with its line and column numbers left out).
   A broken property aborts, so the fuzzer keeps the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/arena.h"
#include "runtime/buf.h"
#include "runtime/mem.h"
#include "runtime/names.h"
#include "syntax/diag.h"
#include "syntax/fmt.h"
#include "syntax/front.h"
#include "model/load.h"
#include "emit/jsonmodel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The canonical text of src into out; 0, or -1 when it has syntax errors. */
static int format(const char *text, size_t n, Buf *out) {
  Source *src = source_from_string("fuzz.fp", text, n);
  Diags diags;
  diag_init(&diags);
  Arena *arena = arena_new();
  Plan *plan = front_parse(src, arena, names_new(arena), &diags);
  int rc = diags.errors ? -1 : 0;
  if (!rc) fmt_plan(plan, out);
  arena_free(arena);
  diag_free(&diags);
  source_free(src);
  return rc;
}

/* The JSON model of text, without the lines that give a place (line, column). */
static char *model_json(const char *text, size_t n) {
  LoadFiles *files = load_files_new(0);
  load_files_add(files, "fuzz.fp", text, n);
  LoadReader reader = load_files_reader(files);
  Diags diags;
  diag_init(&diags);
  Loader *loader = load_new(&diags, &reader);
  Model *m = load_plan(loader, "fuzz.fp");
  char *json = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&json, &len);
  if (m && mem) jsonmodel_write(m, mem);
  if (mem) fclose(mem);
  diag_free(&diags);
  load_free(loader);
  load_files_free(files);
  Buf kept = {0};
  for (char *line = json; line && *line;) {
    char *end = strchr(line, '\n');
    size_t k = end ? (size_t)(end - line + 1) : strlen(line);
    if (!strstr(line, "line\": ") && !strstr(line, "column\": ")) buf_addn(&kept, line, k);
    line += k;
  }
  free(json);
  return buf_take(&kept);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int ready;
  if (!ready) mem_init();
  ready = 1;
  Buf once = {0}, twice = {0};
  if (format((const char *)data, size, &once) == 0) {
    if (format(buf_str(&once), once.n, &twice) != 0) abort(); /* formatted text must parse */
    if (once.n != twice.n || memcmp(buf_str(&once), buf_str(&twice), once.n) != 0) abort();
    char *a = model_json((const char *)data, size), *b = model_json(buf_str(&once), once.n);
    if (strcmp(a ? a : "", b ? b : "") != 0) abort(); /* formatting changed the meaning */
    mem_free(a);
    mem_free(b);
  }
  buf_free(&once);
  buf_free(&twice);
  return 0;
}
