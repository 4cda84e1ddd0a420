/* test_parser.c: each construct of the language, and the parser's recovery. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* Parse text, expecting no diagnostic. */
static Parsed *parse_ok(const char *text) {
  Parsed *p = parse_text(text);
  if (p->diags.n) {
    char *d = diags_text(p);
    ck_abort_msg("unexpected diagnostics:\n%s", d);
  }
  return p;
}

START_TEST(header) {
  Parsed *p = parse_ok("title \"福田区2024年计划（草案）\"\nregion \"福田区\"\nyear 2024\n"
                       "base 2023\ndate 2024-01\nstatus 草案\n");
  ck_assert_int_eq(p->plan->nitems, 6);
  ck_assert_int_eq(nth_item(p, 0)->kind, IT_TITLE);
  ck_assert_str_eq(nth_item(p, 0)->u.str.text.text, "福田区2024年计划（草案）");
  ck_assert_str_eq(nth_item(p, 2)->u.year.num.text, "2024");
  ck_assert_str_eq(nth_item(p, 4)->u.date.month.text, "01");
  ck_assert_str_eq(nth_item(p, 5)->u.str.text.text, "草案");
  parsed_free(p);
}
END_TEST

START_TEST(import_and_units) {
  Parsed *p = parse_ok("import \"plan2023.fp\" as p2023\nunit 宗\nunit 公顷 = 10000 平方米\n");
  ck_assert_str_eq(nth_item(p, 0)->u.import.path.text, "plan2023.fp");
  ck_assert_str_eq(nth_item(p, 0)->u.import.alias.text, "p2023");
  ck_assert_ptr_null(nth_item(p, 1)->u.unit.def.num.text);
  ck_assert_str_eq(nth_item(p, 2)->u.unit.def.num.text, "10000");
  ck_assert_str_eq(nth_item(p, 2)->u.unit.def.unit.text, "平方米");
  parsed_free(p);
}
END_TEST

START_TEST(indicator_with_values) {
  Parsed *p = parse_ok("indicator gdp \"地区生产总值\" 亿元 decimals 2 category 主要指标 main 现价\n"
                       "  2023 actual 5704.55\n"
                       "  2024 plan = gdp[2023] * (1 + 5.5%)\n");
  Item *ind = nth_item(p, 0), *v1 = nth_item(p, 1), *v2 = nth_item(p, 2);
  ck_assert_int_eq(ind->kind, IT_INDICATOR);
  ck_assert_str_eq(ind->u.ind.unit.unit.text, "亿元");
  ck_assert_str_eq(ind->u.ind.attrs->decimals.text, "2");
  ck_assert_uint_eq(ind->u.ind.attrs->has,
                    ATTR_DECIMALS | ATTR_CATEGORY | ATTR_MAIN | ATTR_BASIS);
  ck_assert_ptr_eq(v1->parent, ind);
  ck_assert_int_eq(v1->u.value.status, ST_ACTUAL);
  ck_assert_str_eq(v1->u.value.bound->q.num.text, "5704.55");
  ck_assert_int_eq(v2->u.value.form, VF_FORMULA);
  ck_assert_int_eq(v2->u.value.expr->kind, EX_MUL);
  ck_assert_int_eq(v2->u.value.expr->a->kind, EX_AT);
  ck_assert_str_eq(v2->u.value.expr->a->period.text, "2023");
  parsed_free(p);
}
END_TEST

START_TEST(indicator_formula) {
  Parsed *p = parse_ok("indicator 占比 \"现代服务业占比\" % decimals 1 = share(现代服务业, gdp)\n");
  Expr *f = nth_item(p, 0)->u.ind.formula;
  ck_assert_int_eq(f->kind, EX_CALL);
  ck_assert_str_eq(f->fn.text, "share");
  ck_assert_int_eq(f->nargs, 2);
  parsed_free(p);
}
END_TEST

START_TEST(value_forms) {
  Parsed *p = parse_ok("indicator x\n"
                       "  2023 estimate 约208亿元\n"
                       "  2023 actual 下降 4.0% 左右\n"
                       "  2023 actual \"完成市下达目标\"\n"
                       "  2023 actual 2.4亿人次 同比增长 45%\n"
                       "  2023 actual 超1300亿元 累计\n");
  Item *v = nth_item(p, 1);
  ck_assert_int_eq(v->u.value.status, ST_ESTIMATE);
  ck_assert_int_eq(v->u.value.bound->rel, REL_ABOUT);
  ck_assert_str_eq(v->u.value.bound->prefix.text, "约");
  v = nth_item(p, 2);
  ck_assert_int_eq(v->u.value.form, VF_CHANGE);
  ck_assert_int_eq(v->u.value.change->dir, CHG_DOWN);
  ck_assert_int_eq(v->u.value.change->by->rel, REL_ABOUT);
  v = nth_item(p, 3);
  ck_assert_int_eq(v->u.value.form, VF_QUALITATIVE);
  v = nth_item(p, 4);
  ck_assert(v->u.value.attrs->has & ATTR_CHANGE);
  ck_assert_ptr_nonnull(v->u.value.attrs->change->yoy.text);
  ck_assert_str_eq(v->u.value.attrs->change->by->q.num.text, "45");
  v = nth_item(p, 5);
  ck_assert_int_eq(v->u.value.bound->rel, REL_OVER);
  ck_assert_str_eq(v->u.value.attrs->flow.w.text, "累计");
  ck_assert_int_eq(v->u.value.attrs->flow.code, FLOW_CUMULATIVE);
  parsed_free(p);
}
END_TEST

START_TEST(compound_unit) {
  Parsed *p = parse_ok("indicator 臭氧 \"臭氧浓度\" 微克/立方米\n  2023 actual 126 微克/立方米\n");
  ck_assert_str_eq(nth_item(p, 0)->u.ind.unit.unit.text, "微克/立方米");
  ck_assert_str_eq(nth_item(p, 1)->u.value.bound->q.unit.text, "微克/立方米");
  parsed_free(p);
}
END_TEST

START_TEST(target_relations) {
  Parsed *p = parse_ok("target gdp 2024 expected 增长 5.5% 左右 可比价\n"
                       "target 进出口 2024 预期性 持平\n"
                       "target 用地 2024 约束性 下降 3.5%\n"
                       "target 水耗 2024 binding \"完成市下达目标\"\n"
                       "target 载体 2024 expected 385 家 以上\n"
                       "target 率 2024 expected 提高 2 个百分点\n"
                       "target p.x 2024 expected 至多 10 个\n");
  Item *t = nth_item(p, 0);
  ck_assert_int_eq(t->u.target.form, VF_CHANGE);
  ck_assert_int_eq(t->u.target.change->dir, CHG_UP);
  ck_assert_int_eq(t->u.target.change->by->rel, REL_ABOUT);
  ck_assert_str_eq(t->u.target.kind.w.text, "expected");
  ck_assert_int_eq(t->u.target.kind.code, TK_EXPECTED);
  ck_assert_int_eq(nth_item(p, 2)->u.target.kind.code, TK_BINDING);
  ck_assert_str_eq(t->u.target.attrs->basis.w.text, "可比价");
  ck_assert_int_eq(t->u.target.attrs->basis.code, BASIS_COMPARABLE);
  ck_assert_int_eq(nth_item(p, 1)->u.target.change->dir, CHG_FLAT);
  ck_assert_int_eq(nth_item(p, 3)->u.target.form, VF_QUALITATIVE);
  ck_assert_int_eq(nth_item(p, 4)->u.target.bound->rel, REL_ATLEAST);
  ck_assert_str_eq(nth_item(p, 5)->u.target.change->by->q.unit.text, "个百分点");
  ck_assert_str_eq(nth_item(p, 6)->u.target.ind.ns.text, "p");
  ck_assert_int_eq(nth_item(p, 6)->u.target.bound->rel, REL_ATMOST);
  parsed_free(p);
}
END_TEST

START_TEST(claim) {
  Parsed *p = parse_ok("claim \"企业占比\" 2023 企业 / 商事主体 = 71%\n"
                       "claim 2023 growth(外资) = 81.5%\n"
                       "claim 战新占比 \"占GDP比重\" 2023 战新 / gdp = 约18%\n");
  ck_assert_str_eq(nth_item(p, 2)->u.claim.id.text, "战新占比");
  ck_assert_int_eq(nth_item(p, 2)->u.claim.stated->rel, REL_ABOUT);
  Item *c = nth_item(p, 0);
  ck_assert_str_eq(c->u.claim.label.text, "企业占比");
  ck_assert_int_eq(c->u.claim.expr->kind, EX_DIV);
  ck_assert_str_eq(c->u.claim.stated->q.unit.text, "%");
  ck_assert_ptr_null(nth_item(p, 1)->u.claim.label.text);
  parsed_free(p);
}
END_TEST

START_TEST(prose_structure) {
  Parsed *p = parse_ok("part review \"执行情况\"\nsection \"经济发展\"\npara \"消费活力\"\n"
                       "  | 客流量达{客流量[2023]}，\n  | 同比增长{growth(客流量)}。\n");
  Item *sec = nth_item(p, 1), *para = nth_item(p, 2), *t1 = nth_item(p, 3);
  ck_assert_str_eq(nth_item(p, 0)->u.part.kind.text, "review");
  ck_assert_ptr_eq(para->parent, sec);
  ck_assert_ptr_eq(t1->parent, para);
  ck_assert_ptr_eq(nth_item(p, 4)->parent, para);
  TextPart *tp = t1->u.text.parts;
  ck_assert_str_eq(tp->text.text, "客流量达");
  ck_assert_ptr_nonnull(tp->next->expr);
  ck_assert_str_eq(tp->next->next->text.text, "，");
  parsed_free(p);
}
END_TEST

START_TEST(tasks_and_commitments) {
  Parsed *p = parse_ok("section \"战略平台\"\n"
                       "task \"都市型科创区\" lead \"区科技创新局\" due 2024-12\n"
                       "  | 实现增加值{c1}。\n"
                       "  commit c1 \"战略性新兴产业增加值\" 超过1100亿元 for 战新\n"
                       "  commit \"孵化载体\" 1—2个\n"
                       "  commit \"保障性住房\" 6000套以上\n"
                       "  commit \"就业率\" 90%以上 due \"2024年底\"\n");
  Item *task = nth_item(p, 1);
  ck_assert_str_eq(task->u.task.attrs->lead.text, "区科技创新局");
  ck_assert_str_eq(task->u.task.attrs->due->month.text, "12");
  Item *c1 = nth_item(p, 3);
  ck_assert_ptr_eq(c1->parent, task);
  ck_assert_str_eq(c1->u.commit.id.text, "c1");
  ck_assert_int_eq(c1->u.commit.bound->rel, REL_OVER);
  ck_assert_str_eq(c1->u.commit.attrs->target.name.text, "战新");
  Item *c2 = nth_item(p, 4);
  ck_assert_int_eq(c2->u.commit.bound->rel, REL_RANGE);
  ck_assert_str_eq(c2->u.commit.bound->top->q.num.text, "2");
  ck_assert_str_eq(c2->u.commit.bound->top->q.unit.text, "个");
  ck_assert_int_eq(nth_item(p, 5)->u.commit.bound->rel, REL_ATLEAST);
  ck_assert_str_eq(nth_item(p, 6)->u.commit.attrs->due->str.text, "2024年底");
  parsed_free(p);
}
END_TEST

START_TEST(expression_precedence) {
  Parsed *p = parse_ok("claim 2023 -a + b * c / 2 = 1\n");
  Expr *e = nth_item(p, 0)->u.claim.expr;
  ck_assert_int_eq(e->kind, EX_ADD);
  ck_assert_int_eq(e->a->kind, EX_NEG);
  ck_assert_int_eq(e->b->kind, EX_DIV);
  ck_assert_int_eq(e->b->a->kind, EX_MUL);
  parsed_free(p);
}
END_TEST

START_TEST(file_without_final_newline) {
  Parsed *p = parse_ok("year 2024");
  ck_assert_int_eq(p->plan->nitems, 1);
  parsed_free(p);
}
END_TEST

START_TEST(item_locations) {
  Parsed *p = parse_ok("\n\nindicator 地区生产总值 亿元\n");
  Item *it = nth_item(p, 0);
  ck_assert_int_eq(it->loc.first_line, 3);
  ck_assert_int_eq(it->u.ind.id.loc.first_column, 11);
  ck_assert_int_eq(it->u.ind.unit.loc.first_column, 18);
  parsed_free(p);
}
END_TEST

/* Recovery: each bad line is one diagnostic, and the lines after it still parse. */
START_TEST(recovers_after_a_bad_line) {
  Parsed *p = parse_text("year\nregion \"福田区\"\nindicator\nyear 2024\n");
  ck_assert_int_eq(p->diags.errors, 2);
  ck_assert_int_eq(p->diags.v[0].loc.first_line, 1);
  ck_assert_int_eq(p->diags.v[1].loc.first_line, 3);
  ck_assert_int_eq(p->plan->nitems, 2);
  ck_assert_str_eq(p->diags.v[0].code, "P001");
  ck_assert_ptr_nonnull(strstr(p->diags.v[0].msg, "expected number"));
  parsed_free(p);
}
END_TEST

START_TEST(three_errors_three_lines) {
  Parsed *p = parse_text("title \"abc\nyear 2024\nregion \xff\n\n@@@\n");
  ck_assert_int_eq(p->diags.errors, 3);
  ck_assert_int_eq(p->diags.v[0].loc.first_line, 1);
  ck_assert_int_eq(p->diags.v[1].loc.first_line, 3);
  ck_assert_int_eq(p->diags.v[2].loc.first_line, 5);
  ck_assert_str_eq(p->diags.v[0].code, "L002");
  ck_assert_str_eq(p->diags.v[1].code, "L001");
  ck_assert_str_eq(p->diags.v[2].code, "L003");
  parsed_free(p);
}
END_TEST

START_TEST(value_without_indicator) {
  Parsed *p = parse_text("2023 actual 5\n");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_str_eq(p->diags.v[0].code, "P002");
  parsed_free(p);
}
END_TEST

START_TEST(value_after_another_statement) {
  Parsed *p = parse_text("indicator x\ntarget x 2024 expected 5\n2023 actual 5\n");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_str_eq(p->diags.v[0].code, "P002");
  parsed_free(p);
}
END_TEST

START_TEST(value_after_a_bad_value_still_attaches) {
  Parsed *p = parse_text("indicator x\n2023 actual ?\n2024 plan 5\n");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_ptr_eq(nth_item(p, 1)->parent, nth_item(p, 0));
  parsed_free(p);
}
END_TEST

START_TEST(text_without_para) {
  Parsed *p = parse_text("section \"x\"\n| 文字\n");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_str_eq(p->diags.v[0].code, "P003");
  parsed_free(p);
}
END_TEST

START_TEST(commit_without_task) {
  Parsed *p = parse_text("para\ncommit \"x\" 5 个\n");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_str_eq(p->diags.v[0].code, "P004");
  parsed_free(p);
}
END_TEST

START_TEST(attribute_not_allowed) {
  Parsed *p = parse_text("task \"x\" decimals 2\n");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_str_eq(p->diags.v[0].code, "P005");
  ck_assert_int_eq(p->diags.v[0].loc.first_column, 10);
  parsed_free(p);
}
END_TEST

START_TEST(attribute_twice) {
  Parsed *p = parse_text("indicator x 亿元 decimals 2 decimals 1\n");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_str_eq(p->diags.v[0].code, "P006");
  parsed_free(p);
}
END_TEST

START_TEST(contradicting_relation_words) {
  Parsed *p = parse_text("target x 2024 expected 超过 5 个 以下\n");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_str_eq(p->diags.v[0].code, "P007");
  parsed_free(p);
}
END_TEST

START_TEST(error_in_placeholder) {
  Parsed *p = parse_text("para\n| a{1 +}b\n| ok\n");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_int_eq(p->diags.v[0].loc.first_line, 2);
  ck_assert_ptr_eq(nth_item(p, 1)->parent, nth_item(p, 0));
  parsed_free(p);
}
END_TEST

START_TEST(one_error_per_line) {
  /* the unexpected character is reported; the parse error it causes on the line is not */
  Parsed *p = parse_text("year @ 2024 2025\n");
  ck_assert_int_eq(p->diags.errors, 1);
  parsed_free(p);
}
END_TEST

Suite *parser_suite(void) {
  Suite *s = suite_create("parser");
  TCase *tc = tcase_create("constructs");
  tcase_add_test(tc, header);
  tcase_add_test(tc, import_and_units);
  tcase_add_test(tc, indicator_with_values);
  tcase_add_test(tc, indicator_formula);
  tcase_add_test(tc, value_forms);
  tcase_add_test(tc, compound_unit);
  tcase_add_test(tc, target_relations);
  tcase_add_test(tc, claim);
  tcase_add_test(tc, prose_structure);
  tcase_add_test(tc, tasks_and_commitments);
  tcase_add_test(tc, expression_precedence);
  tcase_add_test(tc, file_without_final_newline);
  tcase_add_test(tc, item_locations);
  suite_add_tcase(s, tc);
  TCase *rc = tcase_create("recovery");
  tcase_add_test(rc, recovers_after_a_bad_line);
  tcase_add_test(rc, three_errors_three_lines);
  tcase_add_test(rc, value_without_indicator);
  tcase_add_test(rc, value_after_another_statement);
  tcase_add_test(rc, value_after_a_bad_value_still_attaches);
  tcase_add_test(rc, text_without_para);
  tcase_add_test(rc, commit_without_task);
  tcase_add_test(rc, attribute_not_allowed);
  tcase_add_test(rc, attribute_twice);
  tcase_add_test(rc, contradicting_relation_words);
  tcase_add_test(rc, error_in_placeholder);
  tcase_add_test(rc, one_error_per_line);
  suite_add_tcase(s, rc);
  return s;
}
