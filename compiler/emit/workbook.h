/* workbook.h: the spreadsheet back end. */
#ifndef PLC_WORKBOOK_H
#define PLC_WORKBOOK_H

#include <stddef.h>

#include "model/model.h"

/* Write m's workbook to path, a file in a private folder (output_stage: libxlsxwriter
   reopens it by name and keeps its temporaries beside it); 0, or -1 with what failed. */
int workbook_write(const Model *m, const char *path, char *err, size_t errn);

#endif
