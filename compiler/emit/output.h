/* output.h: writing the outputs of one run together or not at all. Every output is first
   written into a private folder (mkdtemp, mode 0700) made inside the output folder, so on
   the same filesystem and out of reach of anyone who could swap a name for a symlink; then
   every output is renamed over the old one, and the folder is fsynced. When a rename fails
   the outputs already moved are put back, so a failed or killed run never leaves half a
   file nor a mix of new and old outputs. A private folder a killed run left behind is
   removed by the next run of the same plan. */
#ifndef PLC_OUTPUT_H
#define PLC_OUTPUT_H

#include <stddef.h>

/* The path of `name` + `ext` in dir (dir NULL: beside `input`); the caller frees it.
   plans/plan2024.fp with ".txt" gives plans/plan2024.txt. */
char *output_path(const char *input, const char *dir, const char *ext);

/* The stem of an output's name: plans/plan2024.fp gives plan2024; the caller frees it. */
char *output_stem(const char *input);

/* The folder outputs go to: dir, or the folder of input; the caller frees it. */
char *output_dir(const char *input, const char *dir);

/* Make dir and its missing parents; 0, or -1 with the exact reason in err. */
int output_mkdir(const char *dir, char *err, size_t errn);

/* Remove what killed runs left in dir for outputs of stem: "STEM.*.tmp-*" files and
   private folders that no live run holds (a live run keeps a lock on its folder). The
   number removed. */
int output_clean_stale(const char *dir, const char *stem);

typedef struct Outputs Outputs;

/* Start a run's outputs in dir for stem: stale temporaries removed, the private folder
   made. NULL with the reason in err. */
Outputs *output_begin(const char *dir, const char *stem, char *err, size_t errn);

/* The path in the private folder to write the output `name` (plan2024.xlsx) to; it is
   part of the run from now on. Owned by o. */
const char *output_stage(Outputs *o, const char *name);

/* Write n bytes as the output `name`; 0, or -1 with a message in err. */
int output_stage_data(Outputs *o, const char *name, const char *data, size_t n, char *err,
                      size_t errn);

/* Replace every staged output at once (fsync each, rename each, fsync the folder); on a
   failure put the old outputs back. Frees o. 0, or -1 with a message in err. */
int output_commit(Outputs *o, char *err, size_t errn);

/* Give up: remove the staged files and the private folder. Frees o. */
void output_abort(Outputs *o);

/* Write n bytes to path atomically (a run of one output); 0, or -1 with a message. */
int output_write(const char *path, const char *data, size_t n, char *err, size_t errn);

#endif
