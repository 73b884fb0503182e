"""Training-feature preprocessing benchmark: ratsqa_nb's QADataset against ratsnlp 1.0.53's (the book's library).

Both build KorQuAD 1.0 training windows at the book's settings (max_seq_length 128, max_query_length 32,
doc_stride 64) from the same JSON file with the same vocabulary (the tiny WordPiece folder of
`build_tiny_tokenizer`; ratsnlp loads it as the book does, as transformers 4.28.1's slow `BertTokenizer` with
do_lower_case=False). Each side's time covers its whole `QADataset(...)` build: reading the JSON, making the
features, and writing its feature cache; imports and tokenizer loading are outside it.

The corpus is KorQuAD-sized (60,000 questions by default, ~5.5 per paragraph) and made from the bundled sample
(see benchdata.py), or a real KorQuAD train file (`--korquad FILE`). ratsnlp is slow, so the two are timed side
by side on the first `--subset` questions (alternating, `--repeats` times each, medians quoted); ratsqa_nb is
also timed on the full corpus.

Then the features are compared window by window on the examples both keep (input_ids, attention_mask,
token_type_ids), and each side's answer labels are checked against the gold answer text.

ratsnlp runs in its own throwaway venv (default bench/.venv-ratsnlp, created on first use; keep it out of git)
with its pinned transformers 4.28.1 / pytorch-lightning 1.6.1, torch 2.13.0 and setuptools<70
(pytorch-lightning 1.6.1 imports pkg_resources, which recent setuptools no longer ship; torch 2.13 declares
setuptools>=77 but does not need it to run, so pip's conflict warning is expected).

Last, on a KorQuAD-dev-sized corpus (`--dev-questions`, 5,774) the whole build is timed side by side with the
tokenizer alone (the Rust tokenizer encoding each paragraph, with offsets, and each question once: the least any
build has to do), alternating, `--repeats` times each.

Exit status: 0 when the speed-up over ratsnlp's single process reaches `--target` (25x), the input_ids agree and
the dev-sized build takes at most `--floor-target` (2x) the tokenizer alone, 1 otherwise (`--no-targets` reports without judging), 2 on a setup error.

    python bench/preprocess.py                       # full run: ~7 min on a busy 2-core machine (+3 min once for the venv)
    python bench/preprocess.py --questions 2000 --skip-ratsnlp --no-targets   # smoke run
"""
from __future__ import annotations

import argparse, gc, json, os, shutil, subprocess, sys, tempfile, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import benchdata as B  # noqa: E402

RATSNLP_PINS = ["torch==2.13.0", "ratsnlp==1.0.53"]


# ---------------------------------------------------------------- the ratsnlp venv
def venv_python(venv: Path) -> Path: return venv/"bin"/"python"


def venv_works(venv: Path) -> bool:
    py = venv_python(venv)
    if not py.exists(): return False
    code = ("import warnings; warnings.filterwarnings('ignore'); import ratsnlp.nlpbook.qa, transformers, torch; "
            "assert transformers.__version__ == '4.28.1', transformers.__version__")
    return subprocess.run([str(py), "-c", code], capture_output=True).returncode == 0


def ensure_ratsnlp_venv(venv: Path, log=print) -> Path:
    "Create (or repair) the throwaway venv with ratsnlp 1.0.53; returns its python"
    if venv_works(venv): return venv_python(venv)
    log(f"installing ratsnlp 1.0.53 into {venv} (a few minutes, once)")
    if not venv_python(venv).exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv_python(venv)), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    # torch first (the CPU wheel on disk), then ratsnlp with torch held at that version, then the old setuptools
    # that still ships pkg_resources for pytorch-lightning 1.6.1 (pip then warns that torch wants setuptools>=77)
    for step in (["torch==2.13.0"], RATSNLP_PINS, ["setuptools<70"]):
        r = subprocess.run(pip + step, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"pip install {' '.join(step)} failed in {venv}:\n{r.stderr[-3000:]}")
    if not venv_works(venv):
        r = subprocess.run([str(venv_python(venv)), "-c", "import ratsnlp.nlpbook.qa"], capture_output=True, text=True)
        raise RuntimeError(f"ratsnlp does not import in {venv}:\n{r.stderr[-3000:]}")
    return venv_python(venv)


def run_ratsnlp(py: Path, root: Path, vocab: Path, work: Path, dump: Path | None = None, threads: int = 1) -> dict:
    res = work/f"ratsnlp-{time.time_ns()}.json"
    cmd = [str(py), str(HERE/"ratsnlp_runner.py"), "--root", str(root), "--vocab", str(vocab),
           "--result", str(res), "--threads", str(threads)]
    if dump: cmd += ["--dump", str(dump)]
    env = {**os.environ, "TOKENIZERS_PARALLELISM": "false", "PYTHONWARNINGS": "ignore"}
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0: raise RuntimeError(f"ratsnlp runner failed ({r.returncode}):\n{r.stderr[-4000:]}")
    out = json.loads(res.read_text()); res.unlink()
    out["could_not_find_answer_warnings"] = r.stderr.count("Could not find answer")
    return out


# ---------------------------------------------------------------- comparison and labels
def label_text(ex, offs, s, e):
    "Context text of the token span s..e of a window with character offsets `offs` (None if not context tokens)"
    if s <= 0 or e < s or e >= len(offs) or offs[s][0] < 0 or offs[e][0] < 0: return None
    return ex.context_text[offs[s][0]:offs[e][1]]


def label_counts(pairs):
    """pairs: per example, (gold text, [label text or 'invalid' per labelled window]).
    Counts labelled windows and answers, and how many of them hold the gold text."""
    c = dict(answers=0, answers_labelled=0, answers_exact=0, answers_containing_gold=0, answers_invalid_label=0,
             windows_labelled=0, windows_exact=0, windows_containing_gold=0, windows_invalid_label=0)
    for gold, texts in pairs:
        c["answers"] += 1
        c["windows_labelled"] += len(texts)
        valid = [t for t in texts if t is not None]
        c["windows_invalid_label"] += len(texts) - len(valid)
        c["windows_exact"] += sum(t == gold for t in valid)
        c["windows_containing_gold"] += sum(gold in t for t in valid)
        c["answers_labelled"] += bool(texts)
        c["answers_exact"] += any(t == gold for t in valid)
        c["answers_containing_gold"] += any(gold in t for t in valid)
        c["answers_invalid_label"] += bool(texts) and not valid
    return c


def compare(ds, dump_file: Path, max_show: int = 5) -> dict:
    "Compare ratsnlp's dumped features with ratsqa_nb's dataset `ds` example by example, window by window"
    import numpy as np
    d = np.load(dump_file, allow_pickle=True)
    r_ids, r_am, r_tt = d["input_ids"], d["attention_mask"], d["token_type_ids"]
    r_s, r_e, r_ex, r_q = d["start_positions"], d["end_positions"], d["example"], list(d["question_ids"])
    a = ds.arrays
    q_pos = {e.question_id: i for i, e in enumerate(ds.examples)}
    # windows of each example, both sides (features come grouped by example, in order)
    ours = {}
    for f, i in enumerate(a["example_index"]): ours.setdefault(int(i), []).append(f)
    theirs = {}
    for f, i in enumerate(r_ex): theirs.setdefault(int(i), []).append(f)
    st = dict(ratsqa_examples=len(ds.examples), ratsqa_windows=len(a["input_ids"]), ratsnlp_examples=len(r_q),
              ratsnlp_windows=len(r_ids), ratsnlp_dropped_by_corpus=len(ds.examples) - len(set(r_q)),
              ratsnlp_dropped_no_answer=sum(1 for j in range(len(r_q)) if j not in theirs),
              both_keep=0, window_count_mismatch=0, windows_compared=0, input_ids_mismatch=0,
              attention_mask_mismatch=0, token_type_ids_mismatch=0, same_label=0, ratsnlp_extra_answers=0,
              ratsnlp_end_before_start=0, ratsqa_label_inside_ratsnlp=0, label_differs_otherwise=0)
    shown, ours_pairs, theirs_pairs, ours_all = [], [], [], []
    for j, qid in enumerate(r_q):
        if j not in theirs: continue
        if qid not in q_pos:
            st["ratsnlp_extra_answers"] += 1; continue
        i = q_pos[qid]; ex = ds.examples[i]
        fo, ft = ours.get(i, []), theirs[j]
        st["both_keep"] += 1
        if len(fo) != len(ft):
            st["window_count_mismatch"] += 1
            if len(shown) < max_show: shown.append(f"{qid}: ratsqa_nb {len(fo)} windows, ratsnlp {len(ft)}")
            continue
        o_texts, t_texts = [], []
        for x, y in zip(fo, ft):
            st["windows_compared"] += 1
            same = np.array_equal(a["input_ids"][x], r_ids[y])
            if not same:
                st["input_ids_mismatch"] += 1
                if len(shown) < max_show:
                    k = int(np.flatnonzero(a["input_ids"][x] != r_ids[y])[0])
                    shown.append(f"{qid} window {x}: first differing position {k}: "
                                 f"{a['input_ids'][x][max(0, k-2):k+3].tolist()} vs {r_ids[y][max(0, k-2):k+3].tolist()}")
            st["attention_mask_mismatch"] += not np.array_equal(a["attention_mask"][x], r_am[y])
            st["token_type_ids_mismatch"] += not np.array_equal(a["token_type_ids"][x], r_tt[y])
            os_, oe = int(a["start_positions"][x]), int(a["end_positions"][x])
            ts, te = int(r_s[y]), int(r_e[y])
            if (os_, oe) == (ts, te): st["same_label"] += 1
            elif ts > 0 and te < ts: st["ratsnlp_end_before_start"] += 1
            elif os_ > 0 and ts <= os_ and oe <= te: st["ratsqa_label_inside_ratsnlp"] += 1
            else: st["label_differs_otherwise"] += 1
            offs = a["offsets"][x]
            if os_ > 0: o_texts.append(label_text(ex, offs, os_, oe))
            # ratsnlp's token positions read through ratsqa_nb's offsets of the same (identical) window
            if ts > 0 or te > 0: t_texts.append(label_text(ex, offs, ts, te) if same else None)
        ours_pairs.append((ex.answer_text, o_texts)); theirs_pairs.append((ex.answer_text, t_texts))
    for i, ex in enumerate(ds.examples):
        ours_all.append((ex.answer_text, [label_text(ex, a["offsets"][f], int(a["start_positions"][f]), int(a["end_positions"][f]))
                                          for f in ours.get(i, []) if a["start_positions"][f] > 0]))
    st["labels_ratsqa_both_keep"] = label_counts(ours_pairs)
    st["labels_ratsnlp_both_keep"] = label_counts(theirs_pairs)
    st["labels_ratsqa_all"] = label_counts(ours_all)
    st["examples_of_mismatches"] = shown
    return st


# ---------------------------------------------------------------- main
def parse(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", type=int, default=60000, help="size of the generated corpus (default 60000)")
    ap.add_argument("--korquad", help="a real KorQuAD 1.0 train file to use instead of the generated corpus")
    ap.add_argument("--vocab", help="a BERT tokenizer folder (vocab.txt) instead of the tiny WordPiece vocabulary")
    ap.add_argument("--subset", type=int, default=6000, help="questions both libraries are timed on (default 6000)")
    ap.add_argument("--repeats", type=int, default=3, help="timed builds per side and size (medians are quoted)")
    ap.add_argument("--target", type=float, default=25.0, help="required speed-up over ratsnlp's single process")
    ap.add_argument("--dev-questions", type=int, default=5774, help="size of the corpus timed against the tokenizer alone")
    ap.add_argument("--floor-target", type=float, default=2.0, help="max ratio: dev-sized build / tokenizer alone")
    ap.add_argument("--skip-ratsnlp", action="store_true", help="time ratsqa_nb only (no venv, no comparison)")
    ap.add_argument("--no-targets", action="store_true", help="report without judging (exit 0 unless it breaks)")
    ap.add_argument("--ratsnlp-venv", default=str(HERE/".venv-ratsnlp"), help="throwaway venv for ratsnlp")
    ap.add_argument("--workdir", help="folder for corpora and caches (default: a temporary folder, removed)")
    ap.add_argument("--profile", action="store_true", help="cProfile one full-size ratsqa_nb build and print the top")
    ap.add_argument("--json", help="also write all results to this JSON file")
    return ap.parse_args(argv)


def tokenizer_floor(root, tok) -> float:
    "Seconds the Rust tokenizer takes to encode each paragraph (with offsets) and each question of `root`'s train file once"
    from ratsqa_nb.tokenizer import backend_copy
    d = B.load_json(Path(root)/"korquad-v1"/"KorQuAD_v1.0_train.json")
    paras = [p for a in d["data"] for p in a["paragraphs"]]
    contexts, questions = [p["context"] for p in paras], [q["question"] for p in paras for q in p["qas"]]
    bk = backend_copy(tok)
    with B.Timer() as t:
        bk.encode_batch(contexts, add_special_tokens=False)
        getattr(bk, "encode_batch_fast", bk.encode_batch)(questions, add_special_tokens=False)
    return t.s


def profile_build(root, vocab, tok, top=18):
    import cProfile, io, pstats
    pr = cProfile.Profile(); pr.enable()
    ds, s = B.ratsqa_build(root, vocab, tokenizer=tok)
    pr.disable(); del ds
    buf = io.StringIO(); pstats.Stats(pr, stream=buf).sort_stats("cumulative").print_stats(top)
    print(f"\ncProfile of one ratsqa_nb build ({s:.1f} s under the profiler), by cumulative time:")
    print("\n".join(l for l in buf.getvalue().splitlines() if l.strip())[:6000])


def main(argv=None) -> int:
    opt = parse(argv)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "true")
    import warnings; warnings.filterwarnings("ignore")
    work = Path(opt.workdir) if opt.workdir else Path(tempfile.mkdtemp(prefix="ratsqa-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try: return run(opt, work)
    finally:
        if not opt.workdir: shutil.rmtree(work, ignore_errors=True)


def run(opt, work: Path) -> int:
    from ratsqa_nb.tokenizer import load_tokenizer
    from ratsqa_nb.dataset import answer_coverage
    t_setup = time.perf_counter()
    vocab = Path(opt.vocab).resolve() if opt.vocab else B.tiny_vocab(work/"tiny-vocab")
    if opt.korquad:
        full = B.load_json(opt.korquad); source = f"KorQuAD file {opt.korquad}"
    else:
        full = B.synth_corpus(opt.questions); source = "generated from the bundled sample (replicas, perturbed names/digits)"
    n_full = B.count_questions(full)
    n_sub = min(opt.subset, n_full)
    sub = B.take_questions(full, n_sub)
    n_dev = min(opt.dev_questions, n_full)
    root_dev = B.write_corpus(B.take_questions(full, n_dev), work/"dev-sized")
    root_full, root_sub = B.write_corpus(full, work/"full"), B.write_corpus(sub, work/"subset")
    stats_full, stats_sub = B.corpus_stats(full), B.corpus_stats(sub)
    del full, sub
    tok = load_tokenizer(str(vocab))
    print(f"corpus: {source}")
    print(f"  full   : {stats_full['questions']:,} questions, {stats_full['paragraphs']:,} paragraphs "
          f"({stats_full['questions_per_paragraph']:.2f} q/paragraph, {stats_full['distinct_contexts']:,} distinct contexts, "
          f"{stats_full['mean_context_chars']:.0f} chars/context)")
    print(f"  subset : {stats_sub['questions']:,} questions, {stats_sub['paragraphs']:,} paragraphs")
    print(f"settings: max_seq_length 128, max_query_length 32, doc_stride 64; vocabulary {vocab} ({len(tok)} tokens)")
    print(f"machine : {B.env_line()}; setup {time.perf_counter() - t_setup:.1f} s")
    res = {"source": source, "full": stats_full, "subset": stats_sub, "machine": B.env_line()}

    py = None
    if not opt.skip_ratsnlp:
        try: py = ensure_ratsnlp_venv(Path(opt.ratsnlp_venv))
        except Exception as e:
            print(f"ERROR: could not set up ratsnlp: {e}", file=sys.stderr); return 2

    # 1. correctness: one ratsnlp build with tagged features, one ratsqa_nb build, compared window by window
    cmp = None
    ds_sub, _ = B.ratsqa_build(root_sub, vocab, tokenizer=tok)
    cov, n_windows_sub = answer_coverage(ds_sub), len(ds_sub)
    if py:
        dump = work/"ratsnlp-features.npz"
        print(f"\nratsnlp: verification build with tagged features on {n_sub:,} questions ...", flush=True)
        vr = run_ratsnlp(py, root_sub, vocab, work, dump=dump)
        res["ratsnlp_versions"] = vr["versions"]
        cmp = compare(ds_sub, dump)
        res["comparison"] = cmp
    del ds_sub; gc.collect()

    # 2. speed, side by side on the subset (alternating), then ratsqa_nb on the full corpus
    t_ours_sub, t_theirs_sub, t_ours_full = [], [], []
    for k in range(opt.repeats):
        ds, s = B.ratsqa_build(root_sub, vocab, tokenizer=tok); t_ours_sub.append(s); del ds; gc.collect()
        line = f"repeat {k+1}/{opt.repeats}: ratsqa_nb {n_sub:,} q {s:.2f} s"
        if py:
            r = run_ratsnlp(py, root_sub, vocab, work); t_theirs_sub.append(r["seconds"])
            line += f" | ratsnlp {n_sub:,} q {r['seconds']:.1f} s"
        print(line, flush=True)
    n_windows_full = None
    for k in range(opt.repeats):
        ds, s = B.ratsqa_build(root_full, vocab, tokenizer=tok); t_ours_full.append(s)
        n_windows_full = len(ds)
        if k == 0: cov_full = answer_coverage(ds)
        del ds; gc.collect()
        print(f"repeat {k+1}/{opt.repeats}: ratsqa_nb {n_full:,} q {s:.2f} s", flush=True)
    if opt.profile: profile_build(root_full, vocab, tok)
    t_dev, t_floor = [], []
    for k in range(opt.repeats):
        ds, s = B.ratsqa_build(root_dev, vocab, tokenizer=tok); t_dev.append(s); del ds; gc.collect()
        t_floor.append(tokenizer_floor(root_dev, tok))
        print(f"repeat {k+1}/{opt.repeats}: ratsqa_nb {n_dev:,} q {s:.3f} s | tokenizer alone {t_floor[-1]:.3f} s", flush=True)
    floor_ratio = B.median([a/b for a, b in zip(t_dev, t_floor)])
    res.update(dev_sized={"questions": n_dev, "build_s": t_dev, "tokenizer_alone_s": t_floor, "ratio": floor_ratio})

    eps = lambda n, ts: n/B.median(ts)
    ours_sub, ours_full = eps(n_sub, t_ours_sub), eps(n_full, t_ours_full)
    theirs_sub = eps(n_sub, t_theirs_sub) if py else None
    ratio = ours_sub/theirs_sub if py else None
    ratio_pairs = B.median([b/a for a, b in zip(t_ours_sub, t_theirs_sub)]) if py else None
    res.update(times={"ratsqa_subset_s": t_ours_sub, "ratsnlp_subset_s": t_theirs_sub, "ratsqa_full_s": t_ours_full},
               examples_per_s={"ratsqa_subset": ours_sub, "ratsnlp_subset": theirs_sub, "ratsqa_full": ours_full},
               ratio=ratio, ratio_median_of_pairs=ratio_pairs, ratsqa_coverage_subset=cov, ratsqa_coverage_full=cov_full,
               ratsqa_windows_full=n_windows_full)

    # 3. summary
    fails = []
    print("\n" + "=" * 78)
    print("SUMMARY preprocess benchmark (training features; examples/s = questions in the file / build seconds,")
    print(f"        median of {opt.repeats}; ratsnlp = QADataset with threads=1, i.e. one worker process)")
    print("-" * 78)
    print(f"{'side':<34}{'questions':>10}{'median s':>10}{'examples/s':>12}{'windows':>10}")
    if py:
        print(f"{'ratsnlp 1.0.53 (slow BertTokenizer)':<34}{n_sub:>10,}{B.median(t_theirs_sub):>10.2f}{theirs_sub:>12,.0f}"
              f"{cmp['ratsnlp_windows']:>10,}")
    print(f"{'ratsqa_nb QADataset':<34}{n_sub:>10,}{B.median(t_ours_sub):>10.2f}{ours_sub:>12,.0f}"
          f"{n_windows_sub:>10,}")
    print(f"{'ratsqa_nb QADataset (full)':<34}{n_full:>10,}{B.median(t_ours_full):>10.2f}{ours_full:>12,.0f}{n_windows_full:>10,}")
    print("-" * 78)
    if py:
        ok = ratio >= opt.target
        print(f"SPEEDUP ratsqa_nb / ratsnlp on the same {n_sub:,} questions: {ratio:.1f}x "
              f"(median of per-repeat ratios {ratio_pairs:.1f}x; target >= {opt.target:g}x) {'OK' if ok else 'MISSED'}")
        print(f"  (ratsqa_nb on {n_full:,} questions vs ratsnlp on {n_sub:,}: {ours_full/theirs_sub:.1f}x)")
        if not ok: fails.append(f"speed-up {ratio:.1f}x < {opt.target:g}x")
        c = cmp
        agree = c["input_ids_mismatch"] == 0 and c["window_count_mismatch"] == 0
        print(f"INPUT_IDS on the {c['both_keep']:,} examples both keep: {c['windows_compared']:,} windows compared, "
              f"{c['input_ids_mismatch']} input_ids mismatches, {c['window_count_mismatch']} window-count mismatches "
              f"{'IDENTICAL' if agree else 'DIFFER'}")
        print(f"  attention_mask mismatches {c['attention_mask_mismatch']}, token_type_ids mismatches {c['token_type_ids_mismatch']}; "
              f"ratsnlp dropped {c['ratsnlp_dropped_by_corpus']} questions in its corpus reader (answer_start == 0) "
              f"and {c['ratsnlp_dropped_no_answer']} as 'could not find answer'")
        for m in c["examples_of_mismatches"]: print("   ", m)
        if not agree: fails.append("input_ids differ")
        print(f"  (start, end) labels: identical in {c['same_label']:,} of {c['windows_compared']:,} windows; "
              f"ratsqa_nb's span inside ratsnlp's (tighter) in {c['ratsqa_label_inside_ratsnlp']:,}; ratsnlp end < start in "
              f"{c['ratsnlp_end_before_start']:,} (answer in the context's last word); other {c['label_differs_otherwise']:,}")
        print("LABELS on the examples both keep (gold = first answer text; a label 'holds' gold if its text contains it):")
        print(f"  {'side':<12}{'answers':>9}{'labelled':>10}{'exact':>8}{'holds':>8}{'invalid':>9} |"
              f"{'windows':>9}{'exact':>8}{'holds':>8}{'invalid':>9}")
        for name, l in (("ratsnlp", c["labels_ratsnlp_both_keep"]), ("ratsqa_nb", c["labels_ratsqa_both_keep"]),
                        ("ratsqa (all)", c["labels_ratsqa_all"])):
            print(f"  {name:<12}{l['answers']:>9,}{l['answers_labelled']:>10,}{l['answers_exact']:>8,}"
                  f"{l['answers_containing_gold']:>8,}{l['answers_invalid_label']:>9,} |{l['windows_labelled']:>9,}"
                  f"{l['windows_exact']:>8,}{l['windows_containing_gold']:>8,}{l['windows_invalid_label']:>9,}")
        print("  (invalid = a label that does not fall on context tokens, or on a window whose input_ids differ)")
    ok_floor = floor_ratio <= opt.floor_target
    print(f"FLOOR dev-sized ({n_dev:,} q) build / tokenizer alone: {B.median(t_dev):.3f} s / {B.median(t_floor):.3f} s = "
          f"{floor_ratio:.2f}x (median of per-repeat ratios; target <= {opt.floor_target:g}x) {'OK' if ok_floor else 'MISSED'}")
    if not ok_floor: fails.append(f"dev-sized build {floor_ratio:.2f}x the tokenizer alone > {opt.floor_target:g}x")
    print(f"ratsqa_nb answer_coverage: subset {cov}, full {cov_full}")
    print("=" * 78)
    if opt.json: Path(opt.json).write_text(json.dumps(res, indent=2, ensure_ascii=False))
    if fails and not opt.no_targets:
        print("RESULT: FAIL (" + "; ".join(fails) + ")"); return 1
    print("RESULT: " + ("PASS" if not fails else "REPORTED (targets not judged: " + "; ".join(fails) + ")")
          + ("" if py else " (ratsnlp skipped: no comparison)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
