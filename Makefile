# pmladder — build, test and run. `make test` is what CI runs (.ci/run).
GO       ?= go
BIN      ?= bin/pmladder
FUZZTIME ?= 1m
PEOPLE   ?= 20000
PREFIX   ?= $(HOME)/.local
BINDIR   ?= $(PREFIX)/bin

.PHONY: all build run test vet fmt-check fuzz bench man install uninstall clean fixtures readme-check

all: build

build:
	$(GO) build -o $(BIN) .

# The main job on the built-in rubric: the interview, then the gap report. ARGS passes
# extra arguments, e.g. make run ARGS=--quick.
run: build
	@./$(BIN) assess $(ARGS) || [ $$? -eq 130 ] # 130: paused with Ctrl-C, the draft kept; not a make error

# Every test, then the README's examples run as pasted (readme-check), so the README cannot
# drift from the tool.
test: fmt-check vet
	$(GO) test ./...
	@$(MAKE) --no-print-directory readme-check

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l .); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# Each fuzz target for $(FUZZTIME) (default 1m). Minimising a new input is capped so that a
# large seed (the built-in rubric) does not stall the run. The seeds in testdata/fuzz run in
# `make test`.
fuzz:
	$(GO) test ./rubric/ -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s
	$(GO) test ./rubric/ -run '^$$' -fuzz '^FuzzParseVersionMap$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s
	$(GO) test ./assess/input/ -run '^$$' -fuzz '^FuzzParseAnswers$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s
	$(GO) test ./assess/input/ -run '^$$' -fuzz '^FuzzSheet$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s
	$(GO) test ./assess/input/ -run '^$$' -fuzz '^FuzzWorkbook$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s
	$(GO) test ./assess/input/ -run '^$$' -fuzz '^FuzzWorkbookParts$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s
	$(GO) test ./assess/interview/ -run '^$$' -fuzz '^FuzzPlainPrompter$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s
	$(GO) test ./reports/ -run '^$$' -fuzz '^FuzzCSVWriter$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s
	$(GO) test ./rubric/ladderimport/ -run '^$$' -fuzz '^FuzzImport$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 10s

# The performance targets measured side by side in one run (bench/compare.py): every team
# format (csv, json, markdown, table, html, xlsx) at $(PEOPLE) and 100,000 people, one table of
# median wall time, peak memory and ratio to the CSV path (also written as Markdown to
# bench/out/table.md) and a verdict per target; the CSV path against a Python baseline and
# the Go I/O floor; start-up against a hello-world. Then the Go benchmarks. RUNS=N sets the
# runs per measurement (default 7 for CSV, 5 or 3 for the slower formats). BASE=REV also
# builds pmladder at git revision REV and runs every format against it, interleaved, adding
# a "× baseline" column (e.g. make bench BASE=HEAD~3). The same sheets as workbooks
# (tools/xlsxfixture -csv) are measured against the CSV input, and reading alone against
# excelize's Rows; MILLION=1 adds a workbook of 1,000,000 people and its peak memory.
BENCH_RUBRIC_FLAG = $(if $(BASE),-rubric bench/out/base-ladder.yaml)
bench:
	@mkdir -p bench/out
	$(GO) build -o bench/out/pmladder .
	@if [ -n "$(BASE)" ]; then \
		tmp=$$(mktemp -d) && git worktree add -q --detach $$tmp $(BASE) && \
		(cd $$tmp && $(GO) build -o $(CURDIR)/bench/out/pmladder-base .); rc=$$?; \
		git worktree remove --force $$tmp; \
		git show $(BASE):rubric/default.yaml > bench/out/base-ladder.yaml; exit $$rc; \
	fi
	$(GO) build -o bench/out/iofloor ./bench/iofloor
	$(GO) build -o bench/out/hello ./bench/hello
	$(GO) build -o bench/out/readsheet ./bench/readsheet
	$(GO) build -o bench/out/excelizerows ./bench/excelizerows
	$(GO) run ./bench/gensheet -people $(PEOPLE) $(BENCH_RUBRIC_FLAG) -o bench/out/team-$(PEOPLE).csv
	$(GO) run ./bench/gensheet -people 100000 $(BENCH_RUBRIC_FLAG) -o bench/out/team-100000.csv
	$(GO) run ./bench/gensheet -people 25000 -peers 2 $(BENCH_RUBRIC_FLAG) -o bench/out/calibration-25000.csv
	$(GO) run ./tools/xlsxfixture -csv bench/out/team-$(PEOPLE).csv -o bench/out/team-$(PEOPLE).xlsx
	$(GO) run ./tools/xlsxfixture -csv bench/out/team-100000.csv -o bench/out/team-100000.xlsx
	@if [ -n "$(MILLION)" ]; then \
		$(GO) run ./bench/gensheet -people 1000000 $(BENCH_RUBRIC_FLAG) -o bench/out/team-1000000.csv && \
		$(GO) run ./tools/xlsxfixture -csv bench/out/team-1000000.csv -o bench/out/team-1000000.xlsx; \
	fi
	PEOPLE=$(PEOPLE) RUNS=$(RUNS) MILLION=$(MILLION) BASELINE=$(if $(BASE),bench/out/pmladder-base) RUBRIC=$(if $(BASE),bench/out/base-ladder.yaml) python3 bench/compare.py
	$(GO) test -run '^$$' -bench . -benchmem ./...

# The workbooks the team tests read (cmd/testdata/xlsx): made by tools/xlsxfixture, and
# one saved again by LibreOffice (soffice) as a spreadsheet user would save it; and the
# README's example workbook, examples/team.xlsx, from examples/team.csv; and the example
# ladder's workbook, from its CSV grid.
fixtures:
	$(GO) run ./tools/xlsxfixture -dir cmd/testdata/xlsx
	$(GO) run ./tools/xlsxfixture -ladder examples/ladder-grid.csv -o examples/ladder-grid.xlsx
	tmp=$$(mktemp -d) && soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir $$tmp cmd/testdata/xlsx/team-filled.xlsx >/dev/null && \
		mv $$tmp/team-filled.xlsx cmd/testdata/xlsx/team-filled-libreoffice.xlsx && rmdir $$tmp
	$(GO) run ./tools/xlsxfixture -csv examples/team.csv -o examples/team.xlsx # the README's filled team workbook

# The README's example commands, run in order as a newcomer pastes them on a fresh clone:
# in a temporary folder with a copy of examples/, a fresh HOME and data folder, and the
# pmladder just built on the PATH. Prints "N run, M not run (interactive), K fail";
# tools/readmecheck says which lines run. About 15 s; the last step of `make test`.
readme-check: build
	$(GO) run ./tools/readmecheck -bin $(BIN) README.md

# Man pages for every command, from the command definitions: man/pmladder.1 and friends.
man:
	$(GO) run ./tools/genman -dir man

# Installs bin/pmladder into $(BINDIR) (default ~/.local/bin, the XDG place for a user's
# programs; PREFIX=/usr/local or BINDIR=DIR for elsewhere), then says where it went and
# whether that folder is on the PATH, with the line to add when it is not.
install: build
	@mkdir -p "$(BINDIR)"
	@install -m 0755 $(BIN) "$(BINDIR)/pmladder"
	@echo "installed $(BINDIR)/pmladder"
	@case ":$$PATH:" in \
		*":$(BINDIR):"*) echo "$(BINDIR) is on your PATH: run pmladder" ;; \
		*) echo "$(BINDIR) is not on your PATH: add this line to your shell's profile (~/.bashrc, ~/.zshrc), then open a new shell:"; \
		   echo '  export PATH="$(BINDIR):$$PATH"'; \
		   echo "or run $(BINDIR)/pmladder" ;; \
	esac

uninstall:
	rm -f "$(BINDIR)/pmladder"

clean:
	rm -rf bin bench/out man
