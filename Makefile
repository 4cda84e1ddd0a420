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
PKGS     = libutf8proc xlsxwriter libzip jansson
LOCALEDIR ?= $(PREFIX)/share/locale
LANGS    = zh_CN
MO       = $(patsubst %,$(BUILD)/locale/%/LC_MESSAGES/plc.mo,$(LANGS))
CPPFLAGS_ALL = -std=c11 -D_GNU_SOURCE -DPLC_VERSION='"$(VERSION)"' \
               -DPLC_LOCALEDIR='"$(LOCALEDIR)"' \
               -I. -Icompiler -I$(BUILD) $(shell pkg-config --cflags $(PKGS)) $(CPPFLAGS)
LIBS     = $(shell pkg-config --libs $(PKGS)) -lgmp
CHECK_LIBS = $(shell pkg-config --libs check)

# The layers, bottom up (docs/architecture.md): each folder may include its own headers
# and those of the folders before it, never those after it.
RUNTIME  = runtime/mem.c runtime/buf.c runtime/arena.c runtime/table.c runtime/names.c \
           runtime/json.c runtime/utf8.c runtime/decimal.c runtime/units.c runtime/period.c
SYNTAX   = compiler/syntax/source.c compiler/syntax/diag.c compiler/syntax/words.c \
           compiler/syntax/ast.c compiler/syntax/build.c compiler/syntax/front.c \
           compiler/syntax/fmt.c
MODEL    = compiler/model/model.c compiler/model/check.c compiler/model/bind.c compiler/model/eval.c \
           compiler/model/load.c
EMIT     = compiler/emit/render.c compiler/emit/textsink.c compiler/emit/report.c compiler/emit/output.c \
           compiler/emit/xlformula.c compiler/emit/workbook.c compiler/emit/jsonmodel.c \
           compiler/emit/docx.c compiler/emit/csv.c compiler/emit/diff.c compiler/emit/revsheet.c
GEN      = $(BUILD)/parser.tab.c $(BUILD)/lexer.c
LIB_SRC_ALL = $(RUNTIME) $(SYNTAX) $(MODEL) $(EMIT) grammar/parser.y grammar/lexer.l
LIB_OBJ  = $(patsubst %.c,$(BUILD)/%.o,$(RUNTIME) $(SYNTAX) $(MODEL) $(EMIT)) \
           $(BUILD)/parser.tab.o $(BUILD)/lexer.o
TESTS    = tests/unit/test_main.c tests/unit/test_lexer.c tests/unit/test_parser.c \
           tests/unit/test_diag.c tests/unit/test_model.c tests/unit/test_load.c \
           tests/unit/test_render.c tests/unit/test_suggest.c tests/unit/test_units.c \
           tests/unit/test_docx.c tests/unit/test_utf8.c tests/unit/test_csv.c \
           tests/unit/test_lsppos.c tests/unit/test_decimal.c
TEST_OBJ = $(patsubst %.c,$(BUILD)/%.o,$(TESTS))

all: $(BUILD)/plc $(MO)

# Messages in Chinese (gettext): po/zh_CN.po compiled into $(BUILD)/locale, where plc finds
# it when run from the build tree; `make pot` extracts every message into po/plc.pot and
# merges it into po/zh_CN.po. diag_report translates every diagnostic's format in one
# place, so the keywords name the format argument of each reporting function.
XGETTEXT_KEYS = --keyword=_ --keyword=N_ --keyword=diag_tr --keyword=usage_error:1 \
  --keyword=diag_report:6 --keyword=model_error:4 --keyword=model_warning:4 \
  --keyword=model_note:3 --keyword=front_error:4 --keyword=eval_missing:3
# (the scanner's messages are read from flex's C output: xgettext cannot parse its patterns)
PO_SOURCES = compiler/cmd/main.c compiler/cmd/cmdfmt.c compiler/cmd/cmddiff.c compiler/cmd/watch.c \
             compiler/cmd/lsp.c $(RUNTIME) $(SYNTAX) $(MODEL) $(EMIT) grammar/parser.y \
             $(BUILD)/lexer.c

$(BUILD)/locale/%/LC_MESSAGES/plc.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

pot: $(BUILD)/lexer.c
	xgettext -L C --from-code=UTF-8 --add-comments=TRANSLATORS: --sort-by-file \
	  --package-name=plc --package-version=$(VERSION) $(XGETTEXT_KEYS) \
	  -o po/plc.pot $(PO_SOURCES)
	for l in $(LANGS); do msgmerge -q --update --backup=none po/$$l.po po/plc.pot; done

# Every message of the sources is translated in every catalogue: none missing, none fuzzy.
check-po: $(BUILD)/lexer.c
	@sh tests/po.sh "$(XGETTEXT_KEYS)" $(LANGS) -- $(PO_SOURCES)

# The command: its main and its own modules (fmt, diff and git, the language server, the
# watch mode).
CMD      = compiler/cmd/main.c compiler/cmd/cmdfmt.c compiler/cmd/cmddiff.c compiler/cmd/gitread.c \
           compiler/cmd/lsp.c compiler/cmd/lspio.c compiler/cmd/lspdoc.c \
           compiler/cmd/lspindex.c compiler/cmd/lspfeat.c compiler/cmd/lsppos.c \
           compiler/cmd/watch.c
CMD_OBJ  = $(patsubst %.c,$(BUILD)/%.o,$(CMD))

$(BUILD)/plc: $(CMD_OBJ) $(BUILD)/libplc.a
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

$(BUILD)/tests/unit/plc_tests: $(TEST_OBJ) $(BUILD)/compiler/cmd/lsppos.o $(BUILD)/libplc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(LIBS)

# Every test: Check units, golden diagnostics and examples; then the same again under
# ASan + UBSan; then a clang build with the same warnings (when clang is installed).
check: check-build check-asan check-clang check-valgrind check-fuzz

# The layering rules, one grep each: a rule broken is a line printed and a failed check.
check-layers: $(LIB_OBJ)
	@sh tests/layers.sh $(LIB_OBJ)

check-build: check-layers check-po $(BUILD)/plc $(MO) $(BUILD)/tests/unit/plc_tests
	CK_FORK=yes $(BUILD)/tests/unit/plc_tests
	sh tests/golden.sh $(BUILD)/plc
	sh tests/examples.sh $(BUILD)/plc
	sh tests/outputs.sh $(BUILD)/plc
	sh tests/xlsx.sh $(BUILD)/plc
	sh tests/xlsx_stream.sh $(BUILD)/plc
	sh tests/wide.sh $(BUILD)/plc
	sh tests/verdicts.sh $(BUILD)/plc
	sh tests/cli.sh $(BUILD)/plc
	sh tests/kill.sh $(BUILD)/plc
	sh tests/completion.sh
	sh tests/install.sh
	/usr/bin/python3 tests/hostile/hostile.py $(BUILD)/plc $(BUILD)
	sh tests/widths.sh $(BUILD)/plc
	sh tests/docx.sh $(BUILD)/plc
	sh tests/csv.sh $(BUILD)/plc
	sh tests/fmt.sh $(BUILD)/plc
	$(BUILD)/plc fmt --check plans/*.fp
	sh tests/diff.sh $(BUILD)/plc
	sh tests/git.sh $(BUILD)/plc

# The editor support (docs/editors.md): the language server's exchange, Neovim's client,
# Vim's and Emacs's files, plc watch.
check-build: check-editors
check-editors: $(BUILD)/plc
	python3 tests/lsp/run.py $(BUILD)/plc
	sh tests/lsp/nvim.sh $(BUILD)/plc
	sh tests/lsp/vim.sh $(BUILD)/plc
	sh tests/lsp/emacs.sh $(BUILD)/plc
	sh tests/watch/run.sh $(BUILD)/plc

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

# Fuzz the whole pipeline (scanner to writers) with libFuzzer (clang) for FUZZ_SECONDS, on
# a corpus seeded from every plan under plans/ and tests/, with the language's dictionary.
# Any sanitizer report (UBSan's too) is a crash; crashes go to $(BUILD)/fuzz/artifacts/.
# A long campaign that keeps going after a crash: make fuzz FUZZ_SECONDS=3600 \
#   FUZZ_FLAGS="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   ?=
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz: $(BUILD)/fuzz/fuzz_plan $(BUILD)/fuzz/fuzz_fmt
	@mkdir -p $(BUILD)/fuzz/corpus $(BUILD)/fuzz/seed $(BUILD)/fuzz/artifacts
	@find plans tests -name '*.fp' -exec cp {} $(BUILD)/fuzz/seed/ \;
	$(BUILD)/fuzz/fuzz_plan -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=5 \
	  -rss_limit_mb=2048 -dict=tests/fuzz/plan.dict -print_final_stats=1 \
	  -artifact_prefix=$(BUILD)/fuzz/artifacts/ $(FUZZ_FLAGS) \
	  $(BUILD)/fuzz/corpus $(BUILD)/fuzz/seed
	$(BUILD)/fuzz/fuzz_fmt -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=5 \
	  -rss_limit_mb=2048 -dict=tests/fuzz/plan.dict -print_final_stats=1 \
	  -artifact_prefix=$(BUILD)/fuzz/artifacts/fmt- $(FUZZ_FLAGS) \
	  $(BUILD)/fuzz/corpus $(BUILD)/fuzz/seed

# the formatter's properties (tests/fuzz/fuzz_fmt.c), on the same library
$(BUILD)/fuzz/fuzz_fmt: tests/fuzz/fuzz_fmt.c $(BUILD)/fuzz/fuzz_plan
	clang -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) $(CPPFLAGS_ALL) \
	  -o $@ tests/fuzz/fuzz_fmt.c $(BUILD)/fuzz/libplc.a $(LIBS)

$(BUILD)/fuzz/fuzz_plan: tests/fuzz/fuzz_plan.c $(LIB_SRC_ALL)
	$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=clang \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" $(BUILD)/fuzz/libplc.a
	clang -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) $(CPPFLAGS_ALL) \
	  -o $@ tests/fuzz/fuzz_plan.c $(BUILD)/fuzz/libplc.a $(LIBS)

# The same harness under AFL++ (Debian's afl++), a second engine with other mutations:
# make fuzz-afl FUZZ_SECONDS=1800. Findings go to $(BUILD)/afl/out/default/{crashes,hangs}.
fuzz-afl:
	$(MAKE) --no-print-directory BUILD=$(BUILD)/afl CC=afl-clang-fast \
	  CFLAGS="-O1 -g $(FUZZ_SAN)" $(BUILD)/afl/libplc.a
	afl-clang-fast -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) $(CPPFLAGS_ALL) \
	  -o $(BUILD)/afl/fuzz_plan tests/fuzz/fuzz_plan.c $(BUILD)/afl/libplc.a $(LIBS)
	@mkdir -p $(BUILD)/afl/in
	@find plans tests -name '*.fp' -size -8k -exec cp {} $(BUILD)/afl/in/ \;
	cd $(BUILD)/afl && AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
	  AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 afl-fuzz -i in -o out \
	  -x $(CURDIR)/tests/fuzz/plan.dict -m none -t 5000 -V $(FUZZ_SECONDS) -- ./fuzz_plan

# The fuzzer's short run for make check: 50 seconds, well inside CI's time.
check-fuzz:
	@if command -v clang >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=50; \
	else echo "check-fuzz: clang is not installed, skipped"; fi

# Timings, never a test (scripts/bench.sh): the flagship plan, then the goals of issue 17
# as ratios measured in one run on two generated plans (scripts/gen-plan.py, BENCH_N
# indicators): a bare flex+bison parse of plc's own grammar (the anchor), plc's scanner,
# parse, parse+check, plc check, memory, the 10x growth, the workbook against raw
# libxlsxwriter. BENCH_QUICK=1 skips the 10x plan.
BENCH_BIN = $(BUILD)/plc $(BUILD)/bench_cpu $(BUILD)/bench_scan $(BUILD)/bench_bare $(BUILD)/bench_stage \
            $(BUILD)/bench_rawxlsx
bench: $(BENCH_BIN)
	sh scripts/bench.sh $(BUILD)

$(BUILD)/bench_scan: $(BUILD)/tests/bench/scan.o $(BUILD)/libplc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/bench_cpu: $(BUILD)/tests/bench/cpu.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^

$(BUILD)/bench_stage: $(BUILD)/tests/bench/stage.o $(BUILD)/libplc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/bench_rawxlsx: $(BUILD)/tests/bench/rawxlsx.o $(BUILD)/libplc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

# The anchor: grammar/ with every action stripped (scripts/bare-grammar.py), its semantic
# value as large as plc's, built with the same flex and bison options as plc's.
$(BUILD)/bench_valsize: tests/bench/valsize.c $(BUILD)/parser.tab.h
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS) $(WARN) -o $@ $<

$(BUILD)/bench/bare.l $(BUILD)/bench/bare.y: grammar/lexer.l grammar/parser.y \
                                             scripts/bare-grammar.py $(BUILD)/bench_valsize
	@mkdir -p $(BUILD)/bench
	python3 scripts/bare-grammar.py grammar/lexer.l grammar/parser.y $(BUILD)/bench \
	  $$($(BUILD)/bench_valsize)

$(BUILD)/bench/bare.tab.c $(BUILD)/bench/bare.tab.h: $(BUILD)/bench/bare.y
	$(BISON) -Wall -Werror --defines=$(BUILD)/bench/bare.tab.h -o $(BUILD)/bench/bare.tab.c $<

$(BUILD)/bench/bare.lex.c $(BUILD)/bench/bare.lex.h: $(BUILD)/bench/bare.l $(BUILD)/bench/bare.tab.h
	$(FLEX) -P bare --header-file=$(BUILD)/bench/bare.lex.h -o $(BUILD)/bench/bare.lex.c $<

$(BUILD)/bench_bare: tests/bench/bare.c $(BUILD)/bench/bare.tab.c $(BUILD)/bench/bare.lex.c \
                     $(BUILD)/libplc.a
	$(CC) $(CPPFLAGS_ALL) -I$(BUILD)/bench $(CFLAGS) $(WARN) -Wno-sign-compare \
	  -Wno-unused-function -Wno-missing-prototypes -Wno-unused-parameter -o $@ $^ $(LIBS)

# Refresh the expected outputs of the golden tests, deliberately.
golden: $(BUILD)/plc
	sh tests/golden.sh $(BUILD)/plc --update
	sh tests/csv.sh $(BUILD)/plc --update
	sh tests/fmt.sh $(BUILD)/plc
	$(BUILD)/plc fmt --check plans/*.fp
	sh tests/diff.sh $(BUILD)/plc --update

# Installed: the command, its man page, its messages, bash completion, and the docs with
# the example plans (share/doc/plc, which --help and the man page point to).
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
DOCDIR   = $(PREFIX)/share/doc/plc
COMPDIR  = $(PREFIX)/share/bash-completion/completions
DOCS     = README.md docs/language.md docs/diagnostics.md docs/json.md docs/architecture.md
EXAMPLES = $(wildcard plans/*.fp)

install: $(BUILD)/plc $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(COMPDIR) \
	  $(DESTDIR)$(DOCDIR)/examples
	install -m 755 $(BUILD)/plc $(DESTDIR)$(BINDIR)/plc
	install -m 644 docs/plc.1 $(DESTDIR)$(MANDIR)/plc.1
	install -m 644 completion/plc.bash $(DESTDIR)$(COMPDIR)/plc
	install -m 644 $(DOCS) $(DESTDIR)$(DOCDIR)/
	install -m 644 $(EXAMPLES) $(DESTDIR)$(DOCDIR)/examples/
	for l in $(LANGS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/plc.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/plc.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/plc $(DESTDIR)$(MANDIR)/plc.1 $(DESTDIR)$(COMPDIR)/plc
	for l in $(LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/plc.mo; done
	rm -rf $(DESTDIR)$(DOCDIR)

# install then uninstall into a scratch DESTDIR: every file lands, and nothing is left
check-install: $(BUILD)/plc $(MO)
	@sh tests/install.sh

# A Debian package (debian/): build/deb/plc_VERSION_ARCH.deb, checked by lintian.
deb:
	dpkg-buildpackage -us -uc -b
	mkdir -p $(BUILD)/deb
	mv ../plc_$(VERSION)-*_*.deb ../plc-dbgsym_$(VERSION)-*_*.deb ../plc_$(VERSION)-*_*.buildinfo \
	  ../plc_$(VERSION)-*_*.changes $(BUILD)/deb/
	lintian --fail-on error,warning $(BUILD)/deb/plc_$(VERSION)-*_*.changes

# Editor support (docs/editors.md): Vim's files where Vim (share/vim/vimfiles) and Neovim
# (share/nvim/site) look, both on their runtime paths when PREFIX is /usr; Emacs's mode in
# share/emacs/site-lisp, on its load-path.
VIMFILES ?= $(PREFIX)/share/vim/vimfiles
NVIMSITE ?= $(PREFIX)/share/nvim/site
LISPDIR  ?= $(PREFIX)/share/emacs/site-lisp
install: install-editors
uninstall: uninstall-editors
install-editors:
	for dir in $(DESTDIR)$(VIMFILES) $(DESTDIR)$(NVIMSITE); do \
	  for d in ftdetect ftplugin syntax compiler; do \
	    install -d $$dir/$$d && install -m 644 editors/vim/$$d/*.vim $$dir/$$d/ || exit 1; \
	  done; \
	done
	install -d $(DESTDIR)$(LISPDIR)
	install -m 644 editors/emacs/fp-mode.el $(DESTDIR)$(LISPDIR)/fp-mode.el
uninstall-editors:
	for dir in $(DESTDIR)$(VIMFILES) $(DESTDIR)$(NVIMSITE); do \
	  for f in ftdetect/fp.vim ftplugin/fp.vim syntax/fp.vim compiler/plc.vim; do \
	    rm -f $$dir/$$f; \
	  done; \
	done
	rm -f $(DESTDIR)$(LISPDIR)/fp-mode.el

# The VS Code extension: npm fetches the language client and the tools (editors/vscode/
# package-lock.json), the grammar's tests run, vsce packages editors/vscode/plc-plan.vsix.
vsix:
	cd editors/vscode && node --check extension.js && npm ci --no-audit --no-fund && \
	  npm run test:grammar && npm run package

clean:
	rm -rf $(BUILD)

.PHONY: all pot check-po check-install uninstall deb check check-layers check-build check-asan check-clang check-valgrind check-fuzz fuzz fuzz-afl bench golden install clean
.PHONY: install-editors uninstall-editors vsix check-editors

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
