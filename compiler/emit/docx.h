/* docx.h: the report as a Word document in the format of GB/T 9704-2012 (党政机关公文格式):
   a sink (sink.h) that collects WordprocessingML and zips it into PLAN.docx. */
#ifndef PLC_DOCX_H
#define PLC_DOCX_H

#include <stddef.h>

#include "emit/sink.h"
#include "model/model.h"

/* A Word sink that writes path atomically when finished. date, when it reads YYYY[-MM[-DD]],
   is the document's creation date in its properties (else none: the file never carries the
   time of the run). Messages of a failed finish go to err. Its finish() frees it. */
Sink *docx_sink_new(const char *path, const char *date, char *err, size_t errn);

/* Write the report of m (report_content) as a Word document to path; 0, or -1 with a
   message in err. */
int docx_write(const Model *m, const char *path, char *err, size_t errn);

#endif
