/* eval.h: the evaluator: the figures a checked model computes. */
#ifndef PLC_EVAL_H
#define PLC_EVAL_H

#include "model/model.h"

/* Evaluate a checked model: formulas in dependency order, the values targets imply,
   execution, claims, the placeholders of the prose. */
void eval_model(Model *m);

#endif
