/* textsink.h: the report as plain text or Markdown: the two text sinks of sink.h. */
#ifndef PLC_TEXTSINK_H
#define PLC_TEXTSINK_H

#include <stdio.h>

#include "emit/sink.h"

/* A sink writing to out: plain text (paragraphs indented by two ideographic spaces, tables
   padded by display width) or, when markdown is set, Markdown. Its finish() frees it. */
Sink *textsink_new(FILE *out, int markdown);

#endif
