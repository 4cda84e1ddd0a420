/* output.h: writing output files atomically: to a temporary file in the same folder, then
   renamed over the old one, so that a failed or killed run never leaves half a file nor
   destroys the last good one. */
#ifndef PLC_OUTPUT_H
#define PLC_OUTPUT_H

#include <stddef.h>

/* The path of `name` + `ext` in dir (dir NULL: beside `input`); the caller frees it.
   plans/plan2024.fp with ".txt" gives plans/plan2024.txt. */
char *output_path(const char *input, const char *dir, const char *ext);

/* A temporary path beside path, made and opened for writing (fd in *fd); free it. */
char *output_temp(const char *path, int *fd);

/* Write n bytes to path atomically; 0, or -1 with a message in err. */
int output_write(const char *path, const char *data, size_t n, char *err, size_t errn);

/* Finish a temporary file: when ok, move it over path (fsync first); else remove it. The
   temporary path is freed. 0, or -1 (with a message in err when the move failed). */
int output_finish(char *temp, const char *path, int ok, char *err, size_t errn);

#endif
