"""How ratsqa_nb's training-feature preprocessing scales: time, peak memory and cache size at several corpus sizes.

For each size (default 60k and 600k questions: KorQuAD 1.0 and an AI Hub-sized corpus; the first N questions of one
corpus generated from the bundled sample, or of `--korquad FILE`) a fresh python process loads the tokenizer and
builds `QADataset` in train mode at the book's settings (max_seq_length 128, max_query_length 32, doc_stride 64) with
a fresh cache folder, so its peak RSS (`getrusage(RUSAGE_SELF).ru_maxrss`, which counts memory-mapped pages the process
touched) belongs to that size alone; then it reopens the cache (the time a second run pays). Sizes are run in rotating
order, `--repeats` times each; times are medians.

Targets (issue 14), judged unless `--no-targets`:
- peak RSS at the largest size <= `--max-peak-mib` (2048) and <= `--max-peak-ratio` (1.5x) the peak at the smallest;
- cache folder <= `--max-cache-ratio` (3x) the JSON file's size, at every size;
- build throughput at the largest size >= `--min-qps` questions/s (default 2,680: main before the views, 600k
  questions, on the 2-core machine the issue was measured on; compare on the same machine only);
- per-question time of every size within `--tolerance` (1.2x) of every other's.
Exit status 1 when a target is missed, 2 on a setup error.

    python bench/scale.py                                   # 60000,600000 (about 8 minutes on 2 cores)
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
    fs = ds.features
    stored = sum(v.nbytes for v in {**fs.tokens, **fs.windows}.values())
    padded = len(fs) * fs.max_seq_length * (4 + 1 + 1 + 8) + len(fs) * 24 # what padded int32/int8 rows with offsets would take
    json_file = Path(root)/"korquad-v1"/"KorQuAD_v1.0_train.json"
    out = {"seconds": s, "windows": len(ds), "examples": len(ds.examples), "baseline_rss_mb": base_rss,
           "baseline_peak_mb": base_peak, "peak_rss_mb": B.peak_rss_mb(), "stored_mb": stored/2**20, "padded_mb": padded/2**20,
           "json_mb": json_file.stat().st_size/2**20, "loaded_from_cache": ds.loaded_from_cache,
           "cache_mb": sum(p.stat().st_size for p in ds.cache_dir.iterdir())/2**20 if ds.cache_dir.is_dir() else 0.0}
    del ds, fs
    with B.Timer() as t: again, _ = B.ratsqa_build(root, vocab, tokenizer=tok, overwrite_cache=False)
    out["reopen_s"], out["reopened"] = t.s, again.loaded_from_cache
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
    ap.add_argument("--sizes", default="60000,600000", help="comma-separated question counts")
    ap.add_argument("--repeats", type=int, default=1, help="fresh-process builds per size (medians are quoted)")
    ap.add_argument("--tolerance", type=float, default=1.2, help="max ratio between per-question times")
    ap.add_argument("--max-peak-mib", type=float, default=2048, help="target: peak RSS at the largest size")
    ap.add_argument("--max-peak-ratio", type=float, default=1.5, help="target: peak RSS, largest size / smallest size")
    ap.add_argument("--max-cache-ratio", type=float, default=3.0, help="target: cache folder size / JSON size")
    ap.add_argument("--min-qps", type=float, default=2680, help="target: build throughput (questions/s) at the largest size")
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
                         stored_mb=rs[0]["stored_mb"], padded_mb=rs[0]["padded_mb"], json_mb=rs[0]["json_mb"],
                         cache_mb=rs[0]["cache_mb"], reopen_s=B.median([r["reopen_s"] for r in rs]),
                         reopened=all(r["reopened"] for r in rs), seconds=[r["seconds"] for r in rs]))
    per_q = [r["us_per_question"] for r in rows]
    spread = max(per_q)/min(per_q)
    big, small = rows[-1], rows[0]
    peak_ratio = big["peak_rss_mb"]/small["peak_rss_mb"]
    cache_ratio = max(r["cache_mb"]/r["json_mb"] for r in rows)
    checks = [("PER-QUESTION TIME spread (largest / smallest)", f"{spread:.2f}x", f"<= {opt.tolerance:g}x", spread <= opt.tolerance),
              (f"PEAK MEMORY at {big['questions']:,} questions", f"{big['peak_rss_mb']:.0f} MiB", f"<= {opt.max_peak_mib:g} MiB",
               big["peak_rss_mb"] <= opt.max_peak_mib),
              (f"PEAK RATIO {big['questions']:,} / {small['questions']:,} questions", f"{peak_ratio:.2f}x", f"<= {opt.max_peak_ratio:g}x",
               peak_ratio <= opt.max_peak_ratio),
              ("CACHE / JSON size (worst size)", f"{cache_ratio:.2f}x", f"<= {opt.max_cache_ratio:g}x", cache_ratio <= opt.max_cache_ratio),
              (f"THROUGHPUT at {big['questions']:,} questions", f"{big['examples_per_s']:,.0f} q/s", f">= {opt.min_qps:,.0f} q/s",
               big["examples_per_s"] >= opt.min_qps),
              ("CACHE REOPENED by the second build", "yes" if all(r["reopened"] for r in rows) else "no", "yes",
               all(r["reopened"] for r in rows))]
    print("\n" + "=" * 118)
    print(f"SUMMARY scale benchmark (ratsqa_nb QADataset, train features, one fresh process per build, median of {opt.repeats})")
    print("-" * 118)
    print(f"{'questions':>10}{'windows':>10}{'median s':>10}{'q/s':>8}{'base MiB':>10}{'peak MiB':>10}{'peak-base':>10}"
          f"{'stored MiB':>11}{'padded MiB':>11}{'JSON MiB':>10}{'cache MiB':>10}{'reopen s':>9}")
    for r in rows:
        print(f"{r['questions']:>10,}{r['windows']:>10,}{r['median_s']:>10.1f}{r['examples_per_s']:>8,.0f}{r['baseline_rss_mb']:>10.0f}"
              f"{r['peak_rss_mb']:>10.0f}{r['build_peak_extra_mb']:>10.0f}{r['stored_mb']:>11.1f}{r['padded_mb']:>11.1f}"
              f"{r['json_mb']:>10.1f}{r['cache_mb']:>10.1f}{r['reopen_s']:>9.2f}")
    print("-" * 118)
    for what, got, target, ok in checks: print(f"{what}: {got} (target {target}) {'OK' if ok else 'MISSED'}")
    print("=" * 118)
    if opt.json: Path(opt.json).write_text(json.dumps({"machine": B.env_line(), "rows": rows, "checks": checks}, indent=2))
    missed = [c[0] for c in checks if not c[3]]
    if missed and not opt.no_targets: print(f"RESULT: FAIL ({'; '.join(missed)})"); return 1
    print("RESULT: " + ("PASS" if not missed else f"REPORTED (targets not judged; missed: {'; '.join(missed)})"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
