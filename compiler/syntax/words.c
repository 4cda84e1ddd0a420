/* words.c: the names and Chinese words of the language's closed sets, from words.h's
   tables. */
#include "syntax/words.h"

#include <string.h>

#define WORDS_NAME(e, name, zh) [e] = name,
#define WORDS_ZH(e, name, zh) [e] = zh,
static const char *const relation_names[] = {WORDS_RELATIONS(WORDS_NAME)};
static const char *const change_names[] = {WORDS_CHANGES(WORDS_NAME)};
static const char *const status_names[] = {WORDS_STATUSES(WORDS_NAME)};
static const char *const status_zh[] = {WORDS_STATUSES(WORDS_ZH)};
static const char *const direction_names[] = {WORDS_DIRECTIONS(WORDS_NAME)};
static const char *const direction_zh[] = {WORDS_DIRECTIONS(WORDS_ZH)};
static const char *const form_names[] = {WORDS_FORMS(WORDS_NAME)};
static const char *const basis_names[] = {WORDS_BASES(WORDS_NAME)};
static const char *const basis_zh[] = {WORDS_BASES(WORDS_ZH)};
static const char *const flow_names[] = {WORDS_FLOWS(WORDS_NAME)};
static const char *const kind_names[] = {WORDS_TARGET_KINDS(WORDS_NAME)};
static const char *const kind_zh[] = {WORDS_TARGET_KINDS(WORDS_ZH)};
static const char *const part_names[] = {WORDS_PART_KINDS(WORDS_NAME)};
static const char *const doc_names[] = {WORDS_DOC_STATUSES(WORDS_NAME)};
static const char *const doc_zh[] = {WORDS_DOC_STATUSES(WORDS_ZH)};
#undef WORDS_NAME
#undef WORDS_ZH

const char *words_relation(Relation r) { return relation_names[r]; }
const char *words_change(ChangeDir d) { return change_names[d]; }
const char *words_status(ValueStatus s) { return status_names[s]; }
const char *words_form(ValueForm f) { return form_names[f]; }
const char *words_basis(Basis b) { return basis_names[b]; }
const char *words_flow(Flow f) { return flow_names[f]; }
const char *words_target_kind(TargetKind k) { return kind_names[k]; }
const char *words_basis_zh(Basis b) { return basis_zh[b]; }
const char *words_target_kind_zh(TargetKind k) { return kind_zh[k]; }
const char *words_doc_status_zh(DocStatus s) { return doc_zh[s]; }
const char *words_direction(Direction d) { return direction_names[d]; }
const char *words_direction_zh(Direction d) { return direction_zh[d]; }
const char *words_status_zh(ValueStatus s) { return status_zh[s]; }

int words_part_kind(const char *word, const char **known) {
  *known = "review, targets, tasks";
  for (int k = 0; k < (int)(sizeof part_names / sizeof *part_names); k++)
    if (part_names[k] && strcmp(word, part_names[k]) == 0) return k;
  return -1;
}

int words_doc_status(const char *word, const char **known) {
  *known = "草案 (draft) or 正式 (final)";
  for (int k = 0; k < (int)(sizeof doc_names / sizeof *doc_names); k++)
    if ((doc_names[k] && strcmp(word, doc_names[k]) == 0) || (doc_zh[k][0] && strcmp(word, doc_zh[k]) == 0))
      return k;
  return -1;
}
