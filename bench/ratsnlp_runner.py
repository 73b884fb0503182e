"""Runs ratsnlp 1.0.53's `QADataset` (the book's library) once on a KorQuAD train file.

Run it with the python of the throwaway ratsnlp venv (see `preprocess.py --help`), never with the project's venv:

    bench/.venv-ratsnlp/bin/python bench/ratsnlp_runner.py --root DIR --vocab VOCAB_DIR --result out.json [--dump out.npz]

It builds the book's objects exactly as the book does: `BertTokenizer.from_pretrained(vocab, do_lower_case=False)`
(the slow tokenizer of transformers 4.28.1), ratsnlp's `QATrainArguments`, `KorQuADV1Corpus` and
`QADataset(args, tokenizer, corpus, mode="train")` with `threads=1` (one worker process in ratsnlp's Pool) and
`overwrite_cache=True`, and times that constructor (reading JSON, features, `torch.save` of the cache).

With `--dump`, every feature is also tagged with the question id of its example so that the caller can compare
ratsnlp's windows with ratsqa_nb's one by one. The tag is added by wrapping ratsnlp's per-example conversion
function; use the timing of runs without `--dump` for the benchmark.
"""
import argparse, json, os, sys, tempfile, time, warnings

warnings.filterwarnings("ignore")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np
import transformers
from transformers import BertTokenizer
import ratsnlp
from ratsnlp.nlpbook.qa import QATrainArguments, KorQuADV1Corpus, QADataset
import ratsnlp.nlpbook.qa.corpus as rcorpus

_convert_one = rcorpus._squad_convert_example_to_features


def _tagged_convert_one(example, **kwargs):
    "ratsnlp's per-example conversion, with each resulting feature tagged by the example's position"
    feats = _convert_one(example, **kwargs)
    for f in feats: f.bench_example = example.bench_index
    return feats


def _kept_question_ids(path):
    "Question id of each example ratsnlp's KorQuADV1Corpus makes, in its order (one per answer it keeps)"
    with open(path, encoding="utf-8") as f: data = json.load(f)["data"]
    ids = []
    for entry in data:
        for p in entry["paragraphs"]:
            for qa in p["qas"]:
                for a in qa["answers"]:
                    # ratsnlp keeps an answer only when all four are truthy (so answer_start == 0 is dropped)
                    if qa["question"] and a["text"] and p["context"] and a["answer_start"]: ids.append(qa["id"])
    return ids


class TaggingCorpus(KorQuADV1Corpus):
    "ratsnlp's KorQuADV1Corpus; each example also gets its position (bench_index) and question id"
    def get_examples(self, corpus_dir, mode):
        examples = super().get_examples(corpus_dir, mode)
        self.question_ids = _kept_question_ids(os.path.join(corpus_dir, self.train_file))
        if len(self.question_ids) != len(examples):
            raise RuntimeError(f"{len(examples)} ratsnlp examples but {len(self.question_ids)} question ids")
        for i, e in enumerate(examples): e.bench_index = i
        self.n_examples = len(examples)
        return examples


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True, help="corpus root dir holding korquad-v1/KorQuAD_v1.0_train.json")
    ap.add_argument("--vocab", required=True, help="tokenizer folder (vocab.txt)")
    ap.add_argument("--result", required=True, help="JSON file for the timing")
    ap.add_argument("--dump", help="also write the features (npz) tagged by question id")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--max-seq-length", type=int, default=128)
    ap.add_argument("--max-query-length", type=int, default=32)
    ap.add_argument("--doc-stride", type=int, default=64)
    a = ap.parse_args()

    tokenizer = BertTokenizer.from_pretrained(a.vocab, do_lower_case=False)
    args = QATrainArguments(pretrained_model_name=a.vocab, downstream_corpus_name="korquad-v1",
                            downstream_corpus_root_dir=a.root, downstream_model_dir=tempfile.mkdtemp(),
                            max_seq_length=a.max_seq_length, max_query_length=a.max_query_length,
                            doc_stride=a.doc_stride, threads=a.threads, overwrite_cache=True, tqdm_enabled=False)
    if a.dump:
        corpus = TaggingCorpus()
        rcorpus._squad_convert_example_to_features = _tagged_convert_one
    else:
        corpus = KorQuADV1Corpus()
    t0 = time.perf_counter()
    ds = QADataset(args=args, tokenizer=tokenizer, corpus=corpus, mode="train")
    seconds = time.perf_counter() - t0
    res = {"seconds": seconds, "features": len(ds), "threads": a.threads, "dump": bool(a.dump),
           "versions": {"ratsnlp": getattr(ratsnlp, "__version__", "1.0.53"), "transformers": transformers.__version__,
                        "torch": __import__("torch").__version__, "python": sys.version.split()[0]},
           "tokenizer": type(tokenizer).__name__}
    if a.dump:
        feats = ds.features
        np.savez(a.dump,
                 input_ids=np.asarray([f.input_ids for f in feats], dtype=np.int32).reshape(len(feats), -1),
                 attention_mask=np.asarray([f.attention_mask for f in feats], dtype=np.int8).reshape(len(feats), -1),
                 token_type_ids=np.asarray([f.token_type_ids for f in feats], dtype=np.int8).reshape(len(feats), -1),
                 start_positions=np.asarray([f.start_positions for f in feats], dtype=np.int64),
                 end_positions=np.asarray([f.end_positions for f in feats], dtype=np.int64),
                 example=np.asarray([f.bench_example for f in feats], dtype=np.int64),
                 question_ids=np.asarray(corpus.question_ids, dtype=object))
        res["examples"] = corpus.n_examples
    with open(a.result, "w") as f: json.dump(res, f)


if __name__ == "__main__":
    main()
