/* scan.c: the bench's baseline: scan a plan with plc's own scanner and count its tokens,
   without building anything, to compare plc check's throughput with. */
#include <stdio.h>
#include <time.h>

#include "syntax/front.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: bench_scan PLAN.fp\n", stderr);
    return 2;
  }
  Source *src = source_load(argv[1]);
  if (!src) {
    perror(argv[1]);
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  Arena *arena = arena_new();
  Names *names = names_new(arena);
  Diags diags;
  diag_init(&diags);
  long tokens = front_count_tokens(src, arena, names, &diags);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("scan: %ld tokens, %zu bytes in %.0f ms (%.0f MB/s)\n", tokens, src->len, s * 1e3,
         (double)src->len / 1e6 / (s > 0 ? s : 1e-9));
  diag_free(&diags);
  arena_free(arena);
  source_free(src);
  return 0;
}
