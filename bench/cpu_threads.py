"""CPU training under contention: PyTorch's intra-op threads with and without another CPU-heavy process beside them.

Each run is its own process that trains the demo's tiny BERT (`prepare_demo`) for `--steps` optimizer steps on the
bundled sample (no validation) and reports the seconds of those steps. Variants differ only in environment variables
(one `NAME=VAR=VALUE,VAR=VALUE` per `--variant`; the defaults below). Each variant runs `--repeats` times on an idle
machine and `--repeats` times with a competitor (a pure-Python busy loop per `--competitors`, started before and
stopped after the run), variants alternating. Printed: median seconds and the ratio to the first variant on the idle
machine, measured in the same run. Nothing is judged (exit 0 unless a run fails).

    python bench/cpu_threads.py                      # ~5 min on 2 cores
    python bench/cpu_threads.py --steps 30 --repeats 1
"""
from __future__ import annotations
import argparse, json, os, statistics, subprocess, sys, tempfile, time
from pathlib import Path

CHILD = r"""
import json, sys, time, warnings; warnings.filterwarnings("ignore")
from dataclasses import replace
import torch
from pytorch_lightning.callbacks import Callback
from ratsqa_nb.pipeline import demo_args, fit_qa
class Clock(Callback):
    def on_train_batch_start(self, trainer, m, batch, i):
        if i == 2: self.t0 = time.perf_counter() # steps 0-1 warm up (allocations, first kernels)
    def on_train_end(self, trainer, m): self.s = time.perf_counter() - self.t0
args = replace(demo_args(sys.argv[1]), epochs=1, do_eval=False, downstream_model_dir=sys.argv[2])
clock = Clock()
fit_qa(args, progress=False, callbacks=[clock], limit_train_batches=int(sys.argv[3]), enable_model_summary=False)
print(json.dumps({"seconds": clock.s, "threads": torch.get_num_threads()}))
"""

DEFAULT_VARIANTS = ["before (libgomp default)=GOMP_SPINCOUNT=", # an empty value: libgomp's own spin count
                    "library default=", # ratsqa_nb sets GOMP_SPINCOUNT=10000 when imported before torch
                    "passive=OMP_WAIT_POLICY=PASSIVE",
                    "1 thread=OMP_NUM_THREADS=1"]


def parse_variant(s: str) -> tuple:
    name, _, env = s.partition("=")
    return name, dict(p.split("=", 1) for p in env.split(",") if p)


def run_child(work: Path, env_extra: dict, steps: int, k: int) -> dict:
    env = {**os.environ, **env_extra}
    out = subprocess.run([sys.executable, "-c", CHILD, str(work/"demo"), str(work/f"run-{k}"), str(steps)], env=env,
                         capture_output=True, text=True, timeout=1800)
    if out.returncode != 0: raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=120)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--competitors", type=int, default=1, help="busy-loop processes in the contended condition")
    ap.add_argument("--variant", action="append", help="NAME=VAR=VALUE,VAR=VALUE (repeatable); default: four variants")
    opt = ap.parse_args(argv)
    from ratsqa_nb.pipeline import prepare_demo
    variants = [parse_variant(v) for v in (opt.variant or DEFAULT_VARIANTS)]
    work = Path(tempfile.mkdtemp(prefix="ratsqa-threads-"))
    prepare_demo(work/"demo")
    print(f"machine: {os.cpu_count()} CPUs, load average before: {os.getloadavg()[0]:.2f}; {opt.steps} steps of the demo's tiny BERT")
    res, k = {}, 0
    for busy in (False, True):
        for r in range(opt.repeats):
            for name, env in variants:
                hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(opt.competitors if busy else 0)]
                try: out = run_child(work, env, opt.steps, k); k += 1
                finally:
                    for h in hogs: h.kill(); h.wait()
                res.setdefault((name, busy), []).append(out["seconds"])
                print(f"{'busy' if busy else 'idle'} {name:24} {out['seconds']:7.2f} s ({out['threads']} threads)", flush=True)
    base = statistics.median(res[(variants[0][0], False)])
    print(f"\nSUMMARY (median seconds for {opt.steps - 2} steps; ratio to '{variants[0][0]}' on the idle machine)")
    for name, _ in variants:
        idle, busy = statistics.median(res[(name, False)]), statistics.median(res[(name, True)])
        print(f"  {name:24} idle {idle:7.2f} s ({idle / base:.2f}x)   with {opt.competitors} busy process(es) {busy:7.2f} s ({busy / base:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
