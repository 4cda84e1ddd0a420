/* revsheet.h: the revision sheet 修订对照表, a workbook a bureau attaches to a revised
   draft: one row per change in meaning — item, 原稿, 修改稿, what changed, and the source
   lines of both — with prose edits marked in the cells as Word's 修订 marks them. */
#ifndef PLC_REVSHEET_H
#define PLC_REVSHEET_H

#include <stddef.h>

#include "emit/diff.h"

/* Write the changes of d to the workbook at path (atomically); labels name the two
   revisions (NULL: their files). 0, or -1 with a message in err. */
int revsheet_write(const Diff *d, const char *path, const char *old_label,
                   const char *new_label, char *err, size_t errn);

#endif
