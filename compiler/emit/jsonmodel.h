/* jsonmodel.h: the evaluated model as JSON, for tools and tests (docs/json.md). */
#ifndef PLC_JSONMODEL_H
#define PLC_JSONMODEL_H

#include <stdio.h>

#include "model/model.h"

/* Write m as one JSON object: keys in a fixed order, exact numbers as strings. */
void jsonmodel_write(const Model *m, FILE *out);

#endif
