/* watch.h: plc watch: recompile a plan whenever it or a file it imports changes. */
#ifndef PLC_WATCH_H
#define PLC_WATCH_H

/* Watch the plan named on the command line until Ctrl-C (or SIGTERM); 0 then, 2 for a
   usage error or when the plan cannot be watched. */
int watch_main(int argc, char **argv);

#endif
