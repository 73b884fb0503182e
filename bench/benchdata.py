"""Shared helpers for the preprocessing benchmarks: a KorQuAD-sized corpus made from the bundled sample,
the tiny WordPiece vocabulary, and small timing / memory utilities.

The corpus generator replicates the sample's articles (paragraphs with their questions) under new question ids.
Replica 0 is the sample itself; replica r > 0 passes the context, the questions and the answers through one
character permutation (digits among digits, a few name syllables among themselves), so contexts differ between
replicas while every answer stays at its `answer_start` (the permutation keeps lengths and word boundaries).
"""
from __future__ import annotations

import json, os, random, statistics, time
from pathlib import Path

# syllables that mostly occur in Korean names; permuted among themselves in replicas > 0
NAME_SYLLABLES = "김박최강윤임황홍류송권배"
DIGITS = "0123456789"


def replica_table(r: int) -> dict:
    "`str.translate` table of replica `r` (identity for r = 0)"
    if r == 0: return {}
    rng = random.Random(1000 + r)
    table = {}
    for pool in (DIGITS, NAME_SYLLABLES):
        shuffled = list(pool)
        while shuffled == list(pool): rng.shuffle(shuffled)
        table.update({ord(a): b for a, b in zip(pool, shuffled)})
    return table


def load_json(path) -> dict:
    with open(path, encoding="utf-8") as f: return json.load(f)


def count_questions(d: dict) -> int:
    return sum(len(p["qas"]) for a in d["data"] for p in a["paragraphs"])


def sample_train_file() -> Path:
    "The bundled sample's train file (found without importing ratsqa_nb, which would import torch)"
    import importlib.util
    spec = importlib.util.find_spec("ratsqa_nb")
    if spec is None or not spec.submodule_search_locations: raise ModuleNotFoundError("ratsqa_nb is not installed")
    return Path(list(spec.submodule_search_locations)[0])/"data"/"korquad-v1"/"KorQuAD_v1.0_train.json"


def synth_corpus(n_questions: int, source=None) -> dict:
    """KorQuAD 1.0 dict with exactly `n_questions` questions, made by replicating `source` (default: the bundled
    sample's train file). The first k questions of a bigger corpus are the same as those of a smaller one."""
    src = load_json(source or sample_train_file())
    if count_questions(src) == 0: raise ValueError("source corpus has no questions")
    out, left, r = [], n_questions, 0
    while left > 0:
        tr = replica_table(r)
        for a in src["data"]:
            paras = []
            for p in a["paragraphs"]:
                if left <= 0: break
                qas = []
                for qa in p["qas"][:left]:
                    qas.append({"question": qa["question"].translate(tr),
                                "id": qa["id"] if r == 0 else f"{qa['id']}-r{r}",
                                "answers": [{"text": x["text"].translate(tr), "answer_start": x["answer_start"]}
                                            for x in qa["answers"]]})
                left -= len(qas)
                paras.append({"context": p["context"].translate(tr), "qas": qas})
            if paras: out.append({"title": a.get("title", "") if r == 0 else f"{a.get('title', '')} ({r})",
                                  "paragraphs": paras})
            if left <= 0: break
        r += 1
    return {"version": "KorQuAD_v1.0_train", "data": out}


def take_questions(d: dict, n: int) -> dict:
    "The first `n` questions of a KorQuAD dict (paragraphs cut where needed)"
    out, left = [], n
    for a in d["data"]:
        if left <= 0: break
        paras = []
        for p in a["paragraphs"]:
            if left <= 0: break
            qas = p["qas"][:left]; left -= len(qas)
            if qas: paras.append({**p, "qas": qas})
        if paras: out.append({**a, "paragraphs": paras})
    return {**{k: v for k, v in d.items() if k != "data"}, "data": out}


def write_corpus(d: dict, root) -> Path:
    "Write `d` as `<root>/korquad-v1/KorQuAD_v1.0_train.json`; returns the corpus root dir"
    folder = Path(root)/"korquad-v1"; folder.mkdir(parents=True, exist_ok=True)
    with open(folder/"KorQuAD_v1.0_train.json", "w", encoding="utf-8") as f: json.dump(d, f, ensure_ascii=False)
    return Path(root)


def corpus_stats(d: dict) -> dict:
    paras = [p for a in d["data"] for p in a["paragraphs"]]
    nq = sum(len(p["qas"]) for p in paras)
    return {"questions": nq, "paragraphs": len(paras), "questions_per_paragraph": nq/max(1, len(paras)),
            "distinct_contexts": len({p["context"] for p in paras}),
            "mean_context_chars": sum(len(p["context"]) for p in paras)/max(1, len(paras))}


def tiny_vocab(folder) -> Path:
    "The tiny WordPiece vocabulary folder (`build_tiny_tokenizer`), built once"
    folder = Path(folder)
    if not (folder/"vocab.txt").exists():
        from ratsqa_nb.tokenizer import build_tiny_tokenizer
        build_tiny_tokenizer(folder)
    return folder


def rss_mb() -> float:
    "Current resident set size in MiB (Linux)"
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"): return int(line.split()[1])/1024
    return float("nan")


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB: Linux's VmHWM, else ru_maxrss (KiB on Linux, bytes on macOS).
    Not ru_maxrss on Linux: it survives fork + exec, so a worker started by a big parent would report the parent's peak."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"): return int(line.split()[1])/1024
    except OSError: pass
    import resource, sys
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r/2**20 if sys.platform == "darwin" else r/1024


def median(xs): return statistics.median(xs) if xs else float("nan")


class Timer:
    def __enter__(self): self.t0 = time.perf_counter(); return self
    def __exit__(self, *a): self.s = time.perf_counter() - self.t0


def ratsqa_build(root, vocab_dir, tokenizer=None, max_seq_length=128, max_query_length=32, doc_stride=64, overwrite_cache=True):
    "Whole `ratsqa_nb` training-feature build (read JSON, features, write cache); returns (dataset, seconds)"
    from ratsqa_nb.settings import QATrainArguments
    from ratsqa_nb.corpus import KorQuADV1Corpus
    from ratsqa_nb.dataset import QADataset
    from ratsqa_nb.tokenizer import load_tokenizer
    tok = tokenizer or load_tokenizer(str(vocab_dir))
    args = QATrainArguments(pretrained_model_name=str(vocab_dir), downstream_corpus_root_dir=str(root),
                            downstream_corpus_name="korquad-v1", max_seq_length=max_seq_length,
                            max_query_length=max_query_length, doc_stride=doc_stride, overwrite_cache=overwrite_cache)
    with Timer() as t: ds = QADataset(args, KorQuADV1Corpus(), tok, mode="train", progress=False, cache=True)
    return ds, t.s


def env_line() -> str:
    import platform
    return f"{platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores ({platform.platform()})"
