/* fmt.h: the canonical layout of a plan file (docs/language.md, "Canonical layout"),
   written from the syntax tree: one statement per line in its canonical spelling,
   attributes in one order, the lines that belong to the line above indented, comments
   where they were. The words the author chose are kept; only spacing, order and the
   forms the scanner reads as one (full-width digits, ＝, ×) are normalised. */
#ifndef PLC_FMT_H
#define PLC_FMT_H

#include "runtime/buf.h"
#include "syntax/ast.h"

/* Append the canonical text of p to out. p must have parsed without errors (a tree with
   skipped lines would lose them). */
void fmt_plan(const Plan *p, Buf *out);

#endif
