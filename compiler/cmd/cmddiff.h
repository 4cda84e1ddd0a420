/* cmddiff.h: `plc diff`, what changed in meaning between two revisions of a plan. */
#ifndef PLC_CMDDIFF_H
#define PLC_CMDDIFF_H

/* plc diff [options] OLD NEW | REV1 REV2 -- PLAN | REV -- PLAN: argv[0] is "diff". Exit
   0 no change in meaning, 1 changes, 2 trouble (as diff(1)). */
int cmddiff_main(int argc, char **argv);

#endif
