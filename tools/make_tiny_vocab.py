#!/usr/bin/env python3
"""Train the demo's WordPiece vocabulary on the bundled training sample and store it in the package.

    python tools/make_tiny_vocab.py     # writes ratsqa_nb/data/tiny-wordpiece/vocab.txt

The vocabulary is trained with `tokenizers` exactly as `ratsqa_nb.tokenizer.train_wordpiece_tokenizer` does
(cased, no accent stripping, 3,000 tokens).  It is bundled instead of being trained at the start of every
demo because the `tokenizers` trainer is not deterministic: pairs with equal counts are merged in an order
that depends on the process's hash seeds, so two trainings on the same text differ in a few dozen tokens
and in most token ids -- and a from-scratch model trained on top of them ends up a few EM points apart.
A fixed file makes `ratsqa_train --demo` reproducible.  Run this once after changing the sample, then
`tools/pretrain_tiny_bert.py` (the pre-trained tiny BERT is tied to these token ids).
"""
import shutil, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from ratsqa_nb.corpus import KorQuADV1Corpus, sample_root
from ratsqa_nb.tokenizer import TINY_VOCAB_SIZE, corpus_texts, train_wordpiece_tokenizer

def main():
    examples = KorQuADV1Corpus().get_examples(sample_root()/"korquad-v1", "train")
    with tempfile.TemporaryDirectory() as tmp:
        tok = train_wordpiece_tokenizer(corpus_texts(examples), tmp, vocab_size=TINY_VOCAB_SIZE)
        dest = ROOT/"ratsqa_nb"/"data"/"tiny-wordpiece"
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(tmp)/"vocab.txt", dest/"vocab.txt")
    print(f"wrote {dest/'vocab.txt'}: {len(tok)} tokens")

if __name__ == "__main__":
    main()
