"""Smoke tests of the scripts that are not notebooks: the tiny BERT's pre-training tool and the GPU checks' CPU modes.

Each runs end to end on a few steps so that the scripts do not rot; the figures they print are not judged here.
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_pretrain_tool_writes_a_loadable_checkpoint(tmp_path, run_script):
    from transformers import BertForMaskedLM, BertForQuestionAnswering
    from ratsqa_nb.pipeline import DEMO_MODEL
    out = tmp_path/"mlm"
    log = run_script(["tools/pretrain_tiny_bert.py", "--steps", "4", "--batch", "8", "--max-questions", "200", "--out", str(out)])
    assert "200 training questions ->" in log and f"wrote {out}" in log, log
    meta = json.loads((out/"pretraining.json").read_text())
    assert (meta["steps"], meta["batch"], meta["data"]) == (4, 8, "bundled train file only")
    mlm = BertForMaskedLM.from_pretrained(out)
    shape = {k: v for k, v in DEMO_MODEL.items() if k != "sinusoidal"}
    assert {k: getattr(mlm.config, k) for k in shape} == shape
    # the same shape and vocabulary as the bundled checkpoint, so it can replace it
    bundled = json.loads((ROOT/"ratsqa_nb"/"data"/"tiny-bert-mlm"/"config.json").read_text())
    assert mlm.config.vocab_size == bundled["vocab_size"]
    qa, info = BertForQuestionAnswering.from_pretrained(out, output_loading_info=True)
    assert sorted(info["missing_keys"]) == ["qa_outputs.bias", "qa_outputs.weight"], info # the whole encoder was saved
    assert not list(out.parent.glob(".mlm.*")), "the staging folder was left behind"


def test_gpu_scripts_cpu_smoke(run_script, tmp_path):
    out = run_script(["bench/gpu_check.py", "--cpu-smoke", "--json-dir", str(tmp_path)], timeout=600)
    assert "QATask + get_trainer" in out and "gpu_check: done" in out, out
    import json
    rec = json.loads(next(tmp_path.glob("gpu_check-*.json")).read_text())
    assert rec["torch"] and rec["transformers"] and set(rec["passes"]) >= {"bare PyTorch", "QATask + get_trainer"}, rec
    out = run_script(["bench/gpu_demo_check.py", "--cpu-smoke", "--epochs", "1"], timeout=600)
    assert "gpu_demo_check: OK" in out and "determinism:" in out and "CPU vs GPU predictions" in out, out
    out = run_script(["bench/gpu_overhead.py", "--cpu-smoke", "--warmup", "1", "--steps", "2", "--only-split"], timeout=600)
    for label in ("bare", "plain Trainer", "plain, no log", "get_trainer", "plain + det"):
        assert f"{label} " in out, out
