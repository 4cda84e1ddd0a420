/* check.h: the checker: the declarations of a parsed plan, turned into the model. */
#ifndef PLC_CHECK_H
#define PLC_CHECK_H

#include "model/model.h"

/* Check m's syntax tree into m: the header, units, indicators and their values, targets,
   claims, tasks and commitments, with names, units and periods checked. The plans it
   imports are in m->imports already. */
void check_model(Model *m);

#endif
