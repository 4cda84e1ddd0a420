/* gitread.h: plan files as they are in a git revision, read through git's plumbing
   (`git rev-parse`, `git cat-file`), so that a plan and the plans it imports come from one
   revision. */
#ifndef PLC_GITREAD_H
#define PLC_GITREAD_H

#include <stddef.h>

#include "model/load.h"

typedef struct GitRev GitRev;

/* The revision rev of the repository holding the current directory; NULL with a message
   in err when there is no repository or no such revision. share, when not NULL, is a
   revision opened before whose reading process this one shares. */
GitRev *gitread_open(const char *rev, GitRev *share, char *err, size_t errn);

/* A loader's reader of the revision's files: paths relative to the current directory, as
   on the command line. */
LoadReader gitread_reader(GitRev *g);

/* The revision as given, with its abbreviated commit: HEAD~1 (3f2a9c1). */
const char *gitread_label(const GitRev *g);

void gitread_free(GitRev *g);

#endif
