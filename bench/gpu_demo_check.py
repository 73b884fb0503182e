"""The library's own training path on one GPU: the demo recipe at three precisions (a check, not a benchmark).

For each of fp32 (`32-true`), the book's `fp16=True` switch (`16-mixed`, GradScaler) and `bf16-mixed`, this
trains the bundled tiny BERT with the demo's settings (`demo_args`, `fit_qa`) on `accelerator="gpu"`, then
scores the saved Hugging Face folder on the bundled dev file with `evaluate_model_dir` (QAPredictor on the
GPU). It also checks two things a Colab user relies on:

* determinism on the GPU: two seeded fp32 runs of one epoch give the same loss sequence (get_trainer turns on
  Lightning's deterministic mode; CUBLAS_WORKSPACE_CONFIG is set by `seed_setting` when needed);
* the GPU predictor answers like the CPU one: the fp32 model's dev predictions made on the CPU equal those
  made on the GPU (up to float ties, counted and printed).

Prints one line per run (seconds, windows/s, dev EM/F1, final train loss) and exits 1 if a run fails, the
mixed-precision runs land more than 15 EM points away from fp32, the two seeded runs differ, or the CPU and
GPU predictions differ on more than 2 questions. On a machine without CUDA it says so and exits 0.

    python bench/gpu_demo_check.py [--epochs 3] [--out DIR]
"""
from __future__ import annotations
import argparse, csv, json, shutil, sys, tempfile, time
from dataclasses import replace
from pathlib import Path


def losses(run_dir)->list:
    "Per-step train losses from the run's CSV log"
    rows = []
    for f in sorted(Path(run_dir).rglob("metrics.csv")):
        with open(f, newline="") as fh:
            rows += [float(r["train_loss"]) for r in csv.DictReader(fh) if r.get("train_loss")]
    return rows


SMOKE = {} # --cpu-smoke: Trainer limits that make every run a few steps (checks this script, no figures)


def run(base, name:str, epochs:int, **overrides)->dict:
    "Train the demo recipe with `overrides` into `base/name`, score it on the bundled dev file"
    from ratsqa_nb.pipeline import fit_qa
    from ratsqa_nb.pipeline import demo_args, evaluate_model_dir
    args = demo_args(base, downstream_model_dir=str(Path(base)/name), epochs=epochs, devices=1, log_every_n_steps=10,
                     accelerator="cpu" if SMOKE else "gpu", **overrides)
    t0 = time.perf_counter()
    task, trainer = fit_qa(args, progress=False, enable_model_summary=False, **SMOKE)
    secs = time.perf_counter() - t0
    n_windows = trainer.global_step * args.batch_size
    dev = Path(args.downstream_corpus_root_dir)/"korquad-v1"/"KorQuAD_v1.0_dev.json"
    scores = evaluate_model_dir(Path(args.downstream_model_dir)/"hf", dev, Path(args.downstream_model_dir)/"dev-eval")
    ls = losses(args.downstream_model_dir)
    res = dict(name=name, precision=args.lightning_precision, seconds=secs, windows_per_s=n_windows / secs,
               em=scores["exact_match"], f1=scores["f1"], last_loss=ls[-1] if ls else float("nan"), losses=ls,
               predictions=scores["predictions_file"], hf=str(Path(args.downstream_model_dir)/"hf"))
    print(f"{name:<12} {res['precision']:<11} {secs:6.1f} s  {res['windows_per_s']:8.0f} windows/s  "
          f"dev EM {res['em']:5.1f}  F1 {res['f1']:5.1f}  last train loss {res['last_loss']:.3f}", flush=True)
    return res


def main(argv=None)->int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--out", default=None, help="keep the runs here (default: a temporary folder, removed)")
    p.add_argument("--cpu-smoke", action="store_true", help="a few CPU steps per run, no fp16: checks the script, no figures")
    a = p.parse_args(argv)
    import torch
    if a.cpu_smoke: SMOKE.update(limit_train_batches=12, limit_val_batches=2)
    elif not torch.cuda.is_available():
        print("gpu_demo_check: no CUDA GPU on this machine: nothing to check, exiting 0"); return 0
    import transformers, pytorch_lightning as pl
    print(f"device: {torch.cuda.get_device_name(0) if not SMOKE else 'CPU (smoke test)'} | torch {torch.__version__} | transformers {transformers.__version__} "
          f"| pytorch-lightning {pl.__version__} | bf16 supported: {bool(SMOKE) or torch.cuda.is_bf16_supported()}")
    from ratsqa_nb.pipeline import prepare_demo
    base = Path(a.out or tempfile.mkdtemp(prefix="gpu_demo_"))
    failures = []
    try:
        prepare_demo(base)
        runs = {"fp32": run(base, "fp32", a.epochs, precision="32-true"),
                **({} if SMOKE else {"fp16": run(base, "fp16", a.epochs, fp16=True)})} # 16-mixed needs a GPU
        if SMOKE or torch.cuda.is_bf16_supported(): runs["bf16"] = run(base, "bf16", a.epochs, precision="bf16-mixed")
        for k in ("fp16", "bf16"):
            if k in runs and not SMOKE and abs(runs[k]["em"] - runs["fp32"]["em"]) > 15:
                failures.append(f"{k} dev EM {runs[k]['em']:.1f} is far from fp32's {runs['fp32']['em']:.1f}")
        # determinism: two seeded one-epoch fp32 runs
        r1, r2 = run(base, "det-a", 1, precision="32-true"), run(base, "det-b", 1, precision="32-true")
        same = r1["losses"] == r2["losses"] and len(r1["losses"]) > 0
        print(f"determinism: {len(r1['losses'])} logged losses, identical: {same}")
        if not same: failures.append("two seeded GPU runs logged different losses")
        # CPU vs GPU predictions of the fp32 model
        from ratsqa_nb.pipeline import evaluate_model_dir
        gpu_preds = json.loads(Path(runs["fp32"]["predictions"]).read_text(encoding="utf-8"))
        dev = base/"Korpora"/"korquad-v1"/"KorQuAD_v1.0_dev.json"
        cpu = evaluate_model_dir(runs["fp32"]["hf"], dev, base/"cpu-eval", device="cpu")
        cpu_preds = json.loads(Path(cpu["predictions_file"]).read_text(encoding="utf-8"))
        diff = [q for q in gpu_preds if gpu_preds[q] != cpu_preds.get(q)]
        print(f"CPU vs GPU predictions of the fp32 model: {len(diff)} of {len(gpu_preds)} differ "
              f"(CPU EM {cpu['exact_match']:.1f}, GPU EM {runs['fp32']['em']:.1f})")
        if len(diff) > 2: failures.append(f"{len(diff)} dev predictions differ between CPU and GPU")
        if not SMOKE: print(f"peak GPU memory: {torch.cuda.max_memory_allocated() / 2**20:.0f} MiB")
    except Exception as e:
        import traceback; traceback.print_exc()
        failures.append(f"{type(e).__name__}: {e}")
    finally:
        if a.out is None: shutil.rmtree(base, ignore_errors=True)
    print("gpu_demo_check: " + ("OK" if not failures else "FAILED: " + "; ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
