# One-command entry points for a fresh machine. Each target builds the local venv first.
# torch is installed first and pinned, so pip takes the CPU wheel instead of a multi-GB CUDA build.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TORCH ?= torch==2.13.0

.PHONY: venv test demo export clean-nbs check-sync
venv: $(VENV)/.installed
$(VENV)/.installed: setup.py settings.ini
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install "$(TORCH)"
	$(BIN)/python -m pip install -e ".[dev]"
	touch $@

## run the test suite: every notebook through nbdev's test_nb (slow cells included) + tests/*.py
test: venv
	$(BIN)/python -m pytest -v tests

## the main job: train the tiny demo model on the bundled sample
demo: venv
	$(BIN)/ratsqa_train --demo

## notebooks -> ratsqa_nb/*.py
export: venv
	$(BIN)/nbdev_export

clean-nbs: venv
	$(BIN)/nbdev_clean

## fail when the committed modules or notebooks differ from what nbdev_export / nbdev_clean write
check-sync: venv
	$(BIN)/nbdev_clean && $(BIN)/nbdev_export
	git diff --exit-code --stat -- ratsqa_nb nbs || (echo "notebooks and exported modules are out of sync: run nbdev_export and nbdev_clean, then commit" && exit 1)

## offline docs preview without Quarto: run the notebooks, nbdev's docs processing (_proc/), nbconvert -> _preview/index.html
.PHONY: preview
preview: venv
	$(BIN)/python tools/preview.py --execute
