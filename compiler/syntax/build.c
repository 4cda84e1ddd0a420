/* build.c: the grammar's constructors, and the parser's memory of which line a following
   line belongs to. */
#include "syntax/build.h"

#include <string.h>

#include "runtime/table.h"

/* Start an item for the statement just read, and update what later lines attach to. */
static Item *stmt(Parser *P, ItemKind kind, const Loc *loc, Word keyword) {
  Item *it = ast_item(P->arena, P->plan, kind, *loc);
  it->keyword = keyword;
  if (kind != IT_VALUE && kind != IT_TEXT && kind != IT_COMMIT) P->recovering = 0;
  /* a value line continues its indicator; text and commitments continue their holder */
  if (kind != IT_VALUE && kind != IT_INDICATOR) P->indicator = NULL;
  if (kind != IT_TEXT && kind != IT_COMMIT && kind != IT_PARA && kind != IT_TASK) {
    P->holder = NULL;
    P->task = NULL;
  }
  if (kind == IT_PARA) P->task = NULL;
  return it;
}

/* Tie a line to the line it belongs to, or say that there is none above it. */
static void attach(Parser *P, Item *it, Item *owner, const char *code, const char *what,
                   const char *after) {
  if (!owner && !P->recovering) /* after a bad line, its owner may be what failed */
    front_error(P, code, it->loc, "%s must follow %s", diag_tr(what), diag_tr(after));
  it->parent = owner;
}

/* The attribute names, for messages, in the order of their bits. */
#define N_(s) s /* a message fragment: translated where it is printed */
static const char *const attr_names[] = {
    "decimals", "category", "main", N_("price basis"), N_("flow or stock"), N_("change"), "lead",
    "due", "for", "verb", N_("direction"), "from", N_("stretch (力争)"), "show"};

/* The location of the attribute with this bit. */
static Loc attr_loc(const Attrs *a, unsigned bit) {
  switch (bit) {
  case ATTR_DECIMALS: return a->decimals.loc;
  case ATTR_CATEGORY: return a->category.loc;
  case ATTR_MAIN: return a->main.loc;
  case ATTR_BASIS: return a->basis.w.loc;
  case ATTR_FLOW: return a->flow.w.loc;
  case ATTR_CHANGE: return a->change->loc;
  case ATTR_LEAD: return a->lead.loc;
  case ATTR_DUE: return a->due->loc;
  case ATTR_FOR: return a->target.loc;
  case ATTR_DIRECTION: return a->direction.w.loc;
  case ATTR_FROM: return a->from.loc;
  case ATTR_STRETCH: return a->stretch ? a->stretch->loc : a->stretch_change->loc;
  case ATTR_SHOW: return a->show.loc;
  default: return a->verb.loc;
  }
}

/* Complain about each attribute that this kind of line does not take. */
static void attrs_allow(Parser *P, const Attrs *a, unsigned allowed, const char *where) {
  for (unsigned i = 0; a && i < sizeof attr_names / sizeof *attr_names; i++) {
    unsigned bit = 1u << i;
    if ((a->has & bit) && !(allowed & bit))
      front_error(P, "P005", attr_loc(a, bit), "%s does not take a %s attribute", diag_tr(where),
                  diag_tr(attr_names[i]));
  }
}

void build_header(Parser *P, const Loc *loc, ItemKind kind, Word keyword, Word value) {
  Item *it = stmt(P, kind, loc, keyword);
  if (kind == IT_YEAR || kind == IT_BASE) it->u.year.num = value;
  else it->u.str.text = value;
}

void build_date(Parser *P, const Loc *loc, Word keyword, const Date *date) {
  stmt(P, IT_DATE, loc, keyword)->u.date = *date;
}

void build_import(Parser *P, const Loc *loc, Word keyword, Word path, Word alias) {
  Item *it = stmt(P, IT_IMPORT, loc, keyword);
  it->u.import.path = path;
  it->u.import.alias = alias;
  if (P->plan->last_import) P->plan->last_import->u.import.next = it;
  else P->plan->imports = it;
  P->plan->last_import = it;
}

void build_unit(Parser *P, const Loc *loc, Word keyword, Word name, const Quantity *def) {
  Item *it = stmt(P, IT_UNIT, loc, keyword);
  it->u.unit.name = name;
  if (def) it->u.unit.def = *def;
}

void build_indicator(Parser *P, const Loc *loc, Word keyword, Word id, Word name,
                     Quantity unit, const Attrs *attrs, Expr *formula) {
  Item *it = stmt(P, IT_INDICATOR, loc, keyword);
  it->u.ind.id = id;
  it->u.ind.name = name;
  it->u.ind.unit = unit;
  it->u.ind.attrs = ast_attrs(attrs);
  it->u.ind.formula = formula;
  attrs_allow(P, attrs, ATTR_DECIMALS | ATTR_CATEGORY | ATTR_MAIN | ATTR_BASIS | ATTR_FLOW |
                            ATTR_VERB | ATTR_DIRECTION | ATTR_SHOW, N_("an indicator"));
  P->indicator = it;
}

void build_value(Parser *P, const Loc *loc, Word period, Keyword status, Given given,
                 const Attrs *attrs) {
  /* what each form of value may carry besides its figure */
  static const unsigned allowed[] = {
      [VF_BOUND] = ATTR_BASIS | ATTR_FLOW | ATTR_CHANGE | ATTR_VERB,
      [VF_CHANGE] = ATTR_BASIS | ATTR_FLOW | ATTR_VERB,
      [VF_FORMULA] = ATTR_BASIS | ATTR_FLOW,
      [VF_QUALITATIVE] = ATTR_VERB};
  Item *it = stmt(P, IT_VALUE, loc, period);
  it->u.value.period = period;
  it->u.value.status_word = status.w;
  it->u.value.status = (ValueStatus)status.code;
  it->u.value.form = given.form;
  if (given.form == VF_CHANGE) it->u.value.change = given.change;
  else it->u.value.bound = given.bound;
  it->u.value.expr = given.expr;
  it->u.value.text = given.text;
  it->u.value.attrs = ast_attrs(attrs);
  attrs_allow(P, attrs, allowed[given.form],
              given.form == VF_QUALITATIVE ? N_("a qualitative value") : N_("a value"));
  attach(P, it, P->indicator, "P002", N_("a value line"), N_("an 'indicator' line"));
}

void build_target(Parser *P, const Loc *loc, Word keyword, Ref ind, Word period, Keyword kind,
                  Given given, const Attrs *attrs) {
  Item *it = stmt(P, IT_TARGET, loc, keyword);
  it->u.target.ind = ind;
  it->u.target.period = period;
  it->u.target.kind = kind;
  it->u.target.form = given.form;
  if (given.form == VF_CHANGE) {
    it->u.target.change = given.change;
  } else if (given.form == VF_RELATION || given.form == VF_QUALITATIVE) {
    TargetOther *o = arena_alloc(P->arena, sizeof *o);
    *o = (TargetOther){.text = given.text, .with = given.with, .sync = given.sync};
    it->u.target.other = o;
  } else {
    it->u.target.bound = given.bound;
  }
  it->u.target.attrs = ast_attrs(attrs);
  static const unsigned allowed[] = {
      [VF_BOUND] = ATTR_BASIS | ATTR_FLOW | ATTR_FROM | ATTR_STRETCH | ATTR_DIRECTION,
      [VF_CHANGE] = ATTR_BASIS | ATTR_FROM | ATTR_STRETCH | ATTR_DIRECTION,
      [VF_RELATION] = ATTR_BASIS,
      [VF_QUALITATIVE] = 0};
  attrs_allow(P, attrs, allowed[given.form],
              given.form == VF_QUALITATIVE ? N_("a qualitative target") : N_("a target"));
}

void build_tolerance(Parser *P, const Loc *loc, Word keyword, Quantity q) {
  stmt(P, IT_TOLERANCE, loc, keyword)->u.tol.q = q;
}

void build_claim(Parser *P, const Loc *loc, Word keyword, Word id, Word label, Word period,
                 Expr *expr, const Bound *stated) {
  Item *it = stmt(P, IT_CLAIM, loc, keyword);
  it->u.claim.id = id;
  it->u.claim.label = label;
  it->u.claim.period = period;
  it->u.claim.expr = expr;
  it->u.claim.stated = stated;
}

void build_part(Parser *P, const Loc *loc, Word keyword, Word kind, Word title) {
  Item *it = stmt(P, IT_PART, loc, keyword);
  it->u.part.kind = kind;
  it->u.part.title = title;
  it->u.part.code = PART_PLAIN;
  if (kind.text) {
    const char *known;
    int code = words_part_kind(kind.text, &known);
    if (code < 0)
      front_error(P, "P008", kind.loc, "unknown kind of part '%s' (known: %s)", kind.text,
                  known);
    else
      it->u.part.code = (PartKind)code;
  }
  P->section = NULL;
}

void build_section(Parser *P, const Loc *loc, Word keyword, Word title) {
  P->section = stmt(P, IT_SECTION, loc, keyword);
  P->section->u.str.text = title;
}

void build_para(Parser *P, const Loc *loc, Word keyword, Word lead) {
  Item *it = stmt(P, IT_PARA, loc, keyword);
  it->u.para.title = lead;
  it->parent = P->section;
  P->holder = it;
}

void build_text(Parser *P, const Loc *loc, Word bar, Pieces pieces) {
  Item *it = stmt(P, IT_TEXT, loc, bar);
  it->u.text.parts = pieces.head;
  attach(P, it, P->holder, "P003", N_("a text line"), N_("a 'para' or 'task' line"));
}

void build_task(Parser *P, const Loc *loc, Word keyword, Word title, const Attrs *attrs) {
  Item *it = stmt(P, IT_TASK, loc, keyword);
  it->u.task.title = title;
  it->u.task.attrs = ast_attrs(attrs);
  attrs_allow(P, attrs, ATTR_LEAD | ATTR_DUE, N_("a task"));
  it->parent = P->section;
  P->holder = P->task = it;
}

void build_commit(Parser *P, const Loc *loc, Word keyword, Word id, Word what, Given given,
                  const Attrs *attrs) {
  Item *it = stmt(P, IT_COMMIT, loc, keyword);
  it->u.commit.id = id;
  it->u.commit.desc = what;
  it->u.commit.form = given.form;
  if (given.form == VF_CHANGE) it->u.commit.change = given.change;
  else it->u.commit.bound = given.bound;
  it->u.commit.attrs = ast_attrs(attrs);
  attrs_allow(P, attrs, ATTR_FOR | ATTR_LEAD | ATTR_DUE, N_("a commitment"));
  attach(P, it, P->task, "P004", N_("a commitment"), N_("a 'task' line"));
}

Quantity build_quantity(Word num, Word unit, const Loc *loc) {
  return (Quantity){num, unit, *loc};
}

Word build_unit_ratio(Parser *P, const Loc *loc, Word over, Word under) {
  size_t a = strlen(over.text), b = strlen(under.text);
  char *t = arena_alloc(P->arena, a + b + 2);
  memcpy(t, over.text, a);
  t[a] = '/';
  memcpy(t + a + 1, under.text, b + 1);
  return (Word){names_intern(P->names, t, a + b + 1), *loc};
}

/* Whether a relation says "more" (+1), "less" (-1) or neither (0). */
static int rel_direction(Relation r) {
  switch (r) {
  case REL_ATLEAST: case REL_OVER: return 1;
  case REL_ATMOST: case REL_UNDER: case REL_NEAR: return -1;
  default: return 0;
  }
}

/* A figure and the relation words around it (either may be absent: its text is NULL). With
   words on both sides (超过 100 以上) the one before counts, unless it says "exactly";
   words pointing opposite ways are an error. */
Bound *build_bound(Parser *P, const Loc *loc, Keyword prefix, Quantity q, Keyword suffix) {
  Relation a = prefix.w.text ? (Relation)prefix.code : REL_EXACT;
  Relation b = suffix.w.text ? (Relation)suffix.code : REL_EXACT;
  if (rel_direction(a) * rel_direction(b) < 0)
    front_error(P, "P007", suffix.w.loc, "'%s' contradicts '%s' before the figure",
                suffix.w.text, prefix.w.text);
  Bound *bd = arena_alloc(P->arena, sizeof *bd);
  *bd = (Bound){.rel = a == REL_EXACT ? b : a, .prefix = prefix.w, .q = q, .suffix = suffix.w,
                .loc = *loc};
  bd->ceiling = a == REL_ATMOST || a == REL_UNDER || b == REL_ATMOST || b == REL_UNDER;
  if (a == REL_ATMOST && b == REL_ABOUT) bd->rel = REL_ABOUT; /* 控制在3%左右: about a ceiling */
  return bd;
}

Bound *build_range(Parser *P, const Loc *loc, Quantity lo, Word sep, Quantity hi) {
  Bound *b = arena_alloc(P->arena, sizeof *b);
  RangeTop *top = arena_alloc(P->arena, sizeof *top);
  *top = (RangeTop){.q = hi, .sep = sep};
  *b = (Bound){.rel = REL_RANGE, .q = lo, .top = top, .loc = *loc};
  return b;
}

Change *build_change(Parser *P, const Loc *loc, Word yoy, Keyword dir, const Bound *by) {
  Change *c = arena_alloc(P->arena, sizeof *c);
  static const Bound none; /* 持平, 翻番: no figure */
  *c = (Change){.dir = (ChangeDir)dir.code, .yoy = yoy, .word = dir.w, .by = by ? by : &none,
                .loc = *loc};
  return c;
}

Date *build_ymd(Parser *P, const Loc *loc, Word year, Word month, Word day) {
  Date *d = arena_alloc(P->arena, sizeof *d);
  *d = (Date){.year = year, .month = month, .day = day, .loc = *loc};
  return d;
}

Date *build_date_string(Parser *P, const Loc *loc, Word text) {
  Date *d = arena_alloc(P->arena, sizeof *d);
  *d = (Date){.str = text, .loc = *loc};
  return d;
}

Attrs *build_attr(Parser *P, Attrs one) {
  Attrs *a = arena_alloc(P->arena, sizeof *a);
  *a = one;
  return a;
}

/* Add one attribute to a line's set; an attribute written twice is an error. */
Attrs *build_attrs(Parser *P, Attrs *acc, Attrs *one) {
  if (!acc) return one;
  unsigned bit = one->has;
  if (acc->has & bit) {
    unsigned i = 0;
    while (!(bit & (1u << i))) i++;
    front_error(P, "P006", attr_loc(one, bit), "%s is given twice on this line",
                diag_tr(attr_names[i]));
    return acc;
  }
  acc->has |= bit;
  switch (bit) {
  case ATTR_DECIMALS: acc->decimals = one->decimals; break;
  case ATTR_CATEGORY: acc->category = one->category; break;
  case ATTR_MAIN: acc->main = one->main; break;
  case ATTR_BASIS: acc->basis = one->basis; break;
  case ATTR_FLOW: acc->flow = one->flow; break;
  case ATTR_CHANGE: acc->change = one->change; break;
  case ATTR_LEAD: acc->lead = one->lead; break;
  case ATTR_DUE: acc->due = one->due; break;
  case ATTR_FOR: acc->target = one->target; break;
  case ATTR_VERB: acc->verb = one->verb; break;
  case ATTR_DIRECTION: acc->direction = one->direction; break;
  case ATTR_FROM: acc->from = one->from; break;
  case ATTR_SHOW: acc->show = one->show; break;
  case ATTR_STRETCH:
    acc->stretch = one->stretch;
    acc->stretch_change = one->stretch_change;
    break;
  default: break;
  }
  acc->loc.last_line = one->loc.last_line;
  acc->loc.last_column = one->loc.last_column;
  return acc;
}

Ref build_ref(const Loc *loc, Word ns, Word name) {
  return (Ref){.ns = ns, .name = name, .loc = *loc};
}

Expr *build_expr(Parser *P, ExprKind kind, const Loc *loc, Expr *a, Expr *b) {
  Expr *e = arena_alloc(P->arena, sizeof *e);
  e->kind = kind;
  e->loc = *loc;
  e->a = a;
  e->b = b;
  int da = a ? a->depth : 0, db = b ? b->depth : 0;
  e->depth = 1 + (da > db ? da : db);
  return e;
}

Expr *build_number(Parser *P, const Loc *loc, Quantity q) {
  Expr *e = build_expr(P, EX_NUM, loc, NULL, NULL);
  e->num = q;
  return e;
}

Expr *build_name(Parser *P, const Loc *loc, Ref ref, const Word *period) {
  Expr *e = build_expr(P, period ? EX_AT : EX_REF, loc, NULL, NULL);
  e->ref = ref;
  if (period) e->period = *period;
  return e;
}

Expr *build_call(Parser *P, const Loc *loc, Word fn, Args args) {
  Expr *e = build_expr(P, EX_CALL, loc, NULL, NULL);
  e->fn = fn;
  e->args = args.v;
  e->nargs = args.n;
  for (int i = 0; i < args.n; i++)
    if (args.v[i]->depth >= e->depth) e->depth = args.v[i]->depth + 1;
  return e;
}

Args build_arg(Parser *P, Args args, Expr *e) {
  if (args.n == args.cap) {
    int cap = args.cap ? 2 * args.cap : 4;
    args.v = arena_grow(P->arena, args.v, (size_t)args.n * sizeof *args.v,
                        (size_t)cap * sizeof *args.v);
    args.cap = cap;
  }
  args.v[args.n++] = e;
  return args;
}

Pieces build_piece(Parser *P, Pieces pieces, Word text, Expr *expr, const Loc *open,
                   const Loc *close) {
  TextPart *t = arena_alloc(P->arena, sizeof *t);
  t->text = text;
  t->expr = expr;
  if (expr)
    t->text.loc = (Loc){open->first_line, open->first_column, close->last_line,
                        close->last_column};
  if (pieces.tail) pieces.tail->next = t;
  else pieces.head = t;
  pieces.tail = t;
  return pieces;
}

/* The next word of s[*i..n): up to a space, a tab or one of stop; its length. */
static size_t failed_word(const char *s, size_t n, size_t *i, const char *stop) {
  while (*i < n && (s[*i] == ' ' || s[*i] == '\t')) (*i)++;
  size_t from = *i;
  while (*i < n && s[*i] != ' ' && s[*i] != '\t' && !strchr(stop, s[*i])) (*i)++;
  return *i - from;
}

/* Remember the n bytes at name as a name a skipped line was about. */
static void failed_add(Parser *P, const char *name, size_t n) {
  if (n == 0) return;
  if (!P->plan->failed) P->plan->failed = table_new(P->arena);
  table_put(P->plan->failed, names_intern(P->names, name, n), (void *)1);
}

void build_failed_line(Parser *P, int line) {
  size_t n, i = 0;
  const char *s = source_line(P->src, line, &n);
  if (!s) return;
  size_t k = failed_word(s, n, &i, "");
  const char *w = s + i - k;
  if (k == 9 && memcmp(w, "indicator", 9) == 0) {
    size_t m = failed_word(s, n, &i, "\"=");
    failed_add(P, s + i - m, m);
    P->indicator = NULL; /* its values must not become the previous indicator's */
  } else if (k == 4 && memcmp(w, "unit", 4) == 0) {
    size_t m = failed_word(s, n, &i, "=");
    failed_add(P, s + i - m, m);
  } else if (k > 0 && w[0] >= '0' && w[0] <= '9' && P->indicator) {
    Word id = P->indicator->u.ind.id; /* a value line: its indicator lacks a value */
    if (id.text) failed_add(P, id.text, strlen(id.text));
  } else if ((k == 4 && memcmp(w, "task", 4) == 0) || (k == 4 && memcmp(w, "para", 4) == 0)) {
    P->holder = NULL;
    P->task = NULL;
  }
}

int build_failed(const Plan *p, const char *name) {
  return p && p->failed && name && table_get(p->failed, name) != NULL;
}
