# plc — the plan compiler. `make`, `make check`, `make clean`, `make install PREFIX=...`.
# Generated scanner and parser sources go to $(BUILD), never into git.

VERSION  = 0.1.0
BUILD   ?= build
PREFIX  ?= /usr/local
CC      ?= cc
FLEX    ?= flex
BISON   ?= bison
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
PKGS     = libutf8proc xlsxwriter
CPPFLAGS_ALL = -std=c11 -D_GNU_SOURCE -DPLC_VERSION='"$(VERSION)"' \
               -I. -Icompiler -I$(BUILD) $(shell pkg-config --cflags $(PKGS)) $(CPPFLAGS)
LIBS     = $(shell pkg-config --libs $(PKGS)) -lgmp
CHECK_LIBS = $(shell pkg-config --libs check)

# The layers, bottom up (docs/architecture.md): each folder may include its own headers
# and those of the folders before it, never those after it.
RUNTIME  = runtime/mem.c runtime/buf.c runtime/arena.c runtime/table.c runtime/names.c \
           runtime/json.c runtime/utf8.c runtime/decimal.c runtime/units.c runtime/period.c
SYNTAX   = compiler/syntax/source.c compiler/syntax/diag.c compiler/syntax/words.c \
           compiler/syntax/ast.c compiler/syntax/build.c compiler/syntax/front.c
MODEL    = compiler/model/model.c compiler/model/check.c compiler/model/bind.c compiler/model/eval.c \
           compiler/model/load.c
EMIT     = compiler/emit/render.c compiler/emit/textsink.c compiler/emit/report.c compiler/emit/output.c \
           compiler/emit/xlformula.c compiler/emit/workbook.c compiler/emit/jsonmodel.c
GEN      = $(BUILD)/parser.tab.c $(BUILD)/lexer.c
LIB_OBJ  = $(patsubst %.c,$(BUILD)/%.o,$(RUNTIME) $(SYNTAX) $(MODEL) $(EMIT)) \
           $(BUILD)/parser.tab.o $(BUILD)/lexer.o
TESTS    = tests/unit/test_main.c tests/unit/test_lexer.c tests/unit/test_parser.c \
           tests/unit/test_diag.c tests/unit/test_model.c tests/unit/test_load.c \
           tests/unit/test_render.c
TEST_OBJ = $(patsubst %.c,$(BUILD)/%.o,$(TESTS))

all: $(BUILD)/plc

$(BUILD)/plc: $(BUILD)/compiler/cmd/main.o $(BUILD)/libplc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/libplc.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/parser.tab.c $(BUILD)/parser.tab.h: grammar/parser.y
	@mkdir -p $(BUILD)
	$(BISON) -Wall -Werror --defines=$(BUILD)/parser.tab.h -o $(BUILD)/parser.tab.c $<

$(BUILD)/lexer.c $(BUILD)/lexer.h: grammar/lexer.l
	@mkdir -p $(BUILD)
	$(FLEX) --header-file=$(BUILD)/lexer.h -o $(BUILD)/lexer.c $<

# generated code is compiled with the same warnings, minus the two flex and bison trip
$(BUILD)/parser.tab.o $(BUILD)/lexer.o: %.o: %.c $(BUILD)/parser.tab.h $(BUILD)/lexer.h
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS) $(WARN) -Wno-sign-compare -Wno-unused-function \
	      -Wno-missing-prototypes -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.c | $(BUILD)/parser.tab.h $(BUILD)/lexer.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS) $(WARN) -MMD -MP -c -o $@ $<

$(BUILD)/tests/unit/plc_tests: $(TEST_OBJ) $(BUILD)/libplc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(LIBS)

# Every test: Check units, golden diagnostics and examples; then the same again under
# ASan + UBSan; then a clang build with the same warnings (when clang is installed).
check: check-build check-asan check-clang check-valgrind

# The layering rules, one grep each: a rule broken is a line printed and a failed check.
check-layers: $(LIB_OBJ)
	@sh tests/layers.sh $(LIB_OBJ)

check-build: check-layers $(BUILD)/plc $(BUILD)/tests/unit/plc_tests
	CK_FORK=yes $(BUILD)/tests/unit/plc_tests
	sh tests/golden.sh $(BUILD)/plc
	sh tests/examples.sh $(BUILD)/plc
	sh tests/outputs.sh $(BUILD)/plc
	sh tests/xlsx.sh $(BUILD)/plc
	sh tests/wide.sh $(BUILD)/plc
	sh tests/verdicts.sh $(BUILD)/plc

check-asan:
	$(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" check-build

check-clang:
	@if command -v clang >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory BUILD=$(BUILD)/clang CC=clang all; \
	else echo "check-clang: clang is not installed, skipped"; fi

# plc under valgrind over every plan and bad input: no invalid access, no leak.
check-valgrind: $(BUILD)/plc
	@if command -v valgrind >/dev/null 2>&1; then \
	  n=0; for f in plans/*.fp tests/golden/*.fp tests/diag/*.fp; do \
	    valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	      --error-exitcode=99 $(BUILD)/plc --emit json "$$f" >/dev/null 2>&1; \
	    if [ $$? -eq 99 ]; then echo "valgrind: errors on $$f"; exit 1; fi; n=$$((n+1)); \
	  done; mkdir -p $(BUILD)/vg; for f in plans/*.fp; do \
	    valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	      --error-exitcode=99 $(BUILD)/plc -o $(BUILD)/vg "$$f" >/dev/null 2>&1; \
	    if [ $$? -eq 99 ]; then echo "valgrind: errors compiling $$f"; exit 1; fi; n=$$((n+1)); \
	  done; echo "valgrind: $$n runs clean"; \
	else echo "check-valgrind: valgrind is not installed, skipped"; fi

# Fuzz the whole front end and checker with libFuzzer (clang) for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz:
	$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=clang \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" $(BUILD)/fuzz/libplc.a
	clang -O1 -g -fsanitize=fuzzer,address,undefined $(CPPFLAGS_ALL) \
	  -o $(BUILD)/fuzz/fuzz_plan tests/fuzz/fuzz_plan.c $(BUILD)/fuzz/libplc.a $(LIBS)
	mkdir -p $(BUILD)/fuzz/corpus
	cp plans/*.fp tests/golden/*.fp tests/diag/*.fp $(BUILD)/fuzz/corpus/
	$(BUILD)/fuzz/fuzz_plan -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	  -timeout=5 $(BUILD)/fuzz/corpus

# Timings, never a test: the flagship plan and a generated one (BENCH_N indicators).
bench: $(BUILD)/plc $(BUILD)/bench_scan
	sh scripts/bench.sh $(BUILD)/plc $(BUILD)/bench_scan

$(BUILD)/bench_scan: $(BUILD)/tests/bench/scan.o $(BUILD)/libplc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# Refresh the expected outputs of the golden tests, deliberately.
golden: $(BUILD)/plc
	sh tests/golden.sh $(BUILD)/plc --update

install: $(BUILD)/plc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/plc $(DESTDIR)$(PREFIX)/bin/plc
	install -m 644 docs/plc.1 $(DESTDIR)$(PREFIX)/share/man/man1/plc.1

clean:
	rm -rf $(BUILD)

.PHONY: all check check-layers check-build check-asan check-clang check-valgrind fuzz bench golden install clean

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
