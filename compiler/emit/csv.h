/* csv.h: the main indicators and the series as CSV, for people who paste figures into
   other tables: UTF-8 with a byte order mark (so Excel on Chinese Windows reads it),
   RFC 4180 quoting, CRLF line ends, numbers only in number columns. */
#ifndef PLC_CSV_H
#define PLC_CSV_H

#include <stddef.h>

#include "model/model.h"

/* The series path beside a main path: plans/plan2024.csv gives plans/plan2024-series.csv
   (free it). */
char *csv_series_path(const char *path);

/* The main indicators (the plan year's targets) as CSV text (free it). */
char *csv_main(const Model *m);

/* The series: one row per value of every indicator (of the plan and the plans it
   imports), in long form: 指标, 单位, 类别, 时期, 状态, 数值, 原文 (free it). */
char *csv_series(const Model *m);

/* Write csv_main to path and csv_series to csv_series_path(path), each atomically; 0, or
   -1 with a message in err. */
int csv_write(const Model *m, const char *path, char *err, size_t errn);

#endif
