"""Where the Lightning path loses time against a bare loop on one GPU (a diagnosis, run by hand when a GPU is lent).

`bench/gpu_check.py` found the library's `QATask + get_trainer` at about 0.55 of a bare PyTorch loop's throughput
for a kcbert-base-sized model on an H200 (bf16, batch 64 x 256). This script splits that gap with the same model,
data and step counts as gpu_check (it imports its pieces), each pass on a fresh model:

  bare               : plain loop, AdamW(foreach)                          (gpu_check's baseline)
  bare fused         : plain loop, AdamW(fused=True)                       (what the optimizer alone could give)
  plain Trainer      : QATask in a bare pl.Trainer: no logger, no checkpoint, no callbacks but the timer
  plain, no log      : the same with QATask.training_step not calling self.log
  get_trainer        : the library's trainer (checkpoint, LR monitor, CSV logger, HF export, deterministic="warn")

and then audits host-device synchronisations: for 5 steps of each Lightning pass it turns on
`torch.cuda.set_sync_debug_mode("warn")` and prints how many synchronising calls happened and where (the
innermost frame inside pytorch_lightning, ratsqa_nb or torch.optim).

    python bench/gpu_overhead.py [--batch 64] [--seq 256] [--warmup 10] [--steps 30]
"""
from __future__ import annotations
import argparse, collections, shutil, sys, tempfile, time, traceback, warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gpu_check import (KCBERT_BASE, TINY, RandomWindows, make_loader, optimizer_and_schedule, sync, bare_pass,  # noqa: E402
                       train_args)


class SyncAudit:
    "Collect the call sites of synchronising CUDA calls between `start()` and `stop()`"
    KEYS = ("pytorch_lightning", "lightning_fabric", "ratsqa_nb", "torch/optim", "gpu_overhead", "gpu_check")
    def __init__(self): self.sites, self._old = collections.Counter(), None
    def _show(self, message, category, filename, lineno, file=None, line=None):
        if "synchronizing" not in str(message): return self._old(message, category, filename, lineno, file, line)
        frames = [f for f in traceback.extract_stack()[:-2] if any(k in f.filename for k in self.KEYS)]
        f = frames[-1] if frames else None
        self.sites[f"{Path(f.filename).name}:{f.lineno} {f.line}" if f else "(no library frame)"] += 1
    def start(self):
        import torch
        self._old, warnings.showwarning = warnings.showwarning, self._show
        warnings.simplefilter("always")
        torch.cuda.set_sync_debug_mode("warn")
    def stop(self):
        import torch
        torch.cuda.set_sync_debug_mode("default")
        warnings.showwarning = self._old


def fused_pass(cfg, ds, args, device, amp_dtype)->float:
    "bare_pass with AdamW(fused=True)"
    import torch
    from transformers import BertForQuestionAnswering, get_linear_schedule_with_warmup
    torch.manual_seed(0)
    model = BertForQuestionAnswering(cfg).to(device).train()
    total = args.warmup + args.steps + 1
    opt, _ = optimizer_and_schedule(model, total)
    opt = torch.optim.AdamW(opt.param_groups, lr=5e-5, eps=1e-8, fused=True)
    sched = get_linear_schedule_with_warmup(opt, int(total * 0.1), total)
    t0 = None
    for i, batch in enumerate(make_loader(ds, args.batch, total, pin=device.type == "cuda")):
        if i == args.warmup: sync(device); t0 = time.perf_counter()
        if i == args.warmup + args.steps: break
        batch = {k: v.to(device, non_blocking=True) for k, v in batch.items()}
        with torch.autocast(device.type, dtype=amp_dtype): loss = model(**batch).loss
        loss.backward(); opt.step(); sched.step(); opt.zero_grad(set_to_none=True)
    sync(device)
    return time.perf_counter() - t0


def lightning_variant(cfg, ds, args, device, amp_dtype, kind:str, audit:SyncAudit=None):
    "Seconds for the timed steps of a Lightning pass: kind in {plain, nolog, get_trainer}"
    import torch, pytorch_lightning as pl
    from pytorch_lightning.callbacks import Callback
    from transformers import BertForQuestionAnswering
    from ratsqa_nb.training import QATask, get_trainer

    class NoLogTask(QATask):
        def training_step(self, batch, batch_idx): return self.model(**batch).loss

    class Timer(Callback):
        def __init__(self): self.t0 = self.t1 = None
        def on_train_batch_start(self, trainer, pl_module, batch, batch_idx):
            if batch_idx == args.warmup: sync(device); self.t0 = time.perf_counter()
            if batch_idx == args.warmup + args.steps: sync(device); self.t1 = time.perf_counter()
            if audit is not None and batch_idx == args.warmup + args.steps: audit.start()
            if audit is not None and batch_idx == args.warmup + args.steps + 5: audit.stop()

    out = tempfile.mkdtemp(prefix="gpu_overhead_")
    try:
        targs = train_args(out, args, device, amp_dtype)
        precision = targs.precision
        torch.manual_seed(0)
        task = (NoLogTask if kind == "nolog" else QATask)(BertForQuestionAnswering(cfg), targs)
        timer = Timer()
        quiet = dict(enable_progress_bar=False, enable_model_summary=False)
        if kind == "get_trainer": trainer = get_trainer(targs, None, callbacks=[timer], **quiet)
        elif kind == "get_trainer nodet": trainer = get_trainer(targs, None, callbacks=[timer], deterministic=False, **quiet)
        else:
            from pytorch_lightning.callbacks import LearningRateMonitor
            from pytorch_lightning.loggers import CSVLogger
            extra = {"det": dict(deterministic="warn"), "csv": dict(logger=CSVLogger(out, name="logs"), log_every_n_steps=10),
                     "lrmon": dict(logger=CSVLogger(out, name="logs"), log_every_n_steps=10)}.get(kind, {})
            cbs = [timer] + ([LearningRateMonitor(logging_interval="step")] if kind == "lrmon" else [])
            trainer = pl.Trainer(**{**dict(accelerator=targs.accelerator, devices=1, precision=precision, max_epochs=1,
                                           logger=False, enable_checkpointing=False, callbacks=cbs, **quiet), **extra})
        total = args.warmup + args.steps + (7 if audit is not None else 1)
        trainer.fit(task, train_dataloaders=make_loader(ds, args.batch, total, pin=device.type == "cuda"))
        return timer.t1 - timer.t0
    finally:
        if audit is not None and warnings.showwarning == audit._show: audit.stop() # the run ended inside the audit
        torch.use_deterministic_algorithms(False)
        shutil.rmtree(out, ignore_errors=True)


def main(argv=None)->int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--seq", type=int, default=256)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--only-split", action="store_true", help="skip the sync audit")
    p.add_argument("--cpu-smoke", action="store_true", help="tiny model on the CPU, no sync audit: checks the script, no figures")
    args = p.parse_args(argv)
    import torch
    if args.cpu_smoke: args.batch, args.seq = 4, 32
    elif not torch.cuda.is_available():
        print("gpu_overhead: no CUDA GPU on this machine: nothing to measure, exiting 0"); return 0
    from transformers import BertConfig
    device, cfg = (torch.device("cpu"), BertConfig(**TINY)) if args.cpu_smoke else (torch.device("cuda", 0), BertConfig(**KCBERT_BASE))
    amp = torch.bfloat16 if args.cpu_smoke or torch.cuda.is_bf16_supported() else torch.float16
    print(f"device: {'CPU (smoke)' if args.cpu_smoke else torch.cuda.get_device_name(0)} | torch {torch.__version__} | batch {args.batch} x seq {args.seq} | "
          f"{str(amp).split('.')[-1]} | {args.warmup} warm-up + {args.steps} timed steps")
    ds = RandomWindows(args.batch * 8, args.seq, cfg.vocab_size)
    res = {}
    def report(label, dt):
        res[label] = dt / args.steps
        print(f"{label:<18} {1000 * dt / args.steps:7.1f} ms/step   {res[label] / res['bare']:5.2f} x bare", flush=True)
    report("bare", bare_pass(cfg, ds, args, device, amp, deterministic=False))
    if not args.cpu_smoke: report("bare fused", fused_pass(cfg, ds, args, device, amp))
    report("plain Trainer", lightning_variant(cfg, ds, args, device, amp, "plain"))
    report("plain, no log", lightning_variant(cfg, ds, args, device, amp, "nolog"))
    report("get_trainer", lightning_variant(cfg, ds, args, device, amp, "get_trainer"))
    for kind in ("get_trainer nodet", "det", "csv", "lrmon"):
        report(kind if kind.startswith("get") else f"plain + {kind}", lightning_variant(cfg, ds, args, device, amp, kind))
    if args.only_split: return 0
    for kind in () if args.cpu_smoke else ("plain", "get_trainer"):
        audit = SyncAudit()
        lightning_variant(cfg, ds, args, device, amp, kind, audit=audit)
        n = sum(audit.sites.values())
        print(f"sync audit, {kind}: {n} synchronising calls in 5 steps")
        for site, c in audit.sites.most_common(8): print(f"  {c:4d}  {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
