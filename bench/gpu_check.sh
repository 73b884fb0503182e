#!/usr/bin/env bash
# One-GPU training throughput check: a BERT-base-sized QA model (kcbert-base shape, random init) trained
# for a fixed number of steps at seq 256 with bf16 autocast; prints samples/s and MFU against the card's
# dense bf16 peak. On a machine without a CUDA GPU it says so and exits 0. Bounded to under 5 minutes.
#
#   bash bench/gpu_check.sh                 # defaults: batch 64, 10 warm-up + 40 timed steps
#   bash bench/gpu_check.sh --batch 32 --steps 60
#   PYTHON=/path/to/python bash bench/gpu_check.sh
#
# Needs torch and transformers; the Lightning pass (QATask + get_trainer) also needs pytorch_lightning and
# ratsqa_nb's own imports (fastcore): it is skipped with a note if they are missing.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x "$ROOT/.venv/bin/python" ]; then PY="$ROOT/.venv/bin/python"; else PY="$(command -v python3 || command -v python)"; fi
fi
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1
# hard bound: the whole check must end in under 5 minutes
timeout --signal=TERM --kill-after=10 280 "$PY" "$HERE/gpu_check.py" "$@"
rc=$?
if [ $rc -eq 124 ]; then echo "gpu_check: timed out after 280 s" >&2; fi
exit $rc
