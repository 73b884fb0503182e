"""Training-loop overhead: the library's `QATask` + `get_trainer` (`trainer.fit`) against a bare PyTorch loop.

Both run the same optimizer steps on the same model and the same batches:
- model: a BERT built with `build_tiny_bert` (default hidden 256, 4 layers, 4 heads, intermediate 1024); both
  loops load the same saved weights;
- batches: each loop has its own `get_dataloaders(args, train_dataset)` over the bundled sample's training
  windows (seeded sampler: the same windows in the same order), and pays for its own batch assembly;
- optimizer: AdamW without decay on bias/LayerNorm and a linear warm-up/decay schedule over the same number
  of steps, stepped once per batch (what `QATask.configure_optimizers` builds).

The two loops run in lockstep, in one process: a Lightning callback runs the bare loop's step k (timed) right
before Lightning's own step k, so load from other processes on the machine hits both alike. Lightning's step k
is the time between its batch starts k and k+1, less the callback. The global RNG is rewound after each bare
step, so both loops draw the same dropout masks: their final weights must be bit-identical, which shows they did
the same steps. Steady state: the first `--warmup` steps are left out (and so are Trainer set-up, the end-of-fit
checkpoint and the Hugging Face export). Figures are medians over steps; the verdict uses the median of the
per-step time ratios. Exit status 1 when the Lightning overhead is above `--target` (default 5 %).

    python bench/training.py                       # the target measurement (a few minutes on 2 busy cores)
    python bench/training.py --steps 60 --threads 2
    python bench/training.py --probe-tiny          # also: fixed per-step overhead with a 1-layer 64-wide BERT
"""
from __future__ import annotations
import argparse, json, os, shutil, statistics, sys, tempfile, time, warnings
from dataclasses import replace
from pathlib import Path


def setup(work:Path, hidden:int, layers:int, heads:int, inter:int, batch:int, seq:int):
    from ratsqa_nb.corpus import copy_sample, KorQuADV1Corpus
    from ratsqa_nb.tokenizer import build_tiny_tokenizer
    from ratsqa_nb.model import build_tiny_bert
    from ratsqa_nb.settings import QATrainArguments
    from ratsqa_nb.dataset import QADataset
    tok = build_tiny_tokenizer(work/"tok")
    model_dir = build_tiny_bert(work/f"bert-{hidden}x{layers}", tok, hidden_size=hidden, num_hidden_layers=layers,
                                num_attention_heads=heads, intermediate_size=inter)
    args = QATrainArguments(pretrained_model_name=str(model_dir), downstream_corpus_root_dir=str(copy_sample(work/"Korpora")),
                            downstream_model_dir=str(work/"run"), max_seq_length=seq, batch_size=batch, epochs=1,
                            learning_rate=1e-3, warmup_ratio=0.1, do_eval=False, cpu_workers=0, accelerator="cpu",
                            devices=1, seed=7, log_every_n_steps=10)
    train = QADataset(args, KorQuADV1Corpus(), tok, mode="train", progress=False)
    return args, tok, train


class LockstepBare:
    "A bare PyTorch loop that runs one step, on its own model, optimizer and DataLoader, whenever it is called"
    def __init__(self, args, train, total:int):
        import torch
        from transformers import get_linear_schedule_with_warmup
        from ratsqa_nb.model import load_model
        from ratsqa_nb.training import get_dataloaders
        self.model = load_model(args.pretrained_model_name, args.max_seq_length).train()
        no_decay = ("bias", "LayerNorm.weight", "LayerNorm.bias", "layer_norm")
        named = [(n, p) for n, p in self.model.named_parameters() if p.requires_grad]
        self.opt = torch.optim.AdamW([{"params": [p for n, p in named if not any(k in n for k in no_decay)], "weight_decay": args.weight_decay},
                                      {"params": [p for n, p in named if any(k in n for k in no_decay)], "weight_decay": 0.0}],
                                     lr=args.learning_rate, eps=args.adam_epsilon)
        self.sched = get_linear_schedule_with_warmup(self.opt, int(total * args.warmup_ratio), total)
        loader, _ = get_dataloaders(args, train)
        loader.sampler.set_epoch(0)
        self.batches = iter(loader)

    def step(self):
        batch = next(self.batches)
        loss = self.model(**batch).loss
        loss.backward()
        self.opt.step(); self.sched.step(); self.opt.zero_grad(set_to_none=True)


def lockstep(args, tok, train, warmup:int, steps:int, run_dir:Path)->dict:
    """`trainer.fit` of QATask + get_trainer, with the bare loop's step k run (and timed) inside a callback next to
    Lightning's step k: both see the same load. Lightning's step k = the time between its batch starts k and k+1
    less the callback. The bare step runs with the RNG state Lightning's step k starts from, and the state is put
    back afterwards, so both draw the same dropout masks."""
    import torch
    from pytorch_lightning.callbacks import Callback
    from ratsqa_nb.model import load_model
    from ratsqa_nb.settings import seed_setting
    from ratsqa_nb.training import QATask, get_trainer, get_dataloaders
    total = warmup + steps + 1
    args = replace(args, downstream_model_dir=str(run_dir))
    seed_setting(args)
    bare = LockstepBare(args, train, total)
    task = QATask(load_model(args.pretrained_model_name, args.max_seq_length), args)

    class Lockstep(Callback):
        "Bare step k before Lightning's step k on even k, after it on odd k (neither always goes first)"
        def __init__(self): self.starts, self.inside, self.bare, self.rng = [], [], [], None
        def _bare_step(self, k, rng_for_step):
            t0 = time.perf_counter()
            rng_now = torch.get_rng_state(); torch.set_rng_state(rng_for_step)
            b0 = time.perf_counter(); bare.step(); self.bare.append(time.perf_counter() - b0)
            torch.set_rng_state(rng_now)
            self.inside[k] += time.perf_counter() - t0
        def on_train_batch_start(self, trainer, pl_module, batch, batch_idx):
            self.starts.append(time.perf_counter()); self.inside.append(0.0)
            self.rng = torch.get_rng_state()
            if batch_idx % 2 == 0: self._bare_step(batch_idx, self.rng)
        def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
            if batch_idx % 2 == 1: self._bare_step(batch_idx, self.rng)

    cb = Lockstep()
    trainer = get_trainer(args, tok, callbacks=[cb], enable_progress_bar=False, enable_model_summary=False,
                          limit_train_batches=total)
    train_dl, _ = get_dataloaders(args, train)
    trainer.fit(task, train_dataloaders=train_dl)
    assert trainer.global_step == total and len(cb.starts) == total, (trainer.global_step, len(cb.starts))
    window = range(warmup, warmup + steps) # step k is timed from batch start k to batch start k+1
    light = [cb.starts[k + 1] - cb.starts[k] - cb.inside[k] for k in window]
    bare_t = [cb.bare[k] for k in window]
    a, b = task.model.state_dict(), bare.model.state_dict()
    equal = all(torch.equal(a[k], b[k]) for k in a)
    diff = max(float((a[k].float() - b[k].float()).abs().max()) for k in a)
    return {"lightning": light, "bare": bare_t, "weights_equal": equal, "weights_max_abs_diff": diff}


def summarize(r:dict, batch:int)->dict:
    L, B = r["lightning"], r["bare"]
    ratios = [l / b for l, b in zip(L, B)]
    return {"lightning_ms_per_step": 1000 * statistics.median(L), "bare_ms_per_step": 1000 * statistics.median(B),
            "lightning_samples_per_s": batch / statistics.median(L), "bare_samples_per_s": batch / statistics.median(B),
            "ratio_median_of_steps": statistics.median(ratios), "ratio_of_totals": sum(L) / sum(B),
            "overhead_ms_per_step": 1000 * statistics.median([l - b for l, b in zip(L, B)]),
            "steps": len(L), "weights_equal": r["weights_equal"], "weights_max_abs_diff": r["weights_max_abs_diff"]}


def main(argv=None)->int:
    p = argparse.ArgumentParser(description="QATask + get_trainer vs a bare PyTorch loop: steady-state samples/s")
    p.add_argument("--hidden", type=int, default=256); p.add_argument("--layers", type=int, default=4)
    p.add_argument("--heads", type=int, default=4); p.add_argument("--intermediate", type=int, default=1024)
    p.add_argument("--batch", type=int, default=16); p.add_argument("--seq", type=int, default=128)
    p.add_argument("--warmup", type=int, default=3, help="untimed batches at the start of each pass")
    p.add_argument("--steps", type=int, default=40, help="timed optimizer steps per pass")
    p.add_argument("--threads", type=int, default=1, help="torch threads (1: least disturbed by other processes)")
    p.add_argument("--target", type=float, default=0.05, help="largest accepted overhead (0.05 = 5 %%)")
    p.add_argument("--probe-tiny", action="store_true", help="also measure the fixed per-step overhead on a 1-layer 64-wide BERT")
    p.add_argument("--json", help="write the figures to this file")
    a = p.parse_args(argv)

    import torch, logging
    warnings.filterwarnings("ignore")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    for name in ("pytorch_lightning", "lightning.pytorch", "lightning_fabric", "ratsqa_nb", "transformers"):
        logging.getLogger(name).setLevel(logging.ERROR)
    torch.set_num_threads(a.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f}; lockstep, {a.warmup} warm-up + {a.steps} timed steps")
    work = Path(tempfile.mkdtemp(prefix="bench_training_"))
    results = {}
    try:
        runs = [("main", a.hidden, a.layers, a.heads, a.intermediate)] + ([("tiny", 64, 1, 2, 128)] if a.probe_tiny else [])
        for label, hidden, layers, heads, inter in runs:
            args, tok, train = setup(work/label, hidden, layers, heads, inter, a.batch, a.seq)
            need = (a.warmup + a.steps + 1) * a.batch
            if len(train) < need: raise SystemExit(f"only {len(train)} training windows; {need} needed: lower --steps or --batch")
            print(f"[{label}] BERT hidden {hidden} x {layers} layers; batch {a.batch} x seq {a.seq}; {len(train)} training windows", flush=True)
            results[label] = summarize(lockstep(args, tok, train, a.warmup, a.steps, work/label/"run"), a.batch)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    m = results["main"]
    print(f"\nsteady state, medians over {m['steps']} steps (batch {a.batch}, seq {a.seq}):")
    print(f"  QATask + get_trainer : {m['lightning_samples_per_s']:8.2f} samples/s ({m['lightning_ms_per_step']:.1f} ms/step)")
    print(f"  bare PyTorch loop    : {m['bare_samples_per_s']:8.2f} samples/s ({m['bare_ms_per_step']:.1f} ms/step)")
    print(f"  Lightning/bare time: median of per-step ratios {m['ratio_median_of_steps']:.3f}, ratio of totals "
          f"{m['ratio_of_totals']:.3f}, overhead {m['overhead_ms_per_step']:+.1f} ms/step (median)")
    print(f"  same steps: final weights {'bit-identical' if m['weights_equal'] else 'differ by at most %.2e' % m['weights_max_abs_diff']}")
    if "tiny" in results:
        t = results["tiny"]
        print(f"  tiny probe (64 x 1): Lightning {t['lightning_ms_per_step']:.1f} vs bare {t['bare_ms_per_step']:.1f} ms/step, "
              f"ratio {t['ratio_median_of_steps']:.3f}, fixed overhead {t['overhead_ms_per_step']:+.1f} ms/step")
    if a.json: Path(a.json).write_text(json.dumps(results, indent=1))
    ok = m["ratio_median_of_steps"] <= 1 + a.target and m["weights_equal"]
    print(f"target overhead <= {100 * a.target:.0f} %: {'MET' if ok else 'MISSED'} ({100 * (m['ratio_median_of_steps'] - 1):+.1f} %"
          + ("" if m["weights_equal"] else "; the two loops did not end with equal weights") + ")")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
