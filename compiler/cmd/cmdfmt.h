/* cmdfmt.h: `plc fmt`, the formatter's command. */
#ifndef PLC_CMDFMT_H
#define PLC_CMDFMT_H

/* plc fmt [-w] [--check] [FILE...]: argv[0] is "fmt". Exit 0, 1 (syntax errors, or with
   --check a file not formatted), 2 (usage or I/O trouble). */
int cmdfmt_main(int argc, char **argv);

#endif
