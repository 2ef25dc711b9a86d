# Two commands do all set-up on a fresh machine:
#   make run    — install (first time) and serve the chat app on http://127.0.0.1:7860
#   make test   — install (first time) and run the test suite
PY ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: run test install index bench eval
run: $(STAMP)
	$(VENV)/bin/python app.py $(ARGS)

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q -rs $(ARGS)

install: $(STAMP)

# torch first and pinned: it takes the local CPU wheel instead of a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PY) -m venv $(VENV)
	$(VENV)/bin/pip install -q torch==2.13.0
	$(VENV)/bin/pip install -q -e ".[dev]"
	touch $(STAMP)

index: $(STAMP)
	$(VENV)/bin/qa index

bench: $(STAMP)
	$(VENV)/bin/qa bench

eval: $(STAMP)
	$(VENV)/bin/qa eval --split test
