#!/usr/bin/env python3
"""Pre-train the demo's tiny BERT with masked language modelling on the bundled training sample.

    python tools/pretrain_tiny_bert.py                  # writes ratsqa_nb/data/tiny-bert-mlm/
    python tools/pretrain_tiny_bert.py --steps 200 --out /tmp/mlm   # a quick look
    python tools/pretrain_tiny_bert.py --steps 4 --max-questions 200 --out /tmp/mlm   # checks the script (tests/test_tools.py)

Why: the book fine-tunes a *pre-trained* encoder (kcbert-base).  The offline demo has no pre-trained Korean
encoder, and a tiny BERT that starts from random weights must learn Korean and the QA task together inside the
demo's two CPU minutes.  This tool does the first part once, offline, the way BERT was pre-trained: windows of
the bundled *training* file (question + context in the `[CLS] question [SEP] context [SEP]` layout the QA model
later reads, made by the fine-tuning's own `ratsqa_nb.dataset.build_features` with the same lengths, so
token-type embeddings are trained too) with 15 % of the tokens masked
(`DataCollatorForLanguageModeling`: 80 % [MASK], 10 % a random token, 10 % unchanged), a plain AdamW loop
with linear warm-up and decay.  The dev file is never read.  The result is saved with `save_pretrained`
(`BertForMaskedLM`, 32-bit safetensors, about 1 MB) next to the bundled vocabulary, and
`ratsqa_nb.model.bundled_tiny_bert` opens it as a `BertForQuestionAnswering` (the MLM head is dropped, the span
head starts from a seeded random init) -- the same `from_pretrained` path a kcbert user takes.

The model's shape is `ratsqa_nb.pipeline.DEMO_MODEL` (hidden 64, 2 layers, 4 heads, feed-forward 128, no dropout,
position embeddings started from sine/cosine codes).  Run this again after changing the sample, the vocabulary
or `DEMO_MODEL`.  Runs are seeded; on another CPU the float sums may round differently, so a re-run gives a
checkpoint of the same quality, not the same bytes.  About 8 minutes on 2 CPU cores with the defaults.
"""
import argparse, json, math, shutil, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv=None):
    from ratsqa_nb.pipeline import DEMO_MODEL
    from ratsqa_nb.corpus import KorQuADV1Corpus, sample_root
    from ratsqa_nb.dataset import build_features
    from ratsqa_nb.model import tiny_bert_config, sinusoidal_positions
    from ratsqa_nb.tokenizer import bundled_tokenizer
    from ratsqa_nb.training import NO_DECAY
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT/"ratsqa_nb"/"data"/"tiny-bert-mlm")
    p.add_argument("--steps", type=int, default=3000)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-questions", type=int, default=None, help="use only the first N training questions (quick checks)")
    a = p.parse_args(argv)

    import torch
    from torch.utils.data import DataLoader, RandomSampler
    from transformers import BertForMaskedLM, DataCollatorForLanguageModeling, get_linear_schedule_with_warmup
    torch.manual_seed(a.seed)
    with tempfile.TemporaryDirectory() as tmp:
        tok = bundled_tokenizer(tmp)
    examples = KorQuADV1Corpus().get_examples(sample_root()/"korquad-v1", "train")[:a.max_questions]
    feats = build_features(examples, tok, 128, 32, 64, progress=False) # the fine-tuning's windows and lengths
    ids, types, lens = feats.arrays["input_ids"], feats.arrays["token_type_ids"], feats.arrays["attention_mask"].sum(1)
    # the windows without their padding: the collator pads each batch to its longest window and masks real tokens only
    data = [{"input_ids": ids[i, :n].tolist(), "token_type_ids": types[i, :n].tolist()} for i, n in enumerate(lens.tolist())]
    shape = {k: v for k, v in DEMO_MODEL.items() if k != "sinusoidal"}
    model = BertForMaskedLM(tiny_bert_config(len(tok), pad_token_id=tok.pad_token_id, **shape))
    if DEMO_MODEL.get("sinusoidal"):
        emb = model.bert.embeddings.position_embeddings.weight
        with torch.no_grad(): emb.copy_(sinusoidal_positions(*emb.shape))
    collate = DataCollatorForLanguageModeling(tok, mlm_probability=0.15, return_tensors="pt")
    g = torch.Generator().manual_seed(a.seed)
    loader = DataLoader(data, batch_size=a.batch, sampler=RandomSampler(data, replacement=True, num_samples=a.steps * a.batch,
                                                                        generator=g), collate_fn=collate)
    named = list(model.named_parameters()) # the fine-tuning's decay groups (QATask): none on biases and LayerNorm
    opt = torch.optim.AdamW([{"params": [p for n, p in named if not any(k in n for k in NO_DECAY)], "weight_decay": 0.01},
                             {"params": [p for n, p in named if any(k in n for k in NO_DECAY)], "weight_decay": 0.0}],
                            lr=a.lr, foreach=True)
    sched = get_linear_schedule_with_warmup(opt, a.steps // 20, a.steps)
    print(f"{len(examples)} training questions -> {len(data)} windows; {sum(p.numel() for p in model.parameters())/1e6:.2f} M "
          f"parameters; {a.steps} steps x {a.batch}", flush=True)
    model.train(); t0, run = time.time(), []
    for step, batch in enumerate(loader, 1):
        labels = batch.pop("labels")
        hidden = model.bert(**batch).last_hidden_state
        keep = labels != -100 # the prediction head runs on the masked positions only (7x less work than on all)
        logits = model.cls(hidden[keep])
        loss = torch.nn.functional.cross_entropy(logits, labels[keep])
        loss.backward(); torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step(); sched.step(); opt.zero_grad(set_to_none=True)
        run.append(loss.item())
        if step % 250 == 0 or step == a.steps:
            m = sum(run) / len(run); run = []
            print(f"step {step:5d}  mlm loss {m:.3f}  (perplexity {math.exp(m):.1f})  {time.time() - t0:.0f} s", flush=True)
    # write next to the destination, then swap: a crash never leaves a half-written model folder
    a.out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=a.out.parent, prefix=f".{a.out.name}."))
    model.save_pretrained(stage); tok.save_pretrained(stage)
    (stage/"pretraining.json").write_text(json.dumps({"tool": "tools/pretrain_tiny_bert.py", "steps": a.steps, "batch": a.batch,
        "lr": a.lr, "seed": a.seed, "windows": len(data), "final_mlm_loss": round(m, 4), "data": "bundled train file only"},
        indent=1) + "\n", encoding="utf-8")
    stage.chmod(0o755)
    for f in stage.iterdir(): f.chmod(0o644)
    if a.out.exists(): shutil.rmtree(a.out)
    stage.rename(a.out)
    print(f"wrote {a.out} in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
