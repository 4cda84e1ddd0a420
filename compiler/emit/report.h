/* report.h: the report's content, written to a document sink (sink.h). */
#ifndef PLC_REPORT_H
#define PLC_REPORT_H

#include <stdio.h>

#include "emit/sink.h"
#include "model/model.h"

/* Describe the report of m (and the review parts of the plans it imports) to s: title,
   date, parts, sections, paragraphs, tasks, list lines, tables. s is not finished. */
void report_content(const Model *m, Sink *s);

/* The tables plc adds (last year's execution, the targets' values, the commitments) go to
   附表 at the end, as a bureau's report has them; on, they stay in the body. */
void report_set_tables_inline(int on);

/* The report as plain text, or as Markdown when markdown is set; 0, or -1 when writing
   failed. */
int report_write(const Model *m, FILE *out, int markdown);

#endif
