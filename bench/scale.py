"""How ratsqa_nb's training-feature preprocessing scales: time and peak memory at several corpus sizes.

For each size (default 6k, 30k and 60k questions; the first N questions of one corpus generated from the bundled
sample, or of `--korquad FILE`) a fresh python process loads the tokenizer and builds `QADataset` in train mode at
the book's settings (max_seq_length 128, max_query_length 32, doc_stride 64) with a fresh cache, so its peak RSS
(`getrusage(RUSAGE_SELF).ru_maxrss`) belongs to that size alone. Sizes are run in rotating order, `--repeats`
times each; times are medians. The check: the per-question time of every size lies within `--tolerance` (1.2x)
of every other's (largest / smallest). Exit status 1 when it does not (unless `--no-targets`), 2 on a setup error.

    python bench/scale.py                          # 6000,30000,60000
    python bench/scale.py --sizes 500,1000 --repeats 1 --no-targets   # smoke run
"""
from __future__ import annotations

import argparse, json, os, shutil, subprocess, sys, tempfile, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import benchdata as B  # noqa: E402


def worker(root: str, vocab: str, result: str):
    "One build in this (fresh) process; writes seconds, windows and memory figures to `result`"
    import warnings; warnings.filterwarnings("ignore")
    from ratsqa_nb.tokenizer import load_tokenizer
    tok = load_tokenizer(vocab)
    base_rss, base_peak = B.rss_mb(), B.peak_rss_mb()
    ds, s = B.ratsqa_build(root, vocab, tokenizer=tok)
    out = {"seconds": s, "windows": len(ds), "examples": len(ds.examples), "baseline_rss_mb": base_rss,
           "baseline_peak_mb": base_peak, "peak_rss_mb": B.peak_rss_mb(),
           "arrays_mb": sum(v.nbytes for v in ds.arrays.values())/2**20,
           "cache_mb": ds.cache_file.stat().st_size/2**20 if ds.cache_file.exists() else 0.0}
    Path(result).write_text(json.dumps(out))


def run_worker(root: Path, vocab: Path, work: Path) -> dict:
    res = work/f"scale-{time.time_ns()}.json"
    r = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", str(root), str(vocab), str(res)],
                       capture_output=True, text=True)
    if r.returncode != 0: raise RuntimeError(f"worker failed on {root}:\n{r.stderr[-3000:]}")
    out = json.loads(res.read_text()); res.unlink()
    return out


def parse(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="6000,30000,60000", help="comma-separated question counts")
    ap.add_argument("--repeats", type=int, default=3, help="fresh-process builds per size (medians are quoted)")
    ap.add_argument("--tolerance", type=float, default=1.2, help="max ratio between per-question times")
    ap.add_argument("--korquad", help="a real KorQuAD 1.0 train file to take the sizes from")
    ap.add_argument("--vocab", help="a BERT tokenizer folder (vocab.txt) instead of the tiny WordPiece vocabulary")
    ap.add_argument("--no-targets", action="store_true", help="report without judging")
    ap.add_argument("--workdir", help="folder for corpora and caches (default: a temporary folder, removed)")
    ap.add_argument("--json", help="also write the results to this JSON file")
    ap.add_argument("--worker", nargs=3, metavar=("ROOT", "VOCAB", "RESULT"), help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv=None) -> int:
    opt = parse(argv)
    if opt.worker: worker(*opt.worker); return 0
    try: sizes = sorted({int(x) for x in opt.sizes.split(",") if x.strip()})
    except ValueError: print(f"ERROR: --sizes {opt.sizes!r} must be comma-separated integers", file=sys.stderr); return 2
    if not sizes or min(sizes) <= 0: print("ERROR: sizes must be positive", file=sys.stderr); return 2
    work = Path(opt.workdir) if opt.workdir else Path(tempfile.mkdtemp(prefix="ratsqa-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try: return run(opt, sizes, work)
    finally:
        if not opt.workdir: shutil.rmtree(work, ignore_errors=True)


def run(opt, sizes, work: Path) -> int:
    vocab = Path(opt.vocab).resolve() if opt.vocab else B.tiny_vocab(work/"tiny-vocab")
    full = B.load_json(opt.korquad) if opt.korquad else B.synth_corpus(max(sizes))
    have = B.count_questions(full)
    if max(sizes) > have:
        print(f"ERROR: the corpus has {have:,} questions, fewer than {max(sizes):,}", file=sys.stderr); return 2
    roots = {n: B.write_corpus(B.take_questions(full, n), work/f"q{n}") for n in sizes}
    stats = {n: B.corpus_stats(B.take_questions(full, n)) for n in sizes}
    del full
    print(f"machine: {B.env_line()}")
    print(f"corpus : {'KorQuAD file ' + opt.korquad if opt.korquad else 'generated from the bundled sample'}; "
          f"sizes {', '.join(f'{n:,}' for n in sizes)}; {opt.repeats} fresh-process builds per size", flush=True)
    runs = {n: [] for n in sizes}
    for k in range(opt.repeats):
        order = sizes[k % len(sizes):] + sizes[:k % len(sizes)]  # rotate so no size always runs first
        for n in order:
            r = run_worker(roots[n], vocab, work); runs[n].append(r)
            print(f"  repeat {k+1}/{opt.repeats}: {n:>7,} questions {r['seconds']:7.2f} s, peak RSS {r['peak_rss_mb']:7.0f} MiB",
                  flush=True)
    rows = []
    for n in sizes:
        rs = runs[n]
        s = B.median([r["seconds"] for r in rs])
        rows.append(dict(questions=n, paragraphs=stats[n]["paragraphs"], windows=rs[0]["windows"], median_s=s,
                         us_per_question=s/n*1e6, examples_per_s=n/s,
                         baseline_rss_mb=B.median([r["baseline_rss_mb"] for r in rs]),
                         peak_rss_mb=max(r["peak_rss_mb"] for r in rs),
                         build_peak_extra_mb=max(r["peak_rss_mb"] - r["baseline_rss_mb"] for r in rs),
                         arrays_mb=rs[0]["arrays_mb"], cache_mb=rs[0]["cache_mb"], seconds=[r["seconds"] for r in rs]))
    per_q = [r["us_per_question"] for r in rows]
    spread = max(per_q)/min(per_q)
    ok = spread <= opt.tolerance
    print("\n" + "=" * 100)
    print(f"SUMMARY scale benchmark (ratsqa_nb QADataset, train features, one fresh process per build, median of {opt.repeats})")
    print("-" * 100)
    print(f"{'questions':>10}{'windows':>9}{'median s':>10}{'us/question':>13}{'examples/s':>12}"
          f"{'base RSS MiB':>14}{'peak RSS MiB':>14}{'peak-base':>11}{'arrays MiB':>12}")
    for r in rows:
        print(f"{r['questions']:>10,}{r['windows']:>9,}{r['median_s']:>10.2f}{r['us_per_question']:>13.1f}"
              f"{r['examples_per_s']:>12,.0f}{r['baseline_rss_mb']:>14.0f}{r['peak_rss_mb']:>14.0f}"
              f"{r['build_peak_extra_mb']:>11.0f}{r['arrays_mb']:>12.1f}")
    print("-" * 100)
    print(f"PER-QUESTION TIME spread (largest / smallest): {spread:.2f}x (target <= {opt.tolerance:g}x) {'OK' if ok else 'MISSED'}")
    print(f"PEAK MEMORY at {rows[-1]['questions']:,} questions: {rows[-1]['peak_rss_mb']:.0f} MiB peak RSS "
          f"({rows[-1]['build_peak_extra_mb']:.0f} MiB above the process after imports and tokenizer loading)")
    print("=" * 100)
    if opt.json: Path(opt.json).write_text(json.dumps({"machine": B.env_line(), "rows": rows, "spread": spread}, indent=2))
    if not ok and not opt.no_targets:
        print(f"RESULT: FAIL (per-question time spread {spread:.2f}x > {opt.tolerance:g}x)"); return 1
    print("RESULT: " + ("PASS" if ok else f"REPORTED (targets not judged: spread {spread:.2f}x)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
