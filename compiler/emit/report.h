/* report.h: the text report back end. */
#ifndef PLC_REPORT_H
#define PLC_REPORT_H

#include <stdio.h>

#include "model/model.h"

/* Write the report of m (and of the parts of the plans it imports) as plain text, or as
   Markdown when markdown is set. */
void report_write(const Model *m, FILE *out, int markdown);

#endif
