# pmladder — build, test and run. `make test` is what CI runs (.ci/run).
GO       ?= go
BIN      ?= bin/pmladder
FUZZTIME ?= 1m

.PHONY: all build run test vet fmt-check install clean

all: build

build:
	$(GO) build -o $(BIN) .

# The main job on the built-in rubric. Until the interview lands (issue 4) this shows the
# ladder; ARGS passes extra arguments.
run: build
	./$(BIN) rubric show $(ARGS)

test: fmt-check vet
	$(GO) test ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l .); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

install:
	$(GO) install .

clean:
	rm -rf bin
