# pmladder — build, test and run. `make test` is what CI runs (.ci/run).
GO       ?= go
BIN      ?= bin/pmladder
FUZZTIME ?= 1m
PEOPLE   ?= 20000

.PHONY: all build run test vet fmt-check fuzz bench install clean

all: build

build:
	$(GO) build -o $(BIN) .

# The main job on the built-in rubric: the interview, then the gap report. ARGS passes
# extra arguments, e.g. make run ARGS=--quick.
run: build
	./$(BIN) assess $(ARGS)

test: fmt-check vet
	$(GO) test ./...

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

# A team review of $(PEOPLE) people (a generated sheet for the built-in rubric) to CSV,
# timed with its peak memory, then the Go benchmarks.
bench: build
	@mkdir -p bench/out
	$(GO) run ./bench/gensheet -people $(PEOPLE) -o bench/out/team-$(PEOPLE).csv
	/usr/bin/time -f "team --format csv -o, $(PEOPLE) people: %e s elapsed, %M KB peak" \
		./$(BIN) team bench/out/team-$(PEOPLE).csv --format csv -o bench/out/review-$(PEOPLE).csv
	$(GO) test -run '^$$' -bench . -benchmem ./...

install:
	$(GO) install .

clean:
	rm -rf bin bench/out
