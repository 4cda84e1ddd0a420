/* xlformula.h: a bound formula as a live Excel formula over the workbook's cells. */
#ifndef PLC_XLFORMULA_H
#define PLC_XLFORMULA_H

#include <stddef.h>

#include "model/model.h"

/* How the formula writer finds cells: cell() writes the absolute address of the cell that
   holds ind's value at p ('指标序列'!$D$5) into addr (n bytes) and returns 1, or returns 0
   when no cell holds a computed figure for it. Such a cell holds the figure in the
   indicator's unit, or as a fraction when the indicator is in %. */
typedef struct XlCells {
  int (*cell)(void *ctx, const Indicator *ind, Period p, char *addr, size_t n);
  void *ctx;
} XlCells;

/* The formula "=(…)" computing f at period p in base units, divided by the scale of `to`
   (a percent stays a fraction, as its cell shows it); a new string (mem_free it), or NULL
   when f has no Excel form (cumsum, a figure no cell holds). */
char *xlformula_text(const Formula *f, Period p, const Unit *to, const XlCells *cells);

#endif
