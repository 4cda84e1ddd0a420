/* bind.h: the binding pass, between the checker and the evaluator. */
#ifndef PLC_BIND_H
#define PLC_BIND_H

#include "model/model.h"

/* Bind every expression of a checked model — indicator formulas, value formulas, claims,
   placeholders — whether or not anything evaluates it later: each name, unit, period,
   function and argument count is resolved and checked once, and the unit of every result
   is known; what does not bind is an error at its place. Then the values an indicator's
   formula makes get their places, in dependency order. */
void bind_model(Model *m);

#endif
