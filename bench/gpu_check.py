"""Training throughput and MFU of a BERT-base-sized QA model on one GPU (called by bench/gpu_check.sh).

Model: `BertForQuestionAnswering` with kcbert-base's shape (vocab 30000, hidden 768, 12 layers, 12 heads,
intermediate 3072, 300 positions), randomly initialised. Data: random token ids, `--batch` windows of
`--seq` (256) tokens, start/end labels inside the window. Precision: bf16 autocast (fp16 + GradScaler on
cards without bf16). Optimizer: the library's (AdamW, no decay on bias/LayerNorm, linear warm-up/decay).

Passes, each on a fresh model:
  1. bare   : a plain PyTorch loop
  2. bare+det: the same loop with torch.use_deterministic_algorithms(True, warn_only=True), which the
              library's `get_trainer` turns on (deterministic="warn")
  3. lightning: the library's `QATask` + `get_trainer(precision="bf16-mixed")` + `trainer.fit`, timed by
              a callback from the start of batch `warmup` to the start of batch `warmup + steps`
  4. lightning with `deterministic=False` passed through get_trainer's overrides

FLOPs per optimizer step (the usual dense-transformer count, forward + backward = 3 x forward):
    6 * P * B * S  +  12 * L * B * S^2 * H
with P the non-embedding parameters (the embedding lookups do no matmul work), B the batch, S the
sequence length, L the layers and H the hidden size; the second term is QK^T and attention x V
(2 matmuls x 2 FLOPs x S^2 x H per layer and sequence, forward, times 3 for training).
MFU = achieved FLOP/s / the card's dense bf16 peak (datasheet, looked up by device name).
"""
from __future__ import annotations
import argparse, shutil, sys, tempfile, time
from pathlib import Path

# dense (no sparsity) bf16 tensor-core peaks in TFLOP/s, by a substring of torch.cuda.get_device_name();
# the first match wins, so more specific names come first
PEAKS_TFLOPS = [("H200", 989.0), ("GH200", 989.0), ("H100 PCIe", 756.0), ("H100 NVL", 835.0), ("H100", 989.0),
                ("H800", 989.0), ("A100", 312.0), ("A800", 312.0), ("L40S", 362.0), ("L40", 181.0), ("L4", 121.0),
                ("A10G", 70.0), ("A10", 125.0), ("V100", 125.0), ("T4", 65.0)]

KCBERT_BASE = dict(vocab_size=30000, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
                   intermediate_size=3072, max_position_embeddings=300, type_vocab_size=2)
TINY = dict(vocab_size=3000, hidden_size=64, num_hidden_layers=2, num_attention_heads=2,
            intermediate_size=128, max_position_embeddings=300, type_vocab_size=2)


def peak_tflops(name:str):
    for key, peak in PEAKS_TFLOPS:
        if key.lower() in name.lower(): return key, peak
    return None, None


def flops_per_step(model, cfg, batch:int, seq:int)->float:
    "6 * P_nonembedding * tokens + 12 * L * B * S^2 * H"
    p = sum(v.numel() for n, v in model.named_parameters() if ".embeddings." not in f".{n}")
    return 6.0 * p * batch * seq + 12.0 * cfg.num_hidden_layers * batch * seq * seq * cfg.hidden_size


class RandomWindows:
    "A fixed pool of random QA windows, indexed modulo its size (same batches for every pass)"
    def __init__(self, n:int, seq:int, vocab:int, seed:int=0):
        import torch
        g = torch.Generator().manual_seed(seed)
        self.ids = torch.randint(5, vocab, (n, seq), generator=g)
        self.ids[:, 0] = 2 # a [CLS]-like first token
        self.types = torch.zeros(n, seq, dtype=torch.long); self.types[:, seq // 8:] = 1
        self.start = torch.randint(seq // 8, seq - 8, (n,), generator=g)
        self.end = self.start + torch.randint(0, 8, (n,), generator=g)
        self.n, self.length = n, 10 ** 9
    def __len__(self): return self.length
    def __getitem__(self, i):
        import torch
        i = i % self.n
        return {"input_ids": self.ids[i], "attention_mask": torch.ones_like(self.ids[i]), "token_type_ids": self.types[i],
                "start_positions": self.start[i], "end_positions": self.end[i]}


def make_loader(ds, batch:int, n_batches:int, pin:bool):
    from torch.utils.data import DataLoader, Subset
    return DataLoader(Subset(ds, range(batch * n_batches)), batch_size=batch, shuffle=False, num_workers=2,
                      pin_memory=pin, persistent_workers=False)


def optimizer_and_schedule(model, total:int, lr:float=5e-5):
    "What QATask.configure_optimizers builds: AdamW, no decay on bias/LayerNorm, linear warm-up 10% then decay"
    import torch
    from transformers import get_linear_schedule_with_warmup
    no_decay = ("bias", "LayerNorm.weight", "LayerNorm.bias", "layer_norm")
    named = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    groups = [{"params": [p for n, p in named if not any(k in n for k in no_decay)], "weight_decay": 0.01},
              {"params": [p for n, p in named if any(k in n for k in no_decay)], "weight_decay": 0.0}]
    opt = torch.optim.AdamW(groups, lr=lr, eps=1e-8)
    return opt, get_linear_schedule_with_warmup(opt, int(total * 0.1), total)


def sync(device):
    import torch
    if device.type == "cuda": torch.cuda.synchronize()


def bare_pass(cfg, ds, args, device, amp_dtype, deterministic:bool)->float:
    "Seconds for `args.steps` optimizer steps after `args.warmup` untimed ones, plain PyTorch"
    import torch
    from transformers import BertForQuestionAnswering
    torch.use_deterministic_algorithms(deterministic, warn_only=True)
    torch.manual_seed(0)
    model = BertForQuestionAnswering(cfg).to(device).train()
    total = args.warmup + args.steps + 1
    opt, sched = optimizer_and_schedule(model, total)
    scaler = torch.amp.GradScaler(device.type, enabled=amp_dtype == torch.float16)
    loader = make_loader(ds, args.batch, total, pin=device.type == "cuda")
    t0 = None
    for i, batch in enumerate(loader):
        if i == args.warmup: sync(device); t0 = time.perf_counter()
        if i == args.warmup + args.steps: break
        batch = {k: v.to(device, non_blocking=True) for k, v in batch.items()}
        with torch.autocast(device.type, dtype=amp_dtype):
            loss = model(**batch).loss
        scaler.scale(loss).backward()
        scaler.step(opt); scaler.update(); sched.step(); opt.zero_grad(set_to_none=True)
    sync(device)
    dt = time.perf_counter() - t0
    del model, opt
    torch.use_deterministic_algorithms(False)
    return dt


def train_args(out:str, args, device, amp_dtype):
    "The `QATrainArguments` of a timed Lightning pass: one epoch, no validation, the pass's batch, length and precision"
    import torch
    from ratsqa_nb.settings import QATrainArguments
    return QATrainArguments(pretrained_model_name="(random init)", downstream_model_dir=out, max_seq_length=args.seq,
                            max_query_length=min(32, args.seq // 4), doc_stride=min(64, args.seq // 4),
                            batch_size=args.batch, epochs=1, do_eval=False, cpu_workers=2, seed=0,
                            accelerator="gpu" if device.type == "cuda" else "cpu", devices=1,
                            precision="bf16-mixed" if amp_dtype == torch.bfloat16 else "16-mixed", log_every_n_steps=10)


def lightning_pass(cfg, ds, args, device, amp_dtype, **trainer_kw):
    "Seconds for the same steps through the library's QATask + get_trainer + trainer.fit; None if it cannot run"
    import torch
    try:
        from pytorch_lightning.callbacks import Callback
        from ratsqa_nb.training import QATask, get_trainer
    except Exception as e:
        print(f"lightning pass skipped: cannot import the library ({type(e).__name__}: {e})")
        return None
    from transformers import BertForQuestionAnswering

    class StepTimer(Callback):
        def __init__(self): self.t0 = self.t1 = None
        def on_train_batch_start(self, trainer, pl_module, batch, batch_idx):
            if batch_idx == args.warmup: sync(device); self.t0 = time.perf_counter()
            if batch_idx == args.warmup + args.steps: sync(device); self.t1 = time.perf_counter()

    out = tempfile.mkdtemp(prefix="gpu_check_")
    try:
        targs = train_args(out, args, device, amp_dtype)
        torch.manual_seed(0)
        task = QATask(BertForQuestionAnswering(cfg), targs)
        timer = StepTimer()
        trainer = get_trainer(targs, None, callbacks=[timer], enable_progress_bar=False, enable_model_summary=False, **trainer_kw)
        total = args.warmup + args.steps + 1
        trainer.fit(task, train_dataloaders=make_loader(ds, args.batch, total, pin=device.type == "cuda"))
        if timer.t0 is None or timer.t1 is None: raise RuntimeError("the timer saw too few batches")
        return timer.t1 - timer.t0
    finally:
        torch.use_deterministic_algorithms(False)
        shutil.rmtree(out, ignore_errors=True)


def main(argv=None)->int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--seq", type=int, default=256)
    p.add_argument("--warmup", type=int, default=10, help="untimed steps first")
    p.add_argument("--steps", type=int, default=40, help="timed optimizer steps")
    p.add_argument("--no-lightning", action="store_true", help="only the bare PyTorch passes")
    p.add_argument("--cpu-smoke", action="store_true", help="run every pass on the CPU with a tiny model (checks the code, no figures)")
    p.add_argument("--json-dir", default=None, help="write the results as JSON here (default: bench/results/ on a GPU, nowhere in --cpu-smoke)")
    args = p.parse_args(argv)

    import torch
    if not torch.cuda.is_available() and not args.cpu_smoke:
        print("gpu_check: no CUDA GPU on this machine (CPU-only): nothing to measure, exiting 0")
        return 0
    from transformers import BertConfig
    t_start = time.time()
    if args.cpu_smoke:
        device, cfg, name = torch.device("cpu"), BertConfig(**TINY), "CPU (smoke test)"
        args.batch, args.seq, args.warmup, args.steps = 4, 32, 2, 3
        amp_dtype, key, peak = torch.bfloat16, None, None
    else:
        device, cfg = torch.device("cuda", 0), BertConfig(**KCBERT_BASE)
        name = torch.cuda.get_device_name(0)
        amp_dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        key, peak = peak_tflops(name)
    print(f"device: {name} | torch {torch.__version__} | peak dense bf16: "
          + (f"{peak:.0f} TFLOP/s ({key})" if peak else "unknown (no MFU)"))
    from transformers import BertForQuestionAnswering
    with torch.device("meta"): probe = BertForQuestionAnswering(cfg)
    fps = flops_per_step(probe, cfg, args.batch, args.seq)
    n_params = sum(v.numel() for v in probe.parameters())
    print(f"model: BERT {cfg.num_hidden_layers} layers x {cfg.hidden_size} hidden, {n_params/1e6:.1f} M parameters | "
          f"batch {args.batch} x seq {args.seq} | {str(amp_dtype).split('.')[-1]} autocast | "
          f"{args.warmup} warm-up + {args.steps} timed steps")
    print(f"FLOPs/step = 6*P*B*S + 12*L*B*S^2*H = {fps/1e12:.3f} TFLOP "
          f"(P = {sum(v.numel() for n, v in probe.named_parameters() if '.embeddings.' not in f'.{n}')/1e6:.1f} M non-embedding)")
    ds = RandomWindows(args.batch * 8, args.seq, cfg.vocab_size)

    results, rows = {}, {}
    def report(label, dt):
        if dt is None: return
        sps = args.batch * args.steps / dt
        tflops = fps * args.steps / dt / 1e12
        mfu = f"{100 * tflops / peak:.1f} %" if peak else "n/a"
        results[label] = sps
        rows[label] = {"ms_per_step": 1000 * dt / args.steps, "samples_per_s": sps, "tflops": tflops, "mfu_percent": 100 * tflops / peak if peak else None}
        print(f"{label:<22} {1000 * dt / args.steps:8.1f} ms/step  {sps:9.1f} samples/s  {tflops:7.1f} TFLOP/s  MFU {mfu}")

    report("bare PyTorch", bare_pass(cfg, ds, args, device, amp_dtype, deterministic=False))
    report("bare + deterministic", bare_pass(cfg, ds, args, device, amp_dtype, deterministic=True))
    if not args.no_lightning:
        report("QATask + get_trainer", lightning_pass(cfg, ds, args, device, amp_dtype))
        # the same with Lightning's deterministic mode off: splits the gap into determinism and loop overhead
        report("  ... deterministic=False", lightning_pass(cfg, ds, args, device, amp_dtype, deterministic=False))
    if "QATask + get_trainer" in results:
        print(f"Lightning / bare throughput: {results['QATask + get_trainer'] / results['bare PyTorch']:.3f} "
              f"(vs bare + deterministic: {results['QATask + get_trainer'] / results['bare + deterministic']:.3f})")
    if device.type == "cuda": print(f"peak GPU memory: {torch.cuda.max_memory_allocated() / 2**30:.1f} GiB")
    out_dir = args.json_dir or (None if args.cpu_smoke else str(Path(__file__).resolve().parent/"results"))
    if out_dir: print(f"results: {write_json(out_dir, name, amp_dtype, args, rows, results, peak, time.time() - t_start)}")
    print(f"gpu_check: done in {time.time() - t_start:.0f} s")
    return 0


def write_json(out_dir, name, amp_dtype, args, rows, results, peak, seconds):
    "The figures with the machine and versions they were measured on, as bench/results/gpu_check-<date>-<device>.json"
    import datetime, json, platform, subprocess, torch, transformers
    try: import pytorch_lightning as pl; pl_version = pl.__version__
    except ImportError: pl_version = None
    try: driver = subprocess.run(["nvidia-smi", "--query-gpu=driver_version", "--format=csv,noheader"], capture_output=True, text=True, timeout=20).stdout.strip() or None
    except (OSError, subprocess.SubprocessError): driver = None
    now = datetime.datetime.now(datetime.timezone.utc)
    rec = {"date": now.isoformat(timespec="seconds"), "device": name, "driver": driver, "cuda": torch.version.cuda, "python": platform.python_version(),
           "torch": torch.__version__, "transformers": transformers.__version__, "pytorch_lightning": pl_version,
           "settings": {"batch": args.batch, "seq": args.seq, "warmup": args.warmup, "steps": args.steps, "autocast": str(amp_dtype).split(".")[-1]},
           "peak_tflops": peak, "passes": rows, "seconds": round(seconds, 1),
           "lightning_over_bare": results["QATask + get_trainer"] / results["bare PyTorch"] if "QATask + get_trainer" in results else None}
    out = Path(out_dir); out.mkdir(parents=True, exist_ok=True)
    f = out/f"gpu_check-{now:%Y%m%d-%H%M%S}-{''.join(c if c.isalnum() else '_' for c in name)}.json"
    f.write_text(json.dumps(rec, indent=1), encoding="utf-8")
    return f


if __name__ == "__main__":
    sys.exit(main())
