# One-command entry points for a fresh machine. Each target builds the local venv first.
# torch is installed first and pinned, so pip takes the CPU wheel instead of a multi-GB CUDA build.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TORCH ?= torch==2.13.0
# The CPU build comes from the PyTorch CPU index: on Linux a plain `pip install torch==2.13.0` from PyPI takes the
# multi-GB CUDA build. Another build: `make TORCH_INDEX=https://download.pytorch.org/whl/cu130 venv`; pip's own index: `make TORCH_INDEX= venv`.
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu

.PHONY: venv test test-lowest demo export clean-nbs check-sync
venv: $(VENV)/.installed
$(VENV)/.installed: setup.py settings.ini
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install --retries 1 "$(TORCH)" $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(BIN)/python -m pip install -e ".[dev]"
	touch $@

## run the test suite: every notebook through nbdev's test_nb (slow cells included) + tests/*.py
test: venv
	$(BIN)/python -m pytest -v tests

## the notebook suite again in a second venv with the lowest supported transformers / tokenizers / pytorch-lightning (.ci/lowest.txt), same torch
LOW_VENV ?= .venv-lowest
test-lowest: venv
	test -x $(LOW_VENV)/bin/python || $(PYTHON) -m venv $(LOW_VENV)
	$(LOW_VENV)/bin/python -m pip install -q --upgrade pip
	$(LOW_VENV)/bin/python -m pip install -q --retries 1 "$(TORCH)" $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(LOW_VENV)/bin/python -m pip install -q -e ".[dev]" -c .ci/lowest.txt
	$(LOW_VENV)/bin/python -c "import transformers, tokenizers, pytorch_lightning as pl; print('lowest:', transformers.__version__, tokenizers.__version__, pl.__version__)"
	RATSQA_COMPARE_OUTPUTS=0 $(LOW_VENV)/bin/python -m pytest -q tests/test_notebooks.py

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

## README.md from nbs/index.ipynb: nbdev's own nbdev_readme, the only thing that writes README.md (needs Quarto on PATH; nbdev_docs runs it too)
.PHONY: readme
readme: venv
	$(BIN)/nbdev_readme

## offline docs preview without Quarto: the committed notebooks (with their outputs) through nbdev's docs processing (_proc/) and nbconvert -> _preview/index.html
.PHONY: preview outputs
preview: venv
	$(BIN)/python tools/preview.py

## re-execute every notebook in place and save its outputs (the site, GitHub and Colab show committed outputs); then commit them
outputs: venv
	$(BIN)/python tools/nbrun.py
