"""Feature building for every encoder family, against the tokenizer alone (the least any build has to do).

For each tokenizer kind that `ratsqa_nb.model.TINY_FAMILIES` uses (the bundled WordPiece of BERT / ELECTRA / KLUE-RoBERTa,
an XLM-R-style SentencePiece Unigram with `<s> q </s></s> c </s>`, a DeBERTa-v2-style Unigram), a KorQuAD-dev-sized corpus
(`--questions`, 5,774) generated from the bundled sample is built into training windows by `QADataset` (read JSON,
tokenize, windows and labels, write the cache), alternating with the Rust tokenizer alone encoding each paragraph (with
offsets) and each question once; `--repeats` times each. The ratio build / tokenizer alone is the median of the per-repeat
ratios. Exit status 0 when every family stays within `--target` (2x), 1 otherwise (`--no-targets`: report only).

    python bench/families.py                 # ~2 min on a 2-core machine
    python bench/families.py --questions 1000 --repeats 1 --no-targets   # smoke run
"""
from __future__ import annotations

import argparse, gc, os, shutil, sys, tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import benchdata as B  # noqa: E402
from preprocess import tokenizer_floor  # noqa: E402


def tokenizers(work: Path) -> dict:
    "One tokenizer of each kind the tiny families use"
    from ratsqa_nb.corpus import KorQuADV1Corpus, sample_root
    from ratsqa_nb.tokenizer import bundled_tokenizer, corpus_texts, train_unigram_tokenizer
    texts = corpus_texts(KorQuADV1Corpus().get_examples(sample_root()/"korquad-v1", "train"))
    return {"WordPiece (bert, electra, roberta)": bundled_tokenizer(work/"wordpiece"),
            "Unigram (xlm-roberta)": train_unigram_tokenizer(texts, work/"xlmr"),
            "Unigram (deberta-v2)": train_unigram_tokenizer(texts, work/"deberta", tokenizer_class="DebertaV2TokenizerFast")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", type=int, default=5774, help="questions in the corpus (KorQuAD 1.0 dev has 5,774)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--target", type=float, default=2.0, help="max ratio: build / tokenizer alone")
    ap.add_argument("--no-targets", action="store_true")
    opt = ap.parse_args(argv)
    import warnings; warnings.filterwarnings("ignore")
    work = Path(tempfile.mkdtemp(prefix="ratsqa-families-"))
    try:
        root = B.write_corpus(B.take_questions(B.synth_corpus(opt.questions), opt.questions), work/"corpus")
        print(f"corpus: {opt.questions:,} questions generated from the bundled sample; settings 128 / 32 / 64")
        print(f"machine: {B.env_line()}")
        fails = []
        for name, tok in tokenizers(work).items():
            builds, floors = [], []
            for _ in range(opt.repeats):
                ds, s = B.ratsqa_build(root, work/"unused", tokenizer=tok); n = len(ds); del ds; gc.collect()
                builds.append(s); floors.append(tokenizer_floor(root, tok))
            ratio = B.median([a/b for a, b in zip(builds, floors)])
            print(f"{name:36} {n:,} windows | build {B.median(builds):.3f} s | tokenizer alone {B.median(floors):.3f} s | "
                  f"ratio {ratio:.2f}x (per-repeat {', '.join(f'{a/b:.2f}' for a, b in zip(builds, floors))})", flush=True)
            if ratio > opt.target: fails.append(f"{name}: {ratio:.2f}x > {opt.target:g}x")
        if fails and not opt.no_targets: print("FAIL " + "; ".join(fails)); return 1
        print("OK" if not fails else "(targets not judged) " + "; ".join(fails))
        return 0
    finally: shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
