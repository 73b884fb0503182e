"""`QAPredictor.predict` against the last Hugging Face question-answering pipeline (transformers 5.2).

transformers 5.3 removed `pipeline("question-answering")`; `QAPredictor` replaces it. This script puts the two
side by side on the same model folder and the same questions:

- the pipeline runs in its own throwaway venv, `bench/.venv-hf52` (torch 2.13.0, then transformers 5.2.*),
  which the script creates on first use, in a worker subprocess that takes commands over stdin;
- the model is a BERT of hidden 256 x 4 layers (`build_tiny_bert`), trained briefly with `fit_qa` on the
  bundled sample (cached under `bench/.cache/`) so that its answers mean something;
- the questions are the bundled dev sample's 90: 55 whose context fits one window of 128 tokens and 35 that
  need 2-3 windows;
- the same settings on both sides: max_seq_len 128, max_question_len 32, max_answer_len 30, and the same
  windows. Our `doc_stride` is the hop between window starts; the pipeline's `doc_stride` is the overlap of
  consecutive windows, passed to the tokenizer as `stride`. With room = 128 - question tokens - 3, the
  pipeline gets doc_stride = room - 64 for each question (the hop stays 64), so both cut the same windows.
  One batched pipeline call takes one doc_stride: it gets the one of the median question length, and the
  window counts of both sides are printed;
- the same number of torch threads on both sides (`--threads`, default 1: steadier on a busy machine).

Latency per question is measured two ways: one `predict` call per question ("single") and one call for all
questions ("batched", batch_size 32 windows). Both sides alternate (ours first, then theirs, then theirs
first, ...) for `--repeats` rounds; the figures are medians. Answers are compared on (start, end):
ours with particle trimming (the default) and without, against the pipeline with `align_to_words=True` (its
default) and False, and every disagreement is put down to a cause.

Exit status 1 when our time per question is above `--target` (1.0) x the pipeline's, single or batched.

    python bench/inference.py
    python bench/inference.py --repeats 7 --threads 2
"""
from __future__ import annotations
import argparse, json, os, statistics, subprocess, sys, time, warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
HF_VENV = HERE/".venv-hf52"
CACHE = HERE/".cache"
MAX_SEQ, MAX_Q, HOP, MAX_ANSWER, N_BEST = 128, 32, 64, 30, 20

# ---------------------------------------------------------------------------------------------------------------
# the pipeline's side: a worker run by the transformers 5.2 venv
WORKER = r'''
import json, os, sys, time, warnings
warnings.filterwarnings("ignore")
os.environ["TRANSFORMERS_VERBOSITY"] = "error"; os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
import torch, transformers
from transformers import pipeline
transformers.utils.logging.disable_progress_bar()
job = json.loads(sys.argv[1])
torch.set_num_threads(job["threads"])
qa = pipeline("question-answering", model=job["model"], tokenizer=job["model"], device="cpu")
common = dict(max_seq_len=job["max_seq_len"], max_question_len=job["max_question_len"], max_answer_len=job["max_answer_len"],
              handle_impossible_answer=False)
def out(obj): sys.stdout.write("@@RESULT " + json.dumps(obj, ensure_ascii=False) + "\n"); sys.stdout.flush()
def windows(q, c, stride):
    enc = qa.tokenizer(q, c, truncation="only_second", max_length=job["max_seq_len"], stride=stride, return_overflowing_tokens=True)
    return len(enc["input_ids"])
out({"ready": True, "transformers": transformers.__version__, "torch": torch.__version__, "threads": torch.get_num_threads()})
for line in sys.stdin:
    cmd = json.loads(line)
    items = cmd.get("items", [])
    if cmd["cmd"] == "answers":
        res = [qa(question=it["q"], context=it["c"], doc_stride=it["stride"], align_to_words=cmd["align"], **common) for it in items]
        out({"answers": res, "windows": sum(windows(it["q"], it["c"], it["stride"]) for it in items)})
    elif cmd["cmd"] == "single":
        t0 = time.perf_counter()
        for it in items: qa(question=it["q"], context=it["c"], doc_stride=it["stride"], **common)
        out({"seconds": time.perf_counter() - t0})
    elif cmd["cmd"] == "batched":
        qs, cs = [it["q"] for it in items], [it["c"] for it in items]
        t0 = time.perf_counter()
        res = qa(question=qs, context=cs, doc_stride=cmd["stride"], batch_size=cmd["batch_size"], **common)
        dt = time.perf_counter() - t0
        out({"seconds": dt, "n": len(res), "windows": sum(windows(q, c, cmd["stride"]) for q, c in zip(qs, cs))})
    elif cmd["cmd"] == "quit": break
'''


def ensure_hf_venv(quiet:bool=True)->Path:
    "Create bench/.venv-hf52 with torch 2.13.0 and transformers 5.2.* (once); return its python"
    py = HF_VENV/"bin"/"python"
    probe = [str(py), "-c", "import torch, transformers; from transformers import pipeline; "
             "assert transformers.__version__.startswith('5.2.'), transformers.__version__"]
    if py.exists() and subprocess.run(probe, capture_output=True).returncode == 0: return py
    print(f"creating {HF_VENV} (torch 2.13.0, then transformers 5.2.*) ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(HF_VENV)], check=True)
    (HF_VENV/".gitignore").write_text("*\n") # keep the throwaway venv out of git
    q = ["-q"] if quiet else []
    subprocess.run([str(py), "-m", "pip", "install", *q, "torch==2.13.0"], check=True)
    subprocess.run([str(py), "-m", "pip", "install", *q, "transformers==5.2.*"], check=True)
    subprocess.run(probe, check=True)
    return py


class HFWorker:
    def __init__(self, py:Path, job:dict):
        env = {**os.environ, "PYTHONWARNINGS": "ignore", "TOKENIZERS_PARALLELISM": "false"}
        self.p = subprocess.Popen([str(py), "-c", WORKER, json.dumps(job)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True, encoding="utf-8", env=env)
        self.info = self._read()
    def _read(self)->dict:
        for line in self.p.stdout:
            if line.startswith("@@RESULT "): return json.loads(line[len("@@RESULT "):])
        raise RuntimeError(f"the transformers 5.2 worker stopped (exit code {self.p.wait()})")
    def __call__(self, **cmd)->dict:
        self.p.stdin.write(json.dumps(cmd, ensure_ascii=False) + "\n"); self.p.stdin.flush()
        return self._read()
    def close(self):
        try: self.p.stdin.write(json.dumps({"cmd": "quit"}) + "\n"); self.p.stdin.close()
        except OSError: pass
        try: self.p.wait(timeout=30)
        except subprocess.TimeoutExpired: self.p.kill()


# ---------------------------------------------------------------------------------------------------------------
def trained_model(hidden:int, layers:int, steps:int, retrain:bool)->Path:
    "A BERT of `hidden` x `layers`, trained `steps` batches with fit_qa on the bundled sample (cached)"
    import shutil
    from ratsqa_nb.corpus import copy_sample
    from ratsqa_nb.tokenizer import build_tiny_tokenizer
    from ratsqa_nb.model import build_tiny_bert
    from ratsqa_nb.settings import QATrainArguments
    from ratsqa_nb.pipeline import fit_qa
    CACHE.mkdir(exist_ok=True); (CACHE/".gitignore").write_text("*\n")
    work = CACHE/f"inference-bert-{hidden}x{layers}-{steps}steps"
    if (work/"run"/"hf"/"config.json").exists() and not retrain: return work/"run"/"hf"
    shutil.rmtree(work, ignore_errors=True)
    tok = build_tiny_tokenizer(work/"tok")
    base = build_tiny_bert(work/"base", tok, hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=max(1, hidden // 64),
                           intermediate_size=4 * hidden)
    if steps <= 0:
        shutil.copytree(base, work/"run"/"hf"); return work/"run"/"hf"
    args = QATrainArguments(pretrained_model_name=str(base), downstream_corpus_root_dir=str(copy_sample(work/"Korpora")),
                            downstream_model_dir=str(work/"run"), max_seq_length=MAX_SEQ, max_query_length=MAX_Q, doc_stride=HOP,
                            batch_size=32, epochs=1, learning_rate=1e-3, warmup_ratio=0.1, do_eval=False, cpu_workers=0,
                            accelerator="cpu", devices=1, seed=7, save_top_k=1)
    t0 = time.time()
    print(f"training the benchmark model ({hidden} x {layers}, {steps} steps of 32 windows) ...", flush=True)
    fit_qa(args, progress=False, limit_train_batches=steps, enable_model_summary=False)
    print(f"  trained in {time.time() - t0:.0f} s", flush=True)
    return work/"run"/"hf"


def hf_overlap(n_question_tokens:int)->int:
    "The pipeline's doc_stride (window overlap) that gives our hop of HOP tokens for this question"
    room = MAX_SEQ - min(n_question_tokens, MAX_Q) - 3
    return room - HOP


def span(a:dict)->tuple: return (a["start"], a["end"])


def main(argv=None)->int:
    p = argparse.ArgumentParser(description="QAPredictor.predict vs transformers 5.2's question-answering pipeline")
    p.add_argument("--hidden", type=int, default=256); p.add_argument("--layers", type=int, default=4)
    p.add_argument("--train-steps", type=int, default=60, help="fit_qa batches before measuring (0: untrained weights)")
    p.add_argument("--retrain", action="store_true", help="train again instead of using the cached model")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=32, help="windows per forward pass, both sides")
    p.add_argument("--target", type=float, default=1.0, help="largest accepted ratio of our time per question to the pipeline's")
    p.add_argument("--show", type=int, default=4, help="disagreements shown per cause")
    p.add_argument("--json", help="write the figures to this file")
    a = p.parse_args(argv)

    import logging
    warnings.filterwarnings("ignore")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error"); os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
    for name in ("pytorch_lightning", "lightning.pytorch", "lightning_fabric", "ratsqa_nb"):
        logging.getLogger(name).setLevel(logging.ERROR)
    import torch, transformers
    transformers.utils.logging.disable_progress_bar()
    from ratsqa_nb.corpus import KorQuADV1Corpus, QAExample, sample_root
    from ratsqa_nb.inference import QAPredictor
    from ratsqa_nb.metric import evaluate_examples

    hf_py = ensure_hf_venv()
    model_dir = trained_model(a.hidden, a.layers, a.train_steps, a.retrain)
    torch.set_num_threads(a.threads)
    settings = dict(max_seq_length=MAX_SEQ, max_query_length=MAX_Q, doc_stride=HOP, max_answer_length=MAX_ANSWER,
                    n_best_size=N_BEST, device="cpu", batch_size=a.batch_size)
    ours = QAPredictor.from_pretrained(model_dir, **settings)
    ours_raw = QAPredictor.from_pretrained(model_dir, trim_particles=False, **settings)
    tok = ours.tokenizer

    dev = KorQuADV1Corpus().get_examples(sample_root()/"korquad-v1", "val")
    qlen = [len(tok(e.question_text, add_special_tokens=False)["input_ids"]) for e in dev]
    arrays = ours.features([QAExample(str(i), e.question_text, e.context_text) for i, e in enumerate(dev)]).arrays
    n_win = [int((arrays["example_index"] == i).sum()) for i in range(len(dev))]
    items = [{"q": e.question_text, "c": e.context_text, "stride": hf_overlap(n)} for e, n in zip(dev, qlen)]
    multi = [w > 1 for w in n_win]
    common_stride = hf_overlap(int(statistics.median(qlen)))
    print(f"model: {model_dir} (BERT {a.hidden} x {a.layers})")
    print(f"questions: {len(dev)} from the bundled dev sample, {len(set(e.context_text for e in dev))} contexts; "
          f"{multi.count(False)} single-window, {multi.count(True)} multi-window (2-3 windows); {sum(n_win)} windows in all; "
          f"question tokens {min(qlen)}-{max(qlen)} (none above max_question_len={MAX_Q})")

    job = {"model": str(model_dir), "threads": a.threads, "max_seq_len": MAX_SEQ, "max_question_len": MAX_Q, "max_answer_len": MAX_ANSWER}
    hf = HFWorker(hf_py, job)
    print(f"ours: transformers {transformers.__version__}, torch {torch.__version__}, {torch.get_num_threads()} thread(s) | "
          f"pipeline: transformers {hf.info['transformers']}, torch {hf.info['torch']}, {hf.info['threads']} thread(s) | "
          f"load average {os.getloadavg()[0]:.1f}")
    try:
        # ---- answers (the pipeline with each question's own doc_stride: the same windows as ours) ----
        hf_align = hf(cmd="answers", items=items, align=True)
        hf_plain = hf(cmd="answers", items=items, align=False)
        assert hf_align["windows"] == sum(n_win), (hf_align["windows"], sum(n_win))
        qs, cs = [e.question_text for e in dev], [e.context_text for e in dev]
        o_trim, o_raw = ours.predict(qs, cs), ours_raw.predict(qs, cs)
        for r in o_trim + o_raw: assert r is not None
        scores = evaluate_examples(dev, {e.question_id: r["answer"] for e, r in zip(dev, o_trim)}, quiet=True)
        scores_hf = evaluate_examples(dev, {e.question_id: r["answer"] for e, r in zip(dev, hf_align["answers"])}, quiet=True)

        # ---- latency, alternating sides ----
        t = {("ours", "single"): [], ("hf", "single"): [], ("ours", "batched"): [], ("hf", "batched"): []}
        ours.predict(qs[:4], cs[:4]); hf(cmd="single", items=items[:4]) # warm both
        hf_batched_windows = None
        for r in range(a.repeats):
            for side in (("ours", "hf") if r % 2 == 0 else ("hf", "ours")):
                if side == "ours":
                    t0 = time.perf_counter()
                    for q, c in zip(qs, cs): ours.predict(q, c)
                    t[("ours", "single")].append(time.perf_counter() - t0)
                    t0 = time.perf_counter(); ours.predict(qs, cs); t[("ours", "batched")].append(time.perf_counter() - t0)
                else:
                    t[("hf", "single")].append(hf(cmd="single", items=items)["seconds"])
                    res = hf(cmd="batched", items=items, stride=common_stride, batch_size=a.batch_size)
                    t[("hf", "batched")].append(res["seconds"]); hf_batched_windows = res["windows"]
            print(f"  round {r + 1}: per question, single: ours {1000 * t[('ours', 'single')][-1] / len(dev):.1f} ms, "
                  f"pipeline {1000 * t[('hf', 'single')][-1] / len(dev):.1f} ms | batched: ours "
                  f"{1000 * t[('ours', 'batched')][-1] / len(dev):.1f} ms, pipeline {1000 * t[('hf', 'batched')][-1] / len(dev):.1f} ms",
                  flush=True)
    finally:
        hf.close()

    n = len(dev)
    med = {k: 1000 * statistics.median(v) / n for k, v in t.items()}
    ratio = {m: statistics.median([o / h for o, h in zip(t[("ours", m)], t[("hf", m)])]) for m in ("single", "batched")}
    print(f"\nlatency per question, medians over {a.repeats} alternating rounds ({n} questions, {a.threads} thread(s)):")
    for m in ("single", "batched"):
        extra = f" (pipeline: one doc_stride={common_stride} for all, {hf_batched_windows} windows vs our {sum(n_win)})" if m == "batched" else ""
        print(f"  {m:<8} ours {med[('ours', m)]:7.2f} ms   pipeline {med[('hf', m)]:7.2f} ms   ratio ours/pipeline "
              f"{ratio[m]:.3f}{extra}")

    # ---- agreement ----
    H, P = hf_align["answers"], hf_plain["answers"]
    def agree(xs, ys, which=None):
        idx = [i for i in range(n) if which is None or multi[i] == which]
        return sum(span(xs[i]) == span(ys[i]) for i in idx), len(idx)
    print("\nagreement on (start, end), all / single-window / multi-window questions:")
    rows = [("ours (trim_particles=True)  vs pipeline (align_to_words=True) ", o_trim, H),
            ("ours (trim_particles=False) vs pipeline (align_to_words=True) ", o_raw, H),
            ("ours (trim_particles=True)  vs pipeline (align_to_words=False)", o_trim, P),
            ("ours (trim_particles=False) vs pipeline (align_to_words=False)", o_raw, P)]
    agreement = {}
    for label, xs, ys in rows:
        (k, m), (k1, m1), (k2, m2) = agree(xs, ys), agree(xs, ys, False), agree(xs, ys, True)
        agreement[label.strip()] = {"all": [k, m], "single": [k1, m1], "multi": [k2, m2]}
        print(f"  {label}: {k}/{m} ({100 * k / m:.0f} %)   {k1}/{m1}   {k2}/{m2}")

    # causes of the default-vs-default disagreements
    causes = {}
    for i in range(n):
        if span(o_trim[i]) == span(H[i]): continue
        same_raw_plain = span(o_raw[i]) == span(P[i])
        if span(o_raw[i]) == span(H[i]): cause = "particle trimming (ours without trimming = pipeline)"
        elif same_raw_plain and span(P[i]) != span(H[i]):
            cause = ("word alignment (align_to_words widens spans to whole words and adds up the scores of spans that "
                     "widen to the same words, which can change the pick; without it the pipeline agrees with ours)"
                     + ("" if span(o_trim[i]) == span(o_raw[i]) else " + particle trimming"))
        elif multi[i]: cause = "cross-window choice (pipeline: softmax per window; ours: start+end logits over all windows)"
        else: cause = "other single-window difference (n-best pre-selection / ties)"
        causes.setdefault(cause, []).append(i)
    print("\ndisagreements, ours (trim) vs pipeline (align_to_words), by cause:")
    for cause, idx in sorted(causes.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(idx):3d}  {cause}")
        for i in idx[:a.show]:
            print(f"         Q: {dev[i].question_text} | ours {o_trim[i]['answer']!r} (raw {o_raw[i]['answer']!r}) | "
                  f"pipeline {H[i]['answer']!r} (no word alignment {P[i]['answer']!r})")
    print(f"\nmodel quality on these questions (EM / F1): ours {scores['exact_match']:.1f} / {scores['f1']:.1f}, "
          f"pipeline {scores_hf['exact_match']:.1f} / {scores_hf['f1']:.1f}")

    ok = all(ratio[m] <= a.target for m in ratio)
    print(f"target ours <= {a.target:.1f} x pipeline per question: {'MET' if ok else 'MISSED'} "
          f"(single {ratio['single']:.3f}, batched {ratio['batched']:.3f})")
    if a.json:
        Path(a.json).write_text(json.dumps({"ms_per_question": {f"{k[0]}_{k[1]}": v for k, v in med.items()}, "ratio": ratio,
                                            "agreement": agreement, "causes": {k: len(v) for k, v in causes.items()},
                                            "em_f1": {"ours": scores, "pipeline": scores_hf}}, indent=1, ensure_ascii=False))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
