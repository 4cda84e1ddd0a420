/* valsize.c: the size of plc's semantic value (YYSTYPE), for the bare grammar's stacks. */
#include <stdio.h>

#include "parser.tab.h"

int main(void) {
  printf("%zu\n", sizeof(YYSTYPE));
  return 0;
}
