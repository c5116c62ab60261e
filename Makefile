# pmladder — build, test and run. `make test` is what CI runs (.ci/run).
GO       ?= go
BIN      ?= bin/pmladder
FUZZTIME ?= 1m

.PHONY: all build run test vet fmt-check fuzz install clean

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

install:
	$(GO) install .

clean:
	rm -rf bin
